//! The public map of Musrena proposals: the regency drawn from the imported village
//! boundaries as inline SVG (no tile server, so it works offline and on slow connections),
//! villages shaded by their proposals or by budgeted rupiah, district borders drawn over,
//! and a table with the same figures for those who cannot see the map.

use std::collections::HashMap;
use std::fmt::Write;

use axum::extract::Query;
use axum::http::StatusCode;
use axum::response::Response;
use maud::{html, Markup};
use serde::Deserialize;
use suara_domain::org::village::{Boundary, Point, Village};
use suara_domain::tpp::rupiah;
use suara_store::VillageFigures;

use crate::i18n::catalogue as T;
use crate::i18n::Lang;
use crate::pages::context::PageCx;
use crate::pages::failure::PageError;
use crate::pages::{layout, page};
use crate::routes;

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
        villages: app
            .store
            .villages_with_boundaries(&tenant.tenant_id)
            .await?,
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

/// Fits lon/lat into a `WIDTH`-wide drawing, north up; a degree of longitude is shortened
/// by the cosine of the latitude so shapes are not stretched.
struct Projection {
    west: f64,
    north: f64,
    scale_x: f64,
    scale_y: f64,
    height: f64,
}

const WIDTH: f64 = 800.0;

impl Projection {
    fn fit(points: impl Iterator<Item = Point>) -> Option<Projection> {
        let (mut west, mut east, mut south, mut north) = (i32::MAX, i32::MIN, i32::MAX, i32::MIN);
        for p in points {
            west = west.min(p.lon);
            east = east.max(p.lon);
            south = south.min(p.lat);
            north = north.max(p.lat);
        }
        if west >= east || south >= north {
            return None;
        }
        let deg = |v: i32| f64::from(v) / 1e7;
        let shrink = ((deg(north) + deg(south)) / 2.0).to_radians().cos();
        let scale_x = WIDTH / (deg(east) - deg(west));
        let scale_y = scale_x / shrink;
        Some(Projection {
            west: deg(west),
            north: deg(north),
            scale_x,
            scale_y,
            height: (deg(north) - deg(south)) * scale_y,
        })
    }

    fn xy(&self, p: Point) -> (f64, f64) {
        (
            (p.lon_degrees() - self.west) * self.scale_x,
            (self.north - p.lat_degrees()) * self.scale_y,
        )
    }
}

/// An SVG path of the boundary's rings (holes cut out with the even-odd rule).
fn path(boundary: &Boundary, projection: &Projection) -> String {
    let mut d = String::new();
    for ring in boundary.0.iter().flatten() {
        for (i, p) in ring.iter().enumerate() {
            let (x, y) = projection.xy(*p);
            let _ = write!(d, "{}{x:.1} {y:.1}", if i == 0 { "M" } else { "L" });
        }
        d.push('Z');
    }
    d
}

/// The district borders: segments that belong to one village of a district only (shared
/// edges inside a district cancel out; vertices shared by neighbours are exactly equal).
fn district_borders(villages: &[Village], projection: &Projection) -> String {
    let mut counts: HashMap<(&str, Point, Point), u32> = HashMap::new();
    for v in villages {
        for ring in v.boundary.iter().flat_map(|b| b.0.iter().flatten()) {
            for pair in ring.windows(2) {
                let (a, b) = (pair[0], pair[1]);
                let key = if (a.lon, a.lat) <= (b.lon, b.lat) {
                    (a, b)
                } else {
                    (b, a)
                };
                *counts
                    .entry((v.district_unit.as_str(), key.0, key.1))
                    .or_default() += 1;
            }
        }
    }
    let mut segments: Vec<(Point, Point)> = counts
        .into_iter()
        .filter(|(_, n)| *n == 1)
        .map(|((_, a, b), _)| (a, b))
        .collect();
    // The same drawing every time.
    segments.sort_by_key(|(a, b)| (a.lon, a.lat, b.lon, b.lat));
    let mut d = String::new();
    for (a, b) in segments {
        let ((x1, y1), (x2, y2)) = (projection.xy(a), projection.xy(b));
        let _ = write!(d, "M{x1:.1} {y1:.1}L{x2:.1} {y2:.1}");
    }
    d
}

/// Shades: none for villages without any, then four steps by rank among the distinct
/// figures of the others, so the largest is always the darkest (with four or fewer distinct
/// figures, each has its own step, counted down from the darkest).
const SHADES: [&str; 5] = ["#f2f2f2", "#c6dbef", "#6baed6", "#2171b5", "#08306b"];

