//! How cases look on the wire.

use chrono::{DateTime, Utc};
use huiyin_domain::case::link::{check_cancel, check_own_action, offers_link, offers_unlink};
use huiyin_domain::case::{
    available_actions_now, CancelReason, CaseAction, CaseKind, CaseStatus, Channel, Satisfaction, Severity, Visibility,
    WorkOrderStatus,
};
use huiyin_domain::phone::mask;
use huiyin_domain::sla::escalation::Level;
use huiyin_store::cases::query::is_overdue;
use huiyin_store::cases::{
    AttachmentRecord, CaseEventRecord, CaseLink, CaseListItem, CaseRecord, CaseRow, CaseVisitRecord, WorkOrderRecord,
};
use huiyin_store::sla::deadlines::deadlines_of;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

/// A case as lists and queues show it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CaseSummary {
    pub id: Uuid,
    /// Human number, e.g. `TS-20261125-0007` (kind prefix, Beijing date, daily sequence).
    #[schema(example = "TS-20261125-0007")]
    pub number: String,
    pub kind: CaseKind,
    pub channel: Channel,
    pub category_id: Option<Uuid>,
    pub severity: Severity,
    pub status: CaseStatus,
    pub project_id: Uuid,
    pub area_id: Option<Uuid>,
    pub property_id: Option<Uuid>,
    /// `building unit room`, e.g. `3栋 2单元 1201`.
    pub property_label: Option<String>,
    pub customer_id: Option<Uuid>,
    pub customer_name: Option<String>,
    pub title: String,
    pub reported_at: DateTime<Utc>,
    pub department_id: Option<Uuid>,
    pub assignee_id: Option<Uuid>,
    /// How many times a work order went out; above 1 means a second dispatch (二次派单).
    pub dispatch_count: i32,
    /// The resolution deadline of the current work order.
    pub due_at: Option<DateTime<Utc>>,
    /// The earliest deadline still to be met (verify, dispatch, resolve or reply); queues sort
    /// by it. Empty while paused.
    pub next_due_at: Option<DateTime<Utc>>,
    /// Past `next_due_at` while the case is open (never while paused).
    pub overdue: bool,
    /// Escalation level: `project`, `area` or `company`.
    pub level: Level,
    /// The deadline clocks are stopped while the case waits on the customer.
    pub paused: bool,
    pub last_satisfaction: Option<Satisfaction>,
    /// Dissatisfied satisfaction visits so far: the second raised the level; after the third
    /// the case waits in `review` for a supervisor.
    pub dissatisfied_visits: i32,
    /// 二次报修: the repair of the same property and category, closed within the project's
    /// window, that this repair repeats.
    pub repeat_of: Option<RepeatOf>,
    /// The incident this case follows (linked: one incident, many callers).
    pub parent_id: Option<Uuid>,
    /// How many callers' cases follow this incident.
    pub child_count: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// Send as `If-Match: "<version>"` with the next action.
    pub version: i32,
}

/// The earlier case a repeat repair repeats.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RepeatOf {
    pub id: Uuid,
    #[schema(example = "BX-20261101-0003")]
    pub number: String,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct WorkOrderResponse {
    pub id: Uuid,
    /// 1 for the first dispatch, 2 for the second…
    pub sequence: i32,
    pub department_id: Uuid,
    pub assignee_id: Option<Uuid>,
    pub status: WorkOrderStatus,
    pub note: Option<String>,
    pub due_at: Option<DateTime<Utc>>,
    pub dispatched_at: DateTime<Utc>,
    pub accepted_at: Option<DateTime<Utc>>,
    pub completed_at: Option<DateTime<Utc>>,
    pub result: Option<String>,
    /// Paid service charge in yuan.
    pub charge_amount: Option<f64>,
    pub materials: Option<String>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct VisitResponse {
    pub id: Uuid,
    pub work_order_id: Option<Uuid>,
    pub visitor_id: Option<Uuid>,
    pub reached: bool,
    pub satisfaction: Option<Satisfaction>,
    pub comment: Option<String>,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AttachmentResponse {
    pub id: Uuid,
    pub file_name: String,
    pub content_type: String,
    pub size_bytes: i64,
    pub uploaded_by: Option<Uuid>,
    pub created_at: DateTime<Utc>,
    /// Where to download it (same authentication as the case).
    pub url: String,
}

/// One deadline of a case.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DeadlineResponse {
    pub due_at: Option<DateTime<Utc>>,
    /// The step has happened (or the case has ended).
    pub met: bool,
    /// The deadline passed before the step happened (recorded once, and escalated).
    pub breached: bool,
}

/// The case's deadlines (时限), set by its SLA policy.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DeadlinesResponse {
    pub verify: DeadlineResponse,
    pub dispatch: DeadlineResponse,
    pub resolve: DeadlineResponse,
    pub reply: DeadlineResponse,
    pub paused_at: Option<DateTime<Utc>>,
    pub pause_reason: Option<String>,
}

