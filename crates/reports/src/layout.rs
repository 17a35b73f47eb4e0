//! What a printed report is made of (headings, paragraphs, tables, bar charts, a letterhead
//! and a signature block), written once per report and drawn by either writer: the PDF
//! ([`crate::pdf::Document`]) or the editable Word document ([`crate::docx::Editable`]).

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Weight {
    Regular,
    Bold,
}

/// A table column: heading, share of the text width, right-aligned or not.
pub struct Column<'a> {
    pub heading: &'a str,
    pub share: f32,
    pub right: bool,
}

/// One bar of a chart: label, value and whether to draw it in the warning colour.
pub struct Bar<'a> {
    pub label: &'a str,
    pub value: f32,
    pub highlight: bool,
}

/// The lines at the top of an official document (*kop*): the government, the office and
/// its address, above a double rule, with the regency's logo at the left when it has one.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Letterhead {
    /// "PEMERINTAH KABUPATEN TRENGGALEK".
    pub government: String,
    /// The unit's name, in capitals as letterheads print it.
    pub office: String,
    /// Street, telephone, e-mail: as the regency wrote it, empty when it has not.
    pub address: String,
    /// The logo as a PNG file, when the regency has uploaded one.
    pub logo: Option<Vec<u8>>,
}

/// Sizes in points; a writer maps them to its own units.
pub trait Layout {
    /// Vertical space before what comes next.
    fn gap(&mut self, points: f32);
    /// A wrapped paragraph.
    fn paragraph(&mut self, text: &str, weight: Weight, size: f32) {
        self.indented(0.0, text, weight, size);
    }
    /// A wrapped paragraph indented by `indent` points.
    fn indented(&mut self, indent: f32, text: &str, weight: Weight, size: f32);
    /// A centred line.
    fn centred(&mut self, text: &str, weight: Weight, size: f32);
    /// A chapter heading.
    fn heading(&mut self, text: &str);
    /// A table whose heading row never stands alone at the foot of a page (the PDF also
    /// repeats it on each page the table runs onto).
    fn table(&mut self, columns: &[Column<'_>], rows: &[Vec<String>], bold_last: bool);
    /// A table kept on one page (a signature block).
    fn table_whole(&mut self, columns: &[Column<'_>], rows: &[Vec<String>]);
    /// Horizontal bars from `min` to `max` with the value written after each bar.
    fn bars(&mut self, bars: &[Bar<'_>], min: f32, max: f32, decimals: usize);
    /// A framed box of label/value pairs (a report's key figures).
    fn key_figures(&mut self, figures: &[(&str, String)]);
    /// The letterhead, at the top of the first page.
    fn letterhead(&mut self, head: &Letterhead);
    /// A signature block in the right half of the page, kept on one page: the place and
    /// date, the office, room to sign, the name, the NIP.
    fn signature(&mut self, lines: &[(String, Weight)]);
}
