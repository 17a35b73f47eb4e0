//! One officer: their IKM beside their unit's, elements, trend, assignments, QR poster and
//! the way to their TPP explanation.

use axum::extract::{Path, Query};
use axum::response::Response;
use maud::{html, Markup};
use suara_domain::org::import::Table;
use suara_domain::period::{Month, Period};
use suara_domain::skm::{SkmScore, Tally};
use suara_store::{Assignment, Officer, Scope};

use super::{back, elements_section, trend_points, trend_section, TrendPoint, TREND_MONTHS};
use crate::pages::context::{Look, StaffCx};
use crate::pages::failure::{Missing, PageError};
use crate::pages::staff::{exact, href, period_picker, score_text, units_tree, PeriodQuery};
use crate::routes;
use suara_app::i18n::catalogue as T;
use suara_domain::access::Permission;

/// What the officer's page shows, loaded from the store.
pub struct OfficerView {
    pub officer: Officer,
    pub unit_name: String,
    /// Whether the user may open the officer's unit.
    pub sees_unit: bool,
    pub period: Period,
    pub now: Month,
    pub tally: Tally,
    pub unit_score: Option<SkmScore>,
    pub trend: Vec<TrendPoint>,
    /// Assignments with their units' names, latest first.
    pub history: Vec<(Assignment, String)>,
    /// Whether the user may record that the officer leaves (BKPSDM, administrators).
    pub may_record_departure: bool,
}

pub async fn officer(
    cx: StaffCx,
    Path(nip): Path<String>,
    Query(query): Query<PeriodQuery>,
) -> Result<Response, PageError> {
    let view = load(&cx, &nip, &query).await?;
    let (title, content) = render(cx.look(), &view);
    cx.ok(&title, content)
}

async fn load(cx: &StaffCx, nip: &str, query: &PeriodQuery) -> Result<OfficerView, PageError> {
    let tenant_id = cx.tenant_id();
    let period = query.period(&cx.tenant)?;
    let (from, to) = period.months();
    let store = &cx.app.store;
    let Some(officer) = store.officer(tenant_id, nip).await? else {
        return Err(PageError::NotFound(Missing::Officer(nip.to_string())));
    };
    let (units, tree) = units_tree(cx).await?;
    let principal = &cx.staff.principal;
    if !principal.sees_officer(nip, &officer.unit_id, &tree) {
        return Err(PageError::Forbidden);
    }
    let unit_name = |id: &str| {
        units
            .iter()
            .find(|u| u.unit_id == id)
            .map_or(id.to_string(), |u| u.name.clone())
    };
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
        Vec::new(),
        to.min(now),
    );
    let history = store
        .assignments(tenant_id, nip)
        .await?
        .into_iter()
        .map(|a| {
            let name = unit_name(&a.unit_id);
            (a, name)
        })
        .collect();
    Ok(OfficerView {
        may_record_departure: principal.may(Permission::ImportOrganisation),
        unit_name: unit_name(&officer.unit_id),
        sees_unit: principal.sees_unit(&officer.unit_id, &tree),
        tally: store
            .tally(tenant_id, Scope::Officer(nip), from, to)
            .await?,
        unit_score: exact(
            &store
                .tally(tenant_id, Scope::Unit(&officer.unit_id), from, to)
                .await?,
        ),
        officer,
        period,
        now,
        trend,
        history,
    })
}

/// The last working day of an officer who has left: every assignment has ended.
fn left_on(history: &[(Assignment, String)]) -> Option<suara_domain::org::Date> {
    let mut ends = history.iter().map(|(a, _)| a.until);
    let latest = ends.next()??;
    ends.all(|e| e.is_some()).then_some(latest)
}

pub fn render(look: Look, view: &OfficerView) -> (String, Markup) {
    let lang = look.lang;
    let (officer, period) = (&view.officer, view.period);
    let score = exact(&view.tally);
    let path = routes::dashboard_officer(&officer.nip);
    let content = html! {
        @if view.sees_unit {
            p.crumbs { a href=(href(lang, &routes::dashboard_unit(&officer.unit_id), Some(period))) { (view.unit_name) } }
        }
        h1 { (officer.name) }
        dl.facts {
            dt { "NIP" } dd { (officer.nip) }
            dt { (lang.t(T::POSITION)) } dd { (officer.position) }
            dt { (lang.t(T::POSITION_CLASS)) } dd { @if officer.position_class.is_empty() { "–" } @else { (officer.position_class) } }
            dt { "Unit" } dd { (view.unit_name) }
            @if let Some(last_day) = left_on(&view.history) {
                dt { (lang.t(T::LEFT_THE_SERVICE)) } dd { strong { (lang.t(T::LAST_WORKING_DAY)) " " (lang.date(last_day)) } }
            } @else if view.may_record_departure {
                dt { (lang.t(T::LEFT_THE_SERVICE)) } dd { a href=(href(lang, &routes::officer_departure(&officer.nip), None)) { (lang.t(T::RECORD_THAT_THIS_OFFICER_LEAVES)) } }
                dt { (lang.t(T::EDIT_OFFICER)) } dd { a href=(crate::pages::staff::edit_row::edit_href(lang, Table::Officers, &officer.nip)) { (lang.t(T::EDIT_OFFICER)) } }
            }
            dt { "TPP" } dd { a href=(href(lang, &routes::tpp_explain(&officer.nip), None)) { (lang.t(T::TPP_EXPLAINED_AND_APPEALS)) } }
            dt { (lang.t(T::QR_POSTER)) }
            dd {
                a href={ (routes::poster_officer_svg(&officer.nip)) "?lang=" (lang.code()) } { (lang.t(T::VECTOR_IMAGE_SVG)) } " · "
                a href=(routes::poster_officer_png(&officer.nip)) { (lang.t(T::IMAGE_PNG)) }
            }
        }
        (period_picker(lang, &path, period, view.now))
        p.lead {
            (lang.period(period)) ": " (score_text(lang, score.as_ref())) " · " (view.tally.responses()) " " (lang.t(T::RESPONSES_NAMING_THIS_OFFICER))
        }
        p { (lang.t(T::THE_UNIT_S_IKM_OVER_THE_SAME)) " " (score_text(lang, view.unit_score.as_ref())) }
        (elements_section(lang, score.as_ref()))
        (trend_section(lang, &view.trend))
        h2 { (lang.t(T::ASSIGNMENT_HISTORY)) }
        table.data tabindex="0" {
            thead { tr {
                th scope="col" { "Unit" } th scope="col" { (lang.t(T::POSITION)) }
                th scope="col" { (lang.t(T::FROM)) } th scope="col" { (lang.t(T::UNTIL)) }
            } }
            tbody { @for (a, unit) in &view.history { tr {
                th scope="row" { (unit) } td { (a.position) } td { (lang.date(a.from)) }
                td { @if let Some(until) = a.until { (lang.date(until)) } @else { (lang.t(T::NOW)) } }
            } } }
        }
    };
    (officer.name.clone(), content)
}
