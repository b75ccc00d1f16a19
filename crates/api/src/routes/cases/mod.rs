//! Case endpoints: register, list and queues, detail, timeline, actions, attachments.

pub mod action_bodies;
pub mod actions;
pub mod attachments;
pub mod create_body;
pub mod link;
pub mod list_query;
pub mod views;

use actix_web::http::header::ETAG;
use actix_web::http::StatusCode;
use actix_web::{get, post, web, HttpResponse};
use huiyin_domain::case::process::{offered, ProcessSettings};
use huiyin_domain::permission::Permission;
use huiyin_store::cases::query;
use huiyin_store::cases::CaseRecord;
use huiyin_store::idempotency;
use huiyin_store::timeline;
use huiyin_store::{audit, Actor};
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use self::create_body::CreateCase;
use self::list_query::ListCases;
use self::views::{case_response, CaseEventList, CaseList, CaseResponse};
use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::extract::{etag, IdempotencyKey, Json, Query};
use crate::idempotent::{json_answer, stored_reply_versioned};
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(create).service(list).service(get_one).service(list_events);
    actions::configure(cfg);
    attachments::configure(cfg);
    link::configure(cfg);
}

/// Renders a case for `actor`, showing the customer's phone in full only with the PII
/// permission — and writing that view to the audit log.
pub async fn render(state: &AppState, actor: &Actor, record: CaseRecord) -> ApiResult<CaseResponse> {
    let show_pii = actor.may(Permission::PiiView);
    if show_pii && !record.customer_phones.is_empty() {
        audit::record(
            &state.store.db,
            actor,
            "customer.phone_viewed",
            "case",
            Some(record.case.id),
            serde_json::json!({"customer_id": record.case.customer_id, "number": record.case.number}),
        )
        .await?;
    }
    let process = huiyin_store::process::settings_of(&state.store.db, record.case.project_id).await?;
    Ok(for_actor(case_response(record, show_pii), actor, &process))
}

/// Keeps only the actions `actor`'s role may perform: `available_actions` is what the console
/// offers, so it is the state machine's list narrowed by the process (no dispatch it would
/// refuse — a case in `review` is dispatched by supervisors only; approve/reject only while a
/// cancellation waits) and by the permission table (a steward's escalation only from project
/// level).
pub fn for_actor(mut response: CaseResponse, actor: &Actor, process: &ProcessSettings) -> CaseResponse {
    let level = response.summary.level;
    let actions = std::mem::take(&mut response.available_actions);
    response.available_actions = offered(
        actions,
        process,
        response.summary.kind,
        response.summary.status,
        response.verified_at.is_some(),
        actor.role,
        response.cancel_request.is_some(),
    );
    response
        .available_actions
        .retain(|action| huiyin_domain::permission::may_act(actor.role, *action, level));
    if !actor.may(Permission::CaseDispatch) {
        response.may_link = false;
        response.may_unlink = false;
    }
    response
}

pub fn case_reply(status: StatusCode, body: &CaseResponse) -> HttpResponse {
    HttpResponse::build(status)
        .insert_header((ETAG, etag(body.summary.version)))
        .json(body)
}

/// Registers a case (登记) and gives it its number. Send an `Idempotency-Key` so that a retry
/// after a lost answer returns the same case instead of registering it twice.
#[utoipa::path(
    tag = "cases",
    request_body = CreateCase,
    params(("Idempotency-Key" = Option<String>, Header, description = "Any unique string per intended create; a retry with the same key and body returns the first answer")),
    responses((status = 201, body = CaseResponse)),
    security(("bearer" = []))
)]
#[post("/cases")]
async fn create(
    state: web::Data<AppState>,
    user: AuthUser,
    key: IdempotencyKey,
    Json(body): Json<CreateCase>,
) -> ApiResult<HttpResponse> {
    user.require(Permission::CaseCreate)?;
    let hash = idempotency::request_hash(&serde_json::to_string(&body).unwrap_or_default());
    let actor = user.0.clone();
    let show_pii = actor.may(Permission::PiiView);
    let answer = idempotency::run(&state.store.db, actor.user_id, key.0.as_deref(), &hash, async |txn| {
        // The view of the caller's phones is audited with the registration's writes.
        let numbers = state.store.numbers();
        let record = huiyin_store::cases::create::create_record(txn, &actor, body.into(), numbers, show_pii).await?;
        let process = huiyin_store::process::settings_of(txn, record.case.project_id).await?;
        let response = for_actor(case_response(record, show_pii), &actor, &process);
        Ok(json_answer(StatusCode::CREATED, &response))
    })
    .await?;
    Ok(stored_reply_versioned(answer, StatusCode::CREATED))
}

/// Cases in the caller's scope, filtered, searched and sorted, with cursor pagination that never
/// skips or repeats a case while new ones arrive. `queue` selects a console work queue.
#[utoipa::path(tag = "cases", params(ListCases), responses((status = 200, body = CaseList)), security(("bearer" = [])))]
#[get("/cases")]
async fn list(state: web::Data<AppState>, user: AuthUser, query: Query<ListCases>) -> ApiResult<HttpResponse> {
    user.require(Permission::CaseRead)?;
    if let Some(q) = query.q.as_deref().filter(|q| huiyin_store::search::probes_digits(q)) {
        let detail = serde_json::json!({"q": q, "phones_shown": user.may(Permission::PiiView)});
        audit::record(&state.store.db, &user, "case.searched", "case", None, detail).await?;
    }
    let page = query::list(&state.store.db, &user, query.into_inner().into()).await?;
    Ok(HttpResponse::Ok().json(CaseList::from(page)))
}

/// The whole case: current work order, dispatch count, visits, due times, attachments, allowed actions.
#[utoipa::path(tag = "cases", responses((status = 200, body = CaseResponse)), security(("bearer" = [])))]
#[get("/cases/{id}")]
async fn get_one(state: web::Data<AppState>, user: AuthUser, id: web::Path<Uuid>) -> ApiResult<HttpResponse> {
    user.require(Permission::CaseRead)?;
    let record = query::get(&state.store.db, &user, *id).await?;
    Ok(case_reply(StatusCode::OK, &render(&state, &user, record).await?))
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct EventsQuery {
    /// 1..=200 (default 200).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<u64>,
    pub cursor: Option<String>,
}

/// The append-only timeline, oldest first. Nothing edits or deletes an event.
#[utoipa::path(tag = "cases", params(EventsQuery), responses((status = 200, body = CaseEventList)), security(("bearer" = [])))]
#[get("/cases/{id}/events")]
async fn list_events(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
    query: Query<EventsQuery>,
) -> ApiResult<HttpResponse> {
    user.require(Permission::CaseRead)?;
    huiyin_store::cases::scope::find_visible(&state.store.db, &user, *id).await?;
    let page = timeline::list(&state.store.db, *id, false, query.limit, query.cursor.as_deref()).await?;
    Ok(HttpResponse::Ok().json(CaseEventList::from(page)))
}
