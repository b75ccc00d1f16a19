//! Complaint statistics for managers (staff with the statistics permission) and integrations
//! (API keys with `stats:read`), and the incremental case export (`cases:read`).

mod cells;
pub mod export;
pub mod knowledge;
pub mod render;
pub mod render_sections;
pub mod report_views;
pub mod sections;
pub mod views;

use actix_web::http::header::{self, HeaderValue};
use actix_web::{get, web, HttpRequest, HttpResponse};
use chrono::NaiveDate;
use huiyin_domain::api_key::ApiScope;
use huiyin_domain::case::CaseKind;
use huiyin_domain::permission::Permission;
use huiyin_domain::stats::{parse_tz, Period, PeriodError};
use huiyin_store::stats::breakdown::breakdown as store_breakdown;
use huiyin_store::stats::current::current as store_current;
use huiyin_store::stats::report::monthly;
use huiyin_store::stats::summary::summary as store_summary;
use huiyin_store::stats::trend::trend as store_trend;
use huiyin_store::stats::StatsFilter;
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use crate::auth::caller::Caller;
use crate::error::{ApiError, ApiResult};
use crate::extract::Query;
use crate::state::AppState;
use report_views::{Breakdown, Dimension, MonthlyReport};
use views::{CurrentCounts, Summary, Trend, TrendInterval};

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(summary)
        .service(breakdown)
        .service(trend)
        .service(report)
        .service(current);
    export::configure(cfg);
    knowledge::configure(cfg);
}

