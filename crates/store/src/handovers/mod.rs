//! Shift handovers (交接班): the outgoing agent writes notes, instructions, suggestions and the
//! state of the equipment; the server adds a snapshot of what is still open in the author's
//! scope; another member of the service desk signs it. Unsigned past the reminder time, the
//! supervisors of its projects are told once (by the worker, with a conditional write).

pub mod snapshot;

use chrono::{DateTime, Utc};
use huiyin_domain::handover::{may_accept, AcceptError, HandoverSettings, HandoverStatus, Shift};
use huiyin_domain::role::Role;
use sea_orm::sea_query::{Expr, Query};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
    TransactionTrait,
};
use uuid::Uuid;

use self::snapshot::Snapshot;
use crate::arrears::sweep::project_people;
use crate::entity::{handover, handover_project, project};
use crate::notifications::{self, NewNotification, NotificationKind};
use crate::page::{self, Page};
use crate::validate::optional;
use crate::wire::Wire;
use crate::{new_id, now, settings, Actor, StoreError, StoreResult};

pub const SETTINGS: &str = "handover_settings";

pub async fn settings(db: &impl ConnectionTrait) -> StoreResult<(HandoverSettings, i32)> {
    settings::get(db, SETTINGS).await
}

pub async fn save_settings(db: &impl ConnectionTrait, value: &HandoverSettings, expected: i32) -> StoreResult<i32> {
    if !value.is_valid() {
        return Err(StoreError::invalid("reminder_minutes", "must be 1 to 1440"));
    }
    settings::put(db, SETTINGS, value, expected).await
}

