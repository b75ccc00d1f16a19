//! The core figures, medians, counts by kind and status and loop figures of a period's cohort.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::ConnectionTrait;

use super::figures::{push_columns, read_sums, Figures, Sums};
use super::loops::{loop_figures, LoopFigures};
use super::medians::{medians, Medians};
use super::rolled::{self, push_overdue_only, Span};
use super::sql::Sql;
use super::StatsFilter;
use crate::{now, StoreError, StoreResult};

#[derive(Debug, Clone, PartialEq)]
pub struct PeriodInfo {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub tz: String,
    /// The period's first instant (inclusive), UTC.
    pub start: DateTime<Utc>,
    /// The instant after the period (exclusive), UTC.
    pub end: DateTime<Utc>,
}

impl PeriodInfo {
    pub fn of(filter: &StatsFilter) -> Self {
        let p = &filter.period;
        PeriodInfo {
            from: p.from,
            to: p.to,
            tz: p.tz.name().to_owned(),
            start: p.start,
            end: p.end,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub period: PeriodInfo,
    pub figures: Figures,
    pub medians: Medians,
    /// Cases created in the period, by kind.
    pub by_kind: BTreeMap<String, i64>,
    /// Cases created in the period, by their status now.
    pub by_status: BTreeMap<String, i64>,
    /// Cases closed during the period, whenever they were created.
    pub closed_in_period: i64,
    /// Cases created before the period's end and neither closed nor cancelled by then.
    pub open_at_end: i64,
    /// Repeat repairs and visits closed as unreachable (issue #19).
    pub loops: LoopFigures,
}

/// The cohort's sums (one row), from the cases table.
pub async fn sums(db: &impl ConnectionTrait, filter: &StatsFilter) -> StoreResult<Sums> {
    raw_sums(db, filter, filter.period.start, filter.period.end, false).await
}

/// Sums over the cases created in `[start, end)` (with the filter's other conditions); with
/// `overdue_only`, only over the open cases past their due time (for the live `overdue`).
pub async fn raw_sums(
    db: &impl ConnectionTrait,
    filter: &StatsFilter,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    overdue_only: bool,
) -> StoreResult<Sums> {
    let at = now();
    let mut sql = Sql::new(db.get_database_backend());
    sql.push("SELECT ");
    push_columns(&mut sql, at);
    sql.push(" FROM cases c WHERE");
    filter.push_cohort_between(&mut sql, start, end);
    if overdue_only {
        push_overdue_only(&mut sql, at);
    }
    let row = db
        .query_one(sql.statement())
        .await?
        .ok_or_else(|| StoreError::invalid("stats", "no result"))?;
    read_sums(&row)
}

async fn counts_by(
    db: &impl ConnectionTrait,
    filter: &StatsFilter,
    column: &str,
) -> StoreResult<BTreeMap<String, i64>> {
    let mut sql = Sql::new(db.get_database_backend());
    sql.push(&format!("SELECT c.{column} AS k, COUNT(*) AS n FROM cases c WHERE"));
    filter.push_cohort(&mut sql);
    sql.push(&format!(" GROUP BY c.{column}"));
    let mut out = BTreeMap::new();
    for row in db.query_all(sql.statement()).await? {
        out.insert(row.try_get::<String>("", "k")?, row.try_get::<i64>("", "n")?);
    }
    Ok(out)
}

async fn count(db: &impl ConnectionTrait, build: impl FnOnce(&mut Sql)) -> StoreResult<i64> {
    let mut sql = Sql::new(db.get_database_backend());
    build(&mut sql);
    let row = db
        .query_one(sql.statement())
        .await?
        .ok_or_else(|| StoreError::invalid("stats", "no result"))?;
    Ok(row.try_get::<i64>("", "n")?)
}

pub async fn summary(db: &impl ConnectionTrait, filter: &StatsFilter) -> StoreResult<Summary> {
    filter.check_scope()?;
    if let Some(span) = Span::of_filter(filter, true) {
        return rolled_summary(db, filter, &span).await;
    }
    let sums = sums(db, filter).await?;
    let closed_in_period = count(db, |sql| {
        sql.push("SELECT COUNT(*) AS n FROM cases c WHERE c.status = 'closed' AND c.closed_at >= ")
            .bind_time(filter.period.start)
            .push(" AND c.closed_at < ")
            .bind_time(filter.period.end);
        filter.push_conditions(sql);
    })
    .await?;
    let open_at_end = count(db, |sql| {
        let end = filter.period.end;
        sql.push("SELECT COUNT(*) AS n FROM cases c WHERE c.created_at < ")
            .bind_time(end);
        sql.push(" AND (c.closed_at IS NULL OR c.closed_at >= ")
            .bind_time(end)
            .push(")");
        sql.push(" AND (c.cancelled_at IS NULL OR c.cancelled_at >= ")
            .bind_time(end)
            .push(")");
        filter.push_conditions(sql);
    })
    .await?;
    let loops = loop_figures(db, filter).await?;
    Ok(Summary {
        period: PeriodInfo::of(filter),
        figures: Figures::from(&sums),
        medians: medians(db, filter).await?,
        by_kind: counts_by(db, filter, "kind").await?,
        by_status: counts_by(db, filter, "status").await?,
        closed_in_period,
        open_at_end,
        loops,
    })
}

/// The summary from the roll-ups: one grouped sum (by kind), the statuses, the open cases at the
/// end, the live overdue count and the medians.
async fn rolled_summary(db: &impl ConnectionTrait, filter: &StatsFilter, span: &Span) -> StoreResult<Summary> {
    // Independent queries: on a pooled PostgreSQL connection they run side by side.
    let (by_kind_rows, overdue, status_rows, end_rows, medians, loops) = tokio::try_join!(
        rolled::grouped(db, filter, "", "r.kind AS k", "r.kind", span.rows()),
        raw_sums(db, filter, filter.period.start, filter.period.end, true),
        rolled::grouped(db, filter, "status", "r.dkey AS k", "r.dkey", span.rows()),
        rolled::grouped(db, filter, "", "", "", span.rows_before_end()),
        medians(db, filter),
        loop_figures(db, filter),
    )?;
    let mut total = Sums::default();
    let mut by_kind = BTreeMap::new();
    let mut closed_in_period = 0;
    for row in by_kind_rows {
        let (sums, closed_in, _) = rolled::read(&row)?;
        if sums.created != 0 {
            by_kind.insert(row.try_get::<String>("", "k")?, sums.created);
        }
        total.add(&sums);
        closed_in_period += closed_in;
    }
    total.overdue = overdue.overdue;
    let mut by_status = BTreeMap::new();
    for row in status_rows {
        let (sums, _, _) = rolled::read(&row)?;
        if sums.created != 0 {
            by_status.insert(row.try_get::<String>("", "k")?, sums.created);
        }
    }
    let mut open_at_end = 0;
    for row in end_rows {
        let (sums, _, ended) = rolled::read(&row)?;
        open_at_end += sums.created - ended;
    }
    Ok(Summary {
        period: PeriodInfo::of(filter),
        figures: Figures::from(&total),
        medians,
        by_kind,
        by_status,
        closed_in_period,
        open_at_end,
        loops,
    })
}
