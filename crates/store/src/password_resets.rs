//! "Lupa kata sandi": a one-time link by e-mail to choose a new password. Only the SHA-256
//! of a link's token is stored (the web layer makes both); a link works once, before it
//! expires, and only for an account still enabled. Choosing the password through it ends
//! every session of the account and every other link, audit-logged as the holder's own
//! change.

use sqlx::Row;
use time::{Duration, OffsetDateTime};

use crate::{micros, AccountChange, Result, Store};

/// Links an account may be sent in an hour: enough for a lost mail or two, too few to fill
/// someone's mailbox by asking for theirs.
pub const RESETS_PER_HOUR: i64 = 3;

impl Store {
    /// The enabled account a "lupa kata sandi" form names, by username or by its e-mail
    /// address (any case), with that address; `None` when there is none or it has no address.
    pub async fn reset_contact(
        &self,
        tenant_id: &str,
        who: &str,
    ) -> Result<Option<(String, String)>> {
        let row = sqlx::query(
            "SELECT username, email FROM accounts
             WHERE tenant_id = $1 AND email IS NOT NULL AND disabled_at_us IS NULL
               AND (username = $2 OR LOWER(email) = LOWER($2))
             ORDER BY username LIMIT 1",
        )
        .bind(tenant_id)
        .bind(who.trim())
        .fetch_optional(&self.reader)
        .await?;
        row.map(|row| Ok((row.try_get("username")?, row.try_get("email")?)))
            .transpose()
    }

    /// Records a link for `username`, valid for `lifetime`; `false`, with nothing recorded,
    /// when the account was sent [`RESETS_PER_HOUR`] links in the last hour. The mail with
    /// the link is the caller's to send: it is never stored, so no one reading the database
    /// finds a link that works.
    pub async fn request_password_reset(
        &self,
        tenant_id: &str,
        username: &str,
        token_hash: &str,
        at: OffsetDateTime,
        lifetime: Duration,
    ) -> Result<bool> {
        let mut tx = self.writer.begin().await?;
        let recent: i64 = sqlx::query_scalar(
            "SELECT CAST(COUNT(*) AS BIGINT) FROM password_resets
             WHERE tenant_id = $1 AND username = $2 AND created_at_us > $3",
        )
        .bind(tenant_id)
        .bind(username)
        .bind(micros(at - Duration::hours(1)))
        .fetch_one(&mut *tx)
        .await?;
        if recent >= RESETS_PER_HOUR {
            return Ok(false);
        }
        sqlx::query(
            "INSERT INTO password_resets (tenant_id, token_hash, username, created_at_us, expires_at_us)
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(tenant_id)
        .bind(token_hash)
        .bind(username)
        .bind(micros(at))
        .bind(micros(at + lifetime))
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(true)
    }

    /// The account a link opens now: unused, unexpired, its account enabled.
    pub async fn reset_link_account(
        &self,
        tenant_id: &str,
        token_hash: &str,
        at: OffsetDateTime,
    ) -> Result<Option<String>> {
        let row = sqlx::query(
            "SELECT r.username FROM password_resets r
             JOIN accounts a ON a.tenant_id = r.tenant_id AND a.username = r.username
             WHERE r.tenant_id = $1 AND r.token_hash = $2 AND r.used_at_us IS NULL
               AND r.expires_at_us > $3 AND a.disabled_at_us IS NULL",
        )
        .bind(tenant_id)
        .bind(token_hash)
        .bind(micros(at))
        .fetch_optional(&self.reader)
        .await?;
        row.map(|row| row.try_get("username"))
            .transpose()
            .map_err(Into::into)
    }

    /// Sets the password a link was sent for (`hash`, chosen by the holder) and spends the
    /// link and every other of the account; the username, or `None` when the link no longer
    /// opens anything (used, expired, or the account disabled), then nothing changes.
    pub async fn reset_password(
        &self,
        tenant_id: &str,
        token_hash: &str,
        hash: &str,
        at: OffsetDateTime,
    ) -> Result<Option<String>> {
        let Some(username) = self.reset_link_account(tenant_id, token_hash, at).await? else {
            return Ok(None);
        };
        // Spent first, and only once: of two submissions racing, one finds it unused.
        let spent = sqlx::query(
            "UPDATE password_resets SET used_at_us = $3
             WHERE tenant_id = $1 AND token_hash = $2 AND used_at_us IS NULL",
        )
        .bind(tenant_id)
        .bind(token_hash)
        .bind(micros(at))
        .execute(&self.writer)
        .await?
        .rows_affected();
        if spent == 0 {
            return Ok(None);
        }
        sqlx::query(
            "UPDATE password_resets SET used_at_us = $3
             WHERE tenant_id = $1 AND username = $2 AND used_at_us IS NULL",
        )
        .bind(tenant_id)
        .bind(&username)
        .bind(micros(at))
        .execute(&self.writer)
        .await?;
        let change = AccountChange::Password {
            hash,
            keep: None,
            chosen_for: false,
        };
        self.change_account(tenant_id, &username, change, &username, at)
            .await?;
        Ok(Some(username))
    }
}
