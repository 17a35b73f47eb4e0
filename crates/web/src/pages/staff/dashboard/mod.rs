//! The IKM dashboard: every visible unit for a period ([`regency`]), one unit in detail
//! ([`unit`]: elements, trend, follow-up, sub-units, services, officers), one officer
//! ([`officer`]), and the downloads ([`downloads`]). Figures come from the monthly running
//! totals, never from a scan of responses.

pub mod downloads;
pub mod officer;
pub mod regency;
pub mod unit;

pub use downloads::{export, report};
pub use officer::officer;
pub use regency::regency;
pub use unit::unit;

use std::collections::HashMap;

use maud::{html, Markup};
use suara_domain::period::Month;
use suara_domain::skm::{Element, SkmScore, Tally};

use super::charts::{self, Bar};
use super::exact;
use suara_app::i18n::catalogue as T;
use suara_app::i18n::{element_name, Lang};

const TREND_MONTHS: usize = 12;

/// NRR per element as a chart and a table, the weakest elements marked.
pub(super) fn elements_section(lang: Lang, score: Option<&SkmScore>) -> Markup {
    let Some(score) = score else {
        return html! {};
    };
    // The three lowest NRR: where follow-up (rencana tindak lanjut) starts.
    let weakest: Vec<Element> = score
        .weakest_elements()
        .into_iter()
        .take(3)
        .map(|(e, _)| e)
        .collect();
    let nrr = |e: Element| {
        score.elements[e.index()]
            .as_ref()
            .map(|s| suara_domain::decimal::rational_to_f64(&s.nrr))
    };
    let labels: Vec<String> = Element::ALL
        .iter()
        .map(|e| format!("{} {}", e.code(), element_name(lang, *e)))
        .collect();
    let bars: Vec<Bar> = Element::ALL
        .iter()
        .zip(&labels)
        .map(|(e, label)| Bar {
            label,
            value: nrr(*e),
            highlight: weakest.contains(e),
        })
        .collect();
    html! {
        h2 { (lang.t(T::SCORE_PER_ELEMENT_NRR_1_4)) }
        figure {
            (charts::bars(lang, lang.t(T::NRR_PER_ELEMENT), &bars, 1.0, 4.0, 2))
            figcaption { (lang.t(T::ORANGE_BARS_WEAKEST_ELEMENTS_TO_IMPROVE_FIRST)) }
        }
        table.data tabindex="0" {
            caption { (lang.t(T::NRR_PER_ELEMENT)) }
            thead { tr { th scope="col" { (lang.t(T::ELEMENT)) } th.num scope="col" { (lang.t(T::ANSWERS)) } th.num scope="col" { "NRR" } th scope="col" { "" } } }
            tbody {
                @for (e, label) in Element::ALL.iter().zip(&labels) {
                    @let element = score.elements[e.index()].as_ref();
                    tr {
                        th scope="row" { (label) }
                        td.num { (element.map_or(0, |s| s.answers)) }
                        td.num { @if let Some(s) = element { (lang.decimal(suara_domain::decimal::Decimal::round_half_away(&s.nrr, 2))) } @else { "–" } }
                        td { @if weakest.contains(e) { span.flag { (lang.t(T::WEAKEST)) } } }
                    }
                }
            }
        }
    }
}

pub(super) fn back(month: Month, months: usize) -> Month {
    (0..months).fold(month, |m, _| m.previous())
}

/// One month of a trend: its IKM (`None` where nobody answered), its responses, and whether
/// they are imported history rather than the survey's own.
pub struct TrendPoint {
    month: Month,
    score: Option<SkmScore>,
    responses: u64,
    imported: bool,
}

