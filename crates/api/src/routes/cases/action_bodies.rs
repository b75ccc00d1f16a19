//! The bodies of the case actions (`POST /api/v1/cases/{id}/<action>`), as the contract
//! describes them; each becomes the store's command of the same name.

use chrono::{DateTime, Utc};
use huiyin_domain::case::{CancelReason, ReplyMethod, Satisfaction, Visibility};
use huiyin_store::cases::actions as store;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct VerifyCase {
    /// What the same-day check found (调查核实).
    #[schema(example = "已电话核实，确认为楼上防水层破损。")]
    pub note: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DispatchCase {
    pub department_id: Uuid,
    /// A member of that department; otherwise the department picks someone.
    pub assignee_id: Option<Uuid>,
    /// Defaults to the resolution window for the case's kind and severity.
    pub due_at: Option<DateTime<Utc>>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ResolveCase {
    #[schema(example = "已更换破损水管并做闭水试验。")]
    pub result: String,
    /// Paid service outside warranty (有偿服务), in yuan with at most two decimals.
    #[schema(example = 120.5)]
    pub charge_amount: Option<f64>,
    pub materials: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReplyCase {
    /// What the customer was told (回复).
    pub content: String,
    pub method: ReplyMethod,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct VisitCase {
    /// Whether the customer was reached.
    pub reached: bool,
    /// Required when reached. Dissatisfied or worse sends the case back out (二次派单).
    pub satisfaction: Option<Satisfaction>,
    pub comment: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CloseOnSpot {
    /// The answer given during the call (first-contact resolution).
    pub answer: String,
    /// The knowledge article the answer came from: a published article for the case's project.
    #[serde(default)]
    pub article_id: Option<Uuid>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CancelCase {
    pub reason: CancelReason,
    /// Required when the reason is `duplicate`: the case this one repeats.
    pub duplicate_of: Option<Uuid>,
    /// Required when the cancellation must be approved (an agent cancelling a dispatched or
    /// in-progress case: it becomes a request a supervisor approves or rejects).
    pub note: Option<String>,
}

/// A supervisor's decision on a requested cancellation.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DecideCancel {
    /// Why (shown in the timeline).
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CommentCase {
    pub body: String,
    /// `public` notes are shown to the resident; `internal` ones never are.
    pub visibility: Visibility,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReassignCase {
    pub department_id: Option<Uuid>,
    pub assignee_id: Option<Uuid>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PauseCase {
    /// What the case waits for from the customer (shown in the timeline).
    #[schema(example = "业主出差，约定下周一上门。")]
    pub reason: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ResumeCase {
    pub note: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EscalateCase {
    /// Why the case goes up a level.
    #[schema(example = "业主多次来电，情绪激动，要求片区经理出面。")]
    pub reason: String,
}

impl From<VerifyCase> for store::VerifyCase {
    fn from(body: VerifyCase) -> Self {
        store::VerifyCase { note: body.note }
    }
}

impl From<DispatchCase> for store::DispatchCase {
    fn from(body: DispatchCase) -> Self {
        store::DispatchCase {
            department_id: body.department_id,
            assignee_id: body.assignee_id,
            due_at: body.due_at,
            note: body.note,
        }
    }
}

impl From<ResolveCase> for store::ResolveCase {
    fn from(body: ResolveCase) -> Self {
        store::ResolveCase {
            result: body.result,
            charge_amount: body.charge_amount,
            materials: body.materials,
        }
    }
}

impl From<ReplyCase> for store::ReplyCase {
    fn from(body: ReplyCase) -> Self {
        store::ReplyCase {
            content: body.content,
            method: body.method,
        }
    }
}

impl From<VisitCase> for store::VisitCase {
    fn from(body: VisitCase) -> Self {
        store::VisitCase {
            reached: body.reached,
            satisfaction: body.satisfaction,
            comment: body.comment,
        }
    }
}

impl From<CloseOnSpot> for store::CloseOnSpot {
    fn from(body: CloseOnSpot) -> Self {
        store::CloseOnSpot {
            answer: body.answer,
            article_id: body.article_id,
        }
    }
}

impl From<CancelCase> for store::CancelCase {
    fn from(body: CancelCase) -> Self {
        store::CancelCase {
            reason: body.reason,
            duplicate_of: body.duplicate_of,
            note: body.note,
        }
    }
}

impl From<DecideCancel> for store::DecideCancel {
    fn from(body: DecideCancel) -> Self {
        store::DecideCancel { note: body.note }
    }
}

impl From<CommentCase> for store::CommentCase {
    fn from(body: CommentCase) -> Self {
        store::CommentCase {
            body: body.body,
            visibility: body.visibility,
        }
    }
}

impl From<ReassignCase> for store::ReassignCase {
    fn from(body: ReassignCase) -> Self {
        store::ReassignCase {
            department_id: body.department_id,
            assignee_id: body.assignee_id,
            note: body.note,
        }
    }
}

impl From<PauseCase> for store::PauseCase {
    fn from(body: PauseCase) -> Self {
        store::PauseCase { reason: body.reason }
    }
}

impl From<ResumeCase> for store::ResumeCase {
    fn from(body: ResumeCase) -> Self {
        store::ResumeCase { note: body.note }
    }
}

impl From<EscalateCase> for store::EscalateCase {
    fn from(body: EscalateCase) -> Self {
        store::EscalateCase { reason: body.reason }
    }
}
