//! Staff pages: every route × role, sign-in protections, the CSV import and the dashboard,
//! on SQLite and PostgreSQL.
#![allow(clippy::unwrap_used)] // a test that unwraps fails with the value's message
#![allow(clippy::too_many_lines)] // a scenario reads top to bottom, as its user would do it

mod common;

use common::{hidden_value, TestApp, PASSWORD};
use reqwest::header::LOCATION;
use reqwest::StatusCode;
use serde_json::json;
use suara_domain::access::Role;
use suara_store::testing::{TestDatabase, OFFICER_NIP, OTHER_OFFICER_NIP};
use suara_web::access::STAFF_ROUTES;

suara_store::backend_tests!(
    every_route_and_role_is_allowed_or_forbidden_as_designed,
    sign_in_is_rate_limited_and_csrf_protected,
    import_checks_every_row_then_imports_once,
    a_simpeg_workbook_is_imported_as_it_is,
    a_list_ends_the_assignments_of_officers_who_left,
    templates_are_downloaded_filled_and_imported,
    dashboard_shows_figures_and_unit_admins_only_their_subtree,
    planners_see_units_never_officers,
    the_book_is_served_and_the_policy_page_links_to_it,
);

/// The documentation book at `/panduan/`, read-only, nothing outside its folder; the TPP
/// policy page links to the policy reference only when the server has the book.
async fn the_book_is_served_and_the_policy_page_links_to_it(db: TestDatabase) {
    let root = tempfile::tempdir().unwrap();
    let book = root.path().join("book");
    std::fs::create_dir(&book).unwrap();
    std::fs::write(book.join("index.html"), "<h1>suara</h1>").unwrap();
    std::fs::write(
        book.join("tpp-policy.html"),
        "<h1>TPP policy reference</h1>",
    )
    .unwrap();
    std::fs::write(root.path().join("secret.txt"), "outside the book").unwrap();
    let app = TestApp::spawn_with_book(db, &book).await;

    let chapter = app.get("/panduan/tpp-policy.html").await;
    assert_eq!(chapter.status(), StatusCode::OK);
    let policy = chapter.headers()["content-security-policy"]
        .to_str()
        .unwrap();
    assert!(policy.contains("frame-ancestors 'none'"), "{policy}");
    assert!(chapter
        .text()
        .await
        .unwrap()
        .contains("TPP policy reference"));
    assert_eq!(app.get("/panduan/").await.status(), StatusCode::OK);
    let bare = app.get("/panduan").await;
    assert_eq!(bare.status(), StatusCode::PERMANENT_REDIRECT);
    assert_eq!(bare.headers()[LOCATION], "/panduan/");
    for outside in [
        "/panduan/../secret.txt",
        "/panduan/%2e%2e/secret.txt",
        "/panduan/..%2fsecret.txt",
        "/panduan/missing.html",
    ] {
        let response = app.get(outside).await;
        assert_ne!(response.status(), StatusCode::OK, "{outside}");
        assert!(!response.text().await.unwrap().contains("outside the book"));
    }
    // Staff pages keep their strict policy: no inline script anywhere but the book.
    let sign_in = app.get("/masuk").await;
    let policy = sign_in.headers()["content-security-policy"]
        .to_str()
        .unwrap();
    assert!(!policy.contains("unsafe-inline"), "{policy}");

    app.add_account("bkpsdm", Role::Hr, None, None).await;
    let hr = app.sign_in("bkpsdm", PASSWORD).await.unwrap();
    let page = app
        .get_as(&hr, "/tpp/kebijakan")
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("href=\"/panduan/tpp-policy.html\""), "{page}");

    // A server without the book serves none and links to none.
    let plain = with_accounts(TestDatabase::sqlite().await).await;
    assert_eq!(
        plain.get("/panduan/tpp-policy.html").await.status(),
        StatusCode::NOT_FOUND
    );
    let hr = plain.sign_in("bkpsdm", PASSWORD).await.unwrap();
    let page = plain
        .get_as(&hr, "/tpp/kebijakan")
        .await
        .text()
        .await
        .unwrap();
    assert!(!page.contains("/panduan/"));
}