/// A handover to write.
#[derive(Debug, Clone, Default)]
pub struct NewHandover {
    /// Defaults to the author's projects.
    pub project_ids: Option<Vec<Uuid>>,
    pub shift: Option<Shift>,
    pub notes: Option<String>,
    pub instructions: Option<String>,
    pub suggestions: Option<String>,
    pub equipment: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct HandoverRecord {
    pub id: Uuid,
    pub author_id: Uuid,
    pub project_ids: Vec<Uuid>,
    pub shift: Shift,
    pub notes: Option<String>,
    pub instructions: Option<String>,
    pub suggestions: Option<String>,
    pub equipment: Option<String>,
    pub snapshot: Snapshot,
    pub status: HandoverStatus,
    pub accepted_by: Option<Uuid>,
    pub accepted_at: Option<DateTime<Utc>>,
    pub accept_note: Option<String>,
    pub reminded_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub version: i32,
}

/// The projects a handover covers: those asked for (each must be the actor's), else all of the actor's.
pub async fn projects_for(db: &impl ConnectionTrait, actor: &Actor, asked: Option<&[Uuid]>) -> StoreResult<Vec<Uuid>> {
    let mut ids = match asked {
        Some(ids) if !ids.is_empty() => ids.to_vec(),
        _ if actor.role.sees_all_projects() => {
            project::Entity::find()
                .select_only()
                .column(project::Column::Id)
                .into_tuple()
                .all(db)
                .await?
        }
        _ => actor.project_ids.clone(),
    };
    ids.sort_unstable();
    ids.dedup();
    for id in &ids {
        if !actor.sees_project(*id) || project::Entity::find_by_id(*id).one(db).await?.is_none() {
            return Err(StoreError::invalid("project_ids", format!("no such project {id}")));
        }
    }
    if ids.is_empty() {
        return Err(StoreError::invalid("project_ids", "you belong to no project; name one"));
    }
    Ok(ids)
}

async fn records(db: &impl ConnectionTrait, rows: Vec<handover::Model>) -> StoreResult<Vec<HandoverRecord>> {
    let links = handover_project::Entity::find()
        .filter(handover_project::Column::HandoverId.is_in(rows.iter().map(|r| r.id).collect::<Vec<_>>()))
        .all(db)
        .await?;
    rows.into_iter()
        .map(|r| {
            let snapshot: Snapshot = serde_json::from_str(&r.snapshot).map_err(|e| {
                StoreError::Db(sea_orm::DbErr::Type(format!(
                    "handovers {}: unreadable snapshot: {e}",
                    r.id
                )))
            })?;
            Ok(HandoverRecord {
                shift: r.shift.0,
                status: r.status.0,
                project_ids: links
                    .iter()
                    .filter(|l| l.handover_id == r.id)
                    .map(|l| l.project_id)
                    .collect(),
                id: r.id,
                author_id: r.author_id,
                notes: r.notes,
                instructions: r.instructions,
                suggestions: r.suggestions,
                equipment: r.equipment,
                snapshot,
                accepted_by: r.accepted_by,
                accepted_at: r.accepted_at,
                accept_note: r.accept_note,
                reminded_at: r.reminded_at,
                created_at: r.created_at,
                version: r.version,
            })
        })
        .collect()
}

/// Writes a handover with the snapshot taken now (in the caller's transaction).
pub async fn create(db: &impl ConnectionTrait, actor: &Actor, input: NewHandover) -> StoreResult<HandoverRecord> {
    let projects = projects_for(db, actor, input.project_ids.as_deref()).await?;
    let text = |field: &str, value: &Option<String>| optional(field, value.as_deref(), 4000);
    let at = now();
    let taken = snapshot::take(db, actor, &projects, at).await?;
    let saved = handover::ActiveModel {
        id: Set(new_id()),
        author_id: Set(actor.user_id),
        shift: Set(Wire(input.shift.unwrap_or(Shift::Other))),
        notes: Set(text("notes", &input.notes)?),
        instructions: Set(text("instructions", &input.instructions)?),
        suggestions: Set(text("suggestions", &input.suggestions)?),
        equipment: Set(text("equipment", &input.equipment)?),
        snapshot: Set(serde_json::to_string(&taken).unwrap_or_else(|_| "{}".into())),
        status: Set(Wire(HandoverStatus::Pending)),
        accepted_by: Set(None),
        accepted_at: Set(None),
        accept_note: Set(None),
        reminded_at: Set(None),
        created_at: Set(at),
        updated_at: Set(at),
        version: Set(1),
    }
    .insert(db)
    .await?;
    handover_project::Entity::insert_many(projects.iter().map(|p| handover_project::ActiveModel {
        handover_id: Set(saved.id),
        project_id: Set(*p),
    }))
    .exec(db)
    .await?;
    records(db, vec![saved]).await?.pop().ok_or(StoreError::NotFound)
}

/// Handovers covering one of the actor's projects (admins: all).
fn visible(actor: &Actor) -> sea_orm::Condition {
    match actor.project_filter() {
        None => sea_orm::Condition::all(),
        Some(ids) => sea_orm::Condition::all().add(
            handover::Column::Id.in_subquery(
                Query::select()
                    .column(handover_project::Column::HandoverId)
                    .from(handover_project::Entity)
                    .and_where(handover_project::Column::ProjectId.is_in(ids.to_vec()))
                    .to_owned(),
            ),
        ),
    }
}

#[derive(Debug, Clone, Default)]
pub struct ListHandovers {
    pub status: Option<HandoverStatus>,
    pub project_id: Option<Uuid>,
    pub limit: Option<u64>,
    pub cursor: Option<String>,
}

/// Handovers in scope, newest first.
pub async fn list(db: &impl ConnectionTrait, actor: &Actor, query: ListHandovers) -> StoreResult<Page<HandoverRecord>> {
    let limit = page::limit(query.limit)?;
    let mut select = handover::Entity::find().filter(visible(actor));
    if let Some(status) = query.status {
        select = select.filter(handover::Column::Status.eq(status.as_str()));
    }
    if let Some(project) = query.project_id {
        select = select.filter(
            handover::Column::Id.in_subquery(
                Query::select()
                    .column(handover_project::Column::HandoverId)
                    .from(handover_project::Entity)
                    .and_where(handover_project::Column::ProjectId.eq(project))
                    .to_owned(),
            ),
        );
    }
    if let Some(cursor) = &query.cursor {
        select = select.filter(handover::Column::Id.lt(page::decode_uuid(cursor)?));
    }
    let rows = select
        .order_by_desc(handover::Column::Id)
        .limit(limit + 1)
        .all(db)
        .await?;
    let Page { items, next_cursor } = page::finish(rows, limit, |h| h.id.to_string());
    Ok(Page {
        items: records(db, items).await?,
        next_cursor,
    })
}

pub async fn get(db: &impl ConnectionTrait, actor: &Actor, id: Uuid) -> StoreResult<HandoverRecord> {
    let found = handover::Entity::find_by_id(id)
        .filter(visible(actor))
        .one(db)
        .await?
        .ok_or(StoreError::NotFound)?;
    records(db, vec![found]).await?.pop().ok_or(StoreError::NotFound)
}

/// The next shift signs the handover (never its author: 409).
pub async fn accept(
    db: &impl ConnectionTrait,
    actor: &Actor,
    id: Uuid,
    expected_version: i32,
    note: Option<&str>,
) -> StoreResult<HandoverRecord> {
    let found = get(db, actor, id).await?;
    let note = optional("note", note, 2000)?;
    if found.version != expected_version {
        return Err(StoreError::Stale { current: found.version });
    }
    may_accept(&found.author_id, &actor.user_id, found.status).map_err(|e| match e {
        AcceptError::OwnHandover => StoreError::conflict("author_id", e.to_string()),
        AcceptError::AlreadyAccepted => StoreError::conflict("status", e.to_string()),
    })?;
    let at = now();
    let changed = handover::Entity::update_many()
        .col_expr(handover::Column::Status, Expr::value(HandoverStatus::Accepted.as_str()))
        .col_expr(handover::Column::AcceptedBy, Expr::value(actor.user_id))
        .col_expr(handover::Column::AcceptedAt, Expr::value(at))
        .col_expr(handover::Column::AcceptNote, Expr::value(note))
        .col_expr(handover::Column::UpdatedAt, Expr::value(at))
        .col_expr(handover::Column::Version, Expr::value(found.version + 1))
        .filter(handover::Column::Id.eq(id))
        .filter(handover::Column::Version.eq(expected_version))
        .filter(handover::Column::Status.eq(HandoverStatus::Pending.as_str()))
        .exec(db)
        .await?;
    if changed.rows_affected == 0 {
        return Err(StoreError::conflict(
            "status",
            "this handover was just accepted by someone else",
        ));
    }
    get(db, actor, id).await
}

/// The worker's round: handovers unsigned past the reminder time notify their projects'
/// supervisors, each handover once.
pub async fn remind_due<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    at: DateTime<Utc>,
    limit: u64,
) -> StoreResult<usize> {
    let (config, _) = settings(db).await?;
    let due = handover::Entity::find()
        .filter(handover::Column::Status.eq(HandoverStatus::Pending.as_str()))
        .filter(handover::Column::RemindedAt.is_null())
        .filter(handover::Column::CreatedAt.lte(config.remind_written_before(at)))
        .order_by_asc(handover::Column::CreatedAt)
        .limit(limit)
        .all(db)
        .await?;
    let mut done = 0;
    for row in due {
        let txn = db.begin().await?;
        let claimed = handover::Entity::update_many()
            .col_expr(handover::Column::RemindedAt, Expr::value(at))
            .filter(handover::Column::Id.eq(row.id))
            .filter(handover::Column::RemindedAt.is_null())
            .filter(handover::Column::Status.eq(HandoverStatus::Pending.as_str()))
            .exec(&txn)
            .await?;
        if claimed.rows_affected == 1 {
            let projects: Vec<Uuid> = handover_project::Entity::find()
                .filter(handover_project::Column::HandoverId.eq(row.id))
                .select_only()
                .column(handover_project::Column::ProjectId)
                .into_tuple()
                .all(&txn)
                .await?;
            let who = project_people(&txn, &projects, &[Role::Supervisor]).await?;
            notifications::notify(
                &txn,
                &who,
                &NewNotification {
                    kind: NotificationKind::HandoverPending,
                    title: format!("交接班记录 {} 分钟未签收", config.reminder_minutes),
                    body: format!("handover {} written at {}", row.id, row.created_at.to_rfc3339()),
                    case_id: None,
                    warning_id: None,
                },
            )
            .await?;
            done += 1;
        }
        txn.commit().await?;
    }
    Ok(done)
}
