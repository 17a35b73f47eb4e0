//! TPP for BKPSDM and BPKAD: base amounts and other components imported from CSV, policy
//! versions edited as TOML, a month's payroll computed, reviewed, approved, locked and
//! exported. Approving and locking are finance's alone ([`Permission::ApprovePayroll`]).

use std::collections::BTreeMap;
use std::sync::Arc;

use axum::extract::{Multipart, OriginalUri, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Extension, Form};
use maud::{html, Markup};
use serde::Deserialize;
use suara_domain::access::Permission;
use suara_domain::decimal::Decimal;
use suara_domain::period::Month;
use suara_domain::tpp::inputs::{parse_base_amounts, parse_components, LineError};
use suara_domain::tpp::payroll::{differences, RunState};
use suara_domain::tpp::policy::{Policy, PolicyError, SatisfactionRule};
use suara_domain::tpp::rupiah;
use suara_store::{RunSummary, StoredRun, TppError};
use time::OffsetDateTime;

use super::dashboard::{current_month, tenant};
use super::{frame, href, outcome, respond};
use crate::access::{forbidden, TPP, TPP_IMPORT, TPP_POLICY, TPP_RUN};
use crate::auth::Staff;
use crate::i18n::Lang;
use crate::pages::{download, page, LangQuery, SheetFormat};
use crate::{ApiError, AppState};

/// Largest upload of a base-amount or component file.
pub const MAX_TPP_UPLOAD_BYTES: usize = 4 * 1024 * 1024;

/// "Rp3.823.500".
pub fn rp(amount: u64) -> String {
    format!("Rp{}", rupiah(amount))
}

pub fn state_label(lang: Lang, state: RunState) -> &'static str {
    match state {
        RunState::Draft => lang.pick("draf", "draft"),
        RunState::Reviewed => lang.pick("sudah diperiksa", "reviewed"),
        RunState::Approved => lang.pick("disetujui", "approved"),
        RunState::Locked => lang.pick("terkunci", "locked"),
    }
}

/// The rule of a policy in a sentence.
pub fn rule_text(lang: Lang, policy: &Policy) -> String {
    match &policy.rule {
        SatisfactionRule::Proportional { threshold } => match lang {
            Lang::Id => format!("nilai ≥ {threshold} → 100%; di bawahnya faktor = nilai/100"),
            Lang::En => format!("score ≥ {threshold} → 100%; below, factor = score/100"),
        },
        SatisfactionRule::LinearToThreshold { threshold } => match lang {
            Lang::Id => {
                format!("nilai ≥ {threshold} → 100%; di bawahnya faktor = nilai/{threshold}")
            }
            Lang::En => format!("score ≥ {threshold} → 100%; below, factor = score/{threshold}"),
        },
        SatisfactionRule::Steps { bands } => {
            let bands: Vec<String> = bands
                .iter()
                .map(|b| format!("≥ {} → {}", b.from, b.factor))
                .collect();
            match lang {
                Lang::Id => format!(
                    "tingkatan: {}; di bawah semua tingkatan 0",
                    bands.join(", ")
                ),
                Lang::En => format!("bands: {}; below every band 0", bands.join(", ")),
            }
        }
    }
}

fn month_href(lang: Lang, month: Month, version: Option<i64>) -> String {
    let mut pairs = vec![("lang", lang.code().to_string())];
    if let Some(v) = version {
        pairs.push(("versi", v.to_string()));
    }
    format!(
        "/tpp/{month}?{}",
        serde_urlencoded::to_string(pairs).unwrap_or_default()
    )
}

fn csrf_field(staff: &Staff) -> Markup {
    html! { input type="hidden" name="csrf" value=(staff.session.csrf_token); }
}

