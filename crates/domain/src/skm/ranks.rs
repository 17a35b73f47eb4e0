//! Ranking published IKMs (the province's regencies): highest first, as competition ranks
//! ("1, 2, 2, 4"), so two regencies whose published figures are equal share a place. A
//! figure not published with a grade (below the survey's sample, or without responses)
//! takes no place: a small sample could put anyone first.

use crate::decimal::Decimal;

/// Each figure's place among the others, in the order given; `None` stays unranked.
pub fn competition_ranks(ikms: &[Option<Decimal>]) -> Vec<Option<usize>> {
    let exact: Vec<_> = ikms
        .iter()
        .map(|ikm| ikm.map(Decimal::to_rational))
        .collect();
    exact
        .iter()
        .map(|ikm| {
            ikm.as_ref().map(|ikm| {
                1 + exact
                    .iter()
                    .filter(|other| other.as_ref().is_some_and(|other| other > ikm))
                    .count()
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(text: &str) -> Option<Decimal> {
        Some(Decimal::parse(text).unwrap())
    }

    #[test]
    fn equal_figures_share_a_place_and_unpublished_ones_take_none() {
        let ikms = [d("80.50"), None, d("91.00"), d("80.50"), d("70.25")];
        assert_eq!(
            competition_ranks(&ikms),
            [Some(2), None, Some(1), Some(2), Some(4)]
        );
        assert!(competition_ranks(&[]).is_empty());
    }

    proptest! {
        /// A higher figure never stands below a lower one, and some figure is first.
        #[test]
        fn higher_figures_rank_higher(cents in proptest::collection::vec(proptest::option::of(2500u32..10000), 0..30)) {
            let ikms: Vec<Option<Decimal>> = cents
                .iter()
                .map(|c| c.map(|c| Decimal::new(i64::from(c), 2)))
                .collect();
            let ranks = competition_ranks(&ikms);
            for (i, a) in ikms.iter().enumerate() {
                prop_assert_eq!(a.is_some(), ranks[i].is_some());
                for (j, b) in ikms.iter().enumerate() {
                    if let (Some(a), Some(b)) = (a, b) {
                        prop_assert_eq!(a > b, ranks[i] < ranks[j]);
                    }
                }
            }
            if ikms.iter().any(Option::is_some) {
                prop_assert!(ranks.contains(&Some(1)));
            }
        }
    }
}
