//! The vocabulary of the case state machine: statuses, actions, the commands the machine
//! decides on, and what a permitted command leads to. The table itself is in `machine.rs`
//! (with the repeats of `loops.rs`).

use super::{CaseKind, Satisfaction};
use crate::permission::Permission;
use crate::sla::escalation::LevelError;

crate::wire_enum! {
    /// Where a case stands in its handling loop.
    pub enum CaseStatus {
        Registered => "registered",
        Dispatched => "dispatched",
        InProgress => "in_progress",
        Resolved => "resolved",
        Visiting => "visiting",
        /// Dissatisfied a third time: only a supervisor dispatches it again (`loops.rs`).
        Review => "review",
        Closed => "closed",
        Cancelled => "cancelled",
    }
}

impl CaseStatus {
    /// Closed and cancelled cases take no further handling actions (comments only).
    pub fn is_terminal(self) -> bool {
        matches!(self, CaseStatus::Closed | CaseStatus::Cancelled)
    }

    /// A work order is out with a department.
    pub fn has_open_work_order(self) -> bool {
        matches!(self, CaseStatus::Dispatched | CaseStatus::InProgress)
    }
}

crate::wire_enum! {
    /// The actions on a case, as named in `POST /api/v1/cases/{id}/<action>`.
    pub enum CaseAction {
        Verify => "verify",
        Dispatch => "dispatch",
        Accept => "accept",
        Resolve => "resolve",
        Reply => "reply",
        Visit => "visit",
        CloseOnSpot => "close_on_spot",
        Cancel => "cancel",
        Comment => "comment",
        Reassign => "reassign",
        Pause => "pause",
        Resume => "resume",
        Escalate => "escalate",
        Deescalate => "deescalate",
        /// A supervisor approves an agent's request to cancel a dispatched case (`process.rs`).
        CancelApprove => "cancel_approve",
        CancelReject => "cancel_reject",
        /// 二次派单 after a failed 48 h check (recorded on the visit worklist, not a button).
        Redispatch => "redispatch",
    }
}

impl CaseAction {
    /// The permission a user needs to perform this action.
    pub fn permission(self) -> Permission {
        match self {
            CaseAction::Verify => Permission::CaseVerify,
            CaseAction::Dispatch => Permission::CaseDispatch,
            CaseAction::Accept | CaseAction::Resolve => Permission::CaseHandle,
            CaseAction::Reply | CaseAction::Visit | CaseAction::Redispatch => Permission::CaseReply,
            CaseAction::CloseOnSpot => Permission::CaseCloseOnSpot,
            CaseAction::Cancel => Permission::CaseCancel,
            CaseAction::Comment => Permission::CaseComment,
            CaseAction::Reassign => Permission::CaseReassign,
            CaseAction::Pause | CaseAction::Resume => Permission::CasePause,
            CaseAction::Escalate => Permission::CaseEscalate,
            CaseAction::Deescalate => Permission::CaseDeescalate,
            CaseAction::CancelApprove | CaseAction::CancelReject => Permission::CaseCancelApprove,
        }
    }
}

/// An action with the facts the state machine needs to decide on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    Verify,
    Dispatch,
    Accept,
    Resolve,
    Reply,
    /// A return visit: `reached` says whether the customer was contacted.
    Visit {
        reached: bool,
        satisfaction: Option<Satisfaction>,
    },
    CloseOnSpot,
    Cancel,
    Comment,
    Reassign,
    /// Stop the deadline clocks while the case waits on the customer.
    Pause,
    Resume,
    /// One level up the ladder (project → area → company).
    Escalate,
    /// One level down (managers only).
    Deescalate,
    /// A `cancel` of a dispatched case by someone who must ask (`process::cancel_needs_approval`).
    CancelRequest,
    CancelApprove,
    CancelReject,
    /// The 48 h check found the repair not done: dispatch again (`loops.rs`).
    Redispatch,
    /// The last try to reach the customer for the satisfaction visit failed (`loops.rs`).
    VisitUnreachable,
}

impl Command {
    pub fn action(self) -> CaseAction {
        match self {
            Command::Verify => CaseAction::Verify,
            Command::Dispatch => CaseAction::Dispatch,
            Command::Accept => CaseAction::Accept,
            Command::Resolve => CaseAction::Resolve,
            Command::Reply => CaseAction::Reply,
            Command::Visit { .. } => CaseAction::Visit,
            Command::CloseOnSpot => CaseAction::CloseOnSpot,
            Command::Cancel => CaseAction::Cancel,
            Command::Comment => CaseAction::Comment,
            Command::Reassign => CaseAction::Reassign,
            Command::Pause => CaseAction::Pause,
            Command::Resume => CaseAction::Resume,
            Command::Escalate => CaseAction::Escalate,
            Command::Deescalate => CaseAction::Deescalate,
            Command::CancelRequest => CaseAction::Cancel,
            Command::CancelApprove => CaseAction::CancelApprove,
            Command::CancelReject => CaseAction::CancelReject,
            Command::Redispatch => CaseAction::Redispatch,
            Command::VisitUnreachable => CaseAction::Visit,
        }
    }
}

/// What happens to the case's work order as a result of an action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WorkOrderEffect {
    None,
    /// A new work order goes out; the dispatch count grows by one.
    Open,
    /// The department took the open work order.
    Accept,
    /// The open work order is finished with a result.
    Complete,
    /// The open work order moves to another department or person and must be accepted again.
    Reassign,
    /// The open work order is withdrawn.
    Cancel,
}

/// The result of a permitted action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Outcome {
    pub from: CaseStatus,
    pub to: CaseStatus,
    pub work_order: WorkOrderEffect,
    /// True when this outcome is a second (or later) dispatch caused by a dissatisfied visit.
    pub second_dispatch: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TransitionError {
    #[error("a case in status '{status}' cannot be {action}")]
    NotAllowed { action: CaseAction, status: CaseStatus },
    #[error("only inquiries, suggestions and praise can be closed on the spot, not a {kind}")]
    KindCannotCloseOnSpot { kind: CaseKind },
    #[error("a visit that reached the customer must record their satisfaction")]
    SatisfactionRequired,
    #[error("a visit that did not reach the customer cannot record a satisfaction")]
    SatisfactionWithoutContact,
    #[error("the case is already paused")]
    AlreadyPaused,
    #[error("the case is not paused")]
    NotPaused,
    #[error("{0}")]
    Level(#[from] LevelError),
}
