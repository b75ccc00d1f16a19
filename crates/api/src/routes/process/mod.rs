//! A project's process settings (`/projects/{id}/settings`) and the routing rules
//! (`/routing-rules`), issue #19. Administrators (`config_manage`) change them; anyone who sees
//! the project reads them.

use actix_web::{delete, get, post, put, web, HttpResponse};
use huiyin_domain::case::process::{DispatchBy, ProcessSettings, VerifyDeadline};
use huiyin_domain::permission::Permission;
use huiyin_store::process::routing;
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use super::{created_versioned, ok_versioned};
use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::extract::{IfMatch, Json, Query};
use crate::state::AppState;

mod views;

pub use views::{ListRoutingRules, MatchRoutingRule, RoutingProposal, RoutingRuleInput, RoutingRuleView};

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(get_settings)
        .service(put_settings)
        .service(list_rules)
        .service(match_rule)
        .service(create_rule)
        .service(get_rule)
        .service(update_rule)
        .service(delete_rule);
}

/// A project's process settings with its project. The fields are spelled out rather than
/// flattened: `ProcessSettings` is a closed schema (unknown fields refused on PUT), and an
/// `allOf` with it would forbid `project_id` in this answer (Schemathesis found the mismatch).
#[derive(Debug, Serialize, ToSchema)]
pub struct ProcessSettingsResponse {
    pub project_id: Uuid,
    /// A complaint is verified before it is dispatched (complaints only).
    pub verify_before_dispatch: bool,
    /// Who may dispatch a complaint.
    pub dispatch_by: DispatchBy,
    /// How the verification deadline of the project's cases is set (every kind).
    pub verify_deadline: VerifyDeadline,
}

impl ProcessSettingsResponse {
    fn of(project_id: Uuid, settings: ProcessSettings) -> Self {
        ProcessSettingsResponse {
            project_id,
            verify_before_dispatch: settings.verify_before_dispatch,
            dispatch_by: settings.dispatch_by,
            verify_deadline: settings.verify_deadline,
        }
    }
}

/// The project's process settings (the defaults until saved, `ETag` `"0"` then): complaints
/// verified before dispatch, dispatched by a supervisor, verified by the end of the business day.
#[utoipa::path(tag = "organisation", responses((status = 200, body = ProcessSettingsResponse),
    (status = 404, body = crate::error::Problem, content_type = "application/problem+json", description = "No such project, or not yours")),
    security(("bearer" = [])))]
#[get("/projects/{id}/settings")]
async fn get_settings(state: web::Data<AppState>, user: AuthUser, id: web::Path<Uuid>) -> ApiResult<HttpResponse> {
    user.require(Permission::OrgRead)?;
    let (settings, version) = huiyin_store::process::get(&state.store.db, &user, *id).await?;
    Ok(ok_versioned(&ProcessSettingsResponse::of(*id, settings), version))
}

/// Saves the project's process settings (administrators). Dispatches from now on follow them;
/// cases already registered keep their verification deadline.
#[utoipa::path(tag = "organisation", request_body = ProcessSettings,
    params(("If-Match" = String, Header, description = "The settings version you last read (\"0\" the first time)")),
    responses((status = 200, body = ProcessSettingsResponse),
        (status = 403, body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 412, body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 428, body = crate::error::Problem, content_type = "application/problem+json")),
    security(("bearer" = [])))]
#[put("/projects/{id}/settings")]
async fn put_settings(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
    version: IfMatch,
    Json(body): Json<ProcessSettings>,
) -> ApiResult<HttpResponse> {
    user.require(Permission::ConfigManage)?;
    let saved = huiyin_store::process::put(&state.store.db, &user, *id, body, version.0).await?;
    Ok(ok_versioned(&ProcessSettingsResponse::of(*id, body), saved))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct RoutingRuleList {
    pub items: Vec<RoutingRuleView>,
}

/// The routing rules you see: company-wide ones and your projects' (oldest first).
#[utoipa::path(tag = "organisation", params(ListRoutingRules), responses((status = 200, body = RoutingRuleList),
    (status = 404, body = crate::error::Problem, content_type = "application/problem+json", description = "`project_id` is not one of yours")),
    security(("bearer" = [])))]
