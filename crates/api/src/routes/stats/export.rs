//! `GET /api/v1/export/cases`: the incremental case export for integrations.

use actix_web::{get, web, HttpResponse};
use chrono::{DateTime, Utc};
use huiyin_domain::api_key::ApiScope;
use huiyin_domain::permission::Permission;
use huiyin_domain::phone::mask;
use huiyin_store::audit;
use huiyin_store::stats::export::{export as store_export, ExportedCase};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;

use crate::auth::caller::Caller;
use crate::error::ApiResult;
use crate::extract::Query;
use crate::routes::cases::views::{summary, CaseSummary};
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(export_cases);
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ExportQuery {
    /// Only cases changed at or after this instant (RFC 3339).
    pub updated_since: Option<DateTime<Utc>>,
    /// 1..=1000 (default 1000).
    pub limit: Option<u64>,
    /// `next_cursor` of the previous page; keep polling with the last one to get later changes.
    pub cursor: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ExportedCaseResponse {
    #[serde(flatten)]
    pub case: CaseSummary,
    pub description: String,
    /// Masked unless the key has the `pii:read` scope.
    pub customer_phone: Option<String>,
    pub resolved_at: Option<DateTime<Utc>>,
    pub closed_at: Option<DateTime<Utc>>,
    pub cancelled_at: Option<DateTime<Utc>>,
}

crate::list_response!(ExportPage, ExportedCaseResponse);

fn exported(item: ExportedCase, pii: bool) -> ExportedCaseResponse {
    ExportedCaseResponse {
        case: summary(&item.case, item.customer_name, None),
        description: item.case.description.clone(),
        customer_phone: item.customer_phone.map(|p| if pii { p } else { mask(&p) }),
        resolved_at: item.case.resolved_at,
        closed_at: item.case.closed_at,
        cancelled_at: item.case.cancelled_at,
    }
}

/// Cases changed since a time, oldest change first, at most 1,000 per page. Every call is audited.
#[utoipa::path(tag = "statistics", params(ExportQuery), responses((status = 200, body = ExportPage)), security(("bearer" = []), ("api_key" = [])))]
#[get("/export/cases")]
async fn export_cases(state: web::Data<AppState>, caller: Caller, q: Query<ExportQuery>) -> ApiResult<HttpResponse> {
    caller.require(Permission::CaseExport, ApiScope::CasesRead)?;
    let allowed = caller.allowed_projects();
    let page = store_export(
        &state.store.db,
        allowed.as_deref(),
        q.updated_since,
        q.limit,
        q.cursor.as_deref(),
    )
    .await?;
    let pii = caller.sees_pii();
    let (actor_id, who) = match &caller {
        Caller::Staff(actor) => (Some(actor.user_id), serde_json::json!({"user": actor.username})),
        Caller::Key(key) => (None, serde_json::json!({"api_key_id": key.id, "api_key": key.name})),
    };
    let detail = serde_json::json!({"by": who, "count": page.items.len(), "pii": pii, "updated_since": q.updated_since, "cursor": q.cursor});
    audit::record_by(&state.store.db, actor_id, "cases.exported", "export", None, detail).await?;
    Ok(HttpResponse::Ok().json(ExportPage {
        items: page.items.into_iter().map(|i| exported(i, pii)).collect(),
        next_cursor: page.next_cursor,
    }))
}
