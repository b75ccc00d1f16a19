//! Configuration read from memory (issue #14): SLA policies, the business calendar, active
//! webhook subscriptions, categories, process settings with routing rules and authenticated users, kept per process and dropped when they change.
//!
//! Each [`Store`](crate::Store) owns one [`ConfigCache`]. The API's middleware and the worker
//! run their work inside [`scope`], so the store functions that read configuration find the cache
//! of the store they run for ([`current`]); outside a scope (a CLI command, a store-level test)
//! they read the database as before.
//!
//! Every write of cached configuration calls [`changed`] inside its transaction. On PostgreSQL
//! that is `pg_notify('huiyin_config', topic)`, delivered at commit to every server process on the
//! database, whose listener ([`listen`]) drops the topic; on SQLite (one process) it drops the
//! topic in every cache of the process. A listener that loses its connection drops everything
//! and reconnects. Users are kept at most [`USER_TTL`] even without a notification.

use std::collections::HashMap;
use std::future::Future;
use std::sync::{Arc, Mutex, RwLock, Weak};
use std::time::{Duration, Instant};

use huiyin_domain::calendar::Calendar;
use huiyin_domain::sla::policy::PolicyRule;
use sea_orm::{ConnectionTrait, DatabaseBackend, DatabaseConnection, Statement};
use uuid::Uuid;

use crate::entity::{category, webhook};
use crate::{Actor, StoreResult};

/// The PostgreSQL channel cache invalidations travel on.
pub const CHANNEL: &str = "huiyin_config";
/// The longest a user stays cached without a notification.
pub const USER_TTL: Duration = Duration::from_secs(30);

/// What changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Topic {
    Policies,
    Calendar,
    Webhooks,
    Users,
    Categories,
    /// Projects' process settings and the routing rules (issue #19).
    Process,
}

impl Topic {
    fn as_str(self) -> &'static str {
        match self {
            Topic::Policies => "policies",
            Topic::Calendar => "calendar",
            Topic::Webhooks => "webhooks",
            Topic::Users => "users",
            Topic::Categories => "categories",
            Topic::Process => "process",
        }
    }

    fn parse(s: &str) -> Option<Topic> {
        ALL.into_iter().find(|t| t.as_str() == s)
    }
}

const ALL: [Topic; 6] = [
    Topic::Policies,
    Topic::Calendar,
    Topic::Webhooks,
    Topic::Users,
    Topic::Categories,
    Topic::Process,
];

type Slot<T> = RwLock<Option<Arc<T>>>;
/// An active user and their token version, or `None` (unknown or deactivated).
type CachedUser = Option<(Actor, i32)>;

/// One process's copy of the configuration of one database.
#[derive(Default)]
pub struct ConfigCache {
    policies: Slot<Vec<PolicyRule>>,
    /// The calendar, or `None` inside when the database has none stored.
    calendar: Slot<Calendar>,
    webhooks: Slot<Vec<webhook::Model>>,
    categories: Slot<Vec<category::Model>>,
    process: Slot<crate::process::config::ProcessConfig>,
    /// Each user with their token version (raised by the auth module's `bump_token_version`).
    users: Mutex<HashMap<Uuid, (Instant, CachedUser)>>,
}

fn registry() -> &'static Mutex<Vec<Weak<ConfigCache>>> {
    static REGISTRY: std::sync::OnceLock<Mutex<Vec<Weak<ConfigCache>>>> = std::sync::OnceLock::new();
    REGISTRY.get_or_init(|| Mutex::new(Vec::new()))
}

impl ConfigCache {
    /// A new, empty cache, known to [`changed`] on SQLite.
    pub fn new() -> Arc<Self> {
        let cache = Arc::new(ConfigCache::default());
        let mut all = registry().lock().unwrap_or_else(|e| e.into_inner());
        all.retain(|w| w.strong_count() > 0);
        all.push(Arc::downgrade(&cache));
        cache
    }

