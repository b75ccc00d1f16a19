//! Reading the roll-ups (`rollup.rs`): which rows cover a period, and their sums in the shape
//! of [`Sums`]. A period can be served from roll-ups when it starts and ends at Beijing
//! midnights (the default time zone, or any zone at UTC+8); other periods are computed from the
//! cases table.

use chrono::{DateTime, Datelike, Months, NaiveDate, Utc};
use huiyin_domain::stats::rollup::{day_number, SUMS};
use huiyin_domain::time::{business_day, business_day_start};
use sea_orm::{ConnectionTrait, DatabaseBackend, QueryResult};

use super::figures::{read_sums, Sums};
use super::sql::Sql;
use super::StatsFilter;
use crate::StoreResult;

/// Which roll-up rows make up `[start, end)`: day rows for `[from, month_from)` and
/// `[month_to, to)`, month rows for the whole months `[month_from, month_to)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub from: NaiveDate,
    /// The day after the period.
    pub to: NaiveDate,
    pub month_from: NaiveDate,
    pub month_to: NaiveDate,
}

fn first_of_month(date: NaiveDate) -> NaiveDate {
    date.with_day(1).unwrap_or(date)
}

impl Span {
    /// `None` when `[start, end)` does not start and end at Beijing midnights. Without
    /// `use_months` only day rows are used (buckets smaller than a month).
    pub fn of(start: DateTime<Utc>, end: DateTime<Utc>, use_months: bool) -> Option<Span> {
        let from = business_day(start);
        let to = business_day(end);
        if business_day_start(from) != start || business_day_start(to) != end || to <= from {
            return None;
        }
        let first_whole = if from.day() == 1 {
            from
        } else {
            first_of_month(from).checked_add_months(Months::new(1))?
        };
        let last_whole = first_of_month(to);
        let (month_from, month_to) = if use_months && first_whole < last_whole {
            (first_whole, last_whole)
        } else {
            (to, to)
        };
        Some(Span {
            from,
            to,
            month_from,
            month_to,
        })
    }

    /// The filter's period, if the roll-ups can serve it.
    pub fn of_filter(filter: &StatsFilter, use_months: bool) -> Option<Span> {
        if filter.scan {
            return None;
        }
        Span::of(filter.period.start, filter.period.end, use_months)
    }

    pub fn has_months(&self) -> bool {
        self.month_from < self.month_to
    }

    /// The parts of the period outside the whole months, as instants (for the cases table).
    pub fn edges(&self) -> Vec<(DateTime<Utc>, DateTime<Utc>)> {
        [(self.from, self.month_from), (self.month_to, self.to)]
            .into_iter()
            .filter(|(a, b)| a < b)
            .map(|(a, b)| (business_day_start(a), business_day_start(b)))
            .collect()
    }

    /// The rows of this span as `(grain, first day, day after)` ranges: each is a range of the
    /// primary key, so PostgreSQL reads them by index (one OR-ed condition would make it scan).
    pub fn rows(&self) -> Vec<Part> {
        let mut parts = vec![
            ("d", day_number(self.from), day_number(self.month_from)),
            ("d", day_number(self.month_to), day_number(self.to)),
        ];
        if self.has_months() {
            parts.push(("m", day_number(self.month_from), day_number(self.month_to)));
        }
        parts.retain(|(_, a, b)| a < b);
        parts
    }

    /// Only the month rows of this span.
    pub fn month_rows(&self) -> Vec<Part> {
        vec![("m", day_number(self.month_from), day_number(self.month_to))]
    }

    /// Every row before the period's end (each day once), for `open_at_end`.
    pub fn rows_before_end(&self) -> Vec<Part> {
        let month = day_number(first_of_month(self.to));
        vec![("m", 0, month), ("d", month, day_number(self.to))]
    }
}

/// `(grain, first day, day after)`.
pub type Part = (&'static str, i32, i32);

fn sum_int(backend: DatabaseBackend, column: &str) -> String {
    match backend {
        DatabaseBackend::Postgres => format!("COALESCE(SUM(r.{column}), 0)::bigint"),
        _ => format!("COALESCE(SUM(r.{column}), 0)"),
    }
}

/// The aggregate columns over roll-up rows (alias `r`), named as [`read_sums`] expects, plus
/// `closed_in` and `ended`. `overdue` is 0 here: it depends on the clock and is counted live.
pub fn push_columns(sql: &mut Sql) {
    let backend = sql.backend;
    for column in SUMS {
        sql.push(&format!("{} AS {column}, ", sum_int(backend, column)));
    }
    sql.push("CAST(0 AS BIGINT) AS overdue");
}

/// Sums of one roll-up result row, with `closed_in` and `ended`.
pub fn read(row: &QueryResult) -> StoreResult<(Sums, i64, i64)> {
    Ok((
        read_sums(row)?,
        row.try_get::<i64>("", "closed_in")?,
        row.try_get::<i64>("", "ended")?,
    ))
}

/// ` r.grain = … AND r.dim = … AND r.day >= … AND r.day < … AND <filter>`: the roll-up rows
/// (alias `r`) of `dim` in one part of a span, narrowed by the filter.
pub fn push_rows_of(sql: &mut Sql, filter: &StatsFilter, dim: &str, (grain, first, after): Part) {
    sql.push(" r.grain = ")
        .bind(grain)
        .push(" AND r.dim = ")
        .bind(dim.to_owned())
        .push(" AND r.day >= ")
        .bind(first)
        .push(" AND r.day < ")
        .bind(after);
    filter.push_conditions_on(sql, "r");
}

/// `SELECT {select}, <columns> FROM (<rows of dim in each part, filtered>) r GROUP BY {group}`.
pub async fn grouped(
    db: &impl ConnectionTrait,
    filter: &StatsFilter,
    dim: &str,
    select: &str,
    group: &str,
    parts: Vec<Part>,
) -> StoreResult<Vec<QueryResult>> {
    if parts.is_empty() {
        return Ok(Vec::new());
    }
    let mut sql = Sql::new(db.get_database_backend());
    sql.push("SELECT ");
    if !select.is_empty() {
        sql.push(select).push(", ");
    }
    push_columns(&mut sql);
    sql.push(" FROM (");
    for (i, part) in parts.into_iter().enumerate() {
        if i > 0 {
            sql.push(" UNION ALL ");
        }
        // The roll-ups and the deltas the worker has not folded yet (`super::fold`).
        super::fold::push_source_rows(&mut sql, &super::fold::columns(), |sql| {
            push_rows_of(sql, filter, dim, part)
        });
    }
    sql.push(") r");
    if !group.is_empty() {
        sql.push(" GROUP BY ").push(group);
    }
    Ok(db.query_all(sql.statement()).await?)
}

/// The dashboard's unfinished statuses and the figures' open ones, spelled out so that the
/// partial index `ix_cases_unfinished` applies.
pub const OPEN_LIST: &str = "('registered', 'dispatched', 'in_progress')";
pub const UNFINISHED_LIST: &str = "('registered', 'dispatched', 'in_progress', 'resolved', 'visiting', 'review')";

/// ` AND c.status IN (open) AND c.due_at < now`: restricts a cases query to overdue cases.
pub fn push_overdue_only(sql: &mut Sql, now: DateTime<Utc>) {
    sql.push(&format!(" AND c.status IN {OPEN_LIST} AND c.due_at < "))
        .bind_time(now);
}
