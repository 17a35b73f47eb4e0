//! A survey form posted from another site's page is refused and counts nothing; the form
//! from this site, kiosks and the JSON API for queue systems keep working. On SQLite and
//! PostgreSQL.
#![allow(clippy::unwrap_used)] // a test that unwraps fails with the value's message
#![allow(clippy::too_many_lines)] // a scenario reads top to bottom, as its user would do it

mod common;

use common::TestApp;
use reqwest::StatusCode;
use serde_json::json;
use suara_store::testing::TestDatabase;

suara_store::backend_tests!(survey_forms_from_other_sites_are_refused);

fn form(key: &str) -> Vec<(String, String)> {
    let mut form = vec![
        ("unit".to_string(), "dukcapil".to_string()),
        ("lang".to_string(), "id".to_string()),
        ("idempotency_key".to_string(), key.to_string()),
    ];
    form.extend((1..=9).map(|i| (format!("u{i}"), "4".to_string())));
    form
}

async fn survey_forms_from_other_sites_are_refused(db: TestDatabase) {
    let app = TestApp::spawn(db).await;
    let host = app.base.trim_start_matches("http://").to_string();
    let post = |key: &'static str, headers: Vec<(&'static str, String)>| {
        let mut request = app
            .client
            .post(app.url("/api/v1/responses"))
            .form(&form(key));
        for (name, value) in headers {
            request = request.header(name, value);
        }
        async move { request.send().await.unwrap().status() }
    };
    let cases = [
        (
            "cross-origin-1",
            vec![("origin", "https://evil.example".to_string())],
            StatusCode::FORBIDDEN,
        ),
        (
            "cross-site-01",
            vec![("sec-fetch-site", "cross-site".to_string())],
            StatusCode::FORBIDDEN,
        ),
        (
            "same-origin-1",
            vec![
                ("origin", format!("http://{host}")),
                ("sec-fetch-site", "same-origin".to_string()),
            ],
            StatusCode::CREATED,
        ),
        ("no-headers-01", vec![], StatusCode::CREATED),
    ];
    for (key, headers, expected) in cases {
        assert_eq!(post(key, headers).await, expected, "{key}");
    }
    assert_eq!(
        app.counted("dukcapil").await,
        2,
        "the refused forms count nothing"
    );
    // JSON from another origin is the API's business (a browser cannot send it cross-site
    // without a preflight this server never grants): queue systems keep working.
    let json = app
        .client
        .post(app.url("/api/v1/responses"))
        .header("origin", "https://antrian.example")
        .json(&json!({"unit": "dukcapil", "answers": [3, 3, 3, 3, 3, 3, 3, 3, 3], "idempotency_key": "queue-system-1"}))
        .send()
        .await
        .unwrap();
    assert_eq!(json.status(), StatusCode::CREATED);
}
