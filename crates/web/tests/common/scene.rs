//! A regency with something on every staff page, for the tests that walk them all (the
//! browser's accessibility check and the Indonesian-everywhere test): answers of last month
//! paid by a computed TPP run with an appeal, kiosk answers to confirm, a quarantined answer,
//! a Musrena proposal, an innovation with a partner and evidence, a staff idea, a second unit
//! with an officer without an account, the province's account, and one account of each role.

use super::{Session, TestApp, PASSWORD};
use suara_domain::access::Role;
use suara_domain::period::Month;
use suara_store::testing::OFFICER_NIP;
use suara_store::{Issuer, NewKiosk, TicketBinding};

/// The CSRF token of the sessions made in the store.
const CSRF: &str = "scene-csrf";

/// The signed-in sessions and what the pages are about.
pub struct Scene {
    pub finance: Session,
    pub officer: Session,
    pub inspector: Session,
    pub planner: Session,
    pub admin: Session,
    pub unit_admin: Session,
    pub hr: Session,
    /// The province's account, on the province's entry.
    pub province: Session,
    /// A finance account that has not set up its second factor yet.
    pub setting_up: Session,
    /// `bpkad` before giving its code.
    pub giving: Session,
    /// The Musrena proposal carried to the village musrenbang.
    pub proposal: String,
    /// The month whose TPP is computed (last month).
    pub month: Month,
    pub this_month: Month,
}

impl Scene {
    /// The sessions of every role, the administrator first and the province's last.
    pub fn by_role(&self) -> Vec<(Role, &Session)> {
        vec![
            (Role::Administrator, &self.admin),
            (Role::UnitAdmin, &self.unit_admin),
            (Role::Hr, &self.hr),
            (Role::Finance, &self.finance),
            (Role::Inspectorate, &self.inspector),
            (Role::Planner, &self.planner),
            (Role::Officer, &self.officer),
            (Role::Province, &self.province),
        ]
    }
}

/// A session made in the store with the scene's CSRF token.
fn stored(token: &str) -> Session {
    Session {
        cookie: token.to_string(),
        csrf: CSRF.to_string(),
        landing: String::new(),
    }
}

