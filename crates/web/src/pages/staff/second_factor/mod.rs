//! The second step of signing in for the roles that touch pay: the code of an authenticator
//! app (`/masuk/kode`), set up at the first sign-in with a QR code and single-use recovery
//! codes (`/masuk/kode-baru`, [`setup`]). Until it is given, the session reaches nothing else
//! (the access check sends it here).

pub mod setup;

use std::sync::Arc;

use axum::extract::{FromRequestParts, Query};
use axum::http::request::Parts;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use maud::{html, Markup};
use serde::Deserialize;
use suara_app::credentials::token_hash;
use suara_app::second_factor::{self, accepted_step, recovery_code};
use time::OffsetDateTime;

use super::login::{landing, retry_after, safe_next, wait_for};
use crate::auth::{self, SESSION_COOKIE};
use crate::pages::context::{CsrfForm, StaffCx};
use crate::pages::failure::PageError;
use crate::pages::{layout, page};
use crate::routes::{LOGOUT, SECOND_FACTOR, SECOND_FACTOR_SETUP};
use crate::state::AppState;
use suara_app::i18n::catalogue as T;
use suara_app::i18n::Lang;

/// Wrong codes an account may be sent from anywhere in an hour before each further try
/// waits (doubling, as for passwords): the code step is reached only with the password, so
/// this slows someone who has it, from however many addresses, and never the password step.
const FREE_CODE_FAILURES_PER_ACCOUNT: u64 = 10;

#[derive(Deserialize, Default)]
pub struct CodeQuery {
    pub next: Option<String>,
}

#[derive(Deserialize)]
pub struct CodeForm {
    #[serde(default)]
    pub code: String,
    pub next: Option<String>,
}

/// Where to go once the code is given.
pub(super) fn onward(cx: &StaffCx, next: Option<&str>) -> String {
    safe_next(next).map_or_else(
        || landing(cx.lang, &cx.staff.session.account),
        str::to_string,
    )
}

/// The session needs no code (its role needs none, or it gave one): on to where it was going.
pub(super) fn done(cx: &StaffCx) -> bool {
    !second_factor::required(cx.staff.session.account.role) || cx.staff.session.second_factor_done
}

