//! Merging and splitting at the district musrenbang. The district's page lists the
//! proposals carried there, to merge several into one; a proposal's page offers to split it
//! in two. Both end the originals, so both ask first; a refused form comes back as typed.

use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use maud::{html, Markup};
use suara_domain::musrena::merge::STAGE;
use suara_domain::musrena::proposal::{validate, ProposalDraft, Sector};
use suara_store::{MusrenaError, ProposalFilter, StoredProposal};
use time::OffsetDateTime;

use super::manage::manage_page;
use super::{districts, field, fields, manage_href, may_manage, refusal, Pairs};
use crate::pages::context::{CsrfForm, Look, StaffCx};
use crate::pages::failure::{Missing, PageError};
use crate::pages::musrena::{sector_label, stage_label};
use crate::pages::staff::confirm::{self, confirmed, Confirmation};
use crate::routes;
use suara_app::i18n::catalogue as T;
use suara_app::i18n::Lang;

/// A proposal's text fields from a form, `prefix`ed (`part1-title`), the rest copied from
/// `base`: the parts of a split and the merged proposal start from an original.
fn draft_from(pairs: &Pairs, prefix: &str, base: &StoredProposal) -> ProposalDraft {
    let text = |name: &str| {
        field(pairs, &format!("{prefix}{name}"))
            .unwrap_or("")
            .to_string()
    };
    let p = &base.proposal;
    ProposalDraft {
        title: text("title"),
        problem: field(pairs, &format!("{prefix}problem"))
            .map_or(p.problem.clone(), str::to_string),
        activity: text("activity"),
        sector: field(pairs, &format!("{prefix}sector"))
            .map_or(p.sector.code().to_string(), str::to_string),
        village: field(pairs, &format!("{prefix}village"))
            .map_or(p.village.clone(), str::to_string),
        address: p.address.clone(),
        estimated_cost: text("estimated_cost"),
        proposed_by: p.proposed_by.iter().map(|g| g.code().to_string()).collect(),
        sdgs: suara_domain::sdg::join(&p.sdgs),
        ..ProposalDraft::default()
    }
}

fn text_fields(lang: Lang, prefix: &str, typed: &Pairs) -> Markup {
    let value = |name: &str| {
        field(typed, &format!("{prefix}{name}"))
            .unwrap_or("")
            .to_string()
    };
    let id = |name: &str| format!("{prefix}{name}");
    html! {
        p { label for=(id("title")) { (lang.t(T::TITLE)) } input id=(id("title")) name=(id("title")) required maxlength="160" value=(value("title")); }
        p { label for=(id("activity")) { (lang.t(T::PROPOSED_ACTIVITY)) } textarea id=(id("activity")) name=(id("activity")) required rows="2" { (value("activity")) } }
        p { label for=(id("estimated_cost")) { (lang.t(T::ESTIMATED_COST_RP)) } input id=(id("estimated_cost")) name=(id("estimated_cost")) inputmode="numeric" value=(value("estimated_cost")); }
    }
}

/// The split form on a proposal at the district musrenbang.
pub fn split_form(look: Look, code: &str, typed: &Pairs) -> Markup {
    let lang = look.lang;
    html! {
        section #pecah {
            h2 { (lang.t(T::SPLIT_THIS_PROPOSAL)) }
            p { (lang.t(T::SPLIT_INTRO)) }
            form.stack method="post" action=(look.action(&routes::musrena_split(code))) {
                (look.csrf())
                @for n in 1..=2 {
                    fieldset { legend { (lang.fill(T::PART_N, &[&n])) } (text_fields(lang, &format!("part{n}-"), typed)) }
                }
                p.buttons { button type="submit" { (lang.t(T::SPLIT_THIS_PROPOSAL)) } }
            }
        }
    }
}

