//! Display rounding of exact rationals.
//!
//! Scores are computed exactly (see [`crate::skm`]) and rounded only when shown:
//! to a fixed number of decimals, half away from zero.

use std::fmt;

use num_bigint::BigInt;
use num_integer::Integer;
use num_rational::BigRational;
use num_traits::{Signed, ToPrimitive, Zero};

/// A decimal number with a fixed number of places, e.g. `82.35` is `scaled = 8235, places = 2`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Decimal {
    scaled: i64,
    places: u32,
}

impl Decimal {
    /// Rounds `value` to `places` decimals, half away from zero.
    ///
    /// Values whose scaled form does not fit an `i64` saturate; scores in this
    /// domain are within 0–100, far from that limit.
    pub fn round_half_away(value: &BigRational, places: u32) -> Decimal {
        let factor = BigInt::from(10u32).pow(places);
        let scaled_exact = value.abs() * BigRational::from_integer(factor);
        // floor(|x|·10^p + 1/2), then restore the sign: half away from zero.
        let (numer, denom) = (scaled_exact.numer(), scaled_exact.denom());
        let doubled: BigInt = numer * 2 + denom;
        let magnitude = doubled.div_floor(&(denom * 2u32));
        let signed = if value.is_negative() {
            -magnitude
        } else {
            magnitude
        };
        let scaled = signed.to_i64().unwrap_or(if value.is_negative() {
            i64::MIN
        } else {
            i64::MAX
        });
        Decimal { scaled, places }
    }

    pub fn new(scaled: i64, places: u32) -> Decimal {
        Decimal { scaled, places }
    }

    /// Reads a plain decimal such as `80`, `0.85` or `-1.5` (at most 9 places; no exponent,
    /// no thousands separators), exactly as written.
    pub fn parse(text: &str) -> Option<Decimal> {
        let text = text.trim();
        let (negative, digits) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
        let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if whole.is_empty() || !all_digits(whole) || !all_digits(fraction) || fraction.len() > 9 {
            return None;
        }
        if digits.ends_with('.') {
            return None;
        }
        let places = fraction.len() as u32;
        let magnitude: i64 = format!("{whole}{fraction}").parse().ok()?;
        Some(Decimal {
            scaled: if negative { -magnitude } else { magnitude },
            places,
        })
    }

    /// The exact value.
    pub fn to_rational(self) -> BigRational {
        BigRational::new(
            BigInt::from(self.scaled),
            BigInt::from(10u64).pow(self.places),
        )
    }

    /// The value times 10^places, e.g. 8235 for 82.35.
    pub fn scaled(self) -> i64 {
        self.scaled
    }

    pub fn places(self) -> u32 {
        self.places
    }

    /// The nearest `f64`, for JSON. Exact integers divided once, so e.g. 82.35 prints as `82.35`.
    pub fn to_f64(self) -> f64 {
        self.scaled as f64 / 10f64.powi(self.places as i32)
    }
}

impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.scaled < 0 { "-" } else { "" };
        let magnitude = self.scaled.unsigned_abs();
        if self.places == 0 {
            return write!(f, "{sign}{magnitude}");
        }
        let factor = 10u64.pow(self.places);
        write!(
            f,
            "{sign}{}.{:0width$}",
            magnitude / factor,
            magnitude % factor,
            width = self.places as usize
        )
    }
}

/// The nearest `f64` to an exact rational (used for JSON output of means).
pub fn rational_to_f64(value: &BigRational) -> f64 {
    if value.is_zero() {
        return 0.0;
    }
    value.to_f64().unwrap_or(f64::NAN)
}

/// Written as its exact text (`"12.5"`), never as a float.
impl serde::Serialize for Decimal {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ratio(n: i64, d: i64) -> BigRational {
        BigRational::new(BigInt::from(n), BigInt::from(d))
    }

    #[test]
    fn parses_plain_decimals_exactly() {
        let parsed = |s: &str| Decimal::parse(s).map(|d| d.to_string());
        assert_eq!(parsed("0.85").as_deref(), Some("0.85"));
        assert_eq!(parsed(" 80 ").as_deref(), Some("80"));
        assert_eq!(parsed("-1.50").as_deref(), Some("-1.50"));
        assert_eq!(Decimal::parse("0.1").unwrap().to_rational(), ratio(1, 10));
        for bad in [
            "",
            "-",
            ".5",
            "5.",
            "1e3",
            "1,5",
            "1.2.3",
            "abc",
            "0.1234567891",
        ] {
            assert_eq!(Decimal::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn rounds_half_away_from_zero() {
        assert_eq!(
            Decimal::round_half_away(&ratio(12345, 1000), 2).to_string(),
            "12.35"
        );
        assert_eq!(
            Decimal::round_half_away(&ratio(12344, 1000), 2).to_string(),
            "12.34"
        );
        assert_eq!(
            Decimal::round_half_away(&ratio(-12345, 1000), 2).to_string(),
            "-12.35"
        );
        assert_eq!(
            Decimal::round_half_away(&ratio(1, 3), 4).to_string(),
            "0.3333"
        );
        assert_eq!(Decimal::round_half_away(&ratio(2, 3), 0).to_string(), "1");
        assert_eq!(
            Decimal::round_half_away(&ratio(100, 1), 2).to_string(),
            "100.00"
        );
        assert_eq!(
            Decimal::round_half_away(&ratio(1, 200), 2).to_string(),
            "0.01"
        );
    }

    #[test]
    fn displays_leading_zeros_in_fraction() {
        assert_eq!(Decimal::new(2505, 2).to_string(), "25.05");
        assert_eq!(Decimal::new(32500, 4).to_string(), "3.2500");
        assert_eq!(Decimal::new(-5, 2).to_string(), "-0.05");
    }

    #[test]
    fn to_f64_is_the_nearest_double() {
        assert_eq!(Decimal::new(8235, 2).to_f64(), 82.35);
        assert_eq!(rational_to_f64(&ratio(10, 3)), 10.0 / 3.0);
    }
}
