//! Indonesian everywhere: every route the server answers, as the role that uses it, in
//! Indonesian, with every file staff download (Excel, PDF, Word, CSV meant for people, the
//! posters) and the audit log of a regency that has done a bit of everything. What a person
//! reads may hold no English word, no internal code (`disability_physical`, `NotEnoughData`)
//! and no ISO date (2026-12-03); fields meant for machines are left alone (hidden inputs,
//! option values, `<code>`, anything marked `translate="no"` or in another language, like
//! the language switch), and a CSV for machines must say so in its first line. Routes that
//! only machines read (the API, the log's tiles, scripts and images) are listed with why.
#![allow(clippy::unwrap_used)] // a test that unwraps fails with the value's message
#![allow(clippy::too_many_lines)] // a scenario reads top to bottom, as its user would do it

mod common;

use std::collections::BTreeSet;
use std::io::Read;

use common::scene::{self, Scene};
use common::{Session, TestApp};
use reqwest::StatusCode;
use suara_store::testing::{TestDatabase, DISTRICT, OFFICER_NIP};
use suara_web::routes;

suara_store::backend_tests!(every_page_and_file_reads_in_indonesian);

/// Routes only programs read, and why.
const FOR_MACHINES: &[(&str, &str)] = &[
    (routes::HEALTH, "a load balancer's probe"),
    (routes::READY, "a load balancer's probe"),
    (routes::METRICS, "Prometheus"),
    (routes::OPENAPI, "the API's description"),
    (
        routes::API_RESPONSES,
        "the JSON API (its form posts are checked below)",
    ),
    (routes::API_UNITS, "the JSON API"),
    (routes::API_UNIT_IKM, "the JSON API"),
    (routes::API_TICKETS, "the JSON API"),
    (routes::API_RECEIPT, "the JSON API"),
    (routes::API_LOG_HEADS, "the JSON API"),
    (routes::API_LOG_CONSISTENCY, "the JSON API"),
    (routes::API_MUSRENA_PROPOSALS, "the JSON API"),
    (routes::API_MUSRENA_GEOJSON, "GeoJSON for maps"),
    (routes::API_INNOVATIONS, "the JSON API"),
    (routes::LOG_CHECKPOINT, "the C2SP checkpoint witnesses read"),
    (routes::LOG_TILE, "the C2SP tiles witnesses read"),
    (routes::STYLESHEET, "a stylesheet"),
    (
        routes::KIOSK_SCRIPT,
        "a script (its words come from the page)",
    ),
    (
        routes::FORUM_OFFLINE_SCRIPT,
        "a script (its words come from the page)",
    ),
    (
        routes::QUEUE_SCRIPT,
        "a script (its words come from the page)",
    ),
    (routes::FAVICON, "an icon"),
    (routes::ROBOTS, "for search engines"),
    (
        routes::POSTER_POINT_PNG,
        "the SVG poster as a picture (its SVG is checked)",
    ),
    (
        routes::POSTER_OFFICER_PNG,
        "the SVG poster as a picture (its SVG is checked)",
    ),
    (
        routes::SSO_RETURN,
        "the identity provider's return (checked with SSO_START)",
    ),
];

/// Where the regency `t1` is served (the province's account is served without a host).
const REGENCY_HOST: &str = "uji.test";

/// Public forms, posted empty: the refusal a person sees.
const PUBLIC_POSTS: &[&str] = &[
    routes::LOGIN,
    routes::FORGOT_PASSWORD,
    routes::RESET_PASSWORD,
    routes::KIOSK,
];

/// Staff forms that send files (multipart).
const UPLOADS: &[&str] = &[
    routes::IMPORT,
    routes::TPP_IMPORT,
    routes::UNIT_HISTORY,
    routes::MUSRENA_PROPOSAL_FORM,
    routes::MUSRENA_PROGRESS,
    routes::INNOVATION_EVIDENCE_UPLOAD,
    routes::PROVINCE_SERVICE_MAP,
    routes::LETTERHEAD,
];

