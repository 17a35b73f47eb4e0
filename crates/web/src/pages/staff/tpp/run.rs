//! One payroll run: its facts, history, state changes (approving and locking after a
//! confirmation page), differences from the previous version, units and officers, exports.

use std::collections::BTreeMap;

use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::Response;
use maud::{html, Markup};
use serde::Deserialize;
use suara_domain::access::Permission;
use suara_domain::period::Month;
use suara_domain::skm::krejcie_morgan_sample_size;
use suara_domain::tpp::payroll::{differences, RunState};
use suara_store::{RunSummary, StoredRun};
use time::{OffsetDateTime, UtcOffset};

use super::{explain_href, month_href, parse_month, percent, refusal, rp, rule_text, state_label};
use crate::pages::context::{CsrfForm, Look, StaffCx};
use crate::pages::failure::{Missing, PageError};
use crate::pages::staff::confirm::{self, confirmed, Confirmation};
use crate::pages::staff::explanation::{evidence_counts, trust_label};
use crate::pages::{download, SheetFormat};
use crate::routes;

#[derive(Deserialize, Default)]
pub struct RunQuery {
    pub versi: Option<i64>,
    pub unit: Option<String>,
}

/// What the page shows, loaded from the store.
pub struct RunView {
    pub run: StoredRun,
    pub previous: Option<StoredRun>,
    /// Every version of the month, newest first.
    pub versions: Vec<RunSummary>,
    /// The unit whose officers are listed.
    pub unit: Option<String>,
    /// Whether this user may approve and lock.
    pub may_approve: bool,
    pub offset: UtcOffset,
    /// Units whose pay-counting responses that month fall short of the Krejcie–Morgan
    /// sample for their monthly users: (name, responses, sample needed).
    pub short: Vec<(String, u64, u64)>,
}

/// The run's units short of the Krejcie–Morgan sample: a warning that their figures rest on
/// fewer answers than the survey's own rule asks for.
fn short_of_sample(run: &StoredRun, units: &[suara_domain::org::Unit]) -> Vec<(String, u64, u64)> {
    let mut short = Vec::new();
    for unit in units {
        let Some(users) = unit.monthly_users.filter(|u| *u > 0) else {
            continue;
        };
        let Some(officer) = run
            .officers
            .iter()
            .find(|o| o.input.unit_id == unit.unit_id)
        else {
            continue;
        };
        let counted = officer
            .input
            .unit
            .as_ref()
            .filter(|_| officer.score_unit_id.as_deref() == Some(unit.unit_id.as_str()))
            .map_or(0, |u| u.responses);
        let needed = krejcie_morgan_sample_size(u64::from(users));
        if counted < needed {
            short.push((unit.name.clone(), counted, needed));
        }
    }
    short
}

async fn load(cx: &StaffCx, month: Month, query: &RunQuery) -> Result<RunView, PageError> {
    let store = &cx.app.store;
    let Some(run) = store
        .payroll_run(cx.tenant_id(), month, query.versi)
        .await?
    else {
        return Err(PageError::NotFound(Missing::Run(cx.lang.month(month))));
    };
    let versions = store
        .payroll_runs(cx.tenant_id())
        .await?
        .into_iter()
        .filter(|r| r.month == month)
        .collect();
    let previous = match run.summary.version {
        v if v > 1 => {
            store
                .payroll_run(cx.tenant_id(), month, Some(v - 1))
                .await?
        }
        _ => None,
    };
    let units = store.units(cx.tenant_id()).await?;
    Ok(RunView {
        short: short_of_sample(&run, &units),
        run,
        previous,
        versions,
        unit: query.unit.clone(),
        may_approve: cx.staff.principal.may(Permission::ApprovePayroll),
        offset: cx.tenant.offset(),
    })
}

pub async fn run_page(
    cx: StaffCx,
    Path(month): Path<String>,
    Query(query): Query<RunQuery>,
) -> Result<Response, PageError> {
    let month = parse_month(&month)?;
    let exists = cx
        .app
        .store
        .payroll_run(cx.tenant_id(), month, query.versi)
        .await?
        .is_some();
    if !exists && month >= cx.current_month() {
        return super::preview::page(&cx, month).await;
    }
    let view = load(&cx, month, &query).await?;
    let (title, content) = render(cx.look(), &view, None);
    cx.ok(&title, content)
}

