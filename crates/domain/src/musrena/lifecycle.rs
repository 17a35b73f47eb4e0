//! A proposal's way from the forum to the budget, as a state machine:
//!
//! ```text
//! submitted → verified → prioritized → musrenbang (the forum's level) → … up to kabupaten
//!           → accepted into the annual plan (RKPD) → budgeted (APBD amount) → implemented (evidence)
//! any stage before implemented → rejected (reason required)
//! any stage before budgeted → returned (dikembalikan: to be handled elsewhere, e.g. by the
//!                                       village's own funds; text required)
//! any stage before implemented → cancelled (dibatalkan: withdrawn or dropped; text required)
//! ```
//!
//! Proposals from a village forum go to the village musrenbang first; from a district forum,
//! to the district's. Each step is recorded with its date, actor and reason; [`replay`]
//! checks a stored history from the start.

use serde::Serialize;
use time::Date;

use super::forum::Level;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum Stage {
    Submitted,
    /// Checked by the facilitator: complete, within the village's authority, not a duplicate.
    Verified,
    /// Ranked inside the forum.
    Prioritized,
    /// Carried into the musrenbang of this level.
    Musrenbang(Level),
    /// Accepted into the regency's annual plan (RKPD).
    AcceptedIntoPlan,
    /// Given money in the regional budget (APBD).
    Budgeted,
    /// Built or delivered, with evidence.
    Implemented,
    Rejected,
    /// Returned (dikembalikan) to be handled elsewhere, with the reason.
    Returned,
    /// Cancelled (dibatalkan), with the reason.
    Cancelled,
    /// Merged at the district into another proposal, which carries it on.
    Merged,
    /// Split at the district into other proposals, which carry it on.
    Split,
}

impl Stage {
    pub const ALL: [Stage; 14] = [
        Stage::Submitted,
        Stage::Verified,
        Stage::Prioritized,
        Stage::Musrenbang(Level::Desa),
        Stage::Musrenbang(Level::Kecamatan),
        Stage::Musrenbang(Level::Kabupaten),
        Stage::AcceptedIntoPlan,
        Stage::Budgeted,
        Stage::Implemented,
        Stage::Rejected,
        Stage::Returned,
        Stage::Cancelled,
        Stage::Merged,
        Stage::Split,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Stage::Submitted => "submitted",
            Stage::Verified => "verified",
            Stage::Prioritized => "prioritized",
            Stage::Musrenbang(Level::Desa) => "musrenbang_desa",
            Stage::Musrenbang(Level::Kecamatan) => "musrenbang_kecamatan",
            Stage::Musrenbang(Level::Kabupaten) => "musrenbang_kabupaten",
            Stage::AcceptedIntoPlan => "rkpd",
            Stage::Budgeted => "budgeted",
            Stage::Implemented => "implemented",
            Stage::Rejected => "rejected",
            Stage::Returned => "returned",
            Stage::Cancelled => "cancelled",
            Stage::Merged => "merged",
            Stage::Split => "split",
        }
    }

    pub fn from_code(code: &str) -> Option<Stage> {
        Stage::ALL.into_iter().find(|s| s.code() == code)
    }

    /// Nothing follows an implemented, rejected, returned or cancelled proposal.
    pub fn is_final(self) -> bool {
        matches!(
            self,
            Stage::Implemented
                | Stage::Rejected
                | Stage::Returned
                | Stage::Cancelled
                | Stage::Merged
                | Stage::Split
        )
    }

    /// Whether the proposal lives on in others (merged or split): statistics count those.
    pub fn is_superseded(self) -> bool {
        matches!(self, Stage::Merged | Stage::Split)
    }

    /// Whether the proposal ended without being built.
    pub fn is_stopped(self) -> bool {
        matches!(self, Stage::Rejected | Stage::Returned | Stage::Cancelled)
    }

    /// How far along the way a stage is (stopped: 0), for ordering and statistics.
    pub fn progress(self) -> u8 {
        match self {
            Stage::Rejected | Stage::Returned | Stage::Cancelled | Stage::Merged | Stage::Split => {
                0
            }
            Stage::Submitted => 1,
            Stage::Verified => 2,
            Stage::Prioritized => 3,
            Stage::Musrenbang(Level::Desa) => 4,
            Stage::Musrenbang(Level::Kecamatan) => 5,
            Stage::Musrenbang(Level::Kabupaten) => 6,
            Stage::AcceptedIntoPlan => 7,
            Stage::Budgeted => 8,
            Stage::Implemented => 9,
        }
    }

    /// Whether a proposal at this stage has reached `other` (a stopped or superseded one
    /// reaches nothing).
    pub fn has_reached(self, other: Stage) -> bool {
        !self.is_stopped() && !self.is_superseded() && self.progress() >= other.progress()
    }
}

