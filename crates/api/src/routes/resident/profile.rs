//! The resident's account, properties and the categories to choose from.

use actix_web::{get, post, web, HttpResponse};
use huiyin_store::categories;
use huiyin_store::org::users::{self, ChangePassword};
use huiyin_store::residents::{accounts, properties};
use serde::Deserialize;
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use super::views::{
    self, ResidentCategory, ResidentCategoryList, ResidentProfile, ResidentPropertyList, ResidentPropertyResponse,
};
use crate::auth::resident::ResidentUser;
use crate::error::ApiResult;
use crate::extract::Json;
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(me)
        .service(change_password)
        .service(list_properties)
        .service(get_property)
        .service(list_categories);
}

/// Who is logged in.
#[utoipa::path(tag = "resident", operation_id = "resident_me", responses((status = 200, body = ResidentProfile)), security(("bearer" = [])))]
#[get("/resident/me")]
async fn me(state: web::Data<AppState>, user: ResidentUser) -> ApiResult<HttpResponse> {
    let found = accounts::own_customer(&state.store.db, user.actor()).await?;
    Ok(HttpResponse::Ok().json(ResidentProfile {
        user_id: user.user_id,
        customer_id: found.id,
        name: found.name,
        phone: user.username.clone(),
    }))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"old_password": "Huiyin2026home", "new_password": "Cuihu2027garden"}))]
pub struct ChangeResidentPassword {
    pub old_password: String,
    /// At least 8 characters with letters and digits, not containing the phone number.
    pub new_password: String,
}

/// Changes your password (old + new); your other sessions are logged out. Forgotten it? Customer
/// service can issue a new activation code.
#[utoipa::path(tag = "resident", operation_id = "resident_change_password", request_body = ChangeResidentPassword,
    responses((status = 204, description = "Password changed")), security(("bearer" = [])))]
#[post("/resident/me/password")]
async fn change_password(
    state: web::Data<AppState>,
    user: ResidentUser,
    Json(body): Json<ChangeResidentPassword>,
) -> ApiResult<HttpResponse> {
    users::change_password(
        &state.store.db,
        user.actor(),
        ChangePassword {
            old_password: body.old_password,
            new_password: body.new_password,
        },
    )
    .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Your properties (the homes customer service linked to you). Report cases against these.
#[utoipa::path(tag = "resident", operation_id = "resident_list_properties", responses((status = 200, body = ResidentPropertyList)), security(("bearer" = [])))]
#[get("/resident/properties")]
async fn list_properties(state: web::Data<AppState>, user: ResidentUser) -> ApiResult<HttpResponse> {
    let items = properties::list(&state.store.db, user.actor()).await?;
    Ok(HttpResponse::Ok().json(ResidentPropertyList {
        items: items.into_iter().map(views::property).collect(),
    }))
}

/// One of your properties.
#[utoipa::path(tag = "resident", operation_id = "resident_get_property", responses((status = 200, body = ResidentPropertyResponse)), security(("bearer" = [])))]
#[get("/resident/properties/{id}")]
async fn get_property(state: web::Data<AppState>, user: ResidentUser, id: web::Path<Uuid>) -> ApiResult<HttpResponse> {
    let found = properties::get(&state.store.db, user.actor(), *id).await?;
    Ok(HttpResponse::Ok().json(views::property(found)))
}

/// The categories you can choose from when reporting (active ones, in display order).
#[utoipa::path(tag = "resident", operation_id = "resident_list_categories", responses((status = 200, body = ResidentCategoryList)), security(("bearer" = [])))]
#[get("/resident/categories")]
async fn list_categories(state: web::Data<AppState>, _user: ResidentUser) -> ApiResult<HttpResponse> {
    let items = categories::list(&state.store.db)
        .await?
        .into_iter()
        .filter(|c| c.active)
        .map(|c| ResidentCategory {
            id: c.id,
            parent_id: c.parent_id,
            code: c.code,
            name: c.name,
            name_en: c.name_en,
        })
        .collect();
    Ok(HttpResponse::Ok().json(ResidentCategoryList { items }))
}
