//! TPP policy versions: the one in force, the saved ones, and a new version edited as a form
//! (the typed fields are kept when they cannot be saved, each problem beside its field). The
//! form starts from a saved version and is written into that version's text, so its comments
//! stay. Before saving, "see its effect first" shows what the new policy would have paid in
//! the last months computed, beside what was paid, and saves nothing.

use axum::http::StatusCode;
use axum::response::Response;
use maud::{html, Markup};
use std::collections::BTreeMap;

use suara_app::policy_form::{field_of_key, PolicyFields};
use suara_domain::tpp::payroll::{compare, Comparison};
use suara_domain::tpp::policy::{Policy, PolicyError};
use suara_store::StoredPolicy;
use time::OffsetDateTime;

use super::policy_form::{self, label, problem_text, Problems};
use super::{refusal, rp, rule_text, signed};
use crate::pages::context::{field, CsrfForm, Look, Pairs, StaffCx};
use crate::pages::failure::PageError;
use crate::routes;
use suara_app::i18n::catalogue as T;

/// Months the effect is shown for.
const SIMULATED_MONTHS: usize = 3;

pub struct PolicyView {
    pub saved: Vec<StoredPolicy>,
    pub in_force: Policy,
    /// Unit names by code, for the effect by unit.
    pub unit_names: BTreeMap<String, String>,
    /// The book's policy reference, when the server serves the book.
    pub guide: Option<String>,
}

/// What the typed policy would have paid, newest month first (`Some(empty)` when no month
/// has been computed yet).
pub type Effect = Option<Vec<Comparison>>;

impl PolicyView {
    /// The saved version named `version` (the form's base), else the one in force; with the
    /// text the form is written into.
    fn base(&self, version: Option<&str>) -> (String, Policy, String) {
        let saved = |p: &&StoredPolicy| match version {
            Some(v) => p.policy.version == v,
            None => p.policy == self.in_force,
        };
        match self.saved.iter().find(saved) {
            Some(p) => (p.policy.version.clone(), p.policy.clone(), p.text.clone()),
            None => (
                String::new(),
                self.in_force.clone(),
                self.in_force.to_toml(),
            ),
        }
    }
}

async fn load(cx: &StaffCx) -> Result<PolicyView, PageError> {
    let store = &cx.app.store;
    Ok(PolicyView {
        saved: store.policies(cx.tenant_id()).await?,
        in_force: store.policy_for(cx.tenant_id(), cx.current_month()).await?,
        unit_names: store
            .units(cx.tenant_id())
            .await?
            .into_iter()
            .map(|u| (u.unit_id, u.name))
            .collect(),
        guide: cx
            .app
            .book
            .is_some()
            .then(|| routes::book_page("tpp-policy.html")),
    })
}

fn effect_section(look: Look, view: &PolicyView, effect: &[Comparison]) -> Markup {
    let lang = look.lang;
    let Some(latest) = effect.first() else {
        return html! { section #dampak { h2 { (look.t(T::WHAT_THIS_POLICY_WOULD_HAVE_PAID)) } p { (look.t(T::NO_MONTH_COMPUTED_YET)) } } };
    };
    let changed_units: Vec<(&String, &(u64, u64))> = latest
        .units
        .iter()
        .filter(|(_, (paid, sim))| paid != sim)
        .collect();
    html! {
        section #dampak {
            h2 { (look.t(T::WHAT_THIS_POLICY_WOULD_HAVE_PAID)) }
            p.muted { (look.t(T::COMPUTED_FROM_TODAY_S_DATA_NOTHING_SAVED)) }
            table.data.stacked {
                thead { tr {
                    th scope="col" { (look.t(T::MONTH)) } th.num scope="col" { (look.t(T::PAID)) }
                    th.num scope="col" { (look.t(T::UNDER_THIS_POLICY)) } th.num scope="col" { (look.t(T::DIFFERENCE)) }
                    th.num scope="col" { (look.t(T::OFFICERS_CHANGED)) } th.num scope="col" { (look.t(T::ON_TOO_LITTLE_EVIDENCE)) }
                } }
                tbody { @for c in effect { tr {
                    th scope="row" { (lang.month(c.month)) }
                    td.num data-label=(look.t(T::PAID)) { (rp(c.paid_total)) }
                    td.num data-label=(look.t(T::UNDER_THIS_POLICY)) { strong { (rp(c.simulated_total)) } }
                    td.num data-label=(look.t(T::DIFFERENCE)) { (signed(c.simulated_total, c.paid_total)) }
                    td.num data-label=(look.t(T::OFFICERS_CHANGED)) { (c.changed) (look.t(T::OF)) (c.officers) }
                    td.num data-label=(look.t(T::ON_TOO_LITTLE_EVIDENCE)) { (c.insufficient) (look.t(T::OF)) (c.officers) }
                } } }
            }
            h3 { (look.t(T::BY_UNIT_IN)) (lang.month(latest.month)) }
            @if changed_units.is_empty() {
                p { (look.t(T::NO_UNIT_S_TOTAL_CHANGES)) }
            } @else {
                table.data.stacked {
                    thead { tr {
                        th scope="col" { (look.t(T::UNIT_2)) } th.num scope="col" { (look.t(T::PAID)) }
                        th.num scope="col" { (look.t(T::UNDER_THIS_POLICY)) } th.num scope="col" { (look.t(T::DIFFERENCE)) }
                    } }
                    tbody { @for (unit, (paid, sim)) in &changed_units { tr {
                        th scope="row" { (view.unit_names.get(*unit).map_or(unit.as_str(), String::as_str)) }
                        td.num data-label=(look.t(T::PAID)) { (rp(*paid)) }
                        td.num data-label=(look.t(T::UNDER_THIS_POLICY)) { (rp(*sim)) }
                        td.num data-label=(look.t(T::DIFFERENCE)) { (signed(*sim, *paid)) }
                    } } }
                }
            }
        }
    }
}

