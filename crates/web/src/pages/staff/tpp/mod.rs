//! TPP for BKPSDM and BPKAD: base amounts and other components imported from CSV, policy
//! versions edited as TOML, a month's payroll computed once the month has ended (before
//! that, a provisional preview), reviewed, approved, locked and exported. Approving and
//! locking are finance's alone ([`Permission::ApprovePayroll`]).
//!
//! - [`overview`]: runs, base amounts, imports, computing a month;
//! - [`run`]: one run and its state changes; [`export`]: its spreadsheet; [`discard`]:
//!   discarding a version not to be paid; [`preview`]: a month not yet ended;
//! - [`policy`]: policy versions.

pub mod discard;
pub mod drift;
pub mod export;
pub mod overview;
pub mod payable;
pub mod policy;
pub mod policy_form;
pub mod preview;
pub mod run;

pub use export::export;
pub use overview::{compute, import, overview};
pub use policy::{policies, save_policy};
pub use run::{advance, run_page};
pub use suara_app::i18n::policy_name;

use std::collections::{BTreeMap, HashMap};

use axum::http::StatusCode;
use suara_domain::decimal::Decimal;
use suara_domain::period::Month;
use suara_domain::tpp::deductions::Deduction;
use suara_domain::tpp::payroll::{Payroll, RunState};
use suara_domain::tpp::policy::{NotServingPublic, PartMonth, Policy, SatisfactionRule};
use suara_domain::tpp::rupiah;
use suara_store::{RunOfficer, TppError};

use crate::pages::failure::PageError;
use crate::routes;
use suara_app::i18n::catalogue as T;
use suara_app::i18n::Lang;

/// Largest upload of a base-amount or component file.
pub const MAX_TPP_UPLOAD_BYTES: usize = 4 * 1024 * 1024;

/// "Rp3.823.500".
pub fn rp(amount: u64) -> String {
    format!("Rp{}", rupiah(amount))
}

/// The change from `before` to `after` in rupiah, signed: "+Rp1.000" or "−Rp1.000".
pub fn signed(after: u64, before: u64) -> String {
    if after >= before {
        format!("+{}", rp(after - before))
    } else {
        format!("−{}", rp(before - after))
    }
}

pub fn state_label(lang: Lang, state: RunState) -> &'static str {
    match state {
        RunState::Draft => lang.t(T::DRAFT),
        RunState::Reviewed => lang.t(T::REVIEWED),
        RunState::Approved => lang.t(T::APPROVED),
        RunState::Locked => lang.t(T::LOCKED),
        RunState::Discarded => lang.t(T::DISCARDED),
    }
}

