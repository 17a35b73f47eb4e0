//! `/transparansi`: every unit's IKM so far this year with its grade and the last three
//! months, the published follow-up plans and how far each has come, and where to check the
//! day's hash-chain head. Plain tables, no script, light for slow phones.

use std::collections::HashMap;

use axum::http::StatusCode;
use axum::response::Response;
use maud::{html, Markup};
use suara_domain::integrity::chain::Digest32;
use suara_domain::integrity::signed_head::SignedHead;
use suara_domain::period::{Month, Period};
use suara_domain::skm::precision::Precision;
use suara_domain::skm::{Tally, Weighting};
use suara_store::{ScopeKind, StoredPlan, Unit};
use time::OffsetDateTime;

use super::context::PageCx;
use super::failure::PageError;
use super::{layout, page};
use crate::routes;
use suara_app::i18n::catalogue as T;
use suara_app::i18n::{element_name, grade_label, Lang};

fn ikm_text(lang: Lang, tally: Option<&Tally>) -> String {
    match tally.and_then(|t| t.score(Weighting::Exact)) {
        Some(s) => lang.decimal(s.ikm_rounded()),
        None => "–".into(),
    }
}

pub async fn show(cx: PageCx) -> Result<Response, PageError> {
    let (app, lang, here) = (&cx.app, cx.lang, cx.here.as_str());
    let tenant = app.tenant(None).await?;
    let tenant_id = tenant.tenant_id.as_str();
    let units = app.store.units(tenant_id).await?;
    let now = tenant.month_of(OffsetDateTime::now_utc());
    let (first, last) = Period::Year(now.year()).months();
    let year: HashMap<String, Tally> = app
        .store
        .tallies_of_kind(tenant_id, ScopeKind::Unit, first, last)
        .await?
        .into_iter()
        .collect();
    let precision: HashMap<String, Precision> = app
        .store
        .unit_evidence(tenant_id, (first, last), now)
        .await?
        .into_iter()
        .map(|(unit, evidence)| (unit, evidence.precision()))
        .collect();
    let months: Vec<Month> = vec![now.previous().previous(), now.previous(), now];
    let mut monthly: Vec<HashMap<String, Tally>> = Vec::new();
    for m in &months {
        monthly.push(
            app.store
                .tallies_of_kind(tenant_id, ScopeKind::Unit, *m, *m)
                .await?
                .into_iter()
                .collect(),
        );
    }
    let plans = app.store.follow_ups(tenant_id, None, None).await?;
    let recent = app.store.heads(tenant_id, Some(2)).await?;
    let (signed, previous) = (recent.first(), recent.get(1));
    let public_key = app.signer.public(tenant_id)?.to_hex();
    let head = app
        .store
        .chain_heads_at(tenant_id, &[OffsetDateTime::now_utc()])
        .await?
        .into_iter()
        .next()
        .flatten();
    let names: HashMap<&str, &str> = units
        .iter()
        .map(|u| (u.unit_id.as_str(), u.name.as_str()))
        .collect();
    let rated: Vec<_> = units
        .iter()
        .filter(|u| year.contains_key(&u.unit_id))
        .collect();
    let title = lang.t(T::SKM_RESULTS_IN_THE_OPEN);
    let content = html! {
        h1 { (title) }
        p.lead { (tenant.name) ". " (lang.t(T::THE_PUBLIC_SATISFACTION_INDEX_IKM_OF_EVERY)) }
        h2 { (lang.t(T::IKM_PER_UNIT)) " " (now.year()) }
        (ikm_per_unit(lang, &rated, &year, &precision, &months, &monthly))
        (follow_up_plans(lang, &plans, &names))
        (integrity(lang, signed, previous, &public_key, head))
        h2 #tanda-terima { (lang.t(T::CHECK_YOUR_RATING)) }
        form method="get" action=(routes::RECEIPT_LOOKUP) {
            input type="hidden" name="lang" value=(lang.code());
            label for="nomor" { (lang.t(T::RECEIPT_NUMBER_SKM)) }
            input #nomor name="nomor" autocomplete="off" spellcheck="false";
            " "
            button type="submit" { (lang.t(T::CHECK)) }
        }
    };
    Ok(page(StatusCode::OK, layout(lang, title, here, content)))
}

/// Every rated unit's IKM so far this year, with its grade, how sure it is and the last
/// three months.
fn ikm_per_unit(
    lang: Lang,
    rated: &[&Unit],
    year: &HashMap<String, Tally>,
    precision: &HashMap<String, Precision>,
    months: &[Month],
    monthly: &[HashMap<String, Tally>],
) -> Markup {
    html! {
        @if rated.is_empty() {
            p { (lang.t(T::NO_RESPONSES_THIS_YEAR_YET)) }
        } @else {
            table.data tabindex="0" {
                caption { (lang.t(T::IKM_25_100_GRADES_A_88_31)) }
                thead { tr {
                    th scope="col" { "Unit" }
                    th.num scope="col" { "IKM" }
                    th scope="col" { (lang.t(T::GRADE)) }
                    th.num scope="col" { (lang.t(T::MARGIN_OF_ERROR_95)) }
                    th.num scope="col" { (lang.t(T::RESPONSES)) }
                    th.num scope="col" { (lang.t(T::FROM_KIOSKS_AND_TICKETS)) }
                    @for m in months { th.num scope="col" { (lang.month(*m)) } }
                } }
                tbody { @for u in rated {
                    @let sure = precision.get(&u.unit_id);
                    @let score = year.get(&u.unit_id).and_then(|t| t.score(Weighting::Exact));
                    tr {
                        th scope="row" { a href={ (routes::survey(&u.unit_id)) "?lang=" (lang.code()) } { (u.name) } }
                        td.num { strong { (ikm_text(lang, year.get(&u.unit_id))) } }
                        td { @match (score, sure.is_some_and(|p| !p.provisional())) {
                            (Some(score), true) => { (score.grade().letter()) " " small { (grade_label(lang, score.grade())) } }
                            (Some(_), false) => { small { (lang.t(T::PROVISIONAL)) } }
                            (None, _) => { "–" }
                        } }
                        td.num { @match sure.and_then(|p| p.margin) { Some(m) => { "± " (lang.decimal(m)) } None => { "–" } } }
                        td.num { (sure.map_or(0, |p| p.responses)) }
                        td.num { @match sure.and_then(|p| p.onsite_percent) { Some(p) => { (p) " %" } None => { "–" } } }
                        @for month in monthly { td.num { (ikm_text(lang, month.get(&u.unit_id))) } }
                    }
                } }
            }
            p { small { (lang.t(T::HOW_SURE_THE_IKM_IS)) } }
        }
    }
}

