//! The residents' API for the mobile app (tag `resident`): activation, own properties, reporting
//! and following own cases, photos, rating and withdrawing. Every endpoint but activation takes
//! a resident access token (`ResidentUser`); staff tokens get 403 here, as resident tokens do on
//! staff endpoints. Also the staff endpoint that issues a resident's activation code.

pub mod account;
pub mod cases;
pub mod profile;
pub mod views;

use actix_web::http::header::CONTENT_TYPE;
use actix_web::http::StatusCode;
use actix_web::HttpResponse;
use huiyin_store::idempotency::Answer;
use utoipa_actix_web::service_config::ServiceConfig;

pub fn configure(cfg: &mut ServiceConfig) {
    account::configure(cfg);
    profile::configure(cfg);
    cases::configure(cfg);
}

/// Sends a stored (possibly replayed) answer as JSON.
fn answer_reply(answer: Answer, default: StatusCode) -> HttpResponse {
    HttpResponse::build(StatusCode::from_u16(answer.status).unwrap_or(default))
        .insert_header((CONTENT_TYPE, "application/json"))
        .body(answer.body)
}
