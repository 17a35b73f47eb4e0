//! User accounts for the administrator: the list with each account's actions, and a new
//! account (the typed fields kept when it cannot be created).

use axum::http::StatusCode;
use axum::response::Response;
use maud::{html, Markup};
use serde::Deserialize;
use suara_domain::access::Role;
use suara_domain::org::Unit;
use suara_store::Account;
use time::OffsetDateTime;

use super::outcome;
use crate::pages::context::{CsrfForm, Look, StaffCx};
use crate::pages::failure::PageError;
use crate::routes::{ACCOUNTS, ACCOUNT_ACTION};
use suara_app::i18n::catalogue as T;
use suara_app::i18n::role_label;

#[derive(Deserialize)]
pub struct NewAccountForm {
    #[serde(default)]
    pub username: String,
    #[serde(default)]
    pub role: String,
    pub unit_id: Option<String>,
    pub nip: Option<String>,
    #[serde(default)]
    pub password: String,
}

pub async fn accounts(cx: StaffCx) -> Result<Response, PageError> {
    accounts_page(&cx, StatusCode::OK, None, None).await
}

/// What the accounts page shows, loaded from the store.
pub struct UsersView {
    pub accounts: Vec<Account>,
    pub units: Vec<Unit>,
    /// The signed-in user's username.
    pub own: String,
}

pub(super) async fn accounts_page(
    cx: &StaffCx,
    status: StatusCode,
    message: Option<Result<String, String>>,
    typed: Option<&NewAccountForm>,
) -> Result<Response, PageError> {
    let view = UsersView {
        accounts: cx.app.store.accounts(cx.tenant_id()).await?,
        units: cx.app.store.units(cx.tenant_id()).await?,
        own: cx.username().to_string(),
    };
    let (title, content) = render(cx.look(), &view, message.as_ref(), typed);
    Ok(cx.page(status, title, content))
}

