//! Who hears of a case at each escalation level. Configured contacts win: the case's area's
//! contacts for the level, else its project's and the company-wide ones; without any, the
//! defaults are: project → the project's managers and supervisors; area → the project's
//! managers; company → the administrators.
//!
//! Contacts belong to a project (or an area of it), or to the whole company: a manager
//! configures only their own projects' contacts; company-wide ones are an administrator's.

use chrono::{DateTime, Utc};
use huiyin_domain::role::Role;
use huiyin_domain::sla::escalation::Level;
use huiyin_domain::webhook::WebhookEvent;
use sea_orm::sea_query::Query;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};
use serde_json::json;
use uuid::Uuid;

use crate::actor::project_ids_of;
use crate::entity::{area, case, escalation_contact, project, user, user_project};
use crate::notifications::{self, NewNotification, NotificationKind};
use crate::wire::Wire;
use crate::{new_id, now, webhooks, Actor, StoreError, StoreResult};

/// A new contact for one level: company-wide, a project's or an area's.
#[derive(Debug, Clone)]
pub struct CreateEscalationContact {
    pub level: Level,
    /// Only for cases of this project; `None` with no `area_id` for every project.
    pub project_id: Option<Uuid>,
    /// Only for cases of this area (its project is implied).
    pub area_id: Option<Uuid>,
    pub user_id: Uuid,
}

