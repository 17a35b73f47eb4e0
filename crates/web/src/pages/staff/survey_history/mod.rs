//! A unit's past SKM from Google Forms or LimeSurvey, imported into its trend: upload the
//! export, check the mapping the page guessed (columns, date order, unusual answers) against
//! a dry run that lists every problem, then import. The file travels between the steps in
//! the form itself, so nothing is kept until the import.

pub(super) mod view;

use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use base64::Engine;
use maud::html;
use suara_app::i18n::catalogue as T;
use suara_app::i18n::{reason_text, Lang};
use suara_domain::access::Permission;
use suara_domain::org::Unit;
use suara_domain::skm::history::{self, Choice, DateOrder, Export, Mapping};
use suara_domain::skm::{Rating, ELEMENT_COUNT};
use suara_store::{HistoryOutcome, NewHistory};
use time::OffsetDateTime;

use super::confirm::{self, confirmed, Confirmation};
use crate::pages::context::{CsrfForm, StaffCx, Upload};
use crate::pages::failure::{Missing, PageError};
use crate::routes;

/// The largest export taken: years of a busy unit's answers fit many times over.
pub const MAX_FILE_BYTES: usize = 4 * 1024 * 1024;
/// The form carries the file as base64 on the mapping step.
pub const MAX_BODY_BYTES: usize = MAX_FILE_BYTES * 2;
const FILE_NAME_CHARS: usize = 120;

/// The unit, when this user may import its history.
async fn unit_of(cx: &StaffCx, unit_id: &str) -> Result<Unit, PageError> {
    super::unit_for(cx, unit_id, Permission::ImportSurveyHistory).await
}

pub async fn show(cx: StaffCx, Path(unit_id): Path<String>) -> Result<Response, PageError> {
    let unit = unit_of(&cx, &unit_id).await?;
    let imports = cx
        .app
        .store
        .survey_history_imports(cx.tenant_id(), &unit_id)
        .await?;
    let dates = imports
        .iter()
        .map(|i| {
            cx.lang
                .date(i.imported_at.to_offset(cx.tenant.offset()).date())
        })
        .collect();
    let page = view::Imports {
        unit_id: &unit_id,
        unit_name: &unit.name,
        imports: &imports,
        dates,
    };
    cx.ok(cx.t(T::HISTORY_TITLE), view::imports_page(cx.look(), &page))
}

