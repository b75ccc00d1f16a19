//! The query of `GET /api/v1/cases` (filters, work queues, sort), as the contract describes it.

use chrono::{DateTime, Utc};
use huiyin_domain::case::{CaseKind, Channel, Severity};
use huiyin_store::cases::query as store;
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

/// Work queues for the console.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Queue {
    /// Open cases assigned to me.
    Mine,
    /// Open work orders of my department.
    Department,
    /// Registered and not yet dispatched, or dispatched to nobody in particular.
    Unassigned,
    /// Resolved or replied, waiting for the return visit.
    AwaitingVisit,
    /// Still open after the due time.
    Overdue,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum CaseSort {
    /// Newest first.
    #[default]
    Created,
    /// Soonest due first; cases without a due time last.
    Due,
}

#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ListCases {
    /// One or more statuses, comma-separated: `registered,dispatched`.
    pub status: Option<String>,
    pub kind: Option<CaseKind>,
    pub category_id: Option<Uuid>,
    pub severity: Option<Severity>,
    pub channel: Option<Channel>,
    pub project_id: Option<Uuid>,
    pub area_id: Option<Uuid>,
    pub property_id: Option<Uuid>,
    pub customer_id: Option<Uuid>,
    pub department_id: Option<Uuid>,
    pub assignee_id: Option<Uuid>,
    /// The cases linked to this incident.
    pub parent_id: Option<Uuid>,
    /// Created at or after (RFC 3339).
    pub created_from: Option<DateTime<Utc>>,
    /// Created before (RFC 3339).
    pub created_to: Option<DateTime<Utc>>,
    /// Only cases past their earliest deadline still to be met (`true`), or only the others.
    pub overdue: Option<bool>,
    /// Escalation level.
    pub level: Option<huiyin_domain::sla::escalation::Level>,
    /// Only cases whose cancellation waits for a supervisor's approval (`true`), or only the others.
    pub cancel_requested: Option<bool>,
    /// Number, title, description, customer name or phone (Chinese text included).
    pub q: Option<String>,
    pub queue: Option<Queue>,
    pub sort: Option<CaseSort>,
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<u64>,
    pub cursor: Option<String>,
}

impl From<Queue> for store::Queue {
    fn from(queue: Queue) -> Self {
        match queue {
            Queue::Mine => store::Queue::Mine,
            Queue::Department => store::Queue::Department,
            Queue::Unassigned => store::Queue::Unassigned,
            Queue::AwaitingVisit => store::Queue::AwaitingVisit,
            Queue::Overdue => store::Queue::Overdue,
        }
    }
}

impl From<CaseSort> for store::CaseSort {
    fn from(sort: CaseSort) -> Self {
        match sort {
            CaseSort::Created => store::CaseSort::Created,
            CaseSort::Due => store::CaseSort::Due,
        }
    }
}

impl From<ListCases> for store::ListCases {
    fn from(q: ListCases) -> Self {
        store::ListCases {
            status: q.status,
            kind: q.kind,
            category_id: q.category_id,
            severity: q.severity,
            channel: q.channel,
            project_id: q.project_id,
            area_id: q.area_id,
            property_id: q.property_id,
            customer_id: q.customer_id,
            department_id: q.department_id,
            assignee_id: q.assignee_id,
            parent_id: q.parent_id,
            created_from: q.created_from,
            created_to: q.created_to,
            overdue: q.overdue,
            level: q.level,
            cancel_requested: q.cancel_requested,
            q: q.q,
            queue: q.queue.map(store::Queue::from),
            sort: q.sort.map(store::CaseSort::from),
            limit: q.limit,
            cursor: q.cursor,
        }
    }
}
