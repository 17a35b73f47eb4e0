//! Citizens' suggestions are reviewed by their unit before others read them: one that may
//! name or locate someone is held from planners and exports, nothing is published
//! unreviewed, a review only takes words away, and a review written into the database past
//! the page is found by `suara verify`.
#![allow(clippy::unwrap_used)] // a test that unwraps fails with the value's message

mod common;

use common::{Session, TestApp, PASSWORD};
use reqwest::StatusCode;
use suara_domain::access::Role;
use suara_domain::survey::{validate, ResponseDraft};
use suara_store::testing::{tenant, TestDatabase};
use suara_store::{Channel, Submission};
use time::OffsetDateTime;

suara_store::backend_tests!(suggestions_are_reviewed_before_others_read_them);

const FLAGGED: &str = "Pak Budi di loket 2 kasar, rumah saya Jl. Mawar 5";
const PLAIN: &str = "Antrean terlalu lama";
const LATER: &str = "Ruang tunggu panas";
const PAGE: &str = "/dasbor/unit/dukcapil/saran?lang=id";

async fn answer_with(app: &TestApp, key: &str, suggestion: &str) {
    let response = validate(ResponseDraft {
        unit: Some("dukcapil".into()),
        answers: Some(vec![Some(3); 9]),
        suggestion: Some(suggestion.into()),
        idempotency_key: Some(key.into()),
        ..ResponseDraft::default()
    })
    .unwrap();
    let submission = Submission {
        response: &response,
        channel: Channel::Web,
        received_at: OffsetDateTime::now_utc(),
        signals: None,
    };
    app.store
        .record_response(&tenant(), submission)
        .await
        .unwrap();
}

async fn text(app: &TestApp, who: &Session, path: &str) -> String {
    let page = app.get_as(who, path).await;
    assert_eq!(page.status(), StatusCode::OK, "{path}");
    page.text().await.unwrap()
}

/// What staff outside the unit read: the ideas page and the responses' export.
async fn read_by_others(app: &TestApp, planner: &Session, admin: &Session, year: &str) -> String {
    let ideas = text(
        app,
        planner,
        &format!("/kelola/inovasi/ide?lang=id&period={year}"),
    )
    .await;
    let export = text(
        app,
        admin,
        &format!("/dasbor/ekspor?jenis=tanggapan&unit=dukcapil&period={year}&format=csv"),
    )
    .await;
    format!("{ideas}\n{export}")
}

async fn report(app: &TestApp, admin: &Session, year: &str) -> String {
    let pdf = app
        .get_as(
            admin,
            &format!("/dasbor/unit/dukcapil/laporan?period={year}"),
        )
        .await
        .bytes()
        .await
        .unwrap();
    String::from_utf8_lossy(&pdf).into_owned()
}

