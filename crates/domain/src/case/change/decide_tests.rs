use chrono::{Duration, TimeZone};
use uuid::Uuid;

use super::*;
use crate::calendar::Clock;
use crate::case::{CancelReason, CaseKind, CaseStatus, Satisfaction, Severity};
use crate::sla::escalation::Level;
use crate::sla::policy::SlaDurations;

fn t(hours: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 1, 8, 0, 0).unwrap() + Duration::hours(hours)
}

fn registered() -> CaseState {
    CaseState {
        id: Uuid::from_u128(1),
        kind: CaseKind::Repair,
        severity: Severity::Normal,
        status: CaseStatus::Registered,
        level: Level::Project,
        peak_level: Level::Project,
        department_id: None,
        assignee_id: None,
        current_work_order_id: None,
        dispatch_count: 0,
        verify_due_at: Some(t(8)),
        dispatch_due_at: Some(t(24)),
        due_at: None,
        reply_due_at: None,
        verified_at: None,
        first_dispatched_at: None,
        resolved_at: None,
        replied_at: None,
        closed_at: None,
        cancelled_at: None,
        closed_on_spot: false,
        last_satisfaction: None,
        duplicate_of: None,
        resolve_breached: false,
        reply_breached: false,
        paused_at: None,
        pause_reason: None,
        answer_article_id: None,
        cancel_reason: None,
        cancel_request: None,
        dissatisfied_visits: 0,
    }
}

const ORDER: OrderState = OrderState {
    id: Uuid::from_u128(7),
    department_id: Uuid::from_u128(20),
    assignee_id: Some(Uuid::from_u128(30)),
};

/// A case whose first work order went to department 20, person 30.
fn dispatched(status: CaseStatus) -> CaseState {
    CaseState {
        status,
        department_id: Some(ORDER.department_id),
        assignee_id: ORDER.assignee_id,
        current_work_order_id: Some(ORDER.id),
        dispatch_count: 1,
        first_dispatched_at: Some(t(1)),
        due_at: Some(t(49)),
        resolved_at: (status == CaseStatus::Visiting).then(|| t(10)),
        replied_at: (status == CaseStatus::Visiting).then(|| t(11)),
        ..registered()
    }
}

fn run(state: &CaseState, input: Input) -> Result<Change, ChangeError> {
    let durations = SlaDurations::builtin(state.kind, state.severity);
    let ctx = Context {
        at: t(2),
        actor: Uuid::from_u128(99),
        durations: &durations,
        clock: &Clock::Continuous,
        order: state.current_work_order_id.map(|_| &ORDER),
        new_order_id: Uuid::from_u128(8),
    };
    decide(state, input, &ctx)
}

fn dispatch(due_at: Option<DateTime<Utc>>) -> Input {
    Input::Dispatch {
        department_id: Uuid::from_u128(20),
        department: "工程部".into(),
        assignee_id: None,
        due_at,
        note: None,
    }
}

fn visit(reached: bool, satisfaction: Option<Satisfaction>) -> Input {
    Input::Visit {
        reached,
        satisfaction,
        comment: None,
    }
}

