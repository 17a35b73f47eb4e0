//! Files for people outside the system: spreadsheets finance and planners open (xlsx),
//! printed reports (PDF, and Word documents to edit), and plain CSV for other systems
//! (payroll, SIPD). Pure functions from stored data to bytes; no I/O of their own.

pub mod docx;
pub mod extra;
pub mod font;
pub mod layout;
pub mod logo;
pub mod musrena;
pub mod payable;
pub mod pdf;
pub mod results;
pub mod skm;
pub mod table;
pub mod template;
pub mod tpp;

/// A spreadsheet could not be written (only on internal limits, never on user data).
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error("spreadsheet: {0}")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
    #[error("CSV: {0}")]
    Csv(#[from] csv::Error),
    #[error("Word document: {0}")]
    Docx(String),
}

/// A cell as text that spreadsheets will not run as a formula: values starting with
/// `=`, `+`, `-`, `@` (or a tab/CR) get a leading apostrophe (OWASP CSV injection).
pub fn inert(text: &str) -> String {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text.to_string(),
    }
}

/// A worksheet name Excel accepts: no `[]:*?/\`, at most 31 characters, unique in `taken`.
pub fn sheet_name(wanted: &str, taken: &mut Vec<String>) -> String {
    let clean: String = wanted
        .chars()
        .map(|c| if "[]:*?/\\'".contains(c) { '-' } else { c })
        .take(31)
        .collect();
    let clean = if clean.trim().is_empty() {
        "Sheet".to_string()
    } else {
        clean
    };
    let mut name = clean.clone();
    let mut n = 2;
    while taken.iter().any(|t| t.eq_ignore_ascii_case(&name)) {
        let suffix = format!(" ({n})");
        let keep: String = clean.chars().take(31 - suffix.len()).collect();
        name = format!("{keep}{suffix}");
        n += 1;
    }
    taken.push(name.clone());
    name
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_never_become_formulas() {
        assert_eq!(inert("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(inert("-1"), "'-1");
        assert_eq!(inert("Sri Wahyuni"), "Sri Wahyuni");
    }

    #[test]
    fn sheet_names_are_valid_and_unique() {
        let mut taken = vec![];
        assert_eq!(sheet_name("dinas/kesehatan", &mut taken), "dinas-kesehatan");
        let long = "a".repeat(40);
        assert_eq!(sheet_name(&long, &mut taken).chars().count(), 31);
        let again = sheet_name(&long, &mut taken);
        assert!(again.ends_with(" (2)") && again.chars().count() == 31);
        assert_eq!(sheet_name("  ", &mut taken), "Sheet");
    }
}
