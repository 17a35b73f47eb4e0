//! Accountability after the budget: a budgeted proposal gets dated progress entries (share
//! of the work done, rupiah spent so far, a note) until it is complete, like Decidim's
//! accountability module. Entries only move forward: a later date, no less work done, no
//! less spent, never more spent than budgeted. The entry at 100 % completes the proposal.

use serde::Serialize;
use time::Date;

use super::lifecycle::Stage;
use crate::tpp::inputs::parse_rupiah;

/// Longest note, in characters.
pub const MAX_NOTE_CHARS: usize = 1000;

/// What a form sent, before checking.
#[derive(Clone, Debug, Default)]
pub struct ProgressDraft {
    /// `YYYY-MM-DD`.
    pub on: String,
    /// Whole percent, 0–100 (`45` or `45%`).
    pub percent: String,
    /// Rupiah spent so far, as typed.
    pub spent: String,
    pub note: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Progress {
    pub on: Date,
    pub percent: u8,
    /// Whole rupiah spent so far (cumulative).
    pub spent: u64,
    pub note: String,
}

impl Progress {
    /// Whether this entry completes the proposal.
    pub fn completes(&self) -> bool {
        self.percent == 100
    }
}

/// One field's problem (English; pages translate by `field` and `problem`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ProgressProblem {
    pub field: &'static str,
    pub problem: &'static str,
}

