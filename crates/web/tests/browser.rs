//! The pages in headless Chromium: axe-core finds no WCAG 2.1 A/AA violation, the survey
//! can be answered and sent with the keyboard alone, nothing overflows a 360 px screen, and
//! a response goes through each channel (link, QR poster, ticket, kiosk online and offline)
//! and counts; the Musrena public pages and the signed-in TPP and Musrena pages pass axe
//! too. Needs Chromium (`apt-get install chromium`) and the checker's packages
//! (`npm ci --prefix crates/web/tests/browser`); without them the test says so and skips.
#![allow(clippy::unwrap_used)] // a test that unwraps fails with the value's message
#![allow(clippy::too_many_lines)] // a scenario reads top to bottom, as its user would do it

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{TestApp, PASSWORD};
use suara_domain::access::Role;
use suara_store::testing::{TestDatabase, OFFICER_NIP};
use suara_store::{Issuer, NewKiosk, TicketBinding};

fn skip(why: &str) {
    use std::io::Write;
    let _ = std::io::stderr().write_all(format!("SKIPPED (browser): {why}\n").as_bytes());
}

/// The checker's folder and Chromium, or `None` (after saying why) when either is missing.
fn checker() -> Option<(PathBuf, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser");
    let chromium = std::env::var("SUARA_CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    if !Path::new(&chromium).exists() {
        skip(&format!(
            "no Chromium at {chromium}; install it or set SUARA_CHROMIUM"
        ));
        return None;
    }
    if !dir.join("node_modules/axe-core").exists()
        || !dir.join("node_modules/playwright-core").exists()
    {
        skip("run `npm ci --prefix crates/web/tests/browser` first");
        return None;
    }
    if Command::new("node").arg("--version").output().is_err() {
        skip("no node on PATH");
        return None;
    }
    Some((dir, chromium))
}

/// Runs one of the checker's scripts; panics with its output when it reports problems.
async fn run_checker(script: &str, args: Vec<String>) -> String {
    let (dir, chromium) = checker().expect("checked by the caller");
    let script = dir.join(script);
    let output = tokio::task::spawn_blocking(move || {
        let mut command = Command::new("node");
        command
            .arg(script)
            .args(args)
            .env("SUARA_CHROMIUM", &chromium);
        if let Ok(dir) = std::env::var("SUARA_SCREENSHOTS") {
            command.env("SUARA_SCREENSHOTS", dir);
        }
        command.output().expect("node runs")
    })
    .await
    .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "browser checks failed:\n{stdout}\n{stderr}"
    );
    stdout
}

