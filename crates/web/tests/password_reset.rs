//! "Lupa kata sandi" through a real SMTP exchange with a local sink: a staff member who
//! records an address on "Akun saya" gets a one-time link, chooses a new password through
//! it, and every session of the account ends. The form answers the same for any name, sends
//! an account at most three links an hour, builds links from the server's own address
//! whatever Host a request names, and a link works once, within the hour, for an enabled
//! account. Without mail the form says to ask the administrator. Officers whose personnel
//! list gives an address get their first sign-in the same way when their accounts are made.
//! On SQLite and PostgreSQL.
#![allow(clippy::unwrap_used)] // a test that unwraps fails with the value's message
#![allow(clippy::too_many_lines)] // a scenario reads top to bottom, as its user would do it

mod common;

use std::sync::Arc;
use std::time::Duration;

use common::mail::{mail_with, smtp_sink};
use common::{hidden_value, set_cookie_value, TestApp, PASSWORD};
use reqwest::header::{COOKIE, HOST, LOCATION};
use reqwest::StatusCode;
use suara_domain::access::Role;
use suara_domain::org::import::{plan_import, ImportFiles};
use suara_store::testing::{TestDatabase, OFFICER_NIP, OTHER_OFFICER_NIP};
use suara_store::AccountChange;
use time::OffsetDateTime;

suara_store::backend_tests!(
    a_forgotten_password_is_reset_once_by_an_emailed_link,
    officers_with_an_address_get_their_first_sign_in_by_mail,
    without_mail_the_form_sends_people_to_the_administrator
);

const NEW_PASSWORD: &str = "kata-sandi-baru-2026";

/// Fills a form that comes before any session: its page first (for the form token in the
/// cookie and the page), then the post, with `headers` added.
async fn public_form(
    app: &TestApp,
    page: &str,
    action: &str,
    fields: &[(&str, &str)],
    headers: &[(reqwest::header::HeaderName, &str)],
) -> (StatusCode, String, Option<String>) {
    let form = app.get(page).await;
    let cookie = set_cookie_value(&form, "suara_login").expect("form token cookie");
    let html = form.text().await.unwrap();
    let csrf = hidden_value(&html, "csrf").unwrap_or_default();
    let mut body: Vec<(&str, &str)> = vec![("csrf", &csrf), ("lang", "id")];
    body.extend_from_slice(fields);
    let mut request = app
        .client
        .post(app.url(action))
        .header(COOKIE, format!("suara_login={cookie}"))
        .form(&body);
    for (name, value) in headers {
        request = request.header(name, *value);
    }
    let sent = request.send().await.unwrap();
    let status = sent.status();
    let location = sent
        .headers()
        .get(LOCATION)
        .map(|l| l.to_str().unwrap().to_string());
    (status, sent.text().await.unwrap(), location)
}

/// The path of the password link a mail carries, built on the server's own address.
fn link_path(app: &TestApp, mail: &common::mail::Mail) -> String {
    let prefix = format!("{}/atur-ulang-kata-sandi/", app.base);
    let link = mail
        .text
        .lines()
        .find(|l| l.starts_with(&prefix))
        .unwrap_or_else(|| panic!("{}", mail.text))
        .trim();
    link.trim_start_matches(&app.base).to_string()
}

async fn ask(app: &TestApp, who: &str, client: &str) -> (StatusCode, String) {
    let (status, html, _) = public_form(
        app,
        "/lupa-kata-sandi?lang=id",
        "/lupa-kata-sandi",
        &[("who", who)],
        &[(
            reqwest::header::HeaderName::from_static("x-forwarded-for"),
            client,
        )],
    )
    .await;
    (status, html)
}

