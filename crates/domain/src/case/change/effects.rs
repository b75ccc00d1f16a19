//! What every action's part shares: its [`Effects`] besides the new case fields, the input error,
//! and sending out a work order (a dispatch, a second dispatch, a redispatch).

use chrono::{DateTime, Utc};
use serde_json::Value;
use uuid::Uuid;

use super::types::*;
use crate::case::Visibility;
use crate::sla::escalation::Level;

pub(super) fn invalid<T>(field: &'static str, message: &'static str) -> Result<T, ChangeError> {
    Err(ChangeError::Invalid { field, message })
}

/// What the action-specific part decides besides the new case fields.
pub(super) struct Effects {
    pub(super) order: OrderChange,
    pub(super) event: Event,
    pub(super) visit: Option<VisitRecord>,
    pub(super) escalated: Option<(Level, Level, String)>,
}

pub(super) fn effects(action: &'static str, note: Option<String>, payload: Value, visibility: Visibility) -> Effects {
    Effects {
        order: OrderChange::None,
        event: Event {
            action,
            note,
            payload,
            visibility,
        },
        visit: None,
        escalated: None,
    }
}

/// Sends out a new work order (a dispatch, or a second dispatch after a dissatisfied visit).
pub(super) fn open_order(
    after: &mut CaseState,
    ctx: &Context<'_>,
    department_id: Uuid,
    assignee_id: Option<Uuid>,
    due: DateTime<Utc>,
    note: Option<String>,
) -> OrderChange {
    let sequence = after.dispatch_count + 1;
    after.current_work_order_id = Some(ctx.new_order_id);
    after.dispatch_count = sequence;
    after.department_id = Some(department_id);
    after.assignee_id = assignee_id;
    after.due_at = Some(due);
    after.resolve_breached = false;
    OrderChange::Open {
        id: ctx.new_order_id,
        sequence,
        department_id,
        assignee_id,
        due_at: due,
        note,
    }
}
