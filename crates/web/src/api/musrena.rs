//! Musrena open data: the proposals as JSON, a page at a time, and as GeoJSON for mapping
//! software, with the same filters as the public list. Nothing personal is in them: forums
//! count participants by group and proposals carry no names.

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::{Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;
use serde_json::{json, Value};
use suara_domain::musrena::forum::Group;
use suara_domain::musrena::lifecycle::Stage;
use suara_domain::musrena::proposal::Sector;
use suara_domain::org::village::Point;
use suara_store::{ProposalFilter, StoredProposal};

use crate::{routes, ApiError, AppState};

/// Largest page of the JSON list.
pub const MAX_PER_PAGE: u64 = 100;

#[derive(Deserialize, Default)]
pub struct ProposalsQuery {
    tenant: Option<String>,
    district: Option<String>,
    village: Option<String>,
    sector: Option<String>,
    group: Option<String>,
    stage: Option<String>,
    sdg: Option<String>,
    year: Option<String>,
    page: Option<String>,
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

/// Every field of a proposal, as documented in the OpenAPI document and the book's "Musrena Keren".
fn proposal_json(p: &StoredProposal, districts: &HashMap<String, String>) -> Value {
    let district = p.district_id.as_deref().unwrap_or("");
    json!({
        "code": p.code,
        "title": p.proposal.title,
        "problem": p.proposal.problem,
        "activity": p.proposal.activity,
        "sector": p.proposal.sector.code(),
        "stage": p.stage.code(),
        "forum": p.forum_id,
        "forum_level": p.forum_level.code(),
        "district_id": p.district_id,
        "district": districts.get(district),
        "village_code": p.proposal.village,
        "village": p.village_name,
        "address": p.proposal.address,
        "latitude": p.proposal.point.map(|p| p.lat_degrees()),
        "longitude": p.proposal.point.map(|p| p.lon_degrees()),
        "estimated_cost": p.proposal.estimated_cost,
        "budget_amount": p.budget_amount,
        "proposed_by": p.proposal.proposed_by.iter().map(|g| g.code()).collect::<Vec<_>>(),
        "beneficiaries": p.proposal.beneficiaries.iter().map(|(g, n)| (g.code(), n)).collect::<HashMap<_, _>>(),
        "sdgs": p.proposal.sdgs.iter().map(ToString::to_string).collect::<Vec<_>>(),
        "submitted_on": p.submitted_on.to_string(),
        "tracker": routes::musrena_tracker(&p.code),
    })
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

pub async fn proposals(
    State(app): State<Arc<AppState>>,
    Query(query): Query<ProposalsQuery>,
) -> Result<Json<Value>, ApiError> {
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
    Ok(Json(json!({
        "tenant": tenant.tenant_id,
        "page": page,
        "per_page": per_page,
        "total": total,
        "pages": pages,
        "next": next,
        "proposals": found.iter().map(|p| proposal_json(p, &districts)).collect::<Vec<_>>(),
    })))
}

/// A FeatureCollection: each proposal at its spot, or at its village's centre when it has
/// none (`located` says which), or without geometry when neither is known.
pub async fn proposals_geojson(
    State(app): State<Arc<AppState>>,
    Query(query): Query<ProposalsQuery>,
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
            let mut properties = proposal_json(p, &districts);
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
