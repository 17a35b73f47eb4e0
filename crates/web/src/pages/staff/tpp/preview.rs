//! A month that has not ended has no payroll run: its responses are still coming. Finance
//! may still look at what the figures would be so far, on a page marked provisional, stored
//! nowhere, with nothing to review or approve.

use axum::response::Response;
use maud::{html, Markup};
use suara_domain::period::Month;
use suara_domain::tpp::payroll::Payroll;
use suara_store::{RunOfficer, TppError};

use super::{percent, rp, unit_totals};
use crate::pages::context::{Look, StaffCx};
use crate::pages::failure::PageError;
use crate::routes;
use suara_app::i18n::catalogue as T;

pub struct PreviewView {
    pub month: Month,
    pub payroll: Payroll,
    pub officers: Vec<RunOfficer>,
    /// The unit whose officers are listed (a regency has thousands: one unit at a time).
    pub unit: Option<String>,
}

pub async fn page(cx: &StaffCx, month: Month, unit: Option<String>) -> Result<Response, PageError> {
    let (_, officers, payroll) = cx
        .app
        .store
        .preview_payroll(cx.tenant_id(), month)
        .await
        .map_err(|error| match error {
            TppError::Store(e) => PageError::Store(e),
            _ => PageError::BadRequest,
        })?;
    let view = PreviewView {
        month,
        payroll,
        officers,
        unit,
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
        view.officers
            .iter()
            .find(|o| o.input.nip == nip)
            .map_or("", |o| o.name.as_str())
    };
    let here = routes::tpp_month(&view.month.to_string());
    let content = html! {
        p.crumbs { a href=(look.href(routes::TPP)) { "TPP" } }
        h1 { (title) }
        div.warning role="note" {
            p { strong { (look.t(T::PROVISIONAL_THIS_MONTH_HAS_NOT_ENDED_THESE)) } }
            p { (look.t(T::THE_OFFICIAL_RUN_CAN_BE_COMPUTED_FROM)) }
        }
        p.lead { (look.t(T::PROVISIONAL_TOTAL)) strong { (rp(view.payroll.total())) } " · "
            (view.payroll.rows.len()) " " (look.t(T::OFFICERS_2)) }
        h2 { (look.t(T::BY_UNIT)) }
        table.data tabindex="0" {
            thead { tr { th scope="col" { "Unit" } th.num scope="col" { (look.t(T::PROVISIONAL)) } th.num scope="col" { (look.t(T::OFFICERS)) } } }
            tbody { @for (unit_id, (unit_name, count, total)) in &unit_totals(&view.payroll, &view.officers) { tr {
                th scope="row" { a href={ (here) "?lang=" (lang.code()) "&unit=" (unit_id) "#pegawai" } { (unit_name) } }
                td.num { (rp(*total)) } td.num { (count) }
            } } }
        }
        @if let Some(unit) = view.unit.as_deref() {
        h2 #pegawai { (view.officers.iter().find(|o| o.input.unit_id == unit).map_or(unit, |o| o.unit_name.as_str())) }
        table.data tabindex="0" {
            thead { tr {
                th scope="col" { (look.t(T::OFFICER)) }
                th.num scope="col" { (look.t(T::PROVISIONAL)) }
                th.num scope="col" { (look.t(T::FACTOR)) }
                th.num scope="col" { (look.t(T::SCORE)) }
            } }
            tbody { @for r in view.payroll.rows.iter().filter(|r| r.unit_id == unit) { tr {
                th scope="row" { (name(&r.nip)) br; small { (r.nip) } }
                td.num { (rp(r.explanation.amount)) }
                td.num { (percent(lang, r.explanation.factor.paid)) }
                td.num { (r.explanation.score.map_or("–".to_string(), |s| lang.decimal(s))) }
            } } }
        }
        }
    };
    (title, content)
}
