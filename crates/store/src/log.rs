//! The transparency log over the chain (rules in `suara_domain::integrity::merkle` and
//! `signed_head`): tiles, signed tree heads, inclusion proofs for receipts, and the checks
//! `suara verify` runs against heads kept in and outside the database.

use std::collections::HashMap;

use sqlx::Row;
use suara_domain::integrity::chain::Digest32;
use suara_domain::integrity::checkpoint::KnownKey;
use suara_domain::integrity::merkle::{
    self, inclusion_ranges, leaf_hash, perfect_root, Frontier, TILE_HEIGHT, TILE_WIDTH,
};
use suara_domain::integrity::signed_head::{LogKey, LogKind, PublicKey, SignedHead, TreeHead};
use time::OffsetDateTime;

use crate::{Result, Store, StoreError};

fn digest(text: &str) -> Result<Digest32> {
    Digest32::from_hex(text).ok_or_else(|| StoreError::Corrupt(format!("hash '{text}'")))
}

/// Tiles computed per transaction while catching up.
const TILES_PER_QUERY: u64 = 64;

/// The stored tile levels: subtrees of 2^8 and 2^16 leaves.
const LEVELS: [u32; 2] = [TILE_HEIGHT, 2 * TILE_HEIGHT];

/// A receipt as a citizen may check it.
// One is made per receipt request and matched at once: boxing the proof would buy nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReceiptStatus {
    /// No response has this receipt.
    Unknown,
    /// Stored, but held for review (or set aside after review): it counts nowhere.
    UnderReview,
    /// Counted: leaf `index` of the log, with its content hash and, once a signed head
    /// covers it, the inclusion proof against that head.
    Counted {
        received_at: OffsetDateTime,
        unit_id: String,
        index: u64,
        leaf: Digest32,
        proof: Option<(SignedHead, Vec<Digest32>)>,
    },
}

/// What signs a regency's log: its key, and the newest head kept outside the database
/// (beside the key), which every new head must extend.
pub struct LogSigner<'a> {
    pub key: &'a LogKey,
    /// The newest heads kept outside the database, of either log.
    pub outside: Vec<SignedHead>,
    /// The witnesses whose cosignatures a payroll run's checkpoint needs (none: the run
    /// signs the log as it stands).
    pub witnessed: Witnessed<'a>,
}

/// The witnesses whose cosignatures count, and how many of them must have cosigned a
/// checkpoint before receipts and payroll runs point to it (0: the newest signed head).
#[derive(Clone, Copy, Default)]
pub struct Witnessed<'a> {
    pub witnesses: &'a [KnownKey],
    pub quorum: usize,
}

impl<'a> LogSigner<'a> {
    /// A key with no head kept outside (a new regency, a test, a benchmark).
    pub fn new(key: &'a LogKey) -> LogSigner<'a> {
        LogSigner {
            key,
            outside: Vec::new(),
            witnessed: Witnessed::default(),
        }
    }
}

/// What the log checks found; `None` fields are fine.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LogReport {
    /// Signed heads checked (in the database and outside it).
    pub heads_checked: usize,
    /// The first problem.
    pub problem: Option<String>,
}

