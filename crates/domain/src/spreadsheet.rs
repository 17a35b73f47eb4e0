//! CSV files as spreadsheets write them: a UTF-8 byte-order mark is skipped, and `;` or tab
//! is accepted as the separator (Indonesian-locale Excel writes `;`).

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

/// The line a CSV error happened on (when the reader knows it) and a message for people.
pub fn describe_csv_error(error: &csv::Error) -> (Option<u64>, String) {
    let line = error.position().map(|p| p.line());
    let message = match error.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => {
            format!("expected {expected_len} fields like the header, found {len}")
        }
        csv::ErrorKind::Utf8 { .. } => "not valid UTF-8 text (save the file as CSV UTF-8)".into(),
        _ => error.to_string(),
    };
    (line, message)
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let (line, message) = describe_csv_error(&error);
        assert_eq!(line, Some(3));
        assert!(message.contains("expected 2 fields"), "{message}");
    }
}
