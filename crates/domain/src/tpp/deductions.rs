//! From the TPP an officer earned (gross) to what reaches their account (net): the
//! deductions a regency withholds, as its policy sets them. No rate is built in.
//!
//! Each deduction is a percentage of the gross, possibly by golongan (income tax on TPP
//! follows the group: IV, III…), possibly capped in rupiah (an insurance contribution).
//! Each is rounded *down* to whole rupiah, so nothing is withheld above the rate; the net
//! is the gross less their sum, and the policy check keeps every group's rates within
//! 100 %, so the net is never negative and the lines add up to the totals exactly.

use std::collections::BTreeMap;

use crate::decimal::Decimal;

/// One deduction of the policy.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Deduction {
    /// As the payable list heads its column ("PPh Pasal 21").
    pub name: String,
    /// Percent of the gross for a rank no entry of `by_rank` names (often 0).
    pub percent: Decimal,
    /// Percent by golongan group ("IV", "III"…), which [`rank_group`] reads from a rank.
    pub by_rank: BTreeMap<String, Decimal>,
    /// At most this many rupiah a month.
    pub cap: Option<u64>,
}

/// The golongan group of a rank as personnel lists write it: the last Roman numeral in it,
/// in capitals ("III/c", "iii-c", "III c", "Penata (III/c)" → "III"; PPPK "IX" → "IX"), else
/// the rank in capitals.
pub fn rank_group(rank: &str) -> String {
    let upper = rank.trim().to_uppercase();
    upper
        .split(|c: char| !c.is_alphanumeric())
        .rfind(|token| is_group(token))
        .map_or_else(|| upper.clone(), str::to_string)
}

/// Whether `text` is a golongan group: a Roman numeral in capitals (I to XVII).
pub fn is_group(text: &str) -> bool {
    !text.is_empty() && text.len() <= 5 && text.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
}

impl Deduction {
    /// The percent that applies to an officer of this rank.
    pub fn percent_for(&self, rank: &str) -> Decimal {
        self.by_rank
            .get(&rank_group(rank))
            .copied()
            .unwrap_or(self.percent)
    }

    /// Rupiah withheld from `gross`: gross × percent / 100, rounded down, within the cap.
    pub fn amount(&self, gross: u64, rank: &str) -> u64 {
        let percent = self.percent_for(rank);
        // Percents are checked to be 0–100 with at most 4 places, so this is exact in u128.
        let scaled = u128::try_from(percent.scaled()).unwrap_or(0);
        let denominator = 100 * 10u128.pow(percent.places());
        let exact = u128::from(gross) * scaled / denominator;
        let amount = u64::try_from(exact).unwrap_or(u64::MAX).min(gross);
        self.cap.map_or(amount, |cap| amount.min(cap))
    }
}

/// One officer's line: each deduction in the policy's order, and the net.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PayLine {
    pub gross: u64,
    pub deductions: Vec<u64>,
    pub net: u64,
}

pub fn pay_line(deductions: &[Deduction], gross: u64, rank: &str) -> PayLine {
    let withheld: Vec<u64> = deductions.iter().map(|d| d.amount(gross, rank)).collect();
    let total: u64 = withheld.iter().sum();
    PayLine {
        gross,
        net: gross.saturating_sub(total),
        deductions: withheld,
    }
}

/// The highest total percent any rank would have withheld, for the policy check.
pub fn highest_total_percent(deductions: &[Deduction]) -> num_rational::BigRational {
    let mut groups: Vec<Option<&str>> = vec![None];
    for d in deductions {
        groups.extend(d.by_rank.keys().map(|k| Some(k.as_str())));
    }
    groups
        .into_iter()
        .map(|group| {
            deductions
                .iter()
                .map(|d| {
                    group
                        .and_then(|g| d.by_rank.get(g))
                        .copied()
                        .unwrap_or(d.percent)
                        .to_rational()
                })
                .sum()
        })
        .max()
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn tax_and_insurance() -> Vec<Deduction> {
        vec![
            Deduction {
                name: "PPh Pasal 21".into(),
                percent: Decimal::new(0, 0),
                by_rank: [
                    ("IV".to_string(), Decimal::new(15, 0)),
                    ("III".to_string(), Decimal::new(5, 0)),
                ]
                .into(),
                cap: None,
            },
            Deduction {
                name: "Iuran BPJS Kesehatan".into(),
                percent: Decimal::new(1, 0),
                by_rank: BTreeMap::new(),
                cap: Some(120_000),
            },
        ]
    }

    #[test]
    fn ranks_are_read_as_personnel_lists_write_them() {
        for (rank, group) in [
            ("III/c", "III"),
            ("IV/a", "IV"),
            (" II/b ", "II"),
            ("iii/c", "III"),
            ("III-c", "III"),
            ("III c", "III"),
            ("IV /a", "IV"),
            ("Penata (III/c)", "III"),
            ("Pembina, IV/a", "IV"),
            ("IX", "IX"),
            ("Penata", "PENATA"),
            ("", ""),
        ] {
            assert_eq!(rank_group(rank), group, "{rank}");
        }
    }

    #[test]
    fn tax_follows_the_group_and_insurance_its_cap() {
        let rules = tax_and_insurance();
        // 3,456,789 × 5 % = 172,839.45 → 172,839; × 1 % = 34,567.89 → 34,567.
        assert_eq!(
            pay_line(&rules, 3_456_789, "III/c"),
            PayLine {
                gross: 3_456_789,
                deductions: vec![172_839, 34_567],
                net: 3_249_383,
            }
        );
        // Golongan II pays no tax on TPP here; a high TPP meets the insurance cap.
        assert_eq!(
            pay_line(&rules, 15_000_000, "II/d").deductions,
            [0, 120_000]
        );
        assert_eq!(
            pay_line(&rules, 15_000_000, "IV/b").deductions,
            [2_250_000, 120_000]
        );
        assert_eq!(
            highest_total_percent(&rules),
            Decimal::new(16, 0).to_rational()
        );
    }

    proptest! {
        /// Nothing is withheld above the rate, the cap holds, and the line adds up.
        #[test]
        fn a_line_adds_up(gross in 0u64..100_000_000, tax in 0i64..=800_000, cap in 0u64..500_000) {
            let rules = vec![
                Deduction { name: "a".into(), percent: Decimal::new(tax, 4), by_rank: BTreeMap::new(), cap: None },
                Deduction { name: "b".into(), percent: Decimal::new(125, 2), by_rank: BTreeMap::new(), cap: Some(cap) },
            ];
            let line = pay_line(&rules, gross, "III/a");
            prop_assert_eq!(line.net + line.deductions.iter().sum::<u64>(), gross);
            prop_assert!(u128::from(line.deductions[0]) * 1_000_000 <= u128::from(gross) * tax as u128);
            prop_assert!(u128::from(line.deductions[0] + 1) * 1_000_000 > u128::from(gross) * tax as u128);
            prop_assert!(line.deductions[1] <= cap);
        }
    }
}
