//! Did an innovation change citizens' satisfaction? The change in a score after the start
//! against before, in the units that adopted it, minus the same change in the units that did
//! not over the same months (difference-in-differences), with a 95 % interval from the
//! response-level variance of each of the four groups. Without units to compare with, the
//! plain before/after change is given, and said to be so.
//!
//! A score here is any per-response value: one element's answer (1–4, whose mean is the NRR)
//! or a response's mean answer × 25 (whose mean is the IKM). Groups are kept as sufficient
//! statistics (count, sum, sum of squares), so the store can aggregate them in SQL.

use time::Date;

use crate::period::Month;

/// A group of per-response values.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Sample {
    pub n: u64,
    pub sum: f64,
    pub sum_sq: f64,
}

impl Sample {
    pub fn add(&mut self, value: f64) {
        self.n += 1;
        self.sum += value;
        self.sum_sq += value * value;
    }

    pub fn merge(&mut self, other: &Sample) {
        self.n += other.n;
        self.sum += other.sum;
        self.sum_sq += other.sum_sq;
    }

    pub fn mean(&self) -> Option<f64> {
        (self.n > 0).then(|| self.sum / self.n as f64)
    }

    /// The unbiased variance of the values; `None` under two values.
    pub fn variance(&self) -> Option<f64> {
        if self.n < 2 {
            return None;
        }
        let n = self.n as f64;
        let mean = self.sum / n;
        // Rounding can make a constant sample's variance a hair below zero.
        Some(((self.sum_sq - n * mean * mean) / (n - 1.0)).max(0.0))
    }

    /// The variance of the group's mean.
    fn variance_of_mean(&self) -> Option<f64> {
        Some(self.variance()? / self.n as f64)
    }
}

/// The four groups: adopting units before and after the start, the others over the same
/// months.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Groups {
    pub adopters_before: Sample,
    pub adopters_after: Sample,
    pub others_before: Sample,
    pub others_after: Sample,
}

/// When an estimate is worth stating.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct EffectRule {
    /// Responses each group used needs at least.
    pub min_responses: u64,
    /// The normal quantile of the interval (1.96 for 95 %).
    pub z: f64,
}

impl Default for EffectRule {
    fn default() -> EffectRule {
        EffectRule {
            min_responses: 30,
            z: 1.96,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    /// Adopters' change minus the others' change over the same months.
    DifferenceInDifferences,
    /// No units to compare with: the adopters' change alone, which also carries whatever
    /// else changed over those months.
    BeforeAfter,
}

/// What the numbers allow one to say.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Verdict {
    /// The whole interval is above zero.
    RoseClearly,
    /// The whole interval is below zero.
    FellClearly,
    /// The interval holds zero: no change visible yet.
    NoChangeVisible,
    /// Too few responses in a group to say anything.
    NotEnoughData,
}

impl Verdict {
    pub const ALL: [Verdict; 4] = [
        Verdict::RoseClearly,
        Verdict::FellClearly,
        Verdict::NoChangeVisible,
        Verdict::NotEnoughData,
    ];

