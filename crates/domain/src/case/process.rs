//! A project's process settings (处理流程) and the rules they switch on: verification before a
//! complaint is dispatched, who dispatches complaints, how the verification deadline is set, and
//! cancellations of dispatched cases that wait for a supervisor's approval (issue #19).
//!
//! The sources: a complaint is verified (调查核实) the same day, and the department head decides
//! how it is handled and by whom; a matter once sent out is not dropped without the head's say.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::checks::may_dispatch_from_review;
use super::{CaseAction, CaseKind, CaseStatus, Severity};
use crate::calendar::{Calendar, Clock};
use crate::role::Role;
use crate::sla::policy::SlaDurations;

crate::wire_enum! {
    /// Who may dispatch a complaint (supervisors, managers and administrators always may).
    pub enum DispatchBy {
        /// Any agent of the desk.
        Agent => "agent",
        /// Only the head of the desk (客服主管 and up): the sources' "the manager decides".
        Supervisor => "supervisor",
    }
}

crate::wire_enum! {
    /// How a case's verification deadline is set.
    pub enum VerifyDeadline {
        /// The end of the Beijing business day of registration (the next business day's end when
        /// registered after hours): what the `on_time_verify` figure has always meant.
        SameDay => "same_day",
        /// The SLA policy's `verify_secs` from registration.
        Hours => "hours",
    }
}

/// A project's process settings (`GET/PUT /api/v1/projects/{id}/settings`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ProcessSettings {
    /// A complaint is verified before it is dispatched (complaints only: a repair or an incident
    /// goes out at once, the desk checks on the way).
    pub verify_before_dispatch: bool,
    /// Who may dispatch a complaint.
    pub dispatch_by: DispatchBy,
    /// How the verification deadline of the project's cases is set (every kind).
    pub verify_deadline: VerifyDeadline,
}

impl Default for ProcessSettings {
    fn default() -> Self {
        ProcessSettings {
            verify_before_dispatch: true,
            dispatch_by: DispatchBy::Supervisor,
            verify_deadline: VerifyDeadline::SameDay,
        }
    }
}

/// The kinds the dispatch rules govern.
pub fn governs(kind: CaseKind) -> bool {
    kind == CaseKind::Complaint
}

impl ProcessSettings {
    /// A case of `kind` must be verified before it is dispatched.
    pub fn requires_verification(&self, kind: CaseKind) -> bool {
        self.verify_before_dispatch && governs(kind)
    }
}

/// The head of the desk and above: dispatch complaints whatever the setting, approve or reject
/// cancellations, cancel dispatched cases directly.
pub fn decides(role: Role) -> bool {
    matches!(role, Role::Admin | Role::Manager | Role::Supervisor)
}

/// Why the process refuses a dispatch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ProcessError {
    /// 409: the case must be verified first.
    #[error("verify_before_dispatch: this project verifies a complaint (调查核实) before dispatching it; record the verification first")]
    VerifyFirst,
    /// 403: a supervisor dispatches complaints in this project.
    #[error("dispatch_by: in this project only a supervisor or manager dispatches complaints")]
    SupervisorDispatches,
    /// 403: the case waits in `review` after its third dissatisfied visit.
    #[error("dissatisfied three times: only a supervisor dispatches this case again")]
    SupervisorReviews,
}

/// May `role` dispatch a case of `kind` in `status` (verified or not) under `settings` now? The
/// one rule both the pipeline (refusing) and the case page (offering) ask. Who dispatches is
/// checked first: an agent who may not dispatch at all hears that, not "verify first"; a case
/// waiting in `review` is dispatched again by a supervisor only.
pub fn check_dispatch(
    settings: &ProcessSettings,
    kind: CaseKind,
    status: CaseStatus,
    verified: bool,
    role: Role,
) -> Result<(), ProcessError> {
    if governs(kind) && settings.dispatch_by == DispatchBy::Supervisor && !decides(role) {
        return Err(ProcessError::SupervisorDispatches);
    }
    if settings.requires_verification(kind) && !verified {
        return Err(ProcessError::VerifyFirst);
    }
    if status == CaseStatus::Review && !may_dispatch_from_review(role) {
        return Err(ProcessError::SupervisorReviews);
    }
    Ok(())
}

