//! The real app on a random port with a fresh database per test, on SQLite and PostgreSQL.
#![allow(clippy::unwrap_used)] // a test that unwraps fails with the value's message
#![allow(clippy::too_many_lines)] // a scenario reads top to bottom, as its user would do it

use std::sync::Arc;

use reqwest::StatusCode;
use serde_json::{json, Value};
use suara_store::testing::{TestDatabase, OFFICER_NIP as NIP};
use suara_web::routes;

suara_store::backend_tests!(
    the_survey_weighs_under_50_kb,
    qr_posters_for_points_and_officers,
    health_and_openapi_describe_every_route,
    posted_response_changes_the_unit_ikm,
    retries_with_the_same_key_count_once,
    bad_input_gets_a_clear_error_naming_the_field,
    survey_page_form_round_trip,
    concurrent_submissions_are_all_counted_once,
    readiness_and_metrics_for_operators,
);

mod common;

use common::TestApp;

trait ApiCalls {
    async fn post_json(&self, body: &Value) -> (StatusCode, Value);
    async fn ikm(&self) -> Value;
}

impl ApiCalls for TestApp {
    async fn post_json(&self, body: &Value) -> (StatusCode, Value) {
        let response = self
            .client
            .post(self.url(routes::API_RESPONSES))
            .json(body)
            .send()
            .await
            .unwrap();
        let status = response.status();
        (status, response.json().await.unwrap())
    }

    /// The unit's figures for the current month, where everything posted now lands.
    async fn ikm(&self) -> Value {
        let response = self.get("/api/v1/units/dukcapil/ikm").await;
        response.json().await.unwrap()
    }
}

fn response(key: &str, answers: [i64; 9]) -> Value {
    json!({ "unit": "dukcapil", "answers": answers, "idempotency_key": key })
}

async fn health_and_openapi_describe_every_route(db: TestDatabase) {
    let app = TestApp::spawn(db).await;
    let health = app.get(routes::HEALTH).await;
    assert_eq!(health.status(), StatusCode::OK);
    let doc: Value = app.get(routes::OPENAPI).await.json().await.unwrap();
    assert_eq!(doc["openapi"], "3.1.0");
    for path in [
        routes::HEALTH,
        routes::OPENAPI,
        routes::API_RESPONSES,
        routes::API_TICKETS,
        routes::API_UNITS,
        routes::API_UNIT_IKM,
        routes::API_INNOVATIONS,
        routes::API_MUSRENA_PROPOSALS,
        routes::API_MUSRENA_GEOJSON,
        routes::API_RECEIPT,
        routes::API_LOG_HEADS,
        routes::API_LOG_CONSISTENCY,
        routes::READY,
        routes::METRICS,
        routes::KIOSK,
        routes::RESULTS_EXPORT,
        routes::TPP_EXPORT,
        routes::MUSRENA_EXPORT,
        routes::INNOVATION_INDEX,
        routes::UNIT_REPORT,
        routes::TPP_PAYABLE,
        routes::TPP_BANK_FILE,
        routes::IMPORT_TEMPLATE,
        routes::PROVINCE,
    ] {
        assert!(
            doc["paths"].get(path).is_some(),
            "{path} is not in the OpenAPI document"
        );
    }
    // Every machine-facing route: the API's, and every spreadsheet export.
    for path in routes::ALL
        .iter()
        .filter(|p| p.starts_with("/api/") || p.ends_with("/ekspor") || p.ends_with("/indeks"))
    {
        assert!(doc["paths"].get(path).is_some(), "{path} is not documented");
    }
    // A repeated or malformed query parameter is a problem (RFC 9457) naming it.
    for query in ["tenant=t1&tenant=t1", "limit=many"] {
        let bad = app.get(&format!("{}?{query}", routes::API_LOG_HEADS)).await;
        assert_eq!(bad.status(), StatusCode::BAD_REQUEST, "{query}");
        assert_eq!(bad.headers()["content-type"], "application/problem+json");
        let problem: Value = bad.json().await.unwrap();
        assert_eq!(problem["code"], "bad_query");
        assert_eq!(problem["status"], 400);
        assert_eq!(problem["type"], "/panduan/api.html#bad_query");
        let detail = problem["detail"].as_str().unwrap();
        assert!(
            detail.contains("tenant") || detail.contains("invalid digit"),
            "{detail}"
        );
    }
    // A NUL character, which PostgreSQL cannot hold (SQLite can), is refused in a query
    // before any lookup, alike on both backends; in a body it is never a server error.
    let nul = app.get(&format!("{}?tenant=t%00", routes::API_UNITS)).await;
    assert_eq!(nul.status(), StatusCode::BAD_REQUEST);
    assert_eq!(nul.headers()["content-type"], "application/problem+json");
    let nul: Value = nul.json().await.unwrap();
    assert_eq!(nul["code"], "bad_query");
    // In a path too: the same 400 on both backends, a problem for the API, a page otherwise.
    let nul = app.get("/api/v1/units/dukcapil%00/ikm").await;
    assert_eq!(nul.status(), StatusCode::BAD_REQUEST);
    let nul: Value = nul.json().await.unwrap();
    assert_eq!(nul["code"], "bad_text");
    let page = app.get("/survei/dukcapil%00").await;
    assert_eq!(page.status(), StatusCode::BAD_REQUEST);
    assert!(page.text().await.unwrap().contains("<html"));
    let (status, body) = app
        .post_json(&json!({ "unit": "dukcapil\u{0}", "answers": [4, 4, 4, 4, 4, 4, 4, 4, 4], "idempotency_key": "nul-key-0001", "suggestion": "a\u{0}b" }))
        .await;
    assert!(status.is_client_error(), "{status} {body}");
    // What a browser and a crawler ask every site for: no console error, no staff pages indexed.
    let icon = app.get(routes::FAVICON).await;
    assert_eq!(icon.status(), StatusCode::OK);
    assert_eq!(icon.headers()["content-type"], "image/svg+xml");
    let robots = app.get(routes::ROBOTS).await.text().await.unwrap();
    assert!(robots.contains("Disallow: /dasbor") && robots.contains("Disallow: /tpp"));
    let home = app.get(routes::HOME).await.text().await.unwrap();
    assert!(home.contains("<meta name=\"description\"") && home.contains(routes::FAVICON));
}

