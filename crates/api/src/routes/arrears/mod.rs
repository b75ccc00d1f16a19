//! Fee arrears (欠费催缴): the list per area, one arrears, its contact log, the legal decision,
//! the per-project policy; the import and the monthly figures are in their own files.

mod import;
pub mod stats;
pub mod views;

use actix_web::http::header::ETAG;
use actix_web::http::StatusCode;
use actix_web::{get, post, put, web, HttpResponse};
use huiyin_domain::permission::Permission;
use huiyin_store::arrears::{self, contacts, policy};
use huiyin_store::idempotency;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use self::views::{
    ArrearsList, ArrearsResponse, ContactCreated, ContactList, CreateContact, LegalDecisionBody, ListArrearsQuery,
    PolicyResponse, ResidentArrearsList,
};
use super::ok_versioned;
use crate::auth::resident::ResidentUser;
use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::extract::{etag, IdempotencyKey, IfMatch, Json, Query};
use crate::idempotent::{json_answer, stored_reply};
use crate::page::PageQuery;
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(import::import)
        .service(list)
        .service(get_one)
        .service(list_contacts)
        .service(add_contact)
        .service(legal_decision)
        .service(get_policy)
        .service(put_policy)
        .service(stats::monthly)
        .service(resident_list);
}

/// Arrears in the caller's scope (stewards: their areas; handlers: 403), newest first.
#[utoipa::path(tag = "arrears", params(ListArrearsQuery), responses((status = 200, body = ArrearsList)), security(("bearer" = [])))]
#[get("/arrears")]
async fn list(state: web::Data<AppState>, user: AuthUser, query: Query<ListArrearsQuery>) -> ApiResult<HttpResponse> {
    user.require(Permission::ArrearsRead)?;
    let page = arrears::list(&state.store.db, &user, query.into_inner().into()).await?;
    Ok(HttpResponse::Ok().json(ArrearsList::from(page)))
}

#[utoipa::path(tag = "arrears", responses((status = 200, body = ArrearsResponse)), security(("bearer" = [])))]
#[get("/arrears/{id}")]
async fn get_one(state: web::Data<AppState>, user: AuthUser, id: web::Path<Uuid>) -> ApiResult<HttpResponse> {
    user.require(Permission::ArrearsRead)?;
    let found = arrears::get(&state.store.db, &user, *id).await?;
    let version = found.version;
    Ok(ok_versioned(&ArrearsResponse::from(found), version))
}

/// The contact log (催费记录), newest first.
#[utoipa::path(tag = "arrears", params(PageQuery), responses((status = 200, body = ContactList)), security(("bearer" = [])))]
#[get("/arrears/{id}/contacts")]
async fn list_contacts(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
    query: Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    user.require(Permission::ArrearsRead)?;
    let page = contacts::list(&state.store.db, &user, *id, query.limit, query.cursor.as_deref()).await?;
    Ok(HttpResponse::Ok().json(ContactList::from(page)))
}

/// Records a contact. `result: disputed` with `reason: service_dispute` opens a complaint for the
/// property through the case pipeline (or links the complaint already open), in the same
/// transaction; the arrears then shows it as `open_case`.
#[utoipa::path(tag = "arrears", request_body = CreateContact,
    params(("Idempotency-Key" = Option<String>, Header, description = "A retry with the same key and body returns the first answer")),
    responses((status = 201, body = ContactCreated),
        (status = 409, body = crate::error::Problem, content_type = "application/problem+json", description = "The arrears is settled")),
    security(("bearer" = [])))]
