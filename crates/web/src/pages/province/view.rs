//! The province's page: regencies ranked with their trend, the weakest elements, and one
//! service compared.

use maud::{html, Markup};
use suara_app::i18n::catalogue as T;
use suara_app::i18n::{element_name, Lang};

use super::{Line, ProvinceView};
use crate::pages::context::Look;
use crate::pages::staff::{period_picker, score_text};
use crate::routes;

pub(super) fn render(look: Look, view: &ProvinceView) -> (String, Markup) {
    let lang = look.lang;
    let title = lang.t(T::PROVINCE_VIEW).to_string();
    let period = view.period;
    let file = |format: &str| {
        format!(
            "{}?period={period}&format={format}&lang={}",
            routes::PROVINCE,
            lang.code()
        )
    };
    let table = |caption: String, lines: &[Line], with_service: bool| {
        html! {
            table.data.stacked {
                caption { (caption) }
                thead { tr {
                    @if !with_service { th.num scope="col" { (lang.t(T::RANK)) } }
                    th scope="col" { (lang.t(T::REGENCY_OR_CITY)) }
                    @if with_service { th scope="col" { (lang.t(T::SERVICE)) } }
                    th scope="col" { "IKM" }
                    th.num scope="col" { (lang.t(T::RESPONSES)) }
                    th.num scope="col" { (lang.t(T::MARGIN_OF_ERROR_95)) }
                    @if !with_service { th.num scope="col" { (lang.t(T::FROM_KIOSKS_AND_TICKETS)) } }
                } }
                tbody { @for line in lines { tr {
                    @if !with_service { td.num data-label=(lang.t(T::RANK)) { @match line.rank { Some(r) => { (r) } None => { "–" } } } }
                    th scope="row" { (line.regency) }
                    @if with_service { td data-label=(lang.t(T::SERVICE)) { (line.service.as_deref().unwrap_or("")) } }
                    td data-label="IKM" { @match (&line.score, line.graded()) {
                        (Some(score), None) => { strong { (lang.decimal(score.ikm_rounded())) } " · " (lang.t(T::PROVISIONAL)) }
                        (_, graded) => { (score_text(lang, graded)) }
                    } }
                    td.num data-label=(lang.t(T::RESPONSES)) { (line.responses) }
                    td.num data-label=(lang.t(T::MARGIN_OF_ERROR_95)) { @match line.precision.and_then(|p| p.margin) { Some(m) => { "± " (lang.decimal(m)) } None => { "–" } } }
                    @if !with_service {
                        td.num data-label=(lang.t(T::FROM_KIOSKS_AND_TICKETS)) { @match line.precision.and_then(|p| p.onsite_percent) { Some(p) => { (p) " %" } None => { "–" } } }
                    }
                } } }
            }
        }
    };
    let chosen_name = view
        .services
        .iter()
        .find(|(code, _)| Some(code) == view.chosen.as_ref())
        .map(|(_, name)| name.as_str());
    let content = html! {
        h1 { (title) }
        (period_picker(lang, routes::PROVINCE, period, view.current))
        p { (lang.t(T::DOWNLOAD_EVERY_REGENCY_AND_SERVICE))
            a href=(file("xlsx")) { (lang.t(T::SPREADSHEET_XLSX)) } " · "
            a href=(file("csv")) { "CSV" } }
        @if view.regencies.is_empty() {
            p { (lang.t(T::NO_REGENCIES_YET)) }
        } @else {
            (table(format!("{} · {}", lang.t(T::IKM_PER_REGENCY), lang.period(period)), &view.regencies, false))
            p.muted { (lang.t(T::PROVINCE_RANKED_HINT)) " " (lang.t(T::HOW_SURE_THE_IKM_IS)) }
            (trend(lang, view))
            (elements(lang, view))
        }
        h2 { (lang.t(T::SERVICES_ACROSS_REGENCIES)) }
        @if !view.services.is_empty() {
            form.search method="get" action=(routes::PROVINCE) {
                input type="hidden" name="lang" value=(lang.code());
                input type="hidden" name="period" value=(period);
                label for="layanan" { (lang.t(T::SERVICE)) }
                select #layanan name="layanan" {
                    @for (code, name) in &view.services {
                        option value=(code) selected[Some(code) == view.chosen.as_ref()] { (name) }
                    }
                }
                button type="submit" { (lang.t(T::COMPARE)) }
            }
            (table(
                format!("{} · {}", chosen_name.unwrap_or(""), lang.period(period)),
                &view.compared,
                true,
            ))
            p.muted { (lang.t(T::SERVICES_ARE_MATCHED_BY_THEIR_CODE)) }
        }
        (super::service_map::section(lang, look.csrf, view))
    };
    (title, content)
}

/// Each regency's IKM over the periods before the chosen one.
fn trend(lang: Lang, view: &ProvinceView) -> Markup {
    html! {
        h2 { (lang.t(T::PROVINCE_TREND)) }
        table.data.stacked {
            thead { tr {
                th scope="col" { (lang.t(T::REGENCY_OR_CITY)) }
                @for p in &view.trend { th.num scope="col" { (lang.period(*p)) } }
            } }
            tbody { @for line in &view.regencies { tr {
                th scope="row" { (line.regency) }
                @for (p, ikm) in view.trend.iter().zip(&line.trend) {
                    td.num data-label=(lang.period(*p)) { @match ikm { Some(ikm) => { (lang.decimal(*ikm)) } None => { "–" } } }
                }
            } } }
        }
        p.muted { (lang.t(T::PROVINCE_TREND_HINT)) }
    }
}

/// The elements over every regency's responses, weakest first.
fn elements(lang: Lang, view: &ProvinceView) -> Markup {
    html! {
        h2 { (lang.t(T::PROVINCE_WEAKEST_ELEMENTS)) }
        @if view.elements.is_empty() {
            p { (lang.t(T::NO_RESPONSES_YET)) }
        } @else {
            table.data.stacked {
                thead { tr {
                    th scope="col" { (lang.t(T::ELEMENT)) }
                    th.num scope="col" { (lang.t(T::PROVINCE_NRR)) }
                    th.num scope="col" { (lang.t(T::PROVINCE_WEAKEST_IN)) }
                } }
                tbody { @for e in &view.elements { tr {
                    th scope="row" { (element_name(lang, e.element)) }
                    td.num data-label=(lang.t(T::PROVINCE_NRR)) { (lang.decimal(e.nrr)) }
                    td.num data-label=(lang.t(T::PROVINCE_WEAKEST_IN)) { (e.weakest_in) }
                } } }
            }
        }
    }
}
