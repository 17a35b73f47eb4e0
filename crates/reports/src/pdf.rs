//! A small A4 document writer over `pdf-writer`: wrapped paragraphs, headings, tables with
//! repeated headers, horizontal bar charts, page numbers. Text uses the PDF base fonts
//! Helvetica and Helvetica-Bold (every reader has them, nothing is embedded) in WinAnsi
//! encoding, measured with their published widths so lines wrap where they should; what
//! WinAnsi lacks is drawn with the embedded DejaVu Sans (`font`), measured with its own.

use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, Str, TextStr};

use crate::font::{Embedded, Used};

use crate::layout::{Bar, Column, Layout, Letterhead, Weight};
use crate::logo::Pixels;

const PAGE_WIDTH: f32 = 595.0;
const PAGE_HEIGHT: f32 = 842.0;
pub const MARGIN: f32 = 56.0;
pub const TEXT_WIDTH: f32 = PAGE_WIDTH - 2.0 * MARGIN;
const FOOTER_Y: f32 = 30.0;

/// Widths of ASCII 32–126 in 1/1000 em (Adobe's Helvetica and Helvetica-Bold metrics).
const HELVETICA: [u16; 95] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556,
    556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667,
    611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667,
    667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500,
    222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];
const HELVETICA_BOLD: [u16; 95] = [
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556,
    556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611, 975, 722, 722, 722, 722, 667,
    611, 778, 722, 278, 556, 722, 611, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667,
    667, 611, 333, 278, 333, 584, 556, 333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556,
    278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
];

/// A character in WinAnsi (the base fonts' encoding), if it is one.
fn win_ansi(c: char) -> Option<u8> {
    Some(match c {
        ' '..='~' => c as u8,
        '–' => 0x96,
        '—' => 0x97,
        '‘' => 0x91,
        '’' => 0x92,
        '“' => 0x93,
        '”' => 0x94,
        '•' => 0x95,
        '…' => 0x85,
        '€' => 0x80,
        '\u{a0}'..='\u{ff}' => c as u8,
        _ => return None,
    })
}

/// A character's width in thousandths of an em: Helvetica's for WinAnsi, DejaVu's else.
fn char_width(c: char, weight: Weight) -> f32 {
    let table = match weight {
        Weight::Regular => &HELVETICA,
        Weight::Bold => &HELVETICA_BOLD,
    };
    match win_ansi(c) {
        Some(b @ 32..=126) => f32::from(table[usize::from(b - 32)]),
        Some(_) => 556.0,
        None => Embedded::of(weight).map_or(556.0, |face| face.width(c)),
    }
}

/// Width of a text in points.
pub fn width(text: &str, weight: Weight, size: f32) -> f32 {
    text.chars().map(|c| char_width(c, weight)).sum::<f32>() * size / 1000.0
}

/// The text cut where it turns between WinAnsi and other characters: `true` for a run the
/// base fonts show.
fn runs(text: &str) -> Vec<(bool, String)> {
    let mut runs: Vec<(bool, String)> = Vec::new();
    for c in text.chars() {
        let base = win_ansi(c).is_some();
        match runs.last_mut() {
            Some((kind, run)) if *kind == base => run.push(c),
            _ => runs.push((base, c.to_string())),
        }
    }
    runs
}

/// The glyphs drawn with the embedded font, per weight (regular, bold).
#[derive(Default)]
struct Fallback {
    used: [Used; 2],
}

impl Fallback {
    /// Shows `text` at (x, y): each run in the base font or the embedded one.
    fn show(&mut self, page: &mut Content, x: f32, y: f32, text: &str, weight: Weight, size: f32) {
        let slot = usize::from(weight == Weight::Bold);
        let mut x = x;
        for (base, run) in runs(text) {
            let (font, bytes) = match (base, Embedded::of(weight)) {
                (false, Some(face)) => (
                    [Name(b"F3"), Name(b"F4")][slot],
                    self.used[slot].encode(face, &run),
                ),
                (false, None) => (
                    [Name(b"F1"), Name(b"F2")][slot],
                    vec![b'?'; run.chars().count()],
                ),
                (true, _) => (
                    [Name(b"F1"), Name(b"F2")][slot],
                    run.chars().filter_map(win_ansi).collect(),
                ),
            };
            page.begin_text();
            page.set_font(font, size);
            page.next_line(x, y);
            page.show(Str(&bytes));
            page.end_text();
            x += width(&run, weight, size);
        }
    }
}

