//! One function per action: what it changes on the case, the work order and the timeline.

use chrono::{DateTime, Utc};
use serde_json::json;
use uuid::Uuid;

use super::effects::{effects, invalid, open_order, Effects};
use super::types::*;
use crate::case::{
    CancelReason, CaseStatus, Outcome, ReplyMethod, Satisfaction, TransitionError, Visibility, WorkOrderEffect,
};

pub(super) fn verify(after: &mut CaseState, ctx: &Context<'_>, note: String) -> Effects {
    after.verified_at = Some(ctx.at);
    effects("verify", Some(note), json!({}), Visibility::Internal)
}

pub(super) fn dispatch(
    after: &mut CaseState,
    ctx: &Context<'_>,
    department_id: Uuid,
    department: String,
    assignee_id: Option<Uuid>,
    due_at: Option<DateTime<Utc>>,
    note: Option<String>,
) -> Result<Effects, ChangeError> {
    if due_at.is_some_and(|due| due <= ctx.at) {
        return invalid("due_at", "must be in the future");
    }
    let due = due_at.unwrap_or_else(|| ctx.clock.add(ctx.at, ctx.durations.resolve()));
    let order = open_order(after, ctx, department_id, assignee_id, due, note.clone());
    if after.first_dispatched_at.is_none() {
        after.first_dispatched_at = Some(ctx.at);
    }
    let payload = json!({"department_id": department_id, "department": department, "assignee_id": assignee_id,
                         "due_at": due, "work_order": after.dispatch_count});
    Ok(Effects {
        order,
        ..effects("dispatch", note, payload, Visibility::Public)
    })
}

pub(super) fn accept(after: &mut CaseState, ctx: &Context<'_>) -> Effects {
    let assignee = after.assignee_id.unwrap_or(ctx.actor);
    after.assignee_id = Some(assignee);
    let order = match ctx.order {
        Some(_) => OrderChange::Accept { assignee_id: assignee },
        None => OrderChange::None,
    };
    Effects {
        order,
        ..effects("accept", None, json!({"assignee_id": assignee}), Visibility::Public)
    }
}

pub(super) fn resolve(
    after: &mut CaseState,
    ctx: &Context<'_>,
    result: String,
    charge_amount: Option<f64>,
    charge_cents: Option<i64>,
    materials: Option<String>,
) -> Effects {
    after.resolved_at = Some(ctx.at);
    after.reply_due_at = Some(ctx.clock.add(ctx.at, ctx.durations.reply()));
    after.reply_breached = false;
    let order = match ctx.order {
        Some(o) => OrderChange::Complete {
            result: result.clone(),
            charge_cents,
            materials: materials.clone(),
            assignee_id: o.assignee_id.or(Some(ctx.actor)),
        },
        None => OrderChange::None,
    };
    let payload = json!({"charge_amount": charge_amount, "materials": materials});
    Effects {
        order,
        ..effects("resolve", Some(result), payload, Visibility::Public)
    }
}

pub(super) fn reply(after: &mut CaseState, ctx: &Context<'_>, content: String, method: ReplyMethod) -> Effects {
    after.replied_at = Some(ctx.at);
    effects("reply", Some(content), json!({"method": method}), Visibility::Public)
}

pub(super) fn visit(
    after: &mut CaseState,
    ctx: &Context<'_>,
    outcome: &Outcome,
    reached: bool,
    satisfaction: Option<Satisfaction>,
    comment: Option<String>,
) -> Result<Effects, ChangeError> {
    let mut payload = json!({"reached": reached, "satisfaction": satisfaction});
    let mut escalated = None;
    if let Some(s) = satisfaction {
        after.last_satisfaction = Some(s);
        if !s.is_satisfied() {
            escalated = super::repeats::dissatisfied(after, outcome, &mut payload);
        }
    }
    if outcome.to == CaseStatus::Closed {
        after.closed_at = Some(ctx.at);
    }
    let mut order = OrderChange::None;
    if outcome.second_dispatch {
        // 二次派单: the same department rectifies again, with a fresh deadline.
        let Some(department) = ctx.order.map(|o| o.department_id).or(after.department_id) else {
            return invalid("department_id", "the case was never dispatched");
        };
        let assignee = ctx.order.and_then(|o| o.assignee_id).or(after.assignee_id);
        let due = ctx.clock.add(ctx.at, ctx.durations.resolve());
        order = open_order(after, ctx, department, assignee, due, comment.clone());
        after.resolved_at = None;
        after.replied_at = None;
        after.reply_due_at = None;
        after.reply_breached = false;
        payload["second_dispatch"] = json!(true);
        payload["work_order"] = json!(after.dispatch_count);
        payload["due_at"] = json!(due);
    }
    Ok(Effects {
        order,
        visit: Some(VisitRecord {
            reached,
            satisfaction,
            comment: comment.clone(),
        }),
        escalated,
        ..effects("visit", comment, payload, Visibility::Public)
    })
}

