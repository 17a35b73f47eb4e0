//! `/transparansi`: every unit's IKM so far this year with its grade and the last three
//! months, the published follow-up plans and how far each has come, and where to check the
//! day's hash-chain head. Plain tables, no script, light for slow phones.

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::{OriginalUri, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use maud::html;
use suara_domain::period::{Month, Period};
use suara_domain::skm::{Tally, Weighting};
use suara_store::ScopeKind;
use time::OffsetDateTime;

use super::staff::follow_up::status_label;
use super::{layout, page, LangQuery};
use crate::i18n::{element_name, grade_label, Lang};
use crate::{ApiError, AppState};

pub const PATH: &str = "/transparansi";

fn ikm_text(tally: Option<&Tally>) -> (String, String, u64) {
    match tally.and_then(|t| t.score(Weighting::Exact).map(|s| (t.responses(), s))) {
        Some((n, s)) => (
            s.ikm_rounded().to_string(),
            s.grade().letter().to_string(),
            n,
        ),
        None => ("–".into(), "–".into(), 0),
    }
}

async fn render(app: &AppState, lang: Lang, here: &str) -> Result<Response, ApiError> {
    let tenant = app.tenant(None).await?;
    let tenant_id = tenant.tenant_id.as_str();
    let units = app.store.units(tenant_id).await?;
    let now = tenant.month_of(OffsetDateTime::now_utc());
    let (first, last) = Period::Year(now.year()).months();
    let year: HashMap<String, Tally> = app
        .store
        .tallies_of_kind(tenant_id, ScopeKind::Unit, first, last)
        .await?
        .into_iter()
        .collect();
    let months: Vec<Month> = vec![now.previous().previous(), now.previous(), now];
    let mut monthly: Vec<HashMap<String, Tally>> = Vec::new();
    for m in &months {
        monthly.push(
            app.store
                .tallies_of_kind(tenant_id, ScopeKind::Unit, *m, *m)
                .await?
                .into_iter()
                .collect(),
        );
    }
    let plans = app.store.follow_ups(tenant_id, None, None).await?;
    let head = app
        .store
        .chain_heads_at(tenant_id, &[OffsetDateTime::now_utc()])
        .await?
        .into_iter()
        .next()
        .flatten();
    let names: HashMap<&str, &str> = units
        .iter()
        .map(|u| (u.unit_id.as_str(), u.name.as_str()))
        .collect();
    let rated: Vec<_> = units
        .iter()
        .filter(|u| year.contains_key(&u.unit_id))
        .collect();
    let title = lang.pick("Transparansi hasil SKM", "SKM results in the open");
    let content = html! {
        h1 { (title) }
        p.lead { (tenant.name) ". " (lang.pick(
            "Indeks Kepuasan Masyarakat (IKM) setiap unit layanan tahun ini, tiga bulan terakhir, dan rencana tindak lanjut atas unsur yang masih lemah.",
            "The public satisfaction index (IKM) of every service unit this year, the last three months, and the follow-up plans for the elements still weak.",
        )) }
        h2 { (lang.pick("IKM per unit", "IKM per unit")) " " (now.year()) }
        @if rated.is_empty() {
            p { (lang.pick("Belum ada tanggapan tahun ini.", "No responses this year yet.")) }
        } @else {
            table.data tabindex="0" {
                caption { (lang.pick("IKM 25–100; mutu A (88,31–100) sampai D.", "IKM 25–100; grades A (88.31–100) to D.")) }
                thead { tr {
                    th scope="col" { "Unit" }
                    th.num scope="col" { "IKM" }
                    th scope="col" { (lang.pick("Mutu", "Grade")) }
                    th.num scope="col" { (lang.pick("Tanggapan", "Responses")) }
                    @for m in &months { th.num scope="col" { (m) } }
                } }
                tbody { @for u in &rated {
                    @let (ikm, grade, n) = ikm_text(year.get(&u.unit_id));
                    tr {
                        th scope="row" { a href={ "/survei/" (u.unit_id) "?lang=" (lang.code()) } { (u.name) } }
                        td.num { strong { (ikm) } }
                        td { (grade)
                            @if let Some(score) = year.get(&u.unit_id).and_then(|t| t.score(Weighting::Exact)) { " " small { (grade_label(lang, score.grade())) } } }
                        td.num { (n) }
                        @for month in &monthly { td.num { (ikm_text(month.get(&u.unit_id)).0) } }
                    }
                } }
            }
        }
        h2 #tindak-lanjut { (lang.pick("Rencana tindak lanjut", "Follow-up plans")) }
        @if plans.is_empty() {
            p { (lang.pick("Belum ada rencana tindak lanjut yang diumumkan.", "No follow-up plans have been published yet.")) }
        } @else {
            table.data tabindex="0" {
                thead { tr {
                    th scope="col" { "Unit" }
                    th scope="col" { (lang.pick("Periode", "Period")) }
                    th scope="col" { (lang.pick("Unsur", "Element")) }
                    th scope="col" { (lang.pick("Tindak lanjut", "Action")) }
                    th scope="col" { (lang.pick("Tenggat", "Deadline")) }
                    th scope="col" { (lang.pick("Status", "Status")) }
                } }
                tbody { @for p in &plans { tr {
                    th scope="row" { (names.get(p.unit_id.as_str()).copied().unwrap_or(p.unit_id.as_str())) }
                    td { (p.period) }
                    td { (p.plan.element.code()) " " (element_name(lang, p.plan.element)) }
                    td { (p.plan.action) " — " small { (p.plan.owner) } @if let Some(note) = &p.progress_note { br; small { (note) } } }
                    td { (p.plan.deadline) }
                    td { strong { (status_label(lang, p.status)) } }
                } } }
            }
        }
        h2 { (lang.pick("Keutuhan data", "Data integrity")) }
        @if let Some((links, hash)) = &head {
            p { (lang.pick("Kepala rantai hash saat ini: ", "The hash chain's head now: ")) code.digest { (hash) } " (" (links) " " (lang.pick("tanggapan", "responses")) ")" }
        }
        p { (lang.pick(
            "Setiap tanggapan yang dihitung terhubung dalam rantai hash. Kepala rantai hari ini dan enam hari terakhir ada di ",
            "Every counted response is linked into a hash chain. Today's chain head and those of the last six days are on ",
        )) a href={ "/?lang=" (lang.code()) "#integritas" } { (lang.pick("halaman depan", "the home page")) } "." }
    };
    Ok(page(StatusCode::OK, layout(lang, title, here, content)))
}

pub async fn show(
    State(app): State<Arc<AppState>>,
    Query(query): Query<LangQuery>,
    uri: OriginalUri,
) -> Response {
    let lang = query.lang();
    let here = uri.to_string();
    render(&app, lang, &here)
        .await
        .unwrap_or_else(|error| super::survey::error_page(lang, &here, error))
}
