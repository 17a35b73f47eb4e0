//! Innovation pages: the public gallery and profiles ([`public`]), the staff registry and
//! its management ([`registry`], [`form`], [`edit`], [`manage`]), ideas and what citizens asked for ([`ideas`]),
//! the regent's summary ([`summary`]) and the regional innovation index export
//! ([`export`]). Labels of the domain's codes and the effect's words and drawing live here.

pub mod edit;
pub mod export;
pub mod form;
pub mod ideas;
pub mod manage;
pub mod public;
pub mod registry;
pub mod summary;

use std::collections::HashMap;

use maud::{html, Markup};
use suara_domain::access::Role;
use suara_domain::innovation::effect::{Effect, Method, Verdict};
use suara_domain::innovation::measure::ScoreEffect;
use suara_domain::innovation::registry::{Form, Indicator, Initiator, PartnerKind};
use suara_domain::innovation::Stage;
use suara_store::{IdeaStatus, StoredInnovation};

use crate::auth::Staff;
use crate::pages::context::StaffCx;
use crate::pages::failure::{Missing, PageError};
use crate::pages::staff::units_tree;
use crate::routes;
use crate::AppState;
use suara_app::i18n::catalogue as T;
use suara_app::i18n::{element_name, Lang};
pub use suara_app::innovation::{effects_of, EffectCells};

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

pub fn idea_status_label(lang: Lang, status: IdeaStatus) -> &'static str {
    lang.t(match status {
        IdeaStatus::Open => T::IDEA_OPEN,
        IdeaStatus::TakenUp => T::IDEA_TAKEN_UP,
        IdeaStatus::Declined => T::IDEA_DECLINED,
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
fn score_name(lang: Lang, score: &ScoreEffect) -> &'static str {
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

/// The responses behind an estimate, in words.
fn responses_line(lang: Lang, e: &Effect) -> String {
    let u = &e.used;
    lang.fill(
        T::EFFECT_RESPONSES,
        &[
            &u.adopters_before.n,
            &u.adopters_after.n,
            &u.others_before.n,
            &u.others_after.n,
        ],
    )
}

/// The interval drawn on a line through zero; the sentence is its text. Drawn only for an
/// estimate, which needs a start.
fn interval_drawing(lang: Lang, score: &ScoreEffect) -> Markup {
    let e = &score.effect;
    let (Some(estimate), Some(low), Some(high)) = (e.estimate, e.low, e.high) else {
        return html! {};
    };
    // NRR points run 1–4, IKM points 25–100: each drawing has its own scale.
    let floor = if score.element.is_some() { 0.5 } else { 10.0 };
    let reach = low.abs().max(high.abs()).max(floor) * 1.15;
    let x = |v: f64| 10.0 + (v + reach) / (2.0 * reach) * 300.0;
    let class = match e.verdict {
        Verdict::RoseClearly => "rose",
        Verdict::FellClearly => "fell",
        _ => "none",
    };
    html! {
        svg.interval viewBox="0 0 320 44" width="320" height="44" role="img" aria-label=(effect_sentence(lang, score, true)) {
            line.axis x1="10" y1="22" x2="310" y2="22" {}
            line.zero x1=(x(0.0)) y1="6" x2=(x(0.0)) y2="38" {}
            line class={ "range " (class) } x1=(x(low)) y1="22" x2=(x(high)) y2="22" {}
            circle class={ "point " (class) } cx=(x(estimate)) cy="22" r="6" {}
            text x=(x(0.0)) y="43" text-anchor="middle" { "0" }
        }
    }
}

/// One score's effect: verdict, sentence, drawing and responses.
pub fn effect_block(lang: Lang, score: &ScoreEffect, started: bool) -> Markup {
    html! {
        div.effect {
            h3 { (score_name(lang, score)) ": " strong { (verdict_label(lang, score.effect.verdict)) } }
            (interval_drawing(lang, score))
            p { (effect_sentence(lang, score, started)) }
            @if started {
                p.hint { (responses_line(lang, &score.effect)) }
            }
        }
    }
}

/// The effect shown in lists: the first targeted element with a verdict, else the IKM's
/// (the elements are what an innovation sets out to change), else the first there is.
pub fn headline(effects: &[ScoreEffect]) -> Option<&ScoreEffect> {
    let measured = |s: &&ScoreEffect| s.effect.verdict != Verdict::NotEnoughData;
    effects
        .iter()
        .filter(|s| s.element.is_some())
        .find(measured)
        .or_else(|| effects.iter().find(measured))
        .or_else(|| effects.first())
}

/// Unit code → name.
pub async fn unit_names(
    app: &AppState,
    tenant_id: &str,
) -> Result<HashMap<String, String>, PageError> {
    Ok(app
        .store
        .units(tenant_id)
        .await?
        .into_iter()
        .map(|u| (u.unit_id, u.name))
        .collect())
}

fn name<'a>(names: &'a HashMap<String, String>, unit_id: &'a str) -> &'a str {
    names.get(unit_id).map_or(unit_id, String::as_str)
}

/// Whether any unit has started the innovation.
pub fn started(innovation: &StoredInnovation) -> bool {
    innovation.units.iter().any(|u| u.started_on.is_some())
}

/// The SDG targets as one line: `SDG 3.8, 16.6`.
fn sdg_line(innovation: &StoredInnovation) -> String {
    innovation
        .innovation
        .sdgs
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// Whether the user registers and manages innovations of `unit_id`: an administrator any
/// unit, a unit admin their own subtree.
pub fn may_manage(staff: &Staff, unit_id: &str, tree: &suara_domain::org::tree::UnitTree) -> bool {
    match staff.principal.role {
        Role::Administrator => true,
        Role::UnitAdmin => staff.principal.sees_unit(unit_id, tree),
        _ => false,
    }
}

pub fn manage_href(lang: Lang, id: i64) -> String {
    format!(
        "{}?lang={}",
        routes::innovation_manage(&id.to_string()),
        lang.code()
    )
}

/// An innovation the user manages.
pub async fn managed(cx: &StaffCx, id: &str) -> Result<StoredInnovation, PageError> {
    let missing = || PageError::NotFound(Missing::Innovation(id.to_string()));
    let number: i64 = id.parse().map_err(|_| missing())?;
    let innovation = cx
        .app
        .store
        .innovation(cx.tenant_id(), number)
        .await?
        .ok_or_else(missing)?;
    let (_, tree) = units_tree(cx).await?;
    if !may_manage(&cx.staff, &innovation.unit_id, &tree) {
        return Err(PageError::Forbidden);
    }
    Ok(innovation)
}
