//! Visit plans, household visits (走访), coverage and the steward's worklist.

use actix_web::http::StatusCode;
use actix_web::{get, post, put, web, HttpResponse};
use chrono::{DateTime, Utc};
use huiyin_domain::permission::Permission;
use huiyin_domain::steward::StewardVisitPurpose;
use huiyin_store::idempotency;
use huiyin_store::stewardship::coverage::{self, AreaCoverage, WorkItem};
use huiyin_store::stewardship::plans::{self, SetVisitPlan, VisitPlan};
use huiyin_store::stewardship::visits::{self, RecordVisit, StewardVisit, VisitFilter};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use super::month_param;
use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::extract::{IdempotencyKey, IfMatch, Json, Query};
use crate::idempotent::{json_answer, stored_reply};
use crate::routes::ok_versioned;
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(get_plan)
        .service(put_plan)
        .service(record)
        .service(list)
        .service(get_one)
        .service(area_coverage)
        .service(coverage_by_area)
        .service(area_worklist);
}

#[derive(Debug, Serialize, ToSchema)]
pub struct VisitPlanResponse {
    pub area_id: Uuid,
    /// Share of the area's households to visit each Beijing month (0–1).
    #[schema(example = 0.3)]
    pub monthly_target: f64,
    /// Customers carrying one of these tags are key customers, visited first.
    pub key_tags: Vec<String>,
    /// 0 while the plan was never set.
    pub version: i32,
}

impl From<VisitPlan> for VisitPlanResponse {
    fn from(p: VisitPlan) -> Self {
        VisitPlanResponse {
            area_id: p.area_id,
            monthly_target: p.monthly_target,
            key_tags: p.key_tags,
            version: p.version,
        }
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"monthly_target": 0.3, "key_tags": ["VIP"]}))]
pub struct SetVisitPlanRequest {
    /// 0–1.
    pub monthly_target: f64,
    #[serde(default)]
    pub key_tags: Vec<String>,
}

/// An area's monthly visit plan (version 0 while never set).
#[utoipa::path(tag = "stewardship", responses((status = 200, body = VisitPlanResponse)), security(("bearer" = [])))]
#[get("/areas/{id}/visit-plan")]
async fn get_plan(state: web::Data<AppState>, user: AuthUser, id: web::Path<Uuid>) -> ApiResult<HttpResponse> {
    user.require(Permission::StewardWork)?;
    let plan = plans::get(&state.store.db, &user, *id).await?;
    let version = plan.version;
    Ok(ok_versioned(&VisitPlanResponse::from(plan), version))
}

/// Sets the area's monthly target and key tags (`If-Match: "0"` for a plan never set).
#[utoipa::path(tag = "stewardship", request_body = SetVisitPlanRequest,
    params(("If-Match" = String, Header, description = "The plan's version you last read (\"0\" if never set)")),
    responses((status = 200, body = VisitPlanResponse),
        (status = 412, body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 428, body = crate::error::Problem, content_type = "application/problem+json")),
    security(("bearer" = [])))]
#[put("/areas/{id}/visit-plan")]
async fn put_plan(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
    version: IfMatch,
    Json(body): Json<SetVisitPlanRequest>,
) -> ApiResult<HttpResponse> {
    user.require(Permission::StewardPlan)?;
    let input = SetVisitPlan {
        monthly_target: body.monthly_target,
        key_tags: body.key_tags,
    };
    let plan = plans::set(&state.store.db, &user, *id, version.0, input).await?;
    let version = plan.version;
    Ok(ok_versioned(&VisitPlanResponse::from(plan), version))
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"property_id": "0193a5c1-0000-7000-8000-000000000001", "purpose": "routine", "reached": true,
    "opinions": "楼道灯坏了两周"}))]
pub struct RecordVisitRequest {
    /// A household of one of your areas.
    pub property_id: Uuid,
    /// The customer met, if known (must be linked to the property).
    pub customer_id: Option<Uuid>,
    pub purpose: StewardVisitPurpose,
    /// Whether anyone was met.
    pub reached: bool,
    /// What the household said.
    pub opinions: Option<String>,
    /// Defaults to now.
    pub visited_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct StewardVisitResponse {
    pub id: Uuid,
    pub project_id: Uuid,
    pub area_id: Uuid,
    pub property_id: Uuid,
    pub customer_id: Option<Uuid>,
    /// Who made the visit.
    pub steward_id: Uuid,
    pub purpose: StewardVisitPurpose,
    pub reached: bool,
    pub opinions: Option<String>,
    pub visited_at: DateTime<Utc>,
    /// The Beijing month counted for coverage.
    #[schema(example = "2026-12")]
    pub month: String,
    /// The case raised from this visit's opinion (`POST /api/v1/cases` with `steward_visit_id`).
    pub case_id: Option<Uuid>,
    pub created_at: DateTime<Utc>,
}

impl From<StewardVisit> for StewardVisitResponse {
    fn from(v: StewardVisit) -> Self {
        let r = v.row;
        StewardVisitResponse {
            id: r.id,
            project_id: r.project_id,
            area_id: r.area_id,
            property_id: r.property_id,
            customer_id: r.customer_id,
            steward_id: r.steward_id,
            purpose: v.purpose,
            reached: r.reached,
            opinions: r.opinions,
            visited_at: r.visited_at,
            month: r.month,
            case_id: r.case_id,
            created_at: r.created_at,
        }
    }
}

crate::list_response!(StewardVisitList, StewardVisitResponse);

/// Records a household visit in one of your areas. Send an `Idempotency-Key` so a retry does not
/// record it twice. An opinion that needs handling becomes a case: `POST /api/v1/cases` with
/// `steward_visit_id` and channel `steward_visit`.
#[utoipa::path(tag = "stewardship", request_body = RecordVisitRequest,
    params(("Idempotency-Key" = Option<String>, Header, description = "A retry with the same key and body returns the first answer")),
    responses((status = 201, body = StewardVisitResponse)), security(("bearer" = [])))]
