//! Answers to a unit's extra questions (kept out of the IKM), counted per question and
//! answer: a sheet for people, and a CSV with codes for machines.

use rust_xlsxwriter::{Format, Workbook};

use crate::{inert, ReportError};

/// One answer to one extra question, with how many gave it.
pub struct ExtraRow<'a> {
    pub service_id: &'a str,
    /// The service's name.
    pub service: &'a str,
    pub question_id: i64,
    pub question: &'a str,
    /// Whether the question is still asked (a reworded one is not).
    pub asked_now: bool,
    pub answer: &'a str,
    pub answers: u64,
}

/// Columns of the CSV.
pub const EXTRA_COLUMNS: [&str; 6] = [
    "service_id",
    "question_id",
    "question",
    "asked_now",
    "answer",
    "answers",
];

pub fn extra_csv(rows: &[ExtraRow<'_>]) -> Result<Vec<u8>, ReportError> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(EXTRA_COLUMNS)?;
    for row in rows {
        writer.write_record([
            row.service_id.to_string(),
            row.question_id.to_string(),
            inert(row.question),
            row.asked_now.to_string(),
            inert(row.answer),
            row.answers.to_string(),
        ])?;
    }
    writer
        .into_inner()
        .map_err(|e| ReportError::Csv(e.into_error().into()))
}

/// The sheet's words, in the caller's language.
pub struct ExtraWording<'a> {
    pub sheet_name: &'a str,
    /// Service, question, still asked, answer, respondents.
    pub headers: [&'a str; 5],
    pub yes: &'a str,
    pub no: &'a str,
}

pub fn extra_xlsx(
    rows: &[ExtraRow<'_>],
    title: &str,
    wording: &ExtraWording,
) -> Result<Vec<u8>, ReportError> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name(wording.sheet_name)?;
    let header = Format::new().set_bold().set_background_color("#DCE6F1");
    sheet.write_string_with_format(0, 0, inert(title), &Format::new().set_bold())?;
    for (c, h) in wording.headers.iter().enumerate() {
        sheet.write_string_with_format(2, c as u16, *h, &header)?;
    }
    for (i, row) in rows.iter().enumerate() {
        let r = 3 + i as u32;
        sheet.write_string(r, 0, inert(row.service))?;
        sheet.write_string(r, 1, inert(row.question))?;
        sheet.write_string(
            r,
            2,
            if row.asked_now {
                wording.yes
            } else {
                wording.no
            },
        )?;
        sheet.write_string(r, 3, inert(row.answer))?;
        sheet.write_number(r, 4, row.answers as f64)?;
    }
    sheet.set_column_width(0, 28)?;
    sheet.set_column_width(1, 48)?;
    sheet.set_column_width(3, 40)?;
    sheet.set_freeze_panes(3, 0)?;
    Ok(workbook.save_to_buffer()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_that_look_like_formulas_stay_text() {
        let rows = [ExtraRow {
            service_id: "ktp",
            service: "KTP elektronik",
            question_id: 3,
            question: "Tahu dari mana?",
            asked_now: true,
            answer: "=HYPERLINK(\"http://x\")",
            answers: 2,
        }];
        let csv = String::from_utf8(extra_csv(&rows).unwrap()).unwrap();
        assert!(csv.contains("'=HYPERLINK"), "{csv}");
        let wording = ExtraWording {
            sheet_name: "Tambahan",
            headers: [
                "Layanan",
                "Pertanyaan",
                "Masih ditanyakan",
                "Jawaban",
                "Responden",
            ],
            yes: "Ya",
            no: "Tidak",
        };
        assert!(!extra_xlsx(&rows, "Judul", &wording).unwrap().is_empty());
    }
}
