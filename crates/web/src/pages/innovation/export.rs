//! The regional innovation index export: one row per innovation with what the Indeks
//! Inovasi Daerah (Permendagri 104/2018) asks regions to report (name, stage, initiator,
//! digital or not, form, government affair, trial and implementation dates, design, goal,
//! benefit, result), the measured effect, and the evidence per indicator; a second sheet
//! lists every evidence file. Also CSV with codes and ISO dates, for other systems. suara
//! makes the file; sending it to the national system is the region's own step.

use std::collections::HashMap;

use axum::extract::Query;
use axum::response::Response;
use serde::Deserialize;
use suara_domain::innovation::measure::ScoreEffect;
use suara_domain::innovation::registry::EvidenceType;
use suara_domain::innovation::Stage;
use suara_reports::table::{self, Sheet};
use suara_store::{Store, StoredInnovation, Tenant};

use super::{
    effects_of, form_label, indicator_label, initiator_label, name, partner_kind_label, sdg_line,
    stage_label, verdict_label,
};
use crate::pages::context::StaffCx;
use crate::pages::failure::PageError;
use crate::pages::musrena::group_label;
use crate::pages::{download, SheetFormat};
use crate::routes;
use suara_app::i18n::catalogue as T;
use suara_app::i18n::Lang;

#[derive(Deserialize, Default)]
pub struct ExportQuery {
    pub format: Option<String>,
}

const CSV_COLUMNS: [&str; 24] = [
    "innovation_id",
    "title",
    "unit_id",
    "stage",
    "initiator",
    "digital",
    "form",
    "affair",
    "trial_on",
    "implemented_on",
    "design",
    "goal",
    "benefit",
    "result",
    "units_started",
    "partners",
    "sdgs",
    "groups",
    "ikm_effect",
    "ikm_low",
    "ikm_high",
    "ikm_verdict",
    "evidence",
    "problem",
];

fn ikm(effects: &[ScoreEffect]) -> Option<&ScoreEffect> {
    effects.iter().find(|s| s.element.is_none())
}

fn joined<T>(items: &[T], f: impl Fn(&T) -> String) -> String {
    items.iter().map(f).collect::<Vec<_>>().join("; ")
}

fn date_text(lang: Option<Lang>, i: &StoredInnovation, stage: Stage) -> String {
    match (i.reached(stage), lang) {
        (Some(d), Some(lang)) => lang.date(d),
        (Some(d), None) => d.to_string(),
        (None, _) => String::new(),
    }
}

fn human_row(
    lang: Lang,
    n: usize,
    i: &StoredInnovation,
    effects: &[ScoreEffect],
    names: &HashMap<String, String>,
) -> Vec<String> {
    let v = &i.innovation;
    let effect = ikm(effects).map_or(String::new(), |s| {
        format!(
            "{} — {}",
            verdict_label(lang, s.effect.verdict),
            super::effect_sentence(lang, s, super::started(i))
        )
    });
    vec![
        (n + 1).to_string(),
        v.title.clone(),
        stage_label(lang, i.stage).to_string(),
        initiator_label(lang, v.initiator).to_string(),
        lang.t(if v.digital {
            T::DIGITAL
        } else {
            T::NOT_DIGITAL
        })
        .to_string(),
        form_label(lang, v.form).to_string(),
        v.affair.clone(),
        name(names, &i.unit_id).to_string(),
        date_text(Some(lang), i, Stage::Trial),
        date_text(Some(lang), i, Stage::Implemented),
        v.design.clone(),
        v.goal.clone(),
        v.benefit.clone(),
        v.result.clone(),
        joined(
            &i.units.iter().filter(|u| u.replicated).collect::<Vec<_>>(),
            |u| name(names, &u.unit_id).to_string(),
        ),
        joined(&i.partners, |p| {
            format!("{} ({})", p.name, partner_kind_label(lang, p.kind))
        }),
        sdg_line(i),
        joined(&v.groups, |g| group_label(lang, *g).to_string()),
        effect,
        joined(&i.evidence, |e| {
            format!("{}: {}", indicator_label(lang, e.indicator), e.title)
        }),
    ]
}

