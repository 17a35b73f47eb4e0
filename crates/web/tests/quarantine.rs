//! A ballot-stuffing burst over HTTP lands in quarantine and does not move the IKM; the
//! inspectorate reviews it on its page. On SQLite and PostgreSQL.
#![allow(clippy::unwrap_used)] // a test that unwraps fails with the value's message
#![allow(clippy::too_many_lines)] // a scenario reads top to bottom, as its user would do it

mod common;

use common::{TestApp, PASSWORD};
use reqwest::StatusCode;
use serde_json::{json, Value};
use suara_domain::access::Role;
use suara_store::testing::TestDatabase;

suara_store::backend_tests!(a_ballot_stuffing_burst_is_held_for_the_inspectorate);

async fn post(app: &TestApp, key: &str, answers: [i64; 9], device: &str, address: &str) {
    let body = json!({ "unit": "dukcapil", "answers": answers, "idempotency_key": key });
    let sent = app
        .client
        .post(app.url("/api/v1/responses"))
        .header("cookie", format!("suara_perangkat={device}"))
        .header("x-forwarded-for", address)
        .json(&body)
        .send()
        .await
        .unwrap();
    // Held or not, the sender gets the same receipt.
    assert_eq!(sent.status(), StatusCode::CREATED);
}

async fn ikm(app: &TestApp) -> Value {
    app.get("/api/v1/units/dukcapil/ikm")
        .await
        .json()
        .await
        .unwrap()
}

async fn a_ballot_stuffing_burst_is_held_for_the_inspectorate(db: TestDatabase) {
    let app = TestApp::spawn(db).await;
    // Only the device and network rules here: the unit's hourly limit has its own attack test.
    suara_store::testing::set_monthly_users(&app.store, None).await;
    for i in 0..6 {
        post(
            &app,
            &format!("citizen-{i:04}"),
            [3, 2, 3, 3, 3, 2, 3, 3, 2],
            &format!("phone{i}"),
            &format!("36.80.{i}.10"),
        )
        .await;
    }
    let before = ikm(&app).await;
    assert_eq!(before["responses"], 6);

    // One phone on one network sends thirty perfect scores.
    for i in 0..30 {
        post(
            &app,
            &format!("stuffer-{i:04}"),
            [4; 9],
            "stuffer",
            "114.5.6.7",
        )
        .await;
    }
    let after = ikm(&app).await;
    // Two answers from one phone pass as a citizen answering twice; 28 wait for review.
    assert_eq!(after["responses"], 8, "{after}");

    app.add_account("inspektorat", Role::Inspectorate, None, None)
        .await;
    let inspector = app.sign_in("inspektorat", PASSWORD).await.unwrap();
    let page = app
        .get_as(&inspector, "/admin/karantina")
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("Menunggu keputusan: 28 tanggapan"), "{page}");
    assert!(page.contains("perangkat yang sama menilai unit ini"));
    let first = page
        .split("name=\"response\" value=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_string();

    let no_reason = app
        .post_form_as(
            Some(&inspector),
            "/admin/karantina",
            &[
                ("csrf", &inspector.csrf),
                ("response", &first),
                ("decision", "accept"),
            ],
        )
        .await;
    assert_eq!(no_reason.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let accepted = app
        .post_form_as(
            Some(&inspector),
            "/admin/karantina",
            &[
                ("csrf", &inspector.csrf),
                ("response", &first),
                ("decision", "accept"),
                ("reason", "matches the counter log"),
            ],
        )
        .await;
    assert_eq!(accepted.status(), StatusCode::OK);
    assert!(accepted
        .text()
        .await
        .unwrap()
        .contains("Menunggu keputusan: 27 tanggapan"));
    assert_eq!(ikm(&app).await["responses"], 9);
    let again = app
        .post_form_as(
            Some(&inspector),
            "/admin/karantina",
            &[
                ("csrf", &inspector.csrf),
                ("response", &first),
                ("decision", "reject"),
                ("reason", "changed my mind"),
            ],
        )
        .await;
    assert_eq!(again.status(), StatusCode::CONFLICT, "a decision is final");
    assert!(app.store.verify_chain("t1").await.unwrap().is_intact());

    // The rest came from one network: rejected together, after a confirmation.
    let page = app
        .get_as(&inspector, "/admin/karantina?alasan=device_repeat")
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("Menunggu keputusan:"), "{page}");
    let bulk = [
        ("csrf", inspector.csrf.as_str()),
        ("alasan", "device_repeat"),
        ("scope", "all"),
        ("decision", "reject"),
        ("reason", "satu ponsel mengirim berulang"),
    ];
    let confirm = app
        .post_form_as(Some(&inspector), "/admin/karantina", &bulk)
        .await;
    assert_eq!(confirm.status(), StatusCode::OK);
    let confirm = confirm.text().await.unwrap();
    assert!(
        confirm.contains("Periksa keputusan") && confirm.contains("tolak 27 tanggapan"),
        "{confirm}"
    );
    assert_eq!(
        ikm(&app).await["responses"],
        9,
        "nothing decided before confirming"
    );
    let confirmed: Vec<(&str, &str)> = bulk.iter().copied().chain([("confirm", "yes")]).collect();
    let done = app
        .post_form_as(Some(&inspector), "/admin/karantina", &confirmed)
        .await;
    assert_eq!(done.status(), StatusCode::OK);
    let done = done.text().await.unwrap();
    assert!(done.contains("27 tanggapan ditolak"), "{done}");
    assert!(done.contains("Tidak ada tanggapan yang cocok dengan saringan ini."));
    assert_eq!(ikm(&app).await["responses"], 9);
    assert!(app.store.verify_chain("t1").await.unwrap().is_intact());
}
