//! The public list of proposals, a page at a time, with filters.

use std::collections::HashMap;

use axum::extract::Query;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use maud::{html, Markup};
use serde::Deserialize;
use suara_app::i18n::Lang;
use suara_domain::musrena::forum::Group;
use suara_domain::musrena::lifecycle::Stage;
use suara_domain::musrena::proposal::Sector;
use suara_store::{ProposalFilter, StoredProposal};

use crate::pages::context::PageCx;
use crate::pages::failure::PageError;
use crate::pages::musrena::{group_label, sector_label, stage_label};
use crate::pages::{layout, page};
use suara_app::i18n::catalogue as T;

use super::{chosen, districts, groups_text, tracker_href};

#[derive(Deserialize, Default)]
pub struct ListQuery {
    pub kecamatan: Option<String>,
    /// A village's code.
    pub desa: Option<String>,
    pub tahun: Option<String>,
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
const LIST_PAGE: u64 = 50;

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
        village: chosen(&query.desa).map(str::to_string),
        year: chosen(&query.tahun).and_then(|y| y.parse().ok()),
    };
    let years = app.store.proposal_years(&tenant.tenant_id).await?;
    let village = match &filter.village {
        Some(code) => app
            .store
            .villages(&tenant.tenant_id)
            .await?
            .into_iter()
            .find(|v| &v.code == code)
            .map(|v| (v.code, v.name)),
        None => None,
    };
    let without_village = format!("{}?lang={}", crate::routes::MUSRENA_LIST, lang.code());
    let wanted = (query.halaman.unwrap_or(1).max(1) as u64).min(u64::from(u32::MAX));
    let store = &app.store;
    let page_of = |n: u64| {
        store.proposals_page(
            &tenant.tenant_id,
            &filter,
            (n - 1) * LIST_PAGE,
            Some(LIST_PAGE),
        )
    };
    let (mut shown, total) = page_of(wanted).await?;
    let pages = total.div_ceil(LIST_PAGE).max(1);
    let page_number = wanted.min(pages);
    if page_number < wanted {
        shown = page_of(page_number).await?.0;
    }
    let page_href = |n: u64| {
        let mut pairs = vec![("lang", lang.code().to_string())];
        for (key, value) in [
            ("kecamatan", &query.kecamatan),
            ("desa", &query.desa),
            ("tahun", &query.tahun),
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
    let prev = (page_number > 1).then(|| page_href(page_number - 1));
    let next = (page_number < pages).then(|| page_href(page_number + 1));
    let view = ListView {
        filter,
        districts,
        years,
        village,
        without_village,
        shown,
        total,
        pages,
        page_number,
        prev,
        next,
    };
    let (title, content) = render(lang, &view);
    Ok(page(StatusCode::OK, layout(lang, title, here, content)))
}

/// One page of the public list, with the filters that chose it.
struct ListView {
    filter: ProposalFilter,
    /// (unit code, name) of every district.
    districts: Vec<(String, String)>,
    years: Vec<i32>,
    /// The village the list is narrowed to: (Kemendagri code, name).
    village: Option<(String, String)>,
    /// The list without the village, the other filters kept.
    without_village: String,
    shown: Vec<StoredProposal>,
    total: u64,
    pages: u64,
    page_number: u64,
    /// The previous and next pages' addresses, where there are such pages.
    prev: Option<String>,
    next: Option<String>,
}

fn render(lang: Lang, view: &ListView) -> (&'static str, Markup) {
    let title = lang.t(T::MUSRENA_KEREN_PROPOSALS);
    let content = html! {
        h1 { (title) }
        p.lead { (lang.t(T::PROPOSALS_OF_WOMEN_CHILDREN_PEOPLE_WITH_DISABILITIES_2)) }
        p { a href={ (crate::routes::MUSRENA_STATISTICS) "?lang=" (lang.code()) } { (lang.t(T::STATISTICS_PER_GROUP_AND_DISTRICT)) } }
        p { a href={ (crate::routes::MUSRENA_MAP) "?lang=" (lang.code()) } { (lang.t(T::SEE_THE_MAP)) } }
        form.track method="get" action=(crate::routes::MUSRENA_LIST) {
            input type="hidden" name="lang" value=(lang.code());
            label for="kode" { (lang.t(T::TRACK_A_PROPOSAL_BY_ITS_CODE)) }
            input #kode name="kode" placeholder="MR-XXXXX-XXXXX" autocomplete="off";
            button type="submit" { (lang.t(T::TRACK)) }
        }
        (filters(lang, view))
        (results(lang, view))
    };
    (title, content)
}

/// The filters' form: village, year, district, sector, group, stage and SDG goal.
fn filters(lang: Lang, view: &ListView) -> Markup {
    let ListView {
        filter,
        districts,
        years,
        village,
        without_village,
        ..
    } = view;
    html! {
        form.filters.stack method="get" action=(crate::routes::MUSRENA_LIST) {
            input type="hidden" name="lang" value=(lang.code());
            @if let Some((code, name)) = &village {
                input type="hidden" name="desa" value=(code);
                p { (lang.t(T::VILLAGE_OR_KELURAHAN)) ": " strong { (name) } " · " a href=(without_village) { (lang.t(T::ALL_VILLAGES)) } }
            }
            p {
                label for="tahun" { (lang.t(T::YEAR_PROPOSED)) }
                select #tahun name="tahun" {
                    option value="" { (lang.t(T::ALL_YEARS)) }
                    @for y in years.iter() { option value=(y) selected[filter.year == Some(*y)] { (y) } }
                }
            }
            p {
                label for="kecamatan" { (lang.t(T::DISTRICT)) }
                select #kecamatan name="kecamatan" {
                    option value="" { (lang.t(T::ALL)) }
                    @for (id, name) in districts.iter() { option value=(id) selected[filter.district_id.as_deref() == Some(id.as_str())] { (name) } }
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
    }
}

/// The proposals of this page as a table, and the way to the pages before and after it.
fn results(lang: Lang, view: &ListView) -> Markup {
    let ListView {
        shown,
        total,
        pages,
        page_number,
        prev,
        next,
        districts,
        ..
    } = view;
    let (total, pages, page_number) = (*total, *pages, *page_number);
    let names: HashMap<&str, &str> = districts
        .iter()
        .map(|(id, n)| (id.as_str(), n.as_str()))
        .collect();
    html! {
        p { (lang.t(T::PROPOSALS)) (total)
            @if pages > 1 { " · " (lang.t(T::PAGE)) (page_number) (lang.t(T::OF)) (pages) } }
        @if !shown.is_empty() {
            table.data.stacked {
                caption { (lang.t(T::PROPOSALS_2)) }
                thead { tr {
                    th scope="col" { (lang.t(T::PROPOSAL)) }
                    th scope="col" { (lang.t(T::DISTRICT_VILLAGE)) }
                    th scope="col" { (lang.t(T::SECTOR)) }
                    th scope="col" { (lang.t(T::PROPOSED_BY)) }
                    th scope="col" { (lang.t(T::STAGE)) }
                } }
                tbody { @for p in shown.iter() { tr {
                    th scope="row" { a href=(tracker_href(lang, &p.code)) { (p.proposal.title) } br; small { (p.code) } }
                    td data-label=(lang.t(T::DISTRICT_VILLAGE)) { (p.district_id.as_deref().and_then(|d| names.get(d).copied()).unwrap_or("–")) " · " (p.village_label()) }
                    td data-label=(lang.t(T::SECTOR)) { (sector_label(lang, p.proposal.sector)) }
                    td data-label=(lang.t(T::PROPOSED_BY)) { (groups_text(lang, &p.proposal.proposed_by)) }
                    td data-label=(lang.t(T::STAGE)) { (stage_label(lang, p.stage)) }
                } } }
            }
            @if pages > 1 {
                nav.pager aria-label=(lang.t(T::PROPOSAL_PAGES)) {
                    @if let Some(prev) = prev { a href=(prev) { (lang.t(T::PREVIOUS)) } " " }
                    @if let Some(next) = next { a href=(next) { (lang.t(T::NEXT)) } }
                }
            }
        }
    }
}
