//! The IKM dashboard: every visible unit for a period, one unit in detail (elements, trend,
//! sub-units, services, officers), and one officer. Figures come from the monthly running
//! totals, never from a scan of responses.

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::{OriginalUri, Path, Query, State};
use axum::response::{IntoResponse, Response};
use axum::Extension;
use maud::{html, Markup};
use suara_domain::access::Permission;
use suara_domain::org::tree::UnitTree;
use suara_domain::org::Unit;
use suara_domain::period::Month;
use suara_domain::skm::{Element, SkmScore, Tally};
use suara_store::{Scope, ScopeKind, Tenant};
use time::OffsetDateTime;

use super::charts::{self, Bar};
use super::{
    exact, frame, href, ok, period_picker, respond, sample_needed, score_text, PeriodQuery,
};
use crate::access::{forbidden, DASHBOARD};
use crate::auth::Staff;
use crate::i18n::{element_name, Lang};
use crate::{ApiError, AppState};

const TREND_MONTHS: usize = 12;

pub(super) async fn tenant(app: &AppState, staff: &Staff) -> Result<Tenant, ApiError> {
    app.store
        .tenant(staff.tenant_id())
        .await?
        .ok_or_else(|| ApiError::NotFound("regency".into()))
}

pub(super) async fn tree(
    app: &AppState,
    tenant_id: &str,
) -> Result<(Vec<Unit>, UnitTree), ApiError> {
    let units = app.store.units(tenant_id).await?;
    let tree = UnitTree::new(
        units
            .iter()
            .map(|u| (u.unit_id.as_str(), u.parent_id.as_deref())),
    );
    Ok((units, tree))
}

/// Units in tree order (each parent followed by its subtree), top level by name.
fn tree_order<'a>(units: &'a [Unit], tree: &UnitTree, roots: &[String]) -> Vec<(&'a Unit, usize)> {
    let by_id: HashMap<&str, &Unit> = units.iter().map(|u| (u.unit_id.as_str(), u)).collect();
    let mut out = Vec::new();
    for root in roots {
        let base = tree.depth(root);
        for id in tree.subtree(root) {
            if let Some(unit) = by_id.get(id.as_str()) {
                out.push((*unit, tree.depth(&id) - base));
            }
        }
    }
    out
}

pub(super) fn current_month(tenant: &Tenant) -> Month {
    tenant.month_of(OffsetDateTime::now_utc())
}

pub async fn regency(
    State(app): State<Arc<AppState>>,
    Extension(staff): Extension<Staff>,
    Query(query): Query<PeriodQuery>,
    uri: OriginalUri,
) -> Response {
    let lang = query.lang();
    let here = uri.to_string();
    respond(
        lang,
        &here,
        render_regency(&app, &staff, &query, lang, &here).await,
    )
}

