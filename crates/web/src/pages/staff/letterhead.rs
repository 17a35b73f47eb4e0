//! `/admin/kop-surat`: the regency's letterhead on its printed SKM reports (PDF and Word),
//! set once by an administrator: the address line under each office's name and the logo.
//! The same check as `suara tenant letterhead` (`suara_app::report::set_letterhead`); a
//! refused form comes back with the problem and the address as typed.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use maud::{html, Markup};
use suara_app::i18n::catalogue as T;
use suara_app::i18n::Lang;
use suara_app::report::{set_letterhead, LetterheadError, ADDRESS_MAX};
use suara_reports::logo::{LogoError, MAX_BYTES};
use suara_store::StoredLetterhead;
use time::OffsetDateTime;

use crate::pages::context::{Look, StaffCx, Upload};
use crate::pages::failure::PageError;
use crate::routes;

/// The form's body: the logo and the address, with room for the fields.
pub const MAX_LETTERHEAD_BYTES: usize = MAX_BYTES + 64 * 1024;

#[derive(serde::Deserialize, Default)]
pub struct LetterheadQuery {
    /// Set after a save.
    pub disimpan: Option<String>,
}

/// What the page shows: the letterhead as set, or as typed after a refusal.
pub struct LetterheadView {
    pub regency: String,
    pub address: String,
    /// The logo's size in bytes, when one is set.
    pub logo_bytes: Option<usize>,
    pub saved: bool,
    pub problem: Option<&'static str>,
}

pub async fn show(
    cx: StaffCx,
    axum::extract::Query(query): axum::extract::Query<LetterheadQuery>,
) -> Result<Response, PageError> {
    let stored = cx.app.store.letterhead(cx.tenant_id()).await?;
    let view = LetterheadView {
        regency: cx.tenant.name.clone(),
        address: stored.address,
        logo_bytes: stored.logo.as_ref().map(Vec::len),
        saved: query.disimpan.is_some(),
        problem: None,
    };
    let (title, content) = render(cx.look(), &view);
    cx.ok(title, content)
}

pub async fn save(cx: StaffCx, upload: Upload) -> Result<Response, PageError> {
    let stored = cx.app.store.letterhead(cx.tenant_id()).await?;
    let address = upload.text("address").unwrap_or_default();
    let logo = match upload.file("logo") {
        Some(file) => Some(file.to_vec()),
        None if upload.text("remove_logo").as_deref() == Some("yes") => None,
        None => stored.logo.clone(),
    };
    let letterhead = StoredLetterhead {
        address: address.clone(),
        logo,
    };
    let at = OffsetDateTime::now_utc();
    let problem = match set_letterhead(&cx.app.store, cx.tenant_id(), letterhead, cx.username(), at)
        .await
    {
        Ok(()) => {
            let saved = format!("{}?lang={}&disimpan=1", routes::LETTERHEAD, cx.lang.code());
            return Ok(Redirect::to(&saved).into_response());
        }
        Err(LetterheadError::Store(e)) => return Err(PageError::Store(e)),
        Err(LetterheadError::AddressTooLong) => T::LETTERHEAD_ADDRESS_TOO_LONG,
        Err(LetterheadError::AddressControl) => T::LETTERHEAD_ADDRESS_ONE_LINE,
        Err(LetterheadError::Logo(LogoError::NotPng)) => T::LETTERHEAD_LOGO_NOT_PNG,
        Err(LetterheadError::Logo(LogoError::TooLarge)) => T::LETTERHEAD_LOGO_TOO_LARGE,
        Err(LetterheadError::Logo(LogoError::TooManyPixels)) => T::LETTERHEAD_LOGO_TOO_MANY_PIXELS,
    };
    let view = LetterheadView {
        regency: cx.tenant.name.clone(),
        address,
        logo_bytes: stored.logo.as_ref().map(Vec::len),
        saved: false,
        problem: Some(cx.lang.t(problem)),
    };
    let (title, content) = render(cx.look(), &view);
    Ok(cx.page(StatusCode::UNPROCESSABLE_ENTITY, title, content))
}

/// The page: what the letterhead prints, and the form to change it.
pub fn render(look: Look, view: &LetterheadView) -> (&'static str, Markup) {
    let lang: Lang = look.lang;
    let title = lang.t(T::LETTERHEAD_PAGE_TITLE);
    let content = html! {
        h1 { (title) }
        @if let Some(problem) = view.problem {
            div.error-summary role="alert" tabindex="-1" {
                h2 { (lang.t(T::THERE_IS_A_PROBLEM)) }
                ul { li { a href="#address" { (problem) } } }
            }
        } @else if view.saved {
            div.success role="status" { p { (lang.t(T::LETTERHEAD_SAVED)) } }
        }
        p { (lang.fill(T::LETTERHEAD_INTRO, &[&view.regency.to_uppercase()])) }
        form.stack method="post" action=(look.action(routes::LETTERHEAD)) enctype="multipart/form-data" {
            (look.csrf())
            p { label for="address" { (lang.t(T::LETTERHEAD_ADDRESS)) }
                input #address name="address" maxlength=(ADDRESS_MAX) value=(view.address); }
            @match view.logo_bytes {
                Some(bytes) => {
                    p { (lang.fill(T::LETTERHEAD_LOGO_SET, &[&bytes.div_ceil(1024)])) }
                    p { label.choice { input type="checkbox" name="remove_logo" value="yes"; " " (lang.t(T::LETTERHEAD_REMOVE_LOGO)) } }
                }
                None => { p { (lang.t(T::LETTERHEAD_NO_LOGO)) } }
            }
            p { label for="logo" { (lang.t(T::LETTERHEAD_LOGO)) }
                input #logo type="file" name="logo" accept="image/png"; }
            p.buttons { button.primary type="submit" { (lang.t(T::LETTERHEAD_SAVE)) } }
        }
    };
    (title, content)
}
