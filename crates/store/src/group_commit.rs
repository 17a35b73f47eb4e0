//! Group commit: responses submitted at the same time share one transaction and so one disk
//! sync, instead of queueing for a sync each. Each caller still gets its own outcome only
//! after the commit that holds its response, so a receipt always stands for a durable row.

use suara_domain::survey::ValidResponse;
use time::OffsetDateTime;
use tokio::sync::{mpsc, oneshot};

use crate::responses::{Channel, RecordError, Recorded, Submission};
use crate::{Signals, Store, StoreError, Tenant};

/// Responses per transaction at most; under light load a batch is whatever is waiting.
const MAX_BATCH: usize = 256;

/// The histogram of responses per group-commit transaction (see `/metrics`).
pub const GROUP_COMMIT_BATCH_METRIC: &str = "suara_group_commit_batch_size";

struct Job {
    tenant: Tenant,
    response: ValidResponse,
    channel: Channel,
    received_at: OffsetDateTime,
    signals: Option<Signals>,
    reply: oneshot::Sender<Result<Recorded, RecordError>>,
}

impl Job {
    fn submission(&self) -> (&Tenant, Submission<'_>) {
        (
            &self.tenant,
            Submission {
                signals: self.signals.clone(),
                response: &self.response,
                channel: self.channel,
                received_at: self.received_at,
            },
        )
    }
}

/// The queue to the one task that writes responses.
#[derive(Clone, Debug)]
pub(crate) struct GroupCommit(mpsc::Sender<Job>);

impl GroupCommit {
    /// Starts the writing task on `store`, which must not itself use group commit.
    pub(crate) fn start(store: Store) -> GroupCommit {
        let (sender, receiver) = mpsc::channel(4 * MAX_BATCH);
        tokio::spawn(write_batches(store, receiver));
        GroupCommit(sender)
    }

    pub(crate) async fn submit(
        &self,
        tenant: &Tenant,
        submission: Submission<'_>,
    ) -> Result<Recorded, RecordError> {
        let (reply, outcome) = oneshot::channel();
        let job = Job {
            tenant: tenant.clone(),
            response: submission.response.clone(),
            channel: submission.channel,
            received_at: submission.received_at,
            signals: submission.signals,
            reply,
        };
        let stopped =
            || RecordError::Store(StoreError::Corrupt("the response writer stopped".into()));
        self.0.send(job).await.map_err(|_| stopped())?;
        outcome.await.map_err(|_| stopped())?
    }
}

async fn write_batches(store: Store, mut receiver: mpsc::Receiver<Job>) {
    let mut jobs = Vec::with_capacity(MAX_BATCH);
    while receiver.recv_many(&mut jobs, MAX_BATCH).await > 0 {
        metrics::histogram!(GROUP_COMMIT_BATCH_METRIC).record(jobs.len() as f64);
        match store.record_batch(jobs.iter().map(Job::submission)).await {
            Ok(outcomes) => {
                for (job, outcome) in jobs.drain(..).zip(outcomes) {
                    let _ = job.reply.send(outcome);
                }
            }
            // A failed transaction stored nothing: try each response on its own, so one
            // that cannot be stored does not fail the others.
            Err(error) if jobs.len() == 1 => {
                if let Some(job) = jobs.pop() {
                    let _ = job.reply.send(Err(RecordError::Store(error)));
                }
            }
            Err(_) => {
                for job in jobs.drain(..) {
                    let outcome =
                        store
                            .record_batch(std::iter::once(job.submission()))
                            .await
                            .map_err(RecordError::Store)
                            .and_then(|mut outcomes| {
                                outcomes.pop().unwrap_or(Err(RecordError::Store(
                                    StoreError::Corrupt("a batch of one gave no outcome".into()),
                                )))
                            });
                    let _ = job.reply.send(outcome);
                }
            }
        }
    }
}
