//! Pages for staff who sign in: the IKM dashboard, the organisation import, the audit log
//! and accounts. Each route's permission is in [`crate::access`]; pages about one unit or
//! officer also check that the user may see that unit or officer.

pub mod accounts;
pub mod admin;
pub mod appeals;
pub mod charts;
pub mod counter;
pub mod dashboard;
pub mod explanation;
pub mod follow_up;
pub mod kiosks;
pub mod login;
pub mod quarantine;
pub mod run_confirm;
pub mod tpp;

use axum::http::StatusCode;
use axum::response::Response;
use maud::{html, Markup};
use serde::Deserialize;
use suara_domain::access::{Permission, Role};
use suara_domain::period::{Month, Period};
use suara_domain::skm::{krejcie_morgan_sample_size, SkmScore, Tally, Weighting};
use time::OffsetDateTime;

use super::{layout, page};
use crate::access::{
    ACCOUNTS, APPEALS, AUDIT, COUNTER, DASHBOARD, IMPORT, KIOSKS, LOGOUT, MY_ACCOUNT, QUARANTINE,
    TPP,
};
use crate::auth::Staff;
use crate::i18n::{grade_label, Lang};
use crate::ApiError;

/// `?period=…&lang=…` of the dashboard pages.
#[derive(Deserialize, Default)]
pub struct PeriodQuery {
    pub period: Option<String>,
    pub lang: Option<String>,
}

impl PeriodQuery {
    pub fn lang(&self) -> Lang {
        Lang::from_code(self.lang.as_deref())
    }

    /// The period asked for; this year by default.
    pub fn period(&self, tenant: &suara_store::Tenant) -> Result<Period, ApiError> {
        match self.period.as_deref().filter(|p| !p.is_empty()) {
            Some(text) => text
                .parse()
                .map_err(|e: suara_domain::period::PeriodError| ApiError::BadQuery(e.to_string())),
            None => Ok(Period::Year(
                tenant.month_of(OffsetDateTime::now_utc()).year(),
            )),
        }
    }
}

/// A link within the staff pages, keeping the language (and the period when given).
pub fn href(lang: Lang, path: &str, period: Option<Period>) -> String {
    let mut pairs = vec![("lang", lang.code().to_string())];
    if let Some(period) = period {
        pairs.push(("period", period.to_string()));
    }
    format!(
        "{path}?{}",
        serde_urlencoded::to_string(pairs).unwrap_or_default()
    )
}

/// The staff frame: the public layout with a navigation bar for what this user may do.
pub fn frame(lang: Lang, staff: &Staff, title: &str, here: &str, content: Markup) -> Markup {
    let may = |p| staff.principal.may(p);
    let body = html! {
        nav.staff aria-label=(lang.pick("Menu staf", "Staff menu")) {
            ul {
                @if may(Permission::ViewDashboard) {
                    li { a href=(href(lang, DASHBOARD, None)) { (lang.pick("Dasbor IKM", "IKM dashboard")) } }
                }
                @if let (Role::Officer, Some(nip)) = (staff.principal.role, staff.principal.nip.as_deref()) {
                    li { a href=(href(lang, &format!("/dasbor/pegawai/{nip}"), None)) { (lang.pick("Nilai saya", "My figures")) } }
                }
                @if let (Role::Officer, Some(nip)) = (staff.principal.role, staff.principal.nip.as_deref()) {
                    li { a href=(href(lang, &format!("/dasbor/pegawai/{nip}/tpp"), None)) { (lang.pick("TPP saya", "My TPP")) } }
                }
                @if may(Permission::ManagePayroll) {
                    li { a href=(href(lang, TPP, None)) { "TPP" } }
                }
                @if may(Permission::IssueTickets) {
                    li { a href=(href(lang, COUNTER, None)) { (lang.pick("Tiket survei", "Survey tickets")) } }
                }
                @if may(Permission::ManageKiosks) {
                    li { a href=(href(lang, KIOSKS, None)) { (lang.pick("Kios survei", "Survey kiosks")) } }
                }
                @if may(Permission::ImportOrganisation) {
                    li { a href=(href(lang, IMPORT, None)) { (lang.pick("Impor organisasi", "Import organisation")) } }
                }
                @if may(Permission::ReviewQuarantine) {
                    li { a href=(href(lang, QUARANTINE, None)) { (lang.pick("Karantina", "Quarantine")) } }
                }
                @if may(Permission::ManageMusrena) {
                    li { a href=(href(lang, crate::access::MUSRENA_FORUMS, None)) { "Musrena" } }
                }
                @if may(Permission::DecideAppeals) {
                    li { a href=(href(lang, APPEALS, None)) { (lang.pick("Keberatan TPP", "TPP appeals")) } }
                }
                @if may(Permission::ViewAuditLog) {
                    li { a href=(href(lang, AUDIT, None)) { (lang.pick("Log audit", "Audit log")) } }
                }
                @if may(Permission::ManageAccounts) {
                    li { a href=(href(lang, ACCOUNTS, None)) { (lang.pick("Akun pengguna", "User accounts")) } }
                }
                li { a href=(href(lang, MY_ACCOUNT, None)) { (staff.username()) " (" (staff.principal.role.label_id()) ")" } }
            }
            form method="post" action={ (LOGOUT) "?lang=" (lang.code()) } {
                input type="hidden" name="csrf" value=(staff.session.csrf_token);
                button.link type="submit" { (lang.pick("Keluar", "Sign out")) }
            }
        }
        (content)
    };
    layout(lang, title, here, body)
}

