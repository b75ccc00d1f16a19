//! An area's monthly visit plan: the share of its households to visit each Beijing month and the
//! customer tags that make a key customer (visited first).

use huiyin_domain::steward::target_basis_points;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use uuid::Uuid;

use super::{area_in_scope, stored_list};
use crate::entity::visit_plan;
use crate::validate::required;
use crate::{now, Actor, StoreError, StoreResult};

/// A plan as stored: target as a share (0–1), key tags, version (0 when never set).
#[derive(Debug, Clone, PartialEq)]
pub struct VisitPlan {
    pub area_id: Uuid,
    pub monthly_target: f64,
    pub key_tags: Vec<String>,
    pub version: i32,
}

/// What `PUT /areas/{id}/visit-plan` sets.
#[derive(Debug, Clone)]
pub struct SetVisitPlan {
    pub monthly_target: f64,
    pub key_tags: Vec<String>,
}

pub(super) fn from_row(row: visit_plan::Model) -> StoreResult<VisitPlan> {
    Ok(VisitPlan {
        area_id: row.area_id,
        monthly_target: huiyin_domain::steward::share_of(row.target_basis_points.max(0) as u32),
        key_tags: stored_list(&row.key_tags, "visit_plans", row.area_id, "key_tags")?,
        version: row.version,
    })
}

/// The plan of an area (no scope check); the empty plan (target 0, version 0) when never set.
pub async fn plan_of(db: &impl ConnectionTrait, area_id: Uuid) -> StoreResult<VisitPlan> {
    match visit_plan::Entity::find_by_id(area_id).one(db).await? {
        Some(row) => from_row(row),
        None => Ok(VisitPlan {
            area_id,
            monthly_target: 0.0,
            key_tags: vec![],
            version: 0,
        }),
    }
}

pub async fn get(db: &impl ConnectionTrait, actor: &Actor, area_id: Uuid) -> StoreResult<VisitPlan> {
    area_in_scope(db, actor, area_id).await?;
    plan_of(db, area_id).await
}

/// Sets the plan if `expected_version` is current (0 for a plan never set).
pub async fn set(
    db: &impl ConnectionTrait,
    actor: &Actor,
    area_id: Uuid,
    expected_version: i32,
    input: SetVisitPlan,
) -> StoreResult<VisitPlan> {
    area_in_scope(db, actor, area_id).await?;
    let target = target_basis_points(input.monthly_target)
        .ok_or_else(|| StoreError::invalid("monthly_target", "must be a share between 0 and 1"))?;
    if input.key_tags.len() > 20 {
        return Err(StoreError::invalid("key_tags", "at most 20 tags"));
    }
    let mut tags = Vec::with_capacity(input.key_tags.len());
    for (i, tag) in input.key_tags.iter().enumerate() {
        let tag = required(&format!("key_tags[{i}]"), tag, 50)?;
        if !tags.contains(&tag) {
            tags.push(tag);
        }
    }
    let tags_text = serde_json::to_string(&tags).unwrap_or_else(|_| "[]".into());
    let at = now();
    let current = visit_plan::Entity::find_by_id(area_id).one(db).await?;
    match current {
        None if expected_version == 0 => {
            let row = visit_plan::ActiveModel {
                area_id: Set(area_id),
                target_basis_points: Set(target as i32),
                key_tags: Set(tags_text),
                updated_at: Set(at),
                version: Set(1),
            }
            .insert(db)
            .await
            .map_err(|e| crate::error::unique_as_conflict(e, "version", "the plan was set by someone else"))?;
            from_row(row)
        }
        None => Err(StoreError::Stale { current: 0 }),
        Some(row) => {
            let updated = visit_plan::Entity::update_many()
                .set(visit_plan::ActiveModel {
                    target_basis_points: Set(target as i32),
                    key_tags: Set(tags_text),
                    updated_at: Set(at),
                    version: Set(row.version + 1),
                    ..Default::default()
                })
                .filter(visit_plan::Column::AreaId.eq(area_id))
                .filter(visit_plan::Column::Version.eq(expected_version))
                .exec(db)
                .await?;
            if updated.rows_affected == 0 {
                return Err(StoreError::Stale { current: row.version });
            }
            plan_of(db, area_id).await
        }
    }
}
