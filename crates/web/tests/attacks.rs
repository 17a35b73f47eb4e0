//! The attacks of the threat model (docs/src/threat-model.md), mounted against the real server on SQLite and
//! PostgreSQL. Each prints what it achieved; none may move an officer's TPP by more than 1 %
//! of the base, hold genuine ticket or kiosk answers, or go unseen by `verify`.
#![allow(clippy::unwrap_used)] // a test that unwraps fails with the value's message
#![allow(clippy::too_many_lines)] // a scenario reads top to bottom, as its user would do it

mod common;

use common::{clear_of_month_end, TestApp};
use reqwest::StatusCode;
use serde_json::{json, Value};
use suara_app::signing::Signer;
use suara_domain::integrity::signed_head::LogKind;
use suara_domain::integrity::ticket;
use suara_domain::survey::{validate, ResponseDraft};
use suara_store::testing::{log_key, TestDatabase, OFFICER_NIP, OTHER_OFFICER_NIP};
use suara_store::{Channel, Issuer, Submission, TicketBinding};
use time::OffsetDateTime;

suara_store::backend_tests!(
    outsiders_and_the_rated_officer_cannot_move_pay,
    a_flood_does_not_hold_genuine_tickets_and_kiosk_answers,
    a_flood_from_many_networks_barely_moves_the_published_index,
    verify_catches_edits_behind_the_applications_back,
    verify_catches_pay_records_edited_behind_the_applications_back,
    a_unit_admins_own_kiosks_are_no_pay_evidence,
    a_keeper_cannot_append_entries_the_server_signs
);

const BASE: u64 = 4_000_000;

async fn post(app: &TestApp, body: Value, address: &str) -> reqwest::Response {
    app.client
        .post(app.url("/api/v1/responses"))
        .header("x-forwarded-for", address)
        .json(&body)
        .send()
        .await
        .unwrap()
}

/// Kiosk answers naming the officer, stored as the kiosk page stores them: genuine evidence,
/// given as citizens give it over the first twelve days of this month, two minutes apart
/// (so the pace rule, which leaves out services closer than a minute, counts every one, and
/// the evidence rule sees them spread over more than ten days).
async fn kiosk_answers(app: &TestApp, n: usize, answers: [u8; 9], key: &str) {
    static SLOT: std::sync::atomic::AtomicI64 = std::sync::atomic::AtomicI64::new(0);
    let tenant = suara_store::testing::tenant();
    let month = tenant.month_of(OffsetDateTime::now_utc());
    let first_day = month.previous().last_day().next_day().unwrap();
    let month_start = first_day.midnight().assume_offset(tenant.offset());
    let drafts: Vec<_> = (0..n)
        .map(|i| {
            let draft: ResponseDraft = serde_json::from_value(json!({
                "unit": "dukcapil", "officer": OFFICER_NIP, "answers": answers,
                "idempotency_key": format!("{key}-{i:05}"),
            }))
            .unwrap();
            validate(draft).unwrap()
        })
        .collect();
    let submissions: Vec<_> = drafts
        .iter()
        .map(|response| {
            let slot = SLOT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            Submission {
                signals: None,
                response,
                channel: Channel::Kiosk,
                received_at: month_start
                    + time::Duration::hours(1)
                    + time::Duration::days(slot % 12)
                    + time::Duration::minutes(2 * slot),
            }
        })
        .collect();
    app.store
        .record_responses(&tenant, submissions)
        .await
        .unwrap();
}

/// An insider's tickets: 30 issued at `/loket` by `issuer` naming the officer, each answered
/// at once with `answers` from its own network (`100.{net}.i.9`). Returns how many were taken.
async fn tickets_answered_as_printed(
    app: &TestApp,
    issuer: &common::Session,
    answers: [u8; 9],
    key: &str,
    net: u8,
) -> usize {
    let mut taken = 0;
    for i in 0..30 {
        let issued = app
            .post_form_as(
                Some(issuer),
                "/loket",
                &[
                    ("csrf", issuer.csrf.as_str()),
                    ("service", "ktp"),
                    ("officer", OFFICER_NIP),
                ],
            )
            .await;
        assert_eq!(issued.status(), StatusCode::CREATED);
        let code = common::printed_code(&issued.text().await.unwrap());
        let sent = post(
            app,
            json!({"unit": "dukcapil", "service": "ktp", "officer": OFFICER_NIP, "ticket": code,
                   "answers": answers, "idempotency_key": format!("{key}-ticket-{i}")}),
            &format!("100.{net}.{i}.9"),
        )
        .await;
        taken += usize::from(sent.status() == StatusCode::CREATED);
    }
    taken
}

/// The officer's TPP this month so far, as the provisional preview computes it (the run
/// itself waits for the month to end, and uses the same inputs).
async fn pay(app: &TestApp) -> u64 {
    let month = suara_store::testing::tenant().month_of(OffsetDateTime::now_utc());
    let (_, _, payroll) = app.store.preview_payroll("t1", month).await.unwrap();
    payroll
        .rows
        .iter()
        .find(|r| r.nip == OFFICER_NIP)
        .map(|r| r.explanation.amount)
        .unwrap()
}

fn within_one_percent(label: &str, before: u64, after: u64) {
    let moved = before.abs_diff(after);
    println!("attack '{label}': TPP Rp{before} → Rp{after} (moved Rp{moved})");
    assert!(moved * 100 <= BASE, "{label} moved pay by Rp{moved}");
}