/// Bappeda plans with units' figures: no officer's name, figures or NIP reaches it.
async fn planners_see_units_never_officers(db: TestDatabase) {
    let app = with_accounts(db).await;
    let sent = app
        .client
        .post(app.url("/api/v1/responses"))
        .json(
            &serde_json::json!({"unit": "dukcapil", "officer": suara_store::testing::OFFICER_NIP,
            "answers": [3, 3, 3, 3, 3, 3, 3, 3, 3], "idempotency_key": "planner-test-1"}),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(sent.status(), StatusCode::CREATED);
    let year = suara_store::testing::tenant()
        .month_of(time::OffsetDateTime::now_utc())
        .year();
    let unit_page = format!("/dasbor/unit/dukcapil?period={year}");
    let export = format!("/dasbor/ekspor?jenis=tanggapan&unit=dukcapil&period={year}&format=csv");
    for (username, sees) in [("admin", true), ("bappeda", false)] {
        let session = app.sign_in(username, PASSWORD).await.unwrap();
        let page = app.get_as(&session, &unit_page).await.text().await.unwrap();
        assert_eq!(page.contains("Sri Wahyuni"), sees, "{username}: {page}");
        let csv = app.get_as(&session, &export).await.text().await.unwrap();
        assert_eq!(
            csv.contains(suara_store::testing::OFFICER_NIP),
            sees,
            "{username}: {csv}"
        );
        let officer = app
            .get_as(
                &session,
                &format!("/dasbor/pegawai/{}", suara_store::testing::OFFICER_NIP),
            )
            .await
            .status();
        assert_eq!(officer == StatusCode::OK, sees, "{username}");
    }
}

/// The accounts of the test, one per role: the unit admin runs `rsud` (with `rsud-igd`
/// under it), the officer is the one in `rsud-igd`.
const ACCOUNTS: [(&str, Role); 7] = [
    ("admin", Role::Administrator),
    ("rsud-admin", Role::UnitAdmin),
    ("bkpsdm", Role::Hr),
    ("bpkad", Role::Finance),
    ("inspektorat", Role::Inspectorate),
    ("bappeda", Role::Planner),
    ("pegawai", Role::Officer),
];

async fn with_accounts(db: TestDatabase) -> TestApp {
    let app = TestApp::spawn(db).await;
    for (username, role) in ACCOUNTS {
        let unit = (role == Role::UnitAdmin).then_some("rsud");
        let nip = (role == Role::Officer).then_some(OTHER_OFFICER_NIP);
        app.add_account(username, role, unit, nip).await;
    }
    app
}

/// A request a test makes for one route: path, and the form for POSTs.
struct Probe {
    method: &'static str,
    route: &'static str,
    path: String,
    /// Expected status per role, in the order of `ACCOUNTS`. 200 = allowed.
    expected: [u16; 7],
}

/// Payroll pages: administrator, BKPSDM and BPKAD.
const PAYROLL_200: [u16; 7] = [200, 403, 200, 200, 403, 403, 403];
const PAYROLL_404: [u16; 7] = [404, 403, 404, 404, 403, 403, 403];
const PAYROLL_422: [u16; 7] = [422, 403, 422, 422, 403, 403, 403];

/// Musrena pages: administrator, unit admin (their districts) and Bappeda.
const MUSRENA_200: [u16; 7] = [200, 200, 403, 403, 403, 200, 403];
const MUSRENA_404: [u16; 7] = [404, 404, 403, 403, 403, 404, 403];
const MUSRENA_422: [u16; 7] = [422, 422, 403, 403, 403, 422, 403];

/// Managing innovations: administrator and unit admin (their units).
const INNOVATION_404: [u16; 7] = [404, 404, 403, 403, 403, 403, 403];
/// Summaries for everyone who sees survey results.
const RESULTS_200: [u16; 7] = [200, 200, 200, 200, 200, 200, 403];

fn probes() -> Vec<Probe> {
    const ALL: [u16; 7] = [200; 7];
    let probe = |method, route, path: &str, expected| Probe {
        method,
        route,
        path: path.to_string(),
        expected,
    };
    vec![
        probe("POST", "/keluar", "/keluar", [303; 7]),
        // A session whose second factor is given (or not needed) is sent on from the code
        // pages (tests/second_factor.rs walks them with one that is not).
        probe("GET", "/masuk/kode", "/masuk/kode", [303; 7]),
        probe("POST", "/masuk/kode", "/masuk/kode", [303; 7]),
        probe("GET", "/masuk/kode-baru", "/masuk/kode-baru", [303; 7]),
        probe("POST", "/masuk/kode-baru", "/masuk/kode-baru", [303; 7]),
        probe("GET", "/akun", "/akun", ALL),
        // Allowed: without the passwords the form comes back with the problem named.
        probe("POST", "/akun", "/akun", [422; 7]),
        probe("POST", "/akun/email", "/akun/email", [422; 7]),
        probe(
            "POST",
            "/admin/akun/tindakan",
            "/admin/akun/tindakan",
            [422, 403, 403, 403, 403, 403, 403],
        ),
        probe(
            "GET",
            "/dasbor",
            "/dasbor",
            [200, 200, 200, 200, 200, 200, 403],
        ),
        // For the province's accounts only (tests/tenancy.rs signs one in).
        probe("GET", "/provinsi", "/provinsi", [403; 7]),
        probe("POST", "/provinsi/padanan", "/provinsi/padanan", [403; 7]),
        // The letterhead: administrators only; an empty form saves an empty address line.
        probe(
            "GET",
            "/admin/kop-surat",
            "/admin/kop-surat",
            [200, 403, 403, 403, 403, 403, 403],
        ),
        probe(
            "POST",
            "/admin/kop-surat",
            "/admin/kop-surat",
            [303, 403, 403, 403, 403, 403, 403],
        ),
        probe(
            "GET",
            "/dasbor/unit/{unit}",
            "/dasbor/unit/rsud-igd",
            [200, 200, 200, 200, 200, 200, 403],
        ),
        probe(
            "GET",
            "/dasbor/unit/{unit}",
            "/dasbor/unit/dukcapil",
            [200, 403, 200, 200, 200, 200, 403],
        ),
        probe(
            "GET",
            "/dasbor/pegawai/{nip}",
            &format!("/dasbor/pegawai/{OTHER_OFFICER_NIP}"),
            [200, 200, 200, 200, 200, 403, 200],
        ),
        probe(
            "GET",
            "/dasbor/pegawai/{nip}",
            &format!("/dasbor/pegawai/{OFFICER_NIP}"),
            [200, 403, 200, 200, 200, 403, 403],
        ),
        probe(
            "GET",
            "/admin/impor",
            "/admin/impor",
            [200, 403, 200, 403, 403, 403, 403],
        ),
        probe(
            "GET",
            "/admin/impor/templat/{table}",
            "/admin/impor/templat/officers",
            [200, 403, 200, 403, 403, 403, 403],
        ),
        // Allowed roles get the form back (no file chosen): 422.
        probe(
            "POST",
            "/admin/impor",
            "/admin/impor",
            [422, 403, 422, 403, 403, 403, 403],
        ),
        probe(
            "GET",
            "/admin/audit",
            "/admin/audit",
            [200, 403, 403, 403, 200, 403, 403],
        ),
        probe(
            "GET",
            "/admin/akun",
            "/admin/akun",
            [200, 403, 403, 403, 403, 403, 403],
        ),
        // Allowed: the form comes back with the problem named (no username): 422.
        probe(
            "POST",
            "/admin/akun",
            "/admin/akun",
            [422, 403, 403, 403, 403, 403, 403],
        ),
        probe(
            "GET",
            "/admin/akun/pegawai",
            "/admin/akun/pegawai",
            [200, 403, 403, 403, 403, 403, 403],
        ),
        // Allowed: asked to choose a unit: 422.
        probe(
            "POST",
            "/admin/akun/pegawai",
            "/admin/akun/pegawai",
            [422, 403, 403, 403, 403, 403, 403],
        ),
        probe(
            "GET",
            "/loket",
            "/loket",
            [200, 200, 403, 403, 403, 403, 200],
        ),
        // Allowed: the form comes back asking for the service: 422.
        probe(
            "POST",
            "/loket",
            "/loket",
            [422, 422, 403, 403, 403, 403, 422],
        ),
        probe(
            "GET",
            "/admin/karantina",
            "/admin/karantina",
            [200, 403, 403, 403, 200, 403, 403],
        ),
        probe(
            "GET",
            "/loket/kios",
            "/loket/kios",
            [200, 200, 403, 403, 403, 403, 403],
        ),
        // Allowed: asked to choose an action: 422.
        probe(
            "POST",
            "/loket/kios",
            "/loket/kios",
            [422, 422, 403, 403, 403, 403, 403],
        ),
        probe(
            "GET",
            "/admin/kios",
            "/admin/kios",
            [403, 403, 200, 403, 200, 403, 403],
        ),
        // Allowed: asked to choose a kiosk awaiting approval: 422.
        probe(
            "POST",
            "/admin/kios",
            "/admin/kios",
            [403, 403, 422, 403, 422, 403, 403],
        ),
        probe(
            "GET",
            "/admin/sumber-bukti",
            "/admin/sumber-bukti",
            [403, 403, 403, 403, 200, 403, 403],
        ),
        // Allowed: a form without a month is a bad request.
        probe(
            "POST",
            "/admin/sumber-bukti",
            "/admin/sumber-bukti",
            [403, 403, 403, 403, 400, 403, 403],
        ),
        // Allowed: asked to choose a response and a decision: 422.
        probe(
            "POST",
            "/admin/karantina",
            "/admin/karantina",
            [422, 403, 403, 403, 422, 403, 403],
        ),
        probe(
            "GET",
            "/dasbor/unit/{unit}/laporan",
            "/dasbor/unit/rsud-igd/laporan",
            [200, 200, 200, 200, 200, 200, 403],
        ),
        probe(
            "GET",
            "/dasbor/unit/{unit}/laporan",
            "/dasbor/unit/dukcapil/laporan",
            [200, 403, 200, 200, 200, 200, 403],
        ),
        // Allowed: the period is missing (400); a unit admin only within their subtree.
        probe(
            "POST",
            "/dasbor/unit/{unit}/tindak-lanjut",
            "/dasbor/unit/rsud-igd/tindak-lanjut",
            [400, 400, 403, 403, 403, 403, 403],
        ),
        probe(
            "POST",
            "/dasbor/unit/{unit}/tindak-lanjut",
            "/dasbor/unit/dukcapil/tindak-lanjut",
            [400, 403, 403, 403, 403, 403, 403],
        ),
        // A unit's suggestions: its administrators only; an empty form goes back to the queue.
        probe(
            "GET",
            "/dasbor/unit/{unit}/saran",
            "/dasbor/unit/rsud-igd/saran",
            [200, 200, 403, 403, 403, 403, 403],
        ),
        probe(
            "GET",
            "/dasbor/unit/{unit}/saran",
            "/dasbor/unit/dukcapil/saran",
            [200, 403, 403, 403, 403, 403, 403],
        ),
        probe(
            "POST",
            "/dasbor/unit/{unit}/saran",
            "/dasbor/unit/rsud-igd/saran",
            [303, 303, 403, 403, 403, 403, 403],
        ),
        // A unit's past survey results: its administrators only; a post without a file is
        // refused with the form again (422), a removal of no import is not found.
        probe(
            "GET",
            "/dasbor/unit/{unit}/riwayat",
            "/dasbor/unit/rsud-igd/riwayat",
            [200, 200, 403, 403, 403, 403, 403],
        ),
        probe(
            "GET",
            "/dasbor/unit/{unit}/riwayat",
            "/dasbor/unit/dukcapil/riwayat",
            [200, 403, 403, 403, 403, 403, 403],
        ),
        probe(
            "POST",
            "/dasbor/unit/{unit}/riwayat",
            "/dasbor/unit/rsud-igd/riwayat",
            [422, 422, 403, 403, 403, 403, 403],
        ),
        probe(
            "POST",
            "/dasbor/unit/{unit}/riwayat",
            "/dasbor/unit/dukcapil/riwayat",
            [422, 403, 403, 403, 403, 403, 403],
        ),
        probe(
            "POST",
            "/dasbor/unit/{unit}/riwayat/hapus",
            "/dasbor/unit/rsud-igd/riwayat/hapus",
            [404, 404, 403, 403, 403, 403, 403],
        ),
        probe(
            "POST",
            "/dasbor/unit/{unit}/riwayat/hapus",
            "/dasbor/unit/dukcapil/riwayat/hapus",
            [404, 403, 403, 403, 403, 403, 403],
        ),
        // How a unit's services ask the survey: its administrators only; a form naming no
        // service of the unit finds none.
        probe(
            "GET",
            "/dasbor/unit/{unit}/kuesioner",
            "/dasbor/unit/rsud-igd/kuesioner",
            [200, 200, 403, 403, 403, 403, 403],
        ),
        probe(
            "GET",
            "/dasbor/unit/{unit}/kuesioner",
            "/dasbor/unit/dukcapil/kuesioner?layanan=ktp",
            [200, 403, 403, 403, 403, 403, 403],
        ),
        probe(
            "POST",
            "/dasbor/unit/{unit}/kuesioner",
            "/dasbor/unit/rsud-igd/kuesioner",
            [404, 404, 403, 403, 403, 403, 403],
        ),
        probe(
            "POST",
            "/dasbor/unit/{unit}/kuesioner",
            "/dasbor/unit/dukcapil/kuesioner",
            [404, 403, 403, 403, 403, 403, 403],
        ),
        probe(
            "GET",
            "/dasbor/ekspor",
            "/dasbor/ekspor?format=csv",
            [200, 200, 200, 200, 200, 200, 403],
        ),
        probe(
            "GET",
            "/dasbor/ekspor",
            "/dasbor/ekspor?jenis=tanggapan&unit=dukcapil",
            [200, 403, 200, 200, 200, 200, 403],
        ),
        probe("GET", "/tpp", "/tpp", PAYROLL_200),
        // Allowed: asked to choose a file: 422.
        probe("POST", "/tpp/impor", "/tpp/impor", PAYROLL_422),
        probe("GET", "/tpp/kebijakan", "/tpp/kebijakan", PAYROLL_200),
        // Allowed: the empty policy is refused with its problem: 422.
        probe("POST", "/tpp/kebijakan", "/tpp/kebijakan", PAYROLL_422),
        // Allowed: asked for the month: 422.
        probe("POST", "/tpp/hitung", "/tpp/hitung", PAYROLL_422),
        // Allowed: no run of that month yet: 404.
        probe("GET", "/tpp/{month}", "/tpp/2026-10", PAYROLL_404),
        probe(
            "GET",
            "/tpp/{month}/ekspor",
            "/tpp/2026-10/ekspor",
            PAYROLL_404,
        ),
        probe(
            "GET",
            "/tpp/{month}/daftar-nominatif",
            "/tpp/2026-10/daftar-nominatif",
            PAYROLL_404,
        ),
        // The bank file: finance (BPKAD) alone, not BKPSDM who imports the accounts.
        probe(
            "GET",
            "/tpp/{month}/berkas-bank",
            "/tpp/2026-10/berkas-bank",
            [403, 403, 403, 404, 403, 403, 403],
        ),
        // Allowed: version and state missing: 400.
        probe(
            "POST",
            "/tpp/{month}/status",
            "/tpp/2026-10/status",
            [400, 403, 400, 400, 403, 403, 403],
        ),
        probe(
            "POST",
            "/tpp/{month}/buang",
            "/tpp/2026-10/buang",
            [400, 403, 400, 400, 403, 403, 403],
        ),
        // Changing one row of the organisation: administrators and BKPSDM, as the import
        // (every field left empty: the name is asked for, 422).
        probe(
            "GET",
            "/admin/ubah/{what}/{id}",
            &format!("/admin/ubah/pegawai/{OTHER_OFFICER_NIP}"),
            [200, 403, 200, 403, 403, 403, 403],
        ),
        probe(
            "POST",
            "/admin/ubah/{what}/{id}",
            &format!("/admin/ubah/pegawai/{OTHER_OFFICER_NIP}"),
            [422, 403, 422, 403, 403, 403, 403],
        ),
        // Recording that an officer leaves: administrators and BKPSDM (nothing typed: 422).
        probe(
            "GET",
            "/dasbor/pegawai/{nip}/berhenti",
            &format!("/dasbor/pegawai/{OTHER_OFFICER_NIP}/berhenti"),
            [200, 403, 200, 403, 403, 403, 403],
        ),
        probe(
            "POST",
            "/dasbor/pegawai/{nip}/berhenti",
            &format!("/dasbor/pegawai/{OTHER_OFFICER_NIP}/berhenti"),
            [422, 403, 422, 403, 403, 403, 403],
        ),
        probe(
            "GET",
            "/dasbor/pegawai/{nip}/tpp",
            &format!("/dasbor/pegawai/{OTHER_OFFICER_NIP}/tpp"),
            [200, 200, 200, 200, 200, 403, 200],
        ),
        probe(
            "GET",
            "/dasbor/pegawai/{nip}/tpp",
            &format!("/dasbor/pegawai/{OFFICER_NIP}/tpp"),
            [200, 403, 200, 200, 200, 403, 403],
        ),
        // Only the officer themselves (then asked which response: 400).
        probe(
            "POST",
            "/dasbor/pegawai/{nip}/banding",
            &format!("/dasbor/pegawai/{OTHER_OFFICER_NIP}/banding"),
            [403, 403, 403, 403, 403, 403, 400],
        ),
        probe(
            "POST",
            "/dasbor/pegawai/{nip}/banding",
            &format!("/dasbor/pegawai/{OFFICER_NIP}/banding"),
            [403; 7],
        ),
        probe(
            "GET",
            "/admin/banding",
            "/admin/banding",
            [200, 403, 403, 403, 200, 403, 403],
        ),
        // Allowed: asked to choose an appeal and a decision: 422.
        probe(
            "POST",
            "/admin/banding",
            "/admin/banding",
            [422, 403, 403, 403, 422, 403, 403],
        ),
        probe("GET", "/musrena/forum", "/musrena/forum", MUSRENA_200),
        // Allowed: the form comes back with its problems (422), a unit admin's too (a forum
        // outside their districts is one of the problems, the form kept).
        probe("POST", "/musrena/forum", "/musrena/forum", MUSRENA_422),
        // Allowed: no such forum (404).
        probe(
            "GET",
            "/musrena/forum/{forum}",
            "/musrena/forum/2026-999",
            MUSRENA_404,
        ),
        probe(
            "POST",
            "/musrena/forum/{forum}/nilai",
            "/musrena/forum/2026-999/nilai",
            MUSRENA_404,
        ),
        probe(
            "GET",
            "/musrena/forum/{forum}/usulan",
            "/musrena/forum/2026-999/usulan",
            MUSRENA_404,
        ),
        probe(
            "POST",
            "/musrena/forum/{forum}/usulan",
            "/musrena/forum/2026-999/usulan",
            MUSRENA_404,
        ),
        // Allowed: asked to choose proposals, a step and a date: 422.
        probe(
            "POST",
            "/musrena/langkah",
            "/musrena/langkah",
            [422, 422, 403, 403, 403, 422, 403],
        ),
        probe(
            "GET",
            "/musrena/kelola/{code}",
            "/musrena/kelola/MR-00000-00000",
            MUSRENA_404,
        ),
        probe(
            "GET",
            "/musrena/forum/{forum}/luring",
            "/musrena/forum/2026-999/luring",
            MUSRENA_404,
        ),
        probe(
            "POST",
            "/musrena/forum/{forum}/luring",
            "/musrena/forum/2026-999/luring",
            MUSRENA_404,
        ),
        probe(
            "POST",
            "/musrena/kelola/{code}/pecah",
            "/musrena/kelola/MR-00000-00000/pecah",
            MUSRENA_404,
        ),
        probe(
            "GET",
            "/musrena/kecamatan/{district}",
            "/musrena/kecamatan/tidak-ada",
            MUSRENA_404,
        ),
        // Allowed: nothing chosen, for a district that is not one: 404; a unit admin's: 403.
        probe(
            "POST",
            "/musrena/kecamatan/{district}/gabung",
            "/musrena/kecamatan/tidak-ada/gabung",
            [404, 403, 403, 403, 403, 404, 403],
        ),
        // Forum managers; an unknown proposal: 404.
        probe(
            "POST",
            "/musrena/kelola/{code}/rekomendasi",
            "/musrena/kelola/MR-00000-00000/rekomendasi",
            MUSRENA_404,
        ),
        // Planners only; an unknown proposal: 404.
        probe(
            "POST",
            "/musrena/kelola/{code}/kemajuan",
            "/musrena/kelola/MR-00000-00000/kemajuan",
            [404, 403, 403, 403, 403, 404, 403],
        ),
        probe(
            "GET",
            "/musrena/ekspor",
            "/musrena/ekspor",
            [200, 403, 403, 403, 403, 200, 403],
        ),
        probe("GET", "/kelola/inovasi", "/kelola/inovasi", ALL),
        // Allowed: an empty registration (422); a unit admin's empty unit is not theirs.
        probe(
            "POST",
            "/kelola/inovasi",
            "/kelola/inovasi",
            [422, 403, 403, 403, 403, 403, 403],
        ),
        probe("GET", "/kelola/inovasi/ide", "/kelola/inovasi/ide", ALL),
        // Anyone may submit an idea; a form without its purpose is unreadable.
        probe(
            "POST",
            "/kelola/inovasi/ide",
            "/kelola/inovasi/ide",
            [400; 7],
        ),
        probe(
            "GET",
            "/kelola/inovasi/ringkasan",
            "/kelola/inovasi/ringkasan",
            RESULTS_200,
        ),
        probe(
            "GET",
            "/kelola/inovasi/indeks",
            "/kelola/inovasi/indeks",
            RESULTS_200,
        ),
        probe(
            "GET",
            "/kelola/inovasi/{id}",
            "/kelola/inovasi/99",
            INNOVATION_404,
        ),
        probe(
            "POST",
            "/kelola/inovasi/{id}",
            "/kelola/inovasi/99",
            INNOVATION_404,
        ),
        probe(
            "GET",
            "/kelola/inovasi/{id}/ubah",
            "/kelola/inovasi/99/ubah",
            INNOVATION_404,
        ),
        probe(
            "POST",
            "/kelola/inovasi/{id}/ubah",
            "/kelola/inovasi/99/ubah",
            INNOVATION_404,
        ),
        probe(
            "POST",
            "/kelola/inovasi/{id}/bukti",
            "/kelola/inovasi/99/bukti",
            INNOVATION_404,
        ),
    ]
}

async fn send(
    app: &TestApp,
    probe: &Probe,
    session: Option<&common::Session>,
    csrf: Option<&str>,
) -> StatusCode {
    if probe.method == "GET" {
        return match session {
            Some(session) => app.get_as(session, &probe.path).await.status(),
            None => app.get(&probe.path).await.status(),
        };
    }
    let csrf = csrf.unwrap_or("");
    if [
        "/admin/impor",
        "/tpp/impor",
        "/musrena/forum/{forum}/usulan",
        "/musrena/kelola/{code}/kemajuan",
        "/kelola/inovasi/{id}/bukti",
        "/dasbor/unit/{unit}/riwayat",
        "/provinsi/padanan",
        "/admin/kop-surat",
    ]
    .contains(&probe.route)
    {
        let form = reqwest::multipart::Form::new()
            .text("csrf", csrf.to_string())
            .text("action", "check");
        let mut request = app.client.post(app.url(&probe.path)).multipart(form);
        if let Some(session) = session {
            request = request.header("cookie", format!("suara_session={}", session.cookie));
        }
        return request.send().await.unwrap().status();
    }
    app.post_form_as(session, &probe.path, &[("csrf", csrf)])
        .await
        .status()
}

async fn every_route_and_role_is_allowed_or_forbidden_as_designed(db: TestDatabase) {
    let app = with_accounts(db).await;
    let probes = probes();
    // Every staff route has probes, so a new route cannot ship without its rules here.
    for route in STAFF_ROUTES {
        assert!(
            probes
                .iter()
                .any(|p| p.route == route.path && p.method == route.method.as_str()),
            "{} {} has no access expectations in this test",
            route.method,
            route.path
        );
    }
    for probe in &probes {
        // Signed out: pages send to the sign-in form, posts are refused.
        let status = send(&app, probe, None, None).await;
        let expected = if probe.method == "GET" { 303 } else { 401 };
        assert_eq!(
            status.as_u16(),
            expected,
            "signed out: {} {}",
            probe.method,
            probe.path
        );
    }
    for (i, (username, _)) in ACCOUNTS.iter().enumerate() {
        for probe in &probes {
            // A fresh session each time, since signing out ends it.
            let session = app.session_for(username).await;
            let status = send(&app, probe, Some(&session), Some(&session.csrf)).await;
            assert_eq!(
                status.as_u16(),
                probe.expected[i],
                "{username}: {} {}",
                probe.method,
                probe.path
            );
            if probe.method == "POST" && probe.expected[i] != 403 {
                // The same post without the session's CSRF token is refused.
                let session = app.session_for(username).await;
                let forged = send(&app, probe, Some(&session), Some("forged")).await;
                assert_eq!(
                    forged,
                    StatusCode::FORBIDDEN,
                    "{username}: {} without CSRF",
                    probe.path
                );
            }
        }
    }
    // Paths that are not routes are not found, signed in or not.
    let admin = app.sign_in("admin", PASSWORD).await.unwrap();
    assert_eq!(
        app.get_as(&admin, "/admin/nothing-here").await.status(),
        StatusCode::NOT_FOUND
    );
}

async fn sign_in_is_rate_limited_and_csrf_protected(db: TestDatabase) {
    let app = with_accounts(db).await;
    let officer = app.sign_in("pegawai", PASSWORD).await.unwrap();
    assert_eq!(
        officer.landing,
        format!("/dasbor/pegawai/{OTHER_OFFICER_NIP}?lang=id")
    );
    assert_eq!(
        app.sign_in("admin", "wrong password").await.unwrap_err(),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        app.sign_in("nobody", PASSWORD).await.unwrap_err(),
        StatusCode::UNAUTHORIZED
    );

    // Without the sign-in form's own cookie, a posted sign-in is refused.
    let forged = app
        .post_form_as(
            None,
            "/masuk",
            &[("username", "admin"), ("password", PASSWORD), ("csrf", "x")],
        )
        .await;
    assert_eq!(forged.status(), StatusCode::FORBIDDEN);

    for _ in 0..4 {
        assert_eq!(
            app.sign_in("admin", "wrong password").await.unwrap_err(),
            StatusCode::UNAUTHORIZED
        );
    }
    // Five failures: even the right password waits now.
    assert_eq!(
        app.sign_in("admin", PASSWORD).await.unwrap_err(),
        StatusCode::TOO_MANY_REQUESTS
    );
    // Other accounts are not locked out by it.
    assert!(app.sign_in("bkpsdm", PASSWORD).await.is_ok());

    // Signing out ends the session for good.
    let session = app.sign_in("bkpsdm", PASSWORD).await.unwrap();
    let out = app
        .post_form_as(Some(&session), "/keluar", &[("csrf", &session.csrf)])
        .await;
    assert_eq!(out.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        app.get_as(&session, "/dasbor").await.status(),
        StatusCode::SEE_OTHER
    );

    // Sign-in only sends users on within this site.
    let page = app
        .get("/masuk?next=//evil.example/")
        .await
        .text()
        .await
        .unwrap();
    assert!(hidden_value(&page, "next").is_none());
    let redirect = app.get("/dasbor/unit/dukcapil").await;
    assert!(redirect.headers()[LOCATION]
        .to_str()
        .unwrap()
        .starts_with("/masuk?next=%2Fdasbor%2Funit%2Fdukcapil"));
}

/// Posts the import form with files, each CSV text or an xlsx workbook.
async fn upload<B: AsRef<[u8]>>(
    app: &TestApp,
    session: &common::Session,
    action: &str,
    files: &[(&str, B)],
) -> (StatusCode, String) {
    let mut form = reqwest::multipart::Form::new()
        .text("csrf", session.csrf.clone())
        .text("action", action.to_string());
    for (field, content) in files {
        let bytes = content.as_ref();
        let extension = if bytes.starts_with(b"PK") {
            "xlsx"
        } else {
            "csv"
        };
        let part = reqwest::multipart::Part::bytes(bytes.to_vec())
            .file_name(format!("{field}.{extension}"));
        form = form.part(field.to_string(), part);
    }
    let sent = app
        .client
        .post(app.url("/admin/impor"))
        .header("cookie", format!("suara_session={}", session.cookie))
        .multipart(form)
        .send()
        .await
        .unwrap();
    (sent.status(), sent.text().await.unwrap())
}

/// BKPSDM's officer list as SIMPEG exports it: an xlsx workbook with Indonesian headers, the
/// unit by name, the start date day first, rank and account, and a column suara does not use.
async fn a_simpeg_workbook_is_imported_as_it_is(db: TestDatabase) {
    use rust_xlsxwriter::Workbook;
    let app = with_accounts(db).await;
    let hr = app.sign_in("bkpsdm", PASSWORD).await.unwrap();
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let rows = [
        [
            "NIP",
            "NAMA",
            "GOL/RUANG",
            "ESELON",
            "JABATAN",
            "UNIT KERJA",
            "KELAS JABATAN",
            "TMT JABATAN",
            "NOMOR REKENING",
        ],
        [
            "199001012015032001",
            "Ani Lestari",
            "III/b",
            "",
            "Perawat",
            "Instalasi Gawat Darurat",
            "7",
            "06-01-2025",
            "0012345678",
        ],
        [
            "199202022016041002",
            "Rudi Hartono",
            "II/c",
            "",
            "Pengadministrasi",
            "RSUD dr. Soedomo",
            "5",
            "",
            "",
        ],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            sheet.write_string(r as u32, c as u16, *cell).unwrap();
        }
    }
    let workbook = book.save_to_buffer().unwrap();
    let (status, html) = upload(&app, &hr, "check", &[("officers", workbook.as_slice())]).await;
    assert_eq!(status, StatusCode::OK, "{html}");
    assert!(
        html.contains("Pemeriksaan lolos") && html.contains("ESELON (Pegawai)"),
        "{html}"
    );
    let (status, html) = upload(&app, &hr, "import", &[("officers", workbook.as_slice())]).await;
    assert_eq!(status, StatusCode::OK, "{html}");
    let ani = app
        .store
        .officer("t1", "199001012015032001")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (
            ani.unit_id.as_str(),
            ani.position_class.as_str(),
            ani.pay.rank.as_str(),
            ani.pay.account_number.as_str()
        ),
        ("rsud-igd", "7", "III/b", "0012345678")
    );
    let assignments = app
        .store
        .assignments("t1", "199001012015032001")
        .await
        .unwrap();
    assert_eq!(assignments[0].from.to_string(), "2025-01-06");
    // An account number Excel keeps as a number has lost its leading zeros: refused, named,
    // and the account stored stays.
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    for (c, cell) in rows[0].iter().enumerate() {
        sheet.write_string(0, c as u16, *cell).unwrap();
    }
    for (c, cell) in rows[1].iter().enumerate().take(8) {
        sheet.write_string(1, c as u16, *cell).unwrap();
    }
    sheet.write_number(1, 8, 12345678.0).unwrap();
    let numbers = book.save_to_buffer().unwrap();
    let (status, html) = upload(&app, &hr, "import", &[("officers", numbers.as_slice())]).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        html.contains("&#39;12345678&#39; tersimpan sebagai angka")
            || html.contains("'12345678' tersimpan sebagai angka"),
        "{html}"
    );
    let ani = app
        .store
        .officer("t1", "199001012015032001")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(ani.pay.account_number, "0012345678");
    // A workbook that is no workbook: named, nothing imported.
    let (status, html) = upload(
        &app,
        &hr,
        "import",
        &[("officers", b"PK\x03\x04 not really".as_slice())],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("tidak dapat dibaca"), "{html}");
}

