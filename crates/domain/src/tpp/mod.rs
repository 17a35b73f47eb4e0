//! TPP (Tambahan Penghasilan Pegawai) linked to public satisfaction: from an officer's SKM
//! results to the rupiah of their monthly allowance, exactly and explainably.
//!
//! 1. **Score** ([`officer_score`]): the officer's IKM blended with their unit's,
//!    `(n·officer + k·unit) / (n + k)`, with `n` the officer's counted responses and `k` the
//!    policy's `blend_k` (30 by default), so a handful of ratings cannot swing pay. Both
//!    IKMs enter as published (2 decimals); the blend is rounded half away from zero to 2
//!    decimals. An officer nobody rated by name takes the unit's IKM; with no responses at
//!    all there is no evidence of dissatisfaction and the satisfaction factor is 100 %.
//! 2. **Factor** ([`policy::Policy::factor`]): the policy's satisfaction rule, weighted with
//!    the other components, held between floor and cap, then rounded half away from zero to
//!    4 decimals (0.01 %): the factor as paid. A policy may limit how far it falls below the
//!    factor paid the month before ([`policy::Policy::hold_fall`]).
//! 3. **Amount** ([`amount`]): base TPP × paid factor, rounded *down* to whole rupiah (the
//!    allowance never pays a fraction above what the policy gives).
//! 4. **Payroll** ([`payroll`]): every officer of a month under one policy version, with a
//!    digest of all inputs, the run's states (draft → reviewed → approved → locked) and the
//!    differences between two versions of a month's run.
//! 5. **History** ([`history`]): what a run's entries in the signed audit chain say it is
//!    now, which `suara verify` holds its stored row to.
//! 6. **Pace** ([`pace`]): on-site answers faster than any real service left out of pay.
//! 7. **Sources** ([`sources`]): evidence from kiosks and counter accounts the inspectorate
//!    has not confirmed moves an officer's pay by at most the policy's margin.

pub mod deductions;
pub mod evidence;
pub mod history;
pub mod inputs;
pub mod pace;
pub mod payroll;
pub mod policy;
pub mod sources;

use num_bigint::BigInt;
use num_integer::Integer;
use num_rational::BigRational;
use num_traits::{One, ToPrimitive};

use crate::decimal::Decimal;
use policy::{FactorSteps, MissingComponent, OtherFactors, Policy};

/// Places of a satisfaction score.
pub const SCORE_PLACES: u32 = 2;

/// Counted responses and the IKM they give (as published, 2 decimals).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rated {
    pub responses: u64,
    pub ikm: Decimal,
    /// The spread of the responses, for the evidence rule's confidence interval.
    pub spread: evidence::Spread,
}

/// Where an officer's score came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScoreBasis {
    /// Rated by name and blended with the unit.
    Blended { officer: Rated, unit: Rated, k: u32 },
    /// Rated by name; the unit has no other figure to blend with.
    OfficerOnly { officer: Rated },
    /// Not rated by name (or not public-facing): the unit's score.
    UnitOnly { unit: Rated },
    /// No counted response for the officer or the unit.
    NoResponses,
}

impl ScoreBasis {
    /// A stable code for files and APIs.
    pub fn code(&self) -> &'static str {
        match self {
            ScoreBasis::Blended { .. } => "blended",
            ScoreBasis::OfficerOnly { .. } => "officer_only",
            ScoreBasis::UnitOnly { .. } => "unit_only",
            ScoreBasis::NoResponses => "no_responses",
        }
    }

    /// The score this basis gives, 2 decimals; `None` without responses.
    pub fn score(&self) -> Option<Decimal> {
        let rational = |d: Decimal| d.to_rational();
        match *self {
            ScoreBasis::Blended { officer, unit, k } => {
                let n = BigRational::from_integer(BigInt::from(officer.responses));
                let k = BigRational::from_integer(BigInt::from(k));
                let blended = (&n * rational(officer.ikm) + &k * rational(unit.ikm)) / (n + k);
                Some(Decimal::round_half_away(&blended, SCORE_PLACES))
            }
            ScoreBasis::OfficerOnly { officer } => Some(officer.ikm),
            ScoreBasis::UnitOnly { unit } => Some(unit.ikm),
            ScoreBasis::NoResponses => None,
        }
    }
}

