//! `GET /api/v1/stats/arrears`: the month's arrears per area (staff with statistics, or an API
//! key with `stats:read`); the same figures ride along in the monthly report.

use actix_web::{get, web, HttpResponse};
use huiyin_domain::api_key::ApiScope;
use huiyin_domain::permission::Permission;
use huiyin_domain::stats::{parse_tz, Period};
use huiyin_store::arrears::stats::monthly as figures;
use huiyin_store::Db;
use uuid::Uuid;

use super::views::{ArrearsStatsQuery, ArrearsStatsResponse};
use crate::auth::caller::Caller;
use crate::error::{ApiError, ApiResult};
use crate::extract::Query;
use crate::state::AppState;

/// The month's figures for `allowed` projects (`None`: all), narrowed to `project_id`
/// (404 when it is not one of them).
pub async fn for_month(
    db: &Db,
    allowed: Option<Vec<Uuid>>,
    project_id: Option<Uuid>,
    period: &Period,
) -> ApiResult<ArrearsStatsResponse> {
    let projects = match (allowed, project_id) {
        (None, None) => None,
        (None, Some(p)) => Some(vec![p]),
        (Some(allowed), None) => Some(allowed),
        (Some(allowed), Some(p)) if allowed.contains(&p) => Some(vec![p]),
        (Some(_), Some(_)) => return Err(ApiError::NotFound),
    };
    let (areas, total) = figures(db, projects, period).await?;
    Ok(ArrearsStatsResponse {
        month: period.from.format("%Y-%m").to_string(),
        project_id,
        areas: areas.into_iter().map(Into::into).collect(),
        total: total.into(),
    })
}

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
    let figures = for_month(&state.store.db, caller.allowed_projects(), query.project_id, &period).await?;
    Ok(HttpResponse::Ok().json(figures))
}
