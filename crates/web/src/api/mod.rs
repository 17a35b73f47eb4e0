//! JSON API handlers (read side). Each handler's `#[utoipa::path]` and its bodies' types
//! make the OpenAPI document, which `crate::openapi` assembles and serves.

pub mod innovations;
pub mod log;
pub mod musrena;
pub mod query;
pub mod receipts;
pub mod responses;
pub mod schema;
pub mod tiles;

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::{Deserialize, Serialize};
use suara_domain::period::Period;
use suara_domain::skm::{Grade, Summary, Weighting, ELEMENT_COUNT};
use suara_store::Scope;
use time::OffsetDateTime;
use utoipa::{IntoParams, ToSchema};

use self::query::ApiQuery;
use self::responses::TenantProblems;
use crate::error::ApiError;
use crate::error::ProblemDetails;
use crate::routes;
use crate::state::AppState;

/// Whether the server and its database answer.
#[derive(Serialize, ToSchema)]
pub struct Health {
    #[schema(schema_with = health_status)]
    status: &'static str,
    /// `sqlite` or `postgres`.
    database: &'static str,
}

fn health_status() -> utoipa::openapi::schema::ObjectBuilder {
    schema::codes(["ok", "unavailable"])
}

/// Liveness and database check: 200 when the database answers, 503 otherwise.
#[utoipa::path(get, path = routes::HEALTH, tag = "operations", responses(
    (status = 200, description = "Up; the database answers", body = Health),
    (status = 503, description = "The database does not answer", body = Health),
))]
pub async fn health(State(app): State<Arc<AppState>>) -> Response {
    let database = app.store.backend().name();
    match app.store.ping().await {
        Ok(()) => Json(Health {
            status: "ok",
            database,
        })
        .into_response(),
        Err(e) => {
            tracing::error!(error = %e, "health check failed");
            let body = Health {
                status: "unavailable",
                database,
            };
            (StatusCode::SERVICE_UNAVAILABLE, Json(body)).into_response()
        }
    }
}

/// For the load balancer: 200 while this server takes requests (its database answers within
/// a second), 503 once it is shutting down or cannot reach its database, so the balancer
/// sends the next request elsewhere.
#[utoipa::path(get, path = routes::READY, tag = "operations", responses(
    (status = 200, description = "Takes requests", body = String, content_type = "text/plain"),
    (status = 503, description = "Shutting down, or the database does not answer", body = String, content_type = "text/plain"),
))]
pub async fn ready(State(app): State<Arc<AppState>>) -> Response {
    let draining = app.draining.load(std::sync::atomic::Ordering::Relaxed);
    let database = tokio::time::timeout(std::time::Duration::from_secs(1), app.store.ping()).await;
    match (draining, database) {
        (false, Ok(Ok(()))) => (StatusCode::OK, "ready\n").into_response(),
        (true, _) => (StatusCode::SERVICE_UNAVAILABLE, "shutting down\n").into_response(),
        (false, _) => (StatusCode::SERVICE_UNAVAILABLE, "database unavailable\n").into_response(),
    }
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TenantQuery {
    /// Regency code; the server's regency (or the host name's) by default.
    tenant: Option<String>,
}

/// The regency's service units, parents first.
#[derive(Serialize, ToSchema)]
pub struct Units {
    tenant: String,
    units: Vec<UnitBody>,
}

#[derive(Serialize, ToSchema)]
pub struct UnitBody {
    /// Unit code, e.g. dukcapil.
    unit: String,
    parent: Option<String>,
    name: String,
    /// What kind of unit: dinas, badan, kecamatan, puskesmas, …
    kind: String,
}

/// Service units of a regency.
#[utoipa::path(get, path = routes::API_UNITS, tag = "survey", params(TenantQuery), responses(
    (status = 200, description = "Units, parents first", body = Units),
    TenantProblems,
))]
pub async fn units(
    State(app): State<Arc<AppState>>,
    ApiQuery(query): ApiQuery<TenantQuery>,
) -> Result<Json<Units>, ApiError> {
    let tenant = app.tenant(query.tenant.as_deref()).await?;
    let units = app
        .store
        .units(&tenant.tenant_id)
        .await?
        .into_iter()
        .map(|u| UnitBody {
            unit: u.unit_id,
            parent: u.parent_id,
            name: u.name,
            kind: u.kind,
        })
        .collect();
    Ok(Json(Units {
        tenant: tenant.tenant_id,
        units,
    }))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct IkmQuery {
    /// Regency code; the server's regency (or the host name's) by default.
    tenant: Option<String>,
    /// `YYYY-MM`, `YYYY-Q1…Q4`, `YYYY-S1…S2` or `YYYY`; the current month by default.
    #[param(example = "2026-11")]
    period: Option<String>,
    /// `exact` (1/9, the default) or `legacy`, which reproduces reports that weighted each
    /// element 0.111.
    #[param(schema_with = weighting)]
    weighting: Option<String>,
}

fn weighting() -> utoipa::openapi::schema::ObjectBuilder {
    schema::codes(["exact", "legacy"])
}

/// The SKM result of one unit over a period. With no responses, `ikm` and `grade` are null;
/// below the survey's sample (`responses_needed`) the figure is `provisional` and `grade` is
/// null. `margin` is half the 95 % interval in IKM points (null below two responses);
/// `onsite_percent` the share from kiosks and tickets.
#[derive(Serialize, ToSchema)]
pub struct UnitIkmBody {
    tenant: String,
    unit: String,
    name: String,
    #[schema(example = "2026-Q4")]
    period: String,
    /// The period's first month.
    #[schema(example = "2026-10")]
    from: String,
    /// The period's last month.
    #[schema(example = "2026-12")]
    to: String,
    responses: u64,
    /// NRR of U1…U9 on 1–4, null for an element nobody answered.
    #[schema(min_items = 9, max_items = 9)]
    nrr: [Option<f64>; ELEMENT_COUNT],
    /// 25–100, rounded to 2 decimals.
    ikm: Option<f64>,
    /// Null while the figure is provisional.
    #[schema(schema_with = schema::grade)]
    grade: Option<Grade>,
    /// Half the 95 % interval in IKM points, rounded up; null below two responses.
    margin: Option<f64>,
    /// The share from kiosks and tickets, whole percent rounded down.
    onsite_percent: Option<u64>,
    /// Fewer responses than the survey's sample (Krejcie–Morgan for the unit's users, at
    /// least 30).
    provisional: bool,
    responses_needed: u64,
}

/// IKM of one unit over a period.
#[utoipa::path(get, path = routes::API_UNIT_IKM, tag = "survey",
    params(("unit" = String, Path, description = "Unit code"), IkmQuery),
    responses(
        (status = 200, description = "The result; ikm and grade are null without responses, grade also below the survey's sample (provisional)", body = UnitIkmBody),
        (status = 404, description = "No such unit", body = ProblemDetails, content_type = "application/problem+json"),
        TenantProblems,
    ))]
