use actix_web::{get, web, HttpRequest, HttpResponse};
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

/// Prometheus metrics in the text exposition format. When the server has a metrics token
/// (`HUIYIN_METRICS_TOKEN`), send it as `Authorization: Bearer <token>`.
#[utoipa::path(tag = "platform", responses((status = 200, content_type = "text/plain", body = String),
    (status = 401, body = crate::error::Problem, content_type = "application/problem+json", description = "A metrics token is configured and was not sent")))]
#[get("/metrics")]
async fn metrics(req: HttpRequest, state: web::Data<AppState>) -> ApiResult<HttpResponse> {
    if let Some(expected) = &state.config.metrics_token {
        let sent = crate::auth::principal::bearer_token(&req).unwrap_or_default();
        if !constant_time_eq(sent.as_bytes(), expected.as_bytes()) {
            return Err(ApiError::Unauthorized(
                "send the metrics token as Authorization: Bearer <token>".into(),
            ));
        }
    }
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
    Ok(HttpResponse::Ok().content_type("text/plain; version=0.0.4").body(body))
}

/// Compares without returning early at the first difference.
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}
