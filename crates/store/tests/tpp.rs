//! TPP on both backends: a month's payroll from stored responses, base amounts and policy;
//! its review states; appeals decided by the inspectorate feeding the next version; a run
//! whose stored amounts were edited is refused when read.
#![allow(clippy::unwrap_used)] // a test that unwraps fails with the value's message
#![allow(clippy::too_many_lines)] // a scenario reads top to bottom, as its user would do it

use suara_domain::integrity::checkpoint::{self, KnownKey};
use suara_domain::period::Month;
use suara_domain::survey::{validate, ResponseDraft};
use suara_domain::tpp::inputs::{parse_base_amounts, parse_components};
use suara_domain::tpp::payroll::{differences, Difference, RunState};
use suara_domain::tpp::ScoreBasis;
use suara_store::testing::{tenant, TestDatabase, OFFICER_NIP, OTHER_OFFICER_NIP};
use suara_store::{Channel, Store, Submission, TppError};
use time::macros::datetime;
use time::OffsetDateTime;

suara_store::backend_tests!(
    october_payroll_from_responses_review_and_appeals,
    policies_are_versions_and_components_need_known_officers,
    a_busy_counter_counts_in_full_and_tickets_answered_as_printed_do_not,
    with_witnesses_runs_and_receipts_point_to_a_cosigned_checkpoint
);

const OCTOBER: &str = "2026-10";

async fn answer(store: &Store, key: &str, officer: Option<&str>, rating: i64) {
    let response = validate(ResponseDraft {
        unit: Some("dukcapil".into()),
        officer: officer.map(str::to_string),
        answers: Some(vec![Some(rating); 9]),
        idempotency_key: Some(key.into()),
        ..ResponseDraft::default()
    })
    .unwrap();
    let submission = Submission {
        response: &response,
        channel: Channel::Web,
        received_at: datetime!(2026-10-15 03:00 UTC),
        signals: None,
    };
    store.record_response(&tenant(), submission).await.unwrap();
}

