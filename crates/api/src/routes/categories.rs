//! The category tree (flat list with `parent_id`; clients build the tree).

use actix_web::{get, patch, post, web, HttpResponse};
use chrono::{DateTime, Utc};
use huiyin_domain::permission::Permission;
use huiyin_store::categories::{self, CategoryRecord};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::extract::{IfMatch, Json};
use crate::routes::{created_versioned, ok_versioned};
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list).service(create).service(update);
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CategoryResponse {
    pub id: Uuid,
    pub parent_id: Option<Uuid>,
    pub code: String,
    pub name: String,
    pub name_en: String,
    pub position: i32,
    pub active: bool,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<CategoryRecord> for CategoryResponse {
    fn from(m: CategoryRecord) -> Self {
        CategoryResponse {
            id: m.id,
            parent_id: m.parent_id,
            code: m.code,
            name: m.name,
            name_en: m.name_en,
            position: m.position,
            active: m.active,
            version: m.version,
            created_at: m.created_at,
            updated_at: m.updated_at,
        }
    }
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateCategory {
    pub parent_id: Option<Uuid>,
    /// Unique stable code, e.g. `complaint.engineering`.
    #[schema(example = "complaint.noise")]
    pub code: String,
    #[schema(example = "噪音投诉")]
    pub name: String,
    #[schema(example = "Noise")]
    pub name_en: String,
    #[serde(default)]
    pub position: i32,
}

impl From<CreateCategory> for categories::CreateCategory {
    fn from(b: CreateCategory) -> Self {
        categories::CreateCategory {
            parent_id: b.parent_id,
            code: b.code,
            name: b.name,
            name_en: b.name_en,
            position: b.position,
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateCategory {
    pub name: Option<String>,
    pub name_en: Option<String>,
    pub position: Option<i32>,
    /// Inactive categories stay on old cases but are not offered for new ones.
    pub active: Option<bool>,
}

impl From<UpdateCategory> for categories::UpdateCategory {
    fn from(b: UpdateCategory) -> Self {
        categories::UpdateCategory {
            name: b.name,
            name_en: b.name_en,
            position: b.position,
            active: b.active,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CategoryList {
    pub items: Vec<CategoryResponse>,
}

/// Every category, ordered by position.
#[utoipa::path(tag = "cases", responses((status = 200, body = CategoryList)), security(("bearer" = [])))]
#[get("/categories")]
async fn list(state: web::Data<AppState>, user: AuthUser) -> ApiResult<HttpResponse> {
    user.require(Permission::CategoryRead)?;
    let items = categories::all(&state.store.db)
        .await?
        .into_iter()
        .map(CategoryResponse::from)
        .collect();
    Ok(HttpResponse::Ok().json(CategoryList { items }))
}

#[utoipa::path(tag = "cases", request_body = CreateCategory, responses((status = 201, body = CategoryResponse),
    (status = 409, body = crate::error::Problem, content_type = "application/problem+json")), security(("bearer" = [])))]
#[post("/categories")]
async fn create(
    state: web::Data<AppState>,
    user: AuthUser,
    Json(body): Json<CreateCategory>,
) -> ApiResult<HttpResponse> {
    user.require(Permission::CategoryManage)?;
    let created = categories::create(&state.store.db, body.into()).await?;
    Ok(created_versioned(
        &CategoryResponse::from(created.clone()),
        created.version,
    ))
}

#[utoipa::path(tag = "cases", request_body = UpdateCategory, params(("If-Match" = String, Header, description = "The version you last read")),
    responses((status = 200, body = CategoryResponse),
        (status = 412, body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 428, body = crate::error::Problem, content_type = "application/problem+json")), security(("bearer" = [])))]
#[patch("/categories/{id}")]
async fn update(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
    version: IfMatch,
    Json(body): Json<UpdateCategory>,
) -> ApiResult<HttpResponse> {
    user.require(Permission::CategoryManage)?;
    let updated = categories::update(&state.store.db, *id, version.0, body.into()).await?;
    Ok(ok_versioned(&CategoryResponse::from(updated.clone()), updated.version))
}
