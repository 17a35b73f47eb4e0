//! The demo's innovations: eight across the four stages, made with universities, businesses,
//! communities, villages, the media and other governments, for the SDGs and the Musrena
//! groups. Three have an effect planted in the responses from their start (`--innovation-effect
//! X`: X NRR points on their targeted element, one of them −X, an innovation that backfired);
//! the others have none, so the gallery shows every verdict.

use suara_domain::innovation::registry::{
    check_evidence, validate, validate_partner, Indicator, InnovationDraft, PartnerDraft,
};
use suara_domain::innovation::Stage;
use suara_domain::skm::Element;
use suara_store::{ProposalFilter, Store, StoreError};
use time::{Date, OffsetDateTime};

use super::{months_before, Organisation};

/// The planted effect of `suara serve --demo`, in NRR points.
pub const DEMO_EFFECT: f64 = 0.3;

/// An effect planted in one unit's answers to one element from a day on.
#[derive(Clone, Debug, PartialEq)]
pub struct Plant {
    pub unit: String,
    pub element: Element,
    pub from: Date,
    pub shift: f64,
}

/// The shift the plants put on `unit`'s answer to `element` on `day`.
pub fn shift(plants: &[Plant], unit: &str, element: usize, day: Date) -> f64 {
    plants
        .iter()
        .filter(|p| p.unit == unit && p.element.index() == element && day >= p.from)
        .map(|p| p.shift)
        .sum()
}

struct DemoInnovation {
    owner: String,
    draft: InnovationDraft,
    /// Stages after the idea, with their days.
    stages: Vec<(Stage, Date)>,
    /// Units that copied it, with their start days.
    copies: Vec<(String, Date)>,
    partners: Vec<PartnerDraft>,
    evidence: Vec<(Indicator, &'static str)>,
    /// −1, 0 or 1 times the planted effect, from each unit's start.
    planted: f64,
    /// The staff idea it grew from.
    idea: Option<(&'static str, &'static str)>,
}

/// The first day of the month `back` months before `today`'s.
fn first_of(today: Date, back: u32) -> Date {
    let (year, month) = months_before(today.year(), u8::from(today.month()), back);
    time::Month::try_from(month)
        .ok()
        .and_then(|m| Date::from_calendar_date(year, m, 1).ok())
        .unwrap_or(today)
}

fn partner(name: &str, kind: &str, role: &str, amount: &str, in_kind: &str) -> PartnerDraft {
    PartnerDraft {
        name: name.into(),
        kind: kind.into(),
        role: role.into(),
        amount: amount.into(),
        in_kind: in_kind.into(),
    }
}

#[allow(clippy::too_many_arguments)]
fn draft(
    title: &str,
    problem: &str,
    change: &str,
    element: Element,
    form: &str,
    digital: bool,
    affair: &str,
    sdgs: &str,
    groups: &[&str],
    team: Vec<String>,
) -> InnovationDraft {
    InnovationDraft {
        title: title.into(),
        problem: problem.into(),
        change: change.into(),
        elements: vec![element.code().into()],
        initiator: "unit".into(),
        form: form.into(),
        digital,
        affair: affair.into(),
        design: format!("{change} Dirancang bersama mitra dan diuji di satu loket dahulu."),
        goal: format!("Mengatasi masalah: {}", problem.to_lowercase()),
        benefit: "Warga dilayani lebih cepat dan jelas; kelompok rentan didahulukan.".into(),
        result: "Hasil diukur dari kepuasan warga sebelum dan sesudah dimulai.".into(),
        sdgs: sdgs.into(),
        groups: groups.iter().map(|g| g.to_string()).collect(),
        team: team.join(","),
    }
}

/// The government affair a demo unit's innovation belongs to.
fn affair_of(unit: &str) -> &'static str {
    if unit.starts_with("puskesmas") || unit.starts_with("rsud") || unit == "dinkes" {
        "Kesehatan"
    } else if unit == "dispendukcapil" {
        "Administrasi kependudukan dan pencatatan sipil"
    } else if unit == "dpmptsp" {
        "Penanaman modal"
    } else if unit.starts_with("kecamatan") {
        "Pemerintahan umum"
    } else {
        "Pelayanan publik"
    }
}

