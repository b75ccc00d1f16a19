//! Runs each `/api/v1` request with its store's configuration cache (`huiyin_store::cache`) and
//! counts the SQL statements of each request (authentication included) and, when
//! `ApiConfig::count_statements` is on, reports them as `x-statement-count` — what the
//! statement-count tests read, so a change that adds round trips to a hot path fails CI.

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
    // The store's configuration cache for everything the request reads (`huiyin_store::cache`).
    let cache = state.store.config.clone();
    if !state.config.count_statements {
        return huiyin_store::cache::scope(cache, next.call(req)).await;
    }
    let (response, statements) =
        huiyin_store::statements::counted(huiyin_store::cache::scope(cache, next.call(req))).await;
    let mut response = response?;
    response.headers_mut().insert(
        HeaderName::from_static("x-statement-count"),
        HeaderValue::from(statements),
    );
    Ok(response)
}
