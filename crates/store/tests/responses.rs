//! Storing responses and reading totals back, on SQLite and PostgreSQL alike.
#![allow(clippy::unwrap_used)] // a test that unwraps fails with the value's message
#![allow(clippy::too_many_lines)] // a scenario reads top to bottom, as its user would do it

use suara_domain::period::Month;
use suara_domain::skm::Weighting;
use suara_domain::survey::{validate, ResponseDraft, ValidResponse};
use suara_store::testing::{tenant, TestDatabase, OFFICER_NIP as NIP};
use suara_store::{Channel, RecordError, Recorded, Scope, Store, Submission};
use time::macros::datetime;
use time::OffsetDateTime;

suara_store::backend_tests!(
    migrations_are_idempotent,
    records_and_reads_back_the_ikm,
    retry_with_same_key_counts_once,
    same_key_with_other_content_is_a_conflict,
    unknown_references_are_refused,
    months_follow_the_tenant_local_time,
    running_totals_equal_a_full_recount,
    a_batch_judges_each_response_on_its_own,
);

fn response(key: &str, unit: &str, answers: [i64; 9]) -> ValidResponse {
    validate(ResponseDraft {
        unit: Some(unit.into()),
        answers: Some(answers.iter().map(|&a| Some(a)).collect()),
        idempotency_key: Some(key.into()),
        ..ResponseDraft::default()
    })
    .unwrap()
}

async fn record(
    store: &Store,
    response: &ValidResponse,
    at: OffsetDateTime,
) -> Result<Recorded, RecordError> {
    store
        .record_response(
            &tenant(),
            Submission {
                response,
                channel: Channel::Api,
                received_at: at,
                signals: None,
            },
        )
        .await
}

fn november() -> Month {
    Month::new(2026, 11).unwrap()
}

async fn unit_ikm(store: &Store, unit: &str) -> Option<String> {
    let tally = store
        .tally("t1", Scope::Unit(unit), november(), november())
        .await
        .unwrap();
    tally
        .score(Weighting::Exact)
        .map(|s| s.ikm_rounded().to_string())
}

const NOW: OffsetDateTime = datetime!(2026-11-20 03:00 UTC);

async fn migrations_are_idempotent(db: TestDatabase) {
    let first = db.seeded_store().await;
    first.close().await;
    let again = db.store().await;
    assert_eq!(again.units("t1").await.unwrap().len(), 4);
    again.ping().await.unwrap();
}

async fn records_and_reads_back_the_ikm(db: TestDatabase) {
    let store = db.seeded_store().await;
    assert_eq!(unit_ikm(&store, "dukcapil").await, None);

    let mut first = response("key-00000001", "dukcapil", [4; 9]);
    first.service = Some("ktp".into());
    first.officer = Some(NIP.into());
    let recorded = record(&store, &first, NOW).await.unwrap();
    let Recorded::Created(receipt) = recorded else {
        panic!("expected a new response")
    };
    assert!(
        receipt.code.starts_with("SKM-") && receipt.code.len() == 15,
        "{}",
        receipt.code
    );
    assert_eq!(receipt.period_month, "2026-11");
    assert_eq!(
        unit_ikm(&store, "dukcapil").await.as_deref(),
        Some("100.00")
    );

    record(&store, &response("key-00000002", "dukcapil", [3; 9]), NOW)
        .await
        .unwrap();
    assert_eq!(unit_ikm(&store, "dukcapil").await.as_deref(), Some("87.50"));

    // The service and officer scopes only saw the first response.
    let officer = store
        .tally("t1", Scope::Officer(NIP), november(), november())
        .await
        .unwrap();
    assert_eq!(officer.responses(), 1);
    let service = store
        .tally("t1", Scope::Service("ktp"), november(), november())
        .await
        .unwrap();
    assert_eq!(service.responses(), 1);
    let all = store
        .tallies_of_kind("t1", suara_store::ScopeKind::Unit, november(), november())
        .await
        .unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].0, "dukcapil");
    assert_eq!(all[0].1.responses(), 2);
}