    /// Drops what `topic` covers.
    pub fn drop_topic(&self, topic: Topic) {
        fn clear<T>(slot: &Slot<T>) {
            *slot.write().unwrap_or_else(|e| e.into_inner()) = None;
        }
        match topic {
            Topic::Policies => clear(&self.policies),
            Topic::Calendar => clear(&self.calendar),
            Topic::Webhooks => clear(&self.webhooks),
            Topic::Categories => clear(&self.categories),
            Topic::Process => clear(&self.process),
            Topic::Users => self.users.lock().unwrap_or_else(|e| e.into_inner()).clear(),
        }
    }

    /// Drops everything (a listener that lost its connection may have missed a notification).
    pub fn drop_all(&self) {
        for topic in ALL {
            self.drop_topic(topic);
        }
    }
}

fn get<T>(slot: &Slot<T>) -> Option<Arc<T>> {
    slot.read().unwrap_or_else(|e| e.into_inner()).clone()
}

fn put<T>(slot: &Slot<T>, value: T) -> Arc<T> {
    let value = Arc::new(value);
    *slot.write().unwrap_or_else(|e| e.into_inner()) = Some(value.clone());
    value
}

tokio::task_local! {
    static CURRENT: Arc<ConfigCache>;
}

/// Runs `work` with `cache` as the configuration cache of the store it works on.
pub async fn scope<F: Future>(cache: Arc<ConfigCache>, work: F) -> F::Output {
    CURRENT.scope(cache, work).await
}

/// The cache of the running request or worker round, if any.
pub fn current() -> Option<Arc<ConfigCache>> {
    CURRENT.try_with(Arc::clone).ok()
}

/// The SLA policy rules: from the cache, or read with `load` (and kept).
pub async fn policies<F, Fut>(load: F) -> StoreResult<Arc<Vec<PolicyRule>>>
where
    F: FnOnce() -> Fut,
    Fut: Future<Output = StoreResult<Vec<PolicyRule>>>,
{
    let Some(cache) = current() else {
        return Ok(Arc::new(load().await?));
    };
    if let Some(hit) = get(&cache.policies) {
        return Ok(hit);
    }
    Ok(put(&cache.policies, load().await?))
}

/// The business calendar: from the cache, or read with `load` (and kept).
pub async fn calendar<F, Fut>(load: F) -> StoreResult<Arc<Calendar>>
where
    F: FnOnce() -> Fut,
    Fut: Future<Output = StoreResult<Calendar>>,
{
    let Some(cache) = current() else {
        return Ok(Arc::new(load().await?));
    };
    if let Some(hit) = get(&cache.calendar) {
        return Ok(hit);
    }
    Ok(put(&cache.calendar, load().await?))
}

/// The active webhook subscriptions: from the cache, or read with `load` (and kept).
pub async fn webhooks<F, Fut>(load: F) -> StoreResult<Arc<Vec<webhook::Model>>>
where
    F: FnOnce() -> Fut,
    Fut: Future<Output = StoreResult<Vec<webhook::Model>>>,
{
    let Some(cache) = current() else {
        return Ok(Arc::new(load().await?));
    };
    if let Some(hit) = get(&cache.webhooks) {
        return Ok(hit);
    }
    Ok(put(&cache.webhooks, load().await?))
}

/// Every category: from the cache, or read with `load` (and kept).
pub async fn categories<F, Fut>(load: F) -> StoreResult<Arc<Vec<category::Model>>>
where
    F: FnOnce() -> Fut,
    Fut: Future<Output = StoreResult<Vec<category::Model>>>,
{
    let Some(cache) = current() else {
        return Ok(Arc::new(load().await?));
    };
    if let Some(hit) = get(&cache.categories) {
        return Ok(hit);
    }
    Ok(put(&cache.categories, load().await?))
}