/// The demo innovations for the regency `org`, with dates around `today`. Planted ones go
/// to the rated units with the lowest quality, where the planted effect is not cut off by
/// the top of the 1–4 scale.
fn catalogue(org: &Organisation, today: Date) -> Vec<DemoInnovation> {
    let mut weakest: Vec<&(String, f64)> = org.rated_units.iter().collect();
    weakest.sort_by(|a, b| a.1.total_cmp(&b.1));
    let weakest: Vec<String> = weakest.into_iter().map(|(unit, _)| unit.clone()).collect();
    let mut all = first_innovations(org, today, &weakest);
    all.extend(later_innovations(org, today));
    all
}

/// Two officers of `unit`, the innovation's team.
fn team(org: &Organisation, unit: &str) -> Vec<String> {
    org.officers
        .iter()
        .filter(|o| o.officer.unit_id == unit)
        .take(2)
        .map(|o| o.officer.nip.clone())
        .collect()
}

/// The first two of [`catalogue`], planted on the weakest units; `weakest` are the rated
/// units, lowest quality first.
fn first_innovations(org: &Organisation, today: Date, weakest: &[String]) -> Vec<DemoInnovation> {
    let weak = |i: usize| weakest[i.min(weakest.len() - 1)].clone();
    let (queue, complaints) = (weak(0), weak(2));
    let mut all = vec![
        DemoInnovation {
            draft: draft(
                "Antrean daring lewat WhatsApp",
                "Warga menunggu berjam-jam di ruang tunggu tanpa tahu gilirannya",
                "Nomor antrean diambil lewat WhatsApp, warga datang saat gilirannya dekat.",
                Element::CompletionTime,
                "public_service",
                true,
                affair_of(&queue),
                "16.6, 9.c",
                &["elderly", "disability_physical", "women"],
                team(org, &queue),
            ),
            owner: queue.clone(),
            stages: vec![
                (Stage::Trial, first_of(today, 5)),
                (Stage::Implemented, first_of(today, 4)),
                (Stage::Replicated, first_of(today, 3)),
            ],
            copies: vec![(weak(1), first_of(today, 3))],
            partners: vec![
                partner(
                    "Universitas Brawijaya",
                    "university",
                    "Merancang alur antrean bersama warga",
                    "",
                    "Pendampingan dua dosen dan lima mahasiswa",
                ),
                partner(
                    "Bank Jatim Cabang Trenggalek",
                    "business",
                    "Dana CSR untuk perangkat layanan",
                    "Rp50.000.000",
                    "",
                ),
            ],
            evidence: vec![
                (
                    Indicator::Regulation,
                    "Keputusan kepala dinas tentang antrean daring",
                ),
                (Indicator::Replication, "Berita acara replikasi"),
            ],
            planted: 1.0,
            idea: None,
        },
        DemoInnovation {
            draft: draft(
                "Pengaduan dijawab dalam tiga hari",
                "Pengaduan warga lewat kotak saran tidak pernah dijawab",
                "Setiap pengaduan dicatat, diberi nomor dan dijawab paling lambat tiga hari kerja.",
                Element::ComplaintHandling,
                "governance",
                true,
                affair_of(&complaints),
                "16.6, 16.7",
                &["women", "other_vulnerable"],
                team(org, &complaints),
            ),
            owner: complaints.clone(),
            stages: vec![
                (Stage::Trial, first_of(today, 6)),
                (Stage::Implemented, first_of(today, 5)),
            ],
            copies: Vec::new(),
            partners: vec![partner(
                "Radio Suara Trenggalek",
                "media",
                "Mengumumkan jawaban pengaduan tiap pekan",
                "",
                "Siaran mingguan selama enam bulan",
            )],
            evidence: vec![(Indicator::Guide, "Pedoman penanganan pengaduan")],
            planted: 1.0,
            idea: Some((
                "Kotak saran yang benar-benar dibaca",
                "Nomor untuk setiap pengaduan dan batas tiga hari untuk menjawabnya.",
            )),
        },
    ];
    all.extend(health_innovations(org, today));
    all
}

