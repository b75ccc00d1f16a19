//! The append-only case timeline. Events are only ever inserted; nothing updates or deletes them.

use chrono::{DateTime, Utc};
use huiyin_domain::case::{CaseStatus, Visibility};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, QueryTrait, Set, TryIntoModel,
};
use uuid::Uuid;

use crate::entity::case_event;
use crate::page::{self, Page};
use crate::wire::Wire;
use crate::{new_id, now, StoreResult};

/// An entry of a case's timeline.
#[derive(Debug, Clone)]
pub struct CaseEventRecord {
    pub id: Uuid,
    pub case_id: Uuid,
    pub actor_id: Option<Uuid>,
    pub action: String,
    pub from_status: Option<CaseStatus>,
    pub to_status: Option<CaseStatus>,
    pub note: Option<String>,
    /// The action-specific facts (`null` if the stored text is not JSON).
    pub payload: serde_json::Value,
    pub visibility: Visibility,
    pub created_at: DateTime<Utc>,
}

impl From<case_event::Model> for CaseEventRecord {
    fn from(m: case_event::Model) -> Self {
        CaseEventRecord {
            id: m.id,
            case_id: m.case_id,
            actor_id: m.actor_id,
            action: m.action,
            from_status: m.from_status.map(|s| s.0),
            to_status: m.to_status.map(|s| s.0),
            note: m.note,
            payload: serde_json::from_str(&m.payload).unwrap_or(serde_json::Value::Null),
            visibility: m.visibility.0,
            created_at: m.created_at,
        }
    }
}

pub struct NewEvent<'a> {
    pub case_id: Uuid,
    pub actor_id: Option<Uuid>,
    pub action: &'a str,
    pub from: Option<CaseStatus>,
    pub to: Option<CaseStatus>,
    pub note: Option<String>,
    pub payload: serde_json::Value,
    pub visibility: Visibility,
}

/// Appends an event: one INSERT, the row built in memory (nothing read back).
pub async fn append(db: &impl ConnectionTrait, event: NewEvent<'_>) -> StoreResult<case_event::Model> {
    let (statement, model) = insert(db.get_database_backend(), event)?;
    db.execute(statement).await?;
    Ok(model)
}

/// The INSERT of an event, to run now or in a [`crate::cases::batch::Batch`], and the row it writes.
pub fn insert(
    backend: sea_orm::DatabaseBackend,
    event: NewEvent<'_>,
) -> StoreResult<(sea_orm::Statement, case_event::Model)> {
    let row = case_event::ActiveModel {
        id: Set(new_id()),
        case_id: Set(event.case_id),
        actor_id: Set(event.actor_id),
        action: Set(event.action.to_owned()),
        from_status: Set(event.from.map(Wire)),
        to_status: Set(event.to.map(Wire)),
        note: Set(event.note),
        payload: Set(event.payload.to_string()),
        visibility: Set(Wire(event.visibility)),
        created_at: Set(now()),
    };
    let statement = case_event::Entity::insert(row.clone()).build(backend);
    Ok((statement, row.try_into_model()?))
}

/// The timeline in order; `public_only` for residents.
#[tracing::instrument(name = "timeline::list", target = "huiyin::store", level = "debug", skip_all, fields(case_id = %case_id))]
pub async fn list(
    db: &impl ConnectionTrait,
    case_id: Uuid,
    public_only: bool,
    limit: Option<u64>,
    cursor: Option<&str>,
) -> StoreResult<Page<CaseEventRecord>> {
    let limit = page::limit(limit.or(Some(page::MAX_LIMIT)))?;
    let mut select = case_event::Entity::find()
        .filter(case_event::Column::CaseId.eq(case_id))
        .order_by_asc(case_event::Column::Id);
    if public_only {
        select = select.filter(case_event::Column::Visibility.eq(Visibility::Public.as_str()));
    }
    if let Some(cursor) = cursor {
        select = select.filter(case_event::Column::Id.gt(page::decode_uuid(cursor)?));
    }
    let rows = select.limit(limit + 1).all(db).await?;
    let page = page::finish(rows, limit, |r| r.id.to_string());
    Ok(Page {
        items: page.items.into_iter().map(CaseEventRecord::from).collect(),
        next_cursor: page.next_cursor,
    })
}
