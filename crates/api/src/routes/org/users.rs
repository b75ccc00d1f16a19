use actix_web::{get, patch, post, web, HttpResponse};
use huiyin_domain::permission::Permission;
use huiyin_domain::role::Role;
use huiyin_store::org::users;
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::extract::{IfMatch, Json, Query};
use crate::routes::auth::UserResponse;
use crate::routes::{created_versioned, ok_versioned};
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list).service(create).service(get_one).service(update);
}

crate::list_response!(UserList, UserResponse);

/// A staff account.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateUser {
    /// 3–32 characters: lower-case letters, digits, `.`, `_`, `-`.
    #[schema(example = "zhang.wei")]
    pub username: String,
    /// At least 10 characters with letters and digits, not one of the most common passwords.
    #[schema(example = "Huiyin2026")]
    pub password: String,
    #[schema(example = "张伟")]
    pub display_name: String,
    pub role: Role,
    #[schema(example = "13800138000")]
    pub phone: Option<String>,
    pub department_id: Option<Uuid>,
    #[serde(default)]
    pub project_ids: Vec<Uuid>,
}

impl From<CreateUser> for users::CreateUser {
    fn from(b: CreateUser) -> Self {
        users::CreateUser {
            username: b.username,
            password: b.password,
            display_name: b.display_name,
            role: b.role,
            phone: b.phone,
            department_id: b.department_id,
            project_ids: b.project_ids,
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateUser {
    pub display_name: Option<String>,
    pub role: Option<Role>,
    pub phone: Option<String>,
    pub department_id: Option<Uuid>,
    pub project_ids: Option<Vec<Uuid>>,
    /// `false` deactivates the account and revokes its tokens.
    pub active: Option<bool>,
}

impl From<UpdateUser> for users::UpdateUser {
    fn from(b: UpdateUser) -> Self {
        users::UpdateUser {
            display_name: b.display_name,
            role: b.role,
            phone: b.phone,
            department_id: b.department_id,
            project_ids: b.project_ids,
            active: b.active,
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ListUsers {
    pub role: Option<Role>,
    pub department_id: Option<Uuid>,
    pub project_id: Option<Uuid>,
    pub active: Option<bool>,
    /// Matches username or display name.
    pub q: Option<String>,
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<u64>,
    pub cursor: Option<String>,
}

impl From<ListUsers> for users::ListUsers {
    fn from(q: ListUsers) -> Self {
        users::ListUsers {
            role: q.role,
            department_id: q.department_id,
            project_id: q.project_id,
            active: q.active,
            q: q.q,
            limit: q.limit,
            cursor: q.cursor,
        }
    }
}

/// Staff accounts sharing a project with the caller (admins: all).
#[utoipa::path(tag = "organisation", params(ListUsers), responses((status = 200, body = UserList)), security(("bearer" = [])))]
#[get("/users")]
async fn list(state: web::Data<AppState>, user: AuthUser, query: Query<ListUsers>) -> ApiResult<HttpResponse> {
    user.require(Permission::OrgRead)?;
    let page = users::list(&state.store.db, &user, query.into_inner().into()).await?;
    Ok(HttpResponse::Ok().json(UserList::from(page)))
}

/// Creates a staff account (admin, manager; a manager cannot create admins).
#[utoipa::path(tag = "organisation", request_body = CreateUser, responses((status = 201, body = UserResponse),
    (status = 409, body = crate::error::Problem, content_type = "application/problem+json", description = "Username taken")), security(("bearer" = [])))]
#[post("/users")]
async fn create(state: web::Data<AppState>, user: AuthUser, Json(body): Json<CreateUser>) -> ApiResult<HttpResponse> {
    user.require(Permission::UserManage)?;
    let created = users::create(&state.store.db, &user, body.into()).await?;
    let version = created.user.version;
    Ok(created_versioned(&UserResponse::from(created), version))
}

#[utoipa::path(tag = "organisation", responses((status = 200, body = UserResponse)), security(("bearer" = [])))]
#[get("/users/{id}")]
async fn get_one(state: web::Data<AppState>, user: AuthUser, id: web::Path<Uuid>) -> ApiResult<HttpResponse> {
    user.require(Permission::OrgRead)?;
    let found = users::get(&state.store.db, &user, *id).await?;
    let version = found.user.version;
    Ok(ok_versioned(&UserResponse::from(found), version))
}

/// Changes an account; `active: false` deactivates it and revokes its tokens at once.
#[utoipa::path(tag = "organisation", request_body = UpdateUser, params(("If-Match" = String, Header, description = "The version you last read")),
    responses((status = 200, body = UserResponse),
        (status = 412, body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 428, body = crate::error::Problem, content_type = "application/problem+json")), security(("bearer" = [])))]
#[patch("/users/{id}")]
async fn update(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
    version: IfMatch,
    Json(body): Json<UpdateUser>,
) -> ApiResult<HttpResponse> {
    user.require(Permission::UserManage)?;
    let updated = users::update(&state.store.db, &user, *id, version.0, body.into()).await?;
    let version = updated.user.version;
    Ok(ok_versioned(&UserResponse::from(updated), version))
}