/// The third and fourth of [`catalogue`], in the health service.
fn health_innovations(org: &Organisation, today: Date) -> Vec<DemoInnovation> {
    let puskesmas = "puskesmas-trenggalek".to_string();
    vec![
        DemoInnovation {
            draft: draft(
                "Pendaftaran poli lewat formulir daring",
                "Pendaftaran pasien di loket memakan waktu",
                "Pasien mendaftar sendiri lewat formulir daring sebelum datang.",
                Element::Procedure,
                "public_service",
                true,
                "Kesehatan",
                "3.8",
                &["elderly"],
                team(org, &puskesmas),
            ),
            owner: puskesmas.clone(),
            stages: vec![(Stage::Trial, first_of(today, 5))],
            copies: Vec::new(),
            partners: vec![partner(
                "Dinas Komunikasi dan Informatika Provinsi Jawa Timur",
                "government",
                "Menyediakan formulir dan server",
                "",
                "Server dan pelatihan petugas",
            )],
            evidence: Vec::new(),
            // Backfired: older patients found the form hard, and the procedure scores fell.
            planted: -1.0,
            idea: None,
        },
        DemoInnovation {
            draft: draft(
                "Jemput bola akta dan KTP-el di desa",
                "Warga lansia dan penyandang disabilitas sulit datang ke kantor",
                "Petugas datang ke balai desa sebulan sekali untuk perekaman dan akta.",
                Element::Procedure,
                "public_service",
                false,
                "Administrasi kependudukan dan pencatatan sipil",
                "16.9, 10.2",
                &[
                    "elderly",
                    "disability_physical",
                    "disability_visual",
                    "other_vulnerable",
                ],
                team(org, "dispendukcapil"),
            ),
            owner: "dispendukcapil".into(),
            stages: vec![
                (Stage::Trial, first_of(today, 6)),
                (Stage::Implemented, first_of(today, 4)),
            ],
            copies: Vec::new(),
            partners: vec![partner(
                "Pemerintah Desa Sumberejo",
                "village",
                "Menyediakan balai desa dan mengumpulkan warga",
                "",
                "Balai desa dan perangkat desa",
            )],
            evidence: vec![(Indicator::Outreach, "Jadwal jemput bola yang diumumkan")],
            planted: 0.0,
            idea: None,
        },
    ]
}

/// The last four of [`catalogue`].
fn later_innovations(org: &Organisation, today: Date) -> Vec<DemoInnovation> {
    let mut all = vec![
        DemoInnovation {
            draft: draft(
                "Mal pelayanan keliling",
                "Pelaku usaha di kecamatan jauh harus ke kota untuk izin",
                "Mobil layanan perizinan berkeliling ke kecamatan dua kali sebulan.",
                Element::Requirements,
                "public_service",
                false,
                "Penanaman modal",
                "8.3, 9.3",
                &["women"],
                team(org, "dpmptsp"),
            ),
            owner: "dpmptsp".into(),
            stages: vec![(Stage::Trial, today.replace_day(1).unwrap_or(today))],
            copies: Vec::new(),
            partners: vec![partner(
                "Kamar Dagang dan Industri Trenggalek",
                "business",
                "Mengabarkan jadwal ke anggotanya",
                "Rp15.000.000",
                "",
            )],
            evidence: Vec::new(),
            planted: 0.0,
            idea: None,
        },
        DemoInnovation {
            draft: draft(
                "Satu antrean untuk seluruh poliklinik",
                "Pasien mengantre ulang di setiap poliklinik",
                "Satu nomor antrean berlaku dari pendaftaran sampai apotek.",
                Element::CompletionTime,
                "public_service",
                true,
                "Kesehatan",
                "3.8",
                &["elderly", "children"],
                team(org, "rsud-soedomo"),
            ),
            owner: "rsud-soedomo".into(),
            stages: Vec::new(),
            copies: Vec::new(),
            partners: Vec::new(),
            evidence: Vec::new(),
            planted: 0.0,
            idea: Some((
                "Satu nomor antrean dari pendaftaran sampai apotek",
                "Pasien tidak perlu mengambil nomor baru di setiap poli.",
            )),
        },
    ];
    all.extend(last_innovations(org, today));
    all
}

