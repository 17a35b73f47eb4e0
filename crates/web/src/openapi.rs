//! The OpenAPI 3.1 description of the machine-facing routes, served at `/api/openapi.json`.
//! It is generated from the handlers' `#[utoipa::path]` attributes and their bodies' types;
//! a test checks that every machine-facing route of the router is in it, and CI runs an
//! OpenAPI fuzzer (schemathesis) against the server with it.

use axum::Json;
use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

use crate::error::{FieldProblem, ProblemDetails};
use crate::{api, auth, metrics, pages, routes, tickets};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "suara API",
        description = "Public satisfaction surveys (SKM, PermenPANRB 14/2017) for Indonesian regional governments: responses, tickets, results, the transparency log, Musrena Keren and innovations as open data, and the staff spreadsheets. Every error is an RFC 9457 problem (application/problem+json)."
    ),
    paths(
        api::health,
        api::ready,
        metrics::render,
        openapi,
        pages::survey::post::post_response,
        pages::kiosk::submit,
        tickets::issue_by_api,
        api::units,
        api::unit_ikm,
        api::receipts::receipt,
        api::log::heads,
        api::log::consistency,
        api::musrena::proposals,
        api::musrena::proposals_geojson,
        api::innovations::innovations,
        pages::staff::dashboard::downloads::export,
        pages::staff::tpp::export::export,
        pages::musrena::staff::manage::export,
        pages::innovation::export::export,
        pages::staff::dashboard::downloads::report,
        pages::staff::tpp::payable::payable_list,
        pages::staff::tpp::payable::bank_file,
        pages::staff::import::template,
        pages::province::show,
    ),
    components(schemas(ProblemDetails, FieldProblem)),
    modifiers(&SecuritySchemes),
    tags(
        (name = "survey", description = "Responses, tickets and results"),
        (name = "transparency", description = "Receipts and the signed log, checkable without trusting the server"),
        (name = "musrena", description = "Musrena Keren proposals"),
        (name = "innovation", description = "Innovations and their measured effect"),
        (name = "results", description = "Staff spreadsheets of the results"),
        (name = "tpp", description = "Payable lists and bank files"),
        (name = "organisation", description = "The organisation import's templates"),
        (name = "operations", description = "Health, readiness, metrics and this document"),
    )
)]
struct ApiDoc;

/// How callers prove who they are: queue systems by API key, staff by their session,
/// kiosks by the cookie set when staff registered the device.
struct SecuritySchemes;

impl Modify for SecuritySchemes {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "api_key",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some("A key made by `suara apikey add`"))
                    .build(),
            ),
        );
        components.add_security_scheme(
            "session",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::new(auth::SESSION_COOKIE))),
        );
        components.add_security_scheme(
            "kiosk",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::new(auth::KIOSK_COOKIE))),
        );
    }
}

pub fn document() -> utoipa::openapi::OpenApi {
    ApiDoc::openapi()
}

/// This document (OpenAPI 3.1).
#[utoipa::path(get, path = routes::OPENAPI, tag = "operations", responses(
    (status = 200, description = "The OpenAPI 3.1 document", body = Object),
))]
pub async fn openapi() -> Json<utoipa::openapi::OpenApi> {
    Json(document())
}
