//! Counting the SQL statements a piece of work issues (the statement-count tests of issue #14).
//!
//! [`install`] hooks a counter into a connection pool (sea-orm's metric callback, which fires for
//! every statement on the pool and on the transactions begun from it, on SQLite and PostgreSQL).
//! [`counted`] runs a future with a counter of its own (a tokio task-local), so statements of the
//! worker or of other requests running at the same time are never mixed in. sea-orm's callback
//! does not see `BEGIN` and `COMMIT`: [`begin`] and [`commit`] count those, and every case path
//! opens and ends its transaction through them.

use std::future::Future;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;

use sea_orm::{ConnectionTrait, DatabaseConnection, DatabaseTransaction, TransactionTrait};

use crate::StoreResult;

tokio::task_local! {
    static COUNTER: Arc<AtomicU32>;
}

/// Counts one statement for the work running in this task, if it is being counted.
pub fn note() {
    let _ = COUNTER.try_with(|c| c.fetch_add(1, Ordering::Relaxed));
}

/// Hooks the counter into `db` (before the handle is cloned: clones share the hook). With
/// `HUIYIN_LOG_COUNTED` set, every counted statement is also printed to stderr (to see what a
/// count is made of).
pub fn install(db: &mut DatabaseConnection) {
    let log = std::env::var_os("HUIYIN_LOG_COUNTED").is_some();
    db.set_metric_callback(move |info| {
        if log && COUNTER.try_with(|_| ()).is_ok() {
            eprintln!("counted: {}", info.statement.sql);
        }
        note();
    });
}

/// Runs `work` and returns its output with the number of statements it issued.
pub async fn counted<F: Future>(work: F) -> (F::Output, u32) {
    let counter = Arc::new(AtomicU32::new(0));
    let output = COUNTER.scope(counter.clone(), work).await;
    (output, counter.load(Ordering::Relaxed))
}

/// `BEGIN`, counted.
pub async fn begin<C: TransactionTrait>(db: &C) -> StoreResult<DatabaseTransaction> {
    let txn = db.begin().await?;
    note();
    Ok(txn)
}

/// `COMMIT`, counted.
pub async fn commit(txn: DatabaseTransaction) -> StoreResult<()> {
    txn.commit().await?;
    note();
    Ok(())
}

/// Whether a connection is PostgreSQL (the counted paths choose their statements by backend).
pub fn is_postgres(db: &impl ConnectionTrait) -> bool {
    db.get_database_backend() == sea_orm::DatabaseBackend::Postgres
}
