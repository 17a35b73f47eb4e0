//! One-time tickets (rules in `suara_domain::integrity::ticket`) and the API keys of queue
//! systems that issue them.

use sqlx::{AnyConnection, Row};
use suara_domain::integrity::ticket::{self, TicketState};
use suara_domain::survey::ValidResponse;
use time::OffsetDateTime;

use super::checks::{check_references, RecordError, References};
use super::signals::{secret, signal_hash};
use crate::{from_micros, micros, Backend, Result, Store};

/// Tickets one account or key may issue in 10 minutes.
pub const MAX_TICKETS_PER_10_MINUTES: u32 = 30;

/// What a ticket is for: the response that answers it must name the same.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TicketBinding {
    pub unit_id: String,
    pub service_id: Option<String>,
    pub officer_nip: Option<String>,
    pub point_id: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TicketInfo {
    pub binding: TicketBinding,
    pub expires_at: OffsetDateTime,
    pub state: TicketState,
}

/// Who issued a ticket (an account or an API key's label) and from which network.
#[derive(Clone, Copy, Debug)]
pub struct Issuer<'a> {
    pub name: &'a str,
    pub network: Option<&'a str>,
    /// The NIP of an issuing account that is itself rated (an officer's): its tickets count
    /// for the published SKM but are no evidence for pay.
    pub nip: Option<&'a str>,
}

/// A queue system's key, as looked up by its hash.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApiKey {
    pub tenant_id: String,
    pub label: String,
    /// The key may issue tickets for this unit and everything under it.
    pub unit_id: String,
}

/// What the anomaly rules need to know of a redeemed ticket.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Redeemed {
    pub issued_at: OffsetDateTime,
    /// Salted hash of the issuing request's network, of the day of issue.
    pub issuer_network_hash: Option<String>,
    /// Issued by a rated officer's own account.
    pub issuer_nip: Option<String>,
}

/// Marks the ticket used by this response, in the response's transaction: an unknown,
/// used, expired or mismatched ticket rolls the whole response back.
pub(crate) async fn redeem(
    tx: &mut AnyConnection,
    backend: Backend,
    tenant_id: &str,
    code: &str,
    response: &ValidResponse,
    response_id: i64,
    at: OffsetDateTime,
) -> Result<Redeemed, RecordError> {
    let hash = ticket::code_hash(code);
    let lock = if backend == Backend::Postgres {
        " FOR UPDATE"
    } else {
        ""
    };
    let row = sqlx::query(&format!(
        "SELECT unit_id, service_id, officer_nip, expires_at_us, used_at_us, issued_at_us,
                issuer_network_hash, issuer_nip FROM tickets
         WHERE tenant_id = $1 AND code_hash = $2{lock}"
    ))
    .bind(tenant_id)
    .bind(&hash)
    .fetch_optional(&mut *tx)
    .await?;
    let Some(row) = row else {
        return Err(RecordError::TicketUnknown);
    };
    let used: Option<i64> = row.try_get("used_at_us")?;
    match ticket::state(
        used.is_some(),
        from_micros(row.try_get("expires_at_us")?)?,
        at,
    ) {
        TicketState::Used => return Err(RecordError::TicketUsed),
        TicketState::Expired => return Err(RecordError::TicketExpired),
        TicketState::Usable => {}
    }
    let unit: String = row.try_get("unit_id")?;
    let service: Option<String> = row.try_get("service_id")?;
    let officer: Option<String> = row.try_get("officer_nip")?;
    // A ticket names exactly whom it was issued for: one issued without an officer rates
    // the unit only, never an officer the answerer picks.
    let matches = unit == response.unit
        && (service.is_none() || service == response.service)
        && officer == response.officer;
    if !matches {
        return Err(RecordError::TicketMismatch);
    }
    let claimed = sqlx::query(
        "UPDATE tickets SET used_at_us = $3, response_id = $4
         WHERE tenant_id = $1 AND code_hash = $2 AND used_at_us IS NULL",
    )
    .bind(tenant_id)
    .bind(&hash)
    .bind(micros(at))
    .bind(response_id)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if claimed == 1 {
        Ok(Redeemed {
            issued_at: from_micros(row.try_get("issued_at_us")?)?,
            issuer_network_hash: row.try_get("issuer_network_hash")?,
            issuer_nip: row.try_get("issuer_nip")?,
        })
    } else {
        Err(RecordError::TicketUsed)
    }
}

