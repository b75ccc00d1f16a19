//! The durable job queue. Jobs are rows; a worker *claims* due jobs by setting a lease
//! (`locked_by`, `locked_until`). On PostgreSQL the claim uses `FOR UPDATE SKIP LOCKED`, so any
//! number of workers on any number of instances share the queue without taking the same job;
//! on SQLite the single writer serialises claims. A job whose worker died is claimed again once
//! its lease has run out. Failures are retried with exponential backoff and end `dead`, visible
//! in `GET /api/v1/jobs?status=dead`. Delivery is at-least-once: a handler that outlives its
//! lease may run twice, so handlers are written to be idempotent.

use std::time::Duration;

use chrono::{DateTime, Utc};
use huiyin_domain::jobs::{backoff, is_dead, JobStatus};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseBackend, EntityTrait, FromQueryResult, QueryFilter,
    QueryOrder, QuerySelect, Set, Statement, TryIntoModel,
};
use uuid::Uuid;

use crate::entity::job;
use crate::page::{self, Page};
use crate::wire::Wire;
use crate::{new_id, now, StoreError, StoreResult};

pub const QUEUED: &str = JobStatus::Queued.as_str();
pub const RUNNING: &str = JobStatus::Running.as_str();
pub const DONE: &str = JobStatus::Done.as_str();
pub const DEAD: &str = JobStatus::Dead.as_str();

/// A job as the queue hands it out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JobRecord {
    pub id: Uuid,
    pub kind: String,
    /// JSON.
    pub payload: String,
    pub status: JobStatus,
    pub run_at: DateTime<Utc>,
    pub attempts: i32,
    pub max_attempts: i32,
    pub locked_by: Option<String>,
    pub locked_until: Option<DateTime<Utc>>,
    pub last_error: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<job::Model> for JobRecord {
    fn from(m: job::Model) -> Self {
        JobRecord {
            id: m.id,
            kind: m.kind,
            payload: m.payload,
            status: m.status.0,
            run_at: m.run_at,
            attempts: m.attempts,
            max_attempts: m.max_attempts,
            locked_by: m.locked_by,
            locked_until: m.locked_until,
            last_error: m.last_error,
            created_at: m.created_at,
            updated_at: m.updated_at,
        }
    }
}

/// How a worker claims and retries.
#[derive(Debug, Clone)]
pub struct QueuePolicy {
    pub lease: Duration,
    pub backoff_base: Duration,
    pub backoff_max: Duration,
}

impl Default for QueuePolicy {
    fn default() -> Self {
        QueuePolicy {
            lease: Duration::from_secs(60),
            backoff_base: Duration::from_secs(5),
            backoff_max: Duration::from_secs(3600),
        }
    }
}

/// Adds a job to run at `run_at` (now if `None`).
pub async fn enqueue(
    db: &impl ConnectionTrait,
    kind: &str,
    payload: serde_json::Value,
    run_at: Option<DateTime<Utc>>,
    max_attempts: i32,
) -> StoreResult<JobRecord> {
    let row = new_job(kind, payload, run_at, max_attempts);
    // One INSERT on both databases (SQLite would read the row back otherwise).
    job::Entity::insert(row.clone()).exec_without_returning(db).await?;
    Ok(row.try_into_model()?.into())
}

/// A queued job's row, for [`enqueue`] or for a caller that writes it with others.
pub fn new_job(
    kind: &str,
    payload: serde_json::Value,
    run_at: Option<DateTime<Utc>>,
    max_attempts: i32,
) -> job::ActiveModel {
    let at = now();
    job::ActiveModel {
        id: Set(new_id()),
        kind: Set(kind.to_owned()),
        payload: Set(payload.to_string()),
        status: Set(Wire(JobStatus::Queued)),
        run_at: Set(run_at.unwrap_or(at)),
        attempts: Set(0),
        max_attempts: Set(max_attempts.max(1)),
        locked_by: Set(None),
        locked_until: Set(None),
        last_error: Set(None),
        created_at: Set(at),
        updated_at: Set(at),
    }
}

/// Claims up to `limit` due jobs (queued and due, or running with an expired lease) for `worker`.
pub async fn claim(
    db: &impl ConnectionTrait,
    worker: &str,
    limit: u64,
    policy: &QueuePolicy,
) -> StoreResult<Vec<JobRecord>> {
    let at = now();
    let until = at + chrono::Duration::from_std(policy.lease).unwrap_or(chrono::Duration::seconds(60));
    let backend = db.get_database_backend();
    let (sql, values): (&str, Vec<sea_orm::Value>) = match backend {
        DatabaseBackend::Postgres => (
            "UPDATE jobs SET status = 'running', locked_by = $1, locked_until = $2, attempts = attempts + 1, updated_at = $3 \
             WHERE id IN (SELECT id FROM jobs WHERE (status = 'queued' AND run_at <= $3) OR (status = 'running' AND locked_until < $3) \
             ORDER BY run_at LIMIT $4 FOR UPDATE SKIP LOCKED) RETURNING *",
            vec![worker.into(), until.into(), at.into(), (limit as i64).into()],
        ),
        _ => (
            "UPDATE jobs SET status = 'running', locked_by = ?, locked_until = ?, attempts = attempts + 1, updated_at = ? \
             WHERE id IN (SELECT id FROM jobs WHERE (status = 'queued' AND run_at <= ?) OR (status = 'running' AND locked_until < ?) \
             ORDER BY run_at LIMIT ?) RETURNING *",
            vec![worker.into(), until.into(), at.into(), at.into(), at.into(), (limit as i64).into()],
        ),
    };
    let rows = job::Model::find_by_statement(Statement::from_sql_and_values(backend, sql, values))
        .all(db)
        .await?;
    Ok(rows.into_iter().map(JobRecord::from).collect())
}

