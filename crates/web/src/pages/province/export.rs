//! The province's figures as files: a workbook for people (words, decimals with the
//! language's separator, a sheet per table of the page) and one CSV table for machines
//! (codes, a point for decimals).

use axum::response::Response;
use suara_app::i18n::catalogue as T;
use suara_app::i18n::{element_name, Lang};
use suara_domain::decimal::Decimal;
use suara_reports::table::Sheet;

use super::{Line, ProvinceView};
use crate::pages::{sheet_download, SheetFormat};

pub(super) fn export(
    lang: Lang,
    view: &ProvinceView,
    format: SheetFormat,
) -> Result<Response, crate::error::ApiError> {
    let stem = format!("provinsi-{}", view.period);
    // A decimal for the file's reader: the language's separator for people, a point for
    // machines.
    let number = |d: Decimal| match format {
        SheetFormat::Xlsx => lang.decimal(d),
        SheetFormat::Csv => d.to_string(),
    };
    let row = |service_code: &str, line: &Line| {
        vec![
            line.code.clone(),
            line.regency.clone(),
            service_code.to_string(),
            line.service.clone().unwrap_or_default(),
            line.score
                .as_ref()
                .map_or_else(String::new, |s| number(s.ikm_rounded())),
            line.graded()
                .map_or_else(String::new, |s| s.grade().letter().to_string()),
            line.responses.to_string(),
            line.precision
                .and_then(|p| p.margin)
                .map_or_else(String::new, number),
            line.precision
                .and_then(|p| p.onsite_percent)
                .map_or_else(String::new, |p| p.to_string()),
            line.rank.map_or_else(String::new, |r| r.to_string()),
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
                "rank",
            ],
            &regencies.into_iter().chain(services).collect::<Vec<_>>(),
        ),
        SheetFormat::Xlsx => workbook(lang, view, regencies, services, &number),
    };
    sheet_download(lang, format, &stem, bytes)
}

/// The workbook for people: a sheet per table of the page.
fn workbook(
    lang: Lang,
    view: &ProvinceView,
    regencies: Vec<Vec<String>>,
    services: Vec<Vec<String>>,
    number: &dyn Fn(Decimal) -> String,
) -> Result<Vec<u8>, suara_reports::ReportError> {
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
        lang.t(T::RANK),
    ];
    let title = format!(
        "{} · {}",
        lang.t(T::PROVINCE_VIEW),
        lang.period(view.period)
    );
    let periods: Vec<String> = view.trend.iter().map(|p| lang.period(*p)).collect();
    let mut trend_headers = vec![lang.t(T::REGENCY_OR_CITY)];
    trend_headers.extend(periods.iter().map(String::as_str));
    let trend = view
        .regencies
        .iter()
        .map(|line| {
            let mut row = vec![line.regency.clone()];
            row.extend(
                line.trend
                    .iter()
                    .map(|ikm| ikm.map_or_else(|| "–".to_string(), number)),
            );
            row
        })
        .collect();
    let elements = view
        .elements
        .iter()
        .map(|e| {
            vec![
                element_name(lang, e.element).to_string(),
                number(e.nrr),
                e.weakest_in.to_string(),
            ]
        })
        .collect();
    suara_reports::table::workbook(&[
        Sheet {
            name: lang.t(T::IKM_PER_REGENCY),
            title: title.clone(),
            headers: headers.clone(),
            rows: regencies,
        },
        Sheet {
            name: lang.t(T::PROVINCE_TREND),
            title: title.clone(),
            headers: trend_headers,
            rows: trend,
        },
        Sheet {
            name: lang.t(T::PROVINCE_WEAKEST_ELEMENTS),
            title: title.clone(),
            headers: vec![
                lang.t(T::ELEMENT),
                lang.t(T::PROVINCE_NRR),
                lang.t(T::PROVINCE_WEAKEST_IN),
            ],
            rows: elements,
        },
        Sheet {
            name: lang.t(T::SERVICES_ACROSS_REGENCIES),
            title,
            headers,
            rows: services,
        },
    ])
}
