//! Standard replies (标准回复): every staff member reads them and fills one from a case;
//! supervisors and managers write them.

use actix_web::{delete, get, patch, post, web, HttpResponse};
use chrono::{DateTime, Utc};
use huiyin_domain::permission::Permission;
use huiyin_domain::reply_template::{Placeholder, TemplateUse};
use huiyin_store::reply_templates::{self, CreateTemplate, TemplateRecord, UpdateTemplate};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::extract::{IfMatch, Json, Query};
use crate::routes::{created_versioned, ok_versioned};
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list)
        .service(create)
        .service(get_one)
        .service(update)
        .service(remove)
        .service(render);
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateReplyTemplate {
    #[schema(example = "报修受理")]
    pub name: String,
    /// Text with `{customer_name}`, `{case_number}`, `{due_at}`; any other `{…}` is refused (422).
    #[schema(example = "{customer_name}您好，您的报修（{case_number}）已受理，维修人员将于{due_at}前上门。")]
    pub body: String,
    /// Forms offering the template; empty or absent: all of them.
    #[serde(default)]
    pub uses: Vec<TemplateUse>,
}

#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateReplyTemplate {
    pub name: Option<String>,
    pub body: Option<String>,
    pub uses: Option<Vec<TemplateUse>>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ListReplyTemplates {
    /// Only templates offered in this form (or in every form).
    #[serde(rename = "use")]
    #[param(rename = "use")]
    pub used_in: Option<TemplateUse>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RenderReplyTemplate {
    pub case_id: Uuid,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct RenderedReply {
    /// The body with the case's values; a value the case lacks reads `【待填】` to fill by hand.
    pub text: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ReplyTemplateResponse {
    pub id: Uuid,
    pub name: String,
    pub body: String,
    pub uses: Vec<TemplateUse>,
    /// The placeholders the body uses.
    pub placeholders: Vec<Placeholder>,
    pub created_by: Uuid,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub version: i32,
}

impl From<TemplateRecord> for ReplyTemplateResponse {
    fn from(r: TemplateRecord) -> Self {
        let t = r.template;
        ReplyTemplateResponse {
            id: t.id,
            name: t.name,
            body: t.body,
            uses: r.uses,
            placeholders: r.placeholders,
            created_by: t.created_by,
            created_at: t.created_at,
            updated_at: t.updated_at,
            version: t.version,
        }
    }
}

/// Every template by name (a handful: one page).
#[derive(Debug, Serialize, ToSchema)]
pub struct ReplyTemplateList {
    pub items: Vec<ReplyTemplateResponse>,
    /// Always `null`: the list is one page.
    pub next_cursor: Option<String>,
}

/// What is written into a filled template where the case has no value.
pub const MISSING: &str = "【待填】";

/// The templates, by name; `use` narrows them to one form.
#[utoipa::path(tag = "reply-templates", params(ListReplyTemplates), responses((status = 200, body = ReplyTemplateList)), security(("bearer" = [])))]
#[get("/reply-templates")]
async fn list(state: web::Data<AppState>, user: AuthUser, q: Query<ListReplyTemplates>) -> ApiResult<HttpResponse> {
    user.require(Permission::KnowledgeRead)?;
    let items = reply_templates::list(&state.store.db, q.used_in).await?;
    Ok(HttpResponse::Ok().json(ReplyTemplateList {
        items: items.into_iter().map(ReplyTemplateResponse::from).collect(),
        next_cursor: None,
    }))
}

/// Writes a template; names are unique (409).
#[utoipa::path(tag = "reply-templates", request_body = CreateReplyTemplate, responses((status = 201, body = ReplyTemplateResponse), (status = 409, body = crate::error::Problem, content_type = "application/problem+json", description = "A template with this name exists")), security(("bearer" = [])))]
#[post("/reply-templates")]
async fn create(
    state: web::Data<AppState>,
    user: AuthUser,
    Json(body): Json<CreateReplyTemplate>,
) -> ApiResult<HttpResponse> {
    user.require(Permission::KnowledgeManage)?;
    let input = CreateTemplate {
        name: body.name,
        body: body.body,
        uses: body.uses,
    };
    let saved = reply_templates::create(&state.store.db, &user, input).await?;
    let version = saved.template.version;
    Ok(created_versioned(&ReplyTemplateResponse::from(saved), version))
}

#[utoipa::path(tag = "reply-templates", responses((status = 200, body = ReplyTemplateResponse)), security(("bearer" = [])))]
#[get("/reply-templates/{id}")]
async fn get_one(state: web::Data<AppState>, user: AuthUser, id: web::Path<Uuid>) -> ApiResult<HttpResponse> {
    user.require(Permission::KnowledgeRead)?;
    let found = reply_templates::get(&state.store.db, *id).await?;
    let version = found.template.version;
    Ok(ok_versioned(&ReplyTemplateResponse::from(found), version))
}

#[utoipa::path(
    tag = "reply-templates",
    request_body = UpdateReplyTemplate,
    params(("If-Match" = String, Header, description = "The version you last read, e.g. \"3\"")),
    responses((status = 200, body = ReplyTemplateResponse)),
    security(("bearer" = []))
)]
#[patch("/reply-templates/{id}")]
async fn update(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
    version: IfMatch,
    Json(body): Json<UpdateReplyTemplate>,
) -> ApiResult<HttpResponse> {
    user.require(Permission::KnowledgeManage)?;
    let input = UpdateTemplate {
        name: body.name,
        body: body.body,
        uses: body.uses,
    };
    let saved = reply_templates::update(&state.store.db, *id, version.0, input).await?;
    let version = saved.template.version;
    Ok(ok_versioned(&ReplyTemplateResponse::from(saved), version))
}

#[utoipa::path(tag = "reply-templates", responses((status = 204, description = "Deleted")), security(("bearer" = [])))]
#[delete("/reply-templates/{id}")]
async fn remove(state: web::Data<AppState>, user: AuthUser, id: web::Path<Uuid>) -> ApiResult<HttpResponse> {
    user.require(Permission::KnowledgeManage)?;
    reply_templates::delete(&state.store.db, *id).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// The template filled from a case the caller may see (404 otherwise), ready to insert into a
/// reply, visit or comment.
#[utoipa::path(tag = "reply-templates", request_body = RenderReplyTemplate, responses((status = 200, body = RenderedReply)), security(("bearer" = [])))]
#[post("/reply-templates/{id}/render")]
async fn render(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
    Json(body): Json<RenderReplyTemplate>,
) -> ApiResult<HttpResponse> {
    user.require(Permission::KnowledgeRead)?;
    let text = reply_templates::render(&state.store.db, &user, *id, body.case_id, MISSING).await?;
    Ok(HttpResponse::Ok().json(RenderedReply { text }))
}
