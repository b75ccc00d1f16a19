//! The state machine's transitions for failed checks and repeats (issue #19), kept beside
//! `machine.rs`:
//!
//! ```text
//! dispatched | in_progress | resolved | visiting ──redispatch (48 h check: not done)──▶ dispatched
//! visiting ──visit: unreachable, last try──▶ closed (no satisfaction; counted apart)
//! visiting ──visit: dissatisfied a third time──▶ review ──dispatch (supervisors)──▶ dispatched
//! ```

use super::transition::{CaseStatus, Command, Outcome, WorkOrderEffect};

/// The transitions of this module (called by `machine::apply`); `None`: not allowed.
pub(super) fn apply(status: CaseStatus, command: Command) -> Option<Outcome> {
    use CaseStatus as S;
    let (to, work_order, second_dispatch) = match (command, status) {
        (Command::Redispatch, S::Dispatched | S::InProgress | S::Resolved | S::Visiting) => {
            (S::Dispatched, WorkOrderEffect::Open, true)
        }
        (Command::VisitUnreachable, S::Visiting) => (S::Closed, WorkOrderEffect::None, false),
        (Command::Dispatch, S::Review) => (S::Dispatched, WorkOrderEffect::Open, true),
        _ => return None,
    };
    Some(Outcome {
        from: status,
        to,
        work_order,
        second_dispatch,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::case::Satisfaction;
    use crate::case::{apply as apply_machine, apply_with_history, CaseKind, TransitionError};
    use CaseStatus as S;
    use Command as C;

    const DISSATISFIED: Command = C::Visit {
        reached: true,
        satisfaction: Some(Satisfaction::VeryDissatisfied),
    };

    /// Every status with the new commands (and dispatch from `review`): where it leads, with the
    /// work-order effect and the second-dispatch flag; `None`: refused.
    #[test]
    fn the_new_transitions_follow_the_table() {
        let table: &[(S, C, S, WorkOrderEffect, bool)] = &[
            (S::Dispatched, C::Redispatch, S::Dispatched, WorkOrderEffect::Open, true),
            (S::InProgress, C::Redispatch, S::Dispatched, WorkOrderEffect::Open, true),
            (S::Resolved, C::Redispatch, S::Dispatched, WorkOrderEffect::Open, true),
            (S::Visiting, C::Redispatch, S::Dispatched, WorkOrderEffect::Open, true),
            (
                S::Visiting,
                C::VisitUnreachable,
                S::Closed,
                WorkOrderEffect::None,
                false,
            ),
            (S::Review, C::Dispatch, S::Dispatched, WorkOrderEffect::Open, true),
            (S::Review, C::Comment, S::Review, WorkOrderEffect::None, false),
            (S::Review, C::Escalate, S::Review, WorkOrderEffect::None, false),
            (S::Review, C::Deescalate, S::Review, WorkOrderEffect::None, false),
        ];
        let commands = [
            C::Redispatch,
            C::VisitUnreachable,
            C::Dispatch,
            C::Comment,
            C::Escalate,
            C::Deescalate,
            C::Accept,
            C::Resolve,
            C::Reply,
            C::Cancel,
            C::Pause,
            C::Reassign,
            DISSATISFIED,
        ];
        for status in CaseStatus::ALL {
            for command in commands {
                let got = apply_machine(CaseKind::Repair, *status, command);
                let row = table.iter().find(|(s, c, ..)| s == status && *c == command);
                match row {
                    Some((_, _, to, effect, second)) => {
                        let o = got.unwrap_or_else(|e| panic!("{status} {command:?}: {e}"));
                        assert_eq!(
                            (o.from, o.to, o.work_order, o.second_dispatch),
                            (*status, *to, *effect, *second)
                        );
                    }
                    // Only the review status and the new commands are this table's business.
                    None if *status == S::Review || matches!(command, C::Redispatch | C::VisitUnreachable) => {
                        assert_eq!(
                            got,
                            Err(TransitionError::NotAllowed {
                                action: command.action(),
                                status: *status
                            }),
                            "{status} {command:?}"
                        );
                    }
                    None => {}
                }
            }
        }
    }

    #[test]
    fn the_third_dissatisfied_visit_waits_for_a_supervisor() {
        let table = [
            (0, S::Dispatched, WorkOrderEffect::Open, true),
            (1, S::Dispatched, WorkOrderEffect::Open, true),
            (2, S::Review, WorkOrderEffect::None, false),
            (3, S::Review, WorkOrderEffect::None, false),
        ];
        for (before, to, effect, second) in table {
            let o = apply_with_history(CaseKind::Complaint, S::Visiting, DISSATISFIED, before).unwrap();
            assert_eq!(
                (o.to, o.work_order, o.second_dispatch),
                (to, effect, second),
                "{before}"
            );
        }
        // Satisfied closes whatever came before; other statuses refuse as before.
        let satisfied = C::Visit {
            reached: true,
            satisfaction: Some(Satisfaction::Satisfied),
        };
        assert_eq!(
            apply_with_history(CaseKind::Complaint, S::Visiting, satisfied, 5).map(|o| o.to),
            Ok(S::Closed)
        );
        assert!(apply_with_history(CaseKind::Complaint, S::Resolved, DISSATISFIED, 2).is_err());
    }

    #[test]
    fn review_offers_only_the_supervisors_dispatch_and_the_ladder() {
        use super::super::machine::{available_actions, CaseAction};
        assert_eq!(
            available_actions(CaseKind::Complaint, S::Review),
            vec![
                CaseAction::Dispatch,
                CaseAction::Comment,
                CaseAction::Escalate,
                CaseAction::Deescalate
            ]
        );
        assert!(!available_actions(CaseKind::Repair, S::InProgress).contains(&CaseAction::Redispatch));
    }
}
