//! What a payroll run's audit history says it is: replaying the run's audit entries (each a
//! link of the signed audit chain) gives the state, digest and total the run must have now,
//! so a run whose row was edited behind the application's back (set back to draft, its
//! total changed) shows, and a locked run recomputed in place cannot pass.

use super::payroll::RunState;

/// One audit entry of a run, in the order written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RunEvent {
    /// Computed (or recomputed while in draft or reviewed): the run is in draft with these.
    Computed {
        policy_version: String,
        input_digest: String,
        total: u64,
    },
    /// Moved on to a state.
    Moved(RunState),
}

/// What the history says the run is now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RunRecord {
    pub state: RunState,
    pub policy_version: String,
    pub input_digest: String,
    pub total: u64,
}

/// Why a history is not one the application writes.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum HistoryError {
    #[error("the audit chain holds no computation of it")]
    NeverComputed,
    #[error("the audit chain shows it computed again after it was {0}")]
    RecomputedWhen(&'static str),
    #[error("the audit chain moves it from {from} to {to}, which the application never does")]
    BadMove {
        from: &'static str,
        to: &'static str,
    },
}

/// Replays a run's events: a run is computed, may be recomputed while in draft or reviewed,
/// and moves one state at a time to locked, or from draft or reviewed to discarded; after
/// either nothing changes it.
pub fn replay(events: &[RunEvent]) -> Result<RunRecord, HistoryError> {
    let mut record: Option<RunRecord> = None;
    for event in events {
        match (event, record.as_mut()) {
            (
                RunEvent::Computed {
                    policy_version,
                    input_digest,
                    total,
                },
                current,
            ) => {
                if let Some(current) = current {
                    if !matches!(current.state, RunState::Draft | RunState::Reviewed) {
                        return Err(HistoryError::RecomputedWhen(current.state.code()));
                    }
                }
                record = Some(RunRecord {
                    state: RunState::Draft,
                    policy_version: policy_version.clone(),
                    input_digest: input_digest.clone(),
                    total: *total,
                });
            }
            (RunEvent::Moved(_), None) => return Err(HistoryError::NeverComputed),
            (RunEvent::Moved(to), Some(current)) => {
                let allowed = if *to == RunState::Discarded {
                    current.state.may_discard()
                } else {
                    current.state.next() == Some(*to)
                };
                if !allowed {
                    return Err(HistoryError::BadMove {
                        from: current.state.code(),
                        to: to.code(),
                    });
                }
                current.state = *to;
            }
        }
    }
    record.ok_or(HistoryError::NeverComputed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn computed(total: u64) -> RunEvent {
        RunEvent::Computed {
            policy_version: "2026".into(),
            input_digest: format!("d{total}"),
            total,
        }
    }

    #[test]
    fn a_run_is_what_its_last_computation_and_moves_say() {
        use RunState::*;
        let record = replay(&[computed(1), computed(2), RunEvent::Moved(Reviewed)]).unwrap();
        assert_eq!((record.state, record.total), (Reviewed, 2));
        let locked = [
            computed(2),
            RunEvent::Moved(Reviewed),
            RunEvent::Moved(Approved),
            RunEvent::Moved(Locked),
        ];
        assert_eq!(replay(&locked).unwrap().state, Locked);
        // Set back to draft behind the application's back, then computed again in place.
        let mut forged = locked.to_vec();
        forged.push(computed(3));
        assert_eq!(replay(&forged), Err(HistoryError::RecomputedWhen("locked")));
        assert_eq!(replay(&[]), Err(HistoryError::NeverComputed));
        assert_eq!(
            replay(&[computed(1), RunEvent::Moved(Locked)]),
            Err(HistoryError::BadMove {
                from: "draft",
                to: "locked"
            })
        );
    }

    #[test]
    fn a_draft_or_reviewed_run_may_be_discarded_and_then_nothing_changes_it() {
        use RunState::*;
        let discarded = [
            computed(1),
            RunEvent::Moved(Reviewed),
            RunEvent::Moved(Discarded),
        ];
        assert_eq!(replay(&discarded).unwrap().state, Discarded);
        assert_eq!(
            replay(&[computed(1), RunEvent::Moved(Discarded)])
                .unwrap()
                .state,
            Discarded
        );
        let mut again = discarded.to_vec();
        again.push(computed(2));
        assert_eq!(
            replay(&again),
            Err(HistoryError::RecomputedWhen("discarded"))
        );
        let approved = [
            computed(1),
            RunEvent::Moved(Reviewed),
            RunEvent::Moved(Approved),
            RunEvent::Moved(Discarded),
        ];
        assert!(matches!(
            replay(&approved),
            Err(HistoryError::BadMove { .. })
        ));
    }

    proptest! {
        #[test]
        fn nothing_follows_a_lock(extra in prop::collection::vec(0u8..6, 1..6)) {
            let mut events = vec![
                computed(1),
                RunEvent::Moved(RunState::Reviewed),
                RunEvent::Moved(RunState::Approved),
                RunEvent::Moved(RunState::Locked),
            ];
            events.extend(extra.iter().map(|e| match e {
                0 => computed(9),
                n => RunEvent::Moved(RunState::ALL[usize::from(*n) - 1]),
            }));
            prop_assert!(replay(&events).is_err());
        }
    }
}
