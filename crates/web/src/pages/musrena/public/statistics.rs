//! Shares submitted, accepted and budgeted per group and per district.

use std::collections::HashMap;

use axum::extract::Query;
use axum::http::StatusCode;
use axum::response::Response;
use maud::{html, Markup};
use serde::Deserialize;
use suara_domain::musrena::stats::{by_district, by_group, by_sdg_goal, Counts, Outcome};
use suara_domain::tpp::rupiah;
use suara_store::ProposalFilter;

use crate::pages::context::PageCx;
use crate::pages::failure::PageError;
use crate::pages::musrena::group_label;
use crate::pages::staff::charts::{bars, Bar};
use crate::pages::{layout, page};
use suara_app::i18n::catalogue as T;
use suara_app::i18n::Lang;

use super::{chosen, districts};

/// A row of counts; `all` is every proposal, for the row's share of them.
fn counts_row(lang: Lang, label: &str, c: &Counts, all: &Counts) -> Markup {
    let percent = |s| format!("{}%", lang.decimal(s));
    let share = |part: u64| c.share(part).map_or("–".to_string(), percent);
    let of_all = all.share(c.submitted).map_or("–".to_string(), percent);
    html! {
        tr {
            th scope="row" { (label) }
            td.num { (c.submitted) " (" (of_all) ")" }
            td.num { (c.accepted) " (" (share(c.accepted)) ")" }
            td.num { (c.budgeted) " (" (share(c.budgeted)) ")" }
            td.num { (c.completed) " (" (share(c.completed)) ")" }
            td.num { "Rp" (rupiah(c.amount)) }
        }
    }
}

fn counts_head(lang: Lang, first: &str) -> Markup {
    html! {
        thead { tr {
            th scope="col" { (first) }
            th.num scope="col" { (lang.t(T::PROPOSED)) }
            th.num scope="col" { (lang.t(T::IN_THE_RKPD)) }
            th.num scope="col" { (lang.t(T::BUDGETED)) }
            th.num scope="col" { (lang.t(T::COMPLETED)) }
            th.num scope="col" { (lang.t(T::BUDGET)) }
        } }
    }
}

#[derive(Deserialize, Default)]
pub struct StatisticsQuery {
    pub tahun: Option<String>,
}

pub async fn statistics(
    cx: PageCx,
    Query(query): Query<StatisticsQuery>,
) -> Result<Response, PageError> {
    let (app, lang, here) = (&cx.app, cx.lang, cx.here.as_str());
    let tenant = app.tenant(None).await?;
    let districts = districts(app, &tenant.tenant_id).await?;
    let years = app.store.proposal_years(&tenant.tenant_id).await?;
    let year = chosen(&query.tahun)
        .and_then(|y| y.parse().ok())
        .filter(|y| years.contains(y));
    let filter = ProposalFilter {
        year,
        ..ProposalFilter::default()
    };
    let proposals = app.store.proposals(&tenant.tenant_id, &filter).await?;
    let year_href = |y: Option<i32>| match y {
        Some(y) => format!(
            "{}?lang={}&tahun={y}",
            crate::routes::MUSRENA_STATISTICS,
            lang.code()
        ),
        None => format!("{}?lang={}", crate::routes::MUSRENA_STATISTICS, lang.code()),
    };
    // Merged and split proposals live on in the ones that carry them: counted there.
    let outcomes: Vec<Outcome> = proposals
        .iter()
        .filter(|p| !p.stage.is_superseded())
        .map(|p| Outcome {
            groups: &p.proposal.proposed_by,
            sdgs: &p.proposal.sdgs,
            district: p.district_id.as_deref(),
            stage: p.stage,
            budget: p.budget_amount,
        })
        .collect();
    let groups = by_group(&outcomes);
    let goals = by_sdg_goal(&outcomes);
    let (per_district, total) = by_district(&outcomes);
    let names: HashMap<&str, &str> = districts
        .iter()
        .map(|(id, n)| (id.as_str(), n.as_str()))
        .collect();
    let group_labels: Vec<&str> = groups.iter().map(|(g, _)| group_label(lang, *g)).collect();
    let budgeted_share: Vec<Bar> = groups
        .iter()
        .zip(&group_labels)
        .map(|((_, c), label)| Bar {
            label,
            value: c.share(c.budgeted).map(|s| s.to_f64()),
            highlight: false,
        })
        .collect();
    let title = lang.t(T::MUSRENA_KEREN_STATISTICS);
    let content = html! {
        p.crumbs { a href={ (crate::routes::MUSRENA_LIST) "?lang=" (lang.code()) } { "Musrena Keren" } }
        h1 { (title) }
        p { (lang.t(T::HOW_MANY_PROPOSALS_EACH_GROUP_MADE_AND)) }
        nav.choices aria-label=(lang.t(T::YEAR)) {
            (lang.t(T::YEAR)) " "
            @if year.is_none() { strong aria-current="true" { (lang.t(T::ALL_YEARS)) } } @else { a href=(year_href(None)) { (lang.t(T::ALL_YEARS)) } }
            @for y in &years {
                " "
                @if year == Some(*y) { strong aria-current="true" { (y) } } @else { a href=(year_href(Some(*y))) { (y) } }
            }
        }
        figure tabindex="0" {
            (bars(lang, lang.t(T::SHARE_OF_PROPOSALS_BUDGETED_PER_GROUP), &budgeted_share, 0.0, 100.0, 1))
            figcaption { (lang.t(T::SHARE_OF_PROPOSALS_BUDGETED_OF_THOSE_MADE)) }
        }
        table.data tabindex="0" {
            caption { (lang.t(T::PER_GROUP)) }
            (counts_head(lang, lang.t(T::GROUP)))
            tbody { @for ((_, c), label) in groups.iter().zip(&group_labels) { (counts_row(lang, label, c, &total)) } }
        }
        table.data tabindex="0" {
            caption { (lang.t(T::PER_DISTRICT)) }
            (counts_head(lang, lang.t(T::DISTRICT)))
            tbody {
                @for (district, c) in &per_district {
                    @let label = match district { Some(d) => names.get(d).copied().unwrap_or(d), None => lang.t(T::REGENCY_LEVEL) };
                    (counts_row(lang, label, c, &total))
                }
                (counts_row(lang, lang.t(T::TOTAL), &total, &total))
            }
        }
        @if !goals.is_empty() {
            table.data tabindex="0" {
                caption { (lang.t(T::PER_SDG_GOAL)) }
                (counts_head(lang, "SDG"))
                tbody { @for (goal, c) in &goals {
                    (counts_row(lang, &lang.fill(T::SDG_GOAL_N, &[goal]), c, &total))
                } }
            }
        }
    };
    Ok(page(StatusCode::OK, layout(lang, title, here, content)))
}
