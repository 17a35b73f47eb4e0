//! The editable report: the layout the PDF draws, written as a Word document (OOXML `.docx`,
//! which Microsoft Word, LibreOffice and WPS Office open) through `docx-rs`, for a unit to
//! finish and sign as its own document. Sizes given in points become twentieths of a point
//! (twips) and half-points; charts become shaded table rows, which stay editable.

use docx_rs::{
    AlignmentType, BorderType, Docx, Footer, LineSpacing, NumPages, PageMargin, PageNum, Paragraph,
    ParagraphBorder, ParagraphBorderPosition, ParagraphBorders, Pic, Run, RunFonts, Shading,
    ShdType, Table, TableCell, TableRow, WidthType,
};

use crate::layout::{Bar, Column, Layout, Letterhead, Weight};
use crate::ReportError;

/// A4 in twips, with the PDF's margins (56 pt).
const PAGE: (u32, u32) = (11_906, 16_838);
const MARGIN: i32 = 1_120;
const TEXT_WIDTH: usize = 11_906 - 2 * 1_120;
const GREEN: &str = "0B5A3C";
const ORANGE: &str = "C2410C";
const PALE_GREEN: &str = "E8F2EE";
const GREY: &str = "EBEBEB";
/// English Metric Units (Word's unit for pictures) in a point.
const EMU_PER_POINT: f32 = 12_700.0;

pub struct Editable {
    docx: Docx,
    /// Space asked for before the next paragraph, in points.
    gap: f32,
}

fn twips(points: f32) -> u32 {
    (points * 20.0).round() as u32
}

fn half_points(points: f32) -> usize {
    (points * 2.0).round() as usize
}

/// The text without the characters XML may not hold (control characters other than tab
/// and line breaks, U+FFFE and U+FFFF): one of them, pasted into an imported cell, would
/// make Word refuse the whole document.
fn xml_safe(text: &str) -> String {
    text.chars()
        .filter(|&c| {
            matches!(c, '\t' | '\n' | '\r')
                || !(c.is_control() || c == '\u{fffe}' || c == '\u{ffff}')
        })
        .collect()
}

fn run(text: &str, weight: Weight, size: f32) -> Run {
    let run = Run::new().add_text(xml_safe(text)).size(half_points(size));
    match weight {
        Weight::Bold => run.bold(),
        Weight::Regular => run,
    }
}

/// A cell of `width` twips holding one paragraph.
fn cell(paragraph: Paragraph, width: usize) -> TableCell {
    TableCell::new()
        .add_paragraph(paragraph)
        .width(width, WidthType::Dxa)
}

fn shaded(cell: TableCell, fill: &str) -> TableCell {
    cell.shading(Shading::new().shd_type(ShdType::Clear).fill(fill))
}

impl Editable {
    pub fn new(footer: &str) -> Editable {
        let footer = Footer::new().add_paragraph(
            Paragraph::new()
                .add_run(
                    Run::new()
                        .add_text(format!("{} — halaman ", xml_safe(footer)))
                        .size(16),
                )
                .add_page_num(PageNum::new())
                .add_run(Run::new().add_text(" dari ").size(16))
                .add_num_pages(NumPages::new()),
        );
        let docx = Docx::new()
            .page_size(PAGE.0, PAGE.1)
            .page_margin(
                PageMargin::new()
                    .top(MARGIN)
                    .bottom(MARGIN)
                    .left(MARGIN)
                    .right(MARGIN),
            )
            .default_fonts(RunFonts::new().ascii("Arial").hi_ansi("Arial").cs("Arial"))
            .default_size(20)
            .footer(footer);
        Editable { docx, gap: 0.0 }
    }

    /// The paragraph with the space asked for before it, and a little after.
    fn spaced(&mut self, paragraph: Paragraph) -> Paragraph {
        let before = twips(std::mem::take(&mut self.gap));
        paragraph.line_spacing(LineSpacing::new().before(before).after(60))
    }

    fn push(&mut self, paragraph: Paragraph) {
        let paragraph = self.spaced(paragraph);
        self.docx = std::mem::take(&mut self.docx).add_paragraph(paragraph);
    }

    fn push_table(&mut self, table: Table) {
        self.docx = std::mem::take(&mut self.docx).add_table(table);
        // Word joins two tables that touch: a small paragraph keeps them apart.
        self.docx = std::mem::take(&mut self.docx).add_paragraph(
            Paragraph::new()
                .size(8)
                .line_spacing(LineSpacing::new().after(0)),
        );
    }

