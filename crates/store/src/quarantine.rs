//! Screening arriving responses with the anomaly rules (`suara_domain::integrity::anomaly`),
//! holding suspicious ones back, and the inspectorate's decisions on them.

use rand::RngCore;
use sqlx::{AnyConnection, Row};
use suara_domain::integrity::anomaly::{
    assess, straight_lined, Observation, Reason, Recent, Rules,
};
use suara_domain::org::hours::{Grace, ServiceHours};
use suara_domain::survey::ValidResponse;
use time::{Duration, OffsetDateTime};

use crate::audit::{self, AuditRecord};
use crate::tickets::Redeemed;
use crate::{from_micros, micros, Result, Store, StoreError, Tenant};

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
        DecisionError::Store(StoreError::Database(e))
    }
}

/// SQL condition on `responses r`: the response counts (it was never held, or was accepted).
pub(crate) const COUNTED: &str = "NOT EXISTS (SELECT 1 FROM quarantine q \
     WHERE q.tenant_id = r.tenant_id AND q.response_id = r.response_id AND NOT EXISTS \
     (SELECT 1 FROM quarantine_decisions d WHERE d.tenant_id = q.tenant_id \
     AND d.response_id = q.response_id AND d.accepted = 1))";

pub(crate) async fn secret(conn: &mut AnyConnection, tenant_id: &str) -> Result<String> {
    const READ: &str = "SELECT secret FROM signal_secrets WHERE tenant_id = $1";
    // Made once per tenant; every later response only reads it.
    let stored: Option<String> = sqlx::query_scalar(READ)
        .bind(tenant_id)
        .fetch_optional(&mut *conn)
        .await?;
    if let Some(secret) = stored {
        return Ok(secret);
    }
    let mut bytes = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut bytes);
    let fresh: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    sqlx::query("INSERT INTO signal_secrets (tenant_id, secret) VALUES ($1, $2) ON CONFLICT (tenant_id) DO NOTHING")
        .bind(tenant_id)
        .bind(&fresh)
        .execute(&mut *conn)
        .await?;
    Ok(sqlx::query_scalar(READ)
        .bind(tenant_id)
        .fetch_one(&mut *conn)
        .await?)
}

/// SHA-256 of secret, day and value: linkable within a day, not across days, and not
/// reversible to an address without the database's secret.
pub(crate) fn signal_hash(secret: &str, day: time::Date, kind: &str, value: &str) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(format!("{secret}|{day}|{kind}|{value}").as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// Counts stop here: every threshold is below it (tested), and a count that stops early costs
/// the same however busy a unit or network is (an unbounded count would grow with the load).
const COUNT_CAP: u32 = 100;

/// Counts the rows of a `SELECT flag …` whose parameters are tenant, key, window start, this
/// response's id and window end (`$1`…`$5`), and those with the flag set, up to
/// [`COUNT_CAP`] rows: the window ends at this response, so a batch of old responses stored
/// out of order is judged by its own time.
async fn count(
    conn: &mut AnyConnection,
    sql: &str,
    tenant_id: &str,
    key: &str,
    window: (OffsetDateTime, OffsetDateTime),
    except: i64,
) -> Result<(u32, u32)> {
    let sql = format!(
        "SELECT COUNT(*), CAST(COALESCE(SUM(flag), 0) AS BIGINT) FROM ({sql} LIMIT {COUNT_CAP}) AS window_rows"
    );
    let row = sqlx::query(&sql)
        .bind(tenant_id)
        .bind(key)
        .bind(micros(window.0))
        .bind(except)
        .bind(micros(window.1))
        .fetch_one(&mut *conn)
        .await?;
    let narrow = |n: i64| u32::try_from(n).unwrap_or(u32::MAX);
    Ok((narrow(row.try_get(0)?), narrow(row.try_get(1)?)))
}

/// What the rules judge: one stored response and how it arrived.
pub(crate) struct Screened<'a> {
    pub response_id: i64,
    pub response: &'a ValidResponse,
    /// `None` for imports and demo data, which only the unit-burst rule sees.
    pub signals: Option<&'a Signals>,
    pub ticket: Option<&'a Redeemed>,
    pub at: OffsetDateTime,
    /// The unit's posted hours as stored, read with its references.
    pub unit_hours: Option<&'a str>,
}

