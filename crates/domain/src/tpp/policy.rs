//! A TPP policy: how an officer's satisfaction score (and, optionally, other components)
//! becomes the share of their base TPP that is paid. Policies are data, versioned, with an
//! effective period, read from and written to TOML:
//!
//! ```toml
//! version = "2026-01"
//! effective_from = "2026-01"
//! # effective_until = "2026-12"
//! blend_k = 30                 # weight of the unit's score when blending (see `score`)
//! min_trust = "onsite"         # open | onsite | verified: which responses count for pay
//! floor = "0"                  # the factor never goes below this…
//! cap = "1"                    # …nor above this
//! # max_monthly_fall = "0.1"   # nor more than this below last month's paid factor
//! not_serving_public = "unit"  # staff who serve no one at a counter take their unit's
//!                              # score; "units_led": a unit head among them takes the
//!                              # evidence of the units they lead, with the units below
//! part_month = "last_day"      # who is paid for a month someone joins or leaves in: the
//!                              # whole month to whoever works on its last day; "days":
//!                              # everyone assigned in it, for the days they were
//!
//! [satisfaction]
//! rule = "proportional"        # ≥ threshold → 100 %, below → score / 100
//! threshold = "80"
//! # rule = "linear_to_threshold"   ≥ threshold → 100 %, below → score / threshold
//! # rule = "steps", bands = [{ from = "80", factor = "1" }, { from = "60", factor = "0.8" }]
//!
//! [evidence]                   # when pay may be reduced (see `evidence`)
//! sample = "krejcie_morgan"    # the unit needs the survey's sample for its users per month…
//! min_responses = 30           # …and at least this many pay-counting responses
//! min_days = 10                # given on at least this many distinct days of the month
//! # months = 3                 # judge each month on the evidence of this many months, it
//!                              # and the ones before it (1 to 12; 1 by default); the
//!                              # sample is then for the users of all of them, and the days
//!                              # are counted over all of them
//! # Without `sample` or `min_days` (policies saved before them) neither applies.
//! confidence = 95              # 90, 95 or 99: the score's upper end at this level decides
//! unconfirmed_percent = 1      # evidence from sources the inspectorate has not confirmed
//!                              # may move an officer's TPP by at most this % of base
//! # Without `unconfirmed_percent` (policies saved before it) every source counts.
//!
//! [weights]                    # optional; satisfaction alone by default
//! satisfaction = "0.6"
//! attendance = "0.2"
//! productivity = "0.2"
//!
//! [[deductions]]               # optional: withheld on the payable list, in this order
//! name = "PPh Pasal 21"
//! percent_by_rank = { IV = "15", III = "5" }   # by golongan group; other ranks: `percent`
//! [[deductions]]
//! name = "Iuran BPJS Kesehatan"
//! percent = "1"
//! cap = 120000                 # rupiah a month at most
//! ```
//!
//! Numbers may be written as strings, integers or decimals; they are read exactly as
//! written (`0.1` is one tenth, not the nearest binary fraction). In a string, a decimal
//! comma reads as the point (`floor = "0,25"`).

use std::collections::BTreeMap;
use std::fmt::Write as _;

use num_rational::BigRational;
use num_traits::{One, Zero};
use serde::Deserialize;

use crate::decimal::Decimal;
use crate::integrity::channel::Trust;
use crate::period::Month;
use crate::reason::Reason;
use crate::tpp::deductions::{highest_total_percent, is_group, Deduction};
use crate::tpp::evidence::EvidenceRule;

/// Places of the factor as paid: 0.01 % steps.
pub const FACTOR_PLACES: u32 = 4;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Policy {
    pub version: String,
    pub effective_from: Month,
    pub effective_until: Option<Month>,
    pub rule: SatisfactionRule,
    pub floor: Decimal,
    pub cap: Decimal,
    pub blend_k: u32,
    pub min_trust: Trust,
    /// How far the factor may fall below the one paid the month before (0–1); `None`: no
    /// limit.
    pub max_monthly_fall: Option<Decimal>,
    /// Whose score judges staff who do not serve the public.
    pub not_serving_public: NotServingPublic,
    /// Who is paid for a month someone joins or leaves in, and how much.
    pub part_month: PartMonth,
    /// When pay may be reduced; `None` for policies saved before the rule existed (their
    /// runs are recomputed as they were).
    pub evidence: Option<EvidenceRule>,
    pub weights: Weights,
    /// What is withheld from the TPP on the payable list; none unless the policy says.
    pub deductions: Vec<Deduction>,
}