/// The seventh and eighth of [`catalogue`], with a village community and in a puskesmas.
fn last_innovations(org: &Organisation, today: Date) -> Vec<DemoInnovation> {
    vec![
        DemoInnovation {
            draft: draft(
                "Kelas pengasuhan di desa bersama PKK",
                "Orang tua muda jarang mendapat informasi tumbuh kembang anak",
                "Kelas pengasuhan bulanan di balai desa, dibuka bersama kader PKK.",
                Element::ProductSpecification,
                "other",
                false,
                "Pemberdayaan perempuan dan perlindungan anak",
                "4.2, 5.4",
                &["women", "children"],
                team(org, "kecamatan-pogalan"),
            ),
            owner: "kecamatan-pogalan".into(),
            stages: vec![(Stage::Trial, first_of(today, 2))],
            copies: Vec::new(),
            partners: vec![partner(
                "Tim Penggerak PKK Kecamatan Pogalan",
                "community",
                "Kader sebagai fasilitator kelas",
                "",
                "Dua belas kader",
            )],
            evidence: vec![(Indicator::Actors, "Daftar kader fasilitator")],
            planted: 0.0,
            idea: None,
        },
        DemoInnovation {
            draft: draft(
                "Ruang tunggu ramah anak dan lansia",
                "Ruang tunggu panas dan tidak ada kursi prioritas",
                "Kursi prioritas, pojok bermain anak dan kipas angin di ruang tunggu.",
                Element::Facilities,
                "public_service",
                false,
                "Kesehatan",
                "11.7, 3.8",
                &["children", "elderly", "disability_physical"],
                team(org, "puskesmas-panggul"),
            ),
            owner: "puskesmas-panggul".into(),
            stages: vec![
                (Stage::Trial, first_of(today, 8)),
                (Stage::Implemented, first_of(today, 7)),
            ],
            copies: Vec::new(),
            partners: vec![partner(
                "Universitas Negeri Malang",
                "university",
                "Kajian kebutuhan ruang tunggu",
                "",
                "Kajian dan desain ruang",
            )],
            evidence: vec![(Indicator::Benefit, "Foto ruang tunggu sesudah diubah")],
            planted: 0.0,
            idea: None,
        },
    ]
}

/// The effects planted in the demo's responses: `effect` (NRR points) on each planted
/// innovation's element in every unit that uses it, from its start there.
pub fn plants(org: &Organisation, today: Date, effect: f64) -> Vec<Plant> {
    let mut out = Vec::new();
    for innovation in catalogue(org, today) {
        if innovation.planted == 0.0 {
            continue;
        }
        let element = innovation.draft.elements[0].as_str();
        let Some(element) = Element::ALL.into_iter().find(|e| e.code() == element) else {
            continue;
        };
        let owner_start = innovation
            .stages
            .iter()
            .find(|(stage, _)| *stage == Stage::Trial)
            .map(|(_, day)| (innovation.owner.clone(), *day));
        for (unit, from) in owner_start.into_iter().chain(innovation.copies) {
            out.push(Plant {
                unit,
                element,
                from,
                shift: innovation.planted * effect,
            });
        }
    }
    out
}

/// A one-page PDF standing in for a scanned decree or report.
fn evidence_pdf(title: &str) -> Vec<u8> {
    let text = title.replace(['(', ')', '\\'], " ");
    let stream = format!("BT /F1 14 Tf 72 760 Td ({text}) Tj ET");
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R \
         /Resources << /Font << /F1 5 0 R >> >> >>"
            .to_string(),
        format!(
            "<< /Length {} >>\nstream\n{stream}\nendstream",
            stream.len()
        ),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_string(),
    ];
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, object) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend_from_slice(format!("{} 0 obj\n{object}\nendobj\n", i + 1).as_bytes());
    }
    let xref = pdf.len();
    pdf.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for offset in offsets {
        pdf.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    pdf.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    pdf
}

fn fail(what: &str, error: impl std::fmt::Display) -> StoreError {
    StoreError::Corrupt(format!("demo innovation {what}: {error}"))
}

