//! How sure a published IKM is: its responses, its margin of error at 95 %, the share that
//! came from on-site channels (kiosks and tickets, which a flood from the internet cannot
//! reach), and whether it rests on too few responses to be graded.
//!
//! The margin is `1,96 · s / √n`, with `s²` the sample variance of the responses' own scores
//! (each response's mean answer × 25), rounded *up* to 2 decimals: the published range is
//! never narrower than the data allow. A figure is provisional below the survey's sample:
//! the Krejcie–Morgan sample for the unit's users over the period (PermenPANRB 14/2017), and
//! never fewer than [`MIN_GRADED`] responses.

use num_bigint::BigInt;
use num_rational::BigRational;

use super::krejcie_morgan_sample_size;
use super::spread::{ceil_sqrt_hundredths, Spread};
use crate::decimal::Decimal;
use crate::period::Month;

/// Fewer responses than this never earn a grade, whatever the unit's users.
pub const MIN_GRADED: u64 = 30;

/// What a published IKM rests on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Precision {
    pub responses: u64,
    /// Half the width of the 95 % interval, in IKM points; `None` below two responses.
    pub margin: Option<Decimal>,
    /// Responses from kiosks and tickets, in whole percent (rounded down); `None` without
    /// responses.
    pub onsite_percent: Option<u64>,
    /// Responses the period needs before its figure is graded.
    pub needed: u64,
}

impl Precision {
    /// `responses` counted with `spread`, `onsite` of them at kiosks or by ticket, for a
    /// unit of `users` over the period (its users a month × the period's months, if known).
    pub fn of(responses: u64, spread: Spread, onsite: u64, users: Option<u64>) -> Precision {
        let margin = spread.variance(responses).map(|variance| {
            let z = Decimal::new(196, 2).to_rational();
            let n = BigRational::from_integer(BigInt::from(responses));
            ceil_sqrt_hundredths(&(z.clone() * z * variance / n))
        });
        let onsite_percent = (responses > 0).then(|| onsite.min(responses) * 100 / responses);
        let needed = users.map_or(0, krejcie_morgan_sample_size).max(MIN_GRADED);
        Precision {
            responses,
            margin,
            onsite_percent,
            needed,
        }
    }

    /// Too few responses to grade: the figure is shown, marked provisional.
    pub fn provisional(&self) -> bool {
        self.responses < self.needed
    }
}

/// What a published figure rests on. Unlike a margin it adds up, over units (a regency's
/// figure) as over months.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Evidence {
    pub responses: u64,
    pub spread: Spread,
    /// Of the responses, those given at kiosks or by ticket.
    pub onsite: u64,
    /// The users served over the period, where known ([`period_users`]).
    pub users: Option<u64>,
}

impl Evidence {
    /// Adds another unit's evidence; users known for either count (a unit that never stated
    /// its users adds none, so a regency's sample is never asked of users no one counted).
    pub fn add(&mut self, other: &Evidence) {
        self.responses += other.responses;
        self.spread.add(other.spread);
        self.onsite += other.onsite;
        self.users = match (self.users, other.users) {
            (None, None) => None,
            (a, b) => Some(a.unwrap_or(0) + b.unwrap_or(0)),
        };
    }

    pub fn precision(&self) -> Precision {
        Precision::of(self.responses, self.spread, self.onsite, self.users)
    }
}

/// A unit's users over the months `first..=last` that have begun by `current`: a year's
/// figure in March asks for three months' users, not twelve. `None` when the unit's users
/// are unknown or no month of the range has begun.
pub fn period_users(
    monthly_users: Option<u32>,
    (first, last): (Month, Month),
    current: Month,
) -> Option<u64> {
    let months = u64::from(first.months_to(last.min(current)));
    Some(u64::from(monthly_users?) * months).filter(|users| *users > 0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::skm::spread::{response_q, Q_SCALE};

    fn spread_of(answers: &[i64]) -> Spread {
        let mut spread = Spread::default();
        for a in answers {
            spread.add(Spread::of(response_q(&[Some(*a); 9])));
        }
        spread
    }

    #[test]
    fn the_margin_follows_the_spread_and_the_count() {
        // Half 3s, half 4s: s = 12,5 · √(n/(n−1)); n = 100 → 1,96 · 12,5628 / 10 = 2,4623.
        let answers: Vec<i64> = (0..100).map(|i| 3 + i % 2).collect();
        let p = Precision::of(100, spread_of(&answers), 70, Some(400));
        assert_eq!(p.margin, Some(Decimal::new(247, 2)));
        assert_eq!(p.onsite_percent, Some(70));
        assert_eq!(p.needed, krejcie_morgan_sample_size(400));
        assert!(p.provisional());
        let same = Precision::of(40, spread_of(&[4; 40]), 0, None);
        assert_eq!(same.margin, Some(Decimal::new(0, 2)));
        assert_eq!(same.needed, MIN_GRADED);
        assert!(!same.provisional());
        let one = Precision::of(1, Spread::of(3 * Q_SCALE), 1, None);
        assert_eq!((one.margin, one.onsite_percent), (None, Some(100)));
        let none = Precision::of(0, Spread::default(), 0, Some(10));
        assert_eq!(none.onsite_percent, None);
        assert!(none.provisional());
    }

    proptest::proptest! {
        #[test]
        fn more_of_the_same_answers_never_widen_the_margin(a in 1i64..=4, b in 1i64..=4, n in 2usize..200) {
            let answers: Vec<i64> = (0..n).map(|i| if i % 2 == 0 { a } else { b }).collect();
            let doubled: Vec<i64> = answers.iter().chain(&answers).copied().collect();
            let small = Precision::of(n as u64, spread_of(&answers), 0, None).margin.expect("margin");
            let large = Precision::of(2 * n as u64, spread_of(&doubled), 0, None).margin.expect("margin");
            proptest::prop_assert!(large <= small, "{large} > {small}");
        }
    }

    #[test]
    fn evidence_adds_up_over_units_and_counts_only_months_begun() {
        let march = Month::new(2026, 3).unwrap();
        let year = (Month::new(2026, 1).unwrap(), Month::new(2026, 12).unwrap());
        assert_eq!(period_users(Some(100), year, march), Some(300));
        assert_eq!(period_users(None, year, march), None);
        let before = Month::new(2025, 12).unwrap();
        assert_eq!(period_users(Some(100), year, before), None);

        let mut regency = Evidence::default();
        regency.add(&Evidence {
            responses: 20,
            spread: spread_of(&[3; 20]),
            onsite: 10,
            users: Some(300),
        });
        regency.add(&Evidence {
            responses: 20,
            spread: spread_of(&[4; 20]),
            onsite: 0,
            users: None,
        });
        let p = regency.precision();
        assert_eq!((p.responses, p.onsite_percent), (40, Some(25)));
        assert_eq!(p.needed, krejcie_morgan_sample_size(300));
        // Half 3s, half 4s over 40: s = 12,5 · √(40/39) = 12,659; 1,96 · s / √40 = 3,923.
        assert_eq!(p.margin, Some(Decimal::new(393, 2)));
    }
}
