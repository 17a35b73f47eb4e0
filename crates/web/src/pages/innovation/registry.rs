//! The staff registry: every innovation with its stage, and the registration form (also for
//! changing one). A unit admin registers for their own units; the form shows the chosen
//! unit's weakest elements and its follow-up plans, so an innovation can answer them. A form
//! that cannot be saved comes back with every problem listed and everything typed kept.

use std::collections::HashMap;

use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use maud::{html, Markup};
use serde::Deserialize;
use suara_domain::access::Role;
use suara_domain::innovation::registry::{validate, Form, Initiator, InnovationDraft, Problem};
use suara_domain::musrena::forum::Group;
use suara_domain::skm::{Element, Weighting};
use suara_store::{InnovationError, Scope, StoredInnovation, StoredPlan};
use time::OffsetDateTime;

use super::{form_label, initiator_label, name, stage_label, unit_names};
use crate::auth::Staff;
use crate::i18n::catalogue as T;
use crate::i18n::{element_name, Lang};
use crate::pages::context::{field, fields, CsrfForm, Look, Pairs, StaffCx};
use crate::pages::failure::{Missing, PageError};
use crate::pages::musrena::group_label;
use crate::pages::staff::units_tree;
use crate::routes;

/// Whether the user registers and manages innovations of `unit_id`: an administrator any
/// unit, a unit admin their own subtree.
pub fn may_manage(staff: &Staff, unit_id: &str, tree: &suara_domain::org::tree::UnitTree) -> bool {
    match staff.principal.role {
        Role::Administrator => true,
        Role::UnitAdmin => staff.principal.sees_unit(unit_id, tree),
        _ => false,
    }
}

pub fn manage_href(lang: Lang, id: i64) -> String {
    format!(
        "{}?lang={}",
        routes::innovation_manage(&id.to_string()),
        lang.code()
    )
}

#[derive(Deserialize, Default)]
pub struct RegistryQuery {
    pub unit: Option<String>,
    pub unsur: Option<String>,
    /// A staff idea to take up.
    pub ide: Option<i64>,
}

/// The chosen unit's weakest elements over the last six months, and its follow-up plans.
pub struct UnitHint {
    pub unit_name: String,
    pub weakest: Vec<(Element, String)>,
    pub plans: Vec<StoredPlan>,
}

/// What the registry page shows.
pub struct RegistryView {
    pub innovations: Vec<StoredInnovation>,
    pub names: HashMap<String, String>,
    /// Units the user may register for (code, name).
    pub units: Vec<(String, String)>,
    pub hint: Option<UnitHint>,
}

async fn unit_hint(
    cx: &StaffCx,
    unit_id: &str,
    names: &HashMap<String, String>,
) -> Result<Option<UnitHint>, PageError> {
    let Some(unit_name) = names.get(unit_id) else {
        return Ok(None);
    };
    let last = cx.current_month();
    let first = (1..6).fold(last, |m, _| m.previous());
    let tally = cx
        .app
        .store
        .tally(cx.tenant_id(), Scope::Unit(unit_id), first, last)
        .await?;
    let weakest = tally
        .score(Weighting::Exact)
        .map(|s| {
            s.weakest_elements()
                .into_iter()
                .take(3)
                .map(|(e, score)| {
                    let nrr = suara_domain::decimal::Decimal::round_half_away(&score.nrr, 2);
                    (e, cx.lang.decimal(nrr))
                })
                .collect()
        })
        .unwrap_or_default();
    let plans = cx
        .app
        .store
        .follow_ups(cx.tenant_id(), Some(unit_id), None)
        .await?;
    Ok(Some(UnitHint {
        unit_name: unit_name.clone(),
        weakest,
        plans,
    }))
}

async fn load(cx: &StaffCx, hint_unit: Option<&str>) -> Result<RegistryView, PageError> {
    let (units, tree) = units_tree(cx).await?;
    let names = unit_names(&cx.app, cx.tenant_id()).await?;
    let hint = match hint_unit {
        Some(unit) => unit_hint(cx, unit, &names).await?,
        None => None,
    };
    Ok(RegistryView {
        innovations: cx.app.store.innovations(cx.tenant_id()).await?,
        names,
        units: units
            .into_iter()
            .filter(|u| may_manage(&cx.staff, &u.unit_id, &tree))
            .map(|u| (u.unit_id, u.name))
            .collect(),
        hint,
    })
}

