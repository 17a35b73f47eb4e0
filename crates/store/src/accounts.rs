//! Staff accounts, their sessions and failed sign-ins. Password hashing and tokens are made
//! by the web layer; only an argon2id hash of a password and a SHA-256 hash of a session
//! token are stored.

use sqlx::any::AnyRow;
use sqlx::Row;
use suara_domain::access::{Principal, Role};
use time::OffsetDateTime;

use crate::audit::{self, AuditRecord};
use crate::{micros, Result, Store, StoreError};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Account {
    pub username: String,
    pub role: Role,
    pub unit_id: Option<String>,
    pub nip: Option<String>,
    pub password_hash: String,
    /// Disabled accounts cannot sign in, and their sessions stop at once.
    pub disabled: bool,
    /// Someone else chose the password: the account changes it before anything else.
    pub must_change_password: bool,
    /// Where alerts and "lupa kata sandi" links go.
    pub email: Option<String>,
    /// A second factor is set up (the secret itself is read only to check a code).
    pub has_second_factor: bool,
}

impl Account {
    pub fn principal(&self) -> Principal {
        Principal {
            role: self.role,
            unit_id: self.unit_id.clone(),
            nip: self.nip.clone(),
        }
    }
}

#[derive(Clone, Copy, Debug)]
pub struct NewAccount<'a> {
    pub username: &'a str,
    pub password_hash: &'a str,
    pub role: Role,
    pub unit_id: Option<&'a str>,
    pub nip: Option<&'a str>,
    /// The password was chosen for the account's holder (see [`Account::must_change_password`]).
    pub must_change_password: bool,
}

/// A live session: whose it is and the token its forms must carry.
#[derive(Clone, Debug)]
pub struct SessionInfo {
    pub tenant_id: String,
    pub account: Account,
    pub csrf_token: String,
    /// The account's second factor was given in this session (or its role needs none).
    pub second_factor_done: bool,
    /// The secret being set up in this session, until its first code confirms it.
    pub pending_totp_secret: Option<String>,
}

const ACCOUNT_COLUMNS: &str =
    "a.username, a.role, a.unit_id, a.nip, a.password_hash, a.disabled_at_us,
     a.must_change_password, a.email,
     CAST(CASE WHEN a.totp_secret IS NULL THEN 0 ELSE 1 END AS BIGINT) AS has_second_factor";

