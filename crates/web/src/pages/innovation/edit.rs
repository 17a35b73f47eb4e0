//! Changing what an innovation is registered with, on the same form it was registered on.

use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use maud::html;
use suara_domain::innovation::registry::validate;
use suara_store::{InnovationError, StoredInnovation};
use time::OffsetDateTime;

use super::form::{draft_of, problem_text, refusal, registration_form};
use super::{manage_href, managed};
use crate::pages::context::{CsrfForm, Pairs, StaffCx};
use crate::pages::failure::PageError;
use crate::routes;
use suara_app::i18n::catalogue as T;

/// The registration as the form's fields, to change it.
fn typed_from(i: &StoredInnovation) -> Pairs {
    let v = &i.innovation;
    let mut pairs: Pairs = vec![
        ("title".into(), v.title.clone()),
        ("problem".into(), v.problem.clone()),
        ("change".into(), v.change.clone()),
        ("initiator".into(), v.initiator.code().into()),
        ("form".into(), v.form.code().into()),
        ("affair".into(), v.affair.clone()),
        ("design".into(), v.design.clone()),
        ("goal".into(), v.goal.clone()),
        ("benefit".into(), v.benefit.clone()),
        ("result".into(), v.result.clone()),
        (
            "sdgs".into(),
            v.sdgs
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", "),
        ),
        ("team".into(), v.team.join("\n")),
        ("proposals".into(), i.proposals.join(", ")),
    ];
    if v.digital {
        pairs.push(("digital".into(), "yes".into()));
    }
    pairs.extend(
        v.elements
            .iter()
            .map(|e| ("elements".to_string(), e.code().to_string())),
    );
    pairs.extend(
        v.groups
            .iter()
            .map(|g| ("groups".to_string(), g.code().to_string())),
    );
    pairs
}

fn edit_page(
    cx: &StaffCx,
    i: &StoredInnovation,
    status: StatusCode,
    problems: &[String],
    typed: &Pairs,
) -> Response {
    let look = cx.look();
    let title = cx.t(T::CHANGE_THE_REGISTRATION);
    let content = html! {
        p { a href=(manage_href(cx.lang, i.innovation_id)) { (i.innovation.title) } }
        h1 { (title) }
        (registration_form(look, &[], None, problems, typed, &routes::innovation_edit(&i.innovation_id.to_string())))
    };
    cx.page(status, title, content)
}

pub async fn edit_form(cx: StaffCx, Path(id): Path<String>) -> Result<Response, PageError> {
    let i = managed(&cx, &id).await?;
    Ok(edit_page(&cx, &i, StatusCode::OK, &[], &typed_from(&i)))
}

pub async fn edit(
    cx: StaffCx,
    Path(id): Path<String>,
    CsrfForm(pairs): CsrfForm<Pairs>,
) -> Result<Response, PageError> {
    let lang = cx.lang;
    let i = managed(&cx, &id).await?;
    let (draft, proposals) = draft_of(&pairs);
    let innovation = match validate(&draft) {
        Ok(v) => v,
        Err(problems) => {
            let problems: Vec<String> = problems.iter().map(|p| problem_text(lang, p)).collect();
            return Ok(edit_page(
                &cx,
                &i,
                StatusCode::UNPROCESSABLE_ENTITY,
                &problems,
                &pairs,
            ));
        }
    };
    match cx
        .app
        .store
        .update_innovation(
            cx.tenant_id(),
            i.innovation_id,
            &innovation,
            &proposals,
            cx.username(),
            OffsetDateTime::now_utc(),
        )
        .await
    {
        Ok(()) => Ok(Redirect::to(&manage_href(lang, i.innovation_id)).into_response()),
        Err(InnovationError::Store(e)) => Err(PageError::Store(e)),
        Err(error) => Ok(edit_page(
            &cx,
            &i,
            StatusCode::UNPROCESSABLE_ENTITY,
            &[refusal(lang, &error)],
            &pairs,
        )),
    }
}
