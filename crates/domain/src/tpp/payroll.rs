//! A month's TPP payroll: every officer's amount under one policy version, the total, a
//! digest of every input (so the same inputs are seen to give the same rupiah), the run's
//! review states, and what changed between two versions of a month's run.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use sha2::{Digest, Sha256};

use super::evidence::Coverage;
use super::policy::{OtherFactors, Policy};
use super::{explain, officer_score, Explanation, Rated};
use crate::decimal::Decimal;
use crate::org::PayDetails;
use crate::period::Month;

/// What the payroll knows of one officer for the month.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OfficerInput {
    pub nip: String,
    pub unit_id: String,
    pub position_class: String,
    /// Base TPP of the position class, whole rupiah; `None` when the class has none
    /// (the officer is then listed as unpaid).
    pub base: Option<u64>,
    /// Counted responses naming the officer (of the trust levels the policy counts).
    pub officer: Option<Rated>,
    /// Counted responses of the officer's unit.
    pub unit: Option<Rated>,
    pub others: OtherFactors,
    /// Officers who do not serve the public take their unit's score.
    pub public_facing: bool,
    /// Days and users of the unit whose responses decide (for the evidence rule).
    pub coverage: Coverage,
    /// When the evidence above leaves out unconfirmed sources that would have moved the
    /// amount by more than the policy allows: what they would have paid (see `sources`).
    pub set_aside: Option<u64>,
    /// Rank and where the pay goes, as they were when the run was computed, so a change
    /// after it reaches the bank only through a new computation (and its four eyes);
    /// `None` in runs stored before they were kept.
    pub pay: Option<PayDetails>,
    /// The factor paid the month before (the newest approved or locked run of that month),
    /// for the policy's monthly fall limit; `None` when none was paid.
    pub previous_factor: Option<Decimal>,
    /// The units whose evidence was added up as `unit`, when the policy judges a unit head
    /// who does not serve the public on the units they lead; empty otherwise.
    pub led_units: Vec<String>,
    /// Days assigned and days of the month, under a policy that pays part of a month
    /// (`part_month = "days"`) to an officer assigned on fewer than all of its days; `None`
    /// pays the whole month.
    pub part: Option<(u32, u32)>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PayrollRow {
    pub nip: String,
    pub unit_id: String,
    pub position_class: String,
    pub explanation: Explanation,
}

/// An officer the payroll could not compute, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unpaid {
    pub nip: String,
    pub reason: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Payroll {
    pub month: Month,
    pub policy_version: String,
    /// SHA-256 (hex) of the policy and every officer's inputs, in a canonical form.
    pub input_digest: String,
    /// By NIP.
    pub rows: Vec<PayrollRow>,
    pub unpaid: Vec<Unpaid>,
}

impl Payroll {
    pub fn total(&self) -> u64 {
        self.rows.iter().map(|r| r.explanation.amount).sum()
    }

    /// Totals per unit, by unit code.
    pub fn unit_totals(&self) -> BTreeMap<&str, u64> {
        let mut totals = BTreeMap::new();
        for row in &self.rows {
            *totals.entry(row.unit_id.as_str()).or_insert(0) += row.explanation.amount;
        }
        totals
    }
}

/// Four eyes: the account that approves a run is neither the one that computed it nor the
/// one that reviewed it (locking by the approver is fine).
pub fn may_approve(computed_by: &str, reviewed_by: Option<&str>, approver: &str) -> bool {
    approver != computed_by && reviewed_by != Some(approver)
}

/// The payroll of a month. Officers are taken in NIP order, whatever order they come in.
pub fn compute(month: Month, policy: &Policy, inputs: &[OfficerInput]) -> Payroll {
    let mut sorted: Vec<&OfficerInput> = inputs.iter().collect();
    sorted.sort_by(|a, b| a.nip.cmp(&b.nip));
    let mut rows = Vec::new();
    let mut unpaid = Vec::new();
    for input in &sorted {
        let Some(base) = input.base else {
            unpaid.push(Unpaid {
                nip: input.nip.clone(),
                reason: format!(
                    "no base TPP was imported for position class '{}'",
                    input.position_class
                ),
            });
            continue;
        };
        match explain_input(policy, input, base) {
            Ok(explanation) => rows.push(PayrollRow {
                nip: input.nip.clone(),
                unit_id: input.unit_id.clone(),
                position_class: input.position_class.clone(),
                explanation,
            }),
            Err(missing) => unpaid.push(Unpaid {
                nip: input.nip.clone(),
                reason: missing.to_string(),
            }),
        }
    }
    Payroll {
        month,
        policy_version: policy.version.clone(),
        input_digest: input_digest(month, policy, &sorted),
        rows,
        unpaid,
    }
}

