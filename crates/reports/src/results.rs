//! SKM results as spreadsheets: a unit's anonymous responses (one row each, as stored) and
//! the regency summary (every unit's responses, NRR per element, IKM and grade).

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use suara_domain::decimal::Decimal;
use suara_domain::skm::{Element, SkmScore};
use suara_store::ExportedResponse;

use crate::{inert, ReportError};

/// Columns of the responses file.
pub const RESPONSE_COLUMNS: [&str; 20] = [
    "received_at",
    "period_month",
    "channel",
    "unit_id",
    "service_id",
    "officer_nip",
    "u1",
    "u2",
    "u3",
    "u4",
    "u5",
    "u6",
    "u7",
    "u8",
    "u9",
    "sex",
    "age_band",
    "education",
    "occupation",
    "suggestion",
];

fn response_row(r: &ExportedResponse) -> Vec<String> {
    let text = |v: &Option<String>| v.as_deref().map(inert).unwrap_or_default();
    let mut row = vec![
        r.received_at
            .format(&time::format_description::well_known::Rfc3339)
            .unwrap_or_default(),
        r.period_month.clone(),
        r.channel.clone(),
        r.unit_id.clone(),
        text(&r.service_id),
        text(&r.officer_nip),
    ];
    row.extend(
        r.answers
            .iter()
            .map(|a| a.map(|v| v.to_string()).unwrap_or_default()),
    );
    row.extend(r.profile.iter().map(text));
    row.push(text(&r.suggestion));
    row
}

pub fn responses_csv(rows: &[ExportedResponse]) -> Result<Vec<u8>, ReportError> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(RESPONSE_COLUMNS)?;
    for r in rows {
        writer.write_record(response_row(r))?;
    }
    writer
        .into_inner()
        .map_err(|e| ReportError::Csv(e.into_error().into()))
}

/// A coded column of the responses file, for [`Wording::label`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Coded {
    Channel,
    Unit,
    Service,
    Sex,
    AgeBand,
    Education,
    Occupation,
}

/// How the responses sheet is worded for people: the caller's headers (in its language),
/// codes in words, times in the regency's own time zone as date cells a spreadsheet sorts
/// and shows in the reader's words (`formats`: Excel number formats with a locale, such as
/// `[$-421]d mmmm yyyy hh:mm` for Indonesian). The CSV keeps the codes and UTC times, for
/// machines.
pub struct Wording<'a> {
    pub sheet_name: &'a str,
    pub headers: [&'a str; 20],
    pub label: &'a dyn Fn(Coded, &str) -> String,
    pub offset: time::UtcOffset,
    /// The number formats of the received moment and of the month.
    pub formats: (&'a str, &'a str),
}

/// A response as people read it: local time, words for codes.
fn worded_row(r: &ExportedResponse, wording: &Wording) -> Vec<String> {
    let mut row = response_row(r);
    let coded = [
        (2, Coded::Channel),
        (3, Coded::Unit),
        (4, Coded::Service),
        (15, Coded::Sex),
        (16, Coded::AgeBand),
        (17, Coded::Education),
        (18, Coded::Occupation),
    ];
    for (column, kind) in coded {
        if !row[column].is_empty() {
            row[column] = inert(&(wording.label)(kind, &row[column]));
        }
    }
    row
}

/// A local moment as a spreadsheet's date cell.
fn excel_moment(at: time::OffsetDateTime) -> Result<ExcelDateTime, ReportError> {
    Ok(ExcelDateTime::from_ymd(
        u16::try_from(at.year()).unwrap_or(1900),
        at.month().into(),
        at.day(),
    )?
    .and_hms(u16::from(at.hour()), at.minute(), at.second())?)
}

pub fn responses_xlsx(
    rows: &[ExportedResponse],
    title: &str,
    wording: &Wording,
) -> Result<Vec<u8>, ReportError> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name(wording.sheet_name)?;
    let header = Format::new().set_bold().set_background_color("#DCE6F1");
    sheet.write_string_with_format(0, 0, inert(title), &Format::new().set_bold())?;
    for (c, name) in wording.headers.iter().enumerate() {
        sheet.write_string_with_format(2, c as u16, *name, &header)?;
    }
    let moment = Format::new().set_num_format(wording.formats.0);
    let month = Format::new().set_num_format(wording.formats.1);
    for (i, r) in rows.iter().enumerate() {
        let row = 3 + i as u32;
        let local = r.received_at.to_offset(wording.offset);
        sheet.write_datetime_with_format(row, 0, excel_moment(local)?, &moment)?;
        sheet.write_datetime_with_format(
            row,
            1,
            excel_moment(
                local
                    .replace_day(1)
                    .unwrap_or(local)
                    .replace_time(time::Time::MIDNIGHT),
            )?,
            &month,
        )?;
        for (c, value) in worded_row(r, wording).iter().enumerate().skip(2) {
            // Answers as numbers, so a spreadsheet can average them.
            match (6..15)
                .contains(&c)
                .then(|| value.parse::<f64>().ok())
                .flatten()
            {
                Some(n) => sheet.write_number(row, c as u16, n)?,
                None => sheet.write_string(row, c as u16, value)?,
            };
        }
    }
    sheet.set_freeze_panes(3, 0)?;
    Ok(workbook.save_to_buffer()?)
}