async fn render_regency(
    app: &AppState,
    staff: &Staff,
    query: &PeriodQuery,
    lang: Lang,
    here: &str,
) -> Result<Response, ApiError> {
    let tenant = tenant(app, staff).await?;
    let period = query.period(&tenant)?;
    let (from, to) = period.months();
    let (units, tree) = tree(app, &tenant.tenant_id).await?;
    let roots: Vec<String> = match (&staff.principal.role, staff.principal.unit_id.as_ref()) {
        (suara_domain::access::Role::UnitAdmin, Some(root)) => vec![root.clone()],
        (suara_domain::access::Role::UnitAdmin, None) => Vec::new(),
        _ => units
            .iter()
            .filter(|u| u.parent_id.is_none())
            .map(|u| u.unit_id.clone())
            .collect(),
    };
    let rows = tree_order(&units, &tree, &roots);
    let tallies: HashMap<String, Tally> = app
        .store
        .tallies_of_kind(&tenant.tenant_id, ScopeKind::Unit, from, to)
        .await?
        .into_iter()
        .collect();
    let now = current_month(&tenant);
    let mut overall = Tally::default();
    let rows: Vec<_> = rows
        .into_iter()
        .map(|(unit, depth)| {
            let tally = tallies.get(&unit.unit_id).cloned().unwrap_or_default();
            overall.merge(&tally);
            let needed = sample_needed(unit.monthly_users, period, now);
            (unit, depth, exact(&tally), tally.responses(), needed)
        })
        .collect();
    let overall_score = exact(&overall);
    let below = rows.iter().filter(|r| r.4.is_some_and(|n| r.3 < n)).count();
    let chart_rows: Vec<Bar> = rows
        .iter()
        .filter_map(|(unit, _, score, _, _)| {
            score.as_ref().map(|s| Bar {
                label: &unit.name,
                value: Some(s.ikm_rounded().to_f64()),
                highlight: s.ikm_rounded().to_f64() < 76.61,
            })
        })
        .collect();
    let title = lang.pick("Dasbor IKM", "IKM dashboard");
    let content = html! {
        h1 { (title) }
        (period_picker(lang, DASHBOARD, period, now))
        p { (lang.pick("Ringkasan semua unit (NRR per unsur, IKM, mutu): ", "Summary of every unit (NRR per element, IKM, grade): "))
            a href={ "/dasbor/ekspor?period=" (period) "&format=xlsx" } { "xlsx" } " · "
            a href={ "/dasbor/ekspor?period=" (period) "&format=csv" } { "CSV" } }
        p.lead {
            (tenant.name) ", " (period) ": " (score_text(lang, overall_score.as_ref())) " · "
            (overall.responses()) " " (lang.pick("tanggapan", "responses"))
        }
        @if below > 0 {
            p.notice { (below) " " (lang.pick("unit belum mencapai jumlah sampel Krejcie–Morgan untuk periode ini.", "units have fewer responses than the Krejcie–Morgan sample for this period.")) }
        }
        @if !chart_rows.is_empty() {
            figure {
                (charts::bars(lang.pick("IKM per unit (25–100)", "IKM per unit (25–100)"), &chart_rows, 25.0, 100.0, 2))
                figcaption { (lang.pick("Batang jingga: di bawah mutu B (76,61). Angka lengkap ada di tabel.", "Orange bars: below grade B (76.61). Full figures are in the table.")) }
            }
        }
        table.data {
            caption { (lang.pick("IKM per unit layanan", "IKM per service unit")) " · " (period) }
            thead { tr {
                th scope="col" { "Unit" }
                th.num scope="col" { (lang.pick("Tanggapan", "Responses")) }
                th.num scope="col" { (lang.pick("Sampel minimal", "Sample needed")) }
                th.num scope="col" { "IKM" }
                th scope="col" { (lang.pick("Mutu", "Grade")) }
            } }
            tbody {
                @for (unit, depth, score, responses, needed) in &rows {
                    tr {
                        th scope="row" class={ "depth-" (depth.min(&3)) } {
                            a href=(href(lang, &format!("/dasbor/unit/{}", unit.unit_id), Some(period))) { (unit.name) }
                        }
                        td.num { (responses) }
                        td.num {
                            @match needed {
                                Some(n) if responses < n => { (n) " " span.flag { (lang.pick("kurang", "short")) } }
                                Some(n) => { (n) }
                                None => { "–" }
                            }
                        }
                        td.num { @if let Some(s) = score { (s.ikm_rounded()) } @else { "–" } }
                        td { @if let Some(s) = score { (s.grade().letter()) } @else { "–" } }
                    }
                }
            }
        }
        p.muted { (lang.pick("Sampel minimal: Krejcie & Morgan (1970) dari perkiraan pengguna layanan per bulan, untuk bulan yang sudah berjalan.", "Sample needed: Krejcie & Morgan (1970) from the estimated service users per month, for the months so far.")) }
    };
    ok(frame(lang, staff, title, here, content))
}

pub async fn unit(
    State(app): State<Arc<AppState>>,
    Extension(staff): Extension<Staff>,
    Path(unit_id): Path<String>,
    Query(query): Query<PeriodQuery>,
    uri: OriginalUri,
) -> Response {
    let lang = query.lang();
    let here = uri.to_string();
    respond(
        lang,
        &here,
        render_unit(&app, &staff, &unit_id, &query, lang, &here).await,
    )
}

