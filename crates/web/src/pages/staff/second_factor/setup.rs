//! Setting up the second factor at the first sign-in: a QR code (and the key, for typing),
//! the app's first code to confirm it, then ten recovery codes shown once.

use axum::extract::Query;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use maud::{html, PreEscaped};
use suara_app::credentials::token_hash;
use suara_app::second_factor::{self, accepted_step, setup_url};
use time::OffsetDateTime;

use super::{
    code_field, code_passed, code_wait, done, onward, sign_out, summary, unix_now, with_next,
    Attempt, CodeForm, CodeQuery,
};
use crate::pages::context::{CsrfForm, StaffCx};
use crate::pages::failure::PageError;
use crate::pages::staff::login::{retry_after, safe_next};
use crate::pages::{layout, page};
use crate::routes::{SECOND_FACTOR, SECOND_FACTOR_SETUP};
use suara_app::i18n::catalogue as T;

/// The QR code of the `otpauth://` address, as an inline drawing.
fn qr_svg(url: &str) -> Option<String> {
    let code = qrcode::QrCode::new(url.as_bytes()).ok()?;
    Some(
        code.render::<qrcode::render::svg::Color>()
            .min_dimensions(220, 220)
            .build(),
    )
}

/// The secret in groups of four, as it is typed into an app by hand.
fn grouped(secret: &str) -> String {
    secret
        .as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

fn setup_page(
    cx: &StaffCx,
    status: StatusCode,
    secret: &str,
    next: Option<&str>,
    typed: &str,
    error: Option<&str>,
) -> Response {
    let lang = cx.lang;
    let title = lang.t(T::SET_UP_SIGN_IN_CODE);
    let issuer = format!("Suara {}", cx.tenant.name);
    let qr = setup_url(secret, &issuer, cx.username()).and_then(|url| qr_svg(&url));
    let content = html! {
        h1 { (title) }
        (summary(error))
        p.lead { (lang.t(T::SIGN_IN_CODE_LEAD)) }
        ol.steps {
            li { p { (lang.t(T::SETUP_STEP_INSTALL)) } }
            li {
                p { (lang.t(T::SETUP_STEP_SCAN)) }
                @if let Some(svg) = &qr {
                    figure.qr role="img" aria-label=(lang.t(T::QR_FOR_THE_APP)) { (PreEscaped(svg)) }
                }
                p { (lang.t(T::SETUP_KEY)) " " code #kunci { (grouped(secret)) } }
            }
            li {
                p { (lang.t(T::SETUP_STEP_TYPE)) }
                form method="post" action=(cx.href(SECOND_FACTOR_SETUP)) {
                    input type="hidden" name="csrf" value=(cx.staff.session.csrf_token);
                    @if let Some(next) = safe_next(next) { input type="hidden" name="next" value=(next); }
                    (code_field(lang, typed, error, None))
                    button.primary type="submit" { (lang.t(T::TURN_ON)) }
                }
            }
        }
        (sign_out(cx))
    };
    page(status, layout(lang, title, SECOND_FACTOR_SETUP, content))
}

pub async fn form(
    cx: StaffCx,
    attempt: Attempt,
    Query(query): Query<CodeQuery>,
) -> Result<Response, PageError> {
    let next = query.next.as_deref();
    if done(&cx) {
        return Ok(Redirect::to(&onward(&cx, next)).into_response());
    }
    if cx.staff.session.account.has_second_factor {
        return Ok(Redirect::to(&with_next(&cx, SECOND_FACTOR, next)).into_response());
    }
    let secret = match (&cx.staff.session.pending_totp_secret, attempt.token) {
        (Some(secret), _) => secret.clone(),
        (None, Some(token)) => {
            let secret = second_factor::new_secret();
            cx.app.store.begin_second_factor(&token, &secret).await?;
            secret
        }
        (None, None) => return Err(PageError::SignInFirst),
    };
    Ok(setup_page(&cx, StatusCode::OK, &secret, next, "", None))
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
    let client = attempt.client;
    let (Some(token), Some(secret)) = (attempt.token, cx.staff.session.pending_totp_secret.clone())
    else {
        return Ok(Redirect::to(&with_next(&cx, SECOND_FACTOR_SETUP, next)).into_response());
    };
    if let Some(seconds) = code_wait(&cx, &client).await? {
        let text = cx.lang.fill(T::WAIT_SECONDS, &[&seconds]);
        let page = setup_page(
            &cx,
            StatusCode::TOO_MANY_REQUESTS,
            &secret,
            next,
            &form.code,
            Some(&text),
        );
        return Ok(retry_after(page, seconds));
    }
    let Some(step) = accepted_step(&secret, &form.code, unix_now(), None) else {
        return Ok(setup_page(
            &cx,
            StatusCode::UNPROCESSABLE_ENTITY,
            &secret,
            next,
            &form.code,
            Some(cx.lang.t(T::WRONG_CODE)),
        ));
    };
    let codes = second_factor::recovery_codes();
    let hashes: Vec<String> = codes.iter().map(|c| token_hash(c)).collect();
    let enabled = cx
        .app
        .store
        .enable_second_factor(
            cx.tenant_id(),
            cx.username(),
            &token,
            step,
            &hashes,
            OffsetDateTime::now_utc(),
        )
        .await?;
    if !enabled {
        return Ok(Redirect::to(&cx.href(SECOND_FACTOR)).into_response());
    }
    code_passed(&cx, &client).await?;
    let lang = cx.lang;
    let title = lang.t(T::RECOVERY_CODES);
    let content = html! {
        h1 { (title) }
        div.success role="status" { p { (lang.t(T::RECOVERY_CODES_LEAD)) } }
        ul.recovery-codes { @for code in &codes { li { code { (code) } } } }
        p { a.button.primary href=(onward(&cx, next)) { (lang.t(T::CONTINUE)) } }
    };
    Ok(page(
        StatusCode::OK,
        layout(lang, title, SECOND_FACTOR_SETUP, content),
    ))
}
