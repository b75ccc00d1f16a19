//! The configurable category tree (分类), seeded with the classes the sources name.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, Set,
};
use uuid::Uuid;

use crate::entity::category;
use crate::error::unique_as_conflict;
use crate::validate::{required, version_matches};
use crate::{new_id, now, StoreError, StoreResult};

/// A new category under `parent_id` (or at the top).
#[derive(Debug, Clone)]
pub struct CreateCategory {
    pub parent_id: Option<Uuid>,
    /// Unique stable code, e.g. `complaint.engineering`.
    pub code: String,
    pub name: String,
    pub name_en: String,
    pub position: i32,
}

/// The fields of a category to change; `None` keeps the stored value.
#[derive(Debug, Clone, Default)]
pub struct UpdateCategory {
    pub name: Option<String>,
    pub name_en: Option<String>,
    pub position: Option<i32>,
    /// Inactive categories stay on old cases but are not offered for new ones.
    pub active: Option<bool>,
}

/// A category as stored.
#[derive(Debug, Clone)]
pub struct CategoryRecord {
    pub id: Uuid,
    pub parent_id: Option<Uuid>,
    pub code: String,
    pub name: String,
    pub name_en: String,
    pub position: i32,
    /// Inactive categories stay on old cases but are not offered for new ones.
    pub active: bool,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<category::Model> for CategoryRecord {
    fn from(m: category::Model) -> Self {
        CategoryRecord {
            id: m.id,
            parent_id: m.parent_id,
            code: m.code,
            name: m.name,
            name_en: m.name_en,
            position: m.position,
            active: m.active,
            version: m.version,
            created_at: m.created_at,
            updated_at: m.updated_at,
        }
    }
}

/// (code, parent code, 中文, English)
const DEFAULTS: &[(&str, Option<&str>, &str, &str)] = &[
    ("complaint", None, "投诉类", "Complaints"),
    ("complaint.major", Some("complaint"), "重大投诉", "Major complaint"),
    (
        "complaint.engineering",
        Some("complaint"),
        "工程质量投诉",
        "Engineering / quality",
    ),
    (
        "complaint.qc_inspector",
        Some("complaint"),
        "质检员投诉",
        "QC inspector",
    ),
    ("complaint.designer", Some("complaint"), "设计师投诉", "Designer"),
    (
        "complaint.service_attitude",
        Some("complaint"),
        "服务态度",
        "Service attitude",
    ),
    ("complaint.fees", Some("complaint"), "收费问题", "Fees and charges"),
    ("complaint.noise", Some("complaint"), "噪音扰民", "Noise"),
    ("complaint.parking", Some("complaint"), "停车管理", "Parking"),
    ("repair", None, "报修类", "Repairs"),
    ("repair.first", Some("repair"), "一次报修", "First repair"),
    ("repair.repeat", Some("repair"), "二次报修", "Repeat repair"),
    (
        "repair.plumbing_electric",
        Some("repair"),
        "水电维修",
        "Plumbing and electrics",
    ),
    ("repair.doors_windows", Some("repair"), "门窗维修", "Doors and windows"),
    (
        "repair.public_facilities",
        Some("repair"),
        "公共设施",
        "Public facilities",
    ),
    ("service", None, "服务类", "Services"),
    ("service.cleaning", Some("service"), "环境卫生", "Cleaning"),
    ("service.security", Some("service"), "秩序安全", "Security and order"),
    ("service.greening", Some("service"), "绿化养护", "Greening"),
    ("service.decoration", Some("service"), "装修管理", "Renovation"),
    ("service.information", Some("service"), "信息咨询", "Information"),
    ("service.other", Some("service"), "其他", "Other"),
];

/// Seeds the default tree into an empty categories table.
pub async fn ensure_defaults(db: &impl ConnectionTrait) -> StoreResult<()> {
    if category::Entity::find().count(db).await? > 0 {
        return Ok(());
    }
    let at = now();
    let mut ids = std::collections::HashMap::new();
    for (position, (code, parent, name, name_en)) in DEFAULTS.iter().enumerate() {
        let id = new_id();
        ids.insert(*code, id);
        category::ActiveModel {
            id: Set(id),
            parent_id: Set(parent.and_then(|p| ids.get(p).copied())),
            code: Set((*code).to_owned()),
            name: Set((*name).to_owned()),
            name_en: Set((*name_en).to_owned()),
            position: Set(position as i32),
            active: Set(true),
            created_at: Set(at),
            updated_at: Set(at),
            version: Set(1),
        }
        .insert(db)
        .await?;
    }
    Ok(())
}

/// Every category, ordered by position.
pub async fn all(db: &impl ConnectionTrait) -> StoreResult<Vec<CategoryRecord>> {
    Ok(list(db).await?.into_iter().map(CategoryRecord::from).collect())
}

/// Every category's row, ordered by position (the case intake's cache, the resident's picker).
pub async fn list(db: &impl ConnectionTrait) -> StoreResult<Vec<category::Model>> {
    Ok(category::Entity::find()
        .order_by_asc(category::Column::Position)
        .order_by_asc(category::Column::Id)
        .all(db)
        .await?)
}

async fn get(db: &impl ConnectionTrait, id: Uuid) -> StoreResult<category::Model> {
    category::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(StoreError::NotFound)
}

pub async fn find_by_code(db: &impl ConnectionTrait, code: &str) -> StoreResult<Option<category::Model>> {
    Ok(category::Entity::find()
        .filter(category::Column::Code.eq(code))
        .one(db)
        .await?)
}

pub async fn create(db: &impl ConnectionTrait, input: CreateCategory) -> StoreResult<CategoryRecord> {
    if let Some(parent) = input.parent_id {
        if category::Entity::find_by_id(parent).one(db).await?.is_none() {
            return Err(StoreError::invalid("parent_id", "no such category"));
        }
    }
    let at = now();
    let saved = category::ActiveModel {
        id: Set(new_id()),
        parent_id: Set(input.parent_id),
        code: Set(required("code", &input.code, 64)?),
        name: Set(required("name", &input.name, 100)?),
        name_en: Set(required("name_en", &input.name_en, 100)?),
        position: Set(input.position),
        active: Set(true),
        created_at: Set(at),
        updated_at: Set(at),
        version: Set(1),
    }
    .insert(db)
    .await
    .map_err(|e| unique_as_conflict(e, "code", "a category with this code already exists"))?;
    crate::cache::changed(db, crate::cache::Topic::Categories).await?;
    Ok(saved.into())
}

pub async fn update(
    db: &impl ConnectionTrait,
    id: Uuid,
    version: i32,
    input: UpdateCategory,
) -> StoreResult<CategoryRecord> {
    let current = get(db, id).await?;
    version_matches(version, current.version)?;
    let mut model: category::ActiveModel = current.clone().into();
    if let Some(v) = &input.name {
        model.name = Set(required("name", v, 100)?);
    }
    if let Some(v) = &input.name_en {
        model.name_en = Set(required("name_en", v, 100)?);
    }
    if let Some(v) = input.position {
        model.position = Set(v);
    }
    if let Some(v) = input.active {
        model.active = Set(v);
    }
    model.updated_at = Set(now());
    model.version = Set(current.version + 1);
    let saved = crate::org::save_versioned::<category::Entity, _>(
        db,
        model,
        category::Column::Id,
        id,
        category::Column::Version,
        current.version,
        |m| m.version,
    )
    .await?;
    crate::cache::changed(db, crate::cache::Topic::Categories).await?;
    Ok(saved.into())
}
