//! `GET /api/v1/stats/leads` and `/stats/works`: the month's lead funnel, lost-lead reasons,
//! dispatch fairness, stage satisfaction and inspector presence (Beijing month).

use actix_web::{get, web, HttpResponse};
use huiyin_domain::decoration::lead::{LeadSource, OrderSize};
use huiyin_domain::decoration::stats::{Fairness, Funnel, LossCount, WorksFigures};
use huiyin_domain::permission::Permission;
use huiyin_domain::stats::{parse_tz, Period};
use huiyin_store::leads::stats;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use crate::auth::AuthUser;
use crate::error::{ApiError, ApiResult};
use crate::extract::Query;
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(lead_stats).service(works_stats);
}

#[derive(Debug, Clone, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct MonthQuery {
    /// `YYYY-MM` (Beijing time).
    #[param(example = "2026-12")]
    pub month: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SourceFunnel {
    pub source: LeadSource,
    #[serde(flatten)]
    pub funnel: Funnel,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SizeFunnel {
    pub size: OrderSize,
    #[serde(flatten)]
    pub funnel: Funnel,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DesignerFunnel {
    pub designer_id: Uuid,
    pub name: String,
    #[serde(flatten)]
    pub funnel: Funnel,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct LeadStatsResponse {
    pub month: String,
    pub total: Funnel,
    pub by_source: Vec<SourceFunnel>,
    pub by_size: Vec<SizeFunnel>,
    pub by_designer: Vec<DesignerFunnel>,
    /// Confirmed lost leads by kind and reason, most frequent first.
    pub losses: Vec<LossCount>,
    /// Dispatches in the month per graded designer.
    pub fairness: Fairness,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct WorksStatsResponse {
    pub month: String,
    #[serde(flatten)]
    pub figures: WorksFigures,
}

fn month(q: &MonthQuery) -> ApiResult<Period> {
    let tz = parse_tz(None).map_err(|_| ApiError::invalid("tz", "unknown time zone"))?;
    Period::month(&q.month, tz).map_err(|_| ApiError::invalid("month", "a month as YYYY-MM"))
}

/// Leads registered in the month: by source, size and designer (leads, dispatched, measured,
/// signed, lost by kind, conversion), lost-lead reasons, and how evenly dispatch was spread.
#[utoipa::path(tag = "statistics", params(MonthQuery), responses((status = 200, body = LeadStatsResponse)), security(("bearer" = [])))]
#[get("/stats/leads")]
async fn lead_stats(state: web::Data<AppState>, user: AuthUser, query: Query<MonthQuery>) -> ApiResult<HttpResponse> {
    // Both, as the monthly report's leads section asks (routes/stats/sections.rs).
    user.require(Permission::StatsRead)?;
    user.require(Permission::LeadRead)?;
    let period = month(&query)?;
    let s = stats::leads(&state.store.db, &user, None, period.start, period.end).await?;
    Ok(HttpResponse::Ok().json(lead_response(query.month.trim().to_owned(), s)))
}

/// The contract's shape of a month's lead figures (also the monthly report's `leads`).
pub fn lead_response(month: String, s: stats::LeadStats) -> LeadStatsResponse {
    LeadStatsResponse {
        month,
        total: s.total,
        by_source: s
            .by_source
            .into_iter()
            .map(|(source, funnel)| SourceFunnel { source, funnel })
            .collect(),
        by_size: s
            .by_size
            .into_iter()
            .map(|(size, funnel)| SizeFunnel { size, funnel })
            .collect(),
        by_designer: s
            .by_designer
            .into_iter()
            .map(|(designer_id, name, funnel)| DesignerFunnel {
                designer_id,
                name,
                funnel,
            })
            .collect(),
        losses: s.losses,
        fairness: s.fairness,
    }
}

/// Works visits done in the month: satisfaction per stage, inspector presence rate, designer
/// satisfaction (asked at completion).
#[utoipa::path(tag = "statistics", params(MonthQuery), responses((status = 200, body = WorksStatsResponse)), security(("bearer" = [])))]
#[get("/stats/works")]
async fn works_stats(state: web::Data<AppState>, user: AuthUser, query: Query<MonthQuery>) -> ApiResult<HttpResponse> {
    user.require(Permission::StatsRead)?;
    user.require(Permission::WorksRead)?;
    let period = month(&query)?;
    let figures = stats::works(&state.store.db, &user, None, period.start, period.end).await?;
    Ok(HttpResponse::Ok().json(WorksStatsResponse {
        month: query.month.trim().to_owned(),
        figures,
    }))
}
