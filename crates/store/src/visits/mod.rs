//! Scheduled return visits (回访计划): repairs get a contact check (report + 24 h) and an
//! outcome check (report + 48 h); every resolved complaint or repair gets a satisfaction visit.
//! A visit due and not done is overdue; the worker notifies when one falls due.
//!
//! Scope: a visit is seen and recorded by those who see its case (the case list's scope:
//! handlers their department's, stewards their areas', other staff their projects'); outside
//! it a visit is not found.

mod due;
mod record;
mod schedule;
pub mod settings;
pub mod unreached;

pub use due::notify_due;
pub use huiyin_domain::case::checks::{VisitOutcome, VisitPurpose};
pub use record::{record, RecordVisitCheck};
pub use schedule::{on_case_finished, on_case_visit, on_redispatch, on_register, on_resolve};

use chrono::{DateTime, Utc};
use huiyin_domain::case::checks::ScheduledVisitStatus;
use huiyin_domain::case::CaseStatus;
use huiyin_domain::permission::{case_scope, CaseScope};
use sea_orm::sea_query::Query;
use sea_orm::{ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;

use crate::entity::{case, scheduled_visit};
use crate::page::{self, Page};
use crate::{now, Actor, StoreError, StoreResult};

/// Which scheduled visits to list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum VisitFilter {
    /// Not yet done, whether or not the due time has come.
    #[default]
    Due,
    /// Not done and past the due time.
    Overdue,
    Done,
}

pub const PENDING: &str = ScheduledVisitStatus::Pending.as_str();
pub const DONE: &str = ScheduledVisitStatus::Done.as_str();
pub const CANCELLED: &str = ScheduledVisitStatus::Cancelled.as_str();

/// Which visits to list, and the page.
#[derive(Debug, Clone, Default)]
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