fn deadlines(case: &CaseRow) -> DeadlinesResponse {
    let d = deadlines_of(case);
    let one = |s: &huiyin_domain::sla::deadlines::DeadlineState| DeadlineResponse {
        due_at: s.due_at,
        met: s.met,
        breached: s.breached,
    };
    DeadlinesResponse {
        verify: one(&d.verify),
        dispatch: one(&d.dispatch),
        resolve: one(&d.resolve),
        reply: one(&d.reply),
        paused_at: case.paused_at,
        pause_reason: case.pause_reason.clone(),
    }
}

/// The whole case: summary, details, work orders, visits, attachments, and what can be done next.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CaseResponse {
    #[serde(flatten)]
    pub summary: CaseSummary,
    pub description: String,
    pub category_name: Option<String>,
    /// Masked (`138****8000`) unless the caller may see personal data.
    pub customer_phone: Option<String>,
    pub created_by: Option<Uuid>,
    pub verified_at: Option<DateTime<Utc>>,
    pub resolved_at: Option<DateTime<Utc>>,
    pub replied_at: Option<DateTime<Utc>>,
    pub closed_at: Option<DateTime<Utc>>,
    pub duplicate_of: Option<Uuid>,
    /// The highest escalation level the case ever reached.
    pub peak_level: Level,
    pub deadlines: DeadlinesResponse,
    pub current_work_order: Option<WorkOrderResponse>,
    pub work_orders: Vec<WorkOrderResponse>,
    pub visits: Vec<VisitResponse>,
    pub attachments: Vec<AttachmentResponse>,
    /// Why the case was cancelled (`null` unless cancelled; cases cancelled before this was
    /// recorded have none).
    pub cancel_reason: Option<CancelReason>,
    /// A cancellation waiting for a supervisor's approval (`POST …/cancel/approve` or
    /// `…/cancel/reject`); the case keeps its work order and deadlines meanwhile.
    pub cancel_request: Option<CancelRequestResponse>,
    /// The incident this case follows; its dispatch, acceptance, resolution and reply are this
    /// case's too.
    pub parent: Option<LinkedCase>,
    /// The callers' cases following this incident.
    pub children: Vec<LinkedCase>,
    /// Actions the caller may take now: allowed by the state machine, the project's process
    /// settings and the caller's role (a linked case leaves its handling to an unresolved incident).
    pub available_actions: Vec<CaseAction>,
    /// The caller may link this case to an incident now (`POST /cases/{id}/link`).
    pub may_link: bool,
    /// The caller may unlink this case from its incident now (`POST /cases/{id}/unlink`).
    pub may_unlink: bool,
}

/// A case linked to the one shown.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct LinkedCase {
    pub id: Uuid,
    #[schema(example = "BX-20261125-0007")]
    pub number: String,
    pub status: CaseStatus,
    pub title: String,
    /// The caller (the case's customer), for a child.
    pub customer_name: Option<String>,
}

impl From<CaseLink> for LinkedCase {
    fn from(l: CaseLink) -> Self {
        LinkedCase {
            id: l.id,
            number: l.number,
            status: l.status,
            title: l.title,
            customer_name: l.customer_name,
        }
    }
}

/// A requested cancellation of a dispatched case.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CancelRequestResponse {
    pub reason: CancelReason,
    pub duplicate_of: Option<Uuid>,
    pub note: String,
    pub requested_by: Uuid,
    pub requested_at: DateTime<Utc>,
}

