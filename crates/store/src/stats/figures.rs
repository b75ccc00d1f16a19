//! The core figures, computed with one aggregate SELECT over the cohort (optionally grouped).

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use huiyin_domain::case::Satisfaction;
use huiyin_domain::stats::average::average_hours;
use huiyin_domain::stats::rate;
use sea_orm::{QueryResult, TryGetable};

use super::sql::Sql;
use crate::{StoreError, StoreResult};

/// Raw sums; everything else is derived, so groups add up exactly.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Sums {
    pub created: i64,
    pub closed: i64,
    pub cancelled: i64,
    pub closed_on_spot: i64,
    pub dispatched: i64,
    pub second_dispatched: i64,
    pub overdue: i64,
    pub verify_due: i64,
    pub verify_on_time: i64,
    pub resolve_due: i64,
    pub resolve_on_time: i64,
    pub visit_due: i64,
    pub satisfaction: [i64; 4],
    pub dispatch_us: i64,
    pub resolve_us: i64,
    pub resolved: i64,
    pub close_us: i64,
    pub escalated_area: i64,
    pub escalated_company: i64,
}

impl Sums {
    pub fn add(&mut self, other: &Sums) {
        self.created += other.created;
        self.closed += other.closed;
        self.cancelled += other.cancelled;
        self.closed_on_spot += other.closed_on_spot;
        self.dispatched += other.dispatched;
        self.second_dispatched += other.second_dispatched;
        self.overdue += other.overdue;
        self.verify_due += other.verify_due;
        self.verify_on_time += other.verify_on_time;
        self.resolve_due += other.resolve_due;
        self.resolve_on_time += other.resolve_on_time;
        self.visit_due += other.visit_due;
        for i in 0..4 {
            self.satisfaction[i] += other.satisfaction[i];
        }
        self.dispatch_us += other.dispatch_us;
        self.resolve_us += other.resolve_us;
        self.resolved += other.resolved;
        self.close_us += other.close_us;
        self.escalated_area += other.escalated_area;
        self.escalated_company += other.escalated_company;
    }
}

const OPEN: &str = "c.status IN ('registered', 'dispatched', 'in_progress')";

/// The aggregate columns, in the order [`read_sums`] reads them.
pub fn push_columns(sql: &mut Sql, now: DateTime<Utc>) {
    let count = Sql::count_if;
    let dispatch = sql.micros("c.created_at", "c.first_dispatched_at");
    let resolve = sql.micros("c.created_at", "c.resolved_at");
    let close = sql.micros("c.created_at", "c.closed_at");
    // By the verification deadline; cases registered before it was kept: the same Beijing date
    // (`rollup::verified_in_time`).
    let same_day = format!(
        "((c.verify_due_at IS NOT NULL AND c.verified_at <= c.verify_due_at) OR (c.verify_due_at IS NULL AND {} = {}))",
        sql.business_date("c.verified_at"),
        sql.business_date("c.created_at")
    );
    let sum_dispatch = sql.sum_int(&format!(
        "CASE WHEN c.first_dispatched_at IS NOT NULL THEN {dispatch} END"
    ));
    let sum_resolve = sql.sum_int(&format!("CASE WHEN c.resolved_at IS NOT NULL THEN {resolve} END"));
    let sum_close = sql.sum_int(&format!("CASE WHEN c.status = 'closed' THEN {close} END"));
    sql.push("COUNT(*) AS created, ");
    sql.push(&format!("{} AS closed, ", count("c.status = 'closed'")));
    sql.push(&format!("{} AS cancelled, ", count("c.status = 'cancelled'")));
    sql.push(&format!("{} AS closed_on_spot, ", count("c.closed_on_spot")));
    sql.push(&format!("{} AS dispatched, ", count("c.dispatch_count >= 1")));
    sql.push(&format!("{} AS second_dispatched, ", count("c.dispatch_count >= 2")));
    sql.push(&format!(
        "{} AS escalated_area, {} AS escalated_company, ",
        count("c.peak_level IN ('area', 'company')"),
        count("c.peak_level = 'company'")
    ));
    sql.push(&format!("COALESCE(SUM(CASE WHEN {OPEN} AND c.due_at < "));
    sql.bind_time(now);
    sql.push(" THEN 1 ELSE 0 END), 0) AS overdue, ");
    sql.push(&format!(
        "{} AS verify_due, ",
        count("NOT c.closed_on_spot AND c.status <> 'cancelled'")
    ));
    sql.push(&format!(
        "{} AS verify_on_time, ",
        count(&format!(
            "NOT c.closed_on_spot AND c.status <> 'cancelled' AND c.verified_at IS NOT NULL AND {same_day}"
        ))
    ));
    sql.push(&format!(
        "{} AS resolve_due, ",
        count("c.resolved_at IS NOT NULL AND c.due_at IS NOT NULL")
    ));
    sql.push(&format!(
        "{} AS resolve_on_time, ",
        count("c.resolved_at IS NOT NULL AND c.due_at IS NOT NULL AND c.resolved_at <= c.due_at")
    ));
    sql.push(&format!(
        "{} AS visit_due, ",
        count("NOT c.closed_on_spot AND (c.status = 'visiting' OR c.last_satisfaction IS NOT NULL)")
    ));
    for level in Satisfaction::ALL {
        sql.push(&format!(
            "{} AS s_{}, ",
            count(&format!("c.last_satisfaction = '{}'", level.as_str())),
            level.as_str()
        ));
    }
    sql.push(&format!("{sum_dispatch} AS dispatch_us, "));
    sql.push(&format!("{sum_resolve} AS resolve_us, "));
    sql.push(&format!("{} AS resolved, ", count("c.resolved_at IS NOT NULL")));
    sql.push(&format!("{sum_close} AS close_us"));
}

