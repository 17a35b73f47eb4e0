//! The attacks of the README's threat model, mounted against the real server on SQLite and
//! PostgreSQL. Each prints what it achieved; none may move an officer's TPP by more than 1 %
//! of the base, hold genuine ticket or kiosk answers, or go unseen by `verify`.

mod common;

use common::TestApp;
use reqwest::StatusCode;
use serde_json::{json, Value};
use suara_domain::integrity::ticket;
use suara_domain::survey::{validate, ResponseDraft};
use suara_domain::tpp::inputs::parse_base_amounts;
use suara_store::testing::{log_key, TestDatabase, OFFICER_NIP, OTHER_OFFICER_NIP};
use suara_store::{Channel, Issuer, Submission, TicketBinding};
use suara_web::signing::Signer;
use time::OffsetDateTime;

suara_store::backend_tests!(
    outsiders_and_the_rated_officer_cannot_move_pay,
    a_flood_does_not_hold_genuine_tickets_and_kiosk_answers,
    verify_catches_edits_behind_the_applications_back
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

/// Kiosk answers naming the officer, stored as the kiosk page stores them: genuine evidence.
async fn kiosk_answers(app: &TestApp, n: usize, answers: [u8; 9], key: &str) {
    let tenant = suara_store::testing::tenant();
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
    let now = OffsetDateTime::now_utc();
    let submissions = drafts.iter().map(|response| Submission {
        signals: None,
        response,
        channel: Channel::Kiosk,
        received_at: now,
    });
    app.store
        .record_responses(&tenant, submissions)
        .await
        .unwrap();
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
    let app = TestApp::spawn(db).await;
    let bases = parse_base_amounts(b"position_class,base_amount\n7,4000000\n").unwrap();
    app.store
        .replace_base_amounts("t1", &bases, "bpkad", OffsetDateTime::now_utc())
        .await
        .unwrap();
    // Genuine evidence: 40 kiosk answers, mostly 3 of 4 (an IKM near 75: pay is reduced).
    kiosk_answers(&app, 30, [3, 3, 3, 3, 3, 3, 3, 3, 3], "genuine").await;
    kiosk_answers(&app, 10, [3, 2, 3, 3, 2, 3, 3, 3, 3], "genuine-low").await;
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
    assert_eq!(body["error"]["fields"][0]["code"], "officer_of_other_unit");
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
    // Every response may be appealed, held or not: a missing form would tell.
    let naming = app
        .store
        .responses_naming("t1", OFFICER_NIP, month)
        .await
        .unwrap();
    assert_eq!(
        listed.matches("Ajukan keberatan</button>").count(),
        naming.iter().filter(|r| r.appeal.is_none()).count()
    );
    let clock = held.items[0]
        .received_at
        .to_offset(suara_store::testing::tenant().offset())
        .format(time::macros::format_description!("[hour]:[minute]"))
        .unwrap();
    assert!(!listed.contains(&clock), "times finer than the day shown");
    println!("attack 'learn which ratings were held, and when': nothing shown finer than the day");
}

async fn a_flood_does_not_hold_genuine_tickets_and_kiosk_answers(db: TestDatabase) {
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
    let code = ticket::code_from_bytes([7; 10]);
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
        .issue_ticket("t1", &code, &binding, &queue, OffsetDateTime::now_utc())
        .await
        .unwrap();
    let answered = post(
        &app,
        json!({"unit": "dukcapil", "service": "ktp", "officer": OFFICER_NIP, "answers": [4, 3, 4, 4, 3, 4, 4, 4, 3],
               "ticket": ticket::display(&code), "idempotency_key": "genuine-ticket-1"}),
        "36.80.1.2",
    )
    .await;
    assert_eq!(answered.status(), StatusCode::CREATED);
    kiosk_answers(&app, 3, [4, 4, 3, 4, 4, 4, 3, 4, 4], "genuine-kiosk").await;
    // And a genuine web answer from another network.
    post(
        &app,
        json!({"unit": "dukcapil", "answers": [3, 3, 3, 3, 3, 3, 3, 3, 3], "idempotency_key": "genuine-web-1"}),
        "36.81.5.5",
    )
    .await;
    let after = app.counted("dukcapil").await;
    println!("attack '60 junk from one address': {during} counted during the flood; genuine ticket, 3 kiosk and 1 web answer after it: {} counted", after - during);
    assert_eq!(after - during, 5, "every genuine answer counts");
}

async fn verify_catches_edits_behind_the_applications_back(db: TestDatabase) {
    let url = db.url.clone();
    let app = TestApp::spawn(db).await;
    let signer = Signer::with_key(&app.keys.path().join("signing-key"), "t1", log_key());
    for i in 0..12 {
        post(
            &app,
            json!({"unit": "dukcapil", "officer": OFFICER_NIP, "answers": [3, 3, 3, 3, 3, 3, 3, 3, 3], "idempotency_key": format!("verify-{i:04}")}),
            &format!("36.90.{i}.1"),
        )
        .await;
    }
    let bases = parse_base_amounts(b"position_class,base_amount\n7,4000000\n").unwrap();
    app.store
        .replace_base_amounts("t1", &bases, "bpkad", OffsetDateTime::now_utc())
        .await
        .unwrap();
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
            &log_key(),
        )
        .await
        .unwrap();
    signer.sign_all(&app.store).await.unwrap();
    let verify = || async {
        let public = signer.public("t1").unwrap();
        let kept = signer.kept_head("t1", &public).unwrap();
        app.store
            .verify("t1", Some(&public), kept)
            .await
            .unwrap()
            .problem
    };
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
}

/// What an insider with the database but not the key can do: recompute every link from `seq`
/// on from the rows as they now are, and move the chain head to match.
async fn rehash_from(raw: &sqlx::AnyPool, seq: i64) {
    use sqlx::Row;
    use suara_domain::integrity::chain::{content_hash, link_hash, ChainRecord, Digest32};
    let previous: String =
        sqlx::query("SELECT link_hash FROM chain_links WHERE tenant_id = 't1' AND seq = $1")
            .bind(seq - 1)
            .fetch_one(raw)
            .await
            .unwrap()
            .try_get(0)
            .unwrap();
    let mut head = Digest32::from_hex(&previous).unwrap();
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
        let at: i64 = row.try_get("seq").unwrap();
        let content = content_hash(&record);
        head = link_hash(&head, at as u64, &content);
        sqlx::query("UPDATE chain_links SET content_hash = $1, link_hash = $2 WHERE tenant_id = 't1' AND seq = $3")
            .bind(content.to_hex())
            .bind(head.to_hex())
            .bind(at)
            .execute(raw)
            .await
            .unwrap();
    }
    sqlx::query("UPDATE chain_heads SET link_hash = $1 WHERE tenant_id = 't1'")
        .bind(head.to_hex())
        .execute(raw)
        .await
        .unwrap();
}
