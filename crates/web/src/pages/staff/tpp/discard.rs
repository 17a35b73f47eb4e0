//! Discarding a version of a month's run that will not be paid (a draft computed by
//! mistake, or a new version no longer wanted), after a confirmation page. The version is
//! kept, marked discarded and audit-logged; the month shows the run in force again.

use axum::extract::Path;
use axum::response::Response;
use maud::html;
use suara_domain::tpp::payroll::RunState;
use time::OffsetDateTime;

use super::run::{load, render, RunQuery, StateForm};
use super::{month_href, parse_month, refusal, rp};
use crate::pages::context::{CsrfForm, StaffCx};
use crate::pages::failure::PageError;
use crate::pages::staff::confirm::{self, confirmed, Confirmation};
use crate::routes;
use suara_app::i18n::catalogue as T;

pub async fn discard(
    cx: StaffCx,
    Path(month): Path<String>,
    CsrfForm(form): CsrfForm<StateForm>,
) -> Result<Response, PageError> {
    let month = parse_month(&month)?;
    let (Some(version), Some(from)) = (
        form.version,
        form.from.as_deref().and_then(RunState::from_code),
    ) else {
        return Err(PageError::BadRequest);
    };
    let query = RunQuery {
        versi: Some(version),
        unit: None,
    };
    if !confirmed(form.confirm.as_deref()) {
        let view = load(&cx, month, &query).await?;
        let s = &view.run.summary;
        let action = routes::tpp_discard(&month.to_string());
        return confirm::page(
            &cx,
            &Confirmation {
                title: cx.t(T::DISCARD_THE_TPP_RUN),
                facts: vec![
                    (
                        cx.t(T::RUN_2),
                        html! { "TPP " (cx.lang.month(s.month)) " · " (cx.t(T::VERSION_3)) (s.version) },
                    ),
                    (
                        cx.t(T::PAID),
                        html! { (s.paid) " " (cx.t(T::OFFICERS_2)) ", " (rp(s.total)) },
                    ),
                ],
                consequence: cx.t(T::ONCE_DISCARDED_NEVER_PAID),
                action: &action,
                fields: vec![
                    ("version".into(), version.to_string()),
                    ("from".into(), from.code().into()),
                ],
                yes: cx.t(T::YES_DISCARD),
                cancel: month_href(cx.lang, month, Some(version)),
            },
        );
    }
    let outcome = cx
        .app
        .store
        .discard_run(
            cx.tenant_id(),
            month,
            version,
            from,
            cx.username(),
            OffsetDateTime::now_utc(),
        )
        .await;
    let (status, message) = match outcome {
        Ok(()) => (
            axum::http::StatusCode::OK,
            Ok(cx.t(T::VERSION_DISCARDED).to_string()),
        ),
        Err(error) => {
            let (status, text) = refusal(cx.lang, error)?;
            (status, Err(text))
        }
    };
    let view = load(&cx, month, &query).await?;
    let (title, content) = render(cx.look(), &view, Some(&message));
    Ok(cx.page(status, &title, content))
}
