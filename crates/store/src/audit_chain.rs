//! The audit chain (rules in `suara_domain::integrity::audit`): each audit entry is linked
//! in the transaction that writes it, the chain's head is signed with the regency's key, and
//! `suara verify` walks it against every signed head.

use sqlx::{AnyConnection, Row};
use suara_domain::integrity::audit::{content_hash, AuditFields};
use suara_domain::integrity::chain::{link_hash, Digest32};
use suara_domain::integrity::entry_code::EntryKey;
use suara_domain::integrity::signed_head::{LogKind, SignedHead};
use time::OffsetDateTime;

use crate::log::{check_heads, LogReport, LogSigner, RootsAt};
use crate::{Result, Store, StoreError};

/// An entry to append; `before`/`after` are JSON of the changed record.
pub(crate) struct AuditRecord<'a> {
    pub tenant_id: &'a str,
    pub at: OffsetDateTime,
    pub actor: &'a str,
    pub action: &'a str,
    pub entity: &'a str,
    pub entity_id: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

fn digest(text: &str) -> Result<Digest32> {
    Digest32::from_hex(text).ok_or_else(|| StoreError::Corrupt(format!("hash '{text}'")))
}

/// The content hash of an audit row as stored (its `audit_log` columns).
pub(crate) fn row_hash(row: &sqlx::any::AnyRow) -> Result<Digest32> {
    let text = |column: &str| row.try_get::<String, _>(column);
    let (actor, action, entity, entity_id) = (
        text("actor")?,
        text("action")?,
        text("entity")?,
        text("entity_id")?,
    );
    let before: Option<String> = row.try_get("before_json")?;
    let after: Option<String> = row.try_get("after_json")?;
    Ok(content_hash(&AuditFields {
        at_us: row.try_get("at_us")?,
        actor: &actor,
        action: &action,
        entity: &entity,
        entity_id: &entity_id,
        before: before.as_deref(),
        after: after.as_deref(),
    }))
}