async fn suggestions_are_reviewed_before_others_read_them(db: TestDatabase) {
    let url = db.url.clone();
    let app = TestApp::spawn(db).await;
    for (username, role, unit) in [
        ("admin", Role::Administrator, None),
        ("unit-dukcapil", Role::UnitAdmin, Some("dukcapil")),
        ("unit-rsud", Role::UnitAdmin, Some("rsud")),
        ("bappeda", Role::Planner, None),
    ] {
        app.add_account(username, role, unit, None).await;
    }
    let admin = app.sign_in("admin", PASSWORD).await.unwrap();
    let reviewer = app.sign_in("unit-dukcapil", PASSWORD).await.unwrap();
    let other_unit = app.sign_in("unit-rsud", PASSWORD).await.unwrap();
    let planner = app.sign_in("bappeda", PASSWORD).await.unwrap();
    answer_with(&app, "saran-001", FLAGGED).await;
    answer_with(&app, "saran-002", FLAGGED).await;
    answer_with(&app, "saran-003", PLAIN).await;
    let year = tenant()
        .month_of(OffsetDateTime::now_utc())
        .year()
        .to_string();

    // Before review: staff read the plain one only, the report lists none.
    let others = read_by_others(&app, &planner, &admin, &year).await;
    assert!(
        others.contains(PLAIN) && !others.contains("Budi") && !others.contains("Mawar"),
        "{others}"
    );
    let pdf = report(&app, &admin, &year).await;
    assert!(
        !pdf.contains(PLAIN) && pdf.contains("3 saran belum ditinjau unit"),
        "nothing published unreviewed"
    );

    // Who may review: the unit's administrators only.
    for (who, status) in [
        (&other_unit, StatusCode::FORBIDDEN),
        (&planner, StatusCode::FORBIDDEN),
    ] {
        assert_eq!(app.get_as(who, PAGE).await.status(), status);
        let post = app
            .post_form_as(
                Some(who),
                PAGE,
                &[("csrf", &who.csrf), ("semua", "ya"), ("confirm", "yes")],
            )
            .await;
        assert_eq!(post.status(), status);
    }
    let outsider = app.client.get(app.url(PAGE)).send().await.unwrap();
    assert_eq!(
        outsider.status(),
        StatusCode::SEE_OTHER,
        "an outsider is sent to sign in"
    );
    let unit_page = text(&app, &reviewer, "/dasbor/unit/dukcapil?lang=id").await;
    assert!(
        unit_page.contains("Tinjau saran warga (3 menunggu)"),
        "{unit_page}"
    );

    // The flagged text comes first, with why.
    let queue = text(&app, &reviewer, PAGE).await;
    assert!(
        queue.contains("3 saran menunggu tinjauan")
            && queue.contains("mungkin menyebut nama seseorang"),
        "{queue}"
    );
    let key = common::hidden_value(&queue, "kunci").unwrap();
    assert!(queue.find("Budi").unwrap() < queue.find(PLAIN).unwrap());

    // A word added is refused, with the typed text kept, inside the staff layout.
    let added = app
        .post_form_as(
            Some(&reviewer),
            PAGE,
            &[
                ("csrf", &reviewer.csrf),
                ("kunci", &key),
                ("teks", "Pak Budi sangat kasar"),
            ],
        )
        .await;
    assert_eq!(added.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let added = added.text().await.unwrap();
    assert!(
        added.contains("error-summary")
            && added.contains("Kata “sangat”")
            && added.contains(">Pak Budi sangat kasar</textarea>")
            && added.contains("nav class=\"staff\""),
        "{added}"
    );

    // Deleting words: the confirmation shows what others will read; then it is saved.
    let edited = "Pak di loket 2 kasar, rumah saya";
    let check = app
        .post_form_as(
            Some(&reviewer),
            PAGE,
            &[("csrf", &reviewer.csrf), ("kunci", &key), ("teks", edited)],
        )
        .await;
    assert_eq!(check.status(), StatusCode::OK);
    let check = check.text().await.unwrap();
    let masked = "Pak [disamarkan] di loket 2 kasar, rumah saya [disamarkan]";
    assert!(
        check.contains(masked) && check.contains("Ya, simpan tinjauan"),
        "{check}"
    );
    let saved = app
        .post_form_as(
            Some(&reviewer),
            PAGE,
            &[
                ("csrf", &reviewer.csrf),
                ("kunci", &key),
                ("teks", edited),
                ("confirm", "yes"),
            ],
        )
        .await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    // Sent again (a retry), it changes nothing.
    let again = app
        .post_form_as(
            Some(&reviewer),
            PAGE,
            &[
                ("csrf", &reviewer.csrf),
                ("kunci", &key),
                ("teks", "Pak"),
                ("confirm", "yes"),
            ],
        )
        .await;
    assert_eq!(again.status(), StatusCode::SEE_OTHER);

    // Both responses with that text now read masked; the plain one still waits for the report.
    let others = read_by_others(&app, &planner, &admin, &year).await;
    assert!(
        others.contains("Pak [disamarkan] di loket 2")
            && !others.contains("Budi")
            && !others.contains("Mawar"),
        "{others}"
    );
    let pdf = report(&app, &admin, &year).await;
    assert!(
        pdf.contains("[disamarkan] (2x)")
            && !pdf.contains("Budi")
            && pdf.contains("1 saran belum ditinjau unit"),
        "{pdf}"
    );

    // The texts nothing flags are shown together, after a confirmation: those the page
    // listed, not one that came after it was read.
    let listed = common::hidden_value(&text(&app, &reviewer, PAGE).await, "daftar").unwrap();
    answer_with(&app, "saran-004", LATER).await;
    let all = [
        ("csrf", reviewer.csrf.as_str()),
        ("semua", "ya"),
        ("daftar", listed.as_str()),
    ];
    let confirm = app.post_form_as(Some(&reviewer), PAGE, &all).await;
    assert!(confirm
        .text()
        .await
        .unwrap()
        .contains("Tampilkan 1 saran apa adanya?"));
    let shown = app
        .post_form_as(
            Some(&reviewer),
            PAGE,
            &[all[0], all[1], all[2], ("confirm", "yes")],
        )
        .await;
    assert_eq!(shown.status(), StatusCode::SEE_OTHER);
    let queue = text(&app, &reviewer, PAGE).await;
    assert!(
        queue.contains("1 saran menunggu tinjauan") && queue.contains(LATER),
        "{queue}"
    );
    let pdf = report(&app, &admin, &year).await;
    assert!(
        pdf.contains(PLAIN) && !pdf.contains(LATER) && pdf.contains("1 saran belum ditinjau unit"),
        "{pdf}"
    );
    let audit = text(&app, &admin, "/admin/audit?lang=id").await;
    assert!(
        audit.contains("Saran warga") && !audit.contains("Budi"),
        "the audit log keeps the shown text only"
    );

    // A database keeper can neither release a suggestion unreviewed nor put words into a
    // citizen's mouth: verify names the review.
    let signer = app.state.signer.clone();
    let key_now = signer.key("t1").unwrap();
    let kept = signer.kept_heads("t1", &key_now.public()).unwrap();
    let problem = || async {
        let found = app.store.verify("t1", Some(&key_now), &kept).await.unwrap();
        found.problem.unwrap_or_default()
    };
    assert_eq!(problem().await, "");
    let raw = sqlx::AnyPool::connect(&url).await.unwrap();
    let release = "INSERT INTO suggestion_reviews
             (tenant_id, response_id, shown_text, reviewed_by, reviewed_at_us)
         SELECT tenant_id, response_id, suggestion, 'unit-dukcapil', received_at_us
         FROM responses WHERE idempotency_key = 'saran-004'";
    let undo = "DELETE FROM suggestion_reviews WHERE shown_text = 'Ruang tunggu panas'";
    let rewrite = "UPDATE suggestion_reviews SET shown_text = 'Pelayanan sangat memuaskan'
         WHERE shown_text = 'Antrean terlalu lama'";
    for (forgery, then) in [(release, Some(undo)), (rewrite, None)] {
        sqlx::query(forgery).execute(&raw).await.unwrap();
        let found = problem().await;
        assert!(
            found.contains("is not the one its audit entry records"),
            "{forgery}: {found}"
        );
        if let Some(then) = then {
            sqlx::query(then).execute(&raw).await.unwrap();
            assert_eq!(problem().await, "");
        }
    }
    raw.close().await;
}