/// The code field with its label, hint and error, the typed value kept.
pub(super) fn code_field(
    lang: Lang,
    value: &str,
    error: Option<&str>,
    hint: Option<&str>,
) -> Markup {
    html! {
        div.field.error[error.is_some()] {
            label for="kode" { (lang.t(T::CODE_FROM_THE_APP)) }
            @if let Some(hint) = hint { p.hint #kode-petunjuk { (hint) } }
            @if let Some(error) = error { p.error-message #kode-galat { (error) } }
            input #kode type="text" name="code" value=(value) inputmode="numeric" autocomplete="one-time-code"
                required autofocus aria-describedby=[hint.map(|_| "kode-petunjuk")];
        }
    }
}

/// Signing out instead, as the staff menu would offer.
pub(super) fn sign_out(cx: &StaffCx) -> Markup {
    html! {
        form method="post" action=(cx.href(LOGOUT)) {
            input type="hidden" name="csrf" value=(cx.staff.session.csrf_token);
            button.link type="submit" { (cx.lang.t(T::SIGN_OUT)) }
        }
    }
}

/// The error summary linking to the field.
pub(super) fn summary(error: Option<&str>) -> Markup {
    html! {
        @if let Some(error) = error {
            div.error-summary role="alert" tabindex="-1" { p { a href="#kode" { (error) } } }
        }
    }
}

fn code_page(
    cx: &StaffCx,
    status: StatusCode,
    next: Option<&str>,
    typed: &str,
    error: Option<&str>,
) -> Response {
    let lang = cx.lang;
    let title = lang.t(T::SIGN_IN_CODE);
    let content = html! {
        h1 { (title) }
        (summary(error))
        p.lead { (lang.t(T::SIGN_IN_CODE_LEAD)) }
        form method="post" action=(cx.href(SECOND_FACTOR)) {
            input type="hidden" name="csrf" value=(cx.staff.session.csrf_token);
            @if let Some(next) = safe_next(next) { input type="hidden" name="next" value=(next); }
            (code_field(lang, typed, error, Some(lang.t(T::OR_A_RECOVERY_CODE))))
            button.primary type="submit" { (lang.t(T::CONTINUE)) }
        }
        (sign_out(cx))
    };
    page(status, layout(lang, title, SECOND_FACTOR, content))
}

pub async fn form(cx: StaffCx, Query(query): Query<CodeQuery>) -> Result<Response, PageError> {
    if done(&cx) {
        return Ok(Redirect::to(&onward(&cx, query.next.as_deref())).into_response());
    }
    if !cx.staff.session.account.has_second_factor {
        return Ok(
            Redirect::to(&with_next(&cx, SECOND_FACTOR_SETUP, query.next.as_deref()))
                .into_response(),
        );
    }
    Ok(code_page(
        &cx,
        StatusCode::OK,
        query.next.as_deref(),
        "",
        None,
    ))
}

/// `path` in the user's language, carrying where to go afterwards.
pub(crate) fn with_next(cx: &StaffCx, path: &str, next: Option<&str>) -> String {
    let mut pairs = vec![("lang", cx.lang.code())];
    if let Some(next) = safe_next(next) {
        pairs.push(("next", next));
    }
    format!(
        "{path}?{}",
        serde_urlencoded::to_string(pairs).unwrap_or_default()
    )
}

/// Counts a code attempt as failed before it is checked (a success clears it), per account
/// from anywhere and per account and client; the seconds to wait, if any.
pub(super) async fn code_wait(cx: &StaffCx, client: &str) -> Result<Option<i64>, PageError> {
    let (tenant, username) = (cx.tenant_id(), cx.username());
    let now = OffsetDateTime::now_utc();
    if let Some(seconds) =
        wait_for(&cx.app, tenant, &format!("{username}#kode"), client, now).await?
    {
        return Ok(Some(seconds));
    }
    // From anywhere: one name, one made-up client, so only this account's count decides.
    let anywhere = cx
        .app
        .store
        .record_login_attempt(
            tenant,
            &format!("{username}#kode-akun"),
            "*",
            now,
            now - auth::FAILURE_WINDOW,
        )
        .await?;
    let owed = anywhere.pair_last.map_or(time::Duration::ZERO, |last| {
        (last + auth::sign_in_delay(anywhere.pair, FREE_CODE_FAILURES_PER_ACCOUNT) - now)
            .max(time::Duration::ZERO)
    });
    Ok((owed > time::Duration::ZERO).then(|| owed.whole_seconds().max(1)))
}

/// Forgets the account's code failures once a code is accepted.
pub(super) async fn code_passed(cx: &StaffCx, client: &str) -> Result<(), PageError> {
    let older = OffsetDateTime::now_utc() - auth::FAILURE_WINDOW;
    let username = cx.username();
    let store = &cx.app.store;
    store
        .clear_login_failures(cx.tenant_id(), &format!("{username}#kode"), client, older)
        .await?;
    store
        .clear_login_failures(cx.tenant_id(), &format!("{username}#kode-akun"), "*", older)
        .await?;
    Ok(())
}

pub(super) fn unix_now() -> u64 {
    u64::try_from(OffsetDateTime::now_utc().unix_timestamp()).unwrap_or(0)
}

pub async fn submit(
    cx: StaffCx,
    attempt: Attempt,
    CsrfForm(form): CsrfForm<CodeForm>,
) -> Result<Response, PageError> {
    let next = form.next.as_deref();
    if done(&cx) {
        return Ok(Redirect::to(&onward(&cx, next)).into_response());
    }
    let (Some(token), client) = (attempt.token, attempt.client) else {
        return Err(PageError::SignInFirst);
    };
    if let Some(seconds) = code_wait(&cx, &client).await? {
        let text = cx.lang.fill(T::WAIT_SECONDS, &[&seconds]);
        let page = code_page(
            &cx,
            StatusCode::TOO_MANY_REQUESTS,
            next,
            &form.code,
            Some(&text),
        );
        return Ok(retry_after(page, seconds));
    }
    let (tenant, username) = (cx.tenant_id(), cx.username());
    let store = &cx.app.store;
    let Some(factor) = store.second_factor(tenant, username).await? else {
        return Ok(Redirect::to(&with_next(&cx, SECOND_FACTOR_SETUP, next)).into_response());
    };
    let passed = match accepted_step(&factor.secret, &form.code, unix_now(), factor.last_step) {
        Some(step) => {
            store
                .pass_second_factor(tenant, username, &token, step)
                .await?
        }
        None => match recovery_code(&form.code) {
            Some(code) => {
                let left = store
                    .use_recovery_code(
                        tenant,
                        username,
                        &token,
                        &token_hash(&code),
                        OffsetDateTime::now_utc(),
                    )
                    .await?;
                if let Some(left) = left {
                    code_passed(&cx, &client).await?;
                    return Ok(recovered(&cx, next, left));
                }
                false
            }
            None => false,
        },
    };
    if !passed {
        return Ok(code_page(
            &cx,
            StatusCode::UNPROCESSABLE_ENTITY,
            next,
            &form.code,
            Some(cx.lang.t(T::WRONG_CODE)),
        ));
    }
    code_passed(&cx, &client).await?;
    Ok(Redirect::to(&onward(&cx, next)).into_response())
}

/// Signed in with a recovery code: how many are left, and what to do about the phone.
fn recovered(cx: &StaffCx, next: Option<&str>, left: u64) -> Response {
    let lang = cx.lang;
    let title = lang.t(T::SIGN_IN_CODE);
    let content = html! {
        h1 { (title) }
        div.warning role="status" { p { (lang.fill(T::RECOVERY_CODES_LEFT, &[&left])) } }
        p { a.button.primary href=(onward(cx, next)) { (lang.t(T::CONTINUE)) } }
    };
    page(StatusCode::OK, layout(lang, title, SECOND_FACTOR, content))
}

/// What a code attempt needs of the request: the session's token hash and the client as
/// the sign-in limits count it.
pub struct Attempt {
    pub(super) token: Option<String>,
    pub(super) client: String,
}

impl FromRequestParts<Arc<AppState>> for Attempt {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        app: &Arc<AppState>,
    ) -> Result<Attempt, Self::Rejection> {
        Ok(Attempt {
            token: auth::cookie(&parts.headers, SESSION_COOKIE).map(|t| token_hash(&t)),
            client: app
                .client_ip(&parts.headers, &parts.extensions)
                .map_or_else(|| "unknown".to_string(), auth::client_key),
        })
    }
}
