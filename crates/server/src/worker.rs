//! The background worker: each tick it records deadline breaches (escalating once per level),
//! notifies visits that fell due, folds statistics deltas into the roll-ups, then claims due jobs from the durable queue and runs them.
//! The fold also runs on its own every 200 ms while the worker runs, so a long round of jobs
//! does not hold the statistics back.
//! `huiyin serve` runs one in-process (unless `--no-worker`); `huiyin worker` runs only this,
//! so API and worker processes can be scaled separately. Every step is safe with several
//! workers on one database: sweeps write with version checks, jobs are claimed with leases.

use std::sync::Arc;
use std::time::Duration;

use futures_util::future::BoxFuture;
use huiyin_store::jobs::{self, JobRecord, QueuePolicy};
use huiyin_store::{now, sla, stats, visits, warnings, webhooks, Store, StoreResult};

/// Runs one job; an `Err` is recorded and the job retried with backoff.
pub type Handler = Arc<dyn Fn(JobRecord) -> BoxFuture<'static, Result<(), String>> + Send + Sync>;

#[derive(Clone)]
pub struct Worker {
    store: Store,
    /// Names the lease holder; unique per worker.
    pub id: String,
    pub policy: QueuePolicy,
    pub tick: Duration,
    pub batch: u64,
    /// Whether each tick also sweeps deadlines and due visits (tests of the bare queue turn it off).
    pub sweeps: bool,
    handler: Handler,
    /// How often old finished jobs are deleted (a minute; tests shorten it).
    pub purge_every: Duration,
    /// When this worker last deleted old finished jobs (Unix seconds).
    purged_at: Arc<std::sync::atomic::AtomicI64>,
}

/// The job kinds this release knows: webhook deliveries and complaint-warning checks. An
/// unknown kind fails and, after its attempts, ends dead (visible in `GET /api/v1/jobs`).
pub fn default_handler(store: Store, webhook_timeout: Duration) -> Handler {
    handler_with(store, webhook_timeout, Vec::new())
}

/// [`default_handler`] with internal address ranges webhooks may target (`HUIYIN_WEBHOOK_ALLOWED_NETWORKS`).
pub fn handler_with(
    store: Store,
    webhook_timeout: Duration,
    webhook_allowed: Vec<huiyin_domain::network::Network>,
) -> Handler {
    let http = crate::deliveries::client(webhook_timeout, webhook_allowed);
    Arc::new(move |job: JobRecord| {
        let store = store.clone();
        let http = http.clone();
        Box::pin(async move {
            match job.kind.as_str() {
                webhooks::DELIVER_JOB => crate::deliveries::deliver(&store, &http, &job).await,
                warnings::EVALUATE_JOB => {
                    let payload: serde_json::Value =
                        serde_json::from_str(&job.payload).map_err(|e| format!("bad job payload: {e}"))?;
                    let case_id = payload["case_id"]
                        .as_str()
                        .and_then(|s| s.parse().ok())
                        .ok_or("job payload lacks case_id")?;
                    warnings::evaluate_for_case(&store.db, case_id)
                        .await
                        .map(|_| ())
                        .map_err(|e| e.to_string())
                }
                other => Err(format!("no handler for job kind '{other}'")),
            }
        })
    })
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
            sweeps: true,
            purge_every: Duration::from_secs(60),
            purged_at: Arc::new(std::sync::atomic::AtomicI64::new(0)),
            handler,
        }
    }

    /// One tick: sweeps, then one batch of jobs; returns how many things were done.
    pub async fn run_once(&self) -> StoreResult<usize> {
        let mut done = 0;
        if self.sweeps {
            let at = now();
            done += sla::deadlines::sweep(&self.store.db, at, 200).await?;
            done += visits::notify_due(&self.store.db, at, 200).await?;
            // Statistics deltas into the roll-ups (`stats::fold`; SKIP LOCKED among workers).
            done += stats::fold::fold_batch(&self.store.db, 2000).await?;
            done += huiyin_store::stewardship::missed::sweep(&self.store.db, at).await?;
            done += huiyin_store::arrears::sweep::sweep(&self.store.db, at, 200).await?;
            done += huiyin_store::handovers::remind_due(&self.store.db, at, 200).await?;
            done += huiyin_store::leads::overdue::sweep(&self.store.db, at, 200).await?;
            let last = self.purged_at.load(std::sync::atomic::Ordering::Relaxed);
            if at.timestamp() - last >= self.purge_every.as_secs() as i64 {
                let kept = chrono::Duration::days(huiyin_domain::jobs::DONE_KEPT_DAYS);
                let purged = jobs::purge_done(&self.store.db, at - kept, 500).await?;
                // A full batch means more are waiting: purge again on the next tick.
                if purged < 500 {
                    self.purged_at
                        .store(at.timestamp(), std::sync::atomic::Ordering::Relaxed);
                }
                done += purged as usize;
            }
        }
        let claimed = jobs::claim(&self.store.db, &self.id, self.batch, &self.policy).await?;
        done += claimed.len();
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
        Ok(done)
    }

    /// Runs until the process stops, polling every `tick` when idle.
    pub async fn run(self) {
        tracing::info!(worker = %self.id, "background worker started");
        if self.sweeps {
            tokio::spawn(fold_continuously(self.store.clone(), self.tick.min(FOLD_IDLE)));
        }
        loop {
            // With the store's configuration cache (SLA terms, calendar, webhook subscriptions).
            match huiyin_store::cache::scope(self.store.config.clone(), self.run_once()).await {
                Ok(n) if n > 0 => continue,
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "worker could not do its rounds; retrying"),
            }
            tokio::time::sleep(self.tick).await;
        }
    }
}

/// How long the statistics fold waits when it found nothing to fold.
const FOLD_IDLE: Duration = Duration::from_millis(200);

/// Folds statistics deltas into the roll-ups on its own, beside the rounds: a round that works
/// through a burst of jobs (a warning check per new complaint) takes seconds on a busy machine,
/// and the fold lag (`/metrics`, issue #14: at most 2 s under load) must not wait for it.
/// `run_once` still folds too (tests drive it alone); several folders never fold the same delta
/// (`stats::fold`: SKIP LOCKED on PostgreSQL, one connection on SQLite).
async fn fold_continuously(store: Store, idle: Duration) {
    loop {
        match stats::fold::fold_batch(&store.db, 2000).await {
            Ok(n) if n > 0 => continue,
            Ok(_) => {}
            Err(e) => tracing::warn!(error = %e, "statistics fold failed; retrying"),
        }
        tokio::time::sleep(idle).await;
    }
}