async fn every_page_and_file_reads_in_indonesian(db: TestDatabase) {
    common::clear_of_month_end().await;
    let mut app = TestApp::spawn(db).await;
    // The scene holds two regencies and the province: the regency is served on its own
    // host (named before the first request, which reads the hosts for two seconds).
    assert!(app.store.add_tenant_host("t1", REGENCY_HOST).await.unwrap());
    let scene = scene::staff_scene(&app).await;
    app.use_host(Some(REGENCY_HOST));
    scene::transparency_data(&app).await;
    musrena_carried_through(&app, &scene.proposal).await;
    // A ticket to answer, a kiosk's counter, and an answer sent through the form.
    let ticket = scene::ticket(&app).await;
    let thanks = app
        .client
        .post(app.url(routes::API_RESPONSES))
        .form(&[
            ("tenant", "t1"),
            ("unit", "dukcapil"),
            ("service", "ktp"),
            ("u1", "4"),
            ("u2", "3"),
            ("u3", "3"),
            ("u4", "4"),
            ("u5", "3"),
            ("u6", "4"),
            ("u7", "4"),
            ("u8", "3"),
            ("u9", "4"),
            ("idempotency_key", "indonesian-thanks-1"),
        ])
        .send()
        .await
        .unwrap();
    let status = thanks.status();
    let thanks = thanks.text().await.unwrap();
    assert_eq!(status, StatusCode::CREATED, "{thanks}");
    let receipt = thanks
        .split("/tanda-terima/")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("the thank-you page links to its receipt")
        .to_string();
    let mut problems = Vec::new();
    check_html("the thank-you page", &thanks, &mut problems);
    adapted_service(&app).await;

    let visits = visits(&scene, &ticket, &receipt);
    let mut seen: BTreeSet<&str> = FOR_MACHINES.iter().map(|(route, _)| *route).collect();
    for visit in &visits {
        seen.insert(visit.route);
        let host = visit
            .who
            .is_none_or(|who| !std::ptr::eq(who, &scene.province))
            .then_some(REGENCY_HOST);
        app.use_host(host);
        let response = match &visit.who {
            Some(who) => app.get_as(who, &visit.path).await,
            None => app.get(&visit.path).await,
        };
        let status = response.status();
        if status != visit.status && !(visit.status == StatusCode::OK && status.is_redirection()) {
            problems.push(format!("{}: {status}, not {}", visit.path, visit.status));
        }
        check_response(&visit.path, response, &mut problems).await;
    }

    // Every staff form posted empty, by a role that may send it: the refusal it shows.
    app.use_host(Some(REGENCY_HOST));
    for rule in suara_web::access::STAFF_ROUTES
        .iter()
        .filter(|r| r.method == reqwest::Method::POST)
    {
        seen.insert(rule.path);
        let who = scene
            .by_role()
            .into_iter()
            .find(|(role, _)| {
                suara_domain::access::Principal {
                    role: *role,
                    unit_id: None,
                    nip: None,
                }
                .may(rule.permission)
            })
            .map(|(_, session)| session)
            .expect("a role that may post");
        // Signing out is checked with a session of its own.
        let throwaway;
        let who = if rule.path == routes::LOGOUT {
            throwaway = app.session_for("admin").await;
            &throwaway
        } else {
            who
        };
        // The province's account is served without the regency's host name.
        let host = (!std::ptr::eq(who, &scene.province)).then_some(REGENCY_HOST);
        app.use_host(host);
        let path = fill(rule.path, &scene);
        let request = app.client.post(app.url(&path)).header(
            reqwest::header::COOKIE,
            format!("suara_session={}", who.cookie),
        );
        let request = if UPLOADS.contains(&rule.path) {
            request.multipart(reqwest::multipart::Form::new().text("csrf", who.csrf.clone()))
        } else {
            request.form(&[("csrf", who.csrf.as_str())])
        };
        let response = request.send().await.unwrap();
        assert!(
            !response.status().is_server_error() && response.status() != StatusCode::FORBIDDEN,
            "POST {path}: {}",
            response.status()
        );
        check_response(&format!("POST {path}"), response, &mut problems).await;
    }
    app.use_host(Some(REGENCY_HOST));
    for route in PUBLIC_POSTS {
        seen.insert(route);
        let path = fill(route, &scene);
        let response = app
            .client
            .post(app.url(&path))
            .form(&[("csrf", "x")])
            .send()
            .await
            .unwrap();
        assert!(!response.status().is_server_error(), "POST {path}");
        check_response(&format!("POST {path}"), response, &mut problems).await;
    }

    let unvisited: Vec<&&str> = routes::ALL.iter().filter(|r| !seen.contains(**r)).collect();
    assert!(
        unvisited.is_empty(),
        "routes neither visited nor named as for machines: {unvisited:?}"
    );
    assert!(
        problems.is_empty(),
        "{} places where a person reads English, a code or an ISO date:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// The scene's proposal recommended with an amount, carried up to the regency, accepted,
/// budgeted and half built, its RAB attached: audit entries the issue found in English.
async fn musrena_carried_through(app: &TestApp, code: &str) {
    use suara_domain::musrena::lifecycle::Action;
    use suara_domain::musrena::recommendation::{validate, Recommendation, RecommendationDraft};
    let now = time::OffsetDateTime::now_utc();
    let on = time::macros::date!(2026 - 02 - 10);
    let recommendation: Recommendation = validate(&RecommendationDraft {
        by: "kecamatan".into(),
        volume: "1".into(),
        amount: "45000000".into(),
        text: "Didukung kecamatan".into(),
    })
    .unwrap();
    app.store
        .recommend("t1", code, &recommendation, "bappeda", now)
        .await
        .unwrap();
    let codes = [code.to_string()];
    for action in [
        Action::Carry,
        Action::Carry,
        Action::AcceptIntoPlan,
        Action::Budget { amount: 45_000_000 },
    ] {
        app.store
            .apply_actions("t1", &codes, &action, on, "bappeda", now)
            .await
            .unwrap();
    }
    let progress = suara_domain::musrena::progress::validate(
        &suara_domain::musrena::progress::ProgressDraft {
            on: "2026-06-01".into(),
            percent: "50".into(),
            spent: "20000000".into(),
            note: "Pondasi selesai".into(),
        },
        time::macros::date!(2026 - 11 - 25),
    )
    .unwrap();
    app.store
        .add_progress("t1", code, &progress, None, "bappeda", now)
        .await
        .unwrap();
    app.store
        .set_rab(
            "t1",
            code,
            suara_domain::musrena::proposal::RabType::Pdf,
            b"%PDF-1.4\n%%EOF\n",
            "bappeda",
            now,
        )
        .await
        .unwrap();
}

/// A page or file to fetch, by whom, and the status it answers.
struct Visit<'a> {
    route: &'static str,
    who: Option<&'a Session>,
    path: String,
    status: StatusCode,
}

fn visits<'a>(scene: &'a Scene, ticket: &str, receipt: &str) -> Vec<Visit<'a>> {
    let (month, this_month) = (scene.month.to_string(), scene.this_month.to_string());
    let year = scene.this_month.year();
    let nip = OFFICER_NIP;
    let code = scene.proposal.as_str();
    let ok = StatusCode::OK;
    let missing = StatusCode::NOT_FOUND;
    let mut visits = Vec::new();
    let mut add = |route, who: Option<&'a Session>, path: String, status| {
        visits.push(Visit {
            route,
            who,
            path,
            status,
        });
    };
    let s = scene;
    // Public pages.
    add(routes::HOME, None, "/".into(), ok);
    add(routes::LOGIN, None, "/masuk".into(), ok);
    add(routes::SSO_START, None, "/masuk/sso".into(), missing);
    add(routes::FORGOT_PASSWORD, None, "/lupa-kata-sandi".into(), ok);
    add(
        routes::RESET_PASSWORD,
        None,
        "/atur-ulang-kata-sandi/tidak-berlaku".into(),
        missing,
    );
    add(
        routes::RECEIPT,
        None,
        format!("/tanda-terima/{receipt}"),
        ok,
    );
    add(routes::RECEIPT_LOOKUP, None, "/tanda-terima".into(), ok);
    add(routes::TRANSPARENCY, None, "/transparansi".into(), ok);
    add(
        routes::TRANSPARENCY_LOG,
        None,
        "/transparansi/log".into(),
        ok,
    );
    add(routes::MUSRENA_LIST, None, "/musrena".into(), ok);
    add(
        routes::MUSRENA_STATISTICS,
        None,
        "/musrena/statistik".into(),
        ok,
    );
    add(
        routes::MUSRENA_TRACKER,
        None,
        routes::musrena_tracker(code),
        ok,
    );
    add(
        routes::MUSRENA_PHOTO,
        None,
        routes::musrena_photo(code, "9"),
        missing,
    );
    add(
        routes::MUSRENA_PROGRESS_PHOTO,
        None,
        routes::musrena_progress_photo(code, "9"),
        missing,
    );
    add(routes::MUSRENA_RAB, None, routes::musrena_rab(code), ok);
    add(routes::MUSRENA_MAP, None, "/musrena/peta".into(), ok);
    add(routes::INNOVATIONS, None, "/inovasi".into(), ok);
    add(routes::INNOVATION_PROFILE, None, "/inovasi/1".into(), ok);
    add(
        routes::INNOVATION_EVIDENCE,
        None,
        "/inovasi/1/bukti/9".into(),
        missing,
    );
    add(routes::SURVEY, None, "/survei/dukcapil".into(), ok);
    // A service that asks its own way: the choice of service, then its words and questions.
    add(routes::SURVEY, None, "/survei/rsud-igd".into(), ok);
    add(
        routes::SURVEY,
        None,
        "/survei/rsud-igd?service=igd".into(),
        ok,
    );
    for path in [
        "/dasbor/unit/rsud-igd/kuesioner",
        "/dasbor/unit/rsud-igd/kuesioner?layanan=igd",
    ] {
        add(routes::UNIT_SURVEY, Some(&s.admin), path.into(), ok);
    }
    add(routes::TICKET_SURVEY, None, format!("/t/{ticket}"), ok);
    add(
        routes::POSTER_POINT_SVG,
        None,
        "/poster/titik/loket-1/svg".into(),
        ok,
    );
    add(
        routes::POSTER_OFFICER_SVG,
        None,
        format!("/poster/pegawai/{nip}/svg"),
        ok,
    );
    // A tablet not registered as this counter's kiosk.
    add(
        routes::KIOSK,
        None,
        "/kios/loket-1".into(),
        StatusCode::FORBIDDEN,
    );
    add(routes::HOME, None, "/tidak-ada".into(), missing);
    // Sign-in's second step, for a role that touches pay.
    add(
        routes::SECOND_FACTOR_SETUP,
        Some(&s.setting_up),
        "/masuk/kode-baru".into(),
        ok,
    );
    add(
        routes::SECOND_FACTOR,
        Some(&s.giving),
        "/masuk/kode".into(),
        ok,
    );
    // The province.
    add(routes::PROVINCE, Some(&s.province), "/provinsi".into(), ok);
    for format in ["xlsx", "csv"] {
        add(
            routes::PROVINCE,
            Some(&s.province),
            format!("/provinsi?period={year}&format={format}"),
            ok,
        );
    }
    add(
        routes::PROVINCE,
        Some(&s.province),
        "/provinsi?layanan=ktp".into(),
        ok,
    );
    // Results.
    add(routes::MY_ACCOUNT, Some(&s.admin), "/akun".into(), ok);
    add(routes::DASHBOARD, Some(&s.admin), "/dasbor".into(), ok);
    add(
        routes::DASHBOARD,
        Some(&s.admin),
        "/dasbor?period=oktober".into(),
        StatusCode::BAD_REQUEST,
    );
    add(
        routes::DASHBOARD_UNIT,
        Some(&s.admin),
        "/dasbor/unit/dukcapil".into(),
        ok,
    );
    add(
        routes::DASHBOARD_UNIT,
        Some(&s.admin),
        format!("/dasbor/unit/dukcapil?period={month}"),
        ok,
    );
    add(
        routes::DASHBOARD_OFFICER,
        Some(&s.admin),
        format!("/dasbor/pegawai/{nip}"),
        ok,
    );
    add(
        routes::DASHBOARD_OFFICER,
        Some(&s.officer),
        format!("/dasbor/pegawai/{nip}"),
        ok,
    );
    for format in ["pdf", "docx"] {
        add(
            routes::UNIT_REPORT,
            Some(&s.admin),
            format!("/dasbor/unit/dukcapil/laporan?period={year}&format={format}"),
            ok,
        );
    }
    add(
        routes::RESULTS_EXPORT,
        Some(&s.admin),
        format!("/dasbor/ekspor?period={year}"),
        ok,
    );
    for format in ["xlsx", "csv"] {
        add(
            routes::RESULTS_EXPORT,
            Some(&s.admin),
            format!("/dasbor/ekspor?period={year}&jenis=tanggapan&unit=dukcapil&format={format}"),
            ok,
        );
        add(
            routes::RESULTS_EXPORT,
            Some(&s.admin),
            format!("/dasbor/ekspor?period={year}&jenis=tambahan&unit=rsud-igd&format={format}"),
            ok,
        );
    }
    add(
        routes::UNIT_SUGGESTIONS,
        Some(&s.unit_admin),
        "/dasbor/unit/dukcapil/saran".into(),
        ok,
    );
    add(
        routes::UNIT_HISTORY,
        Some(&s.unit_admin),
        "/dasbor/unit/dukcapil/riwayat".into(),
        ok,
    );
    // Organisation and accounts.
    add(routes::IMPORT, Some(&s.admin), "/admin/impor".into(), ok);
    for table in [
        "units",
        "services",
        "points",
        "officers",
        "villages",
        "catalogue",
        "issues",
    ] {
        for format in ["xlsx", "csv"] {
            add(
                routes::IMPORT_TEMPLATE,
                Some(&s.admin),
                format!("/admin/impor/templat/{table}?format={format}"),
                ok,
            );
        }
    }
    add(routes::AUDIT, Some(&s.admin), "/admin/audit".into(), ok);
    add(routes::ACCOUNTS, Some(&s.admin), "/admin/akun".into(), ok);
    add(
        routes::LETTERHEAD,
        Some(&s.admin),
        "/admin/kop-surat".into(),
        ok,
    );
    add(
        routes::OFFICER_ACCOUNTS,
        Some(&s.admin),
        "/admin/akun/pegawai".into(),
        ok,
    );
    add(
        routes::ORG_EDIT,
        Some(&s.hr),
        format!("/admin/ubah/pegawai/{nip}"),
        ok,
    );
    add(
        routes::ORG_EDIT,
        Some(&s.hr),
        "/admin/ubah/unit/dukcapil".into(),
        ok,
    );
    add(
        routes::OFFICER_DEPARTURE,
        Some(&s.hr),
        format!("/dasbor/pegawai/{nip}/berhenti"),
        ok,
    );
    // Counters and kiosks.
    add(routes::COUNTER, Some(&s.unit_admin), "/loket".into(), ok);
    add(
        routes::KIOSKS,
        Some(&s.unit_admin),
        "/loket/kios".into(),
        ok,
    );
    add(
        routes::KIOSK_APPROVALS,
        Some(&s.inspector),
        "/admin/kios".into(),
        ok,
    );
    add(
        routes::QUARANTINE,
        Some(&s.inspector),
        "/admin/karantina".into(),
        ok,
    );
    add(
        routes::EVIDENCE_SOURCES,
        Some(&s.inspector),
        format!("/admin/sumber-bukti?bulan={month}"),
        ok,
    );
    add(
        routes::APPEALS,
        Some(&s.inspector),
        "/admin/banding".into(),
        ok,
    );
    // TPP.
    add(routes::TPP, Some(&s.finance), "/tpp".into(), ok);
    add(
        routes::TPP_POLICY,
        Some(&s.finance),
        "/tpp/kebijakan".into(),
        ok,
    );
    add(
        routes::TPP_MONTH,
        Some(&s.finance),
        format!("/tpp/{month}"),
        ok,
    );
    add(
        routes::TPP_MONTH,
        Some(&s.finance),
        format!("/tpp/{month}?unit=dukcapil"),
        ok,
    );
    add(
        routes::TPP_MONTH,
        Some(&s.finance),
        format!("/tpp/{this_month}"),
        ok,
    );
    add(
        routes::TPP_MONTH,
        Some(&s.finance),
        "/tpp/2026-13".into(),
        StatusCode::BAD_REQUEST,
    );
    for format in ["xlsx", "csv"] {
        add(
            routes::TPP_EXPORT,
            Some(&s.finance),
            format!("/tpp/{month}/ekspor?format={format}"),
            ok,
        );
    }
    for format in ["xlsx", "pdf"] {
        add(
            routes::TPP_PAYABLE,
            Some(&s.finance),
            format!("/tpp/{month}/daftar-nominatif?format={format}"),
            ok,
        );
    }
    add(
        routes::TPP_BANK_FILE,
        Some(&s.finance),
        format!("/tpp/{month}/berkas-bank"),
        StatusCode::CONFLICT,
    );
    add(
        routes::TPP_EXPLAIN,
        Some(&s.officer),
        format!("/dasbor/pegawai/{nip}/tpp?bulan={month}"),
        ok,
    );
    // Musrena.
    add(
        routes::MUSRENA_FORUMS,
        Some(&s.planner),
        "/musrena/forum".into(),
        ok,
    );
    add(
        routes::MUSRENA_FORUM,
        Some(&s.planner),
        "/musrena/forum/2026-001".into(),
        ok,
    );
    add(
        routes::MUSRENA_OFFLINE,
        Some(&s.planner),
        "/musrena/forum/2026-001/luring".into(),
        ok,
    );
    add(
        routes::MUSRENA_PROPOSAL_FORM,
        Some(&s.planner),
        "/musrena/forum/2026-001/usulan".into(),
        ok,
    );
    add(
        routes::MUSRENA_PROPOSAL_FORM,
        Some(&s.planner),
        "/musrena/forum/2026-001/usulan?mudah=1".into(),
        ok,
    );
    add(
        routes::MUSRENA_MANAGE,
        Some(&s.planner),
        routes::musrena_manage(code),
        ok,
    );
    add(
        routes::MUSRENA_DISTRICT,
        Some(&s.planner),
        routes::musrena_district(DISTRICT),
        ok,
    );
    for format in ["xlsx", "csv"] {
        add(
            routes::MUSRENA_EXPORT,
            Some(&s.planner),
            format!("/musrena/ekspor?format={format}"),
            ok,
        );
    }
    // Innovation.
    add(
        routes::INNOVATION_REGISTRY,
        Some(&s.unit_admin),
        "/kelola/inovasi?unit=dukcapil&unsur=U3".into(),
        ok,
    );
    add(
        routes::INNOVATION_IDEAS,
        Some(&s.admin),
        "/kelola/inovasi/ide".into(),
        ok,
    );
    add(
        routes::INNOVATION_SUMMARY,
        Some(&s.admin),
        "/kelola/inovasi/ringkasan".into(),
        ok,
    );
    for format in ["xlsx", "csv"] {
        add(
            routes::INNOVATION_INDEX,
            Some(&s.admin),
            format!("/kelola/inovasi/indeks?format={format}"),
            ok,
        );
    }
    add(
        routes::INNOVATION_MANAGE,
        Some(&s.unit_admin),
        "/kelola/inovasi/1".into(),
        ok,
    );
    add(
        routes::INNOVATION_EDIT,
        Some(&s.unit_admin),
        "/kelola/inovasi/1/ubah".into(),
        ok,
    );
    add(
        routes::INNOVATION_MANAGE,
        Some(&s.unit_admin),
        "/kelola/inovasi/99".into(),
        missing,
    );
    visits
}

