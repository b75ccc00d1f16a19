//! The return-visit worklist: scheduled contact, outcome and satisfaction visits.

use actix_web::{get, post, put, web, HttpResponse};
use huiyin_domain::permission::Permission;
use huiyin_domain::steward::visits_by::{VisitSettings, VisitsBy};
use huiyin_store::visits::{self, RecordVisitCheck, ScheduledVisitView, VisitQuery};
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use super::ok_versioned;
use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::extract::{IfMatch, Json, Query};
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list)
        .service(record)
        .service(get_settings)
        .service(put_settings);
}

crate::list_response!(ScheduledVisitList, ScheduledVisitView);

/// `status=due` (default: not yet done, soonest first), `overdue` (not done and past due) or
/// `done` (newest first). Only visits of cases you see (handlers: their department's; stewards:
/// their areas'); `assignee_id` narrows to one person's queue.
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

/// A project's return-visit setting with its project.
#[derive(Debug, Serialize, ToSchema)]
pub struct VisitSettingsResponse {
    pub project_id: Uuid,
    /// `steward`: return visits of repairs in an area are assigned to the area's steward.
    pub visits_by: VisitsBy,
}

/// Who makes the project's return visits of repairs in an area (`service_desk` until saved,
/// `ETag` `"0"` then).
#[utoipa::path(tag = "visits", responses((status = 200, body = VisitSettingsResponse)), security(("bearer" = [])))]
#[get("/visit-settings/{project_id}")]
async fn get_settings(
    state: web::Data<AppState>,
    user: AuthUser,
    project_id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    user.require(Permission::CaseRead)?;
    user.require_project(*project_id)?;
    let (found, version) = visits::settings::get(&state.store.db, *project_id).await?;
    Ok(ok_versioned(
        &VisitSettingsResponse {
            project_id: *project_id,
            visits_by: found.visits_by,
        },
        version,
    ))
}

/// Saves the setting (the project's managers); visits scheduled from now on follow it.
#[utoipa::path(tag = "visits", request_body = VisitSettings,
    params(("If-Match" = String, Header, description = "The setting version you last read (\"0\" the first time)")),
    responses((status = 200, body = VisitSettingsResponse)), security(("bearer" = [])))]
#[put("/visit-settings/{project_id}")]
async fn put_settings(
    state: web::Data<AppState>,
    user: AuthUser,
    project_id: web::Path<Uuid>,
    version: IfMatch,
    Json(body): Json<VisitSettings>,
) -> ApiResult<HttpResponse> {
    user.require(Permission::OrgManage)?;
    let saved = visits::settings::put(&state.store.db, &user, *project_id, body, version.0).await?;
    Ok(ok_versioned(
        &VisitSettingsResponse {
            project_id: *project_id,
            visits_by: body.visits_by,
        },
        saved,
    ))
}
