//! The second factor of accounts whose role touches pay: the secret of their authenticator
//! app, the newest time step accepted (a code works once), single-use recovery codes (only
//! their SHA-256 kept), and the session that waits for a code. The web layer checks codes
//! (`suara_app::second_factor`); this keeps what they are checked against, atomically.

use sqlx::{AnyConnection, Row};
use time::OffsetDateTime;

use crate::audit::{self, AuditRecord};
use crate::{to_u64, Result, Store};

/// What a code is checked against.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SecondFactor {
    pub secret: String,
    /// The newest time step accepted; only a later one is accepted next.
    pub last_step: Option<u64>,
}

/// An audit entry on the account, made by its holder or an operator.
fn record<'a>(
    tenant_id: &'a str,
    username: &str,
    actor: &'a str,
    action: &'a str,
    at: OffsetDateTime,
) -> AuditRecord<'a> {
    AuditRecord {
        tenant_id,
        at,
        actor,
        action,
        entity: "account",
        entity_id: username.to_string(),
        before: None,
        after: None,
    }
}

/// Marks the session's second factor as given.
async fn pass(conn: &mut AnyConnection, token_hash: &str) -> Result<()> {
    sqlx::query(
        "UPDATE sessions SET second_factor_done = 1, pending_totp_secret = NULL
         WHERE token_hash = $1",
    )
    .bind(token_hash)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

fn step_value(step: u64) -> i64 {
    i64::try_from(step).unwrap_or(i64::MAX)
}

impl Store {
    /// The account's second factor, if it has set one up.
    pub async fn second_factor(
        &self,
        tenant_id: &str,
        username: &str,
    ) -> Result<Option<SecondFactor>> {
        let row = sqlx::query(
            "SELECT totp_secret, totp_last_step FROM accounts
             WHERE tenant_id = $1 AND username = $2 AND totp_secret IS NOT NULL",
        )
        .bind(tenant_id)
        .bind(username)
        .fetch_optional(&self.reader)
        .await?;
        row.map(|row| {
            Ok(SecondFactor {
                secret: row.try_get("totp_secret")?,
                last_step: row
                    .try_get::<Option<i64>, _>("totp_last_step")?
                    .map(to_u64)
                    .transpose()?,
            })
        })
        .transpose()
    }

    /// Keeps the secret being set up with the session, until its first code confirms it.
    pub async fn begin_second_factor(&self, token_hash: &str, secret: &str) -> Result<()> {
        sqlx::query("UPDATE sessions SET pending_totp_secret = $1 WHERE token_hash = $2")
            .bind(secret)
            .bind(token_hash)
            .execute(&self.writer)
            .await?;
        Ok(())
    }

    /// Makes the session's pending secret the account's second factor, confirmed by a code of
    /// `step`, with new recovery codes (their hashes); the session counts as having given it.
    /// `false`, with nothing changed, when the account has one already or none is pending.
    pub async fn enable_second_factor(
        &self,
        tenant_id: &str,
        username: &str,
        token_hash: &str,
        step: u64,
        recovery_hashes: &[String],
        at: OffsetDateTime,
    ) -> Result<bool> {
        let mut tx = self.writer.begin().await?;
        let enabled = sqlx::query(
            "UPDATE accounts SET totp_last_step = $1, totp_secret = (
                 SELECT s.pending_totp_secret FROM sessions s
                 WHERE s.token_hash = $2 AND s.tenant_id = $3 AND s.username = $4)
             WHERE tenant_id = $3 AND username = $4 AND totp_secret IS NULL
               AND EXISTS (SELECT 1 FROM sessions s WHERE s.token_hash = $2 AND s.tenant_id = $3
                   AND s.username = $4 AND s.pending_totp_secret IS NOT NULL)",
        )
        .bind(step_value(step))
        .bind(token_hash)
        .bind(tenant_id)
        .bind(username)
        .execute(&mut *tx)
        .await?
        .rows_affected()
            == 1;
        if !enabled {
            return Ok(false);
        }
        sqlx::query("DELETE FROM recovery_codes WHERE tenant_id = $1 AND username = $2")
            .bind(tenant_id)
            .bind(username)
            .execute(&mut *tx)
            .await?;
        for hash in recovery_hashes {
            sqlx::query(
                "INSERT INTO recovery_codes (tenant_id, username, code_hash) VALUES ($1, $2, $3)",
            )
            .bind(tenant_id)
            .bind(username)
            .bind(hash)
            .execute(&mut *tx)
            .await?;
        }
        pass(&mut tx, token_hash).await?;
        let entry = record(tenant_id, username, username, "set_second_factor", at);
        audit::append(&mut tx, self, &entry).await?;
        tx.commit().await?;
        Ok(true)
    }

    /// Accepts a code of `step` for the session: `false` when a code of that step or a later
    /// one was accepted already (a replayed or raced code).
    pub async fn pass_second_factor(
        &self,
        tenant_id: &str,
        username: &str,
        token_hash: &str,
        step: u64,
    ) -> Result<bool> {
        let mut tx = self.writer.begin().await?;
        let accepted = sqlx::query(
            "UPDATE accounts SET totp_last_step = $1
             WHERE tenant_id = $2 AND username = $3 AND totp_secret IS NOT NULL
               AND (totp_last_step IS NULL OR totp_last_step < $1)",
        )
        .bind(step_value(step))
        .bind(tenant_id)
        .bind(username)
        .execute(&mut *tx)
        .await?
        .rows_affected()
            == 1;
        if accepted {
            pass(&mut tx, token_hash).await?;
        }
        tx.commit().await?;
        Ok(accepted)
    }

    /// Spends a recovery code (its hash) for the session; the recovery codes left, or `None`
    /// when the account has no such code (never issued, or used already).
    pub async fn use_recovery_code(
        &self,
        tenant_id: &str,
        username: &str,
        token_hash: &str,
        code_hash: &str,
        at: OffsetDateTime,
    ) -> Result<Option<u64>> {
        let mut tx = self.writer.begin().await?;
        let spent = sqlx::query(
            "DELETE FROM recovery_codes WHERE tenant_id = $1 AND username = $2 AND code_hash = $3",
        )
        .bind(tenant_id)
        .bind(username)
        .bind(code_hash)
        .execute(&mut *tx)
        .await?
        .rows_affected()
            == 1;
        if !spent {
            return Ok(None);
        }
        pass(&mut tx, token_hash).await?;
        let entry = record(tenant_id, username, username, "use_recovery_code", at);
        audit::append(&mut tx, self, &entry).await?;
        let left: i64 = sqlx::query_scalar(
            "SELECT CAST(COUNT(*) AS BIGINT) FROM recovery_codes
             WHERE tenant_id = $1 AND username = $2",
        )
        .bind(tenant_id)
        .bind(username)
        .fetch_one(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(Some(to_u64(left)?))
    }

    /// Removes an account's second factor and recovery codes and ends its sessions (a lost
    /// phone and lost codes: an operator's step, audit-logged); at the next sign-in the
    /// holder sets up a new one. `false` when the account does not exist.
    pub async fn reset_second_factor(
        &self,
        tenant_id: &str,
        username: &str,
        actor: &str,
        at: OffsetDateTime,
    ) -> Result<bool> {
        let mut tx = self.writer.begin().await?;
        let found = sqlx::query(
            "UPDATE accounts SET totp_secret = NULL, totp_last_step = NULL
             WHERE tenant_id = $1 AND username = $2",
        )
        .bind(tenant_id)
        .bind(username)
        .execute(&mut *tx)
        .await?
        .rows_affected()
            == 1;
        if !found {
            return Ok(false);
        }
        for table in ["recovery_codes", "sessions"] {
            sqlx::query(&format!(
                "DELETE FROM {table} WHERE tenant_id = $1 AND username = $2"
            ))
            .bind(tenant_id)
            .bind(username)
            .execute(&mut *tx)
            .await?;
        }
        let entry = record(tenant_id, username, actor, "reset_second_factor", at);
        audit::append(&mut tx, self, &entry).await?;
        tx.commit().await?;
        Ok(true)
    }
}