async fn october_payroll_from_responses_review_and_appeals(db: TestDatabase) {
    let store = db.seeded_store().await;
    let month: Month = OCTOBER.parse().unwrap();
    let now = OffsetDateTime::now_utc();
    // The officer: four responses at 2 (IKM 50); the rest of the unit: six at 4.
    for i in 0..4 {
        answer(&store, &format!("tpp-named-{i:03}"), Some(OFFICER_NIP), 2).await;
    }
    for i in 0..6 {
        answer(&store, &format!("tpp-unit-{i:03}"), None, 4).await;
    }
    let bases = parse_base_amounts(b"position_class,base_amount\n7,\"Rp5.000.000\"\n").unwrap();
    store
        .replace_base_amounts("t1", &bases, "keuangan", now)
        .await
        .unwrap();
    // The blend and rule arithmetic on every channel, without the evidence rule (which the
    // attack tests and the domain's tests cover).
    let open = "version = \"open\"\neffective_from = \"2026-01\"\nmin_trust = \"open\"\n\n[satisfaction]\nrule = \"proportional\"\nthreshold = \"80\"\n";
    store.save_policy("t1", open, "admin", now).await.unwrap();

    let first = store
        .run_payroll(
            "t1",
            month,
            "keuangan",
            now,
            &suara_store::LogSigner::new(&suara_store::testing::log_key()),
        )
        .await
        .unwrap();
    assert_eq!((first.version, first.state), (1, RunState::Draft));
    assert_eq!(first.policy_version, "open");
    // Unit IKM (4·50 + 6·100)/10 = 80; blended (4·50 + 30·80)/34 = 76.47 → 76.47 %.
    // 5,000,000 × 0.7647 = 3,823,500. The other officer's unit has no responses: 100 %.
    assert_eq!(first.total, 3_823_500 + 5_000_000);
    let run = store.payroll_run("t1", month, None).await.unwrap().unwrap();
    let row = run
        .payroll
        .rows
        .iter()
        .find(|r| r.nip == OFFICER_NIP)
        .unwrap();
    assert_eq!(row.explanation.score.unwrap().to_string(), "76.47");
    assert!(matches!(
        row.explanation.basis,
        ScoreBasis::Blended { officer, unit, k: 30 }
            if officer.responses == 4 && unit.responses == 10
    ));
    assert_eq!(row.explanation.amount, 3_823_500);
    let other = run.officer(OTHER_OFFICER_NIP).unwrap();
    assert_eq!(other.score_unit_id, None);
    assert_eq!(run.events.len(), 1);

    // Computing a draft again keeps its version.
    let again = store
        .run_payroll(
            "t1",
            month,
            "keuangan",
            now,
            &suara_store::LogSigner::new(&suara_store::testing::log_key()),
        )
        .await
        .unwrap();
    assert_eq!((again.version, again.input_digest), (1, first.input_digest));

    // Review states move forward one at a time; a stale page cannot skip one.
    store
        .advance_run("t1", month, 1, RunState::Draft, "bkpsdm", now)
        .await
        .unwrap();
    let stale = store
        .advance_run("t1", month, 1, RunState::Draft, "bkpsdm", now)
        .await;
    assert!(matches!(stale, Err(TppError::StateMoved { .. })));
    // Four eyes: neither who computed it nor who reviewed it may approve it.
    for own in ["keuangan", "bkpsdm"] {
        let refused = store
            .advance_run("t1", month, 1, RunState::Reviewed, own, now)
            .await;
        assert!(matches!(refused, Err(TppError::FourEyes { .. })), "{own}");
    }
    store
        .advance_run("t1", month, 1, RunState::Reviewed, "kabid-keuangan", now)
        .await
        .unwrap();
    let waiting = store
        .run_payroll(
            "t1",
            month,
            "keuangan",
            now,
            &suara_store::LogSigner::new(&suara_store::testing::log_key()),
        )
        .await;
    assert!(matches!(waiting, Err(TppError::AwaitingLock(_, 1))));
    store
        .advance_run("t1", month, 1, RunState::Approved, "keuangan", now)
        .await
        .unwrap();
    let locked = store
        .advance_run("t1", month, 1, RunState::Locked, "keuangan", now)
        .await;
    assert!(matches!(locked, Err(TppError::Locked)));

    // The officer appeals one response; the inspectorate upholds it.
    let naming = store
        .responses_naming("t1", OFFICER_NIP, month)
        .await
        .unwrap();
    assert_eq!(naming.len(), 4);
    let disputed = naming[0].response_id;
    let refused = store
        .file_appeal("t1", OTHER_OFFICER_NIP, disputed, "bukan saya", now)
        .await;
    assert!(matches!(refused, Err(TppError::NotTheirResponse(_))));
    let empty = store
        .file_appeal("t1", OFFICER_NIP, disputed, "  ", now)
        .await;
    assert!(matches!(empty, Err(TppError::ReasonRequired)));
    store
        .file_appeal(
            "t1",
            OFFICER_NIP,
            disputed,
            "Saya cuti hari itu; yang melayani rekan lain.",
            now,
        )
        .await
        .unwrap();
    let twice = store
        .file_appeal("t1", OFFICER_NIP, disputed, "lagi", now)
        .await;
    assert!(matches!(twice, Err(TppError::AlreadyAppealed)));
    assert_eq!(store.pending_appeals("t1").await.unwrap().len(), 1);
    store
        .decide_appeal(
            "t1",
            disputed,
            true,
            "Daftar hadir menunjukkan cuti",
            "inspektorat",
            now,
        )
        .await
        .unwrap();
    let final_ = store
        .decide_appeal("t1", disputed, false, "ubah", "inspektorat", now)
        .await;
    assert!(matches!(final_, Err(TppError::AlreadyDecided)));
    assert!(store.pending_appeals("t1").await.unwrap().is_empty());
    let decided = store.decided_appeals("t1", 10).await.unwrap();
    assert!(decided[0].decision.as_ref().unwrap().upheld);

    // The next version leaves the response out: unit 30/9 → 83.33, blended
    // (3·50 + 30·83.33)/33 = 80.30 → 100 %.
    let second = store
        .run_payroll(
            "t1",
            month,
            "keuangan",
            now,
            &suara_store::LogSigner::new(&suara_store::testing::log_key()),
        )
        .await
        .unwrap();
    assert_eq!(second.version, 2);
    assert_eq!(second.total, 10_000_000);
    let before = store
        .payroll_run("t1", month, Some(1))
        .await
        .unwrap()
        .unwrap();
    let after = store.payroll_run("t1", month, None).await.unwrap().unwrap();
    assert_eq!(before.summary.state, RunState::Locked);
    assert_eq!(
        differences(&before.payroll, &after.payroll),
        vec![Difference {
            nip: OFFICER_NIP.into(),
            before: Some(3_823_500),
            after: Some(5_000_000),
        }]
    );
    assert_eq!(store.payroll_runs("t1").await.unwrap().len(), 2);

    // A locked run whose stored amount was changed behind the application's back is refused.
    let raw = sqlx::AnyPool::connect(&db.url).await.unwrap();
    sqlx::query("UPDATE tpp_run_officers SET amount = amount + 1 WHERE run_version = 1 AND amount IS NOT NULL")
        .execute(&raw)
        .await
        .unwrap();
    raw.close().await;
    let tampered = store.payroll_run("t1", month, Some(1)).await;
    assert!(tampered.is_err(), "an edited run must not be shown");
}

