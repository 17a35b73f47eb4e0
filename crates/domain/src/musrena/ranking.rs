//! Prioritizing a forum's proposals: each is scored 1–5 on weighted criteria (urgency,
//! number of vulnerable people who benefit, feasibility…) and participants vote; the two
//! are combined into one score and ranked, with ties broken by stated rules so that the
//! same inputs always give the same order.
//!
//! - Criteria score = Σ wᵢ·sᵢ / (5·Σ wᵢ), between 0.2 and 1.
//! - Vote share = the proposal's votes / the most votes any proposal got (0 when nobody
//!   voted).
//! - Combined = (1 − v)·criteria + v·votes, with `v` the vote weight (0–1).
//!
//! Ties (equal combined scores, compared exactly) are broken by, in order: more votes,
//! higher criteria score, lower estimated cost (more can be funded), earlier submission,
//! then the proposal code.

use std::cmp::Ordering;

use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::{One, Zero};

use serde::{Deserialize, Serialize};

use crate::decimal::Decimal;

/// Highest score on a criterion; the lowest is 1.
pub const MAX_SCORE: u8 = 5;

/// A criterion and its weight (a whole number; only ratios between weights matter), with
/// its name in Indonesian and English as the regency wrote it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    pub code: String,
    pub weight: u32,
    pub name_id: String,
    pub name_en: String,
}

/// How a forum ranks: a versioned rule a regency keeps as TOML (a saved version never
/// changes; each forum records the version it is ranked with).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rule {
    pub version: String,
    pub criteria: Vec<Criterion>,
    /// Share of the combined score that comes from votes, 0–1.
    pub vote_weight: Decimal,
}

/// The version of [`Rule::standard`], used until a regency saves its own.
pub const STANDARD_VERSION: &str = "standar";

/// Most criteria a rule may have (each is a column of the scoring sheet).
pub const MAX_CRITERIA: usize = 8;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    version: String,
    vote_weight: String,
    criteria: Vec<Criterion>,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RuleError {
    #[error("not a ranking rule: {0}")]
    Toml(String),
    #[error("{0}")]
    Invalid(String),
}

impl Rule {
    /// The criteria Musrena Keren forums usually use, with votes counting 40 %.
    pub fn standard() -> Rule {
        let criterion = |code: &str, weight, name_id: &str, name_en: &str| Criterion {
            code: code.into(),
            weight,
            name_id: name_id.into(),
            name_en: name_en.into(),
        };
        Rule {
            version: STANDARD_VERSION.into(),
            criteria: vec![
                criterion("urgency", 3, "Urgensi", "Urgency"),
                criterion(
                    "vulnerable_beneficiaries",
                    3,
                    "Penerima manfaat rentan",
                    "Vulnerable beneficiaries",
                ),
                criterion("feasibility", 2, "Kelayakan", "Feasibility"),
                criterion("sustainability", 2, "Keberlanjutan", "Sustainability"),
            ],
            vote_weight: Decimal::new(40, 2),
        }
    }

    /// The votes' share as a percentage, to one decimal (half away from zero).
    pub fn vote_percent(&self) -> Decimal {
        let percent = self.vote_weight.to_rational() * BigRational::from_integer(100.into());
        Decimal::round_half_away(&percent, 1)
    }

    /// Reads a rule from TOML and checks it, listing every problem.
    pub fn from_toml(text: &str) -> Result<Rule, RuleError> {
        let raw: RawRule =
            toml::from_str(text).map_err(|e| RuleError::Toml(e.message().to_string()))?;
        let mut problems = Vec::new();
        let version = raw.version.trim().to_string();
        if version.is_empty() || version.chars().count() > 40 || version == STANDARD_VERSION {
            problems.push(format!(
                "version: 1 to 40 characters, not '{STANDARD_VERSION}'"
            ));
        }
        // Compared as exact ratios (a decimal's fields do not order `0.4` against `1`).
        let vote_weight = Decimal::parse(raw.vote_weight.trim()).filter(|w| {
            let w = w.to_rational();
            w >= BigRational::zero() && w <= BigRational::one()
        });
        if vote_weight.is_none() {
            problems.push(format!(
                "vote_weight: '{}' is not a decimal from 0 to 1",
                raw.vote_weight
            ));
        }
        if raw.criteria.is_empty() || raw.criteria.len() > MAX_CRITERIA {
            problems.push(format!("criteria: 1 to {MAX_CRITERIA}"));
        }
        for (i, c) in raw.criteria.iter().enumerate() {
            let n = i + 1;
            if !crate::survey::valid_code(&c.code) {
                problems.push(format!("criterion {n}: code '{}' is not a code", c.code));
            }
            if raw.criteria[..i].iter().any(|o| o.code == c.code) {
                problems.push(format!("criterion {n}: code '{}' appears twice", c.code));
            }
            if !(1..=100).contains(&c.weight) {
                problems.push(format!("criterion {n}: weight must be 1 to 100"));
            }
            for (field, name) in [("name_id", &c.name_id), ("name_en", &c.name_en)] {
                if name.trim().is_empty() || name.chars().count() > 80 {
                    problems.push(format!("criterion {n}: {field} must be 1 to 80 characters"));
                }
            }
        }
        match vote_weight {
            Some(vote_weight) if problems.is_empty() => Ok(Rule {
                version,
                criteria: raw
                    .criteria
                    .into_iter()
                    .map(|c| Criterion {
                        name_id: c.name_id.trim().into(),
                        name_en: c.name_en.trim().into(),
                        ..c
                    })
                    .collect(),
                vote_weight,
            }),
            _ => Err(RuleError::Invalid(problems.join("; "))),
        }
    }
}