impl Store {
    /// Brings the tiles up to date and, when the log grew since the last signed head, signs
    /// and stores a new head. Returns the latest head (`None` for an empty log).
    ///
    /// A new head is signed only when the tree proves consistent (RFC 9162 §2.1.4) with every
    /// head it must extend: the newest one stored, the newest one a payroll run recorded, and
    /// `outside`, the newest kept outside the database. A database rolled back or rewritten
    /// by someone without the key gets [`StoreError::NotExtending`], and the server signs
    /// nothing more for it (a signature would vouch for the rewrite).
    pub async fn sign_log(
        &self,
        tenant_id: &str,
        signer: &LogSigner<'_>,
        now: OffsetDateTime,
    ) -> Result<Option<SignedHead>> {
        let key = signer.key;
        let size: i64 = sqlx::query_scalar("SELECT seq FROM chain_heads WHERE tenant_id = $1")
            .bind(tenant_id)
            .fetch_optional(&self.reader)
            .await?
            .unwrap_or(0);
        let size = crate::to_u64(size)?;
        let latest = self.latest_head(tenant_id).await?;
        if size == 0 {
            return Ok(latest);
        }
        if latest.as_ref().is_some_and(|h| h.head.size == size) {
            return Ok(latest);
        }
        self.catch_up_tiles(tenant_id, size).await?;
        let root = self.range_root(tenant_id, 0, size).await?;
        let public = key.public();
        let mut anchors: Vec<(&str, SignedHead)> = Vec::new();
        anchors.extend(latest.map(|h| ("in the database", h)));
        anchors.extend(
            self.latest_run_head(tenant_id)
                .await?
                .map(|h| ("for a payroll run", h)),
        );
        anchors.extend(
            signer
                .outside
                .iter()
                .filter(|h| h.head.log == LogKind::Responses)
                .map(|h| ("outside the database", h.clone())),
        );
        for (i, (place, anchor)) in anchors.iter().enumerate() {
            // A head that does not carry the key's signature proves nothing either way; one
            // checked already (the kept head is usually the stored one) needs no second proof.
            if anchor.check(&public).is_err() || anchors[..i].iter().any(|(_, a)| a == anchor) {
                continue;
            }
            self.check_extends(tenant_id, place, anchor, size, &root)
                .await?;
        }
        let signed = anchors
            .iter()
            .filter(|(_, a)| a.check(&public).is_ok())
            .map(|(_, a)| a.head.size)
            .max()
            .unwrap_or(0);
        self.refuse_unauthenticated(tenant_id, LogKind::Responses, signed, key)
            .await?;
        self.sign_and_store(tenant_id, LogKind::Responses, size, root, key, now)
            .await
            .map(Some)
    }

    /// Refuses (with [`StoreError::NotExtending`]) to sign links after link `signed` of
    /// `log` that someone without the key wrote: a signature would vouch for them.
    pub(crate) async fn refuse_unauthenticated(
        &self,
        tenant_id: &str,
        log: LogKind,
        signed: u64,
        key: &LogKey,
    ) -> Result<()> {
        let entry_key = suara_domain::integrity::entry_code::EntryKey::of(key, tenant_id);
        match crate::entry_codes::first_unauthenticated(
            &self.reader,
            log,
            tenant_id,
            signed,
            &entry_key,
        )
        .await?
        {
            Some(problem) => Err(StoreError::NotExtending(format!(
                "{}: {problem}",
                match log {
                    LogKind::Responses => "the log of counted responses",
                    LogKind::Audit => "the audit chain",
                }
            ))),
            None => Ok(()),
        }
    }

    /// Signs the head of `log` at `size` with `root` and stores it (once per size).
    pub(crate) async fn sign_and_store(
        &self,
        tenant_id: &str,
        log: LogKind,
        size: u64,
        root: Digest32,
        key: &LogKey,
        now: OffsetDateTime,
    ) -> Result<SignedHead> {
        let signed = TreeHead {
            log,
            tenant_id: tenant_id.to_string(),
            size,
            root,
            signed_at_ms: (now.unix_timestamp_nanos() / 1_000_000) as i64,
        }
        .sign(key);
        let sql = match log {
            LogKind::Responses => {
                "INSERT INTO log_heads (tenant_id, tree_size, root_hash, signed_at_ms, signature)
                 VALUES ($1, $2, $3, $4, $5) ON CONFLICT (tenant_id, tree_size) DO NOTHING"
            }
            LogKind::Audit => {
                "INSERT INTO audit_heads (tenant_id, seq, link_hash, signed_at_ms, signature)
                 VALUES ($1, $2, $3, $4, $5) ON CONFLICT (tenant_id, seq) DO NOTHING"
            }
        };
        sqlx::query(sql)
            .bind(tenant_id)
            .bind(size as i64)
            .bind(root.to_hex())
            .bind(signed.head.signed_at_ms)
            .bind(&signed.signature)
            .execute(&self.writer)
            .await?;
        if log == LogKind::Responses {
            self.keep_checkpoint(&signed, key).await?;
        }
        Ok(signed)
    }

