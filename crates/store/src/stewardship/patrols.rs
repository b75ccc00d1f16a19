//! Patrols (巡查): one walk of a route with a result per checkpoint. A failed checkpoint opens an
//! incident case through the case pipeline, in the same transaction, and the result links to it.

use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};
use huiyin_domain::case::{CaseKind, Channel, Severity};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set};
use uuid::Uuid;

use super::routes::{self, Checkpoint, RouteRecord};
use super::{area_in_scope, areas_in_scope};
use crate::cases::create::{self as register, CreateCase};
use crate::entity::{patrol, patrol_result, patrol_route};
use crate::page::{self, Page};
use crate::validate::optional;
use crate::{new_id, now, Actor, StoreError, StoreResult};

#[derive(Debug, Clone)]
pub struct CheckpointResult {
    pub checkpoint_id: Uuid,
    pub ok: bool,
    pub note: Option<String>,
}

#[derive(Debug, Clone)]
pub struct RecordPatrol {
    pub route_id: Uuid,
    pub results: Vec<CheckpointResult>,
    pub started_at: Option<DateTime<Utc>>,
    pub finished_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone)]
pub struct PatrolRecord {
    pub patrol: patrol::Model,
    pub results: Vec<patrol_result::Model>,
}

fn times(input: &RecordPatrol) -> StoreResult<(DateTime<Utc>, DateTime<Utc>)> {
    let at = now();
    let finished = input.finished_at.unwrap_or(at);
    let started = input.started_at.unwrap_or(finished);
    if finished > at + Duration::minutes(5) {
        return Err(StoreError::invalid("finished_at", "cannot be in the future"));
    }
    if started > finished {
        return Err(StoreError::invalid("started_at", "is after finished_at"));
    }
    if finished - started > Duration::hours(24) {
        return Err(StoreError::invalid("started_at", "a patrol lasts at most a day"));
    }
    if finished < at - Duration::days(31) {
        return Err(StoreError::invalid("finished_at", "is more than a month ago"));
    }
    Ok((started, finished))
}

/// Each checkpoint of the route exactly once, in route order.
fn match_results<'a>(
    route: &'a RouteRecord,
    results: &[CheckpointResult],
) -> StoreResult<Vec<(&'a Checkpoint, CheckpointResult)>> {
    let points: HashMap<Uuid, &Checkpoint> = route.checkpoints.iter().map(|c| (c.row.id, c)).collect();
    let mut given: HashMap<Uuid, CheckpointResult> = HashMap::new();
    for (i, result) in results.iter().enumerate() {
        if !points.contains_key(&result.checkpoint_id) {
            return Err(StoreError::invalid(
                format!("results[{i}].checkpoint_id"),
                "not a checkpoint of this route",
            ));
        }
        let note = optional(&format!("results[{i}].note"), result.note.as_deref(), 2000)?;
        let result = CheckpointResult { note, ..result.clone() };
        if given.insert(result.checkpoint_id, result).is_some() {
            return Err(StoreError::invalid(
                format!("results[{i}].checkpoint_id"),
                "this checkpoint is reported twice",
            ));
        }
    }
    route
        .checkpoints
        .iter()
        .map(|c| {
            given
                .remove(&c.row.id)
                .map(|r| (c, r))
                .ok_or_else(|| StoreError::invalid("results", format!("checkpoint '{}' has no result", c.row.name)))
        })
        .collect()
}

/// Records a patrol of a route of the actor's areas; opens one incident case per failed checkpoint.
pub async fn record(db: &impl ConnectionTrait, actor: &Actor, input: RecordPatrol) -> StoreResult<PatrolRecord> {
    let route = routes::get(db, actor, input.route_id).await.map_err(|e| match e {
        StoreError::NotFound => StoreError::invalid("route_id", "no such route"),
        other => other,
    })?;
    let matched = match_results(&route, &input.results)?;
    let (started, finished) = times(&input)?;
    let failed = matched.iter().filter(|(_, r)| !r.ok).count();
    let saved = patrol::ActiveModel {
        id: Set(new_id()),
        route_id: Set(route.route.id),
        project_id: Set(route.route.project_id),
        area_id: Set(route.route.area_id),
        steward_id: Set(actor.user_id),
        started_at: Set(started),
        finished_at: Set(finished),
        failed: Set(failed as i32),
        created_at: Set(now()),
    }
    .insert(db)
    .await?;
    let mut results = Vec::with_capacity(matched.len());
    for (position, (point, result)) in matched.into_iter().enumerate() {
        let case_id = if result.ok {
            None
        } else {
            Some(open_incident(db, actor, &route, point, result.note.as_deref(), finished).await?)
        };
        let row = patrol_result::ActiveModel {
            id: Set(new_id()),
            patrol_id: Set(saved.id),
            checkpoint_id: Set(point.row.id),
            position: Set(position as i32),
            ok: Set(result.ok),
            note: Set(result.note),
            case_id: Set(case_id),
        }
        .insert(db)
        .await?;
        results.push(row);
    }
    let last = route.route.last_patrolled_at.map_or(finished, |l| l.max(finished));
    patrol_route::ActiveModel {
        id: Set(route.route.id),
        last_patrolled_at: Set(Some(last)),
        updated_at: Set(now()),
        version: Set(route.route.version + 1),
        ..Default::default()
    }
    .update(db)
    .await?;
    Ok(PatrolRecord { patrol: saved, results })
}

