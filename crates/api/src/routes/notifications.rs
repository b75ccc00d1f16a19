//! The signed-in user's notifications (the console's bell).

use actix_web::{get, post, web, HttpResponse};
use chrono::{DateTime, Utc};
use huiyin_domain::notification::NotificationKind;
use huiyin_store::notifications::{self, NotificationPage, NotificationRecord};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::extract::Query;
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list).service(read_all).service(read);
}

#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct NotificationQuery {
    /// Only unread ones.
    pub unread: Option<bool>,
    /// 1–200, default 50.
    pub limit: Option<u64>,
    pub cursor: Option<String>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct NotificationList {
    pub items: Vec<NotificationView>,
    pub next_cursor: Option<String>,
    /// How many of the user's notifications are unread in all.
    pub unread: u64,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct NotificationView {
    pub id: Uuid,
    pub kind: NotificationKind,
    #[schema(example = "案件 TS-20261126-0003 已升级至片区级")]
    pub title: String,
    pub body: String,
    pub case_id: Option<Uuid>,
    pub warning_id: Option<Uuid>,
    pub created_at: DateTime<Utc>,
    pub read_at: Option<DateTime<Utc>>,
}

impl From<NotificationQuery> for notifications::NotificationQuery {
    fn from(q: NotificationQuery) -> Self {
        notifications::NotificationQuery {
            unread: q.unread,
            limit: q.limit,
            cursor: q.cursor,
        }
    }
}

impl From<NotificationRecord> for NotificationView {
    fn from(n: NotificationRecord) -> Self {
        NotificationView {
            id: n.id,
            kind: n.kind,
            title: n.title,
            body: n.body,
            case_id: n.case_id,
            warning_id: n.warning_id,
            created_at: n.created_at,
            read_at: n.read_at,
        }
    }
}

impl From<NotificationPage> for NotificationList {
    fn from(page: NotificationPage) -> Self {
        NotificationList {
            items: page.items.into_iter().map(NotificationView::from).collect(),
            next_cursor: page.next_cursor,
            unread: page.unread,
        }
    }
}

/// Newest first, with the unread count.
#[utoipa::path(tag = "notifications", params(NotificationQuery), responses((status = 200, body = NotificationList)), security(("bearer" = [])))]
#[get("/notifications")]
async fn list(state: web::Data<AppState>, user: AuthUser, query: Query<NotificationQuery>) -> ApiResult<HttpResponse> {
    let page = notifications::list(&state.store.db, user.user_id, &query.into_inner().into()).await?;
    Ok(HttpResponse::Ok().json(NotificationList::from(page)))
}

#[utoipa::path(tag = "notifications", responses((status = 200, body = NotificationView)), security(("bearer" = [])))]
#[post("/notifications/{id}/read")]
async fn read(state: web::Data<AppState>, user: AuthUser, id: web::Path<Uuid>) -> ApiResult<HttpResponse> {
    let read = notifications::mark_read(&state.store.db, user.user_id, *id).await?;
    Ok(HttpResponse::Ok().json(NotificationView::from(read)))
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
