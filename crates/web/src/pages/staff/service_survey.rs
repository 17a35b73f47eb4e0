//! `/dasbor/unit/{unit}/kuesioner`: how each service of a unit asks its survey. Its own
//! plain words for the nine elements (the element and its scale stay, so the IKM is the same
//! measure) and up to three extra questions kept out of the IKM
//! (`suara_domain::survey::adapt`). A unit's administrator sets them for their subtree,
//! with an audit entry; a refused form comes back with every problem and what was typed.

use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use maud::{html, Markup};
use suara_app::i18n::catalogue as T;
use suara_app::i18n::{self, Lang};
use suara_domain::access::Permission;
use suara_domain::org::Unit;
use suara_domain::skm::{Element, ELEMENT_COUNT};
use suara_domain::survey::adapt::{
    adapt, AdaptProblem, Adaptation, ExtraDraft, ExtraKind, MAX_EXTRA_QUESTIONS, MAX_OPTIONS,
    MIN_OPTIONS, OPTION_MAX_CHARS, QUESTION_MAX_CHARS, WORDING_MAX_CHARS,
};
use suara_store::Service;
use time::OffsetDateTime;

use super::survey_history::view::crumbs;
use crate::pages::context::{CsrfForm, Look, StaffCx};
use crate::pages::failure::{Missing, PageError};
use crate::routes;

#[derive(serde::Deserialize, Default)]
pub struct ServiceQuery {
    pub layanan: Option<String>,
    /// Set after a save.
    pub disimpan: Option<String>,
}

/// The form as posted: the nine wordings and three extra questions.
#[derive(serde::Deserialize, Default)]
pub struct SurveyForm {
    service: Option<String>,
    #[serde(default)]
    w1: String,
    #[serde(default)]
    w2: String,
    #[serde(default)]
    w3: String,
    #[serde(default)]
    w4: String,
    #[serde(default)]
    w5: String,
    #[serde(default)]
    w6: String,
    #[serde(default)]
    w7: String,
    #[serde(default)]
    w8: String,
    #[serde(default)]
    w9: String,
    #[serde(default)]
    q1: String,
    #[serde(default)]
    q1_kind: String,
    #[serde(default)]
    q1_options: String,
    #[serde(default)]
    q2: String,
    #[serde(default)]
    q2_kind: String,
    #[serde(default)]
    q2_options: String,
    #[serde(default)]
    q3: String,
    #[serde(default)]
    q3_kind: String,
    #[serde(default)]
    q3_options: String,
}

impl SurveyForm {
    fn wording(&self) -> [String; ELEMENT_COUNT] {
        [
            &self.w1, &self.w2, &self.w3, &self.w4, &self.w5, &self.w6, &self.w7, &self.w8,
            &self.w9,
        ]
        .map(Clone::clone)
    }

    fn extra(&self) -> Vec<ExtraDraft> {
        [
            (&self.q1, &self.q1_kind, &self.q1_options),
            (&self.q2, &self.q2_kind, &self.q2_options),
            (&self.q3, &self.q3_kind, &self.q3_options),
        ]
        .into_iter()
        .map(|(text, kind, options)| ExtraDraft {
            text: text.clone(),
            kind: kind.clone(),
            options: options.clone(),
        })
        .collect()
    }
}

/// What the form shows: as stored, or as typed after a refusal.
pub struct Shown {
    pub wording: [String; ELEMENT_COUNT],
    pub extra: Vec<ExtraDraft>,
}

impl Shown {
    fn of(adaptation: &Adaptation) -> Shown {
        let mut extra: Vec<ExtraDraft> = adaptation
            .extra
            .iter()
            .map(|q| ExtraDraft {
                text: q.text.clone(),
                kind: q.kind.code().into(),
                options: q.options.join("\n"),
            })
            .collect();
        extra.resize(MAX_EXTRA_QUESTIONS, ExtraDraft::default());
        Shown {
            wording: std::array::from_fn(|i| adaptation.wording[i].clone().unwrap_or_default()),
            extra,
        }
    }
}

/// The unit, when this user may adapt its survey.
async fn unit_of(cx: &StaffCx, unit_id: &str) -> Result<Unit, PageError> {
    super::unit_for(cx, unit_id, Permission::AdaptSurvey).await
}

/// The unit's service named `service_id`.
async fn service_of(cx: &StaffCx, unit: &Unit, service_id: &str) -> Result<Service, PageError> {
    let services = cx
        .app
        .store
        .services_of_unit(cx.tenant_id(), &unit.unit_id)
        .await?;
    services
        .into_iter()
        .find(|s| s.service_id == service_id)
        .ok_or(PageError::NotFound(Missing::Page))
}

