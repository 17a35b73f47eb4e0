//! The public survey page: `GET /survei/{unit}` shows the questionnaire; the form posts to
//! `POST /api/v1/responses` (see `submit`), which answers with the pages made here.

use std::sync::Arc;

use axum::extract::{OriginalUri, Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use maud::{html, Markup};
use serde::Deserialize;
use suara_domain::skm::Element;
use suara_domain::survey::{
    AgeBand, Education, FieldError, Occupation, Problem, ProfileDraft, ResponseDraft, Sex,
    SUGGESTION_MAX_CHARS,
};
use suara_store::{Channel, Officer, Recorded, Service, Tenant, Unit};

use super::{layout, not_found_page, page};
use crate::i18n::{self, answer_index, problem_text, Lang};
use crate::submit::accept;
use crate::{ApiError, AppState};

/// The survey form's fields, as posted (`application/x-www-form-urlencoded`).
#[derive(Deserialize, Default, Clone)]
pub struct SurveyForm {
    tenant: Option<String>,
    unit: Option<String>,
    service: Option<String>,
    officer: Option<String>,
    u1: Option<String>,
    u2: Option<String>,
    u3: Option<String>,
    u4: Option<String>,
    u5: Option<String>,
    u6: Option<String>,
    u7: Option<String>,
    u8: Option<String>,
    u9: Option<String>,
    sex: Option<String>,
    age_band: Option<String>,
    education: Option<String>,
    occupation: Option<String>,
    suggestion: Option<String>,
    idempotency_key: Option<String>,
    ticket: Option<String>,
    lang: Option<String>,
}

impl SurveyForm {
    /// An empty form with its own idempotency key.
    pub(crate) fn fresh(lang: Lang) -> SurveyForm {
        SurveyForm {
            idempotency_key: Some(new_form_key()),
            lang: Some(lang.code().into()),
            ..SurveyForm::default()
        }
    }

    fn answers(&self) -> [&Option<String>; 9] {
        [
            &self.u1, &self.u2, &self.u3, &self.u4, &self.u5, &self.u6, &self.u7, &self.u8,
            &self.u9,
        ]
    }

    fn lang(&self) -> Lang {
        Lang::from_code(self.lang.as_deref())
    }

    /// The API draft; a radio value that is not a number is reported like an out-of-range one.
    fn to_draft(&self) -> (ResponseDraft, Vec<FieldError>) {
        let mut errors = Vec::new();
        let answers = self
            .answers()
            .iter()
            .enumerate()
            .map(|(i, value)| {
                let value = value.as_deref().map(str::trim).filter(|v| !v.is_empty())?;
                let parsed = value.parse::<i64>().ok();
                if parsed.is_none() {
                    errors.push(FieldError::new(
                        format!("answers[{i}]"),
                        Problem::NotOneOf(&["1", "2", "3", "4"]),
                    ));
                }
                parsed
            })
            .collect();
        let draft = ResponseDraft {
            tenant: self.tenant.clone(),
            unit: self.unit.clone(),
            service: self.service.clone(),
            officer: self.officer.clone(),
            answers: Some(answers),
            profile: ProfileDraft {
                sex: self.sex.clone(),
                age_band: self.age_band.clone(),
                education: self.education.clone(),
                occupation: self.occupation.clone(),
            },
            suggestion: self.suggestion.clone(),
            idempotency_key: self.idempotency_key.clone(),
            ticket: self.ticket.clone(),
        };
        (draft, errors)
    }
}

#[derive(Deserialize)]
pub struct FormQuery {
    tenant: Option<String>,
    service: Option<String>,
    officer: Option<String>,
    lang: Option<String>,
}

/// Where the questionnaire is shown: the public survey page (also behind tickets and QR
/// posters), or the kiosk tablet of a service point.
#[derive(Clone, Copy)]
pub(crate) enum Mode<'a> {
    Page,
    Kiosk(&'a suara_store::Kiosk),
}

impl Mode<'_> {
    fn channel(self) -> Channel {
        match self {
            Mode::Page => Channel::Web,
            Mode::Kiosk(_) => Channel::Kiosk,
        }
    }

    /// The page a citizen comes back to for another response.
    fn start(self, unit_id: &str, lang: Lang) -> String {
        match self {
            Mode::Page => format!("/survei/{unit_id}?lang={}", lang.code()),
            Mode::Kiosk(kiosk) => super::kiosk::kiosk_href(&kiosk.point_id, lang),
        }
    }

    /// The page frame: a kiosk reloads a fresh form after a while (the script does so
    /// itself, and sooner, where it runs).
    fn frame(
        self,
        lang: Lang,
        title: &str,
        here: &str,
        content: Markup,
        reload_after: u32,
    ) -> Markup {
        match self {
            Mode::Page => layout(lang, title, here, content),
            Mode::Kiosk(kiosk) => {
                let start = super::kiosk::kiosk_href(&kiosk.point_id, lang);
                let chrome = super::Chrome::Kiosk {
                    refresh: (reload_after, &start),
                    refresh_without_script_only: reload_after > KIOSK_THANKS_SECONDS,
                };
                super::framed(lang, title, here, content, &chrome)
            }
        }
    }
}

