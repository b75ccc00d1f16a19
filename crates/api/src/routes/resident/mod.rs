//! The residents' API for the mobile app (tag `resident`): activation, own properties, reporting
//! and following own cases, photos, rating and withdrawing. Every endpoint but activation takes
//! a resident access token (`ResidentUser`); staff tokens get 403 here, as resident tokens do on
//! staff endpoints. Also the staff endpoint that issues a resident's activation code.

pub mod account;
pub mod bodies;
pub mod cases;
pub mod profile;
pub mod views;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn configure(cfg: &mut ServiceConfig) {
    account::configure(cfg);
    profile::configure(cfg);
    cases::configure(cfg);
}
