//! Ranking rules by version, as the regency wrote them in TOML. A saved version never
//! changes; a forum is ranked with the version that was newest when it was recorded.

use sqlx::{AnyConnection, Row};
use suara_domain::musrena::ranking::{Rule, RuleError};
use time::OffsetDateTime;

use super::MusrenaError;
use crate::audit::{self, AuditRecord};
use crate::{corrupt, micros, Store, StoreError};

fn parse(text: &str) -> Result<Rule, StoreError> {
    Rule::from_toml(text).map_err(|e| corrupt(format!("ranking rule: {e}")))
}

/// The newest saved version, if any (the forum being recorded takes it).
pub(super) async fn newest_version(
    conn: &mut AnyConnection,
    tenant_id: &str,
) -> Result<Option<String>, StoreError> {
    Ok(sqlx::query_scalar(
        "SELECT version FROM musrena_rules WHERE tenant_id = $1
         ORDER BY created_at_us DESC, version DESC LIMIT 1",
    )
    .bind(tenant_id)
    .fetch_optional(&mut *conn)
    .await?)
}

impl Store {
    /// Checks and saves a rule; its version must be new.
    pub async fn save_ranking_rule(
        &self,
        tenant_id: &str,
        text: &str,
        actor: &str,
        at: OffsetDateTime,
    ) -> Result<Rule, MusrenaError> {
        let rule = Rule::from_toml(text)?;
        let mut tx = self.writer.begin().await?;
        let taken =
            sqlx::query("SELECT 1 FROM musrena_rules WHERE tenant_id = $1 AND version = $2")
                .bind(tenant_id)
                .bind(&rule.version)
                .fetch_optional(&mut *tx)
                .await?;
        if taken.is_some() {
            return Err(MusrenaError::RuleVersionTaken(rule.version));
        }
        sqlx::query(
            "INSERT INTO musrena_rules (tenant_id, version, rule_toml, created_by, created_at_us)
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(tenant_id)
        .bind(&rule.version)
        .bind(text)
        .bind(actor)
        .bind(micros(at))
        .execute(&mut *tx)
        .await?;
        audit::append(
            &mut tx,
            self,
            &AuditRecord {
                tenant_id,
                at,
                actor,
                action: "create",
                entity: "musrena_rule",
                entity_id: rule.version.clone(),
                before: None,
                after: Some(text.to_string()),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(rule)
    }

    /// The rule of a version; the standard rule for `None`.
    pub async fn ranking_rule(
        &self,
        tenant_id: &str,
        version: Option<&str>,
    ) -> Result<Rule, StoreError> {
        let Some(version) = version else {
            return Ok(Rule::standard());
        };
        let text: Option<String> = sqlx::query_scalar(
            "SELECT rule_toml FROM musrena_rules WHERE tenant_id = $1 AND version = $2",
        )
        .bind(tenant_id)
        .bind(version)
        .fetch_optional(&self.reader)
        .await?;
        parse(&text.ok_or_else(|| corrupt(format!("ranking rule '{version}' is missing")))?)
    }

    /// Every saved rule, newest first.
    pub async fn ranking_rules(&self, tenant_id: &str) -> Result<Vec<Rule>, StoreError> {
        let rows = sqlx::query(
            "SELECT rule_toml FROM musrena_rules WHERE tenant_id = $1
             ORDER BY created_at_us DESC, version DESC",
        )
        .bind(tenant_id)
        .fetch_all(&self.reader)
        .await?;
        rows.iter()
            .map(|row| parse(&row.try_get::<String, _>("rule_toml")?))
            .collect()
    }
}

impl From<RuleError> for MusrenaError {
    fn from(error: RuleError) -> MusrenaError {
        MusrenaError::Rule(error)
    }
}