pub fn render(
    look: Look,
    view: &RunView,
    message: Option<&Result<String, String>>,
) -> (String, Markup) {
    let lang = look.lang;
    let run = &view.run;
    let s = &run.summary;
    let month = s.month;
    let title = format!("TPP {}", lang.month(month));
    let latest = view.versions.first().map(|r| r.version) == Some(s.version);
    let content = html! {
        p.crumbs { a href=(look.href(routes::TPP)) { "TPP" } }
        h1 { (title) " · " (look.pick("versi ", "version ")) (s.version) }
        (crate::pages::staff::outcome(message))
        dl.facts {
            dt { (look.pick("Status", "State")) } dd { strong { (state_label(lang, s.state)) } }
            dt { (look.pick("Dibayar", "Paid")) } dd { (s.paid) " " (look.pick("pegawai", "officers")) ", " strong { (rp(s.total)) } }
            @if s.unpaid > 0 { dt { (look.pick("Tidak dibayar", "Unpaid")) } dd { (s.unpaid) " " (look.pick("pegawai (lihat di bawah)", "officers (see below)")) } }
            dt { (look.pick("Kebijakan", "Policy")) } dd { (s.policy_version) " — " (rule_text(lang, &run.policy)) "; "
                (look.pick("bobot nilai unit (k) ", "weight of the unit's score (k) ")) (run.policy.blend_k) "; "
                (look.pick("dihitung untuk TPP: ", "counted for TPP: ")) (trust_label(lang, run.policy.min_trust)) }
            @if run.policy.evidence.is_some() {
                @let (bounded, insufficient, units) = evidence_counts(run);
                dt { (look.pick("Bukti", "Evidence")) }
                dd { (bounded) (look.pick(" pegawai dinilai dari batas atas nilainya; ", " officers scored from their score's upper end; "))
                    (insufficient) (look.pick(" pegawai tanpa bukti cukup (komponen kepuasan 100%)", " officers without enough evidence (satisfaction component 100%)"))
                    @if !units.is_empty() { (look.pick(", di unit: ", ", in units: ")) (units.join(", ")) } }
            }
            dt { (look.pick("Ringkasan masukan", "Input digest")) } dd { code.digest { (s.input_digest) } }
            dt { (look.pick("Riwayat", "History")) } dd { ul.plain { @for e in &run.events {
                li { (lang.date_time(e.at, view.offset)) " · " (state_label(lang, e.state)) " · " (e.actor) }
            } } }
            @if matches!(s.state, RunState::Draft | RunState::Reviewed) {
                @let reviewer = run.events.iter().rev().find(|e| e.state == RunState::Reviewed).map(|e| e.actor.as_str());
                dt { (look.pick("Empat mata", "Four eyes")) }
                dd { (look.pick("Yang menyetujui harus orang lain daripada yang menghitung (", "The approver must be someone other than who computed it ("))
                    (s.computed_by) @if let Some(r) = reviewer { (look.pick(") dan yang memeriksa (", ") and who reviewed it (")) (r) } ")." }
            }
        }
        @if !view.short.is_empty() {
            div.warning role="note" {
                p { strong { (view.short.len()) " " (look.pick("unit belum mencapai jumlah sampel Krejcie–Morgan bulan ini; angkanya bertumpu pada lebih sedikit tanggapan daripada yang diminta aturan survei:", "units fall short of the Krejcie–Morgan sample this month; their figures rest on fewer responses than the survey's rule asks for:")) } }
                ul { @for (name, counted, needed) in &view.short {
                    li { (name) ": " (counted) (look.pick(" dari ", " of ")) (needed) " " (look.pick("tanggapan", "responses")) }
                } }
            }
        }
        (state_actions(look, view, latest))
        p {
            (look.pick("Unduh: ", "Download: "))
            a href={ (routes::tpp_export(&month.to_string())) "?format=xlsx&versi=" (s.version) "&lang=" (lang.code()) } { (look.pick("lembar kerja (xlsx)", "spreadsheet (xlsx)")) } " · "
            a href={ (routes::tpp_export(&month.to_string())) "?format=csv&versi=" (s.version) "&lang=" (lang.code()) } { "CSV" }
        }
        @if view.versions.len() > 1 {
            p { (look.pick("Versi bulan ini: ", "Versions of this month: "))
                @for v in &view.versions {
                    @if v.version == s.version { strong { (v.version) } } @else { a href=(month_href(lang, month, Some(v.version))) { (v.version) } }
                    " (" (state_label(lang, v.state)) ") "
                }
            }
        }
        @if let Some(previous) = &view.previous { (changes(look, run, previous)) }
        @if !run.payroll.unpaid.is_empty() {
            h2 { (look.pick("Tidak dibayar", "Not paid")) }
            table.data.stacked {
                thead { tr { th scope="col" { (look.pick("Nama", "Name")) } th scope="col" { "NIP" } th scope="col" { (look.pick("Alasan", "Reason")) } } }
                tbody { @for u in &run.payroll.unpaid { tr {
                    th scope="row" { (run.officer(&u.nip).map_or("", |o| o.name.as_str())) } td data-label="NIP" { (u.nip) } td data-label=(look.pick("Alasan", "Reason")) { (u.reason) }
                } } }
            }
        }
        h2 { (look.pick("Per unit", "By unit")) }
        table.data tabindex="0" {
            thead { tr { th scope="col" { "Unit" } th.num scope="col" { (look.pick("Jumlah", "Total")) } th.num scope="col" { (look.pick("Pegawai", "Officers")) } } }
            tbody { @for (unit_id, (name, count, total)) in &unit_totals(run) { tr {
                th scope="row" { a href={ (month_href(lang, month, Some(s.version))) "&unit=" (unit_id) "#pegawai" } { (name) } }
                td.num { (rp(*total)) } td.num { (count) }
            } } }
        }
        @if let Some(unit) = view.unit.as_deref() { (unit_officers(look, run, unit)) }
    };
    (title, content)
}

