//! Innovation as a culture: an innovation's stages ([`Stage`]) and its measured effect on
//! citizens' satisfaction ([`effect`]), honestly, with an interval.

pub mod effect;
pub mod measure;
pub mod registry;

/// Where an innovation stands: an idea (gagasan), on trial (uji coba), in use (diterapkan),
/// copied by other units (direplikasi). Stages move forward one at a time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Stage {
    Idea,
    Trial,
    Implemented,
    Replicated,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("an innovation at stage '{from}' moves on to '{allowed}', not '{to}'")]
pub struct StageError {
    pub from: &'static str,
    pub to: &'static str,
    pub allowed: &'static str,
}

impl Stage {
    pub const ALL: [Stage; 4] = [
        Stage::Idea,
        Stage::Trial,
        Stage::Implemented,
        Stage::Replicated,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Stage::Idea => "idea",
            Stage::Trial => "trial",
            Stage::Implemented => "implemented",
            Stage::Replicated => "replicated",
        }
    }

    pub fn from_code(code: &str) -> Option<Stage> {
        Stage::ALL.into_iter().find(|s| s.code() == code)
    }

    /// The one stage that may follow; none after replication.
    pub fn next(self) -> Option<Stage> {
        match self {
            Stage::Idea => Some(Stage::Trial),
            Stage::Trial => Some(Stage::Implemented),
            Stage::Implemented => Some(Stage::Replicated),
            Stage::Replicated => None,
        }
    }

    /// Checks a move from this stage to `to`.
    pub fn advance(self, to: Stage) -> Result<Stage, StageError> {
        match self.next() {
            Some(next) if next == to => Ok(to),
            next => Err(StageError {
                from: self.code(),
                to: to.code(),
                allowed: next.map_or("none", Stage::code),
            }),
        }
    }
}

/// Whether `day` can be an innovation's stage or start day: from 2000 on, and at most a
/// year ahead of `today` (a start may be planned). Anything else is a typing slip, and would
/// have the measurement read every response ever stored.
pub fn plausible_day(day: time::Date, today: time::Date) -> bool {
    let earliest = time::Date::from_calendar_date(2000, time::Month::January, 1);
    earliest.is_ok_and(|e| day >= e) && day <= today.saturating_add(time::Duration::days(366))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_from_2000_to_a_year_ahead_are_plausible() {
        let today = time::macros::date!(2026 - 11 - 25);
        assert!(plausible_day(time::macros::date!(2026 - 06 - 01), today));
        assert!(plausible_day(time::macros::date!(2027 - 11 - 25), today));
        assert!(!plausible_day(time::macros::date!(2028 - 01 - 01), today));
        assert!(!plausible_day(time::macros::date!(1999 - 12 - 31), today));
        assert!(!plausible_day(time::Date::MIN, today));
        assert!(plausible_day(today, time::Date::MAX));
    }

    #[test]
    fn stages_move_forward_one_at_a_time() {
        assert_eq!(Stage::Idea.advance(Stage::Trial), Ok(Stage::Trial));
        assert!(Stage::Idea.advance(Stage::Implemented).is_err());
        assert!(Stage::Trial.advance(Stage::Idea).is_err());
        assert!(Stage::Replicated.advance(Stage::Replicated).is_err());
        for stage in Stage::ALL {
            assert_eq!(Stage::from_code(stage.code()), Some(stage));
            if let Some(next) = stage.next() {
                assert!(next > stage);
            }
        }
    }
}
