//! The payroll's imported inputs, as CSV from finance and HR:
//!
//! - base amounts: `KELAS JABATAN,TPP DASAR` (or `position_class,base_amount`) — the monthly
//!   base TPP of each position class, whole rupiah (`4500000`, `4.500.000` or `Rp 4,500,000`);
//! - other components: `NIP,BULAN,KEHADIRAN,PRODUKTIVITAS` (or
//!   `nip,month,attendance,productivity`) — factors 0–1 (`0.95`) or percentages (`95%`) per
//!   officer and month; an empty cell means "not imported".
//!
//! Every bad row is listed (line, column, reason) and nothing is taken from a file with any.

use std::collections::{HashMap, HashSet};

use super::policy::{OtherFactors, FACTOR_PLACES};
use crate::decimal::Decimal;
use crate::org::valid_nip;
use crate::period::Month;
use crate::reason::Reason;
use crate::spreadsheet::{as_csv, csv_reader, describe_csv_error};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineError {
    pub line: u64,
    pub field: String,
    pub reason: Reason,
}

/// Base TPP per position class.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BaseAmount {
    pub position_class: String,
    pub amount: u64,
}

/// The other components of one officer in one month.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ComponentRow {
    pub nip: String,
    pub month: Month,
    pub factors: OtherFactors,
}

/// Each column's Indonesian header, as the import page names it and a BKPSDM or BPKAD sheet
/// heads it; either name is read.
pub const HEADERS: &[(&str, &str)] = &[
    ("position_class", "KELAS JABATAN"),
    ("base_amount", "TPP DASAR"),
    ("nip", "NIP"),
    ("month", "BULAN"),
    ("attendance", "KEHADIRAN"),
    ("productivity", "PRODUKTIVITAS"),
];

