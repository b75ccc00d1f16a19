//! The customer archive. Phones are masked for roles without the PII permission; every
//! unmasked view is written to the audit log.

use actix_web::{get, patch, post, web, HttpResponse};
use chrono::{DateTime, NaiveDate, Utc};
use huiyin_domain::case::CaseKind;
use huiyin_domain::customer::Relation;
use huiyin_domain::permission::Permission;
use huiyin_domain::phone::mask;
use huiyin_store::cases::query::recent_for_customer;
use huiyin_store::customers::household;
use huiyin_store::customers::{self, property_label, CustomerRecord};
use huiyin_store::{audit, Actor};
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use super::cases::views::{summary, CaseSummary};
use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::extract::{IfMatch, Json, Query};
use crate::routes::{created_versioned, ok_versioned};
use crate::state::AppState;

mod views;

pub use views::{CreateCustomer, CustomerPropertyInput, EmergencyContact, ListCustomers, UpdateCustomer};

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list).service(create).service(get_one).service(update);
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CustomerPropertyResponse {
    pub property_id: Uuid,
    pub project_id: Uuid,
    pub relation: Relation,
    /// `building unit room`
    #[schema(example = "3栋 2单元 1201")]
    pub label: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CustomerResponse {
    pub id: Uuid,
    pub name: String,
    /// Normalised; masked (`138****8000`) unless the caller may see personal data.
    pub phones: Vec<String>,
    /// Whether `phones` are masked in this answer.
    pub phones_masked: bool,
    pub properties: Vec<CustomerPropertyResponse>,
    pub tags: Vec<String>,
    pub notes: String,
    /// The household's move-in date (入住日期).
    pub move_in_on: Option<NaiveDate>,
    /// People living in the household.
    pub household_size: Option<i32>,
    /// Its phone is masked like `phones`.
    pub emergency_contact: Option<EmergencyContact>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A customer with their recent cases (newest first), for the intake screen.
#[derive(Debug, Serialize, ToSchema)]
pub struct CustomerDetail {
    #[serde(flatten)]
    pub customer: CustomerResponse,
    pub recent_cases: Vec<CaseSummary>,
    /// True when the customer complained within the last 30 days (a repeat complaint, 重复投诉).
    pub repeat_complaint: bool,
}

crate::list_response!(CustomerList, CustomerResponse);

fn customer_response(record: CustomerRecord, show_pii: bool) -> CustomerResponse {
    let emergency_contact = household::contact_of(&record.customer).map(|c| EmergencyContact {
        phone: if show_pii { c.phone } else { mask(&c.phone) },
        name: c.name,
    });
    CustomerResponse {
        id: record.customer.id,
        name: record.customer.name,
        phones: record
            .phones
            .iter()
            .map(|p| if show_pii { p.clone() } else { mask(p) })
            .collect(),
        phones_masked: !show_pii,
        properties: record
            .properties
            .iter()
            .map(|(relation, p)| CustomerPropertyResponse {
                property_id: p.id,
                project_id: p.project_id,
                relation: *relation,
                label: property_label(p),
            })
            .collect(),
        tags: serde_json::from_str(&record.customer.tags).unwrap_or_default(),
        emergency_contact,
        move_in_on: record.customer.move_in_on,
        household_size: record.customer.household_size,
        notes: record.customer.notes,
        version: record.customer.version,
        created_at: record.customer.created_at,
        updated_at: record.customer.updated_at,
    }
}

async fn audit_view(state: &AppState, actor: &Actor, action: &str, ids: Vec<Uuid>) -> ApiResult<()> {
    if actor.may(Permission::PiiView) && !ids.is_empty() {
        let subject = if ids.len() == 1 { Some(ids[0]) } else { None };
        audit::record(
            &state.store.db,
            actor,
            action,
            "customer",
            subject,
            serde_json::json!({"customer_ids": ids}),
        )
        .await?;
    }
    Ok(())
}

/// A search is audited when it shows phone numbers (what was searched and who was shown) or,
/// for anyone, when its text could probe phone digits (four digits or more).
async fn audit_search(state: &AppState, actor: &Actor, q: Option<&str>, ids: &[Uuid]) -> ApiResult<()> {
    let shown = actor.may(Permission::PiiView) && !ids.is_empty();
    let probing = q.is_some_and(huiyin_store::search::probes_digits);
    if shown || probing {
        let subject = if ids.len() == 1 { Some(ids[0]) } else { None };
        audit::record(
            &state.store.db,
            actor,
            "customer.searched",
            "customer",
            subject,
            serde_json::json!({"customer_ids": ids, "q": q, "phones_shown": shown}),
        )
        .await?;
    }
    Ok(())
}

/// Finds customers by phone (any notation), name or room — fast enough for a caller on the line.
#[utoipa::path(tag = "customers", params(ListCustomers), responses((status = 200, body = CustomerList)), security(("bearer" = [])))]
#[get("/customers")]
async fn list(state: web::Data<AppState>, user: AuthUser, query: Query<ListCustomers>) -> ApiResult<HttpResponse> {
    user.require(Permission::CustomerRead)?;
    let q = query.q.clone();
    let page = customers::list(&state.store.db, &user, query.into_inner().into()).await?;
    let ids: Vec<Uuid> = page.items.iter().map(|c| c.customer.id).collect();
    audit_search(&state, &user, q.as_deref(), &ids).await?;
    let show = user.may(Permission::PiiView);
    Ok(HttpResponse::Ok().json(CustomerList {
        items: page.items.into_iter().map(|c| customer_response(c, show)).collect(),
        next_cursor: page.next_cursor,
    }))
}

#[utoipa::path(tag = "customers", request_body = CreateCustomer, responses((status = 201, body = CustomerResponse),
    (status = 422, body = crate::error::Problem, content_type = "application/problem+json", description = "A field is invalid; `errors` names it"),
    (status = 409, body = crate::error::Problem, content_type = "application/problem+json", description = "A phone number belongs to another customer")), security(("bearer" = [])))]