async fn retry_with_same_key_counts_once(db: TestDatabase) {
    let store = db.seeded_store().await;
    let r = response("retry-key-1", "dukcapil", [2, 3, 4, 1, 2, 3, 4, 1, 2]);
    let first = record(&store, &r, NOW).await.unwrap();
    let second = record(&store, &r, NOW + time::Duration::minutes(5))
        .await
        .unwrap();
    assert!(matches!(first, Recorded::Created(_)));
    assert!(matches!(second, Recorded::Replayed(_)));
    assert_eq!(first.receipt().code, second.receipt().code);
    assert_eq!(first.receipt().received_at, second.receipt().received_at);
    let tally = store
        .tally("t1", Scope::Unit("dukcapil"), november(), november())
        .await
        .unwrap();
    assert_eq!(tally.responses(), 1);
}

async fn same_key_with_other_content_is_a_conflict(db: TestDatabase) {
    let store = db.seeded_store().await;
    record(&store, &response("shared-key-1", "dukcapil", [4; 9]), NOW)
        .await
        .unwrap();
    let err = record(&store, &response("shared-key-1", "dukcapil", [1; 9]), NOW)
        .await
        .unwrap_err();
    assert!(matches!(err, RecordError::IdempotencyConflict), "{err}");
}

async fn unknown_references_are_refused(db: TestDatabase) {
    let store = db.seeded_store().await;
    let err = record(&store, &response("k-unknown-unit", "nowhere", [4; 9]), NOW)
        .await
        .unwrap_err();
    assert!(
        matches!(err, RecordError::UnknownUnit(ref u) if u == "nowhere"),
        "{err}"
    );

    let mut r = response("k-unknown-svc", "dukcapil", [4; 9]);
    r.service = Some("paspor".into());
    assert!(matches!(
        record(&store, &r, NOW).await,
        Err(RecordError::UnknownService(_))
    ));

    r.service = Some("igd".into());
    r.idempotency_key = "k-other-unit-svc".into();
    assert!(matches!(
        record(&store, &r, NOW).await,
        Err(RecordError::ServiceOfOtherUnit { .. })
    ));

    let mut r = response("k-unknown-nip", "dukcapil", [4; 9]);
    r.officer = Some("199912312020121001".into());
    assert!(matches!(
        record(&store, &r, NOW).await,
        Err(RecordError::UnknownOfficer(_))
    ));

    // Nothing refused was counted.
    assert_eq!(unit_ikm(&store, "dukcapil").await, None);
}

async fn months_follow_the_tenant_local_time(db: TestDatabase) {
    let store = db.seeded_store().await;
    // 31 October 20:00 UTC is 1 November 03:00 in WIB (UTC+7).
    let recorded = record(
        &store,
        &response("k-midnight", "dukcapil", [4; 9]),
        datetime!(2026-10-31 20:00 UTC),
    )
    .await
    .unwrap();
    assert_eq!(recorded.receipt().period_month, "2026-11");
    assert_eq!(recorded.receipt().received_at.offset().whole_hours(), 7);
    assert_eq!(
        unit_ikm(&store, "dukcapil").await.as_deref(),
        Some("100.00")
    );
}

