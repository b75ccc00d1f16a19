//! Area stewardship (片区负责制): visit plans and stewards' household visits with their
//! coverage, patrol routes and patrols (a failed checkpoint opens an incident case), missed
//! patrol warnings, public notices, and what residents see of it (notices, their steward).
//!
//! Scope: stewards see and record only the areas they are steward of; other staff the areas of
//! their projects. Outside the scope everything is reported as not found.

pub mod coverage;
pub mod coverage_by_area;
pub mod missed;
pub mod notices;
pub mod patrols;
pub mod photos;
pub mod plans;
pub mod resident;
pub mod routes;
pub mod visits;

use huiyin_domain::role::Role;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};
use uuid::Uuid;

use crate::entity::{area, case};
use crate::notifications::{self, NewNotification, NotificationKind};
use crate::{Actor, StoreError, StoreResult};

/// The area `id` if the actor may work in it (a steward only in their own areas).
pub async fn area_in_scope(db: &impl ConnectionTrait, actor: &Actor, id: Uuid) -> StoreResult<area::Model> {
    let found = area::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(StoreError::NotFound)?;
    actor.require_project(found.project_id)?;
    if actor.role == Role::Steward && found.steward_id != Some(actor.user_id) {
        return Err(StoreError::NotFound);
    }
    Ok(found)
}

/// The areas the actor may work in: `None` means every area (admins).
pub async fn areas_in_scope(db: &impl ConnectionTrait, actor: &Actor) -> StoreResult<Option<Vec<Uuid>>> {
    let mut select = area::Entity::find().select_only().column(area::Column::Id);
    if actor.role == Role::Steward {
        select = select.filter(area::Column::StewardId.eq(actor.user_id));
    }
    match actor.project_filter() {
        Some(projects) => select = select.filter(area::Column::ProjectId.is_in(projects.to_vec())),
        None if actor.role != Role::Steward => return Ok(None),
        None => {}
    }
    Ok(Some(select.into_tuple().all(db).await?))
}

/// Parses a JSON array of strings kept in a text column.
pub(crate) fn stored_list(text: &str, table: &str, id: Uuid, column: &str) -> StoreResult<Vec<String>> {
    serde_json::from_str(text).map_err(|e| {
        StoreError::Db(sea_orm::DbErr::Type(format!(
            "{table} row {id}: unreadable {column}: {e}"
        )))
    })
}

/// Tells the area's steward about a new case in their area (unless they registered it).
pub async fn notify_area_steward(db: &impl ConnectionTrait, created: &case::Model) -> StoreResult<()> {
    let Some(area_id) = created.area_id else {
        return Ok(());
    };
    let Some(found) = area::Entity::find_by_id(area_id).one(db).await? else {
        return Ok(());
    };
    let Some(steward) = found.steward_id else {
        return Ok(());
    };
    if created.created_by == Some(steward) {
        return Ok(());
    }
    notifications::notify(
        db,
        &[steward],
        &NewNotification {
            kind: NotificationKind::AreaCase,
            title: format!("{} 新案件 {}", found.name, created.number),
            body: created.title.clone(),
            case_id: Some(created.id),
            warning_id: None,
        },
    )
    .await?;
    Ok(())
}

/// Checks an explicit `area_id` for a new case: it must be an area of the case's project.
pub async fn check_case_area(db: &impl ConnectionTrait, area_id: Uuid, project_id: Uuid) -> StoreResult<()> {
    match area::Entity::find_by_id(area_id).one(db).await? {
        Some(found) if found.project_id == project_id => Ok(()),
        _ => Err(StoreError::invalid("area_id", "no such area in the case's project")),
    }
}