/// The column a header names: its own name or its Indonesian header, in any case and
/// spacing (`Kelas Jabatan`, `TPP_DASAR`); anything else as written, lowercased.
fn column_of(header: &str) -> String {
    let folded = |text: &str| {
        text.to_lowercase()
            .replace(['_', '-', '/', '.'], " ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let header = folded(header);
    HEADERS
        .iter()
        .find(|(column, indonesian)| folded(column) == header || folded(indonesian) == header)
        .map_or(header.clone(), |(column, _)| (*column).to_string())
}

/// The header a column is asked for by: its Indonesian one.
fn header_of(column: &str) -> &str {
    HEADERS
        .iter()
        .find(|(c, _)| *c == column)
        .map_or(column, |(_, header)| header)
}

/// Rows as maps from column to cell, with their line numbers; the header must hold
/// `required` (other columns are ignored).
fn rows(
    bytes: &[u8],
    required: &[&str],
    errors: &mut Vec<LineError>,
) -> Vec<(u64, HashMap<String, String>)> {
    let bytes = match as_csv(bytes) {
        Ok(bytes) => bytes,
        Err(e) => {
            errors.push(LineError {
                line: 1,
                field: "file".into(),
                reason: e.into(),
            });
            return Vec::new();
        }
    };
    let mut reader = csv_reader(&bytes);
    let header: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(column_of).collect(),
        Err(e) => {
            let (line, problem) = describe_csv_error(&e);
            errors.push(LineError {
                line: line.unwrap_or(1),
                field: "header".into(),
                reason: problem.into(),
            });
            return Vec::new();
        }
    };
    for column in required {
        if !header.iter().any(|h| h == column) {
            errors.push(LineError {
                line: 1,
                field: (*column).into(),
                reason: Reason::NoColumn {
                    column: header_of(column).to_string(),
                },
            });
        }
    }
    if !errors.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for record in reader.records() {
        match record {
            Ok(record) => {
                if record.iter().all(|c| c.trim().is_empty()) {
                    continue;
                }
                let line = record.position().map_or(0, |p| p.line());
                let cells = header
                    .iter()
                    .cloned()
                    .zip(record.iter().map(|c| c.trim().to_string()))
                    .collect();
                out.push((line, cells));
            }
            Err(e) => {
                let (line, problem) = describe_csv_error(&e);
                errors.push(LineError {
                    line: line.unwrap_or(0),
                    field: "row".into(),
                    reason: problem.into(),
                });
            }
        }
    }
    out
}

/// Whole rupiah, with optional `Rp` and thousands separators (`.` or `,` every three digits).
pub fn parse_rupiah(text: &str) -> Option<u64> {
    let text = text.trim();
    let text = text
        .strip_prefix("Rp")
        .or_else(|| text.strip_prefix("rp"))
        .unwrap_or(text)
        .trim();
    let groups: Vec<&str> = text.split(['.', ',']).collect();
    let first = groups.first()?;
    let well_grouped = !first.is_empty()
        && first.len() <= if groups.len() > 1 { 3 } else { 20 }
        && groups[1..].iter().all(|g| g.len() == 3);
    if !well_grouped || !groups.iter().all(|g| g.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    groups.concat().parse().ok()
}

/// A factor 0–1 as a decimal (`0.95`, at most 4 places) or a percentage (`95%`, `97.5 %`).
pub fn parse_factor(text: &str) -> Option<Decimal> {
    let text = text.trim();
    let factor = match text.strip_suffix('%') {
        Some(percent) => {
            let p = Decimal::parse(percent)?;
            (p.places() + 2 <= 9).then(|| Decimal::new(p.scaled(), p.places() + 2))?
        }
        None => Decimal::parse(text)?,
    };
    let value = factor.to_rational();
    let in_range =
        value >= Decimal::new(0, 0).to_rational() && value <= Decimal::new(1, 0).to_rational();
    let fine_enough = Decimal::round_half_away(&value, FACTOR_PLACES).to_rational() == value;
    (in_range && fine_enough).then_some(factor)
}

pub fn parse_base_amounts(bytes: &[u8]) -> Result<Vec<BaseAmount>, Vec<LineError>> {
    let mut errors = Vec::new();
    let mut seen = HashSet::new();
    let mut amounts = Vec::new();
    for (line, cells) in rows(bytes, &["position_class", "base_amount"], &mut errors) {
        let error = |field: &str, reason: Reason| LineError {
            line,
            field: field.into(),
            reason,
        };
        let class = cells["position_class"].clone();
        if class.is_empty() || class.chars().count() > 32 {
            errors.push(error("position_class", Reason::Length { min: 1, max: 32 }));
            continue;
        }
        if !seen.insert(class.clone()) {
            errors.push(error(
                "position_class",
                Reason::AppearsTwice { value: class },
            ));
            continue;
        }
        match parse_rupiah(&cells["base_amount"]) {
            Some(amount) => amounts.push(BaseAmount {
                position_class: class,
                amount,
            }),
            None => errors.push(error(
                "base_amount",
                Reason::NotRupiah {
                    value: cells["base_amount"].clone(),
                },
            )),
        }
    }
    if errors.is_empty() {
        Ok(amounts)
    } else {
        Err(errors)
    }
}

pub fn parse_components(bytes: &[u8]) -> Result<Vec<ComponentRow>, Vec<LineError>> {
    let mut errors = Vec::new();
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for (line, cells) in rows(bytes, &["nip", "month"], &mut errors) {
        let mut problem = |field: &str, reason: Reason| {
            errors.push(LineError {
                line,
                field: field.into(),
                reason,
            })
        };
        let nip = cells["nip"].clone();
        if !valid_nip(&nip) {
            problem("nip", Reason::NotANip { value: nip.clone() });
        }
        let month = cells["month"].parse::<Month>().ok();
        if month.is_none() {
            problem(
                "month",
                Reason::NotAMonthLikeOctober {
                    value: cells["month"].clone(),
                },
            );
        }
        let mut factor = |column: &str| match cells.get(column).map(String::as_str).unwrap_or("") {
            "" => Some(None),
            text => match parse_factor(text) {
                Some(f) => Some(Some(f)),
                None => {
                    problem(
                        column,
                        Reason::NotAFactor {
                            value: text.to_string(),
                        },
                    );
                    None
                }
            },
        };
        let (attendance, productivity) = (factor("attendance"), factor("productivity"));
        if let (Some(month), Some(attendance), Some(productivity)) =
            (month, attendance, productivity)
        {
            if !valid_nip(&nip) {
                continue;
            }
            if !seen.insert((nip.clone(), month)) {
                problem("nip", Reason::NipTwice { nip, month });
                continue;
            }
            out.push(ComponentRow {
                nip,
                month,
                factors: OtherFactors {
                    attendance,
                    productivity,
                },
            });
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rupiah_and_factors_are_read_as_people_write_them() {
        for (text, value) in [
            ("4500000", Some(4_500_000)),
            ("4.500.000", Some(4_500_000)),
            ("Rp 4,500,000", Some(4_500_000)),
            ("0", Some(0)),
            ("4.500.000,50", None),
            ("45.00", None),
            ("-5", None),
            ("", None),
            ("lima juta", None),
        ] {
            assert_eq!(parse_rupiah(text), value, "{text}");
        }
        let factor = |t: &str| parse_factor(t).map(|d| d.to_string());
        assert_eq!(factor("0.95").as_deref(), Some("0.95"));
        assert_eq!(factor("95%").as_deref(), Some("0.95"));
        assert_eq!(factor("97.5 %").as_deref(), Some("0.975"));
        assert_eq!(factor("1").as_deref(), Some("1"));
        for bad in ["1.01", "101%", "0.12345", "-0.1", "x"] {
            assert_eq!(factor(bad), None, "{bad}");
        }
    }

    /// BPKAD's and BKPSDM's sheets head their columns in Indonesian.
    #[test]
    fn indonesian_headers_are_read() {
        let base = parse_base_amounts(b"Kelas Jabatan;TPP Dasar\n7;Rp4.500.000\n").unwrap();
        assert_eq!(base[0].amount, 4_500_000);
        let components = parse_components(
            b"NIP,BULAN,KEHADIRAN,PRODUKTIVITAS\n198001012005011001,2026-11,95%,\n",
        )
        .unwrap();
        assert_eq!(components[0].nip, "198001012005011001");
        let missing = parse_base_amounts(b"KELAS JABATAN\n7\n").unwrap_err();
        assert_eq!(
            missing[0].reason,
            Reason::NoColumn {
                column: "TPP DASAR".into()
            }
        );
        assert_eq!(
            missing[0].reason.to_string(),
            "the header has no column 'TPP DASAR'"
        );
    }

    #[test]
    fn base_amounts_and_components_list_every_bad_row() {
        let base = "position_class;base_amount\n7;4.500.000\n8;5.250.000\n";
        assert_eq!(
            parse_base_amounts(base.as_bytes()).unwrap(),
            [
                BaseAmount {
                    position_class: "7".into(),
                    amount: 4_500_000
                },
                BaseAmount {
                    position_class: "8".into(),
                    amount: 5_250_000
                },
            ]
        );
        let bad = "position_class,base_amount\n7,4.500.000\n7,1\n9,banyak\n";
        let errors = parse_base_amounts(bad.as_bytes()).unwrap_err();
        assert_eq!(
            errors
                .iter()
                .map(|e| (e.line, e.field.as_str()))
                .collect::<Vec<_>>(),
            [(3, "position_class"), (4, "base_amount")]
        );
        assert_eq!(parse_base_amounts(b"class,amount\n").unwrap_err().len(), 2);

        let components = "nip,month,attendance,productivity\n\
            198001012005011001,2026-10,0.95,90%\n\
            197503152000031002,2026-10,,1\n";
        let rows = parse_components(components.as_bytes()).unwrap();
        assert_eq!(rows[0].factors.productivity.unwrap().to_string(), "0.90");
        assert_eq!(rows[1].factors.attendance, None);
        let bad = "nip,month,attendance\n123,2026-13,2\n198001012005011001,2026-10,1\n198001012005011001,2026-10,1\n";
        let errors = parse_components(bad.as_bytes()).unwrap_err();
        assert_eq!(
            errors
                .iter()
                .map(|e| (e.line, e.field.as_str()))
                .collect::<Vec<_>>(),
            [(2, "nip"), (2, "month"), (2, "attendance"), (4, "nip")]
        );
    }
}
