//! The worker's arrears round. A rise to the supervisor or legal stage is announced to the
//! project's supervisors (and, for legal, managers) once; arrears a steward has not contacted
//! within the policy's days of their import raise one `arrears_not_contacted` warning per area.
//! Both claim their rows with a conditional write (`WHERE notified_stage = old`, `WHERE warned_at
//! IS NULL`), so several workers sweeping together announce each thing exactly once.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use huiyin_domain::arrears::{announces, ArrearsStatus, Stage};
use huiyin_domain::money::format_fen;
use huiyin_domain::role::Role;
use huiyin_domain::warning::WarningRule;
use huiyin_domain::webhook::WebhookEvent;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
    TransactionTrait,
};
use uuid::Uuid;

use crate::entity::{area, arrears, property, user, user_project, warning};
use crate::notifications::{self, NewNotification, NotificationKind};
use crate::wire::Wire;
use crate::{new_id, webhooks, StoreResult};

/// Active users with one of `roles` in any of `projects`.
pub async fn project_people(db: &impl ConnectionTrait, projects: &[Uuid], roles: &[Role]) -> StoreResult<Vec<Uuid>> {
    let members: Vec<Uuid> = user_project::Entity::find()
        .filter(user_project::Column::ProjectId.is_in(projects.to_vec()))
        .select_only()
        .column(user_project::Column::UserId)
        .into_tuple()
        .all(db)
        .await?;
    Ok(user::Entity::find()
        .filter(user::Column::Id.is_in(members))
        .filter(user::Column::Role.is_in(roles.iter().map(|r| r.as_str())))
        .filter(user::Column::Active.eq(true))
        .all(db)
        .await?
        .into_iter()
        .map(|u| u.id)
        .collect())
}

fn label(room: Option<&property::Model>) -> String {
    room.map(|p| format!("{}-{}-{}", p.building, p.unit, p.room))
        .unwrap_or_default()
}

/// One worker round: stage announcements, then not-contacted warnings; returns what was done.
pub async fn sweep<C: ConnectionTrait + TransactionTrait>(db: &C, at: DateTime<Utc>, limit: u64) -> StoreResult<usize> {
    Ok(announce_stages(db, limit).await? + warn_not_contacted(db, at, limit).await?)
}

async fn announce_stages<C: ConnectionTrait + TransactionTrait>(db: &C, limit: u64) -> StoreResult<usize> {
    let pending = arrears::Entity::find()
        .filter(arrears::Column::Status.eq(ArrearsStatus::Open.as_str()))
        .filter(Expr::col(arrears::Column::Stage).ne(Expr::col(arrears::Column::NotifiedStage)))
        .order_by_asc(arrears::Column::Id)
        .limit(limit)
        .all(db)
        .await?;
    let mut done = 0;
    for row in pending {
        let (stage, notified) = (row.stage.0, row.notified_stage.0);
        let txn = db.begin().await?;
        let claimed = arrears::Entity::update_many()
            .col_expr(arrears::Column::NotifiedStage, Expr::value(stage.as_str()))
            .filter(arrears::Column::Id.eq(row.id))
            .filter(arrears::Column::NotifiedStage.eq(notified.as_str()))
            .filter(arrears::Column::Stage.eq(stage.as_str()))
            .exec(&txn)
            .await?;
        if claimed.rows_affected == 1 && announces(notified, stage) {
            let roles: &[Role] = match stage {
                Stage::Legal => &[Role::Manager, Role::Supervisor],
                _ => &[Role::Supervisor],
            };
            let who = project_people(&txn, &[row.project_id], roles).await?;
            let room = property::Entity::find_by_id(row.property_id).one(&txn).await?;
            let what = match stage {
                Stage::Legal => "已满律师函期限，请经理决定",
                _ => "已转客服主管跟进",
            };
            notifications::notify(
                &txn,
                &who,
                &NewNotification {
                    kind: NotificationKind::ArrearsStage,
                    title: format!("欠费 {} 个月：{} {}", row.months, label(room.as_ref()), row.fee_item),
                    body: format!("欠费 ¥{}，{what}（arrears {}）", format_fen(row.amount_fen), row.id),
                    case_id: None,
                    warning_id: None,
                },
            )
            .await?;
            done += 1;
        }
        txn.commit().await?;
    }
    Ok(done)
}

