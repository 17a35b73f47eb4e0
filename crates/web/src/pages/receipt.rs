//! `/tanda-terima/{receipt}`: a citizen checks that their rating was counted, on the page
//! that also links the proof (`crate::api::receipts`).

use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::html;
use suara_store::ReceiptStatus;

use super::context::PageCx;
use super::failure::PageError;
use super::{layout, page};
use crate::api::receipts::{normalize, status};
use crate::routes;
use suara_app::i18n::catalogue as T;
use suara_app::i18n::Lang;

/// The link to a receipt's page.
pub fn path(receipt: &str) -> String {
    routes::receipt(receipt)
}

#[derive(serde::Deserialize)]
pub struct Lookup {
    nomor: Option<String>,
    lang: Option<String>,
}

/// `GET /tanda-terima?nomor=…`: on to the receipt's own page (or back to the form).
pub async fn lookup(Query(query): Query<Lookup>) -> Response {
    let lang = Lang::from_code(query.lang.as_deref());
    let target = match query
        .nomor
        .as_deref()
        .map(normalize)
        .filter(|n| !n.is_empty())
    {
        Some(receipt) => format!("{}?lang={}", path(&receipt), lang.code()),
        None => format!("{}?lang={}#tanda-terima", routes::TRANSPARENCY, lang.code()),
    };
    axum::response::Redirect::to(&target).into_response()
}

pub async fn show(cx: PageCx, Path(receipt): Path<String>) -> Result<Response, PageError> {
    let (found, _) = status(&cx.app, &receipt).await?;
    Ok(render(cx.lang, &cx.here, &normalize(&receipt), &found))
}

fn render(lang: Lang, here: &str, receipt: &str, found: &ReceiptStatus) -> Response {
    let title = lang.t(T::CHECK_A_RECEIPT);
    let api = routes::api_receipt(receipt);
    let (code, content) = match found {
        ReceiptStatus::Unknown => (
            StatusCode::NOT_FOUND,
            html! {
                h2 { (lang.t(T::NUMBER_NOT_FOUND)) }
                p { (lang.t(T::CHECK_THE_NUMBER_ON_THE_THANK_YOU)) }
            },
        ),
        ReceiptStatus::UnderReview => (
            StatusCode::OK,
            html! {
                h2 { (lang.t(T::UNDER_REVIEW)) }
                p { (lang.t(T::YOUR_RATING_IS_STORED_AND_BEING_REVIEWED)) }
            },
        ),
        ReceiptStatus::Counted { index, proof, .. } => (
            StatusCode::OK,
            html! {
                h2 { (lang.t(T::COUNTED)) }
                p { (lang.t(T::YOUR_RATING_COUNTS_IN_THE_SURVEY_RESULTS)) strong { (index + 1) } "." }
                @match proof {
                    Some((head, path)) => {
                        p { (lang.t(T::THE_LATEST_SIGNED_LOG_HOLDS)) (head.head.size) (lang.t(T::RATINGS_THE_PROOF_BELOW_CAN_BE_CHECKED)) }
                        details {
                            summary { (lang.t(T::INCLUSION_PROOF)) }
                            p.muted { (lang.t(T::LOG_ROOT)) code { (head.head.root.to_hex()) } }
                            ol.muted { @for hash in path { li { code { (hash.to_hex()) } } } }
                        }
                    }
                    None => p { (lang.t(T::THE_NEXT_SIGNATURE_OF_THE_LOG_WITHIN)) },
                }
            },
        ),
    };
    let body = html! {
        h1 { (title) }
        p.lead { (lang.t(T::RECEIPT_NUMBER)) strong { (receipt) } }
        (content)
        p { a href=(api) { (lang.t(T::THE_SAME_FOR_MACHINES_TO_CHECK_JSON)) } }
    };
    page(code, layout(lang, title, here, body))
}