    /// Refuses (with [`StoreError::NotExtending`]) when the tree of `size` leaves and root
    /// `root` is not an extension of `anchor`: smaller, or not proved consistent with it.
    async fn check_extends(
        &self,
        tenant_id: &str,
        place: &str,
        anchor: &SignedHead,
        size: u64,
        root: &Digest32,
    ) -> Result<()> {
        let signed = anchor.head.size;
        if signed > size {
            return Err(StoreError::NotExtending(format!(
                "a head signed {place} covers {signed} leaves, but the log holds {size}: it was rolled back"
            )));
        }
        if signed == 0 {
            return Ok(());
        }
        let proof = self.consistency_proof(tenant_id, signed, size).await?;
        if merkle::verify_consistency(signed, size, &proof, &anchor.head.root, root) {
            Ok(())
        } else {
            Err(StoreError::NotExtending(format!(
                "the log of {size} leaves does not extend the head of {signed} leaves signed {place}: counted responses were removed or changed"
            )))
        }
    }

    /// The consistency proof from the tree of the first `old` leaves to the tree of `new`
    /// (RFC 9162 §2.1.4.1), from the stored tiles and leaves.
    pub async fn consistency_proof(
        &self,
        tenant_id: &str,
        old: u64,
        new: u64,
    ) -> Result<Vec<Digest32>> {
        let ranges = merkle::consistency_ranges(old, new).ok_or_else(|| {
            StoreError::Corrupt(format!("no consistency proof from {old} to {new} leaves"))
        })?;
        let mut proof = Vec::with_capacity(ranges.len());
        for (start, end) in ranges {
            proof.push(self.range_root(tenant_id, start, end).await?);
        }
        Ok(proof)
    }

    /// The signed head of the largest tree stored.
    pub async fn latest_head(&self, tenant_id: &str) -> Result<Option<SignedHead>> {
        Ok(self.heads(tenant_id, Some(1)).await?.pop())
    }

    /// Stored signed heads of the log, largest first (`limit` of them, or all).
    pub async fn heads(&self, tenant_id: &str, limit: Option<i64>) -> Result<Vec<SignedHead>> {
        self.signed_heads(tenant_id, LogKind::Responses, None, limit)
            .await
    }

    /// One page of the log's signed heads, largest first: `limit` of those smaller than
    /// `below` (all sizes without it).
    pub async fn heads_below(
        &self,
        tenant_id: &str,
        below: Option<u64>,
        limit: i64,
    ) -> Result<Vec<SignedHead>> {
        self.signed_heads(tenant_id, LogKind::Responses, below, Some(limit))
            .await
    }

    /// Stored signed heads of either log, largest first (`limit` of them, or all).
    pub(crate) async fn signed_heads(
        &self,
        tenant_id: &str,
        log: LogKind,
        below: Option<u64>,
        limit: Option<i64>,
    ) -> Result<Vec<SignedHead>> {
        let sql = match log {
            LogKind::Responses => {
                "SELECT tree_size AS size, root_hash AS root, signed_at_ms, signature FROM log_heads
                 WHERE tenant_id = $1 AND tree_size < $2 ORDER BY tree_size DESC LIMIT $3"
            }
            LogKind::Audit => {
                "SELECT seq AS size, link_hash AS root, signed_at_ms, signature FROM audit_heads
                 WHERE tenant_id = $1 AND seq < $2 ORDER BY seq DESC LIMIT $3"
            }
        };
        // Sizes past what a column holds are past every head.
        let below = below.map_or(i64::MAX, |b| i64::try_from(b).unwrap_or(i64::MAX));
        let rows = sqlx::query(sql)
            .bind(tenant_id)
            .bind(below)
            .bind(limit.unwrap_or(i64::MAX))
            .fetch_all(&self.reader)
            .await?;
        rows.iter()
            .map(|row| {
                Ok(SignedHead {
                    head: TreeHead {
                        log,
                        tenant_id: tenant_id.to_string(),
                        size: crate::to_u64(row.try_get("size")?)?,
                        root: digest(&row.try_get::<String, _>("root")?)?,
                        signed_at_ms: row.try_get("signed_at_ms")?,
                    },
                    signature: row.try_get("signature")?,
                })
            })
            .collect()
    }