/// The policy's deductions in words: "PPh Pasal 21: IV 15%, III 5%, golongan lain 0%;
/// Iuran BPJS Kesehatan: 1%, paling banyak Rp120.000".
pub fn deductions_text(lang: Lang, deductions: &[Deduction]) -> String {
    if deductions.is_empty() {
        return lang.t(T::NO_DEDUCTIONS_ON_THE_PAYABLE_LIST).to_string();
    }
    let percent = |p: &Decimal| format!("{}%", lang.decimal(p));
    deductions
        .iter()
        .map(|d| {
            let mut parts: Vec<String> = d
                .by_rank
                .iter()
                .map(|(rank, p)| format!("{rank} {}", percent(p)))
                .collect();
            parts.push(if d.by_rank.is_empty() {
                percent(&d.percent)
            } else {
                format!("{} {}", lang.t(T::OTHER_RANKS), percent(&d.percent))
            });
            if let Some(cap) = d.cap {
                parts.push(format!("{}{}", lang.t(T::AT_MOST_RUPIAH), rp(cap)));
            }
            format!("{}: {}", d.name, parts.join(", "))
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// The rule of a policy in a sentence.
pub fn rule_text(lang: Lang, policy: &Policy) -> String {
    let rule = match &policy.rule {
        SatisfactionRule::Proportional { threshold } => {
            lang.fill(T::RULE_PROPORTIONAL, &[&lang.decimal(threshold)])
        }
        SatisfactionRule::LinearToThreshold { threshold } => {
            let threshold = lang.decimal(threshold);
            lang.fill(T::RULE_LINEAR, &[&threshold, &threshold])
        }
        SatisfactionRule::Steps { bands } => {
            let bands: Vec<String> = bands
                .iter()
                .map(|b| format!("≥ {} → {}", lang.decimal(b.from), lang.decimal(b.factor)))
                .collect();
            lang.fill(T::RULE_STEPS, &[&bands.join("; ")])
        }
    };
    let mut parts = vec![rule];
    if let Some(fall) = policy.max_monthly_fall {
        parts.push(lang.fill(T::FALLS_AT_MOST_A_MONTH, &[&percent(lang, fall)]));
    }
    if policy.not_serving_public == NotServingPublic::UnitsLed {
        parts.push(lang.t(T::POLICY_UNITS_LED).to_string());
    }
    if policy.part_month == PartMonth::Days {
        parts.push(lang.t(T::POLICY_PART_MONTH_DAYS).to_string());
    }
    if let Some(months) = policy
        .evidence
        .as_ref()
        .map(|r| r.months)
        .filter(|m| *m > 1)
    {
        parts.push(lang.fill(T::EVIDENCE_OVER_MONTHS, &[&months]));
    }
    parts.join("; ")
}

/// A run's page, of a version or the latest, in the user's language.
pub fn month_href(lang: Lang, month: Month, version: Option<i64>) -> String {
    let mut pairs = vec![("lang", lang.code().to_string())];
    if let Some(v) = version {
        pairs.push(("versi", v.to_string()));
    }
    format!(
        "{}?{}",
        routes::tpp_month(&month.to_string()),
        serde_urlencoded::to_string(pairs).unwrap_or_default()
    )
}

/// The officer's explanation of a month.
pub fn explain_href(lang: Lang, nip: &str, month: Month) -> String {
    format!(
        "{}?bulan={month}&lang={}",
        routes::tpp_explain(nip),
        lang.code()
    )
}

/// Unit code → (name, officers paid, total) of a month's payroll.
pub fn unit_totals(
    payroll: &Payroll,
    officers: &[RunOfficer],
) -> BTreeMap<String, (String, usize, u64)> {
    let unit_names: HashMap<&str, &str> = officers
        .iter()
        .map(|o| (o.input.nip.as_str(), o.unit_name.as_str()))
        .collect();
    let mut totals: BTreeMap<String, (String, usize, u64)> = BTreeMap::new();
    for row in &payroll.rows {
        let name = unit_names
            .get(row.nip.as_str())
            .map_or_else(|| row.unit_id.clone(), |n| (*n).to_string());
        let entry = totals.entry(row.unit_id.clone()).or_insert((name, 0, 0));
        entry.1 += 1;
        entry.2 += row.explanation.amount;
    }
    totals
}

pub fn parse_month(text: &str) -> Result<Month, PageError> {
    text.parse()
        .map_err(|_| PageError::BadMonth(text.to_string()))
}

/// A user-facing message for a refused TPP action, or the error for the error page.
pub(super) fn refusal(lang: Lang, error: TppError) -> Result<(StatusCode, String), PageError> {
    let error = match error {
        TppError::Store(suara_store::StoreError::NotExtending(_)) => {
            return Ok((
                StatusCode::CONFLICT,
                lang.t(T::LOG_NOT_EXTENDING).to_string(),
            ))
        }
        TppError::Store(e) => return Err(PageError::Store(e)),
        error => error,
    };
    let text = match &error {
        TppError::AwaitingLock(month, version) => {
            lang.fill(T::RUN_AWAITS_LOCK, &[&lang.month(*month), version])
        }
        TppError::StateMoved { .. } => lang.t(T::SOMEONE_ELSE_CHANGED_THE_RUN_S_STATE).to_string(),
        TppError::MonthNotEnded(month) => lang.fill(T::MONTH_NOT_ENDED, &[&lang.month(*month)]),
        TppError::NotWitnessed {
            month,
            needed,
            cosigned,
        } => lang.fill(
            T::RUN_NOT_WITNESSED,
            &[&lang.month(*month), cosigned, needed],
        ),
        TppError::Locked => lang.t(T::A_LOCKED_RUN_NEVER_CHANGES).to_string(),
        TppError::NotDiscardable => lang.t(T::ONLY_DRAFTS_ARE_DISCARDED).to_string(),
        TppError::HistoryDisagrees(_) => lang.t(T::RUN_HISTORY_DISAGREES).to_string(),
        TppError::InputsMoved(month) => lang.fill(T::INPUTS_MOVED_REFUSED, &[&lang.month(*month)]),
        TppError::PolicyVersionTaken(version) => lang.fill(T::POLICY_VERSION_TAKEN, &[version]),
        TppError::UnknownOfficers(nips) => lang.fill(T::UNKNOWN_NIPS, &[&nips.join(", ")]),
        TppError::ReasonRequired => lang.t(T::WRITE_DOWN_THE_REASON).to_string(),
        TppError::FourEyes {
            computed_by,
            reviewed_by,
        } => lang.fill(T::FOUR_EYES_REFUSED, &[computed_by, reviewed_by]),
        TppError::NotTheirResponse(_) => lang.t(T::THAT_RESPONSE_DOES_NOT_NAME_YOU).to_string(),
        TppError::AlreadyAppealed => lang
            .t(T::THIS_RESPONSE_HAS_BEEN_APPEALED_ALREADY)
            .to_string(),
        TppError::AlreadyDecided => lang
            .t(T::THIS_APPEAL_HAS_BEEN_DECIDED_ALREADY_DECISIONS)
            .to_string(),
        TppError::NoSuchRun(month, version) => {
            lang.fill(T::NO_SUCH_RUN, &[&lang.month(*month), version])
        }
        TppError::NoSuchAppeal(_) => lang.t(T::NO_SUCH_APPEAL).to_string(),
        TppError::Policy(policy) => lang.fill(
            T::POLICY_UNREADABLE,
            &[&suara_app::i18n::reasons::policy_error_text(lang, policy)],
        ),
        // Answered above, as the error page; kept for a complete match.
        TppError::Store(_) => lang.t(T::NOT_SAVED_BY_THE_SERVER).to_string(),
    };
    let status = match error {
        TppError::StateMoved { .. }
        | TppError::AwaitingLock(..)
        | TppError::Locked
        | TppError::NotDiscardable
        | TppError::HistoryDisagrees(_)
        | TppError::InputsMoved(_)
        | TppError::PolicyVersionTaken(_)
        | TppError::AlreadyAppealed
        | TppError::AlreadyDecided
        | TppError::MonthNotEnded(_)
        | TppError::NotWitnessed { .. } => StatusCode::CONFLICT,
        TppError::NoSuchRun(..) | TppError::NoSuchAppeal(_) => StatusCode::NOT_FOUND,
        TppError::FourEyes { .. } => StatusCode::FORBIDDEN,
        _ => StatusCode::UNPROCESSABLE_ENTITY,
    };
    Ok((status, text))
}

/// The run's units short of the Krejcie–Morgan sample: a warning that their figures rest on
/// fewer answers than the survey's own rule asks for.
pub(super) fn short_of_sample(
    run: &suara_store::StoredRun,
    units: &[suara_domain::org::Unit],
) -> Vec<(String, u64, u64)> {
    let mut short = Vec::new();
    for unit in units {
        let Some(users) = unit.monthly_users.filter(|u| *u > 0) else {
            continue;
        };
        let Some(officer) = run
            .officers
            .iter()
            .find(|o| o.input.unit_id == unit.unit_id)
        else {
            continue;
        };
        let counted = officer
            .input
            .unit
            .as_ref()
            .filter(|_| officer.score_unit_id.as_deref() == Some(unit.unit_id.as_str()))
            .map_or(0, |u| u.responses);
        let needed = suara_domain::skm::krejcie_morgan_sample_size(u64::from(users));
        if counted < needed {
            short.push((unit.name.clone(), counted, needed));
        }
    }
    short
}

/// A factor as a percentage: 0.7647 → "76,47%" (Indonesian), "76.47%" (English).
pub fn percent(lang: Lang, factor: Decimal) -> String {
    let places = factor.places();
    let percent = if places >= 2 {
        Decimal::new(factor.scaled(), places - 2)
    } else {
        Decimal::new(factor.scaled() * 10i64.pow(2 - places), 0)
    };
    format!("{}%", lang.decimal(percent))
}
