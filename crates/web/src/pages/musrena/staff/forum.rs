//! One forum: its facts, its proposals ranked by the forum's scores and votes, the scores
//! form, and a step for the chosen proposals.

use std::collections::HashMap;

use axum::extract::{Path, Query};
use axum::response::{IntoResponse, Redirect, Response};
use maud::{html, Markup};
use serde::Deserialize;
use suara_domain::musrena::forum::Group;
use suara_domain::musrena::ranking::{rank, Candidate, Criterion, Rule, TieBreak, MAX_SCORE};
use suara_store::{MusrenaError, ProposalFilter, StoredProposal};

use super::{districts, field, manage_href, managed_forum, Pairs};
use crate::pages::context::{CsrfForm, StaffCx};
use crate::pages::failure::PageError;
use crate::pages::musrena::{accommodation_label, group_label, stage_label};
use crate::routes;
use suara_app::i18n::catalogue as T;
use suara_app::i18n::Lang;

#[derive(Deserialize, Default)]
pub struct ForumQuery {
    /// How many proposals the last step changed.
    pub selesai: Option<usize>,
    /// The tracking code of a proposal just added.
    pub baru: Option<String>,
    /// Set after a progress report was saved.
    pub kemajuan: Option<u8>,
    /// Set after a recommendation was saved.
    pub rekomendasi: Option<u8>,
}

pub async fn forum(
    cx: StaffCx,
    Path(forum_id): Path<String>,
    Query(query): Query<ForumQuery>,
) -> Result<Response, PageError> {
    let (lang, look) = (cx.lang, cx.look());
    let d = districts(&cx).await?;
    let forum = managed_forum(&cx, &d, &forum_id).await?;
    let filter = ProposalFilter {
        forum_id: Some(forum_id.clone()),
        ..ProposalFilter::default()
    };
    let proposals = cx.app.store.proposals(cx.tenant_id(), &filter).await?;
    let rule = cx
        .app
        .store
        .ranking_rule(cx.tenant_id(), forum.rule_version.as_deref())
        .await?;
    let scored: Vec<Candidate> = proposals
        .iter()
        .filter(|p| p.scores.len() == rule.criteria.len())
        .map(|p| Candidate {
            code: p.code.clone(),
            scores: p.scores.clone(),
            votes: p.votes,
            estimated_cost: p.proposal.estimated_cost.unwrap_or(0),
            submitted: u64::try_from(p.seq).unwrap_or(0),
        })
        .collect();
    let ranking = rank(&rule, &scored).unwrap_or_default();
    let by_code: HashMap<&str, &StoredProposal> =
        proposals.iter().map(|p| (p.code.as_str(), p)).collect();
    let unscored: Vec<&StoredProposal> = proposals
        .iter()
        .filter(|p| p.scores.len() != rule.criteria.len())
        .collect();
    let heading = d.forum_title(lang, &forum, &cx.tenant.name);
    let proposal_form = routes::musrena_proposal_form(&forum.forum_id);
    let content = html! {
        p.crumbs { a href=(look.href(routes::MUSRENA_FORUMS)) { (lang.t(T::MUSRENA_FORUMS)) } }
        h1 { (heading) }
        @if let Some(code) = &query.baru {
            div.success role="status" {
                p { strong { (lang.t(T::PROPOSAL_SAVED_ITS_TRACKING_CODE)) code { (code) } } }
                p { (lang.t(T::GIVE_THIS_CODE_TO_THE_PROPOSERS_WITH))
                    a href=(crate::pages::musrena::public::tracker_href(lang, code)) { (lang.t(T::THE_TRACKING_PAGE)) } "." }
            }
        } @else if let Some(n) = query.selesai {
            div.success role="status" { p { (lang.t(T::PROPOSALS_UPDATED)) (n) } }
        }
        dl.facts {
            dt { (lang.t(T::FORUM_CODE)) } dd { (forum.forum_id) }
            dt { (lang.t(T::PLACE_AND_DATE)) } dd { (forum.place) ", " (lang.date(forum.held_on)) }
            dt { (lang.t(T::FACILITATOR)) } dd { (forum.facilitator) }
            dt { (lang.t(T::PARTICIPANTS)) } dd { (forum.participants.total)
                @for g in Group::ALL { @let n = forum.participants.of(g); @if n > 0 { " · " (group_label(lang, g)) " " (n) } } }
            dt { (lang.t(T::ACCESSIBILITY)) } dd {
                @if forum.accommodations.is_empty() { "–" }
                @for (i, a) in forum.accommodations.iter().enumerate() { @if i > 0 { ", " } (accommodation_label(lang, *a)) } }
        }
        p { a href=(look.href(&proposal_form)) { (lang.t(T::ADD_A_PROPOSAL)) } " · "
            a href={ (proposal_form) "?mudah=1&lang=" (lang.code()) } { (lang.t(T::EASY_READ_FORM_CHILDREN)) } " · "
            a href=(look.href(&routes::musrena_offline(&forum.forum_id))) { (lang.t(T::OPEN_THE_OFFLINE_FORUM)) } }
        h2 { (lang.t(T::RANKING)) }
        p.muted { (lang.fill(T::RANKING_RULE_EXPLAINED, &[
            &rule.version,
            &rule.criteria.iter().map(|c| format!("{} {}", criterion_label(lang, c), c.weight)).collect::<Vec<_>>().join(", "),
            &lang.decimal(rule.vote_percent()),
        ])) }
        form method="post" action=(look.action(&routes::musrena_scores(&forum.forum_id))) {
            (look.csrf())
            // On a phone each proposal is a card of labelled inputs, none off screen.
            table.data.stacked {
                thead { tr {
                    th scope="col" { (lang.t(T::PROPOSAL)) }
                    th.num scope="col" { (lang.t(T::RANK)) }
                    th.num scope="col" { (lang.t(T::COMBINED)) }
                    @for c in &rule.criteria { th scope="col" { (criterion_label(lang, c)) } }
                    th scope="col" { (lang.t(T::VOTES)) }
                    th scope="col" { (lang.t(T::STAGE)) }
                } }
                tbody {
                    @for r in &ranking { @if let Some(p) = by_code.get(r.code.as_str()) {
                        (score_row(lang, &rule, p, Some(r.rank), Some((suara_domain::decimal::Decimal::round_half_away(&r.combined, 3), r.decided_by))))
                    } }
                    @for p in &unscored { (score_row(lang, &rule, p, None, None)) }
                }
            }
            p.buttons { button type="submit" { (lang.t(T::SAVE_SCORES_AND_VOTES)) } }
        }
        h2 { (lang.t(T::A_STEP_FOR_THE_CHOSEN_PROPOSALS)) }
        (super::steps::step_form(look, &cx.staff, &proposals, &routes::musrena_forum(&forum.forum_id), false, &Vec::new()))
    };
    cx.ok(&heading, content)
}

