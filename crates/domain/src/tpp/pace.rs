//! Pace: on-site answers that no real service could have produced are no evidence for pay.
//!
//! An officer serves one citizen at a time, and nine questions take time to read. So, for
//! pay only (the published SKM still counts them), an answer naming an officer is left out
//! when
//! 1. it answers a ticket less than [`MIN_SECONDS_TO_ANSWER`] after the ticket was issued
//!    (someone answering the tickets as fast as they are printed), or
//! 2. its moment of service (a ticket's issue, a kiosk answer's arrival) comes less than
//!    [`MIN_SECONDS_BETWEEN_SERVICES`] after the officer's previous counted one (a script or
//!    a person tapping a kiosk or issuing tickets in a row).
//!
//! Everything the rule reads is in the signed record (a response's time, channel and
//! officer) or held to the signed audit chain (a ticket's issue time), so `suara verify`
//! and anyone replaying a run get the same answer. The result does not depend on the order
//! answers are given in.

use std::collections::BTreeMap;

/// Nine questions cannot honestly be read and answered faster than this after the ticket
/// was printed.
pub const MIN_SECONDS_TO_ANSWER: i64 = 60;

/// One officer cannot serve two citizens closer together than this.
pub const MIN_SECONDS_BETWEEN_SERVICES: i64 = 60;

/// One counted on-site answer naming an officer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OnSite {
    pub response_id: i64,
    pub officer: String,
    /// When the answer arrived.
    pub answered_at_us: i64,
    /// When its ticket was issued; `None` for a kiosk answer.
    pub ticket_issued_at_us: Option<i64>,
}

impl OnSite {
    /// When the service took place: the ticket's issue, or the kiosk answer's arrival.
    pub fn served_at_us(&self) -> i64 {
        self.ticket_issued_at_us.unwrap_or(self.answered_at_us)
    }
}

/// Why an answer is no evidence for pay.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LeftOut {
    AnsweredTooFast,
    ServedTooClose,
}

/// The answers left out of pay, by response id, in id order.
pub fn left_out(answers: &[OnSite]) -> Vec<(i64, LeftOut)> {
    let micros = |s: i64| s * 1_000_000;
    let mut out = Vec::new();
    let mut by_officer: BTreeMap<&str, Vec<&OnSite>> = BTreeMap::new();
    for answer in answers {
        if answer
            .ticket_issued_at_us
            .is_some_and(|issued| answer.answered_at_us - issued < micros(MIN_SECONDS_TO_ANSWER))
        {
            out.push((answer.response_id, LeftOut::AnsweredTooFast));
        } else {
            by_officer
                .entry(answer.officer.as_str())
                .or_default()
                .push(answer);
        }
    }
    for services in by_officer.values_mut() {
        services.sort_by_key(|a| (a.served_at_us(), a.response_id));
        let mut last: Option<i64> = None;
        for answer in services.iter() {
            match last {
                Some(at) if answer.served_at_us() - at < micros(MIN_SECONDS_BETWEEN_SERVICES) => {
                    out.push((answer.response_id, LeftOut::ServedTooClose));
                }
                _ => last = Some(answer.served_at_us()),
            }
        }
    }
    out.sort_unstable_by_key(|(id, _)| *id);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const S: i64 = 1_000_000;

    fn kiosk(id: i64, officer: &str, at_s: i64) -> OnSite {
        OnSite {
            response_id: id,
            officer: officer.into(),
            answered_at_us: at_s * S,
            ticket_issued_at_us: None,
        }
    }

    fn ticket(id: i64, officer: &str, issued_s: i64, answered_s: i64) -> OnSite {
        OnSite {
            response_id: id,
            officer: officer.into(),
            answered_at_us: answered_s * S,
            ticket_issued_at_us: Some(issued_s * S),
        }
    }

    #[test]
    fn a_counter_serving_one_citizen_every_few_minutes_counts_in_full() {
        // 400 citizens over a month, one every 4 to 9 minutes, each answering later.
        let mut issued = 0;
        let answers: Vec<OnSite> = (0..400)
            .map(|i| {
                issued += 240 + (i % 6) * 60;
                ticket(i, "198001", issued, issued + 600 + i)
            })
            .collect();
        assert!(left_out(&answers).is_empty());
    }

    #[test]
    fn tickets_answered_as_printed_and_kiosk_taps_in_a_row_are_left_out() {
        let mut answers: Vec<OnSite> = (0..30)
            .map(|i| ticket(i, "A", i * 20, i * 20 + 5))
            .collect();
        answers.extend((0..29).map(|i| kiosk(100 + i, "A", 10_000 + i * 15)));
        let out = left_out(&answers);
        assert_eq!(
            out.iter()
                .filter(|(_, why)| *why == LeftOut::AnsweredTooFast)
                .count(),
            30
        );
        // One tap a minute at most: 29 taps 15 s apart span 7 minutes, so 8 count.
        assert_eq!(
            out.iter()
                .filter(|(_, why)| *why == LeftOut::ServedTooClose)
                .count(),
            21
        );
    }

    #[test]
    fn two_officers_serving_at_once_do_not_crowd_each_other_out() {
        let answers = [
            kiosk(1, "A", 100),
            kiosk(2, "B", 101),
            ticket(3, "C", 100, 900),
        ];
        assert!(left_out(&answers).is_empty());
    }

    proptest! {
        #[test]
        fn counted_services_are_spaced_and_the_order_given_does_not_matter(
            raw in proptest::collection::vec((0u8..3, 0i64..5_000, 0i64..400, any::<bool>()), 0..60),
            seed in any::<u64>(),
        ) {
            let answers: Vec<OnSite> = raw
                .iter()
                .enumerate()
                .map(|(i, &(officer, served, wait, is_ticket))| {
                    let officer = ["A", "B", "C"][usize::from(officer)];
                    if is_ticket {
                        ticket(i as i64, officer, served, served + wait)
                    } else {
                        kiosk(i as i64, officer, served)
                    }
                })
                .collect();
            let out = left_out(&answers);
            let mut shuffled = answers.clone();
            let len = shuffled.len();
            if len > 1 {
                shuffled.rotate_left((seed as usize) % len);
            }
            prop_assert_eq!(&out, &left_out(&shuffled));
            let dropped: std::collections::HashSet<i64> = out.iter().map(|(id, _)| *id).collect();
            for officer in ["A", "B", "C"] {
                let mut kept: Vec<i64> = answers
                    .iter()
                    .filter(|a| a.officer == officer && !dropped.contains(&a.response_id))
                    .map(|a| {
                        prop_assert!(a.ticket_issued_at_us.is_none_or(|issued|
                            a.answered_at_us - issued >= MIN_SECONDS_TO_ANSWER * S));
                        Ok(a.served_at_us())
                    })
                    .collect::<Result<_, _>>()?;
                kept.sort_unstable();
                for pair in kept.windows(2) {
                    prop_assert!(pair[1] - pair[0] >= MIN_SECONDS_BETWEEN_SERVICES * S);
                }
            }
        }
    }
}
