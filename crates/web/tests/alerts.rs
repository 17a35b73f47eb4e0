//! Alerts by e-mail through a real SMTP exchange with a local sink this test starts: an
//! appeal filed and decided reaches the officer and the inspectorate, a forum's proposals
//! moving on reach the account that recorded the forum, and a unit's sharp drop in
//! satisfaction reaches its admin; each once. On SQLite and PostgreSQL.
#![allow(clippy::unwrap_used)] // a test that unwraps fails with the value's message
#![allow(clippy::too_many_lines)] // a scenario reads top to bottom, as its user would do it

mod common;

use std::sync::Arc;
use std::time::Duration;

use common::mail::{mail_with, smtp_sink};
use common::{hidden_value, TestApp, PASSWORD};
use reqwest::StatusCode;
use suara_domain::access::Role;
use suara_store::testing::{TestDatabase, OFFICER_NIP};
use time::OffsetDateTime;

suara_store::backend_tests!(alerts_reach_the_people_concerned_once);

/// A response to `dukcapil` with every answer `rating`, received at `at`.
async fn response(
    app: &TestApp,
    key: &str,
    rating: i64,
    officer: Option<&str>,
    at: OffsetDateTime,
) {
    let response = suara_domain::survey::validate(suara_domain::survey::ResponseDraft {
        unit: Some("dukcapil".into()),
        officer: officer.map(Into::into),
        answers: Some(vec![Some(rating); 9]),
        idempotency_key: Some(key.into()),
        ..Default::default()
    })
    .unwrap();
    let submission = suara_store::Submission {
        response: &response,
        channel: suara_store::Channel::Web,
        received_at: at,
        signals: None,
    };
    app.store
        .record_response(&suara_store::testing::tenant(), submission)
        .await
        .unwrap();
}