/// A route pattern with the scene's values in its parameters.
fn fill(pattern: &str, scene: &Scene) -> String {
    if pattern == routes::ORG_EDIT {
        return routes::org_edit("unit", "dukcapil");
    }
    let mut out = String::new();
    let mut rest = pattern;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let close = rest[open..].find('}').map_or(rest.len(), |c| open + c + 1);
        out.push_str(match &rest[open + 1..close - 1] {
            "unit" => "dukcapil",
            "nip" => OFFICER_NIP,
            "month" => "2026-01",
            "forum" => "2026-001",
            "code" => scene.proposal.as_str(),
            "district" => DISTRICT,
            "id" => "1",
            "token" => "tidak-berlaku",
            "point" => "loket-1",
            other => panic!("no value for {{{other}}}"),
        });
        rest = &rest[close..];
    }
    out.push_str(rest);
    out
}

/// Checks what a response shows a person, by its kind.
async fn check_response(place: &str, response: reqwest::Response, problems: &mut Vec<String>) {
    let kind = response
        .headers()
        .get(reqwest::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    let bytes = response.bytes().await.unwrap();
    if kind.starts_with("text/html") || kind.starts_with("image/svg+xml") {
        check_html(place, &String::from_utf8_lossy(&bytes), problems);
    } else if kind.starts_with("application/vnd.openxmlformats-officedocument.spreadsheetml") {
        for (sheet, text) in workbook_cells(&bytes) {
            check_text(&format!("{place}, sheet {sheet}"), &text, problems);
        }
    } else if kind.starts_with("application/vnd.openxmlformats-officedocument.wordprocessingml") {
        check_text(place, &word_text(&bytes), problems);
    } else if kind.starts_with("application/pdf") {
        check_text(place, &pdf_text(&bytes), problems);
    } else if kind.starts_with("text/csv") {
        let text = String::from_utf8_lossy(&bytes);
        let first = text.lines().next().unwrap_or("");
        if !first.starts_with("# ") {
            for line in text.lines() {
                check_text(place, line, problems);
            }
        } else if !first.contains("untuk mesin") {
            problems.push(format!(
                "{place}: a CSV's note does not say it is for machines: {first}"
            ));
        }
    } else if kind.starts_with("application/json") {
        // What a page's script reads (the offline forum's sync); it shows its own words.
    } else if !bytes.is_empty() {
        problems.push(format!("{place}: an answer of an unexpected kind {kind:?}"));
    }
}

fn check_html(place: &str, html: &str, problems: &mut Vec<String>) {
    for text in visible_text(html) {
        check_text(place, &text, problems);
        // A spreadsheet may write a day as 03-12-2026, as SIMPEG does; a page writes it in
        // words.
        for word in text.split(|c: char| !(c.is_ascii_digit() || c == '-')) {
            let parts: Vec<&str> = word.split('-').collect();
            if let [d, m, y] = parts.as_slice() {
                if digits(d, 2) && digits(m, 2) && digits(y, 4) {
                    problems.push(format!(
                        "{place}: a date in digits \"{word}\" in \"{text}\""
                    ));
                }
            }
        }
    }
}

/// The text a person reads on a page: text and the attributes read aloud or shown, leaving
/// out scripts, styles, `<code>`, `<pre>`, `<kbd>`, `<samp>`, anything marked
/// `translate="no"` and text in another language than the page's.
fn visible_text(html: &str) -> Vec<String> {
    let document = scraper::Html::parse_document(html);
    let mut out = Vec::new();
    let mut stack = vec![document.tree.root()];
    while let Some(node) = stack.pop() {
        match node.value() {
            scraper::Node::Text(text) => out.push(text.to_string()),
            scraper::Node::Element(element) => {
                let name = element.name();
                let foreign = element.attr("lang").is_some_and(|l| !l.starts_with("id"));
                if matches!(
                    name,
                    "script" | "style" | "code" | "pre" | "kbd" | "samp" | "template"
                ) || element.attr("translate") == Some("no")
                    || foreign
                {
                    continue;
                }
                for attribute in ["title", "alt", "aria-label", "placeholder"] {
                    if let Some(value) = element.attr(attribute) {
                        out.push(value.to_string());
                    }
                }
                if name == "input" && matches!(element.attr("type"), Some("submit" | "button")) {
                    out.extend(element.attr("value").map(str::to_string));
                }
                stack.extend(node.children());
            }
            _ => stack.extend(node.children()),
        }
    }
    out
}

/// Words of the English translation that the Indonesian one never uses: an English text
/// reaching an Indonesian page shows itself by them.
fn english_vocabulary() -> &'static BTreeSet<String> {
    static WORDS: std::sync::OnceLock<BTreeSet<String>> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| {
        let words = |ftl: &str| -> BTreeSet<String> {
            ftl.lines()
                .filter_map(|line| line.split_once(" = ").map(|(_, text)| text))
                .flat_map(|text| text.split(|c: char| !c.is_alphabetic()))
                .filter(|w| w.chars().count() > 1)
                .map(str::to_lowercase)
                .collect()
        };
        let indonesian = words(include_str!("../../app/locales/id.ftl"));
        let mut english = words(include_str!("../../app/locales/en.ftl"));
        english.retain(|w| !indonesian.contains(w));
        english.extend(ENGLISH.iter().map(|w| (*w).to_string()));
        english
    })
}

