//! Counting the SQL statements a piece of work issues, and the time they take (the
//! statement-count tests of issue #14, and each request's access log line).
//!
//! [`install`] hooks a counter into a connection pool (sea-orm's metric callback, which fires for
//! every statement on the pool and on the transactions begun from it, on SQLite and PostgreSQL).
//! [`counted`] runs a future with a tally of its own (a tokio task-local), so statements of the
//! worker or of other requests running at the same time are never mixed in. sea-orm's callback
//! does not see `BEGIN` and `COMMIT`: [`begin`] and [`commit`] count those (and their time), and
//! every case path opens and ends its transaction through them.

use std::future::Future;
use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use sea_orm::{ConnectionTrait, DatabaseConnection, DatabaseTransaction, TransactionTrait};

use crate::StoreResult;

#[derive(Default)]
struct Tally {
    statements: AtomicU32,
    micros: AtomicU64,
}

tokio::task_local! {
    static TALLY: Arc<Tally>;
}

/// What a piece of work asked of the database.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SqlTally {
    pub statements: u32,
    /// The statements' own time (for `BEGIN`, with the wait for a pooled connection).
    pub time: Duration,
}

/// Counts one statement that took `elapsed` for the work running in this task, if it is being
/// counted.
pub fn note(elapsed: Duration) {
    let _ = TALLY.try_with(|t| {
        t.statements.fetch_add(1, Ordering::Relaxed);
        let micros = u64::try_from(elapsed.as_micros()).unwrap_or(u64::MAX);
        t.micros.fetch_add(micros, Ordering::Relaxed);
    });
}

/// Hooks the counter into `db` (before the handle is cloned: clones share the hook). Every
/// statement is also a `debug` event of target `huiyin::sql` (its SQL and time), inside the spans
/// of the request and of the store entry point that issued it (`RUST_LOG=info,huiyin::sql=debug`,
/// `docs/deployment.md`). With `HUIYIN_LOG_COUNTED` set, every counted statement is also printed
/// to stderr (to see what a count is made of, without a log configuration).
pub fn install(db: &mut DatabaseConnection) {
    let log = std::env::var_os("HUIYIN_LOG_COUNTED").is_some();
    db.set_metric_callback(move |info| {
        if log && TALLY.try_with(|_| ()).is_ok() {
            eprintln!("counted: {}", info.statement.sql);
        }
        tracing::debug!(
            target: "huiyin::sql",
            sql = %info.statement.sql,
            elapsed_us = u64::try_from(info.elapsed.as_micros()).unwrap_or(u64::MAX),
            failed = info.failed,
        );
        note(info.elapsed);
    });
}

/// Runs `work` and returns its output with what it asked of the database.
pub async fn counted<F: Future>(work: F) -> (F::Output, SqlTally) {
    let tally = Arc::new(Tally::default());
    let output = TALLY.scope(tally.clone(), work).await;
    let counted = SqlTally {
        statements: tally.statements.load(Ordering::Relaxed),
        time: Duration::from_micros(tally.micros.load(Ordering::Relaxed)),
    };
    (output, counted)
}

/// `BEGIN`, counted.
pub async fn begin<C: TransactionTrait>(db: &C) -> StoreResult<DatabaseTransaction> {
    let started = Instant::now();
    let txn = db.begin().await?;
    note(started.elapsed());
    Ok(txn)
}

/// `COMMIT`, counted.
pub async fn commit(txn: DatabaseTransaction) -> StoreResult<()> {
    let started = Instant::now();
    txn.commit().await?;
    note(started.elapsed());
    Ok(())
}

/// Whether a connection is PostgreSQL (the counted paths choose their statements by backend).
pub fn is_postgres(db: &impl ConnectionTrait) -> bool {
    db.get_database_backend() == sea_orm::DatabaseBackend::Postgres
}
