use super::*;
use crate::case::Satisfaction;
use crate::sla::escalation::LevelError;
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
