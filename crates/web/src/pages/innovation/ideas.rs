//! Ideas from everyone: any staff account submits one for a unit; that unit's admin takes
//! it up (it becomes a registered innovation) or declines it with a reason the author reads.
//! Beside them, what citizens asked for: the SKM suggestions of a period (this quarter unless
//! another is chosen), the
//! same text once with its count, per unit and the element its respondents rated lowest.

use std::collections::HashMap;

use axum::extract::Query;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use maud::{html, Markup};
use serde::Deserialize;
use suara_domain::access::Permission;
use suara_domain::org::tree::UnitTree;
use suara_domain::period::{Month, Period};
use suara_store::{Idea, IdeaStatus, InnovationError, SuggestionGroup};
use time::OffsetDateTime;

use super::form::refusal;
use super::may_manage;
use super::{idea_status_label, name, unit_names};
use crate::pages::context::{field, CsrfForm, Look, Pairs, StaffCx};
use crate::pages::failure::PageError;
use crate::pages::staff::confirm::{self, confirmed, Confirmation};
use crate::pages::staff::{period_picker, units_tree};
use crate::routes;
use suara_app::i18n::catalogue as T;
use suara_app::i18n::element_name;

const MAX_TITLE: usize = 160;
const MAX_DESCRIPTION: usize = 2_000;
/// Suggestion texts shown per unit, most frequent first.
const TEXTS_PER_UNIT: usize = 10;

#[derive(Deserialize, Default)]
pub struct IdeasQuery {
    pub unit: Option<String>,
    /// The period of the suggestions: YYYY, YYYY-MM, YYYY-Q1…Q4, YYYY-S1…S2.
    pub period: Option<String>,
}

/// One idea, and whether this user decides it.
pub struct ListedIdea {
    pub idea: Idea,
    pub decides: bool,
}

pub struct IdeasView {
    pub ideas: Vec<ListedIdea>,
    pub names: HashMap<String, String>,
    /// Units one may submit an idea for.
    pub units: Vec<(String, String)>,
    /// Citizens' suggestions per unit, when the user sees survey results.
    pub suggestions: Option<Vec<SuggestionGroup>>,
    pub months: (Month, Month),
    pub period: Period,
    pub current: Month,
}

async fn load(
    cx: &StaffCx,
    only_unit: Option<&str>,
    period: Period,
) -> Result<IdeasView, PageError> {
    let (units, tree) = units_tree(cx).await?;
    let names = unit_names(&cx.app, cx.tenant_id()).await?;
    let ideas = cx
        .app
        .store
        .ideas(cx.tenant_id())
        .await?
        .into_iter()
        .map(|idea| ListedIdea {
            decides: idea.status == IdeaStatus::Open && may_manage(&cx.staff, &idea.unit_id, &tree),
            idea,
        })
        .collect();
    let current = cx.current_month();
    let (first, last) = period.months();
    let last = last.min(current);
    let suggestions = if cx.staff.principal.may(Permission::ViewDashboard) {
        let all = cx
            .app
            .store
            .suggestion_groups(cx.tenant_id(), only_unit, first, last)
            .await?;
        Some(visible(all, &cx.staff, &tree))
    } else {
        None
    };
    Ok(IdeasView {
        ideas,
        names,
        units: units.into_iter().map(|u| (u.unit_id, u.name)).collect(),
        suggestions,
        months: (first, last),
        period,
        current,
    })
}

/// The suggestions of units the user sees, at most [`TEXTS_PER_UNIT`] per unit.
fn visible(
    all: Vec<SuggestionGroup>,
    staff: &crate::auth::Staff,
    tree: &UnitTree,
) -> Vec<SuggestionGroup> {
    let mut by_unit: HashMap<String, Vec<SuggestionGroup>> = HashMap::new();
    for g in all
        .into_iter()
        .filter(|g| staff.principal.sees_unit(&g.unit_id, tree))
    {
        by_unit.entry(g.unit_id.clone()).or_default().push(g);
    }
    let mut out = Vec::new();
    for (_, mut groups) in by_unit {
        groups.sort_by(|a, b| b.count.cmp(&a.count).then(a.element.cmp(&b.element)));
        groups.truncate(TEXTS_PER_UNIT);
        out.extend(groups);
    }
    out.sort_by(|a, b| {
        (&a.unit_id, std::cmp::Reverse(a.count)).cmp(&(&b.unit_id, std::cmp::Reverse(b.count)))
    });
    out
}

