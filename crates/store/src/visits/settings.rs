//! The per-project return-visit setting (`visits_by`), kept in the `settings` table under
//! `visit_settings:<project id>`.

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
    if project::Entity::find_by_id(project_id).one(db).await?.is_none() {
        return Err(StoreError::NotFound);
    }
    settings::put(db, &key(project_id), &value, expected_version).await
}
