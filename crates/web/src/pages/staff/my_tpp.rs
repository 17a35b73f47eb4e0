//! "Why is my TPP 87 %?": an officer's TPP of a month step by step, from the responses
//! counted to the rupiah exported, and the responses naming the officer, which they may
//! appeal. Unit admins, HR and the inspectorate see the same page for officers they may see.

use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::Response;
use maud::{html, Markup};
use serde::Deserialize;
use suara_domain::integrity::channel::{Channel, Trust};
use suara_domain::org::Officer;
use suara_domain::period::Month;
use suara_domain::tpp::payroll::Payroll;
use suara_domain::tpp::policy::Policy;
use suara_store::{NamingResponse, RunOfficer, StoredRun};
use time::OffsetDateTime;

use super::appeals::{answers_text, appeal_status};
use super::explanation::{trust_label, Figures, Published};
use super::tpp::refusal;
use super::{outcome, units_tree};
use crate::pages::context::{CsrfForm, Look, StaffCx};
use crate::pages::failure::{Missing, PageError};
use crate::routes;
use suara_app::i18n::catalogue as T;
use suara_app::i18n::channel_label;

#[derive(Deserialize, Default)]
pub struct ExplainQuery {
    pub bulan: Option<String>,
}

pub async fn explain(
    cx: StaffCx,
    Path(nip): Path<String>,
    Query(query): Query<ExplainQuery>,
) -> Result<Response, PageError> {
    respond(&cx, &nip, query.bulan.as_deref(), StatusCode::OK, None).await
}

/// What the explanation page shows, loaded from the store.
pub struct ExplainView {
    pub officer: Officer,
    /// Months with a payroll run, the month under way and the one before it, newest first.
    pub months: Vec<Month>,
    pub month: Month,
    /// The run in force (approved or locked, else the newest).
    pub run: Option<StoredRun>,
    /// A newer version is being prepared and not approved yet.
    pub newer_in_preparation: bool,
    /// The provisional figures of a month that has not ended (it has no run).
    pub preview: Option<(Policy, Vec<RunOfficer>, Payroll)>,
    pub naming: Vec<NamingResponse>,
    /// Responses naming the officer in the published SKM that month.
    pub published: u64,
    /// Whether the officer is the user, who may appeal.
    pub own: bool,
    pub offset: time::UtcOffset,
    /// Unit code → name, to name the unit whose score decided.
    pub unit_names: std::collections::HashMap<String, String>,
}

async fn load(cx: &StaffCx, nip: &str, month: Option<&str>) -> Result<ExplainView, PageError> {
    let store = &cx.app.store;
    let tenant_id = cx.tenant_id();
    let Some(officer) = store.officer(tenant_id, nip).await? else {
        return Err(PageError::NotFound(Missing::Officer(nip.to_string())));
    };
    let (_, tree) = units_tree(cx).await?;
    if !cx
        .staff
        .principal
        .sees_officer(nip, &officer.unit_id, &tree)
    {
        return Err(PageError::Forbidden);
    }
    // The months with a run, and always the month under way (its provisional preview) and
    // the one before it, so nobody has to type an address to reach them.
    let runs = store.payroll_runs(tenant_id).await?;
    let mut months: Vec<Month> = runs.iter().map(|r| r.month).collect();
    months.sort_unstable_by(|a, b| b.cmp(a));
    months.dedup();
    let month_list = {
        let mut all = months.clone();
        all.extend([cx.current_month(), cx.current_month().previous()]);
        all.sort_unstable_by(|a, b| b.cmp(a));
        all.dedup();
        all
    };
    let month = match month.filter(|m| !m.is_empty()) {
        Some(text) => super::tpp::parse_month(text)?,
        None => months
            .first()
            .copied()
            .unwrap_or_else(|| cx.current_month().previous()),
    };
    let run = store.payroll_run_in_force(tenant_id, month).await?;
    let newer_in_preparation = run.as_ref().is_some_and(|shown| {
        runs.iter().any(|r| {
            r.month == month
                && r.version > shown.summary.version
                && r.state != suara_domain::tpp::payroll::RunState::Discarded
        })
    });
    // A month that has not ended has no run: its provisional figures instead.
    let preview = match run {
        None if month >= cx.current_month() => Some(
            store
                .preview_payroll(tenant_id, month)
                .await
                .map_err(|e| match e {
                    suara_store::TppError::Store(e) => PageError::Store(e),
                    _ => PageError::BadRequest,
                })?,
        ),
        _ => None,
    };
    Ok(ExplainView {
        naming: store.responses_naming(tenant_id, nip, month).await?,
        published: store
            .tally(tenant_id, suara_store::Scope::Officer(nip), month, month)
            .await?
            .responses(),
        own: cx.staff.principal.nip.as_deref() == Some(nip),
        offset: cx.tenant.offset(),
        unit_names: store
            .units(tenant_id)
            .await?
            .into_iter()
            .map(|u| (u.unit_id, u.name))
            .collect(),
        officer,
        months: month_list,
        month,
        newer_in_preparation,
        run,
        preview,
    })
}

