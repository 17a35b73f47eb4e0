//! Survey tickets at the counter: after serving a citizen, staff issue a one-time ticket
//! (QR code and short code) for the service just given and, optionally, the officer who
//! served. The form remembers the last service, and officers are chosen by name.

use std::collections::HashMap;

use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use maud::{html, Markup};
use serde::Deserialize;
use suara_domain::access::Role;
use suara_domain::integrity::ticket;
use suara_store::{Issuer, Officer, Service, TicketBinding};
use time::OffsetDateTime;

use super::units_tree;
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
    /// Officers who may be named, by unit (empty for an officer, who names themselves).
    pub officers: Vec<Officer>,
    /// An officer's own NIP: their tickets always name them.
    pub fixed_officer: Option<String>,
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
            officers.extend(store.officers_of_unit(tenant_id, unit, cx.today()).await?);
        }
    }
    officers.sort_by(|a, b| a.name.cmp(&b.name).then(a.nip.cmp(&b.nip)));
    let unit_names = units.into_iter().map(|u| (u.unit_id, u.name)).collect();
    Ok(Scope {
        services,
        unit_names,
        officers,
        fixed_officer,
    })
}

/// The form, with the last service (and officer) chosen again.
pub fn issue_form(look: Look, scope: &Scope, last: &IssueForm) -> Markup {
    let unit_name = |id: &str| {
        scope
            .unit_names
            .get(id)
            .cloned()
            .unwrap_or_else(|| id.to_string())
    };
    html! {
        form.account method="post" action=(look.action(COUNTER)) {
            (look.csrf())
            p {
                label for="service" { (look.t(T::SERVICE_JUST_GIVEN)) }
                select #service name="service" required {
                    @for s in &scope.services {
                        option value=(s.service_id) selected[last.service.as_deref() == Some(s.service_id.as_str())] {
                            (s.name) " · " (unit_name(&s.unit_id))
                        }
                    }
                }
            }
            @if scope.fixed_officer.is_none() {
                p {
                    label for="officer" { (look.t(T::OFFICER_WHO_SERVED_OPTIONAL)) }
                    select #officer name="officer" {
                        option value="" { (look.t(T::NOT_NAMED)) }
                        @for o in &scope.officers {
                            option value=(o.nip) selected[last.officer.as_deref() == Some(o.nip.as_str())] {
                                (o.name) " · NIP " (o.nip)
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
        html! { h1 { (title) } (intro(look)) (issue_form(look, &scope, &none)) },
    )
}

pub async fn issue(
    cx: StaffCx,
    headers: HeaderMap,
    extensions: axum::http::Extensions,
    CsrfForm(form): CsrfForm<IssueForm>,
) -> Result<Response, PageError> {
    let scope = scope(&cx).await?;
    let look = cx.look();
    let title = look.t(T::SURVEY_TICKETS);
    let chosen = form
        .service
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty());
    let Some(chosen) = chosen else {
        let content = html! {
            h1 { (title) }
            div.error-summary role="alert" tabindex="-1" {
                h2 { (look.t(T::THERE_IS_A_PROBLEM)) }
                p { a href="#service" { (look.t(T::CHOOSE_THE_SERVICE_JUST_GIVEN)) } }
            }
            (issue_form(look, &scope, &form))
        };
        return Ok(cx.page(StatusCode::UNPROCESSABLE_ENTITY, title, content));
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
    let expires_at = cx
        .app
        .store
        .issue_ticket(
            cx.tenant_id(),
            &code,
            &binding,
            &issuer,
            OffsetDateTime::now_utc(),
        )
        .await
        .map_err(crate::error::ApiError::from)?;
    let url = format!("{}{}", cx.app.base_url(&headers), ticket_path(&code));
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
        (issue_form(look, &scope, &form))
    };
    Ok(cx.page(StatusCode::CREATED, title, content))
}
