//! A resident's own cases: reporting (with a daily limit), following, rating and withdrawing.
//!
//! Reporting goes through the staff intake ([`crate::cases::create::create`]) and every change
//! (rating, withdrawing) through [`crate::cases::pipeline::perform`], so numbering, timeline and
//! the state machine are exactly the ones staff use. What a resident may *read* is narrowed here: public timeline
//! entries only, with no staff ids, payloads or instructions to departments, and only the
//! attachments the resident uploaded.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use huiyin_domain::case::{CancelReason, CaseAction, CaseStatus, Channel, Satisfaction, Severity, Visibility};
use huiyin_domain::resident::ResidentCaseKind;
use huiyin_domain::resident::{business_day_window, daily_limit_retry_after};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;

use super::properties::own_property;
use crate::cases::create::{self, CreateCase};
use crate::cases::query::{self as case_query, ListCases};
use crate::cases::scope::find_visible;
use crate::cases::{AttachmentRecord, CaseEventRecord, CaseRow};
use crate::customers::property_label;
use crate::entity::{attachment, case, case_event, category, department, property, user};
use crate::page::Page;
use crate::timeline;
use crate::{now, Actor, StoreError, StoreResult};

/// A report from the app. The customer is always the resident and the channel always `app`.
#[derive(Debug, Clone)]
pub struct ReportCase {
    pub kind: ResidentCaseKind,
    pub category_id: Option<Uuid>,
    /// One of the resident's properties.
    pub property_id: Uuid,
    pub title: String,
    pub description: String,
}

/// Which of the resident's cases to list, and the page.
#[derive(Debug, Clone, Default)]
pub struct ListResidentCases {
    /// One or more statuses, comma-separated: `registered,dispatched`.
    pub status: Option<String>,
    pub limit: Option<u64>,
    pub cursor: Option<String>,
}

/// The outcome of a report: the new case, or the daily limit.
#[derive(Debug, Clone)]
pub enum Reported {
    Created(Box<case::Model>),
    /// The resident already reported their daily limit; try again after this many seconds.
    LimitReached {
        retry_after_secs: u64,
    },
}

/// A case as the resident's lists show it, with what the progress line needs.
#[derive(Debug, Clone)]
pub struct ResidentCaseView {
    pub case: CaseRow,
    /// `building unit room` of the property concerned.
    pub property_label: Option<String>,
    pub department: Option<HandlingDepartment>,
    pub cancel_reason: Option<CancelReason>,
}

/// The department handling a case, as the resident is told of it (never a named person).
#[derive(Debug, Clone)]
pub struct HandlingDepartment {
    pub name: String,
    /// The `DepartmentKind` wire name.
    pub kind: String,
}

impl From<department::Model> for HandlingDepartment {
    fn from(d: department::Model) -> Self {
        HandlingDepartment {
            name: d.name,
            kind: d.kind,
        }
    }
}

/// The category of a resident's case, by name.
#[derive(Debug, Clone)]
pub struct CategoryName {
    pub id: Uuid,
    pub name: String,
    pub name_en: String,
}

/// A public timeline entry, reduced to what a resident may read.
#[derive(Debug, Clone)]
pub struct TimelineEntry {
    pub id: Uuid,
    pub action: String,
    pub status: Option<CaseStatus>,
    pub note: Option<String>,
    pub at: DateTime<Utc>,
    /// The resident did this themselves (otherwise: customer service or a department).
    pub by_resident: bool,
    pub department: Option<HandlingDepartment>,
    pub reached: Option<bool>,
    pub satisfaction: Option<Satisfaction>,
    pub second_dispatch: bool,
    pub cancel_reason: Option<CancelReason>,
}

/// The resident's detail view of one of their cases.
#[derive(Debug, Clone)]
pub struct ResidentCaseDetail {
    pub view: ResidentCaseView,
    pub category: Option<CategoryName>,
    pub timeline: Vec<TimelineEntry>,
    /// Only the attachments the resident uploaded.
    pub attachments: Vec<AttachmentRecord>,
}

pub(super) fn customer_of(actor: &Actor) -> StoreResult<Uuid> {
    actor
        .customer_id
        .ok_or_else(|| StoreError::Forbidden("this login is not linked to a customer".into()))
}

