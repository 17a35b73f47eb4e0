//! Citizens' suggestions and their reviews: what waits for the unit's reviewer, what the
//! reviewer allowed to be read, and the suggestions of a report. The response rows are never
//! changed; a review is a row of its own (`suggestion_reviews`), written with its audit
//! entry. Who may read what is `suara_domain::survey::review::visible`.

use sqlx::Row;
use std::collections::HashMap;
use suara_domain::period::Month;

use suara_domain::survey::review::is_masking_of;
use time::OffsetDateTime;

use crate::audit::{self, AuditRecord};
use crate::{from_micros, micros, Result, Store};

/// SQL expression on `responses r`: the reviewed text, or NULL while none.
pub(crate) const REVIEWED_TEXT: &str = "(SELECT v.shown_text FROM suggestion_reviews v \
     WHERE v.tenant_id = r.tenant_id AND v.response_id = r.response_id)";

/// A counted response's suggestion that nobody has reviewed yet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnreviewedSuggestion {
    pub response_id: i64,
    pub text: String,
    pub received_at: OffsetDateTime,
}

/// What a report lists of a unit's suggestions over some months.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReportedSuggestions {
    /// Reviewed texts, the same text once with its count, most frequent first.
    pub listed: Vec<(String, u64)>,
    /// Every suggestion received, reviewed or not.
    pub total: u64,
    /// Those not yet reviewed, so not listed.
    pub unreviewed: u64,
}

/// One reviewer's decision: the responses (all with the same text) and what may be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SuggestionReview {
    pub response_ids: Vec<i64>,
    pub shown: String,
}

const NON_EMPTY: &str = "r.suggestion IS NOT NULL AND r.suggestion <> ''";

impl Store {
    /// The unit's counted, unreviewed suggestions, newest first, at most `limit`; and how
    /// many there are in all.
    pub async fn unreviewed_suggestions(
        &self,
        tenant_id: &str,
        unit_id: &str,
        limit: u32,
    ) -> Result<(Vec<UnreviewedSuggestion>, u64)> {
        let condition = format!(
            "r.tenant_id = $1 AND r.unit_id = $2 AND {NON_EMPTY} AND {REVIEWED_TEXT} IS NULL AND {}",
            crate::responses::COUNTED
        );
        let total: i64 = sqlx::query_scalar(&format!(
            "SELECT CAST(COUNT(*) AS BIGINT) FROM responses r WHERE {condition}"
        ))
        .bind(tenant_id)
        .bind(unit_id)
        .fetch_one(&self.reader)
        .await?;
        let rows = sqlx::query(&format!(
            "SELECT r.response_id, r.suggestion, r.received_at_us FROM responses r
             WHERE {condition} ORDER BY r.received_at_us DESC, r.response_id DESC LIMIT {limit}"
        ))
        .bind(tenant_id)
        .bind(unit_id)
        .fetch_all(&self.reader)
        .await?;
        let found = rows
            .iter()
            .map(|row| {
                Ok(UnreviewedSuggestion {
                    response_id: row.try_get("response_id")?,
                    text: row.try_get("suggestion")?,
                    received_at: from_micros(row.try_get("received_at_us")?)?,
                })
            })
            .collect::<Result<_>>()?;
        Ok((found, u64::try_from(total).unwrap_or(0)))
    }

    /// Records the reviews of the unit's suggestions, with one audit entry, and returns how
    /// many responses they covered. A response already reviewed, of another unit, or
    /// without a suggestion is left as it is: the first review stands.
    pub async fn review_suggestions(
        &self,
        tenant_id: &str,
        unit_id: &str,
        reviews: &[SuggestionReview],
        actor: &str,
        at: OffsetDateTime,
    ) -> Result<u64> {
        let mut tx = self.writer.begin().await?;
        let mut covered = 0;
        let mut recorded = Vec::new();
        for review in reviews {
            let mut responses = 0;
            let mut ids = Vec::new();
            for id in &review.response_ids {
                let done = sqlx::query(&format!(
                    "INSERT INTO suggestion_reviews
                         (tenant_id, response_id, shown_text, reviewed_by, reviewed_at_us)
                     SELECT r.tenant_id, r.response_id, $4, $5, $6 FROM responses r
                     WHERE r.tenant_id = $1 AND r.unit_id = $2 AND r.response_id = $3
                       AND {NON_EMPTY} AND {REVIEWED_TEXT} IS NULL
                     ON CONFLICT (tenant_id, response_id) DO NOTHING"
                ))
                .bind(tenant_id)
                .bind(unit_id)
                .bind(id)
                .bind(&review.shown)
                .bind(actor)
                .bind(micros(at))
                .execute(&mut *tx)
                .await?;
                if done.rows_affected() > 0 {
                    responses += 1;
                    ids.push(*id);
                }
            }
            if responses > 0 {
                // The shown text only: the original may hold what the review took away. The
                // ids tie each review row to this signed entry, for `suara verify`.
                recorded.push(
                    serde_json::json!({ "responses": responses, "ids": ids, "shown": review.shown }),
                );
            }
            covered += responses;
        }
        if covered > 0 {
            audit::append(
                &mut tx,
                self,
                &AuditRecord {
                    tenant_id,
                    at,
                    actor,
                    action: "reviewed",
                    entity: "suggestion",
                    entity_id: unit_id.to_string(),
                    before: None,
                    after: Some(
                        serde_json::json!({ "unit": unit_id, "reviews": recorded }).to_string(),
                    ),
                },
            )
            .await?;
        }
        tx.commit().await?;
        Ok(covered)
    }