/// A scheduled visit with what the worklist shows of its case.
#[derive(Debug, Clone)]
pub struct ScheduledVisitRecord {
    pub id: Uuid,
    pub case_id: Uuid,
    pub case_number: String,
    pub case_title: String,
    pub case_status: CaseStatus,
    pub project_id: Uuid,
    pub purpose: VisitPurpose,
    pub due_at: DateTime<Utc>,
    /// `pending`, `done` or `cancelled`.
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

pub(crate) fn view(v: scheduled_visit::Model, case: Option<&case::Model>, at: DateTime<Utc>) -> ScheduledVisitRecord {
    ScheduledVisitRecord {
        id: v.id,
        case_id: v.case_id,
        case_number: case.map(|c| c.number.clone()).unwrap_or_default(),
        case_title: case.map(|c| c.title.clone()).unwrap_or_default(),
        case_status: case.map_or(CaseStatus::Registered, |c| c.status.0),
        project_id: v.project_id,
        purpose: v.purpose.0,
        overdue: v.status.0 == ScheduledVisitStatus::Pending && v.due_at < at,
        due_at: v.due_at,
        status: v.status.to_string(),
        done_at: v.done_at,
        done_by: v.done_by,
        assignee_id: v.assignee_id,
        reached: v.reached,
        outcome: v.outcome.map(|o| o.0),
        attempts: v.attempts,
        note: v.note,
    }
}

/// Visits of the cases the actor sees (the case list's own scope condition).
pub(crate) fn in_scope(actor: &Actor) -> Condition {
    if case_scope(actor.role) == CaseScope::Everything {
        return Condition::all();
    }
    let cases = Query::select()
        .column(case::Column::Id)
        .from(case::Entity)
        .cond_where(crate::cases::scope::condition(actor))
        .to_owned();
    Condition::all().add(scheduled_visit::Column::CaseId.in_subquery(cases))
}

/// The worklist: pending visits by due time (oldest first), done ones newest first.
pub async fn list(
    db: &impl ConnectionTrait,
    actor: &Actor,
    query: &VisitQuery,
) -> StoreResult<Page<ScheduledVisitRecord>> {
    let limit = page::limit(query.limit)?;
    let at = now();
    let filter = query.status.unwrap_or(VisitFilter::Due);
    let mut select = scheduled_visit::Entity::find().filter(in_scope(actor));
    if let Some(purpose) = query.purpose {
        select = select.filter(scheduled_visit::Column::Purpose.eq(purpose.as_str()));
    }
    if let Some(project) = query.project_id {
        select = select.filter(scheduled_visit::Column::ProjectId.eq(project));
    }
    if let Some(case_id) = query.case_id {
        select = select.filter(scheduled_visit::Column::CaseId.eq(case_id));
    }
    if let Some(assignee) = query.assignee_id {
        select = select.filter(scheduled_visit::Column::AssigneeId.eq(assignee));
    }
    let cursor = query.cursor.as_deref().map(page::decode).transpose()?;
    let rows = match filter {
        VisitFilter::Due | VisitFilter::Overdue => {
            select = select.filter(scheduled_visit::Column::Status.eq(PENDING));
            if filter == VisitFilter::Overdue {
                select = select.filter(scheduled_visit::Column::DueAt.lt(at));
            }
            if let Some(cursor) = cursor {
                let (due, id) = parse_cursor(&cursor)?;
                select = select.filter(
                    Condition::any().add(scheduled_visit::Column::DueAt.gt(due)).add(
                        Condition::all()
                            .add(scheduled_visit::Column::DueAt.eq(due))
                            .add(scheduled_visit::Column::Id.gt(id)),
                    ),
                );
            }
            select
                .order_by_asc(scheduled_visit::Column::DueAt)
                .order_by_asc(scheduled_visit::Column::Id)
                .limit(limit + 1)
                .all(db)
                .await?
        }
        VisitFilter::Done => {
            select = select.filter(scheduled_visit::Column::Status.eq(DONE));
            if let Some(cursor) = cursor {
                let (due, id) = parse_cursor(&cursor)?;
                select = select.filter(
                    Condition::any().add(scheduled_visit::Column::DueAt.lt(due)).add(
                        Condition::all()
                            .add(scheduled_visit::Column::DueAt.eq(due))
                            .add(scheduled_visit::Column::Id.lt(id)),
                    ),
                );
            }
            select
                .order_by_desc(scheduled_visit::Column::DueAt)
                .order_by_desc(scheduled_visit::Column::Id)
                .limit(limit + 1)
                .all(db)
                .await?
        }
    };
    let page = page::finish(rows, limit, |v| format!("{}|{}", v.due_at.to_rfc3339(), v.id));
    with_cases(db, page, at).await
}

/// The visits with what the worklist shows of their cases (one statement for all of them).
async fn with_cases(
    db: &impl ConnectionTrait,
    page: Page<scheduled_visit::Model>,
    at: DateTime<Utc>,
) -> StoreResult<Page<ScheduledVisitRecord>> {
    let case_ids: Vec<Uuid> = page.items.iter().map(|v| v.case_id).collect();
    let cases = case::Entity::find()
        .filter(case::Column::Id.is_in(case_ids))
        .all(db)
        .await?;
    Ok(Page {
        items: page
            .items
            .into_iter()
            .map(|v| {
                let c = cases.iter().find(|c| c.id == v.case_id);
                view(v, c, at)
            })
            .collect(),
        next_cursor: page.next_cursor,
    })
}

fn parse_cursor(cursor: &str) -> StoreResult<(DateTime<Utc>, Uuid)> {
    let bad = || StoreError::invalid("cursor", "is not a cursor this server issued");
    let (due, id) = cursor.split_once('|').ok_or_else(bad)?;
    Ok((
        DateTime::parse_from_rfc3339(due)
            .map_err(|_| bad())?
            .with_timezone(&Utc),
        id.parse().map_err(|_| bad())?,
    ))
}
