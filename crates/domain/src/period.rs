//! Reporting periods: a month, quarter, semester or year, as a range of months.
//!
//! Aggregates are kept per month (in the tenant's local time), so every period is a
//! contiguous range of months `YYYY-MM`, which also sorts correctly as text.

use std::fmt;
use std::str::FromStr;

/// A calendar month.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    year: u16,
    month: u8,
}

impl Month {
    pub fn new(year: i32, month: u8) -> Option<Month> {
        let year = u16::try_from(year)
            .ok()
            .filter(|y| (1900..=9999).contains(y))?;
        (1..=12).contains(&month).then_some(Month { year, month })
    }

    pub fn year(self) -> i32 {
        i32::from(self.year)
    }

    pub fn month(self) -> u8 {
        self.month
    }

    /// Months from this one to `later`, counting both (0 when `later` is earlier).
    pub fn months_to(self, later: Month) -> u32 {
        let index = |m: Month| i64::from(m.year) * 12 + i64::from(m.month);
        u32::try_from(index(later) - index(self) + 1).unwrap_or(0)
    }

    /// The month's first calendar day.
    pub fn first_day(self) -> time::Date {
        let month = time::Month::try_from(self.month).unwrap_or(time::Month::January);
        time::Date::from_calendar_date(i32::from(self.year), month, 1).unwrap_or(time::Date::MIN)
    }

    /// The month's last calendar day.
    pub fn last_day(self) -> time::Date {
        let month = time::Month::try_from(self.month).unwrap_or(time::Month::December);
        let day = month.length(i32::from(self.year));
        time::Date::from_calendar_date(i32::from(self.year), month, day).unwrap_or(time::Date::MAX)
    }

    /// The month a date falls in.
    pub fn of(date: time::Date) -> Month {
        Month {
            year: u16::try_from(date.year().clamp(1900, 9999)).unwrap_or(1900),
            month: u8::from(date.month()),
        }
    }

    /// The month after (December 9999 stays).
    pub fn next(self) -> Month {
        if self.month == 12 && self.year >= 9999 {
            self
        } else if self.month == 12 {
            Month {
                year: self.year + 1,
                month: 1,
            }
        } else {
            Month {
                year: self.year,
                month: self.month + 1,
            }
        }
    }

    /// The month before, e.g. for trends (January 1900 stays).
    pub fn previous(self) -> Month {
        if self.month == 1 && self.year <= 1900 {
            self
        } else if self.month == 1 {
            Month {
                year: self.year - 1,
                month: 12,
            }
        } else {
            Month {
                year: self.year,
                month: self.month - 1,
            }
        }
    }
}

impl FromStr for Month {
    type Err = PeriodError;

