//! The visit coverage beside each area of `/stats/breakdown?by=area`: the area's households
//! visited in the month against its plan's target (the stewardship figures, not a second count).

use chrono::Datelike;
use huiyin_domain::stats::Period;
use huiyin_domain::steward::month::Month;
use sea_orm::ConnectionTrait;
use serde::Serialize;
use utoipa::ToSchema;

use super::breakdown::Group;
use super::StatsFilter;
use crate::stewardship::coverage::{in_projects, AreaCoverage};
use crate::StoreResult;

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

impl From<&AreaCoverage> for VisitCoverage {
    fn from(c: &AreaCoverage) -> Self {
        VisitCoverage {
            month: c.month.to_string(),
            households: c.figures.households,
            visited: c.figures.visited,
            coverage: c.figures.coverage,
            target: c.target,
        }
    }
}

/// The month a period lies in, when it lies in one (coverage is counted per month).
pub fn single_month(period: &Period) -> Option<Month> {
    let same = period.from.year() == period.to.year() && period.from.month() == period.to.month();
    same.then(|| Month {
        year: period.from.year(),
        month: period.from.month(),
    })
}

/// Sets `household_coverage` on every area group when the period lies in one month.
pub async fn attach(db: &impl ConnectionTrait, filter: &StatsFilter, groups: &mut [Group]) -> StoreResult<()> {
    let Some(month) = single_month(&filter.period) else {
        return Ok(());
    };
    let areas = in_projects(
        db,
        filter.allowed_projects.as_deref(),
        filter.project_id,
        filter.area_id,
        month,
    )
    .await?;
    for group in groups.iter_mut() {
        let Some(key) = group.key.as_deref() else { continue };
        if let Some(found) = areas.iter().find(|a| a.area.id.to_string() == key) {
            group.household_coverage = Some(VisitCoverage::from(found));
        }
    }
    Ok(())
}
