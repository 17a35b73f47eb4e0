//! The inputs of pay held to the audit chain: every policy version, the base amounts, the
//! imported components, each officer with their unit history, and each ticket (who issued
//! it, when, for whom) must be what the audit entries written with them replay to; so must
//! each service's wording of the survey, which shapes the answers that pay.
//! Entries written before an entry carried what is replayed (components' rows, an
//! assignment's start, a ticket's issuer NIP) are not held to it: those rows predate the
//! check.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use serde_json::Value;
use sqlx::Row;

use suara_domain::integrity::signed_head::{LogKey, LogKind, SignedHead};

use super::Entry;
use crate::{parse_date, Result, Store};

const BEHIND: &str = "it was written or changed behind the application's back";

fn text<'a>(entry: &'a Entry, field: &str) -> Option<&'a str> {
    entry.after.as_ref()?.get(field)?.as_str()
}

/// The field as recorded, `Some(None)` for a recorded null, `None` when the entry predates it.
fn recorded<'a>(entry: &'a Entry, field: &str) -> Option<Option<&'a str>> {
    let value = entry.after.as_ref()?.get(field)?;
    Some(value.as_str())
}

type Assignment = (String, Option<String>, String, String);

/// Applies one officer audit entry to their replayed unit history: a departure ends the open
/// assignment, a new assignment closes the running ones; `None` once an entry predates that.
fn replay_officer_entry(replay: &mut Option<BTreeSet<Assignment>>, entry: &Entry) -> Result<()> {
    // An officer who left: their open assignment ends on the day recorded.
    if let (Some(Some(until)), Some(assignments)) =
        (recorded(entry, "assigned_until"), replay.as_mut())
    {
        *assignments = std::mem::take(assignments)
            .into_iter()
            .map(|(start, end, unit, position)| match end {
                None if start.as_str() <= until => (start, Some(until.to_owned()), unit, position),
                _ => (start, end, unit, position),
            })
            .collect();
    }
    match recorded(entry, "assigned_from") {
        // Written before entries carried the assignment: not replayed.
        None => *replay = None,
        Some(None) => {}
        Some(Some(from)) => {
            if let Some(assignments) = replay {
                let from_date = parse_date(from)?;
                let until = from_date.previous_day().unwrap_or(from_date).to_string();
                let closed: BTreeSet<Assignment> = std::mem::take(assignments)
                    .into_iter()
                    .filter(|a| a.0 != from)
                    .map(|(start, end, unit, position)| {
                        let running = end.as_deref().is_none_or(|e| e >= from);
                        if running && start.as_str() < from {
                            (start, Some(until.clone()), unit, position)
                        } else {
                            (start, end, unit, position)
                        }
                    })
                    .collect();
                *assignments = closed;
                assignments.insert((
                    from.to_owned(),
                    None,
                    text(entry, "unit_id").unwrap_or_default().to_owned(),
                    text(entry, "position").unwrap_or_default().to_owned(),
                ));
            }
        }
    }
    Ok(())
}

impl Store {
    /// The first input of pay that is not what the audit chain recorded.
    pub(crate) async fn pay_inputs_problem(&self, tenant_id: &str) -> Result<Option<String>> {
        for problem in [
            self.policies_problem(tenant_id).await?,
            self.base_amounts_problem(tenant_id).await?,
            self.components_problem(tenant_id).await?,
            self.officers_problem(tenant_id).await?,
            self.units_problem(tenant_id).await?,
            self.tickets_problem(tenant_id).await?,
            self.service_surveys_problem(tenant_id).await?,
        ] {
            if problem.is_some() {
                return Ok(problem);
            }
        }
        Ok(None)
    }

    /// Before a write that copies officers or units into new audit entries: the first that
    /// is not what the chain recorded, so an edit in the database is never laundered into a
    /// properly recorded import or departure. The runs too: which months are closed to
    /// back-dated moves is read from their states.
    pub(crate) async fn refuse_disagreeing_organisation(&self, tenant_id: &str) -> Result<()> {
        let problem = match self.officers_problem(tenant_id).await? {
            Some(problem) => Some(problem),
            None => match self.units_problem(tenant_id).await? {
                Some(problem) => Some(problem),
                None => self.pay_history_problem(tenant_id).await?,
            },
        };
        problem.map_or(Ok(()), |p| Err(crate::StoreError::RecordsDisagree(p)))
    }

