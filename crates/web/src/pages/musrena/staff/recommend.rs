//! Recording a level's recommendation on a proposal (SIPD keeps one per level: village,
//! district, responsible unit, TAPD). Facilitators record the village's and district's;
//! the regency's two are the planners'. A refused form comes back with the fields as typed.

use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use maud::{html, Markup};
use suara_domain::access::Permission;
use suara_domain::musrena::recommendation::{validate, RecommendationDraft, Recommender};
use suara_store::MusrenaError;
use time::OffsetDateTime;

use super::manage::manage_page;
use super::{districts, field, refusal, Pairs};
use crate::pages::context::{CsrfForm, Look, StaffCx};
use crate::pages::failure::PageError;
use crate::pages::musrena::recommender_label;
use crate::routes;
use suara_app::i18n::catalogue as T;
use suara_app::i18n::Lang;

/// The form; planners may record every level, facilitators the village and district.
pub fn recommend_form(look: Look, code: &str, planner: bool, typed: &Pairs) -> Markup {
    let lang = look.lang;
    let value = |name: &str| field(typed, name).unwrap_or("").to_string();
    html! {
        section #rekomendasi-baru {
            h2 { (lang.t(T::RECORD_A_RECOMMENDATION)) }
            form.stack method="post" action=(look.action(&routes::musrena_recommend(code))) {
                (look.csrf())
                p { label for="by" { (lang.t(T::RECOMMENDING_LEVEL)) }
                    select #by name="by" required {
                        option value="" { "–" }
                        @for r in Recommender::ALL.into_iter().filter(|r| planner || !r.is_regency_level()) {
                            option value=(r.code()) selected[value("by") == r.code()] { (recommender_label(lang, r)) }
                        }
                    } }
                p { label for="rec_volume" { (lang.t(T::RECOMMENDED_VOLUME)) } input #rec_volume name="rec_volume" inputmode="decimal" value=(value("rec_volume")); }
                p { label for="rec_amount" { (lang.t(T::RECOMMENDED_AMOUNT_RP)) } input #rec_amount name="rec_amount" inputmode="numeric" value=(value("rec_amount")); }
                p { label for="rec_text" { (lang.t(T::RECOMMENDATION_TEXT)) } textarea #rec_text name="rec_text" required rows="2" maxlength="2000" { (value("rec_text")) } }
                p.buttons { button type="submit" { (lang.t(T::SAVE_THE_RECOMMENDATION)) } }
            }
        }
    }
}

fn problem_text(lang: Lang, field: &str, problem: &str) -> String {
    let name = match field {
        "by" => return lang.t(T::CHOOSE_THE_RECOMMENDING_LEVEL).to_string(),
        "volume" => lang.t(T::RECOMMENDED_VOLUME),
        "amount" => lang.t(T::RECOMMENDED_AMOUNT_RP),
        _ => lang.t(T::RECOMMENDATION_TEXT),
    };
    let what = match problem {
        "not_a_volume" => lang.t(T::IS_NOT_A_VOLUME),
        "not_rupiah" => lang.t(T::IS_NOT_AN_AMOUNT_IN_RUPIAH),
        "too_long" => lang.t(T::IS_TOO_LONG),
        _ => lang.t(T::IS_REQUIRED),
    };
    format!("{name} {what}")
}

pub async fn recommend(
    cx: StaffCx,
    Path(code): Path<String>,
    CsrfForm(typed): CsrfForm<Pairs>,
) -> Result<Response, PageError> {
    let lang = cx.lang;
    let d = districts(&cx).await?;
    let _proposal = super::managed_proposal(&cx, &d, &code).await?;
    let text = |name: &str| field(&typed, name).unwrap_or("").to_string();
    let draft = RecommendationDraft {
        by: text("by"),
        volume: text("rec_volume"),
        amount: text("rec_amount"),
        text: text("rec_text"),
    };
    let recommendation = match validate(&draft) {
        Ok(r) => r,
        Err(found) => {
            let problems: Vec<String> = found
                .iter()
                .map(|(f, p)| problem_text(lang, f, p))
                .collect();
            return manage_page(
                &cx,
                &code,
                StatusCode::UNPROCESSABLE_ENTITY,
                None,
                &typed,
                &problems,
            )
            .await;
        }
    };
    if recommendation.by.is_regency_level() && !cx.staff.principal.may(Permission::DecidePlanning) {
        return Err(PageError::Forbidden);
    }
    let now = OffsetDateTime::now_utc();
    match cx
        .app
        .store
        .recommend(cx.tenant_id(), &code, &recommendation, cx.username(), now)
        .await
    {
        Ok(()) => Ok(Redirect::to(&format!(
            "{}?lang={}&rekomendasi=1",
            routes::musrena_manage(&code),
            lang.code()
        ))
        .into_response()),
        Err(MusrenaError::Store(e)) => Err(PageError::Store(e)),
        Err(error) => {
            let problems = [refusal(lang, &error)];
            manage_page(
                &cx,
                &code,
                StatusCode::UNPROCESSABLE_ENTITY,
                None,
                &typed,
                &problems,
            )
            .await
        }
    }
}
