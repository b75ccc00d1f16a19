//! Shift handovers (交接班): write one with the server's snapshot of open work, list them, and
//! sign the previous shift's; the reminder setting.

use actix_web::http::header::ETAG;
use actix_web::http::StatusCode;
use actix_web::{get, post, put, web, HttpResponse};
use chrono::{DateTime, Utc};
use huiyin_domain::handover::{HandoverSettings, HandoverStatus, Shift};
use huiyin_domain::permission::Permission;
use huiyin_store::handovers::snapshot::{self, CaseItem, Snapshot, VisitItem, WarningItem};
use huiyin_store::handovers::{self, HandoverRecord, ListHandovers, NewHandover};
use huiyin_store::idempotency;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use super::ok_versioned;
use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::extract::{etag, IdempotencyKey, IfMatch, Json, Query};
use crate::idempotent::{json_answer, stored_reply};
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(preview)
        .service(create)
        .service(list)
        .service(get_one)
        .service(accept)
        .service(get_settings)
        .service(put_settings);
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct SnapshotCase {
    pub id: Uuid,
    #[schema(example = "TS-20261206-0004")]
    pub number: String,
    pub title: String,
    pub status: String,
    pub severity: String,
    pub project_id: Uuid,
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct SnapshotVisit {
    pub id: Uuid,
    pub case_id: Uuid,
    pub number: String,
    pub title: String,
    pub purpose: String,
    pub due_at: DateTime<Utc>,
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct SnapshotWarning {
    pub id: Uuid,
    pub title: String,
    pub fired_at: DateTime<Utc>,
}

/// What was still open when the handover was written, within its author's scope (each list at most 100).
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct OpenItems {
    pub taken_at: Option<DateTime<Utc>>,
    /// Registered cases not yet dispatched.
    pub to_dispatch: Vec<SnapshotCase>,
    /// Return visits overdue or due within the next 12 hours.
    pub visits_due: Vec<SnapshotVisit>,
    /// Complaint warnings not yet acknowledged.
    pub warnings_open: Vec<SnapshotWarning>,
    /// Urgent cases and major complaints still open.
    pub urgent_open: Vec<SnapshotCase>,
    /// Cases whose clocks are paused.
    pub paused: Vec<SnapshotCase>,
}

fn case(c: CaseItem) -> SnapshotCase {
    SnapshotCase {
        id: c.id,
        number: c.number,
        title: c.title,
        status: c.status,
        severity: c.severity,
        project_id: c.project_id,
    }
}

impl From<Snapshot> for OpenItems {
    fn from(s: Snapshot) -> Self {
        OpenItems {
            taken_at: s.taken_at,
            to_dispatch: s.to_dispatch.into_iter().map(case).collect(),
            visits_due: s
                .visits_due
                .into_iter()
                .map(|v: VisitItem| SnapshotVisit {
                    id: v.id,
                    case_id: v.case_id,
                    number: v.number,
                    title: v.title,
                    purpose: v.purpose,
                    due_at: v.due_at,
                })
                .collect(),
            warnings_open: s
                .warnings_open
                .into_iter()
                .map(|w: WarningItem| SnapshotWarning {
                    id: w.id,
                    title: w.title,
                    fired_at: w.fired_at,
                })
                .collect(),
            urgent_open: s.urgent_open.into_iter().map(case).collect(),
            paused: s.paused.into_iter().map(case).collect(),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct HandoverResponse {
    pub id: Uuid,
    pub author_id: Uuid,
    pub project_ids: Vec<Uuid>,
    pub shift: Shift,
    pub notes: Option<String>,
    /// Superiors' instructions (上级指示).
    pub instructions: Option<String>,
    pub suggestions: Option<String>,
    /// State of the equipment (设备状况).
    pub equipment: Option<String>,
    pub open_items: OpenItems,
    pub status: HandoverStatus,
    pub accepted_by: Option<Uuid>,
    pub accepted_at: Option<DateTime<Utc>>,
    pub accept_note: Option<String>,
    /// When the supervisors were reminded that it was still unsigned.
    pub reminded_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub version: i32,
}

impl From<HandoverRecord> for HandoverResponse {
    fn from(h: HandoverRecord) -> Self {
        HandoverResponse {
            id: h.id,
            author_id: h.author_id,
            project_ids: h.project_ids,
            shift: h.shift,
            notes: h.notes,
            instructions: h.instructions,
            suggestions: h.suggestions,
            equipment: h.equipment,
            open_items: h.snapshot.into(),
            status: h.status,
            accepted_by: h.accepted_by,
            accepted_at: h.accepted_at,
            accept_note: h.accept_note,
            reminded_at: h.reminded_at,
            created_at: h.created_at,
            version: h.version,
        }
    }
}

crate::list_response!(HandoverList, HandoverResponse);

#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateHandover {
    /// The projects it covers; defaults to all of yours.
    pub project_ids: Option<Vec<Uuid>>,
    pub shift: Shift,
    #[schema(example = "3 栋电梯报修已派工程部，待回复")]
    pub notes: Option<String>,
    pub instructions: Option<String>,
    pub suggestions: Option<String>,
    pub equipment: Option<String>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AcceptHandover {
    pub note: Option<String>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ListHandoversQuery {
    pub status: Option<HandoverStatus>,
    pub project_id: Option<Uuid>,
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<u64>,
    pub cursor: Option<String>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct PreviewQuery {
    /// One project; all of yours when omitted.
    pub project_id: Option<Uuid>,
}

/// The snapshot a handover written now would carry (shown in the form before saving).
#[utoipa::path(tag = "handovers", params(PreviewQuery), responses((status = 200, body = OpenItems)), security(("bearer" = [])))]
#[get("/handovers/snapshot")]
async fn preview(state: web::Data<AppState>, user: AuthUser, query: Query<PreviewQuery>) -> ApiResult<HttpResponse> {
    user.require(Permission::HandoverWrite)?;
    let asked = query.project_id.map(|p| vec![p]);
    let projects = handovers::projects_for(&state.store.db, &user, asked.as_deref()).await?;
    let taken = snapshot::take(&state.store.db, &user, &projects, huiyin_store::now()).await?;
    Ok(HttpResponse::Ok().json(OpenItems::from(taken)))
}

/// Writes a handover; the server takes the snapshot of open items at this moment.
#[utoipa::path(tag = "handovers", request_body = CreateHandover,
    params(("Idempotency-Key" = Option<String>, Header, description = "A retry with the same key and body returns the first answer")),
    responses((status = 201, body = HandoverResponse)), security(("bearer" = [])))]
#[post("/handovers")]
async fn create(
    state: web::Data<AppState>,
    user: AuthUser,
    key: IdempotencyKey,
    Json(body): Json<CreateHandover>,
) -> ApiResult<HttpResponse> {
    user.require(Permission::HandoverWrite)?;
    let hash = idempotency::request_hash(&format!(
        "handover {}",
        serde_json::to_string(&body).unwrap_or_default()
    ));
    let actor = user.0.clone();
    let input = NewHandover {
        project_ids: body.project_ids,
        shift: Some(body.shift),
        notes: body.notes,
        instructions: body.instructions,
        suggestions: body.suggestions,
        equipment: body.equipment,
    };
    let answer = idempotency::run(&state.store.db, actor.user_id, key.0.as_deref(), &hash, async |txn| {
        let created = HandoverResponse::from(handovers::create(txn, &actor, input).await?);
        Ok(json_answer(StatusCode::CREATED, &created))
    })
    .await?;
    Ok(stored_reply(answer, StatusCode::CREATED))
}

/// Handovers of your projects, newest first (`status=pending` for the ones to sign).
#[utoipa::path(tag = "handovers", params(ListHandoversQuery), responses((status = 200, body = HandoverList)), security(("bearer" = [])))]
#[get("/handovers")]
async fn list(state: web::Data<AppState>, user: AuthUser, query: Query<ListHandoversQuery>) -> ApiResult<HttpResponse> {
    user.require(Permission::HandoverWrite)?;
    let query = query.into_inner();
    let page = handovers::list(
        &state.store.db,
        &user,
        ListHandovers {
            status: query.status,
            project_id: query.project_id,
            limit: query.limit,
            cursor: query.cursor,
        },
    )
    .await?;
    Ok(HttpResponse::Ok().json(HandoverList::from(page)))
}

#[utoipa::path(tag = "handovers", responses((status = 200, body = HandoverResponse)), security(("bearer" = [])))]
#[get("/handovers/{id}")]
async fn get_one(state: web::Data<AppState>, user: AuthUser, id: web::Path<Uuid>) -> ApiResult<HttpResponse> {
    user.require(Permission::HandoverWrite)?;
    let found = handovers::get(&state.store.db, &user, *id).await?;
    let version = found.version;
    Ok(ok_versioned(&HandoverResponse::from(found), version))
}

/// The next shift signs the handover (its author cannot: 409; already signed: 409).
#[utoipa::path(tag = "handovers", request_body = AcceptHandover,
    params(("If-Match" = String, Header, description = "The handover version you last read")),
    responses((status = 200, body = HandoverResponse),
        (status = 409, body = crate::error::Problem, content_type = "application/problem+json", description = "Your own handover, or already accepted")),
    security(("bearer" = [])))]
#[post("/handovers/{id}/accept")]
async fn accept(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
    version: IfMatch,
    Json(body): Json<AcceptHandover>,
) -> ApiResult<HttpResponse> {
    user.require(Permission::HandoverWrite)?;
    let accepted = handovers::accept(&state.store.db, &user, *id, version.0, body.note.as_deref()).await?;
    let version = accepted.version;
    Ok(ok_versioned(&HandoverResponse::from(accepted), version))
}

/// Minutes a handover may wait unsigned before its projects' supervisors are reminded (default 30).
#[utoipa::path(tag = "handovers", responses((status = 200, body = HandoverSettings)), security(("bearer" = [])))]
#[get("/handover-settings")]
async fn get_settings(state: web::Data<AppState>, user: AuthUser) -> ApiResult<HttpResponse> {
    user.require(Permission::HandoverWrite)?;
    let (found, version) = handovers::settings(&state.store.db).await?;
    Ok(ok_versioned(&found, version))
}

#[utoipa::path(tag = "handovers", request_body = HandoverSettings,
    params(("If-Match" = String, Header, description = "The settings version you last read (\"0\" the first time)")),
    responses((status = 200, body = HandoverSettings)), security(("bearer" = [])))]
#[put("/handover-settings")]
async fn put_settings(
    state: web::Data<AppState>,
    user: AuthUser,
    version: IfMatch,
    Json(body): Json<HandoverSettings>,
) -> ApiResult<HttpResponse> {
    user.require(Permission::SlaManage)?;
    let saved = handovers::save_settings(&state.store.db, &body, version.0).await?;
    Ok(HttpResponse::Ok().insert_header((ETAG, etag(saved))).json(body))
}