/// The outcome of a form: a confirmation, or the problem (announced to screen readers).
pub fn outcome<T: AsRef<str>>(message: Option<&Result<T, T>>) -> Markup {
    html! {
        @match message {
            Some(Ok(text)) => { div.success role="status" { p { (text.as_ref()) } } }
            Some(Err(text)) => { div.error-summary role="alert" tabindex="-1" { p { (text.as_ref()) } } }
            None => {}
        }
    }
}

/// A page, or the error page when building it failed.
pub fn respond(lang: Lang, here: &str, result: Result<Response, ApiError>) -> Response {
    result.unwrap_or_else(|error| super::survey::error_page(lang, here, error))
}

pub fn ok(markup: Markup) -> Result<Response, ApiError> {
    Ok(page(StatusCode::OK, markup))
}

/// "IKM 77.26 · B (Baik)" or "no responses".
pub fn score_text(lang: Lang, score: Option<&SkmScore>) -> Markup {
    match score {
        Some(score) => html! {
            strong { (score.ikm_rounded()) } " · " (score.grade().letter()) " (" (grade_label(lang, score.grade())) ")"
        },
        None => html! { span.muted { (lang.pick("belum ada tanggapan", "no responses yet")) } },
    }
}

/// Period picker: the month, quarter, semester and year around the chosen period, and a
/// field for any other.
pub fn period_picker(lang: Lang, path: &str, chosen: Period, current: Month) -> Markup {
    let (_, last) = chosen.months();
    let last = last.min(current);
    html! {
        form.period method="get" action=(path) {
            input type="hidden" name="lang" value=(lang.code());
            span { (lang.pick("Periode:", "Period:")) " " }
            @for option in Period::around(last) {
                @if option == chosen {
                    strong aria-current="true" { (option) }
                } @else {
                    a href=(href(lang, path, Some(option))) { (option) }
                }
                " "
            }
            label for="period" { (lang.pick("lainnya", "other")) }
            input #period type="text" name="period" value=(chosen) size="8"
                pattern="[0-9]{4}(-([0-9]{2}|[QqSs][0-9]))?" title="YYYY, YYYY-MM, YYYY-Q1…Q4, YYYY-S1…S2";
            button type="submit" { (lang.pick("Tampilkan", "Show")) }
        }
    }
}

/// The Krejcie–Morgan sample a unit needs over the period, from its monthly users. Months
/// after the current one do not count: their service users are still to come.
pub fn sample_needed(
    monthly_users: Option<u32>,
    period: Period,
    current: suara_domain::period::Month,
) -> Option<u64> {
    let (first, last) = period.months();
    let last = last.min(current);
    let months = first.months_to(last);
    let users = u64::from(monthly_users?) * u64::from(months);
    (users > 0).then(|| krejcie_morgan_sample_size(users))
}

pub fn exact(tally: &Tally) -> Option<SkmScore> {
    tally.score(Weighting::Exact)
}

#[cfg(test)]
mod tests {
    use super::*;
    use suara_domain::period::Month;

    #[test]
    fn sample_needed_counts_months_so_far() {
        let now = Month::new(2026, 11).unwrap();
        assert_eq!(sample_needed(Some(100), Period::Year(2026), now), Some(285)); // N = 1100
        assert_eq!(sample_needed(Some(100), Period::Month(now), now), Some(80));
        assert_eq!(sample_needed(None, Period::Year(2026), now), None);
        assert_eq!(sample_needed(Some(100), Period::Year(2027), now), None);
    }
}
