//! "Lupa kata sandi": a staff member who forgot their password asks for a one-time link by
//! e-mail (`/lupa-kata-sandi`) and chooses a new password through it
//! (`/atur-ulang-kata-sandi/{token}`). The page answering a request is the same whether the
//! account exists, has an address or was sent too many links (its timing may differ by a
//! database write); requests count against the client like failed sign-ins. Links are sent only to
//! the address the account recorded, and only when the server knows its own public address
//! (a regency's host name or `--public-url`): a link built from a request's Host header
//! could point a colleague's reset at someone else's site.

use std::sync::Arc;

use axum::extract::{Path, Query, Request, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use maud::{html, Markup};
use serde::Deserialize;
use suara_store::Alert;
use time::{Duration, OffsetDateTime};

use super::accounts::hashed;
use super::href;
use super::login::{retry_after, wait_for};
use crate::auth::{self, LOGIN_CSRF_COOKIE};
use crate::pages::failure::PageError;
use crate::pages::{layout, page};
use crate::routes::{self, FORGOT_PASSWORD, LOGIN};
use crate::state::AppState;
use crate::tenancy;
use suara_app::i18n::catalogue as T;
use suara_app::i18n::Lang;

/// How long a link opens the form.
const LINK_LIFETIME: Duration = Duration::hours(1);

/// Counted with sign-in failures from the client under this name, so one client cannot send
/// requests without limit (a username never contains a space).
const REQUESTS: &str = "lupa kata sandi";

#[derive(Deserialize, Default)]
pub struct LangQuery {
    pub lang: Option<String>,
}

#[derive(Deserialize, Default)]
pub struct ForgotForm {
    #[serde(default)]
    who: String,
    #[serde(default)]
    csrf: String,
    lang: Option<String>,
}

#[derive(Deserialize, Default)]
pub struct ResetForm {
    #[serde(default)]
    new: String,
    #[serde(default)]
    repeat: String,
    #[serde(default)]
    csrf: String,
    lang: Option<String>,
}

/// Where links point: the regency's host or `--public-url`, never a request's Host header.
pub(crate) fn trusted_base(app: &AppState) -> Option<String> {
    if let tenancy::Site::Regency { host, .. } = tenancy::current() {
        return Some(format!("{}://{host}", app.scheme()));
    }
    app.public_url
        .as_deref()
        .map(|url| url.trim_end_matches('/').to_string())
}

/// A page with a fresh form token in a cookie (the forms come before any session).
fn with_form_token(
    status: StatusCode,
    lang: Lang,
    here: &str,
    title: &str,
    content: impl FnOnce(&str) -> Markup,
) -> Response {
    let csrf = suara_app::credentials::random_token();
    let mut response = page(status, layout(lang, title, here, content(&csrf)));
    if let Ok(value) = auth::set_cookie(LOGIN_CSRF_COOKIE, &csrf, Duration::hours(1)).parse() {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
    response
}

fn problem(text: &str, field: &str) -> Markup {
    html! {
        div.error-summary role="alert" tabindex="-1" {
            h2 { (text) }
            p { a href={ "#" (field) } { (text) } }
        }
    }
}

fn forgot_page(
    app: &AppState,
    lang: Lang,
    status: StatusCode,
    who: &str,
    note: Option<Result<&str, &str>>,
) -> Response {
    let title = lang.t(T::RESET_YOUR_PASSWORD);
    let mail = app.mailer.is_some() && trusted_base(app).is_some();
    with_form_token(status, lang, FORGOT_PASSWORD, title, |csrf| {
        html! {
            h1 { (title) }
            @match note {
                Some(Ok(done)) => div.success role="status" { p { (done) } },
                Some(Err(wrong)) => (problem(wrong, "who")),
                None => {},
            }
            @if mail {
                p { (lang.t(T::FORGOT_PASSWORD_INTRO)) }
                form.login method="post" action=(FORGOT_PASSWORD) {
                    input type="hidden" name="csrf" value=(csrf);
                    input type="hidden" name="lang" value=(lang.code());
                    p {
                        label for="who" { (lang.t(T::USERNAME_OR_EMAIL)) }
                        input #who type="text" name="who" value=(who) autocomplete="username" required autocapitalize="none";
                    }
                    button.primary type="submit" { (lang.t(T::SEND_THE_LINK)) }
                }
            } @else {
                p { (lang.t(T::RESET_BY_EMAIL_UNAVAILABLE)) }
            }
            p { a href=(href(lang, LOGIN, None)) { (lang.t(T::BACK_TO_SIGN_IN)) } }
        }
    })
}

/// `GET /lupa-kata-sandi`.
pub async fn forgot_form(
    State(app): State<Arc<AppState>>,
    Query(query): Query<LangQuery>,
) -> Response {
    forgot_page(
        &app,
        Lang::from_code(query.lang.as_deref()),
        StatusCode::OK,
        "",
        None,
    )
}

/// `POST /lupa-kata-sandi`: the same page for every name.
pub async fn forgot_submit(
    State(app): State<Arc<AppState>>,
    request: Request,
) -> Result<Response, PageError> {
    let client = app
        .client_ip(request.headers(), request.extensions())
        .map_or_else(|| "unknown".to_string(), auth::client_key);
    let headers = request.headers().clone();
    let body = axum::body::to_bytes(request.into_body(), crate::state::MAX_BODY_BYTES)
        .await
        .map_err(|_| PageError::BadRequest)?;
    let form: ForgotForm = serde_urlencoded::from_bytes(&body).unwrap_or_default();
    let lang = Lang::from_code(form.lang.as_deref());
    let who = form.who.trim();
    let refuse = |status, text: &str| Ok(forgot_page(&app, lang, status, who, Some(Err(text))));
    let (Some(mailer), Some(base)) = (&app.mailer, trusted_base(&app)) else {
        return Ok(forgot_page(&app, lang, StatusCode::OK, "", None));
    };
    if !form_token_ok(&headers, &form.csrf) {
        return refuse(
            StatusCode::FORBIDDEN,
            lang.t(T::THE_FORM_EXPIRED_OR_COOKIES_ARE_BLOCKED),
        );
    }
    if who.is_empty() || who.chars().count() > 254 {
        return refuse(
            StatusCode::UNPROCESSABLE_ENTITY,
            lang.t(T::ENTER_YOUR_USERNAME_OR_EMAIL),
        );
    }
    let tenant = app.tenant(None).await?;
    let now = OffsetDateTime::now_utc();
    if let Some(seconds) = wait_for(&app, &tenant.tenant_id, REQUESTS, &client, now).await? {
        let text = lang.fill(T::WAIT_SECONDS, &[&seconds]);
        let page = forgot_page(
            &app,
            lang,
            StatusCode::TOO_MANY_REQUESTS,
            who,
            Some(Err(&text)),
        );
        return Ok(retry_after(page, seconds));
    }
    if let Some((username, email)) = app.store.reset_contact(&tenant.tenant_id, who).await? {
        let token = suara_app::credentials::random_token();
        let link = format!("{base}{}", routes::reset_password(&token));
        let mail = Alert {
            tenant_id: tenant.tenant_id.clone(),
            key: format!(
                "password-reset:{}",
                &suara_app::credentials::token_hash(&token)[..16]
            ),
            recipients: vec![email],
            subject: Lang::ID.t(T::RESET_MAIL_SUBJECT).to_string(),
            body: Lang::ID.fill(T::RESET_MAIL_BODY, &[&username, &tenant.name, &link]),
        };
        let hash = suara_app::credentials::token_hash(&token);
        let recorded = app
            .store
            .request_password_reset(&tenant.tenant_id, &username, &hash, now, LINK_LIFETIME)
            .await?;
        if recorded {
            // Sent straight away and never queued: the outbox is in the database, and a
            // link read from there would open the account.
            let mailer = mailer.clone();
            tokio::spawn(async move {
                if let Err(error) = mailer.send(&mail).await {
                    tracing::warn!(%error, "sending a password reset link");
                }
            });
        }
    }
    Ok(forgot_page(
        &app,
        lang,
        StatusCode::OK,
        "",
        Some(Ok(lang.t(T::RESET_LINK_SENT_IF_KNOWN))),
    ))
}

fn form_token_ok(headers: &HeaderMap, submitted: &str) -> bool {
    let cookie = auth::cookie(headers, LOGIN_CSRF_COOKIE).unwrap_or_default();
    !cookie.is_empty() && suara_app::credentials::same_secret(&cookie, submitted)
}

fn reset_page(
    lang: Lang,
    status: StatusCode,
    token: &str,
    username: Option<&str>,
    wrong: Option<&str>,
) -> Response {
    let title = lang.t(T::CHOOSE_A_NEW_PASSWORD);
    let here = routes::reset_password(token);
    with_form_token(status, lang, &here, title, |csrf| {
        html! {
            h1 { (title) }
            @if let Some(username) = username {
                @if let Some(wrong) = wrong { (problem(wrong, "new")) }
                p { (lang.t(T::USERNAME)) ": " strong { (username) } }
                form.account method="post" action=(routes::reset_password(token)) {
                    input type="hidden" name="csrf" value=(csrf);
                    input type="hidden" name="lang" value=(lang.code());
                    p { label for="new" { (lang.t(T::NEW_PASSWORD_AT_LEAST_12_CHARACTERS_5)) }
                        input #new type="password" name="new" required minlength="12" autocomplete="new-password"; }
                    p { label for="repeat" { (lang.t(T::REPEAT_THE_NEW_PASSWORD)) }
                        input #repeat type="password" name="repeat" required minlength="12" autocomplete="new-password"; }
                    p.muted { (lang.t(T::EVERY_SESSION_OF_THIS_ACCOUNT_ENDS)) }
                    button.primary type="submit" { (lang.t(T::SET_THE_PASSWORD)) }
                }
            } @else {
                div.error-summary role="alert" tabindex="-1" { p { (lang.t(T::RESET_LINK_NO_LONGER_VALID)) } }
                p { a href=(href(lang, FORGOT_PASSWORD, None)) { (lang.t(T::ASK_FOR_A_NEW_LINK)) } }
            }
        }
    })
}

/// `GET /atur-ulang-kata-sandi/{token}`.
pub async fn reset_form(
    State(app): State<Arc<AppState>>,
    Path(token): Path<String>,
    Query(query): Query<LangQuery>,
) -> Result<Response, PageError> {
    let lang = Lang::from_code(query.lang.as_deref());
    let tenant = app.tenant(None).await?;
    let username = app
        .store
        .reset_link_account(
            &tenant.tenant_id,
            &suara_app::credentials::token_hash(&token),
            OffsetDateTime::now_utc(),
        )
        .await?;
    let status = if username.is_some() {
        StatusCode::OK
    } else {
        StatusCode::NOT_FOUND
    };
    Ok(reset_page(lang, status, &token, username.as_deref(), None))
}

/// `POST /atur-ulang-kata-sandi/{token}`: the new password, then the sign-in page.
pub async fn reset_submit(
    State(app): State<Arc<AppState>>,
    Path(token): Path<String>,
    request: Request,
) -> Result<Response, PageError> {
    let headers = request.headers().clone();
    let body = axum::body::to_bytes(request.into_body(), crate::state::MAX_BODY_BYTES)
        .await
        .map_err(|_| PageError::BadRequest)?;
    let form: ResetForm = serde_urlencoded::from_bytes(&body).unwrap_or_default();
    let lang = Lang::from_code(form.lang.as_deref());
    let tenant = app.tenant(None).await?;
    let hash = suara_app::credentials::token_hash(&token);
    let now = OffsetDateTime::now_utc();
    let Some(username) = app
        .store
        .reset_link_account(&tenant.tenant_id, &hash, now)
        .await?
    else {
        return Ok(reset_page(lang, StatusCode::NOT_FOUND, &token, None, None));
    };
    let wrong = if !form_token_ok(&headers, &form.csrf) {
        Some((
            StatusCode::FORBIDDEN,
            T::THE_FORM_EXPIRED_OR_COOKIES_ARE_BLOCKED,
        ))
    } else if form.new != form.repeat {
        Some((
            StatusCode::UNPROCESSABLE_ENTITY,
            T::THE_NEW_PASSWORD_AND_ITS_REPETITION_DIFFER,
        ))
    } else if suara_domain::access::password_problem(&form.new).is_some() {
        Some((
            StatusCode::UNPROCESSABLE_ENTITY,
            T::THE_NEW_PASSWORD_NEEDS_AT_LEAST_12,
        ))
    } else {
        None
    };
    if let Some((status, text)) = wrong {
        return Ok(reset_page(
            lang,
            status,
            &token,
            Some(&username),
            Some(lang.t(text)),
        ));
    }
    let password_hash = hashed(form.new.clone()).await?;
    if app
        .store
        .reset_password(&tenant.tenant_id, &hash, &password_hash, now)
        .await?
        .is_none()
    {
        return Ok(reset_page(lang, StatusCode::NOT_FOUND, &token, None, None));
    }
    let done = format!("{}?lang={}&diatur=1", LOGIN, lang.code());
    Ok(Redirect::to(&done).into_response())
}
