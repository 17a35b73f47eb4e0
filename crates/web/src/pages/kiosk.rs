//! `/kios/{point}`: the survey on a counter tablet that staff registered as the kiosk of a
//! service point (see `staff::kiosks`). Large touch targets with faces and words, no links
//! away, and `kios.js` queueing answers through a dropped connection and starting over
//! after each citizen. Responses are recorded on the kiosk channel (on-site trust).

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{OriginalUri, Path, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use suara_domain::survey::ResponseDraft;
use suara_store::Kiosk;

use super::context::PageCx;
use super::failure::{Missing, PageError};
use super::survey::{self, Mode, SurveyForm};
use super::{message_page, page, LangQuery};
use crate::api::query::ApiQuery;
use crate::api::responses::ResponseProblems;
use crate::auth::{cookie, KIOSK_COOKIE};
use crate::error::ApiError;
use crate::error::ProblemDetails;
use crate::routes;
use crate::state::AppState;
use suara_app::credentials::token_hash;
use suara_app::i18n::catalogue as T;
use suara_app::i18n::Lang;

/// Kiosk pages run their one script and send answers to their own origin only.
const KIOSK_CSP: &str =
    "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; \
     img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/// The kiosk this browser is registered as, if it is the one for `point_id`.
async fn this_kiosk(
    app: &AppState,
    headers: &HeaderMap,
    point_id: &str,
) -> Result<Option<Kiosk>, ApiError> {
    let Some(token) = cookie(headers, KIOSK_COOKIE) else {
        return Ok(None);
    };
    let tenant = app.tenant(None).await?;
    let kiosk = app
        .store
        .kiosk_by_token(&tenant.tenant_id, &token_hash(&token))
        .await?;
    Ok(kiosk.filter(|k| k.point_id == point_id))
}

fn not_registered(lang: Lang, here: &str) -> Response {
    message_page(
        StatusCode::FORBIDDEN,
        lang,
        lang.t(T::THIS_TABLET_IS_NOT_A_KIOSK_YET),
        lang.t(T::STAFF_SIGN_IN_OPEN_SURVEY_KIOSKS_IN),
        here,
    )
}

fn with_kiosk_policy(mut response: Response) -> Response {
    response.headers_mut().insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(KIOSK_CSP),
    );
    response
}

/// The kiosk's page: the service, chosen on the step before when the unit's services ask
/// their own way.
#[derive(serde::Deserialize)]
pub struct KioskQuery {
    service: Option<String>,
}

pub async fn form(
    cx: PageCx,
    Path(point_id): Path<String>,
    axum::extract::Query(query): axum::extract::Query<KioskQuery>,
    headers: HeaderMap,
) -> Result<Response, PageError> {
    let (app, lang, here) = (&cx.app, cx.lang, cx.here.as_str());
    let Some(kiosk) = this_kiosk(app, &headers, &point_id).await? else {
        return Ok(with_kiosk_policy(not_registered(lang, here)));
    };
    let service = query.service.as_deref();
    let officer = kiosk.officer_nip.as_deref();
    let Some(context) = survey::load_context(app, None, &kiosk.unit_id, officer, service).await?
    else {
        return Err(PageError::NotFound(Missing::Page));
    };
    let mode = Mode::Kiosk(&kiosk);
    if context.adapted && service.is_none() {
        let choice = survey::render_service_choice(lang, here, &context, None, mode);
        return Ok(with_kiosk_policy(choice));
    }
    let values = SurveyForm::chosen(lang, service);
    let markup = survey::render_form(lang, here, &context, &values, &[], mode);
    Ok(with_kiosk_policy(page(StatusCode::OK, markup)))
}

/// A kiosk's response: the form without script, or the script's queued JSON.
///
/// Only a device registered as the point's kiosk (its cookie) may post; the kiosk rates its
/// own point's unit and officer, whatever the body says. JSON is answered as
/// `/api/v1/responses` answers it; the form gets the thank-you page.
#[utoipa::path(post, path = routes::KIOSK, tag = "survey",
    params(("point" = String, Path, description = "The service point's code")),
    request_body(content((ResponseDraft = "application/json"))),
    security(("kiosk" = [])),
    responses(
        (status = 201, description = "Stored (or replayed)", body = crate::submit::ReceiptBody),
        (status = 403, description = "This device is not the point's kiosk", body = ProblemDetails, content_type = "application/problem+json"),
        ResponseProblems,
    ))]
pub async fn submit(
    State(app): State<Arc<AppState>>,
    Path(point_id): Path<String>,
    ApiQuery(query): ApiQuery<LangQuery>,
    uri: OriginalUri,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let lang = query.lang();
    let kiosk = match this_kiosk(&app, &headers, &point_id).await {
        Ok(Some(kiosk)) => kiosk,
        Ok(None) if !is_form(&headers) => {
            return ApiError::Forbidden(format!(
                "this device is not registered as the kiosk of service point '{point_id}'"
            ))
            .into_response()
        }
        Ok(None) => return not_registered(lang, &uri.to_string()),
        Err(error) => return error.into_response(),
    };
    // One kiosk serves many citizens: it is its own "network" for the burst and
    // straight-lining rules, and has no personal device.
    let signals = suara_store::Signals {
        network: Some(format!("kiosk:{}", kiosk.kiosk_id)),
        device: None,
    };
    let response = survey::post::receive(&app, &headers, body, signals, Mode::Kiosk(&kiosk)).await;
    with_kiosk_policy(response)
}

/// The script-less form posts a form and is answered with a page; anything else (the
/// script's JSON, a client's) gets a problem.
fn is_form(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.to_ascii_lowercase()
                .starts_with("application/x-www-form-urlencoded")
        })
}
