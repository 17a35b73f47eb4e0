//! Screening arriving responses with the anomaly rules (`suara_domain::integrity::anomaly`),
//! holding suspicious ones back, and the inspectorate's decisions on them.

use std::collections::HashMap;

use sqlx::{AnyConnection, Row};
use suara_domain::integrity::anomaly::{
    assess, open_hour_limit, straight_lined, Observation, Reason, Recent, Rules,
};
use suara_domain::org::hours::{Grace, ServiceHours};
use suara_domain::survey::ValidResponse;
use time::{Duration, OffsetDateTime};

use super::columns::{ANSWER_COLUMNS, ROWS_PER_STATEMENT};
use super::signals::{secret, signal_hash};
use super::tickets::Redeemed;
use super::totals::{count_all, pay_trust, Counted};
use crate::audit::{self, AuditRecord};
use crate::{from_micros, micros, Backend, Result, Store, StoreError, Tenant};

/// What a request showed of where it came from, before hashing: a network prefix (see
/// `anomaly::network_of`) and an anonymous device id from a cookie.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Signals {
    pub network: Option<String>,
    pub device: Option<String>,
}

/// A response waiting for the inspectorate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HeldResponse {
    pub response_id: i64,
    pub receipt: String,
    pub received_at: OffsetDateTime,
    pub unit_id: String,
    pub service_id: Option<String>,
    pub officer_nip: Option<String>,
    pub channel: String,
    pub answers: [Option<i64>; 9],
    pub reasons: Vec<Reason>,
    /// The network it came from, as a short label of its daily hash (`None` without one).
    pub source: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum DecisionError {
    #[error("response {0} is not waiting in quarantine")]
    NotHeld(i64),
    #[error("a decision needs a reason")]
    NoReason,
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for DecisionError {
    fn from(e: sqlx::Error) -> Self {
        DecisionError::Store(StoreError::from(e))
    }
}

/// Counts stop here: every threshold is below it (tested), and a count that stops early costs
/// the same however busy a unit or network is (an unbounded count would grow with the load).
const COUNT_CAP: u32 = 100;

/// `aggregate` (of `flag`, the value of `column`) over the rows of `table` matching
/// `condition`, stopping at [`COUNT_CAP`] rows.
fn capped(aggregate: &str, column: &str, table: &str, condition: &str) -> String {
    format!(
        "(SELECT CAST(COALESCE({aggregate}, 0) AS BIGINT) FROM (SELECT {column} AS flag \
         FROM {table} WHERE {condition} LIMIT {COUNT_CAP}) AS window_rows)"
    )
}

/// The recent activity around each screened response, one row per response: responses to
/// its unit in 10 minutes; signals of its device at its unit, of its network, and of its
/// network straight-lined, in the hour before. Each window ends at the response itself, so
/// responses stored together or out of order are each judged by their own time.
static RECENT_SQL: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    // Only open responses that were counted make up a unit's burst (`unit_window`): a flood
    // that the network and device rules already hold cannot make genuine answers wait, and
    // kiosk and ticket answers, which carry their own evidence, neither count nor are judged.
    let unit = |since: &str| {
        format!(
            "unit_window.tenant_id = v.tenant_id AND unit_window.unit_id = v.unit_id \
             AND unit_window.at_us > v.{since} AND unit_window.at_us <= v.at_us"
        )
    };
    // Ticket answers are not judged by these counts, and do not make them up either: a
    // building's counter tickets answered on its wifi are not a stream.
    let signals =
        "response_signals.tenant_id = v.tenant_id AND response_signals.at_us > v.since_1h \
        AND response_signals.at_us <= v.at_us AND response_signals.response_id <> v.response_id \
        AND NOT EXISTS (SELECT 1 FROM tickets t WHERE t.tenant_id = response_signals.tenant_id \
            AND t.response_id = response_signals.response_id)";
    let device = format!(
        "{signals} AND response_signals.device_hash = v.device_hash AND response_signals.unit_id = v.unit_id"
    );
    let network = format!("{signals} AND response_signals.network_hash = v.network_hash");
    // A kiosk's previous answer, held or not: when, and whether it was all-same
    // (`kiosk_hash` is NULL for other responses, which makes each one index probe that
    // finds nothing).
    let previous = |column: &str| {
        format!(
            "(SELECT k.{column} FROM response_signals k WHERE k.tenant_id = v.tenant_id \
             AND k.network_hash = v.kiosk_hash AND k.at_us > v.since_1h AND k.at_us <= v.at_us \
             AND k.response_id <> v.response_id ORDER BY k.at_us DESC LIMIT 1)"
        )
    };
    format!(
        "SELECT v.i, {} AS unit_ten_minutes, {} AS unit_hour, {} AS device_same_unit_hour,
             {} AS network_hour,
             {} AS network_straight_lined_hour, {} AS kiosk_previous_us,
             {} AS kiosk_previous_straight_lined, v.at_us
         FROM v ORDER BY v.i",
        capped("COUNT(*)", "1", "unit_window", &unit("since_10m")),
        capped("COUNT(*)", "1", "unit_window", &unit("since_1h")),
        capped("COUNT(*)", "1", "response_signals", &device),
        capped("COUNT(*)", "1", "response_signals", &network),
        capped("SUM(flag)", "straight_lined", "response_signals", &network),
        previous("at_us"),
        previous("straight_lined"),
    )
});