async fn a_forgotten_password_is_reset_once_by_an_emailed_link(db: TestDatabase) {
    let (smtp, received) = smtp_sink().await;
    let mailer =
        suara_web::alerts::Mailer::new(&format!("smtp://{smtp}"), "suara <suara@uji.go.id>")
            .unwrap();
    let url = db.url.clone();
    let app = TestApp::spawn_with(db, Some(Arc::new(mailer))).await;
    app.add_account("bkpsdm", Role::Hr, None, None).await;
    app.add_account("bpkad", Role::Finance, None, None).await;
    let session = app.sign_in("bkpsdm", PASSWORD).await.unwrap();

    // The holder records an address on "Akun saya": a wrong address or password is named.
    let save = |email: &'static str, current: &'static str| {
        let (app, session) = (&app, &session);
        async move {
            let sent = app
                .post_form_as(
                    Some(session),
                    "/akun/email?lang=id",
                    &[
                        ("csrf", session.csrf.as_str()),
                        ("email", email),
                        ("current", current),
                    ],
                )
                .await;
            (sent.status(), sent.text().await.unwrap())
        }
    };
    let (status, html) = save("bukan alamat", PASSWORD).await;
    assert!(
        status == StatusCode::UNPROCESSABLE_ENTITY && html.contains("Tulis alamat e-mail seperti"),
        "{html}"
    );
    let (status, html) = save("bkpsdm@uji.go.id", "salah").await;
    assert!(
        status == StatusCode::UNPROCESSABLE_ENTITY && html.contains("Kata sandi sekarang salah"),
        "{html}"
    );
    let (status, html) = save("bkpsdm@uji.go.id", PASSWORD).await;
    assert!(
        status == StatusCode::OK
            && html.contains("Alamat e-mail disimpan")
            && html.contains("value=\"bkpsdm@uji.go.id\""),
        "{html}"
    );
    let entry = &app.store.audit_log("t1", None, 1).await.unwrap()[0];
    assert_eq!(
        (entry.action.as_str(), entry.actor.as_str()),
        ("set_email", "bkpsdm")
    );

    // Asked for by address (any case), from a request naming another host: the link is
    // built from the server's own address.
    let (_, page) = ask(&app, "x", "127.0.0.9").await;
    let answer = "Jika akun itu ada dan mencatat alamat e-mail";
    assert!(page.contains(answer), "{page}");
    let (status, html, _) = public_form(
        &app,
        "/lupa-kata-sandi?lang=id",
        "/lupa-kata-sandi",
        &[("who", "BKPSDM@uji.go.id")],
        &[(HOST, "evil.example")],
    )
    .await;
    assert!(status == StatusCode::OK && html.contains(answer), "{html}");
    let mail = mail_with(&received, "Atur ulang kata sandi Suara").await;
    assert_eq!(mail.to, ["bkpsdm@uji.go.id"]);
    let path = link_path(&app, &mail);
    assert!(!mail.text.contains("evil.example"), "{}", mail.text);

    // Names nobody knows, or an account without an address, get the same answer and no mail.
    for who in ["tidak-ada", "bpkad"] {
        let (status, html) = ask(&app, who, "127.0.0.10").await;
        assert!(
            status == StatusCode::OK && html.contains(answer),
            "{who}: {html}"
        );
    }

    // The link opens the form; what is wrong is named and nothing changes.
    let form = app.get(&path).await;
    assert_eq!(form.status(), StatusCode::OK);
    assert!(form.text().await.unwrap().contains("bkpsdm"));
    for (new, repeat, expected) in [
        ("pendek", "pendek", "minimal 12"),
        (NEW_PASSWORD, "lain-lain-lain-lain", "berbeda"),
    ] {
        let (status, html, _) =
            public_form(&app, &path, &path, &[("new", new), ("repeat", repeat)], &[]).await;
        assert!(
            status == StatusCode::UNPROCESSABLE_ENTITY && html.contains(expected),
            "{html}"
        );
    }
    // Without the form's token (another site posting it): refused.
    let forged = app
        .client
        .post(app.url(&path))
        .form(&[("new", NEW_PASSWORD), ("repeat", NEW_PASSWORD)])
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status(), StatusCode::FORBIDDEN);

    let (status, _, location) = public_form(
        &app,
        &path,
        &path,
        &[("new", NEW_PASSWORD), ("repeat", NEW_PASSWORD)],
        &[],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let landing = app.get(&location.unwrap()).await.text().await.unwrap();
    assert!(landing.contains("Kata sandi sudah diganti"), "{landing}");
    // Every session ended; the old password no longer signs in, the new one does.
    let old = app.get_as(&session, "/akun").await;
    assert_eq!(old.status(), StatusCode::SEE_OTHER);
    assert!(app.sign_in("bkpsdm", PASSWORD).await.is_err());
    assert!(app.sign_in("bkpsdm", NEW_PASSWORD).await.is_ok());
    let entry = app
        .store
        .audit_log("t1", None, 10)
        .await
        .unwrap()
        .into_iter()
        .find(|e| e.action == "set_password")
        .unwrap();
    assert_eq!(
        (entry.entity_id.as_str(), entry.actor.as_str()),
        ("bkpsdm", "bkpsdm")
    );

    // The link works once.
    let again = app.get(&path).await;
    assert_eq!(again.status(), StatusCode::NOT_FOUND);
    assert!(again
        .text()
        .await
        .unwrap()
        .contains("Tautan ini tidak berlaku"));
    let (status, _, _) = public_form(
        &app,
        "/masuk",
        &path,
        &[
            ("new", "kata-sandi-ketiga-2026"),
            ("repeat", "kata-sandi-ketiga-2026"),
        ],
        &[],
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(app.sign_in("bkpsdm", NEW_PASSWORD).await.is_ok());

    // Someone asking again and again for a colleague's account: three links an hour, from
    // however many addresses.
    for client in ["127.0.1.1", "127.0.1.2", "127.0.1.3", "127.0.1.4"] {
        let (status, html) = ask(&app, "bkpsdm", client).await;
        assert!(status == StatusCode::OK && html.contains(answer), "{html}");
    }
    tokio::time::sleep(Duration::from_secs(2)).await;
    let links = received
        .lock()
        .unwrap()
        .iter()
        .filter(|m| m.text.contains("Atur ulang kata sandi Suara"))
        .count();
    assert_eq!(links, 3);
    // One client asking again and again is slowed down like failed sign-ins.
    let mut slowed = false;
    for _ in 0..8 {
        let (status, _) = ask(&app, "tidak-ada", "127.0.2.1").await;
        slowed |= status == StatusCode::TOO_MANY_REQUESTS;
    }
    assert!(slowed);

    // A link past its hour, or of an account disabled since, opens nothing.
    let raw = sqlx::AnyPool::connect(&url).await.unwrap();
    let newest = mail_with(&received, "Atur ulang kata sandi Suara").await;
    let _ = newest;
    let live: Vec<String> =
        sqlx::query_scalar("SELECT token_hash FROM password_resets WHERE used_at_us IS NULL")
            .fetch_all(&raw)
            .await
            .unwrap();
    assert_eq!(live.len(), 2);
    let prefix = format!("{}/atur-ulang-kata-sandi/", app.base);
    let tokens: Vec<String> = received
        .lock()
        .unwrap()
        .iter()
        .filter_map(|m| {
            m.text
                .lines()
                .find(|l| l.starts_with(&prefix))
                .map(|l| l.trim().trim_start_matches(&prefix).to_string())
        })
        .collect();
    let open: Vec<&String> = tokens
        .iter()
        .filter(|t| live.contains(&suara_app::credentials::token_hash(t)))
        .collect();
    assert_eq!(open.len(), 2);
    sqlx::query("UPDATE password_resets SET expires_at_us = 0 WHERE token_hash = $1")
        .bind(suara_app::credentials::token_hash(open[0]))
        .execute(&raw)
        .await
        .unwrap();
    assert_eq!(
        app.get(&format!("/atur-ulang-kata-sandi/{}", open[0]))
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    let second = format!("/atur-ulang-kata-sandi/{}", open[1]);
    assert_eq!(app.get(&second).await.status(), StatusCode::OK);
    app.store
        .change_account(
            "t1",
            "bkpsdm",
            AccountChange::Disable,
            "admin",
            OffsetDateTime::now_utc(),
        )
        .await
        .unwrap();
    assert_eq!(app.get(&second).await.status(), StatusCode::NOT_FOUND);
}

async fn without_mail_the_form_sends_people_to_the_administrator(db: TestDatabase) {
    let url = db.url.clone();
    let app = TestApp::spawn(db).await;
    app.add_account("bkpsdm", Role::Hr, None, None).await;
    app.store
        .set_account_email(
            "t1",
            "bkpsdm",
            Some("bkpsdm@uji.go.id"),
            "admin",
            OffsetDateTime::now_utc(),
        )
        .await
        .unwrap();
    let sign_in = app.get("/masuk?lang=id").await.text().await.unwrap();
    assert!(
        sign_in.contains("/lupa-kata-sandi?lang=id") && sign_in.contains("Lupa kata sandi?"),
        "{sign_in}"
    );
    let page = app
        .get("/lupa-kata-sandi?lang=id")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("Minta administrator") && !page.contains("name=\"who\""),
        "{page}"
    );
    let (status, html) = ask(&app, "bkpsdm", "127.0.0.11").await;
    assert!(
        status == StatusCode::OK && html.contains("Minta administrator"),
        "{html}"
    );
    let raw = sqlx::AnyPool::connect(&url).await.unwrap();
    let links: i64 = sqlx::query_scalar("SELECT CAST(COUNT(*) AS BIGINT) FROM password_resets")
        .fetch_one(&raw)
        .await
        .unwrap();
    assert_eq!(links, 0);
    // A made-up link opens nothing.
    let made_up = app.get("/atur-ulang-kata-sandi/0123456789abcdef").await;
    assert_eq!(made_up.status(), StatusCode::NOT_FOUND);
}

/// The personnel list gives Sri an address (a wrong one first): when her unit's accounts are
/// made she is mailed a link instead of a letter, chooses her password through it and signs
/// in; the address is audit-logged, and becomes her account's for "lupa kata sandi".
async fn officers_with_an_address_get_their_first_sign_in_by_mail(db: TestDatabase) {
    let (smtp, received) = smtp_sink().await;
    let mailer =
        suara_web::alerts::Mailer::new(&format!("smtp://{smtp}"), "suara <suara@uji.go.id>")
            .unwrap();
    let app = TestApp::spawn_with(db, Some(Arc::new(mailer))).await;
    app.add_account("admin", Role::Administrator, None, None)
        .await;
    let admin = app.sign_in("admin", PASSWORD).await.unwrap();
    let today = OffsetDateTime::now_utc().date();
    let snapshot = app.store.org_snapshot("t1").await.unwrap();
    let list = |email: &str| {
        let sri = snapshot
            .officers
            .iter()
            .find(|o| o.officer.nip == OFFICER_NIP)
            .unwrap();
        let o = &sri.officer;
        format!(
            "NIP;NAMA;JABATAN;UNIT KERJA;ALAMAT EMAIL\n{};{};{};{};{email}\n",
            o.nip, o.name, o.position, o.unit_id
        )
    };
    let files = |csv: &str| {
        plan_import(
            &ImportFiles {
                officers: Some(csv.as_bytes()),
                ..Default::default()
            },
            &snapshot,
            today,
        )
    };
    let wrong = files(&list("sri at uji.go.id")).unwrap_err();
    assert!(
        wrong[0]
            .reason
            .to_string()
            .contains("is not an e-mail address"),
        "{wrong:?}"
    );
    let plan = files(&list("sri@uji.go.id")).unwrap();
    assert_eq!(plan.contacts.len(), 1, "{plan:?}");
    app.store
        .apply_import("t1", &plan, "bkpsdm", OffsetDateTime::now_utc())
        .await
        .unwrap();

    let form = app
        .get_as(&admin, "/admin/akun/pegawai")
        .await
        .text()
        .await
        .unwrap();
    assert!(form.contains("kolom EMAIL"), "{form}");
    let made = app
        .post_form_as(
            Some(&admin),
            "/admin/akun/pegawai",
            &[("csrf", admin.csrf.as_str()), ("unit_id", "dukcapil")],
        )
        .await;
    assert_eq!(made.status(), StatusCode::CREATED);
    let made = made.text().await.unwrap();
    assert!(
        made.contains("Dikirim lewat e-mail (1)")
            && made.contains("sri@uji.go.id")
            && !made.contains("Kata sandi sementara</dt>"),
        "{made}"
    );
    assert!(!made.contains(OTHER_OFFICER_NIP), "another unit's officer");
    let mail = mail_with(&received, "Akun Suara Anda sudah siap").await;
    assert_eq!(mail.to, ["sri@uji.go.id"]);
    assert!(mail.text.contains(OFFICER_NIP), "{}", mail.text);
    let path = link_path(&app, &mail);
    let (status, _, _) = public_form(
        &app,
        &path,
        &path,
        &[("new", NEW_PASSWORD), ("repeat", NEW_PASSWORD)],
        &[],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let sri = app.sign_in(OFFICER_NIP, NEW_PASSWORD).await.unwrap();
    let own = app
        .get_as(&sri, &format!("/dasbor/pegawai/{OFFICER_NIP}/tpp"))
        .await;
    assert_eq!(
        own.status(),
        StatusCode::OK,
        "no password change asked for first"
    );
    let account = app.store.account("t1", OFFICER_NIP).await.unwrap().unwrap();
    assert_eq!(account.email.as_deref(), Some("sri@uji.go.id"));
    let audit = app
        .get_as(&admin, "/admin/audit")
        .await
        .text()
        .await
        .unwrap();
    assert!(audit.contains("Alamat e-mail pegawai"), "{audit}");
}
