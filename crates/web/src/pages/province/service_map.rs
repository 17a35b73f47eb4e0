//! The province's table of service codes (`/provinsi/padanan`): the page's section listing
//! it with a form to send a new file, and the handler that checks the file whole and
//! replaces the table, or lists every problem with the page as it was.

use std::collections::{HashMap, HashSet};

use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use maud::{html, Markup};
use suara_app::i18n::catalogue as T;
use suara_app::i18n::{reason_text, Lang};
use suara_domain::province::{read, Known};
use time::OffsetDateTime;

use super::{load, ProvinceQuery, ProvinceView};
use crate::pages::context::{StaffCx, Upload};
use crate::pages::failure::PageError;
use crate::routes;

/// Largest file of the table: thousands of rows fit in a fraction of it.
pub const MAX_MAP_BYTES: usize = 2 * 1024 * 1024;

/// One row of the table as the page shows it.
pub struct MapLine {
    pub regency: String,
    pub service: String,
    pub service_code: String,
    pub province_service: String,
}

/// What the section says after a send: the rows saved, or every problem.
pub enum Outcome {
    Saved(usize),
    Refused(Vec<String>),
}

/// The table and its form, as a section of the province's page.
pub fn section(lang: Lang, csrf: &str, view: &ProvinceView) -> Markup {
    html! {
        h2 #padanan { (lang.t(T::PROVINCE_MAP)) }
        @match &view.map_outcome {
            Some(Outcome::Saved(rows)) => { div.success role="status" { p { (lang.fill(T::PROVINCE_MAP_SAVED, &[rows])) } } }
            Some(Outcome::Refused(problems)) => {
                div.error-summary role="alert" tabindex="-1" {
                    h2 { (lang.t(T::PROVINCE_MAP_PROBLEMS)) }
                    ul { @for p in problems { li { a href="#map-file" { (p) } } } }
                }
            }
            None => {}
        }
        p { (lang.t(T::PROVINCE_MAP_INTRO)) }
        @if view.map.is_empty() {
            p { (lang.t(T::PROVINCE_MAP_EMPTY)) }
        } @else {
            table.data.stacked {
                thead { tr {
                    th scope="col" { (lang.t(T::REGENCY_OR_CITY)) }
                    th scope="col" { (lang.t(T::SERVICE)) }
                    th scope="col" { (lang.t(T::PROVINCE_SERVICE_CODE)) }
                } }
                tbody { @for line in &view.map { tr {
                    th scope="row" { (line.regency) }
                    td data-label=(lang.t(T::SERVICE)) { (line.service) " " small translate="no" { "(" (line.service_code) ")" } }
                    td data-label=(lang.t(T::PROVINCE_SERVICE_CODE)) translate="no" { (line.province_service) }
                } } }
            }
        }
        form.stack method="post" action={ (routes::PROVINCE_SERVICE_MAP) "?lang=" (lang.code()) } enctype="multipart/form-data" {
            input type="hidden" name="csrf" value=(csrf);
            p { label for="map-file" { (lang.t(T::PROVINCE_MAP_FILE)) }
                input #map-file type="file" name="file" required accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"; }
            p.buttons { button type="submit" { (lang.t(T::PROVINCE_MAP_REPLACE)) } }
        }
    }
}

/// Checks the sent file against every regency's services and replaces the table.
pub async fn replace(cx: StaffCx, upload: Upload) -> Result<Response, PageError> {
    let lang = cx.lang;
    let store = &cx.app.store;
    let provinces = store.province_entries().await?;
    let mut known = Known {
        regencies: Vec::new(),
        services: HashMap::new(),
    };
    for tenant in store.tenants().await? {
        if tenant.tenant_id == cx.tenant_id() || provinces.contains(&tenant.tenant_id) {
            continue;
        }
        let services: HashSet<String> = store
            .services(&tenant.tenant_id)
            .await?
            .into_iter()
            .map(|s| s.service_id)
            .collect();
        known.services.insert(tenant.tenant_id.clone(), services);
        known.regencies.push((tenant.tenant_id, tenant.name));
    }
    let bytes = upload.file("file").map(|b| b.to_vec()).unwrap_or_default();
    let outcome = match read(&bytes, &known) {
        Ok(mappings) => {
            store
                .replace_province_service_map(
                    cx.tenant_id(),
                    &mappings,
                    &bytes,
                    cx.username(),
                    OffsetDateTime::now_utc(),
                )
                .await?;
            let saved = format!(
                "{}?lang={}&padanan={}#padanan",
                routes::PROVINCE,
                lang.code(),
                mappings.len()
            );
            return Ok(Redirect::to(&saved).into_response());
        }
        Err(problems) => Outcome::Refused(
            problems
                .iter()
                .map(|p| match p.line {
                    0 => reason_text(lang, &p.reason),
                    line => format!(
                        "{} {line}: {}",
                        lang.t(T::LINE),
                        reason_text(lang, &p.reason)
                    ),
                })
                .collect(),
        ),
    };
    let mut view = load(&cx, &ProvinceQuery::default()).await?;
    view.map_outcome = Some(outcome);
    let (title, content) = super::view::render(cx.look(), &view);
    Ok(cx.page(StatusCode::UNPROCESSABLE_ENTITY, &title, content))
}
