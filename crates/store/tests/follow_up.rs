//! Follow-up plans on both backends: recorded for a unit and period, progress updated (and
//! audit-logged), listed by unit and period.
#![allow(clippy::unwrap_used)] // a test that unwraps fails with the value's message
#![allow(clippy::too_many_lines)] // a scenario reads top to bottom, as its user would do it

use suara_domain::period::Period;
use suara_domain::skm::follow_up::{validate, PlanDraft, Status};
use suara_store::testing::TestDatabase;
use time::OffsetDateTime;

suara_store::backend_tests!(plans_are_recorded_and_followed);

async fn plans_are_recorded_and_followed(db: TestDatabase) {
    let store = db.seeded_store().await;
    let now = OffsetDateTime::now_utc();
    let period: Period = "2026".parse().unwrap();
    let plan = validate(&PlanDraft {
        element: "U3".into(),
        action: "Menambah loket pada jam sibuk".into(),
        owner: "Kepala Bidang Pelayanan".into(),
        deadline: "2027-03-31".into(),
    })
    .unwrap();
    let id = store
        .add_follow_up("t1", "dukcapil", period, &plan, "admin", now)
        .await
        .unwrap();
    assert!(store
        .update_follow_up(
            "t1",
            "dukcapil",
            &id,
            Status::InProgress,
            Some("Loket 4 dibuka"),
            "admin",
            now
        )
        .await
        .unwrap());
    // A plan belongs to its unit: another unit's id changes nothing.
    assert!(!store
        .update_follow_up("t1", "rsud", &id, Status::Done, None, "admin", now)
        .await
        .unwrap());
    let plans = store
        .follow_ups("t1", Some("dukcapil"), Some(period))
        .await
        .unwrap();
    assert_eq!(plans.len(), 1);
    assert_eq!(plans[0].status, Status::InProgress);
    assert_eq!(plans[0].progress_note.as_deref(), Some("Loket 4 dibuka"));
    assert!(store
        .follow_ups("t1", Some("dukcapil"), Some("2025".parse().unwrap()))
        .await
        .unwrap()
        .is_empty());
    assert_eq!(store.follow_ups("t1", None, None).await.unwrap().len(), 1);
    let audit = store.audit_log("t1", None, 10).await.unwrap();
    assert!(audit
        .iter()
        .any(|e| e.entity == "follow_up_plan" && e.action == "update"));
}
