//! Survey responses: append-only rows, plus running monthly totals per unit, service and
//! officer maintained in the same transaction, so reading an IKM never scans responses.

use std::sync::LazyLock;

use rand::Rng;
use sqlx::any::AnyRow;
use sqlx::{Acquire, AnyConnection, Row};
pub use suara_domain::integrity::channel::Channel;
use suara_domain::period::Month;
use suara_domain::skm::{Answers, Rating, Tally, ELEMENT_COUNT};
use suara_domain::survey::{AgeBand, Education, Occupation, Profile, Sex, ValidResponse};
use time::{OffsetDateTime, UtcOffset};

use crate::{Result, Store, StoreError, Tenant};

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

/// Why a valid-looking response cannot be stored.
#[derive(Debug, thiserror::Error)]
pub enum RecordError {
    #[error("unit '{0}' does not exist")]
    UnknownUnit(String),
    #[error("service '{0}' does not exist")]
    UnknownService(String),
    #[error("service '{service}' belongs to another unit than '{unit}'")]
    ServiceOfOtherUnit { service: String, unit: String },
    #[error("no officer has NIP '{0}'")]
    UnknownOfficer(String),
    #[error("service point '{0}' does not exist in this unit")]
    UnknownPoint(String),
    #[error("this idempotency key was already used for a different response")]
    IdempotencyConflict,
    #[error("no such ticket")]
    TicketUnknown,
    #[error("the ticket was used already")]
    TicketUsed,
    #[error("the ticket has expired")]
    TicketExpired,
    #[error("the ticket was issued for another unit, service or officer")]
    TicketMismatch,
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for RecordError {
    fn from(e: sqlx::Error) -> Self {
        RecordError::Store(StoreError::Database(e))
    }
}

/// What a response or ticket points at.
#[derive(Clone, Copy, Debug)]
pub(crate) struct References<'a> {
    pub unit: &'a String,
    pub service: &'a Option<String>,
    pub officer: &'a Option<String>,
}

