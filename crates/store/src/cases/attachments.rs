//! Attachment metadata; the bytes live on disk under the attachments directory.

use huiyin_domain::attachment::AttachmentType;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use uuid::Uuid;

use super::actions::find_visible;
use crate::entity::attachment;
use crate::validate::bounded;
use crate::{now, Actor, StoreError, StoreResult};

/// A file already written under the attachments directory, to be recorded.
pub struct NewAttachment<'a> {
    pub id: Uuid,
    pub case_id: Uuid,
    pub file_name: &'a str,
    pub kind: AttachmentType,
    pub size: usize,
    pub storage_key: &'a str,
}

/// Records an attachment of a case the actor may see.
pub async fn insert(
    db: &impl ConnectionTrait,
    actor: &Actor,
    new: NewAttachment<'_>,
) -> StoreResult<attachment::Model> {
    find_visible(db, actor, new.case_id).await?;
    let name = bounded("file", new.file_name, 200)?;
    let name = if name.is_empty() {
        format!("attachment.{}", new.kind.extension())
    } else {
        name
    };
    Ok(attachment::ActiveModel {
        id: Set(new.id),
        case_id: Set(new.case_id),
        file_name: Set(name),
        content_type: Set(new.kind.mime().to_owned()),
        size_bytes: Set(new.size as i64),
        storage_key: Set(new.storage_key.to_owned()),
        uploaded_by: Set(Some(actor.user_id)),
        created_at: Set(now()),
    }
    .insert(db)
    .await?)
}

/// An attachment of a case the actor may see.
pub async fn get(db: &impl ConnectionTrait, actor: &Actor, case_id: Uuid, id: Uuid) -> StoreResult<attachment::Model> {
    find_visible(db, actor, case_id).await?;
    attachment::Entity::find_by_id(id)
        .filter(attachment::Column::CaseId.eq(case_id))
        .one(db)
        .await?
        .ok_or(StoreError::NotFound)
}