    /// Before a bank transfer file: the first reason the officers' accounts or the runs may
    /// not be what the audit chain recorded. The chain is walked whole (no entry changed,
    /// deleted or unlinked) and held to the heads `kept` beside the key (not cut short),
    /// every entry must carry the code only the key's holder writes (a keeper cannot append
    /// a forged import), and the officers and the runs must replay from it.
    pub async fn bank_details_problem(
        &self,
        tenant_id: &str,
        key: &LogKey,
        kept: &[SignedHead],
    ) -> Result<Option<String>> {
        let outside: Vec<(String, SignedHead)> = kept
            .iter()
            .filter(|h| h.head.log == LogKind::Audit && h.head.tenant_id == tenant_id)
            .map(|h| ("kept beside the key".to_string(), h.clone()))
            .collect();
        let walked = self
            .verify_audit(tenant_id, Some(&key.public()), &outside)
            .await?;
        if let Some(problem) = walked.problem {
            return Ok(Some(problem));
        }
        match self
            .refuse_unauthenticated(tenant_id, LogKind::Audit, 0, key)
            .await
        {
            Err(crate::StoreError::NotExtending(problem)) => return Ok(Some(problem)),
            other => other?,
        }
        if let Some(problem) = self.officers_problem(tenant_id).await? {
            return Ok(Some(problem));
        }
        self.pay_history_problem(tenant_id).await
    }

    async fn policies_problem(&self, tenant_id: &str) -> Result<Option<String>> {
        let mut entries = self.entries_of(tenant_id, "tpp_policy").await?;
        let rows = sqlx::query(
            "SELECT version, policy_toml, saved_by, saved_at_us FROM tpp_policies
             WHERE tenant_id = $1 ORDER BY version",
        )
        .bind(tenant_id)
        .fetch_all(&self.reader)
        .await?;
        for row in &rows {
            let version: String = row.try_get("version")?;
            let toml: String = row.try_get("policy_toml")?;
            let by: String = row.try_get("saved_by")?;
            let at: i64 = row.try_get("saved_at_us")?;
            let found = entries
                .remove(&version)
                .unwrap_or_default()
                .iter()
                .any(|e| {
                    e.action == "create"
                        && e.actor == by
                        && e.at_us == at
                        && text(e, "toml") == Some(&toml)
                });
            if !found {
                return Ok(Some(format!(
                    "TPP policy version {version} is not the one the audit chain recorded: {BEHIND}"
                )));
            }
        }
        Ok(None)
    }

    async fn base_amounts_problem(&self, tenant_id: &str) -> Result<Option<String>> {
        let expected: BTreeMap<String, u64> = self
            .entries_in_order(tenant_id, "tpp_base_amounts")
            .await?
            .last()
            .and_then(|(_, e)| e.after.clone())
            .and_then(|after| serde_json::from_value(after).ok())
            .unwrap_or_default();
        if self.base_amounts(tenant_id).await? != expected {
            return Ok(Some(format!(
                "the TPP base amounts are not the table last imported in the audit chain: {BEHIND}"
            )));
        }
        Ok(None)
    }