/// Whose score judges an officer who does not serve the public (`serves_public = tidak`):
/// nobody rates them by name, so the policy says whose evidence stands for their work.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum NotServingPublic {
    /// Their unit's score (or the nearest unit above it with responses), as for everyone.
    #[default]
    Unit,
    /// A unit head takes the evidence of every unit they head (`NIP KEPALA`) and the units
    /// below them, added up: the head of a health office answers for its puskesmas. Staff
    /// who head no unit take their unit's score.
    UnitsLed,
}

impl NotServingPublic {
    pub fn code(self) -> &'static str {
        match self {
            NotServingPublic::Unit => "unit",
            NotServingPublic::UnitsLed => "units_led",
        }
    }
}

/// Who is paid for a month an officer joins or leaves in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PartMonth {
    /// The month's whole TPP to whoever works on its last day (in the unit they work in
    /// then); nothing to someone whose last working day came before it.
    #[default]
    LastDay,
    /// Everyone assigned on any day of the month, for the days assigned: base × factor ×
    /// days assigned / days of the month, rounded down to the rupiah, in the unit of their
    /// last day in it.
    Days,
}

impl PartMonth {
    pub fn code(self) -> &'static str {
        match self {
            PartMonth::LastDay => "last_day",
            PartMonth::Days => "days",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SatisfactionRule {
    /// At or above the threshold 100 %; below it the score as a percentage (the regent's
    /// example: 50 → 50 %).
    Proportional { threshold: Decimal },
    /// At or above the threshold 100 %; below it score / threshold.
    LinearToThreshold { threshold: Decimal },
    /// The factor of the highest band the score reaches; below every band, 0.
    Steps { bands: Vec<Band> },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Band {
    pub from: Decimal,
    pub factor: Decimal,
}

/// Shares of the final factor; they add up to exactly 1.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Weights {
    pub satisfaction: Decimal,
    pub attendance: Decimal,
    pub productivity: Decimal,
}

impl Default for Weights {
    fn default() -> Weights {
        Weights {
            satisfaction: Decimal::new(1, 0),
            attendance: Decimal::new(0, 0),
            productivity: Decimal::new(0, 0),
        }
    }
}

/// Factors of the other components for one officer and month, imported (0–1).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct OtherFactors {
    pub attendance: Option<Decimal>,
    pub productivity: Option<Decimal>,
}

/// How a factor came about, every step exact until the last rounding.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FactorSteps {
    /// What the satisfaction rule gives for the score.
    pub satisfaction: BigRational,
    /// The weighted sum of the components.
    pub combined: BigRational,
    /// After floor and cap.
    pub bounded: BigRational,
    /// When the monthly fall limit raised the factor: what it was held at.
    pub fall_held: Option<FallHeld>,
    /// As paid: rounded half away from zero to [`FACTOR_PLACES`] places.
    pub paid: Decimal,
}

/// The monthly fall limit at work: the factor paid the month before (the cap when none was
/// paid) and the lowest the limit allows now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FallHeld {
    pub previous: Decimal,
    pub lowest: Decimal,
}

