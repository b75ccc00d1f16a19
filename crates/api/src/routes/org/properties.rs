use actix_web::{get, patch, post, web, HttpRequest, HttpResponse};
use chrono::{DateTime, Utc};
use futures_util::StreamExt;
use huiyin_domain::permission::Permission;
use huiyin_store::org::import::import_properties;
use huiyin_store::org::properties::{self, PropertyRecord};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use crate::auth::AuthUser;
use crate::error::{ApiError, ApiResult};
use crate::extract::{IfMatch, Json, Query};
use crate::routes::{created_versioned, ok_versioned};
use crate::state::AppState;

/// Largest CSV accepted by the import (a few hundred thousand rooms).
const CSV_LIMIT: usize = 8 * 1024 * 1024;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list)
        .service(create)
        .service(import)
        .service(get_one)
        .service(update);
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PropertyResponse {
    pub id: Uuid,
    pub project_id: Uuid,
    pub area_id: Option<Uuid>,
    pub building: String,
    pub unit: String,
    pub room: String,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<PropertyRecord> for PropertyResponse {
    fn from(m: PropertyRecord) -> Self {
        PropertyResponse {
            id: m.id,
            project_id: m.project_id,
            area_id: m.area_id,
            building: m.building,
            unit: m.unit,
            room: m.room,
            version: m.version,
            created_at: m.created_at,
            updated_at: m.updated_at,
        }
    }
}

crate::list_response!(PropertyList, PropertyResponse);

/// A property (房屋): building 栋, unit 单元, room 户.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateProperty {
    pub project_id: Uuid,
    pub area_id: Option<Uuid>,
    #[schema(example = "3栋")]
    pub building: String,
    #[schema(example = "2单元")]
    pub unit: String,
    #[schema(example = "1201")]
    pub room: String,
}

impl From<CreateProperty> for properties::CreateProperty {
    fn from(b: CreateProperty) -> Self {
        properties::CreateProperty {
            project_id: b.project_id,
            area_id: b.area_id,
            building: b.building,
            unit: b.unit,
            room: b.room,
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateProperty {
    pub area_id: Option<Uuid>,
    pub building: Option<String>,
    pub unit: Option<String>,
    pub room: Option<String>,
}

impl From<UpdateProperty> for properties::UpdateProperty {
    fn from(b: UpdateProperty) -> Self {
        properties::UpdateProperty {
            area_id: b.area_id,
            building: b.building,
            unit: b.unit,
            room: b.room,
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ListProperties {
    pub project_id: Option<Uuid>,
    pub area_id: Option<Uuid>,
    pub building: Option<String>,
    /// Matches building, unit or room.
    pub q: Option<String>,
    /// 1..=200, default 50.
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<u64>,
    pub cursor: Option<String>,
}

impl From<ListProperties> for properties::ListProperties {
    fn from(q: ListProperties) -> Self {
        properties::ListProperties {
            project_id: q.project_id,
            area_id: q.area_id,
            building: q.building,
            q: q.q,
            limit: q.limit,
            cursor: q.cursor,
        }
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ImportQuery {
    pub project_id: Uuid,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ImportResponse {
    /// Properties created.
    pub created: u64,
}

#[utoipa::path(tag = "organisation", params(ListProperties), responses((status = 200, body = PropertyList)), security(("bearer" = [])))]
#[get("/properties")]
async fn list(state: web::Data<AppState>, user: AuthUser, query: Query<ListProperties>) -> ApiResult<HttpResponse> {
    user.require(Permission::OrgRead)?;
    let page = properties::list(&state.store.db, &user, query.into_inner().into()).await?;
    Ok(HttpResponse::Ok().json(PropertyList::from(page)))
}

#[utoipa::path(tag = "organisation", request_body = CreateProperty, responses((status = 201, body = PropertyResponse),
    (status = 409, body = crate::error::Problem, content_type = "application/problem+json")), security(("bearer" = [])))]
#[post("/properties")]
async fn create(
    state: web::Data<AppState>,
    user: AuthUser,
    Json(body): Json<CreateProperty>,
) -> ApiResult<HttpResponse> {
    user.require(Permission::OrgManage)?;
    let created = properties::create(&state.store.db, &user, body.into()).await?;
    Ok(created_versioned(
        &PropertyResponse::from(created.clone()),
        created.version,
    ))
}

/// Imports properties from CSV (`text/csv`, UTF-8): `building,unit,room[,area_code]`, one per line,
/// optional header. Either every row is imported or none: bad rows are reported by line number
/// in `errors` (e.g. `"line 7": ["room must be 1 to 50 characters"]`).
#[utoipa::path(tag = "organisation", params(ImportQuery),
    request_body(content = String, content_type = "text/csv", example = "building,unit,room,area_code\n1栋,1单元,101,A1\n1栋,1单元,102,A1"),
    responses((status = 201, body = ImportResponse),
        (status = 413, body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 415, body = crate::error::Problem, content_type = "application/problem+json")), security(("bearer" = [])))]
#[post("/properties/import")]
async fn import(
    req: HttpRequest,
    state: web::Data<AppState>,
    user: AuthUser,
    query: Query<ImportQuery>,
    mut payload: web::Payload,
) -> ApiResult<HttpResponse> {
    user.require(Permission::OrgManage)?;
    let content_type = req
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_ascii_lowercase();
    if !(content_type.starts_with("text/csv") || content_type.starts_with("text/plain")) {
        return Err(ApiError::UnsupportedMediaType(
            "send the file as Content-Type: text/csv".into(),
        ));
    }
    let mut body = web::BytesMut::new();
    while let Some(chunk) = payload.next().await {
        let chunk =
            chunk.map_err(|e| ApiError::field(actix_web::http::StatusCode::BAD_REQUEST, "body", e.to_string()))?;
        if body.len() + chunk.len() > CSV_LIMIT {
            return Err(ApiError::PayloadTooLarge(format!(
                "CSV files are limited to {} MiB",
                CSV_LIMIT / 1024 / 1024
            )));
        }
        body.extend_from_slice(&chunk);
    }
    let text = String::from_utf8(body.to_vec()).map_err(|_| ApiError::invalid("file", "must be UTF-8 text"))?;
    let created = import_properties(&state.store.db, &user, query.project_id, &text).await?;
    Ok(HttpResponse::Created().json(ImportResponse { created }))
}

#[utoipa::path(tag = "organisation", responses((status = 200, body = PropertyResponse)), security(("bearer" = [])))]
#[get("/properties/{id}")]
async fn get_one(state: web::Data<AppState>, user: AuthUser, id: web::Path<Uuid>) -> ApiResult<HttpResponse> {
    user.require(Permission::OrgRead)?;
    let found = properties::get(&state.store.db, &user, *id).await?;
    Ok(ok_versioned(&PropertyResponse::from(found.clone()), found.version))
}

#[utoipa::path(tag = "organisation", request_body = UpdateProperty, params(("If-Match" = String, Header, description = "The version you last read")),
    responses((status = 200, body = PropertyResponse),
        (status = 409, body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 412, body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 428, body = crate::error::Problem, content_type = "application/problem+json")), security(("bearer" = [])))]
#[patch("/properties/{id}")]
async fn update(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
    version: IfMatch,
    Json(body): Json<UpdateProperty>,
) -> ApiResult<HttpResponse> {
    user.require(Permission::OrgManage)?;
    let updated = properties::update(&state.store.db, &user, *id, version.0, body.into()).await?;
    Ok(ok_versioned(&PropertyResponse::from(updated.clone()), updated.version))
}
