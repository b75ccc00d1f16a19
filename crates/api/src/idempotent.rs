//! `Idempotency-Key` on creates, the api's half: an answer is a response status and a JSON body,
//! kept as it is by the store ([`huiyin_store::idempotency`]) and sent again on a retry.

use actix_web::http::header::{CONTENT_TYPE, ETAG};
use actix_web::http::StatusCode;
use actix_web::HttpResponse;
use huiyin_store::idempotency::StoredAnswer;
use serde::Serialize;

use crate::extract::etag;

/// The answer to keep: `status` with `body` as JSON.
pub fn json_answer<T: Serialize>(status: StatusCode, body: &T) -> StoredAnswer {
    StoredAnswer {
        code: status.as_u16(),
        body: serde_json::to_string(body).unwrap_or_default(),
    }
}

/// Sends a kept (possibly replayed) answer as JSON; `fallback` if its code is no status.
pub fn stored_reply(answer: StoredAnswer, fallback: StatusCode) -> HttpResponse {
    HttpResponse::build(StatusCode::from_u16(answer.code).unwrap_or(fallback))
        .insert_header((CONTENT_TYPE, "application/json"))
        .body(answer.body)
}

/// [`stored_reply`] for a versioned resource: with the `ETag` of the `version` in the body (1 if none).
pub fn stored_reply_versioned(answer: StoredAnswer, fallback: StatusCode) -> HttpResponse {
    let version = serde_json::from_str::<serde_json::Value>(&answer.body)
        .ok()
        .and_then(|v| v["version"].as_i64())
        .and_then(|v| i32::try_from(v).ok())
        .unwrap_or(1);
    HttpResponse::build(StatusCode::from_u16(answer.code).unwrap_or(fallback))
        .insert_header((CONTENT_TYPE, "application/json"))
        .insert_header((ETAG, etag(version)))
        .body(answer.body)
}
