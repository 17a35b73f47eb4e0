//! The TPP start page: runs, base amounts, imports, and computing a month that has ended.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use maud::{html, Markup};
use serde::Deserialize;
use suara_domain::period::Month;
use suara_domain::tpp::inputs::{parse_base_amounts, parse_components, LineError};
use suara_domain::tpp::policy::Policy;
use suara_store::RunSummary;
use time::OffsetDateTime;

use super::{month_href, refusal, rp, rule_text, state_label};
use crate::pages::context::{CsrfForm, Look, StaffCx, Upload};
use crate::pages::failure::PageError;
use crate::routes;

/// What the page shows, loaded from the store.
pub struct OverviewView {
    pub runs: Vec<RunSummary>,
    pub bases: std::collections::BTreeMap<String, u64>,
    /// The latest month that has ended: the one to compute.
    pub last_month: Month,
    pub current_month: Month,
    pub policy: Policy,
}

async fn load(cx: &StaffCx) -> Result<OverviewView, PageError> {
    let store = &cx.app.store;
    let current_month = cx.current_month();
    let last_month = current_month.previous();
    Ok(OverviewView {
        runs: store.payroll_runs(cx.tenant_id()).await?,
        bases: store.base_amounts(cx.tenant_id()).await?,
        policy: store.policy_for(cx.tenant_id(), last_month).await?,
        last_month,
        current_month,
    })
}

/// The page with an optional outcome of a form (a confirmation or the problem).
async fn respond(
    cx: &StaffCx,
    status: StatusCode,
    message: Option<Result<Markup, Markup>>,
) -> Result<Response, PageError> {
    let view = load(cx).await?;
    let (title, content) = render(cx.look(), &view, message.as_ref());
    Ok(cx.page(status, title, content))
}

pub async fn overview(cx: StaffCx) -> Result<Response, PageError> {
    respond(&cx, StatusCode::OK, None).await
}

pub fn render(
    look: Look,
    view: &OverviewView,
    message: Option<&Result<Markup, Markup>>,
) -> (&'static str, Markup) {
    let lang = look.lang;
    let title = look.pick("TPP: perhitungan bulanan", "TPP: monthly payroll");
    let content = html! {
        h1 { (title) }
        @match message {
            Some(Ok(m)) => { div.success role="status" { (m) } }
            Some(Err(m)) => { div.error-summary role="alert" tabindex="-1" { h2 { (look.pick("Ada masalah", "There is a problem")) } (m) } }
            None => {}
        }
        p { (look.pick(
            "TPP setiap pegawai mengikuti kepuasan masyarakat menurut kebijakan yang berlaku. Alurnya: impor TPP dasar dan komponen lain, hitung bulan yang sudah berakhir, periksa (BKPSDM), setujui lalu kunci (BPKAD), ekspor untuk pembayaran.",
            "Each officer's TPP follows public satisfaction under the policy in force. The flow: import base amounts and other components, compute a month that has ended, review (BKPSDM), approve then lock (BPKAD), export for payment.",
        )) }
        h2 { (look.pick("Hitung TPP sebulan", "Compute a month's TPP")) }
        form method="post" action=(look.action(routes::TPP_RUN)) {
            (look.csrf())
            label for="month" { (look.pick("Bulan yang sudah berakhir", "A month that has ended")) }
            " "
            input #month type="month" name="month" value=(view.last_month) max=(view.last_month) required;
            " "
            button.primary type="submit" { (look.pick("Hitung", "Compute")) }
        }
        p.muted { (look.pick("Kebijakan yang berlaku untuk ", "Policy in force for ")) (lang.month(view.last_month)) ": "
            a href=(look.href(routes::TPP_POLICY)) { (view.policy.version) } " (" (rule_text(lang, &view.policy)) ")" }
        p { a href=(look.href(&routes::tpp_month(&view.current_month.to_string()))) {
            (look.pick("Pratinjau sementara bulan berjalan", "Provisional preview of the current month")) " (" (lang.month(view.current_month)) ")"
        } }
        h2 { (look.pick("Perhitungan", "Runs")) }
        @if view.runs.is_empty() {
            p { (look.pick("Belum ada perhitungan.", "No runs yet.")) }
        } @else {
            (runs_table(look, &view.runs))
        }
        h2 #dasar { (look.pick("TPP dasar per kelas jabatan", "Base TPP per position class")) }
        @if view.bases.is_empty() {
            p { strong { (look.pick("Belum diimpor: tanpa TPP dasar, pegawai tidak dapat dihitung.", "Not imported yet: without base amounts no officer can be paid.")) } }
        } @else {
            table.data tabindex="0" {
                thead { tr { th scope="col" { (look.pick("Kelas jabatan", "Position class")) } th.num scope="col" { (look.pick("TPP dasar", "Base TPP")) } } }
                tbody { @for (class, amount) in &view.bases { tr { th scope="row" { (class) } td.num { (rp(*amount)) } } } }
            }
        }
        (upload_form(look, "base", look.pick("Impor TPP dasar (mengganti tabel)", "Import base amounts (replaces the table)"), "position_class, base_amount"))
        h2 { (look.pick("Komponen lain (kehadiran, produktivitas)", "Other components (attendance, productivity)")) }
        p { (look.pick(
            "Hanya dipakai bila kebijakan memberinya bobot. Nilai 0–1 atau persen; baris untuk pegawai dan bulan yang sama menggantikan yang lama.",
            "Used only when the policy gives them weight. Values 0–1 or percentages; a row for the same officer and month replaces the old one.",
        )) }
        (upload_form(look, "components", look.pick("Impor komponen", "Import components"), "nip, month, attendance, productivity"))
    };
    (title, content)
}

