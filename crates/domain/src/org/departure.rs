//! An officer leaving the regency's service (retirement, death, transfer out, dismissal,
//! unpaid leave):
//! their assignment ends on their last working day, so from the next day nobody can name
//! them in an answer and no payroll whose month ends later pays them. Nothing is deleted:
//! their history, their answers and past runs stay as they were.

use std::collections::BTreeSet;

use time::{Date, Duration};

use crate::period::Month;

/// Why an officer leaves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DepartureReason {
    /// Pensiun (batas usia pensiun or early retirement).
    Retired,
    /// Meninggal dunia.
    Died,
    /// Pindah ke luar daerah (to another regency, the province or a ministry).
    TransferredOut,
    /// Diberhentikan.
    Dismissed,
    /// Cuti di luar tanggungan negara: no pay while it lasts; the officer comes back with a
    /// new start date.
    UnpaidLeave,
    Other,
}

impl DepartureReason {
    pub const ALL: [DepartureReason; 6] = [
        DepartureReason::Retired,
        DepartureReason::Died,
        DepartureReason::TransferredOut,
        DepartureReason::Dismissed,
        DepartureReason::UnpaidLeave,
        DepartureReason::Other,
    ];

    /// A stable code for forms and the audit log.
    pub fn code(self) -> &'static str {
        match self {
            DepartureReason::Retired => "retired",
            DepartureReason::Died => "died",
            DepartureReason::TransferredOut => "transferred_out",
            DepartureReason::Dismissed => "dismissed",
            DepartureReason::UnpaidLeave => "unpaid_leave",
            DepartureReason::Other => "other",
        }
    }

    pub fn from_code(code: &str) -> Option<DepartureReason> {
        DepartureReason::ALL.into_iter().find(|r| r.code() == code)
    }

    /// A personnel list's STATUS cell, as BKPSDM writes it: `Ok(None)` for an officer at
    /// work (blank, "aktif", "PNS", "CPNS", "PPPK"), `Ok(Some(_))` for one who left, and
    /// `Err(())` for a word not known, which the import names rather than guesses.
    #[allow(clippy::result_unit_err)]
    pub fn from_status(status: &str) -> Result<Option<DepartureReason>, ()> {
        let folded: String = status
            .to_lowercase()
            .replace('.', "")
            .replace(['/', '-', '_', '(', ')', ','], " ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        Ok(Some(match folded.as_str() {
            "" | "aktif" | "active" | "pns" | "cpns" | "pppk" | "bekerja" => return Ok(None),
            "pensiun" | "purna tugas" | "purnabakti" | "retired" => DepartureReason::Retired,
            "meninggal" | "meninggal dunia" | "wafat" | "died" => DepartureReason::Died,
            "mutasi keluar" | "pindah keluar" | "pindah ke luar daerah" | "transferred out" => {
                DepartureReason::TransferredOut
            }
            "diberhentikan" | "pemberhentian" | "dismissed" => DepartureReason::Dismissed,
            "cltn"
            | "cuti di luar tanggungan"
            | "cuti di luar tanggungan negara"
            | "unpaid leave" => DepartureReason::UnpaidLeave,
            "lainnya" | "other" => DepartureReason::Other,
            other => {
                return DepartureReason::from_code(&other.replace(' ', "_"))
                    .map(Some)
                    .ok_or(())
            }
        }))
    }
}

/// A checked departure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Departure {
    pub last_day: Date,
    pub reason: DepartureReason,
}

/// What is wrong with a departure as typed: the field and a problem code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DepartureProblem {
    pub field: &'static str,
    pub problem: &'static str,
}

/// A retirement is known well ahead (batas usia pensiun) and may be recorded up to a year
/// before it; further ahead is more likely a typing slip.
const AHEAD_DAYS: i64 = 366;

/// Checks a departure typed on the form (`last_day` as `YYYY-MM-DD`, the form's date
/// field) against the start of the officer's current assignment, today, and the months whose
/// TPP is approved or locked (`paid`): like a move, a departure never reaches back into them.
pub fn check(
    last_day: &str,
    reason: &str,
    assigned_from: Date,
    today: Date,
    paid: &BTreeSet<Month>,
) -> Result<Departure, Vec<DepartureProblem>> {
    let mut problems = Vec::new();
    let mut problem = |field, problem| problems.push(DepartureProblem { field, problem });
    let day = match Date::parse(
        last_day.trim(),
        time::macros::format_description!("[year]-[month]-[day]"),
    ) {
        Ok(day) => match check_day(day, assigned_from, today) {
            Ok(day) if paid.range(Month::of(day)..).next().is_some() => {
                problem("last_day", "paid_month");
                None
            }
            Ok(day) => Some(day),
            Err(code) => {
                problem("last_day", code);
                None
            }
        },
        Err(_) if last_day.trim().is_empty() => {
            problem("last_day", "required");
            None
        }
        Err(_) => {
            problem("last_day", "not_a_date");
            None
        }
    };
    let reason = match DepartureReason::from_code(reason.trim()) {
        Some(reason) => Some(reason),
        None => {
            problem("reason", "required");
            None
        }
    };
    match (day, reason) {
        (Some(last_day), Some(reason)) if problems.is_empty() => Ok(Departure { last_day, reason }),
        _ => Err(problems),
    }
}

