//! What an action does to a case, decided without a database: one function per action, each
//! given the case as it stands ([`CaseState`]), the validated input and the [`Context`] (time,
//! actor, SLA terms, current work order), returning the [`Change`] — the case as it will be, the
//! work-order effect, the timeline entry, a visit to record, an escalation to announce. The store
//! loads, calls [`decide`], writes the change in one versioned UPDATE and runs the shared
//! after-change steps (`huiyin_store::cases::pipeline`).
mod actions;
mod cancel;
mod effects;
mod repeats;
mod types;

use chrono::{DateTime, Utc};
use serde_json::json;

pub use self::actions::check_duplicate;
use self::actions::*;
use self::effects::{effects, Effects};
pub use self::types::*;
use super::{apply_with_history, check_flags, Outcome, Visibility};
use crate::sla::deadlines::shift_for_pause;

/// Decides `input` on `state`: the state machine, the pause and level rules, then the action's own.
pub fn decide(state: &CaseState, input: Input, ctx: &Context<'_>) -> Result<Change, ChangeError> {
    let command = input.command();
    let outcome = apply_with_history(state.kind, state.status, command, state.dissatisfied_visits)?;
    check_flags(command, state.paused_at.is_some(), state.level)?;
    let mut after = state.clone();
    let mut order_due = None;
    if state.paused_at.is_some() && input.resumes_the_clock() {
        resume_clock(&mut after, state, ctx);
        if state.current_work_order_id.is_some() {
            order_due = Some(after.due_at);
        }
    }
    after.status = outcome.to;
    let fx = act(&mut after, state, ctx, &outcome, input)?;
    if !after.status.has_open_work_order() {
        // A request about a work order that is no longer out has nothing left to cancel.
        after.cancel_request = None;
    }
    Ok(Change {
        outcome,
        after,
        order: fx.order,
        order_due,
        event: fx.event,
        visit: fx.visit,
        escalated: fx.escalated,
    })
}

/// The action's own part: what it changes on `after` besides the status, and its effects.
fn act(
    after: &mut CaseState,
    state: &CaseState,
    ctx: &Context<'_>,
    outcome: &Outcome,
    input: Input,
) -> Result<Effects, ChangeError> {
    Ok(match input {
        Input::Verify { note } => verify(after, ctx, note),
        Input::Dispatch {
            department_id,
            department,
            assignee_id,
            due_at,
            note,
        } => dispatch(after, ctx, department_id, department, assignee_id, due_at, note)?,
        Input::Accept => accept(after, ctx),
        Input::Resolve {
            result,
            charge_amount,
            charge_cents,
            materials,
        } => resolve(after, ctx, result, charge_amount, charge_cents, materials),
        Input::Reply { content, method } => reply(after, ctx, content, method),
        Input::Visit {
            reached,
            satisfaction,
            comment,
        } => visit(after, ctx, outcome, reached, satisfaction, comment)?,
        Input::CloseOnSpot { answer, article_id } => close_on_spot(after, ctx, answer, article_id),
        Input::Cancel {
            reason,
            duplicate_of,
            note,
        } => cancel(after, ctx, outcome, reason, duplicate_of, note)?,
        Input::CancelRequest {
            reason,
            duplicate_of,
            note,
        } => cancel::request(after, ctx, reason, duplicate_of, note)?,
        Input::CancelApprove { note } => cancel::approve(after, ctx, note)?,
        Input::CancelReject { note } => cancel::reject(after, note)?,
        Input::Comment { body, visibility } => effects("comment", Some(body), json!({}), visibility),
        Input::Reassign {
            department_id,
            department,
            assignee_id,
            note,
        } => reassign(after, state, department_id, department, assignee_id, note),
        Input::Pause { reason } => pause(after, ctx, reason),
        Input::Resume { note } => effects(
            "resume",
            note,
            json!({"paused_at": state.paused_at, "pause_reason": state.pause_reason}),
            Visibility::Public,
        ),
        Input::Escalate { reason } => change_level(after, state, true, reason)?,
        Input::Deescalate { reason } => change_level(after, state, false, reason)?,
        Input::Redispatch { note } => repeats::redispatch(after, ctx, note)?,
        Input::VisitUnreachable { tries, comment } => repeats::unreachable(after, ctx, tries, comment),
    })
}

/// Ends a pause: every deadline still ahead when it began gets back the time left on it then.
fn resume_clock(after: &mut CaseState, state: &CaseState, ctx: &Context<'_>) {
    let Some(paused_at) = state.paused_at else { return };
    let shift = |due: Option<DateTime<Utc>>| due.map(|d| shift_for_pause(ctx.clock, d, paused_at, ctx.at));
    after.verify_due_at = shift(state.verify_due_at);
    after.dispatch_due_at = shift(state.dispatch_due_at);
    after.due_at = shift(state.due_at);
    after.reply_due_at = shift(state.reply_due_at);
    after.paused_at = None;
    after.pause_reason = None;
}

#[cfg(test)]
#[path = "decide_tests.rs"]
mod tests;