pub async fn unit_ikm(
    State(app): State<Arc<AppState>>,
    Path(unit_id): Path<String>,
    ApiQuery(query): ApiQuery<IkmQuery>,
) -> Result<Json<UnitIkmBody>, ApiError> {
    let tenant = app.tenant(query.tenant.as_deref()).await?;
    let period = match query.period.as_deref() {
        Some(text) => text
            .parse::<Period>()
            .map_err(|e| ApiError::BadQuery(e.to_string()))?,
        None => Period::Month(tenant.month_of(OffsetDateTime::now_utc())),
    };
    let weighting = match query.weighting.as_deref() {
        None | Some("exact") => Weighting::Exact,
        Some("legacy") => Weighting::Legacy0111,
        Some(other) => {
            return Err(ApiError::BadQuery(format!(
                "weighting '{other}': use exact or legacy"
            )))
        }
    };
    let unit = app
        .store
        .unit(&tenant.tenant_id, &unit_id)
        .await?
        .ok_or_else(|| ApiError::NotFound(format!("unit '{unit_id}' does not exist")))?;
    let (from, to) = period.months();
    let tally = app
        .store
        .tally(&tenant.tenant_id, Scope::Unit(&unit.unit_id), from, to)
        .await?;
    let summary = tally.score(weighting).as_ref().map(Summary::from);
    let current = tenant.month_of(OffsetDateTime::now_utc());
    let precision = app
        .store
        .unit_evidence(&tenant.tenant_id, (from, to), current)
        .await?
        .remove(&unit.unit_id)
        .ok_or_else(|| ApiError::NotFound(format!("unit '{unit_id}' does not exist")))?
        .precision();
    let provisional = precision.provisional();
    Ok(Json(UnitIkmBody {
        tenant: tenant.tenant_id,
        unit: unit.unit_id,
        name: unit.name,
        period: period.to_string(),
        from: from.to_string(),
        to: to.to_string(),
        responses: tally.responses(),
        nrr: summary.as_ref().map_or([None; ELEMENT_COUNT], |s| s.nrr),
        ikm: summary.as_ref().map(|s| s.ikm),
        grade: summary.map(|s| s.grade).filter(|_| !provisional),
        margin: precision.margin.map(|m| m.to_f64()),
        onsite_percent: precision.onsite_percent,
        provisional,
        responses_needed: precision.needed,
    }))
}
