//! `/provinsi`: the province hosting many regencies sees them side by side: each regency's
//! IKM for a period, and one kind of service (by its code, e.g. `ktp`) compared across every
//! regency that offers it; both as a workbook or CSV. Only totals: no officer, no
//! respondent, nothing one regency keeps to itself.

use std::collections::{BTreeMap, HashMap};

use axum::extract::Query;
use axum::response::Response;
use maud::{html, Markup};
use serde::Deserialize;
use suara_domain::period::{Month, Period};
use suara_domain::skm::precision::{Evidence, Precision};
use suara_domain::skm::{SkmScore, Tally};
use suara_reports::table::Sheet;
use suara_store::ScopeKind;
use time::OffsetDateTime;

use crate::api::responses::SheetDownload;
use crate::pages::context::StaffCx;
use crate::pages::failure::PageError;
use crate::pages::staff::{exact, period_picker, score_text, PeriodQuery};
use crate::pages::{sheet_download, SheetFormat};
use crate::routes;
use suara_app::i18n::catalogue as T;
use suara_app::i18n::Lang;

#[derive(Deserialize, Default)]
pub struct ProvinceQuery {
    pub period: Option<String>,
    /// The service code to compare across regencies.
    pub layanan: Option<String>,
    /// `xlsx` or `csv`: the figures as a file instead of the page.
    pub format: Option<String>,
}

/// One regency's figures, or one regency's figures for the compared service.
pub struct Line {
    pub code: String,
    pub regency: String,
    /// The service's name in that regency (for the comparison).
    pub service: Option<String>,
    pub score: Option<SkmScore>,
    pub responses: u64,
    /// How sure the IKM is: a regency's adds up its units' evidence; a service's has no
    /// on-site share (no such count is kept per service) and no users to ask a sample of.
    pub precision: Option<Precision>,
}

impl Line {
    /// Graded only on the survey's sample; a regency's figure below it is provisional.
    fn graded(&self) -> Option<&SkmScore> {
        self.score
            .as_ref()
            .filter(|_| !self.precision.is_some_and(|p| p.provisional()))
    }
}

pub struct ProvinceView {
    pub period: Period,
    pub current: Month,
    pub regencies: Vec<Line>,
    /// Every service code some regency offers, with the name it has in the first.
    pub services: Vec<(String, String)>,
    pub chosen: Option<String>,
    /// The chosen service in every regency that offers it.
    pub compared: Vec<Line>,
    /// Every regency's every service (for the files).
    pub all_services: Vec<(String, Line)>,
}

async fn load(cx: &StaffCx, query: &ProvinceQuery) -> Result<ProvinceView, PageError> {
    let period = PeriodQuery {
        period: query.period.clone(),
    }
    .period(&cx.tenant)?;
    let (from, to) = period.months();
    let store = &cx.app.store;
    let mut regencies = Vec::new();
    let mut names: BTreeMap<String, String> = BTreeMap::new();
    let mut all_services = Vec::new();
    // The province's own entry holds its accounts, not services: it is not a regency.
    for tenant in store.tenants().await? {
        if tenant.tenant_id == cx.tenant_id() {
            continue;
        }
        let id = &tenant.tenant_id;
        let current = tenant.month_of(OffsetDateTime::now_utc());
        let mut evidence = Evidence::default();
        for unit in store.unit_evidence(id, (from, to), current).await?.values() {
            evidence.add(unit);
        }
        let mut total = Tally::default();
        for (_, tally) in store.tallies_of_kind(id, ScopeKind::Unit, from, to).await? {
            total.merge(&tally);
        }
        let by_service: HashMap<String, Tally> = store
            .tallies_of_kind(id, ScopeKind::Service, from, to)
            .await?
            .into_iter()
            .collect();
        let spreads = store
            .spreads_of_kind(id, ScopeKind::Service, (from, to))
            .await?;
        for service in store.services(id).await? {
            names
                .entry(service.service_id.clone())
                .or_insert_with(|| service.name.clone());
            let tally = by_service
                .get(&service.service_id)
                .cloned()
                .unwrap_or_default();
            let line_code = service.service_id.clone();
            all_services.push((
                service.service_id,
                Line {
                    code: id.clone(),
                    regency: tenant.name.clone(),
                    service: Some(service.name),
                    score: exact(&tally),
                    responses: tally.responses(),
                    precision: Some(Precision {
                        onsite_percent: None,
                        ..Precision::of(
                            tally.responses(),
                            spreads.get(&line_code).copied().unwrap_or_default(),
                            0,
                            None,
                        )
                    }),
                },
            ));
        }
        regencies.push(Line {
            code: id.clone(),
            regency: tenant.name,
            service: None,
            score: exact(&total),
            responses: total.responses(),
            precision: Some(evidence.precision()),
        });
    }
    regencies.sort_by(|a, b| a.regency.cmp(&b.regency));
    let services: Vec<(String, String)> = names.into_iter().collect();
    let chosen = query
        .layanan
        .clone()
        .filter(|c| services.iter().any(|(code, _)| code == c))
        .or_else(|| services.first().map(|(code, _)| code.clone()));
    let mut compared: Vec<Line> = all_services
        .iter()
        .filter(|(code, _)| Some(code) == chosen.as_ref())
        .map(|(_, line)| Line {
            code: line.code.clone(),
            regency: line.regency.clone(),
            service: line.service.clone(),
            score: line.score.clone(),
            responses: line.responses,
            precision: line.precision,
        })
        .collect();
    compared.sort_by(|a, b| a.regency.cmp(&b.regency));
    Ok(ProvinceView {
        period,
        current: cx.current_month(),
        regencies,
        services,
        chosen,
        compared,
        all_services,
    })
}