async fn posted_response_changes_the_unit_ikm(db: TestDatabase) {
    let app = TestApp::spawn(db).await;
    let before = app.ikm().await;
    assert_eq!(before["responses"], 0);
    assert_eq!(before["ikm"], Value::Null);

    let mut first = response("api-test-0001", [4; 9]);
    first["service"] = json!("ktp");
    first["officer"] = json!(NIP);
    first["profile"] = json!({ "sex": "female", "age_band": "30_39" });
    let (status, receipt) = app.post_json(&first).await;
    assert_eq!(status, StatusCode::CREATED, "{receipt}");
    assert!(receipt["receipt"].as_str().unwrap().starts_with("SKM-"));
    assert_eq!(receipt["replayed"], false);
    let after = app.ikm().await;
    assert_eq!(after["responses"], 1);
    assert_eq!(after["ikm"], 100.0);
    // One answer is no survey: shown, provisional, not graded, with no margin yet.
    assert_eq!(after["grade"], Value::Null);
    assert_eq!(after["provisional"], true);
    assert_eq!(after["margin"], Value::Null);
    assert_eq!(after["onsite_percent"], 0);
    assert_eq!(
        after["responses_needed"], 80,
        "Krejcie–Morgan for 100 users"
    );

    let (status, _) = app.post_json(&response("api-test-0002", [3; 9])).await;
    assert_eq!(status, StatusCode::CREATED);
    let (status, _) = app
        .post_json(&response("api-test-0003", [2, 2, 2, 2, 2, 2, 2, 2, 1]))
        .await;
    assert_eq!(status, StatusCode::CREATED);
    let after = app.ikm().await;
    assert_eq!(after["responses"], 3);
    // NRR U1..U8 = 3, U9 = 8/3: IKM = 25·(24 + 8/3)/9 = 74.074… → 74.07, grade C.
    assert_eq!(after["ikm"], 74.07);
    assert_eq!(after["grade"], Value::Null, "C, once the sample is there");
    // Response scores 100, 75 and 47.22: s = 26.40, 1.96 · s / √3 = 29.88 (rounded up).
    assert_eq!(after["margin"], 29.88);
    assert_eq!(after["nrr"][0], 3.0);

    let legacy: Value = app
        .get(&format!(
            "/api/v1/units/dukcapil/ikm?period={}&weighting=legacy",
            after["period"].as_str().unwrap()
        ))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(legacy["ikm"], 74.0);
}