/// BKPSDM's list gives a last working day and a status (TMT BERHENTI, STATUS): the check
/// lists who leaves, the import ends their assignments in the audit chain, and the month
/// after pays them nothing. A status it does not know is refused, nothing changed.
async fn a_list_ends_the_assignments_of_officers_who_left(db: TestDatabase) {
    use suara_store::testing::tenant;
    let app = with_accounts(db).await;
    let hr = app.sign_in("bkpsdm", PASSWORD).await.unwrap();
    let this_month = tenant().month_of(time::OffsetDateTime::now_utc());
    let last_day = this_month.previous().last_day();
    let list = |status: &str| {
        format!(
            "NIP;NAMA;JABATAN;UNIT KERJA;KELAS JABATAN;TMT BERHENTI;STATUS\n\
             {OFFICER_NIP};Sri Wahyuni;Verifikator;Dinas Dukcapil;7;{};{status}\n\
             {OTHER_OFFICER_NIP};Bambang Setiawan;Verifikator;rsud-igd;7;;PNS\n",
            last_day
                .format(time::macros::format_description!("[day]-[month]-[year]"))
                .unwrap()
        )
    };
    let (status, html) = upload(&app, &hr, "import", &[("officers", list("tugas belajar"))]).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("bukan status: aktif, pensiun"), "{html}");
    let (status, html) = upload(&app, &hr, "check", &[("officers", list("Pensiun"))]).await;
    assert_eq!(status, StatusCode::OK, "{html}");
    assert!(
        html.contains("Pegawai yang berhenti")
            && html.contains(&format!(" {}</td>", last_day.year()))
            && !html.contains(&last_day.to_string())
            && html.contains("Pensiun"),
        "{html}"
    );
    assert!(app.store.assignments("t1", OFFICER_NIP).await.unwrap()[0]
        .until
        .is_none());
    let (status, html) = upload(&app, &hr, "import", &[("officers", list("Pensiun"))]).await;
    assert_eq!(status, StatusCode::OK, "{html}");
    let history = app.store.assignments("t1", OFFICER_NIP).await.unwrap();
    assert_eq!(history[0].until, Some(last_day));
    // The same list again changes nothing; the chain replays the departure.
    let (_, html) = upload(&app, &hr, "check", &[("officers", list("Pensiun"))]).await;
    assert!(html.contains("Tidak ada perubahan"), "{html}");
    let report = app.store.verify("t1", None, &[]).await.unwrap();
    assert_eq!(report.problem, None);
    let (_, officers, _) = app.store.preview_payroll("t1", this_month).await.unwrap();
    let nips: Vec<_> = officers.iter().map(|o| o.input.nip.as_str()).collect();
    assert!(
        !nips.contains(&OFFICER_NIP) && nips.contains(&OTHER_OFFICER_NIP),
        "{nips:?}"
    );
}

