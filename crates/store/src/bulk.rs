//! Bulk loads of generated responses (`suara demo --responses N`, benchmarks): millions of
//! rows in minutes, stored, counted into the monthly totals and linked into the chain
//! exactly as one-by-one recording would, but without the per-response checks that real
//! answers need (tickets, anomaly rules). Never a path for respondents' data.
//!
//! Two threads share the work: one turns the caller's batches into stored records and their
//! content hashes, the other links them and writes (SQLite through prepared statements on a
//! connection of its own, PostgreSQL through array inserts). Every commit holds responses,
//! their links, the chain head and the totals together, so an interrupted load leaves a
//! consistent database with fewer responses.

use std::collections::{HashMap, HashSet};

use sqlx::{Connection, Row as _};
use suara_domain::integrity::chain::{content_hash, link_hash, Digest32};
use suara_domain::integrity::entry_code::EntryKey;
use suara_domain::integrity::signed_head::LogKind;
use suara_domain::skm::ELEMENT_COUNT;
use suara_domain::survey::ValidResponse;
use time::OffsetDateTime;
use tokio::sync::mpsc;

use crate::responses::chain::OwnedRecord;
use crate::responses::totals::upsert_totals_sql;
use crate::responses::Channel;
use crate::{micros, Backend, Result, Store, StoreError, Tenant};

/// One generated response, in arrival order.
pub struct BulkResponse {
    pub response: ValidResponse,
    pub channel: Channel,
    pub received_at: OffsetDateTime,
    /// Its receipt code; unique within the tenant.
    pub receipt: String,
}

/// What a bulk load stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BulkSummary {
    pub responses: u64,
    /// Links in the tenant's chain afterwards.
    pub chain_length: u64,
}

/// Responses per transaction: large enough that commits cost nothing, small enough that
/// the write-ahead log stays a fraction of the database.
const COMMIT_EVERY: usize = 1_000_000;
/// Rows per PostgreSQL array insert.
const PG_ROWS_PER_INSERT: usize = 5_000;

/// A response ready to write: its number, its place in the chain and its hashes.
struct Row {
    id: i64,
    seq: i64,
    record: OwnedRecord,
    content: String,
    link: String,
    /// Its entry code, when the loading process holds the regency's key.
    code: Option<String>,
}

/// What the writer receives: rows, and where to commit.
enum Message {
    Rows(Vec<Row>),
    /// Commit what came since the last commit, with these totals and this chain head.
    Commit(Checkpoint),
}

struct Checkpoint {
    /// The chain length the stored head must still have (nobody else appended meanwhile).
    from_seq: i64,
    seq: i64,
    head: String,
    totals: Vec<TotalsRow>,
}

/// Scope, id, month, then the numbers in `upsert_totals_sql` order.
type TotalsRow = (
    &'static str,
    String,
    String,
    crate::responses::totals::Numbers,
);

/// Where the chain and the response numbers continue from.
struct Start {
    seq: i64,
    head: Digest32,
    next_response_id: i64,
}

/// Running totals accumulated between two commits (one tenant's).
#[derive(Default)]
struct Totals(crate::responses::totals::Accumulator);

impl Totals {
    fn add(&mut self, record: &OwnedRecord) {
        // Generated data arrives without tickets: its channel alone tells its trust.
        let pay = crate::responses::totals::pay_trust(&record.channel, false);
        self.0.add("", record, pay);
    }

    fn drain(&mut self) -> Vec<TotalsRow> {
        std::mem::take(&mut self.0 .0)
            .into_iter()
            .map(|((_, scope, id, month), numbers)| (scope, id, month, numbers))
            .collect()
    }
}

/// The units, services and officers responses may name.
struct Known {
    units: HashSet<String>,
    services: HashMap<String, String>,
    officers: HashSet<String>,
}

impl Known {
    fn check(&self, response: &ValidResponse) -> Result<()> {
        let refused = |what: String| Err(StoreError::BulkLoad(what));
        if !self.units.contains(&response.unit) {
            return refused(format!("unit '{}' does not exist", response.unit));
        }
        if let Some(service) = &response.service {
            if self.services.get(service) != Some(&response.unit) {
                return refused(format!(
                    "service '{service}' is not a service of unit '{}'",
                    response.unit
                ));
            }
        }
        match &response.officer {
            Some(nip) if !self.officers.contains(nip) => {
                refused(format!("no officer has NIP '{nip}'"))
            }
            _ => Ok(()),
        }
    }
}

