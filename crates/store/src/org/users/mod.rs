use huiyin_domain::password::check_strength;
use huiyin_domain::permission::may_grant;
use huiyin_domain::phone::Phone;
use huiyin_domain::role::Role;
use sea_orm::sea_query::{Expr, Func};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
    QueryTrait, Set, TransactionTrait,
};
use uuid::Uuid;

use crate::actor::project_ids_of;
use crate::auth::{hash_off_thread, revoke_user_tokens};
use crate::entity::{department, user, user_project};
use crate::error::unique_as_conflict;
use crate::page::{self, Page};
use crate::validate::{required, version_matches};
use crate::wire::Wire;
use crate::{new_id, now, Actor, StoreError, StoreResult};

mod memberships;
mod password;
pub mod record;

pub use memberships::add_project;
use memberships::{check_projects, guard_foreign, memberships_after, set_projects};
pub use password::change_password;
pub use record::UserRecord;

/// A new staff account.
#[derive(Debug, Clone)]
pub struct CreateUser {
    /// 3–32 characters: lower-case letters, digits, `.`, `_`, `-`.
    pub username: String,
    /// Checked for strength unless the demo seed inserts it.
    pub password: String,
    pub display_name: String,
    pub role: Role,
    pub phone: Option<String>,
    pub department_id: Option<Uuid>,
    pub project_ids: Vec<Uuid>,
}

/// The fields of an account to change; `None` keeps the stored value.
#[derive(Debug, Clone, Default)]
pub struct UpdateUser {
    pub display_name: Option<String>,
    pub role: Option<Role>,
    pub phone: Option<String>,
    pub department_id: Option<Uuid>,
    pub project_ids: Option<Vec<Uuid>>,
    /// `false` deactivates the account and revokes its tokens.
    pub active: Option<bool>,
}

/// Which staff accounts to list, and which page.
#[derive(Debug, Clone, Default)]
pub struct ListUsers {
    pub role: Option<Role>,
    pub department_id: Option<Uuid>,
    pub project_id: Option<Uuid>,
    pub active: Option<bool>,
    /// Matches username or display name.
    pub q: Option<String>,
    pub limit: Option<u64>,
    pub cursor: Option<String>,
}

/// The current password and its replacement.
#[derive(Debug, Clone)]
pub struct ChangePassword {
    pub old_password: String,
    pub new_password: String,
}

/// A user with their project memberships.
#[derive(Debug, Clone)]
pub struct UserWithProjects {
    pub user: UserRecord,
    pub project_ids: Vec<Uuid>,
}

fn check_username(username: &str) -> StoreResult<String> {
    let u = username.trim().to_lowercase();
    let ok = (3..=32).contains(&u.len())
        && u.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '_' | '-'));
    if ok {
        Ok(u)
    } else {
        Err(StoreError::invalid(
            "username",
            "must be 3-32 characters of a-z, 0-9, '.', '_' or '-'",
        ))
    }
}

pub fn normalise_phone(field: &str, phone: Option<&str>) -> StoreResult<Option<String>> {
    match phone.map(str::trim).filter(|p| !p.is_empty()) {
        None => Ok(None),
        Some(p) => Phone::parse(p)
            .map(|p| Some(p.into_string()))
            .map_err(|e| StoreError::invalid(field, e.to_string())),
    }
}

async fn check_department(db: &impl ConnectionTrait, id: Option<Uuid>) -> StoreResult<()> {
    if let Some(id) = id {
        if department::Entity::find_by_id(id).one(db).await?.is_none() {
            return Err(StoreError::invalid("department_id", "no such department"));
        }
    }
    Ok(())
}

fn check_grant(actor: &Actor, role: Role) -> StoreResult<()> {
    if role == Role::Resident {
        // Resident logins belong to a customer and are made through `POST /customers/{id}/account`.
        return Err(StoreError::invalid(
            "role",
            "resident logins are created from the customer's record, not as staff accounts",
        ));
    }
    if may_grant(actor.role, role) {
        Ok(())
    } else {
        Err(StoreError::Forbidden(format!(
            "a {} cannot give the role {role}",
            actor.role
        )))
    }
}

/// Whether any account, staff or resident, exists yet (a first start has none).
pub async fn any_exist(db: &impl ConnectionTrait) -> StoreResult<bool> {
    Ok(user::Entity::find().one(db).await?.is_some())
}

