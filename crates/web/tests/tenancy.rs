//! Two regencies on one server, each under its own host name: every page, API, account,
//! session, API key and signing key stays with its own regency, on SQLite and PostgreSQL.
#![allow(clippy::unwrap_used)] // a test that unwraps fails with the value's message
#![allow(clippy::too_many_lines)] // a scenario reads top to bottom, as its user would do it

mod common;

use common::{TestApp, PASSWORD};
use reqwest::StatusCode;
use serde_json::{json, Value};
use suara_domain::access::Role;
use suara_store::testing::{seed_second_regency, TestDatabase};
use suara_store::{NewAccount, Tenant};
use suara_web::access::STAFF_ROUTES;
use time::OffsetDateTime;

suara_store::backend_tests!(two_regencies_on_one_server_share_nothing);

const ONE: &str = "satu.test";
const TWO: &str = "dua.test";
const PROVINCE: &str = "provinsi.test";
const TWO_PASSWORD: &str = "the other regency's password";

/// The fixture regency `t1` at [`ONE`], and `t2` ("Kabupaten Dua", the same organisation)
/// at [`TWO`], each with an administrator called `admin`.
async fn two_regencies(db: TestDatabase) -> TestApp {
    let app = TestApp::spawn(db).await;
    let now = OffsetDateTime::now_utc();
    seed_second_regency(&app.store).await;
    assert!(app.store.add_tenant_host("t1", ONE).await.unwrap());
    assert!(app.store.add_tenant_host("t2", TWO).await.unwrap());
    assert!(
        !app.store.add_tenant_host("t2", ONE).await.unwrap(),
        "a host serves one regency"
    );
    app.add_account("admin", Role::Administrator, None, None)
        .await;
    let hash = suara_app::credentials::hash_password(TWO_PASSWORD).unwrap();
    let admin = NewAccount {
        username: "admin",
        password_hash: &hash,
        must_change_password: false,
        role: Role::Administrator,
        unit_id: None,
        nip: None,
    };
    assert!(app
        .store
        .create_account("t2", &admin, "test", now)
        .await
        .unwrap());
    app
}

async fn text(app: &TestApp, path: &str) -> (StatusCode, String) {
    let got = app.get(path).await;
    (got.status(), got.text().await.unwrap())
}