/// The period and filters every statistics call takes.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct StatsQuery {
    /// First day (inclusive), local date in `tz`.
    #[param(example = "2026-11-01")]
    pub from: NaiveDate,
    /// Last day (inclusive).
    #[param(example = "2026-11-30")]
    pub to: NaiveDate,
    /// IANA time zone; default `Asia/Shanghai`.
    pub tz: Option<String>,
    pub project_id: Option<Uuid>,
    pub area_id: Option<Uuid>,
    pub kind: Option<CaseKind>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct BreakdownQuery {
    pub by: Dimension,
    #[param(example = "2026-11-01")]
    pub from: NaiveDate,
    #[param(example = "2026-11-30")]
    pub to: NaiveDate,
    pub tz: Option<String>,
    pub project_id: Option<Uuid>,
    pub area_id: Option<Uuid>,
    pub kind: Option<CaseKind>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct TrendQuery {
    /// `day` (default), `week` (from Monday) or `month`.
    pub interval: Option<TrendInterval>,
    #[param(example = "2026-11-01")]
    pub from: NaiveDate,
    #[param(example = "2026-11-30")]
    pub to: NaiveDate,
    pub tz: Option<String>,
    pub project_id: Option<Uuid>,
    pub area_id: Option<Uuid>,
    pub kind: Option<CaseKind>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct CurrentQuery {
    pub project_id: Option<Uuid>,
    pub area_id: Option<Uuid>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ReportFormat {
    Json,
    Xlsx,
    Csv,
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ReportQuery {
    #[param(example = "2026-11")]
    pub month: String,
    /// `json`, `xlsx` or `csv`; without it the `Accept` header decides (JSON by default).
    pub format: Option<ReportFormat>,
    pub tz: Option<String>,
    pub project_id: Option<Uuid>,
    pub area_id: Option<Uuid>,
    pub kind: Option<CaseKind>,
}

pub(crate) fn period_error(e: PeriodError) -> ApiError {
    let field = match e {
        PeriodError::UnknownTimeZone(_) => "tz",
        PeriodError::Reversed | PeriodError::TooLong(_) => "to",
        PeriodError::BadMonth => "month",
    };
    ApiError::invalid(field, e.to_string())
}

fn filter(
    caller: &Caller,
    from: NaiveDate,
    to: NaiveDate,
    tz: Option<&str>,
    project_id: Option<Uuid>,
    area_id: Option<Uuid>,
    kind: Option<CaseKind>,
) -> ApiResult<StatsFilter> {
    let tz = parse_tz(tz).map_err(period_error)?;
    let period = Period::new(from, to, tz).map_err(period_error)?;
    Ok(StatsFilter {
        period,
        allowed_projects: caller.allowed_projects(),
        project_id,
        area_id,
        kind,
        scan: false,
    })
}

pub(crate) fn require_stats(caller: &Caller) -> ApiResult<()> {
    caller.require(Permission::StatsRead, ApiScope::StatsRead)
}

/// Core figures of the cases created in the period (see the README for every definition).
#[utoipa::path(tag = "statistics", params(StatsQuery), responses((status = 200, body = Summary)), security(("bearer" = []), ("api_key" = [])))]
#[get("/stats/summary")]
async fn summary(state: web::Data<AppState>, caller: Caller, q: Query<StatsQuery>) -> ApiResult<HttpResponse> {
    require_stats(&caller)?;
    let f = filter(&caller, q.from, q.to, q.tz.as_deref(), q.project_id, q.area_id, q.kind)?;
    Ok(HttpResponse::Ok().json(Summary::from(store_summary(&state.store.db, &f).await?)))
}

/// The core figures per category, channel, project, area, building, department, assignee, kind or
/// severity, largest group first; the groups add up to the summary.
#[utoipa::path(tag = "statistics", params(BreakdownQuery), responses((status = 200, body = Breakdown)), security(("bearer" = []), ("api_key" = [])))]
#[get("/stats/breakdown")]
async fn breakdown(state: web::Data<AppState>, caller: Caller, q: Query<BreakdownQuery>) -> ApiResult<HttpResponse> {
    require_stats(&caller)?;
    let f = filter(&caller, q.from, q.to, q.tz.as_deref(), q.project_id, q.area_id, q.kind)?;
    let found = store_breakdown(&state.store.db, &f, q.by.into()).await?;
    Ok(HttpResponse::Ok().json(Breakdown::from(found)))
}

/// A time series by day, week or month; empty buckets are present with zeros.
#[utoipa::path(tag = "statistics", params(TrendQuery), responses((status = 200, body = Trend)), security(("bearer" = []), ("api_key" = [])))]
#[get("/stats/trend")]
async fn trend(state: web::Data<AppState>, caller: Caller, q: Query<TrendQuery>) -> ApiResult<HttpResponse> {
    require_stats(&caller)?;
    let f = filter(&caller, q.from, q.to, q.tz.as_deref(), q.project_id, q.area_id, q.kind)?;
    let found = store_trend(&state.store.db, &f, q.interval.unwrap_or_default().into()).await?;
    Ok(HttpResponse::Ok().json(Trend::from(found)))
}

/// The case load right now, for the console dashboard: open, registered today (Beijing day),
/// unassigned, overdue and awaiting a return visit.
#[utoipa::path(tag = "statistics", params(CurrentQuery), responses((status = 200, body = CurrentCounts)), security(("bearer" = []), ("api_key" = [])))]
#[get("/stats/current")]
async fn current(state: web::Data<AppState>, caller: Caller, q: Query<CurrentQuery>) -> ApiResult<HttpResponse> {
    require_stats(&caller)?;
    let counts = store_current(&state.store.db, caller.allowed_projects(), q.project_id, q.area_id).await?;
    Ok(HttpResponse::Ok().json(CurrentCounts::from(counts)))
}

fn wanted_format(req: &HttpRequest, explicit: Option<ReportFormat>) -> ReportFormat {
    if let Some(format) = explicit {
        return format;
    }
    let accept = req
        .headers()
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if accept.contains("spreadsheetml") {
        ReportFormat::Xlsx
    } else if accept.contains("text/csv") {
        ReportFormat::Csv
    } else {
        ReportFormat::Json
    }
}

/// The monthly complaint analysis (summary, month-over-month change, top categories and buildings,
/// overdue cases, warnings) with the modules' sections (arrears, visit coverage, leads, works, top
/// knowledge articles; `null` where you may not read the module) — as JSON, XLSX (one sheet per
/// section) or CSV (one block per section).
#[utoipa::path(
    tag = "statistics",
    params(ReportQuery),
    responses((status = 200, description = "The report", content(
        (sections::MonthlyReportResponse = "application/json"),
        (Vec<u8> = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        (String = "text/csv")
    )),
    (status = 404, body = crate::error::Problem, content_type = "application/problem+json",
        description = "`project_id` is not one of your projects")),
    security(("bearer" = []), ("api_key" = []))
)]
#[get("/stats/report")]
async fn report(
    req: HttpRequest,
    state: web::Data<AppState>,
    caller: Caller,
    q: Query<ReportQuery>,
) -> ApiResult<HttpResponse> {
    require_stats(&caller)?;
    let tz = parse_tz(q.tz.as_deref()).map_err(period_error)?;
    let period = Period::month(&q.month, tz).map_err(period_error)?;
    let f = StatsFilter {
        period,
        allowed_projects: caller.allowed_projects(),
        project_id: q.project_id,
        area_id: q.area_id,
        kind: q.kind,
        scan: false,
    };
    let report = MonthlyReport::from(monthly(&state.store.db, q.month.trim(), &f).await?);
    let sections = sections::sections(&state.store.db, &caller, &f).await?;
    let name = format!("huiyin-report-{}", report.month);
    Ok(match wanted_format(&req, q.format) {
        ReportFormat::Json => HttpResponse::Ok().json(sections::MonthlyReportResponse { report, sections }),
        ReportFormat::Csv => attachment(
            render::csv(&report, &sections)?,
            "text/csv; charset=utf-8",
            &format!("{name}.csv"),
        ),
        ReportFormat::Xlsx => attachment(
            render::xlsx(&report, &sections)?,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            &format!("{name}.xlsx"),
        ),
    })
}

fn attachment(bytes: Vec<u8>, content_type: &'static str, file_name: &str) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, content_type))
        .insert_header((
            header::CONTENT_DISPOSITION,
            HeaderValue::from_str(&format!("attachment; filename=\"{file_name}\""))
                .unwrap_or(HeaderValue::from_static("attachment")),
        ))
        .body(bytes)
}