/// One proposal as the forum scored it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Candidate {
    pub code: String,
    /// One score per criterion of the rule, in its order, each 1–5.
    pub scores: Vec<u8>,
    pub votes: u32,
    pub estimated_cost: u64,
    /// Order of submission in the forum (earlier first).
    pub submitted: u64,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ranked {
    /// 1 for the first; every rank is used once.
    pub rank: usize,
    pub code: String,
    pub criteria_score: BigRational,
    pub vote_share: BigRational,
    pub combined: BigRational,
    /// The rule that separated this proposal from the one ranked just above it.
    pub decided_by: TieBreak,
}

/// What put a proposal below the one before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TieBreak {
    /// The first of the ranking.
    First,
    CombinedScore,
    Votes,
    CriteriaScore,
    LowerCost,
    EarlierSubmission,
    Code,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RankingError {
    #[error("the rule has no criteria, or their weights are all zero")]
    NoCriteria,
    #[error("the vote weight must be between 0 and 1")]
    VoteWeight,
    #[error("proposal {code}: {expected} scores expected, {found} given")]
    ScoreCount {
        code: String,
        expected: usize,
        found: usize,
    },
    #[error("proposal {code}: score {score} is not between 1 and 5")]
    ScoreRange { code: String, score: u8 },
    #[error("proposal {0} appears twice")]
    Duplicate(String),
}

fn ratio(n: u64, d: u64) -> BigRational {
    BigRational::new(BigInt::from(n), BigInt::from(d))
}

/// The forum's ranking. Input order does not matter.
pub fn rank(rule: &Rule, candidates: &[Candidate]) -> Result<Vec<Ranked>, RankingError> {
    let total_weight: u64 = rule.criteria.iter().map(|c| u64::from(c.weight)).sum();
    if total_weight == 0 {
        return Err(RankingError::NoCriteria);
    }
    let v = rule.vote_weight.to_rational();
    if v < BigRational::zero() || v > BigRational::one() {
        return Err(RankingError::VoteWeight);
    }
    let mut seen = std::collections::HashSet::new();
    for c in candidates {
        if !seen.insert(c.code.as_str()) {
            return Err(RankingError::Duplicate(c.code.clone()));
        }
        if c.scores.len() != rule.criteria.len() {
            return Err(RankingError::ScoreCount {
                code: c.code.clone(),
                expected: rule.criteria.len(),
                found: c.scores.len(),
            });
        }
        if let Some(&score) = c.scores.iter().find(|s| !(1..=MAX_SCORE).contains(*s)) {
            return Err(RankingError::ScoreRange {
                code: c.code.clone(),
                score,
            });
        }
    }
    let most_votes = candidates.iter().map(|c| c.votes).max().unwrap_or(0);
    let mut scored: Vec<(&Candidate, BigRational, BigRational, BigRational)> = candidates
        .iter()
        .map(|c| {
            let weighted: u64 = c
                .scores
                .iter()
                .zip(&rule.criteria)
                .map(|(s, cr)| u64::from(*s) * u64::from(cr.weight))
                .sum();
            let criteria = ratio(weighted, u64::from(MAX_SCORE) * total_weight);
            let votes = if most_votes == 0 {
                BigRational::zero()
            } else {
                ratio(u64::from(c.votes), u64::from(most_votes))
            };
            let combined = (BigRational::one() - &v) * &criteria + &v * &votes;
            (c, criteria, votes, combined)
        })
        .collect();
    scored.sort_by(|a, b| order(a, b).0);
    let mut out = Vec::with_capacity(scored.len());
    for (i, entry) in scored.iter().enumerate() {
        let decided_by = if i == 0 {
            TieBreak::First
        } else {
            order(&scored[i - 1], entry).1
        };
        let (c, criteria, votes, combined) = entry;
        out.push(Ranked {
            rank: i + 1,
            code: c.code.clone(),
            criteria_score: criteria.clone(),
            vote_share: votes.clone(),
            combined: combined.clone(),
            decided_by,
        });
    }
    Ok(out)
}

