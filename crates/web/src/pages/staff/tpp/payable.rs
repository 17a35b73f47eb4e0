//! What finance pays from: the payable list (*daftar nominatif*) of a month's run, and,
//! once the run is locked, the bank transfer file of its net amounts.

use std::collections::BTreeMap;

use axum::extract::Path;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use suara_domain::org::{Officer, Unit};
use suara_domain::period::Month;
use suara_domain::tpp::payroll::RunState;
use suara_reports::payable::{
    bank_transfer_csv, payable_pdf, payable_xlsx, payees, signers, Payee,
};
use suara_store::{BankFile, StoredRun};
use time::OffsetDateTime;

use super::export::ExportQuery;
use super::parse_month;
use super::run::{load, render, RunQuery};
use crate::api::query::ApiQuery;
use crate::api::responses::{BankFileDownload, PayableDownload};
use crate::pages::context::StaffCx;
use crate::pages::failure::{Missing, PageError};
use crate::pages::{download, SheetFormat};
use crate::routes;
use suara_app::i18n::catalogue as T;

async fn stored_run(
    cx: &StaffCx,
    month: Month,
    version: Option<i64>,
) -> Result<(StoredRun, BTreeMap<String, Officer>, Vec<Unit>), PageError> {
    let store = &cx.app.store;
    let Some(run) = store.payroll_run(cx.tenant_id(), month, version).await? else {
        return Err(PageError::NotFound(Missing::Run(cx.lang.month(month))));
    };
    // Officers who have left since stay in the snapshot, so their line still has a rank.
    let organisation = store.org_snapshot(cx.tenant_id()).await?;
    let officers = organisation
        .officers
        .into_iter()
        .map(|c| (c.officer.nip.clone(), c.officer))
        .collect();
    Ok((run, officers, organisation.units))
}

/// A month's payable list (daftar nominatif), to sign: xlsx, or PDF with `format=pdf`.
#[utoipa::path(get, path = routes::TPP_PAYABLE, tag = "tpp",
    params(("month" = String, Path, description = "YYYY-MM"), ("versi" = Option<i64>, Query, description = "The run's version; the latest by default"), ("format" = Option<String>, Query, description = "xlsx (the default) or pdf")),
    security(("session" = [])),
    responses(PayableDownload))]
pub async fn payable_list(
    cx: StaffCx,
    Path(month): Path<String>,
    ApiQuery(query): ApiQuery<ExportQuery>,
) -> Result<Response, PageError> {
    let month = parse_month(&month)?;
    let (run, officers, units) = stored_run(&cx, month, query.versi).await?;
    if run.summary.state == RunState::Discarded {
        let problem = cx.t(T::A_DISCARDED_VERSION_HAS_NO_PAYABLE_LIST).to_string();
        return refuse(&cx, month, run.summary.version, problem).await;
    }
    let payees = payees(&run, &officers);
    let signers = signers(&units, &officers);
    let words = |label| suara_app::i18n::sheet_label(cx.lang, label);
    let (regency, month_name) = (&cx.tenant.name, cx.lang.month(month));
    let stem = format!(
        "daftar-nominatif-tpp-{}-{month}-v{}",
        cx.tenant_id(),
        run.summary.version
    );
    match query.format.as_deref().unwrap_or("xlsx") {
        "xlsx" => {
            let bytes = payable_xlsx(&run, &payees, &signers, regency, &month_name, &words);
            Ok(download(SheetFormat::Xlsx, &stem, bytes)?)
        }
        "pdf" => Ok((
            [
                (header::CONTENT_TYPE, "application/pdf".to_string()),
                (
                    header::CONTENT_DISPOSITION,
                    format!("inline; filename=\"{stem}.pdf\""),
                ),
            ],
            payable_pdf(&run, &payees, &signers, regency, &month_name, &words),
        )
            .into_response()),
        _ => Err(PageError::BadRequest),
    }
}

/// The bank transfer file of a locked run (recorded in the audit chain as it is made).
///
/// Only a locked run is paid, and only when every payee has an account number: a file
/// that left someone out, or paid a run that may still change, would pay wrongly.
#[utoipa::path(get, path = routes::TPP_BANK_FILE, tag = "tpp",
    params(("month" = String, Path, description = "YYYY-MM"), ("versi" = Option<i64>, Query, description = "The run's version; the latest by default")),
    security(("session" = [])),
    responses(BankFileDownload))]
pub async fn bank_file(
    cx: StaffCx,
    headers: HeaderMap,
    Path(month): Path<String>,
    ApiQuery(query): ApiQuery<ExportQuery>,
) -> Result<Response, PageError> {
    // Making the file writes to the record: another site's link must not make one in an
    // approver's name.
    if crate::submit::cross_site(&cx.app, &headers) {
        return Err(PageError::Forbidden);
    }
    let month = parse_month(&month)?;
    let (run, officers, _) = stored_run(&cx, month, query.versi).await?;
    if run.summary.state != RunState::Locked {
        let problem = cx.t(T::ONLY_A_LOCKED_RUN_HAS_A_BANK_FILE).to_string();
        return refuse(&cx, month, run.summary.version, problem).await;
    }
    // A database keeper who changed an account (or forged its import) would be paid.
    let (key, kept) = cx.app.signer.log_signer(cx.tenant_id())?;
    let store = &cx.app.store;
    if let Some(problem) = store
        .bank_details_problem(cx.tenant_id(), &key, &kept)
        .await?
    {
        tracing::warn!(tenant = cx.tenant_id(), %problem, "bank transfer file refused");
        let problem = cx.t(T::THE_OFFICER_RECORDS_ARE_NOT_AS_RECORDED).to_string();
        return refuse(&cx, month, run.summary.version, problem).await;
    }
    // Nobody is sent a transfer of nothing.
    let payees: Vec<Payee> = payees(&run, &officers)
        .into_iter()
        .filter(|p| p.line.net > 0)
        .collect();
    let missing: Vec<&str> = payees
        .iter()
        .filter(|p| p.account_number().is_empty())
        .map(|p| p.run.name.as_str())
        .collect();
    if !missing.is_empty() {
        let problem = format!("{} {}", cx.t(T::NO_ACCOUNT_NUMBER_FOR), missing.join(", "));
        return refuse(&cx, month, run.summary.version, problem).await;
    }
    let description = format!("TPP {} {}", cx.lang.month(month), cx.tenant.name);
    let stem = format!(
        "transfer-tpp-{}-{month}-v{}",
        cx.tenant_id(),
        run.summary.version
    );
    let bytes = bank_transfer_csv(&payees, &description)
        .map_err(|e| PageError::Store(suara_store::StoreError::Corrupt(e.to_string())))?;
    // On the record before it leaves: who made which file, so the bank's copy can be checked.
    let file = BankFile {
        month,
        version: run.summary.version,
        payees: payees.len(),
        total: payees.iter().map(|p| p.line.net).sum(),
        bytes: &bytes,
    };
    store
        .record_bank_file(
            cx.tenant_id(),
            &file,
            cx.username(),
            OffsetDateTime::now_utc(),
        )
        .await?;
    Ok(download(SheetFormat::Csv, &stem, Ok(bytes))?)
}

/// The run's page again, with why no file was made.
async fn refuse(
    cx: &StaffCx,
    month: Month,
    version: i64,
    problem: String,
) -> Result<Response, PageError> {
    let query = RunQuery {
        versi: Some(version),
        unit: None,
    };
    let view = load(cx, month, &query).await?;
    let (title, content) = render(cx.look(), &view, Some(&Err(problem)));
    Ok(cx.page(StatusCode::CONFLICT, &title, content))
}
