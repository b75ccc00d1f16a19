use super::*;
use CaseStatus as S;

const PROJECT: Uuid = Uuid::from_u128(1);
const WATER: Uuid = Uuid::from_u128(20);
const POWER: Uuid = Uuid::from_u128(21);

fn case(id: u128, kind: CaseKind, status: CaseStatus) -> LinkCase {
    LinkCase {
        id: Uuid::from_u128(id),
        kind,
        status,
        project_id: PROJECT,
        parent_id: None,
        child_count: 0,
        department_id: status.has_open_work_order().then_some(WATER),
    }
}

fn incident(status: CaseStatus) -> LinkCase {
    case(100, CaseKind::Incident, status)
}

fn caller(status: CaseStatus) -> LinkCase {
    case(200, CaseKind::Repair, status)
}

#[test]
fn who_may_be_linked_to_whom() {
    let table: Vec<(&str, LinkCase, LinkCase, Result<(), LinkError>)> = vec![
        (
            "a caller to an open incident",
            caller(S::Registered),
            incident(S::Registered),
            Ok(()),
        ),
        (
            "a complaint too",
            case(201, CaseKind::Complaint, S::Dispatched),
            incident(S::InProgress),
            Ok(()),
        ),
        (
            "an incident as a child",
            case(202, CaseKind::Incident, S::Registered),
            incident(S::Dispatched),
            Ok(()),
        ),
        (
            "not to itself",
            incident(S::Registered),
            incident(S::Registered),
            Err(LinkError::ItSelf),
        ),
        (
            "only incidents are parents",
            caller(S::Registered),
            case(300, CaseKind::Repair, S::Registered),
            Err(LinkError::NotAnIncident { kind: CaseKind::Repair }),
        ),
        (
            "same project",
            caller(S::Registered),
            LinkCase {
                project_id: Uuid::from_u128(2),
                ..incident(S::Registered)
            },
            Err(LinkError::OtherProject),
        ),
        (
            "no chains: the parent is a child",
            caller(S::Registered),
            LinkCase {
                parent_id: Some(Uuid::from_u128(999)),
                ..incident(S::Registered)
            },
            Err(LinkError::ParentIsAChild),
        ),
        (
            "no chains: the child has children",
            LinkCase {
                child_count: 2,
                ..case(202, CaseKind::Incident, S::Registered)
            },
            incident(S::Registered),
            Err(LinkError::HasChildren),
        ),
        (
            "linked once",
            LinkCase {
                parent_id: Some(Uuid::from_u128(999)),
                ..caller(S::Registered)
            },
            incident(S::Registered),
            Err(LinkError::AlreadyLinked),
        ),
        (
            "a closed caller",
            caller(S::Closed),
            incident(S::Registered),
            Err(LinkError::Finished { status: S::Closed }),
        ),
        (
            "a cancelled caller",
            caller(S::Cancelled),
            incident(S::Registered),
            Err(LinkError::Finished { status: S::Cancelled }),
        ),
        (
            "a resolved incident",
            caller(S::Registered),
            incident(S::Resolved),
            Err(LinkError::ParentFinished { status: S::Resolved }),
        ),
        (
            "a cancelled incident",
            caller(S::Registered),
            incident(S::Cancelled),
            Err(LinkError::ParentFinished { status: S::Cancelled }),
        ),
        (
            "a full incident",
            caller(S::Registered),
            LinkCase {
                child_count: MAX_CHILDREN,
                ..incident(S::Registered)
            },
            Err(LinkError::TooManyChildren),
        ),
    ];
    for (name, child, parent, expected) in table {
        assert_eq!(check_link(&child, &parent), expected, "{name}");
    }
}

#[test]
fn field_errors_name_parent_id_and_state_conflicts_none() {
    assert_eq!(LinkError::OtherProject.field(), Some("parent_id"));
    assert_eq!(LinkError::ParentIsAChild.field(), Some("parent_id"));
    assert_eq!(
        LinkError::NotAnIncident { kind: CaseKind::Repair }.field(),
        Some("parent_id")
    );
    assert_eq!(LinkError::ItSelf.field(), Some("parent_id"));
    assert_eq!(LinkError::HasChildren.field(), None);
    assert_eq!(LinkError::ParentResolved { status: S::Resolved }.field(), None);
}

#[test]
fn a_linked_child_catches_up_with_its_parent() {
    let elsewhere = |status| LinkCase {
        department_id: Some(POWER),
        ..caller(status)
    };
    let table: Vec<(CaseStatus, LinkCase, Result<Vec<Step>, LinkError>)> = vec![
        (S::Registered, caller(S::Registered), Ok(vec![])),
        (S::Registered, elsewhere(S::Dispatched), Ok(vec![])),
        (S::Registered, elsewhere(S::InProgress), Ok(vec![])),
        (S::Dispatched, caller(S::Registered), Ok(vec![Step::Dispatch])),
        (S::Dispatched, caller(S::Dispatched), Ok(vec![])),
        (S::Dispatched, caller(S::InProgress), Ok(vec![])),
        (S::Dispatched, elsewhere(S::Dispatched), Ok(vec![Step::Reassign])),
        (S::Dispatched, elsewhere(S::InProgress), Ok(vec![Step::Reassign])),
        (
            S::InProgress,
            caller(S::Registered),
            Ok(vec![Step::Dispatch, Step::Accept]),
        ),
        (S::InProgress, caller(S::Dispatched), Ok(vec![Step::Accept])),
        (S::InProgress, caller(S::InProgress), Ok(vec![])),
        (
            S::InProgress,
            elsewhere(S::Dispatched),
            Ok(vec![Step::Reassign, Step::Accept]),
        ),
        (
            S::InProgress,
            elsewhere(S::InProgress),
            Ok(vec![Step::Reassign, Step::Accept]),
        ),
        (
            S::Dispatched,
            caller(S::Resolved),
            Err(LinkError::AheadOfParent { status: S::Resolved }),
        ),
        (
            S::Registered,
            caller(S::Visiting),
            Err(LinkError::AheadOfParent { status: S::Visiting }),
        ),
        (
            S::Resolved,
            caller(S::Registered),
            Err(LinkError::ParentFinished { status: S::Resolved }),
        ),
    ];
    for (parent, child, expected) in table {
        assert_eq!(catch_up(&child, &incident(parent)), expected, "{parent} {child:?}");
    }
}