/// A last working day within the assignment and at most a year ahead; the problem code
/// otherwise.
pub fn check_day(day: Date, assigned_from: Date, today: Date) -> Result<Date, &'static str> {
    if day < assigned_from {
        Err("before_assignment")
    } else if day > today + Duration::days(AHEAD_DAYS) {
        Err("too_far_ahead")
    } else {
        Ok(day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    const TODAY: Date = date!(2026 - 12 - 03);
    const FROM: Date = date!(2024 - 01 - 02);

    fn problems(day: &str, reason: &str) -> Vec<(&'static str, &'static str)> {
        check(day, reason, FROM, TODAY, &BTreeSet::new())
            .err()
            .unwrap_or_default()
            .iter()
            .map(|p| (p.field, p.problem))
            .collect()
    }

    #[test]
    fn a_departure_needs_a_day_within_the_assignment_and_a_reason() {
        assert_eq!(
            check("2026-11-30", "retired", FROM, TODAY, &BTreeSet::new()),
            Ok(Departure {
                last_day: date!(2026 - 11 - 30),
                reason: DepartureReason::Retired
            })
        );
        // A retirement recorded ahead, and one recorded late: both fine.
        let none = BTreeSet::new();
        assert!(check("2027-06-30", "retired", FROM, TODAY, &none).is_ok());
        assert!(check("2024-01-02", "died", FROM, TODAY, &none).is_ok());
        assert_eq!(
            problems("", ""),
            [("last_day", "required"), ("reason", "required")]
        );
        assert_eq!(problems("30/11/2026", "died"), [("last_day", "not_a_date")]);
        assert_eq!(
            problems("2023-12-31", "died"),
            [("last_day", "before_assignment")]
        );
        assert_eq!(
            problems("2028-01-01", "retired"),
            [("last_day", "too_far_ahead")]
        );
        assert_eq!(problems("2026-11-30", "fired"), [("reason", "required")]);
        // November is locked: its last day, or any before it, would rewrite whom it paid.
        let paid: BTreeSet<Month> = ["2026-10".parse().unwrap(), "2026-11".parse().unwrap()].into();
        for day in ["2026-11-30", "2026-10-15"] {
            let refused = check(day, "retired", FROM, TODAY, &paid).unwrap_err();
            assert_eq!(refused[0].problem, "paid_month", "{day}");
        }
        assert!(check("2026-12-01", "retired", FROM, TODAY, &paid).is_ok());
    }

    #[test]
    fn a_status_cell_reads_as_at_work_a_reason_or_unknown() {
        for at_work in ["", "Aktif", "PNS", " cpns ", "PPPK"] {
            assert_eq!(DepartureReason::from_status(at_work), Ok(None), "{at_work}");
        }
        assert_eq!(
            DepartureReason::from_status("PENSIUN"),
            Ok(Some(DepartureReason::Retired))
        );
        assert_eq!(
            DepartureReason::from_status("Meninggal Dunia"),
            Ok(Some(DepartureReason::Died))
        );
        assert_eq!(
            DepartureReason::from_status("Mutasi Keluar"),
            Ok(Some(DepartureReason::TransferredOut))
        );
        assert_eq!(
            DepartureReason::from_status("C.L.T.N."),
            Ok(Some(DepartureReason::UnpaidLeave))
        );
        assert_eq!(
            DepartureReason::from_status("transferred_out"),
            Ok(Some(DepartureReason::TransferredOut))
        );
        assert_eq!(DepartureReason::from_status("Tugas belajar"), Err(()));
        for reason in DepartureReason::ALL {
            assert_eq!(
                DepartureReason::from_status(reason.code()),
                Ok(Some(reason))
            );
        }
    }

    #[test]
    fn reasons_round_trip_through_their_codes() {
        for reason in DepartureReason::ALL {
            assert_eq!(DepartureReason::from_code(reason.code()), Some(reason));
        }
    }
}