fn get<T: TryGetable>(row: &QueryResult, column: &str) -> StoreResult<T> {
    row.try_get::<T>("", column).map_err(StoreError::from_db)
}

pub fn read_sums(row: &QueryResult) -> StoreResult<Sums> {
    let mut satisfaction = [0i64; 4];
    for (i, level) in Satisfaction::ALL.iter().enumerate() {
        satisfaction[i] = get(row, &format!("s_{}", level.as_str()))?;
    }
    Ok(Sums {
        created: get(row, "created")?,
        closed: get(row, "closed")?,
        cancelled: get(row, "cancelled")?,
        closed_on_spot: get(row, "closed_on_spot")?,
        dispatched: get(row, "dispatched")?,
        second_dispatched: get(row, "second_dispatched")?,
        overdue: get(row, "overdue")?,
        verify_due: get(row, "verify_due")?,
        verify_on_time: get(row, "verify_on_time")?,
        resolve_due: get(row, "resolve_due")?,
        resolve_on_time: get(row, "resolve_on_time")?,
        visit_due: get(row, "visit_due")?,
        satisfaction,
        dispatch_us: get(row, "dispatch_us")?,
        resolve_us: get(row, "resolve_us")?,
        resolved: get(row, "resolved")?,
        close_us: get(row, "close_us")?,
        escalated_area: get(row, "escalated_area")?,
        escalated_company: get(row, "escalated_company")?,
    })
}

/// A rate with what it was computed from.
#[derive(Debug, Clone, PartialEq)]
pub struct Ratio {
    pub numerator: i64,
    pub denominator: i64,
    /// `numerator / denominator`; `null` when the denominator is 0.
    pub rate: Option<f64>,
}

impl Ratio {
    pub fn of(numerator: i64, denominator: i64) -> Self {
        Ratio {
            numerator,
            denominator,
            rate: rate(numerator, denominator),
        }
    }
}

/// The core figures of a cohort (or of one group of it). Definitions: README, "Statistics".
#[derive(Debug, Clone, PartialEq)]
pub struct Figures {
    /// Cases created in the period.
    pub created: i64,
    /// Of those, closed now.
    pub closed: i64,
    pub cancelled: i64,
    /// Neither closed nor cancelled now.
    pub open: i64,
    /// Open and past their due time now.
    pub overdue: i64,
    /// Satisfied + very satisfied, over rated cases (the latest rating of each case).
    pub satisfaction: Ratio,
    /// Count of each level, keyed `very_dissatisfied` … `very_satisfied`.
    pub satisfaction_levels: BTreeMap<String, i64>,
    /// Verified by their verification deadline (the end of the business day of registration by
    /// default), over cases that needed verifying.
    pub on_time_verify: Ratio,
    /// Resolved by their due time, over resolved cases that had one.
    pub on_time_resolve: Ratio,
    /// Cases rated on a return visit, over cases that reached the visit stage.
    pub visit_coverage: Ratio,
    /// Closed on the spot, over cases not cancelled.
    pub first_contact_resolution: Ratio,
    /// Dispatched twice or more, over dispatched cases.
    pub second_dispatch: Ratio,
    pub average_hours_to_dispatch: Option<f64>,
    pub average_hours_to_resolve: Option<f64>,
    pub average_hours_to_close: Option<f64>,
    /// Cases that reached each escalation level (by the highest level they ever reached).
    pub escalations: Escalations,
}

/// Cases escalated to the area level or above, and to the company level.
#[derive(Debug, Clone, PartialEq)]
pub struct Escalations {
    pub area: i64,
    pub company: i64,
}

impl From<&Sums> for Figures {
    fn from(s: &Sums) -> Self {
        let rated: i64 = s.satisfaction.iter().sum();
        Figures {
            created: s.created,
            closed: s.closed,
            cancelled: s.cancelled,
            open: s.created - s.closed - s.cancelled,
            overdue: s.overdue,
            satisfaction: Ratio::of(s.satisfaction[2] + s.satisfaction[3], rated),
            satisfaction_levels: Satisfaction::ALL
                .iter()
                .zip(s.satisfaction)
                .map(|(l, n)| (l.as_str().to_owned(), n))
                .collect(),
            on_time_verify: Ratio::of(s.verify_on_time, s.verify_due),
            on_time_resolve: Ratio::of(s.resolve_on_time, s.resolve_due),
            visit_coverage: Ratio::of(rated, s.visit_due),
            first_contact_resolution: Ratio::of(s.closed_on_spot, s.created - s.cancelled),
            second_dispatch: Ratio::of(s.second_dispatched, s.dispatched),
            average_hours_to_dispatch: average_hours(s.dispatch_us, s.dispatched),
            average_hours_to_resolve: average_hours(s.resolve_us, s.resolved),
            average_hours_to_close: average_hours(s.close_us, s.closed),
            escalations: Escalations {
                area: s.escalated_area,
                company: s.escalated_company,
            },
        }
    }
}
