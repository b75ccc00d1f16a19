//! Huiyin persistence: one code path over SQLite (embedded) and PostgreSQL.
//!
//! Every write that must not be lost or half-done runs in one transaction;
//! versioned rows are updated with `WHERE version = ?` so concurrent edits
//! surface as [`StoreError::Stale`] instead of silently overwriting.

pub mod actor;
pub mod api_keys;
pub mod arrears;
pub mod audit;
pub mod auth;
pub mod cache;
pub mod cases;
pub mod categories;
pub mod customers;
pub mod entity;
pub mod error;
pub mod handovers;
pub mod idempotency;
pub mod jobs;
pub mod knowledge;
pub mod leads;
pub mod notifications;
pub mod org;
pub mod page;
pub mod password;
pub mod process;
pub mod reply_templates;
pub mod residents;
pub mod search;
pub mod settings;
pub mod sla;
pub mod statements;
pub mod stats;
pub mod stewardship;
pub mod timeline;
pub mod validate;
pub mod visits;
pub mod warnings;
pub mod webhooks;
pub mod wire;
pub mod works;

use std::time::Duration;

use sea_orm::{ConnectOptions, ConnectionTrait, Database, DatabaseBackend, DatabaseConnection, Statement};
use sea_orm_migration::MigratorTrait;

pub use actor::Actor;
pub use error::{Doing, StoreError, StoreResult};
pub use sea_orm::DatabaseConnection as Db;

/// PostgreSQL connections a server keeps for requests and its worker, unless configured.
pub const DEFAULT_CONNECTIONS: u32 = 16;

/// A handle to the database; cheap to clone.
#[derive(Clone)]
pub struct Store {
    pub db: DatabaseConnection,
    /// PostgreSQL: a small pool of its own for case numbers, each taken with one autocommitted
    /// statement outside the registering transaction (`cases::numbering`). A pool of its own, because a registration holds
    /// a connection of `db` while it waits for its number: with one shared pool, enough
    /// concurrent registrations would hold every connection and wait for one forever.
    numbers: Option<DatabaseConnection>,
    /// This process's copy of the database's configuration (`cache`).
    pub config: std::sync::Arc<cache::ConfigCache>,
}

impl Store {
    /// Connects to `url` (`sqlite://…` or `postgres://…`).
    ///
    /// SQLite gets one pooled connection in WAL mode: SQLite allows one writer at a time,
    /// and a single connection turns would-be `SQLITE_BUSY` failures under concurrent
    /// writes into an orderly queue (so waiting for it may take a while). PostgreSQL gets a
    /// real pool with a short acquire timeout: while the database is down, a request answers
    /// 503 within about 3 s instead of hanging until the client gives up.
    pub async fn connect(url: &str) -> StoreResult<Self> {
        Self::connect_with(url, DEFAULT_CONNECTIONS).await
    }

    /// [`Store::connect`] with at most `connections` request connections to PostgreSQL (at
    /// least 2; SQLite always has one).
    pub async fn connect_with(url: &str, connections: u32) -> StoreResult<Self> {
        let mut options = ConnectOptions::new(url.to_owned());
        let sqlite = url.starts_with("sqlite:");
        options
            .max_connections(if sqlite { 1 } else { connections.max(2) })
            .min_connections(if sqlite { 1 } else { 2 })
            .connect_timeout(Duration::from_secs(5))
            .acquire_timeout(Duration::from_secs(if sqlite { 10 } else { 3 }))
            .sqlx_logging(false);
        let mut db = Database::connect(options).await.map_err(StoreError::from_db)?;
        statements::install(&mut db);
        if db.get_database_backend() == DatabaseBackend::Sqlite {
            for pragma in [
                "PRAGMA journal_mode = WAL",
                "PRAGMA foreign_keys = ON",
                "PRAGMA busy_timeout = 5000",
                "PRAGMA synchronous = NORMAL",
            ] {
                db.execute(Statement::from_string(DatabaseBackend::Sqlite, pragma))
                    .await
                    .map_err(StoreError::from_db)?;
            }
        }
        let numbers = if sqlite {
            None
        } else {
            let mut options = ConnectOptions::new(url.to_owned());
            // Every statement on this pool is one autocommitted number upsert, which need not wait
            // for the disk (`cases::numbering` says why that is safe).
            options.map_sqlx_postgres_opts(|pg| pg.options([("synchronous_commit", "off")]));
            options
                .max_connections(4)
                .min_connections(1)
                .connect_timeout(Duration::from_secs(5))
                .acquire_timeout(Duration::from_secs(3))
                .sqlx_logging(false);
            let mut pool = Database::connect(options).await.map_err(StoreError::from_db)?;
            statements::install(&mut pool);
            Some(pool)
        };
        let config = cache::ConfigCache::new();
        cache::listen(&db, &config);
        Ok(Store { db, numbers, config })
    }

    /// Where registrations take their case numbers from (see `cases::numbering`).
    pub fn numbers(&self) -> cases::numbering::Numbers<'_> {
        match &self.numbers {
            Some(pool) => cases::numbering::Numbers::Separate(pool),
            None => cases::numbering::Numbers::InTransaction,
        }
    }

    /// Applies every pending migration.
    pub async fn migrate(&self) -> StoreResult<()> {
        huiyin_migration::Migrator::up(&self.db, None)
            .await
            .map_err(StoreError::from_db)?;
        categories::ensure_defaults(&self.db).await?;
        stats::rollup::build_if_missing(&self.db).await
    }

    /// True while the database answers a trivial query.
    pub async fn ping(&self) -> bool {
        self.db.ping().await.is_ok()
    }

    pub fn backend(&self) -> DatabaseBackend {
        self.db.get_database_backend()
    }
}

tokio::task_local! {
    /// A fixed "now" for the demo seed, which replays a month of work through the real code paths.
    static CLOCK: chrono::DateTime<chrono::Utc>;
}

/// The current time, truncated to microseconds so that what is written equals what is read
/// back on both backends (PostgreSQL keeps microseconds).
pub fn now() -> chrono::DateTime<chrono::Utc> {
    use chrono::{SubsecRound, Utc};
    CLOCK.try_with(|at| *at).unwrap_or_else(|_| Utc::now()).trunc_subsecs(6)
}

/// Runs `work` with [`now`] fixed at `at` (demo data only).
pub async fn at_time<F: std::future::Future>(at: chrono::DateTime<chrono::Utc>, work: F) -> F::Output {
    CLOCK.scope(at, work).await
}

/// A new time-ordered id (UUID v7), so keyset pagination by id follows creation order.
pub fn new_id() -> uuid::Uuid {
    uuid::Uuid::now_v7()
}
