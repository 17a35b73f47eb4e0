//! Follow-up plans (rencana tindak lanjut) of a unit for a survey period, and their
//! progress; every change audit-logged.

use sqlx::any::AnyRow;
use sqlx::Row;
use suara_domain::period::Period;
use suara_domain::skm::follow_up::{Plan, Status};
use suara_domain::skm::Element;
use time::OffsetDateTime;

use crate::audit::{self, AuditRecord};
use crate::{from_micros, micros, Result, Store, StoreError};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredPlan {
    pub plan_id: String,
    pub unit_id: String,
    pub period: String,
    pub plan: Plan,
    pub status: Status,
    pub progress_note: Option<String>,
    pub updated_at: OffsetDateTime,
}

const COLUMNS: &str =
    "plan_id, unit_id, period, element, action, owner, deadline, status, progress_note, updated_at_us";

fn plan_from_row(row: &AnyRow) -> Result<StoredPlan> {
    let corrupt = crate::corrupt;
    let element: String = row.try_get("element")?;
    let deadline: String = row.try_get("deadline")?;
    let status: String = row.try_get("status")?;
    Ok(StoredPlan {
        plan_id: row.try_get("plan_id")?,
        unit_id: row.try_get("unit_id")?,
        period: row.try_get("period")?,
        plan: Plan {
            element: Element::ALL
                .into_iter()
                .find(|e| e.code() == element)
                .ok_or_else(|| corrupt(format!("element '{element}'")))?,
            action: row.try_get("action")?,
            owner: row.try_get("owner")?,
            deadline: crate::parse_date(&deadline)?,
        },
        status: Status::from_code(&status).ok_or_else(|| corrupt(format!("status '{status}'")))?,
        progress_note: row.try_get("progress_note")?,
        updated_at: from_micros(row.try_get("updated_at_us")?)?,
    })
}

impl Store {
    /// Records a plan of the unit for the period; returns its id.
    pub async fn add_follow_up(
        &self,
        tenant_id: &str,
        unit_id: &str,
        period: Period,
        plan: &Plan,
        actor: &str,
        at: OffsetDateTime,
    ) -> Result<String> {
        let plan_id = format!("{unit_id}-{period}-{:08x}", rand::random::<u32>());
        let mut tx = self.writer.begin().await?;
        sqlx::query(
            "INSERT INTO follow_up_plans (tenant_id, plan_id, unit_id, period, element, action, owner,
                 deadline, status, progress_note, created_by, created_at_us, updated_at_us)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, NULL, $10, $11, $11)",
        )
        .bind(tenant_id)
        .bind(&plan_id)
        .bind(unit_id)
        .bind(period.to_string())
        .bind(plan.element.code())
        .bind(&plan.action)
        .bind(&plan.owner)
        .bind(plan.deadline.to_string())
        .bind(Status::Planned.code())
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
                entity: "follow_up_plan",
                entity_id: plan_id.clone(),
                before: None,
                after: Some(
                    serde_json::json!({
                        "unit": unit_id,
                        "period": period.to_string(),
                        "element": plan.element.code(),
                        "action": plan.action,
                        "owner": plan.owner,
                        "deadline": plan.deadline.to_string(),
                    })
                    .to_string(),
                ),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(plan_id)
    }

    /// Sets a plan's status and progress note; `false` when there is no such plan of the unit.
    #[allow(clippy::too_many_arguments)]
    pub async fn update_follow_up(
        &self,
        tenant_id: &str,
        unit_id: &str,
        plan_id: &str,
        status: Status,
        note: Option<&str>,
        actor: &str,
        at: OffsetDateTime,
    ) -> Result<bool> {
        let mut tx = self.writer.begin().await?;
        let before: Option<(String, Option<String>)> = sqlx::query(
            "SELECT status, progress_note FROM follow_up_plans
             WHERE tenant_id = $1 AND plan_id = $2 AND unit_id = $3",
        )
        .bind(tenant_id)
        .bind(plan_id)
        .bind(unit_id)
        .fetch_optional(&mut *tx)
        .await?
        .map(|row| Ok::<_, StoreError>((row.try_get("status")?, row.try_get("progress_note")?)))
        .transpose()?;
        let Some((old_status, old_note)) = before else {
            return Ok(false);
        };
        let note = note.map(str::trim).filter(|n| !n.is_empty());
        sqlx::query(
            "UPDATE follow_up_plans SET status = $3, progress_note = $4, updated_at_us = $5
             WHERE tenant_id = $1 AND plan_id = $2",
        )
        .bind(tenant_id)
        .bind(plan_id)
        .bind(status.code())
        .bind(note)
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
                action: "update",
                entity: "follow_up_plan",
                entity_id: plan_id.to_string(),
                before: Some(
                    serde_json::json!({ "status": old_status, "note": old_note }).to_string(),
                ),
                after: Some(
                    serde_json::json!({ "status": status.code(), "note": note }).to_string(),
                ),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(true)
    }

    /// Plans of a unit (of one period when given), by deadline.
    pub async fn follow_ups(
        &self,
        tenant_id: &str,
        unit_id: Option<&str>,
        period: Option<Period>,
    ) -> Result<Vec<StoredPlan>> {
        let rows = sqlx::query(&format!(
            "SELECT {COLUMNS} FROM follow_up_plans
             WHERE tenant_id = $1 AND ($2 = '' OR unit_id = $2) AND ($3 = '' OR period = $3)
             ORDER BY deadline, plan_id"
        ))
        .bind(tenant_id)
        .bind(unit_id.unwrap_or(""))
        .bind(period.map(|p| p.to_string()).unwrap_or_default())
        .fetch_all(&self.reader)
        .await?;
        rows.iter().map(plan_from_row).collect()
    }
}
