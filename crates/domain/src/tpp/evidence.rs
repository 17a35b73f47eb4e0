//! When the evidence is enough to reduce pay. A score below the threshold reduces TPP only
//! when (1) the unit has at least the survey's sample of responses that count for pay: the
//! Krejcie–Morgan sample for its users per month (PermenPANRB 14/2017 takes the sample from
//! Krejcie & Morgan), or the policy's `min_responses` if that asks for more; (2) those
//! responses were given on at least `min_days` distinct days of the month, so one afternoon
//! (a queue of friends, a staged visit, one insider's evening) cannot decide a month; and
//! (3) even the upper end of the score's confidence interval (95 % by default) is below the
//! threshold; the factor then comes from that upper end. With less evidence the
//! satisfaction factor is 100 %: pay is never cut on thin or bunched ratings, and the run
//! lists such units, with what they lack, so the regency can see whose survey is too thin.
//!
//! A policy may judge each month on a rolling window (`months`, for example 3): the evidence
//! of the month and the ones before it, added up. A unit too small to reach its sample in a
//! month then reaches it over a quarter; the sample is for the users of the whole window,
//! and the days are counted over it.
//!
//! The interval comes from the spread of the responses: each response's own score is the mean
//! of its answered elements × 25; the per-response variance `s²` is the unit's (pooled, as an
//! officer's few responses cannot estimate it), and the blended score's variance is
//! `s² · (w_o²/n + w_u²/N)` with `w_o = n/(n+k)`, `w_u = k/(n+k)` (`s²/N` for the unit's score
//! alone). The margin `z·√variance` is rounded *up* to 2 decimals, computed exactly (an
//! integer square root of an exact fraction), so the officer always gets the benefit of
//! the last rounding.

use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::Zero;

use super::{Rated, ScoreBasis, SCORE_PLACES};
use crate::decimal::Decimal;
use crate::skm::krejcie_morgan_sample_size;
use crate::skm::spread::ceil_sqrt_hundredths;

pub use crate::skm::spread::{response_q, Spread, Q_SCALE};

/// The policy's evidence rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EvidenceRule {
    /// Pay-counting responses of the unit needed before pay can be reduced (at least; see
    /// `sample_from_users`).
    pub min_responses: u32,
    /// Whether a unit with known users per month also needs the Krejcie–Morgan sample for
    /// them (the larger of the two applies: a policy may ask for more, never less).
    pub sample_from_users: bool,
    /// Distinct days of the month (the regency's calendar) on which the unit's pay-counting
    /// responses were given; 0 asks for no spread.
    pub min_days: u32,
    /// Confidence level in percent: 90, 95 or 99.
    pub confidence: u32,
    /// How far, in percent of an officer's base TPP, evidence from sources the inspectorate
    /// has not confirmed may move their pay (see `sources`); `None` in policies saved
    /// before the rule (not applied).
    pub unconfirmed_percent: Option<u32>,
    /// How many months of evidence judge a month: this month and the ones before it (1–12),
    /// so a small unit can reach the sample over a quarter instead of never.
    pub months: u32,
}

impl Default for EvidenceRule {
    fn default() -> EvidenceRule {
        EvidenceRule {
            min_responses: 30,
            sample_from_users: true,
            // Half of a month's working days: a fortnight of service, not one afternoon.
            min_days: 10,
            confidence: 95,
            // The margin one insider may move anyone's pay by: a paced kiosk or a counter
            // account of one unit is bounded to it until a second office looks.
            unconfirmed_percent: Some(1),
            months: 1,
        }
    }
}

impl EvidenceRule {
    pub const LEVELS: [u32; 3] = [90, 95, 99];

    /// Responses needed from a unit with `coverage`: the sample for its users over the
    /// rule's months.
    pub fn responses_needed(&self, coverage: &Coverage) -> u64 {
        let sample = match (self.sample_from_users, coverage.monthly_users) {
            (true, Some(users)) => {
                krejcie_morgan_sample_size(u64::from(users) * u64::from(self.months.max(1)))
            }
            _ => 0,
        };
        u64::from(self.min_responses.max(2)).max(sample)
    }

    /// The two-sided normal quantile of the level, as a decimal.
    pub fn z(&self) -> Decimal {
        match self.confidence {
            90 => Decimal::new(1645, 3),
            99 => Decimal::new(2576, 3),
            _ => Decimal::new(196, 2),
        }
    }
}

/// What is known of the unit whose responses decide, besides their count and spread.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Coverage {
    /// Distinct days with pay-counting responses; `None` in runs stored before it was
    /// recorded (the day rule is then not applied, as it was not then).
    pub days: Option<u32>,
    /// The unit's service users per month, as registered.
    pub monthly_users: Option<u32>,
}

/// What the evidence rule made of a score.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Evidence {
    /// The policy has no evidence rule (policies saved before it existed).
    NotApplied,
    /// Too few pay-counting responses, or on too few days: satisfaction counts as 100 %.
    /// What was found and what was needed, both for responses and days.
    Insufficient {
        responses: u64,
        needed: u64,
        days: Option<u32>,
        days_needed: u32,
    },
    /// Enough: the factor comes from `upper` = score + margin (at most 100).
    Bounded { margin: Decimal, upper: Decimal },
}

