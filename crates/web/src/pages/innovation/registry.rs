//! The staff registry: every innovation with its stage, and registering a new one. A unit
//! admin registers for their own units; the form shows the chosen
//! unit's weakest elements and its follow-up plans, so an innovation can answer them. A form
//! that cannot be saved comes back with every problem listed and everything typed kept.
//! The page links only to what the user may open: an innovation they do not manage links to
//! its public page.

use std::collections::{HashMap, HashSet};

use axum::extract::Query;
use axum::http::{Method, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use maud::{html, Markup};
use serde::Deserialize;
use suara_domain::innovation::registry::validate;
use suara_domain::skm::Weighting;
use suara_store::{InnovationError, Scope, StoredInnovation};
use time::OffsetDateTime;

use super::form::{draft_of, problem_text, refusal, registration_form, UnitHint};
use super::public::profile_href;
use super::{manage_href, may_manage, name, stage_label, unit_names};
use crate::access::STAFF_ROUTES;
use crate::auth::Staff;
use crate::pages::context::{field, CsrfForm, Look, Pairs, StaffCx};
use crate::pages::failure::PageError;
use crate::pages::staff::units_tree;
use crate::routes;
use suara_app::i18n::catalogue as T;

#[derive(Deserialize, Default)]
pub struct RegistryQuery {
    pub unit: Option<String>,
    pub unsur: Option<String>,
    /// A staff idea to take up.
    pub ide: Option<i64>,
}

/// What the registry page shows.
pub struct RegistryView {
    pub innovations: Vec<StoredInnovation>,
    pub names: HashMap<String, String>,
    /// Units the user may register for (code, name).
    pub units: Vec<(String, String)>,
    pub hint: Option<UnitHint>,
    /// Innovations the user manages; the others link to their public pages.
    pub managed: HashSet<i64>,
    /// Staff pages the user may open (the ideas, the summary, the index export).
    pub sees_ideas: bool,
    pub sees_summary: bool,
    pub sees_index: bool,
}

/// Whether the route table lets the user open the page at `path`.
fn may_open(staff: &Staff, path: &str) -> bool {
    STAFF_ROUTES
        .iter()
        .any(|r| r.method == Method::GET && r.path == path && staff.principal.may(r.permission))
}

async fn unit_hint(
    cx: &StaffCx,
    unit_id: &str,
    names: &HashMap<String, String>,
) -> Result<Option<UnitHint>, PageError> {
    let Some(unit_name) = names.get(unit_id) else {
        return Ok(None);
    };
    let last = cx.current_month();
    let first = (1..6).fold(last, |m, _| m.previous());
    let tally = cx
        .app
        .store
        .tally(cx.tenant_id(), Scope::Unit(unit_id), first, last)
        .await?;
    let weakest = tally
        .score(Weighting::Exact)
        .map(|s| {
            s.weakest_elements()
                .into_iter()
                .take(3)
                .map(|(e, score)| {
                    let nrr = suara_domain::decimal::Decimal::round_half_away(&score.nrr, 2);
                    (e, cx.lang.decimal(nrr))
                })
                .collect()
        })
        .unwrap_or_default();
    let plans = cx
        .app
        .store
        .follow_ups(cx.tenant_id(), Some(unit_id), None)
        .await?;
    Ok(Some(UnitHint {
        unit_name: unit_name.clone(),
        weakest,
        plans,
    }))
}

async fn load(cx: &StaffCx, hint_unit: Option<&str>) -> Result<RegistryView, PageError> {
    let (units, tree) = units_tree(cx).await?;
    let names = unit_names(&cx.app, cx.tenant_id()).await?;
    // Figures and plans of a unit only for those who manage it.
    let hint = match hint_unit.filter(|u| may_manage(&cx.staff, u, &tree)) {
        Some(unit) => unit_hint(cx, unit, &names).await?,
        None => None,
    };
    let innovations = cx.app.store.innovations(cx.tenant_id()).await?;
    // The same rule as the management page's own check (`super::managed`).
    let managed = innovations
        .iter()
        .filter(|i| may_manage(&cx.staff, &i.unit_id, &tree))
        .map(|i| i.innovation_id)
        .collect();
    Ok(RegistryView {
        innovations,
        names,
        units: units
            .into_iter()
            .filter(|u| may_manage(&cx.staff, &u.unit_id, &tree))
            .map(|u| (u.unit_id, u.name))
            .collect(),
        hint,
        managed,
        sees_ideas: may_open(&cx.staff, routes::INNOVATION_IDEAS),
        sees_summary: may_open(&cx.staff, routes::INNOVATION_SUMMARY),
        sees_index: may_open(&cx.staff, routes::INNOVATION_INDEX),
    })
}

pub async fn registry(
    cx: StaffCx,
    Query(query): Query<RegistryQuery>,
) -> Result<Response, PageError> {
    let mut typed: Pairs = Vec::new();
    if let Some(unit) = &query.unit {
        typed.push(("unit".into(), unit.clone()));
    }
    if let Some(element) = &query.unsur {
        typed.push(("elements".into(), element.clone()));
    }
    if let Some(idea) = query.ide {
        if let Some(idea) = cx.app.store.idea(cx.tenant_id(), idea).await? {
            typed.extend([
                ("idea".into(), idea.idea_id.to_string()),
                ("unit".into(), idea.unit_id),
                ("title".into(), idea.title),
                ("problem".into(), idea.description),
            ]);
        }
    }
    let view = load(&cx, field(&typed, "unit")).await?;
    let (title, content) = render(cx.look(), &view, &[], &typed);
    cx.ok(title, content)
}

fn render(
    look: Look,
    view: &RegistryView,
    problems: &[String],
    typed: &Pairs,
) -> (&'static str, Markup) {
    let lang = look.lang;
    let title = lang.t(T::INNOVATION_REGISTRY);
    let content = html! {
        h1 { (title) }
        (page_links(look, view))
        @if view.innovations.is_empty() { p { (lang.t(T::NO_INNOVATIONS_YET)) } } @else {
            table.data tabindex="0" {
                thead { tr {
                    th scope="col" { (lang.t(T::INNOVATION)) }
                    th scope="col" { (lang.t(T::UNIT_2)) }
                    th scope="col" { (lang.t(T::INNOVATION_STAGE)) }
                    th.num scope="col" { (lang.t(T::UNITS_USING_IT)) }
                } }
                tbody { @for i in &view.innovations { tr {
                    th scope="row" {
                        @if view.managed.contains(&i.innovation_id) {
                            a href=(manage_href(lang, i.innovation_id)) { (i.innovation.title) }
                        } @else {
                            a href=(profile_href(lang, i.innovation_id)) { (i.innovation.title) }
                        }
                    }
                    td { (name(&view.names, &i.unit_id)) }
                    td { (stage_label(lang, i.stage)) }
                    td.num { (i.units.iter().filter(|u| u.started_on.is_some()).count()) }
                } } }
            }
        }
        @if !view.units.is_empty() {
            h2 #baru { (lang.t(T::REGISTER_AN_INNOVATION)) }
            (registration_form(look, &view.units, view.hint.as_ref(), problems, typed, routes::INNOVATION_REGISTRY))
        }
    };
    (title, content)
}

/// The other innovation pages the user may open, separated by dots.
fn page_links(look: Look, view: &RegistryView) -> Markup {
    let lang = look.lang;
    let mut links: Vec<Markup> = Vec::new();
    if view.sees_ideas {
        links.push(html! { a href=(look.href(routes::INNOVATION_IDEAS)) { (lang.t(T::IDEAS_AND_SUGGESTIONS)) } });
    }
    if view.sees_summary {
        links.push(html! { a href=(look.href(routes::INNOVATION_SUMMARY)) { (lang.t(T::INNOVATION_SUMMARY)) } });
    }
    if view.sees_index {
        links.push(html! { a href={ (routes::INNOVATION_INDEX) "?format=xlsx&lang=" (lang.code()) } { (lang.t(T::INDEX_WORKBOOK)) } });
        links.push(html! { a href={ (routes::INNOVATION_INDEX) "?format=csv" } { "CSV" } });
    }
    html! {
        @if !links.is_empty() {
            p { @for (n, link) in links.iter().enumerate() { @if n > 0 { " · " } (link) } }
        }
    }
}

pub async fn register(
    cx: StaffCx,
    CsrfForm(pairs): CsrfForm<Pairs>,
) -> Result<Response, PageError> {
    let lang = cx.lang;
    let unit = field(&pairs, "unit").unwrap_or("").to_string();
    let (_, tree) = units_tree(&cx).await?;
    if !may_manage(&cx.staff, &unit, &tree) {
        return Err(PageError::Forbidden);
    }
    let (draft, proposals) = draft_of(&pairs);
    let innovation = match validate(&draft) {
        Ok(i) => i,
        Err(problems) => {
            let problems = problems.iter().map(|p| problem_text(lang, p)).collect();
            return refused(&cx, &unit, problems, &pairs).await;
        }
    };
    let idea = field(&pairs, "idea").and_then(|i| i.parse().ok());
    let at = OffsetDateTime::now_utc();
    match cx
        .app
        .store
        .register_innovation(
            cx.tenant_id(),
            &unit,
            &innovation,
            &proposals,
            idea,
            cx.today(),
            cx.username(),
            at,
        )
        .await
    {
        Ok(id) => Ok(Redirect::to(&manage_href(lang, id)).into_response()),
        Err(InnovationError::Store(e)) => Err(PageError::Store(e)),
        Err(error) => refused(&cx, &unit, vec![refusal(lang, &error)], &pairs).await,
    }
}

async fn refused(
    cx: &StaffCx,
    unit: &str,
    problems: Vec<String>,
    typed: &Pairs,
) -> Result<Response, PageError> {
    let view = load(cx, Some(unit)).await?;
    let (title, content) = render(cx.look(), &view, &problems, typed);
    Ok(cx.page(StatusCode::UNPROCESSABLE_ENTITY, title, content))
}
