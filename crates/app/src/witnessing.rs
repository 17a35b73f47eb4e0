//! The log side of the witness protocol (`c2sp.org/tlog-witness`): each regency's newest
//! checkpoint is sent to every configured witness with a consistency proof from the largest
//! tree that witness cosigned, and the cosignatures it answers are checked with its key and
//! kept. Witnesses are asked by their own task, so a slow or absent witness never delays
//! signing or answering citizens.

use std::time::Duration;

use suara_domain::integrity::checkpoint::{self, KnownKey};
use suara_domain::integrity::witness::AddCheckpoint;
use suara_store::{Cosignature, Store, StoreError, StoredCheckpoint};

/// A witness the regencies' logs ask: its `add-checkpoint` address's prefix and its key.
pub struct Witness {
    pub url: String,
    pub key: KnownKey,
}

/// The witnesses, and how many must cosign a checkpoint before receipts and payroll runs
/// point to it.
#[derive(Default)]
pub struct Witnesses {
    pub list: Vec<Witness>,
    /// Their keys, in the same order.
    keys: Vec<KnownKey>,
    pub quorum: usize,
}

#[derive(Debug, thiserror::Error)]
pub enum WitnessError {
    #[error("witness {0}: {1}")]
    Unreachable(String, String),
    #[error("witness {witness} refused the checkpoint of {size} leaves ({status}): {why}")]
    Refused {
        witness: String,
        size: u64,
        status: u16,
        why: String,
    },
    #[error("witness {0} answered a cosignature that does not verify with its key: {1}")]
    BadCosignature(String, String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl Witnesses {
    /// Reads `url` and `key` pairs; the quorum defaults to one when witnesses are named.
    pub fn new(list: Vec<(String, String)>, quorum: Option<usize>) -> Result<Witnesses, String> {
        let list = list
            .into_iter()
            .map(|(url, key)| {
                KnownKey::parse(&key)
                    .map_err(|e| e.to_string())
                    .and_then(|key| {
                        if key.is_witness() {
                            Ok(Witness {
                                url: url.trim_end_matches('/').to_string(),
                                key,
                            })
                        } else {
                            Err(format!("{}: not a witness's cosignature key", key.name()))
                        }
                    })
            })
            .collect::<Result<Vec<_>, _>>()?;
        let mut names: Vec<&str> = list.iter().map(|w| w.key.name()).collect();
        names.sort_unstable();
        if let Some(twice) = names.windows(2).find(|p| p[0] == p[1]) {
            return Err(format!("{} is named twice", twice[0]));
        }
        let quorum = quorum.unwrap_or(usize::from(!list.is_empty()));
        if quorum > list.len() {
            return Err(format!(
                "a quorum of {quorum} witnesses, but {} are configured",
                list.len()
            ));
        }
        let keys = list.iter().map(|w| w.key.clone()).collect();
        Ok(Witnesses { list, keys, quorum })
    }

    /// The keys and quorum receipts and payroll runs are held to.
    pub fn witnessed(&self) -> suara_store::Witnessed<'_> {
        suara_store::Witnessed {
            witnesses: &self.keys,
            quorum: self.quorum,
        }
    }

    /// The witnesses' names, as their cosignatures are stored.
    pub fn names(&self) -> Vec<String> {
        self.list.iter().map(|w| w.key.name().to_string()).collect()
    }

    /// Asks every witness that has not cosigned each regency's newest checkpoint; returns
    /// what failed, regency by regency.
    pub async fn ask_all(
        &self,
        store: &Store,
        client: &reqwest::Client,
    ) -> Vec<(String, WitnessError)> {
        let mut failures = Vec::new();
        let tenants = match store.tenants().await {
            Ok(tenants) => tenants,
            Err(e) => return vec![(String::new(), e.into())],
        };
        for tenant in tenants {
            let id = tenant.tenant_id;
            let latest = match store.latest_checkpoint(&id).await {
                Ok(Some(latest)) => latest,
                Ok(None) => continue,
                Err(e) => {
                    failures.push((id, e.into()));
                    continue;
                }
            };
            for witness in &self.list {
                if latest
                    .cosignatures
                    .iter()
                    .any(|c| c.witness == witness.key.name())
                {
                    continue;
                }
                if let Err(e) = ask(store, client, &id, &latest, witness).await {
                    failures.push((id.clone(), e));
                }
            }
        }
        failures
    }
}

/// Sends the checkpoint to one witness, once more with the size it says it holds when that
/// differs from what this log remembers (a new witness, or one that lost a reply).
async fn ask(
    store: &Store,
    client: &reqwest::Client,
    tenant_id: &str,
    latest: &StoredCheckpoint,
    witness: &Witness,
) -> Result<(), WitnessError> {
    let name = witness.key.name().to_string();
    let size = latest.head.head.size;
    let mut old = store.witnessed_size(tenant_id, &name).await?.min(size);
    for _ in 0..2 {
        let proof = if old == 0 || old == size {
            Vec::new()
        } else {
            store.consistency_proof(tenant_id, old, size).await?
        };
        let body = AddCheckpoint {
            old,
            proof,
            checkpoint: latest.note.clone().into_bytes(),
        }
        .to_body();
        let answer = client
            .post(format!("{}/add-checkpoint", witness.url))
            .body(body)
            .send()
            .await
            .map_err(|e| WitnessError::Unreachable(name.clone(), e.to_string()))?;
        let status = answer.status().as_u16();
        let text = answer
            .text()
            .await
            .map_err(|e| WitnessError::Unreachable(name.clone(), e.to_string()))?;
        match status {
            200 => return keep(store, tenant_id, latest, witness, &text).await,
            409 => match text.trim().parse::<u64>() {
                Ok(held) if held != old && held <= size => old = held,
                _ => return Err(refused(&name, size, status, &text)),
            },
            _ => return Err(refused(&name, size, status, &text)),
        }
    }
    Err(refused(
        &name,
        size,
        409,
        "the size it holds keeps changing",
    ))
}

fn refused(witness: &str, size: u64, status: u16, why: &str) -> WitnessError {
    WitnessError::Refused {
        witness: witness.to_string(),
        size,
        status,
        why: why.trim().chars().take(300).collect(),
    }
}

/// Keeps the witness's cosignatures that verify with its key; one that does not is refused.
async fn keep(
    store: &Store,
    tenant_id: &str,
    latest: &StoredCheckpoint,
    witness: &Witness,
    answer: &str,
) -> Result<(), WitnessError> {
    let name = witness.key.name().to_string();
    let lines = checkpoint::cosignatures_of(&latest.note, answer, &witness.key)
        .map_err(|e| WitnessError::BadCosignature(name.clone(), e.to_string()))?;
    let Some((line, time)) = lines.into_iter().next() else {
        return Err(WitnessError::BadCosignature(
            name,
            "no cosignature by its key".into(),
        ));
    };
    let cosignature = Cosignature {
        witness: name,
        line,
        cosigned_at_ms: i64::try_from(time).unwrap_or(i64::MAX).saturating_mul(1000),
    };
    store
        .add_cosignature(tenant_id, latest.head.head.size, &cosignature)
        .await?;
    Ok(())
}

/// Asks the witnesses every second while the server runs; a failure is logged when it
/// begins or changes, and counted in `suara_witness_failures_total`.
pub async fn ask_periodically(store: Store, witnesses: std::sync::Arc<Witnesses>) {
    if witnesses.list.is_empty() {
        return;
    }
    let client = match reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .redirect(reqwest::redirect::Policy::none())
        .build()
    {
        Ok(client) => client,
        Err(error) => {
            tracing::error!(%error, "no HTTP client for the witnesses");
            return;
        }
    };
    let mut tick = tokio::time::interval(Duration::from_secs(1));
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut last = std::collections::HashMap::new();
    loop {
        tick.tick().await;
        let mut now = std::collections::HashMap::new();
        for (tenant, error) in witnesses.ask_all(&store, &client).await {
            metrics::counter!("suara_witness_failures_total", "tenant" => tenant.clone())
                .increment(1);
            let said = error.to_string();
            if last.get(&tenant) != Some(&said) {
                tracing::warn!(%error, tenant = %tenant, "asking the witnesses to cosign");
            }
            now.insert(tenant, said);
        }
        last = now;
    }
}
