//! Attachment metadata; the bytes live on disk under the attachments directory.

use huiyin_domain::attachment::{may_attach, AttachRefusal, AttachmentType};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, Set, TransactionTrait,
};
use uuid::Uuid;

use super::scope::find_visible;
use super::AttachmentRecord;
use crate::entity::{attachment, case};
use crate::validate::bounded;
use crate::{now, statements, Actor, StoreError, StoreResult};

/// A file already written under the attachments directory, to be recorded.
pub struct NewAttachment<'a> {
    pub id: Uuid,
    pub case_id: Uuid,
    pub file_name: &'a str,
    pub kind: AttachmentType,
    pub size: usize,
    pub storage_key: &'a str,
}

/// Checks that a case the actor may see takes one more attachment: not closed or cancelled
/// (409 `status`), fewer than `limit` already (409 `file`). Run before the bytes are written and
/// again by [`insert`].
pub async fn check_room(db: &impl ConnectionTrait, actor: &Actor, case_id: Uuid, limit: usize) -> StoreResult<()> {
    let found = find_visible(db, actor, case_id).await?;
    let status = found.status.0;
    let count = attachment::Entity::find()
        .filter(attachment::Column::CaseId.eq(case_id))
        .count(db)
        .await?;
    may_attach(status, usize::try_from(count).unwrap_or(usize::MAX), limit).map_err(|refusal| {
        let field = match refusal {
            AttachRefusal::Finished(_) => "status",
            AttachRefusal::Full(_) => "file",
        };
        StoreError::Conflict {
            field: field.into(),
            message: refusal.to_string(),
        }
    })
}

/// Records an attachment of a case the actor may see, within the per-case `limit`. The case row
/// is locked first (a no-op UPDATE: a row lock on PostgreSQL, the write lock on SQLite), so
/// concurrent uploads to one case are counted one after the other and never exceed the limit.
pub async fn insert<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    new: NewAttachment<'_>,
    limit: usize,
) -> StoreResult<AttachmentRecord> {
    let name = bounded("file", new.file_name, 200)?;
    let name = if name.is_empty() {
        format!("attachment.{}", new.kind.extension())
    } else {
        name
    };
    let txn = statements::begin(db).await?;
    case::Entity::update_many()
        .col_expr(case::Column::Version, Expr::col(case::Column::Version).into())
        .filter(case::Column::Id.eq(new.case_id))
        .exec(&txn)
        .await?;
    check_room(&txn, actor, new.case_id, limit).await?;
    let saved = attachment::ActiveModel {
        id: Set(new.id),
        case_id: Set(new.case_id),
        file_name: Set(name),
        content_type: Set(new.kind.mime().to_owned()),
        size_bytes: Set(new.size as i64),
        storage_key: Set(new.storage_key.to_owned()),
        uploaded_by: Set(Some(actor.user_id)),
        created_at: Set(now()),
    }
    .insert(&txn)
    .await?;
    statements::commit(txn).await?;
    Ok(saved.into())
}

/// An attachment of a case the actor may see.
pub async fn get(db: &impl ConnectionTrait, actor: &Actor, case_id: Uuid, id: Uuid) -> StoreResult<AttachmentRecord> {
    find_visible(db, actor, case_id).await?;
    attachment::Entity::find_by_id(id)
        .filter(attachment::Column::CaseId.eq(case_id))
        .one(db)
        .await?
        .map(AttachmentRecord::from)
        .ok_or(StoreError::NotFound)
}
