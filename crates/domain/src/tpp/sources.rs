//! Sources: no one insider decides anyone's pay.
//!
//! Every on-site answer that pays came through a *source* run by staff: the tickets one
//! account issued at a unit, or the unit's kiosks. An insider who runs a source (a unit
//! administrator with a tablet, a counter account issuing tickets) can feed it answers at a
//! real counter's pace, on many days, and no rule about pace or spread tells them from
//! citizens. So each month the inspectorate *confirms* the sources it has checked (visited
//! the counter, compared the queue system's log); a confirmation covers the answers the
//! source had given by then: those recorded up to the latest response it saw (by the log's
//! order, not by the time an answer claims, so nothing recorded later slips under it).
//!
//! The rule, per officer: compute their TPP twice, from all the evidence and from the
//! confirmed evidence alone. When the two differ by more than the policy's
//! `unconfirmed_percent` of their base (1 % by default), the confirmed evidence decides and
//! the other amount is recorded as set aside; otherwise all of it counts. Any number of
//! unconfirmed sources together (one insider, or two of a unit acting together) can thus
//! move an officer's pay by at most that margin, up or down; a busy genuine counter counts
//! in full once confirmed, and an unconfirmed one that changes little counts at once.

use std::collections::HashMap;

use super::payroll::{explain_input, OfficerInput};
use super::policy::Policy;

/// What kind of source an answer came through.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SourceKind {
    /// Tickets issued by one account (or a queue system's key), named by it.
    Tickets { issuer: String },
    /// The unit's kiosks (an answer does not record which tablet sent it; each is approved
    /// by a second account, one per service point).
    Kiosks,
    /// Another channel a policy lets pay, by its code.
    Channel { code: String },
}

/// A source of pay evidence: a kind of source at one unit.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Source {
    pub unit_id: String,
    pub kind: SourceKind,
}

impl Source {
    /// A stable text naming the source, for records: `unit/tickets/issuer`, `unit/kiosks`,
    /// `unit/channel/code`.
    pub fn key(&self) -> String {
        match &self.kind {
            SourceKind::Tickets { issuer } => format!("{}/tickets/{issuer}", self.unit_id),
            SourceKind::Kiosks => format!("{}/kiosks", self.unit_id),
            SourceKind::Channel { code } => format!("{}/channel/{code}", self.unit_id),
        }
    }

    /// The source a key names.
    pub fn from_key(key: &str) -> Option<Source> {
        let (unit_id, rest) = key.split_once('/')?;
        let kind = match rest.split_once('/') {
            Some(("tickets", issuer)) if !issuer.is_empty() => SourceKind::Tickets {
                issuer: issuer.to_string(),
            },
            Some(("channel", code)) if !code.is_empty() => SourceKind::Channel {
                code: code.to_string(),
            },
            None if rest == "kiosks" => SourceKind::Kiosks,
            _ => return None,
        };
        (!unit_id.is_empty()).then(|| Source {
            unit_id: unit_id.to_string(),
            kind,
        })
    }
}

/// One paying answer and the source it came through.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sourced {
    pub response_id: i64,
    pub source: Source,
    pub received_at_us: i64,
}

/// The answers no confirmation covers: their source was never confirmed for the month, or
/// they were recorded after its latest confirmation. `confirmed` maps a source to the last
/// response its latest confirmation covers.
pub fn unconfirmed(answers: &[Sourced], confirmed: &HashMap<Source, i64>) -> Vec<i64> {
    answers
        .iter()
        .filter(|a| {
            confirmed
                .get(&a.source)
                .is_none_or(|&through| a.response_id > through)
        })
        .map(|a| a.response_id)
        .collect()
}

