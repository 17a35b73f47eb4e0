//! Files a refused form keeps. A photo or cost breakdown (RAB) that passed its checks comes
//! back in the form as a hidden field (base64), with a line saying it is attached already,
//! so a person who corrects a field neither loses it nor picks it again; the next send
//! checks it again like any upload.

use base64::Engine;
use maud::{html, Markup};

use crate::pages::context::Upload;
use suara_app::i18n::catalogue as T;
use suara_app::i18n::Lang;

/// The hidden field of a kept photo (one per photo).
pub const PHOTO: &str = "kept-photo";
/// The hidden field of a kept cost breakdown.
pub const RAB: &str = "kept-rab";

/// The files a form sent back under `name`. A value that is not base64 is left out: only a
/// form made by hand sends one.
pub fn sent(upload: &Upload, name: &str) -> Vec<Vec<u8>> {
    upload
        .all(name)
        .filter_map(|value| base64::engine::general_purpose::STANDARD.decode(value).ok())
        .collect()
}

/// A file as a hidden field's value.
pub fn encode(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// The hidden fields keeping `photos` and `rab` (as [`encode`]d), and what they hold in
/// words.
pub fn fields(lang: Lang, photos: &[String], rab: Option<&str>) -> Markup {
    html! {
        @for photo in photos { input type="hidden" name=(PHOTO) value=(photo); }
        @if let Some(rab) = rab { input type="hidden" name=(RAB) value=(rab); }
        @if !photos.is_empty() || rab.is_some() {
            p.notice role="status" {
                @if !photos.is_empty() { (lang.fill(T::MUSRENA_KEPT_PHOTOS, &[&photos.len()])) " " }
                @if rab.is_some() { (lang.t(T::MUSRENA_KEPT_RAB)) " " }
                (lang.t(T::MUSRENA_KEPT_NO_NEED))
            }
        }
    }
}
