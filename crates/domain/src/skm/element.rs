use serde::Serialize;

/// Number of SKM elements (unsur) in PermenPANRB 14/2017.
pub const ELEMENT_COUNT: usize = 9;

/// The nine SKM elements, in the order of DESIGN.md (U1…U9).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum Element {
    Requirements,
    Procedure,
    CompletionTime,
    Cost,
    ProductSpecification,
    Competence,
    Behaviour,
    ComplaintHandling,
    Facilities,
}

impl Element {
    pub const ALL: [Element; ELEMENT_COUNT] = [
        Element::Requirements,
        Element::Procedure,
        Element::CompletionTime,
        Element::Cost,
        Element::ProductSpecification,
        Element::Competence,
        Element::Behaviour,
        Element::ComplaintHandling,
        Element::Facilities,
    ];

    /// Position 0–8.
    pub fn index(self) -> usize {
        self as usize
    }

    /// `U1` … `U9`.
    pub fn code(self) -> &'static str {
        ["U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8", "U9"][self.index()]
    }

    /// The official (Indonesian) element name.
    pub fn name_id(self) -> &'static str {
        match self {
            Element::Requirements => "Persyaratan",
            Element::Procedure => "Sistem, mekanisme dan prosedur",
            Element::CompletionTime => "Waktu penyelesaian",
            Element::Cost => "Biaya/tarif",
            Element::ProductSpecification => "Produk spesifikasi jenis pelayanan",
            Element::Competence => "Kompetensi pelaksana",
            Element::Behaviour => "Perilaku pelaksana",
            Element::ComplaintHandling => "Penanganan pengaduan, saran dan masukan",
            Element::Facilities => "Sarana dan prasarana",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_follow_positions() {
        for (i, e) in Element::ALL.iter().enumerate() {
            assert_eq!(e.index(), i);
            assert_eq!(e.code(), format!("U{}", i + 1));
        }
    }
}
