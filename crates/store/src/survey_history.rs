//! A unit's past SKM imported from another tool ([`suara_domain::skm::history`]): monthly
//! totals kept apart from the survey's own, read only for the unit's trend. A month holds
//! either the survey's responses or one import's, never both, so history can neither add to
//! nor stand in for what the survey counted; the same file imported again adds nothing.

use std::collections::BTreeMap;

use sha2::{Digest, Sha256};
use sqlx::Row;
use suara_domain::period::Month;
use suara_domain::reason::Reason;
use suara_domain::skm::Tally;
use time::OffsetDateTime;

use crate::audit::{self, AuditRecord};
use crate::responses::{month_tally, SELECT_TOTALS};
use crate::{Result, Store, StoreError};

/// An import about to be stored: the file it came from and its months' totals.
pub struct NewHistory<'a> {
    pub unit_id: &'a str,
    pub file_name: &'a str,
    pub file: &'a [u8],
    pub months: &'a BTreeMap<Month, Tally>,
}

/// An import as stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredHistory {
    pub import_id: String,
    pub unit_id: String,
    pub file_name: String,
    pub responses: u64,
    pub first_month: Month,
    pub last_month: Month,
    pub imported_by: String,
    pub imported_at: OffsetDateTime,
}

/// What storing an import did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HistoryOutcome {
    Imported(StoredHistory),
    /// The same file for the same unit was imported before: nothing added.
    AlreadyImported(StoredHistory),
    /// Months the survey counted or an earlier import holds: nothing stored.
    Refused(Vec<Reason>),
}

const IMPORT_COLUMNS: &str = "import_id, unit_id, file_name, responses, first_month, last_month, imported_by, imported_at_ms";

impl Store {
    /// Stores the import in one transaction with its audit entry, unless a month is taken.
    pub async fn import_survey_history(
        &self,
        tenant_id: &str,
        new: &NewHistory<'_>,
        actor: &str,
        at: OffsetDateTime,
    ) -> Result<HistoryOutcome> {
        match self.import_once(tenant_id, new, actor, at).await {
            // Two imports at once (PostgreSQL): the one that lost sees what the other stored.
            Err(StoreError::Database(sqlx::Error::Database(e))) if e.is_unique_violation() => {
                self.import_once(tenant_id, new, actor, at).await
            }
            outcome => outcome,
        }
    }