/// The IKM of each of the last months up to `last`, from the survey's totals and, for a
/// unit, its imported history (a month has one or the other: the store sees to it).
pub(super) fn trend_points(
    monthly: Vec<(Month, Tally)>,
    imported: Vec<(Month, Tally)>,
    last: Month,
) -> Vec<TrendPoint> {
    let by_month: HashMap<Month, Tally> = monthly.into_iter().collect();
    let history: HashMap<Month, Tally> = imported.into_iter().collect();
    let mut months: Vec<Month> = (0..TREND_MONTHS).map(|i| back(last, i)).collect();
    months.reverse();
    months
        .into_iter()
        .map(|month| {
            // A month the survey counted is the survey's, whatever history holds for it.
            let counted = by_month.get(&month).filter(|t| t.responses() > 0);
            let (tally, imported) = match (counted, history.get(&month)) {
                (Some(tally), _) => (tally.clone(), false),
                (None, Some(tally)) => (tally.clone(), true),
                (None, None) => (Tally::default(), false),
            };
            TrendPoint {
                month,
                score: exact(&tally),
                responses: tally.responses(),
                imported,
            }
        })
        .collect()
}

pub(super) fn trend_section(lang: Lang, points: &[TrendPoint]) -> Markup {
    if points.iter().all(|p| p.score.is_none()) {
        return html! {};
    }
    let chart_points: Vec<(String, Option<f64>)> = points
        .iter()
        .map(|p| {
            (
                lang.short_month(p.month),
                p.score.as_ref().map(|s| s.ikm_rounded().to_f64()),
            )
        })
        .collect();
    let any_imported = points.iter().any(|p| p.imported);
    html! {
        h2 { (lang.t(T::N12_MONTH_TREND)) }
        figure {
            (charts::trend(lang, lang.t(T::IKM_PER_MONTH), &chart_points))
            figcaption {
                (lang.t(T::LINES_GRADE_BOUNDARIES_A_B_AND_C))
                @if any_imported { " " (lang.t(T::HISTORY_TREND_NOTE)) }
            }
        }
        details open[any_imported] {
            summary { (lang.t(T::TREND_TABLE)) }
            table.data tabindex="0" {
                thead { tr { th scope="col" { (lang.t(T::MONTH)) } th.num scope="col" { (lang.t(T::RESPONSES)) } th.num scope="col" { "IKM" } th scope="col" { (lang.t(T::GRADE)) } } }
                tbody { @for p in points { tr {
                    th scope="row" { (lang.month(p.month)) @if p.imported { " " span.flag { (lang.t(T::IMPORTED_HISTORY)) } } }
                    td.num { (p.responses) }
                    td.num { @if let Some(s) = &p.score { (lang.decimal(s.ikm_rounded())) } @else { "–" } }
                    td { @if let Some(s) = &p.score { (s.grade().letter()) } @else { "–" } }
                } } }
            }
        }
    }
}

/// Name (linked when the user may open it, with the NIP for officers), IKM, responses,
/// grade.
pub(super) fn figures_table<'a>(
    lang: Lang,
    caption: &str,
    rows: impl Iterator<Item = (&'a str, Option<&'a str>, Option<String>, Option<&'a Tally>)>,
) -> Markup {
    html! {
        h2 { (caption) }
        table.data tabindex="0" {
            thead { tr {
                th scope="col" { (lang.t(T::NAME)) } th.num scope="col" { "IKM" }
                th.num scope="col" { (lang.t(T::RESPONSES)) } th scope="col" { (lang.t(T::GRADE)) }
            } }
            tbody {
                @for (name, nip, link, tally) in rows {
                    @let score = tally.and_then(exact);
                    tr {
                        th scope="row" {
                            @if let Some(link) = link { a href=(link) { (name) } } @else { (name) }
                            @if let Some(nip) = nip { br; small { "NIP " (nip) } }
                        }
                        td.num { @if let Some(s) = &score { (lang.decimal(s.ikm_rounded())) } @else { "–" } }
                        td.num { (tally.map_or(0, Tally::responses)) }
                        td { @if let Some(s) = &score { (s.grade().letter()) } @else { "–" } }
                    }
                }
            }
        }
    }
}
