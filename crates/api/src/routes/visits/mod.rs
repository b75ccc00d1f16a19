//! The return-visit worklist: scheduled contact, outcome and satisfaction visits.

pub mod views;

use actix_web::{get, post, put, web, HttpResponse};
use huiyin_domain::permission::Permission;
use huiyin_domain::steward::visits_by::{VisitSettings, VisitsBy};
use huiyin_store::visits;
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use self::views::{RecordVisitCheck, ScheduledVisitView, VisitQuery};
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
    let page = visits::list(&state.store.db, &user, &query.into_inner().into()).await?;
    Ok(HttpResponse::Ok().json(ScheduledVisitList::from(page)))
}

/// Records what a visit found (`outcome`): a contact check `contacted` | `not_contacted`; an
/// outcome check `done` | `not_done` (the case is dispatched again to its department, 二次派单)
/// | `unreachable`; a satisfaction visit one of the four levels | `unreachable` (recorded as the
/// case's `visit` action). `unreachable` schedules another try after the project's
/// `retry_delay_hours`; after `max_tries` the visit is closed as unreachable. Old clients may
/// send `reached` instead of `outcome` on the two checks.
#[utoipa::path(tag = "visits", request_body = RecordVisitCheck, responses((status = 200, body = ScheduledVisitView),
    (status = 403, body = crate::error::Problem, content_type = "application/problem+json", description = "Not allowed to record visits"),
    (status = 404, body = crate::error::Problem, content_type = "application/problem+json", description = "No such visit in your scope"),
    (status = 409, body = crate::error::Problem, content_type = "application/problem+json", description = "Already recorded (`status`), too early (`due_at`: more than the project's margin before it is due), or the case cannot take the visit now"),
    (status = 412, body = crate::error::Problem, content_type = "application/problem+json", description = "The case changed at the same moment; read the visit again"),
    (status = 422, body = crate::error::Problem, content_type = "application/problem+json", description = "An outcome this visit cannot record (`outcome`), or `reached` contradicting it")),
    security(("bearer" = [])))]
#[post("/visits/{id}/record")]
async fn record(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
    Json(body): Json<RecordVisitCheck>,
) -> ApiResult<HttpResponse> {
    user.require(Permission::CaseReply)?;
    let saved = visits::record(&state.store.db, &user, *id, body.into()).await?;
    Ok(HttpResponse::Ok().json(ScheduledVisitView::from(saved)))
}

/// A project's return-visit settings with its project.
#[derive(Debug, Serialize, ToSchema)]
pub struct VisitSettingsResponse {
    pub project_id: Uuid,
    /// `steward`: return visits of repairs in an area are assigned to the area's steward.
    pub visits_by: VisitsBy,
    /// Hours until an unreachable customer is tried again.
    pub retry_delay_hours: u32,
    /// Tries (the first included) before a visit is closed as unreachable.
    pub max_tries: u32,
    /// How long before it falls due a check may be recorded.
    pub early_margin_hours: u32,
    /// Beijing days within which a repair of the same property and category repeats a closed one (二次报修).
    pub repeat_window_days: u32,
}

impl VisitSettingsResponse {
    fn of(project_id: Uuid, s: VisitSettings) -> Self {
        VisitSettingsResponse {
            project_id,
            visits_by: s.visits_by,
            retry_delay_hours: s.retry_delay_hours,
            max_tries: s.max_tries,
            early_margin_hours: s.early_margin_hours,
            repeat_window_days: s.repeat_window_days,
        }
    }
}

/// The project's return-visit settings: who makes the visits of repairs in an area
/// (`service_desk` until saved, `ETag` `"0"` then), retries of unreachable customers, the
/// early-record margin and the repeat-repair window (defaults 4 h, 3 tries, 2 h, 30 days).
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
    Ok(ok_versioned(&VisitSettingsResponse::of(*project_id, found), version))
}

/// Saves the settings (the project's managers); visits scheduled from now on follow them.
/// Fields left out take their defaults; one out of range is a 422 naming it.
#[utoipa::path(tag = "visits", request_body = VisitSettings,
    params(("If-Match" = String, Header, description = "The setting version you last read (\"0\" the first time)")),
    responses((status = 200, body = VisitSettingsResponse),
        (status = 422, body = crate::error::Problem, content_type = "application/problem+json", description = "A setting out of range (named in `errors`)")),
    security(("bearer" = [])))]
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
    Ok(ok_versioned(&VisitSettingsResponse::of(*project_id, body), saved))
}
