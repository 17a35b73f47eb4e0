//! The per-regency secret that anomaly signals (networks, devices) are hashed with, so a
//! ticket's issue and a response's arrival can be compared within a day and never reversed.

use rand::RngCore;
use sqlx::AnyConnection;
use time::OffsetDateTime;

use crate::Result;

/// The regency's secret, made on first use.
pub(crate) async fn secret(conn: &mut AnyConnection, tenant_id: &str) -> Result<String> {
    const READ: &str = "SELECT secret FROM signal_secrets WHERE tenant_id = $1";
    // Made once per tenant; every later response only reads it.
    let stored: Option<String> = sqlx::query_scalar(READ)
        .bind(tenant_id)
        .fetch_optional(&mut *conn)
        .await?;
    if let Some(secret) = stored {
        return Ok(secret);
    }
    make_secret(conn, tenant_id).await?;
    Ok(sqlx::query_scalar(READ)
        .bind(tenant_id)
        .fetch_one(&mut *conn)
        .await?)
}

/// Makes the tenant's secret unless it has one. A new tenant gets it in the transaction that
/// creates it: made lazily inside two servers' group commits, each holding several
/// regencies' responses, two secrets could be inserted in opposite orders and deadlock.
pub(crate) async fn make_secret(conn: &mut AnyConnection, tenant_id: &str) -> Result<()> {
    let mut bytes = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut bytes);
    let fresh: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    sqlx::query("INSERT INTO signal_secrets (tenant_id, secret) VALUES ($1, $2) ON CONFLICT (tenant_id) DO NOTHING")
        .bind(tenant_id)
        .bind(&fresh)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// SHA-256 of secret, day and value: linkable within a day, not across days, and not
/// reversible to an address without the database's secret. The day is the UTC day of `at`,
/// whatever offset `at` carries, so a ticket's issue and its answer hash alike.
pub(crate) fn signal_hash(secret: &str, at: OffsetDateTime, kind: &str, value: &str) -> String {
    use sha2::{Digest, Sha256};
    let day = at.to_offset(time::UtcOffset::UTC).date();
    let digest = Sha256::digest(format!("{secret}|{day}|{kind}|{value}").as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}
