//! What pays, held to the signed audit chain: a payroll run's stored state, digest and total
//! must be what its audit entries replay to (`suara_domain::tpp::history`), every appeal
//! decision must be the one its audit entry recorded, and every kiosk approval (which makes a
//! kiosk's answers pay evidence) must be one its audit entry recorded; the inputs of pay
//! (policies, base amounts, components, officers and their assignments, tickets) must be
//! what their audit entries replay to (`inputs`). The audit chain itself is checked
//! against its signed heads in `audit_chain.rs`; a row edited or slipped in behind the
//! application's back without a matching entry shows here.

use std::collections::HashMap;

use sqlx::Row;
use suara_domain::period::Month;
use suara_domain::tpp::history::{replay, RunEvent, RunRecord};
use suara_domain::tpp::payroll::RunState;

use crate::{Result, Store};

mod inputs;

/// The audit entity of payroll runs and its id for a run.
pub(crate) const RUN_ENTITY: &str = "tpp_run";

pub(crate) fn run_entity_id(month: Month, version: i64) -> String {
    format!("{month} v{version}")
}

/// One audit entry of an entity, as replayed.
pub(crate) struct Entry {
    pub action: String,
    pub actor: String,
    pub at_us: i64,
    pub after: Option<serde_json::Value>,
}

impl Store {
    /// The audit entries of `entity`, by entity id, in the order written.
    async fn entries_of(
        &self,
        tenant_id: &str,
        entity: &str,
    ) -> Result<HashMap<String, Vec<Entry>>> {
        let mut entries: HashMap<String, Vec<Entry>> = HashMap::new();
        for (id, entry) in self.entries_in_order(tenant_id, entity).await? {
            entries.entry(id).or_default().push(entry);
        }
        Ok(entries)
    }

    /// The audit entries of `entity` with their entity ids, in the order written.
    pub(crate) async fn entries_in_order(
        &self,
        tenant_id: &str,
        entity: &str,
    ) -> Result<Vec<(String, Entry)>> {
        let rows = sqlx::query(
            "SELECT entity_id, action, actor, at_us, after_json FROM audit_log
             WHERE tenant_id = $1 AND entity = $2 ORDER BY audit_id",
        )
        .bind(tenant_id)
        .bind(entity)
        .fetch_all(&self.reader)
        .await?;
        rows.iter()
            .map(|row| {
                let after: Option<String> = row.try_get("after_json")?;
                Ok((
                    row.try_get("entity_id")?,
                    Entry {
                        action: row.try_get("action")?,
                        actor: row.try_get("actor")?,
                        at_us: row.try_get("at_us")?,
                        after: after.and_then(|text| serde_json::from_str(&text).ok()),
                    },
                ))
            })
            .collect()
    }

    /// What the audit chain says a run is now (`Err` with the reason when its history is
    /// not one the application writes).
    pub(crate) async fn run_by_history(
        &self,
        tenant_id: &str,
        month: Month,
        version: i64,
    ) -> Result<Result<RunRecord, String>> {
        let mut entries = self.entries_of(tenant_id, RUN_ENTITY).await?;
        let events = entries
            .remove(&run_entity_id(month, version))
            .unwrap_or_default();
        Ok(replay_entries(&events))
    }

