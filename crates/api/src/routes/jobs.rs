//! Background jobs (admin): see what is queued, running, done or dead, and retry dead ones.

use actix_web::{get, post, web, HttpResponse};
use chrono::{DateTime, Utc};
use huiyin_domain::permission::Permission;
use huiyin_store::jobs::{self, JobRecord};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::extract::Query;
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list).service(retry);
}

#[derive(Debug, Serialize, ToSchema)]
pub struct JobResponse {
    pub id: Uuid,
    pub kind: String,
    #[schema(value_type = Object)]
    pub payload: serde_json::Value,
    /// `queued`, `running`, `done` or `dead`.
    pub status: String,
    pub run_at: DateTime<Utc>,
    pub attempts: i32,
    pub max_attempts: i32,
    pub last_error: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<JobRecord> for JobResponse {
    fn from(m: JobRecord) -> Self {
        JobResponse {
            id: m.id,
            payload: serde_json::from_str(&m.payload).unwrap_or(serde_json::Value::Null),
            kind: m.kind,
            status: m.status.to_string(),
            run_at: m.run_at,
            attempts: m.attempts,
            max_attempts: m.max_attempts,
            last_error: m.last_error,
            created_at: m.created_at,
            updated_at: m.updated_at,
        }
    }
}

crate::list_response!(JobList, JobResponse);

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ListJobs {
    /// `queued`, `running`, `done` or `dead`.
    pub status: Option<String>,
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<u64>,
    pub cursor: Option<String>,
}

/// Jobs, newest first.
#[utoipa::path(tag = "platform", params(ListJobs), responses((status = 200, body = JobList)), security(("bearer" = [])))]
#[get("/jobs")]
async fn list(state: web::Data<AppState>, user: AuthUser, q: Query<ListJobs>) -> ApiResult<HttpResponse> {
    user.require(Permission::JobManage)?;
    let page = jobs::list(&state.store.db, q.status.as_deref(), q.limit, q.cursor.as_deref()).await?;
    Ok(HttpResponse::Ok().json(JobList::from(page)))
}

/// Puts a dead job back in the queue with a fresh set of attempts.
#[utoipa::path(tag = "platform", responses((status = 200, body = JobResponse),
    (status = 409, body = crate::error::Problem, content_type = "application/problem+json", description = "The job is not dead")), security(("bearer" = [])))]
#[post("/jobs/{id}/retry")]
async fn retry(state: web::Data<AppState>, user: AuthUser, id: web::Path<Uuid>) -> ApiResult<HttpResponse> {
    user.require(Permission::JobManage)?;
    Ok(HttpResponse::Ok().json(JobResponse::from(jobs::retry(&state.store.db, *id).await?)))
}
