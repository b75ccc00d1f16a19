//! `GET /api/v1/stats/knowledge`: the knowledge articles ranked by the inquiries they closed on
//! the spot (`article_id` on `close_on_spot`) in a month.

use actix_web::{get, web, HttpResponse};
use huiyin_domain::stats::{parse_tz, Period};
use huiyin_store::knowledge::answers::ranked;
use huiyin_store::stats::StatsFilter;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use super::sections::ArticleAnswers;
use super::{period_error, require_stats};
use crate::auth::caller::Caller;
use crate::error::{ApiError, ApiResult};
use crate::extract::Query;
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(knowledge_stats);
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct KnowledgeStatsQuery {
    /// `YYYY-MM`: inquiries closed in this month (local time in `tz`).
    #[param(example = "2026-12")]
    pub month: String,
    /// IANA time zone; default `Asia/Shanghai`.
    pub tz: Option<String>,
    /// One of your projects (404 for another).
    pub project_id: Option<Uuid>,
    /// At most this many articles (1–100, default 20).
    #[param(minimum = 1, maximum = 100)]
    pub limit: Option<u32>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct KnowledgeStatsResponse {
    #[schema(example = "2026-12")]
    pub month: String,
    pub project_id: Option<Uuid>,
    /// Most inquiries first, then by title.
    pub items: Vec<ArticleAnswers>,
}

/// Knowledge articles by the inquiries of your projects they closed on the spot in the month.
#[utoipa::path(
    tag = "statistics",
    params(KnowledgeStatsQuery),
    responses(
        (status = 200, body = KnowledgeStatsResponse),
        (status = 404, body = crate::error::Problem, content_type = "application/problem+json",
            description = "`project_id` is not one of your projects")
    ),
    security(("bearer" = []), ("api_key" = []))
)]
#[get("/stats/knowledge")]
async fn knowledge_stats(
    state: web::Data<AppState>,
    caller: Caller,
    q: Query<KnowledgeStatsQuery>,
) -> ApiResult<HttpResponse> {
    require_stats(&caller)?;
    let limit = match q.limit {
        None => 20,
        Some(n) if (1..=100).contains(&n) => n as usize,
        Some(_) => return Err(ApiError::invalid("limit", "must be between 1 and 100")),
    };
    let tz = parse_tz(q.tz.as_deref()).map_err(period_error)?;
    let period = Period::month(&q.month, tz).map_err(period_error)?;
    let filter = StatsFilter {
        period,
        allowed_projects: caller.allowed_projects(),
        project_id: q.project_id,
        area_id: None,
        kind: None,
        scan: false,
    };
    filter.check_scope()?;
    let items = ranked(&state.store.db, &filter, limit).await?;
    Ok(HttpResponse::Ok().json(KnowledgeStatsResponse {
        month: q.month.trim().to_owned(),
        project_id: q.project_id,
        items: items.into_iter().map(ArticleAnswers::from).collect(),
    }))
}
