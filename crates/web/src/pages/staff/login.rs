//! Signing in and out, and the signed-in user's own account page.

use std::sync::Arc;

use axum::extract::{Query, Request, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use maud::html;
use serde::Deserialize;
use suara_domain::access::Role;
use time::{Duration, OffsetDateTime};

use super::href;
use crate::auth::{self, LOGIN_CSRF_COOKIE, SESSION_COOKIE};
use crate::pages::context::{CsrfForm, StaffCx};
use crate::pages::failure::PageError;
use crate::pages::{layout, page};
use crate::routes::{self, DASHBOARD, LOGIN};
use crate::state::AppState;
use suara_app::i18n::catalogue as T;
use suara_app::i18n::Lang;

#[derive(Deserialize, Default)]
pub struct LoginQuery {
    pub next: Option<String>,
    pub lang: Option<String>,
    /// Set after a password was chosen through an e-mailed link.
    pub diatur: Option<String>,
}

#[derive(Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    pub username: String,
    #[serde(default)]
    pub password: String,
    #[serde(default)]
    pub csrf: String,
    pub next: Option<String>,
    pub lang: Option<String>,
}

/// Only paths on this site, so the sign-in form cannot send anyone elsewhere.
/// Where to go after signing in: only a path on this site. It must start with one `/`, and
/// hold visible ASCII only: a tab, newline or backslash could turn it into another site
/// (`/\t/evil.example` reads as `//evil.example`) or into a header that cannot be sent.
pub(crate) fn safe_next(next: Option<&str>) -> Option<&str> {
    next.filter(|n| {
        n.starts_with('/')
            && !n.starts_with("//")
            && n.bytes().all(|b| b.is_ascii_graphic() && b != b'\\')
    })
}

/// The label of the regency's identity provider, when it signs in through one.
pub(crate) async fn sso_label(app: &AppState) -> Option<String> {
    let tenant = app.tenant(None).await.ok()?;
    app.sso
        .get(&tenant.tenant_id)
        .map(|sso| sso.label().to_string())
}

