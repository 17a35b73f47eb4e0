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
use suara_domain::innovation::effect::{Effect, Verdict};
use suara_domain::innovation::measure::ScoreEffect;
use suara_store::{IdeaStatus, StoredInnovation};

use crate::auth::Staff;
use crate::pages::context::StaffCx;
use crate::pages::failure::{Missing, PageError};
use crate::pages::staff::units_tree;
use crate::routes;
use crate::state::AppState;
use suara_app::i18n::catalogue as T;
pub use suara_app::i18n::innovation::{
    effect_sentence, form_label, indicator_label, initiator_label, name, partner_kind_label,
    score_name, sdg_line, stage_label, started, verdict_label,
};
use suara_app::i18n::Lang;
pub use suara_app::innovation::effects_of;

pub fn idea_status_label(lang: Lang, status: IdeaStatus) -> &'static str {
    lang.t(match status {
        IdeaStatus::Open => T::IDEA_OPEN,
        IdeaStatus::TakenUp => T::IDEA_TAKEN_UP,
        IdeaStatus::Declined => T::IDEA_DECLINED,
    })
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
