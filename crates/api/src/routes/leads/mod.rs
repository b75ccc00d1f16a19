//! Lead endpoints (decoration companies): register, board and queues, detail, timeline, the
//! dispatch dialog's list, and the actions in `actions.rs`.

pub mod actions;
pub mod designers;
pub mod stats;
pub mod views;

use actix_web::http::StatusCode;
use actix_web::{get, post, web, HttpResponse};
use huiyin_domain::money::Money;
use huiyin_domain::permission::Permission;
use huiyin_store::idempotency;
use huiyin_store::leads::create::NewLead;
use huiyin_store::leads::query::{self, LeadFilter};
use huiyin_store::leads::{designers as store_designers, LeadRecord};
use huiyin_store::{audit, now, Actor, StoreError};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use self::views::{
    lead_response, CreateLead, EligibleDesignerList, EligibleQuery, LeadEventResponse, LeadList, LeadResponse,
    ListLeads,
};
use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::extract::{IdempotencyKey, Json, Query};
use crate::idempotent::{json_answer, stored_reply_versioned};
use crate::routes::ok_versioned;
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(create)
        .service(list)
        .service(get_one)
        .service(list_events)
        .service(eligible_designers);
    actions::configure(cfg);
    designers::configure(cfg);
    stats::configure(cfg);
}

/// The lead as `actor` sees it: the phone in full for roles with the PII permission and for the
/// lead's own designer (who must call the customer) — each such view audited.
pub async fn render(state: &AppState, actor: &Actor, record: LeadRecord) -> ApiResult<LeadResponse> {
    let show = actor.may(Permission::PiiView) || record.lead.designer_id == Some(actor.user_id);
    if show {
        audit::record(
            &state.store.db,
            actor,
            "customer.phone_viewed",
            "lead",
            Some(record.lead.id),
            serde_json::json!({"customer_id": record.lead.customer_id, "number": record.lead.number}),
        )
        .await?;
    }
    Ok(lead_response(record, show, now()))
}

fn new_lead(body: CreateLead) -> Result<NewLead, StoreError> {
    let budget_fen = match Money::parse(&body.budget).ok().map(Money::fen) {
        Some(fen) => fen,
        None if body.budget.trim().starts_with('-') => {
            return Err(StoreError::invalid("budget", "must not be negative"))
        }
        None => {
            return Err(StoreError::invalid(
                "budget",
                "yuan as a decimal string with at most two decimals, e.g. \"45000.00\"",
            ))
        }
    };
    Ok(NewLead {
        project_id: body.project_id,
        source: body.source,
        customer_name: body.customer.name,
        customer_phone: body.customer.phone,
        address: body.address,
        floor_area_m2: body.floor_area_m2,
        budget_fen,
        planned_on: body.planned_on,
        brought_by: body.brought_by,
        evidence: body.evidence,
        transfer_slip: body.transfer_slip.map(Into::into),
        intent: body.intent,
    })
}

/// Registers a lead and gives it its `XS-` number. A second lead for the same phone within 90
/// days comes back with `duplicate_of` (the first one's attribution) for the customer manager.
#[utoipa::path(
    tag = "leads",
    request_body = CreateLead,
    params(("Idempotency-Key" = Option<String>, Header, description = "A retry with the same key and body returns the first answer")),
    responses((status = 201, body = LeadResponse)),
    security(("bearer" = []))
)]
#[post("/leads")]
async fn create(
    state: web::Data<AppState>,
    user: AuthUser,
    key: IdempotencyKey,
    Json(body): Json<CreateLead>,
) -> ApiResult<HttpResponse> {
    user.require(Permission::LeadCreate)?;
    let hash = idempotency::request_hash(&serde_json::to_string(&body).unwrap_or_default());
    let input = new_lead(body)?;
    let actor = user.0.clone();
    let answer = idempotency::run(&state.store.db, actor.user_id, key.0.as_deref(), &hash, async |txn| {
        let record = huiyin_store::leads::create::create(txn, &actor, input).await?;
        let response = lead_response(record, actor.may(Permission::PiiView), now());
        Ok(json_answer(StatusCode::CREATED, &response))
    })
    .await?;
    Ok(stored_reply_versioned(answer, StatusCode::CREATED))
}

