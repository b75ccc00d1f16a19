//! The return-visit worklist as the contract describes it: the list query, the body that
//! records a visit, and the scheduled visit.

use chrono::{DateTime, Utc};
use huiyin_domain::case::checks::{VisitOutcome, VisitPurpose};
use huiyin_domain::case::CaseStatus;
use huiyin_store::visits as store;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

huiyin_domain::wire_enum! {
    /// Which scheduled visits to list.
    pub enum VisitFilter {
        /// Not yet done, whether or not the due time has come.
        Due => "due",
        /// Not done and past the due time.
        Overdue => "overdue",
        Done => "done",
    }
}

#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct VisitQuery {
    /// `due` (not yet done, default), `overdue` (not done, past due) or `done`.
    pub status: Option<VisitFilter>,
    pub purpose: Option<VisitPurpose>,
    pub project_id: Option<Uuid>,
    pub case_id: Option<Uuid>,
    /// Only visits assigned to this person (e.g. a steward's own queue).
    pub assignee_id: Option<Uuid>,
    /// 1–200, default 50.
    pub limit: Option<u64>,
    pub cursor: Option<String>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ScheduledVisitView {
    pub id: Uuid,
    pub case_id: Uuid,
    #[schema(example = "BX-20261126-0002")]
    pub case_number: String,
    pub case_title: String,
    pub case_status: CaseStatus,
    pub project_id: Uuid,
    pub purpose: VisitPurpose,
    pub due_at: DateTime<Utc>,
    /// `pending`, `done` or `cancelled`.
    #[schema(example = "pending")]
    pub status: String,
    /// Pending and past its due time.
    pub overdue: bool,
    pub done_at: Option<DateTime<Utc>>,
    pub done_by: Option<Uuid>,
    /// Who is to make the visit (the area's steward when the project's visits are made by
    /// stewards); `null`: the service desk.
    pub assignee_id: Option<Uuid>,
    pub reached: Option<bool>,
    /// What the visit found; `unreachable` on a visit still pending means a retry is scheduled
    /// (`attempts` tries so far), on a done one that it was closed after the last try.
    pub outcome: Option<VisitOutcome>,
    /// Tries that did not reach the customer.
    pub attempts: i32,
    pub note: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RecordVisitCheck {
    /// What the visit found. Contact check: `contacted` | `not_contacted`; outcome check:
    /// `done` | `not_done` | `unreachable`; satisfaction visit: `very_dissatisfied` |
    /// `dissatisfied` | `satisfied` | `very_satisfied` | `unreachable`.
    pub outcome: Option<VisitOutcome>,
    /// Before outcomes (kept for old clients): on a contact check `true` = `contacted`, `false` =
    /// `not_contacted`; on an outcome check `true` = `done`, `false` = `unreachable`. A
    /// satisfaction visit needs `outcome`. Given with `outcome`, it must agree with it.
    pub reached: Option<bool>,
    /// What the customer said (e.g. "维修师傅已联系，约好明早上门").
    pub note: Option<String>,
}

impl From<VisitFilter> for store::VisitFilter {
    fn from(filter: VisitFilter) -> Self {
        match filter {
            VisitFilter::Due => store::VisitFilter::Due,
            VisitFilter::Overdue => store::VisitFilter::Overdue,
            VisitFilter::Done => store::VisitFilter::Done,
        }
    }
}

impl From<VisitQuery> for store::VisitQuery {
    fn from(q: VisitQuery) -> Self {
        store::VisitQuery {
            status: q.status.map(store::VisitFilter::from),
            purpose: q.purpose,
            project_id: q.project_id,
            case_id: q.case_id,
            assignee_id: q.assignee_id,
            limit: q.limit,
            cursor: q.cursor,
        }
    }
}

impl From<RecordVisitCheck> for store::RecordVisitCheck {
    fn from(body: RecordVisitCheck) -> Self {
        store::RecordVisitCheck {
            outcome: body.outcome,
            reached: body.reached,
            note: body.note,
        }
    }
}

impl From<store::ScheduledVisitRecord> for ScheduledVisitView {
    fn from(r: store::ScheduledVisitRecord) -> Self {
        ScheduledVisitView {
            id: r.id,
            case_id: r.case_id,
            case_number: r.case_number,
            case_title: r.case_title,
            case_status: r.case_status,
            project_id: r.project_id,
            purpose: r.purpose,
            due_at: r.due_at,
            status: r.status,
            overdue: r.overdue,
            done_at: r.done_at,
            done_by: r.done_by,
            assignee_id: r.assignee_id,
            reached: r.reached,
            outcome: r.outcome,
            attempts: r.attempts,
            note: r.note,
        }
    }
}
