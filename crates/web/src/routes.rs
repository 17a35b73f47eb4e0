//! The one route table. From it come the router, the staff access table (every staff route
//! with the permission it needs; deny by default) and the typed URL builders the pages use
//! instead of hand-typed paths.

use std::sync::Arc;

use axum::extract::DefaultBodyLimit;
use axum::http::Method;
use axum::routing::{MethodFilter, MethodRouter};
use axum::Router;
use suara_domain::access::Permission;

use crate::pages::{self, innovation, musrena, staff};
use crate::{api, posters, submit, tickets, AppState};

/// Where the documentation book is served, when the server has it (`crate::book`).
pub const BOOK: &str = "/panduan";
/// The book's first page.
pub const BOOK_INDEX: &str = "/panduan/";

/// A page of the book, such as `tpp-policy.html`.
pub fn book_page(page: &str) -> String {
    format!("{BOOK}/{page}")
}

/// One staff route's rule.
pub struct StaffRoute {
    pub method: Method,
    pub path: &'static str,
    pub permission: Permission,
}

/// Path segments keep letters, digits and `-_.~`; anything else is percent-encoded, so no
/// value can end a segment early.
const SEGMENT: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// A path pattern with its `{name}` parameters filled in order.
fn fill(pattern: &str, values: &[&str]) -> String {
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut values = values.iter();
    let mut rest = pattern;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let close = rest[open..].find('}').map_or(rest.len(), |c| open + c + 1);
        if let Some(value) = values.next() {
            out.extend(percent_encoding::utf8_percent_encode(value, SEGMENT));
        }
        rest = &rest[close..];
    }
    out.push_str(rest);
    out
}