async fn respond(
    cx: &StaffCx,
    nip: &str,
    month: Option<&str>,
    status: StatusCode,
    message: Option<Result<String, String>>,
) -> Result<Response, PageError> {
    let view = load(cx, nip, month).await?;
    let (title, content) = render(cx.look(), &view, message.as_ref());
    Ok(cx.page(status, &title, content))
}

pub fn render(
    look: Look,
    view: &ExplainView,
    message: Option<&Result<String, String>>,
) -> (String, Markup) {
    let lang = look.lang;
    let (officer, month) = (&view.officer, view.month);
    let nip = officer.nip.as_str();
    let figures = match (&view.run, &view.preview) {
        (Some(r), _) => Some(Figures {
            month,
            policy: &r.policy,
            officers: &r.officers,
            payroll: &r.payroll,
            run: Some(&r.summary),
            unit_names: &view.unit_names,
        }),
        (None, Some((policy, officers, payroll))) => Some(Figures {
            month,
            policy,
            officers,
            payroll,
            run: None,
            unit_names: &view.unit_names,
        }),
        (None, None) => None,
    };
    // Why each listed response does not decide TPP, where the page may say so.
    let notes: Vec<Option<NotDeciding>> = view
        .naming
        .iter()
        .map(|r| {
            figures
                .as_ref()
                .and_then(|f| not_deciding(r, f.policy.min_trust, f.run.map(|s| s.computed_at)))
        })
        .collect();
    let published = Published {
        responses: view.published,
        marked: notes.iter().flatten().filter(|n| n.decides_not()).count() as u64,
    };
    let path = routes::tpp_explain(nip);
    let title = format!("TPP {} · {}", officer.name, lang.month(month));
    let content = html! {
        p.crumbs { a href=(look.href(&routes::dashboard_officer(nip))) { (officer.name) } }
        h1 { (look.t(T::WHY_IS_MY_TPP_WHAT_IT_IS)) }
        p.lead { (officer.name) " · NIP " (officer.nip) " · " (lang.month(month)) }
        @if view.months.len() > 1 {
            p { (look.t(T::MONTH_2))
                @for m in &view.months {
                    @if *m == month { strong aria-current="true" { (lang.month(*m)) } }
                    @else { a href={ (path) "?bulan=" (m) "&lang=" (lang.code()) } { (lang.month(*m)) } }
                    " "
                }
            }
        }
        (outcome(message))
        @if view.newer_in_preparation {
            div.warning role="note" { p { (look.t(T::A_NEW_VERSION_IS_BEING_PREPARED)) } }
        }
        @let set_aside = figures.as_ref().and_then(|f| f.officers.iter().find(|o| o.input.nip == nip)).and_then(|o| o.input.set_aside);
        @if let Some(amount) = set_aside {
            div.warning role="note" { p {
                // The officer learns that evidence waits, never how much it would move them.
                @if view.own { (look.t(T::SET_ASIDE_FOR_OFFICER)) }
                @else { (lang.fill(T::SET_ASIDE_FOR_STAFF, &[&super::tpp::rp(amount)])) }
            } }
        }
        @match &figures {
            Some(figures) => { (super::explanation::steps(lang, figures, nip, published)) }
            None => { p { strong { (look.t(T::NO_TPP_RUN_YET_FOR)) (lang.month(month)) "." } } }
        }
        (responses_section(look, &view.naming, &notes, view.own, nip, month, view.offset))
    };
    (title, content)
}