    /// The first stored run or appeal decision that is not what the audit chain recorded.
    pub(crate) async fn pay_history_problem(&self, tenant_id: &str) -> Result<Option<String>> {
        let mut runs = self.entries_of(tenant_id, RUN_ENTITY).await?;
        let rows = sqlx::query(
            "SELECT period_month, run_version, state, policy_version, input_digest, total_amount
             FROM tpp_runs WHERE tenant_id = $1 ORDER BY period_month, run_version",
        )
        .bind(tenant_id)
        .fetch_all(&self.reader)
        .await?;
        for row in &rows {
            let month: String = row.try_get("period_month")?;
            let version: i64 = row.try_get("run_version")?;
            let name = format!("payroll run {month} v{version}");
            let events = runs
                .remove(&format!("{month} v{version}"))
                .unwrap_or_default();
            let expected = match replay_entries(&events) {
                Ok(expected) => expected,
                Err(why) => return Ok(Some(format!("{name}: {why}"))),
            };
            let state: String = row.try_get("state")?;
            if state != expected.state.code() {
                return Ok(Some(format!(
                    "{name} is {state} in the database, but the audit chain says {}: its state was changed behind the application's back",
                    expected.state.code()
                )));
            }
            let total = crate::to_u64(row.try_get("total_amount")?)?;
            if row.try_get::<String, _>("policy_version")? != expected.policy_version
                || row.try_get::<String, _>("input_digest")? != expected.input_digest
                || total != expected.total
            {
                return Ok(Some(format!(
                    "{name}: its policy, input digest or total is not what the audit chain recorded when it was computed"
                )));
            }
        }

        let mut appeals = self.entries_of(tenant_id, "tpp_appeal").await?;
        let rows = sqlx::query(
            "SELECT response_id, upheld, reason, decided_by, decided_at_us
             FROM tpp_appeal_decisions WHERE tenant_id = $1 ORDER BY response_id",
        )
        .bind(tenant_id)
        .fetch_all(&self.reader)
        .await?;
        for row in &rows {
            let response_id: i64 = row.try_get("response_id")?;
            let upheld = row.try_get::<i64, _>("upheld")? != 0;
            let reason: String = row.try_get("reason")?;
            let decided_by: String = row.try_get("decided_by")?;
            let decided_at: i64 = row.try_get("decided_at_us")?;
            let recorded = appeals
                .remove(&response_id.to_string())
                .unwrap_or_default()
                .into_iter()
                .any(|e| {
                    e.action == if upheld { "uphold" } else { "dismiss" }
                        && e.actor == decided_by
                        && e.at_us == decided_at
                        && e.after
                            .as_ref()
                            .and_then(|a| a.get("reason")?.as_str().map(str::to_owned))
                            == Some(reason.clone())
                });
            if !recorded {
                return Ok(Some(format!(
                    "the decision on the appeal of response {response_id} is not the one the audit chain recorded: it was written or changed behind the application's back"
                )));
            }
        }

        let mut kiosks = self.entries_of(tenant_id, "kiosk").await?;
        let rows = sqlx::query(
            "SELECT kiosk_id, approved_by, approved_at_us FROM kiosks
             WHERE tenant_id = $1 AND (approved_at_us IS NOT NULL OR approved_by IS NOT NULL)
             ORDER BY kiosk_id",
        )
        .bind(tenant_id)
        .fetch_all(&self.reader)
        .await?;
        for row in &rows {
            let kiosk_id: String = row.try_get("kiosk_id")?;
            let by: Option<String> = row.try_get("approved_by")?;
            let at: Option<i64> = row.try_get("approved_at_us")?;
            let recorded = kiosks
                .remove(&kiosk_id)
                .unwrap_or_default()
                .into_iter()
                .any(|e| {
                    e.action == "approve" && Some(&e.actor) == by.as_ref() && Some(e.at_us) == at
                });
            if !recorded {
                return Ok(Some(format!(
                    "kiosk {kiosk_id} is approved in the database, but the audit chain records no such approval: its answers were made pay evidence behind the application's back"
                )));
            }
        }
        self.pay_inputs_problem(tenant_id).await
    }
}

/// A run's audit entries as events: `compute` carries what was computed, every other
/// action is the state moved to.
fn replay_entries(entries: &[Entry]) -> Result<RunRecord, String> {
    let mut events = Vec::with_capacity(entries.len());
    for entry in entries {
        let event = if entry.action == "compute" {
            let field = |name: &str| entry.after.as_ref().and_then(|a| a.get(name).cloned());
            RunEvent::Computed {
                policy_version: field("policy_version")
                    .and_then(|v| v.as_str().map(str::to_owned))
                    .unwrap_or_default(),
                input_digest: field("input_digest")
                    .and_then(|v| v.as_str().map(str::to_owned))
                    .unwrap_or_default(),
                total: field("total").and_then(|v| v.as_u64()).unwrap_or(u64::MAX),
            }
        } else {
            match RunState::from_code(&entry.action) {
                Some(state) => RunEvent::Moved(state),
                None => return Err(format!("unknown audit action '{}'", entry.action)),
            }
        };
        events.push(event);
    }
    replay(&events).map_err(|e| e.to_string())
}
