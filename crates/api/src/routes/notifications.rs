//! The signed-in user's notifications (the console's bell).

use actix_web::{get, post, web, HttpResponse};
use huiyin_store::notifications::{self, NotificationList, NotificationQuery, NotificationView};
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::extract::Query;
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list).service(read_all).service(read);
}

/// Newest first, with the unread count.
#[utoipa::path(tag = "notifications", params(NotificationQuery), responses((status = 200, body = NotificationList)), security(("bearer" = [])))]
#[get("/notifications")]
async fn list(state: web::Data<AppState>, user: AuthUser, query: Query<NotificationQuery>) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(notifications::list(&state.store.db, user.user_id, &query).await?))
}

#[utoipa::path(tag = "notifications", responses((status = 200, body = NotificationView)), security(("bearer" = [])))]
#[post("/notifications/{id}/read")]
async fn read(state: web::Data<AppState>, user: AuthUser, id: web::Path<Uuid>) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(notifications::mark_read(&state.store.db, user.user_id, *id).await?))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MarkedRead {
    /// How many notifications changed to read.
    pub marked: u64,
}

#[utoipa::path(tag = "notifications", responses((status = 200, body = MarkedRead)), security(("bearer" = [])))]
#[post("/notifications/read-all")]
async fn read_all(state: web::Data<AppState>, user: AuthUser) -> ApiResult<HttpResponse> {
    let marked = notifications::mark_all_read(&state.store.db, user.user_id).await?;
    Ok(HttpResponse::Ok().json(MarkedRead { marked }))
}
