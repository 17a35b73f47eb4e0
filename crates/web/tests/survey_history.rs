//! A unit's past SKM from Google Forms (issue 34): the unit admin uploads last year's export,
//! corrects the mapping the page guessed (an answer off the scale), sees every problem in a
//! dry run, imports, and finds the months in the unit's trend, marked as imported. History
//! never counts twice, never fills a month the survey counted, never reaches the published
//! IKM or pay, and only the unit's own administrator may import or remove it.
#![allow(clippy::unwrap_used)] // a test that unwraps fails with the value's message
#![allow(clippy::too_many_lines)] // a scenario reads top to bottom, as its user would do it

mod common;

use common::{clear_of_month_end, hidden_value, Session, TestApp, PASSWORD};
use reqwest::StatusCode;
use suara_domain::access::Role;
use suara_domain::period::Month;
use suara_domain::survey::{validate, ResponseDraft};
use suara_store::testing::{tenant, TestDatabase};
use suara_store::{Channel, Scope, Submission};
use time::OffsetDateTime;

suara_store::backend_tests!(a_google_forms_export_of_last_year_shows_in_the_units_trend);

const QUESTIONS: [&str; 9] = [
    "Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan?",
    "Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan?",
    "Bagaimana pendapat Saudara tentang kecepatan waktu pelayanan?",
    "Bagaimana pendapat Saudara tentang kewajaran biaya/tarif?",
    "Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan?",
    "Bagaimana pendapat Saudara tentang kompetensi petugas?",
    "Bagaimana pendapat Saudara tentang perilaku petugas (kesopanan dan keramahan)?",
    "Bagaimana pendapat Saudara tentang penanganan pengaduan?",
    "Bagaimana pendapat Saudara tentang sarana dan prasarana?",
];

/// A Google Forms export: a timestamp, personal columns, the nine questions, free text.
fn export(rows: &[(&str, &str)]) -> Vec<u8> {
    let mut text = format!(
        "Stempel waktu,Alamat email,Nama,{},Kritik dan saran\n",
        QUESTIONS.map(|q| format!("\"{q}\"")).join(",")
    );
    for (day, first) in rows {
        text.push_str(&format!(
            "{day} 09:15:00,warga@example.com,Warga,{first},Mudah,Cepat,Gratis,Sesuai,Kompeten,Sopan dan ramah,Dikelola dengan baik,Baik,Bagus\n"
        ));
    }
    text.into_bytes()
}

async fn upload(
    app: &TestApp,
    who: Option<&Session>,
    unit: &str,
    file: Vec<u8>,
    name: &str,
) -> reqwest::Response {
    let form = reqwest::multipart::Form::new()
        .text("csrf", who.map_or(String::new(), |s| s.csrf.clone()))
        .text("action", "check")
        .part(
            "file",
            reqwest::multipart::Part::bytes(file).file_name(name.to_string()),
        );
    let mut request = app
        .client
        .post(app.url(&format!("/dasbor/unit/{unit}/riwayat")))
        .multipart(form);
    if let Some(who) = who {
        request = request.header("cookie", format!("suara_session={}", who.cookie));
    }
    request.send().await.unwrap()
}

/// The mapping step's form sent again, with the answers chosen and the action.
async fn step(
    app: &TestApp,
    who: &Session,
    page: &str,
    answers: &[(&str, &str)],
    action: &str,
) -> reqwest::Response {
    let mut form = reqwest::multipart::Form::new()
        .text("csrf", who.csrf.clone())
        .text("action", action.to_string())
        .text("data", hidden_value(page, "data").unwrap())
        .text("file_name", hidden_value(page, "file_name").unwrap())
        .text("date", "0")
        .text("order", "dmy");
    for i in 0..9 {
        form = form.text(format!("u{}", i + 1), (i + 3).to_string());
    }
    for (i, (key, value)) in answers.iter().enumerate() {
        form = form
            .text(format!("answer-key-{i}"), key.to_string())
            .text(format!("answer-{i}"), value.to_string());
    }
    app.client
        .post(app.url("/dasbor/unit/dukcapil/riwayat"))
        .header("cookie", format!("suara_session={}", who.cookie))
        .multipart(form)
        .send()
        .await
        .unwrap()
}

