//! The visit coverage beside each area of the breakdown by area: the area's households
//! visited in the month against its plan's target (the stewardship figures, not a second count).

use std::collections::HashMap;

use chrono::Datelike;
use huiyin_domain::stats::Period;
use huiyin_domain::steward::month::Month;
use sea_orm::ConnectionTrait;

use super::StatsFilter;
use crate::stewardship::coverage::AreaCoverage;
use crate::stewardship::coverage_by_area::in_projects;
use crate::StoreResult;

/// An area's visit coverage in a (Beijing) month.
#[derive(Debug, Clone, PartialEq)]
pub struct VisitCoverage {
    pub month: String,
    pub households: u64,
    /// Households visited at least once in the month.
    pub visited: u64,
    /// visited / households, 0–1.
    pub coverage: f64,
    /// The area's plan target, 0–1.
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

/// Each area's visit coverage by the area's id, when the period lies in one month (coverage
/// is counted per month); empty otherwise.
pub async fn by_area(db: &impl ConnectionTrait, filter: &StatsFilter) -> StoreResult<HashMap<String, VisitCoverage>> {
    let Some(month) = single_month(&filter.period) else {
        return Ok(HashMap::new());
    };
    let areas = in_projects(
        db,
        filter.allowed_projects.as_deref(),
        filter.project_id,
        filter.area_id,
        month,
    )
    .await?;
    Ok(areas
        .iter()
        .map(|a| (a.area.id.to_string(), VisitCoverage::from(a)))
        .collect())
}
