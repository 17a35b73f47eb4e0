//! The demo regency's catalogue of activities (kamus usulan) and strategic issues: what a
//! Bappeda would import from SIPD's dictionary, trimmed to what Musrena Keren forums ask for.

use suara_domain::musrena::catalogue::{CatalogueEntry, StrategicIssue};
use suara_domain::musrena::forum::Level;

/// Code, name, responsible unit, affair, unit of measure, unit price, levels.
type Entry = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    u64,
    &'static [Level],
);

const ENTRIES: [Entry; 8] = [
    (
        "2.15.02.2.01.0003",
        "Pemasangan penerangan jalan umum",
        "dishub",
        "Perhubungan",
        "titik",
        8_500_000,
        &[Level::Desa, Level::Kecamatan, Level::Kabupaten],
    ),
    (
        "2.15.02.2.01.0011",
        "Rambu dan penyeberangan aman dekat sekolah",
        "dishub",
        "Perhubungan",
        "paket",
        15_000_000,
        &[Level::Kecamatan, Level::Kabupaten],
    ),
    (
        "1.02.02.2.02.0008",
        "Posyandu lansia dan disabilitas: alat dan pelatihan kader",
        "dinkes",
        "Kesehatan",
        "paket",
        12_500_000,
        &[Level::Desa, Level::Kecamatan, Level::Kabupaten],
    ),
    (
        "1.02.02.2.02.0015",
        "Kelas ibu hamil dan balita",
        "dinkes",
        "Kesehatan",
        "kegiatan",
        4_000_000,
        &[Level::Desa, Level::Kecamatan],
    ),
    (
        "1.06.04.2.01.0002",
        "Alat bantu penyandang disabilitas",
        "dinsos",
        "Sosial",
        "unit",
        2_750_000,
        &[Level::Desa, Level::Kecamatan, Level::Kabupaten],
    ),
    (
        "2.08.02.2.01.0004",
        "Renovasi ruang forum anak",
        "dinsos",
        "Pemberdayaan Perempuan dan Perlindungan Anak",
        "paket",
        30_000_000,
        &[Level::Desa, Level::Kecamatan, Level::Kabupaten],
    ),
    (
        "2.08.03.2.02.0006",
        "Pelatihan keterampilan perempuan kepala keluarga",
        "dinsos",
        "Pemberdayaan Perempuan dan Perlindungan Anak",
        "orang",
        1_200_000,
        &[Level::Desa, Level::Kecamatan, Level::Kabupaten],
    ),
    (
        "2.18.03.2.01.0001",
        "Pendampingan perizinan usaha mikro",
        "dpmptsp",
        "Penanaman Modal",
        "pelaku usaha",
        350_000,
        &[Level::Desa, Level::Kecamatan, Level::Kabupaten],
    ),
];

const ISSUES: [(&str, &str); 6] = [
    ("isu-01", "Penurunan stunting"),
    ("isu-02", "Penghapusan kemiskinan ekstrem"),
    ("isu-03", "Akses layanan bagi penyandang disabilitas"),
    ("isu-04", "Kekerasan terhadap perempuan dan anak"),
    ("isu-05", "Infrastruktur dasar desa"),
    ("isu-06", "Pemberdayaan ekonomi perempuan"),
];

pub fn catalogue() -> Vec<CatalogueEntry> {
    ENTRIES
        .iter()
        .map(
            |(code, name, unit, affair, measure, price, levels)| CatalogueEntry {
                code: (*code).into(),
                name: (*name).into(),
                unit_id: (*unit).into(),
                affair: (*affair).into(),
                measure: (*measure).into(),
                unit_price: *price,
                levels: levels.to_vec(),
            },
        )
        .collect()
}

pub fn issues() -> Vec<StrategicIssue> {
    ISSUES
        .iter()
        .map(|(code, name)| StrategicIssue {
            code: (*code).into(),
            name: (*name).into(),
        })
        .collect()
}

/// The catalogue entry and strategic issue a demo proposal of `sector` picks, if any.
pub fn for_sector(sector: &str) -> Option<(&'static str, &'static str)> {
    match sector {
        "infrastructure" => Some((ENTRIES[0].0, "isu-05")),
        "health" => Some((ENTRIES[2].0, "isu-01")),
        "social" => Some((ENTRIES[4].0, "isu-03")),
        "child_protection" => Some((ENTRIES[5].0, "isu-04")),
        "economy" => Some((ENTRIES[6].0, "isu-06")),
        _ => None,
    }
}