impl Store {
    /// Stores a new ticket for `code` (made by the caller from good randomness), checking
    /// that what it is bound to exists. The issuing request's network (a prefix, stored
    /// only as a salted daily hash) lets the rules spot the counter answering its own
    /// tickets. Returns when the ticket expires.
    pub async fn issue_ticket(
        &self,
        tenant_id: &str,
        code: &str,
        binding: &TicketBinding,
        issuer: &Issuer<'_>,
        now: OffsetDateTime,
    ) -> Result<OffsetDateTime, RecordError> {
        let mut tx = self.writer.begin().await?;
        let references = References {
            unit: &binding.unit_id,
            service: &binding.service_id,
            officer: &binding.officer_nip,
            day: now.date(),
        };
        check_references(&mut tx, self.backend, tenant_id, references).await?;
        if let Some(point) = &binding.point_id {
            let found = sqlx::query(
                "SELECT 1 FROM service_points WHERE tenant_id = $1 AND point_id = $2 AND unit_id = $3",
            )
            .bind(tenant_id)
            .bind(point)
            .bind(&binding.unit_id)
            .fetch_optional(&mut *tx)
            .await?;
            if found.is_none() {
                return Err(RecordError::UnknownPoint(point.clone()));
            }
        }
        // A counter serves a citizen every few minutes; a burst of tickets is someone making
        // evidence, not giving service.
        let recent: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM tickets WHERE tenant_id = $1 AND issued_by = $2 AND issued_at_us > $3",
        )
        .bind(tenant_id)
        .bind(issuer.name)
        .bind(micros(now - time::Duration::minutes(10)))
        .fetch_one(&mut *tx)
        .await?;
        if recent >= i64::from(MAX_TICKETS_PER_10_MINUTES) {
            return Err(RecordError::TicketsTooFast(MAX_TICKETS_PER_10_MINUTES));
        }
        let expires_at = now + ticket::LIFETIME;
        let network_hash = match issuer.network {
            Some(network) => {
                let secret = secret(&mut tx, tenant_id).await?;
                Some(signal_hash(&secret, now, "network", network))
            }
            None => None,
        };
        sqlx::query(
            "INSERT INTO tickets (tenant_id, code_hash, unit_id, service_id, officer_nip, point_id,
                 issued_by, issued_at_us, expires_at_us, issuer_network_hash, issuer_nip)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        )
        .bind(tenant_id)
        .bind(ticket::code_hash(code))
        .bind(&binding.unit_id)
        .bind(&binding.service_id)
        .bind(&binding.officer_nip)
        .bind(&binding.point_id)
        .bind(issuer.name)
        .bind(micros(now))
        .bind(micros(expires_at))
        .bind(network_hash)
        .bind(issuer.nip)
        .execute(&mut *tx)
        .await?;
        crate::audit::append(
            &mut tx,
            self,
            &crate::audit::AuditRecord {
                tenant_id,
                at: now,
                actor: issuer.name,
                action: "issue",
                entity: "ticket",
                entity_id: ticket::code_hash(code)[..12].to_string(),
                before: None,
                after: Some(
                    serde_json::json!({
                        "unit": binding.unit_id,
                        "service": binding.service_id,
                        "officer": binding.officer_nip,
                        "point": binding.point_id,
                        "issuer_nip": issuer.nip,
                    })
                    .to_string(),
                ),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(expires_at)
    }

    /// The ticket with this (normalized) code, as it stands now.
    pub async fn ticket(
        &self,
        tenant_id: &str,
        code: &str,
        now: OffsetDateTime,
    ) -> Result<Option<TicketInfo>> {
        let row = sqlx::query(
            "SELECT unit_id, service_id, officer_nip, point_id, expires_at_us, used_at_us FROM tickets
             WHERE tenant_id = $1 AND code_hash = $2",
        )
        .bind(tenant_id)
        .bind(ticket::code_hash(code))
        .fetch_optional(&self.reader)
        .await?;
        row.map(|row| {
            let expires_at = from_micros(row.try_get("expires_at_us")?)?;
            let used: Option<i64> = row.try_get("used_at_us")?;
            Ok(TicketInfo {
                binding: TicketBinding {
                    unit_id: row.try_get("unit_id")?,
                    service_id: row.try_get("service_id")?,
                    officer_nip: row.try_get("officer_nip")?,
                    point_id: row.try_get("point_id")?,
                },
                expires_at,
                state: ticket::state(used.is_some(), expires_at, now),
            })
        })
        .transpose()
    }

    pub async fn create_api_key(
        &self,
        tenant_id: &str,
        key_hash: &str,
        label: &str,
        unit_id: &str,
        at: OffsetDateTime,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO api_keys (tenant_id, key_hash, label, unit_id, created_at_us) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(tenant_id)
        .bind(key_hash)
        .bind(label)
        .bind(unit_id)
        .bind(micros(at))
        .execute(&self.writer)
        .await?;
        Ok(())
    }

    pub async fn api_key(&self, key_hash: &str) -> Result<Option<ApiKey>> {
        let row = sqlx::query(
            "SELECT tenant_id, label, unit_id FROM api_keys WHERE key_hash = $1 AND revoked_at_us IS NULL",
        )
            .bind(key_hash)
            .fetch_optional(&self.reader)
            .await?;
        row.map(|row| {
            Ok(ApiKey {
                tenant_id: row.try_get("tenant_id")?,
                label: row.try_get("label")?,
                unit_id: row.try_get("unit_id")?,
            })
        })
        .transpose()
    }
}
