//! The map's drawing, pure: lon/lat fitted to the page (north up, longitude shortened by
//! the latitude's cosine), boundaries as SVG paths at the screen's resolution, district
//! borders from the villages' unshared edges, and shades by rank.

use std::collections::HashMap;
use std::fmt::Write;

use suara_domain::org::village::{Boundary, Point, Village};

/// Fits lon/lat into a `WIDTH`-wide drawing, north up; a degree of longitude is shortened
/// by the cosine of the latitude so shapes are not stretched.
pub(super) struct Projection {
    west: f64,
    north: f64,
    scale_x: f64,
    scale_y: f64,
    pub(super) height: f64,
}

pub(super) const WIDTH: f64 = 800.0;

impl Projection {
    pub(super) fn fit(points: impl Iterator<Item = Point>) -> Option<Projection> {
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

/// Points closer than this (in drawing units: the drawing is 800 wide, a phone shows it at
/// 360 px) to the last one drawn are left out, and points are written in whole units: a
/// surveyed boundary has far more vertices than a phone's screen can show.
const MIN_STEP: f64 = 1.5;

/// An SVG path of the boundary's rings (holes cut out with the even-odd rule), at the
/// drawing's resolution.
pub(super) fn path(boundary: &Boundary, projection: &Projection) -> String {
    let mut d = String::new();
    for ring in boundary.0.iter().flatten() {
        let points: Vec<(f64, f64)> = ring.iter().map(|p| projection.xy(*p)).collect();
        let before = d.len();
        line(&mut d, &points);
        // A ring smaller than a few pixels is drawn whole rather than lost.
        if d[before..].matches('L').count() < 3 {
            d.truncate(before);
            for (i, (x, y)) in points.iter().enumerate() {
                let _ = write!(d, "{}{x:.0} {y:.0}", if i == 0 { "M" } else { "L" });
            }
        }
        d.push('Z');
    }
    d
}

/// The district borders: segments that belong to one village of a district only (shared
/// edges inside a district cancel out; vertices shared by neighbours are exactly equal).
pub(super) fn district_borders(villages: &[Village], projection: &Projection) -> String {
    let key = |district: &'_ str, a: Point, b: Point| {
        let (a, b) = if (a.lon, a.lat) <= (b.lon, b.lat) {
            (a, b)
        } else {
            (b, a)
        };
        (district.to_string(), a, b)
    };
    let mut counts: HashMap<(String, Point, Point), u32> = HashMap::new();
    let rings = || {
        villages.iter().flat_map(|v| {
            v.boundary
                .iter()
                .flat_map(|b| b.0.iter().flatten())
                .map(move |ring| (v.district_unit.as_str(), ring))
        })
    };
    for (district, ring) in rings() {
        for pair in ring.windows(2) {
            *counts.entry(key(district, pair[0], pair[1])).or_default() += 1;
        }
    }
    // Each ring's runs of border segments, drawn as lines at the screen's resolution.
    let mut d = String::new();
    for (district, ring) in rings() {
        let mut run: Vec<(f64, f64)> = Vec::new();
        for pair in ring.windows(2) {
            if counts.get(&key(district, pair[0], pair[1])) == Some(&1) {
                if run.is_empty() {
                    run.push(projection.xy(pair[0]));
                }
                run.push(projection.xy(pair[1]));
            } else {
                line(&mut d, &run);
                run.clear();
            }
        }
        line(&mut d, &run);
    }
    d
}

/// Writes a polyline, leaving out points closer than [`MIN_STEP`] to the last one kept
/// (the ends are always kept).
fn line(d: &mut String, points: &[(f64, f64)]) {
    let mut kept: Vec<(f64, f64)> = Vec::with_capacity(points.len());
    for (i, &(x, y)) in points.iter().enumerate() {
        let far = kept
            .last()
            .is_none_or(|&(px, py)| (x - px).abs().max((y - py).abs()) >= MIN_STEP);
        if far || i + 1 == points.len() {
            kept.push((x, y));
        }
    }
    for (i, (x, y)) in kept.iter().enumerate() {
        let _ = write!(d, "{}{x:.0} {y:.0}", if i == 0 { "M" } else { "L" });
    }
}

/// Shades: none for villages without any, then four steps by rank among the distinct
/// figures of the others, so the largest is always the darkest (with four or fewer distinct
/// figures, each has its own step, counted down from the darkest).
pub(super) const SHADES: [&str; 5] = ["#f2f2f2", "#c6dbef", "#6baed6", "#2171b5", "#08306b"];

pub(super) struct Shading {
    /// Distinct positive figures, ascending.
    distinct: Vec<u64>,
}

impl Shading {
    pub(super) fn new(values: &[u64]) -> Shading {
        let mut distinct: Vec<u64> = values.iter().copied().filter(|v| *v > 0).collect();
        distinct.sort_unstable();
        distinct.dedup();
        Shading { distinct }
    }

    pub(super) fn shade(&self, value: u64) -> usize {
        let n = self.distinct.len();
        match self.distinct.binary_search(&value) {
            Err(_) => 0,
            Ok(rank) if n <= 4 => 4 - (n - 1 - rank),
            Ok(rank) => 1 + rank * 4 / n,
        }
    }

    /// The smallest and largest figure drawn in `shade` (1–4), if any is.
    pub(super) fn range(&self, shade: usize) -> Option<(u64, u64)> {
        let mut of = self
            .distinct
            .iter()
            .copied()
            .filter(|v| self.shade(*v) == shade);
        let first = of.next()?;
        Some((first, of.next_back().unwrap_or(first)))
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
        // District a: 6 outer segments; district b: 4; the edge a|b is drawn by each; runs of
        // border segments along a ring are drawn as one line each.
        assert_eq!(borders.matches('L').count(), 10);
        assert_eq!(borders.matches('M').count(), 4);
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
    fn dense_boundaries_are_drawn_at_the_screen_resolution() {
        // A village of 10,000 vertices on a circle, in a regency 0.1 degree wide.
        let ring: Vec<Point> = (0..=10_000)
            .map(|i| {
                let a = std::f64::consts::TAU * f64::from(i % 10_000) / 10_000.0;
                Point::from_degrees(111.7 + 0.05 * a.cos(), -8.2 + 0.05 * a.sin()).unwrap()
            })
            .collect();
        let village = Boundary(vec![vec![ring]]);
        let projection = Projection::fit(village.points()).unwrap();
        let d = path(&village, &projection);
        let drawn = d.matches('L').count() + 1;
        // The circle is about 2,500 units round: one point per unit or so, not 10,000.
        assert!((1_000..4_000).contains(&drawn), "{drawn} points drawn");
        assert!(d.starts_with('M') && d.ends_with('Z'));
        // A tiny ring keeps its points.
        let p = |lon, lat| Point { lon, lat };
        let tiny = Boundary(vec![vec![vec![p(0, 0), p(1, 0), p(1, 1), p(0, 0)]]]);
        assert_eq!(path(&tiny, &projection).matches('L').count(), 3);
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
