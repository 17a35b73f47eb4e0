//! The frame every page is drawn in: the public site's, a counter kiosk's and the staff
//! pages' (whose menu is `staff_menu`), with the language switch. It uses nothing of the
//! pages, so every page, the extractors and the error pages may use it.

use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use maud::{html, Markup, DOCTYPE};
use suara_app::i18n::Lang;

use super::{FAVICON_PATH, KIOSK_SCRIPT_PATH, STYLESHEET_PATH};

/// The same URL with `lang` set to `to`, keeping other parameters.
fn switch_language_href(path_and_query: &str, to: Lang) -> String {
    let (path, query) = path_and_query
        .split_once('?')
        .unwrap_or((path_and_query, ""));
    let mut pairs: Vec<(String, String)> =
        serde_urlencoded::from_str::<Vec<(String, String)>>(query)
            .unwrap_or_default()
            .into_iter()
            .filter(|(k, _)| k != "lang")
            .collect();
    pairs.push(("lang".into(), to.code().into()));
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
                    @for other in lang.others() {
                        a.lang href=(switch_language_href(here, other)) lang=(other.code()) hreflang=(other.code()) {
                            (other.texts().language_name)
                        }
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

/// A page with a status code.
pub fn page(status: StatusCode, markup: Markup) -> Response {
    (status, Html(markup.into_string())).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_switch_keeps_other_parameters() {
        assert_eq!(
            switch_language_href("/survei/x?service=ktp", Lang::EN),
            "/survei/x?service=ktp&lang=en"
        );
        assert_eq!(switch_language_href("/?lang=en", Lang::ID), "/?lang=id");
        assert_eq!(switch_language_href("/", Lang::EN), "/?lang=en");
    }
}