/// One officer's TPP from their inputs and base.
pub(super) fn explain_input(
    policy: &Policy,
    input: &OfficerInput,
    base: u64,
) -> Result<Explanation, super::policy::MissingComponent> {
    let officer = input.officer.filter(|_| input.public_facing);
    let basis = officer_score(officer, input.unit, policy.blend_k);
    let explanation = explain(
        policy,
        basis,
        &input.coverage,
        &input.others,
        input.previous_factor,
        base,
    )?;
    Ok(match input.part {
        Some(part) => super::part_of_month(explanation, part),
        None => explanation,
    })
}

fn input_digest(month: Month, policy: &Policy, sorted: &[&OfficerInput]) -> String {
    // Under an evidence rule the spread decides amounts too, so it is digested; runs of
    // policies without the rule keep the digest they were made with.
    let with_spread = policy.evidence.is_some();
    let rated = |r: Option<Rated>| {
        r.map_or("-".to_string(), |r| {
            if with_spread {
                format!(
                    "{}@{}~{}~{}",
                    r.responses, r.ikm, r.spread.q_sum, r.spread.q_sq
                )
            } else {
                format!("{}@{}", r.responses, r.ikm)
            }
        })
    };
    let factor = |f: Option<Decimal>| f.map_or("-".to_string(), |f| f.to_string());
    let mut text = format!("suara-tpp-inputs-v1\nmonth {month}\n{}\n", policy.to_toml());
    for i in sorted {
        // Runs stored before days were recorded keep the line they were digested with.
        let coverage = match i.coverage {
            Coverage { days: None, .. } => String::new(),
            Coverage {
                days: Some(days),
                monthly_users,
            } => format!(
                "|{days}d|{}u",
                monthly_users.map_or("-".to_string(), |u| u.to_string())
            ),
        };
        // Written only when evidence was set aside, or pay details were kept, so earlier
        // runs keep their digest.
        let set_aside = i
            .set_aside
            .map_or(String::new(), |amount| format!("|set-aside {amount}"));
        // Quoted, so no character can move from one field to the next unseen.
        let pay = i.pay.as_ref().map_or(String::new(), |p| {
            format!("|pay {:?}", (&p.rank, &p.npwp, &p.bank, &p.account_number))
        });
        // Only under a fall limit does last month's factor decide anything.
        let previous = match policy.max_monthly_fall {
            Some(_) => format!("|prev {}", factor(i.previous_factor)),
            None => String::new(),
        };
        // Written only for a head judged on the units they lead, so earlier runs keep theirs.
        let led = if i.led_units.is_empty() {
            String::new()
        } else {
            format!("|led {:?}", i.led_units)
        };
        // Written only for part of a month, likewise.
        let part = i
            .part
            .map_or(String::new(), |(days, of)| format!("|part {days}/{of}"));
        let _ = writeln!(
            text,
            "{}|{}|{}|{}|{}|{}|{}|{}|{}{coverage}{set_aside}{pay}{previous}{led}{part}",
            i.nip,
            i.unit_id,
            i.position_class,
            i.base.map_or("-".to_string(), |b| b.to_string()),
            rated(i.officer),
            rated(i.unit),
            factor(i.others.attendance),
            factor(i.others.productivity),
            i.public_facing
        );
    }
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// One officer's amount in two versions of a month's run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Difference {
    pub nip: String,
    pub before: Option<u64>,
    pub after: Option<u64>,
}

/// Officers whose amount differs between two runs (or who are in only one), by NIP.
pub fn differences(before: &Payroll, after: &Payroll) -> Vec<Difference> {
    let amounts = |p: &Payroll| -> BTreeMap<String, u64> {
        p.rows
            .iter()
            .map(|r| (r.nip.clone(), r.explanation.amount))
            .collect()
    };
    let (old, new) = (amounts(before), amounts(after));
    let mut nips: Vec<&String> = old.keys().chain(new.keys()).collect();
    nips.sort();
    nips.dedup();
    nips.into_iter()
        .filter(|nip| old.get(*nip) != new.get(*nip))
        .map(|nip| Difference {
            nip: nip.clone(),
            before: old.get(nip).copied(),
            after: new.get(nip).copied(),
        })
        .collect()
}

/// What a policy would have paid in a month beside what was paid: the simulator's figures.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comparison {
    pub month: Month,
    pub paid_total: u64,
    pub simulated_total: u64,
    /// Officers in the simulation.
    pub officers: usize,
    /// Officers whose amount would differ (or who are in only one of the two).
    pub changed: usize,
    /// Officers the simulated policy would judge on too little evidence.
    pub insufficient: usize,
    /// Per unit code: paid, then simulated.
    pub units: BTreeMap<String, (u64, u64)>,
}

