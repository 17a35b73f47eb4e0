//! The questionnaire's markup (the SKM's nine questions, the optional profile and the
//! suggestion, with every problem marked and what was typed kept) and the thank-you page
//! with the receipt number.

use axum::http::StatusCode;
use axum::response::Response;
use maud::{html, Markup};
use suara_domain::skm::Element;
use suara_domain::survey::adapt::{ExtraKind, EXTRA_ANSWER_MAX_CHARS};
use suara_domain::survey::{AgeBand, Education, FieldError, Occupation, Sex, SUGGESTION_MAX_CHARS};
use suara_store::{Recorded, Tenant};

use super::{FormContext, Mode, SurveyForm, KIOSK_IDLE_SECONDS, KIOSK_THANKS_SECONDS};
use crate::pages::page;
use suara_app::i18n::catalogue as T;
use suara_app::i18n::{self, answer_index, problem_text, Lang};

/// A random key per rendered form: pressing "send" twice, or reloading after sending,
/// stores the response once.
pub(super) fn new_form_key() -> String {
    format!(
        "form-{:016x}{:016x}",
        rand::random::<u64>(),
        rand::random::<u64>()
    )
}

/// The element anchors and other field ids the error summary links to; an extra answer's
/// index counts the form's extra answers, by question number.
fn field_anchor(field: &str, values: &SurveyForm) -> String {
    if let Some(i) = extra_index(field) {
        return match values.extra.get(i) {
            Some((id, _)) => format!("q-x{id}"),
            None => "extra".into(),
        };
    }
    match answer_index(field) {
        Some(i) => format!("q-u{}", i + 1),
        None => match field {
            "answers" => "questions".into(),
            other => format!("f-{}", other.trim_start_matches("profile.")),
        },
    }
}

/// `extra[i]…` → `Some(i)`.
fn extra_index(field: &str) -> Option<usize> {
    field
        .strip_prefix("extra[")?
        .split(']')
        .next()?
        .parse()
        .ok()
}

