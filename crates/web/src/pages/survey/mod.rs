//! The public survey page: `GET /survei/{unit}` shows the questionnaire; the form posts to
//! `POST /api/v1/responses` (`post`), which answers with the pages made here.

mod kiosk_markup;
mod markup;
pub mod post;

pub use kiosk_markup::kiosk_href;
pub(crate) use markup::{render_form, render_service_choice};

use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::Response;
use maud::Markup;
use serde::Deserialize;
use suara_domain::survey::adapt::ExtraAnswerDraft;
use suara_domain::survey::{FieldError, Problem, ProfileDraft, ResponseDraft};
use suara_store::{Channel, Officer, Service, ServiceSurvey, Unit};

use super::context::PageCx;
use super::failure::{Missing, PageError};
use super::{layout, not_found_page, page};
use crate::error::ApiError;
use crate::state::AppState;
use crate::submit::accept;
use markup::{new_form_key, thanks_page};
use suara_app::i18n::catalogue as T;
use suara_app::i18n::Lang;

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
    /// Answers to the service's extra questions (fields `x{number}`), by question number.
    #[serde(skip)]
    extra: Vec<(i64, String)>,
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

    /// An empty form for a service chosen on the step before (or none).
    pub(crate) fn chosen(lang: Lang, service: Option<&str>) -> SurveyForm {
        SurveyForm {
            service: service.map(str::to_string),
            ..SurveyForm::fresh(lang)
        }
    }

    /// The form as posted, extra answers included.
    fn parse(body: &[u8]) -> SurveyForm {
        let mut form: SurveyForm = serde_urlencoded::from_bytes(body).unwrap_or_default();
        let pairs: Vec<(String, String)> = serde_urlencoded::from_bytes(body).unwrap_or_default();
        form.extra = pairs
            .into_iter()
            .filter_map(|(name, value)| Some((name.strip_prefix('x')?.parse().ok()?, value)))
            .collect();
        form.extra.sort_by_key(|(id, _)| *id);
        form.extra.dedup_by_key(|(id, _)| *id);
        form
    }

    /// What was posted for extra question `id`, if anything (`""`: "not answered").
    fn answered(&self, id: i64) -> Option<&str> {
        self.extra
            .iter()
            .find(|(q, _)| *q == id)
            .map(|(_, answer)| answer.as_str())
    }

    /// What was answered to extra question `id`.
    fn extra_answer(&self, id: i64) -> &str {
        self.answered(id).unwrap_or("")
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
            extra: Some(
                self.extra
                    .iter()
                    .map(|(id, answer)| ExtraAnswerDraft {
                        question: Some(*id),
                        answer: Some(answer.clone()),
                    })
                    .collect(),
            ),
        };
        (draft, errors)
    }
}

#[derive(Deserialize)]
pub struct FormQuery {
    tenant: Option<String>,
    service: Option<String>,
    officer: Option<String>,
}

/// Where the questionnaire is shown: the public survey page (also behind tickets and QR
/// posters), or the kiosk tablet of a service point.
#[derive(Clone, Copy)]
pub(crate) enum Mode<'a> {
    Page,
    Kiosk(&'a suara_store::Kiosk),
}

