//! A proposal's public tracker: what was proposed, every step since, the progress of the
//! work after the budget, and its photos.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use maud::{html, Markup};
use suara_domain::musrena::lifecycle::Stage;
use suara_domain::tpp::rupiah;
use suara_store::{Link, StoredProgress, StoredProposal};

use crate::pages::context::PageCx;
use crate::pages::failure::{Missing, PageError};
use crate::pages::musrena::{action_label, group_label, level_label, sector_label, stage_label};
use crate::pages::{layout, page};
use crate::state::AppState;
use suara_app::i18n::catalogue as T;
use suara_app::i18n::Lang;

use super::groups_text;

pub fn tracker_href(lang: Lang, code: &str) -> String {
    format!(
        "{}?lang={}",
        crate::routes::musrena_tracker(code),
        lang.code()
    )
}

/// The tracker's body: what was proposed and every step since (shared with the staff page).
pub fn proposal_details(
    lang: Lang,
    p: &StoredProposal,
    steps: &[suara_store::ProposalStep],
    photos: &[i64],
    progress: &[StoredProgress],
    district: Option<&str>,
) -> Markup {
    html! {
        dl.facts {
            dt { (lang.t(T::CODE)) } dd { code { (p.code) } }
            dt { (lang.t(T::CURRENT_STAGE)) } dd { strong { (stage_label(lang, p.stage)) } }
            dt { (lang.t(T::FORUM)) } dd { "Musrena " (level_label(lang, p.forum_level)) " " (p.forum_id) ", " (lang.date(p.submitted_on)) }
            dt { (lang.t(T::LOCATION)) } dd {
                @if !p.proposal.address.is_empty() { (p.proposal.address) ", " }
                (p.village_label()) @if let Some(d) = district { ", " (d) } }
            dt { (lang.t(T::SECTOR)) } dd { (sector_label(lang, p.proposal.sector)) }
            dt { (lang.t(T::PROPOSED_BY)) } dd { (groups_text(lang, &p.proposal.proposed_by)) }
            @if !p.proposal.beneficiaries.is_empty() {
                dt { (lang.t(T::BENEFICIARIES)) }
                dd { @for (i, (g, n)) in p.proposal.beneficiaries.iter().enumerate() { @if i > 0 { ", " } (group_label(lang, *g)) " " (n) } }
            }
            @if !p.proposal.sdgs.is_empty() { dt { "SDG" } dd.sdg { (suara_domain::sdg::join(&p.proposal.sdgs).replace(',', ", ")) } }
            @if let (Some(a), Some(code)) = (&p.activity, &p.proposal.activity_code) {
                dt { (lang.t(T::ACTIVITY_FROM_THE_CATALOGUE)) } dd { (a.name) " · " small { (code) } }
                @if let Some(v) = p.proposal.volume { dt { (lang.t(T::ACTIVITY_VOLUME)) } dd { (lang.decimal(v)) " " (a.measure) " × Rp" (rupiah(a.unit_price)) } }
            }
            @if let Some(issue) = &p.issue_name { dt { (lang.t(T::STRATEGIC_ISSUE)) } dd { (issue) } }
            dt { (lang.t(T::ESTIMATED_COST)) } dd { (p.proposal.estimated_cost.map_or("–".to_string(), |c| format!("Rp{}", rupiah(c))))
                @if let Some(reason) = &p.proposal.cost_reason { br; small { (lang.t(T::COST_REASON)) ": " (reason) } } }
            @if let Some(amount) = p.budget_amount { dt { (lang.t(T::APBD_BUDGET)) } dd { strong { "Rp" (rupiah(amount)) } } }
        }
        h2 { (lang.t(T::PROBLEM)) }
        p { (p.proposal.problem) }
        h2 { (lang.t(T::PROPOSED_ACTIVITY)) }
        p { (p.proposal.activity) }
        @if !photos.is_empty() {
            h2 { (lang.t(T::PHOTOS)) }
            p { @for n in photos {
                a href=(crate::routes::musrena_photo(&p.code, &n.to_string())) { (lang.t(T::PHOTO)) (n) } " "
            } }
        }
        @if p.stage == Stage::Budgeted || !progress.is_empty() {
            (progress_section(lang, p, progress))
        }
        h2 { (lang.t(T::HISTORY)) }
        ol.history {
            @for s in steps {
                li {
                    strong { (lang.date(s.on)) } " · " (action_label(lang, &s.action)) " → " (stage_label(lang, s.stage_after))
                    " · " small { (s.actor) }
                    @if let Some(r) = &s.reason { br; (lang.t(T::REASON)) (r) }
                    @if let Some(a) = s.amount { br; "Rp" (rupiah(a)) }
                    @if let Some(e) = &s.evidence { br; (lang.t(T::EVIDENCE)) (e) }
                }
            }
        }
    }
}

