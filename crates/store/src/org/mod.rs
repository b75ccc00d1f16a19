//! The organisation: projects (项目), areas (片区), properties (房屋), departments (部门), users.

pub mod areas;
pub mod departments;
pub mod import;
pub mod projects;
pub mod properties;
pub mod users;

use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter};
use uuid::Uuid;

use crate::{StoreError, StoreResult};

/// Writes `model` only if the row still has `expected_version` (optimistic locking),
/// so two concurrent edits cannot both succeed; the loser gets [`StoreError::Stale`].
pub(crate) async fn save_versioned<E, C>(
    db: &C,
    model: E::ActiveModel,
    id_col: E::Column,
    id: Uuid,
    version_col: E::Column,
    expected_version: i32,
    version_of: impl Fn(&E::Model) -> i32,
) -> StoreResult<E::Model>
where
    E: EntityTrait,
    E::Model: IntoActiveModel<E::ActiveModel>,
    E::ActiveModel: ActiveModelTrait<Entity = E> + Send,
    C: ConnectionTrait,
{
    let result = E::update_many()
        .set(model)
        .filter(id_col.eq(id))
        .filter(version_col.eq(expected_version))
        .exec(db)
        .await?;
    if result.rows_affected == 0 {
        let current = E::find().filter(id_col.eq(id)).one(db).await?;
        return match current {
            None => Err(StoreError::NotFound),
            Some(row) => Err(StoreError::Stale {
                current: version_of(&row),
            }),
        };
    }
    E::find()
        .filter(id_col.eq(id))
        .one(db)
        .await?
        .ok_or(StoreError::NotFound)
}