    async fn import_once(
        &self,
        tenant_id: &str,
        new: &NewHistory<'_>,
        actor: &str,
        at: OffsetDateTime,
    ) -> Result<HistoryOutcome> {
        let (Some(first), Some(last)) = (new.months.keys().next(), new.months.keys().last()) else {
            return Err(StoreError::Corrupt("an import without months".into()));
        };
        let sha256: String = Sha256::digest(new.file)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        let mut tx = self.writer.begin().await?;
        let earlier = sqlx::query(&format!(
            "SELECT {IMPORT_COLUMNS} FROM survey_history_imports
             WHERE tenant_id = $1 AND unit_id = $2 AND file_sha256 = $3"
        ))
        .bind(tenant_id)
        .bind(new.unit_id)
        .bind(&sha256)
        .fetch_optional(&mut *tx)
        .await?;
        if let Some(row) = earlier {
            return Ok(HistoryOutcome::AlreadyImported(stored(&row)?));
        }
        let refusals = taken_months(&mut tx, tenant_id, new).await?;
        if !refusals.is_empty() {
            return Ok(HistoryOutcome::Refused(refusals));
        }
        let history = StoredHistory {
            import_id: crate::random_id(),
            unit_id: new.unit_id.to_string(),
            file_name: new.file_name.to_string(),
            responses: new.months.values().map(Tally::responses).sum(),
            first_month: *first,
            last_month: *last,
            imported_by: actor.to_string(),
            imported_at: at,
        };
        sqlx::query(
            "INSERT INTO survey_history_imports (tenant_id, import_id, unit_id, file_name,
                 file_sha256, responses, first_month, last_month, imported_by, imported_at_ms)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        )
        .bind(tenant_id)
        .bind(&history.import_id)
        .bind(new.unit_id)
        .bind(new.file_name)
        .bind(&sha256)
        .bind(i64::try_from(history.responses).unwrap_or(i64::MAX))
        .bind(first.to_string())
        .bind(last.to_string())
        .bind(actor)
        .bind(millis(at))
        .execute(&mut *tx)
        .await?;
        insert_months(&mut tx, tenant_id, new, &history.import_id).await?;
        let entry = AuditRecord {
            tenant_id,
            at,
            actor,
            action: "import",
            entity: "survey_history",
            entity_id: history.import_id.clone(),
            before: None,
            after: Some(summary(&history, Some(&sha256))),
        };
        audit::append(&mut tx, self, &entry).await?;
        tx.commit().await?;
        Ok(HistoryOutcome::Imported(history))
    }

    /// A unit's imports, newest first.
    pub async fn survey_history_imports(
        &self,
        tenant_id: &str,
        unit_id: &str,
    ) -> Result<Vec<StoredHistory>> {
        let rows = sqlx::query(&format!(
            "SELECT {IMPORT_COLUMNS} FROM survey_history_imports
             WHERE tenant_id = $1 AND unit_id = $2 ORDER BY imported_at_ms DESC, import_id"
        ))
        .bind(tenant_id)
        .bind(unit_id)
        .fetch_all(&self.reader)
        .await?;
        rows.iter().map(stored).collect()
    }

    /// Removes one of the unit's imports and its months; `false` if it has none by that id.
    pub async fn remove_survey_history(
        &self,
        tenant_id: &str,
        unit_id: &str,
        import_id: &str,
        actor: &str,
        at: OffsetDateTime,
    ) -> Result<bool> {
        let mut tx = self.writer.begin().await?;
        let row = sqlx::query(&format!(
            "SELECT {IMPORT_COLUMNS} FROM survey_history_imports
             WHERE tenant_id = $1 AND unit_id = $2 AND import_id = $3"
        ))
        .bind(tenant_id)
        .bind(unit_id)
        .bind(import_id)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(row) = row else {
            return Ok(false);
        };
        let history = stored(&row)?;
        for table in ["survey_history", "survey_history_imports"] {
            sqlx::query(&format!(
                "DELETE FROM {table} WHERE tenant_id = $1 AND import_id = $2"
            ))
            .bind(tenant_id)
            .bind(import_id)
            .execute(&mut *tx)
            .await?;
        }
        let entry = AuditRecord {
            tenant_id,
            at,
            actor,
            action: "remove",
            entity: "survey_history",
            entity_id: import_id.to_string(),
            before: Some(summary(&history, None)),
            after: None,
        };
        audit::append(&mut tx, self, &entry).await?;
        tx.commit().await?;
        Ok(true)
    }

    /// The unit's imported totals month by month over the range (months without any left
    /// out), for its trend beside [`Store::monthly_tallies`].
    pub async fn survey_history_tallies(
        &self,
        tenant_id: &str,
        unit_id: &str,
        first: Month,
        last: Month,
    ) -> Result<Vec<(Month, Tally)>> {
        let sql = format!(
            "SELECT period_month, {} FROM survey_history
             WHERE tenant_id = $1 AND unit_id = $2 AND period_month BETWEEN $3 AND $4
             GROUP BY period_month ORDER BY period_month",
            *SELECT_TOTALS
        );
        let rows = sqlx::query(&sql)
            .bind(tenant_id)
            .bind(unit_id)
            .bind(first.to_string())
            .bind(last.to_string())
            .fetch_all(&self.reader)
            .await?;
        // A row edited into nonsense (more answers than responses…) leaves the trend, not
        // the whole unit page: history is no evidence, and `verify` does not hold it.
        Ok(rows
            .iter()
            .filter_map(|row| match month_tally(row) {
                Ok(month) => Some(month),
                Err(e) => {
                    tracing::warn!(tenant_id, unit_id, error = %e, "survey history row skipped");
                    None
                }
            })
            .collect())
    }
}

type Tx = sqlx::Transaction<'static, sqlx::Any>;

