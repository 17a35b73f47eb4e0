//! Each level's recommendation on a proposal, as SIPD records them: the village, the
//! district, the responsible unit (OPD) and the regency's budget team (TAPD) each say what
//! they recommend, with their own volume, amount and text. A level's later recommendation
//! replaces its earlier one (the audit log keeps both).

use serde::Serialize;

use super::catalogue::parse_volume;
use crate::decimal::Decimal;
use crate::tpp::inputs::parse_rupiah;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Recommender {
    Village,
    District,
    /// The responsible unit (OPD).
    Unit,
    /// Tim Anggaran Pemerintah Daerah.
    Tapd,
}

impl Recommender {
    pub const ALL: [Recommender; 4] = [
        Recommender::Village,
        Recommender::District,
        Recommender::Unit,
        Recommender::Tapd,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Recommender::Village => "desa",
            Recommender::District => "kecamatan",
            Recommender::Unit => "opd",
            Recommender::Tapd => "tapd",
        }
    }

    pub fn from_code(code: &str) -> Option<Recommender> {
        Recommender::ALL.into_iter().find(|r| r.code() == code)
    }

    /// Whether only planners (who decide the plan and budget) may record it.
    pub fn is_regency_level(self) -> bool {
        matches!(self, Recommender::Unit | Recommender::Tapd)
    }
}

#[derive(Clone, Debug, Default)]
pub struct RecommendationDraft {
    pub by: String,
    pub volume: String,
    pub amount: String,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Recommendation {
    pub by: Recommender,
    pub volume: Option<Decimal>,
    pub amount: Option<u64>,
    pub text: String,
}

/// Longest recommendation text, in characters.
pub const MAX_TEXT_CHARS: usize = 2000;

/// Checks every field and lists every problem as (field, problem).
pub fn validate(
    draft: &RecommendationDraft,
) -> Result<Recommendation, Vec<(&'static str, &'static str)>> {
    let mut problems = Vec::new();
    let by = Recommender::from_code(draft.by.trim());
    if by.is_none() {
        problems.push(("by", "required"));
    }
    let volume = match draft.volume.trim() {
        "" => None,
        typed => parse_volume(typed).or_else(|| {
            problems.push(("volume", "not_a_volume"));
            None
        }),
    };
    let amount = match draft.amount.trim() {
        "" => None,
        typed => parse_rupiah(typed).or_else(|| {
            problems.push(("amount", "not_rupiah"));
            None
        }),
    };
    let text = draft.text.trim();
    if text.is_empty() {
        problems.push(("text", "required"));
    } else if text.chars().count() > MAX_TEXT_CHARS {
        problems.push(("text", "too_long"));
    }
    match by {
        Some(by) if problems.is_empty() => Ok(Recommendation {
            by,
            volume,
            amount,
            text: text.to_string(),
        }),
        _ => Err(problems),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_recommendation_is_read_and_every_problem_listed() {
        let ok = validate(&RecommendationDraft {
            by: "kecamatan".into(),
            volume: "8,5".into(),
            amount: "Rp72.250.000".into(),
            text: "Disetujui dengan volume dikurangi".into(),
        })
        .unwrap();
        assert_eq!(
            (ok.by, ok.amount),
            (Recommender::District, Some(72_250_000))
        );
        assert_eq!(ok.volume.map(|v| v.to_string()).as_deref(), Some("8.5"));
        assert!(!ok.by.is_regency_level() && Recommender::Tapd.is_regency_level());
        let bad = validate(&RecommendationDraft {
            by: "camat".into(),
            volume: "-1".into(),
            amount: "banyak".into(),
            text: " ".into(),
        })
        .unwrap_err();
        assert_eq!(
            bad,
            [
                ("by", "required"),
                ("volume", "not_a_volume"),
                ("amount", "not_rupiah"),
                ("text", "required")
            ]
        );
        for r in Recommender::ALL {
            assert_eq!(Recommender::from_code(r.code()), Some(r));
        }
    }
}
