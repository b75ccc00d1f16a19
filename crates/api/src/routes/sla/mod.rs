//! Deadline configuration: SLA policies per case kind × severity and the business calendar
//! (company-wide: administrators change them), and the escalation contacts per level (managers:
//! their projects' contacts).

use actix_web::{delete, get, post, put, web, HttpResponse};
use huiyin_domain::permission::Permission;
use huiyin_store::sla::{calendar, contacts, policies};
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use super::{created_versioned, ok_versioned};
use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::extract::{IfMatch, Json};
use crate::state::AppState;

mod views;

pub use views::{BusinessCalendar, CreateEscalationContact, EscalationContactView, SlaPolicyInput, SlaPolicyView};

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_policies)
        .service(create_policy)
        .service(update_policy)
        .service(delete_policy)
        .service(get_calendar)
        .service(put_calendar)
        .service(list_contacts)
        .service(create_contact)
        .service(delete_contact);
}

#[derive(Debug, serde::Serialize, ToSchema)]
pub struct SlaPolicyList {
    pub items: Vec<SlaPolicyView>,
}

/// Configured policies. A case uses the most specific match (kind × severity, then kind, then
/// severity, then the default row); without any match the built-in durations apply.
#[utoipa::path(tag = "deadlines", responses((status = 200, body = SlaPolicyList)), security(("bearer" = [])))]
#[get("/sla-policies")]
async fn list_policies(state: web::Data<AppState>, user: AuthUser) -> ApiResult<HttpResponse> {
    user.require(Permission::CaseRead)?;
    let items = policies::list(&state.store.db)
        .await?
        .into_iter()
        .map(SlaPolicyView::from)
        .collect();
    Ok(HttpResponse::Ok().json(SlaPolicyList { items }))
}

/// Adds a policy (409 when one for the same kind and severity exists).
#[utoipa::path(tag = "deadlines", request_body = SlaPolicyInput, responses((status = 201, body = SlaPolicyView), (status = 409, body = crate::error::Problem, content_type = "application/problem+json", description = "A policy for this kind and severity exists")), security(("bearer" = [])))]
#[post("/sla-policies")]
async fn create_policy(
    state: web::Data<AppState>,
    user: AuthUser,
    Json(body): Json<SlaPolicyInput>,
) -> ApiResult<HttpResponse> {
    user.require(Permission::ConfigManage)?;
    let saved = policies::create(&state.store.db, body.into()).await?;
    let version = saved.version;
    Ok(created_versioned(&SlaPolicyView::from(saved), version))
}

/// Replaces a policy. Cases keep the due times they already have; new steps use the new durations.
#[utoipa::path(tag = "deadlines", request_body = SlaPolicyInput,
    params(("If-Match" = String, Header, description = "The policy version you last read")),
    responses((status = 200, body = SlaPolicyView), (status = 409, body = crate::error::Problem, content_type = "application/problem+json", description = "Another policy has this kind and severity")), security(("bearer" = [])))]
#[put("/sla-policies/{id}")]
async fn update_policy(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
    version: IfMatch,
    Json(body): Json<SlaPolicyInput>,
) -> ApiResult<HttpResponse> {
    user.require(Permission::ConfigManage)?;
    let saved = policies::update(&state.store.db, *id, version.0, body.into()).await?;
    let version = saved.version;
    Ok(ok_versioned(&SlaPolicyView::from(saved), version))
}

#[utoipa::path(tag = "deadlines", responses((status = 204)), security(("bearer" = [])))]
#[delete("/sla-policies/{id}")]
async fn delete_policy(state: web::Data<AppState>, user: AuthUser, id: web::Path<Uuid>) -> ApiResult<HttpResponse> {
    user.require(Permission::ConfigManage)?;
    policies::delete(&state.store.db, *id).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// The business calendar used by policies with `business_hours: true`. Its `ETag` is the
/// version to send back (`"0"` before it was first saved).
#[utoipa::path(tag = "deadlines", responses((status = 200, body = BusinessCalendar)), security(("bearer" = [])))]
#[get("/sla-calendar")]
async fn get_calendar(state: web::Data<AppState>, user: AuthUser) -> ApiResult<HttpResponse> {
    user.require(Permission::CaseRead)?;
    let (calendar, version) = calendar::load(&state.store.db).await?;
    Ok(ok_versioned(&BusinessCalendar::from(calendar), version))
}

/// Replaces the calendar: working weekdays and hours, holidays and make-up working days.
#[utoipa::path(tag = "deadlines", request_body = BusinessCalendar,
    params(("If-Match" = String, Header, description = "The calendar version you last read (\"0\" the first time)")),
    responses((status = 200, body = BusinessCalendar)), security(("bearer" = [])))]
#[put("/sla-calendar")]
async fn put_calendar(
    state: web::Data<AppState>,
    user: AuthUser,
    version: IfMatch,
    Json(body): Json<BusinessCalendar>,
) -> ApiResult<HttpResponse> {
    user.require(Permission::ConfigManage)?;
    let saved = calendar::save(&state.store.db, &body.clone().into(), version.0).await?;
    Ok(ok_versioned(&body, saved))
}

#[derive(Debug, serde::Serialize, ToSchema)]
pub struct EscalationContactList {
    pub items: Vec<EscalationContactView>,
}

impl EscalationContactList {
    fn of(records: Vec<contacts::EscalationContactRecord>) -> Self {
        EscalationContactList {
            items: records.into_iter().map(EscalationContactView::from).collect(),
        }
    }
}

/// Who is told at each level. Without contacts for a level: project → the project's managers
/// and supervisors, area → the project's managers, company → administrators.
#[utoipa::path(tag = "deadlines", responses((status = 200, body = EscalationContactList)), security(("bearer" = [])))]
#[get("/escalation-contacts")]
async fn list_contacts(state: web::Data<AppState>, user: AuthUser) -> ApiResult<HttpResponse> {
    user.require(Permission::CaseRead)?;
    Ok(HttpResponse::Ok().json(EscalationContactList::of(contacts::list(&state.store.db, &user).await?)))
}

#[utoipa::path(tag = "deadlines", request_body = CreateEscalationContact, responses((status = 201, body = EscalationContactList), (status = 409, body = crate::error::Problem, content_type = "application/problem+json", description = "This person is already a contact for that level and project")), security(("bearer" = [])))]
#[post("/escalation-contacts")]
async fn create_contact(
    state: web::Data<AppState>,
    user: AuthUser,
    Json(body): Json<CreateEscalationContact>,
) -> ApiResult<HttpResponse> {
    user.require(Permission::SlaManage)?;
    contacts::create(&state.store.db, &user, body.into()).await?;
    Ok(HttpResponse::Created().json(EscalationContactList::of(contacts::list(&state.store.db, &user).await?)))
}

#[utoipa::path(tag = "deadlines", responses((status = 204)), security(("bearer" = [])))]
#[delete("/escalation-contacts/{id}")]
async fn delete_contact(state: web::Data<AppState>, user: AuthUser, id: web::Path<Uuid>) -> ApiResult<HttpResponse> {
    user.require(Permission::SlaManage)?;
    contacts::delete(&state.store.db, &user, *id).await?;
    Ok(HttpResponse::NoContent().finish())
}