/// A user-facing message for a refused TPP action, or the error for the error page.
pub(super) fn refusal(lang: Lang, error: TppError) -> Result<(StatusCode, String), ApiError> {
    if let TppError::Store(e) = error {
        return Err(ApiError::Store(e));
    }
    let text = match &error {
        TppError::AwaitingLock(month, version) => match lang {
            Lang::Id => format!("Perhitungan {month} versi {version} sudah disetujui dan menunggu dikunci. Kunci dulu, lalu hitung ulang (menjadi versi baru)."),
            Lang::En => error.to_string(),
        },
        TppError::StateMoved { .. } => lang
            .pick(
                "Status perhitungan sudah diubah orang lain. Muat ulang halaman.",
                "Someone else changed the run's state. Reload the page.",
            )
            .to_string(),
        TppError::Locked => lang
            .pick("Perhitungan yang terkunci tidak berubah lagi.", "A locked run never changes.")
            .to_string(),
        TppError::PolicyVersionTaken(version) => match lang {
            Lang::Id => format!("Versi kebijakan “{version}” sudah ada dengan isi lain. Simpan perubahan sebagai versi baru."),
            Lang::En => error.to_string(),
        },
        TppError::UnknownOfficers(nips) => match lang {
            Lang::Id => format!("NIP tidak dikenal: {}. Tidak ada yang diimpor.", nips.join(", ")),
            Lang::En => format!("{error}. Nothing was imported."),
        },
        TppError::ReasonRequired => lang.pick("Tuliskan alasannya.", "Write down the reason.").to_string(),
        TppError::FourEyes { computed_by, reviewed_by } => match lang {
            Lang::Id => format!("Empat mata: yang menyetujui harus orang lain daripada yang menghitung ({computed_by}) dan yang memeriksa ({reviewed_by}). Minta rekan BPKAD lain menyetujui."),
            Lang::En => format!("Four eyes: the approver must be someone other than who computed it ({computed_by}) and who reviewed it ({reviewed_by}). Ask another BPKAD colleague to approve."),
        },
        TppError::NotTheirResponse(_) => lang
            .pick("Tanggapan itu tidak menyebut Anda.", "That response does not name you.")
            .to_string(),
        TppError::AlreadyAppealed => lang
            .pick("Tanggapan ini sudah diajukan keberatan.", "This response has been appealed already.")
            .to_string(),
        TppError::AlreadyDecided => lang
            .pick("Keberatan ini sudah diputuskan; keputusan bersifat final.", "This appeal has been decided already; decisions are final.")
            .to_string(),
        _ => error.to_string(),
    };
    let status = match error {
        TppError::StateMoved { .. }
        | TppError::AwaitingLock(..)
        | TppError::Locked
        | TppError::PolicyVersionTaken(_)
        | TppError::AlreadyAppealed
        | TppError::AlreadyDecided => StatusCode::CONFLICT,
        TppError::NoSuchRun(..) | TppError::NoSuchAppeal(_) => StatusCode::NOT_FOUND,
        TppError::FourEyes { .. } => StatusCode::FORBIDDEN,
        _ => StatusCode::UNPROCESSABLE_ENTITY,
    };
    Ok((status, text))
}

// ---------------------------------------------------------------------------------------
// The TPP overview: runs, base amounts, imports.

pub async fn overview(
    State(app): State<Arc<AppState>>,
    Extension(staff): Extension<Staff>,
    Query(query): Query<LangQuery>,
    uri: OriginalUri,
) -> Response {
    let lang = query.lang();
    let here = uri.to_string();
    let result = overview_page(&app, &staff, lang, &here, StatusCode::OK, None).await;
    respond(lang, &here, result)
}

async fn overview_page(
    app: &AppState,
    staff: &Staff,
    lang: Lang,
    here: &str,
    status: StatusCode,
    message: Option<Result<Markup, Markup>>,
) -> Result<Response, ApiError> {
    let tenant = tenant(app, staff).await?;
    let runs = app.store.payroll_runs(&tenant.tenant_id).await?;
    let bases = app.store.base_amounts(&tenant.tenant_id).await?;
    let last_month = current_month(&tenant).previous();
    let policy = app.store.policy_for(&tenant.tenant_id, last_month).await?;
    let title = lang.pick("TPP: perhitungan bulanan", "TPP: monthly payroll");
    let content = html! {
        h1 { (title) }
        @match &message {
            Some(Ok(m)) => { div.success role="status" { (m) } }
            Some(Err(m)) => { div.error-summary role="alert" tabindex="-1" { (m) } }
            None => {}
        }
        p { (lang.pick(
            "TPP setiap pegawai mengikuti kepuasan masyarakat menurut kebijakan yang berlaku. Alurnya: impor TPP dasar dan komponen lain, hitung bulan, periksa (BKPSDM), setujui lalu kunci (BPKAD), ekspor untuk pembayaran.",
            "Each officer's TPP follows public satisfaction under the policy in force. The flow: import base amounts and other components, compute the month, review (BKPSDM), approve then lock (BPKAD), export for payment.",
        )) }
        h2 { (lang.pick("Hitung TPP sebulan", "Compute a month's TPP")) }
        form method="post" action={ (TPP_RUN) "?lang=" (lang.code()) } {
            (csrf_field(staff))
            label for="month" { (lang.pick("Bulan", "Month")) }
            " "
            input #month type="month" name="month" value=(last_month) required;
            " "
            button type="submit" { (lang.pick("Hitung", "Compute")) }
        }
        p.muted { (lang.pick("Kebijakan yang berlaku untuk ", "Policy in force for ")) (last_month) ": "
            a href=(href(lang, TPP_POLICY, None)) { (policy.version) } " (" (rule_text(lang, &policy)) ")" }
        h2 { (lang.pick("Perhitungan", "Runs")) }
        @if runs.is_empty() {
            p { (lang.pick("Belum ada perhitungan.", "No runs yet.")) }
        } @else {
            (runs_table(lang, &runs))
        }
        h2 #dasar { (lang.pick("TPP dasar per kelas jabatan", "Base TPP per position class")) }
        @if bases.is_empty() {
            p { strong { (lang.pick("Belum diimpor: tanpa TPP dasar, pegawai tidak dapat dihitung.", "Not imported yet: without base amounts no officer can be paid.")) } }
        } @else {
            table.data {
                thead { tr { th scope="col" { (lang.pick("Kelas jabatan", "Position class")) } th.num scope="col" { (lang.pick("TPP dasar", "Base TPP")) } } }
                tbody { @for (class, amount) in &bases { tr { th scope="row" { (class) } td.num { (rp(*amount)) } } } }
            }
        }
        (upload_form(lang, staff, "base", lang.pick("Impor TPP dasar (mengganti tabel)", "Import base amounts (replaces the table)"), "position_class, base_amount"))
        h2 { (lang.pick("Komponen lain (kehadiran, produktivitas)", "Other components (attendance, productivity)")) }
        p { (lang.pick(
            "Hanya dipakai bila kebijakan memberinya bobot. Nilai 0–1 atau persen; baris untuk pegawai dan bulan yang sama menggantikan yang lama.",
            "Used only when the policy gives them weight. Values 0–1 or percentages; a row for the same officer and month replaces the old one.",
        )) }
        (upload_form(lang, staff, "components", lang.pick("Impor komponen", "Import components"), "nip, month, attendance, productivity"))
    };
    Ok(page(status, frame(lang, staff, title, here, content)))
}

