//! The audit log of personal-data views and exports (admin: all of it; manager: their projects' people).

use actix_web::{get, web, HttpResponse};
use chrono::{DateTime, Utc};
use huiyin_domain::permission::Permission;
use huiyin_store::audit::{self, AuditQuery, AuditRecord};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::extract::Query;
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list);
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AuditEntryResponse {
    pub id: Uuid,
    pub actor_id: Option<Uuid>,
    /// e.g. `customer.viewed`, `customer.searched`, `customer.phone_viewed`.
    pub action: String,
    pub subject_type: String,
    pub subject_id: Option<Uuid>,
    #[schema(value_type = Object)]
    pub detail: serde_json::Value,
    pub created_at: DateTime<Utc>,
}

impl From<AuditRecord> for AuditEntryResponse {
    fn from(m: AuditRecord) -> Self {
        AuditEntryResponse {
            id: m.id,
            actor_id: m.actor_id,
            action: m.action,
            subject_type: m.subject_type,
            subject_id: m.subject_id,
            detail: serde_json::from_str(&m.detail).unwrap_or(serde_json::Value::Null),
            created_at: m.created_at,
        }
    }
}

crate::list_response!(AuditList, AuditEntryResponse);

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ListAudit {
    pub actor_id: Option<Uuid>,
    pub subject_id: Option<Uuid>,
    pub action: Option<String>,
    /// Written at or after (RFC 3339).
    pub from: Option<DateTime<Utc>>,
    /// Written before (RFC 3339).
    pub to: Option<DateTime<Utc>>,
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<u64>,
    pub cursor: Option<String>,
}

/// Newest first. A project's manager reads only entries written by people of their projects;
/// administrators read every entry.
#[utoipa::path(tag = "audit", params(ListAudit), responses((status = 200, body = AuditList)), security(("bearer" = [])))]
#[get("/audit")]
async fn list(state: web::Data<AppState>, user: AuthUser, query: Query<ListAudit>) -> ApiResult<HttpResponse> {
    user.require(Permission::AuditRead)?;
    let q = query.into_inner();
    let page = audit::list(
        &state.store.db,
        &user,
        AuditQuery {
            actor_id: q.actor_id,
            subject_id: q.subject_id,
            action: q.action,
            from: q.from,
            to: q.to,
            limit: q.limit,
            cursor: q.cursor,
        },
    )
    .await?;
    Ok(HttpResponse::Ok().json(AuditList::from(page)))
}
