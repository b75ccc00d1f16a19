//! The worker's notice of visits that have fallen due.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, TransactionTrait};
use uuid::Uuid;

use super::{VisitPurpose, PENDING};
use crate::entity::{case, scheduled_visit, user};
use crate::notifications::{self, NewNotification, NotificationKind};
use crate::StoreResult;

/// Notifies about visits that have fallen due (once each): the visit's assignee, else the case's
/// registrar, else the project's people at project level.
pub async fn notify_due<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    at: DateTime<Utc>,
    limit: u64,
) -> StoreResult<usize> {
    let due = scheduled_visit::Entity::find()
        .filter(scheduled_visit::Column::Status.eq(PENDING))
        .filter(scheduled_visit::Column::NotifiedAt.is_null())
        .filter(scheduled_visit::Column::DueAt.lte(at))
        .order_by_asc(scheduled_visit::Column::DueAt)
        .limit(limit)
        .all(db)
        .await?;
    let mut count = 0;
    for visit in due {
        let txn = db.begin().await?;
        let claimed = scheduled_visit::Entity::update_many()
            .col_expr(scheduled_visit::Column::NotifiedAt, Expr::value(at))
            .filter(scheduled_visit::Column::Id.eq(visit.id))
            .filter(scheduled_visit::Column::NotifiedAt.is_null())
            .exec(&txn)
            .await?;
        if claimed.rows_affected == 0 {
            continue;
        }
        if let Some(case) = case::Entity::find_by_id(visit.case_id).one(&txn).await? {
            let recipients = recipients(&txn, &visit, &case).await?;
            let purpose = visit.purpose.0;
            let what = match purpose {
                VisitPurpose::ContactCheck => "联系确认回访",
                VisitPurpose::OutcomeCheck => "维修结果回访",
                VisitPurpose::Satisfaction => "满意度回访",
            };
            notifications::notify(
                &txn,
                &recipients,
                &NewNotification {
                    kind: NotificationKind::VisitDue,
                    title: format!("案件 {} 的{}已到期", case.number, what),
                    body: case.title.clone(),
                    case_id: Some(case.id),
                    warning_id: None,
                },
            )
            .await?;
        }
        txn.commit().await?;
        count += 1;
    }
    Ok(count)
}

/// Who is told of a visit falling due: its assignee (an active account), else the case's
/// registrar (staff), else the project's people at project level (reported through the app).
async fn recipients(
    db: &impl ConnectionTrait,
    visit: &scheduled_visit::Model,
    case: &case::Model,
) -> StoreResult<Vec<Uuid>> {
    for id in [visit.assignee_id, case.created_by].into_iter().flatten() {
        let person = user::Entity::find_by_id(id)
            .one(db)
            .await?
            .filter(|u| u.active && u.role.0 != huiyin_domain::role::Role::Resident);
        if let Some(person) = person {
            return Ok(vec![person.id]);
        }
    }
    crate::sla::contacts::recipients(db, huiyin_domain::sla::escalation::Level::Project, case.project_id).await
}