pub async fn show(
    cx: StaffCx,
    Path(unit_id): Path<String>,
    Query(query): Query<ServiceQuery>,
) -> Result<Response, PageError> {
    let unit = unit_of(&cx, &unit_id).await?;
    let Some(service_id) = query.layanan.as_deref().filter(|s| !s.is_empty()) else {
        let services = cx
            .app
            .store
            .services_of_unit(cx.tenant_id(), &unit_id)
            .await?;
        let adapted = cx
            .app
            .store
            .adapted_services(cx.tenant_id(), &unit_id)
            .await?;
        let title = cx.t(T::SURVEY_ADAPT_TITLE);
        return cx.ok(title, services_page(cx.look(), &unit, &services, &adapted));
    };
    let service = service_of(&cx, &unit, service_id).await?;
    let stored = cx
        .app
        .store
        .service_survey(cx.tenant_id(), service_id)
        .await?;
    let shown = Shown::of(&stored.adaptation());
    let saved = query.disimpan.is_some();
    let (title, content) = form_page(cx.look(), &unit, &service, &shown, &[], saved);
    cx.ok(&title, content)
}

pub async fn save(
    cx: StaffCx,
    Path(unit_id): Path<String>,
    CsrfForm(form): CsrfForm<SurveyForm>,
) -> Result<Response, PageError> {
    let unit = unit_of(&cx, &unit_id).await?;
    let service_id = form.service.clone().unwrap_or_default();
    let service = service_of(&cx, &unit, &service_id).await?;
    match adapt(form.wording(), form.extra()) {
        Ok(adaptation) => {
            let at = OffsetDateTime::now_utc();
            cx.app
                .store
                .set_service_survey(cx.tenant_id(), &service_id, &adaptation, cx.username(), at)
                .await?;
            let query = serde_urlencoded::to_string([
                ("lang", cx.lang.code()),
                ("layanan", service_id.as_str()),
                ("disimpan", "1"),
            ])
            .unwrap_or_default();
            let saved = format!("{}?{query}", routes::unit_survey(&unit_id));
            Ok(Redirect::to(&saved).into_response())
        }
        Err(problems) => {
            let shown = Shown {
                wording: form.wording(),
                extra: form.extra(),
            };
            let (title, content) = form_page(cx.look(), &unit, &service, &shown, &problems, false);
            Ok(cx.page(StatusCode::UNPROCESSABLE_ENTITY, &title, content))
        }
    }
}

/// The unit's services, each with how it asks now.
fn services_page(look: Look, unit: &Unit, services: &[Service], adapted: &[String]) -> Markup {
    let lang = look.lang;
    html! {
        (crumbs(look, &unit.unit_id, &unit.name))
        h1 { (lang.t(T::SURVEY_ADAPT_TITLE)) }
        p { (lang.t(T::SURVEY_ADAPT_INTRO)) }
        @if services.is_empty() {
            p { (lang.t(T::SURVEY_ADAPT_NO_SERVICES)) }
        } @else {
            table.data tabindex="0" {
                caption { (unit.name) }
                thead { tr {
                    th scope="col" { (lang.t(T::SURVEY_ADAPT_SERVICE)) }
                    th scope="col" { (lang.t(T::SURVEY_ADAPT_STATE)) }
                } }
                tbody { @for service in services {
                    @let href = format!("{}&layanan={}", look.href(&routes::unit_survey(&unit.unit_id)), service.service_id);
                    tr {
                        th scope="row" { a href=(href) { (service.name) } }
                        td { @if adapted.contains(&service.service_id) { (lang.t(T::SURVEY_ADAPT_OWN)) } @else { (lang.t(T::SURVEY_ADAPT_STANDARD)) } }
                    }
                } }
            }
        }
    }
}

/// Where a problem is fixed, and what it says.
fn problem_of(lang: Lang, problem: AdaptProblem) -> (String, String) {
    match problem {
        AdaptProblem::WordingTooLong { number } => (
            format!("w{number}"),
            lang.fill(
                T::SURVEY_ADAPT_WORDING_TOO_LONG,
                &[&number, &WORDING_MAX_CHARS],
            ),
        ),
        AdaptProblem::QuestionTooLong { number } => (
            format!("q{number}"),
            lang.fill(
                T::SURVEY_ADAPT_QUESTION_TOO_LONG,
                &[&number, &QUESTION_MAX_CHARS],
            ),
        ),
        AdaptProblem::UnknownKind { number } => (
            format!("q{number}-text"),
            lang.fill(T::SURVEY_ADAPT_CHOOSE_KIND, &[&number]),
        ),
        AdaptProblem::Options { number } => (
            format!("q{number}_options"),
            lang.fill(
                T::SURVEY_ADAPT_OPTIONS_COUNT,
                &[&number, &MIN_OPTIONS, &MAX_OPTIONS],
            ),
        ),
        AdaptProblem::OptionTooLong { number } => (
            format!("q{number}_options"),
            lang.fill(
                T::SURVEY_ADAPT_OPTION_TOO_LONG,
                &[&number, &OPTION_MAX_CHARS],
            ),
        ),
        AdaptProblem::TooManyQuestions => (
            "q1".into(),
            lang.fill(T::SURVEY_ADAPT_TOO_MANY, &[&MAX_EXTRA_QUESTIONS]),
        ),
    }
}