fn runs_table(lang: Lang, runs: &[RunSummary]) -> Markup {
    html! {
        table.data {
            thead { tr {
                th scope="col" { (lang.pick("Bulan", "Month")) }
                th.num scope="col" { (lang.pick("Versi", "Version")) }
                th scope="col" { (lang.pick("Status", "State")) }
                th scope="col" { (lang.pick("Kebijakan", "Policy")) }
                th.num scope="col" { (lang.pick("Dibayar", "Paid")) }
                th.num scope="col" { (lang.pick("Tidak dibayar", "Unpaid")) }
                th.num scope="col" { (lang.pick("Jumlah", "Total")) }
            } }
            tbody { @for r in runs { tr {
                th scope="row" { a href=(month_href(lang, r.month, Some(r.version))) { (r.month) } }
                td.num { (r.version) }
                td { (state_label(lang, r.state)) }
                td { (r.policy_version) }
                td.num { (r.paid) }
                td.num { (r.unpaid) }
                td.num { (rp(r.total)) }
            } } }
        }
    }
}

fn upload_form(lang: Lang, staff: &Staff, kind: &str, label: &str, columns: &str) -> Markup {
    html! {
        form.import method="post" action={ (TPP_IMPORT) "?lang=" (lang.code()) } enctype="multipart/form-data" {
            (csrf_field(staff))
            input type="hidden" name="kind" value=(kind);
            p {
                label for={ "file-" (kind) } { (label) }
                input id={ "file-" (kind) } type="file" name="file" accept=".csv,text/csv" required;
                span.hint { (lang.pick("Kolom: ", "Columns: ")) code { (columns) } }
            }
            p.buttons { button type="submit" { (lang.pick("Impor", "Import")) } }
        }
    }
}

fn line_errors(lang: Lang, errors: &[LineError]) -> Markup {
    html! {
        p { strong { (errors.len()) " " (lang.pick("masalah ditemukan; tidak ada yang diimpor.", "problems found; nothing was imported.")) } }
        ul { @for e in errors { li { (lang.pick("Baris ", "Line ")) (e.line) ", " code { (e.field) } ": " (e.reason) } } }
    }
}

pub async fn import(
    State(app): State<Arc<AppState>>,
    Extension(staff): Extension<Staff>,
    Query(query): Query<LangQuery>,
    uri: OriginalUri,
    multipart: Multipart,
) -> Response {
    let lang = query.lang();
    let here = uri.to_string();
    let result = run_import(&app, &staff, lang, &here, multipart).await;
    respond(lang, &here, result)
}