/// Reports a case for the resident inside the caller's transaction: the property must be one of
/// theirs (422 `property_id` otherwise) and at most `daily_limit` reports per business day.
pub async fn report(
    txn: &impl ConnectionTrait,
    actor: &Actor,
    input: ReportCase,
    daily_limit: u32,
) -> StoreResult<Reported> {
    let customer_id = customer_of(actor)?;
    let property = own_property(txn, customer_id, input.property_id)
        .await?
        .ok_or_else(|| StoreError::invalid("property_id", "is not one of your properties"))?;
    // Lock the resident's own row so that concurrent reports count one another (PostgreSQL;
    // SQLite writes are serialised anyway and ignores the lock clause).
    user::Entity::find_by_id(actor.user_id)
        .lock_exclusive()
        .one(txn)
        .await?;
    let at = now();
    let (day_start, _) = business_day_window(at);
    let reported_today = case::Entity::find()
        .filter(case::Column::CreatedBy.eq(actor.user_id))
        .filter(case::Column::CreatedAt.gte(day_start))
        .count(txn)
        .await?;
    if let Some(retry_after_secs) = daily_limit_retry_after(reported_today, daily_limit, at) {
        return Ok(Reported::LimitReached { retry_after_secs });
    }
    // The staff intake checks the property's project against the actor's projects; a resident
    // has none, so the intake runs with the one project their (already verified) property is in.
    let intake = Actor {
        project_ids: vec![property.project_id],
        ..actor.clone()
    };
    let created = create::create(
        txn,
        &intake,
        CreateCase {
            kind: input.kind.into(),
            channel: Channel::App,
            category_id: input.category_id,
            severity: Severity::Normal,
            customer_id: Some(customer_id),
            customer: None,
            property_id: Some(property.id),
            project_id: None,
            title: input.title,
            description: input.description,
            reported_at: None,
            area_id: None,
            steward_visit_id: None,
        },
    )
    .await?;
    Ok(Reported::Created(Box::new(created)))
}

async fn departments_by_id(
    db: &impl ConnectionTrait,
    ids: Vec<Uuid>,
) -> StoreResult<HashMap<Uuid, HandlingDepartment>> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(department::Entity::find()
        .filter(department::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|d| (d.id, HandlingDepartment::from(d)))
        .collect())
}

fn payload_of(event: &case_event::Model) -> serde_json::Value {
    serde_json::from_str(&event.payload).unwrap_or(serde_json::Value::Null)
}

fn cancel_reason_in(payload: &serde_json::Value) -> Option<CancelReason> {
    payload["reason"].as_str().and_then(CancelReason::parse)
}

/// Why each of the cancelled cases was cancelled (from its latest cancel event).
async fn cancel_reasons(db: &impl ConnectionTrait, cases: &[case::Model]) -> StoreResult<HashMap<Uuid, CancelReason>> {
    let cancelled: Vec<Uuid> = cases
        .iter()
        .filter(|c| c.status.0 == CaseStatus::Cancelled)
        .map(|c| c.id)
        .collect();
    if cancelled.is_empty() {
        return Ok(HashMap::new());
    }
    let mut reasons = HashMap::new();
    for event in case_event::Entity::find()
        .filter(case_event::Column::CaseId.is_in(cancelled))
        .filter(case_event::Column::Action.eq(CaseAction::Cancel.as_str()))
        .order_by_asc(case_event::Column::Id)
        .all(db)
        .await?
    {
        if let Some(reason) = cancel_reason_in(&payload_of(&event)) {
            reasons.insert(event.case_id, reason);
        }
    }
    Ok(reasons)
}

async fn views(
    db: &impl ConnectionTrait,
    cases: Vec<(case::Model, Option<String>)>,
) -> StoreResult<Vec<ResidentCaseView>> {
    let models: Vec<case::Model> = cases.iter().map(|(c, _)| c.clone()).collect();
    let departments = departments_by_id(db, models.iter().filter_map(|c| c.department_id).collect()).await?;
    let mut reasons = cancel_reasons(db, &models).await?;
    Ok(cases
        .into_iter()
        .map(|(case, property_label)| ResidentCaseView {
            department: case.department_id.and_then(|d| departments.get(&d).cloned()),
            cancel_reason: reasons.remove(&case.id),
            property_label,
            case,
        })
        .collect())
}

