use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::Zero;

use super::answers::Answers;
use super::element::{Element, ELEMENT_COUNT};
use super::grade::Grade;
use crate::decimal::Decimal;

/// How element NRRs are weighted into the IKM unit value.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Weighting {
    /// Exactly 1/k for each of the k answered elements (1/9 when all nine have answers).
    #[default]
    Exact,
    /// The rounded weight 0.111 that older published reports used, to reproduce them.
    /// With it, all-4 answers give 99.90, not 100.00.
    Legacy0111,
}

/// Running totals of a set of responses: per element the sum of ratings and the number
/// of responses answering it. Totals merge by addition, so aggregates can be kept
/// incrementally (per unit and month) and combined without rescanning responses.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    responses: u64,
    sums: [u64; ELEMENT_COUNT],
    counts: [u64; ELEMENT_COUNT],
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TallyError {
    #[error("{element}: {count} answers cannot sum to {sum} on a 1–4 scale")]
    SumOutOfRange {
        element: &'static str,
        count: u64,
        sum: u64,
    },
    #[error("{element}: {count} answers but only {responses} responses")]
    MoreAnswersThanResponses {
        element: &'static str,
        count: u64,
        responses: u64,
    },
}

impl Tally {
    /// Rebuilds a tally from stored totals, checking they could come from real responses.
    pub fn from_totals(
        responses: u64,
        sums: [u64; ELEMENT_COUNT],
        counts: [u64; ELEMENT_COUNT],
    ) -> Result<Tally, TallyError> {
        for element in Element::ALL {
            let (sum, count) = (sums[element.index()], counts[element.index()]);
            if count > responses {
                return Err(TallyError::MoreAnswersThanResponses {
                    element: element.code(),
                    count,
                    responses,
                });
            }
            if sum < count || sum > count.saturating_mul(4) {
                return Err(TallyError::SumOutOfRange {
                    element: element.code(),
                    count,
                    sum,
                });
            }
        }
        Ok(Tally {
            responses,
            sums,
            counts,
        })
    }

    pub fn add(&mut self, answers: &Answers) {
        self.responses += 1;
        for (i, rating) in answers.ratings().iter().enumerate() {
            if let Some(rating) = rating {
                self.sums[i] += u64::from(rating.value());
                self.counts[i] += 1;
            }
        }
    }

    pub fn merge(&mut self, other: &Tally) {
        self.responses += other.responses;
        for i in 0..ELEMENT_COUNT {
            self.sums[i] += other.sums[i];
            self.counts[i] += other.counts[i];
        }
    }

    /// These totals without `other`'s responses, which must be among them (`None` if they
    /// cannot be): leaves out a few responses without recounting the rest.
    pub fn without(&self, other: &Tally) -> Option<Tally> {
        let mut sums = self.sums;
        let mut counts = self.counts;
        for i in 0..ELEMENT_COUNT {
            sums[i] = sums[i].checked_sub(other.sums[i])?;
            counts[i] = counts[i].checked_sub(other.counts[i])?;
        }
        Tally::from_totals(self.responses.checked_sub(other.responses)?, sums, counts).ok()
    }

    pub fn responses(&self) -> u64 {
        self.responses
    }

    pub fn sums(&self) -> &[u64; ELEMENT_COUNT] {
        &self.sums
    }

    pub fn counts(&self) -> &[u64; ELEMENT_COUNT] {
        &self.counts
    }

    /// The exact SKM result, or `None` when no element has any answer.
    pub fn score(&self, weighting: Weighting) -> Option<SkmScore> {
        let answered = self.counts.iter().filter(|&&c| c > 0).count();
        if answered == 0 {
            return None;
        }
        let weight = match weighting {
            Weighting::Exact => ratio(1, answered as u64),
            Weighting::Legacy0111 => ratio(111, 1000),
        };
        let mut unit_value = BigRational::zero();
        let elements = std::array::from_fn(|i| {
            let count = self.counts[i];
            (count > 0).then(|| {
                let nrr = ratio(self.sums[i], count);
                let weighted = &nrr * &weight;
                unit_value += &weighted;
                ElementScore {
                    answers: count,
                    nrr,
                    weighted,
                }
            })
        });
        let ikm = &unit_value * ratio(25, 1);
        Some(SkmScore {
            responses: self.responses,
            elements,
            unit_value,
            ikm,
        })
    }
}

fn ratio(numer: u64, denom: u64) -> BigRational {
    BigRational::new(BigInt::from(numer), BigInt::from(denom))
}

/// One element's exact result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ElementScore {
    /// Responses that answered this element.
    pub answers: u64,
    /// Nilai Rata-Rata: mean rating, 1–4.
    pub nrr: BigRational,
    /// NRR × weight (1/9 when all nine elements have answers).
    pub weighted: BigRational,
}