/// One unit of the regency summary.
pub struct UnitResult<'a> {
    pub unit_id: &'a str,
    pub name: &'a str,
    pub score: Option<SkmScore>,
}

fn summary_rows(units: &[UnitResult<'_>]) -> Vec<Vec<String>> {
    units
        .iter()
        .map(|u| {
            let mut row = vec![u.unit_id.to_string(), inert(u.name)];
            match &u.score {
                Some(s) => {
                    row.push(s.responses.to_string());
                    for e in Element::ALL {
                        row.push(s.elements[e.index()].as_ref().map_or(String::new(), |x| {
                            Decimal::round_half_away(&x.nrr, 3).to_string()
                        }));
                    }
                    row.push(s.ikm_rounded().to_string());
                    row.push(s.grade().letter().to_string());
                }
                None => {
                    row.push("0".into());
                    row.extend(std::iter::repeat_n(String::new(), Element::ALL.len() + 2));
                }
            }
            row
        })
        .collect()
}

fn summary_columns() -> Vec<String> {
    let mut columns = vec!["unit_id".to_string(), "unit".into(), "responses".into()];
    columns.extend(
        Element::ALL
            .iter()
            .map(|e| format!("nrr_{}", e.code().to_lowercase())),
    );
    columns.push("ikm".into());
    columns.push("grade".into());
    columns
}

pub fn summary_csv(units: &[UnitResult<'_>]) -> Result<Vec<u8>, ReportError> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(summary_columns())?;
    for row in summary_rows(units) {
        writer.write_record(row)?;
    }
    writer
        .into_inner()
        .map_err(|e| ReportError::Csv(e.into_error().into()))
}

/// The summary sheet's words, in the caller's language.
pub struct SummaryWording<'a> {
    pub sheet_name: &'a str,
    pub unit_code: &'a str,
    pub unit: &'a str,
    pub responses: &'a str,
    /// "NRR U1 Persyaratan" … in element order.
    pub elements: [String; 9],
    pub ikm: &'a str,
    pub grade: &'a str,
}

/// The summary as one sheet: a row per unit with responses, NRR per element (U1–U9), IKM
/// and grade; numbers as numbers.
pub fn summary_xlsx(
    units: &[UnitResult<'_>],
    title: &str,
    wording: &SummaryWording,
) -> Result<Vec<u8>, ReportError> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name(wording.sheet_name)?;
    let header = Format::new().set_bold().set_background_color("#DCE6F1");
    let three = Format::new().set_num_format("0.000");
    let two = Format::new().set_num_format("0.00");
    sheet.write_string_with_format(0, 0, inert(title), &Format::new().set_bold())?;
    let mut headings = vec![wording.unit_code, wording.unit, wording.responses];
    headings.extend(wording.elements.iter().map(String::as_str));
    headings.push(wording.ikm);
    headings.push(wording.grade);
    for (c, h) in headings.iter().enumerate() {
        sheet.write_string_with_format(2, c as u16, *h, &header)?;
    }
    let ikm_column = 3 + Element::ALL.len();
    for (i, row) in summary_rows(units).iter().enumerate() {
        let r = 3 + i as u32;
        for (c, value) in row.iter().enumerate() {
            let number = (2..=ikm_column)
                .contains(&c)
                .then(|| value.parse::<f64>().ok())
                .flatten();
            match number {
                Some(n) if c == 2 => sheet.write_number(r, c as u16, n)?,
                Some(n) if c == ikm_column => {
                    sheet.write_number_with_format(r, c as u16, n, &two)?
                }
                Some(n) => sheet.write_number_with_format(r, c as u16, n, &three)?,
                None => sheet.write_string(r, c as u16, value)?,
            };
        }
    }
    sheet.set_column_width(1, 40)?;
    sheet.set_freeze_panes(3, 2)?;
    Ok(workbook.save_to_buffer()?)
}
