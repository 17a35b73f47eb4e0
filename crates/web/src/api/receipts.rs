//! `GET /api/v1/receipts/{receipt}`: whether a receipt's response is counted. A counted
//! response comes with its place in the transparency log and an inclusion proof against the
//! latest signed head, which anyone can check with the published public key (RFC 9162
//! §2.1.3.2), without trusting this server.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;
use suara_store::ReceiptStatus;
use utoipa::ToSchema;

use super::log::HeadBody;
use crate::error::ApiError;
use crate::error::ProblemDetails;
use crate::routes;
use crate::state::AppState;

/// Receipts are `SKM-XXXXX-XXXXX`; typed ones are forgiven their case and spaces.
pub fn normalize(receipt: &str) -> String {
    receipt
        .trim()
        .to_ascii_uppercase()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// A receipt's status in the request's regency, and that regency's public key.
pub async fn status(app: &AppState, receipt: &str) -> Result<(ReceiptStatus, String), ApiError> {
    let tenant = app.tenant(None).await?;
    let public = app.signer.public(&tenant.tenant_id)?;
    let found = app
        .store
        .receipt_status(
            &tenant.tenant_id,
            &normalize(receipt),
            &public,
            app.witnesses.witnessed(),
        )
        .await?;
    Ok((found, public.to_hex()))
}

/// A receipt's status; for a counted response its leaf and, once a signed head covers it,
/// the head and the audit path from the leaf to that head's root.
#[derive(Serialize, ToSchema)]
pub struct ReceiptStatusBody {
    #[schema(example = "SKM-7K2M9-QXD4T")]
    receipt: String,
    #[schema(schema_with = receipt_status)]
    status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    unit: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(format = Date)]
    received_on: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    leaf_index: Option<u64>,
    /// SHA-256(0x00 || content hash), 64 hex digits.
    #[serde(skip_serializing_if = "Option::is_none")]
    leaf_hash: Option<String>,
    /// Ed25519, 64 hex digits.
    #[serde(skip_serializing_if = "Option::is_none")]
    public_key: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    signed_head: Option<HeadBody>,
    /// Hex hashes from the leaf up to the signed head's root.
    #[serde(skip_serializing_if = "Option::is_none")]
    inclusion_proof: Option<Vec<String>>,
}

fn receipt_status() -> utoipa::openapi::schema::ObjectBuilder {
    super::schema::codes(["counted", "under_review", "unknown"])
}

impl ReceiptStatusBody {
    fn new(receipt: String, status: &ReceiptStatus, public_key: String) -> ReceiptStatusBody {
        let mut body = ReceiptStatusBody {
            receipt,
            status: "unknown",
            unit: None,
            received_on: None,
            leaf_index: None,
            leaf_hash: None,
            public_key: None,
            signed_head: None,
            inclusion_proof: None,
        };
        match status {
            ReceiptStatus::Unknown => {}
            ReceiptStatus::UnderReview => body.status = "under_review",
            ReceiptStatus::Counted {
                received_at,
                unit_id,
                index,
                leaf,
                proof,
            } => {
                body.status = "counted";
                body.unit = Some(unit_id.clone());
                body.received_on = Some(received_at.date().to_string());
                body.leaf_index = Some(*index);
                body.leaf_hash = Some(leaf.to_hex());
                body.public_key = Some(public_key);
                if let Some((head, path)) = proof {
                    body.signed_head = Some(HeadBody::from(head));
                    body.inclusion_proof = Some(path.iter().map(|h| h.to_hex()).collect());
                }
            }
        }
        body
    }
}

/// Whether a receipt's response is counted, with its inclusion proof.
///
/// For a counted response: its leaf in the transparency log (RFC 9162; leaf hash =
/// SHA-256(0x00 || content hash)), the latest signed tree head (Ed25519 over the head's note
/// text, with the public key) and the audit path from the leaf to that head's root.
#[utoipa::path(get, path = routes::API_RECEIPT, tag = "transparency",
    params(("receipt" = String, Path, description = "SKM-XXXXX-XXXXX")),
    responses(
        (status = 200, description = "Counted or under review", body = ReceiptStatusBody),
        (status = 400, description = "The receipt holds a NUL character (PostgreSQL)", body = ProblemDetails, content_type = "application/problem+json"),
        (status = 404, description = "status unknown: no response has this receipt", body = ReceiptStatusBody),
        (status = 422, description = "Several regencies are served here and the host names none", body = ProblemDetails, content_type = "application/problem+json"),
    ))]
pub async fn receipt(State(app): State<Arc<AppState>>, Path(receipt): Path<String>) -> Response {
    match status(&app, &receipt).await {
        Ok((found, public_key)) => {
            let code = if found == ReceiptStatus::Unknown {
                StatusCode::NOT_FOUND
            } else {
                StatusCode::OK
            };
            let body = ReceiptStatusBody::new(normalize(&receipt), &found, public_key);
            (code, Json(body)).into_response()
        }
        Err(error) => error.into_response(),
    }
}