/// The exact SKM result of a set of responses.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SkmScore {
    pub responses: u64,
    /// Per element, `None` when nobody answered it (it then takes no weight).
    pub elements: [Option<ElementScore>; ELEMENT_COUNT],
    /// Σ weighted NRR, 1–4.
    pub unit_value: BigRational,
    /// IKM = unit value × 25, 25–100.
    pub ikm: BigRational,
}

impl SkmScore {
    /// The IKM as published: 2 decimals, half away from zero.
    pub fn ikm_rounded(&self) -> Decimal {
        Decimal::round_half_away(&self.ikm, 2)
    }

    /// Grade of the rounded IKM (so a shown 88.31 is always an A).
    pub fn grade(&self) -> Grade {
        Grade::from_rounded_ikm(self.ikm_rounded())
    }

    /// Elements ordered weakest first (lowest NRR; ties by element order).
    pub fn weakest_elements(&self) -> Vec<(Element, &ElementScore)> {
        let mut scored: Vec<_> = Element::ALL
            .iter()
            .filter_map(|&e| self.elements[e.index()].as_ref().map(|s| (e, s)))
            .collect();
        scored.sort_by(|a, b| a.1.nrr.cmp(&b.1.nrr).then(a.0.cmp(&b.0)));
        scored
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::skm::Rating;
    use proptest::prelude::*;

    fn tally_of(rows: &[[u8; 9]]) -> Tally {
        let mut tally = Tally::default();
        for row in rows {
            tally.add(&Answers::complete(*row).expect("valid test row"));
        }
        tally
    }

    fn ikm_text(tally: &Tally) -> String {
        tally
            .score(Weighting::Exact)
            .expect("answers")
            .ikm_rounded()
            .to_string()
    }

    #[test]
    fn all_fours_give_exactly_100() {
        let score = tally_of(&[[4; 9]]).score(Weighting::Exact).unwrap();
        assert_eq!(score.ikm, ratio(100, 1));
        assert_eq!(score.ikm_rounded().to_string(), "100.00");
        assert_eq!(score.grade(), Grade::A);
    }

    #[test]
    fn all_ones_give_exactly_25() {
        let score = tally_of(&[[1; 9]]).score(Weighting::Exact).unwrap();
        assert_eq!(score.ikm_rounded().to_string(), "25.00");
        assert_eq!(score.grade(), Grade::D);
    }

    #[test]
    fn legacy_weight_reproduces_old_reports() {
        let score = tally_of(&[[4; 9]]).score(Weighting::Legacy0111).unwrap();
        assert_eq!(score.ikm_rounded().to_string(), "99.90");
        // A mean of 3 everywhere: 9 × 3 × 0.111 × 25 = 74.925 → 74.93 (exact weights: 75.00).
        let threes = tally_of(&[[3; 9]]);
        assert_eq!(
            threes
                .score(Weighting::Legacy0111)
                .unwrap()
                .ikm_rounded()
                .to_string(),
            "74.93"
        );
        assert_eq!(ikm_text(&threes), "75.00");
    }

    #[test]
    fn worked_example_nrr_and_ikm() {
        // Two responses: NRR U1 = 3.5, others 3.0 → unit value (3.5 + 8×3)/9 = 27.5/9,
        // IKM = 687.5/9 = 76.3888… → 76.39, grade C.
        let tally = tally_of(&[[4, 3, 3, 3, 3, 3, 3, 3, 3], [3, 3, 3, 3, 3, 3, 3, 3, 3]]);
        let score = tally.score(Weighting::Exact).unwrap();
        assert_eq!(score.elements[0].as_ref().unwrap().nrr, ratio(7, 2));
        assert_eq!(score.ikm, ratio(6875, 90));
        assert_eq!(score.ikm_rounded().to_string(), "76.39");
        assert_eq!(score.grade(), Grade::C);
    }

    /// A tally whose exact IKM is `numer/denom`. IKM = 25·S/(9n) for n responses with a
    /// total rating sum S; n = 25·denom and a sum of `numer` per element (S = 9·numer) give it.
    fn tally_with_exact_ikm(numer: u64, denom: u64) -> Tally {
        let n = 25 * denom;
        Tally::from_totals(n, [numer; 9], [n; 9]).expect("constructible tally")
    }

    #[test]
    fn grade_boundaries_on_exact_values() {
        let cases = [
            (8831, 100, "88.31", Grade::A),
            (8830, 100, "88.30", Grade::B),
            (7661, 100, "76.61", Grade::B),
            (7660, 100, "76.60", Grade::C),
            (6500, 100, "65.00", Grade::C),
            (6499, 100, "64.99", Grade::D),
            // Rounding happens before grading: 88.305 shows as 88.31 and is an A;
            // 88.3049 shows as 88.30 and is a B.
            (88305, 1000, "88.31", Grade::A),
            (883049, 10000, "88.30", Grade::B),
            (766049, 10000, "76.60", Grade::C),
            (649950, 10000, "65.00", Grade::C),
            (649949, 10000, "64.99", Grade::D),
        ];
        for (numer, denom, shown, grade) in cases {
            let score = tally_with_exact_ikm(numer, denom)
                .score(Weighting::Exact)
                .unwrap();
            assert_eq!(
                score.ikm,
                ratio(numer, denom),
                "exact IKM for {numer}/{denom}"
            );
            assert_eq!(score.ikm_rounded().to_string(), shown, "{numer}/{denom}");
            assert_eq!(score.grade(), grade, "{numer}/{denom}");
        }
    }

    #[test]
    fn unanswered_elements_take_no_weight() {
        let mut tally = Tally::default();
        let mut ratings = [Some(Rating::new(4).unwrap()); 9];
        ratings[3] = None; // cost not answered
        tally.add(&Answers::new(ratings).unwrap());
        let score = tally.score(Weighting::Exact).unwrap();
        assert!(score.elements[3].is_none());
        assert_eq!(score.ikm_rounded().to_string(), "100.00");
    }

    #[test]
    fn empty_tally_has_no_score() {
        assert!(Tally::default().score(Weighting::Exact).is_none());
    }

    #[test]
    fn from_totals_rejects_impossible_totals() {
        assert!(Tally::from_totals(1, [5; 9], [1; 9]).is_err());
        assert!(Tally::from_totals(1, [0; 9], [1; 9]).is_err());
        assert!(Tally::from_totals(1, [8; 9], [2; 9]).is_err());
        assert!(Tally::from_totals(0, [0; 9], [0; 9]).is_ok());
    }

    #[test]
    fn weakest_elements_sorted_by_nrr_then_order() {
        let tally = tally_of(&[[4, 2, 4, 4, 4, 4, 4, 4, 2]]);
        let score = tally.score(Weighting::Exact).unwrap();
        let weakest: Vec<_> = score
            .weakest_elements()
            .iter()
            .map(|(e, _)| e.code())
            .collect();
        assert_eq!(&weakest[..3], &["U2", "U9", "U1"]);
    }

    fn answers_strategy() -> impl Strategy<Value = Answers> {
        proptest::array::uniform9(proptest::option::weighted(0.9, 1i64..=4))
            .prop_filter_map("at least one answer", |values| {
                Answers::new(values.map(|v| v.and_then(Rating::new))).ok()
            })
    }

    proptest! {
        #[test]
        fn ikm_always_within_25_and_100(rows in proptest::collection::vec(answers_strategy(), 1..60)) {
            let mut tally = Tally::default();
            rows.iter().for_each(|a| tally.add(a));
            let score = tally.score(Weighting::Exact).unwrap();
            prop_assert!(score.ikm >= ratio(25, 1) && score.ikm <= ratio(100, 1));
            let shown = score.ikm_rounded().scaled();
            prop_assert!((2500..=10000).contains(&shown));
        }

        #[test]
        fn permutation_never_changes_the_score(
            rows in proptest::collection::vec(answers_strategy(), 1..60),
            seed in any::<u64>(),
        ) {
            let mut forward = Tally::default();
            rows.iter().for_each(|a| forward.add(a));
            // A seeded Fisher–Yates shuffle of the same responses.
            let mut shuffled = rows.clone();
            let mut state = seed | 1;
            for i in (1..shuffled.len()).rev() {
                state ^= state << 13; state ^= state >> 7; state ^= state << 17;
                shuffled.swap(i, (state % (i as u64 + 1)) as usize);
            }
            let mut other = Tally::default();
            shuffled.iter().for_each(|a| other.add(a));
            prop_assert_eq!(forward.score(Weighting::Exact), other.score(Weighting::Exact));
        }

        #[test]
        fn merging_partial_tallies_equals_one_tally(
            rows in proptest::collection::vec(answers_strategy(), 1..60),
            split in 0usize..60,
        ) {
            let split = split.min(rows.len());
            let mut whole = Tally::default();
            rows.iter().for_each(|a| whole.add(a));
            let (mut left, mut right) = (Tally::default(), Tally::default());
            rows[..split].iter().for_each(|a| left.add(a));
            rows[split..].iter().for_each(|a| right.add(a));
            left.merge(&right);
            prop_assert_eq!(&left, &whole);
            // Leaving the right part out gives the left part back; more than is there, nothing.
            let (mut only_left, mut only_right) = (Tally::default(), Tally::default());
            rows[..split].iter().for_each(|a| only_left.add(a));
            rows[split..].iter().for_each(|a| only_right.add(a));
            prop_assert_eq!(whole.without(&only_right), Some(only_left.clone()));
            if !rows[split..].is_empty() {
                prop_assert_eq!(only_left.without(&whole), None);
            }
        }

        #[test]
        fn all_fours_is_100_for_any_count(n in 1usize..500) {
            let mut tally = Tally::default();
            let fours = Answers::complete([4; 9]).unwrap();
            (0..n).for_each(|_| tally.add(&fours));
            let score = tally.score(Weighting::Exact).unwrap();
            prop_assert_eq!(&score.ikm, &ratio(100, 1));
            prop_assert_eq!(score.ikm_rounded().to_string(), "100.00");
        }
    }
}
