//! Reading leads: the board and queues (cursor pages, newest first), one lead, its timeline.

use chrono::{DateTime, NaiveDate, Utc};
use huiyin_domain::decoration::lead::{FollowUpChannel, LeadSource, LeadStatus, OrderSize};
use huiyin_domain::time::business_day;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;

use super::{find_visible, record, scope, LeadRecord};
use crate::entity::{lead, lead_event};
use crate::page::{self, Page};
use crate::wire::Wire;
use crate::{now, Actor, StoreResult};

#[derive(Debug, Clone, Default)]
pub struct LeadFilter {
    pub status: Option<LeadStatus>,
    pub source: Option<LeadSource>,
    pub size: Option<OrderSize>,
    pub designer_id: Option<Uuid>,
    pub project_id: Option<Uuid>,
    /// Only leads past their follow-up day (the customer manager's overdue queue).
    pub overdue: bool,
    pub limit: Option<u64>,
    pub cursor: Option<String>,
}

pub async fn list(db: &impl ConnectionTrait, actor: &Actor, filter: LeadFilter) -> StoreResult<Page<LeadRecord>> {
    let limit = page::limit(filter.limit)?;
    let mut query = lead::Entity::find().filter(scope(actor));
    if let Some(status) = filter.status {
        query = query.filter(lead::Column::Status.eq(Wire(status)));
    }
    if let Some(source) = filter.source {
        query = query.filter(lead::Column::Source.eq(Wire(source)));
    }
    if let Some(size) = filter.size {
        query = query.filter(lead::Column::Size.eq(Wire(size)));
    }
    if let Some(designer) = filter.designer_id {
        query = query.filter(lead::Column::DesignerId.eq(designer));
    }
    if let Some(project) = filter.project_id {
        query = query.filter(lead::Column::ProjectId.eq(project));
    }
    if filter.overdue {
        let open: Vec<Wire<LeadStatus>> = LeadStatus::ALL
            .iter()
            .filter(|s| s.is_open())
            .map(|s| Wire(*s))
            .collect();
        query = query
            .filter(lead::Column::Status.is_in(open))
            .filter(lead::Column::FollowUpDueOn.lt(business_day(now())));
    }
    if let Some(cursor) = &filter.cursor {
        query = query.filter(lead::Column::Id.lt(page::decode_uuid(cursor)?));
    }
    let rows = query.order_by_desc(lead::Column::Id).limit(limit + 1).all(db).await?;
    let page = page::finish(rows, limit, |l| l.id.to_string());
    let mut items = Vec::with_capacity(page.items.len());
    for lead in page.items {
        items.push(record(db, lead).await?);
    }
    Ok(Page {
        items,
        next_cursor: page.next_cursor,
    })
}

pub async fn get(db: &impl ConnectionTrait, actor: &Actor, id: Uuid) -> StoreResult<LeadRecord> {
    let lead = find_visible(db, actor, id).await?;
    record(db, lead).await
}

/// An entry of a lead's timeline.
#[derive(Debug, Clone)]
pub struct LeadEventRecord {
    pub id: Uuid,
    pub actor_id: Option<Uuid>,
    pub action: String,
    pub channel: Option<FollowUpChannel>,
    pub note: Option<String>,
    pub next_on: Option<NaiveDate>,
    /// The action-specific facts (`null` if the stored text is not JSON).
    pub payload: serde_json::Value,
    pub created_at: DateTime<Utc>,
}

impl From<lead_event::Model> for LeadEventRecord {
    fn from(e: lead_event::Model) -> Self {
        LeadEventRecord {
            id: e.id,
            actor_id: e.actor_id,
            action: e.action,
            channel: e.channel.map(|c| c.0),
            note: e.note,
            next_on: e.next_on,
            payload: serde_json::from_str(&e.payload).unwrap_or_default(),
            created_at: e.created_at,
        }
    }
}

/// The lead's timeline, oldest first.
pub async fn events(db: &impl ConnectionTrait, actor: &Actor, id: Uuid) -> StoreResult<Vec<LeadEventRecord>> {
    find_visible(db, actor, id).await?;
    let found = lead_event::Entity::find()
        .filter(lead_event::Column::LeadId.eq(id))
        .order_by_asc(lead_event::Column::Id)
        .all(db)
        .await?;
    Ok(found.into_iter().map(LeadEventRecord::from).collect())
}