impl Store {
    /// Loads generated responses, which must come in arrival order, into a database nobody
    /// else writes to meanwhile (a load that finds the chain moved stops). Returns once every
    /// response is committed and, for SQLite, checkpointed into the database file.
    pub async fn bulk_load<I>(&self, tenant: &Tenant, batches: I) -> Result<BulkSummary>
    where
        I: Iterator<Item = Vec<BulkResponse>> + Send + 'static,
    {
        let known = self.known(&tenant.tenant_id).await?;
        let row = sqlx::query(read_start(self.backend))
            .bind(&tenant.tenant_id)
            .fetch_one(&self.reader)
            .await?;
        let start = Start {
            seq: row.try_get("seq")?,
            head: Digest32::from_hex(&row.try_get::<String, _>("link_hash")?)
                .ok_or_else(|| StoreError::Corrupt("chain head".into()))?,
            next_response_id: row.try_get::<i64, _>("last_response_id")? + 1,
        };
        let key = self.entry_key(&tenant.tenant_id)?;
        if key.is_none() {
            // Refused where links carry codes already, as any writer without the key is.
            let mut conn = self.writer.acquire().await?;
            crate::entry_codes::writing_key(
                &mut conn,
                LogKind::Responses,
                &tenant.tenant_id,
                start.seq,
                None,
            )
            .await?;
        }
        let (sender, receiver) = mpsc::channel::<Result<Message>>(4);
        let preparing_tenant = tenant.clone();
        let preparer = std::thread::spawn(move || {
            let mut preparer = Preparer {
                tenant: preparing_tenant,
                known,
                from_seq: start.seq,
                start,
                key,
                last_arrival: i64::MIN,
                totals: Totals::default(),
                uncommitted: 0,
            };
            for batch in batches {
                let rows = preparer.prepare(batch);
                let failed = rows.is_err();
                if sender.blocking_send(rows.map(Message::Rows)).is_err() || failed {
                    return;
                }
                if preparer.uncommitted >= COMMIT_EVERY
                    && sender
                        .blocking_send(Ok(Message::Commit(preparer.checkpoint())))
                        .is_err()
                {
                    return;
                }
            }
            let _ = sender.blocking_send(Ok(Message::Commit(preparer.checkpoint())));
        });
        let tenant_id = tenant.tenant_id.clone();
        let loaded = match self.backend {
            Backend::Sqlite => {
                let path = self.location.clone();
                tokio::task::spawn_blocking(move || sqlite::load(&path, &tenant_id, receiver))
                    .await
                    .map_err(|e| StoreError::BulkLoad(format!("the writer stopped: {e}")))?
            }
            Backend::Postgres => postgres::load(&self.location, &tenant_id, receiver).await,
        };
        preparer
            .join()
            .map_err(|_| StoreError::BulkLoad("the generator stopped unexpectedly".into()))?;
        loaded
    }

    async fn known(&self, tenant_id: &str) -> Result<Known> {
        let ids = |sql: &'static str| {
            sqlx::query_scalar::<_, String>(sql)
                .bind(tenant_id)
                .fetch_all(&self.reader)
        };
        let units = ids("SELECT unit_id FROM units WHERE tenant_id = $1").await?;
        let officers = ids("SELECT nip FROM officers WHERE tenant_id = $1").await?;
        let services = sqlx::query("SELECT service_id, unit_id FROM services WHERE tenant_id = $1")
            .bind(tenant_id)
            .fetch_all(&self.reader)
            .await?
            .iter()
            .map(|row| Ok((row.try_get("service_id")?, row.try_get("unit_id")?)))
            .collect::<Result<_>>()?;
        Ok(Known {
            units: units.into_iter().collect(),
            services,
            officers: officers.into_iter().collect(),
        })
    }
}

/// The chain head and the last response number. On SQLite `response_id` is the row number of
/// the whole table, so a second regency's load continues after every regency's rows (`MAX` of
/// the row number is one step there); on PostgreSQL it is keyed with the regency, so the
/// regency's own last number is found along its key.
fn read_start(backend: Backend) -> &'static str {
    match backend {
        Backend::Sqlite => {
            "SELECT h.seq, h.link_hash,
                 (SELECT COALESCE(MAX(r.response_id), 0) FROM responses r) AS last_response_id
             FROM chain_heads h WHERE h.tenant_id = $1"
        }
        Backend::Postgres => {
            "SELECT h.seq, h.link_hash,
                 (SELECT COALESCE(MAX(r.response_id), 0) FROM responses r
                  WHERE r.tenant_id = h.tenant_id) AS last_response_id
             FROM chain_heads h WHERE h.tenant_id = $1"
        }
    }
}

