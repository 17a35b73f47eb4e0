//! The steps of "why is my TPP what it is?": from the responses that count for pay, through
//! the blended score and the evidence rule, to the policy's factor and the rupiah exported.
//! Every step shows the numbers that went into it.

use maud::{html, Markup};
use suara_domain::decimal::Decimal;
use suara_domain::integrity::channel::Trust;
use suara_domain::period::Month;
use suara_domain::skm::krejcie_morgan_sample_size;
use suara_domain::tpp::evidence::{Coverage, Evidence};
use suara_domain::tpp::payroll::Payroll;
use suara_domain::tpp::policy::{factor_shown, Policy, SatisfactionRule};
use suara_domain::tpp::{Explanation, ScoreBasis, SCORE_PLACES};
use suara_store::{RunOfficer, RunSummary, StoredRun};

use super::tpp::{percent, rp, rule_text, state_label};
use suara_app::i18n::catalogue as T;
use suara_app::i18n::Lang;

/// What counts for pay under a trust level, in a few words.
pub fn trust_label(lang: Lang, trust: Trust) -> &'static str {
    match trust {
        Trust::Open => lang.t(T::EVERY_CHANNEL),
        Trust::Onsite => lang.t(T::KIOSKS_AND_TICKETS),
        Trust::Verified => lang.t(T::TICKETS_ONLY),
    }
}

/// A unit whose officers were judged on too little evidence, with what it had and lacked.
pub struct ThinUnit {
    pub name: String,
    pub evidence: Evidence,
}

/// How the run's officers stand under the evidence rule: how many were bounded, how many
/// lacked evidence, and the units they lacked it in (each once, by name).
pub fn evidence_counts(run: &StoredRun) -> (usize, usize, Vec<ThinUnit>) {
    let mut bounded = 0;
    let mut insufficient = 0;
    let mut units: Vec<ThinUnit> = Vec::new();
    for row in &run.payroll.rows {
        match row.explanation.evidence {
            Evidence::Bounded { .. } => bounded += 1,
            evidence @ Evidence::Insufficient { .. } => {
                insufficient += 1;
                if let Some(officer) = run.officer(&row.nip) {
                    if !units.iter().any(|u| u.name == officer.unit_name) {
                        units.push(ThinUnit {
                            name: officer.unit_name.clone(),
                            evidence,
                        });
                    }
                }
            }
            Evidence::NotApplied => {}
        }
    }
    units.sort_by(|a, b| a.name.cmp(&b.name));
    (bounded, insufficient, units)
}

/// Units whose officers are paid on confirmed evidence only: by unit code, the unit's
/// name and how many.
pub fn waiting_units(run: &StoredRun) -> std::collections::BTreeMap<&str, (&str, usize)> {
    let mut units = std::collections::BTreeMap::new();
    for officer in run.officers.iter().filter(|o| o.input.set_aside.is_some()) {
        units
            .entry(officer.input.unit_id.as_str())
            .or_insert((officer.unit_name.as_str(), 0))
            .1 += 1;
    }
    units
}

/// What a unit judged on too little evidence lacks, against what the rule asks: each
/// criterion not met (pay-counting responses, then distinct days when the rule counts
/// them), then, in brackets, the one that is met, so nobody reads a met one as the cause.
pub fn shortfall(lang: Lang, evidence: &Evidence) -> Markup {
    let Evidence::Insufficient {
        responses,
        needed,
        days,
        days_needed,
    } = *evidence
    else {
        return html! {};
    };
    // As `assess` judges: days only when recorded and asked for; none to speak of when
    // there is no response at all.
    let days = days.filter(|_| days_needed > 0 && responses > 0);
    let mut unmet = Vec::new();
    let mut met = Vec::new();
    if responses < needed {
        unmet.push(lang.fill(T::TPP_EXPLAIN_SHORT_RESPONSES, &[&responses, &needed]));
    } else {
        met.push(lang.fill(T::TPP_EXPLAIN_ENOUGH_RESPONSES, &[&responses, &needed]));
    }
    match days {
        Some(days) if days < days_needed => {
            unmet.push(lang.fill(T::TPP_EXPLAIN_SHORT_DAYS, &[&days, &days_needed]));
        }
        Some(days) => met.push(lang.fill(T::TPP_EXPLAIN_ENOUGH_DAYS, &[&days, &days_needed])),
        None => {}
    }
    html! { (unmet.join("; ")) (met.concat()) }
}