/// Words only English has that the catalogue may not hold (enum names, values of code).
const ENGLISH: &[&str] = &[
    "the",
    "and",
    "or",
    "of",
    "to",
    "in",
    "on",
    "at",
    "for",
    "from",
    "with",
    "by",
    "is",
    "are",
    "was",
    "be",
    "not",
    "this",
    "that",
    "your",
    "you",
    "please",
    "yes",
    "it",
    "its",
    "has",
    "have",
    "will",
    "can",
    "all",
    "any",
    "none",
    "new",
    "edit",
    "delete",
    "save",
    "cancel",
    "submit",
    "back",
    "next",
    "previous",
    "search",
    "page",
    "error",
    "unknown",
    "invalid",
    "required",
    "missing",
    "month",
    "year",
    "day",
    "date",
    "officer",
    "officers",
    "service",
    "services",
    "response",
    "responses",
    "rating",
    "ratings",
    "pending",
    "approved",
    "rejected",
    "draft",
    "locked",
    "implemented",
    "budgeted",
    "verified",
    "carried",
    "recommend",
    "return",
    "returned",
    "stage",
    "trial",
    "idea",
    "ideas",
    "community",
    "university",
    "business",
    "village",
    "percent",
    "spent",
    "kind",
    "amount",
    "sign",
    "download",
    "upload",
    "name",
    "code",
    "elderly",
    "children",
    "women",
    "disability",
    "physical",
    "show",
    "hide",
    "more",
    "less",
    "held",
    "counted",
    "paid",
    "pay",
    "policy",
    "version",
    "run",
    "export",
    "import",
    "report",
    "results",
    "summary",
    "default",
    "true",
    "false",
    "null",
    "undefined",
    "nan",
    "some",
    "ok",
    "err",
    "infrastructure",
    "education",
    "health",
    "received",
    "weight",
    "scale",
    "score",
];

