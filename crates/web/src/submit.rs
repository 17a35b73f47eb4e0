//! The one way a survey response gets in: validated, stored and committed before anything is
//! acknowledged. JSON bodies are read and answered here; the survey page's form and the
//! dispatch between the two are `pages::survey::post`, which calls [`accept`] too.

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;
use suara_domain::survey::adapt::{answers_question, ExtraAnswerDraft};
use suara_domain::survey::{validate, FieldError, Problem, ResponseDraft};
use suara_store::{Channel, Kiosk, Recorded, Submission, Tenant};
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;
use utoipa::ToSchema;

use crate::error::ApiError;
use crate::state::{AppState, MAX_BODY_BYTES};

/// Header a client may use instead of the `idempotency_key` field.
pub const IDEMPOTENCY_HEADER: &str = "idempotency-key";

/// The receipt of a stored response.
#[derive(Serialize, ToSchema)]
pub struct ReceiptBody {
    #[schema(example = "SKM-7K2M9-QXD4T")]
    receipt: String,
    tenant: String,
    unit: String,
    /// The month it counts in.
    #[schema(example = "2026-11")]
    period: String,
    #[schema(format = DateTime)]
    received_at: String,
    /// True when this repeats an earlier submission with the same idempotency key.
    replayed: bool,
}

/// The posted body, or the problem it is: too large, or not read whole.
pub(crate) fn read_body(body: Result<Bytes, BytesRejection>) -> Result<Bytes, ApiError> {
    match body {
        Ok(body) => Ok(body),
        Err(rejection) if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE => {
            Err(ApiError::TooLarge(MAX_BODY_BYTES))
        }
        Err(rejection) => Err(ApiError::MalformedJson(rejection.body_text())),
    }
}

/// The browser says the form came from another site: `Sec-Fetch-Site: cross-site`, or an
/// `Origin` whose host is not this server's. Clients that send neither (old browsers, scripts,
/// queue systems) are not refused: the anomaly rules still see them.
pub(crate) fn cross_site(app: &AppState, headers: &HeaderMap) -> bool {
    let text = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    if let Some(site) = text("sec-fetch-site") {
        return site.eq_ignore_ascii_case("cross-site");
    }
    let Some(origin) = text("origin") else {
        return false;
    };
    let origin_host = origin.split_once("://").map_or(origin, |(_, rest)| rest);
    let ours = app.public_url.as_deref().map_or_else(
        || text(header::HOST.as_str()).unwrap_or("").to_string(),
        |url| {
            let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
            rest.split('/').next().unwrap_or("").to_string()
        },
    );
    !origin_host.eq_ignore_ascii_case(&ours)
}

/// A JSON response, from a client or (`kiosk`) a registered kiosk, answered with its receipt.
pub(crate) async fn submit_json(
    app: &AppState,
    headers: &HeaderMap,
    body: &[u8],
    signals: suara_store::Signals,
    kiosk: Option<&Kiosk>,
) -> Result<Response, ApiError> {
    let mut draft = parse_json_draft(body)?;
    if draft.idempotency_key.is_none() {
        draft.idempotency_key = headers
            .get(IDEMPOTENCY_HEADER)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
    }
    let channel = match kiosk {
        None => Channel::Api,
        Some(kiosk) => {
            // A kiosk rates its own point's unit and officer, whatever the client says.
            draft.tenant = None;
            draft.unit = Some(kiosk.unit_id.clone());
            draft.officer = kiosk.officer_nip.clone();
            draft.ticket = None;
            kiosk.channel()
        }
    };
    let (tenant, recorded) = accept(app, draft, channel, signals).await?;
    let replayed = matches!(recorded, Recorded::Replayed(_));
    let receipt = recorded.receipt();
    let body = ReceiptBody {
        receipt: receipt.code.clone(),
        tenant: tenant.tenant_id,
        unit: receipt.unit_id.clone(),
        period: receipt.period_month.clone(),
        received_at: receipt.received_at.format(&Rfc3339).unwrap_or_default(),
        replayed,
    };
    let mut response = (StatusCode::CREATED, Json(body)).into_response();
    if replayed {
        response
            .headers_mut()
            .insert("idempotent-replayed", HeaderValue::from_static("true"));
    }
    Ok(response)
}

/// Parses the JSON body, naming the field when a value has the wrong type.
fn parse_json_draft(body: &[u8]) -> Result<ResponseDraft, ApiError> {
    // serde would also read a struct from an array; the contract is an object.
    if body.iter().find(|b| !b.is_ascii_whitespace()) != Some(&b'{') {
        return Err(ApiError::MalformedJson(
            "the body must be a JSON object".into(),
        ));
    }
    let mut deserializer = serde_json::Deserializer::from_slice(body);
    serde_path_to_error::deserialize(&mut deserializer).map_err(|error| {
        let path = error.path().to_string();
        let inner = error.into_inner();
        if inner.is_data() && path != "." {
            ApiError::Invalid(vec![suara_domain::survey::FieldError::new(
                path,
                suara_domain::survey::Problem::WrongType(inner.to_string()),
            )])
        } else {
            ApiError::MalformedJson(inner.to_string())
        }
    })
}

/// Validates and stores a response: the shared path of the API and the survey page.
/// Each extra answer must answer a question the service asks now, a choice word for word.
async fn check_extra(
    app: &AppState,
    tenant: &Tenant,
    service: Option<&str>,
    drafts: &[ExtraAnswerDraft],
) -> Result<(), ApiError> {
    let questions = match service {
        Some(service) => {
            app.store
                .service_survey(&tenant.tenant_id, service)
                .await?
                .questions
        }
        None => Vec::new(),
    };
    let mut errors = Vec::new();
    for (i, draft) in drafts.iter().enumerate() {
        let answer = draft.answer.as_deref().map_or("", str::trim);
        let Some(id) = draft.question.filter(|_| !answer.is_empty()) else {
            continue;
        };
        match questions.iter().find(|q| q.question_id == id) {
            None => errors.push(FieldError::new(
                format!("extra[{i}].question"),
                Problem::Unknown,
            )),
            Some(stored) if !answers_question(&stored.question, answer) => errors.push(
                FieldError::new(format!("extra[{i}].answer"), Problem::NotAChoice),
            ),
            Some(_) => {}
        }
    }
    match errors.is_empty() {
        true => Ok(()),
        false => Err(ApiError::Invalid(errors)),
    }
}

pub(crate) async fn accept(
    app: &AppState,
    draft: ResponseDraft,
    channel: Channel,
    signals: suara_store::Signals,
) -> Result<(Tenant, Recorded), ApiError> {
    let extra = draft.extra.clone().unwrap_or_default();
    let response = validate(draft).map_err(ApiError::Invalid)?;
    let tenant = app.tenant(response.tenant.as_deref()).await?;
    if !response.extra.is_empty() {
        check_extra(app, &tenant, response.service.as_deref(), &extra).await?;
    }
    let submission = Submission {
        response: &response,
        channel,
        received_at: OffsetDateTime::now_utc(),
        signals: Some(signals),
    };
    let recorded = app.store.record_response(&tenant, submission).await?;
    crate::metrics::recorded(
        channel.code(),
        match recorded {
            Recorded::Created(_) => "stored",
            Recorded::Replayed(_) => "repeated",
        },
    );
    Ok((tenant, recorded))
}
