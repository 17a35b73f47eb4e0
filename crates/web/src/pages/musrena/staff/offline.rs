//! `/musrena/forum/{id}/luring`: a forum held where the signal drops, and the facilitator
//! mode for participants who cannot use a form. The page is opened while online and keeps
//! working offline: `forum-luring.js` keeps each proposal and each group's votes on the
//! device with a key of its own and sends them when the connection is back; the store
//! records each key once. Votes are counted per group, never named, and audit-logged as
//! assisted.

use axum::extract::Path;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use maud::{html, Markup};
use serde_json::json;
use suara_domain::musrena::forum::Group;
use suara_domain::musrena::proposal::{validate, ProposalDraft, Sector};
use suara_store::{
    valid_offline_key, Forum, MusrenaError, OfflineItem, ProposalFilter, StoredProposal,
    MAX_ASSISTED_VOTES,
};
use time::OffsetDateTime;

use super::{districts, field, fields, managed_forum, refusal, Districts, Pairs};
use crate::pages::context::{CsrfForm, Look, StaffCx};
use crate::pages::failure::PageError;
use crate::pages::musrena::{group_label, sector_label};
use crate::routes;
use suara_app::i18n::catalogue as T;

/// The page runs its one script and talks to its own origin only.
const OFFLINE_CSP: &str =
    "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; \
     img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

pub async fn offline_page(
    cx: StaffCx,
    Path(forum_id): Path<String>,
) -> Result<Response, PageError> {
    let d = districts(&cx).await?;
    let forum = managed_forum(&cx, &d, &forum_id).await?;
    let filter = ProposalFilter {
        forum_id: Some(forum_id.clone()),
        ..ProposalFilter::default()
    };
    let proposals: Vec<StoredProposal> = cx
        .app
        .store
        .proposals(cx.tenant_id(), &filter)
        .await?
        .into_iter()
        .filter(|p| !p.stage.is_final())
        .collect();
    let title = cx.lang.t(T::OFFLINE_FORUM);
    let forum_title = d.forum_title(cx.lang, &forum, &cx.tenant.name);
    let content = render(cx.look(), &d, &forum, &forum_title, &proposals);
    let mut response = cx.page(StatusCode::OK, title, content);
    response.headers_mut().insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(OFFLINE_CSP),
    );
    Ok(response)
}