/// Every project's process settings and the routing rules: from the cache, or read with `load`.
pub async fn process<F, Fut>(load: F) -> StoreResult<Arc<crate::process::config::ProcessConfig>>
where
    F: FnOnce() -> Fut,
    Fut: Future<Output = StoreResult<crate::process::config::ProcessConfig>>,
{
    let Some(cache) = current() else {
        return Ok(Arc::new(load().await?));
    };
    if let Some(hit) = get(&cache.process) {
        return Ok(hit);
    }
    Ok(put(&cache.process, load().await?))
}

/// An active user with their scope (`None`: unknown or deactivated), cached up to [`USER_TTL`].
pub async fn actor(db: &impl ConnectionTrait, user_id: Uuid) -> StoreResult<Option<Actor>> {
    Ok(actor_with_version(db, user_id).await?.map(|(actor, _)| actor))
}

/// [`actor`] with the user's token version, which access tokens are checked against.
pub async fn actor_with_version(db: &impl ConnectionTrait, user_id: Uuid) -> StoreResult<Option<(Actor, i32)>> {
    let Some(cache) = current() else {
        return Actor::load_with_version(db, user_id).await;
    };
    if let Some((at, found)) = cache.users.lock().unwrap_or_else(|e| e.into_inner()).get(&user_id) {
        if at.elapsed() < USER_TTL {
            return Ok(found.clone());
        }
    }
    let found = Actor::load_with_version(db, user_id).await?;
    let mut users = cache.users.lock().unwrap_or_else(|e| e.into_inner());
    if users.len() > 10_000 {
        users.clear();
    }
    users.insert(user_id, (Instant::now(), found.clone()));
    Ok(found)
}

/// Announces that `topic` changed: call it in the transaction that changes it.
pub async fn changed(db: &impl ConnectionTrait, topic: Topic) -> StoreResult<()> {
    if db.get_database_backend() == DatabaseBackend::Postgres {
        db.execute(Statement::from_sql_and_values(
            DatabaseBackend::Postgres,
            "SELECT pg_notify($1, $2)",
            [CHANNEL.into(), topic.as_str().into()],
        ))
        .await?;
    }
    // This process at once (on PostgreSQL the notification follows at commit).
    let all = registry().lock().unwrap_or_else(|e| e.into_inner()).clone();
    for cache in all.iter().filter_map(Weak::upgrade) {
        if db.get_database_backend() == DatabaseBackend::Sqlite || current().is_some_and(|c| Arc::ptr_eq(&c, &cache)) {
            cache.drop_topic(topic);
        }
    }
    Ok(())
}

/// PostgreSQL: listens for [`changed`] notifications of every process and drops what they name
/// from `cache`, until the pool closes or the cache is gone.
pub fn listen(db: &DatabaseConnection, cache: &Arc<ConfigCache>) {
    if db.get_database_backend() != DatabaseBackend::Postgres {
        return;
    }
    let pool = db.get_postgres_connection_pool().clone();
    let cache = Arc::downgrade(cache);
    tokio::spawn(async move {
        use sea_orm::sqlx::postgres::PgListener;
        while !pool.is_closed() {
            let listener = async {
                let mut listener = PgListener::connect_with(&pool).await?;
                listener.listen(CHANNEL).await?;
                Ok::<_, sea_orm::sqlx::Error>(listener)
            };
            if let Ok(mut listener) = listener.await {
                // Anything may have changed while no one listened.
                match cache.upgrade() {
                    Some(c) => c.drop_all(),
                    None => return,
                }
                // `try_recv` says when the connection was lost (`Ok(None)`): notifications may
                // have been missed then, so everything is dropped; the next call reconnects.
                loop {
                    let next = listener.try_recv().await;
                    let Some(c) = cache.upgrade() else { return };
                    match next {
                        Ok(Some(note)) => match Topic::parse(note.payload()) {
                            Some(topic) => c.drop_topic(topic),
                            None => c.drop_all(),
                        },
                        Ok(None) => c.drop_all(),
                        Err(_) => break,
                    }
                }
            }
            match cache.upgrade() {
                Some(c) => c.drop_all(),
                None => return,
            }
            tokio::time::sleep(Duration::from_millis(500)).await;
        }
    });
}
