//! Account lifecycle on the web: `/akun`, where anyone signed in changes their own password
//! (the current one required; every other session ends), and the administrator's actions on
//! `/admin/akun`: reset a password (a one-time password shown once), disable or enable an
//! account, end its sessions. Every change is audit-logged by the store.

use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use maud::html;
use serde::Deserialize;
use suara_store::AccountChange;
use time::OffsetDateTime;

use super::{href, outcome};
use crate::auth::{self, SESSION_COOKIE};
use crate::pages::context::{CsrfForm, StaffCx};
use crate::pages::failure::PageError;
use crate::routes::{self, MY_ACCOUNT, MY_EMAIL};
use suara_app::i18n::catalogue as T;
use suara_app::i18n::role_label;

pub async fn my_account(cx: StaffCx) -> Result<Response, PageError> {
    let unit = unit_name(&cx).await?;
    Ok(my_account_page(&cx, unit.as_deref(), StatusCode::OK, None))
}

/// The account's unit by name (by its code if the unit is no longer stored).
async fn unit_name(cx: &StaffCx) -> Result<Option<String>, PageError> {
    let Some(code) = &cx.staff.session.account.unit_id else {
        return Ok(None);
    };
    let unit = cx.app.store.unit(cx.tenant_id(), code).await?;
    Ok(Some(unit.map_or_else(|| code.clone(), |u| u.name)))
}

