//! Storage for suara: one code path (sqlx's `Any` driver) over SQLite, the embedded
//! default, and PostgreSQL for larger deployments. Each backend has its own migration
//! files with the same tables; queries are written in the SQL both understand.
//!
//! SQLite runs in WAL mode with `synchronous=FULL`, so a committed response survives a
//! crash or power loss; writes go through one connection (SQLite has one writer anyway)
//! while reads use a small pool.

mod accounts;
mod adaptation;
mod alerts;
mod audit;
mod audit_chain;
mod bank_files;
mod bulk;
mod catalogue;
mod checkpoints;
mod entry_codes;
mod evidence_sources;
mod follow_up;
mod group_commit;
mod history;
mod innovation;
mod kiosks;
mod letterhead;
mod log;
mod migrate;
mod musrena;
mod org;
mod password_resets;
mod pay_evidence;
mod province;
mod report;
mod responses;
mod run_drift;
mod schema;
mod second_factor;
mod sso;
mod suggestions;
mod survey_history;
#[cfg(feature = "testing")]
pub mod testing;
mod tpp;
mod verify;
mod villages;

use std::path::Path;
use std::str::FromStr;
use std::sync::{Arc, Once, OnceLock};
use std::time::Duration;

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{AnyPool, Executor};
use suara_domain::integrity::entry_code::EntryKey;

pub use accounts::{Account, AccountChange, ListedApiKey, NewAccount, PriorFailures, SessionInfo};
pub use adaptation::{ExtraAnswerCount, ServiceSurvey, StoredQuestion};
pub use alerts::{Alert, Contact};
pub use audit::AuditEntry;
pub use audit_chain::AuditChainReport;
pub use bank_files::BankFile;
pub use bulk::{BulkResponse, BulkSummary};
pub use checkpoints::{Cosignature, StoredCheckpoint};
pub use evidence_sources::{ConfirmError, SourceSummary};
pub use follow_up::StoredPlan;
pub use group_commit::GROUP_COMMIT_BATCH_METRIC;
pub use innovation::{
    AdoptingUnit, EvidenceInfo, Idea, IdeaStatus, InnovationError, StageStep, StoredInnovation,
    SuggestionGroup,
};
pub use kiosks::{ApprovalError, Kiosk, NewKiosk};
pub use letterhead::StoredLetterhead;
pub use log::{LogReport, LogSigner, ReceiptStatus, Witnessed};
pub use musrena::{
    valid_key as valid_offline_key, Forum, Link, MusrenaError, OfflineItem, OfflineOutcome,
    ProposalFilter, ProposalStep, StoredProgress, StoredProposal, VillageFigures,
    MAX_ASSISTED_VOTES,
};
pub use org::Tenant;
pub use password_resets::RESETS_PER_HOUR;
pub use report::{ExportedResponse, ProfileColumn};
pub use responses::chain::ChainReport;
pub use responses::quarantine::{
    DecisionError, HeldPage, HeldQuery, HeldResponse, Signals, SOURCE_CHARS,
};
pub use responses::tickets::{ApiKey, Issuer, TicketBinding, TicketInfo};
pub use responses::{Channel, Receipt, RecordError, Recorded, Scope, ScopeKind, Submission};
pub use schema::TableKeys;
pub use second_factor::SecondFactor;
pub use sso::{SsoPerson, SsoSignIn};
pub use suara_domain::org::{Assignment, Officer, Service, ServicePoint, Unit};
pub use suggestions::{ReportedSuggestions, SuggestionReview, UnreviewedSuggestion};
pub use survey_history::{HistoryOutcome, NewHistory, StoredHistory};
pub use tpp::{
    Appeal, AppealDecision, NamingResponse, RunEvent, RunOfficer, RunSummary, StoredPolicy,
    StoredRun, TppError,
};
pub use verify::Verification;