async fn render_unit(
    app: &AppState,
    staff: &Staff,
    unit_id: &str,
    query: &PeriodQuery,
    lang: Lang,
    here: &str,
) -> Result<Response, ApiError> {
    let tenant = tenant(app, staff).await?;
    let tenant_id = tenant.tenant_id.as_str();
    let period = query.period(&tenant)?;
    let (from, to) = period.months();
    let (units, tree) = tree(app, tenant_id).await?;
    let Some(unit) = units.iter().find(|u| u.unit_id == unit_id) else {
        return Err(ApiError::NotFound(format!("unit {unit_id}")));
    };
    if !staff.principal.sees_unit(unit_id, &tree) {
        return Ok(forbidden(lang));
    }
    let store = &app.store;
    let tally = store
        .tally(tenant_id, Scope::Unit(unit_id), from, to)
        .await?;
    let score = exact(&tally);
    let now = current_month(&tenant);
    let needed = sample_needed(unit.monthly_users, period, now);
    let unit_tallies: HashMap<String, Tally> = store
        .tallies_of_kind(tenant_id, ScopeKind::Unit, from, to)
        .await?
        .into_iter()
        .collect();
    let service_tallies: HashMap<String, Tally> = store
        .tallies_of_kind(tenant_id, ScopeKind::Service, from, to)
        .await?
        .into_iter()
        .collect();
    let officer_tallies: HashMap<String, Tally> = store
        .tallies_of_kind(tenant_id, ScopeKind::Officer, from, to)
        .await?
        .into_iter()
        .collect();
    let services = store.services_of_unit(tenant_id, unit_id).await?;
    let plans = store
        .follow_ups(tenant_id, Some(unit_id), Some(period))
        .await?;
    let points = store.points_of_unit(tenant_id, unit_id).await?;
    let mut officers = store.officers_of_unit(tenant_id, unit_id).await?;
    // Rated officers first, most responses first; the back office after, by name.
    officers.sort_by_key(|o| {
        std::cmp::Reverse(officer_tallies.get(&o.nip).map_or(0, Tally::responses))
    });
    let trend = trend_points(
        store
            .monthly_tallies(
                tenant_id,
                Scope::Unit(unit_id),
                back(to.min(now), TREND_MONTHS - 1),
                to.min(now),
            )
            .await?,
        to.min(now),
    );
    let children: Vec<&Unit> = tree
        .children(unit_id)
        .iter()
        .filter_map(|id| units.iter().find(|u| &u.unit_id == id))
        .collect();
    // The unit with everything under it, from the same monthly totals.
    let mut subtree = Tally::default();
    for id in tree.subtree(unit_id) {
        if let Some(t) = unit_tallies.get(&id) {
            subtree.merge(t);
        }
    }
    let subtree_score = exact(&subtree);
    let parent = unit
        .parent_id
        .as_deref()
        .and_then(|p| units.iter().find(|u| u.unit_id == p));
    let path = format!("/dasbor/unit/{unit_id}");
    let content = html! {
        p.crumbs {
            a href=(href(lang, DASHBOARD, Some(period))) { (lang.pick("Dasbor", "Dashboard")) }
            @if let Some(parent) = parent {
                @if staff.principal.sees_unit(&parent.unit_id, &tree) {
                    " › " a href=(href(lang, &format!("/dasbor/unit/{}", parent.unit_id), Some(period))) { (parent.name) }
                }
            }
        }
        h1 { (unit.name) }
        (period_picker(lang, &path, period, now))
        p {
            a href={ "/dasbor/unit/" (unit_id) "/laporan?period=" (period) } { (lang.pick("Unduh laporan SKM (PDF)", "Download the SKM report (PDF)")) }
            " · " (lang.pick("tanggapan anonim: ", "anonymous responses: "))
            a href={ "/dasbor/ekspor?jenis=tanggapan&unit=" (unit_id) "&period=" (period) "&format=xlsx" } { "xlsx" } " · "
            a href={ "/dasbor/ekspor?jenis=tanggapan&unit=" (unit_id) "&period=" (period) "&format=csv" } { "CSV" }
        }
        p.lead {
            (period) ": " (score_text(lang, score.as_ref())) " · " (tally.responses()) " " (lang.pick("tanggapan", "responses"))
            @if let Some(n) = needed {
                " · " (lang.pick("sampel minimal", "sample needed")) " " (n)
                @if tally.responses() < n { " " span.flag { (lang.pick("belum tercapai", "not reached")) } }
            }
        }
        p.muted {
            (lang.pick("Jam layanan: ", "Service hours: "))
            @match &unit.service_hours {
                Some(hours) => { (hours.to_string()) }
                None => { (lang.pick("tidak ditetapkan (tanggapan tidak dinilai menurut jam)", "not set (responses are not judged by the hour)")) }
            }
        }
        @if !children.is_empty() {
            p {
                (lang.pick("Termasuk semua sub-unit:", "Including all sub-units:")) " "
                (score_text(lang, subtree_score.as_ref())) " · " (subtree.responses()) " " (lang.pick("tanggapan", "responses"))
            }
        }
        (elements_section(lang, score.as_ref()))
        (trend_section(lang, &trend))
        (super::follow_up::section(lang, staff, unit_id, period, &plans, super::follow_up::may_edit(staff, unit_id, &tree)))
        @if !children.is_empty() {
            (figures_table(lang, lang.pick("Sub-unit", "Sub-units"), children.iter().map(|u| (u.name.as_str(), Some(href(lang, &format!("/dasbor/unit/{}", u.unit_id), Some(period))), unit_tallies.get(&u.unit_id)))))
        }
        @if !services.is_empty() {
            (figures_table(lang, lang.pick("Jenis layanan", "Services"), services.iter().map(|s| (s.name.as_str(), None, service_tallies.get(&s.service_id)))))
        }
        // Planners see units, never individual officers (their names or their figures).
        @if !officers.is_empty() && staff.principal.may(Permission::ViewOfficer) {
            (figures_table(lang, lang.pick("Pegawai", "Officers"), officers.iter().map(|o| {
                let link = staff.principal.sees_officer(&o.nip, unit_id, &tree).then(|| href(lang, &format!("/dasbor/pegawai/{}", o.nip), Some(period)));
                (o.name.as_str(), link, officer_tallies.get(&o.nip))
            })))
        }
        @if !points.is_empty() {
            h2 { (lang.pick("Titik layanan", "Service points")) }
            ul { @for p in &points { li {
                (p.name) " (" code { (p.point_id) } ") · "
                (lang.pick("poster QR: ", "QR poster: "))
                a href={ "/poster/titik/" (p.point_id) "/svg" } { "SVG" } " · "
                a href={ "/poster/titik/" (p.point_id) "/png" } { "PNG" }
            } } }
        }
    };
    ok(frame(lang, staff, &unit.name, here, content))
}

