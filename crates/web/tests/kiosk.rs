//! Counter kiosks: registered by a unit admin from the tablet, answering on the kiosk
//! channel with the kiosk's unit and officer, replays counted once, revocation; on both
//! backends.
#![allow(clippy::unwrap_used)] // a test that unwraps fails with the value's message
#![allow(clippy::too_many_lines)] // a scenario reads top to bottom, as its user would do it

mod common;

use common::{hidden_value, set_cookie_value, TestApp, PASSWORD};
use reqwest::header::{CONTENT_SECURITY_POLICY, COOKIE, LOCATION};
use reqwest::StatusCode;
use serde_json::{json, Value};
use suara_domain::access::Role;
use suara_store::testing::{TestDatabase, OFFICER_NIP, OTHER_OFFICER_NIP};

suara_store::backend_tests!(
    a_registered_tablet_answers_on_the_kiosk_channel_until_revoked,
    only_the_units_own_admins_register_its_kiosks
);

async fn a_registered_tablet_answers_on_the_kiosk_channel_until_revoked(db: TestDatabase) {
    let url = db.url.clone();
    let app = TestApp::spawn(db).await;

    // Before registration the tablet is told what to do, and its posts are refused.
    let page = app.get("/kios/loket-1").await;
    assert_eq!(page.status(), StatusCode::FORBIDDEN);
    assert!(page.text().await.unwrap().contains("belum menjadi kios"));
    let answer = |key: &str| json!({ "unit": "rsud-igd", "officer": OTHER_OFFICER_NIP, "answers": [4, 3, 4, 4, 3, 4, 4, 3, 4], "idempotency_key": key });
    let refused = app
        .client
        .post(app.url("/kios/loket-1"))
        .json(&answer("kiosk-unregistered-1"))
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);

    app.add_account("admin-dukcapil", Role::UnitAdmin, Some("dukcapil"), None)
        .await;
    let admin = app.sign_in("admin-dukcapil", PASSWORD).await.unwrap();
    let form = app
        .get_as(&admin, "/loket/kios")
        .await
        .text()
        .await
        .unwrap();
    assert!(form.contains("Loket 1"), "{form}");
    let registered = app
        .post_form_as(
            Some(&admin),
            "/loket/kios",
            &[
                ("csrf", &admin.csrf),
                ("action", "register"),
                ("point", "loket-1"),
                ("label", "Tablet loket 1"),
                ("officer", OFFICER_NIP),
            ],
        )
        .await;
    assert_eq!(registered.status(), StatusCode::SEE_OTHER);
    assert_eq!(registered.headers()[LOCATION], "/kios/loket-1?lang=id");
    let token = set_cookie_value(&registered, "suara_kios").expect("the tablet keeps a token");
    let tablet = format!("suara_kios={token}");
    // A public tablet must not stay signed in: registering ends the admin's session there.
    assert_eq!(
        set_cookie_value(&registered, "suara_session").as_deref(),
        Some("")
    );
    let signed_out = app.get_as(&admin, "/loket/kios").await;
    assert_eq!(signed_out.status(), StatusCode::SEE_OTHER);
    let admin = app.sign_in("admin-dukcapil", PASSWORD).await.unwrap();

    let page = app
        .client
        .get(app.url("/kios/loket-1"))
        .header(COOKIE, &tablet)
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    let policy = page.headers()[CONTENT_SECURITY_POLICY].to_str().unwrap();
    assert!(policy.contains("script-src 'self'") && policy.contains("connect-src 'self'"));
    let html = page.text().await.unwrap();
    assert!(html.contains("/static/kios.js"));
    assert!(html.contains("href=\"#face-4\""), "faces beside the words");
    assert!(html.contains("Sri Wahyuni"), "the kiosk's officer is shown");
    assert!(!html.contains("Masuk staf"), "no links away from the kiosk");
    assert!(html.contains("anonim"), "the privacy statement stays");
    let script = app.get("/static/kios.js").await;
    assert_eq!(script.status(), StatusCode::OK);
    assert!(script.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/javascript"));

    // The script's queued JSON: unit and officer are the kiosk's, whatever was sent, and a
    // resend after a dropped connection counts once.
    let send = |body: Value| {
        app.client
            .post(app.url("/kios/loket-1"))
            .header(COOKIE, &tablet)
            .json(&body)
            .send()
    };
    let first = send(answer("kios-0001")).await.unwrap();
    assert_eq!(first.status(), StatusCode::CREATED);
    let first: Value = first.json().await.unwrap();
    assert_eq!(first["unit"], "dukcapil");
    let again: Value = send(answer("kios-0001"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(again["replayed"], true);
    assert_eq!(again["receipt"], first["receipt"]);

    // Without script: the plain form, answered with a thank-you page that starts over.
    let key = hidden_value(&html, "idempotency_key").unwrap();
    let mut fields: Vec<(String, String)> = vec![
        ("unit".into(), "dukcapil".into()),
        ("lang".into(), "id".into()),
        ("idempotency_key".into(), key),
    ];
    fields.extend((1..=9).map(|i| (format!("u{i}"), "3".to_string())));
    let thanks = app
        .client
        .post(app.url("/kios/loket-1"))
        .header(COOKIE, &tablet)
        .form(&fields)
        .send()
        .await
        .unwrap();
    assert_eq!(thanks.status(), StatusCode::CREATED);
    assert!(thanks
        .text()
        .await
        .unwrap()
        .contains("http-equiv=\"refresh\" content=\"10;url=/kios/loket-1?lang=id\""));

    assert_eq!(app.counted("dukcapil").await, 2);
    assert_eq!(app.counted("rsud-igd").await, 0);
    let pool = sqlx::AnyPool::connect(&url).await.unwrap();
    let rows: Vec<(String, Option<String>)> =
        sqlx::query_as("SELECT channel, officer_nip FROM responses ORDER BY response_id")
            .fetch_all(&pool)
            .await
            .unwrap();
    // Registered by one account, the kiosk's answers count for the published SKM only.
    assert_eq!(
        rows,
        vec![("kiosk_pending".to_string(), Some(OFFICER_NIP.to_string())); 2]
    );

    // Four eyes: the unit's admin cannot approve it; the inspectorate can, once; from then
    // on its answers are on-site pay evidence.
    let kiosk_id = app.store.kiosks("t1").await.unwrap()[0].kiosk_id.clone();
    let by_admin = app.approve_kiosk(&admin, &kiosk_id).await;
    assert_eq!(by_admin.status(), StatusCode::FORBIDDEN);
    app.add_account("inspektorat", Role::Inspectorate, None, None)
        .await;
    let inspector = app.sign_in("inspektorat", PASSWORD).await.unwrap();
    let waiting = app
        .get_as(&inspector, "/admin/kios")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        waiting.contains("Tablet loket 1") && waiting.contains("Setujui"),
        "{waiting}"
    );
    let approved = app.approve_kiosk(&inspector, &kiosk_id).await;
    assert_eq!(approved.status(), StatusCode::OK);
    assert!(approved.text().await.unwrap().contains("Kios disetujui"));
    let again = app.approve_kiosk(&inspector, &kiosk_id).await;
    assert_eq!(again.status(), StatusCode::CONFLICT);
    let third = send(answer("kios-0003")).await.unwrap();
    assert_eq!(third.status(), StatusCode::CREATED);
    let channel: String =
        sqlx::query_scalar("SELECT channel FROM responses ORDER BY response_id DESC LIMIT 1")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(channel, "kiosk");

    // Revoked (say, the tablet was stolen): it can send no more.
    let kiosks = app
        .get_as(&admin, "/loket/kios")
        .await
        .text()
        .await
        .unwrap();
    let kiosk_id = hidden_value(&kiosks, "kiosk").expect("a revoke button");
    let revoke = [
        ("csrf", admin.csrf.as_str()),
        ("action", "revoke"),
        ("kiosk", kiosk_id.as_str()),
    ];
    // Revoking cannot be undone: a confirmation page first, and the tablet still works.
    let asked = app.post_form_as(Some(&admin), "/loket/kios", &revoke).await;
    assert_eq!(asked.status(), StatusCode::OK);
    assert!(asked.text().await.unwrap().contains("Cabut kios ini?"));
    let mut confirmed = revoke.to_vec();
    confirmed.push(("confirm", "yes"));
    let revoked = app
        .post_form_as(Some(&admin), "/loket/kios", &confirmed)
        .await;
    assert_eq!(revoked.status(), StatusCode::OK);
    assert_eq!(
        send(answer("kios-0002")).await.unwrap().status(),
        StatusCode::FORBIDDEN
    );
    let audit = app.store.audit_log("t1", None, 2).await.unwrap();
    assert_eq!(
        (
            audit[0].action.as_str(),
            audit[0].entity.as_str(),
            audit[1].action.as_str()
        ),
        ("revoke", "kiosk", "approve")
    );
}

async fn only_the_units_own_admins_register_its_kiosks(db: TestDatabase) {
    let app = TestApp::spawn(db).await;
    app.add_account("admin-rsud", Role::UnitAdmin, Some("rsud"), None)
        .await;
    let admin = app.sign_in("admin-rsud", PASSWORD).await.unwrap();
    let page = app
        .get_as(&admin, "/loket/kios")
        .await
        .text()
        .await
        .unwrap();
    assert!(!page.contains("Loket 1"), "not a point of theirs");
    let refused = app
        .post_form_as(
            Some(&admin),
            "/loket/kios",
            &[
                ("csrf", &admin.csrf),
                ("action", "register"),
                ("point", "loket-1"),
                ("label", "Tablet"),
            ],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(set_cookie_value(&refused, "suara_kios").is_none());
    assert!(app.store.kiosks("t1").await.unwrap().is_empty());
}
