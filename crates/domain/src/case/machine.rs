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

use super::{CaseKind, Satisfaction};
use crate::permission::Permission;
use crate::sla::escalation::{Level, LevelError};

crate::wire_enum! {
    /// Where a case stands in its handling loop.
    pub enum CaseStatus {
        Registered => "registered",
        Dispatched => "dispatched",
        InProgress => "in_progress",
        Resolved => "resolved",
        Visiting => "visiting",
        /// Dissatisfied a third time: only a supervisor dispatches it again (`super::loops`).
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
    /// The 48 h check found the repair not done: dispatch again (`super::loops`).
    Redispatch,
    /// The last try to reach the customer for the satisfaction visit failed (`super::loops`).
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

#[cfg(test)]
mod tests {
    use super::*;
    use CaseStatus as S;
    use Command as C;

    const SATISFIED: Command = C::Visit {
        reached: true,
        satisfaction: Some(Satisfaction::Satisfied),
    };
    const DISSATISFIED: Command = C::Visit {
        reached: true,
        satisfaction: Some(Satisfaction::Dissatisfied),
    };
    const UNREACHED: Command = C::Visit {
        reached: false,
        satisfaction: None,
    };

    /// The whole table: for every status and action, the status it leads to
    /// (for a complaint, which cannot close on the spot), or `None` when forbidden.
    fn expected(status: CaseStatus, command: Command) -> Option<CaseStatus> {
        let table: &[(CaseStatus, Command, CaseStatus)] = &[
            (S::Registered, C::Verify, S::Registered),
            (S::Registered, C::Dispatch, S::Dispatched),
            (S::Registered, C::Cancel, S::Cancelled),
            (S::Dispatched, C::Accept, S::InProgress),
            (S::Dispatched, C::Resolve, S::Resolved),
            (S::Dispatched, C::Cancel, S::Cancelled),
            (S::Dispatched, C::Reassign, S::Dispatched),
            (S::InProgress, C::Resolve, S::Resolved),
            (S::InProgress, C::Cancel, S::Cancelled),
            (S::InProgress, C::Reassign, S::Dispatched),
            (S::Dispatched, C::CancelRequest, S::Dispatched),
            (S::InProgress, C::CancelRequest, S::InProgress),
            (S::Dispatched, C::CancelApprove, S::Cancelled),
            (S::InProgress, C::CancelApprove, S::Cancelled),
            (S::Dispatched, C::CancelReject, S::Dispatched),
            (S::InProgress, C::CancelReject, S::InProgress),
            (S::Resolved, C::Reply, S::Visiting),
            (S::Visiting, SATISFIED, S::Closed),
            (S::Visiting, DISSATISFIED, S::Dispatched),
            (S::Visiting, UNREACHED, S::Visiting),
            (S::Review, C::Dispatch, S::Dispatched), // more in `super::loops`
        ];
        let waiting_on_us = [S::Registered, S::Dispatched, S::InProgress, S::Resolved];
        match command {
            C::Pause | C::Resume if waiting_on_us.contains(&status) => return Some(status),
            C::Escalate | C::Deescalate if !status.is_terminal() => return Some(status),
            _ => {}
        }
        if command == C::Comment {
            return Some(status);
        }
        table
            .iter()
            .find(|(s, c, _)| *s == status && *c == command)
            .map(|(_, _, to)| *to)
    }

    fn all_commands() -> Vec<Command> {
        vec![
            C::Verify,
            C::Dispatch,
            C::Accept,
            C::Resolve,
            C::Reply,
            SATISFIED,
            DISSATISFIED,
            UNREACHED,
            C::CloseOnSpot,
            C::Cancel,
            C::Comment,
            C::Reassign,
            C::Pause,
            C::Resume,
            C::Escalate,
            C::Deescalate,
            C::CancelRequest,
            C::CancelApprove,
            C::CancelReject,
        ]
    }

    #[test]
    fn every_status_and_action_pair_follows_the_table() {
        for status in CaseStatus::ALL {
            for command in all_commands() {
                let result = apply(CaseKind::Complaint, *status, command);
                match expected(*status, command) {
                    Some(to) => {
                        let outcome = result.unwrap_or_else(|e| panic!("{status} {command:?}: {e}"));
                        assert_eq!(outcome.to, to, "{status} {command:?}");
                        assert_eq!(outcome.from, *status);
                    }
                    None if command == C::CloseOnSpot && *status == S::Registered => {
                        assert_eq!(
                            result,
                            Err(TransitionError::KindCannotCloseOnSpot {
                                kind: CaseKind::Complaint
                            })
                        );
                    }
                    None => assert_eq!(
                        result,
                        Err(TransitionError::NotAllowed {
                            action: command.action(),
                            status: *status
                        }),
                        "{status} {command:?}"
                    ),
                }
            }
        }
    }

    #[test]
    fn close_on_spot_depends_on_kind() {
        for kind in CaseKind::ALL {
            let result = apply(*kind, S::Registered, C::CloseOnSpot);
            if kind.may_close_on_spot() {
                assert_eq!(result.map(|o| o.to), Ok(S::Closed), "{kind}");
            } else {
                assert_eq!(result, Err(TransitionError::KindCannotCloseOnSpot { kind: *kind }));
            }
            // Once dispatched it is no longer a first-contact resolution.
            assert!(matches!(
                apply(*kind, S::Dispatched, C::CloseOnSpot),
                Err(TransitionError::NotAllowed { .. })
            ));
        }
    }

    #[test]
    fn dissatisfied_visits_are_second_dispatches_with_a_new_work_order() {
        for satisfaction in Satisfaction::ALL {
            let outcome = apply(
                CaseKind::Repair,
                S::Visiting,
                C::Visit {
                    reached: true,
                    satisfaction: Some(*satisfaction),
                },
            );
            let outcome = outcome.unwrap_or_else(|e| panic!("{e}"));
            if satisfaction.is_satisfied() {
                assert_eq!(
                    (outcome.to, outcome.second_dispatch, outcome.work_order),
                    (S::Closed, false, WorkOrderEffect::None)
                );
            } else {
                assert_eq!(
                    (outcome.to, outcome.second_dispatch, outcome.work_order),
                    (S::Dispatched, true, WorkOrderEffect::Open)
                );
            }
        }
    }

    #[test]
    fn visits_must_be_consistent() {
        assert_eq!(
            apply(
                CaseKind::Repair,
                S::Visiting,
                C::Visit {
                    reached: true,
                    satisfaction: None
                }
            ),
            Err(TransitionError::SatisfactionRequired)
        );
        assert_eq!(
            apply(
                CaseKind::Repair,
                S::Visiting,
                C::Visit {
                    reached: false,
                    satisfaction: Some(Satisfaction::Satisfied)
                }
            ),
            Err(TransitionError::SatisfactionWithoutContact)
        );
    }

    #[test]
    fn work_order_effects() {
        let effect = |status, command| apply(CaseKind::Repair, status, command).map(|o| o.work_order);
        assert_eq!(effect(S::Registered, C::Dispatch), Ok(WorkOrderEffect::Open));
        assert_eq!(effect(S::Dispatched, C::Accept), Ok(WorkOrderEffect::Accept));
        assert_eq!(effect(S::InProgress, C::Resolve), Ok(WorkOrderEffect::Complete));
        assert_eq!(effect(S::InProgress, C::Reassign), Ok(WorkOrderEffect::Reassign));
        assert_eq!(effect(S::InProgress, C::Cancel), Ok(WorkOrderEffect::Cancel));
        assert_eq!(effect(S::Registered, C::Cancel), Ok(WorkOrderEffect::None));
        assert_eq!(effect(S::Closed, C::Comment), Ok(WorkOrderEffect::None));
    }

    #[test]
    fn terminal_states_take_comments_only() {
        for status in [S::Closed, S::Cancelled] {
            assert!(status.is_terminal());
            assert_eq!(available_actions(CaseKind::Inquiry, status), vec![CaseAction::Comment]);
        }
    }

    #[test]
    fn available_actions_for_the_console() {
        assert_eq!(
            available_actions(CaseKind::Inquiry, S::Registered),
            vec![
                CaseAction::Verify,
                CaseAction::Dispatch,
                CaseAction::CloseOnSpot,
                CaseAction::Cancel,
                CaseAction::Comment,
                CaseAction::Pause,
                CaseAction::Resume,
                CaseAction::Escalate,
                CaseAction::Deescalate
            ]
        );
        assert_eq!(
            available_actions(CaseKind::Complaint, S::Registered),
            vec![
                CaseAction::Verify,
                CaseAction::Dispatch,
                CaseAction::Cancel,
                CaseAction::Comment,
                CaseAction::Pause,
                CaseAction::Resume,
                CaseAction::Escalate,
                CaseAction::Deescalate
            ]
        );
        assert_eq!(
            available_actions(CaseKind::Repair, S::Visiting),
            vec![
                CaseAction::Visit,
                CaseAction::Comment,
                CaseAction::Escalate,
                CaseAction::Deescalate
            ]
        );
    }

    #[test]
    fn flags_decide_pause_resume_and_the_ladder() {
        assert_eq!(check_flags(C::Pause, false, Level::Project), Ok(()));
        assert_eq!(
            check_flags(C::Pause, true, Level::Project),
            Err(TransitionError::AlreadyPaused)
        );
        assert_eq!(
            check_flags(C::Resume, false, Level::Project),
            Err(TransitionError::NotPaused)
        );
        assert_eq!(check_flags(C::Resume, true, Level::Project), Ok(()));
        assert_eq!(
            check_flags(C::Escalate, false, Level::Company),
            Err(TransitionError::Level(LevelError::AlreadyAtTop))
        );
        assert_eq!(
            check_flags(C::Deescalate, false, Level::Project),
            Err(TransitionError::Level(LevelError::AlreadyAtBottom))
        );
        // Handling a paused case is allowed: it resumes the clock.
        assert_eq!(check_flags(C::Resolve, true, Level::Area), Ok(()));
        assert_eq!(
            available_actions_now(CaseKind::Repair, S::InProgress, true, Level::Project),
            vec![
                CaseAction::Resolve,
                CaseAction::Cancel,
                CaseAction::Comment,
                CaseAction::Reassign,
                CaseAction::Resume,
                CaseAction::Escalate,
                CaseAction::CancelApprove,
                CaseAction::CancelReject
            ]
        );
        assert_eq!(
            available_actions_now(CaseKind::Repair, S::InProgress, false, Level::Company),
            vec![
                CaseAction::Resolve,
                CaseAction::Cancel,
                CaseAction::Comment,
                CaseAction::Reassign,
                CaseAction::Pause,
                CaseAction::Deescalate,
                CaseAction::CancelApprove,
                CaseAction::CancelReject
            ]
        );
    }

    #[test]
    fn every_action_maps_to_a_permission_and_parses() {
        for action in CaseAction::ALL {
            let _ = action.permission();
            assert_eq!(CaseAction::parse(action.as_str()), Some(*action));
        }
    }
}