/// A response (by the API) and a follow-up plan, so the transparency page has its tables.
async fn transparency_data(app: &TestApp) {
    let now = time::OffsetDateTime::now_utc();
    let response = suara_domain::survey::validate(suara_domain::survey::ResponseDraft {
        unit: Some("dukcapil".into()),
        answers: Some(vec![Some(3); 9]),
        idempotency_key: Some("browser-transparency-001".into()),
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
async fn innovation(app: &TestApp) {
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

#[tokio::test]
async fn public_pages_are_accessible_and_keyboard_usable() {
    if checker().is_none() {
        return;
    }
    let db = TestDatabase::sqlite().await;
    let url = db.url.clone();
    let app = TestApp::spawn(db).await;
    let binding = TicketBinding {
        unit_id: "dukcapil".into(),
        service_id: Some("ktp".into()),
        officer_nip: None,
        point_id: None,
    };
    app.store
        .issue_ticket(
            "t1",
            "7K2M9QXD4T",
            &binding,
            &Issuer {
                nip: None,
                name: "test",
                network: None,
            },
            time::OffsetDateTime::now_utc(),
        )
        .await
        .unwrap();
    let kiosk_token = "browser-test-kiosk-token";
    // Approved by a second account: its answers are on the kiosk channel.
    register_kiosk(&app, "kiosk-1", kiosk_token, "Tablet loket 1", true).await;
    let proposal = app.musrena_proposal().await;
    transparency_data(&app).await;
    innovation(&app).await;
    let args = [
        &app.base,
        "7K2M9-QXD4T",
        kiosk_token,
        OFFICER_NIP,
        &proposal,
    ];
    let stdout = run_checker("check.js", args.map(str::to_string).to_vec()).await;
    assert!(
        stdout.contains("checked keyboard-only answering and sending"),
        "{stdout}"
    );

    // What the browser sent arrived on each channel and counts: the keyboard run and the
    // poster on the web channel, the ticket, and the kiosk's three (one from the axe run,
    // one online, one queued offline).
    let pool = sqlx::AnyPool::connect(&url).await.unwrap();
    let channels: Vec<(String, i64)> =
        sqlx::query_as("SELECT channel, COUNT(*) FROM responses GROUP BY channel ORDER BY channel")
            .fetch_all(&pool)
            .await
            .unwrap();
    let expected =
        [("api", 1), ("kiosk", 3), ("ticket", 1), ("web", 2)].map(|(c, n)| (c.to_string(), n));
    assert_eq!(channels, expected, "{stdout}");
    assert!(app
        .store
        .held_responses("t1", &suara_store::HeldQuery::first(10))
        .await
        .unwrap()
        .items
        .is_empty());
}

/// A kiosk of the counter `loket-1` registered by `test`, approved by the inspectorate when
/// `approved`.
async fn register_kiosk(app: &TestApp, id: &str, token: &str, label: &str, approved: bool) {
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

#[tokio::test]
async fn signed_in_pages_are_accessible() {
    if checker().is_none() {
        return;
    }
    let app = TestApp::spawn(TestDatabase::sqlite().await).await;
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
            idempotency_key: Some(format!("browser-tpp-{i:03}")),
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
            idempotency_key: Some(format!("browser-kiosk-{day}")),
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
    register_kiosk(&app, "kiosk-1", "browser-kiosk-1", "Tablet loket 1", true).await;
    register_kiosk(
        &app,
        "kiosk-2",
        "browser-kiosk-2",
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
            idempotency_key: Some(format!("browser-held-{i:03}")),
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
        sessions.push(app.sign_in(username, PASSWORD).await.unwrap().cookie);
    }
    let code = app.musrena_proposal().await;
    innovation(&app).await;
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
    let [finance, officer, inspector, planner, admin, unit_admin, hr] = &sessions[..] else {
        unreachable!("seven accounts")
    };
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
    let province = "browser-test-province-session";
    app.store
        .create_session(
            "jatim",
            &suara_app::credentials::token_hash(province),
            "provinsi",
            "browser-test-csrf",
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
    let (setting_up, giving) = ("browser-test-setup-session", "browser-test-code-session");
    for (token, username) in [(setting_up, "bpkad-baru"), (giving, "bpkad")] {
        app.store
            .create_session(
                "t1",
                &suara_app::credentials::token_hash(token),
                username,
                "browser-test-csrf",
                now + time::Duration::hours(1),
                false,
            )
            .await
            .unwrap();
    }
    let visits = serde_json::json!([
        [setting_up, "Sign-in code setup", "/masuk/kode-baru"],
        [giving, "Sign-in code", "/masuk/kode"],
        [province, "Province view", "/provinsi"],
        [
            province,
            "Province: one service compared",
            "/provinsi?layanan=ktp&lang=en"
        ],
        [
            province,
            "Error: province opens a regency page",
            "/dasbor",
            403
        ],
        [admin, "Dashboard", "/dasbor"],
        [admin, "Dashboard unit", "/dasbor/unit/dukcapil"],
        [
            admin,
            "Dashboard officer",
            format!("/dasbor/pegawai/{OFFICER_NIP}")
        ],
        [admin, "Import", "/admin/impor"],
        [admin, "Accounts", "/admin/akun"],
        [admin, "Accounts for officers", "/admin/akun/pegawai"],
        [admin, "Audit log", "/admin/audit"],
        [
            admin,
            "Error: unknown period",
            "/dasbor?period=oktober",
            400
        ],
        [admin, "Error: unknown unit", "/dasbor/unit/tidak-ada", 404],
        [unit_admin, "Unit admin dashboard", "/dasbor"],
        [unit_admin, "Kiosks", "/loket/kios"],
        [unit_admin, "Counter tickets", "/loket"],
        [
            officer,
            "My figures",
            format!("/dasbor/pegawai/{OFFICER_NIP}")
        ],
        [hr, "HR TPP overview", "/tpp"],
        [
            hr,
            "An officer leaves",
            format!("/dasbor/pegawai/{OFFICER_NIP}/berhenti")
        ],
        [
            hr,
            "Change an officer",
            format!("/admin/ubah/pegawai/{OFFICER_NIP}")
        ],
        [hr, "Change a unit", "/admin/ubah/unit/dukcapil"],
        [finance, "My account", "/akun"],
        [finance, "TPP overview", "/tpp"],
        [finance, "TPP policies", "/tpp/kebijakan"],
        [finance, "TPP run", format!("/tpp/{month}?unit=dukcapil")],
        [finance, "TPP preview", format!("/tpp/{this_month}")],
        [finance, "Error: not a month", "/tpp/2026-13", 400],
        [
            officer,
            "TPP explanation",
            format!("/dasbor/pegawai/{OFFICER_NIP}/tpp?bulan={month}")
        ],
        [
            officer,
            "TPP explanation EN",
            format!("/dasbor/pegawai/{OFFICER_NIP}/tpp?bulan={month}&lang=en")
        ],
        [inspector, "TPP appeals", "/admin/banding"],
        [inspector, "Quarantine", "/admin/karantina"],
        [inspector, "Kiosk approvals", "/admin/kios"],
        [
            inspector,
            "TPP evidence sources",
            format!("/admin/sumber-bukti?bulan={month}")
        ],
        [
            inspector,
            "TPP evidence sources EN",
            format!("/admin/sumber-bukti?bulan={month}&lang=en")
        ],
        [planner, "Musrena forums", "/musrena/forum"],
        [planner, "Musrena forum", "/musrena/forum/2026-001"],
        [
            planner,
            "Musrena district musrenbang",
            "/musrena/kecamatan/kecamatan-watulimo"
        ],
        [
            planner,
            "Musrena offline forum",
            "/musrena/forum/2026-001/luring"
        ],
        [
            planner,
            "Musrena easy-read form",
            "/musrena/forum/2026-001/usulan?mudah=1"
        ],
        [
            planner,
            "Musrena proposal",
            format!("/musrena/kelola/{code}")
        ],
        [
            planner,
            "Error: unknown proposal",
            "/musrena/kelola/MR-TIDAK-ADA",
            404
        ],
        [
            unit_admin,
            "Innovation registry",
            "/kelola/inovasi?unit=dukcapil&unsur=U3"
        ],
        [unit_admin, "Innovation", "/kelola/inovasi/1"],
        [unit_admin, "Innovation change", "/kelola/inovasi/1/ubah"],
        [
            unit_admin,
            "Error: unknown innovation",
            "/kelola/inovasi/99",
            404
        ],
        [officer, "Ideas (officer)", "/kelola/inovasi/ide"],
        [admin, "Ideas and suggestions", "/kelola/inovasi/ide"],
        [
            unit_admin,
            "Suggestions to review",
            "/dasbor/unit/dukcapil/saran"
        ],
        [admin, "Innovation summary", "/kelola/inovasi/ringkasan"],
        [
            unit_admin,
            "Past survey results",
            "/dasbor/unit/dukcapil/riwayat"
        ],
    ]);
    // Last year's Google Forms export, with one answer off the scale.
    let history_file =
        std::env::temp_dir().join(format!("suara-browser-history-{}.csv", std::process::id()));
    let last_year = month.year() - 1;
    std::fs::write(
        &history_file,
        format!("Stempel waktu,Persyaratan,Prosedur,Waktu pelayanan\n14/03/{last_year} 10:00:00,Sesuai,Lumayan,Cepat\n"),
    )
    .unwrap();
    let history_file = history_file.to_string_lossy().into_owned();
    // Each role's main journey, at 360 and 1280 px (so each is one a user may repeat).
    let journeys = serde_json::json!([
        [unit_admin, "Journey: import last year's survey from Google Forms", "/dasbor/unit/dukcapil/riwayat", [
            {"upload": ["#file", history_file]},
            {"click": "form button.primary"},
            {"expect": "Lumayan"},
            {"select": ["#answer-0", "3"]},
            {"click": "form button.primary"},
            {"expect": "Impor riwayat ini"},
            {"click": "form button.primary"},
            {"expect": "diimpor"},
            {"click": "main a[href*='period=']"},
            {"expect": "<span class=\"flag\">impor</span>"},
        ]],
        [unit_admin, "Journey: issue a ticket", "/loket", [
            {"select": ["#service", "ktp"]},
            {"select": ["#officer", OFFICER_NIP]},
            {"click": "form.account button[type=submit]"},
            {"expect": "Berlaku satu kali"},
            {"expect": "selected"},
        ]],
        [finance, "Journey: compute last month, then think of discarding it", "/tpp", [
            {"fill": ["#month", month.to_string()]},
            {"click": "form button.primary"},
            {"expect": "versi"},
            {"click": "form.inline[action*='/buang'] button"},
            {"expect": "Buang versi perhitungan TPP ini?"},
            {"click": "main a[href^='/tpp/']"},
            {"expect": "Buang versi ini"},
        ]],
        [officer, "Journey: appeal a response", format!("/dasbor/pegawai/{OFFICER_NIP}/tpp?bulan={month}"), [
            {"fill": ["form.appeal input[name=reason]", "Saya cuti hari itu."]},
            {"click": "form.appeal button"},
            {"expect": "Keberatan diajukan"},
        ]],
        [inspector, "Journey: decide an appeal, then think again", "/admin/banding", [
            {"fill": ["form.decide input[name=reason]", "Daftar hadir: cuti"]},
            {"click": "form.decide button[value=uphold]"},
            {"expect": "Kabulkan keberatan ini?"},
            {"click": "main a[href^='/admin/banding']"},
            {"expect": "Keberatan atas tanggapan"},
        ]],
        [planner, "Journey: reject a proposal, then think again", "/musrena/forum/2026-001", [
            {"check": "#usulan input[name=code]"},
            {"select": ["#action", "reject"]},
            {"fill": ["#on", "2026-03-01"]},
            {"fill": ["#reason", "Sudah didanai Dana Desa"]},
            {"click": "form.stack button.primary"},
            {"expect": "Tolak usulan ini?"},
            {"click": "main a[href^='/musrena/forum/2026-001']"},
        ]],
        [unit_admin, "Journey: review a suggestion, adding a word first", "/dasbor/unit/dukcapil/saran", [
            {"fill": ["#teks", "Pak Budi sangat ramah"]},
            {"click": "form.stack button.primary"},
            {"expect": "Ada masalah"},
            {"fill": ["#teks", "Pak di loket ramah,"]},
            {"click": "form.stack button.primary"},
            {"expect": "Simpan tinjauan saran ini?"},
        ]],
        [unit_admin, "Journey: register an innovation for a weak element", "/kelola/inovasi?unit=dukcapil&unsur=U3", [
            {"fill": ["#title", "Loket ramah lansia"]},
            {"fill": ["#problem", "Lansia antre berdiri"]},
            {"fill": ["#change", "Kursi dan nomor prioritas"]},
            {"click": "form.stack button.primary"},
            {"expect": "Pindah ke tahap Uji coba"},
        ]],
        [admin, "Journey: make a unit's officer accounts and print the letters", "/admin/akun/pegawai", [
            {"click": "form.account button.primary"},
            {"expect": "Surat akun pertama"},
            {"expect": "Kata sandi sementara"},
        ]],
        [inspector, "Journey: confirm an evidence source, then think again", format!("/admin/sumber-bukti?bulan={month}"), [
            {"click": "main table form button"},
            {"expect": "Konfirmasi sumber bukti ini?"},
            {"click": "main a[href^='/admin/sumber-bukti']"},
            {"expect": "Belum dikonfirmasi"},
        ]],
        [admin, "Journey: search the audit log", "/admin/audit", [
            {"fill": ["#cari", "dukcapil"]},
            {"click": "form.search button"},
            {"expect": "value=\"dukcapil\""},
        ]],
    ]);
    let count = visits.as_array().map_or(0, Vec::len);
    let walked = journeys.as_array().map_or(0, Vec::len);
    let args = vec![app.base.clone(), visits.to_string(), journeys.to_string()];
    let stdout = run_checker("staff.js", args).await;
    assert!(
        stdout.contains(&format!(
            "checked {count} signed-in pages and {walked} journeys"
        )),
        "{stdout}"
    );
}

/// A forum held without signal: Chromium goes offline, the facilitator records a proposal
/// and a group's votes, the connection comes back and each arrives once.
#[tokio::test]
async fn an_offline_forum_syncs_once_when_the_connection_is_back() {
    if checker().is_none() {
        return;
    }
    let db = TestDatabase::sqlite().await;
    let app = TestApp::spawn(db).await;
    app.add_account("bappeda", Role::Planner, None, None).await;
    let planner = app.sign_in("bappeda", PASSWORD).await.unwrap();
    let code = app.musrena_proposal().await;
    let args = vec![
        app.base.clone(),
        planner.cookie.clone(),
        "/musrena/forum/2026-001/luring?lang=id".to_string(),
        code.clone(),
    ];
    let stdout = run_checker("forum-offline.js", args).await;
    assert!(
        stdout.contains("checked offline forum: queued 2"),
        "{stdout}"
    );
    let all = app
        .store
        .proposals("t1", &suara_store::ProposalFilter::default())
        .await
        .unwrap();
    let sent: Vec<_> = all
        .iter()
        .filter(|p| p.proposal.title == "Kursi roda untuk posyandu")
        .collect();
    assert_eq!(sent.len(), 1, "the offline proposal arrived once");
    assert_eq!(
        app.store.assisted_votes("t1", &code).await.unwrap(),
        vec![(suara_domain::musrena::forum::Group::DisabilityPhysical, 4)]
    );
}