    /// Stores the hash of every complete tile below `size` not stored yet, level by level.
    async fn catch_up_tiles(&self, tenant_id: &str, size: u64) -> Result<()> {
        for level in LEVELS {
            let stored: i64 = sqlx::query_scalar(
                "SELECT COUNT(*) FROM log_tiles WHERE tenant_id = $1 AND level = $2",
            )
            .bind(tenant_id)
            .bind(i64::from(level))
            .fetch_one(&self.reader)
            .await?;
            let complete = size >> level;
            let mut next = crate::to_u64(stored)?;
            while next < complete {
                let upto = complete.min(next + TILES_PER_QUERY);
                let below = self
                    .nodes(
                        tenant_id,
                        level - TILE_HEIGHT,
                        next * TILE_WIDTH,
                        upto * TILE_WIDTH,
                    )
                    .await?;
                let hashes = below
                    .chunks(TILE_WIDTH as usize)
                    .map(|tile| {
                        perfect_root(tile)
                            .ok_or_else(|| StoreError::Corrupt("a tile lost nodes".into()))
                    })
                    .collect::<Result<Vec<_>>>()?;
                let sql = format!(
                    "INSERT INTO log_tiles (tenant_id, level, idx, hash) VALUES {}
                     ON CONFLICT (tenant_id, level, idx) DO NOTHING",
                    crate::placeholder_rows(self.backend, hashes.len(), 4)
                );
                let mut insert = sqlx::query(&sql);
                for (i, hash) in hashes.iter().enumerate() {
                    insert = insert
                        .bind(tenant_id)
                        .bind(i64::from(level))
                        .bind((next + i as u64) as i64)
                        .bind(hash.to_hex());
                }
                insert.execute(&self.writer).await?;
                next = upto;
            }
        }
        Ok(())
    }

    /// Leaf hashes `[start, end)` (leaf `i` is chain link `i + 1`).
    async fn leaves(&self, tenant_id: &str, start: u64, end: u64) -> Result<Vec<Digest32>> {
        let entries = self.entries(tenant_id, start, end).await?;
        Ok(entries.iter().map(|e| leaf_hash(&e.0)).collect())
    }

    /// The log's entries `[start, end)`: the content hashes of counted responses.
    pub(crate) async fn entries(
        &self,
        tenant_id: &str,
        start: u64,
        end: u64,
    ) -> Result<Vec<Digest32>> {
        let rows = sqlx::query(
            "SELECT content_hash FROM chain_links WHERE tenant_id = $1 AND seq > $2 AND seq <= $3
             ORDER BY seq",
        )
        .bind(tenant_id)
        .bind(start as i64)
        .bind(end as i64)
        .fetch_all(&self.reader)
        .await?;
        if rows.len() as u64 != end - start {
            return Err(StoreError::Corrupt(format!(
                "the log lacks leaves between {start} and {end}"
            )));
        }
        rows.iter()
            .map(|row| digest(&row.try_get::<String, _>("content_hash")?))
            .collect()
    }

    /// The hashes of the complete subtrees of `2^level` leaves numbered `[first, end)`:
    /// leaves at level 0, stored tiles at 8 and 16. A tile not stored (not caught up yet, or
    /// deleted) is computed from the level below, so no request reads more than a few
    /// thousand rows.
    pub(crate) async fn nodes(
        &self,
        tenant_id: &str,
        level: u32,
        first: u64,
        end: u64,
    ) -> Result<Vec<Digest32>> {
        if level == 0 {
            return self.leaves(tenant_id, first, end).await;
        }
        let rows = sqlx::query(
            "SELECT idx, hash FROM log_tiles WHERE tenant_id = $1 AND level = $2 AND idx >= $3 AND idx < $4
             ORDER BY idx",
        )
        .bind(tenant_id)
        .bind(i64::from(level))
        .bind(first as i64)
        .bind(end as i64)
        .fetch_all(&self.reader)
        .await?;
        let mut stored = HashMap::with_capacity(rows.len());
        for row in &rows {
            let idx = crate::to_u64(row.try_get("idx")?)?;
            stored.insert(idx, digest(&row.try_get::<String, _>("hash")?)?);
        }
        let mut nodes = Vec::with_capacity((end - first) as usize);
        for idx in first..end {
            let node = match stored.get(&idx) {
                Some(hash) => *hash,
                None => {
                    let below = Box::pin(self.nodes(
                        tenant_id,
                        level - TILE_HEIGHT,
                        idx * TILE_WIDTH,
                        (idx + 1) * TILE_WIDTH,
                    ))
                    .await?;
                    perfect_root(&below).ok_or_else(|| StoreError::Corrupt("subtree".into()))?
                }
            };
            nodes.push(node);
        }
        Ok(nodes)
    }