/// Each file's template, downloaded, filled in and uploaded, imports; the Excel template as
/// downloaded holds headers only on the sheet the import reads.
async fn templates_are_downloaded_filled_and_imported(db: TestDatabase) {
    let app = with_accounts(db).await;
    let hr = app.sign_in("bkpsdm", PASSWORD).await.unwrap();
    let page = app.get_as(&hr, "/admin/impor?lang=id").await;
    assert_eq!(page.status(), StatusCode::OK);
    let page = page.text().await.unwrap();
    assert!(
        page.contains("/admin/impor/templat/officers?lang=id&amp;format=csv")
            && page.contains("Pegawai")
            && !page.contains("officers.csv"),
        "{page}"
    );
    let csv = app
        .get_as(&hr, "/admin/impor/templat/officers?format=csv&lang=id")
        .await;
    assert_eq!(csv.status(), StatusCode::OK);
    assert!(csv.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .contains("templat-pegawai.csv"));
    let mut filled = csv.bytes().await.unwrap().to_vec();
    filled.extend_from_slice(
        "199001012015032009;Dewi Anggraini;Perawat;Instalasi Gawat Darurat;7;06-01-2025;ya;III/a;;Bank Jatim;0012000345;;aktif;dewi.anggraini@uji.go.id\r\n"
            .as_bytes(),
    );
    let (status, html) = upload(&app, &hr, "import", &[("officers", filled)]).await;
    assert_eq!(status, StatusCode::OK, "{html}");
    let dewi = app
        .store
        .officer("t1", "199001012015032009")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (dewi.unit_id.as_str(), dewi.pay.account_number.as_str()),
        ("rsud-igd", "0012000345")
    );
    let xlsx = app.get_as(&hr, "/admin/impor/templat/units?lang=id").await;
    assert_eq!(xlsx.status(), StatusCode::OK);
    let workbook = xlsx.bytes().await.unwrap();
    let first = suara_domain::spreadsheet::as_csv(&workbook).unwrap();
    assert_eq!(
        String::from_utf8_lossy(&first).trim_end(),
        "KODE UNIT,NAMA UNIT,JENIS,INDUK,PENGGUNA PER BULAN,JAM LAYANAN,NIP KEPALA,NIP BENDAHARA"
    );
    let (status, html) = upload(&app, &hr, "import", &[("units", workbook.to_vec())]).await;
    assert_eq!(status, StatusCode::OK, "{html}");
    let missing = app.get_as(&hr, "/admin/impor/templat/gaji").await;
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
}