/// How long a kiosk shows its thank-you page, and how long an untouched form waits before
/// a page without script starts over.
pub(crate) const KIOSK_THANKS_SECONDS: u32 = 10;
pub(crate) const KIOSK_IDLE_SECONDS: u32 = 300;

/// What the form needs besides the posted values.
pub(crate) struct FormContext {
    unit: Unit,
    services: Vec<Service>,
    officer: Option<Officer>,
}

pub(crate) async fn load_context(
    app: &AppState,
    tenant: Option<&str>,
    unit_id: &str,
    officer_nip: Option<&str>,
) -> Result<Option<FormContext>, ApiError> {
    let tenant = app.tenant(tenant).await?;
    let Some(unit) = app.store.unit(&tenant.tenant_id, unit_id).await? else {
        return Ok(None);
    };
    let services = app
        .store
        .services_of_unit(&tenant.tenant_id, unit_id)
        .await?;
    // An unknown NIP (say, an old poster of an officer who moved) just leaves the field out.
    let officer = match officer_nip.map(str::trim).filter(|n| !n.is_empty()) {
        Some(nip) => app.store.officer(&tenant.tenant_id, nip).await?,
        None => None,
    };
    Ok(Some(FormContext {
        unit,
        services,
        officer,
    }))
}

pub async fn form(
    State(app): State<Arc<AppState>>,
    Path(unit_id): Path<String>,
    Query(query): Query<FormQuery>,
    uri: OriginalUri,
    headers: axum::http::HeaderMap,
) -> Response {
    let lang = Lang::from_code(query.lang.as_deref());
    let here = uri.to_string();
    let context = match load_context(
        &app,
        query.tenant.as_deref(),
        &unit_id,
        query.officer.as_deref(),
    )
    .await
    {
        Ok(Some(context)) => context,
        Ok(None) => return not_found_page(lang, &here),
        Err(error) => return error_page(lang, &here, error),
    };
    let values = SurveyForm {
        tenant: query.tenant,
        service: query.service,
        ..SurveyForm::fresh(lang)
    };
    with_device_cookie(
        &headers,
        page(
            StatusCode::OK,
            render_form(lang, &here, &context, &values, &[], Mode::Page),
        ),
    )
}

/// Gives a browser that opens the survey an anonymous random id (if it has none), so the
/// anomaly rules can tell one phone answering again and again from many phones.
fn with_device_cookie(headers: &axum::http::HeaderMap, mut response: Response) -> Response {
    if crate::auth::cookie(headers, crate::auth::DEVICE_COOKIE).is_none() {
        let id = &crate::auth::random_token()[..32];
        let cookie =
            crate::auth::set_cookie(crate::auth::DEVICE_COOKIE, id, time::Duration::days(365));
        if let Ok(value) = cookie.parse() {
            response
                .headers_mut()
                .append(axum::http::header::SET_COOKIE, value);
        }
    }
    response
}

/// `GET /t/{code}`: the survey for one ticket, with its unit, service and officer fixed; a
/// used, expired or unknown ticket gets a page saying so.
pub async fn ticket_form(
    State(app): State<Arc<AppState>>,
    Path(code): Path<String>,
    Query(query): Query<super::LangQuery>,
    uri: OriginalUri,
    headers: axum::http::HeaderMap,
) -> Response {
    let lang = query.lang();
    let here = uri.to_string();
    match render_ticket_form(&app, &code, lang, &here).await {
        Ok(response) => with_device_cookie(&headers, response),
        Err(error) => error_page(lang, &here, error),
    }
}

