//! Webhook subscriptions and their deliveries. Events are written as delivery rows (and a
//! delivery job) in the same transaction as the change they report, so an acknowledged change
//! is never announced without being saved, nor saved without being announced.
//!
//! A subscription belongs to one project, or to the whole company (`project_id` empty: only
//! callers without a project restriction make and see those). A project-restricted caller
//! (an API key restricted to a project, a staff member) sees and changes only its projects'
//! subscriptions, and an event reaches only the subscriptions of its case's project and the
//! company-wide ones. Target URLs are checked here (see [`target`]) and again at delivery time.

mod deliveries;
pub mod target;

pub use deliveries::{deliveries, load_for_delivery, record_attempt, redeliver, DeliveryQuery, OutgoingDelivery};

use chrono::{DateTime, Utc};
use huiyin_domain::webhook::{check_url, DeliveryStatus, WebhookEvent};
use rand::RngCore;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use serde_json::json;
use uuid::Uuid;

use huiyin_domain::network::Network;

use crate::entity::{project, webhook, webhook_delivery};
use crate::validate::required;
use crate::{new_id, now, StoreError, StoreResult};
use deliveries::insert_delivery;

/// Whose subscriptions a caller manages: `None` for every project and the company-wide ones
/// (admins, unrestricted keys), else only these projects' subscriptions.
pub type Owner<'a> = Option<&'a [Uuid]>;

/// The job kind that delivers one webhook delivery.
pub const DELIVER_JOB: &str = "webhook.deliver";
/// Attempts per delivery before it is given up (backoff doubles between them).
pub const MAX_ATTEMPTS: i32 = 6;

/// A new subscription.
#[derive(Debug, Clone)]
pub struct CreateWebhook {
    pub name: String,
    /// Where deliveries are POSTed: an http(s) URL.
    pub url: String,
    pub events: Vec<WebhookEvent>,
    /// The HMAC signing secret (at least 16 characters); generated when `None`.
    pub secret: Option<String>,
    /// The project whose events the subscription receives; `None` for every project, or for a
    /// caller restricted to one project, that project.
    pub project_id: Option<Uuid>,
}

/// The fields of a subscription to change; `None` keeps the stored value.
#[derive(Debug, Clone, Default)]
pub struct UpdateWebhook {
    pub name: Option<String>,
    pub url: Option<String>,
    pub events: Option<Vec<WebhookEvent>>,
    pub active: Option<bool>,
    /// A new signing secret (at least 16 characters).
    pub secret: Option<String>,
}

/// A subscription as stored, with its whole signing secret (see [`WebhookRecord::masked`]).
#[derive(Debug, Clone)]
pub struct WebhookRecord {
    pub id: Uuid,
    pub name: String,
    pub url: String,
    pub events: Vec<WebhookEvent>,
    pub active: bool,
    /// The project whose events it receives; `None` for company-wide.
    pub project_id: Option<Uuid>,
    pub secret: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub version: i32,
}

impl WebhookRecord {
    /// The record with only the secret's last four characters: it is shown in full once, when
    /// it is made.
    pub fn masked(self) -> Self {
        WebhookRecord {
            secret: mask(&self.secret),
            ..self
        }
    }
}

