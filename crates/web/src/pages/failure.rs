//! The one HTML error type of the pages. Handlers return `Result<_, PageError>` and use `?`;
//! [`PageError::into_response`] gives a public page in Indonesian at once and marks the
//! response, and the layer around the request (the access check for staff pages,
//! [`frame_failures`] for public ones) renders it again in the user's language and layout,
//! with staff navigation where the user is signed in.

use std::sync::Arc;

use axum::extract::Request;
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};
use maud::{html, Markup};
use suara_domain::survey::FieldError;
use suara_store::StoreError;

use crate::auth::Staff;
use crate::error::ApiError;
use suara_app::i18n::catalogue as T;
use suara_app::i18n::{problem_text, Lang};

/// What was looked for and not found, named in the error page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Missing {
    Page,
    Regency,
    Unit(String),
    Officer(String),
    Run(String),
    Forum,
    Proposal(String),
    Innovation(String),
}

#[derive(Debug, thiserror::Error)]
pub enum PageError {
    #[error("not found: {0:?}")]
    NotFound(Missing),
    /// `?period=` that is not a year, month, quarter or semester.
    #[error("not a period: {0}")]
    BadPeriod(String),
    /// A month in the address that is not YYYY-MM.
    #[error("not a month: {0}")]
    BadMonth(String),
    /// A form or query that cannot be read at all (fields a browser never sends).
    #[error("unreadable request")]
    BadRequest,
    #[error("invalid fields")]
    Invalid(Vec<FieldError>),
    #[error("forbidden")]
    Forbidden,
    #[error("session ended")]
    SignInFirst,
    #[error("too many requests")]
    TooMany,
    /// Several regencies and nothing names one: the visitor chooses.
    #[error("choose a regency")]
    ChooseRegency(Vec<crate::tenancy::Choice>),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Key(#[from] suara_app::signing::KeyError),
}

impl From<ApiError> for PageError {
    fn from(error: ApiError) -> PageError {
        match error {
            ApiError::NotFound(_) => PageError::NotFound(Missing::Page),
            ApiError::Invalid(fields) => PageError::Invalid(fields),
            ApiError::Unauthorized(_) => PageError::SignInFirst,
            ApiError::Forbidden(_) => PageError::Forbidden,
            ApiError::TooMany(_) => PageError::TooMany,
            ApiError::Store(e) => PageError::Store(e),
            ApiError::Key(e) => PageError::Key(e),
            ApiError::ChooseRegency(choices) => PageError::ChooseRegency(choices),
            ApiError::MalformedJson(_)
            | ApiError::TooLarge(_)
            | ApiError::UnsupportedMediaType
            | ApiError::TimedOut
            | ApiError::BadQuery(_) => PageError::BadRequest,
        }
    }
}

impl PageError {
    pub fn status(&self) -> StatusCode {
        match self {
            PageError::NotFound(_) => StatusCode::NOT_FOUND,
            PageError::BadPeriod(_)
            | PageError::BadMonth(_)
            | PageError::BadRequest
            | PageError::Store(StoreError::RefusedText) => StatusCode::BAD_REQUEST,
            PageError::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
            PageError::Forbidden => StatusCode::FORBIDDEN,
            PageError::SignInFirst => StatusCode::UNAUTHORIZED,
            PageError::TooMany => StatusCode::TOO_MANY_REQUESTS,
            PageError::ChooseRegency(_) => StatusCode::MULTIPLE_CHOICES,
            PageError::Store(StoreError::RecordsDisagree(_)) => StatusCode::CONFLICT,
            PageError::Store(_) | PageError::Key(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The page's title and body, in plain words: what happened and what to do.
    pub fn render(&self, lang: Lang) -> (&'static str, Markup) {
        let t = lang.texts();
        match self {
            PageError::NotFound(missing) => {
                let body = match missing {
                    Missing::Page => t.not_found_body.to_string(),
                    Missing::Regency => t.missing_regency.to_string(),
                    Missing::Unit(code) => format!("{} “{code}”.", t.missing_unit),
                    Missing::Officer(nip) => format!("{} {nip}.", t.missing_officer),
                    // A month not computed yet is no broken address: say what happens
                    // and when.
                    Missing::Run(month) => {
                        return (
                            lang.t(T::TPP_NOT_COMPUTED_YET),
                            html! {
                                p { (t.missing_run) " " (month) "." }
                                p { (lang.t(T::A_MONTH_IS_COMPUTED_AFTER_IT_ENDS)) }
                                p { a href={ (crate::routes::TPP) "?lang=" (lang.code()) } { (lang.t(T::TO_THE_TPP_PAGE)) } }
                            },
                        )
                    }
                    Missing::Forum => t.missing_forum.to_string(),
                    Missing::Proposal(code) => format!("{} “{code}”.", t.missing_proposal),
                    Missing::Innovation(id) => {
                        lang.fill(suara_app::i18n::catalogue::NO_SUCH_INNOVATION, &[id])
                    }
                };
                (t.not_found_title, html! { p { (body) } })
            }
            PageError::BadPeriod(text) => (
                t.bad_address_title,
                html! { p { (t.bad_period) " “" span translate="no" { (text) } "”." } p { (t.period_examples) } },
            ),
            PageError::BadMonth(text) => (
                t.bad_address_title,
                html! { p { (t.bad_month) " “" span translate="no" { (text) } "”." } p { (t.month_examples) } },
            ),
            PageError::BadRequest | PageError::Store(StoreError::RefusedText) => {
                (t.bad_address_title, html! { p { (t.bad_request) } })
            }
            PageError::Invalid(fields) => (
                t.bad_address_title,
                html! { ul { @for f in fields { li { (problem_text(lang, f)) } } } },
            ),
            PageError::Forbidden => (t.forbidden_title, html! { p { (t.forbidden_body) } }),
            PageError::SignInFirst => (
                t.sign_in_first_title,
                html! { p { (t.sign_in_first_body) } },
            ),
            PageError::TooMany => (t.too_many_title, html! { p { (t.too_many_body) } }),
            PageError::ChooseRegency(choices) => (
                lang.t(T::CHOOSE_YOUR_REGENCY),
                html! {
                    p { (lang.t(T::THIS_ADDRESS_SERVES_SEVERAL_REGENCIES)) }
                    ul.choices { @for choice in choices { li {
                        @match &choice.address {
                            Some(address) => a href={ (address) "?lang=" (lang.code()) } { (choice.name) },
                            None => (choice.name),
                        }
                    } } }
                },
            ),
            PageError::Store(StoreError::RecordsDisagree(_)) => (
                lang.t(T::RECORDS_DISAGREE_TITLE),
                html! { p { (lang.t(T::RECORDS_DISAGREE_BODY)) } },
            ),
            PageError::Store(_) | PageError::Key(_) => {
                (t.error_title, html! { p { (t.server_error_body) } })
            }
        }
    }
}

/// Marks a response as a failure still to be framed; the page within is the fallback.
#[derive(Clone)]
pub struct Failure(pub Arc<PageError>);

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        match &self {
            PageError::Store(StoreError::RefusedText) => {}
            PageError::Store(e @ StoreError::RecordsDisagree(_)) => {
                tracing::warn!(error = %e, "refused: records edited behind the application's back");
            }
            PageError::Store(e) => tracing::error!(error = %e, "page failed in the store"),
            PageError::Key(e) => tracing::error!(error = %e, "page failed on a signing key"),
            _ => {}
        }
        let status = self.status();
        let body = public_page(Lang::ID, "/", &self);
        let mut response = (status, Html(body.into_string())).into_response();
        response.extensions_mut().insert(Failure(Arc::new(self)));
        response
    }
}

/// An error page in the public layout, with a way home.
pub fn public_page(lang: Lang, here: &str, error: &PageError) -> Markup {
    let (title, body) = error.render(lang);
    super::chrome::layout(
        lang,
        title,
        here,
        html! {
            h1 { (title) }
            (body)
            // The chooser is the home page of an address serving several regencies.
            @if !matches!(error, PageError::ChooseRegency(_)) {
                p { a href={ (crate::routes::HOME) "?lang=" (lang.code()) } { (lang.texts().back_home) } }
            }
        },
    )
}

/// An error page in the staff layout, with the staff menu and a way back to the start page.
pub fn staff_page(lang: Lang, here: &str, staff: &Staff, error: &PageError) -> Markup {
    let (title, body) = error.render(lang);
    let home = super::staff_menu::start_page(staff);
    super::staff_menu::frame(
        lang,
        staff,
        title,
        here,
        html! {
            h1 { (title) }
            (body)
            p { a href=(super::staff_menu::href(lang, &home, None)) { (lang.texts().back_to_start) } }
        },
    )
}

/// Replaces a marked failure's body with `render`'s page, keeping status and headers.
pub fn reframe(mut response: Response, render: impl FnOnce(&PageError) -> Markup) -> Response {
    let Some(Failure(error)) = response.extensions_mut().remove::<Failure>() else {
        return response;
    };
    let (mut parts, _) = response.into_parts();
    parts.headers.remove(axum::http::header::CONTENT_LENGTH);
    Response::from_parts(parts, axum::body::Body::from(render(&error).into_string()))
}

/// Layer of the public pages: frames a failure in the language the address asks for.
pub async fn frame_failures(request: Request, next: Next) -> Response {
    let lang = Lang::from_query(request.uri().query());
    let here = request.uri().to_string();
    let response = next.run(request).await;
    reframe(response, |error| public_page(lang, &here, error))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_error_has_words_in_both_languages() {
        let errors = [
            PageError::NotFound(Missing::Unit("dinkes".into())),
            PageError::BadPeriod("oktober".into()),
            PageError::BadMonth("2026-13".into()),
            PageError::BadRequest,
            PageError::Forbidden,
            PageError::SignInFirst,
            PageError::TooMany,
            PageError::Store(StoreError::Corrupt("x".into())),
            PageError::Store(StoreError::RecordsDisagree("x".into())),
        ];
        for error in &errors {
            let (id_title, id_body) = error.render(Lang::ID);
            let (en_title, en_body) = error.render(Lang::EN);
            assert_ne!(id_title, en_title, "{error:?}");
            assert_ne!(id_body.into_string(), en_body.into_string(), "{error:?}");
        }
        let (_, body) = PageError::BadPeriod("oktober".into()).render(Lang::ID);
        assert!(body.into_string().contains("oktober"));
        // A server failure never shows the store's words to the user.
        let (_, body) = PageError::Store(StoreError::Corrupt("secret".into())).render(Lang::ID);
        assert!(!body.into_string().contains("secret"));
    }

    #[test]
    fn a_marked_failure_is_framed_again() {
        let response = PageError::BadMonth("2026-13".into()).into_response();
        assert_eq!(response.status(), StatusCode::BAD_REQUEST);
        let framed = reframe(response, |e| public_page(Lang::EN, "/tpp/2026-13", e));
        assert!(framed.extensions().get::<Failure>().is_none());
        assert_eq!(framed.status(), StatusCode::BAD_REQUEST);
    }
}
