//! Webhook subscriptions (admin, or an API key with `webhooks:manage`): signed deliveries of
//! case and warning events, retried with backoff, logged and redeliverable. A key restricted to
//! a project sees and manages only that project's subscriptions, which receive only that
//! project's events; targets on internal addresses are refused (`url`, and "refused: private
//! address" in the delivery log when a name resolves to one later).

use actix_web::{delete, get, patch, post, web, HttpResponse};
use chrono::{DateTime, Utc};
use huiyin_domain::api_key::ApiScope;
use huiyin_domain::permission::Permission;
use huiyin_domain::webhook::WebhookEvent;
use huiyin_store::webhooks::{self, DeliveryRecord, WebhookRecord};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use super::{created_versioned, ok_versioned};
use crate::auth::caller::Caller;
use crate::error::ApiResult;
use crate::extract::{IfMatch, Json, Query};
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list)
        .service(create)
        .service(get_one)
        .service(update)
        .service(remove)
        .service(deliveries)
        .service(redeliver);
}

/// Checks the permission and returns whose subscriptions the caller manages (`None`: all).
fn require(caller: &Caller) -> ApiResult<Option<Vec<Uuid>>> {
    caller.require(Permission::WebhookManage, ApiScope::WebhooksManage)?;
    Ok(caller.allowed_projects())
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateWebhook {
    #[schema(example = "工单系统同步")]
    pub name: String,
    /// Where deliveries are POSTed: an http(s) URL.
    #[schema(example = "https://hooks.example.com/huiyin")]
    pub url: String,
    #[schema(min_items = 1)]
    pub events: Vec<WebhookEvent>,
    /// The HMAC signing secret (at least 16 characters); generated when omitted.
    pub secret: Option<String>,
    /// The project whose events the subscription receives; omit for every project
    /// (company-wide, administrators and unrestricted API keys only). A project-restricted key
    /// may omit it: the subscription then belongs to its project.
    pub project_id: Option<Uuid>,
}

impl From<CreateWebhook> for webhooks::CreateWebhook {
    fn from(b: CreateWebhook) -> Self {
        webhooks::CreateWebhook {
            name: b.name,
            url: b.url,
            events: b.events,
            secret: b.secret,
            project_id: b.project_id,
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateWebhook {
    pub name: Option<String>,
    pub url: Option<String>,
    pub events: Option<Vec<WebhookEvent>>,
    pub active: Option<bool>,
    /// A new signing secret (at least 16 characters).
    pub secret: Option<String>,
}

impl From<UpdateWebhook> for webhooks::UpdateWebhook {
    fn from(b: UpdateWebhook) -> Self {
        webhooks::UpdateWebhook {
            name: b.name,
            url: b.url,
            events: b.events,
            active: b.active,
            secret: b.secret,
        }
    }
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct WebhookView {
    pub id: Uuid,
    pub name: String,
    pub url: String,
    pub events: Vec<WebhookEvent>,
    pub active: bool,
    /// The project whose events it receives; `null` for company-wide.
    pub project_id: Option<Uuid>,
    /// The signing secret: shown in full only in the create response, masked elsewhere.
    #[schema(example = "whsec_••••3f9a")]
    pub secret: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub version: i32,
}

impl WebhookView {
    /// The subscription as answered; `reveal_secret` only when the caller just chose or got the secret.
    fn of(r: WebhookRecord, reveal_secret: bool) -> Self {
        let r = if reveal_secret { r } else { r.masked() };
        WebhookView {
            id: r.id,
            name: r.name,
            url: r.url,
            events: r.events,
            active: r.active,
            project_id: r.project_id,
            secret: r.secret,
            created_at: r.created_at,
            updated_at: r.updated_at,
            version: r.version,
        }
    }
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DeliveryView {
    pub id: Uuid,
    pub webhook_id: Uuid,
    pub event: WebhookEvent,
    /// `pending`, `retrying`, `succeeded` or `failed` (no attempts left).
    #[schema(example = "succeeded")]
    pub status: String,
    pub attempts: i32,
    /// The receiver's HTTP status of the last attempt.
    pub response_status: Option<i32>,
    pub error: Option<String>,
    pub payload: serde_json::Value,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub delivered_at: Option<DateTime<Utc>>,
}

impl From<DeliveryRecord> for DeliveryView {
    fn from(d: DeliveryRecord) -> Self {
        DeliveryView {
            id: d.id,
            webhook_id: d.webhook_id,
            event: d.event,
            status: d.status.as_str().to_owned(),
            attempts: d.attempts,
            response_status: d.response_status,
            error: d.error,
            payload: d.payload,
            created_at: d.created_at,
            updated_at: d.updated_at,
            delivered_at: d.delivered_at,
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct DeliveryQuery {
    /// 1–200, default 50.
    pub limit: Option<u64>,
    pub cursor: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct WebhookList {
    pub items: Vec<WebhookView>,
}

crate::list_response!(DeliveryList, DeliveryView);

#[utoipa::path(tag = "webhooks", responses((status = 200, body = WebhookList)), security(("bearer" = []), ("api_key" = [])))]
#[get("/webhooks")]
async fn list(state: web::Data<AppState>, caller: Caller) -> ApiResult<HttpResponse> {
    let owner = require(&caller)?;
    let items = webhooks::list(&state.store.db, owner.as_deref())
        .await?
        .into_iter()
        .map(|w| WebhookView::of(w, false))
        .collect();
    Ok(HttpResponse::Ok().json(WebhookList { items }))
}

/// Subscribes a URL to events. Each delivery is a POST of JSON with headers
/// `X-Huiyin-Event`, `X-Huiyin-Delivery`, `X-Huiyin-Timestamp` (Unix seconds) and
/// `X-Huiyin-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>" with the secret>`.
/// The answer carries the secret in full, this once.
#[utoipa::path(tag = "webhooks", request_body = CreateWebhook, responses((status = 201, body = WebhookView)), security(("bearer" = []), ("api_key" = [])))]
#[post("/webhooks")]
async fn create(
    state: web::Data<AppState>,
    caller: Caller,
    Json(body): Json<CreateWebhook>,
) -> ApiResult<HttpResponse> {
    let owner = require(&caller)?;
    let allowed = &state.config.webhook_allowed_networks;
    let saved = webhooks::create(&state.store.db, owner.as_deref(), body.into(), allowed).await?;
    let version = saved.version;
    Ok(created_versioned(&WebhookView::of(saved, true), version))
}

#[utoipa::path(tag = "webhooks", responses((status = 200, body = WebhookView)), security(("bearer" = []), ("api_key" = [])))]
#[get("/webhooks/{id}")]
async fn get_one(state: web::Data<AppState>, caller: Caller, id: web::Path<Uuid>) -> ApiResult<HttpResponse> {
    let owner = require(&caller)?;
    let found = webhooks::find(&state.store.db, owner.as_deref(), *id).await?;
    let version = found.version;
    Ok(ok_versioned(&WebhookView::of(found, false), version))
}

/// Changes name, URL, events, active flag or secret.
#[utoipa::path(tag = "webhooks", request_body = UpdateWebhook,
    params(("If-Match" = String, Header, description = "The subscription version you last read")),
    responses((status = 200, body = WebhookView)), security(("bearer" = []), ("api_key" = [])))]
#[patch("/webhooks/{id}")]
async fn update(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    version: IfMatch,
    Json(body): Json<UpdateWebhook>,
) -> ApiResult<HttpResponse> {
    let owner = require(&caller)?;
    let new_secret = body.secret.is_some();
    let allowed = &state.config.webhook_allowed_networks;
    let saved = webhooks::update(&state.store.db, owner.as_deref(), *id, version.0, body.into(), allowed).await?;
    let version = saved.version;
    Ok(ok_versioned(&WebhookView::of(saved, new_secret), version))
}

#[utoipa::path(tag = "webhooks", responses((status = 204)), security(("bearer" = []), ("api_key" = [])))]
#[delete("/webhooks/{id}")]
async fn remove(state: web::Data<AppState>, caller: Caller, id: web::Path<Uuid>) -> ApiResult<HttpResponse> {
    let owner = require(&caller)?;
    webhooks::delete(&state.store.db, owner.as_deref(), *id).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// The delivery log, newest first: status, attempts, the receiver's last HTTP status.
#[utoipa::path(tag = "webhooks", params(DeliveryQuery), responses((status = 200, body = DeliveryList)), security(("bearer" = []), ("api_key" = [])))]
#[get("/webhooks/{id}/deliveries")]
async fn deliveries(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    query: Query<DeliveryQuery>,
) -> ApiResult<HttpResponse> {
    let owner = require(&caller)?;
    let query = webhooks::DeliveryQuery {
        limit: query.limit,
        cursor: query.into_inner().cursor,
    };
    let page = webhooks::deliveries(&state.store.db, owner.as_deref(), *id, &query).await?;
    Ok(HttpResponse::Ok().json(DeliveryList::from(page)))
}

/// Sends a delivery again (as a new delivery with the same event and data).
#[utoipa::path(tag = "webhooks", responses((status = 202, body = DeliveryView)), security(("bearer" = []), ("api_key" = [])))]
#[post("/webhooks/{id}/deliveries/{delivery_id}/redeliver")]
async fn redeliver(
    state: web::Data<AppState>,
    caller: Caller,
    path: web::Path<(Uuid, Uuid)>,
) -> ApiResult<HttpResponse> {
    let owner = require(&caller)?;
    let (id, delivery_id) = path.into_inner();
    let redelivered = webhooks::redeliver(&state.store.db, owner.as_deref(), id, delivery_id).await?;
    Ok(HttpResponse::Accepted().json(DeliveryView::from(redelivered)))
}
