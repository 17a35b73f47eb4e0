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
const STOPPED: [&str; 3] = ["rejected", "returned", "cancelled"];

impl Store {
    /// Per village, the proposals submitted in `year` (every year when `None`); merged and
    /// split ones are counted in the proposals that carry them on.
    pub async fn village_figures(
        &self,
        tenant_id: &str,
        year: Option<i32>,
    ) -> Result<Vec<VillageFigures>, StoreError> {
        // Summed here, saturating: a mistyped budget must not make the public map fail.
        let rows = sqlx::query(
            "SELECT village, stage, budget_amount FROM musrena_proposals
             WHERE tenant_id = $1 AND ($2 = '' OR submitted_on LIKE $2)
                 AND stage NOT IN ('merged', 'split')
             ORDER BY village",
        )
        .bind(tenant_id)
        .bind(year.map_or(String::new(), |y| format!("{y:04}-%")))
        .fetch_all(&self.reader)
        .await?;
        let mut figures: Vec<VillageFigures> = Vec::new();
        for row in &rows {
            let village: String = row.try_get("village")?;
            let stage: String = row.try_get("stage")?;
            let budget: Option<i64> = row.try_get("budget_amount")?;
            if figures.last().is_none_or(|f| f.village_code != village) {
                figures.push(VillageFigures {
                    village_code: village,
                    ..VillageFigures::default()
                });
            }
            let Some(f) = figures.last_mut() else {
                continue;
            };
            f.proposals += 1;
            if let (Some(amount), false) = (budget, STOPPED.contains(&stage.as_str())) {
                f.budgeted += 1;
                f.budget_amount = f.budget_amount.saturating_add(to_u64(amount)?);
            }
        }
        Ok(figures)
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
