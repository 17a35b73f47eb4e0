//! When a unit's day deserves an e-mail to its admins: satisfaction that dropped sharply
//! against the unit's own history, or a quarantine that grew. Pure rules; the web layer
//! gathers the figures and sends.

use num_rational::BigRational;
use time::{Duration, OffsetDateTime, UtcOffset};

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

/// The two half-open periods a check at `now` judges, in the regency's calendar: the day
/// that ended last (`day`) and the [`HISTORY_DAYS`] days before it (`history`), which ends
/// exactly where the day begins, so no answer is in both.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Windows {
    pub day: (OffsetDateTime, OffsetDateTime),
    pub history: (OffsetDateTime, OffsetDateTime),
}

/// The periods judged by a check at `now` for a regency whose calendar runs at `offset`.
pub fn windows(now: OffsetDateTime, offset: UtcOffset) -> Windows {
    let today = now
        .to_offset(offset)
        .date()
        .midnight()
        .assume_offset(offset);
    let yesterday = today - Duration::days(1);
    Windows {
        day: (yesterday, today),
        history: (yesterday - Duration::days(HISTORY_DAYS as i64), yesterday),
    }
}

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

    const WIB: UtcOffset = match UtcOffset::from_hms(7, 0, 0) {
        Ok(offset) => offset,
        Err(_) => panic!("WIB"),
    };

    #[test]
    fn the_day_is_the_regency_calendar_day_that_ended_last() {
        use time::macros::datetime;
        // 00:30 WIB on 1 December is still 30 November in UTC: the day judged is 30 November
        // WIB, and its history is the 28 days to 2 November WIB.
        let w = windows(datetime!(2026-11-30 17:30 UTC), WIB);
        assert_eq!(
            w.day,
            (
                datetime!(2026-11-30 00:00 +7),
                datetime!(2026-12-01 00:00 +7)
            )
        );
        assert_eq!(
            w.history,
            (
                datetime!(2026-11-02 00:00 +7),
                datetime!(2026-11-30 00:00 +7)
            )
        );
        // 23:59 WIB on 31 December: the day is 30 December.
        let w = windows(datetime!(2026-12-31 16:59 UTC), WIB);
        assert_eq!(w.day.0, datetime!(2026-12-30 00:00 +7));
        // 00:00 WIB on 1 January 2027: the day is New Year's Eve, history crosses into December.
        let w = windows(datetime!(2026-12-31 17:00 UTC), WIB);
        assert_eq!(
            w.day,
            (
                datetime!(2026-12-31 00:00 +7),
                datetime!(2027-01-01 00:00 +7)
            )
        );
        assert_eq!(w.history.0, datetime!(2026-12-03 00:00 +7));
        // 1 March in a leap year reaches back through 29 February.
        let w = windows(datetime!(2028-03-01 12:00 +7), WIB);
        assert_eq!(w.day.0, datetime!(2028-02-29 00:00 +7));
        assert_eq!(w.history.0, datetime!(2028-02-01 00:00 +7));
    }

    proptest! {
        #[test]
        fn the_day_and_its_history_never_overlap(seconds in 0i64..4_102_444_800, minutes in -720i32..=840) {
            let offset = UtcOffset::from_whole_seconds(minutes * 60).unwrap();
            let now = OffsetDateTime::from_unix_timestamp(seconds).unwrap();
            let w = windows(now, offset);
            prop_assert_eq!(w.history.1, w.day.0);
            prop_assert_eq!(w.day.1 - w.day.0, Duration::days(1));
            prop_assert_eq!(w.history.1 - w.history.0, Duration::days(HISTORY_DAYS as i64));
            // The day ended at or before `now`, and less than a day before it.
            prop_assert!(w.day.1 <= now && now - w.day.1 < Duration::days(1));
        }

        #[test]
        fn a_day_at_or_above_its_history_never_alerts(low in 1i64..=4, high in 1i64..=4, n in 0u64..100, m in 0u64..100) {
            let (day, history) = (low.max(high), low.min(high));
            prop_assert_eq!(sharp_drop(&tally(day, n), &tally(history, m)), None);
        }
    }
}
