use actix_web::{get, patch, post, web, HttpResponse};
use chrono::{DateTime, Utc};
use huiyin_domain::permission::Permission;
use huiyin_store::org::departments::{self, DepartmentRecord};
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
pub struct DepartmentResponse {
    pub id: Uuid,
    pub name: String,
    pub kind: String,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<DepartmentRecord> for DepartmentResponse {
    fn from(m: DepartmentRecord) -> Self {
        DepartmentResponse {
            id: m.id,
            name: m.name,
            kind: m.kind,
            version: m.version,
            created_at: m.created_at,
            updated_at: m.updated_at,
        }
    }
}

crate::list_response!(DepartmentList, DepartmentResponse);

/// A responsible department (责任部门) receiving work orders.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateDepartment {
    #[schema(example = "工程部")]
    pub name: String,
    /// What the department does, e.g. `customer_service`, `engineering`, `security`, `cleaning`, `greening`, `design`.
    #[schema(example = "engineering")]
    pub kind: String,
}

impl From<CreateDepartment> for departments::CreateDepartment {
    fn from(b: CreateDepartment) -> Self {
        departments::CreateDepartment {
            name: b.name,
            kind: b.kind,
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateDepartment {
    pub name: Option<String>,
    pub kind: Option<String>,
}

impl From<UpdateDepartment> for departments::UpdateDepartment {
    fn from(b: UpdateDepartment) -> Self {
        departments::UpdateDepartment {
            name: b.name,
            kind: b.kind,
        }
    }
}

#[utoipa::path(tag = "organisation", params(PageQuery), responses((status = 200, body = DepartmentList)), security(("bearer" = [])))]
#[get("/departments")]
async fn list(state: web::Data<AppState>, user: AuthUser, query: Query<PageQuery>) -> ApiResult<HttpResponse> {
    user.require(Permission::OrgRead)?;
    let page = departments::list(&state.store.db, query.limit, query.cursor.as_deref()).await?;
    Ok(HttpResponse::Ok().json(DepartmentList::from(page)))
}

#[utoipa::path(tag = "organisation", request_body = CreateDepartment, responses((status = 201, body = DepartmentResponse),
    (status = 409, body = crate::error::Problem, content_type = "application/problem+json")), security(("bearer" = [])))]
#[post("/departments")]
async fn create(
    state: web::Data<AppState>,
    user: AuthUser,
    Json(body): Json<CreateDepartment>,
) -> ApiResult<HttpResponse> {
    user.require(Permission::OrgManage)?;
    let created = departments::create(&state.store.db, body.into()).await?;
    Ok(created_versioned(
        &DepartmentResponse::from(created.clone()),
        created.version,
    ))
}

#[utoipa::path(tag = "organisation", responses((status = 200, body = DepartmentResponse)), security(("bearer" = [])))]
#[get("/departments/{id}")]
async fn get_one(state: web::Data<AppState>, user: AuthUser, id: web::Path<Uuid>) -> ApiResult<HttpResponse> {
    user.require(Permission::OrgRead)?;
    let found = departments::get(&state.store.db, *id).await?;
    Ok(ok_versioned(&DepartmentResponse::from(found.clone()), found.version))
}

#[utoipa::path(tag = "organisation", request_body = UpdateDepartment, params(("If-Match" = String, Header, description = "The version you last read")),
    responses((status = 200, body = DepartmentResponse),
        (status = 409, body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 412, body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 428, body = crate::error::Problem, content_type = "application/problem+json")), security(("bearer" = [])))]
#[patch("/departments/{id}")]
async fn update(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
    version: IfMatch,
    Json(body): Json<UpdateDepartment>,
) -> ApiResult<HttpResponse> {
    user.require(Permission::OrgManage)?;
    let updated = departments::update(&state.store.db, *id, version.0, body.into()).await?;
    Ok(ok_versioned(
        &DepartmentResponse::from(updated.clone()),
        updated.version,
    ))
}
