//! What is still open when a shift ends, within the author's scope: cases waiting for dispatch,
//! return visits due (or overdue) within the next shift, unacknowledged warnings, urgent and
//! major cases still open, and paused cases.

use chrono::{DateTime, Duration, Utc};
use huiyin_domain::case::{CaseStatus, Severity};
use sea_orm::sea_query::Query;
use sea_orm::{ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::cases::{scope, OPEN_STATUSES};
use crate::entity::{case, scheduled_visit, warning};
use crate::{visits, Actor, StoreResult};

/// At most this many items per list (the count says how many there were).
pub const ITEMS_PER_LIST: u64 = 100;

/// How far ahead a return visit counts as due for the next shift.
pub const VISITS_AHEAD_HOURS: i64 = 12;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseItem {
    pub id: Uuid,
    pub number: String,
    pub title: String,
    pub status: String,
    pub severity: String,
    pub project_id: Uuid,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VisitItem {
    pub id: Uuid,
    pub case_id: Uuid,
    pub number: String,
    pub title: String,
    pub purpose: String,
    pub due_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WarningItem {
    pub id: Uuid,
    pub title: String,
    pub fired_at: DateTime<Utc>,
}

/// The open items a handover carries.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snapshot {
    pub taken_at: Option<DateTime<Utc>>,
    pub to_dispatch: Vec<CaseItem>,
    pub visits_due: Vec<VisitItem>,
    pub warnings_open: Vec<WarningItem>,
    pub urgent_open: Vec<CaseItem>,
    pub paused: Vec<CaseItem>,
}

fn item(c: case::Model) -> CaseItem {
    CaseItem {
        id: c.id,
        number: c.number,
        title: c.title,
        status: c.status.to_string(),
        severity: c.severity.to_string(),
        project_id: c.project_id,
    }
}

async fn cases(db: &impl ConnectionTrait, base: Condition, extra: Condition) -> StoreResult<Vec<CaseItem>> {
    Ok(case::Entity::find()
        .filter(base)
        .filter(extra)
        .order_by_asc(case::Column::CreatedAt)
        .order_by_asc(case::Column::Id)
        .limit(ITEMS_PER_LIST)
        .all(db)
        .await?
        .into_iter()
        .map(item)
        .collect())
}

/// Return visits overdue or due within the next shift, on cases matching `base`.
async fn visits(db: &impl ConnectionTrait, base: Condition, at: DateTime<Utc>) -> StoreResult<Vec<VisitItem>> {
    let visible = Query::select()
        .column(case::Column::Id)
        .from(case::Entity)
        .cond_where(base)
        .to_owned();
    let due = scheduled_visit::Entity::find()
        .filter(scheduled_visit::Column::Status.eq(visits::PENDING))
        .filter(scheduled_visit::Column::DueAt.lt(at + Duration::hours(VISITS_AHEAD_HOURS)))
        .filter(scheduled_visit::Column::CaseId.in_subquery(visible))
        .order_by_asc(scheduled_visit::Column::DueAt)
        .limit(ITEMS_PER_LIST)
        .all(db)
        .await?;
    let numbers: Vec<case::Model> = case::Entity::find()
        .filter(case::Column::Id.is_in(due.iter().map(|v| v.case_id).collect::<Vec<_>>()))
        .all(db)
        .await?;
    Ok(due
        .into_iter()
        .filter_map(|v| {
            numbers.iter().find(|c| c.id == v.case_id).map(|c| VisitItem {
                id: v.id,
                case_id: v.case_id,
                number: c.number.clone(),
                title: c.title.clone(),
                purpose: v.purpose.to_string(),
                due_at: v.due_at,
            })
        })
        .collect())
}

/// The snapshot for `actor` over `projects`, at `at`.
pub async fn take(
    db: &impl ConnectionTrait,
    actor: &Actor,
    projects: &[Uuid],
    at: DateTime<Utc>,
) -> StoreResult<Snapshot> {
    let base = Condition::all()
        .add(scope::condition(actor))
        .add(case::Column::ProjectId.is_in(projects.to_vec()));
    let open: Vec<&str> = OPEN_STATUSES.iter().map(|s| s.as_str()).collect();
    let to_dispatch = cases(
        db,
        base.clone(),
        Condition::all().add(case::Column::Status.eq(CaseStatus::Registered.as_str())),
    )
    .await?;
    let urgent_open = cases(
        db,
        base.clone(),
        Condition::all()
            .add(case::Column::Status.is_in(open.clone()))
            .add(case::Column::Severity.is_in([Severity::Urgent.as_str(), Severity::Major.as_str()])),
    )
    .await?;
    let paused = cases(
        db,
        base.clone(),
        Condition::all()
            .add(case::Column::Status.is_in(open))
            .add(case::Column::PausedAt.is_not_null()),
    )
    .await?;
    let visits_due = visits(db, base, at).await?;
    let warnings_open = warning::Entity::find()
        .filter(warning::Column::AcknowledgedAt.is_null())
        .filter(warning::Column::ProjectId.is_in(projects.to_vec()))
        .order_by_desc(warning::Column::FiredAt)
        .limit(ITEMS_PER_LIST)
        .all(db)
        .await?
        .into_iter()
        .map(|w| WarningItem {
            id: w.id,
            title: w.title,
            fired_at: w.fired_at,
        })
        .collect();
    Ok(Snapshot {
        taken_at: Some(at),
        to_dispatch,
        visits_due,
        warnings_open,
        urgent_open,
        paused,
    })
}