/// " Syarat ini terpenuhi." or its opposite, after a criterion of the evidence rule.
fn criterion(lang: Lang, met: bool) -> &'static str {
    if met {
        lang.t(T::TPP_EXPLAIN_CRITERION_MET)
    } else {
        lang.t(T::TPP_EXPLAIN_CRITERION_NOT_MET)
    }
}

/// What more evidence would let the rule judge: responses and days still missing.
fn what_would_change_it(lang: Lang, evidence: &Evidence) -> Markup {
    let Some((more_responses, more_days)) = evidence.missing() else {
        return html! {};
    };
    html! {
        p { (lang.t(T::WHAT_WOULD_CHANGE_IT))
            @if more_responses > 0 { (more_responses) (lang.t(T::MORE_RESPONSES)) }
            @if more_responses > 0 && more_days > 0 { (lang.t(T::AND)) }
            @if more_days > 0 { (lang.t(T::RESPONSES_ON)) (more_days) (lang.t(T::MORE_DAYS)) }
            "." }
    }
}

/// What counts for pay under the policy's trust level, in words.
fn trust_text(lang: Lang, trust: Trust) -> &'static str {
    match trust {
        Trust::Open => lang.t(T::EVERY_RESPONSE_LINK_QR_API_KIOSK_AND),
        Trust::Onsite => lang.t(T::ANSWERS_AT_A_COUNTER_KIOSK_AND_TICKETS),
        Trust::Verified => lang.t(T::ONLY_TICKETS_FROM_A_QUEUE_SYSTEM_OR),
    }
}

/// The threshold below which the policy's rule reduces pay, when it has one.
fn threshold(policy: &Policy) -> Option<Decimal> {
    match &policy.rule {
        SatisfactionRule::Proportional { threshold }
        | SatisfactionRule::LinearToThreshold { threshold } => Some(*threshold),
        SatisfactionRule::Steps { bands } => bands.first().map(|b| b.from),
    }
}

/// "Bulan ini unit Anda punya", or, under a window of months, which months.
fn evidence_period(lang: Lang, policy: &Policy, month: Month) -> String {
    let months = policy.evidence.as_ref().map_or(1, |r| r.months);
    if months <= 1 {
        return lang.t(T::THIS_MONTH_YOUR_UNIT_HAD).to_string();
    }
    let first = (1..months).fold(month, |m, _| m.previous());
    lang.fill(
        T::OVER_MONTHS_YOUR_UNIT_HAD,
        &[&months, &lang.month(first), &lang.month(month)],
    )
}

/// The evidence step: whether the responses were enough to reduce pay, with its numbers.
fn evidence_step(
    lang: Lang,
    policy: &Policy,
    month: Month,
    coverage: &Coverage,
    e: &Explanation,
) -> Markup {
    let months = policy.evidence.as_ref().map_or(1, |r| r.months.max(1));
    html! {
        li {
            h2 { (lang.t(T::IS_THE_EVIDENCE_ENOUGH)) }
            @match e.evidence {
                Evidence::NotApplied => {
                    p { (lang.t(T::THIS_POLICY_HAS_NO_EVIDENCE_RULE_THE)) }
                }
                Evidence::Insufficient { responses, needed, days, days_needed } => {
                    // Named only when the sample, not the policy's own minimum, set the number.
                    @let sample = policy.evidence.as_ref().filter(|r| r.sample_from_users).and(coverage.monthly_users)
                        .map(|users| u64::from(users) * u64::from(months))
                        .filter(|users| krejcie_morgan_sample_size(*users) == needed);
                    p { (evidence_period(lang, policy, month)) strong { (responses) } (lang.t(T::RESPONSES_THAT_COUNT_FOR_TPP_TPP_CAN)) (needed)
                        @if let Some(users) = sample {
                            (lang.t(T::THE_KREJCIE_MORGAN_SAMPLE_FOR)) (suara_domain::tpp::rupiah(users))
                            @if months > 1 { (lang.fill(T::SERVICE_USERS_OVER_MONTHS, &[&months])) } @else { (lang.t(T::SERVICE_USERS_A_MONTH)) }
                        }
                        "." (criterion(lang, responses >= needed)) }
                    @if let (Some(days), true) = (days, days_needed > 0) {
                        p { (lang.t(T::THEY_WERE_GIVEN_ON)) strong { (days) } (lang.t(T::DISTINCT_DAYS_THE_RULE_ASKS_FOR)) (days_needed) (lang.t(T::DAYS_SO_THAT_ONE_DAY_CANNOT_DECIDE))
                            (criterion(lang, days >= days_needed)) }
                    }
                    p { strong { (lang.t(T::THE_EVIDENCE_IS_NOT_ENOUGH_SO_YOUR)) } }
                    (what_would_change_it(lang, &e.evidence))
                }
                Evidence::Bounded { margin, upper } => {
                    @let score = e.score.map_or("–".to_string(), |s| lang.decimal(s));
                    @let level = policy.evidence.as_ref().map_or(95, |r| r.confidence);
                    p { (lang.t(T::A_SCORE_FROM_A_SAMPLE_CAN_BE)) (level) "% "
                        (lang.t(T::CONFIDENCE_THE_TRUE_SCORE_IS_AT_MOST)) code { (score) " + " (lang.decimal(margin)) " = " strong { (lang.decimal(upper)) } }
                        (lang.t(T::TPP_IS_COMPUTED_FROM_THIS_UPPER_END)) }
                    p.muted { (lang.t(T::THE_RANGE_COMES_FROM_THE_SPREAD_OF)) }
                }
            }
        }
    }
}

