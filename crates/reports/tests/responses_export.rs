//! The responses sheet is for people: the caller's headers, codes in words and times in the
//! regency's time zone; the CSV keeps codes and UTC for machines.
#![allow(clippy::unwrap_used)] // a test that unwraps fails with the value's message
#![allow(clippy::too_many_lines)] // a scenario reads top to bottom, as its user would do it

use std::io::Read;

use suara_reports::results::{responses_csv, responses_xlsx, Coded, Wording, RESPONSE_COLUMNS};
use suara_store::ExportedResponse;

fn response() -> ExportedResponse {
    ExportedResponse {
        received_at: time::macros::datetime!(2026-11-24 23:30 UTC),
        period_month: "2026-11".into(),
        channel: "kiosk".into(),
        unit_id: "dukcapil".into(),
        service_id: Some("ktp".into()),
        officer_nip: None,
        answers: [Some(4); 9],
        profile: [Some("female".into()), None, None, None],
        suggestion: Some("=HYPERLINK(\"x\")".into()),
    }
}

fn sheet_text(bytes: Vec<u8>) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut text = String::new();
    for name in ["xl/worksheets/sheet1.xml", "xl/sharedStrings.xml"] {
        if let Ok(mut file) = zip.by_name(name) {
            file.read_to_string(&mut text).unwrap();
        }
    }
    text
}

#[test]
fn the_sheet_speaks_the_callers_language_and_local_time() {
    let label = |kind: Coded, code: &str| match (kind, code) {
        (Coded::Channel, "kiosk") => "Kios".to_string(),
        (Coded::Sex, "female") => "Perempuan".to_string(),
        (Coded::Unit, "dukcapil") => "Dinas Dukcapil".to_string(),
        _ => code.to_string(),
    };
    let mut headers = RESPONSE_COLUMNS;
    headers[15] = "Jenis kelamin";
    let wording = Wording {
        sheet_name: "Tanggapan",
        headers,
        label: &label,
        offset: time::UtcOffset::from_hms(7, 0, 0).unwrap(),
        formats: ("[$-421]d mmmm yyyy hh:mm", "[$-421]mmmm yyyy"),
    };
    let bytes = responses_xlsx(&[response()], "Tanggapan SKM", &wording).unwrap();
    let styles = {
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes.clone())).unwrap();
        let mut styles = String::new();
        zip.by_name("xl/styles.xml")
            .unwrap()
            .read_to_string(&mut styles)
            .unwrap();
        styles
    };
    // Dates are date cells, shown in the reader's words by the number format's locale.
    assert!(
        styles.contains("[$-421]d mmmm yyyy hh:mm") && styles.contains("[$-421]mmmm yyyy"),
        "{styles}"
    );
    let text = sheet_text(bytes);
    for expected in [
        "Jenis kelamin",
        "Perempuan",
        "Kios",
        "Dinas Dukcapil",
        // 25 November 2026 06:30 local, and its month (1 November), as Excel serial days.
        "<v>46351.2708333",
        "<v>46327</v>",
    ] {
        assert!(text.contains(expected), "{expected} in {text}");
    }
    assert!(!text.contains(">female<") && !text.contains(">kiosk<") && !text.contains("2026-11"));
    // A suggestion that looks like a formula stays text.
    assert!(text.contains("'=HYPERLINK"));

    let csv = String::from_utf8(responses_csv(&[response()]).unwrap()).unwrap();
    assert!(csv.contains("2026-11-24T23:30:00Z,2026-11,kiosk,dukcapil") && csv.contains("female"));
}

#[test]
fn the_summary_sheet_speaks_the_callers_language() {
    use suara_reports::results::{summary_xlsx, SummaryWording, UnitResult};
    let units = [UnitResult {
        unit_id: "dukcapil",
        name: "Dinas Dukcapil",
        score: None,
    }];
    let wording = SummaryWording {
        sheet_name: "Summary",
        unit_code: "Unit code",
        unit: "Unit",
        responses: "Responses",
        elements: std::array::from_fn(|i| format!("NRR U{}", i + 1)),
        ikm: "IKM",
        grade: "Grade",
    };
    let text = sheet_text(summary_xlsx(&units, "SKM summary", &wording).unwrap());
    for expected in [
        "Unit code",
        "Responses",
        "NRR U9",
        "Grade",
        "Dinas Dukcapil",
    ] {
        assert!(text.contains(expected), "{expected} in {text}");
    }
}