/// Checks responses and gives each its number, hashes and chain link, in order; keeps the
/// totals of what the next commit will hold.
struct Preparer {
    tenant: Tenant,
    known: Known,
    start: Start,
    key: Option<EntryKey>,
    from_seq: i64,
    last_arrival: i64,
    totals: Totals,
    uncommitted: usize,
}

impl Preparer {
    fn prepare(&mut self, batch: Vec<BulkResponse>) -> Result<Vec<Row>> {
        batch
            .into_iter()
            .map(|item| {
                self.known.check(&item.response)?;
                let record = owned_record(&self.tenant, item);
                if record.received_at_us < self.last_arrival {
                    return Err(StoreError::BulkLoad(
                        "responses must come in arrival order".into(),
                    ));
                }
                self.last_arrival = record.received_at_us;
                let content = content_hash(&record.as_record());
                let start = &mut self.start;
                start.seq += 1;
                start.head = link_hash(&start.head, start.seq as u64, &content);
                let id = start.next_response_id;
                start.next_response_id += 1;
                self.totals.add(&record);
                self.uncommitted += 1;
                Ok(Row {
                    id,
                    seq: start.seq,
                    record,
                    content: content.to_hex(),
                    link: start.head.to_hex(),
                    code: self
                        .key
                        .as_ref()
                        .map(|k| k.code(LogKind::Responses, start.seq as u64, &start.head)),
                })
            })
            .collect()
    }

    fn checkpoint(&mut self) -> Checkpoint {
        let checkpoint = Checkpoint {
            from_seq: self.from_seq,
            seq: self.start.seq,
            head: self.start.head.to_hex(),
            totals: self.totals.drain(),
        };
        self.from_seq = self.start.seq;
        self.uncommitted = 0;
        checkpoint
    }
}

fn owned_record(tenant: &Tenant, item: BulkResponse) -> OwnedRecord {
    OwnedRecord::of(
        &item.response,
        &item.receipt,
        micros(item.received_at),
        &tenant.month_of(item.received_at).to_string(),
        item.channel,
    )
}

/// The head update of a commit: only from the length the load started from.
const MOVE_HEAD: &str =
    "UPDATE chain_heads SET seq = $2, link_hash = $3 WHERE tenant_id = $1 AND seq = $4";

fn chain_moved() -> StoreError {
    StoreError::BulkLoad("the chain grew during the load: another writer is active".into())
}

mod sqlite {
    use rusqlite::{params, params_from_iter, Connection, TransactionBehavior};

    use super::*;

    fn fail(e: rusqlite::Error) -> StoreError {
        StoreError::BulkLoad(format!("SQLite: {e}"))
    }