async fn two_regencies_on_one_server_share_nothing(db: TestDatabase) {
    // Every answer below, the earliest included, falls in the month the province's trend
    // is read for.
    common::clear_of_month_end().await;
    let mut app = two_regencies(db).await;

    // An address no regency claims: pages offer the regencies, the API asks which.
    let (status, chooser) = text(&app, "/").await;
    assert_eq!(status, StatusCode::MULTIPLE_CHOICES);
    assert!(chooser.contains("Kabupaten Uji") && chooser.contains("Kabupaten Dua"));
    assert!(chooser.contains(&format!("href=\"http://{ONE}/?lang=id\"")));
    assert_eq!(
        app.get("/api/v1/units/dukcapil/ikm").await.status(),
        StatusCode::UNPROCESSABLE_ENTITY
    );

    // A citizen of regency one answers there.
    app.use_host(Some(ONE));
    let (status, body) = app.answer(
        &json!({"unit": "dukcapil", "answers": [4, 4, 4, 4, 4, 4, 4, 4, 4], "idempotency_key": "tenancy-0001"}),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let receipt = body["receipt"].as_str().unwrap().to_string();
    assert_eq!(app.counted("dukcapil").await, 1);
    let (status, home) = text(&app, "/").await;
    assert_eq!(status, StatusCode::OK);
    assert!(home.contains("Kabupaten Uji") && !home.contains("Kabupaten Dua"));
    let one_key = app
        .get(&format!("/api/v1/receipts/{receipt}"))
        .await
        .json::<Value>()
        .await
        .unwrap()["public_key"]
        .clone();

    // Regency two sees none of it, and cannot be made to.
    app.use_host(Some(TWO));
    assert_eq!(app.counted("dukcapil").await, 0);
    assert_eq!(
        app.get(&format!("/api/v1/receipts/{receipt}"))
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    let (status, body) = app.answer(
        &json!({"tenant": "t1", "unit": "dukcapil", "answers": [1, 1, 1, 1, 1, 1, 1, 1, 1], "idempotency_key": "tenancy-0002"}),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    for path in [
        "/",
        "/transparansi",
        "/inovasi",
        "/musrena",
        "/musrena/statistik",
        "/survei/dukcapil",
    ] {
        let (status, page) = text(&app, path).await;
        assert!(status.is_success(), "{path}: {status}");
        assert!(!page.contains("Kabupaten Uji"), "{path} shows regency one");
    }
    let (_, transparency) = text(&app, "/transparansi").await;
    assert!(transparency.contains("Kabupaten Dua"));

    // Accounts are per regency: the same name, another password.
    assert!(app.sign_in("admin", PASSWORD).await.is_err());
    let two = app.sign_in("admin", TWO_PASSWORD).await.unwrap();
    let (_, dashboard) = {
        let got = app.get_as(&two, "/dasbor").await;
        (got.status(), got.text().await.unwrap())
    };
    assert!(dashboard.contains("Kabupaten Dua") && !dashboard.contains("Kabupaten Uji"));

    // Regency one's session is nobody at regency two, on every staff route.
    app.use_host(Some(ONE));
    let one = app.sign_in("admin", PASSWORD).await.unwrap();
    assert_eq!(app.get_as(&one, "/dasbor").await.status(), StatusCode::OK);
    app.use_host(Some(TWO));
    for route in STAFF_ROUTES {
        let path = route.path.replace(['{', '}'], "");
        let status = if route.method == "GET" {
            app.get_as(&one, &path).await.status()
        } else {
            app.post_form_as(Some(&one), &path, &[("csrf", one.csrf.as_str())])
                .await
                .status()
        };
        let expected = if route.method == "GET" {
            StatusCode::SEE_OTHER
        } else {
            StatusCode::UNAUTHORIZED
        };
        assert_eq!(status, expected, "{} {path}", route.method);
    }

    // A queue system's key works only at its own regency.
    let key = "tenancy-queue-key-0123456789abcdef";
    app.store
        .create_api_key(
            "t1",
            &suara_app::credentials::token_hash(key),
            "queue",
            "dukcapil",
            OffsetDateTime::now_utc(),
        )
        .await
        .unwrap();
    let issue = |app: &TestApp| {
        app.client
            .post(app.url("/api/v1/tickets"))
            .bearer_auth(key)
            .json(&json!({"unit": "dukcapil"}))
            .send()
    };
    assert_eq!(
        issue(&app).await.unwrap().status(),
        StatusCode::UNAUTHORIZED
    );
    app.use_host(Some(ONE));
    assert_eq!(issue(&app).await.unwrap().status(), StatusCode::CREATED);

    // Each regency's log is signed with its own key.
    app.use_host(Some(TWO));
    let (status, body) = app.answer(
        &json!({"unit": "dukcapil", "answers": [2, 2, 2, 2, 2, 2, 2, 2, 2], "idempotency_key": "tenancy-0003"}),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let two_receipt = body["receipt"].as_str().unwrap().to_string();
    let two_key = app
        .get(&format!("/api/v1/receipts/{two_receipt}"))
        .await
        .json::<Value>()
        .await
        .unwrap()["public_key"]
        .clone();
    assert!(one_key.is_string() && two_key.is_string() && one_key != two_key);
    assert_eq!(app.counted("dukcapil").await, 1);
    app.use_host(Some(ONE));
    assert_eq!(app.counted("dukcapil").await, 1);
    assert_eq!(
        app.get_as(&one, "/provinsi").await.status(),
        StatusCode::FORBIDDEN,
        "a regency's administrator sees only their regency"
    );
    // Nor can they make themselves a province account: the form offers no such role, and a
    // forged one is refused with the form's question, the account not made.
    let form = app.get_as(&one, "/admin/akun").await.text().await.unwrap();
    assert!(form.contains("value=\"planner\"") && !form.contains("value=\"province\""));
    let forged = app
        .post_form_as(
            Some(&one),
            "/admin/akun",
            &[
                ("csrf", one.csrf.as_str()),
                ("username", "mata-mata"),
                ("role", "province"),
                ("password", "kopi tubruk pagi"),
            ],
        )
        .await;
    assert_eq!(forged.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(forged.text().await.unwrap().contains("value=\"mata-mata\""));
    assert_eq!(
        app.sign_in("mata-mata", "kopi tubruk pagi").await.err(),
        Some(StatusCode::UNAUTHORIZED)
    );
    // Nor take over a province account kept in their regency's entry (made before the form
    // stopped offering the role, or from the command line) by resetting its password.
    app.add_account("provinsi-lama", Role::Province, None, None)
        .await;
    for action in ["reset", "disable", "end_sessions"] {
        let taken = app
            .post_form_as(
                Some(&one),
                "/admin/akun/tindakan",
                &[
                    ("csrf", one.csrf.as_str()),
                    ("username", "provinsi-lama"),
                    ("action", action),
                ],
            )
            .await;
        assert_eq!(taken.status(), StatusCode::UNPROCESSABLE_ENTITY, "{action}");
    }
    assert!(app.sign_in("provinsi-lama", PASSWORD).await.is_ok());

    // The province sees both regencies side by side, and nothing of either's people.
    app.store
        .upsert_tenant(&Tenant {
            tenant_id: "jatim".into(),
            name: "Provinsi Jawa Timur".into(),
            utc_offset_minutes: 420,
        })
        .await
        .unwrap();
    assert!(app.store.add_tenant_host("jatim", PROVINCE).await.unwrap());
    app.add_account_in("jatim", "provinsi", Role::Province, None, None)
        .await;
    // The host table is read again within two seconds.
    tokio::time::sleep(std::time::Duration::from_millis(2100)).await;
    app.use_host(Some(PROVINCE));
    let province = app.sign_in("provinsi", PASSWORD).await.unwrap();
    assert_eq!(province.landing, "/provinsi?lang=id");
    let page = app.get_as(&province, "/provinsi?layanan=ktp").await;
    assert_eq!(page.status(), StatusCode::OK);
    let page = page.text().await.unwrap();
    assert!(page.contains("Kabupaten Uji") && page.contains("Kabupaten Dua"));
    assert!(
        page.contains("Batas galat (95 %)") && page.contains("Dari kios dan tiket"),
        "every regency's IKM says how sure it is: {page}"
    );
    assert_eq!(
        page.matches(r#"<th class="num" scope="col">Batas galat (95 %)</th>"#)
            .count(),
        2,
        "and so does every service's: {page}"
    );
    assert!(
        !page.contains("Provinsi Jawa Timur</th>"),
        "the province is no regency"
    );
    // Regencies ranked by a graded IKM, each with its trend; the elements weakest across
    // the province. Uji's units state no users, so thirty answers this month grade it (the
    // sample is 30); Dua's state theirs and stay provisional, unranked. Uji answered a month
    // or two ago too. Uji is weak in U3, Dua in U5.
    suara_store::testing::set_monthly_users(&app.store, None).await;
    let now = time::OffsetDateTime::now_utc();
    for (tenant_id, answers, at) in [
        ("t1", [4, 4, 3, 4, 4, 4, 4, 4, 4], now),
        (
            "t1",
            [3, 3, 3, 3, 3, 3, 3, 3, 3],
            now - time::Duration::days(35),
        ),
        ("t2", [3, 3, 3, 3, 1, 3, 3, 3, 3], now),
    ] {
        let tenant = app.store.tenant(tenant_id).await.unwrap().unwrap();
        for i in 0..30 {
            let response = suara_domain::survey::validate(suara_domain::survey::ResponseDraft {
                unit: Some("dukcapil".into()),
                answers: Some(answers.iter().map(|a| Some(*a)).collect()),
                idempotency_key: Some(format!("province-{tenant_id}-{}-{i}", at.unix_timestamp())),
                ..Default::default()
            })
            .unwrap();
            let submission = suara_store::Submission {
                response: &response,
                channel: suara_store::Channel::Api,
                received_at: at,
                signals: None,
            };
            app.store
                .record_response(&tenant, submission)
                .await
                .unwrap();
        }
    }
    let month = suara_store::testing::tenant().month_of(now);
    let page = app
        .get_as(&province, &format!("/provinsi?period={month}"))
        .await
        .text()
        .await
        .unwrap();
    let ranked = |place: &str, regency: &str| {
        format!(
            r#"<td class="num" data-label="Peringkat">{place}</td><th scope="row">{regency}</th>"#
        )
    };
    assert!(
        page.contains(&ranked("1", "Kabupaten Uji"))
            && page.contains(&ranked("–", "Kabupaten Dua")),
        "{page}"
    );
    let trend = page.split("Tren IKM per kabupaten/kota").nth(1).unwrap();
    let trend = trend.split("</table>").next().unwrap();
    assert_eq!(
        trend.matches(r#"<th class="num" scope="col">"#).count(),
        4,
        "{trend}"
    );
    let uji = trend
        .split("Kabupaten Uji")
        .nth(1)
        .unwrap()
        .split("</tr>")
        .next()
        .unwrap();
    assert_eq!(
        uji.matches('–').count(),
        2,
        "two months without answers: {uji}"
    );
    let weakest = page.split("Unsur terlemah se-provinsi").nth(1).unwrap();
    let first = weakest.split("</tr>").nth(1).unwrap();
    let u5 = suara_app::i18n::element_name(
        suara_app::i18n::Lang::ID,
        suara_domain::skm::Element::ALL[4],
    );
    assert!(first.contains(u5) && first.ends_with(">1</td>"), "{first}");
    // The province's table of service codes: Dua's KTP counted as the province's
    // "ktp-el" beside Uji's. A file with one bad row changes nothing and names every
    // problem; a good one replaces the table, audited.
    let send = |file: &'static str| {
        let form = reqwest::multipart::Form::new()
            .text("csrf", province.csrf.clone())
            .part(
                "file",
                reqwest::multipart::Part::bytes(file.as_bytes()).file_name("padanan.csv"),
            );
        app.client
            .post(app.url("/provinsi/padanan?lang=id"))
            .header("cookie", format!("suara_session={}", province.cookie))
            .multipart(form)
            .send()
    };
    let refused = send(
        "KODE DAERAH;KODE LAYANAN;KODE LAYANAN PROVINSI\nt1;ktp;ktp-el\nKabupaten Tiga;ktp;ktp-el\nt2;paspor;ktp-el\n",
    )
    .await
    .unwrap();
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = refused.text().await.unwrap();
    assert!(
        page.contains("Baris 3: 'Kabupaten Tiga' bukan kode atau nama kabupaten/kota di sini")
            && page.contains("Baris 4: kabupaten/kota 't2' tidak punya layanan berkode 'paspor'")
            && page.contains("Belum ada padanan"),
        "{page}"
    );
    let saved = send(
        "KODE DAERAH;KODE LAYANAN;KODE LAYANAN PROVINSI\nt1;ktp;ktp-el\nKabupaten Dua;ktp;ktp-el\n",
    )
    .await
    .unwrap();
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    let page = app
        .get_as(&province, saved.headers()["location"].to_str().unwrap())
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("Tabel padanan disimpan: 2 baris."), "{page}");
    let compared = app
        .get_as(
            &province,
            &format!("/provinsi?period={month}&layanan=ktp-el"),
        )
        .await
        .text()
        .await
        .unwrap();
    let table = compared
        .split("Layanan yang sama di setiap daerah")
        .nth(1)
        .unwrap();
    assert!(
        table.contains("<option value=\"ktp-el\" selected>")
            && table.contains("Kabupaten Uji")
            && table.contains("Kabupaten Dua"),
        "{table}"
    );
    let audit = app.store.audit_log("jatim", None, 10).await.unwrap();
    assert!(
        audit.iter().any(|e| e.entity == "province_service_map"),
        "{audit:?}"
    );

    // The province's entry is no regency: citizens' chooser leaves it out, and its host
    // name opens the province's view.
    app.use_host(None);
    let (status, chooser) = text(&app, "/").await;
    assert_eq!(status, StatusCode::MULTIPLE_CHOICES);
    assert!(chooser.contains("Kabupaten Uji") && !chooser.contains("Provinsi Jawa Timur"));
    app.use_host(Some(PROVINCE));
    let home = app.get("/").await;
    assert_eq!(home.status(), StatusCode::SEE_OTHER);
    assert_eq!(home.headers()["location"], "/provinsi?lang=id");

    let csv = app
        .get_as(&province, "/provinsi?format=csv")
        .await
        .text()
        .await
        .unwrap();
    let csv = common::machine_csv(&csv);
    assert!(csv.starts_with(
        "regency_code,regency,service_code,service,ikm,grade,responses,margin_95,onsite_percent,rank\n"
    ));
    assert!(
        csv.contains("t1,Kabupaten Uji,,,") && csv.contains("t2,Kabupaten Dua,,,"),
        "{csv}"
    );
    assert!(
        csv.contains("t1,Kabupaten Uji,ktp-el,"),
        "by the province's code: {csv}"
    );
    for path in ["/dasbor", "/tpp", "/admin/akun", "/admin/karantina"] {
        assert_eq!(
            app.get_as(&province, path).await.status(),
            StatusCode::FORBIDDEN,
            "{path}"
        );
    }
}