macro_rules! route_table {
    (
        staff { $(
            $(#[$sdoc:meta])*
            $sconst:ident $sbuild:ident($($sparam:ident),*) = $spath:literal
                => [$($smethod:ident $sperm:ident $shandler:expr),+ $(,)?] $(limit $slimit:expr)?;
        )* }
        public { $(
            $(#[$pdoc:meta])*
            $pconst:ident $pbuild:ident($($pparam:ident),*) = $ppath:literal
                => [$($pmethod:ident $phandler:expr),+ $(,)?];
        )* }
    ) => {
        $( $(#[$sdoc])* pub const $sconst: &str = $spath; )*
        $( $(#[$pdoc])* pub const $pconst: &str = $ppath; )*

        $(
            pub fn $sbuild($($sparam: &str),*) -> String { fill($spath, &[$($sparam),*]) }
        )*
        $(
            pub fn $pbuild($($pparam: &str),*) -> String { fill($ppath, &[$($pparam),*]) }
        )*

        /// Every route that needs a signed-in user, with the permission it needs.
        pub const STAFF_ROUTES: &[StaffRoute] = &[
            $( $( StaffRoute { method: Method::$smethod, path: $spath, permission: Permission::$sperm }, )+ )*
        ];

        /// Every path anyone may use.
        pub const PUBLIC_PATHS: &[&str] = &[ $( $ppath, )* ];

        /// The staff routes (the caller adds the access check around them).
        pub(crate) fn staff_router() -> Router<Arc<AppState>> {
            Router::new()
                $( .route($spath, {
                    let methods = MethodRouter::new()
                        $( .on(MethodFilter::$smethod, $shandler) )+;
                    $( let methods = methods.layer(DefaultBodyLimit::max($slimit)); )?
                    methods
                }) )*
        }

        /// The routes anyone may use.
        pub(crate) fn public_router() -> Router<Arc<AppState>> {
            Router::new()
                $( .route($ppath, MethodRouter::new() $( .on(MethodFilter::$pmethod, $phandler) )+ ) )*
        }
    };
}

route_table! {
    staff {
        LOGOUT logout() = "/keluar" => [POST SignedIn staff::login::logout];
        /// The second step of signing in for the roles that touch pay: an authenticator
        /// app's code (or a recovery code), and setting the app up the first time.
        SECOND_FACTOR second_factor() = "/masuk/kode" => [
            GET SignedIn staff::second_factor::form,
            POST SignedIn staff::second_factor::submit,
        ];
        SECOND_FACTOR_SETUP second_factor_setup() = "/masuk/kode-baru" => [
            GET SignedIn staff::second_factor::setup::form,
            POST SignedIn staff::second_factor::setup::submit,
        ];
        MY_ACCOUNT my_account() = "/akun" => [
            GET SignedIn staff::accounts::my_account,
            POST SignedIn staff::accounts::change_password,
        ];
        /// Where the account's alerts and "lupa kata sandi" links go.
        MY_EMAIL my_email() = "/akun/email" => [POST SignedIn staff::accounts::change_email];
        ACCOUNT_ACTION account_action() = "/admin/akun/tindakan" => [POST ManageAccounts staff::accounts::account_action];
        DASHBOARD dashboard() = "/dasbor" => [GET ViewDashboard staff::dashboard::regency];
        /// Every regency side by side, for the province's accounts.
        PROVINCE province() = "/provinsi" => [GET ViewProvince crate::pages::province::show];
        DASHBOARD_UNIT dashboard_unit(unit) = "/dasbor/unit/{unit}" => [GET ViewDashboard staff::dashboard::unit];
        DASHBOARD_OFFICER dashboard_officer(nip) = "/dasbor/pegawai/{nip}" => [GET ViewOfficer staff::dashboard::officer];
        UNIT_REPORT unit_report(unit) = "/dasbor/unit/{unit}/laporan" => [GET ViewDashboard staff::dashboard::report];
        RESULTS_EXPORT results_export() = "/dasbor/ekspor" => [GET ViewDashboard staff::dashboard::export];
        /// The unit must be the user's, checked by the handler.
        UNIT_SUGGESTIONS unit_suggestions(unit) = "/dasbor/unit/{unit}/saran" => [
            GET ReviewSuggestions staff::suggestions::show,
            POST ReviewSuggestions staff::suggestions::review,
        ];
        /// The unit must also be in a unit admin's subtree, checked by the handler.
        UNIT_FOLLOW_UP unit_follow_up(unit) = "/dasbor/unit/{unit}/tindak-lanjut" => [POST ManageFollowUp staff::follow_up::change];
        IMPORT import() = "/admin/impor" => [
            GET ImportOrganisation staff::import::import_page,
            POST ImportOrganisation staff::import::import_submit,
        ] limit staff::import::MAX_IMPORT_BYTES;
        IMPORT_TEMPLATE import_template(table) = "/admin/impor/templat/{table}" => [GET ImportOrganisation staff::import::template];
        AUDIT audit() = "/admin/audit" => [GET ViewAuditLog staff::audit::audit];
        ACCOUNTS accounts() = "/admin/akun" => [
            GET ManageAccounts staff::users::accounts,
            POST ManageAccounts staff::users::create_account,
        ];
        OFFICER_ACCOUNTS officer_accounts() = "/admin/akun/pegawai" => [
            GET ManageAccounts staff::officer_accounts::form,
            POST ManageAccounts staff::officer_accounts::open,
        ];
        COUNTER counter() = "/loket" => [
            GET IssueTickets staff::counter::counter_page,
            POST IssueTickets staff::counter::issue,
        ];
        QUARANTINE quarantine() = "/admin/karantina" => [
            GET ReviewQuarantine staff::quarantine::show,
            POST ReviewQuarantine staff::quarantine::decide,
        ];
        KIOSKS kiosks() = "/loket/kios" => [
            GET ManageKiosks staff::kiosks::kiosks,
            POST ManageKiosks staff::kiosks::change,
        ];
        KIOSK_APPROVALS kiosk_approvals() = "/admin/kios" => [
            GET ApproveKiosks staff::kiosk_approvals::show,
            POST ApproveKiosks staff::kiosk_approvals::approve,
        ];
        EVIDENCE_SOURCES evidence_sources() = "/admin/sumber-bukti" => [
            GET ConfirmEvidenceSources staff::evidence_sources::show,
            POST ConfirmEvidenceSources staff::evidence_sources::confirm,
        ];
        TPP tpp() = "/tpp" => [GET ManagePayroll staff::tpp::overview];
        TPP_IMPORT tpp_import() = "/tpp/impor" => [POST ManagePayroll staff::tpp::import] limit staff::tpp::MAX_TPP_UPLOAD_BYTES;
        TPP_POLICY tpp_policy() = "/tpp/kebijakan" => [
            GET ManagePayroll staff::tpp::policies,
            POST ManagePayroll staff::tpp::save_policy,
        ];
        TPP_RUN tpp_run() = "/tpp/hitung" => [POST ManagePayroll staff::tpp::compute];
        TPP_MONTH tpp_month(month) = "/tpp/{month}" => [GET ManagePayroll staff::tpp::run_page];
        /// Approving and locking also need ApprovePayroll, checked by the handler.
        TPP_STATE tpp_state(month) = "/tpp/{month}/status" => [POST ManagePayroll staff::tpp::advance];
        TPP_DISCARD tpp_discard(month) = "/tpp/{month}/buang" => [POST ManagePayroll staff::tpp::discard::discard];
        TPP_EXPORT tpp_export(month) = "/tpp/{month}/ekspor" => [GET ManagePayroll staff::tpp::export];
        TPP_PAYABLE tpp_payable(month) = "/tpp/{month}/daftar-nominatif" => [GET ManagePayroll staff::tpp::payable::payable_list];
        TPP_BANK_FILE tpp_bank_file(month) = "/tpp/{month}/berkas-bank" => [GET ApprovePayroll staff::tpp::payable::bank_file];
        /// An officer leaving the regency's service (BKPSDM, administrators).
        OFFICER_DEPARTURE officer_departure(nip) = "/dasbor/pegawai/{nip}/berhenti" => [
            GET ImportOrganisation staff::departure::form,
            POST ImportOrganisation staff::departure::submit,
        ];
        /// One unit, service, service point or officer, changed as an import of that row.
        ORG_EDIT org_edit(what, id) = "/admin/ubah/{what}/{id}" => [
            GET ImportOrganisation staff::edit_row::form,
            POST ImportOrganisation staff::edit_row::save,
        ];
        TPP_EXPLAIN tpp_explain(nip) = "/dasbor/pegawai/{nip}/tpp" => [GET ViewOfficer staff::my_tpp::explain];
        TPP_APPEAL tpp_appeal(nip) = "/dasbor/pegawai/{nip}/banding" => [POST AppealResponses staff::my_tpp::file_appeal];
        APPEALS appeals() = "/admin/banding" => [
            GET DecideAppeals staff::appeals::appeals,
            POST DecideAppeals staff::appeals::decide,
        ];
        MUSRENA_FORUMS musrena_forums() = "/musrena/forum" => [
            GET ManageMusrena musrena::staff::forums,
            POST ManageMusrena musrena::staff::create_forum,
        ];
        MUSRENA_FORUM musrena_forum(forum) = "/musrena/forum/{forum}" => [GET ManageMusrena musrena::staff::forum];
        MUSRENA_SCORES musrena_scores(forum) = "/musrena/forum/{forum}/nilai" => [POST ManageMusrena musrena::staff::save_scores];
        MUSRENA_OFFLINE musrena_offline(forum) = "/musrena/forum/{forum}/luring" => [
            GET ManageMusrena musrena::staff::offline_page,
            POST ManageMusrena musrena::staff::record_offline,
        ];
        MUSRENA_PROPOSAL_FORM musrena_proposal_form(forum) = "/musrena/forum/{forum}/usulan" => [
            GET ManageMusrena musrena::staff::proposal_form,
            POST ManageMusrena musrena::staff::add_proposal,
        ] limit musrena::staff::MAX_PROPOSAL_UPLOAD_BYTES;
        /// Accepting, budgeting and implementing also need DecidePlanning, checked by the handler.
        MUSRENA_STEP musrena_step() = "/musrena/langkah" => [POST ManageMusrena musrena::staff::apply_step];
        MUSRENA_MANAGE musrena_manage(code) = "/musrena/kelola/{code}" => [GET ManageMusrena musrena::staff::manage];
        MUSRENA_PROGRESS musrena_progress(code) = "/musrena/kelola/{code}/kemajuan" => [POST DecidePlanning musrena::staff::add_progress] limit musrena::staff::MAX_PROPOSAL_UPLOAD_BYTES;
        MUSRENA_RECOMMEND musrena_recommend(code) = "/musrena/kelola/{code}/rekomendasi" => [POST ManageMusrena musrena::staff::recommend];
        MUSRENA_SPLIT musrena_split(code) = "/musrena/kelola/{code}/pecah" => [POST ManageMusrena musrena::staff::split];
        MUSRENA_DISTRICT musrena_district(district) = "/musrena/kecamatan/{district}" => [GET ManageMusrena musrena::staff::district];
        MUSRENA_MERGE musrena_merge(district) = "/musrena/kecamatan/{district}/gabung" => [POST ManageMusrena musrena::staff::merge];
        MUSRENA_EXPORT musrena_export() = "/musrena/ekspor" => [GET DecidePlanning musrena::staff::export];
        /// Registering also needs the unit to be the user's, checked by the handler.
        INNOVATION_REGISTRY innovation_registry() = "/kelola/inovasi" => [
            GET SignedIn innovation::registry::registry,
            POST ManageInnovation innovation::registry::register,
        ];
        /// Declining also needs the idea's unit to be the user's, checked by the handler.
        INNOVATION_IDEAS innovation_ideas() = "/kelola/inovasi/ide" => [
            GET SignedIn innovation::ideas::ideas,
            POST SignedIn innovation::ideas::change,
        ];
        INNOVATION_SUMMARY innovation_summary() = "/kelola/inovasi/ringkasan" => [GET ViewDashboard innovation::summary::summary];
        INNOVATION_INDEX innovation_index() = "/kelola/inovasi/indeks" => [GET ViewDashboard innovation::export::export];
        /// The innovation's unit must be the user's, checked by the handler (also below).
        INNOVATION_MANAGE innovation_manage(id) = "/kelola/inovasi/{id}" => [
            GET ManageInnovation innovation::manage::manage,
            POST ManageInnovation innovation::manage::change,
        ];
        INNOVATION_EDIT innovation_edit(id) = "/kelola/inovasi/{id}/ubah" => [
            GET ManageInnovation innovation::edit::edit_form,
            POST ManageInnovation innovation::edit::edit,
        ];
        INNOVATION_EVIDENCE_UPLOAD innovation_evidence_upload(id) = "/kelola/inovasi/{id}/bukti" => [POST ManageInnovation innovation::manage::upload_evidence] limit innovation::manage::MAX_EVIDENCE_UPLOAD_BYTES;
    }
    public {
        LOGIN login() = "/masuk" => [GET staff::login::form, POST staff::login::submit];
        /// Single sign-on through the regency's identity provider, where one is set.
        SSO_START sso_start() = "/masuk/sso" => [GET staff::sso::start];
        SSO_RETURN sso_return() = "/masuk/sso/kembali" => [GET staff::sso::finish];
        FORGOT_PASSWORD forgot_password() = "/lupa-kata-sandi" => [GET staff::password_reset::forgot_form, POST staff::password_reset::forgot_submit];
        /// A one-time link sent by e-mail.
        RESET_PASSWORD reset_password(token) = "/atur-ulang-kata-sandi/{token}" => [GET staff::password_reset::reset_form, POST staff::password_reset::reset_submit];
        HOME home() = "/" => [GET pages::home::show];
        HEALTH health() = "/health" => [GET api::health];
        READY ready() = "/ready" => [GET api::ready];
        METRICS metrics() = "/metrics" => [GET crate::metrics::render];
        OPENAPI openapi() = "/api/openapi.json" => [GET api::openapi];
        API_RESPONSES api_responses() = "/api/v1/responses" => [POST submit::post_response];
        API_UNITS api_units() = "/api/v1/units" => [GET api::units];
        API_UNIT_IKM api_unit_ikm(unit) = "/api/v1/units/{unit}/ikm" => [GET api::unit_ikm];
        API_TICKETS api_tickets() = "/api/v1/tickets" => [POST tickets::issue_by_api];
        API_RECEIPT api_receipt(receipt) = "/api/v1/receipts/{receipt}" => [GET api::receipts::receipt];
        API_LOG_HEADS api_log_heads() = "/api/v1/log/heads" => [GET api::log::heads];
        API_LOG_CONSISTENCY api_log_consistency() = "/api/v1/log/consistency" => [GET api::log::consistency];
        RECEIPT receipt(receipt) = "/tanda-terima/{receipt}" => [GET pages::receipt::show];
        RECEIPT_LOOKUP receipt_lookup() = "/tanda-terima" => [GET pages::receipt::lookup];
        TRANSPARENCY transparency() = "/transparansi" => [GET pages::transparency::show];
        MUSRENA_LIST musrena_list() = "/musrena" => [GET musrena::public::list];
        MUSRENA_STATISTICS musrena_statistics() = "/musrena/statistik" => [GET musrena::public::statistics];
        MUSRENA_TRACKER musrena_tracker(code) = "/musrena/usulan/{code}" => [GET musrena::public::tracker];
        MUSRENA_PHOTO musrena_photo(code, n) = "/musrena/usulan/{code}/foto/{n}" => [GET musrena::public::photo];
        MUSRENA_PROGRESS_PHOTO musrena_progress_photo(code, n) = "/musrena/usulan/{code}/kemajuan/{n}" => [GET musrena::public::progress_photo];
        MUSRENA_RAB musrena_rab(code) = "/musrena/usulan/{code}/rab" => [GET musrena::public::rab];
        MUSRENA_MAP musrena_map() = "/musrena/peta" => [GET musrena::map::map];
        API_MUSRENA_PROPOSALS api_musrena_proposals() = "/api/v1/musrena/proposals" => [GET api::musrena::proposals];
        API_MUSRENA_GEOJSON api_musrena_geojson() = "/api/v1/musrena/proposals.geojson" => [GET api::musrena::proposals_geojson];
        INNOVATIONS innovations() = "/inovasi" => [GET innovation::public::gallery];
        INNOVATION_PROFILE innovation_profile(id) = "/inovasi/{id}" => [GET innovation::public::profile];
        INNOVATION_EVIDENCE innovation_evidence(id, n) = "/inovasi/{id}/bukti/{n}" => [GET innovation::public::evidence];
        API_INNOVATIONS api_innovations() = "/api/v1/innovations" => [GET api::innovations::innovations];
        SURVEY survey(unit) = "/survei/{unit}" => [GET pages::survey::form];
        TICKET_SURVEY ticket_survey(code) = "/t/{code}" => [GET pages::survey::ticket_form];
        POSTER_POINT_SVG poster_point_svg(point) = "/poster/titik/{point}/svg" => [GET posters::point_svg];
        POSTER_POINT_PNG poster_point_png(point) = "/poster/titik/{point}/png" => [GET posters::point_png];
        POSTER_OFFICER_SVG poster_officer_svg(nip) = "/poster/pegawai/{nip}/svg" => [GET posters::officer_svg];
        POSTER_OFFICER_PNG poster_officer_png(nip) = "/poster/pegawai/{nip}/png" => [GET posters::officer_png];
        KIOSK kiosk(point) = "/kios/{point}" => [GET pages::kiosk::form, POST pages::kiosk::submit];
        STYLESHEET stylesheet() = "/static/suara.css" => [GET pages::stylesheet];
        KIOSK_SCRIPT kiosk_script() = "/static/kios.js" => [GET pages::kiosk_script];
        FORUM_OFFLINE_SCRIPT forum_offline_script() = "/static/forum-luring.js" => [GET pages::forum_offline_script];
        QUEUE_SCRIPT queue_script() = "/static/queue.js" => [GET pages::queue_script];
        FAVICON favicon() = "/favicon.svg" => [GET pages::favicon];
        ROBOTS robots() = "/robots.txt" => [GET pages::robots];
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builders_fill_and_encode_parameters() {
        assert_eq!(dashboard_unit("dinkes"), "/dasbor/unit/dinkes");
        assert_eq!(musrena_photo("MR-1", "2"), "/musrena/usulan/MR-1/foto/2");
        assert_eq!(dashboard_unit("a/b c"), "/dasbor/unit/a%2Fb%20c");
        assert_eq!(dashboard(), DASHBOARD);
    }

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
}