/// Records the response's signals and applies the rules; returns whether it is held.
pub(crate) async fn screen(
    conn: &mut AnyConnection,
    tenant: &Tenant,
    screened: Screened<'_>,
) -> Result<bool> {
    let Screened {
        response_id,
        response,
        signals,
        ticket,
        at,
        unit_hours,
    } = screened;
    let tenant_id = tenant.tenant_id.as_str();
    let answers: Vec<Option<u8>> = response
        .answers
        .ratings()
        .iter()
        .map(|r| r.map(|r| r.value()))
        .collect();
    let lined = straight_lined(&answers);
    let hour_ago = at - Duration::hours(1);
    let mut recent = Recent {
        unit_ten_minutes: count(
            conn,
            "SELECT 0 AS flag FROM responses WHERE tenant_id = $1 AND unit_id = $2 AND received_at_us > $3 AND response_id <> $4 AND received_at_us <= $5",
            tenant_id,
            &response.unit,
            (at - Duration::minutes(10), at),
            response_id,
        )
        .await?
        .0,
        ..Recent::default()
    };
    let (mut device, mut network) = (None, None);
    if let Some(signals) = signals {
        let secret = secret(conn, tenant_id).await?;
        let day = at.date();
        device = signals
            .device
            .as_deref()
            .map(|d| signal_hash(&secret, day, "device", d));
        network = signals
            .network
            .as_deref()
            .map(|n| signal_hash(&secret, day, "network", n));
        if let Some(device) = &device {
            let n: i64 = sqlx::query_scalar(
                "SELECT COUNT(*) FROM response_signals WHERE tenant_id = $1 AND device_hash = $2 AND at_us > $3
                 AND response_id <> $4 AND unit_id = $5 AND at_us <= $6",
            )
            .bind(tenant_id)
            .bind(device)
            .bind(micros(hour_ago))
            .bind(response_id)
            .bind(&response.unit)
            .bind(micros(at))
            .fetch_one(&mut *conn)
            .await?;
            recent.device_same_unit_hour = u32::try_from(n).unwrap_or(u32::MAX);
        }
        if let Some(network) = &network {
            (recent.network_hour, recent.network_straight_lined_hour) = count(
                conn,
                "SELECT straight_lined AS flag FROM response_signals WHERE tenant_id = $1 AND network_hash = $2
                 AND at_us > $3 AND response_id <> $4 AND at_us <= $5",
                tenant_id,
                network,
                (hour_ago, at),
                response_id,
            )
            .await?;
        }
        sqlx::query(
            "INSERT INTO response_signals (tenant_id, response_id, at_us, unit_id, device_hash, network_hash, straight_lined)
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(tenant_id)
        .bind(response_id)
        .bind(micros(at))
        .bind(&response.unit)
        .bind(&device)
        .bind(&network)
        .bind(i64::from(lined))
        .execute(&mut *conn)
        .await?;
    }
    let mut seen = Observation {
        recent,
        straight_lined: lined,
        has_device: device.is_some(),
        has_network: network.is_some(),
        ..Observation::default()
    };
    if let Some(ticket) = ticket {
        if network.is_some() && network == ticket.issuer_network_hash {
            seen.ticket_seconds_from_issuing_network =
                Some((at - ticket.issued_at).whole_seconds());
        }
    }
    if signals.is_some() {
        // A ticket can be answered at home days later; the service took place when it was issued.
        let moment = ticket.map_or(at, |t| t.issued_at);
        seen.outside_service_hours = match parse_hours(unit_hours)? {
            Some(hours) => {
                let local = moment.to_offset(tenant.offset());
                let local = time::PrimitiveDateTime::new(local.date(), local.time());
                !hours.admits(local, Grace::default())
            }
            None => false,
        };
    }
    let reasons = assess(&seen, &Rules::default());
    if reasons.is_empty() {
        return Ok(false);
    }
    let codes: Vec<&str> = reasons.iter().map(|r| r.code()).collect();
    sqlx::query("INSERT INTO quarantine (tenant_id, response_id, reasons, held_at_us) VALUES ($1, $2, $3, $4)")
        .bind(tenant_id)
        .bind(response_id)
        .bind(codes.join(","))
        .bind(micros(at))
        .execute(&mut *conn)
        .await?;
    Ok(true)
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

    /// Responses waiting for a decision, oldest first.
    pub async fn held_responses(&self, tenant_id: &str, limit: u32) -> Result<Vec<HeldResponse>> {
        let rows = sqlx::query(
            "SELECT r.response_id, r.receipt, r.received_at_us, r.unit_id, r.service_id, r.officer_nip, r.channel,
                    r.u1, r.u2, r.u3, r.u4, r.u5, r.u6, r.u7, r.u8, r.u9, q.reasons
             FROM quarantine q JOIN responses r ON r.tenant_id = q.tenant_id AND r.response_id = q.response_id
             WHERE q.tenant_id = $1 AND NOT EXISTS (SELECT 1 FROM quarantine_decisions d
                 WHERE d.tenant_id = q.tenant_id AND d.response_id = q.response_id)
             ORDER BY q.response_id LIMIT $2",
        )
        .bind(tenant_id)
        .bind(i64::from(limit))
        .fetch_all(&self.reader)
        .await?;
        rows.iter()
            .map(|row| {
                let mut answers = [None; 9];
                for (i, slot) in answers.iter_mut().enumerate() {
                    *slot = row.try_get::<Option<i64>, _>(7 + i)?;
                }
                let reasons: String = row.try_get(16)?;
                Ok(HeldResponse {
                    response_id: row.try_get(0)?,
                    receipt: row.try_get(1)?,
                    received_at: from_micros(row.try_get(2)?)?,
                    unit_id: row.try_get(3)?,
                    service_id: row.try_get(4)?,
                    officer_nip: row.try_get(5)?,
                    channel: row.try_get(6)?,
                    answers,
                    reasons: reasons.split(',').filter_map(Reason::from_code).collect(),
                })
            })
            .collect()
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
        let reason = reason.trim();
        if reason.is_empty() {
            return Err(DecisionError::NoReason);
        }
        let mut tx = self.writer.begin().await?;
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
            let stored = crate::chain::read_record(&mut tx, tenant_id, response_id)
                .await?
                .ok_or_else(|| StoreError::Corrupt(format!("response {response_id} vanished")))?;
            crate::responses::count_in(&mut tx, self.backend, tenant_id, response_id, &stored)
                .await?;
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
        audit::append(&mut tx, &record).await?;
        tx.commit().await?;
        Ok(())
    }
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
        ] {
            assert!(threshold < COUNT_CAP, "{threshold}");
        }
    }
}
