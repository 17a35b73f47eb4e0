//! Ideas from staff, and what citizens asked for in their SKM suggestions, grouped so the
//! same text shows once with its count.

use std::collections::BTreeMap;

use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};
use suara_domain::period::Month;
use suara_domain::skm::{Element, ELEMENT_COUNT};
use suara_domain::survey::review::{visible, Audience};
use time::OffsetDateTime;

use super::{code_of, entry, next_number, InnovationError, Result};
use crate::audit::{self, AuditRecord};
use crate::{from_micros, micros, Store, StoreError};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdeaStatus {
    Open,
    TakenUp,
    Declined,
}

impl IdeaStatus {
    pub fn code(self) -> &'static str {
        match self {
            IdeaStatus::Open => "open",
            IdeaStatus::TakenUp => "taken_up",
            IdeaStatus::Declined => "declined",
        }
    }

    fn from_code(code: &str) -> Option<IdeaStatus> {
        [IdeaStatus::Open, IdeaStatus::TakenUp, IdeaStatus::Declined]
            .into_iter()
            .find(|s| s.code() == code)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Idea {
    pub idea_id: i64,
    pub unit_id: String,
    pub title: String,
    pub description: String,
    pub submitted_by: String,
    pub submitted_at: OffsetDateTime,
    pub status: IdeaStatus,
    pub reason: Option<String>,
    pub innovation_id: Option<i64>,
}

/// Suggestions with the same text from one unit, filed under the element the respondents
/// rated lowest.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SuggestionGroup {
    pub unit_id: String,
    pub element: Element,
    pub text: String,
    pub count: u64,
}

fn idea_from_row(row: &AnyRow) -> Result<Idea, StoreError> {
    Ok(Idea {
        idea_id: row.try_get("idea_id")?,
        unit_id: row.try_get("unit_id")?,
        title: row.try_get("title")?,
        description: row.try_get("description")?,
        submitted_by: row.try_get("submitted_by")?,
        submitted_at: from_micros(row.try_get("submitted_at_us")?)?,
        status: code_of(row, "status", IdeaStatus::from_code)?,
        reason: row.try_get("reason")?,
        innovation_id: row.try_get("innovation_id")?,
    })
}

const COLUMNS: &str = "idea_id, unit_id, title, description, submitted_by, submitted_at_us,
    status, reason, innovation_id";

/// Marks an open idea of `unit_id` taken up by `innovation_id` (inside the registration's
/// transaction). An idea of another unit is not this registration's to take.
pub(super) async fn take_up(
    conn: &mut AnyConnection,
    keys: &Store,
    tenant_id: &str,
    idea_id: i64,
    (innovation_id, unit_id): (i64, &str),
    actor: &str,
    at: OffsetDateTime,
) -> Result<()> {
    let unit: Option<String> = sqlx::query_scalar(
        "SELECT unit_id FROM innovation_ideas WHERE tenant_id = $1 AND idea_id = $2",
    )
    .bind(tenant_id)
    .bind(idea_id)
    .fetch_optional(&mut *conn)
    .await?;
    if unit.as_deref() != Some(unit_id) {
        return Err(InnovationError::NoSuchIdea(idea_id));
    }
    decide(
        conn,
        keys,
        tenant_id,
        idea_id,
        IdeaStatus::TakenUp,
        None,
        Some(innovation_id),
        actor,
        at,
    )
    .await
}

#[allow(clippy::too_many_arguments)]
async fn decide(
    conn: &mut AnyConnection,
    keys: &Store,
    tenant_id: &str,
    idea_id: i64,
    status: IdeaStatus,
    reason: Option<&str>,
    innovation_id: Option<i64>,
    actor: &str,
    at: OffsetDateTime,
) -> Result<()> {
    let changed = sqlx::query(
        "UPDATE innovation_ideas SET status = $3, reason = $4, innovation_id = $5,
            decided_by = $6, decided_at_us = $7
         WHERE tenant_id = $1 AND idea_id = $2 AND status = 'open'",
    )
    .bind(tenant_id)
    .bind(idea_id)
    .bind(status.code())
    .bind(reason)
    .bind(innovation_id)
    .bind(actor)
    .bind(micros(at))
    .execute(&mut *conn)
    .await?
    .rows_affected();
    if changed == 0 {
        let exists =
            sqlx::query("SELECT 1 FROM innovation_ideas WHERE tenant_id = $1 AND idea_id = $2")
                .bind(tenant_id)
                .bind(idea_id)
                .fetch_optional(&mut *conn)
                .await?;
        return Err(match exists {
            Some(_) => InnovationError::IdeaDecided,
            None => InnovationError::NoSuchIdea(idea_id),
        });
    }
    let after = serde_json::json!({ "status": status.code(), "reason": reason, "innovation": innovation_id });
    let entry = AuditRecord {
        after: Some(after.to_string()),
        ..entry(tenant_id, "innovation_idea", idea_id, "decide", actor, at)
    };
    Ok(audit::append(conn, keys, &entry).await?)
}