async fn outsiders_and_the_rated_officer_cannot_move_pay(db: TestDatabase) {
    clear_of_month_end().await;
    let app = TestApp::spawn(db).await;
    app.set_base_amount(4_000_000).await;
    // Genuine evidence: the Krejcie–Morgan sample for the unit's 100 users a month (80)
    // over twelve days, mostly 3 of 4 (an IKM near 74: pay is reduced).
    kiosk_answers(&app, 60, [3, 3, 3, 3, 3, 3, 3, 3, 3], "genuine").await;
    kiosk_answers(&app, 20, [3, 2, 3, 3, 2, 3, 3, 3, 3], "genuine-low").await;
    // The inspectorate has checked the unit's kiosks: their answers so far count in full.
    let this_month = suara_store::testing::tenant().month_of(OffsetDateTime::now_utc());
    app.confirm_every_source(&this_month.to_string()).await;
    let before = pay(&app).await;
    assert!(before < BASE, "the genuine evidence reduces pay: {before}");
    // She sees why, with the evidence rule's numbers.
    app.add_account(
        "sri",
        suara_domain::access::Role::Officer,
        None,
        Some(OFFICER_NIP),
    )
    .await;
    let sri = app.sign_in("sri", common::PASSWORD).await.unwrap();
    let month = suara_store::testing::tenant().month_of(OffsetDateTime::now_utc());
    let why = app
        .get_as(
            &sri,
            &format!("/dasbor/pegawai/{OFFICER_NIP}/tpp?bulan={month}"),
        )
        .await
        .text()
        .await
        .unwrap();
    for part in [
        "Cukupkah buktinya?",
        "Dengan keyakinan 95% nilai sebenarnya paling tinggi",
        "mengurangi TPP Anda sebesar",
    ] {
        assert!(why.contains(part), "{part} in {why}");
    }

    // 1. One anonymous API response naming her, all 4s.
    let sent = post(
        &app,
        json!({"unit": "dukcapil", "officer": OFFICER_NIP, "answers": [4, 4, 4, 4, 4, 4, 4, 4, 4], "idempotency_key": "outsider-0001"}),
        "198.51.100.7",
    )
    .await;
    assert_eq!(sent.status(), StatusCode::CREATED);
    within_one_percent("one anonymous response", before, pay(&app).await);

    // 2. Thirty one-star responses from one /24, and thirty from thirty networks.
    for i in 0..60 {
        let address = if i < 30 {
            format!("203.0.113.{i}")
        } else {
            format!("100.{i}.7.9")
        };
        post(
            &app,
            json!({"unit": "dukcapil", "officer": OFFICER_NIP, "answers": [1, 1, 1, 1, 1, 1, 1, 1, 1], "idempotency_key": format!("rival-{i:04}")}),
            &address,
        )
        .await;
    }
    within_one_percent(
        "60 one-star responses, one /24 and many networks",
        before,
        pay(&app).await,
    );

    // 3. Naming her through another unit, around that unit's limits: refused.
    let elsewhere = post(
        &app,
        json!({"unit": "rsud", "officer": OFFICER_NIP, "answers": [1, 1, 1, 1, 1, 1, 1, 1, 1], "idempotency_key": "elsewhere-01"}),
        "192.0.2.1",
    )
    .await;
    assert_eq!(elsewhere.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: Value = elsewhere.json().await.unwrap();
    assert_eq!(body["fields"][0]["code"], "officer_of_other_unit");
    println!("attack 'name her through another unit': refused (officer_of_other_unit)");

    // 4. She issues tickets to herself and answers them from another network.
    let own = Issuer {
        name: "sri",
        network: Some("10.0.0.0/24"),
        nip: Some(OFFICER_NIP),
    };
    let binding = TicketBinding {
        unit_id: "dukcapil".into(),
        service_id: Some("ktp".into()),
        officer_nip: Some(OFFICER_NIP.into()),
        point_id: None,
    };
    let mut issued = 0;
    let mut refused = 0;
    for i in 0..35u8 {
        let code = ticket::code_from_bytes([i, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
        match app
            .store
            .issue_ticket("t1", &code, &binding, &own, OffsetDateTime::now_utc())
            .await
        {
            Ok(_) => {
                issued += 1;
                post(
                    &app,
                    json!({"unit": "dukcapil", "service": "ktp", "officer": OFFICER_NIP, "answers": [4, 4, 4, 4, 4, 4, 4, 4, 4],
                           "ticket": ticket::display(&code), "idempotency_key": format!("self-{i:04}")}),
                    "172.20.1.1",
                )
                .await;
            }
            Err(_) => refused += 1,
        }
    }
    assert_eq!((issued, refused), (30, 5), "30 tickets per 10 minutes");
    within_one_percent("30 tickets issued to herself", before, pay(&app).await);

    // 5. A rival's tickets cannot name her: a ticket without an officer rates the unit only.
    let unnamed = ticket::code_from_bytes([99; 10]);
    let supervisor = Issuer {
        name: "supervisor",
        network: None,
        nip: None,
    };
    let unit_only = TicketBinding {
        officer_nip: None,
        ..binding.clone()
    };
    app.store
        .issue_ticket(
            "t1",
            &unnamed,
            &unit_only,
            &supervisor,
            OffsetDateTime::now_utc(),
        )
        .await
        .unwrap();
    let named = post(
        &app,
        json!({"unit": "dukcapil", "service": "ktp", "officer": OTHER_OFFICER_NIP, "answers": [1, 1, 1, 1, 1, 1, 1, 1, 1],
               "ticket": ticket::display(&unnamed), "idempotency_key": "rival-ticket-1"}),
        "172.20.9.9",
    )
    .await;
    assert_eq!(named.status(), StatusCode::UNPROCESSABLE_ENTITY);
    println!("attack 'answer an unnamed ticket naming someone': refused");

    // 6. The rated officer looks for which of the floods' responses were held, and when.
    let listed = app
        .get_as(
            &sri,
            &format!("/dasbor/pegawai/{OFFICER_NIP}/tpp?bulan={month}"),
        )
        .await
        .text()
        .await
        .unwrap();
    let held = app
        .store
        .held_responses("t1", &suara_store::HeldQuery::first(1000))
        .await
        .unwrap();
    assert!(held
        .items
        .iter()
        .any(|h| h.officer_nip.as_deref() == Some(OFFICER_NIP)));
    assert!(
        !listed.contains("Ditahan di karantina"),
        "hold status shown"
    );
    assert!(listed.contains("Jawaban U1–U9"), "the responses are listed");
    // The list is what counts in the published SKM, no more: watching a row appear that the
    // count does not would tell which answer was held.
    let naming = app
        .store
        .responses_naming("t1", OFFICER_NIP, month)
        .await
        .unwrap();
    let published = app
        .store
        .tally("t1", suara_store::Scope::Officer(OFFICER_NIP), month, month)
        .await
        .unwrap()
        .responses();
    assert_eq!(naming.len() as u64, published);
    assert!(naming
        .iter()
        .all(|r| held.items.iter().all(|h| h.response_id != r.response_id)));
    assert_eq!(
        listed.matches("Ajukan keberatan</button>").count(),
        naming.iter().filter(|r| r.appeal.is_none()).count()
    );
    // Nor does an appeal probe: one on a held answer naming her is refused exactly as one on
    // an answer that does not exist.
    let held_here = held
        .items
        .iter()
        .find(|h| h.officer_nip.as_deref() == Some(OFFICER_NIP))
        .unwrap()
        .response_id
        .to_string();
    let month_text = month.to_string();
    let probe = |id: String| {
        let (app, sri, month_text) = (&app, &sri, month_text.clone());
        async move {
            let sent = app
                .post_form_as(
                    Some(sri),
                    &format!("/dasbor/pegawai/{OFFICER_NIP}/banding"),
                    &[
                        ("csrf", sri.csrf.as_str()),
                        ("response", id.as_str()),
                        ("month", month_text.as_str()),
                        ("reason", "Bukan saya."),
                    ],
                )
                .await;
            let status = sent.status();
            let body = sent.text().await.unwrap();
            let message = body
                .split("role=\"alert\"")
                .nth(1)
                .and_then(|m| m.split("</").next())
                .map(str::to_string);
            (status, message)
        }
    };
    let (held_probe, missing_probe) = (probe(held_here).await, probe("999999999".into()).await);
    assert!(held_probe.1.is_some(), "a refusal is shown");
    assert_eq!(held_probe, missing_probe);
    println!("attack 'probe which answers were held with appeals': refused alike");
    let clock = held.items[0]
        .received_at
        .to_offset(suara_store::testing::tenant().offset())
        .format(time::macros::format_description!("[hour]:[minute]"))
        .unwrap();
    assert!(!listed.contains(&clock), "times finer than the day shown");
    println!("attack 'learn which ratings were held, and when': nothing shown finer than the day");

    // 7. A unit admin lifts her pay: 30 counter tickets naming her, each answered at once
    //    with full marks from another network.
    app.add_account(
        "admin-dukcapil",
        suara_domain::access::Role::UnitAdmin,
        Some("dukcapil"),
        None,
    )
    .await;
    let admin = app
        .sign_in("admin-dukcapil", common::PASSWORD)
        .await
        .unwrap();
    let before = pay(&app).await;
    let taken = tickets_answered_as_printed(&app, &admin, [4; 9], "boost", 65).await;
    assert_eq!(taken, 30);
    within_one_percent(
        "a unit admin's 30 full-mark tickets answered as printed",
        before,
        pay(&app).await,
    );
}

async fn a_flood_does_not_hold_genuine_tickets_and_kiosk_answers(db: TestDatabase) {
    clear_of_month_end().await;
    let app = TestApp::spawn(db).await;
    // 60 junk responses from one address within a minute.
    for i in 0..60 {
        post(
            &app,
            json!({"unit": "dukcapil", "answers": [1, 1, 1, 1, 1, 1, 1, 1, 1], "idempotency_key": format!("junk-{i:04}")}),
            "203.0.113.66",
        )
        .await;
    }
    let during = app.counted("dukcapil").await;
    // A genuine ticket issued by a queue system, answered from a phone.
    let code = queue_ticket(&app, 7, OffsetDateTime::now_utc()).await;
    let answered = post(
        &app,
        json!({"unit": "dukcapil", "service": "ktp", "officer": OFFICER_NIP, "answers": [4, 3, 4, 4, 3, 4, 4, 4, 3],
               "ticket": code, "idempotency_key": "genuine-ticket-1"}),
        "36.80.1.2",
    )
    .await;
    assert_eq!(answered.status(), StatusCode::CREATED);
    kiosk_answers(&app, 3, [4, 4, 3, 4, 4, 4, 3, 4, 4], "genuine-kiosk").await;
    // A web answer from another network within the flood's hour: the unit (100 users a
    // month) has had its plausible hour of open answers, so it waits for the inspectorate.
    post(
        &app,
        json!({"unit": "dukcapil", "answers": [3, 3, 3, 3, 3, 3, 3, 3, 3], "idempotency_key": "genuine-web-1"}),
        "36.81.5.5",
    )
    .await;
    let after = app.counted("dukcapil").await;
    println!("attack '60 junk from one address': {during} counted during the flood; genuine ticket and 3 kiosk answers after it: {} counted", after - during);
    assert_eq!(
        during, 3,
        "no more open answers than the unit's plausible hour count"
    );
    assert_eq!(after - during, 4, "every on-site answer counts");

    // 30 straight-lined junk answers from the office's own network, then a citizen on the
    // office wifi answers the ticket they were given at the counter: the junk holds itself,
    // not the ticket.
    for i in 0..30 {
        post(
            &app,
            json!({"unit": "dukcapil", "answers": [4, 4, 4, 4, 4, 4, 4, 4, 4], "idempotency_key": format!("office-junk-{i:04}")}),
            &format!("36.80.9.{}", 10 + i),
        )
        .await;
    }
    let during = app.counted("dukcapil").await;
    let code = queue_ticket(
        &app,
        9,
        OffsetDateTime::now_utc() - time::Duration::minutes(5),
    )
    .await;
    let answered = post(
        &app,
        json!({"unit": "dukcapil", "service": "ktp", "officer": OFFICER_NIP, "answers": [4, 4, 4, 4, 4, 4, 4, 4, 4],
               "ticket": code, "idempotency_key": "office-wifi-ticket"}),
        "36.80.9.200",
    )
    .await;
    assert_eq!(answered.status(), StatusCode::CREATED);
    let counted = app.counted("dukcapil").await - during;
    println!("attack '30 junk from the office network': the genuine ticket answered on the office wifi after it: {counted} counted");
    assert_eq!(counted, 1, "the ticket answer counts");
}

/// The issue's flood: 40 low answers, one from each of 40 networks, within a minute. Every
/// one looks like a citizen's; the unit (100 users a month: 3 open answers an hour at most)
/// counts three and holds the rest for the inspectorate, so a unit with a month of answers
/// moves by less than 2 points. A ticket answered right after counts.
async fn a_flood_from_many_networks_barely_moves_the_published_index(db: TestDatabase) {
    clear_of_month_end().await;
    let app = TestApp::spawn(db).await;
    kiosk_answers(&app, 80, [3, 3, 4, 3, 3, 4, 3, 3, 4], "month").await;
    let (before_n, before) = published_ikm(&app).await;
    let started = std::time::Instant::now();
    for i in 0..40 {
        let sent = post(
            &app,
            json!({"unit": "dukcapil", "answers": [1, 2, 1, 2, 1, 2, 1, 2, 1], "idempotency_key": format!("many-networks-{i:04}")}),
            &format!("100.{}.{}.7", 64 + i / 200, i % 200),
        )
        .await;
        assert_eq!(
            sent.status(),
            StatusCode::CREATED,
            "a held answer is still received"
        );
    }
    assert!(started.elapsed() < std::time::Duration::from_secs(60));
    let (after_n, after) = published_ikm(&app).await;
    println!(
        "attack '40 networks in a minute': IKM {before} ({before_n} answers) → {after} ({after_n})"
    );
    assert_eq!(
        after_n - before_n,
        3,
        "the unit's plausible hour of open answers"
    );
    assert!((before - after).abs() <= 2.0, "{before} → {after}");
    let held = app.store.held_count("t1").await.unwrap();
    assert_eq!(
        held, 37,
        "the rest waits for the inspectorate, nothing is lost"
    );

    let code = queue_ticket(&app, 5, OffsetDateTime::now_utc()).await;
    let answered = post(
        &app,
        json!({"unit": "dukcapil", "service": "ktp", "officer": OFFICER_NIP, "answers": [4, 3, 4, 4, 3, 4, 4, 4, 3],
               "ticket": code, "idempotency_key": "after-the-flood"}),
        "36.80.1.2",
    )
    .await;
    assert_eq!(answered.status(), StatusCode::CREATED);
    assert_eq!(
        published_ikm(&app).await.0,
        after_n + 1,
        "the next genuine answer counts"
    );
}

/// A ticket for the civil registry's KTP service and the officer, issued by a queue system at
/// `issued_at` (its code made from `seed`), as a citizen types it.
async fn queue_ticket(app: &TestApp, seed: u8, issued_at: OffsetDateTime) -> String {
    let code = ticket::code_from_bytes([seed; 10]);
    let queue = Issuer {
        name: "antrian",
        network: None,
        nip: None,
    };
    let binding = TicketBinding {
        unit_id: "dukcapil".into(),
        service_id: Some("ktp".into()),
        officer_nip: Some(OFFICER_NIP.into()),
        point_id: None,
    };
    app.store
        .issue_ticket("t1", &code, &binding, &queue, issued_at)
        .await
        .unwrap();
    ticket::display(&code)
}

/// The civil registry's published responses and IKM this month.
async fn published_ikm(app: &TestApp) -> (u64, f64) {
    let body: Value = app
        .get("/api/v1/units/dukcapil/ikm")
        .await
        .json()
        .await
        .unwrap();
    (
        body["responses"].as_u64().unwrap(),
        body["ikm"].as_f64().unwrap(),
    )
}

async fn verify_catches_edits_behind_the_applications_back(db: TestDatabase) {
    let url = db.url.clone();
    let app = TestApp::spawn(db).await;
    // Its answers come faster than the fixture's units plausibly get them (no hourly limit).
    suara_store::testing::set_monthly_users(&app.store, None).await;
    let signer = Signer::with_key(&app.keys.path().join("signing-key"), "t1", log_key());
    for i in 0..12 {
        post(
            &app,
            json!({"unit": "dukcapil", "officer": OFFICER_NIP, "answers": [3, 3, 3, 3, 3, 3, 3, 3, 3], "idempotency_key": format!("verify-{i:04}")}),
            &format!("36.90.{i}.1"),
        )
        .await;
    }
    app.set_base_amount(4_000_000).await;
    // A run of last month (the month that has ended) for the payroll edits below.
    let last_month = suara_store::testing::tenant()
        .month_of(OffsetDateTime::now_utc())
        .previous();
    app.store
        .run_payroll(
            "t1",
            last_month,
            "bpkad",
            OffsetDateTime::now_utc(),
            &suara_store::LogSigner::new(&log_key()),
        )
        .await
        .unwrap();
    signer.sign_all(&app.store).await.unwrap();
    let verify = || verify_problem(&app, &signer);
    assert_eq!(verify().await, None);
    let raw = sqlx::AnyPool::connect(&url).await.unwrap();
    let exec = |sql: &'static str| {
        let raw = raw.clone();
        async move { sqlx::query(sql).execute(&raw).await.unwrap() }
    };

    // 1. A monthly total edited to lift the officer.
    exec("UPDATE skm_monthly_totals SET s1 = s1 + 12 WHERE scope = 'officer'").await;
    let found = verify().await.unwrap();
    println!("edit 'a monthly total': {found}");
    assert!(found.contains("monthly total"), "{found}");
    exec("UPDATE skm_monthly_totals SET s1 = s1 - 12 WHERE scope = 'officer'").await;

    // 2. A payroll amount edited together with the run's total and digest.
    exec("UPDATE tpp_run_officers SET amount = amount + 1000 WHERE amount IS NOT NULL").await;
    exec("UPDATE tpp_runs SET total_amount = total_amount + 1000, input_digest = 'forged'").await;
    let found = verify().await.unwrap();
    println!("edit 'a payroll amount with its total and digest': {found}");
    assert!(found.contains("payroll run"), "{found}");
    exec("UPDATE tpp_run_officers SET amount = amount - 1000 WHERE amount IS NOT NULL").await;

    // 3. A response edited and every later link re-hashed, so the chain itself verifies.
    exec("UPDATE responses SET u1 = 4 WHERE response_id = (SELECT response_id FROM chain_links WHERE seq = 5)").await;
    rehash_from(&raw, 5).await;
    assert!(
        app.store.verify_chain("t1").await.unwrap().is_intact(),
        "the chain alone is fooled"
    );
    let found = verify().await.unwrap();
    println!("edit 'a response, with every later link re-hashed': {found}");
    assert!(found.contains("re-hashed"), "{found}");
    exec("UPDATE responses SET u1 = 3 WHERE response_id = (SELECT response_id FROM chain_links WHERE seq = 5)").await;
    rehash_from(&raw, 5).await;

    // 4. The last response removed, with its link; the chain head rewound; the signed heads
    //    and runs that covered it deleted. Only the head kept beside the key remembers.
    for sql in [
        "DELETE FROM tpp_run_officers",
        "DELETE FROM tpp_run_events",
        "DELETE FROM tpp_runs",
        "DELETE FROM log_heads",
        "DELETE FROM log_tiles",
        "DELETE FROM response_signals WHERE response_id = (SELECT response_id FROM chain_links WHERE seq = 12)",
        "DELETE FROM responses WHERE response_id = (SELECT response_id FROM chain_links WHERE seq = 12)",
        "DELETE FROM chain_links WHERE seq = 12",
        "UPDATE chain_heads SET seq = 11, link_hash = (SELECT link_hash FROM chain_links WHERE seq = 11)",
    ] {
        exec(sql).await;
    }
    let found = verify().await.unwrap();
    println!("edit 'roll the log back': {found}");
    assert!(found.contains("rolled back"), "{found}");

    // 5. ...and let the server take new answers until the log is longer than the head kept
    //    beside the key. It goes on taking answers, but signs nothing that does not extend
    //    what it signed before, so the kept head is never overwritten and verify still sees
    //    the rollback; a payroll run on the rewritten log is refused too.
    for i in 0..3 {
        let answered = post(
            &app,
            json!({"unit": "dukcapil", "answers": [4, 4, 4, 4, 4, 4, 4, 4, 4], "idempotency_key": format!("regrow-{i}")}),
            &format!("36.91.{i}.1"),
        )
        .await;
        assert_eq!(answered.status(), StatusCode::CREATED);
    }
    let refused = signer.sign_all(&app.store).await.unwrap_err().to_string();
    println!("edit 'roll back, then regrow past the kept head': signing {refused}");
    assert!(refused.contains("does not extend"), "{refused}");
    let public = signer.public("t1").unwrap();
    let kept = signer
        .kept_head("t1", LogKind::Responses, &public)
        .unwrap()
        .unwrap();
    assert_eq!(kept.head.size, 12, "the kept head stays");
    assert_eq!(
        app.store.latest_head("t1").await.unwrap(),
        None,
        "nothing signed"
    );
    let run = app
        .store
        .run_payroll(
            "t1",
            last_month,
            "bpkad",
            OffsetDateTime::now_utc(),
            &suara_store::LogSigner {
                key: &log_key(),
                outside: vec![kept],
                witnessed: suara_store::Witnessed::default(),
            },
        )
        .await
        .unwrap_err()
        .to_string();
    assert!(run.contains("does not extend"), "{run}");
    let found = verify().await.unwrap();
    println!("edit 'roll back, then regrow': verify says {found}");
    assert!(found.contains("re-hashed"), "{found}");
}

/// A database keeper without the key appends complete, well-linked entries in the moment
/// before the server's next signature: a counted answer of all 1s naming the officer, and an
/// audit entry upholding an appeal. Their links carry no entry code (or a made-up one), so
/// the server signs neither log, and `verify` names the link; a writer that holds no key
/// cannot add to a record whose links carry codes.
async fn a_keeper_cannot_append_entries_the_server_signs(db: TestDatabase) {
    let url = db.url.clone();
    let app = TestApp::spawn(db).await;
    // Its answers come faster than the fixture's units plausibly get them (no hourly limit).
    suara_store::testing::set_monthly_users(&app.store, None).await;
    let signer = Signer::with_key(&app.keys.path().join("signing-key"), "t1", log_key());
    for i in 0..5 {
        post(
            &app,
            json!({"unit": "dukcapil", "officer": OFFICER_NIP, "answers": [4, 4, 4, 4, 4, 4, 4, 4, 4], "idempotency_key": format!("append-{i:04}")}),
            &format!("36.92.{i}.1"),
        )
        .await;
    }
    signer.sign_all(&app.store).await.unwrap();
    assert_eq!(
        app.store
            .latest_head("t1")
            .await
            .unwrap()
            .unwrap()
            .head
            .size,
        5
    );
    assert_eq!(verify_problem(&app, &signer).await, None);
    let raw = sqlx::AnyPool::connect(&url).await.unwrap();
    let exec = |sql: &'static str| {
        let raw = raw.clone();
        async move { sqlx::query(sql).execute(&raw).await.unwrap() }
    };

    // 1. A sixth counted answer, all 1s, linked exactly as the server links.
    exec(
        "INSERT INTO responses (tenant_id, idempotency_key, receipt, received_at_us, period_month,
             channel, unit_id, service_id, officer_nip, u1, u2, u3, u4, u5, u6, u7, u8, u9)
         SELECT tenant_id, 'forged-0001', 'FORGED01', received_at_us + 1, period_month, channel,
             unit_id, service_id, officer_nip, 1, 1, 1, 1, 1, 1, 1, 1, 1
         FROM responses WHERE response_id = (SELECT response_id FROM chain_links WHERE seq = 5)",
    )
    .await;
    exec(
        "INSERT INTO chain_links (tenant_id, seq, response_id, content_hash, link_hash, linked_at_us)
         SELECT 't1', 6, response_id, '', '', received_at_us FROM responses
         WHERE idempotency_key = 'forged-0001'",
    )
    .await;
    exec("UPDATE chain_heads SET seq = 6 WHERE tenant_id = 't1'").await;
    rehash_from(&raw, 6).await;
    assert!(app.store.verify_chain("t1").await.unwrap().is_intact());
    let refused = signer.sign_all(&app.store).await.unwrap_err().to_string();
    println!("edit 'append a linked answer before the next signature': signing {refused}");
    assert!(
        refused.contains("link 6 carries no authentication code"),
        "{refused}"
    );
    assert_eq!(
        app.store
            .latest_head("t1")
            .await
            .unwrap()
            .unwrap()
            .head
            .size,
        5
    );
    let found = verify_problem(&app, &signer).await.unwrap();
    println!("edit 'append a linked answer': verify says {found}");
    assert!(
        found.contains("link 6 carries no authentication code"),
        "{found}"
    );
    // A made-up code is no better.
    exec("UPDATE chain_links SET entry_code = '00000000000000000000000000000000000000000000000000000000000000ff' WHERE seq = 6").await;
    let refused = signer.sign_all(&app.store).await.unwrap_err().to_string();
    assert!(
        refused.contains("link 6 carries a wrong authentication code"),
        "{refused}"
    );
    for sql in [
        "DELETE FROM chain_links WHERE seq = 6",
        "DELETE FROM responses WHERE idempotency_key = 'forged-0001'",
        "UPDATE chain_heads SET seq = 5, link_hash = (SELECT link_hash FROM chain_links WHERE seq = 5)",
    ] {
        exec(sql).await;
    }
    signer.sign_all(&app.store).await.unwrap();

    // 2. An audit entry upholding an appeal, appended and linked the same way.
    exec(
        "INSERT INTO audit_log (tenant_id, at_us, actor, action, entity, entity_id, before_json, after_json)
         VALUES ('t1', 1, 'inspektorat', 'uphold', 'tpp_appeal', '1', NULL, '{\"upheld\":true}')",
    )
    .await;
    exec(
        "INSERT INTO audit_links (tenant_id, seq, audit_id, content_hash, link_hash)
         SELECT 't1', (SELECT seq + 1 FROM audit_chain_heads WHERE tenant_id = 't1'), MAX(audit_id), '', ''
         FROM audit_log WHERE tenant_id = 't1'",
    )
    .await;
    exec("UPDATE audit_chain_heads SET seq = seq + 1 WHERE tenant_id = 't1'").await;
    relink_audit(&raw).await;
    let refused = signer.sign_all(&app.store).await.unwrap_err().to_string();
    println!("edit 'append a linked audit entry': signing {refused}");
    assert!(
        refused.contains("audit chain") && refused.contains("carries no authentication code"),
        "{refused}"
    );
    let found = verify_problem(&app, &signer).await.unwrap();
    assert!(found.contains("audit chain"), "{found}");

    // 3. A process that holds no key (a command run without --signing-key) cannot add to a
    //    record whose links carry codes: it is told to give the key, and nothing is written.
    let keyless = suara_store::Store::open(&url).await.unwrap();
    let error = keyless
        .save_policy(
            "t1",
            "version = \"x\"\neffective_from = \"2026-01\"\n\n[satisfaction]\nrule = \"proportional\"\nthreshold = \"80\"\n",
            "admin",
            OffsetDateTime::now_utc(),
        )
        .await
        .unwrap_err()
        .to_string();
    println!("a writer without the key: {error}");
    assert!(error.contains("signing key"), "{error}");
    keyless.close().await;
    println!("attack 'append entries the server signs': refused to sign, named by verify");
}