    async fn components_problem(&self, tenant_id: &str) -> Result<Option<String>> {
        type Key = (String, String);
        let mut replayed: HashMap<Key, (Option<String>, Option<String>)> = HashMap::new();
        let mut unchecked: HashSet<String> = HashSet::new();
        for (months, entry) in self.entries_in_order(tenant_id, "tpp_components").await? {
            let Some(Value::Array(rows)) = entry.after.as_ref().and_then(|a| a.get("imported"))
            else {
                unchecked.extend(months.split(',').map(str::to_owned));
                continue;
            };
            for row in rows {
                let field = |i: usize| row.get(i).and_then(Value::as_str).map(str::to_owned);
                let (Some(nip), Some(month)) = (field(0), field(1)) else {
                    continue;
                };
                replayed.insert((nip, month), (field(2), field(3)));
            }
        }
        replayed.retain(|(_, month), _| !unchecked.contains(month));
        let rows = sqlx::query(
            "SELECT nip, period_month, attendance, productivity FROM tpp_components
             WHERE tenant_id = $1 ORDER BY period_month, nip",
        )
        .bind(tenant_id)
        .fetch_all(&self.reader)
        .await?;
        for row in &rows {
            let key: Key = (row.try_get("nip")?, row.try_get("period_month")?);
            if unchecked.contains(&key.1) {
                continue;
            }
            let stored = (row.try_get("attendance")?, row.try_get("productivity")?);
            if replayed.remove(&key) != Some(stored) {
                return Ok(Some(format!(
                    "the {} components of officer {} are not what was imported: {BEHIND}",
                    key.1, key.0
                )));
            }
        }
        if let Some(((nip, month), _)) = replayed.into_iter().next() {
            return Ok(Some(format!(
                "the {month} components of officer {nip} were imported but are gone: {BEHIND}"
            )));
        }
        Ok(None)
    }

    /// A unit's place in the tree (an officer's unit without answers takes the nearest unit
    /// above with some) and its users a month (the evidence rule's sample) decide pay: each
    /// must be what the unit's last import recorded.
    async fn units_problem(&self, tenant_id: &str) -> Result<Option<String>> {
        let mut last: HashMap<String, Entry> = HashMap::new();
        for (id, entry) in self.entries_in_order(tenant_id, "unit").await? {
            last.insert(id, entry);
        }
        let rows = sqlx::query(
            "SELECT unit_id, parent_id, monthly_users, head_nip, treasurer_nip FROM units
             WHERE tenant_id = $1 ORDER BY unit_id",
        )
        .bind(tenant_id)
        .fetch_all(&self.reader)
        .await?;
        for row in &rows {
            let id: String = row.try_get("unit_id")?;
            let parent: Option<String> = row.try_get("parent_id")?;
            let users: Option<i64> = row.try_get("monthly_users")?;
            // The payable list's signers too: a keeper must not put another name under it.
            let signers: [Option<String>; 2] =
                [row.try_get("head_nip")?, row.try_get("treasurer_nip")?];
            let matches = last
                .get(&id)
                .and_then(|e| e.after.as_ref())
                .is_some_and(|a| {
                    let text = |key: &str| a.get(key).and_then(|v| v.as_str().map(str::to_owned));
                    a.get("parent_id").map(|v| v.as_str().map(str::to_owned))
                        == Some(parent.clone())
                        && a.get("monthly_users").map(serde_json::Value::as_i64) == Some(users)
                        && [text("head_nip"), text("treasurer_nip")] == signers
                });
            if !matches {
                return Ok(Some(format!(
                    "unit {id} is not as the audit chain recorded its last import: {BEHIND}"
                )));
            }
        }
        Ok(None)
    }

