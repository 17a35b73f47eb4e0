//! Entry authentication codes of new links (rules in `suara_domain::integrity::entry_code`):
//! what a writer without the key may do, and the check before signing and in `verify`.

use sqlx::{AnyConnection, AnyPool, Row};
use suara_domain::integrity::chain::Digest32;
use suara_domain::integrity::entry_code::{CodeWalk, EntryKey, Unauthenticated};
use suara_domain::integrity::signed_head::LogKind;

use crate::{Result, StoreError};

fn table(log: LogKind) -> &'static str {
    match log {
        LogKind::Responses => "chain_links",
        LogKind::Audit => "audit_links",
    }
}

/// Whether any link of `log` up to `seq` carries a code: the last one usually does; a
/// link someone appended without one must not let a keyless writer continue.
async fn any_coded(
    conn: &mut AnyConnection,
    log: LogKind,
    tenant_id: &str,
    seq: i64,
) -> Result<bool> {
    if coded(conn, log, tenant_id, seq).await? {
        return Ok(true);
    }
    let any: Option<i64> = sqlx::query_scalar(&format!(
        "SELECT 1 FROM {} WHERE tenant_id = $1 AND entry_code IS NOT NULL LIMIT 1",
        table(log)
    ))
    .bind(tenant_id)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(any.is_some())
}

/// Whether link `seq` of `log` carries a code (`false` for the empty start).
async fn coded(conn: &mut AnyConnection, log: LogKind, tenant_id: &str, seq: i64) -> Result<bool> {
    if seq == 0 {
        return Ok(false);
    }
    let code: Option<Option<String>> = sqlx::query_scalar(&format!(
        "SELECT entry_code FROM {} WHERE tenant_id = $1 AND seq = $2",
        table(log)
    ))
    .bind(tenant_id)
    .bind(seq)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(code.flatten().is_some())
}

/// The key new links after link `last` are written with; a writer without one may add
/// links only while the log carries no codes (before the first server with a key wrote).
pub(crate) async fn writing_key<'k>(
    conn: &mut AnyConnection,
    log: LogKind,
    tenant_id: &str,
    last: i64,
    key: Option<&'k EntryKey>,
) -> Result<Option<&'k EntryKey>> {
    if key.is_none() && any_coded(conn, log, tenant_id, last).await? {
        return Err(StoreError::NoEntryKey(tenant_id.to_string()));
    }
    Ok(key)
}

/// Links read per query while checking.
const PAGE: i64 = 5000;

/// The first link after link `after` of `log` that the key's holder did not write.
pub(crate) async fn first_unauthenticated(
    reader: &AnyPool,
    log: LogKind,
    tenant_id: &str,
    after: u64,
    key: &EntryKey,
) -> Result<Option<Unauthenticated>> {
    let mut conn = reader.acquire().await?;
    let required_from = required_from(&mut conn, log, tenant_id).await?;
    let mut from = after as i64;
    let after_coded = coded(&mut conn, log, tenant_id, from).await?;
    let mut walk = CodeWalk::new(key.clone(), log, after_coded, required_from);
    loop {
        let rows = sqlx::query(&format!(
            "SELECT seq, link_hash, entry_code FROM {} WHERE tenant_id = $1 AND seq > $2
             ORDER BY seq LIMIT $3",
            table(log)
        ))
        .bind(tenant_id)
        .bind(from)
        .bind(PAGE)
        .fetch_all(&mut *conn)
        .await?;
        let Some(last) = rows.last() else {
            return Ok(None);
        };
        from = last.try_get("seq")?;
        for row in &rows {
            let seq = crate::to_u64(row.try_get("seq")?)?;
            let text: String = row.try_get("link_hash")?;
            let link = Digest32::from_hex(&text)
                .ok_or_else(|| StoreError::Corrupt(format!("hash '{text}'")))?;
            let code: Option<String> = row.try_get("entry_code")?;
            if let Err(problem) = walk.next(seq, &link, code.as_deref()) {
                return Ok(Some(problem));
            }
        }
    }
}

/// What the audit entry that began codes records (see [`Store::begin_entry_codes`]).
pub(crate) const BEGUN: &str = "entry_codes";

/// Where the server began writing codes in `log`: the link from which every one must
/// carry a code, as its (coded) audit entry records.
async fn required_from(
    conn: &mut AnyConnection,
    log: LogKind,
    tenant_id: &str,
) -> Result<Option<u64>> {
    let row = sqlx::query(
        "SELECT l.seq, a.after_json FROM audit_log a
         JOIN audit_links l ON l.tenant_id = a.tenant_id AND l.audit_id = a.audit_id
         WHERE a.tenant_id = $1 AND a.entity = $2 ORDER BY a.audit_id LIMIT 1",
    )
    .bind(tenant_id)
    .bind(BEGUN)
    .fetch_optional(&mut *conn)
    .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    Ok(match log {
        LogKind::Audit => Some(crate::to_u64(row.try_get("seq")?)?),
        LogKind::Responses => {
            let after: Option<String> = row.try_get("after_json")?;
            after
                .and_then(|a| serde_json::from_str::<serde_json::Value>(&a).ok())
                .and_then(|a| a["responses_from"].as_u64())
        }
    })
}
