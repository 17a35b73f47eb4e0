//! Importing a regency's organisation from CSV files: `units.csv`, `services.csv`,
//! `points.csv` (service points), `officers.csv`, `villages.csv`, and for Musrena the
//! catalogue of activities (`catalogue.csv`) and strategic issues (`issues.csv`), any of them
//! at once.
//!
//! [`plan_import`] checks every row of every file against the others and the current
//! organisation and returns either every problem (table, line, field, reason) or the list of
//! changes to make. Nothing is half-imported: with any problem there is no plan. Rows equal
//! to what is stored make no change, so importing the same files twice changes nothing the
//! second time. Rows are never deleted by an import; an officer's row that gives a last
//! working day and a reason (TMT BERHENTI, STATUS) ends their assignment, as the departure
//! page does.

use std::collections::{BTreeSet, HashMap, HashSet};

use serde::Serialize;
use time::macros::format_description;

use super::departure::{self, Departure, DepartureReason};
use super::hours::ServiceHours;
use super::tree::UnitTree;
use super::village::{self, Boundary, Village, VillageKind};
use super::{valid_nip, Date, Officer, PayDetails, Service, ServicePoint, Unit};
use crate::musrena::catalogue::{parse_levels, CatalogueEntry, StrategicIssue};
use crate::period::Month;
use crate::reason::Reason;
use crate::spreadsheet::{csv_reader, describe_csv_error, read_sheet};
use crate::survey::valid_code;

pub use super::template::Table;

/// The uploaded files; absent tables are left as they are.
#[derive(Clone, Copy, Debug, Default)]
pub struct ImportFiles<'a> {
    pub units: Option<&'a [u8]>,
    pub services: Option<&'a [u8]>,
    pub points: Option<&'a [u8]>,
    pub officers: Option<&'a [u8]>,
    pub villages: Option<&'a [u8]>,
    pub catalogue: Option<&'a [u8]>,
    pub issues: Option<&'a [u8]>,
}

impl<'a> ImportFiles<'a> {
    pub fn get(&self, table: Table) -> Option<&'a [u8]> {
        match table {
            Table::Units => self.units,
            Table::Services => self.services,
            Table::Points => self.points,
            Table::Officers => self.officers,
            Table::Villages => self.villages,
            Table::Catalogue => self.catalogue,
            Table::Issues => self.issues,
        }
    }

    pub fn set(&mut self, table: Table, bytes: &'a [u8]) {
        let slot = match table {
            Table::Units => &mut self.units,
            Table::Services => &mut self.services,
            Table::Points => &mut self.points,
            Table::Officers => &mut self.officers,
            Table::Villages => &mut self.villages,
            Table::Catalogue => &mut self.catalogue,
            Table::Issues => &mut self.issues,
        };
        *slot = Some(bytes);
    }
}

/// One problem in one row (line 1 is the header).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RowError {
    pub table: Table,
    pub line: u64,
    pub field: String,
    pub reason: Reason,
}

impl std::fmt::Display for RowError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} line {}: {}: {}",
            self.table.file_name(),
            self.line,
            self.field,
            self.reason
        )
    }
}

/// An officer as stored now, with the start of their current assignment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CurrentOfficer {
    pub officer: Officer,
    pub since: Date,
    /// The last working day of an officer with no assignment open beyond it (left, or
    /// leaving on that day); `None` while they work on.
    pub left_on: Option<Date>,
}

/// The organisation as stored, which the files are checked against.
#[derive(Clone, Debug, Default)]
pub struct Snapshot {
    pub units: Vec<Unit>,
    pub services: Vec<Service>,
    pub points: Vec<ServicePoint>,
    pub officers: Vec<CurrentOfficer>,
    pub villages: Vec<Village>,
    pub catalogue: Vec<CatalogueEntry>,
    pub issues: Vec<StrategicIssue>,
    /// Months whose TPP is approved or locked: no move may start in or before them.
    pub closed_months: BTreeSet<Month>,
    /// Officers' e-mail addresses by NIP, where their first sign-in is sent.
    pub contacts: HashMap<String, String>,
}

/// A row to insert (`before` is `None`) or update.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change<T> {
    pub before: Option<T>,
    pub after: T,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OfficerChange {
    pub before: Option<Officer>,
    pub after: Officer,
    /// Set when the officer is new or moves to another unit or position: the new
    /// assignment starts then, and the previous one ends the day before.
    pub new_assignment_from: Option<Date>,
}

/// An officer whose list row gives a last working day and why (TMT BERHENTI, STATUS): their
/// open assignment ends then, as on the departure page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OfficerDeparture {
    pub nip: String,
    /// As the row gives it, to list before importing.
    pub name: String,
    pub departure: Departure,
}

/// A start date a row gives that the import leaves as stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StartKept {
    pub nip: String,
    pub name: String,
    pub stored: Date,
    pub given: Date,
}

/// An officer's e-mail address as a personnel list gives it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OfficerContact {
    pub nip: String,
    /// As the row gives it, to list before importing.
    pub name: String,
    pub email: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportPlan {
    /// Parents before children, so each insert finds its parent.
    pub units: Vec<Change<Unit>>,
    pub services: Vec<Change<Service>>,
    pub points: Vec<Change<ServicePoint>>,
    pub officers: Vec<OfficerChange>,
    /// Applied after `officers`, so a row may bring in and end the same officer.
    pub departures: Vec<OfficerDeparture>,
    /// Officers' e-mail addresses the list gives anew (not pay data: an account made for
    /// the officer takes it, and their first sign-in is mailed there).
    pub contacts: Vec<OfficerContact>,
    /// Officers whose row gives another start (TMT JABATAN) for the assignment they are in:
    /// an import never moves a current assignment's start, so the stored one stays; shown
    /// before importing rather than dropped unseen.
    pub starts_kept: Vec<StartKept>,
    /// New officers whose row gives no start: they start on the day of the import, so no
    /// earlier month pays them.
    pub starting_today: usize,
    pub villages: Vec<Change<Village>>,
    pub catalogue: Vec<Change<CatalogueEntry>>,
    pub issues: Vec<Change<StrategicIssue>>,
    /// Rows equal to what is stored.
    pub unchanged: usize,
    /// Columns of the files that suara does not use (a SIMPEG export's rank or echelon,
    /// say), as headed in the file: shown before importing, never read.
    pub ignored_columns: Vec<(Table, String)>,
}

/// Added and updated rows of one table.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct TableCounts {
    pub added: usize,
    pub updated: usize,
    /// Officers whose assignment the file ends.
    pub ended: usize,
}

impl ImportPlan {
    pub fn is_empty(&self) -> bool {
        self.units.is_empty()
            && self.services.is_empty()
            && self.points.is_empty()
            && self.officers.is_empty()
            && self.departures.is_empty()
            && self.contacts.is_empty()
            && self.villages.is_empty()
            && self.catalogue.is_empty()
            && self.issues.is_empty()
    }

    pub fn counts(&self, table: Table) -> TableCounts {
        fn count(befores: impl Iterator<Item = bool>) -> TableCounts {
            befores.fold(TableCounts::default(), |mut c, existed| {
                if existed {
                    c.updated += 1;
                } else {
                    c.added += 1;
                }
                c
            })
        }
        match table {
            Table::Units => count(self.units.iter().map(|c| c.before.is_some())),
            Table::Services => count(self.services.iter().map(|c| c.before.is_some())),
            Table::Points => count(self.points.iter().map(|c| c.before.is_some())),
            Table::Officers => TableCounts {
                ended: self.departures.len(),
                ..count(self.officers.iter().map(|c| c.before.is_some()))
            },
            Table::Villages => count(self.villages.iter().map(|c| c.before.is_some())),
            Table::Catalogue => count(self.catalogue.iter().map(|c| c.before.is_some())),
            Table::Issues => count(self.issues.iter().map(|c| c.before.is_some())),
        }
    }
}

const NAME_MAX_CHARS: usize = 200;

/// The officers' changes in `plan`: new, moved, returning, leaving or unchanged, with the
/// starts kept as stored and the officers starting today.
fn add_officer_changes(plan: &mut ImportPlan, officers: Vec<ParsedOfficer>, current: &Snapshot) {
    for ParsedOfficer {
        officer,
        from,
        returning,
        departure,
        explicit_from,
    } in officers
    {
        let before = current
            .officers
            .iter()
            .find(|c| c.officer.nip == officer.nip);
        match before {
            None if !explicit_from => plan.starting_today += 1,
            Some(b)
                if explicit_from
                    && !returning
                    && b.left_on.is_none()
                    && from != b.since
                    && b.officer.unit_id == officer.unit_id
                    && b.officer.position == officer.position =>
            {
                plan.starts_kept.push(StartKept {
                    nip: officer.nip.clone(),
                    name: officer.name.clone(),
                    stored: b.since,
                    given: from,
                });
            }
            _ => {}
        }
        if let Some(departure) = departure {
            plan.departures.push(OfficerDeparture {
                nip: officer.nip.clone(),
                name: officer.name.clone(),
                departure,
            });
        }
        match before {
            Some(before) if before.officer == officer && !returning => {
                plan.unchanged += usize::from(departure.is_none());
            }
            _ => {
                let moves = returning
                    || before.is_none_or(|b| {
                        b.officer.unit_id != officer.unit_id
                            || b.officer.position != officer.position
                    });
                plan.officers.push(OfficerChange {
                    before: before.map(|b| b.officer.clone()),
                    after: officer,
                    new_assignment_from: moves.then_some(from),
                });
            }
        }
    }
}

/// Checks the files and works out the changes; see the module documentation.
pub fn plan_import(
    files: &ImportFiles,
    current: &Snapshot,
    today: Date,
) -> Result<ImportPlan, Vec<RowError>> {
    let mut errors = Vec::new();
    let mut ignored_columns = Vec::new();
    let mut rows: HashMap<Table, Vec<Row>> = HashMap::new();
    for table in Table::ALL {
        if let Some(bytes) = files.get(table) {
            rows.insert(
                table,
                read_rows(table, bytes, &mut errors, &mut ignored_columns),
            );
        }
    }
    let rows_of = |table| rows.get(&table).map_or(&[][..], Vec::as_slice);

    let nips = signer_nips(current, rows_of(Table::Officers));
    let units = parse_units(rows_of(Table::Units), current, &nips, &mut errors);
    let known_units = UnitRefs::new(current.units.iter().chain(&units));
    let services = parse_simple(
        rows_of(Table::Services),
        Table::Services,
        &known_units,
        &mut errors,
        |service_id, unit_id, name| Service {
            service_id,
            unit_id,
            name,
        },
    );
    let points = parse_simple(
        rows_of(Table::Points),
        Table::Points,
        &known_units,
        &mut errors,
        |point_id, unit_id, name| ServicePoint {
            point_id,
            unit_id,
            name,
        },
    );
    let officers = parse_officers(
        rows_of(Table::Officers),
        current,
        &known_units,
        today,
        &mut errors,
    );
    let contacts = parse_contacts(rows_of(Table::Officers), current, &mut errors);
    let villages = parse_villages(rows_of(Table::Villages), current, &units, &mut errors);
    let catalogue = parse_catalogue(rows_of(Table::Catalogue), &known_units, &mut errors);
    let issues = parse_issues(rows_of(Table::Issues), &mut errors);

    if !errors.is_empty() {
        errors.sort_by_key(|e| (e.table, e.line));
        return Err(errors);
    }

    let mut plan = ImportPlan {
        ignored_columns,
        contacts,
        ..ImportPlan::default()
    };
    plan.units = ordered_unit_changes(units, &current.units, &mut plan.unchanged);
    plan.services = diff(
        services,
        &current.services,
        |s| &s.service_id,
        &mut plan.unchanged,
    );
    plan.points = diff(
        points,
        &current.points,
        |p| &p.point_id,
        &mut plan.unchanged,
    );
    plan.villages = diff(
        villages,
        &current.villages,
        |v| &v.code,
        &mut plan.unchanged,
    );
    plan.catalogue = diff(
        catalogue,
        &current.catalogue,
        |e| &e.code,
        &mut plan.unchanged,
    );
    plan.issues = diff(issues, &current.issues, |i| &i.code, &mut plan.unchanged);
    add_officer_changes(&mut plan, officers, current);
    Ok(plan)
}