/// The officer's input the payroll uses: `all` (every source), unless the confirmed
/// evidence alone (`confirmed`) pays more than the policy's margin differently; then
/// `confirmed`, with what `all` would have paid recorded as set aside. A policy without the
/// rule, or an officer without a base, takes `all`.
pub fn settle(policy: &Policy, all: OfficerInput, confirmed: OfficerInput) -> OfficerInput {
    let Some(percent) = policy
        .evidence
        .as_ref()
        .and_then(|rule| rule.unconfirmed_percent)
    else {
        return all;
    };
    let Some(base) = all.base else {
        return all;
    };
    let amount = |input: &OfficerInput| explain_input(policy, input, base).ok().map(|e| e.amount);
    match (amount(&all), amount(&confirmed)) {
        (Some(with_all), Some(with_confirmed))
            if u128::from(with_all.abs_diff(with_confirmed)) * 100
                > u128::from(base) * u128::from(percent) =>
        {
            OfficerInput {
                set_aside: Some(with_all),
                ..confirmed
            }
        }
        _ => all,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decimal::Decimal;
    use crate::tpp::evidence::{Coverage, Spread};
    use crate::tpp::policy::OtherFactors;
    use crate::tpp::Rated;
    use proptest::prelude::*;

    /// `n` responses averaging `ikm`, with a spread as tight as all-equal answers give.
    fn rated(n: u64, ikm: i64) -> Rated {
        let q = u64::try_from(ikm).unwrap_or(0) * 2520 / 100;
        Rated {
            responses: n,
            ikm: Decimal::new(ikm, 0),
            spread: Spread {
                q_sum: q * n,
                q_sq: q * q * n,
            },
        }
    }

    fn input(officer: Option<Rated>, unit: Option<Rated>) -> OfficerInput {
        OfficerInput {
            nip: "198001012005011001".into(),
            unit_id: "puskesmas".into(),
            position_class: "7".into(),
            base: Some(4_000_000),
            officer,
            unit,
            others: OtherFactors::default(),
            public_facing: true,
            coverage: Coverage {
                days: Some(20),
                monthly_users: None,
            },
            set_aside: None,
            pay: None,
            previous_factor: None,
            led_units: Vec::new(),
            part: None,
        }
    }

    #[test]
    fn keys_name_sources_both_ways() {
        for kind in [
            SourceKind::Tickets {
                issuer: "loket-1".into(),
            },
            SourceKind::Kiosks,
            SourceKind::Channel { code: "web".into() },
        ] {
            let source = Source {
                unit_id: "dukcapil".into(),
                kind,
            };
            assert_eq!(Source::from_key(&source.key()), Some(source));
        }
        for bad in [
            "",
            "dukcapil",
            "dukcapil/tickets/",
            "/kiosks",
            "dukcapil/lain",
        ] {
            assert_eq!(Source::from_key(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_confirmation_covers_what_its_source_had_given_by_then() {
        let source = |unit: &str| Source {
            unit_id: unit.into(),
            kind: SourceKind::Kiosks,
        };
        let answers = [
            Sourced {
                response_id: 10,
                source: source("a"),
                received_at_us: 10,
            },
            // Recorded later, though it claims an earlier time: not covered.
            Sourced {
                response_id: 30,
                source: source("a"),
                received_at_us: 5,
            },
            Sourced {
                response_id: 5,
                source: source("b"),
                received_at_us: 5,
            },
        ];
        let confirmed = HashMap::from([(source("a"), 20)]);
        assert_eq!(unconfirmed(&answers, &confirmed), vec![30, 5]);
    }

    #[test]
    fn a_paced_insider_is_set_aside_and_a_small_difference_counts() {
        let policy = Policy::regency_default();
        // Genuine and confirmed: 200 answers at 85. An insider's unconfirmed 120 at 25 would
        // bring the officer and unit down to about 62.
        let confirmed = input(Some(rated(200, 85)), Some(rated(600, 85)));
        let all = input(Some(rated(320, 62)), Some(rated(720, 75)));
        let settled = settle(&policy, all.clone(), confirmed.clone());
        assert_eq!(settled.officer, confirmed.officer);
        assert_eq!(settled.set_aside.map(|a| a < 4_000_000), Some(true));
        // One unconfirmed answer among many moves nothing: it counts.
        let nearly = input(Some(rated(201, 85)), Some(rated(601, 85)));
        assert_eq!(settle(&policy, nearly.clone(), confirmed.clone()), nearly);
        // A policy saved before the rule counts everything.
        let mut older = policy.clone();
        if let Some(rule) = older.evidence.as_mut() {
            rule.unconfirmed_percent = None;
        }
        assert_eq!(settle(&older, all.clone(), confirmed), all);
    }

    proptest! {
        /// Whatever the unconfirmed evidence, the amount paid is within the policy's margin
        /// of what the confirmed evidence alone pays.
        #[test]
        fn unconfirmed_evidence_moves_pay_by_at_most_the_margin(
            n_confirmed in 0u64..400, ikm_confirmed in 25i64..=100,
            n_extra in 0u64..400, ikm_extra in 25i64..=100,
            unit_extra in 0u64..400,
        ) {
            let policy = Policy::regency_default();
            let blend = |n1: u64, i1: i64, n2: u64, i2: i64| {
                let n = n1 + n2;
                (n > 0).then(|| rated(n, (n1 as i64 * i1 + n2 as i64 * i2) / n as i64))
            };
            let confirmed = input(
                blend(n_confirmed, ikm_confirmed, 0, 0),
                blend(n_confirmed * 3, ikm_confirmed, 0, 0),
            );
            let all = input(
                blend(n_confirmed, ikm_confirmed, n_extra, ikm_extra),
                blend(n_confirmed * 3, ikm_confirmed, n_extra + unit_extra, ikm_extra),
            );
            let paid = |i: &OfficerInput| explain_input(&policy, i, 4_000_000).map(|e| e.amount).ok();
            let settled = settle(&policy, all, confirmed.clone());
            let (Some(paid), Some(defensible)) = (paid(&settled), paid(&confirmed)) else {
                return Err(TestCaseError::fail("no amount"));
            };
            prop_assert!(paid.abs_diff(defensible) * 100 <= 4_000_000);
        }
    }
}
