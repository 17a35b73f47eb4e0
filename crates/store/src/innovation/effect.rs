//! The sums an innovation's effect is measured from: per unit and month, for each element
//! the count, sum and sum of squares of its answers, and the same for a response's total
//! (for the IKM). Counted responses only (held ones are not evidence). One pass over the
//! months serves every innovation; the arithmetic is the domain's
//! ([`suara_domain::innovation::measure`]).

use sqlx::Row;
use suara_domain::innovation::effect::Sample;
use suara_domain::innovation::measure::{Cells, Scores};
use suara_domain::period::Month;
use suara_domain::skm::ELEMENT_COUNT;

use crate::{Store, StoreError};

fn columns() -> String {
    let total = (1..=ELEMENT_COUNT)
        .map(|i| format!("r.u{i}"))
        .collect::<Vec<_>>()
        .join(" + ");
    let mut columns: Vec<String> = (1..=ELEMENT_COUNT)
        .map(|i| {
            format!(
                "CAST(COUNT(r.u{i}) AS BIGINT) AS n{i}, \
                 CAST(COALESCE(SUM(r.u{i}), 0) AS BIGINT) AS s{i}, \
                 CAST(COALESCE(SUM(r.u{i} * r.u{i}), 0) AS BIGINT) AS q{i}"
            )
        })
        .collect();
    // A response missing any answer has no total (NULL) and is left out of the IKM.
    columns.push(format!(
        "CAST(COUNT({total}) AS BIGINT) AS nt, \
         CAST(COALESCE(SUM({total}), 0) AS BIGINT) AS st, \
         CAST(COALESCE(SUM(({total}) * ({total})), 0) AS BIGINT) AS qt"
    ));
    columns.join(", ")
}

impl Store {
    /// Per unit and month from `first` to `last`, the sums of the counted responses.
    pub async fn effect_cells(
        &self,
        tenant_id: &str,
        first: Month,
        last: Month,
    ) -> Result<Cells, StoreError> {
        let sql = format!(
            "SELECT r.unit_id, r.period_month, {} FROM responses r
             WHERE r.tenant_id = $1 AND r.period_month BETWEEN $2 AND $3 AND {}
             GROUP BY r.unit_id, r.period_month",
            columns(),
            crate::responses::COUNTED
        );
        let rows = sqlx::query(&sql)
            .bind(tenant_id)
            .bind(first.to_string())
            .bind(last.to_string())
            .fetch_all(&self.reader)
            .await?;
        let mut cells = Cells::new();
        for row in &rows {
            let get = |column: String| -> Result<i64, StoreError> {
                Ok(row.try_get::<i64, _>(column.as_str())?)
            };
            let mut scores = Scores::default();
            for (i, sample) in scores.iter_mut().take(ELEMENT_COUNT).enumerate() {
                *sample = Sample {
                    n: crate::to_u64(get(format!("n{}", i + 1))?)?,
                    sum: get(format!("s{}", i + 1))? as f64,
                    sum_sq: get(format!("q{}", i + 1))? as f64,
                };
            }
            // Totals of nine answers scaled to the 25–100 IKM scale.
            let scale = 25.0 / ELEMENT_COUNT as f64;
            scores[ELEMENT_COUNT] = Sample {
                n: crate::to_u64(get("nt".into())?)?,
                sum: get("st".into())? as f64 * scale,
                sum_sq: get("qt".into())? as f64 * scale * scale,
            };
            let month: String = row.try_get("period_month")?;
            let month = month
                .parse()
                .map_err(|_| crate::corrupt(format!("period month '{month}'")))?;
            cells.insert((row.try_get("unit_id")?, month), scores);
        }
        Ok(cells)
    }
}
