//! The inspectorate decides appeals: officers appeal responses that name them; an upheld
//! response leaves later TPP runs (not the published SKM). Deciding is final, so it asks
//! first on a confirmation page.

use axum::http::StatusCode;
use axum::response::Response;
use maud::{html, Markup};
use serde::Deserialize;
use suara_store::{Appeal, NamingResponse};
use time::OffsetDateTime;

use super::confirm::{self, confirmed, Confirmation};
use super::outcome;
use super::tpp::refusal;
use crate::pages::context::{CsrfForm, Look, StaffCx};
use crate::pages::failure::PageError;
use crate::routes;
use suara_app::i18n::catalogue as T;
use suara_app::i18n::{channel_label, Lang};

pub fn appeal_status(lang: Lang, appeal: &Appeal) -> Markup {
    match &appeal.decision {
        None => {
            html! { (lang.t(T::APPEALED_AWAITING_THE_INSPECTORATE)) }
        }
        Some(d) if d.upheld => {
            html! { strong { (lang.t(T::APPEAL_UPHELD)) } ": " (d.reason) }
        }
        Some(d) => html! { (lang.t(T::APPEAL_DISMISSED)) ": " (d.reason) },
    }
}

pub fn answers_text(answers: &[Option<u8>]) -> String {
    answers
        .iter()
        .map(|a| a.map_or("–".to_string(), |v| v.to_string()))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A pending appeal with the response it is about and the officer's name.
pub struct PendingRow {
    pub appeal: Appeal,
    pub response: Option<NamingResponse>,
    pub name: Option<String>,
}

pub struct AppealsView {
    pub pending: Vec<PendingRow>,
    pub decided: Vec<Appeal>,
    pub offset: time::UtcOffset,
}

async fn load(cx: &StaffCx) -> Result<AppealsView, PageError> {
    let store = &cx.app.store;
    let tenant_id = cx.tenant_id();
    let mut pending = Vec::new();
    for appeal in store.pending_appeals(tenant_id).await? {
        let response = store
            .responses_naming(tenant_id, &appeal.nip, appeal.month)
            .await?
            .into_iter()
            .find(|r| r.response_id == appeal.response_id);
        let name = store.officer(tenant_id, &appeal.nip).await?.map(|o| o.name);
        pending.push(PendingRow {
            appeal,
            response,
            name,
        });
    }
    Ok(AppealsView {
        pending,
        decided: store.decided_appeals(tenant_id, 50).await?,
        offset: cx.tenant.offset(),
    })
}

async fn respond(
    cx: &StaffCx,
    status: StatusCode,
    message: Option<Result<String, String>>,
) -> Result<Response, PageError> {
    let view = load(cx).await?;
    let (title, content) = render(cx.look(), &view, message.as_ref());
    Ok(cx.page(status, title, content))
}

pub async fn appeals(cx: StaffCx) -> Result<Response, PageError> {
    respond(&cx, StatusCode::OK, None).await
}

pub fn render(
    look: Look,
    view: &AppealsView,
    message: Option<&Result<String, String>>,
) -> (&'static str, Markup) {
    let lang = look.lang;
    let when = |at: OffsetDateTime| lang.date_time(at, view.offset);
    let title = look.t(T::APPEALS_OF_RESPONSES);
    let content = html! {
        h1 { (title) }
        p { (look.t(T::OFFICERS_APPEAL_RESPONSES_THAT_NAME_THEM_UPHOLD)) }
        (outcome(message))
        @if view.pending.is_empty() {
            p { strong { (look.t(T::NO_APPEALS_ARE_WAITING)) } }
        } @else {
            table.data.stacked {
                thead { tr {
                    th scope="col" { (look.t(T::OFFICER)) }
                    th scope="col" { (look.t(T::RESPONSE)) }
                    th scope="col" { (look.t(T::OFFICER_S_REASON)) }
                    th scope="col" { (look.t(T::DECISION)) }
                } }
                tbody { @for row in &view.pending { tr {
                    @let appeal = &row.appeal;
                    th scope="row" { (row.name.as_deref().unwrap_or("")) br; small { "NIP " (appeal.nip) } }
                    td data-label=(look.t(T::RESPONSE)) {
                        @if let Some(r) = &row.response {
                            (when(r.received_at)) " · " (channel_label(lang, &r.channel)) br; code { (answers_text(&r.answers)) }
                        }
                    }
                    td data-label=(look.t(T::OFFICER_S_REASON)) { (appeal.reason) br; small.muted { (when(appeal.filed_at)) } }
                    td {
                        form.decide method="post" action=(look.action(routes::APPEALS)) {
                            (look.csrf())
                            input type="hidden" name="response" value=(appeal.response_id);
                            label for={ "decision-" (appeal.response_id) } { (look.t(T::REASON_FOR_THE_DECISION)) }
                            input id={ "decision-" (appeal.response_id) } name="reason" required maxlength="1000";
                            button type="submit" name="decision" value="uphold" { (look.t(T::UPHOLD)) }
                            " "
                            button type="submit" name="decision" value="dismiss" { (look.t(T::DISMISS)) }
                        }
                    }
                } } }
            }
        }
        @if !view.decided.is_empty() {
            h2 { (look.t(T::DECIDED)) }
            table.data.stacked {
                thead { tr {
                    th scope="col" { "NIP" } th scope="col" { (look.t(T::MONTH)) }
                    th scope="col" { (look.t(T::OFFICER_S_REASON)) } th scope="col" { (look.t(T::DECISION)) }
                } }
                tbody { @for a in &view.decided { tr {
                    th scope="row" { (a.nip) }
                    td data-label=(look.t(T::MONTH)) { (lang.month(a.month)) }
                    td data-label=(look.t(T::OFFICER_S_REASON)) { (a.reason) }
                    td data-label=(look.t(T::DECISION)) { (appeal_status(lang, a)) @if let Some(d) = &a.decision { br; small.muted { (d.decided_by) ", " (when(d.decided_at)) } } }
                } } }
            }
        }
    };
    (title, content)
}

#[derive(Deserialize)]
pub struct DecideForm {
    pub response: Option<i64>,
    pub decision: Option<String>,
    #[serde(default)]
    pub reason: String,
    pub confirm: Option<String>,
}

pub async fn decide(
    cx: StaffCx,
    CsrfForm(form): CsrfForm<DecideForm>,
) -> Result<Response, PageError> {
    let upheld = match form.decision.as_deref() {
        Some("uphold") => Some(true),
        Some("dismiss") => Some(false),
        _ => None,
    };
    let (Some(response_id), Some(upheld)) = (form.response, upheld) else {
        let problem = Err(cx.t(T::CHOOSE_AN_APPEAL_AND_A_DECISION).to_string());
        return respond(&cx, StatusCode::UNPROCESSABLE_ENTITY, Some(problem)).await;
    };
    if form.reason.trim().is_empty() {
        let problem = Err(cx.t(T::WRITE_DOWN_THE_REASON_FOR_THE_DECISION).to_string());
        return respond(&cx, StatusCode::UNPROCESSABLE_ENTITY, Some(problem)).await;
    }
    if !confirmed(form.confirm.as_deref()) {
        let view = load(&cx).await?;
        let Some(row) = view
            .pending
            .iter()
            .find(|r| r.appeal.response_id == response_id)
        else {
            let gone = Err(cx
                .t(T::THIS_APPEAL_HAS_BEEN_DECIDED_ALREADY_DECISIONS)
                .to_string());
            return respond(&cx, StatusCode::CONFLICT, Some(gone)).await;
        };
        return confirm_page(&cx, row, upheld, &form);
    }
    let nip = cx
        .app
        .store
        .pending_appeals(cx.tenant_id())
        .await?
        .into_iter()
        .find(|a| a.response_id == response_id)
        .map(|a| a.nip);
    let decided = cx
        .app
        .store
        .decide_appeal(
            cx.tenant_id(),
            response_id,
            upheld,
            &form.reason,
            cx.username(),
            OffsetDateTime::now_utc(),
        )
        .await;
    if let (Ok(()), Some(nip)) = (&decided, &nip) {
        crate::alerts::appeal_decided(
            &cx.app,
            cx.tenant_id(),
            nip,
            response_id,
            upheld,
            &form.reason,
        )
        .await;
    }
    let (status, message) = match decided {
        Ok(()) => (
            StatusCode::OK,
            Ok(if upheld {
                cx.t(T::UPHELD_THE_RESPONSE_NO_LONGER_COUNTS_FOR)
            } else {
                cx.t(T::DISMISSED_THE_RESPONSE_STILL_COUNTS)
            }
            .to_string()),
        ),
        Err(error) => {
            let (status, text) = refusal(cx.lang, error)?;
            (status, Err(text))
        }
    };
    respond(&cx, status, Some(message)).await
}

fn confirm_page(
    cx: &StaffCx,
    row: &PendingRow,
    upheld: bool,
    form: &DecideForm,
) -> Result<Response, PageError> {
    let appeal = &row.appeal;
    confirm::page(
        cx,
        &Confirmation {
            title: if upheld {
                cx.t(T::UPHOLD_THIS_APPEAL)
            } else {
                cx.t(T::DISMISS_THIS_APPEAL)
            },
            facts: vec![
                (
                    cx.t(T::OFFICER),
                    html! { (row.name.as_deref().unwrap_or("")) " · NIP " (appeal.nip) },
                ),
                (cx.t(T::MONTH), html! { (cx.lang.month(appeal.month)) }),
                (cx.t(T::OFFICER_S_REASON), html! { (appeal.reason) }),
                (cx.t(T::REASON_FOR_THE_DECISION), html! { (form.reason) }),
            ],
            consequence: if upheld {
                cx.t(T::THIS_DECISION_IS_FINAL_THE_RESPONSE_NO)
            } else {
                cx.t(T::THIS_DECISION_IS_FINAL_THE_RESPONSE_STILL)
            },
            action: routes::APPEALS,
            fields: vec![
                ("response".into(), appeal.response_id.to_string()),
                (
                    "decision".into(),
                    if upheld { "uphold" } else { "dismiss" }.into(),
                ),
                ("reason".into(), form.reason.clone()),
            ],
            yes: if upheld {
                cx.t(T::YES_UPHOLD)
            } else {
                cx.t(T::YES_DISMISS)
            },
            cancel: cx.href(routes::APPEALS),
        },
    )
}