    const INSERT_RESPONSE: &str = "INSERT INTO responses (response_id, tenant_id, idempotency_key,
         receipt, received_at_us, period_month, channel, unit_id, service_id, officer_nip,
         u1, u2, u3, u4, u5, u6, u7, u8, u9, sex, age_band, education, occupation, suggestion)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
                 ?18, ?19, ?20, ?21, ?22, ?23, ?24)";
    const INSERT_LINK: &str = "INSERT INTO chain_links
         (tenant_id, seq, response_id, content_hash, link_hash, linked_at_us, entry_code)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";

    /// Inserts a batch of rows and their chain links within `tx`.
    fn insert_rows(tx: &rusqlite::Transaction<'_>, tenant_id: &str, rows: &[Row]) -> Result<()> {
        let mut insert = tx.prepare_cached(INSERT_RESPONSE).map_err(fail)?;
        let mut link = tx.prepare_cached(INSERT_LINK).map_err(fail)?;
        for row in rows {
            let r = &row.record;
            insert
                .execute(params![
                    row.id,
                    tenant_id,
                    r.idempotency_key,
                    r.receipt,
                    r.received_at_us,
                    r.period_month,
                    r.channel,
                    r.unit,
                    r.service,
                    r.officer,
                    r.answers[0],
                    r.answers[1],
                    r.answers[2],
                    r.answers[3],
                    r.answers[4],
                    r.answers[5],
                    r.answers[6],
                    r.answers[7],
                    r.answers[8],
                    r.profile[0],
                    r.profile[1],
                    r.profile[2],
                    r.profile[3],
                    r.suggestion,
                ])
                .map_err(fail)?;
            link.execute(params![
                tenant_id,
                row.seq,
                row.id,
                row.content,
                row.link,
                r.received_at_us,
                row.code,
            ])
            .map_err(fail)?;
        }
        Ok(())
    }

    pub(super) fn load(
        path: &str,
        tenant_id: &str,
        mut receiver: mpsc::Receiver<Result<Message>>,
    ) -> Result<BulkSummary> {
        let mut conn = Connection::open(path).map_err(fail)?;
        // No sync per commit while loading (a crash can lose only the load's last commits);
        // the final checkpoint below puts everything on disk with a sync before returning.
        conn.execute_batch(
            "PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF; PRAGMA foreign_keys = ON;
             PRAGMA busy_timeout = 10000; PRAGMA cache_size = -1000000; PRAGMA temp_store = MEMORY;",
        )
        .map_err(fail)?;
        let mut summary = BulkSummary {
            responses: 0,
            chain_length: 0,
        };
        let mut tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(fail)?;
        while let Some(message) = receiver.blocking_recv() {
            match message? {
                Message::Rows(rows) => {
                    insert_rows(&tx, tenant_id, &rows)?;
                    summary.responses += rows.len() as u64;
                }
                Message::Commit(checkpoint) => {
                    {
                        let mut upsert = tx
                            .prepare_cached(&upsert_totals_sql(Backend::Sqlite, 1))
                            .map_err(fail)?;
                        for (scope, id, month, numbers) in &checkpoint.totals {
                            let fixed: [&dyn rusqlite::ToSql; 4] = [&tenant_id, scope, id, month];
                            let values = fixed
                                .into_iter()
                                .chain(numbers.iter().map(|n| n as &dyn rusqlite::ToSql));
                            upsert.execute(params_from_iter(values)).map_err(fail)?;
                        }
                    }
                    let moved = tx
                        .execute(
                            &MOVE_HEAD.replace('$', "?"),
                            params![
                                tenant_id,
                                checkpoint.seq,
                                checkpoint.head,
                                checkpoint.from_seq
                            ],
                        )
                        .map_err(fail)?;
                    if moved != 1 {
                        return Err(chain_moved());
                    }
                    tx.commit().map_err(fail)?;
                    summary.chain_length = checkpoint.seq as u64;
                    tx = conn
                        .transaction_with_behavior(TransactionBehavior::Immediate)
                        .map_err(fail)?;
                }
            }
        }
        drop(tx);
        conn.execute_batch("PRAGMA synchronous = FULL;")
            .map_err(fail)?;
        conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
            .map_err(fail)?;
        Ok(summary)
    }
}

mod postgres {
    use sqlx::postgres::PgConnection;

    use super::*;

