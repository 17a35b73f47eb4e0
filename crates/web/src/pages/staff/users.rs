//! User accounts for the administrator: the list with each account's actions, and a new
//! account (the typed fields kept when it cannot be created).

use axum::http::StatusCode;
use axum::response::Response;
use maud::html;
use serde::Deserialize;
use suara_domain::access::Role;
use time::OffsetDateTime;

use super::outcome;
use crate::auth;
use crate::i18n::role_label;
use crate::pages::context::{CsrfForm, StaffCx};
use crate::pages::failure::PageError;
use crate::routes::ACCOUNTS;

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

pub(super) async fn accounts_page(
    cx: &StaffCx,
    status: StatusCode,
    message: Option<Result<String, String>>,
    typed: Option<&NewAccountForm>,
) -> Result<Response, PageError> {
    let (lang, staff) = (cx.lang, &cx.staff);
    let accounts = cx.app.store.accounts(cx.tenant_id()).await?;
    let units = cx.app.store.units(cx.tenant_id()).await?;
    let unit_name = |id: &str| {
        units
            .iter()
            .find(|u| u.unit_id == id)
            .map_or_else(|| id.to_string(), |u| u.name.clone())
    };
    let typed_role = typed.map(|f| f.role.as_str());
    let typed_unit = typed.and_then(|f| f.unit_id.as_deref());
    let title = lang.pick("Akun pengguna", "User accounts");
    let content = html! {
        h1 { (title) }
        (outcome(message.as_ref()))
        table.data.stacked {
            thead { tr {
                th scope="col" { (lang.pick("Nama pengguna", "Username")) }
                th scope="col" { (lang.pick("Peran", "Role")) }
                th scope="col" { (lang.pick("Unit atau NIP", "Unit or NIP")) }
                th scope="col" { (lang.pick("Status", "Status")) }
                th scope="col" { (lang.pick("Tindakan", "Actions")) }
            } }
            tbody { @for a in &accounts { tr {
                th scope="row" { (a.username) }
                td data-label=(lang.pick("Peran", "Role")) { (role_label(lang, a.role)) }
                td data-label=(lang.pick("Unit atau NIP", "Unit or NIP")) {
                    @if let Some(unit) = &a.unit_id { (unit_name(unit)) }
                    @else if let Some(nip) = &a.nip { "NIP " (nip) }
                    @else { "–" }
                }
                td data-label=(lang.pick("Status", "Status")) { @if a.disabled { strong { (lang.pick("nonaktif", "disabled")) } } @else { (lang.pick("aktif", "active")) } }
                td { (super::accounts::row_actions(lang, staff, a)) }
            } } }
        }
        h2 #tambah { (lang.pick("Tambah akun", "Add an account")) }
        form.account method="post" action={ (ACCOUNTS) "?lang=" (lang.code()) "#tambah" } {
            (cx.look().csrf())
            p { label for="username" { (lang.pick("Nama pengguna (huruf kecil, angka, titik, garis)", "Username (lower-case letters, digits, dots, dashes)")) } input #username name="username" required pattern="[a-z0-9._-]{3,64}" autocomplete="off" value=[typed.map(|f| f.username.as_str())]; }
            p { label for="role" { (lang.pick("Peran", "Role")) }
                select #role name="role" { @for role in Role::ALL { option value=(role.code()) selected[typed_role == Some(role.code())] { (role_label(lang, role)) } } } }
            p { label for="unit_id" { (lang.pick("Unit (untuk admin unit)", "Unit (for a unit admin)")) }
                select #unit_id name="unit_id" { option value="" { "–" } @for u in &units { option value=(u.unit_id) selected[typed_unit == Some(u.unit_id.as_str())] { (u.name) } } } }
            p { label for="nip" { (lang.pick("NIP (untuk akun pegawai)", "NIP (for an officer account)")) } input #nip name="nip" inputmode="numeric" pattern="[0-9]{18}" value=[typed.and_then(|f| f.nip.as_deref())]; }
            p { label for="password" { (lang.pick("Kata sandi awal (minimal 12 karakter)", "Initial password (at least 12 characters)")) } input #password type="password" name="password" required minlength="12" autocomplete="new-password"; }
            button.primary type="submit" { (lang.pick("Buat akun", "Create account")) }
        }
    };
    Ok(cx.page(status, title, content))
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
    let Some(role) = Role::from_code(&form.role) else {
        return Ok(Err(lang.pick("Pilih peran.", "Choose a role.").into()));
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
        return Ok(Err(crate::i18n::reason_text(lang, problem)));
    }
    let tenant_id = cx.tenant_id();
    if let Some(unit) = &unit_id {
        if app.store.unit(tenant_id, unit).await?.is_none() {
            return Ok(Err(format!(
                "{}: {unit}",
                lang.pick("Unit tidak dikenal", "Unknown unit")
            )));
        }
    }
    if let Some(nip) = &nip {
        if app.store.officer(tenant_id, nip).await?.is_none() {
            return Ok(Err(format!(
                "NIP {nip}: {}",
                lang.pick("pegawai tidak ditemukan", "no such officer")
            )));
        }
    }
    let password = form.password.clone();
    let hash = tokio::task::spawn_blocking(move || auth::hash_password(&password))
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
        Ok(Ok(format!(
            "{} {username}",
            lang.pick("Akun dibuat:", "Account created:")
        )))
    } else {
        Ok(Err(format!(
            "{username}: {}",
            lang.pick("nama pengguna sudah dipakai", "username is taken")
        )))
    }
}
