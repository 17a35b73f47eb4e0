//! The organisation import: units, services, officers and service points from CSV files,
//! every row checked before anything is imported, with a check-only mode.

use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::Response;
use maud::{html, Markup};
use suara_domain::org::import::{plan_import, ImportFiles, ImportPlan, RowError, Table};
use suara_domain::org::template;
use suara_reports::template::import_template_xlsx;
use time::OffsetDateTime;

use crate::api::query::ApiQuery;
use crate::api::responses::SheetDownload;
use crate::pages::context::{Look, StaffCx, Upload};
use crate::pages::failure::{Missing, PageError};
use crate::pages::{download, SheetFormat};
use crate::routes;
use suara_app::i18n::catalogue as T;
use suara_app::i18n::Lang;

pub const MAX_IMPORT_BYTES: usize = 8 * 1024 * 1024;

fn import_form(look: Look) -> Markup {
    let lang = look.lang;
    html! {
        form.import method="post" action=(look.action(routes::IMPORT)) enctype="multipart/form-data" {
            (look.csrf())
            @for table in Table::ALL {
                @let (required, optional) = table.columns();
                @let headers = |columns: &[&str]| columns.iter().map(|c| template::header(table, c)).collect::<Vec<_>>().join(", ");
                @let template = routes::import_template(table.code());
                p {
                    label for=(table.code()) { (table_label(lang, table)) }
                    input id=(table.code()) type="file" name=(table.code()) accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
                    span.hint { (lang.t(T::COLUMNS)) (headers(required)) @if !optional.is_empty() { " · " (lang.t(T::OPTIONAL)) (headers(optional)) } }
                    span.hint { (lang.t(T::TEMPLATE))
                        a href=(look.href(&template)) download { "Excel" } " · "
                        a href={ (look.href(&template)) "&format=csv" } download { "CSV" } }
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

/// What a file holds, in words.
fn table_label(lang: Lang, table: Table) -> &'static str {
    lang.t(match table {
        Table::Units => T::TABLE_UNITS,
        Table::Services => T::TABLE_SERVICES,
        Table::Points => T::TABLE_POINTS,
        Table::Officers => T::OFFICERS,
        Table::Villages => T::TABLE_VILLAGES,
        Table::Catalogue => T::TABLE_CATALOGUE,
        Table::Issues => T::TABLE_ISSUES,
    })
}

/// A column as its template heads it (a row error names the column as the user sees it).
fn column_label(lang: Lang, table: Table, column: &str) -> String {
    let whole = match column {
        "file" => Some(T::FILE),
        "header" => Some(T::COLUMN_HEADERS),
        "row" => Some(T::ROW),
        _ => None,
    };
    match (whole, template::header(table, column)) {
        (Some(text), _) => lang.t(text).to_string(),
        (None, "") => column.to_string(),
        (None, header) => header.to_string(),
    }
}

fn import_intro(lang: Lang) -> Markup {
    html! {
        p { (lang.t(T::UPLOAD_ONE_OR_MORE_CSV_FILES_UTF))
        " " (template::header(Table::Officers, "assigned_from")) " "
        (lang.t(T::DEFAULT_TODAY_THE_HISTORY_IS_KEPT)) }
        p { (lang.t(T::TEMPLATES_HINT)) }
    }
}

/// An import file's template, with the Indonesian headers and an example row: xlsx, or CSV
/// with `format=csv`.
#[utoipa::path(get, path = routes::IMPORT_TEMPLATE, tag = "organisation",
    params(("table" = String, Path, description = "units, services, points, officers, villages, catalogue or issues"), ("format" = Option<String>, Query, description = "xlsx (the default) or csv")),
    security(("session" = [])),
    responses(SheetDownload))]
pub async fn template(
    cx: StaffCx,
    Path(code): Path<String>,
    ApiQuery(query): ApiQuery<TemplateQuery>,
) -> Result<Response, PageError> {
    let table = Table::ALL
        .into_iter()
        .find(|t| t.code() == code)
        .ok_or(PageError::NotFound(Missing::Page))?;
    let stem = format!("templat-{}", folded_name(table_label(cx.lang, table)));
    let bytes = match SheetFormat::from_query(query.format.as_deref())? {
        SheetFormat::Xlsx => {
            let sheets = (
                cx.t(T::TEMPLATE_SHEET_FILL),
                cx.t(T::TEMPLATE_SHEET_EXAMPLE),
            );
            (SheetFormat::Xlsx, import_template_xlsx(table, sheets))
        }
        SheetFormat::Csv => (SheetFormat::Csv, Ok(template::csv(table))),
    };
    Ok(download(bytes.0, &stem, bytes.1)?)
}

#[derive(serde::Deserialize)]
pub struct TemplateQuery {
    format: Option<String>,
}

/// A label as a file name: lowercase words joined by dashes.
fn folded_name(label: &str) -> String {
    label
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-")
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
                td { (table_label(lang, e.table)) } td.num { (e.line) } td { (column_label(lang, e.table, &e.field)) } td { (suara_app::i18n::reason_text(lang, &e.reason)) }
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
                th scope="row" { (table_label(lang, *table)) } td.num { (c.added) } td.num { (c.updated) }
            } } }
        }
        p.muted { (plan.unchanged) " " (lang.t(T::ROWS_UNCHANGED)) }
        @if !plan.departures.is_empty() {
            table.data tabindex="0" {
                caption { (lang.t(T::OFFICERS_WHO_LEAVE)) }
                thead { tr {
                    th scope="col" { (lang.t(T::NAME)) } th scope="col" { "NIP" }
                    th scope="col" { (lang.t(T::LAST_WORKING_DAY)) } th scope="col" { (lang.t(T::REASON)) }
                } }
                tbody { @for d in &plan.departures { tr {
                    th scope="row" { (d.name) } td { (d.nip) }
                    td { (lang.date(d.departure.last_day)) }
                    td { (super::departure::reason_label(lang, d.departure.reason)) }
                } } }
            }
        }
        @if !plan.contacts.is_empty() {
            table.data tabindex="0" {
                caption { (lang.fill(T::N_OFFICER_EMAILS, &[&plan.contacts.len()])) }
                thead { tr {
                    th scope="col" { (lang.t(T::NAME)) } th scope="col" { "NIP" }
                    th scope="col" { (lang.t(T::EMAIL_ADDRESS)) }
                } }
                tbody { @for c in &plan.contacts { tr {
                    th scope="row" { (c.name) } td { (c.nip) } td { (c.email) }
                } } }
            }
        }
        @if plan.starting_today > 0 {
            div.hint-box { p { (lang.fill(T::N_START_TODAY, &[&plan.starting_today])) } }
        }
        @if !plan.starts_kept.is_empty() {
            table.data tabindex="0" {
                caption { (lang.t(T::STARTS_KEPT)) }
                thead { tr {
                    th scope="col" { (lang.t(T::NAME)) } th scope="col" { "NIP" }
                    th scope="col" { (lang.t(T::STORED_START)) } th scope="col" { (lang.t(T::START_IN_THE_FILE)) }
                } }
                tbody { @for k in &plan.starts_kept { tr {
                    th scope="row" { (k.name) } td { (k.nip) }
                    td { (lang.date(k.stored)) } td { (lang.date(k.given)) }
                } } }
            }
        }
        @if !plan.ignored_columns.is_empty() {
            p { (lang.t(T::COLUMNS_NOT_USED))
                (plan.ignored_columns.iter().map(|(t, c)| format!("{c} ({})", table_label(lang, *t))).collect::<Vec<_>>().join(", ")) }
        }
    }
}
