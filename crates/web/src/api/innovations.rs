//! `GET /api/v1/innovations`: a regency's innovations with their measured effect on
//! satisfaction, as open data.

use std::collections::BTreeMap;
use std::sync::Arc;

use axum::extract::State;
use axum::Json;
use serde::Serialize;
use suara_domain::innovation::effect::Method;
use utoipa::ToSchema;

use super::query::ApiQuery;
use super::responses::TenantProblems;
use super::{schema, TenantQuery};
use crate::error::ApiError;
use crate::routes;
use crate::state::AppState;

#[derive(Serialize, ToSchema)]
pub struct Innovations {
    tenant: String,
    /// Newest first.
    innovations: Vec<InnovationBody>,
}

#[derive(Serialize, ToSchema)]
pub struct InnovationBody {
    id: i64,
    title: String,
    /// The unit that registered it.
    unit: String,
    #[schema(schema_with = schema::innovation_stage)]
    stage: &'static str,
    problem: String,
    change: String,
    /// The SKM elements it targets, U1…U9.
    elements: Vec<&'static str>,
    digital: bool,
    form: &'static str,
    initiator: &'static str,
    units: Vec<AdoptingUnitBody>,
    partners: Vec<PartnerBody>,
    /// SDG goals or targets, such as 3 or 3.8.
    sdgs: Vec<String>,
    /// The groups it serves.
    groups: Vec<&'static str>,
    /// Tracking codes of the Musrena proposals it answers.
    musrena_proposals: Vec<String>,
    effects: Vec<EffectBody>,
}

#[derive(Serialize, ToSchema)]
pub struct AdoptingUnitBody {
    unit: String,
    #[schema(format = Date)]
    started_on: Option<String>,
    replicated: bool,
}

#[derive(Serialize, ToSchema)]
pub struct PartnerBody {
    name: String,
    #[schema(schema_with = schema::partner_kind)]
    kind: &'static str,
    role: String,
    /// Whole rupiah.
    amount: Option<u64>,
    in_kind: Option<String>,
}

/// The estimated change of one score after the innovation started.
#[derive(Serialize, ToSchema)]
pub struct EffectBody {
    /// U1…U9, or IKM.
    score: &'static str,
    #[schema(schema_with = schema::effect_method)]
    method: &'static str,
    /// NRR points (1–4 scale) or IKM points (25–100).
    estimate: Option<f64>,
    /// The 95 % interval.
    low: Option<f64>,
    high: Option<f64>,
    #[schema(schema_with = schema::verdict)]
    verdict: &'static str,
    /// Responses used per group: adopters_before, adopters_after, others_before,
    /// others_after.
    responses: BTreeMap<&'static str, u64>,
}

/// A regency's innovations with their measured effect on satisfaction.
///
/// Each innovation with its stage, targeted SKM elements, units and start dates, partners,
/// SDG targets and groups served, and per targeted element and the IKM: the estimated
/// change after the start (difference-in-differences against units that did not adopt it,
/// or before/after when none compare), its 95 % interval, the responses used and a verdict.
#[utoipa::path(get, path = routes::API_INNOVATIONS, tag = "innovation", params(TenantQuery),
    responses(
        (status = 200, description = "Innovations, newest first", body = Innovations),
        TenantProblems,
    ))]
pub async fn innovations(
    State(app): State<Arc<AppState>>,
    ApiQuery(query): ApiQuery<TenantQuery>,
) -> Result<Json<Innovations>, ApiError> {
    let tenant = app.tenant(query.tenant.as_deref()).await?;
    let innovations = app.store.innovations(&tenant.tenant_id).await?;
    let mut measured =
        suara_app::innovation::effects_of(&app.store, &app.effect_cells, &tenant, &innovations)
            .await?;
    let innovations = innovations
        .into_iter()
        .map(|i| {
            let effects = measured.remove(&i.innovation_id).unwrap_or_default();
            let v = i.innovation;
            InnovationBody {
                id: i.innovation_id,
                title: v.title,
                unit: i.unit_id,
                stage: i.stage.code(),
                problem: v.problem,
                change: v.change,
                elements: v.elements.iter().map(|e| e.code()).collect(),
                digital: v.digital,
                form: v.form.code(),
                initiator: v.initiator.code(),
                units: i
                    .units
                    .into_iter()
                    .map(|u| AdoptingUnitBody {
                        unit: u.unit_id,
                        started_on: u.started_on.map(|d| d.to_string()),
                        replicated: u.replicated,
                    })
                    .collect(),
                partners: i
                    .partners
                    .into_iter()
                    .map(|p| PartnerBody {
                        name: p.name,
                        kind: p.kind.code(),
                        role: p.role,
                        amount: p.amount,
                        in_kind: p.in_kind,
                    })
                    .collect(),
                sdgs: v.sdgs.iter().map(ToString::to_string).collect(),
                groups: v.groups.iter().map(|g| g.code()).collect(),
                musrena_proposals: i.proposals,
                effects: effects.iter().map(effect).collect(),
            }
        })
        .collect();
    Ok(Json(Innovations {
        tenant: tenant.tenant_id,
        innovations,
    }))
}

fn effect(scored: &suara_domain::innovation::measure::ScoreEffect) -> EffectBody {
    let e = &scored.effect;
    EffectBody {
        score: scored.element.map_or("IKM", |e| e.code()),
        method: match e.method {
            Method::DifferenceInDifferences => "difference_in_differences",
            Method::BeforeAfter => "before_after",
        },
        estimate: e.estimate,
        low: e.low,
        high: e.high,
        verdict: e.verdict.code(),
        responses: BTreeMap::from([
            ("adopters_before", e.used.adopters_before.n),
            ("adopters_after", e.used.adopters_after.n),
            ("others_before", e.used.others_before.n),
            ("others_after", e.used.others_after.n),
        ]),
    }
}
