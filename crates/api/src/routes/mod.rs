//! HTTP handlers, one module per resource; each exposes `configure`.

pub mod api_keys;
pub mod arrears;
pub mod audit;
pub mod auth;
pub mod cases;
pub mod categories;
pub mod customers;
pub mod handovers;
pub mod health;
pub mod jobs;
pub mod knowledge;
pub mod leads;
pub mod notifications;
pub mod org;
pub mod process;
pub mod reply_templates;
pub mod resident;
pub mod sla;
pub mod stats;
pub mod stewardship;
pub mod visits;
pub mod warnings;
pub mod webhooks;
pub mod works;

use actix_web::http::header::ETAG;
use actix_web::HttpResponse;
use serde::Serialize;

use crate::extract::etag;

/// 200 with the body and its version as `ETag`.
pub fn ok_versioned<T: Serialize>(body: &T, version: i32) -> HttpResponse {
    HttpResponse::Ok().insert_header((ETAG, etag(version))).json(body)
}

/// 201 with the body and its version as `ETag`.
pub fn created_versioned<T: Serialize>(body: &T, version: i32) -> HttpResponse {
    HttpResponse::Created().insert_header((ETAG, etag(version))).json(body)
}