/// What the rules judge: one stored response and how it arrived.
pub(crate) struct Screened<'a> {
    pub tenant: &'a Tenant,
    pub response_id: i64,
    pub response: &'a ValidResponse,
    /// `None` for imports and demo data, which only the unit-burst rule sees.
    pub signals: Option<&'a Signals>,
    pub ticket: Option<&'a Redeemed>,
    /// Came by an open channel (web page or API), not a kiosk or ticket.
    pub open: bool,
    /// Came from a registered kiosk, approved or not (its signals name the kiosk as the
    /// network).
    pub kiosk: bool,
    pub at: OffsetDateTime,
    /// The unit's posted hours as stored, read with its references.
    pub unit_hours: Option<&'a str>,
    /// The unit's users a month as stored.
    pub unit_monthly_users: Option<u32>,
}

/// A screened response's signals as stored: hashed, with its straight-lining.
struct Hashed {
    device: Option<String>,
    network: Option<String>,
    straight_lined: bool,
}

/// Records the responses' signals and applies the rules to each; returns which are held.
pub(crate) async fn screen(
    conn: &mut AnyConnection,
    backend: Backend,
    group: &[Screened<'_>],
) -> Result<Vec<bool>> {
    // In regency order, as the chain heads are locked: a secret still to be made is inserted
    // here, and two groups inserting two regencies' secrets in opposite orders deadlock.
    let tenants: std::collections::BTreeSet<&str> = group
        .iter()
        .filter(|s| s.signals.is_some())
        .map(|s| s.tenant.tenant_id.as_str())
        .collect();
    let mut secrets: HashMap<&str, String> = HashMap::new();
    for tenant_id in tenants {
        secrets.insert(tenant_id, secret(conn, tenant_id).await?);
    }
    let hashed = hash_signals(group, &secrets);
    record_signals(conn, backend, group, &hashed).await?;
    let recent = recent_activity(conn, backend, group, &hashed).await?;

    let mut held = Vec::with_capacity(group.len());
    let mut holds = Vec::new();
    // Open responses of this group counted so far, by unit: not in `unit_window` yet.
    let mut counted_here: HashMap<(&str, &str), Vec<OffsetDateTime>> = HashMap::new();
    for ((screened, hashed), mut recent) in group.iter().zip(&hashed).zip(recent) {
        let key = (
            screened.tenant.tenant_id.as_str(),
            screened.response.unit.as_str(),
        );
        if let Some(earlier) = counted_here.get(&key) {
            let within = |minutes| {
                let since = screened.at - Duration::minutes(minutes);
                earlier
                    .iter()
                    .filter(|at| **at > since && **at <= screened.at)
                    .count() as u32
            };
            recent.unit_ten_minutes += within(10);
            recent.unit_hour += within(60);
        }
        let reasons = assess(&observe(screened, hashed, recent)?, &Rules::default());
        held.push(!reasons.is_empty());
        if !reasons.is_empty() {
            let codes: Vec<&str> = reasons.iter().map(|r| r.code()).collect();
            holds.push((screened, codes.join(",")));
        } else if screened.open {
            counted_here.entry(key).or_default().push(screened.at);
        }
    }
    let window: Vec<&Screened> = group
        .iter()
        .zip(&held)
        .filter(|(s, held)| s.open && !**held)
        .map(|(s, _)| s)
        .collect();
    for chunk in window.chunks(ROWS_PER_STATEMENT) {
        let sql = format!(
            "INSERT INTO unit_window (tenant_id, unit_id, at_us, response_id) VALUES {}",
            crate::placeholder_rows(backend, chunk.len(), 4)
        );
        let mut insert = sqlx::query(&sql);
        for screened in chunk {
            insert = insert
                .bind(&screened.tenant.tenant_id)
                .bind(&screened.response.unit)
                .bind(micros(screened.at))
                .bind(screened.response_id);
        }
        insert.execute(&mut *conn).await?;
    }
    for chunk in holds.chunks(ROWS_PER_STATEMENT) {
        let sql = format!(
            "INSERT INTO quarantine (tenant_id, response_id, reasons, held_at_us) VALUES {}",
            crate::placeholder_rows(backend, chunk.len(), 4)
        );
        let mut insert = sqlx::query(&sql);
        for (screened, reasons) in chunk {
            insert = insert
                .bind(&screened.tenant.tenant_id)
                .bind(screened.response_id)
                .bind(reasons)
                .bind(micros(screened.at));
        }
        insert.execute(&mut *conn).await?;
    }
    Ok(held)
}

/// Each response's signals hashed with its regency's secret, and whether it is straight-lined.
fn hash_signals(group: &[Screened<'_>], secrets: &HashMap<&str, String>) -> Vec<Hashed> {
    group
        .iter()
        .map(|screened| {
            let answers: Vec<Option<u8>> = screened
                .response
                .answers
                .ratings()
                .iter()
                .map(|r| r.map(|r| r.value()))
                .collect();
            let secret = secrets.get(screened.tenant.tenant_id.as_str());
            let hash = |kind: &str, value: Option<&String>| {
                let secret = secret?;
                Some(signal_hash(secret, screened.at, kind, value?))
            };
            let signals = screened.signals;
            Hashed {
                device: hash("device", signals.and_then(|s| s.device.as_ref())),
                network: hash("network", signals.and_then(|s| s.network.as_ref())),
                straight_lined: straight_lined(&answers),
            }
        })
        .collect()
}

/// Stores the signals of the responses that came with any, before the rules count them.
async fn record_signals(
    conn: &mut AnyConnection,
    backend: Backend,
    group: &[Screened<'_>],
    hashed: &[Hashed],
) -> Result<()> {
    let rows: Vec<(&Screened, &Hashed)> = group
        .iter()
        .zip(hashed)
        .filter(|(screened, _)| screened.signals.is_some())
        .collect();
    for chunk in rows.chunks(ROWS_PER_STATEMENT) {
        let sql = format!(
            "INSERT INTO response_signals (tenant_id, response_id, at_us, unit_id, device_hash, network_hash, straight_lined)
             VALUES {}",
            crate::placeholder_rows(backend, chunk.len(), 7)
        );
        let mut insert = sqlx::query(&sql);
        for (screened, hashed) in chunk {
            insert = insert
                .bind(&screened.tenant.tenant_id)
                .bind(screened.response_id)
                .bind(micros(screened.at))
                .bind(&screened.response.unit)
                .bind(&hashed.device)
                .bind(&hashed.network)
                .bind(i64::from(hashed.straight_lined));
        }
        insert.execute(&mut *conn).await?;
    }
    Ok(())
}

/// [`RECENT_SQL`] for every screened response, a statement per [`ROWS_PER_STATEMENT`].
///
/// [`ROWS_PER_STATEMENT`]: ROWS_PER_STATEMENT
async fn recent_activity(
    conn: &mut AnyConnection,
    backend: Backend,
    group: &[Screened<'_>],
    hashed: &[Hashed],
) -> Result<Vec<Recent>> {
    let narrow = |n: i64| u32::try_from(n).unwrap_or(u32::MAX);
    let rows: Vec<_> = group.iter().zip(hashed).collect();
    let mut recent = Vec::with_capacity(rows.len());
    for chunk in rows.chunks(ROWS_PER_STATEMENT) {
        let sql = format!(
            "WITH v (i, tenant_id, unit_id, response_id, at_us, since_10m, since_1h, device_hash,
                     network_hash, kiosk_hash)
             AS (VALUES {}) {}",
            crate::placeholder_rows(backend, chunk.len(), 10),
            *RECENT_SQL
        );
        let mut query = sqlx::query(&sql);
        for (i, (screened, hashed)) in chunk.iter().enumerate() {
            query = query
                .bind(i as i64)
                .bind(&screened.tenant.tenant_id)
                .bind(&screened.response.unit)
                .bind(screened.response_id)
                .bind(micros(screened.at))
                .bind(micros(screened.at - Duration::minutes(10)))
                .bind(micros(screened.at - Duration::hours(1)))
                .bind(&hashed.device)
                .bind(&hashed.network)
                .bind(hashed.network.as_ref().filter(|_| screened.kiosk));
        }
        let found = query.fetch_all(&mut *conn).await?;
        if found.len() != chunk.len() {
            return Err(StoreError::Corrupt("an anomaly count lost a row".into()));
        }
        for row in found {
            let at_us: i64 = row.try_get("at_us")?;
            recent.push(Recent {
                unit_ten_minutes: narrow(row.try_get("unit_ten_minutes")?),
                unit_hour: narrow(row.try_get("unit_hour")?),
                device_same_unit_hour: narrow(row.try_get("device_same_unit_hour")?),
                network_hour: narrow(row.try_get("network_hour")?),
                network_straight_lined_hour: narrow(row.try_get("network_straight_lined_hour")?),
                kiosk_seconds_since_previous: row
                    .try_get::<Option<i64>, _>("kiosk_previous_us")?
                    .map(|previous| (at_us - previous) / 1_000_000),
                kiosk_previous_straight_lined: row
                    .try_get::<Option<i64>, _>("kiosk_previous_straight_lined")?
                    == Some(1),
            });
        }
    }
    Ok(recent)
}

/// What the rules see of one response.
fn observe(screened: &Screened<'_>, hashed: &Hashed, recent: Recent) -> Result<Observation> {
    let mut seen = Observation {
        recent,
        open_channel: screened.open,
        straight_lined: hashed.straight_lined,
        answers_ticket: screened.ticket.is_some(),
        at_kiosk: screened.kiosk && hashed.network.is_some(),
        has_device: hashed.device.is_some(),
        has_network: hashed.network.is_some(),
        ..Observation::default()
    };
    if let Some(ticket) = screened.ticket {
        if hashed.network.is_some() && hashed.network == ticket.issuer_network_hash {
            seen.ticket_seconds_from_issuing_network =
                Some((screened.at - ticket.issued_at).whole_seconds());
        }
    }
    if screened.signals.is_some() {
        let hours = parse_hours(screened.unit_hours)?;
        // Answers arriving live only: an import's pace is its source's, not a flood's.
        seen.unit_open_hour_limit = open_hour_limit(screened.unit_monthly_users, hours.as_ref());
        // A ticket can be answered at home days later; the service took place when it was issued.
        let moment = screened.ticket.map_or(screened.at, |t| t.issued_at);
        seen.outside_service_hours = match hours {
            Some(hours) => {
                let local = moment.to_offset(screened.tenant.offset());
                let local = time::PrimitiveDateTime::new(local.date(), local.time());
                !hours.admits(local, Grace::default())
            }
            None => false,
        };
    }
    Ok(seen)
}

fn parse_hours(text: Option<&str>) -> Result<Option<ServiceHours>> {
    text.map(|text| {
        text.parse::<ServiceHours>()
            .map_err(|e| StoreError::Corrupt(format!("service hours '{text}': {e}")))
    })
    .transpose()
    .map(|hours| hours.filter(|h| !h.is_empty()))
}

impl Store {
    /// Responses ever held for review (decided or not).
    pub async fn held_count(&self, tenant_id: &str) -> Result<u64> {
        let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM quarantine WHERE tenant_id = $1")
            .bind(tenant_id)
            .fetch_one(&self.reader)
            .await?;
        crate::to_u64(n)
    }

    /// Responses waiting for a decision, oldest first: one page of those the query selects,
    /// and how many it selects in all.
    pub async fn held_responses(&self, tenant_id: &str, query: &HeldQuery) -> Result<HeldPage> {
        let (condition, binds) = query.condition();
        fn bind_all<'q>(
            sql: &'q str,
            tenant_id: &str,
            binds: &[String],
        ) -> sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>> {
            let mut query = sqlx::query(sql).bind(tenant_id.to_string());
            for value in binds {
                query = query.bind(value.clone());
            }
            query
        }
        let count_sql = format!("SELECT COUNT(*) AS total FROM {HELD_FROM} WHERE {condition}");
        let total: i64 = bind_all(&count_sql, tenant_id, &binds)
            .fetch_one(&self.reader)
            .await?
            .try_get("total")?;
        let list_sql = format!(
            "SELECT r.response_id, r.receipt, r.received_at_us, r.unit_id, r.service_id,
                    r.officer_nip, r.channel, r.u1, r.u2, r.u3, r.u4, r.u5, r.u6, r.u7, r.u8, r.u9,
                    q.reasons,
                    (SELECT s.network_hash FROM response_signals s
                     WHERE s.tenant_id = r.tenant_id AND s.response_id = r.response_id) AS network_hash
             FROM {HELD_FROM} WHERE {condition}
             ORDER BY q.response_id LIMIT {} OFFSET {}",
            query.limit, query.offset
        );
        let rows = bind_all(&list_sql, tenant_id, &binds)
            .fetch_all(&self.reader)
            .await?;
        let items = rows
            .iter()
            .map(|row| {
                let mut answers = [None; 9];
                for (slot, column) in answers.iter_mut().zip(ANSWER_COLUMNS) {
                    *slot = row.try_get::<Option<i64>, _>(column)?;
                }
                let reasons: String = row.try_get("reasons")?;
                let network: Option<String> = row.try_get("network_hash")?;
                Ok(HeldResponse {
                    response_id: row.try_get("response_id")?,
                    receipt: row.try_get("receipt")?,
                    received_at: from_micros(row.try_get("received_at_us")?)?,
                    unit_id: row.try_get("unit_id")?,
                    service_id: row.try_get("service_id")?,
                    officer_nip: row.try_get("officer_nip")?,
                    channel: row.try_get("channel")?,
                    answers,
                    reasons: reasons.split(',').filter_map(Reason::from_code).collect(),
                    source: network.map(|n| n.chars().take(SOURCE_CHARS).collect()),
                })
            })
            .collect::<Result<_>>()?;
        Ok(HeldPage {
            items,
            total: crate::to_u64(total)?,
        })
    }

    /// Accepts (the response then counts and joins the chain) or rejects a held response,
    /// with a reason; audit-logged.
    pub async fn decide_held(
        &self,
        tenant_id: &str,
        response_id: i64,
        accept: bool,
        reason: &str,
        actor: &str,
        at: OffsetDateTime,
    ) -> Result<(), DecisionError> {
        self.decide_held_many(tenant_id, &[response_id], accept, reason, actor, at)
            .await
    }

    /// One decision with one reason for many held responses, all or none: a response that is
    /// no longer waiting (decided by someone else meanwhile) refuses the whole batch.
    pub async fn decide_held_many(
        &self,
        tenant_id: &str,
        response_ids: &[i64],
        accept: bool,
        reason: &str,
        actor: &str,
        at: OffsetDateTime,
    ) -> Result<(), DecisionError> {
        let reason = reason.trim();
        if reason.is_empty() {
            return Err(DecisionError::NoReason);
        }
        let mut tx = self.writer.begin().await?;
        for &response_id in response_ids {
            decide_one(
                &mut tx,
                self,
                self.backend,
                tenant_id,
                response_id,
                accept,
                reason,
                actor,
                at,
            )
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }
}

/// Held responses joined to their rows; `$1` is the tenant.
const HELD_FROM: &str = "quarantine q JOIN responses r
     ON r.tenant_id = q.tenant_id AND r.response_id = q.response_id";

/// Hex digits of a network's daily hash shown as the source of a held response: enough to
/// tell sources apart on a page, nothing that leads back to an address.
pub const SOURCE_CHARS: usize = 8;

/// Which held responses to list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HeldQuery {
    pub reason: Option<Reason>,
    pub unit: Option<String>,
    /// `web`, `api`, `kiosk` or `ticket`.
    pub channel: Option<String>,
    /// A source as shown ([`SOURCE_CHARS`] hex digits of the network's daily hash).
    pub source: Option<String>,
    pub offset: u32,
    pub limit: u32,
}

impl HeldQuery {
    /// The first `limit` waiting responses, unfiltered.
    pub fn first(limit: u32) -> HeldQuery {
        HeldQuery {
            reason: None,
            unit: None,
            channel: None,
            source: None,
            offset: 0,
            limit,
        }
    }

    /// The SQL condition (after the tenant, `$1`) and the values it binds, in order.
    fn condition(&self) -> (String, Vec<String>) {
        let mut condition = String::from(
            "q.tenant_id = $1 AND NOT EXISTS (SELECT 1 FROM quarantine_decisions d
                 WHERE d.tenant_id = q.tenant_id AND d.response_id = q.response_id)",
        );
        let mut binds = Vec::new();
        let mut add = |sql: &str, value: String| {
            binds.push(value);
            condition.push_str(&sql.replace('?', &format!("${}", binds.len() + 1)));
        };
        if let Some(reason) = self.reason {
            add(
                " AND (',' || q.reasons || ',') LIKE ?",
                format!("%,{},%", reason.code()),
            );
        }
        if let Some(unit) = &self.unit {
            add(" AND r.unit_id = ?", unit.clone());
        }
        if let Some(channel) = &self.channel {
            add(" AND r.channel = ?", channel.clone());
        }
        if let Some(source) = &self.source {
            // Only hex digits reach the pattern, so no wildcard can be smuggled in.
            let source: String = source
                .chars()
                .filter(char::is_ascii_hexdigit)
                .take(SOURCE_CHARS)
                .collect::<String>()
                .to_ascii_lowercase();
            add(
                " AND EXISTS (SELECT 1 FROM response_signals s WHERE s.tenant_id = r.tenant_id
                     AND s.response_id = r.response_id AND s.network_hash LIKE ?)",
                format!("{source}%"),
            );
        }
        (condition, binds)
    }
}

