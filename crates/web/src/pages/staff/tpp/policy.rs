//! TPP policy versions: the one in force, the saved ones, and a new version edited as TOML
//! (the typed text is kept when it cannot be saved, with every problem listed). Before
//! saving, "see its effect first" shows what the typed policy would have paid in the last
//! months computed, beside what was paid, and saves nothing.

use axum::http::StatusCode;
use axum::response::Response;
use maud::{html, Markup};
use serde::Deserialize;
use std::collections::BTreeMap;

use suara_domain::tpp::payroll::{compare, Comparison};
use suara_domain::tpp::policy::{Policy, PolicyError};
use suara_store::{StoredPolicy, TppError};
use time::OffsetDateTime;

use super::{refusal, rp, rule_text, signed};
use crate::pages::context::{CsrfForm, Look, StaffCx};
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
}

/// What the typed policy would have paid, newest month first (`Some(empty)` when no month
/// has been computed yet).
pub type Effect = Option<Vec<Comparison>>;

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
                        th scope="col" { "Unit" } th.num scope="col" { (look.t(T::PAID)) }
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

pub async fn policies(cx: StaffCx) -> Result<Response, PageError> {
    let view = load(&cx).await?;
    let (title, content) = render(cx.look(), &view, None, None, &None);
    cx.ok(title, content)
}

pub fn render(
    look: Look,
    view: &PolicyView,
    message: Option<&Result<String, Markup>>,
    draft: Option<&str>,
    effect: &Effect,
) -> (&'static str, Markup) {
    let lang = look.lang;
    // The policy in force as it was typed, comments included (the default has no text).
    let typed = view
        .saved
        .iter()
        .find(|p| p.policy == view.in_force)
        .map(|p| p.text.clone());
    let text = draft.map_or_else(
        || typed.unwrap_or_else(|| view.in_force.to_toml()),
        str::to_string,
    );
    let title = look.t(T::TPP_POLICIES);
    let content = html! {
        p.crumbs { a href=(look.href(routes::TPP)) { "TPP" } }
        h1 { (title) }
        @match message {
            Some(Ok(m)) => { div.success role="status" { p { (m) } } }
            Some(Err(m)) => { div.error-summary role="alert" tabindex="-1" {
                h2 { (look.t(T::THERE_IS_A_PROBLEM)) }
                (m)
                p { a href="#policy" { (look.t(T::CORRECT_THE_POLICY_TEXT)) } }
            } }
            None => {}
        }
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
                    td { (p.saved_by) }
                } } }
            }
        }
        @if let Some(effect) = effect { (effect_section(look, view, effect)) }
        h2 { (look.t(T::SAVE_A_NEW_VERSION)) }
        p { (look.t(T::EDIT_THE_TEXT_BELOW_TOML_SEE_THE)) }
        form method="post" action=(look.action(routes::TPP_POLICY)) {
            (look.csrf())
            label for="policy" { (look.t(T::POLICY_TOML)) }
            textarea #policy name="policy" rows="18" spellcheck="false" { (text) }
            p.buttons {
                button type="submit" name="action" value="preview" { (look.t(T::SEE_ITS_EFFECT_FIRST)) }
                " "
                button.primary type="submit" name="action" value="save" { (look.t(T::CHECK_AND_SAVE)) }
            }
        }
    };
    (title, content)
}

#[derive(Deserialize)]
pub struct PolicyForm {
    #[serde(default)]
    pub policy: String,
    /// `preview` shows the effect and saves nothing.
    pub action: Option<String>,
}

/// Every problem of a policy that cannot be read or saved, in words.
fn policy_problems(cx: &StaffCx, error: &PolicyError) -> Markup {
    match error {
        PolicyError::Invalid(problems) => html! {
            p { strong { (cx.t(T::THE_POLICY_CANNOT_BE_SAVED_YET)) } }
            ul { @for p in problems { li {
                (field_label(cx.lang, &p.field)) " (" code { (p.field) } "): "
                (suara_app::i18n::reason_text(cx.lang, &p.reason))
            } } }
        },
        error => html! { p { (error.to_string()) } },
    }
}

