//! Follow-up plans on a unit's dashboard page: the plans of the chosen period with their
//! progress, and for the unit's administrators a form to add one and to update each.

use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use maud::{html, Markup};
use serde::Deserialize;
use suara_domain::access::Permission;
use suara_domain::period::Period;
use suara_domain::skm::follow_up::{validate, PlanDraft, Status};
use suara_domain::skm::Element;
use suara_store::StoredPlan;
use time::OffsetDateTime;

use super::units_tree;
use crate::auth::Staff;
use crate::pages::context::{CsrfForm, Look, StaffCx};
use crate::pages::failure::{Missing, PageError};
use crate::routes;
use suara_app::i18n::catalogue as T;
use suara_app::i18n::{element_name, plan_status_label, Lang};

/// The section of the unit page.
pub fn section(
    look: Look,
    unit_id: &str,
    period: Period,
    plans: &[StoredPlan],
    may_edit: bool,
) -> Markup {
    let lang = look.lang;
    let action = look.action(&routes::unit_follow_up(unit_id));
    html! {
        h2 #tindak-lanjut { (lang.t(T::FOLLOW_UP_PLAN)) " (" (lang.period(period)) ")" }
        @if plans.is_empty() {
            p { (lang.t(T::NO_FOLLOW_UP_PLAN_FOR_THIS_PERIOD)) }
        } @else {
            table.data tabindex="0" {
                thead { tr {
                    th scope="col" { (lang.t(T::ELEMENT)) }
                    th scope="col" { (lang.t(T::ACTION)) }
                    th scope="col" { (lang.t(T::OWNER)) }
                    th scope="col" { (lang.t(T::DEADLINE)) }
                    th scope="col" { (lang.t(T::STATUS)) }
                } }
                tbody { @for p in plans { tr {
                    th scope="row" { (p.plan.element.code()) " " (element_name(lang, p.plan.element)) }
                    td { (p.plan.action) @if let Some(note) = &p.progress_note { br; small { (note) } } }
                    td { (p.plan.owner) }
                    td { (lang.date(p.plan.deadline)) }
                    td {
                        @if may_edit {
                            form.inline method="post" action=(action) {
                                (look.csrf())
                                input type="hidden" name="plan" value=(p.plan_id);
                                input type="hidden" name="period" value=(period);
                                label for={ "status-" (p.plan_id) } { (lang.t(T::STATUS)) }
                                select id={ "status-" (p.plan_id) } name="status" {
                                    @for s in Status::ALL { option value=(s.code()) selected[s == p.status] { (plan_status_label(lang, s)) } }
                                }
                                label for={ "note-" (p.plan_id) } { (lang.t(T::PROGRESS_NOTE)) }
                                input id={ "note-" (p.plan_id) } name="note" value=[p.progress_note.as_deref()] maxlength="500";
                                button type="submit" { (lang.t(T::SAVE)) }
                            }
                        } @else {
                            (plan_status_label(lang, p.status))
                        }
                    }
                } } }
            }
        }
        @if may_edit { (plan_form(look, unit_id, period, &PlanDraft::default())) }
    }
}

