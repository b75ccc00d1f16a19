//! Case attachments: photos and scans of letters and faxes. The type is decided by the file's
//! bytes (JPEG, PNG, WebP, PDF), never by its name or declared type; files are stored under the
//! attachments directory and served back only to those who may see the case.

use actix_multipart::Multipart;
use actix_web::http::header::{self, HeaderValue};
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use futures_util::StreamExt;
use huiyin_domain::attachment::sniff;
use huiyin_domain::permission::Permission;
use huiyin_store::cases::{attachments, AttachmentRecord};
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use super::views::{attachment_response, AttachmentResponse};
use crate::auth::AuthUser;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(upload).service(download);
}

/// The multipart form: one part named `file`.
#[derive(ToSchema)]
#[allow(dead_code)]
pub struct UploadForm {
    #[schema(value_type = String, format = Binary)]
    file: Vec<u8>,
}

/// Reads the `file` part of a multipart body, refusing anything over `limit` bytes.
pub async fn read_file_part(mut form: Multipart, limit: usize) -> ApiResult<(String, Vec<u8>)> {
    while let Some(field) = form.next().await {
        let mut field =
            field.map_err(|e| ApiError::field(actix_web::http::StatusCode::BAD_REQUEST, "file", e.to_string()))?;
        if field.name() != Some("file") {
            continue;
        }
        let name = field
            .content_disposition()
            .and_then(|d| d.get_filename())
            .unwrap_or("")
            .to_owned();
        let mut bytes = Vec::new();
        while let Some(chunk) = field.next().await {
            let chunk =
                chunk.map_err(|e| ApiError::field(actix_web::http::StatusCode::BAD_REQUEST, "file", e.to_string()))?;
            if bytes.len() + chunk.len() > limit {
                return Err(ApiError::PayloadTooLarge(format!(
                    "attachments are limited to {} MiB",
                    limit / 1024 / 1024
                )));
            }
            bytes.extend_from_slice(&chunk);
        }
        return Ok((name, bytes));
    }
    Err(ApiError::invalid(
        "file",
        "send the file as the multipart part named 'file'",
    ))
}

/// Attaches a photo or scan (JPEG, PNG, WebP or PDF, recognised by content) to a case: at most
/// `HUIYIN_ATTACHMENTS_PER_CASE` (50) per case, none once the case is closed or cancelled (409).
#[utoipa::path(
    tag = "cases",
    request_body(content = UploadForm, content_type = "multipart/form-data"),
    responses(
        (status = 201, body = AttachmentResponse),
        (status = 409, body = crate::error::Problem, content_type = "application/problem+json", description = "The case is closed or cancelled (`status`), or carries the most attachments allowed (`file`)"),
        (status = 413, body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 415, body = crate::error::Problem, content_type = "application/problem+json", description = "Not a JPEG, PNG, WebP or PDF")
    ),
    security(("bearer" = []))
)]
#[post("/cases/{id}/attachments")]
async fn upload(
    req: HttpRequest,
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
    payload: web::Payload,
) -> ApiResult<HttpResponse> {
    user.require(Permission::CaseComment)?;
    attachments::check_room(&state.store.db, &user, *id, state.config.attachments_per_case).await?;
    let declared = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|n| n > state.config.attachment_limit + 64 * 1024) {
        return Err(ApiError::PayloadTooLarge(format!(
            "attachments are limited to {} MiB",
            state.config.attachment_limit / 1024 / 1024
        )));
    }
    let form = Multipart::new(req.headers(), payload);
    let (name, bytes) = read_file_part(form, state.config.attachment_limit).await?;
    let saved = store_file(&state, &user, *id, &name, bytes).await?;
    Ok(HttpResponse::Created().json(attachment_response(saved)))
}

/// Writes the bytes (atomically: temp file then rename) and records them.
pub async fn store_file(
    state: &AppState,
    user: &huiyin_store::Actor,
    case_id: Uuid,
    name: &str,
    bytes: Vec<u8>,
) -> ApiResult<AttachmentRecord> {
    if bytes.is_empty() {
        return Err(ApiError::invalid("file", "the file is empty"));
    }
    let kind = sniff(&bytes)
        .ok_or_else(|| ApiError::UnsupportedMediaType("only JPEG, PNG, WebP and PDF files can be attached".into()))?;
    let attachment_id = huiyin_store::new_id();
    let key = format!("{case_id}/{attachment_id}.{}", kind.extension());
    let path = state.config.attachments_dir.join(&key);
    let size = bytes.len();
    let dir = path.parent().map(std::path::Path::to_path_buf).unwrap_or_default();
    let tmp = path.with_extension("part");
    let write = async {
        tokio::fs::create_dir_all(&dir).await?;
        tokio::fs::write(&tmp, &bytes).await?;
        tokio::fs::rename(&tmp, &path).await
    };
    write.await.map_err(|e| ApiError::Internal(Box::new(e)))?;
    let new = attachments::NewAttachment {
        id: attachment_id,
        case_id,
        file_name: name,
        kind,
        size,
        storage_key: &key,
    };
    match attachments::insert(&state.store.db, user, new, state.config.attachments_per_case).await {
        Ok(saved) => Ok(saved),
        Err(e) => {
            let _ = tokio::fs::remove_file(&path).await;
            Err(e.into())
        }
    }
}

/// Downloads an attachment with its recognised content type.
#[utoipa::path(
    tag = "cases",
    responses((status = 200, description = "The file, with the content type it was recognised as on upload", content(
        (Vec<u8> = "image/jpeg"),
        (Vec<u8> = "image/png"),
        (Vec<u8> = "image/webp"),
        (Vec<u8> = "application/pdf")
    ))),
    security(("bearer" = []))
)]
#[get("/cases/{id}/attachments/{attachment_id}")]
async fn download(
    req: HttpRequest,
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<(Uuid, Uuid)>,
) -> ApiResult<HttpResponse> {
    user.require(Permission::CaseRead)?;
    let (case_id, attachment_id) = path.into_inner();
    let found = attachments::get(&state.store.db, &user, case_id, attachment_id).await?;
    serve_file(&req, &state, &found).await
}

pub async fn serve_file(_req: &HttpRequest, state: &AppState, found: &AttachmentRecord) -> ApiResult<HttpResponse> {
    let bytes = tokio::fs::read(state.config.attachments_dir.join(&found.storage_key))
        .await
        .map_err(|e| ApiError::Internal(Box::new(e)))?;
    let disposition = format!("inline; filename*=UTF-8''{}", percent_encode(&found.file_name));
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, found.content_type.clone()))
        .insert_header((
            header::CONTENT_DISPOSITION,
            HeaderValue::from_str(&disposition).unwrap_or(HeaderValue::from_static("inline")),
        ))
        .insert_header((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .insert_header((header::CACHE_CONTROL, "private, max-age=3600"))
        .body(bytes))
}

fn percent_encode(name: &str) -> String {
    name.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}