/// Lines of at most `max` points, broken between words (a word longer than a line is cut).
pub fn wrap(text: &str, weight: Weight, size: f32, max: f32) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            let candidate = if line.is_empty() {
                word.to_string()
            } else {
                format!("{line} {word}")
            };
            if width(&candidate, weight, size) <= max {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            let mut rest = word.to_string();
            while width(&rest, weight, size) > max {
                // Cut at character boundaries (a suggestion may hold é or emoji), never
                // shorter than the first character.
                let first = rest.chars().next().map_or(1, char::len_utf8);
                let mut cut = rest.len();
                while cut > first && width(&rest[..cut], weight, size) > max {
                    cut = rest[..cut]
                        .char_indices()
                        .last()
                        .map_or(first, |(i, _)| i.max(first));
                }
                lines.push(rest[..cut].to_string());
                rest = rest[cut..].to_string();
            }
            line = rest;
        }
        lines.push(line);
    }
    lines
}

pub struct Document {
    title: String,
    footer: String,
    /// The letterhead's logo, drawn as the image `Im1` on the pages that show it.
    logo: Option<Pixels>,
    /// Finished pages; the one being written is `current`.
    pages: Vec<Content>,
    current: Content,
    y: f32,
    fallback: Fallback,
}

/// Table text size and line spacing, in points.
const CELL_SIZE: f32 = 9.0;
const CELL_LEADING: f32 = CELL_SIZE * 1.3;

const GREEN: (f32, f32, f32) = (0.043, 0.353, 0.235);
const ORANGE: (f32, f32, f32) = (0.761, 0.255, 0.047);

impl Document {
    pub fn new(title: &str, footer: &str) -> Document {
        Document {
            title: title.to_string(),
            footer: footer.to_string(),
            logo: None,
            pages: Vec::new(),
            current: Content::new(),
            y: PAGE_HEIGHT - MARGIN,
            fallback: Fallback::default(),
        }
    }

    fn page(&mut self) -> &mut Content {
        &mut self.current
    }

    fn new_page(&mut self) {
        self.pages
            .push(std::mem::replace(&mut self.current, Content::new()));
        self.y = PAGE_HEIGHT - MARGIN;
    }

    /// Starts a new page unless `height` points still fit on this one.
    pub fn need(&mut self, height: f32) {
        if self.y - height < MARGIN {
            self.new_page();
        }
    }

    fn text_at(&mut self, x: f32, y: f32, text: &str, weight: Weight, size: f32) {
        self.current.set_fill_gray(0.1);
        self.fallback
            .show(&mut self.current, x, y, text, weight, size);
    }

    /// Wrapped lines centred between `left` and `left + room`.
    fn centred_in(&mut self, left: f32, room: f32, text: &str, weight: Weight, size: f32) {
        let leading = size * 1.35;
        for line in wrap(text, weight, size, room) {
            self.need(leading);
            self.y -= leading;
            let x = left + (room - width(&line, weight, size)) / 2.0;
            self.text_at(x, self.y + size * 0.3, &line, weight, size);
        }
    }

    fn row_height(
        widths: &[f32],
        cells: &[String],
        weight: Weight,
        size: f32,
        leading: f32,
    ) -> f32 {
        let lines = cells
            .iter()
            .zip(widths)
            .map(|(cell, w)| wrap(cell, weight, size, w - 8.0).len())
            .max()
            .unwrap_or(1);
        lines as f32 * leading + 6.0
    }

