//! The demo regency for `suara serve --demo`: Kabupaten Trenggalek's 14 districts, its
//! main service units, officers, and a year of survey responses with believable variation
//! (units differ in quality, some elements are weaker, things improve slowly). Everything
//! is generated from a fixed seed, so two demo databases hold the same figures.

use suara_domain::access::Role;
use suara_domain::integrity::signed_head::LogKey;
use suara_domain::org::hours::ServiceHours;
use suara_domain::org::import::{CurrentOfficer, Snapshot};
use suara_domain::org::PayDetails;
use suara_domain::survey::{validate, ProfileDraft, ResponseDraft, ValidResponse};
use suara_domain::tpp::inputs::parse_base_amounts;
use suara_domain::tpp::payroll::RunState;
use suara_domain::tpp::rupiah;
use suara_store::{
    Channel, LogSigner, NewAccount, Officer, Service, ServicePoint, Store, Submission, Tenant, Unit,
};
use time::{Date, Month as CalendarMonth, OffsetDateTime, PrimitiveDateTime, Time};

mod catalogue;
mod generated;
mod innovation;
mod musrena;
mod villages;

pub use generated::{generate, generated_responses, Size};
pub use innovation::DEMO_EFFECT;

pub const TENANT_ID: &str = "trenggalek";
/// Password of every demo account: this is demo data, never a real deployment.
pub const DEMO_PASSWORD: &str = "suara-demo-2026";

const DISTRICTS: [&str; 14] = [
    "Bendungan",
    "Dongko",
    "Durenan",
    "Gandusari",
    "Kampak",
    "Karangan",
    "Munjungan",
    "Panggul",
    "Pogalan",
    "Pule",
    "Suruh",
    "Trenggalek",
    "Tugu",
    "Watulimo",
];
const PUSKESMAS: [&str; 6] = [
    "Panggul",
    "Watulimo",
    "Durenan",
    "Karangan",
    "Pogalan",
    "Trenggalek",
];

/// Fills the database with the demo regency unless it already holds a regency.
pub async fn fill_if_empty(store: &Store, key: &LogKey) -> Result<(), suara_store::StoreError> {
    if !store.tenants().await?.is_empty() {
        println!("demo: the database already holds a regency; leaving it as it is");
        return Ok(());
    }
    let org = organisation(DEMO_SEED, None);
    let (tenant, password_hash) = create_regency(store, &tenant(), &org).await?;
    let start = OffsetDateTime::now_utc();
    let today = start.to_offset(tenant.offset()).date();
    let plants = innovation::plants(&org, today, innovation::DEMO_EFFECT);
    let responses = responses(&org, &tenant, start, &plants, RESPONSES_SEED);
    for chunk in responses.chunks(2000) {
        let submissions = chunk.iter().map(|(response, at, channel)| Submission {
            response,
            channel: *channel,
            received_at: *at,
            signals: None,
        });
        store.record_responses(&tenant, submissions).await?;
    }
    // The demo officer is the civil-registry officer named most often last month, so their
    // TPP explanation and appeal have something to show.
    let last_month = tenant.month_of(OffsetDateTime::now_utc()).previous();
    let mut named: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for (response, at, _) in &responses {
        if response.unit == DEMO_OFFICER_UNIT && tenant.month_of(*at) == last_month {
            if let Some(nip) = &response.officer {
                *named.entry(nip.as_str()).or_default() += 1;
            }
        }
    }
    let officer_nip = named
        .iter()
        .max_by_key(|(nip, count)| (**count, std::cmp::Reverse(**nip)))
        .map(|(nip, _)| nip.to_string());
    create_accounts(store, TENANT_ID, &password_hash, officer_nip.as_deref()).await?;
    let paid = tpp(store, &tenant, officer_nip.as_deref(), key).await?;
    println!("demo: {paid}");
    let now = OffsetDateTime::now_utc();
    let planning = musrena::fill(store, now.to_offset(tenant.offset()).date(), now).await?;
    println!("demo: {planning}");
    follow_up_plans(store, &tenant, now).await?;
    let reviewed = review_suggestions(store, &org, now).await?;
    println!("demo: {reviewed} suggestions reviewed by their units; Dinas Kesehatan's wait for admin-dinkes");
    let innovations = innovation::fill(store, TENANT_ID, &org, today, now).await?;
    println!("demo: {innovations}");
    println!(
        "demo: staff accounts admin, bkpsdm, bpkad, inspektorat, bappeda, admin-dinkes \
         (unit admin of Dinas Kesehatan) and pegawai (an officer), password {DEMO_PASSWORD}"
    );
    println!(
        "demo: Kabupaten Trenggalek with {} units, {} services, {} officers and {} responses",
        org.units.len(),
        org.services.len(),
        org.officers.len(),
        responses.len()
    );
    Ok(())
}