    async fn officers_problem(&self, tenant_id: &str) -> Result<Option<String>> {
        let mut last: HashMap<String, Entry> = HashMap::new();
        let mut history: HashMap<String, Option<BTreeSet<Assignment>>> = HashMap::new();
        for (nip, entry) in self.entries_in_order(tenant_id, "officer").await? {
            let replay = history
                .entry(nip.clone())
                .or_insert_with(|| Some(BTreeSet::new()));
            replay_officer_entry(replay, &entry)?;
            last.insert(nip, entry);
        }
        let rows = sqlx::query(
            "SELECT nip, name, position, position_class, unit_id, serves_public,
                    rank, npwp, bank, account_number
             FROM officers WHERE tenant_id = $1 ORDER BY nip",
        )
        .bind(tenant_id)
        .fetch_all(&self.reader)
        .await?;
        for row in &rows {
            let nip: String = row.try_get("nip")?;
            let matches = last.get(&nip).is_some_and(|e| {
                let field = |name: &str| row.try_get::<String, _>(name).ok();
                ["name", "position", "position_class", "unit_id"]
                    .iter()
                    .all(|f| text(e, f).map(str::to_owned) == field(f))
                    // Entries written before pay details existed carry none.
                    && ["rank", "npwp", "bank", "account_number"]
                        .iter()
                        .all(|f| Some(text(e, f).unwrap_or_default().to_owned()) == field(f))
                    && e.after
                        .as_ref()
                        .and_then(|a| a.get("serves_public")?.as_bool())
                        == row.try_get::<i64, _>("serves_public").ok().map(|v| v != 0)
            });
            if !matches {
                return Ok(Some(format!(
                    "officer {nip} is not as the audit chain recorded their last import: {BEHIND}"
                )));
            }
        }
        let rows = sqlx::query(
            "SELECT nip, valid_from, valid_until, unit_id, position FROM officer_assignments
             WHERE tenant_id = $1 ORDER BY nip, valid_from",
        )
        .bind(tenant_id)
        .fetch_all(&self.reader)
        .await?;
        let mut stored: HashMap<String, BTreeSet<Assignment>> = HashMap::new();
        for row in &rows {
            stored.entry(row.try_get("nip")?).or_default().insert((
                row.try_get("valid_from")?,
                row.try_get("valid_until")?,
                row.try_get("unit_id")?,
                row.try_get("position")?,
            ));
        }
        let mut nips: BTreeSet<&String> = stored.keys().collect();
        nips.extend(history.keys());
        for nip in nips {
            let replayed = match history.get(nip) {
                Some(Some(replayed)) => replayed,
                Some(None) => continue,
                None => &BTreeSet::new(),
            };
            if stored.get(nip).unwrap_or(&BTreeSet::new()) != replayed {
                return Ok(Some(format!(
                    "the unit history of officer {nip} is not what the audit chain recorded: {BEHIND}"
                )));
            }
        }
        Ok(None)
    }

    async fn tickets_problem(&self, tenant_id: &str) -> Result<Option<String>> {
        let mut entries = self.entries_of(tenant_id, "ticket").await?;
        let rows = sqlx::query(
            "SELECT code_hash, unit_id, service_id, officer_nip, point_id, issued_by,
                 issued_at_us, issuer_nip, response_id FROM tickets
             WHERE tenant_id = $1 ORDER BY issued_at_us, code_hash",
        )
        .bind(tenant_id)
        .fetch_all(&self.reader)
        .await?;
        for row in &rows {
            let hash: String = row.try_get("code_hash")?;
            let by: String = row.try_get("issued_by")?;
            let at: i64 = row.try_get("issued_at_us")?;
            let unit: String = row.try_get("unit_id")?;
            let service: Option<String> = row.try_get("service_id")?;
            let officer: Option<String> = row.try_get("officer_nip")?;
            let point: Option<String> = row.try_get("point_id")?;
            let issuer_nip: Option<String> = row.try_get("issuer_nip")?;
            let id = hash.get(..12).unwrap_or(&hash).to_owned();
            let found = entries.remove(&id).unwrap_or_default().iter().any(|e| {
                let same = |field: &str, value: &Option<String>| {
                    recorded(e, field).is_none_or(|r| r == value.as_deref())
                };
                e.action == "issue"
                    && e.actor == by
                    && e.at_us == at
                    && text(e, "unit") == Some(&unit)
                    && recorded(e, "service") == Some(service.as_deref())
                    && recorded(e, "officer") == Some(officer.as_deref())
                    && same("point", &point)
                    && same("issuer_nip", &issuer_nip)
            });
            if !found {
                let response: Option<i64> = row.try_get("response_id")?;
                let answered = response
                    .map(|id| format!(" (answered by response {id})"))
                    .unwrap_or_default();
                return Ok(Some(format!(
                    "a ticket issued by {by}{answered} is not as the audit chain recorded its issue: {BEHIND}"
                )));
            }
        }
        Ok(None)
    }
}
