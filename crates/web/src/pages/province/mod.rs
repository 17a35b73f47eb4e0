//! `/provinsi`: the province hosting many regencies sees them side by side: each regency's
//! IKM for a period with its place among them and its trend over the periods before, the
//! elements weakest across the province, and one kind of service (by its code, e.g. `ktp`)
//! compared across every regency that offers it; all as a workbook or CSV ([`export`]).
//! Only totals: no officer, no respondent, nothing one regency keeps to itself.

mod export;
mod service_map;
mod view;

pub use service_map::{replace as replace_service_map, MAX_MAP_BYTES};

use std::collections::{BTreeMap, HashMap};

use axum::extract::Query;
use axum::response::Response;
use futures_util::stream::{self, StreamExt, TryStreamExt};
use serde::Deserialize;
use suara_domain::decimal::Decimal;
use suara_domain::period::{Month, Period};
use suara_domain::province::{province_code, Mapping};
use suara_domain::skm::precision::{Evidence, Precision};
use suara_domain::skm::ranks::competition_ranks;
use suara_domain::skm::{Element, SkmScore, Tally};
use suara_store::{ScopeKind, Store, StoreError, Tenant};
use time::OffsetDateTime;

use crate::api::responses::SheetDownload;
use crate::pages::context::StaffCx;
use crate::pages::failure::PageError;
use crate::pages::staff::{exact, PeriodQuery};
use crate::pages::SheetFormat;
use crate::routes;

/// Periods in a regency's trend: the chosen one and those before it.
const TREND_PERIODS: usize = 4;

#[derive(Deserialize, Default)]
pub struct ProvinceQuery {
    pub period: Option<String>,
    /// The service code to compare across regencies.
    pub layanan: Option<String>,
    /// `xlsx` or `csv`: the figures as a file instead of the page.
    pub format: Option<String>,
    /// Rows of the table of service codes just saved.
    pub padanan: Option<usize>,
}

/// One regency's figures, or one regency's figures for the compared service.
pub struct Line {
    pub code: String,
    pub regency: String,
    /// The service's name in that regency (for the comparison).
    pub service: Option<String>,
    pub score: Option<SkmScore>,
    pub responses: u64,
    /// How sure the IKM is: a regency's adds up its units' evidence; a service's has no
    /// on-site share (no such count is kept per service) and no users to ask a sample of.
    pub precision: Option<Precision>,
    /// Its place among the regencies (regency lines with a graded IKM only).
    pub rank: Option<usize>,
    /// The IKM (rounded) in each period of [`ProvinceView::trend`], `None` without responses.
    pub trend: Vec<Option<Decimal>>,
}

impl Line {
    /// Graded only on the survey's sample; a regency's figure below it is provisional.
    fn graded(&self) -> Option<&SkmScore> {
        self.score
            .as_ref()
            .filter(|_| !self.precision.is_some_and(|p| p.provisional()))
    }
}

/// An element across the province: its NRR over every regency's responses, and in how
/// many regencies it is the weakest.
pub struct ElementLine {
    pub element: Element,
    pub nrr: Decimal,
    pub weakest_in: usize,
}

pub struct ProvinceView {
    pub period: Period,
    pub current: Month,
    /// Ranked first, by place; then the unranked by name.
    pub regencies: Vec<Line>,
    /// The periods of each regency's trend, oldest first, ending with `period`.
    pub trend: Vec<Period>,
    /// The nine elements over the province, weakest first (those answered at all).
    pub elements: Vec<ElementLine>,
    /// Every service code some regency offers, with the name it has in the first.
    pub services: Vec<(String, String)>,
    pub chosen: Option<String>,
    /// The chosen service in every regency that offers it.
    pub compared: Vec<Line>,
    /// Every regency's every service (for the files), by the province's code.
    pub all_services: Vec<(String, Line)>,
    /// The province's table of service codes.
    pub map: Vec<service_map::MapLine>,
    pub map_outcome: Option<service_map::Outcome>,
}

