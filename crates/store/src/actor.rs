//! The authenticated user a store operation runs for, with their data scope.

use huiyin_domain::permission::{allows, Permission};
use huiyin_domain::role::Role;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};
use uuid::Uuid;

use crate::entity::{user, user_project};
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
    pub async fn load(db: &impl ConnectionTrait, user_id: Uuid) -> StoreResult<Option<Actor>> {
        let Some(user) = user::Entity::find_by_id(user_id).one(db).await? else {
            return Ok(None);
        };
        if !user.active {
            return Ok(None);
        }
        let role = Role::parse(&user.role).ok_or_else(|| StoreError::invalid("role", "unknown role in database"))?;
        let project_ids = project_ids_of(db, user.id).await?;
        Ok(Some(Actor {
            user_id: user.id,
            username: user.username,
            role,
            department_id: user.department_id,
            customer_id: user.customer_id,
            project_ids,
        }))
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
