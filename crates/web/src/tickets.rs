//! One-time tickets (codes from `suara_app::credentials::new_ticket_code`), issued by counter staff (`/loket`) or a
//! queue system (`POST /api/v1/tickets` with an API key), answered at `/t/{code}`.

use std::sync::Arc;

use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use maud::{html, Markup, PreEscaped};
use serde::{Deserialize, Serialize};
use suara_domain::integrity::ticket;
use suara_domain::org::tree::UnitTree;
use suara_store::{Issuer, TicketBinding};
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

use utoipa::ToSchema;

use crate::error::ApiError;
use crate::error::ProblemDetails;
use crate::routes;
use crate::state::AppState;

/// Path of the page a ticket's link and QR code open.
pub fn ticket_path(code: &str) -> String {
    format!("/t/{}", ticket::display(code))
}

/// A QR code of `text` as inline SVG (black on white, with its quiet zone).
pub fn qr_svg(text: &str, label: &str) -> Markup {
    let svg = qrcode::QrCode::new(text.as_bytes())
        .map(|code| {
            code.render::<qrcode::render::svg::Color>()
                .min_dimensions(220, 220)
                .build()
        })
        .unwrap_or_default();
    // The renderer writes a standalone document; inline SVG starts at the element.
    let element = svg.find("<svg").map_or("", |at| &svg[at..]);
    let labelled = element.replacen(
        "<svg ",
        &format!(
            "<svg role=\"img\" aria-label=\"{}\" ",
            html! { (label) }.into_string()
        ),
        1,
    );
    html! { (PreEscaped(labelled)) }
}

/// The service a ticket is for.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TicketRequest {
    /// Unit code.
    unit: String,
    /// Service code of that unit.
    service: Option<String>,
    /// NIP of the officer who served.
    officer: Option<String>,
    /// Service point (counter).
    point: Option<String>,
}

/// An issued ticket.
#[derive(Serialize, ToSchema)]
pub struct TicketBody {
    /// As printed: `XXXXX-XXXXX`.
    #[schema(example = "7K2M9-QXD4T")]
    ticket: String,
    /// The survey for this ticket; print it as a QR code or send it.
    url: String,
    #[schema(format = DateTime)]
    expires_at: String,
}

/// Issue a one-time survey ticket (queue systems).
///
/// Needs `Authorization: Bearer KEY` with a key made by `suara apikey add`, limited to a unit
/// and the units under it. Called when a service ends: the issue time is the moment of
/// service the pace rule (`suara_domain::tpp::pace`) reads.
#[utoipa::path(post, path = routes::API_TICKETS, tag = "survey",
    request_body = TicketRequest,
    security(("api_key" = [])),
    responses(
        (status = 201, description = "Issued; valid once, for 72 hours", body = TicketBody),
        (status = 400, description = "The body is not the JSON object described", body = ProblemDetails, content_type = "application/problem+json"),
        (status = 401, description = "No API key, or an unknown one", body = ProblemDetails, content_type = "application/problem+json"),
        (status = 403, description = "The unit is outside the key's units", body = ProblemDetails, content_type = "application/problem+json"),
        (status = 422, description = "Unknown unit, service, officer or point", body = ProblemDetails, content_type = "application/problem+json"),
        (status = 429, description = "Tickets issued faster than services end", body = ProblemDetails, content_type = "application/problem+json"),
    ))]
pub async fn issue_by_api(
    State(app): State<Arc<AppState>>,
    headers: HeaderMap,
    extensions: axum::http::Extensions,
    body: axum::body::Bytes,
) -> Response {
    let network = app.signals(&headers, &extensions).network;
    match issue_api(&app, &headers, network.as_deref(), &body).await {
        Ok(response) => response,
        Err(error) => error.into_response(),
    }
}

async fn issue_api(
    app: &AppState,
    headers: &HeaderMap,
    network: Option<&str>,
    body: &[u8],
) -> Result<Response, ApiError> {
    let key = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .ok_or_else(|| {
            ApiError::Unauthorized("send the API key as 'Authorization: Bearer KEY'".into())
        })?;
    let key = app
        .store
        .api_key(&suara_app::credentials::token_hash(key.trim()))
        .await?
        // A key works only on its own regency's host names (or an unclaimed address).
        .filter(|k| {
            crate::tenancy::current()
                .tenant_id()
                .is_none_or(|id| id == k.tenant_id)
        })
        .ok_or_else(|| ApiError::Unauthorized("unknown API key".into()))?;
    let request: TicketRequest =
        serde_json::from_slice(body).map_err(|e| ApiError::MalformedJson(e.to_string()))?;
    let units = app.store.units(&key.tenant_id).await?;
    let tree = UnitTree::new(
        units
            .iter()
            .map(|u| (u.unit_id.as_str(), u.parent_id.as_deref())),
    );
    if !tree.is_within(&request.unit, &key.unit_id) {
        return Err(ApiError::Forbidden(format!(
            "the key '{}' may issue tickets for {} and the units under it only",
            key.label, key.unit_id
        )));
    }
    let blank = |v: Option<String>| v.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
    let binding = TicketBinding {
        unit_id: request.unit,
        service_id: blank(request.service),
        officer_nip: blank(request.officer),
        point_id: blank(request.point),
    };
    let code = suara_app::credentials::new_ticket_code();
    let issued_by = format!("api:{}", key.label);
    let issuer = Issuer {
        // A queue system vouches for the service: its tickets are verified evidence.
        nip: None,
        name: &issued_by,
        network,
    };
    let expires_at = app
        .store
        .issue_ticket(
            &key.tenant_id,
            &code,
            &binding,
            &issuer,
            OffsetDateTime::now_utc(),
        )
        .await?;
    let body = TicketBody {
        ticket: ticket::display(&code),
        url: format!("{}{}", app.base_url(headers), ticket_path(&code)),
        expires_at: expires_at.format(&Rfc3339).unwrap_or_default(),
    };
    Ok((StatusCode::CREATED, Json(body)).into_response())
}
