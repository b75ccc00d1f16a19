//! Cases: registration with a per-day number, the handling loop applied through the domain
//! state machine, the append-only timeline, queues and attachments.
//!
//! # Entry points for other modules
//!
//! Every creation or change of a case goes through these (never write `cases` rows yourself);
//! each works inside the caller's transaction, so a module can open or change a case atomically
//! with its own rows:
//!
//! * [`create::create`]`(&txn, actor, CreateCase)` registers a case (number included) and
//!   returns the row; [`create::create_record`] returns the whole [`CaseRecord`] without reading
//!   it back.
//! * [`pipeline::perform_in`]`(&txn, actor, case_id, version, ActionInput)` performs an action in
//!   the caller's transaction; [`pipeline::perform`] does the same in a transaction of its own.
//!
//! Both run the same pipeline (`pipeline`): load once → the domain's decision
//! (`huiyin_domain::case::change`) → one versioned write → the shared `after::after_change`
//! (timeline, visits, notifications, webhook outbox, statistics deltas) → the answer from what
//! was written.

pub mod actions;
pub mod after;
pub mod attachments;
pub mod batch;
mod caller;
pub mod create;
mod detail;
pub mod family;
pub mod link;
pub mod numbering;
pub mod pipeline;
mod prepare;
pub mod query;
pub mod records;
pub mod repeats;
pub mod scope;
pub mod state;
pub mod targets;

use huiyin_domain::case::{CaseKind, CaseStatus};

pub use self::records::{AttachmentRecord, CaseVisitRecord, WorkOrderRecord};
use crate::entity::case;
pub use crate::timeline::CaseEventRecord;
use crate::StoreError;

/// A case as stored: the row every case operation reads and answers.
pub type CaseRow = case::Model;

/// A case with what its detail view shows.
#[derive(Debug, Clone)]
pub struct CaseRecord {
    pub case: CaseRow,
    pub customer_name: Option<String>,
    pub customer_phones: Vec<String>,
    /// `building unit room` of the property concerned.
    pub property_label: Option<String>,
    pub category_name: Option<String>,
    pub work_orders: Vec<WorkOrderRecord>,
    pub visits: Vec<CaseVisitRecord>,
    pub attachments: Vec<AttachmentRecord>,
    /// The incident this case follows.
    pub parent: Option<CaseLink>,
    /// The callers' cases that follow this incident, oldest first.
    pub children: Vec<CaseLink>,
}

/// A linked case as the detail view names it.
#[derive(Debug, Clone)]
pub struct CaseLink {
    pub id: uuid::Uuid,
    pub number: String,
    pub status: String,
    pub title: String,
    /// The caller (the case's customer).
    pub customer_name: Option<String>,
}

/// A case as lists show it, with the names a queue needs.
#[derive(Debug, Clone)]
pub struct CaseListItem {
    pub case: CaseRow,
    pub customer_name: Option<String>,
    /// `building unit room` of the property concerned.
    pub property_label: Option<String>,
}

pub fn kind_of(model: &case::Model) -> Result<CaseKind, StoreError> {
    CaseKind::parse(&model.kind).ok_or_else(|| StoreError::invalid("kind", "unknown case kind in database"))
}

pub fn status_of(model: &case::Model) -> Result<CaseStatus, StoreError> {
    CaseStatus::parse(&model.status).ok_or_else(|| StoreError::invalid("status", "unknown case status in database"))
}

/// Statuses in which the case waits on us and its due time can be breached.
pub const OPEN_STATUSES: [CaseStatus; 3] = [CaseStatus::Registered, CaseStatus::Dispatched, CaseStatus::InProgress];