/// Every unit but Dinas Kesehatan has read its citizens' suggestions and shown them, so
/// reports list them; Dinas Kesehatan's wait, for the tour's unit admin to review.
async fn review_suggestions(
    store: &Store,
    org: &Organisation,
    now: OffsetDateTime,
) -> Result<u64, suara_store::StoreError> {
    let mut reviewed = 0;
    for unit in org.units.iter().filter(|u| u.unit_id != "dinkes") {
        let queue = suara_app::suggestions::queue(store, TENANT_ID, &unit.unit_id).await?;
        reviewed += suara_app::suggestions::show_unflagged(
            store,
            TENANT_ID,
            &unit.unit_id,
            &queue,
            None,
            "admin",
            now,
        )
        .await?;
    }
    Ok(reviewed)
}

/// The demo's fixed seed: two demo databases hold the same figures.
const DEMO_SEED: u64 = 0x5eed_7e11_ea1e_c7ed;

/// The demo regency: Kabupaten Trenggalek, in WIB.
pub fn tenant() -> Tenant {
    Tenant {
        tenant_id: TENANT_ID.into(),
        name: "Kabupaten Trenggalek".into(),
        utc_offset_minutes: 420,
    }
}

/// The regency (tenant) and its organisation; returns the tenant and the hash of the demo
/// password for the accounts.
async fn create_regency(
    store: &Store,
    tenant: &Tenant,
    org: &Organisation,
) -> Result<(Tenant, String), suara_store::StoreError> {
    store.upsert_tenant(tenant).await?;
    let password_hash = suara_app::credentials::hash_password(DEMO_PASSWORD)
        .map_err(|e| suara_store::StoreError::Corrupt(format!("hashing the demo password: {e}")))?;
    let snapshot = Snapshot {
        units: org.units.clone(),
        services: org.services.clone(),
        points: org.points.clone(),
        officers: org.officers.clone(),
        villages: villages::villages(),
        catalogue: catalogue::catalogue(),
        issues: catalogue::issues(),
        closed_months: Default::default(),
        contacts: Default::default(),
    };
    store
        .seed_organisation(
            &tenant.tenant_id,
            &snapshot,
            "demo",
            OffsetDateTime::now_utc(),
        )
        .await?;
    Ok((tenant.clone(), password_hash))
}

/// One staff account per role; `pegawai` is the given officer.
async fn create_accounts(
    store: &Store,
    tenant_id: &str,
    password_hash: &str,
    officer_nip: Option<&str>,
) -> Result<(), suara_store::StoreError> {
    for (username, role, unit, nip) in [
        ("admin", Role::Administrator, None, None),
        ("bkpsdm", Role::Hr, None, None),
        ("bpkad", Role::Finance, None, None),
        ("inspektorat", Role::Inspectorate, None, None),
        ("bappeda", Role::Planner, None, None),
        ("admin-dinkes", Role::UnitAdmin, Some("dinkes"), None),
        ("pegawai", Role::Officer, None, officer_nip),
    ] {
        let account = NewAccount {
            username,
            password_hash,
            must_change_password: false,
            role,
            unit_id: unit,
            nip,
        };
        store
            .create_account(tenant_id, &account, "demo", OffsetDateTime::now_utc())
            .await?;
    }
    Ok(())
}

