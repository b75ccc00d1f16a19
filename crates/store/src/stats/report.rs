//! The monthly complaint analysis as one document: the month against the one before, top
//! categories and buildings, overdue cases and the warnings fired.

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;

use super::breakdown::{breakdown, Dimension, Group};
use super::summary::{summary, Summary};
use super::StatsFilter;
use crate::cases::OPEN_STATUSES;
use crate::entity::{case, department, warning};
use crate::warnings::{self, WarningRecord};
use crate::{now, StoreResult};

#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub created: i64,
    pub previous_created: i64,
    /// `(created - previous) / previous`; `null` when the previous month had none.
    pub created_change: Option<f64>,
    /// Difference of satisfaction rates in percentage points.
    pub satisfaction_change_points: Option<f64>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct OverdueCase {
    pub id: Uuid,
    pub number: String,
    pub title: String,
    pub status: String,
    pub department: Option<String>,
    pub due_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct MonthlyReport {
    pub month: String,
    pub summary: Summary,
    pub previous_month: Summary,
    pub change: Change,
    /// The ten categories with most cases.
    pub top_categories: Vec<Group>,
    /// The ten buildings with most cases.
    pub top_buildings: Vec<Group>,
    /// Cases of the month still open after their due time (at most 200, longest overdue first).
    pub overdue: Vec<OverdueCase>,
    /// Warnings fired during the month in the report's projects (warnings belong to a project,
    /// not to an area or kind, so those filters do not narrow them).
    pub warnings_fired: u64,
    /// The warnings fired during the month, oldest first (at most 200).
    pub warnings: Vec<WarningRecord>,
}

/// Warnings fired in the period, in the filter's projects: how many, and the first 200.
async fn warnings_fired(db: &impl ConnectionTrait, filter: &StatsFilter) -> StoreResult<(u64, Vec<WarningRecord>)> {
    let mut select = warning::Entity::find()
        .filter(warning::Column::FiredAt.gte(filter.period.start))
        .filter(warning::Column::FiredAt.lt(filter.period.end));
    if let Some(allowed) = &filter.allowed_projects {
        select = select.filter(warning::Column::ProjectId.is_in(allowed.clone()));
    }
    if let Some(project) = filter.project_id {
        select = select.filter(warning::Column::ProjectId.eq(project));
    }
    let total = select.clone().count(db).await?;
    let first = select
        .order_by_asc(warning::Column::FiredAt)
        .order_by_asc(warning::Column::Id)
        .limit(200)
        .all(db)
        .await?;
    Ok((total, warnings::views(db, first).await?))
}

/// Cases of the period still open after their due time, longest overdue first (at most 200).
async fn overdue_cases(db: &impl ConnectionTrait, filter: &StatsFilter) -> StoreResult<Vec<OverdueCase>> {
    let mut select = case::Entity::find()
        .filter(case::Column::CreatedAt.gte(filter.period.start))
        .filter(case::Column::CreatedAt.lt(filter.period.end))
        .filter(case::Column::Status.is_in(OPEN_STATUSES.iter().map(|s| s.as_str())))
        .filter(case::Column::DueAt.lt(now()))
        .order_by_asc(case::Column::DueAt)
        .limit(200);
    if let Some(allowed) = &filter.allowed_projects {
        select = select.filter(case::Column::ProjectId.is_in(allowed.clone()));
    }
    if let Some(project) = filter.project_id {
        select = select.filter(case::Column::ProjectId.eq(project));
    }
    if let Some(area) = filter.area_id {
        select = select.filter(case::Column::AreaId.eq(area));
    }
    if let Some(kind) = filter.kind {
        select = select.filter(case::Column::Kind.eq(kind.as_str()));
    }
    let overdue_cases = select.all(db).await?;
    let departments: std::collections::HashMap<Uuid, String> = department::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|d| (d.id, d.name))
        .collect();
    Ok(overdue_cases
        .into_iter()
        .map(|c| OverdueCase {
            id: c.id,
            department: c.department_id.and_then(|d| departments.get(&d).cloned()),
            number: c.number,
            title: c.title,
            status: c.status.to_string(),
            due_at: c.due_at,
            created_at: c.created_at,
        })
        .collect())
}

pub async fn monthly(db: &impl ConnectionTrait, month: &str, filter: &StatsFilter) -> StoreResult<MonthlyReport> {
    let previous_filter = StatsFilter {
        period: filter
            .period
            .previous_month()
            .map_err(|e| crate::StoreError::invalid("month", e.to_string()))?,
        ..filter.clone()
    };
    // Independent queries: on a pooled PostgreSQL connection they run side by side.
    let (current, previous, categories, buildings, (warnings_fired, warnings)) = tokio::try_join!(
        summary(db, filter),
        summary(db, &previous_filter),
        breakdown(db, filter, Dimension::Category),
        breakdown(db, filter, Dimension::Building),
        warnings_fired(db, filter),
    )?;
    let change = Change {
        created: current.figures.created,
        previous_created: previous.figures.created,
        created_change: huiyin_domain::stats::rate(
            current.figures.created - previous.figures.created,
            previous.figures.created,
        ),
        satisfaction_change_points: match (current.figures.satisfaction.rate, previous.figures.satisfaction.rate) {
            (Some(a), Some(b)) => Some(((a - b) * 10000.0).round() / 100.0),
            _ => None,
        },
    };
    let mut top_categories = categories.groups;
    top_categories.truncate(10);
    let mut top_buildings = buildings.groups;
    top_buildings.retain(|g| g.key.is_some());
    top_buildings.truncate(10);
    let overdue = overdue_cases(db, filter).await?;
    Ok(MonthlyReport {
        month: month.to_owned(),
        summary: current,
        previous_month: previous,
        change,
        top_categories,
        top_buildings,
        overdue,
        warnings_fired,
        warnings,
    })
}
