//! `POST /api/v1/leads/{id}/<action>`: each needs `If-Match: "<version>"` (428 without, 412 when
//! stale) and answers 409 when the lead's status does not allow it.

use actix_web::{post, web, HttpResponse};
use huiyin_domain::decoration::dispatch::DispatchRule;
use huiyin_domain::decoration::lead::LeadAction;
use huiyin_domain::permission::Permission;
use huiyin_store::leads::dispatch::{self, DispatchLead, Dispatched};
use huiyin_store::leads::progress::{self, FollowUp, ReportLoss};
use huiyin_store::leads::LeadRecord;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use super::render;
use super::views::{
    ConfirmLoss, DecideAttribution, DispatchLeadRequest, FollowUpRequest, LeadNote, LeadResponse, LoseLead,
};
use crate::auth::AuthUser;
use crate::error::{ApiError, ApiResult, FieldErrors};
use crate::extract::{IfMatch, Json};
use crate::routes::ok_versioned;
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(dispatch_lead)
        .service(reassign)
        .service(measure)
        .service(propose)
        .service(sign)
        .service(follow_up)
        .service(lose)
        .service(confirm_loss)
        .service(attribution);
}

async fn reply(state: &AppState, user: &AuthUser, record: LeadRecord) -> ApiResult<HttpResponse> {
    let body = render(state, user, record).await?;
    Ok(ok_versioned(&body, body.version))
}

fn rules_broken(rules: &[DispatchRule]) -> ApiError {
    let explain = |rule: DispatchRule| match rule {
        DispatchRule::Level => "the designer's grade does not take orders of this size",
        DispatchRule::DailyCap => "the designer has reached today's cap",
        DispatchRule::WeeklyCap => "the designer has reached this week's cap",
        DispatchRule::InHandCap => "the designer holds as many leads this week as the season allows",
    };
    let mut errors = FieldErrors::new();
    for rule in rules {
        errors.insert(rule.as_str().to_owned(), vec![explain(*rule).to_owned()]);
    }
    let names: Vec<&str> = rules.iter().map(|r| r.as_str()).collect();
    ApiError::Conflict {
        detail: format!(
            "dispatch refused: {} (a design manager may force it with a reason)",
            names.join(", ")
        ),
        errors,
    }
}

async fn send(
    state: &AppState,
    user: &AuthUser,
    id: Uuid,
    version: i32,
    body: DispatchLeadRequest,
    again: bool,
) -> ApiResult<HttpResponse> {
    user.require(Permission::LeadDispatch)?;
    let input = DispatchLead {
        designer_id: body.designer_id,
        force_reason: body.force.map(|f| f.reason),
        note: body.note,
    };
    match dispatch::dispatch(&state.store.db, user, id, version, input, again).await? {
        Dispatched::Done(record) => reply(state, user, *record).await,
        Dispatched::Refused(rules) => Err(rules_broken(&rules)),
    }
}

/// Dispatches a new lead to a designer. Refused with 409 naming every broken rule (`level`,
/// `daily_cap`, `weekly_cap`, `in_hand_cap`, in that order) unless a design manager forces it
/// with a reason, which is recorded. Two dispatchers racing for a designer's last slot cannot
/// both succeed.
#[utoipa::path(tag = "leads", request_body = DispatchLeadRequest, params(("If-Match" = String, Header, description = "The version you last read")),
    responses((status = 200, body = LeadResponse), (status = 409, body = crate::error::Problem, content_type = "application/problem+json", description = "Rules broken (`errors` names each) or the lead is not new")),
    security(("bearer" = [])))]
#[post("/leads/{id}/dispatch")]
async fn dispatch_lead(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
    version: IfMatch,
    Json(body): Json<DispatchLeadRequest>,
) -> ApiResult<HttpResponse> {
    send(&state, &user, *id, version.0, body, false).await
}

/// Moves a dispatched lead to another designer (after the designer explained to the customer
/// manager or design manager why not), under the same rules.
#[utoipa::path(tag = "leads", request_body = DispatchLeadRequest, params(("If-Match" = String, Header, description = "The version you last read")),
    responses((status = 200, body = LeadResponse), (status = 409, body = crate::error::Problem, content_type = "application/problem+json", description = "Rules broken (`errors` names each) or the lead cannot be reassigned in its status")), security(("bearer" = [])))]
#[post("/leads/{id}/reassign")]
async fn reassign(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
    version: IfMatch,
    Json(body): Json<DispatchLeadRequest>,
) -> ApiResult<HttpResponse> {
    send(&state, &user, *id, version.0, body, true).await
}

async fn advance(
    state: &AppState,
    user: &AuthUser,
    id: Uuid,
    version: i32,
    action: LeadAction,
    body: LeadNote,
) -> ApiResult<HttpResponse> {
    user.require(Permission::LeadProgress)?;
    let record = progress::advance(&state.store.db, user, id, version, action, body.note).await?;
    reply(state, user, record).await
}

/// The designer measured the house (量房): `dispatched → measured`.
#[utoipa::path(tag = "leads", request_body = LeadNote, params(("If-Match" = String, Header, description = "The version you last read")),
    responses((status = 200, body = LeadResponse), (status = 409, body = crate::error::Problem, content_type = "application/problem+json", description = "Not allowed in the lead's status")), security(("bearer" = [])))]