async fn running_totals_equal_a_full_recount(db: TestDatabase) {
    let store = db.seeded_store().await;
    // A deterministic spread of responses over units, services, officers and months.
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = |n: u64| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state % n
    };
    let mut owned = Vec::new();
    for i in 0..300 {
        let mut answers = [None; 9];
        for slot in answers.iter_mut() {
            // About one answer in ten is left blank.
            *slot = (next(10) != 0).then(|| 1 + next(4) as i64);
        }
        if answers.iter().all(Option::is_none) {
            answers[0] = Some(3);
        }
        let unit = ["dukcapil", "rsud", "rsud-igd"][next(3) as usize];
        let mut r = validate(ResponseDraft {
            unit: Some(unit.into()),
            answers: Some(answers.to_vec()),
            idempotency_key: Some(format!("bulk-{i:05}")),
            ..ResponseDraft::default()
        })
        .unwrap();
        if unit == "dukcapil" && next(2) == 0 {
            r.service = Some("ktp".into());
            r.officer = Some(NIP.into());
        }
        let at = datetime!(2026-09-01 00:00 UTC) + time::Duration::hours(next(24 * 90) as i64);
        owned.push((r, at));
    }
    let submissions = owned.iter().map(|(r, at)| Submission {
        response: r,
        channel: Channel::Web,
        received_at: *at,
        signals: None,
    });
    let outcomes = store
        .record_responses(&tenant(), submissions)
        .await
        .unwrap();
    assert!(outcomes
        .iter()
        .all(|o| matches!(o, Ok(Recorded::Created(_)))));

    let months = [(2026, 9), (2026, 10), (2026, 11)].map(|(y, m)| Month::new(y, m).unwrap());
    let scopes = [
        Scope::Unit("dukcapil"),
        Scope::Unit("rsud"),
        Scope::Unit("rsud-igd"),
        Scope::Service("ktp"),
        Scope::Officer(NIP),
    ];
    let mut total = 0;
    for scope in scopes {
        for (first, last) in months
            .iter()
            .map(|m| (*m, *m))
            .chain([(months[0], months[2])])
        {
            let running = store.tally("t1", scope, first, last).await.unwrap();
            let recount = store
                .recompute_tally("t1", scope, first, last)
                .await
                .unwrap();
            assert_eq!(running, recount, "{scope:?} {first}..{last}");
            if matches!(scope, Scope::Unit(_)) && first != last {
                total += running.responses();
            }
        }
    }
    assert_eq!(total, 300);
}

async fn a_batch_judges_each_response_on_its_own(db: TestDatabase) {
    let store = db.seeded_store().await;
    let earlier = response("batch-earlier", "dukcapil", [3; 9]);
    let first = record(&store, &earlier, NOW).await.unwrap();

    let fresh = response("batch-fresh", "dukcapil", [4; 9]);
    let other_content = response("batch-fresh", "dukcapil", [1; 9]);
    let mut bad_service = response("batch-bad-service", "dukcapil", [4; 9]);
    bad_service.service = Some("igd".into());
    let batch = [
        fresh.clone(),
        response("batch-nowhere", "nowhere", [4; 9]),
        fresh.clone(),
        earlier.clone(),
        other_content,
        bad_service,
        response("batch-rsud", "rsud", [2; 9]),
    ];
    let outcomes = store
        .record_responses(
            &tenant(),
            batch.iter().map(|response| Submission {
                response,
                channel: Channel::Api,
                received_at: NOW + time::Duration::minutes(1),
                signals: None,
            }),
        )
        .await
        .unwrap();
    assert_eq!(outcomes.len(), batch.len());
    let Ok(Recorded::Created(stored)) = &outcomes[0] else {
        panic!("{:?}", outcomes[0]);
    };
    assert!(matches!(&outcomes[1], Err(RecordError::UnknownUnit(u)) if u == "nowhere"));
    // A key used twice in one batch: the second replays the first's receipt.
    assert!(matches!(&outcomes[2], Ok(Recorded::Replayed(r)) if r == stored));
    assert!(
        matches!(&outcomes[3], Ok(Recorded::Replayed(r)) if r == first.receipt()),
        "{:?}",
        outcomes[3]
    );
    assert!(matches!(
        &outcomes[4],
        Err(RecordError::IdempotencyConflict)
    ));
    assert!(matches!(
        &outcomes[5],
        Err(RecordError::ServiceOfOtherUnit { .. })
    ));
    assert!(matches!(&outcomes[6], Ok(Recorded::Created(_))));

    let count = |unit| {
        let store = store.clone();
        async move {
            store
                .tally("t1", Scope::Unit(unit), november(), november())
                .await
                .unwrap()
                .responses()
        }
    };
    assert_eq!(count("dukcapil").await, 2);
    assert_eq!(count("rsud").await, 1);
    let chain = store.verify_chain("t1").await.unwrap();
    assert!(chain.is_intact(), "{chain:?}");
    assert_eq!(chain.verified, 3);
}
