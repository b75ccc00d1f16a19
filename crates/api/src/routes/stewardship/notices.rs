//! Public notices (公示/公告): staff draft, supervisors publish and withdraw.

use actix_web::http::StatusCode;
use actix_web::{get, patch, post, web, HttpResponse};
use chrono::{DateTime, Utc};
use huiyin_domain::permission::Permission;
use huiyin_domain::steward::{NoticeKind, NoticeStatus};
use huiyin_store::idempotency;
use huiyin_store::stewardship::notices::{self, CreateNotice, Notice, NoticeFilter, UpdateNotice};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::extract::{IdempotencyKey, IfMatch, Json, Query};
use crate::idempotent::{json_answer, stored_reply};
use crate::routes::ok_versioned;
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(create)
        .service(list)
        .service(get_one)
        .service(update)
        .service(publish)
        .service(withdraw);
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"project_id": "0193a5c1-0000-7000-8000-000000000001", "kind": "notice",
    "title": "12 月 8 日停水通知", "body": "因管网检修，3 栋、5 栋 9:00–13:00 停水。", "buildings": ["3", "5"]}))]
pub struct CreateNoticeRequest {
    pub project_id: Uuid,
    pub kind: NoticeKind,
    pub title: String,
    pub body: String,
    /// Buildings the notice is for; omitted or empty for the whole project.
    #[serde(default)]
    pub buildings: Vec<String>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateNoticeRequest {
    pub kind: Option<NoticeKind>,
    pub title: Option<String>,
    pub body: Option<String>,
    pub buildings: Option<Vec<String>>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct NoticeResponse {
    pub id: Uuid,
    pub project_id: Uuid,
    pub kind: NoticeKind,
    pub title: String,
    pub body: String,
    pub buildings: Vec<String>,
    pub status: NoticeStatus,
    pub created_by: Uuid,
    pub published_at: Option<DateTime<Utc>>,
    pub published_by: Option<Uuid>,
    pub withdrawn_at: Option<DateTime<Utc>>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<Notice> for NoticeResponse {
    fn from(n: Notice) -> Self {
        let r = n.row;
        NoticeResponse {
            id: r.id,
            project_id: r.project_id,
            kind: n.kind,
            title: r.title,
            body: r.body,
            buildings: n.buildings,
            status: n.status,
            created_by: r.created_by,
            published_at: r.published_at,
            published_by: r.published_by,
            withdrawn_at: r.withdrawn_at,
            version: r.version,
            created_at: r.created_at,
            updated_at: r.updated_at,
        }
    }
}

crate::list_response!(NoticeList, NoticeResponse);

fn reply(found: Notice) -> HttpResponse {
    let version = found.row.version;
    ok_versioned(&NoticeResponse::from(found), version)
}

/// Drafts a notice (residents see it only once published).
#[utoipa::path(tag = "stewardship", request_body = CreateNoticeRequest,
    params(("Idempotency-Key" = Option<String>, Header, description = "A retry with the same key and body returns the first answer")),
    responses((status = 201, body = NoticeResponse)), security(("bearer" = [])))]
#[post("/notices")]
async fn create(
    state: web::Data<AppState>,
    user: AuthUser,
    key: IdempotencyKey,
    Json(body): Json<CreateNoticeRequest>,
) -> ApiResult<HttpResponse> {
    user.require(Permission::NoticeDraft)?;
    let hash = idempotency::request_hash(&serde_json::to_string(&body).unwrap_or_default());
    let actor = user.0.clone();
    let input = CreateNotice {
        project_id: body.project_id,
        kind: body.kind,
        title: body.title,
        body: body.body,
        buildings: body.buildings,
    };
    let answer = idempotency::run(&state.store.db, actor.user_id, key.0.as_deref(), &hash, async |txn| {
        let saved = notices::create(txn, &actor, input).await?;
        Ok(json_answer(StatusCode::CREATED, &NoticeResponse::from(saved)))
    })
    .await?;
    Ok(stored_reply(answer, StatusCode::CREATED))
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ListNotices {
    pub project_id: Option<Uuid>,
    pub status: Option<NoticeStatus>,
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<u64>,
    pub cursor: Option<String>,
}

/// Notices of your projects, newest first.
#[utoipa::path(tag = "stewardship", params(ListNotices), responses((status = 200, body = NoticeList)), security(("bearer" = [])))]
#[get("/notices")]
async fn list(state: web::Data<AppState>, user: AuthUser, query: Query<ListNotices>) -> ApiResult<HttpResponse> {
    user.require(Permission::NoticeDraft)?;
    let query = query.into_inner();
    let filter = NoticeFilter {
        project_id: query.project_id,
        status: query.status,
        limit: query.limit,
        cursor: query.cursor,
    };
    let page = notices::list(&state.store.db, &user, &filter).await?;
    Ok(HttpResponse::Ok().json(NoticeList::from(page)))
}

#[utoipa::path(tag = "stewardship", responses((status = 200, body = NoticeResponse)), security(("bearer" = [])))]
#[get("/notices/{id}")]
async fn get_one(state: web::Data<AppState>, user: AuthUser, id: web::Path<Uuid>) -> ApiResult<HttpResponse> {
    user.require(Permission::NoticeDraft)?;
    Ok(reply(notices::get(&state.store.db, &user, *id).await?))
}

/// Edits a draft (409 once published: withdraw it and draft again).
#[utoipa::path(tag = "stewardship", request_body = UpdateNoticeRequest,
    params(("If-Match" = String, Header, description = "The version you last read")),
    responses((status = 200, body = NoticeResponse),
        (status = 409, body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 412, body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 428, body = crate::error::Problem, content_type = "application/problem+json")),
    security(("bearer" = [])))]
#[patch("/notices/{id}")]
async fn update(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
    version: IfMatch,
    Json(body): Json<UpdateNoticeRequest>,
) -> ApiResult<HttpResponse> {
    user.require(Permission::NoticeDraft)?;
    let input = UpdateNotice {
        kind: body.kind,
        title: body.title,
        body: body.body,
        buildings: body.buildings,
    };
    Ok(reply(
        notices::update(&state.store.db, &user, *id, version.0, input).await?,
    ))
}

/// Publishes a draft: residents of the project (or of the targeted buildings) see it.
#[utoipa::path(tag = "stewardship", responses((status = 200, body = NoticeResponse),
    (status = 409, body = crate::error::Problem, content_type = "application/problem+json", description = "Not a draft")), security(("bearer" = [])))]
#[post("/notices/{id}/publish")]
async fn publish(state: web::Data<AppState>, user: AuthUser, id: web::Path<Uuid>) -> ApiResult<HttpResponse> {
    user.require(Permission::NoticePublish)?;
    Ok(reply(notices::transition(&state.store.db, &user, *id, true).await?))
}

/// Withdraws a published notice: residents no longer see it.
#[utoipa::path(tag = "stewardship", responses((status = 200, body = NoticeResponse),
    (status = 409, body = crate::error::Problem, content_type = "application/problem+json", description = "Not published")), security(("bearer" = [])))]
#[post("/notices/{id}/withdraw")]
async fn withdraw(state: web::Data<AppState>, user: AuthUser, id: web::Path<Uuid>) -> ApiResult<HttpResponse> {
    user.require(Permission::NoticePublish)?;
    Ok(reply(notices::transition(&state.store.db, &user, *id, false).await?))
}