/// Follow-up plans of this year for the civil registry, a health centre and a district
/// office, at different stages.
async fn follow_up_plans(
    store: &Store,
    tenant: &Tenant,
    now: OffsetDateTime,
) -> Result<(), suara_store::StoreError> {
    use suara_domain::period::Period;
    use suara_domain::skm::follow_up::{validate, PlanDraft, Status};
    let year = Period::Year(tenant.month_of(now).year());
    let plans = [
        (
            "dispendukcapil",
            "U3",
            "Menambah satu loket dan layanan jemput bola KTP-el di kecamatan pada jam sibuk",
            "Kepala Bidang Pelayanan Pendaftaran Penduduk",
            "2026-12-31",
            Status::InProgress,
            Some("Loket 4 dibuka sejak Oktober"),
        ),
        (
            "dispendukcapil",
            "U8",
            "Kotak saran dibuka tiap Jumat dan jawabannya ditempel di papan informasi",
            "Sekretaris Dinas",
            "2026-11-30",
            Status::Done,
            Some("Dijalankan sejak September"),
        ),
        (
            "puskesmas-panggul",
            "U9",
            "Menambah kipas angin dan kursi di ruang tunggu",
            "Kepala Puskesmas",
            "2027-01-31",
            Status::Planned,
            None,
        ),
        (
            "kecamatan-trenggalek",
            "U1",
            "Menempel daftar persyaratan setiap layanan di depan loket",
            "Kepala Seksi Pelayanan",
            "2026-12-15",
            Status::InProgress,
            None,
        ),
    ];
    for (unit, element, action, owner, deadline, status, note) in plans {
        if store.unit(TENANT_ID, unit).await?.is_none() {
            continue;
        }
        let plan = validate(&PlanDraft {
            element: element.into(),
            action: action.into(),
            owner: owner.into(),
            deadline: deadline.into(),
        })
        .map_err(|p| suara_store::StoreError::Corrupt(format!("demo plan: {p:?}")))?;
        let id = store
            .add_follow_up(TENANT_ID, unit, year, &plan, "admin", now)
            .await?;
        if status != Status::Planned {
            store
                .update_follow_up(TENANT_ID, unit, &id, status, note, "admin", now)
                .await?;
        }
    }
    Ok(())
}

/// The unit of the demo officer account.
const DEMO_OFFICER_UNIT: &str = "dispendukcapil";

/// Base TPP per position class, as in the example file finance would import.
const BASE_AMOUNTS: &[u8] = include_bytes!("../examples/tpp/base-amounts.csv");

/// TPP history: base amounts, and the payroll of two months ago (its evidence sources
/// confirmed by the inspectorate) computed, reviewed by BKPSDM, approved and locked by
/// BPKAD; last month is left for the inspectorate to confirm and finance to run. The demo
/// officer has appealed one response of last month, waiting for the inspectorate.
async fn tpp(
    store: &Store,
    tenant: &Tenant,
    demo_officer: Option<&str>,
    key: &LogKey,
) -> Result<String, suara_store::StoreError> {
    let now = OffsetDateTime::now_utc();
    let amounts = parse_base_amounts(BASE_AMOUNTS).map_err(|errors| {
        suara_store::StoreError::Corrupt(format!("demo base amounts: {errors:?}"))
    })?;
    store
        .replace_base_amounts(TENANT_ID, &amounts, "bpkad", now)
        .await?;
    let last_month = tenant.month_of(now).previous();
    let locked_month = last_month.previous();
    let fail = |e: suara_store::TppError| suara_store::StoreError::Corrupt(e.to_string());
    // The inspectorate checked the kiosks of the paid month; last month's wait for it.
    let policy = store.policy_for(TENANT_ID, locked_month).await?;
    for source in store
        .evidence_sources(TENANT_ID, locked_month, &policy)
        .await?
    {
        store
            .confirm_source(
                TENANT_ID,
                locked_month,
                &source.source,
                source.latest_response,
                "inspektorat",
                now,
            )
            .await
            .map_err(|e| suara_store::StoreError::Corrupt(e.to_string()))?;
    }
    let run = store
        .run_payroll(TENANT_ID, locked_month, "bkpsdm", now, &LogSigner::new(key))
        .await
        .map_err(fail)?;
    for (from, actor) in [
        (RunState::Draft, "bkpsdm"),
        (RunState::Reviewed, "bpkad"),
        (RunState::Approved, "bpkad"),
    ] {
        store
            .advance_run(TENANT_ID, locked_month, run.version, from, actor, now)
            .await
            .map_err(fail)?;
    }
    let officer = demo_officer.unwrap_or_default();
    let naming = store
        .responses_naming(TENANT_ID, officer, last_month)
        .await?;
    if let Some(lowest) = naming
        .iter()
        .min_by_key(|r| r.answers.iter().flatten().sum::<u8>())
    {
        store
            .file_appeal(
                TENANT_ID,
                officer,
                lowest.response_id,
                "Pada jam itu saya bertugas di kecamatan (jemput bola KTP-el); yang melayani rekan lain.",
                now,
            )
            .await
            .map_err(fail)?;
    }
    Ok(format!(
        "TPP base amounts for {} position classes; {locked_month} payroll locked (Rp{} for {} officers); {last_month} left to run",
        amounts.len(),
        rupiah(run.total),
        run.paid
    ))
}

