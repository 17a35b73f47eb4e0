//! What an SKM report needs beyond the running totals: the respondent profile of a unit over
//! a period, and its responses for export (suggestions as staff may read them). Both scan the unit's counted responses of the
//! period (by the `responses_by_unit_month` index); reports are made now and then, not on
//! every page view.

use sqlx::Row;
use suara_domain::period::Month;
use suara_domain::survey::review::{visible, Audience};

use crate::responses::ANSWER_COLUMNS;
use crate::{Result, Store};

/// One counted response as exported: anonymous (no device, network or idempotency key).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportedResponse {
    pub received_at: time::OffsetDateTime,
    pub period_month: String,
    pub channel: String,
    pub unit_id: String,
    pub service_id: Option<String>,
    pub officer_nip: Option<String>,
    pub answers: [Option<u8>; suara_domain::skm::ELEMENT_COUNT],
    /// Sex, age band, education and occupation codes, as stored.
    pub profile: [Option<String>; 4],
    /// As staff may read it: reviewed, or flagged by nothing (`survey::review::visible`).
    pub suggestion: Option<String>,
}

/// A profile column and the respondents per stored code (`None`: left empty), by count.
pub type ProfileColumn = (&'static str, Vec<(Option<String>, u64)>);

impl Store {
    /// Respondents of the unit's counted responses in the months, per sex, age band,
    /// education and occupation code.
    pub async fn profile_counts(
        &self,
        tenant_id: &str,
        unit_id: &str,
        first: Month,
        last: Month,
    ) -> Result<Vec<ProfileColumn>> {
        let mut out = Vec::new();
        for column in ["sex", "age_band", "education", "occupation"] {
            let sql = format!(
                "SELECT r.{column}, CAST(COUNT(*) AS BIGINT) AS respondents FROM responses r
                 WHERE r.tenant_id = $1 AND r.unit_id = $2 AND r.period_month BETWEEN $3 AND $4
                   AND {}
                 GROUP BY r.{column} ORDER BY r.{column}",
                crate::responses::COUNTED
            );
            let rows = sqlx::query(&sql)
                .bind(tenant_id)
                .bind(unit_id)
                .bind(first.to_string())
                .bind(last.to_string())
                .fetch_all(&self.reader)
                .await?;
            let counts = rows
                .iter()
                .map(|row| {
                    let n: i64 = row.try_get("respondents")?;
                    Ok((row.try_get(column)?, u64::try_from(n).unwrap_or(0)))
                })
                .collect::<Result<_>>()?;
            out.push((column, counts));
        }
        Ok(out)
    }

    /// The unit's counted responses of the months, oldest first, for export.
    pub async fn export_responses(
        &self,
        tenant_id: &str,
        unit_id: &str,
        first: Month,
        last: Month,
    ) -> Result<Vec<ExportedResponse>> {
        use suara_domain::skm::ELEMENT_COUNT;
        let answers = (1..=ELEMENT_COUNT)
            .map(|i| format!("r.u{i}"))
            .collect::<Vec<_>>()
            .join(", ");
        let sql = format!(
            "SELECT r.received_at_us, r.period_month, r.channel, r.unit_id, r.service_id,
                 r.officer_nip, {answers}, r.sex, r.age_band, r.education, r.occupation, r.suggestion,
                 {} AS reviewed
             FROM responses r
             WHERE r.tenant_id = $1 AND r.unit_id = $2 AND r.period_month BETWEEN $3 AND $4 AND {}
             ORDER BY r.received_at_us, r.response_id",
            crate::suggestions::REVIEWED_TEXT,
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
                let reviewed: Option<String> = row.try_get("reviewed")?;
                let mut answers = [None; ELEMENT_COUNT];
                for (answer, column) in answers.iter_mut().zip(ANSWER_COLUMNS) {
                    let value: Option<i64> = row.try_get(column)?;
                    *answer = value.and_then(|v| u8::try_from(v).ok());
                }
                Ok(ExportedResponse {
                    received_at: crate::from_micros(row.try_get("received_at_us")?)?,
                    period_month: row.try_get("period_month")?,
                    channel: row.try_get("channel")?,
                    unit_id: row.try_get("unit_id")?,
                    service_id: row.try_get("service_id")?,
                    officer_nip: row.try_get("officer_nip")?,
                    answers,
                    profile: [
                        row.try_get("sex")?,
                        row.try_get("age_band")?,
                        row.try_get("education")?,
                        row.try_get("occupation")?,
                    ],
                    suggestion: row
                        .try_get::<Option<String>, _>("suggestion")?
                        .and_then(|stored| visible(&stored, reviewed.as_deref(), Audience::Staff)),
                })
            })
            .collect()
    }
}