pub async fn submit(
    cx: StaffCx,
    Path(unit_id): Path<String>,
    upload: Upload,
) -> Result<Response, PageError> {
    let unit = unit_of(&cx, &unit_id).await?;
    let (lang, look) = (cx.lang, cx.look());
    let title = cx.t(T::HISTORY_CHECK_TITLE);
    let refuse = |message: String| {
        let content = html! {
            (view::crumbs(look, &unit_id, &unit.name))
            h1 { (lang.t(T::HISTORY_TITLE)) }
            div.error-summary role="alert" tabindex="-1" {
                h2 { (lang.t(T::THERE_IS_A_PROBLEM)) }
                p { a href="#file" { (message) } }
            }
            (view::upload_form(look, &unit_id))
        };
        Ok(cx.page(StatusCode::UNPROCESSABLE_ENTITY, title, content))
    };
    let (bytes, file_name) = match file_of(&upload, lang)? {
        Ok(file) => file,
        Err(message) => return refuse(message),
    };
    let export = match Export::read(&bytes) {
        Ok(export) => export,
        Err(e) => {
            return refuse(format!(
                "{} {}: {}",
                lang.t(T::LINE),
                e.line,
                reason_text(lang, &e.reason)
            ));
        }
    };
    let mapping = if upload.file("file").is_some() {
        history::guess(&export)
    } else {
        mapping_of(&upload, export.headers.len())
    };
    let plan = history::plan(&export, &mapping, cx.current_month());
    let mut refused = Vec::new();
    if upload.text("action").as_deref() == Some("import") && plan.is_ready() {
        let new = NewHistory {
            unit_id: &unit_id,
            file_name: &file_name,
            file: &bytes,
            months: &plan.months,
        };
        let now = OffsetDateTime::now_utc();
        match cx
            .app
            .store
            .import_survey_history(cx.tenant_id(), &new, cx.username(), now)
            .await?
        {
            HistoryOutcome::Imported(import) => {
                let content = view::done_page(look, &unit_id, &unit.name, &import, false);
                return cx.ok(cx.t(T::HISTORY_TITLE), content);
            }
            HistoryOutcome::AlreadyImported(import) => {
                let content = view::done_page(look, &unit_id, &unit.name, &import, true);
                return cx.ok(cx.t(T::HISTORY_TITLE), content);
            }
            HistoryOutcome::Refused(reasons) => refused = reasons,
        }
    }
    let data = base64::engine::general_purpose::STANDARD.encode(&bytes);
    let step = view::MappingStep {
        unit_id: &unit_id,
        unit_name: &unit.name,
        file_name: &file_name,
        data: &data,
        headers: &export.headers,
        rows: export.rows(),
        mapping: &mapping,
        plan: &plan,
        refused: &refused,
    };
    let status = if refused.is_empty() && (plan.problems.is_empty() && plan.unknown.is_empty()) {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok(cx.page(status, title, view::mapping_page(look, &step)))
}

/// The file and its name: a new upload, or the one the mapping step carries back. `Err`
/// holds what the person must fix; a carried file that is not base64 is a forged form.
fn file_of(upload: &Upload, lang: Lang) -> Result<Result<(Vec<u8>, String), String>, PageError> {
    let (bytes, file_name) = match upload.file("file") {
        Some(bytes) => (
            bytes.to_vec(),
            upload.file_name("file").unwrap_or_default().to_string(),
        ),
        None => {
            let data = upload.text("data").unwrap_or_default();
            let Ok(bytes) = base64::engine::general_purpose::STANDARD.decode(data.trim()) else {
                return Err(PageError::BadRequest);
            };
            (bytes, upload.text("file_name").unwrap_or_default())
        }
    };
    if bytes.is_empty() {
        return Ok(Err(lang.t(T::HISTORY_CHOOSE_FILE).to_string()));
    }
    if bytes.len() > MAX_FILE_BYTES {
        let megabytes = MAX_FILE_BYTES / 1024 / 1024;
        return Ok(Err(lang.fill(T::HISTORY_FILE_TOO_LARGE, &[&megabytes])));
    }
    let file_name: String = file_name
        .chars()
        .filter(|c| !c.is_control())
        .take(FILE_NAME_CHARS)
        .collect();
    if file_name.trim().is_empty() {
        return Ok(Ok((bytes, lang.t(T::HISTORY_UNNAMED_FILE).to_string())));
    }
    Ok(Ok((bytes, file_name)))
}

/// The mapping as the form chose it; a value that names no column is no column.
fn mapping_of(upload: &Upload, columns: usize) -> Mapping {
    let column = |name: &str| {
        upload
            .text(name)
            .and_then(|v| v.parse::<usize>().ok())
            .filter(|&i| i < columns)
    };
    let mut elements = [None; ELEMENT_COUNT];
    for (i, slot) in elements.iter_mut().enumerate() {
        *slot = column(&format!("u{}", i + 1));
    }
    let answers = (0..)
        .map_while(|i| {
            Some((
                upload.text(&format!("answer-key-{i}"))?,
                upload.text(&format!("answer-{i}")),
            ))
        })
        .filter_map(|(key, value)| {
            let choice = match value?.as_str() {
                "0" => Choice::NotAnswered,
                n => Choice::Rating(Rating::new(n.parse().ok()?)?),
            };
            Some((key, choice))
        })
        .collect();
    Mapping {
        date: column("date"),
        order: match upload.text("order").as_deref() {
            Some("dmy") => Some(DateOrder::DayFirst),
            Some("mdy") => Some(DateOrder::MonthFirst),
            _ => None,
        },
        elements,
        answers,
    }
}

#[derive(serde::Deserialize)]
pub struct RemoveForm {
    #[serde(default)]
    import: String,
    confirm: Option<String>,
}

/// Removes an import and its months from the trend, after a confirmation page.
pub async fn remove(
    cx: StaffCx,
    Path(unit_id): Path<String>,
    CsrfForm(form): CsrfForm<RemoveForm>,
) -> Result<Response, PageError> {
    let unit = unit_of(&cx, &unit_id).await?;
    let store = &cx.app.store;
    let imports = store
        .survey_history_imports(cx.tenant_id(), &unit_id)
        .await?;
    let import = imports
        .iter()
        .find(|i| i.import_id == form.import)
        .ok_or(PageError::NotFound(Missing::Page))?;
    let back = cx.href(&routes::unit_history(&unit_id));
    if !confirmed(form.confirm.as_deref()) {
        let months = view::months_text(cx.lang, import);
        return confirm::page(
            &cx,
            &Confirmation {
                title: cx.t(T::HISTORY_REMOVE_TITLE),
                facts: vec![
                    (cx.t(T::SERVICE_UNIT), html! { (unit.name) }),
                    (cx.t(T::FILE), html! { (import.file_name) }),
                    (cx.t(T::HISTORY_MONTHS), html! { (months) }),
                    (cx.t(T::RESPONSES), html! { (import.responses) }),
                ],
                consequence: cx.t(T::HISTORY_REMOVE_CONSEQUENCE),
                action: &routes::unit_history_remove(&unit_id),
                fields: vec![("import".into(), form.import.clone())],
                yes: cx.t(T::HISTORY_REMOVE),
                cancel: back,
            },
        );
    }
    store
        .remove_survey_history(
            cx.tenant_id(),
            &unit_id,
            &form.import,
            cx.username(),
            OffsetDateTime::now_utc(),
        )
        .await?;
    Ok(Redirect::to(&back).into_response())
}
