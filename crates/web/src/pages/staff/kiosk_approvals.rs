//! `/admin/kios`: the second pair of eyes on kiosks. A kiosk a unit admin registered counts
//! for the published SKM at once, but for pay only once the inspectorate or BKPSDM approved
//! it here: never the account that registered it, and one approved kiosk per service point.

use axum::http::StatusCode;
use axum::response::Response;
use maud::{html, Markup};
use serde::Deserialize;
use suara_store::{ApprovalError, Kiosk};
use time::OffsetDateTime;

use super::outcome;
use crate::pages::context::{CsrfForm, Look, StaffCx};
use crate::pages::failure::PageError;
use crate::routes::KIOSK_APPROVALS;
use suara_app::i18n::catalogue as T;

#[derive(Deserialize)]
pub struct ApprovalForm {
    pub kiosk: Option<String>,
}

/// A kiosk with the names of its service point and unit.
pub struct Listed {
    kiosk: Kiosk,
    point: String,
}

/// What the page shows: active kiosks waiting for approval, and those approved.
pub struct ApprovalsView {
    waiting: Vec<Listed>,
    approved: Vec<Listed>,
    offset: time::UtcOffset,
}

async fn view(cx: &StaffCx) -> Result<ApprovalsView, PageError> {
    let store = &cx.app.store;
    let tenant_id = cx.tenant_id();
    let units = store.units(tenant_id).await?;
    let mut waiting = Vec::new();
    let mut approved = Vec::new();
    for kiosk in store.kiosks(tenant_id).await? {
        if kiosk.revoked_at.is_some() {
            continue;
        }
        let unit = units
            .iter()
            .find(|u| u.unit_id == kiosk.unit_id)
            .map_or(kiosk.unit_id.as_str(), |u| u.name.as_str());
        let point = store
            .points_of_unit(tenant_id, &kiosk.unit_id)
            .await?
            .into_iter()
            .find(|p| p.point_id == kiosk.point_id)
            .map_or_else(|| kiosk.point_id.clone(), |p| p.name);
        let listed = Listed {
            point: format!("{point} — {unit}"),
            kiosk,
        };
        if listed.kiosk.approved.is_some() {
            approved.push(listed);
        } else {
            waiting.push(listed);
        }
    }
    Ok(ApprovalsView {
        waiting,
        approved,
        offset: cx.tenant.offset(),
    })
}

fn render(
    look: Look,
    view: &ApprovalsView,
    notice: Option<&Result<&str, &str>>,
) -> (&'static str, Markup) {
    let lang = look.lang;
    let when = |at: OffsetDateTime| lang.date_time(at, view.offset);
    let officer = |k: &Kiosk| {
        k.officer_nip
            .as_deref()
            .map_or_else(|| "–".to_string(), |nip| format!("NIP {nip}"))
    };
    let title = lang.t(T::KIOSK_APPROVALS);
    let content = html! {
        h1 { (title) }
        p { (lang.t(T::KIOSK_APPROVALS_INTRO)) }
        (outcome(notice))
        h2 { (lang.t(T::KIOSKS_AWAITING_APPROVAL)) }
        @if view.waiting.is_empty() {
            p.muted { (lang.t(T::NO_KIOSK_AWAITS_APPROVAL)) }
        } @else {
            table.data.stacked {
                thead { tr {
                    th scope="col" { (lang.t(T::KIOSK)) }
                    th scope="col" { (lang.t(T::SERVICE_POINT)) }
                    th scope="col" { (lang.t(T::OFFICER_2)) }
                    th scope="col" { (lang.t(T::REGISTERED)) }
                    th scope="col" { span.visually-hidden { (lang.t(T::APPROVAL)) } }
                } }
                tbody { @for l in &view.waiting { tr {
                    th scope="row" { (l.kiosk.label) }
                    td data-label=(lang.t(T::SERVICE_POINT)) { (l.point) }
                    td data-label=(lang.t(T::OFFICER_2)) { (officer(&l.kiosk)) }
                    td data-label=(lang.t(T::REGISTERED)) { (when(l.kiosk.registered_at)) " · " (l.kiosk.registered_by) }
                    td {
                        form method="post" action=(look.action(KIOSK_APPROVALS)) {
                            (look.csrf())
                            input type="hidden" name="kiosk" value=(l.kiosk.kiosk_id);
                            button type="submit" aria-label={ (lang.t(T::APPROVE_KIOSK)) (l.kiosk.label) } { (lang.t(T::APPROVE_NOW)) }
                        }
                    }
                } } }
            }
        }
        h2 { (lang.t(T::APPROVED_KIOSKS)) }
        @if view.approved.is_empty() {
            p.muted { (lang.t(T::NO_KIOSKS_YET)) }
        } @else {
            table.data.stacked {
                thead { tr {
                    th scope="col" { (lang.t(T::KIOSK)) }
                    th scope="col" { (lang.t(T::SERVICE_POINT)) }
                    th scope="col" { (lang.t(T::OFFICER_2)) }
                    th scope="col" { (lang.t(T::APPROVAL)) }
                } }
                tbody { @for l in &view.approved { tr {
                    th scope="row" { (l.kiosk.label) }
                    td data-label=(lang.t(T::SERVICE_POINT)) { (l.point) }
                    td data-label=(lang.t(T::OFFICER_2)) { (officer(&l.kiosk)) }
                    td data-label=(lang.t(T::APPROVAL)) {
                        @if let Some((by, at)) = &l.kiosk.approved { (when(*at)) " · " (by) }
                    }
                } } }
            }
        }
    };
    (title, content)
}