/// Compares what a policy would pay (`simulated`) with what was paid (`paid`).
pub fn compare(paid: &Payroll, simulated: &Payroll) -> Comparison {
    let mut units: BTreeMap<String, (u64, u64)> = BTreeMap::new();
    for (unit, total) in paid.unit_totals() {
        units.entry(unit.to_string()).or_default().0 = total;
    }
    for (unit, total) in simulated.unit_totals() {
        units.entry(unit.to_string()).or_default().1 = total;
    }
    Comparison {
        month: simulated.month,
        paid_total: paid.total(),
        simulated_total: simulated.total(),
        officers: simulated.rows.len(),
        changed: differences(paid, simulated).len(),
        insufficient: simulated
            .rows
            .iter()
            .filter(|r| {
                matches!(
                    r.explanation.evidence,
                    super::evidence::Evidence::Insufficient { .. }
                )
            })
            .count(),
        units,
    }
}

/// Where a run stands: computed, checked by HR, approved by finance, then locked for good;
/// or, before approval, discarded (kept, never paid, never shown as the month's run).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum RunState {
    Draft,
    Reviewed,
    Approved,
    Locked,
    Discarded,
}

impl RunState {
    pub const ALL: [RunState; 5] = [
        RunState::Draft,
        RunState::Reviewed,
        RunState::Approved,
        RunState::Locked,
        RunState::Discarded,
    ];

    pub fn code(self) -> &'static str {
        match self {
            RunState::Draft => "draft",
            RunState::Reviewed => "reviewed",
            RunState::Approved => "approved",
            RunState::Locked => "locked",
            RunState::Discarded => "discarded",
        }
    }

    pub fn from_code(code: &str) -> Option<RunState> {
        RunState::ALL.into_iter().find(|s| s.code() == code)
    }

    /// The one state a run may move on to; a locked or discarded run never changes.
    pub fn next(self) -> Option<RunState> {
        match self {
            RunState::Draft => Some(RunState::Reviewed),
            RunState::Reviewed => Some(RunState::Approved),
            RunState::Approved => Some(RunState::Locked),
            RunState::Locked | RunState::Discarded => None,
        }
    }

    /// Whether the run may still be discarded: not once approved (it is what will be paid).
    pub fn may_discard(self) -> bool {
        matches!(self, RunState::Draft | RunState::Reviewed)
    }
}

#[cfg(test)]
mod four_eyes_tests {
    use super::may_approve;

