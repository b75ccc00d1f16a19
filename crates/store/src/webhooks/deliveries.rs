//! The delivery log of a subscription: rows written with the event, attempts recorded by the
//! worker, redelivery on demand.

use chrono::{DateTime, Utc};
use huiyin_domain::webhook::{DeliveryStatus, WebhookEvent};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set};
use serde_json::json;
use uuid::Uuid;

use super::{delivery_record, find_row, DeliveryRecord, Owner, DELIVER_JOB, MAX_ATTEMPTS};
use crate::entity::{webhook, webhook_delivery};
use crate::page::{self, Page};
use crate::wire::Wire;
use crate::{jobs, new_id, now, StoreError, StoreResult};

/// Writes a delivery (its body carries the delivery's own id) and the job that sends it.
pub(super) async fn insert_delivery(
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
        event: Set(Wire(event)),
        payload: Set(payload.to_string()),
        status: Set(Wire(DeliveryStatus::Pending)),
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
pub async fn redeliver(
    db: &impl ConnectionTrait,
    owner: Owner<'_>,
    webhook_id: Uuid,
    delivery_id: Uuid,
) -> StoreResult<DeliveryRecord> {
    find_row(db, owner, webhook_id).await?;
    let original = webhook_delivery::Entity::find_by_id(delivery_id)
        .filter(webhook_delivery::Column::WebhookId.eq(webhook_id))
        .one(db)
        .await?
        .ok_or(StoreError::NotFound)?;
    let event = original.event.0;
    let mut payload: serde_json::Value = serde_json::from_str(&original.payload).unwrap_or(json!({}));
    let at = now();
    payload["redelivery_of"] = json!(original.id);
    Ok(delivery_record(
        insert_delivery(db, webhook_id, event, payload, at).await?,
    ))
}

/// Which page of a subscription's deliveries.
#[derive(Debug, Clone, Default)]
pub struct DeliveryQuery {
    pub limit: Option<u64>,
    pub cursor: Option<String>,
}

/// A subscription's deliveries, newest first.
pub async fn deliveries(
    db: &impl ConnectionTrait,
    owner: Owner<'_>,
    webhook_id: Uuid,
    query: &DeliveryQuery,
) -> StoreResult<Page<DeliveryRecord>> {
    find_row(db, owner, webhook_id).await?;
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
        items: items.into_iter().map(delivery_record).collect(),
        next_cursor,
    })
}

/// What the delivery job needs: the delivery and where/how to send it.
#[derive(Debug, Clone)]
pub struct OutgoingDelivery {
    pub id: Uuid,
    /// The event, its name sent as a header.
    pub event: WebhookEvent,
    /// The JSON body, sent as stored (the signature covers these bytes).
    pub payload: String,
    pub status: DeliveryStatus,
    pub attempts: i32,
    /// The subscription's target URL.
    pub url: String,
    /// The subscription's signing secret.
    pub secret: String,
    /// Whether the subscription still wants deliveries.
    pub active: bool,
}

/// The delivery `delivery_id` and its subscription; `None` once either was deleted.
pub async fn load_for_delivery(db: &impl ConnectionTrait, delivery_id: Uuid) -> StoreResult<Option<OutgoingDelivery>> {
    let Some(delivery) = webhook_delivery::Entity::find_by_id(delivery_id).one(db).await? else {
        return Ok(None);
    };
    let Some(hook) = webhook::Entity::find_by_id(delivery.webhook_id).one(db).await? else {
        return Ok(None);
    };
    Ok(Some(OutgoingDelivery {
        id: delivery.id,
        event: delivery.event.0,
        payload: delivery.payload,
        status: delivery.status.0,
        attempts: delivery.attempts,
        url: hook.url,
        secret: hook.secret,
        active: hook.active,
    }))
}

/// Records one attempt's outcome. `final_attempt` turns a failure into `failed`.
pub async fn record_attempt(
    db: &impl ConnectionTrait,
    delivery: &OutgoingDelivery,
    response_status: Option<u16>,
    error: Option<String>,
    final_attempt: bool,
) -> StoreResult<()> {
    let at = now();
    let succeeded = error.is_none();
    let mut model = webhook_delivery::ActiveModel {
        id: sea_orm::ActiveValue::Unchanged(delivery.id),
        ..Default::default()
    };
    model.attempts = Set(delivery.attempts + 1);
    model.response_status = Set(response_status.map(i32::from));
    model.error = Set(error.map(|e| e.chars().take(1000).collect()));
    model.updated_at = Set(at);
    model.status = Set(Wire(match (succeeded, final_attempt) {
        (true, _) => DeliveryStatus::Succeeded,
        (false, true) => DeliveryStatus::Failed,
        (false, false) => DeliveryStatus::Retrying,
    }));
    if succeeded {
        model.delivered_at = Set(Some(at));
    }
    model.update(db).await?;
    Ok(())
}