/// Mixed-case names that are names, not codes.
const NAMES: &[&str] = &[
    "WhatsApp",
    "LimeSurvey",
    "PostgreSQL",
    "SQLite",
    "OpenStreetMap",
    "GitHub",
    "LibreOffice",
    "OpenID",
    "iPhone",
    "FreeOTP",
    "WebP",
    "GeoJSON",
];

/// English words, internal codes and ISO dates in a text a person reads.
fn check_text(place: &str, text: &str, problems: &mut Vec<String>) {
    let words = text.split(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-' || c == '`'));
    for word in words.filter(|w| !w.is_empty()) {
        let trimmed = word.trim_matches('-');
        let lower = trimmed.to_lowercase();
        let why = if iso_date(trimmed) {
            Some("an ISO date")
        } else if word.contains('`') {
            Some("a code in backticks")
        } else if (trimmed.contains('_') && trimmed.chars().any(char::is_alphabetic))
            || (camel_case(trimmed) && !NAMES.contains(&trimmed))
        {
            Some("a code")
        } else if lower
            .split('-')
            .any(|part| english_vocabulary().contains(part))
        {
            Some("English")
        } else {
            None
        };
        if let Some(why) = why {
            let context: String = text.trim().chars().take(160).collect();
            problems.push(format!("{place}: {why} \"{trimmed}\" in \"{context}\""));
        }
    }
}

