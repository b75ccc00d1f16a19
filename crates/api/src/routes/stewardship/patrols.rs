//! Patrol routes (巡查路线) and patrols (巡查).

use actix_web::http::StatusCode;
use actix_web::{get, post, web, HttpResponse};
use chrono::{DateTime, NaiveDate, Utc};
use huiyin_domain::permission::Permission;
use huiyin_domain::steward::CheckpointKind;
use huiyin_domain::time::business_day;
use huiyin_store::idempotency;
use huiyin_store::stewardship::patrols::{self, CheckpointResult, PatrolFilter, PatrolRecord, RecordPatrol};
use huiyin_store::stewardship::routes::{self, CreateRoute, NewCheckpoint, RouteRecord};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::extract::{IdempotencyKey, Json, Query};
use crate::idempotent::{json_answer, stored_reply};
use crate::routes::created_versioned;
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(create_route)
        .service(list_routes)
        .service(get_route)
        .service(record)
        .service(list)
        .service(get_one);
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CheckpointInput {
    #[schema(example = "3 栋地下车库")]
    pub name: String,
    pub kind: CheckpointKind,
    /// The house or shop checked, if any (cases from this checkpoint are about it).
    pub property_id: Option<Uuid>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"area_id": "0193a5c1-0000-7000-8000-000000000001", "name": "一片区日巡", "every_days": 1,
    "checkpoints": [{"name": "3 栋地下车库", "kind": "public_area"}]}))]
