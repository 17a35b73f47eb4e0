//! Units as a tree, for "this unit and everything under it" questions (a unit admin's
//! reach, roll-ups of a dinas with its UPT).

use std::collections::HashMap;

/// Parent links of every unit. Built from stored units, which the import keeps acyclic;
/// walks still stop on a cycle rather than loop.
#[derive(Clone, Debug, Default)]
pub struct UnitTree {
    parent: HashMap<String, Option<String>>,
    children: HashMap<String, Vec<String>>,
}

impl UnitTree {
    /// From `(unit, parent)` pairs; children keep the order given.
    pub fn new<'a>(units: impl IntoIterator<Item = (&'a str, Option<&'a str>)>) -> UnitTree {
        let mut tree = UnitTree::default();
        for (unit, parent) in units {
            tree.parent
                .insert(unit.to_string(), parent.map(str::to_string));
            if let Some(parent) = parent {
                tree.children
                    .entry(parent.to_string())
                    .or_default()
                    .push(unit.to_string());
            }
        }
        tree
    }

    pub fn contains(&self, unit: &str) -> bool {
        self.parent.contains_key(unit)
    }

    /// The unit, its parent, its parent's parent… up to the root.
    pub fn ancestry<'a>(&'a self, unit: &'a str) -> Vec<&'a str> {
        let mut chain = Vec::new();
        let mut current = Some(unit);
        while let Some(id) = current {
            if chain.contains(&id) || !self.contains(id) {
                break;
            }
            chain.push(id);
            current = self.parent.get(id).and_then(|p| p.as_deref());
        }
        chain
    }

    /// Whether `unit` is `root` or lies under it.
    pub fn is_within(&self, unit: &str, root: &str) -> bool {
        self.ancestry(unit).contains(&root)
    }

    /// Depth below the top of the tree: 0 for an OPD without parent.
    pub fn depth(&self, unit: &str) -> usize {
        self.ancestry(unit).len().saturating_sub(1)
    }

    pub fn children(&self, unit: &str) -> &[String] {
        self.children.get(unit).map_or(&[], Vec::as_slice)
    }

    /// `root` and every unit under it, parents before children.
    pub fn subtree(&self, root: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut stack = vec![root.to_string()];
        while let Some(unit) = stack.pop() {
            if out.contains(&unit) || !self.contains(&unit) {
                continue;
            }
            stack.extend(self.children(&unit).iter().rev().cloned());
            out.push(unit);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree() -> UnitTree {
        UnitTree::new([
            ("dinkes", None),
            ("pkm-panggul", Some("dinkes")),
            ("pkm-watulimo", Some("dinkes")),
            ("pustu-wonocoyo", Some("pkm-panggul")),
            ("dukcapil", None),
        ])
    }

    #[test]
    fn subtree_and_membership() {
        let tree = tree();
        assert_eq!(
            tree.subtree("dinkes"),
            ["dinkes", "pkm-panggul", "pustu-wonocoyo", "pkm-watulimo"]
        );
        assert!(tree.is_within("pustu-wonocoyo", "dinkes"));
        assert!(tree.is_within("dinkes", "dinkes"));
        assert!(!tree.is_within("dukcapil", "dinkes"));
        assert!(!tree.is_within("dinkes", "pkm-panggul"));
        assert!(!tree.is_within("nowhere", "dinkes"));
        assert_eq!(tree.depth("pustu-wonocoyo"), 2);
        assert_eq!(tree.subtree("nowhere"), Vec::<String>::new());
    }

    #[test]
    fn a_cycle_does_not_hang() {
        let tree = UnitTree::new([("a", Some("b")), ("b", Some("a"))]);
        assert_eq!(tree.ancestry("a"), ["a", "b"]);
        assert_eq!(tree.subtree("a"), ["a", "b"]);
    }
}
