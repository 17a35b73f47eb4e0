//! `POST /api/v1/responses`, where the survey page's form and JSON clients both post: a form
//! is answered with a page, JSON with a receipt. Both go through `crate::submit`.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use suara_domain::survey::ResponseDraft;

use super::Mode;
use crate::api::responses::ResponseProblems;
use crate::error::ApiError;
use crate::pages::message_page;
use crate::routes;
use crate::state::AppState;
use crate::submit::{cross_site, read_body, submit_json, ReceiptBody};
use suara_app::i18n::catalogue as T;

/// Submit one anonymous survey response.
///
/// Stored durably before 201 is sent. A retry with the same idempotency key and content
/// returns the first receipt (replayed: true) and counts nothing new; the same key with other
/// content is 409. The survey page posts the same fields as a form
/// (application/x-www-form-urlencoded, answers as u1…u9) and gets a page back.
#[utoipa::path(post, path = routes::API_RESPONSES, tag = "survey",
    params(("Idempotency-Key" = Option<String>, Header, description = "Instead of the idempotency_key field")),
    request_body = ResponseDraft,
    responses(
        (status = 201, description = "Stored (or replayed)", body = ReceiptBody),
        ResponseProblems,
    ))]
pub async fn post_response(
    State(app): State<Arc<AppState>>,
    headers: HeaderMap,
    extensions: axum::http::Extensions,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let signals = app.signals(&headers, &extensions);
    receive(&app, &headers, body, signals, Mode::Page).await
}

/// A posted response, as a form (answered with a page) or JSON (answered with a receipt).
pub(crate) async fn receive(
    app: &AppState,
    headers: &HeaderMap,
    body: Result<Bytes, BytesRejection>,
    signals: suara_store::Signals,
    mode: Mode<'_>,
) -> Response {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_ascii_lowercase();
    let body = match read_body(body) {
        Ok(body) => body,
        Err(error) => return error.into_response(),
    };
    if content_type.starts_with("application/x-www-form-urlencoded") {
        // A form another site's page posts on a visitor's behalf is not that visitor's rating.
        if cross_site(app, headers) {
            // Such a form carries no language of its own: the citizens' language first.
            let lang = suara_app::i18n::Lang::ID;
            return message_page(
                StatusCode::FORBIDDEN,
                lang,
                lang.t(T::FORM_FROM_ANOTHER_SITE),
                lang.t(T::RATINGS_ONLY_FROM_THIS_SITES_FORM),
                "/",
            );
        }
        return super::submitted(app, &body, signals, mode).await;
    }
    if !content_type.starts_with("application/json") {
        return ApiError::UnsupportedMediaType.into_response();
    }
    match submit_json(app, headers, &body, signals, mode.kiosk()).await {
        Ok(response) => response,
        Err(error) => error.into_response(),
    }
}