    #[allow(clippy::too_many_arguments)]
    fn row(
        &mut self,
        columns: &[Column<'_>],
        widths: &[f32],
        cells: &[String],
        weight: Weight,
        size: f32,
        leading: f32,
        shaded: bool,
    ) {
        let height = Self::row_height(widths, cells, weight, size, leading);
        self.need(height);
        let top = self.y;
        {
            let page = self.page();
            if shaded {
                page.set_fill_rgb(0.91, 0.95, 0.93);
                page.rect(MARGIN, top - height, TEXT_WIDTH, height);
                page.fill_nonzero();
            }
            page.set_stroke_gray(0.8);
            page.set_line_width(0.5);
            page.move_to(MARGIN, top - height);
            page.line_to(MARGIN + TEXT_WIDTH, top - height);
            page.stroke();
        }
        let mut x = MARGIN;
        for ((cell, w), column) in cells.iter().zip(widths).zip(columns) {
            for (i, line) in wrap(cell, weight, size, w - 8.0).iter().enumerate() {
                let y = top - 3.0 - leading * (i as f32 + 1.0) + size * 0.3;
                let lx = if column.right {
                    x + w - 4.0 - width(line, weight, size)
                } else {
                    x + 4.0
                };
                self.text_at(lx, y, line, weight, size);
            }
            x += w;
        }
        self.y = top - height;
    }

    /// The finished PDF: every page with the title line and "page n of m" in its footer.
    pub fn finish(mut self) -> Vec<u8> {
        self.pages
            .push(std::mem::replace(&mut self.current, Content::new()));
        let mut pdf = Pdf::new();
        let catalog = Ref::new(1);
        let tree = Ref::new(2);
        let regular = Ref::new(3);
        let bold = Ref::new(4);
        let info = Ref::new(5);
        let logo_id = Ref::new(6);
        let mask_id = Ref::new(7);
        let first = 8;
        let count = self.pages.len();
        let page_ids: Vec<Ref> = (0..count).map(|i| Ref::new(first + 2 * i as i32)).collect();
        // Every footer first, so the embedded font holds their glyphs before pages name it.
        for (i, content) in self.pages.iter_mut().enumerate() {
            let footer = format!("{} — halaman {} dari {}", self.footer, i + 1, count);
            content.set_fill_gray(0.35);
            self.fallback
                .show(content, MARGIN, FOOTER_Y, &footer, Weight::Regular, 8.0);
        }
        // The embedded font's objects (six a weight) after the pages.
        let font_refs = |slot: i32| {
            let base = first + 2 * count as i32 + 6 * slot;
            [0, 1, 2, 3, 4, 5].map(|k| Ref::new(base + k))
        };
        let embedded: Vec<(usize, Weight)> = [Weight::Regular, Weight::Bold]
            .into_iter()
            .enumerate()
            .filter(|(slot, _)| !self.fallback.used[*slot].is_empty())
            .collect();
        pdf.catalog(catalog).pages(tree);
        pdf.pages(tree)
            .kids(page_ids.iter().copied())
            .count(count as i32);
        pdf.document_info(info)
            .title(TextStr(&self.title))
            .producer(TextStr("suara"));
        for (font, id) in [
            (Name(b"Helvetica"), regular),
            (Name(b"Helvetica-Bold"), bold),
        ] {
            pdf.type1_font(id)
                .base_font(font)
                .encoding_predefined(Name(b"WinAnsiEncoding"));
        }
        if let Some(logo) = &self.logo {
            // The colours, and the transparency as a soft mask of grey levels.
            let layers = [(logo_id, &logo.rgb, true)]
                .into_iter()
                .chain(logo.alpha.as_ref().map(|alpha| (mask_id, alpha, false)));
            for (id, samples, colour) in layers {
                let packed = miniz_oxide::deflate::compress_to_vec_zlib(samples, 6);
                let mut image = pdf.image_xobject(id, &packed);
                image.filter(pdf_writer::Filter::FlateDecode);
                image.width(logo.width as i32);
                image.height(logo.height as i32);
                image.bits_per_component(8);
                if colour {
                    image.color_space().device_rgb();
                    if logo.alpha.is_some() {
                        image.s_mask(mask_id);
                    }
                } else {
                    image.color_space().device_gray();
                }
            }
        }
        for (i, content) in self.pages.into_iter().enumerate() {
            let page_id = page_ids[i];
            let content_id = Ref::new(page_id.get() + 1);
            let mut page = pdf.page(page_id);
            page.media_box(Rect::new(0.0, 0.0, PAGE_WIDTH, PAGE_HEIGHT));
            page.parent(tree);
            page.contents(content_id);
            {
                let mut resources = page.resources();
                let mut fonts = resources.fonts();
                fonts.pair(Name(b"F1"), regular);
                fonts.pair(Name(b"F2"), bold);
                for (slot, _) in &embedded {
                    let name = [Name(b"F3"), Name(b"F4")][*slot];
                    fonts.pair(name, font_refs(*slot as i32)[0]);
                }
                fonts.finish();
                if self.logo.is_some() {
                    resources.x_objects().pair(Name(b"Im1"), logo_id);
                }
            }
            page.finish();
            pdf.stream(content_id, &content.finish());
        }
        for (slot, weight) in embedded {
            if let Some(face) = Embedded::of(weight) {
                self.fallback.used[slot].write(&mut pdf, face, font_refs(slot as i32));
            }
        }
        pdf.finish()
    }
}

impl Layout for Document {
    fn gap(&mut self, points: f32) {
        self.y -= points;
    }

