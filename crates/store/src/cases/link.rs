//! One incident, many callers: linking a case to an incident case, unlinking it, and the
//! children following their parent's handling (the rules are `huiyin_domain::case::link`).
//!
//! Every step a child takes goes through the case pipeline ([`super::pipeline::run`],
//! [`super::pipeline::follow`]): its own
//! timeline entry (naming the incident it followed), work order, deadlines, visits,
//! notifications and statistics, in the parent's transaction. The relation itself
//! (`cases.parent_id`, the parent's `child_count`) is no handling change: it is written here,
//! version-checked on the child, with a timeline entry on both cases.

use huiyin_domain::case::link::{self, LinkError};
use huiyin_domain::case::{CaseStatus, Visibility};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, TransactionTrait};
use serde_json::json;
use uuid::Uuid;

use super::pipeline::follow::{refused, step_input, view};
use super::pipeline::load::Loaded;
use super::pipeline::run;
use super::scope::find_visible;
use super::status_of;
use crate::entity::{case, work_order};
use crate::timeline::{self, NewEvent};
use crate::{now, statements, Actor, StoreError, StoreResult};

/// Links case `id` (at `expected_version`) to the incident `parent_id`: both must be visible to
/// the actor (404 otherwise). A child behind its parent is brought to the parent's stage through
/// the pipeline first. Returns the child as written.
#[tracing::instrument(name = "cases::link", target = "huiyin::store", level = "debug", skip_all, fields(case_id = %id, parent_id = %parent_id))]
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
            // Each step's statistics against the facts the step before wrote.
            let loaded = Loaded::with_facts(&txn, current).await?;
            current = run(&txn, actor, &loaded, order.as_ref(), input, Some(&parent)).await?.0;
        }
    }
    let saved = relate(&txn, actor, &current, &parent, true).await?;
    statements::commit(txn).await?;
    Ok(saved)
}

/// Unlinks case `id` from its incident, allowed only before the incident resolves (409 after:
/// its callers have been answered through it). Returns the case as written.
#[tracing::instrument(name = "cases::unlink", target = "huiyin::store", level = "debug", skip_all, fields(case_id = %id))]
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
    let parent_status = parent.as_ref().map(status_of).transpose()?;
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
    let (action, status) = (if linked { "link" } else { "unlink" }, status_of(child)?);
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
    timeline::append(db, entry(child.id, &parent.number, payload)).await?;
    let parent_status = status_of(parent)?;
    timeline::append(
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