async fn policies_are_versions_and_components_need_known_officers(db: TestDatabase) {
    let store = db.seeded_store().await;
    let month: Month = OCTOBER.parse().unwrap();
    let now = OffsetDateTime::now_utc();
    assert_eq!(
        store.policy_for("t1", month).await.unwrap().version,
        "default"
    );
    let text =
        "version = \"2026-10-tiket\"\neffective_from = \"2026-10\"\nmin_trust = \"verified\"\n\
                [satisfaction]\nrule = \"linear_to_threshold\"\nthreshold = \"80\"\n";
    store.save_policy("t1", text, "admin", now).await.unwrap();
    // Saving the same text again is harmless; other text under the version is refused.
    store.save_policy("t1", text, "admin", now).await.unwrap();
    let changed = text.replace("\"80\"", "\"75\"");
    let taken = store.save_policy("t1", &changed, "admin", now).await;
    assert!(matches!(taken, Err(TppError::PolicyVersionTaken(_))));
    let invalid = store
        .save_policy("t1", "version = \"x\"\nfloor = \"2\"\n", "admin", now)
        .await;
    assert!(matches!(invalid, Err(TppError::Policy(_))));
    assert_eq!(
        store.policy_for("t1", month).await.unwrap().version,
        "2026-10-tiket"
    );
    assert_eq!(
        store
            .policy_for("t1", "2026-09".parse().unwrap())
            .await
            .unwrap()
            .version,
        "default"
    );
    assert_eq!(store.policies("t1").await.unwrap().len(), 1);

    // Only ticket responses count under this policy: a web response moves nothing.
    answer(&store, "tpp-web-001", Some(OFFICER_NIP), 1).await;
    let inputs = store
        .payroll_inputs("t1", month, &store.policy_for("t1", month).await.unwrap())
        .await
        .unwrap();
    assert!(inputs
        .iter()
        .all(|o| o.input.officer.is_none() && o.input.unit.is_none()));

    let csv = format!("nip,month,attendance,productivity\n{OFFICER_NIP},2026-10,95%,0.9\n199901012020011001,2026-10,1,1\n");
    let rows = parse_components(csv.as_bytes()).unwrap();
    let unknown = store.import_components("t1", &rows, "bkpsdm", now).await;
    assert!(matches!(unknown, Err(TppError::UnknownOfficers(ref nips)) if nips.len() == 1));
    store
        .import_components("t1", &rows[..1], "bkpsdm", now)
        .await
        .unwrap();
    let components = store.components("t1", month).await.unwrap();
    assert_eq!(
        components[OFFICER_NIP].attendance.unwrap().to_string(),
        "0.95"
    );
}

