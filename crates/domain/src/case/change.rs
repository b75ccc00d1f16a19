//! What an action does to a case, decided without a database: one function per action, each
//! given the case as it stands ([`CaseState`]), the validated input and the [`Context`] (time,
//! actor, SLA terms, current work order), returning the [`Change`] — the case as it will be, the
//! work-order effect, the timeline entry, a visit to record, an escalation to announce. The store
//! loads, calls [`decide`], writes the change in one versioned UPDATE and runs the shared
//! after-change steps (`huiyin_store::cases::pipeline`).

use chrono::{DateTime, Utc};
use serde_json::{json, Value};
use uuid::Uuid;

use super::{
    apply, check_flags, CancelReason, CaseKind, CaseStatus, Command, Outcome, ReplyMethod, Satisfaction, Severity,
    TransitionError, Visibility, WorkOrderEffect,
};
use crate::calendar::Clock;
use crate::sla::deadlines::shift_for_pause;
use crate::sla::escalation::Level;
use crate::sla::policy::SlaDurations;

/// The case fields the actions read and write (a copy of the stored row's).
#[derive(Debug, Clone, PartialEq)]
pub struct CaseState {
    pub id: Uuid,
    pub kind: CaseKind,
    pub severity: Severity,
    pub status: CaseStatus,
    pub level: Level,
    pub peak_level: Level,
    pub department_id: Option<Uuid>,
    pub assignee_id: Option<Uuid>,
    pub current_work_order_id: Option<Uuid>,
    pub dispatch_count: i32,
    pub verify_due_at: Option<DateTime<Utc>>,
    pub dispatch_due_at: Option<DateTime<Utc>>,
    pub due_at: Option<DateTime<Utc>>,
    pub reply_due_at: Option<DateTime<Utc>>,
    pub verified_at: Option<DateTime<Utc>>,
    pub first_dispatched_at: Option<DateTime<Utc>>,
    pub resolved_at: Option<DateTime<Utc>>,
    pub replied_at: Option<DateTime<Utc>>,
    pub closed_at: Option<DateTime<Utc>>,
    pub cancelled_at: Option<DateTime<Utc>>,
    pub closed_on_spot: bool,
    pub last_satisfaction: Option<Satisfaction>,
    pub duplicate_of: Option<Uuid>,
    pub resolve_breached: bool,
    pub reply_breached: bool,
    pub paused_at: Option<DateTime<Utc>>,
    pub pause_reason: Option<String>,
}

/// The case's current work order, as the actions see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OrderState {
    pub id: Uuid,
    pub department_id: Uuid,
    pub assignee_id: Option<Uuid>,
}

/// Everything a decision needs besides the case and the input.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    pub at: DateTime<Utc>,
    /// Who acts.
    pub actor: Uuid,
    pub durations: &'a SlaDurations,
    pub clock: &'a Clock,
    pub order: Option<&'a OrderState>,
    /// The id a work order opened by this action gets.
    pub new_order_id: Uuid,
}

/// An action's input, its text already checked (lengths, required fields) by the store, and
/// what the store looked up for it (a department's name).
#[derive(Debug, Clone, PartialEq)]
pub enum Input {
    Verify {
        note: String,
    },
    Dispatch {
        department_id: Uuid,
        department: String,
        assignee_id: Option<Uuid>,
        due_at: Option<DateTime<Utc>>,
        note: Option<String>,
    },
    Accept,
    Resolve {
        result: String,
        charge_amount: Option<f64>,
        charge_cents: Option<i64>,
        materials: Option<String>,
    },
    Reply {
        content: String,
        method: ReplyMethod,
    },
    Visit {
        reached: bool,
        satisfaction: Option<Satisfaction>,
        comment: Option<String>,
    },
    CloseOnSpot {
        answer: String,
    },
    Cancel {
        reason: CancelReason,
        duplicate_of: Option<Uuid>,
        note: Option<String>,
    },
    Comment {
        body: String,
        visibility: Visibility,
    },
    Reassign {
        department_id: Uuid,
        department: String,
        assignee_id: Option<Uuid>,
        note: Option<String>,
    },
    Pause {
        reason: String,
    },
    Resume {
        note: Option<String>,
    },
    Escalate {
        reason: String,
    },
    Deescalate {
        reason: String,
    },
}

