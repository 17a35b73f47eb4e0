//! The demo regency's villages: real village names of Trenggalek's 14 districts under their
//! Kemendagri codes (35.03.DD.VVVV; kelurahan 1xxx, desa 2xxx). The boundaries are
//! schematic: each district a block in roughly its place in the regency, split into
//! rectangles, so the map works offline without claiming to be a survey.

use suara_domain::org::village::{Boundary, Point, Village, VillageKind};

/// District (code order), its block in the regency (column, row from the north) and some
/// of its villages; names with `*` are kelurahan.
const DISTRICTS: [(&str, (u8, u8), &[&str]); 14] = [
    (
        "Panggul",
        (0, 3),
        &[
            "Panggul",
            "Bodag",
            "Banjar",
            "Besuki",
            "Manggis",
            "Ngrencak",
            "Wonocoyo",
            "Karangtengah",
        ],
    ),
    (
        "Munjungan",
        (2, 3),
        &[
            "Munjungan",
            "Bangun",
            "Masaran",
            "Bendoroto",
            "Craken",
            "Ngulungkulon",
        ],
    ),
    (
        "Pule",
        (0, 2),
        &[
            "Pule",
            "Jombok",
            "Karanganyar",
            "Joho",
            "Pakel",
            "Sidomulyo",
        ],
    ),
    (
        "Dongko",
        (1, 3),
        &[
            "Dongko",
            "Pandean",
            "Sumberbening",
            "Cakul",
            "Ngerdani",
            "Petung",
            "Pringapus",
        ],
    ),
    (
        "Tugu",
        (0, 1),
        &[
            "Tugu",
            "Gondang",
            "Dermosari",
            "Jambu",
            "Nglinggis",
            "Ngepeh",
            "Sukorejo",
        ],
    ),
    (
        "Karangan",
        (1, 2),
        &[
            "Karangan",
            "Buluagung",
            "Jati",
            "Kayen",
            "Kedungsigit",
            "Ngentrong",
        ],
    ),
    (
        "Kampak",
        (3, 2),
        &[
            "Kampak",
            "Bendoagung",
            "Bogoran",
            "Karangrejo",
            "Senden",
            "Sugihan",
        ],
    ),
    (
        "Watulimo",
        (3, 3),
        &[
            "Watulimo",
            "Prigi",
            "Tasikmadu",
            "Karanggandu",
            "Margomulyo",
            "Sawahan",
            "Ngembel",
        ],
    ),
    (
        "Bendungan",
        (2, 0),
        &[
            "Dompyong",
            "Masaran",
            "Srabah",
            "Depok",
            "Sumurup",
            "Botoputih",
        ],
    ),
    (
        "Gandusari",
        (2, 2),
        &[
            "Gandusari",
            "Sukorame",
            "Wonoanti",
            "Widoro",
            "Krandegan",
            "Ngrayung",
        ],
    ),
    (
        "Trenggalek",
        (1, 1),
        &[
            "Sumbergedong*",
            "Ngantru*",
            "Kelutan*",
            "Surodakan*",
            "Tamanan*",
            "Sambirejo",
            "Karangsoko",
        ],
    ),
    (
        "Pogalan",
        (2, 1),
        &[
            "Pogalan",
            "Bendorejo",
            "Gembleb",
            "Ngadirenggo",
            "Ngadirejo",
            "Ngetal",
        ],
    ),
    (
        "Durenan",
        (3, 1),
        &[
            "Durenan",
            "Baruharjo",
            "Kamulan",
            "Karanganom",
            "Sumberejo",
            "Semarum",
        ],
    ),
    (
        "Suruh",
        (1, 0),
        &["Suruh", "Gamping", "Mlinjon", "Nglebo", "Ngrandu", "Puru"],
    ),
];

/// The regency's north-west corner and a block's size, in ten-millionths of a degree.
const WEST: i32 = 1_114_500_000;
const NORTH: i32 = -79_500_000;
const BLOCK_LON: i32 = 1_100_000;
const BLOCK_LAT: i32 = 900_000;

