/// Minimum sample for a population of `population` service users, by Krejcie & Morgan
/// (1970): s = X²·N·P(1−P) / (d²(N−1) + X²·P(1−P)) with X² = 3.841, P = 0.5, d = 0.05,
/// rounded up.
///
/// Multiplying numerator and denominator by 4000 keeps it in integers:
/// s = ⌈3841·N / (10·(N−1) + 3841)⌉.
pub fn krejcie_morgan_sample_size(population: u64) -> u64 {
    if population == 0 {
        return 0;
    }
    let n = u128::from(population);
    let numerator = 3841 * n;
    let denominator = 10 * (n - 1) + 3841;
    // The quotient is at most N, so it fits back into u64.
    numerator.div_ceil(denominator) as u64
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn published_table_values() {
        // Values from DESIGN.md. The 1970 printed table rounds some rows to nearest
        // (50→44, 500→217); DESIGN.md asks for rounding up, the conservative choice.
        assert_eq!(krejcie_morgan_sample_size(100), 80);
        assert_eq!(krejcie_morgan_sample_size(1_000), 278);
        assert_eq!(krejcie_morgan_sample_size(10_000), 370);
        assert_eq!(krejcie_morgan_sample_size(1_000_000), 384);
        assert_eq!(krejcie_morgan_sample_size(10), 10);
        assert_eq!(krejcie_morgan_sample_size(50), 45);
        assert_eq!(krejcie_morgan_sample_size(500), 218);
        assert_eq!(krejcie_morgan_sample_size(5_000), 357);
    }

    #[test]
    fn tiny_populations() {
        assert_eq!(krejcie_morgan_sample_size(0), 0);
        assert_eq!(krejcie_morgan_sample_size(1), 1);
        assert_eq!(krejcie_morgan_sample_size(u64::MAX), 385);
    }

    proptest! {
        #[test]
        fn never_more_than_population_and_monotone(n in 1u64..10_000_000) {
            let s = krejcie_morgan_sample_size(n);
            prop_assert!(s <= n);
            prop_assert!(s <= 385);
            prop_assert!(krejcie_morgan_sample_size(n + 1) >= s);
        }
    }
}
