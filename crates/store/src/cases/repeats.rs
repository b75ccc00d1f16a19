//! Repeat repairs (二次报修): at registration, a repair of the same property and category as a
//! repair closed within the project's window (`repeat_window_days`, Beijing days; a visit
//! setting) names the latest such case in `repeat_of`.

use chrono::{DateTime, Duration, Utc};
use huiyin_domain::case::checks::is_repeat_repair;
use huiyin_domain::case::{CaseKind, CaseStatus};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;

use crate::entity::case;
use crate::StoreResult;

/// The earlier repair this one repeats, with its number; `None` for other kinds, without a
/// property or category, or when none was closed within the window.
pub async fn find(
    db: &impl ConnectionTrait,
    kind: CaseKind,
    project_id: Uuid,
    property_id: Option<Uuid>,
    category_id: Option<Uuid>,
    reported_at: DateTime<Utc>,
) -> StoreResult<Option<(Uuid, String)>> {
    let (CaseKind::Repair, Some(property_id), Some(category_id)) = (kind, property_id, category_id) else {
        return Ok(None);
    };
    let (settings, _) = crate::visits::settings::get(db, project_id).await?;
    let window = settings.repeat_window_days;
    // A day more than the window: the domain decides on Beijing days.
    let since = reported_at - Duration::days(i64::from(window) + 1);
    let found: Option<(Uuid, String, Option<DateTime<Utc>>)> = case::Entity::find()
        .select_only()
        .column(case::Column::Id)
        .column(case::Column::Number)
        .column(case::Column::ClosedAt)
        .filter(case::Column::PropertyId.eq(property_id))
        .filter(case::Column::CategoryId.eq(category_id))
        .filter(case::Column::Kind.eq(CaseKind::Repair.as_str()))
        .filter(case::Column::Status.eq(CaseStatus::Closed.as_str()))
        .filter(case::Column::ClosedAt.gte(since))
        .filter(case::Column::ClosedAt.lte(reported_at))
        .order_by_desc(case::Column::ClosedAt)
        .limit(1)
        .into_tuple()
        .one(db)
        .await?;
    Ok(found.and_then(|(id, number, closed_at)| {
        closed_at
            .filter(|closed| is_repeat_repair(*closed, reported_at, window))
            .map(|_| (id, number))
    }))
}
