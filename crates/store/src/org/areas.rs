use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set};
use uuid::Uuid;

use crate::entity::{area, user};
use crate::error::unique_as_conflict;
use crate::page::{self, Page};
use crate::validate::{optional, required, version_matches};
use crate::{new_id, now, Actor, StoreError, StoreResult};

/// A new area (片区) of a project, owned by a steward (管家).
#[derive(Debug, Clone)]
pub struct CreateArea {
    pub project_id: Uuid,
    pub name: String,
    /// Optional short code, used by the property CSV import.
    pub code: Option<String>,
    pub steward_id: Option<Uuid>,
}

/// The fields of an area to change; `None` keeps the stored value.
#[derive(Debug, Clone, Default)]
pub struct UpdateArea {
    pub name: Option<String>,
    pub code: Option<String>,
    pub steward_id: Option<Uuid>,
}

async fn check_steward(db: &impl ConnectionTrait, steward_id: Option<Uuid>) -> StoreResult<()> {
    if let Some(id) = steward_id {
        let found = user::Entity::find_by_id(id).one(db).await?;
        if found.is_none_or(|u| !u.active) {
            return Err(StoreError::invalid("steward_id", "no such active user"));
        }
    }
    Ok(())
}

/// An area as stored.
#[derive(Debug, Clone)]
pub struct AreaRecord {
    pub id: Uuid,
    pub project_id: Uuid,
    pub name: String,
    pub code: Option<String>,
    pub steward_id: Option<Uuid>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<area::Model> for AreaRecord {
    fn from(m: area::Model) -> Self {
        AreaRecord {
            id: m.id,
            project_id: m.project_id,
            name: m.name,
            code: m.code,
            steward_id: m.steward_id,
            version: m.version,
            created_at: m.created_at,
            updated_at: m.updated_at,
        }
    }
}

pub async fn create(db: &impl ConnectionTrait, actor: &Actor, input: CreateArea) -> StoreResult<AreaRecord> {
    actor
        .require_project(input.project_id)
        .map_err(|_| StoreError::invalid("project_id", "no such project"))?;
    super::projects::get(db, actor, input.project_id)
        .await
        .map_err(|_| StoreError::invalid("project_id", "no such project"))?;
    check_steward(db, input.steward_id).await?;
    let at = now();
    area::ActiveModel {
        id: Set(new_id()),
        project_id: Set(input.project_id),
        name: Set(required("name", &input.name, 100)?),
        code: Set(optional("code", input.code.as_deref(), 32)?),
        steward_id: Set(input.steward_id),
        created_at: Set(at),
        updated_at: Set(at),
        version: Set(1),
    }
    .insert(db)
    .await
    .map(AreaRecord::from)
    .map_err(|e| {
        unique_as_conflict(
            e,
            "name",
            "an area with this name or code already exists in the project",
        )
    })
}

pub async fn get(db: &impl ConnectionTrait, actor: &Actor, id: Uuid) -> StoreResult<AreaRecord> {
    Ok(find(db, actor, id).await?.into())
}

async fn find(db: &impl ConnectionTrait, actor: &Actor, id: Uuid) -> StoreResult<area::Model> {
    let found = area::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(StoreError::NotFound)?;
    actor.require_project(found.project_id)?;
    Ok(found)
}

pub async fn update(
    db: &impl ConnectionTrait,
    actor: &Actor,
    id: Uuid,
    version: i32,
    input: UpdateArea,
) -> StoreResult<AreaRecord> {
    let current = find(db, actor, id).await?;
    version_matches(version, current.version)?;
    let mut model: area::ActiveModel = current.clone().into();
    if let Some(name) = &input.name {
        model.name = Set(required("name", name, 100)?);
    }
    if input.code.is_some() {
        model.code = Set(optional("code", input.code.as_deref(), 32)?);
    }
    if input.steward_id.is_some() {
        check_steward(db, input.steward_id).await?;
        model.steward_id = Set(input.steward_id);
    }
    model.updated_at = Set(now());
    model.version = Set(current.version + 1);
    super::save_versioned::<area::Entity, _>(
        db,
        model,
        area::Column::Id,
        id,
        area::Column::Version,
        current.version,
        |m| m.version,
    )
    .await
    .map_err(|e| match e {
        StoreError::Db(err) => unique_as_conflict(
            err,
            "name",
            "an area with this name or code already exists in the project",
        ),
        other => other,
    })
    .map(AreaRecord::from)
}

pub async fn list(
    db: &impl ConnectionTrait,
    actor: &Actor,
    project_id: Option<Uuid>,
    limit: Option<u64>,
    cursor: Option<&str>,
) -> StoreResult<Page<AreaRecord>> {
    let limit = page::limit(limit)?;
    let mut select = area::Entity::find().order_by_asc(area::Column::Id);
    if let Some(ids) = actor.project_filter() {
        select = select.filter(area::Column::ProjectId.is_in(ids.to_vec()));
    }
    if let Some(project_id) = project_id {
        select = select.filter(area::Column::ProjectId.eq(project_id));
    }
    if let Some(cursor) = cursor {
        select = select.filter(area::Column::Id.gt(page::decode_uuid(cursor)?));
    }
    let rows = select.limit(limit + 1).all(db).await?;
    let records = rows.into_iter().map(AreaRecord::from).collect();
    Ok(page::finish(records, limit, |r| r.id.to_string()))
}
