//! The log as the transparency ecosystem reads it (`suara_domain::integrity::checkpoint`):
//! each signed head's checkpoint, the witnesses' cosignatures of it, and the log's tiles and
//! entry bundles (`c2sp.org/tlog-tiles`), read from the same leaves and stored subtree
//! hashes as the receipts' proofs.

use sqlx::Row;
use suara_domain::integrity::checkpoint::{self, KnownKey};
use suara_domain::integrity::merkle::{TILE_HEIGHT, TILE_WIDTH};
use suara_domain::integrity::signed_head::{LogKey, PublicKey, SignedHead};

use crate::{Result, Store, StoreError, Witnessed};

/// A witness's cosignature of one checkpoint, as it answered it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cosignature {
    /// The witness's key name.
    pub witness: String,
    /// The signature line (`— NAME base64…\n`).
    pub line: String,
    /// When the witness says it cosigned (POSIX seconds × 1000).
    pub cosigned_at_ms: i64,
}

/// A signed head with its checkpoint and the cosignatures gathered for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredCheckpoint {
    pub head: SignedHead,
    /// The checkpoint signed by the log's key alone.
    pub note: String,
    pub cosignatures: Vec<Cosignature>,
}

impl StoredCheckpoint {
    /// The checkpoint with only the cosignatures that verify with `witnesses`, appended to
    /// its note (as served): a line edited in the database, or a witness no longer trusted,
    /// is dropped rather than making the checkpoint fail for every verifier.
    pub fn verified(&self, witnesses: &[KnownKey]) -> StoredCheckpoint {
        let lines: Vec<String> = self.cosignatures.iter().map(|c| c.line.clone()).collect();
        let (note, kept) = checkpoint::keep_verified(&self.note, &lines, witnesses);
        let cosignatures = self
            .cosignatures
            .iter()
            .filter(|c| kept.contains(&c.line))
            .cloned()
            .collect();
        StoredCheckpoint {
            head: self.head.clone(),
            note,
            cosignatures,
        }
    }
}

impl Store {
    /// Keeps the head's checkpoint beside it (signed with the same key).
    pub(crate) async fn keep_checkpoint(&self, head: &SignedHead, key: &LogKey) -> Result<()> {
        let note = checkpoint::checkpoint(&head.head, key)
            .map_err(|e| StoreError::Corrupt(e.to_string()))?;
        sqlx::query("UPDATE log_heads SET checkpoint = $3 WHERE tenant_id = $1 AND tree_size = $2")
            .bind(&head.head.tenant_id)
            .bind(head.head.size as i64)
            .bind(note)
            .execute(&self.writer)
            .await?;
        Ok(())
    }

    /// Gives the latest head its checkpoint when it was signed before checkpoints existed,
    /// once its signature is checked: nothing the key did not sign is signed again.
    pub async fn complete_checkpoint(&self, tenant_id: &str, key: &LogKey) -> Result<()> {
        let Some(head) = self.latest_head(tenant_id).await? else {
            return Ok(());
        };
        let missing: Option<String> = sqlx::query_scalar(
            "SELECT checkpoint FROM log_heads WHERE tenant_id = $1 AND tree_size = $2",
        )
        .bind(tenant_id)
        .bind(head.head.size as i64)
        .fetch_one(&self.reader)
        .await?;
        if missing.is_none() && head.check(&key.public()).is_ok() {
            self.keep_checkpoint(&head, key).await?;
        }
        Ok(())
    }

    /// Checkpoints of the log, largest first: `limit` of those smaller than `below`, each
    /// with its cosignatures. Heads signed before checkpoints existed have none and are left
    /// out.
    pub async fn checkpoints(
        &self,
        tenant_id: &str,
        below: Option<u64>,
        limit: i64,
    ) -> Result<Vec<StoredCheckpoint>> {
        let below = below.map_or(i64::MAX, |b| i64::try_from(b).unwrap_or(i64::MAX));
        let heads = self
            .heads_below(tenant_id, Some(below as u64), limit)
            .await?;
        let (Some(smallest), Some(largest)) = (heads.last(), heads.first()) else {
            return Ok(Vec::new());
        };
        let rows = sqlx::query(
            "SELECT tree_size, checkpoint FROM log_heads
             WHERE tenant_id = $1 AND tree_size >= $2 AND tree_size <= $3 AND checkpoint IS NOT NULL",
        )
        .bind(tenant_id)
        .bind(smallest.head.size as i64)
        .bind(largest.head.size as i64)
        .fetch_all(&self.reader)
        .await?;
        let mut notes = std::collections::HashMap::new();
        for row in &rows {
            let size = crate::to_u64(row.try_get("tree_size")?)?;
            notes.insert(size, row.try_get::<String, _>("checkpoint")?);
        }
        let mut cosignatures = self
            .cosignatures(tenant_id, smallest.head.size, largest.head.size)
            .await?;
        Ok(heads
            .into_iter()
            .filter_map(|head| {
                let note = notes.remove(&head.head.size)?;
                let cosignatures = cosignatures.remove(&head.head.size).unwrap_or_default();
                Some(StoredCheckpoint {
                    head,
                    note,
                    cosignatures,
                })
            })
            .collect())
    }