impl Store {
    /// Creates the account; `false` when the username is taken. Audited without the hash.
    pub async fn create_account(
        &self,
        tenant_id: &str,
        account: &NewAccount<'_>,
        actor: &str,
        at: OffsetDateTime,
    ) -> Result<bool> {
        let mut tx = self.writer.begin().await?;
        let created = sqlx::query(
            "INSERT INTO accounts (tenant_id, username, password_hash, role, unit_id, nip, created_at_us,
                 must_change_password)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (tenant_id, username) DO NOTHING",
        )
        .bind(tenant_id)
        .bind(account.username)
        .bind(account.password_hash)
        .bind(account.role.code())
        .bind(account.unit_id)
        .bind(account.nip)
        .bind(micros(at))
        .bind(i64::from(account.must_change_password))
        .execute(&mut *tx)
        .await?
        .rows_affected()
            == 1;
        if created {
            let after = serde_json::json!({
                "username": account.username,
                "role": account.role.code(),
                "unit_id": account.unit_id,
                "nip": account.nip,
            });
            let record = AuditRecord {
                tenant_id,
                at,
                actor,
                action: "create",
                entity: "account",
                entity_id: account.username.to_string(),
                before: None,
                after: Some(after.to_string()),
            };
            audit::append(&mut tx, self, &record).await?;
        }
        tx.commit().await?;
        Ok(created)
    }

    pub async fn account(&self, tenant_id: &str, username: &str) -> Result<Option<Account>> {
        let row = sqlx::query(&format!(
            "SELECT {ACCOUNT_COLUMNS} FROM accounts a WHERE a.tenant_id = $1 AND a.username = $2"
        ))
        .bind(tenant_id)
        .bind(username)
        .fetch_optional(&self.reader)
        .await?;
        row.as_ref().map(account_from_row).transpose()
    }

    pub async fn accounts(&self, tenant_id: &str) -> Result<Vec<Account>> {
        let rows = sqlx::query(&format!(
            "SELECT {ACCOUNT_COLUMNS} FROM accounts a WHERE a.tenant_id = $1 ORDER BY a.username"
        ))
        .bind(tenant_id)
        .fetch_all(&self.reader)
        .await?;
        rows.iter().map(account_from_row).collect()
    }

    pub async fn create_session(
        &self,
        tenant_id: &str,
        token_hash: &str,
        username: &str,
        csrf_token: &str,
        expires_at: OffsetDateTime,
        second_factor_done: bool,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO sessions (tenant_id, token_hash, username, csrf_token, expires_at_us,
                 second_factor_done)
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(tenant_id)
        .bind(token_hash)
        .bind(username)
        .bind(csrf_token)
        .bind(micros(expires_at))
        .bind(i64::from(second_factor_done))
        .execute(&self.writer)
        .await?;
        Ok(())
    }

    /// The session with this token hash, if it has not expired.
    pub async fn session(
        &self,
        token_hash: &str,
        now: OffsetDateTime,
    ) -> Result<Option<SessionInfo>> {
        let row = sqlx::query(&format!(
            "SELECT {ACCOUNT_COLUMNS}, s.tenant_id, s.csrf_token, s.second_factor_done,
                 s.pending_totp_secret FROM sessions s
             JOIN accounts a ON a.tenant_id = s.tenant_id AND a.username = s.username
             WHERE s.token_hash = $1 AND s.expires_at_us > $2 AND a.disabled_at_us IS NULL"
        ))
        .bind(token_hash)
        .bind(micros(now))
        .fetch_optional(&self.reader)
        .await?;
        row.map(|row| {
            Ok(SessionInfo {
                account: account_from_row(&row)?,
                tenant_id: row.try_get("tenant_id")?,
                csrf_token: row.try_get("csrf_token")?,
                second_factor_done: row.try_get::<i64, _>("second_factor_done")? != 0,
                pending_totp_secret: row.try_get("pending_totp_secret")?,
            })
        })
        .transpose()
    }

    /// Ends the session, and clears out expired ones while at it.
    pub async fn delete_session(&self, token_hash: &str, now: OffsetDateTime) -> Result<()> {
        sqlx::query("DELETE FROM sessions WHERE token_hash = $1 OR expires_at_us <= $2")
            .bind(token_hash)
            .bind(micros(now))
            .execute(&self.writer)
            .await?;
        Ok(())
    }

    /// Records a sign-in attempt as failed *before* its password is checked (a success
    /// clears it), so attempts running at once see each other; returns the failures that came
    /// before it since `since`, for this username from this client and for this client.
    pub async fn record_login_attempt(
        &self,
        tenant_id: &str,
        username: &str,
        client: &str,
        at: OffsetDateTime,
        since: OffsetDateTime,
    ) -> Result<PriorFailures> {
        sqlx::query(
            "INSERT INTO login_failures (tenant_id, failure_id, username, client, at_us)
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(tenant_id)
        .bind(crate::random_id())
        .bind(username)
        .bind(client)
        .bind(micros(at))
        .execute(&self.writer)
        .await?;
        let row = sqlx::query(
            "SELECT CAST(COALESCE(SUM(CASE WHEN username = $2 THEN 1 ELSE 0 END), 0) AS BIGINT) AS pair,
                    MAX(CASE WHEN username = $2 THEN at_us END) AS pair_last,
                    CAST(COUNT(*) AS BIGINT) AS client_count,
                    MAX(at_us) AS client_last
             FROM login_failures
             WHERE tenant_id = $1 AND client = $3 AND at_us > $4 AND at_us < $5",
        )
        .bind(tenant_id)
        .bind(username)
        .bind(client)
        .bind(micros(since))
        .bind(micros(at))
        .fetch_one(&self.writer)
        .await?;
        let last = |column: &str| -> Result<Option<OffsetDateTime>> {
            row.try_get::<Option<i64>, _>(column)?
                .map(crate::from_micros)
                .transpose()
        };
        Ok(PriorFailures {
            pair: crate::to_u64(row.try_get("pair")?)?,
            pair_last: last("pair_last")?,
            client: crate::to_u64(row.try_get("client_count")?)?,
            client_last: last("client_last")?,
        })
    }

    /// Forgets a username's failures from a client after a successful sign-in there, and old
    /// ones of everyone.
    pub async fn clear_login_failures(
        &self,
        tenant_id: &str,
        username: &str,
        client: &str,
        older_than: OffsetDateTime,
    ) -> Result<()> {
        sqlx::query(
            "DELETE FROM login_failures
             WHERE tenant_id = $1 AND ((username = $2 AND client = $3) OR at_us < $4)",
        )
        .bind(tenant_id)
        .bind(username)
        .bind(client)
        .bind(micros(older_than))
        .execute(&self.writer)
        .await?;
        Ok(())
    }
}

/// Failed sign-ins before an attempt: for its username from its client (`pair`), and from its
/// client for any username, each with the time of the latest.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PriorFailures {
    pub pair: u64,
    pub pair_last: Option<OffsetDateTime>,
    pub client: u64,
    pub client_last: Option<OffsetDateTime>,
}

fn account_from_row(row: &AnyRow) -> Result<Account> {
    let role: String = row.try_get("role")?;
    Ok(Account {
        username: row.try_get("username")?,
        role: Role::from_code(&role)
            .ok_or_else(|| StoreError::Corrupt(format!("role '{role}'")))?,
        unit_id: row.try_get("unit_id")?,
        nip: row.try_get("nip")?,
        password_hash: row.try_get("password_hash")?,
        disabled: row.try_get::<Option<i64>, _>("disabled_at_us")?.is_some(),
        must_change_password: row.try_get::<i64, _>("must_change_password")? != 0,
        email: row.try_get("email")?,
        has_second_factor: row.try_get::<i64, _>("has_second_factor")? != 0,
    })
}

