//! Reporting the progress of a budgeted proposal's work (planners): date, percent done,
//! rupiah spent so far, a note and a photo. The report at 100 % completes the proposal, so
//! it needs the form's completion tick; a refused report comes back with the problems, the
//! fields as typed and the photo kept.

use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use maud::{html, Markup};
use suara_domain::musrena::progress::{validate, ProgressDraft};
use suara_store::MusrenaError;
use time::OffsetDateTime;

use super::manage::manage_page;
use super::{districts, field, fields, kept, published_photo, refusal, Pairs};
use crate::pages::context::{Look, StaffCx, Upload};
use crate::pages::failure::PageError;
use crate::routes;
use suara_app::i18n::catalogue as T;
use suara_app::i18n::Lang;

/// The report form; `typed` refills it, with a photo already attached (see [`kept`]).
pub fn progress_form(look: Look, code: &str, typed: &Pairs) -> Markup {
    let lang = look.lang;
    let value = |name: &str| field(typed, name).unwrap_or("").to_string();
    let photos: Vec<String> = fields(typed, kept::PHOTO).map(str::to_string).collect();
    html! {
        section #kemajuan-baru {
            h2 { (lang.t(T::RECORD_PROGRESS)) }
            form.stack method="post" action=(look.action(&routes::musrena_progress(code))) enctype="multipart/form-data" {
                (look.csrf())
                p { label for="on" { (lang.t(T::DATE)) } input #on type="date" name="on" required value=(value("on")); }
                p { label for="percent" { (lang.t(T::PERCENT_OF_THE_WORK_DONE)) } input #percent name="percent" inputmode="numeric" required value=(value("percent")); }
                p { label for="spent" { (lang.t(T::SPENT_SO_FAR_RP)) } input #spent name="spent" inputmode="numeric" value=(value("spent")); }
                p { label for="note" { (lang.t(T::WORK_PROGRESS_NOTE)) } textarea #note name="note" required rows="3" maxlength="1000" { (value("note")) } }
                p { label for="progress-photo" { (lang.t(T::PHOTO_JPEG_PNG_OR_WEBP_UP_TO)) } input #progress-photo type="file" name="photo" accept="image/jpeg,image/png,image/webp"; }
                // Asked with the form, so a report at 100 % goes through in one send.
                div.warning {
                    p { strong { (lang.t(T::COMPLETION_WARNING)) } }
                    label.choice { input type="checkbox" name="confirm" value="yes" checked[value("confirm") == "yes"]; " " (lang.t(T::CONFIRM_COMPLETION)) }
                    p.hint { (lang.t(T::CONFIRM_COMPLETION_HINT)) }
                }
                (kept::fields(lang, &photos, None))
                p.buttons { button.primary type="submit" { (lang.t(T::SAVE_THE_PROGRESS)) } }
            }
        }
    }
}

fn problem_text(lang: Lang, field: &str, problem: &str) -> String {
    let name = match field {
        "on" => lang.t(T::DATE),
        "percent" => lang.t(T::PERCENT_OF_THE_WORK_DONE),
        "spent" => lang.t(T::SPENT_SO_FAR_RP),
        _ => lang.t(T::WORK_PROGRESS_NOTE),
    };
    let what = match problem {
        "required" => lang.t(T::IS_REQUIRED),
        "in_the_future" => lang.t(T::IS_IN_THE_FUTURE),
        "not_a_date" => lang.t(T::IS_NOT_A_DATE),
        "not_a_percent" => lang.t(T::IS_NOT_A_PERCENT),
        "not_rupiah" => lang.t(T::IS_NOT_AN_AMOUNT_IN_RUPIAH),
        "too_long" => lang.t(T::IS_TOO_LONG),
        _ => lang.t(T::IS_NOT_KNOWN),
    };
    format!("{name} {what}")
}

pub async fn add_progress(
    cx: StaffCx,
    Path(code): Path<String>,
    upload: Upload,
) -> Result<Response, PageError> {
    let lang = cx.lang;
    let d = districts(&cx).await?;
    super::managed_proposal(&cx, &d, &code).await?;
    let mut typed: Pairs = upload
        .pairs()
        .into_iter()
        .filter(|(k, _)| k != "photo" && k != kept::PHOTO)
        .collect();
    let text = |name: &str| field(&typed, name).unwrap_or("").to_string();
    let draft = ProgressDraft {
        on: text("on"),
        percent: text("percent"),
        spent: text("spent"),
        note: text("note"),
    };
    let mut problems = Vec::new();
    let entry = match validate(&draft, cx.today()) {
        Ok(entry) => Some(entry),
        Err(found) => {
            problems.extend(found.iter().map(|p| problem_text(lang, p.field, p.problem)));
            None
        }
    };
    if entry.as_ref().is_some_and(|e| e.completes()) && text("confirm") != "yes" {
        problems.push(lang.t(T::CONFIRM_COMPLETION).to_string());
    }
    // A new photo, or the one attached before a refusal.
    let kept_photo = kept::sent(&upload, kept::PHOTO).into_iter().next();
    let sent_photo = upload
        .file("photo")
        .map(|b| b.as_ref())
        .or(kept_photo.as_deref());
    let photo = match sent_photo {
        Some(bytes) => match published_photo(lang, bytes).await {
            Ok(kept) => Some(kept),
            Err(problem) => {
                problems.push(problem);
                None
            }
        },
        None => None,
    };
    if let Some((_, bytes)) = &photo {
        typed.push((kept::PHOTO.to_string(), kept::encode(bytes)));
    }
    let refused = |problems: Vec<String>| {
        let (cx, code, typed) = (&cx, &code, &typed);
        async move {
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            manage_page(cx, code, status, None, typed, &problems).await
        }
    };
    let Some(entry) = entry.filter(|_| problems.is_empty()) else {
        return refused(problems).await;
    };
    let photo = photo
        .as_ref()
        .map(|(kind, bytes)| (*kind, bytes.as_slice()));
    let now = OffsetDateTime::now_utc();
    match cx
        .app
        .store
        .add_progress(cx.tenant_id(), &code, &entry, photo, cx.username(), now)
        .await
    {
        Ok(_) => Ok(Redirect::to(&format!(
            "{}?lang={}&kemajuan=1#kemajuan",
            routes::musrena_manage(&code),
            lang.code()
        ))
        .into_response()),
        Err(MusrenaError::Store(e)) => Err(PageError::Store(e)),
        Err(error) => refused(vec![refusal(lang, &error)]).await,
    }
}
