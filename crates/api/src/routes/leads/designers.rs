//! Designers' grades and groups, and the decoration company's settings (season, caps, warranty,
//! extra works stages).

use actix_web::{get, put, web, HttpResponse};
use chrono::{DateTime, Utc};
use huiyin_domain::decoration::dispatch::{Caps, DesignerLevel, Season};
use huiyin_domain::permission::Permission;
use huiyin_store::leads::designers::{self, DesignerProfile};
use huiyin_store::leads::settings::{self, DecorationSettings};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::extract::{IfMatch, Json};
use crate::routes::ok_versioned;
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list)
        .service(put_profile)
        .service(get_settings)
        .service(put_settings);
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DesignerResponse {
    pub id: Uuid,
    pub name: String,
    pub active: bool,
    /// `null` until the design manager grades the designer (ungraded designers get no leads).
    pub level: Option<DesignerLevel>,
    pub group: Option<String>,
    pub top_signer: bool,
    pub last_dispatched_at: Option<DateTime<Utc>>,
    /// The profile's version (0 before it exists): send it as `If-Match` to change it.
    pub version: i32,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PutDesigner {
    pub level: DesignerLevel,
    #[schema(example = "一组")]
    pub group: String,
    /// The quarter's top signer may take more leads a week.
    #[serde(default)]
    pub top_signer: bool,
}

/// Designers of the caller's stores with their grade and group.
#[utoipa::path(tag = "leads", responses((status = 200, body = Vec<DesignerResponse>)), security(("bearer" = [])))]
#[get("/designers")]
async fn list(state: web::Data<AppState>, user: AuthUser) -> ApiResult<HttpResponse> {
    user.require(Permission::LeadDispatch)?;
    let rows = designers::list(&state.store.db, &user).await?;
    let items: Vec<DesignerResponse> = rows
        .into_iter()
        .map(|(u, p)| DesignerResponse {
            id: u.id,
            name: u.display_name,
            active: u.active,
            level: p.as_ref().map(|p| p.level.0),
            group: p.as_ref().map(|p| p.group_name.clone()),
            top_signer: p.as_ref().is_some_and(|p| p.top_signer),
            last_dispatched_at: p.as_ref().and_then(|p| p.last_dispatched_at),
            version: p.map(|p| p.version).unwrap_or(0),
        })
        .collect();
    Ok(HttpResponse::Ok().json(items))
}

/// Grades a designer (design manager). `If-Match: "0"` for a designer not yet graded.
#[utoipa::path(tag = "leads", request_body = PutDesigner, params(("If-Match" = String, Header, description = "The profile's version; \"0\" the first time")),
    responses((status = 200, body = DesignerResponse)), security(("bearer" = [])))]
#[put("/designers/{id}")]
async fn put_profile(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
    version: IfMatch,
    Json(body): Json<PutDesigner>,
) -> ApiResult<HttpResponse> {
    user.require(Permission::LeadDecide)?;
    let saved = designers::put_profile(
        &state.store.db,
        &user,
        *id,
        version.0,
        DesignerProfile {
            level: body.level,
            group: body.group,
            top_signer: body.top_signer,
        },
    )
    .await?;
    let response = DesignerResponse {
        id: saved.user.id,
        name: saved.user.display_name,
        active: saved.user.active,
        level: Some(saved.profile.level.0),
        group: Some(saved.profile.group_name),
        top_signer: saved.profile.top_signer,
        last_dispatched_at: saved.profile.last_dispatched_at,
        version: saved.profile.version,
    };
    Ok(ok_versioned(&response, response.version))
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DecorationSettingsBody {
    /// Off-season: dispatch stops at 2 leads in hand this week; peak: at 4 (see `caps`).
    pub season: Season,
    pub caps: Caps,
    /// Years of warranty after completion acceptance (default 2).
    pub warranty_years: u32,
    /// Stages added between material arrival and mid-construction, e.g. `carpentry`.
    pub extra_stages: Vec<String>,
    /// Days after a stage starts by which its visit is due.
    pub stage_visit_days: u32,
}

impl From<DecorationSettings> for DecorationSettingsBody {
    fn from(s: DecorationSettings) -> Self {
        DecorationSettingsBody {
            season: s.season,
            caps: s.caps,
            warranty_years: s.warranty_years,
            extra_stages: s.extra_stages,
            stage_visit_days: s.stage_visit_days,
        }
    }
}

#[utoipa::path(tag = "leads", responses((status = 200, body = DecorationSettingsBody)), security(("bearer" = [])))]
#[get("/decoration/settings")]
async fn get_settings(state: web::Data<AppState>, user: AuthUser) -> ApiResult<HttpResponse> {
    user.require(Permission::LeadRead)?;
    let (value, version) = settings::get(&state.store.db).await?;
    Ok(ok_versioned(&DecorationSettingsBody::from(value), version))
}

/// Changes the season, caps, warranty or stages (managers). `If-Match: "0"` the first time.
#[utoipa::path(tag = "leads", request_body = DecorationSettingsBody, params(("If-Match" = String, Header, description = "The version you last read")),
    responses((status = 200, body = DecorationSettingsBody)), security(("bearer" = [])))]
#[put("/decoration/settings")]
async fn put_settings(
    state: web::Data<AppState>,
    user: AuthUser,
    version: IfMatch,
    Json(body): Json<DecorationSettingsBody>,
) -> ApiResult<HttpResponse> {
    user.require(Permission::OrgManage)?;
    let value = DecorationSettings {
        season: body.season,
        caps: body.caps,
        warranty_years: body.warranty_years,
        extra_stages: body.extra_stages,
        stage_visit_days: body.stage_visit_days,
    };
    let new_version = settings::put(&state.store.db, &value, version.0).await?;
    Ok(ok_versioned(&DecorationSettingsBody::from(value), new_version))
}
