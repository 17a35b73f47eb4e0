//! One-time tickets end to end, on SQLite and PostgreSQL: issued at the counter or over
//! the API, answered once, refused clearly when replayed, expired or misused.
#![allow(clippy::unwrap_used)] // a test that unwraps fails with the value's message
#![allow(clippy::too_many_lines)] // a scenario reads top to bottom, as its user would do it

mod common;

use common::{hidden_value, TestApp, PASSWORD};
use reqwest::StatusCode;
use serde_json::{json, Value};
use suara_domain::access::Role;
use suara_domain::integrity::anomaly::Reason;
use suara_store::testing::{TestDatabase, OFFICER_NIP, OTHER_OFFICER_NIP};
use suara_store::{Issuer, TicketBinding};
use time::{Duration, OffsetDateTime};

suara_store::backend_tests!(
    a_counter_ticket_is_answered_once_and_counts_as_verified,
    queue_systems_issue_tickets_within_their_units,
    expired_unknown_and_mismatched_tickets_are_refused,
    a_ticket_naming_an_officer_of_another_unit_keeps_the_form,
);

async fn channel_counts(url: &str) -> Vec<(String, i64)> {
    let pool = sqlx::AnyPool::connect(url).await.unwrap();
    let rows: Vec<(String, i64)> =
        sqlx::query_as("SELECT channel, COUNT(*) FROM responses GROUP BY channel ORDER BY channel")
            .fetch_all(&pool)
            .await
            .unwrap();
    rows
}

async fn a_counter_ticket_is_answered_once_and_counts_as_verified(db: TestDatabase) {
    let url = db.url.clone();
    let app = TestApp::spawn(db).await;
    app.add_account("sri", Role::Officer, None, Some(OFFICER_NIP))
        .await;
    let officer = app.sign_in("sri", PASSWORD).await.unwrap();
    let page = app.get_as(&officer, "/loket").await.text().await.unwrap();
    assert!(page.contains("KTP-el"), "{page}");
    let issued = app
        .post_form_as(
            Some(&officer),
            "/loket",
            &[("csrf", &officer.csrf), ("service", "ktp")],
        )
        .await;
    assert_eq!(issued.status(), StatusCode::CREATED);
    let html = issued.text().await.unwrap();
    assert!(
        html.contains("<svg role=\"img\""),
        "the ticket carries a QR code"
    );
    let code = common::printed_code(&html);
    assert_eq!(code.len(), 11, "{code}");

    // The citizen opens the link: the form is bound to the ticket, service and officer.
    let form = app.get(&format!("/t/{code}")).await;
    assert_eq!(form.status(), StatusCode::OK);
    let form = form.text().await.unwrap();
    assert_eq!(
        hidden_value(&form, "ticket").unwrap(),
        code.replace('-', "")
    );
    assert_eq!(hidden_value(&form, "officer").unwrap(), OFFICER_NIP);
    assert_eq!(hidden_value(&form, "service").unwrap(), "ktp");
    let key = hidden_value(&form, "idempotency_key").unwrap();
    let mut fields: Vec<(String, String)> = [
        "unit",
        "service",
        "officer",
        "ticket",
        "lang",
        "idempotency_key",
    ]
    .iter()
    .map(|f| (f.to_string(), hidden_value(&form, f).unwrap()))
    .collect();
    fields.extend((1..=9).map(|i| (format!("u{i}"), "4".to_string())));
    // From the citizen's phone, on its own network.
    let from_phone = || {
        app.client
            .post(app.url("/api/v1/responses"))
            .header("x-forwarded-for", "10.20.30.40")
            .form(&fields)
    };
    let sent = from_phone().send().await.unwrap();
    assert_eq!(sent.status(), StatusCode::CREATED);
    // A double-tap resends the same form: the same receipt, nothing counted twice.
    let again = from_phone().send().await.unwrap();
    assert_eq!(again.status(), StatusCode::CREATED);
    assert!(again
        .text()
        .await
        .unwrap()
        .contains("tidak dihitung dua kali"));

    // The ticket cannot be used again, by link or by a new submission.
    let used = app.get(&format!("/t/{code}")).await;
    assert_eq!(used.status(), StatusCode::GONE);
    assert!(used.text().await.unwrap().contains("Tiket sudah dipakai"));
    let (status, body) = app.answer(&json!({ "unit": "dukcapil", "service": "ktp", "officer": OFFICER_NIP, "answers": [4, 4, 4, 4, 4, 4, 4, 4, 4], "idempotency_key": "replayed-ticket-1", "ticket": code })).await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert_eq!(body["fields"][0]["field"], "ticket");
    assert_eq!(body["fields"][0]["code"], "ticket_used");
    assert_ne!(key, "replayed-ticket-1");

    assert_eq!(channel_counts(&url).await, [("ticket".to_string(), 1)]);
    assert!(app.store.verify_chain("t1").await.unwrap().is_intact());
    assert_eq!(app.counted("dukcapil").await, 1);

    // The counter answers its next ticket itself, seconds after issuing it, from its own
    // network: the response is acknowledged but held for the inspectorate.
    let issued = app
        .post_form_as(
            Some(&officer),
            "/loket",
            &[("csrf", &officer.csrf), ("service", "ktp")],
        )
        .await;
    let code = common::printed_code(&issued.text().await.unwrap());
    let (status, _) = app.answer(&json!({ "unit": "dukcapil", "service": "ktp", "officer": OFFICER_NIP, "answers": [4, 4, 4, 4, 4, 4, 4, 4, 4], "idempotency_key": "counter-self-1", "ticket": code })).await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(app.counted("dukcapil").await, 1);
    let held = app
        .store
        .held_responses("t1", &suara_store::HeldQuery::first(10))
        .await
        .unwrap()
        .items;
    assert_eq!(held.len(), 1);
    assert_eq!(held[0].reasons, [Reason::TicketAtCounter]);
}