async fn run_import(
    app: &AppState,
    staff: &Staff,
    lang: Lang,
    here: &str,
    mut multipart: Multipart,
) -> Result<Response, ApiError> {
    let (mut csrf, mut kind, mut file) = (None, None, None);
    while let Some(field) = multipart
        .next_field()
        .await
        .map_err(|e| ApiError::BadQuery(format!("the upload could not be read: {e}")))?
    {
        let name = field.name().unwrap_or_default().to_string();
        let bytes = field
            .bytes()
            .await
            .map_err(|e| ApiError::BadQuery(format!("the upload could not be read: {e}")))?;
        match name.as_str() {
            "csrf" => csrf = Some(String::from_utf8_lossy(&bytes).into_owned()),
            "kind" => kind = Some(String::from_utf8_lossy(&bytes).into_owned()),
            "file" => file = Some(bytes),
            _ => {}
        }
    }
    if !staff.csrf_ok(csrf.as_deref()) {
        return Ok(forbidden(lang));
    }
    let now = OffsetDateTime::now_utc();
    let tenant_id = staff.tenant_id();
    let file = file.filter(|f| !f.is_empty());
    let Some(file) = file else {
        let m = html! { p { (lang.pick("Pilih berkas CSV.", "Choose a CSV file.")) } };
        return overview_page(
            app,
            staff,
            lang,
            here,
            StatusCode::UNPROCESSABLE_ENTITY,
            Some(Err(m)),
        )
        .await;
    };
    let message = match kind.as_deref() {
        Some("base") => match parse_base_amounts(&file) {
            Err(errors) => Err(line_errors(lang, &errors)),
            Ok(rows) => {
                app.store
                    .replace_base_amounts(tenant_id, &rows, staff.username(), now)
                    .await?;
                Ok(
                    html! { p { (rows.len()) " " (lang.pick("kelas jabatan diimpor.", "position classes imported.")) } },
                )
            }
        },
        Some("components") => match parse_components(&file) {
            Err(errors) => Err(line_errors(lang, &errors)),
            Ok(rows) => match app
                .store
                .import_components(tenant_id, &rows, staff.username(), now)
                .await
            {
                Ok(()) => Ok(
                    html! { p { (rows.len()) " " (lang.pick("baris komponen diimpor.", "component rows imported.")) } },
                ),
                Err(error) => Err(html! { p { (refusal(lang, error)?.1) } }),
            },
        },
        _ => Err(
            html! { p { (lang.pick("Jenis impor tidak dikenal.", "Unknown kind of import.")) } },
        ),
    };
    let status = if message.is_ok() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    overview_page(app, staff, lang, here, status, Some(message)).await
}

// ---------------------------------------------------------------------------------------
// Computing a month, and one run's page.

#[derive(Deserialize)]
pub struct RunForm {
    pub csrf: Option<String>,
    pub month: Option<String>,
}

pub async fn compute(
    State(app): State<Arc<AppState>>,
    Extension(staff): Extension<Staff>,
    Query(query): Query<LangQuery>,
    uri: OriginalUri,
    Form(form): Form<RunForm>,
) -> Response {
    let lang = query.lang();
    let here = uri.to_string();
    if !staff.csrf_ok(form.csrf.as_deref()) {
        return forbidden(lang);
    }
    let result = async {
        let Some(month) = form.month.as_deref().and_then(|m| m.parse::<Month>().ok()) else {
            let m =
                html! { p { (lang.pick("Pilih bulan (TTTT-BB).", "Choose a month (YYYY-MM).")) } };
            return overview_page(
                &app,
                &staff,
                lang,
                &here,
                StatusCode::UNPROCESSABLE_ENTITY,
                Some(Err(m)),
            )
            .await;
        };
        match app
            .store
            .run_payroll(
                staff.tenant_id(),
                month,
                staff.username(),
                OffsetDateTime::now_utc(),
                &app.signer.key,
            )
            .await
        {
            Ok(summary) => {
                Ok(Redirect::to(&month_href(lang, month, Some(summary.version))).into_response())
            }
            Err(error) => {
                let (status, text) = refusal(lang, error)?;
                overview_page(
                    &app,
                    &staff,
                    lang,
                    &here,
                    status,
                    Some(Err(html! { p { (text) } })),
                )
                .await
            }
        }
    }
    .await;
    respond(lang, &here, result)
}

#[derive(Deserialize, Default)]
pub struct RunQuery {
    pub lang: Option<String>,
    pub versi: Option<i64>,
    pub unit: Option<String>,
}

fn parse_month(text: &str) -> Result<Month, ApiError> {
    text.parse()
        .map_err(|_| ApiError::BadQuery(format!("'{text}' is not a month (YYYY-MM)")))
}

pub async fn run_page(
    State(app): State<Arc<AppState>>,
    Extension(staff): Extension<Staff>,
    Path(month): Path<String>,
    Query(query): Query<RunQuery>,
    uri: OriginalUri,
) -> Response {
    let lang = Lang::from_code(query.lang.as_deref());
    let here = uri.to_string();
    let result = async {
        let month = parse_month(&month)?;
        render_run(
            &app,
            &staff,
            lang,
            &here,
            month,
            &query,
            StatusCode::OK,
            None,
        )
        .await
    }
    .await;
    respond(lang, &here, result)
}