    /// `YYYY-MM`.
    fn from_str(text: &str) -> Result<Month, PeriodError> {
        match text.parse::<Period>() {
            Ok(Period::Month(month)) => Ok(month),
            _ => Err(PeriodError(text.to_string())),
        }
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// A reporting period.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Period {
    Month(Month),
    /// Quarter 1–4.
    Quarter {
        year: i32,
        quarter: u8,
    },
    /// Semester 1–2.
    Semester {
        year: i32,
        semester: u8,
    },
    Year(i32),
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{0}' is not a period: use YYYY-MM, YYYY-Q1…Q4, YYYY-S1…S2 or YYYY")]
pub struct PeriodError(String);

impl Period {
    /// First and last month, inclusive.
    pub fn months(self) -> (Month, Month) {
        let span = |year: i32, first: u8, last: u8| {
            let m = |month| Month {
                year: year as u16,
                month,
            };
            (m(first), m(last))
        };
        match self {
            Period::Month(m) => (m, m),
            Period::Quarter { year, quarter } => span(year, quarter * 3 - 2, quarter * 3),
            Period::Semester { year, semester } => span(year, semester * 6 - 5, semester * 6),
            Period::Year(year) => span(year, 1, 12),
        }
    }

    /// The period of the same kind just before (a month, quarter, semester or year earlier).
    pub fn previous(self) -> Period {
        match self {
            Period::Month(m) => Period::Month(m.previous()),
            Period::Quarter { year, quarter: 1 } => Period::Quarter {
                year: year - 1,
                quarter: 4,
            },
            Period::Quarter { year, quarter } => Period::Quarter {
                year,
                quarter: quarter - 1,
            },
            Period::Semester { year, semester: 1 } => Period::Semester {
                year: year - 1,
                semester: 2,
            },
            Period::Semester { year, semester } => Period::Semester {
                year,
                semester: semester - 1,
            },
            Period::Year(year) => Period::Year(year - 1),
        }
    }

    /// `n` periods of this kind ending with this one, oldest first (for trends).
    pub fn trail(self, n: usize) -> Vec<Period> {
        let mut periods: Vec<Period> = std::iter::successors(Some(self), |p| Some(p.previous()))
            .take(n)
            .collect();
        periods.reverse();
        periods
    }

    /// The month, quarter, semester and year around a month, for period pickers.
    pub fn around(month: Month) -> [Period; 4] {
        let year = month.year();
        [
            Period::Month(month),
            Period::Quarter {
                year,
                quarter: month.month().div_ceil(3),
            },
            Period::Semester {
                year,
                semester: month.month().div_ceil(6),
            },
            Period::Year(year),
        ]
    }
}

impl FromStr for Period {
    type Err = PeriodError;

    fn from_str(text: &str) -> Result<Period, PeriodError> {
        let error = || PeriodError(text.to_string());
        let text = text.trim();
        let (year_text, rest) = match text.split_once('-') {
            Some((y, r)) => (y, Some(r)),
            None => (text, None),
        };
        if year_text.len() != 4 {
            return Err(error());
        }
        let year: i32 = year_text.parse().map_err(|_| error())?;
        Month::new(year, 1).ok_or_else(error)?;
        let number = |s: &str, max: u8| s.parse::<u8>().ok().filter(|n| (1..=max).contains(n));
        match rest {
            None => Ok(Period::Year(year)),
            Some(r) if r.len() == 2 && (r.starts_with('Q') || r.starts_with('q')) => {
                let quarter = number(&r[1..], 4).ok_or_else(error)?;
                Ok(Period::Quarter { year, quarter })
            }
            Some(r) if r.len() == 2 && (r.starts_with('S') || r.starts_with('s')) => {
                let semester = number(&r[1..], 2).ok_or_else(error)?;
                Ok(Period::Semester { year, semester })
            }
            Some(r) if r.len() == 2 => {
                let month = number(r, 12).ok_or_else(error)?;
                Ok(Period::Month(Month::new(year, month).ok_or_else(error)?))
            }
            Some(_) => Err(error()),
        }
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Period::Month(m) => write!(f, "{m}"),
            Period::Quarter { year, quarter } => write!(f, "{year:04}-Q{quarter}"),
            Period::Semester { year, semester } => write!(f, "{year:04}-S{semester}"),
            Period::Year(year) => write!(f, "{year:04}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trails_step_back_by_the_period_s_own_kind() {
        let p = |text: &str| text.parse::<Period>().unwrap();
        assert_eq!(
            p("2026-Q1").trail(3),
            [p("2025-Q3"), p("2025-Q4"), p("2026-Q1")]
        );
        assert_eq!(p("2026-S1").trail(2), [p("2025-S2"), p("2026-S1")]);
        assert_eq!(p("2026-01").trail(2), [p("2025-12"), p("2026-01")]);
        assert_eq!(p("2026").trail(3), [p("2024"), p("2025"), p("2026")]);
        assert_eq!(p("2026-07").trail(1), [p("2026-07")]);
    }

    #[test]
    fn month_counts_and_surroundings() {
        let m = |y, n| Month::new(y, n).unwrap();
        assert_eq!(m(2025, 12).months_to(m(2026, 11)), 12);
        assert_eq!(m(2026, 11).months_to(m(2026, 11)), 1);
        assert_eq!(m(2026, 11).months_to(m(2026, 10)), 0);
        assert_eq!("2026-11".parse::<Month>(), Ok(m(2026, 11)));
        assert!("2026-Q1".parse::<Month>().is_err());
        let around: Vec<String> = Period::around(m(2026, 11))
            .iter()
            .map(|p| p.to_string())
            .collect();
        assert_eq!(around, ["2026-11", "2026-Q4", "2026-S2", "2026"]);
        assert_eq!(m(2028, 2).last_day().to_string(), "2028-02-29");
        assert_eq!(m(2026, 12).last_day().to_string(), "2026-12-31");
        assert_eq!(m(2026, 10).first_day().to_string(), "2026-10-01");
    }

    fn months(text: &str) -> (String, String) {
        let (a, b) = text.parse::<Period>().unwrap().months();
        (a.to_string(), b.to_string())
    }

    #[test]
    fn parses_every_kind() {
        assert_eq!(months("2026-11"), ("2026-11".into(), "2026-11".into()));
        assert_eq!(months("2026-Q3"), ("2026-07".into(), "2026-09".into()));
        assert_eq!(months("2026-s2"), ("2026-07".into(), "2026-12".into()));
        assert_eq!(months("2026"), ("2026-01".into(), "2026-12".into()));
    }

    #[test]
    fn refuses_nonsense() {
        for bad in [
            "",
            "26-11",
            "2026-13",
            "2026-00",
            "2026-Q5",
            "2026-S3",
            "2026-1",
            "abcd",
            "2026-11-01",
        ] {
            assert!(bad.parse::<Period>().is_err(), "{bad}");
        }
    }

    #[test]
    fn displays_round_trip() {
        for text in ["2026-01", "2026-Q4", "2026-S1", "2026"] {
            assert_eq!(text.parse::<Period>().unwrap().to_string(), text);
        }
        assert_eq!(
            Month::new(2026, 1).unwrap().previous().to_string(),
            "2025-12"
        );
    }
}
