//! Plain tables as files: sheets of text cells (already worded by the caller, in its
//! language) as an xlsx workbook, or one table as CSV. Every cell is made inert, so no
//! typed text becomes a spreadsheet formula.

use rust_xlsxwriter::{Format, Workbook};

use crate::{inert, sheet_name, ReportError};

/// One worksheet: a title row, the headers, then the rows.
pub struct Sheet<'a> {
    pub name: &'a str,
    pub title: String,
    pub headers: Vec<&'a str>,
    pub rows: Vec<Vec<String>>,
}

pub fn workbook(sheets: &[Sheet]) -> Result<Vec<u8>, ReportError> {
    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold();
    let header = Format::new()
        .set_bold()
        .set_background_color("#DCE6F1")
        .set_text_wrap();
    let wrapped = Format::new()
        .set_text_wrap()
        .set_align(rust_xlsxwriter::FormatAlign::Top);
    let mut taken = Vec::new();
    for s in sheets {
        let sheet = workbook.add_worksheet();
        sheet.set_name(sheet_name(s.name, &mut taken))?;
        sheet.write_string_with_format(0, 0, inert(&s.title), &bold)?;
        for (c, h) in s.headers.iter().enumerate() {
            let c = u16::try_from(c).unwrap_or(u16::MAX);
            sheet.write_string_with_format(2, c, *h, &header)?;
            sheet.set_column_width(c, 22)?;
        }
        for (r, row) in s.rows.iter().enumerate() {
            let r = 3 + u32::try_from(r).unwrap_or(u32::MAX - 3);
            for (c, cell) in row.iter().enumerate() {
                let c = u16::try_from(c).unwrap_or(u16::MAX);
                sheet.write_string_with_format(r, c, inert(cell), &wrapped)?;
            }
        }
        sheet.set_freeze_panes(3, 1)?;
    }
    Ok(workbook.save_to_buffer()?)
}

pub fn csv(headers: &[&str], rows: &[Vec<String>]) -> Result<Vec<u8>, ReportError> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(headers)?;
    for row in rows {
        writer.write_record(row.iter().map(|c| inert(c)))?;
    }
    writer
        .into_inner()
        .map_err(|e| ReportError::Csv(e.into_error().into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_inert_in_both_files() {
        let rows = vec![vec!["=1+1".to_string(), "Antrean".to_string()]];
        let csv = String::from_utf8(csv(&["a", "b"], &rows).unwrap()).unwrap();
        assert_eq!(csv, "a,b\n'=1+1,Antrean\n");
        let bytes = workbook(&[Sheet {
            name: "Inovasi",
            title: "Indeks".into(),
            headers: vec!["a", "b"],
            rows,
        }])
        .unwrap();
        assert!(bytes.starts_with(b"PK"));
    }
}