/// The unit administrator's kiosk attack: five tablets registered at one service point, all
/// naming one officer, 29 one-star answers from each. Until a second account outside the
/// unit approves a kiosk its answers are published but pay nothing; a point has one approved
/// kiosk at most, and the admin cannot approve their own.
async fn a_unit_admins_own_kiosks_are_no_pay_evidence(db: TestDatabase) {
    use common::{set_cookie_value, PASSWORD};
    use suara_domain::access::Role;
    clear_of_month_end().await;
    let app = TestApp::spawn(db).await;
    app.set_base_amount(4_000_000).await;
    kiosk_answers(&app, 40, [4, 4, 4, 4, 3, 4, 4, 4, 4], "genuine").await;
    let before = pay(&app).await;
    app.add_account("admin-dukcapil", Role::UnitAdmin, Some("dukcapil"), None)
        .await;
    let mut tablets = Vec::new();
    for k in 0..5 {
        // Registering signs the admin out of the tablet: sign in again before each.
        let admin = app.sign_in("admin-dukcapil", PASSWORD).await.unwrap();
        let label = format!("Tablet {k}");
        let registered = app
            .post_form_as(
                Some(&admin),
                "/loket/kios",
                &[
                    ("csrf", admin.csrf.as_str()),
                    ("action", "register"),
                    ("point", "loket-1"),
                    ("label", label.as_str()),
                    ("officer", OFFICER_NIP),
                ],
            )
            .await;
        assert_eq!(registered.status(), StatusCode::SEE_OTHER);
        tablets.push(format!(
            "suara_kios={}",
            set_cookie_value(&registered, "suara_kios").unwrap()
        ));
    }
    let mut stored = 0;
    for (k, tablet) in tablets.iter().enumerate() {
        for i in 0..29 {
            let sent = app
                .client
                .post(app.url("/kios/loket-1"))
                .header(reqwest::header::COOKIE, tablet)
                .json(&json!({"answers": [1, 1, 1, 1, 1, 1, 1, 1, 1], "idempotency_key": format!("insider-kiosk-{k}-{i}")}))
                .send()
                .await
                .unwrap();
            stored += usize::from(sent.status() == StatusCode::CREATED);
        }
    }
    assert_eq!(stored, 145, "every answer is taken (and published)");
    within_one_percent(
        "a unit admin's five kiosks, 145 one-star answers",
        before,
        pay(&app).await,
    );

    // The admin cannot approve them; the inspectorate approves one per point, never two.
    let kiosks = app.store.kiosks("t1").await.unwrap();
    let admin = app.sign_in("admin-dukcapil", PASSWORD).await.unwrap();
    assert_eq!(
        app.approve_kiosk(&admin, &kiosks[0].kiosk_id)
            .await
            .status(),
        StatusCode::FORBIDDEN
    );
    app.add_account("inspektorat", Role::Inspectorate, None, None)
        .await;
    let inspector = app.sign_in("inspektorat", PASSWORD).await.unwrap();
    assert_eq!(
        app.approve_kiosk(&inspector, &kiosks[0].kiosk_id)
            .await
            .status(),
        StatusCode::OK
    );
    assert_eq!(
        app.approve_kiosk(&inspector, &kiosks[1].kiosk_id)
            .await
            .status(),
        StatusCode::CONFLICT
    );
    println!("attack 'a unit admin's five kiosks': 145 answers published, none paid; one kiosk of the point approved by the inspectorate, the second refused");

    // Once the point's kiosk is approved, the admin taps 29 one-star answers into it by
    // script; then issues 30 counter tickets naming the officer and answers each at once
    // from another network. The answers are taken and published; pay does not move.
    let before = pay(&app).await;
    let mut stored = 0;
    for i in 0..29 {
        let sent = app
            .client
            .post(app.url("/kios/loket-1"))
            .header(reqwest::header::COOKIE, &tablets[0])
            .json(&json!({"answers": [1, 1, 2, 1, 1, 1, 2, 1, 1], "idempotency_key": format!("approved-kiosk-{i}")}))
            .send()
            .await
            .unwrap();
        stored += usize::from(sent.status() == StatusCode::CREATED);
    }
    let admin = app.sign_in("admin-dukcapil", PASSWORD).await.unwrap();
    stored +=
        tickets_answered_as_printed(&app, &admin, [1, 2, 1, 1, 1, 1, 1, 2, 1], "insider", 64).await;
    let after = pay(&app).await;
    println!("attack 'a unit admin's approved kiosk and own tickets': {stored} answers taken");
    within_one_percent(
        "29 scripted answers at the approved kiosk, 30 tickets answered as printed",
        before,
        after,
    );
}

