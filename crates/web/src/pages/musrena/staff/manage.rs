//! One proposal for those who manage it (its details, trail and next step), and the
//! worksheet of proposals in the RKPD for entry into SIPD.

use std::collections::HashMap;

use axum::extract::{Path, Query};
use axum::response::Response;
use maud::html;
use serde::Deserialize;
use suara_domain::musrena::lifecycle::Stage;
use suara_store::{ProposalFilter, StoredProposal};

use super::forum::ForumQuery;
use super::{districts, forum_href, may_manage};
use crate::i18n::catalogue as T;
use crate::pages::context::StaffCx;
use crate::pages::failure::{Missing, PageError};
use crate::pages::musrena::public::{proposal_details, tracker_href};
use crate::pages::{download, SheetFormat};
use crate::routes;

pub async fn manage(
    cx: StaffCx,
    Path(code): Path<String>,
    Query(query): Query<ForumQuery>,
) -> Result<Response, PageError> {
    let lang = cx.lang;
    let d = districts(&cx).await?;
    let Some((proposal, steps)) = cx.app.store.proposal(cx.tenant_id(), &code).await? else {
        return Err(PageError::NotFound(Missing::Proposal(code)));
    };
    if !may_manage(&cx.staff, proposal.district_id.as_deref(), &d.tree) {
        return Err(PageError::NotFound(Missing::Proposal(code)));
    }
    let photos = cx.app.store.photos(cx.tenant_id(), &code).await?;
    let district = proposal.district_id.as_deref().map(|id| d.name(id));
    let title = proposal.proposal.title.clone();
    let content = html! {
        p.crumbs { a href=(forum_href(lang, &proposal.forum_id)) { "Forum " (proposal.forum_id) } " · " a href=(tracker_href(lang, &code)) { (lang.t(T::PUBLIC_PAGE)) } }
        h1 { (title) }
        @if let Some(n) = query.selesai { div.success role="status" { p { (lang.t(T::PROPOSALS_UPDATED)) (n) } } }
        (proposal_details(lang, &proposal, &steps, &photos, district))
        h2 { (lang.t(T::NEXT_STEP)) }
        (super::steps::step_form(cx.look(), &cx.staff, std::slice::from_ref(&proposal), &routes::musrena_manage(&code), true, &Vec::new()))
    };
    cx.ok(&title, content)
}

#[derive(Deserialize, Default)]
pub struct ExportQuery {
    pub format: Option<String>,
}

pub async fn export(cx: StaffCx, Query(query): Query<ExportQuery>) -> Result<Response, PageError> {
    let d = districts(&cx).await?;
    let proposals: Vec<StoredProposal> = cx
        .app
        .store
        .proposals(cx.tenant_id(), &ProposalFilter::default())
        .await?
        .into_iter()
        .filter(|p| p.stage.has_reached(Stage::AcceptedIntoPlan))
        .collect();
    let names: HashMap<String, String> = d.districts.iter().cloned().collect();
    let format = SheetFormat::from_query(query.format.as_deref())?;
    let bytes = match format {
        SheetFormat::Xlsx => {
            suara_reports::musrena::accepted_xlsx(&proposals, &names, &cx.tenant.name)
        }
        SheetFormat::Csv => suara_reports::musrena::accepted_csv(&proposals, &names),
    };
    Ok(download(
        format,
        &format!("musrena-rkpd-{}", cx.tenant_id()),
        bytes,
    )?)
}