struct Organisation {
    units: Vec<Unit>,
    services: Vec<Service>,
    points: Vec<ServicePoint>,
    officers: Vec<CurrentOfficer>,
    /// Per unit with services: (unit code, quality on the 1–4 scale).
    rated_units: Vec<(String, f64)>,
}

/// Hours of the demo's offices, as East Java regencies post them.
const OFFICE_HOURS: &str = "Sen-Kam 07:30-15:30; Jum 07:30-11:00";

/// Officers per unit who serve the public (and are rated by name); the rest work in the
/// back office and take their unit's score.
const FRONT_LINE: usize = 10;

/// Kabupaten Trenggalek's units and services; officers as the units' own staff lists, or
/// `officers` of them spread over the units in the same proportions.
fn organisation(seed: u64, officers: Option<usize>) -> Organisation {
    let mut rng = Rng(seed);
    let mut org = units_and_services(&mut rng);
    hours_and_users(&mut org.units, &org.rated_units, &mut rng);
    org.officers = staff(&org.units, officers, &mut rng);
    signatories(&mut org.units, &org.officers);
    org
}

/// The demo's units and their services, counters and quality on the 1–4 scale; no
/// officers yet.
fn units_and_services(rng: &mut Rng) -> Organisation {
    let mut org = Organisation {
        units: Vec::new(),
        services: Vec::new(),
        points: Vec::new(),
        officers: Vec::new(),
        rated_units: Vec::new(),
    };
    offices(&mut org, rng);
    districts_and_agencies(&mut org, rng);
    org
}

/// The offices with the busiest counters: civil registry, licensing, health, social affairs
/// and transport.
fn offices(org: &mut Organisation, rng: &mut Rng) {
    org.add_unit(
        "dispendukcapil",
        None,
        "Dinas Kependudukan dan Pencatatan Sipil",
        "dinas",
    );
    org.add_services(
        "dispendukcapil",
        &[
            ("ktp-el", "Perekaman dan pencetakan KTP-el"),
            ("kartu-keluarga", "Kartu Keluarga"),
            ("akta-kelahiran", "Akta kelahiran"),
            ("pindah-datang", "Surat pindah dan datang"),
        ],
        rng,
    );
    org.add_unit(
        "dpmptsp",
        None,
        "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
        "dinas",
    );
    org.add_services(
        "dpmptsp",
        &[
            ("perizinan-berusaha", "Perizinan berusaha (NIB)"),
            ("pbg", "Persetujuan Bangunan Gedung"),
        ],
        rng,
    );
    org.add_unit("rsud-soedomo", None, "RSUD dr. Soedomo Trenggalek", "rsud");
    org.add_services(
        "rsud-soedomo",
        &[
            ("rawat-jalan", "Rawat jalan"),
            ("igd", "Instalasi Gawat Darurat"),
            ("rawat-inap", "Rawat inap"),
        ],
        rng,
    );
    org.add_unit(
        "dinkes",
        None,
        "Dinas Kesehatan, Pengendalian Penduduk dan Keluarga Berencana",
        "dinas",
    );
    for name in PUSKESMAS {
        let id = format!("puskesmas-{}", name.to_lowercase());
        org.add_unit(
            &id,
            Some("dinkes"),
            &format!("Puskesmas {name}"),
            "puskesmas",
        );
        let poli = format!("{}-poli-umum", name.to_lowercase());
        let kia = format!("{}-kia", name.to_lowercase());
        org.add_services(
            &id,
            &[(&poli, "Poli umum"), (&kia, "Kesehatan ibu dan anak (KIA)")],
            rng,
        );
    }
    org.add_unit(
        "dinsos",
        None,
        "Dinas Sosial, Pemberdayaan Perempuan dan Perlindungan Anak",
        "dinas",
    );
    org.add_services(
        "dinsos",
        &[("dtks", "Layanan data terpadu kesejahteraan sosial (DTKS)")],
        rng,
    );
    org.add_unit("dishub", None, "Dinas Perhubungan", "dinas");
    org.add_services(
        "dishub",
        &[("uji-kir", "Pengujian kendaraan bermotor (KIR)")],
        rng,
    );
}

