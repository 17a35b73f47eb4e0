//! Administration: importing the organisation from CSV (with a dry run), the audit log, and
//! user accounts.

use std::sync::Arc;

use axum::extract::{Multipart, OriginalUri, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::{Extension, Form};
use maud::{html, Markup};
use serde::Deserialize;
use suara_domain::access::Role;
use suara_domain::org::import::{plan_import, ImportFiles, ImportPlan, RowError, Table};
use time::OffsetDateTime;

use super::{frame, ok, outcome, respond};
use crate::access::{forbidden, ACCOUNTS, AUDIT, IMPORT};
use crate::auth::{self, Staff};
use crate::i18n::Lang;
use crate::pages::{page, LangQuery};
use crate::{ApiError, AppState};

/// Largest upload of the import form (all files together).
pub const MAX_IMPORT_BYTES: usize = 8 * 1024 * 1024;

fn import_form(lang: Lang, staff: &Staff) -> Markup {
    html! {
        form.import method="post" action={ (IMPORT) "?lang=" (lang.code()) } enctype="multipart/form-data" {
            input type="hidden" name="csrf" value=(staff.session.csrf_token);
            @for table in Table::ALL {
                @let (required, optional) = table.columns();
                p {
                    label for=(table.code()) { code { (table.file_name()) } }
                    input id=(table.code()) type="file" name=(table.code()) accept=".csv,text/csv";
                    span.hint { (lang.pick("Kolom: ", "Columns: ")) (required.join(", ")) @if !optional.is_empty() { " · " (lang.pick("opsional: ", "optional: ")) (optional.join(", ")) } }
                }
            }
            p.buttons {
                button type="submit" name="action" value="check" { (lang.pick("Periksa saja (tidak mengimpor)", "Check only (imports nothing)")) }
                " "
                button.primary type="submit" name="action" value="import" { (lang.pick("Periksa lalu impor", "Check, then import")) }
            }
        }
    }
}

fn import_intro(lang: Lang) -> Markup {
    html! {
        p { (lang.pick(
            "Unggah satu atau beberapa berkas CSV (UTF-8; pemisah koma, titik koma atau tab). Semua baris diperiksa dulu: bila ada satu baris salah, tidak ada yang diimpor. Mengimpor berkas yang sama dua kali tidak mengubah apa pun. Data yang tidak ada di berkas tidak dihapus. Pegawai yang pindah unit atau jabatan mendapat penugasan baru mulai assigned_from (bawaan: hari ini); riwayatnya tetap tersimpan.",
            "Upload one or more CSV files (UTF-8; comma, semicolon or tab separated). Every row is checked first: if any row is wrong, nothing is imported. Importing the same files twice changes nothing. Records missing from the files are not deleted. An officer who changes unit or position gets a new assignment from assigned_from (default: today); the history is kept.",
        )) }
    }
}

pub async fn import_page(
    Extension(staff): Extension<Staff>,
    Query(query): Query<LangQuery>,
    uri: OriginalUri,
) -> Response {
    let lang = query.lang();
    let here = uri.to_string();
    let title = lang.pick("Impor organisasi", "Import organisation");
    let content = html! { h1 { (title) } (import_intro(lang)) (import_form(lang, &staff)) };
    respond(lang, &here, ok(frame(lang, &staff, title, &here, content)))
}

pub async fn import_submit(
    State(app): State<Arc<AppState>>,
    Extension(staff): Extension<Staff>,
    Query(query): Query<LangQuery>,
    uri: OriginalUri,
    multipart: Multipart,
) -> Response {
    let lang = query.lang();
    let here = uri.to_string();
    respond(
        lang,
        &here,
        run_import(&app, &staff, lang, &here, multipart).await,
    )
}

async fn run_import(
    app: &AppState,
    staff: &Staff,
    lang: Lang,
    here: &str,
    mut multipart: Multipart,
) -> Result<Response, ApiError> {
    let mut csrf = None;
    let mut action = String::new();
    let mut uploads: Vec<(Table, Vec<u8>)> = Vec::new();
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(e) => {
                return Err(ApiError::BadQuery(format!(
                    "the upload could not be read: {e}"
                )))
            }
        };
        let name = field.name().unwrap_or_default().to_string();
        let bytes = field
            .bytes()
            .await
            .map_err(|e| ApiError::BadQuery(format!("the upload could not be read: {e}")))?;
        match name.as_str() {
            "csrf" => csrf = Some(String::from_utf8_lossy(&bytes).into_owned()),
            "action" => action = String::from_utf8_lossy(&bytes).into_owned(),
            _ => {
                if let Some(table) = Table::ALL.into_iter().find(|t| t.code() == name) {
                    if !bytes.is_empty() {
                        uploads.push((table, bytes.to_vec()));
                    }
                }
            }
        }
    }
    if !staff.csrf_ok(csrf.as_deref()) {
        return Ok(forbidden(lang));
    }
    let title = lang.pick("Impor organisasi", "Import organisation");
    if uploads.is_empty() {
        let content = html! {
            h1 { (title) }
            div.error-summary role="alert" { p { (lang.pick("Pilih minimal satu berkas CSV.", "Choose at least one CSV file.")) } }
            (import_form(lang, staff))
        };
        return Ok(page(
            StatusCode::UNPROCESSABLE_ENTITY,
            frame(lang, staff, title, here, content),
        ));
    }
    let mut files = ImportFiles::default();
    for (table, bytes) in &uploads {
        files.set(*table, bytes);
    }
    let tenant = app.tenant(Some(staff.tenant_id())).await?;
    let now = OffsetDateTime::now_utc();
    let today = now.to_offset(tenant.offset()).date();
    let snapshot = app.store.org_snapshot(&tenant.tenant_id).await?;
    let plan = match plan_import(&files, &snapshot, today) {
        Ok(plan) => plan,
        Err(errors) => {
            let content =
                html! { h1 { (title) } (error_table(lang, &errors)) (import_form(lang, staff)) };
            return Ok(page(
                StatusCode::UNPROCESSABLE_ENTITY,
                frame(lang, staff, title, here, content),
            ));
        }
    };
    let imported = action == "import" && !plan.is_empty();
    if imported {
        app.store
            .apply_import(&tenant.tenant_id, &plan, staff.username(), now)
            .await?;
    }
    let content = html! {
        h1 { (title) }
        div.success role="status" {
            p { strong {
                @if imported { (lang.pick("Impor selesai.", "Import done.")) }
                @else if plan.is_empty() { (lang.pick("Tidak ada perubahan: semua baris sama dengan data tersimpan.", "No changes: every row equals the stored data.")) }
                @else { (lang.pick("Pemeriksaan lolos. Belum ada yang diimpor.", "The check passed. Nothing has been imported yet.")) }
            } }
        }
        (plan_table(lang, &plan, &uploads.iter().map(|(t, _)| *t).collect::<Vec<_>>()))
        @if !imported && !plan.is_empty() {
            p { (lang.pick("Untuk mengimpor, pilih berkas yang sama lalu tekan “Periksa lalu impor”.", "To import, choose the same files and press “Check, then import”.")) }
        }
        (import_form(lang, staff))
    };
    ok(frame(lang, staff, title, here, content))
}

