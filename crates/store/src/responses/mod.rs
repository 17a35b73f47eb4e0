//! Survey responses: append-only rows, plus running monthly totals per unit, service and
//! officer maintained in the same transaction, so reading an IKM never scans responses.
//!
//! The response path, in layers that import downwards only: `columns` (what the tables look
//! like) and `signals` (the hashing secret) at the bottom; `chain` (the stored records and
//! their hash chain); `totals` (the running totals, and counting a response into them and
//! the chain); `checks` (what a response must point at); `tickets`; `quarantine` (holding
//! what the anomaly rules flag); and this module, which records a response through them.

use std::collections::HashMap;
use std::sync::LazyLock;

use rand::Rng;
use sqlx::any::AnyRow;
use sqlx::{Acquire, AnyConnection, Row};
pub use suara_domain::integrity::channel::Channel;
use suara_domain::integrity::channel::Trust;
use suara_domain::period::Month;
use suara_domain::skm::precision::{period_users, Evidence};
use suara_domain::skm::spread::Spread;
use suara_domain::skm::{Answers, Rating, Tally, ELEMENT_COUNT};
use suara_domain::survey::{AgeBand, Education, Occupation, Profile, Sex, ValidResponse};
use time::{OffsetDateTime, UtcOffset};

pub(crate) mod chain;
pub(crate) mod checks;
mod columns;
pub(crate) mod quarantine;
pub(crate) mod signals;
pub(crate) mod tickets;
pub(crate) mod totals;

use crate::{Backend, Result, Store, StoreError, Tenant};
pub use checks::RecordError;
use checks::{check_all, References, UnitFacts};
pub(crate) use columns::{ANSWER_COLUMNS, COUNTED, ROWS_PER_STATEMENT};
use totals::{count_all, Counted};

/// What the respondent gets back once the response is durable.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Receipt {
    /// Short public code, e.g. `SKM-7K2M9-QXD4T`.
    pub code: String,
    pub unit_id: String,
    /// Month (tenant's local time) the response counts in.
    pub period_month: String,
    pub received_at: OffsetDateTime,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Recorded {
    /// Stored now.
    Created(Receipt),
    /// The same idempotency key was stored before with the same content: nothing new counted.
    Replayed(Receipt),
}

impl Recorded {
    pub fn receipt(&self) -> &Receipt {
        match self {
            Recorded::Created(r) | Recorded::Replayed(r) => r,
        }
    }
}

impl<'a> References<'a> {
    fn of(tenant: &Tenant, submission: &'a Submission<'_>) -> References<'a> {
        let response = submission.response;
        References {
            unit: &response.unit,
            service: &response.service,
            officer: &response.officer,
            day: submission.received_at.to_offset(tenant.offset()).date(),
        }
    }
}

/// Whose satisfaction a tally measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope<'a> {
    Unit(&'a str),
    Service(&'a str),
    Officer(&'a str),
}

/// The kinds of [`Scope`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ScopeKind {
    Unit,
    Service,
    Officer,
}

impl ScopeKind {
    pub(crate) fn code(self) -> &'static str {
        match self {
            ScopeKind::Unit => "unit",
            ScopeKind::Service => "service",
            ScopeKind::Officer => "officer",
        }
    }
}

impl<'a> Scope<'a> {
    fn kind(self) -> ScopeKind {
        match self {
            Scope::Unit(_) => ScopeKind::Unit,
            Scope::Service(_) => ScopeKind::Service,
            Scope::Officer(_) => ScopeKind::Officer,
        }
    }

    fn id(self) -> &'a str {
        match self {
            Scope::Unit(id) | Scope::Service(id) | Scope::Officer(id) => id,
        }
    }

    /// The `responses` column that identifies this scope.
    fn response_column(self) -> &'static str {
        match self {
            Scope::Unit(_) => "unit_id",
            Scope::Service(_) => "service_id",
            Scope::Officer(_) => "officer_nip",
        }
    }
}