/// Registers the demo innovations with their stages, units, partners and evidence, staff
/// ideas (one open, one declined) and links to Musrena proposals where the demo has them.
pub async fn fill(
    store: &Store,
    tenant_id: &str,
    org: &Organisation,
    today: Date,
    now: OffsetDateTime,
) -> Result<String, StoreError> {
    let proposals = store
        .proposals(tenant_id, &ProposalFilter::default())
        .await?;
    let catalogue = catalogue(org, today);
    let count = catalogue.len();
    for (i, demo) in catalogue.into_iter().enumerate() {
        let innovation = validate(&demo.draft).map_err(|p| fail("draft", format!("{p:?}")))?;
        let registered = first_of(today, 9);
        let idea = match demo.idea {
            Some((title, description)) => Some(
                store
                    .submit_idea(tenant_id, &demo.owner, title, description, "pegawai", now)
                    .await
                    .map_err(|e| fail("idea", e))?,
            ),
            None => None,
        };
        // Two of them answer a Musrena proposal.
        let linked: Vec<String> = proposals
            .iter()
            .skip(i)
            .take(usize::from(i % 3 == 1))
            .map(|p| p.code.clone())
            .collect();
        let id = store
            .register_innovation(
                tenant_id,
                &demo.owner,
                &innovation,
                &linked,
                idea,
                registered,
                "admin",
                now,
            )
            .await
            .map_err(|e| fail("registration", e))?;
        for (unit, from) in &demo.copies {
            store
                .start_innovation_in(tenant_id, id, unit, *from, "admin", now)
                .await
                .map_err(|e| fail("copy", e))?;
        }
        for (stage, on) in &demo.stages {
            store
                .advance_innovation(tenant_id, id, *stage, *on, "admin", now)
                .await
                .map_err(|e| fail("stage", e))?;
        }
        for draft in &demo.partners {
            let partner = validate_partner(draft).map_err(|p| fail("partner", format!("{p:?}")))?;
            store
                .add_innovation_partner(tenant_id, id, &partner, "admin", now)
                .await
                .map_err(|e| fail("partner", e))?;
        }
        for (indicator, title) in &demo.evidence {
            let pdf = evidence_pdf(title);
            let kind = check_evidence(&pdf).map_err(|e| fail("evidence", e))?;
            store
                .add_innovation_evidence(tenant_id, id, *indicator, title, kind, &pdf, "admin", now)
                .await
                .map_err(|e| fail("evidence", e))?;
        }
    }
    staff_ideas(store, tenant_id, now).await?;
    Ok(format!(
        "{count} innovations with partners, SDG targets and evidence; 4 staff ideas"
    ))
}