/// A step of a factor as shown to people, to [`FACTOR_PLACES`] places (half away from zero).
pub fn factor_shown(value: &BigRational) -> Decimal {
    Decimal::round_half_away(value, FACTOR_PLACES)
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PolicyError {
    #[error("the policy is not valid TOML: {0}")]
    Toml(String),
    #[error("{}", .0.iter().map(|p| format!("{}: {}", p.field, p.reason)).collect::<Vec<_>>().join("; "))]
    Invalid(Vec<PolicyProblem>),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PolicyProblem {
    pub field: String,
    pub reason: Reason,
}

/// A component the policy weighs has no imported factor for the officer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("no {0} factor was imported, and the policy gives it weight")]
pub struct MissingComponent(pub &'static str);

fn ratio(d: Decimal) -> BigRational {
    d.to_rational()
}

impl Policy {
    /// The default policy: the regent's rule from January 2026 on.
    pub fn regency_default() -> Policy {
        Policy {
            version: "default".into(),
            effective_from: Month::new(2026, 1).expect("a valid month"),
            effective_until: None,
            rule: SatisfactionRule::Proportional {
                threshold: Decimal::new(80, 0),
            },
            floor: Decimal::new(0, 0),
            cap: Decimal::new(1, 0),
            blend_k: 30,
            // Open responses (any link, any client) can be made by anyone: they count for the
            // published SKM, not for pay.
            min_trust: Trust::Onsite,
            max_monthly_fall: None,
            not_serving_public: NotServingPublic::Unit,
            part_month: PartMonth::LastDay,
            evidence: Some(EvidenceRule::default()),
            weights: Weights::default(),
            deductions: Vec::new(),
        }
    }

    pub fn covers(&self, month: Month) -> bool {
        self.effective_from <= month && self.effective_until.is_none_or(|until| month <= until)
    }

    /// What the satisfaction rule gives for a score (25–100).
    pub fn satisfaction_factor(&self, score: &BigRational) -> BigRational {
        match &self.rule {
            SatisfactionRule::Proportional { threshold } => {
                if score >= &ratio(*threshold) {
                    BigRational::one()
                } else {
                    score / BigRational::from_integer(100.into())
                }
            }
            SatisfactionRule::LinearToThreshold { threshold } => {
                let threshold = ratio(*threshold);
                if score >= &threshold {
                    BigRational::one()
                } else {
                    score / threshold
                }
            }
            SatisfactionRule::Steps { bands } => bands
                .iter()
                .find(|band| score >= &ratio(band.from))
                .map_or_else(BigRational::zero, |band| ratio(band.factor)),
        }
    }

    /// The factor of the base TPP paid for a satisfaction score and the other components.
    pub fn factor(
        &self,
        score: &BigRational,
        others: &OtherFactors,
    ) -> Result<FactorSteps, MissingComponent> {
        self.factor_for_satisfaction(self.satisfaction_factor(score), others)
    }

    /// The factor paid for a given satisfaction factor and the other components.
    pub fn factor_for_satisfaction(
        &self,
        satisfaction: BigRational,
        others: &OtherFactors,
    ) -> Result<FactorSteps, MissingComponent> {
        let mut combined = &satisfaction * ratio(self.weights.satisfaction);
        for (name, weight, factor) in [
            ("attendance", self.weights.attendance, others.attendance),
            (
                "productivity",
                self.weights.productivity,
                others.productivity,
            ),
        ] {
            if weight.scaled() == 0 {
                continue;
            }
            let factor = factor.ok_or(MissingComponent(name))?;
            combined += ratio(weight) * ratio(factor);
        }
        let bounded = combined.clone().max(ratio(self.floor)).min(ratio(self.cap));
        let paid = Decimal::round_half_away(&bounded, FACTOR_PLACES);
        Ok(FactorSteps {
            satisfaction,
            combined,
            bounded,
            fall_held: None,
            paid,
        })
    }

    /// Holds a factor to at most `max_monthly_fall` below `previous`, the factor paid the
    /// month before (`None`, nothing paid then: the cap), so one month's evidence moves pay
    /// by a bounded step. Never above the cap. Both ends have at most [`FACTOR_PLACES`]
    /// places, so the held factor needs no rounding.
    pub fn hold_fall(&self, steps: FactorSteps, previous: Option<Decimal>) -> FactorSteps {
        let Some(fall) = self.max_monthly_fall else {
            return steps;
        };
        let previous = previous
            .filter(|p| ratio(*p) < ratio(self.cap))
            .unwrap_or(self.cap);
        let lowest = ratio(previous) - ratio(fall);
        if steps.bounded >= lowest {
            return steps;
        }
        let lowest = Decimal::round_half_away(&lowest, FACTOR_PLACES);
        FactorSteps {
            fall_held: Some(FallHeld { previous, lowest }),
            paid: lowest,
            ..steps
        }
    }

    /// Reads a policy from TOML and checks it, listing every problem.
    pub fn from_toml(text: &str) -> Result<Policy, PolicyError> {
        let raw: RawPolicy =
            toml::from_str(text).map_err(|e| PolicyError::Toml(e.message().to_string()))?;
        raw.check()
    }

    /// The policy as TOML, in the form [`Policy::from_toml`] reads.
    pub fn to_toml(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "version = {}", quoted(&self.version));
        let _ = writeln!(out, "effective_from = \"{}\"", self.effective_from);
        if let Some(until) = self.effective_until {
            let _ = writeln!(out, "effective_until = \"{until}\"");
        }
        let _ = writeln!(out, "blend_k = {}", self.blend_k);
        let _ = writeln!(out, "min_trust = \"{}\"", self.min_trust.code());
        let _ = writeln!(out, "floor = \"{}\"", self.floor);
        let _ = writeln!(out, "cap = \"{}\"", self.cap);
        // Written only when set, so earlier policies write back as they were.
        if let Some(fall) = self.max_monthly_fall {
            let _ = writeln!(out, "max_monthly_fall = \"{fall}\"");
        }
        if self.not_serving_public != NotServingPublic::Unit {
            let _ = writeln!(
                out,
                "not_serving_public = \"{}\"",
                self.not_serving_public.code()
            );
        }
        // Written only for days, so earlier policies write back (and digest) as they were.
        if self.part_month != PartMonth::LastDay {
            let _ = writeln!(out, "part_month = \"{}\"", self.part_month.code());
        }
        out.push_str("\n[satisfaction]\n");
        match &self.rule {
            SatisfactionRule::Proportional { threshold } => {
                let _ = writeln!(out, "rule = \"proportional\"\nthreshold = \"{threshold}\"");
            }
            SatisfactionRule::LinearToThreshold { threshold } => {
                let _ = writeln!(
                    out,
                    "rule = \"linear_to_threshold\"\nthreshold = \"{threshold}\""
                );
            }
            SatisfactionRule::Steps { bands } => {
                let bands: Vec<String> = bands
                    .iter()
                    .map(|b| format!("{{ from = \"{}\", factor = \"{}\" }}", b.from, b.factor))
                    .collect();
                let _ = writeln!(out, "rule = \"steps\"\nbands = [{}]", bands.join(", "));
            }
        }
        if let Some(evidence) = &self.evidence {
            // A rule without sample and days is written as policies saved before them were,
            // so their stored runs digest to what they did.
            out.push_str("\n[evidence]\n");
            if evidence.sample_from_users {
                out.push_str("sample = \"krejcie_morgan\"\n");
            }
            let _ = writeln!(out, "min_responses = {}", evidence.min_responses);
            if evidence.min_days > 0 {
                let _ = writeln!(out, "min_days = {}", evidence.min_days);
            }
            let _ = writeln!(out, "confidence = {}", evidence.confidence);
            if let Some(percent) = evidence.unconfirmed_percent {
                let _ = writeln!(out, "unconfirmed_percent = {percent}");
            }
            // Written only beyond one month, so earlier policies write back as they were.
            if evidence.months > 1 {
                let _ = writeln!(out, "months = {}", evidence.months);
            }
        }
        let w = &self.weights;
        let _ = writeln!(
            out,
            "\n[weights]\nsatisfaction = \"{}\"\nattendance = \"{}\"\nproductivity = \"{}\"",
            w.satisfaction, w.attendance, w.productivity
        );
        // Written only when there are any, so earlier policies write back as they were.
        for d in &self.deductions {
            let _ = writeln!(out, "\n[[deductions]]\nname = {}", quoted(&d.name));
            let _ = writeln!(out, "percent = \"{}\"", d.percent);
            if !d.by_rank.is_empty() {
                let ranks: Vec<String> = d
                    .by_rank
                    .iter()
                    .map(|(rank, p)| format!("{} = \"{p}\"", quoted(rank)))
                    .collect();
                let _ = writeln!(out, "percent_by_rank = {{ {} }}", ranks.join(", "));
            }
            if let Some(cap) = d.cap {
                let _ = writeln!(out, "cap = {cap}");
            }
        }
        out
    }
}

/// A TOML basic string.
fn quoted(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A number as TOML may give it.
#[derive(Deserialize, Clone, Debug)]
#[serde(untagged)]
enum Number {
    Integer(i64),
    Float(f64),
    Text(String),
}

impl Number {
    /// The decimal as written: a float's shortest round-trip form is what was typed.
    fn decimal(&self) -> Option<Decimal> {
        match self {
            Number::Integer(n) => Some(Decimal::new(*n, 0)),
            Number::Float(f) if f.is_finite() => Decimal::parse(&format!("{f}")),
            Number::Float(_) => None,
            // A decimal comma, as Indonesians write it ("0,85"), reads as the point.
            Number::Text(text) if !text.contains('.') => {
                Decimal::parse(&text.replacen(',', ".", 1))
            }
            Number::Text(text) => Decimal::parse(text),
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPolicy {
    version: String,
    effective_from: String,
    effective_until: Option<String>,
    blend_k: Option<i64>,
    min_trust: Option<String>,
    floor: Option<Number>,
    cap: Option<Number>,
    max_monthly_fall: Option<Number>,
    not_serving_public: Option<String>,
    part_month: Option<String>,
    satisfaction: RawRule,
    evidence: Option<RawEvidence>,
    weights: Option<RawWeights>,
    deductions: Option<Vec<RawDeduction>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDeduction {
    name: String,
    percent: Option<Number>,
    percent_by_rank: Option<BTreeMap<String, Number>>,
    cap: Option<i64>,
}

impl RawDeduction {
    fn check(&self, i: usize, c: &mut Checker) -> Option<Deduction> {
        let field = |name: &str| format!("deductions[{i}].{name}");
        let name = self.name.trim().to_string();
        if name.is_empty() || name.chars().count() > 60 {
            c.problem(&field("name"), Reason::Length { min: 1, max: 60 });
        }
        let percent = |c: &mut Checker, field: &str, value: Option<&Number>| {
            let d = c.number(field, value, Some(Decimal::new(0, 0)), (0, 100))?;
            if d.places() > 4 {
                c.problem(
                    field,
                    Reason::TooManyPlaces {
                        value: d,
                        places: 4,
                    },
                );
                return None;
            }
            Some(d)
        };
        let flat = percent(c, &field("percent"), self.percent.as_ref());
        let mut by_rank = BTreeMap::new();
        let mut ranks_ok = true;
        for (rank, value) in self.percent_by_rank.iter().flatten() {
            let at = field(&format!("percent_by_rank.{rank}"));
            let group = rank.trim().to_uppercase();
            if !is_group(&group) {
                c.problem(
                    &at,
                    Reason::NotAGroup {
                        value: rank.clone(),
                    },
                );
                ranks_ok = false;
                continue;
            }
            match percent(c, &at, Some(value)) {
                Some(d) => {
                    by_rank.insert(group, d);
                }
                None => ranks_ok = false,
            }
        }
        let cap = match self.cap {
            None => Some(None),
            Some(n) => match u64::try_from(n) {
                Ok(n) => Some(Some(n)),
                Err(_) => {
                    c.problem(&field("cap"), Reason::BelowZero { value: n });
                    None
                }
            },
        };
        match (flat, cap) {
            (Some(percent), Some(cap)) if ranks_ok && !name.is_empty() => Some(Deduction {
                name,
                percent,
                by_rank,
                cap,
            }),
            _ => None,
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEvidence {
    sample: Option<String>,
    min_responses: Option<i64>,
    min_days: Option<i64>,
    confidence: Option<i64>,
    unconfirmed_percent: Option<i64>,
    months: Option<i64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    rule: String,
    threshold: Option<Number>,
    bands: Option<Vec<RawBand>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBand {
    from: Number,
    factor: Number,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawWeights {
    satisfaction: Option<Number>,
    attendance: Option<Number>,
    productivity: Option<Number>,
}

/// Collects problems while reading fields.
struct Checker(Vec<PolicyProblem>);

impl Checker {
    fn problem(&mut self, field: &str, reason: Reason) {
        self.0.push(PolicyProblem {
            field: field.into(),
            reason,
        });
    }

    /// A factor or weight: 0–1 with at most [`FACTOR_PLACES`] places, so that rounding the
    /// paid factor can never step over a cap.
    fn share(
        &mut self,
        field: &str,
        value: Option<&Number>,
        default: Option<Decimal>,
    ) -> Option<Decimal> {
        let share = self.number(field, value, default, (0, 1))?;
        let exact = Decimal::round_half_away(&share.to_rational(), FACTOR_PLACES).to_rational();
        if exact != share.to_rational() {
            self.problem(
                field,
                Reason::TooManyPlaces {
                    value: share,
                    places: FACTOR_PLACES,
                },
            );
            return None;
        }
        Some(share)
    }

    /// A decimal within `low..=high`; `default` when absent.
    fn number(
        &mut self,
        field: &str,
        value: Option<&Number>,
        default: Option<Decimal>,
        (low, high): (i64, i64),
    ) -> Option<Decimal> {
        let decimal = match value {
            None => match default {
                Some(d) => return Some(d),
                None => {
                    self.problem(field, Reason::IsRequired);
                    return None;
                }
            },
            Some(value) => value.decimal(),
        };
        match decimal {
            Some(d)
                if ratio(d) >= BigRational::from_integer(low.into())
                    && ratio(d) <= BigRational::from_integer(high.into()) =>
            {
                Some(d)
            }
            Some(d) => {
                self.problem(
                    field,
                    Reason::NotBetween {
                        value: d,
                        low,
                        high,
                    },
                );
                None
            }
            None => {
                self.problem(field, Reason::NotADecimal);
                None
            }
        }
    }

    fn month(&mut self, field: &str, text: &str) -> Option<Month> {
        let month = text.parse::<Month>().ok();
        if month.is_none() {
            self.problem(
                field,
                Reason::NotAMonth {
                    value: text.to_string(),
                },
            );
        }
        month
    }
}

impl RawPolicy {
    fn check(self) -> Result<Policy, PolicyError> {
        let mut c = Checker(Vec::new());
        let version = self.version.trim().to_string();
        if version.is_empty() || version.chars().count() > 40 {
            c.problem("version", Reason::Length { min: 1, max: 40 });
        }
        let (from, until) = self.check_period(&mut c);
        let blend_k = match self.blend_k.unwrap_or(30) {
            k @ 0..=10_000 => Some(k as u32),
            k => {
                c.problem("blend_k", Reason::not_between(k, 0, 10_000));
                None
            }
        };
        let trust_code = self.min_trust.as_deref().unwrap_or("onsite");
        let min_trust = Trust::from_code(trust_code);
        if min_trust.is_none() {
            c.problem(
                "min_trust",
                Reason::NotATrust {
                    value: trust_code.to_string(),
                },
            );
        }
        let zero = Decimal::new(0, 0);
        let one = Decimal::new(1, 0);
        let floor = c.share("floor", self.floor.as_ref(), Some(zero));
        let cap = c.share("cap", self.cap.as_ref(), Some(one));
        if let (Some(floor), Some(cap)) = (floor, cap) {
            if ratio(floor) > ratio(cap) {
                c.problem("floor", Reason::FloorAboveCap { floor, cap });
            }
        }
        let max_monthly_fall = self.check_max_monthly_fall(&mut c);
        let not_serving_public = match self.not_serving_public.as_deref() {
            None | Some("unit") => NotServingPublic::Unit,
            Some("units_led") => NotServingPublic::UnitsLed,
            Some(other) => {
                c.problem(
                    "not_serving_public",
                    Reason::NotAServingRule {
                        value: other.to_string(),
                    },
                );
                NotServingPublic::Unit
            }
        };
        let part_month = match self.part_month.as_deref() {
            None | Some("last_day") => PartMonth::LastDay,
            Some("days") => PartMonth::Days,
            Some(other) => {
                c.problem(
                    "part_month",
                    Reason::NotAPartMonthRule {
                        value: other.to_string(),
                    },
                );
                PartMonth::LastDay
            }
        };
        let rule = self.satisfaction.check(&mut c);
        let deductions = self.check_deductions(&mut c);
        let evidence = self.evidence.as_ref().map(|raw| raw.check(&mut c));
        let weights = RawWeights::check(self.weights.as_ref(), &mut c);
        match (from, until, blend_k, min_trust, floor, cap, rule, weights) {
            (
                Some(effective_from),
                None | Some(Some(_)),
                Some(blend_k),
                Some(min_trust),
                Some(floor),
                Some(cap),
                Some(rule),
                Some(weights),
            ) if c.0.is_empty() => Ok(Policy {
                version,
                effective_from,
                effective_until: until.flatten(),
                rule,
                floor,
                cap,
                blend_k,
                min_trust,
                max_monthly_fall: max_monthly_fall.flatten(),
                not_serving_public,
                part_month,
                evidence,
                weights,
                deductions,
            }),
            _ => Err(PolicyError::Invalid(c.0)),
        }
    }

    /// The effective months, the end (when given) not before the start.
    fn check_period(&self, c: &mut Checker) -> (Option<Month>, Option<Option<Month>>) {
        let from = c.month("effective_from", &self.effective_from);
        let until = self
            .effective_until
            .as_deref()
            .map(|t| c.month("effective_until", t));
        if let (Some(from), Some(Some(until))) = (from, until) {
            if until < from {
                c.problem("effective_until", Reason::BeforeEffectiveFrom);
            }
        }
        (from, until)
    }

    /// The most the paid factor may fall in a month: `Some(None)` for no limit, `None` when
    /// the value is wrong.
    fn check_max_monthly_fall(&self, c: &mut Checker) -> Option<Option<Decimal>> {
        match &self.max_monthly_fall {
            None => Some(None),
            Some(raw) => match c.share("max_monthly_fall", Some(raw), None) {
                Some(fall) if fall.scaled() == 0 => {
                    c.problem("max_monthly_fall", Reason::FallNotAboveZero);
                    None
                }
                fall => fall.map(Some),
            },
        }
    }

    /// The deductions that check, at most ten, together withholding no more than everything.
    fn check_deductions(&self, c: &mut Checker) -> Vec<Deduction> {
        let raw_deductions = self.deductions.as_deref().unwrap_or_default();
        if raw_deductions.len() > 10 {
            c.problem("deductions", Reason::TooManyDeductions);
        }
        let deductions: Vec<Deduction> = raw_deductions
            .iter()
            .enumerate()
            .filter_map(|(i, d)| d.check(i, c))
            .collect();
        if highest_total_percent(&deductions) > BigRational::from_integer(100.into()) {
            c.problem("deductions", Reason::DeductionsOver100);
        }
        deductions
    }
}

impl RawEvidence {
    /// The evidence rule, each value in its bounds (or a problem and the default).
    fn check(&self, c: &mut Checker) -> EvidenceRule {
        let raw = self;
        let defaults = EvidenceRule::default();
        let min_responses = match raw.min_responses {
            None => defaults.min_responses,
            Some(n @ 2..=100_000) => n as u32,
            Some(n) => {
                c.problem("evidence.min_responses", Reason::not_between(n, 2, 100_000));
                defaults.min_responses
            }
        };
        let confidence = match raw.confidence {
            None => defaults.confidence,
            Some(level) if EvidenceRule::LEVELS.contains(&(level as u32)) && level > 0 => {
                level as u32
            }
            Some(level) => {
                c.problem(
                    "evidence.confidence",
                    Reason::NotAConfidence { value: level },
                );
                defaults.confidence
            }
        };
        // Absent, as in policies saved before the keys existed: not applied.
        let sample_from_users = match raw.sample.as_deref() {
            Some("krejcie_morgan") => true,
            None | Some("min_responses") => false,
            Some(other) => {
                c.problem(
                    "evidence.sample",
                    Reason::NotASampleRule {
                        value: other.to_string(),
                    },
                );
                true
            }
        };
        let min_days = match raw.min_days {
            None => 0,
            Some(n @ 0..=31) => n as u32,
            Some(n) => {
                c.problem("evidence.min_days", Reason::not_between(n, 0, 31));
                defaults.min_days
            }
        };
        let unconfirmed_percent = match raw.unconfirmed_percent {
            None => None,
            Some(n @ 0..=100) => Some(n as u32),
            Some(n) => {
                c.problem(
                    "evidence.unconfirmed_percent",
                    Reason::not_between(n, 0, 100),
                );
                defaults.unconfirmed_percent
            }
        };
        let months = match raw.months {
            None => defaults.months,
            Some(n @ 1..=12) => n as u32,
            Some(n) => {
                c.problem("evidence.months", Reason::not_between(n, 1, 12));
                defaults.months
            }
        };
        EvidenceRule {
            min_responses,
            sample_from_users,
            min_days,
            confidence,
            unconfirmed_percent,
            months,
        }
    }
}

impl RawWeights {
    /// The weights of the score's parts; the default when none are given.
    fn check(raw: Option<&RawWeights>, c: &mut Checker) -> Option<Weights> {
        let zero = Decimal::new(0, 0);
        match raw {
            None => Some(Weights::default()),
            Some(raw) => {
                let s = c.share(
                    "weights.satisfaction",
                    raw.satisfaction.as_ref(),
                    Some(zero),
                );
                let a = c.share("weights.attendance", raw.attendance.as_ref(), Some(zero));
                let p = c.share(
                    "weights.productivity",
                    raw.productivity.as_ref(),
                    Some(zero),
                );
                match (s, a, p) {
                    (Some(s), Some(a), Some(p)) => {
                        if ratio(s) + ratio(a) + ratio(p) != BigRational::one() {
                            c.problem(
                                "weights",
                                Reason::WeightsSum {
                                    satisfaction: s,
                                    attendance: a,
                                    productivity: p,
                                },
                            );
                        }
                        if s.scaled() == 0 {
                            c.problem("weights.satisfaction", Reason::SatisfactionWeightZero);
                        }
                        Some(Weights {
                            satisfaction: s,
                            attendance: a,
                            productivity: p,
                        })
                    }
                    _ => None,
                }
            }
        }
    }
}

impl RawRule {
    fn check(&self, c: &mut Checker) -> Option<SatisfactionRule> {
        let threshold = |c: &mut Checker| {
            c.number(
                "satisfaction.threshold",
                self.threshold.as_ref(),
                None,
                (25, 100),
            )
        };
        match self.rule.as_str() {
            "proportional" => {
                threshold(c).map(|threshold| SatisfactionRule::Proportional { threshold })
            }
            "linear_to_threshold" => {
                threshold(c).map(|threshold| SatisfactionRule::LinearToThreshold { threshold })
            }
            "steps" => {
                let Some(raw) = self.bands.as_ref().filter(|b| !b.is_empty()) else {
                    c.problem("satisfaction.bands", Reason::StepsNeedABand);
                    return None;
                };
                let mut bands = Vec::new();
                for (i, band) in raw.iter().enumerate() {
                    let from = c.number(
                        &format!("satisfaction.bands[{i}].from"),
                        Some(&band.from),
                        None,
                        (25, 100),
                    );
                    let factor = c.share(
                        &format!("satisfaction.bands[{i}].factor"),
                        Some(&band.factor),
                        None,
                    );
                    if let (Some(from), Some(factor)) = (from, factor) {
                        bands.push(Band { from, factor });
                    }
                }
                if bands.len() != raw.len() {
                    return None;
                }
                // Highest band first; a higher score may never pay less.
                bands.sort_by_key(|band| std::cmp::Reverse(ratio(band.from)));
                for pair in bands.windows(2) {
                    if ratio(pair[0].from) == ratio(pair[1].from) {
                        c.problem(
                            "satisfaction.bands",
                            Reason::TwoBands { from: pair[0].from },
                        );
                    } else if ratio(pair[0].factor) < ratio(pair[1].factor) {
                        c.problem(
                            "satisfaction.bands",
                            Reason::BandPaysLess {
                                higher: pair[0].from,
                                lower: pair[1].from,
                            },
                        );
                    }
                }
                Some(SatisfactionRule::Steps { bands })
            }
            other => {
                c.problem(
                    "satisfaction.rule",
                    Reason::NotARule {
                        value: other.to_string(),
                    },
                );
                None
            }
        }
    }
}
