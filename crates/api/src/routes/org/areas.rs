use actix_web::{get, patch, post, web, HttpResponse};
use chrono::{DateTime, Utc};
use huiyin_domain::permission::Permission;
use huiyin_store::org::areas::{self, AreaRecord};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::extract::{IfMatch, Json, Query};
use crate::routes::{created_versioned, ok_versioned};
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list).service(create).service(get_one).service(update);
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AreaResponse {
    pub id: Uuid,
    pub project_id: Uuid,
    pub name: String,
    pub code: Option<String>,
    pub steward_id: Option<Uuid>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<AreaRecord> for AreaResponse {
    fn from(m: AreaRecord) -> Self {
        AreaResponse {
            id: m.id,
            project_id: m.project_id,
            name: m.name,
            code: m.code,
            steward_id: m.steward_id,
            version: m.version,
            created_at: m.created_at,
            updated_at: m.updated_at,
        }
    }
}

crate::list_response!(AreaList, AreaResponse);

/// An area (片区) of a project, owned by a steward (管家).
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateArea {
    pub project_id: Uuid,
    #[schema(example = "一片区")]
    pub name: String,
    /// Optional short code, used by the property CSV import.
    #[schema(example = "A1")]
    pub code: Option<String>,
    pub steward_id: Option<Uuid>,
}

impl From<CreateArea> for areas::CreateArea {
    fn from(b: CreateArea) -> Self {
        areas::CreateArea {
            project_id: b.project_id,
            name: b.name,
            code: b.code,
            steward_id: b.steward_id,
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateArea {
    pub name: Option<String>,
    pub code: Option<String>,
    pub steward_id: Option<Uuid>,
}

impl From<UpdateArea> for areas::UpdateArea {
    fn from(b: UpdateArea) -> Self {
        areas::UpdateArea {
            name: b.name,
            code: b.code,
            steward_id: b.steward_id,
        }
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ListAreas {
    pub project_id: Option<Uuid>,
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<u64>,
    pub cursor: Option<String>,
}

#[utoipa::path(tag = "organisation", params(ListAreas), responses((status = 200, body = AreaList)), security(("bearer" = [])))]
#[get("/areas")]
async fn list(state: web::Data<AppState>, user: AuthUser, query: Query<ListAreas>) -> ApiResult<HttpResponse> {
    user.require(Permission::OrgRead)?;
    let page = areas::list(
        &state.store.db,
        &user,
        query.project_id,
        query.limit,
        query.cursor.as_deref(),
    )
    .await?;
    Ok(HttpResponse::Ok().json(AreaList::from(page)))
}

#[utoipa::path(tag = "organisation", request_body = CreateArea, responses((status = 201, body = AreaResponse),
    (status = 409, body = crate::error::Problem, content_type = "application/problem+json")), security(("bearer" = [])))]
#[post("/areas")]
async fn create(state: web::Data<AppState>, user: AuthUser, Json(body): Json<CreateArea>) -> ApiResult<HttpResponse> {
    user.require(Permission::OrgManage)?;
    let created = areas::create(&state.store.db, &user, body.into()).await?;
    Ok(created_versioned(&AreaResponse::from(created.clone()), created.version))
}

#[utoipa::path(tag = "organisation", responses((status = 200, body = AreaResponse)), security(("bearer" = [])))]
#[get("/areas/{id}")]
async fn get_one(state: web::Data<AppState>, user: AuthUser, id: web::Path<Uuid>) -> ApiResult<HttpResponse> {
    user.require(Permission::OrgRead)?;
    let found = areas::get(&state.store.db, &user, *id).await?;
    Ok(ok_versioned(&AreaResponse::from(found.clone()), found.version))
}

#[utoipa::path(tag = "organisation", request_body = UpdateArea, params(("If-Match" = String, Header, description = "The version you last read")),
    responses((status = 200, body = AreaResponse),
        (status = 409, body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 412, body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 428, body = crate::error::Problem, content_type = "application/problem+json")), security(("bearer" = [])))]
#[patch("/areas/{id}")]
async fn update(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
    version: IfMatch,
    Json(body): Json<UpdateArea>,
) -> ApiResult<HttpResponse> {
    user.require(Permission::OrgManage)?;
    let updated = areas::update(&state.store.db, &user, *id, version.0, body.into()).await?;
    Ok(ok_versioned(&AreaResponse::from(updated.clone()), updated.version))
}
