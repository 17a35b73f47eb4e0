//! Public Musrena pages: the list of proposals (filterable by district, sector, group and
//! stage), a proposal's tracker by its code with its whole history, and the statistics per
//! group and per district. No personal data is shown: forums count participants by group.

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::{Path, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use maud::{html, Markup};
use serde::Deserialize;
use suara_domain::musrena::forum::Group;
use suara_domain::musrena::lifecycle::Stage;
use suara_domain::musrena::proposal::Sector;
use suara_domain::musrena::stats::{by_district, by_group, Counts, Outcome};
use suara_domain::tpp::rupiah;
use suara_store::{ProposalFilter, StoredProposal};

use super::{action_label, group_label, level_label, sector_label, stage_label};
use crate::i18n::catalogue as T;
use crate::i18n::Lang;
use crate::pages::context::PageCx;
use crate::pages::failure::{Missing, PageError};
use crate::pages::staff::charts::{bars, Bar};
use crate::pages::{layout, page};
use crate::AppState;

#[derive(Deserialize, Default)]
pub struct ListQuery {
    pub kecamatan: Option<String>,
    pub sektor: Option<String>,
    pub kelompok: Option<String>,
    pub tahap: Option<String>,
    /// An SDG goal, 1–17.
    pub sdg: Option<String>,
    /// A proposal code to track.
    pub kode: Option<String>,
    pub halaman: Option<usize>,
}

/// Proposals a page of the list shows.
const LIST_PAGE: usize = 50;

fn chosen(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

/// District code → name, for the regency's districts (kecamatan units).
async fn districts(app: &AppState, tenant_id: &str) -> Result<Vec<(String, String)>, PageError> {
    Ok(app
        .store
        .units(tenant_id)
        .await?
        .into_iter()
        .filter(|u| u.kind == "kecamatan")
        .map(|u| (u.unit_id, u.name))
        .collect())
}

pub fn tracker_href(lang: Lang, code: &str) -> String {
    format!(
        "{}?lang={}",
        crate::routes::musrena_tracker(code),
        lang.code()
    )
}

pub async fn list(cx: PageCx, Query(query): Query<ListQuery>) -> Result<Response, PageError> {
    let (app, lang, here) = (&cx.app, cx.lang, cx.here.as_str());
    if let Some(code) = chosen(&query.kode) {
        let code = code.to_uppercase().replace(' ', "");
        return Ok(Redirect::to(&tracker_href(lang, &code)).into_response());
    }
    let tenant = app.tenant(None).await?;
    let districts = districts(app, &tenant.tenant_id).await?;
    let filter = ProposalFilter {
        district_id: chosen(&query.kecamatan).map(str::to_string),
        sector: chosen(&query.sektor).and_then(Sector::from_code),
        group: chosen(&query.kelompok).and_then(Group::from_code),
        stage: chosen(&query.tahap).and_then(Stage::from_code),
        forum_id: None,
        sdg_goal: chosen(&query.sdg)
            .and_then(|g| g.parse().ok())
            .filter(|g| (1..=17).contains(g)),
    };
    let proposals = app.store.proposals(&tenant.tenant_id, &filter).await?;
    let pages = proposals.len().div_ceil(LIST_PAGE).max(1);
    let page_number = query.halaman.unwrap_or(1).clamp(1, pages);
    let shown =
        &proposals[(page_number - 1) * LIST_PAGE..(page_number * LIST_PAGE).min(proposals.len())];
    let page_href = |n: usize| {
        let mut pairs = vec![("lang", lang.code().to_string())];
        for (key, value) in [
            ("kecamatan", &query.kecamatan),
            ("sektor", &query.sektor),
            ("kelompok", &query.kelompok),
            ("tahap", &query.tahap),
            ("sdg", &query.sdg),
        ] {
            if let Some(v) = chosen(value) {
                pairs.push((key, v.to_string()));
            }
        }
        pairs.push(("halaman", n.to_string()));
        format!(
            "{}?{}",
            crate::routes::MUSRENA_LIST,
            serde_urlencoded::to_string(&pairs).unwrap_or_default()
        )
    };
    let names: HashMap<&str, &str> = districts
        .iter()
        .map(|(id, n)| (id.as_str(), n.as_str()))
        .collect();
    let title = lang.t(T::MUSRENA_KEREN_PROPOSALS);
    let content = html! {
        h1 { (title) }
        p.lead { (lang.t(T::PROPOSALS_OF_WOMEN_CHILDREN_PEOPLE_WITH_DISABILITIES_2)) }
        p { a href={ (crate::routes::MUSRENA_STATISTICS) "?lang=" (lang.code()) } { (lang.t(T::STATISTICS_PER_GROUP_AND_DISTRICT)) } }
        form.track method="get" action=(crate::routes::MUSRENA_LIST) {
            input type="hidden" name="lang" value=(lang.code());
            label for="kode" { (lang.t(T::TRACK_A_PROPOSAL_BY_ITS_CODE)) }
            input #kode name="kode" placeholder="MR-XXXXX-XXXXX" autocomplete="off";
            button type="submit" { (lang.t(T::TRACK)) }
        }
        form.filters.stack method="get" action=(crate::routes::MUSRENA_LIST) {
            input type="hidden" name="lang" value=(lang.code());
            p {
                label for="kecamatan" { (lang.t(T::DISTRICT)) }
                select #kecamatan name="kecamatan" {
                    option value="" { (lang.t(T::ALL)) }
                    @for (id, name) in &districts { option value=(id) selected[filter.district_id.as_deref() == Some(id.as_str())] { (name) } }
                }
            }
            p {
                label for="sektor" { (lang.t(T::SECTOR)) }
                select #sektor name="sektor" {
                    option value="" { (lang.t(T::ALL)) }
                    @for s in Sector::ALL { option value=(s.code()) selected[filter.sector == Some(s)] { (sector_label(lang, s)) } }
                }
            }
            p {
                label for="kelompok" { (lang.t(T::PROPOSING_GROUP)) }
                select #kelompok name="kelompok" {
                    option value="" { (lang.t(T::ALL)) }
                    @for g in Group::ALL { option value=(g.code()) selected[filter.group == Some(g)] { (group_label(lang, g)) } }
                }
            }
            p {
                label for="tahap" { (lang.t(T::STAGE)) }
                select #tahap name="tahap" {
                    option value="" { (lang.t(T::ALL)) }
                    @for st in Stage::ALL { option value=(st.code()) selected[filter.stage == Some(st)] { (stage_label(lang, st)) } }
                }
            }
            p {
                label for="sdg" { (lang.t(T::SDG_GOAL)) }
                select #sdg name="sdg" {
                    option value="" { (lang.t(T::ALL)) }
                    @for g in 1..=17u8 { option value=(g) selected[filter.sdg_goal == Some(g)] { "SDG " (g) } }
                }
            }
            p.buttons { button type="submit" { (lang.t(T::SHOW)) } }
        }
        p { (lang.t(T::PROPOSALS)) (proposals.len())
            @if pages > 1 { " · " (lang.t(T::PAGE)) (page_number) (lang.t(T::OF)) (pages) } }
        @if !proposals.is_empty() {
            table.data.stacked {
                caption { (lang.t(T::PROPOSALS_2)) }
                thead { tr {
                    th scope="col" { (lang.t(T::PROPOSAL)) }
                    th scope="col" { (lang.t(T::DISTRICT_VILLAGE)) }
                    th scope="col" { (lang.t(T::SECTOR)) }
                    th scope="col" { (lang.t(T::PROPOSED_BY)) }
                    th scope="col" { (lang.t(T::STAGE)) }
                } }
                tbody { @for p in shown { tr {
                    th scope="row" { a href=(tracker_href(lang, &p.code)) { (p.proposal.title) } br; small { (p.code) } }
                    td data-label=(lang.t(T::DISTRICT_VILLAGE)) { (p.district_id.as_deref().and_then(|d| names.get(d).copied()).unwrap_or("–")) " · " (p.village_label()) }
                    td data-label=(lang.t(T::SECTOR)) { (sector_label(lang, p.proposal.sector)) }
                    td data-label=(lang.t(T::PROPOSED_BY)) { (groups_text(lang, &p.proposal.proposed_by)) }
                    td data-label=(lang.t(T::STAGE)) { (stage_label(lang, p.stage)) }
                } } }
            }
            @if pages > 1 {
                nav.pager aria-label=(lang.t(T::PROPOSAL_PAGES)) {
                    @if page_number > 1 { a href=(page_href(page_number - 1)) { (lang.t(T::PREVIOUS)) } " " }
                    @if page_number < pages { a href=(page_href(page_number + 1)) { (lang.t(T::NEXT)) } }
                }
            }
        }
    };
    Ok(page(StatusCode::OK, layout(lang, title, here, content)))
}

