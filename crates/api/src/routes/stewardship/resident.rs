//! The residents' side: published notices meant for them and their steward's contact.

use actix_web::{get, web, HttpResponse};
use chrono::{DateTime, Utc};
use huiyin_domain::steward::NoticeKind;
use huiyin_store::stewardship::notices::Notice;
use huiyin_store::stewardship::resident::{self, StewardContact};
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use crate::auth::resident::ResidentUser;
use crate::error::ApiResult;
use crate::extract::Query;
use crate::page::PageQuery;
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(notices).service(stewards);
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ResidentNotice {
    pub id: Uuid,
    pub project_id: Uuid,
    pub kind: NoticeKind,
    pub title: String,
    pub body: String,
    pub published_at: Option<DateTime<Utc>>,
}

impl From<Notice> for ResidentNotice {
    fn from(n: Notice) -> Self {
        ResidentNotice {
            id: n.row.id,
            project_id: n.row.project_id,
            kind: n.kind,
            title: n.row.title,
            body: n.row.body,
            published_at: n.row.published_at,
        }
    }
}

crate::list_response!(ResidentNoticeList, ResidentNotice);

/// Published notices of your projects (and your buildings), newest first.
#[utoipa::path(tag = "resident", operation_id = "resident_notices", params(PageQuery),
    responses((status = 200, body = ResidentNoticeList)), security(("bearer" = [])))]
#[get("/resident/notices")]
async fn notices(state: web::Data<AppState>, user: ResidentUser, query: Query<PageQuery>) -> ApiResult<HttpResponse> {
    let page = resident::notices(&state.store.db, user.actor(), query.limit, query.cursor.as_deref()).await?;
    Ok(HttpResponse::Ok().json(ResidentNoticeList::from(page)))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ResidentArea {
    pub id: Uuid,
    pub name: String,
}

/// The steward's name and work phone — nothing else about them.
#[derive(Debug, Serialize, ToSchema)]
pub struct StewardCard {
    #[schema(example = "王管家")]
    pub name: String,
    pub phone: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ResidentSteward {
    pub property_id: Uuid,
    pub area: Option<ResidentArea>,
    pub steward: Option<StewardCard>,
}

impl From<StewardContact> for ResidentSteward {
    fn from(c: StewardContact) -> Self {
        ResidentSteward {
            property_id: c.property_id,
            area: c.area.map(|a| ResidentArea { id: a.id, name: a.name }),
            steward: c.steward.map(|(name, phone)| StewardCard { name, phone }),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ResidentStewardList {
    pub items: Vec<ResidentSteward>,
}

/// For each of your properties: its area and the steward to call.
#[utoipa::path(tag = "resident", operation_id = "resident_steward", responses((status = 200, body = ResidentStewardList)), security(("bearer" = [])))]
#[get("/resident/steward")]
async fn stewards(state: web::Data<AppState>, user: ResidentUser) -> ApiResult<HttpResponse> {
    let items = resident::stewards(&state.store.db, user.actor()).await?;
    Ok(HttpResponse::Ok().json(ResidentStewardList {
        items: items.into_iter().map(ResidentSteward::from).collect(),
    }))
}