/// Leads in the caller's scope, newest first: the board (`status`), a designer's own leads
/// (designers only ever see theirs), the overdue follow-up queue (`overdue=true`) and the
/// lost-lead confirmation queue (`status=lost_pending`).
#[utoipa::path(tag = "leads", params(ListLeads), responses((status = 200, body = LeadList)), security(("bearer" = [])))]
#[get("/leads")]
async fn list(state: web::Data<AppState>, user: AuthUser, query: Query<ListLeads>) -> ApiResult<HttpResponse> {
    user.require(Permission::LeadRead)?;
    let q = query.into_inner();
    let page = query::list(
        &state.store.db,
        &user,
        LeadFilter {
            status: q.status,
            source: q.source,
            size: q.size,
            designer_id: q.designer_id,
            project_id: q.project_id,
            overdue: q.overdue.unwrap_or(false),
            limit: q.limit,
            cursor: q.cursor,
        },
    )
    .await?;
    let at = now();
    let show = user.may(Permission::PiiView);
    let items = page
        .items
        .into_iter()
        .map(|r| {
            let own = r.lead.designer_id == Some(user.user_id);
            lead_response(r, show || own, at)
        })
        .collect();
    Ok(HttpResponse::Ok().json(LeadList {
        items,
        next_cursor: page.next_cursor,
    }))
}

#[utoipa::path(tag = "leads", responses((status = 200, body = LeadResponse)), security(("bearer" = [])))]
#[get("/leads/{id}")]
async fn get_one(state: web::Data<AppState>, user: AuthUser, id: web::Path<Uuid>) -> ApiResult<HttpResponse> {
    user.require(Permission::LeadRead)?;
    let record = query::get(&state.store.db, &user, *id).await?;
    let body = render(&state, &user, record).await?;
    Ok(ok_versioned(&body, body.version))
}

/// The lead's timeline, oldest first: registration, follow-ups, dispatches, progress, loss.
#[utoipa::path(tag = "leads", responses((status = 200, body = Vec<LeadEventResponse>)), security(("bearer" = [])))]
#[get("/leads/{id}/events")]
async fn list_events(state: web::Data<AppState>, user: AuthUser, id: web::Path<Uuid>) -> ApiResult<HttpResponse> {
    user.require(Permission::LeadRead)?;
    let events = query::events(&state.store.db, &user, *id).await?;
    Ok(HttpResponse::Ok().json(events.into_iter().map(LeadEventResponse::from).collect::<Vec<_>>()))
}

/// The dispatch dialog: the store's designers of the grade the lead's size needs (all grades
/// with `all_levels=true`), each with today's, this week's and in-hand counts, whether they may
/// take it and why not — eligible first, then fewest this week, then longest since a dispatch.
#[utoipa::path(tag = "leads", params(EligibleQuery), responses((status = 200, body = EligibleDesignerList)), security(("bearer" = [])))]
#[get("/leads/{id}/eligible-designers")]
async fn eligible_designers(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
    query: Query<EligibleQuery>,
) -> ApiResult<HttpResponse> {
    user.require(Permission::LeadDispatch)?;
    let lead = query::get(&state.store.db, &user, *id).await?.lead;
    let designers = store_designers::eligible(
        &state.store.db,
        lead.project_id,
        lead.size.0,
        query.all_levels.unwrap_or(false),
    )
    .await?;
    Ok(HttpResponse::Ok().json(EligibleDesignerList {
        size: lead.size.0,
        items: designers.into_iter().map(Into::into).collect(),
    }))
}