/// One response to store: validated content, channel and arrival time.
pub struct Submission<'a> {
    /// What the request showed of its device and network, for the anomaly rules; `None`
    /// for imports and demo data.
    pub signals: Option<crate::Signals>,
    pub response: &'a ValidResponse,
    pub channel: Channel,
    pub received_at: OffsetDateTime,
}

/// Inserts `rows` responses; a row whose idempotency key is stored already is skipped, so
/// only the stored ones come back (with their ids).
fn insert_responses_sql(backend: Backend, rows: usize) -> String {
    let answer_columns = (1..=ELEMENT_COUNT)
        .map(|i| format!("u{i}"))
        .collect::<Vec<_>>()
        .join(", ");
    format!(
        "INSERT INTO responses (tenant_id, idempotency_key, receipt, received_at_us, period_month,
             channel, unit_id, service_id, officer_nip, {answer_columns},
             sex, age_band, education, occupation, suggestion)
         VALUES {}
         ON CONFLICT (tenant_id, idempotency_key) DO NOTHING
         RETURNING response_id, tenant_id, idempotency_key",
        crate::placeholder_rows(backend, rows, 9 + ELEMENT_COUNT + 5)
    )
}

/// The names [`tally_select`] gives its columns: responses, per-element sums and counts.
const TALLY_RESPONSES: &str = "tally_responses";
const TALLY_SUMS: [&str; ELEMENT_COUNT] = [
    "tally_s1", "tally_s2", "tally_s3", "tally_s4", "tally_s5", "tally_s6", "tally_s7", "tally_s8",
    "tally_s9",
];
const TALLY_COUNTS: [&str; ELEMENT_COUNT] = [
    "tally_n1", "tally_n2", "tally_n3", "tally_n4", "tally_n5", "tally_n6", "tally_n7", "tally_n8",
    "tally_n9",
];

/// `responses` count and per-element sums and counts, named for [`tally_from_row`].
pub(crate) fn tally_select(
    sum: impl Fn(usize) -> String,
    count: impl Fn(usize) -> String,
    responses: &str,
) -> String {
    let column =
        |value: String, name: &str| format!("CAST(COALESCE({value}, 0) AS BIGINT) AS {name}");
    let sums = (1..=ELEMENT_COUNT).map(|i| column(format!("SUM({})", sum(i)), TALLY_SUMS[i - 1]));
    let counts = (1..=ELEMENT_COUNT).map(|i| column(count(i), TALLY_COUNTS[i - 1]));
    std::iter::once(column(responses.to_string(), TALLY_RESPONSES))
        .chain(sums)
        .chain(counts)
        .collect::<Vec<_>>()
        .join(", ")
}

/// Nine stored ratings, from the answer columns.
pub(crate) fn stored_answers(row: &AnyRow) -> Result<Answers, StoreError> {
    let mut ratings = [None; ELEMENT_COUNT];
    for (slot, column) in ratings.iter_mut().zip(ANSWER_COLUMNS) {
        *slot = row
            .try_get::<Option<i64>, _>(column)?
            .map(|v| Rating::new(v).ok_or_else(|| crate::corrupt(format!("rating {v}"))))
            .transpose()?;
    }
    Answers::new(ratings).map_err(|_| crate::corrupt("a stored response without answers"))
}

pub(crate) static SELECT_TOTALS: LazyLock<String> = LazyLock::new(|| {
    tally_select(
        |i| format!("s{i}"),
        |i| format!("SUM(n{i})"),
        "SUM(responses)",
    )
});

impl Store {
    /// Stores one response and updates the running totals. Returns only after the commit,
    /// so a receipt always stands for a durable response; responses submitted at the same
    /// time share a commit (see `group_commit`). A retry with the same idempotency key and
    /// content returns the first receipt and counts nothing new.
    pub async fn record_response(
        &self,
        tenant: &Tenant,
        submission: Submission<'_>,
    ) -> Result<Recorded, RecordError> {
        if let Some(group) = &self.group_commit {
            return group.submit(tenant, submission).await;
        }
        let mut outcomes = self
            .record_batch(std::iter::once((tenant, submission)))
            .await?;
        outcomes
            .pop()
            .unwrap_or(Err(RecordError::Store(StoreError::Corrupt(
                "a batch of one gave no outcome".into(),
            ))))
    }

