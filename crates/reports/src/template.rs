//! An import template as an Excel workbook: the first sheet (the one the import reads) has
//! the headers only, with the columns whose leading zeros matter formatted as text before
//! anyone types in them; a second sheet shows one example row.

use rust_xlsxwriter::{Format, Workbook};
use suara_domain::org::import::Table;
use suara_domain::org::template;

use crate::ReportError;

/// `sheets` names the sheet to fill and the example's sheet, in the reader's language.
pub fn import_template_xlsx(table: Table, sheets: (&str, &str)) -> Result<Vec<u8>, ReportError> {
    let columns = template::columns(table);
    let bold = Format::new().set_bold();
    let text = Format::new().set_num_format("@");
    let mut workbook = Workbook::new();
    let fill = workbook.add_worksheet();
    fill.set_name(sheets.0)?;
    for (col, (column, header)) in columns.iter().enumerate() {
        let col = col as u16;
        fill.write_string_with_format(0, col, *header, &bold)?;
        fill.set_column_width(col, (header.len().max(14) + 2) as f64)?;
        if template::is_text(column) {
            fill.set_column_format(col, &text)?;
        }
    }
    fill.set_freeze_panes(1, 0)?;
    let example = workbook.add_worksheet();
    example.set_name(sheets.1)?;
    for (col, ((_, header), cell)) in columns.iter().zip(template::example(table)).enumerate() {
        let col = col as u16;
        example.write_string_with_format(0, col, *header, &bold)?;
        example.write_string(1, col, *cell)?;
        example.set_column_width(col, (cell.len().max(header.len()).max(14) + 2) as f64)?;
    }
    Ok(workbook.save_to_buffer()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The sheet the import reads holds the headers alone, so the template as downloaded
    /// imports nothing and, filled in, imports its rows.
    #[test]
    fn the_first_sheet_is_the_header_row() {
        let bytes = import_template_xlsx(Table::Officers, ("Isi di sini", "Contoh")).unwrap();
        let csv = suara_domain::spreadsheet::as_csv(&bytes).unwrap();
        assert_eq!(
            String::from_utf8_lossy(&csv).trim_end(),
            "NIP,NAMA,JABATAN,UNIT KERJA,KELAS JABATAN,TMT JABATAN,MELAYANI PUBLIK,GOL/RUANG,NPWP,NAMA BANK,NOMOR REKENING,TMT BERHENTI,STATUS,EMAIL"
        );
    }
}