/// The default database: an SQLite file under `./suara-data/`.
pub const DEFAULT_DATABASE_URL: &str = "sqlite://suara-data/suara.db";

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("unsupported database URL '{0}': use sqlite://PATH or postgres://…")]
    UnsupportedUrl(String),
    #[error("cannot create the data directory {path}: {source}")]
    DataDirectory {
        path: String,
        source: std::io::Error,
    },
    #[error("database error: {0}")]
    Database(sqlx::Error),
    /// Text PostgreSQL refuses in a statement (a NUL character, SQLSTATE 22021; SQLite takes
    /// it): the request was bad, not the server, and the statement did nothing. The web layer
    /// refuses NUL in addresses before any query; this is the backstop for form fields.
    #[error("a text holds a NUL character (\\0); remove it and send again")]
    RefusedText,
    #[error("stored data is inconsistent: {0}")]
    Corrupt(String),
    #[error("{0} exists already; a backup never overwrites a file")]
    BackupExists(String),
    #[error(
        "suara backup copies SQLite databases; back up PostgreSQL with pg_dump (see the book's chapter on backups)"
    )]
    BackupUnsupported,
    #[error("bulk load refused: {0}")]
    BulkLoad(String),
    /// The log no longer extends a head signed before: it was rolled back or rewritten
    /// behind the application's back. Nothing is signed until someone looks.
    #[error("refusing to sign: {0}")]
    NotExtending(String),
    /// Rows edited behind the application's back: a write would carry them into a new
    /// audit entry (an import keeps what the file does not give; a departure copies the
    /// officer), or a stored run no longer computes to what it recorded. Nothing is written
    /// or made from them.
    #[error("{0}")]
    RecordsDisagree(String),
    /// This regency's links are authenticated, and this process holds no key to write one.
    #[error("regency {0} keeps an authenticated record: give this command its signing key (--signing-key FILE or SUARA_SIGNING_KEY)")]
    NoEntryKey(String),
}

impl From<sqlx::Error> for StoreError {
    fn from(error: sqlx::Error) -> StoreError {
        match &error {
            // 22021 is any byte sequence the encoding refuses; text from Rust is valid
            // UTF-8, so only NUL reaches it, and anything else stays a database error.
            sqlx::Error::Database(e)
                if e.code().as_deref() == Some("22021") && e.message().contains("0x00") =>
            {
                tracing::warn!(error = %e, "refused a text holding a NUL character");
                StoreError::RefusedText
            }
            _ => StoreError::Database(error),
        }
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// A fresh identifier for rows that have no natural one: 128 random bits, hexadecimal.
pub(crate) fn random_id() -> String {
    rand::random::<u128>()
        .to_be_bytes()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A pool's connections in use and idle.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PoolUse {
    pub busy: u32,
    pub idle: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    pub fn name(self) -> &'static str {
        match self {
            Backend::Sqlite => "SQLite",
            Backend::Postgres => "PostgreSQL",
        }
    }
}

/// A handle to the database; cheap to clone (pools are shared).
#[derive(Clone, Debug)]
pub struct Store {
    backend: Backend,
    /// Where the database is: the SQLite file path, or the PostgreSQL URL (for bulk loads,
    /// which use a connection of their own).
    location: std::sync::Arc<str>,
    /// All writes. One connection for SQLite; the shared pool for PostgreSQL.
    writer: AnyPool,
    reader: AnyPool,
    /// Where [`Store::record_response`] queues; `None` in the writing task's own handle.
    group_commit: Option<group_commit::GroupCommit>,
    /// Where the keys that authenticate new links come from; set once, after opening, and
    /// shared by every handle (the group commit's included).
    entry_keys: Arc<OnceLock<Arc<dyn EntryKeys>>>,
}

/// The keys that authenticate links as they are written
/// (`suara_domain::integrity::entry_code`), per regency.
pub trait EntryKeys: Send + Sync {
    /// `Ok(None)` where this process holds no key for the regency.
    fn entry_key(&self, tenant_id: &str) -> std::result::Result<Option<EntryKey>, String>;
}

impl std::fmt::Debug for dyn EntryKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("EntryKeys")
    }
}

impl Store {
    /// Connects, creating the SQLite file (and its directory) when needed, and applies
    /// pending migrations.
    pub async fn open(url: &str) -> Result<Store> {
        static DRIVERS: Once = Once::new();
        DRIVERS.call_once(sqlx::any::install_default_drivers);

        let store = if let Some(path) = sqlite_path(url) {
            Store::open_sqlite(path).await?
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            let options = AnyConnectOptions::from_str(url)?;
            let pool = AnyPoolOptions::new()
                .max_connections(16)
                .acquire_timeout(Duration::from_secs(10))
                .connect_with(options)
                .await?;
            Store {
                backend: Backend::Postgres,
                location: url.into(),
                writer: pool.clone(),
                reader: pool,
                group_commit: None,
                entry_keys: Arc::default(),
            }
        } else {
            return Err(StoreError::UnsupportedUrl(url.to_string()));
        };
        migrate::run(&store).await?;
        let group_commit = group_commit::GroupCommit::start(store.clone());
        Ok(Store {
            group_commit: Some(group_commit),
            ..store
        })
    }

