//! The case load right now (the console dashboard's counts): open, registered today,
//! unassigned, overdue and awaiting a return visit.

use chrono::{DateTime, Utc};
use huiyin_domain::stats::{parse_tz, Period};
use huiyin_domain::time::business_day;
use sea_orm::ConnectionTrait;
use uuid::Uuid;

use super::rolled::{OPEN_LIST, UNFINISHED_LIST};
use super::sql::Sql;
use super::StatsFilter;
use crate::{now, StoreError, StoreResult};

#[derive(Debug, Clone, PartialEq)]
pub struct CurrentCounts {
    /// The moment the counts were taken.
    pub at: DateTime<Utc>,
    /// Cases neither closed nor cancelled.
    pub open: i64,
    /// Cases registered today (the Beijing business day), whatever their status now.
    pub registered_today: i64,
    /// Registered and not yet dispatched.
    pub unassigned: i64,
    /// Registered, dispatched or in progress, and past their due time (as `overdue` in the figures).
    pub overdue: i64,
    /// Resolved and replied, waiting for the return visit (status `visiting`).
    pub awaiting_visit: i64,
}

/// The counts over the cases in scope (`allowed_projects`: `None` for every project).
pub async fn current(
    db: &impl ConnectionTrait,
    allowed_projects: Option<Vec<Uuid>>,
    project_id: Option<Uuid>,
    area_id: Option<Uuid>,
) -> StoreResult<CurrentCounts> {
    let at = now();
    let today = business_day(at);
    let tz = parse_tz(None).map_err(|e| StoreError::invalid("tz", e.to_string()))?;
    let filter = StatsFilter {
        period: Period::new(today, today, tz).map_err(|e| StoreError::invalid("period", e.to_string()))?,
        allowed_projects,
        project_id,
        area_id,
        kind: None,
        scan: false,
    };
    filter.check_scope()?;
    let backend = db.get_database_backend();
    let count = Sql::count_if;
    let mut sql = Sql::new(backend);
    sql.push(&format!(
        "SELECT COUNT(*) AS open, {} AS unassigned, {} AS awaiting_visit, COALESCE(SUM(CASE WHEN c.status IN {OPEN_LIST} AND c.due_at < ",
        count("c.status = 'registered'"),
        count("c.status = 'visiting'"),
    ));
    sql.bind_time(at);
    sql.push(&format!(
        " THEN 1 ELSE 0 END), 0) AS overdue FROM cases c WHERE c.status IN {UNFINISHED_LIST}"
    ));
    filter.push_conditions(&mut sql);
    let row = db
        .query_one(sql.statement())
        .await?
        .ok_or_else(|| StoreError::invalid("stats", "no result"))?;
    let mut today_sql = Sql::new(backend);
    today_sql.push("SELECT COUNT(*) AS n FROM cases c WHERE");
    filter.push_cohort(&mut today_sql);
    let registered_today = db
        .query_one(today_sql.statement())
        .await?
        .ok_or_else(|| StoreError::invalid("stats", "no result"))?
        .try_get::<i64>("", "n")?;
    Ok(CurrentCounts {
        at,
        open: row.try_get("", "open")?,
        registered_today,
        unassigned: row.try_get("", "unassigned")?,
        overdue: row.try_get("", "overdue")?,
        awaiting_visit: row.try_get("", "awaiting_visit")?,
    })
}