/// Decidim-like accountability: a bar for the work done, the money spent against the
/// budget, and every dated report.
fn progress_section(lang: Lang, p: &StoredProposal, progress: &[StoredProgress]) -> Markup {
    let last = progress.last().map(|e| &e.progress);
    let percent = last.map_or(0, |l| l.percent);
    html! {
        h2 #kemajuan { (lang.t(T::PROGRESS_OF_THE_WORK)) }
        p.progress {
            label for="selesai" { strong { (lang.fill(T::PERCENT_DONE, &[&percent])) } }
            progress #selesai max="100" value=(percent) { (percent) " %" }
        }
        @if let (Some(last), Some(budget)) = (last, p.budget_amount) {
            p { (lang.fill(T::SPENT_OF_THE_BUDGET, &[&rupiah(last.spent), &rupiah(budget)])) }
        }
        @if progress.is_empty() {
            p { (lang.t(T::NO_PROGRESS_YET)) }
        } @else {
            ol.history {
                @for e in progress {
                    li {
                        strong { (lang.date(e.progress.on)) } " · " (lang.fill(T::PERCENT_DONE, &[&e.progress.percent])) " · Rp" (rupiah(e.progress.spent))
                        br; (e.progress.note)
                        @if e.has_photo { br; a href=(crate::routes::musrena_progress_photo(&p.code, &e.entry_no.to_string())) { (lang.t(T::PHOTO)) } }
                    }
                }
            }
        }
    }
}

/// Where a merged or split proposal went, or where it came from, each code a link.
pub fn links_notice(lang: Lang, links: &[Link]) -> Markup {
    let codes = |codes: &[String]| {
        html! { @for (i, c) in codes.iter().enumerate() { @if i > 0 { ", " } a href=(tracker_href(lang, c)) { (c) } } }
    };
    html! {
        @if !links.is_empty() {
            div.notice role="note" {
                h2 { (lang.t(T::MERGES_AND_SPLITS)) }
                @for l in links {
                    p { @match l {
                        Link::MergedInto(to) => { (lang.t(T::MERGED_INTO)) " " (codes(std::slice::from_ref(to))) }
                        Link::MergedFrom(from) => { (lang.t(T::MERGED_FROM)) " " (codes(from)) }
                        Link::SplitInto(to) => { (lang.t(T::SPLIT_INTO)) " " (codes(to)) }
                        Link::SplitFrom(from) => { (lang.t(T::SPLIT_FROM)) " " (codes(std::slice::from_ref(from))) }
                    } }
                }
            }
        }
    }
}