/// A regency's units added up over each of `periods`, read in one query.
async fn regency_totals(
    store: &Store,
    id: &str,
    periods: &[Period],
) -> Result<Vec<Tally>, StoreError> {
    let (Some(first), Some(last)) = (periods.first(), periods.last()) else {
        return Ok(Vec::new());
    };
    let monthly = store
        .kind_monthly_tallies(id, ScopeKind::Unit, first.months().0, last.months().1)
        .await?;
    Ok(periods
        .iter()
        .map(|period| {
            let (from, to) = period.months();
            let mut total = Tally::default();
            for (_, tally) in monthly.iter().filter(|(m, _)| (from..=to).contains(m)) {
                total.merge(tally);
            }
            total
        })
        .collect())
}

/// What the view reads of one regency.
struct Regency {
    line: Line,
    /// Its units added up over the chosen period.
    total: Tally,
    /// Its services, by the province's code of each.
    services: Vec<(String, Line)>,
    /// (its code, a service's code) → (its name, the service's name), for the table.
    names: Vec<((String, String), (String, String))>,
}

/// Regencies read at once: each read is a few small queries, so the view's time is the
/// slowest batch's, not the sum over every regency (the pool has connections to spare).
const REGENCIES_AT_ONCE: usize = 6;

/// One regency's figures over `trend` (the chosen period last) and its services.
async fn regency(
    store: &Store,
    tenant: Tenant,
    trend: &[Period],
    map: &[Mapping],
) -> Result<Regency, StoreError> {
    let id = tenant.tenant_id.clone();
    let period = *trend
        .last()
        .ok_or_else(|| StoreError::Corrupt("no period".into()))?;
    let (from, to) = period.months();
    let current = tenant.month_of(OffsetDateTime::now_utc());
    let mut evidence = Evidence::default();
    for unit in store
        .unit_evidence(&id, (from, to), current)
        .await?
        .values()
    {
        evidence.add(unit);
    }
    let figures = regency_totals(store, &id, trend).await?;
    let total = figures.last().cloned().unwrap_or_default();
    let by_service: HashMap<String, Tally> = store
        .tallies_of_kind(&id, ScopeKind::Service, from, to)
        .await?
        .into_iter()
        .collect();
    let spreads = store
        .spreads_of_kind(&id, ScopeKind::Service, (from, to))
        .await?;
    let mut services = Vec::new();
    let mut names = Vec::new();
    for service in store.services(&id).await? {
        let tally = by_service
            .get(&service.service_id)
            .cloned()
            .unwrap_or_default();
        let spread = spreads.get(&service.service_id).copied();
        names.push((
            (id.clone(), service.service_id.clone()),
            (tenant.name.clone(), service.name.clone()),
        ));
        services.push((
            province_code(map, &id, &service.service_id).to_string(),
            Line {
                code: id.clone(),
                regency: tenant.name.clone(),
                service: Some(service.name),
                score: exact(&tally),
                responses: tally.responses(),
                precision: Some(Precision {
                    onsite_percent: None,
                    ..Precision::of(tally.responses(), spread.unwrap_or_default(), 0, None)
                }),
                rank: None,
                trend: Vec::new(),
            },
        ));
    }
    Ok(Regency {
        line: Line {
            code: id,
            regency: tenant.name,
            service: None,
            score: exact(&total),
            responses: total.responses(),
            precision: Some(evidence.precision()),
            rank: None,
            trend: figures
                .iter()
                .map(|t| exact(t).map(|s| s.ikm_rounded()))
                .collect(),
        },
        total,
        services,
        names,
    })
}

/// Places the regencies with a graded IKM, and orders them by place, then the unranked by
/// name.
fn rank(regencies: &mut [Line]) {
    let graded: Vec<Option<Decimal>> = regencies
        .iter()
        .map(|l| l.graded().map(SkmScore::ikm_rounded))
        .collect();
    for (line, rank) in regencies.iter_mut().zip(competition_ranks(&graded)) {
        line.rank = rank;
    }
    regencies.sort_by(|a, b| {
        (a.rank.is_none(), a.rank, &a.regency).cmp(&(b.rank.is_none(), b.rank, &b.regency))
    });
}

/// The `chosen` service in every regency that offers it, by regency.
fn compared(all_services: &[(String, Line)], chosen: Option<&str>) -> Vec<Line> {
    let mut compared: Vec<Line> = all_services
        .iter()
        .filter(|(code, _)| Some(code.as_str()) == chosen)
        .map(|(_, line)| Line {
            code: line.code.clone(),
            regency: line.regency.clone(),
            service: line.service.clone(),
            score: line.score.clone(),
            responses: line.responses,
            precision: line.precision,
            rank: None,
            trend: Vec::new(),
        })
        .collect();
    compared.sort_by(|a, b| a.regency.cmp(&b.regency));
    compared
}