    /// The hash of a complete, aligned subtree of `2^height` leaves from `start`, from the
    /// highest stored level it spans.
    async fn full_subtree(&self, tenant_id: &str, start: u64, height: u32) -> Result<Digest32> {
        let level = LEVELS.into_iter().rev().find(|l| *l <= height).unwrap_or(0);
        let first = start >> level;
        let count = 1u64 << (height - level);
        let nodes = self.nodes(tenant_id, level, first, first + count).await?;
        perfect_root(&nodes).ok_or_else(|| StoreError::Corrupt("subtree".into()))
    }

    /// MTH of leaves `[start, end)` of an RFC 9162 tree (a range its recursion visits).
    async fn range_root(&self, tenant_id: &str, start: u64, end: u64) -> Result<Digest32> {
        let mut parts = Vec::new();
        merkle::full_subtrees(start, end, &mut parts);
        let mut hashes = HashMap::new();
        for &(s, h) in &parts {
            hashes.insert((s, h), self.full_subtree(tenant_id, s, h).await?);
        }
        merkle::combine(start, end, &hashes)
            .ok_or_else(|| StoreError::Corrupt("a subtree hash is missing".into()))
    }

    /// What a receipt stands for now (see [`ReceiptStatus`]), proved against the newest head
    /// `witnessed` cosigned (signed with `key`), or the newest signed head without witnesses.
    pub async fn receipt_status(
        &self,
        tenant_id: &str,
        receipt: &str,
        key: &PublicKey,
        witnessed: Witnessed<'_>,
    ) -> Result<ReceiptStatus> {
        let row = sqlx::query(
            "SELECT r.received_at_us, r.unit_id, l.seq, l.content_hash FROM responses r
             LEFT JOIN chain_links l ON l.tenant_id = r.tenant_id AND l.response_id = r.response_id
             WHERE r.tenant_id = $1 AND r.receipt = $2",
        )
        .bind(tenant_id)
        .bind(receipt)
        .fetch_optional(&self.reader)
        .await?;
        let Some(row) = row else {
            return Ok(ReceiptStatus::Unknown);
        };
        let Some(seq) = row.try_get::<Option<i64>, _>("seq")? else {
            return Ok(ReceiptStatus::UnderReview);
        };
        let index = crate::to_u64(seq - 1)?;
        let leaf = leaf_hash(&digest(&row.try_get::<String, _>("content_hash")?)?.0);
        let head = match witnessed.quorum {
            0 => self.latest_head(tenant_id).await?,
            _ => self
                .cosigned_checkpoint(tenant_id, key, witnessed)
                .await?
                .map(|c| c.head),
        };
        let proof = match head {
            Some(head) if head.head.size > index => {
                let ranges = inclusion_ranges(index, head.head.size)
                    .ok_or_else(|| StoreError::Corrupt("proof ranges".into()))?;
                let mut path = Vec::with_capacity(ranges.len());
                for (start, end) in ranges {
                    path.push(self.range_root(tenant_id, start, end).await?);
                }
                Some((head, path))
            }
            _ => None,
        };
        Ok(ReceiptStatus::Counted {
            received_at: crate::from_micros(row.try_get("received_at_us")?)?,
            unit_id: row.try_get("unit_id")?,
            index,
            leaf,
            proof,
        })
    }
}

