//! The regional innovation index file: one row per innovation with what the Indeks Inovasi
//! Daerah (Permendagri 104/2018) asks regions to report, the measured effect and the evidence
//! per indicator, and a sheet of evidence files; or CSV with codes and ISO dates, for other
//! systems. The web page and `suara innovation index` both make it here.

use std::collections::HashMap;

use suara_domain::innovation::measure::ScoreEffect;
use suara_domain::innovation::registry::EvidenceType;
use suara_domain::innovation::Stage;
use suara_reports::table::{self, Sheet};
use suara_store::{Store, StoreError, StoredInnovation, Tenant};

use super::effects_of;
use crate::i18n::catalogue as T;
use crate::i18n::innovation::{
    effect_sentence, form_label, indicator_label, initiator_label, name, partner_kind_label,
    sdg_line, stage_label, started, verdict_label,
};
use crate::i18n::{group_label, Lang};

/// Why the index file could not be made.
#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Report(#[from] suara_reports::ReportError),
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
            effect_sentence(lang, s, started(i))
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

/// Where an evidence file of an innovation is published (the web route table serves this
/// path; a web test holds the two together).
pub fn evidence_path(innovation: i64, evidence: i64) -> String {
    format!("/inovasi/{innovation}/bukti/{evidence}")
}

/// The index file of a regency's innovations: CSV when `csv`, else a workbook.
pub async fn index_file(
    store: &Store,
    cache: &super::EffectCells,
    tenant: &Tenant,
    lang: Lang,
    csv: bool,
) -> Result<Vec<u8>, IndexError> {
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
    let bytes = match csv {
        true => {
            let rows: Vec<Vec<String>> = innovations
                .iter()
                .map(|i| machine_row(i, effects_of(i)))
                .collect();
            table::csv(&CSV_COLUMNS, &rows)
        }
        false => {
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
                        evidence_path(i.innovation_id, e.evidence_no),
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
    }?;
    Ok(bytes)
}
