//! The background worker: claims due jobs from the durable queue and runs them.
//! `huiyin serve` runs one in-process (unless `--no-worker`); `huiyin worker` runs only this,
//! so API and worker processes can be scaled separately.

use std::sync::Arc;
use std::time::Duration;

use futures_util::future::BoxFuture;
use huiyin_store::entity::job;
use huiyin_store::jobs::{self, QueuePolicy};
use huiyin_store::{Store, StoreResult};

/// Runs one job; an `Err` is recorded and the job retried with backoff.
pub type Handler = Arc<dyn Fn(job::Model) -> BoxFuture<'static, Result<(), String>> + Send + Sync>;

#[derive(Clone)]
pub struct Worker {
    store: Store,
    /// Names the lease holder; unique per worker.
    pub id: String,
    pub policy: QueuePolicy,
    pub tick: Duration,
    pub batch: u64,
    handler: Handler,
}

/// The job kinds this release knows. Deadline checks, scheduled visits and webhook deliveries
/// register here as they arrive; an unknown kind fails and, after its attempts, ends dead.
pub fn default_handler() -> Handler {
    Arc::new(|job: job::Model| Box::pin(async move { Err(format!("no handler for job kind '{}'", job.kind)) }))
}

impl Worker {
    pub fn new(store: Store, policy: QueuePolicy, tick: Duration, handler: Handler) -> Self {
        let id = format!("{}-{}", std::process::id(), uuid::Uuid::now_v7().simple());
        Worker {
            store,
            id,
            policy,
            tick,
            batch: 20,
            handler,
        }
    }

    /// Claims and runs one batch; returns how many jobs ran.
    pub async fn run_once(&self) -> StoreResult<usize> {
        let claimed = jobs::claim(&self.store.db, &self.id, self.batch, &self.policy).await?;
        let count = claimed.len();
        for job in claimed {
            let outcome = (self.handler)(job.clone()).await;
            match outcome {
                Ok(()) => {
                    if !jobs::complete(&self.store.db, job.id, &self.id).await? {
                        tracing::warn!(job = %job.id, "lease lost before completion; another worker has the job");
                    }
                }
                Err(error) => {
                    tracing::warn!(job = %job.id, kind = %job.kind, attempt = job.attempts, %error, "job failed");
                    jobs::fail(&self.store.db, &job, &self.id, &error, &self.policy).await?;
                }
            }
        }
        Ok(count)
    }

    /// Runs until the process stops, polling every `tick` when idle.
    pub async fn run(self) {
        tracing::info!(worker = %self.id, "background worker started");
        loop {
            match self.run_once().await {
                Ok(n) if n > 0 => continue,
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "worker could not claim jobs; retrying"),
            }
            tokio::time::sleep(self.tick).await;
        }
    }
}
