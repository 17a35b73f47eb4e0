//! How the questionnaire looks on a counter kiosk: its address, the faces beside the answers,
//! and what follows the form (the thank-you panel, the queue, the full-screen switch). The
//! kiosk's handlers are `crate::pages::kiosk`.

use maud::{html, Markup};
use suara_app::i18n::catalogue as T;
use suara_app::i18n::Lang;

use super::{KIOSK_IDLE_SECONDS, KIOSK_THANKS_SECONDS};

/// A kiosk's address, in a language.
pub fn kiosk_href(point_id: &str, lang: Lang) -> String {
    format!("{}?lang={}", crate::routes::kiosk(point_id), lang.code())
}

/// The four faces, defined once per page and drawn by [`face`]: from a frown in red to a
/// broad smile in green. The words next to them carry the meaning; the faces only help.
pub fn faces() -> Markup {
    const MOUTHS: [&str; 4] = [
        "M15 33 Q24 25 33 33",
        "M16 32 Q24 28 32 32",
        "M16 30 Q24 35 32 30",
        "M14 28 Q24 40 34 28",
    ];
    html! {
        svg.defs aria-hidden="true" focusable="false" width="0" height="0" {
            @for (i, mouth) in MOUTHS.iter().enumerate() {
                symbol id={ "face-" (i + 1) } viewBox="0 0 48 48" {
                    circle cx="24" cy="24" r="21" fill="currentColor" {}
                    circle cx="17" cy="19" r="3" fill="#fff" {}
                    circle cx="31" cy="19" r="3" fill="#fff" {}
                    path d=(mouth) fill="none" stroke="#fff" stroke-width="3.5" stroke-linecap="round" {}
                }
            }
        }
    }
}

pub fn face(value: usize) -> Markup {
    html! {
        svg class={ "face face-" (value) } aria-hidden="true" focusable="false" viewBox="0 0 48 48" {
            use href={ "#face-" (value) } {}
        }
    }
}

/// What follows the form on a kiosk: the thank-you panel the script shows, the queue's
/// state, and a full-screen switch; texts for the script ride on `data-` attributes.
pub fn after_form(lang: Lang) -> Markup {
    html! {
        div #kiosk
            data-waiting=(lang.t(T::N_ANSWERS_SAVED_ON_THIS_TABLET_WAITING))
            data-idle-seconds="90"
            data-thanks-seconds=(KIOSK_THANKS_SECONDS)
        {
            div #kiosk-thanks .thanks role="status" tabindex="-1" hidden {
                h2 { (lang.t(T::THANK_YOU)) }
                p { (lang.t(T::WE_HAVE_YOUR_ANSWERS_THEY_HELP_IMPROVE)) }
                p #kiosk-thanks-queued hidden {
                    (lang.t(T::THE_CONNECTION_IS_DOWN_YOUR_ANSWERS_ARE))
                }
                button #kiosk-again .send type="button" { (lang.t(T::START_AGAIN)) }
            }
            p #kiosk-queue .muted aria-live="polite" {}
            button #kiosk-fullscreen type="button" hidden { (lang.t(T::FULL_SCREEN)) }
            noscript {
                p.muted { (lang.fill(T::KIOSK_STARTS_OVER, &[&(KIOSK_IDLE_SECONDS / 60)])) }
            }
        }
    }
}
