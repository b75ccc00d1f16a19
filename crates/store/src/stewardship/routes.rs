//! Patrol routes (巡查路线): an area's checkpoints walked every N Beijing days.

use chrono::NaiveDate;
use huiyin_domain::steward::patrol::{due_day, valid_every_days};
use huiyin_domain::steward::CheckpointKind;
use huiyin_domain::time::business_day;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set};
use uuid::Uuid;

use super::{area_in_scope, areas_in_scope};
use crate::entity::{patrol_checkpoint, patrol_route, property};
use crate::page::{self, Page};
use crate::validate::required;
use crate::wire::Wire;
use crate::{new_id, now, Actor, StoreError, StoreResult};

#[derive(Debug, Clone)]
pub struct NewCheckpoint {
    pub name: String,
    pub kind: CheckpointKind,
    pub property_id: Option<Uuid>,
}

#[derive(Debug, Clone)]
pub struct CreateRoute {
    pub area_id: Uuid,
    pub name: String,
    pub every_days: u32,
    pub checkpoints: Vec<NewCheckpoint>,
}

#[derive(Debug, Clone)]
pub struct Checkpoint {
    pub row: patrol_checkpoint::Model,
    pub kind: CheckpointKind,
}

/// A route with its checkpoints in order and when it is next due.
#[derive(Debug, Clone)]
pub struct RouteRecord {
    pub route: patrol_route::Model,
    pub checkpoints: Vec<Checkpoint>,
    /// The Beijing day by which the next patrol is due.
    pub due_on: NaiveDate,
}

/// The day a route's interval counts from: its last patrol, or its creation.
pub fn base_day(route: &patrol_route::Model) -> NaiveDate {
    business_day(route.last_patrolled_at.unwrap_or(route.created_at))
}

async fn record(db: &impl ConnectionTrait, route: patrol_route::Model) -> StoreResult<RouteRecord> {
    let rows = patrol_checkpoint::Entity::find()
        .filter(patrol_checkpoint::Column::RouteId.eq(route.id))
        .order_by_asc(patrol_checkpoint::Column::Position)
        .all(db)
        .await?;
    let checkpoints = rows
        .into_iter()
        .map(|row| {
            let kind = row.kind.0;
            Checkpoint { row, kind }
        })
        .collect();
    let due_on = due_day(base_day(&route), route.every_days.max(1) as u32);
    Ok(RouteRecord {
        route,
        checkpoints,
        due_on,
    })
}

pub async fn create(db: &impl ConnectionTrait, actor: &Actor, input: CreateRoute) -> StoreResult<RouteRecord> {
    let area = area_in_scope(db, actor, input.area_id).await.map_err(|e| match e {
        StoreError::NotFound => StoreError::invalid("area_id", "no such area"),
        other => other,
    })?;
    let name = required("name", &input.name, 100)?;
    if !valid_every_days(input.every_days) {
        return Err(StoreError::invalid("every_days", "must be between 1 and 92 days"));
    }
    if input.checkpoints.is_empty() || input.checkpoints.len() > 100 {
        return Err(StoreError::invalid("checkpoints", "give 1 to 100 checkpoints"));
    }
    let mut names = Vec::with_capacity(input.checkpoints.len());
    for (i, point) in input.checkpoints.iter().enumerate() {
        names.push(required(&format!("checkpoints[{i}].name"), &point.name, 100)?);
        if let Some(id) = point.property_id {
            let found = property::Entity::find_by_id(id).one(db).await?;
            if found.is_none_or(|p| p.project_id != area.project_id) {
                return Err(StoreError::invalid(
                    format!("checkpoints[{i}].property_id"),
                    "no such property in the area's project",
                ));
            }
        }
    }
    let at = now();
    let route = patrol_route::ActiveModel {
        id: Set(new_id()),
        project_id: Set(area.project_id),
        area_id: Set(area.id),
        name: Set(name),
        every_days: Set(input.every_days as i32),
        last_patrolled_at: Set(None),
        missed_through: Set(None),
        created_at: Set(at),
        updated_at: Set(at),
        version: Set(1),
    }
    .insert(db)
    .await?;
    for (i, (point, name)) in input.checkpoints.iter().zip(names).enumerate() {
        patrol_checkpoint::ActiveModel {
            id: Set(new_id()),
            route_id: Set(route.id),
            position: Set(i as i32),
            name: Set(name),
            kind: Set(Wire(point.kind)),
            property_id: Set(point.property_id),
        }
        .insert(db)
        .await?;
    }
    record(db, route).await
}

/// A route of one of the actor's areas.
pub async fn get(db: &impl ConnectionTrait, actor: &Actor, id: Uuid) -> StoreResult<RouteRecord> {
    let route = patrol_route::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(StoreError::NotFound)?;
    area_in_scope(db, actor, route.area_id).await?;
    record(db, route).await
}

/// Routes of the actor's areas (or of one of them), oldest first.
pub async fn list(
    db: &impl ConnectionTrait,
    actor: &Actor,
    area_id: Option<Uuid>,
    limit: Option<u64>,
    cursor: Option<&str>,
) -> StoreResult<Page<RouteRecord>> {
    let limit = page::limit(limit)?;
    let mut select = patrol_route::Entity::find();
    if let Some(area_id) = area_id {
        area_in_scope(db, actor, area_id).await?;
        select = select.filter(patrol_route::Column::AreaId.eq(area_id));
    } else if let Some(areas) = areas_in_scope(db, actor).await? {
        select = select.filter(patrol_route::Column::AreaId.is_in(areas));
    }
    if let Some(cursor) = cursor {
        select = select.filter(patrol_route::Column::Id.gt(page::decode_uuid(cursor)?));
    }
    let rows = select
        .order_by_asc(patrol_route::Column::Id)
        .limit(limit + 1)
        .all(db)
        .await?;
    let Page { items, next_cursor } = page::finish(rows, limit, |r| r.id.to_string());
    let mut records = Vec::with_capacity(items.len());
    for route in items {
        records.push(record(db, route).await?);
    }
    Ok(Page {
        items: records,
        next_cursor,
    })
}
