//! A service's own survey (`suara_domain::survey::adapt`): its wording of the nine elements
//! and its extra questions, set by a unit's administrator with an audit entry; and the
//! answers to extra questions, stored with their response and read for the unit's export.
//! Nothing here is counted, signed or paid.

use std::collections::{BTreeSet, HashMap};

use sqlx::{AnyConnection, Row};
use suara_domain::period::Month;
use suara_domain::skm::ELEMENT_COUNT;
use suara_domain::survey::adapt::{Adaptation, ExtraAnswer, ExtraKind, ExtraQuestion};
use time::OffsetDateTime;

use crate::audit::{self, AuditRecord};
use crate::{Result, Store, StoreError};

/// An extra question as stored: its number is what answers name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredQuestion {
    pub question_id: i64,
    pub question: ExtraQuestion,
}

/// How a service asks its survey now.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ServiceSurvey {
    pub wording: [Option<String>; ELEMENT_COUNT],
    /// The extra questions asked now, in order.
    pub questions: Vec<StoredQuestion>,
}

impl ServiceSurvey {
    pub fn adaptation(&self) -> Adaptation {
        Adaptation {
            wording: self.wording.clone(),
            extra: self.questions.iter().map(|q| q.question.clone()).collect(),
        }
    }
}

/// Answers to one extra question with the same words, counted, for a unit's export.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExtraAnswerCount {
    pub service_id: String,
    pub question_id: i64,
    pub question: String,
    /// Whether the question is still asked (a reworded one is retired).
    pub retired: bool,
    pub answer: String,
    pub answers: u64,
}

const AUDIT_ENTITY: &str = "service_survey";

impl Store {
    pub async fn service_survey(&self, tenant_id: &str, service_id: &str) -> Result<ServiceSurvey> {
        let mut conn = self.reader.acquire().await?;
        read_survey(&mut conn, tenant_id, service_id).await
    }

    /// The services of a unit that ask their survey their own way.
    pub async fn adapted_services(&self, tenant_id: &str, unit_id: &str) -> Result<Vec<String>> {
        let rows = sqlx::query(
            "SELECT s.service_id FROM services s WHERE s.tenant_id = $1 AND s.unit_id = $2
               AND (EXISTS (SELECT 1 FROM survey_wording w
                            WHERE w.tenant_id = s.tenant_id AND w.service_id = s.service_id)
                 OR EXISTS (SELECT 1 FROM extra_questions x WHERE x.tenant_id = s.tenant_id
                            AND x.service_id = s.service_id AND x.retired_at_ms IS NULL))
             ORDER BY s.service_id",
        )
        .bind(tenant_id)
        .bind(unit_id)
        .fetch_all(&self.reader)
        .await?;
        rows.iter()
            .map(|row| Ok(row.try_get("service_id")?))
            .collect()
    }