type Scored<'a> = (&'a Candidate, BigRational, BigRational, BigRational);

/// Which of two comes first, and the rule that decided it.
fn order(a: &Scored<'_>, b: &Scored<'_>) -> (Ordering, TieBreak) {
    let steps: [(Ordering, TieBreak); 6] = [
        (b.3.cmp(&a.3), TieBreak::CombinedScore),
        (b.0.votes.cmp(&a.0.votes), TieBreak::Votes),
        (b.1.cmp(&a.1), TieBreak::CriteriaScore),
        (
            a.0.estimated_cost.cmp(&b.0.estimated_cost),
            TieBreak::LowerCost,
        ),
        (
            a.0.submitted.cmp(&b.0.submitted),
            TieBreak::EarlierSubmission,
        ),
        (a.0.code.cmp(&b.0.code), TieBreak::Code),
    ];
    steps
        .into_iter()
        .find(|(o, _)| o.is_ne())
        .unwrap_or((Ordering::Equal, TieBreak::Code))
}

#[cfg(test)]
mod tests {
    use super::*;

    const REGENCY_RULE: &str = r#"
version = "2027-1"
vote_weight = "0.5"

[[criteria]]
code = "urgency"
weight = 4
name_id = "Mendesak"
name_en = "Urgency"

[[criteria]]
code = "disability_access"
weight = 2
name_id = "Membuka akses penyandang disabilitas"
name_en = "Opens access for people with disabilities"
"#;

    #[test]
    fn a_regency_rule_is_read_from_toml() {
        let rule = Rule::from_toml(REGENCY_RULE).unwrap();
        assert_eq!(rule.version, "2027-1");
        assert_eq!(rule.vote_weight, Decimal::new(5, 1));
        assert_eq!(rule.criteria[1].code, "disability_access");
        assert_eq!(rule.criteria[1].weight, 2);
        let two = |code: &str, scores: [u8; 2], submitted| Candidate {
            code: code.into(),
            scores: scores.to_vec(),
            votes: 0,
            estimated_cost: 0,
            submitted,
        };
        let candidates = [two("A", [5, 1], 2), two("B", [1, 5], 1)];
        // Urgency weighs double: A first.
        assert_eq!(rank(&rule, &candidates).unwrap()[0].code, "A");
    }

    #[test]
    fn every_problem_of_a_rule_is_named() {
        let bad = REGENCY_RULE
            .replace("\"2027-1\"", "\"standar\"")
            .replace("\"0.5\"", "\"1.5\"")
            .replace("weight = 2", "weight = 0")
            .replace("disability_access", "urgency");
        let RuleError::Invalid(problems) = Rule::from_toml(&bad).unwrap_err() else {
            panic!("expected problems")
        };
        for expected in [
            "version",
            "vote_weight",
            "appears twice",
            "weight must be 1 to 100",
        ] {
            assert!(problems.contains(expected), "{expected}: {problems}");
        }
        assert!(matches!(
            Rule::from_toml("version = 1"),
            Err(RuleError::Toml(_))
        ));
        assert!(matches!(
            Rule::from_toml(&format!("{REGENCY_RULE}\nextra = 1")),
            Err(RuleError::Toml(_))
        ));
    }

    use proptest::prelude::*;

    fn candidate(code: &str, scores: [u8; 4], votes: u32, cost: u64, submitted: u64) -> Candidate {
        Candidate {
            code: code.into(),
            scores: scores.to_vec(),
            votes,
            estimated_cost: cost,
            submitted,
        }
    }

