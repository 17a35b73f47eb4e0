//! One payroll run: its facts, history, state changes (approving and locking after a
//! confirmation page), differences from the previous version, units and officers.

use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::Response;
use maud::{html, Markup};
use serde::Deserialize;
use suara_domain::access::Permission;
use suara_domain::period::Month;
use suara_domain::tpp::payroll::{differences, Difference, RunState};
use suara_store::{RunSummary, StoredRun};
use time::{OffsetDateTime, UtcOffset};

use super::{
    deductions_text, explain_href, month_href, parse_month, percent, refusal, rp, rule_text,
    signed, state_label, unit_totals,
};
use crate::pages::context::{CsrfForm, Look, StaffCx};
use crate::pages::failure::{Missing, PageError};
use crate::pages::staff::confirm::{self, confirmed, Confirmation};
use crate::pages::staff::explanation::{evidence_counts, shortfall, trust_label, waiting_units};
use crate::routes;
use suara_app::i18n::catalogue as T;

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
    /// For a draft or reviewed run whose inputs moved since it was computed: the officers
    /// whose amount would change.
    pub drift: Option<Vec<Difference>>,
}

/// The version asked for, else the one in force (a discarded newest version is shown only
/// when asked for, or when every version was discarded).
async fn shown_run(
    cx: &StaffCx,
    month: Month,
    version: Option<i64>,
) -> Result<Option<StoredRun>, PageError> {
    let store = &cx.app.store;
    if version.is_none() {
        if let Some(run) = store.payroll_run_in_force(cx.tenant_id(), month).await? {
            return Ok(Some(run));
        }
    }
    Ok(store.payroll_run(cx.tenant_id(), month, version).await?)
}