/// The basis of an officer's score from their own and their unit's counted responses.
pub fn officer_score(officer: Option<Rated>, unit: Option<Rated>, k: u32) -> ScoreBasis {
    let officer = officer.filter(|o| o.responses > 0);
    let unit = unit.filter(|u| u.responses > 0);
    match (officer, unit) {
        (Some(officer), Some(unit)) => ScoreBasis::Blended { officer, unit, k },
        (Some(officer), None) => ScoreBasis::OfficerOnly { officer },
        (None, Some(unit)) => ScoreBasis::UnitOnly { unit },
        (None, None) => ScoreBasis::NoResponses,
    }
}

/// Base × factor, rounded down to whole rupiah. Bases are whole, non-negative rupiah.
pub fn amount(base: u64, factor: Decimal) -> u64 {
    let exact = BigRational::from_integer(BigInt::from(base)) * factor.to_rational();
    exact.numer().div_floor(exact.denom()).to_u64().unwrap_or(0)
}

/// Whole rupiah as Indonesians write them: 3823500 → "3.823.500".
pub fn rupiah(amount: u64) -> String {
    let digits = amount.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// Everything that decided one officer's TPP for a month.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Explanation {
    pub basis: ScoreBasis,
    pub score: Option<Decimal>,
    /// Whether the evidence was enough to reduce pay, and the score the factor came from.
    pub evidence: evidence::Evidence,
    pub factor: FactorSteps,
    pub base: u64,
    /// Days assigned and days of the month, when only part of the month is paid.
    pub part: Option<(u32, u32)>,
    pub amount: u64,
}

/// The explanation for an officer assigned on `days` of the month's `of` days: base ×
/// factor × days / of, rounded down once to the whole rupiah.
pub fn part_of_month(explanation: Explanation, (days, of): (u32, u32)) -> Explanation {
    let share = BigRational::new(BigInt::from(days.min(of)), BigInt::from(of.max(1)));
    let exact = BigRational::from_integer(BigInt::from(explanation.base))
        * explanation.factor.paid.to_rational()
        * share;
    Explanation {
        amount: exact.numer().div_floor(exact.denom()).to_u64().unwrap_or(0),
        part: Some((days, of)),
        ..explanation
    }
}

/// One officer's TPP under a policy; `previous_factor` is the factor paid the month before,
/// if any (for the policy's monthly fall limit).
pub fn explain(
    policy: &Policy,
    basis: ScoreBasis,
    coverage: &evidence::Coverage,
    others: &OtherFactors,
    previous_factor: Option<Decimal>,
    base: u64,
) -> Result<Explanation, MissingComponent> {
    let score = basis.score();
    let evidence = evidence::assess(policy.evidence.as_ref(), &basis, score, coverage);
    let factor = match (evidence, score) {
        // The score's upper end decides: pay falls only on clear evidence.
        (evidence::Evidence::Bounded { upper, .. }, _) => {
            policy.factor(&upper.to_rational(), others)?
        }
        (evidence::Evidence::NotApplied, Some(score)) => {
            policy.factor(&score.to_rational(), others)?
        }
        // Full marks for satisfaction when too few could rate: the rule is not applied.
        _ => policy.factor_for_satisfaction(BigRational::one(), others)?,
    };
    let factor = policy.hold_fall(factor, previous_factor);
    Ok(Explanation {
        basis,
        score,
        evidence,
        amount: amount(base, factor.paid),
        factor,
        base,
        part: None,
    })
}

#[cfg(test)]
mod tests;
