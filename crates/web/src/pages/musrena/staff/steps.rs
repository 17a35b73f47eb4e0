//! A step for one or several proposals (verify, prioritize, carry up, accept, budget,
//! implement, reject). Rejecting is final, so it asks first; a refused step comes back on a
//! staff page with the problem, the proposals still ticked and the fields still filled.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use maud::{html, Markup};
use suara_domain::access::Permission;
use suara_domain::musrena::lifecycle::{next, Action, Stage};
use suara_domain::tpp::inputs::parse_rupiah;
use suara_store::{MusrenaError, StoredProposal};
use time::OffsetDateTime;

use super::{districts, field, fields, may_manage, parse_date, refusal, Pairs};
use crate::auth::Staff;
use crate::pages::context::{CsrfForm, Look, StaffCx};
use crate::pages::failure::PageError;
use crate::pages::musrena::stage_label;
use crate::pages::staff::confirm::{self, confirmed, Confirmation};
use crate::routes;
use suara_app::i18n::catalogue as T;
use suara_app::i18n::Text;

/// The step form: checkboxes for several proposals (forum page) or one proposal (`single`).
/// `typed` refills it after a refusal.
pub fn step_form(
    look: Look,
    staff: &Staff,
    proposals: &[StoredProposal],
    back: &str,
    single: bool,
    typed: &Pairs,
) -> Markup {
    let lang = look.lang;
    let planner = staff.principal.may(Permission::DecidePlanning);
    let open: Vec<&StoredProposal> = proposals.iter().filter(|p| !p.stage.is_final()).collect();
    let ticked: Vec<&str> = fields(typed, "code").collect();
    // The steps forward that some proposal here can take, the one most can take chosen
    // (the earliest on a tie); stopping a proposal is always offered.
    let able = |action: &Action| {
        open.iter()
            .filter(|p| next(p.stage, p.forum_level, action).is_ok())
            .count()
    };
    let forward: Vec<(&str, Text, usize)> = FORWARD
        .iter()
        .filter(|(_, _, action)| planner || !for_planners(action))
        .map(|(code, label, action)| (*code, *label, able(action)))
        .filter(|(_, _, n)| *n > 0)
        .collect();
    let most_able = forward.iter().fold(
        None,
        |best: Option<&(&str, Text, usize)>, step| match best {
            Some(b) if b.2 >= step.2 => Some(b),
            _ => Some(step),
        },
    );
    let chosen = field(typed, "action")
        .or(most_able.map(|step| step.0))
        .unwrap_or("reject");
    let value = |name: &str| field(typed, name).unwrap_or("").to_string();
    let option = |code: &str, label: &str| {
        html! { option value=(code) selected[chosen == code] { (label) } }
    };
    html! {
        @if open.is_empty() {
            p { (lang.t(T::NO_PROPOSAL_IS_STILL_UNDER_WAY)) }
        } @else {
            form.stack method="post" action=(look.action(routes::MUSRENA_STEP)) {
                (look.csrf())
                input type="hidden" name="back" value=(back);
                @if single {
                    input type="hidden" name="code" value=(open[0].code);
                } @else {
                    fieldset #usulan {
                        legend { (lang.t(T::PROPOSALS_2)) }
                        @for p in &open {
                            label.choice { input type="checkbox" name="code" value=(p.code) checked[ticked.contains(&p.code.as_str())]; " " (p.proposal.title) " (" (stage_label(lang, p.stage)) ")" }
                        }
                    }
                }
                p { label for="action" { (lang.t(T::STEP)) }
                    select #action name="action" {
                        @for (code, label, _) in &forward { (option(code, lang.t(*label))) }
                        (option("reject", lang.t(T::REJECT)))
                        (option("return", lang.t(T::RETURN_TO_BE_HANDLED_ELSEWHERE)))
                        @if planner { (option("cancel", lang.t(T::CANCEL_THE_PROPOSAL))) }
                    } }
                p { label for="on" { (lang.t(T::DATE)) } input #on type="date" name="on" required value=(value("on")); }
                p { label for="reason" { (lang.t(T::REASON_REQUIRED_TO_STOP)) } input #reason name="reason" maxlength="1000" value=(value("reason")); }
                @if planner {
                    p { label for="amount" { (lang.t(T::APBD_BUDGET_RP)) } input #amount name="amount" inputmode="numeric" value=(value("amount")); }
                    p { label for="evidence" { (lang.t(T::EVIDENCE_OF_IMPLEMENTATION)) } input #evidence name="evidence" maxlength="1000" value=(value("evidence")); }
                }
                p.buttons { button.primary type="submit" { (lang.t(T::APPLY)) } }
            }
        }
    }
}

/// The steps forward, in the order a proposal takes them, with an action to try each with.
const FORWARD: [(&str, Text, Action); 6] = [
    ("verify", T::VERIFY, Action::Verify),
    ("prioritize", T::PRIORITIZE, Action::Prioritize),
    (
        "carry",
        T::CARRY_TO_THE_MUSRENBANG_NEXT_LEVEL,
        Action::Carry,
    ),
    ("accept", T::ACCEPT_INTO_THE_RKPD, Action::AcceptIntoPlan),
    (
        "budget",
        T::BUDGET_IN_THE_APBD,
        Action::Budget { amount: 0 },
    ),
    (
        "implement",
        T::MARK_IMPLEMENTED,
        Action::Implement {
            evidence: String::new(),
        },
    ),
];

/// Steps only planners take: into the plan and budget, done, or cancelled.
fn for_planners(action: &Action) -> bool {
    matches!(
        action,
        Action::AcceptIntoPlan
            | Action::Budget { .. }
            | Action::Implement { .. }
            | Action::Cancel { .. }
    )
}

/// Where to go back to: a Musrena staff page, never elsewhere.
fn back_of(pairs: &Pairs) -> &str {
    field(pairs, "back")
        .filter(|b| b.starts_with("/musrena/") && !b.contains("//") && !b.contains('?'))
        .unwrap_or(routes::MUSRENA_FORUMS)
}

pub async fn apply_step(
    cx: StaffCx,
    CsrfForm(pairs): CsrfForm<Pairs>,
) -> Result<Response, PageError> {
    let lang = cx.lang;
    let codes: Vec<String> = fields(&pairs, "code").map(str::to_string).collect();
    let back = back_of(&pairs);
    let action = typed_action(&pairs);
    let on = field(&pairs, "on").and_then(parse_date);
    let chosen = chosen_proposals(&cx, &codes).await?;
    let (Some(action), Some(on), false) = (action, on, codes.is_empty()) else {
        let text = lang.t(T::CHOOSE_PROPOSALS_A_STEP_AND_A_DATE);
        return refused(&cx, back, &pairs, &chosen, text).await;
    };
    if for_planners(&action) && !cx.staff.principal.may(Permission::DecidePlanning) {
        return Err(PageError::Forbidden);
    }
    // Stopping a proposal is final: asked first.
    let stop = match &action {
        Action::Reject { reason } => Some((reason, T::REJECT_THESE_PROPOSALS, T::YES_REJECT)),
        Action::Return { reason } => Some((reason, T::RETURN_THESE_PROPOSALS, T::YES_RETURN)),
        Action::Cancel { reason } => Some((reason, T::CANCEL_THESE_PROPOSALS, T::YES_CANCEL)),
        _ => None,
    };
    if let Some((reason, title, yes)) = stop {
        if !reason.is_empty() && !confirmed(field(&pairs, "confirm")) {
            return confirm::page(
                &cx,
                &Confirmation {
                    title: lang.t(title),
                    facts: vec![
                        (
                            lang.t(T::PROPOSALS_2),
                            html! { ul.plain { @for p in &chosen { li { (p.proposal.title) " · " small { (p.code) } } } } },
                        ),
                        (lang.t(T::REASON_2), html! { (reason) }),
                        (lang.t(T::DATE), html! { (lang.date(on)) }),
                    ],
                    consequence: lang.t(T::STOPPING_IS_FINAL),
                    action: routes::MUSRENA_STEP,
                    fields: pairs.clone(),
                    yes: lang.t(yes),
                    cancel: cx.href(back),
                },
            );
        }
    }
    match cx
        .app
        .store
        .apply_actions(
            cx.tenant_id(),
            &codes,
            &action,
            on,
            cx.username(),
            OffsetDateTime::now_utc(),
        )
        .await
    {
        Ok(stages) => {
            tell_recorders(&cx, &chosen, &stages).await?;
            Ok(Redirect::to(&format!(
                "{back}?lang={}&selesai={}",
                lang.code(),
                stages.len()
            ))
            .into_response())
        }
        Err(MusrenaError::Store(e)) => Err(PageError::Store(e)),
        Err(error) => {
            let text = format!(
                "{} {}",
                refusal(lang, &error),
                lang.t(T::NOTHING_WAS_CHANGED)
            );
            refused(&cx, back, &pairs, &chosen, &text).await
        }
    }
}

/// The step chosen in the form, with what it needs from the other fields.
fn typed_action(pairs: &Pairs) -> Option<Action> {
    let text = |name: &str| field(pairs, name).map(str::trim).unwrap_or("").to_string();
    match field(pairs, "action") {
        Some("verify") => Some(Action::Verify),
        Some("prioritize") => Some(Action::Prioritize),
        Some("carry") => Some(Action::Carry),
        Some("accept") => Some(Action::AcceptIntoPlan),
        Some("budget") => Some(Action::Budget {
            amount: parse_rupiah(&text("amount")).unwrap_or(0),
        }),
        Some("implement") => Some(Action::Implement {
            evidence: text("evidence"),
        }),
        Some("reject") => Some(Action::Reject {
            reason: text("reason"),
        }),
        Some("return") => Some(Action::Return {
            reason: text("reason"),
        }),
        Some("cancel") => Some(Action::Cancel {
            reason: text("reason"),
        }),
        _ => None,
    }
}

/// The proposals named, each in a forum this user manages.
async fn chosen_proposals(
    cx: &StaffCx,
    codes: &[String],
) -> Result<Vec<StoredProposal>, PageError> {
    let d = districts(cx).await?;
    let mut chosen = Vec::new();
    for code in codes {
        let Some((p, _)) = cx.app.store.proposal(cx.tenant_id(), code).await? else {
            return Err(PageError::BadRequest);
        };
        if !may_manage(&cx.staff, p.district_id.as_deref(), &d.tree) {
            return Err(PageError::Forbidden);
        }
        chosen.push(p);
    }
    Ok(chosen)
}

/// Tells each forum's recorder which of its proposals moved, and to what stage.
async fn tell_recorders(
    cx: &StaffCx,
    chosen: &[StoredProposal],
    stages: &[Stage],
) -> Result<(), PageError> {
    let mut forums: Vec<&str> = chosen.iter().map(|p| p.forum_id.as_str()).collect();
    forums.sort();
    forums.dedup();
    for forum in forums {
        let Some(recorder) = cx.app.store.forum_recorder(cx.tenant_id(), forum).await? else {
            continue;
        };
        let moved: Vec<(String, String)> = chosen
            .iter()
            .zip(stages)
            .filter(|(p, _)| p.forum_id == forum)
            .map(|(p, stage)| {
                let label = stage_label(suara_app::i18n::Lang::ID, *stage);
                (p.code.clone(), label.to_string())
            })
            .collect();
        crate::alerts::stage_changed(&cx.app, cx.tenant_id(), forum, &recorder, &moved).await;
    }
    Ok(())
}

/// The step form again, on a staff page with the problem and everything typed kept.
async fn refused(
    cx: &StaffCx,
    back: &str,
    pairs: &Pairs,
    chosen: &[StoredProposal],
    problem: &str,
) -> Result<Response, PageError> {
    let lang = cx.lang;
    // The forum's proposals when the form came from a forum, else those chosen.
    let forum_page = routes::musrena_forum("");
    let proposals = match back.strip_prefix(forum_page.as_str()) {
        Some(forum_id) => {
            let filter = suara_store::ProposalFilter {
                forum_id: Some(forum_id.to_string()),
                ..suara_store::ProposalFilter::default()
            };
            cx.app.store.proposals(cx.tenant_id(), &filter).await?
        }
        None => chosen.to_vec(),
    };
    let single = back.starts_with(routes::musrena_manage("").as_str()) && proposals.len() == 1;
    let title = lang.t(T::THE_STEP_WAS_NOT_APPLIED);
    let content = html! {
        p.crumbs { a href=(cx.href(back)) { (lang.t(T::BACK)) } }
        h1 { (title) }
        div.error-summary role="alert" tabindex="-1" {
            h2 { (lang.t(T::THERE_IS_A_PROBLEM)) }
            p { a href="#action" { (problem) } }
        }
        (step_form(cx.look(), &cx.staff, &proposals, back, single, pairs))
    };
    Ok(cx.page(StatusCode::UNPROCESSABLE_ENTITY, title, content))
}