/// The NIPs a unit's signers may have: officers stored or in this import's list.
fn signer_nips(current: &Snapshot, officer_rows: &[Row]) -> HashSet<String> {
    current
        .officers
        .iter()
        .map(|o| o.officer.nip.clone())
        .chain(officer_rows.iter().map(|r| r.get("nip").replace(' ', "")))
        .collect()
}

/// The units' changes, parents before children so each insert finds its parent.
fn ordered_unit_changes(
    units: Vec<Unit>,
    current: &[Unit],
    unchanged: &mut usize,
) -> Vec<Change<Unit>> {
    let mut unit_changes = diff(units, current, |u| &u.unit_id, unchanged);
    // Parents first: sort by depth in the tree as it will be.
    let final_tree = UnitTree::new(
        current
            .iter()
            .filter(|u| !unit_changes.iter().any(|c| c.after.unit_id == u.unit_id))
            .chain(unit_changes.iter().map(|c| &c.after))
            .map(|u| (u.unit_id.as_str(), u.parent_id.as_deref())),
    );
    unit_changes.sort_by_key(|c| final_tree.depth(&c.after.unit_id));
    unit_changes
}

fn diff<T: Clone + PartialEq>(
    rows: Vec<T>,
    current: &[T],
    key: impl Fn(&T) -> &String,
    unchanged: &mut usize,
) -> Vec<Change<T>> {
    let by_key: HashMap<&String, &T> = current.iter().map(|t| (key(t), t)).collect();
    let mut changes = Vec::new();
    for row in rows {
        match by_key.get(key(&row)) {
            Some(&before) if *before == row => *unchanged += 1,
            before => changes.push(Change {
                before: before.map(|&b| b.clone()),
                after: row,
            }),
        }
    }
    changes
}

/// One data row: its line and cells by column name.
struct Row {
    table: Table,
    line: u64,
    cells: HashMap<String, String>,
}

impl Row {
    fn get(&self, column: &str) -> &str {
        self.cells.get(column).map_or("", |v| v.trim())
    }

    fn error(&self, field: &str, reason: Reason) -> RowError {
        RowError {
            table: self.table,
            line: self.line,
            field: field.into(),
            reason,
        }
    }

    /// A required code (lowercase letters, digits, `-`, `_`, `.`).
    fn code(&self, field: &str, errors: &mut Vec<RowError>) -> Option<String> {
        let value = self.get(field);
        if value.is_empty() {
            errors.push(self.error(field, Reason::IsEmpty));
            None
        } else if !valid_code(value) {
            errors.push(self.error(
                field,
                Reason::NotACode {
                    value: value.to_string(),
                },
            ));
            None
        } else {
            Some(value.to_string())
        }
    }

    fn text(&self, field: &str, errors: &mut Vec<RowError>) -> Option<String> {
        let value = self.get(field);
        if value.is_empty() {
            errors.push(self.error(field, Reason::IsEmpty));
            None
        } else if value.chars().count() > NAME_MAX_CHARS {
            errors.push(self.error(
                field,
                Reason::LongerThan {
                    max: NAME_MAX_CHARS,
                },
            ));
            None
        } else {
            Some(value.to_string())
        }
    }

    /// A unit by its code or, as SIMPEG exports give it, by its name.
    fn unit_ref(
        &self,
        field: &str,
        known: &UnitRefs,
        errors: &mut Vec<RowError>,
    ) -> Option<String> {
        let value = self.get(field);
        if value.is_empty() {
            errors.push(self.error(field, Reason::IsEmpty));
            return None;
        }
        if known.codes.contains(value) {
            return Some(value.to_string());
        }
        match known.names.get(&folded(value)).map(Vec::as_slice) {
            Some([code]) => Some((*code).to_string()),
            Some(_) => {
                errors.push(self.error(
                    field,
                    Reason::UnitsShareAName {
                        name: value.to_string(),
                    },
                ));
                None
            }
            None => {
                errors.push(self.error(
                    field,
                    Reason::NotAUnit {
                        value: value.to_string(),
                    },
                ));
                None
            }
        }
    }

    /// Records the key and reports a repeat within the same file.
    fn unique(
        &self,
        field: &str,
        key: &str,
        seen: &mut HashMap<String, u64>,
        errors: &mut Vec<RowError>,
    ) -> bool {
        match seen.insert(key.to_string(), self.line) {
            Some(first) => {
                errors.push(self.error(
                    field,
                    Reason::AlreadyOnLine {
                        value: key.to_string(),
                        line: first,
                    },
                ));
                false
            }
            None => true,
        }
    }
}

/// A header as written, folded for matching: lowercase, with `/ . - _ ( )` as spaces and
/// runs of spaces as one (`GOL/RUANG` → `gol ruang`, `unit_id` → `unit id`).
fn folded(header: &str) -> String {
    header
        .to_lowercase()
        .replace(['/', '.', '-', '_', '(', ')'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Other names a column goes by in the files a regency has (SIMPEG exports, BKPSDM's own
/// sheets), folded; the column's own name always matches.
fn aliases(table: Table, column: &str) -> &'static [&'static str] {
    const UNIT: &[&str] = &[
        "unit",
        "unit kerja",
        "kode unit",
        "opd",
        "perangkat daerah",
        "satuan kerja",
        "satker",
    ];
    match (table, column) {
        (Table::Officers, "nip") => &["nip baru", "nomor induk pegawai"],
        (Table::Officers, "name") => &["nama", "nama pegawai", "nama lengkap", "nama asn"],
        (Table::Officers, "position") => &["jabatan", "nama jabatan"],
        (Table::Officers | Table::Services | Table::Points | Table::Catalogue, "unit_id") => UNIT,
        (Table::Officers, "position_class") => &["kelas jabatan", "kelas"],
        (Table::Officers, "assigned_from") => {
            &["tmt jabatan", "tmt", "mulai bertugas", "tanggal mulai"]
        }
        (Table::Officers, "serves_public") => &["melayani publik", "layanan publik"],
        (Table::Officers, "assigned_until") => &[
            "tmt berhenti",
            "tanggal berhenti",
            "hari kerja terakhir",
            "akhir tugas",
        ],
        (Table::Officers, "status") => &["alasan berhenti"],
        (Table::Officers, "rank") => &[
            "gol ruang",
            "golongan",
            "golongan ruang",
            "gol",
            "pangkat gol",
            "pangkat gol ruang",
        ],
        (Table::Officers, "npwp") => &["nomor npwp", "no npwp"],
        (Table::Officers, "email") => &[
            "e mail",
            "surel",
            "alamat email",
            "alamat e mail",
            "alamat surel",
        ],
        (Table::Officers, "bank") => &["nama bank"],
        (Table::Officers, "account_number") => {
            &["nomor rekening", "no rekening", "rekening", "no rek"]
        }
        (Table::Units, "unit_id") => &["kode unit", "kode"],
        (Table::Units, "parent_id") => &["induk", "kode induk", "unit induk"],
        (Table::Units, "name") => &["nama", "nama unit", "unit kerja"],
        (Table::Units, "kind") => &["jenis", "jenis unit"],
        (Table::Units, "monthly_users") => &[
            "pengguna per bulan",
            "jumlah pengguna",
            "pengguna layanan per bulan",
        ],
        (Table::Units, "service_hours") => &["jam layanan", "jam pelayanan"],
        (Table::Units, "head_nip") => &["nip kepala", "nip kepala unit", "nip pimpinan"],
        (Table::Units, "treasurer_nip") => &[
            "nip bendahara",
            "nip bendahara pengeluaran",
            "nip bendahara pengeluaran pembantu",
        ],
        (Table::Services, "service_id") => &["kode layanan", "kode"],
        (Table::Services, "name") => &["nama", "nama layanan", "layanan"],
        (Table::Points, "point_id") => &["kode loket", "kode"],
        (Table::Points, "name") => &["nama", "nama loket", "loket"],
        (Table::Villages, "village_code") => &["kode desa", "kode wilayah", "kode"],
        (Table::Villages, "name") => &["nama", "nama desa", "desa kelurahan"],
        (Table::Villages, "kind") => &["jenis"],
        (Table::Villages, "district_unit") => &["kecamatan", "unit kecamatan"],
        (Table::Villages, "boundary") => &["batas wilayah", "batas"],
        (Table::Catalogue, "code") => &["kode kegiatan", "kode"],
        (Table::Catalogue, "name") => &["nama kegiatan", "nama"],
        (Table::Catalogue, "affair") => &["urusan"],
        (Table::Catalogue, "measure") => &["satuan"],
        (Table::Catalogue, "unit_price") => &["harga satuan"],
        (Table::Catalogue, "levels") => &["tingkat"],
        (Table::Issues, "issue_code") => &["kode isu", "kode"],
        (Table::Issues, "name") => &["nama isu", "nama", "isu"],
        _ => &[],
    }
}

/// Columns of personnel lists (SIMPEG exports, BKPSDM's sheets) that suara does not use,
/// folded: skipped and listed. Any other unknown header is refused, since it may be one of
/// suara's own columns misspelt.
const PERSONNEL_COLUMNS: &[&str] = &[
    "no",
    "nomor",
    "pangkat",
    "tmt golongan",
    "tmt pangkat",
    "eselon",
    "jenis jabatan",
    "nik",
    "tempat lahir",
    "tanggal lahir",
    "tgl lahir",
    "jenis kelamin",
    "agama",
    "pendidikan",
    "pendidikan terakhir",
    "status pegawai",
    "alamat",
    "email",
    "no hp",
    "telepon",
    "keterangan",
];

/// Columns whose cells must be text in a workbook: digits whose leading zeros matter.
const TEXT_ONLY: &[&str] = &["npwp", "account_number", "head_nip", "treasurer_nip"];

/// The column a header names, if suara reads it.
pub(crate) fn column_of(table: Table, header: &str) -> Option<&'static str> {
    let (required, optional) = table.columns();
    let header = folded(header);
    required.iter().chain(optional).copied().find(|column| {
        folded(column) == header || aliases(table, column).contains(&header.as_str())
    })
}

/// The units rows may name: by code, or by name (folded).
struct UnitRefs<'a> {
    codes: HashSet<&'a str>,
    names: HashMap<String, Vec<&'a str>>,
}

impl<'a> UnitRefs<'a> {
    /// Units of the file after the stored ones, so a unit in the file wins over its old name.
    fn new(units: impl Iterator<Item = &'a Unit>) -> UnitRefs<'a> {
        let mut latest: HashMap<&str, &Unit> = HashMap::new();
        for unit in units {
            latest.insert(unit.unit_id.as_str(), unit);
        }
        let mut names: HashMap<String, Vec<&str>> = HashMap::new();
        for unit in latest.values() {
            names
                .entry(folded(&unit.name))
                .or_default()
                .push(&unit.unit_id);
        }
        UnitRefs {
            codes: latest.keys().copied().collect(),
            names,
        }
    }
}

fn read_rows(
    table: Table,
    bytes: &[u8],
    errors: &mut Vec<RowError>,
    ignored: &mut Vec<(Table, String)>,
) -> Vec<Row> {
    let header_error = |field: &str, reason: Reason| RowError {
        table,
        line: 1,
        field: field.into(),
        reason,
    };
    let sheet = match read_sheet(bytes) {
        Ok(sheet) => sheet,
        Err(e) => {
            errors.push(header_error("file", e.into()));
            return Vec::new();
        }
    };
    let mut reader = csv_reader(&sheet.csv);
    let written: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|c| c.trim().to_string()).collect(),
        Err(e) => {
            errors.push(header_error("header", describe_csv_error(&e).1.into()));
            return Vec::new();
        }
    };
    let before = errors.len();
    let header = header_columns(table, &written, errors, ignored);
    if errors.len() > before {
        return Vec::new();
    }
    let mut rows = Vec::new();
    for (index, record) in reader.records().enumerate() {
        match record {
            Ok(record) => {
                if record.iter().all(|cell| cell.trim().is_empty()) {
                    continue;
                }
                let row = Row {
                    table,
                    line: record.position().map_or(0, |p| p.line()),
                    cells: header
                        .iter()
                        .cloned()
                        .zip(record.iter().map(str::to_string))
                        .filter(|(column, _)| !column.is_empty())
                        .collect(),
                };
                // A workbook keeps a number without its leading zeros: where pay is sent,
                // such a cell may already be someone else's account.
                for (column, name) in header.iter().enumerate() {
                    if TEXT_ONLY.contains(&name.as_str())
                        && sheet.numbers.contains(&(index + 1, column))
                    {
                        errors.push(row.error(
                            name,
                            Reason::StoredAsNumber {
                                value: row.get(name).to_string(),
                            },
                        ));
                    }
                }
                rows.push(row);
            }
            Err(e) => {
                let (line, problem) = describe_csv_error(&e);
                errors.push(RowError {
                    table,
                    line: line.unwrap_or(0),
                    field: "row".into(),
                    reason: problem.into(),
                });
            }
        }
    }
    rows
}

