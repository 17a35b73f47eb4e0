//! A survey a regency adapts (issue 34): a unit administrator words the nine elements for
//! one service in plain language and adds extra questions; citizens choose the service
//! first, read its words, answer the extra questions; those answers are stored once,
//! exported, and never move the IKM. Another unit's administrator and an outsider are
//! refused, and a question reworded in the database behind the application's back stops
//! the payroll.
#![allow(clippy::unwrap_used)] // a test that unwraps fails with the value's message
#![allow(clippy::too_many_lines)] // a scenario reads top to bottom, as its user would do it

mod common;

use common::{Session, TestApp, PASSWORD};
use reqwest::StatusCode;
use suara_domain::access::Role;
use suara_store::testing::TestDatabase;

suara_store::backend_tests!(a_service_asks_in_its_own_words_and_extra_answers_stay_out_of_the_ikm);

const PAGE: &str = "/dasbor/unit/dukcapil/kuesioner?lang=id";

/// Posts the KTP service's survey form as `who`, with the plain-words first question.
async fn save(app: &TestApp, who: &Session, fields: &[(&str, &str)]) -> reqwest::Response {
    let mut form = vec![
        ("csrf", who.csrf.as_str()),
        ("service", "ktp"),
        ("w1", "Apakah syarat mengurus KTP-el mudah dipenuhi?"),
    ];
    form.extend_from_slice(fields);
    app.post_form_as(Some(who), PAGE, &form).await
}

/// The number of the extra question whose text is `question` on the survey page.
fn question_number(page: &str, question: &str) -> String {
    let before = page.split(question).next().unwrap();
    let name = before.rsplit("id=\"q-x").next().unwrap();
    name.split('"').next().unwrap().to_string()
}

