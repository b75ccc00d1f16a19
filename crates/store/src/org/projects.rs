use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set};
use uuid::Uuid;

use crate::entity::project;
use crate::error::unique_as_conflict;
use crate::page::{self, Page};
use crate::validate::{required, version_matches};
use crate::{new_id, now, Actor, StoreError, StoreResult};

/// A new project (项目 / 小区): one managed estate.
#[derive(Debug, Clone)]
pub struct CreateProject {
    pub name: String,
    /// Short unique code, used in imports and reports.
    pub code: String,
    pub address: String,
}

/// The fields of a project to change; `None` keeps the stored value.
#[derive(Debug, Clone, Default)]
pub struct UpdateProject {
    pub name: Option<String>,
    pub code: Option<String>,
    pub address: Option<String>,
}

/// A project as stored.
#[derive(Debug, Clone)]
pub struct ProjectRecord {
    pub id: Uuid,
    pub name: String,
    pub code: String,
    pub address: String,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<project::Model> for ProjectRecord {
    fn from(m: project::Model) -> Self {
        ProjectRecord {
            id: m.id,
            name: m.name,
            code: m.code,
            address: m.address,
            version: m.version,
            created_at: m.created_at,
            updated_at: m.updated_at,
        }
    }
}

pub async fn create(db: &impl ConnectionTrait, input: CreateProject) -> StoreResult<ProjectRecord> {
    let at = now();
    project::ActiveModel {
        id: Set(new_id()),
        name: Set(required("name", &input.name, 100)?),
        code: Set(required("code", &input.code, 32)?),
        address: Set(required("address", &input.address, 300)?),
        created_at: Set(at),
        updated_at: Set(at),
        version: Set(1),
    }
    .insert(db)
    .await
    .map(ProjectRecord::from)
    .map_err(|e| unique_as_conflict(e, "code", "a project with this code already exists"))
}

pub async fn get(db: &impl ConnectionTrait, actor: &Actor, id: Uuid) -> StoreResult<ProjectRecord> {
    Ok(find(db, actor, id).await?.into())
}

async fn find(db: &impl ConnectionTrait, actor: &Actor, id: Uuid) -> StoreResult<project::Model> {
    actor.require_project(id)?;
    project::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(StoreError::NotFound)
}

pub async fn update(
    db: &impl ConnectionTrait,
    actor: &Actor,
    id: Uuid,
    version: i32,
    input: UpdateProject,
) -> StoreResult<ProjectRecord> {
    let current = find(db, actor, id).await?;
    version_matches(version, current.version)?;
    let mut model: project::ActiveModel = current.clone().into();
    if let Some(name) = &input.name {
        model.name = Set(required("name", name, 100)?);
    }
    if let Some(code) = &input.code {
        model.code = Set(required("code", code, 32)?);
    }
    if let Some(address) = &input.address {
        model.address = Set(required("address", address, 300)?);
    }
    model.updated_at = Set(now());
    model.version = Set(current.version + 1);
    crate::org::save_versioned::<project::Entity, _>(
        db,
        model,
        project::Column::Id,
        id,
        project::Column::Version,
        current.version,
        |m| m.version,
    )
    .await
    .map_err(|e| match e {
        StoreError::Db(err) => unique_as_conflict(err, "code", "a project with this code already exists"),
        other => other,
    })
    .map(ProjectRecord::from)
}

pub async fn list(
    db: &impl ConnectionTrait,
    actor: &Actor,
    limit: Option<u64>,
    cursor: Option<&str>,
) -> StoreResult<Page<ProjectRecord>> {
    let limit = page::limit(limit)?;
    let mut select = project::Entity::find().order_by_asc(project::Column::Id);
    if let Some(ids) = actor.project_filter() {
        select = select.filter(project::Column::Id.is_in(ids.to_vec()));
    }
    if let Some(cursor) = cursor {
        select = select.filter(project::Column::Id.gt(page::decode_uuid(cursor)?));
    }
    let rows = select.limit(limit + 1).all(db).await?;
    let records = rows.into_iter().map(ProjectRecord::from).collect();
    Ok(page::finish(records, limit, |r| r.id.to_string()))
}