/// A policy field in words; the key as typed follows it in the problem list, so the line
/// to correct can be found in the text.
fn field_label(lang: suara_app::i18n::Lang, field: &str) -> String {
    if let Some(rest) = field.strip_prefix("deductions[") {
        let (index, name) = rest.split_once("].").unwrap_or((rest, ""));
        let number = index
            .trim_end_matches(']')
            .parse::<usize>()
            .map_or(0, |i| i + 1);
        let part = match name.split('.').next().unwrap_or_default() {
            "name" => T::NAME,
            "cap" => T::POLICY_DEDUCTION_CAP,
            _ => T::POLICY_DEDUCTION_RATE,
        };
        return lang.fill(T::POLICY_DEDUCTION_N, &[&number, &lang.t(part)]);
    }
    lang.t(match field {
        "version" => T::POLICY_VERSION,
        "effective_from" => T::POLICY_EFFECTIVE_FROM,
        "effective_until" => T::POLICY_EFFECTIVE_UNTIL,
        "floor" => T::POLICY_FLOOR,
        "cap" => T::POLICY_CAP,
        "max_monthly_fall" => T::POLICY_MAX_MONTHLY_FALL,
        "not_serving_public" => T::POLICY_NOT_SERVING_PUBLIC,
        "blend_k" => T::POLICY_BLEND,
        "min_trust" => T::POLICY_MIN_TRUST,
        "deductions" => T::DEDUCTIONS,
        "weights" | "weights.satisfaction" | "weights.attendance" | "weights.productivity" => {
            T::POLICY_WEIGHTS
        }
        f if f.starts_with("satisfaction.") => T::POLICY_SATISFACTION_RULE,
        f if f.starts_with("evidence.") => T::POLICY_EVIDENCE_RULE,
        _ => T::POLICY_FIELD,
    })
    .to_string()
}

/// The typed policy's effect on the months computed, saving nothing.
async fn preview(cx: &StaffCx, form: &PolicyForm) -> Result<Response, PageError> {
    let view = load(cx).await?;
    let (status, message, effect) = match Policy::from_toml(&form.policy) {
        Ok(policy) => {
            let simulated = cx
                .app
                .store
                .simulate_policy(cx.tenant_id(), &policy, SIMULATED_MONTHS)
                .await?;
            let effect = simulated
                .iter()
                .map(|(run, payroll)| compare(&run.payroll, payroll))
                .collect();
            (
                StatusCode::OK,
                Ok(cx.t(T::THIS_POLICY_IS_VALID_AND_NOT_SAVED_YET).to_string()),
                Some(effect),
            )
        }
        Err(error) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            Err(policy_problems(cx, &error)),
            None,
        ),
    };
    let (title, content) = render(
        cx.look(),
        &view,
        Some(&message),
        Some(&form.policy),
        &effect,
    );
    Ok(cx.page(status, title, content))
}

pub async fn save_policy(
    cx: StaffCx,
    CsrfForm(form): CsrfForm<PolicyForm>,
) -> Result<Response, PageError> {
    if form.action.as_deref() == Some("preview") {
        return preview(&cx, &form).await;
    }
    let saved = cx
        .app
        .store
        .save_policy(
            cx.tenant_id(),
            &form.policy,
            cx.username(),
            OffsetDateTime::now_utc(),
        )
        .await;
    let (status, message) = match saved {
        Ok(policy) => (
            StatusCode::OK,
            Ok(format!(
                "{} {} {} {}.",
                cx.t(T::VERSION_2),
                policy.version,
                cx.t(T::SAVED_IN_FORCE_FROM),
                cx.lang.month(policy.effective_from)
            )),
        ),
        Err(TppError::Policy(error)) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            Err(policy_problems(&cx, &error)),
        ),
        Err(error) => {
            let (status, text) = refusal(cx.lang, error)?;
            (status, Err(html! { p { (text) } }))
        }
    };
    let keep = message.is_err().then_some(form.policy.as_str());
    let view = load(&cx).await?;
    let (title, content) = render(cx.look(), &view, Some(&message), keep, &None);
    Ok(cx.page(status, title, content))
}