fn error_table(lang: Lang, errors: &[RowError]) -> Markup {
    html! {
        div.error-summary role="alert" tabindex="-1" {
            p { strong { (errors.len()) " " (lang.pick("masalah ditemukan; tidak ada yang diimpor.", "problems found; nothing was imported.")) } }
        }
        table.data {
            caption { (lang.pick("Baris yang perlu diperbaiki", "Rows to fix")) }
            thead { tr {
                th scope="col" { (lang.pick("Berkas", "File")) } th.num scope="col" { (lang.pick("Baris", "Line")) }
                th scope="col" { (lang.pick("Kolom", "Field")) } th scope="col" { (lang.pick("Masalah", "Problem")) }
            } }
            tbody { @for e in errors { tr {
                td { code { (e.table.file_name()) } } td.num { (e.line) } td { code { (e.field) } } td { (e.reason) }
            } } }
        }
    }
}

fn plan_table(lang: Lang, plan: &ImportPlan, tables: &[Table]) -> Markup {
    html! {
        table.data {
            caption { (lang.pick("Perubahan", "Changes")) }
            thead { tr {
                th scope="col" { (lang.pick("Berkas", "File")) } th.num scope="col" { (lang.pick("Baru", "New")) }
                th.num scope="col" { (lang.pick("Diubah", "Changed")) }
            } }
            tbody { @for table in tables { @let c = plan.counts(*table); tr {
                th scope="row" { code { (table.file_name()) } } td.num { (c.added) } td.num { (c.updated) }
            } } }
        }
        p.muted { (plan.unchanged) " " (lang.pick("baris tidak berubah.", "rows unchanged.")) }
    }
}

