//! Villages by Kemendagri code, written by the organisation import and read by Musrena
//! (forms, checks, the map).

use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};
use std::collections::HashMap;
use suara_domain::org::import::Change;

use suara_domain::org::village::{Boundary, Point, Village, VillageKind};

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

/// What the map keeps of a boundary: itself at the map's resolution, and its centre.
fn drawn(boundary: Option<&Boundary>) -> (Option<String>, Option<i64>, Option<i64>) {
    let Some(boundary) = boundary else {
        return (None, None, None);
    };
    let centre = boundary.centre();
    (
        Some(boundary.for_map().to_geojson().to_string()),
        centre.map(|c| i64::from(c.lon)),
        centre.map(|c| i64::from(c.lat)),
    )
}

/// Inserts or updates one village (inside the import's transaction).
pub(crate) async fn write(
    conn: &mut AnyConnection,
    tenant_id: &str,
    change: &Change<Village>,
) -> Result<()> {
    let v = &change.after;
    let (map, lon, lat) = drawn(v.boundary.as_ref());
    sqlx::query(&format!(
        "INSERT INTO villages (tenant_id, {COLUMNS}, boundary_map, centre_lon, centre_lat)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (tenant_id, village_code) DO UPDATE SET name = excluded.name,
             kind = excluded.kind, district_unit = excluded.district_unit,
             boundary = excluded.boundary, boundary_map = excluded.boundary_map,
             centre_lon = excluded.centre_lon, centre_lat = excluded.centre_lat"
    ))
    .bind(tenant_id)
    .bind(&v.code)
    .bind(&v.name)
    .bind(v.kind.code())
    .bind(&v.district_unit)
    .bind(v.boundary.as_ref().map(|b| b.to_geojson().to_string()))
    .bind(map)
    .bind(lon)
    .bind(lat)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Gives villages imported before the map's columns existed their drawn boundary and centre
/// (once, in the migration's transaction).
pub(crate) async fn draw_existing(conn: &mut AnyConnection) -> Result<()> {
    let rows = sqlx::query(
        "SELECT tenant_id, village_code, boundary FROM villages WHERE boundary IS NOT NULL",
    )
    .fetch_all(&mut *conn)
    .await?;
    for row in &rows {
        let text: String = row.try_get("boundary")?;
        let boundary = Boundary::parse(&text).map_err(|e| corrupt(format!("boundary: {e}")))?;
        let (map, lon, lat) = drawn(Some(&boundary));
        sqlx::query(
            "UPDATE villages SET boundary_map = $1, centre_lon = $2, centre_lat = $3
             WHERE tenant_id = $4 AND village_code = $5",
        )
        .bind(map)
        .bind(lon)
        .bind(lat)
        .bind(row.try_get::<String, _>("tenant_id")?)
        .bind(row.try_get::<String, _>("village_code")?)
        .execute(&mut *conn)
        .await?;
    }
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

    /// Every village with its boundary as imported (for comparing an import with it).
    pub async fn villages_with_boundaries(&self, tenant_id: &str) -> Result<Vec<Village>> {
        self.select_villages(tenant_id, "boundary").await
    }

    /// Every village with its boundary at the map's resolution (for drawing the map).
    pub async fn villages_for_map(&self, tenant_id: &str) -> Result<Vec<Village>> {
        self.select_villages(tenant_id, "boundary_map AS boundary")
            .await
    }

    /// Each village's centre, where a proposal without a spot of its own is placed.
    pub async fn village_centres(&self, tenant_id: &str) -> Result<HashMap<String, Point>> {
        let rows = sqlx::query(
            "SELECT village_code, centre_lon, centre_lat FROM villages
             WHERE tenant_id = $1 AND centre_lon IS NOT NULL AND centre_lat IS NOT NULL",
        )
        .bind(tenant_id)
        .fetch_all(&self.reader)
        .await?;
        rows.iter()
            .map(|row| {
                let degrees = |column: &str| -> Result<i32> {
                    let value: i64 = row.try_get(column)?;
                    i32::try_from(value).map_err(|_| corrupt(format!("{column} {value}")))
                };
                Ok((
                    row.try_get("village_code")?,
                    Point {
                        lon: degrees("centre_lon")?,
                        lat: degrees("centre_lat")?,
                    },
                ))
            })
            .collect()
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
