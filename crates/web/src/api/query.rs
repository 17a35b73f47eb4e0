//! The query string of an API request, read into a type. A repeated, malformed or out-of-type
//! parameter, or a NUL character anywhere in it, is a problem (400 `bad_query`) naming it,
//! like every other API error, never axum's plain-text rejection.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use serde::de::DeserializeOwned;

use crate::error::ApiError;

pub struct ApiQuery<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, ApiError> {
        let query = parts.uri.query().unwrap_or_default();
        // Refused before any lookup, alike on both databases (PostgreSQL cannot hold a NUL).
        if query.contains("%00") {
            return Err(ApiError::BadQuery(
                "the query string holds a NUL character (%00)".into(),
            ));
        }
        serde_urlencoded::from_str(query)
            .map(ApiQuery)
            .map_err(|e| ApiError::BadQuery(format!("the query string: {e}")))
    }
}