fn cancel_request(case: &CaseRow) -> Option<CancelRequestResponse> {
    Some(CancelRequestResponse {
        reason: case.cancel_request_reason?.0,
        duplicate_of: case.cancel_request_duplicate_of,
        note: case.cancel_request_note.clone().unwrap_or_default(),
        requested_by: case.cancel_requested_by?,
        requested_at: case.cancel_requested_at?,
    })
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CaseEventResponse {
    pub id: Uuid,
    pub actor_id: Option<Uuid>,
    /// `register`, `verify`, `dispatch`, `accept`, `resolve`, `reply`, `visit`, `close_on_spot`, `cancel`, `comment`, `reassign`,
    /// `pause`, `resume`, `escalate`, `deescalate`, `breach` (a deadline passed), `visit_check` (a scheduled check call).
    pub action: String,
    pub from_status: Option<CaseStatus>,
    pub to_status: Option<CaseStatus>,
    pub note: Option<String>,
    #[schema(value_type = Object)]
    pub payload: serde_json::Value,
    pub visibility: Visibility,
    pub created_at: DateTime<Utc>,
}

crate::list_response!(CaseList, CaseSummary);
crate::list_response!(CaseEventList, CaseEventResponse);

pub fn summary(model: &CaseRow, customer_name: Option<String>, property_label: Option<String>) -> CaseSummary {
    CaseSummary {
        id: model.id,
        number: model.number.clone(),
        kind: model.kind.0,
        channel: model.channel.0,
        category_id: model.category_id,
        severity: model.severity.0,
        status: model.status.0,
        project_id: model.project_id,
        area_id: model.area_id,
        property_id: model.property_id,
        property_label,
        customer_id: model.customer_id,
        customer_name,
        title: model.title.clone(),
        reported_at: model.reported_at,
        department_id: model.department_id,
        assignee_id: model.assignee_id,
        dispatch_count: model.dispatch_count,
        due_at: model.due_at,
        next_due_at: model.next_due_at,
        overdue: is_overdue(model, Utc::now()),
        level: model.level.0,
        paused: model.paused_at.is_some(),
        last_satisfaction: model.last_satisfaction.map(|s| s.0),
        dissatisfied_visits: model.dissatisfied_visits,
        repeat_of: model.repeat_of.map(|id| RepeatOf {
            id,
            number: model.repeat_of_number.clone().unwrap_or_default(),
        }),
        parent_id: model.parent_id,
        child_count: model.child_count,
        created_at: model.created_at,
        updated_at: model.updated_at,
        version: model.version,
    }
}

impl From<CaseListItem> for CaseSummary {
    fn from(item: CaseListItem) -> Self {
        summary(&item.case, item.customer_name, item.property_label)
    }
}

impl From<WorkOrderRecord> for WorkOrderResponse {
    fn from(m: WorkOrderRecord) -> Self {
        WorkOrderResponse {
            id: m.id,
            sequence: m.sequence,
            department_id: m.department_id,
            assignee_id: m.assignee_id,
            status: m.status,
            note: m.note,
            due_at: m.due_at,
            dispatched_at: m.dispatched_at,
            accepted_at: m.accepted_at,
            completed_at: m.completed_at,
            result: m.result,
            charge_amount: m.charge_cents.map(|c| c as f64 / 100.0),
            materials: m.materials,
        }
    }
}

impl From<CaseVisitRecord> for VisitResponse {
    fn from(m: CaseVisitRecord) -> Self {
        VisitResponse {
            id: m.id,
            work_order_id: m.work_order_id,
            visitor_id: m.visitor_id,
            reached: m.reached,
            satisfaction: m.satisfaction,
            comment: m.comment,
            created_at: m.created_at,
        }
    }
}

pub fn attachment_response(m: AttachmentRecord) -> AttachmentResponse {
    AttachmentResponse {
        url: format!("/api/v1/cases/{}/attachments/{}", m.case_id, m.id),
        id: m.id,
        file_name: m.file_name,
        content_type: m.content_type,
        size_bytes: m.size_bytes,
        uploaded_by: m.uploaded_by,
        created_at: m.created_at,
    }
}

impl From<CaseEventRecord> for CaseEventResponse {
    fn from(m: CaseEventRecord) -> Self {
        CaseEventResponse {
            id: m.id,
            actor_id: m.actor_id,
            action: m.action,
            from_status: m.from_status,
            to_status: m.to_status,
            note: m.note,
            payload: m.payload,
            visibility: m.visibility,
            created_at: m.created_at,
        }
    }
}

/// The detail view; `show_pii` decides whether the customer's phone is shown in full.
pub fn case_response(record: CaseRecord, show_pii: bool) -> CaseResponse {
    let CaseRecord {
        case,
        customer_name,
        customer_phones,
        property_label,
        category_name,
        work_orders,
        visits,
        attachments,
        parent,
        children,
    } = record;
    let parent = parent.map(LinkedCase::from);
    let status = case.status.0;
    let mut actions = available_actions_now(case.kind.0, status, case.paused_at.is_some(), case.level.0);
    if let Some(p) = &parent {
        actions.retain(|a| check_own_action(*a, p.status).is_ok());
    }
    actions.retain(|a| check_cancel(*a, case.child_count).is_ok());
    let phone = customer_phones
        .first()
        .map(|p| if show_pii { p.clone() } else { mask(p) });
    let current = case
        .current_work_order_id
        .and_then(|id| work_orders.iter().find(|w| w.id == id).cloned())
        .map(WorkOrderResponse::from);
    CaseResponse {
        summary: summary(&case, customer_name, property_label),
        description: case.description.clone(),
        category_name,
        customer_phone: phone,
        created_by: case.created_by,
        verified_at: case.verified_at,
        resolved_at: case.resolved_at,
        replied_at: case.replied_at,
        closed_at: case.closed_at,
        duplicate_of: case.duplicate_of,
        peak_level: case.peak_level.0,
        deadlines: deadlines(&case),
        cancel_reason: case.cancel_reason.map(|r| r.0),
        cancel_request: cancel_request(&case),
        current_work_order: current,
        work_orders: work_orders.into_iter().map(WorkOrderResponse::from).collect(),
        visits: visits.into_iter().map(VisitResponse::from).collect(),
        attachments: attachments.into_iter().map(attachment_response).collect(),
        children: children.into_iter().map(LinkedCase::from).collect(),
        available_actions: actions,
        may_link: offers_link(status, parent.is_some(), case.child_count),
        may_unlink: offers_unlink(parent.as_ref().map(|p| p.status)),
        parent,
    }
}