    /// Authenticates the links this process writes with `keys` (the server, a CLI command
    /// given the signing key). Set once; later calls change nothing.
    pub fn set_entry_keys(&self, keys: Arc<dyn EntryKeys>) {
        let _ = self.entry_keys.set(keys);
    }

    /// The key for regency `tenant_id`'s new links, if this process holds one.
    pub(crate) fn entry_key(&self, tenant_id: &str) -> Result<Option<EntryKey>> {
        match self.entry_keys.get() {
            Some(keys) => keys
                .entry_key(tenant_id)
                .map_err(|e| StoreError::Corrupt(format!("the signing key of {tenant_id}: {e}"))),
            None => Ok(None),
        }
    }

    async fn open_sqlite(path: &str) -> Result<Store> {
        if let Some(parent) = Path::new(path)
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
        {
            std::fs::create_dir_all(parent).map_err(|source| StoreError::DataDirectory {
                path: parent.display().to_string(),
                source,
            })?;
        }
        let options = AnyConnectOptions::from_str(&format!("sqlite://{path}?mode=rwc"))?;
        let pool = |size: u32| {
            AnyPoolOptions::new()
                .max_connections(size)
                .acquire_timeout(Duration::from_secs(30))
                .after_connect(|conn, _meta| {
                    Box::pin(async move {
                        // WAL: readers never block the writer. FULL: a commit is on disk
                        // before it returns, so an acknowledged response is durable.
                        conn.execute(
                            "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; \
                             PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;",
                        )
                        .await?;
                        Ok(())
                    })
                })
                .connect_with(options.clone())
        };
        let writer = pool(1).await?;
        let reader = pool(4).await?;
        Ok(Store {
            backend: Backend::Sqlite,
            location: path.into(),
            writer,
            reader,
            group_commit: None,
            entry_keys: Arc::default(),
        })
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Connections of each pool, busy and idle (for `/metrics`).
    pub fn pool_use(&self) -> Vec<(&'static str, PoolUse)> {
        let of = |pool: &AnyPool| {
            let idle = u32::try_from(pool.num_idle()).unwrap_or(u32::MAX);
            PoolUse {
                busy: pool.size().saturating_sub(idle),
                idle,
            }
        };
        if self.backend == Backend::Postgres {
            vec![("shared", of(&self.reader))]
        } else {
            vec![("writer", of(&self.writer)), ("reader", of(&self.reader))]
        }
    }

    /// Checks that the database answers (for `/health`).
    pub async fn ping(&self) -> Result<()> {
        self.reader.execute("SELECT 1").await?;
        Ok(())
    }

    /// After a bulk load (the bench's generated regencies), does what a database that grew
    /// over months has long done by the time it serves: on PostgreSQL, autovacuum's work
    /// (`VACUUM (ANALYZE)`: visibility map and planner statistics) and a `CHECKPOINT`, so the
    /// load's gigabytes of dirty pages and WAL are not still being written while requests
    /// are measured. SQLite's bulk load already ends with a checkpoint.
    pub async fn settle(&self) -> Result<()> {
        if self.backend == Backend::Postgres {
            // Simple-protocol statements: VACUUM may not run inside a transaction.
            self.writer.execute("VACUUM (ANALYZE)").await?;
            self.writer.execute("CHECKPOINT").await?;
        }
        Ok(())
    }

    /// Writes a consistent copy of the whole database to a new SQLite file while the
    /// application keeps running (SQLite's `VACUUM INTO`, one read transaction). The copy is
    /// itself a complete suara database: serve or verify it with `--database sqlite://FILE`.
    pub async fn backup_to(&self, path: &Path) -> Result<()> {
        if self.backend != Backend::Sqlite {
            return Err(StoreError::BackupUnsupported);
        }
        if path.exists() {
            return Err(StoreError::BackupExists(path.display().to_string()));
        }
        sqlx::query("VACUUM INTO $1")
            .bind(path.display().to_string())
            .execute(&self.reader)
            .await?;
        Ok(())
    }

    /// The responses linked into a regency's chain and its audit entries: what a backup of
    /// it holds, for a restore drill to compare.
    pub async fn counts(&self, tenant_id: &str) -> Result<(u64, u64)> {
        let responses: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM chain_links WHERE tenant_id = $1")
                .bind(tenant_id)
                .fetch_one(&self.reader)
                .await?;
        let audit: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE tenant_id = $1")
            .bind(tenant_id)
            .fetch_one(&self.reader)
            .await?;
        Ok((
            u64::try_from(responses).unwrap_or(0),
            u64::try_from(audit).unwrap_or(0),
        ))
    }

    pub async fn close(&self) {
        self.writer.close().await;
        self.reader.close().await;
    }
}

/// The file path of an SQLite URL (`sqlite://PATH`, `sqlite:PATH`), without query string.
fn sqlite_path(url: &str) -> Option<&str> {
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))?;
    Some(rest.split('?').next().unwrap_or(rest))
}