/// A ticket for the officer at `issued`, answered `after` later with all answers `rating`.
async fn ticket_answered(
    store: &Store,
    serial: u32,
    issued: OffsetDateTime,
    after: time::Duration,
    rating: i64,
) {
    let code = format!("TKTAB{serial:05}");
    let binding = suara_store::TicketBinding {
        unit_id: "dukcapil".into(),
        service_id: Some("ktp".into()),
        officer_nip: Some(OFFICER_NIP.into()),
        point_id: None,
    };
    let issuer = suara_store::Issuer {
        name: "loket-dukcapil",
        network: None,
        nip: None,
    };
    store
        .issue_ticket("t1", &code, &binding, &issuer, issued)
        .await
        .unwrap();
    let response = validate(ResponseDraft {
        unit: Some("dukcapil".into()),
        service: Some("ktp".into()),
        officer: Some(OFFICER_NIP.into()),
        ticket: Some(code),
        answers: Some(vec![Some(rating); 9]),
        idempotency_key: Some(format!("counter-{serial:05}")),
        ..ResponseDraft::default()
    })
    .unwrap();
    let submission = Submission {
        response: &response,
        channel: Channel::Ticket,
        received_at: issued + after,
        signals: None,
    };
    store.record_response(&tenant(), submission).await.unwrap();
}

/// The pace rule (`suara_domain::tpp::pace`) against stored tickets: 400 citizens served over
/// October, each answering some minutes later, all count for pay; 30 tickets answered as
/// fast as they are printed are published but leave pay as it was.
async fn a_busy_counter_counts_in_full_and_tickets_answered_as_printed_do_not(db: TestDatabase) {
    let store = db.seeded_store().await;
    let month: Month = OCTOBER.parse().unwrap();
    let policy = suara_domain::tpp::policy::Policy::regency_default();
    for serial in 0..400u32 {
        // 20 a day on 20 days, one every 15 minutes from 08:00 WIB.
        let day = i64::from(serial / 20) + 1;
        let issued = datetime!(2026-10-01 01:00 UTC)
            + time::Duration::days(day)
            + time::Duration::minutes(15 * i64::from(serial % 20));
        let rating = if serial % 3 == 0 { 3 } else { 4 };
        ticket_answered(
            &store,
            serial,
            issued,
            time::Duration::minutes(5 + i64::from(serial % 40)),
            rating,
        )
        .await;
    }
    let officer_of = |inputs: &[suara_store::RunOfficer]| {
        inputs
            .iter()
            .find(|o| o.input.nip == OFFICER_NIP)
            .and_then(|o| o.input.officer)
            .unwrap()
    };
    let genuine = officer_of(&store.payroll_inputs("t1", month, &policy).await.unwrap());
    assert_eq!(
        genuine.responses, 400,
        "every genuine ticket counts for pay"
    );

    for serial in 400..430u32 {
        let issued =
            datetime!(2026-10-30 07:00 UTC) + time::Duration::seconds(20 * i64::from(serial - 400));
        ticket_answered(&store, serial, issued, time::Duration::seconds(5), 1).await;
    }
    let after = officer_of(&store.payroll_inputs("t1", month, &policy).await.unwrap());
    assert_eq!(
        after, genuine,
        "tickets answered as printed are no pay evidence"
    );
    let published: i64 =
        sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM responses WHERE officer_nip = $1")
            .bind(OFFICER_NIP)
            .fetch_one(&sqlx::AnyPool::connect(&db.url).await.unwrap())
            .await
            .unwrap();
    assert_eq!(published, 430, "all are taken and published");
}

