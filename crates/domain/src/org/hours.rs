//! A unit's weekly service hours, written the way offices post them on the door:
//! `Sen-Kam 07:30-16:00; Jum 07:30-11:00` (Indonesian or English day names, several time
//! ranges per day separated by commas). The anomaly rules use them to hold responses given
//! outside the hours a service can have taken place.

use std::fmt;
use std::str::FromStr;

use time::PrimitiveDateTime;

const DAY_NAMES: [(&str, &str); 7] = [
    ("Sen", "Mon"),
    ("Sel", "Tue"),
    ("Rab", "Wed"),
    ("Kam", "Thu"),
    ("Jum", "Fri"),
    ("Sab", "Sat"),
    ("Min", "Sun"),
];
const MINUTES_PER_DAY: i32 = 24 * 60;

/// Opening ranges per weekday (Monday first), in minutes since midnight, end exclusive.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct ServiceHours {
    days: [Vec<(u16, u16)>; 7],
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum HoursError {
    #[error("'{0}' is not a day (use Sen, Sel, Rab, Kam, Jum, Sab, Min or Mon…Sun)")]
    Day(String),
    #[error("'{0}' is not a time range like 07:30-16:00")]
    Range(String),
    #[error("'{0}' must start before it ends")]
    Backwards(String),
    #[error("'{0}' gives the same day twice")]
    Repeated(String),
    #[error("'{0}' needs days and times, like 'Sen-Jum 08:00-16:00'")]
    Part(String),
}

fn day_index(name: &str) -> Option<usize> {
    let name = name.trim().to_ascii_lowercase();
    // "Senin", "Jumat", "monday": the first three letters decide.
    let prefix = name.get(..3)?;
    DAY_NAMES
        .iter()
        .position(|(id, en)| id.eq_ignore_ascii_case(prefix) || en.eq_ignore_ascii_case(prefix))
}

fn parse_time(text: &str) -> Option<u16> {
    let (h, m) = text.trim().split_once(['.', ':'])?;
    let (h, m): (u16, u16) = (h.parse().ok()?, m.parse().ok()?);
    let minutes = h.checked_mul(60)?.checked_add(m)?;
    (m < 60 && minutes <= 24 * 60).then_some(minutes)
}

fn parse_days(text: &str) -> Result<Vec<usize>, HoursError> {
    let mut days = Vec::new();
    for group in text.split(',') {
        let bad = || HoursError::Day(group.trim().to_string());
        match group.split_once('-') {
            Some((first, last)) => {
                let (first, last) = (
                    day_index(first).ok_or_else(bad)?,
                    day_index(last).ok_or_else(bad)?,
                );
                // "Sab-Sen" wraps over the week's end.
                let span = (last + 7 - first) % 7;
                days.extend((0..=span).map(|k| (first + k) % 7));
            }
            None => days.push(day_index(group).ok_or_else(bad)?),
        }
    }
    Ok(days)
}

impl FromStr for ServiceHours {
    type Err = HoursError;

    fn from_str(text: &str) -> Result<ServiceHours, HoursError> {
        let mut hours = ServiceHours::default();
        let mut given = [false; 7];
        for part in text.split(';').map(str::trim).filter(|p| !p.is_empty()) {
            // Days come first, up to the first digit.
            let split = part
                .find(|c: char| c.is_ascii_digit())
                .ok_or_else(|| HoursError::Part(part.to_string()))?;
            let (days, ranges) = part.split_at(split);
            if days.trim().is_empty() {
                return Err(HoursError::Part(part.to_string()));
            }
            let mut parsed = Vec::new();
            for range in ranges.split(',') {
                let bad = || HoursError::Range(range.trim().to_string());
                let (start, end) = range.split_once('-').ok_or_else(bad)?;
                let (start, end) = (
                    parse_time(start).ok_or_else(bad)?,
                    parse_time(end).ok_or_else(bad)?,
                );
                if start >= end {
                    return Err(HoursError::Backwards(range.trim().to_string()));
                }
                parsed.push((start, end));
            }
            parsed.sort_unstable();
            for day in parse_days(days)? {
                if std::mem::replace(&mut given[day], true) {
                    return Err(HoursError::Repeated(part.to_string()));
                }
                hours.days[day] = parsed.clone();
            }
        }
        Ok(hours)
    }
}

impl serde::Serialize for ServiceHours {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl fmt::Display for ServiceHours {
    /// The canonical form: consecutive days with the same hours grouped, Indonesian names.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts = Vec::new();
        let mut day = 0;
        while day < 7 {
            let ranges = &self.days[day];
            let mut last = day;
            while last + 1 < 7 && &self.days[last + 1] == ranges {
                last += 1;
            }
            if !ranges.is_empty() {
                let days = if last == day {
                    DAY_NAMES[day].0.to_string()
                } else {
                    format!("{}-{}", DAY_NAMES[day].0, DAY_NAMES[last].0)
                };
                let times: Vec<String> = ranges
                    .iter()
                    .map(|(s, e)| {
                        format!("{:02}:{:02}-{:02}:{:02}", s / 60, s % 60, e / 60, e % 60)
                    })
                    .collect();
                parts.push(format!("{days} {}", times.join(",")));
            }
            day = last + 1;
        }
        f.write_str(&parts.join("; "))
    }
}

/// How far outside the posted hours a moment may fall and still count as during service:
/// offices open a little early, and citizens answer on the way home.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Grace {
    pub before_minutes: u16,
    pub after_minutes: u16,
}

impl Default for Grace {
    fn default() -> Grace {
        Grace {
            before_minutes: 30,
            after_minutes: 180,
        }
    }
}