async fn load(cx: &StaffCx, query: &ProvinceQuery) -> Result<ProvinceView, PageError> {
    let period = PeriodQuery {
        period: query.period.clone(),
    }
    .period(&cx.tenant)?;
    let trend = period.trail(TREND_PERIODS);
    let store = &cx.app.store;
    let provinces = store.province_entries().await?;
    let map = store.province_service_map(cx.tenant_id()).await?;
    // A province's entry holds its accounts, not services: it is not a regency.
    let tenants: Vec<Tenant> = store
        .tenants()
        .await?
        .into_iter()
        .filter(|t| t.tenant_id != cx.tenant_id() && !provinces.contains(&t.tenant_id))
        .collect();
    let read: Vec<Regency> = stream::iter(tenants)
        .map(|tenant| regency(store, tenant, &trend, &map))
        .buffered(REGENCIES_AT_ONCE)
        .try_collect()
        .await?;
    let mut named: HashMap<(String, String), (String, String)> = HashMap::new();
    let mut regencies = Vec::new();
    let mut all_services = Vec::new();
    let mut province = Tally::default();
    let mut weakest: HashMap<Element, usize> = HashMap::new();
    for r in read {
        province.merge(&r.total);
        if let Some((element, _)) = r
            .line
            .score
            .as_ref()
            .and_then(|s| s.weakest_elements().first().copied())
        {
            *weakest.entry(element).or_default() += 1;
        }
        named.extend(r.names);
        all_services.extend(r.services);
        regencies.push(r.line);
    }
    rank(&mut regencies);
    let elements = exact(&province).map_or_else(Vec::new, |score| {
        score
            .weakest_elements()
            .into_iter()
            .map(|(element, s)| ElementLine {
                element,
                nrr: Decimal::round_half_away(&s.nrr, 2),
                weakest_in: weakest.get(&element).copied().unwrap_or(0),
            })
            .collect()
    });
    let mut names: BTreeMap<String, String> = BTreeMap::new();
    for (code, line) in &all_services {
        names
            .entry(code.clone())
            .or_insert_with(|| line.service.clone().unwrap_or_default());
    }
    let services: Vec<(String, String)> = names.into_iter().collect();
    let chosen = query
        .layanan
        .clone()
        .filter(|c| services.iter().any(|(code, _)| code == c))
        .or_else(|| services.first().map(|(code, _)| code.clone()));
    let compared = compared(&all_services, chosen.as_deref());
    let map = map
        .into_iter()
        .map(|m| {
            let (regency, service) = named
                .remove(&(m.regency.clone(), m.service.clone()))
                .unwrap_or_else(|| (m.regency.clone(), m.service.clone()));
            service_map::MapLine {
                regency,
                service,
                service_code: m.service,
                province_service: m.province_service,
            }
        })
        .collect();
    Ok(ProvinceView {
        period,
        current: cx.current_month(),
        regencies,
        trend,
        elements,
        services,
        chosen,
        compared,
        all_services,
        map,
        map_outcome: query.padanan.map(service_map::Outcome::Saved),
    })
}

/// Every regency's figures side by side, as a file for the province's own tools (without
/// `format`, the same address is the province's page).
#[utoipa::path(get, path = routes::PROVINCE, tag = "results",
    params(("period" = Option<String>, Query, description = "YYYY-MM, YYYY-Qn, YYYY-Sn or YYYY"), ("layanan" = Option<String>, Query, description = "A service code to compare across regencies"), ("format" = String, Query, description = "xlsx or csv")),
    security(("session" = [])),
    responses(SheetDownload))]
pub async fn show(cx: StaffCx, Query(query): Query<ProvinceQuery>) -> Result<Response, PageError> {
    let view = load(&cx, &query).await?;
    if let Some(format) = query.format.as_deref() {
        let format = SheetFormat::from_query(Some(format))?;
        return Ok(export::export(cx.lang, &view, format)?);
    }
    let (title, content) = view::render(cx.look(), &view);
    cx.ok(&title, content)
}
