//! The one route table: what answers each path of `crate::routes`, and for staff routes the
//! permission it needs (deny by default; `crate::access` applies it). The router is built
//! from it, and a test holds it to the paths: each routed once.

use std::sync::Arc;

use axum::extract::DefaultBodyLimit;
use axum::http::Method;
use axum::routing::{MethodFilter, MethodRouter};
use axum::Router;
use suara_domain::access::Permission;

use crate::pages::{self, innovation, musrena, staff};
use crate::routes;
use crate::state::AppState;
use crate::{api, posters, tickets};

/// One staff route's rule.
pub struct StaffRoute {
    pub method: Method,
    pub path: &'static str,
    pub permission: Permission,
}

macro_rules! route_table {
    (
        staff { $(
            $spath:ident => [$($smethod:ident $sperm:ident $shandler:expr),+ $(,)?] $(limit $slimit:expr)?;
        )* }
        public { $(
            $ppath:ident => [$($pmethod:ident $phandler:expr),+ $(,)?];
        )* }
    ) => {
        /// Every route that needs a signed-in user, with the permission it needs.
        pub const STAFF_ROUTES: &[StaffRoute] = &[
            $( $( StaffRoute { method: Method::$smethod, path: routes::$spath, permission: Permission::$sperm }, )+ )*
        ];

        /// Every path anyone may use.
        pub const PUBLIC_PATHS: &[&str] = &[ $( routes::$ppath, )* ];

        /// The staff routes (the caller adds the access check around them).
        pub(crate) fn staff_router() -> Router<Arc<AppState>> {
            Router::new()
                $( .route(routes::$spath, {
                    let methods = MethodRouter::new()
                        $( .on(MethodFilter::$smethod, $shandler) )+;
                    $( let methods = methods.layer(DefaultBodyLimit::max($slimit)); )?
                    methods
                }) )*
        }

        /// The routes anyone may use.
        pub(crate) fn public_router() -> Router<Arc<AppState>> {
            Router::new()
                $( .route(routes::$ppath, MethodRouter::new() $( .on(MethodFilter::$pmethod, $phandler) )+ ) )*
        }
    };
}

