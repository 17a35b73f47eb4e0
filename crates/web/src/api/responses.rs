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
            .response("429", problem("Too many responses from one place at once"))
            .build()
            .into()
    }
}

/// A staff spreadsheet: the file, or the way to sign in first.
pub struct SheetDownload;

impl IntoResponses for SheetDownload {
    fn responses() -> BTreeMap<String, RefOr<Response>> {
        let file = ResponseBuilder::new()
            .description("The spreadsheet, as a download (xlsx unless format=csv)")
            .content(XLSX, ContentBuilder::new().build())
            .content("text/csv", ContentBuilder::new().build());
        let refused = ResponseBuilder::new()
            .description(
                "A parameter that is not one of the allowed values (a staff page says which)",
            )
            .content("text/html", ContentBuilder::new().build());
        ResponsesBuilder::new()
            .response("200", file)
            .response(
                "303",
                ResponseBuilder::new()
                    .description("Not signed in: on to the sign-in page, which comes back here"),
            )
            .response("400", refused)
            .build()
            .into()
    }
}
