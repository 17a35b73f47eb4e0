//! Reviewing a unit's citizens' suggestions (for the unit's administrators): one waiting
//! text at a time, those that may name or locate someone first, edited only by deleting
//! words, checked on a confirmation page that shows exactly what others will read; then
//! the texts nothing flags, read and shown together after a confirmation of their own.
//! Until reviewed, a flagged suggestion is read by nobody outside the unit, and no
//! suggestion is published.

use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use maud::{html, Markup};
use serde::Deserialize;
use suara_app::suggestions::{self, Queue, ReviewError, WaitingText};
use suara_domain::access::Permission;
use suara_domain::survey::review::{AddsWords, Concern};
use suara_store::Unit;
use time::OffsetDateTime;

use super::units_tree;
use crate::pages::context::{CsrfForm, Look, StaffCx};
use crate::pages::failure::{Missing, PageError};
use crate::pages::staff::confirm::{self, confirmed, Confirmation};
use crate::routes;
use suara_app::i18n::catalogue as T;
use suara_app::i18n::Lang;

/// Texts without a flag listed before showing them together; the rest are counted.
const UNFLAGGED_LISTED: usize = 50;

pub struct SuggestionsView {
    pub unit: Unit,
    pub queue: Queue,
    /// The regency's offset from UTC, for the days shown.
    pub offset: time::UtcOffset,
}

#[derive(Deserialize, Default)]
pub struct ReviewForm {
    /// The waiting text reviewed (its key), or none when showing the unflagged ones.
    #[serde(default)]
    pub kunci: String,
    #[serde(default)]
    pub teks: String,
    /// "ya": show the waiting texts that nothing flags and that were listed, ...
    #[serde(default)]
    pub semua: String,
    /// ... by their keys, comma-separated: a text that came after the page was read waits.
    #[serde(default)]
    pub daftar: String,
    pub confirm: Option<String>,
}

/// Whether the user may review the unit's suggestions.
pub fn may_review(cx: &StaffCx, unit_id: &str, tree: &suara_domain::org::tree::UnitTree) -> bool {
    cx.staff.principal.may(Permission::ReviewSuggestions)
        && cx.staff.principal.sees_unit(unit_id, tree)
}

async fn load(cx: &StaffCx, unit_id: &str) -> Result<SuggestionsView, PageError> {
    let (units, tree) = units_tree(cx).await?;
    let Some(unit) = units.into_iter().find(|u| u.unit_id == unit_id) else {
        return Err(PageError::NotFound(Missing::Unit(unit_id.to_string())));
    };
    if !may_review(cx, unit_id, &tree) {
        return Err(PageError::Forbidden);
    }
    let queue = suggestions::queue(&cx.app.store, cx.tenant_id(), unit_id).await?;
    Ok(SuggestionsView {
        unit,
        queue,
        offset: cx.tenant.offset(),
    })
}

fn concern_text(lang: Lang, concern: Concern) -> &'static str {
    lang.t(match concern {
        Concern::Name => T::CONCERN_NAME,
        Concern::Address => T::CONCERN_ADDRESS,
        Concern::Contact => T::CONCERN_CONTACT,
    })
}

fn facts(look: Look, view: &SuggestionsView, waiting: &WaitingText) -> Markup {
    let lang = look.lang;
    html! {
        dl.facts {
            dt { (lang.t(T::RECEIVED_TIMES)) } dd { (lang.fill(T::N_TIMES, &[&waiting.response_ids.len()])) }
            dt { (lang.t(T::LAST_RECEIVED)) } dd { (lang.date(waiting.latest.to_offset(view.offset).date())) }
            @if !waiting.concerns.is_empty() {
                dt { (lang.t(T::WHY_IT_IS_CHECKED)) }
                dd { @for (i, c) in waiting.concerns.iter().enumerate() { @if i > 0 { "; " } (concern_text(lang, *c)) } }
            }
        }
    }
}