#[post("/customers")]
async fn create(
    state: web::Data<AppState>,
    user: AuthUser,
    Json(body): Json<CreateCustomer>,
) -> ApiResult<HttpResponse> {
    user.require(Permission::CustomerManage)?;
    let created = customers::create(&state.store.db, &user, body.into()).await?;
    let version = created.customer.version;
    Ok(created_versioned(
        &customer_response(created, user.may(Permission::PiiView)),
        version,
    ))
}

/// A customer with properties, recent cases and the repeat-complaint flag.
#[utoipa::path(tag = "customers", responses((status = 200, body = CustomerDetail)), security(("bearer" = [])))]
#[get("/customers/{id}")]
async fn get_one(state: web::Data<AppState>, user: AuthUser, id: web::Path<Uuid>) -> ApiResult<HttpResponse> {
    user.require(Permission::CustomerRead)?;
    let found = customers::get(&state.store.db, &user, *id).await?;
    audit_view(&state, &user, "customer.viewed", vec![found.customer.id]).await?;
    let recent = recent_for_customer(&state.store.db, &user, *id, 20).await?;
    let month_ago = Utc::now() - chrono::Duration::days(30);
    let repeat_complaint = recent
        .iter()
        .any(|c| c.kind.0 == CaseKind::Complaint && c.created_at >= month_ago);
    let version = found.customer.version;
    let detail = CustomerDetail {
        customer: customer_response(found, user.may(Permission::PiiView)),
        recent_cases: recent.iter().map(|c| summary(c, None, None)).collect(),
        repeat_complaint,
    };
    Ok(ok_versioned(&detail, version))
}

#[utoipa::path(tag = "customers", request_body = UpdateCustomer, params(("If-Match" = String, Header, description = "The version you last read")),
    responses((status = 200, body = CustomerResponse),
        (status = 409, body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 412, body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, body = crate::error::Problem, content_type = "application/problem+json", description = "A field is invalid; `errors` names it"),
        (status = 428, body = crate::error::Problem, content_type = "application/problem+json")), security(("bearer" = [])))]
#[patch("/customers/{id}")]
async fn update(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
    version: IfMatch,
    Json(body): Json<UpdateCustomer>,
) -> ApiResult<HttpResponse> {
    user.require(Permission::CustomerManage)?;
    let updated = customers::update(&state.store.db, &user, *id, version.0, body.into()).await?;
    let version = updated.customer.version;
    Ok(ok_versioned(
        &customer_response(updated, user.may(Permission::PiiView)),
        version,
    ))
}