    fn rows(columns: &[Column<'_>], rows: &[Vec<String>], bold_last: bool) -> Table {
        let widths: Vec<usize> = columns
            .iter()
            .map(|c| (c.share * TEXT_WIDTH as f32) as usize)
            .collect();
        let line = |cells: &[String], weight: Weight, header: bool| {
            TableRow::new(
                cells
                    .iter()
                    .zip(columns)
                    .zip(&widths)
                    .map(|((text, column), width)| {
                        // The heading row keeps with the first row below it.
                        let mut p = Paragraph::new()
                            .add_run(run(text, weight, 9.0))
                            .keep_next(header);
                        if column.right {
                            p = p.align(AlignmentType::Right);
                        }
                        let c = cell(p, *width);
                        if header {
                            shaded(c, PALE_GREEN)
                        } else {
                            c
                        }
                    })
                    .collect(),
            )
            .cant_split()
        };
        let header: Vec<String> = columns.iter().map(|c| c.heading.to_string()).collect();
        let mut table_rows = vec![line(&header, Weight::Bold, true)];
        for (i, row) in rows.iter().enumerate() {
            let weight = if bold_last && i + 1 == rows.len() {
                Weight::Bold
            } else {
                Weight::Regular
            };
            table_rows.push(line(row, weight, false));
        }
        Table::new(table_rows).set_grid(widths)
    }

    /// The document's bytes.
    pub fn finish(self) -> Result<Vec<u8>, ReportError> {
        let mut bytes = std::io::Cursor::new(Vec::new());
        self.docx
            .pack(&mut bytes)
            .map_err(|e| ReportError::Docx(e.to_string()))?;
        Ok(bytes.into_inner())
    }
}

impl Layout for Editable {
    fn gap(&mut self, points: f32) {
        self.gap += points;
    }

    fn indented(&mut self, indent: f32, text: &str, weight: Weight, size: f32) {
        let mut paragraph = Paragraph::new().add_run(run(text, weight, size));
        if indent > 0.0 {
            paragraph = paragraph.indent(Some(twips(indent) as i32), None, None, None);
        }
        self.push(paragraph);
    }

    fn centred(&mut self, text: &str, weight: Weight, size: f32) {
        self.push(
            Paragraph::new()
                .add_run(run(text, weight, size))
                .align(AlignmentType::Center),
        );
    }

    fn heading(&mut self, text: &str) {
        self.gap(10.0);
        let mut paragraph = Paragraph::new()
            .add_run(run(text, Weight::Bold, 12.5))
            .outline_lvl(0)
            .keep_next(true);
        paragraph.property = paragraph.property.clone().set_borders(
            ParagraphBorders::with_empty().set(
                ParagraphBorder::new(ParagraphBorderPosition::Bottom)
                    .size(8)
                    .color(GREEN),
            ),
        );
        self.push(paragraph);
    }