pub async fn tracker(cx: PageCx, Path(code): Path<String>) -> Result<Response, PageError> {
    let (app, lang, here) = (&cx.app, cx.lang, cx.here.as_str());
    let tenant = app.tenant(None).await?;
    let Some((proposal, mut steps)) = app.store.proposal(&tenant.tenant_id, &code).await? else {
        return Err(PageError::NotFound(Missing::Proposal(code)));
    };
    // The public sees who acted by role and unit, never a staff username (a target for
    // password guessing).
    for step in &mut steps {
        step.actor = match app.store.account(&tenant.tenant_id, &step.actor).await? {
            Some(account) => {
                let unit = match &account.unit_id {
                    Some(unit) => app
                        .store
                        .unit(&tenant.tenant_id, unit)
                        .await?
                        .map(|u| u.name),
                    None => None,
                };
                let role = suara_app::i18n::role_label(lang, account.role);
                match unit {
                    // The unit's name alone says who acted ("Kecamatan Trenggalek").
                    Some(unit) if account.role == suara_domain::access::Role::UnitAdmin => unit,
                    Some(unit) => format!("{role}, {unit}"),
                    None => role.to_string(),
                }
            }
            None => lang.t(T::STAFF).to_string(),
        };
    }
    let photos = app.store.photos(&tenant.tenant_id, &code).await?;
    let progress = app.store.progress(&tenant.tenant_id, &code).await?;
    let recommendations = app.store.recommendations(&tenant.tenant_id, &code).await?;
    let links = app.store.links(&tenant.tenant_id, &code).await?;
    let has_rab = app.store.has_rab(&tenant.tenant_id, &code).await?;
    let district = match &proposal.district_id {
        Some(d) => app.store.unit(&tenant.tenant_id, d).await?.map(|u| u.name),
        None => None,
    };
    let content = html! {
        p.crumbs { a href={ (crate::routes::MUSRENA_LIST) "?lang=" (lang.code()) } { "Musrena Keren" } }
        h1 { (proposal.proposal.title) }
        (links_notice(lang, &links))
        (proposal_details(lang, &proposal, &steps, &photos, &progress, district.as_deref()))
        @if has_rab { p { a href=(crate::routes::musrena_rab(&proposal.code)) { (lang.t(T::COST_BREAKDOWN)) } } }
        @if !recommendations.is_empty() { (crate::pages::musrena::recommendations_list(lang, &recommendations)) }
    };
    Ok(page(
        StatusCode::OK,
        layout(lang, &proposal.proposal.title, here, content),
    ))
}

pub async fn photo(
    State(app): State<Arc<AppState>>,
    Path((code, n)): Path<(String, i64)>,
) -> Result<Response, PageError> {
    let tenant = app.tenant(None).await?;
    picture(app.store.photo(&tenant.tenant_id, &code, n).await?)
}

/// A proposal's cost breakdown, as a download.
pub async fn rab(
    State(app): State<Arc<AppState>>,
    Path(code): Path<String>,
) -> Result<Response, PageError> {
    let tenant = app.tenant(None).await?;
    let Some((kind, bytes)) = app.store.rab(&tenant.tenant_id, &code).await? else {
        return Err(PageError::NotFound(Missing::Page));
    };
    let extension = match kind {
        suara_domain::musrena::proposal::RabType::Pdf => "pdf",
        suara_domain::musrena::proposal::RabType::Xlsx => "xlsx",
    };
    Ok((
        [
            (header::CONTENT_TYPE, kind.content_type().to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"rab-{code}.{extension}\""),
            ),
        ],
        bytes,
    )
        .into_response())
}

/// A progress report's photo.
pub async fn progress_photo(
    State(app): State<Arc<AppState>>,
    Path((code, n)): Path<(String, i64)>,
) -> Result<Response, PageError> {
    let tenant = app.tenant(None).await?;
    picture(
        app.store
            .progress_photo(&tenant.tenant_id, &code, n)
            .await?,
    )
}

fn picture(found: Option<(String, Vec<u8>)>) -> Result<Response, PageError> {
    let Some((content_type, bytes)) = found else {
        return Err(PageError::NotFound(Missing::Page));
    };
    Ok((
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, "public, max-age=86400".to_string()),
        ],
        bytes,
    )
        .into_response())
}