struct Shading {
    /// Distinct positive figures, ascending.
    distinct: Vec<u64>,
}

impl Shading {
    fn new(values: &[u64]) -> Shading {
        let mut distinct: Vec<u64> = values.iter().copied().filter(|v| *v > 0).collect();
        distinct.sort_unstable();
        distinct.dedup();
        Shading { distinct }
    }

    fn shade(&self, value: u64) -> usize {
        let n = self.distinct.len();
        match self.distinct.binary_search(&value) {
            Err(_) => 0,
            Ok(rank) if n <= 4 => 4 - (n - 1 - rank),
            Ok(rank) => 1 + rank * 4 / n,
        }
    }

    /// The smallest and largest figure drawn in `shade` (1–4), if any is.
    fn range(&self, shade: usize) -> Option<(u64, u64)> {
        let mut of = self
            .distinct
            .iter()
            .copied()
            .filter(|v| self.shade(*v) == shade);
        let first = of.next()?;
        Some((first, of.next_back().unwrap_or(first)))
    }
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
    let district_name = |id: &str| {
        view.districts
            .iter()
            .find(|(d, _)| d == id)
            .map_or(id.to_string(), |(_, n)| n.clone())
    };
    let projection = Projection::fit(
        view.villages
            .iter()
            .flat_map(|v| v.boundary.iter().flat_map(Boundary::points)),
    );
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
    let measure_label = match view.measure {
        Measure::Proposals => lang.t(T::NUMBER_OF_PROPOSALS),
        Measure::Budget => lang.t(T::BUDGETED_RUPIAH),
    };
    html! {
        h1 { (lang.t(T::MAP_OF_PROPOSALS)) }
        p.lead { (lang.t(T::MAP_LEAD)) }
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

#[cfg(test)]
mod tests {
    use super::*;
    use suara_domain::org::village::VillageKind;

    fn square(district: &str, west: i32, south: i32) -> Village {
        let p = |lon, lat| Point { lon, lat };
        let (e, n) = (west + 10, south + 10);
        Village {
            code: format!("{west}"),
            name: "x".into(),
            kind: VillageKind::Desa,
            district_unit: district.into(),
            boundary: Some(Boundary(vec![vec![vec![
                p(west, south),
                p(e, south),
                p(e, n),
                p(west, n),
                p(west, south),
            ]]])),
        }
    }

    #[test]
    fn shared_edges_inside_a_district_are_not_borders() {
        // Two villages of one district side by side, and one of another district beside them.
        let villages = [square("a", 0, 0), square("a", 10, 0), square("b", 20, 0)];
        let projection = Projection::fit(
            villages
                .iter()
                .flat_map(|v| v.boundary.iter().flat_map(Boundary::points)),
        )
        .unwrap();
        let borders = district_borders(&villages, &projection);
        // District a: 6 outer segments; district b: 4; the edge a|b is drawn by each.
        assert_eq!(borders.matches('M').count(), 10);
    }

    #[test]
    fn shades_go_by_rank_and_the_largest_is_darkest() {
        let shading = Shading::new(&[0, 1, 2, 3, 4, 5, 6, 7, 8, 8]);
        let shades: Vec<usize> = (0..=8).map(|v| shading.shade(v)).collect();
        assert_eq!(shades, [0, 1, 1, 2, 2, 3, 3, 4, 4]);
        assert_eq!(shading.range(2), Some((3, 4)));
        let one = Shading::new(&[0, 12_500_000]);
        assert_eq!((one.shade(12_500_000), one.shade(0)), (4, 0));
        assert_eq!(
            (one.range(4), one.range(1)),
            (Some((12_500_000, 12_500_000)), None)
        );
        let two = Shading::new(&[5, 9]);
        assert_eq!((two.shade(5), two.shade(9)), (3, 4));
        assert_eq!(Shading::new(&[0, 0]).range(4), None);
    }

    #[test]
    fn the_drawing_keeps_north_up_and_the_width() {
        let p = |lon, lat| Point { lon, lat };
        let projection = Projection::fit([p(0, 0), p(10_000_000, 10_000_000)].into_iter()).unwrap();
        assert_eq!(projection.xy(p(0, 10_000_000)), (0.0, 0.0));
        let (x, y) = projection.xy(p(10_000_000, 0));
        assert!((x - WIDTH).abs() < 1e-9 && y > 0.0);
        assert!(Projection::fit([p(1, 1)].into_iter()).is_none());
    }
}