/// Creates a user without an acting user (CLI `create-admin`, demo seed).
pub async fn create_unchecked<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    input: CreateUser,
) -> StoreResult<UserWithProjects> {
    check_strength(&input.password, &input.username.trim().to_lowercase())
        .map_err(|e| StoreError::invalid("password", e.to_string()))?;
    insert(db, input).await
}

/// Inserts a user without the password-strength rule: only for the demo seed, whose
/// documented `admin` / `admin123` login is deliberately weak.
pub async fn insert_demo_user<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    input: CreateUser,
) -> StoreResult<UserWithProjects> {
    insert(db, input).await
}

async fn insert<C: ConnectionTrait + TransactionTrait>(db: &C, input: CreateUser) -> StoreResult<UserWithProjects> {
    let username = check_username(&input.username)?;
    let display_name = required("display_name", &input.display_name, 100)?;
    let phone = normalise_phone("phone", input.phone.as_deref())?;
    check_department(db, input.department_id).await?;
    let password_hash = hash_off_thread(input.password.clone()).await;
    let at = now();
    let txn = db.begin().await?;
    let user = user::ActiveModel {
        id: Set(new_id()),
        username: Set(username),
        display_name: Set(display_name),
        phone: Set(phone),
        role: Set(Wire(input.role)),
        department_id: Set(input.department_id),
        customer_id: Set(None),
        password_hash: Set(password_hash),
        active: Set(true),
        created_at: Set(at),
        updated_at: Set(at),
        version: Set(1),
    }
    .insert(&txn)
    .await
    .map_err(|e| unique_as_conflict(e, "username", "this username is taken"))?;
    set_projects(&txn, user.id, &input.project_ids).await?;
    txn.commit().await?;
    let mut project_ids = input.project_ids;
    project_ids.sort();
    project_ids.dedup();
    Ok(UserWithProjects {
        user: user.into(),
        project_ids,
    })
}

pub async fn create<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    input: CreateUser,
) -> StoreResult<UserWithProjects> {
    check_grant(actor, input.role)?;
    check_projects(db, actor, &input.project_ids).await?;
    create_unchecked(db, input).await
}

/// A user visible to `actor`: admins see everyone, others the users sharing one of their projects.
pub async fn get(db: &impl ConnectionTrait, actor: &Actor, id: Uuid) -> StoreResult<UserWithProjects> {
    let (user, project_ids) = visible(db, actor, id).await?;
    Ok(UserWithProjects {
        user: user.into(),
        project_ids,
    })
}

/// The row and memberships of a user `actor` may see.
async fn visible(db: &impl ConnectionTrait, actor: &Actor, id: Uuid) -> StoreResult<(user::Model, Vec<Uuid>)> {
    let user = user::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(StoreError::NotFound)?;
    let project_ids = project_ids_of(db, id).await?;
    let visible = actor.role.sees_all_projects()
        || id == actor.user_id
        || project_ids.iter().any(|p| actor.project_ids.contains(p));
    if !visible {
        return Err(StoreError::NotFound);
    }
    Ok((user, project_ids))
}

/// Nobody edits an account more powerful than they could create; a resident login keeps its role.
fn check_may_edit(actor: &Actor, current_role: Role, wanted: Option<Role>) -> StoreResult<()> {
    if current_role != Role::Resident {
        return check_grant(actor, current_role);
    }
    if wanted.is_some_and(|r| r != Role::Resident) {
        return Err(StoreError::invalid(
            "role",
            "a resident login cannot become a staff account",
        ));
    }
    if !may_grant(actor.role, Role::Agent) {
        return Err(StoreError::Forbidden("you cannot change this account".into()));
    }
    Ok(())
}