fn changes(look: Look, run: &StoredRun, previous: &StoredRun) -> Markup {
    let changes = differences(&previous.payroll, &run.payroll);
    let name = |nip: &str| {
        run.officer(nip)
            .or_else(|| previous.officer(nip))
            .map_or(String::new(), |o| o.name.clone())
    };
    html! {
        h2 { (look.pick("Perubahan dari versi ", "Changes from version ")) (previous.summary.version) }
        @if changes.is_empty() {
            p { (look.pick("Tidak ada jumlah yang berubah.", "No amount changed.")) }
        } @else {
            table.data tabindex="0" {
                thead { tr { th scope="col" { (look.pick("Pegawai", "Officer")) } th.num scope="col" { (look.pick("Selisih", "Difference")) } th.num scope="col" { (look.pick("Sebelum", "Before")) } th.num scope="col" { (look.pick("Sesudah", "After")) } } }
                tbody { @for d in &changes { tr {
                    th scope="row" { a href=(explain_href(look.lang, &d.nip, run.summary.month)) { (name(&d.nip)) } br; small { (d.nip) } }
                    td.num { (signed(d.after.unwrap_or(0), d.before.unwrap_or(0))) }
                    td.num { (d.before.map_or("–".into(), rp)) }
                    td.num { (d.after.map_or("–".into(), rp)) }
                } } }
            }
        }
    }
}

fn signed(after: u64, before: u64) -> String {
    if after >= before {
        format!("+{}", rp(after - before))
    } else {
        format!("−{}", rp(before - after))
    }
}

/// Unit code → (name, officers paid, total).
fn unit_totals(run: &StoredRun) -> BTreeMap<String, (String, usize, u64)> {
    let mut totals: BTreeMap<String, (String, usize, u64)> = BTreeMap::new();
    for row in &run.payroll.rows {
        let name = run
            .officer(&row.nip)
            .map_or(row.unit_id.clone(), |o| o.unit_name.clone());
        let entry = totals.entry(row.unit_id.clone()).or_insert((name, 0, 0));
        entry.1 += 1;
        entry.2 += row.explanation.amount;
    }
    totals
}

