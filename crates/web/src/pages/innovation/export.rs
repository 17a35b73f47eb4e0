//! The regional innovation index export: one row per innovation with what the Indeks
//! Inovasi Daerah (Permendagri 104/2018) asks regions to report (name, stage, initiator,
//! digital or not, form, government affair, trial and implementation dates, design, goal,
//! benefit, result), the measured effect, and the evidence per indicator; a second sheet
//! lists every evidence file. Also CSV with codes and ISO dates, for other systems. suara
//! makes the file; sending it to the national system is the region's own step.

use axum::response::Response;
use serde::Deserialize;
use suara_app::innovation::index::{index_file, IndexError};

use crate::api::query::ApiQuery;
use crate::api::responses::SheetDownload;
use crate::pages::context::StaffCx;
use crate::pages::failure::PageError;
use crate::pages::{sheet_download, SheetFormat};
use crate::routes;

#[derive(Deserialize, Default)]
pub struct ExportQuery {
    pub format: Option<String>,
}

/// The innovations in the national innovation index's columns (staff).
#[utoipa::path(get, path = routes::INNOVATION_INDEX, tag = "innovation",
    params(("format" = Option<String>, Query, description = "xlsx (the default) or csv")),
    security(("session" = [])),
    responses(SheetDownload))]
pub async fn export(
    cx: StaffCx,
    ApiQuery(query): ApiQuery<ExportQuery>,
) -> Result<Response, PageError> {
    let format = SheetFormat::from_query(query.format.as_deref())?;
    let bytes = index_file(
        &cx.app.store,
        &cx.app.effect_cells,
        &cx.tenant,
        cx.lang,
        format == SheetFormat::Csv,
    )
    .await
    .map_err(|e| match e {
        IndexError::Store(e) => PageError::Store(e),
        IndexError::Report(e) => PageError::Store(suara_store::StoreError::Corrupt(e.to_string())),
    })?;
    let stem = format!("indeks-inovasi-{}", cx.tenant_id());
    Ok(sheet_download(cx.lang, format, &stem, Ok(bytes))?)
}

#[cfg(test)]
mod tests {
    /// The index file names evidence by the path the route table serves.
    #[test]
    fn the_index_files_evidence_path_is_the_served_one() {
        assert_eq!(
            suara_app::innovation::index::evidence_path(12, 3),
            crate::routes::innovation_evidence("12", "3")
        );
    }
}
