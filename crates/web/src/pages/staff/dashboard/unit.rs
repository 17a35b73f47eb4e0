//! One unit in detail: its IKM and sample, elements, trend, follow-up plans, sub-units,
//! services, officers (not for planners) and service points.

use std::collections::HashMap;

use axum::extract::{Path, Query};
use axum::response::Response;
use maud::html;
use suara_domain::access::Permission;
use suara_domain::org::Unit;
use suara_domain::skm::Tally;
use suara_store::{Scope, ScopeKind};

use super::{back, elements_section, figures_table, trend_points, trend_section, TREND_MONTHS};
use crate::i18n::catalogue as T;
use crate::pages::context::StaffCx;
use crate::pages::failure::{Missing, PageError};
use crate::pages::staff::{
    exact, follow_up, href, period_picker, sample_needed, score_text, units_tree, PeriodQuery,
};
use crate::routes;

#[derive(serde::Deserialize, Default)]
pub struct UnitQuery {
    pub period: Option<String>,
    /// Words an officer's name or NIP must contain.
    pub cari: Option<String>,
}

pub async fn unit(
    cx: StaffCx,
    Path(unit_id): Path<String>,
    Query(query): Query<UnitQuery>,
) -> Result<Response, PageError> {
    let unit_id = unit_id.as_str();
    let search = query.cari.as_deref().unwrap_or("").trim().to_lowercase();
    let query = PeriodQuery {
        period: query.period,
    };
    let (lang, staff) = (cx.lang, &cx.staff);
    let tenant_id = cx.tenant_id();
    let period = query.period(&cx.tenant)?;
    let (from, to) = period.months();
    let (units, tree) = units_tree(&cx).await?;
    let Some(unit) = units.iter().find(|u| u.unit_id == unit_id) else {
        return Err(PageError::NotFound(Missing::Unit(unit_id.to_string())));
    };
    if !staff.principal.sees_unit(unit_id, &tree) {
        return Err(PageError::Forbidden);
    }
    let store = &cx.app.store;
    let tally = store
        .tally(tenant_id, Scope::Unit(unit_id), from, to)
        .await?;
    let score = exact(&tally);
    let now = cx.current_month();
    let needed = sample_needed(unit.monthly_users, period, now);
    let unit_tallies: HashMap<String, Tally> = store
        .tallies_of_kind(tenant_id, ScopeKind::Unit, from, to)
        .await?
        .into_iter()
        .collect();
    let service_tallies: HashMap<String, Tally> = store
        .tallies_of_kind(tenant_id, ScopeKind::Service, from, to)
        .await?
        .into_iter()
        .collect();
    let officer_tallies: HashMap<String, Tally> = store
        .tallies_of_kind(tenant_id, ScopeKind::Officer, from, to)
        .await?
        .into_iter()
        .collect();
    let services = store.services_of_unit(tenant_id, unit_id).await?;
    let plans = store
        .follow_ups(tenant_id, Some(unit_id), Some(period))
        .await?;
    let points = store.points_of_unit(tenant_id, unit_id).await?;
    let mut officers = store.officers_of_unit(tenant_id, unit_id).await?;
    // Rated officers first, most responses first; the back office after, by name.
    officers.sort_by_key(|o| {
        std::cmp::Reverse(officer_tallies.get(&o.nip).map_or(0, Tally::responses))
    });
    let trend = trend_points(
        store
            .monthly_tallies(
                tenant_id,
                Scope::Unit(unit_id),
                back(to.min(now), TREND_MONTHS - 1),
                to.min(now),
            )
            .await?,
        to.min(now),
    );
    let children: Vec<&Unit> = tree
        .children(unit_id)
        .iter()
        .filter_map(|id| units.iter().find(|u| &u.unit_id == id))
        .collect();
    // The unit with everything under it, from the same monthly totals.
    let mut subtree = Tally::default();
    for id in tree.subtree(unit_id) {
        if let Some(t) = unit_tallies.get(&id) {
            subtree.merge(t);
        }
    }
    let subtree_score = exact(&subtree);
    let parent = unit
        .parent_id
        .as_deref()
        .and_then(|p| units.iter().find(|u| u.unit_id == p));
    let path = routes::dashboard_unit(unit_id);
    let export = |format: &str| {
        format!(
            "{}?jenis=tanggapan&unit={unit_id}&period={period}&format={format}&lang={}",
            routes::RESULTS_EXPORT,
            lang.code()
        )
    };
    let content = html! {
        p.crumbs {
            a href=(href(lang, routes::DASHBOARD, Some(period))) { (lang.t(T::DASHBOARD)) }
            @if let Some(parent) = parent {
                @if staff.principal.sees_unit(&parent.unit_id, &tree) {
                    " › " a href=(href(lang, &routes::dashboard_unit(&parent.unit_id), Some(period))) { (parent.name) }
                }
            }
        }
        h1 { (unit.name) }
        (period_picker(lang, &path, period, now))
        p {
            a href={ (routes::unit_report(unit_id)) "?period=" (period) "&lang=" (lang.code()) } { (lang.t(T::DOWNLOAD_THE_SKM_REPORT_PDF)) }
            " · " (lang.t(T::ANONYMOUS_RESPONSES))
            a href=(export("xlsx")) { (lang.t(T::SPREADSHEET_XLSX)) } " · "
            a href=(export("csv")) { "CSV" }
        }
        p.lead {
            (lang.period(period)) ": " (score_text(lang, score.as_ref())) " · " (tally.responses()) " " (lang.t(T::RESPONSES_2))
            @if let Some(n) = needed {
                " · " (lang.t(T::SAMPLE_NEEDED_2)) " " (n)
                @if tally.responses() < n { " " span.flag { (lang.t(T::NOT_REACHED)) } }
            }
        }
        p.muted {
            (lang.t(T::SERVICE_HOURS))
            @match &unit.service_hours {
                Some(hours) => { (hours.to_string()) }
                None => { (lang.t(T::NOT_SET_RESPONSES_ARE_NOT_JUDGED_BY)) }
            }
        }
        @if !children.is_empty() {
            p {
                (lang.t(T::INCLUDING_ALL_SUB_UNITS)) " "
                (score_text(lang, subtree_score.as_ref())) " · " (subtree.responses()) " " (lang.t(T::RESPONSES_2))
            }
        }
        (elements_section(lang, score.as_ref()))
        (trend_section(lang, &trend))
        (follow_up::section(cx.look(), unit_id, period, &plans, follow_up::may_edit(staff, unit_id, &tree)))
        @if !children.is_empty() {
            (figures_table(lang, lang.t(T::SUB_UNITS), children.iter().map(|u| (u.name.as_str(), None, Some(href(lang, &routes::dashboard_unit(&u.unit_id), Some(period))), unit_tallies.get(&u.unit_id)))))
        }
        @if !services.is_empty() {
            (figures_table(lang, lang.t(T::SERVICES), services.iter().map(|s| (s.name.as_str(), None, None, service_tallies.get(&s.service_id)))))
        }
        // Planners see units, never individual officers (their names or their figures).
        @if !officers.is_empty() && staff.principal.may(Permission::ViewOfficer) {
            form.search #pegawai method="get" action={ (path) "#pegawai" } role="search" {
                input type="hidden" name="lang" value=(lang.code());
                input type="hidden" name="period" value=(period);
                label for="cari" { (lang.t(T::FIND_AN_OFFICER)) }
                input #cari type="search" name="cari" value=(search);
                button type="submit" { (lang.t(T::SEARCH)) }
            }
            (figures_table(lang, lang.t(T::OFFICERS), officers.iter().filter(|o| {
                search.is_empty() || o.name.to_lowercase().contains(&search) || o.nip.contains(&search)
            }).map(|o| {
                let link = staff.principal.sees_officer(&o.nip, unit_id, &tree).then(|| href(lang, &routes::dashboard_officer(&o.nip), Some(period)));
                (o.name.as_str(), Some(o.nip.as_str()), link, officer_tallies.get(&o.nip))
            })))
        }
        @if !points.is_empty() {
            h2 { (lang.t(T::SERVICE_POINTS)) }
            ul { @for p in &points { li {
                (p.name) " · "
                (lang.t(T::QR_POSTER_2))
                a href=(routes::poster_point_svg(&p.point_id)) { (lang.t(T::VECTOR_IMAGE_SVG)) } " · "
                a href=(routes::poster_point_png(&p.point_id)) { (lang.t(T::IMAGE_PNG)) }
            } } }
        }
    };
    cx.ok(&unit.name, content)
}
