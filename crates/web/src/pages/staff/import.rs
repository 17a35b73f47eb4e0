//! The organisation import: units, services, officers and service points from CSV files,
//! every row checked before anything is imported, with a check-only mode.

use axum::http::StatusCode;
use axum::response::Response;
use maud::{html, Markup};
use suara_domain::org::import::{plan_import, ImportFiles, ImportPlan, RowError, Table};
use time::OffsetDateTime;

use crate::i18n::catalogue as T;
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
                    input id=(table.code()) type="file" name=(table.code()) accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
                    span.hint { (lang.t(T::COLUMNS)) code { (required.join(", ")) } @if !optional.is_empty() { " · " (lang.t(T::OPTIONAL)) code { (optional.join(", ")) } } }
                }
            }
            p.buttons {
                button type="submit" name="action" value="check" { (lang.t(T::CHECK_ONLY_IMPORTS_NOTHING)) }
                " "
                button.primary type="submit" name="action" value="import" { (lang.t(T::CHECK_THEN_IMPORT)) }
            }
        }
    }
}

fn import_intro(lang: Lang) -> Markup {
    html! {
        p { (lang.t(T::UPLOAD_ONE_OR_MORE_CSV_FILES_UTF))
        " " code { "assigned_from" } " "
        (lang.t(T::DEFAULT_TODAY_THE_HISTORY_IS_KEPT)) }
    }
}

pub async fn import_page(cx: StaffCx) -> Result<Response, PageError> {
    let title = cx.t(T::IMPORT_ORGANISATION);
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
    let title = lang.t(T::IMPORT_ORGANISATION);
    if uploads.is_empty() {
        let content = html! {
            h1 { (title) }
            div.error-summary role="alert" tabindex="-1" {
                h2 { (lang.t(T::THERE_IS_A_PROBLEM)) }
                p { a href={ "#" (Table::ALL[0].code()) } { (lang.t(T::CHOOSE_AT_LEAST_ONE_CSV_FILE)) } }
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
                @if imported { (lang.t(T::IMPORT_DONE)) }
                @else if plan.is_empty() { (lang.t(T::NO_CHANGES_EVERY_ROW_EQUALS_THE_STORED)) }
                @else { (lang.t(T::THE_CHECK_PASSED_NOTHING_HAS_BEEN_IMPORTED)) }
            } }
        }
        (plan_table(lang, &plan, &uploads.iter().map(|(t, _)| *t).collect::<Vec<_>>()))
        @if !imported && !plan.is_empty() {
            p { (lang.t(T::TO_IMPORT_CHOOSE_THE_SAME_FILES_AND)) }
        }
        (import_form(look))
    };
    cx.ok(title, content)
}

fn error_table(lang: Lang, errors: &[RowError]) -> Markup {
    html! {
        div.error-summary role="alert" tabindex="-1" {
            p { strong { (errors.len()) " " (lang.t(T::PROBLEMS_FOUND_NOTHING_WAS_IMPORTED)) } }
        }
        table.data tabindex="0" {
            caption { (lang.t(T::ROWS_TO_FIX)) }
            thead { tr {
                th scope="col" { (lang.t(T::FILE)) } th.num scope="col" { (lang.t(T::LINE)) }
                th scope="col" { (lang.t(T::FIELD_2)) } th scope="col" { (lang.t(T::PROBLEM)) }
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
            caption { (lang.t(T::CHANGES)) }
            thead { tr {
                th scope="col" { (lang.t(T::FILE)) } th.num scope="col" { (lang.t(T::NEW)) }
                th.num scope="col" { (lang.t(T::CHANGED)) }
            } }
            tbody { @for table in tables { @let c = plan.counts(*table); tr {
                th scope="row" { code { (table.file_name()) } } td.num { (c.added) } td.num { (c.updated) }
            } } }
        }
        p.muted { (plan.unchanged) " " (lang.t(T::ROWS_UNCHANGED)) }
        @if !plan.ignored_columns.is_empty() {
            p { (lang.t(T::COLUMNS_NOT_USED))
                (plan.ignored_columns.iter().map(|(t, c)| format!("{c} ({})", t.file_name())).collect::<Vec<_>>().join(", ")) }
        }
    }
}
