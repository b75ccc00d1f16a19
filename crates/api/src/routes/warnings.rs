//! Complaint warnings (投诉预警) and their rules.

use actix_web::{get, post, put, web, HttpResponse};
use huiyin_domain::permission::Permission;
use huiyin_domain::warning::WarningRules;
use huiyin_store::warnings::{self, AcknowledgeWarning, WarningQuery, WarningView};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use super::ok_versioned;
use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::extract::{IfMatch, Json, Query};
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list)
        .service(acknowledge)
        .service(get_rules)
        .service(put_rules);
}

crate::list_response!(WarningList, WarningView);

/// Fired warnings in the caller's projects, newest first.
#[utoipa::path(tag = "warnings", params(WarningQuery), responses((status = 200, body = WarningList)), security(("bearer" = [])))]
#[get("/warnings")]
async fn list(state: web::Data<AppState>, user: AuthUser, query: Query<WarningQuery>) -> ApiResult<HttpResponse> {
    user.require(Permission::WarningAck)?;
    let page = warnings::list(&state.store.db, &user, &query).await?;
    Ok(HttpResponse::Ok().json(WarningList::from(page)))
}

/// A supervisor acknowledges a warning with what is being done (409 when already acknowledged).
#[utoipa::path(tag = "warnings", request_body = AcknowledgeWarning, responses((status = 200, body = WarningView), (status = 409, body = crate::error::Problem, content_type = "application/problem+json", description = "Already acknowledged")), security(("bearer" = [])))]
#[post("/warnings/{id}/acknowledge")]
async fn acknowledge(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
    Json(body): Json<AcknowledgeWarning>,
) -> ApiResult<HttpResponse> {
    user.require(Permission::WarningAck)?;
    Ok(HttpResponse::Ok().json(warnings::acknowledge(&state.store.db, &user, *id, body).await?))
}

/// The warning rules (defaults until first saved; `ETag` `"0"` then).
#[utoipa::path(tag = "warnings", responses((status = 200, body = WarningRules)), security(("bearer" = [])))]
#[get("/warning-rules")]
async fn get_rules(state: web::Data<AppState>, user: AuthUser) -> ApiResult<HttpResponse> {
    user.require(Permission::WarningAck)?;
    let (rules, version) = warnings::rules(&state.store.db).await?;
    Ok(ok_versioned(&rules, version))
}

/// Replaces the warning rules: company-wide, so administrators only (a project's manager gets 403).
#[utoipa::path(tag = "warnings", request_body = WarningRules,
    params(("If-Match" = String, Header, description = "The rules version you last read (\"0\" the first time)")),
    responses((status = 200, body = WarningRules)), security(("bearer" = [])))]
#[put("/warning-rules")]
async fn put_rules(
    state: web::Data<AppState>,
    user: AuthUser,
    version: IfMatch,
    Json(body): Json<WarningRules>,
) -> ApiResult<HttpResponse> {
    user.require(Permission::ConfigManage)?;
    let saved = warnings::save_rules(&state.store.db, &body, version.0).await?;
    Ok(ok_versioned(&body, saved))
}
