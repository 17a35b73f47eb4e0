//! Bulk loads on both backends: loaded responses are counted and chained exactly as recorded
//! ones, the application can record after them, and bad input stops the load cleanly.
#![allow(clippy::unwrap_used)] // a test that unwraps fails with the value's message
#![allow(clippy::too_many_lines)] // a scenario reads top to bottom, as its user would do it

use suara_domain::period::Month;
use suara_domain::skm::Answers;
use suara_domain::survey::{validate, Profile, ResponseDraft, ValidResponse};
use suara_store::testing::{seed_second_regency, tenant, TestDatabase, OFFICER_NIP};
use suara_store::{BulkResponse, Channel, Scope, Store, StoreError, Submission};
use time::macros::datetime;
use time::{Duration, OffsetDateTime};

suara_store::backend_tests!(
    loaded_responses_count_and_chain_like_recorded_ones,
    two_regencies_load_into_one_database,
    a_bad_bulk_load_stops_and_stores_nothing_of_its_batch
);

fn generated(serial: u64, unit: &str, officer: Option<&str>, rating: u8) -> BulkResponse {
    let start = datetime!(2026-09-01 01:00 UTC);
    BulkResponse {
        response: ValidResponse {
            tenant: None,
            unit: unit.into(),
            service: (unit == "dukcapil").then(|| "ktp".to_string()),
            officer: officer.map(str::to_string),
            answers: Answers::complete([rating; 9]).unwrap(),
            profile: Profile::default(),
            suggestion: serial.is_multiple_of(3).then(|| "Antrean lama".to_string()),
            idempotency_key: format!("bulk-{serial:06}"),
            ticket: None,
            extra: Vec::new(),
        },
        channel: Channel::Web,
        // Three responses an hour from September into October.
        received_at: start + Duration::minutes(20 * serial as i64),
        receipt: format!("SKM-BULK{:01}-{serial:05}", serial % 10),
    }
}

/// A citizen's answer recorded the ordinary way, after a load.
async fn record_after(store: &Store, regency: &suara_store::Tenant, key: &str) {
    let response = validate(ResponseDraft {
        unit: Some("dukcapil".into()),
        answers: Some(vec![Some(4); 9]),
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
    store.record_response(regency, submission).await.unwrap();
}

/// The province bench and `suara demo --regency` load one regency after another into one
/// database (on SQLite the response number is the whole table's row number, so the second
/// load must continue after the first's); both then go on recording.
async fn two_regencies_load_into_one_database(db: TestDatabase) {
    let store = db.seeded_store().await;
    seed_second_regency(&store).await;
    let second = store.tenant("t2").await.unwrap().unwrap();
    for regency in [tenant(), second.clone()] {
        let batch: Vec<BulkResponse> = (0..200)
            .map(|serial| generated(serial, "dukcapil", Some(OFFICER_NIP), 3))
            .collect();
        let summary = store
            .bulk_load(&regency, std::iter::once(batch))
            .await
            .unwrap();
        assert_eq!(summary.responses, 200, "{}", regency.tenant_id);
    }
    for (regency, key) in [(tenant(), "t1-after"), (second, "t2-after")] {
        record_after(&store, &regency, key).await;
        let report = store.verify_chain(&regency.tenant_id).await.unwrap();
        assert!(report.is_intact(), "{report:?}");
        assert_eq!(report.verified, 201);
    }
}

async fn loaded_responses_count_and_chain_like_recorded_ones(db: TestDatabase) {
    let store = db.seeded_store().await;
    let batches: Vec<Vec<BulkResponse>> = (0..30)
        .map(|batch| {
            (0..100)
                .map(|i| {
                    let serial: u64 = batch * 100 + i;
                    let (unit, officer) = if serial.is_multiple_of(4) {
                        ("rsud", None)
                    } else {
                        ("dukcapil", Some(OFFICER_NIP))
                    };
                    generated(serial, unit, officer, 1 + (serial % 4) as u8)
                })
                .collect()
        })
        .collect();
    let summary = store
        .bulk_load(&tenant(), batches.into_iter())
        .await
        .unwrap();
    assert_eq!(summary.responses, 3000);
    assert_eq!(summary.chain_length, 3000);

    // The application goes on recording after the loaded responses, in the same chain.
    record_after(&store, &tenant(), "after-the-load").await;
    let report = store.verify_chain("t1").await.unwrap();
    assert!(report.is_intact(), "{report:?}");
    assert_eq!(report.verified, 3001);

    let first = Month::new(2026, 9).unwrap();
    let last = tenant().month_of(OffsetDateTime::now_utc());
    for scope in [
        Scope::Unit("dukcapil"),
        Scope::Unit("rsud"),
        Scope::Service("ktp"),
        Scope::Officer(OFFICER_NIP),
    ] {
        let running = store.tally("t1", scope, first, last).await.unwrap();
        let recount = store
            .recompute_tally("t1", scope, first, last)
            .await
            .unwrap();
        assert_eq!(running, recount, "{scope:?}");
    }
    let september = Month::new(2026, 9).unwrap();
    let rsud = store
        .tally("t1", Scope::Unit("rsud"), september, september)
        .await
        .unwrap();
    assert!(rsud.responses() > 0 && rsud.responses() < 750);
}

async fn a_bad_bulk_load_stops_and_stores_nothing_of_its_batch(db: TestDatabase) {
    let store = db.seeded_store().await;
    let unknown_officer = vec![vec![
        generated(1, "dukcapil", None, 3),
        generated(2, "dukcapil", Some("199901012020011001"), 3),
    ]];
    let refused = store
        .bulk_load(&tenant(), unknown_officer.into_iter())
        .await;
    assert!(
        matches!(refused, Err(StoreError::BulkLoad(ref why)) if why.contains("199901012020011001")),
        "{refused:?}"
    );
    let out_of_order = vec![
        vec![generated(5, "dukcapil", None, 3)],
        vec![generated(4, "dukcapil", None, 3)],
    ];
    let refused = store.bulk_load(&tenant(), out_of_order.into_iter()).await;
    assert!(
        matches!(refused, Err(StoreError::BulkLoad(ref why)) if why.contains("arrival order")),
        "{refused:?}"
    );
    let report = store.verify_chain("t1").await.unwrap();
    assert!(report.is_intact(), "{report:?}");
    assert_eq!(report.verified, 0);
    assert_empty(&store).await;
}

async fn assert_empty(store: &Store) {
    let month = Month::new(2026, 9).unwrap();
    let tally = store
        .tally("t1", Scope::Unit("dukcapil"), month, month)
        .await
        .unwrap();
    assert_eq!(tally.responses(), 0);
}
