//! What page handlers need, extracted once instead of set up in every handler:
//! - [`PageCx`]: the language and current address of any page;
//! - [`StaffCx`]: that, plus the signed-in user (put there by the access check) and their
//!   regency;
//! - [`CsrfForm`] and [`Upload`]: a staff form's fields, only when they carry the session's
//!   CSRF token.

use std::convert::Infallible;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Multipart, Request};
use axum::http::request::Parts;
use axum::http::StatusCode;
use axum::response::Response;
use maud::{html, Markup};
use serde::de::DeserializeOwned;
use suara_domain::period::Month;
use suara_store::Tenant;
use time::OffsetDateTime;

use super::chrome::page;
use super::failure::{Missing, PageError};
use super::staff_menu::{frame, href};
use crate::auth::Staff;
use crate::state::AppState;
use suara_app::i18n::{Lang, Text};

/// The address of a request, path and query, as the browser asked for it.
fn here_of(parts: &Parts) -> String {
    parts
        .extensions
        .get::<axum::extract::OriginalUri>()
        .map_or_else(|| parts.uri.to_string(), |u| u.0.to_string())
}

/// Any page: its language (`?lang=`) and address.
pub struct PageCx {
    pub app: Arc<AppState>,
    pub lang: Lang,
    pub here: String,
}

impl FromRequestParts<Arc<AppState>> for PageCx {
    type Rejection = Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        app: &Arc<AppState>,
    ) -> Result<PageCx, Infallible> {
        Ok(PageCx {
            app: app.clone(),
            lang: Lang::from_query(parts.uri.query()),
            here: here_of(parts),
        })
    }
}

/// A staff page: language, address, the signed-in user and their regency.
pub struct StaffCx {
    pub app: Arc<AppState>,
    pub lang: Lang,
    pub here: String,
    pub staff: Staff,
    pub tenant: Tenant,
}

impl FromRequestParts<Arc<AppState>> for StaffCx {
    type Rejection = PageError;

    async fn from_request_parts(
        parts: &mut Parts,
        app: &Arc<AppState>,
    ) -> Result<StaffCx, PageError> {
        let staff = parts
            .extensions
            .get::<Staff>()
            .cloned()
            .ok_or(PageError::SignInFirst)?;
        let tenant = app
            .store
            .tenant(staff.tenant_id())
            .await?
            .ok_or(PageError::NotFound(Missing::Regency))?;
        Ok(StaffCx {
            app: app.clone(),
            lang: Lang::from_query(parts.uri.query()),
            here: here_of(parts),
            staff,
            tenant,
        })
    }
}

impl StaffCx {
    pub fn tenant_id(&self) -> &str {
        &self.tenant.tenant_id
    }

    pub fn username(&self) -> &str {
        self.staff.username()
    }

    /// The regency's date today (in its own time zone).
    pub fn today(&self) -> time::Date {
        OffsetDateTime::now_utc()
            .to_offset(self.tenant.offset())
            .date()
    }

    /// The regency's current month (in its own time zone).
    pub fn current_month(&self) -> Month {
        self.tenant.month_of(OffsetDateTime::now_utc())
    }

    /// What the render functions need of this request.
    pub fn look(&self) -> Look<'_> {
        Look {
            lang: self.lang,
            csrf: &self.staff.session.csrf_token,
        }
    }

    /// A text of the catalogue in the user's language.
    pub fn t(&self, text: Text) -> &'static str {
        self.lang.t(text)
    }

    /// A staff address with the user's language.
    pub fn href(&self, path: &str) -> String {
        self.look().href(path)
    }

    /// `content` in the staff frame.
    pub fn frame(&self, title: &str, content: Markup) -> Markup {
        frame(self.lang, &self.staff, title, &self.here, content)
    }

    /// A staff page answering `status`.
    pub fn page(&self, status: StatusCode, title: &str, content: Markup) -> Response {
        page(status, self.frame(title, content))
    }

    /// A staff page answering 200.
    pub fn ok(&self, title: &str, content: Markup) -> Result<Response, PageError> {
        Ok(self.page(StatusCode::OK, title, content))
    }
}

/// What a pure render function needs of the request: the language and the session's CSRF
/// token for its forms. A page's markup is tested with one made up, without a database.
#[derive(Clone, Copy)]
pub struct Look<'a> {
    pub lang: Lang,
    pub csrf: &'a str,
}

