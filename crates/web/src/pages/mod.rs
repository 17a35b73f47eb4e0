//! Server-rendered pages. Plain HTML forms and one small stylesheet: they work without
//! JavaScript, on cheap phones and with screen readers.

pub mod chrome;
pub mod context;
pub mod failure;
pub mod home;
pub mod innovation;
pub mod kiosk;
pub mod log_history;
pub mod musrena;
pub mod province;
pub mod receipt;
pub mod staff;
pub mod staff_menu;
pub mod survey;
pub mod transparency;

use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use maud::html;
use serde::Deserialize;

use suara_app::i18n::Lang;

pub use chrome::{framed, layout, page, Chrome};

pub const STYLESHEET_PATH: &str = crate::routes::STYLESHEET;
const STYLESHEET: &str = include_str!("../../static/suara.css");
pub const KIOSK_SCRIPT_PATH: &str = crate::routes::KIOSK_SCRIPT;
const KIOSK_SCRIPT: &str = include_str!("../../static/kios.js");
const FORUM_OFFLINE_SCRIPT: &str = include_str!("../../static/forum-luring.js");
const QUEUE_SCRIPT: &str = include_str!("../../static/queue.js");
pub const FAVICON_PATH: &str = crate::routes::FAVICON;
const FAVICON: &str = include_str!("../../static/favicon.svg");
/// Everything public may be indexed; staff pages, exports and receipts may not.
const ROBOTS: &str = "User-agent: *\nDisallow: /dasbor\nDisallow: /admin\nDisallow: /tpp\nDisallow: /loket\nDisallow: /masuk\nDisallow: /akun\nDisallow: /musrena/forum\nDisallow: /musrena/kelola\nDisallow: /tanda-terima\nDisallow: /api/\n";

fn asset(content_type: &'static str, body: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        body,
    )
        .into_response()
}

pub async fn stylesheet() -> Response {
    asset("text/css; charset=utf-8", STYLESHEET)
}

pub async fn kiosk_script() -> Response {
    asset("text/javascript; charset=utf-8", KIOSK_SCRIPT)
}

pub async fn queue_script() -> Response {
    asset("text/javascript; charset=utf-8", QUEUE_SCRIPT)
}

pub async fn forum_offline_script() -> Response {
    asset("text/javascript; charset=utf-8", FORUM_OFFLINE_SCRIPT)
}

/// Browsers ask for an icon on every page; without one each page logs an error.
pub async fn favicon() -> Response {
    asset("image/svg+xml", FAVICON)
}

pub async fn robots() -> Response {
    asset("text/plain; charset=utf-8", ROBOTS)
}

#[derive(Deserialize, Default)]
pub struct LangQuery {
    pub lang: Option<String>,
}

impl LangQuery {
    pub fn lang(&self) -> Lang {
        Lang::from_code(self.lang.as_deref())
    }
}

/// The spreadsheet formats staff can download.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SheetFormat {
    Xlsx,
    Csv,
}

impl SheetFormat {
    /// `?format=xlsx|csv`, xlsx by default.
    pub fn from_query(format: Option<&str>) -> Result<SheetFormat, crate::error::ApiError> {
        match format.unwrap_or("xlsx") {
            "xlsx" => Ok(SheetFormat::Xlsx),
            "csv" => Ok(SheetFormat::Csv),
            other => Err(crate::error::ApiError::BadQuery(format!(
                "format must be xlsx or csv, not '{other}'"
            ))),
        }
    }
}

/// A file that could not be written (only on internal limits, never on user data).
pub fn unwritable(e: suara_reports::ReportError) -> crate::error::ApiError {
    crate::error::ApiError::Store(suara_store::StoreError::Corrupt(e.to_string()))
}

/// A generated spreadsheet as a download named `{stem}.xlsx` or `{stem}.csv`.
pub fn download(
    format: SheetFormat,
    stem: &str,
    bytes: Result<Vec<u8>, suara_reports::ReportError>,
) -> Result<Response, crate::error::ApiError> {
    let bytes = bytes.map_err(unwritable)?;
    let (content_type, extension) = match format {
        SheetFormat::Xlsx => (
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "xlsx",
        ),
        SheetFormat::Csv => ("text/csv; charset=utf-8", "csv"),
    };
    Ok((
        [
            (header::CONTENT_TYPE, content_type.to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{stem}.{extension}\""),
            ),
        ],
        bytes,
    )
        .into_response())
}

/// A results, payroll, Musrena or innovation sheet as a download: the Excel file is for
/// people (words, local dates); the CSV is for programs (codes, UTC times and numbers as
/// stored), and its first line, a `#` note, says so to whoever opens it.
pub fn sheet_download(
    lang: suara_app::i18n::Lang,
    format: SheetFormat,
    stem: &str,
    bytes: Result<Vec<u8>, suara_reports::ReportError>,
) -> Result<Response, crate::error::ApiError> {
    let bytes = match format {
        SheetFormat::Xlsx => bytes,
        SheetFormat::Csv => bytes.map(|csv| {
            let note = format!(
                "# {}\n",
                lang.t(suara_app::i18n::catalogue::CSV_FOR_MACHINES)
            );
            [note.into_bytes(), csv].concat()
        }),
    };
    download(format, stem, bytes)
}

/// Any address no route answers.
pub async fn not_found() -> failure::PageError {
    failure::PageError::NotFound(failure::Missing::Page)
}

pub fn not_found_page(lang: Lang, here: &str) -> Response {
    let t = lang.texts();
    message_page(
        StatusCode::NOT_FOUND,
        lang,
        t.not_found_title,
        t.not_found_body,
        here,
    )
}

/// A page that only says something went wrong (or is missing) and links home.
pub fn message_page(
    status: StatusCode,
    lang: Lang,
    title: &str,
    body: &str,
    here: &str,
) -> Response {
    page(
        status,
        layout(
            lang,
            title,
            here,
            html! {
                h1 { (title) }
                p { (body) }
                p { a href={ (crate::routes::HOME) "?lang=" (lang.code()) } { (lang.texts().back_home) } }
            },
        ),
    )
}
