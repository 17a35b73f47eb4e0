//! Fresh databases for tests: a new SQLite file, or a new PostgreSQL database on the server
//! named by `SUARA_TEST_POSTGRES_URL` (dropped again afterwards). When that variable is
//! unset the PostgreSQL variant of a test is skipped with a notice on the terminal.

use std::io::Write;
use std::sync::atomic::{AtomicU32, Ordering};

use sqlx::{Connection, Executor};

use suara_domain::org::import::{Change, CurrentOfficer, ImportPlan, Snapshot};
use suara_domain::org::village::{Boundary, Village, VillageKind};
use time::macros::date;
use time::OffsetDateTime;

use crate::{Officer, Service, ServicePoint, Store, Tenant, Unit};

pub const POSTGRES_URL_VARIABLE: &str = "SUARA_TEST_POSTGRES_URL";

/// A database that lives as long as this value.
pub struct TestDatabase {
    pub url: String,
    _dir: Option<tempfile::TempDir>,
    postgres: Option<(String, String)>,
}

impl TestDatabase {
    pub async fn sqlite() -> TestDatabase {
        let dir = tempfile::tempdir().expect("temporary directory");
        let url = format!("sqlite://{}", dir.path().join("suara.db").display());
        TestDatabase {
            url,
            _dir: Some(dir),
            postgres: None,
        }
    }

    /// A new empty PostgreSQL database, or `None` (after printing why) when
    /// `SUARA_TEST_POSTGRES_URL` is not set.
    pub async fn postgres(test_name: &str) -> Option<TestDatabase> {
        let Ok(server_url) = std::env::var(POSTGRES_URL_VARIABLE) else {
            // Written to the terminal directly: the test harness hides println! output.
            // One write, so parallel tests do not interleave their lines.
            let notice = format!(
                "SKIPPED (PostgreSQL): {test_name}: set {POSTGRES_URL_VARIABLE}, e.g. postgres://postgres@127.0.0.1:5432/test\n"
            );
            let _ = std::io::stderr().write_all(notice.as_bytes());
            return None;
        };
        static COUNTER: AtomicU32 = AtomicU32::new(0);
        let name = format!(
            "suara_test_{}_{}_{}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed),
            rand::random::<u32>()
        );
        sqlx::any::install_default_drivers();
        let mut admin = sqlx::AnyConnection::connect(&server_url)
            .await
            .unwrap_or_else(|e| {
                panic!("{POSTGRES_URL_VARIABLE}={server_url}: cannot connect: {e}")
            });
        admin
            .execute(format!("CREATE DATABASE {name}").as_str())
            .await
            .expect("create test database");
        let _ = admin.close().await;
        let url = replace_database(&server_url, &name);
        Some(TestDatabase {
            url,
            _dir: None,
            postgres: Some((server_url, name)),
        })
    }

    /// Opens (and migrates) the store.
    pub async fn store(&self) -> Store {
        Store::open(&self.url).await.expect("open test store")
    }

    /// The store holding the fixture regency `t1`: units `dukcapil` (service `ktp`, point
    /// `loket-1`, officer [`OFFICER_NIP`]) and `rsud` with its sub-unit `rsud-igd` (service
    /// `igd`, officer [`OTHER_OFFICER_NIP`]).
    pub async fn seeded_store(&self) -> Store {
        let store = self.store().await;
        store.upsert_tenant(&tenant()).await.expect("tenant");
        store
            .seed_organisation("t1", &organisation(), "test", OffsetDateTime::now_utc())
            .await
            .expect("organisation");
        store
    }
}

/// Sets the users a month of every unit of the fixture regency `t1`. With `None` the units
/// have no hourly limit on open answers (`open_hour_limit`), for tests that send more web
/// answers in a minute than a unit of the fixture's 100 users a month plausibly gets.
pub async fn set_monthly_users(store: &Store, users: Option<u32>) {
    change_units(store, |unit| Unit {
        monthly_users: users,
        ..unit
    })
    .await;
}