/// Fills `app` with the scene (the store's test regency `t1`, unit `dukcapil`).
#[allow(clippy::too_many_lines)] // the scene is set up top to bottom, as its users would
pub async fn staff_scene(app: &TestApp) -> Scene {
    let now = time::OffsetDateTime::now_utc();
    // Pay is computed for a month that has ended: last month's answers.
    let month = suara_store::testing::tenant().month_of(now).previous();
    let in_month = time::Date::from_calendar_date(
        month.year(),
        time::Month::try_from(month.month()).unwrap(),
        15,
    )
    .unwrap()
    .with_hms(5, 0, 0)
    .unwrap()
    .assume_utc();
    for (i, rating) in [2, 3, 4].into_iter().enumerate() {
        let response = suara_domain::survey::validate(suara_domain::survey::ResponseDraft {
            unit: Some("dukcapil".into()),
            officer: Some(OFFICER_NIP.into()),
            answers: Some(vec![Some(rating); 9]),
            idempotency_key: Some(format!("scene-tpp-{i:03}")),
            suggestion: [
                "Pak Budi di loket ramah, rumah saya Jl. Mawar 5",
                "Antrean terlalu lama",
                "",
            ]
            .get(i)
            .map(|s| (*s).to_string()),
            ..Default::default()
        })
        .unwrap();
        let submission = suara_store::Submission {
            response: &response,
            channel: suara_store::Channel::Web,
            received_at: in_month,
            signals: None,
        };
        let tenant = suara_store::testing::tenant();
        app.store
            .record_response(&tenant, submission)
            .await
            .unwrap();
    }
    // Kiosk answers on five days of the month, for the inspectorate's evidence sources.
    for day in 2..=6u8 {
        let response = suara_domain::survey::validate(suara_domain::survey::ResponseDraft {
            unit: Some("dukcapil".into()),
            officer: Some(OFFICER_NIP.into()),
            answers: Some(vec![Some(3); 9]),
            idempotency_key: Some(format!("scene-kiosk-{day}")),
            ..Default::default()
        })
        .unwrap();
        let submission = suara_store::Submission {
            response: &response,
            channel: suara_store::Channel::Kiosk,
            received_at: in_month - time::Duration::days(i64::from(15 - day)),
            signals: None,
        };
        app.store
            .record_response(&suara_store::testing::tenant(), submission)
            .await
            .unwrap();
    }
    // The approvals page with one kiosk approved and a spare tablet of its counter waiting.
    register_kiosk(app, "kiosk-1", "scene-kiosk-1", "Tablet loket 1", true).await;
    register_kiosk(
        app,
        "kiosk-2",
        "scene-kiosk-2",
        "Tablet cadangan loket 1",
        false,
    )
    .await;
    let bases =
        suara_domain::tpp::inputs::parse_base_amounts(b"position_class,base_amount\n7,3300000\n")
            .unwrap();
    app.store
        .replace_base_amounts("t1", &bases, "test", now)
        .await
        .unwrap();
    app.store
        .run_payroll(
            "t1",
            month,
            "test",
            now,
            &suara_store::LogSigner::new(&suara_store::testing::log_key()),
        )
        .await
        .unwrap();
    let naming = app
        .store
        .responses_naming("t1", OFFICER_NIP, month)
        .await
        .unwrap();
    app.store
        .file_appeal("t1", OFFICER_NIP, naming[0].response_id, "Saya cuti.", now)
        .await
        .unwrap();
    // Three answers from one phone within the hour: the third waits in quarantine.
    for i in 0..3 {
        let response = suara_domain::survey::validate(suara_domain::survey::ResponseDraft {
            unit: Some("dukcapil".into()),
            answers: Some(vec![Some(4); 9]),
            idempotency_key: Some(format!("scene-held-{i:03}")),
            ..Default::default()
        })
        .unwrap();
        let submission = suara_store::Submission {
            response: &response,
            channel: suara_store::Channel::Web,
            received_at: now,
            signals: Some(suara_store::Signals {
                network: Some("36.80.1.0/24".into()),
                device: Some("one-phone".into()),
            }),
        };
        app.store
            .record_response(&suara_store::testing::tenant(), submission)
            .await
            .unwrap();
    }
    let mut sessions = Vec::new();
    for (username, role, unit, nip) in [
        ("bpkad", Role::Finance, None, None),
        ("pegawai", Role::Officer, None, Some(OFFICER_NIP)),
        ("inspektorat", Role::Inspectorate, None, None),
        ("bappeda", Role::Planner, None, None),
        ("admin", Role::Administrator, None, None),
        ("admin-dukcapil", Role::UnitAdmin, Some("dukcapil"), None),
        ("bkpsdm", Role::Hr, None, None),
    ] {
        app.add_account(username, role, unit, nip).await;
        sessions.push(app.sign_in(username, PASSWORD).await.unwrap());
    }
    let code = app.musrena_proposal().await;
    innovation(app).await;
    // A second unit with an officer who has no account, so making a unit's accounts is a
    // journey that can be walked at both widths.
    let snapshot = app.store.org_snapshot("t1").await.unwrap();
    let officers = "nip,name,position,position_class,unit_id\n198801012010012003,Dewi Kartika,Perawat,9,rsud\n";
    let files = suara_domain::org::import::ImportFiles {
        officers: Some(officers.as_bytes()),
        ..Default::default()
    };
    let plan = suara_domain::org::import::plan_import(&files, &snapshot, now.date()).unwrap();
    app.store
        .apply_import("t1", &plan, "bkpsdm", now)
        .await
        .unwrap();
    let [finance, officer, inspector, planner, admin, unit_admin, hr] =
        <[Session; 7]>::try_from(sessions).unwrap();
    let this_month = suara_store::testing::tenant().month_of(now);
    // The province hosting this regency and a second one: its account's session is made
    // in the store (signing in by address would meet the regency chooser).
    suara_store::testing::seed_second_regency(&app.store).await;
    app.store
        .upsert_tenant(&suara_store::Tenant {
            tenant_id: "jatim".into(),
            name: "Provinsi Jawa Timur".into(),
            utc_offset_minutes: 420,
        })
        .await
        .unwrap();
    let hash = suara_app::credentials::hash_password(PASSWORD).unwrap();
    let account = suara_store::NewAccount {
        username: "provinsi",
        password_hash: &hash,
        must_change_password: false,
        role: Role::Province,
        unit_id: None,
        nip: None,
    };
    app.store
        .create_account("jatim", &account, "test", now)
        .await
        .unwrap();
    let province = "scene-province-session";
    app.store
        .create_session(
            "jatim",
            &suara_app::credentials::token_hash(province),
            "provinsi",
            CSRF,
            now + time::Duration::hours(1),
            true,
        )
        .await
        .unwrap();
    // Sessions waiting for their second factor: one to set it up, one to give a code.
    let hash = suara_app::credentials::hash_password(PASSWORD).unwrap();
    app.store
        .create_account(
            "t1",
            &suara_store::NewAccount {
                username: "bpkad-baru",
                password_hash: &hash,
                must_change_password: false,
                role: Role::Finance,
                unit_id: None,
                nip: None,
            },
            "test",
            now,
        )
        .await
        .unwrap();
    let (setting_up, giving) = ("scene-setup-session", "scene-code-session");
    for (token, username) in [(setting_up, "bpkad-baru"), (giving, "bpkad")] {
        app.store
            .create_session(
                "t1",
                &suara_app::credentials::token_hash(token),
                username,
                CSRF,
                now + time::Duration::hours(1),
                false,
            )
            .await
            .unwrap();
    }
    Scene {
        finance,
        officer,
        inspector,
        planner,
        admin,
        unit_admin,
        hr,
        province: stored(province),
        setting_up: stored(setting_up),
        giving: stored(giving),
        proposal: code,
        month,
        this_month,
    }
}