impl Evidence {
    /// What more evidence the rule asks for: responses, then distinct days; `None` unless
    /// the evidence was insufficient.
    pub fn missing(&self) -> Option<(u64, u32)> {
        match *self {
            Evidence::Insufficient {
                responses,
                needed,
                days,
                days_needed,
            } => Some((
                needed.saturating_sub(responses),
                days.map_or(0, |d| days_needed.saturating_sub(d)),
            )),
            _ => None,
        }
    }

    pub fn code(&self) -> &'static str {
        match self {
            Evidence::NotApplied => "not_applied",
            Evidence::Insufficient { .. } => "insufficient",
            Evidence::Bounded { .. } => "bounded",
        }
    }
}

/// The responses that decide whether there is enough evidence: the unit's for a blended or
/// unit score, the officer's when there is no unit figure.
fn evidence_base(basis: &ScoreBasis) -> Option<(Rated, Option<Rated>)> {
    match *basis {
        ScoreBasis::Blended { officer, unit, .. } => Some((unit, Some(officer))),
        ScoreBasis::UnitOnly { unit } => Some((unit, None)),
        ScoreBasis::OfficerOnly { officer } => Some((officer, None)),
        ScoreBasis::NoResponses => None,
    }
}

/// Applies the rule to a basis, the score it gave and what is known of the unit.
pub fn assess(
    rule: Option<&EvidenceRule>,
    basis: &ScoreBasis,
    score: Option<Decimal>,
    coverage: &Coverage,
) -> Evidence {
    let Some(rule) = rule else {
        return Evidence::NotApplied;
    };
    let needed = rule.responses_needed(coverage);
    let insufficient = |responses: u64| Evidence::Insufficient {
        responses,
        needed,
        days: coverage.days,
        days_needed: rule.min_days,
    };
    let (Some((base, officer)), Some(score)) = (evidence_base(basis), score) else {
        return insufficient(0);
    };
    let few_days = coverage.days.is_some_and(|days| days < rule.min_days);
    if base.responses < needed || few_days {
        return insufficient(base.responses);
    }
    let s2 = base
        .spread
        .variance(base.responses)
        .unwrap_or_else(BigRational::zero);
    let int = |v: u64| BigRational::from_integer(BigInt::from(v));
    let variance = match (basis, officer) {
        (ScoreBasis::Blended { k, .. }, Some(officer)) => {
            let n = int(officer.responses);
            let total = &n + int(u64::from(*k));
            let w_o = &n / &total;
            let w_u = int(u64::from(*k)) / &total;
            &s2 * (&w_o * &w_o / &n + &w_u * &w_u / int(base.responses))
        }
        _ => &s2 / int(base.responses),
    };
    let z = rule.z().to_rational();
    let margin = ceil_sqrt_hundredths(&(z.clone() * z * variance));
    let hundred = Decimal::new(100, 0).to_rational();
    let upper = (score.to_rational() + margin.to_rational()).min(hundred);
    Evidence::Bounded {
        margin,
        upper: Decimal::round_half_away(&upper, SCORE_PLACES),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn rated(responses: u64, ikm: &str, qs: &[u64]) -> Rated {
        let mut spread = Spread::default();
        for q in qs {
            spread.add(Spread::of(*q));
        }
        Rated {
            responses,
            ikm: Decimal::parse(ikm).unwrap(),
            spread,
        }
    }

    #[test]
    fn a_response_is_its_mean_answer() {
        assert_eq!(response_q(&[Some(4); 9]), 4 * Q_SCALE);
        assert_eq!(
            response_q(&[Some(1), None, Some(2), None, None, None, None, None, None]),
            Q_SCALE * 3 / 2
        );
        assert_eq!(response_q(&[None; 9]), 0);
    }

    #[test]
    fn square_roots_round_up() {
        let r = |n: i64, d: i64| BigRational::new(n.into(), d.into());
        assert_eq!(ceil_sqrt_hundredths(&r(4, 1)), Decimal::new(200, 2));
        assert_eq!(ceil_sqrt_hundredths(&r(2, 1)), Decimal::new(142, 2));
        assert_eq!(ceil_sqrt_hundredths(&r(0, 1)), Decimal::new(0, 2));
        assert_eq!(ceil_sqrt_hundredths(&r(1, 10_000)), Decimal::new(1, 2));
    }

    #[test]
    fn too_few_responses_never_reduce_pay() {
        let rule = EvidenceRule::default();
        let unit = rated(29, "50.00", &[Q_SCALE * 2; 29]);
        let basis = ScoreBasis::UnitOnly { unit };
        assert_eq!(
            assess(Some(&rule), &basis, basis.score(), &Coverage::default()),
            Evidence::Insufficient {
                responses: 29,
                needed: 30,
                days: None,
                days_needed: 10
            }
        );
        assert_eq!(
            assess(
                Some(&rule),
                &ScoreBasis::NoResponses,
                None,
                &Coverage::default()
            ),
            Evidence::Insufficient {
                responses: 0,
                needed: 30,
                days: None,
                days_needed: 10
            }
        );
        assert_eq!(
            assess(None, &basis, basis.score(), &Coverage::default()),
            Evidence::NotApplied
        );
    }

    /// Replays an afternoon: 44 answers on one day from a unit of 334 users a month. The
    /// Krejcie–Morgan sample for 334 is 179, and one day is not ten.
    #[test]
    fn one_afternoon_never_reduces_pay() {
        let rule = EvidenceRule::default();
        let unit = rated(44, "55.32", &[Q_SCALE * 2; 44]);
        let basis = ScoreBasis::UnitOnly { unit };
        let afternoon = Coverage {
            days: Some(1),
            monthly_users: Some(334),
        };
        let evidence = assess(Some(&rule), &basis, basis.score(), &afternoon);
        assert_eq!(
            evidence,
            Evidence::Insufficient {
                responses: 44,
                needed: 179,
                days: Some(1),
                days_needed: 10
            }
        );
        assert_eq!(evidence.missing(), Some((135, 9)));
        // The sample, bunched into three days: still not enough.
        let unit = rated(200, "55.32", &[Q_SCALE * 2; 200]);
        let basis = ScoreBasis::UnitOnly { unit };
        let bunched = Coverage {
            days: Some(3),
            ..afternoon
        };
        let evidence = assess(Some(&rule), &basis, basis.score(), &bunched);
        assert_eq!(evidence.missing(), Some((0, 7)));
        // The sample over a month of service: pay may fall.
        let month = Coverage {
            days: Some(20),
            ..afternoon
        };
        assert!(matches!(
            assess(Some(&rule), &basis, basis.score(), &month),
            Evidence::Bounded { .. }
        ));
        // A policy may ask for more than the sample, never less.
        let stricter = EvidenceRule {
            min_responses: 250,
            ..rule.clone()
        };
        assert_eq!(stricter.responses_needed(&month), 250);
        let laxer = EvidenceRule {
            min_responses: 5,
            ..rule.clone()
        };
        assert_eq!(laxer.responses_needed(&month), 179);
        // Unknown users: the policy's own minimum.
        assert_eq!(rule.responses_needed(&Coverage::default()), 30);
        // Over a quarter, the sample is for the quarter's users: 3 × 334 = 1002 → 278.
        let quarter = EvidenceRule {
            months: 3,
            ..rule.clone()
        };
        assert_eq!(quarter.responses_needed(&month), 278);
    }

    #[test]
    fn the_margin_follows_the_spread() {
        let rule = EvidenceRule::default();
        // Half answer 4 (100), half 2 (50): s² = 25² · (n/(n-1)), mean 75.
        let qs: Vec<u64> = (0..100)
            .map(|i| if i % 2 == 0 { 4 } else { 2 } * Q_SCALE)
            .collect();
        let unit = rated(100, "75.00", &qs);
        let basis = ScoreBasis::UnitOnly { unit };
        // s = 25.13, s/√100 = 2.513, × 1.96 = 4.925… → 4.93.
        assert_eq!(
            assess(Some(&rule), &basis, basis.score(), &Coverage::default()),
            Evidence::Bounded {
                margin: Decimal::new(493, 2),
                upper: Decimal::new(7993, 2)
            }
        );
        // All alike: no spread, no margin.
        let flat = rated(40, "60.00", &[Q_SCALE * 2 + Q_SCALE * 2 / 5; 40]);
        let basis = ScoreBasis::UnitOnly { unit: flat };
        assert!(matches!(
            assess(Some(&rule), &basis, basis.score(), &Coverage::default()),
            Evidence::Bounded { margin, .. } if margin == Decimal::new(0, 2)
        ));
    }

    proptest! {
        /// More spread never lowers the upper end; the upper end is never below the score and
        /// never above 100.
        #[test]
        fn the_upper_end_is_sane(a in 1u64..=4, b in 1u64..=4, n in 30u64..400, officer_n in 0u64..50) {
            let rule = EvidenceRule::default();
            let qs: Vec<u64> = (0..n).map(|i| if i % 3 == 0 { a } else { b } * Q_SCALE).collect();
            let unit = rated(n, "70.00", &qs);
            let basis = if officer_n > 0 {
                ScoreBasis::Blended { officer: rated(officer_n, "60.00", &[]), unit, k: 30 }
            } else {
                ScoreBasis::UnitOnly { unit }
            };
            let score = basis.score();
            match assess(Some(&rule), &basis, score, &Coverage::default()) {
                Evidence::Bounded { margin, upper } => {
                    prop_assert!(margin.to_rational() >= BigRational::zero());
                    prop_assert!(upper.to_rational() >= score.unwrap().to_rational() || upper == Decimal::new(10000, 2));
                    prop_assert!(upper.to_rational() <= Decimal::new(100, 0).to_rational());
                }
                other => prop_assert!(false, "{other:?}"),
            }
        }
    }
}