impl ServiceHours {
    /// Minutes open in a week.
    pub fn minutes_per_week(&self) -> u32 {
        self.days
            .iter()
            .flatten()
            .map(|&(start, end)| u32::from(end.saturating_sub(start)))
            .sum()
    }

    /// True when no day has hours (nothing to check against).
    pub fn is_empty(&self) -> bool {
        self.days.iter().all(Vec::is_empty)
    }

    /// Whether a local moment falls within the hours widened by the grace, including a
    /// grace that runs over midnight into the next or previous day.
    pub fn admits(&self, local: PrimitiveDateTime, grace: Grace) -> bool {
        let day = usize::from(local.weekday().number_days_from_monday());
        let minute = i32::from(local.hour()) * 60 + i32::from(local.minute());
        let (before, after) = (
            i32::from(grace.before_minutes),
            i32::from(grace.after_minutes),
        );
        // The same day's ranges, yesterday's shifted back a day, tomorrow's forward.
        [
            (day, 0),
            ((day + 6) % 7, -MINUTES_PER_DAY),
            ((day + 1) % 7, MINUTES_PER_DAY),
        ]
        .into_iter()
        .flat_map(|(d, shift)| self.days[d].iter().map(move |&(s, e)| (s, e, shift)))
        .any(|(start, end, shift)| {
            let start = i32::from(start) + shift - before;
            let end = i32::from(end) + shift + after;
            (start..end).contains(&minute)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use time::macros::datetime;

    const OFFICE: &str = "Sen-Kam 07:30-16:00; Jum 07:30-11:00";

    #[test]
    fn office_hours_parse_and_print_canonically() {
        let hours: ServiceHours = OFFICE.parse().unwrap();
        assert_eq!(hours.to_string(), OFFICE);
        assert_eq!(hours.days[1], [(450, 960)], "Tuesday");
        assert_eq!(hours.days[4], [(450, 660)], "Friday");
        assert!(hours.days[6].is_empty(), "Sunday");
        let english: ServiceHours = "mon-thu 07.30-16.00; friday 7:30-11:00".parse().unwrap();
        assert_eq!(english, hours);
        let split: ServiceHours = "Senin, Rabu 08:00-12:00,13:00-15:00".parse().unwrap();
        assert_eq!(
            split.to_string(),
            "Sen 08:00-12:00,13:00-15:00; Rab 08:00-12:00,13:00-15:00"
        );
        let wrapping: ServiceHours = "Sab-Sen 00:00-24:00".parse().unwrap();
        assert_eq!(wrapping.to_string(), "Sen 00:00-24:00; Sab-Min 00:00-24:00");
        assert!("".parse::<ServiceHours>().unwrap().is_empty());
    }

    #[test]
    fn bad_hours_say_what_is_wrong() {
        let err = |s: &str| s.parse::<ServiceHours>().unwrap_err();
        assert_eq!(err("Xyz 08:00-10:00"), HoursError::Day("Xyz".into()));
        assert_eq!(err("Sen 08:00"), HoursError::Range("08:00".into()));
        assert_eq!(
            err("Sen 25:00-26:00"),
            HoursError::Range("25:00-26:00".into())
        );
        assert_eq!(
            err("Sen 16:00-08:00"),
            HoursError::Backwards("16:00-08:00".into())
        );
        assert_eq!(
            err("Sen-Jum 08:00-16:00; Jum 08:00-11:00"),
            HoursError::Repeated("Jum 08:00-11:00".into())
        );
        assert_eq!(err("08:00-16:00"), HoursError::Part("08:00-16:00".into()));
        assert_eq!(err("Senin"), HoursError::Part("Senin".into()));
    }

    #[test]
    fn grace_widens_the_hours_and_runs_over_midnight() {
        let hours: ServiceHours = OFFICE.parse().unwrap();
        let grace = Grace::default();
        // 2026-11-23 is a Monday.
        assert!(hours.admits(datetime!(2026-11-23 07:00), grace));
        assert!(!hours.admits(datetime!(2026-11-23 06:59), grace));
        assert!(hours.admits(datetime!(2026-11-23 18:59), grace));
        assert!(!hours.admits(datetime!(2026-11-23 19:00), grace));
        assert!(!hours.admits(datetime!(2026-11-22 10:00), grace), "Sunday");
        assert!(hours.admits(datetime!(2026-11-27 13:59), grace), "Friday");
        assert!(!hours.admits(datetime!(2026-11-27 14:00), grace));
        let late: ServiceHours = "Sab 20:00-23:00".parse().unwrap();
        assert!(
            late.admits(datetime!(2026-11-29 01:59), grace),
            "Sunday small hours"
        );
        assert!(!late.admits(datetime!(2026-11-29 02:00), grace));
        let early: ServiceHours = "Min 00:10-06:00".parse().unwrap();
        assert!(
            early.admits(datetime!(2026-11-28 23:45), grace),
            "Saturday night"
        );
        let none = Grace {
            before_minutes: 0,
            after_minutes: 0,
        };
        assert!(
            !hours.admits(datetime!(2026-11-23 16:00), none),
            "end is exclusive"
        );
    }

    proptest! {
        #[test]
        fn printing_then_parsing_gives_the_same_hours(
            days in proptest::collection::vec(proptest::option::of((0u16..1380, 1u16..60)), 7)
        ) {
            let mut hours = ServiceHours::default();
            for (day, range) in days.iter().enumerate() {
                if let Some((start, length)) = range {
                    hours.days[day] = vec![(*start, start + length)];
                }
            }
            prop_assert_eq!(hours.to_string().parse::<ServiceHours>().unwrap(), hours);
        }
    }
}
