//! Answers several routes share, described once for the OpenAPI document: the problems of a
//! request naming a regency, those of a posted response, and a staff spreadsheet download.

use std::collections::BTreeMap;

use utoipa::openapi::{ContentBuilder, Ref, RefOr, Response, ResponseBuilder, ResponsesBuilder};
use utoipa::IntoResponses;

use crate::error::PROBLEM_JSON;

/// The xlsx media type.
const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// An RFC 9457 problem with this description.
fn problem(description: &str) -> ResponseBuilder {
    ResponseBuilder::new().description(description).content(
        PROBLEM_JSON,
        ContentBuilder::new()
            .schema(Some(Ref::from_schema_name("ProblemDetails")))
            .build(),
    )
}

/// What goes wrong with a read that names a regency (`tenant`) in its query.
pub struct TenantProblems;

impl IntoResponses for TenantProblems {
    fn responses() -> BTreeMap<String, RefOr<Response>> {
        ResponsesBuilder::new()
            .response(
                "400",
                problem("A query parameter that is repeated, malformed or not one of the allowed values (the detail names it)"),
            )
            .response(
                "422",
                problem("No such regency, or several are served here and none is named"),
            )
            .build()
            .into()
    }
}

/// What a posted survey response can be refused for (nothing is stored).
pub struct ResponseProblems;

impl IntoResponses for ResponseProblems {
    fn responses() -> BTreeMap<String, RefOr<Response>> {
        ResponsesBuilder::new()
            .response("400", problem("The body is not a JSON object"))
            .response(
                "409",
                problem(
                    "The idempotency key was used for a different response, or the ticket was used",
                ),
            )
            .response("413", problem("The body is too large"))
            .response("415", problem("Unsupported content type"))
            .response("422", problem("Invalid fields; each is named in fields"))
            .build()
            .into()
    }
}

/// The answers of a staff download: the file in one of `media`, the way to sign in first,
/// or a staff page (or, for a malformed query string, a problem) saying why not.
fn download(
    file: &str,
    media: &[&str],
    conflict: Option<&str>,
) -> BTreeMap<String, RefOr<Response>> {
    let file = media
        .iter()
        .fold(ResponseBuilder::new().description(file), |r, m| {
            r.content(*m, ContentBuilder::new().build())
        });
    let page = |description: &str| {
        ResponseBuilder::new()
            .description(description)
            .content("text/html", ContentBuilder::new().build())
    };
    let refused = problem("A parameter that is not one of the allowed values: a staff page says which (a problem when the query string itself is malformed)")
        .content("text/html", ContentBuilder::new().build());
    let responses = ResponsesBuilder::new()
        .response("200", file)
        .response(
            "303",
            ResponseBuilder::new()
                .description("Not signed in: on to the sign-in page, which comes back here"),
        )
        .response("400", refused)
        .response(
            "403",
            page("The account may not download this (its role, or a unit it does not see)"),
        )
        .response(
            "404",
            page("Nothing to download: no such month's run, unit or template"),
        );
    match conflict {
        Some(why) => responses.response("409", page(why)),
        None => responses,
    }
    .build()
    .into()
}

/// A staff spreadsheet, xlsx unless `format=csv`.
pub struct SheetDownload;

impl IntoResponses for SheetDownload {
    fn responses() -> BTreeMap<String, RefOr<Response>> {
        download(
            "The spreadsheet, as a download (xlsx unless format=csv)",
            &[XLSX, "text/csv"],
            None,
        )
    }
}

/// A unit's SKM report for a period, to sign (PDF).
pub struct ReportDownload;

impl IntoResponses for ReportDownload {
    fn responses() -> BTreeMap<String, RefOr<Response>> {
        download(
            "The report, as a PDF (or a Word document with format=docx)",
            &[
                "application/pdf",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            ],
            None,
        )
    }
}

/// The payable list (daftar nominatif) of a month's run: xlsx, or PDF to sign.
pub struct PayableDownload;

impl IntoResponses for PayableDownload {
    fn responses() -> BTreeMap<String, RefOr<Response>> {
        download(
            "The payable list, as a download (xlsx unless format=pdf)",
            &[XLSX, "application/pdf"],
            Some("The run's page, saying why it has no payable list (a discarded version)"),
        )
    }
}

/// The bank transfer file of a locked run.
pub struct BankFileDownload;

impl IntoResponses for BankFileDownload {
    fn responses() -> BTreeMap<String, RefOr<Response>> {
        download(
            "The transfer file, as a download",
            &["text/csv"],
            Some("The run's page, saying why no file was made (not locked, or a payee without an account number)"),
        )
    }
}
