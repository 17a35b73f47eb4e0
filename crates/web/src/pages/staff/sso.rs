//! Signing in through the regency's identity provider (OpenID Connect, see
//! `suara_app::sso`): off to the provider, and back with a code that becomes a session.
//! What the browser must keep in between (state, nonce, PKCE verifier) is a host-only
//! cookie, for ten minutes.

use std::sync::Arc;

use axum::extract::{RawQuery, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use suara_app::i18n::catalogue as T;
use suara_app::i18n::Lang;
use suara_app::sso::{Pending, Returned, Sso, SsoError};
use suara_store::SsoSignIn;
use time::{Duration, OffsetDateTime};

use super::login::{login_page, safe_next, start_session};
use crate::auth;
use crate::pages::failure::PageError;
use crate::routes;
use crate::state::AppState;

/// `__Host-`: set by this host only, so no sibling subdomain can plant its own sign-in in a
/// browser.
const SSO_COOKIE: &str = "__Host-suara_sso";
/// Longer `next` addresses are dropped, so the cookie stays small enough to be kept.
const MAX_NEXT: usize = 512;
const SSO_WAIT: Duration = Duration::minutes(10);

#[derive(Deserialize, Default)]
pub struct StartQuery {
    pub lang: Option<String>,
    pub next: Option<String>,
}

/// What the cookie holds: [`Pending`], and where the person was going.
#[derive(Deserialize, serde::Serialize)]
struct Kept {
    s: String,
    n: String,
    v: String,
    lang: String,
    next: Option<String>,
}

/// The regency's provider, if it signs in through one.
async fn provider(app: &AppState) -> Result<(String, Arc<Sso>), PageError> {
    let tenant = app.tenant(None).await?;
    let sso = app
        .sso
        .get(&tenant.tenant_id)
        .cloned()
        .ok_or(PageError::NotFound(crate::pages::failure::Missing::Page))?;
    Ok((tenant.tenant_id, sso))
}

fn return_address(app: &AppState, headers: &HeaderMap) -> String {
    format!("{}{}", app.base_url(headers), routes::SSO_RETURN)
}

fn with_cookie(mut response: Response, value: &str, max_age: Duration) -> Response {
    if let Ok(value) = auth::set_cookie(SSO_COOKIE, value, max_age).parse() {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
    response
}

/// The sign-in page again, saying what went wrong.
fn refused(
    lang: Lang,
    status: StatusCode,
    text: &str,
    next: Option<&str>,
    label: &str,
) -> Response {
    login_page(lang, status, next, "", Some(Err(text)), Some(label))
}

pub async fn start(
    State(app): State<Arc<AppState>>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Result<Response, PageError> {
    let query: StartQuery =
        serde_urlencoded::from_str(query.as_deref().unwrap_or_default()).unwrap_or_default();
    let lang = Lang::from_code(query.lang.as_deref());
    let next = safe_next(query.next.as_deref())
        .filter(|next| next.len() <= MAX_NEXT)
        .map(str::to_string);
    let (_, sso) = provider(&app).await?;
    let (address, pending) = match sso.begin(&return_address(&app, &headers)).await {
        Ok(begun) => begun,
        Err(error) => {
            tracing::warn!(%error, "single sign-on could not start");
            let text = lang.fill(T::SSO_UNAVAILABLE, &[&sso.label()]);
            let page = refused(
                lang,
                StatusCode::SERVICE_UNAVAILABLE,
                &text,
                next.as_deref(),
                sso.label(),
            );
            return Ok(page);
        }
    };
    let kept = Kept {
        s: pending.state,
        n: pending.nonce,
        v: pending.verifier,
        lang: lang.code().to_string(),
        next,
    };
    let value = serde_urlencoded::to_string(&kept).map_err(|_| PageError::BadRequest)?;
    Ok(with_cookie(
        Redirect::to(&address).into_response(),
        &value,
        SSO_WAIT,
    ))
}

pub async fn finish(
    State(app): State<Arc<AppState>>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Result<Response, PageError> {
    let (tenant_id, sso) = provider(&app).await?;
    let kept: Option<Kept> = auth::cookie(&headers, SSO_COOKIE)
        .and_then(|value| serde_urlencoded::from_str(&value).ok());
    let lang = Lang::from_code(kept.as_ref().map(|k| k.lang.as_str()));
    let next = kept.as_ref().and_then(|k| k.next.clone());
    let label = sso.label();
    // A query the provider could not have sent (a name twice, say) reads as no answer.
    let returned: Returned =
        serde_urlencoded::from_str(query.as_deref().unwrap_or_default()).unwrap_or_default();
    let outcome = match &kept {
        None => Err(SsoError::Expired),
        Some(kept) => {
            let pending = Pending {
                state: kept.s.clone(),
                nonce: kept.n.clone(),
                verifier: kept.v.clone(),
            };
            sso.finish(&return_address(&app, &headers), &pending, &returned)
                .await
        }
    };
    let person = match outcome {
        Ok(person) => person,
        Err(error) => {
            tracing::warn!(%error, "single sign-on refused");
            let (status, text) = match &error {
                SsoError::Config(_) | SsoError::Unavailable(_) => (
                    StatusCode::SERVICE_UNAVAILABLE,
                    lang.fill(T::SSO_UNAVAILABLE, &[&label]),
                ),
                SsoError::Refused(_) => {
                    (StatusCode::FORBIDDEN, lang.fill(T::SSO_REFUSED, &[&label]))
                }
                SsoError::Expired => (StatusCode::BAD_REQUEST, lang.t(T::SSO_EXPIRED).to_string()),
                SsoError::Invalid(_) => (
                    StatusCode::BAD_REQUEST,
                    lang.fill(T::SSO_INVALID, &[&label]),
                ),
                SsoError::NoRole => (StatusCode::FORBIDDEN, lang.fill(T::SSO_NO_ROLE, &[&label])),
                SsoError::ManyRoles(roles) => {
                    let names: Vec<&str> = roles
                        .iter()
                        .map(|role| suara_app::i18n::role_label(lang, *role))
                        .collect();
                    let names = names.join(", ");
                    (
                        StatusCode::FORBIDDEN,
                        lang.fill(T::SSO_MANY_ROLES, &[&label, &names]),
                    )
                }
                SsoError::MissingClaim { role, .. } => {
                    let role = suara_app::i18n::role_label(lang, *role);
                    (
                        StatusCode::FORBIDDEN,
                        lang.fill(T::SSO_MISSING_DETAIL, &[&label, &role]),
                    )
                }
            };
            let page = refused(lang, status, &text, next.as_deref(), label);
            return Ok(with_cookie(page, "", Duration::ZERO));
        }
    };
    let now = OffsetDateTime::now_utc();
    let signed_in = suara_app::sso::account_for(&app.store, &tenant_id, &person, now).await?;
    let refusal = match signed_in {
        SsoSignIn::Account(account) => {
            // The roles that touch pay need a second factor: the provider's, or else ours.
            let second_factor =
                suara_app::second_factor::required(account.role) && !person.second_factor_given;
            let response = start_session(
                &app,
                &tenant_id,
                &account,
                second_factor,
                lang,
                next.as_deref(),
            )
            .await?;
            return Ok(with_cookie(response, "", Duration::ZERO));
        }
        SsoSignIn::UsernameTaken => lang.fill(T::SSO_USERNAME_TAKEN, &[&person.username]),
        SsoSignIn::Disabled => lang.t(T::ACCOUNT_DISABLED_ASK_ADMIN).to_string(),
        SsoSignIn::UnknownUnit => lang.fill(T::SSO_UNKNOWN_UNIT, &[&label]),
    };
    let page = refused(
        lang,
        StatusCode::FORBIDDEN,
        &refusal,
        next.as_deref(),
        label,
    );
    Ok(with_cookie(page, "", Duration::ZERO))
}
