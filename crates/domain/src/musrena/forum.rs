//! A Musrena forum: where and at which level it was held, who took part (counted by group,
//! never named, UU 27/2022) and what was done so everyone could take part.

use serde::Serialize;

/// The level of a forum, and of the musrenbang its proposals go to first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// Village (desa/kelurahan).
    Desa,
    /// District.
    Kecamatan,
    /// Regency.
    Kabupaten,
}

impl Level {
    pub const ALL: [Level; 3] = [Level::Desa, Level::Kecamatan, Level::Kabupaten];

    pub fn code(self) -> &'static str {
        match self {
            Level::Desa => "desa",
            Level::Kecamatan => "kecamatan",
            Level::Kabupaten => "kabupaten",
        }
    }

    pub fn from_code(code: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The level above, where proposals are carried next.
    pub fn up(self) -> Option<Level> {
        match self {
            Level::Desa => Some(Level::Kecamatan),
            Level::Kecamatan => Some(Level::Kabupaten),
            Level::Kabupaten => None,
        }
    }
}

/// Groups Musrena Keren exists for. A person may belong to several (a girl with a
/// disability counts as a child and under her disability).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Group {
    Women,
    Children,
    /// Physical disability (penyandang disabilitas fisik).
    DisabilityPhysical,
    /// Visual disability (netra).
    DisabilityVisual,
    /// Hearing or speech disability (rungu/wicara).
    DisabilityHearing,
    /// Intellectual disability.
    DisabilityIntellectual,
    /// Mental or psychosocial disability.
    DisabilityMental,
    Elderly,
    /// Other vulnerable groups (poor households, people far from services, survivors of
    /// violence…).
    OtherVulnerable,
}

impl Group {
    pub const ALL: [Group; 9] = [
        Group::Women,
        Group::Children,
        Group::DisabilityPhysical,
        Group::DisabilityVisual,
        Group::DisabilityHearing,
        Group::DisabilityIntellectual,
        Group::DisabilityMental,
        Group::Elderly,
        Group::OtherVulnerable,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Group::Women => "women",
            Group::Children => "children",
            Group::DisabilityPhysical => "disability_physical",
            Group::DisabilityVisual => "disability_visual",
            Group::DisabilityHearing => "disability_hearing",
            Group::DisabilityIntellectual => "disability_intellectual",
            Group::DisabilityMental => "disability_mental",
            Group::Elderly => "elderly",
            Group::OtherVulnerable => "other_vulnerable",
        }
    }

    pub fn from_code(code: &str) -> Option<Group> {
        Group::ALL.into_iter().find(|g| g.code() == code)
    }

    pub fn is_disability(self) -> bool {
        matches!(
            self,
            Group::DisabilityPhysical
                | Group::DisabilityVisual
                | Group::DisabilityHearing
                | Group::DisabilityIntellectual
                | Group::DisabilityMental
        )
    }
}

/// What a forum provided so that everyone could take part.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Accommodation {
    SignLanguageInterpreter,
    /// Step-free access: ramps, ground floor, accessible toilet.
    StepFreeAccess,
    /// Easy-read and picture material (also for children).
    EasyRead,
    Braille,
    /// Someone to look after small children during the forum.
    Childcare,
    /// Transport to and from the venue.
    Transport,
}

impl Accommodation {
    pub const ALL: [Accommodation; 6] = [
        Accommodation::SignLanguageInterpreter,
        Accommodation::StepFreeAccess,
        Accommodation::EasyRead,
        Accommodation::Braille,
        Accommodation::Childcare,
        Accommodation::Transport,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Accommodation::SignLanguageInterpreter => "sign_language",
            Accommodation::StepFreeAccess => "step_free",
            Accommodation::EasyRead => "easy_read",
            Accommodation::Braille => "braille",
            Accommodation::Childcare => "childcare",
            Accommodation::Transport => "transport",
        }
    }

    pub fn from_code(code: &str) -> Option<Accommodation> {
        Accommodation::ALL.into_iter().find(|a| a.code() == code)
    }
}

/// Participants of a forum: how many in all, and how many of each group (groups overlap, so
/// they need not add up to the total; none may exceed it).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Participants {
    pub total: u32,
    /// Per group, in [`Group::ALL`] order.
    pub by_group: [u32; 9],
}

impl Participants {
    pub fn of(&self, group: Group) -> u32 {
        self.by_group[group_index(group)]
    }

    pub fn set(&mut self, group: Group, count: u32) {
        self.by_group[group_index(group)] = count;
    }

    /// People with any disability, as far as counts allow: the sum over the disability
    /// types (a person with two counts twice), never above the total.
    pub fn with_disability(&self) -> u32 {
        Group::ALL
            .into_iter()
            .filter(|g| g.is_disability())
            .map(|g| self.of(g))
            .sum::<u32>()
            .min(self.total)
    }

    /// Groups whose count is above the total.
    pub fn problems(&self) -> Vec<Group> {
        Group::ALL
            .into_iter()
            .filter(|g| self.of(*g) > self.total)
            .collect()
    }
}

fn group_index(group: Group) -> usize {
    Group::ALL
        .iter()
        .position(|g| *g == group)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_levels_go_up() {
        for level in Level::ALL {
            assert_eq!(Level::from_code(level.code()), Some(level));
        }
        for group in Group::ALL {
            assert_eq!(Group::from_code(group.code()), Some(group));
        }
        for a in Accommodation::ALL {
            assert_eq!(Accommodation::from_code(a.code()), Some(a));
        }
        assert_eq!(Level::Desa.up(), Some(Level::Kecamatan));
        assert_eq!(Level::Kabupaten.up(), None);
        assert_eq!(Group::ALL.iter().filter(|g| g.is_disability()).count(), 5);
    }

    #[test]
    fn participants_by_group_never_exceed_the_total() {
        let mut p = Participants {
            total: 40,
            ..Participants::default()
        };
        p.set(Group::Women, 25);
        p.set(Group::DisabilityVisual, 3);
        p.set(Group::DisabilityPhysical, 4);
        assert_eq!(p.of(Group::Women), 25);
        assert_eq!(p.with_disability(), 7);
        assert!(p.problems().is_empty());
        p.set(Group::Children, 41);
        assert_eq!(p.problems(), vec![Group::Children]);
    }
}
