//! When a unit's day deserves an e-mail to its admins: satisfaction that dropped sharply
//! against the unit's own history, or a quarantine that grew. Pure rules; the web layer
//! gathers the figures and sends.

use num_rational::BigRational;

use crate::decimal::Decimal;
use crate::skm::{Tally, Weighting};

/// Responses a day needs before its IKM is judged at all.
pub const MIN_DAY_RESPONSES: u64 = 10;
/// Responses the history (the previous 28 days) needs.
pub const MIN_HISTORY_RESPONSES: u64 = 30;
/// IKM points below its history that count as a sharp drop: one grade band is about 12.
pub const DROP_POINTS: i64 = 10;
/// Held responses in a day before growth is news.
pub const MIN_DAY_HOLDS: u64 = 10;
/// How many times the history's daily average of holds a day must reach.
pub const HOLD_GROWTH: u64 = 3;
/// Days of history a day is compared with.
pub const HISTORY_DAYS: u64 = 28;

/// A sharp drop: the day's IKM and its history's, as published (two decimals).
#[derive(Clone, Debug, PartialEq)]
pub struct Drop {
    pub day: Decimal,
    pub history: Decimal,
}

/// The day's IKM against the previous 28 days': a drop of at least [`DROP_POINTS`], with
/// enough responses on both sides that it is not one unhappy visitor.
pub fn sharp_drop(day: &Tally, history: &Tally) -> Option<Drop> {
    if day.responses() < MIN_DAY_RESPONSES || history.responses() < MIN_HISTORY_RESPONSES {
        return None;
    }
    let (day, history) = (
        day.score(Weighting::Exact)?,
        history.score(Weighting::Exact)?,
    );
    // Compared exactly; only the message rounds.
    (&history.ikm - &day.ikm >= BigRational::from_integer(DROP_POINTS.into())).then(|| Drop {
        day: day.ikm_rounded(),
        history: history.ikm_rounded(),
    })
}

/// Whether a day's holds grew: at least [`MIN_DAY_HOLDS`] and [`HOLD_GROWTH`] times the
/// history's daily average (`history_holds` over [`HISTORY_DAYS`] days).
pub fn holds_grew(day_holds: u64, history_holds: u64) -> bool {
    day_holds >= MIN_DAY_HOLDS && day_holds * HISTORY_DAYS >= HOLD_GROWTH * history_holds.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::skm::{Answers, Rating};
    use proptest::prelude::*;

    fn tally(rating: i64, responses: u64) -> Tally {
        let answers = Answers::new([Rating::new(rating); 9]).unwrap();
        let mut tally = Tally::default();
        for _ in 0..responses {
            tally.add(&answers);
        }
        tally
    }

    #[test]
    fn a_sharp_drop_needs_enough_responses_on_both_sides() {
        let drop = sharp_drop(&tally(2, 10), &tally(4, 30)).unwrap();
        assert_eq!((drop.day.to_f64(), drop.history.to_f64()), (50.0, 100.0));
        assert_eq!(sharp_drop(&tally(2, 9), &tally(4, 30)), None);
        assert_eq!(sharp_drop(&tally(2, 10), &tally(4, 29)), None);
        // Three quarters of a band is no drop.
        assert_eq!(sharp_drop(&tally(3, 50), &tally(3, 50)), None);
    }

    #[test]
    fn holds_grow_against_the_daily_average() {
        // 28 holds in 28 days is one a day: ten in a day is news, nine is not.
        assert!(holds_grew(10, 28));
        assert!(!holds_grew(9, 0));
        // 140 in 28 days is five a day: fifteen is three times that.
        assert!(holds_grew(15, 140));
        assert!(!holds_grew(14, 140));
    }

    proptest! {
        #[test]
        fn a_day_at_or_above_its_history_never_alerts(low in 1i64..=4, high in 1i64..=4, n in 0u64..100, m in 0u64..100) {
            let (day, history) = (low.max(high), low.min(high));
            prop_assert_eq!(sharp_drop(&tally(day, n), &tally(history, m)), None);
        }
    }
}
