//! An online backup of the SQLite database: taken while responses keep arriving, the copy is a
//! complete database whose chain verifies and which holds a consistent prefix of the responses.
#![allow(clippy::unwrap_used)] // a test that unwraps fails with the value's message
#![allow(clippy::too_many_lines)] // a scenario reads top to bottom, as its user would do it

use suara_domain::survey::{validate, ResponseDraft};
use suara_store::testing::{tenant, TestDatabase};
use suara_store::{Channel, Scope, Store, StoreError, Submission};
use time::OffsetDateTime;

async fn answer(store: &Store, i: usize) {
    let response = validate(ResponseDraft {
        unit: Some("dukcapil".into()),
        answers: Some(vec![Some(3); 9]),
        idempotency_key: Some(format!("backup-{i:05}")),
        ..ResponseDraft::default()
    })
    .unwrap();
    let submission = Submission {
        response: &response,
        channel: Channel::Web,
        received_at: OffsetDateTime::now_utc(),
        signals: None,
    };
    store.record_response(&tenant(), submission).await.unwrap();
}

#[tokio::test]
async fn a_backup_taken_under_load_is_complete_and_verifies() {
    let db = TestDatabase::sqlite().await;
    let store = db.seeded_store().await;
    for i in 0..50 {
        answer(&store, i).await;
    }
    let writer = {
        let store = store.clone();
        tokio::spawn(async move {
            for i in 50..250 {
                answer(&store, i).await;
            }
        })
    };
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("copy.db");
    store.backup_to(&path).await.unwrap();
    writer.await.unwrap();
    assert!(matches!(
        store.backup_to(&path).await,
        Err(StoreError::BackupExists(_))
    ));

    let copy = Store::open(&format!("sqlite://{}", path.display()))
        .await
        .unwrap();
    let report = copy.verify_chain("t1").await.unwrap();
    assert!(report.is_intact(), "{report:?}");
    let month = tenant().month_of(OffsetDateTime::now_utc());
    let counted = copy
        .tally("t1", Scope::Unit("dukcapil"), month, month)
        .await
        .unwrap()
        .responses();
    let original = store
        .tally("t1", Scope::Unit("dukcapil"), month, month)
        .await
        .unwrap()
        .responses();
    // Every response stored before the backup is in it, nothing half-written after it: the
    // copy's totals match its chain and its rows. (The unit-burst rule holds some of these
    // rapid responses back; held ones count nowhere, in the original as in the copy.)
    let raw = sqlx::AnyPool::connect(&format!("sqlite://{}", path.display()))
        .await
        .unwrap();
    let stored: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM responses")
        .fetch_one(&raw)
        .await
        .unwrap();
    raw.close().await;
    assert!((50..=250).contains(&stored), "{stored}");
    assert!(counted <= original);
    assert_eq!(report.verified, counted);
    let recounted = copy
        .recompute_tally("t1", Scope::Unit("dukcapil"), month, month)
        .await
        .unwrap()
        .responses();
    assert_eq!(recounted, counted);
}