async fn render_ticket_form(
    app: &AppState,
    code: &str,
    lang: Lang,
    here: &str,
) -> Result<Response, ApiError> {
    use suara_domain::integrity::ticket::{normalize, TicketState};
    let unknown = || {
        super::message_page(
            StatusCode::NOT_FOUND,
            lang,
            lang.pick("Tiket tidak dikenal", "Unknown ticket"),
            lang.pick(
                "Periksa kode pada tiket Anda (10 huruf dan angka), atau isi survei umum dari halaman depan.",
                "Check the code on your ticket (10 letters and digits), or fill in the general survey from the home page.",
            ),
            here,
        )
    };
    let Some(code) = normalize(code) else {
        return Ok(unknown());
    };
    let tenant = app.tenant(None).await?;
    let Some(ticket) = app
        .store
        .ticket(&tenant.tenant_id, &code, time::OffsetDateTime::now_utc())
        .await?
    else {
        return Ok(unknown());
    };
    match ticket.state {
        TicketState::Used => {
            return Ok(super::message_page(
                StatusCode::GONE,
                lang,
                lang.pick("Tiket sudah dipakai", "Ticket already used"),
                lang.pick(
                    "Tanggapan untuk tiket ini sudah tercatat. Setiap tiket hanya berlaku satu kali. Terima kasih!",
                    "A response for this ticket is already recorded. Each ticket counts once. Thank you!",
                ),
                here,
            ))
        }
        TicketState::Expired => {
            return Ok(super::message_page(
                StatusCode::GONE,
                lang,
                lang.pick("Tiket kedaluwarsa", "Ticket expired"),
                lang.pick(
                    "Masa berlaku tiket ini sudah habis. Anda tetap bisa mengisi survei umum dari halaman depan.",
                    "This ticket has expired. You can still fill in the general survey from the home page.",
                ),
                here,
            ))
        }
        TicketState::Usable => {}
    }
    let binding = ticket.binding;
    let Some(context) =
        load_context(app, None, &binding.unit_id, binding.officer_nip.as_deref()).await?
    else {
        return Ok(unknown());
    };
    let values = SurveyForm {
        service: binding.service_id,
        ticket: Some(code),
        ..SurveyForm::fresh(lang)
    };
    Ok(page(
        StatusCode::OK,
        render_form(lang, here, &context, &values, &[], Mode::Page),
    ))
}

/// Handles the posted form: a thank-you page (201), or the form again with every problem
/// marked (422). A kiosk's own unit and officer replace whatever was posted.
pub(crate) async fn submitted(
    app: &AppState,
    body: &[u8],
    signals: suara_store::Signals,
    mode: Mode<'_>,
) -> Response {
    let mut values: SurveyForm = serde_urlencoded::from_bytes(body).unwrap_or_default();
    if let Mode::Kiosk(kiosk) = mode {
        values.tenant = None;
        values.unit = Some(kiosk.unit_id.clone());
        values.officer = kiosk.officer_nip.clone();
        values.ticket = None;
    }
    let lang = values.lang();
    let unit_id = values.unit.clone().unwrap_or_default();
    let here = mode.start(&unit_id, lang);
    let (draft, mut errors) = values.to_draft();
    let result = if errors.is_empty() {
        accept(app, draft, mode.channel(), signals).await
    } else {
        Err(ApiError::Invalid(Vec::new()))
    };
    match result {
        Ok((tenant, recorded)) => thanks_page(lang, &here, &tenant, &unit_id, &recorded, mode),
        Err(ApiError::Invalid(more)) => {
            errors.extend(more);
            let context = load_context(
                app,
                values.tenant.as_deref(),
                unit_id.trim(),
                values.officer.as_deref(),
            )
            .await;
            match context {
                Ok(Some(context)) => page(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    render_form(lang, &here, &context, &values, &errors, mode),
                ),
                Ok(None) => not_found_page(lang, &here),
                Err(error) => error_page(lang, &here, error),
            }
        }
        Err(error) => error_page(lang, &here, error),
    }
}