#[allow(clippy::too_many_arguments)]
async fn render_run(
    app: &AppState,
    staff: &Staff,
    lang: Lang,
    here: &str,
    month: Month,
    query: &RunQuery,
    status: StatusCode,
    message: Option<Result<String, String>>,
) -> Result<Response, ApiError> {
    let tenant_id = staff.tenant_id();
    let Some(run) = app.store.payroll_run(tenant_id, month, query.versi).await? else {
        return Err(ApiError::NotFound(format!("no TPP run for {month}")));
    };
    let versions: Vec<RunSummary> = app
        .store
        .payroll_runs(tenant_id)
        .await?
        .into_iter()
        .filter(|r| r.month == month)
        .collect();
    let latest = versions.first().map(|r| r.version) == Some(run.summary.version);
    let previous = match run.summary.version {
        v if v > 1 => app.store.payroll_run(tenant_id, month, Some(v - 1)).await?,
        _ => None,
    };
    let title = format!("TPP {month}");
    let s = &run.summary;
    let offset = tenant(app, staff).await?.offset();
    let when = |at: OffsetDateTime| {
        at.to_offset(offset)
            .format(time::macros::format_description!(
                "[year]-[month]-[day] [hour]:[minute]"
            ))
            .unwrap_or_default()
    };
    let unit_totals = unit_totals(&run);
    let content = html! {
        p.crumbs { a href=(href(lang, TPP, None)) { "TPP" } }
        h1 { (title) " · " (lang.pick("versi ", "version ")) (s.version) }
        (outcome(message.as_ref()))
        dl.facts {
            dt { (lang.pick("Status", "State")) } dd { strong { (state_label(lang, s.state)) } }
            dt { (lang.pick("Kebijakan", "Policy")) } dd { (s.policy_version) " — " (rule_text(lang, &run.policy)) "; k = " (run.policy.blend_k) "; " (lang.pick("dihitung untuk TPP: ", "counted for TPP: ")) (super::explanation::trust_label(lang, run.policy.min_trust)) }
            @if run.policy.evidence.is_some() {
                @let (bounded, insufficient, units) = super::explanation::evidence_counts(&run);
                dt { (lang.pick("Bukti", "Evidence")) }
                dd { (bounded) (lang.pick(" pegawai dinilai dari batas atas nilainya; ", " officers scored from their score's upper end; "))
                    (insufficient) (lang.pick(" pegawai tanpa bukti cukup (komponen kepuasan 100%)", " officers without enough evidence (satisfaction component 100%)"))
                    @if !units.is_empty() { (lang.pick(", di unit: ", ", in units: ")) (units.join(", ")) } }
            }
            dt { (lang.pick("Dibayar", "Paid")) } dd { (s.paid) " " (lang.pick("pegawai", "officers")) ", " strong { (rp(s.total)) } }
            @if s.unpaid > 0 { dt { (lang.pick("Tidak dibayar", "Unpaid")) } dd { (s.unpaid) " " (lang.pick("pegawai (lihat di bawah)", "officers (see below)")) } }
            dt { (lang.pick("Ringkasan masukan", "Input digest")) } dd { code.digest { (s.input_digest) } }
            dt { (lang.pick("Riwayat", "History")) } dd { ul.plain { @for e in &run.events {
                li { (when(e.at)) " · " (state_label(lang, e.state)) " · " (e.actor) }
            } } }
            @if matches!(s.state, RunState::Draft | RunState::Reviewed) {
                @let reviewer = run.events.iter().rev().find(|e| e.state == RunState::Reviewed).map(|e| e.actor.as_str());
                dt { (lang.pick("Empat mata", "Four eyes")) }
                dd { (lang.pick("Yang menyetujui harus orang lain daripada yang menghitung (", "The approver must be someone other than who computed it ("))
                    (s.computed_by) @if let Some(r) = reviewer { (lang.pick(") dan yang memeriksa (", ") and who reviewed it (")) (r) } ")." }
            }
        }
        p {
            (lang.pick("Ekspor: ", "Export: "))
            a href={ "/tpp/" (month) "/ekspor?format=xlsx&versi=" (s.version) } { "xlsx" } " · "
            a href={ "/tpp/" (month) "/ekspor?format=csv&versi=" (s.version) } { "CSV" }
        }
        (state_actions(lang, staff, &run, latest))
        @if versions.len() > 1 {
            p { (lang.pick("Versi bulan ini: ", "Versions of this month: "))
                @for v in &versions {
                    @if v.version == s.version { strong { (v.version) } } @else { a href=(month_href(lang, month, Some(v.version))) { (v.version) } }
                    " (" (state_label(lang, v.state)) ") "
                }
            }
        }
        @if let Some(previous) = &previous {
            @let changes = differences(&previous.payroll, &run.payroll);
            h2 { (lang.pick("Perubahan dari versi ", "Changes from version ")) (previous.summary.version) }
            @if changes.is_empty() {
                p { (lang.pick("Tidak ada jumlah yang berubah.", "No amount changed.")) }
            } @else {
                table.data {
                    thead { tr { th scope="col" { "NIP" } th scope="col" { (lang.pick("Nama", "Name")) } th.num scope="col" { (lang.pick("Sebelum", "Before")) } th.num scope="col" { (lang.pick("Sesudah", "After")) } th.num scope="col" { (lang.pick("Selisih", "Difference")) } } }
                    tbody { @for d in &changes { tr {
                        th scope="row" { a href=(explain_href(lang, &d.nip, month)) { (d.nip) } }
                        td { (run.officer(&d.nip).or_else(|| previous.officer(&d.nip)).map_or("", |o| o.name.as_str())) }
                        td.num { (d.before.map_or("–".into(), rp)) }
                        td.num { (d.after.map_or("–".into(), rp)) }
                        td.num { (signed(d.after.unwrap_or(0), d.before.unwrap_or(0))) }
                    } } }
                }
            }
        }
        @if !run.payroll.unpaid.is_empty() {
            h2 { (lang.pick("Tidak dibayar", "Not paid")) }
            table.data {
                thead { tr { th scope="col" { "NIP" } th scope="col" { (lang.pick("Nama", "Name")) } th scope="col" { (lang.pick("Alasan", "Reason")) } } }
                tbody { @for u in &run.payroll.unpaid { tr {
                    th scope="row" { (u.nip) } td { (run.officer(&u.nip).map_or("", |o| o.name.as_str())) } td { (u.reason) }
                } } }
            }
        }
        h2 { (lang.pick("Per unit", "By unit")) }
        table.data {
            thead { tr { th scope="col" { "Unit" } th.num scope="col" { (lang.pick("Pegawai", "Officers")) } th.num scope="col" { (lang.pick("Jumlah", "Total")) } } }
            tbody { @for (unit_id, (name, count, total)) in &unit_totals { tr {
                th scope="row" { a href={ (month_href(lang, month, Some(s.version))) "&unit=" (unit_id) "#pegawai" } { (name) } }
                td.num { (count) } td.num { (rp(*total)) }
            } } }
        }
        @if let Some(unit) = query.unit.as_deref() {
            (unit_officers(lang, &run, unit))
        }
    };
    Ok(page(status, frame(lang, staff, &title, here, content)))
}