pub async fn registry(
    cx: StaffCx,
    Query(query): Query<RegistryQuery>,
) -> Result<Response, PageError> {
    let mut typed: Pairs = Vec::new();
    if let Some(unit) = &query.unit {
        typed.push(("unit".into(), unit.clone()));
    }
    if let Some(element) = &query.unsur {
        typed.push(("elements".into(), element.clone()));
    }
    if let Some(idea) = query.ide {
        if let Some(idea) = cx.app.store.idea(cx.tenant_id(), idea).await? {
            typed.extend([
                ("idea".into(), idea.idea_id.to_string()),
                ("unit".into(), idea.unit_id),
                ("title".into(), idea.title),
                ("problem".into(), idea.description),
            ]);
        }
    }
    let view = load(&cx, field(&typed, "unit")).await?;
    let (title, content) = render(cx.look(), &view, &[], &typed);
    cx.ok(title, content)
}

fn render(
    look: Look,
    view: &RegistryView,
    problems: &[String],
    typed: &Pairs,
) -> (&'static str, Markup) {
    let lang = look.lang;
    let title = lang.t(T::INNOVATION_REGISTRY);
    let content = html! {
        h1 { (title) }
        p { a href=(look.href(routes::INNOVATION_IDEAS)) { (lang.t(T::IDEAS_AND_SUGGESTIONS)) } " · "
            a href=(look.href(routes::INNOVATION_SUMMARY)) { (lang.t(T::INNOVATION_SUMMARY)) } " · "
            a href={ (routes::INNOVATION_INDEX) "?format=xlsx&lang=" (lang.code()) } { (lang.t(T::INDEX_WORKBOOK)) } " · "
            a href={ (routes::INNOVATION_INDEX) "?format=csv" } { "CSV" } }
        @if view.innovations.is_empty() { p { (lang.t(T::NO_INNOVATIONS_YET)) } } @else {
            table.data tabindex="0" {
                thead { tr {
                    th scope="col" { (lang.t(T::INNOVATION)) }
                    th scope="col" { (lang.t(T::UNIT_2)) }
                    th scope="col" { (lang.t(T::INNOVATION_STAGE)) }
                    th.num scope="col" { (lang.t(T::UNITS_USING_IT)) }
                } }
                tbody { @for i in &view.innovations { tr {
                    th scope="row" { a href=(manage_href(lang, i.innovation_id)) { (i.innovation.title) } }
                    td { (name(&view.names, &i.unit_id)) }
                    td { (stage_label(lang, i.stage)) }
                    td.num { (i.units.iter().filter(|u| u.started_on.is_some()).count()) }
                } } }
            }
        }
        @if !view.units.is_empty() {
            h2 #baru { (lang.t(T::REGISTER_AN_INNOVATION)) }
            (registration_form(look, &view.units, view.hint.as_ref(), problems, typed, routes::INNOVATION_REGISTRY))
        }
    };
    (title, content)
}