/// Grid cells `first..=last` of one row as a rectangle with a vertex at every column
/// boundary, so neighbours share vertices exactly (the map finds borders by shared edges).
fn cells(xs: &[i32], first: usize, last: usize, north: i32, south: i32) -> Boundary {
    let p = |lon, lat| Point { lon, lat };
    let mut ring: Vec<Point> = xs[first..=last + 1].iter().map(|x| p(*x, north)).collect();
    ring.extend(xs[first..=last + 1].iter().rev().map(|x| p(*x, south)));
    ring.push(ring[0]);
    Boundary(vec![vec![ring]])
}

pub fn district_unit(district: &str) -> String {
    format!("kecamatan-{}", district.to_lowercase())
}

pub fn villages() -> Vec<Village> {
    let mut all = Vec::new();
    for (d, (district, (col, row), names)) in DISTRICTS.iter().enumerate() {
        let columns = (names.len() as f64).sqrt().ceil() as i32;
        let rows = (names.len() as i32 + columns - 1) / columns;
        let (west, north) = (
            WEST + i32::from(*col) * BLOCK_LON,
            NORTH - i32::from(*row) * BLOCK_LAT,
        );
        let (mut desa, mut kelurahan) = (0, 0);
        for (i, name) in names.iter().enumerate() {
            let (name, kind, number) = match name.strip_suffix('*') {
                Some(name) => {
                    kelurahan += 1;
                    (name, VillageKind::Kelurahan, 1000 + kelurahan)
                }
                None => {
                    desa += 1;
                    (*name, VillageKind::Desa, 2000 + desa)
                }
            };
            let (c, r) = (i as i32 % columns, i as i32 / columns);
            // The last village of a short last row stretches to the block's east edge.
            let last = if i == names.len() - 1 { columns - 1 } else { c };
            let xs: Vec<i32> = (0..=columns)
                .map(|k| west + k * (BLOCK_LON / columns))
                .collect();
            let h = BLOCK_LAT / rows;
            all.push(Village {
                code: format!("35.03.{:02}.{number}", d + 1),
                name: name.to_string(),
                kind,
                district_unit: district_unit(district),
                boundary: Some(cells(
                    &xs,
                    c as usize,
                    last as usize,
                    north - r * h,
                    north - (r + 1) * h,
                )),
            });
        }
    }
    all
}

/// The code of a district's `n`-th village (wrapping).
pub fn nth_of(villages: &[Village], district: &str, n: usize) -> String {
    let unit = district_unit(district);
    let of: Vec<&Village> = villages
        .iter()
        .filter(|v| v.district_unit == unit)
        .collect();
    of.get(n % of.len().max(1))
        .map_or_else(String::new, |v| v.code.clone())
}

#[cfg(test)]
mod tests {
    use suara_domain::org::import::{plan_import, ImportFiles, Snapshot};

    /// The demo's villages pass the same checks as an imported file.
    #[test]
    fn the_demo_villages_import_cleanly() {
        let mut csv = String::from("village_code,name,kind,district_unit,boundary\n");
        for v in super::villages() {
            let boundary = v
                .boundary
                .map(|b| b.to_geojson().to_string().replace('"', "\"\""));
            csv += &format!(
                "{},{},{},{},\"{}\"\n",
                v.code,
                v.name,
                v.kind.code(),
                v.district_unit,
                boundary.unwrap_or_default()
            );
        }
        let mut units = String::from("unit_id,name,kind\n");
        for (district, _, _) in super::DISTRICTS {
            units += &format!(
                "{},Kecamatan {district},kecamatan\n",
                super::district_unit(district)
            );
        }
        let files = ImportFiles {
            units: Some(units.as_bytes()),
            villages: Some(csv.as_bytes()),
            ..ImportFiles::default()
        };
        let plan = plan_import(
            &files,
            &Snapshot::default(),
            time::macros::date!(2026 - 01 - 01),
        )
        .unwrap();
        assert_eq!(plan.villages.len(), super::villages().len());
        assert_eq!(
            plan.villages
                .iter()
                .filter(|c| c.after.kind == suara_domain::org::village::VillageKind::Kelurahan)
                .count(),
            5
        );
    }
}
