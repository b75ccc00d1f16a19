//! The per-project return-visit settings (`visits_by`; retries of unreachable customers, the
//! early-record margin and the repeat-repair window, issue #19), kept in the `settings` table
//! under `visit_settings:<project id>`. A value saved before issue #19 reads with the defaults.

use huiyin_domain::steward::visits_by::VisitSettings;
use sea_orm::{ConnectionTrait, EntityTrait};
use uuid::Uuid;

use crate::entity::project;
use crate::{settings, Actor, StoreError, StoreResult};

fn key(project_id: Uuid) -> String {
    format!("visit_settings:{project_id}")
}

/// The project's setting and its version (0 while the default applies).
pub async fn get(db: &impl ConnectionTrait, project_id: Uuid) -> StoreResult<(VisitSettings, i32)> {
    settings::get(db, &key(project_id)).await
}

/// Saves the setting of a project the actor belongs to; visits already scheduled keep their
/// assignee, later ones follow the new setting.
pub async fn put(
    db: &impl ConnectionTrait,
    actor: &Actor,
    project_id: Uuid,
    value: VisitSettings,
    expected_version: i32,
) -> StoreResult<i32> {
    actor.require_project(project_id)?;
    if let Some(field) = value.invalid_field() {
        return Err(StoreError::invalid(field, "out of range"));
    }
    if project::Entity::find_by_id(project_id).one(db).await?.is_none() {
        return Err(StoreError::NotFound);
    }
    settings::put(db, &key(project_id), &value, expected_version).await
}
