//! The resident's own cases: report (with `Idempotency-Key`, at most N a day), list, follow,
//! attach photos, rate the result, withdraw before dispatch.

use std::cell::Cell;

use actix_multipart::Multipart;
use actix_web::http::header;
use actix_web::http::StatusCode;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use huiyin_domain::case::TransitionError;
use huiyin_store::idempotency;
use huiyin_store::residents::cases::{self, Reported};
use huiyin_store::residents::changes;
use huiyin_store::StoreError;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use super::bodies::{ListResidentCases, RateCase, ReportCase, WithdrawCase};
use super::views::{self, ResidentAttachment, ResidentCaseList, ResidentCaseResponse};
use crate::auth::resident::ResidentUser;
use crate::error::{ApiError, ApiResult};
use crate::extract::{IdempotencyKey, Json, Query};
use crate::idempotent::{json_answer, stored_reply};
use crate::routes::cases::attachments::{read_file_part, serve_file, store_file, UploadForm};
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(report)
        .service(list)
        .service(get_one)
        .service(upload)
        .service(download)
        .service(rate)
        .service(withdraw);
}

/// What a request is remembered as under its `Idempotency-Key`: the endpoint, the case and the
/// body, so the same key sent to another endpoint is refused rather than replayed.
fn request_hash(what: &str, id: Option<Uuid>, body: &impl serde::Serialize) -> String {
    let body = serde_json::to_string(body).unwrap_or_default();
    let id = id.map(|i| i.to_string()).unwrap_or_default();
    idempotency::request_hash(&format!("{what} {id}\n{body}"))
}

/// A refused rating or withdrawal, worded for the resident (still 409 with `current_status`).
fn refused(err: StoreError, why: &str) -> ApiError {
    match err {
        StoreError::Transition(TransitionError::NotAllowed { status, .. }) => ApiError::InvalidTransition {
            detail: format!("the case is {status}: {why}"),
            current_status: status.as_str().to_owned(),
        },
        other => other.into(),
    }
}

const RATE_WHEN: &str = "it can be rated once it is resolved, once per resolution";
const WITHDRAW_WHEN: &str = "only a report that is not dispatched yet can be withdrawn; please call customer service";

/// Reports a case (complaint, repair, inquiry, suggestion or praise) about one of your
/// properties. The channel is `app` and the customer is you.
///
/// Send an `Idempotency-Key` (e.g. a UUID generated when the user taps "send"): if the answer is
/// lost and the app retries with the same key and body, it gets the first answer again instead
/// of a second case. At most 10 new cases per day (Beijing time; configurable) — beyond that the
/// answer is 429 with `Retry-After` (seconds until midnight).
#[utoipa::path(
    tag = "resident", operation_id = "resident_report_case",
    request_body = ReportCase,
    params(("Idempotency-Key" = Option<String>, Header, description = "1-200 visible ASCII characters, unique per intended report")),
    responses(
        (status = 201, body = ResidentCaseResponse),
        (status = 422, body = crate::error::Problem, content_type = "application/problem+json",
            description = "Validation failed, e.g. `property_id` is not one of your properties",
            example = json!({"type": "/problems/validation", "title": "Your request is not valid", "status": 422,
                "detail": "property_id: is not one of your properties", "errors": {"property_id": ["is not one of your properties"]}})),
        (status = 429, body = crate::error::Problem, content_type = "application/problem+json", description = "Daily limit reached",
            headers(("Retry-After" = u64, description = "Seconds until you may report again")))
    ),
    security(("bearer" = []))
)]
#[post("/resident/cases")]
async fn report(
    state: web::Data<AppState>,
    user: ResidentUser,
    key: IdempotencyKey,
    Json(body): Json<ReportCase>,
) -> ApiResult<HttpResponse> {
    let hash = request_hash("report", None, &body);
    let actor = user.actor().clone();
    let limit = state.config.resident_daily_case_limit;
    // The daily limit is decided inside the idempotent transaction (so a retry of an earlier
    // report still replays) but must not be remembered as that key's answer: it is signalled
    // out of band and the transaction rolled back.
    let limited = Cell::new(None);
    let answer =
        idempotency::run(
            &state.store.db,
            actor.user_id,
            key.0.as_deref(),
            &hash,
            async |txn| match cases::report(txn, &actor, body.into(), limit).await? {
                Reported::Created(created) => {
                    let detail = cases::detail(txn, &actor, *created).await?;
                    Ok(json_answer(StatusCode::CREATED, &views::case_response(detail)))
                }
                Reported::LimitReached { retry_after_secs } => {
                    limited.set(Some(retry_after_secs));
                    Err(StoreError::Forbidden("daily limit reached".into()))
                }
            },
        )
        .await;
    if let Some(retry_after_secs) = limited.get() {
        return Err(ApiError::TooManyRequests { retry_after_secs });
    }
    Ok(stored_reply(answer?, StatusCode::CREATED))
}