/// The form adding a plan; `typed` refills it after a refusal.
fn plan_form(look: Look, unit_id: &str, period: Period, typed: &PlanDraft) -> Markup {
    let lang = look.lang;
    html! {
        form.stack method="post" action=(look.action(&routes::unit_follow_up(unit_id))) {
            (look.csrf())
            input type="hidden" name="period" value=(period);
            p { label for="fu-element" { (lang.t(T::ELEMENT)) }
                select #fu-element name="element" { @for e in Element::ALL { option value=(e.code()) selected[typed.element == e.code()] { (e.code()) " " (element_name(lang, e)) } } } }
            p { label for="fu-action" { (lang.t(T::ACTION)) } input #fu-action name="action" required maxlength="1000" value=(typed.action); }
            p { label for="fu-owner" { (lang.t(T::OWNER)) } input #fu-owner name="owner" required value=(typed.owner); }
            p { label for="fu-deadline" { (lang.t(T::DEADLINE)) } input #fu-deadline type="date" name="deadline" required value=(typed.deadline); }
            p.buttons { button.primary type="submit" { (lang.t(T::ADD_THE_PLAN)) } }
        }
    }
}

/// Whether the user may add and update the unit's plans.
pub fn may_edit(staff: &Staff, unit_id: &str, tree: &suara_domain::org::tree::UnitTree) -> bool {
    staff.principal.may(Permission::ManageFollowUp) && staff.principal.sees_unit(unit_id, tree)
}

#[derive(Deserialize)]
pub struct ChangeForm {
    pub period: Option<String>,
    pub plan: Option<String>,
    pub status: Option<String>,
    pub note: Option<String>,
    #[serde(default)]
    pub element: String,
    #[serde(default)]
    pub action: String,
    #[serde(default)]
    pub owner: String,
    #[serde(default)]
    pub deadline: String,
}

/// Adds a plan, or (with `plan`) updates one's status and note; back to the unit page.
pub async fn change(
    cx: StaffCx,
    Path(unit_id): Path<String>,
    CsrfForm(form): CsrfForm<ChangeForm>,
) -> Result<Response, PageError> {
    let lang = cx.lang;
    let (_, tree) = units_tree(&cx).await?;
    if !may_edit(&cx.staff, &unit_id, &tree) {
        return Err(PageError::Forbidden);
    }
    let text = form.period.as_deref().unwrap_or_default();
    let period: Period = text
        .parse()
        .map_err(|_| PageError::BadPeriod(text.to_string()))?;
    let back = format!(
        "{}?lang={}&period={period}#tindak-lanjut",
        routes::dashboard_unit(&unit_id),
        lang.code()
    );
    let now = OffsetDateTime::now_utc();
    let draft = PlanDraft {
        element: form.element.clone(),
        action: form.action.clone(),
        owner: form.owner.clone(),
        deadline: form.deadline.clone(),
    };
    // The problem, with the new plan's form refilled as typed.
    let problem = |body: Markup| {
        let title = lang.t(T::THE_PLAN_WAS_NOT_SAVED);
        Ok(cx.page(
            StatusCode::UNPROCESSABLE_ENTITY,
            title,
            html! {
                p.crumbs { a href=(back) { (lang.t(T::BACK_TO_THE_UNIT_S_PAGE)) } }
                h1 { (title) }
                div.error-summary role="alert" tabindex="-1" { h2 { (lang.t(T::THERE_IS_A_PROBLEM)) } (body) }
                @if form.plan.is_none() { (plan_form(cx.look(), &unit_id, period, &draft)) }
            },
        ))
    };
    if let Some(plan_id) = form.plan.as_deref() {
        let Some(status) = form.status.as_deref().and_then(Status::from_code) else {
            return problem(html! { p { (lang.t(T::CHOOSE_A_STATUS)) } });
        };
        let found = cx
            .app
            .store
            .update_follow_up(
                cx.tenant_id(),
                &unit_id,
                plan_id,
                status,
                form.note.as_deref(),
                cx.username(),
                now,
            )
            .await?;
        if !found {
            return Err(PageError::NotFound(Missing::Page));
        }
    } else {
        let plan = match validate(&draft) {
            Ok(plan) => plan,
            Err(problems) => {
                return problem(html! { ul { @for (field, reason) in &problems {
                    li { (plan_field_label(lang, field)) ": " (suara_app::i18n::reason_text(lang, reason)) }
                } } });
            }
        };
        cx.app
            .store
            .add_follow_up(cx.tenant_id(), &unit_id, period, &plan, cx.username(), now)
            .await?;
    }
    Ok(Redirect::to(&back).into_response())
}

fn plan_field_label(lang: Lang, field: &str) -> &'static str {
    match field {
        "element" => lang.t(T::ELEMENT),
        "action" => lang.t(T::ACTION),
        "owner" => lang.t(T::OWNER),
        "deadline" => lang.t(T::DEADLINE),
        _ => lang.t(T::FIELD),
    }
}