    /// The suggestions of the unit's counted responses in the months for its report:
    /// reviewed texts, the same text once with its count, most frequent (then most recent)
    /// first, at most `limit`.
    pub async fn reported_suggestions(
        &self,
        tenant_id: &str,
        unit_id: &str,
        first: Month,
        last: Month,
        limit: u32,
    ) -> Result<ReportedSuggestions> {
        let condition = format!(
            "r.tenant_id = $1 AND r.unit_id = $2 AND r.period_month BETWEEN $3 AND $4
             AND {NON_EMPTY} AND {}",
            crate::responses::COUNTED
        );
        let counts = sqlx::query(&format!(
            "SELECT CAST(COUNT(*) AS BIGINT) AS total,
                 CAST(COALESCE(SUM(CASE WHEN {REVIEWED_TEXT} IS NULL THEN 1 ELSE 0 END), 0) AS BIGINT)
                     AS unreviewed
             FROM responses r WHERE {condition}"
        ))
        .bind(tenant_id)
        .bind(unit_id)
        .bind(first.to_string())
        .bind(last.to_string())
        .fetch_one(&self.reader)
        .await?;
        let rows = sqlx::query(&format!(
            "SELECT v.shown_text, CAST(COUNT(*) AS BIGINT) AS mentions,
                 MAX(r.received_at_us) AS latest
             FROM responses r JOIN suggestion_reviews v
               ON v.tenant_id = r.tenant_id AND v.response_id = r.response_id
             WHERE {condition}
             GROUP BY v.shown_text ORDER BY COUNT(*) DESC, latest DESC LIMIT {limit}"
        ))
        .bind(tenant_id)
        .bind(unit_id)
        .bind(first.to_string())
        .bind(last.to_string())
        .fetch_all(&self.reader)
        .await?;
        let count = |n: i64| u64::try_from(n).unwrap_or(0);
        Ok(ReportedSuggestions {
            listed: rows
                .iter()
                .map(|row| Ok((row.try_get("shown_text")?, count(row.try_get("mentions")?))))
                .collect::<Result<_>>()?,
            total: count(counts.try_get("total")?),
            unreviewed: count(counts.try_get("unreviewed")?),
        })
    }

    /// For `suara verify`: the first review that no audit entry records as it stands (same
    /// text, reviewer and time), or whose text is not the citizen's own words with some taken
    /// away. The suggestions are held by the chain and the entries by the audit chain, so a
    /// review written into the database past the page is found.
    pub(crate) async fn suggestion_review_problem(
        &self,
        tenant_id: &str,
    ) -> Result<Option<String>> {
        let mut recorded: HashMap<i64, (String, String, i64)> = HashMap::new();
        let entries = sqlx::query(
            "SELECT actor, at_us, after_json FROM audit_log
             WHERE tenant_id = $1 AND entity = 'suggestion' AND action = 'reviewed'",
        )
        .bind(tenant_id)
        .fetch_all(&self.reader)
        .await?;
        for entry in &entries {
            let actor: String = entry.try_get("actor")?;
            let at: i64 = entry.try_get("at_us")?;
            let after: Option<String> = entry.try_get("after_json")?;
            let after: serde_json::Value = serde_json::from_str(after.as_deref().unwrap_or("{}"))
                .map_err(|e| {
                crate::corrupt(format!("a suggestion review's audit entry: {e}"))
            })?;
            for review in after["reviews"].as_array().into_iter().flatten() {
                let shown = review["shown"].as_str().unwrap_or_default();
                for id in review["ids"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|v| v.as_i64())
                {
                    recorded.insert(id, (shown.to_string(), actor.clone(), at));
                }
            }
        }
        let rows = sqlx::query(
            "SELECT v.response_id, v.shown_text, v.reviewed_by, v.reviewed_at_us, r.suggestion
             FROM suggestion_reviews v
             LEFT JOIN responses r ON r.tenant_id = v.tenant_id AND r.response_id = v.response_id
             WHERE v.tenant_id = $1 ORDER BY v.response_id",
        )
        .bind(tenant_id)
        .fetch_all(&self.reader)
        .await?;
        for row in &rows {
            let id: i64 = row.try_get("response_id")?;
            let stored = (
                row.try_get::<String, _>("shown_text")?,
                row.try_get::<String, _>("reviewed_by")?,
                row.try_get::<i64, _>("reviewed_at_us")?,
            );
            let original: Option<String> = row.try_get("suggestion")?;
            if recorded.get(&id) != Some(&stored) {
                return Ok(Some(format!(
                    "the review of response {id}'s suggestion is not the one its audit entry records"
                )));
            }
            if !original
                .as_deref()
                .is_some_and(|o| is_masking_of(o, &stored.0))
            {
                return Ok(Some(format!(
                    "the review of response {id}'s suggestion shows words the citizen did not write"
                )));
            }
        }
        Ok(None)
    }
}
