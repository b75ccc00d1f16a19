//! Who hears of a case at each escalation level. Configured contacts win; without any for a
//! level, the defaults are: project → the project's managers and supervisors; area → the
//! project's managers; company → the administrators.

use chrono::{DateTime, Utc};
use huiyin_domain::role::Role;
use huiyin_domain::sla::escalation::Level;
use huiyin_domain::webhook::WebhookEvent;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set};
use serde::{Deserialize, Serialize};
use serde_json::json;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::entity::{case, escalation_contact, project, user, user_project};
use crate::notifications::{self, NewNotification, NotificationKind};
use crate::{new_id, now, webhooks, StoreError, StoreResult};

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateEscalationContact {
    pub level: Level,
    /// Only for cases of this project; omit for every project.
    pub project_id: Option<Uuid>,
    pub user_id: Uuid,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct EscalationContactView {
    pub id: Uuid,
    pub level: Level,
    pub project_id: Option<Uuid>,
    pub user_id: Uuid,
    pub user_name: Option<String>,
    pub created_at: DateTime<Utc>,
}

pub async fn list(db: &impl ConnectionTrait) -> StoreResult<Vec<EscalationContactView>> {
    let rows = escalation_contact::Entity::find()
        .order_by_asc(escalation_contact::Column::Level)
        .order_by_asc(escalation_contact::Column::Id)
        .all(db)
        .await?;
    let ids: Vec<Uuid> = rows.iter().map(|r| r.user_id).collect();
    let users = user::Entity::find().filter(user::Column::Id.is_in(ids)).all(db).await?;
    Ok(rows
        .into_iter()
        .map(|r| EscalationContactView {
            id: r.id,
            level: Level::parse(&r.level).unwrap_or(Level::Project),
            project_id: r.project_id,
            user_id: r.user_id,
            user_name: users.iter().find(|u| u.id == r.user_id).map(|u| u.display_name.clone()),
            created_at: r.created_at,
        })
        .collect())
}

pub async fn create(db: &impl ConnectionTrait, input: CreateEscalationContact) -> StoreResult<Uuid> {
    match user::Entity::find_by_id(input.user_id).one(db).await? {
        Some(u) if u.active && u.role != Role::Resident.as_str() => {}
        _ => return Err(StoreError::invalid("user_id", "must be an active staff account")),
    }
    if let Some(project_id) = input.project_id {
        if project::Entity::find_by_id(project_id).one(db).await?.is_none() {
            return Err(StoreError::invalid("project_id", "no such project"));
        }
    }
    let duplicate = escalation_contact::Entity::find()
        .filter(escalation_contact::Column::Level.eq(input.level.as_str()))
        .filter(escalation_contact::Column::UserId.eq(input.user_id))
        .all(db)
        .await?
        .into_iter()
        .any(|c| c.project_id == input.project_id);
    if duplicate {
        return Err(StoreError::Conflict {
            field: "user_id".into(),
            message: "this person is already a contact for that level and project".into(),
        });
    }
    let row = escalation_contact::ActiveModel {
        id: Set(new_id()),
        level: Set(input.level.as_str().to_owned()),
        project_id: Set(input.project_id),
        user_id: Set(input.user_id),
        created_at: Set(now()),
    }
    .insert(db)
    .await?;
    Ok(row.id)
}

pub async fn delete(db: &impl ConnectionTrait, id: Uuid) -> StoreResult<()> {
    if escalation_contact::Entity::delete_by_id(id)
        .exec(db)
        .await?
        .rows_affected
        == 0
    {
        return Err(StoreError::NotFound);
    }
    Ok(())
}

/// The active staff to tell about a case of `project_id` at `level`.
pub async fn recipients(db: &impl ConnectionTrait, level: Level, project_id: Uuid) -> StoreResult<Vec<Uuid>> {
    let configured: Vec<Uuid> = escalation_contact::Entity::find()
        .filter(escalation_contact::Column::Level.eq(level.as_str()))
        .all(db)
        .await?
        .into_iter()
        .filter(|c| c.project_id.is_none_or(|p| p == project_id))
        .map(|c| c.user_id)
        .collect();
    let candidates = if configured.is_empty() {
        let roles: &[Role] = match level {
            Level::Project => &[Role::Manager, Role::Supervisor],
            Level::Area => &[Role::Manager],
            Level::Company => &[Role::Admin],
        };
        let mut select = user::Entity::find().filter(user::Column::Role.is_in(roles.iter().map(|r| r.as_str())));
        if level != Level::Company {
            let members: Vec<Uuid> = user_project::Entity::find()
                .filter(user_project::Column::ProjectId.eq(project_id))
                .select_only()
                .column(user_project::Column::UserId)
                .into_tuple()
                .all(db)
                .await?;
            select = select.filter(user::Column::Id.is_in(members));
        }
        select.all(db).await?
    } else {
        user::Entity::find()
            .filter(user::Column::Id.is_in(configured))
            .all(db)
            .await?
    };
    Ok(candidates.into_iter().filter(|u| u.active).map(|u| u.id).collect())
}

/// Tells the people of the case's new level and the subscribed integrations (in the caller's
/// transaction, so an escalation is never recorded without being announced).
pub async fn announce_escalation(
    db: &impl ConnectionTrait,
    case: &case::Model,
    from: Level,
    to: Level,
    reason: &str,
    automatic: bool,
) -> StoreResult<()> {
    let level_name = match to {
        Level::Project => "项目级",
        Level::Area => "片区级",
        Level::Company => "公司级",
    };
    let who = recipients(db, to, case.project_id).await?;
    notifications::notify(
        db,
        &who,
        &NewNotification {
            kind: NotificationKind::Escalated,
            title: format!("案件 {} 已升级至{}", case.number, level_name),
            body: format!("{}：{}", case.title, reason),
            case_id: Some(case.id),
            warning_id: None,
        },
    )
    .await?;
    webhooks::emit(
        db,
        WebhookEvent::CaseEscalated,
        json!({"case_id": case.id, "number": case.number, "project_id": case.project_id,
               "from_level": from, "to_level": to, "reason": reason, "automatic": automatic}),
    )
    .await?;
    Ok(())
}
