//! Sign-in under attack, on SQLite and PostgreSQL: attempts racing each other are counted
//! before their passwords are checked; a proxy's forwarded address is the one the proxy
//! added, not one the client claims; a guesser elsewhere cannot lock a colleague out.
#![allow(clippy::unwrap_used)] // a test that unwraps fails with the value's message
#![allow(clippy::too_many_lines)] // a scenario reads top to bottom, as its user would do it

mod common;

use common::{Session, TestApp, PASSWORD};
use reqwest::StatusCode;
use suara_domain::access::Role;
use suara_store::testing::TestDatabase;
use suara_store::testing::{OFFICER_NIP, OTHER_OFFICER_NIP};

suara_store::backend_tests!(
    sign_in_guessing_is_slowed_where_it_comes_from,
    staff_pages_and_downloads_are_never_stored,
    a_disabled_account_is_out_at_once,
    passwords_are_changed_and_reset_on_the_web,
    officers_get_accounts_in_one_step_and_choose_their_own_password
);

async fn passwords_are_changed_and_reset_on_the_web(db: TestDatabase) {
    let app = TestApp::spawn(db).await;
    app.add_account("admin", Role::Administrator, None, None)
        .await;
    app.add_account("bpkad", Role::Finance, None, None).await;
    // The form for a new account starts at the least role.
    let admin = app.sign_in("admin", PASSWORD).await.unwrap();
    let form = app
        .get_as(&admin, "/admin/akun")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        form.contains(r#"<option value="officer" selected>"#),
        "{form}"
    );
    assert!(!form.contains(r#"<option value="admin" selected>"#));
    let laptop = app.sign_in("bpkad", PASSWORD).await.unwrap();
    let phone = app.sign_in("bpkad", PASSWORD).await.unwrap();
    let change = |current: &'static str, new: &'static str, repeat: &'static str| {
        let form = [
            ("csrf", laptop.csrf.clone()),
            ("current", current.into()),
            ("new", new.into()),
            ("repeat", repeat.into()),
        ];
        let app = &app;
        let laptop = &laptop;
        async move {
            let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
            let sent = app.post_form_as(Some(laptop), "/akun", &form).await;
            (sent.status(), sent.text().await.unwrap())
        }
    };
    let (status, body) = change("wrong", "kopi tubruk pagi", "kopi tubruk pagi").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.contains("Kata sandi sekarang salah"), "{body}");
    let (status, _) = change(PASSWORD, "aaaaaaaaaaaaaaaa", "aaaaaaaaaaaaaaaa").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let (status, _) = change(PASSWORD, "kopi tubruk pagi", "kopi tubruk sore").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let (status, body) = change(PASSWORD, "kopi tubruk pagi", "kopi tubruk pagi").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(
        app.get_as(&laptop, "/tpp").await.status(),
        StatusCode::OK,
        "this session stays"
    );
    assert_eq!(
        app.get_as(&phone, "/tpp").await.status(),
        StatusCode::SEE_OTHER,
        "others end"
    );
    assert!(app.sign_in("bpkad", "kopi tubruk pagi").await.is_ok());

    // The administrator resets it: a one-time password, shown once, that works.
    let admin = app.sign_in("admin", PASSWORD).await.unwrap();
    let reset = app
        .post_form_as(
            Some(&admin),
            "/admin/akun/tindakan",
            &[
                ("csrf", &admin.csrf),
                ("username", "bpkad"),
                ("action", "reset"),
            ],
        )
        .await
        .text()
        .await
        .unwrap();
    let one_time = reset
        .split("sampaikan langsung): ")
        .nth(1)
        .and_then(|rest| rest.get(..16))
        .expect("the one-time password on the page")
        .to_string();
    assert_eq!(
        app.get_as(&laptop, "/tpp").await.status(),
        StatusCode::SEE_OTHER,
        "a reset ends every session"
    );
    // Someone else chose it: until its holder replaces it, every page leads to their own.
    let holder = app.sign_in("bpkad", &one_time).await.unwrap();
    replaces_a_chosen_password(&app, &holder, &one_time, "/tpp").await;
    let audit = app
        .get_as(&admin, "/admin/audit")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        audit.contains("set_password") || audit.contains("kata sandi"),
        "audit-logged"
    );
    // Disabling oneself is refused; disabling another ends their sessions.
    let own = app
        .post_form_as(
            Some(&admin),
            "/admin/akun/tindakan",
            &[
                ("csrf", &admin.csrf),
                ("username", "admin"),
                ("action", "disable"),
            ],
        )
        .await;
    assert_eq!(own.status(), StatusCode::UNPROCESSABLE_ENTITY);
}

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
    // Nor does a claim sent as a header line of its own before the proxy's line.
    let token = "login-own-line";
    let own_line = app
        .client
        .post(format!("{}/masuk", app.base))
        .header("cookie", format!("suara_login={token}"))
        .header("x-forwarded-for", "192.0.2.78")
        .header("x-forwarded-for", "198.51.100.1")
        .form(&[
            ("username", "admin"),
            ("password", PASSWORD),
            ("csrf", token),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(own_line.status(), StatusCode::TOO_MANY_REQUESTS);
    // Every address of one IPv6 /64 is one client: 25 guesses, each from a new address of
    // the same /64, and the next attempt is slowed.
    for i in 0..25 {
        attempt(
            &app.client,
            &app.base,
            "admin",
            "wrong",
            "192.0.2.2",
            &format!("2001:db8:77:1::{:x}", i + 1),
        )
        .await;
    }
    assert_eq!(
        attempt(
            &app.client,
            &app.base,
            "admin",
            PASSWORD,
            "192.0.2.3",
            "2001:db8:77:1::ffff"
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

/// The holder of a password someone else chose is sent to their own page (a GET and a form
/// alike) until they replace it; then `page` opens.
async fn replaces_a_chosen_password(app: &TestApp, holder: &Session, chosen: &str, page: &str) {
    let sent = app.get_as(holder, page).await;
    assert_eq!(sent.status(), StatusCode::SEE_OTHER);
    let to = sent.headers()["location"].to_str().unwrap().to_string();
    assert!(to.starts_with("/akun"), "{to}");
    let form = [("csrf", holder.csrf.as_str())];
    let posted = app.post_form_as(Some(holder), "/tpp/hitung", &form).await;
    assert_eq!(posted.status(), StatusCode::SEE_OTHER, "forms too");
    let own = app.get_as(holder, "/akun").await.text().await.unwrap();
    assert!(own.contains("dipilih orang lain"), "{own}");
    // Keeping the chosen password is no change: refused.
    let kept = [
        ("csrf", holder.csrf.as_str()),
        ("current", chosen),
        ("new", chosen),
        ("repeat", chosen),
    ];
    let refused = app.post_form_as(Some(holder), "/akun", &kept).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        app.get_as(holder, page).await.status(),
        StatusCode::SEE_OTHER
    );
    let form = [
        ("csrf", holder.csrf.as_str()),
        ("current", chosen),
        ("new", "teh manis sore hari"),
        ("repeat", "teh manis sore hari"),
    ];
    let changed = app.post_form_as(Some(holder), "/akun", &form).await;
    assert_eq!(changed.status(), StatusCode::OK);
    assert_eq!(app.get_as(holder, page).await.status(), StatusCode::OK);
}

async fn officers_get_accounts_in_one_step_and_choose_their_own_password(db: TestDatabase) {
    let app = TestApp::spawn(db).await;
    app.add_account("admin", Role::Administrator, None, None)
        .await;
    let admin = app.sign_in("admin", PASSWORD).await.unwrap();
    let form = app
        .get_as(&admin, "/admin/akun/pegawai")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        form.contains("Dinas Dukcapil (1 pegawai belum punya akun)"),
        "{form}"
    );
    let open = |unit: &'static str| {
        let (app, admin) = (&app, &admin);
        async move {
            let form = [("csrf", admin.csrf.as_str()), ("unit_id", unit)];
            let sent = app
                .post_form_as(Some(admin), "/admin/akun/pegawai", &form)
                .await;
            (sent.status(), sent.text().await.unwrap())
        }
    };
    let (status, body) = open("").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.contains("Pilih unit"), "{body}");
    // One unit's officers, each with a letter and a password shown this once.
    let (status, letters) = open("dukcapil").await;
    assert_eq!(status, StatusCode::CREATED, "{letters}");
    assert!(letters.contains("Sri Wahyuni") && letters.contains(OFFICER_NIP));
    assert!(
        !letters.contains(OTHER_OFFICER_NIP),
        "another unit's officer"
    );
    let password = letters
        .split("Kata sandi sementara</dt><dd><code>")
        .nth(1)
        .and_then(|rest| rest.get(..16))
        .expect("the password in the letter")
        .to_string();
    // Asked again, nothing is made twice.
    let (status, body) = open("dukcapil").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.contains("sudah punya akun"), "{body}");
    let audit = app
        .get_as(&admin, "/admin/audit")
        .await
        .text()
        .await
        .unwrap();
    assert!(audit.contains(OFFICER_NIP), "audit-logged");
    // The officer signs in with the NIP, replaces the password, and sees their own TPP.
    let officer = app.sign_in(OFFICER_NIP, &password).await.unwrap();
    let own = format!("/dasbor/pegawai/{OFFICER_NIP}/tpp");
    replaces_a_chosen_password(&app, &officer, &password, &own).await;
    assert_eq!(
        app.sign_in(OFFICER_NIP, &password).await.err(),
        Some(StatusCode::UNAUTHORIZED),
        "the letter's password no longer works"
    );
}
