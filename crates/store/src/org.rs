//! The regency's organisation as far as surveys need it: tenants, units, services and
//! officers. (Assignment history, imports and accounts come with the organisation issue.)

use sqlx::any::AnyRow;
use sqlx::Row;
use suara_domain::period::Month;
use time::{OffsetDateTime, UtcOffset};

use crate::{Result, Store};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tenant {
    pub tenant_id: String,
    pub name: String,
    /// Local time offset used for monthly periods (WIB = +420).
    pub utc_offset_minutes: i32,
}

impl Tenant {
    /// The tenant's local UTC offset (UTC if the stored offset is impossible).
    pub fn offset(&self) -> UtcOffset {
        UtcOffset::from_whole_seconds(self.utc_offset_minutes * 60).unwrap_or(UtcOffset::UTC)
    }

    /// The local month an instant falls in: periods follow the regency's calendar.
    pub fn month_of(&self, at: OffsetDateTime) -> Month {
        let local = at.to_offset(self.offset());
        Month::new(local.year(), u8::from(local.month())).unwrap_or_else(|| {
            // Only reachable for years outside 1900–9999; clamp rather than fail.
            Month::new(if local.year() < 1900 { 1900 } else { 9999 }, 1).expect("valid month")
        })
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unit {
    pub unit_id: String,
    pub parent_id: Option<String>,
    pub name: String,
    pub kind: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Service {
    pub service_id: String,
    pub unit_id: String,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Officer {
    pub nip: String,
    pub name: String,
    pub position: String,
    pub unit_id: String,
}

impl Store {
    pub async fn upsert_tenant(&self, tenant: &Tenant) -> Result<()> {
        sqlx::query(
            "INSERT INTO tenants (tenant_id, name, utc_offset_minutes) VALUES ($1, $2, $3)
             ON CONFLICT (tenant_id) DO UPDATE SET name = excluded.name,
                 utc_offset_minutes = excluded.utc_offset_minutes",
        )
        .bind(&tenant.tenant_id)
        .bind(&tenant.name)
        .bind(i64::from(tenant.utc_offset_minutes))
        .execute(&self.writer)
        .await?;
        Ok(())
    }

    pub async fn tenants(&self) -> Result<Vec<Tenant>> {
        let rows = sqlx::query(
            "SELECT tenant_id, name, utc_offset_minutes FROM tenants ORDER BY tenant_id",
        )
        .fetch_all(&self.reader)
        .await?;
        rows.iter().map(tenant_from_row).collect()
    }

    pub async fn tenant(&self, tenant_id: &str) -> Result<Option<Tenant>> {
        let row = sqlx::query(
            "SELECT tenant_id, name, utc_offset_minutes FROM tenants WHERE tenant_id = $1",
        )
        .bind(tenant_id)
        .fetch_optional(&self.reader)
        .await?;
        row.as_ref().map(tenant_from_row).transpose()
    }

    /// Adds units, or updates them when the code exists (so a re-import is idempotent).
    /// Parents must come before their children.
    pub async fn upsert_units(&self, tenant_id: &str, units: &[Unit]) -> Result<()> {
        let mut tx = self.writer.begin().await?;
        for unit in units {
            sqlx::query(
                "INSERT INTO units (tenant_id, unit_id, parent_id, name, kind) VALUES ($1, $2, $3, $4, $5)
                 ON CONFLICT (tenant_id, unit_id) DO UPDATE SET parent_id = excluded.parent_id,
                     name = excluded.name, kind = excluded.kind",
            )
            .bind(tenant_id)
            .bind(&unit.unit_id)
            .bind(&unit.parent_id)
            .bind(&unit.name)
            .bind(&unit.kind)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    pub async fn upsert_services(&self, tenant_id: &str, services: &[Service]) -> Result<()> {
        let mut tx = self.writer.begin().await?;
        for service in services {
            sqlx::query(
                "INSERT INTO services (tenant_id, service_id, unit_id, name) VALUES ($1, $2, $3, $4)
                 ON CONFLICT (tenant_id, service_id) DO UPDATE SET unit_id = excluded.unit_id,
                     name = excluded.name",
            )
            .bind(tenant_id)
            .bind(&service.service_id)
            .bind(&service.unit_id)
            .bind(&service.name)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    pub async fn upsert_officers(&self, tenant_id: &str, officers: &[Officer]) -> Result<()> {
        let mut tx = self.writer.begin().await?;
        for officer in officers {
            sqlx::query(
                "INSERT INTO officers (tenant_id, nip, name, position, unit_id) VALUES ($1, $2, $3, $4, $5)
                 ON CONFLICT (tenant_id, nip) DO UPDATE SET name = excluded.name,
                     position = excluded.position, unit_id = excluded.unit_id",
            )
            .bind(tenant_id)
            .bind(&officer.nip)
            .bind(&officer.name)
            .bind(&officer.position)
            .bind(&officer.unit_id)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// All units of a tenant, parents before children, then by name.
    pub async fn units(&self, tenant_id: &str) -> Result<Vec<Unit>> {
        let rows = sqlx::query(
            "SELECT unit_id, parent_id, name, kind FROM units WHERE tenant_id = $1 ORDER BY name, unit_id",
        )
        .bind(tenant_id)
        .fetch_all(&self.reader)
        .await?;
        rows.iter().map(unit_from_row).collect()
    }

    pub async fn unit(&self, tenant_id: &str, unit_id: &str) -> Result<Option<Unit>> {
        let row = sqlx::query(
            "SELECT unit_id, parent_id, name, kind FROM units WHERE tenant_id = $1 AND unit_id = $2",
        )
        .bind(tenant_id)
        .bind(unit_id)
        .fetch_optional(&self.reader)
        .await?;
        row.as_ref().map(unit_from_row).transpose()
    }

    pub async fn services_of_unit(&self, tenant_id: &str, unit_id: &str) -> Result<Vec<Service>> {
        let rows = sqlx::query(
            "SELECT service_id, unit_id, name FROM services WHERE tenant_id = $1 AND unit_id = $2
             ORDER BY name, service_id",
        )
        .bind(tenant_id)
        .bind(unit_id)
        .fetch_all(&self.reader)
        .await?;
        rows.iter()
            .map(|row| {
                Ok(Service {
                    service_id: row.try_get(0)?,
                    unit_id: row.try_get(1)?,
                    name: row.try_get(2)?,
                })
            })
            .collect()
    }

    pub async fn officer(&self, tenant_id: &str, nip: &str) -> Result<Option<Officer>> {
        let row = sqlx::query(
            "SELECT nip, name, position, unit_id FROM officers WHERE tenant_id = $1 AND nip = $2",
        )
        .bind(tenant_id)
        .bind(nip)
        .fetch_optional(&self.reader)
        .await?;
        row.map(|row| {
            Ok(Officer {
                nip: row.try_get(0)?,
                name: row.try_get(1)?,
                position: row.try_get(2)?,
                unit_id: row.try_get(3)?,
            })
        })
        .transpose()
    }
}

fn tenant_from_row(row: &AnyRow) -> Result<Tenant> {
    let offset: i64 = row.try_get(2)?;
    Ok(Tenant {
        tenant_id: row.try_get(0)?,
        name: row.try_get(1)?,
        utc_offset_minutes: i32::try_from(offset)
            .map_err(|_| crate::StoreError::Corrupt(format!("UTC offset {offset} minutes")))?,
    })
}

fn unit_from_row(row: &AnyRow) -> Result<Unit> {
    Ok(Unit {
        unit_id: row.try_get(0)?,
        parent_id: row.try_get(1)?,
        name: row.try_get(2)?,
        kind: row.try_get(3)?,
    })
}
