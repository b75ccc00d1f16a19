//! API keys for integrations (admin only). The secret is in the create answer once; afterwards
//! only its prefix is shown.

use actix_web::{delete, get, post, web, HttpResponse};
use chrono::{DateTime, Utc};
use huiyin_domain::api_key::ApiScope;
use huiyin_domain::permission::Permission;
use huiyin_store::api_keys::{self, ApiKeyRecord};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::extract::{Json, Query};
use crate::page::PageQuery;
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list).service(create).service(revoke);
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ApiKeyResponse {
    pub id: Uuid,
    pub name: String,
    /// The key's first characters, to recognise it.
    #[schema(example = "hy_Q3vX9aB")]
    pub prefix: String,
    pub scopes: Vec<ApiScope>,
    pub project_id: Option<Uuid>,
    pub expires_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
    pub last_used_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

impl From<ApiKeyRecord> for ApiKeyResponse {
    fn from(m: ApiKeyRecord) -> Self {
        ApiKeyResponse {
            scopes: m.scopes,
            id: m.id,
            name: m.name,
            prefix: m.prefix,
            project_id: m.project_id,
            expires_at: m.expires_at,
            revoked_at: m.revoked_at,
            last_used_at: m.last_used_at,
            created_at: m.created_at,
        }
    }
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateApiKey {
    #[schema(example = "集团BI平台")]
    pub name: String,
    #[schema(example = json!(["stats:read"]))]
    pub scopes: Vec<ApiScope>,
    /// Restrict the key to one project's data.
    pub project_id: Option<Uuid>,
    pub expires_at: Option<DateTime<Utc>>,
}

impl From<CreateApiKey> for api_keys::CreateApiKey {
    fn from(b: CreateApiKey) -> Self {
        api_keys::CreateApiKey {
            name: b.name,
            scopes: b.scopes,
            project_id: b.project_id,
            expires_at: b.expires_at,
        }
    }
}

/// The create answer: the key itself, shown this once.
#[derive(Debug, Serialize, ToSchema)]
pub struct CreatedApiKey {
    #[serde(flatten)]
    pub api_key: ApiKeyResponse,
    /// The secret. Store it now: it cannot be shown again.
    pub key: String,
}

crate::list_response!(ApiKeyList, ApiKeyResponse);

#[utoipa::path(tag = "integrations", params(PageQuery), responses((status = 200, body = ApiKeyList)), security(("bearer" = [])))]
#[get("/api-keys")]
async fn list(state: web::Data<AppState>, user: AuthUser, query: Query<PageQuery>) -> ApiResult<HttpResponse> {
    user.require(Permission::ApiKeyManage)?;
    let page = api_keys::list(&state.store.db, query.limit, query.cursor.as_deref()).await?;
    Ok(HttpResponse::Ok().json(ApiKeyList::from(page)))
}

/// Creates a key with scopes (`stats:read`, `cases:read`, `webhooks:manage`, `pii:read`), an optional
/// project restriction and expiry. Use it as `Authorization: Bearer <key>` or `X-API-Key: <key>`.
#[utoipa::path(tag = "integrations", request_body = CreateApiKey, responses((status = 201, body = CreatedApiKey)), security(("bearer" = [])))]
#[post("/api-keys")]
async fn create(state: web::Data<AppState>, user: AuthUser, Json(body): Json<CreateApiKey>) -> ApiResult<HttpResponse> {
    user.require(Permission::ApiKeyManage)?;
    let (model, key) = api_keys::create(&state.store.db, &user, body.into()).await?;
    Ok(HttpResponse::Created().json(CreatedApiKey {
        api_key: ApiKeyResponse::from(model),
        key,
    }))
}

/// Revokes a key at once (idempotent).
#[utoipa::path(tag = "integrations", responses((status = 200, body = ApiKeyResponse)), security(("bearer" = [])))]
#[delete("/api-keys/{id}")]
async fn revoke(state: web::Data<AppState>, user: AuthUser, id: web::Path<Uuid>) -> ApiResult<HttpResponse> {
    user.require(Permission::ApiKeyManage)?;
    let revoked = api_keys::revoke(&state.store.db, *id).await?;
    Ok(HttpResponse::Ok().json(ApiKeyResponse::from(revoked)))
}
