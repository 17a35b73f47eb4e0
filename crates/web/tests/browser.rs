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

use common::scene::{self, innovation, register_kiosk, transparency_data};
use common::{TestApp, PASSWORD};
use suara_domain::access::Role;
use suara_store::testing::{TestDatabase, OFFICER_NIP};

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

#[tokio::test]
async fn public_pages_are_accessible_and_keyboard_usable() {
    if checker().is_none() {
        return;
    }
    let db = TestDatabase::sqlite().await;
    let url = db.url.clone();
    let app = TestApp::spawn(db).await;
    scene::ticket(&app).await;
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

#[tokio::test]
async fn signed_in_pages_are_accessible() {
    if checker().is_none() {
        return;
    }
    let app = TestApp::spawn(TestDatabase::sqlite().await).await;
    let scene = scene::staff_scene(&app).await;
    let (month, this_month, code) = (scene.month, scene.this_month, &scene.proposal);
    let [finance, officer, inspector, planner, admin, unit_admin, hr, province, setting_up, giving] =
        [
            &scene.finance,
            &scene.officer,
            &scene.inspector,
            &scene.planner,
            &scene.admin,
            &scene.unit_admin,
            &scene.hr,
            &scene.province,
            &scene.setting_up,
            &scene.giving,
        ]
        .map(|session| &session.cookie);
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
        [
            unit_admin,
            "Survey per service",
            "/dasbor/unit/dukcapil/kuesioner"
        ],
        [
            unit_admin,
            "A service's survey",
            "/dasbor/unit/dukcapil/kuesioner?layanan=ktp"
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
            {"select": ["#month", month.to_string()]},
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
