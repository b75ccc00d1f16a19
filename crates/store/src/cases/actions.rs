//! The actions on a case: their inputs. The pipeline performs them
//! ([`super::pipeline::perform`], [`super::pipeline::perform_in`]).

use chrono::{DateTime, Utc};
use huiyin_domain::case::{CancelReason, CaseAction, Command, ReplyMethod, Satisfaction, Visibility};
use uuid::Uuid;

use crate::{StoreError, StoreResult};

#[derive(Debug, Clone)]
pub struct VerifyCase {
    /// What the same-day check found (调查核实).
    pub note: String,
}

#[derive(Debug, Clone)]
pub struct DispatchCase {
    pub department_id: Uuid,
    /// A member of that department; otherwise the department picks someone.
    pub assignee_id: Option<Uuid>,
    /// Defaults to the resolution window for the case's kind and severity.
    pub due_at: Option<DateTime<Utc>>,
    pub note: Option<String>,
}

#[derive(Debug, Clone)]
pub struct ResolveCase {
    pub result: String,
    /// Paid service outside warranty (有偿服务), in yuan with at most two decimals.
    pub charge_amount: Option<f64>,
    pub materials: Option<String>,
}

#[derive(Debug, Clone)]
pub struct ReplyCase {
    /// What the customer was told (回复).
    pub content: String,
    pub method: ReplyMethod,
}

#[derive(Debug, Clone)]
pub struct VisitCase {
    /// Whether the customer was reached.
    pub reached: bool,
    /// Required when reached. Dissatisfied or worse sends the case back out (二次派单).
    pub satisfaction: Option<Satisfaction>,
    pub comment: Option<String>,
}

#[derive(Debug, Clone)]
pub struct CloseOnSpot {
    /// The answer given during the call (first-contact resolution).
    pub answer: String,
    /// The knowledge article the answer came from: a published article for the case's project.
    pub article_id: Option<Uuid>,
}

#[derive(Debug, Clone)]
pub struct CancelCase {
    pub reason: CancelReason,
    /// Required when the reason is `duplicate`: the case this one repeats.
    pub duplicate_of: Option<Uuid>,
    /// Required when the cancellation must be approved (an agent cancelling a dispatched or
    /// in-progress case: it becomes a request a supervisor approves or rejects).
    pub note: Option<String>,
}

/// A supervisor's decision on a requested cancellation.
#[derive(Debug, Clone)]
pub struct DecideCancel {
    /// Why (shown in the timeline).
    pub note: Option<String>,
}

#[derive(Debug, Clone)]
pub struct CommentCase {
    pub body: String,
    /// `public` notes are shown to the resident; `internal` ones never are.
    pub visibility: Visibility,
}

#[derive(Debug, Clone)]
pub struct ReassignCase {
    pub department_id: Option<Uuid>,
    pub assignee_id: Option<Uuid>,
    pub note: Option<String>,
}

#[derive(Debug, Clone)]
pub struct PauseCase {
    /// What the case waits for from the customer (shown in the timeline).
    pub reason: String,
}

#[derive(Debug, Clone)]
pub struct ResumeCase {
    pub note: Option<String>,
}

#[derive(Debug, Clone)]
pub struct EscalateCase {
    /// Why the case goes up a level.
    pub reason: String,
}

/// An action with its input.
#[derive(Debug, Clone)]
pub enum ActionInput {
    Verify(VerifyCase),
    Dispatch(DispatchCase),
    Accept,
    Resolve(ResolveCase),
    Reply(ReplyCase),
    Visit(VisitCase),
    CloseOnSpot(CloseOnSpot),
    Cancel(CancelCase),
    /// A `cancel` that must wait for approval (the pipeline turns `Cancel` into it).
    CancelRequest(CancelCase),
    CancelApprove(DecideCancel),
    CancelReject(DecideCancel),
    Comment(CommentCase),
    Reassign(ReassignCase),
    Pause(PauseCase),
    Resume(ResumeCase),
    Escalate(EscalateCase),
    Deescalate(EscalateCase),
    /// 二次派单 after the 48 h check found the repair not done (from the visit worklist).
    Redispatch {
        note: Option<String>,
    },
    /// The last unreached try of the satisfaction visit (decided by `visits::unreached`).
    VisitUnreachable {
        tries: i32,
        comment: Option<String>,
    },
}

impl ActionInput {
    pub fn action(&self) -> CaseAction {
        self.command().action()
    }

    pub fn command(&self) -> Command {
        match self {
            ActionInput::Verify(_) => Command::Verify,
            ActionInput::Dispatch(_) => Command::Dispatch,
            ActionInput::Accept => Command::Accept,
            ActionInput::Resolve(_) => Command::Resolve,
            ActionInput::Reply(_) => Command::Reply,
            ActionInput::Visit(v) => Command::Visit {
                reached: v.reached,
                satisfaction: v.satisfaction,
            },
            ActionInput::CloseOnSpot(_) => Command::CloseOnSpot,
            ActionInput::Cancel(_) => Command::Cancel,
            ActionInput::CancelRequest(_) => Command::CancelRequest,
            ActionInput::CancelApprove(_) => Command::CancelApprove,
            ActionInput::CancelReject(_) => Command::CancelReject,
            ActionInput::Comment(_) => Command::Comment,
            ActionInput::Reassign(_) => Command::Reassign,
            ActionInput::Pause(_) => Command::Pause,
            ActionInput::Resume(_) => Command::Resume,
            ActionInput::Escalate(_) => Command::Escalate,
            ActionInput::Deescalate(_) => Command::Deescalate,
            ActionInput::Redispatch { .. } => Command::Redispatch,
            ActionInput::VisitUnreachable { .. } => Command::VisitUnreachable,
        }
    }
}

pub(super) fn charge_cents(amount: Option<f64>) -> StoreResult<Option<i64>> {
    match amount {
        None => Ok(None),
        Some(a) if !a.is_finite() || !(0.0..=1_000_000.0).contains(&a) => Err(StoreError::invalid(
            "charge_amount",
            "must be between 0 and 1,000,000 yuan",
        )),
        Some(a) => {
            let cents = (a * 100.0).round();
            if ((a * 100.0) - cents).abs() > 1e-6 {
                return Err(StoreError::invalid("charge_amount", "at most two decimals"));
            }
            Ok(Some(cents as i64))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::charge_cents;

    #[test]
    fn charges_are_exact_cents() {
        assert_eq!(charge_cents(None).unwrap(), None);
        assert_eq!(charge_cents(Some(120.5)).unwrap(), Some(12050));
        assert_eq!(charge_cents(Some(0.1 + 0.2)).unwrap(), Some(30));
        assert!(charge_cents(Some(-1.0)).is_err());
        assert!(charge_cents(Some(1.005)).is_err());
        assert!(charge_cents(Some(f64::NAN)).is_err());
        assert!(charge_cents(Some(2e6)).is_err());
    }
}