/// The import's months the survey counted or an earlier import holds, as refusals.
async fn taken_months(tx: &mut Tx, tenant_id: &str, new: &NewHistory<'_>) -> Result<Vec<Reason>> {
    let (Some(first), Some(last)) = (new.months.keys().next(), new.months.keys().last()) else {
        return Ok(Vec::new());
    };
    let months_of = |sql: &'static str| {
        sqlx::query_scalar::<_, String>(sql)
            .bind(tenant_id)
            .bind(new.unit_id)
            .bind(first.to_string())
            .bind(last.to_string())
    };
    let counted: Vec<String> = months_of(
        "SELECT period_month FROM skm_monthly_totals
         WHERE tenant_id = $1 AND scope = 'unit' AND scope_id = $2
           AND period_month BETWEEN $3 AND $4 AND responses > 0",
    )
    .fetch_all(&mut **tx)
    .await?;
    let imported: Vec<String> = months_of(
        "SELECT period_month FROM survey_history
         WHERE tenant_id = $1 AND unit_id = $2 AND period_month BETWEEN $3 AND $4",
    )
    .fetch_all(&mut **tx)
    .await?;
    let taken = |stored: &[String], reason: fn(Month) -> Reason| -> Vec<Reason> {
        new.months
            .keys()
            .filter(|m| stored.contains(&m.to_string()))
            .map(|&m| reason(m))
            .collect()
    };
    let mut refusals = taken(&counted, |month| Reason::MonthHasSurveyResponses { month });
    refusals.extend(taken(&imported, |month| Reason::MonthAlreadyImported {
        month,
    }));
    Ok(refusals)
}

/// One row of totals per month of the import.
async fn insert_months(
    tx: &mut Tx,
    tenant_id: &str,
    new: &NewHistory<'_>,
    import_id: &str,
) -> Result<()> {
    let columns = (1..=9)
        .map(|i| format!("s{i}"))
        .chain((1..=9).map(|i| format!("n{i}")))
        .collect::<Vec<_>>()
        .join(", ");
    let places = (6..24)
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ");
    let insert = format!(
        "INSERT INTO survey_history (tenant_id, unit_id, period_month, import_id, responses, {columns})
         VALUES ($1, $2, $3, $4, $5, {places})"
    );
    for (month, tally) in new.months {
        let mut query = sqlx::query(&insert)
            .bind(tenant_id)
            .bind(new.unit_id)
            .bind(month.to_string())
            .bind(import_id)
            .bind(signed(tally.responses()));
        for value in tally.sums().iter().chain(tally.counts()) {
            query = query.bind(signed(*value));
        }
        query.execute(&mut **tx).await?;
    }
    Ok(())
}

fn stored(row: &sqlx::any::AnyRow) -> Result<StoredHistory> {
    let at: i64 = row.try_get("imported_at_ms")?;
    Ok(StoredHistory {
        import_id: row.try_get("import_id")?,
        unit_id: row.try_get("unit_id")?,
        file_name: row.try_get("file_name")?,
        responses: crate::to_u64(row.try_get("responses")?)?,
        first_month: month(&row.try_get::<String, _>("first_month")?)?,
        last_month: month(&row.try_get::<String, _>("last_month")?)?,
        imported_by: row.try_get("imported_by")?,
        imported_at: OffsetDateTime::from_unix_timestamp_nanos(i128::from(at) * 1_000_000)
            .map_err(|_| crate::corrupt(format!("import time {at}")))?,
    })
}

fn month(text: &str) -> Result<Month> {
    text.parse()
        .map_err(|_| crate::corrupt(format!("period month '{text}'")))
}

fn millis(at: OffsetDateTime) -> i64 {
    i64::try_from(at.unix_timestamp_nanos() / 1_000_000).unwrap_or(i64::MAX)
}

fn signed(value: u64) -> i64 {
    i64::try_from(value).unwrap_or(i64::MAX)
}

fn summary(history: &StoredHistory, sha256: Option<&str>) -> String {
    serde_json::json!({
        "unit": history.unit_id,
        "file": history.file_name,
        "sha256": sha256,
        "responses": history.responses,
        "first_month": history.first_month.to_string(),
        "last_month": history.last_month.to_string(),
    })
    .to_string()
}