impl Store {
    pub async fn submit_idea(
        &self,
        tenant_id: &str,
        unit_id: &str,
        title: &str,
        description: &str,
        actor: &str,
        at: OffsetDateTime,
    ) -> Result<i64> {
        let mut tx = self.writer.begin().await?;
        super::check_unit(&mut tx, tenant_id, unit_id).await?;
        let id = next_number(
            &mut tx,
            "SELECT COALESCE(MAX(idea_id), 0) + 1 FROM innovation_ideas WHERE tenant_id = $1",
            tenant_id,
            None,
        )
        .await?;
        sqlx::query(
            "INSERT INTO innovation_ideas (tenant_id, idea_id, unit_id, title, description,
                submitted_by, submitted_at_us, status)
             VALUES ($1, $2, $3, $4, $5, $6, $7, 'open')",
        )
        .bind(tenant_id)
        .bind(id)
        .bind(unit_id)
        .bind(title)
        .bind(description)
        .bind(actor)
        .bind(micros(at))
        .execute(&mut *tx)
        .await?;
        let after = serde_json::json!({ "unit": unit_id, "title": title });
        let entry = AuditRecord {
            after: Some(after.to_string()),
            ..entry(tenant_id, "innovation_idea", id, "create", actor, at)
        };
        audit::append(&mut tx, self, &entry).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Declines an open idea, with the reason its author will read.
    pub async fn decline_idea(
        &self,
        tenant_id: &str,
        idea_id: i64,
        reason: &str,
        actor: &str,
        at: OffsetDateTime,
    ) -> Result<()> {
        let mut tx = self.writer.begin().await?;
        decide(
            &mut tx,
            self,
            tenant_id,
            idea_id,
            IdeaStatus::Declined,
            Some(reason),
            None,
            actor,
            at,
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Every idea, newest first.
    pub async fn ideas(&self, tenant_id: &str) -> Result<Vec<Idea>, StoreError> {
        let rows = sqlx::query(&format!(
            "SELECT {COLUMNS} FROM innovation_ideas WHERE tenant_id = $1 ORDER BY idea_id DESC"
        ))
        .bind(tenant_id)
        .fetch_all(&self.reader)
        .await?;
        rows.iter().map(idea_from_row).collect()
    }

    pub async fn idea(&self, tenant_id: &str, idea_id: i64) -> Result<Option<Idea>, StoreError> {
        sqlx::query(&format!(
            "SELECT {COLUMNS} FROM innovation_ideas WHERE tenant_id = $1 AND idea_id = $2"
        ))
        .bind(tenant_id)
        .bind(idea_id)
        .fetch_optional(&self.reader)
        .await?
        .as_ref()
        .map(idea_from_row)
        .transpose()
    }

    /// Citizens' suggestions in the months (of one unit when given) as staff may read them,
    /// the same text once per unit and element, most frequent first.
    pub async fn suggestion_groups(
        &self,
        tenant_id: &str,
        unit_id: Option<&str>,
        first: Month,
        last: Month,
    ) -> Result<Vec<SuggestionGroup>, StoreError> {
        let answers = (1..=ELEMENT_COUNT)
            .map(|i| format!("r.u{i}"))
            .collect::<Vec<_>>()
            .join(", ");
        let sql = format!(
            "SELECT r.unit_id, r.suggestion, {} AS reviewed, {answers} FROM responses r
             WHERE r.tenant_id = $1 AND r.period_month BETWEEN $2 AND $3
               AND r.suggestion IS NOT NULL AND ($4 = '' OR r.unit_id = $4) AND {}",
            crate::suggestions::REVIEWED_TEXT,
            crate::responses::COUNTED
        );
        let rows = sqlx::query(&sql)
            .bind(tenant_id)
            .bind(first.to_string())
            .bind(last.to_string())
            .bind(unit_id.unwrap_or(""))
            .fetch_all(&self.reader)
            .await?;
        let mut groups: BTreeMap<(String, Element, String), u64> = BTreeMap::new();
        for row in &rows {
            let stored: String = row.try_get("suggestion")?;
            let reviewed: Option<String> = row.try_get("reviewed")?;
            // Held until the unit has reviewed it, when it may name or locate someone.
            let Some(text) = visible(&stored, reviewed.as_deref(), Audience::Staff) else {
                continue;
            };
            let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
            let mut lowest: Option<(i64, Element)> = None;
            for element in Element::ALL {
                let answer: Option<i64> =
                    row.try_get(format!("u{}", element.index() + 1).as_str())?;
                if let Some(a) = answer {
                    if lowest.is_none_or(|(l, _)| a < l) {
                        lowest = Some((a, element));
                    }
                }
            }
            if let (Some((_, element)), false) = (lowest, text.is_empty()) {
                *groups
                    .entry((row.try_get("unit_id")?, element, text))
                    .or_default() += 1;
            }
        }
        let mut out: Vec<SuggestionGroup> = groups
            .into_iter()
            .map(|((unit_id, element, text), count)| SuggestionGroup {
                unit_id,
                element,
                text,
                count,
            })
            .collect();
        out.sort_by(|a, b| {
            (&a.unit_id, a.element, std::cmp::Reverse(a.count), &a.text).cmp(&(
                &b.unit_id,
                b.element,
                std::cmp::Reverse(b.count),
                &b.text,
            ))
        });
        Ok(out)
    }
}