/// The registration form (new, or changing `action`'s innovation), refilled from `typed`.
pub fn registration_form(
    look: Look,
    units: &[(String, String)],
    hint: Option<&UnitHint>,
    problems: &[String],
    typed: &Pairs,
    action: &str,
) -> Markup {
    let lang = look.lang;
    let value = |name: &str| field(typed, name).unwrap_or("").to_string();
    let ticked: Vec<&str> = fields(typed, "elements")
        .chain(fields(typed, "groups"))
        .collect();
    html! {
        @if !problems.is_empty() {
            div.error-summary role="alert" tabindex="-1" {
                h2 { (lang.t(T::INNOVATION_NOT_SAVED_YET)) }
                ul { @for p in problems { li { a href="#title" { (p) } } } }
            }
        }
        @if let Some(h) = hint {
            div.hint-box {
                p { strong { (lang.fill(T::WEAKEST_ELEMENTS_OF, &[&h.unit_name])) } }
                @if h.weakest.is_empty() { p { (lang.t(T::NO_RESPONSES_IN_SIX_MONTHS)) } }
                ul { @for (e, nrr) in &h.weakest { li { (e.code()) " " (element_name(lang, *e)) ": NRR " (nrr) } } }
                @if !h.plans.is_empty() {
                    p { (lang.t(T::FOLLOW_UP_PLANS_OF_THE_UNIT)) }
                    ul { @for p in &h.plans { li { (element_name(lang, p.plan.element)) ": " (p.plan.action) } } }
                }
            }
        }
        form.stack method="post" action=(look.action(action)) {
            (look.csrf())
            @if let Some(idea) = field(typed, "idea") { input type="hidden" name="idea" value=(idea); }
            @if !units.is_empty() {
                p { label for="unit" { (lang.t(T::UNIT_2)) }
                    select #unit name="unit" required {
                        @for (id, n) in units { option value=(id) selected[field(typed, "unit") == Some(id.as_str())] { (n) } }
                    } }
            }
            p { label for="title" { (lang.t(T::INNOVATION_NAME)) } input #title name="title" required maxlength="160" value=(value("title")); }
            p { label for="problem" { (lang.t(T::PROBLEM)) } textarea #problem name="problem" required rows="3" { (value("problem")) } }
            p { label for="change" { (lang.t(T::THE_CHANGE)) } textarea #change name="change" required rows="3" { (value("change")) } }
            fieldset {
                legend { (lang.t(T::TARGETED_ELEMENTS)) }
                @for e in Element::ALL {
                    label.choice { input type="checkbox" name="elements" value=(e.code()) checked[ticked.contains(&e.code())]; " " (e.code()) " " (element_name(lang, e)) }
                }
            }
            p { label for="initiator" { (lang.t(T::INITIATOR)) }
                select #initiator name="initiator" required {
                    @for i in Initiator::ALL { option value=(i.code()) selected[field(typed, "initiator").unwrap_or("unit") == i.code()] { (initiator_label(lang, *i)) } }
                } }
            fieldset {
                legend { (lang.t(T::INNOVATION_FORM)) }
                @for f in Form::ALL {
                    label.choice { input type="radio" name="form" value=(f.code()) required checked[field(typed, "form").unwrap_or("public_service") == f.code()]; " " (form_label(lang, *f)) }
                }
                label.choice { input type="checkbox" name="digital" value="yes" checked[field(typed, "digital").is_some()]; " " (lang.t(T::DIGITAL)) }
            }
            p { label for="affair" { (lang.t(T::GOVERNMENT_AFFAIR)) } input #affair name="affair" value=(value("affair")); }
            @for (name, label) in [("design", T::DESIGN), ("goal", T::GOAL), ("benefit", T::BENEFIT), ("result", T::RESULT)] {
                p { label for=(name) { (lang.t(label)) } textarea id=(name) name=(name) rows="2" { (value(name)) } }
            }
            p { label for="sdgs" { (lang.t(T::SDG_TARGETS)) } span.hint { (lang.t(T::SDG_TARGETS_HINT)) " " span.sdg { "3.8, 16.6" } }
                input #sdgs name="sdgs" value=(value("sdgs")) inputmode="decimal"; }
            fieldset {
                legend { (lang.t(T::GROUP_SERVED)) }
                @for g in Group::ALL {
                    label.choice { input type="checkbox" name="groups" value=(g.code()) checked[ticked.contains(&g.code())]; " " (group_label(lang, g)) }
                }
            }
            p { label for="team" { (lang.t(T::TEAM_NIPS)) } textarea #team name="team" rows="2" inputmode="numeric" { (value("team")) } }
            p { label for="proposals" { (lang.t(T::MUSRENA_CODES)) } input #proposals name="proposals" value=(value("proposals")) placeholder="MR-XXXXX-XXXXX"; }
            p.buttons { button.primary type="submit" { (lang.t(T::SAVE_THE_INNOVATION)) } }
        }
    }
}

/// The form's fields as a draft, with the Musrena codes.
pub fn draft_of(pairs: &Pairs) -> (InnovationDraft, Vec<String>) {
    let text = |name: &str| field(pairs, name).unwrap_or("").to_string();
    let draft = InnovationDraft {
        title: text("title"),
        problem: text("problem"),
        change: text("change"),
        elements: fields(pairs, "elements").map(str::to_string).collect(),
        initiator: text("initiator"),
        form: text("form"),
        digital: field(pairs, "digital").is_some(),
        affair: text("affair"),
        design: text("design"),
        goal: text("goal"),
        benefit: text("benefit"),
        result: text("result"),
        sdgs: text("sdgs"),
        groups: fields(pairs, "groups").map(str::to_string).collect(),
        team: text("team"),
    };
    let proposals = text("proposals")
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|c| !c.is_empty())
        .map(str::to_uppercase)
        .collect();
    (draft, proposals)
}

/// A registration problem in the user's words.
pub fn problem_text(lang: Lang, p: &Problem) -> String {
    let field = lang.t(match p.field {
        "title" => T::INNOVATION_NAME,
        "problem" => T::PROBLEM,
        "change" => T::THE_CHANGE,
        "elements" => T::TARGETED_ELEMENTS,
        "initiator" => T::INITIATOR,
        "form" => T::INNOVATION_FORM,
        "affair" => T::GOVERNMENT_AFFAIR,
        "design" => T::DESIGN,
        "goal" => T::GOAL,
        "benefit" => T::BENEFIT,
        "result" => T::RESULT,
        "sdgs" => T::SDG_TARGETS,
        "groups" => T::GROUP_SERVED,
        "team" => T::TEAM_NIPS,
        "name" => T::PARTNER,
        "kind" => T::PARTNER_KIND,
        "role" => T::ROLE_IN_INNOVATION,
        "in_kind" => T::IN_KIND,
        _ => T::CONTRIBUTION,
    });
    let problem = lang.t(match p.problem {
        "required" => T::FIELD_REQUIRED,
        "too_long" => T::FIELD_TOO_LONG,
        "not_a_nip" => T::FIELD_NOT_A_NIP,
        "not_rupiah" => T::FIELD_NOT_RUPIAH,
        "no_contribution" => T::FIELD_NO_CONTRIBUTION,
        _ => T::FIELD_UNKNOWN_VALUE,
    });
    format!("{field}: {problem}")
}

/// A refused change in the user's words.
pub fn refusal(lang: Lang, error: &InnovationError) -> String {
    match error {
        InnovationError::Store(_) => lang.t(T::NOT_SAVED_BY_THE_SERVER).to_string(),
        InnovationError::Stage(_) => lang.t(T::STAGE_ONE_STEP_AT_A_TIME).to_string(),
        InnovationError::NoSuchInnovation(_) | InnovationError::NoSuchIdea(_) => {
            lang.t(T::NOT_FOUND_ANY_MORE).to_string()
        }
        InnovationError::IdeaDecided => lang.t(T::IDEA_DECIDED_ALREADY).to_string(),
        InnovationError::UnknownUnit(u) => lang.fill(T::NOT_A_UNIT, &[u]),
        InnovationError::UnknownOfficer(nip) => lang.fill(T::NO_OFFICER_WITH_NIP, &[nip]),
        InnovationError::UnknownProposal(code) => lang.fill(T::NO_SUCH_PROPOSAL, &[code]),
        InnovationError::NoReplication => lang.t(T::REPLICATION_NEEDS_A_UNIT).to_string(),
    }
}

fn today(cx: &StaffCx) -> time::Date {
    OffsetDateTime::now_utc()
        .to_offset(cx.tenant.offset())
        .date()
}

pub async fn register(
    cx: StaffCx,
    CsrfForm(pairs): CsrfForm<Pairs>,
) -> Result<Response, PageError> {
    let lang = cx.lang;
    let unit = field(&pairs, "unit").unwrap_or("").to_string();
    let (_, tree) = units_tree(&cx).await?;
    if !may_manage(&cx.staff, &unit, &tree) {
        return Err(PageError::Forbidden);
    }
    let (draft, proposals) = draft_of(&pairs);
    let innovation = match validate(&draft) {
        Ok(i) => i,
        Err(problems) => {
            let problems = problems.iter().map(|p| problem_text(lang, p)).collect();
            return refused(&cx, &unit, problems, &pairs).await;
        }
    };
    let idea = field(&pairs, "idea").and_then(|i| i.parse().ok());
    let at = OffsetDateTime::now_utc();
    match cx
        .app
        .store
        .register_innovation(
            cx.tenant_id(),
            &unit,
            &innovation,
            &proposals,
            idea,
            today(&cx),
            cx.username(),
            at,
        )
        .await
    {
        Ok(id) => Ok(Redirect::to(&manage_href(lang, id)).into_response()),
        Err(InnovationError::Store(e)) => Err(PageError::Store(e)),
        Err(error) => refused(&cx, &unit, vec![refusal(lang, &error)], &pairs).await,
    }
}

async fn refused(
    cx: &StaffCx,
    unit: &str,
    problems: Vec<String>,
    typed: &Pairs,
) -> Result<Response, PageError> {
    let view = load(cx, Some(unit)).await?;
    let (title, content) = render(cx.look(), &view, &problems, typed);
    Ok(cx.page(StatusCode::UNPROCESSABLE_ENTITY, title, content))
}

/// An innovation the user manages.
pub async fn managed(cx: &StaffCx, id: &str) -> Result<StoredInnovation, PageError> {
    let missing = || PageError::NotFound(Missing::Innovation(id.to_string()));
    let number: i64 = id.parse().map_err(|_| missing())?;
    let innovation = cx
        .app
        .store
        .innovation(cx.tenant_id(), number)
        .await?
        .ok_or_else(missing)?;
    let (_, tree) = units_tree(cx).await?;
    if !may_manage(&cx.staff, &innovation.unit_id, &tree) {
        return Err(PageError::Forbidden);
    }
    Ok(innovation)
}

/// The registration as the form's fields, to change it.
fn typed_from(i: &StoredInnovation) -> Pairs {
    let v = &i.innovation;
    let mut pairs: Pairs = vec![
        ("title".into(), v.title.clone()),
        ("problem".into(), v.problem.clone()),
        ("change".into(), v.change.clone()),
        ("initiator".into(), v.initiator.code().into()),
        ("form".into(), v.form.code().into()),
        ("affair".into(), v.affair.clone()),
        ("design".into(), v.design.clone()),
        ("goal".into(), v.goal.clone()),
        ("benefit".into(), v.benefit.clone()),
        ("result".into(), v.result.clone()),
        (
            "sdgs".into(),
            v.sdgs
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", "),
        ),
        ("team".into(), v.team.join("\n")),
        ("proposals".into(), i.proposals.join(", ")),
    ];
    if v.digital {
        pairs.push(("digital".into(), "yes".into()));
    }
    pairs.extend(
        v.elements
            .iter()
            .map(|e| ("elements".to_string(), e.code().to_string())),
    );
    pairs.extend(
        v.groups
            .iter()
            .map(|g| ("groups".to_string(), g.code().to_string())),
    );
    pairs
}

fn edit_page(
    cx: &StaffCx,
    i: &StoredInnovation,
    status: StatusCode,
    problems: &[String],
    typed: &Pairs,
) -> Response {
    let look = cx.look();
    let title = cx.t(T::CHANGE_THE_REGISTRATION);
    let content = html! {
        p { a href=(manage_href(cx.lang, i.innovation_id)) { (i.innovation.title) } }
        h1 { (title) }
        (registration_form(look, &[], None, problems, typed, &routes::innovation_edit(&i.innovation_id.to_string())))
    };
    cx.page(status, title, content)
}

pub async fn edit_form(cx: StaffCx, Path(id): Path<String>) -> Result<Response, PageError> {
    let i = managed(&cx, &id).await?;
    Ok(edit_page(&cx, &i, StatusCode::OK, &[], &typed_from(&i)))
}

pub async fn edit(
    cx: StaffCx,
    Path(id): Path<String>,
    CsrfForm(pairs): CsrfForm<Pairs>,
) -> Result<Response, PageError> {
    let lang = cx.lang;
    let i = managed(&cx, &id).await?;
    let (draft, proposals) = draft_of(&pairs);
    let innovation = match validate(&draft) {
        Ok(v) => v,
        Err(problems) => {
            let problems: Vec<String> = problems.iter().map(|p| problem_text(lang, p)).collect();
            return Ok(edit_page(
                &cx,
                &i,
                StatusCode::UNPROCESSABLE_ENTITY,
                &problems,
                &pairs,
            ));
        }
    };
    match cx
        .app
        .store
        .update_innovation(
            cx.tenant_id(),
            i.innovation_id,
            &innovation,
            &proposals,
            cx.username(),
            OffsetDateTime::now_utc(),
        )
        .await
    {
        Ok(()) => Ok(Redirect::to(&manage_href(lang, i.innovation_id)).into_response()),
        Err(InnovationError::Store(e)) => Err(PageError::Store(e)),
        Err(error) => Ok(edit_page(
            &cx,
            &i,
            StatusCode::UNPROCESSABLE_ENTITY,
            &[refusal(lang, &error)],
            &pairs,
        )),
    }
}
