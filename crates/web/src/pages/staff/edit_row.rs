//! Editing one unit, service, service point or officer (`/admin/ubah/{what}/{id}`): the
//! stored row as a form, each column named as the regency's files head it, units chosen by
//! name. Saving imports that one row, so it is checked, compared, audit-logged and refused
//! exactly as a personnel list would be (a move into a paid month, a signer who is no
//! officer), and nothing else changes.

use std::collections::BTreeMap;

use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::Response;
use maud::{html, Markup};
use suara_domain::org::edit::{one_row_file, stored_row};
use suara_domain::org::import::{plan_import, ImportFiles, Snapshot, Table};
use suara_domain::org::template;
use time::OffsetDateTime;

use crate::pages::context::{field, CsrfForm, Look, Pairs, StaffCx};
use crate::pages::failure::{Missing, PageError};
use crate::routes;
use suara_app::i18n::catalogue as T;
use suara_app::i18n::{reason_text, Lang};

/// The table a path's word names.
fn table_of(what: &str) -> Option<Table> {
    Some(match what {
        "unit" => Table::Units,
        "layanan" => Table::Services,
        "loket" => Table::Points,
        "pegawai" => Table::Officers,
        _ => return None,
    })
}

/// The address of the page editing `id` of `table`.
pub fn edit_href(lang: Lang, table: Table, id: &str) -> String {
    let what = match table {
        Table::Services => "layanan",
        Table::Points => "loket",
        Table::Officers => "pegawai",
        _ => "unit",
    };
    super::href(lang, &routes::org_edit(what, id), None)
}