/// One service's survey: the nine wordings, then the extra questions.
pub fn form_page(
    look: Look,
    unit: &Unit,
    service: &Service,
    shown: &Shown,
    problems: &[AdaptProblem],
    saved: bool,
) -> (String, Markup) {
    let lang = look.lang;
    let title = lang.fill(T::SURVEY_ADAPT_SERVICE_TITLE, &[&service.name]);
    let problems: Vec<(String, String)> = problems.iter().map(|p| problem_of(lang, *p)).collect();
    let error = |id: &str| {
        problems
            .iter()
            .find(|(at, _)| at == id)
            .map(|(_, text)| text)
    };
    let questions = &lang.texts().questions;
    let preview = format!(
        "{}&service={}",
        look.href(&routes::survey(&unit.unit_id)),
        service.service_id
    );
    let content = html! {
        (crumbs(look, &unit.unit_id, &unit.name))
        p.crumbs { a href=(look.href(&routes::unit_survey(&unit.unit_id))) { (lang.t(T::SURVEY_ADAPT_TITLE)) } }
        h1 { (title) }
        @if !problems.is_empty() {
            div.error-summary role="alert" tabindex="-1" {
                h2 { (lang.t(T::THERE_IS_A_PROBLEM)) }
                ul { @for (at, text) in &problems { li { a href={ "#" (at) } { (text) } } } }
            }
        } @else if saved {
            div.success role="status" { p { (lang.t(T::SURVEY_ADAPT_SAVED)) " " a href=(preview) { (lang.t(T::SURVEY_ADAPT_PREVIEW)) } } }
        }
        p { (lang.t(T::SURVEY_ADAPT_INTRO)) }
        form.stack method="post" action=(look.action(&routes::unit_survey(&unit.unit_id))) {
            (look.csrf())
            input type="hidden" name="service" value=(service.service_id);
            h2 { (lang.t(T::SURVEY_ADAPT_WORDING_HEADING)) }
            @for element in Element::ALL {
                @let i = element.index();
                @let id = format!("w{}", i + 1);
                p {
                    label for=(id) { (i + 1) ". " (i18n::element_name(lang, element)) }
                    span.hint #{ (id) "-hint" } { (lang.fill(T::SURVEY_ADAPT_STANDARD_QUESTION, &[&questions[i].text])) }
                    @if let Some(text) = error(&id) { span.err { (text) } }
                    textarea #(id) name=(id) rows="2" maxlength=(WORDING_MAX_CHARS + 50) aria-describedby={ (id) "-hint" } { (shown.wording[i]) }
                }
            }
            h2 { (lang.t(T::SURVEY_EXTRA_HEADING)) }
            p.hint { (lang.t(T::SURVEY_ADAPT_EXTRA_INTRO)) }
            @for (k, extra) in shown.extra.iter().enumerate() {
                @let n = k + 1;
                @let id = format!("q{n}");
                fieldset {
                    legend { (lang.fill(T::SURVEY_ADAPT_EXTRA_N, &[&n])) }
                    p {
                        label for=(id) { (lang.t(T::SURVEY_ADAPT_QUESTION)) }
                        @if let Some(text) = error(&id) { span.err { (text) } }
                        input #(id) name=(id) maxlength=(QUESTION_MAX_CHARS + 50) value=(extra.text);
                    }
                    @if let Some(text) = error(&format!("{id}-text")) { p.err { (text) } }
                    @for kind in ExtraKind::ALL {
                        @let kind_id = format!("{id}-{}", kind.code());
                        label.choice for=(kind_id) {
                            input #(kind_id) type="radio" name={ (id) "_kind" } value=(kind.code())
                                checked[extra.kind == kind.code() || (extra.kind.is_empty() && kind == ExtraKind::Text)];
                            " " (kind_label(lang, kind))
                        }
                    }
                    p {
                        label for={ (id) "_options" } { (lang.fill(T::SURVEY_ADAPT_OPTIONS, &[&MIN_OPTIONS, &MAX_OPTIONS])) }
                        @if let Some(text) = error(&format!("{id}_options")) { span.err { (text) } }
                        textarea #{ (id) "_options" } name={ (id) "_options" } rows="4" { (extra.options) }
                    }
                }
            }
            p.buttons {
                button.primary type="submit" { (lang.t(T::SURVEY_ADAPT_SAVE)) }
                " " a href=(preview) { (lang.t(T::SURVEY_ADAPT_PREVIEW)) }
            }
        }
    };
    (title, content)
}

pub fn kind_label(lang: Lang, kind: ExtraKind) -> &'static str {
    match kind {
        ExtraKind::Text => lang.t(T::SURVEY_ADAPT_KIND_TEXT),
        ExtraKind::Choice => lang.t(T::SURVEY_ADAPT_KIND_CHOICE),
    }
}
