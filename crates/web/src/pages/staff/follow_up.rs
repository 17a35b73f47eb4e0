//! Follow-up plans on a unit's dashboard page: the plans of the chosen period with their
//! progress, and for the unit's administrators a form to add one and to update each.

use std::sync::Arc;

use axum::extract::{OriginalUri, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Extension, Form};
use maud::{html, Markup};
use serde::Deserialize;
use suara_domain::access::Permission;
use suara_domain::period::Period;
use suara_domain::skm::follow_up::{validate, PlanDraft, Status};
use suara_domain::skm::Element;
use suara_store::StoredPlan;
use time::OffsetDateTime;

use super::dashboard::{tenant, tree};
use super::respond;
use crate::access::forbidden;
use crate::auth::Staff;
use crate::i18n::{element_name, Lang};
use crate::pages::message_page;
use crate::{ApiError, AppState};

pub fn status_label(lang: Lang, status: Status) -> &'static str {
    match lang {
        Lang::Id => status.label_id(),
        Lang::En => status.label_en(),
    }
}

/// The section of the unit page.
pub fn section(
    lang: Lang,
    staff: &Staff,
    unit_id: &str,
    period: Period,
    plans: &[StoredPlan],
    may_edit: bool,
) -> Markup {
    let action = format!("/dasbor/unit/{unit_id}/tindak-lanjut?lang={}", lang.code());
    html! {
        h2 #tindak-lanjut { (lang.pick("Rencana tindak lanjut", "Follow-up plan")) " (" (period) ")" }
        @if plans.is_empty() {
            p { (lang.pick("Belum ada rencana tindak lanjut untuk periode ini.", "No follow-up plan for this period yet.")) }
        } @else {
            table.data {
                thead { tr {
                    th scope="col" { (lang.pick("Unsur", "Element")) }
                    th scope="col" { (lang.pick("Tindak lanjut", "Action")) }
                    th scope="col" { (lang.pick("Penanggung jawab", "Owner")) }
                    th scope="col" { (lang.pick("Tenggat", "Deadline")) }
                    th scope="col" { (lang.pick("Status", "Status")) }
                } }
                tbody { @for p in plans { tr {
                    th scope="row" { (p.plan.element.code()) " " (element_name(lang, p.plan.element)) }
                    td { (p.plan.action) @if let Some(note) = &p.progress_note { br; small { (note) } } }
                    td { (p.plan.owner) }
                    td { (p.plan.deadline) }
                    td {
                        @if may_edit {
                            form.inline method="post" action=(action) {
                                input type="hidden" name="csrf" value=(staff.session.csrf_token);
                                input type="hidden" name="plan" value=(p.plan_id);
                                input type="hidden" name="period" value=(period);
                                label for={ "status-" (p.plan_id) } { (lang.pick("Status", "Status")) }
                                select id={ "status-" (p.plan_id) } name="status" {
                                    @for s in Status::ALL { option value=(s.code()) selected[s == p.status] { (status_label(lang, s)) } }
                                }
                                label for={ "note-" (p.plan_id) } { (lang.pick("Catatan kemajuan", "Progress note")) }
                                input id={ "note-" (p.plan_id) } name="note" value=[p.progress_note.as_deref()] maxlength="500";
                                button type="submit" { (lang.pick("Simpan", "Save")) }
                            }
                        } @else {
                            (status_label(lang, p.status))
                        }
                    }
                } } }
            }
        }
        @if may_edit {
            form.stack method="post" action=(action) {
                input type="hidden" name="csrf" value=(staff.session.csrf_token);
                input type="hidden" name="period" value=(period);
                p { label for="fu-element" { (lang.pick("Unsur", "Element")) }
                    select #fu-element name="element" { @for e in Element::ALL { option value=(e.code()) { (e.code()) " " (element_name(lang, e)) } } } }
                p { label for="fu-action" { (lang.pick("Tindak lanjut", "Action")) } input #fu-action name="action" required maxlength="1000"; }
                p { label for="fu-owner" { (lang.pick("Penanggung jawab", "Owner")) } input #fu-owner name="owner" required; }
                p { label for="fu-deadline" { (lang.pick("Tenggat", "Deadline")) } input #fu-deadline type="date" name="deadline" required; }
                p.buttons { button type="submit" { (lang.pick("Tambah rencana", "Add the plan")) } }
            }
        }
    }
}

/// Whether the user may add and update the unit's plans.
pub fn may_edit(staff: &Staff, unit_id: &str, tree: &suara_domain::org::tree::UnitTree) -> bool {
    staff.principal.may(Permission::ManageFollowUp) && staff.principal.sees_unit(unit_id, tree)
}

#[derive(Deserialize)]
pub struct ChangeForm {
    pub csrf: Option<String>,
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

#[derive(Deserialize, Default)]
pub struct LangOnly {
    pub lang: Option<String>,
}

/// Adds a plan, or (with `plan`) updates one's status and note; back to the unit page.
pub async fn change(
    State(app): State<Arc<AppState>>,
    Extension(staff): Extension<Staff>,
    Path(unit_id): Path<String>,
    Query(query): Query<LangOnly>,
    uri: OriginalUri,
    Form(form): Form<ChangeForm>,
) -> Response {
    let lang = Lang::from_code(query.lang.as_deref());
    let here = uri.to_string();
    if !staff.csrf_ok(form.csrf.as_deref()) {
        return forbidden(lang);
    }
    let result = async {
        let tenant = tenant(&app, &staff).await?;
        let (_, tree) = tree(&app, &tenant.tenant_id).await?;
        if !may_edit(&staff, &unit_id, &tree) {
            return Ok(forbidden(lang));
        }
        let period: Period =
            form.period.as_deref().unwrap_or_default().parse().map_err(
                |e: suara_domain::period::PeriodError| ApiError::BadQuery(e.to_string()),
            )?;
        let back = format!(
            "/dasbor/unit/{unit_id}?lang={}&period={period}#tindak-lanjut",
            lang.code()
        );
        let now = OffsetDateTime::now_utc();
        let problem = |text: String| {
            Ok(message_page(
                StatusCode::UNPROCESSABLE_ENTITY,
                lang,
                lang.pick("Rencana belum disimpan", "The plan was not saved"),
                &text,
                &back,
            ))
        };
        if let Some(plan_id) = form.plan.as_deref() {
            let Some(status) = form.status.as_deref().and_then(Status::from_code) else {
                return problem(lang.pick("Pilih status.", "Choose a status.").to_string());
            };
            let found = app
                .store
                .update_follow_up(
                    &tenant.tenant_id,
                    &unit_id,
                    plan_id,
                    status,
                    form.note.as_deref(),
                    staff.username(),
                    now,
                )
                .await?;
            if !found {
                return Err(ApiError::NotFound(format!("plan {plan_id}")));
            }
        } else {
            let draft = PlanDraft {
                element: form.element.clone(),
                action: form.action.clone(),
                owner: form.owner.clone(),
                deadline: form.deadline.clone(),
            };
            let plan = match validate(&draft) {
                Ok(plan) => plan,
                Err(problems) => {
                    let text = problems
                        .iter()
                        .map(|(f, r)| format!("{f}: {r}"))
                        .collect::<Vec<_>>()
                        .join("; ");
                    return problem(text);
                }
            };
            app.store
                .add_follow_up(
                    &tenant.tenant_id,
                    &unit_id,
                    period,
                    &plan,
                    staff.username(),
                    now,
                )
                .await?;
        }
        Ok(Redirect::to(&back).into_response())
    }
    .await;
    respond(lang, &here, result)
}