/// The districts' PATEN counters and the agencies with no public service.
fn districts_and_agencies(org: &mut Organisation, rng: &mut Rng) {
    for name in DISTRICTS {
        let id = format!("kecamatan-{}", name.to_lowercase());
        org.add_unit(&id, None, &format!("Kecamatan {name}"), "kecamatan");
        let paten = format!("{}-paten", name.to_lowercase());
        org.add_services(
            &id,
            &[(&paten, "Pelayanan Administrasi Terpadu Kecamatan (PATEN)")],
            rng,
        );
    }

    for (id, name, kind) in [
        (
            "bkpsdm",
            "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
            "badan",
        ),
        (
            "bpkad",
            "Badan Pengelolaan Keuangan dan Aset Daerah",
            "badan",
        ),
        ("bappeda", "Badan Perencanaan Pembangunan Daerah", "badan"),
        ("inspektorat", "Inspektorat Daerah", "inspektorat"),
    ] {
        org.add_unit(id, None, name, kind);
    }
}

impl Organisation {
    fn add_unit(&mut self, id: &str, parent: Option<&str>, name: &str, kind: &str) {
        self.units.push(Unit {
            unit_id: id.into(),
            parent_id: parent.map(Into::into),
            name: name.into(),
            kind: kind.into(),
            monthly_users: None,
            service_hours: None,
            head_nip: None,
            treasurer_nip: None,
        });
    }

    /// A unit's services, a counter per service (at most three), and its quality.
    fn add_services(&mut self, unit: &str, list: &[(&str, &str)], rng: &mut Rng) {
        for (id, name) in list {
            self.services.push(Service {
                service_id: (*id).into(),
                unit_id: unit.into(),
                name: (*name).into(),
            });
        }
        for counter in 1..=1 + list.len().min(3) {
            self.points.push(ServicePoint {
                point_id: format!("{unit}-loket-{counter}"),
                unit_id: unit.into(),
                name: format!("Loket {counter}"),
            });
        }
        self.rated_units
            .push((unit.to_string(), 2.75 + rng.unit() * 0.95));
    }
}

/// Office hours where offices keep them, and the users a month of units with services.
fn hours_and_users(units: &mut [Unit], rated_units: &[(String, f64)], rng: &mut Rng) {
    // Offices keep office hours (so answers at night are held for review); the hospital,
    // the puskesmas and civil registration post none and are not judged by the hour.
    let office_hours: ServiceHours = OFFICE_HOURS.parse().expect("the demo's hours parse");
    for unit in units.iter_mut() {
        if unit.kind == "kecamatan"
            || ["dpmptsp", "dinsos", "dishub"].contains(&unit.unit_id.as_str())
        {
            unit.service_hours = Some(office_hours.clone());
        }
    }

    // Units with public services know roughly how many people they serve a month.
    for unit in units.iter_mut() {
        if rated_units.iter().any(|(id, _)| *id == unit.unit_id) {
            unit.monthly_users = Some(250 + rng.below(30) as u32 * 50);
        }
        if unit.unit_id == DEMO_OFFICER_UNIT {
            unit.monthly_users = Some(400);
        }
    }
}

