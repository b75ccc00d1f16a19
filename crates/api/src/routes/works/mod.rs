//! Works endpoints (装修工程): open from a signed lead, stage timeline and visits, archive,
//! and the warranty lookup.

pub mod views;

use actix_web::{get, post, web, HttpResponse};
use huiyin_domain::decoration::works::out_of_warranty;
use huiyin_domain::money::Money;
use huiyin_domain::permission::Permission;
use huiyin_domain::time::business_day;
use huiyin_store::works::create::{self, NewWorks};
use huiyin_store::works::visits::{self, StageVisit, VisitIssue};
use huiyin_store::works::{self as store_works, warranty};
use huiyin_store::{now, StoreError};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use self::views::{
    ArchiveWorks, CreateWorks, ListWorks, RecordStageVisit, WarrantyAnswer, WarrantyQuery, WorksList, WorksResponse,
};
use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::extract::{IfMatch, Json, Query};
use crate::routes::{created_versioned, ok_versioned};
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(warranty_lookup)
        .service(create_works)
        .service(list)
        .service(get_one)
        .service(start_stage)
        .service(record_visit)
        .service(archive);
}

fn yuan(field: &str, text: &str) -> Result<i64, StoreError> {
    Money::parse(text)
        .ok()
        .map(Money::fen)
        .ok_or_else(|| StoreError::invalid(field, "yuan as a non-negative decimal string, e.g. \"86000.00\""))
}

fn reply(record: store_works::WorksRecord) -> HttpResponse {
    let body = WorksResponse::from(record);
    ok_versioned(&body, body.version)
}

/// Opens the works of a signed lead with the company's stages (material arrival, any extra
/// stages, mid-construction, completion).
#[utoipa::path(tag = "works", request_body = CreateWorks, responses((status = 201, body = WorksResponse),
    (status = 409, body = crate::error::Problem, content_type = "application/problem+json", description = "The lead is not signed, or already has works")),
    security(("bearer" = [])))]
#[post("/works")]
async fn create_works(
    state: web::Data<AppState>,
    user: AuthUser,
    Json(body): Json<CreateWorks>,
) -> ApiResult<HttpResponse> {
    user.require(Permission::WorksManage)?;
    let input = NewWorks {
        lead_id: body.lead_id,
        contract_signed_on: body.contract_signed_on,
        contract_amount_fen: yuan("contract_amount", &body.contract_amount)?,
        designer_id: body.designer_id,
        project_manager_id: body.project_manager_id,
        supervisor_id: body.supervisor_id,
        inspector_id: body.inspector_id,
        planned_start: body.planned_start,
        planned_finish: body.planned_finish,
        address: body.address,
        property_id: body.property_id,
    };
    let record = create::create(&state.store.db, &user, input).await?;
    let body = WorksResponse::from(record);
    Ok(created_versioned(&body, body.version))
}

/// Works in the caller's scope (a designer: their own), newest first.
#[utoipa::path(tag = "works", params(ListWorks), responses((status = 200, body = WorksList)), security(("bearer" = [])))]
#[get("/works")]
async fn list(state: web::Data<AppState>, user: AuthUser, query: Query<ListWorks>) -> ApiResult<HttpResponse> {
    user.require(Permission::WorksRead)?;
    let q = query.into_inner();
    let page = store_works::list(&state.store.db, &user, q.limit, q.cursor.as_deref()).await?;
    Ok(HttpResponse::Ok().json(WorksList::from(page)))
}

/// The works with its stage timeline, visits and linked cases.
#[utoipa::path(tag = "works", responses((status = 200, body = WorksResponse)), security(("bearer" = [])))]
#[get("/works/{id}")]
async fn get_one(state: web::Data<AppState>, user: AuthUser, id: web::Path<Uuid>) -> ApiResult<HttpResponse> {
    user.require(Permission::WorksRead)?;
    Ok(reply(store_works::get(&state.store.db, &user, *id).await?))
}