impl Look<'_> {
    /// A text of the catalogue in the user's language.
    pub fn t(&self, text: Text) -> &'static str {
        self.lang.t(text)
    }

    /// A staff address with the user's language.
    pub fn href(&self, path: &str) -> String {
        href(self.lang, path, None)
    }

    /// A form's action: the address with the user's language.
    pub fn action(&self, path: &str) -> String {
        format!("{path}?lang={}", self.lang.code())
    }

    /// The hidden field every staff form carries.
    pub fn csrf(&self) -> Markup {
        html! { input type="hidden" name="csrf" value=(self.csrf); }
    }
}

/// The signed-in user of a request (put there by the access check).
fn staff_of(request: &Request) -> Result<Staff, PageError> {
    request
        .extensions()
        .get::<Staff>()
        .cloned()
        .ok_or(PageError::SignInFirst)
}

/// An urlencoded staff form, deserialized into `T` once its `csrf` field matches the session.
pub struct CsrfForm<T>(pub T);

impl<T: DeserializeOwned> FromRequest<Arc<AppState>> for CsrfForm<T> {
    type Rejection = PageError;

    async fn from_request(request: Request, app: &Arc<AppState>) -> Result<Self, PageError> {
        let staff = staff_of(&request)?;
        let body = Bytes::from_request(request, app)
            .await
            .map_err(|_| PageError::BadRequest)?;
        let pairs: Vec<(String, String)> =
            serde_urlencoded::from_bytes(&body).map_err(|_| PageError::BadRequest)?;
        let token = pairs
            .iter()
            .find(|(k, _)| k == "csrf")
            .map(|(_, v)| v.as_str());
        if !staff.csrf_ok(token) {
            return Err(PageError::Forbidden);
        }
        serde_urlencoded::from_bytes(&body)
            .map(CsrfForm)
            .map_err(|_| PageError::BadRequest)
    }
}

/// A multipart staff form (file uploads), read whole once its `csrf` field matches.
pub struct Upload {
    fields: Vec<(String, Bytes)>,
    /// The name each file field's file had on the sender's machine.
    file_names: Vec<(String, String)>,
}

impl Upload {
    /// A text field, when sent.
    pub fn text(&self, name: &str) -> Option<String> {
        self.fields
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| String::from_utf8_lossy(v).into_owned())
    }

    /// Every non-empty file or value sent under `name`, in order.
    pub fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Bytes> {
        self.fields
            .iter()
            .filter(move |(n, v)| n == name && !v.is_empty())
            .map(|(_, v)| v)
    }

    /// The first non-empty file sent under `name`.
    pub fn file<'a>(&'a self, name: &'a str) -> Option<&'a Bytes> {
        self.all(name).next()
    }

    /// The name the first file sent under `name` had, when the browser gave one.
    pub fn file_name(&self, name: &str) -> Option<&str> {
        self.file_names
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, file)| file.as_str())
    }

    /// Every text field, for forms with repeated or dynamic names.
    pub fn pairs(&self) -> Vec<(String, String)> {
        self.fields
            .iter()
            .map(|(n, v)| (n.clone(), String::from_utf8_lossy(v).into_owned()))
            .collect()
    }
}

impl FromRequest<Arc<AppState>> for Upload {
    type Rejection = PageError;

    async fn from_request(request: Request, app: &Arc<AppState>) -> Result<Self, PageError> {
        let staff = staff_of(&request)?;
        let mut multipart = Multipart::from_request(request, app)
            .await
            .map_err(|_| PageError::BadRequest)?;
        let mut fields = Vec::new();
        let mut file_names = Vec::new();
        while let Some(field) = multipart
            .next_field()
            .await
            .map_err(|_| PageError::BadRequest)?
        {
            let name = field.name().unwrap_or_default().to_string();
            let file_name = field.file_name().map(str::to_string);
            let bytes = field.bytes().await.map_err(|_| PageError::BadRequest)?;
            if let Some(file) = file_name.filter(|f| !f.is_empty() && !bytes.is_empty()) {
                file_names.push((name.clone(), file));
            }
            fields.push((name, bytes));
        }
        let upload = Upload { fields, file_names };
        if !staff.csrf_ok(upload.text("csrf").as_deref()) {
            return Err(PageError::Forbidden);
        }
        Ok(upload)
    }
}

/// Repeated form fields (`code=…&code=…`) as pairs.
pub type Pairs = Vec<(String, String)>;

/// A form field's first value.
pub fn field<'a>(pairs: &'a Pairs, name: &str) -> Option<&'a str> {
    pairs
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

/// Every value sent under `name`.
pub fn fields<'a>(pairs: &'a Pairs, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
    pairs
        .iter()
        .filter(move |(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}
