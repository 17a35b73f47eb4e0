//! Villages by Kemendagri code, written by the organisation import and read by Musrena
//! (forms, checks, the map).

use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};
use suara_domain::org::import::Change;
use suara_domain::org::village::{Boundary, Village, VillageKind};

use crate::{corrupt, Result, Store};

const COLUMNS: &str = "village_code, name, kind, district_unit, boundary";

fn village_from_row(row: &AnyRow) -> Result<Village> {
    let kind: String = row.try_get("kind")?;
    let boundary: Option<String> = row.try_get("boundary")?;
    Ok(Village {
        code: row.try_get("village_code")?,
        name: row.try_get("name")?,
        kind: VillageKind::from_code(&kind).ok_or_else(|| corrupt(format!("kind '{kind}'")))?,
        district_unit: row.try_get("district_unit")?,
        boundary: boundary
            .map(|text| Boundary::parse(&text).map_err(|e| corrupt(format!("boundary: {e}"))))
            .transpose()?,
    })
}

/// Inserts or updates one village (inside the import's transaction).
pub(crate) async fn write(
    conn: &mut AnyConnection,
    tenant_id: &str,
    change: &Change<Village>,
) -> Result<()> {
    let v = &change.after;
    sqlx::query(&format!(
        "INSERT INTO villages (tenant_id, {COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (tenant_id, village_code) DO UPDATE SET name = excluded.name,
             kind = excluded.kind, district_unit = excluded.district_unit,
             boundary = excluded.boundary"
    ))
    .bind(tenant_id)
    .bind(&v.code)
    .bind(&v.name)
    .bind(v.kind.code())
    .bind(&v.district_unit)
    .bind(v.boundary.as_ref().map(|b| b.to_geojson().to_string()))
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The village as it is stored, checked against inside a transaction.
pub(crate) async fn find(
    conn: &mut AnyConnection,
    tenant_id: &str,
    code: &str,
) -> Result<Option<Village>> {
    let row = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM villages WHERE tenant_id = $1 AND village_code = $2"
    ))
    .bind(tenant_id)
    .bind(code)
    .fetch_optional(&mut *conn)
    .await?;
    row.as_ref().map(village_from_row).transpose()
}

impl Store {
    /// Every village of the regency by code, without boundaries (for forms and names).
    pub async fn villages(&self, tenant_id: &str) -> Result<Vec<Village>> {
        self.select_villages(tenant_id, "NULL AS boundary").await
    }

    /// Every village with its boundary (for the map).
    pub async fn villages_with_boundaries(&self, tenant_id: &str) -> Result<Vec<Village>> {
        self.select_villages(tenant_id, "boundary").await
    }

    async fn select_villages(&self, tenant_id: &str, boundary: &str) -> Result<Vec<Village>> {
        let rows = sqlx::query(&format!(
            "SELECT village_code, name, kind, district_unit, {boundary} FROM villages
             WHERE tenant_id = $1 ORDER BY village_code"
        ))
        .bind(tenant_id)
        .fetch_all(&self.reader)
        .await?;
        rows.iter().map(village_from_row).collect()
    }
}
