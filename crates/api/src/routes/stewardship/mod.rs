//! Area stewardship (片区管家): visit plans, household visits and coverage, the steward's
//! worklist, patrol routes and patrols, photos of both, public notices, and the residents' view
//! (published notices, their steward's contact).

pub mod notices;
pub mod patrols;
pub mod photos;
pub mod resident;
pub mod visits;

use huiyin_domain::steward::month::Month;
use utoipa_actix_web::service_config::ServiceConfig;

use crate::error::{ApiError, ApiResult};

pub fn configure(cfg: &mut ServiceConfig) {
    visits::configure(cfg);
    patrols::configure(cfg);
    photos::configure(cfg);
    notices::configure(cfg);
    resident::configure(cfg);
}

/// `?month=YYYY-MM`, or the current Beijing month.
pub fn month_param(month: Option<&str>) -> ApiResult<Month> {
    match month {
        None => Ok(Month::of(huiyin_store::now())),
        Some(text) => Month::parse(text).ok_or_else(|| ApiError::invalid("month", "use the form YYYY-MM")),
    }
}