async fn retries_with_the_same_key_count_once(db: TestDatabase) {
    let app = TestApp::spawn(db).await;
    let body = response("retry-0001", [4, 3, 4, 3, 4, 3, 4, 3, 4]);
    let (_, first) = app.post_json(&body).await;
    let (status, second) = app.post_json(&body).await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(second["replayed"], true);
    assert_eq!(first["receipt"], second["receipt"]);
    assert_eq!(first["received_at"], second["received_at"]);

    // The key may also come as a header.
    let mut no_key = body.clone();
    no_key.as_object_mut().unwrap().remove("idempotency_key");
    for _ in 0..2 {
        let sent = app
            .client
            .post(app.url(routes::API_RESPONSES))
            .header("Idempotency-Key", "header-key-0001")
            .json(&no_key)
            .send()
            .await
            .unwrap();
        assert_eq!(sent.status(), StatusCode::CREATED);
    }
    assert_eq!(app.ikm().await["responses"], 2);
}

async fn bad_input_gets_a_clear_error_naming_the_field(db: TestDatabase) {
    let app = TestApp::spawn(db).await;
    let fields = |body: &Value| -> Vec<String> {
        body["fields"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["field"].as_str().unwrap().to_string())
            .collect()
    };

    let (status, body) = app
        .post_json(&json!({ "unit": "dukcapil", "answers": [4, 5, 4, 4, 4, 4, 4, 4, 0] }))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        fields(&body),
        ["answers[1]", "answers[8]", "idempotency_key"]
    );

    let (status, body) = app
        .post_json(
            &json!({ "unit": "dukcapil", "answers": [4, "x"], "idempotency_key": "bad-type-01" }),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(fields(&body), ["answers[1]"]);

    let (status, body) = app
        .post_json(
            &response("unknown-unit", [4; 9])
                .as_object()
                .map(|o| {
                    let mut o = o.clone();
                    o.insert("unit".into(), json!("nowhere"));
                    Value::Object(o)
                })
                .unwrap(),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(fields(&body), ["unit"]);
    assert_eq!(body["fields"][0]["code"], "unknown");

    app.post_json(&response("reused-key-01", [4; 9])).await;
    let (status, body) = app.post_json(&response("reused-key-01", [1; 9])).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(fields(&body), ["idempotency_key"]);

    let raw = |content_type: &'static str, body: Vec<u8>| {
        app.client
            .post(app.url(routes::API_RESPONSES))
            .header("content-type", content_type)
            .body(body)
            .send()
    };
    let sent = raw("application/json", b"{\"unit\":".to_vec())
        .await
        .unwrap();
    assert_eq!(sent.status(), StatusCode::BAD_REQUEST);
    let error: Value = sent.json().await.unwrap();
    assert_eq!(error["code"], "malformed_json");
    assert_eq!(
        raw("application/json", b"[1,2]".to_vec())
            .await
            .unwrap()
            .status(),
        StatusCode::BAD_REQUEST
    );
    assert_eq!(
        raw("text/plain", b"hello".to_vec()).await.unwrap().status(),
        StatusCode::UNSUPPORTED_MEDIA_TYPE
    );
    let huge = raw(
        "application/json",
        vec![b' '; suara_web::MAX_BODY_BYTES + 1],
    )
    .await
    .unwrap();
    assert_eq!(huge.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(huge.json::<Value>().await.unwrap()["code"], "too_large");

    let bad_period = app.get("/api/v1/units/dukcapil/ikm?period=2026-13").await;
    assert_eq!(bad_period.status(), StatusCode::BAD_REQUEST);
    let missing = app.get("/api/v1/units/nowhere/ikm").await;
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);

    // Nothing of the above was counted except the one good response.
    assert_eq!(app.ikm().await["responses"], 1);
}