/// Names officer `nip` the head of the fixture's unit `unit_id` (who signs its reports and
/// its payable list).
pub async fn set_unit_head(store: &Store, unit_id: &str, nip: &str) {
    change_units(store, |unit| Unit {
        head_nip: (unit.unit_id == unit_id)
            .then(|| nip.to_string())
            .or_else(|| unit.head_nip.clone()),
        ..unit
    })
    .await;
}

/// Imports every unit of the fixture regency `t1` changed by `change`, starting from the
/// fixture as [`organisation`] gives it (so a second call undoes what the first set).
async fn change_units(store: &Store, change: impl Fn(Unit) -> Unit) {
    let units = organisation()
        .units
        .into_iter()
        .map(|before| Change {
            after: change(before.clone()),
            before: Some(before),
        })
        .collect();
    let plan = ImportPlan {
        units,
        ..ImportPlan::default()
    };
    store
        .apply_import("t1", &plan, "test", OffsetDateTime::now_utc())
        .await
        .expect("change the fixture's units");
}

/// Adds a second regency `t2`, "Kabupaten Dua", holding the fixture organisation too.
pub async fn seed_second_regency(store: &Store) {
    store
        .upsert_tenant(&Tenant {
            tenant_id: "t2".into(),
            name: "Kabupaten Dua".into(),
            utc_offset_minutes: 420,
        })
        .await
        .expect("tenant");
    store
        .seed_organisation("t2", &organisation(), "test", OffsetDateTime::now_utc())
        .await
        .expect("organisation");
}

/// The fixture organisation of [`TestDatabase::seeded_store`].
pub fn organisation() -> Snapshot {
    let unit = |id: &str, parent: Option<&str>, name: &str| Unit {
        unit_id: id.into(),
        parent_id: parent.map(Into::into),
        name: name.into(),
        kind: "dinas".into(),
        monthly_users: Some(100),
        service_hours: None,
        head_nip: None,
        treasurer_nip: None,
    };
    let service = |id: &str, unit: &str, name: &str| Service {
        service_id: id.into(),
        unit_id: unit.into(),
        name: name.into(),
    };
    let officer = |nip: &str, name: &str, unit: &str| CurrentOfficer {
        officer: Officer {
            nip: nip.into(),
            name: name.into(),
            position: "Verifikator".into(),
            position_class: "7".into(),
            unit_id: unit.into(),
            serves_public: true,
            pay: Default::default(),
        },
        since: date!(2024 - 01 - 02),
        left_on: None,
    };
    Snapshot {
        units: vec![
            unit("dukcapil", None, "Dinas Dukcapil"),
            unit("rsud", None, "RSUD dr. Soedomo"),
            unit("rsud-igd", Some("rsud"), "Instalasi Gawat Darurat"),
            Unit {
                kind: "kecamatan".into(),
                ..unit(DISTRICT, None, "Kecamatan Watulimo")
            },
        ],
        services: vec![
            service("ktp", "dukcapil", "KTP-el"),
            service("igd", "rsud-igd", "IGD"),
        ],
        points: vec![ServicePoint {
            point_id: "loket-1".into(),
            unit_id: "dukcapil".into(),
            name: "Loket 1".into(),
        }],
        officers: vec![
            officer(OFFICER_NIP, "Sri Wahyuni", "dukcapil"),
            officer(OTHER_OFFICER_NIP, "Bambang Setiawan", "rsud-igd"),
        ],
        villages: vec![
            village(
                VILLAGE,
                "Prigi",
                "[[111.70,-8.30],[111.74,-8.30],[111.74,-8.26],[111.70,-8.30]]",
            ),
            village(
                "35.03.08.2007",
                "Tasikmadu",
                "[[111.74,-8.30],[111.78,-8.30],[111.74,-8.26],[111.74,-8.30]]",
            ),
        ],
        ..Snapshot::default()
    }
}