pub(crate) fn login_page(
    lang: Lang,
    status: StatusCode,
    next: Option<&str>,
    username: &str,
    note: Option<Result<&str, &str>>,
    sso: Option<&str>,
) -> Response {
    let csrf = suara_app::credentials::random_token();
    let title = lang.t(T::STAFF_SIGN_IN);
    let mut start = vec![("lang", lang.code())];
    if let Some(next) = safe_next(next) {
        start.push(("next", next));
    }
    let start = format!(
        "{}?{}",
        routes::SSO_START,
        serde_urlencoded::to_string(&start).unwrap_or_default()
    );
    let content = html! {
        h1 { (title) }
        @match note {
            Some(Err(error)) => div.error-summary role="alert" tabindex="-1" { p { (error) } },
            Some(Ok(done)) => div.success role="status" { p { (done) } },
            None => {},
        }
        @if let Some(label) = sso {
            p { a.button.primary href=(start) { (lang.fill(T::SIGN_IN_WITH, &[&label])) } }
            p { (lang.t(T::OR_SIGN_IN_WITH_A_PASSWORD)) }
        }
        form.login method="post" action=(LOGIN) {
            input type="hidden" name="csrf" value=(csrf);
            input type="hidden" name="lang" value=(lang.code());
            @if let Some(next) = safe_next(next) { input type="hidden" name="next" value=(next); }
            p {
                label for="username" { (lang.t(T::USERNAME)) }
                input #username type="text" name="username" value=(username) autocomplete="username" required autocapitalize="none";
            }
            p {
                label for="password" { (lang.t(T::PASSWORD)) }
                input #password type="password" name="password" autocomplete="current-password" required;
            }
            @if sso.is_some() {
                button.secondary type="submit" { (lang.t(T::SIGN_IN)) }
            } @else {
                button.primary type="submit" { (lang.t(T::SIGN_IN)) }
            }
        }
        p { a href=(href(lang, routes::FORGOT_PASSWORD, None)) { (lang.t(T::FORGOT_YOUR_PASSWORD)) } }
        p.muted { (lang.t(T::THIS_PAGE_IS_FOR_REGIONAL_GOVERNMENT_STAFF)) }
    };
    let mut response = page(status, layout(lang, title, LOGIN, content));
    let cookie = auth::set_cookie(LOGIN_CSRF_COOKIE, &csrf, Duration::hours(1));
    if let Ok(value) = cookie.parse() {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
    response
}

pub async fn form(State(app): State<Arc<AppState>>, Query(query): Query<LoginQuery>) -> Response {
    let sso = sso_label(&app).await;
    login_page(
        Lang::from_code(query.lang.as_deref()),
        StatusCode::OK,
        query.next.as_deref(),
        "",
        query
            .diatur
            .is_some()
            .then(|| Ok(Lang::from_code(query.lang.as_deref()).t(T::PASSWORD_SET_SIGN_IN))),
        sso.as_deref(),
    )
}

pub async fn submit(State(app): State<Arc<AppState>>, request: Request) -> Response {
    let client = app
        .client_ip(request.headers(), request.extensions())
        .map_or_else(|| "unknown".to_string(), auth::client_key);
    let headers = request.headers().clone();
    let body = match axum::body::to_bytes(request.into_body(), crate::state::MAX_BODY_BYTES).await {
        Ok(body) => body,
        Err(_) => return PageError::BadRequest.into_response(),
    };
    let Ok(form) = serde_urlencoded::from_bytes::<LoginForm>(&body) else {
        return login_page(
            Lang::ID,
            StatusCode::BAD_REQUEST,
            None,
            "",
            Some(Err("Formulir tidak lengkap. / The form is incomplete.")),
            None,
        );
    };
    let lang = Lang::from_code(form.lang.as_deref());
    match sign_in(&app, &headers, &client, &form, lang).await {
        Ok(response) => response,
        Err(error) => error.into_response(),
    }
}

async fn sign_in(
    app: &AppState,
    headers: &HeaderMap,
    client: &str,
    form: &LoginForm,
    lang: Lang,
) -> Result<Response, PageError> {
    let next = form.next.as_deref();
    let username = form.username.trim();
    let sso = sso_label(app).await;
    let sso = sso.as_deref();
    let cookie_token = auth::cookie(headers, LOGIN_CSRF_COOKIE).unwrap_or_default();
    if cookie_token.is_empty() || !suara_app::credentials::same_secret(&cookie_token, &form.csrf) {
        return Ok(login_page(
            lang,
            StatusCode::FORBIDDEN,
            next,
            username,
            Some(Err(lang.t(T::THE_FORM_EXPIRED_OR_COOKIES_ARE_BLOCKED))),
            sso,
        ));
    }
    let tenant = app.tenant(None).await?;
    let now = OffsetDateTime::now_utc();
    // Counted as a failure before the password is checked, so attempts racing each other
    // see each other; a success clears it.
    if let Some(seconds) = wait_for(app, &tenant.tenant_id, username, client, now).await? {
        let text = lang.fill(T::WAIT_SECONDS, &[&seconds]);
        let page = login_page(
            lang,
            StatusCode::TOO_MANY_REQUESTS,
            next,
            username,
            Some(Err(&text)),
            sso,
        );
        return Ok(retry_after(page, seconds));
    }
    let account = app.store.account(&tenant.tenant_id, username).await?;
    let hash = account
        .as_ref()
        .map_or(suara_app::credentials::dummy_hash(), |a| {
            a.password_hash.as_str()
        })
        .to_string();
    let Ok(valid) =
        suara_app::credentials::verify_password_bounded(form.password.clone(), hash).await
    else {
        let mut page = login_page(
            lang,
            StatusCode::SERVICE_UNAVAILABLE,
            next,
            username,
            Some(Err(lang.t(T::THE_SERVER_IS_HANDLING_MANY_SIGN_INS))),
            sso,
        );
        page.headers_mut()
            .insert(header::RETRY_AFTER, header::HeaderValue::from_static("5"));
        return Ok(page);
    };
    // A disabled account is refused like a wrong password: nothing tells a guesser which.
    let Some(account) = account.filter(|a| valid && !a.disabled) else {
        return Ok(login_page(
            lang,
            StatusCode::UNAUTHORIZED,
            next,
            username,
            Some(Err(lang.t(T::WRONG_USERNAME_OR_PASSWORD))),
            sso,
        ));
    };
    app.store
        .clear_login_failures(
            &tenant.tenant_id,
            username,
            client,
            now - auth::FAILURE_WINDOW,
        )
        .await?;
    let second_factor = suara_app::second_factor::required(account.role);
    start_session(app, &tenant.tenant_id, &account, second_factor, lang, next).await
}

/// Starts a session for `account`, waiting for its second factor when `second_factor`, and
/// sends the browser on: to the code page, `next`, or the account's landing page.
pub(crate) async fn start_session(
    app: &AppState,
    tenant_id: &str,
    account: &suara_store::Account,
    second_factor: bool,
    lang: Lang,
    next: Option<&str>,
) -> Result<Response, PageError> {
    let now = OffsetDateTime::now_utc();
    let token = suara_app::credentials::random_token();
    app.store
        .create_session(
            tenant_id,
            &suara_app::credentials::token_hash(&token),
            &account.username,
            &suara_app::credentials::random_token(),
            now + auth::SESSION_LIFETIME,
            !second_factor,
        )
        .await?;
    // The roles that touch pay give the code of their authenticator app first.
    let target = if second_factor {
        let mut pairs = vec![("lang", lang.code())];
        if let Some(next) = safe_next(next) {
            pairs.push(("next", next));
        }
        format!(
            "{}?{}",
            routes::SECOND_FACTOR,
            serde_urlencoded::to_string(pairs).unwrap_or_default()
        )
    } else {
        safe_next(next).map_or_else(|| landing(lang, account), str::to_string)
    };
    let mut response = Redirect::to(&target).into_response();
    for cookie in [
        auth::set_cookie(SESSION_COOKIE, &token, auth::SESSION_LIFETIME),
        auth::set_cookie(LOGIN_CSRF_COOKIE, "", Duration::ZERO),
    ] {
        if let Ok(value) = cookie.parse() {
            response.headers_mut().append(header::SET_COOKIE, value);
        }
    }
    Ok(response)
}

/// Where an account goes after signing in, when it was going nowhere in particular.
pub(crate) fn landing(lang: Lang, account: &suara_store::Account) -> String {
    match (account.role, account.nip.as_deref()) {
        (Role::Officer, Some(nip)) => href(lang, &routes::dashboard_officer(nip), None),
        (Role::Province, _) => href(lang, routes::PROVINCE, None),
        _ => href(lang, DASHBOARD, None),
    }
}

/// Seconds the client must wait before trying `name` again, this try counted as a failure
/// (a success clears it); `None` when it may go on.
pub(crate) async fn wait_for(
    app: &AppState,
    tenant_id: &str,
    name: &str,
    client: &str,
    now: OffsetDateTime,
) -> Result<Option<i64>, PageError> {
    let prior = app
        .store
        .record_login_attempt(tenant_id, name, client, now, now - auth::FAILURE_WINDOW)
        .await?;
    let owed = auth::wait_owed(&prior, now);
    Ok((owed > Duration::ZERO).then(|| owed.whole_seconds().max(1)))
}

/// The page with `Retry-After` set.
pub(crate) fn retry_after(mut page: Response, seconds: i64) -> Response {
    if let Ok(value) = seconds.to_string().parse() {
        page.headers_mut().insert(header::RETRY_AFTER, value);
    }
    page
}

/// Ends the request's session, if any, in the store.
pub async fn end_session(app: &AppState, headers: &HeaderMap) -> Result<(), PageError> {
    if let Some(token) = auth::cookie(headers, SESSION_COOKIE) {
        app.store
            .delete_session(
                &suara_app::credentials::token_hash(&token),
                OffsetDateTime::now_utc(),
            )
            .await?;
    }
    Ok(())
}

/// Tells the browser to forget its session cookie.
pub fn forget_session(response: &mut Response) {
    if let Ok(value) = auth::set_cookie(SESSION_COOKIE, "", Duration::ZERO).parse() {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
}

/// No fields but the CSRF token.
#[derive(Deserialize)]
pub struct Nothing {}

pub async fn logout(
    cx: StaffCx,
    headers: HeaderMap,
    CsrfForm(Nothing {}): CsrfForm<Nothing>,
) -> Result<Response, PageError> {
    end_session(&cx.app, &headers).await?;
    let mut response = Redirect::to(&href(cx.lang, LOGIN, None)).into_response();
    forget_session(&mut response);
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn only_paths_on_this_site_are_followed() {
        for good in [
            "/dasbor",
            "/tpp/2026-10?versi=2&lang=en",
            "/dasbor/pegawai/1980%20x",
        ] {
            assert_eq!(safe_next(Some(good)), Some(good));
        }
        for bad in [
            "//evil.example",
            "/\t/evil.example",
            "/\\evil.example",
            "/\n/x",
            "/a b",
            "https://evil.example",
            "evil",
            "/\u{2028}x",
            "",
        ] {
            assert_eq!(safe_next(Some(bad)), None, "{bad:?}");
        }
        assert_eq!(safe_next(None), None);
    }
}