/// The page: the first waiting text as a form (`typed` and `problem` after a refusal), then
/// the texts nothing flags.
pub fn render(
    look: Look,
    view: &SuggestionsView,
    typed: Option<&str>,
    problem: Option<&AddsWords>,
) -> (String, Markup) {
    let lang = look.lang;
    let unit_id = view.unit.unit_id.as_str();
    let title = format!(
        "{}: {}",
        lang.t(T::REVIEW_CITIZENS_SUGGESTIONS),
        view.unit.name
    );
    let action = look.action(&routes::unit_suggestions(unit_id));
    let unflagged: Vec<&WaitingText> = view.queue.unflagged().collect();
    let unflagged_count: usize = unflagged.iter().map(|t| t.response_ids.len()).sum();
    let content = html! {
        p.crumbs { a href=(look.href(&routes::dashboard_unit(unit_id))) { (view.unit.name) } }
        h1 { (title) }
        @if let Some(problem) = problem {
            div.error-summary role="alert" tabindex="-1" {
                h2 { (lang.t(T::THERE_IS_A_PROBLEM)) }
                ul { li { a href="#teks" { (lang.fill(T::WORD_NOT_IN_THE_SUGGESTION, &[&problem.word])) } } }
            }
        }
        p { (lang.t(T::SUGGESTIONS_REVIEW_INTRO)) }
        @match view.queue.texts.first() {
            None => { p.lead { (lang.t(T::NO_SUGGESTIONS_WAITING)) } }
            Some(first) => {
                p.lead {
                    (lang.fill(T::N_SUGGESTIONS_WAITING, &[&view.queue.waiting]))
                    @let flagged = view.queue.flagged_responses();
                    @if flagged > 0 { " " (lang.fill(T::N_MAY_IDENTIFY_SOMEONE, &[&flagged])) }
                }
                h2 { (lang.t(T::SUGGESTION)) }
                blockquote.suggestion { (first.text) }
                (facts(look, view, first))
                form.stack method="post" action=(action) novalidate {
                    (look.csrf())
                    input type="hidden" name="kunci" value=(first.key);
                    div.field.error[problem.is_some()] {
                        label for="teks" { (lang.t(T::TEXT_OTHERS_MAY_READ)) }
                        p.hint #teks-hint { (lang.t(T::TEXT_OTHERS_MAY_READ_HINT)) }
                        @if let Some(problem) = problem {
                            p.error-message #teks-error { (lang.fill(T::WORD_NOT_IN_THE_SUGGESTION, &[&problem.word])) }
                        }
                        textarea #teks name="teks" rows="5" maxlength="2000"
                            aria-describedby=(if problem.is_some() { "teks-hint teks-error" } else { "teks-hint" }) {
                            (typed.unwrap_or(&first.text))
                        }
                    }
                    p.buttons { button.primary type="submit" { (lang.t(T::CONTINUE)) } }
                }
            }
        }
        @if !unflagged.is_empty() {
            h2 { (lang.t(T::SUGGESTIONS_WITHOUT_FLAGS)) }
            p { (lang.fill(T::N_SUGGESTIONS_WITHOUT_FLAGS, &[&unflagged_count])) }
            ul.suggestions {
                @for t in unflagged.iter().take(UNFLAGGED_LISTED) {
                    li { (t.text) @if t.response_ids.len() > 1 { " (" (t.response_ids.len()) "×)" } }
                }
            }
            @if unflagged.len() > UNFLAGGED_LISTED {
                p { (lang.fill(T::AND_N_MORE_TEXTS, &[&(unflagged.len() - UNFLAGGED_LISTED)])) }
            }
            form method="post" action=(action) {
                (look.csrf())
                input type="hidden" name="semua" value="ya";
                input type="hidden" name="daftar" value=(listed_keys(&unflagged));
                p.buttons { button.secondary type="submit" { (lang.t(T::SHOW_THESE_SUGGESTIONS)) } }
            }
        }
    };
    (title, content)
}

/// The keys of the texts without a flag that the page lists.
fn listed_keys(unflagged: &[&WaitingText]) -> String {
    unflagged
        .iter()
        .take(UNFLAGGED_LISTED)
        .map(|t| t.key.as_str())
        .collect::<Vec<_>>()
        .join(",")
}

pub async fn show(cx: StaffCx, Path(unit_id): Path<String>) -> Result<Response, PageError> {
    let view = load(&cx, &unit_id).await?;
    let (title, content) = render(cx.look(), &view, None, None);
    cx.ok(&title, content)
}

fn back(cx: &StaffCx, unit_id: &str) -> Response {
    Redirect::to(&cx.href(&routes::unit_suggestions(unit_id))).into_response()
}

