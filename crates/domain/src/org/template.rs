//! The import templates a regency downloads, fills and uploads: each file's columns under
//! the Indonesian headers a BKPSDM or Bappeda sheet uses (the import reads them back), and
//! one example row to copy from.

use serde::Serialize;

/// The files an organisation import takes, one per table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Table {
    Units,
    Services,
    Points,
    Officers,
    Villages,
    Catalogue,
    Issues,
}

impl Table {
    pub const ALL: [Table; 7] = [
        Table::Units,
        Table::Services,
        Table::Points,
        Table::Officers,
        Table::Villages,
        Table::Catalogue,
        Table::Issues,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Table::Units => "units",
            Table::Services => "services",
            Table::Points => "points",
            Table::Officers => "officers",
            Table::Villages => "villages",
            Table::Catalogue => "catalogue",
            Table::Issues => "issues",
        }
    }

    pub fn file_name(self) -> &'static str {
        match self {
            Table::Units => "units.csv",
            Table::Services => "services.csv",
            Table::Points => "points.csv",
            Table::Officers => "officers.csv",
            Table::Villages => "villages.csv",
            Table::Catalogue => "catalogue.csv",
            Table::Issues => "issues.csv",
        }
    }

    /// Required columns, then optional ones.
    pub fn columns(self) -> (&'static [&'static str], &'static [&'static str]) {
        match self {
            Table::Units => (
                &["unit_id", "name", "kind"],
                &[
                    "parent_id",
                    "monthly_users",
                    "service_hours",
                    "head_nip",
                    "treasurer_nip",
                ],
            ),
            Table::Services => (&["service_id", "unit_id", "name"], &[]),
            Table::Points => (&["point_id", "unit_id", "name"], &[]),
            Table::Officers => (
                &["nip", "name", "position", "unit_id"],
                &[
                    "position_class",
                    "assigned_from",
                    "serves_public",
                    "rank",
                    "npwp",
                    "bank",
                    "account_number",
                    "assigned_until",
                    "status",
                    "email",
                ],
            ),
            Table::Villages => (
                &["village_code", "name", "kind", "district_unit"],
                &["boundary"],
            ),
            Table::Catalogue => (
                &[
                    "code",
                    "name",
                    "unit_id",
                    "affair",
                    "measure",
                    "unit_price",
                    "levels",
                ],
                &[],
            ),
            Table::Issues => (&["issue_code", "name"], &[]),
        }
    }
}

/// The header a template writes for a column: one the import reads as that column.
pub fn header(table: Table, column: &str) -> &'static str {
    match (table, column) {
        (Table::Units, "unit_id") => "KODE UNIT",
        (Table::Units, "name") => "NAMA UNIT",
        (Table::Units, "kind") => "JENIS",
        (Table::Units, "parent_id") => "INDUK",
        (Table::Units, "monthly_users") => "PENGGUNA PER BULAN",
        (Table::Units, "service_hours") => "JAM LAYANAN",
        (Table::Units, "head_nip") => "NIP KEPALA",
        (Table::Units, "treasurer_nip") => "NIP BENDAHARA",
        (Table::Services, "service_id") => "KODE LAYANAN",
        (Table::Services, "name") => "NAMA LAYANAN",
        (Table::Points, "point_id") => "KODE LOKET",
        (Table::Points, "name") => "NAMA LOKET",
        (Table::Officers, "nip") => "NIP",
        (Table::Officers, "name") => "NAMA",
        (Table::Officers, "position") => "JABATAN",
        (Table::Officers, "position_class") => "KELAS JABATAN",
        (Table::Officers, "assigned_from") => "TMT JABATAN",
        (Table::Officers, "serves_public") => "MELAYANI PUBLIK",
        (Table::Officers, "rank") => "GOL/RUANG",
        (Table::Officers, "npwp") => "NPWP",
        (Table::Officers, "bank") => "NAMA BANK",
        (Table::Officers, "account_number") => "NOMOR REKENING",
        (Table::Officers, "assigned_until") => "TMT BERHENTI",
        (Table::Officers, "status") => "STATUS",
        (Table::Officers, "email") => "EMAIL",
        (Table::Villages, "village_code") => "KODE DESA",
        (Table::Villages, "name") => "NAMA DESA",
        (Table::Villages, "kind") => "JENIS",
        (Table::Villages, "district_unit") => "KECAMATAN",
        (Table::Villages, "boundary") => "BATAS WILAYAH",
        (Table::Catalogue, "code") => "KODE KEGIATAN",
        (Table::Catalogue, "name") => "NAMA KEGIATAN",
        (Table::Catalogue, "affair") => "URUSAN",
        (Table::Catalogue, "measure") => "SATUAN",
        (Table::Catalogue, "unit_price") => "HARGA SATUAN",
        (Table::Catalogue, "levels") => "TINGKAT",
        (Table::Issues, "issue_code") => "KODE ISU",
        (Table::Issues, "name") => "NAMA ISU",
        (_, "unit_id") => "UNIT KERJA",
        _ => "",
    }
}

