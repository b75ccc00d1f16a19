//! Area stewardship (片区管家): visit plans, household visits and coverage, the steward's
//! worklist, patrol routes and patrols, photos of both, public notices, and the residents' view
//! (published notices, their steward's contact).

pub mod notices;
pub mod patrols;
pub mod photos;
pub mod resident;
pub mod visits;

use actix_web::http::header::CONTENT_TYPE;
use actix_web::http::StatusCode;
use actix_web::HttpResponse;
use huiyin_domain::steward::month::Month;
use huiyin_store::idempotency::Answer;
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

/// Sends a stored (possibly replayed) create answer.
pub fn created_answer(answer: Answer) -> HttpResponse {
    HttpResponse::build(StatusCode::from_u16(answer.status).unwrap_or(StatusCode::CREATED))
        .insert_header((CONTENT_TYPE, "application/json"))
        .body(answer.body)
}

/// A JSON body for an idempotency answer.
pub fn json_answer<T: serde::Serialize>(status: u16, body: &T) -> Answer {
    Answer {
        status,
        body: serde_json::to_string(body).unwrap_or_default(),
    }
}
