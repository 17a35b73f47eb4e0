//! TPP in the database: policy versions, base amounts per position class, the other
//! components per officer and month, payroll runs and appeals of responses.
//!
//! A run keeps its policy text and every officer's inputs. Reading a run computes it again
//! with the domain's [`payroll::compute`] and checks the digest and every amount against
//! what was stored, so what is shown or exported is always what the recorded inputs give.

use std::collections::{BTreeMap, HashMap, HashSet};

use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};
use suara_domain::decimal::Decimal;

use crate::pay_evidence::{Confirmed, LeftOut};
use suara_domain::integrity::merkle::empty_root;
use suara_domain::integrity::signed_head::{LogKind, RunSeal, TreeHead};
use suara_domain::org::tree::UnitTree;
use suara_domain::org::{PayDetails, Unit};
use suara_domain::period::Month;
use suara_domain::skm::{Tally, Weighting, ELEMENT_COUNT};
use suara_domain::tpp::evidence::{response_q, Coverage, Spread};
use suara_domain::tpp::inputs::{BaseAmount, ComponentRow};
use suara_domain::tpp::payroll::{self, OfficerInput, Payroll, RunState};
use suara_domain::tpp::policy::{NotServingPublic, OtherFactors, PartMonth, Policy, PolicyError};
use suara_domain::tpp::sources;
use suara_domain::tpp::Rated;
use time::{Date, OffsetDateTime};

use crate::audit::{self, AuditRecord};
use crate::responses::{tally_from_row, tally_select, ScopeKind, ANSWER_COLUMNS};
use crate::{corrupt, from_micros, micros, money, parse_date, to_u64, Store, StoreError};

#[derive(Debug, thiserror::Error)]
pub enum TppError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Policy(#[from] PolicyError),
    #[error("policy version '{0}' exists with other content; save the change as a new version")]
    PolicyVersionTaken(String),
    #[error("unknown NIP(s) in the components: {}", .0.join(", "))]
    UnknownOfficers(Vec<String>),
    #[error("the {0} run (version {1}) is approved and waits to be locked; lock it before computing the month again")]
    AwaitingLock(Month, i64),
    #[error("there is no {0} run version {1}")]
    NoSuchRun(Month, i64),
    #[error("the run is {found} now, not {expected}: someone else moved it on; reload the page")]
    StateMoved { expected: String, found: String },
    #[error("a locked run never changes")]
    Locked,
    #[error(
        "an approved or locked run is what is paid; only a draft or reviewed run can be discarded"
    )]
    NotDiscardable,
    #[error("{0}; nothing was computed (run suara verify)")]
    HistoryDisagrees(String),
    #[error("the inputs of {0} changed after the run was computed; compute it again, then review and approve what it gives")]
    InputsMoved(Month),
    #[error("{0} has not ended yet; a payroll run is computed once the month is over (a provisional preview is shown on the TPP page)")]
    MonthNotEnded(Month),
    #[error("the witnesses have cosigned the log up to {cosigned} responses, but {month}'s reach position {needed}; compute the run again in a minute, once they have")]
    NotWitnessed {
        month: Month,
        needed: u64,
        cosigned: u64,
    },
    #[error("four eyes: the account approving a run must differ from the one that computed it ({computed_by}) and the one that reviewed it ({reviewed_by})")]
    FourEyes {
        computed_by: String,
        reviewed_by: String,
    },
    #[error("response {0} does not name this officer")]
    NotTheirResponse(i64),
    #[error("this response has been appealed already")]
    AlreadyAppealed,
    #[error("a reason is required")]
    ReasonRequired,
    #[error("there is no appeal of response {0}")]
    NoSuchAppeal(i64),
    #[error("this appeal has been decided already; decisions are final")]
    AlreadyDecided,
}

impl From<sqlx::Error> for TppError {
    fn from(error: sqlx::Error) -> TppError {
        TppError::Store(StoreError::from(error))
    }
}

/// A saved policy version.
#[derive(Clone, Debug)]
pub struct StoredPolicy {
    pub policy: Policy,
    pub text: String,
    pub saved_by: String,
    pub saved_at: OffsetDateTime,
}

