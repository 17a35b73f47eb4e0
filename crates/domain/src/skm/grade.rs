use serde::Serialize;

use crate::decimal::Decimal;

/// Service quality grade (mutu pelayanan) of PermenPANRB 14/2017, read from the IKM
/// rounded to 2 decimals: A 88.31–100.00, B 76.61–88.30, C 65.00–76.60, D 25.00–64.99.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum Grade {
    A,
    B,
    C,
    D,
}

impl Grade {
    /// Grade of an IKM already rounded to 2 decimals (25.00–100.00).
    pub fn from_rounded_ikm(ikm: Decimal) -> Grade {
        debug_assert_eq!(ikm.places(), 2, "grades are read from the 2-decimal IKM");
        match ikm.scaled() {
            8831.. => Grade::A,
            7661.. => Grade::B,
            6500.. => Grade::C,
            _ => Grade::D,
        }
    }

    pub fn letter(self) -> &'static str {
        match self {
            Grade::A => "A",
            Grade::B => "B",
            Grade::C => "C",
            Grade::D => "D",
        }
    }

    /// Official performance label (kinerja unit pelayanan).
    pub fn label_id(self) -> &'static str {
        match self {
            Grade::A => "Sangat Baik",
            Grade::B => "Baik",
            Grade::C => "Kurang Baik",
            Grade::D => "Tidak Baik",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grade(scaled: i64) -> Grade {
        Grade::from_rounded_ikm(Decimal::new(scaled, 2))
    }

    #[test]
    fn regulation_boundaries() {
        assert_eq!(grade(10000), Grade::A);
        assert_eq!(grade(8831), Grade::A);
        assert_eq!(grade(8830), Grade::B);
        assert_eq!(grade(7661), Grade::B);
        assert_eq!(grade(7660), Grade::C);
        assert_eq!(grade(6500), Grade::C);
        assert_eq!(grade(6499), Grade::D);
        assert_eq!(grade(2500), Grade::D);
    }
}
