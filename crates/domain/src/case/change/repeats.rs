//! The actions' part in failed checks and repeats (issue #19): a dissatisfied visit counted (the
//! second raises the level, the third waits for a supervisor), a redispatch after a 48 h check
//! found the repair not done, and the satisfaction visit closed after the last unreachable try.

use serde_json::{json, Value};

use super::effects::{effects, invalid, open_order, Effects};
use super::types::*;
use crate::case::checks::{after_dissatisfied, Repeat};
use crate::case::{Outcome, Visibility};
use crate::sla::escalation::Level;

/// Counts a dissatisfied satisfaction visit on `after` (which still holds the count before it).
/// Returns the escalation to announce (the second one, while the ladder has a level above).
pub(super) fn dissatisfied(
    after: &mut CaseState,
    outcome: &Outcome,
    payload: &mut Value,
) -> Option<(Level, Level, String)> {
    let before = after.dissatisfied_visits;
    after.dissatisfied_visits = before + 1;
    payload["dissatisfied_visits"] = json!(after.dissatisfied_visits);
    match after_dissatisfied(before) {
        Repeat::SecondDispatch => None,
        Repeat::SecondDispatchAndEscalate => {
            let from = after.level;
            let to = from.raised().ok()?;
            after.level = to;
            after.peak_level = after.peak_level.max(to);
            payload["escalated_to"] = json!(to);
            Some((from, to, "第二次回访不满意，升级处理".to_owned()))
        }
        Repeat::SupervisorDecides => {
            debug_assert_eq!(outcome.to, crate::case::CaseStatus::Review);
            // Not resolved any more, and no department holds it: a supervisor decides.
            after.resolved_at = None;
            after.replied_at = None;
            after.reply_due_at = None;
            after.reply_breached = false;
            after.due_at = None;
            payload["review"] = json!(true);
            None
        }
    }
}

/// 二次派单 after the 48 h check found the repair not done: a new work order for the same
/// department and person, with a fresh deadline.
pub(super) fn redispatch(
    after: &mut CaseState,
    ctx: &Context<'_>,
    note: Option<String>,
) -> Result<Effects, ChangeError> {
    let Some(department) = ctx.order.map(|o| o.department_id).or(after.department_id) else {
        return invalid("department_id", "the case was never dispatched");
    };
    let assignee = ctx.order.and_then(|o| o.assignee_id).or(after.assignee_id);
    let due = ctx.clock.add(ctx.at, ctx.durations.resolve());
    let order = open_order(after, ctx, department, assignee, due, note.clone());
    after.resolved_at = None;
    after.replied_at = None;
    after.reply_due_at = None;
    after.reply_breached = false;
    let payload = json!({"second_dispatch": true, "work_order": after.dispatch_count, "due_at": due,
                         "department_id": department, "cause": "outcome_check_not_done"});
    Ok(Effects {
        order,
        ..effects("redispatch", note, payload, Visibility::Public)
    })
}

/// The last try to reach the customer failed: the case closes without a satisfaction.
pub(super) fn unreachable(after: &mut CaseState, ctx: &Context<'_>, tries: i32, comment: Option<String>) -> Effects {
    after.closed_at = Some(ctx.at);
    let payload = json!({"reached": false, "satisfaction": null, "unreachable": true, "tries": tries});
    Effects {
        visit: Some(VisitRecord {
            reached: false,
            satisfaction: None,
            comment: comment.clone(),
        }),
        ..effects("visit", comment, payload, Visibility::Public)
    }
}
