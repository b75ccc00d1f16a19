//! Runs each `/api/v1` request with its store's configuration cache (`huiyin_store::cache`),
//! tallies the SQL statements of each request (authentication included) and their time, and
//! writes one access line per request (target `huiyin::access`: status, `sql_statements`,
//! `sql_ms`, `elapsed_ms`, inside the request's span with its id, method and route) — so a slow
//! request in the JSON log says at once whether the database is where its time went. When
//! `ApiConfig::count_statements` is on, the count is also answered as `x-statement-count`: what
//! the statement-count tests read, so a change that adds round trips to a hot path fails CI.

use std::time::Instant;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::middleware::Next;
use actix_web::web;

use crate::state::AppState;

pub async fn count(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let Some(state) = req.app_data::<web::Data<AppState>>().cloned() else {
        return next.call(req).await;
    };
    let started = Instant::now();
    // The store's configuration cache for everything the request reads (`huiyin_store::cache`).
    let cache = state.store.config.clone();
    let (response, sql) = huiyin_store::statements::counted(huiyin_store::cache::scope(cache, next.call(req))).await;
    let elapsed = started.elapsed();
    let mut response = match response {
        Ok(response) => response,
        Err(error) => {
            // Errors that never became a response (the framework answers them later).
            tracing::info!(target: "huiyin::access", error = %error, sql_statements = sql.statements,
                sql_ms = millis(sql.time), elapsed_ms = millis(elapsed), "request failed");
            return Err(error);
        }
    };
    tracing::info!(target: "huiyin::access", status = response.status().as_u16(),
        sql_statements = sql.statements, sql_ms = millis(sql.time), elapsed_ms = millis(elapsed),
        "request finished");
    if state.config.count_statements {
        response.headers_mut().insert(
            HeaderName::from_static("x-statement-count"),
            HeaderValue::from(sql.statements),
        );
    }
    Ok(response)
}

/// Milliseconds with microsecond precision, as a log field.
fn millis(duration: std::time::Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}
