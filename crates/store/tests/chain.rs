//! The hash chain of accepted responses, on both backends: concurrent appends do not fork
//! it, and any change made behind the application's back is found.
#![allow(clippy::unwrap_used)] // a test that unwraps fails with the value's message
#![allow(clippy::too_many_lines)] // a scenario reads top to bottom, as its user would do it

use std::sync::Arc;

use suara_domain::integrity::chain::Broken;
use suara_domain::survey::{validate, ResponseDraft, ValidResponse};
use suara_store::testing::{tenant, TestDatabase};
use suara_store::{Channel, Store, Submission};
use time::OffsetDateTime;

suara_store::backend_tests!(
    concurrent_appends_make_one_intact_chain,
    edits_deletions_and_insertions_are_found,
);

fn response(i: usize) -> ValidResponse {
    validate(ResponseDraft {
        unit: Some(["dukcapil", "rsud-igd"][i % 2].into()),
        answers: Some(vec![Some(1 + (i % 4) as i64); 9]),
        idempotency_key: Some(format!("chain-{i:05}")),
        ..ResponseDraft::default()
    })
    .unwrap()
}

async fn record(store: &Store, i: usize) {
    let response = response(i);
    let submission = Submission {
        response: &response,
        channel: Channel::Api,
        received_at: OffsetDateTime::now_utc(),
        signals: None,
    };
    store.record_response(&tenant(), submission).await.unwrap();
}

async fn concurrent_appends_make_one_intact_chain(db: TestDatabase) {
    let store = Arc::new(db.seeded_store().await);
    let tasks: Vec<_> = (0..40)
        .map(|i| {
            let store = store.clone();
            tokio::spawn(async move { record(&store, i).await })
        })
        .collect();
    for task in tasks {
        task.await.unwrap();
    }
    let report = store.verify_chain("t1").await.unwrap();
    assert!(report.is_intact(), "{report:?}");
    assert_eq!(report.verified, 40);
    // Retries add no link.
    record(&store, 3).await;
    assert_eq!(store.verify_chain("t1").await.unwrap().verified, 40);
    let heads = store
        .chain_heads_at(
            "t1",
            &[OffsetDateTime::now_utc() + time::Duration::seconds(1)],
        )
        .await
        .unwrap();
    assert_eq!(heads[0], Some((40, report.head)));
}

async fn edits_deletions_and_insertions_are_found(db: TestDatabase) {
    let store = db.seeded_store().await;
    for i in 0..10 {
        record(&store, i).await;
    }
    assert!(store.verify_chain("t1").await.unwrap().is_intact());
    let raw = sqlx::AnyPool::connect(&db.url).await.unwrap();
    let id_of = |seq: i64| {
        format!("(SELECT response_id FROM chain_links WHERE tenant_id = 't1' AND seq = {seq})")
    };

    // Someone with database access lowers one rating.
    sqlx::query(&format!(
        "UPDATE responses SET u1 = u1 - 1 WHERE response_id = {}",
        id_of(4)
    ))
    .execute(&raw)
    .await
    .unwrap();
    let report = store.verify_chain("t1").await.unwrap();
    assert!(
        matches!(report.broken, Some(Broken::ContentChanged { seq: 4, .. })),
        "{report:?}"
    );
    assert_eq!(report.verified, 3);
    sqlx::query(&format!(
        "UPDATE responses SET u1 = u1 + 1 WHERE response_id = {}",
        id_of(4)
    ))
    .execute(&raw)
    .await
    .unwrap();
    assert!(
        store.verify_chain("t1").await.unwrap().is_intact(),
        "undoing the edit restores the chain"
    );

    // …or deletes an unwelcome response.
    sqlx::query(&format!(
        "DELETE FROM responses WHERE response_id = {}",
        id_of(7)
    ))
    .execute(&raw)
    .await
    .unwrap();
    let report = store.verify_chain("t1").await.unwrap();
    assert_eq!(report.broken, Some(Broken::ResponseMissing { seq: 7 }));

    // …or adds one without going through the application.
    sqlx::query(
        "INSERT INTO responses (tenant_id, idempotency_key, receipt, received_at_us, period_month, channel, unit_id, u1)
         VALUES ('t1', 'forged-0001', 'SKM-FORGED', 0, '2026-11', 'web', 'dukcapil', 4)",
    )
    .execute(&raw)
    .await
    .unwrap();
    assert_eq!(store.verify_chain("t1").await.unwrap().unchained, 1);
}
