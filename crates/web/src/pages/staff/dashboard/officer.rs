//! One officer: their IKM beside their unit's, elements, trend, assignments, QR poster and
//! the way to their TPP explanation.

use axum::extract::{Path, Query};
use axum::response::Response;
use maud::html;
use suara_store::Scope;

use super::{back, elements_section, trend_points, trend_section, TREND_MONTHS};
use crate::i18n::catalogue as T;
use crate::pages::context::StaffCx;
use crate::pages::failure::{Missing, PageError};
use crate::pages::staff::{exact, href, period_picker, score_text, units_tree, PeriodQuery};
use crate::routes;

pub async fn officer(
    cx: StaffCx,
    Path(nip): Path<String>,
    Query(query): Query<PeriodQuery>,
) -> Result<Response, PageError> {
    let nip = nip.as_str();
    let (lang, staff) = (cx.lang, &cx.staff);
    let tenant_id = cx.tenant_id();
    let period = query.period(&cx.tenant)?;
    let (from, to) = period.months();
    let store = &cx.app.store;
    let Some(officer) = store.officer(tenant_id, nip).await? else {
        return Err(PageError::NotFound(Missing::Officer(nip.to_string())));
    };
    let (units, tree) = units_tree(&cx).await?;
    if !staff.principal.sees_officer(nip, &officer.unit_id, &tree) {
        return Err(PageError::Forbidden);
    }
    let unit_name = |id: &str| {
        units
            .iter()
            .find(|u| u.unit_id == id)
            .map_or(id.to_string(), |u| u.name.clone())
    };
    let tally = store
        .tally(tenant_id, Scope::Officer(nip), from, to)
        .await?;
    let score = exact(&tally);
    let unit_score = exact(
        &store
            .tally(tenant_id, Scope::Unit(&officer.unit_id), from, to)
            .await?,
    );
    let now = cx.current_month();
    let trend = trend_points(
        store
            .monthly_tallies(
                tenant_id,
                Scope::Officer(nip),
                back(to.min(now), TREND_MONTHS - 1),
                to.min(now),
            )
            .await?,
        to.min(now),
    );
    let history = store.assignments(tenant_id, nip).await?;
    let path = routes::dashboard_officer(nip);
    let content = html! {
        @if staff.principal.sees_unit(&officer.unit_id, &tree) {
            p.crumbs { a href=(href(lang, &routes::dashboard_unit(&officer.unit_id), Some(period))) { (unit_name(&officer.unit_id)) } }
        }
        h1 { (officer.name) }
        dl.facts {
            dt { "NIP" } dd { (officer.nip) }
            dt { (lang.t(T::POSITION)) } dd { (officer.position) }
            dt { (lang.t(T::POSITION_CLASS)) } dd { @if officer.position_class.is_empty() { "–" } @else { (officer.position_class) } }
            dt { "Unit" } dd { (unit_name(&officer.unit_id)) }
            dt { "TPP" } dd { a href=(href(lang, &routes::tpp_explain(&officer.nip), None)) { (lang.t(T::TPP_EXPLAINED_AND_APPEALS)) } }
            dt { (lang.t(T::QR_POSTER)) }
            dd {
                a href=(routes::poster_officer_svg(&officer.nip)) { (lang.t(T::VECTOR_IMAGE_SVG)) } " · "
                a href=(routes::poster_officer_png(&officer.nip)) { (lang.t(T::IMAGE_PNG)) }
            }
        }
        (period_picker(lang, &path, period, now))
        p.lead {
            (lang.period(period)) ": " (score_text(lang, score.as_ref())) " · " (tally.responses()) " " (lang.t(T::RESPONSES_NAMING_THIS_OFFICER))
        }
        p { (lang.t(T::THE_UNIT_S_IKM_OVER_THE_SAME)) " " (score_text(lang, unit_score.as_ref())) }
        (elements_section(lang, score.as_ref()))
        (trend_section(lang, &trend))
        h2 { (lang.t(T::ASSIGNMENT_HISTORY)) }
        table.data tabindex="0" {
            thead { tr {
                th scope="col" { "Unit" } th scope="col" { (lang.t(T::POSITION)) }
                th scope="col" { (lang.t(T::FROM)) } th scope="col" { (lang.t(T::UNTIL)) }
            } }
            tbody { @for a in &history { tr {
                th scope="row" { (unit_name(&a.unit_id)) } td { (a.position) } td { (lang.date(a.from)) }
                td { @if let Some(until) = a.until { (lang.date(until)) } @else { (lang.t(T::NOW)) } }
            } } }
        }
    };
    cx.ok(&officer.name, content)
}