async fn queue_systems_issue_tickets_within_their_units(db: TestDatabase) {
    let app = TestApp::spawn(db).await;
    let key = "queue-system-test-key-0123456789";
    app.store
        .create_api_key(
            "t1",
            &suara_app::credentials::token_hash(key),
            "antrian-rsud",
            "rsud",
            OffsetDateTime::now_utc(),
        )
        .await
        .unwrap();
    let issue = |auth: Option<&'static str>, body: Value| {
        let mut request = app.client.post(app.url("/api/v1/tickets")).json(&body);
        if let Some(auth) = auth {
            request = request.header("authorization", auth);
        }
        request.send()
    };
    let bearer = "Bearer queue-system-test-key-0123456789";
    let sent = issue(
        Some(bearer),
        json!({ "unit": "rsud-igd", "service": "igd", "officer": OTHER_OFFICER_NIP }),
    )
    .await
    .unwrap();
    assert_eq!(sent.status(), StatusCode::CREATED);
    let ticket: Value = sent.json().await.unwrap();
    assert!(ticket["url"]
        .as_str()
        .unwrap()
        .ends_with(&format!("/t/{}", ticket["ticket"].as_str().unwrap())));

    assert_eq!(
        issue(None, json!({ "unit": "rsud-igd" }))
            .await
            .unwrap()
            .status(),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        issue(Some("Bearer wrong"), json!({ "unit": "rsud-igd" }))
            .await
            .unwrap()
            .status(),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        issue(Some(bearer), json!({ "unit": "dukcapil" }))
            .await
            .unwrap()
            .status(),
        StatusCode::FORBIDDEN
    );
    let unknown = issue(
        Some(bearer),
        json!({ "unit": "rsud-igd", "service": "ktp" }),
    )
    .await
    .unwrap();
    assert_eq!(unknown.status(), StatusCode::UNPROCESSABLE_ENTITY);

    // Answering it over the API: the response must name what the ticket names.
    let code = ticket["ticket"].as_str().unwrap();
    let body = |unit: &str, key: &str| json!({ "unit": unit, "service": "igd", "officer": OTHER_OFFICER_NIP, "answers": [3, 3, 3, 3, 3, 3, 3, 3, 3], "idempotency_key": key, "ticket": code.to_lowercase() });
    let (status, error) = app.answer(&json!({ "unit": "rsud-igd", "answers": [3, 3, 3, 3, 3, 3, 3, 3, 3], "idempotency_key": "api-ticket-0", "ticket": code })).await;
    assert_eq!(
        (status, error["fields"][0]["code"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("ticket_mismatch"))
    );
    let (status, _) = app.answer(&body("rsud-igd", "api-ticket-1")).await;
    assert_eq!(status, StatusCode::CREATED);
    let (status, _) = app.answer(&body("rsud-igd", "api-ticket-2")).await;
    assert_eq!(status, StatusCode::CONFLICT);
}