pub async fn ideas(cx: StaffCx, Query(query): Query<IdeasQuery>) -> Result<Response, PageError> {
    let period = match query.period.as_deref().filter(|p| !p.is_empty()) {
        Some(text) => text
            .parse()
            .map_err(|_| PageError::BadPeriod(text.to_string()))?,
        None => Period::around(cx.current_month())[1],
    };
    let view = load(&cx, query.unit.as_deref().filter(|u| !u.is_empty()), period).await?;
    let mut typed = Pairs::new();
    if let Some(unit) = cx.staff.principal.unit_id.clone() {
        typed.push(("unit".into(), unit));
    }
    let (title, content) = render(cx.look(), &view, &[], &typed);
    cx.ok(title, content)
}

fn render(
    look: Look,
    view: &IdeasView,
    problems: &[String],
    typed: &Pairs,
) -> (&'static str, Markup) {
    let lang = look.lang;
    let title = lang.t(T::IDEAS_AND_SUGGESTIONS);
    let value = |n: &str| field(typed, n).unwrap_or("").to_string();
    let content = html! {
        h1 { (title) }
        p { a href=(look.href(routes::INNOVATION_REGISTRY)) { (lang.t(T::INNOVATION_REGISTRY)) } }
        h2 { (lang.t(T::STAFF_IDEAS)) }
        @if view.ideas.is_empty() { p { (lang.t(T::NO_IDEAS_YET)) } } @else {
            table.data.stacked {
                thead { tr {
                    th scope="col" { (lang.t(T::IDEA)) }
                    th scope="col" { (lang.t(T::UNIT_2)) }
                    th scope="col" { (lang.t(T::STATUS)) }
                    th scope="col" { (lang.t(T::ACTIONS)) }
                } }
                tbody { @for l in &view.ideas { @let i = &l.idea; tr {
                    th scope="row" { strong { (i.title) } br; small { (i.description) } }
                    td data-label=(lang.t(T::UNIT_2)) { (name(&view.names, &i.unit_id)) }
                    td data-label=(lang.t(T::STATUS)) { (idea_status_label(lang, i.status))
                        @if let Some(r) = &i.reason { br; small { (lang.t(T::REASON)) (r) } } }
                    td data-label=(lang.t(T::ACTIONS)) {
                        @if l.decides {
                            a href={ (routes::INNOVATION_REGISTRY) "?lang=" (lang.code()) "&ide=" (i.idea_id) "#baru" } { (lang.t(T::TAKE_UP)) }
                            form.inline method="post" action=(look.action(routes::INNOVATION_IDEAS)) {
                                (look.csrf())
                                input type="hidden" name="do" value="decline";
                                input type="hidden" name="idea" value=(i.idea_id);
                                label for={ "reason-" (i.idea_id) } { (lang.t(T::REASON_FOR_DECLINING)) }
                                input id={ "reason-" (i.idea_id) } name="reason" required;
                                button type="submit" { (lang.t(T::DECLINE)) }
                            }
                        } @else if let Some(id) = i.innovation_id {
                            a href=(super::public::profile_href(lang, id)) { (lang.t(T::SEE_THE_INNOVATION)) }
                        } @else { "–" }
                    }
                } } }
            }
        }
        h2 #baru { (lang.t(T::SUBMIT_AN_IDEA)) }
        @if !problems.is_empty() {
            div.error-summary role="alert" tabindex="-1" {
                h2 { (lang.t(T::IDEA_NOT_SAVED_YET)) }
                ul { @for p in problems { li { a href="#idea_title" { (p) } } } }
            }
        }
        form.stack method="post" action=(look.action(routes::INNOVATION_IDEAS)) {
            (look.csrf())
            input type="hidden" name="do" value="submit";
            p { label for="idea_unit" { (lang.t(T::UNIT_2)) }
                select #idea_unit name="unit" required {
                    @for (id, n) in &view.units { option value=(id) selected[field(typed, "unit") == Some(id.as_str())] { (n) } }
                } }
            p { label for="idea_title" { (lang.t(T::IDEA)) } input #idea_title name="title" required maxlength="160" value=(value("title")); }
            p { label for="idea_description" { (lang.t(T::IDEA_DESCRIPTION)) } textarea #idea_description name="description" required rows="3" { (value("description")) } }
            p.buttons { button.primary type="submit" { (lang.t(T::SUBMIT_THE_IDEA)) } }
        }
        @if let Some(suggestions) = &view.suggestions {
            h2 { (lang.t(T::WHAT_CITIZENS_ASKED_FOR)) }
            (period_picker(lang, routes::INNOVATION_IDEAS, view.period, view.current))
            p.hint {
                (lang.fill(T::SUGGESTIONS_OF_MONTHS, &[&lang.month(view.months.0), &lang.month(view.months.1)]))
                " " (lang.t(T::SUGGESTIONS_HELD_UNTIL_REVIEWED))
            }
            @if suggestions.is_empty() { p { (lang.t(T::NO_SUGGESTIONS)) } } @else {
                table.data.stacked {
                    thead { tr {
                        th scope="col" { (lang.t(T::SUGGESTION)) }
                        th scope="col" { (lang.t(T::UNIT_2)) }
                        th scope="col" { (lang.t(T::LOWEST_RATED_ELEMENT)) }
                        th.num scope="col" { (lang.t(T::TIMES)) }
                    } }
                    tbody { @for g in suggestions { tr {
                        th scope="row" { (g.text) }
                        td data-label=(lang.t(T::UNIT_2)) { (name(&view.names, &g.unit_id)) }
                        td data-label=(lang.t(T::LOWEST_RATED_ELEMENT)) { (element_name(lang, g.element)) }
                        td.num data-label=(lang.t(T::TIMES)) { (g.count) }
                    } } }
                }
            }
        }
    };
    (title, content)
}

async fn refused(cx: &StaffCx, problems: &[String], typed: &Pairs) -> Result<Response, PageError> {
    let view = load(cx, None, Period::around(cx.current_month())[1]).await?;
    let (title, content) = render(cx.look(), &view, problems, typed);
    Ok(cx.page(StatusCode::UNPROCESSABLE_ENTITY, title, content))
}

/// Submitting an idea (`do=submit`) or declining one (`do=decline`, confirmed first).
pub async fn change(cx: StaffCx, CsrfForm(pairs): CsrfForm<Pairs>) -> Result<Response, PageError> {
    let lang = cx.lang;
    let text = |n: &str| field(&pairs, n).unwrap_or("").trim().to_string();
    let (tenant, actor, at) = (cx.tenant_id(), cx.username(), OffsetDateTime::now_utc());
    let outcome = match field(&pairs, "do") {
        Some("submit") => {
            let (title, description) = (text("title"), text("description"));
            let mut problems = Vec::new();
            if title.is_empty() || title.chars().count() > MAX_TITLE {
                problems.push(lang.t(T::WRITE_THE_IDEA_IN_A_LINE).to_string());
            }
            if description.is_empty() || description.chars().count() > MAX_DESCRIPTION {
                problems.push(lang.t(T::DESCRIBE_THE_IDEA).to_string());
            }
            if !problems.is_empty() {
                return refused(&cx, &problems, &pairs).await;
            }
            cx.app
                .store
                .submit_idea(tenant, &text("unit"), &title, &description, actor, at)
                .await
                .map(|_| ())
        }
        Some("decline") => {
            let idea_id: i64 = text("idea").parse().map_err(|_| PageError::BadRequest)?;
            let idea = cx
                .app
                .store
                .idea(tenant, idea_id)
                .await?
                .ok_or(PageError::BadRequest)?;
            let (_, tree) = units_tree(&cx).await?;
            if !may_manage(&cx.staff, &idea.unit_id, &tree) {
                return Err(PageError::Forbidden);
            }
            let reason = text("reason");
            if reason.is_empty() || reason.chars().count() > MAX_DESCRIPTION {
                let problem = if reason.is_empty() {
                    T::DECLINING_NEEDS_A_REASON
                } else {
                    T::REASON_TOO_LONG
                };
                return refused(&cx, &[lang.t(problem).to_string()], &Vec::new()).await;
            }
            if !confirmed(field(&pairs, "confirm")) {
                return confirm::page(
                    &cx,
                    &Confirmation {
                        title: lang.t(T::CHECK_BEFORE_DECLINING),
                        facts: vec![
                            (lang.t(T::IDEA), html! { (idea.title) }),
                            (lang.t(T::REASON_FOR_DECLINING), html! { (reason) }),
                        ],
                        consequence: lang.t(T::DECLINING_IS_FINAL),
                        action: routes::INNOVATION_IDEAS,
                        fields: pairs.clone(),
                        yes: lang.t(T::DECLINE),
                        cancel: cx.href(routes::INNOVATION_IDEAS),
                    },
                );
            }
            cx.app
                .store
                .decline_idea(tenant, idea_id, &reason, actor, at)
                .await
        }
        _ => return Err(PageError::BadRequest),
    };
    match outcome {
        Ok(()) => Ok(Redirect::to(&cx.href(routes::INNOVATION_IDEAS)).into_response()),
        Err(InnovationError::Store(e)) => Err(PageError::Store(e)),
        Err(error) => refused(&cx, &[refusal(lang, &error)], &pairs).await,
    }
}