async fn a_service_asks_in_its_own_words_and_extra_answers_stay_out_of_the_ikm(db: TestDatabase) {
    common::clear_of_month_end().await;
    let url = db.url.clone();
    let app = TestApp::spawn(db).await;
    app.add_account("admin-dukcapil", Role::UnitAdmin, Some("dukcapil"), None)
        .await;
    app.add_account("admin-rsud", Role::UnitAdmin, Some("rsud"), None)
        .await;
    app.add_account("admin-kab", Role::Administrator, None, None)
        .await;
    let admin = app.sign_in("admin-dukcapil", PASSWORD).await.unwrap();

    // The unit's page lists its services, each with the standard questions for now.
    let unit_page = app
        .get_as(&admin, "/dasbor/unit/dukcapil?lang=id")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        unit_page.contains("Atur kuesioner per layanan"),
        "{unit_page}"
    );
    let list = app.get_as(&admin, PAGE).await.text().await.unwrap();
    assert!(
        list.contains("KTP-el") && list.contains("Pertanyaan baku"),
        "{list}"
    );

    // A refused form names every problem and keeps what was typed; nothing is stored.
    let long = "panjang ".repeat(40);
    let refused = save(
        &app,
        &admin,
        &[
            ("w5", &long),
            ("q1", "Dari mana Anda tahu layanan ini?"),
            ("q1_kind", "choice"),
            ("q1_options", "Teman"),
        ],
    )
    .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = refused.text().await.unwrap();
    assert!(
        page.contains("Kata-kata unsur 5 paling panjang 300 karakter")
            && page.contains("memerlukan 2 sampai 6 pilihan jawaban")
            && page.contains("Apakah syarat mengurus KTP-el mudah dipenuhi?</textarea>"),
        "{page}"
    );
    let stored = app.store.service_survey("t1", "ktp").await.unwrap();
    assert!(stored.adaptation().is_standard());

    // Saved: the first element in plain words, a choice and a short-answer question.
    let saved = save(
        &app,
        &admin,
        &[
            ("q1", "Dari mana Anda tahu layanan ini?"),
            ("q1_kind", "choice"),
            ("q1_options", "Teman atau tetangga\nMedia sosial\nSpanduk"),
            ("q2", "Apa yang paling perlu diperbaiki?"),
            ("q2_kind", "text"),
        ],
    )
    .await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    let shown = app
        .get_as(&admin, saved.headers()["location"].to_str().unwrap())
        .await
        .text()
        .await
        .unwrap();
    assert!(shown.contains("Kuesioner disimpan"), "{shown}");

    // Another unit's administrator, and an outsider, change nothing.
    let other = app.sign_in("admin-rsud", PASSWORD).await.unwrap();
    let page = app
        .get_as(&other, "/dasbor/unit/dukcapil/kuesioner?layanan=ktp")
        .await;
    assert_eq!(page.status(), StatusCode::FORBIDDEN);
    let rival = [
        ("csrf", other.csrf.as_str()),
        ("service", "ktp"),
        ("w1", "Apakah petugas kami sangat memuaskan?"),
    ];
    let refused = app.post_form_as(Some(&other), PAGE, &rival).await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let outsider = app.post_form_as(None, PAGE, &rival).await;
    assert!(outsider.status().is_redirection() || outsider.status().is_client_error());
    assert_eq!(
        app.store.service_survey("t1", "ktp").await.unwrap().wording[0].as_deref(),
        Some("Apakah syarat mengurus KTP-el mudah dipenuhi?")
    );

    // A citizen chooses the service first, then reads its words and its extra questions.
    let choice = app
        .get("/survei/dukcapil?lang=id")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        choice.contains("Layanan apa yang baru Anda terima?"),
        "{choice}"
    );
    let form = app
        .get("/survei/dukcapil?lang=id&service=ktp")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        form.contains("Apakah syarat mengurus KTP-el mudah dipenuhi?")
            && form.contains("Pertanyaan tambahan")
            && form.contains("Spanduk"),
        "{form}"
    );
    let from_where = question_number(&form, "Dari mana Anda tahu layanan ini?");
    let improve = question_number(&form, "Apa yang paling perlu diperbaiki?");
    let key = common::hidden_value(&form, "idempotency_key").unwrap();
    let (choice_field, text_field) = (format!("x{from_where}"), format!("x{improve}"));
    let mut answer: Vec<(&str, &str)> = vec![
        ("unit", "dukcapil"),
        ("service", "ktp"),
        ("lang", "id"),
        ("idempotency_key", &key),
    ];
    let elements = ["u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8", "u9"];
    answer.extend(elements.iter().map(|u| (*u, "4")));
    // A choice that is not one of the answers is refused, with everything kept.
    let mut wrong = answer.clone();
    wrong.push((&choice_field, "Radio"));
    let refused = app.post_form_as(None, "/api/v1/responses", &wrong).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = refused.text().await.unwrap();
    assert!(
        page.contains("Pertanyaan tambahan: ")
            && page.contains(&format!("href=\"#q-{choice_field}\"")),
        "{page}"
    );
    answer.push((&choice_field, "Spanduk"));
    answer.push((&text_field, "Antrean lama, hubungi saya di 081234567890"));
    for _ in 0..2 {
        // Sent twice (a double tap): stored once.
        let sent = app.post_form_as(None, "/api/v1/responses", &answer).await;
        assert_eq!(sent.status(), StatusCode::CREATED);
    }
    // At the counter's kiosk, the same: the service first, then its words and questions;
    // the tablet's answer carries the extra answers too.
    common::scene::register_kiosk(&app, "kiosk-1", "kiosk-token-1", "Tablet loket 1", true).await;
    let app = &app;
    let kiosk = |path: &'static str| async move {
        let page = app
            .client
            .get(app.url(path))
            .header("cookie", "suara_kios=kiosk-token-1")
            .send()
            .await
            .unwrap();
        page.text().await.unwrap()
    };
    let choice = kiosk("/kios/loket-1?lang=id").await;
    assert!(
        choice.contains("Layanan apa yang baru Anda terima?")
            && choice.contains("action=\"/kios/loket-1\""),
        "{choice}"
    );
    let form = kiosk("/kios/loket-1?lang=id&service=ktp").await;
    assert!(
        form.contains("Apakah syarat mengurus KTP-el mudah dipenuhi?")
            && form.contains(&format!("name=\"{choice_field}\"")),
        "{form}"
    );
    let mut at_kiosk: Vec<(&str, &str)> = vec![
        ("service", "ktp"),
        ("lang", "id"),
        ("idempotency_key", "kiosk-extra-0001"),
        (&choice_field, "Teman atau tetangga"),
    ];
    at_kiosk.extend(elements.iter().map(|u| (*u, "4")));
    let sent = app
        .client
        .post(app.url("/kios/loket-1?lang=id"))
        .header("cookie", "suara_kios=kiosk-token-1")
        .form(&at_kiosk)
        .send()
        .await
        .unwrap();
    assert_eq!(sent.status(), StatusCode::CREATED);

    // The API refuses an answer to a question the service does not ask.
    let (status, body) = app
        .answer(&serde_json::json!({
            "unit": "dukcapil", "service": "ktp", "answers": [4, 4, 4, 4, 4, 4, 4, 4, 4],
            "idempotency_key": "extra-unknown-1", "extra": [{"question": 999, "answer": "ya"}],
        }))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(body.to_string().contains("extra[0].question"), "{body}");

    // The IKM counts the nine answers only: one response, every element 4 → 100.
    let ikm: serde_json::Value = app
        .get("/api/v1/units/dukcapil/ikm")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(ikm["responses"], 2, "{ikm}");
    assert_eq!(ikm["ikm"].as_f64(), Some(100.0), "{ikm}");

    // Rewording a question retires it: its answers stay with the words they answered.
    let reworded = save(
        app,
        &admin,
        &[
            ("q1", "Dari mana Anda mengetahui layanan KTP-el?"),
            ("q1_kind", "choice"),
            ("q1_options", "Teman atau tetangga\nMedia sosial\nSpanduk"),
            ("q2", "Apa yang paling perlu diperbaiki?"),
            ("q2_kind", "text"),
        ],
    )
    .await;
    assert_eq!(reworded.status(), StatusCode::SEE_OTHER);
    let month = suara_store::testing::tenant().month_of(time::OffsetDateTime::now_utc());
    let sheet = app
        .get_as(
            &admin,
            &format!(
                "/dasbor/ekspor?jenis=tambahan&unit=dukcapil&period={month}&format=xlsx&lang=id"
            ),
        )
        .await;
    assert_eq!(sheet.status(), StatusCode::OK);
    let text = common::sheet_text(&sheet.bytes().await.unwrap(), "Pertanyaan tambahan");
    assert!(
        text.contains("Dari mana Anda tahu layanan ini?")
            && text.contains("Spanduk")
            && text.contains("Teman atau tetangga")
            && text.contains("|tidak|")
            && text.contains("Antrean lama")
            && !text.contains("081234567890"),
        "{text}"
    );
    let csv = app
        .get_as(
            &admin,
            &format!(
                "/dasbor/ekspor?jenis=tambahan&unit=dukcapil&period={month}&format=csv&lang=id"
            ),
        )
        .await
        .text()
        .await
        .unwrap();
    let csv = common::machine_csv(&csv);
    assert_eq!(
        csv.lines().count(),
        4,
        "a header and one row per answer: {csv}"
    );
    // Another unit's administrator gets no extra answers of this unit.
    let theirs = app
        .get_as(
            &other,
            &format!("/dasbor/ekspor?jenis=tambahan&unit=dukcapil&period={month}&format=csv"),
        )
        .await;
    assert_eq!(theirs.status(), StatusCode::FORBIDDEN);

    // Every change is in the audit log, in words.
    let regency_admin = app.sign_in("admin-kab", PASSWORD).await.unwrap();
    let audit = app
        .get_as(&regency_admin, "/admin/audit?lang=id")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        audit.contains("Kuesioner per layanan") && audit.contains("Memilih salah satu jawaban"),
        "{audit}"
    );

    // Someone with the database but not the key rewords a question to lead respondents:
    // verification names the service, and the payroll refuses to compute from it.
    let problem = || async { app.store.verify("t1", None, &[]).await.unwrap().problem };
    assert_eq!(problem().await, None);
    let raw = sqlx::AnyPool::connect(&url).await.unwrap();
    sqlx::query("UPDATE survey_wording SET wording = 'Bukankah syaratnya sangat mudah?'")
        .execute(&raw)
        .await
        .unwrap();
    let found = problem().await.unwrap();
    assert!(
        found.contains("service ktp") && found.contains("behind the application's back"),
        "{found}"
    );
}