pub(super) async fn load(
    cx: &StaffCx,
    month: Month,
    query: &RunQuery,
) -> Result<RunView, PageError> {
    let store = &cx.app.store;
    let Some(run) = shown_run(cx, month, query.versi).await? else {
        return Err(PageError::NotFound(Missing::Run(cx.lang.month(month))));
    };
    let versions: Vec<RunSummary> = store
        .payroll_runs(cx.tenant_id())
        .await?
        .into_iter()
        .filter(|r| r.month == month)
        .collect();
    // The differences are from the version before that was not discarded.
    let before = versions
        .iter()
        .find(|r| r.version < run.summary.version && r.state != RunState::Discarded)
        .map(|r| r.version);
    let previous = match before {
        Some(v) => store.payroll_run(cx.tenant_id(), month, Some(v)).await?,
        None => None,
    };
    let units = store.units(cx.tenant_id()).await?;
    // A policy that judges by the sample lists thin units with their shortfall already.
    let judged_by_sample = run
        .policy
        .evidence
        .as_ref()
        .is_some_and(|e| e.sample_from_users);
    let drift = match run.summary.state {
        RunState::Draft | RunState::Reviewed => store.run_drift(cx.tenant_id(), &run).await?,
        _ => None,
    };
    Ok(RunView {
        drift,
        short: if judged_by_sample {
            Vec::new()
        } else {
            super::short_of_sample(&run, &units)
        },
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
    let exists = shown_run(&cx, month, query.versi).await?.is_some();
    if !exists && month >= cx.current_month() {
        return super::preview::page(&cx, month, query.unit).await;
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
    let (bounded, insufficient, thin) = evidence_counts(run);
    let month = s.month;
    let title = format!("TPP {}", lang.month(month));
    let latest = view.versions.first().map(|r| r.version) == Some(s.version);
    let content = html! {
        p.crumbs { a href=(look.href(routes::TPP)) { "TPP" } }
        h1 { (title) " · " (look.t(T::VERSION_3)) (s.version) }
        (crate::pages::staff::outcome(message))
        (facts(look, view, bounded, insufficient))
        @if let Some(changes) = &view.drift { (super::drift::drift_notice(look, run, changes)) }
        @let waiting = waiting_units(run);
        @if !waiting.is_empty() {
            @let set_aside: usize = waiting.values().map(|(_, n)| n).sum();
            div.warning role="note" {
                p { (lang.fill(T::RUN_SET_ASIDE, &[&set_aside])) }
                ul { @for (name, n) in waiting.values() { li { (name) ": " (n) " " (look.t(T::OFFICERS_2)) } } }
            }
        }
        @if !thin.is_empty() {
            div.warning role="note" {
                p { strong { (thin.len()) " " (look.t(T::UNITS_JUDGED_ON_TOO_LITTLE_EVIDENCE)) } }
                ul { @for unit in &thin { li { (unit.name) ": " (shortfall(lang, &unit.evidence)) } } }
                p { (look.t(T::TO_HAVE_ENOUGH_EVIDENCE)) }
            }
        }
        @if !view.short.is_empty() {
            div.warning role="note" {
                p { strong { (view.short.len()) " " (look.t(T::UNITS_FALL_SHORT_OF_THE_KREJCIE_MORGAN)) } }
                ul { @for (name, counted, needed) in &view.short {
                    li { (name) ": " (lang.fill(T::TPP_EXPLAIN_SHORT_RESPONSES, &[counted, needed])) }
                } }
            }
        }
        (state_actions(look, view, latest))
        (downloads(look, view))
        @if view.versions.len() > 1 {
            p { (look.t(T::VERSIONS_OF_THIS_MONTH))
                @for v in &view.versions {
                    @if v.version == s.version { strong { (v.version) } } @else { a href=(month_href(lang, month, Some(v.version))) { (v.version) } }
                    " (" (state_label(lang, v.state)) ") "
                }
            }
        }
        @if let Some(previous) = &view.previous { (changes(look, run, previous)) }
        @if !run.payroll.unpaid.is_empty() {
            h2 { (look.t(T::NOT_PAID)) }
            table.data.stacked {
                thead { tr { th scope="col" { (look.t(T::NAME)) } th scope="col" { "NIP" } th scope="col" { (look.t(T::REASON_2)) } } }
                tbody { @for u in &run.payroll.unpaid { tr {
                    th scope="row" { (run.officer(&u.nip).map_or("", |o| o.name.as_str())) } td data-label="NIP" { (u.nip) } td data-label=(look.t(T::REASON_2)) { (u.reason) }
                } } }
            }
        }
        h2 { (look.t(T::BY_UNIT)) }
        table.data tabindex="0" {
            thead { tr { th scope="col" { "Unit" } th.num scope="col" { (look.t(T::TOTAL)) } th.num scope="col" { (look.t(T::OFFICERS)) } } }
            tbody { @for (unit_id, (name, count, total)) in &unit_totals(&run.payroll, &run.officers) { tr {
                th scope="row" { a href={ (month_href(lang, month, Some(s.version))) "&unit=" (unit_id) "#pegawai" } { (name) } }
                td.num { (rp(*total)) } td.num { (count) }
            } } }
        }
        @if let Some(unit) = view.unit.as_deref() { (unit_officers(look, run, unit)) }
    };
    (title, content)
}

/// The run's facts: state, pay, policy, evidence, digest, history and who may approve.
fn facts(look: Look, view: &RunView, bounded: usize, insufficient: usize) -> Markup {
    let lang = look.lang;
    let run = &view.run;
    let s = &run.summary;
    html! {
        dl.facts {
            dt { (look.t(T::STATE)) } dd { strong { (state_label(lang, s.state)) } }
            dt { (look.t(T::PAID)) } dd { (s.paid) " " (look.t(T::OFFICERS_2)) ", " strong { (rp(s.total)) } }
            @if s.unpaid > 0 { dt { (look.t(T::UNPAID)) } dd { (s.unpaid) " " (look.t(T::OFFICERS_SEE_BELOW)) } }
            dt { (look.t(T::POLICY_2)) } dd { (super::policy_name(lang, &s.policy_version)) " — " (rule_text(lang, &run.policy)) "; "
                (look.t(T::WEIGHT_OF_THE_UNIT_S_SCORE_K)) (run.policy.blend_k) "; "
                (look.t(T::COUNTED_FOR_TPP)) (trust_label(lang, run.policy.min_trust)) }
            dt { (look.t(T::DEDUCTIONS)) } dd { (deductions_text(lang, &run.policy.deductions)) }
            @if run.policy.evidence.is_some() {
                dt { (look.t(T::EVIDENCE_2)) }
                dd { (bounded) (look.t(T::OFFICERS_SCORED_FROM_THEIR_SCORE_S_UPPER))
                    (insufficient) (look.t(T::OFFICERS_WITHOUT_ENOUGH_EVIDENCE_SATISFACTION_COMPONENT_100)) }
            }
            @if run.policy.max_monthly_fall.is_some() {
                @let held = run.payroll.rows.iter().filter(|r| r.explanation.factor.fall_held.is_some()).count();
                dt { (look.t(T::POLICY_MAX_MONTHLY_FALL)) }
                dd { (lang.fill(T::OFFICERS_HELD_BY_THE_FALL_LIMIT, &[&held])) }
            }
            dt { (look.t(T::INPUT_DIGEST)) } dd { code.digest { (s.input_digest) } }
            dt { (look.t(T::HISTORY)) } dd { ul.plain { @for e in &run.events {
                li { (lang.date_time(e.at, view.offset)) " · " (state_label(lang, e.state)) " · " (e.actor) }
            } } }
            @if matches!(s.state, RunState::Draft | RunState::Reviewed) {
                @let reviewer = run.events.iter().rev().find(|e| e.state == RunState::Reviewed).map(|e| e.actor.as_str());
                dt { (look.t(T::FOUR_EYES)) }
                dd { (look.t(T::THE_APPROVER_MUST_BE_SOMEONE_OTHER_THAN))
                    (s.computed_by) @if let Some(r) = reviewer { (look.t(T::AND_WHO_REVIEWED_IT)) (r) } ")." }
            }
        }
    }
}

/// Links to the run as a spreadsheet and, unless discarded, to finance's files.
fn downloads(look: Look, view: &RunView) -> Markup {
    let lang = look.lang;
    let s = &view.run.summary;
    let month = s.month;
    html! {
        p {
            (look.t(T::DOWNLOAD))
            a href={ (routes::tpp_export(&month.to_string())) "?format=xlsx&versi=" (s.version) "&lang=" (lang.code()) } { (look.t(T::SPREADSHEET_XLSX)) } " · "
            a href={ (routes::tpp_export(&month.to_string())) "?format=csv&versi=" (s.version) "&lang=" (lang.code()) } { "CSV" }
        }
        @if s.state != RunState::Discarded {
            p {
                (look.t(T::FOR_FINANCE))
                a href={ (routes::tpp_payable(&month.to_string())) "?versi=" (s.version) "&lang=" (lang.code()) } { (look.t(T::PAYABLE_LIST_XLSX)) } " · "
                a href={ (routes::tpp_payable(&month.to_string())) "?format=pdf&versi=" (s.version) "&lang=" (lang.code()) } { (look.t(T::PAYABLE_LIST_PDF)) }
                @if s.state == RunState::Locked && view.may_approve {
                    " · "
                    a href={ (routes::tpp_bank_file(&month.to_string())) "?versi=" (s.version) "&lang=" (lang.code()) } { (look.t(T::BANK_TRANSFER_FILE_CSV)) }
                }
            }
        }
    }
}

fn changes(look: Look, run: &StoredRun, previous: &StoredRun) -> Markup {
    let changes = differences(&previous.payroll, &run.payroll);
    let name = |nip: &str| {
        run.officer(nip)
            .or_else(|| previous.officer(nip))
            .map_or(String::new(), |o| o.name.clone())
    };
    html! {
        h2 { (look.t(T::CHANGES_FROM_VERSION)) (previous.summary.version) }
        @if changes.is_empty() {
            p { (look.t(T::NO_AMOUNT_CHANGED)) }
        } @else {
            table.data tabindex="0" {
                thead { tr { th scope="col" { (look.t(T::OFFICER)) } th.num scope="col" { (look.t(T::DIFFERENCE)) } th.num scope="col" { (look.t(T::BEFORE)) } th.num scope="col" { (look.t(T::AFTER)) } } }
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

fn unit_officers(look: Look, run: &StoredRun, unit: &str) -> Markup {
    let lang = look.lang;
    let rows = run.payroll.rows.iter().filter(|r| r.unit_id == unit);
    html! {
        h2 #pegawai { (run.officers.iter().find(|o| o.input.unit_id == unit).map_or(unit, |o| o.unit_name.as_str())) }
        table.data tabindex="0" {
            thead { tr {
                th scope="col" { (look.t(T::OFFICER)) }
                th.num scope="col" { (look.t(T::PAID)) }
                th.num scope="col" { (look.t(T::SCORE)) }
                th.num scope="col" { (look.t(T::FACTOR)) }
                th.num scope="col" { (look.t(T::BASE)) }
                th scope="col" { (look.t(T::CLASS)) }
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
        RunState::Draft => (look.t(T::MARK_AS_REVIEWED), true),
        RunState::Reviewed => (look.t(T::APPROVE), view.may_approve),
        RunState::Approved => (look.t(T::LOCK_FINAL), view.may_approve),
        RunState::Locked | RunState::Discarded => ("", false),
    };
    let closed = matches!(s.state, RunState::Locked | RunState::Discarded);
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
            } @else if !closed {
                p.muted { (look.t(T::APPROVING_AND_LOCKING_ARE_DONE_BY_BPKAD)) }
            }
            @if recompute {
                form.inline method="post" action=(look.action(routes::TPP_RUN)) {
                    (look.csrf())
                    input type="hidden" name="month" value=(s.month);
                    button type="submit" {
                        @if closed { (look.t(T::RECOMPUTE_AS_A_NEW_VERSION)) }
                        @else { (look.t(T::RECOMPUTE_THE_DRAFT)) }
                    }
                }
            }
            @if s.state.may_discard() {
                " "
                form.inline method="post" action=(look.action(&routes::tpp_discard(&s.month.to_string()))) {
                    (look.csrf())
                    input type="hidden" name="version" value=(s.version);
                    input type="hidden" name="from" value=(s.state.code());
                    button type="submit" { (look.t(T::DISCARD_THIS_VERSION)) }
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
                cx.t(T::STATE_NOW),
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
                cx.t(T::APPROVE_THE_TPP_RUN)
            } else {
                cx.t(T::LOCK_THE_TPP_RUN)
            },
            facts: vec![
                (
                    cx.t(T::RUN_2),
                    html! { "TPP " (cx.lang.month(s.month)) " · " (cx.t(T::VERSION_3)) (s.version) },
                ),
                (
                    cx.t(T::PAID),
                    html! { (s.paid) " " (cx.t(T::OFFICERS_2)) ", " strong { (rp(s.total)) } },
                ),
            ],
            consequence: if approving {
                cx.t(T::ONCE_APPROVED_THIS_RUN_CANNOT_BE_RECOMPUTED)
            } else {
                cx.t(T::ONCE_LOCKED_THESE_AMOUNTS_ARE_FINAL_AND)
            },
            action: &action,
            fields: vec![
                ("version".into(), s.version.to_string()),
                ("from".into(), from.code().into()),
            ],
            yes: if approving {
                cx.t(T::YES_APPROVE)
            } else {
                cx.t(T::YES_LOCK)
            },
            cancel: month_href(cx.lang, s.month, Some(s.version)),
        },
    )
}
