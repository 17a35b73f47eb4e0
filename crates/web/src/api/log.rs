//! The transparency log for anyone to check, without this software: its signed heads, page
//! by page, and consistency proofs between any two of them (RFC 9162 §2.1.4), so whoever
//! kept an earlier head can check that the log only grew since.

use std::sync::Arc;

use axum::extract::{Query, State};
use axum::Json;
use serde::Deserialize;
use suara_domain::integrity::signed_head::SignedHead;

use crate::{ApiError, AppState};

/// Heads in one page, at most.
const HEADS_PER_PAGE: u32 = 100;

/// A signed head as the API shows it; `note` is the signed note a verifier checks.
pub fn head_json(head: &SignedHead) -> serde_json::Value {
    serde_json::json!({
        "tree_size": head.head.size,
        "root_hash": head.head.root.to_hex(),
        "signed_at_ms": head.head.signed_at_ms,
        "signature": head.signature,
        "note": head.to_note(),
    })
}

#[derive(Deserialize)]
pub struct HeadsQuery {
    tenant: Option<String>,
    /// Only heads of fewer leaves (the next page: the last size of the page before).
    before: Option<u64>,
    limit: Option<u32>,
}

/// `GET /api/v1/log/heads`: the signed heads, largest first, with the key that signed them.
pub async fn heads(
    State(app): State<Arc<AppState>>,
    Query(query): Query<HeadsQuery>,
) -> Result<Json<serde_json::Value>, ApiError> {
    let tenant = app.tenant(query.tenant.as_deref()).await?;
    let limit = query.limit.unwrap_or(HEADS_PER_PAGE);
    if !(1..=HEADS_PER_PAGE).contains(&limit) {
        return Err(ApiError::BadQuery(format!(
            "limit {limit}: use 1 to {HEADS_PER_PAGE}"
        )));
    }
    let heads = app
        .store
        .heads_below(&tenant.tenant_id, query.before, i64::from(limit))
        .await?;
    let next = (heads.len() == limit as usize)
        .then(|| heads.last().map(|h| h.head.size))
        .flatten();
    Ok(Json(serde_json::json!({
        "tenant": tenant.tenant_id,
        "public_key": app.signer.public(&tenant.tenant_id)?.to_hex(),
        "heads": heads.iter().map(head_json).collect::<Vec<_>>(),
        "next_before": next,
    })))
}

#[derive(Deserialize)]
pub struct ConsistencyQuery {
    tenant: Option<String>,
    from: Option<u64>,
    to: Option<u64>,
}

/// `GET /api/v1/log/consistency?from=N&to=M`: the proof that the tree of `M` leaves extends
/// the tree of `N` (1 ≤ N ≤ M ≤ the latest signed size), as hex hashes in RFC 9162 order.
pub async fn consistency(
    State(app): State<Arc<AppState>>,
    Query(query): Query<ConsistencyQuery>,
) -> Result<Json<serde_json::Value>, ApiError> {
    let tenant = app.tenant(query.tenant.as_deref()).await?;
    let (Some(from), Some(to)) = (query.from, query.to) else {
        return Err(ApiError::BadQuery(
            "give both sizes: from=N&to=M (1 ≤ N ≤ M)".into(),
        ));
    };
    let signed = app
        .store
        .latest_head(&tenant.tenant_id)
        .await?
        .map_or(0, |h| h.head.size);
    if from == 0 || from > to || to > signed {
        return Err(ApiError::BadQuery(format!(
            "from={from}&to={to}: sizes must be 1 ≤ from ≤ to ≤ {signed}, the latest signed size"
        )));
    }
    let proof = app
        .store
        .consistency_proof(&tenant.tenant_id, from, to)
        .await?;
    Ok(Json(serde_json::json!({
        "tenant": tenant.tenant_id,
        "from": from,
        "to": to,
        "proof": proof.iter().map(|h| h.to_hex()).collect::<Vec<_>>(),
    })))
}
