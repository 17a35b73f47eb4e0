//! One unit in detail: its IKM and sample, elements, trend, follow-up plans, sub-units,
//! services, officers (not for planners) and service points.

use std::collections::HashMap;

use axum::extract::{Path, Query};
use axum::response::Response;
use maud::{html, Markup};
use suara_domain::access::Permission;
use suara_domain::org::import::Table;
use suara_domain::org::tree::UnitTree;
use suara_domain::org::Unit;
use suara_domain::period::{Month, Period};
use suara_domain::skm::Tally;
use suara_store::{Officer, Scope, ScopeKind, Service, ServicePoint, StoredPlan};

use super::{
    back, elements_section, figures_table, trend_points, trend_section, TrendPoint, TREND_MONTHS,
};
use crate::pages::context::{Look, StaffCx};
use crate::pages::failure::{Missing, PageError};
use crate::pages::staff::{
    exact, follow_up, href, period_picker, sample_needed, score_text, suggestions, units_tree,
    PeriodQuery,
};
use crate::routes;
use suara_app::i18n::catalogue as T;

#[derive(serde::Deserialize, Default)]
pub struct UnitQuery {
    pub period: Option<String>,
    /// Words an officer's name or NIP must contain.
    pub cari: Option<String>,
}

/// An officer of the unit as listed: whether the user may open their page, their figures.
pub struct OfficerLine {
    pub officer: Officer,
    pub linked: bool,
    pub tally: Option<Tally>,
}

/// What the unit's page shows, loaded from the store.
pub struct UnitView {
    pub unit: Unit,
    /// The unit above, when the user may open it.
    pub parent: Option<Unit>,
    pub period: Period,
    pub now: Month,
    pub tally: Tally,
    /// The unit with everything under it.
    pub subtree: Tally,
    pub needed: Option<u64>,
    pub trend: Vec<TrendPoint>,
    pub plans: Vec<StoredPlan>,
    pub may_edit_plans: bool,
    /// Whether the user may import the unit's past survey results.
    pub may_import_history: bool,
    /// Whether the user may adapt how the unit's services ask the survey.
    pub may_adapt_survey: bool,
    /// Whether a service of the unit asks its own way (so extra answers may be there).
    pub extra_questions: bool,
    /// Whether the user may change the unit, its services and points (as an import may).
    pub may_edit_unit: bool,
    /// Suggestions waiting for review, when the user may review them.
    pub suggestions_waiting: Option<u64>,
    pub children: Vec<(Unit, Option<Tally>)>,
    pub services: Vec<(Service, Option<Tally>)>,
    /// `None` for planners: they see units, never individual officers.
    pub officers: Option<Vec<OfficerLine>>,
    pub points: Vec<ServicePoint>,
    pub search: String,
}

pub async fn unit(
    cx: StaffCx,
    Path(unit_id): Path<String>,
    Query(query): Query<UnitQuery>,
) -> Result<Response, PageError> {
    let view = load(&cx, &unit_id, query).await?;
    let (title, content) = render(cx.look(), &view);
    cx.ok(&title, content)
}

