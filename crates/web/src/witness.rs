//! The witness's HTTP side (`suara witness serve`): `POST /add-checkpoint` of
//! `c2sp.org/tlog-witness`, each refusal with the status the protocol gives it.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::Router;
use suara_app::witness::{WitnessError, WitnessService};
use suara_domain::integrity::witness::Refusal;

/// A request is a size line, at most 63 proof lines and a checkpoint: a few kilobytes.
const MAX_BODY: usize = 64 * 1024;

/// Serves the witness on `listener` until `shutdown` completes.
pub async fn serve(
    listener: tokio::net::TcpListener,
    service: Arc<WitnessService>,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, router(service))
        .with_graceful_shutdown(shutdown)
        .await
}

fn router(service: Arc<WitnessService>) -> Router {
    Router::new()
        .route("/add-checkpoint", post(add_checkpoint))
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .with_state(service)
}

async fn add_checkpoint(State(service): State<Arc<WitnessService>>, body: Bytes) -> Response {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let text = "text/plain; charset=utf-8";
    match service.add_checkpoint(&body, now).await {
        Ok(lines) => ([(header::CONTENT_TYPE, text)], lines).into_response(),
        Err(WitnessError::Refused(Refusal::Conflict(size))) => (
            StatusCode::CONFLICT,
            [(header::CONTENT_TYPE, "text/x.tlog.size")],
            format!("{size}\n"),
        )
            .into_response(),
        Err(WitnessError::Refused(refusal)) => {
            tracing::warn!(%refusal, "a checkpoint was not cosigned");
            let status = StatusCode::from_u16(refusal.status()).unwrap_or(StatusCode::BAD_REQUEST);
            (
                status,
                [(header::CONTENT_TYPE, text)],
                format!("{refusal}\n"),
            )
                .into_response()
        }
        Err(error) => {
            tracing::error!(%error, "the witness could not keep its state");
            (
                StatusCode::INTERNAL_SERVER_ERROR,
                [(header::CONTENT_TYPE, text)],
                "the witness could not keep its state\n",
            )
                .into_response()
        }
    }
}