#[post("/steward-visits")]
async fn record(
    state: web::Data<AppState>,
    user: AuthUser,
    key: IdempotencyKey,
    Json(body): Json<RecordVisitRequest>,
) -> ApiResult<HttpResponse> {
    user.require(Permission::StewardWork)?;
    let hash = idempotency::request_hash(&serde_json::to_string(&body).unwrap_or_default());
    let actor = user.0.clone();
    let input = RecordVisit {
        property_id: body.property_id,
        customer_id: body.customer_id,
        purpose: body.purpose,
        reached: body.reached,
        opinions: body.opinions,
        visited_at: body.visited_at,
    };
    let answer = idempotency::run(&state.store.db, actor.user_id, key.0.as_deref(), &hash, async |txn| {
        let saved = visits::record(txn, &actor, input).await?;
        Ok(json_answer(StatusCode::CREATED, &StewardVisitResponse::from(saved)))
    })
    .await?;
    Ok(stored_reply(answer, StatusCode::CREATED))
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ListStewardVisits {
    pub area_id: Option<Uuid>,
    /// Who made the visits.
    pub steward_id: Option<Uuid>,
    /// `YYYY-MM` (Beijing month).
    pub month: Option<String>,
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<u64>,
    pub cursor: Option<String>,
}

/// Visits in your areas, newest first (404 for an area outside them).
#[utoipa::path(tag = "stewardship", params(ListStewardVisits), responses((status = 200, body = StewardVisitList), (status = 404, body = crate::error::Problem, content_type = "application/problem+json", description = "An area or steward outside your scope")), security(("bearer" = [])))]
#[get("/steward-visits")]
async fn list(state: web::Data<AppState>, user: AuthUser, query: Query<ListStewardVisits>) -> ApiResult<HttpResponse> {
    user.require(Permission::StewardWork)?;
    let query = query.into_inner();
    let filter = VisitFilter {
        area_id: query.area_id,
        steward_id: query.steward_id,
        month: query.month.as_deref().map(|m| month_param(Some(m))).transpose()?,
        limit: query.limit,
        cursor: query.cursor,
    };
    let page = visits::list(&state.store.db, &user, &filter).await?;
    Ok(HttpResponse::Ok().json(StewardVisitList::from(page)))
}

#[utoipa::path(tag = "stewardship", responses((status = 200, body = StewardVisitResponse)), security(("bearer" = [])))]
#[get("/steward-visits/{id}")]
async fn get_one(state: web::Data<AppState>, user: AuthUser, id: web::Path<Uuid>) -> ApiResult<HttpResponse> {
    user.require(Permission::StewardWork)?;
    let found = visits::get(&state.store.db, &user, *id).await?;
    Ok(HttpResponse::Ok().json(StewardVisitResponse::from(found)))
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct MonthQuery {
    /// `YYYY-MM` (Beijing month); the current month when omitted.
    pub month: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct KeyCustomerCoverage {
    pub total: u64,
    pub visited: u64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct StewardCoverageResponse {
    pub steward_id: Uuid,
    pub visits: u64,
    /// Distinct households this steward visited.
    pub households: u64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CoverageResponse {
    pub area_id: Uuid,
    pub area_name: String,
    #[schema(example = "2026-12")]
    pub month: String,
    pub households: u64,
    /// Households visited at least once this month (however often).
    pub visited: u64,
    /// Households where someone was met.
    pub reached: u64,
    /// visited / households, 0–1.
    #[schema(example = 0.35)]
    pub coverage: f64,
    /// The plan's monthly target, 0–1.
    #[schema(example = 0.3)]
    pub target: f64,
    pub target_met: bool,
    pub key_customers: KeyCustomerCoverage,
    pub by_steward: Vec<StewardCoverageResponse>,
}

impl From<AreaCoverage> for CoverageResponse {
    fn from(c: AreaCoverage) -> Self {
        let f = c.figures;
        CoverageResponse {
            area_id: c.area.id,
            area_name: c.area.name,
            month: c.month.to_string(),
            households: f.households,
            visited: f.visited,
            reached: f.reached,
            coverage: f.coverage,
            target: c.target,
            target_met: f.coverage + 1e-9 >= c.target,
            key_customers: KeyCustomerCoverage {
                total: f.key_total,
                visited: f.key_visited,
            },
            by_steward: f
                .by_steward
                .into_iter()
                .map(|s| StewardCoverageResponse {
                    steward_id: s.steward,
                    visits: s.visits,
                    households: s.households,
                })
                .collect(),
        }
    }
}

/// The area's visit coverage in a Beijing month against its target.
#[utoipa::path(tag = "stewardship", params(MonthQuery), responses((status = 200, body = CoverageResponse)), security(("bearer" = [])))]
#[get("/areas/{id}/coverage")]
async fn area_coverage(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
    query: Query<MonthQuery>,
) -> ApiResult<HttpResponse> {
    user.require(Permission::StewardWork)?;
    let month = month_param(query.month.as_deref())?;
    let found = coverage::of_area(&state.store.db, &user, *id, month).await?;
    Ok(HttpResponse::Ok().json(CoverageResponse::from(found)))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct WorkCustomer {
    pub id: Uuid,
    pub name: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct WorkCase {
    pub id: Uuid,
    #[schema(example = "TS-20261205-0003")]
    pub number: String,
    pub kind: String,
    pub status: String,
    pub title: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct WorkItemResponse {
    pub property_id: Uuid,
    pub building: String,
    pub unit: String,
    pub room: String,
    pub key_customer: bool,
    pub customers: Vec<WorkCustomer>,
    /// The household's cases still open.
    pub open_cases: Vec<WorkCase>,
}

impl From<WorkItem> for WorkItemResponse {
    fn from(w: WorkItem) -> Self {
        WorkItemResponse {
            property_id: w.property.id,
            building: w.property.building,
            unit: w.property.unit,
            room: w.property.room,
            key_customer: w.key_customer,
            customers: w
                .customers
                .into_iter()
                .map(|c| WorkCustomer { id: c.id, name: c.name })
                .collect(),
            open_cases: w
                .open_cases
                .into_iter()
                .map(|c| WorkCase {
                    id: c.id,
                    number: c.number,
                    kind: c.kind.to_string(),
                    status: c.status.to_string(),
                    title: c.title,
                })
                .collect(),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct WorklistResponse {
    pub items: Vec<WorkItemResponse>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct WorklistQuery {
    /// `YYYY-MM`; the current Beijing month when omitted.
    pub month: Option<String>,
    /// At most this many households (1–500, default 100).
    #[param(minimum = 1, maximum = 500)]
    pub limit: Option<u32>,
}

/// Households of the area not yet visited this month, key customers first, with their open cases.
#[utoipa::path(tag = "stewardship", params(WorklistQuery), responses((status = 200, body = WorklistResponse)), security(("bearer" = [])))]
#[get("/areas/{id}/worklist")]
async fn area_worklist(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
    query: Query<WorklistQuery>,
) -> ApiResult<HttpResponse> {
    user.require(Permission::StewardWork)?;
    let month = month_param(query.month.as_deref())?;
    let limit = match query.limit {
        None => 100,
        Some(n) if (1..=500).contains(&n) => n as usize,
        Some(_) => return Err(crate::error::ApiError::invalid("limit", "must be between 1 and 500")),
    };
    let items = coverage::worklist_of(&state.store.db, &user, *id, month, limit).await?;
    Ok(HttpResponse::Ok().json(WorklistResponse {
        items: items.into_iter().map(WorkItemResponse::from).collect(),
    }))
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct CoverageByAreaQuery {
    /// `YYYY-MM` (Beijing month); the current month when omitted.
    pub month: Option<String>,
    pub project_id: Option<Uuid>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CoverageByArea {
    pub items: Vec<CoverageResponse>,
}

/// Visit coverage of every area of your projects in a month (the statistics' coverage section).
#[utoipa::path(tag = "statistics", params(CoverageByAreaQuery), responses((status = 200, body = CoverageByArea)), security(("bearer" = [])))]
#[get("/stats/coverage")]
async fn coverage_by_area(
    state: web::Data<AppState>,
    user: AuthUser,
    query: Query<CoverageByAreaQuery>,
) -> ApiResult<HttpResponse> {
    user.require(Permission::StatsRead)?;
    let month = month_param(query.month.as_deref())?;
    let items =
        huiyin_store::stewardship::coverage_by_area::by_area(&state.store.db, &user, query.project_id, month).await?;
    Ok(HttpResponse::Ok().json(CoverageByArea {
        items: items.into_iter().map(CoverageResponse::from).collect(),
    }))
}
