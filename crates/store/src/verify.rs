//! `suara verify`: everything that pays or is published, recomputed from the counted
//! responses and checked against what was signed with the key kept outside the database.
//!
//! 1. The hash chain (`chain.rs`), link by link.
//! 2. The transparency log: the Merkle root of the first `n` leaves must equal the root of
//!    every signed head of size `n` — those in the database, the latest one kept beside the
//!    key (so rolling the database back is seen), and those recorded with payroll runs.
//! 3. Every monthly total, recomputed from the counted responses.
//! 4. Every payroll run, recomputed from its stored policy and inputs (digest and amounts),
//!    and its seal: the signature over the run, its digest, total and head.
//! 5. Every review of a citizen's suggestion: only the citizen's words, some taken away.

use std::collections::HashSet;

use sqlx::Row;
use suara_domain::integrity::chain::Digest32;
use suara_domain::integrity::merkle::{leaf_hash, Frontier};
use suara_domain::integrity::signed_head::{
    LogKey, LogKind, PublicKey, RunSeal, SignedHead, TreeHead,
};
use suara_domain::period::Month;

use crate::log::{check_heads, LogReport, RootsAt};
use crate::{ChainReport, Result, Store};

/// What `suara verify` found for one regency.
#[derive(Clone, Debug)]
pub struct Verification {
    pub chain: ChainReport,
    pub log: LogReport,
    pub audit: crate::AuditChainReport,
    /// Totals rows compared.
    pub totals_checked: usize,
    pub runs_checked: usize,
    /// The first problem found, in words; `None` when everything holds.
    pub problem: Option<String>,
}

impl Store {
    /// Runs every check of `suara verify` for a tenant. `outside` are the latest heads kept
    /// outside the database (of the log and of the audit chain); without a key, anything
    /// signed is reported unchecked. With it, every link's entry code is checked too.
    pub async fn verify(
        &self,
        tenant_id: &str,
        signing_key: Option<&LogKey>,
        outside: &[SignedHead],
    ) -> Result<Verification> {
        let public = signing_key.map(LogKey::public);
        let key = public.as_ref();
        let beside_key = |kind: LogKind| {
            outside
                .iter()
                .filter(move |h| h.head.log == kind)
                .map(|h| ("in the file beside the key".to_string(), h.clone()))
        };
        let mut heads: Vec<(String, SignedHead)> = self
            .heads(tenant_id, None)
            .await?
            .into_iter()
            .map(|h| ("in the database".to_string(), h))
            .collect();
        heads.extend(beside_key(LogKind::Responses));
        let mut audit_heads: Vec<(String, SignedHead)> = self
            .audit_heads(tenant_id, None)
            .await?
            .into_iter()
            .map(|h| ("in the database".to_string(), h))
            .collect();
        audit_heads.extend(beside_key(LogKind::Audit));
        let runs = self.sealed_runs(tenant_id).await?;
        for run in &runs {
            if let Some(head) = &run.head {
                heads.push((
                    format!("for payroll run {} v{}", run.month, run.version),
                    head.clone(),
                ));
            }
        }
        let wanted: HashSet<u64> = heads.iter().map(|(_, h)| h.head.size).collect();

        let mut frontier = Frontier::default();
        let mut roots = RootsAt::default();
        // A run computed on an empty log records size 0.
        roots
            .0
            .insert(0, suara_domain::integrity::merkle::empty_root());
        let mut totals = crate::responses::totals::Accumulator::default();
        let chain = self
            .walk_chain(tenant_id, |walked| {
                frontier.push(leaf_hash(&walked.content.0));
                roots.visit(&frontier, &wanted);
                let pay = crate::responses::totals::pay_trust(
                    &walked.record.channel,
                    walked.ticket_by_officer,
                );
                totals.add(tenant_id, walked.record, pay);
            })
            .await?;
        let log = match key {
            Some(key) => check_heads(&heads, key, &roots, chain.verified),
            None if heads.is_empty() && runs.is_empty() => LogReport::default(),
            None => LogReport {
                heads_checked: 0,
                problem: Some(
                    "the log has signed heads, but no signing key was given to check them".into(),
                ),
            },
        };

        let audit = self.verify_audit(tenant_id, key, &audit_heads).await?;
        let mut problem = chain_problem(&chain)
            .or_else(|| log.problem.clone())
            .or_else(|| audit.problem.clone());
        let stored = self.stored_totals(tenant_id).await?;
        let totals_checked = stored.0.len();
        if let (None, Some(signing_key)) = (&problem, signing_key) {
            problem = self.entry_code_problem(tenant_id, signing_key).await?;
        }
        if problem.is_none() {
            problem = crate::responses::totals::first_difference(&totals, &stored);
        }
        if problem.is_none() {
            problem = self.pay_history_problem(tenant_id).await?;
        }
        if problem.is_none() {
            problem = self.suggestion_review_problem(tenant_id).await?;
        }
        let mut runs_checked = 0;
        for run in &runs {
            if problem.is_some() {
                break;
            }
            runs_checked += 1;
            if let Some(key) = key {
                problem = self.check_run(tenant_id, run, key).await?;
            }
        }
        Ok(Verification {
            chain,
            log,
            audit,
            totals_checked,
            runs_checked,
            problem,
        })
    }

