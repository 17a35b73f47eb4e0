//! Merging and splitting proposals at the district musrenbang, where villages' proposals
//! meet: several proposals for the same need become one (their groups and beneficiaries
//! joined), or one proposal covering several needs becomes several. The originals end as
//! merged or split and point to what carries them on; each keeps its own trail.

use super::forum::{Group, Level};
use super::lifecycle::Stage;

/// Where merging and splitting happen.
pub const STAGE: Stage = Stage::Musrenbang(Level::Kecamatan);

/// Most proposals merged at once, or parts of a split.
pub const MAX_PARTS: usize = 20;

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum MergeError {
    #[error("proposal {0} is not at the district musrenbang")]
    NotAtTheDistrict(String),
    #[error("proposals of different districts cannot be merged")]
    DifferentDistricts,
    #[error("merging takes 2 to 20 different proposals, splitting 2 to 20 parts")]
    Count,
}

/// One original as the check needs it.
#[derive(Clone, Copy, Debug)]
pub struct Original<'a> {
    pub code: &'a str,
    pub stage: Stage,
    pub district: Option<&'a str>,
}

/// Whether these proposals may be merged.
pub fn check_merge(originals: &[Original<'_>]) -> Result<(), MergeError> {
    let mut codes: Vec<&str> = originals.iter().map(|o| o.code).collect();
    codes.sort_unstable();
    codes.dedup();
    if codes.len() != originals.len() || !(2..=MAX_PARTS).contains(&originals.len()) {
        return Err(MergeError::Count);
    }
    if let Some(o) = originals.iter().find(|o| o.stage != STAGE) {
        return Err(MergeError::NotAtTheDistrict(o.code.to_string()));
    }
    if originals.windows(2).any(|w| w[0].district != w[1].district) {
        return Err(MergeError::DifferentDistricts);
    }
    Ok(())
}

/// Whether a proposal may be split into `parts`.
pub fn check_split(original: Original<'_>, parts: usize) -> Result<(), MergeError> {
    if original.stage != STAGE {
        return Err(MergeError::NotAtTheDistrict(original.code.to_string()));
    }
    if !(2..=MAX_PARTS).contains(&parts) {
        return Err(MergeError::Count);
    }
    Ok(())
}

/// The groups of all, once each, in [`Group::ALL`] order.
pub fn joined_groups<'a>(lists: impl IntoIterator<Item = &'a [Group]>) -> Vec<Group> {
    let mut all: Vec<Group> = lists.into_iter().flatten().copied().collect();
    all.sort();
    all.dedup();
    all
}

/// Beneficiaries per group added up (saturating), zero counts left out.
pub fn joined_beneficiaries<'a>(
    lists: impl IntoIterator<Item = &'a [(Group, u32)]>,
) -> Vec<(Group, u32)> {
    let mut sums: Vec<(Group, u32)> = Vec::new();
    for (group, n) in lists.into_iter().flatten() {
        match sums.iter_mut().find(|(g, _)| g == group) {
            Some((_, total)) => *total = total.saturating_add(*n),
            None => sums.push((*group, *n)),
        }
    }
    sums.retain(|(_, n)| *n > 0);
    sums.sort();
    sums
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(code: &'static str, stage: Stage, district: &'static str) -> Original<'static> {
        Original {
            code,
            stage,
            district: Some(district),
        }
    }

    #[test]
    fn only_proposals_at_one_district_musrenbang_merge() {
        let a = at("A", STAGE, "panggul");
        let b = at("B", STAGE, "panggul");
        assert_eq!(check_merge(&[a, b]), Ok(()));
        assert_eq!(check_merge(&[a]), Err(MergeError::Count));
        assert_eq!(check_merge(&[a, a]), Err(MergeError::Count));
        assert_eq!(
            check_merge(&[a, at("C", STAGE, "dongko")]),
            Err(MergeError::DifferentDistricts)
        );
        assert_eq!(
            check_merge(&[a, at("D", Stage::Verified, "panggul")]),
            Err(MergeError::NotAtTheDistrict("D".into()))
        );
        assert_eq!(check_split(a, 2), Ok(()));
        assert_eq!(check_split(a, 1), Err(MergeError::Count));
        assert!(check_split(at("E", Stage::Budgeted, "panggul"), 2).is_err());
    }

    #[test]
    fn groups_and_beneficiaries_are_joined() {
        let one = [(Group::Women, 10), (Group::Children, 5)];
        let two = [(Group::Women, 7), (Group::Elderly, u32::MAX)];
        assert_eq!(
            joined_beneficiaries([&one[..], &two[..], &[(Group::Elderly, 1)][..]]),
            vec![
                (Group::Women, 17),
                (Group::Children, 5),
                (Group::Elderly, u32::MAX)
            ]
        );
        assert_eq!(
            joined_groups([&[Group::Elderly, Group::Women][..], &[Group::Women][..]]),
            vec![Group::Women, Group::Elderly]
        );
        assert!(Stage::Merged.is_final() && Stage::Merged.is_superseded());
        assert!(!Stage::Split.has_reached(Stage::Submitted));
    }
}
