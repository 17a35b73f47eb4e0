//! The transparency log of counted responses: a Merkle tree in the manner of Certificate
//! Transparency (RFC 9162 §2.1). Leaves are the content hashes of counted responses, in
//! chain order; a signed tree head (see [`super::signed_head`]) commits to every leaf below
//! its size, so a receipt's inclusion proof can be checked by anyone, and a log that was
//! edited, re-hashed or rolled back no longer matches a head it signed.
//!
//! The store keeps "tiles": hashes of aligned, complete subtrees of 2^8 leaves and of 2^16
//! leaves ([`TILE_HEIGHT`] apart), so a root or a proof in a tree of millions reads a few
//! hundred rows, not millions. Which subtree
//! hashes a proof needs is computed here ([`inclusion_ranges`], [`consistency_ranges`]);
//! the store fetches them ([`split`] says how a range decomposes) and nothing it returns is
//! trusted: the proof is checked against the signed root.

use sha2::{Digest, Sha256};

use super::chain::Digest32;

/// Levels between stored tiles (2^8 leaves a tile, 2^8 tiles a tile above; as Go's checksum
/// database).
pub const TILE_HEIGHT: u32 = 8;
pub const TILE_WIDTH: u64 = 1 << TILE_HEIGHT;

/// RFC 9162: the hash of a leaf, `SHA-256(0x00 || data)`.
pub fn leaf_hash(data: &[u8]) -> Digest32 {
    let mut h = Sha256::new();
    h.update([0u8]);
    h.update(data);
    Digest32(h.finalize().into())
}

/// RFC 9162: the hash of an interior node, `SHA-256(0x01 || left || right)`.
pub fn node_hash(left: &Digest32, right: &Digest32) -> Digest32 {
    let mut h = Sha256::new();
    h.update([1u8]);
    h.update(left.0);
    h.update(right.0);
    Digest32(h.finalize().into())
}

/// The root of the empty tree, `SHA-256()`.
pub fn empty_root() -> Digest32 {
    Digest32(Sha256::digest([]).into())
}

/// The largest power of two smaller than `n` (`n` ≥ 2): where RFC 9162 splits a range.
pub fn split(n: u64) -> u64 {
    debug_assert!(n >= 2);
    1 << (63 - (n - 1).leading_zeros())
}

/// The root of a perfect tree over `nodes` (a power-of-two count of equal-height siblings).
pub fn perfect_root(nodes: &[Digest32]) -> Option<Digest32> {
    if nodes.is_empty() || !nodes.len().is_power_of_two() {
        return None;
    }
    let mut level = nodes.to_vec();
    while level.len() > 1 {
        level = level
            .chunks(2)
            .map(|pair| node_hash(&pair[0], &pair[1]))
            .collect();
    }
    Some(level[0])
}

/// The complete, aligned subtrees `(start, height)` that make up the range `[start, end)` as
/// RFC 9162's recursion splits it, left to right.
pub fn full_subtrees(start: u64, end: u64, out: &mut Vec<(u64, u32)>) {
    let n = end - start;
    if n == 0 {
        return;
    }
    if n.is_power_of_two() && start.is_multiple_of(n) {
        out.push((start, n.trailing_zeros()));
        return;
    }
    let k = split(n);
    full_subtrees(start, start + k, out);
    full_subtrees(start + k, end, out);
}

/// MTH of `[start, end)` from the hashes of its [`full_subtrees`].
pub fn combine(
    start: u64,
    end: u64,
    full: &std::collections::HashMap<(u64, u32), Digest32>,
) -> Option<Digest32> {
    let n = end - start;
    if n == 0 {
        return Some(empty_root());
    }
    if n.is_power_of_two() && start.is_multiple_of(n) {
        return full.get(&(start, n.trailing_zeros())).copied();
    }
    let k = split(n);
    Some(node_hash(
        &combine(start, start + k, full)?,
        &combine(start + k, end, full)?,
    ))
}

/// The root of a tree grown one leaf hash at a time, keeping only the left edge (one hash per
/// set bit of the size): `suara verify` walks millions of leaves in constant memory.
#[derive(Clone, Debug, Default)]
pub struct Frontier {
    size: u64,
    /// Roots of the complete subtrees, largest (leftmost) first, with their heights.
    stack: Vec<(u32, Digest32)>,
}

impl Frontier {
    pub fn push(&mut self, leaf: Digest32) {
        let mut node = (0u32, leaf);
        while let Some(&(height, left)) = self.stack.last() {
            if height != node.0 {
                break;
            }
            self.stack.pop();
            node = (height + 1, node_hash(&left, &node.1));
        }
        self.stack.push(node);
        self.size += 1;
    }