pub async fn officer(
    State(app): State<Arc<AppState>>,
    Extension(staff): Extension<Staff>,
    Path(nip): Path<String>,
    Query(query): Query<PeriodQuery>,
    uri: OriginalUri,
) -> Response {
    let lang = query.lang();
    let here = uri.to_string();
    respond(
        lang,
        &here,
        render_officer(&app, &staff, &nip, &query, lang, &here).await,
    )
}

async fn render_officer(
    app: &AppState,
    staff: &Staff,
    nip: &str,
    query: &PeriodQuery,
    lang: Lang,
    here: &str,
) -> Result<Response, ApiError> {
    let tenant = tenant(app, staff).await?;
    let tenant_id = tenant.tenant_id.as_str();
    let period = query.period(&tenant)?;
    let (from, to) = period.months();
    let store = &app.store;
    let Some(officer) = store.officer(tenant_id, nip).await? else {
        return Err(ApiError::NotFound(format!("officer {nip}")));
    };
    let (units, tree) = tree(app, tenant_id).await?;
    if !staff.principal.sees_officer(nip, &officer.unit_id, &tree) {
        return Ok(forbidden(lang));
    }
    let unit_name = |id: &str| {
        units
            .iter()
            .find(|u| u.unit_id == id)
            .map_or(id.to_string(), |u| u.name.clone())
    };
    let tally = store
        .tally(tenant_id, Scope::Officer(nip), from, to)
        .await?;
    let score = exact(&tally);
    let unit_score = exact(
        &store
            .tally(tenant_id, Scope::Unit(&officer.unit_id), from, to)
            .await?,
    );
    let now = current_month(&tenant);
    let trend = trend_points(
        store
            .monthly_tallies(
                tenant_id,
                Scope::Officer(nip),
                back(to.min(now), TREND_MONTHS - 1),
                to.min(now),
            )
            .await?,
        to.min(now),
    );
    let history = store.assignments(tenant_id, nip).await?;
    let path = format!("/dasbor/pegawai/{nip}");
    let content = html! {
        @if staff.principal.sees_unit(&officer.unit_id, &tree) {
            p.crumbs { a href=(href(lang, &format!("/dasbor/unit/{}", officer.unit_id), Some(period))) { (unit_name(&officer.unit_id)) } }
        }
        h1 { (officer.name) }
        dl.facts {
            dt { "NIP" } dd { (officer.nip) }
            dt { (lang.pick("Jabatan", "Position")) } dd { (officer.position) }
            dt { (lang.pick("Kelas jabatan", "Position class")) } dd { @if officer.position_class.is_empty() { "–" } @else { (officer.position_class) } }
            dt { "Unit" } dd { (unit_name(&officer.unit_id)) }
            dt { "TPP" } dd { a href=(href(lang, &format!("/dasbor/pegawai/{}/tpp", officer.nip), None)) { (lang.pick("Rincian TPP dan keberatan", "TPP explained, and appeals")) } }
            dt { (lang.pick("Poster QR", "QR poster")) }
            dd {
                a href={ "/poster/pegawai/" (officer.nip) "/svg" } { "SVG" } " · "
                a href={ "/poster/pegawai/" (officer.nip) "/png" } { "PNG" }
            }
        }
        (period_picker(lang, &path, period, now))
        p.lead {
            (period) ": " (score_text(lang, score.as_ref())) " · " (tally.responses()) " " (lang.pick("tanggapan yang menyebut pegawai ini", "responses naming this officer"))
        }
        p { (lang.pick("IKM unit pada periode yang sama:", "The unit's IKM over the same period:")) " " (score_text(lang, unit_score.as_ref())) }
        (elements_section(lang, score.as_ref()))
        (trend_section(lang, &trend))
        h2 { (lang.pick("Riwayat penugasan", "Assignment history")) }
        table.data {
            thead { tr {
                th scope="col" { "Unit" } th scope="col" { (lang.pick("Jabatan", "Position")) }
                th scope="col" { (lang.pick("Mulai", "From")) } th scope="col" { (lang.pick("Sampai", "Until")) }
            } }
            tbody { @for a in &history { tr {
                th scope="row" { (unit_name(&a.unit_id)) } td { (a.position) } td { (a.from) }
                td { @if let Some(until) = a.until { (until) } @else { (lang.pick("sekarang", "now")) } }
            } } }
        }
    };
    ok(frame(lang, staff, &officer.name, here, content))
}

