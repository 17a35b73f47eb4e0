//! Pages for staff who sign in: the IKM dashboard, the organisation import, the audit log
//! and accounts. Each route's permission is in [`crate::access`]; pages about one unit or
//! officer also check that the user may see that unit or officer.

pub mod accounts;
pub mod appeals;
pub mod audit;
mod audit_fields;
mod audit_values;
pub mod charts;
pub mod confirm;
pub mod counter;
pub mod dashboard;
pub mod departure;
pub mod edit_row;
pub mod evidence_sources;
pub mod explanation;
pub mod follow_up;
pub mod import;
pub mod kiosk_approvals;
pub mod kiosks;
pub mod letterhead;
pub mod login;
pub mod my_tpp;
pub mod officer_accounts;
pub mod password_reset;
pub mod quarantine;
pub mod second_factor;
pub mod service_survey;
pub mod sso;
pub mod suggestions;
pub mod survey_history;
pub mod tpp;
pub mod users;

use maud::{html, Markup};
use serde::Deserialize;
use suara_domain::org::tree::UnitTree;
use suara_domain::org::Unit;
use suara_domain::period::{Month, Period};
use suara_domain::skm::precision::period_users;
use suara_domain::skm::{krejcie_morgan_sample_size, SkmScore, Tally, Weighting};
use time::OffsetDateTime;

use crate::pages::context::StaffCx;
use crate::pages::failure::PageError;
pub use crate::pages::staff_menu::href;
use suara_app::i18n::catalogue as T;
use suara_app::i18n::{grade_label, Lang};

/// `?period=…` of the dashboard pages.
#[derive(Deserialize, Default)]
pub struct PeriodQuery {
    pub period: Option<String>,
}

impl PeriodQuery {
    /// The period asked for; this year by default.
    pub fn period(&self, tenant: &suara_store::Tenant) -> Result<Period, PageError> {
        match self.period.as_deref().filter(|p| !p.is_empty()) {
            Some(text) => text
                .parse()
                .map_err(|_| PageError::BadPeriod(text.to_string())),
            None => Ok(Period::Year(
                tenant.month_of(OffsetDateTime::now_utc()).year(),
            )),
        }
    }
}

/// The regency's units and their tree.
pub async fn units_tree(cx: &StaffCx) -> Result<(Vec<Unit>, UnitTree), PageError> {
    let units = cx.app.store.units(cx.tenant_id()).await?;
    let tree = UnitTree::new(
        units
            .iter()
            .map(|u| (u.unit_id.as_str(), u.parent_id.as_deref())),
    );
    Ok((units, tree))
}

/// The unit `unit_id`, when this user has `permission` and sees the unit (a unit admin:
/// within their subtree).
pub async fn unit_for(
    cx: &StaffCx,
    unit_id: &str,
    permission: suara_domain::access::Permission,
) -> Result<Unit, PageError> {
    let (units, tree) = units_tree(cx).await?;
    let unit = units
        .into_iter()
        .find(|u| u.unit_id == unit_id)
        .ok_or_else(|| PageError::NotFound(super::failure::Missing::Unit(unit_id.to_string())))?;
    let principal = &cx.staff.principal;
    if !(principal.may(permission) && principal.sees_unit(unit_id, &tree)) {
        return Err(PageError::Forbidden);
    }
    Ok(unit)
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

/// "IKM 77.26 · B (Baik)" or "no responses".
pub fn score_text(lang: Lang, score: Option<&SkmScore>) -> Markup {
    match score {
        Some(score) => html! {
            strong { (lang.decimal(score.ikm_rounded())) } " · " (score.grade().letter()) " (" (grade_label(lang, score.grade())) ")"
        },
        None => html! { span.muted { (lang.t(T::NO_RESPONSES_YET)) } },
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
            span { (lang.t(T::PERIOD)) " " }
            @for option in Period::around(last) {
                @if option == chosen {
                    strong aria-current="true" { (lang.period(option)) }
                } @else {
                    a href=(href(lang, path, Some(option))) { (lang.period(option)) }
                }
                " "
            }
            label for="period" { (lang.t(T::OTHER)) }
            input #period type="text" name="period" value=(chosen) size="8"
                pattern="[0-9]{4}(-([0-9]{2}|[QqSs][0-9]))?" title=(lang.t(T::YYYY_YYYY_MM_YYYY_Q1_Q4_OR));
            button type="submit" { (lang.t(T::SHOW)) }
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
    period_users(monthly_users, period.months(), current).map(krejcie_morgan_sample_size)
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
