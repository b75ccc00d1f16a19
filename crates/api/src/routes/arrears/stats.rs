//! `GET /api/v1/stats/arrears`: the month's arrears per area (staff with statistics, or an API
//! key with `stats:read`).

use actix_web::{get, web, HttpResponse};
use huiyin_domain::api_key::ApiScope;
use huiyin_domain::permission::Permission;
use huiyin_domain::stats::{parse_tz, Period};
use huiyin_store::arrears::stats::monthly as figures;

use super::views::{ArrearsStatsQuery, ArrearsStatsResponse};
use crate::auth::caller::Caller;
use crate::error::{ApiError, ApiResult};
use crate::extract::Query;
use crate::state::AppState;

/// Per area: households in arrears and their amount at the end of the month, by stage, contacts
/// made and their reasons, arrears settled during the month, and the collection rate (收缴率)
/// when the month's imports carried `receivable` and `received`.
#[utoipa::path(tag = "statistics", params(ArrearsStatsQuery), responses((status = 200, body = ArrearsStatsResponse)),
    security(("bearer" = []), ("api_key" = [])))]
#[get("/stats/arrears")]
pub async fn monthly(
    state: web::Data<AppState>,
    caller: Caller,
    query: Query<ArrearsStatsQuery>,
) -> ApiResult<HttpResponse> {
    caller.require(Permission::StatsRead, ApiScope::StatsRead)?;
    let tz = parse_tz(None).map_err(|e| ApiError::invalid("tz", e.to_string()))?;
    let period = Period::month(&query.month, tz).map_err(|e| ApiError::invalid("month", e.to_string()))?;
    let projects = match (caller.allowed_projects(), query.project_id) {
        (None, None) => None,
        (None, Some(p)) => Some(vec![p]),
        (Some(allowed), None) => Some(allowed),
        (Some(allowed), Some(p)) if allowed.contains(&p) => Some(vec![p]),
        (Some(_), Some(_)) => return Err(ApiError::NotFound),
    };
    let (areas, total) = figures(&state.store.db, projects, &period).await?;
    Ok(HttpResponse::Ok().json(ArrearsStatsResponse {
        month: period.from.format("%Y-%m").to_string(),
        project_id: query.project_id,
        areas: areas.into_iter().map(Into::into).collect(),
        total: total.into(),
    }))
}