/// Each unit's officers: the demo's own lists, or `officers` spread over the units.
fn staff(units: &[Unit], officers: Option<usize>, rng: &mut Rng) -> Vec<CurrentOfficer> {
    // A generated regency spreads its officers in the proportions of the demo's units.
    let scaled = officers.map(|total| {
        let weights: Vec<usize> = units
            .iter()
            .map(|unit| if unit.kind == "kecamatan" { 22 } else { 30 })
            .collect();
        spread(total, &weights)
    });
    let mut list = Vec::new();
    let mut nips = std::collections::HashSet::new();
    for (position, unit) in units.iter().enumerate() {
        // The demo's units serve the public with their first ten; a generated one with a third.
        let (staff, front_line) = match &scaled {
            None => {
                let base = if unit.kind == "kecamatan" { 22 } else { 30 };
                (base + rng.below(15) as usize, FRONT_LINE)
            }
            Some(parts) => (parts[position], parts[position] / 3),
        };
        for index in 0..staff {
            let serial = list.len();
            let officer = loop {
                let candidate = officer(rng, &unit.unit_id, serial, index < front_line);
                if nips.insert(candidate.officer.nip.clone()) {
                    break candidate;
                }
            };
            list.push(officer);
        }
    }
    list
}

/// Each unit's payable list is signed by its head; the treasurer is the OPD's, so a
/// sub-unit (a puskesmas, an UPT) names none and takes its parent's.
fn signatories(units: &mut [Unit], officers: &[CurrentOfficer]) {
    for unit in units.iter_mut() {
        let mut staff = officers
            .iter()
            .rev()
            .filter(|o| o.officer.unit_id == unit.unit_id);
        unit.head_nip = staff.next().map(|o| o.officer.nip.clone());
        if unit.parent_id.is_none() {
            unit.treasurer_nip = staff.next().map(|o| o.officer.nip.clone());
        }
    }
}

/// `total` split in proportion to `weights` (largest remainders; the parts sum to `total`).
fn spread(total: usize, weights: &[usize]) -> Vec<usize> {
    let sum = weights.iter().sum::<usize>().max(1);
    let mut parts: Vec<usize> = weights.iter().map(|w| total * w / sum).collect();
    let mut order: Vec<usize> = (0..weights.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse((total * weights[i]) % sum));
    let short = total - parts.iter().sum::<usize>();
    for &i in order.iter().cycle().take(short) {
        parts[i] += 1;
    }
    parts
}

fn officer(rng: &mut Rng, unit: &str, serial: usize, serves_public: bool) -> CurrentOfficer {
    const FIRST: [&str; 16] = [
        "Sri", "Budi", "Dwi", "Eko", "Siti", "Agus", "Rina", "Joko", "Wahyu", "Endang", "Yuli",
        "Teguh", "Nur", "Hadi", "Ratna", "Bambang",
    ];
    const LAST: [&str; 16] = [
        "Wahyuni",
        "Santoso",
        "Lestari",
        "Prasetyo",
        "Rahayu",
        "Setiawan",
        "Handayani",
        "Susanto",
        "Kurniawan",
        "Pratiwi",
        "Hidayat",
        "Utami",
        "Saputra",
        "Purnomo",
        "Wulandari",
        "Nugroho",
    ];
    let positions: &[&str] = if unit.starts_with("puskesmas") || unit.starts_with("rsud") {
        &["Dokter umum", "Perawat", "Bidan", "Petugas pendaftaran"]
    } else {
        &[
            "Petugas loket",
            "Verifikator",
            "Kepala seksi pelayanan",
            "Pengadministrasi umum",
        ]
    };
    let female = rng.below(2) == 0;
    // NIP: birth date (8) + appointment year and month (6) + sex (1) + serial (3).
    let nip = format!(
        "{:04}{:02}{:02}{:04}{:02}{}{:03}",
        1968 + rng.below(30),
        1 + rng.below(12),
        1 + rng.below(28),
        1995 + rng.below(28),
        1 + rng.below(12),
        if female { 2 } else { 1 },
        serial % 1000
    );
    let name = format!(
        "{} {}",
        FIRST[rng.below(16) as usize],
        LAST[rng.below(16) as usize]
    );
    let position = positions[rng.below(positions.len() as u64) as usize].into();
    let class = 5 + rng.below(5);
    // Pay details follow from the NIP and class, so the demo's other draws stay as they were.
    let pay = PayDetails {
        rank: ["II/c", "II/d", "III/a", "III/c", "IV/a"][class as usize - 5].into(),
        npwp: nip[..15].into(),
        bank: "Bank Jatim".into(),
        account_number: format!("00{}", &nip[8..]),
    };
    let officer = Officer {
        nip,
        name,
        position,
        position_class: class.to_string(),
        unit_id: unit.into(),
        serves_public,
        pay,
    };
    let since = Date::from_calendar_date(2012 + rng.below(13) as i32, CalendarMonth::January, 1)
        .ok()
        .and_then(|d| d.checked_add(time::Duration::days(rng.below(365) as i64)))
        .unwrap_or(Date::MIN);
    CurrentOfficer {
        officer,
        since,
        left_on: None,
    }
}

