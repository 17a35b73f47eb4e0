//! Villages (desa and kelurahan) by their Kemendagri area code (`35.03.01.2001`: province,
//! regency, district, village), the district unit (kecamatan) they belong to, and optionally
//! their boundary, read from GeoJSON. Musrena forums and proposals name villages by code.
//!
//! Coordinates are kept as whole ten-millionths of a degree (about 1 cm), so boundaries
//! compare exactly and re-importing the same file changes nothing.

use serde::Serialize;

/// Desa are governed by their own village government, kelurahan by the regency; the fourth
/// part of the code says which (`1xxx` kelurahan, `2xxx` desa).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum VillageKind {
    Desa,
    Kelurahan,
}

impl VillageKind {
    pub fn code(self) -> &'static str {
        match self {
            VillageKind::Desa => "desa",
            VillageKind::Kelurahan => "kelurahan",
        }
    }

    pub fn from_code(code: &str) -> Option<VillageKind> {
        match code {
            "desa" => Some(VillageKind::Desa),
            "kelurahan" => Some(VillageKind::Kelurahan),
            _ => None,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Village {
    pub code: String,
    pub name: String,
    pub kind: VillageKind,
    /// The kecamatan unit it belongs to.
    pub district_unit: String,
    pub boundary: Option<Boundary>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CodeError {
    #[error("is not a Kemendagri village code like 35.03.01.2001")]
    Format,
    #[error("a desa's code ends in 2xxx and a kelurahan's in 1xxx")]
    KindMismatch,
}

/// Checks a village code's shape and that it agrees with the kind.
pub fn check_code(code: &str, kind: VillageKind) -> Result<(), CodeError> {
    let parts: Vec<&str> = code.split('.').collect();
    let shaped = parts.len() == 4
        && parts
            .iter()
            .zip([2, 2, 2, 4])
            .all(|(p, n)| p.len() == n && p.bytes().all(|b| b.is_ascii_digit()));
    if !shaped {
        return Err(CodeError::Format);
    }
    match (parts[3].as_bytes()[0], kind) {
        (b'1', VillageKind::Kelurahan) | (b'2', VillageKind::Desa) => Ok(()),
        _ => Err(CodeError::KindMismatch),
    }
}

/// The district part of a (checked) village code: `35.03.01`.
pub fn district_prefix(code: &str) -> &str {
    code.get(..8).unwrap_or(code)
}

/// The regency part of a (checked) village code: `35.03`.
pub fn regency_prefix(code: &str) -> &str {
    code.get(..5).unwrap_or(code)
}

/// A point as whole ten-millionths of a degree.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Point {
    pub lon: i32,
    pub lat: i32,
}

const SCALE: f64 = 1e7;

impl Point {
    /// From degrees; `None` outside the globe or not a number.
    pub fn from_degrees(lon: f64, lat: f64) -> Option<Point> {
        let ok = lon.is_finite()
            && lat.is_finite()
            && (-180.0..=180.0).contains(&lon)
            && (-90.0..=90.0).contains(&lat);
        // In range, so the rounded values fit an i32 (180e7 < 2^31).
        ok.then(|| Point {
            lon: (lon * SCALE).round() as i32,
            lat: (lat * SCALE).round() as i32,
        })
    }

    /// Latitude and longitude as typed (`-8.0521`, `-8,0521`); `None` when either is not a
    /// degree value.
    pub fn parse(latitude: &str, longitude: &str) -> Option<Point> {
        let number = |text: &str| text.trim().replace(',', ".").parse::<f64>().ok();
        Point::from_degrees(number(longitude)?, number(latitude)?)
    }

    pub fn lon_degrees(self) -> f64 {
        f64::from(self.lon) / SCALE
    }

    pub fn lat_degrees(self) -> f64 {
        f64::from(self.lat) / SCALE
    }
}

/// Polygons, each an outer ring then its holes; rings are closed (first point = last).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Boundary(pub Vec<Vec<Vec<Point>>>);

/// Most points a boundary may have: a village drawn at 1:25,000 has a few hundred; more
/// would make the map page heavy for cheap phones.
pub const MAX_BOUNDARY_POINTS: usize = 20_000;

/// The map's resolution, in ten-millionths of a degree: 0.0001° (about 11 m), finer than a
/// regency drawn 800 units wide can show.
pub const MAP_STEP: i32 = 1_000;

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum BoundaryError {
    #[error("is not GeoJSON: {0}")]
    NotGeoJson(String),
    #[error("is a {0}; a boundary is a Polygon or MultiPolygon (or a Feature holding one)")]
    NotAnArea(String),
    #[error("has a coordinate outside the globe")]
    OffTheGlobe,
    #[error("has a ring that is not closed or has fewer than 4 points")]
    OpenRing,
    #[error("has more than 20000 points")]
    TooLarge,
}

impl Boundary {
    /// Reads a GeoJSON Polygon or MultiPolygon, bare or as a Feature's geometry.
    pub fn parse(text: &str) -> Result<Boundary, BoundaryError> {
        use geojson::{GeoJson, GeometryValue};
        let geojson: GeoJson = text
            .parse()
            .map_err(|e: geojson::Error| BoundaryError::NotGeoJson(e.to_string()))?;
        let geometry = match geojson {
            GeoJson::Geometry(g) => g,
            GeoJson::Feature(f) => f
                .geometry
                .ok_or_else(|| BoundaryError::NotAnArea("Feature without geometry".into()))?,
            GeoJson::FeatureCollection(_) => {
                return Err(BoundaryError::NotAnArea("FeatureCollection".into()))
            }
        };
        let polygons = match geometry.value {
            GeometryValue::Polygon { coordinates } => vec![coordinates],
            GeometryValue::MultiPolygon { coordinates } => coordinates,
            other => return Err(BoundaryError::NotAnArea(other.type_name().into())),
        };
        let total: usize = polygons.iter().flatten().map(Vec::len).sum();
        if total > MAX_BOUNDARY_POINTS {
            return Err(BoundaryError::TooLarge);
        }
        let mut boundary = Vec::with_capacity(polygons.len());
        for polygon in polygons {
            let mut rings = Vec::with_capacity(polygon.len());
            for ring in polygon {
                let points = ring
                    .iter()
                    .map(|p| match p.as_slice() {
                        [lon, lat, ..] => Point::from_degrees(*lon, *lat),
                        _ => None,
                    })
                    .collect::<Option<Vec<Point>>>()
                    .ok_or(BoundaryError::OffTheGlobe)?;
                if points.len() < 4 || points.first() != points.last() {
                    return Err(BoundaryError::OpenRing);
                }
                rings.push(points);
            }
            if rings.is_empty() {
                return Err(BoundaryError::OpenRing);
            }
            boundary.push(rings);
        }
        if boundary.is_empty() {
            return Err(BoundaryError::NotAnArea("empty MultiPolygon".into()));
        }
        Ok(Boundary(boundary))
    }

    /// As a GeoJSON MultiPolygon geometry.
    pub fn to_geojson(&self) -> serde_json::Value {
        let polygons: Vec<Vec<Vec<[f64; 2]>>> = self
            .0
            .iter()
            .map(|polygon| {
                polygon
                    .iter()
                    .map(|ring| {
                        ring.iter()
                            .map(|p| [p.lon_degrees(), p.lat_degrees()])
                            .collect()
                    })
                    .collect()
            })
            .collect();
        serde_json::json!({ "type": "MultiPolygon", "coordinates": polygons })
    }

    pub fn points(&self) -> impl Iterator<Item = Point> + '_ {
        self.0.iter().flatten().flatten().copied()
    }

    /// The boundary as the map draws it: along each ring, a point closer than
    /// [`MAP_STEP`] (either way) to the last one kept is left out, so a surveyed boundary of
    /// twenty thousand points keeps the few hundred a screen can show. Rings stay closed;
    /// a ring that would keep fewer than 4 points is kept whole. Computed once, when the
    /// boundary is imported: the map is drawn from it on every request.
    pub fn for_map(&self) -> Boundary {
        let thin = |ring: &Vec<Point>| -> Vec<Point> {
            let mut kept: Vec<Point> = Vec::with_capacity(ring.len().min(1024));
            for (i, p) in ring.iter().enumerate() {
                let far = kept.last().is_none_or(|last| {
                    (p.lon - last.lon).abs() >= MAP_STEP || (p.lat - last.lat).abs() >= MAP_STEP
                });
                if far || i + 1 == ring.len() {
                    kept.push(*p);
                }
            }
            if kept.len() < 4 {
                ring.clone()
            } else {
                kept
            }
        };
        Boundary(
            self.0
                .iter()
                .map(|polygon| polygon.iter().map(thin).collect())
                .collect(),
        )
    }

    /// The outer rings' vertex average, where a label or marker goes.
    pub fn centre(&self) -> Option<Point> {
        let outer: Vec<Point> = self
            .0
            .iter()
            .filter_map(|polygon| polygon.first())
            .flat_map(|ring| ring.iter().skip(1).copied())
            .collect();
        let n = i64::try_from(outer.len()).ok().filter(|n| *n > 0)?;
        let sum = |f: fn(&Point) -> i32| outer.iter().map(|p| i64::from(f(p))).sum::<i64>() / n;
        // An average of i32 values is an i32.
        Some(Point {
            lon: i32::try_from(sum(|p| p.lon)).ok()?,
            lat: i32::try_from(sum(|p| p.lat)).ok()?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A ring of `n` points round a circle of `radius` degrees, closed.
    fn circle(n: usize, radius: f64) -> Vec<Point> {
        let mut ring: Vec<Point> = (0..n)
            .map(|i| {
                let a = i as f64 / n as f64 * std::f64::consts::TAU;
                Point::from_degrees(111.7 + radius * a.cos(), -8.1 + radius * a.sin()).unwrap()
            })
            .collect();
        ring.push(ring[0]);
        ring
    }

    #[test]
    fn the_map_keeps_what_a_screen_can_show() {
        // A village surveyed to 19,999 points, about 4 km across.
        let surveyed = Boundary(vec![vec![circle(19_999, 0.02)]]);
        let drawn = surveyed.for_map();
        let ring = &drawn.0[0][0];
        assert!(ring.len() < 1_300 && ring.len() > 100, "{}", ring.len());
        assert_eq!(ring.first(), ring.last(), "still closed");
        assert!(
            ring.iter().all(|p| surveyed.0[0][0].contains(p)),
            "no point made up"
        );
        // A small ring is kept whole rather than lost.
        let small = Boundary(vec![vec![circle(5, 0.00001)]]);
        assert_eq!(small.for_map(), small);
    }

    #[test]
    fn codes_have_four_parts_and_match_the_kind() {
        assert_eq!(check_code("35.03.01.2001", VillageKind::Desa), Ok(()));
        assert_eq!(check_code("35.03.11.1002", VillageKind::Kelurahan), Ok(()));
        assert_eq!(
            check_code("35.03.01.2001", VillageKind::Kelurahan),
            Err(CodeError::KindMismatch)
        );
        for bad in [
            "3503012001",
            "35.03.01.201",
            "35.3.01.2001",
            "35.03.01.2001.1",
            "35.03.0a.2001",
            "",
            "35.03.01.２001",
        ] {
            assert_eq!(
                check_code(bad, VillageKind::Desa),
                Err(CodeError::Format),
                "{bad}"
            );
        }
        assert_eq!(district_prefix("35.03.01.2001"), "35.03.01");
        assert_eq!(regency_prefix("35.03.01.2001"), "35.03");
    }

    const SQUARE: &str = r#"{"type":"Polygon","coordinates":[[[111.6,-8.2],[111.7,-8.2],[111.7,-8.1],[111.6,-8.1],[111.6,-8.2]]]}"#;

    #[test]
    fn polygons_and_features_are_read_exactly() {
        let b = Boundary::parse(SQUARE).unwrap();
        assert_eq!(b.0.len(), 1);
        assert_eq!(
            b.0[0][0][1],
            Point {
                lon: 1_117_000_000,
                lat: -82_000_000
            }
        );
        let feature = format!(r#"{{"type":"Feature","properties":{{}},"geometry":{SQUARE}}}"#);
        assert_eq!(Boundary::parse(&feature).unwrap(), b);
        // What it writes reads back the same.
        assert_eq!(Boundary::parse(&b.to_geojson().to_string()).unwrap(), b);
        assert_eq!(
            b.centre(),
            Some(Point {
                lon: 1_116_500_000,
                lat: -81_500_000
            })
        );
    }

    #[test]
    fn what_is_not_an_area_is_refused() {
        let err = |t: &str| Boundary::parse(t).unwrap_err();
        assert!(matches!(err("{"), BoundaryError::NotGeoJson(_)));
        assert!(matches!(
            err(r#"{"type":"Point","coordinates":[1,2]}"#),
            BoundaryError::NotAnArea(_)
        ));
        assert_eq!(
            err(r#"{"type":"Polygon","coordinates":[[[1,2],[3,4],[5,6],[1,3]]]}"#),
            BoundaryError::OpenRing
        );
        assert_eq!(
            err(r#"{"type":"Polygon","coordinates":[[[1,2],[3,4],[1,2]]]}"#),
            BoundaryError::OpenRing
        );
        assert_eq!(
            err(r#"{"type":"Polygon","coordinates":[[[1,200],[3,4],[5,6],[1,200]]]}"#),
            BoundaryError::OffTheGlobe
        );
        let many: Vec<String> = (0..=MAX_BOUNDARY_POINTS).map(|_| "[1,2]".into()).collect();
        assert_eq!(
            err(&format!(
                r#"{{"type":"Polygon","coordinates":[[{}]]}}"#,
                many.join(",")
            )),
            BoundaryError::TooLarge
        );
    }

    #[test]
    fn points_are_read_with_a_comma_or_a_dot() {
        assert_eq!(
            Point::parse("-8,05", "111.71"),
            Some(Point {
                lon: 1_117_100_000,
                lat: -80_500_000
            })
        );
        assert_eq!(Point::parse("-95", "111"), None);
        assert_eq!(Point::parse("NaN", "111"), None);
        assert_eq!(Point::parse("", "111"), None);
    }

    proptest::proptest! {
        #[test]
        fn any_text_is_read_or_refused_without_panicking(text in ".{0,200}") {
            let _ = Boundary::parse(&text);
            let _ = Point::parse(&text, &text);
        }
    }
}
