//! The responses around an innovation's start, as the four groups the domain's estimator
//! needs: per cohort of units that started in the same months, the adopters before and
//! after, and the units that never adopted it over the same months. Counted responses only
//! (held ones are not evidence); each group is summed in SQL (count, sum, sum of squares).

use std::collections::BTreeMap;

use sqlx::Row;
use suara_domain::innovation::effect::{
    estimate_cohorts, windows, Effect, EffectRule, Groups, Sample, Windows, SPAN_MONTHS,
};
use suara_domain::period::Month;
use suara_domain::skm::{Element, ELEMENT_COUNT};

use super::StoredInnovation;
use crate::{Store, StoreError};

/// An innovation's effect on one targeted element (`None`: on the IKM).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ScoreEffect {
    pub element: Option<Element>,
    pub effect: Effect,
}

/// Which units a group holds.
enum Units<'a> {
    These(&'a [String]),
    /// Every unit the innovation has never been registered in.
    NeverAdopted(i64),
}

/// Per element (1–4 answers) then the IKM (a response's mean answer × 25).
type Samples = [Sample; ELEMENT_COUNT + 1];

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
    async fn effect_samples(
        &self,
        tenant_id: &str,
        units: &Units<'_>,
        (first, last): (Month, Month),
    ) -> Result<Samples, StoreError> {
        let condition = match units {
            Units::These(list) => {
                let places: Vec<String> = (0..list.len()).map(|i| format!("${}", i + 4)).collect();
                format!("r.unit_id IN ({})", places.join(", "))
            }
            Units::NeverAdopted(_) => "r.unit_id NOT IN (SELECT unit_id FROM innovation_units \
                 WHERE tenant_id = $1 AND innovation_id = $4)"
                .to_string(),
        };
        let sql = format!(
            "SELECT {} FROM responses r
             WHERE r.tenant_id = $1 AND r.period_month BETWEEN $2 AND $3 AND {condition} AND {}",
            columns(),
            crate::quarantine::COUNTED
        );
        let mut query = sqlx::query(&sql)
            .bind(tenant_id)
            .bind(first.to_string())
            .bind(last.to_string());
        match units {
            Units::These(list) => {
                for unit in *list {
                    query = query.bind(unit);
                }
            }
            Units::NeverAdopted(id) => query = query.bind(*id),
        }
        let row = query.fetch_one(&self.reader).await?;
        let get = |column: String| -> Result<f64, StoreError> {
            Ok(row.try_get::<i64, _>(column.as_str())? as f64)
        };
        let mut samples = Samples::default();
        for (i, sample) in samples.iter_mut().take(ELEMENT_COUNT).enumerate() {
            *sample = Sample {
                n: get(format!("n{}", i + 1))? as u64,
                sum: get(format!("s{}", i + 1))?,
                sum_sq: get(format!("q{}", i + 1))?,
            };
        }
        // Totals of nine answers scaled to the 25–100 IKM scale.
        let scale = 25.0 / ELEMENT_COUNT as f64;
        samples[ELEMENT_COUNT] = Sample {
            n: get("nt".into())? as u64,
            sum: get("st".into())? * scale,
            sum_sq: get("qt".into())? * scale * scale,
        };
        Ok(samples)
    }

    /// The innovation's effect on each element it targets and on the IKM, with the months
    /// up to `current`.
    pub async fn innovation_effect(
        &self,
        tenant_id: &str,
        innovation: &StoredInnovation,
        current: Month,
    ) -> Result<Vec<ScoreEffect>, StoreError> {
        let mut cohorts: BTreeMap<Windows, Vec<String>> = BTreeMap::new();
        for unit in &innovation.units {
            if let Some(start) = unit.started_on {
                let w = windows(start, current, SPAN_MONTHS);
                if w.after.is_some() {
                    cohorts.entry(w).or_default().push(unit.unit_id.clone());
                }
            }
        }
        let mut measured: Vec<[Samples; 4]> = Vec::new();
        for (w, units) in &cohorts {
            let Some(after) = w.after else { continue };
            let adopters = Units::These(units);
            let others = Units::NeverAdopted(innovation.innovation_id);
            measured.push([
                self.effect_samples(tenant_id, &adopters, w.before).await?,
                self.effect_samples(tenant_id, &adopters, after).await?,
                self.effect_samples(tenant_id, &others, w.before).await?,
                self.effect_samples(tenant_id, &others, after).await?,
            ]);
        }
        let rule = EffectRule::default();
        let scores = innovation
            .innovation
            .elements
            .iter()
            .map(|e| (Some(*e), e.index()))
            .chain([(None, ELEMENT_COUNT)]);
        Ok(scores
            .map(|(element, k)| {
                let groups: Vec<Groups> = measured
                    .iter()
                    .map(|[ab, aa, ob, oa]| Groups {
                        adopters_before: ab[k],
                        adopters_after: aa[k],
                        others_before: ob[k],
                        others_after: oa[k],
                    })
                    .collect();
                ScoreEffect {
                    element,
                    effect: estimate_cohorts(&groups, &rule),
                }
            })
            .collect())
    }
}
