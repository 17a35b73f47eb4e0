//! Whether a month's inputs moved after its run was computed: a back-dated transfer, an
//! appeal decided, a held answer accepted, a new policy version. A run that no longer
//! matches its inputs is not reviewed or approved until it is computed again, so a second
//! account approves every change that reaches back into a month before it is paid; and an
//! approved or locked month is closed to changes that reach back into it.

use std::collections::BTreeSet;

use suara_domain::period::Month;
use suara_domain::tpp::payroll::{self, Difference, OfficerInput, RunState};

use crate::tpp::{StoredRun, TppError};
use crate::{corrupt, Store, StoreError};

impl Store {
    /// `None` when the month's inputs are still those `run` was computed from; otherwise the
    /// officers whose amount a computation now would change (empty when only the evidence's
    /// detail moved).
    pub async fn run_drift(
        &self,
        tenant_id: &str,
        run: &StoredRun,
    ) -> Result<Option<Vec<Difference>>, StoreError> {
        let month = run.summary.month;
        let policy = self.policy_for(tenant_id, month).await?;
        let officers = self.payroll_inputs(tenant_id, month, &policy).await?;
        let inputs: Vec<OfficerInput> = officers.into_iter().map(|o| o.input).collect();
        let now = payroll::compute(month, &policy, &inputs);
        Ok((now.input_digest != run.summary.input_digest)
            .then(|| payroll::differences(&run.payroll, &now)))
    }

    /// Refuses to move a run on to review or approval while its inputs have moved.
    pub(crate) async fn refuse_drifted(
        &self,
        tenant_id: &str,
        month: Month,
        version: i64,
    ) -> Result<(), TppError> {
        let run = self
            .payroll_run(tenant_id, month, Some(version))
            .await?
            .ok_or(TppError::NoSuchRun(month, version))?;
        match self.run_drift(tenant_id, &run).await? {
            Some(_) => Err(TppError::InputsMoved(month)),
            None => Ok(()),
        }
    }

    /// Months whose TPP is approved or locked: what was paid, never computed again.
    pub async fn closed_months(&self, tenant_id: &str) -> Result<BTreeSet<Month>, StoreError> {
        let months: Vec<String> = sqlx::query_scalar(
            "SELECT DISTINCT period_month FROM tpp_runs
             WHERE tenant_id = $1 AND state IN ($2, $3)",
        )
        .bind(tenant_id)
        .bind(RunState::Approved.code())
        .bind(RunState::Locked.code())
        .fetch_all(&self.reader)
        .await?;
        months
            .iter()
            .map(|m| m.parse().map_err(|_| corrupt(format!("run month '{m}'"))))
            .collect()
    }
}