/// Checks every field and lists every problem; `today` bounds the date.
pub fn validate(draft: &ProgressDraft, today: Date) -> Result<Progress, Vec<ProgressProblem>> {
    let mut problems = Vec::new();
    let mut problem = |field, problem| problems.push(ProgressProblem { field, problem });
    let on = match Date::parse(
        draft.on.trim(),
        time::macros::format_description!("[year]-[month]-[day]"),
    ) {
        Ok(d) if d > today => {
            problem("on", "in_the_future");
            None
        }
        Ok(d) => Some(d),
        Err(_) => {
            problem(
                "on",
                if draft.on.trim().is_empty() {
                    "required"
                } else {
                    "not_a_date"
                },
            );
            None
        }
    };
    let percent = match draft
        .percent
        .trim()
        .trim_end_matches('%')
        .trim()
        .parse::<u8>()
    {
        Ok(p) if p <= 100 => Some(p),
        _ => {
            problem("percent", "not_a_percent");
            None
        }
    };
    let spent = match draft.spent.trim() {
        "" => Some(0),
        typed => parse_rupiah(typed).or_else(|| {
            problem("spent", "not_rupiah");
            None
        }),
    };
    let note = draft.note.trim();
    if note.is_empty() {
        problem("note", "required");
    } else if note.chars().count() > MAX_NOTE_CHARS {
        problem("note", "too_long");
    }
    match (on, percent, spent) {
        (Some(on), Some(percent), Some(spent)) if problems.is_empty() => Ok(Progress {
            on,
            percent,
            spent,
            note: note.to_string(),
        }),
        _ => Err(problems),
    }
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ProgressError {
    #[error("only a budgeted proposal gets progress entries")]
    NotBudgeted,
    #[error("the entry is dated before the budget ({0})")]
    BeforeBudget(Date),
    #[error("the entry is dated before the last one ({0})")]
    BeforeLast(Date),
    #[error("the work done cannot go down from {0} %")]
    LessDone(u8),
    #[error("the rupiah spent so far cannot go down from {0}")]
    LessSpent(u64),
    #[error("more is spent than the {0} rupiah budgeted")]
    OverBudget(u64),
}

/// Whether `next` may follow `previous` on a proposal at `stage`, budgeted `budget` rupiah on
/// `budgeted_on`.
pub fn check(
    stage: Stage,
    budget: u64,
    budgeted_on: Date,
    previous: &[Progress],
    next: &Progress,
) -> Result<(), ProgressError> {
    if stage != Stage::Budgeted {
        return Err(ProgressError::NotBudgeted);
    }
    if next.on < budgeted_on {
        return Err(ProgressError::BeforeBudget(budgeted_on));
    }
    if let Some(last) = previous.last() {
        if next.on < last.on {
            return Err(ProgressError::BeforeLast(last.on));
        }
        if next.percent < last.percent {
            return Err(ProgressError::LessDone(last.percent));
        }
        if next.spent < last.spent {
            return Err(ProgressError::LessSpent(last.spent));
        }
    }
    if next.spent > budget {
        return Err(ProgressError::OverBudget(budget));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    const TODAY: Date = date!(2026 - 11 - 25);

    fn draft(on: &str, percent: &str, spent: &str) -> ProgressDraft {
        ProgressDraft {
            on: on.into(),
            percent: percent.into(),
            spent: spent.into(),
            note: "Pondasi selesai".into(),
        }
    }

    #[test]
    fn an_entry_is_read_with_percent_and_rupiah_as_typed() {
        let p = validate(&draft("2026-06-01", "45 %", "Rp12.000.000"), TODAY).unwrap();
        assert_eq!((p.percent, p.spent), (45, 12_000_000));
        assert!(!p.completes());
        assert!(validate(&draft("2026-06-01", "100", ""), TODAY)
            .unwrap()
            .completes());
    }

    #[test]
    fn every_problem_is_listed() {
        let bad = ProgressDraft {
            note: " ".into(),
            ..draft("2026-12-01", "120", "dua juta")
        };
        let fields: Vec<(&str, &str)> = validate(&bad, TODAY)
            .unwrap_err()
            .iter()
            .map(|p| (p.field, p.problem))
            .collect();
        assert_eq!(
            fields,
            [
                ("on", "in_the_future"),
                ("percent", "not_a_percent"),
                ("spent", "not_rupiah"),
                ("note", "required")
            ]
        );
        assert_eq!(
            validate(&draft("", "-1", ""), TODAY).unwrap_err()[0].problem,
            "required"
        );
    }

    #[test]
    fn entries_only_move_forward_and_stay_within_the_budget() {
        let first = validate(&draft("2026-06-01", "40", "10000000"), TODAY).unwrap();
        let budgeted = date!(2026 - 03 - 01);
        let ok = |next: &Progress| {
            check(
                Stage::Budgeted,
                20_000_000,
                budgeted,
                std::slice::from_ref(&first),
                next,
            )
        };
        let next = |on, percent, spent| validate(&draft(on, percent, spent), TODAY).unwrap();
        assert_eq!(ok(&next("2026-07-01", "60", "15000000")), Ok(()));
        assert_eq!(ok(&next("2026-06-01", "40", "10000000")), Ok(()));
        assert_eq!(
            ok(&next("2026-05-01", "60", "15000000")),
            Err(ProgressError::BeforeLast(first.on))
        );
        assert_eq!(
            ok(&next("2026-07-01", "30", "15000000")),
            Err(ProgressError::LessDone(40))
        );
        assert_eq!(
            ok(&next("2026-07-01", "60", "9000000")),
            Err(ProgressError::LessSpent(10_000_000))
        );
        assert_eq!(
            ok(&next("2026-07-01", "60", "20000001")),
            Err(ProgressError::OverBudget(20_000_000))
        );
        assert_eq!(
            check(
                Stage::Budgeted,
                1,
                budgeted,
                &[],
                &next("2026-02-01", "0", "")
            ),
            Err(ProgressError::BeforeBudget(budgeted))
        );
        for stage in [Stage::AcceptedIntoPlan, Stage::Implemented, Stage::Rejected] {
            assert_eq!(
                check(stage, 1, budgeted, &[], &first),
                Err(ProgressError::NotBudgeted)
            );
        }
    }

    proptest::proptest! {
        /// Any sequence the check accepts never goes back in date, work or money.
        #[test]
        fn accepted_sequences_are_monotone(steps in proptest::collection::vec((0i64..400, 0u8..=100, 0u64..30_000_000), 1..12)) {
            let start = date!(2026 - 01 - 01);
            let mut kept: Vec<Progress> = Vec::new();
            for (days, percent, spent) in steps {
                let next = Progress { on: start + time::Duration::days(days), percent, spent, note: "x".into() };
                if check(Stage::Budgeted, 25_000_000, start, &kept, &next).is_ok() {
                    kept.push(next);
                }
            }
            for pair in kept.windows(2) {
                proptest::prop_assert!(pair[0].on <= pair[1].on && pair[0].percent <= pair[1].percent && pair[0].spent <= pair[1].spent);
            }
            proptest::prop_assert!(kept.iter().all(|p| p.spent <= 25_000_000));
        }
    }
}
