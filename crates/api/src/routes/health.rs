use actix_web::{get, web, HttpResponse};
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;

use crate::error::{ApiError, ApiResult};
use crate::state::AppState;

#[derive(Serialize, ToSchema)]
pub struct HealthResponse {
    #[schema(example = "ok")]
    pub status: String,
}

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(healthz).service(readyz).service(metrics);
}

/// Liveness: 200 while the process runs.
#[utoipa::path(tag = "platform", responses((status = 200, body = HealthResponse)))]
#[get("/healthz")]
async fn healthz() -> HttpResponse {
    HttpResponse::Ok().json(HealthResponse { status: "ok".into() })
}

/// Readiness: 200 only while the database answers, 503 otherwise.
#[utoipa::path(
    tag = "platform",
    responses(
        (status = 200, body = HealthResponse),
        (status = 503, body = crate::error::Problem, content_type = "application/problem+json")
    )
)]
#[get("/readyz")]
async fn readyz(state: web::Data<AppState>) -> ApiResult<HttpResponse> {
    let answered = tokio::time::timeout(std::time::Duration::from_secs(2), state.store.ping())
        .await
        .unwrap_or(false);
    if answered {
        Ok(HttpResponse::Ok().json(HealthResponse { status: "ready".into() }))
    } else {
        Err(ApiError::Unavailable(None))
    }
}

/// Prometheus metrics in the text exposition format.
#[utoipa::path(tag = "platform", responses((status = 200, content_type = "text/plain", body = String)))]
#[get("/metrics")]
async fn metrics(state: web::Data<AppState>) -> HttpResponse {
    let mut body = state.metrics.render();
    // How far the statistics fold is behind (`huiyin_store::stats::fold`); answers stay exact
    // either way, this says how much the readers add at read time.
    if let Ok((pending, lag)) = huiyin_store::stats::fold::backlog(&state.store.db).await {
        body.push_str(&format!(
            "# HELP huiyin_stats_deltas_pending Statistics deltas not folded into the roll-ups yet.\n\
             # TYPE huiyin_stats_deltas_pending gauge\nhuiyin_stats_deltas_pending {pending}\n\
             # HELP huiyin_stats_fold_lag_seconds Age of the oldest statistics delta not folded yet.\n\
             # TYPE huiyin_stats_fold_lag_seconds gauge\nhuiyin_stats_fold_lag_seconds {lag:.3}\n"
        ));
    }
    HttpResponse::Ok().content_type("text/plain; version=0.0.4").body(body)
}
