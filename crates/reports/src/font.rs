//! The font the PDF reports embed for what the base fonts cannot show: DejaVu Sans and
//! DejaVu Sans Bold (Debian's fonts-dejavu-core, free licence in `fonts/LICENSE`). Text the
//! standard Helvetica holds (WinAnsi) is drawn with it, unembedded, as before; any other
//! character a citizen or an officer typed ("✓", "≥", "→", Greek or Cyrillic letters,
//! Javanese names in Latin with rare diacritics) is drawn with DejaVu, subset to the glyphs
//! the document uses and embedded as a CID font with a ToUnicode map, so it prints and
//! copies as typed. A character DejaVu lacks too prints as "�", never as nothing.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use pdf_writer::types::{CidFontType, FontFlags, SystemInfo, UnicodeCmap};
use pdf_writer::{Filter, Finish, Name, Pdf, Rect, Ref, Str};
use subsetter::GlyphRemapper;
use ttf_parser::{Face, GlyphId};

use crate::layout::Weight;

/// One embedded face, parsed once.
pub struct Embedded {
    data: &'static [u8],
    face: Face<'static>,
    name: &'static str,
}

static REGULAR: LazyLock<Option<Embedded>> =
    LazyLock::new(|| Embedded::parse(include_bytes!("../fonts/DejaVuSans.ttf"), "DejaVuSans"));
static BOLD: LazyLock<Option<Embedded>> = LazyLock::new(|| {
    Embedded::parse(
        include_bytes!("../fonts/DejaVuSans-Bold.ttf"),
        "DejaVuSans-Bold",
    )
});

impl Embedded {
    fn parse(data: &'static [u8], name: &'static str) -> Option<Embedded> {
        let face = Face::parse(data, 0).ok()?;
        Some(Embedded { data, face, name })
    }

    /// The face of a weight (`None` only if the shipped file did not parse, which the
    /// tests rule out).
    pub fn of(weight: Weight) -> Option<&'static Embedded> {
        match weight {
            Weight::Regular => REGULAR.as_ref(),
            Weight::Bold => BOLD.as_ref(),
        }
    }

    /// The glyph drawn for `c`: its own, or the replacement character's.
    fn glyph(&self, c: char) -> GlyphId {
        self.shown(c).0
    }

    /// The glyph drawn for `c` and the character it copies as (`�` when it is not `c`'s).
    fn shown(&self, c: char) -> (GlyphId, char) {
        match self.face.glyph_index(c) {
            Some(glyph) => (glyph, c),
            None => (
                self.face.glyph_index('\u{FFFD}').unwrap_or(GlyphId(0)),
                '\u{FFFD}',
            ),
        }
    }

    /// The glyph's advance in thousandths of an em (PDF text space units).
    fn advance(&self, glyph: GlyphId) -> f32 {
        let units = f32::from(self.face.glyph_hor_advance(glyph).unwrap_or(0));
        units * 1000.0 / f32::from(self.face.units_per_em())
    }

    /// The width of `c` in thousandths of an em.
    pub fn width(&self, c: char) -> f32 {
        self.advance(self.glyph(c))
    }

    fn to_em(&self, units: i16) -> f32 {
        f32::from(units) * 1000.0 / f32::from(self.face.units_per_em())
    }
}

/// The glyphs a document draws with one embedded face, numbered as its subset numbers them.
pub struct Used {
    remapper: GlyphRemapper,
    /// New glyph number → the character it shows, for the ToUnicode map.
    text: BTreeMap<u16, char>,
}

impl Default for Used {
    fn default() -> Used {
        Used {
            remapper: GlyphRemapper::new(),
            text: BTreeMap::new(),
        }
    }
}