/// The column each header of a file names, empty for one not read (a personnel list's
/// extra column, kept aside in `ignored`); a repeated, unknown or missing column is an error.
fn header_columns(
    table: Table,
    written: &[String],
    errors: &mut Vec<RowError>,
    ignored: &mut Vec<(Table, String)>,
) -> Vec<String> {
    let header_error = |field: &str, reason: Reason| RowError {
        table,
        line: 1,
        field: field.into(),
        reason,
    };
    let (required, _) = table.columns();
    // Each header's column; unknown ones are kept aside (empty name) and reported.
    let mut header: Vec<String> = Vec::with_capacity(written.len());
    for text in written {
        match column_of(table, text) {
            Some(column) if header.iter().any(|h| h == column) => {
                errors.push(header_error(column, Reason::ColumnTwice));
                header.push(String::new());
            }
            Some(column) => header.push(column.to_string()),
            None if text.is_empty() || PERSONNEL_COLUMNS.contains(&folded(text).as_str()) => {
                if !text.is_empty() {
                    ignored.push((table, text.clone()));
                }
                header.push(String::new());
            }
            // Anything else may be a column of ours misspelt: reading the file without it
            // would empty that column for every row.
            None => {
                let (required, optional) = table.columns();
                errors.push(header_error(
                    text,
                    Reason::UnknownColumn {
                        columns: required
                            .iter()
                            .chain(optional)
                            .map(|column| super::template::header(table, column).to_string())
                            .collect(),
                    },
                ));
                header.push(String::new());
            }
        }
    }
    for column in required {
        if !header.iter().any(|c| c == column) {
            errors.push(header_error(column, Reason::ColumnMissing));
        }
    }
    header
}

/// A date as sheets write it: `2024-01-02`, or day first as Indonesians do (`02-01-2024`,
/// `02/01/2024`, `2/1/2024`).
fn sheet_date(text: &str) -> Option<Date> {
    if let Ok(date) = Date::parse(text, format_description!("[year]-[month]-[day]")) {
        return Some(date);
    }
    let parts: Vec<&str> = text.split(['-', '/', '.']).collect();
    let [day, month, year] = parts.as_slice() else {
        return None;
    };
    let number = |t: &str| t.trim().parse::<u16>().ok();
    let (day, month, year) = (number(day)?, number(month)?, number(year)?);
    if year < 1900 {
        return None;
    }
    let month = time::Month::try_from(u8::try_from(month).ok()?).ok()?;
    Date::from_calendar_date(i32::from(year), month, u8::try_from(day).ok()?).ok()
}

/// Villages with codes of the right shape and kind, in a kecamatan unit, one regency, and
/// each district's villages under one district code that no other district uses.
fn parse_villages(
    rows: &[Row],
    current: &Snapshot,
    new_units: &[Unit],
    errors: &mut Vec<RowError>,
) -> Vec<Village> {
    // The kind of every unit as it will be.
    let kinds: HashMap<&str, &str> = current
        .units
        .iter()
        .chain(new_units)
        .map(|u| (u.unit_id.as_str(), u.kind.as_str()))
        .collect();
    let mut seen = HashMap::new();
    let mut villages = Vec::new();
    for row in rows {
        let code = row.get("village_code");
        let name = row.text("name", errors);
        let kind = match row.get("kind") {
            "" => {
                errors.push(row.error("kind", Reason::IsEmpty));
                None
            }
            text => VillageKind::from_code(&text.to_lowercase()).or_else(|| {
                errors.push(row.error(
                    "kind",
                    Reason::NotAVillageKind {
                        value: text.to_string(),
                    },
                ));
                None
            }),
        };
        let code = match kind.map(|k| village::check_code(code, k)) {
            _ if code.is_empty() => {
                errors.push(row.error("village_code", Reason::IsEmpty));
                None
            }
            Some(Err(e)) => {
                errors.push(row.error(
                    "village_code",
                    Reason::VillageCode {
                        code: code.to_string(),
                        problem: e,
                    },
                ));
                None
            }
            Some(Ok(())) => Some(code.to_string()),
            None => None,
        };
        let district =
            row.code("district_unit", errors)
                .and_then(|d| match kinds.get(d.as_str()) {
                    Some(&"kecamatan") => Some(d),
                    Some(other) => {
                        errors.push(row.error(
                            "district_unit",
                            Reason::NotAKecamatan {
                                unit: d.clone(),
                                kind: (*other).to_string(),
                            },
                        ));
                        None
                    }
                    None => {
                        errors.push(row.error("district_unit", Reason::UnknownUnit { unit: d }));
                        None
                    }
                });
        let boundary = match row.get("boundary") {
            "" => Some(None),
            text => Boundary::parse(text)
                .map(Some)
                .map_err(|e| {
                    errors.push(row.error("boundary", e.into()));
                })
                .ok(),
        };
        if let (Some(code), Some(name), Some(kind), Some(district_unit), Some(boundary)) =
            (code, name, kind, district, boundary)
        {
            if row.unique("village_code", &code, &mut seen, errors) {
                villages.push((
                    row.line,
                    Village {
                        code,
                        name,
                        kind,
                        district_unit,
                        boundary,
                    },
                ));
            }
        }
    }
    check_village_codes(&villages, current, errors);
    villages.into_iter().map(|(_, v)| v).collect()
}

/// The file's villages, with those stored, lie in one regency, and each district's under one
/// district code no other district uses; `villages` are the file's, with their lines.
fn check_village_codes(
    villages: &[(u64, Village)],
    current: &Snapshot,
    errors: &mut Vec<RowError>,
) {
    // The codes as they will be: stored villages not in the file, then the file's.
    let lines: HashMap<&str, u64> = villages
        .iter()
        .map(|(l, v)| (v.code.as_str(), *l))
        .collect();
    let all: Vec<&Village> = current
        .villages
        .iter()
        .filter(|v| !lines.contains_key(v.code.as_str()))
        .chain(villages.iter().map(|(_, v)| v))
        .collect();
    let mut regency: Option<&str> = None;
    let mut district_of_prefix: HashMap<&str, &str> = HashMap::new();
    let mut prefix_of_district: HashMap<&str, &str> = HashMap::new();
    for v in all {
        let Some(&line) = lines.get(v.code.as_str()) else {
            // Stored rows set the expectations the file's rows are checked against.
            regency.get_or_insert(village::regency_prefix(&v.code));
            district_of_prefix.insert(village::district_prefix(&v.code), &v.district_unit);
            prefix_of_district.insert(&v.district_unit, village::district_prefix(&v.code));
            continue;
        };
        let error = |reason: Reason| RowError {
            table: Table::Villages,
            line,
            field: "village_code".into(),
            reason,
        };
        let prefix = village::district_prefix(&v.code);
        let in_regency = *regency.get_or_insert(village::regency_prefix(&v.code));
        let reason = if in_regency != village::regency_prefix(&v.code) {
            Some(Reason::OutsideRegency {
                code: v.code.clone(),
                regency: in_regency.to_string(),
            })
        } else if let Some(other) = district_of_prefix
            .get(prefix)
            .filter(|o| **o != v.district_unit)
        {
            Some(Reason::DistrictCodeTaken {
                code: prefix.to_string(),
                owner: (*other).to_string(),
                unit: v.district_unit.clone(),
            })
        } else if let Some(other) = prefix_of_district
            .get(v.district_unit.as_str())
            .filter(|o| **o != prefix)
        {
            Some(Reason::DistrictCodeDiffers {
                unit: v.district_unit.clone(),
                code: (*other).to_string(),
                given: prefix.to_string(),
            })
        } else {
            district_of_prefix.insert(prefix, &v.district_unit);
            prefix_of_district.insert(&v.district_unit, prefix);
            None
        };
        if let Some(reason) = reason {
            errors.push(error(reason));
        }
    }
}