fn runs_table(look: Look, runs: &[RunSummary]) -> Markup {
    let lang = look.lang;
    html! {
        table.data tabindex="0" {
            thead { tr {
                th scope="col" { (look.pick("Bulan", "Month")) }
                th.num scope="col" { (look.pick("Jumlah", "Total")) }
                th scope="col" { (look.pick("Status", "State")) }
                th.num scope="col" { (look.pick("Versi", "Version")) }
                th scope="col" { (look.pick("Kebijakan", "Policy")) }
                th.num scope="col" { (look.pick("Dibayar", "Paid")) }
                th.num scope="col" { (look.pick("Tidak dibayar", "Unpaid")) }
            } }
            tbody { @for r in runs { tr {
                th scope="row" { a href=(month_href(lang, r.month, Some(r.version))) { (lang.month(r.month)) } }
                td.num { (rp(r.total)) }
                td { (state_label(lang, r.state)) }
                td.num { (r.version) }
                td { (r.policy_version) }
                td.num { (r.paid) }
                td.num { (r.unpaid) }
            } } }
        }
    }
}

fn upload_form(look: Look, kind: &str, label: &str, columns: &str) -> Markup {
    html! {
        form.import method="post" action=(look.action(routes::TPP_IMPORT)) enctype="multipart/form-data" {
            (look.csrf())
            input type="hidden" name="kind" value=(kind);
            p {
                label for={ "file-" (kind) } { (label) }
                input id={ "file-" (kind) } type="file" name="file" accept=".csv,text/csv" required;
                span.hint { (look.pick("Kolom: ", "Columns: ")) code { (columns) } }
            }
            p.buttons { button type="submit" { (look.pick("Impor", "Import")) } }
        }
    }
}

fn line_errors(look: Look, errors: &[LineError]) -> Markup {
    html! {
        p { strong { (errors.len()) " " (look.pick("masalah ditemukan; tidak ada yang diimpor.", "problems found; nothing was imported.")) } }
        ul { @for e in errors { li { (look.pick("Baris ", "Line ")) (e.line) ", " code { (e.field) } ": " (e.reason) } } }
    }
}

pub async fn import(cx: StaffCx, upload: Upload) -> Result<Response, PageError> {
    let look = cx.look();
    let now = OffsetDateTime::now_utc();
    let store = &cx.app.store;
    let Some(file) = upload.file("file") else {
        let m = html! { p { (look.pick("Pilih berkas CSV.", "Choose a CSV file.")) } };
        return respond(&cx, StatusCode::UNPROCESSABLE_ENTITY, Some(Err(m))).await;
    };
    let message = match upload.text("kind").as_deref() {
        Some("base") => match parse_base_amounts(file) {
            Err(errors) => Err(line_errors(look, &errors)),
            Ok(rows) => {
                store
                    .replace_base_amounts(cx.tenant_id(), &rows, cx.username(), now)
                    .await?;
                Ok(
                    html! { p { (rows.len()) " " (look.pick("kelas jabatan diimpor.", "position classes imported.")) } },
                )
            }
        },
        Some("components") => match parse_components(file) {
            Err(errors) => Err(line_errors(look, &errors)),
            Ok(rows) => match store
                .import_components(cx.tenant_id(), &rows, cx.username(), now)
                .await
            {
                Ok(()) => Ok(
                    html! { p { (rows.len()) " " (look.pick("baris komponen diimpor.", "component rows imported.")) } },
                ),
                Err(error) => Err(html! { p { (refusal(cx.lang, error)?.1) } }),
            },
        },
        _ => Err(
            html! { p { (look.pick("Jenis impor tidak dikenal.", "Unknown kind of import.")) } },
        ),
    };
    let status = if message.is_ok() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    respond(&cx, status, Some(message)).await
}

#[derive(Deserialize)]
pub struct RunForm {
    pub month: Option<String>,
}

pub async fn compute(
    cx: StaffCx,
    CsrfForm(form): CsrfForm<RunForm>,
) -> Result<Response, PageError> {
    let Some(month) = form.month.as_deref().and_then(|m| m.parse::<Month>().ok()) else {
        let m = html! { p { (cx.pick("Pilih bulan (TTTT-BB).", "Choose a month (YYYY-MM).")) } };
        return respond(&cx, StatusCode::UNPROCESSABLE_ENTITY, Some(Err(m))).await;
    };
    let computed = cx
        .app
        .store
        .run_payroll(
            cx.tenant_id(),
            month,
            cx.username(),
            OffsetDateTime::now_utc(),
            &cx.app.signer.key,
        )
        .await;
    match computed {
        Ok(summary) => {
            Ok(Redirect::to(&month_href(cx.lang, month, Some(summary.version))).into_response())
        }
        Err(error) => {
            let (status, text) = refusal(cx.lang, error)?;
            respond(&cx, status, Some(Err(html! { p { (text) } }))).await
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn the_page_offers_only_ended_months_and_a_preview() {
        let month = |m: &str| m.parse::<Month>().unwrap();
        let view = OverviewView {
            runs: Vec::new(),
            bases: [("7".to_string(), 3_300_000)].into(),
            last_month: month("2026-10"),
            current_month: month("2026-11"),
            policy: Policy::regency_default(),
        };
        let look = Look {
            lang: Lang::Id,
            csrf: "token",
        };
        let (title, markup) = render(look, &view, None);
        let html = markup.into_string();
        assert!(title.starts_with("TPP"));
        assert!(html.contains(r#"max="2026-10""#));
        assert!(html.contains("Pratinjau sementara bulan berjalan"));
        assert!(html.contains("November 2026"));
        assert!(html.contains("Rp3.300.000"));
        assert!(html.contains(r#"value="token""#));
    }
}
