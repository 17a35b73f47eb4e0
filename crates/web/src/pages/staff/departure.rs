//! Recording that an officer leaves the regency's service (retirement, death, transfer out,
//! dismissal), for BKPSDM and administrators: the last working day and the reason, checked,
//! then confirmed on a page of its own, since the officer is then no longer rated or paid.
//! The form comes back with the problems and the fields as typed.

use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use maud::{html, Markup};
use serde::Deserialize;
use suara_domain::org::departure::{check, Departure, DepartureProblem, DepartureReason};
use suara_domain::org::Assignment;
use suara_store::Officer;
use time::OffsetDateTime;

use crate::pages::context::{CsrfForm, Look, StaffCx};
use crate::pages::failure::{Missing, PageError};
use crate::pages::staff::confirm::{self, confirmed, Confirmation};
use crate::routes;
use suara_app::i18n::catalogue as T;
use suara_app::i18n::Lang;

/// The officer and the assignment that would end.
pub struct DepartureView {
    pub officer: Officer,
    pub unit_name: String,
    /// The open assignment; `None` when the officer has left already.
    pub open: Option<Assignment>,
}

#[derive(Deserialize, Default)]
pub struct DepartureForm {
    #[serde(default)]
    pub last_day: String,
    #[serde(default)]
    pub reason: String,
    pub confirm: Option<String>,
}

pub fn reason_label(lang: Lang, reason: DepartureReason) -> &'static str {
    lang.t(match reason {
        DepartureReason::Retired => T::DEPARTURE_RETIRED,
        DepartureReason::Died => T::DEPARTURE_DIED,
        DepartureReason::TransferredOut => T::DEPARTURE_TRANSFERRED_OUT,
        DepartureReason::Dismissed => T::DEPARTURE_DISMISSED,
        DepartureReason::UnpaidLeave => T::DEPARTURE_UNPAID_LEAVE,
        DepartureReason::Other => T::DEPARTURE_OTHER,
    })
}

fn problem_text(lang: Lang, p: &DepartureProblem) -> &'static str {
    lang.t(match (p.field, p.problem) {
        ("reason", _) => T::CHOOSE_WHY_THE_OFFICER_LEAVES,
        (_, "before_assignment") => T::THE_LAST_DAY_IS_BEFORE_THE_ASSIGNMENT,
        (_, "too_far_ahead") => T::THE_LAST_DAY_IS_MORE_THAN_A_YEAR_AHEAD,
        (_, "not_a_date") => T::THE_LAST_DAY_IS_NOT_A_DATE,
        (_, "paid_month") => T::THE_LAST_DAY_REACHES_A_PAID_MONTH,
        _ => T::ENTER_THE_LAST_WORKING_DAY,
    })
}

async fn load(cx: &StaffCx, nip: &str) -> Result<DepartureView, PageError> {
    let store = &cx.app.store;
    let tenant_id = cx.tenant_id();
    let Some(officer) = store.officer(tenant_id, nip).await? else {
        return Err(PageError::NotFound(Missing::Officer(nip.to_string())));
    };
    let open = store
        .assignments(tenant_id, nip)
        .await?
        .into_iter()
        .find(|a| a.until.is_none());
    let unit_name = store
        .unit(tenant_id, &officer.unit_id)
        .await?
        .map_or(officer.unit_id.clone(), |u| u.name);
    Ok(DepartureView {
        officer,
        unit_name,
        open,
    })
}

