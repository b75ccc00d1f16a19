use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set};
use uuid::Uuid;

use crate::entity::department;
use crate::error::unique_as_conflict;
use crate::page::{self, Page};
use crate::validate::{required, version_matches};
use crate::{new_id, now, StoreError, StoreResult};

/// A new responsible department (责任部门) receiving work orders.
#[derive(Debug, Clone)]
pub struct CreateDepartment {
    pub name: String,
    /// What the department does, e.g. `engineering`.
    pub kind: String,
}

/// The fields of a department to change; `None` keeps the stored value.
#[derive(Debug, Clone, Default)]
pub struct UpdateDepartment {
    pub name: Option<String>,
    pub kind: Option<String>,
}

/// A department as stored.
#[derive(Debug, Clone)]
pub struct DepartmentRecord {
    pub id: Uuid,
    pub name: String,
    pub kind: String,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<department::Model> for DepartmentRecord {
    fn from(m: department::Model) -> Self {
        DepartmentRecord {
            id: m.id,
            name: m.name,
            kind: m.kind,
            version: m.version,
            created_at: m.created_at,
            updated_at: m.updated_at,
        }
    }
}

pub async fn create(db: &impl ConnectionTrait, input: CreateDepartment) -> StoreResult<DepartmentRecord> {
    let at = now();
    department::ActiveModel {
        id: Set(new_id()),
        name: Set(required("name", &input.name, 100)?),
        kind: Set(required("kind", &input.kind, 50)?),
        created_at: Set(at),
        updated_at: Set(at),
        version: Set(1),
    }
    .insert(db)
    .await
    .map(DepartmentRecord::from)
    .map_err(|e| unique_as_conflict(e, "name", "a department with this name already exists"))
}

pub async fn get(db: &impl ConnectionTrait, id: Uuid) -> StoreResult<DepartmentRecord> {
    Ok(find(db, id).await?.into())
}

async fn find(db: &impl ConnectionTrait, id: Uuid) -> StoreResult<department::Model> {
    department::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(StoreError::NotFound)
}

pub async fn update(
    db: &impl ConnectionTrait,
    id: Uuid,
    version: i32,
    input: UpdateDepartment,
) -> StoreResult<DepartmentRecord> {
    let current = find(db, id).await?;
    version_matches(version, current.version)?;
    let mut model: department::ActiveModel = current.clone().into();
    if let Some(name) = &input.name {
        model.name = Set(required("name", name, 100)?);
    }
    if let Some(kind) = &input.kind {
        model.kind = Set(required("kind", kind, 50)?);
    }
    model.updated_at = Set(now());
    model.version = Set(current.version + 1);
    super::save_versioned::<department::Entity, _>(
        db,
        model,
        department::Column::Id,
        id,
        department::Column::Version,
        current.version,
        |m| m.version,
    )
    .await
    .map_err(|e| match e {
        StoreError::Db(err) => unique_as_conflict(err, "name", "a department with this name already exists"),
        other => other,
    })
    .map(DepartmentRecord::from)
}

pub async fn list(
    db: &impl ConnectionTrait,
    limit: Option<u64>,
    cursor: Option<&str>,
) -> StoreResult<Page<DepartmentRecord>> {
    let limit = page::limit(limit)?;
    let mut select = department::Entity::find().order_by_asc(department::Column::Id);
    if let Some(cursor) = cursor {
        select = select.filter(department::Column::Id.gt(page::decode_uuid(cursor)?));
    }
    let rows = select.limit(limit + 1).all(db).await?;
    let records = rows.into_iter().map(DepartmentRecord::from).collect();
    Ok(page::finish(records, limit, |r| r.id.to_string()))
}