/// A criterion's name as the regency's rule writes it: in English for English pages, in
/// Indonesian otherwise (a rule names its criteria in those two languages only).
fn criterion_label(lang: Lang, c: &Criterion) -> &str {
    if lang == Lang::EN {
        &c.name_en
    } else {
        &c.name_id
    }
}

fn tie_label(lang: Lang, tie: TieBreak) -> &'static str {
    match tie {
        TieBreak::First | TieBreak::CombinedScore => "",
        TieBreak::Votes => lang.t(T::TIE_FEWER_VOTES),
        TieBreak::CriteriaScore => lang.t(T::TIE_LOWER_CRITERIA_SCORE),
        TieBreak::LowerCost => lang.t(T::TIE_HIGHER_COST),
        TieBreak::EarlierSubmission => lang.t(T::TIE_SUBMITTED_LATER),
        TieBreak::Code => lang.t(T::TIE_BY_CODE),
    }
}

fn score_row(
    lang: Lang,
    rule: &Rule,
    p: &StoredProposal,
    rank: Option<usize>,
    combined: Option<(suara_domain::decimal::Decimal, TieBreak)>,
) -> Markup {
    html! {
        tr {
            th scope="row" { a href=(manage_href(lang, &p.code)) { (p.proposal.title) } br; small { (p.code) } }
            td.num data-label=(lang.t(T::RANK)) { (rank.map_or("–".to_string(), |r| r.to_string())) }
            td.num data-label=(lang.t(T::COMBINED)) { @if let Some((c, tie)) = combined { (lang.decimal(c)) @let t = tie_label(lang, tie); @if !t.is_empty() { br; small { (t) } } } @else { "–" } }
            @for (i, c) in rule.criteria.iter().enumerate() {
                td data-label=(criterion_label(lang, c)) { input.score type="number" min="1" max=(MAX_SCORE) name={ "score:" (p.code) ":" (i) }
                    value=[p.scores.get(i)] aria-label={ (criterion_label(lang, c)) ": " (p.proposal.title) } inputmode="numeric"; }
            }
            td data-label=(lang.t(T::VOTES)) { input.score type="number" min="0" name={ "votes:" (p.code) } value=(p.votes) aria-label={ (lang.t(T::VOTES)) ": " (p.proposal.title) } inputmode="numeric"; }
            td data-label=(lang.t(T::STAGE)) { (stage_label(lang, p.stage)) }
        }
    }
}

pub async fn save_scores(
    cx: StaffCx,
    Path(forum_id): Path<String>,
    CsrfForm(pairs): CsrfForm<Pairs>,
) -> Result<Response, PageError> {
    let d = districts(&cx).await?;
    let forum = managed_forum(&cx, &d, &forum_id).await?;
    let filter = ProposalFilter {
        forum_id: Some(forum_id.clone()),
        ..ProposalFilter::default()
    };
    let proposals = cx.app.store.proposals(cx.tenant_id(), &filter).await?;
    let criteria = cx
        .app
        .store
        .ranking_rule(cx.tenant_id(), forum.rule_version.as_deref())
        .await?
        .criteria
        .len();
    let mut updated = 0;
    for p in &proposals {
        let scores: Vec<Option<u8>> = (0..criteria)
            .map(|i| {
                field(&pairs, &format!("score:{}:{i}", p.code))
                    .and_then(|v| v.trim().parse().ok())
                    .filter(|s| (1..=MAX_SCORE).contains(s))
            })
            .collect();
        let votes =
            field(&pairs, &format!("votes:{}", p.code)).and_then(|v| v.trim().parse::<u32>().ok());
        // Only complete rows are saved; a half-scored proposal stays unranked.
        if let (Some(scores), Some(votes)) =
            (scores.into_iter().collect::<Option<Vec<u8>>>(), votes)
        {
            cx.app
                .store
                .score_proposal(cx.tenant_id(), &p.code, &scores, votes)
                .await
                .map_err(|e| match e {
                    MusrenaError::Store(e) => PageError::Store(e),
                    _ => PageError::BadRequest,
                })?;
            updated += 1;
        }
    }
    Ok(Redirect::to(&format!(
        "{}?lang={}&selesai={updated}",
        routes::musrena_forum(&forum_id),
        cx.lang.code()
    ))
    .into_response())
}