/// Why a listed response does not decide the officer's TPP, when the page may say so. What
/// the checks on ratings left out (held in quarantine when the figures were computed, the
/// pace rule, sources awaiting confirmation) is never marked: an officer must not learn
/// which ratings the rules caught.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum NotDeciding {
    /// Its channel is no evidence for pay under the policy, which counts `Trust` and up.
    Channel(Trust),
    /// Given on a kiosk no second account had approved yet.
    KioskNotApproved,
    /// A ticket issued from a rated officer's own account.
    TicketByOfficer,
    /// An appeal against it was upheld before the figures were computed.
    Upheld,
    /// An appeal against it was upheld after this run was computed: it still counts here.
    UpheldAfterRun,
}

impl NotDeciding {
    /// Whether the response is left out of the figures shown (not just of the next run).
    fn decides_not(self) -> bool {
        self != NotDeciding::UpheldAfterRun
    }

    /// Whether it follows the appeal's decision in the table.
    fn about_appeal(self) -> bool {
        matches!(self, NotDeciding::Upheld | NotDeciding::UpheldAfterRun)
    }

    fn text(self, lang: suara_app::i18n::Lang) -> String {
        match self {
            NotDeciding::Channel(min) => lang.fill(
                T::TPP_EXPLAIN_CHANNEL_NOT_FOR_PAY,
                &[&trust_label(lang, min)],
            ),
            NotDeciding::KioskNotApproved => lang.t(T::TPP_EXPLAIN_KIOSK_NOT_APPROVED).into(),
            NotDeciding::TicketByOfficer => lang.t(T::TPP_EXPLAIN_TICKET_BY_OFFICER).into(),
            NotDeciding::Upheld => lang.t(T::TPP_EXPLAIN_UPHELD_NOT_COUNTED).into(),
            NotDeciding::UpheldAfterRun => lang.t(T::TPP_EXPLAIN_UPHELD_AFTER_RUN).into(),
        }
    }
}

/// Why `response` does not decide TPP under a policy counting `min_trust` and up, for
/// figures computed at `computed_at` (`None`: the provisional figures, computed now).
fn not_deciding(
    response: &NamingResponse,
    min_trust: Trust,
    computed_at: Option<OffsetDateTime>,
) -> Option<NotDeciding> {
    if response.pay_trust < min_trust {
        let channel = Channel::from_code(&response.channel);
        return Some(match channel {
            Some(Channel::KioskPending) => NotDeciding::KioskNotApproved,
            // A ticket is verified by its channel: only its issuer made it open.
            Some(c) if c.trust() >= min_trust => NotDeciding::TicketByOfficer,
            _ => NotDeciding::Channel(min_trust),
        });
    }
    let upheld = response
        .appeal
        .as_ref()
        .and_then(|a| a.decision.as_ref())
        .filter(|d| d.upheld)?;
    Some(match computed_at {
        Some(at) if upheld.decided_at > at => NotDeciding::UpheldAfterRun,
        _ => NotDeciding::Upheld,
    })
}