/// 2026-12-03 or 2026-12.
fn iso_date(word: &str) -> bool {
    let parts: Vec<&str> = word.split('-').collect();
    match parts.as_slice() {
        [y, m] => digits(y, 4) && digits(m, 2),
        [y, m, d] => digits(y, 4) && digits(m, 2) && digits(d, 2),
        _ => false,
    }
}

/// `n` ASCII digits.
fn digits(text: &str, n: usize) -> bool {
    text.len() == n && text.chars().all(|c| c.is_ascii_digit())
}

/// `NotEnoughData`, `inKind`: a lower-case letter followed by a capital.
fn camel_case(word: &str) -> bool {
    let chars: Vec<char> = word.chars().collect();
    chars
        .windows(2)
        .any(|pair| pair[0].is_lowercase() && pair[1].is_uppercase())
}

/// Every cell of every sheet, with the sheet's name.
fn workbook_cells(xlsx: &[u8]) -> Vec<(String, String)> {
    use calamine::Reader;
    let mut book = calamine::Xlsx::new(std::io::Cursor::new(xlsx.to_vec())).unwrap();
    let mut out = Vec::new();
    for name in book.sheet_names() {
        out.push((name.clone(), name.clone()));
        let range = book.worksheet_range(&name).unwrap();
        for cell in range.used_cells() {
            if let calamine::Data::String(text) = cell.2 {
                out.push((name.clone(), text.clone()));
            }
        }
    }
    out
}

