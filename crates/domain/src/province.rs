//! The province's table of service codes: which of each regency's services is which of the
//! province's standard services, so regencies whose own codes differ (`ktp` in one,
//! `ktp-el` in another) are compared side by side. Read from a file the province keeps (CSV
//! or xlsx, Indonesian or English headers) and checked whole against the regencies and
//! services the deployment holds: a file with any problem changes nothing.

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::reason::Reason;
use crate::spreadsheet::{as_csv, csv_reader};
use crate::survey::valid_code;

/// One regency's service counted as one of the province's services.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mapping {
    /// The regency's code (its entry).
    pub regency: String,
    /// The service's code in that regency.
    pub service: String,
    /// The province's code for it.
    pub province_service: String,
}

/// A problem of the file, at a line (1 is the header) or of the whole file (line 0).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub line: u64,
    pub reason: Reason,
}

/// What the deployment holds: each regency's code and name, and its services' codes.
pub struct Known {
    pub regencies: Vec<(String, String)>,
    pub services: HashMap<String, HashSet<String>>,
}

impl Known {
    /// A regency by its code, or by its name in any case.
    fn regency(&self, cell: &str) -> Option<&str> {
        self.regencies
            .iter()
            .find(|(code, name)| code == cell || name.eq_ignore_ascii_case(cell))
            .map(|(code, _)| code.as_str())
    }
}

/// The columns, by the names a province's file may give them.
const COLUMNS: [(&str, &[&str]); 3] = [
    (
        "regency",
        &[
            "regency",
            "regency_code",
            "kode daerah",
            "daerah",
            "kabupaten/kota",
        ],
    ),
    (
        "service",
        &["service", "service_code", "kode layanan", "layanan"],
    ),
    (
        "province_service",
        &[
            "province_service",
            "province_service_code",
            "kode layanan provinsi",
            "layanan provinsi",
        ],
    ),
];

/// The file's mappings, or every problem found in it.
pub fn read(bytes: &[u8], known: &Known) -> Result<Vec<Mapping>, Vec<Problem>> {
    let whole = |reason: Reason| vec![Problem { line: 0, reason }];
    let csv = as_csv(bytes).map_err(|e| whole(Reason::Workbook(e)))?;
    let mut reader = csv_reader(&csv);
    let header: Vec<String> = reader
        .headers()
        .map_err(|e| {
            whole(Reason::Csv(crate::spreadsheet::CsvProblem::Other(
                e.to_string(),
            )))
        })?
        .iter()
        .map(|h| h.trim().to_lowercase())
        .collect();
    let mut at = [0usize; 3];
    let mut problems = Vec::new();
    for (slot, (name, names)) in at.iter_mut().zip(COLUMNS) {
        match header.iter().position(|h| names.contains(&h.as_str())) {
            Some(i) => *slot = i,
            None => problems.push(Problem {
                line: 1,
                reason: Reason::NoColumn {
                    column: names.get(2).copied().unwrap_or(name).to_string(),
                },
            }),
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut mappings = Vec::new();
    let mut seen: BTreeMap<(String, String), u64> = BTreeMap::new();
    for (i, record) in reader.records().enumerate() {
        let line = i as u64 + 2;
        let record = match record {
            Ok(record) => record,
            Err(e) => {
                problems.push(Problem {
                    line,
                    reason: Reason::Csv(crate::spreadsheet::CsvProblem::Other(e.to_string())),
                });
                continue;
            }
        };
        let cell = |i: usize| record.get(i).unwrap_or("").trim().to_string();
        let (regency, service, province_service) = (cell(at[0]), cell(at[1]), cell(at[2]));
        if regency.is_empty() && service.is_empty() && province_service.is_empty() {
            continue;
        }
        let mut problem = |reason| problems.push(Problem { line, reason });
        let Some(code) = known.regency(&regency) else {
            problem(Reason::UnknownRegency { regency });
            continue;
        };
        if !known
            .services
            .get(code)
            .is_some_and(|s| s.contains(&service))
        {
            problem(Reason::UnknownRegencyService {
                service,
                regency: code.to_string(),
            });
            continue;
        }
        if !valid_code(&province_service) {
            problem(Reason::NotACode {
                value: province_service,
            });
            continue;
        }
        if let Some(first) = seen.insert((code.to_string(), service.clone()), line) {
            problem(Reason::AlreadyOnLine {
                value: service,
                line: first,
            });
            continue;
        }
        mappings.push(Mapping {
            regency: code.to_string(),
            service,
            province_service,
        });
    }
    if mappings.is_empty() && problems.is_empty() {
        problems.push(Problem {
            line: 0,
            reason: Reason::NothingToImport,
        });
    }
    if problems.is_empty() {
        Ok(mappings)
    } else {
        Err(problems)
    }
}

/// The province's code of a regency's service: the table's, or the service's own code.
pub fn province_code<'a>(mappings: &'a [Mapping], regency: &str, service: &'a str) -> &'a str {
    mappings
        .iter()
        .find(|m| m.regency == regency && m.service == service)
        .map_or(service, |m| m.province_service.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known() -> Known {
        Known {
            regencies: vec![
                ("trenggalek".into(), "Kabupaten Trenggalek".into()),
                ("pacitan".into(), "Kabupaten Pacitan".into()),
            ],
            services: HashMap::from([
                ("trenggalek".into(), HashSet::from(["ktp".to_string()])),
                ("pacitan".into(), HashSet::from(["e-ktp".to_string()])),
            ]),
        }
    }

    #[test]
    fn regencies_by_code_or_name_and_indonesian_headers() {
        let file = "KODE DAERAH;KODE LAYANAN;KODE LAYANAN PROVINSI\n\
                    trenggalek;ktp;ktp-el\n\
                    kabupaten pacitan;e-ktp;ktp-el\n\
                    ;;\n";
        let mappings = read(file.as_bytes(), &known()).unwrap();
        assert_eq!(mappings.len(), 2);
        assert_eq!(mappings[1].regency, "pacitan");
        assert_eq!(province_code(&mappings, "pacitan", "e-ktp"), "ktp-el");
        assert_eq!(province_code(&mappings, "pacitan", "akta"), "akta");
    }

    #[test]
    fn every_problem_is_listed_by_line() {
        let file = "regency,service,province_service\n\
                    ngawi,ktp,ktp-el\n\
                    trenggalek,akta,akta-lahir\n\
                    trenggalek,ktp,KTP El\n\
                    pacitan,e-ktp,ktp-el\n\
                    pacitan,e-ktp,ktp-el\n";
        let problems = read(file.as_bytes(), &known()).unwrap_err();
        let lines: Vec<u64> = problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, [2, 3, 4, 6]);
        assert!(matches!(problems[0].reason, Reason::UnknownRegency { .. }));
        assert!(matches!(
            problems[1].reason,
            Reason::UnknownRegencyService { .. }
        ));
        assert!(matches!(
            problems[3].reason,
            Reason::AlreadyOnLine { line: 5, .. }
        ));
        let missing = read(b"daerah,layanan\nx,y\n", &known()).unwrap_err();
        assert_eq!(
            missing[0].reason,
            Reason::NoColumn {
                column: "kode layanan provinsi".into()
            }
        );
        assert_eq!(
            read(b"daerah,layanan,layanan provinsi\n", &known()).unwrap_err()[0].reason,
            Reason::NothingToImport
        );
    }
}
