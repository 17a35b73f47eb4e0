#![recursion_limit = "256"]
//! The HTTP layer: a thin shell around the domain and store crates.
//!
//! - [`api`]: JSON API under `/api/v1`, `/health` and the OpenAPI document.
//! - `pages`: server-rendered pages (Indonesian first, English via `?lang=en`), usable
//!   without JavaScript.
//! - `submit`: the one path by which a survey response is validated and stored, shared by
//!   the JSON API and the HTML form.

pub mod access;
pub mod alerts;
pub mod api;
pub mod auth;
mod book;
mod error;
mod mail;
pub mod metrics;
mod openapi;
mod pages;
mod photos;
mod posters;
pub mod router;
pub mod routes;
pub mod state;
mod submit;
pub mod tenancy;
pub mod tickets;
pub mod witness;

use std::sync::Arc;

use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::{header, HeaderValue};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::Router;
use tokio::net::TcpListener;

pub use error::ApiError;
pub use state::{AppState, MAX_BODY_BYTES};

pub fn router(state: Arc<AppState>) -> Router {
    // Every staff route passes the access check; see `router::STAFF_ROUTES`.
    let staff = router::staff_router()
        .route_layer(middleware::from_fn_with_state(
            state.clone(),
            access::authorize,
        ))
        .route_layer(middleware::map_response(no_store));
    let mut app = Router::new().merge(staff).merge(router::public_router());
    if let Some(dir) = &state.book {
        app = book::serve(app, dir);
    }
    app.fallback(pages::not_found)
        .layer(middleware::from_fn(metrics::track))
        .layer(middleware::from_fn(refuse_nul_in_path))
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(middleware::from_fn(pages::failure::frame_failures))
        .layer(middleware::from_fn_with_state(state.clone(), resolve_site))
        .layer(middleware::from_fn(security_headers))
        .with_state(state)
}

/// A NUL character in the path names nothing, but the databases differ: PostgreSQL refuses
/// such text, SQLite would look it up and find nothing. Refuse it before any lookup, so the
/// answer is the same 400 on both (a problem for the API, the bad-request page otherwise).
async fn refuse_nul_in_path(request: Request, next: Next) -> Response {
    let path = request.uri().path();
    if !path.contains("%00") {
        return next.run(request).await;
    }
    let refused = suara_store::StoreError::RefusedText;
    if path.starts_with("/api/") {
        ApiError::Store(refused).into_response()
    } else {
        pages::failure::PageError::Store(refused).into_response()
    }
}

/// The request's regency site, from its host name, for the rest of the request.
async fn resolve_site(State(app): State<Arc<AppState>>, request: Request, next: Next) -> Response {
    tenancy::resolve(&app.hosts, &app.store, request, next)
        .await
        .unwrap_or_else(|error| ApiError::Store(error).into_response())
}

/// Pages load nothing from elsewhere and run no script (kiosk pages, which run their own,
/// set their own policy); say so to the browser.
async fn security_headers(request: axum::extract::Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    if !headers.contains_key(header::CONTENT_SECURITY_POLICY) {
        headers.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(
                "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
            ),
        );
    }
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    response
}

/// How long a client may take: slow clients hold a connection and a task each, so a few
/// thousand trickling ones could starve the citizens behind them.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// From a connection's first byte (or the end of the previous request) to the end of
    /// the request's headers; the connection is closed after it.
    pub header_read: std::time::Duration,
    /// From the headers to the response's head, body upload included; answered with 408.
    pub request: std::time::Duration,
    /// Connections served at once; further ones wait in the kernel's queue until one ends,
    /// so clients can never take every file descriptor the database and the signed heads
    /// need (the packaged unit allows 65,536).
    pub connections: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            header_read: std::time::Duration::from_secs(15),
            // A survey answer is a few hundred bytes; the largest upload (a Musrena photo)
            // still arrives within this over a slow mobile connection.
            request: std::time::Duration::from_secs(120),
            connections: 16_384,
        }
    }
}

/// Serves until Ctrl-C or SIGTERM, then finishes requests in flight.
pub async fn serve(listener: TcpListener, state: Arc<AppState>) -> std::io::Result<()> {
    serve_with(listener, state, Limits::default(), shutdown_signal()).await
}