/// The text of a Word document's body.
fn word_text(docx: &[u8]) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx.to_vec())).unwrap();
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    let mut text = String::new();
    let mut inside = false;
    for c in xml.chars() {
        match c {
            '<' => {
                inside = true;
                text.push(' ');
            }
            '>' => inside = false,
            _ if !inside => text.push(c),
            _ => {}
        }
    }
    text.replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
}

/// The strings a PDF of suara's shows (its content streams are not compressed): each
/// literal `(…) Tj` with its escapes, and each hex `<…> Tj`, read as Latin-1.
fn pdf_text(pdf: &[u8]) -> String {
    let mut text = String::new();
    let mut i = 0;
    while i < pdf.len() {
        match pdf[i] {
            b'(' => {
                let mut depth = 1;
                let mut j = i + 1;
                let mut string = Vec::new();
                while j < pdf.len() && depth > 0 {
                    match pdf[j] {
                        b'\\' if j + 1 < pdf.len() => {
                            j += 1;
                            string.push(pdf[j]);
                        }
                        b'(' => {
                            depth += 1;
                            string.push(b'(');
                        }
                        b')' => {
                            depth -= 1;
                            if depth > 0 {
                                string.push(b')');
                            }
                        }
                        b => string.push(b),
                    }
                    j += 1;
                }
                if shown(pdf, j) {
                    text.extend(string.iter().map(|&b| char::from(b)));
                    text.push('\n');
                }
                i = j;
            }
            b'<' if pdf.get(i + 1) != Some(&b'<') => {
                let end = pdf[i..]
                    .iter()
                    .position(|&b| b == b'>')
                    .map_or(pdf.len(), |p| i + p);
                if shown(pdf, end + 1) {
                    let hex =
                        String::from_utf8_lossy(&pdf[i + 1..end]).replace(char::is_whitespace, "");
                    let bytes: Vec<u8> = (0..hex.len() / 2)
                        .filter_map(|k| u8::from_str_radix(&hex[2 * k..2 * k + 2], 16).ok())
                        .collect();
                    text.extend(bytes.iter().map(|&b| char::from(b)));
                    text.push('\n');
                }
                i = end + 1;
            }
            _ => i += 1,
        }
    }
    text
}