/// Your cases, newest first, including those you reported by phone or in person.
#[utoipa::path(tag = "resident", operation_id = "resident_list_cases", params(ListResidentCases), responses((status = 200, body = ResidentCaseList)), security(("bearer" = [])))]
#[get("/resident/cases")]
async fn list(
    state: web::Data<AppState>,
    user: ResidentUser,
    query: Query<ListResidentCases>,
) -> ApiResult<HttpResponse> {
    let page = cases::list(&state.store.db, user.actor(), query.into_inner().into()).await?;
    Ok(HttpResponse::Ok().json(ResidentCaseList {
        items: page.items.iter().map(views::summary).collect(),
        next_cursor: page.next_cursor,
    }))
}

/// One of your cases: where it stands, its due time, the public steps of its timeline and your
/// photos. Another resident's case is 404.
#[utoipa::path(tag = "resident", operation_id = "resident_get_case", responses((status = 200, body = ResidentCaseResponse)), security(("bearer" = [])))]
#[get("/resident/cases/{id}")]
async fn get_one(state: web::Data<AppState>, user: ResidentUser, id: web::Path<Uuid>) -> ApiResult<HttpResponse> {
    let detail = cases::get(&state.store.db, user.actor(), *id).await?;
    Ok(HttpResponse::Ok().json(views::case_response(detail)))
}

/// Attaches a photo (JPEG, PNG, WebP) or PDF to one of your cases, as multipart form data with
/// one part named `file`. The type is recognised from the bytes; 10 MiB at most (configurable).
#[utoipa::path(
    tag = "resident", operation_id = "resident_upload_attachment",
    request_body(content = UploadForm, content_type = "multipart/form-data"),
    responses(
        (status = 201, body = ResidentAttachment),
        (status = 409, body = crate::error::Problem, content_type = "application/problem+json", description = "The case is closed or cancelled, or carries the most attachments allowed"),
        (status = 413, body = crate::error::Problem, content_type = "application/problem+json", description = "Too large"),
        (status = 415, body = crate::error::Problem, content_type = "application/problem+json", description = "Not a JPEG, PNG, WebP or PDF")
    ),
    security(("bearer" = []))
)]
#[post("/resident/cases/{id}/attachments")]
async fn upload(
    req: HttpRequest,
    state: web::Data<AppState>,
    user: ResidentUser,
    id: web::Path<Uuid>,
    payload: web::Payload,
) -> ApiResult<HttpResponse> {
    huiyin_store::cases::attachments::check_room(&state.store.db, user.actor(), *id, state.config.attachments_per_case)
        .await?;
    let limit = state.config.attachment_limit;
    let declared = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|n| n > limit + 64 * 1024) {
        return Err(ApiError::PayloadTooLarge(format!(
            "attachments are limited to {} MiB",
            limit / 1024 / 1024
        )));
    }
    let (name, bytes) = read_file_part(Multipart::new(req.headers(), payload), limit).await?;
    let saved = store_file(&state, user.actor(), *id, &name, bytes).await?;
    Ok(HttpResponse::Created().json(views::attachment(saved)))
}

/// Downloads a photo or document you attached to one of your cases.
#[utoipa::path(
    tag = "resident",
    operation_id = "resident_download_attachment",
    responses((status = 200, description = "The file, with the content type it was recognised as on upload", content(
        (Vec<u8> = "image/jpeg"),
        (Vec<u8> = "image/png"),
        (Vec<u8> = "image/webp"),
        (Vec<u8> = "application/pdf")
    ))),
    security(("bearer" = []))
)]
#[get("/resident/cases/{id}/attachments/{attachment_id}")]
async fn download(
    req: HttpRequest,
    state: web::Data<AppState>,
    user: ResidentUser,
    path: web::Path<(Uuid, Uuid)>,
) -> ApiResult<HttpResponse> {
    let (case_id, attachment_id) = path.into_inner();
    let found = cases::own_attachment(&state.store.db, user.actor(), case_id, attachment_id).await?;
    serve_file(&req, &state, &found).await
}