    /// The newest checkpoint.
    pub async fn latest_checkpoint(&self, tenant_id: &str) -> Result<Option<StoredCheckpoint>> {
        Ok(self.checkpoints(tenant_id, None, 1).await?.pop())
    }

    async fn cosignatures(
        &self,
        tenant_id: &str,
        from: u64,
        to: u64,
    ) -> Result<std::collections::HashMap<u64, Vec<Cosignature>>> {
        let rows = sqlx::query(
            "SELECT tree_size, witness, line, cosigned_at_ms FROM log_cosignatures
             WHERE tenant_id = $1 AND tree_size >= $2 AND tree_size <= $3 ORDER BY witness",
        )
        .bind(tenant_id)
        .bind(from as i64)
        .bind(to as i64)
        .fetch_all(&self.reader)
        .await?;
        let mut by_size: std::collections::HashMap<u64, Vec<Cosignature>> = Default::default();
        for row in &rows {
            by_size
                .entry(crate::to_u64(row.try_get("tree_size")?)?)
                .or_default()
                .push(Cosignature {
                    witness: row.try_get("witness")?,
                    line: row.try_get("line")?,
                    cosigned_at_ms: row.try_get("cosigned_at_ms")?,
                });
        }
        Ok(by_size)
    }

    /// Keeps a witness's cosignature of the checkpoint of `size` leaves (checked by the
    /// caller against the witness's key).
    pub async fn add_cosignature(&self, tenant_id: &str, size: u64, c: &Cosignature) -> Result<()> {
        sqlx::query(
            "INSERT INTO log_cosignatures (tenant_id, tree_size, witness, line, cosigned_at_ms)
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (tenant_id, tree_size, witness) DO NOTHING",
        )
        .bind(tenant_id)
        .bind(size as i64)
        .bind(&c.witness)
        .bind(&c.line)
        .bind(c.cosigned_at_ms)
        .execute(&self.writer)
        .await?;
        Ok(())
    }

    /// The newest checkpoint that `witnessed.quorum` of its witnesses cosigned, with only
    /// the cosignatures that verify kept: its head's signature is checked with `key` and
    /// every cosignature with its witness's key, so rows written into the database without
    /// the keys count for nothing.
    pub async fn cosigned_checkpoint(
        &self,
        tenant_id: &str,
        key: &PublicKey,
        witnessed: Witnessed<'_>,
    ) -> Result<Option<StoredCheckpoint>> {
        let sizes: Vec<i64> = sqlx::query_scalar(
            "SELECT tree_size FROM log_cosignatures WHERE tenant_id = $1
             GROUP BY tree_size HAVING COUNT(*) >= $2 ORDER BY tree_size DESC LIMIT 16",
        )
        .bind(tenant_id)
        .bind(i64::try_from(witnessed.quorum).unwrap_or(i64::MAX))
        .fetch_all(&self.reader)
        .await?;
        let log = KnownKey::log(tenant_id, key);
        for size in sizes {
            let size = crate::to_u64(size)?;
            let Some(found) = self.checkpoints(tenant_id, Some(size + 1), 1).await?.pop() else {
                continue;
            };
            if found.head.head.size != size || found.head.check(key).is_err() {
                continue;
            }
            let verified = found.verified(witnessed.witnesses);
            let holds = checkpoint::verify(verified.note.as_bytes(), &log, witnessed.witnesses)
                .and_then(|v| v.require(witnessed.quorum))
                .is_ok();
            if holds {
                return Ok(Some(verified));
            }
        }
        Ok(None)
    }

    /// The log's position of the last counted response of `month` (0: none).
    pub(crate) async fn last_leaf_of(&self, tenant_id: &str, month: &str) -> Result<u64> {
        let seq: Option<i64> = sqlx::query_scalar(
            "SELECT MAX(l.seq) FROM chain_links l JOIN responses r
               ON r.tenant_id = l.tenant_id AND r.response_id = l.response_id
             WHERE l.tenant_id = $1 AND r.period_month = $2",
        )
        .bind(tenant_id)
        .bind(month)
        .fetch_one(&self.reader)
        .await?;
        crate::to_u64(seq.unwrap_or(0))
    }

