//! Server-rendered pages. Plain HTML forms and one small stylesheet: they work without
//! JavaScript, on cheap phones and with screen readers.

pub mod context;
pub mod failure;
pub mod home;
pub mod innovation;
pub mod kiosk;
pub mod musrena;
pub mod province;
pub mod receipt;
pub mod staff;
pub mod survey;
pub mod transparency;

use axum::http::{header, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use maud::{html, Markup, DOCTYPE};
use serde::Deserialize;

use suara_app::i18n::Lang;

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

/// The same URL with `lang` set to the other language, keeping other parameters.
fn switch_language_href(path_and_query: &str, lang: Lang) -> String {
    let (path, query) = path_and_query
        .split_once('?')
        .unwrap_or((path_and_query, ""));
    let mut pairs: Vec<(String, String)> =
        serde_urlencoded::from_str::<Vec<(String, String)>>(query)
            .unwrap_or_default()
            .into_iter()
            .filter(|(k, _)| k != "lang")
            .collect();
    pairs.push(("lang".into(), lang.other().code().into()));
    format!(
        "{path}?{}",
        serde_urlencoded::to_string(pairs).unwrap_or_default()
    )
}

/// How a page is framed: the public site, a counter kiosk (no links away, the kiosk
/// script, and a reload back to a fresh form), or the staff pages (their menu, no citizen
/// footer).
pub enum Chrome<'a> {
    Site,
    Kiosk {
        /// Where to go back to, and after how many seconds.
        refresh: (u32, &'a str),
        /// Only reload this way without JavaScript (the script resets the form itself).
        refresh_without_script_only: bool,
    },
    Staff {
        /// Where the brand leads: the user's start page.
        home: &'a str,
        menu: Markup,
    },
}

/// The frame of every public page. `here` is the current path and query, for the language
/// switch.
pub fn layout(lang: Lang, title: &str, here: &str, content: Markup) -> Markup {
    framed(lang, title, here, content, &Chrome::Site)
}

pub fn framed(lang: Lang, title: &str, here: &str, content: Markup, chrome: &Chrome) -> Markup {
    let t = lang.texts();
    let other = lang.other();
    let brand = html! {
        span.logo aria-hidden="true" { "S" }
        span { (t.site_name) " " small { (t.site_tagline) } }
    };
    html! {
        (DOCTYPE)
        html lang=(lang.code()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="description" content=(t.meta_description);
                title { (title) " · " (t.site_name) }
                link rel="icon" href=(FAVICON_PATH) type="image/svg+xml";
                link rel="stylesheet" href=(STYLESHEET_PATH);
                @if let Chrome::Kiosk { refresh: (seconds, to), refresh_without_script_only } = chrome {
                    @let refresh = html! { meta http-equiv="refresh" content={ (seconds) ";url=" (to) }; };
                    @if *refresh_without_script_only { noscript { (refresh) } } @else { (refresh) }
                    script src=(crate::routes::QUEUE_SCRIPT) defer {}
                    script src=(KIOSK_SCRIPT_PATH) defer {}
                }
            }
            body.kiosk[matches!(chrome, Chrome::Kiosk { .. })] .staff-page[matches!(chrome, Chrome::Staff { .. })] {
                a.skip href="#main" { (t.skip_to_content) }
                header.top {
                    @match chrome {
                        // A citizen at a kiosk has nowhere else to go.
                        Chrome::Kiosk { .. } => { span.brand { (brand) } }
                        Chrome::Staff { home, .. } => { a.brand href=(home) { (brand) } }
                        Chrome::Site => { a.brand href={ (crate::routes::HOME) "?lang=" (lang.code()) } { (brand) } }
                    }
                    a.lang href=(switch_language_href(here, lang)) lang=(other.code()) hreflang=(other.code()) {
                        (other.texts().language_name)
                    }
                }
                @if let Chrome::Staff { menu, .. } = chrome { (menu) }
                main #main tabindex="-1" { (content) }
                @if !matches!(chrome, Chrome::Staff { .. }) {
                    footer {
                        p { (t.footer) }
                        @if let Chrome::Site = chrome {
                            p { a href={ (crate::routes::LOGIN) "?lang=" (lang.code()) } { (t.staff_sign_in) } }
                        }
                    }
                }
            }
        }
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
    pub fn from_query(format: Option<&str>) -> Result<SheetFormat, crate::ApiError> {
        match format.unwrap_or("xlsx") {
            "xlsx" => Ok(SheetFormat::Xlsx),
            "csv" => Ok(SheetFormat::Csv),
            other => Err(crate::ApiError::BadQuery(format!(
                "format must be xlsx or csv, not '{other}'"
            ))),
        }
    }
}

/// A generated spreadsheet as a download named `{stem}.xlsx` or `{stem}.csv`.
pub fn download(
    format: SheetFormat,
    stem: &str,
    bytes: Result<Vec<u8>, suara_reports::ReportError>,
) -> Result<Response, crate::ApiError> {
    let bytes = bytes
        .map_err(|e| crate::ApiError::Store(suara_store::StoreError::Corrupt(e.to_string())))?;
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

/// A page with a status code.
pub fn page(status: StatusCode, markup: Markup) -> Response {
    (status, Html(markup.into_string())).into_response()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_switch_keeps_other_parameters() {
        assert_eq!(
            switch_language_href("/survei/x?service=ktp", Lang::Id),
            "/survei/x?service=ktp&lang=en"
        );
        assert_eq!(switch_language_href("/?lang=en", Lang::En), "/?lang=id");
        assert_eq!(switch_language_href("/", Lang::Id), "/?lang=en");
    }
}
