//! Accounts of people who sign in through the regency's identity provider: linked by the
//! provider's subject identifier, their role, unit and NIP kept as the provider last said.

use sqlx::{AnyConnection, Row};
use suara_domain::access::Role;
use time::OffsetDateTime;

use crate::audit::{self, Actor, AuditRecord};
use crate::{micros, Account, Result, Store};

/// A person as the identity provider vouched for them.
#[derive(Clone, Copy, Debug)]
pub struct SsoPerson<'a> {
    pub issuer: &'a str,
    pub subject: &'a str,
    /// The username a new account gets (a linked account keeps its own).
    pub username: &'a str,
    pub role: Role,
    pub unit_id: Option<&'a str>,
    pub nip: Option<&'a str>,
    /// An argon2 hash of a password no one knows, for a new account: it never signs in with
    /// a password, and a guess at it takes as long as at any other.
    pub unusable_hash: &'a str,
}

/// What signing in through the provider came to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SsoSignIn {
    /// The account, created or brought up to date.
    Account(Account),
    /// A password account holds this username; it is not taken over.
    UsernameTaken,
    Disabled,
    /// The provider names a unit this regency does not have.
    UnknownUnit,
}

impl Store {
    /// Finds or creates the account linked to `person`, and sets its role, unit and NIP to
    /// what the provider says now (ending the account's sessions when they change); a new
    /// account and each change are audit entries, by the provider's issuer.
    pub async fn sso_sign_in(
        &self,
        tenant_id: &str,
        person: &SsoPerson<'_>,
        at: OffsetDateTime,
    ) -> Result<SsoSignIn> {
        let mut tx = self.writer.begin().await?;
        if let Some(unit) = person.unit_id {
            let known = sqlx::query("SELECT 1 FROM units WHERE tenant_id = $1 AND unit_id = $2")
                .bind(tenant_id)
                .bind(unit)
                .fetch_optional(&mut *tx)
                .await?;
            if known.is_none() {
                return Ok(SsoSignIn::UnknownUnit);
            }
        }
        let linked: Option<String> = sqlx::query(
            "SELECT username FROM sso_identities
             WHERE tenant_id = $1 AND issuer = $2 AND subject = $3",
        )
        .bind(tenant_id)
        .bind(person.issuer)
        .bind(person.subject)
        .fetch_optional(&mut *tx)
        .await?
        .map(|row| row.try_get("username"))
        .transpose()?;
        let after = serde_json::json!({
            "role": person.role.code(),
            "unit_id": person.unit_id,
            "nip": person.nip,
            "sso": person.issuer,
        });
        let username = match linked {
            Some(username) => {
                if !self
                    .follow_provider(&mut tx, tenant_id, &username, person, &after, at)
                    .await?
                {
                    return Ok(SsoSignIn::Disabled);
                }
                username
            }
            None => {
                if !self
                    .link_new_account(&mut tx, tenant_id, person, &after, at)
                    .await?
                {
                    return Ok(SsoSignIn::UsernameTaken);
                }
                person.username.to_string()
            }
        };
        tx.commit().await?;
        Ok(match self.account(tenant_id, &username).await? {
            Some(account) => SsoSignIn::Account(account),
            None => SsoSignIn::Disabled,
        })
    }

    /// A linked account takes the role, unit and NIP the provider gives now; false when the
    /// account is disabled.
    async fn follow_provider(
        &self,
        tx: &mut AnyConnection,
        tenant_id: &str,
        username: &str,
        person: &SsoPerson<'_>,
        after: &serde_json::Value,
        at: OffsetDateTime,
    ) -> Result<bool> {
        let row = sqlx::query(
            "SELECT role, unit_id, nip, disabled_at_us FROM accounts
             WHERE tenant_id = $1 AND username = $2",
        )
        .bind(tenant_id)
        .bind(username)
        .fetch_one(&mut *tx)
        .await?;
        if row.try_get::<Option<i64>, _>("disabled_at_us")?.is_some() {
            return Ok(false);
        }
        let before = serde_json::json!({
            "role": row.try_get::<String, _>("role")?,
            "unit_id": row.try_get::<Option<String>, _>("unit_id")?,
            "nip": row.try_get::<Option<String>, _>("nip")?,
            "sso": person.issuer,
        });
        if before != *after {
            sqlx::query(
                "UPDATE accounts SET role = $3, unit_id = $4, nip = $5
                 WHERE tenant_id = $1 AND username = $2",
            )
            .bind(tenant_id)
            .bind(username)
            .bind(person.role.code())
            .bind(person.unit_id)
            .bind(person.nip)
            .execute(&mut *tx)
            .await?;
            // A session kept its second factor for the role it began with: a role
            // that touches pay must not inherit it, so every session ends.
            sqlx::query("DELETE FROM sessions WHERE tenant_id = $1 AND username = $2")
                .bind(tenant_id)
                .bind(username)
                .execute(&mut *tx)
                .await?;
            let record = AuditRecord {
                tenant_id,
                at,
                actor: person.issuer,
                action: "sso_update",
                entity: "account",
                entity_id: username.to_string(),
                before: Some(before.to_string()),
                after: Some(after.to_string()),
            };
            audit::append(tx, self, &record).await?;
        }
        Ok(true)
    }

    /// A new account for the provider's person, linked to its subject; false when a
    /// password account holds the username.
    async fn link_new_account(
        &self,
        tx: &mut AnyConnection,
        tenant_id: &str,
        person: &SsoPerson<'_>,
        after: &serde_json::Value,
        at: OffsetDateTime,
    ) -> Result<bool> {
        let created = sqlx::query(
            "INSERT INTO accounts (tenant_id, username, password_hash, role, unit_id, nip,
                 created_at_us, must_change_password)
             VALUES ($1, $2, $3, $4, $5, $6, $7, 0)
             ON CONFLICT (tenant_id, username) DO NOTHING",
        )
        .bind(tenant_id)
        .bind(person.username)
        .bind(person.unusable_hash)
        .bind(person.role.code())
        .bind(person.unit_id)
        .bind(person.nip)
        .bind(micros(at))
        .execute(&mut *tx)
        .await?
        .rows_affected()
            == 1;
        if !created {
            return Ok(false);
        }
        sqlx::query(
            "INSERT INTO sso_identities (tenant_id, issuer, subject, username, linked_at_us)
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(tenant_id)
        .bind(person.issuer)
        .bind(person.subject)
        .bind(person.username)
        .bind(micros(at))
        .execute(&mut *tx)
        .await?;
        let who = Actor {
            tenant_id,
            actor: person.issuer,
            at,
        };
        who.record_change(
            tx,
            self,
            "account",
            person.username,
            None,
            after.to_string(),
        )
        .await?;
        Ok(true)
    }
}
