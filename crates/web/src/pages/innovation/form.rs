//! The registration form, shared by registering and changing an innovation: its fields,
//! the draft they make, and problems and refusals in the user's words.

use maud::{html, Markup};
use suara_domain::innovation::registry::{Form, Initiator, InnovationDraft, Problem};
use suara_domain::musrena::forum::Group;
use suara_domain::skm::Element;
use suara_store::{InnovationError, StoredPlan};

use super::{form_label, initiator_label};
use crate::pages::context::{field, fields, Look, Pairs};
use crate::pages::musrena::group_label;
use suara_app::i18n::catalogue as T;
use suara_app::i18n::{element_name, Lang};

/// The chosen unit's weakest elements over the last six months, and its follow-up plans.
pub struct UnitHint {
    pub unit_name: String,
    pub weakest: Vec<(Element, String)>,
    pub plans: Vec<StoredPlan>,
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