fn my_account_page(
    cx: &StaffCx,
    unit: Option<&str>,
    status: StatusCode,
    message: Option<Result<String, String>>,
) -> Response {
    let (lang, staff) = (cx.lang, &cx.staff);
    let account = &staff.session.account;
    let title = lang.t(T::MY_ACCOUNT);
    let content = html! {
        h1 { (title) }
        (outcome(message.as_ref()))
        @if account.must_change_password && message.is_none() {
            div.error-summary role="alert" tabindex="-1" { p { (lang.t(T::SOMEONE_ELSE_CHOSE_THIS_PASSWORD)) } }
        }
        dl.facts {
            dt { (lang.t(T::USERNAME)) } dd { (account.username) }
            dt { (lang.t(T::ROLE)) } dd { (role_label(lang, account.role)) }
            @if let Some(unit) = unit { dt { (lang.t(T::UNIT_2)) } dd { (unit) } }
            @if let Some(nip) = &account.nip { dt { "NIP" } dd { a href=(href(lang, &routes::dashboard_officer(nip), None)) { (nip) } } }
        }
        h2 { (lang.t(T::CHANGE_YOUR_PASSWORD)) }
        form.account method="post" action={ (MY_ACCOUNT) "?lang=" (lang.code()) } {
            input type="hidden" name="csrf" value=(staff.session.csrf_token);
            p { label for="current" { (lang.t(T::CURRENT_PASSWORD)) }
                input #current type="password" name="current" required autocomplete="current-password"; }
            p { label for="new" { (lang.t(T::NEW_PASSWORD_AT_LEAST_12_CHARACTERS_5)) }
                input #new type="password" name="new" required minlength="12" autocomplete="new-password"; }
            p { label for="repeat" { (lang.t(T::REPEAT_THE_NEW_PASSWORD)) }
                input #repeat type="password" name="repeat" required minlength="12" autocomplete="new-password"; }
            p.muted { (lang.t(T::EVERY_OTHER_SESSION_OF_THIS_ACCOUNT_ENDS)) }
            button.primary type="submit" { (lang.t(T::CHANGE_PASSWORD)) }
        }
        h2 { (lang.t(T::EMAIL_ADDRESS)) }
        p { (lang.t(T::EMAIL_ADDRESS_USE)) }
        form.account method="post" action={ (MY_EMAIL) "?lang=" (lang.code()) } {
            input type="hidden" name="csrf" value=(staff.session.csrf_token);
            p { label for="email" { (lang.t(T::EMAIL_ADDRESS_EMPTY_FOR_NONE)) }
                input #email type="email" name="email" value=(account.email.as_deref().unwrap_or_default()) autocomplete="email" maxlength="254"; }
            p { label for="email-current" { (lang.t(T::CURRENT_PASSWORD)) }
                input #email-current type="password" name="current" required autocomplete="current-password"; }
            button type="submit" { (lang.t(T::SAVE_THE_ADDRESS)) }
        }
    };
    cx.page(status, title, content)
}

#[derive(Deserialize)]
pub struct PasswordForm {
    #[serde(default)]
    current: String,
    #[serde(default)]
    new: String,
    #[serde(default)]
    repeat: String,
}

pub async fn change_password(
    cx: StaffCx,
    headers: HeaderMap,
    CsrfForm(form): CsrfForm<PasswordForm>,
) -> Result<Response, PageError> {
    let (lang, staff) = (cx.lang, &cx.staff);
    let unit = unit_name(&cx).await?;
    let refuse = |text: &str| {
        Ok(my_account_page(
            &cx,
            unit.as_deref(),
            StatusCode::UNPROCESSABLE_ENTITY,
            Some(Err(text.to_string())),
        ))
    };
    if form.new != form.repeat {
        return refuse(lang.t(T::THE_NEW_PASSWORD_AND_ITS_REPETITION_DIFFER));
    }
    if suara_domain::access::password_problem(&form.new).is_some() {
        return refuse(lang.t(T::THE_NEW_PASSWORD_NEEDS_AT_LEAST_12));
    }
    // A password someone else chose stays known to them (and on paper): keeping it is no change.
    if form.new == form.current {
        return refuse(lang.t(T::CHOOSE_A_PASSWORD_OTHER_THAN_THE_CURRENT));
    }
    let hash = staff.session.account.password_hash.clone();
    match suara_app::credentials::verify_password_bounded(form.current.clone(), hash).await {
        Ok(true) => {}
        Ok(false) => return refuse(lang.t(T::THE_CURRENT_PASSWORD_IS_WRONG)),
        Err(suara_app::credentials::Busy) => {
            return refuse(lang.t(T::THE_SERVER_IS_BUSY_TRY_AGAIN_IN))
        }
    }
    let hash = hashed(form.new.clone()).await?;
    let this_session =
        auth::cookie(&headers, SESSION_COOKIE).map(|t| suara_app::credentials::token_hash(&t));
    let change = AccountChange::Password {
        hash: &hash,
        keep: this_session.as_deref(),
        chosen_for: false,
    };
    cx.app
        .store
        .change_account(
            staff.tenant_id(),
            staff.username(),
            change,
            staff.username(),
            OffsetDateTime::now_utc(),
        )
        .await?;
    let done = lang.t(T::PASSWORD_CHANGED_THE_ACCOUNT_S_OTHER_SESSIONS);
    Ok(my_account_page(
        &cx,
        unit.as_deref(),
        StatusCode::OK,
        Some(Ok(done.to_string())),
    ))
}

/// A password's hash to store, made off the request's thread.
pub(crate) async fn hashed(password: String) -> Result<String, PageError> {
    suara_app::credentials::hash_password_off_thread(password)
        .await
        .map_err(|e| {
            PageError::Store(suara_store::StoreError::Corrupt(format!(
                "hashing the password: {e}"
            )))
        })
}

#[derive(Deserialize)]
pub struct EmailForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    current: String,
}

/// `POST /akun/email`: the address, with the current password (a session left open on a
/// shared computer must not be able to send the account's reset links elsewhere).
pub async fn change_email(
    mut cx: StaffCx,
    CsrfForm(form): CsrfForm<EmailForm>,
) -> Result<Response, PageError> {
    let lang = cx.lang;
    let unit = unit_name(&cx).await?;
    let email = form.email.trim();
    let problem = if !email.is_empty()
        && (email.len() > 254 || email.parse::<lettre::Address>().is_err())
    {
        Some(T::THAT_IS_NOT_AN_EMAIL_ADDRESS)
    } else {
        let hash = cx.staff.session.account.password_hash.clone();
        match suara_app::credentials::verify_password_bounded(form.current.clone(), hash).await {
            Ok(true) => None,
            Ok(false) => Some(T::THE_CURRENT_PASSWORD_IS_WRONG),
            Err(suara_app::credentials::Busy) => Some(T::THE_SERVER_IS_BUSY_TRY_AGAIN_IN),
        }
    };
    if let Some(problem) = problem {
        return Ok(my_account_page(
            &cx,
            unit.as_deref(),
            StatusCode::UNPROCESSABLE_ENTITY,
            Some(Err(lang.t(problem).to_string())),
        ));
    }
    let email = (!email.is_empty()).then_some(email);
    cx.app
        .store
        .set_account_email(
            cx.tenant_id(),
            cx.username(),
            email,
            cx.username(),
            OffsetDateTime::now_utc(),
        )
        .await?;
    // The page shows the address as stored now, not as the session read it.
    cx.staff.session.account.email = email.map(str::to_string);
    let done = lang.t(if email.is_some() {
        T::EMAIL_ADDRESS_SAVED
    } else {
        T::EMAIL_ADDRESS_REMOVED
    });
    Ok(my_account_page(
        &cx,
        unit.as_deref(),
        StatusCode::OK,
        Some(Ok(done.to_string())),
    ))
}

#[derive(Deserialize)]
pub struct ActionForm {
    username: Option<String>,
    action: Option<String>,
}

/// `POST /admin/akun/tindakan`: one action on one account, then the accounts page again.
pub async fn account_action(
    cx: StaffCx,
    CsrfForm(form): CsrfForm<ActionForm>,
) -> Result<Response, PageError> {
    let (lang, staff) = (cx.lang, &cx.staff);
    // The accounts page again, naming what is wrong.
    let refused = |text: suara_app::i18n::Text| {
        let problem = Some(Err(lang.t(text).to_string()));
        super::users::accounts_page(&cx, StatusCode::UNPROCESSABLE_ENTITY, problem, None)
    };
    let username = form.username.as_deref().unwrap_or_default();
    let one_time = suara_app::credentials::random_token()[..16].to_string();
    let hash = match form.action.as_deref() {
        Some("reset") => hashed(one_time.clone()).await?,
        _ => String::new(),
    };
    let (change, done) = match form.action.as_deref() {
        Some("reset") => (
            AccountChange::Password {
                hash: &hash,
                keep: None,
                chosen_for: true,
            },
            lang.fill(T::ONE_TIME_PASSWORD, &[&username, &one_time]),
        ),
        Some("disable") => (
            AccountChange::Disable,
            format!(
                "{username}: {}",
                lang.t(T::DISABLED_ITS_SESSIONS_ENDED_AT_ONCE)
            ),
        ),
        Some("enable") => (
            AccountChange::Enable,
            format!("{username}: {}", lang.t(T::ENABLED_AGAIN)),
        ),
        Some("end_sessions") => (
            AccountChange::EndSessions,
            format!("{username}: {}", lang.t(T::ALL_ITS_SESSIONS_ENDED)),
        ),
        _ => return refused(T::CHOOSE_AN_ACCOUNT_AND_AN_ACTION).await,
    };
    if username == staff.username() && change == AccountChange::Disable {
        return refused(T::YOU_CANNOT_DISABLE_YOUR_OWN_ACCOUNT).await;
    }
    // A province account is not the regency's to take over by resetting its password (one
    // made in a regency's entry before the form stopped offering the role, or by the CLI).
    let account = cx.app.store.account(staff.tenant_id(), username).await?;
    if account.is_some_and(|a| !a.role.granted_by_regency()) {
        return refused(T::ACCOUNT_KEPT_BY_THE_OPERATOR).await;
    }
    let changed = cx
        .app
        .store
        .change_account(
            staff.tenant_id(),
            username,
            change,
            staff.username(),
            OffsetDateTime::now_utc(),
        )
        .await?;
    let (status, message) = if changed {
        (StatusCode::OK, Ok(done))
    } else {
        (
            StatusCode::NOT_FOUND,
            Err(lang.t(T::NO_SUCH_ACCOUNT).to_string()),
        )
    };
    super::users::accounts_page(&cx, status, Some(message), None).await
}