/// Every regency's figures side by side, as a file for the province's own tools (without
/// `format`, the same address is the province's page).
#[utoipa::path(get, path = routes::PROVINCE, tag = "results",
    params(("period" = Option<String>, Query, description = "YYYY-MM, YYYY-Qn, YYYY-Sn or YYYY"), ("layanan" = Option<String>, Query, description = "A service code to compare across regencies"), ("format" = String, Query, description = "xlsx or csv")),
    security(("session" = [])),
    responses(SheetDownload))]
pub async fn show(cx: StaffCx, Query(query): Query<ProvinceQuery>) -> Result<Response, PageError> {
    let view = load(&cx, &query).await?;
    if let Some(format) = query.format.as_deref() {
        let format = SheetFormat::from_query(Some(format))?;
        return Ok(export(cx.lang, &view, format)?);
    }
    let (title, content) = render(cx.lang, &view);
    cx.ok(&title, content)
}

fn export(
    lang: Lang,
    view: &ProvinceView,
    format: SheetFormat,
) -> Result<Response, crate::error::ApiError> {
    let stem = format!("provinsi-{}", view.period);
    let row = |service_code: &str, line: &Line| {
        vec![
            line.code.clone(),
            line.regency.clone(),
            service_code.to_string(),
            line.service.clone().unwrap_or_default(),
            line.score
                .as_ref()
                .map_or_else(String::new, |s| s.ikm_rounded().to_string()),
            line.graded()
                .map_or_else(String::new, |s| s.grade().letter().to_string()),
            line.responses.to_string(),
            line.precision
                .and_then(|p| p.margin)
                .map_or_else(String::new, |m| m.to_string()),
            line.precision
                .and_then(|p| p.onsite_percent)
                .map_or_else(String::new, |p| p.to_string()),
        ]
    };
    let regencies: Vec<Vec<String>> = view.regencies.iter().map(|l| row("", l)).collect();
    let services: Vec<Vec<String>> = view
        .all_services
        .iter()
        .map(|(code, line)| row(code, line))
        .collect();
    let bytes = match format {
        // For machines: codes, a point for decimals, every line in one table.
        SheetFormat::Csv => suara_reports::table::csv(
            &[
                "regency_code",
                "regency",
                "service_code",
                "service",
                "ikm",
                "grade",
                "responses",
                "margin_95",
                "onsite_percent",
            ],
            &regencies.into_iter().chain(services).collect::<Vec<_>>(),
        ),
        SheetFormat::Xlsx => {
            let headers = vec![
                lang.t(T::CODE),
                lang.t(T::REGENCY_OR_CITY),
                lang.t(T::SERVICE_CODE),
                lang.t(T::SERVICE),
                "IKM",
                lang.t(T::GRADE),
                lang.t(T::RESPONSES),
                lang.t(T::MARGIN_OF_ERROR_95),
                lang.t(T::FROM_KIOSKS_AND_TICKETS),
            ];
            let title = format!(
                "{} · {}",
                lang.t(T::PROVINCE_VIEW),
                lang.period(view.period)
            );
            suara_reports::table::workbook(&[
                Sheet {
                    name: lang.t(T::IKM_PER_REGENCY),
                    title: title.clone(),
                    headers: headers.clone(),
                    rows: regencies,
                },
                Sheet {
                    name: lang.t(T::SERVICES_ACROSS_REGENCIES),
                    title,
                    headers,
                    rows: services,
                },
            ])
        }
    };
    sheet_download(lang, format, &stem, bytes)
}

fn render(lang: Lang, view: &ProvinceView) -> (String, Markup) {
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
                    th scope="col" { (lang.t(T::REGENCY_OR_CITY)) }
                    @if with_service { th scope="col" { (lang.t(T::SERVICE)) } }
                    th scope="col" { "IKM" }
                    th.num scope="col" { (lang.t(T::RESPONSES)) }
                    th.num scope="col" { (lang.t(T::MARGIN_OF_ERROR_95)) }
                    @if !with_service { th.num scope="col" { (lang.t(T::FROM_KIOSKS_AND_TICKETS)) } }
                } }
                tbody { @for line in lines { tr {
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
            p.muted { (lang.t(T::HOW_SURE_THE_IKM_IS)) }
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
    };
    (title, content)
}
