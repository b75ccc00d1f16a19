//! A time series of the core figures over the period's buckets, gaps filled with zero.

use chrono::{DateTime, NaiveDate, Utc};
use huiyin_domain::stats::rollup::day_number;
use huiyin_domain::stats::{buckets, Bucket, Interval};
use sea_orm::{ConnectionTrait, DatabaseBackend};

use super::figures::{push_columns, read_sums, Figures, Sums};
use super::rolled::{self, push_overdue_only, Span};
use super::sql::Sql;
use super::summary::PeriodInfo;
use super::StatsFilter;
use crate::{now, StoreResult};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TrendInterval {
    #[default]
    Day,
    Week,
    Month,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TrendPoint {
    /// The bucket's first local date.
    pub date: NaiveDate,
    /// Cases closed during the bucket (whenever created).
    pub closed_in_bucket: i64,
    /// The core figures of the cases created during the bucket.
    pub figures: Figures,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Trend {
    pub interval: TrendInterval,
    pub period: PeriodInfo,
    pub points: Vec<TrendPoint>,
}

/// `WITH b(i, s, e) AS (VALUES …)`: the buckets as a table to join against.
fn push_buckets(sql: &mut Sql, list: &[Bucket]) {
    sql.push("WITH b(i, s, e) AS (VALUES ");
    for (i, bucket) in list.iter().enumerate() {
        if i > 0 {
            sql.push(", ");
        }
        sql.push("(").bind(i as i64);
        if sql.backend == DatabaseBackend::Postgres {
            sql.push("::bigint");
        }
        sql.push(", ")
            .bind_time(bucket.start)
            .push(", ")
            .bind_time(bucket.end)
            .push(")");
    }
    sql.push(") ");
}

pub async fn trend(db: &impl ConnectionTrait, filter: &StatsFilter, interval: TrendInterval) -> StoreResult<Trend> {
    filter.check_scope()?;
    let list = buckets(
        &filter.period,
        match interval {
            TrendInterval::Day => Interval::Day,
            TrendInterval::Week => Interval::Week,
            TrendInterval::Month => Interval::Month,
        },
    );
    let (created, closed) = match Span::of_filter(filter, interval == TrendInterval::Month) {
        Some(span) => rolled_points(db, filter, &list, &span).await?,
        None => raw_points(db, filter, &list).await?,
    };
    let points = list
        .iter()
        .zip(created.iter().zip(closed))
        .map(|(bucket, (sums, closed_in_bucket))| TrendPoint {
            date: bucket.label,
            closed_in_bucket,
            figures: Figures::from(sums),
        })
        .collect();
    Ok(Trend {
        interval,
        period: PeriodInfo::of(filter),
        points,
    })
}

/// Per bucket: the cohort sums over the cases created in it (with `overdue_only`, only over the
/// open cases past their due time), from the cases table.
async fn raw_created(
    db: &impl ConnectionTrait,
    filter: &StatsFilter,
    list: &[Bucket],
    overdue_only: bool,
) -> StoreResult<Vec<Sums>> {
    let at = now();
    let mut created = vec![Sums::default(); list.len()];
    let mut sql = Sql::new(db.get_database_backend());
    push_buckets(&mut sql, list);
    sql.push("SELECT b.i AS i, ");
    push_columns(&mut sql, at);
    sql.push(" FROM b JOIN cases c ON c.created_at >= b.s AND c.created_at < b.e WHERE 1 = 1");
    filter.push_conditions(&mut sql);
    if overdue_only {
        push_overdue_only(&mut sql, at);
    }
    sql.push(" GROUP BY b.i");
    for row in db.query_all(sql.statement()).await? {
        let i: i64 = row.try_get("", "i")?;
        if let Some(slot) = created.get_mut(i as usize) {
            *slot = read_sums(&row)?;
        }
    }
    Ok(created)
}

/// From the roll-up rows (day rows, and month rows for whole months when the buckets are
/// months): each row falls in the bucket holding its date; `overdue` is counted live.
async fn rolled_points(
    db: &impl ConnectionTrait,
    filter: &StatsFilter,
    list: &[Bucket],
    span: &Span,
) -> StoreResult<(Vec<Sums>, Vec<i64>)> {
    let mut created = vec![Sums::default(); list.len()];
    let mut closed = vec![0i64; list.len()];
    let starts: Vec<i32> = list.iter().map(|b| day_number(b.label)).collect();
    for row in rolled::grouped(db, filter, "", "r.day AS d", "r.grain, r.day", span.rows()).await? {
        let day: i32 = row.try_get("", "d")?;
        let (sums, closed_in, _) = rolled::read(&row)?;
        let i = starts.partition_point(|s| *s <= day);
        if i == 0 {
            continue;
        }
        created[i - 1].add(&sums);
        closed[i - 1] += closed_in;
    }
    // Overdue cases are few: fetch their registration times (through the partial index on
    // unfinished cases) and count them into the buckets here.
    let at = now();
    let mut sql = Sql::new(db.get_database_backend());
    sql.push("SELECT c.created_at AS t FROM cases c WHERE");
    filter.push_cohort(&mut sql);
    push_overdue_only(&mut sql, at);
    let bounds: Vec<DateTime<Utc>> = list.iter().map(|b| b.start).collect();
    for row in db.query_all(sql.statement()).await? {
        let t: DateTime<Utc> = row.try_get("", "t")?;
        let i = bounds.partition_point(|s| *s <= t);
        if i > 0 {
            created[i - 1].overdue += 1;
        }
    }
    Ok((created, closed))
}

async fn raw_points(
    db: &impl ConnectionTrait,
    filter: &StatsFilter,
    list: &[Bucket],
) -> StoreResult<(Vec<Sums>, Vec<i64>)> {
    let backend = db.get_database_backend();
    let created = raw_created(db, filter, list, false).await?;
    let mut closed = vec![0i64; list.len()];
    let mut sql = Sql::new(backend);
    push_buckets(&mut sql, list);
    sql.push("SELECT b.i AS i, COUNT(*) AS n FROM b JOIN cases c ON c.closed_at >= b.s AND c.closed_at < b.e WHERE c.status = 'closed'");
    filter.push_conditions(&mut sql);
    sql.push(" GROUP BY b.i");
    for row in db.query_all(sql.statement()).await? {
        let i: i64 = row.try_get("", "i")?;
        if let Some(slot) = closed.get_mut(i as usize) {
            *slot = row.try_get("", "n")?;
        }
    }
    Ok((created, closed))
}
