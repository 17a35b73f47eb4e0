//! The public map of Musrena proposals: the regency drawn from the imported village
//! boundaries as inline SVG (no tile server, so it works offline and on slow connections),
//! villages shaded by their proposals or by budgeted rupiah, district borders drawn over,
//! and a table with the same figures for those who cannot see the map.

use std::collections::HashMap;

use axum::extract::Query;
use axum::http::StatusCode;
use axum::response::Response;
use maud::{html, Markup};
use serde::Deserialize;
use suara_domain::org::village::{Boundary, Village};
use suara_domain::tpp::rupiah;
use suara_store::VillageFigures;

use crate::pages::context::PageCx;
use crate::pages::failure::PageError;
use crate::pages::{layout, page};
use crate::routes;
use suara_app::i18n::catalogue as T;
use suara_app::i18n::Lang;

mod draw;

use draw::{district_borders, path, Projection, Shading, SHADES, WIDTH};

#[derive(Deserialize, Default)]
pub struct MapQuery {
    /// `anggaran` shades by budgeted rupiah; anything else by proposals.
    pub ukuran: Option<String>,
    pub tahun: Option<String>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Measure {
    Proposals,
    Budget,
}

impl Measure {
    fn of(self, f: &VillageFigures) -> u64 {
        match self {
            Measure::Proposals => f.proposals,
            Measure::Budget => f.budget_amount,
        }
    }
}

struct MapView {
    villages: Vec<Village>,
    figures: HashMap<String, VillageFigures>,
    districts: Vec<(String, String)>,
    measure: Measure,
    year: Option<i32>,
    years: Vec<i32>,
}

pub async fn map(cx: PageCx, Query(query): Query<MapQuery>) -> Result<Response, PageError> {
    let (app, lang) = (&cx.app, cx.lang);
    let tenant = app.tenant(None).await?;
    let years = app.store.proposal_years(&tenant.tenant_id).await?;
    let year = query
        .tahun
        .as_deref()
        .and_then(|y| y.trim().parse().ok())
        .filter(|y| years.contains(y));
    let view = MapView {
        villages: app.store.villages_for_map(&tenant.tenant_id).await?,
        figures: app
            .store
            .village_figures(&tenant.tenant_id, year)
            .await?
            .into_iter()
            .map(|f| (f.village_code.clone(), f))
            .collect(),
        districts: app
            .store
            .units(&tenant.tenant_id)
            .await?
            .into_iter()
            .filter(|u| u.kind == "kecamatan")
            .map(|u| (u.unit_id, u.name))
            .collect(),
        measure: match query.ukuran.as_deref() {
            Some("anggaran") => Measure::Budget,
            _ => Measure::Proposals,
        },
        year,
        years,
    };
    let title = lang.t(T::MAP_OF_PROPOSALS);
    Ok(page(
        StatusCode::OK,
        layout(lang, title, &cx.here, render(lang, &view)),
    ))
}

/// A legend's colour sample; drawn, since the content security policy forbids inline styles.
fn swatch(colour: &str) -> Markup {
    html! { svg.swatch viewBox="0 0 10 10" aria-hidden="true" { rect width="10" height="10" fill=(colour) {} } }
}

fn amount(measure: Measure, value: u64) -> String {
    match measure {
        Measure::Proposals => value.to_string(),
        Measure::Budget => format!("Rp{}", rupiah(value)),
    }
}

fn render(lang: Lang, view: &MapView) -> Markup {
    let zero = VillageFigures::default();
    let figures = |v: &Village| view.figures.get(&v.code).unwrap_or(&zero);
    let values: Vec<u64> = view
        .villages
        .iter()
        .map(|v| view.measure.of(figures(v)))
        .collect();
    let shading = Shading::new(&values);
    let projection = Projection::fit(
        view.villages
            .iter()
            .flat_map(|v| v.boundary.iter().flat_map(Boundary::points)),
    );
    let measure_label = match view.measure {
        Measure::Proposals => lang.t(T::NUMBER_OF_PROPOSALS),
        Measure::Budget => lang.t(T::BUDGETED_RUPIAH),
    };
    html! {
        h1 { (lang.t(T::MAP_OF_PROPOSALS)) }
        p.lead { (lang.t(T::MAP_LEAD)) }
        (choices(lang, view))
        @match &projection {
            None => p { (lang.t(T::NO_VILLAGE_BOUNDARIES_YET)) }
            Some(projection) => {
                figure.map {
                    svg viewBox={ "0 0 " (WIDTH) " " (format!("{:.0}", projection.height)) } role="img" aria-labelledby="peta-judul" {
                        title #peta-judul { (lang.t(T::MAP_OF_PROPOSALS)) ": " (measure_label) }
                        @for (v, value) in view.villages.iter().zip(&values) {
                            @if let Some(b) = &v.boundary {
                                path d=(path(b, projection)) fill=(SHADES[shading.shade(*value)]) fill-rule="evenodd" stroke="#ffffff" stroke-width="0.8" {
                                    title { (v.name) ": " (amount(view.measure, *value)) }
                                }
                            }
                        }
                        path d=(district_borders(&view.villages, projection)) fill="none" stroke="#0b0c0c" stroke-width="1.6" {}
                    }
                    figcaption {
                        (measure_label)
                        ul.legend {
                            li { (swatch(SHADES[0])) (lang.t(T::NONE_YET)) }
                            @for (i, (low, high)) in (1..=4usize).filter_map(|i| Some((i, shading.range(i)?))) {
                                li { (swatch(SHADES[i])) (amount(view.measure, low))
                                    @if high > low { " – " (amount(view.measure, high)) } }
                            }
                        }
                    }
                }
            }
        }
        p { a href={ (routes::API_MUSRENA_GEOJSON) } { (lang.t(T::MAP_DATA_AS_GEOJSON)) } }
        (villages_table(lang, view))
    }
}

/// The choices of what to shade by and of the year, each a link to the map so drawn.
fn choices(lang: Lang, view: &MapView) -> Markup {
    let href = |measure: Measure, year: Option<i32>| {
        let mut pairs = vec![("lang", lang.code().to_string())];
        if measure == Measure::Budget {
            pairs.push(("ukuran", "anggaran".into()));
        }
        if let Some(y) = year {
            pairs.push(("tahun", y.to_string()));
        }
        format!(
            "{}?{}",
            routes::MUSRENA_MAP,
            serde_urlencoded::to_string(&pairs).unwrap_or_default()
        )
    };
    html! {
        nav.choices aria-label=(lang.t(T::SHADE_BY)) {
            (lang.t(T::SHADE_BY)) " "
            @for (m, label) in [(Measure::Proposals, lang.t(T::NUMBER_OF_PROPOSALS)), (Measure::Budget, lang.t(T::BUDGETED_RUPIAH))] {
                @if m == view.measure { strong aria-current="true" { (label) } } @else { a href=(href(m, view.year)) { (label) } }
                " "
            }
        }
        nav.choices aria-label=(lang.t(T::YEAR)) {
            (lang.t(T::YEAR)) " "
            @if view.year.is_none() { strong aria-current="true" { (lang.t(T::ALL_YEARS)) } } @else { a href=(href(view.measure, None)) { (lang.t(T::ALL_YEARS)) } }
            @for y in &view.years {
                " "
                @if view.year == Some(*y) { strong aria-current="true" { (y) } } @else { a href=(href(view.measure, Some(*y))) { (y) } }
            }
        }
    }
}

/// The villages with proposals as a table, for those who cannot see the map.
fn villages_table(lang: Lang, view: &MapView) -> Markup {
    let zero = VillageFigures::default();
    let figures = |v: &Village| view.figures.get(&v.code).unwrap_or(&zero);
    let district_name = |id: &str| {
        view.districts
            .iter()
            .find(|(d, _)| d == id)
            .map_or(id.to_string(), |(_, n)| n.clone())
    };
    html! {
        h2 { (lang.t(T::VILLAGES_AS_A_TABLE)) }
        @let without = view.villages.iter().filter(|v| figures(v).proposals == 0).count();
        @if without > 0 { p { (lang.fill(T::VILLAGES_WITHOUT_PROPOSALS, &[&without])) } }
        div.scroll tabindex="0" role="region" aria-label=(lang.t(T::VILLAGES_AS_A_TABLE)) {
            table.data.stacked {
                thead { tr {
                    th scope="col" { (lang.t(T::VILLAGE_OR_KELURAHAN)) }
                    th scope="col" { (lang.t(T::DISTRICT)) }
                    th.num scope="col" { (lang.t(T::NUMBER_OF_PROPOSALS)) }
                    th.num scope="col" { (lang.t(T::BUDGETED)) }
                    th.num scope="col" { (lang.t(T::BUDGETED_RUPIAH)) }
                } }
                tbody { @for v in view.villages.iter().filter(|v| figures(v).proposals > 0) {
                    @let f = figures(v);
                    tr {
                        th scope="row" {
                            a href={ (routes::MUSRENA_LIST) "?lang=" (lang.code()) "&desa=" (v.code) @if let Some(y) = view.year { "&tahun=" (y) } } { (v.name) }
                        }
                        td data-label=(lang.t(T::DISTRICT)) { (district_name(&v.district_unit)) }
                        td.num data-label=(lang.t(T::NUMBER_OF_PROPOSALS)) { (f.proposals) }
                        td.num data-label=(lang.t(T::BUDGETED)) { (f.budgeted) }
                        td.num data-label=(lang.t(T::BUDGETED_RUPIAH)) { "Rp" (rupiah(f.budget_amount)) }
                    }
                } }
            }
        }
    }
}
