//! Reading SKM answers from a CSV table (as exported from a spreadsheet or a paper-survey
//! tally): a header row with columns `u1`…`u9` (any order, case-insensitive, other
//! columns ignored), one response per row, an empty cell for an unanswered element.
//!
//! Spreadsheet quirks are accepted (see [`crate::spreadsheet`]).

use super::answers::{Answers, Rating};
use super::element::ELEMENT_COUNT;
use super::score::Tally;
use crate::spreadsheet::{csv_reader, describe_csv_error};

/// A problem in the file, with the 1-based line it was found on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct TableError {
    pub line: u64,
    pub message: String,
}

impl TableError {
    fn new(line: u64, message: impl Into<String>) -> TableError {
        TableError {
            line,
            message: message.into(),
        }
    }
}

/// Reads every response of the table into a tally. Rows with no element answered are not
/// responses and are skipped. The first bad cell stops the read with its line and column.
pub fn tally_csv(bytes: &[u8]) -> Result<Tally, TableError> {
    let mut reader = csv_reader(bytes);

    let header = reader.headers().map_err(|e| csv_error(e, 1))?.clone();
    let columns = element_columns(&header)?;

    let mut tally = Tally::default();
    let mut record = csv::StringRecord::new();
    loop {
        let more = reader
            .read_record(&mut record)
            .map_err(|e| csv_error(e, 0))?;
        if !more {
            break;
        }
        let line = record.position().map_or(0, |p| p.line());
        let mut ratings = [None; ELEMENT_COUNT];
        for (element, &column) in columns.iter().enumerate() {
            let cell = record.get(column).unwrap_or("").trim();
            if cell.is_empty() {
                continue;
            }
            let name = &header[column];
            let value: i64 = cell.parse().map_err(|_| {
                TableError::new(
                    line,
                    format!("column {name}: '{cell}' is not a whole number 1–4"),
                )
            })?;
            ratings[element] = Some(Rating::new(value).ok_or_else(|| {
                TableError::new(line, format!("column {name}: score {value} is outside 1–4"))
            })?);
        }
        if let Ok(answers) = Answers::new(ratings) {
            tally.add(&answers);
        }
    }
    Ok(tally)
}

/// Column index of each element u1…u9 in the header.
fn element_columns(header: &csv::StringRecord) -> Result<[usize; ELEMENT_COUNT], TableError> {
    let mut columns = [None; ELEMENT_COUNT];
    for (index, name) in header.iter().enumerate() {
        let name = name.trim().to_ascii_lowercase();
        let element = name
            .strip_prefix('u')
            .and_then(|n| n.parse::<usize>().ok())
            .filter(|n| (1..=ELEMENT_COUNT).contains(n));
        if let Some(n) = element {
            if columns[n - 1].replace(index).is_some() {
                return Err(TableError::new(
                    1,
                    format!("header: column u{n} appears twice"),
                ));
            }
        }
    }
    let missing: Vec<String> = (1..=ELEMENT_COUNT)
        .filter(|n| columns[n - 1].is_none())
        .map(|n| format!("u{n}"))
        .collect();
    if !missing.is_empty() {
        return Err(TableError::new(
            1,
            format!(
                "header: missing column(s) {}; the header needs u1,u2,…,u9",
                missing.join(", ")
            ),
        ));
    }
    Ok(columns.map(|c| c.unwrap_or_default()))
}

fn csv_error(error: csv::Error, fallback_line: u64) -> TableError {
    let (line, reason) = describe_csv_error(&error);
    TableError::new(line.unwrap_or(fallback_line), reason.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::skm::Weighting;

    fn ikm(csv: &str) -> String {
        tally_csv(csv.as_bytes())
            .unwrap()
            .score(Weighting::Exact)
            .unwrap()
            .ikm_rounded()
            .to_string()
    }

    #[test]
    fn reads_responses_and_ignores_other_columns() {
        let csv =
            "id,U1,u2,u3,u4,u5,u6,u7,u8,u9,note\n1,4,4,4,4,4,4,4,4,4,ok\n2,3,3,3,3,3,3,3,3,3,\n";
        let tally = tally_csv(csv.as_bytes()).unwrap();
        assert_eq!(tally.responses(), 2);
        assert_eq!(ikm(csv), "87.50");
    }

    #[test]
    fn columns_in_any_order_with_semicolons_and_bom() {
        let csv = "\u{feff}u9;u8;u7;u6;u5;u4;u3;u2;u1\r\n4;4;4;4;4;4;4;4;1\r\n";
        let tally = tally_csv(csv.as_bytes()).unwrap();
        assert_eq!(tally.sums()[0], 1);
        assert_eq!(tally.sums()[8], 4);
    }

    #[test]
    fn empty_cells_are_unanswered_and_empty_rows_skipped() {
        let csv = "u1,u2,u3,u4,u5,u6,u7,u8,u9\n4,,4,4,4,4,4,4,4\n,,,,,,,,\n";
        let tally = tally_csv(csv.as_bytes()).unwrap();
        assert_eq!(tally.responses(), 1);
        assert_eq!(tally.counts()[1], 0);
    }

    #[test]
    fn errors_name_the_line_and_column() {
        let header = "u1,u2,u3,u4,u5,u6,u7,u8,u9\n";
        let err = tally_csv(format!("{header}4,4,4,4,4,4,4,4,4\n4,4,5,4,4,4,4,4,4\n").as_bytes())
            .unwrap_err();
        assert_eq!(err.to_string(), "line 3: column u3: score 5 is outside 1–4");

        let err = tally_csv(format!("{header}4,4,4,x,4,4,4,4,4\n").as_bytes()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "line 2: column u4: 'x' is not a whole number 1–4"
        );

        let err = tally_csv(format!("{header}4,4,4,3.5,4,4,4,4,4\n").as_bytes()).unwrap_err();
        assert_eq!(err.line, 2);

        let err = tally_csv(format!("{header}4,4,4\n").as_bytes()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "line 2: expected 9 fields like the header, found 3"
        );
    }

    #[test]
    fn header_errors() {
        let err = tally_csv(b"u1,u2,u3\n4,4,4\n").unwrap_err();
        assert_eq!(err.line, 1);
        assert!(err.message.contains("u4, u5, u6, u7, u8, u9"), "{err}");
        let err = tally_csv(b"u1,u1,u2,u3,u4,u5,u6,u7,u8,u9\n").unwrap_err();
        assert!(err.message.contains("u1 appears twice"), "{err}");
        assert!(tally_csv(b"").is_err());
    }

    #[test]
    fn invalid_utf8_is_reported() {
        let err = tally_csv(b"u1,u2,u3,u4,u5,u6,u7,u8,u9\n4,4,4,4,4,4,4,4,\xff\n").unwrap_err();
        assert_eq!(err.line, 2);
        assert!(err.message.contains("UTF-8"));
    }
}