fn village(code: &str, name: &str, ring: &str) -> Village {
    Village {
        code: code.into(),
        name: name.into(),
        kind: VillageKind::Desa,
        district_unit: DISTRICT.into(),
        boundary: Boundary::parse(&format!(r#"{{"type":"Polygon","coordinates":[{ring}]}}"#)).ok(),
    }
}

/// A free port on loopback, for a helper process a test starts (a provider, a balancer)
/// whose address must be known before it runs.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .map(|addr| addr.port())
        .unwrap_or(0)
}

/// The fixture's district (a kecamatan unit) and one of its villages.
pub const DISTRICT: &str = "kecamatan-watulimo";
pub const VILLAGE: &str = "35.03.08.2006";

/// NIP of an officer in `rsud-igd`.
pub const OTHER_OFFICER_NIP: &str = "197503152000031002";

/// NIP of the fixture officer in unit `dukcapil`.
pub const OFFICER_NIP: &str = "198001012005011001";

/// A tenant fixture: Trenggalek-like, WIB.
pub fn tenant() -> Tenant {
    Tenant {
        tenant_id: "t1".into(),
        name: "Kabupaten Uji".into(),
        utc_offset_minutes: 420,
    }
}

fn replace_database(url: &str, database: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (url, None),
    };
    let scheme_end = base.find("://").map_or(0, |i| i + 3);
    let base = match base[scheme_end..].find('/') {
        Some(slash) => &base[..scheme_end + slash],
        None => base,
    };
    match query {
        Some(q) => format!("{base}/{database}?{q}"),
        None => format!("{base}/{database}"),
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        let Some((server_url, name)) = self.postgres.take() else {
            return;
        };
        // Drop runs outside async context; a small runtime of its own does the cleanup.
        let cleanup = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build();
            if let Ok(runtime) = runtime {
                runtime.block_on(async {
                    if let Ok(mut admin) = sqlx::AnyConnection::connect(&server_url).await {
                        let _ = admin
                            .execute(
                                format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)").as_str(),
                            )
                            .await;
                        let _ = admin.close().await;
                    }
                });
            }
        });
        let _ = cleanup.join();
    }
}

/// Generates `sqlite::NAME` and `postgres::NAME` tests from `async fn NAME(db: TestDatabase)`.
#[macro_export]
macro_rules! backend_tests {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test]
                async fn $name() {
                    super::$name($crate::testing::TestDatabase::sqlite().await).await
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test]
                async fn $name() {
                    if let Some(db) = $crate::testing::TestDatabase::postgres(stringify!($name)).await {
                        super::$name(db).await
                    }
                }
            )*
        }
    };
}

/// The responses of `tenant_id` whose idempotency key starts with `prefix`: each key with
/// a receipt and how many rows hold it.
pub async fn responses_by_key(
    store: &Store,
    tenant_id: &str,
    prefix: &str,
) -> Vec<(String, String, i64)> {
    use sqlx::Row;
    sqlx::query(
        "SELECT idempotency_key, MIN(receipt) AS receipt, COUNT(*) AS n FROM responses
         WHERE tenant_id = $1 AND idempotency_key LIKE $2 GROUP BY idempotency_key",
    )
    .bind(tenant_id)
    .bind(format!("{prefix}%"))
    .fetch_all(&store.reader)
    .await
    .expect("responses by key")
    .iter()
    .map(|row| (row.get("idempotency_key"), row.get("receipt"), row.get("n")))
    .collect()
}

/// A fixed signing key for tests (never a deployment's: it is in the source).
pub fn log_key() -> suara_domain::integrity::signed_head::LogKey {
    suara_domain::integrity::signed_head::LogKey::from_seed([42; 32])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_database_name() {
        assert_eq!(
            replace_database("postgres://postgres@127.0.0.1:5432/test", "x"),
            "postgres://postgres@127.0.0.1:5432/x"
        );
        assert_eq!(
            replace_database("postgres://h/test?sslmode=disable", "x"),
            "postgres://h/x?sslmode=disable"
        );
        assert_eq!(replace_database("postgres://h", "x"), "postgres://h/x");
    }
}