#[derive(Deserialize, Default)]
pub struct AuditQuery {
    pub before: Option<i64>,
    pub lang: Option<String>,
}

const AUDIT_PAGE: u32 = 100;

pub async fn audit(
    State(app): State<Arc<AppState>>,
    Extension(staff): Extension<Staff>,
    Query(query): Query<AuditQuery>,
    uri: OriginalUri,
) -> Response {
    let lang = Lang::from_code(query.lang.as_deref());
    let here = uri.to_string();
    let result = async {
        let tenant = app.tenant(Some(staff.tenant_id())).await?;
        let entries = app.store.audit_log(&tenant.tenant_id, query.before, AUDIT_PAGE).await?;
        let title = lang.pick("Log audit", "Audit log");
        let offset = tenant.offset();
        let content = html! {
            h1 { (title) }
            p { (lang.pick("Setiap perubahan administratif, terbaru di atas. Log ini hanya bisa ditambah, tidak bisa diubah atau dihapus.", "Every administrative change, newest first. This log can only be added to, never changed or deleted.")) }
            table.data.audit {
                thead { tr {
                    th scope="col" { "#" } th scope="col" { (lang.pick("Waktu", "Time")) } th scope="col" { (lang.pick("Oleh", "By")) }
                    th scope="col" { (lang.pick("Perubahan", "Change")) } th scope="col" { (lang.pick("Sebelum → sesudah", "Before → after")) }
                } }
                tbody { @for e in &entries { tr {
                    td.num { (e.audit_id) }
                    td { (e.at.to_offset(offset).format(time::macros::format_description!("[year]-[month]-[day] [hour]:[minute]:[second]")).unwrap_or_default()) }
                    td { (e.actor) }
                    td { (e.action) " " (e.entity) " " code { (e.entity_id) } }
                    td { details {
                        summary { (lang.pick("lihat", "show")) }
                        @if let Some(before) = &e.before { p { strong { (lang.pick("Sebelum", "Before")) } br; code { (before) } } }
                        @if let Some(after) = &e.after { p { strong { (lang.pick("Sesudah", "After")) } br; code { (after) } } }
                    } }
                } } }
            }
            @if entries.len() == AUDIT_PAGE as usize {
                @if let Some(last) = entries.last() {
                    p { a href={ (AUDIT) "?lang=" (lang.code()) "&before=" (last.audit_id) } { (lang.pick("Lebih lama →", "Older →")) } }
                }
            }
        };
        ok(frame(lang, &staff, title, &here, content))
    }
    .await;
    respond(lang, &here, result)
}

#[derive(Deserialize)]
pub struct NewAccountForm {
    pub csrf: Option<String>,
    #[serde(default)]
    pub username: String,
    #[serde(default)]
    pub role: String,
    pub unit_id: Option<String>,
    pub nip: Option<String>,
    #[serde(default)]
    pub password: String,
}

pub async fn accounts(
    State(app): State<Arc<AppState>>,
    Extension(staff): Extension<Staff>,
    Query(query): Query<LangQuery>,
    uri: OriginalUri,
) -> Response {
    let lang = query.lang();
    let here = uri.to_string();
    respond(
        lang,
        &here,
        accounts_page(&app, &staff, lang, &here, StatusCode::OK, None).await,
    )
}

