//! Public notices (公示/公告): announcements, the service commitments, the complaint procedure,
//! the paid-repair price list, the hotline. Drafted by staff, published and withdrawn by
//! supervisors; residents read the published ones of their projects and buildings.

use huiyin_domain::steward::{NoticeKind, NoticeStatus};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set};
use uuid::Uuid;

use super::stored_list;
use crate::entity::{notice, project};
use crate::page::{self, Page};
use crate::validate::{required, version_matches};
use crate::wire::Wire;
use crate::{new_id, now, Actor, StoreError, StoreResult};

#[derive(Debug, Clone)]
pub struct CreateNotice {
    pub project_id: Uuid,
    pub kind: NoticeKind,
    pub title: String,
    pub body: String,
    pub buildings: Vec<String>,
}

#[derive(Debug, Clone, Default)]
pub struct UpdateNotice {
    pub kind: Option<NoticeKind>,
    pub title: Option<String>,
    pub body: Option<String>,
    pub buildings: Option<Vec<String>>,
}

#[derive(Debug, Clone)]
pub struct Notice {
    pub row: notice::Model,
    pub kind: NoticeKind,
    pub status: NoticeStatus,
    pub buildings: Vec<String>,
}

pub(crate) fn from_row(row: notice::Model) -> StoreResult<Notice> {
    let (kind, status) = (row.kind.0, row.status.0);
    let buildings = stored_list(&row.buildings, "notices", row.id, "buildings")?;
    Ok(Notice {
        row,
        kind,
        status,
        buildings,
    })
}

fn buildings_text(buildings: &[String]) -> StoreResult<String> {
    if buildings.len() > 200 {
        return Err(StoreError::invalid("buildings", "at most 200 buildings"));
    }
    let mut clean: Vec<String> = Vec::with_capacity(buildings.len());
    for (i, b) in buildings.iter().enumerate() {
        let b = required(&format!("buildings[{i}]"), b, 50)?;
        if !clean.contains(&b) {
            clean.push(b);
        }
    }
    Ok(serde_json::to_string(&clean).unwrap_or_else(|_| "[]".into()))
}

fn body_text(body: &str) -> StoreResult<String> {
    required("body", body, 20_000)
}

pub async fn create(db: &impl ConnectionTrait, actor: &Actor, input: CreateNotice) -> StoreResult<Notice> {
    let known = project::Entity::find_by_id(input.project_id).one(db).await?.is_some();
    if !known || !actor.sees_project(input.project_id) {
        return Err(StoreError::invalid("project_id", "no such project"));
    }
    let at = now();
    let row = notice::ActiveModel {
        id: Set(new_id()),
        project_id: Set(input.project_id),
        kind: Set(Wire(input.kind)),
        title: Set(required("title", &input.title, 200)?),
        body: Set(body_text(&input.body)?),
        buildings: Set(buildings_text(&input.buildings)?),
        status: Set(Wire(NoticeStatus::Draft)),
        created_by: Set(actor.user_id),
        published_at: Set(None),
        published_by: Set(None),
        withdrawn_at: Set(None),
        created_at: Set(at),
        updated_at: Set(at),
        version: Set(1),
    }
    .insert(db)
    .await?;
    from_row(row)
}

pub async fn get(db: &impl ConnectionTrait, actor: &Actor, id: Uuid) -> StoreResult<Notice> {
    let row = notice::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(StoreError::NotFound)?;
    actor.require_project(row.project_id)?;
    from_row(row)
}

async fn save(
    db: &impl ConnectionTrait,
    current: &notice::Model,
    mut model: notice::ActiveModel,
) -> StoreResult<Notice> {
    model.updated_at = Set(now());
    model.version = Set(current.version + 1);
    let updated = notice::Entity::update_many()
        .set(model)
        .filter(notice::Column::Id.eq(current.id))
        .filter(notice::Column::Version.eq(current.version))
        .exec(db)
        .await?;
    if updated.rows_affected == 0 {
        let now_version = notice::Entity::find_by_id(current.id)
            .one(db)
            .await?
            .map_or(current.version, |n| n.version);
        return Err(StoreError::Stale { current: now_version });
    }
    let row = notice::Entity::find_by_id(current.id)
        .one(db)
        .await?
        .ok_or(StoreError::NotFound)?;
    from_row(row)
}

/// Edits a draft (If-Match `version`).
pub async fn update(
    db: &impl ConnectionTrait,
    actor: &Actor,
    id: Uuid,
    version: i32,
    input: UpdateNotice,
) -> StoreResult<Notice> {
    let current = get(db, actor, id).await?;
    version_matches(version, current.row.version)?;
    if !current.status.editable() {
        return Err(StoreError::conflict(
            "status",
            "only drafts are edited; withdraw and draft again",
        ));
    }
    let mut model = <notice::ActiveModel as Default>::default();
    if let Some(kind) = input.kind {
        model.kind = Set(Wire(kind));
    }
    if let Some(title) = &input.title {
        model.title = Set(required("title", title, 200)?);
    }
    if let Some(body) = &input.body {
        model.body = Set(body_text(body)?);
    }
    if let Some(buildings) = &input.buildings {
        model.buildings = Set(buildings_text(buildings)?);
    }
    save(db, &current.row, model).await
}

/// Publishes a draft or withdraws a published notice; `publish` says which.
pub async fn transition(db: &impl ConnectionTrait, actor: &Actor, id: Uuid, publish: bool) -> StoreResult<Notice> {
    let current = get(db, actor, id).await?;
    let next = if publish {
        current.status.publish()
    } else {
        current.status.withdraw()
    }
    .map_err(|e| StoreError::conflict("status", e.to_string()))?;
    let mut model = notice::ActiveModel {
        status: Set(Wire(next)),
        ..Default::default()
    };
    if publish {
        model.published_at = Set(Some(now()));
        model.published_by = Set(Some(actor.user_id));
    } else {
        model.withdrawn_at = Set(Some(now()));
    }
    save(db, &current.row, model).await
}

#[derive(Debug, Clone, Default)]
pub struct NoticeFilter {
    pub project_id: Option<Uuid>,
    pub status: Option<NoticeStatus>,
    pub limit: Option<u64>,
    pub cursor: Option<String>,
}

/// Notices of the actor's projects, newest first.
pub async fn list(db: &impl ConnectionTrait, actor: &Actor, filter: &NoticeFilter) -> StoreResult<Page<Notice>> {
    let limit = page::limit(filter.limit)?;
    let mut select = notice::Entity::find();
    if let Some(projects) = actor.project_filter() {
        select = select.filter(notice::Column::ProjectId.is_in(projects.to_vec()));
    }
    if let Some(project) = filter.project_id {
        select = select.filter(notice::Column::ProjectId.eq(project));
    }
    if let Some(status) = filter.status {
        select = select.filter(notice::Column::Status.eq(status.as_str()));
    }
    if let Some(cursor) = &filter.cursor {
        select = select.filter(notice::Column::Id.lt(page::decode_uuid(cursor)?));
    }
    let rows = select
        .order_by_desc(notice::Column::Id)
        .limit(limit + 1)
        .all(db)
        .await?;
    let Page { items, next_cursor } = page::finish(rows, limit, |r| r.id.to_string());
    Ok(Page {
        items: items.into_iter().map(from_row).collect::<StoreResult<_>>()?,
        next_cursor,
    })
}
