//! Every path the server answers, named once: the constants and the typed URL builders the
//! pages use instead of hand-typed paths. What answers each path, and with which
//! permission, is the route table in `crate::router`; this module imports nothing of the
//! crate, so every page may link to every other without a circle.

/// Where the documentation book is served, when the server has it (`crate::book`).
pub const BOOK: &str = "/panduan";
/// The book's first page.
pub const BOOK_INDEX: &str = "/panduan/";

/// A page of the book, such as `tpp-policy.html`.
pub fn book_page(page: &str) -> String {
    format!("{BOOK}/{page}")
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

macro_rules! paths {
    ($( $(#[$doc:meta])* $name:ident $build:ident($($param:ident),*) = $path:literal; )*) => {
        $( $(#[$doc])* pub const $name: &str = $path; )*

        $( pub fn $build($($param: &str),*) -> String { fill($path, &[$($param),*]) } )*

        /// Every path the server answers (`crate::router` routes each once).
        pub const ALL: &[&str] = &[ $( $path, )* ];
    };
}

paths! {
    LOGOUT logout() = "/keluar";
    /// The second step of signing in for the roles that touch pay: an authenticator
    /// app's code (or a recovery code), and setting the app up the first time.
    SECOND_FACTOR second_factor() = "/masuk/kode";
    SECOND_FACTOR_SETUP second_factor_setup() = "/masuk/kode-baru";
    MY_ACCOUNT my_account() = "/akun";
    /// Where the account's alerts and "lupa kata sandi" links go.
    MY_EMAIL my_email() = "/akun/email";
    ACCOUNT_ACTION account_action() = "/admin/akun/tindakan";
    DASHBOARD dashboard() = "/dasbor";
    /// Every regency side by side, for the province's accounts.
    PROVINCE province() = "/provinsi";
    /// The province's table of service codes, replaced from a file.
    PROVINCE_SERVICE_MAP province_service_map() = "/provinsi/padanan";
    DASHBOARD_UNIT dashboard_unit(unit) = "/dasbor/unit/{unit}";
    DASHBOARD_OFFICER dashboard_officer(nip) = "/dasbor/pegawai/{nip}";
    UNIT_REPORT unit_report(unit) = "/dasbor/unit/{unit}/laporan";
    RESULTS_EXPORT results_export() = "/dasbor/ekspor";
    UNIT_SUGGESTIONS unit_suggestions(unit) = "/dasbor/unit/{unit}/saran";
    UNIT_FOLLOW_UP unit_follow_up(unit) = "/dasbor/unit/{unit}/tindak-lanjut";
    /// A unit's past SKM from Google Forms or LimeSurvey, for its trend.
    UNIT_HISTORY unit_history(unit) = "/dasbor/unit/{unit}/riwayat";
    UNIT_HISTORY_REMOVE unit_history_remove(unit) = "/dasbor/unit/{unit}/riwayat/hapus";
    /// How each service of a unit asks its survey: its own words, its extra questions.
    UNIT_SURVEY unit_survey(unit) = "/dasbor/unit/{unit}/kuesioner";
    IMPORT import() = "/admin/impor";
    IMPORT_TEMPLATE import_template(table) = "/admin/impor/templat/{table}";
    AUDIT audit() = "/admin/audit";
    /// The regency's letterhead on its printed reports.
    LETTERHEAD letterhead() = "/admin/kop-surat";
    ACCOUNTS accounts() = "/admin/akun";
    OFFICER_ACCOUNTS officer_accounts() = "/admin/akun/pegawai";
    COUNTER counter() = "/loket";
    QUARANTINE quarantine() = "/admin/karantina";
    KIOSKS kiosks() = "/loket/kios";
    KIOSK_APPROVALS kiosk_approvals() = "/admin/kios";
    EVIDENCE_SOURCES evidence_sources() = "/admin/sumber-bukti";
    TPP tpp() = "/tpp";
    TPP_IMPORT tpp_import() = "/tpp/impor";
    TPP_POLICY tpp_policy() = "/tpp/kebijakan";
    TPP_RUN tpp_run() = "/tpp/hitung";
    TPP_MONTH tpp_month(month) = "/tpp/{month}";
    TPP_STATE tpp_state(month) = "/tpp/{month}/status";
    TPP_DISCARD tpp_discard(month) = "/tpp/{month}/buang";
    TPP_EXPORT tpp_export(month) = "/tpp/{month}/ekspor";
    TPP_PAYABLE tpp_payable(month) = "/tpp/{month}/daftar-nominatif";
    TPP_BANK_FILE tpp_bank_file(month) = "/tpp/{month}/berkas-bank";
    /// An officer leaving the regency's service (BKPSDM, administrators).
    OFFICER_DEPARTURE officer_departure(nip) = "/dasbor/pegawai/{nip}/berhenti";
    /// One unit, service, service point or officer, changed as an import of that row.
    ORG_EDIT org_edit(what, id) = "/admin/ubah/{what}/{id}";
    TPP_EXPLAIN tpp_explain(nip) = "/dasbor/pegawai/{nip}/tpp";
    TPP_APPEAL tpp_appeal(nip) = "/dasbor/pegawai/{nip}/banding";
    APPEALS appeals() = "/admin/banding";
    MUSRENA_FORUMS musrena_forums() = "/musrena/forum";
    MUSRENA_FORUM musrena_forum(forum) = "/musrena/forum/{forum}";
    MUSRENA_SCORES musrena_scores(forum) = "/musrena/forum/{forum}/nilai";
    MUSRENA_OFFLINE musrena_offline(forum) = "/musrena/forum/{forum}/luring";
    MUSRENA_PROPOSAL_FORM musrena_proposal_form(forum) = "/musrena/forum/{forum}/usulan";
    MUSRENA_STEP musrena_step() = "/musrena/langkah";
    MUSRENA_MANAGE musrena_manage(code) = "/musrena/kelola/{code}";
    MUSRENA_PROGRESS musrena_progress(code) = "/musrena/kelola/{code}/kemajuan";
    MUSRENA_RECOMMEND musrena_recommend(code) = "/musrena/kelola/{code}/rekomendasi";
    MUSRENA_SPLIT musrena_split(code) = "/musrena/kelola/{code}/pecah";
    MUSRENA_DISTRICT musrena_district(district) = "/musrena/kecamatan/{district}";
    MUSRENA_MERGE musrena_merge(district) = "/musrena/kecamatan/{district}/gabung";
    MUSRENA_EXPORT musrena_export() = "/musrena/ekspor";
    INNOVATION_REGISTRY innovation_registry() = "/kelola/inovasi";
    INNOVATION_IDEAS innovation_ideas() = "/kelola/inovasi/ide";
    INNOVATION_SUMMARY innovation_summary() = "/kelola/inovasi/ringkasan";
    INNOVATION_INDEX innovation_index() = "/kelola/inovasi/indeks";
    INNOVATION_MANAGE innovation_manage(id) = "/kelola/inovasi/{id}";
    INNOVATION_EDIT innovation_edit(id) = "/kelola/inovasi/{id}/ubah";
    INNOVATION_EVIDENCE_UPLOAD innovation_evidence_upload(id) = "/kelola/inovasi/{id}/bukti";
    LOGIN login() = "/masuk";
    /// Single sign-on through the regency's identity provider, where one is set.
    SSO_START sso_start() = "/masuk/sso";
    SSO_RETURN sso_return() = "/masuk/sso/kembali";
    FORGOT_PASSWORD forgot_password() = "/lupa-kata-sandi";
    /// A one-time link sent by e-mail.
    RESET_PASSWORD reset_password(token) = "/atur-ulang-kata-sandi/{token}";
    HOME home() = "/";
    HEALTH health() = "/health";
    READY ready() = "/ready";
    METRICS metrics() = "/metrics";
    OPENAPI openapi() = "/api/openapi.json";
    API_RESPONSES api_responses() = "/api/v1/responses";
    API_UNITS api_units() = "/api/v1/units";
    API_UNIT_IKM api_unit_ikm(unit) = "/api/v1/units/{unit}/ikm";
    API_TICKETS api_tickets() = "/api/v1/tickets";
    API_RECEIPT api_receipt(receipt) = "/api/v1/receipts/{receipt}";
    API_LOG_HEADS api_log_heads() = "/api/v1/log/heads";
    API_LOG_CONSISTENCY api_log_consistency() = "/api/v1/log/consistency";
    LOG_CHECKPOINT log_checkpoint(tenant) = "/log/{tenant}/checkpoint";
    LOG_TILE log_tile(tenant, path) = "/log/{tenant}/tile/{*path}";
    RECEIPT receipt(receipt) = "/tanda-terima/{receipt}";
    RECEIPT_LOOKUP receipt_lookup() = "/tanda-terima";
    TRANSPARENCY transparency() = "/transparansi";
    TRANSPARENCY_LOG transparency_log() = "/transparansi/log";
    MUSRENA_LIST musrena_list() = "/musrena";
    MUSRENA_STATISTICS musrena_statistics() = "/musrena/statistik";
    MUSRENA_TRACKER musrena_tracker(code) = "/musrena/usulan/{code}";
    MUSRENA_PHOTO musrena_photo(code, n) = "/musrena/usulan/{code}/foto/{n}";
    MUSRENA_PROGRESS_PHOTO musrena_progress_photo(code, n) = "/musrena/usulan/{code}/kemajuan/{n}";
    MUSRENA_RAB musrena_rab(code) = "/musrena/usulan/{code}/rab";
    MUSRENA_MAP musrena_map() = "/musrena/peta";
    API_MUSRENA_PROPOSALS api_musrena_proposals() = "/api/v1/musrena/proposals";
    API_MUSRENA_GEOJSON api_musrena_geojson() = "/api/v1/musrena/proposals.geojson";
    INNOVATIONS innovations() = "/inovasi";
    INNOVATION_PROFILE innovation_profile(id) = "/inovasi/{id}";
    INNOVATION_EVIDENCE innovation_evidence(id, n) = "/inovasi/{id}/bukti/{n}";
    API_INNOVATIONS api_innovations() = "/api/v1/innovations";
    SURVEY survey(unit) = "/survei/{unit}";
    TICKET_SURVEY ticket_survey(code) = "/t/{code}";
    POSTER_POINT_SVG poster_point_svg(point) = "/poster/titik/{point}/svg";
    POSTER_POINT_PNG poster_point_png(point) = "/poster/titik/{point}/png";
    POSTER_OFFICER_SVG poster_officer_svg(nip) = "/poster/pegawai/{nip}/svg";
    POSTER_OFFICER_PNG poster_officer_png(nip) = "/poster/pegawai/{nip}/png";
    KIOSK kiosk(point) = "/kios/{point}";
    STYLESHEET stylesheet() = "/static/suara.css";
    KIOSK_SCRIPT kiosk_script() = "/static/kios.js";
    FORUM_OFFLINE_SCRIPT forum_offline_script() = "/static/forum-luring.js";
    QUEUE_SCRIPT queue_script() = "/static/queue.js";
    FAVICON favicon() = "/favicon.svg";
    ROBOTS robots() = "/robots.txt";
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
}
