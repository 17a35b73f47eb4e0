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
use crate::auth::{self, Staff, SESSION_COOKIE};
use crate::i18n::{role_label, Lang};
use crate::pages::context::{CsrfForm, StaffCx};
use crate::pages::failure::PageError;
use crate::routes::{self, ACCOUNT_ACTION, MY_ACCOUNT};

pub async fn my_account(cx: StaffCx) -> Result<Response, PageError> {
    Ok(my_account_page(&cx, StatusCode::OK, None))
}

fn my_account_page(
    cx: &StaffCx,
    status: StatusCode,
    message: Option<Result<String, String>>,
) -> Response {
    let (lang, staff) = (cx.lang, &cx.staff);
    let account = &staff.session.account;
    let title = lang.pick("Akun saya", "My account");
    let content = html! {
        h1 { (title) }
        (outcome(message.as_ref()))
        dl.facts {
            dt { (lang.pick("Nama pengguna", "Username")) } dd { (account.username) }
            dt { (lang.pick("Peran", "Role")) } dd { (role_label(lang, account.role)) }
            @if let Some(unit) = &account.unit_id { dt { "Unit" } dd { (unit) } }
            @if let Some(nip) = &account.nip { dt { "NIP" } dd { a href=(href(lang, &routes::dashboard_officer(nip), None)) { (nip) } } }
        }
        h2 { (lang.pick("Ganti kata sandi", "Change your password")) }
        form.account method="post" action={ (MY_ACCOUNT) "?lang=" (lang.code()) } {
            input type="hidden" name="csrf" value=(staff.session.csrf_token);
            p { label for="current" { (lang.pick("Kata sandi sekarang", "Current password")) }
                input #current type="password" name="current" required autocomplete="current-password"; }
            p { label for="new" { (lang.pick("Kata sandi baru (minimal 12 karakter, 5 di antaranya berbeda)", "New password (at least 12 characters, 5 of them different)")) }
                input #new type="password" name="new" required minlength="12" autocomplete="new-password"; }
            p { label for="repeat" { (lang.pick("Ulangi kata sandi baru", "Repeat the new password")) }
                input #repeat type="password" name="repeat" required minlength="12" autocomplete="new-password"; }
            p.muted { (lang.pick("Semua sesi lain akun ini berakhir; sesi ini tetap.", "Every other session of this account ends; this one stays.")) }
            button.primary type="submit" { (lang.pick("Ganti kata sandi", "Change password")) }
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
    let refuse = |text: &str| {
        Ok(my_account_page(
            &cx,
            StatusCode::UNPROCESSABLE_ENTITY,
            Some(Err(text.to_string())),
        ))
    };
    if form.new != form.repeat {
        return refuse(lang.pick(
            "Kata sandi baru dan ulangannya berbeda.",
            "The new password and its repetition differ.",
        ));
    }
    if suara_domain::access::password_problem(&form.new).is_some() {
        return refuse(lang.pick(
            "Kata sandi baru minimal 12 karakter, 5 di antaranya berbeda.",
            "The new password needs at least 12 characters, 5 of them different.",
        ));
    }
    let hash = staff.session.account.password_hash.clone();
    match auth::verify_password_bounded(form.current.clone(), hash).await {
        Ok(true) => {}
        Ok(false) => {
            return refuse(lang.pick(
                "Kata sandi sekarang salah.",
                "The current password is wrong.",
            ))
        }
        Err(auth::Busy) => {
            return refuse(lang.pick(
                "Server sedang sibuk; coba lagi sebentar lagi.",
                "The server is busy; try again in a moment.",
            ))
        }
    }
    let hash = auth::hash_password_off_thread(form.new.clone())
        .await
        .map_err(|e| {
            PageError::Store(suara_store::StoreError::Corrupt(format!(
                "hashing the password: {e}"
            )))
        })?;
    let this_session = auth::cookie(&headers, SESSION_COOKIE).map(|t| auth::token_hash(&t));
    let change = AccountChange::Password {
        hash: &hash,
        keep: this_session.as_deref(),
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
    let done = lang.pick(
        "Kata sandi diganti; sesi lain akun ini sudah berakhir.",
        "Password changed; the account's other sessions have ended.",
    );
    Ok(my_account_page(
        &cx,
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
    let username = form.username.as_deref().unwrap_or_default();
    let one_time = auth::random_token()[..16].to_string();
    let hash = match form.action.as_deref() {
        Some("reset") => auth::hash_password_off_thread(one_time.clone())
            .await
            .map_err(|e| {
                PageError::Store(suara_store::StoreError::Corrupt(format!(
                    "hashing the password: {e}"
                )))
            })?,
        _ => String::new(),
    };
    let (change, done) = match form.action.as_deref() {
            Some("reset") => (
                AccountChange::Password { hash: &hash, keep: None },
                match lang {
                    Lang::Id => format!("Kata sandi sementara untuk {username} (tampil sekali ini saja, sampaikan langsung): {one_time}"),
                    Lang::En => format!("One-time password for {username} (shown this once only; hand it over in person): {one_time}"),
                },
            ),
            Some("disable") => (AccountChange::Disable, format!("{username}: {}", lang.pick("dinonaktifkan; sesinya berakhir seketika.", "disabled; its sessions ended at once."))),
            Some("enable") => (AccountChange::Enable, format!("{username}: {}", lang.pick("diaktifkan lagi.", "enabled again."))),
            Some("end_sessions") => (AccountChange::EndSessions, format!("{username}: {}", lang.pick("semua sesinya berakhir.", "all its sessions ended."))),
            _ => {
                let text = lang.pick("Pilih akun dan tindakannya.", "Choose an account and an action.").to_string();
                return super::users::accounts_page(&cx, StatusCode::UNPROCESSABLE_ENTITY, Some(Err(text)), None).await;
            }
        };
    if username == staff.username() && change == AccountChange::Disable {
        let text = lang
            .pick(
                "Anda tidak dapat menonaktifkan akun Anda sendiri.",
                "You cannot disable your own account.",
            )
            .to_string();
        return super::users::accounts_page(
            &cx,
            StatusCode::UNPROCESSABLE_ENTITY,
            Some(Err(text)),
            None,
        )
        .await;
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
            Err(lang
                .pick("Akun itu tidak ada.", "No such account.")
                .to_string()),
        )
    };
    super::users::accounts_page(&cx, status, Some(message), None).await
}

/// The action buttons of one row of the accounts table.
pub fn row_actions(lang: Lang, staff: &Staff, account: &suara_store::Account) -> maud::Markup {
    let button = |action: &str, label: &str| {
        html! {
            form.inline method="post" action={ (ACCOUNT_ACTION) "?lang=" (lang.code()) } {
                input type="hidden" name="csrf" value=(staff.session.csrf_token);
                input type="hidden" name="username" value=(account.username);
                button type="submit" name="action" value=(action) { (label) }
            }
        }
    };
    html! {
        (button("reset", lang.pick("Atur ulang kata sandi", "Reset password")))
        " "
        @if account.disabled { (button("enable", lang.pick("Aktifkan", "Enable"))) }
        @else if account.username != staff.username() { (button("disable", lang.pick("Nonaktifkan", "Disable"))) }
        " "
        (button("end_sessions", lang.pick("Akhiri sesi", "End sessions")))
    }
}