    fn table(&mut self, columns: &[Column<'_>], rows: &[Vec<String>], bold_last: bool) {
        let table = Self::rows(columns, rows, bold_last);
        self.push_table(table);
    }

    fn table_whole(&mut self, columns: &[Column<'_>], rows: &[Vec<String>]) {
        self.table(columns, rows, false);
    }

    /// One row a bar: the label, the bar as shaded cells as wide as its value, the rest of
    /// the scale in grey, and the value. The scale is a hundred grid columns, which the bar
    /// and the rest span between them (Word keeps a table's columns common to its rows).
    fn bars(&mut self, bars: &[Bar<'_>], min: f32, max: f32, decimals: usize) {
        const LABEL: usize = 3_800;
        const VALUE: usize = 900;
        const STEPS: usize = 100;
        let step = (TEXT_WIDTH - LABEL - VALUE) / STEPS;
        let rows: Vec<TableRow> = bars
            .iter()
            .map(|bar| {
                let share = ((bar.value - min) / (max - min)).clamp(0.0, 1.0);
                let filled = ((share * STEPS as f32).round() as usize).clamp(1, STEPS - 1);
                let value = format!("{:.*}", decimals, bar.value).replace('.', ",");
                let fill = if bar.highlight { ORANGE } else { GREEN };
                TableRow::new(vec![
                    cell(
                        Paragraph::new()
                            .add_run(run(bar.label, Weight::Regular, 8.0))
                            .align(AlignmentType::Right),
                        LABEL,
                    ),
                    shaded(cell(Paragraph::new(), filled * step), fill).grid_span(filled),
                    shaded(cell(Paragraph::new(), (STEPS - filled) * step), GREY)
                        .grid_span(STEPS - filled),
                    cell(
                        Paragraph::new().add_run(run(&value, Weight::Regular, 8.0)),
                        VALUE,
                    ),
                ])
                .cant_split()
            })
            .collect();
        let mut grid = vec![LABEL];
        grid.extend(std::iter::repeat_n(step, STEPS));
        grid.push(VALUE);
        let table = Table::without_borders(rows).set_grid(grid);
        self.push_table(table);
    }

    fn key_figures(&mut self, figures: &[(&str, String)]) {
        let rows = figures
            .iter()
            .map(|(label, value)| {
                TableRow::new(vec![
                    shaded(
                        cell(
                            Paragraph::new().add_run(run(label, Weight::Regular, 10.5)),
                            4_000,
                        ),
                        PALE_GREEN,
                    ),
                    shaded(
                        cell(
                            Paragraph::new().add_run(run(value, Weight::Bold, 10.5)),
                            TEXT_WIDTH - 4_000,
                        ),
                        PALE_GREEN,
                    ),
                ])
            })
            .collect();
        let table = Table::without_borders(rows).set_grid(vec![4_000, TEXT_WIDTH - 4_000]);
        self.push_table(table);
    }

    /// The logo beside the lines in a borderless table (as offices lay out their kop in
    /// Word), then the double rule as the bottom border of a paragraph.
    fn letterhead(&mut self, head: &Letterhead) {
        const LOGO: usize = 1_500;
        let mut lines = vec![
            Paragraph::new()
                .add_run(run(&head.government, Weight::Bold, 13.0))
                .align(AlignmentType::Center),
            Paragraph::new()
                .add_run(run(&head.office, Weight::Bold, 15.0))
                .align(AlignmentType::Center),
        ];
        if !head.address.is_empty() {
            lines.push(
                Paragraph::new()
                    .add_run(run(&head.address, Weight::Regular, 9.0))
                    .align(AlignmentType::Center),
            );
        }
        let logo = head
            .logo
            .as_deref()
            .and_then(|png| crate::logo::decode(png).ok().map(|p| (png, p)));
        match logo {
            Some((png, pixels)) => {
                // 64 pt on its longer side, as on the PDF.
                let scale = 64.0 / pixels.width.max(pixels.height) as f32;
                let emu =
                    |pixels: u32| (pixels as f32 * scale * EMU_PER_POINT).round().max(1.0) as u32;
                let (w, h) = (emu(pixels.width), emu(pixels.height));
                let pic =
                    Pic::new_with_dimensions(png.to_vec(), pixels.width, pixels.height).size(w, h);
                let mut text = TableCell::new().width(TEXT_WIDTH - LOGO, WidthType::Dxa);
                for line in lines {
                    text = text.add_paragraph(line);
                }
                let table = Table::without_borders(vec![TableRow::new(vec![
                    cell(Paragraph::new().add_run(Run::new().add_image(pic)), LOGO),
                    text,
                ])])
                .set_grid(vec![LOGO, TEXT_WIDTH - LOGO]);
                self.docx = std::mem::take(&mut self.docx).add_table(table);
            }
            None => {
                for line in lines {
                    self.push(line);
                }
            }
        }
        let mut rule = Paragraph::new().size(4);
        rule.property = rule.property.clone().set_borders(
            ParagraphBorders::with_empty().set(
                ParagraphBorder::new(ParagraphBorderPosition::Bottom)
                    .val(BorderType::ThickThinSmallGap)
                    .size(24),
            ),
        );
        self.push(rule);
        self.gap(14.0);
    }

    fn signature(&mut self, lines: &[(String, Weight)]) {
        self.gap(16.0);
        let indent = Some((TEXT_WIDTH / 2) as i32);
        for (i, (line, weight)) in lines.iter().enumerate() {
            let paragraph = Paragraph::new()
                .add_run(run(line, *weight, 10.0))
                .indent(indent, None, None, None)
                // The block stays on one page: every line keeps with the next.
                .keep_next(i + 1 < lines.len())
                .keep_lines(true);
            self.push(paragraph);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_xml_may_not_hold_are_left_out() {
        assert_eq!(xml_safe("Dinas\u{b} Uji\u{0}\u{ffff}\tA"), "Dinas Uji\tA");
    }

    #[test]
    fn an_editable_document_is_a_word_file_with_its_text() {
        let mut doc = Editable::new("Kabupaten Uji");
        doc.letterhead(&Letterhead {
            government: "PEMERINTAH KABUPATEN UJI".into(),
            office: "DINAS UJI".into(),
            address: "Jalan Pahlawan 1".into(),
            logo: Some(crate::logo::tests::sample_png(40, 40)),
        });
        doc.heading("I. Pendahuluan");
        doc.paragraph("Survei Kepuasan Masyarakat", Weight::Regular, 10.0);
        doc.bars(
            &[Bar {
                label: "U1 Persyaratan",
                value: 3.25,
                highlight: true,
            }],
            1.0,
            4.0,
            2,
        );
        doc.signature(&[("Uji, 7 Desember 2026".into(), Weight::Regular)]);
        let bytes = doc.finish().unwrap();
        assert!(bytes.starts_with(b"PK"), "a zip file");
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut xml = String::new();
        std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml)
            .unwrap();
        for text in [
            "PEMERINTAH KABUPATEN UJI",
            "I. Pendahuluan",
            "3,25",
            "Uji, 7 Desember 2026",
        ] {
            assert!(xml.contains(text), "{text}");
        }
        assert!(
            zip.file_names().any(|n| n.starts_with("word/media/")),
            "the logo"
        );
    }
}