/// The template's columns: required first, then optional, each with its header.
pub fn columns(table: Table) -> Vec<(&'static str, &'static str)> {
    let (required, optional) = table.columns();
    required
        .iter()
        .chain(optional)
        .map(|column| (*column, header(table, column)))
        .collect()
}

/// Columns a spreadsheet must keep as text: codes and numbers whose leading zeros or digits
/// matter.
pub fn is_text(column: &str) -> bool {
    matches!(
        column,
        "nip"
            | "npwp"
            | "account_number"
            | "village_code"
            | "code"
            | "issue_code"
            | "head_nip"
            | "treasurer_nip"
    )
}

/// One example row, in the template's column order.
pub fn example(table: Table) -> &'static [&'static str] {
    match table {
        Table::Units => &[
            "pkm-panggul",
            "Puskesmas Panggul",
            "puskesmas",
            "dinkes",
            "900",
            "Sen-Kam 07:30-14:00; Jum 07:30-11:00",
            "",
            "",
        ],
        Table::Services => &["rawat-jalan", "pkm-panggul", "Rawat jalan"],
        Table::Points => &["loket-1", "pkm-panggul", "Loket pendaftaran"],
        Table::Officers => &[
            "198001012005011001",
            "Sri Wahyuni, S.Kep",
            "Perawat Ahli Pertama",
            "Puskesmas Panggul",
            "7",
            "02-01-2024",
            "ya",
            "III/c",
            "09.254.294.3-407.000",
            "Bank Jatim",
            "0011223344",
            "",
            "aktif",
            "sri.wahyuni@trenggalekkab.go.id",
        ],
        Table::Villages => &["35.03.01.2001", "Panggul", "desa", "kecamatan-panggul", ""],
        Table::Catalogue => &[
            "1.03.10.2.01.0017",
            "Rehabilitasi jalan desa",
            "dinas-pupr",
            "Pekerjaan Umum",
            "m",
            "1500000",
            "desa;kecamatan",
        ],
        Table::Issues => &["isu-01", "Stunting dan gizi buruk"],
    }
}

/// The template as CSV: the header row only, `;`-separated as Indonesian-locale Excel
/// writes it, with a UTF-8 byte-order mark so Excel reads the text as UTF-8.
pub fn csv(table: Table) -> Vec<u8> {
    let headers: Vec<&str> = columns(table).iter().map(|(_, h)| *h).collect();
    let mut out = b"\xEF\xBB\xBF".to_vec();
    out.extend_from_slice(headers.join(";").as_bytes());
    out.extend_from_slice(b"\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::org::import::{plan_import, ImportFiles, Snapshot};

    /// Every header reads back as its column, and every example has a cell per column.
    #[test]
    fn every_template_reads_back_as_its_file() {
        for table in Table::ALL {
            let columns = columns(table);
            assert_eq!(columns.len(), example(table).len(), "{table:?}");
            for (column, header) in &columns {
                assert!(!header.is_empty(), "{table:?} {column}");
                assert_eq!(
                    crate::org::import::column_of(table, header),
                    Some(*column),
                    "{table:?}: {header}"
                );
            }
        }
    }

    /// The empty template imports as a file with no rows; filled with its example (and the
    /// units it names), it imports.
    #[test]
    fn a_filled_template_imports() {
        let filled = |table: Table, rows: &[&[&str]]| {
            let mut writer = ::csv::WriterBuilder::new()
                .delimiter(b';')
                .from_writer(csv(table));
            for row in rows {
                writer.write_record(*row).unwrap();
            }
            writer.into_inner().unwrap()
        };
        let units = filled(
            Table::Units,
            &[
                &["dinkes", "Dinas Kesehatan", "dinas", "", "", "", "", ""],
                example(Table::Units),
            ],
        );
        let officers = filled(Table::Officers, &[example(Table::Officers)]);
        let plan = plan_import(
            &ImportFiles {
                units: Some(&units),
                officers: Some(&officers),
                ..ImportFiles::default()
            },
            &Snapshot::default(),
            time::macros::date!(2026 - 12 - 01),
        )
        .unwrap();
        assert_eq!(plan.officers[0].after.unit_id, "pkm-panggul");
        assert_eq!(plan.officers[0].after.pay.account_number, "0011223344");
        let empty = csv(Table::Services);
        let plan = plan_import(
            &ImportFiles {
                services: Some(&empty),
                ..ImportFiles::default()
            },
            &Snapshot::default(),
            time::macros::date!(2026 - 12 - 01),
        )
        .unwrap();
        assert!(plan.is_empty());
    }
}