/// A contact as stored, with the person's display name.
#[derive(Debug, Clone)]
pub struct EscalationContactRecord {
    pub id: Uuid,
    pub level: Level,
    pub project_id: Option<Uuid>,
    pub area_id: Option<Uuid>,
    pub user_id: Uuid,
    pub user_name: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// Contacts the actor may see: company-wide ones and those of the actor's projects.
fn visible_to(actor: &Actor) -> Condition {
    match actor.project_filter() {
        None => Condition::all(),
        Some(projects) => Condition::any()
            .add(escalation_contact::Column::ProjectId.is_null())
            .add(escalation_contact::Column::ProjectId.is_in(projects.to_vec())),
    }
}

pub async fn list(db: &impl ConnectionTrait, actor: &Actor) -> StoreResult<Vec<EscalationContactRecord>> {
    let rows = escalation_contact::Entity::find()
        .filter(visible_to(actor))
        .order_by_asc(escalation_contact::Column::Level)
        .order_by_asc(escalation_contact::Column::Id)
        .all(db)
        .await?;
    let ids: Vec<Uuid> = rows.iter().map(|r| r.user_id).collect();
    let users = user::Entity::find().filter(user::Column::Id.is_in(ids)).all(db).await?;
    rows.into_iter()
        .map(|r| {
            Ok(EscalationContactRecord {
                id: r.id,
                level: r.level.0,
                project_id: r.project_id,
                area_id: r.area_id,
                user_id: r.user_id,
                user_name: users.iter().find(|u| u.id == r.user_id).map(|u| u.display_name.clone()),
                created_at: r.created_at,
            })
        })
        .collect()
}

/// The (project, area) a new contact is for, as the actor may configure it.
async fn placement(
    db: &impl ConnectionTrait,
    actor: &Actor,
    input: &CreateEscalationContact,
) -> StoreResult<(Option<Uuid>, Option<Uuid>)> {
    let project_id = match input.area_id {
        Some(area_id) => match area::Entity::find_by_id(area_id).one(db).await? {
            Some(a) if actor.sees_project(a.project_id) => {
                if input.project_id.is_some_and(|p| p != a.project_id) {
                    return Err(StoreError::invalid("project_id", "is not the area's project"));
                }
                Some(a.project_id)
            }
            _ => return Err(StoreError::invalid("area_id", "no such area")),
        },
        None => input.project_id,
    };
    match project_id {
        Some(p) if actor.sees_project(p) && project::Entity::find_by_id(p).one(db).await?.is_some() => {}
        Some(_) => return Err(StoreError::invalid("project_id", "no such project")),
        None if actor.role.sees_all_projects() => {}
        None => {
            return Err(StoreError::Forbidden(
                "only an administrator configures company-wide contacts; give project_id or area_id".into(),
            ))
        }
    }
    Ok((project_id, input.area_id))
}

pub async fn create(db: &impl ConnectionTrait, actor: &Actor, input: CreateEscalationContact) -> StoreResult<Uuid> {
    let (project_id, area_id) = placement(db, actor, &input).await?;
    let staff = match user::Entity::find_by_id(input.user_id).one(db).await? {
        Some(u) if u.active && u.role.0 != Role::Resident => u,
        _ => return Err(StoreError::invalid("user_id", "must be an active staff account")),
    };
    // A project's notices go only to people who may see its cases.
    if let Some(project_id) = project_id {
        let member = staff.role.0 == Role::Admin || project_ids_of(db, staff.id).await?.contains(&project_id);
        if !member {
            return Err(StoreError::invalid("user_id", "must be a member of the project"));
        }
    }
    let duplicate = escalation_contact::Entity::find()
        .filter(escalation_contact::Column::Level.eq(input.level.as_str()))
        .filter(escalation_contact::Column::UserId.eq(input.user_id))
        .all(db)
        .await?
        .into_iter()
        .any(|c| c.project_id == project_id && c.area_id == area_id);
    if duplicate {
        return Err(StoreError::Conflict {
            field: "user_id".into(),
            message: "this person is already a contact for that level and project".into(),
        });
    }
    let row = escalation_contact::ActiveModel {
        id: Set(new_id()),
        level: Set(Wire(input.level)),
        project_id: Set(project_id),
        area_id: Set(area_id),
        user_id: Set(input.user_id),
        created_at: Set(now()),
    }
    .insert(db)
    .await?;
    Ok(row.id)
}

/// Removes a contact of the actor's projects (company-wide ones: administrators only).
pub async fn delete(db: &impl ConnectionTrait, actor: &Actor, id: Uuid) -> StoreResult<()> {
    let found = escalation_contact::Entity::find_by_id(id)
        .filter(visible_to(actor))
        .one(db)
        .await?
        .ok_or(StoreError::NotFound)?;
    if found.project_id.is_none() && !actor.role.sees_all_projects() {
        return Err(StoreError::Forbidden(
            "only an administrator removes company-wide contacts".into(),
        ));
    }
    escalation_contact::Entity::delete_by_id(id).exec(db).await?;
    Ok(())
}

/// The active staff to tell about a case of `project_id` at `level` (project contacts only).
pub async fn recipients(db: &impl ConnectionTrait, level: Level, project_id: Uuid) -> StoreResult<Vec<Uuid>> {
    recipients_in(db, level, project_id, None).await
}

/// The active staff to tell about `case` at `level`: its area's contacts for that level if
/// there are any, else the project's and the company-wide ones, else the defaults.
pub async fn recipients_for_case(
    db: &impl ConnectionTrait,
    level: Level,
    case: &case::Model,
) -> StoreResult<Vec<Uuid>> {
    recipients_in(db, level, case.project_id, case.area_id).await
}

async fn recipients_in(
    db: &impl ConnectionTrait,
    level: Level,
    project_id: Uuid,
    area_id: Option<Uuid>,
) -> StoreResult<Vec<Uuid>> {
    let rows = escalation_contact::Entity::find()
        .filter(escalation_contact::Column::Level.eq(level.as_str()))
        .all(db)
        .await?;
    let of_area: Vec<Uuid> = rows
        .iter()
        .filter(|c| area_id.is_some() && c.area_id == area_id)
        .map(|c| c.user_id)
        .collect();
    let configured: Vec<Uuid> = if of_area.is_empty() {
        rows.iter()
            .filter(|c| c.area_id.is_none() && c.project_id.is_none_or(|p| p == project_id))
            .map(|c| c.user_id)
            .collect()
    } else {
        of_area
    };
    let candidates = if configured.is_empty() {
        defaults(db, level, project_id).await?
    } else {
        // A configured contact hears only of cases they may see: administrators, or members of
        // the case's project (a company-wide contact may work in other projects only).
        let members = Query::select()
            .column(user_project::Column::UserId)
            .from(user_project::Entity)
            .and_where(user_project::Column::ProjectId.eq(project_id))
            .to_owned();
        user::Entity::find()
            .filter(user::Column::Id.is_in(configured))
            .filter(
                Condition::any()
                    .add(user::Column::Role.eq(Role::Admin.as_str()))
                    .add(user::Column::Id.in_subquery(members)),
            )
            .all(db)
            .await?
    };
    Ok(candidates.into_iter().filter(|u| u.active).map(|u| u.id).collect())
}

/// Without configured contacts: project → the project's managers and supervisors; area → the
/// project's managers; company → the administrators.
async fn defaults(db: &impl ConnectionTrait, level: Level, project_id: Uuid) -> StoreResult<Vec<user::Model>> {
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
    Ok(select.all(db).await?)
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
    let who = recipients_for_case(db, to, case).await?;
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
