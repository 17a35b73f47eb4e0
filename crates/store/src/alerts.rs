//! Alerts by e-mail: account addresses, the outbox every app server sends from, and the
//! day figures the satisfaction and quarantine alerts are judged on.

use sqlx::Row;
use suara_domain::access::Role;
use suara_domain::skm::{Tally, ELEMENT_COUNT};
use time::OffsetDateTime;

use crate::{from_micros, micros, Result, Store, StoreError};

/// An account that gave an address for alerts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Contact {
    pub username: String,
    pub role: Role,
    pub unit_id: Option<String>,
    pub nip: Option<String>,
    pub email: String,
}

/// An alert to send.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Alert {
    pub tenant_id: String,
    /// Names the event: the same event is queued once.
    pub key: String,
    pub recipients: Vec<String>,
    pub subject: String,
    pub body: String,
}

impl Store {
    /// Sets (or with `None` clears) where an account's alerts and "lupa kata sandi" links
    /// go, audit-logged: an address changed to take over an account shows. `false`: no such
    /// account.
    pub async fn set_account_email(
        &self,
        tenant_id: &str,
        username: &str,
        email: Option<&str>,
        actor: &str,
        at: OffsetDateTime,
    ) -> Result<bool> {
        let mut tx = self.writer.begin().await?;
        let changed =
            sqlx::query("UPDATE accounts SET email = $3 WHERE tenant_id = $1 AND username = $2")
                .bind(tenant_id)
                .bind(username)
                .bind(email)
                .execute(&mut *tx)
                .await?;
        if changed.rows_affected() == 0 {
            return Ok(false);
        }
        let record = crate::audit::AuditRecord {
            tenant_id,
            at,
            actor,
            action: "set_email",
            entity: "account",
            entity_id: username.to_string(),
            before: None,
            after: Some(serde_json::json!({ "email": email }).to_string()),
        };
        crate::audit::append(&mut tx, self, &record).await?;
        tx.commit().await?;
        Ok(true)
    }

    /// Every account of the regency with an address, not disabled.
    pub async fn contacts(&self, tenant_id: &str) -> Result<Vec<Contact>> {
        let rows = sqlx::query(
            "SELECT username, role, unit_id, nip, email FROM accounts
             WHERE tenant_id = $1 AND email IS NOT NULL AND disabled_at_us IS NULL
             ORDER BY username",
        )
        .bind(tenant_id)
        .fetch_all(&self.reader)
        .await?;
        rows.iter()
            .map(|row| {
                let role: String = row.try_get("role")?;
                Ok(Contact {
                    username: row.try_get("username")?,
                    role: Role::from_code(&role)
                        .ok_or_else(|| StoreError::Corrupt(format!("role {role}")))?,
                    unit_id: row.try_get("unit_id")?,
                    nip: row.try_get("nip")?,
                    email: row.try_get("email")?,
                })
            })
            .collect()
    }