fn invalid(field: &'static str) -> Result<(), &'static str> {
    Err(field)
}

/// A check of the change, or a refusal: `Err(Err(field))` invalid input naming the field,
/// `Err(Ok(()))` refused by the state machine.
type Expected = Result<fn(&Change), Result<(), &'static str>>;

#[test]
fn each_action_decides_the_change_or_refuses() {
    let table: Vec<(&str, CaseState, Input, Expected)> = vec![
        (
            "first dispatch opens order 1 with the policy's due time",
            registered(),
            dispatch(None),
            Ok(|c: &Change| {
                assert_eq!(c.after.status, CaseStatus::Dispatched);
                assert_eq!((c.after.dispatch_count, c.after.first_dispatched_at), (1, Some(t(2))));
                assert_eq!(c.after.current_work_order_id, Some(Uuid::from_u128(8)));
                assert!(matches!(c.order, OrderChange::Open { sequence: 1, .. }));
                assert_eq!(c.event.payload["work_order"], 1);
            }),
        ),
        (
            "a due time in the past is refused",
            registered(),
            dispatch(Some(t(1))),
            Err(invalid("due_at")),
        ),
        (
            "an inquiry closed on the spot keeps the article it was answered from",
            CaseState {
                kind: CaseKind::Inquiry,
                ..registered()
            },
            Input::CloseOnSpot {
                answer: "a".into(),
                article_id: Some(Uuid::from_u128(42)),
            },
            Ok(|c: &Change| {
                assert_eq!((c.after.status, c.after.closed_on_spot), (CaseStatus::Closed, true));
                assert_eq!(c.after.answer_article_id, Some(Uuid::from_u128(42)));
                assert_eq!(c.event.payload["article_id"], Uuid::from_u128(42).to_string());
            }),
        ),
        (
            "closed on the spot without an article names none",
            CaseState {
                kind: CaseKind::Inquiry,
                ..registered()
            },
            Input::CloseOnSpot {
                answer: "a".into(),
                article_id: None,
            },
            Ok(|c: &Change| {
                assert_eq!(c.after.answer_article_id, None);
                assert!(c.event.payload.get("article_id").is_none());
            }),
        ),
        (
            "satisfied visit closes",
            dispatched(CaseStatus::Visiting),
            visit(true, Some(Satisfaction::Satisfied)),
            Ok(|c: &Change| {
                assert_eq!((c.after.status, c.after.closed_at), (CaseStatus::Closed, Some(t(2))));
                assert_eq!(c.order, OrderChange::None);
                assert!(c.visit.as_ref().is_some_and(|v| v.reached));
            }),
        ),
        (
            "dissatisfied visit dispatches again to the same department",
            dispatched(CaseStatus::Visiting),
            visit(true, Some(Satisfaction::Dissatisfied)),
            Ok(|c: &Change| {
                assert_eq!((c.after.status, c.after.dispatch_count), (CaseStatus::Dispatched, 2));
                assert_eq!((c.after.resolved_at, c.after.replied_at), (None, None));
                assert!(
                    matches!(c.order, OrderChange::Open { sequence: 2, department_id, assignee_id, .. }
                if department_id == ORDER.department_id && assignee_id == ORDER.assignee_id)
                );
                assert_eq!(c.event.payload["second_dispatch"], true);
                assert!(c.outcome.second_dispatch);
            }),
        ),
        (
            "the second dissatisfied visit dispatches again and raises the level once",
            CaseState {
                dissatisfied_visits: 1,
                ..dispatched(CaseStatus::Visiting)
            },
            visit(true, Some(Satisfaction::VeryDissatisfied)),
            Ok(|c: &Change| {
                assert_eq!((c.after.status, c.after.dispatch_count), (CaseStatus::Dispatched, 2));
                assert_eq!((c.after.level, c.after.peak_level), (Level::Area, Level::Area));
                assert_eq!(c.after.dissatisfied_visits, 2);
                assert_eq!(
                    c.escalated.as_ref().map(|e| (e.0, e.1)),
                    Some((Level::Project, Level::Area))
                );
            }),
        ),
        (
            "the first dissatisfied visit does not escalate",
            dispatched(CaseStatus::Visiting),
            visit(true, Some(Satisfaction::Dissatisfied)),
            Ok(|c: &Change| {
                assert_eq!((c.after.level, c.after.dissatisfied_visits), (Level::Project, 1));
                assert_eq!(c.escalated, None);
            }),
        ),
        (
            "at the top of the ladder the second dissatisfied visit has nothing to raise",
            CaseState {
                dissatisfied_visits: 1,
                level: Level::Company,
                peak_level: Level::Company,
                ..dispatched(CaseStatus::Visiting)
            },
            visit(true, Some(Satisfaction::Dissatisfied)),
            Ok(|c: &Change| {
                assert_eq!(
                    (c.after.level, c.after.status),
                    (Level::Company, CaseStatus::Dispatched)
                );
                assert_eq!(c.escalated, None);
            }),
        ),
        (
            "the third dissatisfied visit waits for a supervisor: no new order, no deadline",
            CaseState {
                dissatisfied_visits: 2,
                dispatch_count: 3,
                ..dispatched(CaseStatus::Visiting)
            },
            visit(true, Some(Satisfaction::Dissatisfied)),
            Ok(|c: &Change| {
                assert_eq!((c.after.status, c.after.dispatch_count), (CaseStatus::Review, 3));
                assert_eq!(c.order, OrderChange::None);
                assert_eq!((c.after.resolved_at, c.after.due_at), (None, None));
                assert_eq!((c.after.dissatisfied_visits, c.escalated.clone()), (3, None));
                assert_eq!(c.event.payload["review"], true);
            }),
        ),
        (
            "a supervisor's dispatch from review opens the next order",
            CaseState {
                dissatisfied_visits: 3,
                dispatch_count: 3,
                resolved_at: None,
                replied_at: None,
                due_at: None,
                ..dispatched(CaseStatus::Review)
            },
            dispatch(None),
            Ok(|c: &Change| {
                assert_eq!((c.after.status, c.after.dispatch_count), (CaseStatus::Dispatched, 4));
                assert_eq!(c.after.first_dispatched_at, Some(t(1)));
                assert!(c.outcome.second_dispatch);
            }),
        ),
        (
            "a 48 h check found it not done: the same department again, deadline renewed",
            dispatched(CaseStatus::InProgress),
            Input::Redispatch {
                note: Some("师傅未上门".into()),
            },
            Ok(|c: &Change| {
                assert_eq!((c.after.status, c.after.dispatch_count), (CaseStatus::Dispatched, 2));
                assert!(matches!(c.order, OrderChange::Open { sequence: 2, department_id, .. }
                    if department_id == ORDER.department_id));
                assert_eq!(c.event.action, "redispatch");
                assert_eq!(
                    c.after.due_at,
                    Some(t(2) + SlaDurations::builtin(CaseKind::Repair, Severity::Normal).resolve())
                );
            }),
        ),
        (
            "a redispatch of a case never dispatched is refused",
            registered(),
            Input::Redispatch { note: None },
            Err(Ok(())),
        ),
        (
            "the last unreachable try closes without a satisfaction",
            dispatched(CaseStatus::Visiting),
            Input::VisitUnreachable {
                tries: 3,
                comment: None,
            },
            Ok(|c: &Change| {
                assert_eq!((c.after.status, c.after.closed_at), (CaseStatus::Closed, Some(t(2))));
                assert_eq!(c.after.last_satisfaction, None);
                assert!(c.visit.as_ref().is_some_and(|v| !v.reached && v.satisfaction.is_none()));
                assert_eq!(c.event.payload["unreachable"], true);
            }),
        ),
        (
            "a reached customer must rate",
            dispatched(CaseStatus::Visiting),
            visit(true, None),
            Err(Ok(())),
        ),
        (
            "accept makes the actor the assignee when nobody was named",
            CaseState {
                assignee_id: None,
                ..dispatched(CaseStatus::Dispatched)
            },
            Input::Accept,
            Ok(|c: &Change| {
                assert_eq!(c.after.assignee_id, Some(Uuid::from_u128(99)));
                assert_eq!(
                    c.order,
                    OrderChange::Accept {
                        assignee_id: Uuid::from_u128(99)
                    }
                );
            }),
        ),
        (
            "resolve completes the order and sets the reply deadline",
            dispatched(CaseStatus::InProgress),
            Input::Resolve {
                result: "ok".into(),
                charge_amount: None,
                charge_cents: Some(12050),
                materials: None,
            },
            Ok(|c: &Change| {
                assert_eq!(c.after.status, CaseStatus::Resolved);
                assert!(c.after.reply_due_at.is_some_and(|d| d > t(2)));
                assert!(matches!(
                    c.order,
                    OrderChange::Complete {
                        charge_cents: Some(12050),
                        ..
                    }
                ));
            }),
        ),
        (
            "a duplicate names its original",
            registered(),
            Input::Cancel {
                reason: CancelReason::Duplicate,
                duplicate_of: None,
                note: None,
            },
            Err(invalid("duplicate_of")),
        ),
        (
            "cancelling a dispatched case withdraws its order",
            dispatched(CaseStatus::Dispatched),
            Input::Cancel {
                reason: CancelReason::Withdrawn,
                duplicate_of: None,
                note: None,
            },
            Ok(|c: &Change| {
                assert_eq!(
                    (c.after.status, c.order.clone()),
                    (CaseStatus::Cancelled, OrderChange::Cancel)
                );
            }),
        ),
        (
            "escalation raises level and peak",
            registered(),
            Input::Escalate { reason: "r".into() },
            Ok(|c: &Change| {
                assert_eq!((c.after.level, c.after.peak_level), (Level::Area, Level::Area));
                assert_eq!(c.escalated, Some((Level::Project, Level::Area, "r".into())));
            }),
        ),
        (
            "project level cannot go lower",
            registered(),
            Input::Deescalate { reason: "r".into() },
            Err(Ok(())),
        ),
        (
            "a paused case cannot pause again",
            CaseState {
                paused_at: Some(t(1)),
                ..registered()
            },
            Input::Pause { reason: "r".into() },
            Err(Ok(())),
        ),
        (
            "a comment changes nothing but the timeline",
            dispatched(CaseStatus::InProgress),
            Input::Comment {
                body: "b".into(),
                visibility: Visibility::Internal,
            },
            Ok(|c: &Change| {
                assert_eq!(c.after, dispatched(CaseStatus::InProgress));
                assert_eq!(c.event.visibility, Visibility::Internal);
            }),
        ),
    ];
    for (name, state, input, expected) in table {
        let got = run(&state, input);
        match (expected, got) {
            (Ok(check), Ok(change)) => check(&change),
            (Err(Err(field)), Err(ChangeError::Invalid { field: f, .. })) => assert_eq!(f, field, "{name}"),
            (Err(Ok(())), Err(ChangeError::Transition(_))) => {}
            (expected, got) => panic!(
                "{name}: expected {}, got {got:?}",
                if expected.is_ok() { "a change" } else { "a refusal" }
            ),
        }
    }
}

#[test]
fn resuming_gives_back_the_time_left_when_the_pause_began() {
    // Paused at t(1) with the verify deadline at t(8): 7 hours left; resumed at t(2).
    let paused = CaseState {
        paused_at: Some(t(1)),
        pause_reason: Some("away".into()),
        ..registered()
    };
    let change = run(&paused, Input::Resume { note: None }).unwrap();
    assert_eq!(change.after.verify_due_at, Some(t(9)));
    assert_eq!(change.after.dispatch_due_at, Some(t(25)));
    assert_eq!(
        (change.after.paused_at, change.after.pause_reason.clone()),
        (None, None)
    );
    // Any action of the customer's side resumes too; a comment does not.
    assert!(run(&paused, Input::Verify { note: "n".into() })
        .unwrap()
        .after
        .paused_at
        .is_none());
    let commented = run(
        &paused,
        Input::Comment {
            body: "b".into(),
            visibility: Visibility::Public,
        },
    )
    .unwrap();
    assert_eq!(commented.after.paused_at, Some(t(1)));
}