async fn alerts_reach_the_people_concerned_once(db: TestDatabase) {
    let (smtp, received) = smtp_sink().await;
    let mailer =
        suara_web::alerts::Mailer::new(&format!("smtp://{smtp}"), "suara <suara@uji.go.id>")
            .unwrap();
    let url = db.url.clone();
    let app = TestApp::spawn_with(db, Some(Arc::new(mailer))).await;
    for (username, role, unit, nip) in [
        ("admin", Role::Administrator, None, None),
        ("pegawai", Role::Officer, None, Some(OFFICER_NIP)),
        ("inspektorat", Role::Inspectorate, None, None),
        ("admin-dukcapil", Role::UnitAdmin, Some("dukcapil"), None),
        ("admin-rsud", Role::UnitAdmin, Some("rsud"), None),
        ("test", Role::Planner, None, None),
    ] {
        app.add_account(username, role, unit, nip).await;
        let email = format!("{username}@uji.go.id");
        assert!(app
            .store
            .set_account_email(
                "t1",
                username,
                Some(&email),
                "admin",
                time::OffsetDateTime::now_utc()
            )
            .await
            .unwrap());
    }

    // An officer appeals a response naming them; the inspectorate decides.
    let now = OffsetDateTime::now_utc();
    let month = suara_store::testing::tenant().month_of(now).previous();
    let in_month = time::Date::from_calendar_date(
        month.year(),
        time::Month::try_from(month.month()).unwrap(),
        15,
    )
    .unwrap()
    .midnight()
    .assume_utc();
    response(&app, "alert-appeal", 1, Some(OFFICER_NIP), in_month).await;
    let officer = app.sign_in("pegawai", PASSWORD).await.unwrap();
    let why = app
        .get_as(
            &officer,
            &format!("/dasbor/pegawai/{OFFICER_NIP}/tpp?bulan={month}"),
        )
        .await
        .text()
        .await
        .unwrap();
    let id = hidden_value(&why, "response").expect("an appeal form");
    let month = month.to_string();
    let filed = app
        .post_form_as(
            Some(&officer),
            &format!("/dasbor/pegawai/{OFFICER_NIP}/banding"),
            &[
                ("csrf", officer.csrf.as_str()),
                ("response", id.as_str()),
                ("month", month.as_str()),
                ("reason", "Saya cuti hari itu."),
            ],
        )
        .await;
    assert_eq!(filed.status(), StatusCode::OK);
    let mail = mail_with(&received, "Keberatan baru dari pegawai").await;
    let mut to = mail.to.clone();
    to.sort();
    assert_eq!(to, ["inspektorat@uji.go.id", "pegawai@uji.go.id"]);
    assert!(mail.text.contains("Saya cuti hari itu.") && mail.text.contains("suara@uji.go.id"));
    let inspector = app.sign_in("inspektorat", PASSWORD).await.unwrap();
    let decided = app
        .post_form_as(
            Some(&inspector),
            "/admin/banding",
            &[
                ("csrf", inspector.csrf.as_str()),
                ("response", id.as_str()),
                ("decision", "uphold"),
                ("reason", "Daftar hadir: cuti"),
                ("confirm", "yes"),
            ],
        )
        .await;
    assert_eq!(decided.status(), StatusCode::OK);
    let mail = mail_with(&received, "sudah diputuskan").await;
    assert_eq!(mail.to.len(), 2);
    assert!(mail.text.contains("dikabulkan"), "{}", mail.text);

    // A forum's proposal moves on: the account that recorded the forum is told.
    let code = app.musrena_proposal().await;
    let planner = app.sign_in("test", PASSWORD).await.unwrap();
    let moved = app
        .post_form_as(
            Some(&planner),
            "/musrena/langkah",
            &[
                ("csrf", planner.csrf.as_str()),
                ("code", code.as_str()),
                ("action", "carry"),
                ("on", "2026-02-10"),
            ],
        )
        .await;
    assert_eq!(moved.status(), StatusCode::SEE_OTHER);
    let mail = mail_with(&received, "berpindah tahap").await;
    assert_eq!(mail.to, ["test@uji.go.id"]);
    assert!(mail.text.contains(&code));

    // Yesterday's ten unhappy answers against 28 days of happy ones: dukcapil's admin is
    // told, rsud's is not; checking again (another server, the next round) sends nothing new.
    // The check runs at a fixed instant, 09:00 on the first day of the appeal's month, so
    // the appealed answer (the 15th) is in neither the day nor its history, whatever today is.
    let tenant = suara_store::testing::tenant();
    let today = in_month
        .date()
        .replace_day(1)
        .unwrap()
        .midnight()
        .assume_offset(tenant.offset());
    let check_at = today + time::Duration::hours(9);
    for i in 0..30 {
        let at = today - time::Duration::days(2 + i % 20) + time::Duration::hours(3);
        response(&app, &format!("alert-happy-{i}"), 4, None, at).await;
    }
    for i in 0..10 {
        let at =
            today - time::Duration::days(1) + time::Duration::hours(2) + time::Duration::minutes(i);
        response(&app, &format!("alert-unhappy-{i}"), 1, None, at).await;
    }
    for _ in 0..2 {
        suara_web::alerts::check_units(&app.state, &tenant, check_at)
            .await
            .unwrap();
    }
    let mail = mail_with(&received, "turun tajam").await;
    assert_eq!(mail.to, ["admin-dukcapil@uji.go.id"]);
    assert!(
        mail.text.contains("IKM 25,00 dari 10 tanggapan") && mail.text.contains("IKM 100,00"),
        "{}",
        mail.text
    );
    tokio::time::sleep(Duration::from_secs(3)).await;
    let all = received.lock().unwrap().clone();
    assert_eq!(all.len(), 4, "each event once: {all:?}");
    let sent = app.store.sent_alerts("t1").await.unwrap();
    assert_eq!(sent.len(), 4);

    // Someone with the database but not the key rolls the log back by its last answer and
    // lets it grow past the head the server signed: the server refuses to sign, and the
    // administrators and the inspectorate are told, once.
    let raw = sqlx::AnyPool::connect(&url).await.unwrap();
    let signed: i64 = sqlx::query_scalar("SELECT seq FROM chain_heads WHERE tenant_id = 't1'")
        .fetch_one(&raw)
        .await
        .unwrap();
    let public = app.state.signer.public("t1").unwrap();
    for _ in 0..50 {
        let kept = app
            .state
            .signer
            .kept_head(
                "t1",
                suara_domain::integrity::signed_head::LogKind::Responses,
                &public,
            )
            .unwrap();
        if kept.is_some_and(|k| k.head.size == signed as u64) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    for sql in [
        format!("DELETE FROM response_signals WHERE response_id = (SELECT response_id FROM chain_links WHERE tenant_id = 't1' AND seq = {signed})"),
        format!("DELETE FROM responses WHERE response_id = (SELECT response_id FROM chain_links WHERE tenant_id = 't1' AND seq = {signed})"),
        format!("DELETE FROM chain_links WHERE tenant_id = 't1' AND seq = {signed}"),
        format!("UPDATE chain_heads SET seq = {0}, link_hash = (SELECT link_hash FROM chain_links WHERE tenant_id = 't1' AND seq = {0}) WHERE tenant_id = 't1'", signed - 1),
        "DELETE FROM log_heads".to_string(),
        "DELETE FROM log_tiles".to_string(),
    ] {
        sqlx::query(&sql).execute(&raw).await.unwrap();
    }
    for i in 0..3 {
        response(&app, &format!("alert-regrow-{i}"), 4, None, now).await;
    }
    let mail = mail_with(&received, "diubah di luar aplikasi").await;
    let mut to = mail.to.clone();
    to.sort();
    assert_eq!(to, ["admin@uji.go.id", "inspektorat@uji.go.id"]);
    assert!(
        mail.text.contains("does not extend") && mail.text.contains("suara verify"),
        "{}",
        mail.text
    );
    // Answers keep coming while it lasts (the refusal's text changes with the log's size):
    // still one mail.
    for i in 3..6 {
        response(&app, &format!("alert-regrow-{i}"), 4, None, now).await;
        tokio::time::sleep(Duration::from_millis(1100)).await;
    }
    tokio::time::sleep(Duration::from_secs(2)).await;
    assert_eq!(
        received.lock().unwrap().len(),
        5,
        "the refusal is told once"
    );
}
