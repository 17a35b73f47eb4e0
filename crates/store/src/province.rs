//! The province's table of service codes (`suara_domain::province`), kept in the
//! province's own entry and replaced whole, with an audit entry, when it sends a new file.

use sha2::{Digest, Sha256};
use sqlx::Row;
use suara_domain::province::Mapping;
use time::OffsetDateTime;

use crate::audit::{self, AuditRecord};
use crate::{Result, Store};

impl Store {
    /// The table, by regency and service.
    pub async fn province_service_map(&self, tenant_id: &str) -> Result<Vec<Mapping>> {
        let rows = sqlx::query(
            "SELECT regency_id, service_id, province_service FROM province_service_map
             WHERE tenant_id = $1 ORDER BY regency_id, service_id",
        )
        .bind(tenant_id)
        .fetch_all(&self.reader)
        .await?;
        rows.iter()
            .map(|row| {
                Ok(Mapping {
                    regency: row.try_get("regency_id")?,
                    service: row.try_get("service_id")?,
                    province_service: row.try_get("province_service")?,
                })
            })
            .collect()
    }

    /// Replaces the table with `mappings`, read from `file` (checked by
    /// `suara_domain::province::read`). The audit entry keeps how many rows were before and
    /// after, and the file's SHA-256.
    pub async fn replace_province_service_map(
        &self,
        tenant_id: &str,
        mappings: &[Mapping],
        file: &[u8],
        actor: &str,
        at: OffsetDateTime,
    ) -> Result<()> {
        let file_sha256: String = Sha256::digest(file)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        let mut tx = self.writer.begin().await?;
        let before: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM province_service_map WHERE tenant_id = $1")
                .bind(tenant_id)
                .fetch_one(&mut *tx)
                .await?;
        sqlx::query("DELETE FROM province_service_map WHERE tenant_id = $1")
            .bind(tenant_id)
            .execute(&mut *tx)
            .await?;
        for m in mappings {
            sqlx::query(
                "INSERT INTO province_service_map (tenant_id, regency_id, service_id, province_service)
                 VALUES ($1, $2, $3, $4)",
            )
            .bind(tenant_id)
            .bind(&m.regency)
            .bind(&m.service)
            .bind(&m.province_service)
            .execute(&mut *tx)
            .await?;
        }
        let entry = AuditRecord {
            tenant_id,
            at,
            actor,
            action: "replace",
            entity: "province_service_map",
            entity_id: tenant_id.to_string(),
            before: Some(serde_json::json!({ "rows": before }).to_string()),
            after: Some(
                serde_json::json!({ "rows": mappings.len(), "sha256": file_sha256 }).to_string(),
            ),
        };
        audit::append(&mut tx, self, &entry).await?;
        tx.commit().await?;
        Ok(())
    }
}