pub async fn split(
    cx: StaffCx,
    Path(code): Path<String>,
    CsrfForm(pairs): CsrfForm<Pairs>,
) -> Result<Response, PageError> {
    let lang = cx.lang;
    let d = districts(&cx).await?;
    let whole = super::managed_proposal(&cx, &d, &code).await?;
    let mut parts = Vec::new();
    let mut problems = Vec::new();
    for n in 1..=2 {
        match validate(&draft_from(&pairs, &format!("part{n}-"), &whole)) {
            Ok(part) => parts.push(part),
            Err(found) => problems.extend(found.iter().map(|p| {
                format!(
                    "{}: {}",
                    lang.fill(T::PART_N, &[&n]),
                    super::proposal::problem_text(lang, &p.field, p.problem)
                )
            })),
        }
    }
    if !problems.is_empty() {
        return manage_page(
            &cx,
            &code,
            StatusCode::UNPROCESSABLE_ENTITY,
            None,
            &pairs,
            &problems,
        )
        .await;
    }
    if !confirmed(field(&pairs, "confirm")) {
        return confirm::page(
            &cx,
            &Confirmation {
                title: lang.t(T::SPLIT_INTO_THESE_PARTS),
                facts: vec![
                    (
                        lang.t(T::PROPOSAL),
                        html! { (whole.proposal.title) " · " small { (whole.code) } },
                    ),
                    (
                        lang.t(T::TITLE),
                        html! { ul.plain { @for p in &parts { li { (p.title) } } } },
                    ),
                ],
                consequence: lang.t(T::SPLITTING_IS_FINAL),
                action: &routes::musrena_split(&code),
                fields: pairs.clone(),
                yes: lang.t(T::YES_SPLIT),
                cancel: manage_href(lang, &code),
            },
        );
    }
    let now = OffsetDateTime::now_utc();
    match cx
        .app
        .store
        .split_proposal(
            cx.tenant_id(),
            &code,
            &parts,
            cx.today(),
            cx.username(),
            now,
        )
        .await
    {
        Ok(_) => Ok(Redirect::to(&manage_href(lang, &code)).into_response()),
        Err(MusrenaError::Store(e)) => Err(PageError::Store(e)),
        Err(error) => {
            let problems = [refusal(lang, &error)];
            manage_page(
                &cx,
                &code,
                StatusCode::UNPROCESSABLE_ENTITY,
                None,
                &pairs,
                &problems,
            )
            .await
        }
    }
}

/// The district's proposals at its musrenbang, to merge.
pub async fn district(cx: StaffCx, Path(district): Path<String>) -> Result<Response, PageError> {
    district_page(&cx, &district, StatusCode::OK, &Vec::new(), &[]).await
}