fn signed(after: u64, before: u64) -> String {
    if after >= before {
        format!("+{}", rp(after - before))
    } else {
        format!("−{}", rp(before - after))
    }
}

pub fn explain_href(lang: Lang, nip: &str, month: Month) -> String {
    format!(
        "/dasbor/pegawai/{nip}/tpp?bulan={month}&lang={}",
        lang.code()
    )
}

/// Unit code → (name, officers paid, total).
fn unit_totals(run: &StoredRun) -> BTreeMap<String, (String, usize, u64)> {
    let mut totals: BTreeMap<String, (String, usize, u64)> = BTreeMap::new();
    for row in &run.payroll.rows {
        let name = run
            .officer(&row.nip)
            .map_or(row.unit_id.clone(), |o| o.unit_name.clone());
        let entry = totals.entry(row.unit_id.clone()).or_insert((name, 0, 0));
        entry.1 += 1;
        entry.2 += row.explanation.amount;
    }
    totals
}

fn unit_officers(lang: Lang, run: &StoredRun, unit: &str) -> Markup {
    let rows: Vec<_> = run
        .payroll
        .rows
        .iter()
        .filter(|r| r.unit_id == unit)
        .collect();
    html! {
        h2 #pegawai { (run.officers.iter().find(|o| o.input.unit_id == unit).map_or(unit, |o| o.unit_name.as_str())) }
        table.data {
            thead { tr {
                th scope="col" { (lang.pick("Pegawai", "Officer")) }
                th scope="col" { (lang.pick("Kelas", "Class")) }
                th.num scope="col" { (lang.pick("TPP dasar", "Base")) }
                th.num scope="col" { (lang.pick("Nilai", "Score")) }
                th.num scope="col" { (lang.pick("Faktor", "Factor")) }
                th.num scope="col" { (lang.pick("Dibayar", "Paid")) }
            } }
            tbody { @for r in rows { tr {
                th scope="row" { a href=(explain_href(lang, &r.nip, run.summary.month)) { (run.officer(&r.nip).map_or("", |o| o.name.as_str())) } br; small { (r.nip) } }
                td { (r.position_class) }
                td.num { (rp(r.explanation.base)) }
                td.num { (r.explanation.score.map_or("–".to_string(), |s| s.to_string())) }
                td.num { (percent(lang, r.explanation.factor.paid)) }
                td.num { (rp(r.explanation.amount)) }
            } } }
        }
    }
}

/// A factor as a percentage: 0.7647 → "76,47%" (Indonesian), "76.47%" (English).
pub fn percent(lang: Lang, factor: Decimal) -> String {
    let places = factor.places();
    let percent = if places >= 2 {
        Decimal::new(factor.scaled(), places - 2)
    } else {
        Decimal::new(factor.scaled() * 10i64.pow(2 - places), 0)
    };
    format!("{}%", lang.decimal(percent))
}

fn state_actions(lang: Lang, staff: &Staff, run: &StoredRun, latest: bool) -> Markup {
    let s = &run.summary;
    let may_approve = staff.principal.may(Permission::ApprovePayroll);
    let (label, allowed) = match s.state {
        RunState::Draft => (
            lang.pick("Tandai sudah diperiksa", "Mark as reviewed"),
            true,
        ),
        RunState::Reviewed => (lang.pick("Setujui", "Approve"), may_approve),
        RunState::Approved => (lang.pick("Kunci (final)", "Lock (final)"), may_approve),
        RunState::Locked => ("", false),
    };
    let recompute = latest && s.state != RunState::Approved;
    html! {
        div.buttons {
            @if allowed {
                form.inline method="post" action={ "/tpp/" (s.month) "/status?lang=" (lang.code()) } {
                    (csrf_field(staff))
                    input type="hidden" name="version" value=(s.version);
                    input type="hidden" name="from" value=(s.state.code());
                    button type="submit" { (label) }
                }
                " "
            } @else if s.state != RunState::Locked {
                p.muted { (lang.pick("Persetujuan dan penguncian dilakukan BPKAD.", "Approving and locking are done by BPKAD.")) }
            }
            @if recompute {
                form.inline method="post" action={ (TPP_RUN) "?lang=" (lang.code()) } {
                    (csrf_field(staff))
                    input type="hidden" name="month" value=(s.month);
                    button type="submit" {
                        @if s.state == RunState::Locked { (lang.pick("Hitung ulang sebagai versi baru", "Recompute as a new version")) }
                        @else { (lang.pick("Hitung ulang draf", "Recompute the draft")) }
                    }
                }
            }
        }
    }
}

