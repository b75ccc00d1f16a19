//! Where a work order may go: a department that serves the case's project, and an assignee who
//! belongs to the department and works in that project (issue #21: a project-A case was
//! dispatched to, and announced to, project B's handlers).

use huiyin_domain::case::department_serves_project;
use huiyin_domain::role::Role;
use sea_orm::sea_query::{Alias, Expr, Query};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};
use uuid::Uuid;

use crate::actor::project_ids_of;
use crate::entity::{department, user, user_project};
use crate::{StoreError, StoreResult};

/// A department a work order may go to.
pub struct Target {
    pub id: Uuid,
    pub name: String,
    /// Its active handlers who work in the project (as [`handlers_in_project`] reads them).
    pub handlers: Vec<Uuid>,
}

/// The department `id`, with its active handlers and whether each works in `project_id`, in one
/// statement; refused (422 `department_id`) when it does not exist or does not serve the
/// project ([`department_serves_project`]).
pub async fn check_department(db: &impl ConnectionTrait, id: Uuid, project_id: Uuid) -> StoreResult<Target> {
    let (d, u, m) = (department::Entity, user::Entity, user_project::Entity);
    let statement = Query::select()
        .column((d, department::Column::Name))
        .expr_as(Expr::col((u, user::Column::Id)), Alias::new("handler_id"))
        .expr_as(Expr::col((m, user_project::Column::ProjectId)), Alias::new("member_of"))
        .from(d)
        .left_join(
            u,
            Expr::col((u, user::Column::DepartmentId))
                .equals((d, department::Column::Id))
                .and(Expr::col((u, user::Column::Active)).eq(true))
                .and(Expr::col((u, user::Column::Role)).eq(Role::Handler.as_str())),
        )
        .left_join(
            m,
            Expr::col((m, user_project::Column::UserId))
                .equals((u, user::Column::Id))
                .and(Expr::col((m, user_project::Column::ProjectId)).eq(project_id)),
        )
        .and_where(Expr::col((d, department::Column::Id)).eq(id))
        .to_owned();
    let rows = db.query_all(db.get_database_backend().build(&statement)).await?;
    let Some(first) = rows.first() else {
        return Err(StoreError::invalid("department_id", "no such department"));
    };
    let mut handlers = Vec::with_capacity(rows.len());
    let mut in_project = Vec::new();
    for row in &rows {
        if let Some(handler) = row.try_get::<Option<Uuid>>("", "handler_id")? {
            let member = row.try_get::<Option<Uuid>>("", "member_of")?.is_some();
            handlers.push(member);
            if member {
                in_project.push(handler);
            }
        }
    }
    if !department_serves_project(&handlers) {
        return Err(StoreError::invalid(
            "department_id",
            "none of this department's handlers works in the case's project",
        ));
    }
    Ok(Target {
        id,
        name: first.try_get("", "name")?,
        handlers: in_project,
    })
}

/// An assignee must be an active member of the department who works in the case's project.
pub async fn check_assignee(
    db: &impl ConnectionTrait,
    assignee: Option<Uuid>,
    department_id: Uuid,
    project_id: Uuid,
) -> StoreResult<()> {
    let Some(id) = assignee else {
        return Ok(());
    };
    let refused = || StoreError::invalid("assignee_id", "must be an active member of the department");
    match user::Entity::find_by_id(id).one(db).await? {
        Some(u) if u.active && u.department_id == Some(department_id) && u.role != Role::Resident.as_str() => {
            let works_here = u.role == Role::Admin.as_str() || project_ids_of(db, u.id).await?.contains(&project_id);
            if works_here {
                Ok(())
            } else {
                Err(StoreError::invalid("assignee_id", "must work in the case's project"))
            }
        }
        _ => Err(refused()),
    }
}

/// The department's active handlers who work in `project_id`: who hears of a work order sent to
/// the department without an assignee.
pub async fn handlers_in_project(
    db: &impl ConnectionTrait,
    department_id: Uuid,
    project_id: Uuid,
) -> StoreResult<Vec<Uuid>> {
    let members = Query::select()
        .column(user_project::Column::UserId)
        .from(user_project::Entity)
        .and_where(user_project::Column::ProjectId.eq(project_id))
        .to_owned();
    Ok(user::Entity::find()
        .select_only()
        .column(user::Column::Id)
        .filter(user::Column::DepartmentId.eq(department_id))
        .filter(user::Column::Active.eq(true))
        .filter(user::Column::Role.eq(Role::Handler.as_str()))
        .filter(user::Column::Id.in_subquery(members))
        .into_tuple()
        .all(db)
        .await?)
}