/// The resident's cases, newest first (every case of their customer, whoever registered it).
pub async fn list(
    db: &impl ConnectionTrait,
    actor: &Actor,
    query: ListResidentCases,
) -> StoreResult<Page<ResidentCaseView>> {
    customer_of(actor)?;
    let page = case_query::list(
        db,
        actor,
        ListCases {
            status: query.status,
            limit: query.limit,
            cursor: query.cursor,
            ..ListCases::default()
        },
    )
    .await?;
    let items = views(db, page.items.into_iter().map(|i| (i.case, i.property_label)).collect()).await?;
    Ok(Page {
        items,
        next_cursor: page.next_cursor,
    })
}

async fn timeline(db: &impl ConnectionTrait, actor: &Actor, case_id: Uuid) -> StoreResult<Vec<TimelineEntry>> {
    // Public entries only — asked of the database and checked again here, so a change to the
    // query can never hand a resident an internal note.
    let events: Vec<CaseEventRecord> = timeline::list(db, case_id, true, None, None)
        .await?
        .items
        .into_iter()
        .filter(|e| e.visibility == Visibility::Public)
        .collect();
    let payloads: Vec<serde_json::Value> = events.iter().map(|e| e.payload.clone()).collect();
    let department_ids = payloads
        .iter()
        .filter_map(|p| p["department_id"].as_str().and_then(|id| id.parse().ok()))
        .collect();
    let departments = departments_by_id(db, department_ids).await?;
    Ok(events
        .into_iter()
        .zip(payloads)
        .map(|(event, payload)| {
            let by_resident = event.actor_id == Some(actor.user_id);
            let note = match (event.action.as_str(), by_resident) {
                // Instructions to the department, not words for the customer.
                ("dispatch" | "accept", _) => None,
                // The reply the app recorded for the resident: its title says it all.
                ("reply", true) => None,
                _ => event.note,
            };
            TimelineEntry {
                id: event.id,
                status: event.to_status,
                note,
                at: event.created_at,
                by_resident,
                department: payload["department_id"]
                    .as_str()
                    .and_then(|id| id.parse::<Uuid>().ok())
                    .and_then(|id| departments.get(&id).cloned()),
                reached: payload["reached"].as_bool(),
                satisfaction: payload["satisfaction"].as_str().and_then(Satisfaction::parse),
                second_dispatch: payload["second_dispatch"].as_bool().unwrap_or(false),
                cancel_reason: cancel_reason_in(&payload),
                action: event.action,
            }
        })
        .collect())
}

/// One of the resident's cases with its public timeline (404 for anyone else's).
pub async fn get(db: &impl ConnectionTrait, actor: &Actor, id: Uuid) -> StoreResult<ResidentCaseDetail> {
    customer_of(actor)?;
    let found = find_visible(db, actor, id).await?;
    detail(db, actor, found).await
}

pub async fn detail(db: &impl ConnectionTrait, actor: &Actor, found: case::Model) -> StoreResult<ResidentCaseDetail> {
    let property = match found.property_id {
        Some(id) => property::Entity::find_by_id(id).one(db).await?,
        None => None,
    };
    let category = match found.category_id {
        Some(id) => category::Entity::find_by_id(id).one(db).await?.map(|c| CategoryName {
            id: c.id,
            name: c.name,
            name_en: c.name_en,
        }),
        None => None,
    };
    let attachments = attachment::Entity::find()
        .filter(attachment::Column::CaseId.eq(found.id))
        .filter(attachment::Column::UploadedBy.eq(actor.user_id))
        .order_by_asc(attachment::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(AttachmentRecord::from)
        .collect();
    let timeline = timeline(db, actor, found.id).await?;
    let view = views(db, vec![(found, property.as_ref().map(property_label))])
        .await?
        .pop()
        .ok_or(StoreError::NotFound)?;
    Ok(ResidentCaseDetail {
        view,
        category,
        timeline,
        attachments,
    })
}

/// An attachment the resident uploaded to one of their cases (404 for anything else).
pub async fn own_attachment(
    db: &impl ConnectionTrait,
    actor: &Actor,
    case_id: Uuid,
    id: Uuid,
) -> StoreResult<AttachmentRecord> {
    customer_of(actor)?;
    find_visible(db, actor, case_id).await?;
    attachment::Entity::find_by_id(id)
        .filter(attachment::Column::CaseId.eq(case_id))
        .filter(attachment::Column::UploadedBy.eq(actor.user_id))
        .one(db)
        .await?
        .map(AttachmentRecord::from)
        .ok_or(StoreError::NotFound)
}
