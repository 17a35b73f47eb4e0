//! `/loket`: counter staff issue a one-time survey ticket for the service just given, to
//! print (QR code and code) or send as a link by SMS or WhatsApp.

use std::sync::Arc;

use axum::extract::{OriginalUri, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::{Extension, Form};
use maud::{html, Markup};
use serde::Deserialize;
use suara_domain::access::Role;
use suara_domain::integrity::ticket;
use suara_domain::org::tree::UnitTree;
use suara_store::{Issuer, Service, TicketBinding};
use time::OffsetDateTime;

use super::{frame, respond};
use crate::access::{forbidden, COUNTER};
use crate::auth::Staff;
use crate::i18n::Lang;
use crate::pages::{page, LangQuery};
use crate::tickets::{new_code, qr_svg, ticket_path};
use crate::{ApiError, AppState};

#[derive(Deserialize)]
pub struct IssueForm {
    pub csrf: Option<String>,
    pub service: Option<String>,
    /// For unit admins and administrators: the officer who served (optional).
    pub officer: Option<String>,
}

/// The services this user may issue tickets for, and the officer they are fixed to (an
/// officer issues for themselves).
async fn scope(app: &AppState, staff: &Staff) -> Result<(Vec<Service>, Option<String>), ApiError> {
    let tenant_id = staff.tenant_id();
    let units = app.store.units(tenant_id).await?;
    let tree = UnitTree::new(
        units
            .iter()
            .map(|u| (u.unit_id.as_str(), u.parent_id.as_deref())),
    );
    let (unit_ids, officer) = match staff.principal.role {
        Role::Officer => {
            let nip = staff.principal.nip.clone().unwrap_or_default();
            let unit = app.store.officer(tenant_id, &nip).await?.map(|o| o.unit_id);
            (unit.into_iter().collect::<Vec<_>>(), Some(nip))
        }
        Role::UnitAdmin => (
            staff
                .principal
                .unit_id
                .as_deref()
                .map(|u| tree.subtree(u))
                .unwrap_or_default(),
            None,
        ),
        _ => (units.iter().map(|u| u.unit_id.clone()).collect(), None),
    };
    let mut services = Vec::new();
    for unit in &unit_ids {
        services.extend(app.store.services_of_unit(tenant_id, unit).await?);
    }
    Ok((services, officer))
}

fn issue_form(lang: Lang, staff: &Staff, services: &[Service], fixed_officer: bool) -> Markup {
    html! {
        form.account method="post" action={ (COUNTER) "?lang=" (lang.code()) } {
            input type="hidden" name="csrf" value=(staff.session.csrf_token);
            p {
                label for="service" { (lang.pick("Layanan yang baru diberikan", "Service just given")) }
                select #service name="service" required {
                    @for s in services { option value=(s.service_id) { (s.name) " (" (s.unit_id) ")" } }
                }
            }
            @if !fixed_officer {
                p {
                    label for="officer" { (lang.pick("NIP petugas yang melayani (boleh kosong)", "NIP of the officer who served (optional)")) }
                    input #officer name="officer" inputmode="numeric" pattern="[0-9]{18}" autocomplete="off";
                }
            }
            button.primary type="submit" { (lang.pick("Terbitkan tiket", "Issue ticket")) }
        }
    }
}

pub async fn counter_page(
    State(app): State<Arc<AppState>>,
    Extension(staff): Extension<Staff>,
    Query(query): Query<LangQuery>,
    uri: OriginalUri,
) -> Response {
    let lang = query.lang();
    let here = uri.to_string();
    let result = async {
        let (services, officer) = scope(&app, &staff).await?;
        let title = lang.pick("Tiket survei", "Survey tickets");
        let content = html! {
            h1 { (title) }
            p { (lang.pick(
                "Setelah melayani warga, terbitkan satu tiket untuk layanan itu. Tiket berlaku satu kali dan 72 jam; tanggapan lewat tiket dihitung sebagai terverifikasi.",
                "After serving a citizen, issue one ticket for that service. A ticket works once, for 72 hours; responses through a ticket count as verified.",
            )) }
            (issue_form(lang, &staff, &services, officer.is_some()))
        };
        super::ok(frame(lang, &staff, title, &here, content))
    }
    .await;
    respond(lang, &here, result)
}

pub async fn issue(
    State(app): State<Arc<AppState>>,
    Extension(staff): Extension<Staff>,
    Query(query): Query<LangQuery>,
    uri: OriginalUri,
    headers: HeaderMap,
    extensions: axum::http::Extensions,
    Form(form): Form<IssueForm>,
) -> Response {
    let lang = query.lang();
    let here = uri.to_string();
    if !staff.csrf_ok(form.csrf.as_deref()) {
        return forbidden(lang);
    }
    let result = async {
        let (services, fixed_officer) = scope(&app, &staff).await?;
        let title = lang.pick("Tiket survei", "Survey tickets");
        let chosen = form.service.as_deref().map(str::trim).filter(|s| !s.is_empty());
        let Some(chosen) = chosen else {
            let content = html! {
                h1 { (title) }
                div.error-summary role="alert" { p { (lang.pick("Pilih layanan yang baru diberikan.", "Choose the service just given.")) } }
                (issue_form(lang, &staff, &services, fixed_officer.is_some()))
            };
            return Ok(page(StatusCode::UNPROCESSABLE_ENTITY, frame(lang, &staff, title, &here, content)));
        };
        // A service outside the user's units is not theirs to vouch for.
        let Some(service) = services.iter().find(|s| s.service_id == chosen) else {
            return Ok(forbidden(lang));
        };
        let officer = fixed_officer.clone().or_else(|| form.officer.clone().map(|o| o.trim().to_string()).filter(|o| !o.is_empty()));
        let binding = TicketBinding {
            unit_id: service.unit_id.clone(),
            service_id: Some(service.service_id.clone()),
            officer_nip: officer,
            point_id: None,
        };
        let code = new_code();
        let network = app.signals(&headers, &extensions).network;
        let issuer = Issuer {
            name: staff.username(),
            network: network.as_deref(),
            nip: staff.principal.nip.as_deref(),
        };
        let expires_at = app
            .store
            .issue_ticket(staff.tenant_id(), &code, &binding, &issuer, OffsetDateTime::now_utc())
            .await?;
        let tenant = app.tenant(Some(staff.tenant_id())).await?;
        let url = format!("{}{}", app.base_url(&headers), ticket_path(&code));
        let expires = expires_at
            .to_offset(tenant.offset())
            .format(time::macros::format_description!("[day]-[month]-[year] [hour]:[minute]"))
            .unwrap_or_default();
        let content = html! {
            h1 { (title) }
            section.ticket aria-labelledby="ticket-code" {
                p { (lang.pick("Survei kepuasan: ", "Satisfaction survey: ")) strong { (service.name) } }
                (qr_svg(&url, lang.pick("Kode QR tiket survei", "Survey ticket QR code")))
                p #ticket-code .code { (ticket::display(&code)) }
                p { (lang.pick("Pindai kode QR atau buka ", "Scan the QR code or open ")) a href=(url) { (url) } }
                p.muted { (lang.pick("Berlaku satu kali, sampai ", "Valid once, until ")) (expires) }
            }
            h2 { (lang.pick("Tiket berikutnya", "Next ticket")) }
            (issue_form(lang, &staff, &services, fixed_officer.is_some()))
        };
        Ok(page(StatusCode::CREATED, frame(lang, &staff, title, &here, content)))
    }
    .await;
    respond(lang, &here, result)
}