/// The plain-words gap: how far below the threshold the score the rule used was, and what
/// it cost; or that it reached the threshold.
fn gap_text(lang: Lang, policy: &Policy, e: &Explanation) -> Markup {
    let ruled = match e.evidence {
        Evidence::Bounded { upper, .. } => Some(upper),
        Evidence::Insufficient { .. } => None,
        Evidence::NotApplied => e.score,
    };
    let (Some(ruled), Some(threshold)) = (ruled, threshold(policy)) else {
        return html! {};
    };
    if ruled.to_rational() >= threshold.to_rational() {
        return html! { p { strong { (lang.t(T::THE_SCORE)) (lang.decimal(ruled)) (lang.t(T::REACHES)) (lang.decimal(threshold)) (lang.t(T::TPP_IS_NOT_REDUCED_FOR_SATISFACTION)) } } };
    }
    let gap = Decimal::round_half_away(
        &(threshold.to_rational() - ruled.to_rational()),
        SCORE_PLACES,
    );
    // Against what full satisfaction would pay for the same days, so days not assigned are
    // never blamed on the score.
    let full = match e.part {
        Some((days, of)) => e.base.saturating_mul(u64::from(days)) / u64::from(of.max(1)),
        None => e.base,
    };
    let shortfall = full.saturating_sub(e.amount);
    html! {
        p { strong { (lang.t(T::AT)) (lang.decimal(ruled)) (lang.t(T::YOU_WERE)) (lang.decimal(gap)) (lang.t(T::POINTS_BELOW)) (lang.decimal(threshold)) (lang.t(T::WHICH_COST_YOU)) (rp(shortfall)) "." } }
    }
}

/// A month's figures: of a stored run, or (`run` empty) the provisional preview of a month
/// that has not ended.
pub struct Figures<'a> {
    pub month: Month,
    pub policy: &'a Policy,
    pub officers: &'a [RunOfficer],
    pub payroll: &'a Payroll,
    pub run: Option<&'a RunSummary>,
    /// Unit code → name.
    pub unit_names: &'a std::collections::HashMap<String, String>,
}

impl Figures<'_> {
    fn officer(&self, nip: &str) -> Option<&RunOfficer> {
        self.officers.iter().find(|o| o.input.nip == nip)
    }
}

/// The responses naming the officer in the published SKM that month, and how many of them
/// the table of responses below marks as not deciding TPP. Only reasons an officer may
/// know are marked there (a channel that does not count for pay, an upheld appeal); what
/// the checks on ratings left out (quarantine, the pace rule, sources awaiting
/// confirmation) is counted, never pointed at.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Published {
    pub responses: u64,
    pub marked: u64,
}