    /// Whether any witness has cosigned this log (a payroll run must then point to their
    /// checkpoint, which only the server, knowing the witnesses, can choose).
    pub async fn witnessed(&self, tenant_id: &str) -> Result<bool> {
        let any: Option<i64> = sqlx::query_scalar(
            "SELECT tree_size FROM log_cosignatures WHERE tenant_id = $1 LIMIT 1",
        )
        .bind(tenant_id)
        .fetch_optional(&self.reader)
        .await?;
        Ok(any.is_some())
    }

    /// The largest tree `witness` cosigned for this log (0: none), where a request to it starts.
    pub async fn witnessed_size(&self, tenant_id: &str, witness: &str) -> Result<u64> {
        let size: Option<i64> = sqlx::query_scalar(
            "SELECT MAX(tree_size) FROM log_cosignatures WHERE tenant_id = $1 AND witness = $2",
        )
        .bind(tenant_id)
        .bind(witness)
        .fetch_one(&self.reader)
        .await?;
        crate::to_u64(size.unwrap_or(0))
    }

    /// Tile `index` of `level` (`c2sp.org/tlog-tiles`), `width` hashes wide, if the tree of
    /// `size` leaves (the latest signed) holds all of it.
    pub async fn tile(
        &self,
        tenant_id: &str,
        level: u32,
        index: u64,
        width: u64,
        size: u64,
    ) -> Result<Option<Vec<u8>>> {
        let Some((first, end)) = tile_span(level, index, width, size) else {
            return Ok(None);
        };
        let nodes = self
            .nodes(tenant_id, level * TILE_HEIGHT, first, end)
            .await?;
        Ok(Some(nodes.iter().flat_map(|n| n.0).collect()))
    }

    /// Entry bundle `index`, `width` entries wide: each entry is a leaf's 32 bytes (the
    /// response's content hash), after its length as two big-endian bytes.
    pub async fn entry_bundle(
        &self,
        tenant_id: &str,
        index: u64,
        width: u64,
        size: u64,
    ) -> Result<Option<Vec<u8>>> {
        let Some((first, end)) = tile_span(0, index, width, size) else {
            return Ok(None);
        };
        let entries = self.entries(tenant_id, first, end).await?;
        let mut bundle = Vec::with_capacity(entries.len() * 34);
        for entry in &entries {
            bundle.extend_from_slice(&32u16.to_be_bytes());
            bundle.extend_from_slice(&entry.0);
        }
        Ok(Some(bundle))
    }
}

/// The nodes `[first, end)` of tree level `8 × level` a tile holds, if a tree of `size`
/// leaves holds them all (a partial tile only at the tree's right edge).
fn tile_span(level: u32, index: u64, width: u64, size: u64) -> Option<(u64, u64)> {
    if level > 7 || !(1..=TILE_WIDTH).contains(&width) {
        return None;
    }
    let nodes_at_level = size >> (level * TILE_HEIGHT);
    let first = index.checked_mul(TILE_WIDTH)?;
    let end = first.checked_add(width)?;
    let complete = width == TILE_WIDTH && end <= nodes_at_level;
    // A partial tile of any width the signed tree holds: an older checkpoint's, too.
    let partial = width < TILE_WIDTH && end <= nodes_at_level;
    (complete || partial).then_some((first, end))
}

#[cfg(test)]
mod tests {
    use super::tile_span;

    #[test]
    fn tiles_exist_as_the_tree_of_the_latest_head_holds_them() {
        // The specification's example: a tree of 70,000 leaves.
        assert_eq!(tile_span(0, 272, 256, 70_000), Some((69_632, 69_888)));
        assert_eq!(tile_span(0, 273, 112, 70_000), Some((69_888, 70_000)));
        assert_eq!(tile_span(0, 273, 256, 70_000), None);
        assert_eq!(tile_span(0, 273, 111, 70_000), Some((69_888, 69_999)));
        assert_eq!(tile_span(0, 273, 113, 70_000), None);
        assert_eq!(tile_span(1, 0, 256, 70_000), Some((0, 256)));
        assert_eq!(tile_span(1, 1, 17, 70_000), Some((256, 273)));
        assert_eq!(tile_span(2, 0, 1, 70_000), Some((0, 1)));
        assert_eq!(tile_span(2, 0, 2, 70_000), None);
        assert_eq!(tile_span(0, u64::MAX, 256, 70_000), None);
        assert_eq!(tile_span(0, 0, 0, 70_000), None);
        assert_eq!(tile_span(9, 0, 1, u64::MAX), None);
    }
}
