//! Musrena open data: the proposals as JSON, a page at a time, and as GeoJSON for mapping
//! software, with the same filters as the public list. Nothing personal is in them: forums
//! count participants by group and proposals carry no names.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use suara_domain::musrena::forum::Group;
use suara_domain::musrena::lifecycle::Stage;
use suara_domain::musrena::proposal::Sector;
use suara_domain::org::village::Point;
use suara_store::{ProposalFilter, StoredProposal};

use utoipa::{IntoParams, ToSchema};

use super::query::ApiQuery;
use super::responses::TenantProblems;
use super::schema;
use crate::error::ApiError;
use crate::routes;
use crate::state::AppState;

/// Largest page of the JSON list.
pub const MAX_PER_PAGE: u64 = 100;

/// The filters of the public list. Values stay text until checked, so a wrong one gets a
/// message naming the parameter and what it takes.
#[derive(Deserialize, Default, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ProposalsQuery {
    /// Regency code; the server's regency (or the host name's) by default.
    tenant: Option<String>,
    /// District (kecamatan) unit code.
    district: Option<String>,
    /// Kemendagri village code.
    #[param(example = "35.03.01.2001")]
    village: Option<String>,
    #[param(schema_with = schema::musrena_sector)]
    sector: Option<String>,
    /// A proposing group.
    #[param(schema_with = schema::musrena_group)]
    group: Option<String>,
    #[param(schema_with = schema::musrena_stage)]
    stage: Option<String>,
    /// An SDG goal served directly or by one of its targets.
    #[param(value_type = Option<u32>, minimum = 1, maximum = 17)]
    sdg: Option<String>,
    /// The year proposed.
    #[param(value_type = Option<u32>, minimum = 2000, maximum = 9999)]
    year: Option<String>,
    /// The page, from 1 (the JSON list only).
    #[param(value_type = Option<u32>, minimum = 1)]
    page: Option<String>,
    /// Proposals per page, 1 to 100, 50 by default (the JSON list only).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 100)]
    per_page: Option<String>,
}