/// The officer's figures of the month, each step with the numbers that went into it.
pub fn steps(lang: Lang, run: &Figures, nip: &str, published: Published) -> Markup {
    let header = match run.run {
        Some(s) => html! {
            p.muted {
                (lang.t(T::RUN)) (lang.month(s.month)) (lang.t(T::VERSION)) (s.version)
                " (" (state_label(lang, s.state)) "), " (lang.t(T::POLICY)) (crate::pages::staff::tpp::policy_name(lang, &s.policy_version)) "."
            }
        },
        None => html! {
            div.warning role="note" { p { strong { (lang.t(T::PROVISIONAL_THIS_MONTH_HAS_NOT_ENDED_THE)) } } }
        },
    };
    let Some(officer) = run.officer(nip) else {
        return html! { (header) p { (lang.t(T::THIS_OFFICER_WAS_NOT_ON_THE_STAFF)) } };
    };
    let Some(row) = run.payroll.rows.iter().find(|r| r.nip == nip) else {
        let reason = run
            .payroll
            .unpaid
            .iter()
            .find(|u| u.nip == nip)
            .map_or("", |u| u.reason.as_str());
        return html! { (header) p { strong { (lang.t(T::NOT_PAID_IN_THIS_RUN)) } (reason) } };
    };
    let e = &row.explanation;
    let input = &officer.input;
    let policy = &run.policy;
    let score_text = e.score.map_or("–".to_string(), |s| lang.decimal(s));
    // The score the rule was applied to: the upper end under the evidence rule.
    let ruled = match e.evidence {
        Evidence::Bounded { upper, .. } => lang.decimal(upper),
        _ => score_text.clone(),
    };
    html! {
        (header)
        div.success role="status" {
            p.lead { strong { "TPP " (lang.month(run.month)) ": " (rp(e.amount)) } " = " (percent(lang, e.factor.paid)) " × " (rp(e.base))
                @if let Some((days, of)) = e.part { " × " (days) "/" (of) } }
        }
        ol.steps {
            (responses_step(lang, run, officer, published))
            (score_step(lang, e, &score_text))
            (evidence_step(lang, policy, run.month, &input.coverage, e))
            li {
                h2 { (lang.t(T::THE_POLICY_S_RULE)) }
                p { (rule_text(lang, policy)) }
                (gap_text(lang, policy, e))
                p { (lang.t(T::SATISFACTION_COMPONENT))
                    @if e.score.is_some() { (lang.t(T::FOR_SCORE)) (ruled) }
                    ": " strong { (percent(lang, factor_shown(&e.factor.satisfaction))) } }
                @if policy.weights.satisfaction != Decimal::new(1, 0) {
                    p { (lang.t(T::WEIGHTED_SATISFACTION)) (lang.decimal(policy.weights.satisfaction))
                        (lang.t(T::ATTENDANCE)) (lang.decimal(policy.weights.attendance)) " (" (input.others.attendance.map_or("–".to_string(), |d| lang.decimal(d))) ")"
                        (lang.t(T::PRODUCTIVITY)) (lang.decimal(policy.weights.productivity)) " (" (input.others.productivity.map_or("–".to_string(), |d| lang.decimal(d))) ")"
                        " = " (percent(lang, factor_shown(&e.factor.combined))) }
                }
                @if e.factor.bounded != e.factor.combined {
                    p { (lang.t(T::HELD_BETWEEN_FLOOR)) (lang.decimal(policy.floor)) (lang.t(T::AND_CAP)) (lang.decimal(policy.cap)) ": " (percent(lang, factor_shown(&e.factor.bounded))) }
                }
                @if let (Some(held), Some(fall)) = (e.factor.fall_held, policy.max_monthly_fall) {
                    @let text = if input.previous_factor.is_some() { T::FALL_LIMIT_FROM_LAST_MONTH } else { T::FALL_LIMIT_FROM_FULL_PAY };
                    p { (lang.fill(text, &[&percent(lang, fall), &percent(lang, held.previous), &percent(lang, held.lowest)])) }
                }
                p { (lang.t(T::FACTOR_PAID_ROUNDED_TO_0_01)) strong { (percent(lang, e.factor.paid)) } }
            }
            li {
                h2 { (lang.t(T::AMOUNT)) }
                p { (lang.t(T::BASE_TPP_OF_POSITION_CLASS)) (input.position_class) ": " (rp(e.base)) }
                @if let Some((days, of)) = e.part {
                    p { (lang.fill(T::PAID_FOR_DAYS_ASSIGNED, &[&days, &of])) }
                    p { code { (rp(e.base)) " × " (percent(lang, e.factor.paid)) " × " (days) "/" (of) " = " strong { (rp(e.amount)) } } }
                } @else {
                    p { code { (rp(e.base)) " × " (percent(lang, e.factor.paid)) " = " strong { (rp(e.amount)) } } }
                }
                p.muted { (lang.t(T::ROUNDED_DOWN_TO_WHOLE_RUPIAH_THIS_IS)) }
            }
        }
    }
}

/// How many of the published responses naming the officer do not decide TPP, and whether
/// the table below says why: pointing at it only when it marks them all. The words never
/// say that anything was caught by the checks on ratings: they give the count any reader
/// could take from the two figures, nothing more.
fn not_deciding_text(lang: Lang, not_deciding: u64, marked: u64) -> String {
    if marked >= not_deciding {
        format!("{not_deciding}{}", lang.t(T::OF_THEM_DO_NOT_DECIDE_TPP_SEE))
    } else if marked == 0 {
        lang.fill(T::TPP_EXPLAIN_NOT_DECIDING_UNMARKED, &[&not_deciding])
    } else {
        lang.fill(
            T::TPP_EXPLAIN_NOT_DECIDING_SOME_MARKED,
            &[&not_deciding, &marked],
        )
    }
}

