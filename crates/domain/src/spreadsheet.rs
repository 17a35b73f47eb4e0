//! CSV files as spreadsheets write them: a UTF-8 byte-order mark is skipped, and `;` or tab
//! is accepted as the separator (Indonesian-locale Excel writes `;`). An Excel workbook
//! (xlsx, as SIMPEG and BKPSDM keep their lists) is read as the CSV of its first sheet.

use std::borrow::Cow;
use std::collections::HashSet;
use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};

/// Why a workbook could not be read.
#[derive(Clone, Debug, thiserror::Error, PartialEq, Eq)]
pub enum SheetError {
    #[error("the file looks like an Excel workbook but cannot be read: {0}")]
    Unreadable(String),
    #[error("the workbook has no sheet")]
    NoSheet,
    #[error("the first sheet uses cells beyond row {MAX_ROWS} or column {MAX_COLUMNS}: keep only the list on it")]
    TooLarge,
}

/// The largest sheet read: a regency's officers, villages or catalogue fit many times over.
pub const MAX_ROWS: u32 = 200_000;
pub const MAX_COLUMNS: u32 = 200;

/// Why the CSV reader refused a row or the header.
#[derive(Clone, Debug, thiserror::Error, PartialEq, Eq)]
pub enum CsvProblem {
    #[error("expected {expected} fields like the header, found {found}")]
    FieldCount { expected: u64, found: u64 },
    #[error("not valid UTF-8 text (save the file as CSV UTF-8)")]
    NotUtf8,
    /// Any other fault, in the reader's own words.
    #[error("{0}")]
    Other(String),
}

/// A file read as CSV, and which of its cells the workbook stored as numbers.
pub struct Sheet<'a> {
    pub csv: Cow<'a, [u8]>,
    /// (record, column) of each cell stored as a number; record 0 is the header. Empty for
    /// a CSV file, whose cells are all text.
    pub numbers: HashSet<(usize, usize)>,
}

/// The bytes as CSV: an xlsx workbook becomes the CSV of its first sheet (dates as
/// YYYY-MM-DD); anything else is returned as it is, for the CSV reader to judge.
pub fn as_csv(bytes: &[u8]) -> Result<Cow<'_, [u8]>, SheetError> {
    convert(bytes, false).map(|sheet| sheet.csv)
}

/// As [`as_csv`], also saying which cells were numbers: a number has lost the leading
/// zeros an account number may have, so a reader can refuse it where they matter.
pub fn read_sheet(bytes: &[u8]) -> Result<Sheet<'_>, SheetError> {
    convert(bytes, true)
}

/// The sheet as CSV; the number cells' places only when `record_numbers` asks for them (a
/// large sheet's set would cost memory no reader of plain CSV needs).
fn convert(bytes: &[u8], record_numbers: bool) -> Result<Sheet<'_>, SheetError> {
    // Every xlsx is a zip archive; CSV text never starts with its signature.
    if !bytes.starts_with(b"PK\x03\x04") {
        return Ok(Sheet {
            csv: Cow::Borrowed(bytes),
            numbers: HashSet::new(),
        });
    }
    let unreadable = |e: calamine::XlsxError| SheetError::Unreadable(e.to_string());
    let mut workbook: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(unreadable)?;
    let first = workbook
        .sheet_names()
        .into_iter()
        .next()
        .ok_or(SheetError::NoSheet)?;
    // Cell by cell, never as a grid: one stray cell far out (XFD1048576) would make the
    // grid hundreds of gigabytes.
    let mut rows: std::collections::BTreeMap<u32, Vec<(u32, String, bool)>> = Default::default();
    let mut width = 0;
    let mut cells = workbook
        .worksheet_cells_reader(&first)
        .map_err(unreadable)?;
    while let Some(cell) = cells.next_cell().map_err(unreadable)? {
        let (row, column) = cell.get_position();
        if row >= MAX_ROWS || column >= MAX_COLUMNS {
            return Err(SheetError::TooLarge);
        }
        let data = Data::from(cell.get_value().clone());
        let text = cell_text(&data);
        if !text.is_empty() {
            width = width.max(column + 1);
            let number = record_numbers && matches!(data, Data::Float(_) | Data::Int(_));
            rows.entry(row).or_default().push((column, text, number));
        }
    }
    let mut out = csv::Writer::from_writer(Vec::new());
    let mut line = vec![String::new(); width as usize];
    let mut numbers = HashSet::new();
    for (record, cells) in rows.values().enumerate() {
        line.iter_mut().for_each(String::clear);
        for (column, text, number) in cells {
            line[*column as usize].clone_from(text);
            if *number {
                numbers.insert((record, *column as usize));
            }
        }
        out.write_record(&line)
            .map_err(|e| SheetError::Unreadable(e.to_string()))?;
    }
    let csv = out
        .into_inner()
        .map_err(|e| SheetError::Unreadable(e.to_string()))?;
    Ok(Sheet {
        csv: Cow::Owned(csv),
        numbers,
    })
}

