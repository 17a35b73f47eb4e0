//! Downloads of the dashboard: a unit's SKM report as a PDF, and spreadsheets of the
//! results (the summary of every unit the user sees, or one unit's anonymous responses).

use std::collections::HashMap;

use axum::extract::Path;
use axum::response::{IntoResponse, Response};
use suara_domain::access::Permission;
use suara_domain::org::tree::UnitTree;
use suara_domain::org::Unit;
use suara_domain::period::Period;
use suara_domain::skm::Tally;
use suara_reports::results::{Coded, SummaryWording, Wording};
use suara_store::ScopeKind;

use crate::api::query::ApiQuery;
use crate::api::responses::{ReportDownload, SheetDownload};
use crate::pages::context::StaffCx;
use crate::pages::failure::{Missing, PageError};
use crate::pages::staff::{exact, units_tree, PeriodQuery};
use crate::routes;
use suara_app::i18n::catalogue as T;
use suara_app::i18n::{element_name, Lang};

/// `?period=…&format=…` of the SKM report.
#[derive(serde::Deserialize, Default)]
pub struct ReportQuery {
    pub period: Option<String>,
    pub format: Option<String>,
}

/// The unit's SKM report for the period, with letterhead and signature block: a PDF to
/// print, or with `format=docx` a Word document for the unit to finish.
#[utoipa::path(get, path = routes::UNIT_REPORT, tag = "results",
    params(("unit" = String, Path, description = "Unit code"), ("period" = Option<String>, Query, description = "YYYY-MM, YYYY-Qn, YYYY-Sn or YYYY; this year by default"), ("format" = Option<String>, Query, description = "pdf (the default) or docx")),
    security(("session" = [])),
    responses(ReportDownload))]
pub async fn report(
    cx: StaffCx,
    Path(unit_id): Path<String>,
    ApiQuery(query): ApiQuery<ReportQuery>,
) -> Result<Response, PageError> {
    let period = PeriodQuery {
        period: query.period,
    }
    .period(&cx.tenant)?;
    let docx = match query.format.as_deref().unwrap_or("pdf") {
        "pdf" => false,
        "docx" => true,
        _ => return Err(PageError::BadRequest),
    };
    let (_, tree) = units_tree(&cx).await?;
    if !cx.staff.principal.sees_unit(&unit_id, &tree) {
        return Err(PageError::Forbidden);
    }
    let Some(report) =
        suara_app::report::skm_report(&cx.app.store, &cx.tenant, &unit_id, period).await?
    else {
        return Err(PageError::NotFound(Missing::Unit(unit_id)));
    };
    let stem = format!("laporan-skm-{unit_id}-{period}");
    let (content_type, disposition, bytes) = if docx {
        (
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            format!("attachment; filename=\"{stem}.docx\""),
            suara_reports::skm::skm_docx(&report).map_err(crate::pages::unwritable)?,
        )
    } else {
        (
            "application/pdf",
            format!("inline; filename=\"{stem}.pdf\""),
            suara_reports::skm::skm_pdf(&report),
        )
    };
    Ok((
        [
            (axum::http::header::CONTENT_TYPE, content_type.to_string()),
            (axum::http::header::CONTENT_DISPOSITION, disposition),
        ],
        bytes,
    )
        .into_response())
}

#[derive(serde::Deserialize, Default)]
pub struct ExportQuery {
    pub period: Option<String>,
    pub format: Option<String>,
    /// `ringkasan` (the regency summary, the default) or `tanggapan` (a unit's responses).
    pub jenis: Option<String>,
    pub unit: Option<String>,
}

/// Spreadsheets of the results: the summary of every unit the user sees, or one unit's
/// anonymous responses.
/// The summary sheet's words in the user's language.
fn summary_wording(lang: Lang) -> SummaryWording<'static> {
    SummaryWording {
        sheet_name: lang.t(T::SUMMARY),
        unit_code: lang.t(T::UNIT_CODE),
        unit: "Unit",
        responses: lang.t(T::RESPONSES),
        elements: suara_domain::skm::Element::ALL
            .map(|e| format!("NRR {} {}", e.code(), element_name(lang, e))),
        ikm: "IKM",
        grade: lang.t(T::GRADE),
    }
}