async fn a_google_forms_export_of_last_year_shows_in_the_units_trend(db: TestDatabase) {
    let url = db.url.clone();
    let app = TestApp::spawn(db).await;
    // "This month" is read by the test and the server alike: one month for both.
    clear_of_month_end().await;
    let now = OffsetDateTime::now_utc();
    let this_month = tenant().month_of(now);
    let last_month = this_month.previous();
    let year = this_month.year() - 1;
    let month = |m: u8| Month::new(year, m).unwrap();
    // The survey itself counted one response last month.
    let response = validate(ResponseDraft {
        unit: Some("dukcapil".into()),
        answers: Some(vec![Some(2); 9]),
        idempotency_key: Some("history-live-0001".into()),
        ..ResponseDraft::default()
    })
    .unwrap();
    let received_at = last_month
        .last_day()
        .midnight()
        .assume_offset(tenant().offset());
    app.store
        .record_response(
            &tenant(),
            Submission {
                response: &response,
                channel: Channel::Web,
                received_at,
                signals: None,
            },
        )
        .await
        .unwrap();
    app.add_account("admin-dukcapil", Role::UnitAdmin, Some("dukcapil"), None)
        .await;
    let admin = app.sign_in("admin-dukcapil", PASSWORD).await.unwrap();

    // The unit page leads to the import.
    let unit_page = app
        .get_as(&admin, "/dasbor/unit/dukcapil")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        unit_page.contains("Impor hasil survei terdahulu"),
        "{unit_page}"
    );

    // Last year's export: January twice, February, March once with an answer off the scale.
    let file = export(&[
        (&format!("14/01/{year}"), "Sangat sesuai"),
        (&format!("20/01/{year}"), "Sesuai"),
        (&format!("03/02/{year}"), "Sesuai"),
        (&format!("11/03/{year}"), "Lumayan"),
    ]);
    let first = upload(
        &app,
        Some(&admin),
        "dukcapil",
        file.clone(),
        "SKM Dukcapil (Jawaban).csv",
    )
    .await;
    assert_eq!(first.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = first.text().await.unwrap();
    assert!(
        page.contains("Jawaban «Lumayan» (1 kali, pertama di baris 5)"),
        "{page}"
    );
    assert!(
        page.contains("<option value=\"0\" selected>Stempel waktu</option>"),
        "{page}"
    );
    assert!(
        !page.contains("Impor riwayat ini"),
        "no import while a problem is open"
    );

    // The admin gives «Lumayan» a 3: the dry run is clean and shows what would be added.
    let checked = step(&app, &admin, &page, &[("lumayan", "3")], "check").await;
    assert_eq!(checked.status(), StatusCode::OK);
    let checked = checked.text().await.unwrap();
    assert!(
        checked.contains("Yang akan ditambahkan impor: 4 tanggapan"),
        "{checked}"
    );
    assert!(checked.contains(&format!("Januari {year}")), "{checked}");
    assert!(checked.contains("Impor riwayat ini"));
    assert!(
        !checked.contains("warga@example.com"),
        "personal columns are not shown"
    );

    let imported = step(&app, &admin, &page, &[("lumayan", "3")], "import").await;
    assert_eq!(imported.status(), StatusCode::OK);
    let imported = imported.text().await.unwrap();
    assert!(imported.contains("Riwayat sudah diimpor."), "{imported}");
    let history = || async {
        app.store
            .survey_history_tallies("t1", "dukcapil", month(1), month(12))
            .await
            .unwrap()
    };
    let stored = history().await;
    assert_eq!(stored.len(), 3);
    assert_eq!(stored[0].1.responses(), 2);
    assert_eq!(stored[2].1.sums()[0], 3, "«Lumayan» counts as chosen");

    // The trend of last year shows the months, marked as imported.
    let trend = app
        .get_as(&admin, &format!("/dasbor/unit/dukcapil?period={year}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        trend.contains(&format!("Januari {year} <span class=\"flag\">impor</span>")),
        "{trend}"
    );
    assert!(trend.contains("tidak pernah dipakai untuk TPP"));

    // The same file again adds nothing.
    let again = upload(&app, Some(&admin), "dukcapil", file.clone(), "salinan.csv").await;
    let again = again.text().await.unwrap();
    let again = step(&app, &admin, &again, &[("lumayan", "3")], "import").await;
    assert!(again.text().await.unwrap().contains("sudah pernah diimpor"));
    assert_eq!(history().await, stored);

    // Another file reaching into March, and into last month (the survey counted it) and
    // this month: refused, each month named, nothing added.
    let overlapping = export(&[
        (&format!("28/03/{year}"), "Sesuai"),
        (
            &last_month
                .first_day()
                .format(&time::macros::format_description!("[day]/[month]/[year]"))
                .unwrap(),
            "Sesuai",
        ),
    ]);
    let page = upload(&app, Some(&admin), "dukcapil", overlapping, "lagi.csv")
        .await
        .text()
        .await
        .unwrap();
    let refused = step(&app, &admin, &page, &[], "import").await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let refused = refused.text().await.unwrap();
    assert!(
        refused.contains(&format!("Maret {year} sudah ada dalam impor sebelumnya")),
        "{refused}"
    );
    assert!(
        refused.contains("sudah berisi tanggapan survei"),
        "{refused}"
    );
    assert_eq!(history().await, stored);
    let today = now
        .to_offset(tenant().offset())
        .date()
        .format(&time::macros::format_description!("[day]/[month]/[year]"))
        .unwrap();
    let current = upload(
        &app,
        Some(&admin),
        "dukcapil",
        export(&[(&today, "Sesuai"), (&format!("28/03/{year}"), "Sesuai")]),
        "kini.csv",
    )
    .await
    .text()
    .await
    .unwrap();
    assert!(current.contains("belum lewat"), "{current}");

    // History is not evidence: the published totals of those months and last month's, and so
    // pay, are the survey's alone.
    for (first, last, expected) in [(month(1), month(3), 0), (last_month, last_month, 1)] {
        let tally = app
            .store
            .tally("t1", Scope::Unit("dukcapil"), first, last)
            .await
            .unwrap();
        assert_eq!(tally.responses(), expected);
    }

    // Outsiders, other units' admins and officers can neither see nor import.
    let outsider = upload(&app, None, "dukcapil", file.clone(), "x.csv").await;
    assert!(!outsider.status().is_success(), "{}", outsider.status());
    app.add_account("admin-rsud", Role::UnitAdmin, Some("rsud"), None)
        .await;
    let rival = app.sign_in("admin-rsud", PASSWORD).await.unwrap();
    assert_eq!(
        app.get_as(&rival, "/dasbor/unit/dukcapil/riwayat")
            .await
            .status(),
        StatusCode::FORBIDDEN
    );
    let forged = upload(&app, Some(&rival), "dukcapil", file.clone(), "x.csv").await;
    assert_eq!(forged.status(), StatusCode::FORBIDDEN);
    let removal = app
        .post_form_as(
            Some(&rival),
            "/dasbor/unit/dukcapil/riwayat/hapus",
            &[("csrf", &rival.csrf), ("import", "x"), ("confirm", "yes")],
        )
        .await;
    assert_eq!(removal.status(), StatusCode::FORBIDDEN);
    assert_eq!(history().await, stored);

    // Someone editing the database can fill a month the survey counted, but the trend shows
    // the survey's month and the published totals never read history.
    let rows = app
        .store
        .survey_history_imports("t1", "dukcapil")
        .await
        .unwrap();
    sqlx_edit(&url, &rows[0].import_id, last_month).await;
    let trend = app
        .get_as(&admin, "/dasbor/unit/dukcapil")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        !trend.contains(&format!(
            "{} <span class=\"flag\">impor</span>",
            last_month_name(last_month)
        )),
        "{trend}"
    );
    let tally = app
        .store
        .tally("t1", Scope::Unit("dukcapil"), last_month, last_month)
        .await
        .unwrap();
    assert_eq!(tally.responses(), 1);

    // The admin removes the import, after a confirmation page; the trend loses the months.
    let list = app
        .get_as(&admin, "/dasbor/unit/dukcapil/riwayat")
        .await
        .text()
        .await
        .unwrap();
    assert!(list.contains("SKM Dukcapil (Jawaban).csv"), "{list}");
    let ask = app
        .post_form_as(
            Some(&admin),
            "/dasbor/unit/dukcapil/riwayat/hapus",
            &[("csrf", &admin.csrf), ("import", &rows[0].import_id)],
        )
        .await;
    assert!(ask
        .text()
        .await
        .unwrap()
        .contains("Hapus riwayat yang diimpor?"));
    let removed = app
        .post_form_as(
            Some(&admin),
            "/dasbor/unit/dukcapil/riwayat/hapus",
            &[
                ("csrf", &admin.csrf),
                ("import", &rows[0].import_id),
                ("confirm", "yes"),
            ],
        )
        .await;
    assert_eq!(removed.status(), StatusCode::SEE_OTHER);
    assert!(history().await.is_empty());

    // Both steps are in the audit log, in words.
    app.add_account("auditor", Role::Administrator, None, None)
        .await;
    let auditor = app.sign_in("auditor", PASSWORD).await.unwrap();
    let audit = app
        .get_as(&auditor, "/admin/audit")
        .await
        .text()
        .await
        .unwrap();
    assert!(audit.contains("Riwayat survei yang diimpor"), "{audit}");
    assert!(audit.contains("SKM Dukcapil (Jawaban).csv"), "{audit}");

    // Two imports of one file at the same moment: one stores it, the other finds it stored.
    let tally = |m: u8| {
        let mut tally = suara_domain::skm::Tally::default();
        tally.add(&suara_domain::skm::Answers::complete([m % 4 + 1; 9]).unwrap());
        (month(m), tally)
    };
    let months = [tally(6), tally(7)].into_iter().collect();
    let twice = suara_store::NewHistory {
        unit_id: "dukcapil",
        file_name: "bersamaan.csv",
        file: b"one file",
        months: &months,
    };
    let (a, b) = tokio::join!(
        app.store
            .import_survey_history("t1", &twice, "admin-dukcapil", now),
        app.store
            .import_survey_history("t1", &twice, "admin-dukcapil", now),
    );
    let outcomes = [a.unwrap(), b.unwrap()];
    let stored = outcomes
        .iter()
        .filter(|o| matches!(o, suara_store::HistoryOutcome::Imported(_)))
        .count();
    let found = outcomes
        .iter()
        .filter(|o| matches!(o, suara_store::HistoryOutcome::AlreadyImported(_)))
        .count();
    assert_eq!((stored, found), (1, 1), "{outcomes:?}");
    assert_eq!(history().await.len(), 2);
}

fn last_month_name(month: Month) -> String {
    suara_app::i18n::Lang::ID.month(month)
}

/// Writes a history row for `month` into the database directly, as an insider without the
/// application would.
async fn sqlx_edit(url: &str, import_id: &str, month: Month) {
    let values = std::iter::repeat_n("36", 9)
        .chain(std::iter::repeat_n("9", 9))
        .collect::<Vec<_>>()
        .join(", ");
    let raw = sqlx::AnyPool::connect(url).await.unwrap();
    sqlx::query(&format!(
        "INSERT INTO survey_history (tenant_id, unit_id, period_month, import_id, responses,
             s1, s2, s3, s4, s5, s6, s7, s8, s9, n1, n2, n3, n4, n5, n6, n7, n8, n9)
         VALUES ('t1', 'dukcapil', '{month}', '{import_id}', 9, {values})"
    ))
    .execute(&raw)
    .await
    .unwrap();
}