/// A cell as the CSV a person would have saved. A number too long for a float to hold
/// exactly (an 18-digit NIP typed as a number) is written in exponent form, so that a NIP
/// check refuses it rather than taking digits Excel has already changed.
fn cell_text(cell: &Data) -> String {
    const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53
    match cell {
        Data::Float(f) if f.fract() == 0.0 && f.abs() < EXACT => format!("{}", *f as i64),
        Data::Float(f) if f.abs() >= EXACT => format!("{f:e}"),
        Data::DateTime(d) if d.is_datetime() => {
            let (year, month, day, ..) = d.to_ymd_hms_milli();
            format!("{year:04}-{month:02}-{day:02}")
        }
        other => other.to_string(),
    }
}

/// A CSV reader over the bytes, header row expected.
pub fn csv_reader(bytes: &[u8]) -> csv::Reader<&[u8]> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    csv::ReaderBuilder::new()
        .delimiter(detect_delimiter(bytes))
        .has_headers(true)
        .from_reader(bytes)
}

/// Picks `;` or tab when the header line uses it and has no comma; comma otherwise.
fn detect_delimiter(bytes: &[u8]) -> u8 {
    let first_line = bytes.split(|&b| b == b'\n').next().unwrap_or_default();
    let has = |c: u8| first_line.contains(&c);
    if has(b',') {
        b','
    } else if has(b';') {
        b';'
    } else if has(b'\t') {
        b'\t'
    } else {
        b','
    }
}

/// The line a CSV error happened on (when the reader knows it) and why, for people.
pub fn describe_csv_error(error: &csv::Error) -> (Option<u64>, CsvProblem) {
    let line = error.position().map(|p| p.line());
    let problem = match error.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => CsvProblem::FieldCount {
            expected: *expected_len,
            found: *len,
        },
        csv::ErrorKind::Utf8 { .. } => CsvProblem::NotUtf8,
        _ => CsvProblem::Other(error.to_string()),
    };
    (line, problem)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A SIMPEG-like workbook: NIP as text and as a number, a date cell, a whole number.
    #[test]
    fn a_workbook_reads_as_the_csv_of_its_first_sheet() {
        use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
        let mut book = Workbook::new();
        let sheet = book.add_worksheet();
        for (col, header) in ["NIP", "NAMA", "KELAS JABATAN", "TMT JABATAN"]
            .iter()
            .enumerate()
        {
            sheet.write_string(0, col as u16, *header).unwrap();
        }
        sheet.write_string(1, 0, "198001012005011001").unwrap();
        sheet.write_string(1, 1, "Sri Wahyuni, S.Kep").unwrap();
        sheet.write_number(1, 2, 7.0).unwrap();
        let date = ExcelDateTime::from_ymd(2024, 1, 2).unwrap();
        sheet
            .write_datetime_with_format(1, 3, &date, &Format::new().set_num_format("dd/mm/yyyy"))
            .unwrap();
        sheet.write_number(2, 0, 198001012005011001.0).unwrap();
        let bytes = book.save_to_buffer().unwrap();
        let csv = as_csv(&bytes).unwrap();
        let text = std::str::from_utf8(&csv).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "NIP,NAMA,KELAS JABATAN,TMT JABATAN");
        assert_eq!(
            lines[1],
            "198001012005011001,\"Sri Wahyuni, S.Kep\",7,2024-01-02"
        );
        assert!(lines[2].starts_with("1.98001012005011e17"), "{}", lines[2]);
        let numbers = read_sheet(&bytes).unwrap().numbers;
        assert_eq!(numbers, HashSet::from([(1, 2), (2, 0)]));
        // CSV passes through untouched; a broken workbook is named as such.
        assert_eq!(as_csv(b"nip,name\n").unwrap().as_ref(), b"nip,name\n");
        assert!(matches!(
            as_csv(b"PK\x03\x04broken"),
            Err(SheetError::Unreadable(_))
        ));
    }

    #[test]
    fn separators_and_bom() {
        for text in ["\u{feff}a,b\n1,2\n", "a;b\n1;2\n", "a\tb\n1\t2\n"] {
            let mut reader = csv_reader(text.as_bytes());
            assert_eq!(
                reader.headers().unwrap().iter().collect::<Vec<_>>(),
                ["a", "b"]
            );
            let row = reader.records().next().unwrap().unwrap();
            assert_eq!(row.iter().collect::<Vec<_>>(), ["1", "2"]);
        }
    }

    #[test]
    fn ragged_rows_name_their_line() {
        let mut reader = csv_reader(b"a,b\n1,2\n3\n");
        let error = reader.records().nth(1).unwrap().unwrap_err();
        let (line, problem) = describe_csv_error(&error);
        assert_eq!(line, Some(3));
        assert_eq!(
            problem,
            CsvProblem::FieldCount {
                expected: 2,
                found: 1
            }
        );
        assert!(
            problem.to_string().contains("expected 2 fields"),
            "{problem}"
        );
    }
}