async fn survey_page_form_round_trip(db: TestDatabase) {
    let app = TestApp::spawn(db).await;
    let page = app.get(&format!("/survei/dukcapil?officer={NIP}")).await;
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.unwrap();
    assert!(html.contains("<html lang=\"id\""));
    assert_eq!(html.matches("<fieldset class=\"q\"").count(), 9);
    assert!(html.contains("Sri Wahyuni"));
    assert!(html.contains("action=\"/api/v1/responses\""));
    let key = html
        .split("name=\"idempotency_key\" value=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_string();

    let english = app
        .get("/survei/dukcapil?lang=en")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        english.contains("<html lang=\"en\"")
            && english.contains("How fast was the service delivered?")
    );

    let mut form: Vec<(&str, String)> = vec![
        ("unit", "dukcapil".into()),
        ("officer", NIP.into()),
        ("service", "ktp".into()),
        ("lang", "id".into()),
        ("idempotency_key", key.clone()),
        ("sex", "male".into()),
        ("suggestion", "Telepon saya 0812 3456 7890".into()),
    ];
    form.extend((1..=9).map(|i| {
        (
            ["u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8", "u9"][i - 1],
            "4".to_string(),
        )
    }));

    // "Tidak menjawab" is a choice on every question, never made for the citizen; choosing
    // it for all nine is refused, for one the rest count (the IKM over answered items).
    let page = app.get("/survei/dukcapil").await.text().await.unwrap();
    assert_eq!(page.matches("Tidak menjawab").count(), 9);
    assert!(
        !page.contains("value=\"\" required checked"),
        "nothing chosen"
    );
    let mut silent = form.clone();
    for answer in silent.iter_mut().filter(|(name, _)| name.len() == 2) {
        answer.1 = String::new();
    }
    // The form as a browser posts it: the refusal's status and page.
    let post = |form: Vec<(&'static str, String)>| {
        let request = app.client.post(app.url(routes::API_RESPONSES)).form(&form);
        async move {
            let sent = request.send().await.unwrap();
            (sent.status(), sent.text().await.unwrap())
        }
    };
    let (status, html) = post(silent).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        html.contains("role=\"alert\"") && html.matches("value=\"\" required checked").count() == 9,
        "the choices are kept: {html}"
    );
    form.last_mut().unwrap().1 = String::new();

    // A broken answer comes back as the same form with the problem named, nothing stored.
    let mut broken = form.clone();
    broken[7].1 = "7".into();
    let (status, html) = post(broken).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        html.contains("role=\"alert\"") && html.contains("href=\"#q-u1\""),
        "{html}"
    );
    assert_eq!(app.ikm().await["responses"], 0);

    for attempt in 0..2 {
        let sent = app
            .client
            .post(app.url(routes::API_RESPONSES))
            .form(&form)
            .send()
            .await
            .unwrap();
        assert_eq!(sent.status(), StatusCode::CREATED);
        let html = sent.text().await.unwrap();
        assert!(html.contains("Terima kasih") && html.contains("SKM-"));
        assert_eq!(html.contains("tidak dihitung dua kali"), attempt == 1);
        // The moment as people write it ("7 Desember 2026 12:22 WIB"), never 07-12-2026
        // (whatever the clock says, so no month boundary can fail this).
        const MONTHS: [&str; 12] = [
            "Januari",
            "Februari",
            "Maret",
            "April",
            "Mei",
            "Juni",
            "Juli",
            "Agustus",
            "September",
            "Oktober",
            "November",
            "Desember",
        ];
        let received = html.split("Diterima: ").nth(1).unwrap_or_default();
        let received = received.split('<').next().unwrap_or_default();
        assert!(
            received.ends_with(" WIB")
                && MONTHS.iter().any(|m| received.contains(&format!(" {m} "))),
            "{received:?} in {html}"
        );
    }
    let ikm = app.ikm().await;
    assert_eq!(ikm["responses"], 1);
    assert_eq!(ikm["ikm"], 100.0);

    let missing = app.get("/survei/nowhere").await;
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    let home = app.get("/").await.text().await.unwrap();
    // One answer: shown, but provisional, and not graded (no margin from a single answer).
    assert!(
        home.contains("Dinas Dukcapil")
            && home.contains("<strong>100,00</strong> (Sementara; 1 tanggapan)"),
        "{home}"
    );
    // The chain head now covers the one accepted response.
    let now_row = home
        .split("<th scope=\"row\">sekarang</th>")
        .nth(1)
        .unwrap();
    assert!(
        now_row.starts_with("<td class=\"num\">1</td><td><code>"),
        "{now_row}"
    );
}

async fn concurrent_submissions_are_all_counted_once(db: TestDatabase) {
    let app = Arc::new(TestApp::spawn(db).await);
    // Twenty answers in a second: more than a unit of 100 users a month plausibly gets in an
    // hour, so its users are left unknown (no hourly limit) to test concurrency alone.
    suara_store::testing::set_monthly_users(&app.store, None).await;
    let mut tasks = Vec::new();
    for i in 0..40 {
        let app = app.clone();
        // Every response is sent twice at once: 20 distinct keys, 40 requests, each pair from
        // its own citizen's network (the same network sending 20 all-same answers in a
        // second would rightly be held for review).
        tasks.push(tokio::spawn(async move {
            let body = response(
                &format!("parallel-{:04}", i / 2),
                [1 + (i / 2 % 4) as i64; 9],
            );
            let sent = app
                .client
                .post(app.url(routes::API_RESPONSES))
                .header("x-forwarded-for", format!("10.0.{}.7", i / 2))
                .json(&body)
                .send()
                .await
                .unwrap();
            sent.status()
        }));
    }
    for task in tasks {
        assert_eq!(task.await.unwrap(), StatusCode::CREATED);
    }
    assert_eq!(app.ikm().await["responses"], 20);
}

