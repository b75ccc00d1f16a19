//! Cancelling a dispatched case on request (issue #19): an agent's `cancel` of a case whose work
//! order is out becomes a request; a supervisor approves it (the case is cancelled with the
//! requested reason) or rejects it (the case goes on). Meanwhile the case keeps its work order
//! and its deadlines.

use serde_json::json;
use uuid::Uuid;

use super::actions::check_duplicate;
use super::effects::{effects, Effects};
use super::types::*;
use crate::case::{CancelReason, Visibility};

fn conflict<T>(field: &'static str, message: &'static str) -> Result<T, ChangeError> {
    Err(ChangeError::Conflict { field, message })
}

pub(super) fn request(
    after: &mut CaseState,
    ctx: &Context<'_>,
    reason: CancelReason,
    duplicate_of: Option<Uuid>,
    note: String,
) -> Result<Effects, ChangeError> {
    if after.cancel_request.is_some() {
        return conflict(
            "cancel_request",
            "a cancellation of this case already waits for approval",
        );
    }
    check_duplicate(after.id, reason, duplicate_of)?;
    after.cancel_request = Some(CancelRequest {
        reason,
        duplicate_of,
        note: note.clone(),
        requested_by: ctx.actor,
        requested_at: ctx.at,
    });
    let payload = json!({"reason": reason, "duplicate_of": duplicate_of});
    Ok(effects("cancel_request", Some(note), payload, Visibility::Internal))
}

pub(super) fn approve(after: &mut CaseState, ctx: &Context<'_>, note: Option<String>) -> Result<Effects, ChangeError> {
    let Some(request) = after.cancel_request.take() else {
        return conflict("cancel_request", "no cancellation of this case waits for approval");
    };
    after.cancelled_at = Some(ctx.at);
    after.cancel_reason = Some(request.reason);
    if request.duplicate_of.is_some() {
        after.duplicate_of = request.duplicate_of;
    }
    let order = if ctx.order.is_some() {
        OrderChange::Cancel
    } else {
        OrderChange::None
    };
    let payload = json!({"reason": request.reason, "duplicate_of": request.duplicate_of,
                         "requested_by": request.requested_by, "request_note": request.note});
    Ok(Effects {
        order,
        ..effects("cancel_approve", note, payload, Visibility::Public)
    })
}

pub(super) fn reject(after: &mut CaseState, note: Option<String>) -> Result<Effects, ChangeError> {
    let Some(request) = after.cancel_request.take() else {
        return conflict("cancel_request", "no cancellation of this case waits for approval");
    };
    let payload = json!({"reason": request.reason, "requested_by": request.requested_by, "request_note": request.note});
    Ok(effects("cancel_reject", note, payload, Visibility::Internal))
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, Duration, TimeZone, Utc};

    use super::super::decide;
    use super::*;
    use crate::calendar::Clock;
    use crate::case::{CaseKind, CaseStatus, Severity};
    use crate::sla::escalation::Level;
    use crate::sla::policy::SlaDurations;

    fn t(hours: i64) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 1, 8, 0, 0).unwrap() + Duration::hours(hours)
    }

    const ORDER: OrderState = OrderState {
        id: Uuid::from_u128(7),
        department_id: Uuid::from_u128(20),
        assignee_id: None,
    };

    fn dispatched() -> CaseState {
        CaseState {
            id: Uuid::from_u128(1),
            kind: CaseKind::Complaint,
            severity: Severity::Normal,
            status: CaseStatus::InProgress,
            level: Level::Project,
            peak_level: Level::Project,
            department_id: Some(ORDER.department_id),
            assignee_id: None,
            current_work_order_id: Some(ORDER.id),
            dispatch_count: 1,
            verify_due_at: Some(t(8)),
            dispatch_due_at: Some(t(24)),
            due_at: Some(t(72)),
            reply_due_at: None,
            verified_at: Some(t(0)),
            first_dispatched_at: Some(t(1)),
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

    fn run(state: &CaseState, input: Input) -> Result<Change, ChangeError> {
        let durations = SlaDurations::builtin(state.kind, state.severity);
        let ctx = Context {
            at: t(2),
            actor: Uuid::from_u128(99),
            durations: &durations,
            clock: &Clock::Continuous,
            order: Some(&ORDER),
            new_order_id: Uuid::from_u128(8),
        };
        decide(state, input, &ctx)
    }

    fn request_input() -> Input {
        Input::CancelRequest {
            reason: CancelReason::Withdrawn,
            duplicate_of: None,
            note: "业主已自行修好".into(),
        }
    }

    #[test]
    fn a_request_keeps_the_order_and_deadlines_until_a_supervisor_decides() {
        let requested = run(&dispatched(), request_input()).unwrap();
        assert_eq!(requested.after.status, CaseStatus::InProgress);
        assert_eq!(requested.order, OrderChange::None);
        assert_eq!(
            (requested.after.due_at, requested.after.cancelled_at),
            (Some(t(72)), None)
        );
        let request = requested.after.cancel_request.clone().unwrap();
        assert_eq!(
            (request.requested_by, request.reason),
            (Uuid::from_u128(99), CancelReason::Withdrawn)
        );
        assert_eq!(requested.event.action, "cancel_request");
        // One request at a time.
        assert!(matches!(
            run(&requested.after, request_input()),
            Err(ChangeError::Conflict {
                field: "cancel_request",
                ..
            })
        ));

        let approved = run(&requested.after, Input::CancelApprove { note: None }).unwrap();
        assert_eq!(approved.after.status, CaseStatus::Cancelled);
        assert_eq!(approved.order, OrderChange::Cancel);
        assert_eq!(
            (approved.after.cancel_reason, approved.after.cancelled_at),
            (Some(CancelReason::Withdrawn), Some(t(2)))
        );
        assert!(approved.after.cancel_request.is_none());
        assert_eq!(approved.event.payload["request_note"], "业主已自行修好");

        let rejected = run(
            &requested.after,
            Input::CancelReject {
                note: Some("继续处理".into()),
            },
        )
        .unwrap();
        assert_eq!(rejected.after.status, CaseStatus::InProgress);
        assert_eq!(rejected.order, OrderChange::None);
        assert!(rejected.after.cancel_request.is_none() && rejected.after.cancelled_at.is_none());
        assert_eq!(rejected.event.action, "cancel_reject");
    }

    #[test]
    fn nothing_to_approve_or_reject_without_a_request() {
        for input in [Input::CancelApprove { note: None }, Input::CancelReject { note: None }] {
            assert!(matches!(
                run(&dispatched(), input),
                Err(ChangeError::Conflict {
                    field: "cancel_request",
                    ..
                })
            ));
        }
    }

    #[test]
    fn a_request_ends_when_the_case_leaves_the_department() {
        let requested = run(&dispatched(), request_input()).unwrap().after;
        let resolved = run(
            &requested,
            Input::Resolve {
                result: "done".into(),
                charge_amount: None,
                charge_cents: None,
                materials: None,
            },
        )
        .unwrap();
        assert!(resolved.after.cancel_request.is_none());
        let cancelled = run(
            &requested,
            Input::Cancel {
                reason: CancelReason::Invalid,
                duplicate_of: None,
                note: None,
            },
        )
        .unwrap();
        assert_eq!(cancelled.after.cancel_reason, Some(CancelReason::Invalid));
        assert!(cancelled.after.cancel_request.is_none());
    }
}