/// The step of the responses counted: the officer's own, the unit's, and what counts for pay.
fn responses_step(lang: Lang, run: &Figures, officer: &RunOfficer, published: Published) -> Markup {
    let input = &officer.input;
    let counted = input.officer.map_or(0, |o| o.responses);
    // Under a window of months the count that decides covers the window, the published
    // one this month alone: their difference would mean nothing.
    let one_month = run.policy.evidence.as_ref().is_none_or(|r| r.months <= 1);
    html! {
        li {
            h2 { (lang.t(T::RESPONSES_COUNTED)) }
            @match input.officer {
                Some(o) if input.public_facing => {
                    p { (o.responses) " " (lang.t(T::RESPONSES_THAT_COUNT_FOR_TPP_NAMED_YOU)) strong { (lang.decimal(o.ikm)) } "." }
                }
                _ if !input.public_facing => {
                    p { (lang.t(T::YOUR_POSITION_DOES_NOT_SERVE_THE_PUBLIC)) }
                }
                _ => { p { (lang.t(T::NO_RESPONSE_THAT_COUNTS_FOR_TPP_NAMED)) } }
            }
            @if published.responses > counted && input.public_facing && one_month {
                p { (lang.t(T::IN_THE_PUBLISHED_SKM)) strong { (published.responses) } (lang.t(T::RESPONSES_NAMED_YOU))
                    (not_deciding_text(lang, published.responses - counted, published.marked)) }
            }
            @match (input.unit, officer.score_unit_id.as_deref()) {
                (unit, _) if !input.led_units.is_empty() => {
                    p { (lang.fill(T::JUDGED_ON_UNITS_LED, &[&input.led_units.len()]))
                        @if let Some(u) = unit { (u.responses) " " (lang.t(T::RESPONSES_IKM)) strong { (lang.decimal(u.ikm)) } "." }
                        @else { "0 " (lang.t(T::RESPONSES_2)) "." } }
                }
                (Some(u), Some(unit_id)) => {
                    p { (lang.t(T::UNIT)) (run.unit_names.get(unit_id).map_or(unit_id, String::as_str)) ": " (u.responses) " " (lang.t(T::RESPONSES_IKM)) strong { (lang.decimal(u.ikm)) } "."
                        @if unit_id != input.unit_id { " " (lang.t(T::YOUR_OWN_UNIT_HAD_NONE_THE_UNIT)) } }
                }
                _ => { p { (lang.t(T::YOUR_UNIT_HAD_NO_RESPONSES_THAT_COUNT)) } }
            }
            p.muted { (lang.t(T::WHAT_COUNTS_FOR_TPP)) (trust_text(lang, run.policy.min_trust)) (lang.t(T::RESPONSES_HELD_IN_QUARANTINE_OR_SET_ASIDE)) }
        }
    }
}

/// The step of the score: blended with the unit's, the officer's own, or the unit's alone.
fn score_step(lang: Lang, e: &Explanation, score_text: &str) -> Markup {
    html! {
        li {
            h2 { (lang.t(T::YOUR_SCORE)) }
            @match e.basis {
                ScoreBasis::Blended { officer: o, unit: u, k } => {
                    p { (lang.t(T::A_FEW_RESPONSES_MUST_NOT_DECIDE_ALONE)) (k) (lang.t(T::RESPONSES_3)) }
                    p { code { "(n·IKM" sub { "pegawai" } " + k·IKM" sub { "unit" } ") / (n + k) = (" (o.responses) "·" (lang.decimal(o.ikm)) " + " (k) "·" (lang.decimal(u.ikm)) ") / (" (o.responses) " + " (k) ") = " strong { (score_text) } } }
                    p.muted { (lang.t(T::ROUNDED_TO)) (SCORE_PLACES) (lang.t(T::DECIMALS)) }
                }
                ScoreBasis::OfficerOnly { officer: o } => { p { (lang.t(T::YOUR_OWN_SCORE)) strong { (lang.decimal(o.ikm)) } } }
                ScoreBasis::UnitOnly { unit: u } => { p { (lang.t(T::THE_UNIT_S_SCORE)) strong { (lang.decimal(u.ikm)) } } }
                ScoreBasis::NoResponses => { p { (lang.t(T::NO_RESPONSES_THAT_COUNT_FOR_TPP_FOR)) } }
            }
        }
    }
}

#[cfg(test)]
mod tests;