#[derive(serde::Deserialize)]
pub struct StartFrom {
    /// The saved version the form starts from.
    pub dari: Option<String>,
}

/// The form of a new version, started from `base`'s rules, taking effect next month.
fn fresh_fields(cx: &StaffCx, base: &Policy) -> PolicyFields {
    let mark = cx
        .lang
        .t(suara_app::i18n::catalogue::NUMBER_DECIMAL_SEPARATOR)
        .chars()
        .next()
        .unwrap_or('.');
    PolicyFields {
        effective_from: cx.current_month().next().to_string(),
        effective_until: String::new(),
        ..PolicyFields::of(base, mark)
    }
}

pub async fn policies(
    cx: StaffCx,
    query: axum::extract::Query<StartFrom>,
) -> Result<Response, PageError> {
    let view = load(&cx).await?;
    let (base, policy, _) = view.base(query.dari.as_deref());
    let form = Form {
        fields: fresh_fields(&cx, &policy),
        base,
        problems: Problems::new(),
    };
    let (title, content) = render(cx.look(), &view, None, &form, &None, cx.current_month());
    cx.ok(title, content)
}

/// The page with the form started from `version`.
fn start_from(lang: suara_app::i18n::Lang, version: &str) -> String {
    let query = [("lang", lang.code()), ("dari", version)];
    format!(
        "{}?{}",
        routes::TPP_POLICY,
        serde_urlencoded::to_string(query).unwrap_or_default()
    )
}

/// The form as it will be shown again: its fields, the version it started from, its problems.
pub struct Form {
    pub fields: PolicyFields,
    pub base: String,
    pub problems: Problems,
}

pub fn render(
    look: Look,
    view: &PolicyView,
    message: Option<&str>,
    form: &Form,
    effect: &Effect,
    now: suara_domain::period::Month,
) -> (&'static str, Markup) {
    let lang = look.lang;
    let title = look.t(T::TPP_POLICIES);
    let base_name = if form.base.is_empty() {
        super::policy_name(lang, &view.in_force.version)
    } else {
        super::policy_name(lang, &form.base)
    };
    let content = html! {
        p.crumbs { a href=(look.href(routes::TPP)) { "TPP" } }
        h1 { (title) }
        @if !form.problems.is_empty() {
            div.error-summary role="alert" tabindex="-1" {
                h2 { (look.t(T::THERE_IS_A_PROBLEM)) }
                p { (look.t(T::THE_POLICY_CANNOT_BE_SAVED_YET)) }
                ul { @for (field, problem) in &form.problems { li {
                    a href={ "#" (field) } { (label(lang, field)) ": " (problem) }
                } } }
            }
        }
        @if let Some(m) = message { div.success role="status" { p { (m) } } }
        p { (look.t(T::IN_FORCE_THIS_MONTH)) strong { (super::policy_name(lang, &view.in_force.version)) } " — " (rule_text(lang, &view.in_force)) }
        @if view.saved.is_empty() {
            p { (look.t(T::NO_POLICY_SAVED_YET_THE_DEFAULT_APPLIES)) }
        } @else {
            table.data tabindex="0" {
                thead { tr {
                    th scope="col" { (look.t(T::VERSION_2)) } th scope="col" { (look.t(T::EFFECTIVE)) }
                    th scope="col" { (look.t(T::RULE)) } th scope="col" { (look.t(T::SAVED_BY)) }
                } }
                tbody { @for p in &view.saved { tr {
                    th scope="row" { (super::policy_name(lang, &p.policy.version)) }
                    td { (lang.month(p.policy.effective_from)) " – " (p.policy.effective_until.map_or("…".to_string(), |m| lang.month(m))) }
                    td { (rule_text(lang, &p.policy)) }
                    td { (p.saved_by) " · " a href=(start_from(lang, &p.policy.version)) { (look.t(T::START_FROM_THIS_VERSION)) } }
                } } }
            }
        }
        @if let Some(effect) = effect { (effect_section(look, view, effect)) }
        h2 { (look.t(T::SAVE_A_NEW_VERSION)) }
        p { (lang.fill(T::POLICY_FORM_INTRO, &[&base_name])) }
        @if let Some(guide) = &view.guide {
            p { a href=(guide) { (look.t(T::THE_TPP_POLICY_GUIDE)) } (look.t(T::EXPLAINS_EVERY_RULE_WITH_EXAMPLES)) }
        }
        (policy_form::form(look, &form.fields, &form.problems, &form.base, now))
    };
    (title, content)
}

