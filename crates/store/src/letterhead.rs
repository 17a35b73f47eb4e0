//! The regency's letterhead (*kop surat*) on its printed reports: the address line and the
//! logo, set once by an administrator and kept with an audit entry.

use sqlx::Row;
use time::OffsetDateTime;

use crate::audit::{self, AuditRecord};
use crate::{Result, Store};

/// What the regency has set; empty until it does.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StoredLetterhead {
    pub address: String,
    /// A PNG file, checked when it was set.
    pub logo: Option<Vec<u8>>,
}

impl Store {
    pub async fn letterhead(&self, tenant_id: &str) -> Result<StoredLetterhead> {
        let row = sqlx::query("SELECT address, logo FROM letterheads WHERE tenant_id = $1")
            .bind(tenant_id)
            .fetch_optional(&self.reader)
            .await?;
        row.map_or(Ok(StoredLetterhead::default()), |row| {
            Ok(StoredLetterhead {
                address: row.try_get("address")?,
                logo: row.try_get("logo")?,
            })
        })
    }

    /// Replaces the letterhead. The audit entry keeps the address and the logo's size (the
    /// picture itself is in the row).
    pub async fn set_letterhead(
        &self,
        tenant_id: &str,
        letterhead: &StoredLetterhead,
        actor: &str,
        at: OffsetDateTime,
    ) -> Result<()> {
        let mut tx = self.writer.begin().await?;
        let before = sqlx::query("SELECT address, logo FROM letterheads WHERE tenant_id = $1")
            .bind(tenant_id)
            .fetch_optional(&mut *tx)
            .await?
            .map(|row| -> Result<String> {
                let logo: Option<Vec<u8>> = row.try_get("logo")?;
                Ok(summary(
                    &row.try_get::<String, _>("address")?,
                    logo.as_deref(),
                ))
            })
            .transpose()?;
        sqlx::query(
            "INSERT INTO letterheads (tenant_id, address, logo, updated_at_ms) VALUES ($1, $2, $3, $4)
             ON CONFLICT (tenant_id) DO UPDATE SET address = excluded.address,
                 logo = excluded.logo, updated_at_ms = excluded.updated_at_ms",
        )
        .bind(tenant_id)
        .bind(&letterhead.address)
        .bind(letterhead.logo.as_deref())
        .bind(i64::try_from(at.unix_timestamp_nanos() / 1_000_000).unwrap_or(i64::MAX))
        .execute(&mut *tx)
        .await?;
        let entry = AuditRecord {
            tenant_id,
            at,
            actor,
            action: "update",
            entity: "letterhead",
            entity_id: tenant_id.to_string(),
            before,
            after: Some(summary(&letterhead.address, letterhead.logo.as_deref())),
        };
        audit::append(&mut tx, self, &entry).await?;
        tx.commit().await?;
        Ok(())
    }
}

fn summary(address: &str, logo: Option<&[u8]>) -> String {
    serde_json::json!({ "address": address, "logo_bytes": logo.map(<[u8]>::len) }).to_string()
}
