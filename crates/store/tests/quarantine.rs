//! Suspicious responses are held back instead of counted, and the inspectorate's decision
//! counts them in or keeps them out; on both backends.

use suara_domain::integrity::anomaly::Reason;
use suara_domain::survey::{validate, ResponseDraft};
use suara_store::testing::{tenant, TestDatabase};
use suara_store::{Channel, DecisionError, Scope, Signals, Store, Submission};
use time::{Duration, OffsetDateTime};

suara_store::backend_tests!(ballot_stuffing_is_held_and_reviewed);

async fn submit(
    store: &Store,
    key: &str,
    answers: [i64; 9],
    device: &str,
    network: &str,
    at: OffsetDateTime,
) {
    let response = validate(ResponseDraft {
        unit: Some("dukcapil".into()),
        answers: Some(answers.iter().map(|a| Some(*a)).collect()),
        idempotency_key: Some(key.into()),
        ..ResponseDraft::default()
    })
    .unwrap();
    let signals = Signals {
        network: Some(network.into()),
        device: Some(device.into()),
    };
    let submission = Submission {
        response: &response,
        channel: Channel::Web,
        received_at: at,
        signals: Some(signals),
    };
    store.record_response(&tenant(), submission).await.unwrap();
}

async fn ballot_stuffing_is_held_and_reviewed(db: TestDatabase) {
    let store = db.seeded_store().await;
    let now = OffsetDateTime::now_utc();
    let month = tenant().month_of(now);
    let ikm = |store: &Store| {
        let store = store.clone();
        async move {
            let tally = store
                .tally("t1", Scope::Unit("dukcapil"), month, month)
                .await
                .unwrap();
            (
                tally.responses(),
                tally
                    .score(suara_domain::skm::Weighting::Exact)
                    .map(|s| s.ikm_rounded().to_string()),
            )
        }
    };
    // Ten citizens on their own phones and networks.
    for i in 0..10 {
        submit(
            &store,
            &format!("citizen-{i:03}"),
            [3, 2, 3, 3, 2, 3, 3, 2, 3],
            &format!("phone-{i}"),
            &format!("10.0.{i}.0/24"),
            now - Duration::minutes(30 - i),
        )
        .await;
    }
    let before = ikm(&store).await;
    assert_eq!(before.0, 10);

    // One phone then sends fifty perfect scores.
    for i in 0..50 {
        submit(
            &store,
            &format!("stuffing-{i:03}"),
            [4; 9],
            "the-same-phone",
            "10.9.9.0/24",
            now + Duration::seconds(i),
        )
        .await;
    }
    let after = ikm(&store).await;
    // The first two are indistinguishable from a citizen who answers twice; the rest wait.
    assert_eq!(after.0, 12, "{after:?}");
    let held = store.held_responses("t1", 100).await.unwrap();
    assert_eq!(held.len(), 48);
    assert!(held
        .iter()
        .all(|h| h.reasons.contains(&Reason::DeviceRepeat)));
    assert!(
        held[10].reasons.contains(&Reason::StraightLinedBulk),
        "{:?}",
        held[10].reasons
    );

    // Held responses count nowhere: the full recount agrees with the running totals, and the
    // chain, which holds only counted responses, is intact.
    assert_eq!(
        store
            .recompute_tally("t1", Scope::Unit("dukcapil"), month, month)
            .await
            .unwrap(),
        store
            .tally("t1", Scope::Unit("dukcapil"), month, month)
            .await
            .unwrap()
    );
    assert!(store.verify_chain("t1").await.unwrap().is_intact());

    // The inspectorate accepts one (it checked with the counter) and rejects the next.
    let (first, second) = (held[0].response_id, held[1].response_id);
    store
        .decide_held(
            "t1",
            first,
            true,
            "verified with the counter log",
            "inspektorat",
            now,
        )
        .await
        .unwrap();
    store
        .decide_held(
            "t1",
            second,
            false,
            "same phone, 50 answers in a minute",
            "inspektorat",
            now,
        )
        .await
        .unwrap();
    assert!(matches!(
        store
            .decide_held("t1", first, false, "again", "x", now)
            .await,
        Err(DecisionError::NotHeld(_))
    ));
    assert!(matches!(
        store
            .decide_held("t1", held[2].response_id, true, "  ", "x", now)
            .await,
        Err(DecisionError::NoReason)
    ));
    assert_eq!(ikm(&store).await.0, 13);
    assert_eq!(store.held_responses("t1", 100).await.unwrap().len(), 46);
    let report = store.verify_chain("t1").await.unwrap();
    assert!(report.is_intact() && report.verified == 13, "{report:?}");
    assert_eq!(
        store
            .recompute_tally("t1", Scope::Unit("dukcapil"), month, month)
            .await
            .unwrap(),
        store
            .tally("t1", Scope::Unit("dukcapil"), month, month)
            .await
            .unwrap()
    );
    let audit = store.audit_log("t1", None, 2).await.unwrap();
    assert_eq!(
        (audit[0].action.as_str(), audit[1].action.as_str()),
        ("reject", "accept")
    );
}