/// Catalogue entries: a code, a responsible unit that exists, a price in rupiah and the
/// levels that may propose it.
fn parse_catalogue(
    rows: &[Row],
    known_units: &UnitRefs,
    errors: &mut Vec<RowError>,
) -> Vec<CatalogueEntry> {
    let mut seen = HashMap::new();
    let mut out = Vec::new();
    for row in rows {
        let code = row.code("code", errors);
        let name = row.text("name", errors);
        let unit = row.unit_ref("unit_id", known_units, errors);
        let affair = row.text("affair", errors);
        let measure = row.text("measure", errors);
        let price = match crate::tpp::inputs::parse_rupiah(row.get("unit_price")) {
            Some(p) if p <= i64::MAX as u64 => Some(p),
            _ => {
                errors.push(row.error(
                    "unit_price",
                    Reason::NotAnAmount {
                        value: row.get("unit_price").to_string(),
                    },
                ));
                None
            }
        };
        let levels = parse_levels(row.get("levels")).or_else(|| {
            errors.push(row.error(
                "levels",
                Reason::NotALevelList {
                    value: row.get("levels").to_string(),
                },
            ));
            None
        });
        if let (
            Some(code),
            Some(name),
            Some(unit_id),
            Some(affair),
            Some(measure),
            Some(unit_price),
            Some(levels),
        ) = (code, name, unit, affair, measure, price, levels)
        {
            if row.unique("code", &code, &mut seen, errors) {
                out.push(CatalogueEntry {
                    code,
                    name,
                    unit_id,
                    affair,
                    measure,
                    unit_price,
                    levels,
                });
            }
        }
    }
    out
}

fn parse_issues(rows: &[Row], errors: &mut Vec<RowError>) -> Vec<StrategicIssue> {
    let mut seen = HashMap::new();
    let mut out = Vec::new();
    for row in rows {
        let code = row.code("issue_code", errors);
        let name = row.text("name", errors);
        if let (Some(code), Some(name)) = (code, name) {
            if row.unique("issue_code", &code, &mut seen, errors) {
                out.push(StrategicIssue { code, name });
            }
        }
    }
    out
}

/// Parents must exist, and the tree as it will be must have no cycle. Checked on every
/// row whose codes parse (`links`: line, unit, parent), so a row with another problem still
/// gets this one reported.
fn check_parents(
    links: &[(u64, String, Option<String>)],
    current: &Snapshot,
    errors: &mut Vec<RowError>,
) {
    let known: HashSet<&str> = current
        .units
        .iter()
        .map(|u| u.unit_id.as_str())
        .chain(links.iter().map(|(_, id, _)| id.as_str()))
        .collect();
    let mut parents: HashMap<&str, Option<&str>> = current
        .units
        .iter()
        .map(|u| (u.unit_id.as_str(), u.parent_id.as_deref()))
        .collect();
    for (_, id, parent) in links {
        parents.insert(id, parent.as_deref());
    }
    for (line, id, parent) in links {
        let error = |reason: Reason| RowError {
            table: Table::Units,
            line: *line,
            field: "parent_id".into(),
            reason,
        };
        let Some(parent) = parent.as_deref() else {
            continue;
        };
        if !known.contains(parent) {
            errors.push(error(Reason::UnknownUnit {
                unit: parent.to_string(),
            }));
            continue;
        }
        let mut walked = vec![id.as_str()];
        let mut next = Some(parent);
        while let Some(id) = next {
            if walked.contains(&id) {
                let path = walked.iter().chain([&id]).map(|u| u.to_string());
                errors.push(error(Reason::Cycle {
                    parent: parent.to_string(),
                    path: path.collect(),
                }));
                break;
            }
            walked.push(id);
            next = parents.get(id).copied().flatten();
        }
    }
}

fn parse_units(
    rows: &[Row],
    current: &Snapshot,
    nips: &HashSet<String>,
    errors: &mut Vec<RowError>,
) -> Vec<Unit> {
    let mut seen = HashMap::new();
    let mut units = Vec::new();
    // (line, unit, parent) of every row whose codes parse.
    let mut links: Vec<(u64, String, Option<String>)> = Vec::new();
    for row in rows {
        let id = row.code("unit_id", errors);
        let name = row.text("name", errors);
        let kind = row.code("kind", errors);
        let parent = match row.get("parent_id") {
            "" => Some(None),
            _ => row.code("parent_id", errors).map(Some),
        };
        let monthly_users = match row.get("monthly_users") {
            "" => Some(None),
            text => match text.parse::<u32>() {
                Ok(n) => Some(Some(n)),
                Err(_) => {
                    errors.push(row.error(
                        "monthly_users",
                        Reason::NotAWholeNumber {
                            value: text.to_string(),
                        },
                    ));
                    None
                }
            },
        };
        let service_hours = match row.get("service_hours").trim() {
            "" => Some(None),
            text => match text.parse::<ServiceHours>() {
                Ok(hours) => Some(Some(hours)),
                Err(e) => {
                    errors.push(row.error("service_hours", e.into()));
                    None
                }
            },
        };
        let stored = id
            .as_deref()
            .and_then(|id| current.units.iter().find(|u| u.unit_id == id));
        let head_nip = signer(
            row,
            "head_nip",
            stored.and_then(|u| u.head_nip.as_ref()),
            nips,
            errors,
        );
        let treasurer_nip = signer(
            row,
            "treasurer_nip",
            stored.and_then(|u| u.treasurer_nip.as_ref()),
            nips,
            errors,
        );
        if let (Some(id), Some(parent_id)) = (&id, &parent) {
            links.push((row.line, id.clone(), parent_id.clone()));
        }
        if let (
            Some(id),
            Some(name),
            Some(kind),
            Some(parent_id),
            Some(monthly_users),
            Some(service_hours),
            Some(head_nip),
            Some(treasurer_nip),
        ) = (
            id,
            name,
            kind,
            parent,
            monthly_users,
            service_hours,
            head_nip,
            treasurer_nip,
        ) {
            if row.unique("unit_id", &id, &mut seen, errors) {
                units.push(Unit {
                    unit_id: id,
                    parent_id,
                    name,
                    kind,
                    monthly_users,
                    service_hours,
                    head_nip,
                    treasurer_nip,
                });
            }
        }
    }

    check_parents(&links, current, errors);
    units
}

/// Services and points: an id, the unit giving it and a name, made into a `T` by `make`.
fn parse_simple<T>(
    rows: &[Row],
    table: Table,
    known_units: &UnitRefs,
    errors: &mut Vec<RowError>,
    make: impl Fn(String, String, String) -> T,
) -> Vec<T> {
    let id_column = table.columns().0[0];
    let mut seen = HashMap::new();
    let mut out = Vec::new();
    for row in rows {
        let id = row.code(id_column, errors);
        let unit = row.unit_ref("unit_id", known_units, errors);
        let name = row.text("name", errors);
        if let (Some(id), Some(unit), Some(name)) = (id, unit, name) {
            if row.unique(id_column, &id, &mut seen, errors) {
                out.push(make(id, unit, name));
            }
        }
    }
    out
}

/// A unit's signer (NIP KEPALA, NIP BENDAHARA): an officer stored or in this import's list.
/// A file without the column keeps what was stored; a blank cell clears it. `None` when the
/// cell is wrong (the error is pushed).
fn signer(
    row: &Row,
    column: &str,
    stored: Option<&String>,
    nips: &HashSet<String>,
    errors: &mut Vec<RowError>,
) -> Option<Option<String>> {
    if !row.cells.contains_key(column) {
        return Some(stored.cloned());
    }
    let nip = row.get(column).replace(' ', "");
    if nip.is_empty() {
        Some(None)
    } else if !valid_nip(&nip) {
        errors.push(row.error(
            column,
            Reason::NotANip {
                value: row.get(column).to_string(),
            },
        ));
        None
    } else if !nips.contains(&nip) {
        errors.push(row.error(column, Reason::NoSuchSigner { nip }));
        None
    } else {
        Some(Some(nip))
    }
}

/// The officer's rank, tax number and bank account. A column the file does not have keeps
/// what was stored, so a list without them (a move, a new position) empties nothing.
fn pay_details(
    row: &Row,
    stored: Option<&PayDetails>,
    errors: &mut Vec<RowError>,
) -> Option<PayDetails> {
    let stored = stored.cloned().unwrap_or_default();
    let given = |column: &str| row.cells.contains_key(column).then(|| row.get(column));
    let mut ok = true;
    let mut digits = |column: &str, lengths: &[usize], why: fn(String) -> Reason| {
        let text = given(column)?;
        let plain: String = text
            .chars()
            .filter(|c| !matches!(c, ' ' | '.' | '-'))
            .collect();
        if plain.is_empty()
            || (plain.bytes().all(|b| b.is_ascii_digit()) && lengths.contains(&plain.len()))
        {
            return Some(plain);
        }
        ok = false;
        errors.push(row.error(column, why(text.to_string())));
        None
    };
    let npwp = digits("npwp", &[15, 16], |value| Reason::NotAnNpwp { value });
    let account_number = digits("account_number", &(5..=20).collect::<Vec<_>>(), |value| {
        Reason::NotAnAccountNumber { value }
    });
    let mut short = |column: &str| -> Option<String> {
        let text = given(column)?;
        if text.chars().count() > 60 {
            ok = false;
            errors.push(row.error(column, Reason::LongerThan { max: 60 }));
            return None;
        }
        Some(text.to_string())
    };
    let rank = short("rank");
    let bank = short("bank");
    ok.then(|| PayDetails {
        rank: rank.unwrap_or(stored.rank),
        npwp: npwp.unwrap_or(stored.npwp),
        bank: bank.unwrap_or(stored.bank),
        account_number: account_number.unwrap_or(stored.account_number),
    })
}

/// E-mail addresses the officers' rows give that differ from those stored; a blank cell
/// keeps what is stored. An address is one officer's: a first sign-in link sent to a shared
/// mailbox would open every account that shares it.
fn parse_contacts(
    rows: &[Row],
    current: &Snapshot,
    errors: &mut Vec<RowError>,
) -> Vec<OfficerContact> {
    let mut owners: HashMap<String, String> = current
        .contacts
        .iter()
        .map(|(nip, email)| (email.to_lowercase(), nip.clone()))
        .collect();
    let mut contacts = Vec::new();
    for row in rows {
        let email = row.get("email");
        if email.is_empty() {
            continue;
        }
        if !is_email_address(email) {
            errors.push(row.error(
                "email",
                Reason::NotAnEmail {
                    value: email.to_string(),
                },
            ));
            continue;
        }
        let nip = row.get("nip").replace(' ', "");
        match owners.get(&email.to_lowercase()) {
            Some(owner) if *owner != nip => {
                errors.push(row.error(
                    "email",
                    Reason::AddressOfAnotherOfficer {
                        email: email.to_string(),
                        owner: owner.clone(),
                    },
                ));
                continue;
            }
            _ => {}
        }
        owners.insert(email.to_lowercase(), nip.clone());
        if current.contacts.get(&nip).map(String::as_str) != Some(email) {
            contacts.push(OfficerContact {
                nip,
                name: row.get("name").to_string(),
                email: email.to_string(),
            });
        }
    }
    contacts
}