async fn warn_not_contacted<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    at: DateTime<Utc>,
    limit: u64,
) -> StoreResult<usize> {
    let due = arrears::Entity::find()
        .filter(arrears::Column::Status.eq(ArrearsStatus::Open.as_str()))
        .filter(arrears::Column::ContactDueAt.lte(at))
        .filter(arrears::Column::WarnedAt.is_null())
        .filter(
            Condition::any()
                .add(arrears::Column::LastContactAt.is_null())
                .add(Expr::col(arrears::Column::LastContactAt).lt(Expr::col(arrears::Column::ImportedAt))),
        )
        .order_by_asc(arrears::Column::Id)
        .limit(limit)
        .all(db)
        .await?;
    let mut groups: BTreeMap<(Uuid, Option<Uuid>), Vec<arrears::Model>> = BTreeMap::new();
    for row in due {
        groups.entry((row.project_id, row.area_id)).or_default().push(row);
    }
    let mut fired = 0;
    for ((project_id, area_id), rows) in groups {
        if fire(db, project_id, area_id, rows, at).await? {
            fired += 1;
        }
    }
    Ok(fired)
}

/// Stores an `arrears_not_contacted` warning.
async fn save_warning(
    txn: &impl ConnectionTrait,
    project_id: Uuid,
    subject: Uuid,
    title: String,
    detail: String,
    at: DateTime<Utc>,
) -> StoreResult<warning::Model> {
    Ok(warning::ActiveModel {
        id: Set(new_id()),
        rule: Set(Wire(WarningRule::ArrearsNotContacted)),
        subject_key: Set(format!("arrears_not_contacted:{subject}:{}", at.timestamp_micros())),
        project_id: Set(Some(project_id)),
        title: Set(title),
        detail: Set(detail),
        case_ids: Set("[]".into()),
        fired_at: Set(at),
        acknowledged_at: Set(None),
        acknowledged_by: Set(None),
        ack_note: Set(None),
    }
    .insert(txn)
    .await?)
}

/// Claims the group's rows and raises one warning for those this worker claimed.
async fn fire<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    project_id: Uuid,
    area_id: Option<Uuid>,
    rows: Vec<arrears::Model>,
    at: DateTime<Utc>,
) -> StoreResult<bool> {
    let txn = db.begin().await?;
    let ids: Vec<Uuid> = rows.iter().map(|r| r.id).collect();
    let claimed = arrears::Entity::update_many()
        .col_expr(arrears::Column::WarnedAt, Expr::value(at))
        .filter(arrears::Column::Id.is_in(ids.clone()))
        .filter(arrears::Column::WarnedAt.is_null())
        .exec(&txn)
        .await?;
    if claimed.rows_affected == 0 {
        return Ok(false);
    }
    let mine: Vec<Uuid> = if claimed.rows_affected as usize == ids.len() {
        ids
    } else {
        arrears::Entity::find()
            .filter(arrears::Column::Id.is_in(ids))
            .filter(arrears::Column::WarnedAt.eq(at))
            .select_only()
            .column(arrears::Column::Id)
            .into_tuple()
            .all(&txn)
            .await?
    };
    let rows: Vec<&arrears::Model> = rows.iter().filter(|r| mine.contains(&r.id)).collect();
    let place = match area_id {
        Some(id) => area::Entity::find_by_id(id).one(&txn).await?,
        None => None,
    };
    let rooms = property::Entity::find()
        .filter(property::Column::Id.is_in(rows.iter().map(|r| r.property_id).collect::<Vec<_>>()))
        .all(&txn)
        .await?;
    let listed: Vec<String> = rows
        .iter()
        .map(|r| format!("{} {}", label(rooms.iter().find(|p| p.id == r.property_id)), r.fee_item))
        .collect();
    let area_name = place.as_ref().map_or("未分片区".to_owned(), |a| a.name.clone());
    let title = format!("{area_name}：{} 户欠费导入后未按期联系", rows.len());
    let detail = format!(
        "Arrears not contacted within the policy's days of their import: {}",
        listed.join("; ")
    );
    let saved = save_warning(&txn, project_id, area_id.unwrap_or(project_id), title, detail, at).await?;
    let mut who = project_people(&txn, &[project_id], &[Role::Supervisor]).await?;
    who.extend(place.and_then(|a| a.steward_id));
    notifications::notify(
        &txn,
        &who,
        &NewNotification {
            kind: NotificationKind::Warning,
            title: format!("欠费未联系：{}", saved.title),
            body: saved.detail.clone(),
            case_id: None,
            warning_id: Some(saved.id),
        },
    )
    .await?;
    let view = crate::warnings::views(&txn, vec![saved]).await?;
    webhooks::emit(&txn, WebhookEvent::WarningFired, serde_json::json!(view.first())).await?;
    txn.commit().await?;
    Ok(true)
}