/// Rates how your case was handled, once it is resolved (`can_rate`): your rating is the return
/// visit (回访). Satisfied or better closes the case; dissatisfied or worse sends it back to the
/// department for a second fix (二次派单), and you can rate again once that is resolved.
/// One rating per resolution: rating again before the next resolution is 409. Accepts
/// `Idempotency-Key`, so a retried rating gets the first answer.
#[utoipa::path(
    tag = "resident", operation_id = "resident_rate_case",
    request_body = RateCase,
    params(("Idempotency-Key" = Option<String>, Header, description = "Optional; a retry with the same key and body gets the first answer")),
    responses(
        (status = 200, body = ResidentCaseResponse),
        (status = 409, body = crate::error::Problem, content_type = "application/problem+json",
            description = "Not resolved, or already rated for this resolution (`current_status` says where it stands)",
            example = json!({"type": "/problems/invalid_transition", "title": "Action not allowed in the current status",
                "status": 409, "detail": "the case is closed: it can be rated once it is resolved, once per resolution",
                "current_status": "closed"}))
    ),
    security(("bearer" = []))
)]
#[post("/resident/cases/{id}/rating")]
async fn rate(
    state: web::Data<AppState>,
    user: ResidentUser,
    id: web::Path<Uuid>,
    key: IdempotencyKey,
    Json(body): Json<RateCase>,
) -> ApiResult<HttpResponse> {
    let id = *id;
    let hash = request_hash("rating", Some(id), &body);
    let actor = user.actor().clone();
    let answer = idempotency::run(&state.store.db, actor.user_id, key.0.as_deref(), &hash, async |txn| {
        let saved = changes::rate(txn, &actor, id, body.satisfaction, body.comment).await?;
        let detail = cases::detail(txn, &actor, saved).await?;
        Ok(json_answer(StatusCode::OK, &views::case_response(detail)))
    })
    .await
    .map_err(|e| refused(e, RATE_WHEN))?;
    Ok(stored_reply(answer, StatusCode::OK))
}

/// Withdraws your report while it has not been dispatched yet (`can_withdraw`); afterwards
/// (409) call customer service. Accepts `Idempotency-Key`.
#[utoipa::path(
    tag = "resident", operation_id = "resident_withdraw_case",
    request_body = WithdrawCase,
    params(("Idempotency-Key" = Option<String>, Header, description = "Optional; a retry with the same key and body gets the first answer")),
    responses(
        (status = 200, body = ResidentCaseResponse),
        (status = 409, body = crate::error::Problem, content_type = "application/problem+json",
            description = "Already dispatched (or closed, or withdrawn)",
            example = json!({"type": "/problems/invalid_transition", "title": "Action not allowed in the current status",
                "status": 409, "detail": "the case is dispatched: only a report that is not dispatched yet can be withdrawn; please call customer service",
                "current_status": "dispatched"}))
    ),
    security(("bearer" = []))
)]
#[post("/resident/cases/{id}/withdraw")]
async fn withdraw(
    state: web::Data<AppState>,
    user: ResidentUser,
    id: web::Path<Uuid>,
    key: IdempotencyKey,
    Json(body): Json<WithdrawCase>,
) -> ApiResult<HttpResponse> {
    let id = *id;
    let hash = request_hash("withdraw", Some(id), &body);
    let actor = user.actor().clone();
    let answer = idempotency::run(&state.store.db, actor.user_id, key.0.as_deref(), &hash, async |txn| {
        let saved = changes::withdraw(txn, &actor, id, body.note).await?;
        let detail = cases::detail(txn, &actor, saved).await?;
        Ok(json_answer(StatusCode::OK, &views::case_response(detail)))
    })
    .await
    .map_err(|e| refused(e, WITHDRAW_WHEN))?;
    Ok(stored_reply(answer, StatusCode::OK))
}