/// Marks a claimed job done — only if `worker` still holds it (a lost lease means someone else has it).
pub async fn complete(db: &impl ConnectionTrait, id: Uuid, worker: &str) -> StoreResult<bool> {
    let result = job::Entity::update_many()
        .col_expr(job::Column::Status, Expr::value(DONE))
        .col_expr(job::Column::LockedUntil, Expr::value(Option::<DateTime<Utc>>::None))
        .col_expr(job::Column::UpdatedAt, Expr::value(now()))
        .filter(job::Column::Id.eq(id))
        .filter(job::Column::LockedBy.eq(worker))
        .filter(job::Column::Status.eq(RUNNING))
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

/// Deletes up to `limit` jobs that finished (`done`) before `before`; returns how many.
pub async fn purge_done(db: &impl ConnectionTrait, before: DateTime<Utc>, limit: u64) -> StoreResult<u64> {
    let oldest: Vec<Uuid> = job::Entity::find()
        .select_only()
        .column(job::Column::Id)
        .filter(job::Column::Status.eq(DONE))
        .filter(job::Column::UpdatedAt.lt(before))
        .limit(limit)
        .into_tuple()
        .all(db)
        .await?;
    if oldest.is_empty() {
        return Ok(0);
    }
    let result = job::Entity::delete_many()
        .filter(job::Column::Id.is_in(oldest))
        .filter(job::Column::Status.eq(DONE))
        .exec(db)
        .await?;
    Ok(result.rows_affected)
}

/// Records a failure: requeued after a backoff, or `dead` after the last attempt.
pub async fn fail(
    db: &impl ConnectionTrait,
    claimed: &JobRecord,
    worker: &str,
    error: &str,
    policy: &QueuePolicy,
) -> StoreResult<()> {
    let attempts = claimed.attempts.max(0) as u32;
    let dead = is_dead(attempts, claimed.max_attempts.max(1) as u32);
    let delay = backoff(attempts, policy.backoff_base, policy.backoff_max);
    let at = now();
    let message: String = error.chars().take(2000).collect();
    job::Entity::update_many()
        .col_expr(job::Column::Status, Expr::value(if dead { DEAD } else { QUEUED }))
        .col_expr(
            job::Column::RunAt,
            Expr::value(at + chrono::Duration::from_std(delay).unwrap_or_default()),
        )
        .col_expr(job::Column::LockedUntil, Expr::value(Option::<DateTime<Utc>>::None))
        .col_expr(job::Column::LastError, Expr::value(message))
        .col_expr(job::Column::UpdatedAt, Expr::value(at))
        .filter(job::Column::Id.eq(claimed.id))
        .filter(job::Column::LockedBy.eq(worker))
        .filter(job::Column::Status.eq(RUNNING))
        .exec(db)
        .await?;
    Ok(())
}

/// Jobs by status, newest first (admins look at `dead` ones).
pub async fn list(
    db: &impl ConnectionTrait,
    status: Option<&str>,
    limit: Option<u64>,
    cursor: Option<&str>,
) -> StoreResult<Page<JobRecord>> {
    let limit = page::limit(limit)?;
    let mut select = job::Entity::find().order_by_desc(job::Column::Id);
    if let Some(status) = status {
        if JobStatus::parse(status).is_none() {
            return Err(StoreError::invalid("status", "must be queued, running, done or dead"));
        }
        select = select.filter(job::Column::Status.eq(status));
    }
    if let Some(cursor) = cursor {
        select = select.filter(job::Column::Id.lt(page::decode_uuid(cursor)?));
    }
    let rows = select.limit(limit + 1).all(db).await?;
    let records = rows.into_iter().map(JobRecord::from).collect();
    Ok(page::finish(records, limit, |r| r.id.to_string()))
}

/// Puts a dead job back in the queue with a fresh set of attempts.
pub async fn retry(db: &impl ConnectionTrait, id: Uuid) -> StoreResult<JobRecord> {
    let found = job::Entity::find_by_id(id).one(db).await?.ok_or(StoreError::NotFound)?;
    if found.status.0 != JobStatus::Dead {
        return Err(StoreError::conflict("status", "only dead jobs can be retried"));
    }
    let mut model: job::ActiveModel = found.into();
    model.status = Set(Wire(JobStatus::Queued));
    model.attempts = Set(0);
    model.run_at = Set(now());
    model.updated_at = Set(now());
    Ok(model.update(db).await?.into())
}