/// One officer in a run: the domain's inputs and what finance needs beside them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RunOfficer {
    pub input: OfficerInput,
    pub name: String,
    pub unit_name: String,
    /// The unit whose score was blended in: the officer's own, or the nearest unit above
    /// it with responses; `None` when no unit up the tree had any.
    pub score_unit_id: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RunSummary {
    pub month: Month,
    pub version: i64,
    pub state: RunState,
    pub policy_version: String,
    pub input_digest: String,
    pub total: u64,
    pub paid: u64,
    pub unpaid: u64,
    pub computed_by: String,
    pub computed_at: OffsetDateTime,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RunEvent {
    pub state: RunState,
    pub actor: String,
    pub at: OffsetDateTime,
}

/// A run as stored, computed again from its recorded inputs.
#[derive(Clone, Debug)]
pub struct StoredRun {
    pub summary: RunSummary,
    pub policy: Policy,
    pub policy_text: String,
    /// By NIP.
    pub officers: Vec<RunOfficer>,
    pub payroll: Payroll,
    pub events: Vec<RunEvent>,
}

impl StoredRun {
    /// The officer's row (officers are kept in NIP order).
    pub fn officer(&self, nip: &str) -> Option<&RunOfficer> {
        self.officers
            .binary_search_by(|o| o.input.nip.as_str().cmp(nip))
            .ok()
            .map(|i| &self.officers[i])
    }
}

/// A response that names an officer, as the officer may see it: no respondent profile and
/// no suggestion text, which could tell who answered, and not whether it was held, which
/// would tell a stuffer what the rules caught.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NamingResponse {
    pub response_id: i64,
    pub received_at: OffsetDateTime,
    pub channel: String,
    /// How far the response is evidence for pay, as the pay totals count it: its channel's
    /// trust, open for a ticket issued from a rated officer's own account.
    pub pay_trust: suara_domain::integrity::channel::Trust,
    pub answers: [Option<u8>; ELEMENT_COUNT],
    pub appeal: Option<Appeal>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Appeal {
    pub response_id: i64,
    pub nip: String,
    pub month: Month,
    pub reason: String,
    pub filed_at: OffsetDateTime,
    pub decision: Option<AppealDecision>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AppealDecision {
    /// Upheld: the response no longer counts towards TPP (it stays in the published SKM).
    pub upheld: bool,
    pub reason: String,
    pub decided_by: String,
    pub decided_at: OffsetDateTime,
}

#[derive(Clone, Copy)]
enum AppealFilter<'a> {
    Pending,
    Decided,
    Of { nip: &'a str, month: Month },
}

fn parse_month(text: &str) -> Result<Month, StoreError> {
    text.parse()
        .map_err(|_| corrupt(format!("period month '{text}'")))
}

fn parse_decimal(text: Option<String>) -> Result<Option<Decimal>, StoreError> {
    text.map(|t| Decimal::parse(&t).ok_or_else(|| corrupt(format!("decimal '{t}'"))))
        .transpose()
}

fn rated(tally: &Tally, spread: Spread) -> Option<Rated> {
    let score = tally.score(Weighting::Exact)?;
    Some(Rated {
        responses: tally.responses(),
        ikm: score.ikm_rounded(),
        spread,
    })
}

impl Store {
    /// Saves a policy from its TOML text. A version is never changed: saving the same text
    /// again does nothing, other text under an existing version is refused.
    pub async fn save_policy(
        &self,
        tenant_id: &str,
        text: &str,
        actor: &str,
        at: OffsetDateTime,
    ) -> Result<Policy, TppError> {
        let policy = Policy::from_toml(text)?;
        let mut tx = self.writer.begin().await?;
        let existing: Option<String> = sqlx::query_scalar(
            "SELECT policy_toml FROM tpp_policies WHERE tenant_id = $1 AND version = $2",
        )
        .bind(tenant_id)
        .bind(&policy.version)
        .fetch_optional(&mut *tx)
        .await?;
        match existing {
            Some(stored) if stored == text => return Ok(policy),
            Some(_) => return Err(TppError::PolicyVersionTaken(policy.version)),
            None => {}
        }
        sqlx::query(
            "INSERT INTO tpp_policies (tenant_id, version, effective_from, effective_until,
                 policy_toml, saved_by, saved_at_us) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(tenant_id)
        .bind(&policy.version)
        .bind(policy.effective_from.to_string())
        .bind(policy.effective_until.map(|m| m.to_string()))
        .bind(text)
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
                entity: "tpp_policy",
                entity_id: policy.version.clone(),
                before: None,
                after: Some(serde_json::json!({ "toml": text }).to_string()),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(policy)
    }

    /// Saved policies, latest effective first (then latest saved first).
    pub async fn policies(&self, tenant_id: &str) -> Result<Vec<StoredPolicy>, StoreError> {
        let rows = sqlx::query(
            "SELECT policy_toml, saved_by, saved_at_us FROM tpp_policies WHERE tenant_id = $1
             ORDER BY effective_from DESC, saved_at_us DESC",
        )
        .bind(tenant_id)
        .fetch_all(&self.reader)
        .await?;
        rows.iter()
            .map(|row| {
                let text: String = row.try_get("policy_toml")?;
                Ok(StoredPolicy {
                    policy: Policy::from_toml(&text)
                        .map_err(|e| corrupt(format!("stored policy: {e}")))?,
                    text,
                    saved_by: row.try_get("saved_by")?,
                    saved_at: from_micros(row.try_get("saved_at_us")?)?,
                })
            })
            .collect()
    }

    /// The policy for a month: the saved one effective latest that covers it, else the
    /// regency default (100 % from 80, score/100 below).
    pub async fn policy_for(&self, tenant_id: &str, month: Month) -> Result<Policy, StoreError> {
        Ok(self
            .policies(tenant_id)
            .await?
            .into_iter()
            .map(|p| p.policy)
            .find(|p| p.covers(month))
            .unwrap_or_else(Policy::regency_default))
    }

    /// Replaces the base amounts with an imported table (audit-logged with the old table).
    pub async fn replace_base_amounts(
        &self,
        tenant_id: &str,
        amounts: &[BaseAmount],
        actor: &str,
        at: OffsetDateTime,
    ) -> Result<(), StoreError> {
        let before = self.base_amounts(tenant_id).await?;
        let mut tx = self.writer.begin().await?;
        sqlx::query("DELETE FROM tpp_base_amounts WHERE tenant_id = $1")
            .bind(tenant_id)
            .execute(&mut *tx)
            .await?;
        for amount in amounts {
            sqlx::query(
                "INSERT INTO tpp_base_amounts (tenant_id, position_class, base_amount)
                 VALUES ($1, $2, $3)",
            )
            .bind(tenant_id)
            .bind(&amount.position_class)
            .bind(money(amount.amount))
            .execute(&mut *tx)
            .await?;
        }
        let after: BTreeMap<&str, u64> = amounts
            .iter()
            .map(|a| (a.position_class.as_str(), a.amount))
            .collect();
        audit::append(
            &mut tx,
            self,
            &AuditRecord {
                tenant_id,
                at,
                actor,
                action: "replace",
                entity: "tpp_base_amounts",
                entity_id: "all".into(),
                before: Some(serde_json::json!(before).to_string()),
                after: Some(serde_json::json!(after).to_string()),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Base TPP by position class.
    pub async fn base_amounts(&self, tenant_id: &str) -> Result<BTreeMap<String, u64>, StoreError> {
        let rows = sqlx::query(
            "SELECT position_class, base_amount FROM tpp_base_amounts WHERE tenant_id = $1",
        )
        .bind(tenant_id)
        .fetch_all(&self.reader)
        .await?;
        rows.iter()
            .map(|row| {
                Ok((
                    row.try_get("position_class")?,
                    to_u64(row.try_get("base_amount")?)?,
                ))
            })
            .collect()
    }

    /// Stores imported attendance/productivity factors (replacing those of the same officer
    /// and month). Every NIP must be known; otherwise nothing is stored.
    pub async fn import_components(
        &self,
        tenant_id: &str,
        rows: &[ComponentRow],
        actor: &str,
        at: OffsetDateTime,
    ) -> Result<(), TppError> {
        let mut tx = self.writer.begin().await?;
        let known: Vec<String> =
            sqlx::query_scalar("SELECT nip FROM officers WHERE tenant_id = $1")
                .bind(tenant_id)
                .fetch_all(&mut *tx)
                .await?;
        let known: std::collections::HashSet<String> = known.into_iter().collect();
        let mut unknown: Vec<String> = rows
            .iter()
            .filter(|r| !known.contains(&r.nip))
            .map(|r| r.nip.clone())
            .collect();
        unknown.dedup();
        if !unknown.is_empty() {
            return Err(TppError::UnknownOfficers(unknown));
        }
        for row in rows {
            sqlx::query(
                "INSERT INTO tpp_components (tenant_id, nip, period_month, attendance, productivity)
                 VALUES ($1, $2, $3, $4, $5)
                 ON CONFLICT (tenant_id, nip, period_month) DO UPDATE
                 SET attendance = excluded.attendance, productivity = excluded.productivity",
            )
            .bind(tenant_id)
            .bind(&row.nip)
            .bind(row.month.to_string())
            .bind(row.factors.attendance.map(|d| d.to_string()))
            .bind(row.factors.productivity.map(|d| d.to_string()))
            .execute(&mut *tx)
            .await?;
        }
        let mut months: Vec<String> = rows.iter().map(|r| r.month.to_string()).collect();
        months.sort();
        months.dedup();
        audit::append(
            &mut tx,
            self,
            &AuditRecord {
                tenant_id,
                at,
                actor,
                action: "import",
                entity: "tpp_components",
                entity_id: months.join(","),
                before: None,
                // Every row, so `suara verify` can replay the imports against the table.
                after: Some(
                    serde_json::json!({
                        "rows": rows.len(),
                        "imported": rows
                            .iter()
                            .map(|r| serde_json::json!([
                                r.nip,
                                r.month.to_string(),
                                r.factors.attendance.map(|d| d.to_string()),
                                r.factors.productivity.map(|d| d.to_string()),
                            ]))
                            .collect::<Vec<_>>(),
                    })
                    .to_string(),
                ),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Officers with imported components for the month, and their factors.
    pub async fn components(
        &self,
        tenant_id: &str,
        month: Month,
    ) -> Result<HashMap<String, OtherFactors>, StoreError> {
        let rows = sqlx::query(
            "SELECT nip, attendance, productivity FROM tpp_components
             WHERE tenant_id = $1 AND period_month = $2",
        )
        .bind(tenant_id)
        .bind(month.to_string())
        .fetch_all(&self.reader)
        .await?;
        rows.iter()
            .map(|row| {
                Ok((
                    row.try_get("nip")?,
                    OtherFactors {
                        attendance: parse_decimal(row.try_get("attendance")?)?,
                        productivity: parse_decimal(row.try_get("productivity")?)?,
                    },
                ))
            })
            .collect()
    }

    /// Counted responses of the month that are evidence for pay under the policy, by unit or
    /// officer: the month's running totals of the policy's trust level (see `totals`), less
    /// the responses left out of pay (`pay_evidence`).
    async fn tpp_tallies(
        &self,
        tenant_id: &str,
        month: Month,
        policy: &Policy,
        kind: ScopeKind,
        left_out: &[crate::pay_evidence::LeftOut],
    ) -> Result<Scopes, StoreError> {
        let scope = match (kind, crate::responses::totals::pay_scopes(policy.min_trust)) {
            (ScopeKind::Officer, Some((_, officer))) => officer,
            (ScopeKind::Officer, None) => "officer",
            (_, Some((unit, _))) => unit,
            (_, None) => "unit",
        };
        let sql = format!(
            "SELECT scope_id, {},
                 CAST(SUM(q_sum) AS BIGINT) AS q_sum, CAST(SUM(q_sq) AS BIGINT) AS q_sq
             FROM skm_monthly_totals
             WHERE tenant_id = $1 AND scope = $2 AND period_month = $3
             GROUP BY scope_id",
            tally_select(
                |i| format!("s{i}"),
                |i| format!("SUM(n{i})"),
                "SUM(responses)"
            )
        );
        let rows = sqlx::query(&sql)
            .bind(tenant_id)
            .bind(scope)
            .bind(month.to_string())
            .fetch_all(&self.reader)
            .await?;
        let mut totals: HashMap<String, (Tally, Spread)> = HashMap::new();
        for row in &rows {
            let spread = Spread {
                q_sum: to_u64(row.try_get("q_sum")?)?,
                q_sq: to_u64(row.try_get("q_sq")?)?,
            };
            totals.insert(row.try_get("scope_id")?, (tally_from_row(row)?, spread));
        }
        for left_out in left_out {
            let id = match kind {
                ScopeKind::Officer => match &left_out.officer_nip {
                    Some(nip) => nip.clone(),
                    None => continue,
                },
                _ => left_out.unit_id.clone(),
            };
            let answers = &left_out.answers;
            let mut taken = Tally::default();
            taken.add(answers);
            let values: Vec<Option<i64>> = answers
                .ratings()
                .iter()
                .map(|r| r.map(|r| i64::from(r.value())))
                .collect();
            let q = response_q(&values);
            let (counted, spread) = totals.get(&id).cloned().unwrap_or_default();
            let missing = || {
                corrupt(format!(
                    "the totals of {id} in {month} miss a response left out of pay"
                ))
            };
            let remaining = counted.without(&taken).ok_or_else(missing)?;
            let spread = spread.without(Spread::of(q)).ok_or_else(missing)?;
            totals.insert(id, (remaining, spread));
        }
        Ok(totals)
    }

    /// Everything the payroll of a month needs to know of each officer working on its last
    /// day: their unit then, base amount, own and unit scores, other components.
    pub async fn payroll_inputs(
        &self,
        tenant_id: &str,
        month: Month,
        policy: &Policy,
    ) -> Result<Vec<RunOfficer>, StoreError> {
        let last_day = month.last_day();
        // Whole months go to whoever works on the last day; under `part_month = "days"`
        // everyone assigned on any day of the month is read, with every assignment in it.
        let first_counted = match policy.part_month {
            PartMonth::LastDay => last_day,
            PartMonth::Days => last_day
                .replace_day(1)
                .map_err(|e| corrupt(format!("the first of {month}: {e}")))?,
        };
        let officers = sqlx::query(
            "SELECT o.nip, o.name, o.position_class, o.serves_public, o.rank, o.npwp, o.bank,
                 o.account_number, a.unit_id, u.name AS unit_name, a.valid_from, a.valid_until
             FROM officer_assignments a
             JOIN officers o ON o.tenant_id = a.tenant_id AND o.nip = a.nip
             JOIN units u ON u.tenant_id = a.tenant_id AND u.unit_id = a.unit_id
             WHERE a.tenant_id = $1 AND a.valid_from <= $2
               AND (a.valid_until IS NULL OR a.valid_until >= $3)
             ORDER BY o.nip, a.valid_from",
        )
        .bind(tenant_id)
        .bind(last_day.to_string())
        .bind(first_counted.to_string())
        .fetch_all(&self.reader);
        let officers = async { officers.await.map_err(StoreError::from) };
        let offset = self
            .tenant(tenant_id)
            .await?
            .map_or(0, |t| t.utc_offset_minutes);
        // The pace rule's read is the longest: it overlaps the others on the reader pool.
        let (officers, (mut all, mut confirmed)) = tokio::try_join!(
            officers,
            self.month_evidence(tenant_id, month, policy, offset)
        )?;
        self.add_earlier_months(tenant_id, month, policy, offset, &mut all, &mut confirmed)
            .await?;
        let units = self.units(tenant_id).await?;
        let tree = UnitTree::new(
            units
                .iter()
                .map(|u| (u.unit_id.as_str(), u.parent_id.as_deref())),
        );
        let bases = self.base_amounts(tenant_id).await?;
        let components = self.components(tenant_id, month).await?;
        let previous = match policy.max_monthly_fall {
            Some(_) => self.paid_factors(tenant_id, month.previous()).await?,
            None => HashMap::new(),
        };
        let users: HashMap<&str, Option<u32>> = units
            .iter()
            .map(|u| (u.unit_id.as_str(), u.monthly_users))
            .collect();
        let led = units_led(policy, &units, &tree);
        let officers = assigned_days(&officers, first_counted, last_day)?;
        let reads = PayrollReads {
            policy,
            tree,
            all,
            confirmed,
            bases,
            components,
            previous,
            users,
            led,
        };
        officers
            .iter()
            .map(|(row, part)| reads.run_officer(row, *part))
            .collect()
    }
    /// A rolling window adds up the evidence of the months before `month` to `all` and
    /// `confirmed`, each month read as its own month is (its pace rule, its confirmations).
    async fn add_earlier_months(
        &self,
        tenant_id: &str,
        month: Month,
        policy: &Policy,
        offset: i32,
        all: &mut Tallies,
        confirmed: &mut Option<Tallies>,
    ) -> Result<(), StoreError> {
        let months = policy
            .evidence
            .as_ref()
            .map_or(1, |rule| rule.months.max(1));
        let mut earlier = month;
        for _ in 1..months {
            earlier = earlier.previous();
            let (all_then, confirmed_then) = self
                .month_evidence(tenant_id, earlier, policy, offset)
                .await?;
            *confirmed = match (confirmed.take(), confirmed_then) {
                (None, None) => None,
                (Some(mut sum), then) => {
                    sum.add(then.as_ref().unwrap_or(&all_then));
                    Some(sum)
                }
                (None, Some(mut then)) => {
                    then.add(all);
                    Some(then)
                }
            };
            all.add(&all_then);
        }
        Ok(())
    }

    /// A month's pay evidence, and (when some answer waits for the inspectorate's
    /// confirmation) the evidence that is confirmed.
    async fn month_evidence(
        &self,
        tenant_id: &str,
        month: Month,
        policy: &Policy,
        offset: i32,
    ) -> Result<(Tallies, Option<Tallies>), StoreError> {
        let (left_out, confirmed) = tokio::try_join!(
            self.left_out_of_pay(tenant_id, month, policy, None),
            self.confirmed_evidence(tenant_id, month, policy)
        )?;
        let all = self
            .tallies(tenant_id, month, policy, offset, &left_out)
            .await?;
        // Only when some answer waits for confirmation is there a second reading to weigh.
        let confirmed = match confirmed {
            Confirmed::All => None,
            Confirmed::AllBut(without) => Some(
                self.tallies(tenant_id, month, policy, offset, &without)
                    .await?,
            ),
            Confirmed::Only(answers) => Some(Tallies::of(&answers, policy, offset)),
        };
        Ok((all, confirmed))
    }

    /// The month's pay evidence by officer, by unit and as days per unit, less `left_out`.
    async fn tallies(
        &self,
        tenant_id: &str,
        month: Month,
        policy: &Policy,
        utc_offset_minutes: i32,
        left_out: &[crate::pay_evidence::LeftOut],
    ) -> Result<Tallies, StoreError> {
        let by_officer = self.tpp_tallies(tenant_id, month, policy, ScopeKind::Officer, left_out);
        let by_unit = self.tpp_tallies(tenant_id, month, policy, ScopeKind::Unit, left_out);
        let days = self.evidence_days(tenant_id, month, policy, utc_offset_minutes, left_out);
        let (by_officer, by_unit, days) = tokio::try_join!(by_officer, by_unit, days)?;
        Ok(Tallies {
            by_officer,
            by_unit,
            days,
        })
    }

    /// The factor each officer was paid in `month`: by the newest approved or locked run,
    /// computed again from its records (a run edited in the database stops the next one).
    /// Empty when no run of the month was approved.
    async fn paid_factors(
        &self,
        tenant_id: &str,
        month: Month,
    ) -> Result<HashMap<String, Decimal>, StoreError> {
        let Some(version) = self.approved_version(tenant_id, month).await? else {
            return Ok(HashMap::new());
        };
        let run = self
            .payroll_run(tenant_id, month, Some(version))
            .await?
            .ok_or_else(|| corrupt(format!("run {month} v{version} vanished")))?;
        Ok(run
            .payroll
            .rows
            .into_iter()
            .map(|row| (row.nip, row.explanation.factor.paid))
            .collect())
    }

    /// The newest approved or locked version of a month's run.
    async fn approved_version(
        &self,
        tenant_id: &str,
        month: Month,
    ) -> Result<Option<i64>, StoreError> {
        Ok(sqlx::query_scalar(
            "SELECT MAX(run_version) FROM tpp_runs
             WHERE tenant_id = $1 AND period_month = $2 AND state IN ($3, $4)",
        )
        .bind(tenant_id)
        .bind(month.to_string())
        .bind(RunState::Approved.code())
        .bind(RunState::Locked.code())
        .fetch_one(&self.reader)
        .await?)
    }

    /// What a month's payroll would be from the inputs so far, stored nowhere: the
    /// provisional preview of a month that has not ended.
    pub async fn preview_payroll(
        &self,
        tenant_id: &str,
        month: Month,
    ) -> Result<(Policy, Vec<RunOfficer>, Payroll), TppError> {
        let policy = self.policy_for(tenant_id, month).await?;
        let officers = self.payroll_inputs(tenant_id, month, &policy).await?;
        let inputs: Vec<OfficerInput> = officers.iter().map(|o| o.input.clone()).collect();
        let payroll = payroll::compute(month, &policy, &inputs);
        Ok((policy, officers, payroll))
    }

    /// Computes a month's payroll and stores it in one transaction. The first run of a month
    /// is version 1; a draft or reviewed run is computed again in place (back to draft); an
    /// approved run must be locked first; after a locked run, a new version is made.
    pub async fn run_payroll(
        &self,
        tenant_id: &str,
        month: Month,
        actor: &str,
        at: OffsetDateTime,
        signer: &crate::LogSigner<'_>,
    ) -> Result<RunSummary, TppError> {
        let key = signer.key;
        let head = self.log_head_for_run(tenant_id, month, at, signer).await?;
        // Never pay from a policy, base, component, assignment or ticket edited in place.
        if let Some(problem) = self.pay_inputs_problem(tenant_id).await? {
            return Err(TppError::HistoryDisagrees(problem));
        }
        let policy = self.policy_for(tenant_id, month).await?;
        let officers = self.payroll_inputs(tenant_id, month, &policy).await?;
        let inputs: Vec<OfficerInput> = officers.iter().map(|o| o.input.clone()).collect();
        let payroll = payroll::compute(month, &policy, &inputs);
        let total = money(payroll.total());

        let mut tx = self.writer.begin().await?;
        let version = self.next_run_version(&mut tx, tenant_id, month).await?;
        let seal = RunSeal {
            tenant_id,
            month: &month.to_string(),
            version,
            policy_version: &policy.version,
            input_digest: &payroll.input_digest,
            total: payroll.total(),
            log_size: head.head.size,
            log_root: &head.head.root,
        }
        .sign(key);
        sqlx::query(
            "INSERT INTO tpp_runs (tenant_id, period_month, run_version, state, policy_version,
                 policy_toml, input_digest, total_amount, computed_by, computed_at_us,
                 log_size, log_root, log_signed_at_ms, log_signature, seal)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)",
        )
        .bind(tenant_id)
        .bind(month.to_string())
        .bind(version)
        .bind(RunState::Draft.code())
        .bind(&policy.version)
        .bind(policy.to_toml())
        .bind(&payroll.input_digest)
        .bind(total)
        .bind(actor)
        .bind(micros(at))
        .bind(money(head.head.size))
        .bind(head.head.root.to_hex())
        .bind(head.head.signed_at_ms)
        .bind(&head.signature)
        .bind(seal)
        .execute(&mut *tx)
        .await?;
        insert_run_officers(&mut tx, tenant_id, month, version, &officers, &payroll).await?;
        record_event(
            &mut tx,
            tenant_id,
            month,
            version,
            RunState::Draft,
            actor,
            at,
        )
        .await?;
        audit::append(
            &mut tx,
            self,
            &AuditRecord {
                tenant_id,
                at,
                actor,
                action: "compute",
                entity: crate::history::RUN_ENTITY,
                entity_id: crate::history::run_entity_id(month, version),
                before: None,
                after: Some(
                    serde_json::json!({
                        "policy_version": policy.version,
                        "input_digest": payroll.input_digest,
                        "total": payroll.total(),
                    })
                    .to_string(),
                ),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(RunSummary {
            month,
            version,
            state: RunState::Draft,
            policy_version: policy.version,
            input_digest: payroll.input_digest.clone(),
            total: payroll.total(),
            paid: payroll.rows.len() as u64,
            unpaid: payroll.unpaid.len() as u64,
            computed_by: actor.to_string(),
            computed_at: from_micros(micros(at))?,
        })
    }

    /// The log as it stands, signed now, for a run of `month` (which must have ended:
    /// responses of an unfinished month are still coming).
    async fn log_head_for_run(
        &self,
        tenant_id: &str,
        month: Month,
        at: OffsetDateTime,
        signer: &crate::LogSigner<'_>,
    ) -> Result<suara_domain::integrity::signed_head::SignedHead, TppError> {
        let key = signer.key;
        // Responses of an unfinished month are still coming: a run now would pay on half a
        // month (or, for a future month, on nothing at all).
        let current = self
            .tenant(tenant_id)
            .await?
            .ok_or_else(|| StoreError::Corrupt(format!("no regency {tenant_id}")))?
            .month_of(at);
        if month >= current {
            return Err(TppError::MonthNotEnded(month));
        }
        // The log as it stands, signed now (refused when it does not extend every head it
        // must): without witnesses, the run records it and is sealed with it.
        let head = self
            .sign_log(tenant_id, signer, at)
            .await?
            .unwrap_or_else(|| {
                TreeHead {
                    log: LogKind::Responses,
                    tenant_id: tenant_id.to_string(),
                    size: 0,
                    root: empty_root(),
                    signed_at_ms: (at.unix_timestamp_nanos() / 1_000_000) as i64,
                }
                .sign(key)
            });
        if signer.witnessed.quorum == 0 {
            return Ok(head);
        }
        self.witnessed_head_for_run(tenant_id, month, head, signer)
            .await
    }

    /// With witnesses, the run points to the newest checkpoint they cosigned, which must hold
    /// every counted response of the month and be extended by the log as it stands.
    async fn witnessed_head_for_run(
        &self,
        tenant_id: &str,
        month: Month,
        now: suara_domain::integrity::signed_head::SignedHead,
        signer: &crate::LogSigner<'_>,
    ) -> Result<suara_domain::integrity::signed_head::SignedHead, TppError> {
        let needed = self.last_leaf_of(tenant_id, &month.to_string()).await?;
        if needed == 0 {
            return Ok(now);
        }
        let public = signer.key.public();
        let cosigned = self
            .cosigned_checkpoint(tenant_id, &public, signer.witnessed)
            .await?
            .map(|c| c.head);
        let head = match cosigned {
            Some(head) if head.head.size >= needed => head,
            head => {
                return Err(TppError::NotWitnessed {
                    month,
                    needed,
                    cosigned: head.map_or(0, |h| h.head.size),
                })
            }
        };
        let (old, new) = (head.head.size, now.head.size);
        let extends = old <= new && {
            let proof = if old == new {
                Vec::new()
            } else {
                self.consistency_proof(tenant_id, old, new).await?
            };
            suara_domain::integrity::merkle::verify_consistency(
                old,
                new,
                &proof,
                &head.head.root,
                &now.head.root,
            )
        };
        if !extends {
            return Err(StoreError::NotExtending(format!(
                "the log of {new} leaves does not extend the checkpoint of {old} leaves the witnesses cosigned"
            ))
            .into());
        }
        Ok(head)
    }

    /// The version a new computation of `month` gets: the draft or reviewed run's own
    /// (its rows deleted, to be written again), or the next after a locked or discarded one;
    /// refused while a run waits to be locked, or when the signed audit chain disagrees
    /// with the run's state in the database.
    async fn next_run_version(
        &self,
        tx: &mut AnyConnection,
        tenant_id: &str,
        month: Month,
    ) -> Result<i64, TppError> {
        let latest = sqlx::query(
            "SELECT run_version, state FROM tpp_runs WHERE tenant_id = $1 AND period_month = $2
             ORDER BY run_version DESC LIMIT 1",
        )
        .bind(tenant_id)
        .bind(month.to_string())
        .fetch_optional(&mut *tx)
        .await?;
        let latest = match latest {
            Some(row) => {
                let state: String = row.try_get("state")?;
                Some((
                    row.try_get::<i64, _>("run_version")?,
                    RunState::from_code(&state)
                        .ok_or_else(|| corrupt(format!("run state '{state}'")))?,
                ))
            }
            None => None,
        };
        Ok(match latest {
            Some((version, RunState::Approved)) => {
                return Err(TppError::AwaitingLock(month, version))
            }
            Some((version, state)) if state != RunState::Locked => {
                // Recomputed in place, or followed by a new version, only if the signed audit
                // chain agrees: a locked run set back to draft, or marked discarded, in the
                // database must be neither overwritten nor replaced.
                match self.run_by_history(tenant_id, month, version).await? {
                    Ok(record) if record.state == state => {}
                    Ok(record) => {
                        return Err(TppError::HistoryDisagrees(format!(
                        "run {month} v{version} is {} in the database, but the audit chain says {}: it was changed behind the application's back",
                        state.code(),
                        record.state.code()
                    )))
                    }
                    Err(why) => {
                        return Err(TppError::HistoryDisagrees(format!(
                            "run {month} v{version}: {why}: it was changed behind the application's back"
                        )))
                    }
                }
                if state == RunState::Discarded {
                    version + 1
                } else {
                    for table in ["tpp_runs", "tpp_run_officers"] {
                        sqlx::query(&format!(
                            "DELETE FROM {table}
                             WHERE tenant_id = $1 AND period_month = $2 AND run_version = $3"
                        ))
                        .bind(tenant_id)
                        .bind(month.to_string())
                        .bind(version)
                        .execute(&mut *tx)
                        .await?;
                    }
                    version
                }
            }
            Some((version, _)) => version + 1,
            None => 1,
        })
    }

    /// Every run, latest month and version first.
    pub async fn payroll_runs(&self, tenant_id: &str) -> Result<Vec<RunSummary>, StoreError> {
        let rows = sqlx::query(&format!(
            "SELECT {RUN_COLUMNS} FROM tpp_runs r WHERE r.tenant_id = $1
             ORDER BY r.period_month DESC, r.run_version DESC"
        ))
        .bind(tenant_id)
        .fetch_all(&self.reader)
        .await?;
        rows.iter().map(summary_from_row).collect()
    }

    /// What `policy` would have paid in each of the last `months` computed months, beside
    /// the run in force of each: the payroll is computed as a run would compute it now (from
    /// today's inputs), stored nowhere. Newest month first.
    pub async fn simulate_policy(
        &self,
        tenant_id: &str,
        policy: &Policy,
        months: usize,
    ) -> Result<Vec<(StoredRun, Payroll)>, StoreError> {
        let mut computed: Vec<Month> = self
            .payroll_runs(tenant_id)
            .await?
            .into_iter()
            .map(|r| r.month)
            .collect();
        computed.dedup();
        let mut out = Vec::new();
        for month in computed.into_iter().take(months) {
            let Some(run) = self.payroll_run_in_force(tenant_id, month).await? else {
                continue;
            };
            let officers = self.payroll_inputs(tenant_id, month, policy).await?;
            let inputs: Vec<OfficerInput> = officers.iter().map(|o| o.input.clone()).collect();
            out.push((run, payroll::compute(month, policy, &inputs)));
        }
        Ok(out)
    }

    /// The run of `month` in force: its newest approved or locked version (what was or will
    /// be paid), else its newest version not discarded. A draft of a new version does not
    /// replace what an officer was paid until it is approved.
    pub async fn payroll_run_in_force(
        &self,
        tenant_id: &str,
        month: Month,
    ) -> Result<Option<StoredRun>, StoreError> {
        let version = match self.approved_version(tenant_id, month).await? {
            Some(version) => version,
            None => {
                let kept: Option<i64> = sqlx::query_scalar(
                    "SELECT MAX(run_version) FROM tpp_runs
                     WHERE tenant_id = $1 AND period_month = $2 AND state <> $3",
                )
                .bind(tenant_id)
                .bind(month.to_string())
                .bind(RunState::Discarded.code())
                .fetch_one(&self.reader)
                .await?;
                match kept {
                    Some(version) => version,
                    None => return Ok(None),
                }
            }
        };
        self.payroll_run(tenant_id, month, Some(version)).await
    }

    /// A run (the latest version of the month when `version` is `None`), computed again from
    /// its recorded inputs and checked against what was stored.
    pub async fn payroll_run(
        &self,
        tenant_id: &str,
        month: Month,
        version: Option<i64>,
    ) -> Result<Option<StoredRun>, StoreError> {
        let row = sqlx::query(&format!(
            "SELECT {RUN_COLUMNS}, r.policy_toml FROM tpp_runs r
             WHERE r.tenant_id = $1 AND r.period_month = $2 AND ($3 < 0 OR r.run_version = $3)
             ORDER BY r.run_version DESC LIMIT 1"
        ))
        .bind(tenant_id)
        .bind(month.to_string())
        .bind(version.unwrap_or(-1))
        .fetch_optional(&self.reader)
        .await?;
        let Some(row) = row else {
            return Ok(None);
        };
        let summary = summary_from_row(&row)?;
        let policy_text: String = row.try_get("policy_toml")?;
        let policy = Policy::from_toml(&policy_text)
            .map_err(|e| corrupt(format!("policy of run {month} v{}: {e}", summary.version)))?;
        let rows = sqlx::query(
            "SELECT nip, name, unit_id, unit_name, position_class, base_amount, public_facing,
                 officer_responses, officer_ikm, score_unit_id, unit_responses, unit_ikm,
                 attendance, productivity, amount, officer_q_sum, officer_q_sq, unit_q_sum, unit_q_sq,
                 unit_days, unit_users, set_aside_amount, pay_rank, pay_npwp, pay_bank, pay_account,
                 previous_factor, led_units, part_days, part_of
             FROM tpp_run_officers
             WHERE tenant_id = $1 AND period_month = $2 AND run_version = $3 ORDER BY nip",
        )
        .bind(tenant_id)
        .bind(month.to_string())
        .bind(summary.version)
        .fetch_all(&self.reader)
        .await?;
        let mut officers = Vec::with_capacity(rows.len());
        let mut stored_amounts = HashMap::new();
        for row in &rows {
            let (officer, amount) = run_officer_from_row(row)?;
            stored_amounts.insert(officer.input.nip.clone(), amount);
            officers.push(officer);
        }
        // In Rust's order, whatever the database's collation, for `StoredRun::officer`.
        officers.sort_by(|a, b| a.input.nip.cmp(&b.input.nip));
        let inputs: Vec<OfficerInput> = officers.iter().map(|o| o.input.clone()).collect();
        let payroll = payroll::compute(month, &policy, &inputs);
        let paid: HashMap<&str, u64> = payroll
            .rows
            .iter()
            .map(|r| (r.nip.as_str(), r.explanation.amount))
            .collect();
        let recomputed: HashMap<String, Option<u64>> = officers
            .iter()
            .map(|o| (o.input.nip.clone(), paid.get(o.input.nip.as_str()).copied()))
            .collect();
        if payroll.input_digest != summary.input_digest
            || recomputed != stored_amounts
            || payroll.total() != summary.total
        {
            return Err(StoreError::RecordsDisagree(format!(
                "run {month} v{} does not compute again to its stored digest and amounts",
                summary.version
            )));
        }
        let events = sqlx::query(
            "SELECT state, actor, at_us FROM tpp_run_events
             WHERE tenant_id = $1 AND period_month = $2 AND run_version = $3 ORDER BY at_us",
        )
        .bind(tenant_id)
        .bind(month.to_string())
        .bind(summary.version)
        .fetch_all(&self.reader)
        .await?
        .iter()
        .map(|row| {
            let state: String = row.try_get("state")?;
            Ok(RunEvent {
                state: RunState::from_code(&state)
                    .ok_or_else(|| corrupt(format!("run state '{state}'")))?,
                actor: row.try_get("actor")?,
                at: from_micros(row.try_get("at_us")?)?,
            })
        })
        .collect::<Result<_, StoreError>>()?;
        Ok(Some(StoredRun {
            summary,
            policy,
            policy_text,
            officers,
            payroll,
            events,
        }))
    }

    /// Moves a run from `from` to the next state. `from` is what the user saw, so two people
    /// pressing at once cannot skip a state.
    pub async fn advance_run(
        &self,
        tenant_id: &str,
        month: Month,
        version: i64,
        from: RunState,
        actor: &str,
        at: OffsetDateTime,
    ) -> Result<RunState, TppError> {
        let to = from.next().ok_or(TppError::Locked)?;
        if matches!(to, RunState::Reviewed | RunState::Approved) {
            self.refuse_drifted(tenant_id, month, version).await?;
        }
        let mut tx = self.writer.begin().await?;
        if to == RunState::Approved {
            let (computed_by, reviewed_by) = run_people(&mut tx, tenant_id, month, version)
                .await?
                .ok_or(TppError::NoSuchRun(month, version))?;
            if !payroll::may_approve(&computed_by, reviewed_by.as_deref(), actor) {
                return Err(TppError::FourEyes {
                    computed_by,
                    reviewed_by: reviewed_by.unwrap_or_default(),
                });
            }
        }
        self.move_run(&mut tx, tenant_id, month, version, (from, to), actor, at)
            .await?;
        tx.commit().await?;
        Ok(to)
    }

    /// Discards a draft or reviewed version that will not be paid (`from` is what the user
    /// saw). It is kept and audit-logged, but is never the month's run in force, and the
    /// next computation of the month makes a new version.
    pub async fn discard_run(
        &self,
        tenant_id: &str,
        month: Month,
        version: i64,
        from: RunState,
        actor: &str,
        at: OffsetDateTime,
    ) -> Result<(), TppError> {
        if !from.may_discard() {
            return Err(TppError::NotDiscardable);
        }
        let mut tx = self.writer.begin().await?;
        let to = RunState::Discarded;
        self.move_run(&mut tx, tenant_id, month, version, (from, to), actor, at)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Moves a run from one state to another in `tx`, if it is still in the first, with
    /// its event and audit entry.
    #[allow(clippy::too_many_arguments)]
    async fn move_run(
        &self,
        tx: &mut sqlx::AnyConnection,
        tenant_id: &str,
        month: Month,
        version: i64,
        (from, to): (RunState, RunState),
        actor: &str,
        at: OffsetDateTime,
    ) -> Result<(), TppError> {
        let moved = sqlx::query(
            "UPDATE tpp_runs SET state = $5
             WHERE tenant_id = $1 AND period_month = $2 AND run_version = $3 AND state = $4",
        )
        .bind(tenant_id)
        .bind(month.to_string())
        .bind(version)
        .bind(from.code())
        .bind(to.code())
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if moved == 0 {
            let found: Option<String> = sqlx::query_scalar(
                "SELECT state FROM tpp_runs
                 WHERE tenant_id = $1 AND period_month = $2 AND run_version = $3",
            )
            .bind(tenant_id)
            .bind(month.to_string())
            .bind(version)
            .fetch_optional(&mut *tx)
            .await?;
            return Err(match found {
                None => TppError::NoSuchRun(month, version),
                Some(found) => TppError::StateMoved {
                    expected: from.code().to_string(),
                    found,
                },
            });
        }
        record_event(&mut *tx, tenant_id, month, version, to, actor, at).await?;
        audit::append(
            &mut *tx,
            self,
            &AuditRecord {
                tenant_id,
                at,
                actor,
                action: to.code(),
                entity: crate::history::RUN_ENTITY,
                entity_id: crate::history::run_entity_id(month, version),
                before: Some(serde_json::json!({ "state": from.code() }).to_string()),
                after: Some(serde_json::json!({ "state": to.code() }).to_string()),
            },
        )
        .await?;
        Ok(())
    }

    /// Responses of the month naming the officer that count in the published SKM, latest
    /// first, with any appeal. Held ones are left out (and rejected ones never come): the
    /// list agrees with the published count, so an officer cannot find which of their
    /// answers were held by watching a row appear that the count does not.
    pub async fn responses_naming(
        &self,
        tenant_id: &str,
        nip: &str,
        month: Month,
    ) -> Result<Vec<NamingResponse>, StoreError> {
        let answers = (1..=ELEMENT_COUNT)
            .map(|i| format!("r.u{i}"))
            .collect::<Vec<_>>()
            .join(", ");
        let sql = format!(
            "SELECT r.response_id, r.received_at_us, r.channel, {answers},
                 (SELECT COUNT(*) FROM tickets t WHERE t.tenant_id = r.tenant_id
                      AND t.response_id = r.response_id AND t.issuer_nip IS NOT NULL)
                     AS officer_tickets
             FROM responses r
             WHERE r.tenant_id = $1 AND r.officer_nip = $2 AND r.period_month = $3 AND {}
             ORDER BY r.received_at_us DESC",
            crate::responses::COUNTED
        );
        let rows = sqlx::query(&sql)
            .bind(tenant_id)
            .bind(nip)
            .bind(month.to_string())
            .fetch_all(&self.reader)
            .await?;
        let appeals: HashMap<i64, Appeal> = self
            .appeals_where(tenant_id, AppealFilter::Of { nip, month })
            .await?
            .into_iter()
            .map(|a| (a.response_id, a))
            .collect();
        rows.iter()
            .map(|row| {
                let response_id: i64 = row.try_get("response_id")?;
                let mut answers = [None; ELEMENT_COUNT];
                for (answer, column) in answers.iter_mut().zip(ANSWER_COLUMNS) {
                    let value: Option<i64> = row.try_get(column)?;
                    *answer = value.and_then(|v| u8::try_from(v).ok());
                }
                let channel: String = row.try_get("channel")?;
                let by_officer = row.try_get::<i64, _>("officer_tickets")? > 0;
                Ok(NamingResponse {
                    response_id,
                    received_at: from_micros(row.try_get("received_at_us")?)?,
                    pay_trust: crate::responses::totals::pay_trust(&channel, by_officer),
                    channel,
                    answers,
                    appeal: appeals.get(&response_id).cloned(),
                })
            })
            .collect()
    }

    /// An officer disputes a response that names them.
    pub async fn file_appeal(
        &self,
        tenant_id: &str,
        nip: &str,
        response_id: i64,
        reason: &str,
        at: OffsetDateTime,
    ) -> Result<(), TppError> {
        let reason = reason.trim();
        if reason.is_empty() {
            return Err(TppError::ReasonRequired);
        }
        let mut tx = self.writer.begin().await?;
        // Only a response the officer's page lists may be appealed: one held (or rejected)
        // is refused like one that is not theirs, so no probe tells which were held.
        let month: Option<String> = sqlx::query_scalar(&format!(
            "SELECT r.period_month FROM responses r
             WHERE r.tenant_id = $1 AND r.response_id = $2 AND r.officer_nip = $3 AND {}",
            crate::responses::COUNTED
        ))
        .bind(tenant_id)
        .bind(response_id)
        .bind(nip)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(month) = month else {
            return Err(TppError::NotTheirResponse(response_id));
        };
        let inserted = sqlx::query(
            "INSERT INTO tpp_appeals (tenant_id, response_id, nip, period_month, reason, filed_at_us)
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (tenant_id, response_id) DO NOTHING",
        )
        .bind(tenant_id)
        .bind(response_id)
        .bind(nip)
        .bind(&month)
        .bind(reason)
        .bind(micros(at))
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if inserted == 0 {
            return Err(TppError::AlreadyAppealed);
        }
        audit::append(
            &mut tx,
            self,
            &AuditRecord {
                tenant_id,
                at,
                actor: nip,
                action: "file",
                entity: "tpp_appeal",
                entity_id: response_id.to_string(),
                before: None,
                after: Some(serde_json::json!({ "month": month, "reason": reason }).to_string()),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Appeals waiting for a decision, oldest first.
    pub async fn pending_appeals(&self, tenant_id: &str) -> Result<Vec<Appeal>, StoreError> {
        self.appeals_where(tenant_id, AppealFilter::Pending).await
    }

    /// Appeals decided, latest decision first.
    pub async fn decided_appeals(
        &self,
        tenant_id: &str,
        limit: u32,
    ) -> Result<Vec<Appeal>, StoreError> {
        let mut appeals = self.appeals_where(tenant_id, AppealFilter::Decided).await?;
        appeals.sort_by_key(|a| std::cmp::Reverse(a.decision.as_ref().map(|d| d.decided_at)));
        appeals.truncate(limit as usize);
        Ok(appeals)
    }

    async fn appeals_where(
        &self,
        tenant_id: &str,
        filter: AppealFilter<'_>,
    ) -> Result<Vec<Appeal>, StoreError> {
        let condition = match filter {
            AppealFilter::Pending => "d.response_id IS NULL",
            AppealFilter::Decided => "d.response_id IS NOT NULL",
            AppealFilter::Of { .. } => "a.nip = $2 AND a.period_month = $3",
        };
        let sql = format!(
            "SELECT a.response_id, a.nip, a.period_month, a.reason, a.filed_at_us,
                 d.upheld, d.reason AS decision_reason, d.decided_by, d.decided_at_us
             FROM tpp_appeals a
             LEFT JOIN tpp_appeal_decisions d
                 ON d.tenant_id = a.tenant_id AND d.response_id = a.response_id
             WHERE a.tenant_id = $1 AND {condition}
             ORDER BY a.filed_at_us"
        );
        let mut query = sqlx::query(&sql).bind(tenant_id);
        if let AppealFilter::Of { nip, month } = filter {
            query = query.bind(nip).bind(month.to_string());
        }
        let rows = query.fetch_all(&self.reader).await?;
        rows.iter().map(appeal_from_row).collect()
    }

    /// The inspectorate's decision on an appeal: final, audit-logged. An upheld appeal takes
    /// the response out of TPP scores from the next run on.
    pub async fn decide_appeal(
        &self,
        tenant_id: &str,
        response_id: i64,
        upheld: bool,
        reason: &str,
        actor: &str,
        at: OffsetDateTime,
    ) -> Result<(), TppError> {
        let reason = reason.trim();
        if reason.is_empty() {
            return Err(TppError::ReasonRequired);
        }
        let mut tx = self.writer.begin().await?;
        let appealed: Option<String> = sqlx::query_scalar(
            "SELECT nip FROM tpp_appeals WHERE tenant_id = $1 AND response_id = $2",
        )
        .bind(tenant_id)
        .bind(response_id)
        .fetch_optional(&mut *tx)
        .await?;
        if appealed.is_none() {
            return Err(TppError::NoSuchAppeal(response_id));
        }
        let inserted = sqlx::query(
            "INSERT INTO tpp_appeal_decisions (tenant_id, response_id, upheld, reason, decided_by,
                 decided_at_us) VALUES ($1, $2, $3, $4, $5, $6)
             ON CONFLICT (tenant_id, response_id) DO NOTHING",
        )
        .bind(tenant_id)
        .bind(response_id)
        .bind(i64::from(upheld))
        .bind(reason)
        .bind(actor)
        .bind(micros(at))
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if inserted == 0 {
            return Err(TppError::AlreadyDecided);
        }
        audit::append(
            &mut tx,
            self,
            &AuditRecord {
                tenant_id,
                at,
                actor,
                action: if upheld { "uphold" } else { "dismiss" },
                entity: "tpp_appeal",
                entity_id: response_id.to_string(),
                before: None,
                after: Some(serde_json::json!({ "upheld": upheld, "reason": reason }).to_string()),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}

/// A month's pay evidence, as the payroll reads it.
/// The units a head who does not serve the public is judged on, under a policy that judges
/// such heads on the units they lead.
struct Led {
    /// The highest unit they head, named as the unit whose score decides.
    head_of: String,
    /// Every unit they head and the units below, by code.
    units: Vec<String>,
    /// Their registered users per month together; `None` when none is registered.
    users: Option<u32>,
}

/// By head's NIP, what each unit head leads; empty unless the policy asks for it.
fn units_led(policy: &Policy, units: &[Unit], tree: &UnitTree) -> HashMap<String, Led> {
    let mut led: HashMap<String, Led> = HashMap::new();
    if policy.not_serving_public != NotServingPublic::UnitsLed {
        return led;
    }
    let mut headed: Vec<&Unit> = units.iter().filter(|u| u.head_nip.is_some()).collect();
    headed.sort_by_key(|u| (tree.depth(&u.unit_id), u.unit_id.clone()));
    for unit in headed {
        let Some(nip) = &unit.head_nip else { continue };
        let entry = led.entry(nip.clone()).or_insert_with(|| Led {
            head_of: unit.unit_id.clone(),
            units: Vec::new(),
            users: None,
        });
        entry.units.extend(tree.subtree(&unit.unit_id));
    }
    for entry in led.values_mut() {
        entry.units.sort();
        entry.units.dedup();
        entry.users = units
            .iter()
            .filter(|u| entry.units.binary_search(&u.unit_id).is_ok())
            .filter_map(|u| u.monthly_users)
            .reduce(|a, b| a.saturating_add(b));
    }
    led
}

/// What `payroll_inputs` reads once for a month, to turn each assignment into a run's officer.
struct PayrollReads<'a> {
    policy: &'a Policy,
    tree: UnitTree,
    all: Tallies,
    confirmed: Option<Tallies>,
    bases: BTreeMap<String, u64>,
    components: HashMap<String, OtherFactors>,
    previous: HashMap<String, Decimal>,
    users: HashMap<&'a str, Option<u32>>,
    led: HashMap<String, Led>,
}

impl PayrollReads<'_> {
    /// One officer's payroll input, from their assignment row and the part of the month.
    fn run_officer(&self, row: &AnyRow, part: Part) -> Result<RunOfficer, StoreError> {
        let nip: String = row.try_get("nip")?;
        let position_class: String = row.try_get("position_class")?;
        let unit_id: String = row.try_get("unit_id")?;
        let public_facing = row.try_get::<i64, _>("serves_public")? != 0;
        let led = self.led.get(nip.as_str()).filter(|_| !public_facing);
        let score_unit_id = match led {
            Some(led) => Some(led.head_of.clone()),
            None => self
                .tree
                .ancestry(&unit_id)
                .into_iter()
                .find(|u| self.all.unit(u).is_some())
                .map(str::to_string),
        };
        let decides = score_unit_id.as_deref().unwrap_or(&unit_id);
        let pay = PayDetails {
            rank: row.try_get("rank")?,
            npwp: row.try_get("npwp")?,
            bank: row.try_get("bank")?,
            account_number: row.try_get("account_number")?,
        };
        let input_from = |tallies: &Tallies| {
            let (unit, days, monthly_users) = match led {
                Some(led) => {
                    let (unit, days) = tallies.units(&led.units);
                    (unit, days, led.users)
                }
                None => (
                    score_unit_id.as_ref().and_then(|u| tallies.unit(u)),
                    tallies.days_of(decides),
                    self.users.get(decides).copied().flatten(),
                ),
            };
            OfficerInput {
                base: self.bases.get(&position_class).copied(),
                officer: tallies.officer(&nip),
                unit,
                others: self.components.get(&nip).copied().unwrap_or_default(),
                public_facing,
                coverage: Coverage {
                    days: Some(days),
                    monthly_users,
                },
                nip: nip.clone(),
                unit_id: unit_id.clone(),
                position_class: position_class.clone(),
                set_aside: None,
                pay: Some(pay.clone()),
                previous_factor: self.previous.get(&nip).copied(),
                led_units: led.map(|l| l.units.clone()).unwrap_or_default(),
                part,
            }
        };
        let input = match &self.confirmed {
            Some(confirmed) => {
                sources::settle(self.policy, input_from(&self.all), input_from(confirmed))
            }
            None => input_from(&self.all),
        };
        Ok(RunOfficer {
            input,
            name: row.try_get("name")?,
            unit_name: row.try_get("unit_name")?,
            score_unit_id,
        })
    }
}

/// Pay evidence as added up: each scope's tally and spread.
type Scopes = HashMap<String, (Tally, Spread)>;

/// Pay evidence, as the payroll reads it: of a month, or of a policy's window of months.
struct Tallies {
    by_officer: Scopes,
    by_unit: Scopes,
    /// The days (in the regency's calendar, as day numbers) with evidence, per unit.
    days: HashMap<String, HashSet<i64>>,
}

impl Tallies {
    /// Adds another period's evidence (periods never share a day).
    fn add(&mut self, other: &Tallies) {
        for (mine, theirs) in [
            (&mut self.by_officer, &other.by_officer),
            (&mut self.by_unit, &other.by_unit),
        ] {
            for (id, (tally, spread)) in theirs {
                let (sum, total) = mine.entry(id.clone()).or_default();
                sum.merge(tally);
                total.add(*spread);
            }
        }
        for (unit, days) in &other.days {
            self.days.entry(unit.clone()).or_default().extend(days);
        }
    }

    /// Distinct days with evidence in a unit.
    fn days_of(&self, unit_id: &str) -> u32 {
        self.days.get(unit_id).map_or(0, |d| d.len() as u32)
    }

    /// The evidence of several units added up, and their distinct days together.
    fn units(&self, unit_ids: &[String]) -> (Option<Rated>, u32) {
        let mut tally = Tally::default();
        let mut spread = Spread::default();
        let mut days: HashSet<i64> = HashSet::new();
        for unit in unit_ids {
            if let Some((t, s)) = self.by_unit.get(unit) {
                tally.merge(t);
                spread.add(*s);
            }
            days.extend(self.days.get(unit).into_iter().flatten());
        }
        (rated(&tally, spread), days.len() as u32)
    }

    fn officer(&self, nip: &str) -> Option<Rated> {
        let (tally, spread) = self.by_officer.get(nip)?;
        rated(tally, *spread)
    }

    fn unit(&self, unit_id: &str) -> Option<Rated> {
        let (tally, spread) = self.by_unit.get(unit_id)?;
        rated(tally, *spread)
    }

    /// The evidence of these answers alone, days in the regency's calendar (counted, as
    /// `evidence_days` counts them, only when the policy asks for a spread of days).
    fn of(answers: &[LeftOut], policy: &Policy, utc_offset_minutes: i32) -> Tallies {
        let count_days = policy
            .evidence
            .as_ref()
            .is_some_and(|rule| rule.min_days > 0);
        let mut officers: HashMap<&str, (Tally, Spread)> = HashMap::new();
        let mut units: HashMap<&str, (Tally, Spread)> = HashMap::new();
        let mut days: HashSet<(&str, i64)> = HashSet::new();
        let offset_us = i64::from(utc_offset_minutes) * 60_000_000;
        for answer in answers {
            let values: Vec<Option<i64>> = answer
                .answers
                .ratings()
                .iter()
                .map(|r| r.map(|r| i64::from(r.value())))
                .collect();
            let spread = Spread::of(response_q(&values));
            let mut scopes = vec![&mut *units.entry(&answer.unit_id).or_default()];
            if let Some(nip) = &answer.officer_nip {
                scopes.push(officers.entry(nip).or_default());
            }
            for (tally, total) in scopes {
                tally.add(&answer.answers);
                total.add(spread);
            }
            if count_days {
                days.insert((
                    &answer.unit_id,
                    (answer.received_at_us + offset_us).div_euclid(crate::pay_evidence::DAY_US),
                ));
            }
        }
        let owned = |scopes: HashMap<&str, (Tally, Spread)>| {
            scopes
                .into_iter()
                .map(|(id, evidence)| (id.to_string(), evidence))
                .collect()
        };
        let mut per_unit: HashMap<String, HashSet<i64>> = HashMap::new();
        for (unit, day) in days {
            per_unit.entry(unit.to_string()).or_default().insert(day);
        }
        Tallies {
            by_officer: owned(officers),
            by_unit: owned(units),
            days: per_unit,
        }
    }
}

const RUN_COLUMNS: &str = "r.period_month, r.run_version, r.state, r.policy_version, r.input_digest,
    r.total_amount, r.computed_by, r.computed_at_us,
    (SELECT COUNT(*) FROM tpp_run_officers o WHERE o.tenant_id = r.tenant_id
        AND o.period_month = r.period_month AND o.run_version = r.run_version AND o.amount IS NOT NULL)
        AS paid_officers,
    (SELECT COUNT(*) FROM tpp_run_officers o WHERE o.tenant_id = r.tenant_id
        AND o.period_month = r.period_month AND o.run_version = r.run_version AND o.amount IS NULL)
        AS unpaid_officers";

fn summary_from_row(row: &AnyRow) -> Result<RunSummary, StoreError> {
    let month: String = row.try_get("period_month")?;
    let state: String = row.try_get("state")?;
    Ok(RunSummary {
        month: parse_month(&month)?,
        version: row.try_get("run_version")?,
        state: RunState::from_code(&state)
            .ok_or_else(|| corrupt(format!("run state '{state}'")))?,
        policy_version: row.try_get("policy_version")?,
        input_digest: row.try_get("input_digest")?,
        total: to_u64(row.try_get("total_amount")?)?,
        computed_by: row.try_get("computed_by")?,
        computed_at: from_micros(row.try_get("computed_at_us")?)?,
        paid: to_u64(row.try_get("paid_officers")?)?,
        unpaid: to_u64(row.try_get("unpaid_officers")?)?,
    })
}

fn run_officer_from_row(row: &AnyRow) -> Result<(RunOfficer, Option<u64>), StoreError> {
    // The `officer_…` or `unit_…` columns.
    let rated = |q: &str| -> Result<Option<Rated>, StoreError> {
        let column = |name: &str| format!("{q}_{name}");
        let count = to_u64(row.try_get(column("responses").as_str())?)?;
        let spread = Spread {
            q_sum: to_u64(row.try_get(column("q_sum").as_str())?)?,
            q_sq: to_u64(row.try_get(column("q_sq").as_str())?)?,
        };
        let ikm = parse_decimal(row.try_get(column("ikm").as_str())?)?;
        Ok(ikm.map(|ikm| Rated {
            responses: count,
            ikm,
            spread,
        }))
    };
    let base: Option<i64> = row.try_get("base_amount")?;
    let amount: Option<i64> = row.try_get("amount")?;
    Ok((
        RunOfficer {
            input: OfficerInput {
                nip: row.try_get("nip")?,
                unit_id: row.try_get("unit_id")?,
                position_class: row.try_get("position_class")?,
                base: base.map(to_u64).transpose()?,
                public_facing: row.try_get::<i64, _>("public_facing")? != 0,
                coverage: Coverage {
                    days: row
                        .try_get::<Option<i64>, _>("unit_days")?
                        .map(|d| u32::try_from(d).unwrap_or(u32::MAX)),
                    monthly_users: row
                        .try_get::<Option<i64>, _>("unit_users")?
                        .map(|u| u32::try_from(u).unwrap_or(u32::MAX)),
                },
                officer: rated("officer")?,
                unit: rated("unit")?,
                others: OtherFactors {
                    attendance: parse_decimal(row.try_get("attendance")?)?,
                    productivity: parse_decimal(row.try_get("productivity")?)?,
                },
                set_aside: row
                    .try_get::<Option<i64>, _>("set_aside_amount")?
                    .map(to_u64)
                    .transpose()?,
                pay: match row.try_get::<Option<String>, _>("pay_account")? {
                    Some(account_number) => Some(PayDetails {
                        rank: row
                            .try_get::<Option<String>, _>("pay_rank")?
                            .unwrap_or_default(),
                        npwp: row
                            .try_get::<Option<String>, _>("pay_npwp")?
                            .unwrap_or_default(),
                        bank: row
                            .try_get::<Option<String>, _>("pay_bank")?
                            .unwrap_or_default(),
                        account_number,
                    }),
                    None => None,
                },
                previous_factor: parse_decimal(row.try_get("previous_factor")?)?,
                led_units: match row.try_get::<Option<String>, _>("led_units")? {
                    Some(json) => serde_json::from_str(&json)
                        .map_err(|e| corrupt(format!("led units '{json}': {e}")))?,
                    None => Vec::new(),
                },
                part: match (
                    row.try_get::<Option<i64>, _>("part_days")?,
                    row.try_get::<Option<i64>, _>("part_of")?,
                ) {
                    (Some(days), Some(of)) => Some((
                        u32::try_from(days).map_err(|_| corrupt(format!("part days {days}")))?,
                        u32::try_from(of).map_err(|_| corrupt(format!("part of {of}")))?,
                    )),
                    _ => None,
                },
            },
            name: row.try_get("name")?,
            unit_name: row.try_get("unit_name")?,
            score_unit_id: row.try_get("score_unit_id")?,
        },
        amount.map(to_u64).transpose()?,
    ))
}

/// Days assigned and days counted, when an officer was assigned on fewer than all of them.
type Part = Option<(u32, u32)>;

/// Each officer's line of a run: the amount paid, or why nothing is.
async fn insert_run_officers(
    tx: &mut AnyConnection,
    tenant_id: &str,
    month: Month,
    version: i64,
    officers: &[RunOfficer],
    payroll: &Payroll,
) -> Result<(), StoreError> {
    let amounts: HashMap<&str, u64> = payroll
        .rows
        .iter()
        .map(|r| (r.nip.as_str(), r.explanation.amount))
        .collect();
    let unpaid: HashMap<&str, &str> = payroll
        .unpaid
        .iter()
        .map(|u| (u.nip.as_str(), u.reason.as_str()))
        .collect();
    for officer in officers {
        insert_run_officer(
            tx,
            tenant_id,
            month,
            version,
            officer,
            amounts.get(officer.input.nip.as_str()).copied(),
            unpaid.get(officer.input.nip.as_str()).copied(),
        )
        .await?;
    }
    Ok(())
}

/// Each officer's row of their last assignment in the days `first..=last`, with the days
/// they were assigned in them when fewer than all (rows come by NIP, then start).
fn assigned_days(
    rows: &[AnyRow],
    first: Date,
    last: Date,
) -> Result<Vec<(&AnyRow, Part)>, StoreError> {
    let all_days = u32::try_from((last - first).whole_days() + 1).unwrap_or(0);
    let mut out: Vec<(&AnyRow, u32, String)> = Vec::new();
    for row in rows {
        let nip: String = row.try_get("nip")?;
        let from: String = row.try_get("valid_from")?;
        let until: Option<String> = row.try_get("valid_until")?;
        let start = parse_date(&from)?.max(first);
        let end = until
            .as_deref()
            .map(parse_date)
            .transpose()?
            .map_or(last, |u| u.min(last));
        let days = u32::try_from((end - start).whole_days() + 1).unwrap_or(0);
        match out.last_mut() {
            Some((latest, total, same)) if *same == nip => {
                *latest = row;
                *total += days;
            }
            _ => out.push((row, days, nip)),
        }
    }
    Ok(out
        .into_iter()
        .map(|(row, days, _)| (row, (days < all_days).then_some((days, all_days))))
        .collect())
}

async fn insert_run_officer(
    tx: &mut AnyConnection,
    tenant_id: &str,
    month: Month,
    version: i64,
    officer: &RunOfficer,
    amount: Option<u64>,
    unpaid_reason: Option<&str>,
) -> Result<(), StoreError> {
    let input = &officer.input;
    let count = |r: Option<Rated>| r.map_or(0, |r| i64::try_from(r.responses).unwrap_or(i64::MAX));
    let ikm = |r: Option<Rated>| r.map(|r| r.ikm.to_string());
    let spread = |r: Option<Rated>| r.map(|r| r.spread).unwrap_or_default();
    sqlx::query(
        "INSERT INTO tpp_run_officers (tenant_id, period_month, run_version, nip, name, unit_id,
             unit_name, position_class, base_amount, public_facing, officer_responses, officer_ikm,
             score_unit_id, unit_responses, unit_ikm, attendance, productivity, amount, unpaid_reason,
             officer_q_sum, officer_q_sq, unit_q_sum, unit_q_sq, unit_days, unit_users,
             set_aside_amount, pay_rank, pay_npwp, pay_bank, pay_account, previous_factor,
             led_units, part_days, part_of)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19,
             $20, $21, $22, $23, $24, $25, $26, $27, $28, $29, $30, $31, $32, $33, $34)",
    )
    .bind(tenant_id)
    .bind(month.to_string())
    .bind(version)
    .bind(&input.nip)
    .bind(&officer.name)
    .bind(&input.unit_id)
    .bind(&officer.unit_name)
    .bind(&input.position_class)
    .bind(input.base.map(money))
    .bind(i64::from(input.public_facing))
    .bind(count(input.officer))
    .bind(ikm(input.officer))
    .bind(&officer.score_unit_id)
    .bind(count(input.unit))
    .bind(ikm(input.unit))
    .bind(input.others.attendance.map(|d| d.to_string()))
    .bind(input.others.productivity.map(|d| d.to_string()))
    .bind(amount.map(money))
    .bind(unpaid_reason)
    .bind(money(spread(input.officer).q_sum))
    .bind(money(spread(input.officer).q_sq))
    .bind(money(spread(input.unit).q_sum))
    .bind(money(spread(input.unit).q_sq))
    .bind(input.coverage.days.map(i64::from))
    .bind(input.coverage.monthly_users.map(i64::from))
    .bind(input.set_aside.map(money))
    .bind(input.pay.as_ref().map(|p| p.rank.as_str()))
    .bind(input.pay.as_ref().map(|p| p.npwp.as_str()))
    .bind(input.pay.as_ref().map(|p| p.bank.as_str()))
    .bind(input.pay.as_ref().map(|p| p.account_number.as_str()))
    .bind(input.previous_factor.map(|f| f.to_string()))
    .bind(
        (!input.led_units.is_empty())
            .then(|| serde_json::to_string(&input.led_units))
            .transpose()
            .map_err(|e| corrupt(format!("led units: {e}")))?,
    )
    .bind(input.part.map(|(days, _)| i64::from(days)))
    .bind(input.part.map(|(_, of)| i64::from(of)))
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// Who computed a run and who reviewed it (the latest review).
async fn run_people(
    tx: &mut AnyConnection,
    tenant_id: &str,
    month: Month,
    version: i64,
) -> Result<Option<(String, Option<String>)>, StoreError> {
    let computed_by: Option<String> = sqlx::query_scalar(
        "SELECT computed_by FROM tpp_runs WHERE tenant_id = $1 AND period_month = $2 AND run_version = $3",
    )
    .bind(tenant_id)
    .bind(month.to_string())
    .bind(version)
    .fetch_optional(&mut *tx)
    .await?;
    let Some(computed_by) = computed_by else {
        return Ok(None);
    };
    let reviewed_by: Option<String> = sqlx::query_scalar(
        "SELECT actor FROM tpp_run_events WHERE tenant_id = $1 AND period_month = $2
             AND run_version = $3 AND state = $4 ORDER BY at_us DESC LIMIT 1",
    )
    .bind(tenant_id)
    .bind(month.to_string())
    .bind(version)
    .bind(RunState::Reviewed.code())
    .fetch_optional(&mut *tx)
    .await?;
    Ok(Some((computed_by, reviewed_by)))
}

async fn record_event(
    tx: &mut AnyConnection,
    tenant_id: &str,
    month: Month,
    version: i64,
    state: RunState,
    actor: &str,
    at: OffsetDateTime,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO tpp_run_events (tenant_id, event_id, period_month, run_version, state, actor, at_us)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(tenant_id)
    .bind(crate::random_id())
    .bind(month.to_string())
    .bind(version)
    .bind(state.code())
    .bind(actor)
    .bind(micros(at))
    .execute(&mut *tx)
    .await?;
    Ok(())
}

fn appeal_from_row(row: &AnyRow) -> Result<Appeal, StoreError> {
    let month: String = row.try_get("period_month")?;
    let upheld: Option<i64> = row.try_get("upheld")?;
    let decision = match upheld {
        Some(upheld) => Some(AppealDecision {
            upheld: upheld != 0,
            reason: row.try_get("decision_reason")?,
            decided_by: row.try_get("decided_by")?,
            decided_at: from_micros(row.try_get("decided_at_us")?)?,
        }),
        None => None,
    };
    Ok(Appeal {
        response_id: row.try_get("response_id")?,
        nip: row.try_get("nip")?,
        month: parse_month(&month)?,
        reason: row.try_get("reason")?,
        filed_at: from_micros(row.try_get("filed_at_us")?)?,
        decision,
    })
}
