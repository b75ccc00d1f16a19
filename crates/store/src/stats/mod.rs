//! Complaint statistics. Every figure is defined over a **cohort**: the cases *created* in the
//! period (local dates in the requested time zone), narrowed by project, area and kind and by the
//! caller's scope. Because every group of a breakdown is a slice of the same cohort, the groups
//! always add up to the summary. The exact definitions are in the README.

pub mod area_visits;
pub mod breakdown;
pub mod check;
pub mod current;
pub mod export;
pub mod facts;
pub mod figures;
pub mod fold;
pub mod loops;
pub mod medians;
pub mod rebuild;
pub mod report;
pub mod rolled;
pub mod rollup;
pub mod sql;
pub mod summary;
pub mod trend;

use chrono::{DateTime, Utc};
use huiyin_domain::case::CaseKind;
use huiyin_domain::stats::Period;
use uuid::Uuid;

use self::sql::Sql;
use crate::{StoreError, StoreResult};

/// Which cases a statistics call looks at.
#[derive(Debug, Clone)]
pub struct StatsFilter {
    pub period: Period,
    /// `None`: every project (admins, unrestricted keys).
    pub allowed_projects: Option<Vec<Uuid>>,
    pub project_id: Option<Uuid>,
    pub area_id: Option<Uuid>,
    pub kind: Option<CaseKind>,
    /// Compute everything from the cases table, ignoring the roll-ups (cross-checks and tests).
    pub scan: bool,
}

impl StatsFilter {
    /// Checks that an explicitly requested project is inside the caller's scope.
    pub fn check_scope(&self) -> StoreResult<()> {
        match (&self.allowed_projects, self.project_id) {
            (Some(allowed), Some(project)) if !allowed.contains(&project) => Err(StoreError::NotFound),
            _ => Ok(()),
        }
    }

    /// Appends ` AND …` conditions on alias `c` (cases) for everything but the period.
    pub fn push_conditions(&self, sql: &mut Sql) {
        self.push_conditions_on(sql, "c");
    }

    /// The same conditions on another table with `project_id`, `area_id` and `kind` columns.
    pub fn push_conditions_on(&self, sql: &mut Sql, alias: &str) {
        if let Some(allowed) = &self.allowed_projects {
            if allowed.is_empty() {
                sql.push(" AND 1 = 0");
            } else {
                sql.push(&format!(" AND {alias}.project_id IN ("));
                for (i, id) in allowed.iter().enumerate() {
                    if i > 0 {
                        sql.push(", ");
                    }
                    sql.bind(*id);
                }
                sql.push(")");
            }
        }
        if let Some(project) = self.project_id {
            sql.push(&format!(" AND {alias}.project_id = ")).bind(project);
        }
        if let Some(area) = self.area_id {
            sql.push(&format!(" AND {alias}.area_id = ")).bind(area);
        }
        if let Some(kind) = self.kind {
            sql.push(&format!(" AND {alias}.kind = ")).bind(kind.as_str());
        }
    }

    /// The cohort condition: created in the period plus the filters.
    pub fn push_cohort(&self, sql: &mut Sql) {
        self.push_cohort_between(sql, self.period.start, self.period.end);
    }

    /// The cohort condition for a part `[start, end)` of the period.
    pub fn push_cohort_between(&self, sql: &mut Sql, start: DateTime<Utc>, end: DateTime<Utc>) {
        sql.push(" c.created_at >= ")
            .bind_time(start)
            .push(" AND c.created_at < ")
            .bind_time(end);
        self.push_conditions(sql);
    }
}
