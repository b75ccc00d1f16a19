//! The children of an incident follow their parent (one incident, many callers): the link rules
//! checked before an action on either, and each child's step run through this same pipeline —
//! the recursion that makes following part of the pipeline rather than a module beside it.
//! Linking and unlinking themselves are `super::super::link`; the rules are
//! `huiyin_domain::case::link`.

use std::collections::HashMap;

use huiyin_domain::case::change::{Change, Input};
use huiyin_domain::case::link::{self, LinkCase, LinkError, Step};
use huiyin_domain::case::{CaseAction, CaseStatus, ReplyMethod};
use sea_orm::{ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

use super::run;
use crate::cases::{kind_of, status_of};
use crate::entity::{case, work_order};
use crate::{now, Actor, StoreError, StoreResult};

pub(in crate::cases) fn refused(e: LinkError) -> StoreError {
    match e.field() {
        Some(field) => StoreError::invalid(field, e.to_string()),
        None if e == LinkError::ParentHasChildren => StoreError::conflict("children", e.to_string()),
        None => StoreError::conflict("parent_id", e.to_string()),
    }
}

pub(in crate::cases) fn view(row: &case::Model) -> StoreResult<LinkCase> {
    Ok(LinkCase {
        id: row.id,
        kind: kind_of(row)?,
        status: status_of(row)?,
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
        link::check_own_action(action, status_of(&parent)?).map_err(refused)?;
    }
    Ok(())
}

/// The children of `parent` take the step its `change` made, each through the pipeline. Two
/// statements for the children (with their statistics facts) and their open work orders, then
/// each child's own change.
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
    let children = super::load::load(
        db,
        Condition::all()
            .add(case::Column::ParentId.eq(parent.id))
            .add(case::Column::Status.is_not_in(finished)),
    )
    .await?;
    let mut orders = open_orders(db, children.iter().map(|c| &c.case)).await?;
    let department = change.event.payload["department"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    for loaded in &children {
        let child = &loaded.case;
        let Some(child_step) = link::follow(step, &view(child)?, parent.department_id) else {
            continue;
        };
        let order = child.current_work_order_id.and_then(|id| orders.remove(&id));
        let input = step_input(child_step, parent, &department, change.event.note.as_deref());
        // A child changed meanwhile makes the parent's action a conflict, not the parent stale.
        run(db, actor, loaded, order.as_ref(), input, Some(parent))
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
async fn open_orders<'a>(
    db: &impl ConnectionTrait,
    cases: impl Iterator<Item = &'a case::Model>,
) -> StoreResult<HashMap<Uuid, work_order::Model>> {
    let ids: Vec<Uuid> = cases.filter_map(|c| c.current_work_order_id).collect();
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
pub(in crate::cases) fn step_input(step: Step, parent: &case::Model, department: &str, text: Option<&str>) -> Input {
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
