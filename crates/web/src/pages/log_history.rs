//! `/transparansi/log`: the log's signed checkpoints, newest first, each with the witnesses
//! that cosigned it, and a check that one checkpoint extends another (the consistency proof
//! between them, checked here against both signed roots; the page says how to check it
//! without trusting this server). Plain HTML, no script.

use axum::extract::Query;
use axum::http::StatusCode;
use axum::response::Response;
use maud::{html, Markup};
use serde::Deserialize;
use suara_domain::integrity::checkpoint;
use suara_domain::integrity::merkle;
use suara_domain::integrity::signed_head::{PublicKey, SignedHead};
use suara_store::{StoredCheckpoint, Tenant};
use time::OffsetDateTime;

use super::context::PageCx;
use super::failure::PageError;
use super::{layout, page};
use crate::routes;
use crate::state::AppState;
use suara_app::i18n::catalogue as T;
use suara_app::i18n::Lang;

/// Checkpoints in one page.
const PER_PAGE: i64 = 25;

#[derive(Deserialize)]
pub struct HistoryQuery {
    /// Only checkpoints of fewer responses: the last size of the page before.
    before: Option<String>,
    /// The consistency check's two sizes, as typed.
    from: Option<String>,
    to: Option<String>,
}

/// What the consistency check found.
enum Check {
    NotAsked,
    Problem(String),
    Extends { from: u64, to: u64, holds: bool },
}

pub async fn show(cx: PageCx, Query(query): Query<HistoryQuery>) -> Result<Response, PageError> {
    let (app, lang) = (&cx.app, cx.lang);
    let tenant = app.tenant(None).await?;
    let id = tenant.tenant_id.as_str();
    let before = query
        .before
        .as_deref()
        .and_then(|b| b.trim().parse::<u64>().ok());
    let witnesses = app.witnesses.witnessed().witnesses;
    // Only cosignatures that verify with the witnesses' keys are shown.
    let checkpoints: Vec<StoredCheckpoint> = app
        .store
        .checkpoints(id, before, PER_PAGE)
        .await?
        .iter()
        .map(|c| c.verified(witnesses))
        .collect();
    let check = check(app, lang, id, &query).await?;
    let verifier_key = checkpoint::log_verifier_key(id, &app.signer.public(id)?);
    let status = match check {
        Check::Problem(_) => StatusCode::UNPROCESSABLE_ENTITY,
        _ => StatusCode::OK,
    };
    let title = lang.t(T::LOG_HISTORY_TITLE);
    let content = html! {
        @if let Check::Problem(problem) = &check {
            div.error-summary role="alert" tabindex="-1" {
                h2 { (lang.t(T::THERE_IS_A_PROBLEM)) }
                ul { li { a href="#from" { (problem) } } }
            }
        }
        h1 { (title) }
        p.lead { (lang.fill(T::LOG_HISTORY_LEAD, &[&tenant.name])) }
        dl.facts {
            dt { (lang.t(T::LOG_VERIFIER_KEY)) } dd { code.digest { (verifier_key) } }
        }
        p { a href=(routes::log_checkpoint(id)) { (lang.t(T::LOG_LATEST_CHECKPOINT)) } }
        (consistency_form(lang, id, &query, &check))
        h2 #titik-periksa { (lang.t(T::LOG_SIGNED_CHECKPOINTS)) }
        @if !witnesses.is_empty() { p { (lang.t(T::LOG_WITNESS_NOTE)) } }
        (table(lang, &tenant, &checkpoints))
        @if checkpoints.len() as i64 == PER_PAGE {
            @if let Some(last) = checkpoints.last() {
                p { a href={ (routes::TRANSPARENCY_LOG) "?lang=" (lang.code()) "&before=" (last.head.head.size) "#titik-periksa" } { (lang.t(T::LOG_OLDER_CHECKPOINTS)) } }
            }
        }
    };
    Ok(page(status, layout(lang, title, &cx.here, content)))
}