/// [`serve`] with other limits, until `shutdown` completes.
pub async fn serve_with(
    listener: TcpListener,
    state: Arc<AppState>,
    limits: Limits,
    shutdown: impl std::future::Future<Output = ()>,
) -> std::io::Result<()> {
    use hyper_util::rt::{TokioIo, TokioTimer};
    use tower::ServiceExt;

    // Links this server writes are authenticated with its keys (set once: the binary may
    // have set them before filling the demo).
    state.store.set_entry_keys(state.signer.clone());
    // A signed head within a second of each commit, and a last one on shutdown.
    let told = state.clone();
    let signing = tokio::spawn(suara_app::signing::sign_periodically(
        state.store.clone(),
        state.signer.clone(),
        move |tenant, refusal| {
            let app = told.clone();
            async move { alerts::signing_refused(&app, &tenant, &refusal).await }
        },
    ));
    let witnessing = tokio::spawn(suara_app::witnessing::ask_periodically(
        state.store.clone(),
        state.witnesses.clone(),
    ));
    metrics::install();
    let alerting = tokio::spawn(alerts::run(state.clone()));
    let store = state.store.clone();
    let signer = state.signer.clone();
    let shared = state.clone();
    let app = router(state).layer(middleware::from_fn_with_state(limits, request_deadline));
    let connections = hyper_util::server::graceful::GracefulShutdown::new();
    let slots = Arc::new(tokio::sync::Semaphore::new(limits.connections));
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let slot = tokio::select! {
            slot = slots.clone().acquire_owned() => match slot {
                Ok(slot) => slot,
                Err(_) => break,
            },
            _ = &mut shutdown => break,
        };
        let (stream, remote) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(error) => {
                    // Out of file descriptors and the like: wait instead of spinning.
                    tracing::warn!("accepting a connection failed: {error}");
                    tokio::time::sleep(std::time::Duration::from_millis(50)).await;
                    continue;
                }
            },
            _ = &mut shutdown => break,
        };
        let _ = stream.set_nodelay(true);
        let app = app.clone();
        let service =
            hyper::service::service_fn(move |mut request: Request<hyper::body::Incoming>| {
                request
                    .extensions_mut()
                    .insert(axum::extract::ConnectInfo(remote));
                app.clone().oneshot(request.map(axum::body::Body::new))
            });
        let connection = hyper::server::conn::http1::Builder::new()
            .timer(TokioTimer::new())
            .header_read_timeout(limits.header_read)
            .serve_connection(TokioIo::new(stream), service);
        let connection = connections.watch(connection);
        tokio::spawn(async move {
            if let Err(error) = connection.await {
                tracing::debug!("connection from {remote} ended: {error}");
            }
            drop(slot);
        });
    }
    shared
        .draining
        .store(true, std::sync::atomic::Ordering::Relaxed);
    // Requests in flight finish; idle keep-alive connections close now.
    let _ = tokio::time::timeout(limits.request, connections.shutdown()).await;
    signing.abort();
    witnessing.abort();
    alerting.abort();
    if let Err(error) = signer.sign_all(&store).await {
        tracing::error!(%error, "signing the transparency log on shutdown");
    }
    Ok(())
}

/// Staff pages and downloads hold personal and pay data: no browser or proxy keeps a copy.
async fn no_store(mut response: Response) -> Response {
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        axum::http::HeaderValue::from_static("no-store"),
    );
    response
}

async fn request_deadline(
    State(limits): State<Limits>,
    request: axum::extract::Request,
    next: Next,
) -> Response {
    match tokio::time::timeout(limits.request, next.run(request)).await {
        Ok(response) => response,
        Err(_) => ApiError::TimedOut.into_response(),
    }
}

/// When a signal stream could be made, its next signal; else never.
#[cfg(unix)]
async fn received(stream: Option<&mut tokio::signal::unix::Signal>) {
    match stream {
        Some(stream) => {
            stream.recv().await;
        }
        None => std::future::pending::<()>().await,
    }
}

/// Ctrl-C or SIGTERM, listened for from this call on: a stop that comes as soon as the
/// server says it is serving still finishes cleanly (and signs), rather than killing it.
/// Call it inside the runtime.
pub fn shutdown_signal() -> impl std::future::Future<Output = ()> {
    #[cfg(unix)]
    let (mut interrupt, mut terminate) = {
        use tokio::signal::unix::{signal, SignalKind};
        (
            signal(SignalKind::interrupt()).ok(),
            signal(SignalKind::terminate()).ok(),
        )
    };
    async move {
        #[cfg(unix)]
        {
            tokio::select! {
                () = received(interrupt.as_mut()) => {},
                () = received(terminate.as_mut()) => {},
            }
        }
        #[cfg(not(unix))]
        {
            let _ = tokio::signal::ctrl_c().await;
        }
    }
}
