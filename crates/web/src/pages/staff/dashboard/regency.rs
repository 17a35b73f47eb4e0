//! The dashboard's start: every unit the user sees, in tree order, with its IKM for the
//! period, and a search box for long lists. The headline names the user's scope: the
//! regency, or a unit admin's own unit.

use std::collections::HashMap;

use axum::extract::Query;
use axum::response::Response;
use maud::{html, Markup};
use serde::Deserialize;
use suara_domain::access::Role;
use suara_domain::org::tree::UnitTree;
use suara_domain::org::Unit;
use suara_domain::period::{Month, Period};
use suara_domain::skm::{SkmScore, Tally};
use suara_store::ScopeKind;

use crate::pages::context::{Look, StaffCx};
use crate::pages::failure::PageError;
use crate::pages::staff::charts::{self, Bar};
use crate::pages::staff::{
    exact, href, period_picker, sample_needed, score_text, units_tree, PeriodQuery,
};
use crate::routes;
use suara_app::i18n::catalogue as T;

#[derive(Deserialize, Default)]
pub struct RegencyQuery {
    pub period: Option<String>,
    /// Words a unit's name must contain.
    pub cari: Option<String>,
}

/// One unit's line.
pub struct UnitRow {
    pub unit: Unit,
    pub depth: usize,
    pub score: Option<SkmScore>,
    pub responses: u64,
    pub needed: Option<u64>,
}

pub struct RegencyView {
    /// Whose figures these are: the regency's name or the unit admin's unit.
    pub scope: String,
    pub period: Period,
    pub current: Month,
    pub rows: Vec<UnitRow>,
    pub overall: Option<SkmScore>,
    pub overall_responses: u64,
    pub search: String,
}

/// Units in tree order (each parent followed by its subtree), top level by name.
fn tree_order<'a>(units: &'a [Unit], tree: &UnitTree, roots: &[String]) -> Vec<(&'a Unit, usize)> {
    let by_id: HashMap<&str, &Unit> = units.iter().map(|u| (u.unit_id.as_str(), u)).collect();
    let mut out = Vec::new();
    for root in roots {
        let base = tree.depth(root);
        for id in tree.subtree(root) {
            if let Some(unit) = by_id.get(id.as_str()) {
                out.push((*unit, tree.depth(&id) - base));
            }
        }
    }
    out
}

async fn load(cx: &StaffCx, query: &RegencyQuery) -> Result<RegencyView, PageError> {
    let period = PeriodQuery {
        period: query.period.clone(),
    }
    .period(&cx.tenant)?;
    let (from, to) = period.months();
    let (units, tree) = units_tree(cx).await?;
    let principal = &cx.staff.principal;
    let roots: Vec<String> = match (principal.role, principal.unit_id.as_ref()) {
        (Role::UnitAdmin, Some(root)) => vec![root.clone()],
        (Role::UnitAdmin, None) => Vec::new(),
        _ => units
            .iter()
            .filter(|u| u.parent_id.is_none())
            .map(|u| u.unit_id.clone())
            .collect(),
    };
    let scope = match (principal.role, principal.unit_id.as_deref()) {
        (Role::UnitAdmin, Some(root)) => units
            .iter()
            .find(|u| u.unit_id == root)
            .map_or_else(|| root.to_string(), |u| u.name.clone()),
        _ => cx.tenant.name.clone(),
    };
    let tallies: HashMap<String, Tally> = cx
        .app
        .store
        .tallies_of_kind(cx.tenant_id(), ScopeKind::Unit, from, to)
        .await?
        .into_iter()
        .collect();
    let current = cx.current_month();
    let mut overall = Tally::default();
    let search = query.cari.as_deref().unwrap_or("").trim().to_string();
    let wanted = search.to_lowercase();
    let mut rows = Vec::new();
    for (unit, depth) in tree_order(&units, &tree, &roots) {
        let tally = tallies.get(&unit.unit_id).cloned().unwrap_or_default();
        overall.merge(&tally);
        if !wanted.is_empty() && !unit.name.to_lowercase().contains(&wanted) {
            continue;
        }
        rows.push(UnitRow {
            unit: unit.clone(),
            depth,
            score: exact(&tally),
            responses: tally.responses(),
            needed: sample_needed(unit.monthly_users, period, current),
        });
    }
    Ok(RegencyView {
        scope,
        period,
        current,
        rows,
        overall: exact(&overall),
        overall_responses: overall.responses(),
        search,
    })
}