pub(super) fn close_on_spot(
    after: &mut CaseState,
    ctx: &Context<'_>,
    answer: String,
    article_id: Option<Uuid>,
) -> Effects {
    after.replied_at = Some(ctx.at);
    after.closed_at = Some(ctx.at);
    after.closed_on_spot = true;
    after.answer_article_id = article_id;
    let mut payload = json!({"first_contact_resolution": true});
    if let Some(article) = article_id {
        payload["article_id"] = json!(article);
    }
    effects("close_on_spot", Some(answer), payload, Visibility::Public)
}

pub(super) fn cancel(
    after: &mut CaseState,
    ctx: &Context<'_>,
    outcome: &Outcome,
    reason: CancelReason,
    duplicate_of: Option<Uuid>,
    note: Option<String>,
) -> Result<Effects, ChangeError> {
    check_duplicate(after.id, reason, duplicate_of)?;
    if duplicate_of.is_some() {
        after.duplicate_of = duplicate_of;
    }
    after.cancelled_at = Some(ctx.at);
    after.cancel_reason = Some(reason);
    let order = if outcome.work_order == WorkOrderEffect::Cancel && ctx.order.is_some() {
        OrderChange::Cancel
    } else {
        OrderChange::None
    };
    let payload = json!({"reason": reason, "duplicate_of": duplicate_of});
    Ok(Effects {
        order,
        ..effects("cancel", note, payload, Visibility::Public)
    })
}

/// A duplicate names its original (not itself); other reasons name none.
pub fn check_duplicate(id: Uuid, reason: CancelReason, duplicate_of: Option<Uuid>) -> Result<(), ChangeError> {
    match (reason, duplicate_of) {
        (CancelReason::Duplicate, None) => invalid("duplicate_of", "name the original case of a duplicate"),
        (CancelReason::Duplicate, Some(original)) if original == id => {
            invalid("duplicate_of", "a case cannot duplicate itself")
        }
        (CancelReason::Duplicate, Some(_)) | (_, None) => Ok(()),
        (_, Some(_)) => invalid("duplicate_of", "only for the reason 'duplicate'"),
    }
}

pub(super) fn reassign(
    after: &mut CaseState,
    state: &CaseState,
    department_id: Uuid,
    department: String,
    assignee_id: Option<Uuid>,
    note: Option<String>,
) -> Effects {
    after.department_id = Some(department_id);
    after.assignee_id = assignee_id;
    let order = match state.current_work_order_id {
        Some(_) => OrderChange::Reassign {
            department_id,
            assignee_id,
        },
        None => OrderChange::None,
    };
    let payload = json!({"from_department_id": state.department_id, "department_id": department_id, "department": department,
                         "from_assignee_id": state.assignee_id, "assignee_id": assignee_id});
    Effects {
        order,
        ..effects("reassign", note, payload, Visibility::Internal)
    }
}

pub(super) fn pause(after: &mut CaseState, ctx: &Context<'_>, reason: String) -> Effects {
    after.paused_at = Some(ctx.at);
    after.pause_reason = Some(reason.clone());
    effects("pause", Some(reason), json!({}), Visibility::Public)
}

pub(super) fn change_level(
    after: &mut CaseState,
    state: &CaseState,
    up: bool,
    reason: String,
) -> Result<Effects, ChangeError> {
    let from = state.level;
    let to = if up { from.raised() } else { from.lowered() }.map_err(TransitionError::from)?;
    after.level = to;
    after.peak_level = state.peak_level.max(to);
    let payload = json!({"from_level": from, "to_level": to, "automatic": false});
    let action = if up { "escalate" } else { "deescalate" };
    Ok(Effects {
        escalated: up.then(|| (from, to, reason.clone())),
        ..effects(action, Some(reason), payload, Visibility::Internal)
    })
}