/// The staff ideas that are not innovations (yet): one open, one declined.
async fn staff_ideas(
    store: &Store,
    tenant_id: &str,
    now: OffsetDateTime,
) -> Result<(), StoreError> {
    store
        .submit_idea(
            tenant_id,
            "dispendukcapil",
            "Tanda tangan elektronik untuk akta",
            "Akta kelahiran ditandatangani elektronik agar bisa dicetak di rumah.",
            "pegawai",
            now,
        )
        .await
        .map_err(|e| fail("idea", e))?;
    let declined = store
        .submit_idea(
            tenant_id,
            "dinkes",
            "Aplikasi baru untuk setiap puskesmas",
            "Setiap puskesmas membuat aplikasinya sendiri.",
            "pegawai",
            now,
        )
        .await
        .map_err(|e| fail("idea", e))?;
    store
        .decline_idea(
            tenant_id,
            declined,
            "Sudah ada aplikasi bersama tingkat kabupaten; usulan digabung ke sana.",
            "admin-dinkes",
            now,
        )
        .await
        .map_err(|e| fail("idea", e))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use suara_domain::innovation::effect::{Effect, EffectRule, SPAN_MONTHS};
    use suara_domain::innovation::measure::{measure, Cells, Scores};
    use suara_domain::period::Month;
    use suara_domain::skm::ELEMENT_COUNT;

    use super::super::{organisation, responses, tenant, DEMO_SEED};
    use super::*;

    /// The effect the store would find for each planted innovation in the demo's responses
    /// drawn with `seed`: the same per-unit, per-month sums, made here instead of in SQL (the
    /// store's sums are checked against exact figures in its own tests), and the same
    /// measurement.
    fn measured(seed: u64, effect: f64) -> Vec<Effect> {
        let org = organisation(DEMO_SEED, None);
        let tenant = tenant();
        let now = time::macros::datetime!(2026-11-25 05:00 UTC);
        let today = now.to_offset(tenant.offset()).date();
        let current = Month::of(today);
        let mut cells = Cells::new();
        for (response, at, _) in responses(&org, &tenant, now, &plants(&org, today, effect), seed) {
            let month = Month::of(at.to_offset(tenant.offset()).date());
            let scores: &mut Scores = cells.entry((response.unit.clone(), month)).or_default();
            let mut total = 0.0;
            for (k, rating) in response.answers.ratings().iter().enumerate() {
                let value = f64::from(rating.map_or(0, |r| r.value()));
                scores[k].add(value);
                total += value;
            }
            scores[ELEMENT_COUNT].add(total * 25.0 / ELEMENT_COUNT as f64);
        }
        catalogue(&org, today)
            .iter()
            .filter(|i| i.planted > 0.0)
            .map(|i| {
                let element = Element::ALL
                    .into_iter()
                    .find(|e| e.code() == i.draft.elements[0])
                    .unwrap();
                let mut units = vec![(i.owner.as_str(), Some(i.stages[0].1))];
                units.extend(i.copies.iter().map(|(u, d)| (u.as_str(), Some(*d))));
                let rule = EffectRule::default();
                measure(&units, &[element], &cells, current, SPAN_MONTHS, &rule)[0].effect
            })
            .collect()
    }

    /// The validation: over the demo's responses drawn with 400 seeds, the 95 %
    /// interval of each planted innovation covers the planted 0.3 in at least 90 % of them,
    /// and excludes zero in at least 98 % (about 4.8 standard errors away, one draw in 400
    /// may still fall short). (400 rather than 100: at a true coverage near 94 %, a block of
    /// 100 seeds falls under 90 now and then by chance; seeds 0–99 gave 92 and 88.)
    #[test]
    fn the_demo_interval_covers_a_planted_effect_and_excludes_zero() {
        let planted = DEMO_EFFECT;
        let (mut covered, mut excluded) = ([0; 2], [0; 2]);
        for seed in 0..400 {
            let effects = measured(seed, planted);
            assert_eq!(effects.len(), 2);
            for (i, e) in effects.iter().enumerate() {
                let (low, high) = (e.low.unwrap(), e.high.unwrap());
                if low > 0.0 {
                    excluded[i] += 1;
                }
                if low <= planted && planted <= high {
                    covered[i] += 1;
                }
            }
        }
        assert!(
            covered.iter().all(|c| *c >= 360),
            "covered {covered:?} of 400"
        );
        assert!(
            excluded.iter().all(|c| *c >= 392),
            "excluded zero {excluded:?}"
        );
    }

    #[test]
    fn without_a_planted_effect_the_interval_mostly_holds_zero() {
        let holds_zero = (0..20)
            .filter(|seed| {
                measured(*seed, 0.0)
                    .iter()
                    .all(|e| e.low.unwrap() <= 0.0 && 0.0 <= e.high.unwrap())
            })
            .count();
        assert!(holds_zero >= 16, "{holds_zero} of 20");
    }

    #[test]
    fn every_demo_innovation_is_valid_and_planted_ones_start_on_a_first() {
        let org = organisation(DEMO_SEED, None);
        let today = time::macros::date!(2026 - 11 - 25);
        for innovation in catalogue(&org, today) {
            assert!(
                validate(&innovation.draft).is_ok(),
                "{}",
                innovation.draft.title
            );
            for p in &innovation.partners {
                assert!(validate_partner(p).is_ok(), "{}", p.name);
            }
        }
        let plants = plants(&org, today, 0.3);
        assert_eq!(plants.len(), 4, "two units, one, and the backfired one");
        assert!(plants.iter().all(|p| p.from.day() == 1));
        assert!(check_evidence(&evidence_pdf("SK (Bupati)")).is_ok());
    }
}