pub async fn regency(
    cx: StaffCx,
    Query(query): Query<RegencyQuery>,
) -> Result<Response, PageError> {
    let view = load(&cx, &query).await?;
    let (title, content) = render(cx.look(), &view);
    cx.ok(title, content)
}

pub fn render(look: Look, view: &RegencyView) -> (&'static str, Markup) {
    let lang = look.lang;
    let period = view.period;
    let below = view
        .rows
        .iter()
        .filter(|r| r.needed.is_some_and(|n| r.responses < n))
        .count();
    let chart_rows: Vec<Bar> = view
        .rows
        .iter()
        .filter_map(|r| {
            r.score.as_ref().map(|s| Bar {
                label: &r.unit.name,
                value: Some(s.ikm_rounded().to_f64()),
                highlight: s.ikm_rounded().to_f64() < 76.61,
            })
        })
        .collect();
    let export = |format: &str| {
        format!(
            "{}?period={period}&format={format}&lang={}",
            routes::RESULTS_EXPORT,
            lang.code()
        )
    };
    let title = look.t(T::IKM_DASHBOARD);
    let content = html! {
        h1 { (title) ": " (view.scope) }
        (period_picker(lang, routes::DASHBOARD, period, view.current))
        p.lead {
            (view.scope) ", " (lang.period(period)) ": " (score_text(lang, view.overall.as_ref())) " · "
            (view.overall_responses) " " (look.t(T::RESPONSES_2))
        }
        p { (look.t(T::DOWNLOAD_THE_SUMMARY_OF_EVERY_UNIT_NRR))
            a href=(export("xlsx")) { (look.t(T::SPREADSHEET_XLSX)) } " · "
            a href=(export("csv")) { "CSV" } }
        @if below > 0 {
            p.notice { (below) " " (look.t(T::UNITS_HAVE_FEWER_RESPONSES_THAN_THE_KREJCIE)) }
        }
        @if !chart_rows.is_empty() {
            figure {
                (charts::bars(lang, look.t(T::IKM_PER_UNIT_25_100), &chart_rows, 25.0, 100.0, 2))
                figcaption { (look.t(T::ORANGE_BARS_BELOW_GRADE_B_76_61)) }
            }
        }
        form.search method="get" action=(routes::DASHBOARD) role="search" {
            input type="hidden" name="lang" value=(lang.code());
            input type="hidden" name="period" value=(period);
            label for="cari" { (look.t(T::FIND_A_UNIT)) }
            input #cari type="search" name="cari" value=(view.search);
            button type="submit" { (look.t(T::SEARCH)) }
        }
        table.data tabindex="0" {
            caption { (look.t(T::IKM_PER_SERVICE_UNIT)) " · " (lang.period(period))
                @if !view.search.is_empty() { " · " (view.rows.len()) " " (look.t(T::UNITS_MATCH)) " “" (view.search) "”" } }
            thead { tr {
                th scope="col" { "Unit" }
                th.num scope="col" { "IKM" }
                th.num scope="col" { (look.t(T::RESPONSES)) }
                th.num scope="col" { (look.t(T::SAMPLE_NEEDED)) }
                th scope="col" { (look.t(T::GRADE)) }
            } }
            tbody {
                @for r in &view.rows {
                    tr {
                        th scope="row" class={ "depth-" (r.depth.min(3)) } {
                            a href=(href(lang, &routes::dashboard_unit(&r.unit.unit_id), Some(period))) { (r.unit.name) }
                        }
                        td.num { @if let Some(s) = &r.score { (lang.decimal(s.ikm_rounded())) } @else { "–" } }
                        td.num { (r.responses) }
                        td.num {
                            @match r.needed {
                                Some(n) if r.responses < n => { (n) " " span.flag { (look.t(T::SHORT)) } }
                                Some(n) => { (n) }
                                None => { "–" }
                            }
                        }
                        td { @if let Some(s) = &r.score { (s.grade().letter()) } @else { "–" } }
                    }
                }
            }
        }
        p.muted { (look.t(T::SAMPLE_NEEDED_KREJCIE_MORGAN_1970_FROM_THE)) }
    };
    (title, content)
}
