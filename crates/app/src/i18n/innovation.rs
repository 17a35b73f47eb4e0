//! Words for innovations: labels of the registry's codes, the effect in one sentence, and
//! the small helpers pages and the index file share.

use std::collections::HashMap;

use suara_domain::innovation::effect::{Method, Verdict};
use suara_domain::innovation::measure::ScoreEffect;
use suara_domain::innovation::registry::{Form, Indicator, Initiator, PartnerKind};
use suara_domain::innovation::Stage;
use suara_store::StoredInnovation;

use super::catalogue as T;
use super::{element_name, Lang};

pub fn stage_label(lang: Lang, stage: Stage) -> &'static str {
    lang.t(match stage {
        Stage::Idea => T::STAGE_IDEA,
        Stage::Trial => T::STAGE_TRIAL,
        Stage::Implemented => T::STAGE_IMPLEMENTED,
        Stage::Replicated => T::STAGE_REPLICATED,
    })
}

pub fn partner_kind_label(lang: Lang, kind: PartnerKind) -> &'static str {
    lang.t(match kind {
        PartnerKind::University => T::PARTNER_UNIVERSITY,
        PartnerKind::Business => T::PARTNER_BUSINESS,
        PartnerKind::Community => T::PARTNER_COMMUNITY,
        PartnerKind::Village => T::PARTNER_VILLAGE,
        PartnerKind::Media => T::PARTNER_MEDIA,
        PartnerKind::Government => T::PARTNER_GOVERNMENT,
        PartnerKind::Other => T::PARTNER_OTHER,
    })
}

pub fn initiator_label(lang: Lang, initiator: Initiator) -> &'static str {
    lang.t(match initiator {
        Initiator::Regent => T::INITIATOR_REGENT,
        Initiator::Council => T::INITIATOR_COUNCIL,
        Initiator::Unit => T::INITIATOR_UNIT,
        Initiator::Officer => T::INITIATOR_OFFICER,
        Initiator::Citizen => T::INITIATOR_CITIZEN,
    })
}

pub fn form_label(lang: Lang, form: Form) -> &'static str {
    lang.t(match form {
        Form::PublicService => T::FORM_PUBLIC_SERVICE,
        Form::Governance => T::FORM_GOVERNANCE,
        Form::Other => T::FORM_OTHER,
    })
}

pub fn indicator_label(lang: Lang, indicator: Indicator) -> &'static str {
    lang.t(match indicator {
        Indicator::Regulation => T::INDICATOR_REGULATION,
        Indicator::People => T::INDICATOR_PEOPLE,
        Indicator::Budget => T::INDICATOR_BUDGET,
        Indicator::InformationTechnology => T::INDICATOR_IT,
        Indicator::Training => T::INDICATOR_TRAINING,
        Indicator::Planning => T::INDICATOR_PLANNING,
        Indicator::Actors => T::INDICATOR_ACTORS,
        Indicator::Network => T::INDICATOR_NETWORK,
        Indicator::Outreach => T::INDICATOR_OUTREACH,
        Indicator::Guide => T::INDICATOR_GUIDE,
        Indicator::Complaints => T::INDICATOR_COMPLAINTS,
        Indicator::Replication => T::INDICATOR_REPLICATION,
        Indicator::Benefit => T::INDICATOR_BENEFIT,
        Indicator::Monitoring => T::INDICATOR_MONITORING,
    })
}

pub fn verdict_label(lang: Lang, verdict: Verdict) -> &'static str {
    lang.t(match verdict {
        Verdict::RoseClearly => T::VERDICT_ROSE,
        Verdict::FellClearly => T::VERDICT_FELL,
        Verdict::NoChangeVisible => T::VERDICT_NO_CHANGE,
        Verdict::NotEnoughData => T::VERDICT_NOT_ENOUGH,
    })
}

/// The name of what an effect is measured on: an element, or the IKM.
pub fn score_name(lang: Lang, score: &ScoreEffect) -> &'static str {
    score.element.map_or("IKM", |e| element_name(lang, e))
}

/// A signed figure with two decimals in the page's language: `+0,31`.
fn signed(lang: Lang, value: f64) -> String {
    lang.decimal(format!("{value:+.2}"))
}

/// The effect in one plain sentence; `started`: whether any unit has started it.
pub fn effect_sentence(lang: Lang, score: &ScoreEffect, started: bool) -> String {
    let e = &score.effect;
    let name = score_name(lang, score);
    match (e.estimate, e.low, e.high) {
        (Some(estimate), Some(low), Some(high)) => {
            let template = match e.method {
                Method::DifferenceInDifferences => T::EFFECT_SENTENCE_COMPARED,
                Method::BeforeAfter => T::EFFECT_SENTENCE_BEFORE_AFTER,
            };
            lang.fill(
                template,
                &[
                    &name,
                    &signed(lang, estimate),
                    &signed(lang, low),
                    &signed(lang, high),
                ],
            )
        }
        _ if !started => lang.t(T::NOT_MEASURED_BEFORE_A_START).to_string(),
        _ => lang.fill(
            T::EFFECT_SENTENCE_NOT_ENOUGH,
            &[&name, &e.used.adopters_before.n, &e.used.adopters_after.n],
        ),
    }
}

/// A unit's name by its code (the code when it has none).
pub fn name<'a>(names: &'a HashMap<String, String>, unit_id: &'a str) -> &'a str {
    names.get(unit_id).map_or(unit_id, String::as_str)
}

/// Whether any unit has started the innovation.
pub fn started(innovation: &StoredInnovation) -> bool {
    innovation.units.iter().any(|u| u.started_on.is_some())
}

/// The SDG targets as one line: `SDG 3.8, 16.6`.
pub fn sdg_line(innovation: &StoredInnovation) -> String {
    innovation
        .innovation
        .sdgs
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}