fn render(
    look: Look,
    d: &Districts,
    forum: &Forum,
    title: &str,
    proposals: &[StoredProposal],
) -> Markup {
    let lang = look.lang;
    html! {
        p.crumbs { a href=(look.href(&routes::musrena_forum(&forum.forum_id))) { "Forum " (forum.forum_id) } }
        h1 { (lang.t(T::OFFLINE_FORUM)) }
        p { (title) }
        div #luring data-action=(look.action(&routes::musrena_offline(&forum.forum_id))) data-csrf=(look.csrf)
            data-waiting=(lang.t(T::OFFLINE_WAITING)) data-all-sent=(lang.t(T::OFFLINE_ALL_SENT)) {
            p { (lang.t(T::OFFLINE_FORUM_INTRO)) }
            p.notice #luring-status role="status" aria-live="polite" {}
        }
        h2 { (lang.t(T::NEW_PROPOSAL)) }
        form.stack data-kind="proposal" method="post" action="#" {
            p { label for="title" { (lang.t(T::TITLE)) } input #title name="title" data-label required maxlength="160"; }
            p { label for="problem" { (lang.t(T::PROBLEM)) } textarea #problem name="problem" required rows="2" {} }
            p { label for="activity" { (lang.t(T::PROPOSED_ACTIVITY)) } textarea #activity name="activity" required rows="2" {} }
            p { label for="sector" { (lang.t(T::SECTOR)) }
                select #sector name="sector" required { @for s in Sector::ALL { option value=(s.code()) { (sector_label(lang, s)) } } } }
            p { label for="village" { (lang.t(T::VILLAGE_OR_KELURAHAN)) } (d.village_select(lang, forum.district_id.as_deref(), forum.village.as_deref().unwrap_or(""), true)) }
            fieldset {
                legend { (lang.t(T::PROPOSING_GROUPS)) }
                @for g in Group::ALL { label.choice { input type="checkbox" name="proposed_by" value=(g.code()); " " (group_label(lang, g)) } }
            }
            p.buttons { button.primary type="submit" { (lang.t(T::SAVE_THE_PROPOSAL)) } }
        }
        h2 { (lang.t(T::ASSISTED_VOTES)) }
        p { (lang.t(T::ASSISTED_VOTES_INTRO)) }
        form.stack data-kind="votes" method="post" action="#" {
            p { label for="code" { (lang.t(T::PROPOSAL)) }
                select #code name="code" data-label required {
                    option value="" { "–" }
                    @for p in proposals { option value=(p.code) { (p.proposal.title) " · " (p.code) } }
                } }
            p { label for="group" { (lang.t(T::GROUP)) }
                select #group name="group" required { @for g in Group::ALL { option value=(g.code()) { (group_label(lang, g)) } } } }
            p { label for="count" { (lang.t(T::NUMBER_OF_VOTES)) } input #count name="count" type="number" min="1" max="10000" inputmode="numeric" required; }
            p.buttons { button type="submit" { (lang.t(T::RECORD_THE_VOTES)) } }
        }
        h2 { (lang.t(T::OFFLINE_REFUSED)) }
        ul #luring-refused {}
        script src=(routes::QUEUE_SCRIPT) {}
        script src=(routes::FORUM_OFFLINE_SCRIPT) {}
    }
}

/// One item from the page's queue, as a form: `kind`, `key`, and the item's fields.
/// Answers JSON: the proposal's code and whether the key was seen before, or the problems.
pub async fn record(
    cx: StaffCx,
    Path(forum_id): Path<String>,
    CsrfForm(pairs): CsrfForm<Pairs>,
) -> Result<Response, PageError> {
    let lang = cx.lang;
    let d = districts(&cx).await?;
    managed_forum(&cx, &d, &forum_id).await?;
    let refused = |problems: Vec<String>| {
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            Json(json!({ "problems": problems })),
        )
            .into_response()
    };
    let key = field(&pairs, "key").unwrap_or("");
    if !valid_offline_key(key) {
        return Ok(refused(vec![lang.t(T::NOT_A_VALID_KEY).to_string()]));
    }
    let text = |name: &str| field(&pairs, name).unwrap_or("").to_string();
    let proposal;
    let item = match field(&pairs, "kind") {
        Some("proposal") => {
            let draft = ProposalDraft {
                title: text("title"),
                problem: text("problem"),
                activity: text("activity"),
                sector: text("sector"),
                village: text("village"),
                proposed_by: fields(&pairs, "proposed_by").map(str::to_string).collect(),
                ..ProposalDraft::default()
            };
            proposal = match validate(&draft) {
                Ok(p) => p,
                Err(found) => {
                    let problems = found
                        .iter()
                        .map(|p| super::proposal::problem_text(lang, &p.field, p.problem))
                        .collect();
                    return Ok(refused(problems));
                }
            };
            OfflineItem::Proposal(&proposal)
        }
        Some("votes") => {
            let count = text("count")
                .trim()
                .parse::<u32>()
                .ok()
                .filter(|n| (1..=MAX_ASSISTED_VOTES).contains(n));
            let group = Group::from_code(&text("group"));
            let code = field(&pairs, "code").filter(|c| !c.is_empty());
            match (count, group, code) {
                (Some(count), Some(group), Some(code)) => OfflineItem::Votes { code, group, count },
                (None, _, _) => {
                    return Ok(refused(vec![lang.t(T::VOTES_MUST_BE_A_NUMBER).to_string()]))
                }
                _ => {
                    return Ok(refused(vec![lang
                        .t(T::CHOOSE_A_PROPOSAL_AND_GROUP)
                        .to_string()]))
                }
            }
        }
        _ => return Err(PageError::BadRequest),
    };
    let now = OffsetDateTime::now_utc();
    match cx
        .app
        .store
        .record_offline(
            cx.tenant_id(),
            &forum_id,
            key,
            item,
            cx.today(),
            cx.username(),
            now,
        )
        .await
    {
        Ok(outcome) => {
            Ok(Json(json!({ "code": outcome.code, "repeated": outcome.repeated })).into_response())
        }
        Err(MusrenaError::Store(e)) => Err(PageError::Store(e)),
        Err(error) => Ok(refused(vec![refusal(lang, &error)])),
    }
}
