//! The documentation book (`mdbook build docs`; the Debian package installs it), served
//! read-only at `/panduan/` when the server has its folder, so staff pages can link to the
//! chapter that explains them (the TPP policy page to the policy reference).

use std::path::Path;
use std::sync::Arc;

use axum::http::{header, HeaderValue};
use axum::middleware;
use axum::response::{Redirect, Response};
use axum::routing::get;
use axum::Router;
use tower_http::services::{ServeDir, ServeFile};

use crate::routes::{BOOK, BOOK_INDEX};
use crate::state::AppState;

/// `app` with the book's files under `dir` (`ServeDir` refuses paths that leave it). Its
/// pages link to each other relatively, so the book opens at `/panduan/`, never `/panduan`.
pub(crate) fn serve(app: Router<Arc<AppState>>, dir: &Path) -> Router<Arc<AppState>> {
    let pages = Router::new()
        .route("/", get(|| async { Redirect::permanent(BOOK_INDEX) }))
        .fallback_service(ServeDir::new(dir))
        .layer(middleware::map_response(book_headers));
    let index = Router::new()
        .route_service(BOOK_INDEX, ServeFile::new(dir.join("index.html")))
        .layer(middleware::map_response(book_headers));
    app.nest(BOOK, pages).merge(index)
}

/// mdBook's pages set their theme with small inline scripts and styles: allowed on the
/// book's own responses only, which hold no user content; every other page keeps the strict
/// policy of `security_headers`.
async fn book_headers(mut response: Response) -> Response {
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; form-action 'none'; base-uri 'none'; frame-ancestors 'none'",
        ),
    );
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=3600"),
    );
    response
}