/// The seed of the demo's responses.
const RESPONSES_SEED: u64 = 0xdeca_fbad_1234_5678;

/// A year of responses up to `now`, in service hours (08:00–14:59 local time), with the
/// innovations' planted effects.
fn responses(
    org: &Organisation,
    tenant: &Tenant,
    now: OffsetDateTime,
    plants: &[innovation::Plant],
    seed: u64,
) -> Vec<(ValidResponse, OffsetDateTime, Channel)> {
    let mut rng = Rng(seed);
    let local_now = now.to_offset(tenant.offset());
    let mut out = Vec::new();
    let mut serial = 0u64;
    for months_back in (0..12).rev() {
        let (year, month) =
            months_before(local_now.year(), u8::from(local_now.month()), months_back);
        let Ok(calendar_month) = CalendarMonth::try_from(month) else {
            continue;
        };
        let last_day = if months_back == 0 {
            local_now.day()
        } else {
            calendar_month.length(year)
        };
        // Quality drifts up slightly over the year, as follow-up actions take effect.
        let drift = (11 - months_back) as f64 * 0.012;
        for (unit, quality) in &org.rated_units {
            let services: Vec<&Service> =
                org.services.iter().filter(|s| &s.unit_id == unit).collect();
            let officers: Vec<&Officer> = org
                .officers
                .iter()
                .map(|c| &c.officer)
                .filter(|o| &o.unit_id == unit)
                .take(FRONT_LINE)
                .collect();
            // Civil registry is the busiest counter of any regency: enough answers there, on
            // enough days, for the TPP evidence rule to judge (its 400 users a month call for
            // 197), where smaller units show "not enough evidence".
            let per_month = if unit == DEMO_OFFICER_UNIT {
                300 + rng.below(100)
            } else {
                20 + rng.below(25)
            };
            let count = per_month * u64::from(last_day) / u64::from(calendar_month.length(year));
            for _ in 0..count {
                serial += 1;
                let day = 1 + rng.below(u64::from(last_day)) as u8;
                let Ok(date) = Date::from_calendar_date(year, calendar_month, day) else {
                    continue;
                };
                let Ok(time) = Time::from_hms(
                    8 + rng.below(7) as u8,
                    rng.below(60) as u8,
                    rng.below(60) as u8,
                ) else {
                    continue;
                };
                let at = PrimitiveDateTime::new(date, time).assume_offset(tenant.offset());
                if at > now {
                    continue;
                }
                let answers = (0..9)
                    .map(|element| {
                        let planted = innovation::shift(plants, unit, element, date);
                        Some(rating(
                            &mut rng,
                            quality + drift + ELEMENT_BIAS[element] + planted,
                        ))
                    })
                    .collect();
                let named_officer = (rng.below(10) < 7)
                    .then(|| officers[rng.below(officers.len() as u64) as usize]);
                let pick = |rng: &mut Rng, codes: &[&str]| {
                    (rng.below(10) < 8)
                        .then(|| codes[rng.below(codes.len() as u64) as usize].to_string())
                };
                let draft = ResponseDraft {
                    tenant: None,
                    unit: Some(unit.clone()),
                    service: Some(
                        services[rng.below(services.len() as u64) as usize]
                            .service_id
                            .clone(),
                    ),
                    officer: named_officer.map(|o| o.nip.clone()),
                    answers: Some(answers),
                    profile: ProfileDraft {
                        sex: pick(&mut rng, suara_domain::survey::Sex::CODES),
                        age_band: pick(&mut rng, suara_domain::survey::AgeBand::CODES),
                        education: pick(&mut rng, suara_domain::survey::Education::CODES),
                        occupation: pick(&mut rng, suara_domain::survey::Occupation::CODES),
                    },
                    suggestion: (rng.below(100) < 12)
                        .then(|| SUGGESTIONS[rng.below(8) as usize].to_string()),
                    idempotency_key: Some(format!("demo-{serial:08}")),
                    ticket: None,
                    extra: None,
                };
                // Seven in ten answered at a counter kiosk (evidence for pay), the rest by
                // link or QR code (published SKM only).
                let channel = if serial % 10 < 7 {
                    Channel::Kiosk
                } else {
                    Channel::Web
                };
                if let Ok(valid) = validate(draft) {
                    out.push((valid, at, channel));
                }
            }
        }
    }
    out
}