fn groups_text(lang: Lang, groups: &[Group]) -> String {
    groups
        .iter()
        .map(|g| group_label(lang, *g))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The tracker's body: what was proposed and every step since (shared with the staff page).
pub fn proposal_details(
    lang: Lang,
    p: &StoredProposal,
    steps: &[suara_store::ProposalStep],
    photos: &[i64],
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
            dt { (lang.t(T::ESTIMATED_COST)) } dd { (p.proposal.estimated_cost.map_or("–".to_string(), |c| format!("Rp{}", rupiah(c)))) }
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
                let role = crate::i18n::role_label(lang, account.role);
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
    let district = match &proposal.district_id {
        Some(d) => app.store.unit(&tenant.tenant_id, d).await?.map(|u| u.name),
        None => None,
    };
    let content = html! {
        p.crumbs { a href={ (crate::routes::MUSRENA_LIST) "?lang=" (lang.code()) } { "Musrena Keren" } }
        h1 { (proposal.proposal.title) }
        (proposal_details(lang, &proposal, &steps, &photos, district.as_deref()))
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
    let Some((content_type, bytes)) = app.store.photo(&tenant.tenant_id, &code, n).await? else {
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

/// A row of counts; `all` is every proposal, for the row's share of them.
fn counts_row(lang: Lang, label: &str, c: &Counts, all: &Counts) -> Markup {
    let percent = |s| format!("{}%", lang.decimal(s));
    let share = |part: u64| c.share(part).map_or("–".to_string(), percent);
    let of_all = all.share(c.submitted).map_or("–".to_string(), percent);
    html! {
        tr {
            th scope="row" { (label) }
            td.num { (c.submitted) " (" (of_all) ")" }
            td.num { (c.accepted) " (" (share(c.accepted)) ")" }
            td.num { (c.budgeted) " (" (share(c.budgeted)) ")" }
            td.num { "Rp" (rupiah(c.amount)) }
        }
    }
}

fn counts_head(lang: Lang, first: &str) -> Markup {
    html! {
        thead { tr {
            th scope="col" { (first) }
            th.num scope="col" { (lang.t(T::PROPOSED)) }
            th.num scope="col" { (lang.t(T::IN_THE_RKPD)) }
            th.num scope="col" { (lang.t(T::BUDGETED)) }
            th.num scope="col" { (lang.t(T::BUDGET)) }
        } }
    }
}

pub async fn statistics(cx: PageCx) -> Result<Response, PageError> {
    let (app, lang, here) = (&cx.app, cx.lang, cx.here.as_str());
    let tenant = app.tenant(None).await?;
    let districts = districts(app, &tenant.tenant_id).await?;
    let proposals = app
        .store
        .proposals(&tenant.tenant_id, &ProposalFilter::default())
        .await?;
    let outcomes: Vec<Outcome> = proposals
        .iter()
        .map(|p| Outcome {
            groups: &p.proposal.proposed_by,
            district: p.district_id.as_deref(),
            stage: p.stage,
            budget: p.budget_amount,
        })
        .collect();
    let groups = by_group(&outcomes);
    let (per_district, total) = by_district(&outcomes);
    let names: HashMap<&str, &str> = districts
        .iter()
        .map(|(id, n)| (id.as_str(), n.as_str()))
        .collect();
    let group_labels: Vec<&str> = groups.iter().map(|(g, _)| group_label(lang, *g)).collect();
    let budgeted_share: Vec<Bar> = groups
        .iter()
        .zip(&group_labels)
        .map(|((_, c), label)| Bar {
            label,
            value: c.share(c.budgeted).map(|s| s.to_f64()),
            highlight: false,
        })
        .collect();
    let title = lang.t(T::MUSRENA_KEREN_STATISTICS);
    let content = html! {
        p.crumbs { a href={ (crate::routes::MUSRENA_LIST) "?lang=" (lang.code()) } { "Musrena Keren" } }
        h1 { (title) }
        p { (lang.t(T::HOW_MANY_PROPOSALS_EACH_GROUP_MADE_AND)) }
        figure tabindex="0" {
            (bars(lang, lang.t(T::SHARE_OF_PROPOSALS_BUDGETED_PER_GROUP), &budgeted_share, 0.0, 100.0, 1))
            figcaption { (lang.t(T::SHARE_OF_PROPOSALS_BUDGETED_OF_THOSE_MADE)) }
        }
        table.data tabindex="0" {
            caption { (lang.t(T::PER_GROUP)) }
            (counts_head(lang, lang.t(T::GROUP)))
            tbody { @for ((_, c), label) in groups.iter().zip(&group_labels) { (counts_row(lang, label, c, &total)) } }
        }
        table.data tabindex="0" {
            caption { (lang.t(T::PER_DISTRICT)) }
            (counts_head(lang, lang.t(T::DISTRICT)))
            tbody {
                @for (district, c) in &per_district {
                    @let label = match district { Some(d) => names.get(d).copied().unwrap_or(d), None => lang.t(T::REGENCY_LEVEL) };
                    (counts_row(lang, label, c, &total))
                }
                (counts_row(lang, lang.t(T::TOTAL), &total, &total))
            }
        }
    };
    Ok(page(StatusCode::OK, layout(lang, title, here, content)))
}
