//! Complaint warnings (投诉预警) and their rules.

use actix_web::{get, post, put, web, HttpResponse};
use chrono::{DateTime, Utc};
use huiyin_domain::permission::Permission;
use huiyin_domain::warning::{WarningRule, WarningRules};
use huiyin_store::warnings::{self, WarningCaseRef, WarningRecord};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
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

#[derive(Debug, Clone, Serialize, ToSchema, PartialEq)]
pub struct WarningView {
    pub id: Uuid,
    pub rule: WarningRule,
    pub project_id: Option<Uuid>,
    #[schema(example = "3 号楼 7 天内 5 起投诉")]
    pub title: String,
    pub detail: String,
    pub case_ids: Vec<Uuid>,
    /// The same cases with their numbers, in the same order, for people to read.
    pub cases: Vec<WarningCase>,
    pub fired_at: DateTime<Utc>,
    pub acknowledged_at: Option<DateTime<Utc>>,
    pub acknowledged_by: Option<Uuid>,
    pub ack_note: Option<String>,
}

impl From<WarningRecord> for WarningView {
    fn from(w: WarningRecord) -> Self {
        WarningView {
            id: w.id,
            rule: w.rule,
            project_id: w.project_id,
            title: w.title,
            detail: w.detail,
            case_ids: w.case_ids,
            cases: w.cases.into_iter().map(WarningCase::from).collect(),
            fired_at: w.fired_at,
            acknowledged_at: w.acknowledged_at,
            acknowledged_by: w.acknowledged_by,
            ack_note: w.ack_note,
        }
    }
}

#[derive(Debug, Clone, Serialize, ToSchema, PartialEq)]
pub struct WarningCase {
    pub id: Uuid,
    #[schema(example = "TS-20261125-0007")]
    pub number: String,
}

impl From<WarningCaseRef> for WarningCase {
    fn from(c: WarningCaseRef) -> Self {
        WarningCase {
            id: c.id,
            number: c.number,
        }
    }
}

crate::list_response!(WarningList, WarningView);

huiyin_domain::wire_enum! {
    pub enum WarningStatus {
        Open => "open",
        Acknowledged => "acknowledged",
    }
}

#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct WarningQuery {
    /// `open` (not yet acknowledged) or `acknowledged`; both when omitted.
    pub status: Option<WarningStatus>,
    pub project_id: Option<Uuid>,
    pub rule: Option<WarningRule>,
    /// Fired at or after this time.
    pub fired_since: Option<DateTime<Utc>>,
    /// 1–200, default 50.
    pub limit: Option<u64>,
    pub cursor: Option<String>,
}

impl From<WarningQuery> for warnings::WarningQuery {
    fn from(q: WarningQuery) -> Self {
        warnings::WarningQuery {
            acknowledged: q.status.map(|s| s == WarningStatus::Acknowledged),
            project_id: q.project_id,
            rule: q.rule,
            fired_since: q.fired_since,
            limit: q.limit,
            cursor: q.cursor,
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AcknowledgeWarning {
    /// What was done about it (e.g. "已安排工程部排查 3 号楼排水").
    pub note: Option<String>,
}

/// Fired warnings in the caller's projects, newest first.
#[utoipa::path(tag = "warnings", params(WarningQuery), responses((status = 200, body = WarningList)), security(("bearer" = [])))]
#[get("/warnings")]
async fn list(state: web::Data<AppState>, user: AuthUser, query: Query<WarningQuery>) -> ApiResult<HttpResponse> {
    user.require(Permission::WarningAck)?;
    let page = warnings::list(&state.store.db, &user, &query.into_inner().into()).await?;
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
    let input = warnings::AcknowledgeWarning { note: body.note };
    let acknowledged = warnings::acknowledge(&state.store.db, &user, *id, input).await?;
    Ok(HttpResponse::Ok().json(WarningView::from(acknowledged)))
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
