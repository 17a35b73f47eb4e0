//! A month that has not ended has no payroll run: its responses are still coming. Finance
//! may still look at what the figures would be so far, on a page marked provisional, stored
//! nowhere, with nothing to review or approve.

use axum::response::Response;
use maud::{html, Markup};
use suara_domain::period::Month;
use suara_domain::tpp::payroll::Payroll;
use suara_store::TppError;

use super::{percent, rp};
use crate::i18n::catalogue as T;
use crate::pages::context::{Look, StaffCx};
use crate::pages::failure::PageError;
use crate::routes;

pub struct PreviewView {
    pub month: Month,
    pub payroll: Payroll,
    /// Officers' names by NIP.
    pub names: Vec<(String, String)>,
}

pub async fn page(cx: &StaffCx, month: Month) -> Result<Response, PageError> {
    let (_, officers, payroll) = cx
        .app
        .store
        .preview_payroll(cx.tenant_id(), month)
        .await
        .map_err(|error| match error {
            TppError::Store(e) => PageError::Store(e),
            _ => PageError::BadRequest,
        })?;
    let names = officers
        .into_iter()
        .map(|o| (o.input.nip, o.name))
        .collect();
    let view = PreviewView {
        month,
        payroll,
        names,
    };
    let (title, content) = render(cx.look(), &view);
    cx.ok(&title, content)
}

pub fn render(look: Look, view: &PreviewView) -> (String, Markup) {
    let lang = look.lang;
    let title = format!(
        "{} {}",
        look.t(T::PROVISIONAL_TPP_PREVIEW),
        lang.month(view.month)
    );
    let name = |nip: &str| {
        view.names
            .binary_search_by(|(n, _)| n.as_str().cmp(nip))
            .map_or("", |i| view.names[i].1.as_str())
    };
    let content = html! {
        p.crumbs { a href=(look.href(routes::TPP)) { "TPP" } }
        h1 { (title) }
        div.warning role="note" {
            p { strong { (look.t(T::PROVISIONAL_THIS_MONTH_HAS_NOT_ENDED_THESE)) } }
            p { (look.t(T::THE_OFFICIAL_RUN_CAN_BE_COMPUTED_FROM)) }
        }
        p.lead { (look.t(T::PROVISIONAL_TOTAL)) strong { (rp(view.payroll.total())) } " · "
            (view.payroll.rows.len()) " " (look.t(T::OFFICERS_2)) }
        table.data tabindex="0" {
            thead { tr {
                th scope="col" { (look.t(T::OFFICER)) }
                th.num scope="col" { (look.t(T::PROVISIONAL)) }
                th.num scope="col" { (look.t(T::FACTOR)) }
                th.num scope="col" { (look.t(T::SCORE)) }
            } }
            tbody { @for r in &view.payroll.rows { tr {
                th scope="row" { (name(&r.nip)) br; small { (r.nip) } }
                td.num { (rp(r.explanation.amount)) }
                td.num { (percent(lang, r.explanation.factor.paid)) }
                td.num { (r.explanation.score.map_or("–".to_string(), |s| lang.decimal(s))) }
            } } }
        }
    };
    (title, content)
}
