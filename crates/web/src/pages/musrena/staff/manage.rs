//! One proposal for those who manage it (its details, trail and next step), and the
//! worksheet of proposals in the RKPD for entry into SIPD.

use std::collections::HashMap;

use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::Response;
use maud::{html, Markup};
use serde::Deserialize;
use suara_domain::access::Permission;
use suara_domain::musrena::lifecycle::Stage;
use suara_store::{ProposalFilter, StoredProposal};

use super::forum::ForumQuery;
use super::{districts, forum_href, may_manage, Pairs};
use crate::api::query::ApiQuery;
use crate::api::responses::SheetDownload;
use crate::pages::context::StaffCx;
use crate::pages::failure::{Missing, PageError};
use crate::pages::musrena::public::{proposal_details, tracker_href};
use crate::pages::{sheet_download, SheetFormat};
use crate::routes;
use suara_app::i18n::catalogue as T;

pub async fn manage(
    cx: StaffCx,
    Path(code): Path<String>,
    Query(query): Query<ForumQuery>,
) -> Result<Response, PageError> {
    let lang = cx.lang;
    let saved = match (query.selesai, query.kemajuan, query.rekomendasi) {
        (Some(n), _, _) => Some(format!("{}{n}", lang.t(T::PROPOSALS_UPDATED))),
        (None, Some(_), _) => Some(lang.t(T::PROGRESS_SAVED).to_string()),
        (None, None, Some(_)) => Some(lang.t(T::RECOMMENDATION_SAVED).to_string()),
        _ => None,
    };
    let done = saved.map(|text| html! { div.success role="status" { p { (text) } } });
    manage_page(&cx, &code, StatusCode::OK, done, &Vec::new(), &[]).await
}

/// The page, with a notice on top (saved, or what was refused) and the progress form as
/// typed.
///
/// A circle by design: this page shows the forms of `merge` (split), `progress` and
/// `recommend`, and each of their handlers shows this page again with its problems and what
/// was typed (the error-summary pattern), so a page and its own forms import each other.
pub(super) async fn manage_page(
    cx: &StaffCx,
    code: &str,
    status: StatusCode,
    notice: Option<Markup>,
    typed: &Pairs,
    problems: &[String],
) -> Result<Response, PageError> {
    let lang = cx.lang;
    let d = districts(cx).await?;
    let Some((proposal, steps)) = cx.app.store.proposal(cx.tenant_id(), code).await? else {
        return Err(PageError::NotFound(Missing::Proposal(code.to_string())));
    };
    if !may_manage(&cx.staff, proposal.district_id.as_deref(), &d.tree) {
        return Err(PageError::NotFound(Missing::Proposal(code.to_string())));
    }
    let photos = cx.app.store.photos(cx.tenant_id(), code).await?;
    let progress = cx.app.store.progress(cx.tenant_id(), code).await?;
    let district = proposal.district_id.as_deref().map(|id| d.name(id));
    let title = proposal.proposal.title.clone();
    let planner = cx.staff.principal.may(Permission::DecidePlanning);
    let reports = proposal.stage == Stage::Budgeted && planner;
    let recommendations = cx.app.store.recommendations(cx.tenant_id(), code).await?;
    let links = cx.app.store.links(cx.tenant_id(), code).await?;
    let assisted = cx.app.store.assisted_votes(cx.tenant_id(), code).await?;
    let content = html! {
        p.crumbs { a href=(forum_href(lang, &proposal.forum_id)) { "Forum " (proposal.forum_id) } " · " a href=(tracker_href(lang, code)) { (lang.t(T::PUBLIC_PAGE)) } }
        h1 { (title) }
        (crate::pages::musrena::public::links_notice(lang, &links))
        @if !problems.is_empty() {
            div.error-summary role="alert" tabindex="-1" { h2 { (lang.t(T::PLEASE_CHECK)) } ul { @for p in problems { li { a href="#kemajuan-baru" { (p) } } } } }
        }
        @if let Some(notice) = notice { (notice) }
        @if reports { (super::progress::progress_form(cx.look(), code, typed)) }
        (proposal_details(lang, &proposal, &steps, &photos, &progress, district))
        @if !assisted.is_empty() {
            p { (lang.t(T::ASSISTED_VOTES_BY_GROUP)) ": "
                @for (i, (g, n)) in assisted.iter().enumerate() { @if i > 0 { ", " } (crate::pages::musrena::group_label(lang, *g)) " " (n) } }
        }
        (crate::pages::musrena::recommendations_list(lang, &recommendations))
        @if !proposal.stage.is_final() { (super::recommend::recommend_form(cx.look(), code, planner, typed)) }
        @if proposal.stage == suara_domain::musrena::merge::STAGE { (super::merge::split_form(cx.look(), code, typed)) }
        h2 { (lang.t(T::NEXT_STEP)) }
        (super::steps::step_form(cx.look(), &cx.staff, std::slice::from_ref(&proposal), &routes::musrena_manage(code), true, &Vec::new()))
    };
    Ok(cx.page(status, &title, content))
}

#[derive(Deserialize, Default)]
pub struct ExportQuery {
    pub format: Option<String>,
}

/// Musrena proposals as a spreadsheet for musrenbang and SIPD (planners).
#[utoipa::path(get, path = routes::MUSRENA_EXPORT, tag = "musrena",
    params(("format" = Option<String>, Query, description = "xlsx (the default) or csv")),
    security(("session" = [])),
    responses(SheetDownload))]
pub async fn export(
    cx: StaffCx,
    ApiQuery(query): ApiQuery<ExportQuery>,
) -> Result<Response, PageError> {
    let proposals: Vec<StoredProposal> = cx
        .app
        .store
        .proposals(cx.tenant_id(), &ProposalFilter::default())
        .await?
        .into_iter()
        .filter(|p| p.stage.has_reached(Stage::AcceptedIntoPlan))
        .collect();
    let unit_names: HashMap<String, String> = cx
        .app
        .store
        .units(cx.tenant_id())
        .await?
        .into_iter()
        .map(|u| (u.unit_id, u.name))
        .collect();
    let recommendations = cx
        .app
        .store
        .all_recommendations(cx.tenant_id(), None)
        .await?;
    let sheet = suara_reports::musrena::Worksheet {
        proposals: &proposals,
        unit_names: &unit_names,
        recommendations: &recommendations,
    };
    let format = SheetFormat::from_query(query.format.as_deref())?;
    let bytes = match format {
        SheetFormat::Xlsx => {
            let lang = cx.lang;
            let words = suara_reports::musrena::Words {
                stage: &|stage| crate::pages::musrena::stage_label(lang, stage).to_string(),
                group: &|group| suara_app::i18n::group_label(lang, group).to_string(),
                date: &|day| lang.date(day),
            };
            suara_reports::musrena::sipd_xlsx(&sheet, &cx.tenant.name, &words)
        }
        SheetFormat::Csv => suara_reports::musrena::sipd_csv(&sheet),
    };
    Ok(sheet_download(
        cx.lang,
        format,
        &format!("musrena-sipd-{}", cx.tenant_id()),
        bytes,
    )?)
}
