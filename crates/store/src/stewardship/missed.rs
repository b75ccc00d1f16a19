//! Missed patrols: a route not patrolled within its interval raises a `patrol_missed` warning,
//! once per missed period, to the area's steward and the project's supervisors.
//!
//! Safe with several workers: the warning is written in the same transaction as a conditional
//! update of the route's `missed_through` (only from an earlier period to this one), so of two
//! workers sweeping together exactly one updates the row and fires; the other changes nothing.

use chrono::{DateTime, Utc};
use huiyin_domain::role::Role;
use huiyin_domain::steward::patrol::missed_through;
use huiyin_domain::time::business_day;
use huiyin_domain::warning::WarningRule;
use huiyin_domain::webhook::WebhookEvent;
use sea_orm::sea_query::{Condition, Expr, Query};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set, TransactionTrait};
use serde_json::json;

use super::routes::base_day;
use crate::entity::{area, patrol_route, user, user_project, warning};
use crate::notifications::{self, NewNotification, NotificationKind};
use crate::wire::Wire;
use crate::{new_id, webhooks, StoreResult};

/// Checks every route as of `at`; returns how many warnings were fired.
pub async fn sweep<C: ConnectionTrait + TransactionTrait>(db: &C, at: DateTime<Utc>) -> StoreResult<usize> {
    let today = business_day(at);
    let routes = patrol_route::Entity::find().all(db).await?;
    let mut fired = 0;
    for route in routes {
        let Some(through) = missed_through(base_day(&route), route.every_days.max(1) as u32, today) else {
            continue;
        };
        let key = through.format("%Y-%m-%d").to_string();
        if route.missed_through.as_deref().is_some_and(|done| done >= key.as_str()) {
            continue;
        }
        if fire(db, &route, &key, at).await? {
            fired += 1;
        }
    }
    Ok(fired)
}

async fn fire<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    route: &patrol_route::Model,
    through: &str,
    at: DateTime<Utc>,
) -> StoreResult<bool> {
    let txn = db.begin().await?;
    let claimed = patrol_route::Entity::update_many()
        .col_expr(patrol_route::Column::MissedThrough, Expr::value(through.to_owned()))
        .filter(patrol_route::Column::Id.eq(route.id))
        .filter(
            Condition::any()
                .add(patrol_route::Column::MissedThrough.is_null())
                .add(patrol_route::Column::MissedThrough.lt(through.to_owned())),
        )
        .exec(&txn)
        .await?;
    if claimed.rows_affected == 0 {
        txn.rollback().await?;
        return Ok(false);
    }
    let found_area = area::Entity::find_by_id(route.area_id).one(&txn).await?;
    let area_name = found_area.as_ref().map(|a| a.name.clone()).unwrap_or_default();
    let title = format!("{area_name}「{}」巡查逾期（应于 {through} 前完成）", route.name);
    let detail = format!(
        "Patrol route {} (every {} days) was not patrolled by the end of {through} (Beijing time)",
        route.name, route.every_days
    );
    let saved = warning::ActiveModel {
        id: Set(new_id()),
        rule: Set(Wire(WarningRule::PatrolMissed)),
        subject_key: Set(format!("patrol_missed:{}:{through}", route.id)),
        project_id: Set(Some(route.project_id)),
        title: Set(title.clone()),
        detail: Set(detail.clone()),
        case_ids: Set("[]".into()),
        fired_at: Set(at),
        acknowledged_at: Set(None),
        acknowledged_by: Set(None),
        ack_note: Set(None),
    }
    .insert(&txn)
    .await?;
    let mut who = supervisors(&txn, route.project_id).await?;
    if let Some(steward) = found_area.and_then(|a| a.steward_id) {
        who.push(steward);
    }
    notifications::notify(
        &txn,
        &who,
        &NewNotification {
            kind: NotificationKind::Warning,
            title: format!("巡查预警：{title}"),
            body: detail,
            case_id: None,
            warning_id: Some(saved.id),
        },
    )
    .await?;
    let view = crate::warnings::views(&txn, vec![saved]).await?;
    webhooks::emit(&txn, WebhookEvent::WarningFired, json!(view.first())).await?;
    txn.commit().await?;
    Ok(true)
}

/// Active supervisors of the project.
async fn supervisors(db: &impl ConnectionTrait, project_id: uuid::Uuid) -> StoreResult<Vec<uuid::Uuid>> {
    let members = Query::select()
        .column(user_project::Column::UserId)
        .from(user_project::Entity)
        .and_where(user_project::Column::ProjectId.eq(project_id))
        .to_owned();
    Ok(user::Entity::find()
        .filter(user::Column::Role.eq(Role::Supervisor.as_str()))
        .filter(user::Column::Active.eq(true))
        .filter(user::Column::Id.in_subquery(members))
        .all(db)
        .await?
        .into_iter()
        .map(|u| u.id)
        .collect())
}
