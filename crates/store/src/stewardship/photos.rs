//! Photos of visits and patrol results: recognised by their bytes under the same rules as case
//! attachments (JPEG, PNG, WebP, PDF); the bytes live under the attachments directory.

use chrono::{DateTime, Utc};
use huiyin_domain::attachment::AttachmentType;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use uuid::Uuid;

use super::{patrols, visits};
use crate::entity::steward_photo;
use crate::validate::bounded;
use crate::{now, Actor, StoreError, StoreResult};

/// What a photo belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhotoOf {
    Visit(Uuid),
    /// A patrol and one of its results.
    PatrolResult(Uuid, Uuid),
}

/// Checks the subject is in the actor's areas.
pub async fn check_subject(db: &impl ConnectionTrait, actor: &Actor, of: PhotoOf) -> StoreResult<()> {
    match of {
        PhotoOf::Visit(id) => visits::get(db, actor, id).await.map(|_| ()),
        PhotoOf::PatrolResult(patrol, result) => {
            let found = patrols::get(db, actor, patrol).await?;
            if found.results.iter().any(|r| r.id == result) {
                Ok(())
            } else {
                Err(StoreError::NotFound)
            }
        }
    }
}

/// A stored photo.
#[derive(Debug, Clone)]
pub struct PhotoRecord {
    pub id: Uuid,
    pub file_name: String,
    pub content_type: String,
    pub size_bytes: i64,
    /// Where the bytes are, relative to the attachments directory.
    pub storage_key: String,
    pub uploaded_by: Option<Uuid>,
    pub created_at: DateTime<Utc>,
}

impl From<steward_photo::Model> for PhotoRecord {
    fn from(p: steward_photo::Model) -> Self {
        PhotoRecord {
            id: p.id,
            file_name: p.file_name,
            content_type: p.content_type,
            size_bytes: p.size_bytes,
            storage_key: p.storage_key,
            uploaded_by: p.uploaded_by,
            created_at: p.created_at,
        }
    }
}

pub struct NewPhoto<'a> {
    pub id: Uuid,
    pub of: PhotoOf,
    pub file_name: &'a str,
    pub kind: AttachmentType,
    pub size: usize,
    pub storage_key: &'a str,
}

pub async fn insert(db: &impl ConnectionTrait, actor: &Actor, new: NewPhoto<'_>) -> StoreResult<PhotoRecord> {
    check_subject(db, actor, new.of).await?;
    let name = bounded("file", new.file_name, 200)?;
    let name = if name.is_empty() {
        format!("photo.{}", new.kind.extension())
    } else {
        name
    };
    let (visit_id, result_id) = match new.of {
        PhotoOf::Visit(id) => (Some(id), None),
        PhotoOf::PatrolResult(_, id) => (None, Some(id)),
    };
    let saved = steward_photo::ActiveModel {
        id: Set(new.id),
        visit_id: Set(visit_id),
        patrol_result_id: Set(result_id),
        file_name: Set(name),
        content_type: Set(new.kind.mime().to_owned()),
        size_bytes: Set(new.size as i64),
        storage_key: Set(new.storage_key.to_owned()),
        uploaded_by: Set(Some(actor.user_id)),
        created_at: Set(now()),
    }
    .insert(db)
    .await?;
    Ok(saved.into())
}

/// The photos of a subject in the actor's areas, oldest first.
pub async fn list(db: &impl ConnectionTrait, actor: &Actor, of: PhotoOf) -> StoreResult<Vec<PhotoRecord>> {
    check_subject(db, actor, of).await?;
    let select = match of {
        PhotoOf::Visit(id) => steward_photo::Entity::find().filter(steward_photo::Column::VisitId.eq(id)),
        PhotoOf::PatrolResult(_, id) => {
            steward_photo::Entity::find().filter(steward_photo::Column::PatrolResultId.eq(id))
        }
    };
    let found = select.order_by_asc(steward_photo::Column::Id).all(db).await?;
    Ok(found.into_iter().map(PhotoRecord::from).collect())
}

/// One photo of a subject in the actor's areas.
pub async fn get(db: &impl ConnectionTrait, actor: &Actor, of: PhotoOf, id: Uuid) -> StoreResult<PhotoRecord> {
    list(db, actor, of)
        .await?
        .into_iter()
        .find(|p| p.id == id)
        .ok_or(StoreError::NotFound)
}