    #[test]
    fn the_approver_is_a_third_person() {
        assert!(may_approve("bkpsdm", Some("kabid"), "bpkad"));
        assert!(
            !may_approve("bpkad", Some("bkpsdm"), "bpkad"),
            "computed it"
        );
        assert!(
            !may_approve("bkpsdm", Some("bpkad"), "bpkad"),
            "reviewed it"
        );
        assert!(!may_approve("bpkad", None, "bpkad"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tpp::policy::SatisfactionRule;
    use proptest::prelude::*;

    fn input(
        nip: &str,
        base: u64,
        officer: Option<(u64, i64)>,
        unit: Option<(u64, i64)>,
    ) -> OfficerInput {
        let rated = |(responses, ikm): (u64, i64)| Rated {
            spread: Default::default(),
            responses,
            ikm: Decimal::new(ikm, 2),
        };
        OfficerInput {
            nip: nip.into(),
            unit_id: "dukcapil".into(),
            position_class: "7".into(),
            base: Some(base),
            officer: officer.map(rated),
            unit: unit.map(rated),
            others: OtherFactors::default(),
            public_facing: true,
            coverage: Default::default(),
            set_aside: None,
            pay: None,
            previous_factor: None,
            led_units: Vec::new(),
            part: None,
        }
    }

    #[test]
    fn a_comparison_adds_up_per_unit_and_counts_the_changed() {
        let month = Month::new(2026, 10).unwrap();
        let inputs = vec![
            input("1", 4_000_000, None, Some((400, 8500))),
            input("2", 5_000_000, Some((300, 5000)), Some((400, 8500))),
        ];
        let paid = compute(month, &Policy::regency_default(), &inputs);
        let stricter = Policy {
            rule: SatisfactionRule::Proportional {
                threshold: Decimal::new(90, 0),
            },
            ..Policy::regency_default()
        };
        let simulated = compute(month, &stricter, &inputs);
        let c = compare(&paid, &simulated);
        assert_eq!(
            (c.paid_total, c.simulated_total),
            (paid.total(), simulated.total())
        );
        assert_eq!(c.units["dukcapil"], (paid.total(), simulated.total()));
        // Officer 1 takes the unit's 85.00, now short of 90; officer 2 was below both
        // thresholds, where the proportional rule pays the score either way.
        assert_eq!((c.officers, c.changed, c.insufficient), (2, 1, 0));
        assert_eq!(compare(&paid, &paid).changed, 0);
    }

    #[test]
    fn a_month_is_computed_in_nip_order_with_its_inputs_digested() {
        let month = Month::new(2026, 10).unwrap();
        let policy = Policy::regency_default();
        let inputs = vec![
            input("2", 5_000_000, Some((300, 5000)), Some((400, 8500))),
            input("1", 4_000_000, None, Some((400, 8500))),
        ];
        let payroll = compute(month, &policy, &inputs);
        assert_eq!(payroll.rows[0].nip, "1");
        assert_eq!(payroll.rows[0].explanation.amount, 4_000_000);
        assert_eq!(
            payroll.rows[1].explanation.amount, 2_659_000,
            "53.18 % of 5,000,000"
        );
        assert_eq!(payroll.total(), 6_659_000);
        assert_eq!(payroll.unit_totals()["dukcapil"], 6_659_000);
        // The same inputs in another order: the same digest and rupiah.
        let reversed: Vec<_> = inputs.iter().rev().cloned().collect();
        assert_eq!(compute(month, &policy, &reversed), payroll);
        // One changed input changes the digest.
        let mut appealed = inputs.clone();
        appealed[0].officer = Some(Rated {
            spread: Default::default(),
            responses: 299,
            ikm: Decimal::new(5010, 2),
        });
        let second = compute(month, &policy, &appealed);
        assert_ne!(second.input_digest, payroll.input_digest);
        assert_eq!(
            differences(&payroll, &second),
            [Difference {
                nip: "2".into(),
                before: Some(2_659_000),
                after: Some(2_664_000)
            }]
        );
        // Back-office officers take the unit's score.
        let mut back_office = inputs[0].clone();
        back_office.public_facing = false;
        let row = &compute(month, &policy, &[back_office]).rows[0];
        assert_eq!(row.explanation.amount, 5_000_000);
    }

    #[test]
    fn officers_with_missing_components_are_listed_not_paid() {
        let policy = Policy::from_toml(
            "version = \"w\"\neffective_from = \"2026-01\"\n[satisfaction]\nrule = \"proportional\"\nthreshold = 80\n[weights]\nsatisfaction = 0.5\nattendance = 0.5\n",
        )
        .unwrap();
        let payroll = compute(
            Month::new(2026, 10).unwrap(),
            &policy,
            &[input("1", 100, None, None)],
        );
        assert!(payroll.rows.is_empty());
        assert_eq!(payroll.unpaid[0].nip, "1");
        assert!(payroll.unpaid[0].reason.contains("attendance"));
    }

    #[test]
    fn runs_move_forward_only_and_stop_when_locked() {
        let mut state = RunState::Draft;
        let mut seen = vec![state];
        while let Some(next) = state.next() {
            assert!(next > state);
            state = next;
            seen.push(state);
        }
        // Discarded lies off the forward path: reached only from a draft or reviewed run.
        assert_eq!(seen, RunState::ALL[..4]);
        assert_eq!(RunState::Discarded.next(), None);
        for s in RunState::ALL {
            assert_eq!(RunState::from_code(s.code()), Some(s));
        }
    }

    proptest! {
        #[test]
        fn the_total_is_the_sum_of_the_rows(
            officers in proptest::collection::vec(
                (0u64..20_000_000, proptest::option::of((1u64..200, 2500i64..=10_000)), proptest::option::of((1u64..2000, 2500i64..=10_000))),
                0..40,
            )
        ) {
            let inputs: Vec<_> = officers
                .iter()
                .enumerate()
                .map(|(i, (base, officer, unit))| input(&format!("{i:018}"), *base, *officer, *unit))
                .collect();
            let payroll = compute(Month::new(2026, 10).unwrap(), &Policy::regency_default(), &inputs);
            let sum: u64 = payroll.rows.iter().map(|r| r.explanation.amount).sum();
            prop_assert_eq!(payroll.total(), sum);
            prop_assert_eq!(payroll.unit_totals().values().sum::<u64>(), sum);
            prop_assert!(payroll.rows.iter().all(|r| r.explanation.amount <= r.explanation.base));
        }
    }
}