/// The database keeper's attacks on what pays besides the responses: an appeal decision
/// turned to "upheld", a locked run set back to draft and computed again, and the audit log
/// rewritten with its triggers dropped. Each shows in `verify`; the run is refused.
async fn verify_catches_pay_records_edited_behind_the_applications_back(db: TestDatabase) {
    use suara_domain::tpp::payroll::RunState;
    let url = db.url.clone();
    let postgres = url.starts_with("postgres");
    let app = TestApp::spawn(db).await;
    let signer = Signer::with_key(&app.keys.path().join("signing-key"), "t1", log_key());
    let tenant = suara_store::testing::tenant();
    let last_month = tenant.month_of(OffsetDateTime::now_utc()).previous();
    let in_month = time::Date::from_calendar_date(
        last_month.year(),
        time::Month::try_from(last_month.month()).unwrap(),
        15,
    )
    .unwrap()
    .midnight()
    .assume_utc();
    for i in 0..6 {
        let response = validate(
            serde_json::from_value::<ResponseDraft>(json!({
                "unit": "dukcapil", "officer": OFFICER_NIP, "answers": [1, 1, 1, 1, 1, 1, 1, 1, 1],
                "idempotency_key": format!("pay-edit-{i}"),
            }))
            .unwrap(),
        )
        .unwrap();
        app.store
            .record_response(
                &tenant,
                Submission {
                    response: &response,
                    channel: Channel::Web,
                    received_at: in_month,
                    signals: None,
                },
            )
            .await
            .unwrap();
    }
    let low: Vec<i64> = app
        .store
        .responses_naming("t1", OFFICER_NIP, last_month)
        .await
        .unwrap()
        .iter()
        .map(|r| r.response_id)
        .collect();
    app.set_base_amount(4_000_000).await;
    let now = OffsetDateTime::now_utc();
    app.store
        .file_appeal("t1", OFFICER_NIP, low[0], "Saya cuti hari itu.", now)
        .await
        .unwrap();
    app.store
        .decide_appeal(
            "t1",
            low[0],
            false,
            "Daftar hadir: masuk",
            "inspektorat",
            now,
        )
        .await
        .unwrap();
    let key = log_key();
    let signing = suara_store::LogSigner::new(&key);
    let run = app
        .store
        .run_payroll("t1", last_month, "bkpsdm", now, &signing)
        .await
        .unwrap();
    let mut state = RunState::Draft;
    for actor in ["kabid", "bpkad"] {
        state = app
            .store
            .advance_run("t1", last_month, run.version, state, actor, now)
            .await
            .unwrap();
    }
    state = app
        .store
        .advance_run("t1", last_month, run.version, state, "bpkad", now)
        .await
        .unwrap();
    assert_eq!(state, RunState::Locked);
    signer.sign_all(&app.store).await.unwrap();
    let verify = || verify_problem(&app, &signer);
    assert_eq!(verify().await, None);
    let raw = sqlx::AnyPool::connect(&url).await.unwrap();
    let exec = |sql: String| {
        let raw = raw.clone();
        async move { sqlx::query(&sql).execute(&raw).await.unwrap() }
    };

    // 1. The dismissed appeal turned to upheld, and a second upheld decision inserted.
    exec(format!(
        "UPDATE tpp_appeal_decisions SET upheld = 1 WHERE response_id = {}",
        low[0]
    ))
    .await;
    let found = verify().await.unwrap();
    println!("edit 'an appeal decision turned to upheld': {found}");
    assert!(found.contains("appeal of response"), "{found}");
    exec(format!(
        "UPDATE tpp_appeal_decisions SET upheld = 0 WHERE response_id = {}",
        low[0]
    ))
    .await;
    exec(format!(
        "INSERT INTO tpp_appeals (tenant_id, response_id, nip, period_month, reason, filed_at_us)
         VALUES ('t1', {}, '{OFFICER_NIP}', '{last_month}', 'x', 1)",
        low[1]
    ))
    .await;
    exec(format!(
        "INSERT INTO tpp_appeal_decisions (tenant_id, response_id, upheld, reason, decided_by, decided_at_us)
         VALUES ('t1', {}, 1, 'x', 'inspektorat', 1)",
        low[1]
    ))
    .await;
    let found = verify().await.unwrap();
    println!("edit 'an upheld appeal decision inserted': {found}");
    assert!(
        found.contains(&format!("appeal of response {}", low[1])),
        "{found}"
    );
    exec(format!(
        "DELETE FROM tpp_appeal_decisions WHERE response_id = {}",
        low[1]
    ))
    .await;
    exec(format!(
        "DELETE FROM tpp_appeals WHERE response_id = {}",
        low[1]
    ))
    .await;
    assert_eq!(verify().await, None);

    // 2. The locked run set back to draft: verify names it, and computing the month again
    //    is refused rather than overwriting the locked run in place.
    exec("UPDATE tpp_runs SET state = 'draft'".into()).await;
    let found = verify().await.unwrap();
    println!("edit 'a locked run set back to draft': {found}");
    assert!(found.contains("audit chain says locked"), "{found}");
    let refused = app
        .store
        .run_payroll("t1", last_month, "bkpsdm", now, &signing)
        .await
        .unwrap_err()
        .to_string();
    println!("edit 'a locked run set back to draft': computing again says {refused}");
    assert!(
        refused.contains("behind the application's back"),
        "{refused}"
    );
    exec("UPDATE tpp_runs SET state = 'locked'".into()).await;
    assert_eq!(verify().await, None);
    //    Marked discarded instead, so that a new version would replace what was paid.
    exec("UPDATE tpp_runs SET state = 'discarded'".into()).await;
    let found = verify().await.unwrap();
    println!("edit 'a locked run marked discarded': {found}");
    assert!(found.contains("audit chain says locked"), "{found}");
    let refused = app
        .store
        .run_payroll("t1", last_month, "bkpsdm", now, &signing)
        .await
        .unwrap_err()
        .to_string();
    println!("edit 'a locked run marked discarded': computing again says {refused}");
    assert!(
        refused.contains("behind the application's back"),
        "{refused}"
    );
    exec("UPDATE tpp_runs SET state = 'locked'".into()).await;
    assert_eq!(verify().await, None);

    // 3. A kiosk the unit's admin registered, approved by writing the database: its answers
    //    would be pay evidence. Verify names it.
    app.store
        .register_kiosk(
            "t1",
            &suara_store::NewKiosk {
                kiosk_id: "kiosk-forged",
                token_hash: "0000",
                point_id: "loket-1",
                officer_nip: Some(OFFICER_NIP),
                label: "Tablet",
            },
            "admin-dukcapil",
            now,
        )
        .await
        .unwrap();
    exec("UPDATE kiosks SET approved_by = 'inspektorat', approved_at_us = 1".into()).await;
    let found = verify().await.unwrap();
    println!("edit 'a kiosk approved in the database': {found}");
    assert!(found.contains("kiosk kiosk-forged is approved"), "{found}");
    exec("UPDATE kiosks SET approved_by = NULL, approved_at_us = NULL".into()).await;
    assert_eq!(verify().await, None);

    // 4. The inputs of pay, each edited in place: a self-issued ticket's issuer cleared (its
    //    answer would become pay evidence), a policy given a floor of 100 % and another
    //    slipped in, the base amounts raised, a component changed, an officer moved to
    //    another unit and given a higher class. Verify names each; put back, it passes.
    let binding = suara_store::TicketBinding {
        unit_id: "dukcapil".into(),
        service_id: Some("ktp".into()),
        officer_nip: Some(OFFICER_NIP.into()),
        point_id: None,
    };
    let issuer = suara_store::Issuer {
        name: "sri",
        network: None,
        nip: Some(OFFICER_NIP),
    };
    app.store
        .issue_ticket("t1", "TKTSELF0001", &binding, &issuer, now)
        .await
        .unwrap();
    app.store
        .save_policy("t1", "version = \"2026-b\"\neffective_from = \"2026-01\"\n\n[satisfaction]\nrule = \"proportional\"\nthreshold = \"80\"\n", "bkpsdm", now)
        .await
        .unwrap();
    let components = suara_domain::tpp::inputs::parse_components(
        format!("nip,month,attendance\n{OFFICER_NIP},{last_month},0.9\n").as_bytes(),
    )
    .unwrap();
    app.store
        .import_components("t1", &components, "bkpsdm", now)
        .await
        .unwrap();
    assert_eq!(verify().await, None);
    let edits: [(&str, &str, &str, &str); 10] = [
        (
            "a self-issued ticket's issuer cleared",
            "UPDATE tickets SET issuer_nip = NULL",
            "UPDATE tickets SET issuer_nip = '198001012005011001'",
            "a ticket issued by sri",
        ),
        (
            "a policy given a floor of 100 %",
            "UPDATE tpp_policies SET policy_toml = REPLACE(policy_toml, '[satisfaction]', 'floor = \"1\"\n[satisfaction]') WHERE version = '2026-b'",
            "UPDATE tpp_policies SET policy_toml = REPLACE(policy_toml, 'floor = \"1\"\n', '') WHERE version = '2026-b'",
            "policy version 2026-b",
        ),
        (
            "the base amounts raised",
            "UPDATE tpp_base_amounts SET base_amount = 9000000",
            "UPDATE tpp_base_amounts SET base_amount = 4000000",
            "base amounts",
        ),
        (
            "a component changed",
            "UPDATE tpp_components SET productivity = '1'",
            "UPDATE tpp_components SET productivity = NULL",
            "components of officer",
        ),
        (
            "an officer moved to another unit",
            "UPDATE officer_assignments SET unit_id = 'rsud' WHERE nip = '198001012005011001'",
            "UPDATE officer_assignments SET unit_id = 'dukcapil' WHERE nip = '198001012005011001'",
            "unit history of officer",
        ),
        (
            "a unit's users a month raised, so its evidence never suffices",
            "UPDATE units SET monthly_users = 100000 WHERE unit_id = 'dukcapil'",
            "UPDATE units SET monthly_users = 100 WHERE unit_id = 'dukcapil'",
            "unit dukcapil is not as the audit chain recorded",
        ),
        (
            "a unit moved under another, so its officers take that unit's score",
            "UPDATE units SET parent_id = 'rsud' WHERE unit_id = 'dukcapil'",
            "UPDATE units SET parent_id = NULL WHERE unit_id = 'dukcapil'",
            "unit dukcapil is not as the audit chain recorded",
        ),
        (
            "another name put under a unit's payable list",
            "UPDATE units SET treasurer_nip = '197503152000031002' WHERE unit_id = 'dukcapil'",
            "UPDATE units SET treasurer_nip = NULL WHERE unit_id = 'dukcapil'",
            "unit dukcapil is not as the audit chain recorded",
        ),
        (
            "an officer given a higher class",
            "UPDATE officers SET position_class = '12' WHERE nip = '198001012005011001'",
            "UPDATE officers SET position_class = '7' WHERE nip = '198001012005011001'",
            "is not as the audit chain recorded",
        ),
        (
            "an officer's pay sent to another account",
            "UPDATE officers SET account_number = '9999999999' WHERE nip = '198001012005011001'",
            "UPDATE officers SET account_number = '' WHERE nip = '198001012005011001'",
            "is not as the audit chain recorded",
        ),
    ];
    for (label, edit, undo, named) in edits {
        exec(edit.into()).await;
        let found = verify().await.unwrap();
        println!("edit '{label}': {found}");
        assert!(found.contains(named), "{label}: {found}");
        let refused = app
            .store
            .run_payroll("t1", last_month, "bkpsdm", now, &signing)
            .await
            .unwrap_err()
            .to_string();
        assert!(
            refused.contains("nothing was computed"),
            "{label}: {refused}"
        );
        exec(undo.into()).await;
        assert_eq!(verify().await, None, "{label} put back");
    }
    let inserted = "INSERT INTO tpp_policies (tenant_id, version, effective_from, effective_until, policy_toml, saved_by, saved_at_us)
         VALUES ('t1', 'zz', '2026-01', NULL, 'version = \"zz\"', 'bkpsdm', 1)";
    exec(inserted.into()).await;
    let found = verify().await.unwrap();
    println!("edit 'a policy slipped in': {found}");
    assert!(found.contains("policy version zz"), "{found}");
    exec("DELETE FROM tpp_policies WHERE version = 'zz'".into()).await;
    assert_eq!(verify().await, None);

    // 5. The audit log's triggers dropped and the dismissal rewritten as an upheld appeal,
    //    the decision row to match; then the audit chain re-linked from there.
    if postgres {
        exec("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only".into()).await;
    } else {
        exec("DROP TRIGGER audit_log_no_update".into()).await;
    }
    exec(format!(
        "UPDATE audit_log SET action = 'uphold', after_json = '{{\"upheld\":true,\"reason\":\"Daftar hadir: masuk\"}}'
         WHERE entity = 'tpp_appeal' AND action = 'dismiss' AND entity_id = '{}'",
        low[0]
    ))
    .await;
    exec(format!(
        "UPDATE tpp_appeal_decisions SET upheld = 1 WHERE response_id = {}",
        low[0]
    ))
    .await;
    let found = verify().await.unwrap();
    println!("edit 'the audit log rewritten, triggers dropped': {found}");
    assert!(found.contains("changed after it was written"), "{found}");
    relink_audit(&raw).await;
    let found = verify().await.unwrap();
    println!("edit 'the audit log rewritten and re-linked': {found}");
    assert!(found.contains("re-linked"), "{found}");
    // The server signs nothing more of an audit chain that does not extend its signed head.
    app.store
        .file_appeal("t1", OFFICER_NIP, low[2], "Bukan saya.", now)
        .await
        .unwrap();
    let refused = signer.sign_all(&app.store).await.unwrap_err().to_string();
    println!("edit 'the audit log re-linked, then grown': signing {refused}");
    assert!(refused.contains("audit"), "{refused}");
}

