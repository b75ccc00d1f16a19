//! Photos of visits and patrol results, under the case attachments' rules: the type is decided
//! by the bytes (JPEG, PNG, WebP, PDF), the same size limit, served only within your areas.

use actix_multipart::Multipart;
use actix_web::http::header;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use chrono::{DateTime, Utc};
use huiyin_domain::attachment::sniff;
use huiyin_domain::permission::Permission;
use huiyin_store::stewardship::photos::{self, NewPhoto, PhotoOf, PhotoRecord};
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use crate::auth::AuthUser;
use crate::error::{ApiError, ApiResult};
use crate::routes::cases::attachments::{read_file_part, UploadForm};
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(upload_visit_photo)
        .service(list_visit_photos)
        .service(list_result_photos)
        .service(download_visit_photo)
        .service(upload_result_photo)
        .service(download_result_photo);
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PhotoResponse {
    pub id: Uuid,
    pub file_name: String,
    pub content_type: String,
    pub size_bytes: i64,
    pub created_at: DateTime<Utc>,
}

impl From<PhotoRecord> for PhotoResponse {
    fn from(p: PhotoRecord) -> Self {
        PhotoResponse {
            id: p.id,
            file_name: p.file_name,
            content_type: p.content_type,
            size_bytes: p.size_bytes,
            created_at: p.created_at,
        }
    }
}

async fn upload(
    req: HttpRequest,
    state: &AppState,
    user: &AuthUser,
    of: PhotoOf,
    payload: web::Payload,
) -> ApiResult<HttpResponse> {
    user.require(Permission::StewardWork)?;
    photos::check_subject(&state.store.db, user, of).await?;
    let limit = state.config.attachment_limit;
    let declared = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|n| n > limit + 64 * 1024) {
        return Err(ApiError::PayloadTooLarge(format!(
            "photos are limited to {} MiB",
            limit / 1024 / 1024
        )));
    }
    let (name, bytes) = read_file_part(Multipart::new(req.headers(), payload), limit).await?;
    if bytes.is_empty() {
        return Err(ApiError::invalid("file", "the file is empty"));
    }
    let kind = sniff(&bytes)
        .ok_or_else(|| ApiError::UnsupportedMediaType("only JPEG, PNG, WebP and PDF files can be attached".into()))?;
    let id = huiyin_store::new_id();
    let key = format!("stewardship/{id}.{}", kind.extension());
    let path = state.config.attachments_dir.join(&key);
    let dir = path.parent().map(std::path::Path::to_path_buf).unwrap_or_default();
    let tmp = path.with_extension("part");
    let size = bytes.len();
    let write = async {
        tokio::fs::create_dir_all(&dir).await?;
        tokio::fs::write(&tmp, &bytes).await?;
        tokio::fs::rename(&tmp, &path).await
    };
    write.await.map_err(|e| ApiError::Internal(Box::new(e)))?;
    let new = NewPhoto {
        id,
        of,
        file_name: &name,
        kind,
        size,
        storage_key: &key,
    };
    match photos::insert(&state.store.db, user, new).await {
        Ok(saved) => Ok(HttpResponse::Created().json(PhotoResponse::from(saved))),
        Err(e) => {
            let _ = tokio::fs::remove_file(&path).await;
            Err(e.into())
        }
    }
}

/// The photos of one subject, oldest first (a short list: no cursor).
#[derive(Debug, Serialize, ToSchema)]
pub struct PhotoList {
    pub items: Vec<PhotoResponse>,
}

async fn listing(state: &AppState, user: &AuthUser, of: PhotoOf) -> ApiResult<HttpResponse> {
    user.require(Permission::StewardWork)?;
    let found = photos::list(&state.store.db, user, of).await?;
    Ok(HttpResponse::Ok().json(PhotoList {
        items: found.into_iter().map(PhotoResponse::from).collect(),
    }))
}

/// The photos of a visit in your areas (404 outside them).
#[utoipa::path(tag = "stewardship", responses((status = 200, body = PhotoList),
        (status = 404, body = crate::error::Problem, content_type = "application/problem+json", description = "No such visit in your areas")),
    security(("bearer" = [])))]