pub async fn review(
    cx: StaffCx,
    Path(unit_id): Path<String>,
    CsrfForm(form): CsrfForm<ReviewForm>,
) -> Result<Response, PageError> {
    let view = load(&cx, &unit_id).await?;
    let lang = cx.lang;
    let now = OffsetDateTime::now_utc();
    let (store, tenant_id) = (&cx.app.store, cx.tenant_id());
    let action = routes::unit_suggestions(&unit_id);
    if form.semua == "ya" {
        return show_all_unflagged(&cx, &unit_id, &view, &form, now).await;
    }
    // Another reviewer may have taken it meanwhile: the queue shows what is left.
    let Some(waiting) = view.queue.find(&form.kunci) else {
        return Ok(back(&cx, &unit_id));
    };
    let refused = |adds: &AddsWords| {
        let (title, content) = render(cx.look(), &view, Some(&form.teks), Some(adds));
        Ok(cx.page(StatusCode::UNPROCESSABLE_ENTITY, &title, content))
    };
    if !confirmed(form.confirm.as_deref()) {
        let shown = match suggestions::proposed(waiting, &form.teks) {
            Ok(shown) => shown,
            Err(adds) => return refused(&adds),
        };
        return confirm::page(
            &cx,
            &Confirmation {
                title: lang.t(T::SAVE_THIS_REVIEW),
                facts: vec![
                    (lang.t(T::SUGGESTION), html! { (waiting.text) }),
                    (
                        lang.t(T::WHAT_OTHERS_WILL_READ),
                        html! { strong { (shown) } },
                    ),
                    (
                        lang.t(T::NUMBER_OF_SUGGESTIONS),
                        html! { (waiting.response_ids.len()) },
                    ),
                ],
                consequence: lang.t(T::A_REVIEW_CANNOT_BE_CHANGED),
                action: &action,
                fields: vec![
                    ("kunci".into(), waiting.key.clone()),
                    ("teks".into(), form.teks.clone()),
                ],
                yes: lang.t(T::YES_SAVE_THE_REVIEW),
                cancel: cx.href(&action),
            },
        );
    }
    match suggestions::review(
        store,
        tenant_id,
        &unit_id,
        waiting,
        &form.teks,
        cx.username(),
        now,
    )
    .await
    {
        Ok(_) => Ok(back(&cx, &unit_id)),
        Err(ReviewError::AddsWords(adds)) => refused(&adds),
        Err(ReviewError::Store(e)) => Err(e.into()),
    }
}

/// Shows together the listed waiting texts that nothing flags, after a confirmation page.
async fn show_all_unflagged(
    cx: &StaffCx,
    unit_id: &str,
    view: &SuggestionsView,
    form: &ReviewForm,
    now: OffsetDateTime,
) -> Result<Response, PageError> {
    let lang = cx.lang;
    let (store, tenant_id) = (&cx.app.store, cx.tenant_id());
    let action = routes::unit_suggestions(unit_id);
    let listed: Vec<&str> = form.daftar.split(',').filter(|k| !k.is_empty()).collect();
    let count: usize = view
        .queue
        .unflagged()
        .filter(|t| listed.contains(&t.key.as_str()))
        .map(|t| t.response_ids.len())
        .sum();
    if count == 0 {
        return Ok(back(cx, unit_id));
    }
    if !confirmed(form.confirm.as_deref()) {
        let title = lang.fill(T::SHOW_N_SUGGESTIONS_AS_THEY_ARE, &[&count]);
        return confirm::page(
            cx,
            &Confirmation {
                title: &title,
                facts: vec![("Unit", html! { (view.unit.name) })],
                consequence: lang.t(T::A_REVIEW_CANNOT_BE_CHANGED),
                action: &action,
                fields: vec![
                    ("semua".into(), "ya".into()),
                    ("daftar".into(), form.daftar.clone()),
                ],
                yes: lang.t(T::YES_SHOW_THEM),
                cancel: cx.href(&action),
            },
        );
    }
    suggestions::show_unflagged(
        store,
        tenant_id,
        unit_id,
        &view.queue,
        Some(&listed),
        cx.username(),
        now,
    )
    .await?;
    Ok(back(cx, unit_id))
}