async fn qr_posters_for_points_and_officers(db: TestDatabase) {
    let app = TestApp::spawn(db).await;
    let svg = app.get("/poster/titik/loket-1/svg").await;
    assert_eq!(
        svg.headers()["content-type"],
        "image/svg+xml; charset=utf-8"
    );
    let svg = svg.text().await.unwrap();
    assert!(
        svg.contains("Dinas Dukcapil")
            && svg.contains("Loket 1")
            && svg.contains("/survei/dukcapil")
    );
    let officer = app
        .get(&format!("/poster/pegawai/{NIP}/svg"))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        officer.contains("Sri Wahyuni")
            && officer.contains(&format!("/survei/dukcapil?officer={NIP}"))
    );
    let png = app.get(&format!("/poster/pegawai/{NIP}/png")).await;
    assert_eq!(png.headers()["content-type"], "image/png");
    assert_eq!(&png.bytes().await.unwrap()[..8], b"\x89PNG\r\n\x1a\n");
    assert_eq!(
        app.get("/poster/titik/nowhere/png").await.status(),
        StatusCode::NOT_FOUND
    );
}

/// Cheap phones on slow networks: the survey page and its stylesheet, all it loads, stay
/// under 50 KB (it has no images or scripts).
async fn the_survey_weighs_under_50_kb(db: TestDatabase) {
    let app = TestApp::spawn(db).await;
    let html = app
        .get("/survei/dukcapil")
        .await
        .bytes()
        .await
        .unwrap()
        .len();
    let css = app
        .get("/static/suara.css")
        .await
        .bytes()
        .await
        .unwrap()
        .len();
    println!("survey page {html} bytes + stylesheet {css} bytes");
    assert!(html + css < 50 * 1024, "{html} + {css} bytes");
}

/// The balancer asks `/ready`; Prometheus scrapes `/metrics` from the machine, never through
/// the proxy.
async fn readiness_and_metrics_for_operators(db: TestDatabase) {
    let app = TestApp::spawn(db).await;
    let ready = app.get("/ready").await;
    assert_eq!(ready.status(), StatusCode::OK);
    assert_eq!(ready.text().await.unwrap(), "ready\n");
    let (status, body) = app
        .post_json(&json!({"unit": "dukcapil", "answers": [4, 4, 4, 4, 4, 4, 4, 4, 4], "idempotency_key": "metrics-0001"}))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    // Made-up methods, each of which would have been a series of its own.
    for i in 0..20 {
        let method = reqwest::Method::from_bytes(format!("MADEUP{i}").as_bytes()).unwrap();
        app.client
            .request(method, app.url("/transparansi"))
            .send()
            .await
            .unwrap();
    }
    let metrics = app.get("/metrics").await;
    assert_eq!(metrics.status(), StatusCode::OK);
    assert!(metrics.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/plain"));
    let text = metrics.text().await.unwrap();
    for wanted in [
        "suara_http_requests_total{method=\"POST\",route=\"/api/v1/responses\",status=\"201\"}",
        "suara_http_request_duration_seconds_bucket{method=\"GET\",route=\"/ready\",le=\"0.05\"}",
        "suara_responses_total{channel=\"api\",outcome=\"stored\"}",
        "suara_holds_total",
        "suara_db_pool_connections{pool=",
    ] {
        assert!(text.contains(wanted), "{wanted} missing from\n{text}");
    }
    // Receipts in addresses never become series of their own, nor made-up methods.
    assert!(!text.contains("SKM-"));
    assert!(!text.contains("MADEUP"), "{text}");
    assert!(text.contains("method=\"other\""), "{text}");
    let proxied = app
        .client
        .get(app.url("/metrics"))
        .header("x-forwarded-for", "203.0.113.9")
        .send()
        .await
        .unwrap();
    assert_eq!(proxied.status(), StatusCode::NOT_FOUND);
}