    /// A stable code for files and APIs.
    pub fn code(self) -> &'static str {
        match self {
            Verdict::RoseClearly => "rose_clearly",
            Verdict::FellClearly => "fell_clearly",
            Verdict::NoChangeVisible => "no_change_visible",
            Verdict::NotEnoughData => "not_enough_data",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Effect {
    pub method: Method,
    /// The estimated change, in the score's own units (NRR or IKM points).
    pub estimate: Option<f64>,
    /// The interval's ends.
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub verdict: Verdict,
    /// The responses behind the estimate, per group (the others once per cohort they are
    /// compared with).
    pub used: Groups,
}

/// The effect in `groups`: one set of adopting units sharing their months. See
/// [`estimate_cohorts`].
pub fn estimate(groups: &Groups, rule: &EffectRule) -> Effect {
    estimate_cohorts(std::slice::from_ref(groups), rule)
}

/// The effect over cohorts: sets of adopting units whose months around their start are the
/// same (units that copied the innovation later are a cohort of their own), each with the
/// non-adopting units over the same months.
///
/// A cohort counts when its adopters have `min_responses` before and after. When every such
/// cohort also has that many from the others, each cohort's difference-in-differences is
/// weighted by its adopters' responses after the start; otherwise the adopters' plain
/// before/after change is used, and said to be so.
///
/// The variance adds the adopters' parts (different units, independent) and, for the others,
/// whose months may overlap between cohorts, takes the square of the summed standard errors
/// (as if perfectly correlated): never smaller than the truth. One cohort gives the plain
/// difference-in-differences variance.
pub fn estimate_cohorts(cohorts: &[Groups], rule: &EffectRule) -> Effect {
    let min = rule.min_responses.max(2);
    let usable: Vec<&Groups> = cohorts
        .iter()
        .filter(|g| g.adopters_before.n >= min && g.adopters_after.n >= min)
        .collect();
    let compared = !usable.is_empty()
        && usable
            .iter()
            .all(|g| g.others_before.n >= min && g.others_after.n >= min);
    let method = if compared || (usable.is_empty() && cohorts.iter().any(|g| g.others_after.n > 0))
    {
        Method::DifferenceInDifferences
    } else {
        Method::BeforeAfter
    };
    // The responses reported: those of the usable cohorts, or of all when none is (to say
    // how few there are).
    let reported: Vec<&Groups> = if usable.is_empty() {
        cohorts.iter().collect()
    } else {
        usable.clone()
    };
    let others_reported = compared || usable.is_empty();
    let mut used = Groups::default();
    for g in reported {
        used.adopters_before.merge(&g.adopters_before);
        used.adopters_after.merge(&g.adopters_after);
        if others_reported {
            used.others_before.merge(&g.others_before);
            used.others_after.merge(&g.others_after);
        }
    }
    let none = Effect {
        method,
        estimate: None,
        low: None,
        high: None,
        verdict: Verdict::NotEnoughData,
        used,
    };
    let total: u64 = usable.iter().map(|g| g.adopters_after.n).sum();
    if total == 0 {
        return none;
    }
    let mut estimate = 0.0;
    let mut adopters_variance = 0.0;
    let mut others_error = 0.0;
    for g in &usable {
        let w = g.adopters_after.n as f64 / total as f64;
        let parts = (
            g.adopters_after.mean(),
            g.adopters_before.mean(),
            g.adopters_after.variance_of_mean(),
            g.adopters_before.variance_of_mean(),
        );
        let (Some(after), Some(before), Some(va), Some(vb)) = parts else {
            return none;
        };
        let mut change = after - before;
        adopters_variance += w * w * (va + vb);
        if compared {
            let parts = (
                g.others_after.mean(),
                g.others_before.mean(),
                g.others_after.variance_of_mean(),
                g.others_before.variance_of_mean(),
            );
            let (Some(after), Some(before), Some(va), Some(vb)) = parts else {
                return none;
            };
            change -= after - before;
            others_error += w * (va + vb).sqrt();
        }
        estimate += w * change;
    }
    let margin = rule.z * (adopters_variance + others_error * others_error).sqrt();
    let (low, high) = (estimate - margin, estimate + margin);
    let verdict = if low > 0.0 {
        Verdict::RoseClearly
    } else if high < 0.0 {
        Verdict::FellClearly
    } else {
        Verdict::NoChangeVisible
    };
    Effect {
        method,
        estimate: Some(estimate),
        low: Some(low),
        high: Some(high),
        verdict,
        used,
    }
}

/// How many whole months are compared on each side of a start.
pub const SPAN_MONTHS: u32 = 6;

/// The months compared around one unit's start: the `span` months before the start's month,
/// and from the first whole month after the start (its own month when it starts on the 1st)
/// up to `span` months, but not beyond `current`. The month a unit changed part-way is left
/// out of both.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Windows {
    pub before: (Month, Month),
    /// `None` until a whole month after the start has begun.
    pub after: Option<(Month, Month)>,
}

pub fn windows(start: Date, current: Month, span: u32) -> Windows {
    let start_month = Month::of(start);
    let first_after = if start.day() == 1 {
        start_month
    } else {
        start_month.next()
    };
    let last_before = start_month.previous();
    let first_before = (1..span.max(1)).fold(last_before, |m, _| m.previous());
    let last_after = (1..span.max(1))
        .fold(first_after, |m, _| m.next())
        .min(current);
    Windows {
        before: (first_before, last_before),
        after: (first_after <= current).then_some((first_after, last_after)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn sample(values: &[f64]) -> Sample {
        let mut s = Sample::default();
        for v in values {
            s.add(*v);
        }
        s
    }

    /// A small deterministic generator (SplitMix64): the tests need no random crate.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> f64 {
            self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = self.0;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            ((z ^ (z >> 31)) >> 11) as f64 / (1u64 << 53) as f64
        }

        /// An answer 1–4 with the chances `p`.
        fn answer(&mut self, p: [f64; 4]) -> f64 {
            let mut u = self.next();
            for (i, chance) in p.iter().enumerate() {
                if u < *chance {
                    return (i + 1) as f64;
                }
                u -= chance;
            }
            4.0
        }
    }

    /// Answers whose mean is `shift` above a baseline of 3.05: mass moves from 3 to 4.
    fn answers(rng: &mut Rng, n: usize, shift: f64) -> Sample {
        let p = [0.05, 0.15, 0.5 - shift, 0.3 + shift];
        let mut s = Sample::default();
        for _ in 0..n {
            s.add(rng.answer(p));
        }
        s
    }

    /// Adopters and others over the same months, everyone drifting by `drift`, the adopters
    /// also by `effect` after the start.
    fn simulate(seed: u64, n: usize, effect: f64, drift: f64) -> Groups {
        let mut rng = Rng(seed);
        Groups {
            adopters_before: answers(&mut rng, n, 0.0),
            adopters_after: answers(&mut rng, n, drift + effect),
            others_before: answers(&mut rng, n, 0.0),
            others_after: answers(&mut rng, n, drift),
        }
    }

    #[test]
    fn sufficient_statistics_give_mean_and_variance() {
        let s = sample(&[1.0, 2.0, 3.0, 4.0]);
        assert_eq!(s.mean(), Some(2.5));
        assert!((s.variance().unwrap() - 5.0 / 3.0).abs() < 1e-12);
        assert_eq!(sample(&[3.0]).variance(), None);
        let mut merged = sample(&[1.0, 2.0]);
        merged.merge(&sample(&[3.0, 4.0]));
        assert_eq!(merged, s);
    }

    #[test]
    fn the_interval_covers_a_planted_effect_in_at_least_90_of_100_seeds() {
        let rule = EffectRule::default();
        for planted in [0.0, 0.1, 0.3] {
            let covered = (0..100)
                .filter(|seed| {
                    let e = estimate(&simulate(*seed, 400, planted, 0.05), &rule);
                    e.low.unwrap() <= planted && planted <= e.high.unwrap()
                })
                .count();
            assert!(covered >= 90, "{planted}: covered in {covered} of 100");
        }
    }

    /// With 1,000 responses in each group and period (a unit's few months), 0.3 NRR points
    /// stand clear of none in every seed; with 400 the interval is about ±0.16 and some
    /// seeds could not tell.
    #[test]
    fn a_planted_effect_of_0_3_is_told_apart_from_none() {
        let rule = EffectRule::default();
        for seed in 0..100 {
            let e = estimate(&simulate(seed, 1_000, 0.3, 0.05), &rule);
            assert_eq!(e.verdict, Verdict::RoseClearly, "seed {seed}: {e:?}");
            assert_eq!(e.method, Method::DifferenceInDifferences);
        }
    }

    #[test]
    fn a_change_everyone_shares_is_not_credited_to_the_innovation() {
        // Every unit rose by 0.3 (a new national campaign, say); the innovation did nothing.
        let rule = EffectRule::default();
        let rose_clearly = (0..100)
            .filter(|seed| {
                estimate(&simulate(*seed, 400, 0.0, 0.3), &rule).verdict == Verdict::RoseClearly
            })
            .count();
        assert!(
            rose_clearly <= 10,
            "{rose_clearly} of 100 claimed an effect"
        );
        // Before/after alone, without the others, would have claimed it.
        let mut alone = simulate(7, 400, 0.0, 0.3);
        alone.others_before = Sample::default();
        alone.others_after = Sample::default();
        let e = estimate(&alone, &rule);
        assert_eq!(
            (e.method, e.verdict),
            (Method::BeforeAfter, Verdict::RoseClearly)
        );
    }

    #[test]
    fn too_few_responses_say_nothing() {
        let rule = EffectRule::default();
        let e = estimate(&simulate(1, 20, 0.3, 0.0), &rule);
        assert_eq!(e.verdict, Verdict::NotEnoughData);
        assert_eq!(e.estimate, None);
    }

    #[test]
    fn windows_leave_out_the_month_of_a_mid_month_start() {
        let m = |y, mo| Month::new(y, mo).unwrap();
        let w = windows(time::macros::date!(2026 - 03 - 15), m(2026, 11), 6);
        assert_eq!(w.before, (m(2025, 9), m(2026, 2)));
        assert_eq!(w.after, Some((m(2026, 4), m(2026, 9))));
        let w = windows(time::macros::date!(2026 - 09 - 01), m(2026, 11), 6);
        assert_eq!(w.before, (m(2026, 3), m(2026, 8)));
        assert_eq!(w.after, Some((m(2026, 9), m(2026, 11))));
        let w = windows(time::macros::date!(2026 - 11 - 20), m(2026, 11), 6);
        assert_eq!(w.after, None);
    }

    #[test]
    fn one_cohort_is_plain_difference_in_differences() {
        let g = simulate(3, 200, 0.2, 0.0);
        let e = estimate(&g, &EffectRule::default());
        let mean = |s: &Sample| s.mean().unwrap();
        let expected = mean(&g.adopters_after)
            - mean(&g.adopters_before)
            - (mean(&g.others_after) - mean(&g.others_before));
        assert!((e.estimate.unwrap() - expected).abs() < 1e-12);
        assert_eq!(e.used, g);
    }

    #[test]
    fn staggered_cohorts_cover_the_effect_and_a_small_cohort_is_left_out() {
        let rule = EffectRule::default();
        let covered = (0..100)
            .filter(|seed| {
                let mut late = simulate(seed + 1_000, 150, 0.3, 0.1);
                late.others_before = simulate(*seed, 400, 0.0, 0.0).others_before;
                let tiny = simulate(seed + 2_000, 5, -3.0, 0.0);
                let e = estimate_cohorts(&[simulate(*seed, 400, 0.3, 0.05), late, tiny], &rule);
                assert_eq!(e.used.adopters_after.n, 550);
                e.low.unwrap() <= 0.3 && 0.3 <= e.high.unwrap()
            })
            .count();
        assert!(covered >= 90, "covered in {covered} of 100");
    }

    #[test]
    fn without_others_anywhere_the_change_is_before_after() {
        let mut g = simulate(5, 100, 0.0, 0.0);
        g.others_after = Sample::default();
        let e = estimate_cohorts(&[g, simulate(6, 100, 0.0, 0.0)], &EffectRule::default());
        assert_eq!(e.method, Method::BeforeAfter);
        assert_eq!(e.used.others_before.n, 0);
        let e = estimate_cohorts(&[], &EffectRule::default());
        assert_eq!(e.verdict, Verdict::NotEnoughData);
    }

    proptest! {
        #[test]
        fn the_estimate_sits_inside_its_interval_and_the_verdict_follows_it(
            seed in 0u64..10_000,
            n in 30usize..200,
            planted in -0.2f64..0.2,
        ) {
            let e = estimate(&simulate(seed, n, planted, 0.0), &EffectRule::default());
            let (low, mid, high) = (e.low.unwrap(), e.estimate.unwrap(), e.high.unwrap());
            prop_assert!(low <= mid && mid <= high);
            let expected = if low > 0.0 {
                Verdict::RoseClearly
            } else if high < 0.0 {
                Verdict::FellClearly
            } else {
                Verdict::NoChangeVisible
            };
            prop_assert_eq!(e.verdict, expected);
        }

        #[test]
        fn adding_the_same_to_every_others_value_moves_the_estimate_by_minus_that(
            seed in 0u64..10_000,
            shift in -1.0f64..1.0,
        ) {
            let groups = simulate(seed, 100, 0.1, 0.0);
            let mut shifted = groups;
            let s = &mut shifted.others_after;
            s.sum += shift * s.n as f64;
            s.sum_sq = groups.others_after.sum_sq
                + 2.0 * shift * groups.others_after.sum
                + shift * shift * s.n as f64;
            let before = estimate(&groups, &EffectRule::default()).estimate.unwrap();
            let after = estimate(&shifted, &EffectRule::default()).estimate.unwrap();
            prop_assert!((before - shift - after).abs() < 1e-9);
        }
    }
}
