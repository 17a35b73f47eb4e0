//! `GET /metrics` in Prometheus' text format, per server process: requests and latencies
//! per route, responses stored and repeated, holds, group-commit batch sizes (from
//! the store) and database pool use. Every app server has its own; Prometheus scrapes each.
//!
//! Only scrapers on the machine or the private network are answered, and never through a
//! proxy: a request carrying `X-Forwarded-For` came from outside.

use std::sync::{Arc, OnceLock};
use std::time::Instant;

use axum::extract::{ConnectInfo, MatchedPath, Request, State};
use axum::http::{header, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use metrics_exporter_prometheus::{PrometheusBuilder, PrometheusHandle};

use crate::state::AppState;

/// Upper bounds of the latency buckets, in seconds: the targets are 50 and 200 ms.
const LATENCY_BUCKETS: &[f64] = &[
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.5, 1.0, 2.5, 5.0,
];

/// The process's recorder, installed on first use (tests start several apps in one
/// process; they share it).
fn handle() -> &'static PrometheusHandle {
    static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();
    HANDLE.get_or_init(|| {
        let builder = PrometheusBuilder::new()
            .set_buckets(LATENCY_BUCKETS)
            .and_then(|b| {
                b.set_buckets_for_metric(
                    metrics_exporter_prometheus::Matcher::Full(
                        suara_store::GROUP_COMMIT_BATCH_METRIC.into(),
                    ),
                    &[1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 64.0, 128.0, 256.0],
                )
            })
            .unwrap_or_default();
        let recorder = builder.build_recorder();
        let handle = recorder.handle();
        // Another recorder already installed (only in tests): this one still renders.
        let _ = metrics::set_global_recorder(recorder);
        handle
    })
}

/// Starts recording (called when the server starts).
pub fn install() {
    handle();
}

/// Middleware: counts every request and its time by route template (never the address
/// itself, which would make a series per receipt).
pub async fn track(request: Request, next: Next) -> Response {
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "unmatched".to_string(), |p| p.as_str().to_string());
    let method = method_label(request.method());
    let started = Instant::now();
    let response = next.run(request).await;
    let status = response.status().as_u16().to_string();
    metrics::counter!("suara_http_requests_total", "method" => method, "route" => route.clone(), "status" => status).increment(1);
    metrics::histogram!("suara_http_request_duration_seconds", "method" => method, "route" => route)
        .record(started.elapsed().as_secs_f64());
    response
}

/// The label of a request's method: the standard ones by name, any other as `other`, so
/// made-up methods cannot add a series each (a memory exhaustion, and a huge scrape).
fn method_label(method: &axum::http::Method) -> &'static str {
    match method.as_str() {
        "GET" => "GET",
        "HEAD" => "HEAD",
        "POST" => "POST",
        "PUT" => "PUT",
        "DELETE" => "DELETE",
        "PATCH" => "PATCH",
        "OPTIONS" => "OPTIONS",
        _ => "other",
    }
}

/// A response recorded: `outcome` is `stored` or `repeated` (a retry, counted once).
pub fn recorded(channel: &'static str, outcome: &'static str) {
    metrics::counter!("suara_responses_total", "channel" => channel, "outcome" => outcome)
        .increment(1);
}

/// Prometheus metrics, for a collector on the same machine or private network.
#[utoipa::path(get, path = crate::routes::METRICS, tag = "operations", responses(
    (status = 200, description = "Prometheus text format 0.0.4", body = String, content_type = "text/plain"),
    (status = 404, description = "Asked from a public address or through a proxy", body = String, content_type = "text/plain"),
))]
pub async fn render(State(app): State<Arc<AppState>>, request: Request) -> Response {
    let peer = request
        .extensions()
        .get::<ConnectInfo<std::net::SocketAddr>>()
        .map(|c| c.0.ip());
    let private = match peer {
        Some(std::net::IpAddr::V4(ip)) => ip.is_loopback() || ip.is_private(),
        Some(std::net::IpAddr::V6(ip)) => ip.is_loopback(),
        None => false,
    };
    if !private || request.headers().contains_key("x-forwarded-for") {
        return (StatusCode::NOT_FOUND, "not found\n").into_response();
    }
    for (pool, use_) in app.store.pool_use() {
        metrics::gauge!("suara_db_pool_connections", "pool" => pool, "state" => "busy")
            .set(use_.busy as f64);
        metrics::gauge!("suara_db_pool_connections", "pool" => pool, "state" => "idle")
            .set(use_.idle as f64);
    }
    (
        [(header::CONTENT_TYPE, "text/plain; version=0.0.4")],
        handle().render(),
    )
        .into_response()
}
