//! Organisation import, assignment history, the audit log and accounts, on both backends.
#![allow(clippy::unwrap_used)] // a test that unwraps fails with the value's message
#![allow(clippy::too_many_lines)] // a scenario reads top to bottom, as its user would do it

use suara_domain::access::Role;
use suara_domain::org::import::{plan_import, ImportFiles};
use suara_store::testing::{TestDatabase, OFFICER_NIP};
use suara_store::NewAccount;
use time::macros::{date, datetime};
use time::{Duration, OffsetDateTime};

suara_store::backend_tests!(
    import_applies_once_and_keeps_history,
    audit_log_is_append_only,
    accounts_sessions_and_login_failures,
    accounts_are_disabled_reset_and_keys_revoked,
);

const NOW: OffsetDateTime = datetime!(2026-11-23 03:00 UTC);

async fn import_applies_once_and_keeps_history(db: TestDatabase) {
    let store = db.seeded_store().await;
    let units = "unit_id,parent_id,name,kind,monthly_users\npkm-igd,rsud-igd,Pos IGD,upt,40\n";
    let officers = format!(
        "nip,name,position,position_class,unit_id,assigned_from\n\
         {OFFICER_NIP},Sri Wahyuni,Perawat,8,pkm-igd,2026-06-01\n"
    );
    let files = ImportFiles {
        units: Some(units.as_bytes()),
        officers: Some(officers.as_bytes()),
        ..Default::default()
    };
    let snapshot = store.org_snapshot("t1").await.unwrap();
    let plan = plan_import(&files, &snapshot, date!(2026 - 11 - 23)).unwrap();
    store.apply_import("t1", &plan, "admin", NOW).await.unwrap();

    let officer = store.officer("t1", OFFICER_NIP).await.unwrap().unwrap();
    assert_eq!(
        (officer.unit_id.as_str(), officer.position_class.as_str()),
        ("pkm-igd", "8")
    );
    let history = store.assignments("t1", OFFICER_NIP).await.unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!(
        (
            history[0].unit_id.as_str(),
            history[0].from,
            history[0].until
        ),
        ("pkm-igd", date!(2026 - 06 - 01), None)
    );
    assert_eq!(
        (history[1].unit_id.as_str(), history[1].until),
        ("dukcapil", Some(date!(2026 - 05 - 31)))
    );
    assert_eq!(
        store
            .unit("t1", "pkm-igd")
            .await
            .unwrap()
            .unwrap()
            .monthly_users,
        Some(40)
    );

    // The same files again: nothing to do.
    let again = plan_import(
        &files,
        &store.org_snapshot("t1").await.unwrap(),
        date!(2026 - 11 - 23),
    )
    .unwrap();
    assert!(again.is_empty(), "{again:?}");

    let log = store.audit_log("t1", None, 10).await.unwrap();
    assert_eq!(
        (
            log[0].entity.as_str(),
            log[0].action.as_str(),
            log[0].actor.as_str()
        ),
        ("officer", "update", "admin")
    );
    assert!(log[0].before.as_deref().unwrap().contains("dukcapil"));
    assert!(log[0].after.as_deref().unwrap().contains("pkm-igd"));
    assert_eq!(
        (log[1].entity.as_str(), log[1].action.as_str()),
        ("unit", "create")
    );

    // Searching: any case, in the record and its before/after text; `%` and `_` are literal.
    let moved = store.audit_search("t1", "PKM-IGD", None, 10).await.unwrap();
    assert!(!moved.is_empty() && moved.len() < log.len());
    assert!(moved
        .iter()
        .all(|e| e.after.as_deref().unwrap_or("").contains("pkm-igd")
            || e.entity_id.contains("pkm-igd")));
    assert!(store
        .audit_search("t1", "%", None, 10)
        .await
        .unwrap()
        .is_empty());
    assert!(store
        .audit_search("t1", "no_such", None, 10)
        .await
        .unwrap()
        .is_empty());
    assert_eq!(
        store
            .audit_search("t1", "  ", None, 10)
            .await
            .unwrap()
            .len(),
        log.len()
    );
}

async fn audit_log_is_append_only(db: TestDatabase) {
    let store = db.seeded_store().await;
    let raw = sqlx::AnyPool::connect(&db.url).await.unwrap();
    assert!(sqlx::query("UPDATE audit_log SET actor = 'someone else'")
        .execute(&raw)
        .await
        .is_err());
    assert!(sqlx::query("DELETE FROM audit_log")
        .execute(&raw)
        .await
        .is_err());
    assert!(!store.audit_log("t1", None, 100).await.unwrap().is_empty());
}

