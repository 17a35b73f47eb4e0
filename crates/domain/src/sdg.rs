//! The Sustainable Development Goals (SDGs): goals 1–17 and their targets, as innovations and
//! Musrena proposals are tagged with them.

use serde::Serialize;

/// One SDG goal (1–17), with a target of it when named (`3.8`, `11.a`).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct SdgTarget {
    pub goal: u8,
    /// The part after the dot: `8`, `a`.
    pub target: Option<String>,
}

impl SdgTarget {
    /// Reads `3`, `3.8` or `11.a`.
    pub fn parse(text: &str) -> Option<SdgTarget> {
        let text = text.trim();
        let (goal, target) = match text.split_once('.') {
            Some((goal, target)) => (goal, Some(target)),
            None => (text, None),
        };
        let goal: u8 = goal.parse().ok().filter(|g| (1..=17).contains(g))?;
        let target = match target {
            None => None,
            Some(t)
                if (1..=2).contains(&t.len())
                    && (t.bytes().all(|b| b.is_ascii_digit())
                        || (t.len() == 1 && t.bytes().all(|b| b.is_ascii_lowercase()))) =>
            {
                Some(t.to_string())
            }
            Some(_) => return None,
        };
        Some(SdgTarget { goal, target })
    }
}

impl std::fmt::Display for SdgTarget {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.target {
            Some(t) => write!(f, "{}.{t}", self.goal),
            None => write!(f, "{}", self.goal),
        }
    }
}

/// SDG targets as typed, separated by commas, semicolons or spaces (`3.8, 16.6 10`), sorted
/// and without repeats; `Err` holds the ones read when some could not be.
pub fn parse_list(text: &str) -> Result<Vec<SdgTarget>, Vec<SdgTarget>> {
    let mut targets = Vec::new();
    let mut unknown = false;
    for typed in text
        .split(|c: char| c == ',' || c == ';' || c.is_whitespace())
        .filter(|s| !s.is_empty())
    {
        match SdgTarget::parse(typed) {
            Some(t) => targets.push(t),
            None => unknown = true,
        }
    }
    targets.sort();
    targets.dedup();
    if unknown {
        Err(targets)
    } else {
        Ok(targets)
    }
}

/// The targets as stored and shown: `3.8,16.6`.
pub fn join(targets: &[SdgTarget]) -> String {
    targets
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(",")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sdg_targets_are_goals_1_to_17_with_a_number_or_letter() {
        assert_eq!(
            SdgTarget::parse("11.a"),
            Some(SdgTarget {
                goal: 11,
                target: Some("a".into())
            })
        );
        assert_eq!(SdgTarget::parse("17").unwrap().to_string(), "17");
        for bad in ["0", "18", "3.", "3.abc", "x", "3.8.1", "-1", "3.A"] {
            assert_eq!(SdgTarget::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn lists_are_sorted_without_repeats_and_name_what_was_unknown() {
        let list = parse_list("16.6, 3.8 16.6;10").unwrap();
        assert_eq!(join(&list), "3.8,10,16.6");
        assert_eq!(parse_list("3.8 x 18").unwrap_err().len(), 1);
        assert_eq!(parse_list("").unwrap(), vec![]);
    }
}
