use actix_web::{get, patch, post, web, HttpResponse};
use huiyin_domain::permission::Permission;
use huiyin_store::org::users::{self, CreateUser, ListUsers, UpdateUser};
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

/// Staff accounts sharing a project with the caller (admins: all).
#[utoipa::path(tag = "organisation", params(ListUsers), responses((status = 200, body = UserList)), security(("bearer" = [])))]
#[get("/users")]
async fn list(state: web::Data<AppState>, user: AuthUser, query: Query<ListUsers>) -> ApiResult<HttpResponse> {
    user.require(Permission::OrgRead)?;
    let page = users::list(&state.store.db, &user, query.into_inner()).await?;
    Ok(HttpResponse::Ok().json(UserList::from(page)))
}

/// Creates a staff account (admin, manager; a manager cannot create admins).
#[utoipa::path(tag = "organisation", request_body = CreateUser, responses((status = 201, body = UserResponse),
    (status = 409, body = crate::error::Problem, content_type = "application/problem+json", description = "Username taken")), security(("bearer" = [])))]
#[post("/users")]
async fn create(state: web::Data<AppState>, user: AuthUser, Json(body): Json<CreateUser>) -> ApiResult<HttpResponse> {
    user.require(Permission::UserManage)?;
    let created = users::create(&state.store.db, &user, body).await?;
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
    let updated = users::update(&state.store.db, &user, *id, version.0, body).await?;
    let version = updated.user.version;
    Ok(ok_versioned(&UserResponse::from(updated), version))
}