#[derive(Deserialize)]
pub struct StateForm {
    pub csrf: Option<String>,
    pub version: Option<i64>,
    pub from: Option<String>,
    /// `yes` from the confirmation page of an approval or a lock.
    pub confirm: Option<String>,
}

pub async fn advance(
    State(app): State<Arc<AppState>>,
    Extension(staff): Extension<Staff>,
    Path(month): Path<String>,
    Query(query): Query<LangQuery>,
    uri: OriginalUri,
    Form(form): Form<StateForm>,
) -> Response {
    let lang = query.lang();
    let here = uri.to_string();
    if !staff.csrf_ok(form.csrf.as_deref()) {
        return forbidden(lang);
    }
    let result = async {
        let month = parse_month(&month)?;
        let (Some(version), Some(from)) = (
            form.version,
            form.from.as_deref().and_then(RunState::from_code),
        ) else {
            return Err(ApiError::BadQuery("version and from are required".into()));
        };
        // Reviewing is BKPSDM's or BPKAD's; approving and locking are finance's alone.
        if from != RunState::Draft && !staff.principal.may(Permission::ApprovePayroll) {
            return Ok(forbidden(lang));
        }
        // Approving and locking cannot be undone: a page naming the consequences first.
        if from != RunState::Draft && form.confirm.as_deref() != Some("yes") {
            let Some(run) = app
                .store
                .payroll_run(staff.tenant_id(), month, Some(version))
                .await?
            else {
                return Err(ApiError::NotFound(format!("TPP {month} v{version}")));
            };
            let pending = super::run_confirm::Pending {
                month,
                version,
                from,
                total: run.summary.total,
                officers: run.summary.paid,
            };
            return Ok(super::run_confirm::page_for(lang, &staff, &here, &pending));
        }
        let query = RunQuery {
            lang: query.lang.clone(),
            versi: Some(version),
            unit: None,
        };
        let outcome = app
            .store
            .advance_run(
                staff.tenant_id(),
                month,
                version,
                from,
                staff.username(),
                OffsetDateTime::now_utc(),
            )
            .await;
        let (status, message) = match outcome {
            Ok(to) => (
                StatusCode::OK,
                Ok(format!(
                    "{} {}.",
                    lang.pick("Status kini:", "State now:"),
                    state_label(lang, to)
                )),
            ),
            Err(error) => {
                let (status, text) = refusal(lang, error)?;
                (status, Err(text))
            }
        };
        render_run(
            &app,
            &staff,
            lang,
            &here,
            month,
            &query,
            status,
            Some(message),
        )
        .await
    }
    .await;
    respond(lang, &here, result)
}

#[derive(Deserialize, Default)]
pub struct ExportQuery {
    pub format: Option<String>,
    pub versi: Option<i64>,
    pub lang: Option<String>,
}

pub async fn export(
    State(app): State<Arc<AppState>>,
    Extension(staff): Extension<Staff>,
    Path(month): Path<String>,
    Query(query): Query<ExportQuery>,
    uri: OriginalUri,
) -> Response {
    let lang = Lang::from_code(query.lang.as_deref());
    let here = uri.to_string();
    let result = async {
        let month = parse_month(&month)?;
        let tenant = tenant(&app, &staff).await?;
        let Some(run) = app
            .store
            .payroll_run(&tenant.tenant_id, month, query.versi)
            .await?
        else {
            return Err(ApiError::NotFound(format!("no TPP run for {month}")));
        };
        let format = SheetFormat::from_query(query.format.as_deref())?;
        let bytes = match format {
            SheetFormat::Xlsx => suara_reports::tpp::payroll_xlsx(&run, &tenant.name),
            SheetFormat::Csv => suara_reports::tpp::payroll_csv(&run),
        };
        let stem = format!("tpp-{}-{month}-v{}", tenant.tenant_id, run.summary.version);
        download(format, &stem, bytes)
    }
    .await;
    respond(lang, &here, result)
}

// ---------------------------------------------------------------------------------------
// Policies.

pub async fn policies(
    State(app): State<Arc<AppState>>,
    Extension(staff): Extension<Staff>,
    Query(query): Query<LangQuery>,
    uri: OriginalUri,
) -> Response {
    let lang = query.lang();
    let here = uri.to_string();
    let result = policies_page(&app, &staff, lang, &here, StatusCode::OK, None, None).await;
    respond(lang, &here, result)
}