    pub fn size(&self) -> u64 {
        self.size
    }

    /// The left edge kept (heights and hashes), to resume later (`suara monitor`'s state).
    pub fn edge(&self) -> &[(u32, Digest32)] {
        &self.stack
    }

    /// A frontier of `size` leaves from its kept edge; `None` unless the heights are the
    /// set bits of `size`, largest first.
    pub fn resume(size: u64, edge: Vec<(u32, Digest32)>) -> Option<Frontier> {
        let heights: Vec<u32> = (0..64).rev().filter(|b| size >> b & 1 == 1).collect();
        let matches =
            heights.len() == edge.len() && heights.iter().zip(&edge).all(|(h, (e, _))| h == e);
        matches.then_some(Frontier { size, stack: edge })
    }

    /// The RFC 9162 root of the leaves pushed so far.
    pub fn root(&self) -> Digest32 {
        let mut nodes = self.stack.iter().rev();
        let Some(&(_, mut root)) = nodes.next() else {
            return empty_root();
        };
        for (_, left) in nodes {
            root = node_hash(left, &root);
        }
        root
    }
}

/// The subtrees `[start, end)` whose hashes form the inclusion proof of leaf `index` in a
/// tree of `size` leaves (RFC 9162 §2.1.3.1), in proof order.
pub fn inclusion_ranges(index: u64, size: u64) -> Option<Vec<(u64, u64)>> {
    if index >= size {
        return None;
    }
    let mut ranges = Vec::new();
    let (mut lo, mut hi) = (0, size);
    while hi - lo > 1 {
        let k = split(hi - lo);
        if index < lo + k {
            ranges.push((lo + k, hi));
            hi = lo + k;
        } else {
            ranges.push((lo, lo + k));
            lo += k;
        }
    }
    ranges.reverse();
    Some(ranges)
}

/// The subtrees whose hashes form the consistency proof from a tree of `old` leaves to one
/// of `new` leaves (RFC 9162 §2.1.4.1), in proof order.
pub fn consistency_ranges(old: u64, new: u64) -> Option<Vec<(u64, u64)>> {
    if old == 0 || old > new {
        return None;
    }
    let mut ranges = Vec::new();
    // SUBPROOF(m, D[lo:hi], b), unrolled: the recursion only ever descends one side.
    let (mut lo, mut hi, mut whole) = (0u64, new, true);
    let m = old;
    loop {
        let n = hi - lo;
        let m_here = m - lo;
        if m_here == n {
            if !whole {
                ranges.push((lo, hi));
            }
            break;
        }
        let k = split(n);
        if m_here <= k {
            ranges.push((lo + k, hi));
            hi = lo + k;
        } else {
            ranges.push((lo, lo + k));
            lo += k;
            whole = false;
        }
    }
    ranges.reverse();
    Some(ranges)
}

/// Checks an inclusion proof (RFC 9162 §2.1.3.2).
pub fn verify_inclusion(
    leaf: &Digest32,
    index: u64,
    size: u64,
    proof: &[Digest32],
    root: &Digest32,
) -> bool {
    if index >= size {
        return false;
    }
    let (mut f_n, mut s_n) = (index, size - 1);
    let mut r = *leaf;
    for p in proof {
        if s_n == 0 {
            return false;
        }
        if f_n & 1 == 1 || f_n == s_n {
            r = node_hash(p, &r);
            if f_n & 1 == 0 {
                while f_n & 1 == 0 && f_n != 0 {
                    f_n >>= 1;
                    s_n >>= 1;
                }
            }
        } else {
            r = node_hash(&r, p);
        }
        f_n >>= 1;
        s_n >>= 1;
    }
    s_n == 0 && r == *root
}

