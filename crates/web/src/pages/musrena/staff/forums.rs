//! The forums a user manages, and recording a new one. A form that cannot be saved comes
//! back with every problem listed and everything typed kept.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use maud::{html, Markup};
use suara_domain::access::Permission;
use suara_domain::musrena::forum::{Accommodation, Group, Level, Participants};
use suara_store::{Forum, MusrenaError};
use time::OffsetDateTime;

use super::{
    districts, field, fields, forum_href, may_manage, parse_date, refusal, Districts, Pairs,
};
use crate::pages::context::{CsrfForm, Look, StaffCx};
use crate::pages::failure::PageError;
use crate::pages::musrena::{accommodation_label, group_label, level_label};
use crate::routes::{MUSRENA_EXPORT, MUSRENA_FORUMS};
use suara_app::i18n::catalogue as T;
use suara_app::i18n::Lang;

pub async fn forums(cx: StaffCx) -> Result<Response, PageError> {
    forums_page(&cx, StatusCode::OK, &[], &Vec::new()).await
}

/// What the forums page shows, loaded from the store.
pub struct ForumsView {
    /// The forums the user manages.
    forums: Vec<Forum>,
    /// The districts (and their villages) whose forums this user records: every district for
    /// planners and administrators, a unit admin's own.
    districts: Districts,
    /// Whether the user may record a regency-level forum.
    regency_level: bool,
    regency: String,
    /// Whether the user may download the SIPD worksheet.
    planner: bool,
    today: time::Date,
}

/// The list and the form; `typed` refills the form after a refusal.
async fn forums_page(
    cx: &StaffCx,
    status: StatusCode,
    problems: &[String],
    typed: &Pairs,
) -> Result<Response, PageError> {
    let mut d = districts(cx).await?;
    let forums: Vec<Forum> = cx
        .app
        .store
        .forums(cx.tenant_id())
        .await?
        .into_iter()
        .filter(|f| may_manage(&cx.staff, f.district_id.as_deref(), &d.tree))
        .collect();
    let staff = &cx.staff;
    d.districts
        .retain(|(id, _)| may_manage(staff, Some(id), &d.tree));
    let view = ForumsView {
        forums,
        regency_level: may_manage(staff, None, &d.tree),
        regency: cx.tenant.name.clone(),
        districts: d,
        planner: cx.staff.principal.may(Permission::DecidePlanning),
        today: cx.today(),
    };
    let (title, content) = render(cx.look(), &view, problems, typed);
    Ok(cx.page(status, title, content))
}

