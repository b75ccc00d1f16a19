//! The vocabulary of a decision: the case as the actions see it, their inputs and context, and
//! the change they return.

use chrono::{DateTime, Utc};
use serde_json::Value;
use uuid::Uuid;

use crate::calendar::Clock;
use crate::case::CaseKind;
use crate::case::CaseStatus;
use crate::case::{CancelReason, Command, Outcome, ReplyMethod, Satisfaction, Severity, TransitionError, Visibility};
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
    /// The knowledge article an on-the-spot answer came from.
    pub answer_article_id: Option<Uuid>,
    /// Why the case was cancelled (set with `cancelled_at`).
    pub cancel_reason: Option<CancelReason>,
    /// A cancellation waiting for a supervisor's approval (the case keeps its work order and deadlines).
    pub cancel_request: Option<CancelRequest>,
    /// Dissatisfied satisfaction visits so far (the second raises the level, the third waits
    /// for a supervisor).
    pub dissatisfied_visits: i32,
}

/// A cancellation asked for by someone who may not cancel a dispatched case themselves.
#[derive(Debug, Clone, PartialEq)]
pub struct CancelRequest {
    pub reason: CancelReason,
    pub duplicate_of: Option<Uuid>,
    pub note: String,
    pub requested_by: Uuid,
    pub requested_at: DateTime<Utc>,
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
        /// A published article visible to the case's project (the store checked it).
        article_id: Option<Uuid>,
    },
    Cancel {
        reason: CancelReason,
        duplicate_of: Option<Uuid>,
        note: Option<String>,
    },
    /// A `cancel` that waits for approval: the note (why) is required.
    CancelRequest {
        reason: CancelReason,
        duplicate_of: Option<Uuid>,
        note: String,
    },
    CancelApprove {
        note: Option<String>,
    },
    CancelReject {
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
    /// The 48 h check found the repair not done (二次派单).
    Redispatch {
        note: Option<String>,
    },
    /// The `tries`-th and last try to reach the customer for the satisfaction visit failed.
    VisitUnreachable {
        tries: i32,
        comment: Option<String>,
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
            Input::CancelRequest { .. } => Command::CancelRequest,
            Input::CancelApprove { .. } => Command::CancelApprove,
            Input::CancelReject { .. } => Command::CancelReject,
            Input::Comment { .. } => Command::Comment,
            Input::Reassign { .. } => Command::Reassign,
            Input::Pause { .. } => Command::Pause,
            Input::Resume { .. } => Command::Resume,
            Input::Escalate { .. } => Command::Escalate,
            Input::Deescalate { .. } => Command::Deescalate,
            Input::Redispatch { .. } => Command::Redispatch,
            Input::VisitUnreachable { .. } => Command::VisitUnreachable,
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
                | Input::CancelRequest { .. }
                | Input::CancelApprove { .. }
                | Input::CancelReject { .. }
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
    /// Refused by the case's own state beyond its status (409 naming `field`).
    #[error("{field}: {message}")]
    Conflict { field: &'static str, message: &'static str },
}
