//! `POST /api/v1/cases/{id}/link` and `/unlink`: one incident, many callers. Like the actions,
//! each needs `If-Match: "<version>"` of the case being linked (428 without, 412 when stale).

use actix_web::http::StatusCode;
use actix_web::{post, web, HttpResponse};
use huiyin_domain::permission::Permission;
use huiyin_store::cases::link;
use huiyin_store::cases::query;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use super::views::CaseResponse;
use super::{case_reply, render};
use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::extract::{IfMatch, Json};
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(link_case).service(unlink_case);
}

/// `POST /cases/{id}/link`: the incident to follow.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LinkToIncident {
    /// An unresolved incident case (报事) of the same project, not itself linked to another.
    pub parent_id: Uuid,
}

/// Links the case to an incident case (报事) of the same project: from now on it follows the
/// incident's dispatch, acceptance, resolution and reply, each recorded on its own timeline, and
/// is visited on its own. A case behind the incident is brought to its stage now (dispatched to
/// its department, accepted); a work order of its own with another department moves to the
/// incident's. Only incidents are parents, no chains, neither side finished, the incident not
/// yet resolved. An incident the caller cannot see is 404.
#[utoipa::path(
    tag = "cases",
    request_body = LinkToIncident,
    params(("If-Match" = String, Header, description = "The version of the case being linked, e.g. \"3\"")),
    responses(
        (status = 200, body = CaseResponse, description = "The linked case"),
        (status = 404, body = crate::error::Problem, content_type = "application/problem+json", description = "No such case or incident in your scope"),
        (status = 409, body = crate::error::Problem, content_type = "application/problem+json", description = "Already linked, has children, finished, ahead of the incident, or the incident is resolved or full"),
        (status = 412, body = crate::error::Problem, content_type = "application/problem+json", description = "Someone else changed the case (`current_version`)"),
        (status = 422, body = crate::error::Problem, content_type = "application/problem+json", description = "`parent_id` is not an incident of the same project, is the case itself, or is linked to another case"),
        (status = 428, body = crate::error::Problem, content_type = "application/problem+json", description = "If-Match missing")
    ),
    security(("bearer" = []))
)]
#[post("/cases/{id}/link")]
async fn link_case(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
    version: IfMatch,
    Json(body): Json<LinkToIncident>,
) -> ApiResult<HttpResponse> {
    user.require(Permission::CaseDispatch)?;
    let saved = link::link_case(&state.store.db, &user, *id, version.0, body.parent_id).await?;
    let record = query::record(&state.store.db, saved).await?;
    Ok(case_reply(StatusCode::OK, &render(&state, &user, record).await?))
}

/// Unlinks the case from its incident, before the incident resolves (409 after: its callers
/// were answered through it). The case keeps its work order and is handled on its own again.
#[utoipa::path(
    tag = "cases",
    params(("If-Match" = String, Header, description = "The version of the linked case")),
    responses(
        (status = 200, body = CaseResponse),
        (status = 404, body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, body = crate::error::Problem, content_type = "application/problem+json", description = "Not linked, or the incident has resolved"),
        (status = 412, body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 428, body = crate::error::Problem, content_type = "application/problem+json")
    ),
    security(("bearer" = []))
)]
#[post("/cases/{id}/unlink")]
async fn unlink_case(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
    version: IfMatch,
) -> ApiResult<HttpResponse> {
    user.require(Permission::CaseDispatch)?;
    let saved = link::unlink_case(&state.store.db, &user, *id, version.0).await?;
    let record = query::record(&state.store.db, saved).await?;
    Ok(case_reply(StatusCode::OK, &render(&state, &user, record).await?))
}