/// Checks signed heads against the log as `suara verify` recomputed it: every head must be
/// signed by the key, and the tree the chain holds must have had each head's root at its
/// size. `roots` are the recomputed roots at those sizes (see [`RootsAt`]); `length` the
/// leaves that verified.
pub(crate) fn check_heads(
    heads: &[(String, SignedHead)],
    key: &PublicKey,
    roots: &RootsAt,
    length: u64,
) -> LogReport {
    let mut report = LogReport::default();
    // Two validly signed heads of one size with different roots: the key signed two
    // histories (a split view), whichever of them the chain holds now.
    let mut by_size: HashMap<u64, &(String, SignedHead)> = HashMap::new();
    for entry in heads.iter().filter(|(_, h)| h.check(key).is_ok()) {
        let seen = by_size.entry(entry.1.head.size).or_insert(entry);
        if seen.1.head.root != entry.1.head.root {
            report.problem = Some(format!(
                "split view: the head signed {} and the head signed {} both cover {} leaves, with different roots",
                seen.0, entry.0, entry.1.head.size
            ));
            return report;
        }
    }
    for (place, signed) in heads {
        report.heads_checked += 1;
        let problem = if signed.check(key).is_err() {
            Some(format!(
                "the signed head of {} leaves {place} does not carry the signing key's signature",
                signed.head.size
            ))
        } else if signed.head.size > length {
            let size = signed.head.size;
            Some(match signed.head.log {
                LogKind::Responses => format!(
                    "the log holds {length} leaves, but a head signed {place} covers {size}: responses were removed or the log was rolled back"
                ),
                LogKind::Audit => format!(
                    "the audit chain holds {length} entries, but a head of it signed {place} covers {size}: audit entries were removed or the chain was rolled back"
                ),
            })
        } else if roots.0.get(&signed.head.size) != Some(&signed.head.root) {
            let size = signed.head.size;
            Some(match signed.head.log {
                LogKind::Responses => format!(
                    "the first {size} leaves no longer give the root signed {place}: counted responses were changed or re-hashed"
                ),
                LogKind::Audit => format!(
                    "the first {size} audit entries no longer end in the link signed {place}: audit entries were changed or re-linked"
                ),
            })
        } else {
            None
        };
        if problem.is_some() {
            report.problem = problem;
            break;
        }
    }
    report
}

/// Roots of the log recomputed at chosen sizes while walking the chain.
#[derive(Debug, Default)]
pub(crate) struct RootsAt(pub HashMap<u64, Digest32>);

impl RootsAt {
    /// A frontier and the sizes wanted; call [`RootsAt::visit`] after each leaf.
    pub fn visit(&mut self, frontier: &Frontier, wanted: &std::collections::HashSet<u64>) {
        if wanted.contains(&frontier.size()) {
            self.0.insert(frontier.size(), frontier.root());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use suara_domain::integrity::merkle::leaf_hash;

    fn head(key: &LogKey, size: u64, root: Digest32) -> SignedHead {
        TreeHead {
            log: LogKind::Responses,
            tenant_id: "t1".into(),
            size,
            root,
            signed_at_ms: 1,
        }
        .sign(key)
    }

    #[test]
    fn two_signed_heads_of_one_size_with_different_roots_are_a_split_view() {
        let key = LogKey::from_seed([7; 32]);
        let (a, b) = (leaf_hash(b"a"), leaf_hash(b"b"));
        let roots = RootsAt([(1, a)].into());
        let heads = vec![
            ("in the database".to_string(), head(&key, 1, a)),
            ("in the file beside the key".to_string(), head(&key, 1, b)),
        ];
        let problem = check_heads(&heads, &key.public(), &roots, 1)
            .problem
            .unwrap();
        assert!(problem.starts_with("split view"), "{problem}");
        // A head another key signed is no split view, only a bad signature.
        let other = LogKey::from_seed([8; 32]);
        let heads = vec![
            ("in the database".to_string(), head(&key, 1, a)),
            ("in the file beside the key".to_string(), head(&other, 1, b)),
        ];
        let problem = check_heads(&heads, &key.public(), &roots, 1)
            .problem
            .unwrap();
        assert!(problem.contains("signing key's signature"), "{problem}");
    }
}
