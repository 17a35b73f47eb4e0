//! The organisation import: units, services, officers and service points from CSV files,
//! every row checked before anything is imported, with a check-only mode.

use axum::http::StatusCode;
use axum::response::Response;
use maud::{html, Markup};
use suara_domain::org::import::{plan_import, ImportFiles, ImportPlan, RowError, Table};
use time::OffsetDateTime;

use crate::i18n::Lang;
use crate::pages::context::{Look, StaffCx, Upload};
use crate::pages::failure::PageError;
use crate::routes;

pub const MAX_IMPORT_BYTES: usize = 8 * 1024 * 1024;

fn import_form(look: Look) -> Markup {
    let lang = look.lang;
    html! {
        form.import method="post" action=(look.action(routes::IMPORT)) enctype="multipart/form-data" {
            (look.csrf())
            @for table in Table::ALL {
                @let (required, optional) = table.columns();
                p {
                    label for=(table.code()) { code { (table.file_name()) } }
                    input id=(table.code()) type="file" name=(table.code()) accept=".csv,text/csv";
                    span.hint { (lang.pick("Kolom: ", "Columns: ")) code { (required.join(", ")) } @if !optional.is_empty() { " · " (lang.pick("opsional: ", "optional: ")) code { (optional.join(", ")) } } }
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
            "Unggah satu atau beberapa berkas CSV (UTF-8; pemisah koma, titik koma atau tab). Semua baris diperiksa dulu: bila ada satu baris salah, tidak ada yang diimpor. Mengimpor berkas yang sama dua kali tidak mengubah apa pun. Data yang tidak ada di berkas tidak dihapus. Pegawai yang pindah unit atau jabatan mendapat penugasan baru mulai tanggal di kolom",
            "Upload one or more CSV files (UTF-8; comma, semicolon or tab separated). Every row is checked first: if any row is wrong, nothing is imported. Importing the same files twice changes nothing. Records missing from the files are not deleted. An officer who changes unit or position gets a new assignment from the date in the column",
        ))
        " " code { "assigned_from" } " "
        (lang.pick("(bawaan: hari ini); riwayatnya tetap tersimpan.", "(default: today); the history is kept.")) }
    }
}

pub async fn import_page(cx: StaffCx) -> Result<Response, PageError> {
    let title = cx.pick("Impor organisasi", "Import organisation");
    let content = html! { h1 { (title) } (import_intro(cx.lang)) (import_form(cx.look())) };
    cx.ok(title, content)
}

pub async fn import_submit(cx: StaffCx, upload: Upload) -> Result<Response, PageError> {
    let (lang, look) = (cx.lang, cx.look());
    let action = upload.text("action").unwrap_or_default();
    let uploads: Vec<(Table, Vec<u8>)> = Table::ALL
        .into_iter()
        .filter_map(|t| upload.file(t.code()).map(|bytes| (t, bytes.to_vec())))
        .collect();
    let title = lang.pick("Impor organisasi", "Import organisation");
    if uploads.is_empty() {
        let content = html! {
            h1 { (title) }
            div.error-summary role="alert" tabindex="-1" {
                h2 { (lang.pick("Ada masalah", "There is a problem")) }
                p { a href={ "#" (Table::ALL[0].code()) } { (lang.pick("Pilih minimal satu berkas CSV.", "Choose at least one CSV file.")) } }
            }
            (import_form(look))
        };
        return Ok(cx.page(StatusCode::UNPROCESSABLE_ENTITY, title, content));
    }
    let mut files = ImportFiles::default();
    for (table, bytes) in &uploads {
        files.set(*table, bytes);
    }
    let now = OffsetDateTime::now_utc();
    let today = now.to_offset(cx.tenant.offset()).date();
    let snapshot = cx.app.store.org_snapshot(cx.tenant_id()).await?;
    let plan = match plan_import(&files, &snapshot, today) {
        Ok(plan) => plan,
        Err(errors) => {
            let content = html! { h1 { (title) } (error_table(lang, &errors)) (import_form(look)) };
            return Ok(cx.page(StatusCode::UNPROCESSABLE_ENTITY, title, content));
        }
    };
    let imported = action == "import" && !plan.is_empty();
    if imported {
        cx.app
            .store
            .apply_import(cx.tenant_id(), &plan, cx.username(), now)
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
        (import_form(look))
    };
    cx.ok(title, content)
}

fn error_table(lang: Lang, errors: &[RowError]) -> Markup {
    html! {
        div.error-summary role="alert" tabindex="-1" {
            p { strong { (errors.len()) " " (lang.pick("masalah ditemukan; tidak ada yang diimpor.", "problems found; nothing was imported.")) } }
        }
        table.data tabindex="0" {
            caption { (lang.pick("Baris yang perlu diperbaiki", "Rows to fix")) }
            thead { tr {
                th scope="col" { (lang.pick("Berkas", "File")) } th.num scope="col" { (lang.pick("Baris", "Line")) }
                th scope="col" { (lang.pick("Kolom", "Field")) } th scope="col" { (lang.pick("Masalah", "Problem")) }
            } }
            tbody { @for e in errors { tr {
                td { code { (e.table.file_name()) } } td.num { (e.line) } td { code { (e.field) } } td { (crate::i18n::reason_text(lang, &e.reason)) }
            } } }
        }
    }
}

fn plan_table(lang: Lang, plan: &ImportPlan, tables: &[Table]) -> Markup {
    html! {
        table.data tabindex="0" {
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