async fn policies_page(
    app: &AppState,
    staff: &Staff,
    lang: Lang,
    here: &str,
    status: StatusCode,
    message: Option<Result<String, Markup>>,
    draft: Option<&str>,
) -> Result<Response, ApiError> {
    let tenant = tenant(app, staff).await?;
    let saved = app.store.policies(&tenant.tenant_id).await?;
    let month = current_month(&tenant);
    let in_force = app.store.policy_for(&tenant.tenant_id, month).await?;
    let text = draft.map_or_else(|| in_force.to_toml(), str::to_string);
    let title = lang.pick("Kebijakan TPP", "TPP policies");
    let content = html! {
        p.crumbs { a href=(href(lang, TPP, None)) { "TPP" } }
        h1 { (title) }
        @match &message {
            Some(Ok(m)) => { div.success role="status" { p { (m) } } }
            Some(Err(m)) => { div.error-summary role="alert" tabindex="-1" { (m) } }
            None => {}
        }
        p { (lang.pick("Berlaku bulan ini: ", "In force this month: ")) strong { (in_force.version) } " — " (rule_text(lang, &in_force)) }
        @if saved.is_empty() {
            p { (lang.pick(
                "Belum ada kebijakan tersimpan; yang dipakai adalah bawaan (nilai ≥ 80 → 100%, di bawahnya nilai/100).",
                "No policy saved yet; the default applies (score ≥ 80 → 100%, below it score/100).",
            )) }
        } @else {
            table.data {
                thead { tr {
                    th scope="col" { (lang.pick("Versi", "Version")) } th scope="col" { (lang.pick("Berlaku", "Effective")) }
                    th scope="col" { (lang.pick("Aturan", "Rule")) } th scope="col" { (lang.pick("Disimpan", "Saved")) }
                } }
                tbody { @for p in &saved { tr {
                    th scope="row" { (p.policy.version) }
                    td { (p.policy.effective_from) " – " (p.policy.effective_until.map_or("…".to_string(), |m| m.to_string())) }
                    td { (rule_text(lang, &p.policy)) }
                    td { (p.saved_by) }
                } } }
            }
        }
        h2 { (lang.pick("Simpan versi baru", "Save a new version")) }
        p { (lang.pick(
            "Ubah teks di bawah (format TOML, lihat README), beri nama versi baru dan bulan mulai berlaku. Versi yang tersimpan tidak pernah diubah; perhitungan mencatat versi yang dipakainya.",
            "Edit the text below (TOML, see the README), give it a new version name and the month it takes effect. A saved version never changes; each run records the version it used.",
        )) }
        form method="post" action={ (TPP_POLICY) "?lang=" (lang.code()) } {
            (csrf_field(staff))
            label for="policy" { (lang.pick("Kebijakan (TOML)", "Policy (TOML)")) }
            textarea #policy name="policy" rows="18" spellcheck="false" { (text) }
            p.buttons { button type="submit" { (lang.pick("Periksa dan simpan", "Check and save")) } }
        }
    };
    Ok(page(status, frame(lang, staff, title, here, content)))
}

#[derive(Deserialize)]
pub struct PolicyForm {
    pub csrf: Option<String>,
    #[serde(default)]
    pub policy: String,
}

pub async fn save_policy(
    State(app): State<Arc<AppState>>,
    Extension(staff): Extension<Staff>,
    Query(query): Query<LangQuery>,
    uri: OriginalUri,
    Form(form): Form<PolicyForm>,
) -> Response {
    let lang = query.lang();
    let here = uri.to_string();
    if !staff.csrf_ok(form.csrf.as_deref()) {
        return forbidden(lang);
    }
    let result = async {
        let saved = app
            .store
            .save_policy(staff.tenant_id(), &form.policy, staff.username(), OffsetDateTime::now_utc())
            .await;
        let (status, message) = match saved {
            Ok(policy) => (
                StatusCode::OK,
                Ok(format!("{} {} {} {}.", lang.pick("Versi", "Version"), policy.version, lang.pick("tersimpan, berlaku mulai", "saved, in force from"), policy.effective_from)),
            ),
            Err(TppError::Policy(PolicyError::Invalid(problems))) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                Err(html! {
                    p { strong { (lang.pick("Kebijakan belum dapat disimpan:", "The policy cannot be saved yet:")) } }
                    ul { @for p in &problems { li { code { (p.field) } ": " (p.reason) } } }
                }),
            ),
            Err(TppError::Policy(error)) => (StatusCode::UNPROCESSABLE_ENTITY, Err(html! { p { (error.to_string()) } })),
            Err(error) => {
                let (status, text) = refusal(lang, error)?;
                (status, Err(html! { p { (text) } }))
            }
        };
        let keep = message.is_err().then_some(form.policy.as_str());
        policies_page(&app, &staff, lang, &here, status, Some(message), keep).await
    }
    .await;
    respond(lang, &here, result)
}