/// NRR per element as a chart and a table, the weakest elements marked.
fn elements_section(lang: Lang, score: Option<&SkmScore>) -> Markup {
    let Some(score) = score else {
        return html! {};
    };
    // The three lowest NRR: where follow-up (rencana tindak lanjut) starts.
    let weakest: Vec<Element> = score
        .weakest_elements()
        .into_iter()
        .take(3)
        .map(|(e, _)| e)
        .collect();
    let nrr = |e: Element| {
        score.elements[e.index()]
            .as_ref()
            .map(|s| suara_domain::decimal::rational_to_f64(&s.nrr))
    };
    let labels: Vec<String> = Element::ALL
        .iter()
        .map(|e| format!("{} {}", e.code(), element_name(lang, *e)))
        .collect();
    let bars: Vec<Bar> = Element::ALL
        .iter()
        .zip(&labels)
        .map(|(e, label)| Bar {
            label,
            value: nrr(*e),
            highlight: weakest.contains(e),
        })
        .collect();
    html! {
        h2 { (lang.pick("Nilai per unsur (NRR, 1–4)", "Score per element (NRR, 1–4)")) }
        figure {
            (charts::bars(lang.pick("NRR per unsur", "NRR per element"), &bars, 1.0, 4.0, 2))
            figcaption { (lang.pick("Batang jingga: unsur terlemah, prioritas perbaikan.", "Orange bars: weakest elements, to improve first.")) }
        }
        table.data {
            caption { (lang.pick("NRR per unsur", "NRR per element")) }
            thead { tr { th scope="col" { (lang.pick("Unsur", "Element")) } th.num scope="col" { (lang.pick("Jawaban", "Answers")) } th.num scope="col" { "NRR" } th scope="col" { "" } } }
            tbody {
                @for (e, label) in Element::ALL.iter().zip(&labels) {
                    @let element = score.elements[e.index()].as_ref();
                    tr {
                        th scope="row" { (label) }
                        td.num { (element.map_or(0, |s| s.answers)) }
                        td.num { @if let Some(s) = element { (suara_domain::decimal::Decimal::round_half_away(&s.nrr, 2)) } @else { "–" } }
                        td { @if weakest.contains(e) { span.flag { (lang.pick("terlemah", "weakest")) } } }
                    }
                }
            }
        }
    }
}