fn given(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

/// A code from a list, or a 400 naming the parameter and what it takes.
fn code<T>(
    value: &Option<String>,
    name: &str,
    parse: impl Fn(&str) -> Option<T>,
    allowed: impl Iterator<Item = &'static str>,
) -> Result<Option<T>, ApiError> {
    given(value)
        .map(|v| {
            parse(v).ok_or_else(|| {
                ApiError::BadQuery(format!(
                    "{name}: '{v}' is not one of {}",
                    allowed.collect::<Vec<_>>().join(", ")
                ))
            })
        })
        .transpose()
}

fn number<T: std::str::FromStr + PartialOrd + std::fmt::Display>(
    value: &Option<String>,
    name: &str,
    range: std::ops::RangeInclusive<T>,
) -> Result<Option<T>, ApiError> {
    given(value)
        .map(|v| {
            v.parse::<T>()
                .ok()
                .filter(|n| range.contains(n))
                .ok_or_else(|| {
                    ApiError::BadQuery(format!(
                        "{name}: '{v}' is not a whole number from {} to {}",
                        range.start(),
                        range.end()
                    ))
                })
        })
        .transpose()
}

fn filter(query: &ProposalsQuery) -> Result<ProposalFilter, ApiError> {
    Ok(ProposalFilter {
        district_id: given(&query.district).map(str::to_string),
        village: given(&query.village).map(str::to_string),
        sector: code(
            &query.sector,
            "sector",
            Sector::from_code,
            Sector::ALL.into_iter().map(Sector::code),
        )?,
        group: code(
            &query.group,
            "group",
            Group::from_code,
            Group::ALL.into_iter().map(Group::code),
        )?,
        stage: code(
            &query.stage,
            "stage",
            Stage::from_code,
            Stage::ALL.into_iter().map(Stage::code),
        )?,
        forum_id: None,
        sdg_goal: number(&query.sdg, "sdg", 1..=17)?,
        year: number(&query.year, "year", 2000..=9999)?,
    })
}

fn point(p: Point) -> Value {
    json!({ "type": "Point", "coordinates": [p.lon_degrees(), p.lat_degrees()] })
}

/// Every public field of a proposal.
#[derive(Serialize, ToSchema)]
pub struct ProposalBody {
    /// Tracking code, MR-XXXXX-XXXXX.
    code: String,
    title: String,
    problem: String,
    activity: String,
    #[schema(schema_with = schema::musrena_sector)]
    sector: &'static str,
    #[schema(schema_with = schema::musrena_stage)]
    stage: &'static str,
    /// Forum code, YYYY-NNN.
    forum: String,
    /// desa, kecamatan or kabupaten.
    forum_level: &'static str,
    district_id: Option<String>,
    district: Option<String>,
    /// Kemendagri code.
    village_code: String,
    village: Option<String>,
    address: String,
    latitude: Option<f64>,
    longitude: Option<f64>,
    /// Whole rupiah.
    estimated_cost: Option<u64>,
    /// Whole rupiah in the APBD.
    budget_amount: Option<u64>,
    proposed_by: Vec<&'static str>,
    /// People per group.
    beneficiaries: BTreeMap<&'static str, u32>,
    sdgs: Vec<String>,
    #[schema(format = Date)]
    submitted_on: String,
    /// The public tracker page.
    tracker: String,
}

impl ProposalBody {
    fn new(p: &StoredProposal, districts: &HashMap<String, String>) -> ProposalBody {
        let district = p.district_id.as_deref().unwrap_or("");
        ProposalBody {
            code: p.code.clone(),
            title: p.proposal.title.clone(),
            problem: p.proposal.problem.clone(),
            activity: p.proposal.activity.clone(),
            sector: p.proposal.sector.code(),
            stage: p.stage.code(),
            forum: p.forum_id.clone(),
            forum_level: p.forum_level.code(),
            district_id: p.district_id.clone(),
            district: districts.get(district).cloned(),
            village_code: p.proposal.village.clone(),
            village: p.village_name.clone(),
            address: p.proposal.address.clone(),
            latitude: p.proposal.point.map(|p| p.lat_degrees()),
            longitude: p.proposal.point.map(|p| p.lon_degrees()),
            estimated_cost: p.proposal.estimated_cost,
            budget_amount: p.budget_amount,
            proposed_by: p.proposal.proposed_by.iter().map(|g| g.code()).collect(),
            beneficiaries: p
                .proposal
                .beneficiaries
                .iter()
                .map(|(g, n)| (g.code(), *n))
                .collect(),
            sdgs: p.proposal.sdgs.iter().map(ToString::to_string).collect(),
            submitted_on: p.submitted_on.to_string(),
            tracker: routes::musrena_tracker(&p.code),
        }
    }
}

/// A page of proposals.
#[derive(Serialize, ToSchema)]
pub struct ProposalsPage {
    tenant: String,
    page: u64,
    per_page: u64,
    /// Proposals matching the filters.
    total: u64,
    pages: u64,
    /// The next page's address with the same filters, null on the last.
    next: Option<String>,
    proposals: Vec<ProposalBody>,
}

async fn district_names(
    app: &AppState,
    tenant_id: &str,
) -> Result<HashMap<String, String>, ApiError> {
    Ok(app
        .store
        .units(tenant_id)
        .await?
        .into_iter()
        .filter(|u| u.kind == "kecamatan")
        .map(|u| (u.unit_id, u.name))
        .collect())
}

/// Musrena Keren proposals, a page at a time.
///
/// Open data (Satu Data Indonesia): every public field of each proposal, newest forum first.
/// The filters are those of the public list; the response says how many match and gives the
/// next page's address with the same filters. Nothing personal is published: forums count
/// participants by group and proposals carry no names.
#[utoipa::path(get, path = routes::API_MUSRENA_PROPOSALS, tag = "musrena", params(ProposalsQuery),
    responses(
        (status = 200, description = "A page of proposals", body = ProposalsPage),
        TenantProblems,
    ))]