pub(crate) fn render_form(
    lang: Lang,
    here: &str,
    context: &FormContext,
    values: &SurveyForm,
    errors: &[FieldError],
    mode: Mode,
) -> Markup {
    let t = lang.texts();
    let error_for = |anchor: &str| {
        errors
            .iter()
            .find(|e| field_anchor(&e.field, values) == anchor)
    };
    let selected_service = values.service.as_deref().unwrap_or("");
    // A service that asks its own way was chosen on the step before: it stays.
    let fixed_service = (context.adapted && values.ticket.is_none())
        .then(|| {
            context
                .services
                .iter()
                .find(|s| s.service_id == selected_service)
        })
        .flatten();
    let content = html! {
        h1 { (t.survey_title) }
        p.unit { span.label { (t.survey_unit) ": " } strong { (context.unit.name) } }
        @if let Some(officer) = &context.officer {
            p.unit { span.label { (t.survey_officer) ": " } strong { (officer.name) } " — " (officer.position) }
        }
        @if !errors.is_empty() {
            div.errors role="alert" {
                h2 { (t.errors_heading) }
                ul {
                    @for error in errors {
                        li { a href={ "#" (field_anchor(&error.field, values)) } { (problem_text(lang, error)) } }
                    }
                }
            }
        }
        p { (t.survey_intro) }
        @if let Mode::Kiosk(_) = mode { (super::kiosk_markup::faces()) }
        form #survey method="post" action=(match mode { Mode::Page => crate::routes::API_RESPONSES.to_string(), Mode::Kiosk(k) => super::kiosk_markup::kiosk_href(&k.point_id, lang) }) accept-charset="utf-8" {
            input type="hidden" name="unit" value=(context.unit.unit_id);
            input type="hidden" name="lang" value=(lang.code());
            input type="hidden" name="idempotency_key" value=[values.idempotency_key.as_deref()];
            @if let Some(tenant) = values.tenant.as_deref() {
                input type="hidden" name="tenant" value=(tenant);
            }
            @if let Some(officer) = &context.officer {
                input type="hidden" name="officer" value=(officer.nip);
            }
            @if let Some(ticket) = values.ticket.as_deref() {
                // A ticket fixes the service: it was issued for exactly one.
                div.field #f-ticket {
                    input type="hidden" name="ticket" value=(ticket);
                    p.unit {
                        span.label { (lang.t(T::TICKET)) ": " } strong { (suara_domain::integrity::ticket::display(ticket)) }
                        @if let Some(service) = context.services.iter().find(|s| s.service_id == selected_service) {
                            br; span.label { (t.survey_service) ": " } strong { (service.name) }
                        }
                    }
                    @if !selected_service.is_empty() { input type="hidden" name="service" value=(selected_service); }
                    @if let Some(e) = error_for("f-ticket") { p.err { (problem_text(lang, e)) } }
                }
            } @else if let Some(service) = fixed_service {
                div.field #f-service {
                    input type="hidden" name="service" value=(service.service_id);
                    p.unit {
                        span.label { (t.survey_service) ": " } strong { (service.name) } " "
                        a href=(change_service_href(context, values, mode, lang)) { (lang.t(T::SURVEY_CHANGE_SERVICE)) }
                    }
                }
            } @else if !context.services.is_empty() {
                div.field #f-service {
                    label for="service" { (t.survey_service) }
                    select #service name="service" {
                        option value="" { (t.survey_service_any) }
                        @for service in &context.services {
                            option value=(service.service_id) selected[service.service_id == selected_service] { (service.name) }
                        }
                    }
                    @if let Some(e) = error_for("f-service") { p.err { (problem_text(lang, e)) } }
                }
            }
            (questions(lang, context, values, errors, mode))
            (extra_questions(lang, context, values, errors))
            fieldset.profile #f-profile {
                legend { (t.profile_heading) }
                p.hint { (t.profile_intro) }
                (select_field(lang, "sex", t.sex, values.sex.as_deref(), Sex::ALL.iter().map(|v| (v.code(), i18n::sex_label(lang, *v)))))
                (select_field(lang, "age_band", t.age_band, values.age_band.as_deref(), AgeBand::ALL.iter().map(|v| (v.code(), i18n::age_band_label(lang, *v)))))
                (select_field(lang, "education", t.education, values.education.as_deref(), Education::ALL.iter().map(|v| (v.code(), i18n::education_label(lang, *v)))))
                (select_field(lang, "occupation", t.occupation, values.occupation.as_deref(), Occupation::ALL.iter().map(|v| (v.code(), i18n::occupation_label(lang, *v)))))
            }
            div.field #f-suggestion {
                label for="suggestion" { (t.suggestion) }
                p.hint #suggestion-hint { (t.suggestion_hint) }
                textarea #suggestion name="suggestion" rows="4" maxlength=(SUGGESTION_MAX_CHARS) aria-describedby="suggestion-hint" {
                    (values.suggestion.as_deref().unwrap_or(""))
                }
                @if let Some(e) = error_for("f-suggestion") { p.err { (problem_text(lang, e)) } }
            }
            button.send type="submit" { (t.submit) }
        }
        @if let Mode::Kiosk(_) = mode { (super::kiosk_markup::after_form(lang)) }
    };
    mode.frame(lang, t.survey_title, here, content, KIOSK_IDLE_SECONDS)
}

/// Back to the choice of service, for the same officer and regency.
fn change_service_href(
    context: &FormContext,
    values: &SurveyForm,
    mode: Mode,
    lang: Lang,
) -> String {
    let mut href = mode.start(&context.unit.unit_id, lang);
    if let (Mode::Page, Some(officer)) = (mode, &context.officer) {
        href.push_str(&format!("&officer={}", officer.nip));
    }
    if let (Mode::Page, Some(tenant)) = (mode, values.tenant.as_deref()) {
        let query = serde_urlencoded::to_string([("tenant", tenant)]).unwrap_or_default();
        href.push('&');
        href.push_str(&query);
    }
    href
}