/// The SKM results as a spreadsheet (staff): every unit's NRR, IKM and grade for a period,
/// or one unit's responses.
#[utoipa::path(get, path = routes::RESULTS_EXPORT, tag = "results",
    params(("period" = Option<String>, Query, description = "YYYY-MM, YYYY-Qn, YYYY-Sn or YYYY; the current month by default"), ("jenis" = Option<String>, Query, description = "ringkasan (every unit's results, the default) or tanggapan (one unit's responses)"), ("unit" = Option<String>, Query, description = "The unit, for tanggapan"), ("format" = Option<String>, Query, description = "xlsx (the default) or csv")),
    security(("session" = [])),
    responses(SheetDownload))]
pub async fn export(
    cx: StaffCx,
    ApiQuery(query): ApiQuery<ExportQuery>,
) -> Result<Response, PageError> {
    let (app, staff, tenant) = (&cx.app, &cx.staff, &cx.tenant);
    let tenant_id = tenant.tenant_id.as_str();
    let period = PeriodQuery {
        period: query.period.clone(),
    }
    .period(tenant)?;
    let (first, last) = period.months();
    let format = crate::pages::SheetFormat::from_query(query.format.as_deref())?;
    let (units, tree) = units_tree(&cx).await?;
    match query.jenis.as_deref().unwrap_or("ringkasan") {
        "tanggapan" => {
            let unit = seen_unit(&cx, query.unit.as_deref(), &units, &tree)?;
            let mut rows = app
                .store
                .export_responses(tenant_id, &unit.unit_id, first, last)
                .await?;
            // Planners get the responses, never whom they named.
            if !staff.principal.may(Permission::ViewOfficer) {
                for row in &mut rows {
                    row.officer_nip = None;
                }
            }
            let lang = cx.lang;
            let title = format!(
                "{} {} — {} ({})",
                lang.t(T::SKM_RESPONSES),
                unit.name,
                lang.period(period),
                lang.t(T::ANONYMOUS)
            );
            let services = app.store.services_of_unit(tenant_id, &unit.unit_id).await?;
            let label = |kind: Coded, code: &str| -> String {
                match kind {
                    Coded::Unit => units
                        .iter()
                        .find(|u| u.unit_id == code)
                        .map(|u| u.name.clone()),
                    Coded::Service => services
                        .iter()
                        .find(|s| s.service_id == code)
                        .map(|s| s.name.clone()),
                    _ => suara_app::i18n::code_label(lang, kind, code).map(str::to_string),
                }
                .unwrap_or_else(|| code.to_string())
            };
            let wording = Wording {
                sheet_name: lang.t(T::RESPONSES),
                headers: suara_app::i18n::response_headers(lang),
                label: &label,
                offset: tenant.offset(),
                formats: (
                    lang.t(T::SHEET_MOMENT_FORMAT),
                    lang.t(T::SHEET_MONTH_FORMAT),
                ),
            };
            let bytes = match format {
                crate::pages::SheetFormat::Xlsx => {
                    suara_reports::results::responses_xlsx(&rows, &title, &wording)
                }
                crate::pages::SheetFormat::Csv => suara_reports::results::responses_csv(&rows),
            };
            Ok(crate::pages::sheet_download(
                cx.lang,
                format,
                &format!("skm-tanggapan-{}-{period}", unit.unit_id),
                bytes,
            )?)
        }
        "tambahan" => {
            let unit = seen_unit(&cx, query.unit.as_deref(), &units, &tree)?;
            extra_export(&cx, unit, period, format).await
        }
        "ringkasan" => summary_export(&cx, &units, &tree, period, format).await,
        _ => Err(PageError::BadRequest),
    }
}

/// The unit a unit's download names, when the user sees it.
fn seen_unit<'u>(
    cx: &StaffCx,
    unit_id: Option<&str>,
    units: &'u [Unit],
    tree: &UnitTree,
) -> Result<&'u Unit, PageError> {
    let unit = unit_id
        .and_then(|u| units.iter().find(|x| x.unit_id == u))
        .ok_or(PageError::BadRequest)?;
    match cx.staff.principal.sees_unit(&unit.unit_id, tree) {
        true => Ok(unit),
        false => Err(PageError::Forbidden),
    }
}