impl Used {
    /// The text as the content stream shows it: two bytes per glyph, the subset's numbers.
    pub fn encode(&mut self, face: &Embedded, text: &str) -> Vec<u8> {
        let mut bytes = Vec::with_capacity(text.len() * 2);
        for c in text.chars() {
            let (glyph, shown) = face.shown(c);
            let new = self.remapper.remap(glyph.0);
            self.text.entry(new).or_insert(shown);
            bytes.extend_from_slice(&new.to_be_bytes());
        }
        bytes
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Writes the font: Type 0 at `refs[0]`, then its CID font, descriptor, ToUnicode map,
    /// program, and (only if subsetting failed) the map from glyph numbers to the font's.
    pub fn write(&self, pdf: &mut Pdf, face: &Embedded, refs: [Ref; 6]) {
        const SYSTEM: SystemInfo = SystemInfo {
            registry: Str(b"Adobe"),
            ordering: Str(b"Identity"),
            supplement: 0,
        };
        let [type0, cid, descriptor, cmap_id, program, map_id] = refs;
        // A subset's name starts with six capitals and "+" (ISO 32000-1, 9.6.4).
        let name = format!("SUARAA+{}", face.name);
        pdf.type0_font(type0)
            .base_font(Name(name.as_bytes()))
            .encoding_predefined(Name(b"Identity-H"))
            .descendant_font(cid)
            .to_unicode(cmap_id);

        // The subset numbers glyphs as the remapper did; should subsetting ever fail, the
        // whole font goes in with a map from those numbers to its own.
        let (file, map) = match subsetter::subset(face.data, 0, &self.remapper) {
            Ok(subset) => (subset, None),
            Err(_) => {
                let map: Vec<u8> = self
                    .remapper
                    .remapped_gids()
                    .flat_map(u16::to_be_bytes)
                    .collect();
                (face.data.to_vec(), Some(map))
            }
        };
        let mut font = pdf.cid_font(cid);
        font.subtype(CidFontType::Type2)
            .base_font(Name(name.as_bytes()))
            .system_info(SYSTEM)
            .font_descriptor(descriptor)
            .default_width(0.0);
        match map {
            None => {
                font.cid_to_gid_map_predefined(Name(b"Identity"));
            }
            Some(_) => {
                font.cid_to_gid_map_stream(map_id);
            }
        }
        let mut widths = font.widths();
        for (new, old) in self.remapper.remapped_gids().enumerate() {
            let new = u16::try_from(new).unwrap_or(u16::MAX);
            widths.consecutive(new, [face.advance(GlyphId(old))]);
        }
        widths.finish();
        font.finish();

        let bbox = face.face.global_bounding_box();
        let mut flags = FontFlags::empty();
        flags.insert(FontFlags::NON_SYMBOLIC);
        pdf.font_descriptor(descriptor)
            .name(Name(name.as_bytes()))
            .flags(flags)
            .bbox(Rect::new(
                face.to_em(bbox.x_min),
                face.to_em(bbox.y_min),
                face.to_em(bbox.x_max),
                face.to_em(bbox.y_max),
            ))
            .italic_angle(0.0)
            .ascent(face.to_em(face.face.ascender()))
            .descent(face.to_em(face.face.descender()))
            .cap_height(face.to_em(face.face.capital_height().unwrap_or(729)))
            .stem_v(80.0)
            .font_file2(program);

        let mut unicode = UnicodeCmap::new(Name(b"Custom"), SYSTEM);
        for (&new, &c) in &self.text {
            unicode.pair(new, c);
        }
        let deflate = |bytes: &[u8]| miniz_oxide::deflate::compress_to_vec_zlib(bytes, 6);
        pdf.cmap(cmap_id, &deflate(&unicode.finish()))
            .filter(Filter::FlateDecode);
        let packed = deflate(&file);
        let mut stream = pdf.stream(program, &packed);
        stream.filter(Filter::FlateDecode);
        stream.pair(
            Name(b"Length1"),
            i32::try_from(file.len()).unwrap_or(i32::MAX),
        );
        stream.finish();
        if let Some(map) = map {
            pdf.stream(map_id, &deflate(&map))
                .filter(Filter::FlateDecode);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_faces_parse_and_hold_what_reports_print() {
        for weight in [Weight::Regular, Weight::Bold] {
            let face = Embedded::of(weight).unwrap();
            for c in ['✓', '≥', '≤', '→', '×', 'Σ', 'é', 'ŋ', 'Ж', '\u{FFFD}'] {
                assert_ne!(face.glyph(c), GlyphId(0), "{c} in {}", face.name);
            }
            // A character it lacks (a Javanese letter) draws the replacement glyph.
            assert_eq!(face.glyph('ꦲ'), face.glyph('\u{FFFD}'));
        }
    }

    #[test]
    fn glyphs_are_numbered_in_the_order_first_drawn() {
        let face = Embedded::of(Weight::Regular).unwrap();
        let mut used = Used::default();
        // .notdef is 0, so ✓ is 1, ≥ is 2, and ✓ again is 1.
        assert_eq!(used.encode(face, "✓≥✓"), [0, 1, 0, 2, 0, 1]);
        let mut pdf = Pdf::new();
        used.write(&mut pdf, face, [1, 2, 3, 4, 5, 6].map(Ref::new));
        let bytes = pdf.finish();
        // A subset, not the whole font (760 kB).
        assert!(bytes.len() < 40_000, "{} bytes", bytes.len());
    }
}
