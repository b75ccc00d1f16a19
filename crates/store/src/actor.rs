//! The authenticated user a store operation runs for, with their data scope.

use huiyin_domain::permission::{allows, Permission};
use huiyin_domain::role::Role;
use sea_orm::sea_query::{Expr, Query};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};
use uuid::Uuid;

use crate::entity::{user, user_project};
use crate::wire::Wire;
use crate::{StoreError, StoreResult};

#[derive(Debug, Clone)]
pub struct Actor {
    pub user_id: Uuid,
    pub username: String,
    pub role: Role,
    pub department_id: Option<Uuid>,
    pub customer_id: Option<Uuid>,
    /// Projects the user belongs to (ignored for admins, who see all).
    pub project_ids: Vec<Uuid>,
}

impl Actor {
    /// Loads an active user with their project memberships; `None` for unknown or deactivated users.
    ///
    /// One round trip (the user joined with their memberships): it runs before every
    /// authenticated request, so a second query here was a fifth of a queue page's database
    /// work (`make bench-load`).
    pub async fn load(db: &impl ConnectionTrait, user_id: Uuid) -> StoreResult<Option<Actor>> {
        Ok(Self::load_with_version(db, user_id).await?.map(|(actor, _)| actor))
    }

    /// [`Actor::load`] with the user's token version (see [`crate::auth::bump_token_version`]),
    /// in the same single round trip.
    pub async fn load_with_version(db: &impl ConnectionTrait, user_id: Uuid) -> StoreResult<Option<(Actor, i32)>> {
        let users = user::Entity;
        let members = user_project::Entity;
        let statement = Query::select()
            .columns([
                (users, user::Column::Id),
                (users, user::Column::Username),
                (users, user::Column::Role),
                (users, user::Column::Active),
                (users, user::Column::DepartmentId),
                (users, user::Column::CustomerId),
            ])
            .column((users, crate::auth::TOKEN_VERSION))
            .column((members, user_project::Column::ProjectId))
            .from(users)
            .left_join(
                members,
                Expr::col((members, user_project::Column::UserId)).equals((users, user::Column::Id)),
            )
            .and_where(Expr::col((users, user::Column::Id)).eq(user_id))
            .to_owned();
        let rows = db.query_all(db.get_database_backend().build(&statement)).await?;
        let Some(first) = rows.first() else {
            return Ok(None);
        };
        if !first.try_get::<bool>("", "active")? {
            return Ok(None);
        }
        // A stored role the code does not know is an error naming the user, never a 422 or a default.
        let Wire(role): Wire<Role> = first.try_get("", "role")?;
        let mut project_ids = Vec::with_capacity(rows.len());
        for row in &rows {
            if let Some(project) = row.try_get::<Option<Uuid>>("", "project_id")? {
                project_ids.push(project);
            }
        }
        let actor = Actor {
            user_id: first.try_get("", "id")?,
            username: first.try_get("", "username")?,
            role,
            department_id: first.try_get("", "department_id")?,
            customer_id: first.try_get("", "customer_id")?,
            project_ids,
        };
        Ok(Some((actor, first.try_get("", "token_version")?)))
    }

    pub fn may(&self, permission: Permission) -> bool {
        allows(self.role, permission)
    }

    pub fn sees_project(&self, project_id: Uuid) -> bool {
        self.role.sees_all_projects() || self.project_ids.contains(&project_id)
    }

    /// Fails with NotFound (never revealing existence) when the project is outside the actor's scope.
    pub fn require_project(&self, project_id: Uuid) -> StoreResult<()> {
        if self.sees_project(project_id) {
            Ok(())
        } else {
            Err(StoreError::NotFound)
        }
    }

    /// The project filter to apply to lists: `None` means every project.
    pub fn project_filter(&self) -> Option<&[Uuid]> {
        if self.role.sees_all_projects() {
            None
        } else {
            Some(&self.project_ids)
        }
    }
}

pub async fn project_ids_of(db: &impl ConnectionTrait, user_id: Uuid) -> StoreResult<Vec<Uuid>> {
    Ok(user_project::Entity::find()
        .select_only()
        .column(user_project::Column::ProjectId)
        .filter(user_project::Column::UserId.eq(user_id))
        .into_tuple::<Uuid>()
        .all(db)
        .await?)
}

impl Actor {
    /// Huiyin itself acting on a rule someone configured (a routing rule's dispatch at
    /// registration): sees everything, and is recorded as nobody (`actor_id` null, shown as
    /// "system" in the timeline).
    pub fn system() -> Actor {
        Actor {
            user_id: Uuid::nil(),
            username: "system".to_owned(),
            role: Role::Admin,
            department_id: None,
            customer_id: None,
            project_ids: Vec::new(),
        }
    }

    /// The user to record as having acted: `None` for [`Actor::system`].
    pub fn recorded_id(&self) -> Option<Uuid> {
        (!self.user_id.is_nil()).then_some(self.user_id)
    }
}
