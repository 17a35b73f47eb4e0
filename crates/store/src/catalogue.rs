//! The catalogue of activities (kamus usulan) and strategic issues, written by the
//! organisation import and read by Musrena's proposal form, checks and SIPD worksheet.

use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};
use suara_domain::musrena::catalogue::{levels_text, parse_levels, CatalogueEntry, StrategicIssue};
use suara_domain::org::import::Change;

use crate::{corrupt, money, to_u64, Result, Store};

const COLUMNS: &str = "code, name, unit_id, affair, measure, unit_price, levels";

fn entry_from_row(row: &AnyRow) -> Result<CatalogueEntry> {
    let levels: String = row.try_get("levels")?;
    Ok(CatalogueEntry {
        code: row.try_get("code")?,
        name: row.try_get("name")?,
        unit_id: row.try_get("unit_id")?,
        affair: row.try_get("affair")?,
        measure: row.try_get("measure")?,
        unit_price: to_u64(row.try_get("unit_price")?)?,
        levels: parse_levels(&levels).ok_or_else(|| corrupt(format!("levels '{levels}'")))?,
    })
}

pub(crate) async fn write_entry(
    conn: &mut AnyConnection,
    tenant_id: &str,
    change: &Change<CatalogueEntry>,
) -> Result<()> {
    let e = &change.after;
    sqlx::query(&format!(
        "INSERT INTO musrena_catalogue (tenant_id, {COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (tenant_id, code) DO UPDATE SET name = excluded.name,
             unit_id = excluded.unit_id, affair = excluded.affair, measure = excluded.measure,
             unit_price = excluded.unit_price, levels = excluded.levels"
    ))
    .bind(tenant_id)
    .bind(&e.code)
    .bind(&e.name)
    .bind(&e.unit_id)
    .bind(&e.affair)
    .bind(&e.measure)
    .bind(money(e.unit_price))
    .bind(levels_text(&e.levels))
    .execute(&mut *conn)
    .await?;
    Ok(())
}

pub(crate) async fn write_issue(
    conn: &mut AnyConnection,
    tenant_id: &str,
    change: &Change<StrategicIssue>,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO musrena_issues (tenant_id, issue_code, name) VALUES ($1, $2, $3)
         ON CONFLICT (tenant_id, issue_code) DO UPDATE SET name = excluded.name",
    )
    .bind(tenant_id)
    .bind(&change.after.code)
    .bind(&change.after.name)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// One entry as stored, read inside a transaction.
pub(crate) async fn find_entry(
    conn: &mut AnyConnection,
    tenant_id: &str,
    code: &str,
) -> Result<Option<CatalogueEntry>> {
    let row = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM musrena_catalogue WHERE tenant_id = $1 AND code = $2"
    ))
    .bind(tenant_id)
    .bind(code)
    .fetch_optional(&mut *conn)
    .await?;
    row.as_ref().map(entry_from_row).transpose()
}

pub(crate) async fn issue_exists(
    conn: &mut AnyConnection,
    tenant_id: &str,
    code: &str,
) -> Result<bool> {
    Ok(
        sqlx::query("SELECT 1 FROM musrena_issues WHERE tenant_id = $1 AND issue_code = $2")
            .bind(tenant_id)
            .bind(code)
            .fetch_optional(&mut *conn)
            .await?
            .is_some(),
    )
}

impl Store {
    /// The catalogue by code.
    pub async fn catalogue(&self, tenant_id: &str) -> Result<Vec<CatalogueEntry>> {
        let rows = sqlx::query(&format!(
            "SELECT {COLUMNS} FROM musrena_catalogue WHERE tenant_id = $1 ORDER BY code"
        ))
        .bind(tenant_id)
        .fetch_all(&self.reader)
        .await?;
        rows.iter().map(entry_from_row).collect()
    }

    /// The strategic issues by code.
    pub async fn strategic_issues(&self, tenant_id: &str) -> Result<Vec<StrategicIssue>> {
        let rows = sqlx::query(
            "SELECT issue_code, name FROM musrena_issues WHERE tenant_id = $1 ORDER BY issue_code",
        )
        .bind(tenant_id)
        .fetch_all(&self.reader)
        .await?;
        rows.iter()
            .map(|row| {
                Ok(StrategicIssue {
                    code: row.try_get("issue_code")?,
                    name: row.try_get("name")?,
                })
            })
            .collect()
    }
}
