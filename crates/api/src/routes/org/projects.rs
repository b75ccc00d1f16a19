use actix_web::{get, patch, post, web, HttpResponse};
use chrono::{DateTime, Utc};
use huiyin_domain::permission::Permission;
use huiyin_store::org::projects::{self, ProjectRecord};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::extract::{IfMatch, Json, Query};
use crate::page::PageQuery;
use crate::routes::{created_versioned, ok_versioned};
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list).service(create).service(get_one).service(update);
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ProjectResponse {
    pub id: Uuid,
    pub name: String,
    pub code: String,
    pub address: String,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<ProjectRecord> for ProjectResponse {
    fn from(m: ProjectRecord) -> Self {
        ProjectResponse {
            id: m.id,
            name: m.name,
            code: m.code,
            address: m.address,
            version: m.version,
            created_at: m.created_at,
            updated_at: m.updated_at,
        }
    }
}

crate::list_response!(ProjectList, ProjectResponse);

/// A project (项目 / 小区): one managed estate.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateProject {
    #[schema(example = "翠湖花园")]
    pub name: String,
    /// Short unique code, used in imports and reports.
    #[schema(example = "CHHY")]
    pub code: String,
    #[schema(example = "深圳市南山区翠湖路 88 号")]
    pub address: String,
}

impl From<CreateProject> for projects::CreateProject {
    fn from(b: CreateProject) -> Self {
        projects::CreateProject {
            name: b.name,
            code: b.code,
            address: b.address,
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateProject {
    pub name: Option<String>,
    pub code: Option<String>,
    pub address: Option<String>,
}

impl From<UpdateProject> for projects::UpdateProject {
    fn from(b: UpdateProject) -> Self {
        projects::UpdateProject {
            name: b.name,
            code: b.code,
            address: b.address,
        }
    }
}

/// Projects the caller belongs to (admins: all).
#[utoipa::path(tag = "organisation", params(PageQuery), responses((status = 200, body = ProjectList)), security(("bearer" = [])))]
#[get("/projects")]
async fn list(state: web::Data<AppState>, user: AuthUser, query: Query<PageQuery>) -> ApiResult<HttpResponse> {
    user.require(Permission::OrgRead)?;
    let page = projects::list(&state.store.db, &user, query.limit, query.cursor.as_deref()).await?;
    Ok(HttpResponse::Ok().json(ProjectList::from(page)))
}

/// Creates a project (admin, manager).
#[utoipa::path(tag = "organisation", request_body = CreateProject, responses((status = 201, body = ProjectResponse),
    (status = 409, body = crate::error::Problem, content_type = "application/problem+json", description = "Code already used")), security(("bearer" = [])))]
#[post("/projects")]
async fn create(
    state: web::Data<AppState>,
    user: AuthUser,
    Json(body): Json<CreateProject>,
) -> ApiResult<HttpResponse> {
    user.require(Permission::OrgManage)?;
    let created = projects::create(&state.store.db, body.into()).await?;
    // A manager who creates a project must be able to see it.
    if !user.sees_project(created.id) {
        huiyin_store::org::users::add_project(&state.store.db, user.user_id, created.id).await?;
    }
    Ok(created_versioned(
        &ProjectResponse::from(created.clone()),
        created.version,
    ))
}

#[utoipa::path(tag = "organisation", responses((status = 200, body = ProjectResponse)), security(("bearer" = [])))]
#[get("/projects/{id}")]
async fn get_one(state: web::Data<AppState>, user: AuthUser, id: web::Path<Uuid>) -> ApiResult<HttpResponse> {
    user.require(Permission::OrgRead)?;
    let found = projects::get(&state.store.db, &user, *id).await?;
    Ok(ok_versioned(&ProjectResponse::from(found.clone()), found.version))
}

/// Changes a project; send `If-Match` with the version you read.
#[utoipa::path(tag = "organisation", request_body = UpdateProject, params(("If-Match" = String, Header, description = "The version you last read, e.g. \"3\"")),
    responses((status = 200, body = ProjectResponse),
        (status = 409, body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 412, body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 428, body = crate::error::Problem, content_type = "application/problem+json")), security(("bearer" = [])))]
#[patch("/projects/{id}")]
async fn update(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
    version: IfMatch,
    Json(body): Json<UpdateProject>,
) -> ApiResult<HttpResponse> {
    user.require(Permission::OrgManage)?;
    let updated = projects::update(&state.store.db, &user, *id, version.0, body.into()).await?;
    Ok(ok_versioned(&ProjectResponse::from(updated.clone()), updated.version))
}