#[post("/leads/{id}/measure")]
async fn measure(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
    version: IfMatch,
    Json(body): Json<LeadNote>,
) -> ApiResult<HttpResponse> {
    advance(&state, &user, *id, version.0, LeadAction::Measure, body).await
}

/// A design proposal was presented: `measured → proposal`.
#[utoipa::path(tag = "leads", request_body = LeadNote, params(("If-Match" = String, Header, description = "The version you last read")),
    responses((status = 200, body = LeadResponse), (status = 409, body = crate::error::Problem, content_type = "application/problem+json", description = "Not allowed in the lead's status")), security(("bearer" = [])))]
#[post("/leads/{id}/propose")]
async fn propose(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
    version: IfMatch,
    Json(body): Json<LeadNote>,
) -> ApiResult<HttpResponse> {
    advance(&state, &user, *id, version.0, LeadAction::Propose, body).await
}

/// The contract was signed: `measured | proposal → signed`.
#[utoipa::path(tag = "leads", request_body = LeadNote, params(("If-Match" = String, Header, description = "The version you last read")),
    responses((status = 200, body = LeadResponse), (status = 409, body = crate::error::Problem, content_type = "application/problem+json", description = "Not allowed in the lead's status")), security(("bearer" = [])))]
#[post("/leads/{id}/sign")]
async fn sign(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
    version: IfMatch,
    Json(body): Json<LeadNote>,
) -> ApiResult<HttpResponse> {
    advance(&state, &user, *id, version.0, LeadAction::Sign, body).await
}

/// Records a call-back; the next one is due by the cadence (visited the store: daily; valid
/// intent: every 3 days; intent: every 7) or the agreed `next_on` when sooner.
#[utoipa::path(tag = "leads", request_body = FollowUpRequest, params(("If-Match" = String, Header, description = "The version you last read")),
    responses((status = 200, body = LeadResponse), (status = 409, body = crate::error::Problem, content_type = "application/problem+json", description = "The lead is closed")), security(("bearer" = [])))]
#[post("/leads/{id}/follow-up")]
async fn follow_up(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
    version: IfMatch,
    Json(body): Json<FollowUpRequest>,
) -> ApiResult<HttpResponse> {
    user.require(Permission::LeadProgress)?;
    let input = FollowUp {
        channel: body.channel,
        note: body.note,
        next_on: body.next_on,
        intent: body.intent,
    };
    let record = progress::follow_up(&state.store.db, &user, *id, version.0, input).await?;
    reply(&state, &user, record).await
}

/// Reports a lead lost (跑单) with the customer's own statement → `lost_pending`. `invalid` only
/// before measuring, `failed_signing` only after (409 otherwise).
#[utoipa::path(tag = "leads", request_body = LoseLead, params(("If-Match" = String, Header, description = "The version you last read")),
    responses((status = 200, body = LeadResponse), (status = 409, body = crate::error::Problem, content_type = "application/problem+json", description = "The kind does not fit the lead's stage (invalid after measuring, failed signing before) or the lead is already lost")), security(("bearer" = [])))]
#[post("/leads/{id}/lose")]
async fn lose(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
    version: IfMatch,
    Json(body): Json<LoseLead>,
) -> ApiResult<HttpResponse> {
    user.require(Permission::LeadDispatch)?;
    let input = ReportLoss {
        kind: body.kind,
        reason: body.reason,
        customer_statement: body.customer_statement,
    };
    let record = progress::report_loss(&state.store.db, &user, *id, version.0, input).await?;
    reply(&state, &user, record).await
}

/// The design manager's second call: `confirm: true` closes the lead as `lost`, `false` returns
/// it to its previous status. Someone other than the reporter must confirm.
#[utoipa::path(tag = "leads", request_body = ConfirmLoss, params(("If-Match" = String, Header, description = "The version you last read")),
    responses((status = 200, body = LeadResponse), (status = 409, body = crate::error::Problem, content_type = "application/problem+json", description = "The lead is not awaiting loss confirmation")), security(("bearer" = [])))]
#[post("/leads/{id}/lose/confirm")]
async fn confirm_loss(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
    version: IfMatch,
    Json(body): Json<ConfirmLoss>,
) -> ApiResult<HttpResponse> {
    user.require(Permission::LeadDecide)?;
    let record = progress::confirm(&state.store.db, &user, *id, version.0, body.confirm, body.note).await?;
    reply(&state, &user, record).await
}

/// The customer manager decides a disputed attribution (who brought the customer), recorded.
#[utoipa::path(tag = "leads", request_body = DecideAttribution, params(("If-Match" = String, Header, description = "The version you last read")),
    responses((status = 200, body = LeadResponse)), security(("bearer" = [])))]
#[post("/leads/{id}/attribution")]
async fn attribution(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
    version: IfMatch,
    Json(body): Json<DecideAttribution>,
) -> ApiResult<HttpResponse> {
    user.require(Permission::LeadCreate)?;
    let record =
        progress::decide_attribution(&state.store.db, &user, *id, version.0, body.brought_by, body.note).await?;
    reply(&state, &user, record).await
}