/// A random key per rendered form: pressing "send" twice, or reloading after sending,
/// stores the response once.
fn new_form_key() -> String {
    format!(
        "form-{:016x}{:016x}",
        rand::random::<u64>(),
        rand::random::<u64>()
    )
}

/// The element anchors and other field ids the error summary links to.
fn field_anchor(field: &str) -> String {
    match answer_index(field) {
        Some(i) => format!("q-u{}", i + 1),
        None => match field {
            "answers" => "questions".into(),
            other => format!("f-{}", other.trim_start_matches("profile.")),
        },
    }
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
    let error_for = |anchor: &str| errors.iter().find(|e| field_anchor(&e.field) == anchor);
    let selected_service = values.service.as_deref().unwrap_or("");
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
                        li { a href={ "#" (field_anchor(&error.field)) } { (problem_text(lang, error)) } }
                    }
                }
            }
        }
        p { (t.survey_intro) }
        @if let Mode::Kiosk(_) = mode { (super::kiosk::faces()) }
        form #survey method="post" action=(match mode { Mode::Page => crate::api::RESPONSES.to_string(), Mode::Kiosk(k) => super::kiosk::kiosk_href(&k.point_id, lang) }) accept-charset="utf-8" {
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
                        span.label { (lang.pick("Tiket", "Ticket")) ": " } strong { (suara_domain::integrity::ticket::display(ticket)) }
                        @if let Some(service) = context.services.iter().find(|s| s.service_id == selected_service) {
                            br; span.label { (t.survey_service) ": " } strong { (service.name) }
                        }
                    }
                    @if !selected_service.is_empty() { input type="hidden" name="service" value=(selected_service); }
                    @if let Some(e) = error_for("f-ticket") { p.err { (problem_text(lang, e)) } }
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
            h2 #questions { (t.questions_heading) }
            @for element in Element::ALL {
                @let i = element.index();
                @let name = format!("u{}", i + 1);
                @let anchor = format!("q-{name}");
                @let question = &t.questions[i];
                @let chosen = values.answers()[i].as_deref().unwrap_or("");
                @let error = error_for(&anchor);
                fieldset.q #(anchor) aria-describedby=[error.map(|_| format!("{anchor}-err"))] {
                    legend {
                        span.qn { (i + 1) ". " }
                        (question.text)
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
                                    Mode::Kiosk(_) => { (super::kiosk::face(k + 1)) }
                                }
                                span { (label) }
                            }
                        }
                    }
                }
            }
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
        @if let Mode::Kiosk(_) = mode { (super::kiosk::after_form(lang)) }
    };
    mode.frame(lang, t.survey_title, here, content, KIOSK_IDLE_SECONDS)
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

fn thanks_page(
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
    let when = format!(
        "{:02}-{:02}-{} {:02}:{:02} {zone}",
        at.day(),
        u8::from(at.month()),
        at.year(),
        at.hour(),
        at.minute()
    );
    let content = html! {
        div.thanks role="status" {
            h1 { (t.thanks_title) }
            p { (t.thanks_body) }
            @if matches!(recorded, Recorded::Replayed(_)) { p { (t.already_received) } }
            p.receipt { span.label { (t.receipt_label) } br; strong { (receipt.code) } }
            p.hint { (t.receipt_hint) " " a href={ (super::receipt::path(&receipt.code)) "?lang=" (lang.code()) } { (t.receipt_check) } }
            p { (t.received_at) ": " (when) }
        }
        p { a href=(mode.start(unit_id, lang)) { (t.another_response) } }
        @if let Mode::Page = mode { p { a href={ "/?lang=" (lang.code()) } { (t.back_home) } } }
    };
    page(
        StatusCode::CREATED,
        mode.frame(lang, t.thanks_title, here, content, KIOSK_THANKS_SECONDS),
    )
}

/// A page for failures that are not the citizen's to fix (database down, …).
pub fn error_page(lang: Lang, here: &str, error: ApiError) -> Response {
    if let ApiError::NotFound(_) = error {
        return not_found_page(lang, here);
    }
    let status = error.status();
    if status.is_server_error() {
        tracing::error!(%error, "page failed");
    }
    let t = lang.texts();
    super::message_page(status, lang, t.error_title, t.error_body, here)
}
