//! A payroll run as a spreadsheet for finance: the payroll workbook (xlsx) or its CSV.

use axum::extract::Path;
use axum::response::Response;
use serde::Deserialize;

use super::parse_month;
use crate::api::query::ApiQuery;
use crate::api::responses::SheetDownload;
use crate::pages::context::StaffCx;
use crate::pages::failure::{Missing, PageError};
use crate::pages::{sheet_download, SheetFormat};
use crate::routes;

#[derive(Deserialize, Default)]
pub struct ExportQuery {
    pub format: Option<String>,
    pub versi: Option<i64>,
}

/// A payroll run's payable list as a spreadsheet (finance staff): each officer's TPP with
/// the rating and the rule that set it.
#[utoipa::path(get, path = routes::TPP_EXPORT, tag = "tpp",
    params(("month" = String, Path, description = "YYYY-MM"), ("versi" = Option<i64>, Query, description = "The run's version; the latest by default"), ("format" = Option<String>, Query, description = "xlsx (the default) or csv")),
    security(("session" = [])),
    responses(SheetDownload))]
pub async fn export(
    cx: StaffCx,
    Path(month): Path<String>,
    ApiQuery(query): ApiQuery<ExportQuery>,
) -> Result<Response, PageError> {
    let month = parse_month(&month)?;
    let Some(run) = cx
        .app
        .store
        .payroll_run(cx.tenant_id(), month, query.versi)
        .await?
    else {
        return Err(PageError::NotFound(Missing::Run(cx.lang.month(month))));
    };
    let format = SheetFormat::from_query(query.format.as_deref())?;
    let bytes = match format {
        SheetFormat::Xlsx => {
            let facts = suara_app::i18n::run_words(cx.lang, &run.summary, cx.tenant.offset());
            suara_reports::tpp::payroll_xlsx(&run, &cx.tenant.name, &facts, &|label| {
                suara_app::i18n::sheet_label(cx.lang, label)
            })
        }
        SheetFormat::Csv => suara_reports::tpp::payroll_csv(&run),
    };
    let stem = format!("tpp-{}-{month}-v{}", cx.tenant_id(), run.summary.version);
    Ok(sheet_download(cx.lang, format, &stem, bytes)?)
}