/// Every problem of a policy that cannot be read, by the form field it belongs to.
fn policy_problems(cx: &StaffCx, error: &PolicyError, deduction_rows: &[usize]) -> Problems {
    match error {
        PolicyError::Invalid(problems) => problems
            .iter()
            .map(|p| {
                (
                    field_of_key(&p.field, deduction_rows),
                    suara_app::i18n::reason_text(cx.lang, &p.reason),
                )
            })
            .collect(),
        error => Problems::from([(
            "version".to_string(),
            suara_app::i18n::reasons::policy_error_text(cx.lang, error),
        )]),
    }
}

/// What the form gives: its policy text, or its problems.
fn written(cx: &StaffCx, form: &Form, base_text: &str) -> Result<(String, Policy), Problems> {
    let written = form.fields.write(base_text).map_err(|problems| {
        problems
            .into_iter()
            .map(|p| (p.field, problem_text(cx.lang, p.kind).to_string()))
            .collect::<Problems>()
    })?;
    let policy = Policy::from_toml(&written.text)
        .map_err(|e| policy_problems(cx, &e, &written.deduction_rows))?;
    Ok((written.text, policy))
}

pub async fn save_policy(
    cx: StaffCx,
    CsrfForm(pairs): CsrfForm<Pairs>,
) -> Result<Response, PageError> {
    let view = load(&cx).await?;
    let (base, _, base_text) = view.base(field(&pairs, "base").filter(|b| !b.is_empty()));
    let mut form = Form {
        fields: PolicyFields::from_pairs(&pairs),
        base,
        problems: Problems::new(),
    };
    let preview = field(&pairs, "action") == Some("preview");
    let (text, policy) = match written(&cx, &form, &base_text) {
        Ok(written) => written,
        Err(problems) => {
            form.problems = problems;
            let (title, content) = render(cx.look(), &view, None, &form, &None, cx.current_month());
            return Ok(cx.page(StatusCode::UNPROCESSABLE_ENTITY, title, content));
        }
    };
    if preview {
        let simulated = cx
            .app
            .store
            .simulate_policy(cx.tenant_id(), &policy, SIMULATED_MONTHS)
            .await?;
        let effect = simulated
            .iter()
            .map(|(run, payroll)| compare(&run.payroll, payroll))
            .collect();
        let message = cx.t(T::THIS_POLICY_IS_VALID_AND_NOT_SAVED_YET);
        let (title, content) = render(
            cx.look(),
            &view,
            Some(message),
            &form,
            &Some(effect),
            cx.current_month(),
        );
        return cx.ok(title, content);
    }
    let saved = cx
        .app
        .store
        .save_policy(
            cx.tenant_id(),
            &text,
            cx.username(),
            OffsetDateTime::now_utc(),
        )
        .await;
    match saved {
        Ok(policy) => {
            let message = format!(
                "{} {} {} {}.",
                cx.t(T::VERSION_2),
                policy.version,
                cx.t(T::SAVED_IN_FORCE_FROM),
                cx.lang.month(policy.effective_from)
            );
            let view = load(&cx).await?;
            let form = Form {
                fields: fresh_fields(&cx, &policy),
                base: policy.version.clone(),
                problems: Problems::new(),
            };
            let (title, content) = render(
                cx.look(),
                &view,
                Some(&message),
                &form,
                &None,
                cx.current_month(),
            );
            cx.ok(title, content)
        }
        Err(error) => {
            let (status, text) = refusal(cx.lang, error)?;
            form.problems.insert("version".to_string(), text);
            let (title, content) = render(cx.look(), &view, None, &form, &None, cx.current_month());
            Ok(cx.page(status, title, content))
        }
    }
}