/// A response (by the API) and a follow-up plan, so the transparency page has its tables.
pub async fn transparency_data(app: &TestApp) {
    let now = time::OffsetDateTime::now_utc();
    let response = suara_domain::survey::validate(suara_domain::survey::ResponseDraft {
        unit: Some("dukcapil".into()),
        answers: Some(vec![Some(3); 9]),
        idempotency_key: Some("scene-transparency-001".into()),
        ..Default::default()
    })
    .unwrap();
    let submission = suara_store::Submission {
        response: &response,
        channel: suara_store::Channel::Api,
        received_at: now,
        signals: None,
    };
    app.store
        .record_response(&suara_store::testing::tenant(), submission)
        .await
        .unwrap();
    let plan = suara_domain::skm::follow_up::validate(&suara_domain::skm::follow_up::PlanDraft {
        element: "U3".into(),
        action: "Menambah loket pada jam sibuk".into(),
        owner: "Kepala Bidang Pelayanan".into(),
        deadline: "2027-03-31".into(),
    })
    .unwrap();
    let year = suara_store::testing::tenant().month_of(now).year();
    app.store
        .add_follow_up(
            "t1",
            "dukcapil",
            suara_domain::period::Period::Year(year),
            &plan,
            "test",
            now,
        )
        .await
        .unwrap();
}

/// An innovation of `dukcapil` on trial since the start of the year, with a partner, an
/// evidence file and an open staff idea.
pub async fn innovation(app: &TestApp) {
    use suara_domain::innovation::registry::{
        check_evidence, validate, validate_partner, Indicator, InnovationDraft, PartnerDraft,
    };
    let now = time::OffsetDateTime::now_utc();
    let draft = InnovationDraft {
        title: "Antrean daring".into(),
        problem: "Warga menunggu lama".into(),
        change: "Nomor antrean lewat WhatsApp".into(),
        elements: vec!["U3".into()],
        initiator: "unit".into(),
        form: "public_service".into(),
        sdgs: "16.6".into(),
        groups: vec!["elderly".into()],
        ..InnovationDraft::default()
    };
    let id = app
        .store
        .register_innovation(
            "t1",
            "dukcapil",
            &validate(&draft).unwrap(),
            &[],
            None,
            time::macros::date!(2026 - 01 - 05),
            "test",
            now,
        )
        .await
        .unwrap();
    app.store
        .advance_innovation(
            "t1",
            id,
            suara_domain::innovation::Stage::Trial,
            time::macros::date!(2026 - 02 - 01),
            "test",
            now,
        )
        .await
        .unwrap();
    let partner = validate_partner(&PartnerDraft {
        name: "Universitas Brawijaya".into(),
        kind: "university".into(),
        role: "Desain layanan".into(),
        amount: "Rp25.000.000".into(),
        in_kind: String::new(),
    })
    .unwrap();
    app.store
        .add_innovation_partner("t1", id, &partner, "test", now)
        .await
        .unwrap();
    let pdf = b"%PDF-1.4\n%%EOF\n";
    app.store
        .add_innovation_evidence(
            "t1",
            id,
            Indicator::Regulation,
            "SK Kepala Dinas",
            check_evidence(pdf).unwrap(),
            pdf,
            "test",
            now,
        )
        .await
        .unwrap();
    app.store
        .submit_idea(
            "t1",
            "dukcapil",
            "Loket lansia",
            "Loket khusus lansia.",
            "test",
            now,
        )
        .await
        .unwrap();
}

/// A ticket for `dukcapil`'s KTP service; its code.
pub async fn ticket(app: &TestApp) -> String {
    let code = "7K2M9QXD4T";
    let binding = TicketBinding {
        unit_id: "dukcapil".into(),
        service_id: Some("ktp".into()),
        officer_nip: None,
        point_id: None,
    };
    let issuer = Issuer {
        nip: None,
        name: "test",
        network: None,
    };
    app.store
        .issue_ticket(
            "t1",
            code,
            &binding,
            &issuer,
            time::OffsetDateTime::now_utc(),
        )
        .await
        .unwrap();
    code.to_string()
}

/// A kiosk of the counter `loket-1` registered by `test`, approved by the inspectorate when
/// `approved`.
pub async fn register_kiosk(app: &TestApp, id: &str, token: &str, label: &str, approved: bool) {
    let now = time::OffsetDateTime::now_utc();
    let kiosk = NewKiosk {
        kiosk_id: id,
        token_hash: &suara_app::credentials::token_hash(token),
        point_id: "loket-1",
        officer_nip: None,
        label,
    };
    app.store
        .register_kiosk("t1", &kiosk, "test", now)
        .await
        .unwrap();
    if approved {
        app.store
            .approve_kiosk("t1", id, "inspektorat", now)
            .await
            .unwrap();
    }
}