#[test]
fn which_parent_actions_children_follow() {
    for action in CaseAction::ALL {
        for from in CaseStatus::ALL {
            let expected = match action {
                CaseAction::Dispatch if *from == S::Registered => Some(Step::Dispatch),
                CaseAction::Reassign => Some(Step::Reassign),
                CaseAction::Accept => Some(Step::Accept),
                CaseAction::Resolve => Some(Step::Resolve),
                CaseAction::Reply => Some(Step::Reply),
                _ => None,
            };
            assert_eq!(parent_step(*action, *from), expected, "{action} from {from}");
        }
    }
}

#[test]
fn each_child_takes_the_step_its_status_allows() {
    let mut elsewhere = caller(S::Dispatched);
    elsewhere.department_id = Some(POWER);
    let table: Vec<(Step, LinkCase, Option<Step>)> = vec![
        (Step::Dispatch, caller(S::Registered), Some(Step::Dispatch)),
        (Step::Dispatch, elsewhere, Some(Step::Reassign)),
        (Step::Dispatch, caller(S::Dispatched), None),
        (Step::Reassign, caller(S::Dispatched), Some(Step::Reassign)),
        (Step::Reassign, caller(S::InProgress), Some(Step::Reassign)),
        (Step::Reassign, caller(S::Registered), None),
        (Step::Accept, caller(S::Dispatched), Some(Step::Accept)),
        (Step::Accept, caller(S::InProgress), None),
        (Step::Resolve, caller(S::Dispatched), Some(Step::Resolve)),
        (Step::Resolve, caller(S::InProgress), Some(Step::Resolve)),
        (Step::Resolve, caller(S::Registered), None),
        (Step::Reply, caller(S::Resolved), Some(Step::Reply)),
        // Already answered on its own, or finished: nothing to follow.
        (Step::Reply, caller(S::Visiting), None),
        (Step::Resolve, caller(S::Cancelled), None),
        (Step::Reply, caller(S::Closed), None),
    ];
    for (step, child, expected) in table {
        assert_eq!(follow(step, &child, Some(WATER)), expected, "{step:?} {child:?}");
    }
}

#[test]
fn a_child_leaves_its_handling_to_the_parent_until_it_resolves() {
    for action in CaseAction::ALL {
        for parent in CaseStatus::ALL {
            let refused = led_by_parent(*action) && matches!(parent, S::Registered | S::Dispatched | S::InProgress);
            assert_eq!(
                check_own_action(*action, *parent).is_err(),
                refused,
                "{action} with the parent {parent}"
            );
        }
    }
    assert!(led_by_parent(CaseAction::Resolve));
    assert!(!led_by_parent(CaseAction::Reply));
    assert!(!led_by_parent(CaseAction::Visit));
    assert!(!led_by_parent(CaseAction::Cancel));
}

#[test]
fn unlink_only_before_the_parent_resolves() {
    let parent = Some(Uuid::from_u128(100));
    for status in CaseStatus::ALL {
        let result = check_unlink(parent, *status);
        match status {
            S::Registered | S::Dispatched | S::InProgress => assert_eq!(result, Ok(())),
            _ => assert_eq!(result, Err(LinkError::ParentResolved { status: *status })),
        }
    }
    assert_eq!(check_unlink(None, S::Registered), Err(LinkError::NotLinked));
}

#[test]
fn a_parent_with_children_is_not_cancelled() {
    assert_eq!(check_cancel(CaseAction::Cancel, 1), Err(LinkError::ParentHasChildren));
    assert_eq!(check_cancel(CaseAction::Cancel, 0), Ok(()));
    for action in CaseAction::ALL.iter().filter(|a| **a != CaseAction::Cancel) {
        assert_eq!(check_cancel(*action, 3), Ok(()), "{action}");
    }
}

#[test]
fn what_the_console_offers() {
    for status in CaseStatus::ALL {
        let open = matches!(status, S::Registered | S::Dispatched | S::InProgress);
        assert_eq!(offers_link(*status, false, 0), open, "{status}");
        assert!(!offers_link(*status, true, 0), "{status}: already linked");
        assert!(!offers_link(*status, false, 1), "{status}: a parent");
        assert_eq!(offers_unlink(Some(*status)), open, "{status}");
    }
    assert!(!offers_unlink(None));
}