async fn load(cx: &StaffCx, unit_id: &str, query: UnitQuery) -> Result<UnitView, PageError> {
    let search = query.cari.as_deref().unwrap_or("").trim().to_lowercase();
    let period = PeriodQuery {
        period: query.period,
    }
    .period(&cx.tenant)?;
    let (from, to) = period.months();
    let (tenant_id, principal) = (cx.tenant_id(), &cx.staff.principal);
    let (units, tree) = units_tree(cx).await?;
    let Some(unit) = units.iter().find(|u| u.unit_id == unit_id) else {
        return Err(PageError::NotFound(Missing::Unit(unit_id.to_string())));
    };
    if !principal.sees_unit(unit_id, &tree) {
        return Err(PageError::Forbidden);
    }
    let store = &cx.app.store;
    let tallies = |kind| async move {
        let found: HashMap<String, Tally> = store
            .tallies_of_kind(tenant_id, kind, from, to)
            .await?
            .into_iter()
            .collect();
        Ok::<_, PageError>(found)
    };
    let unit_tallies = tallies(ScopeKind::Unit).await?;
    let service_tallies = tallies(ScopeKind::Service).await?;
    let officer_tallies = tallies(ScopeKind::Officer).await?;
    let now = cx.current_month();
    let trend_from = back(to.min(now), TREND_MONTHS - 1);
    let subtree = subtree_tally(&tree, unit_id, &unit_tallies);
    let officers = officer_lines(cx, unit_id, &tree, &search, &officer_tallies).await?;
    Ok(UnitView {
        parent: unit
            .parent_id
            .as_deref()
            .filter(|p| principal.sees_unit(p, &tree))
            .and_then(|p| units.iter().find(|u| u.unit_id == p))
            .cloned(),
        tally: store
            .tally(tenant_id, Scope::Unit(unit_id), from, to)
            .await?,
        needed: sample_needed(unit.monthly_users, period, now),
        trend: trend_points(
            store
                .monthly_tallies(tenant_id, Scope::Unit(unit_id), trend_from, to.min(now))
                .await?,
            store
                .survey_history_tallies(tenant_id, unit_id, trend_from, to.min(now))
                .await?,
            to.min(now),
        ),
        plans: store
            .follow_ups(tenant_id, Some(unit_id), Some(period))
            .await?,
        may_edit_plans: follow_up::may_edit(&cx.staff, unit_id, &tree),
        may_import_history: principal.may(Permission::ImportSurveyHistory),
        may_adapt_survey: principal.may(Permission::AdaptSurvey),
        extra_questions: !store.adapted_services(tenant_id, unit_id).await?.is_empty(),
        may_edit_unit: principal.may(Permission::ImportOrganisation),
        suggestions_waiting: if suggestions::may_review(cx, unit_id, &tree) {
            Some(store.unreviewed_suggestions(tenant_id, unit_id, 0).await?.1)
        } else {
            None
        },
        children: tree
            .children(unit_id)
            .iter()
            .filter_map(|id| units.iter().find(|u| &u.unit_id == id))
            .map(|u| (u.clone(), unit_tallies.get(&u.unit_id).cloned()))
            .collect(),
        services: store
            .services_of_unit(tenant_id, unit_id)
            .await?
            .into_iter()
            .map(|s| {
                let tally = service_tallies.get(&s.service_id).cloned();
                (s, tally)
            })
            .collect(),
        points: store.points_of_unit(tenant_id, unit_id).await?,
        unit: unit.clone(),
        subtree,
        officers,
        period,
        now,
        search,
    })
}

/// The unit's whole subtree's tally: the unit with everything under it.
fn subtree_tally(tree: &UnitTree, unit_id: &str, unit_tallies: &HashMap<String, Tally>) -> Tally {
    let mut subtree = Tally::default();
    for id in tree.subtree(unit_id) {
        if let Some(t) = unit_tallies.get(&id) {
            subtree.merge(t);
        }
    }
    subtree
}

/// The unit's officers whose name or NIP contains `search`, rated first; `None` when the user
/// may not see officers.
async fn officer_lines(
    cx: &StaffCx,
    unit_id: &str,
    tree: &UnitTree,
    search: &str,
    officer_tallies: &HashMap<String, Tally>,
) -> Result<Option<Vec<OfficerLine>>, PageError> {
    let (tenant_id, principal) = (cx.tenant_id(), &cx.staff.principal);
    if principal.may(Permission::ViewOfficer) {
        let mut officers: Vec<OfficerLine> = cx
            .app
            .store
            .officers_of_unit(tenant_id, unit_id, cx.today())
            .await?
            .into_iter()
            .filter(|o| {
                search.is_empty()
                    || o.name.to_lowercase().contains(search)
                    || o.nip.contains(search)
            })
            .map(|o| OfficerLine {
                linked: principal.sees_officer(&o.nip, unit_id, tree),
                tally: officer_tallies.get(&o.nip).cloned(),
                officer: o,
            })
            .collect();
        // Rated officers first, most responses first; the back office after, by name.
        officers.sort_by_key(|o| std::cmp::Reverse(o.tally.as_ref().map_or(0, Tally::responses)));
        Ok(Some(officers))
    } else {
        Ok(None)
    }
}