/// Recomputes every audit link from the rows as they now are: what a database keeper
/// without the key can do to make the chain consistent with their edit.
async fn relink_audit(raw: &sqlx::AnyPool) {
    use sqlx::Row;
    use suara_domain::integrity::audit::{content_hash, AuditFields};
    use suara_domain::integrity::chain::Digest32;
    let rows = sqlx::query(
        "SELECT l.seq, a.at_us, a.actor, a.action, a.entity, a.entity_id, a.before_json, a.after_json
         FROM audit_links l JOIN audit_log a ON a.tenant_id = l.tenant_id AND a.audit_id = l.audit_id
         WHERE l.tenant_id = 't1' ORDER BY l.seq",
    )
    .fetch_all(raw)
    .await
    .unwrap();
    let mut contents = Vec::new();
    for row in &rows {
        let text = |c: &str| row.try_get::<String, _>(c).unwrap();
        let optional = |c: &str| row.try_get::<Option<String>, _>(c).unwrap();
        let (before, after) = (optional("before_json"), optional("after_json"));
        let content = content_hash(&AuditFields {
            at_us: row.try_get("at_us").unwrap(),
            actor: &text("actor"),
            action: &text("action"),
            entity: &text("entity"),
            entity_id: &text("entity_id"),
            before: before.as_deref(),
            after: after.as_deref(),
        });
        contents.push((row.try_get("seq").unwrap(), content));
    }
    write_links(raw, "audit", Digest32::GENESIS, &contents).await;
}