/// The verification deadline of a case registered at `at`. `same_day`: the end of that business
/// day on the business calendar (the next working day's end after hours); a major or urgent case
/// keeps its policy's window when that ends sooner. `hours`: the policy's window on its clock.
pub fn verify_due(
    settings: &ProcessSettings,
    severity: Severity,
    at: DateTime<Utc>,
    calendar: &Calendar,
    clock: &Clock,
    durations: &SlaDurations,
) -> DateTime<Utc> {
    let by_hours = clock.add(at, durations.verify());
    match (settings.verify_deadline, severity) {
        (VerifyDeadline::Hours, _) => by_hours,
        (VerifyDeadline::SameDay, Severity::Normal) => calendar.end_of_business_day(at),
        (VerifyDeadline::SameDay, _) => calendar.end_of_business_day(at).min(by_hours),
    }
}

/// A `cancel` by `role` on a case in `status` becomes a request for a supervisor's approval:
/// the case has a work order out and the actor does not decide.
pub fn cancel_needs_approval(status: CaseStatus, role: Role) -> bool {
    status.has_open_work_order() && !decides(role)
}

/// What the case page offers, narrowed by the process: no dispatch the rules would refuse, and
/// approve/reject only while a cancellation waits.
pub fn offered(
    actions: Vec<CaseAction>,
    settings: &ProcessSettings,
    kind: CaseKind,
    status: CaseStatus,
    verified: bool,
    role: Role,
    cancel_requested: bool,
) -> Vec<CaseAction> {
    actions
        .into_iter()
        .filter(|action| match action {
            CaseAction::Dispatch => check_dispatch(settings, kind, status, verified, role).is_ok(),
            CaseAction::CancelApprove | CaseAction::CancelReject => cancel_requested,
            CaseAction::Cancel => !cancel_requested || decides(role),
            _ => true,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;
    use crate::case::{apply, available_actions, Command, WorkOrderEffect};

    const OFF: ProcessSettings = ProcessSettings {
        verify_before_dispatch: false,
        dispatch_by: DispatchBy::Agent,
        verify_deadline: VerifyDeadline::Hours,
    };

    #[test]
    fn dispatch_rules_for_every_kind_role_and_setting() {
        use ProcessError::*;
        let on = ProcessSettings::default();
        let verify_only = ProcessSettings {
            dispatch_by: DispatchBy::Agent,
            ..on
        };
        let supervisor_only = ProcessSettings {
            verify_before_dispatch: false,
            ..on
        };
        // (settings, kind, verified, role, expected)
        type Row = (ProcessSettings, CaseKind, bool, Role, Result<(), ProcessError>);
        let table: &[Row] = &[
            (on, CaseKind::Complaint, false, Role::Agent, Err(SupervisorDispatches)),
            (on, CaseKind::Complaint, true, Role::Agent, Err(SupervisorDispatches)),
            (on, CaseKind::Complaint, false, Role::Supervisor, Err(VerifyFirst)),
            (on, CaseKind::Complaint, true, Role::Supervisor, Ok(())),
            (on, CaseKind::Complaint, true, Role::Manager, Ok(())),
            (on, CaseKind::Complaint, true, Role::Admin, Ok(())),
            (on, CaseKind::Repair, false, Role::Agent, Ok(())),
            (on, CaseKind::Incident, false, Role::Agent, Ok(())),
            (verify_only, CaseKind::Complaint, false, Role::Agent, Err(VerifyFirst)),
            (verify_only, CaseKind::Complaint, true, Role::Agent, Ok(())),
            (
                supervisor_only,
                CaseKind::Complaint,
                false,
                Role::Agent,
                Err(SupervisorDispatches),
            ),
            (supervisor_only, CaseKind::Complaint, false, Role::Supervisor, Ok(())),
            (OFF, CaseKind::Complaint, false, Role::Agent, Ok(())),
        ];
        for (settings, kind, verified, role, expected) in table {
            assert_eq!(
                check_dispatch(settings, *kind, CaseStatus::Registered, *verified, *role),
                *expected,
                "{settings:?} {kind} verified={verified} {role}"
            );
        }
        assert_eq!(
            ProcessSettings::default(),
            ProcessSettings {
                verify_before_dispatch: true,
                dispatch_by: DispatchBy::Supervisor,
                verify_deadline: VerifyDeadline::SameDay
            }
        );
    }

    fn bj(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        chrono_tz::Asia::Shanghai
            .with_ymd_and_hms(y, m, d, h, min, 0)
            .unwrap()
            .with_timezone(&Utc)
    }

    #[test]
    fn the_verification_deadline_is_the_business_day_or_the_policy_window() {
        let calendar = Calendar::office_hours();
        let durations = SlaDurations::builtin(CaseKind::Complaint, Severity::Normal);
        let urgent = SlaDurations::builtin(CaseKind::Complaint, Severity::Urgent);
        let same_day = ProcessSettings::default();
        let due =
            |s: &ProcessSettings, sev, at, d: &SlaDurations| verify_due(s, sev, at, &calendar, &Clock::Continuous, d);
        // Monday 30 Nov 2026.
        assert_eq!(
            due(&same_day, Severity::Normal, bj(2026, 11, 30, 10, 0), &durations),
            bj(2026, 11, 30, 18, 0)
        );
        assert_eq!(
            due(&same_day, Severity::Normal, bj(2026, 11, 30, 20, 0), &durations),
            bj(2026, 12, 1, 18, 0),
            "after hours: the next business day's end"
        );
        assert_eq!(
            due(&same_day, Severity::Urgent, bj(2026, 11, 30, 10, 0), &urgent),
            bj(2026, 11, 30, 11, 0),
            "urgent keeps its hour"
        );
        assert_eq!(
            due(&OFF, Severity::Normal, bj(2026, 11, 30, 10, 0), &durations),
            bj(2026, 11, 30, 18, 0),
            "hours: 8 h on the continuous clock"
        );
        assert_eq!(
            due(&OFF, Severity::Normal, bj(2026, 11, 30, 20, 0), &durations),
            bj(2026, 12, 1, 4, 0)
        );
    }

    #[test]
    fn cancelling_an_open_work_order_needs_the_head_of_the_desk() {
        for status in CaseStatus::ALL {
            for role in Role::ALL {
                let expected = matches!(status, CaseStatus::Dispatched | CaseStatus::InProgress)
                    && !matches!(role, Role::Admin | Role::Manager | Role::Supervisor);
                assert_eq!(cancel_needs_approval(*status, *role), expected, "{status} {role}");
            }
        }
    }

    #[test]
    fn cancel_requests_approvals_and_rejections_in_the_state_machine() {
        use CaseStatus as S;
        // (status, command, leads to, work-order effect); anything else is refused.
        let table = [
            (
                S::Dispatched,
                Command::CancelRequest,
                S::Dispatched,
                WorkOrderEffect::None,
            ),
            (
                S::InProgress,
                Command::CancelRequest,
                S::InProgress,
                WorkOrderEffect::None,
            ),
            (
                S::Dispatched,
                Command::CancelApprove,
                S::Cancelled,
                WorkOrderEffect::Cancel,
            ),
            (
                S::InProgress,
                Command::CancelApprove,
                S::Cancelled,
                WorkOrderEffect::Cancel,
            ),
            (
                S::Dispatched,
                Command::CancelReject,
                S::Dispatched,
                WorkOrderEffect::None,
            ),
            (
                S::InProgress,
                Command::CancelReject,
                S::InProgress,
                WorkOrderEffect::None,
            ),
        ];
        for status in S::ALL {
            for command in [Command::CancelRequest, Command::CancelApprove, Command::CancelReject] {
                let got = apply(CaseKind::Complaint, *status, command).map(|o| (o.to, o.work_order));
                match table.iter().find(|(s, c, _, _)| s == status && *c == command) {
                    Some((_, _, to, effect)) => assert_eq!(got, Ok((*to, *effect)), "{status} {command:?}"),
                    None => assert!(got.is_err(), "{status} {command:?}"),
                }
            }
        }
        assert_eq!(Command::CancelRequest.action(), CaseAction::Cancel);
    }

    #[test]
    fn the_page_offers_what_the_process_allows() {
        let on = ProcessSettings::default();
        let registered = available_actions(CaseKind::Complaint, CaseStatus::Registered);
        let agent = offered(
            registered.clone(),
            &on,
            CaseKind::Complaint,
            CaseStatus::Registered,
            false,
            Role::Agent,
            false,
        );
        assert!(agent.contains(&CaseAction::Verify) && !agent.contains(&CaseAction::Dispatch));
        let unverified = offered(
            registered.clone(),
            &on,
            CaseKind::Complaint,
            CaseStatus::Registered,
            false,
            Role::Supervisor,
            false,
        );
        assert!(!unverified.contains(&CaseAction::Dispatch), "verify first");
        let verified = offered(
            registered.clone(),
            &on,
            CaseKind::Complaint,
            CaseStatus::Registered,
            true,
            Role::Supervisor,
            false,
        );
        assert!(verified.contains(&CaseAction::Dispatch));
        assert!(offered(
            registered,
            &OFF,
            CaseKind::Complaint,
            CaseStatus::Registered,
            false,
            Role::Agent,
            false
        )
        .contains(&CaseAction::Dispatch));
        let dispatched = available_actions(CaseKind::Complaint, CaseStatus::Dispatched);
        let idle = offered(
            dispatched.clone(),
            &on,
            CaseKind::Complaint,
            CaseStatus::Dispatched,
            true,
            Role::Supervisor,
            false,
        );
        assert!(!idle.contains(&CaseAction::CancelApprove) && !idle.contains(&CaseAction::CancelReject));
        let waiting = offered(
            dispatched.clone(),
            &on,
            CaseKind::Complaint,
            CaseStatus::Dispatched,
            true,
            Role::Supervisor,
            true,
        );
        assert!(waiting.contains(&CaseAction::CancelApprove) && waiting.contains(&CaseAction::CancelReject));
        let agent_waiting = offered(
            dispatched,
            &on,
            CaseKind::Complaint,
            CaseStatus::Dispatched,
            true,
            Role::Agent,
            true,
        );
        assert!(!agent_waiting.contains(&CaseAction::Cancel), "one request at a time");
    }

    #[test]
    fn a_case_in_review_is_dispatched_again_by_a_supervisor_only() {
        let review = available_actions(CaseKind::Repair, CaseStatus::Review);
        assert!(review.contains(&CaseAction::Dispatch));
        for role in Role::ALL {
            let allowed = check_dispatch(&OFF, CaseKind::Repair, CaseStatus::Review, true, *role);
            let expected = if may_dispatch_from_review(*role) {
                Ok(())
            } else {
                Err(ProcessError::SupervisorReviews)
            };
            assert_eq!(allowed, expected, "{role}");
            let page = offered(
                review.clone(),
                &OFF,
                CaseKind::Repair,
                CaseStatus::Review,
                true,
                *role,
                false,
            );
            assert_eq!(page.contains(&CaseAction::Dispatch), expected.is_ok(), "{role}");
        }
        assert_eq!(
            check_dispatch(&OFF, CaseKind::Repair, CaseStatus::Registered, false, Role::Agent),
            Ok(())
        );
    }
}