/// An address mail can be sent to, as far as its shape tells: one `@` between a local part
/// and a domain with a dot, no spaces, at most 254 characters.
pub fn is_email_address(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    text.chars().count() <= 254
        && !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !text.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// An officer's row as read: the officer, the start it gives (the import's day when it
/// gives none), whether it brings back someone who left, and the departure it records.
struct ParsedOfficer {
    officer: Officer,
    from: Date,
    returning: bool,
    departure: Option<Departure>,
    /// Whether the row gave its start (TMT JABATAN).
    explicit_from: bool,
}

/// Whether the officer serves the public: yes when the cell is empty.
fn serves_public(row: &Row, errors: &mut Vec<RowError>) -> Option<bool> {
    match row.get("serves_public").to_lowercase().as_str() {
        "" | "ya" | "yes" | "y" | "1" | "true" => Some(true),
        "tidak" | "no" | "n" | "0" | "false" => Some(false),
        other => {
            errors.push(row.error(
                "serves_public",
                Reason::NotYesNo {
                    value: other.to_string(),
                },
            ));
            None
        }
    }
}

/// The start of the assignment the row states (TMT JABATAN); today when the cell is empty.
fn assigned_from(row: &Row, today: Date, errors: &mut Vec<RowError>) -> Option<Date> {
    match row.get("assigned_from") {
        "" => Some(today),
        text => match sheet_date(text) {
            Some(date) => Some(date),
            None => {
                errors.push(row.error(
                    "assigned_from",
                    Reason::NotADateValue {
                        value: text.to_string(),
                    },
                ));
                None
            }
        },
    }
}

fn parse_officers(
    rows: &[Row],
    current: &Snapshot,
    known_units: &UnitRefs,
    today: Date,
    errors: &mut Vec<RowError>,
) -> Vec<ParsedOfficer> {
    let mut seen = HashMap::new();
    let mut out = Vec::new();
    for row in rows {
        let nip = row.get("nip").replace(' ', "");
        let nip = if valid_nip(&nip) {
            Some(nip)
        } else {
            errors.push(row.error(
                "nip",
                Reason::NotANip {
                    value: row.get("nip").to_string(),
                },
            ));
            None
        };
        let name = row.text("name", errors);
        let position = row.text("position", errors);
        let position_class = row.get("position_class").to_string();
        let unit = row.unit_ref("unit_id", known_units, errors);
        let serves_public = serves_public(row, errors);
        let explicit_from = !row.get("assigned_from").is_empty();
        let from = assigned_from(row, today, errors);
        let stored = nip
            .as_deref()
            .and_then(|nip| current.officers.iter().find(|c| c.officer.nip == nip));
        let pay = pay_details(row, stored.map(|c| &c.officer.pay), errors);
        let Ok(leaving) = leaving(row, errors) else {
            continue;
        };
        let (
            Some(nip),
            Some(name),
            Some(position),
            Some(unit_id),
            Some(from),
            Some(serves_public),
            Some(pay),
        ) = (nip, name, position, unit, from, serves_public, pay)
        else {
            continue;
        };
        if !row.unique("nip", &nip, &mut seen, errors) {
            continue;
        }
        // A row that restates a departure already recorded changes nothing about it.
        let restated = stored
            .and_then(|s| s.left_on)
            .filter(|last| leaving.is_some_and(|l| l.last_day == *last));
        let leaving = leaving.filter(|_| restated.is_none());
        let mut parsed = ParsedOfficer {
            officer: Officer {
                nip,
                name,
                position,
                position_class,
                unit_id,
                serves_public,
                pay,
            },
            from,
            returning: false,
            departure: leaving,
            explicit_from,
        };
        if let Some(stored) = stored {
            let Some(returning) =
                check_against_stored(row, &parsed, stored, restated, current, errors)
            else {
                continue;
            };
            parsed.returning = returning;
        }
        // The last day falls within the assignment that will be open: the stored one, or
        // the one this row opens.
        let opens = stored.is_none_or(|s| {
            parsed.returning
                || s.officer.unit_id != parsed.officer.unit_id
                || s.officer.position != parsed.officer.position
        });
        let start = match stored {
            Some(s) if !opens => s.since,
            _ => from,
        };
        if let Some(leaving) = leaving {
            // Like a move: a paid month keeps whom it paid.
            let last = leaving.last_day;
            if reaches_paid_month(row, "assigned_until", last, current, errors)
                || !last_day_fits(row, last, start, today, errors)
            {
                continue;
            }
        }
        out.push(parsed);
    }
    out
}

/// Checks a row against the officer it names as stored (a departure already recorded, a
/// return after leaving, a move): `Some(returning)` when the row may be imported, `None`
/// with the row's problem when it may not.
fn check_against_stored(
    row: &Row,
    parsed: &ParsedOfficer,
    stored: &CurrentOfficer,
    restated: Option<Date>,
    current: &Snapshot,
    errors: &mut Vec<RowError>,
) -> Option<bool> {
    let (officer, from, explicit_from) = (&parsed.officer, parsed.from, parsed.explicit_from);
    let mut returning = false;
    let moves =
        stored.officer.unit_id != officer.unit_id || stored.officer.position != officer.position;
    if let (Some(last), Some(_)) = (stored.left_on, parsed.departure) {
        errors.push(row.error(
            "assigned_until",
            Reason::OfficerLeftAlready { last_day: last },
        ));
        return None;
    }
    if let Some(last) = restated {
        // Their row as it stood on their last day: nothing to reopen or move.
        if moves {
            errors.push(row.error(
                "assigned_until",
                Reason::OfficerLeftAlready { last_day: last },
            ));
            return None;
        }
    } else if let Some(last) = stored.left_on {
        // Someone who left comes back only on a start date given after their last
        // day: a list that still carries them must not undo the departure.
        returning = explicit_from && from > last;
        if !returning && (moves || explicit_from) {
            errors.push(row.error("assigned_from", Reason::OfficerLeft { last_day: last }));
            return None;
        }
    } else if moves && from <= stored.since {
        errors.push(row.error(
            "assigned_from",
            Reason::NotAfterAssignmentStart {
                day: from,
                since: stored.since,
            },
        ));
        return None;
    }
    // A move from a day in a paid month would rewrite whom that month paid where.
    if (moves || returning) && reaches_paid_month(row, "assigned_from", from, current, errors) {
        return None;
    }
    Some(returning)
}

/// True, with the row's problem, when `day` falls in a month whose TPP is approved or locked.
fn reaches_paid_month(
    row: &Row,
    field: &str,
    day: Date,
    current: &Snapshot,
    errors: &mut Vec<RowError>,
) -> bool {
    let Some(paid) = current.closed_months.range(Month::of(day)..).next_back() else {
        return false;
    };
    errors.push(row.error(field, Reason::ReachesClosedMonth { day, month: *paid }));
    true
}

/// Whether an officer's last day falls within the assignment that starts on `start`, and
/// not more than a year ahead; the row's problem when it does not.
fn last_day_fits(
    row: &Row,
    last: Date,
    start: Date,
    today: Date,
    errors: &mut Vec<RowError>,
) -> bool {
    let Err(problem) = departure::check_day(last, start, today) else {
        return true;
    };
    let reason = match problem {
        "before_assignment" => Reason::LastDayBeforeStart {
            last_day: last,
            start,
        },
        _ => Reason::LastDayTooFar { last_day: last },
    };
    errors.push(row.error("assigned_until", reason));
    false
}

/// The row's last working day and reason (TMT BERHENTI and STATUS), when it gives them:
/// both or neither, since a departure needs a day and a reason.
fn leaving(row: &Row, errors: &mut Vec<RowError>) -> Result<Option<Departure>, ()> {
    let reason = match DepartureReason::from_status(row.get("status")) {
        Ok(reason) => reason,
        // A status a list may carry for someone at work (P3K, Honorer, Tugas belajar…) reads
        // as at work; a reason is demanded only with a last day.
        Err(()) if row.get("assigned_until").is_empty() => None,
        Err(()) => {
            errors.push(row.error(
                "status",
                Reason::NotAStatus {
                    value: row.get("status").to_string(),
                },
            ));
            return Err(());
        }
    };
    let day = match row.get("assigned_until") {
        "" => None,
        text => match sheet_date(text) {
            Some(day) => Some(day),
            None => {
                errors.push(row.error(
                    "assigned_until",
                    Reason::NotADateValue {
                        value: text.to_string(),
                    },
                ));
                return Err(());
            }
        },
    };
    match (day, reason) {
        (None, None) => Ok(None),
        (Some(last_day), Some(reason)) => Ok(Some(Departure { last_day, reason })),
        (Some(_), None) => {
            errors.push(row.error("status", Reason::GiveWhyLeaving));
            Err(())
        }
        (None, Some(_)) => {
            errors.push(row.error("assigned_until", Reason::GiveLastDay));
            Err(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::musrena::forum::Level;
    use time::macros::date;

    const TODAY: Date = date!(2026 - 11 - 23);

    const UNITS: &str = "unit_id,parent_id,name,kind,monthly_users\n\
        dinkes,,Dinas Kesehatan,dinas,\n\
        pkm-panggul,dinkes,Puskesmas Panggul,puskesmas,900\n";
    const SERVICES: &str = "service_id,unit_id,name\nrawat-jalan,pkm-panggul,Rawat jalan\n";
    const POINTS: &str = "point_id,unit_id,name\nloket-1,pkm-panggul,Loket pendaftaran\n";
    const OFFICERS: &str = "nip,name,position,position_class,unit_id,assigned_from\n\
        198001012005011001,Sri Wahyuni,Perawat,7,pkm-panggul,2024-01-02\n";

    fn files<'a>(
        units: &'a str,
        services: &'a str,
        points: &'a str,
        officers: &'a str,
    ) -> ImportFiles<'a> {
        ImportFiles {
            units: Some(units.as_bytes()),
            services: Some(services.as_bytes()),
            points: Some(points.as_bytes()),
            officers: Some(officers.as_bytes()),
            ..ImportFiles::default()
        }
    }

    #[test]
    fn start_dates_the_import_leaves_are_shown_not_dropped() {
        let first = files(UNITS, SERVICES, POINTS, OFFICERS);
        let plan = plan_import(&first, &Snapshot::default(), TODAY).unwrap();
        assert_eq!((plan.starting_today, plan.starts_kept.len()), (0, 0));
        let stored = applied(&plan, Snapshot::default());
        // Without TMT JABATAN a new officer starts today, and the plan says so.
        let newcomer = "nip,name,position,position_class,unit_id\n\
            199001012015011002,Budi,Staf,7,pkm-panggul\n";
        let plan = plan_import(&files(UNITS, SERVICES, POINTS, newcomer), &stored, TODAY).unwrap();
        assert_eq!(plan.starting_today, 1);
        // Another start for the assignment Sri is in: kept as stored, and listed.
        let later = OFFICERS.replace("2024-01-02", "2023-07-01");
        let plan = plan_import(&files(UNITS, SERVICES, POINTS, &later), &stored, TODAY).unwrap();
        assert!(plan.officers.is_empty(), "{plan:?}");
        assert_eq!(
            plan.starts_kept,
            vec![StartKept {
                nip: "198001012005011001".into(),
                name: "Sri Wahyuni".into(),
                stored: date!(2024 - 01 - 02),
                given: date!(2023 - 07 - 01),
            }]
        );
    }

    /// What the store would hold after applying the plan.
    fn applied(plan: &ImportPlan, mut snapshot: Snapshot) -> Snapshot {
        fn put<T: Clone>(rows: &mut Vec<T>, row: &T, same: impl Fn(&T) -> bool) {
            rows.retain(|r| !same(r));
            rows.push(row.clone());
        }
        for c in &plan.units {
            put(&mut snapshot.units, &c.after, |u| {
                u.unit_id == c.after.unit_id
            });
        }
        for c in &plan.services {
            put(&mut snapshot.services, &c.after, |s| {
                s.service_id == c.after.service_id
            });
        }
        for c in &plan.points {
            put(&mut snapshot.points, &c.after, |p| {
                p.point_id == c.after.point_id
            });
        }
        for c in &plan.officers {
            let since = c.new_assignment_from.unwrap_or_else(|| {
                snapshot
                    .officers
                    .iter()
                    .find(|o| o.officer.nip == c.after.nip)
                    .map_or(TODAY, |o| o.since)
            });
            let row = CurrentOfficer {
                officer: c.after.clone(),
                since,
                left_on: None,
            };
            put(&mut snapshot.officers, &row, |o| {
                o.officer.nip == c.after.nip
            });
        }
        for d in &plan.departures {
            if let Some(o) = snapshot
                .officers
                .iter_mut()
                .find(|o| o.officer.nip == d.nip)
            {
                o.left_on = Some(d.departure.last_day);
            }
        }
        for c in &plan.villages {
            put(&mut snapshot.villages, &c.after, |v| v.code == c.after.code);
        }
        for c in &plan.catalogue {
            put(&mut snapshot.catalogue, &c.after, |e| {
                e.code == c.after.code
            });
        }
        for c in &plan.issues {
            put(&mut snapshot.issues, &c.after, |i| i.code == c.after.code);
        }
        snapshot
    }

    const DISTRICTS: &str = "unit_id,name,kind\n\
        kecamatan-panggul,Kecamatan Panggul,kecamatan\n\
        kecamatan-dongko,Kecamatan Dongko,kecamatan\n\
        dinkes,Dinas Kesehatan,dinas\n";

    fn villages_only(
        units: Option<&str>,
        villages: &str,
        current: &Snapshot,
    ) -> Result<ImportPlan, Vec<RowError>> {
        let files = ImportFiles {
            units: units.map(str::as_bytes),
            villages: Some(villages.as_bytes()),
            ..ImportFiles::default()
        };
        plan_import(&files, current, TODAY)
    }

    #[test]
    fn villages_are_imported_with_their_boundaries_and_twice_changes_nothing() {
        let villages = "village_code,name,kind,district_unit,boundary\n\
            35.03.01.2001,Panggul,Desa,kecamatan-panggul,\"{\"\"type\"\":\"\"Polygon\"\",\"\"coordinates\"\":[[[111.4,-8.3],[111.5,-8.3],[111.5,-8.2],[111.4,-8.3]]]}\"\n\
            35.03.01.2002,Bodag,desa,kecamatan-panggul,\n\
            35.03.04.2001,Dongko,desa,kecamatan-dongko,\n";
        let plan = villages_only(Some(DISTRICTS), villages, &Snapshot::default()).unwrap();
        assert_eq!(
            plan.counts(Table::Villages),
            TableCounts {
                added: 3,
                updated: 0,
                ended: 0
            }
        );
        let panggul = &plan.villages[0].after;
        assert_eq!(panggul.kind, VillageKind::Desa);
        assert_eq!(panggul.boundary.as_ref().map(|b| b.0[0][0].len()), Some(4));
        let stored = applied(&plan, Snapshot::default());
        let again = villages_only(
            None,
            villages,
            &applied(
                &plan_import(
                    &ImportFiles {
                        units: Some(DISTRICTS.as_bytes()),
                        ..ImportFiles::default()
                    },
                    &Snapshot::default(),
                    TODAY,
                )
                .unwrap(),
                stored,
            ),
        )
        .unwrap();
        assert!(again.is_empty());
        assert_eq!(again.unchanged, 3);
    }

    #[test]
    fn the_catalogue_and_issues_are_imported_and_checked() {
        let catalogue = "code,name,unit_id,affair,measure,unit_price,levels\n\
            1.03.10.2.01.0017,Rehabilitasi jalan desa,dinkes,Pekerjaan Umum,m,\"Rp1.500.000\",desa;kecamatan\n\
            1.02.02.2.01.0001,Posyandu lansia,dinkes,Kesehatan,paket,25000000,kabupaten\n\
            1.02.02.2.01.0001,Dua kali,dinkes,Kesehatan,paket,1,desa\n\
            X Y,Kode salah,nowhere,Kesehatan,paket,murah,provinsi\n";
        let issues = "issue_code,name\nis-1,Stunting dan gizi buruk\nis-2,\n";
        let files = ImportFiles {
            units: Some(DISTRICTS.as_bytes()),
            catalogue: Some(catalogue.as_bytes()),
            issues: Some(issues.as_bytes()),
            ..ImportFiles::default()
        };
        let errors = plan_import(&files, &Snapshot::default(), TODAY).unwrap_err();
        let found: Vec<(Table, u64, &str)> = errors
            .iter()
            .map(|e| (e.table, e.line, e.field.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                (Table::Catalogue, 4, "code"),
                (Table::Catalogue, 5, "code"),
                (Table::Catalogue, 5, "unit_id"),
                (Table::Catalogue, 5, "unit_price"),
                (Table::Catalogue, 5, "levels"),
                (Table::Issues, 3, "name"),
            ],
            "{errors:?}"
        );
        let good = ImportFiles {
            units: Some(DISTRICTS.as_bytes()),
            catalogue: Some(
                catalogue
                    .lines()
                    .take(3)
                    .collect::<Vec<_>>()
                    .join("\n")
                    .leak()
                    .as_bytes(),
            ),
            issues: Some(b"issue_code,name\nis-1,Stunting dan gizi buruk\n"),
            ..ImportFiles::default()
        };
        let plan = plan_import(&good, &Snapshot::default(), TODAY).unwrap();
        assert_eq!(plan.catalogue[0].after.unit_price, 1_500_000);
        assert_eq!(
            plan.catalogue[0].after.levels,
            vec![Level::Desa, Level::Kecamatan]
        );
        assert_eq!(plan.counts(Table::Issues).added, 1);
        let again = plan_import(&good, &applied(&plan, Snapshot::default()), TODAY).unwrap();
        assert!(again.is_empty());
    }

    #[test]
    fn every_bad_village_is_named() {
        let villages = "village_code,name,kind,district_unit,boundary\n\
            35.03.01.2001,Panggul,desa,kecamatan-panggul,\n\
            35.03.01.1002,Bodag,desa,kecamatan-panggul,\n\
            3503012003,Karangtengah,desa,kecamatan-panggul,\n\
            35.03.01.2004,,dusun,kecamatan-panggul,\n\
            35.03.01.2005,Ngrencak,desa,dinkes,\n\
            35.03.01.2006,Wonocoyo,desa,kecamatan-tugu,\n\
            35.03.01.2001,Panggul lagi,desa,kecamatan-panggul,\n\
            35.03.01.2007,Sawahan,desa,kecamatan-dongko,\n\
            35.04.04.2001,Dongko,desa,kecamatan-dongko,\n\
            35.03.04.2002,Pandean,desa,kecamatan-dongko,{\"type\": \"Point\"}\n";
        let errors = villages_only(Some(DISTRICTS), villages, &Snapshot::default()).unwrap_err();
        let found: Vec<(u64, &str)> = errors.iter().map(|e| (e.line, e.field.as_str())).collect();
        assert_eq!(
            found,
            [
                (3, "village_code"),
                (4, "village_code"),
                (5, "name"),
                (5, "kind"),
                (6, "district_unit"),
                (7, "district_unit"),
                (8, "village_code"),
                (9, "village_code"),
                (10, "village_code"),
                (11, "boundary"),
            ],
            "{errors:?}"
        );
        assert!(
            errors[6].reason.to_string().contains("appears already"),
            "{errors:?}"
        );
        assert!(
            errors[7]
                .reason
                .to_string()
                .contains("belongs to 'kecamatan-panggul'"),
            "{errors:?}"
        );
        assert!(
            errors[8]
                .reason
                .to_string()
                .contains("not in regency 35.03"),
            "{errors:?}"
        );
    }

    #[test]
    fn a_fresh_import_adds_everything_parents_first_and_twice_changes_nothing() {
        // The child comes first in the file; the plan still inserts the parent first.
        let units = "unit_id,parent_id,name,kind\npkm-panggul,dinkes,Puskesmas Panggul,puskesmas\ndinkes,,Dinas Kesehatan,dinas\n";
        let files = files(units, SERVICES, POINTS, OFFICERS);
        let plan = plan_import(&files, &Snapshot::default(), TODAY).unwrap();
        assert_eq!(
            plan.units
                .iter()
                .map(|c| c.after.unit_id.as_str())
                .collect::<Vec<_>>(),
            ["dinkes", "pkm-panggul"]
        );
        assert_eq!(
            plan.counts(Table::Units),
            TableCounts {
                added: 2,
                updated: 0,
                ended: 0
            }
        );
        assert_eq!(
            plan.counts(Table::Officers),
            TableCounts {
                added: 1,
                updated: 0,
                ended: 0
            }
        );
        assert_eq!(
            plan.officers[0].new_assignment_from,
            Some(date!(2024 - 01 - 02))
        );
        assert_eq!(plan.officers[0].after.position_class, "7");

        let stored = applied(&plan, Snapshot::default());
        let again = plan_import(&files, &stored, TODAY).unwrap();
        assert!(again.is_empty());
        assert_eq!(again.unchanged, 5);
    }

    #[test]
    fn a_move_opens_a_new_assignment_and_a_rename_does_not() {
        let stored = applied(
            &plan_import(
                &files(UNITS, SERVICES, POINTS, OFFICERS),
                &Snapshot::default(),
                TODAY,
            )
            .unwrap(),
            Snapshot::default(),
        );
        let renamed = OFFICERS.replace("Sri Wahyuni", "\"Sri Wahyuni, S.Kep.\"");
        let plan = plan_import(
            &ImportFiles {
                officers: Some(renamed.as_bytes()),
                ..Default::default()
            },
            &stored,
            TODAY,
        )
        .unwrap();
        assert_eq!(
            plan.counts(Table::Officers),
            TableCounts {
                added: 0,
                updated: 1,
                ended: 0
            }
        );
        assert_eq!(plan.officers[0].new_assignment_from, None);

        let moved = OFFICERS.replace("pkm-panggul,2024-01-02", "dinkes,2026-11-01");
        let plan = plan_import(
            &ImportFiles {
                officers: Some(moved.as_bytes()),
                ..Default::default()
            },
            &stored,
            TODAY,
        )
        .unwrap();
        assert_eq!(
            plan.officers[0].new_assignment_from,
            Some(date!(2026 - 11 - 01))
        );
        assert_eq!(
            plan.officers[0].before.as_ref().unwrap().unit_id,
            "pkm-panggul"
        );

        let backdated = OFFICERS.replace("pkm-panggul,2024-01-02", "dinkes,2023-01-01");
        let errors = plan_import(
            &ImportFiles {
                officers: Some(backdated.as_bytes()),
                ..Default::default()
            },
            &stored,
            TODAY,
        )
        .unwrap_err();
        assert_eq!(errors[0].field, "assigned_from");

        // October and November are paid: a move from 1 November rewrites them, one from
        // 1 December does not; a rename reaches back into nothing.
        let mut paid = stored.clone();
        paid.closed_months = ["2026-10", "2026-11"]
            .iter()
            .map(|m| m.parse().unwrap())
            .collect();
        let errors = plan_import(
            &ImportFiles {
                officers: Some(moved.as_bytes()),
                ..Default::default()
            },
            &paid,
            TODAY,
        )
        .unwrap_err();
        assert_eq!(
            errors[0].reason.to_string(),
            "2026-11-01 reaches back into 2026-11, whose TPP is approved or locked and never changes: give a date after 2026-11"
        );
        let december = OFFICERS.replace("pkm-panggul,2024-01-02", "dinkes,2026-12-01");
        for file in [&december, &renamed] {
            let files = ImportFiles {
                officers: Some(file.as_bytes()),
                ..Default::default()
            };
            assert!(plan_import(&files, &paid, TODAY).is_ok(), "{file}");
        }
    }

    #[test]
    fn unit_signers_are_officers_and_a_list_without_them_keeps_them() {
        let with_signers = "unit_id,parent_id,name,kind,NIP KEPALA,NIP BENDAHARA\n\
            dinkes,,Dinas Kesehatan,dinas,198001012005011001,\n\
            pkm-panggul,dinkes,Puskesmas Panggul,puskesmas,,\n";
        // The head is in the officers' list of the same import.
        let plan = plan_import(
            &files(with_signers, SERVICES, POINTS, OFFICERS),
            &Snapshot::default(),
            TODAY,
        )
        .unwrap();
        let stored = applied(&plan, Snapshot::default());
        let dinkes = |s: &Snapshot| {
            s.units
                .iter()
                .find(|u| u.unit_id == "dinkes")
                .cloned()
                .unwrap()
        };
        assert_eq!(
            dinkes(&stored).head_nip.as_deref(),
            Some("198001012005011001")
        );
        assert_eq!(dinkes(&stored).treasurer_nip, None);
        // The units' list without the columns changes nothing.
        let plan = plan_import(
            &ImportFiles {
                units: Some(UNITS.as_bytes()),
                ..Default::default()
            },
            &stored,
            TODAY,
        )
        .unwrap();
        assert!(
            plan.units.iter().all(|c| c.after.unit_id != "dinkes"),
            "{plan:?}"
        );
        // Someone who is no officer, or no NIP at all, is refused and named.
        for (nip, reason) in [
            (
                "199912312020121001",
                "no officer has NIP 199912312020121001",
            ),
            ("12345", "'12345' is not an 18-digit NIP"),
        ] {
            let file = with_signers.replace("dinas,198001012005011001,", &format!("dinas,{nip},"));
            let errors = plan_import(
                &ImportFiles {
                    units: Some(file.as_bytes()),
                    ..Default::default()
                },
                &stored,
                TODAY,
            )
            .unwrap_err();
            assert_eq!(errors[0].field, "head_nip");
            assert!(
                errors[0].reason.to_string().starts_with(reason),
                "{errors:?}"
            );
        }
    }

    #[test]
    fn a_row_with_a_last_day_and_a_status_ends_the_assignment_once() {
        let stored = applied(
            &plan_import(
                &files(UNITS, SERVICES, POINTS, OFFICERS),
                &Snapshot::default(),
                TODAY,
            )
            .unwrap(),
            Snapshot::default(),
        );
        let with = |until: &str, status: &str| {
            format!(
                "NIP;NAMA;JABATAN;KELAS JABATAN;UNIT KERJA;TMT JABATAN;TMT BERHENTI;STATUS\n\
                 198001012005011001;Sri Wahyuni;Perawat;7;pkm-panggul;02-01-2024;{until};{status}\n"
            )
        };
        let plan_of = |file: &str, stored: &Snapshot| {
            plan_import(
                &ImportFiles {
                    officers: Some(file.as_bytes()),
                    ..Default::default()
                },
                stored,
                TODAY,
            )
        };
        // At work, whatever the list calls it: nothing changes.
        for status in ["PNS", "P3K", "Tugas belajar"] {
            let plan = plan_of(&with("", status), &stored).unwrap();
            assert!(plan.is_empty() && plan.unchanged == 1, "{status}");
        }

        let retiring = with("30-11-2026", "Pensiun");
        let plan = plan_of(&retiring, &stored).unwrap();
        assert_eq!(
            plan.departures,
            [OfficerDeparture {
                nip: "198001012005011001".into(),
                name: "Sri Wahyuni".into(),
                departure: Departure {
                    last_day: date!(2026 - 11 - 30),
                    reason: DepartureReason::Retired
                }
            }]
        );
        assert!(plan.officers.is_empty());
        assert_eq!(plan.counts(Table::Officers).ended, 1);
        // Twice changes nothing; another day is refused, not a second departure.
        let left = applied(&plan, stored.clone());
        let again = plan_of(&retiring, &left).unwrap();
        assert!(again.is_empty(), "{again:?}");
        let errors = plan_of(&with("31-12-2026", "Pensiun"), &left).unwrap_err();
        assert_eq!(
            errors[0].reason,
            Reason::OfficerLeftAlready {
                last_day: date!(2026 - 11 - 30)
            }
        );

        for (until, status, field) in [
            ("30-11-2026", "", "status"),
            ("30-11-2026", "aktif", "status"),
            ("", "Meninggal", "assigned_until"),
            ("30-11-2026", "tugas belajar", "status"),
            ("31-11-2026", "pensiun", "assigned_until"),
            ("31-12-2023", "pensiun", "assigned_until"),
            ("01-01-2028", "pensiun", "assigned_until"),
        ] {
            let errors = plan_of(&with(until, status), &stored).unwrap_err();
            assert_eq!(errors.len(), 1, "{until} {status}: {errors:?}");
            assert_eq!(errors[0].field, field, "{until} {status}: {errors:?}");
        }

        // A row restating the departure cannot move or bring the officer back.
        let moved = with("30-11-2026", "Pensiun").replace("Perawat", "Kepala Seksi");
        let errors = plan_of(&moved, &left).unwrap_err();
        assert_eq!(
            errors[0].reason.to_string(),
            "the officer left on 2026-11-30 already"
        );
        // A departure into a paid month is refused, like a move.
        let mut paid = stored.clone();
        paid.closed_months = ["2026-11".parse().unwrap()].into();
        let errors = plan_of(&retiring, &paid).unwrap_err();
        assert!(
            errors[0]
                .reason
                .to_string()
                .contains("reaches back into 2026-11"),
            "{errors:?}"
        );

        // A newcomer who left already, as a personnel list may carry: brought in and ended.
        let newcomer =
            with("15-11-2026", "mutasi keluar").replace("198001012005011001", "199001012015011002");
        let plan = plan_of(&newcomer, &stored).unwrap();
        assert_eq!(plan.counts(Table::Officers).added, 1);
        assert_eq!(
            plan.departures[0].departure.reason,
            DepartureReason::TransferredOut
        );
    }

    #[test]
    fn every_bad_row_is_listed_and_nothing_is_planned() {
        let units = "unit_id,parent_id,name,kind,monthly_users\n\
            dinkes,,Dinas Kesehatan,dinas,\n\
            Bad Id,,X,dinas,\n\
            pkm,nowhere,Puskesmas,puskesmas,lots\n\
            dinkes,,Again,dinas,\n";
        let services = "service_id,unit_id,name\nrawat-jalan,mars,Rawat jalan\nigd,dinkes,\n";
        let officers =
            "nip,name,position,unit_id,assigned_from\n12345,Ani,Perawat,dinkes,2026-02-30\n";
        let errors = plan_import(
            &files(units, services, POINTS, officers),
            &Snapshot::default(),
            TODAY,
        )
        .unwrap_err();
        let found: Vec<(Table, u64, &str)> = errors
            .iter()
            .map(|e| (e.table, e.line, e.field.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                (Table::Units, 3, "unit_id"),
                (Table::Units, 4, "monthly_users"),
                (Table::Units, 4, "parent_id"),
                (Table::Units, 5, "unit_id"),
                (Table::Services, 2, "unit_id"),
                (Table::Services, 3, "name"),
                (Table::Points, 2, "unit_id"),
                (Table::Officers, 2, "nip"),
                (Table::Officers, 2, "assigned_from"),
            ]
        );
        assert!(
            errors[3].reason.to_string().contains("line 2"),
            "{}",
            errors[3]
        );
        assert_eq!(errors[0].to_string(), "units.csv line 3: unit_id: 'Bad Id' is not a code: use lowercase letters, digits, '-', '_' or '.' (at most 64)");
    }

    #[test]
    fn headers_are_checked_first() {
        let units = "unit_id;name;kind;colour\na;A;dinas;red\n";
        let officers = "nip,name,unit_id\n";
        let errors = plan_import(
            &ImportFiles {
                units: Some(units.as_bytes()),
                officers: Some(officers.as_bytes()),
                ..Default::default()
            },
            &Snapshot::default(),
            TODAY,
        )
        .unwrap_err();
        let found: Vec<(Table, u64, &str)> = errors
            .iter()
            .map(|e| (e.table, e.line, e.field.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                (Table::Units, 1, "colour"),
                (Table::Officers, 1, "position")
            ]
        );
    }

    /// An account number typed as a number in Excel has lost its leading zeros (0011223344
    /// became 11223344, another's account, perhaps): the row is refused, named; the same
    /// digits typed as text are read.
    #[test]
    fn account_numbers_stored_as_numbers_are_refused() {
        use rust_xlsxwriter::Workbook;
        let current = Snapshot {
            units: vec![Unit {
                unit_id: "dinkes".into(),
                parent_id: None,
                name: "Dinas Kesehatan".into(),
                kind: "dinas".into(),
                monthly_users: None,
                service_hours: None,
                head_nip: None,
                treasurer_nip: None,
            }],
            ..Snapshot::default()
        };
        let workbook = |as_number: bool| {
            let mut book = Workbook::new();
            let sheet = book.add_worksheet();
            for (col, header) in [
                "NIP",
                "NAMA",
                "JABATAN",
                "UNIT KERJA",
                "KELAS JABATAN",
                "NOMOR REKENING",
            ]
            .iter()
            .enumerate()
            {
                sheet.write_string(0, col as u16, *header).unwrap();
            }
            for (col, text) in ["198001012005011001", "Sri Wahyuni", "Perawat", "dinkes"]
                .iter()
                .enumerate()
            {
                sheet.write_string(1, col as u16, *text).unwrap();
            }
            sheet.write_number(1, 4, 7.0).unwrap();
            if as_number {
                sheet.write_number(1, 5, 11223344.0).unwrap();
            } else {
                sheet.write_string(1, 5, "0011223344").unwrap();
            }
            book.save_to_buffer().unwrap()
        };
        let number = workbook(true);
        let errors = plan_import(
            &ImportFiles {
                officers: Some(&number),
                ..Default::default()
            },
            &current,
            TODAY,
        )
        .unwrap_err();
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(
            (errors[0].line, errors[0].field.as_str()),
            (2, "account_number")
        );
        assert!(
            errors[0]
                .reason
                .to_string()
                .contains("'11223344' is stored as a number"),
            "{errors:?}"
        );
        let text = workbook(false);
        let plan = plan_import(
            &ImportFiles {
                officers: Some(&text),
                ..Default::default()
            },
            &current,
            TODAY,
        )
        .unwrap();
        assert_eq!(plan.officers[0].after.pay.account_number, "0011223344");
    }

    /// A SIMPEG export as BKPSDM has it: Indonesian headers, `;`, units by name, dates day
    /// first, columns suara does not use. Read as it is; the unused columns are named.
    #[test]
    #[allow(clippy::too_many_lines)] // one export, read column by column
    fn a_simpeg_export_is_read_as_it_is() {
        let officers = "NIP;NAMA;GOL/RUANG;ESELON;JABATAN;UNIT KERJA;KELAS JABATAN;TMT JABATAN;NPWP;NAMA BANK;NOMOR REKENING\n\
            198001012005011001;Sri Wahyuni;III/c;;Perawat;Puskesmas  panggul;7;02-01-2024;09.254.294.3-407.000;Bank Jatim;0012 3456 78\n\
            198502022010012002;Budi Santoso;III/a;;Pengadministrasi;dinkes;6;;;;\n";
        let current = Snapshot {
            units: vec![
                Unit {
                    unit_id: "dinkes".into(),
                    parent_id: None,
                    name: "Dinas Kesehatan".into(),
                    kind: "dinas".into(),
                    monthly_users: None,
                    service_hours: None,
                    head_nip: None,
                    treasurer_nip: None,
                },
                Unit {
                    unit_id: "pkm-panggul".into(),
                    parent_id: Some("dinkes".into()),
                    name: "Puskesmas Panggul".into(),
                    kind: "puskesmas".into(),
                    monthly_users: Some(900),
                    service_hours: None,
                    head_nip: None,
                    treasurer_nip: None,
                },
            ],
            ..Snapshot::default()
        };
        let plan = plan_import(
            &ImportFiles {
                officers: Some(officers.as_bytes()),
                ..Default::default()
            },
            &current,
            TODAY,
        )
        .unwrap();
        let sri = &plan.officers[0];
        assert_eq!(
            (
                sri.after.unit_id.as_str(),
                sri.after.position_class.as_str()
            ),
            ("pkm-panggul", "7")
        );
        assert_eq!(sri.new_assignment_from, Some(date!(2024 - 01 - 02)));
        assert_eq!(plan.officers[1].new_assignment_from, Some(TODAY));
        assert_eq!(
            sri.after.pay,
            PayDetails {
                rank: "III/c".into(),
                npwp: "092542943407000".into(),
                bank: "Bank Jatim".into(),
                account_number: "0012345678".into(),
            }
        );
        assert_eq!(
            plan.ignored_columns,
            [(Table::Officers, "ESELON".to_string())]
        );
        // A list without the pay columns keeps what was stored; a lost-digits account is
        // refused.
        let mut known = current.clone();
        known.officers.push(CurrentOfficer {
            officer: sri.after.clone(),
            since: date!(2024 - 01 - 02),
            left_on: None,
        });
        let bare = "NIP;NAMA;JABATAN;UNIT KERJA;KELAS JABATAN\n198001012005011001;Sri Wahyuni;Perawat;pkm-panggul;7\n";
        let plan = plan_import(
            &ImportFiles {
                officers: Some(bare.as_bytes()),
                ..Default::default()
            },
            &known,
            TODAY,
        )
        .unwrap();
        assert_eq!((plan.officers.len(), plan.unchanged), (0, 1));
        let lost = "NIP;NAMA;JABATAN;UNIT KERJA;NO REK\n198001012005011001;Sri;Perawat;dinkes;1.23457E+15\n";
        let errors = plan_import(
            &ImportFiles {
                officers: Some(lost.as_bytes()),
                ..Default::default()
            },
            &known,
            TODAY,
        )
        .unwrap_err();
        assert_eq!(errors[0].field, "account_number", "{}", errors[0]);
        // A name two units share, or none has, is named as a problem.
        let mut twins = current.clone();
        twins.units[1].name = "Dinas Kesehatan".into();
        let file = "NIP;NAMA;JABATAN;UNIT KERJA\n198001012005011001;Sri;Perawat;Dinas Kesehatan\n198502022010012002;Budi;Staf;Dinas Pariwisata\n";
        let errors = plan_import(
            &ImportFiles {
                officers: Some(file.as_bytes()),
                ..Default::default()
            },
            &twins,
            TODAY,
        )
        .unwrap_err();
        assert!(
            errors[0]
                .reason
                .to_string()
                .contains("several units are named"),
            "{}",
            errors[0]
        );
        assert!(
            errors[1]
                .reason
                .to_string()
                .contains("neither the code nor the name"),
            "{}",
            errors[1]
        );
        // A column of ours misspelt is refused, not read as empty.
        let misspelt =
            "NIP;NAMA;JABATAN;UNIT KERJA;KELAS JABTAN\n198001012005011001;Sri;Perawat;dinkes;7\n";
        let errors = plan_import(
            &ImportFiles {
                officers: Some(misspelt.as_bytes()),
                ..Default::default()
            },
            &current,
            TODAY,
        )
        .unwrap_err();
        assert_eq!(errors[0].field, "KELAS JABTAN");
        assert_eq!(sheet_date("31/12/2025"), Some(date!(2025 - 12 - 31)));
        assert_eq!(sheet_date("2/1/2024"), Some(date!(2024 - 01 - 02)));
        assert_eq!(sheet_date("31-02-2024"), None);
        assert_eq!(sheet_date("01-02-24"), None);
    }

    #[test]
    fn cycles_are_refused() {
        let stored = applied(
            &plan_import(
                &files(UNITS, SERVICES, POINTS, OFFICERS),
                &Snapshot::default(),
                TODAY,
            )
            .unwrap(),
            Snapshot::default(),
        );
        let units = "unit_id,parent_id,name,kind\ndinkes,pkm-panggul,Dinas Kesehatan,dinas\n";
        let errors = plan_import(
            &ImportFiles {
                units: Some(units.as_bytes()),
                ..Default::default()
            },
            &stored,
            TODAY,
        )
        .unwrap_err();
        assert_eq!(errors.len(), 1);
        assert_eq!(
            errors[0].reason.to_string(),
            "'pkm-panggul' would make a cycle: dinkes → pkm-panggul → dinkes"
        );
        let own = "unit_id,parent_id,name,kind\nx,x,X,dinas\n";
        assert!(plan_import(
            &ImportFiles {
                units: Some(own.as_bytes()),
                ..Default::default()
            },
            &stored,
            TODAY
        )
        .is_err());
    }

    #[test]
    fn service_hours_are_read_canonically_and_bad_ones_named() {
        let units = "unit_id,name,kind,service_hours\n\
            dinkes,Dinas Kesehatan,dinas,\"senin-kamis 07.30-16.00; jumat 07.30-11.00\"\n\
            rsud,RSUD,rsud,\n";
        let plan = plan_import(
            &ImportFiles {
                units: Some(units.as_bytes()),
                ..Default::default()
            },
            &Snapshot::default(),
            TODAY,
        )
        .unwrap();
        let hours = plan.units[0].after.service_hours.as_ref().unwrap();
        assert_eq!(hours.to_string(), "Sen-Kam 07:30-16:00; Jum 07:30-11:00");
        assert_eq!(plan.units[1].after.service_hours, None);
        let bad = "unit_id,name,kind,service_hours\ndinkes,D,dinas,Sen 16:00-08:00\n";
        let errors = plan_import(
            &ImportFiles {
                units: Some(bad.as_bytes()),
                ..Default::default()
            },
            &Snapshot::default(),
            TODAY,
        )
        .unwrap_err();
        assert_eq!(errors.len(), 1);
        assert_eq!(
            (errors[0].line, errors[0].field.as_str()),
            (2, "service_hours")
        );
        assert!(errors[0]
            .reason
            .to_string()
            .contains("must start before it ends"));
    }

    #[test]
    fn blank_rows_are_skipped_and_ragged_rows_reported() {
        let services = "service_id,unit_id,name\n,,\nx,dinkes\n";
        let stored = Snapshot {
            units: vec![Unit {
                unit_id: "dinkes".into(),
                parent_id: None,
                name: "D".into(),
                kind: "dinas".into(),
                monthly_users: None,
                service_hours: None,
                head_nip: None,
                treasurer_nip: None,
            }],
            ..Default::default()
        };
        let errors = plan_import(
            &ImportFiles {
                services: Some(services.as_bytes()),
                ..Default::default()
            },
            &stored,
            TODAY,
        )
        .unwrap_err();
        assert_eq!((errors[0].line, errors[0].field.as_str()), (3, "row"));
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        /// A units file of `n` units where each parent is an earlier unit (or none), in a
        /// shuffled order, and an officers file placing officers in those units.
        fn files_strategy() -> impl Strategy<Value = (String, String)> {
            (1usize..12)
                .prop_flat_map(|n| {
                    (
                        proptest::collection::vec(proptest::option::of(0usize..n), n),
                        Just((0..n).collect::<Vec<usize>>()).prop_shuffle(),
                        proptest::collection::vec((0usize..n, 0usize..3), 0..8),
                    )
                })
                .prop_map(|(parents, order, officers)| {
                    let mut units = String::from("unit_id,parent_id,name,kind\n");
                    for i in order {
                        let parent = parents[i]
                            .filter(|p| *p < i)
                            .map(|p| format!("u{p}"))
                            .unwrap_or_default();
                        units += &format!("u{i},{parent},Unit {i},dinas\n");
                    }
                    let mut people = String::from("nip,name,position,unit_id\n");
                    for (k, (unit, position)) in officers.iter().enumerate() {
                        people +=
                            &format!("1990010120150320{k:02},Officer {k},P{position},u{unit}\n");
                    }
                    (units, people)
                })
        }

        proptest! {
            #[test]
            fn importing_twice_changes_nothing_and_parents_come_first((units, officers) in files_strategy()) {
                let files = ImportFiles { units: Some(units.as_bytes()), officers: Some(officers.as_bytes()), ..Default::default() };
                let plan = plan_import(&files, &Snapshot::default(), TODAY).unwrap();
                for (i, change) in plan.units.iter().enumerate() {
                    if let Some(parent) = &change.after.parent_id {
                        prop_assert!(plan.units[..i].iter().any(|c| &c.after.unit_id == parent));
                    }
                }
                let stored = applied(&plan, Snapshot::default());
                let again = plan_import(&files, &stored, TODAY).unwrap();
                prop_assert!(again.is_empty());
            }
        }
    }
}