    /// The largest head a payroll run recorded: a signed head that lives in the run's
    /// documents as well as here, which every later head must extend.
    pub(crate) async fn latest_run_head(&self, tenant_id: &str) -> Result<Option<SignedHead>> {
        Ok(self
            .sealed_runs(tenant_id)
            .await?
            .into_iter()
            .filter_map(|run| run.head)
            .max_by_key(|head| head.head.size))
    }

    /// Every run with what it was sealed with.
    async fn sealed_runs(&self, tenant_id: &str) -> Result<Vec<SealedRun>> {
        let rows = sqlx::query(
            "SELECT period_month, run_version, policy_version, input_digest, total_amount,
                 log_size, log_root, log_signed_at_ms, log_signature, seal
             FROM tpp_runs WHERE tenant_id = $1 ORDER BY period_month, run_version",
        )
        .bind(tenant_id)
        .fetch_all(&self.reader)
        .await?;
        rows.iter()
            .map(|row| {
                let month: String = row.try_get("period_month")?;
                let size: Option<i64> = row.try_get("log_size")?;
                let root: Option<String> = row.try_get("log_root")?;
                let at: Option<i64> = row.try_get("log_signed_at_ms")?;
                let signature: Option<String> = row.try_get("log_signature")?;
                let head = match (
                    size,
                    root.as_deref().and_then(Digest32::from_hex),
                    at,
                    signature,
                ) {
                    (Some(size), Some(root), Some(at), Some(signature)) => Some(SignedHead {
                        head: TreeHead {
                            log: LogKind::Responses,
                            tenant_id: tenant_id.to_string(),
                            size: crate::to_u64(size)?,
                            root,
                            signed_at_ms: at,
                        },
                        signature,
                    }),
                    _ => None,
                };
                Ok(SealedRun {
                    month: month
                        .parse()
                        .map_err(|_| crate::corrupt(format!("run month '{month}'")))?,
                    version: row.try_get("run_version")?,
                    policy_version: row.try_get("policy_version")?,
                    input_digest: row.try_get("input_digest")?,
                    total: crate::to_u64(row.try_get("total_amount")?)?,
                    head,
                    seal: row.try_get("seal")?,
                })
            })
            .collect()
    }

    /// The first problem with a run: it does not compute again, or its seal does not hold.
    async fn check_run(
        &self,
        tenant_id: &str,
        run: &SealedRun,
        key: &PublicKey,
    ) -> Result<Option<String>> {
        let name = format!("payroll run {} v{}", run.month, run.version);
        if let Err(error) = self
            .payroll_run(tenant_id, run.month, Some(run.version))
            .await
        {
            return Ok(Some(format!("{name}: {error}")));
        }
        let (Some(head), Some(seal)) = (&run.head, &run.seal) else {
            return Ok(Some(format!(
                "{name} has no seal: it was not computed on a signed head"
            )));
        };
        let month = run.month.to_string();
        let sealed = RunSeal {
            tenant_id,
            month: &month,
            version: run.version,
            policy_version: &run.policy_version,
            input_digest: &run.input_digest,
            total: run.total,
            log_size: head.head.size,
            log_root: &head.head.root,
        };
        Ok((!sealed.verifies(key, seal)).then(|| {
            format!("{name}: its seal does not match its digest, total or head; the run was changed after it was computed")
        }))
    }
}

struct SealedRun {
    month: Month,
    version: i64,
    policy_version: String,
    input_digest: String,
    total: u64,
    head: Option<SignedHead>,
    seal: Option<String>,
}

fn chain_problem(chain: &ChainReport) -> Option<String> {
    if let Some(broken) = &chain.broken {
        return Some(broken.to_string());
    }
    if chain.head_mismatch {
        return Some("the stored chain head does not match the last link".into());
    }
    if chain.unchained > 0 {
        return Some(format!(
            "{} counted responses have no link: inserted behind the application's back",
            chain.unchained
        ));
    }
    None
}

impl Store {
    /// The first link of either log whose entry code does not check (see
    /// `suara_domain::integrity::entry_code`).
    async fn entry_code_problem(&self, tenant_id: &str, key: &LogKey) -> Result<Option<String>> {
        let entry_key = suara_domain::integrity::entry_code::EntryKey::of(key, tenant_id);
        for (log, name) in [
            (LogKind::Responses, "log of counted responses"),
            (LogKind::Audit, "audit chain"),
        ] {
            if let Some(found) = crate::entry_codes::first_unauthenticated(
                &self.reader,
                log,
                tenant_id,
                0,
                &entry_key,
            )
            .await?
            {
                return Ok(Some(format!("{name}: {found}")));
            }
        }
        Ok(None)
    }
}