/// The nine questions, one fieldset each, in the service's own words where it has them,
/// with the chosen answer and any problem marked.
fn questions(
    lang: Lang,
    context: &FormContext,
    values: &SurveyForm,
    errors: &[FieldError],
    mode: Mode<'_>,
) -> Markup {
    let t = lang.texts();
    let error_for = |anchor: &str| {
        errors
            .iter()
            .find(|e| field_anchor(&e.field, values) == anchor)
    };
    html! {
        h2 #questions { (t.questions_heading) }
        @for element in Element::ALL {
            @let i = element.index();
            @let name = format!("u{}", i + 1);
            @let anchor = format!("q-{name}");
            @let question = &t.questions[i];
            @let chosen = values.answers()[i].as_deref().unwrap_or("");
            @let not_answered = values.answers()[i].as_deref() == Some("");
            @let error = error_for(&anchor);
            fieldset.q #(anchor) aria-describedby=[error.map(|_| format!("{anchor}-err"))] {
                legend {
                    span.qn { (i + 1) ". " }
                    (context.survey.wording[i].as_deref().unwrap_or(question.text))
                    span.el { " (" (i18n::element_name(lang, element)) ")" }
                }
                @if let Some(e) = error { p.err id={ (anchor) "-err" } { (problem_text(lang, e)) } }
                div.opts {
                    @for (k, label) in question.options.iter().enumerate() {
                        @let value = (k + 1).to_string();
                        label.opt {
                            input type="radio" name=(name) value=(value) required checked[chosen == value];
                            @match mode {
                                Mode::Page => { span.score aria-hidden="true" { (value) } }
                                Mode::Kiosk(_) => { (super::kiosk_markup::face(k + 1)) }
                            }
                            span { (label) }
                        }
                    }
                    // "Not answered" is a choice of its own, never made for the citizen: the
                    // IKM is computed over the answered items.
                    label.opt.none {
                        input type="radio" name=(name) value="" required checked[not_answered];
                        span { (lang.t(T::SURVEY_NOT_ANSWERED)) }
                    }
                }
            }
        }
    }
}

