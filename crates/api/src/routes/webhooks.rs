//! Webhook subscriptions (admin, or an API key with `webhooks:manage`): signed deliveries of
//! case and warning events, retried with backoff, logged and redeliverable. A key restricted to
//! a project sees and manages only that project's subscriptions, which receive only that
//! project's events; targets on internal addresses are refused (`url`, and "refused: private
//! address" in the delivery log when a name resolves to one later).

use actix_web::{delete, get, patch, post, web, HttpResponse};
use huiyin_domain::api_key::ApiScope;
use huiyin_domain::permission::Permission;
use huiyin_store::webhooks::{self, CreateWebhook, DeliveryQuery, DeliveryView, UpdateWebhook, WebhookView};
use serde::Serialize;
use utoipa::ToSchema;
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
        .iter()
        .map(|w| webhooks::view(w, false))
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
    let saved = webhooks::create(&state.store.db, owner.as_deref(), body, allowed).await?;
    Ok(created_versioned(&webhooks::view(&saved, true), saved.version))
}

#[utoipa::path(tag = "webhooks", responses((status = 200, body = WebhookView)), security(("bearer" = []), ("api_key" = [])))]
#[get("/webhooks/{id}")]
async fn get_one(state: web::Data<AppState>, caller: Caller, id: web::Path<Uuid>) -> ApiResult<HttpResponse> {
    let owner = require(&caller)?;
    let found = webhooks::find(&state.store.db, owner.as_deref(), *id).await?;
    Ok(ok_versioned(&webhooks::view(&found, false), found.version))
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
    let saved = webhooks::update(&state.store.db, owner.as_deref(), *id, version.0, body, allowed).await?;
    Ok(ok_versioned(&webhooks::view(&saved, new_secret), saved.version))
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
    Ok(HttpResponse::Accepted().json(redelivered))
}