    /// Stores many responses in one transaction (one disk sync): each gets its own outcome;
    /// a database failure fails the whole batch and stores nothing.
    pub async fn record_responses<'a>(
        &self,
        tenant: &'a Tenant,
        submissions: impl IntoIterator<Item = Submission<'a>>,
    ) -> Result<Vec<Result<Recorded, RecordError>>, StoreError> {
        self.record_batch(submissions.into_iter().map(|s| (tenant, s)))
            .await
    }

    /// [`Store::record_responses`] for responses of any tenants.
    pub(crate) async fn record_batch<'a>(
        &self,
        submissions: impl IntoIterator<Item = (&'a Tenant, Submission<'a>)>,
    ) -> Result<Vec<Result<Recorded, RecordError>>, StoreError> {
        let submissions: Vec<(&Tenant, Submission<'_>)> = submissions.into_iter().collect();
        let (ticketed, plain): (Vec<usize>, Vec<usize>) =
            (0..submissions.len()).partition(|&i| submissions[i].1.response.ticket.is_some());
        let group_of = |indices: &[usize]| -> Vec<(&Tenant, &Submission<'_>)> {
            indices
                .iter()
                .map(|&i| (submissions[i].0, &submissions[i].1))
                .collect()
        };
        let mut outcomes = Vec::with_capacity(submissions.len());
        let mut tx = self.writer.begin().await?;
        // Without a ticket, a response is refused (unknown reference, reused key) before
        // anything is written, so many are stored together, a few statements for all.
        for chunk in plain.chunks(ROWS_PER_STATEMENT) {
            let stored = record_group(&mut tx, self.backend, &group_of(chunk), self).await?;
            outcomes.extend(chunk.iter().copied().zip(stored));
        }
        // With a ticket, it can be refused after its row is stored, so it is stored alone
        // in a savepoint that leaves nothing behind while the batch commits.
        for i in ticketed {
            let mut savepoint = tx.begin().await?;
            let outcome = record_group(&mut savepoint, self.backend, &group_of(&[i]), self)
                .await?
                .pop()
                .unwrap_or_else(|| {
                    Err(RecordError::Store(StoreError::Corrupt(
                        "a group of one gave no outcome".into(),
                    )))
                });
            if outcome.is_ok() {
                savepoint.commit().await?;
            } else {
                savepoint.rollback().await?;
            }
            outcomes.push((i, outcome));
        }
        tx.commit().await?;
        outcomes.sort_by_key(|(i, _)| *i);
        Ok(outcomes.into_iter().map(|(_, outcome)| outcome).collect())
    }

    /// Totals of one scope over a range of months, from the running totals.
    pub async fn tally(
        &self,
        tenant_id: &str,
        scope: Scope<'_>,
        first: Month,
        last: Month,
    ) -> Result<Tally> {
        let sql = format!(
            "SELECT {} FROM skm_monthly_totals
             WHERE tenant_id = $1 AND scope = $2 AND scope_id = $3 AND period_month BETWEEN $4 AND $5",
            *SELECT_TOTALS
        );
        let row = sqlx::query(&sql)
            .bind(tenant_id)
            .bind(scope.kind().code())
            .bind(scope.id())
            .bind(first.to_string())
            .bind(last.to_string())
            .fetch_one(&self.reader)
            .await?;
        tally_from_row(&row)
    }

    /// Totals of every unit, service or officer with responses in the range, by code.
    pub async fn tallies_of_kind(
        &self,
        tenant_id: &str,
        kind: ScopeKind,
        first: Month,
        last: Month,
    ) -> Result<Vec<(String, Tally)>> {
        let rows = self
            .kind_totals(tenant_id, kind, (first, last), "scope_id")
            .await?;
        rows.iter()
            .map(|row| Ok((row.try_get("scope_id")?, tally_from_row(row)?)))
            .collect()
    }

    /// The totals of a kind's scopes over the range, grouped by `by` (`scope_id` or
    /// `period_month`, never a user's text), ordered by it.
    async fn kind_totals(
        &self,
        tenant_id: &str,
        kind: ScopeKind,
        (first, last): (Month, Month),
        by: &'static str,
    ) -> Result<Vec<AnyRow>> {
        let sql = format!(
            "SELECT {by}, {} FROM skm_monthly_totals
             WHERE tenant_id = $1 AND scope = $2 AND period_month BETWEEN $3 AND $4
             GROUP BY {by} ORDER BY {by}",
            *SELECT_TOTALS
        );
        Ok(sqlx::query(&sql)
            .bind(tenant_id)
            .bind(kind.code())
            .bind(first.to_string())
            .bind(last.to_string())
            .fetch_all(&self.reader)
            .await?)
    }

    /// The spread of each scope's responses of a kind over the range, for a published
    /// figure's margin (services: the province compares them).
    pub async fn spreads_of_kind(
        &self,
        tenant_id: &str,
        kind: ScopeKind,
        (first, last): (Month, Month),
    ) -> Result<HashMap<String, Spread>> {
        let rows = sqlx::query(
            "SELECT scope_id, CAST(SUM(q_sum) AS BIGINT) AS q_sum, CAST(SUM(q_sq) AS BIGINT) AS q_sq
             FROM skm_monthly_totals
             WHERE tenant_id = $1 AND scope = $2 AND period_month BETWEEN $3 AND $4
             GROUP BY scope_id",
        )
        .bind(tenant_id)
        .bind(kind.code())
        .bind(first.to_string())
        .bind(last.to_string())
        .fetch_all(&self.reader)
        .await?;
        rows.iter()
            .map(|row| {
                let spread = Spread {
                    q_sum: crate::to_u64(row.try_get("q_sum")?)?,
                    q_sq: crate::to_u64(row.try_get("q_sq")?)?,
                };
                Ok((row.try_get("scope_id")?, spread))
            })
            .collect()
    }

    /// What each unit's published IKM over the range rests on ([`Evidence`]): its responses
    /// and their spread, those from kiosks and tickets, its users over the months begun by
    /// `current`. Every unit has one, with no responses if none came.
    ///
    /// [`Evidence`]: suara_domain::skm::precision::Evidence
    pub async fn unit_evidence(
        &self,
        tenant_id: &str,
        (first, last): (Month, Month),
        current: Month,
    ) -> Result<HashMap<String, Evidence>> {
        let (_, onsite_scope) = totals::pay_scopes(Trust::Onsite)
            .ok_or_else(|| StoreError::Corrupt("no on-site totals".into()))?;
        let rows = sqlx::query(
            "SELECT scope, scope_id, CAST(SUM(responses) AS BIGINT) AS responses,
                 CAST(SUM(q_sum) AS BIGINT) AS q_sum, CAST(SUM(q_sq) AS BIGINT) AS q_sq
             FROM skm_monthly_totals
             WHERE tenant_id = $1 AND scope IN ('unit', $2) AND period_month BETWEEN $3 AND $4
             GROUP BY scope, scope_id",
        )
        .bind(tenant_id)
        .bind(onsite_scope)
        .bind(first.to_string())
        .bind(last.to_string())
        .fetch_all(&self.reader)
        .await?;
        let mut published: HashMap<String, (u64, Spread)> = HashMap::new();
        let mut onsite: HashMap<String, u64> = HashMap::new();
        for row in &rows {
            let scope: String = row.try_get("scope")?;
            let unit: String = row.try_get("scope_id")?;
            let responses = crate::to_u64(row.try_get("responses")?)?;
            if scope == "unit" {
                let spread = Spread {
                    q_sum: crate::to_u64(row.try_get("q_sum")?)?,
                    q_sq: crate::to_u64(row.try_get("q_sq")?)?,
                };
                published.insert(unit, (responses, spread));
            } else {
                onsite.insert(unit, responses);
            }
        }
        Ok(self
            .units(tenant_id)
            .await?
            .into_iter()
            .map(|unit| {
                let (responses, spread) = published.remove(&unit.unit_id).unwrap_or_default();
                let evidence = Evidence {
                    responses,
                    spread,
                    onsite: onsite.get(&unit.unit_id).copied().unwrap_or(0),
                    users: period_users(unit.monthly_users, (first, last), current),
                };
                (unit.unit_id, evidence)
            })
            .collect())
    }

    /// One scope's totals month by month over the range (months without responses left out).
    pub async fn monthly_tallies(
        &self,
        tenant_id: &str,
        scope: Scope<'_>,
        first: Month,
        last: Month,
    ) -> Result<Vec<(Month, Tally)>> {
        let sql = format!(
            "SELECT period_month, {} FROM skm_monthly_totals
             WHERE tenant_id = $1 AND scope = $2 AND scope_id = $3 AND period_month BETWEEN $4 AND $5
             GROUP BY period_month ORDER BY period_month",
            *SELECT_TOTALS
        );
        let rows = sqlx::query(&sql)
            .bind(tenant_id)
            .bind(scope.kind().code())
            .bind(scope.id())
            .bind(first.to_string())
            .bind(last.to_string())
            .fetch_all(&self.reader)
            .await?;
        month_tallies(&rows)
    }

    /// Every scope of a kind added up month by month over the range (a regency's units, for
    /// the province's trends; months without responses left out).
    pub async fn kind_monthly_tallies(
        &self,
        tenant_id: &str,
        kind: ScopeKind,
        first: Month,
        last: Month,
    ) -> Result<Vec<(Month, Tally)>> {
        let rows = self
            .kind_totals(tenant_id, kind, (first, last), "period_month")
            .await?;
        month_tallies(&rows)
    }

    /// The same totals recomputed from the stored responses: a full scan, for checks and
    /// tests that the running totals are right, never for dashboards.
    pub async fn recompute_tally(
        &self,
        tenant_id: &str,
        scope: Scope<'_>,
        first: Month,
        last: Month,
    ) -> Result<Tally> {
        let sql = format!(
            "SELECT {} FROM responses r
             WHERE r.tenant_id = $1 AND r.{} = $2 AND r.period_month BETWEEN $3 AND $4 AND {}",
            tally_select(|i| format!("u{i}"), |i| format!("COUNT(u{i})"), "COUNT(*)"),
            scope.response_column(),
            COUNTED
        );
        let row = sqlx::query(&sql)
            .bind(tenant_id)
            .bind(scope.id())
            .bind(first.to_string())
            .bind(last.to_string())
            .fetch_one(&self.reader)
            .await?;
        tally_from_row(&row)
    }
}