async fn accounts_sessions_and_login_failures(db: TestDatabase) {
    let store = db.seeded_store().await;
    let account = NewAccount {
        username: "dinkes",
        password_hash: "$argon2id$x",
        must_change_password: false,
        role: Role::UnitAdmin,
        unit_id: Some("rsud"),
        nip: None,
    };
    assert!(store
        .create_account("t1", &account, "cli", NOW)
        .await
        .unwrap());
    assert!(
        !store
            .create_account("t1", &account, "cli", NOW)
            .await
            .unwrap(),
        "usernames are unique"
    );
    let stored = store.account("t1", "dinkes").await.unwrap().unwrap();
    assert_eq!(
        (stored.role, stored.unit_id.as_deref()),
        (Role::UnitAdmin, Some("rsud"))
    );
    let audit = &store.audit_log("t1", None, 1).await.unwrap()[0];
    assert_eq!(audit.entity, "account");
    assert!(
        !audit.after.as_deref().unwrap().contains("argon2"),
        "the hash is not logged"
    );

    store
        .create_session(
            "t1",
            "hash-1",
            "dinkes",
            "csrf-1",
            NOW + Duration::hours(8),
            true,
        )
        .await
        .unwrap();
    let session = store.session("hash-1", NOW).await.unwrap().unwrap();
    assert_eq!(
        (
            session.tenant_id.as_str(),
            session.csrf_token.as_str(),
            session.account.username.as_str()
        ),
        ("t1", "csrf-1", "dinkes")
    );
    assert!(
        store
            .session("hash-1", NOW + Duration::hours(9))
            .await
            .unwrap()
            .is_none(),
        "expired"
    );
    assert!(store.session("hash-2", NOW).await.unwrap().is_none());
    store.delete_session("hash-1", NOW).await.unwrap();
    assert!(store.session("hash-1", NOW).await.unwrap().is_none());

    let since = NOW - Duration::minutes(60);
    let attempt = |username: &'static str, client: &'static str, seconds: i64| {
        let store = store.clone();
        async move {
            store
                .record_login_attempt(
                    "t1",
                    username,
                    client,
                    NOW + Duration::seconds(seconds),
                    since,
                )
                .await
                .unwrap()
        }
    };
    for i in 0..3 {
        attempt("dinkes", "10.0.0.1", i).await;
    }
    attempt("admin", "10.0.0.1", 3).await;
    // Each attempt sees the failures before it: for its pair, and from its client.
    let prior = attempt("dinkes", "10.0.0.1", 4).await;
    assert_eq!((prior.pair, prior.client), (3, 4));
    assert_eq!(prior.pair_last, Some(NOW + Duration::seconds(2)));
    assert_eq!(prior.client_last, Some(NOW + Duration::seconds(3)));
    // Another client's attempts at the same username do not count against this one.
    assert_eq!(attempt("dinkes", "10.0.0.9", 5).await.pair, 0);
    store
        .clear_login_failures("t1", "dinkes", "10.0.0.1", since)
        .await
        .unwrap();
    let after = attempt("dinkes", "10.0.0.1", 6).await;
    assert_eq!(
        (after.pair, after.client),
        (0, 1),
        "only admin's failure is left there"
    );
}

async fn accounts_are_disabled_reset_and_keys_revoked(db: TestDatabase) {
    use suara_store::AccountChange;
    let store = db.seeded_store().await;
    let account = NewAccount {
        username: "keuangan",
        password_hash: "$argon2id$old",
        must_change_password: false,
        role: Role::Finance,
        unit_id: None,
        nip: None,
    };
    store
        .create_account("t1", &account, "cli", NOW)
        .await
        .unwrap();
    let later = NOW + Duration::hours(8);
    for token in ["laptop", "phone"] {
        store
            .create_session("t1", token, "keuangan", "csrf", later, true)
            .await
            .unwrap();
    }
    // A new password ends every other session; the one that changed it stays.
    let change = AccountChange::Password {
        hash: "$argon2id$new",
        keep: Some("laptop"),
        chosen_for: false,
    };
    assert!(store
        .change_account("t1", "keuangan", change, "keuangan", NOW)
        .await
        .unwrap());
    assert!(store.session("laptop", NOW).await.unwrap().is_some());
    assert!(store.session("phone", NOW).await.unwrap().is_none());
    assert_eq!(
        store
            .account("t1", "keuangan")
            .await
            .unwrap()
            .unwrap()
            .password_hash,
        "$argon2id$new"
    );
    // Disabled: out at once, and shown as such; enabled again: may sign in anew.
    assert!(store
        .change_account("t1", "keuangan", AccountChange::Disable, "admin", NOW)
        .await
        .unwrap());
    assert!(
        store.session("laptop", NOW).await.unwrap().is_none(),
        "out at once"
    );
    assert!(
        store
            .account("t1", "keuangan")
            .await
            .unwrap()
            .unwrap()
            .disabled
    );
    assert!(store
        .change_account("t1", "keuangan", AccountChange::Enable, "admin", NOW)
        .await
        .unwrap());
    assert!(
        !store
            .account("t1", "keuangan")
            .await
            .unwrap()
            .unwrap()
            .disabled
    );
    store
        .create_session("t1", "again", "keuangan", "csrf", later, true)
        .await
        .unwrap();
    assert!(store
        .change_account("t1", "keuangan", AccountChange::EndSessions, "admin", NOW)
        .await
        .unwrap());
    assert!(store.session("again", NOW).await.unwrap().is_none());
    assert!(!store
        .change_account("t1", "nobody", AccountChange::Disable, "admin", NOW)
        .await
        .unwrap());
    let actions: Vec<String> = store
        .audit_log("t1", None, 4)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.action)
        .collect();
    assert_eq!(
        actions,
        ["end_sessions", "enable", "disable", "set_password"]
    );

    // A revoked API key is refused from then on, and listed as revoked.
    store
        .create_api_key("t1", "key-hash", "antrian", "dukcapil", NOW)
        .await
        .unwrap();
    assert!(store.api_key("key-hash").await.unwrap().is_some());
    assert_eq!(
        store
            .revoke_api_key("t1", "antrian", "admin", NOW)
            .await
            .unwrap(),
        1
    );
    assert!(store.api_key("key-hash").await.unwrap().is_none());
    assert_eq!(
        store
            .revoke_api_key("t1", "antrian", "admin", NOW)
            .await
            .unwrap(),
        0
    );
    let keys = store.api_keys("t1").await.unwrap();
    assert_eq!((keys.len(), keys[0].revoked_at.is_some()), (1, true));
}