/// The check between the two sizes asked for, each of which must be a signed checkpoint's.
async fn check(
    app: &AppState,
    lang: Lang,
    id: &str,
    query: &HistoryQuery,
) -> Result<Check, PageError> {
    let (Some(from), Some(to)) = (query.from.as_deref(), query.to.as_deref()) else {
        return Ok(Check::NotAsked);
    };
    let (Ok(from), Ok(to)) = (from.trim().parse::<u64>(), to.trim().parse::<u64>()) else {
        return Ok(Check::Problem(lang.t(T::LOG_SIZES_NEEDED).to_string()));
    };
    if from > to {
        return Ok(Check::Problem(lang.t(T::LOG_OLDER_NOT_LARGER).to_string()));
    }
    let key = app.signer.public(id)?;
    let old = head_of(app, id, from, &key).await?;
    let new = head_of(app, id, to, &key).await?;
    let (Some(old), Some(new)) = (&old, &new) else {
        let missing = if old.is_none() { from } else { to };
        return Ok(Check::Problem(
            lang.fill(T::LOG_NO_CHECKPOINT_OF, &[&missing]),
        ));
    };
    let proof = if from == to {
        Vec::new()
    } else {
        app.store.consistency_proof(id, from, to).await?
    };
    let holds = merkle::verify_consistency(from, to, &proof, &old.head.root, &new.head.root);
    Ok(Check::Extends { from, to, holds })
}

/// The head of exactly `size` responses, if one was signed with the regency's key (a row
/// written into the database without it is no head).
async fn head_of(
    app: &AppState,
    id: &str,
    size: u64,
    key: &PublicKey,
) -> Result<Option<SignedHead>, PageError> {
    let Some(below) = size.checked_add(1) else {
        return Ok(None);
    };
    let head = app.store.heads_below(id, Some(below), 1).await?.pop();
    Ok(head.filter(|h| h.head.size == size && size > 0 && h.check(key).is_ok()))
}

fn consistency_form(lang: Lang, id: &str, query: &HistoryQuery, check: &Check) -> Markup {
    html! {
        h2 #periksa { (lang.t(T::LOG_CHECK_GROWTH)) }
        @match check {
            Check::Extends { from, to, holds: true } => {
                div.notice role="status" { p { strong { (lang.fill(T::LOG_EXTENDS, &[from as &dyn std::fmt::Display, to])) } } }
            }
            Check::Extends { from, to, holds: false } => {
                div.error-summary role="alert" { p { strong { (lang.fill(T::LOG_DOES_NOT_EXTEND, &[from as &dyn std::fmt::Display, to])) } } }
            }
            _ => {}
        }
        @if let Check::Extends { from, to, .. } = check {
            @if from < to {
                p { a href={ (routes::API_LOG_CONSISTENCY) "?tenant=" (id) "&from=" (from) "&to=" (to) } { (lang.t(T::LOG_PROOF_FOR_MACHINES)) } }
            }
        }
        form.stack method="get" action=(routes::TRANSPARENCY_LOG) {
            input type="hidden" name="lang" value=(lang.code());
            p { label for="from" { (lang.t(T::LOG_OLDER_SIZE)) }
                input #from name="from" inputmode="numeric" autocomplete="off" value=(query.from.as_deref().unwrap_or("")); }
            p { label for="to" { (lang.t(T::LOG_NEWER_SIZE)) }
                input #to name="to" inputmode="numeric" autocomplete="off" value=(query.to.as_deref().unwrap_or("")); }
            button type="submit" { (lang.t(T::CHECK)) }
        }
        @let prefix = routes::log_checkpoint(id).trim_end_matches("/checkpoint").to_string();
        p { small { (lang.fill(T::LOG_CHECK_YOURSELF, &[&"suara monitor", &prefix])) } }
    }
}

fn table(lang: Lang, tenant: &Tenant, checkpoints: &[StoredCheckpoint]) -> Markup {
    let when = |ms: i64| {
        OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000).map_or_else(
            |_| "–".to_string(),
            |at| lang.date_time(at, tenant.offset()),
        )
    };
    html! {
        @if checkpoints.is_empty() {
            p { (lang.t(T::LOG_NO_CHECKPOINTS)) }
        } @else {
            table.data.stacked {
                thead { tr {
                    th scope="col" { (lang.t(T::RESPONSES)) }
                    th scope="col" { (lang.t(T::LOG_SIGNED_AT)) }
                    th scope="col" { (lang.t(T::TREE_ROOT)) }
                    th scope="col" { (lang.t(T::LOG_WITNESSES)) }
                } }
                tbody { @for c in checkpoints { tr {
                    th scope="row" { (c.head.head.size) }
                    td data-label=(lang.t(T::LOG_SIGNED_AT)) { (when(c.head.head.signed_at_ms)) }
                    td data-label=(lang.t(T::TREE_ROOT)) { code.digest { (c.head.head.root) } }
                    td data-label=(lang.t(T::LOG_WITNESSES)) {
                        @if c.cosignatures.is_empty() { (lang.t(T::LOG_NO_WITNESS)) } @else {
                            ul.plain { @for w in &c.cosignatures { li { (w.witness) " · " (when(w.cosigned_at_ms)) } } }
                        }
                    }
                } } }
            }
        }
    }
}