    fn indented(&mut self, indent: f32, text: &str, weight: Weight, size: f32) {
        let leading = size * 1.35;
        for line in wrap(text, weight, size, TEXT_WIDTH - indent) {
            self.need(leading);
            self.y -= leading;
            self.text_at(MARGIN + indent, self.y + size * 0.3, &line, weight, size);
        }
    }

    /// A centred line.
    fn centred(&mut self, text: &str, weight: Weight, size: f32) {
        self.centred_in(MARGIN, TEXT_WIDTH, text, weight, size);
    }

    fn heading(&mut self, text: &str) {
        self.need(60.0);
        self.gap(10.0);
        self.paragraph(text, Weight::Bold, 12.5);
        let y = self.y - 3.0;
        let page = self.page();
        page.set_stroke_rgb(GREEN.0, GREEN.1, GREEN.2);
        page.set_line_width(1.0);
        page.move_to(MARGIN, y);
        page.line_to(MARGIN + TEXT_WIDTH, y);
        page.stroke();
        self.gap(8.0);
    }

    /// A table; its own heading row is repeated on each new page it runs onto, and never
    /// stands alone at the foot of a page. Cells wrap within columns.
    fn table(&mut self, columns: &[Column<'_>], rows: &[Vec<String>], bold_last: bool) {
        let (size, leading) = (CELL_SIZE, CELL_LEADING);
        let widths: Vec<f32> = columns.iter().map(|c| c.share * TEXT_WIDTH).collect();
        let header: Vec<String> = columns.iter().map(|c| c.heading.to_string()).collect();
        let weight = |i: usize| {
            if bold_last && i + 1 == rows.len() {
                Weight::Bold
            } else {
                Weight::Regular
            }
        };
        let first = rows.first().map_or(0.0, |row| {
            Self::row_height(&widths, row, weight(0), size, leading)
        });
        self.need(Self::row_height(&widths, &header, Weight::Bold, size, leading) + first);
        self.row(columns, &widths, &header, Weight::Bold, size, leading, true);
        for (i, row) in rows.iter().enumerate() {
            let height = Self::row_height(&widths, row, weight(i), size, leading);
            if self.y - height < MARGIN {
                self.new_page();
                self.row(columns, &widths, &header, Weight::Bold, size, leading, true);
            }
            self.row(columns, &widths, row, weight(i), size, leading, false);
        }
        self.gap(6.0);
    }

    /// A table kept on one page (a signature block): on a new page unless it all fits here.
    fn table_whole(&mut self, columns: &[Column<'_>], rows: &[Vec<String>]) {
        let (size, leading) = (CELL_SIZE, CELL_LEADING);
        let widths: Vec<f32> = columns.iter().map(|c| c.share * TEXT_WIDTH).collect();
        let header: Vec<String> = columns.iter().map(|c| c.heading.to_string()).collect();
        let body: f32 = rows
            .iter()
            .map(|row| Self::row_height(&widths, row, Weight::Regular, size, leading))
            .sum();
        self.need(Self::row_height(&widths, &header, Weight::Bold, size, leading) + body);
        self.table(columns, rows, false);
    }

    fn bars(&mut self, bars: &[Bar<'_>], min: f32, max: f32, decimals: usize) {
        let row = 16.0;
        let label_width = 190.0;
        let plot = TEXT_WIDTH - label_width - 40.0;
        self.need(row * bars.len() as f32 + 24.0);
        for bar in bars {
            self.y -= row;
            let label = wrap(bar.label, Weight::Regular, 8.0, label_width - 8.0)
                .into_iter()
                .next()
                .unwrap_or_default();
            let lw = width(&label, Weight::Regular, 8.0);
            self.text_at(
                MARGIN + label_width - 6.0 - lw,
                self.y + 4.0,
                &label,
                Weight::Regular,
                8.0,
            );
            let share = ((bar.value - min) / (max - min)).clamp(0.0, 1.0);
            let (r, g, b) = if bar.highlight { ORANGE } else { GREEN };
            let y = self.y;
            let page = self.page();
            page.set_fill_gray(0.92);
            page.rect(MARGIN + label_width, y + 1.0, plot, row - 5.0);
            page.fill_nonzero();
            page.set_fill_rgb(r, g, b);
            page.rect(MARGIN + label_width, y + 1.0, plot * share, row - 5.0);
            page.fill_nonzero();
            // Printed as Indonesian reports print decimals: with a comma.
            let value = format!("{:.*}", decimals, bar.value).replace('.', ",");
            self.text_at(
                MARGIN + label_width + plot * share + 4.0,
                y + 4.0,
                &value,
                Weight::Regular,
                8.0,
            );
        }
        // The axis: min and max under the plot.
        self.y -= 12.0;
        let (lo, hi) = (format!("{min}"), format!("{max}"));
        self.text_at(MARGIN + label_width, self.y, &lo, Weight::Regular, 7.5);
        let hw = width(&hi, Weight::Regular, 7.5);
        self.text_at(
            MARGIN + label_width + plot - hw,
            self.y,
            &hi,
            Weight::Regular,
            7.5,
        );
        self.gap(8.0);
    }

    /// A framed box of label/value pairs in two columns (the report's key figures).
    fn key_figures(&mut self, figures: &[(&str, String)]) {
        let size = 10.5;
        let leading = 17.0;
        let height = leading * figures.len() as f32 + 14.0;
        self.need(height);
        let top = self.y;
        {
            let page = self.page();
            page.set_fill_rgb(0.95, 0.98, 0.96);
            page.set_stroke_rgb(GREEN.0, GREEN.1, GREEN.2);
            page.set_line_width(1.0);
            page.rect(MARGIN, top - height, TEXT_WIDTH, height);
            page.fill_nonzero_and_stroke();
        }
        for (i, (label, value)) in figures.iter().enumerate() {
            let y = top - 7.0 - leading * (i as f32 + 1.0) + 5.0;
            self.text_at(MARGIN + 12.0, y, label, Weight::Regular, size);
            self.text_at(MARGIN + 210.0, y, value, Weight::Bold, size);
        }
        self.y = top - height - 6.0;
    }

    /// The logo in a box of `LOGO` points at the left (its proportions kept), the lines
    /// centred in the room to its right, and the double rule under both.
    fn letterhead(&mut self, head: &Letterhead) {
        const LOGO: f32 = 64.0;
        let top = self.y;
        let logo = head
            .logo
            .as_deref()
            .and_then(|png| crate::logo::decode(png).ok());
        let (left, room) = match &logo {
            Some(_) => (MARGIN + LOGO + 8.0, TEXT_WIDTH - LOGO - 8.0),
            None => (MARGIN, TEXT_WIDTH),
        };
        self.centred_in(left, room, &head.government, Weight::Bold, 13.0);
        self.centred_in(left, room, &head.office, Weight::Bold, 15.0);
        if !head.address.is_empty() {
            self.centred_in(left, room, &head.address, Weight::Regular, 9.0);
        }
        if let Some(pixels) = logo {
            let scale = LOGO / pixels.width.max(pixels.height) as f32;
            let (w, h) = (pixels.width as f32 * scale, pixels.height as f32 * scale);
            let y = top - LOGO + (LOGO - h) / 2.0;
            let page = self.page();
            page.save_state();
            page.transform([w, 0.0, 0.0, h, MARGIN + (LOGO - w) / 2.0, y]);
            page.x_object(Name(b"Im1"));
            page.restore_state();
            self.logo = Some(pixels);
            self.y = self.y.min(top - LOGO);
        }
        // The double rule of Indonesian letterheads: thick, then thin.
        let y = self.y - 6.0;
        let page = self.page();
        page.set_stroke_gray(0.0);
        page.set_line_width(2.0);
        page.move_to(MARGIN, y);
        page.line_to(MARGIN + TEXT_WIDTH, y);
        page.stroke();
        page.set_line_width(0.7);
        page.move_to(MARGIN, y - 3.0);
        page.line_to(MARGIN + TEXT_WIDTH, y - 3.0);
        page.stroke();
        self.y = y - 3.0;
        self.gap(14.0);
    }

    fn signature(&mut self, lines: &[(String, Weight)]) {
        let (size, leading) = (10.0, 14.0);
        let (x, room) = (MARGIN + TEXT_WIDTH * 0.5, TEXT_WIDTH * 0.5);
        // A long office name wraps within the block; an empty line is room to sign.
        let wrapped: Vec<(String, Weight)> = lines
            .iter()
            .flat_map(|(line, weight)| {
                wrap(line, *weight, size, room)
                    .into_iter()
                    .map(move |l| (l, *weight))
            })
            .collect();
        self.gap(16.0);
        self.need(leading * wrapped.len() as f32);
        for (line, weight) in &wrapped {
            self.y -= leading;
            let y = self.y + size * 0.3;
            self.text_at(x, y, line, *weight, size);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_measured_and_wrapped() {
        // "Hello" in Helvetica: H 722 + e 556 + l 222 + l 222 + o 556 = 2278 → 22.78 pt at 10.
        assert!((width("Hello", Weight::Regular, 10.0) - 22.78).abs() < 0.001);
        assert!(width("Hello", Weight::Bold, 10.0) > width("Hello", Weight::Regular, 10.0));
        let lines = wrap(
            "satu dua tiga empat lima enam tujuh",
            Weight::Regular,
            10.0,
            60.0,
        );
        assert!(lines.len() > 1);
        assert!(lines
            .iter()
            .all(|l| width(l, Weight::Regular, 10.0) <= 60.0));
        let long = wrap(&"x".repeat(100), Weight::Regular, 10.0, 50.0);
        assert!(long.len() > 1 && long.iter().all(|l| width(l, Weight::Regular, 10.0) <= 50.0));
        // A long word of signs outside ASCII is cut between characters, never inside one.
        let word = "é😀–".repeat(60);
        let cut = wrap(&word, Weight::Regular, 10.0, 50.0);
        assert!(cut.len() > 1);
        assert_eq!(cut.concat(), word);
        assert_eq!(
            runs("Rp1.000 – ≥ 80"),
            [
                (true, "Rp1.000 – ".to_string()),
                (false, "≥".to_string()),
                (true, " 80".to_string())
            ]
        );
    }

    #[test]
    fn what_winansi_lacks_is_drawn_with_the_embedded_font_and_copies_as_typed() {
        let mut doc = Document::new("Uji", "Kabupaten Uji");
        doc.paragraph("Pelayanan ramah ✓ dan cepat", Weight::Regular, 10.0);
        doc.paragraph("Nilai ≥ 88,31 → A", Weight::Bold, 10.0);
        let bytes = doc.finish();
        let text = String::from_utf8_lossy(&bytes);
        assert!(text.contains("(Pelayanan ramah ) Tj") && text.contains("( dan cepat) Tj"));
        assert!(text.contains("SUARAA+DejaVuSans") && text.contains("SUARAA+DejaVuSans-Bold"));
        assert!(text.contains("/F3") && text.contains("/F4") && text.contains("/FontFile2"));
        // The ToUnicode maps (compressed streams) carry ✓, ≥ and → back to their text.
        let maps = inflated_streams(&bytes);
        for code in ["<2713>", "<2265>", "<2192>"] {
            assert!(maps.contains(code), "{code} in {maps}");
        }
        // Under 100 kB though two faces of 700 kB each went in: subsets.
        assert!(bytes.len() < 100_000, "{} bytes", bytes.len());
    }

    /// Every compressed stream of a PDF, inflated, as text.
    fn inflated_streams(bytes: &[u8]) -> String {
        let find = |hay: &[u8], needle: &[u8]| hay.windows(needle.len()).position(|w| w == needle);
        let mut out = String::new();
        let mut rest = bytes;
        while let Some(at) = find(rest, b"stream\n") {
            let body = &rest[at + 7..];
            let end = find(body, b"\nendstream").unwrap_or(body.len());
            if let Ok(data) = miniz_oxide::inflate::decompress_to_vec_zlib(&body[..end]) {
                out.push_str(&String::from_utf8_lossy(&data));
            }
            rest = &body[(end + 10).min(body.len())..];
        }
        out
    }

    #[test]
    fn a_document_in_winansi_embeds_nothing() {
        let mut doc = Document::new("Uji", "Kabupaten Uji");
        doc.paragraph("Rp1.000 – 80,5 % “baik”", Weight::Regular, 10.0);
        let text = String::from_utf8_lossy(&doc.finish()).into_owned();
        assert!(!text.contains("/FontFile2") && !text.contains("/F3"));
    }

    #[test]
    fn a_document_has_its_pages() {
        let mut doc = Document::new("Uji", "Kabupaten Uji");
        for i in 0..120 {
            doc.paragraph(&format!("Baris {i}"), Weight::Regular, 10.0);
        }
        let bytes = doc.finish();
        assert!(bytes.starts_with(b"%PDF-"));
        let text = String::from_utf8_lossy(&bytes);
        assert!(text.contains("/Count 3"), "120 lines take three pages");
    }

    /// Each page's content (the pages are uncompressed streams; ASCII texts read "(…) Tj").
    fn pages(bytes: &[u8]) -> Vec<String> {
        let text = String::from_utf8_lossy(bytes);
        let mut pages: Vec<String> = text.split("endstream").map(str::to_string).collect();
        pages.pop();
        pages
    }

    fn half(heading: &'static str) -> Column<'static> {
        Column {
            heading,
            share: 0.5,
            right: false,
        }
    }

    fn rows(n: usize) -> Vec<Vec<String>> {
        (0..n)
            .map(|i| vec![format!("baris {i}"), String::new()])
            .collect()
    }

    #[test]
    fn each_table_repeats_its_own_heading_on_a_new_page() {
        let mut doc = Document::new("Uji", "Kabupaten Uji");
        doc.table(&[half("Nama"), half("Tanda tangan")], &rows(30), false);
        doc.table(&[half("Unit"), half("Pegawai")], &rows(80), false);
        let pages = pages(&doc.finish());
        assert!(pages.len() >= 3, "{} pages", pages.len());
        assert!(pages[0].contains("(Nama)") && pages[0].contains("(Pegawai)"));
        for page in &pages[1..] {
            assert!(page.contains("(Pegawai)") && !page.contains("(Nama)"));
        }
    }

    #[test]
    fn a_heading_never_stands_alone_at_the_foot_of_a_page() {
        let mut doc = Document::new("Uji", "Kabupaten Uji");
        // Room for the heading row (17,7 pt) but not for it and the first row.
        doc.gap(PAGE_HEIGHT - 2.0 * MARGIN - 27.7);
        doc.table(&[half("Sendiri"), half("Kolom")], &rows(3), false);
        let pages = pages(&doc.finish());
        assert_eq!(pages.len(), 2);
        assert!(!pages[0].contains("(Sendiri)"));
        assert_eq!(pages[1].matches("(Sendiri)").count(), 1);
    }

    #[test]
    fn a_whole_table_moves_to_a_new_page_rather_than_split() {
        let mut doc = Document::new("Uji", "Kabupaten Uji");
        // Room for the heading and two rows of four.
        doc.gap(PAGE_HEIGHT - 2.0 * MARGIN - 60.0);
        doc.table_whole(&[half("Mengetahui"), half("Bendahara")], &rows(4));
        let pages = pages(&doc.finish());
        assert_eq!(pages.len(), 2);
        assert!(!pages[0].contains("(baris 0)"));
        assert!(pages[1].contains("(baris 0)") && pages[1].contains("(baris 3)"));
    }
}