/// Starts a stage and schedules its visit. A stage this works does not have → 422 `stage`.
#[utoipa::path(tag = "works", params(("If-Match" = String, Header, description = "The version you last read")),
    responses((status = 200, body = WorksResponse), (status = 409, body = crate::error::Problem, content_type = "application/problem+json", description = "The stage has already started")), security(("bearer" = [])))]
#[post("/works/{id}/stages/{stage}/start")]
async fn start_stage(
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<(Uuid, String)>,
    version: IfMatch,
) -> ApiResult<HttpResponse> {
    user.require(Permission::WorksManage)?;
    let (id, stage) = path.into_inner();
    Ok(reply(
        visits::start_stage(&state.store.db, &user, id, version.0, &stage).await?,
    ))
}

/// Records a stage visit. Each issue opens a case linked to the works; a dissatisfied visit opens
/// a major engineering complaint (which alerts the escalation contacts). The completion visit
/// completes the works: the warranty runs and aftercare visits every 2 months for a year are due.
#[utoipa::path(tag = "works", request_body = RecordStageVisit, params(("If-Match" = String, Header, description = "The version you last read")),
    responses((status = 200, body = WorksResponse), (status = 409, body = crate::error::Problem, content_type = "application/problem+json", description = "The stage has not started, or aftercare before completion")), security(("bearer" = [])))]
#[post("/works/{id}/visits")]
async fn record_visit(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
    version: IfMatch,
    Json(body): Json<RecordStageVisit>,
) -> ApiResult<HttpResponse> {
    user.require(Permission::WorksVisit)?;
    let input = StageVisit {
        stage: body.stage,
        satisfaction: body.satisfaction,
        inspector_present: body.inspector_present,
        briefing_clear: body.briefing_clear,
        designer_satisfaction: body.designer_satisfaction,
        note: body.note,
        issues: body
            .issues
            .into_iter()
            .map(|i| VisitIssue {
                kind: i.kind,
                description: i.description,
            })
            .collect(),
    };
    Ok(reply(
        visits::visit(&state.store.db, &user, *id, version.0, input).await?,
    ))
}

/// The customer archive after completion: warranty card issued, warranty deposit (质保金).
#[utoipa::path(tag = "works", request_body = ArchiveWorks, params(("If-Match" = String, Header, description = "The version you last read")),
    responses((status = 200, body = WorksResponse)), security(("bearer" = [])))]
#[post("/works/{id}/archive")]
async fn archive(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
    version: IfMatch,
    Json(body): Json<ArchiveWorks>,
) -> ApiResult<HttpResponse> {
    user.require(Permission::WorksManage)?;
    let deposit = match body.warranty_deposit.as_deref() {
        Some(text) => Some(yuan("warranty_deposit", text)?),
        None => None,
    };
    Ok(reply(
        visits::archive(
            &state.store.db,
            &user,
            *id,
            version.0,
            body.warranty_card_issued,
            deposit,
        )
        .await?,
    ))
}

/// Is a repair at this property (or for this customer) paid service? Cases registered as repairs
/// there are marked paid automatically (event `marked_paid` on their timeline).
#[utoipa::path(tag = "works", params(WarrantyQuery), responses((status = 200, body = WarrantyAnswer)), security(("bearer" = [])))]
#[get("/works/warranty")]
async fn warranty_lookup(
    state: web::Data<AppState>,
    user: AuthUser,
    query: Query<WarrantyQuery>,
) -> ApiResult<HttpResponse> {
    if !user.may(Permission::WorksRead) && !user.may(Permission::CaseCreate) {
        return Err(crate::error::ApiError::forbidden());
    }
    if query.property_id.is_none() && query.customer_id.is_none() {
        return Err(StoreError::invalid("property_id", "give a property_id or a customer_id").into());
    }
    let found = warranty::works_for(&state.store.db, query.property_id, query.customer_id)
        .await?
        .filter(|w| user.sees_project(w.project_id));
    let today = business_day(now());
    Ok(HttpResponse::Ok().json(WarrantyAnswer {
        works_id: found.as_ref().map(|w| w.id),
        warranty_until: found.as_ref().and_then(|w| w.warranty_until),
        out_of_warranty: found.is_some_and(|w| out_of_warranty(w.warranty_until, today)),
    }))
}
