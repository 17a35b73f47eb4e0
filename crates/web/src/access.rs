//! Deny by default: every staff route is listed here with the permission it needs, and the
//! access check refuses any staff request whose route is not listed. The route × role test
//! walks this table, so a new route cannot ship without a rule and a test.

use std::sync::Arc;

use axum::extract::{MatchedPath, Request, State};
use axum::http::{Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use suara_domain::access::Permission;
use time::OffsetDateTime;

use crate::auth::{cookie, token_hash, Staff, SESSION_COOKIE};
use crate::i18n::Lang;
use crate::pages::message_page;
use crate::AppState;

pub const LOGIN: &str = "/masuk";
pub const LOGOUT: &str = "/keluar";
pub const MY_ACCOUNT: &str = "/akun";
pub const DASHBOARD: &str = "/dasbor";
pub const DASHBOARD_UNIT: &str = "/dasbor/unit/{unit}";
pub const DASHBOARD_OFFICER: &str = "/dasbor/pegawai/{nip}";
pub const UNIT_REPORT: &str = "/dasbor/unit/{unit}/laporan";
pub const RESULTS_EXPORT: &str = "/dasbor/ekspor";
pub const UNIT_FOLLOW_UP: &str = "/dasbor/unit/{unit}/tindak-lanjut";
pub const IMPORT: &str = "/admin/impor";
pub const AUDIT: &str = "/admin/audit";
pub const ACCOUNTS: &str = "/admin/akun";
pub const ACCOUNT_ACTION: &str = "/admin/akun/tindakan";
pub const COUNTER: &str = "/loket";
pub const QUARANTINE: &str = "/admin/karantina";
pub const KIOSKS: &str = "/loket/kios";
pub const TPP: &str = "/tpp";
pub const TPP_IMPORT: &str = "/tpp/impor";
pub const TPP_POLICY: &str = "/tpp/kebijakan";
pub const TPP_RUN: &str = "/tpp/hitung";
pub const TPP_MONTH: &str = "/tpp/{month}";
pub const TPP_STATE: &str = "/tpp/{month}/status";
pub const TPP_EXPORT: &str = "/tpp/{month}/ekspor";
pub const TPP_EXPLAIN: &str = "/dasbor/pegawai/{nip}/tpp";
pub const TPP_APPEAL: &str = "/dasbor/pegawai/{nip}/banding";
pub const APPEALS: &str = "/admin/banding";
pub const MUSRENA_FORUMS: &str = "/musrena/forum";
pub const MUSRENA_FORUM: &str = "/musrena/forum/{forum}";
pub const MUSRENA_SCORES: &str = "/musrena/forum/{forum}/nilai";
pub const MUSRENA_PROPOSAL_FORM: &str = "/musrena/forum/{forum}/usulan";
pub const MUSRENA_STEP: &str = "/musrena/langkah";
pub const MUSRENA_MANAGE: &str = "/musrena/kelola/{code}";
pub const MUSRENA_EXPORT: &str = "/musrena/ekspor";

pub struct StaffRoute {
    pub method: Method,
    pub path: &'static str,
    pub permission: Permission,
}

const fn route(method: Method, path: &'static str, permission: Permission) -> StaffRoute {
    StaffRoute {
        method,
        path,
        permission,
    }
}

/// Every route that needs a signed-in user.
pub const STAFF_ROUTES: &[StaffRoute] = &[
    route(Method::POST, LOGOUT, Permission::SignedIn),
    route(Method::GET, MY_ACCOUNT, Permission::SignedIn),
    route(Method::POST, MY_ACCOUNT, Permission::SignedIn),
    route(Method::GET, DASHBOARD, Permission::ViewDashboard),
    route(Method::GET, DASHBOARD_UNIT, Permission::ViewDashboard),
    route(Method::GET, DASHBOARD_OFFICER, Permission::ViewOfficer),
    route(Method::GET, UNIT_REPORT, Permission::ViewDashboard),
    route(Method::GET, RESULTS_EXPORT, Permission::ViewDashboard),
    // The unit must also be in a unit admin's subtree, checked by the handler.
    route(Method::POST, UNIT_FOLLOW_UP, Permission::ManageFollowUp),
    route(Method::GET, IMPORT, Permission::ImportOrganisation),
    route(Method::POST, IMPORT, Permission::ImportOrganisation),
    route(Method::GET, AUDIT, Permission::ViewAuditLog),
    route(Method::GET, ACCOUNTS, Permission::ManageAccounts),
    route(Method::POST, ACCOUNTS, Permission::ManageAccounts),
    route(Method::POST, ACCOUNT_ACTION, Permission::ManageAccounts),
    route(Method::GET, COUNTER, Permission::IssueTickets),
    route(Method::POST, COUNTER, Permission::IssueTickets),
    route(Method::GET, QUARANTINE, Permission::ReviewQuarantine),
    route(Method::POST, QUARANTINE, Permission::ReviewQuarantine),
    route(Method::GET, KIOSKS, Permission::ManageKiosks),
    route(Method::POST, KIOSKS, Permission::ManageKiosks),
    route(Method::GET, TPP, Permission::ManagePayroll),
    route(Method::POST, TPP_IMPORT, Permission::ManagePayroll),
    route(Method::GET, TPP_POLICY, Permission::ManagePayroll),
    route(Method::POST, TPP_POLICY, Permission::ManagePayroll),
    route(Method::POST, TPP_RUN, Permission::ManagePayroll),
    route(Method::GET, TPP_MONTH, Permission::ManagePayroll),
    // Approving and locking also need ApprovePayroll, checked by the handler.
    route(Method::POST, TPP_STATE, Permission::ManagePayroll),
    route(Method::GET, TPP_EXPORT, Permission::ManagePayroll),
    route(Method::GET, TPP_EXPLAIN, Permission::ViewOfficer),
    route(Method::POST, TPP_APPEAL, Permission::AppealResponses),
    route(Method::GET, APPEALS, Permission::DecideAppeals),
    route(Method::POST, APPEALS, Permission::DecideAppeals),
    route(Method::GET, MUSRENA_FORUMS, Permission::ManageMusrena),
    route(Method::POST, MUSRENA_FORUMS, Permission::ManageMusrena),
    route(Method::GET, MUSRENA_FORUM, Permission::ManageMusrena),
    route(Method::POST, MUSRENA_SCORES, Permission::ManageMusrena),
    route(
        Method::GET,
        MUSRENA_PROPOSAL_FORM,
        Permission::ManageMusrena,
    ),
    route(
        Method::POST,
        MUSRENA_PROPOSAL_FORM,
        Permission::ManageMusrena,
    ),
    // Accepting, budgeting and implementing also need DecidePlanning, checked by the handler.
    route(Method::POST, MUSRENA_STEP, Permission::ManageMusrena),
    route(Method::GET, MUSRENA_MANAGE, Permission::ManageMusrena),
    route(Method::GET, MUSRENA_EXPORT, Permission::DecidePlanning),
];

/// Middleware of the staff router: finds the route's rule and the session, and either
/// passes the request on with [`Staff`] attached or answers 303 (sign in first) / 403.
pub async fn authorize(
    State(app): State<Arc<AppState>>,
    mut request: Request,
    next: Next,
) -> Response {
    let lang = Lang::from_query(request.uri().query());
    let path = request
        .extensions()
        .get::<MatchedPath>()
        .map(|p| p.as_str().to_string());
    let rule = path.as_deref().and_then(|path| {
        STAFF_ROUTES
            .iter()
            .find(|r| r.path == path && r.method == request.method())
    });
    let Some(rule) = rule else {
        tracing::error!(?path, method = %request.method(), "staff route without an access rule");
        return forbidden(lang);
    };
    let session = match cookie(request.headers(), SESSION_COOKIE) {
        Some(token) => {
            app.store
                .session(&token_hash(&token), OffsetDateTime::now_utc())
                .await
        }
        None => Ok(None),
    };
    let session = match session {
        Ok(session) => session,
        Err(error) => return crate::ApiError::from(error).into_response(),
    };
    let Some(session) = session else {
        if request.method() == Method::GET {
            let here = request.uri().to_string();
            let next =
                serde_urlencoded::to_string([("next", here.as_str()), ("lang", lang.code())])
                    .unwrap_or_default();
            return Redirect::to(&format!("{LOGIN}?{next}")).into_response();
        }
        return message_page(
            StatusCode::UNAUTHORIZED,
            lang,
            lang.pick("Silakan masuk dulu", "Please sign in first"),
            lang.pick(
                "Sesi Anda berakhir. Masuk lagi lalu ulangi.",
                "Your session has ended. Sign in again and retry.",
            ),
            LOGIN,
        );
    };
    let principal = session.account.principal();
    if !principal.may(rule.permission) {
        return forbidden(lang);
    }
    request
        .extensions_mut()
        .insert(Staff { session, principal });
    next.run(request).await
}

pub fn forbidden(lang: Lang) -> Response {
    message_page(
        StatusCode::FORBIDDEN,
        lang,
        lang.pick("Tidak diizinkan", "Not allowed"),
        lang.pick(
            "Akun Anda tidak berhak membuka halaman ini.",
            "Your account may not open this page.",
        ),
        DASHBOARD,
    )
}
