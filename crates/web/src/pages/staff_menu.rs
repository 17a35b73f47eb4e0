//! The staff pages' menu, grouped by task with only what the user may do, and the frame it
//! sits in. The extractors and the error pages draw it, so it uses none of the pages.

use maud::{html, Markup};
use suara_domain::access::{Permission, Role};
use suara_domain::period::Period;

use super::chrome::{framed, Chrome};
use crate::auth::Staff;
use crate::routes;
use suara_app::i18n::catalogue as T;
use suara_app::i18n::Lang;

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

/// One link of the staff menu.
struct MenuItem {
    path: String,
    label: &'static str,
}

/// The staff menu's groups, by task, with only what this user may do.
fn menu_groups(lang: Lang, staff: &Staff) -> Vec<(&'static str, Vec<MenuItem>)> {
    let may = |p| staff.principal.may(p);
    let item = |path: &str, label| MenuItem {
        path: path.to_string(),
        label,
    };
    let officer = match (staff.principal.role, staff.principal.nip.as_deref()) {
        (Role::Officer, Some(nip)) => Some(nip),
        _ => None,
    };
    let mut groups = Vec::new();
    let mut results = Vec::new();
    if may(Permission::ViewProvince) {
        results.push(item(routes::PROVINCE, lang.t(T::PROVINCE)));
    }
    if may(Permission::ViewDashboard) {
        results.push(item(routes::DASHBOARD, lang.t(T::IKM_DASHBOARD)));
    }
    if let Some(nip) = officer {
        results.push(item(&routes::dashboard_officer(nip), lang.t(T::MY_FIGURES)));
        results.push(item(&routes::tpp_explain(nip), lang.t(T::MY_TPP)));
    }
    groups.push((lang.t(T::SURVEY_RESULTS), results));
    let mut counter = Vec::new();
    if may(Permission::IssueTickets) {
        counter.push(item(routes::COUNTER, lang.t(T::SURVEY_TICKETS)));
    }
    if may(Permission::ManageKiosks) {
        counter.push(item(routes::KIOSKS, lang.t(T::SURVEY_KIOSKS)));
    }
    groups.push((lang.t(T::COUNTER), counter));
    let mut pay = Vec::new();
    if may(Permission::ManagePayroll) {
        pay.push(item(routes::TPP, lang.t(T::TPP_PAYROLL)));
    }
    if may(Permission::DecideAppeals) {
        pay.push(item(routes::APPEALS, lang.t(T::TPP_APPEALS)));
    }
    if may(Permission::ConfirmEvidenceSources) {
        pay.push(item(routes::EVIDENCE_SOURCES, lang.t(T::EVIDENCE_SOURCES)));
    }
    groups.push(("TPP", pay));
    let mut oversight = Vec::new();
    if may(Permission::ReviewQuarantine) {
        oversight.push(item(routes::QUARANTINE, lang.t(T::QUARANTINE)));
    }
    if may(Permission::ApproveKiosks) {
        oversight.push(item(routes::KIOSK_APPROVALS, lang.t(T::KIOSK_APPROVALS)));
    }
    if may(Permission::ViewAuditLog) {
        oversight.push(item(routes::AUDIT, lang.t(T::AUDIT_LOG)));
    }
    groups.push((lang.t(T::OVERSIGHT), oversight));
    if may(Permission::ManageMusrena) {
        groups.push((
            lang.t(T::PLANNING),
            vec![item(routes::MUSRENA_FORUMS, lang.t(T::MUSRENA_FORUMS))],
        ));
    }
    let mut innovation = vec![
        item(routes::INNOVATION_REGISTRY, lang.t(T::INNOVATION_REGISTRY)),
        item(routes::INNOVATION_IDEAS, lang.t(T::IDEAS_AND_SUGGESTIONS)),
    ];
    if may(Permission::ViewDashboard) {
        innovation.push(item(
            routes::INNOVATION_SUMMARY,
            lang.t(T::INNOVATION_SUMMARY),
        ));
    }
    // The province's accounts belong to no regency's innovation work.
    if !may(Permission::ViewProvince) {
        groups.push((lang.t(T::INNOVATIONS), innovation));
    }
    let mut admin = Vec::new();
    if may(Permission::ImportOrganisation) {
        admin.push(item(routes::IMPORT, lang.t(T::IMPORT_ORGANISATION)));
    }
    if may(Permission::ManageAccounts) {
        admin.push(item(routes::ACCOUNTS, lang.t(T::USER_ACCOUNTS)));
    }
    if may(Permission::SetLetterhead) {
        admin.push(item(routes::LETTERHEAD, lang.t(T::LETTERHEAD_PAGE_TITLE)));
    }
    groups.push((lang.t(T::ADMINISTRATION_2), admin));
    groups.retain(|(_, items)| !items.is_empty());
    groups
}

/// The first page of the user's menu: where the brand and error pages lead back to.
pub fn start_page(staff: &Staff) -> String {
    menu_groups(Lang::ID, staff)
        .into_iter()
        .flat_map(|(_, items)| items)
        .map(|i| i.path)
        .next()
        .unwrap_or_else(|| routes::MY_ACCOUNT.to_string())
}

/// The menu item the current address belongs to: the longest path that starts it.
fn current<'a>(groups: &'a [(&str, Vec<MenuItem>)], here: &str) -> Option<&'a str> {
    let path = here.split('?').next().unwrap_or(here);
    groups
        .iter()
        .flat_map(|(_, items)| items)
        .map(|i| i.path.as_str())
        .filter(|p| path == *p || path.starts_with(&format!("{p}/")))
        .max_by_key(|p| p.len())
}

/// The staff frame: the staff menu, grouped by task, with the current page marked; on
/// phones it folds into one "Menu" button (a `details` element, no script).
pub fn frame(lang: Lang, staff: &Staff, title: &str, here: &str, content: Markup) -> Markup {
    let groups = menu_groups(lang, staff);
    let current = current(&groups, here);
    let menu = html! {
        nav.staff aria-label=(lang.t(T::STAFF_MENU)) {
            details.menu {
                summary { (lang.t(T::MENU)) }
                div.groups {
                    @for (group, items) in &groups {
                        div {
                            span.group aria-hidden="true" { (group) }
                            ul aria-label=(group) { @for i in items {
                                li { a href=(href(lang, &i.path, None)) aria-current=[(current == Some(i.path.as_str())).then_some("page")] { (i.label) } }
                            } }
                        }
                    }
                    div {
                        span.group aria-hidden="true" { (lang.t(T::ACCOUNT)) }
                        ul aria-label=(lang.t(T::ACCOUNT)) {
                            li { a href=(href(lang, routes::MY_ACCOUNT, None)) aria-current=[here.starts_with(routes::MY_ACCOUNT).then_some("page")] {
                                (staff.username()) " (" (suara_app::i18n::role_label(lang, staff.principal.role)) ")"
                            } }
                            li { form method="post" action={ (routes::LOGOUT) "?lang=" (lang.code()) } {
                                input type="hidden" name="csrf" value=(staff.session.csrf_token);
                                button.link type="submit" { (lang.t(T::SIGN_OUT)) }
                            } }
                        }
                    }
                }
            }
        }
    };
    let home = href(lang, &start_page(staff), None);
    framed(
        lang,
        title,
        here,
        content,
        &Chrome::Staff { home: &home, menu },
    )
}