/// A response on its way in: checked, given its receipt, then stored, screened, counted.
struct Arriving<'a> {
    tenant: &'a Tenant,
    submission: &'a Submission<'a>,
    unit: UnitFacts,
    receipt: Receipt,
    /// The columns it is stored with.
    record: chain::OwnedRecord,
    response_id: i64,
    redeemed: Option<tickets::Redeemed>,
}

impl<'a> Arriving<'a> {
    fn new(
        tenant: &'a Tenant,
        submission: &'a Submission<'a>,
        unit: UnitFacts,
    ) -> Result<Arriving<'a>, StoreError> {
        let response = submission.response;
        // A ticket makes a response verified, whatever page or client carried it.
        let channel = if response.ticket.is_some() {
            Channel::Ticket
        } else {
            submission.channel
        };
        // Stored with microsecond precision; the receipt shows exactly what is stored, so a
        // replayed receipt is identical to the first.
        let micros = crate::micros(submission.received_at);
        let received_at = crate::from_micros(micros)?;
        let receipt = Receipt {
            code: new_receipt_code(),
            unit_id: response.unit.clone(),
            period_month: tenant.month_of(received_at).to_string(),
            received_at: received_at.to_offset(tenant.offset()),
        };
        let record = chain::OwnedRecord::of(
            response,
            &receipt.code,
            micros,
            &receipt.period_month,
            channel,
        );
        Ok(Arriving {
            tenant,
            submission,
            unit,
            receipt,
            record,
            response_id: 0,
            redeemed: None,
        })
    }
}