async fn open_incident(
    db: &impl ConnectionTrait,
    actor: &Actor,
    route: &RouteRecord,
    point: &Checkpoint,
    note: Option<&str>,
    at: DateTime<Utc>,
) -> StoreResult<Uuid> {
    let created = register::create(
        db,
        actor,
        CreateCase {
            kind: CaseKind::Incident,
            channel: Channel::Patrol,
            category_id: None,
            severity: Severity::Normal,
            customer_id: None,
            customer: None,
            property_id: point.row.property_id,
            project_id: Some(route.route.project_id),
            area_id: Some(route.route.area_id),
            steward_visit_id: None,
            title: format!("巡查异常：{} · {}", route.route.name, point.row.name),
            description: note.unwrap_or_default().to_owned(),
            reported_at: Some(at.min(now())),
        },
    )
    .await?;
    Ok(created.id)
}

async fn with_results(db: &impl ConnectionTrait, patrols: Vec<patrol::Model>) -> StoreResult<Vec<PatrolRecord>> {
    let mut results = patrol_result::Entity::find()
        .filter(patrol_result::Column::PatrolId.is_in(patrols.iter().map(|p| p.id).collect::<Vec<_>>()))
        .order_by_asc(patrol_result::Column::Position)
        .all(db)
        .await?;
    Ok(patrols
        .into_iter()
        .map(|p| {
            let (mine, rest): (Vec<_>, Vec<_>) = std::mem::take(&mut results)
                .into_iter()
                .partition(|r| r.patrol_id == p.id);
            results = rest;
            PatrolRecord {
                patrol: p,
                results: mine,
            }
        })
        .collect())
}

/// A patrol of one of the actor's areas.
pub async fn get(db: &impl ConnectionTrait, actor: &Actor, id: Uuid) -> StoreResult<PatrolRecord> {
    let found = patrol::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(StoreError::NotFound)?;
    area_in_scope(db, actor, found.area_id).await?;
    with_results(db, vec![found]).await?.pop().ok_or(StoreError::NotFound)
}

#[derive(Debug, Clone, Default)]
pub struct PatrolFilter {
    pub route_id: Option<Uuid>,
    pub area_id: Option<Uuid>,
    pub limit: Option<u64>,
    pub cursor: Option<String>,
}

/// Patrols of the actor's areas, newest first; a route or area outside the scope is not found.
pub async fn list(db: &impl ConnectionTrait, actor: &Actor, filter: &PatrolFilter) -> StoreResult<Page<PatrolRecord>> {
    let limit = page::limit(filter.limit)?;
    let mut select = patrol::Entity::find();
    if let Some(route_id) = filter.route_id {
        routes::get(db, actor, route_id).await?;
        select = select.filter(patrol::Column::RouteId.eq(route_id));
    }
    if let Some(area_id) = filter.area_id {
        area_in_scope(db, actor, area_id).await?;
        select = select.filter(patrol::Column::AreaId.eq(area_id));
    } else if let Some(areas) = areas_in_scope(db, actor).await? {
        select = select.filter(patrol::Column::AreaId.is_in(areas));
    }
    if let Some(cursor) = &filter.cursor {
        select = select.filter(patrol::Column::Id.lt(page::decode_uuid(cursor)?));
    }
    let rows = select
        .order_by_desc(patrol::Column::Id)
        .limit(limit + 1)
        .all(db)
        .await?;
    let Page { items, next_cursor } = page::finish(rows, limit, |r| r.id.to_string());
    Ok(Page {
        items: with_results(db, items).await?,
        next_cursor,
    })
}