/// Stored data that cannot be what the application wrote.
pub(crate) fn corrupt(what: impl Into<String>) -> StoreError {
    StoreError::Corrupt(what.into())
}

/// A stored `YYYY-MM-DD` date (`Date`'s own display format).
pub(crate) fn parse_date(text: &str) -> Result<time::Date> {
    time::Date::parse(
        text,
        time::macros::format_description!("[year]-[month]-[day]"),
    )
    .map_err(|_| corrupt(format!("date '{text}'")))
}

/// Whole rupiah (or counts) as stored: never negative.
pub(crate) fn to_u64(value: i64) -> Result<u64> {
    u64::try_from(value).map_err(|_| corrupt(format!("negative amount {value}")))
}

/// Whole rupiah to store (amounts beyond i64 cannot occur; saturate rather than wrap).
pub(crate) fn money(value: u64) -> i64 {
    i64::try_from(value).unwrap_or(i64::MAX)
}

/// Rows of placeholders for a multi-row statement whose parameters are bound in order:
/// `($1, $2), ($3, $4)` for 2 rows of 2 on PostgreSQL, `(?, ?), (?, ?)` on SQLite. SQLite
/// finds each numbered parameter (`$1`, `?1`) by a linear search of their names while
/// binding, which makes a statement of thousands of them slow to bind; plain `?` are bound
/// by position.
pub(crate) fn placeholder_rows(backend: Backend, rows: usize, columns: usize) -> String {
    (0..rows)
        .map(|row| {
            let row: Vec<String> = (1..=columns)
                .map(|column| match backend {
                    Backend::Sqlite => "?".to_string(),
                    Backend::Postgres => format!("${}", row * columns + column),
                })
                .collect();
            format!("({})", row.join(", "))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Instants are stored as microseconds since the Unix epoch.
pub(crate) fn micros(at: time::OffsetDateTime) -> i64 {
    i64::try_from(at.unix_timestamp_nanos() / 1000).unwrap_or(i64::MAX)
}

pub(crate) fn from_micros(micros: i64) -> Result<time::OffsetDateTime> {
    time::OffsetDateTime::from_unix_timestamp_nanos(i128::from(micros) * 1000)
        .map_err(|e| StoreError::Corrupt(format!("stored time {micros}: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqlite_urls() {
        assert_eq!(
            sqlite_path("sqlite://suara-data/suara.db"),
            Some("suara-data/suara.db")
        );
        assert_eq!(
            sqlite_path("sqlite:///tmp/x.db?mode=rwc"),
            Some("/tmp/x.db")
        );
        assert_eq!(sqlite_path("sqlite:x.db"), Some("x.db"));
        assert_eq!(sqlite_path("postgres://localhost/test"), None);
    }

    #[test]
    fn placeholders_number_across_rows() {
        assert_eq!(
            placeholder_rows(Backend::Postgres, 2, 3),
            "($1, $2, $3), ($4, $5, $6)"
        );
        assert_eq!(placeholder_rows(Backend::Postgres, 1, 1), "($1)");
        assert_eq!(placeholder_rows(Backend::Sqlite, 2, 2), "(?, ?), (?, ?)");
    }
}