pub fn render(
    look: Look,
    view: &DepartureView,
    form: &DepartureForm,
    problems: &[DepartureProblem],
) -> (String, Markup) {
    let lang = look.lang;
    let officer = &view.officer;
    let title = format!("{} {}", lang.t(T::AN_OFFICER_LEAVES), officer.name);
    let officer_page = look.href(&routes::dashboard_officer(&officer.nip));
    let content = html! {
        p.crumbs { a href=(officer_page) { (officer.name) } }
        h1 { (title) }
        @if !problems.is_empty() {
            div.error-summary role="alert" tabindex="-1" {
                h2 { (lang.t(T::PLEASE_CHECK)) }
                ul { @for p in problems {
                    li { a href={ "#" (if p.field == "reason" { "reason-retired" } else { "last_day" }) } { (problem_text(lang, p)) } }
                } }
            }
        }
        dl.facts {
            dt { "NIP" } dd { (officer.nip) }
            dt { (lang.t(T::POSITION)) } dd { (officer.position) }
            dt { "Unit" } dd { (view.unit_name) }
            @if let Some(open) = &view.open { dt { (lang.t(T::FROM)) } dd { (lang.date(open.from)) } }
        }
        @match &view.open {
            None => { p { (lang.t(T::THIS_OFFICER_HAS_LEFT_ALREADY)) } }
            Some(_) => {
                p { (lang.t(T::FROM_THE_NEXT_DAY_NOBODY_CAN_RATE)) }
                form.stack method="post" action=(look.action(&routes::officer_departure(&officer.nip))) {
                    (look.csrf())
                    p {
                        label for="last_day" { (lang.t(T::LAST_WORKING_DAY)) }
                        input #last_day type="date" name="last_day" required value=(form.last_day);
                    }
                    fieldset {
                        legend { (lang.t(T::REASON_2)) }
                        @for reason in DepartureReason::ALL {
                            @let id = format!("reason-{}", reason.code().replace('_', "-"));
                            label.choice for=(id) {
                                input #(id) type="radio" name="reason" value=(reason.code()) checked[form.reason == reason.code()];
                                " " (reason_label(lang, reason))
                            }
                        }
                    }
                    p.buttons {
                        button.primary type="submit" { (lang.t(T::CONTINUE)) }
                        " " a href=(officer_page) { (lang.t(T::CANCEL)) }
                    }
                }
            }
        }
    };
    (title, content)
}

pub async fn form(cx: StaffCx, Path(nip): Path<String>) -> Result<Response, PageError> {
    let view = load(&cx, &nip).await?;
    let (title, content) = render(cx.look(), &view, &DepartureForm::default(), &[]);
    cx.ok(&title, content)
}

fn confirm_page(
    cx: &StaffCx,
    view: &DepartureView,
    departure: &Departure,
) -> Result<Response, PageError> {
    let lang = cx.lang;
    let officer = &view.officer;
    let title = format!("{} {}?", lang.t(T::END_THE_ASSIGNMENT_OF), officer.name);
    let action = routes::officer_departure(&officer.nip);
    confirm::page(
        cx,
        &Confirmation {
            title: &title,
            facts: vec![
                (
                    lang.t(T::OFFICER),
                    html! { (officer.name) " (" (officer.nip) ")" },
                ),
                ("Unit", html! { (view.unit_name) }),
                (
                    lang.t(T::LAST_WORKING_DAY),
                    html! { (lang.date(departure.last_day)) },
                ),
                (
                    lang.t(T::REASON_2),
                    html! { (reason_label(lang, departure.reason)) },
                ),
            ],
            consequence: lang.t(T::A_DEPARTURE_CANNOT_BE_UNDONE_HERE),
            action: &action,
            fields: vec![
                ("last_day".into(), departure.last_day.to_string()),
                ("reason".into(), departure.reason.code().into()),
            ],
            yes: lang.t(T::YES_END_THE_ASSIGNMENT),
            cancel: cx.href(&routes::dashboard_officer(&officer.nip)),
        },
    )
}

pub async fn submit(
    cx: StaffCx,
    Path(nip): Path<String>,
    CsrfForm(form): CsrfForm<DepartureForm>,
) -> Result<Response, PageError> {
    let view = load(&cx, &nip).await?;
    let Some(open) = &view.open else {
        let (title, content) = render(cx.look(), &view, &form, &[]);
        return Ok(cx.page(StatusCode::CONFLICT, &title, content));
    };
    let paid = cx.app.store.closed_months(cx.tenant_id()).await?;
    let departure = match check(&form.last_day, &form.reason, open.from, cx.today(), &paid) {
        Ok(departure) => departure,
        Err(problems) => {
            let (title, content) = render(cx.look(), &view, &form, &problems);
            return Ok(cx.page(StatusCode::UNPROCESSABLE_ENTITY, &title, content));
        }
    };
    if !confirmed(form.confirm.as_deref()) {
        return confirm_page(&cx, &view, &departure);
    }
    let now = OffsetDateTime::now_utc();
    let ended = cx
        .app
        .store
        .end_assignment(cx.tenant_id(), &nip, &departure, cx.username(), now)
        .await?;
    if !ended {
        // Another tab or colleague recorded it first.
        let view = load(&cx, &nip).await?;
        let (title, content) = render(cx.look(), &view, &form, &[]);
        return Ok(cx.page(StatusCode::CONFLICT, &title, content));
    }
    Ok(Redirect::to(&cx.href(&routes::dashboard_officer(&nip))).into_response())
}
