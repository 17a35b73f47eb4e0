//! Deny by default: every staff route is listed in the route table ([`crate::routes`]) with
//! the permission it needs, and the access check refuses any staff request whose route is
//! not listed. The route × role test walks that table, so a new route cannot ship without a
//! rule and a test.

use std::sync::Arc;

use axum::extract::{MatchedPath, Request, State};
use axum::http::Method;
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use time::OffsetDateTime;

use crate::auth::{cookie, Staff, SESSION_COOKIE};
use crate::pages::failure::{reframe, staff_page, PageError};
use crate::state::AppState;
use suara_app::credentials::token_hash;
use suara_app::i18n::Lang;

pub use crate::router::{StaffRoute, STAFF_ROUTES};

/// Middleware of the staff router: finds the route's rule and the session, and either
/// passes the request on with [`Staff`] attached or answers 303 (sign in first) / 401 / 403.
/// A page failure of a signed-in user's request is framed here, with the staff menu.
pub async fn authorize(
    State(app): State<Arc<AppState>>,
    mut request: Request,
    next: Next,
) -> Response {
    let lang = Lang::from_query(request.uri().query());
    let here = request.uri().to_string();
    let path = request
        .extensions()
        .get::<MatchedPath>()
        .map(|p| p.as_str().to_string());
    let rule = path.as_deref().and_then(|path| {
        STAFF_ROUTES
            .iter()
            .find(|r| r.path == path && r.method == request.method())
    });
    let Some(rule) = rule else {
        tracing::error!(?path, method = %request.method(), "staff route without an access rule");
        return PageError::Forbidden.into_response();
    };
    let session = match cookie(request.headers(), SESSION_COOKIE) {
        Some(token) => {
            app.store
                .session(&token_hash(&token), OffsetDateTime::now_utc())
                .await
        }
        None => Ok(None),
    };
    let session = match session {
        // A session is good only on its own regency's host names: a cookie carried to
        // another regency's host signs no one in there.
        Ok(session) => session.filter(|s| {
            crate::tenancy::current()
                .tenant_id()
                .is_none_or(|id| id == s.tenant_id)
        }),
        Err(error) => return PageError::Store(error).into_response(),
    };
    let Some(session) = session else {
        if request.method() == Method::GET {
            let next =
                serde_urlencoded::to_string([("next", here.as_str()), ("lang", lang.code())])
                    .unwrap_or_default();
            return Redirect::to(&format!("{}?{next}", crate::routes::LOGIN)).into_response();
        }
        return PageError::SignInFirst.into_response();
    };
    // A role that touches pay gives its second factor before anything else: until then the
    // session reaches only the code pages and signing out.
    let pending =
        suara_app::second_factor::required(session.account.role) && !session.second_factor_done;
    let code_pages = [
        crate::routes::SECOND_FACTOR,
        crate::routes::SECOND_FACTOR_SETUP,
        crate::routes::LOGOUT,
    ];
    if pending && !code_pages.contains(&rule.path) {
        if request.method() != Method::GET {
            return PageError::SignInFirst.into_response();
        }
        let to = if session.account.has_second_factor {
            crate::routes::SECOND_FACTOR
        } else {
            crate::routes::SECOND_FACTOR_SETUP
        };
        let next = serde_urlencoded::to_string([("next", here.as_str()), ("lang", lang.code())])
            .unwrap_or_default();
        return Redirect::to(&format!("{to}?{next}")).into_response();
    }
    // A password someone else chose (a new account's, a reset's) is changed before anything
    // else: until then the account reaches only its own page and signing out.
    if session.account.must_change_password
        && !pending
        && rule.path != crate::routes::MY_ACCOUNT
        && rule.path != crate::routes::LOGOUT
    {
        let to = format!("{}?lang={}", crate::routes::MY_ACCOUNT, lang.code());
        return Redirect::to(&to).into_response();
    }
    let staff = Staff {
        principal: session.account.principal(),
        session,
    };
    let response = if staff.principal.may(rule.permission) {
        request.extensions_mut().insert(staff.clone());
        next.run(request).await
    } else {
        PageError::Forbidden.into_response()
    };
    reframe(response, |error| staff_page(lang, &here, &staff, error))
}