pub struct EditView {
    pub table: Table,
    pub what: String,
    pub id: String,
    /// Column → value, as stored or as typed.
    pub values: Vec<(&'static str, String)>,
    /// Problems by column, in words.
    pub problems: BTreeMap<String, String>,
    pub saved: Option<suara_app::i18n::Text>,
    pub snapshot: Snapshot,
    /// An officer whose departure is recorded: changed through the personnel list only, for
    /// this page dates every save and a start after the last day would bring them back.
    pub left: bool,
}

async fn load(cx: &StaffCx, what: &str, id: &str) -> Result<EditView, PageError> {
    let table = table_of(what).ok_or(PageError::NotFound(Missing::Page))?;
    let snapshot = cx.app.store.org_snapshot(cx.tenant_id()).await?;
    let values =
        stored_row(table, &snapshot, id, cx.today()).ok_or(PageError::NotFound(Missing::Page))?;
    let left = table == Table::Officers
        && snapshot
            .officers
            .iter()
            .any(|o| o.officer.nip == id && o.left_on.is_some());
    Ok(EditView {
        left,
        table,
        what: what.to_string(),
        id: id.to_string(),
        values,
        problems: BTreeMap::new(),
        saved: None,
        snapshot,
    })
}

pub async fn form(
    cx: StaffCx,
    Path((what, id)): Path<(String, String)>,
) -> Result<Response, PageError> {
    let view = load(&cx, &what, &id).await?;
    let (title, content) = render(cx.look(), &view);
    cx.ok(&title, content)
}

pub async fn save(
    cx: StaffCx,
    Path((what, id)): Path<(String, String)>,
    CsrfForm(pairs): CsrfForm<Pairs>,
) -> Result<Response, PageError> {
    let mut view = load(&cx, &what, &id).await?;
    if view.left {
        let (title, content) = render(cx.look(), &view);
        return Ok(cx.page(StatusCode::CONFLICT, &title, content));
    }
    // The row's own code comes from the address, never the form.
    let key = view.values[0].0;
    for (column, value) in view.values.iter_mut().skip(1) {
        *value = field(&pairs, column).unwrap_or_default().trim().to_string();
    }
    view.values[0] = (key, id.clone());
    let file = one_row_file(&view.values);
    let mut files = ImportFiles::default();
    files.set(view.table, &file);
    let now = OffsetDateTime::now_utc();
    match plan_import(&files, &view.snapshot, cx.today()) {
        Err(errors) => {
            for e in errors {
                let column = if view.values.iter().any(|(c, _)| *c == e.field) {
                    e.field
                } else {
                    view.values[1].0.to_string()
                };
                view.problems
                    .insert(column, reason_text(cx.lang, &e.reason));
            }
            let (title, content) = render(cx.look(), &view);
            return Ok(cx.page(StatusCode::UNPROCESSABLE_ENTITY, &title, content));
        }
        Ok(plan) if plan.is_empty() => view.saved = Some(T::NOTHING_CHANGED),
        Ok(plan) => {
            cx.app
                .store
                .apply_import(cx.tenant_id(), &plan, cx.username(), now)
                .await?;
            view = load(&cx, &what, &id).await?;
            view.saved = Some(T::CHANGES_SAVED_AND_AUDIT_LOGGED);
        }
    }
    let (title, content) = render(cx.look(), &view);
    cx.ok(&title, content)
}

fn title_text(table: Table) -> suara_app::i18n::Text {
    match table {
        Table::Services => T::EDIT_SERVICE,
        Table::Points => T::EDIT_SERVICE_POINT,
        Table::Officers => T::EDIT_OFFICER,
        _ => T::EDIT_UNIT,
    }
}

pub fn render(look: Look, view: &EditView) -> (String, Markup) {
    let lang = look.lang;
    let name = view
        .values
        .iter()
        .find(|(c, _)| *c == "name")
        .map_or("", |(_, v)| v.as_str());
    let title = format!("{}: {name}", lang.t(title_text(view.table)));
    let label = |column: &str| template::header(view.table, column);
    let content = html! {
        h1 { (title) }
        @if !view.problems.is_empty() {
            div.error-summary role="alert" tabindex="-1" {
                h2 { (lang.t(T::THERE_IS_A_PROBLEM)) }
                ul { @for (column, problem) in &view.problems {
                    li { a href={ "#" (column) } { (label(column)) ": " (problem) } }
                } }
            }
        }
        @if let Some(saved) = view.saved { div.success role="status" { p { (lang.t(saved)) } } }
        @if view.left {
            p { (lang.t(T::OFFICER_HAS_LEFT_EDIT_BY_LIST)) " " a href=(look.href(routes::IMPORT)) { (lang.t(T::IMPORT_ORGANISATION)) } }
        } @else {
        form.stack method="post" action=(look.action(&routes::org_edit(&view.what, &view.id))) {
            (look.csrf())
            @for (i, (column, value)) in view.values.iter().enumerate() {
                @let problem = view.problems.get(*column);
                // The row's own code is kept from the address; only a NIP means something to
                // people, so only it is shown.
                @if i == 0 {
                    @if view.table == Table::Officers { p { strong { (label(column)) } ": " (value) } }
                } @else {
                    div.field.invalid[problem.is_some()] {
                        label for=(column) { (label(column)) }
                        @if let Some(hint) = hint(column) { span.hint { (lang.t(hint)) } }
                        @if let Some(p) = problem { span.error-message { (p) } }
                        (input(lang, view, column, value))
                    }
                }
            }
            p.buttons { button.primary type="submit" { (lang.t(T::SAVE_CHANGES)) } }
        }
        }
        @if view.table == Table::Units { (parts_of_unit(lang, view)) }
    };
    (title, content)
}

fn hint(column: &str) -> Option<suara_app::i18n::Text> {
    match column {
        "assigned_from" => Some(T::ASSIGNED_FROM_HINT),
        "head_nip" | "treasurer_nip" => Some(T::SIGNER_HINT),
        "email" => Some(T::OFFICER_EMAIL_HINT),
        _ => None,
    }
}

/// The input for a column: units and signers chosen by name, dates picked, yes or no.
fn input(lang: Lang, view: &EditView, column: &str, value: &str) -> Markup {
    let units = &view.snapshot.units;
    match column {
        "unit_id" | "parent_id" => html! {
            select id=(column) name=(column) {
                @if column == "parent_id" { option value="" selected[value.is_empty()] { (lang.t(T::NO_PARENT_UNIT)) } }
                @for u in units.iter().filter(|u| column == "unit_id" || u.unit_id != view.id) {
                    option value=(u.unit_id) selected[u.unit_id == value] { (u.name) }
                }
            }
        },
        "head_nip" | "treasurer_nip" => html! {
            select id=(column) name=(column) {
                option value="" selected[value.is_empty()] { (lang.t(T::AS_THE_PARENT_UNIT)) }
                @for o in view.snapshot.officers.iter().filter(|o| o.left_on.is_none() && (o.officer.unit_id == view.id || o.officer.nip == value)) {
                    option value=(o.officer.nip) selected[o.officer.nip == value] { (o.officer.name) " (NIP " (o.officer.nip) ")" }
                }
            }
        },
        "serves_public" => html! {
            select id=(column) name=(column) {
                option value="ya" selected[value == "ya"] { (lang.t(T::YES)) }
                option value="tidak" selected[value == "tidak"] { (lang.t(T::NO)) }
            }
        },
        "assigned_from" => html! { input id=(column) type="date" name=(column) value=(value); },
        "email" => {
            html! { input id=(column) type="email" name=(column) value=(value) maxlength="254"; }
        }
        _ => html! { input id=(column) name=(column) value=(value); },
    }
}

/// A unit's services and service points, each with its own edit page.
fn parts_of_unit(lang: Lang, view: &EditView) -> Markup {
    let services: Vec<_> = view
        .snapshot
        .services
        .iter()
        .filter(|s| s.unit_id == view.id)
        .collect();
    let points: Vec<_> = view
        .snapshot
        .points
        .iter()
        .filter(|p| p.unit_id == view.id)
        .collect();
    html! {
        @if !services.is_empty() {
            h2 { (lang.t(T::SERVICES)) }
            ul { @for s in services { li { a href=(edit_href(lang, Table::Services, &s.service_id)) { (s.name) } } } }
        }
        @if !points.is_empty() {
            h2 { (lang.t(T::SERVICE_POINTS)) }
            ul { @for p in points { li { a href=(edit_href(lang, Table::Points, &p.point_id)) { (p.name) } } } }
        }
    }
}
