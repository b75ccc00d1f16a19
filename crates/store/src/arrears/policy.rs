//! The per-project arrears policy (thresholds of 6 and 12 months, 30 days to contact), kept
//! in the `settings` table under `arrears_policy:<project id>`.

use huiyin_domain::arrears::{ArrearsPolicy, ArrearsStatus};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, TransactionTrait};
use uuid::Uuid;

use crate::entity::{arrears, project};
use crate::{now, settings, Actor, StoreError, StoreResult};

fn key(project_id: Uuid) -> String {
    format!("arrears_policy:{project_id}")
}

/// The project's policy and its version (0 while the defaults apply).
pub async fn get(db: &impl ConnectionTrait, project_id: Uuid) -> StoreResult<(ArrearsPolicy, i32)> {
    settings::get(db, &key(project_id)).await
}

/// Saves the policy and moves every open arrears of the project to the stage it now implies
/// (the worker announces any rise once).
pub async fn put<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    project_id: Uuid,
    policy: ArrearsPolicy,
    expected_version: i32,
) -> StoreResult<i32> {
    actor.require_project(project_id)?;
    if project::Entity::find_by_id(project_id).one(db).await?.is_none() {
        return Err(StoreError::NotFound);
    }
    if let Some((field, message)) = policy.invalid_field() {
        return Err(StoreError::invalid(field, message));
    }
    let txn = db.begin().await?;
    let version = settings::put(&txn, &key(project_id), &policy, expected_version).await?;
    let open = arrears::Entity::find()
        .filter(arrears::Column::ProjectId.eq(project_id))
        .filter(arrears::Column::Status.eq(ArrearsStatus::Open.as_str()))
        .all(&txn)
        .await?;
    let at = now();
    for row in open {
        let stage = policy.stage_for(u32::try_from(row.months).unwrap_or(0));
        if stage != row.stage.0 {
            arrears::Entity::update_many()
                .col_expr(arrears::Column::Stage, Expr::value(stage.as_str()))
                .col_expr(arrears::Column::UpdatedAt, Expr::value(at))
                .col_expr(arrears::Column::Version, Expr::col(arrears::Column::Version).add(1))
                .filter(arrears::Column::Id.eq(row.id))
                .exec(&txn)
                .await?;
        }
    }
    txn.commit().await?;
    Ok(version)
}