/// The unit's files for the period, and the links of what the user may change.
fn downloads(look: Look, view: &UnitView) -> Markup {
    let lang = look.lang;
    let (unit_id, period) = (view.unit.unit_id.as_str(), view.period);
    let export = |kind: &str, format: &str| {
        format!(
            "{}?jenis={kind}&unit={unit_id}&period={period}&format={format}&lang={}",
            routes::RESULTS_EXPORT,
            lang.code()
        )
    };
    html! {
        p {
            a href={ (routes::unit_report(unit_id)) "?period=" (period) "&lang=" (lang.code()) } { (lang.t(T::DOWNLOAD_THE_SKM_REPORT_PDF)) }
            " · " a href={ (routes::unit_report(unit_id)) "?period=" (period) "&format=docx" } { (lang.t(T::DOWNLOAD_THE_SKM_REPORT_DOCX)) }
            " · " (lang.t(T::ANONYMOUS_RESPONSES))
            a href=(export("tanggapan", "xlsx")) { (lang.t(T::SPREADSHEET_XLSX)) } " · "
            a href=(export("tanggapan", "csv")) { "CSV" }
            @if view.extra_questions {
                " · " (lang.t(T::SURVEY_EXTRA_ANSWERS)) ": "
                a href=(export("tambahan", "xlsx")) { (lang.t(T::SPREADSHEET_XLSX)) } " · "
                a href=(export("tambahan", "csv")) { "CSV" }
            }
            @if view.may_edit_unit {
                " · " a href=(crate::pages::staff::edit_row::edit_href(lang, Table::Units, unit_id)) { (lang.t(T::EDIT_UNIT_SERVICES_AND_POINTS)) }
            }
            @if let Some(waiting) = view.suggestions_waiting {
                " · " a href=(look.href(&routes::unit_suggestions(unit_id))) { (lang.fill(T::N_SUGGESTIONS_WAITING_LINK, &[&waiting])) }
            }
        }
    }
}

pub fn render(look: Look, view: &UnitView) -> (String, Markup) {
    let lang = look.lang;
    let (unit, period) = (&view.unit, view.period);
    let unit_id = unit.unit_id.as_str();
    let score = exact(&view.tally);
    let path = routes::dashboard_unit(unit_id);
    let content = html! {
        p.crumbs {
            a href=(href(lang, routes::DASHBOARD, Some(period))) { (lang.t(T::DASHBOARD)) }
            @if let Some(parent) = &view.parent {
                " › " a href=(href(lang, &routes::dashboard_unit(&parent.unit_id), Some(period))) { (parent.name) }
            }
        }
        h1 { (unit.name) }
        (period_picker(lang, &path, period, view.now))
        (downloads(look, view))
        p.lead {
            (lang.period(period)) ": " (score_text(lang, score.as_ref())) " · " (view.tally.responses()) " " (lang.t(T::RESPONSES_2))
            @if let Some(n) = view.needed {
                " · " (lang.t(T::SAMPLE_NEEDED_2)) " " (n)
                @if view.tally.responses() < n { " " span.flag { (lang.t(T::NOT_REACHED)) } }
            }
        }
        p.muted {
            (lang.t(T::SERVICE_HOURS))
            @match &unit.service_hours {
                Some(hours) => { (hours.to_string()) }
                None => { (lang.t(T::NOT_SET_RESPONSES_ARE_NOT_JUDGED_BY)) }
            }
        }
        @if !view.children.is_empty() {
            p {
                (lang.t(T::INCLUDING_ALL_SUB_UNITS)) " "
                (score_text(lang, exact(&view.subtree).as_ref())) " · " (view.subtree.responses()) " " (lang.t(T::RESPONSES_2))
            }
        }
        (elements_section(lang, score.as_ref()))
        (trend_section(lang, &view.trend))
        @if view.may_import_history {
            p { a href=(look.href(&routes::unit_history(unit_id))) { (lang.t(T::IMPORT_SURVEY_HISTORY)) } }
        }
        @if view.may_adapt_survey {
            p { a href=(look.href(&routes::unit_survey(unit_id))) { (lang.t(T::SURVEY_ADAPT_LINK)) } }
        }
        (follow_up::section(look, unit_id, period, &view.plans, view.may_edit_plans))
        @if view.may_edit_plans {
            @let weakest = score.as_ref().and_then(|s| s.weakest_elements().first().map(|(e, _)| e.code()));
            @let query = serde_urlencoded::to_string([("lang", lang.code()), ("unit", unit_id), ("unsur", weakest.unwrap_or(""))]).unwrap_or_default();
            p { a href={ (routes::INNOVATION_REGISTRY) "?" (query) "#baru" } {
                (lang.t(T::REGISTER_AN_INNOVATION_FOR_THE_WEAKEST)) } }
        }
        @if !view.children.is_empty() {
            (figures_table(lang, lang.t(T::SUB_UNITS), view.children.iter().map(|(u, tally)| (u.name.as_str(), None, Some(href(lang, &routes::dashboard_unit(&u.unit_id), Some(period))), tally.as_ref()))))
        }
        @if !view.services.is_empty() {
            (figures_table(lang, lang.t(T::SERVICES), view.services.iter().map(|(s, tally)| (s.name.as_str(), None, None, tally.as_ref()))))
        }
        @if let Some(officers) = view.officers.as_ref().filter(|o| !o.is_empty() || !view.search.is_empty()) {
            form.search #pegawai method="get" action={ (path) "#pegawai" } role="search" {
                input type="hidden" name="lang" value=(lang.code());
                input type="hidden" name="period" value=(period);
                label for="cari" { (lang.t(T::FIND_AN_OFFICER)) }
                input #cari type="search" name="cari" value=(view.search);
                button type="submit" { (lang.t(T::SEARCH)) }
            }
            (figures_table(lang, lang.t(T::OFFICERS), officers.iter().map(|line| {
                let o = &line.officer;
                let link = line.linked.then(|| href(lang, &routes::dashboard_officer(&o.nip), Some(period)));
                (o.name.as_str(), Some(o.nip.as_str()), link, line.tally.as_ref())
            })))
        }
        @if !view.points.is_empty() {
            h2 { (lang.t(T::SERVICE_POINTS)) }
            ul { @for p in &view.points { li {
                (p.name) " · "
                (lang.t(T::QR_POSTER_2))
                a href={ (routes::poster_point_svg(&p.point_id)) "?lang=" (lang.code()) } { (lang.t(T::VECTOR_IMAGE_SVG)) } " · "
                a href=(routes::poster_point_png(&p.point_id)) { (lang.t(T::IMAGE_PNG)) }
            } } }
        }
    };
    (unit.name.clone(), content)
}