async fn respond(
    cx: &StaffCx,
    status: StatusCode,
    notice: Option<Result<&str, &str>>,
) -> Result<Response, PageError> {
    let view = view(cx).await?;
    let (title, content) = render(cx.look(), &view, notice.as_ref());
    Ok(cx.page(status, title, content))
}

pub async fn show(cx: StaffCx) -> Result<Response, PageError> {
    respond(&cx, StatusCode::OK, None).await
}

pub async fn approve(
    cx: StaffCx,
    CsrfForm(form): CsrfForm<ApprovalForm>,
) -> Result<Response, PageError> {
    let lang = cx.lang;
    let kiosk = form.kiosk.as_deref().unwrap_or("");
    let approved = cx
        .app
        .store
        .approve_kiosk(
            cx.tenant_id(),
            kiosk,
            cx.username(),
            OffsetDateTime::now_utc(),
        )
        .await;
    let (status, notice) = match approved {
        Ok(_) => (StatusCode::OK, Ok(lang.t(T::KIOSK_APPROVED))),
        Err(ApprovalError::NoSuchKiosk) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            Err(lang.t(T::CHOOSE_A_KIOSK_AWAITING_APPROVAL)),
        ),
        Err(ApprovalError::AlreadyApproved) => (
            StatusCode::CONFLICT,
            Err(lang.t(T::THAT_KIOSK_IS_APPROVED_ALREADY)),
        ),
        Err(ApprovalError::OwnRegistration) => (
            StatusCode::FORBIDDEN,
            Err(lang.t(T::YOU_REGISTERED_THAT_KIOSK)),
        ),
        Err(ApprovalError::PointTaken { .. }) => (
            StatusCode::CONFLICT,
            Err(lang.t(T::POINT_HAS_AN_APPROVED_KIOSK)),
        ),
        Err(ApprovalError::Store(error)) => return Err(error.into()),
    };
    respond(&cx, status, Some(notice)).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use suara_app::i18n::Lang;

    #[test]
    fn waiting_kiosks_have_an_approve_button_and_approved_ones_say_by_whom() {
        let at = time::macros::datetime!(2026-11-25 02:00 UTC);
        let kiosk = |id: &str, approved: Option<(String, OffsetDateTime)>| Listed {
            kiosk: Kiosk {
                kiosk_id: id.into(),
                point_id: "loket-1".into(),
                unit_id: "dukcapil".into(),
                officer_nip: None,
                label: format!("Tablet {id}"),
                registered_by: "admin-dukcapil".into(),
                registered_at: at,
                approved,
                revoked_at: None,
            },
            point: "Loket 1 — Dukcapil".into(),
        };
        let view = ApprovalsView {
            waiting: vec![kiosk("a", None)],
            approved: vec![kiosk("b", Some(("inspektorat".into(), at)))],
            offset: time::UtcOffset::from_hms(7, 0, 0).unwrap(),
        };
        let look = Look {
            lang: Lang::ID,
            csrf: "token",
        };
        let html = render(look, &view, None).1.into_string();
        assert!(
            html.contains("Setujui") && html.contains("name=\"kiosk\" value=\"a\""),
            "{html}"
        );
        assert!(
            html.contains("25 November 2026") && html.contains("inspektorat"),
            "{html}"
        );
        assert!(!html.contains("value=\"b\""), "{html}");
    }
}
