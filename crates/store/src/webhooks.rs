//! Webhook subscriptions and their deliveries. Events are written as delivery rows (and a
//! delivery job) in the same transaction as the change they report, so an acknowledged change
//! is never announced without being saved, nor saved without being announced.

use chrono::{DateTime, Utc};
use huiyin_domain::webhook::{check_url, WebhookEvent};
use rand::RngCore;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set};
use serde::{Deserialize, Serialize};
use serde_json::json;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::entity::{webhook, webhook_delivery};
use crate::page::{self, Page};
use crate::validate::required;
use crate::{jobs, new_id, now, StoreError, StoreResult};

/// The job kind that delivers one webhook delivery.
pub const DELIVER_JOB: &str = "webhook.deliver";
/// Attempts per delivery before it is given up (backoff doubles between them).
pub const MAX_ATTEMPTS: i32 = 6;

pub const PENDING: &str = "pending";
pub const SUCCEEDED: &str = "succeeded";
pub const RETRYING: &str = "retrying";
pub const FAILED: &str = "failed";

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

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct WebhookView {
    pub id: Uuid,
    pub name: String,
    pub url: String,
    pub events: Vec<WebhookEvent>,
    pub active: bool,
    /// The signing secret: shown in full only in the create response, masked elsewhere.
    #[schema(example = "whsec_••••3f9a")]
    pub secret: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub version: i32,
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

fn events_of(row: &webhook::Model) -> Vec<WebhookEvent> {
    serde_json::from_str::<Vec<String>>(&row.events)
        .unwrap_or_default()
        .iter()
        .filter_map(|e| WebhookEvent::parse(e))
        .collect()
}

fn mask(secret: &str) -> String {
    let tail: String = secret
        .chars()
        .rev()
        .take(4)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    format!("••••{tail}")
}

pub fn view(row: &webhook::Model, reveal_secret: bool) -> WebhookView {
    WebhookView {
        id: row.id,
        name: row.name.clone(),
        url: row.url.clone(),
        events: events_of(row),
        active: row.active,
        secret: if reveal_secret {
            row.secret.clone()
        } else {
            mask(&row.secret)
        },
        created_at: row.created_at,
        updated_at: row.updated_at,
        version: row.version,
    }
}

pub fn delivery_view(row: webhook_delivery::Model) -> DeliveryView {
    DeliveryView {
        id: row.id,
        webhook_id: row.webhook_id,
        event: WebhookEvent::parse(&row.event).unwrap_or(WebhookEvent::CaseCreated),
        status: row.status,
        attempts: row.attempts,
        response_status: row.response_status,
        error: row.error,
        payload: serde_json::from_str(&row.payload).unwrap_or(serde_json::Value::Null),
        created_at: row.created_at,
        updated_at: row.updated_at,
        delivered_at: row.delivered_at,
    }
}

fn checked_url(url: &str) -> StoreResult<String> {
    let url = url.trim();
    check_url(url).map_err(|m| StoreError::invalid("url", m))?;
    Ok(url.to_owned())
}

fn checked_events(events: &[WebhookEvent]) -> StoreResult<String> {
    if events.is_empty() {
        return Err(StoreError::invalid("events", "subscribe to at least one event"));
    }
    let mut names: Vec<&str> = events.iter().map(|e| e.as_str()).collect();
    names.sort_unstable();
    names.dedup();
    Ok(json!(names).to_string())
}

fn checked_secret(secret: Option<&str>) -> StoreResult<String> {
    match secret.map(str::trim) {
        Some(s) if s.chars().count() < 16 || s.len() > 200 => {
            Err(StoreError::invalid("secret", "must be 16 to 200 characters"))
        }
        Some(s) => Ok(s.to_owned()),
        None => {
            let mut bytes = [0u8; 24];
            rand::thread_rng().fill_bytes(&mut bytes);
            Ok(format!("whsec_{}", hex::encode(bytes)))
        }
    }
}

pub async fn create(db: &impl ConnectionTrait, input: CreateWebhook) -> StoreResult<webhook::Model> {
    let at = now();
    let saved = webhook::ActiveModel {
        id: Set(new_id()),
        name: Set(required("name", &input.name, 200)?),
        url: Set(checked_url(&input.url)?),
        events: Set(checked_events(&input.events)?),
        secret: Set(checked_secret(input.secret.as_deref())?),
        active: Set(true),
        created_at: Set(at),
        updated_at: Set(at),
        version: Set(1),
    }
    .insert(db)
    .await?;
    crate::cache::changed(db, crate::cache::Topic::Webhooks).await?;
    Ok(saved)
}

pub async fn find(db: &impl ConnectionTrait, id: Uuid) -> StoreResult<webhook::Model> {
    webhook::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(StoreError::NotFound)
}

pub async fn list(db: &impl ConnectionTrait) -> StoreResult<Vec<webhook::Model>> {
    Ok(webhook::Entity::find()
        .order_by_asc(webhook::Column::Id)
        .all(db)
        .await?)
}

pub async fn update(
    db: &impl ConnectionTrait,
    id: Uuid,
    expected_version: i32,
    input: UpdateWebhook,
) -> StoreResult<webhook::Model> {
    let current = find(db, id).await?;
    crate::validate::version_matches(expected_version, current.version)?;
    let mut model: webhook::ActiveModel = current.clone().into();
    if let Some(name) = &input.name {
        model.name = Set(required("name", name, 200)?);
    }
    if let Some(url) = &input.url {
        model.url = Set(checked_url(url)?);
    }
    if let Some(events) = &input.events {
        model.events = Set(checked_events(events)?);
    }
    if let Some(active) = input.active {
        model.active = Set(active);
    }
    if input.secret.is_some() {
        model.secret = Set(checked_secret(input.secret.as_deref())?);
    }
    model.updated_at = Set(now());
    model.version = Set(current.version + 1);
    let saved = crate::org::save_versioned::<webhook::Entity, _>(
        db,
        model,
        webhook::Column::Id,
        id,
        webhook::Column::Version,
        expected_version,
        |m| m.version,
    )
    .await?;
    crate::cache::changed(db, crate::cache::Topic::Webhooks).await?;
    Ok(saved)
}

pub async fn delete(db: &impl ConnectionTrait, id: Uuid) -> StoreResult<()> {
    let result = webhook::Entity::delete_by_id(id).exec(db).await?;
    if result.rows_affected == 0 {
        return Err(StoreError::NotFound);
    }
    crate::cache::changed(db, crate::cache::Topic::Webhooks).await
}

/// Announces `event` to every active subscription that wants it: a delivery row and a job each.
pub async fn emit(db: &impl ConnectionTrait, event: WebhookEvent, data: serde_json::Value) -> StoreResult<usize> {
    // The active subscriptions come from the configuration cache (`crate::cache`).
    let active = crate::cache::webhooks(|| async {
        Ok(webhook::Entity::find()
            .filter(webhook::Column::Active.eq(true))
            .all(db)
            .await?)
    })
    .await?;
    let subscribers: Vec<&webhook::Model> = active.iter().filter(|w| events_of(w).contains(&event)).collect();
    if subscribers.is_empty() {
        return Ok(0);
    }
    let at = now();
    for hook in subscribers.iter() {
        let payload = json!({"event": event, "occurred_at": at, "data": data});
        insert_delivery(db, hook.id, event, payload, at).await?;
    }
    Ok(subscribers.len())
}

/// Writes a delivery (its body carries the delivery's own id) and the job that sends it.
async fn insert_delivery(
    db: &impl ConnectionTrait,
    webhook_id: Uuid,
    event: WebhookEvent,
    mut payload: serde_json::Value,
    at: DateTime<Utc>,
) -> StoreResult<webhook_delivery::Model> {
    let id = new_id();
    payload["id"] = json!(id);
    let delivery = webhook_delivery::ActiveModel {
        id: Set(id),
        webhook_id: Set(webhook_id),
        event: Set(event.as_str().to_owned()),
        payload: Set(payload.to_string()),
        status: Set(PENDING.to_owned()),
        attempts: Set(0),
        response_status: Set(None),
        error: Set(None),
        created_at: Set(at),
        updated_at: Set(at),
        delivered_at: Set(None),
    }
    .insert(db)
    .await?;
    jobs::enqueue(db, DELIVER_JOB, json!({"delivery_id": delivery.id}), None, MAX_ATTEMPTS).await?;
    Ok(delivery)
}

/// Sends a delivery again as a new delivery with the same event and data (and a new id).
pub async fn redeliver(db: &impl ConnectionTrait, webhook_id: Uuid, delivery_id: Uuid) -> StoreResult<DeliveryView> {
    let original = webhook_delivery::Entity::find_by_id(delivery_id)
        .filter(webhook_delivery::Column::WebhookId.eq(webhook_id))
        .one(db)
        .await?
        .ok_or(StoreError::NotFound)?;
    let event = WebhookEvent::parse(&original.event).ok_or(StoreError::NotFound)?;
    let mut payload: serde_json::Value = serde_json::from_str(&original.payload).unwrap_or(json!({}));
    let at = now();
    payload["redelivery_of"] = json!(original.id);
    Ok(delivery_view(
        insert_delivery(db, webhook_id, event, payload, at).await?,
    ))
}

#[derive(Debug, Clone, Default, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct DeliveryQuery {
    /// 1–200, default 50.
    pub limit: Option<u64>,
    pub cursor: Option<String>,
}

