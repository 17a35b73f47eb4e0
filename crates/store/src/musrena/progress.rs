//! Progress entries of budgeted proposals: checked by the domain against the earlier ones in
//! the transaction that records them; the entry at 100 % completes the proposal in the same
//! transaction. Sending the same entry again records it once.

use sqlx::Row;
use suara_domain::musrena::lifecycle::{Action, Stage};
use suara_domain::musrena::progress::{self, Progress};
use suara_domain::musrena::proposal::PhotoType;
use time::OffsetDateTime;

use super::{apply_in, MusrenaError};
use crate::audit::{self, AuditRecord};
use crate::{corrupt, micros, money, parse_date, to_u64, Store, StoreError};

/// An entry as stored, with whether it has a photo.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredProgress {
    pub entry_no: i64,
    pub progress: Progress,
    pub has_photo: bool,
}

async fn entries(
    conn: &mut sqlx::AnyConnection,
    tenant_id: &str,
    code: &str,
) -> Result<Vec<StoredProgress>, StoreError> {
    let rows = sqlx::query(
        "SELECT entry_no, on_date, percent, spent, note, photo_type FROM musrena_progress
         WHERE tenant_id = $1 AND code = $2 ORDER BY entry_no",
    )
    .bind(tenant_id)
    .bind(code)
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(|row| {
            let percent: i64 = row.try_get("percent")?;
            Ok(StoredProgress {
                entry_no: row.try_get("entry_no")?,
                progress: Progress {
                    on: parse_date(&row.try_get::<String, _>("on_date")?)?,
                    percent: u8::try_from(percent)
                        .map_err(|_| corrupt(format!("progress {percent} %")))?,
                    spent: to_u64(row.try_get("spent")?)?,
                    note: row.try_get("note")?,
                },
                has_photo: row.try_get::<Option<String>, _>("photo_type")?.is_some(),
            })
        })
        .collect()
}

impl Store {
    /// Records a progress entry (with an optional photo whose type was checked from its
    /// bytes); returns the proposal's stage after it.
    pub async fn add_progress(
        &self,
        tenant_id: &str,
        code: &str,
        entry: &Progress,
        photo: Option<(PhotoType, &[u8])>,
        actor: &str,
        at: OffsetDateTime,
    ) -> Result<Stage, MusrenaError> {
        let mut tx = self.writer.begin().await?;
        let row = sqlx::query(
            "SELECT stage, budget_amount FROM musrena_proposals WHERE tenant_id = $1 AND code = $2",
        )
        .bind(tenant_id)
        .bind(code)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or_else(|| MusrenaError::NoSuchProposal(code.to_string()))?;
        let stage: String = row.try_get("stage")?;
        let stage = Stage::from_code(&stage).ok_or_else(|| corrupt(format!("stage '{stage}'")))?;
        let budget = row
            .try_get::<Option<i64>, _>("budget_amount")?
            .map(to_u64)
            .transpose()?
            .unwrap_or(0);
        let previous = entries(&mut tx, tenant_id, code).await?;
        // The same entry sent again (a double click, a retry) is already recorded.
        if previous.last().is_some_and(|last| last.progress == *entry) {
            return Ok(stage);
        }
        let budgeted_on: Option<String> = sqlx::query_scalar(
            "SELECT MAX(on_date) FROM musrena_steps
             WHERE tenant_id = $1 AND code = $2 AND stage_after = 'budgeted'",
        )
        .bind(tenant_id)
        .bind(code)
        .fetch_one(&mut *tx)
        .await?;
        let budgeted_on = budgeted_on
            .as_deref()
            .map(parse_date)
            .transpose()?
            .unwrap_or(time::Date::MIN);
        let kept: Vec<Progress> = previous.into_iter().map(|s| s.progress).collect();
        progress::check(stage, budget, budgeted_on, &kept, entry)?;
        sqlx::query(
            "INSERT INTO musrena_progress (tenant_id, code, entry_no, on_date, percent, spent, note,
                 photo_type, photo, actor, at_us)
             SELECT $1, $2, COALESCE(MAX(entry_no), 0) + 1, $3, $4, $5, $6, $7, $8, $9, $10
             FROM musrena_progress WHERE tenant_id = $1 AND code = $2",
        )
        .bind(tenant_id)
        .bind(code)
        .bind(entry.on.to_string())
        .bind(i64::from(entry.percent))
        .bind(money(entry.spent))
        .bind(&entry.note)
        .bind(photo.map(|(kind, _)| kind.content_type()))
        .bind(photo.map(|(_, bytes)| bytes.to_vec()))
        .bind(actor)
        .bind(micros(at))
        .execute(&mut *tx)
        .await?;
        audit::append(
            &mut tx,
            self,
            &AuditRecord {
                tenant_id,
                at,
                actor,
                action: "create",
                entity: "musrena_progress",
                entity_id: code.to_string(),
                before: None,
                after: Some(
                    serde_json::json!({
                        "on": entry.on.to_string(),
                        "percent": entry.percent,
                        "spent": entry.spent,
                        "note": entry.note,
                        "photo": photo.is_some(),
                    })
                    .to_string(),
                ),
            },
        )
        .await?;
        let after = if entry.completes() {
            let done = Action::Implement {
                evidence: entry.note.clone(),
            };
            apply_in(&mut tx, self, tenant_id, code, &done, entry.on, actor, at).await?
        } else {
            stage
        };
        tx.commit().await?;
        Ok(after)
    }

    /// A proposal's progress entries, oldest first.
    pub async fn progress(
        &self,
        tenant_id: &str,
        code: &str,
    ) -> Result<Vec<StoredProgress>, StoreError> {
        let mut conn = self.reader.acquire().await?;
        entries(&mut conn, tenant_id, code).await
    }

    /// An entry's photo: content type and bytes.
    pub async fn progress_photo(
        &self,
        tenant_id: &str,
        code: &str,
        entry_no: i64,
    ) -> Result<Option<(String, Vec<u8>)>, StoreError> {
        let row = sqlx::query(
            "SELECT photo_type, photo FROM musrena_progress
             WHERE tenant_id = $1 AND code = $2 AND entry_no = $3 AND photo_type IS NOT NULL",
        )
        .bind(tenant_id)
        .bind(code)
        .bind(entry_no)
        .fetch_optional(&self.reader)
        .await?;
        row.map(|row| Ok((row.try_get("photo_type")?, row.try_get("photo")?)))
            .transpose()
    }
}