#[get("/routing-rules")]
async fn list_rules(
    state: web::Data<AppState>,
    user: AuthUser,
    query: Query<ListRoutingRules>,
) -> ApiResult<HttpResponse> {
    user.require(Permission::CaseRead)?;
    let items = routing::list(&state.store.db, &user, &query.into_inner().into())
        .await?
        .into_iter()
        .map(RoutingRuleView::from)
        .collect();
    Ok(HttpResponse::Ok().json(RoutingRuleList { items }))
}

/// The department the rules propose for a case about to be registered (the intake form
/// pre-selects it): the most specific matching rule — a project's over a company-wide one, then
/// one naming the kind, then one naming the severity.
#[utoipa::path(tag = "organisation", params(MatchRoutingRule), responses((status = 200, body = RoutingProposal),
    (status = 404, body = crate::error::Problem, content_type = "application/problem+json", description = "`project_id` is not one of yours")),
    security(("bearer" = [])))]
#[get("/routing-rules/match")]
async fn match_rule(
    state: web::Data<AppState>,
    user: AuthUser,
    query: Query<MatchRoutingRule>,
) -> ApiResult<HttpResponse> {
    user.require(Permission::CaseRead)?;
    let proposal = routing::propose(&state.store.db, &user, &query.into_inner().into()).await?;
    Ok(HttpResponse::Ok().json(RoutingProposal::from(proposal)))
}

/// Adds a rule (administrators; 409 when one for the same project, category, kind and severity exists).
#[utoipa::path(tag = "organisation", request_body = RoutingRuleInput, responses((status = 201, body = RoutingRuleView),
    (status = 403, body = crate::error::Problem, content_type = "application/problem+json"),
    (status = 409, body = crate::error::Problem, content_type = "application/problem+json", description = "Such a rule exists")), security(("bearer" = [])))]
#[post("/routing-rules")]
async fn create_rule(
    state: web::Data<AppState>,
    user: AuthUser,
    Json(body): Json<RoutingRuleInput>,
) -> ApiResult<HttpResponse> {
    user.require(Permission::ConfigManage)?;
    let saved = routing::create(&state.store.db, &user, body.into()).await?;
    let version = saved.version;
    Ok(created_versioned(&RoutingRuleView::from(saved), version))
}

#[utoipa::path(tag = "organisation", responses((status = 200, body = RoutingRuleView),
    (status = 404, body = crate::error::Problem, content_type = "application/problem+json")), security(("bearer" = [])))]
#[get("/routing-rules/{id}")]
async fn get_rule(state: web::Data<AppState>, user: AuthUser, id: web::Path<Uuid>) -> ApiResult<HttpResponse> {
    user.require(Permission::CaseRead)?;
    let found = routing::get(&state.store.db, &user, *id).await?;
    let version = found.version;
    Ok(ok_versioned(&RoutingRuleView::from(found), version))
}

/// Replaces a rule (administrators).
#[utoipa::path(tag = "organisation", request_body = RoutingRuleInput,
    params(("If-Match" = String, Header, description = "The rule version you last read")),
    responses((status = 200, body = RoutingRuleView),
        (status = 403, body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 412, body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 428, body = crate::error::Problem, content_type = "application/problem+json")),
    security(("bearer" = [])))]
#[put("/routing-rules/{id}")]
async fn update_rule(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
    version: IfMatch,
    Json(body): Json<RoutingRuleInput>,
) -> ApiResult<HttpResponse> {
    user.require(Permission::ConfigManage)?;
    let saved = routing::update(&state.store.db, &user, *id, version.0, body.into()).await?;
    let version = saved.version;
    Ok(ok_versioned(&RoutingRuleView::from(saved), version))
}

#[utoipa::path(tag = "organisation", responses((status = 204),
    (status = 403, body = crate::error::Problem, content_type = "application/problem+json"),
    (status = 404, body = crate::error::Problem, content_type = "application/problem+json")), security(("bearer" = [])))]
#[delete("/routing-rules/{id}")]
async fn delete_rule(state: web::Data<AppState>, user: AuthUser, id: web::Path<Uuid>) -> ApiResult<HttpResponse> {
    user.require(Permission::ConfigManage)?;
    routing::delete(&state.store.db, &user, *id).await?;
    Ok(HttpResponse::NoContent().finish())
}