pub struct CreateRouteRequest {
    pub area_id: Uuid,
    pub name: String,
    /// Patrol at least every this many Beijing days (1–92).
    pub every_days: u32,
    pub checkpoints: Vec<CheckpointInput>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CheckpointResponse {
    pub id: Uuid,
    pub name: String,
    pub kind: CheckpointKind,
    pub property_id: Option<Uuid>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct RouteResponse {
    pub id: Uuid,
    pub project_id: Uuid,
    pub area_id: Uuid,
    pub name: String,
    pub every_days: i32,
    pub checkpoints: Vec<CheckpointResponse>,
    pub last_patrolled_at: Option<DateTime<Utc>>,
    /// The Beijing day by which the next patrol is due.
    pub due_on: NaiveDate,
    /// Due today or overdue (Beijing time).
    pub due: bool,
    pub version: i32,
    pub created_at: DateTime<Utc>,
}

impl From<RouteRecord> for RouteResponse {
    fn from(r: RouteRecord) -> Self {
        RouteResponse {
            id: r.route.id,
            project_id: r.route.project_id,
            area_id: r.route.area_id,
            name: r.route.name,
            every_days: r.route.every_days,
            checkpoints: r
                .checkpoints
                .into_iter()
                .map(|c| CheckpointResponse {
                    id: c.row.id,
                    name: c.row.name,
                    kind: c.kind,
                    property_id: c.row.property_id,
                })
                .collect(),
            last_patrolled_at: r.route.last_patrolled_at,
            due: r.due_on <= business_day(huiyin_store::now()),
            due_on: r.due_on,
            version: r.route.version,
            created_at: r.route.created_at,
        }
    }
}

crate::list_response!(RouteList, RouteResponse);

/// Creates a patrol route with its checkpoints in one of your areas.
#[utoipa::path(tag = "stewardship", request_body = CreateRouteRequest, responses((status = 201, body = RouteResponse)), security(("bearer" = [])))]
#[post("/patrol-routes")]
async fn create_route(
    state: web::Data<AppState>,
    user: AuthUser,
    Json(body): Json<CreateRouteRequest>,
) -> ApiResult<HttpResponse> {
    user.require(Permission::StewardWork)?;
    let input = CreateRoute {
        area_id: body.area_id,
        name: body.name,
        every_days: body.every_days,
        checkpoints: body
            .checkpoints
            .into_iter()
            .map(|c| NewCheckpoint {
                name: c.name,
                kind: c.kind,
                property_id: c.property_id,
            })
            .collect(),
    };
    let created = routes::create(&state.store.db, &user, input).await?;
    let version = created.route.version;
    Ok(created_versioned(&RouteResponse::from(created), version))
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ListRoutes {
    pub area_id: Option<Uuid>,
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<u64>,
    pub cursor: Option<String>,
}

/// Routes of your areas with when each is next due.
#[utoipa::path(tag = "stewardship", params(ListRoutes), responses((status = 200, body = RouteList)), security(("bearer" = [])))]
#[get("/patrol-routes")]
async fn list_routes(state: web::Data<AppState>, user: AuthUser, query: Query<ListRoutes>) -> ApiResult<HttpResponse> {
    user.require(Permission::StewardWork)?;
    let page = routes::list(
        &state.store.db,
        &user,
        query.area_id,
        query.limit,
        query.cursor.as_deref(),
    )
    .await?;
    Ok(HttpResponse::Ok().json(RouteList::from(page)))
}

#[utoipa::path(tag = "stewardship", responses((status = 200, body = RouteResponse)), security(("bearer" = [])))]
#[get("/patrol-routes/{id}")]
async fn get_route(state: web::Data<AppState>, user: AuthUser, id: web::Path<Uuid>) -> ApiResult<HttpResponse> {
    user.require(Permission::StewardWork)?;
    let found = routes::get(&state.store.db, &user, *id).await?;
    Ok(HttpResponse::Ok().json(RouteResponse::from(found)))
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CheckpointResultInput {
    pub checkpoint_id: Uuid,
    pub ok: bool,
    /// What was wrong (becomes the incident case's description).
    pub note: Option<String>,
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RecordPatrolRequest {
    pub route_id: Uuid,
    /// One result for every checkpoint of the route.
    pub results: Vec<CheckpointResultInput>,
    pub started_at: Option<DateTime<Utc>>,
    /// Defaults to now.
    pub finished_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PatrolResultResponse {
    pub id: Uuid,
    pub checkpoint_id: Uuid,
    pub ok: bool,
    pub note: Option<String>,
    /// The incident case opened for a failed checkpoint.
    pub case_id: Option<Uuid>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PatrolResponse {
    pub id: Uuid,
    pub route_id: Uuid,
    pub area_id: Uuid,
    pub steward_id: Uuid,
    pub started_at: DateTime<Utc>,
    pub finished_at: DateTime<Utc>,
    pub failed: i32,
    pub results: Vec<PatrolResultResponse>,
}

impl From<PatrolRecord> for PatrolResponse {
    fn from(p: PatrolRecord) -> Self {
        PatrolResponse {
            id: p.patrol.id,
            route_id: p.patrol.route_id,
            area_id: p.patrol.area_id,
            steward_id: p.patrol.steward_id,
            started_at: p.patrol.started_at,
            finished_at: p.patrol.finished_at,
            failed: p.patrol.failed,
            results: p
                .results
                .into_iter()
                .map(|r| PatrolResultResponse {
                    id: r.id,
                    checkpoint_id: r.checkpoint_id,
                    ok: r.ok,
                    note: r.note,
                    case_id: r.case_id,
                })
                .collect(),
        }
    }
}

crate::list_response!(PatrolList, PatrolResponse);

/// Records a patrol; each failed checkpoint opens an incident case (channel `patrol`). Send an
/// `Idempotency-Key`: a retry returns the first answer and opens no second case.
#[utoipa::path(tag = "stewardship", request_body = RecordPatrolRequest,
    params(("Idempotency-Key" = Option<String>, Header, description = "A retry with the same key and body returns the first answer")),
    responses((status = 201, body = PatrolResponse)), security(("bearer" = [])))]
#[post("/patrols")]
async fn record(
    state: web::Data<AppState>,
    user: AuthUser,
    key: IdempotencyKey,
    Json(body): Json<RecordPatrolRequest>,
) -> ApiResult<HttpResponse> {
    user.require(Permission::StewardWork)?;
    let hash = idempotency::request_hash(&serde_json::to_string(&body).unwrap_or_default());
    let actor = user.0.clone();
    let input = RecordPatrol {
        route_id: body.route_id,
        results: body
            .results
            .into_iter()
            .map(|r| CheckpointResult {
                checkpoint_id: r.checkpoint_id,
                ok: r.ok,
                note: r.note,
            })
            .collect(),
        started_at: body.started_at,
        finished_at: body.finished_at,
    };
    let answer = idempotency::run(&state.store.db, actor.user_id, key.0.as_deref(), &hash, async |txn| {
        let saved = patrols::record(txn, &actor, input).await?;
        Ok(json_answer(StatusCode::CREATED, &PatrolResponse::from(saved)))
    })
    .await?;
    Ok(stored_reply(answer, StatusCode::CREATED))
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ListPatrols {
    pub route_id: Option<Uuid>,
    pub area_id: Option<Uuid>,
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<u64>,
    pub cursor: Option<String>,
}

/// Patrols of your areas, newest first (404 for a route or area outside them).
#[utoipa::path(tag = "stewardship", params(ListPatrols), responses((status = 200, body = PatrolList), (status = 404, body = crate::error::Problem, content_type = "application/problem+json", description = "A route or area outside your scope")), security(("bearer" = [])))]
#[get("/patrols")]
async fn list(state: web::Data<AppState>, user: AuthUser, query: Query<ListPatrols>) -> ApiResult<HttpResponse> {
    user.require(Permission::StewardWork)?;
    let query = query.into_inner();
    let filter = PatrolFilter {
        route_id: query.route_id,
        area_id: query.area_id,
        limit: query.limit,
        cursor: query.cursor,
    };
    let page = patrols::list(&state.store.db, &user, &filter).await?;
    Ok(HttpResponse::Ok().json(PatrolList::from(page)))
}

#[utoipa::path(tag = "stewardship", responses((status = 200, body = PatrolResponse)), security(("bearer" = [])))]
#[get("/patrols/{id}")]
async fn get_one(state: web::Data<AppState>, user: AuthUser, id: web::Path<Uuid>) -> ApiResult<HttpResponse> {
    user.require(Permission::StewardWork)?;
    let found = patrols::get(&state.store.db, &user, *id).await?;
    Ok(HttpResponse::Ok().json(PatrolResponse::from(found)))
}