    /// Queues an alert; `false` when its event was queued before (by this server or another).
    pub async fn enqueue_alert(&self, alert: &Alert, at: OffsetDateTime) -> Result<bool> {
        let added = sqlx::query(
            "INSERT INTO alert_outbox (tenant_id, alert_key, recipients, subject, body,
                 created_at_us, attempts)
             VALUES ($1, $2, $3, $4, $5, $6, 0) ON CONFLICT (tenant_id, alert_key) DO NOTHING",
        )
        .bind(&alert.tenant_id)
        .bind(&alert.key)
        .bind(alert.recipients.join(","))
        .bind(&alert.subject)
        .bind(&alert.body)
        .bind(micros(at))
        .execute(&self.writer)
        .await?;
        Ok(added.rows_affected() > 0)
    }

    /// Claims up to `limit` unsent alerts for `lease` (no other server sends them meanwhile);
    /// an alert tried ten times is left for the operator (see `last_error`).
    pub async fn claim_alerts(
        &self,
        now: OffsetDateTime,
        lease: time::Duration,
        limit: i64,
    ) -> Result<Vec<Alert>> {
        let claim = crate::random_id();
        sqlx::query(
            "UPDATE alert_outbox SET claim = $1, claimed_until_us = $2, attempts = attempts + 1
             WHERE (tenant_id, alert_key) IN (
                 SELECT tenant_id, alert_key FROM alert_outbox
                 WHERE sent_at_us IS NULL AND attempts < 10
                   AND (claimed_until_us IS NULL OR claimed_until_us < $3)
                 ORDER BY created_at_us LIMIT $4)",
        )
        .bind(&claim)
        .bind(micros(now + lease))
        .bind(micros(now))
        .bind(limit)
        .execute(&self.writer)
        .await?;
        let rows = sqlx::query(
            "SELECT tenant_id, alert_key, recipients, subject, body FROM alert_outbox
             WHERE claim = $1 AND sent_at_us IS NULL ORDER BY created_at_us",
        )
        .bind(&claim)
        .fetch_all(&self.writer)
        .await?;
        rows.iter()
            .map(|row| {
                let recipients: String = row.try_get("recipients")?;
                Ok(Alert {
                    tenant_id: row.try_get("tenant_id")?,
                    key: row.try_get("alert_key")?,
                    recipients: recipients.split(',').map(str::to_string).collect(),
                    subject: row.try_get("subject")?,
                    body: row.try_get("body")?,
                })
            })
            .collect()
    }

    /// Records how sending went: sent, or the error (tried again after the lease).
    pub async fn alert_outcome(
        &self,
        alert: &Alert,
        outcome: std::result::Result<(), String>,
        at: OffsetDateTime,
    ) -> Result<()> {
        let (sent, error) = match outcome {
            Ok(()) => (Some(micros(at)), None),
            Err(error) => (None, Some(error)),
        };
        sqlx::query(
            "UPDATE alert_outbox SET sent_at_us = $3, last_error = $4
             WHERE tenant_id = $1 AND alert_key = $2",
        )
        .bind(&alert.tenant_id)
        .bind(&alert.key)
        .bind(sent)
        .bind(error)
        .execute(&self.writer)
        .await?;
        Ok(())
    }

    /// Alerts sent, oldest first: (key, recipients, subject, sent at).
    pub async fn sent_alerts(
        &self,
        tenant_id: &str,
    ) -> Result<Vec<(String, String, String, OffsetDateTime)>> {
        let rows = sqlx::query(
            "SELECT alert_key, recipients, subject, sent_at_us FROM alert_outbox
             WHERE tenant_id = $1 AND sent_at_us IS NOT NULL ORDER BY sent_at_us",
        )
        .bind(tenant_id)
        .fetch_all(&self.reader)
        .await?;
        rows.iter()
            .map(|row| {
                Ok((
                    row.try_get("alert_key")?,
                    row.try_get("recipients")?,
                    row.try_get("subject")?,
                    from_micros(row.try_get("sent_at_us")?)?,
                ))
            })
            .collect()
    }

    /// A unit's counted responses received in `[from, to)` (not held, or held and accepted)
    /// as a tally, and how many were held then; summed by the database, along the index of
    /// a unit's responses by time.
    pub async fn unit_period(
        &self,
        tenant_id: &str,
        unit_id: &str,
        from: OffsetDateTime,
        to: OffsetDateTime,
    ) -> Result<(Tally, u64)> {
        let sums: String = (1..=ELEMENT_COUNT)
            .map(|i| {
                format!(
                    ", CAST(COALESCE(SUM(r.u{i}), 0) AS BIGINT) AS tally_s{i}, COUNT(r.u{i}) AS tally_n{i}"
                )
            })
            .collect();
        let rows = sqlx::query(&format!(
            "SELECT CASE WHEN q.response_id IS NULL OR d.accepted = 1 THEN 0 ELSE 1 END AS held,
                    COUNT(*) AS tally_responses{sums}
             FROM responses r
             LEFT JOIN quarantine q ON q.tenant_id = r.tenant_id AND q.response_id = r.response_id
             LEFT JOIN quarantine_decisions d
                    ON d.tenant_id = r.tenant_id AND d.response_id = r.response_id
             WHERE r.tenant_id = $1 AND r.unit_id = $2
               AND r.received_at_us >= $3 AND r.received_at_us < $4
             GROUP BY 1"
        ))
        .bind(tenant_id)
        .bind(unit_id)
        .bind(micros(from))
        .bind(micros(to))
        .fetch_all(&self.reader)
        .await?;
        let mut counted = Tally::default();
        let mut held = 0;
        for row in rows {
            let tally = crate::responses::tally_from_row(&row)?;
            if row.try_get::<i64, _>("held")? == 1 {
                held += tally.responses();
            } else {
                counted = tally;
            }
        }
        Ok((counted, held))
    }
}
