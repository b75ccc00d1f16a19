//! The statistics contract of the breakdown and the monthly report.

use chrono::{DateTime, Utc};
use huiyin_store::stats::{area_visits, breakdown, report};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use super::views::{Figures, PeriodInfo, Summary};
use crate::routes::warnings::WarningView;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Dimension {
    Category,
    Channel,
    Project,
    Area,
    Building,
    Department,
    Assignee,
    Kind,
    Severity,
    /// Why cancelled cases were cancelled (`duplicate`, `invalid`, `withdrawn`); every other
    /// case is in the `null` group. Read the groups' `cancelled` figure.
    CancelReason,
}

impl From<Dimension> for breakdown::Dimension {
    fn from(d: Dimension) -> Self {
        match d {
            Dimension::Category => breakdown::Dimension::Category,
            Dimension::Channel => breakdown::Dimension::Channel,
            Dimension::Project => breakdown::Dimension::Project,
            Dimension::Area => breakdown::Dimension::Area,
            Dimension::Building => breakdown::Dimension::Building,
            Dimension::Department => breakdown::Dimension::Department,
            Dimension::Assignee => breakdown::Dimension::Assignee,
            Dimension::Kind => breakdown::Dimension::Kind,
            Dimension::Severity => breakdown::Dimension::Severity,
            Dimension::CancelReason => breakdown::Dimension::CancelReason,
        }
    }
}

impl From<breakdown::Dimension> for Dimension {
    fn from(d: breakdown::Dimension) -> Self {
        match d {
            breakdown::Dimension::Category => Dimension::Category,
            breakdown::Dimension::Channel => Dimension::Channel,
            breakdown::Dimension::Project => Dimension::Project,
            breakdown::Dimension::Area => Dimension::Area,
            breakdown::Dimension::Building => Dimension::Building,
            breakdown::Dimension::Department => Dimension::Department,
            breakdown::Dimension::Assignee => Dimension::Assignee,
            breakdown::Dimension::Kind => Dimension::Kind,
            breakdown::Dimension::Severity => Dimension::Severity,
            breakdown::Dimension::CancelReason => Dimension::CancelReason,
        }
    }
}

/// An area's visit coverage in a (Beijing) month.
#[derive(Debug, Clone, Serialize, ToSchema, PartialEq)]
pub struct VisitCoverage {
    #[schema(example = "2026-12")]
    pub month: String,
    pub households: u64,
    /// Households visited at least once in the month.
    pub visited: u64,
    /// visited / households, 0–1.
    #[schema(example = 0.35)]
    pub coverage: f64,
    /// The area's plan target, 0–1.
    #[schema(example = 0.3)]
    pub target: f64,
}

impl From<area_visits::VisitCoverage> for VisitCoverage {
    fn from(c: area_visits::VisitCoverage) -> Self {
        VisitCoverage {
            month: c.month,
            households: c.households,
            visited: c.visited,
            coverage: c.coverage,
            target: c.target,
        }
    }
}

#[derive(Debug, Clone, Serialize, ToSchema, PartialEq)]
pub struct Group {
    /// The group's value: an id, an enum value, or `project_id/building`; `null` for cases without one.
    pub key: Option<String>,
    /// A readable name (category, project, area, department or person name; building with its project).
    pub label: Option<String>,
    #[serde(flatten)]
    pub figures: Figures,
    /// Only with `by=area` and a period within one month: the area's household visit coverage
    /// of that month against its target; `null` otherwise.
    pub household_coverage: Option<VisitCoverage>,
}

impl From<breakdown::Group> for Group {
    fn from(g: breakdown::Group) -> Self {
        Group {
            key: g.key,
            label: g.label,
            figures: g.figures.into(),
            household_coverage: g.household_coverage.map(VisitCoverage::from),
        }
    }
}

#[derive(Debug, Clone, Serialize, ToSchema, PartialEq)]
pub struct Breakdown {
    pub by: Dimension,
    pub period: PeriodInfo,
    pub groups: Vec<Group>,
    /// The sum of all groups (equal to the summary's figures).
    pub total: Figures,
}

impl From<breakdown::Breakdown> for Breakdown {
    fn from(b: breakdown::Breakdown) -> Self {
        Breakdown {
            by: b.by.into(),
            period: b.period.into(),
            groups: b.groups.into_iter().map(Group::from).collect(),
            total: b.total.into(),
        }
    }
}

#[derive(Debug, Clone, Serialize, ToSchema, PartialEq)]
pub struct Change {
    pub created: i64,
    pub previous_created: i64,
    /// `(created - previous) / previous`; `null` when the previous month had none.
    pub created_change: Option<f64>,
    /// Difference of satisfaction rates in percentage points.
    pub satisfaction_change_points: Option<f64>,
}

#[derive(Debug, Clone, Serialize, ToSchema, PartialEq)]
pub struct OverdueCase {
    pub id: Uuid,
    pub number: String,
    pub title: String,
    pub status: String,
    pub department: Option<String>,
    pub due_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

impl From<report::OverdueCase> for OverdueCase {
    fn from(o: report::OverdueCase) -> Self {
        OverdueCase {
            id: o.id,
            number: o.number,
            title: o.title,
            status: o.status,
            department: o.department,
            due_at: o.due_at,
            created_at: o.created_at,
        }
    }
}

#[derive(Debug, Clone, Serialize, ToSchema, PartialEq)]
pub struct MonthlyReport {
    #[schema(example = "2026-11")]
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
    pub warnings: Vec<WarningView>,
}

impl From<report::MonthlyReport> for MonthlyReport {
    fn from(r: report::MonthlyReport) -> Self {
        MonthlyReport {
            month: r.month,
            summary: r.summary.into(),
            previous_month: r.previous_month.into(),
            change: Change {
                created: r.change.created,
                previous_created: r.change.previous_created,
                created_change: r.change.created_change,
                satisfaction_change_points: r.change.satisfaction_change_points,
            },
            top_categories: r.top_categories.into_iter().map(Group::from).collect(),
            top_buildings: r.top_buildings.into_iter().map(Group::from).collect(),
            overdue: r.overdue.into_iter().map(OverdueCase::from).collect(),
            warnings_fired: r.warnings_fired,
            warnings: r.warnings.into_iter().map(WarningView::from).collect(),
        }
    }
}
