//! Construction works (装修工程) of a decoration company: opened from a signed lead, visited by
//! customer service at each stage, archived at completion with its warranty. Scope: a designer
//! sees the works they designed; other roles their projects' (stores'); admins all.

pub mod create;
pub mod visits;
pub mod warranty;

use huiyin_domain::role::Role;
use sea_orm::{ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;

use crate::entity::{works, works_case, works_stage, works_visit};
use crate::page::{self, Page};
use crate::{Actor, StoreError, StoreResult};

/// A works with its stages (in order), visits (by due time) and linked cases.
#[derive(Debug, Clone)]
pub struct WorksRecord {
    pub works: works::Model,
    pub stages: Vec<works_stage::Model>,
    pub visits: Vec<works_visit::Model>,
    pub cases: Vec<works_case::Model>,
}

pub fn scope(actor: &Actor) -> Condition {
    if actor.role == Role::Designer {
        return Condition::all().add(works::Column::DesignerId.eq(actor.user_id));
    }
    match actor.project_filter() {
        None => Condition::all(),
        Some(projects) => Condition::all().add(works::Column::ProjectId.is_in(projects.to_vec())),
    }
}

pub async fn find_visible(db: &impl ConnectionTrait, actor: &Actor, id: Uuid) -> StoreResult<works::Model> {
    works::Entity::find_by_id(id)
        .filter(scope(actor))
        .one(db)
        .await?
        .ok_or(StoreError::NotFound)
}

pub async fn record(db: &impl ConnectionTrait, works: works::Model) -> StoreResult<WorksRecord> {
    let stages = works_stage::Entity::find()
        .filter(works_stage::Column::WorksId.eq(works.id))
        .order_by_asc(works_stage::Column::Position)
        .all(db)
        .await?;
    let visits = works_visit::Entity::find()
        .filter(works_visit::Column::WorksId.eq(works.id))
        .order_by_asc(works_visit::Column::DueAt)
        .order_by_asc(works_visit::Column::Id)
        .all(db)
        .await?;
    let cases = works_case::Entity::find()
        .filter(works_case::Column::WorksId.eq(works.id))
        .order_by_asc(works_case::Column::CreatedAt)
        .all(db)
        .await?;
    Ok(WorksRecord {
        works,
        stages,
        visits,
        cases,
    })
}

pub async fn get(db: &impl ConnectionTrait, actor: &Actor, id: Uuid) -> StoreResult<WorksRecord> {
    let works = find_visible(db, actor, id).await?;
    record(db, works).await
}

/// Works in scope, newest first.
pub async fn list(
    db: &impl ConnectionTrait,
    actor: &Actor,
    limit: Option<u64>,
    cursor: Option<&str>,
) -> StoreResult<Page<WorksRecord>> {
    let limit = page::limit(limit)?;
    let mut query = works::Entity::find().filter(scope(actor));
    if let Some(cursor) = cursor {
        query = query.filter(works::Column::Id.lt(page::decode_uuid(cursor)?));
    }
    let rows = query.order_by_desc(works::Column::Id).limit(limit + 1).all(db).await?;
    let page = page::finish(rows, limit, |w| w.id.to_string());
    let mut items = Vec::with_capacity(page.items.len());
    for works in page.items {
        items.push(record(db, works).await?);
    }
    Ok(Page {
        items,
        next_cursor: page.next_cursor,
    })
}
