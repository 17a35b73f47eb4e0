//! An innovation's effects from per-unit, per-month sums: the adopting units grouped into
//! cohorts that share their months around the start, each compared with the units that
//! never adopted it over the same months ([`super::effect`]). The sums come from one pass
//! over the responses for every innovation at once; this part is arithmetic only.

use std::collections::{BTreeMap, BTreeSet};

use time::Date;

use super::effect::{estimate_cohorts, windows, Effect, EffectRule, Groups, Sample, Windows};
use crate::period::Month;
use crate::skm::{Element, ELEMENT_COUNT};

/// Per element (1–4 answers), then the IKM (a response's mean answer × 25).
pub type Scores = [Sample; ELEMENT_COUNT + 1];

/// Sums per unit and month.
pub type Cells = BTreeMap<(String, Month), Scores>;

/// An innovation's effect on one targeted element (`None`: on the IKM).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ScoreEffect {
    pub element: Option<Element>,
    pub effect: Effect,
}

/// The first month any of these starts needs, for the cells to cover.
pub fn first_month_needed(
    starts: impl IntoIterator<Item = Date>,
    current: Month,
    span: u32,
) -> Month {
    starts
        .into_iter()
        .map(|s| windows(s, current, span).before.0)
        .min()
        .unwrap_or(current)
}

/// The effects on `elements` and the IKM of an innovation used by `units` (each with the
/// day it started there, if it has), measured up to `current`.
pub fn measure(
    units: &[(&str, Option<Date>)],
    elements: &[Element],
    cells: &Cells,
    current: Month,
    span: u32,
    rule: &EffectRule,
) -> Vec<ScoreEffect> {
    let adopters: BTreeSet<&str> = units.iter().map(|(u, _)| *u).collect();
    let mut cohorts: BTreeMap<Windows, Vec<&str>> = BTreeMap::new();
    for (unit, start) in units {
        if let Some(start) = start {
            let w = windows(*start, current, span);
            if w.after.is_some() {
                cohorts.entry(w).or_default().push(unit);
            }
        }
    }
    let sum = |inside: &dyn Fn(&str) -> bool, (first, last): (Month, Month)| {
        let mut scores = Scores::default();
        for ((unit, month), cell) in cells {
            if *month >= first && *month <= last && inside(unit) {
                for (total, part) in scores.iter_mut().zip(cell) {
                    total.merge(part);
                }
            }
        }
        scores
    };
    let measured: Vec<[Scores; 4]> = cohorts
        .iter()
        .filter_map(|(w, cohort)| {
            let after = w.after?;
            let adopting = |u: &str| cohort.contains(&u);
            let others = |u: &str| !adopters.contains(u);
            Some([
                sum(&adopting, w.before),
                sum(&adopting, after),
                sum(&others, w.before),
                sum(&others, after),
            ])
        })
        .collect();
    elements
        .iter()
        .map(|e| (Some(*e), e.index()))
        .chain([(None, ELEMENT_COUNT)])
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
                effect: estimate_cohorts(&groups, rule),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn cell(values: &[f64]) -> Scores {
        let mut scores = Scores::default();
        for v in values {
            for s in scores.iter_mut() {
                s.add(*v);
            }
        }
        scores
    }

    /// Two units a month for a year; `a` one point higher from June, `b` never adopting.
    fn cells() -> Cells {
        let mut cells = Cells::new();
        for m in 1..=12 {
            let month = Month::new(2026, m).unwrap();
            let lift = if m >= 6 { 1.0 } else { 0.0 };
            let a: Vec<f64> = (0..40).map(|i| 2.0 + f64::from(i % 2) + lift).collect();
            let b: Vec<f64> = (0..40).map(|i| 2.0 + f64::from(i % 2)).collect();
            cells.insert(("a".into(), month), cell(&a));
            cells.insert(("b".into(), month), cell(&b));
        }
        cells
    }

    #[test]
    fn a_lift_in_the_adopting_unit_is_measured_against_the_others() {
        let current = Month::new(2026, 12).unwrap();
        let effects = measure(
            &[("a", Some(date!(2026 - 06 - 01))), ("c", None)],
            &[Element::CompletionTime],
            &cells(),
            current,
            6,
            &EffectRule::default(),
        );
        assert_eq!(effects.len(), 2);
        let e = effects[0].effect;
        assert!((e.estimate.unwrap() - 1.0).abs() < 1e-12, "{e:?}");
        assert_eq!(e.used.adopters_before.n, 200, "January to May");
        assert_eq!(e.used.adopters_after.n, 240, "June to November");
        assert_eq!(e.used.others_after.n, 240);
        assert_eq!(effects[1].element, None);
    }

    #[test]
    fn nothing_started_is_not_enough_data() {
        let effects = measure(
            &[("a", None)],
            &[],
            &cells(),
            Month::new(2026, 12).unwrap(),
            6,
            &EffectRule::default(),
        );
        assert_eq!(effects.len(), 1);
        assert_eq!(
            effects[0].effect.verdict,
            super::super::effect::Verdict::NotEnoughData
        );
    }

    #[test]
    fn the_cells_needed_start_six_months_before_the_earliest_start() {
        let current = Month::new(2026, 11).unwrap();
        let first = first_month_needed([date!(2026 - 03 - 15), date!(2026 - 06 - 01)], current, 6);
        assert_eq!(first, Month::new(2025, 9).unwrap());
        assert_eq!(first_month_needed([], current, 6), current);
    }
}
