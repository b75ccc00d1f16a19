//! A project's process settings (`process_settings:<project id>` in the `settings` table) and the
//! routing rules (`routing_rules`), read together through the configuration cache
//! ([`crate::cache::process`]): registration and every dispatch consult them without a statement.

pub(crate) mod config;
pub mod routing;

pub use config::ProcessConfig;

use std::collections::HashMap;
use std::sync::Arc;

use huiyin_domain::case::process::ProcessSettings;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, TransactionTrait};
use uuid::Uuid;

use crate::cache::{self, Topic};
use crate::entity::{project, routing_rule, setting};
use crate::{settings, statements, Actor, StoreError, StoreResult};

const PREFIX: &str = "process_settings:";

fn key(project_id: Uuid) -> String {
    format!("{PREFIX}{project_id}")
}

async fn load(db: &impl ConnectionTrait) -> StoreResult<ProcessConfig> {
    let mut settings = HashMap::new();
    let rows = setting::Entity::find()
        .filter(setting::Column::Key.starts_with(PREFIX))
        .all(db)
        .await?;
    for row in rows {
        let Some(project) = row.key.strip_prefix(PREFIX).and_then(|p| p.parse().ok()) else {
            continue;
        };
        let value = serde_json::from_str(&row.value)
            .map_err(|e| StoreError::invalid(row.key.clone(), format!("stored setting is unreadable: {e}")))?;
        settings.insert(project, value);
    }
    let routing = routing_rule::Entity::find()
        .order_by_asc(routing_rule::Column::Id)
        .all(db)
        .await?
        .iter()
        .map(routing::rule_of)
        .collect();
    Ok(ProcessConfig { settings, routing })
}

/// The process configuration, from the cache when there is one.
pub async fn config(db: &impl ConnectionTrait) -> StoreResult<Arc<ProcessConfig>> {
    cache::process(|| load(db)).await
}

/// One project's settings (from the cache).
pub async fn settings_of(db: &impl ConnectionTrait, project_id: Uuid) -> StoreResult<ProcessSettings> {
    Ok(config(db).await?.settings_of(project_id))
}

/// A project's settings and their version (0 while the defaults apply), for a project the actor sees.
pub async fn get(db: &impl ConnectionTrait, actor: &Actor, project_id: Uuid) -> StoreResult<(ProcessSettings, i32)> {
    actor.require_project(project_id)?;
    if project::Entity::find_by_id(project_id).one(db).await?.is_none() {
        return Err(StoreError::NotFound);
    }
    settings::get(db, &key(project_id)).await
}

/// Saves a project's settings if `expected_version` is current. Cases already registered keep
/// their verification deadline; dispatches from now on follow the new rules.
pub async fn put<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    project_id: Uuid,
    value: ProcessSettings,
    expected_version: i32,
) -> StoreResult<i32> {
    actor.require_project(project_id)?;
    if project::Entity::find_by_id(project_id).one(db).await?.is_none() {
        return Err(StoreError::NotFound);
    }
    let txn = statements::begin(db).await?;
    let version = settings::put(&txn, &key(project_id), &value, expected_version).await?;
    cache::changed(&txn, Topic::Process).await?;
    statements::commit(txn).await?;
    Ok(version)
}