fn render(
    look: Look,
    view: &ForumsView,
    problems: &[String],
    typed: &Pairs,
) -> (&'static str, Markup) {
    let lang = look.lang;
    let (forums, d) = (&view.forums, &view.districts);
    let value = |name: &str| field(typed, name).unwrap_or("").to_string();
    let level = field(typed, "level")
        .and_then(Level::from_code)
        .unwrap_or(Level::Desa);
    // A unit admin of one district has it chosen already.
    let district = field(typed, "district").or(match d.districts.as_slice() {
        [(only, _)] => Some(only.as_str()),
        _ => None,
    });
    let levels: Vec<Level> = Level::ALL
        .into_iter()
        .filter(|l| *l != Level::Kabupaten || view.regency_level)
        .collect();
    let ticked: Vec<&str> = fields(typed, "accommodation").collect();
    let held_on = field(typed, "held_on").map_or_else(|| view.today.to_string(), str::to_string);
    let title = lang.t(T::MUSRENA_KEREN_FORUMS);
    let content = html! {
        h1 { (title) }
        @if !problems.is_empty() {
            div.error-summary role="alert" tabindex="-1" {
                h2 { (lang.t(T::THE_FORUM_CANNOT_BE_SAVED_YET)) }
                ul { @for p in problems { li { a href="#baru" { (p) } } } }
            }
        }
        @if view.planner {
            p { (lang.t(T::DOWNLOAD_THE_PROPOSALS_IN_THE_RKPD_AS))
                a href={ (MUSRENA_EXPORT) "?format=xlsx&lang=" (lang.code()) } { (lang.t(T::SPREADSHEET_XLSX)) } " · "
                a href={ (MUSRENA_EXPORT) "?format=csv&lang=" (lang.code()) } { "CSV" } }
        }
        @if forums.is_empty() {
            p { (lang.t(T::NO_FORUMS_YET)) }
        } @else {
            table.data.stacked {
                thead { tr {
                    th scope="col" { (lang.t(T::FORUM)) }
                    th scope="col" { (lang.t(T::DATE)) }
                    th scope="col" { (lang.t(T::PLACE)) }
                    th.num scope="col" { (lang.t(T::PARTICIPANTS)) }
                } }
                tbody { @for f in forums.iter() { tr {
                    th scope="row" { a href=(forum_href(lang, &f.forum_id)) { (d.forum_title(lang, f, &view.regency)) }
                        br; small { (f.forum_id) } }
                    td data-label=(lang.t(T::DATE)) { (lang.date(f.held_on)) }
                    td data-label=(lang.t(T::PLACE)) { (f.place) }
                    td.num data-label=(lang.t(T::PARTICIPANTS)) { (f.participants.total) }
                } } }
            }
        }
        h2 { (lang.t(T::DISTRICT_MUSRENBANG_MERGE)) }
        ul.inline {
            @for (id, name) in &d.districts {
                li { a href=(look.href(&crate::routes::musrena_district(id))) { (name) } }
            }
        }
        h2 #baru { (lang.t(T::RECORD_A_NEW_FORUM)) }
        form.stack method="post" action=(look.action(MUSRENA_FORUMS)) {
            (look.csrf())
            fieldset {
                legend { (lang.t(T::LEVEL)) }
                @for l in levels.iter().copied() {
                    label.choice { input type="radio" name="level" value=(l.code()) checked[l == level] required; " " (level_label(lang, l)) }
                }
            }
            p { label for="district" { (lang.t(T::DISTRICT_DISTRICT_FORUMS)) }
                select #district name="district" {
                    option value="" { "–" }
                    @for (id, name) in &d.districts { option value=(id) selected[district == Some(id.as_str())] { (name) } }
                } }
            p { label for="village" { (lang.t(T::VILLAGE_VILLAGE_FORUMS)) } (d.village_select(lang, None, &value("village"), false)) }
            p { label for="held_on" { (lang.t(T::DATE)) } input #held_on type="date" name="held_on" value=(held_on) required; }
            p { label for="place" { (lang.t(T::PLACE)) } input #place name="place" required value=(value("place")); }
            p { label for="facilitator" { (lang.t(T::FACILITATOR)) } input #facilitator name="facilitator" required value=(value("facilitator")); }
            fieldset {
                legend { (lang.t(T::ACCESSIBILITY_PROVIDED)) }
                @for a in Accommodation::ALL {
                    label.choice { input type="checkbox" name="accommodation" value=(a.code()) checked[ticked.contains(&a.code())]; " " (accommodation_label(lang, a)) }
                }
            }
            fieldset {
                legend { (lang.t(T::PARTICIPANTS_NUMBERS_ONLY_NO_NAMES)) }
                p { label for="total" { (lang.t(T::PARTICIPANTS_IN_ALL)) } input #total type="number" name="total" min="0" required inputmode="numeric" value=(value("total")); }
                @for g in Group::ALL {
                    @let name = format!("p-{}", g.code());
                    p { label for=(name) { (group_label(lang, g)) } input id=(name) type="number" name=(name) min="0" inputmode="numeric" value=(value(&name)); }
                }
            }
            p.buttons { button.primary type="submit" { (lang.t(T::SAVE_THE_FORUM)) } }
        }
    };
    (title, content)
}

/// The participants counted per group as typed, noting each problem.
fn typed_participants(lang: Lang, pairs: &Pairs, problems: &mut Vec<String>) -> Participants {
    let count = |name: &str| -> Result<u32, ()> {
        match field(pairs, name).map(str::trim) {
            None | Some("") => Ok(0),
            Some(v) => v.parse().map_err(|_| ()),
        }
    };
    let mut participants = Participants::default();
    match count("total") {
        Ok(n) => participants.total = n,
        Err(()) => problems.push(lang.t(T::PARTICIPANTS_MUST_BE_A_NUMBER).to_string()),
    }
    for g in Group::ALL {
        match count(&format!("p-{}", g.code())) {
            Ok(n) => participants.set(g, n),
            Err(()) => problems.push(format!(
                "{}: {}",
                group_label(lang, g),
                lang.t(T::MUST_BE_A_NUMBER)
            )),
        }
    }
    for g in participants.problems() {
        problems.push(format!(
            "{}: {}",
            group_label(lang, g),
            lang.t(T::MORE_THAN_THE_PARTICIPANTS_IN_ALL)
        ));
    }
    participants
}

pub async fn create_forum(
    cx: StaffCx,
    CsrfForm(pairs): CsrfForm<Pairs>,
) -> Result<Response, PageError> {
    let lang = cx.lang;
    let d = districts(&cx).await?;
    let mut problems = Vec::new();
    let text = |name: &str| {
        field(&pairs, name)
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(str::to_string)
    };
    let level = field(&pairs, "level").and_then(Level::from_code);
    if level.is_none() {
        problems.push(lang.t(T::CHOOSE_THE_FORUM_S_LEVEL).to_string());
    }
    let village = text("village");
    // A village forum is in its village's district, whatever the district list says; a
    // regency forum is in none.
    let village_district = village.as_deref().and_then(|code| {
        d.villages
            .iter()
            .find(|v| v.code == code)
            .map(|v| v.district_unit.clone())
    });
    let district = match level {
        Some(Level::Desa) => village_district,
        Some(Level::Kabupaten) => None,
        _ => text("district"),
    };
    match level {
        Some(Level::Desa) if district.is_none() => {
            problems.push(lang.t(T::CHOOSE_THE_VILLAGE).to_string());
        }
        Some(Level::Kecamatan) if district.is_none() => {
            problems.push(lang.t(T::CHOOSE_THE_DISTRICT).to_string());
        }
        _ => {}
    }
    let held_on = field(&pairs, "held_on").and_then(parse_date);
    if held_on.is_none() {
        problems.push(lang.t(T::THE_DATE_IS_NOT_VALID).to_string());
    }
    let (place, facilitator) = (text("place"), text("facilitator"));
    if place.is_none() || facilitator.is_none() {
        problems.push(lang.t(T::FILL_IN_THE_PLACE_AND_FACILITATOR).to_string());
    }
    let participants = typed_participants(lang, &pairs, &mut problems);
    let placed = level.is_some_and(|l| l == Level::Kabupaten || district.is_some());
    if placed && !may_manage(&cx.staff, district.as_deref(), &d.tree) {
        problems.push(lang.t(T::MUSRENA_DISTRICT_NOT_YOURS).to_string());
    }
    let (Some(level), Some(held_on), Some(place), Some(facilitator), true) =
        (level, held_on, place, facilitator, problems.is_empty())
    else {
        return forums_page(&cx, StatusCode::UNPROCESSABLE_ENTITY, &problems, &pairs).await;
    };
    let forum = Forum {
        forum_id: String::new(),
        level,
        district_id: district,
        village: village.filter(|_| level == Level::Desa),
        held_on,
        place,
        facilitator,
        accommodations: fields(&pairs, "accommodation")
            .filter_map(Accommodation::from_code)
            .collect(),
        participants,
        rule_version: None,
    };
    match cx
        .app
        .store
        .create_forum(
            cx.tenant_id(),
            &forum,
            cx.username(),
            OffsetDateTime::now_utc(),
        )
        .await
    {
        Ok(id) => Ok(Redirect::to(&forum_href(lang, &id)).into_response()),
        Err(MusrenaError::Store(e)) => Err(PageError::Store(e)),
        Err(error) => {
            let problems = [refusal(lang, &error)];
            forums_page(&cx, StatusCode::UNPROCESSABLE_ENTITY, &problems, &pairs).await
        }
    }
}
