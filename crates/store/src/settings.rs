//! Small JSON documents of configuration kept in the `settings` table (business calendar,
//! warning rules), versioned like every other editable resource.

use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::entity::setting;
use crate::{now, StoreError, StoreResult};

pub const CALENDAR: &str = "business_calendar";
pub const WARNING_RULES: &str = "warning_rules";

/// A setting's value and version; the default (version 0) when it was never saved.
pub async fn get<T: DeserializeOwned + Default>(db: &impl ConnectionTrait, key: &str) -> StoreResult<(T, i32)> {
    match setting::Entity::find_by_id(key.to_owned()).one(db).await? {
        Some(row) => {
            let value = serde_json::from_str(&row.value)
                .map_err(|e| StoreError::invalid(key, format!("stored setting is unreadable: {e}")))?;
            Ok((value, row.version))
        }
        None => Ok((T::default(), 0)),
    }
}

/// Saves a setting if `expected_version` is current (0 for one never saved); returns the new version.
pub async fn put<T: Serialize>(
    db: &impl ConnectionTrait,
    key: &str,
    value: &T,
    expected_version: i32,
) -> StoreResult<i32> {
    let text = serde_json::to_string(value).map_err(|e| StoreError::invalid(key, e.to_string()))?;
    let at = now();
    match setting::Entity::find_by_id(key.to_owned()).one(db).await? {
        None if expected_version == 0 => {
            setting::ActiveModel {
                key: Set(key.to_owned()),
                value: Set(text),
                updated_at: Set(at),
                version: Set(1),
            }
            .insert(db)
            .await?;
            Ok(1)
        }
        None => Err(StoreError::Stale { current: 0 }),
        Some(row) => {
            let updated = setting::Entity::update_many()
                .set(setting::ActiveModel {
                    value: Set(text),
                    updated_at: Set(at),
                    version: Set(row.version + 1),
                    ..Default::default()
                })
                .filter(setting::Column::Key.eq(key))
                .filter(setting::Column::Version.eq(expected_version))
                .exec(db)
                .await?;
            if updated.rows_affected == 0 {
                return Err(StoreError::Stale { current: row.version });
            }
            Ok(row.version + 1)
        }
    }
}