fn responses_section(
    look: Look,
    naming: &[NamingResponse],
    notes: &[Option<NotDeciding>],
    own: bool,
    nip: &str,
    month: Month,
    offset: time::UtcOffset,
) -> Markup {
    let lang = look.lang;
    html! {
        h2 #tanggapan { (lang.t(T::RESPONSES_NAMING_THIS_OFFICER_2)) " (" (lang.month(month)) ")" }
        @if naming.is_empty() {
            p { (lang.t(T::NONE_2)) }
        } @else {
            @if own {
                p { (lang.t(T::IF_A_RESPONSE_IS_NOT_ABOUT_YOUR)) }
            }
            table.data.stacked {
                thead { tr {
                    th scope="col" { (lang.t(T::DATE)) }
                    th scope="col" { (lang.t(T::CHANNEL)) }
                    th scope="col" { (lang.t(T::ANSWERS_U1_U9)) }
                    th scope="col" { (lang.t(T::STATUS_2)) }
                } }
                tbody { @for (r, note) in naming.iter().zip(notes.iter().copied().chain(std::iter::repeat(None))) { tr {
                    // The day only, and never whether it was held: an officer must not learn
                    // who rated them, nor tune stuffing by what the rules caught.
                    th scope="row" { (lang.date(r.received_at.to_offset(offset).date())) }
                    td data-label=(lang.t(T::CHANNEL)) { (channel_label(lang, &r.channel)) }
                    td data-label=(lang.t(T::ANSWERS)) { code { (answers_text(&r.answers)) } }
                    td data-label=(lang.t(T::STATUS_2)) {
                        // Never set for what the checks on ratings caught (see `NotDeciding`).
                        @if let Some(note) = note.filter(|n| !n.about_appeal()) { div { (note.text(lang)) } }
                        @if let Some(appeal) = &r.appeal {
                            (appeal_status(lang, appeal))
                            @if let Some(note) = note.filter(|n| n.about_appeal()) { div { (note.text(lang)) } }
                        }
                        @else if own {
                            form.appeal method="post" action=(look.action(&routes::tpp_appeal(nip))) {
                                (look.csrf())
                                input type="hidden" name="response" value=(r.response_id);
                                input type="hidden" name="month" value=(month);
                                label for={ "appeal-" (r.response_id) } { (lang.t(T::REASON_FOR_THE_APPEAL)) }
                                input id={ "appeal-" (r.response_id) } name="reason" required maxlength="1000";
                                button type="submit" { (lang.t(T::APPEAL)) }
                            }
                        }
                    }
                } } }
            }
        }
    }
}

#[derive(Deserialize)]
pub struct AppealForm {
    pub response: Option<i64>,
    pub month: Option<String>,
    #[serde(default)]
    pub reason: String,
}

pub async fn file_appeal(
    cx: StaffCx,
    Path(nip): Path<String>,
    CsrfForm(form): CsrfForm<AppealForm>,
) -> Result<Response, PageError> {
    // Only the officer named may appeal, for themselves.
    if cx.staff.principal.nip.as_deref() != Some(nip.as_str()) {
        return Err(PageError::Forbidden);
    }
    let Some(response_id) = form.response else {
        return Err(PageError::BadRequest);
    };
    let filed = cx
        .app
        .store
        .file_appeal(
            cx.tenant_id(),
            &nip,
            response_id,
            &form.reason,
            OffsetDateTime::now_utc(),
        )
        .await;
    if filed.is_ok() {
        crate::alerts::appeal_filed(&cx.app, cx.tenant_id(), &nip, response_id, &form.reason).await;
    }
    let (status, message) = match filed {
        Ok(()) => (
            StatusCode::OK,
            Ok(cx
                .t(T::APPEAL_FILED_THE_INSPECTORATE_WILL_DECIDE)
                .to_string()),
        ),
        Err(error) => {
            let (status, text) = refusal(cx.lang, error)?;
            (status, Err(text))
        }
    };
    respond(&cx, &nip, form.month.as_deref(), status, Some(message)).await
}

#[cfg(test)]
mod tests;
