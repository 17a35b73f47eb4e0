//! `/`: what this is, and every service unit with its IKM so far this year.

use std::collections::HashMap;

use axum::extract::Query;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use maud::{html, Markup};
use serde::Deserialize;
use suara_domain::integrity::chain::Digest32;
use suara_domain::period::Period;
use suara_domain::skm::Weighting;
use time::OffsetDateTime;

use super::context::PageCx;
use super::failure::PageError;
use super::{layout, page};
use crate::routes;
use suara_app::i18n::catalogue as T;
use suara_app::i18n::grade_label;
use suara_app::i18n::Lang;

#[derive(Deserialize, Default)]
pub struct HomeQuery {
    /// Words a unit's name must contain.
    pub cari: Option<String>,
}

pub async fn show(cx: PageCx, Query(query): Query<HomeQuery>) -> Result<Response, PageError> {
    let (app, lang, here) = (&cx.app, cx.lang, cx.here.as_str());
    let t = lang.texts();
    let tenant = app.tenant(None).await?;
    // The province's own host name opens the province's view (signing in first).
    if app
        .store
        .province_entries()
        .await?
        .contains(&tenant.tenant_id)
    {
        let province = format!("{}?lang={}", routes::PROVINCE, lang.code());
        return Ok(Redirect::to(&province).into_response());
    }
    let search = query.cari.as_deref().unwrap_or("").trim().to_string();
    let wanted = search.to_lowercase();
    let units: Vec<_> = app
        .store
        .units(&tenant.tenant_id)
        .await?
        .into_iter()
        .filter(|u| wanted.is_empty() || u.name.to_lowercase().contains(&wanted))
        .collect();
    let current = tenant.month_of(OffsetDateTime::now_utc());
    let year = current.year();
    let (from, to) = Period::Year(year).months();
    let evidence = app
        .store
        .unit_evidence(&tenant.tenant_id, (from, to), current)
        .await?;
    let tallies: HashMap<String, _> = app
        .store
        .tallies_of_kind(&tenant.tenant_id, suara_store::ScopeKind::Unit, from, to)
        .await?
        .into_iter()
        .collect();
    // The chain head now and at the end of each of the previous six local days.
    let (instants, days) = chain_instants(OffsetDateTime::now_utc(), tenant.offset());
    let heads = app
        .store
        .chain_heads_at(&tenant.tenant_id, &instants)
        .await?;
    let content = html! {
        h1 { (t.home_title) }
        p.lead { (tenant.name) ". " (t.home_intro) }
        h2 { (t.home_units) }
        form.search method="get" action=(routes::HOME) role="search" {
            input type="hidden" name="lang" value=(lang.code());
            label for="cari" { (t.find_unit) }
            input #cari type="search" name="cari" value=(search);
            button type="submit" { (t.search) }
        }
        @if units.is_empty() {
            p { @if search.is_empty() { (t.home_no_units) } @else { (t.no_unit_matches) " “" (search) "”." } }
        } @else {
            ul.units {
                @for unit in &units {
                    @let score = tallies.get(&unit.unit_id).and_then(|tally| tally.score(Weighting::Exact).map(|s| (tally.responses(), s)));
                    @let sure = evidence.get(&unit.unit_id).map(|e| e.precision());
                    li {
                        a href={ (routes::survey(&unit.unit_id)) "?lang=" (lang.code()) } {
                            span.name { (unit.name) }
                            span.action { (t.take_survey) " →" }
                        }
                        p.meta {
                            (t.ikm_this_year) " " (year) ": "
                            @match &score {
                                Some((responses, score)) => {
                                    strong { (lang.decimal(score.ikm_rounded())) }
                                    @if let Some(margin) = sure.and_then(|p| p.margin) { " ± " (lang.decimal(margin)) }
                                    " ("
                                    @if sure.is_some_and(|p| !p.provisional()) {
                                        (score.grade().letter()) ", " (grade_label(lang, score.grade()))
                                    } @else {
                                        (lang.t(T::PROVISIONAL))
                                    }
                                    "; " (responses) " " (t.responses_word) ")"
                                }
                                None => { (t.no_responses_yet) }
                            }
                        }
                    }
                }
            }
        }
    };
    let content = html! {
        (content)
        (links_section(lang))
        (chain_section(lang, &days, &heads))
    };
    Ok(page(
        StatusCode::OK,
        layout(lang, t.home_title, here, content),
    ))
}

/// The instants to read the chain head at: now, and the end of each of the previous six
/// local days; with those days (none for now).
fn chain_instants(
    now: OffsetDateTime,
    offset: time::UtcOffset,
) -> (Vec<OffsetDateTime>, Vec<Option<time::Date>>) {
    let today = now.to_offset(offset).date();
    let mut instants = vec![now];
    let mut days = vec![None];
    for back in 0..6 {
        let Some(day) = today.checked_sub(time::Duration::days(back)) else {
            break;
        };
        instants.push(
            day.midnight()
                .assume_offset(offset)
                .to_offset(time::UtcOffset::UTC),
        );
        days.push(day.previous_day());
    }
    (instants, days)
}

/// Links to every unit's IKM in the open, to Musrena Keren and to the innovations.
fn links_section(lang: Lang) -> Markup {
    html! {
        p { a href={ (routes::TRANSPARENCY) "?lang=" (lang.code()) } { (lang.t(T::IN_THE_OPEN_EVERY_UNIT_S_IKM)) } }
        h2 { "Musrena Keren" }
        p {
            (lang.t(T::PROPOSALS_OF_WOMEN_CHILDREN_PEOPLE_WITH_DISABILITIES))
            a href={ (routes::MUSRENA_LIST) "?lang=" (lang.code()) } { (lang.t(T::PROPOSALS_AND_TRACKER)) }
            " · "
            a href={ (routes::MUSRENA_STATISTICS) "?lang=" (lang.code()) } { (lang.t(T::STATISTICS)) }
        }
        h2 { (lang.t(T::INNOVATIONS)) }
        p {
            (lang.t(T::INNOVATIONS_HOME_LEAD)) " "
            a href={ (routes::INNOVATIONS) "?lang=" (lang.code()) } { (lang.t(T::SEE_THE_INNOVATIONS)) }
        }
    }
}

/// The integrity chain's head now and at the end of each of the previous six days.
fn chain_section(
    lang: Lang,
    days: &[Option<time::Date>],
    heads: &[Option<(u64, Digest32)>],
) -> Markup {
    let t = lang.texts();
    html! {
        h2 #integritas { (t.chain_heading) }
        p { (t.chain_intro) }
        table.data.chain {
            thead { tr { th scope="col" { (t.chain_day) } th.num scope="col" { (t.chain_links) } th scope="col" { (t.chain_head) } } }
            tbody {
                @for (day, head) in days.iter().zip(heads) {
                    tr {
                        th scope="row" { @if let Some(day) = day { (lang.date(*day)) } @else { (t.chain_now) } }
                        td.num { (head.map_or(0, |h| h.0)) }
                        td { code { @if let Some((_, hash)) = head { (hash) } @else { "–" } } }
                    }
                }
            }
        }
    }
}