async fn import_checks_every_row_then_imports_once(db: TestDatabase) {
    let app = with_accounts(db).await;
    let hr = app.sign_in("bkpsdm", PASSWORD).await.unwrap();
    let units = "unit_id,parent_id,name,kind,monthly_users\ndinkes,,Dinas Kesehatan,dinas,\npkm-panggul,dinkes,Puskesmas Panggul,puskesmas,900\n";
    let services = "service_id,unit_id,name\nrawat-jalan,pkm-panggul,Rawat jalan\n";
    let officers = "nip,name,position,position_class,unit_id,assigned_from\n199001012015032001,Ani Lestari,Perawat,7,pkm-panggul,2025-01-06\n";
    let bad_officers = "nip,name,position,position_class,unit_id\n1990,Ani,Perawat,7,pkm-panggul\n199001012015032001,,Perawat,7,mars\n";

    let (status, html) = upload(
        &app,
        &hr,
        "import",
        &[("units", units), ("officers", bad_officers)],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("3 masalah ditemukan"), "{html}");
    for cell in [
        "<td>Pegawai</td><td class=\"num\">2</td><td>NIP</td>",
        "<td class=\"num\">3</td><td>NAMA</td>",
        "<td class=\"num\">3</td><td>UNIT KERJA</td>",
    ] {
        assert!(html.contains(cell), "missing {cell}");
    }
    assert!(
        app.store.unit("t1", "dinkes").await.unwrap().is_none(),
        "nothing imported"
    );

    let files = [
        ("units", units),
        ("services", services),
        ("officers", officers),
    ];
    let (status, html) = upload(&app, &hr, "check", &files).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Pemeriksaan lolos"), "{html}");
    assert!(
        app.store.unit("t1", "dinkes").await.unwrap().is_none(),
        "a check imports nothing"
    );

    let (status, html) = upload(&app, &hr, "import", &files).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Impor selesai"), "{html}");
    assert_eq!(
        app.store
            .officer("t1", "199001012015032001")
            .await
            .unwrap()
            .unwrap()
            .unit_id,
        "pkm-panggul"
    );
    let (_, html) = upload(&app, &hr, "import", &files).await;
    assert!(html.contains("Tidak ada perubahan"), "{html}");

    // The audit log names who did it.
    let inspector = app.sign_in("inspektorat", PASSWORD).await.unwrap();
    let audit = app
        .get_as(&inspector, "/admin/audit")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        audit.contains(">bkpsdm</td>") && audit.contains("199001012015032001"),
        "{audit}"
    );
    // Searching the log by a NIP finds that officer's entries only.
    let found = app
        .get_as(&inspector, "/admin/audit?cari=199001012015032001")
        .await
        .text()
        .await
        .unwrap();
    assert!(found.contains("199001012015032001") && found.contains("value=\"199001012015032001\""));
    assert!(
        found.matches("<tr>").count() < audit.matches("<tr>").count(),
        "{found}"
    );
}