/// Writes the links of `contents` (each `(seq, content hash)`) after `previous` into the
/// chain `chain` (`chain` for responses, `audit` for the audit log), and moves its head.
async fn write_links(
    raw: &sqlx::AnyPool,
    chain: &str,
    mut previous: suara_domain::integrity::chain::Digest32,
    contents: &[(i64, suara_domain::integrity::chain::Digest32)],
) {
    use suara_domain::integrity::chain::link_hash;
    let (links, heads) = match chain {
        "audit" => ("audit_links", "audit_chain_heads"),
        _ => ("chain_links", "chain_heads"),
    };
    for (seq, content) in contents {
        previous = link_hash(&previous, *seq as u64, content);
        sqlx::query(&format!(
            "UPDATE {links} SET content_hash = $1, link_hash = $2 WHERE tenant_id = 't1' AND seq = $3"
        ))
        .bind(content.to_hex())
        .bind(previous.to_hex())
        .bind(*seq)
        .execute(raw)
        .await
        .unwrap();
    }
    sqlx::query(&format!(
        "UPDATE {heads} SET link_hash = $1 WHERE tenant_id = 't1'"
    ))
    .bind(previous.to_hex())
    .execute(raw)
    .await
    .unwrap();
}

/// The first problem `suara verify` finds, with the heads kept beside the key.
async fn verify_problem(app: &TestApp, signer: &Signer) -> Option<String> {
    let key = signer.key("t1").unwrap();
    let kept = signer.kept_heads("t1", &key.public()).unwrap();
    app.store
        .verify("t1", Some(&key), &kept)
        .await
        .unwrap()
        .problem
}