route_table! {
    staff {
        LOGOUT => [POST SignedIn staff::login::logout];
        SECOND_FACTOR => [
            GET SignedIn staff::second_factor::form,
            POST SignedIn staff::second_factor::submit,
        ];
        SECOND_FACTOR_SETUP => [
            GET SignedIn staff::second_factor::setup::form,
            POST SignedIn staff::second_factor::setup::submit,
        ];
        MY_ACCOUNT => [
            GET SignedIn staff::accounts::my_account,
            POST SignedIn staff::accounts::change_password,
        ];
        MY_EMAIL => [POST SignedIn staff::accounts::change_email];
        ACCOUNT_ACTION => [POST ManageAccounts staff::accounts::account_action];
        DASHBOARD => [GET ViewDashboard staff::dashboard::regency];
        PROVINCE => [GET ViewProvince crate::pages::province::show];
        // The province's own table, in its own entry: its accounts are the ones who view.
        PROVINCE_SERVICE_MAP => [
            POST ViewProvince crate::pages::province::replace_service_map,
        ] limit crate::pages::province::MAX_MAP_BYTES;
        DASHBOARD_UNIT => [GET ViewDashboard staff::dashboard::unit];
        DASHBOARD_OFFICER => [GET ViewOfficer staff::dashboard::officer];
        UNIT_REPORT => [GET ViewDashboard staff::dashboard::report];
        RESULTS_EXPORT => [GET ViewDashboard staff::dashboard::export];
        // The unit must be the user's, checked by the handler.
        UNIT_SUGGESTIONS => [
            GET ReviewSuggestions staff::suggestions::show,
            POST ReviewSuggestions staff::suggestions::review,
        ];
        // The unit must also be in a unit admin's subtree, checked by the handler.
        UNIT_FOLLOW_UP => [POST ManageFollowUp staff::follow_up::change];
        UNIT_HISTORY => [
            GET ImportSurveyHistory staff::survey_history::show,
            POST ImportSurveyHistory staff::survey_history::submit,
        ] limit staff::survey_history::MAX_BODY_BYTES;
        UNIT_HISTORY_REMOVE => [POST ImportSurveyHistory staff::survey_history::remove];
        UNIT_SURVEY => [
            GET AdaptSurvey staff::service_survey::show,
            POST AdaptSurvey staff::service_survey::save,
        ];
        IMPORT => [
            GET ImportOrganisation staff::import::import_page,
            POST ImportOrganisation staff::import::import_submit,
        ] limit staff::import::MAX_IMPORT_BYTES;
        IMPORT_TEMPLATE => [GET ImportOrganisation staff::import::template];
        AUDIT => [GET ViewAuditLog staff::audit::audit];
        LETTERHEAD => [
            GET SetLetterhead staff::letterhead::show,
            POST SetLetterhead staff::letterhead::save,
        ] limit staff::letterhead::MAX_LETTERHEAD_BYTES;
        ACCOUNTS => [
            GET ManageAccounts staff::users::accounts,
            POST ManageAccounts staff::users::create_account,
        ];
        OFFICER_ACCOUNTS => [
            GET ManageAccounts staff::officer_accounts::form,
            POST ManageAccounts staff::officer_accounts::open,
        ];
        COUNTER => [
            GET IssueTickets staff::counter::counter_page,
            POST IssueTickets staff::counter::issue,
        ];
        QUARANTINE => [
            GET ReviewQuarantine staff::quarantine::show,
            POST ReviewQuarantine staff::quarantine::decide,
        ];
        KIOSKS => [
            GET ManageKiosks staff::kiosks::kiosks,
            POST ManageKiosks staff::kiosks::change,
        ];
        KIOSK_APPROVALS => [
            GET ApproveKiosks staff::kiosk_approvals::show,
            POST ApproveKiosks staff::kiosk_approvals::approve,
        ];
        EVIDENCE_SOURCES => [
            GET ConfirmEvidenceSources staff::evidence_sources::show,
            POST ConfirmEvidenceSources staff::evidence_sources::confirm,
        ];
        TPP => [GET ManagePayroll staff::tpp::overview];
        TPP_IMPORT => [
            POST ManagePayroll staff::tpp::import,
        ] limit staff::tpp::MAX_TPP_UPLOAD_BYTES;
        TPP_POLICY => [
            GET ManagePayroll staff::tpp::policies,
            POST ManagePayroll staff::tpp::save_policy,
        ];
        TPP_RUN => [POST ManagePayroll staff::tpp::compute];
        TPP_MONTH => [GET ManagePayroll staff::tpp::run_page];
        // Approving and locking also need ApprovePayroll, checked by the handler.
        TPP_STATE => [POST ManagePayroll staff::tpp::advance];
        TPP_DISCARD => [POST ManagePayroll staff::tpp::discard::discard];
        TPP_EXPORT => [GET ManagePayroll staff::tpp::export];
        TPP_PAYABLE => [GET ManagePayroll staff::tpp::payable::payable_list];
        TPP_BANK_FILE => [GET ApprovePayroll staff::tpp::payable::bank_file];
        OFFICER_DEPARTURE => [
            GET ImportOrganisation staff::departure::form,
            POST ImportOrganisation staff::departure::submit,
        ];
        ORG_EDIT => [
            GET ImportOrganisation staff::edit_row::form,
            POST ImportOrganisation staff::edit_row::save,
        ];
        TPP_EXPLAIN => [GET ViewOfficer staff::my_tpp::explain];
        TPP_APPEAL => [POST AppealResponses staff::my_tpp::file_appeal];
        APPEALS => [
            GET DecideAppeals staff::appeals::appeals,
            POST DecideAppeals staff::appeals::decide,
        ];
        MUSRENA_FORUMS => [
            GET ManageMusrena musrena::staff::forums,
            POST ManageMusrena musrena::staff::create_forum,
        ];
        MUSRENA_FORUM => [GET ManageMusrena musrena::staff::forum];
        MUSRENA_SCORES => [POST ManageMusrena musrena::staff::save_scores];
        MUSRENA_OFFLINE => [
            GET ManageMusrena musrena::staff::offline_page,
            POST ManageMusrena musrena::staff::record_offline,
        ];
        MUSRENA_PROPOSAL_FORM => [
            GET ManageMusrena musrena::staff::proposal_form,
            POST ManageMusrena musrena::staff::add_proposal,
        ] limit musrena::staff::MAX_PROPOSAL_UPLOAD_BYTES;
        // Accepting, budgeting and implementing also need DecidePlanning, checked by the handler.
        MUSRENA_STEP => [POST ManageMusrena musrena::staff::apply_step];
        MUSRENA_MANAGE => [GET ManageMusrena musrena::staff::manage];
        MUSRENA_PROGRESS => [
            POST DecidePlanning musrena::staff::add_progress,
        ] limit musrena::staff::MAX_PROPOSAL_UPLOAD_BYTES;
        MUSRENA_RECOMMEND => [POST ManageMusrena musrena::staff::recommend];
        MUSRENA_SPLIT => [POST ManageMusrena musrena::staff::split];
        MUSRENA_DISTRICT => [GET ManageMusrena musrena::staff::district];
        MUSRENA_MERGE => [POST ManageMusrena musrena::staff::merge];
        MUSRENA_EXPORT => [GET DecidePlanning musrena::staff::export];
        // Registering also needs the unit to be the user's, checked by the handler.
        INNOVATION_REGISTRY => [
            GET SignedIn innovation::registry::registry,
            POST ManageInnovation innovation::registry::register,
        ];
        // Declining also needs the idea's unit to be the user's, checked by the handler.
        INNOVATION_IDEAS => [
            GET SignedIn innovation::ideas::ideas,
            POST SignedIn innovation::ideas::change,
        ];
        INNOVATION_SUMMARY => [GET ViewDashboard innovation::summary::summary];
        INNOVATION_INDEX => [GET ViewDashboard innovation::export::export];
        // The innovation's unit must be the user's, checked by the handler (also below).
        INNOVATION_MANAGE => [
            GET ManageInnovation innovation::manage::manage,
            POST ManageInnovation innovation::manage::change,
        ];
        INNOVATION_EDIT => [
            GET ManageInnovation innovation::edit::edit_form,
            POST ManageInnovation innovation::edit::edit,
        ];
        INNOVATION_EVIDENCE_UPLOAD => [
            POST ManageInnovation innovation::manage::upload_evidence,
        ] limit innovation::manage::MAX_EVIDENCE_UPLOAD_BYTES;
    }
    public {
        LOGIN => [
            GET staff::login::form,
            POST staff::login::submit,
        ];
        SSO_START => [GET staff::sso::start];
        SSO_RETURN => [GET staff::sso::finish];
        FORGOT_PASSWORD => [
            GET staff::password_reset::forgot_form,
            POST staff::password_reset::forgot_submit,
        ];
        RESET_PASSWORD => [
            GET staff::password_reset::reset_form,
            POST staff::password_reset::reset_submit,
        ];
        HOME => [GET pages::home::show];
        HEALTH => [GET api::health];
        READY => [GET api::ready];
        METRICS => [GET crate::metrics::render];
        OPENAPI => [GET crate::openapi::openapi];
        API_RESPONSES => [POST pages::survey::post::post_response];
        API_UNITS => [GET api::units];
        API_UNIT_IKM => [GET api::unit_ikm];
        API_TICKETS => [POST tickets::issue_by_api];
        API_RECEIPT => [GET api::receipts::receipt];
        API_LOG_HEADS => [GET api::log::heads];
        API_LOG_CONSISTENCY => [GET api::log::consistency];
        LOG_CHECKPOINT => [GET api::tiles::checkpoint];
        LOG_TILE => [GET api::tiles::tile];
        RECEIPT => [GET pages::receipt::show];
        RECEIPT_LOOKUP => [GET pages::receipt::lookup];
        TRANSPARENCY => [GET pages::transparency::show];
        TRANSPARENCY_LOG => [GET pages::log_history::show];
        MUSRENA_LIST => [GET musrena::public::list];
        MUSRENA_STATISTICS => [GET musrena::public::statistics];
        MUSRENA_TRACKER => [GET musrena::public::tracker];
        MUSRENA_PHOTO => [GET musrena::public::photo];
        MUSRENA_PROGRESS_PHOTO => [GET musrena::public::progress_photo];
        MUSRENA_RAB => [GET musrena::public::rab];
        MUSRENA_MAP => [GET musrena::map::map];
        API_MUSRENA_PROPOSALS => [GET api::musrena::proposals];
        API_MUSRENA_GEOJSON => [GET api::musrena::proposals_geojson];
        INNOVATIONS => [GET innovation::public::gallery];
        INNOVATION_PROFILE => [GET innovation::public::profile];
        INNOVATION_EVIDENCE => [GET innovation::public::evidence];
        API_INNOVATIONS => [GET api::innovations::innovations];
        SURVEY => [GET pages::survey::form];
        TICKET_SURVEY => [GET pages::survey::ticket_form];
        POSTER_POINT_SVG => [GET posters::point_svg];
        POSTER_POINT_PNG => [GET posters::point_png];
        POSTER_OFFICER_SVG => [GET posters::officer_svg];
        POSTER_OFFICER_PNG => [GET posters::officer_png];
        KIOSK => [
            GET pages::kiosk::form,
            POST pages::kiosk::submit,
        ];
        STYLESHEET => [GET pages::stylesheet];
        KIOSK_SCRIPT => [GET pages::kiosk_script];
        FORUM_OFFLINE_SCRIPT => [GET pages::forum_offline_script];
        QUEUE_SCRIPT => [GET pages::queue_script];
        FAVICON => [GET pages::favicon];
        ROBOTS => [GET pages::robots];
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_staff_path_has_one_rule_per_method() {
        let mut seen = std::collections::HashSet::new();
        for rule in STAFF_ROUTES {
            assert!(
                seen.insert((rule.method.clone(), rule.path)),
                "{}",
                rule.path
            );
        }
    }

    #[test]
    fn every_path_is_routed_once() {
        let mut routed: Vec<&str> = STAFF_ROUTES.iter().map(|r| r.path).collect();
        routed.dedup();
        routed.extend(PUBLIC_PATHS);
        routed.sort_unstable();
        let mut named = routes::ALL.to_vec();
        named.sort_unstable();
        assert_eq!(routed, named);
    }
}
