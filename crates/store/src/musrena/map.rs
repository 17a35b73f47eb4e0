//! Proposals summed per village, for the map and its table.

use sqlx::Row;

use crate::{to_u64, Store, StoreError};

/// One village's proposals: how many, how many budgeted (or further), and their budget.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct VillageFigures {
    pub village_code: String,
    pub proposals: u64,
    pub budgeted: u64,
    pub budget_amount: u64,
}

/// Stages of proposals that ended without being built: their money is not counted.
const STOPPED: &str = "'rejected', 'returned', 'cancelled'";

impl Store {
    /// Per village, the proposals submitted in `year` (every year when `None`); merged and
    /// split ones are counted in the proposals that carry them on.
    pub async fn village_figures(
        &self,
        tenant_id: &str,
        year: Option<i32>,
    ) -> Result<Vec<VillageFigures>, StoreError> {
        let rows = sqlx::query(&format!(
            "SELECT village, COUNT(*) AS proposals,
                 CAST(SUM(CASE WHEN budget_amount IS NOT NULL AND stage NOT IN ({STOPPED})
                     THEN 1 ELSE 0 END) AS BIGINT) AS budgeted,
                 -- PostgreSQL sums BIGINT as NUMERIC; the total fits a BIGINT.
                 CAST(SUM(CASE WHEN stage NOT IN ({STOPPED}) THEN COALESCE(budget_amount, 0)
                     ELSE 0 END) AS BIGINT) AS budget_amount
             FROM musrena_proposals
             WHERE tenant_id = $1 AND ($2 = '' OR submitted_on LIKE $2)
                 AND stage NOT IN ('merged', 'split')
             GROUP BY village ORDER BY village"
        ))
        .bind(tenant_id)
        .bind(year.map_or(String::new(), |y| format!("{y:04}-%")))
        .fetch_all(&self.reader)
        .await?;
        rows.iter()
            .map(|row| {
                Ok(VillageFigures {
                    village_code: row.try_get("village")?,
                    proposals: to_u64(row.try_get("proposals")?)?,
                    budgeted: to_u64(row.try_get("budgeted")?)?,
                    budget_amount: to_u64(row.try_get("budget_amount")?)?,
                })
            })
            .collect()
    }

    /// The years proposals were submitted in, latest first.
    pub async fn proposal_years(&self, tenant_id: &str) -> Result<Vec<i32>, StoreError> {
        let rows: Vec<String> = sqlx::query_scalar(
            "SELECT DISTINCT SUBSTR(submitted_on, 1, 4) FROM musrena_proposals
             WHERE tenant_id = $1",
        )
        .bind(tenant_id)
        .fetch_all(&self.reader)
        .await?;
        let mut years: Vec<i32> = rows.iter().filter_map(|y| y.parse().ok()).collect();
        years.sort_unstable_by(|a, b| b.cmp(a));
        Ok(years)
    }
}