/// Answers to the unit's extra questions in the period, counted per question and answer.
async fn extra_export(
    cx: &StaffCx,
    unit: &Unit,
    period: Period,
    format: crate::pages::SheetFormat,
) -> Result<Response, PageError> {
    use suara_reports::extra::{extra_csv, extra_xlsx, ExtraRow, ExtraWording};
    let (store, lang, tenant_id) = (&cx.app.store, cx.lang, cx.tenant_id());
    let (first, last) = period.months();
    let counts = store
        .extra_answer_counts(tenant_id, &unit.unit_id, first, last)
        .await?;
    let services = store.services_of_unit(tenant_id, &unit.unit_id).await?;
    let rows: Vec<ExtraRow> = counts
        .iter()
        .map(|c| ExtraRow {
            service_id: &c.service_id,
            service: services
                .iter()
                .find(|s| s.service_id == c.service_id)
                .map_or(c.service_id.as_str(), |s| s.name.as_str()),
            question_id: c.question_id,
            question: &c.question,
            asked_now: !c.retired,
            answer: &c.answer,
            answers: c.answers,
        })
        .collect();
    let bytes = match format {
        crate::pages::SheetFormat::Xlsx => {
            let title = format!(
                "{} {} — {}",
                lang.t(T::SURVEY_EXTRA_ANSWERS),
                unit.name,
                lang.period(period)
            );
            let wording = ExtraWording {
                sheet_name: lang.t(T::SURVEY_EXTRA_HEADING),
                headers: [
                    lang.t(T::SURVEY_ADAPT_SERVICE),
                    lang.t(T::SURVEY_ADAPT_QUESTION),
                    lang.t(T::SURVEY_EXTRA_ASKED_NOW),
                    lang.t(T::SURVEY_EXTRA_ANSWER),
                    lang.t(T::RESPONSES),
                ],
                yes: lang.t(T::YES),
                no: lang.t(T::NO),
            };
            extra_xlsx(&rows, &title, &wording)
        }
        crate::pages::SheetFormat::Csv => extra_csv(&rows),
    };
    Ok(crate::pages::sheet_download(
        lang,
        format,
        &format!("skm-tambahan-{}-{period}", unit.unit_id),
        bytes,
    )?)
}

/// Every unit the user sees with its results for the period, as a spreadsheet.
async fn summary_export(
    cx: &StaffCx,
    units: &[Unit],
    tree: &UnitTree,
    period: Period,
    format: crate::pages::SheetFormat,
) -> Result<Response, PageError> {
    let (app, staff, tenant) = (&cx.app, &cx.staff, &cx.tenant);
    let tenant_id = tenant.tenant_id.as_str();
    let (first, last) = period.months();
    let tallies: HashMap<String, Tally> = app
        .store
        .tallies_of_kind(tenant_id, ScopeKind::Unit, first, last)
        .await?
        .into_iter()
        .collect();
    let results: Vec<suara_reports::results::UnitResult> = units
        .iter()
        .filter(|u| staff.principal.sees_unit(&u.unit_id, tree))
        .map(|u| suara_reports::results::UnitResult {
            unit_id: &u.unit_id,
            name: &u.name,
            score: tallies.get(&u.unit_id).and_then(exact),
        })
        .collect();
    let title = format!(
        "{} {} — {}",
        cx.lang.t(T::SKM_SUMMARY),
        tenant.name,
        cx.lang.period(period)
    );
    let bytes = match format {
        crate::pages::SheetFormat::Xlsx => {
            suara_reports::results::summary_xlsx(&results, &title, &summary_wording(cx.lang))
        }
        crate::pages::SheetFormat::Csv => suara_reports::results::summary_csv(&results),
    };
    Ok(crate::pages::sheet_download(
        cx.lang,
        format,
        &format!("skm-ringkasan-{tenant_id}-{period}"),
        bytes,
    )?)
}