impl<'a> References<'a> {
    fn of(response: &'a ValidResponse) -> References<'a> {
        References {
            unit: &response.unit,
            service: &response.service,
            officer: &response.officer,
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

impl Scope<'_> {
    fn kind(self) -> ScopeKind {
        match self {
            Scope::Unit(_) => ScopeKind::Unit,
            Scope::Service(_) => ScopeKind::Service,
            Scope::Officer(_) => ScopeKind::Officer,
        }
    }

    fn id(&self) -> &str {
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

static INSERT_RESPONSE: LazyLock<String> = LazyLock::new(|| {
    let answer_columns = (1..=ELEMENT_COUNT)
        .map(|i| format!("u{i}"))
        .collect::<Vec<_>>()
        .join(", ");
    let placeholders = (1..=9 + ELEMENT_COUNT + 5)
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ");
    format!(
        "INSERT INTO responses (tenant_id, idempotency_key, receipt, received_at_us, period_month,
             channel, unit_id, service_id, officer_nip, {answer_columns},
             sex, age_band, education, occupation, suggestion)
         VALUES ({placeholders})
         ON CONFLICT (tenant_id, idempotency_key) DO NOTHING
         RETURNING response_id"
    )
});

/// Adds to the running totals of one, two or three scopes (`UPSERT_TOTALS[rows - 1]`); each
/// row is tenant, scope, scope id, month, responses, nine sums, nine counts.
pub(crate) static UPSERT_TOTALS: LazyLock<[String; 3]> = LazyLock::new(|| {
    let columns: Vec<String> = (1..=ELEMENT_COUNT)
        .map(|i| format!("s{i}"))
        .chain((1..=ELEMENT_COUNT).map(|i| format!("n{i}")))
        .collect();
    let per_row = 5 + columns.len();
    let updates = std::iter::once("responses".to_string())
        .chain(columns.iter().cloned())
        .map(|c| format!("{c} = skm_monthly_totals.{c} + excluded.{c}"))
        .collect::<Vec<_>>()
        .join(", ");
    [1, 2, 3].map(|rows| {
        let values = (0..rows)
            .map(|row| {
                let placeholders = (1..=per_row)
                    .map(|i| format!("${}", row * per_row + i))
                    .collect::<Vec<_>>()
                    .join(", ");
                format!("({placeholders})")
            })
            .collect::<Vec<_>>()
            .join(", ");
        format!(
            "INSERT INTO skm_monthly_totals (tenant_id, scope, scope_id, period_month, responses, {})
             VALUES {values}
             ON CONFLICT (tenant_id, scope, scope_id, period_month) DO UPDATE SET {updates}",
            columns.join(", ")
        )
    })
});

/// `responses` count and per-element sums and counts, in the column order of `Tally`.
pub(crate) fn tally_select(
    sum: impl Fn(usize) -> String,
    count: impl Fn(usize) -> String,
    responses: &str,
) -> String {
    let sums = (1..=ELEMENT_COUNT).map(|i| format!("CAST(COALESCE(SUM({}), 0) AS BIGINT)", sum(i)));
    let counts = (1..=ELEMENT_COUNT).map(|i| format!("CAST(COALESCE({}, 0) AS BIGINT)", count(i)));
    std::iter::once(format!("CAST(COALESCE({responses}, 0) AS BIGINT)"))
        .chain(sums)
        .chain(counts)
        .collect::<Vec<_>>()
        .join(", ")
}

static SELECT_TOTALS: LazyLock<String> = LazyLock::new(|| {
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
        let mut tx = self.writer.begin().await?;
        let mut outcomes = Vec::new();
        for (tenant, submission) in submissions {
            // Without a ticket, a response is refused (unknown reference, reused key) before
            // anything is written; with one, it can be refused after its row is stored, so it
            // runs in a savepoint that leaves nothing behind while the batch commits.
            if submission.response.ticket.is_none() {
                match record_in(&mut tx, self.backend, tenant, &submission).await {
                    Err(RecordError::Store(e)) => return Err(e),
                    outcome => outcomes.push(outcome),
                }
                continue;
            }
            let mut savepoint = tx.begin().await?;
            match record_in(&mut savepoint, self.backend, tenant, &submission).await {
                Err(RecordError::Store(e)) => return Err(e),
                Ok(recorded) => {
                    savepoint.commit().await?;
                    outcomes.push(Ok(recorded));
                }
                Err(refused) => {
                    savepoint.rollback().await?;
                    outcomes.push(Err(refused));
                }
            }
        }
        tx.commit().await?;
        Ok(outcomes)
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
        tally_from_row(&row, 0)
    }

    /// Totals of every unit, service or officer with responses in the range, by code.
    pub async fn tallies_of_kind(
        &self,
        tenant_id: &str,
        kind: ScopeKind,
        first: Month,
        last: Month,
    ) -> Result<Vec<(String, Tally)>> {
        let sql = format!(
            "SELECT scope_id, {} FROM skm_monthly_totals
             WHERE tenant_id = $1 AND scope = $2 AND period_month BETWEEN $3 AND $4
             GROUP BY scope_id ORDER BY scope_id",
            *SELECT_TOTALS
        );
        let rows = sqlx::query(&sql)
            .bind(tenant_id)
            .bind(kind.code())
            .bind(first.to_string())
            .bind(last.to_string())
            .fetch_all(&self.reader)
            .await?;
        rows.iter()
            .map(|row| Ok((row.try_get(0)?, tally_from_row(row, 1)?)))
            .collect()
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
        rows.iter()
            .map(|row| {
                let month: String = row.try_get(0)?;
                let month = month
                    .parse::<Month>()
                    .map_err(|_| StoreError::Corrupt(format!("period month '{month}'")))?;
                Ok((month, tally_from_row(row, 1)?))
            })
            .collect()
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
            crate::quarantine::COUNTED
        );
        let row = sqlx::query(&sql)
            .bind(tenant_id)
            .bind(scope.id())
            .bind(first.to_string())
            .bind(last.to_string())
            .fetch_one(&self.reader)
            .await?;
        tally_from_row(&row, 0)
    }
}

async fn record_in(
    tx: &mut AnyConnection,
    backend: crate::Backend,
    tenant: &Tenant,
    submission: &Submission<'_>,
) -> Result<Recorded, RecordError> {
    let response = submission.response;
    let tenant_id = tenant.tenant_id.as_str();
    // A ticket makes a response verified, whatever page or client carried it.
    let channel = if response.ticket.is_some() {
        Channel::Ticket
    } else {
        submission.channel
    };
    let unit_hours = check_references(tx, tenant_id, References::of(response)).await?;

    // Stored with microsecond precision; the receipt shows exactly what is stored, so a
    // replayed receipt is identical to the first.
    let micros = crate::micros(submission.received_at);
    let received_at = crate::from_micros(micros)?;

    let offset = tenant.offset();
    let receipt = Receipt {
        code: new_receipt_code(),
        unit_id: response.unit.clone(),
        period_month: tenant.month_of(received_at).to_string(),
        received_at: received_at.to_offset(offset),
    };

    let mut insert = sqlx::query(&INSERT_RESPONSE)
        .bind(tenant_id)
        .bind(&response.idempotency_key)
        .bind(&receipt.code)
        .bind(micros)
        .bind(&receipt.period_month)
        .bind(channel.code())
        .bind(&response.unit)
        .bind(&response.service)
        .bind(&response.officer);
    for rating in response.answers.ratings() {
        insert = insert.bind(rating.map(|r| i16::from(r.value())));
    }
    let profile = response.profile;
    let inserted = insert
        .bind(profile.sex.map(Sex::code))
        .bind(profile.age_band.map(AgeBand::code))
        .bind(profile.education.map(Education::code))
        .bind(profile.occupation.map(Occupation::code))
        .bind(&response.suggestion)
        .fetch_optional(&mut *tx)
        .await?;

    let Some(inserted) = inserted else {
        return replay(tx, tenant_id, response, offset).await;
    };
    let response_id: i64 = inserted.try_get(0)?;
    let ticket = match &response.ticket {
        Some(code) => Some(
            crate::tickets::redeem(
                tx,
                backend,
                tenant_id,
                code,
                response,
                response_id,
                received_at,
            )
            .await?,
        ),
        None => None,
    };
    let screened = crate::quarantine::Screened {
        response_id,
        response,
        signals: submission.signals.as_ref(),
        ticket: ticket.as_ref(),
        at: received_at,
        unit_hours: unit_hours.as_deref(),
    };
    let held = crate::quarantine::screen(tx, tenant, screened).await?;
    if !held {
        // Counted from what was just stored, without reading it back.
        let record = crate::chain::OwnedRecord::of(
            response,
            &receipt.code,
            micros,
            &receipt.period_month,
            channel,
        );
        count_in(tx, backend, tenant_id, response_id, &record).await?;
    }
    // A held response gets its receipt like any other: the respondent did nothing wrong that
    // they could know of, and a ballot stuffer learns nothing from the reply.
    Ok(Recorded::Created(receipt))
}

/// Counts a stored response: adds it to the running totals and links it into the chain.
/// Runs when it arrives, or when the inspectorate accepts it out of quarantine.
pub(crate) async fn count_in(
    conn: &mut AnyConnection,
    backend: crate::Backend,
    tenant_id: &str,
    response_id: i64,
    stored: &crate::chain::OwnedRecord,
) -> Result<(), StoreError> {
    let scopes: Vec<Scope> = [
        Some(Scope::Unit(&stored.unit)),
        stored.service.as_deref().map(Scope::Service),
        stored.officer.as_deref().map(Scope::Officer),
    ]
    .into_iter()
    .flatten()
    .collect();
    // One statement for all scopes: they are distinct rows of the totals.
    let mut upsert = sqlx::query(&UPSERT_TOTALS[scopes.len() - 1]);
    for scope in &scopes {
        upsert = upsert
            .bind(tenant_id)
            .bind(scope.kind().code())
            .bind(scope.id())
            .bind(&stored.period_month)
            .bind(1i64);
        for answer in stored.answers {
            upsert = upsert.bind(answer.unwrap_or(0));
        }
        for answer in stored.answers {
            upsert = upsert.bind(i64::from(answer.is_some()));
        }
    }
    upsert.execute(&mut *conn).await?;
    // Linked at acceptance time (now), which is what the daily published heads speak of.
    crate::chain::append(
        conn,
        backend,
        tenant_id,
        response_id,
        &stored.as_record(),
        OffsetDateTime::now_utc(),
    )
    .await
}

/// The unit exists, the service is one of its own, the officer exists: one query, which
/// also returns the unit's posted hours (for the anomaly rules).
pub(crate) async fn check_references(
    tx: &mut AnyConnection,
    tenant_id: &str,
    references: References<'_>,
) -> Result<Option<String>, RecordError> {
    let response = references;
    let row = sqlx::query(
        "SELECT u.service_hours,
             (SELECT s.unit_id FROM services s WHERE s.tenant_id = $1 AND s.service_id = $3),
             (SELECT o.nip FROM officers o WHERE o.tenant_id = $1 AND o.nip = $4)
         FROM units u WHERE u.tenant_id = $1 AND u.unit_id = $2",
    )
    .bind(tenant_id)
    .bind(response.unit)
    .bind(response.service)
    .bind(response.officer)
    .fetch_optional(&mut *tx)
    .await?;
    let Some(row) = row else {
        return Err(RecordError::UnknownUnit(response.unit.clone()));
    };
    if let Some(service) = &response.service {
        match row.try_get::<Option<String>, _>(1)? {
            None => return Err(RecordError::UnknownService(service.clone())),
            Some(owner) if &owner != response.unit => {
                return Err(RecordError::ServiceOfOtherUnit {
                    service: service.clone(),
                    unit: response.unit.clone(),
                })
            }
            Some(_) => {}
        }
    }
    if let Some(nip) = &response.officer {
        if row.try_get::<Option<String>, _>(2)?.is_none() {
            return Err(RecordError::UnknownOfficer(nip.clone()));
        }
    }
    Ok(row.try_get(0)?)
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
        ..stored
    };
    if &same != response {
        return Err(RecordError::IdempotencyConflict);
    }
    let micros: i64 = row.try_get(1)?;
    let received_at = crate::from_micros(micros)?.to_offset(offset);
    Ok(Recorded::Replayed(Receipt {
        code: row.try_get(0)?,
        unit_id: response.unit.clone(),
        period_month: row.try_get(2)?,
        received_at,
    }))
}

/// Rebuilds the validated content of a stored row (columns from `unit_id` on, at index 3).
fn stored_response(row: &AnyRow, idempotency_key: &str) -> Result<ValidResponse, StoreError> {
    let corrupt =
        |what: &str| StoreError::Corrupt(format!("stored response has an invalid {what}"));
    let mut ratings = [None; ELEMENT_COUNT];
    for (i, slot) in ratings.iter_mut().enumerate() {
        let value: Option<i64> = row.try_get(6 + i)?;
        *slot = value
            .map(|v| Rating::new(v).ok_or_else(|| corrupt("rating")))
            .transpose()?;
    }
    let base = 6 + ELEMENT_COUNT;
    Ok(ValidResponse {
        tenant: None,
        unit: row.try_get(3)?,
        service: row.try_get(4)?,
        officer: row.try_get(5)?,
        answers: Answers::new(ratings).map_err(|_| corrupt("answer set"))?,
        profile: Profile {
            sex: stored_code(row, base, Sex::from_code)?,
            age_band: stored_code(row, base + 1, AgeBand::from_code)?,
            education: stored_code(row, base + 2, Education::from_code)?,
            occupation: stored_code(row, base + 3, Occupation::from_code)?,
        },
        suggestion: row.try_get(base + 4)?,
        idempotency_key: idempotency_key.to_string(),
        ticket: None,
    })
}

fn stored_code<T>(
    row: &AnyRow,
    index: usize,
    parse: fn(&str) -> Option<T>,
) -> Result<Option<T>, StoreError> {
    let code: Option<String> = row.try_get(index)?;
    code.map(|c| {
        parse(&c).ok_or_else(|| {
            StoreError::Corrupt(format!("stored response has an unknown code '{c}'"))
        })
    })
    .transpose()
}

pub(crate) fn tally_from_row(row: &AnyRow, start: usize) -> Result<Tally> {
    let get = |i: usize| -> Result<u64> {
        let v: i64 = row.try_get(start + i)?;
        u64::try_from(v).map_err(|_| StoreError::Corrupt(format!("negative total {v}")))
    };
    let responses = get(0)?;
    let mut sums = [0; ELEMENT_COUNT];
    let mut counts = [0; ELEMENT_COUNT];
    for i in 0..ELEMENT_COUNT {
        sums[i] = get(1 + i)?;
        counts[i] = get(1 + ELEMENT_COUNT + i)?;
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
