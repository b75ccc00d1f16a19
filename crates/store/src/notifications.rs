//! In-app notifications per user: escalations, assignments, due visits, warnings.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
    Set,
};
use uuid::Uuid;

use crate::entity::notification;
use crate::page::{self, Page};
use crate::wire::Wire;
use crate::{new_id, now, StoreError, StoreResult};

pub use huiyin_domain::notification::NotificationKind;

/// What to tell whom.
#[derive(Debug, Clone)]
pub struct NewNotification {
    pub kind: NotificationKind,
    pub title: String,
    pub body: String,
    pub case_id: Option<Uuid>,
    pub warning_id: Option<Uuid>,
}

/// Writes one notification per distinct recipient (in the caller's transaction).
pub async fn notify(db: &impl ConnectionTrait, recipients: &[Uuid], note: &NewNotification) -> StoreResult<usize> {
    let mut seen = std::collections::BTreeSet::new();
    let at = now();
    for user_id in recipients {
        if !seen.insert(*user_id) {
            continue;
        }
        notification::ActiveModel {
            id: Set(new_id()),
            user_id: Set(*user_id),
            kind: Set(Wire(note.kind)),
            title: Set(note.title.clone()),
            body: Set(note.body.clone()),
            case_id: Set(note.case_id),
            warning_id: Set(note.warning_id),
            created_at: Set(at),
            read_at: Set(None),
        }
        .insert(db)
        .await?;
    }
    Ok(seen.len())
}

/// Which of the user's notifications to list, and the page.
#[derive(Debug, Clone, Default)]
pub struct NotificationQuery {
    /// Only unread ones.
    pub unread: Option<bool>,
    pub limit: Option<u64>,
    pub cursor: Option<String>,
}

/// A page of the user's notifications, with how many of all of them are unread.
#[derive(Debug, Clone)]
pub struct NotificationPage {
    pub items: Vec<NotificationRecord>,
    pub next_cursor: Option<String>,
    pub unread: u64,
}

#[derive(Debug, Clone)]
pub struct NotificationRecord {
    pub id: Uuid,
    pub kind: NotificationKind,
    pub title: String,
    pub body: String,
    pub case_id: Option<Uuid>,
    pub warning_id: Option<Uuid>,
    pub created_at: DateTime<Utc>,
    pub read_at: Option<DateTime<Utc>>,
}

fn view(n: notification::Model) -> NotificationRecord {
    NotificationRecord {
        id: n.id,
        kind: n.kind.0,
        title: n.title,
        body: n.body,
        case_id: n.case_id,
        warning_id: n.warning_id,
        created_at: n.created_at,
        read_at: n.read_at,
    }
}

/// The user's notifications, newest first.
pub async fn list(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    query: &NotificationQuery,
) -> StoreResult<NotificationPage> {
    let limit = page::limit(query.limit)?;
    let mut select = notification::Entity::find().filter(notification::Column::UserId.eq(user_id));
    if query.unread == Some(true) {
        select = select.filter(notification::Column::ReadAt.is_null());
    }
    if let Some(cursor) = &query.cursor {
        // Ids are time-ordered, so "older than the cursor" is "id below it".
        select = select.filter(notification::Column::Id.lt(page::decode_uuid(cursor)?));
    }
    let rows = select
        .order_by_desc(notification::Column::Id)
        .limit(limit + 1)
        .all(db)
        .await?;
    let Page { items, next_cursor } = page::finish(rows, limit, |n| n.id.to_string());
    let unread = notification::Entity::find()
        .filter(notification::Column::UserId.eq(user_id))
        .filter(notification::Column::ReadAt.is_null())
        .count(db)
        .await?;
    Ok(NotificationPage {
        items: items.into_iter().map(view).collect(),
        next_cursor,
        unread,
    })
}

/// Marks one of the user's notifications read (NotFound for anyone else's).
pub async fn mark_read(db: &impl ConnectionTrait, user_id: Uuid, id: Uuid) -> StoreResult<NotificationRecord> {
    let found = notification::Entity::find_by_id(id)
        .filter(notification::Column::UserId.eq(user_id))
        .one(db)
        .await?
        .ok_or(StoreError::NotFound)?;
    if found.read_at.is_some() {
        return Ok(view(found));
    }
    let mut model: notification::ActiveModel = found.into();
    model.read_at = Set(Some(now()));
    Ok(view(model.update(db).await?))
}

/// Marks all of the user's notifications read; returns how many changed.
pub async fn mark_all_read(db: &impl ConnectionTrait, user_id: Uuid) -> StoreResult<u64> {
    let result = notification::Entity::update_many()
        .col_expr(notification::Column::ReadAt, Expr::value(now()))
        .filter(notification::Column::UserId.eq(user_id))
        .filter(notification::Column::ReadAt.is_null())
        .exec(db)
        .await?;
    Ok(result.rows_affected)
}