/// A subscription's deliveries, newest first.
pub async fn deliveries(
    db: &impl ConnectionTrait,
    webhook_id: Uuid,
    query: &DeliveryQuery,
) -> StoreResult<Page<DeliveryView>> {
    find(db, webhook_id).await?;
    let limit = page::limit(query.limit)?;
    let mut select = webhook_delivery::Entity::find().filter(webhook_delivery::Column::WebhookId.eq(webhook_id));
    if let Some(cursor) = &query.cursor {
        select = select.filter(webhook_delivery::Column::Id.lt(page::decode_uuid(cursor)?));
    }
    let rows = select
        .order_by_desc(webhook_delivery::Column::Id)
        .limit(limit + 1)
        .all(db)
        .await?;
    let Page { items, next_cursor } = page::finish(rows, limit, |d| d.id.to_string());
    Ok(Page {
        items: items.into_iter().map(delivery_view).collect(),
        next_cursor,
    })
}

/// What the delivery job needs: the delivery and where/how to send it.
pub async fn load_for_delivery(
    db: &impl ConnectionTrait,
    delivery_id: Uuid,
) -> StoreResult<Option<(webhook_delivery::Model, webhook::Model)>> {
    let Some(delivery) = webhook_delivery::Entity::find_by_id(delivery_id).one(db).await? else {
        return Ok(None);
    };
    let Some(hook) = webhook::Entity::find_by_id(delivery.webhook_id).one(db).await? else {
        return Ok(None);
    };
    Ok(Some((delivery, hook)))
}

/// Records one attempt's outcome. `final_attempt` turns a failure into `failed`.
pub async fn record_attempt(
    db: &impl ConnectionTrait,
    delivery: &webhook_delivery::Model,
    response_status: Option<u16>,
    error: Option<String>,
    final_attempt: bool,
) -> StoreResult<()> {
    let at = now();
    let succeeded = error.is_none();
    let mut model: webhook_delivery::ActiveModel = delivery.clone().into();
    model.attempts = Set(delivery.attempts + 1);
    model.response_status = Set(response_status.map(i32::from));
    model.error = Set(error.map(|e| e.chars().take(1000).collect()));
    model.updated_at = Set(at);
    model.status = Set(match (succeeded, final_attempt) {
        (true, _) => SUCCEEDED,
        (false, true) => FAILED,
        (false, false) => RETRYING,
    }
    .to_owned());
    if succeeded {
        model.delivered_at = Set(Some(at));
    }
    model.update(db).await?;
    Ok(())
}
