//! One incident, many callers: linking a case to an incident case, unlinking it, and the
//! children following their parent's handling (the rules are `huiyin_domain::case::link`).
//!
//! Every step a child takes goes through the case pipeline ([`super::pipeline::run`]): its own
//! timeline entry (naming the incident it followed), work order, deadlines, visits,
//! notifications and statistics, in the parent's transaction. The relation itself
//! (`cases.parent_id`, the parent's `child_count`) is no handling change: it is written here,
//! version-checked on the child, with a timeline entry on both cases.

use std::collections::HashMap;

use huiyin_domain::case::change::{Change, Input};
use huiyin_domain::case::link::{self, LinkCase, LinkError, Step};
use huiyin_domain::case::{CaseAction, CaseStatus, ReplyMethod, Visibility};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, TransactionTrait};
use serde::{Deserialize, Serialize};
use serde_json::json;
use utoipa::ToSchema;
use uuid::Uuid;

use super::actions::find_visible;
use super::events::{self, NewEvent};
use super::pipeline::run;
use crate::entity::{case, work_order};
use crate::{now, statements, Actor, StoreError, StoreResult};

/// `POST /cases/{id}/link`: the incident to follow.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LinkToIncident {
    /// An unresolved incident case (报事) of the same project, not itself linked to another.
    pub parent_id: Uuid,
}

fn refused(e: LinkError) -> StoreError {
    match e.field() {
        Some(field) => StoreError::invalid(field, e.to_string()),
        None if e == LinkError::ParentHasChildren => StoreError::conflict("children", e.to_string()),
        None => StoreError::conflict("parent_id", e.to_string()),
    }
}

fn view(row: &case::Model) -> StoreResult<LinkCase> {
    Ok(LinkCase {
        id: row.id,
        kind: row.kind.0,
        status: row.status.0,
        project_id: row.project_id,
        parent_id: row.parent_id,
        child_count: row.child_count,
        department_id: row.department_id,
    })
}

/// The link rules for an action on `current` itself: a child leaves its handling to a parent
/// that has not resolved yet, a parent with children is not cancelled. No statement for a case
/// that is neither child nor parent.
pub(super) async fn check_action(
    db: &impl ConnectionTrait,
    current: &case::Model,
    action: CaseAction,
) -> StoreResult<()> {
    link::check_cancel(action, current.child_count).map_err(refused)?;
    if let Some(parent_id) = current.parent_id.filter(|_| link::led_by_parent(action)) {
        let parent = case::Entity::find_by_id(parent_id)
            .one(db)
            .await?
            .ok_or(StoreError::NotFound)?;
        link::check_own_action(action, parent.status.0).map_err(refused)?;
    }
    Ok(())
}

/// The children of `parent` take the step its `change` made, each through the pipeline. Two
/// statements for the children and their open work orders, then each child's own change.
pub(super) async fn follow_parent(
    db: &impl ConnectionTrait,
    actor: &Actor,
    parent: &case::Model,
    change: &Change,
) -> StoreResult<()> {
    let Some(action) = CaseAction::parse(change.event.action) else {
        return Ok(());
    };
    let Some(step) = link::parent_step(action, change.outcome.from) else {
        return Ok(());
    };
    let finished = [CaseStatus::Closed.as_str(), CaseStatus::Cancelled.as_str()];
    let children = case::Entity::find()
        .filter(case::Column::ParentId.eq(parent.id))
        .filter(case::Column::Status.is_not_in(finished))
        .all(db)
        .await?;
    let mut orders = open_orders(db, &children).await?;
    let department = change.event.payload["department"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    for child in &children {
        let Some(child_step) = link::follow(step, &view(child)?, parent.department_id) else {
            continue;
        };
        let order = child.current_work_order_id.and_then(|id| orders.remove(&id));
        let input = step_input(child_step, parent, &department, change.event.note.as_deref());
        // A child changed meanwhile makes the parent's action a conflict, not the parent stale.
        run(db, actor, child, order.as_ref(), input, Some(parent))
            .await
            .map_err(|e| match e {
                StoreError::Stale { .. } => StoreError::conflict(
                    "children",
                    format!("the linked case {} was changed meanwhile: try again", child.number),
                ),
                other => other,
            })?;
    }
    Ok(())
}

/// The current work orders of `cases`, by id: one statement (none when none has one).
async fn open_orders(
    db: &impl ConnectionTrait,
    cases: &[case::Model],
) -> StoreResult<HashMap<Uuid, work_order::Model>> {
    let ids: Vec<Uuid> = cases.iter().filter_map(|c| c.current_work_order_id).collect();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let rows = work_order::Entity::find()
        .filter(work_order::Column::Id.is_in(ids))
        .all(db)
        .await?;
    Ok(rows.into_iter().map(|o| (o.id, o)).collect())
}

/// The pipeline input of a child's step, from the parent as written: its department and person,
/// its work order's due time (while still ahead), its result or reply text. A reply reaches
/// each caller by phone.
fn step_input(step: Step, parent: &case::Model, department: &str, text: Option<&str>) -> Input {
    let department_id = parent.department_id.unwrap_or_else(Uuid::nil);
    match step {
        Step::Dispatch => Input::Dispatch {
            department_id,
            department: department.to_owned(),
            assignee_id: parent.assignee_id,
            due_at: parent.due_at.filter(|due| *due > now()),
            note: Some(format!("随事件 {} 派单", parent.number)),
        },
        Step::Reassign => Input::Reassign {
            department_id,
            department: department.to_owned(),
            assignee_id: parent.assignee_id,
            note: Some(format!("随事件 {} 转派", parent.number)),
        },
        Step::Accept => Input::Accept,
        Step::Resolve => Input::Resolve {
            result: text.unwrap_or_default().to_owned(),
            charge_amount: None,
            charge_cents: None,
            materials: None,
        },
        Step::Reply => Input::Reply {
            content: text.unwrap_or_default().to_owned(),
            method: ReplyMethod::Phone,
        },
    }
}

/// Links case `id` (at `expected_version`) to the incident `parent_id`: both must be visible to
/// the actor (404 otherwise). A child behind its parent is brought to the parent's stage through
/// the pipeline first. Returns the child as written.
pub async fn link_case<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    id: Uuid,
    expected_version: i32,
    parent_id: Uuid,
) -> StoreResult<case::Model> {
    let txn = statements::begin(db).await?;
    let child = load_current(&txn, actor, id, expected_version).await?;
    let parent = find_visible(&txn, actor, parent_id).await?;
    let (child_view, parent_view) = (view(&child)?, view(&parent)?);
    link::check_link(&child_view, &parent_view).map_err(refused)?;
    let steps = link::catch_up(&child_view, &parent_view).map_err(refused)?;
    let mut current = child;
    if !steps.is_empty() {
        let department_id = parent.department_id.unwrap_or_else(Uuid::nil);
        let department = super::targets::check_department(&txn, department_id, parent.project_id).await?;
        for step in steps {
            let order = match current.current_work_order_id {
                Some(wo) => work_order::Entity::find_by_id(wo).one(&txn).await?,
                None => None,
            };
            let input = step_input(step, &parent, &department.name, None);
            current = run(&txn, actor, &current, order.as_ref(), input, Some(&parent))
                .await?
                .0;
        }
    }
    let saved = relate(&txn, actor, &current, &parent, true).await?;
    statements::commit(txn).await?;
    Ok(saved)
}

