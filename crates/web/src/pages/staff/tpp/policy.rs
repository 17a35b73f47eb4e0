//! TPP policy versions: the one in force, the saved ones, and a new version edited as TOML
//! (the typed text is kept when it cannot be saved, with every problem listed).

use axum::http::StatusCode;
use axum::response::Response;
use maud::{html, Markup};
use serde::Deserialize;
use suara_domain::tpp::policy::{Policy, PolicyError};
use suara_store::{StoredPolicy, TppError};
use time::OffsetDateTime;

use super::{refusal, rule_text};
use crate::i18n::catalogue as T;
use crate::pages::context::{CsrfForm, Look, StaffCx};
use crate::pages::failure::PageError;
use crate::routes;

pub struct PolicyView {
    pub saved: Vec<StoredPolicy>,
    pub in_force: Policy,
}

async fn load(cx: &StaffCx) -> Result<PolicyView, PageError> {
    let store = &cx.app.store;
    Ok(PolicyView {
        saved: store.policies(cx.tenant_id()).await?,
        in_force: store.policy_for(cx.tenant_id(), cx.current_month()).await?,
    })
}

pub async fn policies(cx: StaffCx) -> Result<Response, PageError> {
    let view = load(&cx).await?;
    let (title, content) = render(cx.look(), &view, None, None);
    cx.ok(title, content)
}

pub fn render(
    look: Look,
    view: &PolicyView,
    message: Option<&Result<String, Markup>>,
    draft: Option<&str>,
) -> (&'static str, Markup) {
    let lang = look.lang;
    let text = draft.map_or_else(|| view.in_force.to_toml(), str::to_string);
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
        p { (look.t(T::IN_FORCE_THIS_MONTH)) strong { (view.in_force.version) } " — " (rule_text(lang, &view.in_force)) }
        @if view.saved.is_empty() {
            p { (look.t(T::NO_POLICY_SAVED_YET_THE_DEFAULT_APPLIES)) }
        } @else {
            table.data tabindex="0" {
                thead { tr {
                    th scope="col" { (look.t(T::VERSION_2)) } th scope="col" { (look.t(T::EFFECTIVE)) }
                    th scope="col" { (look.t(T::RULE)) } th scope="col" { (look.t(T::SAVED_BY)) }
                } }
                tbody { @for p in &view.saved { tr {
                    th scope="row" { (p.policy.version) }
                    td { (lang.month(p.policy.effective_from)) " – " (p.policy.effective_until.map_or("…".to_string(), |m| lang.month(m))) }
                    td { (rule_text(lang, &p.policy)) }
                    td { (p.saved_by) }
                } } }
            }
        }
        h2 { (look.t(T::SAVE_A_NEW_VERSION)) }
        p { (look.t(T::EDIT_THE_TEXT_BELOW_TOML_SEE_THE)) }
        form method="post" action=(look.action(routes::TPP_POLICY)) {
            (look.csrf())
            label for="policy" { (look.t(T::POLICY_TOML)) }
            textarea #policy name="policy" rows="18" spellcheck="false" { (text) }
            p.buttons { button.primary type="submit" { (look.t(T::CHECK_AND_SAVE)) } }
        }
    };
    (title, content)
}

#[derive(Deserialize)]
pub struct PolicyForm {
    #[serde(default)]
    pub policy: String,
}

pub async fn save_policy(
    cx: StaffCx,
    CsrfForm(form): CsrfForm<PolicyForm>,
) -> Result<Response, PageError> {
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
        Err(TppError::Policy(PolicyError::Invalid(problems))) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            Err(html! {
                p { strong { (cx.t(T::THE_POLICY_CANNOT_BE_SAVED_YET)) } }
                ul { @for p in &problems { li { code { (p.field) } ": " (crate::i18n::reason_text(cx.lang, &p.reason)) } } }
            }),
        ),
        Err(TppError::Policy(error)) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            Err(html! { p { (error.to_string()) } }),
        ),
        Err(error) => {
            let (status, text) = refusal(cx.lang, error)?;
            (status, Err(html! { p { (text) } }))
        }
    };
    let keep = message.is_err().then_some(form.policy.as_str());
    let view = load(&cx).await?;
    let (title, content) = render(cx.look(), &view, Some(&message), keep);
    Ok(cx.page(status, title, content))
}
