//! Every bank transfer file made is recorded in the audit chain: which run, how many payees,
//! the net total and the file's SHA-256, so the copy the bank received can be checked
//! against the one finance made, and a second file for a month is seen.

use sha2::{Digest, Sha256};
use suara_domain::period::Month;
use time::OffsetDateTime;

use crate::audit::{self, AuditRecord};
use crate::{Result, Store};

/// A bank transfer file as made, for its record.
pub struct BankFile<'a> {
    pub month: Month,
    pub version: i64,
    pub payees: usize,
    /// The sum of the net amounts, whole rupiah.
    pub total: u64,
    pub bytes: &'a [u8],
}

impl Store {
    /// Records that `actor` made `file`; the file is handed out only after this commits.
    pub async fn record_bank_file(
        &self,
        tenant_id: &str,
        file: &BankFile<'_>,
        actor: &str,
        at: OffsetDateTime,
    ) -> Result<()> {
        let sha256: String = Sha256::digest(file.bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        let after = serde_json::json!({
            "month": file.month.to_string(),
            "version": file.version,
            "payees": file.payees,
            "total": file.total,
            "sha256": sha256,
        });
        let mut tx = self.writer.begin().await?;
        audit::append(
            &mut tx,
            self,
            &AuditRecord {
                tenant_id,
                at,
                actor,
                action: "create",
                entity: "tpp_bank_file",
                entity_id: format!("{} v{}", file.month, file.version),
                before: None,
                after: Some(after.to_string()),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}
