//! Managing one innovation: its profile and measured effect, moving it to the next stage
//! (confirmed first: stages never move back), the day it started in a unit (its own, or one
//! that copies it), partners, and evidence files (PDF, JPEG or PNG, known by their bytes).

use std::collections::HashMap;

use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use maud::{html, Markup};
use suara_domain::innovation::measure::ScoreEffect;
use suara_domain::innovation::registry::PartnerKind;
use suara_domain::innovation::registry::{
    check_evidence, validate_partner, EvidenceError, Indicator, PartnerDraft, MAX_EVIDENCE_BYTES,
};
use suara_domain::innovation::{plausible_day, Stage};
use suara_store::{InnovationError, StoredInnovation};
use time::{Date, OffsetDateTime};

use super::form::{problem_text, refusal};
use super::public::{profile_facts, profile_href, profile_sections};
use super::{
    effect_block, effects_of, indicator_label, partner_kind_label, stage_label, started, unit_names,
};
use super::{manage_href, managed, may_manage};
use crate::pages::context::{field, CsrfForm, Look, Pairs, StaffCx, Upload};
use crate::pages::failure::PageError;
use crate::pages::staff::confirm::{self, confirmed, Confirmation};
use crate::pages::staff::units_tree;
use crate::routes;
use suara_app::i18n::catalogue as T;

/// Largest upload: one evidence file and the form's fields.
pub const MAX_EVIDENCE_UPLOAD_BYTES: usize = MAX_EVIDENCE_BYTES + 64 * 1024;

/// What the page shows.
pub struct ManageView {
    pub innovation: StoredInnovation,
    pub effects: Vec<ScoreEffect>,
    pub names: HashMap<String, String>,
    /// Every unit (code, name), by name, for the start form.
    pub units: Vec<(String, String)>,
    pub today: Date,
}

async fn load(cx: &StaffCx, id: &str) -> Result<ManageView, PageError> {
    let innovation = managed(cx, id).await?;
    let effects = effects_of(
        &cx.app.store,
        &cx.app.effect_cells,
        &cx.tenant,
        std::slice::from_ref(&innovation),
    )
    .await?
    .remove(&innovation.innovation_id)
    .unwrap_or_default();
    let names = unit_names(&cx.app, cx.tenant_id()).await?;
    let mut units: Vec<(String, String)> =
        names.iter().map(|(c, n)| (c.clone(), n.clone())).collect();
    units.sort_by(|a, b| a.1.cmp(&b.1));
    Ok(ManageView {
        innovation,
        effects,
        names,
        units,
        today: OffsetDateTime::now_utc()
            .to_offset(cx.tenant.offset())
            .date(),
    })
}

pub async fn manage(cx: StaffCx, Path(id): Path<String>) -> Result<Response, PageError> {
    let view = load(&cx, &id).await?;
    let (title, content) = render(cx.look(), &view, &[], &Vec::new());
    cx.ok(&title, content)
}

async fn refused(
    cx: &StaffCx,
    id: &str,
    problems: &[String],
    typed: &Pairs,
) -> Result<Response, PageError> {
    let view = load(cx, id).await?;
    let (title, content) = render(cx.look(), &view, problems, typed);
    Ok(cx.page(StatusCode::UNPROCESSABLE_ENTITY, &title, content))
}