async fn district_page(
    cx: &StaffCx,
    district: &str,
    status: StatusCode,
    typed: &Pairs,
    problems: &[String],
) -> Result<Response, PageError> {
    let (lang, look) = (cx.lang, cx.look());
    let d = districts(cx).await?;
    if !d.districts.iter().any(|(id, _)| id == district)
        || !may_manage(&cx.staff, Some(district), &d.tree)
    {
        return Err(PageError::NotFound(Missing::Page));
    }
    let filter = ProposalFilter {
        district_id: Some(district.to_string()),
        stage: Some(STAGE),
        ..ProposalFilter::default()
    };
    let proposals = cx.app.store.proposals(cx.tenant_id(), &filter).await?;
    let ticked: Vec<&str> = fields(typed, "code").collect();
    let title = format!(
        "{} · {}",
        lang.t(T::DISTRICT_MUSRENBANG_MERGE),
        d.name(district)
    );
    let value = |name: &str| field(typed, name).unwrap_or("").to_string();
    let content = html! {
        p.crumbs { a href=(look.href(routes::MUSRENA_FORUMS)) { (lang.t(T::MUSRENA_FORUMS)) } }
        h1 { (title) }
        @if !problems.is_empty() {
            div.error-summary role="alert" tabindex="-1" { h2 { (lang.t(T::PLEASE_CHECK)) } ul { @for p in problems { li { (p) } } } }
        }
        p { (lang.t(T::MERGE_INTRO)) }
        @if proposals.is_empty() {
            p { (lang.t(T::NO_PROPOSALS_AT_THE_DISTRICT)) }
        } @else {
            form.stack method="post" action=(look.action(&routes::musrena_merge(district))) {
                (look.csrf())
                fieldset {
                    legend { (lang.t(T::PROPOSALS_2)) }
                    @for p in &proposals {
                        label.choice { input type="checkbox" name="code" value=(p.code) checked[ticked.contains(&p.code.as_str())];
                            " " (p.proposal.title) " · " (p.village_label()) " (" (stage_label(lang, p.stage)) ") " small { (p.code) } }
                    }
                }
                fieldset {
                    legend { (lang.t(T::THE_MERGED_PROPOSAL)) }
                    (text_fields(lang, "", typed))
                    p { label for="problem" { (lang.t(T::PROBLEM)) } textarea #problem name="problem" required rows="2" { (value("problem")) } }
                    p { label for="sector" { (lang.t(T::SECTOR)) }
                        select #sector name="sector" required { @for s in Sector::ALL { option value=(s.code()) selected[value("sector") == s.code()] { (sector_label(lang, s)) } } } }
                    p { label for="village" { (lang.t(T::VILLAGE_OR_KELURAHAN)) } (d.village_select(lang, Some(district), &value("village"), true)) }
                }
                p.buttons { button.primary type="submit" { (lang.t(T::MERGE_THE_CHOSEN)) } }
            }
        }
    };
    Ok(cx.page(status, &title, content))
}

pub async fn merge(
    cx: StaffCx,
    Path(district): Path<String>,
    CsrfForm(pairs): CsrfForm<Pairs>,
) -> Result<Response, PageError> {
    let lang = cx.lang;
    let d = districts(&cx).await?;
    if !may_manage(&cx.staff, Some(&district), &d.tree) {
        return Err(PageError::Forbidden);
    }
    let codes: Vec<String> = fields(&pairs, "code").map(str::to_string).collect();
    let mut originals = Vec::new();
    for code in &codes {
        match cx.app.store.proposal(cx.tenant_id(), code).await? {
            Some((p, _)) if p.district_id.as_deref() == Some(district.as_str()) => {
                originals.push(p)
            }
            _ => return Err(PageError::BadRequest),
        }
    }
    let refused = |problems: Vec<String>| {
        let (cx, district, pairs) = (&cx, &district, &pairs);
        async move {
            district_page(
                cx,
                district,
                StatusCode::UNPROCESSABLE_ENTITY,
                pairs,
                &problems,
            )
            .await
        }
    };
    let Some(first) = originals.first().filter(|_| originals.len() >= 2) else {
        return refused(vec![lang.t(T::CHOOSE_TWO_OR_MORE).to_string()]).await;
    };
    let merged = match validate(&draft_from(&pairs, "", first)) {
        Ok(p) => p,
        Err(found) => {
            let problems = found
                .iter()
                .map(|p| super::proposal::problem_text(lang, &p.field, p.problem))
                .collect();
            return refused(problems).await;
        }
    };
    if !confirmed(field(&pairs, "confirm")) {
        return confirm::page(
            &cx,
            &Confirmation {
                title: lang.t(T::MERGE_THESE_PROPOSALS),
                facts: vec![
                    (
                        lang.t(T::PROPOSALS_2),
                        html! { ul.plain { @for p in &originals { li { (p.proposal.title) " · " small { (p.code) } } } } },
                    ),
                    (lang.t(T::THE_MERGED_PROPOSAL), html! { (merged.title) }),
                ],
                consequence: lang.t(T::MERGING_IS_FINAL),
                action: &routes::musrena_merge(&district),
                fields: pairs.clone(),
                yes: lang.t(T::YES_MERGE),
                cancel: cx.href(&routes::musrena_district(&district)),
            },
        );
    }
    let now = OffsetDateTime::now_utc();
    match cx
        .app
        .store
        .merge_proposals(
            cx.tenant_id(),
            &codes,
            &merged,
            cx.today(),
            cx.username(),
            now,
        )
        .await
    {
        Ok(code) => Ok(Redirect::to(&manage_href(lang, &code)).into_response()),
        Err(MusrenaError::Store(e)) => Err(PageError::Store(e)),
        Err(error) => refused(vec![refusal(lang, &error)]).await,
    }
}
