//! Project memberships of staff accounts, and who may change them.

use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use uuid::Uuid;

use super::{UpdateUser, UserWithProjects};
use crate::entity::{project, user_project};
use crate::{Actor, StoreError, StoreResult};
use huiyin_domain::role::Role;

pub(super) async fn check_projects(db: &impl ConnectionTrait, actor: &Actor, ids: &[Uuid]) -> StoreResult<()> {
    for id in ids {
        if !actor.sees_project(*id) || project::Entity::find_by_id(*id).one(db).await?.is_none() {
            return Err(StoreError::invalid("project_ids", format!("no such project: {id}")));
        }
    }
    Ok(())
}

pub(super) async fn set_projects(db: &impl ConnectionTrait, user_id: Uuid, ids: &[Uuid]) -> StoreResult<()> {
    user_project::Entity::delete_many()
        .filter(user_project::Column::UserId.eq(user_id))
        .exec(db)
        .await?;
    let mut unique = ids.to_vec();
    unique.sort();
    unique.dedup();
    if !unique.is_empty() {
        user_project::Entity::insert_many(unique.into_iter().map(|project_id| user_project::ActiveModel {
            user_id: Set(user_id),
            project_id: Set(project_id),
        }))
        .exec(db)
        .await?;
    }
    Ok(())
}

/// A non-administrator's edit of a user who also works in projects the editor does not manage
/// may change only memberships within the editor's projects: role, department, activation and
/// the rest affect the other projects too, and are an administrator's. Making someone a
/// manager or an administrator is an administrator's decision in any case.
pub(super) fn guard_foreign(actor: &Actor, current: &UserWithProjects, input: &UpdateUser) -> StoreResult<()> {
    if actor.role.sees_all_projects() {
        return Ok(());
    }
    if input
        .role
        .is_some_and(|r| matches!(r, Role::Manager | Role::Admin) && r != current.user.role)
    {
        return Err(StoreError::Forbidden(
            "only an administrator makes someone a manager or an administrator".into(),
        ));
    }
    let foreign = current.project_ids.iter().any(|p| !actor.project_ids.contains(p));
    let other_changes = input.role.is_some_and(|r| r != current.user.role)
        || input.active.is_some_and(|a| a != current.user.active)
        || (input.department_id.is_some() && input.department_id != current.user.department_id)
        || input.display_name.is_some()
        || input.phone.is_some();
    if foreign && other_changes {
        return Err(StoreError::Forbidden(
            "this user also works in projects you do not manage: only their memberships in your projects can be changed here; ask an administrator".into(),
        ));
    }
    Ok(())
}

/// The memberships after an edit: the editor's projects as given, the user's other projects
/// kept as they are (an id of those may be repeated, not added).
pub(super) async fn memberships_after(
    db: &impl ConnectionTrait,
    actor: &Actor,
    current: &UserWithProjects,
    ids: &[Uuid],
    input: &UpdateUser,
) -> StoreResult<Vec<Uuid>> {
    guard_foreign(actor, current, input)?;
    if actor.role.sees_all_projects() {
        check_projects(db, actor, ids).await?;
        return Ok(ids.to_vec());
    }
    let (mine, others): (Vec<Uuid>, Vec<Uuid>) = ids.iter().partition(|p| actor.project_ids.contains(p));
    if let Some(p) = others.iter().find(|p| !current.project_ids.contains(p)) {
        return Err(StoreError::invalid("project_ids", format!("no such project: {p}")));
    }
    check_projects(db, actor, &mine).await?;
    let kept = current
        .project_ids
        .iter()
        .filter(|p| !actor.project_ids.contains(p))
        .copied();
    Ok(mine.into_iter().chain(kept).collect())
}

/// Adds one project membership (e.g. to a manager who just created the project).
pub async fn add_project(db: &impl ConnectionTrait, user_id: Uuid, project_id: Uuid) -> StoreResult<()> {
    user_project::ActiveModel {
        user_id: Set(user_id),
        project_id: Set(project_id),
    }
    .insert(db)
    .await?;
    crate::cache::changed(db, crate::cache::Topic::Users).await
}