impl Input {
    /// The state machine's view of the input.
    pub fn command(&self) -> Command {
        match self {
            Input::Verify { .. } => Command::Verify,
            Input::Dispatch { .. } => Command::Dispatch,
            Input::Accept => Command::Accept,
            Input::Resolve { .. } => Command::Resolve,
            Input::Reply { .. } => Command::Reply,
            Input::Visit {
                reached, satisfaction, ..
            } => Command::Visit {
                reached: *reached,
                satisfaction: *satisfaction,
            },
            Input::CloseOnSpot { .. } => Command::CloseOnSpot,
            Input::Cancel { .. } => Command::Cancel,
            Input::Comment { .. } => Command::Comment,
            Input::Reassign { .. } => Command::Reassign,
            Input::Pause { .. } => Command::Pause,
            Input::Resume { .. } => Command::Resume,
            Input::Escalate { .. } => Command::Escalate,
            Input::Deescalate { .. } => Command::Deescalate,
        }
    }

    /// Actions that mean the customer got back to us: they restart a paused clock.
    pub fn resumes_the_clock(&self) -> bool {
        !matches!(
            self,
            Input::Comment { .. }
                | Input::Pause { .. }
                | Input::Escalate { .. }
                | Input::Deescalate { .. }
                | Input::Reassign { .. }
        )
    }
}

/// What happens to the work orders.
#[derive(Debug, Clone, PartialEq)]
pub enum OrderChange {
    None,
    /// A new order (`id`); any order still open is cancelled by it.
    Open {
        id: Uuid,
        sequence: i32,
        department_id: Uuid,
        assignee_id: Option<Uuid>,
        due_at: DateTime<Utc>,
        note: Option<String>,
    },
    Accept {
        assignee_id: Uuid,
    },
    Complete {
        result: String,
        charge_cents: Option<i64>,
        materials: Option<String>,
        assignee_id: Option<Uuid>,
    },
    Reassign {
        department_id: Uuid,
        assignee_id: Option<Uuid>,
    },
    Cancel,
}

/// The timeline entry an action writes.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub action: &'static str,
    pub note: Option<String>,
    pub payload: Value,
    pub visibility: Visibility,
}

/// A return visit to record.
#[derive(Debug, Clone, PartialEq)]
pub struct VisitRecord {
    pub reached: bool,
    pub satisfaction: Option<Satisfaction>,
    pub comment: Option<String>,
}

/// The decided change.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub outcome: Outcome,
    /// The case as it will be stored (deadline bookkeeping `next_due_at` aside).
    pub after: CaseState,
    pub order: OrderChange,
    /// Set when a paused clock restarts: the current order's due time moves with the case's.
    pub order_due: Option<Option<DateTime<Utc>>>,
    pub event: Event,
    pub visit: Option<VisitRecord>,
    /// A manual escalation to announce: (from, to, reason).
    pub escalated: Option<(Level, Level, String)>,
}

/// Why an action is refused.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ChangeError {
    #[error(transparent)]
    Transition(#[from] TransitionError),
    #[error("{field}: {message}")]
    Invalid { field: &'static str, message: &'static str },
}

fn invalid<T>(field: &'static str, message: &'static str) -> Result<T, ChangeError> {
    Err(ChangeError::Invalid { field, message })
}

/// What the action-specific part decides besides the new case fields.
struct Effects {
    order: OrderChange,
    event: Event,
    visit: Option<VisitRecord>,
    escalated: Option<(Level, Level, String)>,
}

