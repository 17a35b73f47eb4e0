//! JSON API handlers (read side) and the route paths they answer.

pub mod log;
pub mod musrena;

use std::sync::Arc;

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::{Deserialize, Serialize};
use serde_json::json;
use suara_domain::period::Period;
use suara_domain::skm::{Grade, Summary, Weighting, ELEMENT_COUNT};
use suara_store::Scope;
use time::OffsetDateTime;

use crate::{openapi, ApiError, AppState};

/// 200 when the database answers, 503 otherwise.
pub async fn health(State(app): State<Arc<AppState>>) -> Response {
    let backend = app.store.backend().name();
    match app.store.ping().await {
        Ok(()) => Json(json!({ "status": "ok", "database": backend })).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "health check failed");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                Json(json!({ "status": "unavailable", "database": backend })),
            )
                .into_response()
        }
    }
}

/// For the load balancer: 200 while this server takes requests (its database answers within
/// a second), 503 once it is shutting down or cannot reach its database, so the balancer
/// sends the next request elsewhere.
pub async fn ready(State(app): State<Arc<AppState>>) -> Response {
    let draining = app.draining.load(std::sync::atomic::Ordering::Relaxed);
    let database = tokio::time::timeout(std::time::Duration::from_secs(1), app.store.ping()).await;
    match (draining, database) {
        (false, Ok(Ok(()))) => (StatusCode::OK, "ready\n").into_response(),
        (true, _) => (StatusCode::SERVICE_UNAVAILABLE, "shutting down\n").into_response(),
        (false, _) => (StatusCode::SERVICE_UNAVAILABLE, "database unavailable\n").into_response(),
    }
}

pub async fn openapi() -> Json<serde_json::Value> {
    Json(openapi::document())
}

#[derive(Deserialize)]
pub struct TenantQuery {
    tenant: Option<String>,
}

#[derive(Serialize)]
struct UnitBody {
    unit: String,
    parent: Option<String>,
    name: String,
    kind: String,
}

pub async fn units(
    State(app): State<Arc<AppState>>,
    Query(query): Query<TenantQuery>,
) -> Result<Json<serde_json::Value>, ApiError> {
    let tenant = app.tenant(query.tenant.as_deref()).await?;
    let units: Vec<UnitBody> = app
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
    Ok(Json(json!({ "tenant": tenant.tenant_id, "units": units })))
}

#[derive(Deserialize)]
pub struct IkmQuery {
    tenant: Option<String>,
    /// `YYYY-MM`, `YYYY-Q1…Q4`, `YYYY-S1…S2` or `YYYY`; the current month by default.
    period: Option<String>,
    /// `legacy` reproduces reports that weighted each element 0.111.
    weighting: Option<String>,
}

/// The SKM result of one unit over a period. With no responses, `ikm` and `grade` are null;
/// below the survey's sample (`responses_needed`) the figure is `provisional` and `grade` is
/// null. `margin` is half the 95 % interval in IKM points (null below two responses);
/// `onsite_percent` the share from kiosks and tickets.
#[derive(Serialize)]
pub struct UnitIkmBody {
    tenant: String,
    unit: String,
    name: String,
    period: String,
    from: String,
    to: String,
    responses: u64,
    nrr: [Option<f64>; ELEMENT_COUNT],
    ikm: Option<f64>,
    grade: Option<Grade>,
    margin: Option<f64>,
    onsite_percent: Option<u64>,
    provisional: bool,
    responses_needed: u64,
}

pub async fn unit_ikm(
    State(app): State<Arc<AppState>>,
    Path(unit_id): Path<String>,
    Query(query): Query<IkmQuery>,
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

/// A regency's innovations with their effects (`GET /api/v1/innovations`).
pub async fn innovations(
    State(app): State<Arc<AppState>>,
    Query(query): Query<TenantQuery>,
) -> Result<Json<serde_json::Value>, ApiError> {
    use suara_domain::innovation::effect::Method;
    let tenant = app.tenant(query.tenant.as_deref()).await?;
    let innovations = app.store.innovations(&tenant.tenant_id).await?;
    let mut measured =
        crate::pages::innovation::effects_of(&app.store, &app.effect_cells, &tenant, &innovations)
            .await?;
    let mut out = Vec::new();
    for i in &innovations {
        let effects = measured.remove(&i.innovation_id).unwrap_or_default();
        let effects: Vec<serde_json::Value> = effects
            .iter()
            .map(|s| {
                let e = &s.effect;
                json!({
                    "score": s.element.map_or("IKM", |e| e.code()),
                    "method": match e.method {
                        Method::DifferenceInDifferences => "difference_in_differences",
                        Method::BeforeAfter => "before_after",
                    },
                    "estimate": e.estimate,
                    "low": e.low,
                    "high": e.high,
                    "verdict": e.verdict.code(),
                    "responses": {
                        "adopters_before": e.used.adopters_before.n,
                        "adopters_after": e.used.adopters_after.n,
                        "others_before": e.used.others_before.n,
                        "others_after": e.used.others_after.n,
                    }
                })
            })
            .collect();
        let v = &i.innovation;
        out.push(json!({
            "id": i.innovation_id,
            "title": v.title,
            "unit": i.unit_id,
            "stage": i.stage.code(),
            "problem": v.problem,
            "change": v.change,
            "elements": v.elements.iter().map(|e| e.code()).collect::<Vec<_>>(),
            "digital": v.digital,
            "form": v.form.code(),
            "initiator": v.initiator.code(),
            "units": i.units.iter().map(|u| json!({
                "unit": u.unit_id,
                "started_on": u.started_on.map(|d| d.to_string()),
                "replicated": u.replicated,
            })).collect::<Vec<_>>(),
            "partners": i.partners.iter().map(|p| json!({
                "name": p.name,
                "kind": p.kind.code(),
                "role": p.role,
                "amount": p.amount,
                "in_kind": p.in_kind,
            })).collect::<Vec<_>>(),
            "sdgs": v.sdgs.iter().map(ToString::to_string).collect::<Vec<_>>(),
            "groups": v.groups.iter().map(|g| g.code()).collect::<Vec<_>>(),
            "musrena_proposals": i.proposals,
            "effects": effects,
        }));
    }
    Ok(Json(
        json!({ "tenant": tenant.tenant_id, "innovations": out }),
    ))
}