    #[test]
    fn criteria_and_votes_combine_and_ties_are_broken_as_stated() {
        let rule = Rule::standard();
        let ranked = rank(
            &rule,
            &[
                candidate("A", [5, 5, 3, 3], 10, 50_000_000, 1),
                candidate("B", [3, 3, 3, 3], 20, 20_000_000, 2),
                candidate("C", [3, 3, 3, 3], 20, 10_000_000, 3),
                candidate("D", [1, 1, 1, 1], 0, 1_000_000, 4),
            ],
        )
        .unwrap();
        // A: criteria (15+15+6+6)/50 = 0.84, votes 0.5 → 0.6·0.84 + 0.4·0.5 = 0.704.
        // B and C: 0.6 + 0.4 = 0.76 each; C is cheaper. D: 0.12.
        let codes: Vec<&str> = ranked.iter().map(|r| r.code.as_str()).collect();
        assert_eq!(codes, ["C", "B", "A", "D"]);
        assert_eq!(ranked[0].decided_by, TieBreak::First);
        assert_eq!(ranked[1].decided_by, TieBreak::LowerCost);
        assert_eq!(ranked[2].decided_by, TieBreak::CombinedScore);
        assert_eq!(ranked[2].combined, ratio(704, 1000));
        assert_eq!(ranked[2].criteria_score, ratio(84, 100));
    }

    #[test]
    fn bad_scores_and_rules_are_refused() {
        let rule = Rule::standard();
        assert!(matches!(
            rank(&rule, &[candidate("A", [6, 1, 1, 1], 0, 0, 1)]),
            Err(RankingError::ScoreRange { score: 6, .. })
        ));
        let short = Candidate {
            scores: vec![3],
            ..candidate("A", [1; 4], 0, 0, 1)
        };
        assert!(matches!(
            rank(&rule, &[short]),
            Err(RankingError::ScoreCount { .. })
        ));
        let twice = [
            candidate("A", [1; 4], 0, 0, 1),
            candidate("A", [2; 4], 0, 0, 2),
        ];
        assert_eq!(
            rank(&rule, &twice),
            Err(RankingError::Duplicate("A".into()))
        );
        let no_weight = Rule {
            criteria: vec![],
            ..rule.clone()
        };
        assert_eq!(rank(&no_weight, &[]), Err(RankingError::NoCriteria));
        let too_much = Rule {
            vote_weight: Decimal::new(11, 1),
            ..rule
        };
        assert_eq!(rank(&too_much, &[]), Err(RankingError::VoteWeight));
    }

    #[test]
    fn nobody_voting_leaves_the_criteria_to_decide() {
        let ranked = rank(
            &Rule::standard(),
            &[
                candidate("A", [2; 4], 0, 0, 1),
                candidate("B", [4; 4], 0, 0, 2),
            ],
        )
        .unwrap();
        assert_eq!(ranked[0].code, "B");
        assert_eq!(ranked[0].vote_share, BigRational::zero());
    }

    fn candidates() -> impl Strategy<Value = Vec<Candidate>> {
        proptest::collection::vec(
            (
                proptest::array::uniform4(1u8..=5),
                0u32..30,
                0u64..5,
                0u64..1000,
            ),
            0..12,
        )
        .prop_map(|rows| {
            rows.into_iter()
                .enumerate()
                .map(|(i, (scores, votes, cost, submitted))| {
                    candidate(
                        &format!("P{i:02}"),
                        scores,
                        votes,
                        cost * 1_000_000,
                        submitted,
                    )
                })
                .collect()
        })
    }

    proptest! {
        /// The same proposals in any order give the same ranking, and every rank is used
        /// exactly once.
        #[test]
        fn ranking_is_deterministic(mut list in candidates(), seed in any::<u64>()) {
            let rule = Rule::standard();
            let first = rank(&rule, &list).unwrap();
            // A deterministic shuffle from the seed.
            let n = list.len().max(1);
            for i in 0..list.len() {
                let j = (seed.wrapping_mul(6364136223846793005).wrapping_add(i as u64) % n as u64) as usize;
                list.swap(i, j);
            }
            let second = rank(&rule, &list).unwrap();
            prop_assert_eq!(&first, &second);
            let ranks: Vec<usize> = first.iter().map(|r| r.rank).collect();
            prop_assert_eq!(ranks, (1..=list.len()).collect::<Vec<_>>());
            for pair in first.windows(2) {
                prop_assert!(pair[0].combined >= pair[1].combined);
            }
        }

        /// One more vote never moves a proposal down.
        #[test]
        fn more_votes_never_rank_lower(list in candidates(), pick in any::<prop::sample::Index>()) {
            prop_assume!(!list.is_empty());
            let rule = Rule::standard();
            let i = pick.index(list.len());
            let code = list[i].code.clone();
            let position = |ranked: &[Ranked]| ranked.iter().position(|r| r.code == code).unwrap();
            let before = position(&rank(&rule, &list).unwrap());
            let mut more = list.clone();
            more[i].votes += 1;
            let after = position(&rank(&rule, &more).unwrap());
            prop_assert!(after <= before);
        }
    }
}