pub async fn update<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    id: Uuid,
    version: i32,
    input: UpdateUser,
) -> StoreResult<UserWithProjects> {
    let (row, project_ids) = visible(db, actor, id).await?;
    let current = UserWithProjects {
        user: row.clone().into(),
        project_ids,
    };
    version_matches(version, current.user.version)?;
    let current_role = current.user.role;
    check_may_edit(actor, current_role, input.role)?;
    let project_ids = match &input.project_ids {
        Some(ids) => Some(memberships_after(db, actor, &current, ids, &input).await?),
        None => {
            guard_foreign(actor, &current, &input)?;
            None
        }
    };
    let mut model: user::ActiveModel = row.into();
    if let Some(name) = &input.display_name {
        model.display_name = Set(required("display_name", name, 100)?);
    }
    if let Some(role) = input.role.filter(|r| *r != current_role) {
        check_grant(actor, role)?;
        model.role = Set(Wire(role));
    }
    if input.phone.is_some() {
        model.phone = Set(normalise_phone("phone", input.phone.as_deref())?);
    }
    if input.department_id.is_some() {
        check_department(db, input.department_id).await?;
        model.department_id = Set(input.department_id);
    }
    let deactivating = input.active == Some(false) && current.user.active;
    if let Some(active) = input.active {
        if !active && id == actor.user_id {
            return Err(StoreError::invalid("active", "you cannot deactivate your own account"));
        }
        model.active = Set(active);
    }
    model.updated_at = Set(now());
    model.version = Set(current.user.version + 1);
    let txn = db.begin().await?;
    super::save_versioned::<user::Entity, _>(
        &txn,
        model,
        user::Column::Id,
        id,
        user::Column::Version,
        current.user.version,
        |m| m.version,
    )
    .await?;
    if let Some(ids) = &project_ids {
        set_projects(&txn, id, ids).await?;
    }
    if deactivating {
        revoke_user_tokens(&txn, id).await?;
    }
    // Role, department, projects or deactivation: every server's user cache drops the user.
    crate::cache::changed(&txn, crate::cache::Topic::Users).await?;
    txn.commit().await?;
    // Read back without the visibility rule: a manager who just dropped the user from their
    // last shared project gets the answer to their edit, not a 404.
    let user = user::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(StoreError::NotFound)?;
    Ok(UserWithProjects {
        project_ids: project_ids_of(db, id).await?,
        user: user.into(),
    })
}

pub async fn list(db: &impl ConnectionTrait, actor: &Actor, query: ListUsers) -> StoreResult<Page<UserWithProjects>> {
    let limit = page::limit(query.limit)?;
    let mut select = user::Entity::find()
        .order_by_asc(user::Column::Id)
        .filter(user::Column::Role.ne(Role::Resident.as_str()));
    if let Some(ids) = actor.project_filter() {
        let members = user_project::Entity::find()
            .select_only()
            .column(user_project::Column::UserId)
            .filter(user_project::Column::ProjectId.is_in(ids.to_vec()))
            .into_query();
        select = select.filter(
            Condition::any()
                .add(user::Column::Id.in_subquery(members))
                .add(user::Column::Id.eq(actor.user_id)),
        );
    }
    if let Some(project_id) = query.project_id {
        let members = user_project::Entity::find()
            .select_only()
            .column(user_project::Column::UserId)
            .filter(user_project::Column::ProjectId.eq(project_id))
            .into_query();
        select = select.filter(user::Column::Id.in_subquery(members));
    }
    if let Some(role) = query.role {
        select = select.filter(user::Column::Role.eq(role.as_str()));
    }
    if let Some(d) = query.department_id {
        select = select.filter(user::Column::DepartmentId.eq(d));
    }
    if let Some(active) = query.active {
        select = select.filter(user::Column::Active.eq(active));
    }
    if let Some(q) = query.q.as_deref().map(str::trim).filter(|q| !q.is_empty()) {
        let pattern = format!("%{}%", q.to_lowercase());
        select = select.filter(
            Condition::any()
                .add(Expr::expr(Func::lower(Expr::col(user::Column::Username))).like(pattern.clone()))
                .add(Expr::expr(Func::lower(Expr::col(user::Column::DisplayName))).like(pattern)),
        );
    }
    if let Some(cursor) = &query.cursor {
        select = select.filter(user::Column::Id.gt(page::decode_uuid(cursor)?));
    }
    let rows = select.limit(limit + 1).all(db).await?;
    let page = page::finish(rows, limit, |r| r.id.to_string());
    // One query for the whole page's memberships, not one per user.
    let user_ids: Vec<Uuid> = page.items.iter().map(|u| u.id).collect();
    let memberships: Vec<(Uuid, Uuid)> = user_project::Entity::find()
        .select_only()
        .column(user_project::Column::UserId)
        .column(user_project::Column::ProjectId)
        .filter(user_project::Column::UserId.is_in(user_ids))
        .into_tuple()
        .all(db)
        .await?;
    let items = page
        .items
        .into_iter()
        .map(|user| {
            let project_ids = memberships
                .iter()
                .filter(|(u, _)| *u == user.id)
                .map(|(_, p)| *p)
                .collect();
            UserWithProjects {
                user: user.into(),
                project_ids,
            }
        })
        .collect();
    Ok(Page {
        items,
        next_cursor: page.next_cursor,
    })
}