#[post("/arrears/{id}/contacts")]
async fn add_contact(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
    key: IdempotencyKey,
    Json(body): Json<CreateContact>,
) -> ApiResult<HttpResponse> {
    user.require(Permission::ArrearsContact)?;
    let arrears_id = *id;
    let hash = idempotency::request_hash(&format!(
        "arrears-contact {arrears_id} {}",
        serde_json::to_string(&body).unwrap_or_default()
    ));
    let actor = user.0.clone();
    let input = contacts::NewContact {
        method: body.method,
        result: body.result,
        reason: body.reason,
        note: body.note,
        promised_on: body.promised_on,
    };
    let answer = idempotency::run(&state.store.db, actor.user_id, key.0.as_deref(), &hash, async |txn| {
        let (contact, arrears) = contacts::add(txn, &actor, arrears_id, input).await?;
        let created = ContactCreated {
            contact: contact.into(),
            arrears: arrears.into(),
        };
        Ok(json_answer(StatusCode::CREATED, &created))
    })
    .await?;
    Ok(stored_reply(answer, StatusCode::CREATED))
}

/// The manager's decision on a lawyer's letter (律师函) at the legal stage (409 before it).
#[utoipa::path(tag = "arrears", request_body = LegalDecisionBody,
    params(("If-Match" = String, Header, description = "The arrears version you last read")),
    responses((status = 200, body = ArrearsResponse),
        (status = 409, body = crate::error::Problem, content_type = "application/problem+json", description = "Not at the legal stage, or settled")),
    security(("bearer" = [])))]
#[post("/arrears/{id}/legal-decision")]
async fn legal_decision(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
    version: IfMatch,
    Json(body): Json<LegalDecisionBody>,
) -> ApiResult<HttpResponse> {
    user.require(Permission::ArrearsLegal)?;
    let decided = contacts::decide_legal(&state.store.db, &user, *id, version.0, body.decision, &body.reason).await?;
    let version = decided.version;
    Ok(ok_versioned(&ArrearsResponse::from(decided), version))
}

/// The project's arrears policy (defaults 6 and 12 months, 30 days; `ETag` `"0"` until saved).
#[utoipa::path(tag = "arrears", responses((status = 200, body = PolicyResponse)), security(("bearer" = [])))]
#[get("/arrears-policies/{project_id}")]
async fn get_policy(
    state: web::Data<AppState>,
    user: AuthUser,
    project_id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    user.require(Permission::ArrearsRead)?;
    user.require_project(*project_id)?;
    let (found, version) = policy::get(&state.store.db, *project_id).await?;
    Ok(ok_versioned(&PolicyResponse::new(*project_id, found), version))
}

/// Saves the policy; open arrears move to the stage it implies (a rise is announced once).
#[utoipa::path(tag = "arrears", request_body = huiyin_domain::arrears::ArrearsPolicy,
    params(("If-Match" = String, Header, description = "The policy version you last read (\"0\" the first time)")),
    responses((status = 200, body = PolicyResponse)), security(("bearer" = [])))]
#[put("/arrears-policies/{project_id}")]
async fn put_policy(
    state: web::Data<AppState>,
    user: AuthUser,
    project_id: web::Path<Uuid>,
    version: IfMatch,
    Json(body): Json<huiyin_domain::arrears::ArrearsPolicy>,
) -> ApiResult<HttpResponse> {
    user.require(Permission::ArrearsImport)?;
    let saved = policy::put(&state.store.db, &user, *project_id, body, version.0).await?;
    Ok(HttpResponse::Ok()
        .insert_header((ETAG, etag(saved)))
        .json(PolicyResponse::new(*project_id, body)))
}

/// Your open arrears (fee item, months, amount, as of), from the billing system's last import.
#[utoipa::path(tag = "resident", operation_id = "resident_list_arrears", responses((status = 200, body = ResidentArrearsList)), security(("bearer" = [])))]
#[get("/resident/arrears")]
async fn resident_list(state: web::Data<AppState>, user: ResidentUser) -> ApiResult<HttpResponse> {
    let items = arrears::for_resident(&state.store.db, user.actor()).await?;
    Ok(HttpResponse::Ok().json(ResidentArrearsList {
        items: items.into_iter().map(Into::into).collect(),
    }))
}