/// What happened to an account, for the audit log.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AccountChange<'a> {
    /// A new password (its hash); every session ends but `keep`, the one that changed it.
    /// `chosen_for` when someone else chose it (a reset): the holder changes it first.
    Password {
        hash: &'a str,
        keep: Option<&'a str>,
        chosen_for: bool,
    },
    Disable,
    Enable,
    /// Every session ends.
    EndSessions,
}

impl AccountChange<'_> {
    fn action(&self) -> &'static str {
        match self {
            AccountChange::Password { .. } => "set_password",
            AccountChange::Disable => "disable",
            AccountChange::Enable => "enable",
            AccountChange::EndSessions => "end_sessions",
        }
    }
}

/// An API key as listed (never the key).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListedApiKey {
    pub label: String,
    pub unit_id: String,
    pub created_at: OffsetDateTime,
    pub revoked_at: Option<OffsetDateTime>,
}

impl Store {
    /// Changes an account and ends the sessions the change calls for, audit-logged, in one
    /// transaction; `false` when there is no such account.
    pub async fn change_account(
        &self,
        tenant_id: &str,
        username: &str,
        change: AccountChange<'_>,
        actor: &str,
        at: OffsetDateTime,
    ) -> Result<bool> {
        let mut tx = self.writer.begin().await?;
        let updated = match change {
            AccountChange::Password {
                hash, chosen_for, ..
            } => sqlx::query(
                "UPDATE accounts SET password_hash = $3, must_change_password = $4
                 WHERE tenant_id = $1 AND username = $2",
            )
            .bind(tenant_id)
            .bind(username)
            .bind(hash)
            .bind(i64::from(chosen_for))
            .execute(&mut *tx)
            .await?
            .rows_affected(),
            AccountChange::Disable | AccountChange::Enable => sqlx::query(
                "UPDATE accounts SET disabled_at_us = $3 WHERE tenant_id = $1 AND username = $2",
            )
            .bind(tenant_id)
            .bind(username)
            .bind((change == AccountChange::Disable).then(|| micros(at)))
            .execute(&mut *tx)
            .await?
            .rows_affected(),
            AccountChange::EndSessions => {
                sqlx::query("SELECT 1 FROM accounts WHERE tenant_id = $1 AND username = $2")
                    .bind(tenant_id)
                    .bind(username)
                    .fetch_optional(&mut *tx)
                    .await?
                    .map_or(0, |_| 1)
            }
        };
        if updated == 0 {
            return Ok(false);
        }
        if change != AccountChange::Enable {
            let keep = match change {
                AccountChange::Password { keep, .. } => keep,
                _ => None,
            };
            sqlx::query(
                "DELETE FROM sessions WHERE tenant_id = $1 AND username = $2
                 AND ($3 IS NULL OR token_hash <> $3)",
            )
            .bind(tenant_id)
            .bind(username)
            .bind(keep)
            .execute(&mut *tx)
            .await?;
        }
        let record = AuditRecord {
            tenant_id,
            at,
            actor,
            action: change.action(),
            entity: "account",
            entity_id: username.to_string(),
            before: None,
            after: None,
        };
        audit::append(&mut tx, self, &record).await?;
        tx.commit().await?;
        Ok(true)
    }

    /// Every API key of the regency, newest first.
    pub async fn api_keys(&self, tenant_id: &str) -> Result<Vec<ListedApiKey>> {
        let rows = sqlx::query(
            "SELECT label, unit_id, created_at_us, revoked_at_us FROM api_keys
             WHERE tenant_id = $1 ORDER BY created_at_us DESC",
        )
        .bind(tenant_id)
        .fetch_all(&self.reader)
        .await?;
        rows.iter()
            .map(|row| {
                Ok(ListedApiKey {
                    label: row.try_get("label")?,
                    unit_id: row.try_get("unit_id")?,
                    created_at: crate::from_micros(row.try_get("created_at_us")?)?,
                    revoked_at: row
                        .try_get::<Option<i64>, _>("revoked_at_us")?
                        .map(crate::from_micros)
                        .transpose()?,
                })
            })
            .collect()
    }

    /// Revokes the keys with this label (at once: the next ticket it asks for is refused),
    /// audit-logged; how many were revoked.
    pub async fn revoke_api_key(
        &self,
        tenant_id: &str,
        label: &str,
        actor: &str,
        at: OffsetDateTime,
    ) -> Result<u64> {
        let mut tx = self.writer.begin().await?;
        let revoked = sqlx::query(
            "UPDATE api_keys SET revoked_at_us = $3
             WHERE tenant_id = $1 AND label = $2 AND revoked_at_us IS NULL",
        )
        .bind(tenant_id)
        .bind(label)
        .bind(micros(at))
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if revoked > 0 {
            let record = AuditRecord {
                tenant_id,
                at,
                actor,
                action: "revoke",
                entity: "api_key",
                entity_id: label.to_string(),
                before: None,
                after: None,
            };
            audit::append(&mut tx, self, &record).await?;
        }
        tx.commit().await?;
        Ok(revoked)
    }
}