fn effects(action: &'static str, note: Option<String>, payload: Value, visibility: Visibility) -> Effects {
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

/// Decides `input` on `state`: the state machine, the pause and level rules, then the action's own.
pub fn decide(state: &CaseState, input: Input, ctx: &Context<'_>) -> Result<Change, ChangeError> {
    let command = input.command();
    let outcome = apply(state.kind, state.status, command)?;
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
    let fx = match input {
        Input::Verify { note } => verify(&mut after, ctx, note),
        Input::Dispatch {
            department_id,
            department,
            assignee_id,
            due_at,
            note,
        } => dispatch(&mut after, ctx, department_id, department, assignee_id, due_at, note)?,
        Input::Accept => accept(&mut after, ctx),
        Input::Resolve {
            result,
            charge_amount,
            charge_cents,
            materials,
        } => resolve(&mut after, ctx, result, charge_amount, charge_cents, materials),
        Input::Reply { content, method } => reply(&mut after, ctx, content, method),
        Input::Visit {
            reached,
            satisfaction,
            comment,
        } => visit(&mut after, ctx, &outcome, reached, satisfaction, comment)?,
        Input::CloseOnSpot { answer } => close_on_spot(&mut after, ctx, answer),
        Input::Cancel {
            reason,
            duplicate_of,
            note,
        } => cancel(&mut after, ctx, &outcome, reason, duplicate_of, note)?,
        Input::Comment { body, visibility } => effects("comment", Some(body), json!({}), visibility),
        Input::Reassign {
            department_id,
            department,
            assignee_id,
            note,
        } => reassign(&mut after, state, department_id, department, assignee_id, note),
        Input::Pause { reason } => pause(&mut after, ctx, reason),
        Input::Resume { note } => effects(
            "resume",
            note,
            json!({"paused_at": state.paused_at, "pause_reason": state.pause_reason}),
            Visibility::Public,
        ),
        Input::Escalate { reason } => change_level(&mut after, state, true, reason)?,
        Input::Deescalate { reason } => change_level(&mut after, state, false, reason)?,
    };
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

fn verify(after: &mut CaseState, ctx: &Context<'_>, note: String) -> Effects {
    after.verified_at = Some(ctx.at);
    effects("verify", Some(note), json!({}), Visibility::Internal)
}

/// Sends out a new work order (a dispatch, or a second dispatch after a dissatisfied visit).
fn open_order(
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

fn dispatch(
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

fn accept(after: &mut CaseState, ctx: &Context<'_>) -> Effects {
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

fn resolve(
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

fn reply(after: &mut CaseState, ctx: &Context<'_>, content: String, method: ReplyMethod) -> Effects {
    after.replied_at = Some(ctx.at);
    effects("reply", Some(content), json!({"method": method}), Visibility::Public)
}

fn visit(
    after: &mut CaseState,
    ctx: &Context<'_>,
    outcome: &Outcome,
    reached: bool,
    satisfaction: Option<Satisfaction>,
    comment: Option<String>,
) -> Result<Effects, ChangeError> {
    let mut payload = json!({"reached": reached, "satisfaction": satisfaction});
    if let Some(s) = satisfaction {
        after.last_satisfaction = Some(s);
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
        ..effects("visit", comment, payload, Visibility::Public)
    })
}

fn close_on_spot(after: &mut CaseState, ctx: &Context<'_>, answer: String) -> Effects {
    after.replied_at = Some(ctx.at);
    after.closed_at = Some(ctx.at);
    after.closed_on_spot = true;
    effects(
        "close_on_spot",
        Some(answer),
        json!({"first_contact_resolution": true}),
        Visibility::Public,
    )
}

fn cancel(
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

fn reassign(
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

fn pause(after: &mut CaseState, ctx: &Context<'_>, reason: String) -> Effects {
    after.paused_at = Some(ctx.at);
    after.pause_reason = Some(reason.clone());
    effects("pause", Some(reason), json!({}), Visibility::Public)
}

fn change_level(after: &mut CaseState, state: &CaseState, up: bool, reason: String) -> Result<Effects, ChangeError> {
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
