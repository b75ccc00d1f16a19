//! The return-visit worklist: scheduled contact, outcome and satisfaction visits.

use actix_web::{get, post, web, HttpResponse};
use huiyin_domain::permission::Permission;
use huiyin_store::visits::{self, RecordVisitCheck, ScheduledVisitView, VisitQuery};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::extract::{Json, Query};
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list).service(record);
}

crate::list_response!(ScheduledVisitList, ScheduledVisitView);

/// `status=due` (default: not yet done, soonest first), `overdue` (not done and past due) or
/// `done` (newest first).
#[utoipa::path(tag = "visits", params(VisitQuery), responses((status = 200, body = ScheduledVisitList)), security(("bearer" = [])))]
#[get("/visits")]
async fn list(state: web::Data<AppState>, user: AuthUser, query: Query<VisitQuery>) -> ApiResult<HttpResponse> {
    user.require(Permission::CaseRead)?;
    let page = visits::list(&state.store.db, &user, &query).await?;
    Ok(HttpResponse::Ok().json(ScheduledVisitList::from(page)))
}

/// Records a contact or outcome check (409 for a satisfaction visit: use the case's `visit` action).
#[utoipa::path(tag = "visits", request_body = RecordVisitCheck, responses((status = 200, body = ScheduledVisitView), (status = 409, body = crate::error::Problem, content_type = "application/problem+json", description = "Already recorded, or a satisfaction visit (record it with the case's visit action)")), security(("bearer" = [])))]
#[post("/visits/{id}/record")]
async fn record(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
    Json(body): Json<RecordVisitCheck>,
) -> ApiResult<HttpResponse> {
    user.require(Permission::CaseReply)?;
    let saved = visits::record(&state.store.db, &user, *id, body).await?;
    Ok(HttpResponse::Ok().json(saved))
}