#[get("/steward-visits/{id}/photos")]
async fn list_visit_photos(state: web::Data<AppState>, user: AuthUser, id: web::Path<Uuid>) -> ApiResult<HttpResponse> {
    listing(&state, &user, PhotoOf::Visit(*id)).await
}

/// The photos of one checkpoint's result of a patrol in your areas (404 outside them).
#[utoipa::path(tag = "stewardship", responses((status = 200, body = PhotoList),
        (status = 404, body = crate::error::Problem, content_type = "application/problem+json", description = "No such patrol result in your areas")),
    security(("bearer" = [])))]
#[get("/patrols/{id}/results/{result_id}/photos")]
async fn list_result_photos(
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<(Uuid, Uuid)>,
) -> ApiResult<HttpResponse> {
    let (patrol, result) = path.into_inner();
    listing(&state, &user, PhotoOf::PatrolResult(patrol, result)).await
}

async fn download(state: &AppState, user: &AuthUser, of: PhotoOf, id: Uuid) -> ApiResult<HttpResponse> {
    user.require(Permission::StewardWork)?;
    let found = photos::get(&state.store.db, user, of, id).await?;
    let bytes = tokio::fs::read(state.config.attachments_dir.join(&found.storage_key))
        .await
        .map_err(|e| ApiError::Internal(Box::new(e)))?;
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, found.content_type))
        .insert_header((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .insert_header((header::CACHE_CONTROL, "private, max-age=3600"))
        .body(bytes))
}

/// Attaches a photo to a visit in your areas.
#[utoipa::path(tag = "stewardship", request_body(content = UploadForm, content_type = "multipart/form-data"),
    responses((status = 201, body = PhotoResponse),
        (status = 413, body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 415, body = crate::error::Problem, content_type = "application/problem+json", description = "Not a JPEG, PNG, WebP or PDF")),
    security(("bearer" = [])))]
#[post("/steward-visits/{id}/photos")]
async fn upload_visit_photo(
    req: HttpRequest,
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
    payload: web::Payload,
) -> ApiResult<HttpResponse> {
    upload(req, &state, &user, PhotoOf::Visit(*id), payload).await
}

#[utoipa::path(tag = "stewardship", responses((status = 200, description = "The photo", content((Vec<u8> = "image/jpeg"), (Vec<u8> = "image/png"), (Vec<u8> = "image/webp"), (Vec<u8> = "application/pdf")))), security(("bearer" = [])))]
#[get("/steward-visits/{id}/photos/{photo_id}")]
async fn download_visit_photo(
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<(Uuid, Uuid)>,
) -> ApiResult<HttpResponse> {
    let (visit, photo) = path.into_inner();
    download(&state, &user, PhotoOf::Visit(visit), photo).await
}

/// Attaches a photo to one checkpoint's result of a patrol in your areas.
#[utoipa::path(tag = "stewardship", request_body(content = UploadForm, content_type = "multipart/form-data"),
    responses((status = 201, body = PhotoResponse),
        (status = 413, body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 415, body = crate::error::Problem, content_type = "application/problem+json", description = "Not a JPEG, PNG, WebP or PDF")),
    security(("bearer" = [])))]
#[post("/patrols/{id}/results/{result_id}/photos")]
async fn upload_result_photo(
    req: HttpRequest,
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<(Uuid, Uuid)>,
    payload: web::Payload,
) -> ApiResult<HttpResponse> {
    let (patrol, result) = path.into_inner();
    upload(req, &state, &user, PhotoOf::PatrolResult(patrol, result), payload).await
}

#[utoipa::path(tag = "stewardship", responses((status = 200, description = "The photo", content((Vec<u8> = "image/jpeg"), (Vec<u8> = "image/png"), (Vec<u8> = "image/webp"), (Vec<u8> = "application/pdf")))), security(("bearer" = [])))]
#[get("/patrols/{id}/results/{result_id}/photos/{photo_id}")]
async fn download_result_photo(
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<(Uuid, Uuid, Uuid)>,
) -> ApiResult<HttpResponse> {
    let (patrol, result, photo) = path.into_inner();
    download(&state, &user, PhotoOf::PatrolResult(patrol, result), photo).await
}