/// Suggestions respondents leave, as the demo's survey boxes show them.
const SUGGESTIONS: [&str; 8] = [
    "Antrean terlalu lama, mohon ditambah loket.",
    "Petugas ramah dan sigap, terima kasih.",
    "Ruang tunggu panas, mohon ditambah kipas angin.",
    "Informasi persyaratan sebaiknya ditempel di depan.",
    "Parkir sempit dan tidak ada peneduh.",
    "Pelayanan cepat, pertahankan.",
    "Kotak saran tidak pernah dibuka, mohon ditindaklanjuti.",
    "Mohon disediakan kursi roda dan jalur landai.",
];

/// How each element tends to differ from a unit's overall quality: waiting time and
/// complaint handling are usually weakest, cost (mostly free services) strongest.
const ELEMENT_BIAS: [f64; 9] = [0.05, 0.0, -0.3, 0.35, 0.05, 0.1, 0.1, -0.25, -0.1];

/// A rating 1–4 around `mean`, with spread.
fn rating(rng: &mut Rng, mean: f64) -> i64 {
    let noisy = mean + (rng.unit() - 0.5) * 1.6;
    // Randomised rounding keeps the expected value at `noisy`.
    let value = noisy.floor() + if rng.unit() < noisy.fract() { 1.0 } else { 0.0 };
    value.clamp(1.0, 4.0) as i64
}

fn months_before(year: i32, month: u8, back: u32) -> (i32, u8) {
    let index = year * 12 + i32::from(month) - 1 - back as i32;
    (index.div_euclid(12), (index.rem_euclid(12) + 1) as u8)
}

/// SplitMix64: small, fast and deterministic; demo data needs no more.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_arithmetic() {
        assert_eq!(months_before(2026, 11, 0), (2026, 11));
        assert_eq!(months_before(2026, 11, 11), (2025, 12));
        assert_eq!(months_before(2026, 1, 1), (2025, 12));
    }

    #[test]
    fn demo_is_deterministic_and_valid() {
        let org = organisation(DEMO_SEED, None);
        assert_eq!(org.units.len(), 30);
        assert!(
            (900..1100).contains(&org.officers.len()),
            "{}",
            org.officers.len()
        );
        let nips: std::collections::HashSet<_> =
            org.officers.iter().map(|o| &o.officer.nip).collect();
        assert_eq!(nips.len(), org.officers.len(), "NIPs are unique");
        assert!(org
            .officers
            .iter()
            .all(|o| suara_domain::org::valid_nip(&o.officer.nip)));
        let tenant = Tenant {
            tenant_id: TENANT_ID.into(),
            name: "x".into(),
            utc_offset_minutes: 420,
        };
        let now = time::macros::datetime!(2026-11-22 12:00 UTC);
        let first = responses(&org, &tenant, now, &[], RESPONSES_SEED);
        let again = responses(
            &organisation(DEMO_SEED, None),
            &tenant,
            now,
            &[],
            RESPONSES_SEED,
        );
        assert_eq!(first.len(), again.len());
        assert!(first.iter().zip(&again).all(|(a, b)| a == b));
        assert!(first.iter().all(|(_, at, _)| *at <= now));
        assert!(first.len() > 8000, "{}", first.len());
    }
}