/// What an insider with the database but not the key can do: recompute every link from `seq`
/// on from the rows as they now are, and move the chain head to match.
async fn rehash_from(raw: &sqlx::AnyPool, seq: i64) {
    use sqlx::Row;
    use suara_domain::integrity::chain::{content_hash, ChainRecord, Digest32};
    let previous: String =
        sqlx::query("SELECT link_hash FROM chain_links WHERE tenant_id = 't1' AND seq = $1")
            .bind(seq - 1)
            .fetch_one(raw)
            .await
            .unwrap()
            .try_get(0)
            .unwrap();
    let head = Digest32::from_hex(&previous).unwrap();
    let mut contents = Vec::new();
    let rows = sqlx::query(
        "SELECT l.seq, r.idempotency_key, r.receipt, r.received_at_us, r.period_month, r.channel,
             r.unit_id, r.service_id, r.officer_nip, r.u1, r.u2, r.u3, r.u4, r.u5, r.u6, r.u7, r.u8, r.u9,
             r.sex, r.age_band, r.education, r.occupation, r.suggestion
         FROM chain_links l JOIN responses r ON r.tenant_id = l.tenant_id AND r.response_id = l.response_id
         WHERE l.tenant_id = 't1' AND l.seq >= $1 ORDER BY l.seq",
    )
    .bind(seq)
    .fetch_all(raw)
    .await
    .unwrap();
    for row in &rows {
        let text = |name: &str| row.try_get::<Option<String>, _>(name).unwrap();
        let owned: Vec<Option<String>> = [
            "idempotency_key",
            "receipt",
            "period_month",
            "channel",
            "unit_id",
            "service_id",
            "officer_nip",
            "sex",
            "age_band",
            "education",
            "occupation",
            "suggestion",
        ]
        .iter()
        .map(|c| text(c))
        .collect();
        let answers: [Option<i64>; 9] = std::array::from_fn(|i| {
            row.try_get::<Option<i64>, _>(format!("u{}", i + 1).as_str())
                .unwrap()
        });
        let record = ChainRecord {
            idempotency_key: owned[0].as_deref().unwrap(),
            receipt: owned[1].as_deref().unwrap(),
            received_at_us: row.try_get("received_at_us").unwrap(),
            period_month: owned[2].as_deref().unwrap(),
            channel: owned[3].as_deref().unwrap(),
            unit: owned[4].as_deref().unwrap(),
            service: owned[5].as_deref(),
            officer: owned[6].as_deref(),
            answers,
            profile: [
                owned[7].as_deref(),
                owned[8].as_deref(),
                owned[9].as_deref(),
                owned[10].as_deref(),
            ],
            suggestion: owned[11].as_deref(),
        };
        contents.push((row.try_get("seq").unwrap(), content_hash(&record)));
    }
    write_links(raw, "chain", head, &contents).await;
}