async fn dashboard_shows_figures_and_unit_admins_only_their_subtree(db: TestDatabase) {
    let app = with_accounts(db).await;
    for (key, unit, officer) in [
        ("d-1", "dukcapil", Some(OFFICER_NIP)),
        ("d-2", "rsud-igd", Some(OTHER_OFFICER_NIP)),
    ] {
        let body = json!({ "unit": unit, "officer": officer, "answers": [4, 4, 4, 4, 4, 4, 4, 4, 3], "idempotency_key": format!("dashboard-{key}") });
        let sent = app
            .client
            .post(app.url("/api/v1/responses"))
            .json(&body)
            .send()
            .await
            .unwrap();
        assert_eq!(sent.status(), StatusCode::CREATED);
    }
    let admin = app.sign_in("admin", PASSWORD).await.unwrap();
    let page = app.get_as(&admin, "/dasbor").await.text().await.unwrap();
    assert!(page.contains("Dinas Dukcapil") && page.contains("Instalasi Gawat Darurat"));
    // All 4s but one 3: IKM = 25·(8·4 + 3)/9 = 97.22, grade A.
    assert!(page.contains("97,22"), "{page}");
    assert!(page.contains("<svg class=\"chart wide\" role=\"img\""));

    let unit = app
        .get_as(&admin, "/dasbor/unit/dukcapil?lang=en")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        unit.contains("Score per element") && unit.contains("Sri Wahyuni") && unit.contains("U9")
    );
    let searched = app
        .get_as(&admin, "/dasbor/unit/dukcapil?cari=tidak-ada-nama")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        !searched.contains("Sri Wahyuni"),
        "the officer list is filtered"
    );
    let officer = app
        .get_as(&admin, &format!("/dasbor/pegawai/{OFFICER_NIP}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        officer.contains("Riwayat penugasan") && officer.contains("2 Januari 2024"),
        "{officer}"
    );
    let bad_period = app.get_as(&admin, "/dasbor?period=2026-13").await;
    assert_eq!(bad_period.status(), StatusCode::BAD_REQUEST);

    let unit_admin = app.sign_in("rsud-admin", PASSWORD).await.unwrap();
    let page = app
        .get_as(&unit_admin, "/dasbor")
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("Instalasi Gawat Darurat") && page.contains("RSUD dr. Soedomo"));
    assert!(
        !page.contains("Dinas Dukcapil"),
        "a unit admin sees only their subtree"
    );
}