/// With a quorum of witnesses, a run points to the newest checkpoint they cosigned, and only
/// once it holds every response of the month; receipts are proved against it too.
async fn with_witnesses_runs_and_receipts_point_to_a_cosigned_checkpoint(db: TestDatabase) {
    let store = db.seeded_store().await;
    let month: Month = OCTOBER.parse().unwrap();
    let now = OffsetDateTime::now_utc();
    let key = suara_store::testing::log_key();
    for i in 0..3 {
        answer(
            &store,
            &format!("tpp-witnessed-{i:03}"),
            Some(OFFICER_NIP),
            4,
        )
        .await;
    }
    let open = "version = \"open\"\neffective_from = \"2026-01\"\nmin_trust = \"open\"\n\n[satisfaction]\nrule = \"proportional\"\nthreshold = \"80\"\n";
    store.save_policy("t1", open, "admin", now).await.unwrap();
    let head = store
        .sign_log("t1", &suara_store::LogSigner::new(&key), now)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(head.head.size, 3);
    let witness = checkpoint::WitnessKey::new("saksi.test/w1", [5; 32]).unwrap();
    let keys = vec![KnownKey::parse(&witness.verifier_key()).unwrap()];
    let witnessed = suara_store::Witnessed {
        witnesses: &keys,
        quorum: 1,
    };
    let signer = suara_store::LogSigner {
        key: &key,
        outside: Vec::new(),
        witnessed,
    };
    // Not cosigned yet: refused, saying how far the witnesses got.
    let refused = store
        .run_payroll("t1", month, "keuangan", now, &signer)
        .await;
    assert!(
        matches!(
            refused,
            Err(TppError::NotWitnessed {
                needed: 3,
                cosigned: 0,
                ..
            })
        ),
        "{refused:?}"
    );
    let pool = sqlx::AnyPool::connect(&db.url).await.unwrap();
    let receipt: String = sqlx::query_scalar(
        "SELECT receipt FROM responses WHERE tenant_id = 't1' ORDER BY response_id LIMIT 1",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    let public = key.public();
    let proved_at = |status: suara_store::ReceiptStatus| match status {
        suara_store::ReceiptStatus::Counted { proof, .. } => proof.map(|(h, _)| h.head.size),
        other => panic!("{other:?}"),
    };
    let none = suara_store::Witnessed::default();
    let status = store.receipt_status("t1", &receipt, &public, none).await;
    assert_eq!(proved_at(status.unwrap()), Some(3));
    let status = store
        .receipt_status("t1", &receipt, &public, witnessed)
        .await;
    assert_eq!(proved_at(status.unwrap()), None);

    // A cosignature written into the database without the witness's key counts for nothing.
    let forged = suara_store::Cosignature {
        witness: "saksi.test/w1".into(),
        line: "— saksi.test/w1 AAAA\n".into(),
        cosigned_at_ms: 0,
    };
    store.add_cosignature("t1", 3, &forged).await.unwrap();
    let status = store
        .receipt_status("t1", &receipt, &public, witnessed)
        .await;
    assert_eq!(proved_at(status.unwrap()), None);
    let refused = store
        .run_payroll("t1", month, "keuangan", now, &signer)
        .await;
    assert!(
        matches!(refused, Err(TppError::NotWitnessed { .. })),
        "{refused:?}"
    );

    // The witness's own cosignature of the checkpoint of 3 counts.
    let note = store.latest_checkpoint("t1").await.unwrap().unwrap().note;
    let log = KnownKey::log("t1", &public);
    let body = checkpoint::verify(note.as_bytes(), &log, &[]).unwrap().body;
    sqlx::query("DELETE FROM log_cosignatures")
        .execute(&pool)
        .await
        .unwrap();
    let cosignature = suara_store::Cosignature {
        witness: "saksi.test/w1".into(),
        line: witness.cosign(&body, 1_790_000_000).unwrap(),
        cosigned_at_ms: 1_790_000_000_000,
    };
    store.add_cosignature("t1", 3, &cosignature).await.unwrap();
    let status = store
        .receipt_status("t1", &receipt, &public, witnessed)
        .await;
    assert_eq!(proved_at(status.unwrap()), Some(3));
    let run = store
        .run_payroll("t1", month, "keuangan", now, &signer)
        .await
        .unwrap();
    assert_eq!(run.version, 1);
    // Two witnesses required, one cosigned: refused again.
    let two = suara_store::LogSigner {
        key: &key,
        outside: Vec::new(),
        witnessed: suara_store::Witnessed {
            witnesses: &keys,
            quorum: 2,
        },
    };
    let refused = store.run_payroll("t1", month, "keuangan", now, &two).await;
    assert!(
        matches!(refused, Err(TppError::NotWitnessed { .. })),
        "{refused:?}"
    );
}