/// Unlinks case `id` from its incident, allowed only before the incident resolves (409 after:
/// its callers have been answered through it). Returns the case as written.
pub async fn unlink_case<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    id: Uuid,
    expected_version: i32,
) -> StoreResult<case::Model> {
    let txn = statements::begin(db).await?;
    let child = load_current(&txn, actor, id, expected_version).await?;
    let parent = match child.parent_id {
        Some(parent_id) => case::Entity::find_by_id(parent_id).one(&txn).await?,
        None => None,
    };
    let parent_status = parent.as_ref().map(|p| p.status.0);
    link::check_unlink(
        parent.as_ref().map(|p| p.id),
        parent_status.unwrap_or(CaseStatus::Registered),
    )
    .map_err(refused)?;
    let Some(parent) = parent else {
        return Err(refused(LinkError::NotLinked));
    };
    let saved = relate(&txn, actor, &child, &parent, false).await?;
    statements::commit(txn).await?;
    Ok(saved)
}

async fn load_current(db: &impl ConnectionTrait, actor: &Actor, id: Uuid, expected: i32) -> StoreResult<case::Model> {
    let current = find_visible(db, actor, id).await?;
    if current.version != expected {
        return Err(StoreError::Stale {
            current: current.version,
        });
    }
    Ok(current)
}

/// Writes the relation (or its end): the child's `parent_id` (version-checked), the parent's
/// `child_count` (both one version up, so a console holding either reloads), and a timeline
/// entry on each.
async fn relate(
    db: &impl ConnectionTrait,
    actor: &Actor,
    child: &case::Model,
    parent: &case::Model,
    linked: bool,
) -> StoreResult<case::Model> {
    let at = now();
    let updated = case::Entity::update_many()
        .col_expr(case::Column::ParentId, Expr::value(linked.then_some(parent.id)))
        .col_expr(case::Column::Version, Expr::value(child.version + 1))
        .col_expr(case::Column::UpdatedAt, Expr::value(at))
        .filter(case::Column::Id.eq(child.id))
        .filter(case::Column::Version.eq(child.version))
        .exec(db)
        .await?;
    if updated.rows_affected == 0 {
        return Err(StoreError::Stale {
            current: child.version + 1,
        });
    }
    // Version-checked too: the child caught up with the parent as it was read.
    let delta = if linked { 1 } else { -1 };
    let updated = case::Entity::update_many()
        .col_expr(case::Column::ChildCount, Expr::value(parent.child_count + delta))
        .col_expr(case::Column::Version, Expr::value(parent.version + 1))
        .col_expr(case::Column::UpdatedAt, Expr::value(at))
        .filter(case::Column::Id.eq(parent.id))
        .filter(case::Column::Version.eq(parent.version))
        .exec(db)
        .await?;
    if updated.rows_affected == 0 {
        return Err(StoreError::conflict(
            "parent_id",
            "the incident was changed meanwhile: reload and try again",
        ));
    }
    let (action, status) = (if linked { "link" } else { "unlink" }, child.status.0);
    // The note names the other side, so each timeline reads on its own.
    let entry = |case_id, other: &str, payload| NewEvent {
        case_id,
        actor_id: Some(actor.user_id),
        action,
        from: Some(status),
        to: Some(status),
        note: Some(other.to_owned()),
        payload,
        visibility: Visibility::Internal,
    };
    let payload = json!({"parent_id": parent.id, "parent_number": parent.number});
    events::append(db, entry(child.id, &parent.number, payload)).await?;
    let parent_status = parent.status.0;
    events::append(
        db,
        NewEvent {
            from: Some(parent_status),
            to: Some(parent_status),
            ..entry(
                parent.id,
                &child.number,
                json!({"child_id": child.id, "child_number": child.number}),
            )
        },
    )
    .await?;
    let mut saved = child.clone();
    saved.parent_id = linked.then_some(parent.id);
    saved.version = child.version + 1;
    saved.updated_at = at;
    Ok(saved)
}