pub fn render(
    look: Look,
    view: &UsersView,
    message: Option<&Result<String, String>>,
    typed: Option<&NewAccountForm>,
) -> (&'static str, Markup) {
    let lang = look.lang;
    let (accounts, units) = (view.accounts.as_slice(), view.units.as_slice());
    let unit_name = |id: &str| {
        units
            .iter()
            .find(|u| u.unit_id == id)
            .map_or_else(|| id.to_string(), |u| u.name.clone())
    };
    // A new account starts as the least role: an officer who sees only their own figures.
    let typed_role = Some(typed.map_or(Role::Officer.code(), |f| f.role.as_str()));
    let typed_unit = typed.and_then(|f| f.unit_id.as_deref());
    let title = lang.t(T::USER_ACCOUNTS);
    let content = html! {
        h1 { (title) }
        (outcome(message))
        p { a href=(look.href(crate::routes::OFFICER_ACCOUNTS)) { (lang.t(T::MAKE_ACCOUNTS_FOR_A_UNIT_S_OFFICERS)) } }
        table.data.stacked {
            thead { tr {
                th scope="col" { (lang.t(T::USERNAME)) }
                th scope="col" { (lang.t(T::ROLE)) }
                th scope="col" { (lang.t(T::UNIT_OR_NIP)) }
                th scope="col" { (lang.t(T::STATUS)) }
                th scope="col" { (lang.t(T::ACTIONS)) }
            } }
            tbody { @for a in accounts { tr {
                th scope="row" { (a.username) }
                td data-label=(lang.t(T::ROLE)) { (role_label(lang, a.role)) }
                td data-label=(lang.t(T::UNIT_OR_NIP)) {
                    @if let Some(unit) = &a.unit_id { (unit_name(unit)) }
                    @else if let Some(nip) = &a.nip { "NIP " (nip) }
                    @else { "–" }
                }
                td data-label=(lang.t(T::STATUS)) { @if a.disabled { strong { (lang.t(T::DISABLED)) } } @else { (lang.t(T::ACTIVE)) } }
                td { (row_actions(look, &view.own, a)) }
            } } }
        }
        h2 #tambah { (lang.t(T::ADD_AN_ACCOUNT)) }
        form.account method="post" action={ (ACCOUNTS) "?lang=" (lang.code()) "#tambah" } {
            (look.csrf())
            p { label for="username" { (lang.t(T::USERNAME_LOWER_CASE_LETTERS_DIGITS_DOTS_DASHES)) } input #username name="username" required pattern="[a-z0-9._-]{3,64}" autocomplete="off" value=[typed.map(|f| f.username.as_str())]; }
            p { label for="role" { (lang.t(T::ROLE)) }
                select #role name="role" { @for role in Role::ALL.into_iter().filter(|r| r.granted_by_regency()) { option value=(role.code()) selected[typed_role == Some(role.code())] { (role_label(lang, role)) } } } }
            p { label for="unit_id" { (lang.t(T::UNIT_FOR_A_UNIT_ADMIN)) }
                select #unit_id name="unit_id" { option value="" { "–" } @for u in units { option value=(u.unit_id) selected[typed_unit == Some(u.unit_id.as_str())] { (u.name) } } } }
            p { label for="nip" { (lang.t(T::NIP_FOR_AN_OFFICER_ACCOUNT)) } input #nip name="nip" inputmode="numeric" pattern="[0-9]{18}" value=[typed.and_then(|f| f.nip.as_deref())]; }
            p { label for="password" { (lang.t(T::INITIAL_PASSWORD_AT_LEAST_12_CHARACTERS)) } input #password type="password" name="password" required minlength="12" autocomplete="new-password"; }
            button.primary type="submit" { (lang.t(T::CREATE_ACCOUNT)) }
        }
    };
    (title, content)
}

pub async fn create_account(
    cx: StaffCx,
    CsrfForm(form): CsrfForm<NewAccountForm>,
) -> Result<Response, PageError> {
    let outcome = add_account(&cx, &form).await?;
    let status = if outcome.is_ok() {
        StatusCode::CREATED
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let typed = outcome.is_err().then_some(&form);
    accounts_page(&cx, status, Some(outcome), typed).await
}

async fn add_account(
    cx: &StaffCx,
    form: &NewAccountForm,
) -> Result<Result<String, String>, PageError> {
    let (app, lang) = (&cx.app, cx.lang);
    let blank = |v: &Option<String>| {
        v.as_deref()
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(str::to_string)
    };
    let username = form.username.trim();
    let Some(role) = Role::from_code(&form.role).filter(|r| r.granted_by_regency()) else {
        return Ok(Err(lang.t(T::CHOOSE_A_ROLE).into()));
    };
    let unit_id = blank(&form.unit_id).filter(|_| role == Role::UnitAdmin);
    let nip = blank(&form.nip).filter(|_| role == Role::Officer);
    let problem = suara_domain::access::new_account_problem(
        username,
        role,
        unit_id.as_deref(),
        nip.as_deref(),
        &form.password,
    );
    if let Some(problem) = problem {
        return Ok(Err(suara_app::i18n::reason_text(lang, &problem)));
    }
    let tenant_id = cx.tenant_id();
    if let Some(unit) = &unit_id {
        if app.store.unit(tenant_id, unit).await?.is_none() {
            return Ok(Err(format!("{}: {unit}", lang.t(T::UNKNOWN_UNIT))));
        }
    }
    if let Some(nip) = &nip {
        if app.store.officer(tenant_id, nip).await?.is_none() {
            return Ok(Err(format!("NIP {nip}: {}", lang.t(T::NO_SUCH_OFFICER))));
        }
    }
    let password = form.password.clone();
    let hash =
        tokio::task::spawn_blocking(move || suara_app::credentials::hash_password(&password))
            .await
            .ok()
            .and_then(Result::ok)
            .ok_or_else(|| {
                PageError::Store(suara_store::StoreError::Corrupt(
                    "the password could not be hashed".into(),
                ))
            })?;
    let account = suara_store::NewAccount {
        username,
        password_hash: &hash,
        // The administrator chose it: the holder replaces it at their first sign-in.
        must_change_password: true,
        role,
        unit_id: unit_id.as_deref(),
        nip: nip.as_deref(),
    };
    if app
        .store
        .create_account(
            tenant_id,
            &account,
            cx.username(),
            OffsetDateTime::now_utc(),
        )
        .await?
    {
        Ok(Ok(format!("{} {username}", lang.t(T::ACCOUNT_CREATED))))
    } else {
        Ok(Err(format!("{username}: {}", lang.t(T::USERNAME_IS_TAKEN))))
    }
}

/// The action buttons of one row of the accounts table; `own` is the user's username (no
/// one disables their own account).
fn row_actions(look: Look, own: &str, account: &Account) -> Markup {
    let button = |action: &str, label: &str| {
        html! {
            form.inline method="post" action=(look.action(ACCOUNT_ACTION)) {
                (look.csrf())
                input type="hidden" name="username" value=(account.username);
                button type="submit" name="action" value=(action) { (label) }
            }
        }
    };
    if !account.role.granted_by_regency() {
        return html! { (look.t(T::ACCOUNT_KEPT_BY_THE_OPERATOR)) };
    }
    html! {
        (button("reset", look.t(T::RESET_PASSWORD)))
        " "
        @if account.disabled { (button("enable", look.t(T::ENABLE))) }
        @else if account.username != own { (button("disable", look.t(T::DISABLE))) }
        " "
        (button("end_sessions", look.t(T::END_SESSIONS)))
    }
}
