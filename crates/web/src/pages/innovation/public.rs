//! The public innovation gallery (filterable by unit, stage, SDG goal, group and partner
//! kind, each with its measured effect) and an innovation's whole profile: what changed,
//! the effect with its interval, partners, the units that use it, evidence and history.

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::{Path, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use maud::{html, Markup};
use serde::Deserialize;
use suara_domain::innovation::measure::ScoreEffect;
use suara_domain::innovation::registry::PartnerKind;
use suara_domain::innovation::Stage;
use suara_domain::musrena::forum::Group;
use suara_domain::tpp::rupiah;
use suara_store::StoredInnovation;

use super::{
    effect_block, effects_of, form_label, headline, indicator_label, initiator_label, name,
    partner_kind_label, sdg_line, stage_label, started, unit_names,
};
use crate::pages::context::PageCx;
use crate::pages::failure::{Missing, PageError};
use crate::pages::musrena::group_label;
use crate::pages::musrena::public::tracker_href;
use crate::pages::{layout, page};
use crate::routes;
use crate::state::AppState;
use suara_app::i18n::catalogue as T;
use suara_app::i18n::Lang;

#[derive(Deserialize, Default)]
pub struct GalleryQuery {
    pub unit: Option<String>,
    pub tahap: Option<String>,
    pub sdg: Option<String>,
    pub kelompok: Option<String>,
    pub mitra: Option<String>,
}

/// What the gallery's filters chose.
#[derive(Default)]
pub struct Filter {
    pub unit: Option<String>,
    pub stage: Option<Stage>,
    pub sdg: Option<u8>,
    pub group: Option<Group>,
    pub partner: Option<PartnerKind>,
}

impl Filter {
    fn read(query: &GalleryQuery) -> Filter {
        let chosen = |v: &Option<String>| {
            v.as_deref()
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .map(str::to_string)
        };
        Filter {
            unit: chosen(&query.unit),
            stage: chosen(&query.tahap).and_then(|s| Stage::from_code(&s)),
            sdg: chosen(&query.sdg).and_then(|s| s.parse().ok()),
            group: chosen(&query.kelompok).and_then(|g| Group::from_code(&g)),
            partner: chosen(&query.mitra).and_then(|p| PartnerKind::from_code(&p)),
        }
    }

    pub fn keeps(&self, i: &StoredInnovation) -> bool {
        self.unit
            .as_ref()
            .is_none_or(|u| i.units.iter().any(|a| &a.unit_id == u))
            && self.stage.is_none_or(|s| i.stage == s)
            && self
                .sdg
                .is_none_or(|g| i.innovation.sdgs.iter().any(|t| t.goal == g))
            && self.group.is_none_or(|g| i.innovation.groups.contains(&g))
            && self
                .partner
                .is_none_or(|k| i.partners.iter().any(|p| p.kind == k))
    }
}

pub fn profile_href(lang: Lang, id: i64) -> String {
    format!(
        "{}?lang={}",
        routes::innovation_profile(&id.to_string()),
        lang.code()
    )
}

/// What the gallery shows.
pub struct GalleryView {
    pub innovations: Vec<StoredInnovation>,
    pub effects: HashMap<i64, Vec<ScoreEffect>>,
    pub names: HashMap<String, String>,
    pub filter: Filter,
    /// Units that own or use an innovation, for the unit filter.
    pub units: Vec<(String, String)>,
}

pub async fn gallery(cx: PageCx, Query(query): Query<GalleryQuery>) -> Result<Response, PageError> {
    let tenant = cx.app.tenant(None).await?;
    let filter = Filter::read(&query);
    let all = cx.app.store.innovations(&tenant.tenant_id).await?;
    let names = unit_names(&cx.app, &tenant.tenant_id).await?;
    let mut units: Vec<(String, String)> = all
        .iter()
        .flat_map(|i| i.units.iter().map(|u| u.unit_id.clone()))
        .map(|id| (name(&names, &id).to_string(), id))
        .collect();
    units.sort();
    units.dedup();
    let innovations: Vec<StoredInnovation> = all.into_iter().filter(|i| filter.keeps(i)).collect();
    let effects = effects_of(&cx.app.store, &cx.app.effect_cells, &tenant, &innovations).await?;
    let view = GalleryView {
        innovations,
        effects,
        names,
        filter,
        units: units.into_iter().map(|(n, id)| (id, n)).collect(),
    };
    let (title, content) = render_gallery(cx.lang, &view);
    Ok(page(
        StatusCode::OK,
        layout(cx.lang, title, &cx.here, content),
    ))
}

fn select_filter(
    label: &str,
    id: &str,
    options: Vec<(String, String)>,
    chosen: Option<String>,
    all: &str,
) -> Markup {
    html! {
        p {
            label for=(id) { (label) }
            select id=(id) name=(id) {
                option value="" { (all) }
                @for (code, text) in options {
                    option value=(code) selected[chosen.as_deref() == Some(code.as_str())] { (text) }
                }
            }
        }
    }
}

pub fn render_gallery(lang: Lang, view: &GalleryView) -> (&'static str, Markup) {
    let title = lang.t(T::INNOVATIONS);
    let f = &view.filter;
    let all = lang.t(T::ALL);
    let content = html! {
        h1 { (title) }
        p.lead { (lang.t(T::INNOVATIONS_LEAD)) }
        form.filters.stack method="get" action=(routes::INNOVATIONS) {
            input type="hidden" name="lang" value=(lang.code());
            (select_filter(lang.t(T::UNIT_2), "unit", view.units.clone(), f.unit.clone(), all))
            (select_filter(lang.t(T::INNOVATION_STAGE), "tahap",
                Stage::ALL.iter().map(|s| (s.code().to_string(), stage_label(lang, *s).to_string())).collect(),
                f.stage.map(|s| s.code().to_string()), all))
            (select_filter(lang.t(T::SDG_GOAL), "sdg",
                (1..=17u8).map(|g| (g.to_string(), format!("SDG {g}"))).collect(),
                f.sdg.map(|g| g.to_string()), all))
            (select_filter(lang.t(T::GROUP_SERVED), "kelompok",
                Group::ALL.iter().map(|g| (g.code().to_string(), group_label(lang, *g).to_string())).collect(),
                f.group.map(|g| g.code().to_string()), all))
            (select_filter(lang.t(T::PARTNER_KIND), "mitra",
                PartnerKind::ALL.iter().map(|k| (k.code().to_string(), partner_kind_label(lang, *k).to_string())).collect(),
                f.partner.map(|k| k.code().to_string()), all))
            p.buttons { button type="submit" { (lang.t(T::SHOW)) } }
        }
        p { (lang.fill(T::INNOVATIONS_FOUND, &[&view.innovations.len()])) }
        ul.cards {
            @for i in &view.innovations {
                @let effects = view.effects.get(&i.innovation_id).map_or(&[][..], Vec::as_slice);
                li.card {
                    h2 { a href=(profile_href(lang, i.innovation_id)) { (i.innovation.title) } }
                    p.meta { (name(&view.names, &i.unit_id)) " · " strong { (stage_label(lang, i.stage)) }
                        @if !i.innovation.sdgs.is_empty() { " · SDG " span.sdg { (sdg_line(i)) } } }
                    p { (i.innovation.change) }
                    @if let Some(score) = headline(effects) {
                        (effect_block(lang, score, started(i)))
                    }
                    @if !i.partners.is_empty() {
                        p.hint { (lang.t(T::PARTNERS)) ": "
                            @for (n, p) in i.partners.iter().enumerate() { @if n > 0 { ", " } (p.name) } }
                    }
                }
            }
        }
        details.method {
            summary { (lang.t(T::HOW_IT_IS_MEASURED)) }
            p { (lang.t(T::METHOD_EXPLAINED)) }
        }
    };
    (title, content)
}

/// What a profile shows.
pub struct ProfileView {
    pub innovation: StoredInnovation,
    pub effects: Vec<ScoreEffect>,
    pub names: HashMap<String, String>,
    /// Team members' names, by NIP.
    pub team: Vec<String>,
}

pub async fn profile(cx: PageCx, Path(id): Path<String>) -> Result<Response, PageError> {
    let tenant = cx.app.tenant(None).await?;
    let missing = || PageError::NotFound(Missing::Innovation(id.clone()));
    let number: i64 = id.parse().map_err(|_| missing())?;
    let innovation = cx
        .app
        .store
        .innovation(&tenant.tenant_id, number)
        .await?
        .ok_or_else(missing)?;
    let effects = effects_of(
        &cx.app.store,
        &cx.app.effect_cells,
        &tenant,
        std::slice::from_ref(&innovation),
    )
    .await?
    .remove(&number)
    .unwrap_or_default();
    let mut team = Vec::new();
    for nip in &innovation.innovation.team {
        if let Some(officer) = cx.app.store.officer(&tenant.tenant_id, nip).await? {
            team.push(officer.name);
        }
    }
    let view = ProfileView {
        innovation,
        effects,
        names: unit_names(&cx.app, &tenant.tenant_id).await?,
        team,
    };
    let (title, content) = render_profile(cx.lang, &view);
    Ok(page(
        StatusCode::OK,
        layout(cx.lang, &title, &cx.here, content),
    ))
}

pub fn profile_facts(lang: Lang, i: &StoredInnovation, names: &HashMap<String, String>) -> Markup {
    let v = &i.innovation;
    html! {
        dl.facts {
            dt { (lang.t(T::UNIT_2)) } dd { (name(names, &i.unit_id)) }
            dt { (lang.t(T::INNOVATION_STAGE)) } dd { strong { (stage_label(lang, i.stage)) } }
            dt { (lang.t(T::INITIATOR)) } dd { (initiator_label(lang, v.initiator)) }
            dt { (lang.t(T::INNOVATION_FORM)) } dd { (form_label(lang, v.form))
                " · " (lang.t(if v.digital { T::DIGITAL } else { T::NOT_DIGITAL })) }
            @if !v.affair.is_empty() { dt { (lang.t(T::GOVERNMENT_AFFAIR)) } dd { (v.affair) } }
            dt { (lang.t(T::TARGETED_ELEMENTS)) } dd {
                @for (n, e) in v.elements.iter().enumerate() { @if n > 0 { ", " } (suara_app::i18n::element_name(lang, *e)) } }
            @if !v.sdgs.is_empty() { dt { "SDG" } dd.sdg { (sdg_line(i)) } }
            @if !v.groups.is_empty() { dt { (lang.t(T::GROUP_SERVED)) } dd {
                @for (n, g) in v.groups.iter().enumerate() { @if n > 0 { ", " } (group_label(lang, *g)) } } }
        }
    }
}

/// The profile's sections after the facts (shared with the staff page).
pub fn profile_sections(
    lang: Lang,
    i: &StoredInnovation,
    names: &HashMap<String, String>,
) -> Markup {
    let v = &i.innovation;
    let section = |title, text: &str| {
        html! { @if !text.is_empty() { h3 { (lang.t(title)) } p { (text) } } }
    };
    html! {
        h2 { (lang.t(T::WHAT_CHANGED)) }
        (section(T::PROBLEM, &v.problem))
        (section(T::THE_CHANGE, &v.change))
        (section(T::DESIGN, &v.design))
        (section(T::GOAL, &v.goal))
        (section(T::BENEFIT, &v.benefit))
        (section(T::RESULT, &v.result))
        h2 { (lang.t(T::PARTNERS)) }
        @if i.partners.is_empty() { p { (lang.t(T::NO_PARTNERS_YET)) } } @else {
            table.data.stacked {
                thead { tr {
                    th scope="col" { (lang.t(T::PARTNER)) }
                    th scope="col" { (lang.t(T::PARTNER_KIND)) }
                    th scope="col" { (lang.t(T::ROLE_IN_INNOVATION)) }
                    th scope="col" { (lang.t(T::CONTRIBUTION)) }
                } }
                tbody { @for p in &i.partners { tr {
                    th scope="row" { (p.name) }
                    td data-label=(lang.t(T::PARTNER_KIND)) { (partner_kind_label(lang, p.kind)) }
                    td data-label=(lang.t(T::ROLE_IN_INNOVATION)) { (p.role) }
                    td data-label=(lang.t(T::CONTRIBUTION)) {
                        @if let Some(a) = p.amount { "Rp" (rupiah(a)) }
                        @if p.amount.is_some() && p.in_kind.is_some() { "; " }
                        @if let Some(k) = &p.in_kind { (k) } }
                } } }
            }
        }
        h2 { (lang.t(T::UNITS_USING_IT)) }
        ul.adopters { @for u in &i.units {
            li class=(if u.started_on.is_some() { "started" } else { "waiting" }) {
                strong { (name(names, &u.unit_id)) } " · "
                @match u.started_on {
                    Some(d) => { (lang.fill(if u.replicated { T::COPIED_SINCE } else { T::STARTED_SINCE }, &[&lang.date(d)])) }
                    None => { (lang.t(T::NOT_STARTED_YET)) }
                }
            }
        } }
        @if !i.proposals.is_empty() {
            h2 { (lang.t(T::MUSRENA_PROPOSALS_ANSWERED)) }
            ul { @for code in &i.proposals { li { a href=(tracker_href(lang, code)) { (code) } } } }
        }
        h2 { (lang.t(T::EVIDENCE_FILES)) }
        @if i.evidence.is_empty() { p { (lang.t(T::NO_EVIDENCE_YET)) } } @else {
            ul { @for e in &i.evidence { li {
                a href=(routes::innovation_evidence(&i.innovation_id.to_string(), &e.evidence_no.to_string())) { (e.title) }
                " · " (indicator_label(lang, e.indicator))
            } } }
        }
        h2 { (lang.t(T::HISTORY)) }
        ol.history { @for s in &i.steps { li { strong { (lang.date(s.on)) } " · " (stage_label(lang, s.stage)) } } }
    }
}

pub fn render_profile(lang: Lang, view: &ProfileView) -> (String, Markup) {
    let i = &view.innovation;
    let title = i.innovation.title.clone();
    let content = html! {
        p { a href={ (routes::INNOVATIONS) "?lang=" (lang.code()) } { (lang.t(T::ALL_INNOVATIONS)) } }
        h1 { (title) }
        (profile_facts(lang, i, &view.names))
        @if !view.team.is_empty() { p { (lang.t(T::TEAM)) ": " (view.team.join(", ")) } }
        h2 { (lang.t(T::EFFECT_ON_SATISFACTION)) }
        @for score in &view.effects { (effect_block(lang, score, started(i))) }
        details.method {
            summary { (lang.t(T::HOW_IT_IS_MEASURED)) }
            p { (lang.t(T::METHOD_EXPLAINED)) }
        }
        (profile_sections(lang, i, &view.names))
    };
    (title, content)
}

/// An evidence file, served with the type its bytes were checked to be.
pub async fn evidence(
    State(app): State<Arc<AppState>>,
    Path((id, n)): Path<(String, String)>,
) -> Result<Response, PageError> {
    let tenant = app.tenant(None).await?;
    let missing = || PageError::NotFound(Missing::Page);
    let (id, n): (i64, i64) = (
        id.parse().map_err(|_| missing())?,
        n.parse().map_err(|_| missing())?,
    );
    let (kind, bytes) = app
        .store
        .innovation_evidence(&tenant.tenant_id, id, n)
        .await?
        .ok_or_else(missing)?;
    Ok((
        [
            (header::CONTENT_TYPE, kind.content_type()),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        bytes,
    )
        .into_response())
}
