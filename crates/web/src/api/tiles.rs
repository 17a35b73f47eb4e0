//! The log as static resources in the transparency ecosystem's format (`c2sp.org/tlog-tiles`),
//! one log per regency under `/log/CODE`: the checkpoint with its cosignatures, the tiles of
//! hashes and the entry bundles. Monitors and witnesses that know nothing of this software
//! read these (`suara monitor` is one).

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use suara_domain::integrity::tiles::TilePath;

use crate::error::ApiError;
use crate::state::AppState;

/// The newest checkpoint (with witnesses, the newest their quorum cosigned, so a monitor
/// never sees one they have not yet reached), with only cosignatures that verify: mutable,
/// so caches keep it a second at most.
pub async fn checkpoint(
    State(app): State<Arc<AppState>>,
    Path(tenant): Path<String>,
) -> Result<Response, ApiError> {
    let tenant = app.tenant(Some(&tenant)).await?;
    let id = &tenant.tenant_id;
    let witnessed = app.witnesses.witnessed();
    let cosigned = match witnessed.quorum {
        0 => None,
        _ => {
            let key = app.signer.public(id)?;
            app.store.cosigned_checkpoint(id, &key, witnessed).await?
        }
    };
    let checkpoint = match cosigned {
        Some(cosigned) => cosigned,
        None => app
            .store
            .latest_checkpoint(id)
            .await?
            .ok_or_else(|| ApiError::NotFound("the log has no signed checkpoint yet".into()))?
            .verified(witnessed.witnesses),
    };
    Ok((
        [
            (header::CONTENT_TYPE, "text/plain; charset=utf-8"),
            (header::CACHE_CONTROL, "no-cache, max-age=1"),
        ],
        checkpoint.note,
    )
        .into_response())
}

/// A tile or an entry bundle of the tree of the newest signed head: immutable once served.
pub async fn tile(
    State(app): State<Arc<AppState>>,
    Path((tenant, path)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    let tenant = app.tenant(Some(&tenant)).await?;
    let not_found = || ApiError::NotFound(format!("no tile {path} in the signed log"));
    let wanted = TilePath::parse(&path).ok_or_else(not_found)?;
    let size = app
        .store
        .latest_head(&tenant.tenant_id)
        .await?
        .map_or(0, |h| h.head.size);
    let id = &tenant.tenant_id;
    let bytes = match wanted.level {
        Some(level) => {
            app.store
                .tile(id, level, wanted.index, wanted.width, size)
                .await?
        }
        None => {
            app.store
                .entry_bundle(id, wanted.index, wanted.width, size)
                .await?
        }
    };
    let bytes = bytes.ok_or_else(not_found)?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/octet-stream"),
            (header::CACHE_CONTROL, "public, max-age=31536000, immutable"),
        ],
        bytes,
    )
        .into_response())
}