/// Whether the string ending before `at` is shown (`Tj`).
fn shown(pdf: &[u8], at: usize) -> bool {
    let rest = &pdf[at.min(pdf.len())..];
    let rest = &rest[..rest.len().min(8)];
    String::from_utf8_lossy(rest).trim_start().starts_with("Tj")
}

#[test]
fn the_checks_find_what_they_look_for() {
    let mut problems = Vec::new();
    check_text("t", "Jumlah: 45000000, dibuat 2026-12-03", &mut problems);
    check_text(
        "t",
        "Jenis: Community, in kind; NotEnoughData; disability_physical",
        &mut problems,
    );
    check_text("t", "Unit `dispendukcapil`", &mut problems);
    check_html("t", "<p>Terima kasih, 03-12-2026</p>", &mut problems);
    let found: Vec<&str> = problems
        .iter()
        .map(|p| p.split('"').nth(1).unwrap())
        .collect();
    assert_eq!(
        found,
        [
            "2026-12-03",
            "Community",
            "in",
            "kind",
            "NotEnoughData",
            "disability_physical",
            "`dispendukcapil`",
            "03-12-2026"
        ]
    );
    let mut problems = Vec::new();
    check_text(
        "t",
        "Hasil survei 3 Desember 2026: IKM 82,5 dari 1.234 tanggapan lewat WhatsApp",
        &mut problems,
    );
    check_html(
        "t",
        r#"<p lang="en">English</p><code>unit_id</code><input type="hidden" value="2026-12"><span translate="no">NotEnoughData</span><p title="Unduh">Tanggal</p>"#,
        &mut problems,
    );
    assert!(problems.is_empty(), "{problems:?}");
}

/// The emergency room's service asks in its own words, with a choice question answered
/// once: its pages, its audit entry and its export are walked too.
async fn adapted_service(app: &TestApp) {
    use suara_domain::survey::adapt::{adapt, ExtraDraft};
    let mut wording: [String; 9] = Default::default();
    wording[0] = "Apakah syarat berobat di IGD mudah dipenuhi?".into();
    let extra = vec![ExtraDraft {
        text: "Apakah Anda datang dengan ambulans?".into(),
        kind: "choice".into(),
        options: "Ya\nTidak".into(),
    }];
    let adaptation = adapt(wording, extra).unwrap();
    let now = time::OffsetDateTime::now_utc();
    app.store
        .set_service_survey("t1", "igd", &adaptation, "admin", now)
        .await
        .unwrap();
    let survey = app.store.service_survey("t1", "igd").await.unwrap();
    let field = format!("x{}", survey.questions[0].question_id);
    let mut form = vec![
        ("tenant", "t1"),
        ("unit", "rsud-igd"),
        ("service", "igd"),
        ("idempotency_key", "indonesian-extra-1"),
        (field.as_str(), "Ya"),
    ];
    for u in ["u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8", "u9"] {
        form.push((u, "3"));
    }
    let sent = app
        .client
        .post(app.url(routes::API_RESPONSES))
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(sent.status(), StatusCode::CREATED);
}
