//! Citizens' suggestions are reviewed by their unit before others read them: one that may
//! name or locate someone is held from planners and exports, nothing is published
//! unreviewed, a review only takes words away, and a review written into the database past
//! the page is found by `suara verify`.
#![allow(clippy::unwrap_used)] // a test that unwraps fails with the value's message
#![allow(clippy::too_many_lines)] // a scenario reads top to bottom, as its user would do it

mod common;

use common::{Session, TestApp, PASSWORD};
use reqwest::StatusCode;
use suara_domain::access::Role;
use suara_domain::survey::{validate, ResponseDraft};
use suara_store::testing::{tenant, TestDatabase};
use suara_store::{Channel, Submission};
use time::OffsetDateTime;

suara_store::backend_tests!(
    suggestions_are_reviewed_before_others_read_them,
    no_contact_detail_reaches_a_page_or_an_export
);

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
    // The line holds "×" (WinAnsi's), so the PDF writes it in hexadecimal, as Latin-1.
    let shown = |text: &str| -> String {
        text.chars()
            .map(|c| format!("{:02X}", u32::from(c)))
            .collect()
    };
    assert!(
        pdf.contains(&shown("[disamarkan] (2×)"))
            && !pdf.contains("Budi")
            && !pdf.contains(&shown("Budi"))
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

/// A deterministic generator (the same texts on every run).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1);
        (self.0 >> 33) % below
    }
}

/// Digits as the pages may write them, in ASCII, with look-alike letters read as digits.
fn digits_of(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            'O' | 'o' => Some('0'),
            'l' | 'I' => Some('1'),
            _ => [0x30, 0x660, 0x6F0, 0x966, 0xFF10].iter().find_map(|zero| {
                let d = u32::from(c).checked_sub(*zero).filter(|d| *d < 10)?;
                char::from_digit(d, 10)
            }),
        })
        .collect()
}

/// Phone numbers, NIKs and e-mail addresses written as citizens disguise them, sent through
/// the public API: none reaches the unit's review page, the ideas page, the export or the
/// report, in any script or spelling.
async fn no_contact_detail_reaches_a_page_or_an_export(db: TestDatabase) {
    let app = TestApp::spawn(db).await;
    app.add_account("admin", Role::Administrator, None, None)
        .await;
    app.add_account("unit-dukcapil", Role::UnitAdmin, Some("dukcapil"), None)
        .await;
    app.add_account("bappeda", Role::Planner, None, None).await;
    let admin = app.sign_in("admin", PASSWORD).await.unwrap();
    let reviewer = app.sign_in("unit-dukcapil", PASSWORD).await.unwrap();
    let planner = app.sign_in("bappeda", PASSWORD).await.unwrap();
    let separators = [
        "", " ", "-", ".", "*", "|", ":", "~", "\u{2014}", "\u{B7}", "\u{200B}",
    ];
    let mut rng = Lcg(7);
    let (mut numbers, mut hosts) = (Vec::new(), Vec::new());
    for i in 0..40 {
        let length = if i % 4 == 0 { 16 } else { 12 };
        let key: String = (0..length)
            .map(|j| {
                if j == 0 {
                    '0'
                } else {
                    char::from_digit(rng.next(10) as u32, 10).unwrap()
                }
            })
            .collect();
        let zero = [0x30, 0x660, 0x6F0, 0x966, 0xFF10][rng.next(5) as usize];
        let mut written = String::new();
        for (j, digit) in key.chars().enumerate() {
            let d = digit.to_digit(10).unwrap();
            let c = match (i % 3, d) {
                (0, 0) if j > 0 => 'O',
                (0, 1) if j > 0 => 'l',
                _ => char::from_u32(zero + d).unwrap(),
            };
            written.push(c);
            if j % 4 == 3 {
                written.push_str(separators[rng.next(separators.len() as u64) as usize]);
            }
        }
        let host: String = (0..8)
            .map(|_| char::from(b'a' + rng.next(26) as u8))
            .collect();
        let email = match i % 4 {
            0 => format!("warga@{host}.com"),
            1 => format!("warga (at) {host} (dot) com"),
            2 => format!("warga @ {host}.co.id"),
            _ => format!("warga[at]{host}.id"),
        };
        let suggestion = format!("Mohon dibantu, hubungi {written} atau {email} terima kasih");
        let body = serde_json::json!({
            "unit": "dukcapil",
            "answers": [3, 3, 3, 3, 3, 3, 3, 3, 3],
            "suggestion": suggestion,
            "idempotency_key": format!("kontak-{i:04}"),
        });
        let (status, answer) = app.answer(&body).await;
        assert_eq!(status, StatusCode::CREATED, "{answer}");
        numbers.push(key);
        hosts.push(host);
    }
    let year = tenant()
        .month_of(OffsetDateTime::now_utc())
        .year()
        .to_string();
    // Masked texts are still held for review (the rest may tell who wrote them); the
    // reviewer shows each as it is, and then the others read them.
    let held = read_by_others(&app, &planner, &admin, &year).await;
    let mut pages = vec![held];
    for _ in 0..45 {
        let queue = text(&app, &reviewer, PAGE).await;
        let Some(key) = common::hidden_value(&queue, "kunci") else {
            break;
        };
        let shown = queue
            .split("aria-describedby=\"teks-hint\">")
            .nth(1)
            .and_then(|rest| rest.split("</textarea>").next())
            .unwrap()
            .replace("&amp;", "&");
        assert!(shown.contains("[disamarkan]"), "{shown}");
        pages.push(queue);
        let form = [
            ("csrf", reviewer.csrf.as_str()),
            ("kunci", key.as_str()),
            ("teks", shown.as_str()),
            ("confirm", "yes"),
        ];
        let saved = app.post_form_as(Some(&reviewer), PAGE, &form).await;
        assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    }
    let read = read_by_others(&app, &planner, &admin, &year).await;
    assert!(read.matches("[disamarkan]").count() >= 2, "{read}");
    pages.push(read);
    pages.push(report(&app, &admin, &year).await);
    let pages = pages.join("\n");
    let digits = digits_of(&pages);
    for (number, host) in numbers.iter().zip(&hosts) {
        assert!(!digits.contains(number.as_str()), "{number} in the pages");
        assert!(!pages.contains(host.as_str()), "{host} in the pages");
    }
}
