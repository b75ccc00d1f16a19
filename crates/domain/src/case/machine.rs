//! The case state machine (DESIGN.md, "Case lifecycle").
//!
//! ```text
//! registered ──dispatch──▶ dispatched ──accept──▶ in_progress ──resolve──▶ resolved
//!     │                        ▲  (resolve also straight from dispatched)     │ reply
//!     │                        └──── visit: dissatisfied (second dispatch) ◀─ visiting
//!     ├─ close_on_spot (inquiry / suggestion / praise) ──▶ closed             │
//!     └─ cancel (also while dispatched or in progress) ──▶ cancelled          │
//! visiting ──visit: satisfied──▶ closed ◀─────────────────────────────────────┘
//! ```
//!
//! A dissatisfied visit sends the case straight back to `dispatched` with a new
//! work order for the same department (二次派单): the department already knows the
//! case, and the sources prescribe a second dispatch and rectification, not a new
//! registration. `reassign` can still move it elsewhere.

use super::checks::{after_dissatisfied, Repeat};
pub use super::transition::{CaseAction, CaseStatus, Command, Outcome, TransitionError, WorkOrderEffect};
use super::CaseKind;
use crate::sla::escalation::Level;

/// Decides whether `command` may happen to a case of `kind` in `status`, and what follows.
pub fn apply(kind: CaseKind, status: CaseStatus, command: Command) -> Result<Outcome, TransitionError> {
    use CaseStatus as S;
    use WorkOrderEffect as W;
    let not_allowed = Err(TransitionError::NotAllowed {
        action: command.action(),
        status,
    });
    let outcome = |to, work_order| {
        Ok(Outcome {
            from: status,
            to,
            work_order,
            second_dispatch: false,
        })
    };
    match (command, status) {
        (Command::Comment, _) => outcome(status, W::None),
        (_, S::Closed | S::Cancelled) => not_allowed,
        (Command::Verify, S::Registered) => outcome(S::Registered, W::None),
        (Command::Dispatch, S::Registered) => outcome(S::Dispatched, W::Open),
        (Command::Accept, S::Dispatched) => outcome(S::InProgress, W::Accept),
        (Command::Resolve, S::Dispatched | S::InProgress) => outcome(S::Resolved, W::Complete),
        (Command::Reply, S::Resolved) => outcome(S::Visiting, W::None),
        (Command::Visit { reached, satisfaction }, S::Visiting) => match (reached, satisfaction) {
            (false, Some(_)) => Err(TransitionError::SatisfactionWithoutContact),
            (false, None) => outcome(S::Visiting, W::None),
            (true, None) => Err(TransitionError::SatisfactionRequired),
            (true, Some(s)) if s.is_satisfied() => outcome(S::Closed, W::None),
            (true, Some(_)) => Ok(Outcome {
                from: status,
                to: S::Dispatched,
                work_order: W::Open,
                second_dispatch: true,
            }),
        },
        (Command::CloseOnSpot, S::Registered) if kind.may_close_on_spot() => outcome(S::Closed, W::None),
        (Command::CloseOnSpot, S::Registered) => Err(TransitionError::KindCannotCloseOnSpot { kind }),
        (Command::Cancel, S::Registered) => outcome(S::Cancelled, W::None),
        (Command::Cancel, S::Dispatched | S::InProgress) => outcome(S::Cancelled, W::Cancel),
        (Command::Reassign, S::Dispatched | S::InProgress) => outcome(S::Dispatched, W::Reassign),
        // The work order and the deadlines stay while a cancellation waits (process.rs).
        (Command::CancelRequest | Command::CancelReject, S::Dispatched | S::InProgress) => outcome(status, W::None),
        (Command::CancelApprove, S::Dispatched | S::InProgress) => outcome(S::Cancelled, W::Cancel),
        // The clock stops only while the case waits on us for something the customer must give.
        (Command::Pause | Command::Resume, S::Registered | S::Dispatched | S::InProgress | S::Resolved) => {
            outcome(status, W::None)
        }
        (Command::Escalate | Command::Deescalate, _) => outcome(status, W::None),
        (Command::Redispatch | Command::VisitUnreachable, _) | (Command::Dispatch, S::Review) => {
            super::loops::apply(status, command).ok_or(TransitionError::NotAllowed {
                action: command.action(),
                status,
            })
        }
        _ => not_allowed,
    }
}

/// The rules for the actions that change a case's clock or level rather than its status.
/// Any other action on a paused case resumes it (the customer got back to us).
pub fn check_flags(command: Command, paused: bool, level: Level) -> Result<(), TransitionError> {
    match command {
        Command::Pause if paused => Err(TransitionError::AlreadyPaused),
        Command::Resume if !paused => Err(TransitionError::NotPaused),
        Command::Escalate => level.raised().map(|_| ()).map_err(Into::into),
        Command::Deescalate => level.lowered().map(|_| ()).map_err(Into::into),
        _ => Ok(()),
    }
}

/// The actions allowed now for a case in `status`, paused or not, at `level`.
pub fn available_actions_now(kind: CaseKind, status: CaseStatus, paused: bool, level: Level) -> Vec<CaseAction> {
    available_actions(kind, status)
        .into_iter()
        .filter(|action| check_flags(probe(*action), paused, level).is_ok())
        .collect()
}

fn probe(action: CaseAction) -> Command {
    match action {
        CaseAction::Verify => Command::Verify,
        CaseAction::Dispatch => Command::Dispatch,
        CaseAction::Accept => Command::Accept,
        CaseAction::Resolve => Command::Resolve,
        CaseAction::Reply => Command::Reply,
        CaseAction::Visit => Command::Visit {
            reached: false,
            satisfaction: None,
        },
        CaseAction::CloseOnSpot => Command::CloseOnSpot,
        CaseAction::Cancel => Command::Cancel,
        CaseAction::Comment => Command::Comment,
        CaseAction::Reassign => Command::Reassign,
        CaseAction::Pause => Command::Pause,
        CaseAction::Resume => Command::Resume,
        CaseAction::Escalate => Command::Escalate,
        CaseAction::Deescalate => Command::Deescalate,
        CaseAction::CancelApprove => Command::CancelApprove,
        CaseAction::CancelReject => Command::CancelReject,
        CaseAction::Redispatch => Command::Redispatch,
    }
}

/// The actions the state machine allows now (for a console showing only valid buttons); a
/// redispatch is recorded on the visit worklist, never a button.
pub fn available_actions(kind: CaseKind, status: CaseStatus) -> Vec<CaseAction> {
    CaseAction::ALL
        .iter()
        .copied()
        .filter(|action| *action != CaseAction::Redispatch && apply(kind, status, probe(*action)).is_ok())
        .collect()
}

/// The state machine with the case's history: a dissatisfied visit after two earlier ones does
/// not dispatch again by itself but waits in `review` for a supervisor.
pub fn apply_with_history(
    kind: CaseKind,
    status: CaseStatus,
    command: Command,
    dissatisfied_before: i32,
) -> Result<Outcome, TransitionError> {
    let outcome = apply(kind, status, command)?;
    let dissatisfied = matches!(command, Command::Visit { satisfaction: Some(s), .. } if !s.is_satisfied());
    if dissatisfied && after_dissatisfied(dissatisfied_before) == Repeat::SupervisorDecides {
        return Ok(Outcome {
            to: CaseStatus::Review,
            work_order: WorkOrderEffect::None,
            second_dispatch: false,
            ..outcome
        });
    }
    Ok(outcome)
}

#[cfg(test)]
#[path = "machine_tests.rs"]
mod tests;
