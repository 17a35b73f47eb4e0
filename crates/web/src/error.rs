//! One error type for the HTTP layer, mapped once to status codes and an RFC 9457 problem
//! (`application/problem+json`): `type`, `title`, `status`, `detail`, and this API's `code`
//! and, for bad fields, `fields` ([{field, code, message}]).

use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;
use suara_domain::survey::{FieldError, Problem};
use suara_store::{RecordError, StoreError};
use utoipa::ToSchema;

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// One or more fields are wrong (422), or, for a reused idempotency key, conflict (409).
    #[error("the request has invalid fields")]
    Invalid(Vec<FieldError>),
    /// The body is not JSON at all (400).
    #[error("malformed JSON body: {0}")]
    MalformedJson(String),
    #[error("the body is larger than {0} bytes")]
    TooLarge(usize),
    #[error("send the body as application/json (or a form as application/x-www-form-urlencoded)")]
    UnsupportedMediaType,
    #[error("the request took longer than the server waits; send it again (a response sent again with its idempotency key counts once)")]
    TimedOut,
    #[error("{0}")]
    BadQuery(String),
    #[error("{0}")]
    NotFound(String),
    #[error("{0}")]
    Unauthorized(String),
    #[error("{0}")]
    Forbidden(String),
    #[error("{0}")]
    TooMany(String),
    /// Several regencies, and neither the host nor the request names one (422 for the API;
    /// pages offer the list).
    #[error("several regencies are served here: name one with `tenant`, or use its host name")]
    ChooseRegency(Vec<crate::tenancy::Choice>),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Key(#[from] suara_app::signing::KeyError),
}

impl ApiError {
    pub fn unknown_field(field: &str) -> ApiError {
        ApiError::Invalid(vec![FieldError::new(field, Problem::Unknown)])
    }

    pub fn required_field(field: &str) -> ApiError {
        ApiError::Invalid(vec![FieldError::new(field, Problem::Required)])
    }