/// One page of held responses.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HeldPage {
    pub items: Vec<HeldResponse>,
    /// Held responses the query selects, on every page.
    pub total: u64,
}

/// Records one decision in the batch's transaction.
#[allow(clippy::too_many_arguments)]
async fn decide_one(
    tx: &mut AnyConnection,
    keys: &Store,
    backend: Backend,
    tenant_id: &str,
    response_id: i64,
    accept: bool,
    reason: &str,
    actor: &str,
    at: OffsetDateTime,
) -> Result<(), DecisionError> {
    let pending = sqlx::query(
        "SELECT 1 FROM quarantine q WHERE q.tenant_id = $1 AND q.response_id = $2 AND NOT EXISTS
             (SELECT 1 FROM quarantine_decisions d WHERE d.tenant_id = q.tenant_id AND d.response_id = q.response_id)",
    )
    .bind(tenant_id)
    .bind(response_id)
    .fetch_optional(&mut *tx)
    .await?;
    if pending.is_none() {
        return Err(DecisionError::NotHeld(response_id));
    }
    sqlx::query(
        "INSERT INTO quarantine_decisions (tenant_id, response_id, accepted, reason, decided_by, decided_at_us)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(tenant_id)
    .bind(response_id)
    .bind(i64::from(accept))
    .bind(reason)
    .bind(actor)
    .bind(micros(at))
    .execute(&mut *tx)
    .await?;
    if accept {
        let stored = super::chain::read_record(tx, tenant_id, response_id)
            .await?
            .ok_or_else(|| StoreError::Corrupt(format!("response {response_id} vanished")))?;
        let by_officer: Option<i64> = sqlx::query_scalar(
            "SELECT 1 FROM tickets WHERE tenant_id = $1 AND response_id = $2 AND issuer_nip IS NOT NULL",
        )
        .bind(tenant_id)
        .bind(response_id)
        .fetch_optional(&mut *tx)
        .await?;
        let counted = Counted {
            tenant_id,
            response_id,
            record: &stored,
            pay: pay_trust(&stored.channel, by_officer.is_some()),
        };
        count_all(tx, backend, &[counted], keys).await?;
    }
    let record = AuditRecord {
        tenant_id,
        at,
        actor,
        action: if accept { "accept" } else { "reject" },
        entity: "quarantined_response",
        entity_id: response_id.to_string(),
        before: None,
        after: Some(serde_json::json!({ "accepted": accept, "reason": reason }).to_string()),
    };
    audit::append(tx, keys, &record).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capped_counts_still_reach_every_threshold() {
        let rules = Rules::default();
        for threshold in [
            rules.max_device_same_unit_hour,
            rules.max_network_hour,
            rules.max_network_straight_lined_hour,
            rules.max_unit_ten_minutes,
            suara_domain::integrity::anomaly::MAX_OPEN_HOUR,
        ] {
            assert!(threshold < COUNT_CAP, "{threshold}");
        }
    }
}