async fn a_ticket_naming_an_officer_of_another_unit_keeps_the_form(db: TestDatabase) {
    let app = TestApp::spawn(db).await;
    app.add_account("admin", Role::Administrator, None, None)
        .await;
    let admin = app.session_for("admin").await;
    // Officers are listed under their units, so the clerk finds the one who served.
    let page = app.get_as(&admin, "/loket").await.text().await.unwrap();
    assert!(
        page.contains("<optgroup label=\"Dinas Dukcapil\">")
            && page.contains("<optgroup label=\"Instalasi Gawat Darurat\">"),
        "{page}"
    );

    // KTP-el at Dukcapil, named as served by an IGD officer: the form comes back with the
    // problem at the top, linked to the field, beside the field, and both choices kept.
    let refused = app
        .post_form_as(
            Some(&admin),
            "/loket",
            &[
                ("csrf", &admin.csrf),
                ("service", "ktp"),
                ("officer", OTHER_OFFICER_NIP),
            ],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = refused.text().await.unwrap();
    assert!(
        !html.contains("Alamat halaman tidak dapat dibaca"),
        "{html}"
    );
    assert!(
        html.contains("class=\"error-summary\"") && html.contains("href=\"#officer\""),
        "{html}"
    );
    let problem = "Bambang Setiawan tidak bertugas di Dinas Dukcapil hari ini";
    assert_eq!(
        html.matches(problem).count(),
        2,
        "in the summary and beside the field"
    );
    assert!(html.contains("id=\"officer-error\""), "{html}");
    assert!(html.contains("<option value=\"ktp\" selected>"), "{html}");
    assert!(
        html.contains(&format!("<option value=\"{OTHER_OFFICER_NIP}\" selected>")),
        "{html}"
    );

    // The officer who works there is accepted.
    let issued = app
        .post_form_as(
            Some(&admin),
            "/loket",
            &[
                ("csrf", &admin.csrf),
                ("service", "ktp"),
                ("officer", OFFICER_NIP),
            ],
        )
        .await;
    assert_eq!(issued.status(), StatusCode::CREATED);

    // A unit admin naming an officer outside their units gets the same page, not an error.
    app.add_account("admin-rsud", Role::UnitAdmin, Some("rsud"), None)
        .await;
    let rsud = app.session_for("admin-rsud").await;
    let refused = app
        .post_form_as(
            Some(&rsud),
            "/loket",
            &[
                ("csrf", &rsud.csrf),
                ("service", "igd"),
                ("officer", OFFICER_NIP),
            ],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = refused.text().await.unwrap();
    assert!(
        html.contains("href=\"#officer\"")
            && html.contains("tidak bertugas di Instalasi Gawat Darurat hari ini")
            && html.contains("<option value=\"igd\" selected>"),
        "{html}"
    );
    assert!(
        !html.contains("<optgroup label=\"Dinas Dukcapil\">"),
        "no other unit's officers are offered"
    );
}

const TEST_ISSUER: Issuer = Issuer {
    nip: None,
    name: "test",
    network: None,
};

async fn expired_unknown_and_mismatched_tickets_are_refused(db: TestDatabase) {
    let app = TestApp::spawn(db).await;
    let binding = TicketBinding {
        unit_id: "dukcapil".into(),
        service_id: Some("ktp".into()),
        officer_nip: None,
        point_id: None,
    };
    let long_ago = OffsetDateTime::now_utc() - Duration::hours(73);
    app.store
        .issue_ticket("t1", "ABCDE12345", &binding, &TEST_ISSUER, long_ago)
        .await
        .unwrap();
    let expired = app.get("/t/ABCDE-12345").await;
    assert_eq!(expired.status(), StatusCode::GONE);
    assert!(expired.text().await.unwrap().contains("kedaluwarsa"));
    let (status, body) = app.answer(&json!({ "unit": "dukcapil", "service": "ktp", "answers": [4, 4, 4, 4, 4, 4, 4, 4, 4], "idempotency_key": "expired-ticket", "ticket": "abcde-12345" })).await;
    assert_eq!(
        (status, body["fields"][0]["code"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("ticket_expired"))
    );

    assert_eq!(
        app.get("/t/ZZZZZ-99999").await.status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.get("/t/not-a-code").await.status(),
        StatusCode::NOT_FOUND
    );
    let (status, body) = app.answer(&json!({ "unit": "dukcapil", "answers": [4, 4, 4, 4, 4, 4, 4, 4, 4], "idempotency_key": "bad-ticket-1", "ticket": "nope" })).await;
    assert_eq!(
        (status, body["fields"][0]["code"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("bad_ticket"))
    );

    // Nothing above was counted.
    assert_eq!(app.counted("dukcapil").await, 0);
}
