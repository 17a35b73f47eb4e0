//! Each level's recommendation on a proposal: the latest per level, every one audit-logged.

use std::collections::HashMap;

use sqlx::any::AnyRow;
use sqlx::Row;
use suara_domain::decimal::Decimal;
use suara_domain::musrena::recommendation::{Recommendation, Recommender};
use time::OffsetDateTime;

use super::{ensure_proposal, MusrenaError};
use crate::audit::{self, AuditRecord};
use crate::{corrupt, micros, money, to_u64, Store, StoreError};

fn from_row(row: &AnyRow) -> Result<Recommendation, StoreError> {
    let by: String = row.try_get("recommender")?;
    Ok(Recommendation {
        by: Recommender::from_code(&by).ok_or_else(|| corrupt(format!("recommender '{by}'")))?,
        volume: row
            .try_get::<Option<String>, _>("volume")?
            .map(|v| Decimal::parse(&v).ok_or_else(|| corrupt(format!("volume '{v}'"))))
            .transpose()?,
        amount: row
            .try_get::<Option<i64>, _>("amount")?
            .map(to_u64)
            .transpose()?,
        text: row.try_get("text")?,
    })
}

impl Store {
    /// Records (or replaces) a level's recommendation on a proposal.
    pub async fn recommend(
        &self,
        tenant_id: &str,
        code: &str,
        recommendation: &Recommendation,
        actor: &str,
        at: OffsetDateTime,
    ) -> Result<(), MusrenaError> {
        let mut tx = self.writer.begin().await?;
        ensure_proposal(&mut tx, tenant_id, code).await?;
        sqlx::query(
            "INSERT INTO musrena_recommendations (tenant_id, code, recommender, volume, amount,
                 text, actor, at_us)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
             ON CONFLICT (tenant_id, code, recommender) DO UPDATE SET volume = excluded.volume,
                 amount = excluded.amount, text = excluded.text, actor = excluded.actor,
                 at_us = excluded.at_us",
        )
        .bind(tenant_id)
        .bind(code)
        .bind(recommendation.by.code())
        .bind(recommendation.volume.map(|v| v.to_string()))
        .bind(recommendation.amount.map(money))
        .bind(&recommendation.text)
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
                action: "recommend",
                entity: "musrena_proposal",
                entity_id: code.to_string(),
                before: None,
                after: Some(
                    serde_json::to_string(recommendation).map_err(|e| corrupt(e.to_string()))?,
                ),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// A proposal's recommendations, village first.
    pub async fn recommendations(
        &self,
        tenant_id: &str,
        code: &str,
    ) -> Result<Vec<Recommendation>, StoreError> {
        Ok(self
            .all_recommendations(tenant_id, Some(code))
            .await?
            .remove(code)
            .unwrap_or_default())
    }

    /// Every proposal's recommendations (or one's), village first, by proposal code.
    pub async fn all_recommendations(
        &self,
        tenant_id: &str,
        code: Option<&str>,
    ) -> Result<HashMap<String, Vec<Recommendation>>, StoreError> {
        let rows = sqlx::query(
            "SELECT code, recommender, volume, amount, text FROM musrena_recommendations
             WHERE tenant_id = $1 AND ($2 = '' OR code = $2)",
        )
        .bind(tenant_id)
        .bind(code.unwrap_or(""))
        .fetch_all(&self.reader)
        .await?;
        let mut by_code: HashMap<String, Vec<Recommendation>> = HashMap::new();
        for row in &rows {
            by_code
                .entry(row.try_get("code")?)
                .or_default()
                .push(from_row(row)?);
        }
        for list in by_code.values_mut() {
            list.sort_by_key(|r| r.by);
        }
        Ok(by_code)
    }
}
