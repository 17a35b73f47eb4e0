//! Ready for a distributed PostgreSQL (Citus, with `tenant_id` as the distribution column):
//! every table's primary key and every foreign key begins with the regency key, as each
//! database reports its own schema.
#![allow(clippy::unwrap_used)] // a test that unwraps fails with the value's message
#![allow(clippy::too_many_lines)] // a scenario reads top to bottom, as its user would do it

use suara_store::testing::TestDatabase;

suara_store::backend_tests!(every_key_begins_with_the_regency);

/// The migrations' own bookkeeping, which no regency owns.
const NOT_A_REGENCY_TABLE: &[&str] = &["suara_migrations"];

/// On SQLite only (which is never distributed), two append-only tables number their rows
/// with SQLite's own row number, whose key must stand alone (`INTEGER PRIMARY KEY`); on
/// PostgreSQL their keys begin with the regency like every other.
const SQLITE_ROW_NUMBERED: &[&str] = &["audit_log", "responses"];

async fn every_key_begins_with_the_regency(db: TestDatabase) {
    let store = db.store().await;
    let tables = store.table_keys().await.unwrap();
    assert!(tables.len() > 40, "{} tables", tables.len());
    let mut problems = Vec::new();
    for keys in &tables {
        if NOT_A_REGENCY_TABLE.contains(&keys.table.as_str()) {
            continue;
        }
        let row_numbered = store.backend() == suara_store::Backend::Sqlite
            && SQLITE_ROW_NUMBERED.contains(&keys.table.as_str());
        if row_numbered {
            assert_eq!(keys.primary.len(), 1, "{}: {:?}", keys.table, keys.primary);
        } else if keys.primary.first().map(String::as_str) != Some("tenant_id") {
            problems.push(format!("{}: primary key {:?}", keys.table, keys.primary));
        }
        for foreign in &keys.foreign {
            if foreign.first().map(String::as_str) != Some("tenant_id") {
                problems.push(format!("{}: foreign key {:?}", keys.table, foreign));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // Both backends have the same tables with the same keys.
    let names: Vec<&str> = tables.iter().map(|k| k.table.as_str()).collect();
    assert!(names.contains(&"responses") && names.contains(&"tenant_hosts"));
}