/// Checks a consistency proof between two roots (RFC 9162 §2.1.4.2).
pub fn verify_consistency(
    old: u64,
    new: u64,
    proof: &[Digest32],
    old_root: &Digest32,
    new_root: &Digest32,
) -> bool {
    if old == new {
        return proof.is_empty() && old_root == new_root;
    }
    if old == 0 || old > new {
        return false;
    }
    let mut path: Vec<Digest32> = proof.to_vec();
    if old.is_power_of_two() {
        path.insert(0, *old_root);
    }
    let Some((first, rest)) = path.split_first() else {
        return false;
    };
    let (mut f_n, mut s_n) = (old - 1, new - 1);
    while f_n & 1 == 1 {
        f_n >>= 1;
        s_n >>= 1;
    }
    let (mut fr, mut sr) = (*first, *first);
    for c in rest {
        if s_n == 0 {
            return false;
        }
        if f_n & 1 == 1 || f_n == s_n {
            fr = node_hash(c, &fr);
            sr = node_hash(c, &sr);
            if f_n & 1 == 0 {
                while f_n & 1 == 0 && f_n != 0 {
                    f_n >>= 1;
                    s_n >>= 1;
                }
            }
        } else {
            sr = node_hash(&sr, c);
        }
        f_n >>= 1;
        s_n >>= 1;
    }
    fr == *old_root && sr == *new_root && s_n == 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn leaves(n: u64) -> Vec<Digest32> {
        (0..n).map(|i| leaf_hash(&i.to_be_bytes())).collect()
    }

    /// MTH straight from the RFC's recursive definition.
    fn mth(leaves: &[Digest32]) -> Digest32 {
        match leaves.len() {
            0 => empty_root(),
            1 => leaves[0],
            n => {
                let k = split(n as u64) as usize;
                node_hash(&mth(&leaves[..k]), &mth(&leaves[k..]))
            }
        }
    }

    fn proof(leaves: &[Digest32], ranges: &[(u64, u64)]) -> Vec<Digest32> {
        ranges
            .iter()
            .map(|&(a, b)| mth(&leaves[a as usize..b as usize]))
            .collect()
    }

    #[test]
    fn known_values() {
        assert_eq!(
            empty_root().to_hex(),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        // RFC 6962 test vector: the leaf hash of the empty leaf.
        assert_eq!(
            leaf_hash(b"").to_hex(),
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d"
        );
        assert_eq!(split(2), 1);
        assert_eq!(split(3), 2);
        assert_eq!(split(8), 4);
        assert_eq!(split(9), 8);
        assert_eq!(perfect_root(&leaves(3)), None);
    }

    proptest! {
        #[test]
        fn the_frontier_gives_the_rfc_root(n in 0u64..300) {
            let all = leaves(n);
            let mut frontier = Frontier::default();
            for leaf in &all {
                frontier.push(*leaf);
            }
            prop_assert_eq!(frontier.size(), n);
            prop_assert_eq!(frontier.root(), mth(&all));
        }

        #[test]
        fn inclusion_proofs_verify_and_catch_changes(size in 1u64..200, pick in any::<u64>()) {
            let all = leaves(size);
            let index = pick % size;
            let ranges = inclusion_ranges(index, size).unwrap();
            let path = proof(&all, &ranges);
            let root = mth(&all);
            prop_assert!(verify_inclusion(&all[index as usize], index, size, &path, &root));
            prop_assert!(!verify_inclusion(&leaf_hash(b"other"), index, size, &path, &root));
            if size > 1 {
                prop_assert!(!verify_inclusion(&all[index as usize], (index + 1) % size, size, &path, &root));
            }
            let changed = {
                let mut changed = all.clone();
                changed[((index + 1) % size) as usize] = leaf_hash(b"edited");
                mth(&changed)
            };
            if size > 1 {
                prop_assert!(!verify_inclusion(&all[index as usize], index, size, &path, &changed));
            }
        }

        #[test]
        fn ranges_combine_from_their_full_subtrees(end in 1u64..300, pick in any::<u64>()) {
            let all = leaves(end);
            // Ranges the recursion visits: the right part of a proof range.
            for (start, end) in inclusion_ranges(pick % end, end).unwrap() {
                let mut parts = Vec::new();
                full_subtrees(start, end, &mut parts);
                let hashes = parts
                    .iter()
                    .map(|&(s, h)| ((s, h), mth(&all[s as usize..(s + (1 << h)) as usize])))
                    .collect();
                prop_assert_eq!(combine(start, end, &hashes), Some(mth(&all[start as usize..end as usize])));
            }
        }

        #[test]
        fn consistency_proofs_verify_and_catch_rewrites(new in 1u64..200, pick in any::<u64>()) {
            let all = leaves(new);
            let old = pick % new + 1;
            let ranges = consistency_ranges(old, new).unwrap();
            let path = proof(&all, &ranges);
            let (old_root, new_root) = (mth(&all[..old as usize]), mth(&all));
            prop_assert!(verify_consistency(old, new, &path, &old_root, &new_root));
            // A log rewritten below the old size is not consistent with the old head.
            let mut rewritten = all.clone();
            rewritten[(pick % old) as usize] = leaf_hash(b"rewritten");
            let rewritten_root = mth(&rewritten);
            if old < new {
                prop_assert!(!verify_consistency(old, new, &path, &old_root, &rewritten_root));
            }
        }
    }
}