fn unit_officers(look: Look, run: &StoredRun, unit: &str) -> Markup {
    let lang = look.lang;
    let rows = run.payroll.rows.iter().filter(|r| r.unit_id == unit);
    html! {
        h2 #pegawai { (run.officers.iter().find(|o| o.input.unit_id == unit).map_or(unit, |o| o.unit_name.as_str())) }
        table.data tabindex="0" {
            thead { tr {
                th scope="col" { (look.pick("Pegawai", "Officer")) }
                th.num scope="col" { (look.pick("Dibayar", "Paid")) }
                th.num scope="col" { (look.pick("Nilai", "Score")) }
                th.num scope="col" { (look.pick("Faktor", "Factor")) }
                th.num scope="col" { (look.pick("TPP dasar", "Base")) }
                th scope="col" { (look.pick("Kelas", "Class")) }
            } }
            tbody { @for r in rows { tr {
                th scope="row" { a href=(explain_href(lang, &r.nip, run.summary.month)) { (run.officer(&r.nip).map_or("", |o| o.name.as_str())) } br; small { (r.nip) } }
                td.num { (rp(r.explanation.amount)) }
                td.num { (r.explanation.score.map_or("–".to_string(), |s| lang.decimal(s))) }
                td.num { (percent(lang, r.explanation.factor.paid)) }
                td.num { (rp(r.explanation.base)) }
                td { (r.position_class) }
            } } }
        }
    }
}

fn state_actions(look: Look, view: &RunView, latest: bool) -> Markup {
    let s = &view.run.summary;
    let (label, allowed) = match s.state {
        RunState::Draft => (
            look.pick("Tandai sudah diperiksa", "Mark as reviewed"),
            true,
        ),
        RunState::Reviewed => (look.pick("Setujui…", "Approve…"), view.may_approve),
        RunState::Approved => (
            look.pick("Kunci (final)…", "Lock (final)…"),
            view.may_approve,
        ),
        RunState::Locked => ("", false),
    };
    let recompute = latest && s.state != RunState::Approved;
    html! {
        div.buttons {
            @if allowed {
                form.inline method="post" action=(look.action(&routes::tpp_state(&s.month.to_string()))) {
                    (look.csrf())
                    input type="hidden" name="version" value=(s.version);
                    input type="hidden" name="from" value=(s.state.code());
                    button.primary type="submit" { (label) }
                }
                " "
            } @else if s.state != RunState::Locked {
                p.muted { (look.pick("Persetujuan dan penguncian dilakukan BPKAD.", "Approving and locking are done by BPKAD.")) }
            }
            @if recompute {
                form.inline method="post" action=(look.action(routes::TPP_RUN)) {
                    (look.csrf())
                    input type="hidden" name="month" value=(s.month);
                    button type="submit" {
                        @if s.state == RunState::Locked { (look.pick("Hitung ulang sebagai versi baru", "Recompute as a new version")) }
                        @else { (look.pick("Hitung ulang draf", "Recompute the draft")) }
                    }
                }
            }
        }
    }
}

#[derive(Deserialize)]
pub struct StateForm {
    pub version: Option<i64>,
    pub from: Option<String>,
    /// `yes` from the confirmation page of an approval or a lock.
    pub confirm: Option<String>,
}