fn back(month: Month, months: usize) -> Month {
    (0..months).fold(month, |m, _| m.previous())
}

/// The IKM of each of the last months up to `last`, `None` where nobody answered.
fn trend_points(monthly: Vec<(Month, Tally)>, last: Month) -> Vec<(Month, Option<SkmScore>, u64)> {
    let by_month: HashMap<Month, Tally> = monthly.into_iter().collect();
    let mut months: Vec<Month> = (0..TREND_MONTHS).map(|i| back(last, i)).collect();
    months.reverse();
    months
        .into_iter()
        .map(|m| {
            let tally = by_month.get(&m).cloned().unwrap_or_default();
            (m, exact(&tally), tally.responses())
        })
        .collect()
}

fn trend_section(lang: Lang, points: &[(Month, Option<SkmScore>, u64)]) -> Markup {
    if points.iter().all(|p| p.1.is_none()) {
        return html! {};
    }
    let chart_points: Vec<(String, Option<f64>)> = points
        .iter()
        .map(|(m, s, _)| {
            (
                format!("{:02}/{:02}", m.month(), m.year() % 100),
                s.as_ref().map(|s| s.ikm_rounded().to_f64()),
            )
        })
        .collect();
    html! {
        h2 { (lang.pick("Tren 12 bulan", "12-month trend")) }
        figure {
            (charts::trend(lang.pick("IKM per bulan", "IKM per month"), &chart_points))
            figcaption { (lang.pick("Garis: batas mutu A, B dan C.", "Lines: grade boundaries A, B and C.")) }
        }
        details {
            summary { (lang.pick("Tabel tren", "Trend table")) }
            table.data {
                thead { tr { th scope="col" { (lang.pick("Bulan", "Month")) } th.num scope="col" { (lang.pick("Tanggapan", "Responses")) } th.num scope="col" { "IKM" } th scope="col" { (lang.pick("Mutu", "Grade")) } } }
                tbody { @for (m, s, n) in points { tr {
                    th scope="row" { (m) } td.num { (n) }
                    td.num { @if let Some(s) = s { (s.ikm_rounded()) } @else { "–" } }
                    td { @if let Some(s) = s { (s.grade().letter()) } @else { "–" } }
                } } }
            }
        }
    }
}

/// Name (linked when the user may open it), responses, IKM, grade.
fn figures_table<'a>(
    lang: Lang,
    caption: &str,
    rows: impl Iterator<Item = (&'a str, Option<String>, Option<&'a Tally>)>,
) -> Markup {
    html! {
        h2 { (caption) }
        table.data {
            thead { tr {
                th scope="col" { (lang.pick("Nama", "Name")) } th.num scope="col" { (lang.pick("Tanggapan", "Responses")) }
                th.num scope="col" { "IKM" } th scope="col" { (lang.pick("Mutu", "Grade")) }
            } }
            tbody {
                @for (name, link, tally) in rows {
                    @let score = tally.and_then(exact);
                    tr {
                        th scope="row" { @if let Some(link) = link { a href=(link) { (name) } } @else { (name) } }
                        td.num { (tally.map_or(0, Tally::responses)) }
                        td.num { @if let Some(s) = &score { (s.ikm_rounded()) } @else { "–" } }
                        td { @if let Some(s) = &score { (s.grade().letter()) } @else { "–" } }
                    }
                }
            }
        }
    }
}

/// The unit's SKM report for the period as a PDF.
pub async fn report(
    State(app): State<Arc<AppState>>,
    Extension(staff): Extension<Staff>,
    Path(unit_id): Path<String>,
    Query(query): Query<PeriodQuery>,
    uri: OriginalUri,
) -> Response {
    let lang = query.lang();
    let here = uri.to_string();
    let result = async {
        let tenant = tenant(&app, &staff).await?;
        let period = query.period(&tenant)?;
        let (_, tree) = tree(&app, &tenant.tenant_id).await?;
        if !staff.principal.sees_unit(&unit_id, &tree) {
            return Ok(forbidden(lang));
        }
        let Some(report) = crate::report::skm_report(&app.store, &tenant, &unit_id, period).await?
        else {
            return Err(ApiError::NotFound(format!("unit {unit_id}")));
        };
        let file = format!("skm-{unit_id}-{period}.pdf");
        Ok((
            [
                (
                    axum::http::header::CONTENT_TYPE,
                    "application/pdf".to_string(),
                ),
                (
                    axum::http::header::CONTENT_DISPOSITION,
                    format!("inline; filename=\"{file}\""),
                ),
            ],
            suara_reports::skm::skm_pdf(&report),
        )
            .into_response())
    }
    .await;
    respond(lang, &here, result)
}

