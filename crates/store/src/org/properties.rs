use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, Func};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
    TransactionTrait,
};
use uuid::Uuid;

use crate::entity::{area, property};
use crate::error::unique_as_conflict;
use crate::page::{self, Page};
use crate::validate::{required, version_matches};
use crate::{new_id, now, Actor, StoreError, StoreResult};

const DUPLICATE: &str = "this building, unit and room already exist in the project";

/// A new property (房屋): building 栋, unit 单元, room 户.
#[derive(Debug, Clone)]
pub struct CreateProperty {
    pub project_id: Uuid,
    pub area_id: Option<Uuid>,
    pub building: String,
    pub unit: String,
    pub room: String,
}

/// The fields of a property to change; `None` keeps the stored value.
#[derive(Debug, Clone, Default)]
pub struct UpdateProperty {
    pub area_id: Option<Uuid>,
    pub building: Option<String>,
    pub unit: Option<String>,
    pub room: Option<String>,
}

/// Which properties to list, and which page.
#[derive(Debug, Clone, Default)]
pub struct ListProperties {
    pub project_id: Option<Uuid>,
    pub area_id: Option<Uuid>,
    pub building: Option<String>,
    /// Matches building, unit or room.
    pub q: Option<String>,
    pub limit: Option<u64>,
    pub cursor: Option<String>,
}

/// A property as stored.
#[derive(Debug, Clone)]
pub struct PropertyRecord {
    pub id: Uuid,
    pub project_id: Uuid,
    pub area_id: Option<Uuid>,
    pub building: String,
    pub unit: String,
    pub room: String,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<property::Model> for PropertyRecord {
    fn from(m: property::Model) -> Self {
        PropertyRecord {
            id: m.id,
            project_id: m.project_id,
            area_id: m.area_id,
            building: m.building,
            unit: m.unit,
            room: m.room,
            version: m.version,
            created_at: m.created_at,
            updated_at: m.updated_at,
        }
    }
}

/// Checks that `area_id` belongs to `project_id`.
pub(crate) async fn check_area(db: &impl ConnectionTrait, project_id: Uuid, area_id: Option<Uuid>) -> StoreResult<()> {
    if let Some(area_id) = area_id {
        let found = area::Entity::find_by_id(area_id).one(db).await?;
        if found.is_none_or(|a| a.project_id != project_id) {
            return Err(StoreError::invalid("area_id", "no such area in this project"));
        }
    }
    Ok(())
}

pub async fn create(db: &impl ConnectionTrait, actor: &Actor, input: CreateProperty) -> StoreResult<PropertyRecord> {
    if !actor.sees_project(input.project_id) || super::projects::get(db, actor, input.project_id).await.is_err() {
        return Err(StoreError::invalid("project_id", "no such project"));
    }
    check_area(db, input.project_id, input.area_id).await?;
    let at = now();
    property::ActiveModel {
        id: Set(new_id()),
        project_id: Set(input.project_id),
        area_id: Set(input.area_id),
        building: Set(required("building", &input.building, 50)?),
        unit: Set(required("unit", &input.unit, 50)?),
        room: Set(required("room", &input.room, 50)?),
        created_at: Set(at),
        updated_at: Set(at),
        version: Set(1),
    }
    .insert(db)
    .await
    .map(PropertyRecord::from)
    .map_err(|e| unique_as_conflict(e, "room", DUPLICATE))
}

pub async fn get(db: &impl ConnectionTrait, actor: &Actor, id: Uuid) -> StoreResult<PropertyRecord> {
    Ok(find(db, actor, id).await?.into())
}

async fn find(db: &impl ConnectionTrait, actor: &Actor, id: Uuid) -> StoreResult<property::Model> {
    let found = property::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(StoreError::NotFound)?;
    actor.require_project(found.project_id)?;
    Ok(found)
}

pub async fn update<C: ConnectionTrait + TransactionTrait>(
    conn: &C,
    actor: &Actor,
    id: Uuid,
    version: i32,
    input: UpdateProperty,
) -> StoreResult<PropertyRecord> {
    let txn = conn.begin().await?;
    let db = &txn;
    let current = find(db, actor, id).await?;
    version_matches(version, current.version)?;
    let mut model: property::ActiveModel = current.clone().into();
    if input.area_id.is_some() {
        check_area(db, current.project_id, input.area_id).await?;
        model.area_id = Set(input.area_id);
    }
    if let Some(v) = &input.building {
        model.building = Set(required("building", v, 50)?);
    }
    if let Some(v) = &input.unit {
        model.unit = Set(required("unit", v, 50)?);
    }
    if let Some(v) = &input.room {
        model.room = Set(required("room", v, 50)?);
    }
    model.updated_at = Set(now());
    model.version = Set(current.version + 1);
    let saved = super::save_versioned::<property::Entity, _>(
        db,
        model,
        property::Column::Id,
        id,
        property::Column::Version,
        current.version,
        |m| m.version,
    )
    .await
    .map_err(|e| match e {
        StoreError::Db(err) => unique_as_conflict(err, "room", DUPLICATE),
        other => other,
    })?;
    if saved.building != current.building {
        // The building decides the cases' group in the `building` breakdown.
        crate::stats::rollup::refresh_property(db, id).await?;
    }
    txn.commit().await?;
    Ok(saved.into())
}

/// Properties in scope, ordered by building, unit, room (then id), paged by id within that order.
pub async fn list(
    db: &impl ConnectionTrait,
    actor: &Actor,
    query: ListProperties,
) -> StoreResult<Page<PropertyRecord>> {
    let limit = page::limit(query.limit)?;
    let mut select = property::Entity::find().order_by_asc(property::Column::Id);
    if let Some(ids) = actor.project_filter() {
        select = select.filter(property::Column::ProjectId.is_in(ids.to_vec()));
    }
    if let Some(v) = query.project_id {
        select = select.filter(property::Column::ProjectId.eq(v));
    }
    if let Some(v) = query.area_id {
        select = select.filter(property::Column::AreaId.eq(v));
    }
    if let Some(v) = query.building.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
        select = select.filter(property::Column::Building.eq(v));
    }
    if let Some(q) = query.q.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
        let pattern = format!("%{}%", q.to_lowercase());
        let like = |col: property::Column| Expr::expr(Func::lower(Expr::col(col))).like(pattern.clone());
        select = select.filter(
            Condition::any()
                .add(like(property::Column::Building))
                .add(like(property::Column::Unit))
                .add(like(property::Column::Room)),
        );
    }
    if let Some(cursor) = &query.cursor {
        select = select.filter(property::Column::Id.gt(page::decode_uuid(cursor)?));
    }
    let rows = select.limit(limit + 1).all(db).await?;
    let records = rows.into_iter().map(PropertyRecord::from).collect();
    Ok(page::finish(records, limit, |r| r.id.to_string()))
}