/// Links audit entries `(audit_id, content)` to the end of their regency's chain, in order.
/// The head row is locked (PostgreSQL) or the database has one writer (SQLite), so links
/// never fork; called inside the transaction that writes the entries.
pub(crate) async fn link(
    conn: &mut AnyConnection,
    tenant_id: &str,
    entries: &[(i64, Digest32)],
    key: Option<&EntryKey>,
) -> Result<()> {
    let lock = if conn.backend_name() == "PostgreSQL" {
        " FOR UPDATE"
    } else {
        ""
    };
    sqlx::query(
        "INSERT INTO audit_chain_heads (tenant_id, seq, link_hash) VALUES ($1, 0, $2)
         ON CONFLICT (tenant_id) DO NOTHING",
    )
    .bind(tenant_id)
    .bind(Digest32::GENESIS.to_hex())
    .execute(&mut *conn)
    .await?;
    let head = sqlx::query(&format!(
        "SELECT seq, link_hash FROM audit_chain_heads WHERE tenant_id = $1{lock}"
    ))
    .bind(tenant_id)
    .fetch_one(&mut *conn)
    .await?;
    let mut seq: i64 = head.try_get("seq")?;
    let mut previous = digest(&head.try_get::<String, _>("link_hash")?)?;
    let key = crate::entry_codes::writing_key(conn, LogKind::Audit, tenant_id, seq, key).await?;
    for (audit_id, content) in entries {
        seq += 1;
        previous = link_hash(&previous, seq as u64, content);
        sqlx::query(
            "INSERT INTO audit_links (tenant_id, seq, audit_id, content_hash, link_hash, entry_code)
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(tenant_id)
        .bind(seq)
        .bind(*audit_id)
        .bind(content.to_hex())
        .bind(previous.to_hex())
        .bind(key.map(|k| k.code(LogKind::Audit, seq as u64, &previous)))
        .execute(&mut *conn)
        .await?;
    }
    sqlx::query("UPDATE audit_chain_heads SET seq = $2, link_hash = $3 WHERE tenant_id = $1")
        .bind(tenant_id)
        .bind(seq)
        .bind(previous.to_hex())
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// The hash of an entry as [`crate::audit::append`] writes it.
pub(crate) fn entry_hash(record: &AuditRecord<'_>) -> Digest32 {
    content_hash(&AuditFields {
        at_us: crate::micros(record.at),
        actor: record.actor,
        action: record.action,
        entity: record.entity,
        entity_id: &record.entity_id,
        before: record.before.as_deref(),
        after: record.after.as_deref(),
    })
}

/// Links every audit entry written before the chain existed, in the order written; run
/// once, by the migration that makes the chain.
pub(crate) async fn link_existing(conn: &mut AnyConnection) -> Result<()> {
    let rows = sqlx::query(
        "SELECT tenant_id, audit_id, at_us, actor, action, entity, entity_id, before_json, after_json
         FROM audit_log ORDER BY tenant_id, audit_id",
    )
    .fetch_all(&mut *conn)
    .await?;
    let mut entries: Vec<(String, i64, Digest32)> = Vec::with_capacity(rows.len());
    for row in &rows {
        entries.push((
            row.try_get("tenant_id")?,
            row.try_get("audit_id")?,
            row_hash(row)?,
        ));
    }
    for tenant in entries.chunk_by(|a, b| a.0 == b.0) {
        let links: Vec<(i64, Digest32)> = tenant.iter().map(|(_, id, h)| (*id, *h)).collect();
        // Written before codes existed: the prefix that carries none.
        link(conn, &tenant[0].0, &links, None).await?;
    }
    Ok(())
}

/// Entries read per query while verifying.
const VERIFY_PAGE: i64 = 5000;

/// What walking the audit chain found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AuditChainReport {
    /// Entries whose links checked out.
    pub verified: u64,
    /// The first problem.
    pub problem: Option<String>,
    /// Signed heads checked.
    pub heads_checked: usize,
}

impl Store {
    /// Signs the audit chain's head when it grew since the last signed head, after checking
    /// that it extends every head it must (the newest stored one and those kept outside the
    /// database, in `signer`): the stored link at each head's length is the signed one.
    /// Returns the latest head (`None` while the chain is empty).
    pub async fn sign_audit(
        &self,
        tenant_id: &str,
        signer: &LogSigner<'_>,
        now: OffsetDateTime,
    ) -> Result<Option<SignedHead>> {
        let head = sqlx::query("SELECT seq, link_hash FROM audit_chain_heads WHERE tenant_id = $1")
            .bind(tenant_id)
            .fetch_optional(&self.reader)
            .await?;
        let latest = self.audit_heads(tenant_id, Some(1)).await?.pop();
        let Some(head) = head else {
            return Ok(latest);
        };
        let size = crate::to_u64(head.try_get("seq")?)?;
        let root = digest(&head.try_get::<String, _>("link_hash")?)?;
        if size == 0 || latest.as_ref().is_some_and(|h| h.head.size == size) {
            return Ok(latest);
        }
        let public = signer.key.public();
        let outside = signer
            .outside
            .iter()
            .filter(|h| h.head.log == LogKind::Audit);
        let mut signed = 0;
        for anchor in latest.iter().chain(outside) {
            if anchor.check(&public).is_err() {
                continue;
            }
            let at = anchor.head.size;
            signed = signed.max(at);
            if at > size {
                return Err(StoreError::NotExtending(format!(
                    "a signed head of the audit chain covers {at} entries, but the chain holds {size}: it was rolled back"
                )));
            }
            let stored: Option<String> = sqlx::query_scalar(
                "SELECT link_hash FROM audit_links WHERE tenant_id = $1 AND seq = $2",
            )
            .bind(tenant_id)
            .bind(at as i64)
            .fetch_optional(&self.reader)
            .await?;
            if stored.as_deref() != Some(anchor.head.root.to_hex().as_str()) {
                return Err(StoreError::NotExtending(format!(
                    "the audit chain no longer ends its first {at} entries in the signed link: audit entries were removed or changed"
                )));
            }
        }
        self.refuse_unauthenticated(tenant_id, LogKind::Audit, signed, signer.key)
            .await?;
        self.sign_and_store(tenant_id, LogKind::Audit, size, root, signer.key, now)
            .await
            .map(Some)
    }

    /// Stored signed heads of the audit chain, longest first (`limit` of them, or all).
    pub async fn audit_heads(
        &self,
        tenant_id: &str,
        limit: Option<i64>,
    ) -> Result<Vec<SignedHead>> {
        self.signed_heads(tenant_id, LogKind::Audit, None, limit)
            .await
    }

    /// Walks the audit chain, recomputing every entry's hash and link, and checks `heads`
    /// (with where each was found) against the links recomputed at their lengths.
    pub(crate) async fn verify_audit(
        &self,
        tenant_id: &str,
        key: Option<&suara_domain::integrity::signed_head::PublicKey>,
        heads: &[(String, SignedHead)],
    ) -> Result<AuditChainReport> {
        let wanted: std::collections::HashSet<u64> =
            heads.iter().map(|(_, h)| h.head.size).collect();
        let mut roots = RootsAt::default();
        let mut previous = Digest32::GENESIS;
        let mut verified = 0u64;
        let mut problem = None;
        'pages: loop {
            let rows = sqlx::query(
                "SELECT l.seq, l.audit_id, l.content_hash, l.link_hash, a.audit_id AS present,
                     a.at_us, a.actor, a.action, a.entity, a.entity_id, a.before_json, a.after_json
                 FROM audit_links l
                 LEFT JOIN audit_log a ON a.tenant_id = l.tenant_id AND a.audit_id = l.audit_id
                 WHERE l.tenant_id = $1 AND l.seq > $2 ORDER BY l.seq LIMIT $3",
            )
            .bind(tenant_id)
            .bind(verified as i64)
            .bind(VERIFY_PAGE)
            .fetch_all(&self.reader)
            .await?;
            if rows.is_empty() {
                break;
            }
            for row in &rows {
                let seq = crate::to_u64(row.try_get("seq")?)?;
                let id: i64 = row.try_get("audit_id")?;
                let content = digest(&row.try_get::<String, _>("content_hash")?)?;
                let next = link_hash(&previous, seq, &content);
                let found = if seq != verified + 1 {
                    Some(format!("audit chain: entry {} is missing", verified + 1))
                } else if row.try_get::<Option<i64>, _>("present")?.is_none() {
                    Some(format!(
                        "audit chain: entry {seq} (audit record {id}) was deleted"
                    ))
                } else if row_hash(row)? != content {
                    Some(format!("audit chain: entry {seq} (audit record {id}) was changed after it was written"))
                } else if next != digest(&row.try_get::<String, _>("link_hash")?)? {
                    Some(format!("audit chain: link {seq} does not follow from the one before; the chain was rewritten here"))
                } else {
                    None
                };
                if found.is_some() {
                    problem = found;
                    break 'pages;
                }
                previous = next;
                verified = seq;
                if wanted.contains(&seq) {
                    roots.0.insert(seq, previous);
                }
            }
        }
        let unlinked: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM audit_log a WHERE a.tenant_id = $1 AND NOT EXISTS
                 (SELECT 1 FROM audit_links l WHERE l.tenant_id = a.tenant_id AND l.audit_id = a.audit_id)",
        )
        .bind(tenant_id)
        .fetch_one(&self.reader)
        .await?;
        if problem.is_none() && unlinked > 0 {
            problem = Some(format!(
                "audit chain: {unlinked} audit records have no link: written behind the application's back"
            ));
        }
        roots.0.insert(0, Digest32::GENESIS);
        let log = match key {
            Some(key) => check_heads(heads, key, &roots, verified),
            None => LogReport::default(),
        };
        Ok(AuditChainReport {
            verified,
            problem: problem.or(log.problem),
            heads_checked: log.heads_checked,
        })
    }
}