/// What someone does to a proposal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    Verify,
    Prioritize,
    /// Into the musrenbang of the forum's level, or from one musrenbang to the next level up.
    Carry,
    AcceptIntoPlan,
    /// The amount in the regional budget, whole rupiah.
    Budget {
        amount: u64,
    },
    /// What shows it was done (a report number, photo reference, link).
    Implement {
        evidence: String,
    },
    Reject {
        reason: String,
    },
    Return {
        reason: String,
    },
    Cancel {
        reason: String,
    },
}

impl Action {
    pub fn code(&self) -> &'static str {
        match self {
            Action::Verify => "verify",
            Action::Prioritize => "prioritize",
            Action::Carry => "carry",
            Action::AcceptIntoPlan => "accept",
            Action::Budget { .. } => "budget",
            Action::Implement { .. } => "implement",
            Action::Reject { .. } => "reject",
            Action::Return { .. } => "return",
            Action::Cancel { .. } => "cancel",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TransitionError {
    #[error("a proposal at stage '{stage}' cannot be given '{action}'")]
    NotAllowed {
        stage: &'static str,
        action: &'static str,
    },
    #[error("the proposal is {0} and does not change any more")]
    Final(&'static str),
    #[error("a rejection needs a reason")]
    ReasonRequired,
    #[error("implementation needs evidence")]
    EvidenceRequired,
    #[error("the budgeted amount must be more than zero rupiah")]
    AmountRequired,
    #[error("the musrenbang kabupaten is the last level")]
    NoLevelAbove,
}

/// The stage after `action`, for a proposal from a forum of level `origin`.
pub fn next(stage: Stage, origin: Level, action: &Action) -> Result<Stage, TransitionError> {
    if stage.is_final() {
        return Err(TransitionError::Final(stage.code()));
    }
    let refused = || TransitionError::NotAllowed {
        stage: stage.code(),
        action: action.code(),
    };
    match (stage, action) {
        (_, Action::Reject { reason } | Action::Return { reason } | Action::Cancel { reason })
            if reason.trim().is_empty() =>
        {
            Err(TransitionError::ReasonRequired)
        }
        (_, Action::Reject { .. }) => Ok(Stage::Rejected),
        (_, Action::Cancel { .. }) => Ok(Stage::Cancelled),
        (stage, Action::Return { .. }) if !stage.has_reached(Stage::Budgeted) => {
            Ok(Stage::Returned)
        }
        (Stage::Submitted, Action::Verify) => Ok(Stage::Verified),
        (Stage::Verified, Action::Prioritize) => Ok(Stage::Prioritized),
        (Stage::Prioritized, Action::Carry) => Ok(Stage::Musrenbang(origin)),
        (Stage::Musrenbang(level), Action::Carry) => level
            .up()
            .map(Stage::Musrenbang)
            .ok_or(TransitionError::NoLevelAbove),
        (Stage::Musrenbang(Level::Kabupaten), Action::AcceptIntoPlan) => {
            Ok(Stage::AcceptedIntoPlan)
        }
        (Stage::AcceptedIntoPlan, Action::Budget { amount: 0 }) => {
            Err(TransitionError::AmountRequired)
        }
        (Stage::AcceptedIntoPlan, Action::Budget { .. }) => Ok(Stage::Budgeted),
        (Stage::Budgeted, Action::Implement { evidence }) if evidence.trim().is_empty() => {
            Err(TransitionError::EvidenceRequired)
        }
        (Stage::Budgeted, Action::Implement { .. }) => Ok(Stage::Implemented),
        _ => Err(refused()),
    }
}

/// One recorded step of a proposal's history.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    pub action: Action,
    pub on: Date,
    pub actor: String,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum HistoryError {
    #[error("step {index}: {error}")]
    Illegal {
        index: usize,
        error: TransitionError,
    },
    #[error("step {index} is dated before the step it follows")]
    OutOfOrder { index: usize },
    #[error("step {index} has no actor")]
    NoActor { index: usize },
}

/// The stage a history leads to from submission, checking every step: legal, dated in
/// order, with an actor.
pub fn replay(origin: Level, steps: &[Step]) -> Result<Stage, HistoryError> {
    let mut stage = Stage::Submitted;
    let mut last: Option<Date> = None;
    for (index, step) in steps.iter().enumerate() {
        if step.actor.trim().is_empty() {
            return Err(HistoryError::NoActor { index });
        }
        if last.is_some_and(|l| step.on < l) {
            return Err(HistoryError::OutOfOrder { index });
        }
        stage = next(stage, origin, &step.action)
            .map_err(|error| HistoryError::Illegal { index, error })?;
        last = Some(step.on);
    }
    Ok(stage)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use time::macros::date;

    fn reject() -> Action {
        Action::Reject {
            reason: "di luar kewenangan desa".into(),
        }
    }

    #[test]
    fn a_village_proposal_goes_all_the_way() {
        let mut stage = Stage::Submitted;
        let path = [
            (Action::Verify, Stage::Verified),
            (Action::Prioritize, Stage::Prioritized),
            (Action::Carry, Stage::Musrenbang(Level::Desa)),
            (Action::Carry, Stage::Musrenbang(Level::Kecamatan)),
            (Action::Carry, Stage::Musrenbang(Level::Kabupaten)),
            (Action::AcceptIntoPlan, Stage::AcceptedIntoPlan),
            (
                Action::Budget {
                    amount: 150_000_000,
                },
                Stage::Budgeted,
            ),
            (
                Action::Implement {
                    evidence: "BAST 027/2027".into(),
                },
                Stage::Implemented,
            ),
        ];
        for (action, expected) in path {
            stage = next(stage, Level::Desa, &action).unwrap();
            assert_eq!(stage, expected);
        }
        assert!(stage.is_final());
        assert_eq!(
            next(stage, Level::Desa, &reject()),
            Err(TransitionError::Final("implemented"))
        );
    }

    #[test]
    fn returned_and_cancelled_need_a_text_and_end_the_way() {
        let back = |reason: &str| Action::Return {
            reason: reason.into(),
        };
        let cancel = |reason: &str| Action::Cancel {
            reason: reason.into(),
        };
        assert_eq!(
            next(
                Stage::Musrenbang(Level::Kecamatan),
                Level::Desa,
                &back("Dibiayai Dana Desa")
            ),
            Ok(Stage::Returned)
        );
        assert_eq!(
            next(Stage::Verified, Level::Desa, &back(" ")),
            Err(TransitionError::ReasonRequired)
        );
        // Once budgeted, a proposal is no longer sent back; it can still be cancelled.
        assert!(matches!(
            next(Stage::Budgeted, Level::Desa, &back("x")),
            Err(TransitionError::NotAllowed { .. })
        ));
        assert_eq!(
            next(Stage::Budgeted, Level::Desa, &cancel("Refocusing anggaran")),
            Ok(Stage::Cancelled)
        );
        for stopped in [Stage::Returned, Stage::Cancelled] {
            assert!(stopped.is_final() && stopped.is_stopped());
            assert!(!stopped.has_reached(Stage::Submitted));
            assert_eq!(Stage::from_code(stopped.code()), Some(stopped));
        }
    }

    #[test]
    fn a_district_forum_starts_at_the_district_musrenbang() {
        assert_eq!(
            next(Stage::Prioritized, Level::Kecamatan, &Action::Carry),
            Ok(Stage::Musrenbang(Level::Kecamatan))
        );
        assert_eq!(
            next(
                Stage::Musrenbang(Level::Kabupaten),
                Level::Desa,
                &Action::Carry
            ),
            Err(TransitionError::NoLevelAbove)
        );
    }

    #[test]
    fn skipping_a_stage_or_rejecting_without_a_reason_is_refused() {
        assert!(matches!(
            next(Stage::Submitted, Level::Desa, &Action::Carry),
            Err(TransitionError::NotAllowed { .. })
        ));
        assert!(matches!(
            next(
                Stage::Musrenbang(Level::Kecamatan),
                Level::Desa,
                &Action::AcceptIntoPlan
            ),
            Err(TransitionError::NotAllowed { .. })
        ));
        assert_eq!(
            next(
                Stage::Verified,
                Level::Desa,
                &Action::Reject {
                    reason: "  ".into()
                }
            ),
            Err(TransitionError::ReasonRequired)
        );
        assert_eq!(
            next(
                Stage::AcceptedIntoPlan,
                Level::Desa,
                &Action::Budget { amount: 0 }
            ),
            Err(TransitionError::AmountRequired)
        );
        assert_eq!(
            next(
                Stage::Budgeted,
                Level::Desa,
                &Action::Implement {
                    evidence: String::new()
                }
            ),
            Err(TransitionError::EvidenceRequired)
        );
        assert_eq!(
            next(Stage::Rejected, Level::Desa, &Action::Verify),
            Err(TransitionError::Final("rejected"))
        );
    }

    #[test]
    fn a_history_is_replayed_and_checked() {
        let step = |action, on| Step {
            action,
            on,
            actor: "fasilitator".into(),
        };
        let steps = vec![
            step(Action::Verify, date!(2026 - 01 - 10)),
            step(Action::Prioritize, date!(2026 - 01 - 10)),
            step(reject(), date!(2026 - 02 - 01)),
        ];
        assert_eq!(replay(Level::Desa, &steps), Ok(Stage::Rejected));
        let mut backwards = steps.clone();
        backwards[1].on = date!(2026 - 01 - 09);
        assert_eq!(
            replay(Level::Desa, &backwards),
            Err(HistoryError::OutOfOrder { index: 1 })
        );
        let mut anonymous = steps;
        anonymous[2].actor = " ".into();
        assert_eq!(
            replay(Level::Desa, &anonymous),
            Err(HistoryError::NoActor { index: 2 })
        );
    }

    #[test]
    fn codes_round_trip_and_progress_orders_stages() {
        for stage in Stage::ALL {
            assert_eq!(Stage::from_code(stage.code()), Some(stage));
        }
        assert!(Stage::Budgeted.has_reached(Stage::AcceptedIntoPlan));
        assert!(!Stage::Rejected.has_reached(Stage::Submitted));
        assert!(!Stage::Verified.has_reached(Stage::Budgeted));
    }

    fn any_action() -> impl Strategy<Value = Action> {
        prop_oneof![
            Just(Action::Verify),
            Just(Action::Prioritize),
            Just(Action::Carry),
            Just(Action::AcceptIntoPlan),
            (0u64..3).prop_map(|amount| Action::Budget { amount }),
            prop_oneof![Just(""), Just("foto")]
                .prop_map(|e| Action::Implement { evidence: e.into() }),
            prop_oneof![Just(""), Just("alasan")].prop_map(|r| Action::Reject { reason: r.into() }),
        ]
    }

    fn any_level() -> impl Strategy<Value = Level> {
        prop_oneof![
            Just(Level::Desa),
            Just(Level::Kecamatan),
            Just(Level::Kabupaten)
        ]
    }

    proptest! {
        /// Whatever is attempted, a proposal only ever moves forward one legal step, or to
        /// rejected with a reason, and never leaves a final stage.
        #[test]
        fn only_legal_steps_are_taken(origin in any_level(), actions in proptest::collection::vec(any_action(), 0..30)) {
            let mut stage = Stage::Submitted;
            for action in &actions {
                let Ok(after) = next(stage, origin, action) else {
                    continue;
                };
                prop_assert!(!stage.is_final());
                if after == Stage::Rejected {
                    let with_reason = matches!(action, Action::Reject { reason } if !reason.trim().is_empty());
                    prop_assert!(with_reason);
                } else {
                    prop_assert!(after.progress() > stage.progress());
                    // One stage at a time, except that a forum above the village starts at
                    // its own level's musrenbang.
                    let skipped = after.progress() - stage.progress();
                    let allowed = if stage == Stage::Prioritized { 1 + origin as u8 } else { 1 };
                    prop_assert_eq!(skipped, allowed);
                }
                stage = after;
            }
        }

        /// What `next` accepts one step at a time, `replay` accepts as a history.
        #[test]
        fn replay_agrees_with_next(origin in any_level(), actions in proptest::collection::vec(any_action(), 0..30)) {
            let mut stage = Stage::Submitted;
            let mut steps = Vec::new();
            for action in actions {
                if let Ok(after) = next(stage, origin, &action) {
                    stage = after;
                    steps.push(Step { action, on: date!(2026 - 03 - 01), actor: "x".into() });
                }
            }
            prop_assert_eq!(replay(origin, &steps), Ok(stage));
        }
    }
}
