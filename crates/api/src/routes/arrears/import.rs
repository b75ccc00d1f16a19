//! `POST /api/v1/arrears/import`: CSV (`text/csv`) or the same rows as JSON, from staff or from
//! an integration's API key with scope `arrears:write`.

use actix_web::{post, web, HttpRequest, HttpResponse};
use futures_util::StreamExt;
use huiyin_domain::api_key::ApiScope;
use huiyin_domain::permission::Permission;
use huiyin_domain::time::business_day;
use huiyin_store::arrears::import::{apply, ImportedBy};
use huiyin_store::arrears::parse;

use super::views::{ArrearsImportResponse, ImportQuery};
use crate::auth::caller::Caller;
use crate::error::{ApiError, ApiResult};
use crate::extract::Query;
use crate::state::AppState;

/// Largest file accepted (tens of thousands of rows).
const LIMIT: usize = 8 * 1024 * 1024;

async fn read_body(mut payload: web::Payload) -> ApiResult<Vec<u8>> {
    let mut body = web::BytesMut::new();
    while let Some(chunk) = payload.next().await {
        let chunk =
            chunk.map_err(|e| ApiError::field(actix_web::http::StatusCode::BAD_REQUEST, "body", e.to_string()))?;
        if body.len() + chunk.len() > LIMIT {
            return Err(ApiError::PayloadTooLarge(format!(
                "imports are limited to {} MiB",
                LIMIT / 1024 / 1024
            )));
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body.to_vec())
}

/// Imports arrears for a project from the billing system. CSV with a header
/// `building,unit,room,fee_item,months,amount,as_of[,receivable,received]` (any order; Chinese
/// headers 楼栋,单元,房号,收费项目,欠费月数,欠费金额,截止日期,应收,实收 too), or a JSON array of
/// the same fields (amounts as decimal strings). All or nothing: every bad row is reported by
/// `line N` (CSV) or `row N` (JSON). Importing the same file again changes nothing; a property
/// missing from a later import of a fee item, or listed with 0 months, is settled.
#[utoipa::path(tag = "arrears", params(ImportQuery),
    request_body(content = String, content_type = "text/csv",
        example = "building,unit,room,fee_item,months,amount,as_of,receivable,received\n1栋,1单元,101,物业费,7,1234.50,2026-11-30,176.40,0"),
    responses((status = 201, body = ArrearsImportResponse),
        (status = 413, body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 415, body = crate::error::Problem, content_type = "application/problem+json")),
    security(("bearer" = []), ("api_key" = [])))]
#[post("/arrears/import")]
pub async fn import(
    req: HttpRequest,
    state: web::Data<AppState>,
    caller: Caller,
    query: Query<ImportQuery>,
    payload: web::Payload,
) -> ApiResult<HttpResponse> {
    caller.require(Permission::ArrearsImport, ApiScope::ArrearsWrite)?;
    let project_id = query.project_id;
    let by = match &caller {
        Caller::Staff(actor) if actor.sees_project(project_id) => ImportedBy {
            user_id: Some(actor.user_id),
            api_key_id: None,
        },
        Caller::Key(key) if key.project_id.is_none_or(|p| p == project_id) => ImportedBy {
            user_id: None,
            api_key_id: Some(key.id),
        },
        _ => return Err(ApiError::invalid("project_id", "no such project")),
    };
    let content_type = req
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_ascii_lowercase();
    let json = content_type.starts_with("application/json");
    if !(json || content_type.starts_with("text/csv") || content_type.starts_with("text/plain")) {
        return Err(ApiError::UnsupportedMediaType(
            "send the file as Content-Type: text/csv, or the rows as application/json".into(),
        ));
    }
    let body = read_body(payload).await?;
    let today = business_day(huiyin_store::now());
    let (rows, errors) = if json {
        let value: serde_json::Value = serde_json::from_slice(&body)
            .map_err(|e| ApiError::field(actix_web::http::StatusCode::BAD_REQUEST, "body", e.to_string()))?;
        parse::json(&value, today)
    } else {
        let text = String::from_utf8(body).map_err(|_| ApiError::invalid("file", "must be UTF-8 text"))?;
        parse::csv(&text, today)
    };
    let summary = apply(&state.store.db, project_id, by, rows, errors).await?;
    Ok(HttpResponse::Created().json(ArrearsImportResponse::from(summary)))
}