    /// Replaces how a service asks its survey. An extra question kept word for word keeps
    /// its number (and its answers); a changed or dropped one is retired.
    pub async fn set_service_survey(
        &self,
        tenant_id: &str,
        service_id: &str,
        adaptation: &Adaptation,
        actor: &str,
        at: OffsetDateTime,
    ) -> Result<()> {
        let mut tx = self.writer.begin().await?;
        // Read in the transaction that replaces it, so the audit entry's "before" is what
        // this write replaced.
        let before = read_survey(&mut tx, tenant_id, service_id).await?;
        sqlx::query("DELETE FROM survey_wording WHERE tenant_id = $1 AND service_id = $2")
            .bind(tenant_id)
            .bind(service_id)
            .execute(&mut *tx)
            .await?;
        for (element, wording) in adaptation.wording.iter().enumerate() {
            let Some(wording) = wording else { continue };
            sqlx::query(
                "INSERT INTO survey_wording (tenant_id, service_id, element, wording)
                 VALUES ($1, $2, $3, $4)",
            )
            .bind(tenant_id)
            .bind(service_id)
            .bind(i64::try_from(element).unwrap_or(0))
            .bind(wording)
            .execute(&mut *tx)
            .await?;
        }
        let ms = i64::try_from(at.unix_timestamp_nanos() / 1_000_000).unwrap_or(i64::MAX);
        for old in &before.questions {
            if !adaptation.extra.contains(&old.question) {
                sqlx::query(
                    "UPDATE extra_questions SET retired_at_ms = $3
                     WHERE tenant_id = $1 AND question_id = $2",
                )
                .bind(tenant_id)
                .bind(old.question_id)
                .bind(ms)
                .execute(&mut *tx)
                .await?;
            }
        }
        for (position, question) in adaptation.extra.iter().enumerate() {
            let position = i64::try_from(position).unwrap_or(0);
            if let Some(kept) = before.questions.iter().find(|q| &q.question == question) {
                sqlx::query(
                    "UPDATE extra_questions SET position = $3 WHERE tenant_id = $1 AND question_id = $2",
                )
                .bind(tenant_id)
                .bind(kept.question_id)
                .bind(position)
                .execute(&mut *tx)
                .await?;
                continue;
            }
            let next: i64 = sqlx::query_scalar(
                "SELECT COALESCE(MAX(question_id), 0) + 1 FROM extra_questions WHERE tenant_id = $1",
            )
            .bind(tenant_id)
            .fetch_one(&mut *tx)
            .await?;
            sqlx::query(
                "INSERT INTO extra_questions
                     (tenant_id, question_id, service_id, position, question, kind, options)
                 VALUES ($1, $2, $3, $4, $5, $6, $7)",
            )
            .bind(tenant_id)
            .bind(next)
            .bind(service_id)
            .bind(position)
            .bind(&question.text)
            .bind(question.kind.code())
            .bind(serde_json::to_string(&question.options).unwrap_or_else(|_| "[]".into()))
            .execute(&mut *tx)
            .await?;
        }
        let entry = AuditRecord {
            tenant_id,
            at,
            actor,
            action: "update",
            entity: AUDIT_ENTITY,
            entity_id: service_id.to_string(),
            before: (!before.adaptation().is_standard()).then(|| summary(&before.adaptation())),
            after: Some(summary(adaptation)),
        };
        audit::append(&mut tx, self, &entry).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Answers to the extra questions of a unit's services over months, counted per
    /// question and answer; answers of responses held back are left out, as in the counts.
    pub async fn extra_answer_counts(
        &self,
        tenant_id: &str,
        unit_id: &str,
        first: Month,
        last: Month,
    ) -> Result<Vec<ExtraAnswerCount>> {
        let sql = format!(
            "SELECT x.service_id, x.question_id, x.question, x.position, x.retired_at_ms, a.answer,
                    CAST(COUNT(*) AS BIGINT) AS answers
             FROM extra_answers a
             JOIN extra_questions x ON x.tenant_id = a.tenant_id AND x.question_id = a.question_id
             JOIN responses r ON r.tenant_id = a.tenant_id AND r.response_id = a.response_id
             WHERE a.tenant_id = $1 AND r.unit_id = $2 AND r.period_month BETWEEN $3 AND $4
               AND {}
             GROUP BY x.service_id, x.question_id, x.question, x.position, x.retired_at_ms, a.answer
             ORDER BY x.service_id, x.retired_at_ms IS NOT NULL, x.position, x.question_id,
                      answers DESC, a.answer",
            crate::responses::COUNTED
        );
        let rows = sqlx::query(&sql)
            .bind(tenant_id)
            .bind(unit_id)
            .bind(first.to_string())
            .bind(last.to_string())
            .fetch_all(&self.reader)
            .await?;
        rows.iter()
            .map(|row| {
                let retired: Option<i64> = row.try_get("retired_at_ms")?;
                let answers: i64 = row.try_get("answers")?;
                Ok(ExtraAnswerCount {
                    service_id: row.try_get("service_id")?,
                    question_id: row.try_get("question_id")?,
                    question: row.try_get("question")?,
                    retired: retired.is_some(),
                    answer: row.try_get("answer")?,
                    answers: u64::try_from(answers).unwrap_or(0),
                })
            })
            .collect()
    }
}

impl Store {
    /// The first service whose survey is not the one its last audit entry recorded: the
    /// wording shapes the answers that pay, so a question reworded in the database (say,
    /// to lead respondents) is found like any other input of pay edited there.
    pub(crate) async fn service_surveys_problem(&self, tenant_id: &str) -> Result<Option<String>> {
        let mut recorded: HashMap<String, serde_json::Value> = HashMap::new();
        for (service_id, entry) in self.entries_in_order(tenant_id, AUDIT_ENTITY).await? {
            recorded.insert(service_id, entry.after.unwrap_or_default());
        }
        let rows = sqlx::query(
            "SELECT service_id FROM survey_wording WHERE tenant_id = $1
             UNION SELECT service_id FROM extra_questions WHERE tenant_id = $1 AND retired_at_ms IS NULL",
        )
        .bind(tenant_id)
        .fetch_all(&self.reader)
        .await?;
        let mut services: BTreeSet<String> = recorded.keys().cloned().collect();
        for row in rows {
            services.insert(row.try_get("service_id")?);
        }
        let standard: serde_json::Value =
            serde_json::from_str(&summary(&Adaptation::default())).unwrap_or_default();
        for service_id in services {
            let now = self
                .service_survey(tenant_id, &service_id)
                .await?
                .adaptation();
            let now: serde_json::Value = serde_json::from_str(&summary(&now)).unwrap_or_default();
            if &now != recorded.get(&service_id).unwrap_or(&standard) {
                return Ok(Some(format!(
                    "the survey of service {service_id} is not the one the audit chain recorded: it was written or changed behind the application's back"
                )));
            }
        }
        Ok(None)
    }
}

/// How a service asks its survey, read on `conn`.
async fn read_survey(
    conn: &mut AnyConnection,
    tenant_id: &str,
    service_id: &str,
) -> Result<ServiceSurvey> {
    let mut survey = ServiceSurvey::default();
    let rows = sqlx::query(
        "SELECT element, wording FROM survey_wording WHERE tenant_id = $1 AND service_id = $2",
    )
    .bind(tenant_id)
    .bind(service_id)
    .fetch_all(&mut *conn)
    .await?;
    for row in rows {
        let element: i64 = row.try_get("element")?;
        let slot = usize::try_from(element)
            .ok()
            .and_then(|e| survey.wording.get_mut(e))
            .ok_or_else(|| StoreError::Corrupt(format!("survey wording of element {element}")))?;
        *slot = Some(row.try_get("wording")?);
    }
    let rows = sqlx::query(
        "SELECT question_id, question, kind, options FROM extra_questions
         WHERE tenant_id = $1 AND service_id = $2 AND retired_at_ms IS NULL
         ORDER BY position",
    )
    .bind(tenant_id)
    .bind(service_id)
    .fetch_all(&mut *conn)
    .await?;
    for row in rows {
        survey.questions.push(StoredQuestion {
            question_id: row.try_get("question_id")?,
            question: question_of(&row)?,
        });
    }
    Ok(survey)
}

/// Stores a new response's extra answers in its transaction. An answer to a question of
/// another regency or another service than the stored response's is not kept.
pub(crate) async fn insert_extra_answers(
    conn: &mut AnyConnection,
    tenant_id: &str,
    response_id: i64,
    answers: &[ExtraAnswer],
) -> Result<()> {
    for answer in answers {
        sqlx::query(
            "INSERT INTO extra_answers (tenant_id, response_id, question_id, answer)
             SELECT x.tenant_id, r.response_id, x.question_id, $4
             FROM extra_questions x
             JOIN responses r ON r.tenant_id = x.tenant_id AND r.service_id = x.service_id
             WHERE x.tenant_id = $1 AND r.response_id = $2 AND x.question_id = $3
               AND x.retired_at_ms IS NULL",
        )
        .bind(tenant_id)
        .bind(response_id)
        .bind(answer.question_id)
        .bind(&answer.answer)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

fn question_of(row: &sqlx::any::AnyRow) -> Result<ExtraQuestion> {
    let kind: String = row.try_get("kind")?;
    let options: String = row.try_get("options")?;
    Ok(ExtraQuestion {
        text: row.try_get("question")?,
        kind: ExtraKind::from_code(&kind)
            .ok_or_else(|| StoreError::Corrupt(format!("extra question kind {kind}")))?,
        options: serde_json::from_str(&options)
            .map_err(|e| StoreError::Corrupt(format!("extra question answers: {e}")))?,
    })
}

/// The audit entry's record: the wording of each element and the extra questions.
fn summary(adaptation: &Adaptation) -> String {
    let wording: Vec<serde_json::Value> = suara_domain::skm::Element::ALL
        .iter()
        .zip(&adaptation.wording)
        .filter_map(|(element, w)| {
            Some(serde_json::json!({ "element": element.code(), "text": w.as_deref()? }))
        })
        .collect();
    let extra: Vec<serde_json::Value> = adaptation
        .extra
        .iter()
        .map(|q| serde_json::json!({ "question": q.text, "kind": q.kind.code(), "options": q.options }))
        .collect();
    serde_json::json!({ "wording": wording, "extra": extra }).to_string()
}
