//! Survey tickets at the counter: after serving a citizen, staff issue a one-time ticket
//! (QR code and short code) for the service just given and, optionally, the officer who
//! served. The form remembers the last service, and officers are chosen by name, grouped by
//! unit. A ticket that cannot be issued brings the form back with the problem beside its
//! field and everything chosen kept.

use std::collections::HashMap;

use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use maud::{html, Markup};
use serde::Deserialize;
use suara_app::i18n::problem_text;
use suara_domain::access::Role;
use suara_domain::integrity::ticket;
use suara_store::{Issuer, Officer, RecordError, Service, TicketBinding};
use time::OffsetDateTime;

use super::units_tree;
use crate::error::ApiError;
use crate::pages::context::{CsrfForm, Look, StaffCx};
use crate::pages::failure::PageError;
use crate::routes::COUNTER;
use crate::tickets::{qr_svg, ticket_path};
use suara_app::i18n::catalogue as T;

#[derive(Deserialize)]
pub struct IssueForm {
    pub service: Option<String>,
    pub officer: Option<String>,
}

/// What this user may issue tickets for.
pub struct Scope {
    pub services: Vec<Service>,
    /// Unit code → name, for the services' labels.
    pub unit_names: HashMap<String, String>,
    /// Officers who may be named, grouped by unit (unit code, officers by name); empty for
    /// an officer, who names themselves.
    pub officers: Vec<(String, Vec<Officer>)>,
    /// An officer's own NIP: their tickets always name them.
    pub fixed_officer: Option<String>,
}

impl Scope {
    fn unit_name(&self, id: &str) -> String {
        self.unit_names
            .get(id)
            .cloned()
            .unwrap_or_else(|| id.to_string())
    }

    fn officer_name(&self, nip: &str) -> Option<&str> {
        self.officers
            .iter()
            .flat_map(|(_, officers)| officers)
            .find(|o| o.nip == nip)
            .map(|o| o.name.as_str())
    }
}

/// A problem with one field of the form: the field's id and what to do about it.
pub struct FieldProblem {
    pub field: &'static str,
    pub message: String,
}

async fn scope(cx: &StaffCx) -> Result<Scope, PageError> {
    let store = &cx.app.store;
    let tenant_id = cx.tenant_id();
    let (units, tree) = units_tree(cx).await?;
    let principal = &cx.staff.principal;
    let (unit_ids, fixed_officer) = match principal.role {
        Role::Officer => {
            let nip = principal.nip.clone().unwrap_or_default();
            let unit = store.officer(tenant_id, &nip).await?.map(|o| o.unit_id);
            (unit.into_iter().collect::<Vec<_>>(), Some(nip))
        }
        Role::UnitAdmin => (
            principal
                .unit_id
                .as_deref()
                .map(|u| tree.subtree(u))
                .unwrap_or_default(),
            None,
        ),
        _ => (units.iter().map(|u| u.unit_id.clone()).collect(), None),
    };
    let mut services = Vec::new();
    let mut officers = Vec::new();
    for unit in &unit_ids {
        services.extend(store.services_of_unit(tenant_id, unit).await?);
        if fixed_officer.is_none() {
            // The store lists a unit's officers by name; units keep the tree's order.
            let of_unit = store.officers_of_unit(tenant_id, unit, cx.today()).await?;
            if !of_unit.is_empty() {
                officers.push((unit.clone(), of_unit));
            }
        }
    }
    let unit_names = units.into_iter().map(|u| (u.unit_id, u.name)).collect();
    Ok(Scope {
        services,
        unit_names,
        officers,
        fixed_officer,
    })
}

/// The error summary at the top of the page, linking to the field.
fn error_summary(look: Look, problem: &FieldProblem) -> Markup {
    html! {
        div.error-summary role="alert" tabindex="-1" {
            h2 { (look.t(T::THERE_IS_A_PROBLEM)) }
            ul { li { a href={ "#" (problem.field) } { (problem.message) } } }
        }
    }
}

/// What to say beside `field`, if the problem is about it.
fn message_for<'a>(problem: Option<&'a FieldProblem>, field: &str) -> Option<&'a str> {
    problem
        .filter(|p| p.field == field)
        .map(|p| p.message.as_str())
}