pub async fn proposals(
    State(app): State<Arc<AppState>>,
    ApiQuery(query): ApiQuery<ProposalsQuery>,
) -> Result<Json<ProposalsPage>, ApiError> {
    let filter = filter(&query)?;
    let page = number(&query.page, "page", 1..=u64::from(u32::MAX))?.unwrap_or(1);
    let per_page = number(&query.per_page, "per_page", 1..=MAX_PER_PAGE)?.unwrap_or(50);
    let tenant = app.tenant(query.tenant.as_deref()).await?;
    let (found, total) = app
        .store
        .proposals_page(
            &tenant.tenant_id,
            &filter,
            (page - 1).saturating_mul(per_page),
            Some(per_page),
        )
        .await?;
    let districts = district_names(&app, &tenant.tenant_id).await?;
    let pages = total.div_ceil(per_page);
    // The next page keeps every filter as sent.
    let next = (page < pages).then(|| {
        let mut pairs: Vec<(&str, String)> = [
            ("tenant", &query.tenant),
            ("district", &query.district),
            ("village", &query.village),
            ("sector", &query.sector),
            ("group", &query.group),
            ("stage", &query.stage),
            ("sdg", &query.sdg),
            ("year", &query.year),
        ]
        .into_iter()
        .filter_map(|(k, v)| given(v).map(|v| (k, v.to_string())))
        .collect();
        pairs.push(("page", (page + 1).to_string()));
        pairs.push(("per_page", per_page.to_string()));
        format!(
            "{}?{}",
            routes::API_MUSRENA_PROPOSALS,
            serde_urlencoded::to_string(&pairs).unwrap_or_default()
        )
    });
    Ok(Json(ProposalsPage {
        tenant: tenant.tenant_id,
        page,
        per_page,
        total,
        pages,
        next,
        proposals: found
            .iter()
            .map(|p| ProposalBody::new(p, &districts))
            .collect(),
    }))
}

/// Musrena Keren proposals as GeoJSON (RFC 7946).
///
/// A FeatureCollection with one Point per proposal: at the spot recorded for it, else at its
/// village's centre (properties.located says spot or village_centre); geometry is null when
/// neither is known. Properties are the fields of the JSON list. Same filters, no pages.
#[utoipa::path(get, path = routes::API_MUSRENA_GEOJSON, tag = "musrena", params(ProposalsQuery),
    responses(
        (status = 200, description = "A FeatureCollection", body = Object, content_type = "application/geo+json"),
        TenantProblems,
    ))]
pub async fn proposals_geojson(
    State(app): State<Arc<AppState>>,
    ApiQuery(query): ApiQuery<ProposalsQuery>,
) -> Result<Response, ApiError> {
    let filter = filter(&query)?;
    let tenant = app.tenant(query.tenant.as_deref()).await?;
    let found = app.store.proposals(&tenant.tenant_id, &filter).await?;
    let districts = district_names(&app, &tenant.tenant_id).await?;
    let centres: HashMap<String, Point> = app.store.village_centres(&tenant.tenant_id).await?;
    let features: Vec<Value> = found
        .iter()
        .map(|p| {
            let (geometry, located) = match (p.proposal.point, centres.get(&p.proposal.village)) {
                (Some(spot), _) => (point(spot), json!("spot")),
                (None, Some(centre)) => (point(*centre), json!("village_centre")),
                (None, None) => (Value::Null, Value::Null),
            };
            let mut properties = json!(ProposalBody::new(p, &districts));
            properties["located"] = located;
            json!({ "type": "Feature", "id": p.code, "geometry": geometry, "properties": properties })
        })
        .collect();
    Ok((
        [(header::CONTENT_TYPE, "application/geo+json")],
        Json(json!({ "type": "FeatureCollection", "features": features })),
    )
        .into_response())
}
