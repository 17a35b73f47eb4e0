//! The append-only audit log of administrative changes: who, when, what, before and after.
//! The database refuses updates and deletes of it (triggers in the migration), and each
//! entry is a link of the signed audit chain (`audit_chain.rs`), so one who drops the
//! triggers and rewrites it is still seen by `suara verify`.

use sqlx::{AnyConnection, Row};
use time::OffsetDateTime;

pub(crate) use crate::audit_chain::AuditRecord;
use crate::entry_codes::BEGUN;
use crate::{Result, Store};

/// Who writes, for which regency and when: the three values every audited write carries.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Actor<'a> {
    pub tenant_id: &'a str,
    pub actor: &'a str,
    pub at: time::OffsetDateTime,
}

impl Actor<'_> {
    /// The audited write's second half: after a record's SQL, in the same transaction, the
    /// audit entry of its creation (no `before`) or update, linked into the signed chain.
    pub(crate) async fn record_change(
        self,
        conn: &mut AnyConnection,
        keys: &Store,
        entity: &str,
        entity_id: &str,
        before: Option<String>,
        after: String,
    ) -> Result<()> {
        let action = if before.is_some() { "update" } else { "create" };
        append(
            conn,
            keys,
            &AuditRecord {
                tenant_id: self.tenant_id,
                at: self.at,
                actor: self.actor,
                action,
                entity,
                entity_id: entity_id.to_string(),
                before,
                after: Some(after),
            },
        )
        .await
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AuditEntry {
    pub audit_id: i64,
    pub at: OffsetDateTime,
    pub actor: String,
    pub action: String,
    pub entity: String,
    pub entity_id: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

/// Appends an entry and links it to the regency's audit chain, in the caller's transaction.
/// The link is authenticated with `keys`' key for the regency ([`Store::entry_key`]).
pub(crate) async fn append(
    conn: &mut AnyConnection,
    keys: &Store,
    record: &AuditRecord<'_>,
) -> Result<()> {
    let key = keys.entry_key(record.tenant_id)?;
    let audit_id: i64 = sqlx::query_scalar(
        "INSERT INTO audit_log (tenant_id, at_us, actor, action, entity, entity_id, before_json, after_json)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING audit_id",
    )
    .bind(record.tenant_id)
    .bind(crate::micros(record.at))
    .bind(record.actor)
    .bind(record.action)
    .bind(record.entity)
    .bind(&record.entity_id)
    .bind(&record.before)
    .bind(&record.after)
    .fetch_one(&mut *conn)
    .await?;
    let content = crate::audit_chain::entry_hash(record);
    crate::audit_chain::link(conn, record.tenant_id, &[(audit_id, content)], key.as_ref()).await
}

impl Store {
    /// The latest entries first, `limit` of them, older than `before_id` when given.
    pub async fn audit_log(
        &self,
        tenant_id: &str,
        before_id: Option<i64>,
        limit: u32,
    ) -> Result<Vec<AuditEntry>> {
        self.audit_search(tenant_id, "", before_id, limit).await
    }

    /// Entries whose actor, record, action or before/after text contains `words` (any case;
    /// empty: every entry), newest first, older than `before_id`.
    pub async fn audit_search(
        &self,
        tenant_id: &str,
        words: &str,
        before_id: Option<i64>,
        limit: u32,
    ) -> Result<Vec<AuditEntry>> {
        // Typed `%`, `_` and `\` are matched as themselves.
        let escaped: String = words
            .trim()
            .to_lowercase()
            .chars()
            .flat_map(|c| match c {
                '%' | '_' | '\\' => vec!['\\', c],
                c => vec![c],
            })
            .collect();
        let rows = sqlx::query(
            "SELECT audit_id, at_us, actor, action, entity, entity_id, before_json, after_json
             FROM audit_log WHERE tenant_id = $1 AND audit_id < $2
               AND ($4 = '' OR LOWER(actor) LIKE $5 ESCAPE '\\' OR LOWER(entity_id) LIKE $5 ESCAPE '\\'
                    OR LOWER(entity) LIKE $5 ESCAPE '\\' OR LOWER(action) LIKE $5 ESCAPE '\\'
                    OR LOWER(COALESCE(before_json, '')) LIKE $5 ESCAPE '\\'
                    OR LOWER(COALESCE(after_json, '')) LIKE $5 ESCAPE '\\')
             ORDER BY audit_id DESC LIMIT $3",
        )
        .bind(tenant_id)
        .bind(before_id.unwrap_or(i64::MAX))
        .bind(i64::from(limit))
        .bind(escaped.clone())
        .bind(format!("%{escaped}%"))
        .fetch_all(&self.reader)
        .await?;
        rows.iter()
            .map(|row| {
                Ok(AuditEntry {
                    audit_id: row.try_get("audit_id")?,
                    at: crate::from_micros(row.try_get("at_us")?)?,
                    actor: row.try_get("actor")?,
                    action: row.try_get("action")?,
                    entity: row.try_get("entity")?,
                    entity_id: row.try_get("entity_id")?,
                    before: row.try_get("before_json")?,
                    after: row.try_get("after_json")?,
                })
            })
            .collect()
    }
}

/// Beginning entry codes is itself an audited write, so it lives with the audit log.
impl Store {
    /// Records, once per regency, that this server writes entry codes from now on: an audit
    /// entry (itself coded) naming the first link of the responses' log that must carry one.
    /// Until then a log that ends in links written before codes existed could be grown by
    /// someone without the key, and the next head would vouch for it.
    pub async fn begin_entry_codes(&self, tenant_id: &str, at: OffsetDateTime) -> Result<()> {
        if self.entry_key(tenant_id)?.is_none() {
            return Ok(());
        }
        let begun: Option<i64> = sqlx::query_scalar(
            "SELECT 1 FROM audit_log WHERE tenant_id = $1 AND entity = $2 LIMIT 1",
        )
        .bind(tenant_id)
        .bind(BEGUN)
        .fetch_optional(&self.reader)
        .await?;
        if begun.is_some() {
            return Ok(());
        }
        // Two servers beginning at once write two entries; the first one counts.
        let mut tx = self.writer.begin().await?;
        let size: Option<i64> =
            sqlx::query_scalar("SELECT seq FROM chain_heads WHERE tenant_id = $1")
                .bind(tenant_id)
                .fetch_optional(&mut *tx)
                .await?;
        let record = AuditRecord {
            tenant_id,
            at,
            actor: "system",
            action: "begin",
            entity: BEGUN,
            entity_id: tenant_id.to_string(),
            before: None,
            after: Some(serde_json::json!({ "responses_from": size.unwrap_or(0) + 1 }).to_string()),
        };
        append(&mut tx, self, &record).await?;
        tx.commit().await?;
        Ok(())
    }
}
