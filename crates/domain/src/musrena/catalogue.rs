//! SIPD-shaped proposals: the regency's catalogue of activities (*kamus usulan*: code, name,
//! responsible unit, government affair, unit of measure, unit price, the levels that may
//! propose it) and its list of strategic issues (*isu strategis*), both imported with the
//! organisation files; and a proposal's cost from its volume.
//!
//! Cost rule: estimated cost = volume × unit price, in whole rupiah, rounded half away from
//! zero (volumes may have up to three decimals: 12,5 m). A planner may set another amount,
//! and then the reason is recorded with it.

use num_bigint::BigInt;
use num_rational::BigRational;
use serde::Serialize;

use super::forum::Level;
use crate::decimal::Decimal;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CatalogueEntry {
    pub code: String,
    pub name: String,
    /// The unit (OPD) responsible for it.
    pub unit_id: String,
    /// The government affair (urusan), as SIPD names it.
    pub affair: String,
    /// Unit of measure (satuan): `unit`, `m`, `paket`…
    pub measure: String,
    pub unit_price: u64,
    /// The forum levels that may propose it.
    pub levels: Vec<Level>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StrategicIssue {
    pub code: String,
    pub name: String,
}

/// Levels as written in the file (`desa;kecamatan`), or `None` when one is unknown or none
/// is given.
pub fn parse_levels(text: &str) -> Option<Vec<Level>> {
    let mut levels = Vec::new();
    for part in text
        .split([';', ','])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let level = Level::from_code(&part.to_lowercase())?;
        if !levels.contains(&level) {
            levels.push(level);
        }
    }
    levels.sort_by_key(|l| Level::ALL.iter().position(|a| a == l));
    (!levels.is_empty()).then_some(levels)
}

/// Levels as the file writes them.
pub fn levels_text(levels: &[Level]) -> String {
    levels
        .iter()
        .map(|l| l.code())
        .collect::<Vec<_>>()
        .join(";")
}

/// Most decimals a volume may have.
pub const VOLUME_PLACES: u32 = 3;

/// A volume as typed (`12`, `12,5`, `12.5`): more than zero, at most three decimals.
pub fn parse_volume(text: &str) -> Option<Decimal> {
    let volume = Decimal::parse(&text.trim().replace(',', "."))?;
    (volume.scaled() > 0 && volume.places() <= VOLUME_PLACES).then_some(volume)
}

/// Volume × unit price in whole rupiah, half away from zero; `None` beyond what a budget
/// can hold.
pub fn cost(volume: Decimal, unit_price: u64) -> Option<u64> {
    let exact = volume.to_rational() * BigRational::from_integer(BigInt::from(unit_price));
    // Checked before rounding: a decimal's digits are an i64 and saturate there.
    if exact >= BigRational::from_integer(BigInt::from(i64::MAX)) {
        return None;
    }
    u64::try_from(Decimal::round_half_away(&exact, 0).scaled()).ok()
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CostError {
    #[error("a {0} forum may not propose this activity")]
    LevelNotAllowed(&'static str),
    #[error("an activity from the catalogue needs a volume")]
    NoVolume,
    #[error("the cost differs from volume × unit price ({0} rupiah): give the reason")]
    ReasonRequired(u64),
    #[error("volume × unit price is more than a budget can hold")]
    TooLarge,
}

/// The estimated cost of a proposal of `entry` at a forum of `level`: volume × unit price,
/// or the amount typed when it differs and a reason is given.
pub fn settle_cost(
    entry: &CatalogueEntry,
    level: Level,
    volume: Option<Decimal>,
    typed: Option<u64>,
    reason: Option<&str>,
) -> Result<u64, CostError> {
    if !entry.levels.contains(&level) {
        return Err(CostError::LevelNotAllowed(level.code()));
    }
    let computed =
        cost(volume.ok_or(CostError::NoVolume)?, entry.unit_price).ok_or(CostError::TooLarge)?;
    match typed {
        Some(amount) if amount != computed => {
            if reason.is_some_and(|r| !r.trim().is_empty()) {
                Ok(amount)
            } else {
                Err(CostError::ReasonRequired(computed))
            }
        }
        _ => Ok(computed),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn road() -> CatalogueEntry {
        CatalogueEntry {
            code: "1.03.10.2.01.0017".into(),
            name: "Rehabilitasi jalan desa".into(),
            unit_id: "dpupr".into(),
            affair: "Pekerjaan Umum".into(),
            measure: "m".into(),
            unit_price: 1_500_000,
            levels: vec![Level::Desa, Level::Kecamatan],
        }
    }

    #[test]
    fn the_cost_is_computed_unless_a_planner_gives_another_with_a_reason() {
        let v = parse_volume("12,5");
        assert_eq!(
            settle_cost(&road(), Level::Desa, v, None, None),
            Ok(18_750_000)
        );
        assert_eq!(
            settle_cost(&road(), Level::Desa, v, Some(18_750_000), None),
            Ok(18_750_000)
        );
        assert_eq!(
            settle_cost(&road(), Level::Desa, v, Some(20_000_000), Some(" ")),
            Err(CostError::ReasonRequired(18_750_000))
        );
        assert_eq!(
            settle_cost(
                &road(),
                Level::Desa,
                v,
                Some(20_000_000),
                Some("Harga material naik")
            ),
            Ok(20_000_000)
        );
        assert_eq!(
            settle_cost(&road(), Level::Desa, None, None, None),
            Err(CostError::NoVolume)
        );
        assert_eq!(
            settle_cost(&road(), Level::Kabupaten, v, None, None),
            Err(CostError::LevelNotAllowed("kabupaten"))
        );
    }

    #[test]
    fn levels_are_read_in_order_once() {
        assert_eq!(
            parse_levels("kabupaten; desa;desa"),
            Some(vec![Level::Desa, Level::Kabupaten])
        );
        assert_eq!(
            levels_text(&[Level::Desa, Level::Kecamatan]),
            "desa;kecamatan"
        );
        assert_eq!(parse_levels(""), None);
        assert_eq!(parse_levels("desa;provinsi"), None);
    }

    #[test]
    fn cost_is_volume_times_price_rounded_half_away() {
        let v = |t| parse_volume(t).unwrap();
        assert_eq!(cost(v("12"), 1_500_000), Some(18_000_000));
        assert_eq!(cost(v("12,5"), 1_500_000), Some(18_750_000));
        // 0,333 × 1.501 = 499,833 → 500.
        assert_eq!(cost(v("0.333"), 1_501), Some(500));
        // 0,5 × 3 = 1,5 → 2 (half away from zero).
        assert_eq!(cost(v("0,5"), 3), Some(2));
        for bad in ["0", "-1", "1,2345", "dua", ""] {
            assert_eq!(parse_volume(bad), None, "{bad}");
        }
        assert_eq!(cost(v("1000000"), u64::MAX), None);
    }

    proptest::proptest! {
        #[test]
        fn whole_volumes_cost_exactly(volume in 1u32..100_000, price in 0u64..1_000_000_000) {
            let v = parse_volume(&volume.to_string()).unwrap();
            proptest::prop_assert_eq!(cost(v, price), Some(u64::from(volume) * price));
        }
    }
}