/// Stores a group of responses with a few statements for the whole group: one checks every
/// reference, one inserts every row, the anomaly rules and the totals take a few more. Each
/// response gets its own outcome; a database error fails the group.
async fn record_group(
    conn: &mut AnyConnection,
    backend: Backend,
    group: &[(&Tenant, &Submission<'_>)],
    keys: &Store,
) -> Result<Vec<Result<Recorded, RecordError>>, StoreError> {
    let checked = check_all(
        conn,
        backend,
        group
            .iter()
            .map(|(tenant, s)| (tenant.tenant_id.as_str(), References::of(tenant, s))),
    )
    .await?;
    let mut outcomes: Vec<Option<Result<Recorded, RecordError>>> = Vec::new();
    let mut arriving = Vec::new();
    for (&(tenant, submission), checked) in group.iter().zip(checked) {
        match checked {
            Ok(unit) => {
                arriving.push((outcomes.len(), Arriving::new(tenant, submission, unit)?));
                outcomes.push(None);
            }
            Err(refused) => outcomes.push(Some(Err(refused))),
        }
    }

    let mut ids = insert_all(conn, backend, &arriving).await?;
    let mut stored = Vec::with_capacity(arriving.len());
    for (at, mut item) in arriving {
        let response = item.submission.response;
        let key = (
            item.tenant.tenant_id.clone(),
            response.idempotency_key.clone(),
        );
        // The first of a key in the group was stored; a later one replays it.
        let Some(id) = ids.remove(&key) else {
            let offset = item.tenant.offset();
            outcomes[at] = match replay(conn, &item.tenant.tenant_id, response, offset).await {
                Err(RecordError::Store(e)) => return Err(e),
                outcome => Some(outcome),
            };
            continue;
        };
        item.response_id = id;
        if let Some(code) = &response.ticket {
            let redeemed = tickets::redeem(
                conn,
                backend,
                &item.tenant.tenant_id,
                code,
                response,
                id,
                item.receipt.received_at,
            )
            .await;
            match redeemed {
                Ok(redeemed) => item.redeemed = Some(redeemed),
                Err(RecordError::Store(e)) => return Err(e),
                Err(refused) => {
                    outcomes[at] = Some(Err(refused));
                    continue;
                }
            }
        }
        if !response.extra.is_empty() {
            let tenant_id = &item.tenant.tenant_id;
            crate::adaptation::insert_extra_answers(conn, tenant_id, id, &response.extra).await?;
        }
        stored.push((at, item));
    }

    let screened = screened_of(&stored);
    let held = quarantine::screen(conn, backend, &screened).await?;
    // For `/metrics`; a batch that fails after this is retried response by response, so in
    // that rare case a hold is counted twice.
    metrics::counter!("suara_holds_total").increment(held.iter().filter(|h| **h).count() as u64);
    let counted = counted_of(&stored, &held);
    count_all(conn, backend, &counted, keys).await?;
    // A held response gets its receipt like any other: the respondent did nothing wrong
    // that they could know of, and a ballot stuffer learns nothing from the reply.
    for (at, item) in stored {
        outcomes[at] = Some(Ok(Recorded::Created(item.receipt)));
    }
    outcomes
        .into_iter()
        .map(|outcome| {
            outcome.ok_or_else(|| StoreError::Corrupt("a response got no outcome".into()))
        })
        .collect()
}

/// What the anomaly rules see of each stored response of a group.
fn screened_of<'s>(stored: &'s [(usize, Arriving<'_>)]) -> Vec<quarantine::Screened<'s>> {
    stored
        .iter()
        .map(|(_, item)| quarantine::Screened {
            tenant: item.tenant,
            response_id: item.response_id,
            response: item.submission.response,
            signals: item.submission.signals.as_ref(),
            ticket: item.redeemed.as_ref(),
            open: Channel::from_code(&item.record.channel)
                .is_some_and(|c| c.trust() == suara_domain::integrity::channel::Trust::Open),
            kiosk: matches!(
                Channel::from_code(&item.record.channel),
                Some(Channel::Kiosk | Channel::KioskPending)
            ),
            at: item.receipt.received_at,
            unit_hours: item.unit.hours.as_deref(),
            unit_monthly_users: item.unit.monthly_users,
        })
        .collect()
}

/// The stored responses of a group that were not held, as the totals count them.
fn counted_of<'s>(stored: &'s [(usize, Arriving<'_>)], held: &[bool]) -> Vec<Counted<'s>> {
    stored
        .iter()
        .zip(held)
        .filter(|(_, held)| !**held)
        .map(|((_, item), _)| Counted {
            tenant_id: &item.tenant.tenant_id,
            response_id: item.response_id,
            record: &item.record,
            pay: totals::pay_trust(
                &item.record.channel,
                item.redeemed
                    .as_ref()
                    .is_some_and(|r| r.issuer_nip.is_some()),
            ),
        })
        .collect()
}

/// Inserts the arriving responses; returns the ids of those stored, by tenant and key (a
/// key stored before, or earlier in the group, is skipped).
async fn insert_all(
    conn: &mut AnyConnection,
    backend: Backend,
    arriving: &[(usize, Arriving<'_>)],
) -> Result<HashMap<(String, String), i64>, StoreError> {
    let mut ids = HashMap::with_capacity(arriving.len());
    for chunk in arriving.chunks(ROWS_PER_STATEMENT) {
        let sql = insert_responses_sql(backend, chunk.len());
        let mut insert = sqlx::query(&sql);
        for (_, item) in chunk {
            let response = item.submission.response;
            let record = &item.record;
            insert = insert
                .bind(&item.tenant.tenant_id)
                .bind(&response.idempotency_key)
                .bind(&record.receipt)
                .bind(record.received_at_us)
                .bind(&record.period_month)
                .bind(&record.channel)
                .bind(&response.unit)
                .bind(&response.service)
                .bind(&response.officer);
            for rating in response.answers.ratings() {
                insert = insert.bind(rating.map(|r| i16::from(r.value())));
            }
            let [sex, age_band, education, occupation] = &record.profile;
            insert = insert
                .bind(sex)
                .bind(age_band)
                .bind(education)
                .bind(occupation)
                .bind(&response.suggestion);
        }
        for row in insert.fetch_all(&mut *conn).await? {
            ids.insert(
                (row.try_get("tenant_id")?, row.try_get("idempotency_key")?),
                row.try_get("response_id")?,
            );
        }
    }
    Ok(ids)
}

/// The idempotency key was used before: same content → the first receipt; else a conflict.
async fn replay(
    tx: &mut AnyConnection,
    tenant_id: &str,
    response: &ValidResponse,
    offset: UtcOffset,
) -> Result<Recorded, RecordError> {
    let answers = (1..=ELEMENT_COUNT)
        .map(|i| format!("u{i}"))
        .collect::<Vec<_>>()
        .join(", ");
    let sql = format!(
        "SELECT receipt, received_at_us, period_month, unit_id, service_id, officer_nip, {answers},
                sex, age_band, education, occupation, suggestion
         FROM responses WHERE tenant_id = $1 AND idempotency_key = $2"
    );
    let row = sqlx::query(&sql)
        .bind(tenant_id)
        .bind(&response.idempotency_key)
        .fetch_one(&mut *tx)
        .await?;
    let stored = stored_response(&row, &response.idempotency_key)?;
    let same = ValidResponse {
        tenant: response.tenant.clone(),
        // The ticket is a credential, not content: a retry carries the same one.
        ticket: response.ticket.clone(),
        // Extra answers count nowhere: a retry keeps the first ones and is not refused.
        extra: response.extra.clone(),
        ..stored
    };
    if &same != response {
        return Err(RecordError::IdempotencyConflict);
    }
    let micros: i64 = row.try_get("received_at_us")?;
    let received_at = crate::from_micros(micros)?.to_offset(offset);
    Ok(Recorded::Replayed(Receipt {
        code: row.try_get("receipt")?,
        unit_id: response.unit.clone(),
        period_month: row.try_get("period_month")?,
        received_at,
    }))
}

/// The nine answers of a stored row (columns `u1` … `u9`).
pub(crate) fn answers_of(row: &AnyRow) -> Result<Answers, StoreError> {
    let corrupt =
        |what: &str| StoreError::Corrupt(format!("stored response has an invalid {what}"));
    let mut ratings = [None; ELEMENT_COUNT];
    for (slot, column) in ratings.iter_mut().zip(ANSWER_COLUMNS) {
        let value: Option<i64> = row.try_get(column)?;
        *slot = value
            .map(|v| Rating::new(v).ok_or_else(|| corrupt("rating")))
            .transpose()?;
    }
    Answers::new(ratings).map_err(|_| corrupt("answer set"))
}

/// Rebuilds the validated content of a stored row (its columns from `unit_id` on).
fn stored_response(row: &AnyRow, idempotency_key: &str) -> Result<ValidResponse, StoreError> {
    Ok(ValidResponse {
        tenant: None,
        unit: row.try_get("unit_id")?,
        service: row.try_get("service_id")?,
        officer: row.try_get("officer_nip")?,
        answers: answers_of(row)?,
        profile: Profile {
            sex: stored_code(row, "sex", Sex::from_code)?,
            age_band: stored_code(row, "age_band", AgeBand::from_code)?,
            education: stored_code(row, "education", Education::from_code)?,
            occupation: stored_code(row, "occupation", Occupation::from_code)?,
        },
        suggestion: row.try_get("suggestion")?,
        idempotency_key: idempotency_key.to_string(),
        ticket: None,
        extra: Vec::new(),
    })
}

fn stored_code<T>(
    row: &AnyRow,
    column: &str,
    parse: fn(&str) -> Option<T>,
) -> Result<Option<T>, StoreError> {
    let code: Option<String> = row.try_get(column)?;
    code.map(|c| {
        parse(&c).ok_or_else(|| {
            StoreError::Corrupt(format!("stored response has an unknown code '{c}'"))
        })
    })
    .transpose()
}

/// Reads the columns of [`tally_select`].
/// Rows of `period_month` and totals as tallies by month.
fn month_tallies(rows: &[AnyRow]) -> Result<Vec<(Month, Tally)>> {
    rows.iter().map(month_tally).collect()
}

/// A row of `period_month` and totals as that month's tally.
pub(crate) fn month_tally(row: &AnyRow) -> Result<(Month, Tally)> {
    let month: String = row.try_get("period_month")?;
    let month = month
        .parse::<Month>()
        .map_err(|_| StoreError::Corrupt(format!("period month '{month}'")))?;
    Ok((month, tally_from_row(row)?))
}

pub(crate) fn tally_from_row(row: &AnyRow) -> Result<Tally> {
    let get = |column: &str| -> Result<u64> {
        let v: i64 = row.try_get(column)?;
        u64::try_from(v).map_err(|_| StoreError::Corrupt(format!("negative total {v}")))
    };
    let responses = get(TALLY_RESPONSES)?;
    let mut sums = [0; ELEMENT_COUNT];
    let mut counts = [0; ELEMENT_COUNT];
    for i in 0..ELEMENT_COUNT {
        sums[i] = get(TALLY_SUMS[i])?;
        counts[i] = get(TALLY_COUNTS[i])?;
    }
    Tally::from_totals(responses, sums, counts).map_err(|e| StoreError::Corrupt(e.to_string()))
}

/// `SKM-XXXXX-XXXXX` in Crockford base32 (no I, L, O, U): 50 random bits, easy to read out.
fn new_receipt_code() -> String {
    const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    let mut rng = rand::thread_rng();
    let mut chars = (0..10).map(|_| ALPHABET[rng.gen_range(0..32)] as char);
    let first: String = chars.by_ref().take(5).collect();
    let second: String = chars.collect();
    format!("SKM-{first}-{second}")
}
