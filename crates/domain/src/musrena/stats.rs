//! How far proposals got, per group and per district: how many were submitted, accepted into
//! the annual plan (RKPD), budgeted and completed, and the budgeted rupiah. A proposal counts for every
//! group that proposed it.

use std::collections::BTreeMap;

use num_bigint::BigInt;
use num_rational::BigRational;

use super::forum::Group;
use super::lifecycle::Stage;
use crate::decimal::Decimal;
use crate::sdg::SdgTarget;

/// What the statistics need of one proposal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome<'a> {
    pub groups: &'a [Group],
    pub sdgs: &'a [SdgTarget],
    pub district: Option<&'a str>,
    pub stage: Stage,
    pub budget: Option<u64>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub submitted: u64,
    pub accepted: u64,
    pub budgeted: u64,
    /// Built or delivered (implemented).
    pub completed: u64,
    /// Whole rupiah budgeted.
    pub amount: u64,
}

impl Counts {
    fn add(&mut self, outcome: &Outcome<'_>) {
        self.submitted += 1;
        if outcome.stage.has_reached(Stage::AcceptedIntoPlan) {
            self.accepted += 1;
        }
        if outcome.stage.has_reached(Stage::Budgeted) {
            self.budgeted += 1;
            // Saturating: a mistyped budget must not overflow the page's totals.
            self.amount = self.amount.saturating_add(outcome.budget.unwrap_or(0));
        }
        if outcome.stage == Stage::Implemented {
            self.completed += 1;
        }
    }

    /// `part` of the submitted as a percentage with one decimal (half away from zero); `None`
    /// when nothing was submitted.
    pub fn share(&self, part: u64) -> Option<Decimal> {
        (self.submitted > 0).then(|| {
            let ratio = BigRational::new(BigInt::from(part * 100), BigInt::from(self.submitted));
            Decimal::round_half_away(&ratio, 1)
        })
    }
}

/// Per group, in [`Group::ALL`] order (groups without proposals included, at zero).
pub fn by_group(outcomes: &[Outcome<'_>]) -> Vec<(Group, Counts)> {
    Group::ALL
        .into_iter()
        .map(|group| {
            let mut counts = Counts::default();
            for o in outcomes.iter().filter(|o| o.groups.contains(&group)) {
                counts.add(o);
            }
            (group, counts)
        })
        .collect()
}

/// Per SDG goal (1–17) served directly or by one of its targets; goals no proposal serves
/// are left out. A proposal counts once per goal.
pub fn by_sdg_goal(outcomes: &[Outcome<'_>]) -> Vec<(u8, Counts)> {
    (1..=17u8)
        .filter_map(|goal| {
            let mut counts = Counts::default();
            for o in outcomes
                .iter()
                .filter(|o| o.sdgs.iter().any(|t| t.goal == goal))
            {
                counts.add(o);
            }
            (counts.submitted > 0).then_some((goal, counts))
        })
        .collect()
}

/// Per district code (`None`: regency-wide proposals), and the total over all.
pub fn by_district<'a>(outcomes: &[Outcome<'a>]) -> (BTreeMap<Option<&'a str>, Counts>, Counts) {
    let mut districts: BTreeMap<Option<&str>, Counts> = BTreeMap::new();
    let mut total = Counts::default();
    for o in outcomes {
        districts.entry(o.district).or_default().add(o);
        total.add(o);
    }
    (districts, total)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn shares_per_group_and_district() {
        let women = [Group::Women];
        let both = [Group::Women, Group::Children];
        let outcomes = [
            Outcome {
                groups: &women,
                sdgs: &[],
                district: Some("panggul"),
                stage: Stage::Budgeted,
                budget: Some(10_000_000),
            },
            Outcome {
                groups: &both,
                sdgs: &[],
                district: Some("panggul"),
                stage: Stage::AcceptedIntoPlan,
                budget: None,
            },
            Outcome {
                groups: &both,
                sdgs: &[],
                district: Some("munjungan"),
                stage: Stage::Rejected,
                budget: None,
            },
            Outcome {
                groups: &women,
                sdgs: &[],
                district: Some("munjungan"),
                stage: Stage::Implemented,
                budget: Some(5_000_000),
            },
        ];
        let groups = by_group(&outcomes);
        let (_, w) = groups[0];
        assert_eq!(
            (w.submitted, w.accepted, w.budgeted, w.completed, w.amount),
            (4, 3, 2, 1, 15_000_000)
        );
        assert_eq!(w.share(w.accepted).unwrap().to_string(), "75.0");
        let (_, children) = groups[1];
        assert_eq!((children.submitted, children.accepted), (2, 1));
        assert_eq!(groups[2].1, Counts::default());
        assert_eq!(groups[2].1.share(0), None);
        let (districts, total) = by_district(&outcomes);
        assert_eq!(districts[&Some("panggul")].submitted, 2);
        assert!(by_sdg_goal(&outcomes).is_empty());
        let targets = crate::sdg::parse_list("3.8, 3, 11.2").unwrap();
        let served = [Outcome {
            sdgs: &targets,
            ..outcomes[0].clone()
        }];
        let goals: Vec<(u8, u64)> = by_sdg_goal(&served)
            .iter()
            .map(|(g, c)| (*g, c.submitted))
            .collect();
        assert_eq!(goals, [(3, 1), (11, 1)]);
        // Mistyped budgets saturate the totals rather than overflow.
        let huge = [
            Outcome {
                budget: Some(u64::MAX),
                ..outcomes[0].clone()
            },
            Outcome {
                budget: Some(u64::MAX),
                ..outcomes[0].clone()
            },
        ];
        assert_eq!(by_district(&huge).1.amount, u64::MAX);
        assert_eq!((total.amount, total.completed), (15_000_000, 1));
    }

    proptest! {
        /// Completed ≤ budgeted ≤ accepted ≤ submitted, and districts add up to the total.
        #[test]
        fn counts_nest_and_add_up(rows in proptest::collection::vec((0usize..10, 0usize..3, 0u64..1000), 0..40)) {
            let groups = [Group::Women];
            let districts = ["a", "b", "c"];
            let outcomes: Vec<Outcome> = rows.iter().map(|(s, d, amount)| Outcome {
                groups: &groups,
                sdgs: &[],
                district: Some(districts[*d]),
                stage: Stage::ALL[*s],
                budget: Some(*amount),
            }).collect();
            let (by_d, total) = by_district(&outcomes);
            prop_assert!(total.completed <= total.budgeted && total.budgeted <= total.accepted && total.accepted <= total.submitted);
            prop_assert_eq!(by_d.values().map(|c| c.submitted).sum::<u64>(), total.submitted);
            prop_assert_eq!(by_d.values().map(|c| c.amount).sum::<u64>(), total.amount);
            prop_assert_eq!(by_group(&outcomes)[0].1, total);
        }
    }
}
