//! The parts of a case as the store answers them: plain records, so that callers above the store
//! never hold a table's sea-orm model.

use chrono::{DateTime, Utc};
use huiyin_domain::case::{Satisfaction, WorkOrderStatus};
use uuid::Uuid;

use crate::entity::{attachment, visit, work_order};

/// A file attached to a case.
#[derive(Debug, Clone)]
pub struct AttachmentRecord {
    pub id: Uuid,
    pub case_id: Uuid,
    pub file_name: String,
    pub content_type: String,
    pub size_bytes: i64,
    /// Where the bytes are, relative to the attachments directory.
    pub storage_key: String,
    pub uploaded_by: Option<Uuid>,
    pub created_at: DateTime<Utc>,
}

impl From<attachment::Model> for AttachmentRecord {
    fn from(m: attachment::Model) -> Self {
        AttachmentRecord {
            id: m.id,
            case_id: m.case_id,
            file_name: m.file_name,
            content_type: m.content_type,
            size_bytes: m.size_bytes,
            storage_key: m.storage_key,
            uploaded_by: m.uploaded_by,
            created_at: m.created_at,
        }
    }
}

/// One work order of a case (派工单).
#[derive(Debug, Clone)]
pub struct WorkOrderRecord {
    pub id: Uuid,
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
    pub charge_cents: Option<i64>,
    pub materials: Option<String>,
}

impl From<work_order::Model> for WorkOrderRecord {
    fn from(m: work_order::Model) -> Self {
        WorkOrderRecord {
            id: m.id,
            sequence: m.sequence,
            department_id: m.department_id,
            assignee_id: m.assignee_id,
            status: m.status.0,
            note: m.note,
            due_at: m.due_at,
            dispatched_at: m.dispatched_at,
            accepted_at: m.accepted_at,
            completed_at: m.completed_at,
            result: m.result,
            charge_cents: m.charge_cents,
            materials: m.materials,
        }
    }
}

/// A return visit recorded on a case (回访).
#[derive(Debug, Clone)]
pub struct CaseVisitRecord {
    pub id: Uuid,
    pub work_order_id: Option<Uuid>,
    pub visitor_id: Option<Uuid>,
    pub reached: bool,
    pub satisfaction: Option<Satisfaction>,
    pub comment: Option<String>,
    pub created_at: DateTime<Utc>,
}

impl From<visit::Model> for CaseVisitRecord {
    fn from(m: visit::Model) -> Self {
        CaseVisitRecord {
            id: m.id,
            work_order_id: m.work_order_id,
            visitor_id: m.visitor_id,
            reached: m.reached,
            satisfaction: m.satisfaction.map(|s| s.0),
            comment: m.comment,
            created_at: m.created_at,
        }
    }
}