    const INSERT_RESPONSES: &str = "INSERT INTO responses (tenant_id, response_id,
         idempotency_key, receipt, received_at_us, period_month, channel, unit_id, service_id,
         officer_nip, u1, u2, u3, u4, u5, u6, u7, u8, u9, sex, age_band, education, occupation,
         suggestion)
         OVERRIDING SYSTEM VALUE
         SELECT $1, * FROM UNNEST($2::BIGINT[], $3::TEXT[], $4::TEXT[], $5::BIGINT[],
             $6::TEXT[], $7::TEXT[], $8::TEXT[], $9::TEXT[], $10::TEXT[], $11::SMALLINT[],
             $12::SMALLINT[], $13::SMALLINT[], $14::SMALLINT[], $15::SMALLINT[],
             $16::SMALLINT[], $17::SMALLINT[], $18::SMALLINT[], $19::SMALLINT[], $20::TEXT[],
             $21::TEXT[], $22::TEXT[], $23::TEXT[], $24::TEXT[])";
    const INSERT_LINKS: &str = "INSERT INTO chain_links
         (tenant_id, seq, response_id, content_hash, link_hash, linked_at_us, entry_code)
         SELECT $1, * FROM UNNEST($2::BIGINT[], $3::BIGINT[], $4::TEXT[], $5::TEXT[], $6::BIGINT[],
             $7::TEXT[])";

    /// One array insert's worth of rows, column by column.
    #[derive(Default)]
    struct Columns {
        ids: Vec<i64>,
        keys: Vec<String>,
        receipts: Vec<String>,
        arrivals: Vec<i64>,
        months: Vec<String>,
        channels: Vec<String>,
        units: Vec<String>,
        services: Vec<Option<String>>,
        officers: Vec<Option<String>>,
        answers: [Vec<Option<i16>>; ELEMENT_COUNT],
        profile: [Vec<Option<String>>; 4],
        suggestions: Vec<Option<String>>,
        seqs: Vec<i64>,
        contents: Vec<String>,
        links: Vec<String>,
        codes: Vec<Option<String>>,
    }

    impl Columns {
        fn push(&mut self, row: Row) {
            let r = row.record;
            self.ids.push(row.id);
            self.keys.push(r.idempotency_key);
            self.receipts.push(r.receipt);
            self.arrivals.push(r.received_at_us);
            self.months.push(r.period_month);
            self.channels.push(r.channel);
            self.units.push(r.unit);
            self.services.push(r.service);
            self.officers.push(r.officer);
            for (column, answer) in self.answers.iter_mut().zip(r.answers) {
                // Ratings are 1–4 (checked when generated); the cast cannot truncate.
                column.push(answer.map(|a| a as i16));
            }
            for (column, code) in self.profile.iter_mut().zip(r.profile) {
                column.push(code);
            }
            self.suggestions.push(r.suggestion);
            self.seqs.push(row.seq);
            self.contents.push(row.content);
            self.links.push(row.link);
            self.codes.push(row.code);
        }

        async fn write(&mut self, conn: &mut PgConnection, tenant_id: &str) -> Result<()> {
            if self.ids.is_empty() {
                return Ok(());
            }
            let taken = std::mem::take(self);
            let mut insert = sqlx::query(INSERT_RESPONSES)
                .bind(tenant_id)
                .bind(&taken.ids)
                .bind(&taken.keys)
                .bind(&taken.receipts)
                .bind(&taken.arrivals)
                .bind(&taken.months)
                .bind(&taken.channels)
                .bind(&taken.units)
                .bind(&taken.services)
                .bind(&taken.officers);
            for column in &taken.answers {
                insert = insert.bind(column);
            }
            for column in &taken.profile {
                insert = insert.bind(column);
            }
            insert.bind(&taken.suggestions).execute(&mut *conn).await?;
            sqlx::query(INSERT_LINKS)
                .bind(tenant_id)
                .bind(&taken.seqs)
                .bind(&taken.ids)
                .bind(&taken.contents)
                .bind(&taken.links)
                .bind(&taken.arrivals)
                .bind(&taken.codes)
                .execute(&mut *conn)
                .await?;
            Ok(())
        }
    }

    pub(super) async fn load(
        url: &str,
        tenant_id: &str,
        mut receiver: mpsc::Receiver<Result<Message>>,
    ) -> Result<BulkSummary> {
        let mut conn = PgConnection::connect(url).await?;
        let mut summary = BulkSummary {
            responses: 0,
            chain_length: 0,
        };
        let mut columns = Columns::default();
        let mut tx = conn.begin().await?;
        while let Some(message) = receiver.recv().await {
            match message? {
                Message::Rows(rows) => {
                    summary.responses += rows.len() as u64;
                    for row in rows {
                        columns.push(row);
                        if columns.ids.len() == PG_ROWS_PER_INSERT {
                            columns.write(&mut tx, tenant_id).await?;
                        }
                    }
                }
                Message::Commit(checkpoint) => {
                    columns.write(&mut tx, tenant_id).await?;
                    let upsert_one = upsert_totals_sql(Backend::Postgres, 1);
                    for (scope, id, month, numbers) in &checkpoint.totals {
                        let mut upsert = sqlx::query(&upsert_one)
                            .bind(tenant_id)
                            .bind(*scope)
                            .bind(id)
                            .bind(month);
                        for n in numbers {
                            upsert = upsert.bind(n);
                        }
                        upsert.execute(&mut *tx).await?;
                    }
                    let moved = sqlx::query(MOVE_HEAD)
                        .bind(tenant_id)
                        .bind(checkpoint.seq)
                        .bind(&checkpoint.head)
                        .bind(checkpoint.from_seq)
                        .execute(&mut *tx)
                        .await?;
                    if moved.rows_affected() != 1 {
                        return Err(chain_moved());
                    }
                    tx.commit().await?;
                    summary.chain_length = checkpoint.seq as u64;
                    tx = conn.begin().await?;
                }
            }
        }
        drop(tx);
        // The identity column continues after the explicit numbers.
        sqlx::query(
            "SELECT setval(pg_get_serial_sequence('responses', 'response_id'),
                 (SELECT COALESCE(MAX(response_id), 1) FROM responses))",
        )
        .execute(&mut conn)
        .await?;
        conn.close().await?;
        Ok(summary)
    }
}