#[cfg(test)]
mod tests {
    use super::*;
    use suara_app::i18n::Lang;

    fn view(officers: Option<Vec<OfficerLine>>) -> UnitView {
        let month: Month = "2026-11".parse().unwrap();
        UnitView {
            unit: Unit {
                unit_id: "dukcapil".into(),
                parent_id: None,
                name: "Dinas Dukcapil".into(),
                kind: "dinas".into(),
                monthly_users: Some(100),
                service_hours: None,
                head_nip: None,
                treasurer_nip: None,
            },
            parent: None,
            period: Period::Month(month),
            now: month,
            tally: Tally::default(),
            subtree: Tally::default(),
            needed: Some(80),
            trend: Vec::new(),
            plans: Vec::new(),
            may_edit_plans: false,
            may_import_history: false,
            may_adapt_survey: false,
            extra_questions: false,
            may_edit_unit: false,
            suggestions_waiting: None,
            children: Vec::new(),
            services: Vec::new(),
            officers,
            points: Vec::new(),
            search: String::new(),
        }
    }

    #[test]
    fn planners_see_no_officers_and_others_see_names_with_nips() {
        let look = Look {
            lang: Lang::ID,
            csrf: "token",
        };
        let (title, planner) = render(look, &view(None));
        assert_eq!(title, "Dinas Dukcapil");
        let planner = planner.into_string();
        assert!(planner.contains("November 2026") && !planner.contains("Cari pegawai"));
        let officer = Officer {
            nip: "198001012005011001".into(),
            name: "Sri Wahyuni".into(),
            position: "Petugas".into(),
            position_class: "7".into(),
            unit_id: "dukcapil".into(),
            serves_public: true,
            pay: Default::default(),
        };
        let line = OfficerLine {
            officer,
            linked: true,
            tally: None,
        };
        let (_, admin) = render(look, &view(Some(vec![line])));
        let admin = admin.into_string();
        assert!(admin.contains("Sri Wahyuni") && admin.contains("NIP 198001012005011001"));
        assert!(admin.contains("/dasbor/pegawai/198001012005011001"));
    }
}
