//! The transparency log for anyone to check, without this software: its signed heads, page
//! by page, and consistency proofs between any two of them (RFC 9162 §2.1.4), so whoever
//! kept an earlier head can check that the log only grew since.

use std::sync::Arc;

use axum::extract::State;
use axum::Json;
use serde::{Deserialize, Serialize};
use suara_domain::integrity::checkpoint;
use suara_domain::integrity::signed_head::SignedHead;
use utoipa::{IntoParams, ToSchema};

use super::query::ApiQuery;
use super::responses::TenantProblems;
use crate::error::ApiError;
use crate::routes;
use crate::state::AppState;

/// Heads in one page, at most.
const HEADS_PER_PAGE: u32 = 100;

/// A signed tree head as the API shows it; `note` is the signed note a verifier checks.
#[derive(Serialize, ToSchema)]
pub struct HeadBody {
    tree_size: u64,
    /// 64 hex digits.
    root_hash: String,
    signed_at_ms: i64,
    /// Ed25519 over the note's text before its blank line.
    signature: String,
    note: String,
}

impl From<&SignedHead> for HeadBody {
    fn from(head: &SignedHead) -> HeadBody {
        HeadBody {
            tree_size: head.head.size,
            root_hash: head.head.root.to_hex(),
            signed_at_ms: head.head.signed_at_ms,
            signature: head.signature.clone(),
            note: head.to_note(),
        }
    }
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct HeadsQuery {
    /// Regency code; the server's regency (or the host name's) by default.
    tenant: Option<String>,
    /// Only heads of fewer leaves: `next_before` of the page before.
    before: Option<u64>,
    /// Heads in the page, 1 to 100.
    #[param(minimum = 1, maximum = 100)]
    limit: Option<u32>,
}

#[derive(Serialize, ToSchema)]
pub struct Heads {
    tenant: String,
    /// Ed25519, 64 hex digits.
    public_key: String,
    /// The same key as witnesses and monitors take it (`c2sp.org/signed-note`): the key of
    /// the checkpoints at `/log/CODE/checkpoint`.
    verifier_key: String,
    heads: Vec<HeadBody>,
    /// The next page's `before`, null on the last page.
    next_before: Option<u64>,
}

/// The transparency log's signed tree heads, largest first.
///
/// Each head with its signed note (Ed25519, the public key beside it). Keep one: a later head
/// must extend it, which the consistency proof shows.
#[utoipa::path(get, path = routes::API_LOG_HEADS, tag = "transparency", params(HeadsQuery),
    responses(
        (status = 200, description = "A page of heads", body = Heads),
        TenantProblems,
    ))]
pub async fn heads(
    State(app): State<Arc<AppState>>,
    ApiQuery(query): ApiQuery<HeadsQuery>,
) -> Result<Json<Heads>, ApiError> {
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
    let public = app.signer.public(&tenant.tenant_id)?;
    Ok(Json(Heads {
        public_key: public.to_hex(),
        verifier_key: checkpoint::log_verifier_key(&tenant.tenant_id, &public),
        tenant: tenant.tenant_id,
        heads: heads.iter().map(HeadBody::from).collect(),
        next_before: next,
    }))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ConsistencyQuery {
    /// Regency code; the server's regency (or the host name's) by default.
    tenant: Option<String>,
    /// The smaller tree size, at least 1.
    #[param(required = true, minimum = 1)]
    from: Option<u64>,
    /// The larger tree size, at most the latest signed size.
    #[param(required = true, minimum = 1)]
    to: Option<u64>,
}

#[derive(Serialize, ToSchema)]
pub struct Consistency {
    tenant: String,
    from: u64,
    to: u64,
    /// Hex SHA-256 hashes, in RFC 9162 order.
    proof: Vec<String>,
}

/// A consistency proof between two tree sizes (RFC 9162 §2.1.4).
///
/// Proves that the tree of `to` leaves extends the tree of `from` leaves: check it against the
/// root hashes of two signed heads with the algorithm of RFC 9162 §2.1.4.2.
#[utoipa::path(get, path = routes::API_LOG_CONSISTENCY, tag = "transparency", params(ConsistencyQuery),
    responses(
        (status = 200, description = "The proof", body = Consistency),
        TenantProblems,
    ))]
pub async fn consistency(
    State(app): State<Arc<AppState>>,
    ApiQuery(query): ApiQuery<ConsistencyQuery>,
) -> Result<Json<Consistency>, ApiError> {
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
    Ok(Json(Consistency {
        tenant: tenant.tenant_id,
        from,
        to,
        proof: proof.iter().map(|h| h.to_hex()).collect(),
    }))
}