pub async fn advance(
    cx: StaffCx,
    Path(month): Path<String>,
    CsrfForm(form): CsrfForm<StateForm>,
) -> Result<Response, PageError> {
    let month = parse_month(&month)?;
    let (Some(version), Some(from)) = (
        form.version,
        form.from.as_deref().and_then(RunState::from_code),
    ) else {
        return Err(PageError::BadRequest);
    };
    // Reviewing is BKPSDM's or BPKAD's; approving and locking are finance's alone.
    if from != RunState::Draft && !cx.staff.principal.may(Permission::ApprovePayroll) {
        return Err(PageError::Forbidden);
    }
    let query = RunQuery {
        versi: Some(version),
        unit: None,
    };
    // Approving and locking cannot be undone: a page naming the consequences first.
    if from != RunState::Draft && !confirmed(form.confirm.as_deref()) {
        let view = load(&cx, month, &query).await?;
        return confirm_page(&cx, &view, from);
    }
    let outcome = cx
        .app
        .store
        .advance_run(
            cx.tenant_id(),
            month,
            version,
            from,
            cx.username(),
            OffsetDateTime::now_utc(),
        )
        .await;
    let (status, message) = match outcome {
        Ok(to) => (
            StatusCode::OK,
            Ok(format!(
                "{} {}.",
                cx.pick("Status kini:", "State now:"),
                state_label(cx.lang, to)
            )),
        ),
        Err(error) => {
            let (status, text) = refusal(cx.lang, error)?;
            (status, Err(text))
        }
    };
    let view = load(&cx, month, &query).await?;
    let (title, content) = render(cx.look(), &view, Some(&message));
    Ok(cx.page(status, &title, content))
}

fn confirm_page(cx: &StaffCx, view: &RunView, from: RunState) -> Result<Response, PageError> {
    let s = &view.run.summary;
    let approving = from == RunState::Reviewed;
    let month = s.month.to_string();
    let action = routes::tpp_state(&month);
    confirm::page(
        cx,
        &Confirmation {
            title: if approving {
                cx.pick("Setujui perhitungan TPP?", "Approve the TPP run?")
            } else {
                cx.pick("Kunci perhitungan TPP?", "Lock the TPP run?")
            },
            facts: vec![
                (
                    cx.pick("Perhitungan", "Run"),
                    html! { "TPP " (cx.lang.month(s.month)) " · " (cx.pick("versi ", "version ")) (s.version) },
                ),
                (
                    cx.pick("Dibayar", "Paid"),
                    html! { (s.paid) " " (cx.pick("pegawai", "officers")) ", " strong { (rp(s.total)) } },
                ),
            ],
            consequence: if approving {
                cx.pick(
                    "Setelah disetujui, perhitungan ini tidak dapat dihitung ulang; langkah berikutnya hanya menguncinya untuk dibayar.",
                    "Once approved, this run cannot be recomputed; the only next step is locking it for payment.",
                )
            } else {
                cx.pick(
                    "Setelah dikunci, jumlah ini final dan dibayarkan. Perubahan sesudahnya hanya dapat dibuat sebagai versi baru, dengan selisihnya dicatat.",
                    "Once locked, these amounts are final and paid. Any later change can only be a new version, with its differences recorded.",
                )
            },
            action: &action,
            fields: vec![
                ("version".into(), s.version.to_string()),
                ("from".into(), from.code().into()),
            ],
            yes: if approving {
                cx.pick("Ya, setujui", "Yes, approve")
            } else {
                cx.pick("Ya, kunci", "Yes, lock")
            },
            cancel: month_href(cx.lang, s.month, Some(s.version)),
        },
    )
}

#[derive(Deserialize, Default)]
pub struct ExportQuery {
    pub format: Option<String>,
    pub versi: Option<i64>,
}

pub async fn export(
    cx: StaffCx,
    Path(month): Path<String>,
    Query(query): Query<ExportQuery>,
) -> Result<Response, PageError> {
    let month = parse_month(&month)?;
    let Some(run) = cx
        .app
        .store
        .payroll_run(cx.tenant_id(), month, query.versi)
        .await?
    else {
        return Err(PageError::NotFound(Missing::Run(cx.lang.month(month))));
    };
    let format = SheetFormat::from_query(query.format.as_deref())?;
    let bytes = match format {
        SheetFormat::Xlsx => suara_reports::tpp::payroll_xlsx(&run, &cx.tenant.name),
        SheetFormat::Csv => suara_reports::tpp::payroll_csv(&run),
    };
    let stem = format!("tpp-{}-{month}-v{}", cx.tenant_id(), run.summary.version);
    Ok(download(format, &stem, bytes)?)
}