#[derive(serde::Deserialize, Default)]
pub struct ExportQuery {
    pub lang: Option<String>,
    pub period: Option<String>,
    pub format: Option<String>,
    /// `ringkasan` (the regency summary, the default) or `tanggapan` (a unit's responses).
    pub jenis: Option<String>,
    pub unit: Option<String>,
}

/// Spreadsheets of the results: the summary of every unit the user sees, or one unit's
/// anonymous responses.
pub async fn export(
    State(app): State<Arc<AppState>>,
    Extension(staff): Extension<Staff>,
    Query(query): Query<ExportQuery>,
    uri: OriginalUri,
) -> Response {
    let lang = Lang::from_code(query.lang.as_deref());
    let here = uri.to_string();
    let result = async {
        let tenant = tenant(&app, &staff).await?;
        let tenant_id = tenant.tenant_id.as_str();
        let period = PeriodQuery {
            period: query.period.clone(),
            lang: None,
        }
        .period(&tenant)?;
        let (first, last) = period.months();
        let format = crate::pages::SheetFormat::from_query(query.format.as_deref())?;
        let (units, tree) = tree(&app, tenant_id).await?;
        match query.jenis.as_deref().unwrap_or("ringkasan") {
            "tanggapan" => {
                let Some(unit) = query
                    .unit
                    .as_deref()
                    .and_then(|u| units.iter().find(|x| x.unit_id == u))
                else {
                    return Err(ApiError::BadQuery("choose a unit (unit=…)".into()));
                };
                if !staff.principal.sees_unit(&unit.unit_id, &tree) {
                    return Ok(forbidden(lang));
                }
                let mut rows = app
                    .store
                    .export_responses(tenant_id, &unit.unit_id, first, last)
                    .await?;
                // Planners get the responses, never whom they named.
                if !staff.principal.may(Permission::ViewOfficer) {
                    for row in &mut rows {
                        row.officer_nip = None;
                    }
                }
                let title = format!("Tanggapan SKM {} — {period} (anonim)", unit.name);
                let bytes = match format {
                    crate::pages::SheetFormat::Xlsx => {
                        suara_reports::results::responses_xlsx(&rows, &title)
                    }
                    crate::pages::SheetFormat::Csv => suara_reports::results::responses_csv(&rows),
                };
                crate::pages::download(
                    format,
                    &format!("skm-tanggapan-{}-{period}", unit.unit_id),
                    bytes,
                )
            }
            "ringkasan" => {
                let tallies: HashMap<String, Tally> = app
                    .store
                    .tallies_of_kind(tenant_id, ScopeKind::Unit, first, last)
                    .await?
                    .into_iter()
                    .collect();
                let results: Vec<suara_reports::results::UnitResult> = units
                    .iter()
                    .filter(|u| staff.principal.sees_unit(&u.unit_id, &tree))
                    .map(|u| suara_reports::results::UnitResult {
                        unit_id: &u.unit_id,
                        name: &u.name,
                        score: tallies.get(&u.unit_id).and_then(exact),
                    })
                    .collect();
                let title = format!("Ringkasan SKM {} — {period}", tenant.name);
                let bytes = match format {
                    crate::pages::SheetFormat::Xlsx => {
                        suara_reports::results::summary_xlsx(&results, &title)
                    }
                    crate::pages::SheetFormat::Csv => suara_reports::results::summary_csv(&results),
                };
                crate::pages::download(
                    format,
                    &format!("skm-ringkasan-{tenant_id}-{period}"),
                    bytes,
                )
            }
            other => Err(ApiError::BadQuery(format!(
                "jenis must be ringkasan or tanggapan, not '{other}'"
            ))),
        }
    }
    .await;
    respond(lang, &here, result)
}
