//! Sign-in under attack, on SQLite and PostgreSQL: attempts racing each other are counted
//! before their passwords are checked; a proxy's forwarded address is the one the proxy
//! added, not one the client claims; a guesser elsewhere cannot lock a colleague out.

mod common;

use common::{TestApp, PASSWORD};
use reqwest::StatusCode;
use suara_domain::access::Role;
use suara_store::testing::TestDatabase;

suara_store::backend_tests!(
    sign_in_guessing_is_slowed_where_it_comes_from,
    staff_pages_and_downloads_are_never_stored,
    a_disabled_account_is_out_at_once
);

async fn a_disabled_account_is_out_at_once(db: TestDatabase) {
    let app = TestApp::spawn(db).await;
    app.add_account("bpkad", Role::Finance, None, None).await;
    let finance = app.sign_in("bpkad", PASSWORD).await.unwrap();
    assert_eq!(app.get_as(&finance, "/tpp").await.status(), StatusCode::OK);
    let disable = suara_store::AccountChange::Disable;
    let now = time::OffsetDateTime::now_utc();
    assert!(app
        .store
        .change_account("t1", "bpkad", disable, "admin", now)
        .await
        .unwrap());
    assert_eq!(
        app.get_as(&finance, "/tpp").await.status(),
        StatusCode::SEE_OTHER,
        "out at once"
    );
    assert_eq!(
        app.sign_in("bpkad", PASSWORD).await.unwrap_err(),
        StatusCode::UNAUTHORIZED
    );
    let enable = suara_store::AccountChange::Enable;
    app.store
        .change_account("t1", "bpkad", enable, "admin", now)
        .await
        .unwrap();
    assert!(app.sign_in("bpkad", PASSWORD).await.is_ok());
}

async fn staff_pages_and_downloads_are_never_stored(db: TestDatabase) {
    let app = TestApp::spawn(db).await;
    app.add_account("admin", Role::Administrator, None, None)
        .await;
    let admin = app.sign_in("admin", PASSWORD).await.unwrap();
    for path in [
        "/dasbor",
        "/dasbor/ekspor?format=csv",
        "/tpp",
        "/admin/audit",
    ] {
        let sent = app.get_as(&admin, path).await;
        assert_eq!(sent.headers()["cache-control"], "no-store", "{path}");
    }
    let public = app.get("/transparansi").await;
    assert!(
        public.headers().get("cache-control").is_none(),
        "public pages may be cached"
    );
}

/// One sign-in attempt through the form, from `address` as the proxy saw it, claiming
/// `claimed` before it.
async fn attempt(
    client: &reqwest::Client,
    base: &str,
    username: &str,
    password: &str,
    claimed: &str,
    address: &str,
) -> StatusCode {
    let token = format!("login-{}", claimed.replace('.', "-"));
    client
        .post(format!("{base}/masuk"))
        .header("cookie", format!("suara_login={token}"))
        .header("x-forwarded-for", format!("{claimed}, {address}"))
        .form(&[
            ("username", username),
            ("password", password),
            ("csrf", &token),
        ])
        .send()
        .await
        .unwrap()
        .status()
}

async fn sign_in_guessing_is_slowed_where_it_comes_from(db: TestDatabase) {
    let app = TestApp::spawn(db).await;
    app.add_account("admin", Role::Administrator, None, None)
        .await;

    // Sixty guesses at once from one address: counted before they are checked, so only
    // the free five (give or take those that start together) reach the password check.
    let mut guesses = tokio::task::JoinSet::new();
    for i in 0..60 {
        let (client, base) = (app.client.clone(), app.base.clone());
        guesses.spawn(async move {
            attempt(
                &client,
                &base,
                "admin",
                "wrong",
                &format!("203.0.113.{i}"),
                "198.51.100.1",
            )
            .await
        });
    }
    let statuses = guesses.join_all().await;
    let count = |code| statuses.iter().filter(|s| **s == code).count();
    let (checked, slowed) = (
        count(StatusCode::UNAUTHORIZED),
        count(StatusCode::TOO_MANY_REQUESTS),
    );
    println!("60 racing guesses: {checked} checked, {slowed} slowed, the rest busy");
    assert!(checked <= 8, "{checked} reached the password check");
    assert!(slowed >= 40, "{statuses:?}");

    // Rotating the address the client claims changes nothing: the proxy's is used.
    assert_eq!(
        attempt(
            &app.client,
            &app.base,
            "admin",
            PASSWORD,
            "192.0.2.77",
            "198.51.100.1"
        )
        .await,
        StatusCode::TOO_MANY_REQUESTS
    );
    // The real administrator, at her own desk, is not locked out by it.
    assert_eq!(
        attempt(
            &app.client,
            &app.base,
            "admin",
            PASSWORD,
            "192.0.2.1",
            "36.80.10.20"
        )
        .await,
        StatusCode::SEE_OTHER
    );
}