    pub fn status(&self) -> StatusCode {
        match self {
            ApiError::Invalid(errors)
                if errors
                    .iter()
                    .any(|e| matches!(e.problem, Problem::KeyReused | Problem::TicketUsed)) =>
            {
                StatusCode::CONFLICT
            }
            ApiError::Invalid(_) | ApiError::ChooseRegency(_) => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::MalformedJson(_)
            | ApiError::BadQuery(_)
            | ApiError::Store(StoreError::RefusedText) => StatusCode::BAD_REQUEST,
            ApiError::TooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::TimedOut => StatusCode::REQUEST_TIMEOUT,
            ApiError::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ApiError::NotFound(_) => StatusCode::NOT_FOUND,
            ApiError::Unauthorized(_) => StatusCode::UNAUTHORIZED,
            ApiError::Forbidden(_) => StatusCode::FORBIDDEN,
            ApiError::TooMany(_) => StatusCode::TOO_MANY_REQUESTS,
            ApiError::Store(StoreError::RecordsDisagree(_)) => StatusCode::CONFLICT,
            ApiError::Store(_) | ApiError::Key(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn code(&self) -> &'static str {
        match self {
            ApiError::Invalid(_) if self.status() == StatusCode::CONFLICT => "conflict",
            ApiError::Invalid(_) | ApiError::ChooseRegency(_) => "invalid_fields",
            ApiError::MalformedJson(_) => "malformed_json",
            ApiError::TooLarge(_) => "too_large",
            ApiError::TimedOut => "timed_out",
            ApiError::UnsupportedMediaType => "unsupported_media_type",
            ApiError::BadQuery(_) => "bad_query",
            ApiError::NotFound(_) => "not_found",
            ApiError::Unauthorized(_) => "unauthorized",
            ApiError::Forbidden(_) => "forbidden",
            ApiError::TooMany(_) => "too_many",
            ApiError::Store(StoreError::RecordsDisagree(_)) => "records_disagree",
            ApiError::Store(StoreError::RefusedText) => "bad_text",
            ApiError::Store(_) | ApiError::Key(_) => "internal",
        }
    }
}

impl From<RecordError> for ApiError {
    fn from(error: RecordError) -> ApiError {
        let field = |field: &str, problem| ApiError::Invalid(vec![FieldError::new(field, problem)]);
        match error {
            RecordError::UnknownUnit(_) => field("unit", Problem::Unknown),
            RecordError::UnknownService(_) => field("service", Problem::Unknown),
            RecordError::ServiceOfOtherUnit { .. } => field("service", Problem::ServiceOfOtherUnit),
            RecordError::UnknownOfficer(_) => field("officer", Problem::Unknown),
            RecordError::OfficerOfOtherUnit { .. } => field("officer", Problem::OfficerOfOtherUnit),
            RecordError::UnknownPoint(_) => field("point", Problem::Unknown),
            RecordError::IdempotencyConflict => field("idempotency_key", Problem::KeyReused),
            RecordError::TicketUnknown => field("ticket", Problem::Unknown),
            RecordError::TicketUsed => field("ticket", Problem::TicketUsed),
            RecordError::TicketExpired => field("ticket", Problem::TicketExpired),
            RecordError::TicketMismatch => field("ticket", Problem::TicketMismatch),
            RecordError::TicketsTooFast(_) => ApiError::TooMany(error.to_string()),
            RecordError::Store(e) => ApiError::Store(e),
        }
    }
}

/// An RFC 9457 problem, as every API error is sent.
#[derive(Serialize, ToSchema)]
pub struct ProblemDetails {
    /// Where the problem is explained: the book's page on the API, at the problem's code.
    #[serde(rename = "type")]
    #[schema(example = "/panduan/api.html#invalid_fields")]
    kind: String,
    /// The kind of problem in a few words, the same for every occurrence.
    title: &'static str,
    /// The HTTP status, repeated for whoever logs the body alone.
    status: u16,
    /// What went wrong this time, and what to do.
    detail: String,
    /// The kind as a stable code: `invalid_fields`, `conflict`, `malformed_json`, `too_large`,
    /// `timed_out`, `unsupported_media_type`, `bad_query`, `bad_text`, `not_found`,
    /// `unauthorized`, `forbidden`, `too_many`, `records_disagree` or `internal`.
    code: &'static str,
    /// Every bad field, for `invalid_fields` and `conflict`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    fields: Vec<FieldProblem>,
}

/// One bad field of a request.
#[derive(Serialize, ToSchema)]
pub struct FieldProblem {
    #[schema(example = "answers[2]")]
    field: String,
    code: &'static str,
    message: String,
}

/// The media type of a problem (RFC 9457 §3).
pub const PROBLEM_JSON: &str = "application/problem+json";

impl ApiError {
    fn title(&self) -> &'static str {
        match self.code() {
            "conflict" => "Conflicts with an earlier request",
            "invalid_fields" => "Invalid fields",
            "malformed_json" => "Malformed body",
            "too_large" => "Body too large",
            "timed_out" => "Request timed out",
            "unsupported_media_type" => "Unsupported content type",
            "bad_query" => "Bad query parameter",
            "not_found" => "Not found",
            "unauthorized" => "Not authorised",
            "forbidden" => "Forbidden",
            "too_many" => "Too many requests",
            "records_disagree" => "Records disagree",
            "bad_text" => "Text that cannot be stored",
            _ => "Server error",
        }
    }

    /// The problem this error is sent as; store and key failures are logged here, and the
    /// client learns only that it should retry.
    pub fn problem(&self) -> ProblemDetails {
        let internal = match self {
            ApiError::Store(StoreError::RecordsDisagree(_) | StoreError::RefusedText) => None,
            ApiError::Store(e) => Some(e.to_string()),
            ApiError::Key(e) => Some(e.to_string()),
            _ => None,
        };
        let detail = if let Some(e) = internal {
            tracing::error!(error = %e, "request failed in the store");
            "the server could not complete the request; nothing was stored, try again".to_string()
        } else {
            self.to_string()
        };
        let tenant_required;
        let fields = match self {
            ApiError::Invalid(errors) => errors.as_slice(),
            ApiError::ChooseRegency(_) => {
                tenant_required = [FieldError::new("tenant", Problem::Required)];
                &tenant_required
            }
            _ => &[],
        };
        ProblemDetails {
            kind: format!("{}#{}", crate::routes::book_page("api.html"), self.code()),
            title: self.title(),
            status: self.status().as_u16(),
            detail,
            code: self.code(),
            fields: fields
                .iter()
                .map(|e| FieldProblem {
                    field: e.field.clone(),
                    code: e.code(),
                    message: e.message(),
                })
                .collect(),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (
            self.status(),
            [(header::CONTENT_TYPE, PROBLEM_JSON)],
            Json(self.problem()),
        )
            .into_response()
    }
}