/// The follow-up plans units have published, with how far each has come.
fn follow_up_plans(lang: Lang, plans: &[StoredPlan], names: &HashMap<&str, &str>) -> Markup {
    html! {
        h2 #tindak-lanjut { (lang.t(T::FOLLOW_UP_PLANS)) }
        @if plans.is_empty() {
            p { (lang.t(T::NO_FOLLOW_UP_PLANS_HAVE_BEEN_PUBLISHED)) }
        } @else {
            table.data.stacked {
                thead { tr {
                    th scope="col" { "Unit" }
                    th scope="col" { (lang.t(T::PERIOD_2)) }
                    th scope="col" { (lang.t(T::ELEMENT)) }
                    th scope="col" { (lang.t(T::ACTION)) }
                    th scope="col" { (lang.t(T::DEADLINE)) }
                    th scope="col" { (lang.t(T::STATUS)) }
                } }
                tbody { @for p in plans { tr {
                    th scope="row" { (names.get(p.unit_id.as_str()).copied().unwrap_or(p.unit_id.as_str())) }
                    td data-label=(lang.t(T::PERIOD_2)) { (p.period.parse().map_or_else(|_| p.period.clone(), |period| lang.period(period))) }
                    td data-label=(lang.t(T::ELEMENT)) { (p.plan.element.code()) " " (element_name(lang, p.plan.element)) }
                    td data-label=(lang.t(T::ACTION)) { (p.plan.action) " — " small { (p.plan.owner) } @if let Some(note) = &p.progress_note { br; small { (note) } } }
                    td data-label=(lang.t(T::DEADLINE)) { (lang.date(p.plan.deadline)) }
                    td data-label=(lang.t(T::STATUS)) { strong { (suara_app::i18n::plan_status_label(lang, p.status)) } }
                } } }
            }
        }
    }
}

/// The latest signed head of the log, the key that checks it, and the hash chain's head.
fn integrity(
    lang: Lang,
    signed: Option<&SignedHead>,
    previous: Option<&SignedHead>,
    public_key: &str,
    head: Option<(u64, Digest32)>,
) -> Markup {
    html! {
        h2 #integritas { (lang.t(T::DATA_INTEGRITY)) }
        p { (lang.t(T::EVERY_COUNTED_RESPONSE_IS_A_LEAF_OF)) }
        @match signed {
            Some(signed) => {
                dl.facts {
                    dt { (lang.t(T::RESPONSES_IN_THE_LOG)) } dd { (signed.head.size) }
                    dt { (lang.t(T::TREE_ROOT)) } dd { code.digest { (signed.head.root) } }
                    dt { (lang.t(T::SIGNATURE)) } dd { code.digest { (signed.signature) } }
                    dt { (lang.t(T::PUBLIC_KEY)) } dd { code.digest { (public_key) } }
                }
                details {
                    summary { (lang.t(T::THE_WHOLE_SIGNED_HEAD_FOR_MACHINES_TO)) }
                    pre { (signed.to_note()) }
                }
                p { (lang.t(T::WHOEVER_KEPT_AN_EARLIER_HEAD_CAN_CHECK))
                    a href=(routes::API_LOG_HEADS) { (lang.t(T::EVERY_SIGNED_HEAD)) }
                    @if let Some(previous) = previous {
                        (lang.t(T::AND))
                        a href={ (routes::API_LOG_CONSISTENCY) "?from=" (previous.head.size) "&to=" (signed.head.size) } { (lang.t(T::THE_PROOF_THAT_THE_LATEST_EXTENDS_THE_ONE_BEFORE)) }
                    }
                    "." }
                p { a href={ (routes::TRANSPARENCY_LOG) "?lang=" (lang.code()) } { (lang.t(T::LOG_HISTORY_LINK)) } }
            }
            None => { p { (lang.t(T::NO_RESPONSES_COUNTED_YET)) } }
        }
        @if let Some((links, hash)) = &head {
            p { (lang.t(T::THE_HASH_CHAIN_S_HEAD_NOW)) code.digest { (hash) } " (" (links) " " (lang.t(T::RESPONSES_2)) "); " (lang.t(T::THOSE_OF_THE_LAST_SEVEN_DAYS_ARE)) a href={ (crate::routes::HOME) "?lang=" (lang.code()) "#integritas" } { (lang.t(T::THE_HOME_PAGE)) } "." }
        }
    }
}
