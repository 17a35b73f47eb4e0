//! The roles that touch pay sign in with a password and a code: set up at the first sign-in
//! (a QR code, recovery codes shown once), a code works once, a recovery code works once,
//! guesses are slowed per account from anywhere, a password alone reaches no pay page, and
//! an operator's reset starts it over. Roles that do not touch pay sign in as before.
#![allow(clippy::unwrap_used)] // a test that unwraps fails with the value's message
#![allow(clippy::too_many_lines)] // a scenario reads top to bottom, as its user would do it

mod common;

use common::{hidden_value, set_cookie_value, unix_now, Session, TestApp, PASSWORD};
use reqwest::header::{COOKIE, LOCATION};
use reqwest::StatusCode;
use suara_app::second_factor::code_at;
use suara_domain::access::Role;
use suara_store::testing::{TestDatabase, OFFICER_NIP};

suara_store::backend_tests!(pay_roles_need_a_code_that_works_once);

/// Signs in with the password only, as a browser posts the form: the session and where the
/// server sends it.
async fn password_only(app: &TestApp, username: &str) -> (Session, String) {
    let form = app.get("/masuk").await;
    let login = set_cookie_value(&form, "suara_login").unwrap();
    let sent = app
        .client
        .post(app.url("/masuk"))
        .header(COOKIE, format!("suara_login={login}"))
        .form(&[
            ("username", username),
            ("password", PASSWORD),
            ("csrf", &login),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(sent.status(), StatusCode::SEE_OTHER);
    let to = sent.headers()[LOCATION].to_str().unwrap().to_string();
    let cookie = set_cookie_value(&sent, "suara_session").unwrap();
    let session = Session {
        cookie,
        csrf: String::new(),
        landing: to.clone(),
    };
    (session, to)
}

/// Posts a code on a code page; the status and the page.
async fn post_code(
    app: &TestApp,
    session: &Session,
    path: &str,
    code: &str,
) -> (StatusCode, String) {
    let page = app.get_as(session, path).await.text().await.unwrap();
    let csrf = hidden_value(&page, "csrf").expect("a form");
    let sent = app
        .post_form_as(Some(session), path, &[("csrf", &csrf), ("code", code)])
        .await;
    (sent.status(), sent.text().await.unwrap())
}

async fn pay_roles_need_a_code_that_works_once(db: TestDatabase) {
    let app = TestApp::spawn(db).await;
    app.add_account("bpkad", Role::Finance, None, None).await;
    app.add_account("sri", Role::Officer, None, Some(OFFICER_NIP))
        .await;

    // A password alone: sent to set up the code, and no pay page answers.
    let (first, to) = password_only(&app, "bpkad").await;
    assert!(to.starts_with("/masuk/kode?"), "{to}");
    let tpp = app.get_as(&first, "/tpp").await;
    assert_eq!(tpp.status(), StatusCode::SEE_OTHER);
    let setup = tpp.headers()[LOCATION].to_str().unwrap().to_string();
    assert!(setup.starts_with("/masuk/kode-baru?"), "{setup}");
    let page = app.get_as(&first, &setup).await.text().await.unwrap();
    let csrf = hidden_value(&page, "csrf").unwrap();
    let compute = app
        .post_form_as(
            Some(&first),
            "/tpp/hitung",
            &[("csrf", &csrf), ("month", "2026-11")],
        )
        .await;
    assert_eq!(
        compute.status(),
        StatusCode::UNAUTHORIZED,
        "a pay action with a password alone"
    );
    assert!(
        page.contains("<svg") && page.contains("pindai kode QR ini"),
        "a QR code to scan: {page}"
    );
    let secret: String = page
        .split("id=\"kunci\">")
        .nth(1)
        .and_then(|rest| rest.split('<').next())
        .unwrap()
        .split_whitespace()
        .collect();
    // A wrong code: named in the summary, the typed code kept, nothing set up.
    let (status, wrong) = post_code(&app, &first, "/masuk/kode-baru", "000000").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        wrong.contains("error-summary")
            && wrong.contains("Kode tidak cocok")
            && wrong.contains("value=\"000000\""),
        "{wrong}"
    );
    // The app's code: on, with ten recovery codes shown once.
    let now = unix_now();
    let setup_code = code_at(&secret, now).unwrap();
    let (status, done) = post_code(&app, &first, "/masuk/kode-baru", &setup_code).await;
    assert_eq!(status, StatusCode::OK, "{done}");
    let recovery: Vec<String> = done
        .split("<li><code>")
        .skip(1)
        .filter_map(|rest| rest.split('<').next())
        .map(str::to_string)
        .collect();
    assert_eq!(recovery.len(), 10, "{done}");
    assert_eq!(app.get_as(&first, "/tpp").await.status(), StatusCode::OK);

    // The next sign-in asks for a code; the one already used is refused (a replay), a fresh
    // one is accepted.
    let (second, to) = password_only(&app, "bpkad").await;
    assert!(to.starts_with("/masuk/kode?"), "{to}");
    let (status, _) = post_code(&app, &second, "/masuk/kode", &setup_code).await;
    assert_eq!(
        status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "a code works once"
    );
    let next = code_at(&secret, (now / 30 + 1) * 30).unwrap();
    let (status, _) = post_code(&app, &second, "/masuk/kode", &next).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(app.get_as(&second, "/tpp").await.status(), StatusCode::OK);

    // A recovery code, typed in capitals without its dash: once, and only once.
    let typed = recovery[0].to_uppercase().replace('-', " ");
    let (third, _) = password_only(&app, "bpkad").await;
    let (status, page) = post_code(&app, &third, "/masuk/kode", &typed).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("tersisa 9 kode"), "{page}");
    let (fourth, _) = password_only(&app, "bpkad").await;
    let (status, _) = post_code(&app, &fourth, "/masuk/kode", &typed).await;
    assert_eq!(
        status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "a recovery code works once"
    );

    // Guessing codes with the password: slowed, with Retry-After.
    let mut slowed = None;
    for guess in 0..12 {
        let (status, _) = post_code(
            &app,
            &fourth,
            "/masuk/kode",
            &format!("{:06}", 111_111 + guess),
        )
        .await;
        if status == StatusCode::TOO_MANY_REQUESTS {
            slowed = Some(guess);
            break;
        }
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    }
    assert!(slowed.is_some_and(|n| n <= 6), "guesses slowed: {slowed:?}");

    // An operator's reset (a lost phone): the sessions end, the next sign-in sets up anew.
    assert!(app
        .store
        .reset_second_factor("t1", "bpkad", "test", time::OffsetDateTime::now_utc())
        .await
        .unwrap());
    assert_eq!(
        app.get_as(&second, "/tpp").await.status(),
        StatusCode::SEE_OTHER
    );
    let (fifth, _) = password_only(&app, "bpkad").await;
    let again = app.get_as(&fifth, "/masuk/kode").await;
    assert!(
        again.headers()[LOCATION]
            .to_str()
            .unwrap()
            .starts_with("/masuk/kode-baru"),
        "set up again"
    );
    // Every step is in the audit log, in words.
    app.add_account("admin", Role::Administrator, None, None)
        .await;
    let admin = app.sign_in("admin", PASSWORD).await.unwrap();
    let log = app
        .get_as(&admin, "/admin/audit?lang=id")
        .await
        .text()
        .await
        .unwrap();
    for step in [
        "kode masuk dipasang",
        "kode pemulihan dipakai",
        "kode masuk diatur ulang",
    ] {
        assert!(log.contains(step), "{step}: {log}");
    }

    // An officer's account touches no pay: the password is enough.
    let (_, to) = password_only(&app, "sri").await;
    assert!(to.starts_with("/dasbor/pegawai/"), "{to}");
}
