//! The audit log: every unmasked view of customer data and every export is written here.

use sea_orm::sea_query::Query;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseBackend, EntityTrait, QueryFilter, QueryOrder, QuerySelect, QueryTrait, Set,
    Statement,
};
use uuid::Uuid;

use crate::entity::{audit_entry, user_project};
use crate::page::{self, Page};
use crate::{new_id, now, Actor, StoreResult};

pub async fn record(
    db: &impl ConnectionTrait,
    actor: &Actor,
    action: &str,
    subject_type: &str,
    subject_id: Option<Uuid>,
    detail: serde_json::Value,
) -> StoreResult<()> {
    record_by(db, Some(actor.user_id), action, subject_type, subject_id, detail).await
}

/// Like [`record`] for callers that are not users (API keys: name them in `detail`).
pub async fn record_by(
    db: &impl ConnectionTrait,
    actor_id: Option<Uuid>,
    action: &str,
    subject_type: &str,
    subject_id: Option<Uuid>,
    detail: serde_json::Value,
) -> StoreResult<()> {
    // One INSERT on both databases (SQLite would read the row back otherwise).
    let backend = db.get_database_backend();
    db.execute(insert(backend, actor_id, action, subject_type, subject_id, detail))
        .await?;
    Ok(())
}

/// The INSERT of [`record_by`], to run with other writes (a case's registration).
pub fn insert(
    backend: DatabaseBackend,
    actor_id: Option<Uuid>,
    action: &str,
    subject_type: &str,
    subject_id: Option<Uuid>,
    detail: serde_json::Value,
) -> Statement {
    let row = audit_entry::ActiveModel {
        id: Set(new_id()),
        actor_id: Set(actor_id),
        action: Set(action.to_owned()),
        subject_type: Set(subject_type.to_owned()),
        subject_id: Set(subject_id),
        detail: Set(detail.to_string()),
        created_at: Set(now()),
    };
    audit_entry::Entity::insert(row).build(backend)
}

/// One audit entry.
#[derive(Debug, Clone)]
pub struct AuditRecord {
    pub id: Uuid,
    pub actor_id: Option<Uuid>,
    /// e.g. `customer.viewed`.
    pub action: String,
    pub subject_type: String,
    pub subject_id: Option<Uuid>,
    /// JSON.
    pub detail: String,
    pub created_at: chrono::DateTime<chrono::Utc>,
}

impl From<audit_entry::Model> for AuditRecord {
    fn from(m: audit_entry::Model) -> Self {
        AuditRecord {
            id: m.id,
            actor_id: m.actor_id,
            action: m.action,
            subject_type: m.subject_type,
            subject_id: m.subject_id,
            detail: m.detail,
            created_at: m.created_at,
        }
    }
}

#[derive(Debug, Default, Clone)]
pub struct AuditQuery {
    pub actor_id: Option<Uuid>,
    pub subject_id: Option<Uuid>,
    pub action: Option<String>,
    /// Written at or after.
    pub from: Option<chrono::DateTime<chrono::Utc>>,
    /// Written before.
    pub to: Option<chrono::DateTime<chrono::Utc>>,
    pub limit: Option<u64>,
    pub cursor: Option<String>,
}

/// Newest first. Administrators read every entry; anyone else (a project's manager) only the
/// entries written by people of their own projects.
pub async fn list(db: &impl ConnectionTrait, reader: &Actor, query: AuditQuery) -> StoreResult<Page<AuditRecord>> {
    let limit = page::limit(query.limit)?;
    let mut select = audit_entry::Entity::find().order_by_desc(audit_entry::Column::Id);
    if let Some(projects) = reader.project_filter() {
        let people = Query::select()
            .column(user_project::Column::UserId)
            .from(user_project::Entity)
            .and_where(user_project::Column::ProjectId.is_in(projects.to_vec()))
            .to_owned();
        select = select.filter(audit_entry::Column::ActorId.in_subquery(people));
    }
    if let Some(cursor) = &query.cursor {
        select = select.filter(audit_entry::Column::Id.lt(page::decode_uuid(cursor)?));
    }
    if let Some(actor) = query.actor_id {
        select = select.filter(audit_entry::Column::ActorId.eq(actor));
    }
    if let Some(subject) = query.subject_id {
        select = select.filter(audit_entry::Column::SubjectId.eq(subject));
    }
    if let Some(action) = &query.action {
        select = select.filter(audit_entry::Column::Action.eq(action.as_str()));
    }
    if let Some(from) = query.from {
        select = select.filter(audit_entry::Column::CreatedAt.gte(from));
    }
    if let Some(to) = query.to {
        select = select.filter(audit_entry::Column::CreatedAt.lt(to));
    }
    let rows = select.limit(limit + 1).all(db).await?;
    let records = rows.into_iter().map(AuditRecord::from).collect();
    Ok(page::finish(records, limit, |r| r.id.to_string()))
}
