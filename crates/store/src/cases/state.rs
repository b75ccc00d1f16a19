//! A stored case as the domain's decisions see it ([`CaseState`]), and the decided state
//! written back onto the row: the two directions of the pipeline's load and save.

use huiyin_domain::case::change::{CancelRequest, CaseState, OrderState};
use sea_orm::{IntoActiveModel, Set};

use crate::entity::{case, work_order};
use crate::wire::Wire;

/// The decision's view of a stored case (its enum columns were checked when the row was read).
pub fn of(row: &case::Model) -> CaseState {
    let cancel_request = match (
        row.cancel_requested_at,
        row.cancel_requested_by,
        row.cancel_request_reason.map(|r| r.0),
    ) {
        (Some(requested_at), Some(requested_by), Some(reason)) => Some(CancelRequest {
            reason,
            duplicate_of: row.cancel_request_duplicate_of,
            note: row.cancel_request_note.clone().unwrap_or_default(),
            requested_by,
            requested_at,
        }),
        _ => None,
    };
    CaseState {
        cancel_reason: row.cancel_reason.map(|r| r.0),
        cancel_request,
        id: row.id,
        kind: row.kind.0,
        severity: row.severity.0,
        status: row.status.0,
        level: row.level.0,
        peak_level: row.peak_level.0,
        department_id: row.department_id,
        assignee_id: row.assignee_id,
        current_work_order_id: row.current_work_order_id,
        dispatch_count: row.dispatch_count,
        verify_due_at: row.verify_due_at,
        dispatch_due_at: row.dispatch_due_at,
        due_at: row.due_at,
        reply_due_at: row.reply_due_at,
        verified_at: row.verified_at,
        first_dispatched_at: row.first_dispatched_at,
        resolved_at: row.resolved_at,
        replied_at: row.replied_at,
        closed_at: row.closed_at,
        cancelled_at: row.cancelled_at,
        closed_on_spot: row.closed_on_spot,
        last_satisfaction: row.last_satisfaction.map(|s| s.0),
        duplicate_of: row.duplicate_of,
        resolve_breached: row.resolve_breached,
        reply_breached: row.reply_breached,
        paused_at: row.paused_at,
        pause_reason: row.pause_reason.clone(),
        answer_article_id: row.answer_article_id,
        dissatisfied_visits: row.dissatisfied_visits,
    }
}

/// The decision's view of a work order.
pub fn order_of(row: &work_order::Model) -> OrderState {
    OrderState {
        id: row.id,
        department_id: row.department_id,
        assignee_id: row.assignee_id,
    }
}

/// The row to write: `before` with every field the decisions own set from `after` (and the
/// deadline bookkeeping derived from them), one version up.
pub fn write(before: &case::Model, after: &CaseState, at: chrono::DateTime<chrono::Utc>) -> case::ActiveModel {
    let mut m = before.clone().into_active_model();
    m.status = Set(Wire(after.status));
    m.level = Set(Wire(after.level));
    m.peak_level = Set(Wire(after.peak_level));
    m.department_id = Set(after.department_id);
    m.assignee_id = Set(after.assignee_id);
    m.current_work_order_id = Set(after.current_work_order_id);
    m.dispatch_count = Set(after.dispatch_count);
    m.verify_due_at = Set(after.verify_due_at);
    m.dispatch_due_at = Set(after.dispatch_due_at);
    m.due_at = Set(after.due_at);
    m.reply_due_at = Set(after.reply_due_at);
    m.verified_at = Set(after.verified_at);
    m.first_dispatched_at = Set(after.first_dispatched_at);
    m.resolved_at = Set(after.resolved_at);
    m.replied_at = Set(after.replied_at);
    m.closed_at = Set(after.closed_at);
    m.cancelled_at = Set(after.cancelled_at);
    m.closed_on_spot = Set(after.closed_on_spot);
    m.last_satisfaction = Set(after.last_satisfaction.map(Wire));
    m.duplicate_of = Set(after.duplicate_of);
    m.resolve_breached = Set(after.resolve_breached);
    m.reply_breached = Set(after.reply_breached);
    m.paused_at = Set(after.paused_at);
    m.pause_reason = Set(after.pause_reason.clone());
    m.answer_article_id = Set(after.answer_article_id);
    m.cancel_reason = Set(after.cancel_reason.map(Wire));
    let request = after.cancel_request.as_ref();
    m.cancel_requested_at = Set(request.map(|r| r.requested_at));
    m.cancel_requested_by = Set(request.map(|r| r.requested_by));
    m.cancel_request_reason = Set(request.map(|r| Wire(r.reason)));
    m.cancel_request_note = Set(request.map(|r| r.note.clone()));
    m.cancel_request_duplicate_of = Set(request.and_then(|r| r.duplicate_of));
    m.dissatisfied_visits = Set(after.dissatisfied_visits);
    m.updated_at = Set(at);
    m.version = Set(before.version + 1);
    m
}