impl<'a> Mode<'a> {
    /// The kiosk that posts, if any.
    fn kiosk(self) -> Option<&'a suara_store::Kiosk> {
        match self {
            Mode::Page => None,
            Mode::Kiosk(kiosk) => Some(kiosk),
        }
    }

    fn channel(self) -> Channel {
        match self {
            Mode::Page => Channel::Web,
            Mode::Kiosk(kiosk) => kiosk.channel(),
        }
    }

    /// The page a citizen comes back to for another response.
    fn start(self, unit_id: &str, lang: Lang) -> String {
        match self {
            Mode::Page => format!("{}?lang={}", crate::routes::survey(unit_id), lang.code()),
            Mode::Kiosk(kiosk) => kiosk_href(&kiosk.point_id, lang),
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
                let start = kiosk_href(&kiosk.point_id, lang);
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
    pub(super) unit: Unit,
    pub(super) services: Vec<Service>,
    pub(super) officer: Option<Officer>,
    /// How the chosen service asks its survey (the standard way when none is chosen).
    pub(super) survey: ServiceSurvey,
    /// Whether any service of the unit asks its own way, so the service comes first.
    pub(super) adapted: bool,
}

pub(crate) async fn load_context(
    app: &AppState,
    tenant: Option<&str>,
    unit_id: &str,
    officer_nip: Option<&str>,
    service_id: Option<&str>,
) -> Result<Option<FormContext>, ApiError> {
    let tenant = app.tenant(tenant).await?;
    let Some(unit) = app.store.unit(&tenant.tenant_id, unit_id).await? else {
        return Ok(None);
    };
    let services = app
        .store
        .services_of_unit(&tenant.tenant_id, unit_id)
        .await?;
    // An unknown NIP, or an officer who has left (an old poster, a kiosk still bound to
    // them), just leaves the field out: the citizen rates the unit, and nothing is refused.
    let officer = match officer_nip.map(str::trim).filter(|n| !n.is_empty()) {
        Some(nip) => {
            let today = time::OffsetDateTime::now_utc()
                .to_offset(tenant.offset())
                .date();
            let working = app
                .store
                .assignments(&tenant.tenant_id, nip)
                .await?
                .iter()
                .any(|a| a.from <= today && a.until.is_none_or(|until| until >= today));
            match working {
                true => app.store.officer(&tenant.tenant_id, nip).await?,
                false => None,
            }
        }
        None => None,
    };
    let adapted = app
        .store
        .adapted_services(&tenant.tenant_id, unit_id)
        .await?;
    let survey = match service_id.filter(|s| adapted.iter().any(|a| a == s)) {
        Some(service) => app.store.service_survey(&tenant.tenant_id, service).await?,
        None => ServiceSurvey::default(),
    };
    Ok(Some(FormContext {
        unit,
        services,
        officer,
        survey,
        adapted: !adapted.is_empty(),
    }))
}

pub async fn form(
    cx: PageCx,
    Path(unit_id): Path<String>,
    Query(query): Query<FormQuery>,
    headers: axum::http::HeaderMap,
) -> Result<Response, PageError> {
    let (lang, here) = (cx.lang, cx.here.as_str());
    let Some(context) = load_context(
        &cx.app,
        query.tenant.as_deref(),
        &unit_id,
        query.officer.as_deref(),
        query.service.as_deref(),
    )
    .await?
    else {
        return Err(PageError::NotFound(Missing::Unit(unit_id)));
    };
    // A unit whose services ask their own way asks which service first (an empty choice:
    // "another service", the standard questions).
    if context.adapted && query.service.is_none() {
        return Ok(render_service_choice(
            lang,
            here,
            &context,
            query.tenant.as_deref(),
            Mode::Page,
        ));
    }
    let values = SurveyForm {
        tenant: query.tenant,
        service: query.service,
        ..SurveyForm::fresh(lang)
    };
    Ok(with_device_cookie(
        &headers,
        page(
            StatusCode::OK,
            render_form(lang, here, &context, &values, &[], Mode::Page),
        ),
    ))
}

/// Gives a browser that opens the survey an anonymous random id (if it has none), so the
/// anomaly rules can tell one phone answering again and again from many phones.
fn with_device_cookie(headers: &axum::http::HeaderMap, mut response: Response) -> Response {
    if crate::auth::cookie(headers, crate::auth::DEVICE_COOKIE).is_none() {
        let id = &suara_app::credentials::random_token()[..32];
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
    cx: PageCx,
    Path(code): Path<String>,
    headers: axum::http::HeaderMap,
) -> Result<Response, PageError> {
    let response = render_ticket_form(&cx.app, &code, cx.lang, &cx.here).await?;
    Ok(with_device_cookie(&headers, response))
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
            lang.t(T::UNKNOWN_TICKET),
            lang.t(T::CHECK_THE_CODE_ON_YOUR_TICKET_10),
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
                lang.t(T::TICKET_ALREADY_USED),
                lang.t(T::A_RESPONSE_FOR_THIS_TICKET_IS_ALREADY),
                here,
            ))
        }
        TicketState::Expired => {
            return Ok(super::message_page(
                StatusCode::GONE,
                lang,
                lang.t(T::TICKET_EXPIRED),
                lang.t(T::THIS_TICKET_HAS_EXPIRED_YOU_CAN_STILL),
                here,
            ))
        }
        TicketState::Usable => {}
    }
    let binding = ticket.binding;
    let Some(context) = load_context(
        app,
        None,
        &binding.unit_id,
        binding.officer_nip.as_deref(),
        binding.service_id.as_deref(),
    )
    .await?
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
    let mut values = SurveyForm::parse(body);
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
                values.service.as_deref(),
            )
            .await;
            match context {
                Ok(Some(context)) => page(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    render_form(lang, &here, &context, &values, &errors, mode),
                ),
                Ok(None) => not_found_page(lang, &here),
                Err(error) => not_saved_page(lang, &here, error),
            }
        }
        Err(error) => not_saved_page(lang, &here, error),
    }
}

/// A rating that could not be saved (database down, …): say so, so the citizen tries again.
pub fn not_saved_page(lang: Lang, here: &str, error: ApiError) -> Response {
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