pub(super) async fn accounts_page(
    app: &AppState,
    staff: &Staff,
    lang: Lang,
    here: &str,
    status: StatusCode,
    message: Option<Result<String, String>>,
) -> Result<Response, ApiError> {
    let accounts = app.store.accounts(staff.tenant_id()).await?;
    let units = app.store.units(staff.tenant_id()).await?;
    let title = lang.pick("Akun pengguna", "User accounts");
    let content = html! {
        h1 { (title) }
        (outcome(message.as_ref()))
        table.data.stacked {
            thead { tr {
                th scope="col" { (lang.pick("Nama pengguna", "Username")) }
                th scope="col" { (lang.pick("Peran", "Role")) }
                th scope="col" { "Unit / NIP" }
                th scope="col" { (lang.pick("Status", "Status")) }
                th scope="col" { (lang.pick("Tindakan", "Actions")) }
            } }
            tbody { @for a in &accounts { tr {
                th scope="row" { (a.username) }
                td data-label=(lang.pick("Peran", "Role")) { (a.role.label_id()) }
                td data-label="Unit / NIP" { (a.unit_id.as_deref().or(a.nip.as_deref()).unwrap_or("–")) }
                td data-label=(lang.pick("Status", "Status")) { @if a.disabled { strong { (lang.pick("nonaktif", "disabled")) } } @else { (lang.pick("aktif", "active")) } }
                td { (super::accounts::row_actions(lang, staff, a)) }
            } } }
        }
        h2 { (lang.pick("Tambah akun", "Add an account")) }
        form.account method="post" action={ (ACCOUNTS) "?lang=" (lang.code()) } {
            input type="hidden" name="csrf" value=(staff.session.csrf_token);
            p { label for="username" { (lang.pick("Nama pengguna", "Username")) } input #username name="username" required pattern="[a-z0-9._-]{3,64}" autocomplete="off"; }
            p { label for="role" { (lang.pick("Peran", "Role")) }
                select #role name="role" { @for role in Role::ALL { option value=(role.code()) { (role.label_id()) } } } }
            p { label for="unit_id" { (lang.pick("Unit (untuk admin unit)", "Unit (for a unit admin)")) }
                select #unit_id name="unit_id" { option value="" { "–" } @for u in &units { option value=(u.unit_id) { (u.name) } } } }
            p { label for="nip" { (lang.pick("NIP (untuk akun pegawai)", "NIP (for an officer account)")) } input #nip name="nip" inputmode="numeric" pattern="[0-9]{18}"; }
            p { label for="password" { (lang.pick("Kata sandi awal (minimal 12 karakter)", "Initial password (at least 12 characters)")) } input #password type="password" name="password" required minlength="12" autocomplete="new-password"; }
            button.primary type="submit" { (lang.pick("Buat akun", "Create account")) }
        }
    };
    Ok(page(status, frame(lang, staff, title, here, content)))
}

pub async fn create_account(
    State(app): State<Arc<AppState>>,
    Extension(staff): Extension<Staff>,
    Query(query): Query<LangQuery>,
    uri: OriginalUri,
    Form(form): Form<NewAccountForm>,
) -> Response {
    let lang = query.lang();
    let here = uri.to_string();
    if !staff.csrf_ok(form.csrf.as_deref()) {
        return forbidden(lang);
    }
    let result = async {
        let outcome = add_account(&app, &staff, &form, lang).await?;
        let status = if outcome.is_ok() {
            StatusCode::CREATED
        } else {
            StatusCode::UNPROCESSABLE_ENTITY
        };
        accounts_page(&app, &staff, lang, &here, status, Some(outcome)).await
    }
    .await;
    respond(lang, &here, result)
}

/// Creates the account, or says in words what is wrong with the form.
async fn add_account(
    app: &AppState,
    staff: &Staff,
    form: &NewAccountForm,
    lang: Lang,
) -> Result<Result<String, String>, ApiError> {
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
        return Ok(Err(problem.into()));
    }
    let tenant_id = staff.tenant_id();
    if let Some(unit) = &unit_id {
        if app.store.unit(tenant_id, unit).await?.is_none() {
            return Ok(Err(format!("unit '{unit}'?")));
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
        .ok_or_else(|| ApiError::BadQuery("the password could not be hashed".into()))?;
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
            staff.username(),
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