fn machine_row(i: &StoredInnovation, effects: &[ScoreEffect]) -> Vec<String> {
    let v = &i.innovation;
    let figure = |f: Option<f64>| f.map_or(String::new(), |x| format!("{x:.4}"));
    let e = ikm(effects).map(|s| s.effect);
    vec![
        i.innovation_id.to_string(),
        v.title.clone(),
        i.unit_id.clone(),
        i.stage.code().into(),
        v.initiator.code().into(),
        v.digital.to_string(),
        v.form.code().into(),
        v.affair.clone(),
        date_text(None, i, Stage::Trial),
        date_text(None, i, Stage::Implemented),
        v.design.clone(),
        v.goal.clone(),
        v.benefit.clone(),
        v.result.clone(),
        joined(&i.units, |u| {
            format!(
                "{}:{}",
                u.unit_id,
                u.started_on.map_or(String::new(), |d| d.to_string())
            )
        }),
        joined(&i.partners, |p| {
            format!("{}:{}:{}", p.name, p.kind.code(), p.amount.unwrap_or(0))
        }),
        joined(&v.sdgs, ToString::to_string),
        joined(&v.groups, |g| g.code().to_string()),
        figure(e.and_then(|e| e.estimate)),
        figure(e.and_then(|e| e.low)),
        figure(e.and_then(|e| e.high)),
        e.map_or(String::new(), |e| e.verdict.code().to_string()),
        joined(&i.evidence, |e| {
            format!("{}:{}", e.indicator.code(), e.title)
        }),
        v.problem.clone(),
    ]
}

/// The index file of a regency's innovations, with a file name.
pub async fn index_file(
    store: &Store,
    cache: &super::EffectCells,
    tenant: &Tenant,
    lang: Lang,
    format: SheetFormat,
) -> Result<Vec<u8>, PageError> {
    let innovations = store.innovations(&tenant.tenant_id).await?;
    let effects = effects_of(store, cache, tenant, &innovations).await?;
    let names: HashMap<String, String> = store
        .units(&tenant.tenant_id)
        .await?
        .into_iter()
        .map(|u| (u.unit_id, u.name))
        .collect();
    let none = Vec::new();
    let effects_of =
        |i: &StoredInnovation| effects.get(&i.innovation_id).unwrap_or(&none).as_slice();
    let bytes = match format {
        SheetFormat::Csv => {
            let rows: Vec<Vec<String>> = innovations
                .iter()
                .map(|i| machine_row(i, effects_of(i)))
                .collect();
            table::csv(&CSV_COLUMNS, &rows)
        }
        SheetFormat::Xlsx => {
            let rows = innovations
                .iter()
                .enumerate()
                .map(|(n, i)| human_row(lang, n, i, effects_of(i), &names))
                .collect();
            let evidence = innovations
                .iter()
                .flat_map(|i| i.evidence.iter().map(move |e| (i, e)))
                .map(|(i, e)| {
                    vec![
                        i.innovation.title.clone(),
                        indicator_label(lang, e.indicator).to_string(),
                        e.title.clone(),
                        match e.file_type {
                            EvidenceType::Pdf => "PDF",
                            EvidenceType::Jpeg => "JPEG",
                            EvidenceType::Png => "PNG",
                        }
                        .to_string(),
                        routes::innovation_evidence(
                            &i.innovation_id.to_string(),
                            &e.evidence_no.to_string(),
                        ),
                    ]
                })
                .collect();
            let t = |text| lang.t(text);
            table::workbook(&[
                Sheet {
                    name: t(T::INNOVATIONS),
                    title: lang.fill(T::INDEX_TITLE, &[&tenant.name]),
                    headers: [
                        T::NUMBER,
                        T::INNOVATION_NAME,
                        T::INNOVATION_STAGE,
                        T::INITIATOR,
                        T::KIND_DIGITAL,
                        T::INNOVATION_FORM,
                        T::GOVERNMENT_AFFAIR,
                        T::UNIT_2,
                        T::TRIAL_DATE,
                        T::IMPLEMENTATION_DATE,
                        T::DESIGN,
                        T::GOAL,
                        T::BENEFIT,
                        T::RESULT,
                        T::REPLICATED_IN,
                        T::PARTNERS,
                        T::SDG_TARGETS,
                        T::GROUP_SERVED,
                        T::EFFECT_ON_IKM,
                        T::EVIDENCE_PER_INDICATOR,
                    ]
                    .map(t)
                    .to_vec(),
                    rows,
                },
                Sheet {
                    name: t(T::EVIDENCE_FILES),
                    title: t(T::EVIDENCE_FILES).to_string(),
                    headers: [
                        T::INNOVATION_NAME,
                        T::INDICATOR,
                        T::DOCUMENT_TITLE,
                        T::FILE_TYPE,
                        T::ADDRESS,
                    ]
                    .map(t)
                    .to_vec(),
                    rows: evidence,
                },
            ])
        }
    }
    .map_err(|e| PageError::Store(suara_store::StoreError::Corrupt(e.to_string())))?;
    Ok(bytes)
}

pub async fn export(cx: StaffCx, Query(query): Query<ExportQuery>) -> Result<Response, PageError> {
    let format = SheetFormat::from_query(query.format.as_deref())?;
    let bytes = index_file(
        &cx.app.store,
        &cx.app.effect_cells,
        &cx.tenant,
        cx.lang,
        format,
    )
    .await?;
    let stem = format!("indeks-inovasi-{}", cx.tenant_id());
    Ok(download(format, &stem, Ok(bytes))?)
}