/// The form, with the last service (and officer) chosen again, and the problem of a
/// refused ticket beside its field.
pub fn issue_form(
    look: Look,
    scope: &Scope,
    last: &IssueForm,
    problem: Option<&FieldProblem>,
) -> Markup {
    let service_problem = message_for(problem, "service");
    let officer_problem = message_for(problem, "officer");
    let chosen_officer = last.officer.as_deref().map(str::trim);
    html! {
        form.account method="post" action=(look.action(COUNTER)) {
            (look.csrf())
            div.field.invalid[service_problem.is_some()] {
                label for="service" { (look.t(T::SERVICE_JUST_GIVEN)) }
                @if let Some(p) = service_problem { span.error-message #service-error { (p) } }
                select #service name="service" required
                    aria-invalid=[service_problem.map(|_| "true")]
                    aria-describedby=[service_problem.map(|_| "service-error")] {
                    @for s in &scope.services {
                        option value=(s.service_id) selected[last.service.as_deref().map(str::trim) == Some(s.service_id.as_str())] {
                            (s.name) " · " (scope.unit_name(&s.unit_id))
                        }
                    }
                }
            }
            @if scope.fixed_officer.is_none() {
                div.field.invalid[officer_problem.is_some()] {
                    label for="officer" { (look.t(T::OFFICER_WHO_SERVED_OPTIONAL)) }
                    @if let Some(p) = officer_problem { span.error-message #officer-error { (p) } }
                    select #officer name="officer"
                        aria-invalid=[officer_problem.map(|_| "true")]
                        aria-describedby=[officer_problem.map(|_| "officer-error")] {
                        option value="" { (look.t(T::NOT_NAMED)) }
                        @for (unit, officers) in &scope.officers {
                            optgroup label=(scope.unit_name(unit)) {
                                @for o in officers {
                                    option value=(o.nip) selected[chosen_officer == Some(o.nip.as_str())] {
                                        (o.name) " · NIP " (o.nip)
                                    }
                                }
                            }
                        }
                    }
                }
            }
            button.primary type="submit" { (look.t(T::ISSUE_TICKET)) }
        }
    }
}

fn intro(look: Look) -> Markup {
    html! {
        p { (look.t(T::AFTER_SERVING_A_CITIZEN_ISSUE_ONE_TICKET)) }
    }
}

pub async fn counter_page(cx: StaffCx) -> Result<Response, PageError> {
    let scope = scope(&cx).await?;
    let look = cx.look();
    let title = look.t(T::SURVEY_TICKETS);
    let none = IssueForm {
        service: None,
        officer: None,
    };
    cx.ok(
        title,
        html! { h1 { (title) } (intro(look)) (issue_form(look, &scope, &none, None)) },
    )
}

/// The page again, answering 422: the problem at the top and beside its field, the
/// service and officer still chosen.
fn refused(cx: &StaffCx, scope: &Scope, form: &IssueForm, problem: &FieldProblem) -> Response {
    let look = cx.look();
    let title = look.t(T::SURVEY_TICKETS);
    let content = html! {
        h1 { (title) }
        (error_summary(look, problem))
        (intro(look))
        (issue_form(look, scope, form, Some(problem)))
    };
    cx.page(StatusCode::UNPROCESSABLE_ENTITY, title, content)
}

/// The field of the form a ticket the store refused is about, in words; any other refusal
/// is the error it was.
fn field_problem(
    cx: &StaffCx,
    scope: &Scope,
    binding: &TicketBinding,
    error: RecordError,
) -> Result<FieldProblem, PageError> {
    if let RecordError::OfficerOfOtherUnit { nip, .. } = &error {
        let officer = scope.officer_name(nip).unwrap_or(nip);
        return Ok(FieldProblem {
            field: "officer",
            message: cx.lang.fill(
                T::TICKET_OFFICER_NOT_ON_DUTY_IN_UNIT,
                &[&officer, &scope.unit_name(&binding.unit_id)],
            ),
        });
    }
    match ApiError::from(error) {
        ApiError::Invalid(fields) => {
            let found = fields.iter().find_map(|f| {
                let field = match f.field.as_str() {
                    "service" => "service",
                    "officer" => "officer",
                    _ => return None,
                };
                Some(FieldProblem {
                    field,
                    message: problem_text(cx.lang, f),
                })
            });
            found.ok_or(PageError::Invalid(fields))
        }
        other => Err(other.into()),
    }
}

pub async fn issue(
    cx: StaffCx,
    headers: HeaderMap,
    extensions: axum::http::Extensions,
    CsrfForm(form): CsrfForm<IssueForm>,
) -> Result<Response, PageError> {
    let scope = scope(&cx).await?;
    let chosen = form
        .service
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty());
    let Some(chosen) = chosen else {
        let problem = FieldProblem {
            field: "service",
            message: cx.t(T::CHOOSE_THE_SERVICE_JUST_GIVEN).to_string(),
        };
        return Ok(refused(&cx, &scope, &form, &problem));
    };
    let Some(service) = scope.services.iter().find(|s| s.service_id == chosen) else {
        return Err(PageError::Forbidden);
    };
    let named = form
        .officer
        .as_deref()
        .map(str::trim)
        .filter(|o| !o.is_empty())
        .map(str::to_string);
    let binding = TicketBinding {
        unit_id: service.unit_id.clone(),
        service_id: Some(service.service_id.clone()),
        officer_nip: scope.fixed_officer.clone().or(named),
        point_id: None,
    };
    let code = suara_app::credentials::new_ticket_code();
    let network = cx.app.signals(&headers, &extensions).network;
    let issuer = Issuer {
        name: cx.username(),
        network: network.as_deref(),
        nip: cx.staff.principal.nip.as_deref(),
    };
    let issued = cx
        .app
        .store
        .issue_ticket(
            cx.tenant_id(),
            &code,
            &binding,
            &issuer,
            OffsetDateTime::now_utc(),
        )
        .await;
    let expires_at = match issued {
        Ok(expires_at) => expires_at,
        Err(error) => {
            let problem = field_problem(&cx, &scope, &binding, error)?;
            return Ok(refused(&cx, &scope, &form, &problem));
        }
    };
    let url = format!("{}{}", cx.app.base_url(&headers), ticket_path(&code));
    let look = cx.look();
    let title = look.t(T::SURVEY_TICKETS);
    let content = html! {
        h1 { (title) }
        section.ticket aria-labelledby="ticket-code" {
            p { (look.t(T::SATISFACTION_SURVEY)) strong { (service.name) } }
            (qr_svg(&url, look.t(T::SURVEY_TICKET_QR_CODE)))
            p #ticket-code .code { (ticket::display(&code)) }
            p { (look.t(T::SCAN_THE_QR_CODE_OR_OPEN)) a href=(url) { (url) } }
            p.muted { (look.t(T::VALID_ONCE_UNTIL)) (cx.lang.date_time(expires_at, cx.tenant.offset())) }
        }
        h2 { (look.t(T::NEXT_TICKET)) }
        (issue_form(look, &scope, &form, None))
    };
    Ok(cx.page(StatusCode::CREATED, title, content))
}