/// The service's extra questions: answered freely, never part of the IKM.
fn extra_questions(
    lang: Lang,
    context: &FormContext,
    values: &SurveyForm,
    errors: &[FieldError],
) -> Markup {
    let error_for = |anchor: &str| {
        errors
            .iter()
            .find(|e| field_anchor(&e.field, values) == anchor)
    };
    html! {
        @if !context.survey.questions.is_empty() {
            h2 #extra { (lang.t(T::SURVEY_EXTRA_HEADING)) }
            p.hint { (lang.t(T::SURVEY_EXTRA_INTRO)) }
            @for stored in &context.survey.questions {
                @let name = format!("x{}", stored.question_id);
                @let anchor = format!("q-{name}");
                @let answered = values.extra_answer(stored.question_id);
                @let error = error_for(&anchor);
                @match stored.question.kind {
                    ExtraKind::Text => {
                        div.field #(anchor) {
                            label for=(name) { (stored.question.text) }
                            @if let Some(e) = error { p.err { (problem_text(lang, e)) } }
                            textarea #(name) name=(name) rows="2" maxlength=(EXTRA_ANSWER_MAX_CHARS) { (answered) }
                        }
                    }
                    ExtraKind::Choice => {
                        fieldset.q #(anchor) {
                            legend { (stored.question.text) }
                            @if let Some(e) = error { p.err { (problem_text(lang, e)) } }
                            div.opts {
                                @for option in &stored.question.options {
                                    label.opt {
                                        input type="radio" name=(name) value=(option) checked[answered == option];
                                        span { (option) }
                                    }
                                }
                                label.opt.none {
                                    // Chosen only when the citizen chose it: like the nine, nothing is
                                    // preselected.
                                    input type="radio" name=(name) value="" checked[values.answered(stored.question_id) == Some("")];
                                    span { (lang.t(T::SURVEY_NOT_ANSWERED)) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The first step where a unit's services ask their own way: which service was it? The
/// choice comes back to the same page (the survey's or the kiosk's) as `?service=`.
pub(crate) fn render_service_choice(
    lang: Lang,
    here: &str,
    context: &FormContext,
    tenant: Option<&str>,
    mode: Mode,
) -> Response {
    let t = lang.texts();
    let action = match mode {
        Mode::Page => crate::routes::survey(&context.unit.unit_id),
        Mode::Kiosk(kiosk) => crate::routes::kiosk(&kiosk.point_id),
    };
    let content = html! {
        h1 { (t.survey_title) }
        p.unit { span.label { (t.survey_unit) ": " } strong { (context.unit.name) } }
        @if let Some(officer) = &context.officer {
            p.unit { span.label { (t.survey_officer) ": " } strong { (officer.name) } " — " (officer.position) }
        }
        form method="get" action=(action) {
            input type="hidden" name="lang" value=(lang.code());
            @if let (Mode::Page, Some(tenant)) = (mode, tenant) { input type="hidden" name="tenant" value=(tenant); }
            @if let (Mode::Page, Some(officer)) = (mode, &context.officer) { input type="hidden" name="officer" value=(officer.nip); }
            div.field {
                label for="service" { (lang.t(T::SURVEY_WHICH_SERVICE)) }
                select #service name="service" {
                    @for service in &context.services {
                        option value=(service.service_id) { (service.name) }
                    }
                    option value="" { (lang.t(T::SURVEY_ANOTHER_SERVICE)) }
                }
            }
            button.send type="submit" { (lang.t(T::SURVEY_CONTINUE)) }
        }
    };
    page(
        StatusCode::OK,
        mode.frame(lang, t.survey_title, here, content, KIOSK_IDLE_SECONDS),
    )
}

fn select_field<'a>(
    lang: Lang,
    name: &str,
    label: &str,
    chosen: Option<&str>,
    options: impl Iterator<Item = (&'a str, &'a str)>,
) -> Markup {
    let chosen = chosen.unwrap_or("");
    html! {
        div.field #{ "f-" (name) } {
            label for=(name) { (label) }
            select #(name) name=(name) {
                option value="" { (lang.texts().prefer_not_to_say) }
                @for (code, text) in options {
                    option value=(code) selected[code == chosen] { (text) }
                }
            }
        }
    }
}

pub(super) fn thanks_page(
    lang: Lang,
    here: &str,
    tenant: &Tenant,
    unit_id: &str,
    recorded: &Recorded,
    mode: Mode,
) -> Response {
    let t = lang.texts();
    let receipt = recorded.receipt();
    let at = receipt.received_at;
    let zone = match tenant.utc_offset_minutes {
        420 => "WIB".to_string(),
        480 => "WITA".to_string(),
        540 => "WIT".to_string(),
        minutes => format!("UTC{:+}", minutes / 60),
    };
    // "7 Desember 2026 12:22 WIB": the day as people write it, in the regency's time.
    let when = format!("{} {zone}", lang.date_time(at, tenant.offset()));
    let content = html! {
        div.thanks role="status" {
            h1 { (t.thanks_title) }
            p { (t.thanks_body) }
            @if matches!(recorded, Recorded::Replayed(_)) { p { (t.already_received) } }
            p.receipt { span.label { (t.receipt_label) } br; strong { (receipt.code) } }
            p.hint { (t.receipt_hint) " " a href={ (crate::pages::receipt::path(&receipt.code)) "?lang=" (lang.code()) } { (t.receipt_check) } }
            p { (t.received_at) ": " (when) }
        }
        p { a href=(mode.start(unit_id, lang)) { (t.another_response) } }
        @if let Mode::Page = mode { p { a href={ (crate::routes::HOME) "?lang=" (lang.code()) } { (t.back_home) } } }
    };
    page(
        StatusCode::CREATED,
        mode.frame(lang, t.thanks_title, here, content, KIOSK_THANKS_SECONDS),
    )
}