fn render(look: Look, view: &ManageView, problems: &[String], typed: &Pairs) -> (String, Markup) {
    let lang = look.lang;
    let i = &view.innovation;
    let id = i.innovation_id.to_string();
    let action = routes::innovation_manage(&id);
    let value = |name: &str| field(typed, name).unwrap_or("").to_string();
    let today = view.today.to_string();
    let title = i.innovation.title.clone();
    let content = html! {
        p { a href=(look.href(routes::INNOVATION_REGISTRY)) { (lang.t(T::INNOVATION_REGISTRY)) } " · "
            a href=(profile_href(lang, i.innovation_id)) { (lang.t(T::PUBLIC_PAGE)) } " · "
            a href=(look.href(&routes::innovation_edit(&id))) { (lang.t(T::CHANGE_THE_REGISTRATION)) } }
        h1 { (title) }
        @if !problems.is_empty() {
            div.error-summary role="alert" tabindex="-1" {
                h2 { (lang.t(T::NOT_SAVED_YET)) }
                ul { @for p in problems { li { (p) } } }
            }
        }
        (profile_facts(lang, i, &view.names))
        @if let Some(next) = i.stage.next() {
            form.stack method="post" action=(look.action(&action)) {
                (look.csrf())
                input type="hidden" name="do" value="stage";
                input type="hidden" name="stage" value=(next.code());
                p { label for="stage_on" { (lang.fill(T::MOVE_TO_STAGE_ON, &[&stage_label(lang, next)])) }
                    input #stage_on type="date" name="on" required value=(field(typed, "on").unwrap_or(&today)); }
                p.buttons { button.primary type="submit" { (lang.fill(T::MOVE_TO_STAGE, &[&stage_label(lang, next)])) } }
            }
        }
        h2 { (lang.t(T::EFFECT_ON_SATISFACTION)) }
        @for score in &view.effects { (effect_block(lang, score, started(i))) }
        h2 #mulai { (lang.t(T::START_IN_A_UNIT)) }
        p.hint { (lang.t(T::START_IN_A_UNIT_HINT)) }
        form.stack method="post" action=(look.action(&action)) {
            (look.csrf())
            input type="hidden" name="do" value="start";
            p { label for="start_unit" { (lang.t(T::UNIT_2)) }
                select #start_unit name="unit" required {
                    @for (code, n) in &view.units { option value=(code) selected[field(typed, "unit").unwrap_or(&i.unit_id) == code.as_str()] { (n) } }
                } }
            p { label for="start_on" { (lang.t(T::START_DATE)) } input #start_on type="date" name="started_on" required value=(field(typed, "started_on").unwrap_or(&today)); }
            p.buttons { button type="submit" { (lang.t(T::SAVE_THE_START)) } }
        }
        h2 #mitra { (lang.t(T::ADD_A_PARTNER)) }
        form.stack method="post" action=(look.action(&action)) {
            (look.csrf())
            input type="hidden" name="do" value="partner";
            p { label for="partner_name" { (lang.t(T::PARTNER)) } input #partner_name name="name" required value=(value("name")); }
            p { label for="partner_kind" { (lang.t(T::PARTNER_KIND)) }
                select #partner_kind name="kind" required {
                    @for k in PartnerKind::ALL { option value=(k.code()) selected[field(typed, "kind") == Some(k.code())] { (partner_kind_label(lang, *k)) } }
                } }
            p { label for="partner_role" { (lang.t(T::ROLE_IN_INNOVATION)) } input #partner_role name="role" required value=(value("role")); }
            p { label for="partner_amount" { (lang.t(T::CONTRIBUTION_RUPIAH)) } input #partner_amount name="amount" inputmode="numeric" placeholder="Rp25.000.000" value=(value("amount")); }
            p { label for="partner_kind_given" { (lang.t(T::IN_KIND)) } input #partner_kind_given name="in_kind" value=(value("in_kind")); }
            p.buttons { button type="submit" { (lang.t(T::SAVE_THE_PARTNER)) } }
        }
        h2 #bukti { (lang.t(T::ADD_EVIDENCE)) }
        form.stack method="post" enctype="multipart/form-data" action=(look.action(&routes::innovation_evidence_upload(&id))) {
            (look.csrf())
            p { label for="indicator" { (lang.t(T::INDICATOR)) }
                select #indicator name="indicator" required {
                    @for ind in Indicator::ALL { option value=(ind.code()) { (indicator_label(lang, *ind)) } }
                } }
            p { label for="evidence_title" { (lang.t(T::DOCUMENT_TITLE)) } input #evidence_title name="title" required maxlength="160"; }
            p { label for="file" { (lang.t(T::EVIDENCE_FILE_HINT)) } input #file type="file" name="file" required accept="application/pdf,image/jpeg,image/png"; }
            p.buttons { button type="submit" { (lang.t(T::UPLOAD_THE_EVIDENCE)) } }
        }
        (profile_sections(lang, i, &view.names))
    };
    (title, content)
}

/// A typed day the domain finds plausible for a stage or a start.
fn parse_date(text: &str, today: Date) -> Option<Date> {
    Date::parse(
        text.trim(),
        time::macros::format_description!("[year]-[month]-[day]"),
    )
    .ok()
    .filter(|day| plausible_day(*day, today))
}

/// One of the page's forms: `do` = stage, start or partner.
pub async fn change(
    cx: StaffCx,
    Path(id): Path<String>,
    CsrfForm(pairs): CsrfForm<Pairs>,
) -> Result<Response, PageError> {
    let lang = cx.lang;
    let i = managed(&cx, &id).await?;
    let store = &cx.app.store;
    let (tenant, actor, at) = (cx.tenant_id(), cx.username(), OffsetDateTime::now_utc());
    let today = at.to_offset(cx.tenant.offset()).date();
    let outcome = match field(&pairs, "do") {
        Some("stage") => {
            let Some(on) = field(&pairs, "on").and_then(|d| parse_date(d, today)) else {
                return refused(
                    &cx,
                    &id,
                    &[lang.t(T::INNOVATION_DAY_OUT_OF_RANGE).to_string()],
                    &pairs,
                )
                .await;
            };
            let Some(to) = field(&pairs, "stage").and_then(Stage::from_code) else {
                return Err(PageError::BadRequest);
            };
            if !confirmed(field(&pairs, "confirm")) {
                let cancel = manage_href(lang, i.innovation_id);
                return confirm::page(
                    &cx,
                    &Confirmation {
                        title: lang.t(T::CHECK_BEFORE_MOVING_THE_STAGE),
                        facts: vec![
                            (lang.t(T::INNOVATION), html! { (i.innovation.title) }),
                            (
                                lang.t(T::INNOVATION_STAGE),
                                html! { (stage_label(lang, i.stage)) " → " strong { (stage_label(lang, to)) } },
                            ),
                            (lang.t(T::DATE), html! { (lang.date(on)) }),
                        ],
                        consequence: lang.t(T::STAGES_NEVER_MOVE_BACK),
                        action: &routes::innovation_manage(&id),
                        fields: pairs.clone(),
                        yes: lang.t(T::MOVE_THE_STAGE),
                        cancel,
                    },
                );
            }
            store
                .advance_innovation(tenant, i.innovation_id, to, on, actor, at)
                .await
        }
        Some("start") => {
            let (Some(unit), Some(on)) = (
                field(&pairs, "unit"),
                field(&pairs, "started_on").and_then(|d| parse_date(d, today)),
            ) else {
                return refused(
                    &cx,
                    &id,
                    &[lang.t(T::INNOVATION_DAY_OUT_OF_RANGE).to_string()],
                    &pairs,
                )
                .await;
            };
            // A copy is recorded by the owner's admin only in units they also administer.
            let (_, tree) = units_tree(&cx).await?;
            if unit != i.unit_id && !may_manage(&cx.staff, unit, &tree) {
                return Err(PageError::Forbidden);
            }
            store
                .start_innovation_in(tenant, i.innovation_id, unit, on, actor, at)
                .await
        }
        Some("partner") => {
            let text = |name: &str| field(&pairs, name).unwrap_or("").to_string();
            let draft = PartnerDraft {
                name: text("name"),
                kind: text("kind"),
                role: text("role"),
                amount: text("amount"),
                in_kind: text("in_kind"),
            };
            match validate_partner(&draft) {
                Ok(partner) => {
                    store
                        .add_innovation_partner(tenant, i.innovation_id, &partner, actor, at)
                        .await
                }
                Err(problems) => {
                    let problems: Vec<String> =
                        problems.iter().map(|p| problem_text(lang, p)).collect();
                    return refused(&cx, &id, &problems, &pairs).await;
                }
            }
        }
        _ => return Err(PageError::BadRequest),
    };
    match outcome {
        Ok(()) => Ok(Redirect::to(&manage_href(lang, i.innovation_id)).into_response()),
        Err(InnovationError::Store(e)) => Err(PageError::Store(e)),
        Err(error) => refused(&cx, &id, &[refusal(lang, &error)], &pairs).await,
    }
}

pub async fn upload_evidence(
    cx: StaffCx,
    Path(id): Path<String>,
    upload: Upload,
) -> Result<Response, PageError> {
    let lang = cx.lang;
    let i = managed(&cx, &id).await?;
    let title = upload.text("title").unwrap_or_default().trim().to_string();
    let indicator = upload
        .text("indicator")
        .and_then(|c| Indicator::from_code(c.trim()));
    let mut problems = Vec::new();
    if title.is_empty() || title.chars().count() > 160 {
        problems.push(lang.t(T::WRITE_THE_DOCUMENT_TITLE).to_string());
    }
    let checked = match upload.file("file") {
        None => Err(EvidenceError::Empty),
        Some(bytes) => check_evidence(bytes),
    };
    let kind = match checked {
        Ok(kind) => Some(kind),
        Err(error) => {
            problems.push(
                lang.t(match error {
                    EvidenceError::Empty => T::CHOOSE_A_FILE,
                    EvidenceError::TooLarge => T::FILE_TOO_LARGE,
                    EvidenceError::NotAccepted => T::ONLY_PDF_JPEG_PNG,
                })
                .to_string(),
            );
            None
        }
    };
    let (Some(indicator), Some(kind), true) = (indicator, kind, problems.is_empty()) else {
        if indicator.is_none() {
            problems.push(lang.t(T::CHOOSE_AN_INDICATOR).to_string());
        }
        let typed: Pairs = vec![("title".into(), title)];
        return refused(&cx, &id, &problems, &typed).await;
    };
    let bytes = upload.file("file").map(|b| b.to_vec()).unwrap_or_default();
    match cx
        .app
        .store
        .add_innovation_evidence(
            cx.tenant_id(),
            i.innovation_id,
            indicator,
            &title,
            kind,
            &bytes,
            cx.username(),
            OffsetDateTime::now_utc(),
        )
        .await
    {
        Ok(_) => Ok(Redirect::to(&manage_href(lang, i.innovation_id)).into_response()),
        Err(InnovationError::Store(e)) => Err(PageError::Store(e)),
        Err(error) => refused(&cx, &id, &[refusal(lang, &error)], &Vec::new()).await,
    }
}