/// One delivery of an event to a subscription.
#[derive(Debug, Clone)]
pub struct DeliveryRecord {
    pub id: Uuid,
    pub webhook_id: Uuid,
    pub event: WebhookEvent,
    pub status: DeliveryStatus,
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

fn record(row: webhook::Model) -> WebhookRecord {
    WebhookRecord {
        events: events_of(&row),
        id: row.id,
        name: row.name,
        url: row.url,
        active: row.active,
        project_id: row.project_id,
        secret: row.secret,
        created_at: row.created_at,
        updated_at: row.updated_at,
        version: row.version,
    }
}

fn delivery_record(row: webhook_delivery::Model) -> DeliveryRecord {
    DeliveryRecord {
        id: row.id,
        webhook_id: row.webhook_id,
        event: row.event.0,
        status: row.status.0,
        attempts: row.attempts,
        response_status: row.response_status,
        error: row.error,
        payload: serde_json::from_str(&row.payload).unwrap_or(serde_json::Value::Null),
        created_at: row.created_at,
        updated_at: row.updated_at,
        delivered_at: row.delivered_at,
    }
}

async fn checked_url(url: &str, allowed: &[Network]) -> StoreResult<String> {
    let url = url.trim();
    check_url(url).map_err(|m| StoreError::invalid("url", m))?;
    target::check_saved(url, allowed)
        .await
        .map_err(|m| StoreError::invalid("url", m))?;
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

/// The project a new subscription belongs to, as the caller may give it.
async fn owning_project(db: &impl ConnectionTrait, owner: Owner<'_>, asked: Option<Uuid>) -> StoreResult<Option<Uuid>> {
    let project_id = match (owner, asked) {
        (Some([only]), None) => Some(*only),
        (Some(_), None) => {
            return Err(StoreError::invalid(
                "project_id",
                "give the project whose events the subscription receives",
            ))
        }
        (Some(projects), Some(p)) if !projects.contains(&p) => {
            return Err(StoreError::invalid("project_id", "no such project"))
        }
        (_, asked) => asked,
    };
    if let Some(p) = project_id {
        if project::Entity::find_by_id(p).one(db).await?.is_none() {
            return Err(StoreError::invalid("project_id", "no such project"));
        }
    }
    Ok(project_id)
}

pub async fn create(
    db: &impl ConnectionTrait,
    owner: Owner<'_>,
    input: CreateWebhook,
    allowed: &[Network],
) -> StoreResult<WebhookRecord> {
    let at = now();
    let name = required("name", &input.name, 200)?;
    let project_id = owning_project(db, owner, input.project_id).await?;
    let saved = webhook::ActiveModel {
        id: Set(new_id()),
        name: Set(name),
        url: Set(checked_url(&input.url, allowed).await?),
        events: Set(checked_events(&input.events)?),
        secret: Set(checked_secret(input.secret.as_deref())?),
        active: Set(true),
        project_id: Set(project_id),
        created_at: Set(at),
        updated_at: Set(at),
        version: Set(1),
    }
    .insert(db)
    .await?;
    crate::cache::changed(db, crate::cache::Topic::Webhooks).await?;
    Ok(record(saved))
}

fn owned_by(owner: Owner<'_>) -> sea_orm::Condition {
    match owner {
        None => sea_orm::Condition::all(),
        Some(projects) => sea_orm::Condition::all().add(webhook::Column::ProjectId.is_in(projects.to_vec())),
    }
}

/// A subscription the caller manages (404 for another project's or, for a restricted caller, a
/// company-wide one).
pub async fn find(db: &impl ConnectionTrait, owner: Owner<'_>, id: Uuid) -> StoreResult<WebhookRecord> {
    Ok(record(find_row(db, owner, id).await?))
}

async fn find_row(db: &impl ConnectionTrait, owner: Owner<'_>, id: Uuid) -> StoreResult<webhook::Model> {
    webhook::Entity::find_by_id(id)
        .filter(owned_by(owner))
        .one(db)
        .await?
        .ok_or(StoreError::NotFound)
}

pub async fn list(db: &impl ConnectionTrait, owner: Owner<'_>) -> StoreResult<Vec<WebhookRecord>> {
    let rows = webhook::Entity::find()
        .filter(owned_by(owner))
        .order_by_asc(webhook::Column::Id)
        .all(db)
        .await?;
    Ok(rows.into_iter().map(record).collect())
}

pub async fn update(
    db: &impl ConnectionTrait,
    owner: Owner<'_>,
    id: Uuid,
    expected_version: i32,
    input: UpdateWebhook,
    allowed: &[Network],
) -> StoreResult<WebhookRecord> {
    let current = find_row(db, owner, id).await?;
    crate::validate::version_matches(expected_version, current.version)?;
    let mut model: webhook::ActiveModel = current.clone().into();
    if let Some(name) = &input.name {
        model.name = Set(required("name", name, 200)?);
    }
    if let Some(url) = &input.url {
        model.url = Set(checked_url(url, allowed).await?);
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
    Ok(record(saved))
}

pub async fn delete(db: &impl ConnectionTrait, owner: Owner<'_>, id: Uuid) -> StoreResult<()> {
    find_row(db, owner, id).await?;
    let result = webhook::Entity::delete_by_id(id).exec(db).await?;
    if result.rows_affected == 0 {
        return Err(StoreError::NotFound);
    }
    crate::cache::changed(db, crate::cache::Topic::Webhooks).await
}

/// Announces `event` to every active subscription that wants it and may see the event's project
/// (`data.project_id`: that project's subscriptions and the company-wide ones; an event without
/// a project reaches only company-wide subscriptions): a delivery row and a job each.
#[tracing::instrument(name = "webhooks::emit", target = "huiyin::store", level = "debug", skip_all, fields(event = ?event))]
pub async fn emit(db: &impl ConnectionTrait, event: WebhookEvent, data: serde_json::Value) -> StoreResult<usize> {
    let project: Option<Uuid> = data["project_id"].as_str().and_then(|p| p.parse().ok());
    // The active subscriptions come from the configuration cache (`crate::cache`).
    let active = crate::cache::webhooks(|| async {
        Ok(webhook::Entity::find()
            .filter(webhook::Column::Active.eq(true))
            .all(db)
            .await?)
    })
    .await?;
    let subscribers: Vec<&webhook::Model> = active
        .iter()
        .filter(|w| w.project_id.is_none() || w.project_id == project)
        .filter(|w| events_of(w).contains(&event))
        .collect();
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
