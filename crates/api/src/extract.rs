//! Request extractors that answer bad input with problem+json naming the offending field.

use std::future::Future;
use std::pin::Pin;

use actix_web::dev::Payload;
use actix_web::error::{JsonPayloadError, PathError};
use actix_web::http::header;
use actix_web::http::StatusCode;
use actix_web::{web, FromRequest, HttpRequest};
use futures_util::StreamExt;
use serde::de::DeserializeOwned;

use crate::error::{ApiError, FieldErrors};

/// Largest JSON body accepted (attachments have their own limit).
pub const JSON_LIMIT: usize = 256 * 1024;

/// A JSON request body. Syntax errors answer 400; well-formed JSON with missing, unknown or
/// mistyped fields answers 422 with the path of the field (e.g. `customer.phone`).
pub struct Json<T>(pub T);

impl<T: DeserializeOwned + 'static> FromRequest for Json<T> {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, ApiError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let content_type_ok = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(|v| v.split(';').next().unwrap_or("").trim().to_ascii_lowercase())
            .is_some_and(|v| v == "application/json" || (v.starts_with("application/") && v.ends_with("+json")));
        let declared_length = req
            .headers()
            .get(header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<usize>().ok());
        let mut payload = payload.take();
        Box::pin(async move {
            if !content_type_ok {
                return Err(ApiError::UnsupportedMediaType(
                    "send the body as Content-Type: application/json".into(),
                ));
            }
            if declared_length.is_some_and(|n| n > JSON_LIMIT) {
                return Err(too_large());
            }
            let mut body = web::BytesMut::new();
            while let Some(chunk) = payload.next().await {
                let chunk = chunk.map_err(|e| ApiError::field(StatusCode::BAD_REQUEST, "body", e.to_string()))?;
                if body.len() + chunk.len() > JSON_LIMIT {
                    return Err(too_large());
                }
                body.extend_from_slice(&chunk);
            }
            parse_json(&body).map(Json)
        })
    }
}

fn too_large() -> ApiError {
    ApiError::PayloadTooLarge(format!("JSON bodies are limited to {} KiB", JSON_LIMIT / 1024))
}

/// Deserialises `body`, reporting the failing field's path.
pub fn parse_json<T: DeserializeOwned>(body: &[u8]) -> Result<T, ApiError> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(ApiError::field(
            StatusCode::BAD_REQUEST,
            "body",
            "a JSON body is required",
        ));
    }
    let mut deserializer = serde_json::Deserializer::from_slice(body);
    let result: Result<T, _> = serde_path_to_error::deserialize(&mut deserializer);
    let value = match result {
        Ok(value) => value,
        Err(err) => {
            let path = err.path().to_string();
            let inner = err.into_inner();
            let message = strip_position(&inner.to_string());
            return Err(match inner.classify() {
                serde_json::error::Category::Syntax
                | serde_json::error::Category::Eof
                | serde_json::error::Category::Io => {
                    ApiError::field(StatusCode::BAD_REQUEST, "body", format!("malformed JSON: {message}"))
                }
                serde_json::error::Category::Data => {
                    let field = field_name(&path, &message).unwrap_or_else(|| "body".to_owned());
                    ApiError::Unprocessable {
                        detail: format!("{field}: {message}"),
                        errors: FieldErrors::from([(field, vec![message])]),
                    }
                }
            });
        }
    };
    deserializer.end().map_err(|e| {
        ApiError::field(
            StatusCode::BAD_REQUEST,
            "body",
            format!("malformed JSON: {}", strip_position(&e.to_string())),
        )
    })?;
    Ok(value)
}

/// serde's messages end in " at line 1 column 42", which means nothing to a form.
fn strip_position(message: &str) -> String {
    match message.find(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message.to_owned(),
    }
}

/// The field a serde error is about: its path, plus the named field for missing/unknown ones;
/// `None` when the error is about the whole input.
fn field_name(path: &str, message: &str) -> Option<String> {
    let named = ["missing field `", "unknown field `"].iter().find_map(|prefix| {
        message
            .strip_prefix(prefix)
            .and_then(|rest| rest.split('`').next())
            .map(str::to_owned)
    });
    let path = if path == "." || path.is_empty() {
        None
    } else {
        Some(path.to_owned())
    };
    match (path, named) {
        (Some(p), Some(n)) if !p.ends_with(&n) => Some(format!("{p}.{n}")),
        (Some(p), _) => Some(p),
        (None, Some(n)) => Some(n),
        (None, None) => None,
    }
}

/// A query string. Unknown, missing or mistyped parameters answer 422 naming the parameter
/// (`area_id=nope` → `errors.area_id`), which actix's own `web::Query` cannot do.
pub struct Query<T>(pub T);

impl<T> Query<T> {
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T> std::ops::Deref for Query<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: DeserializeOwned> FromRequest for Query<T> {
    type Error = ApiError;
    type Future = std::future::Ready<Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        std::future::ready(parse_query(req.query_string()).map(Query))
    }
}

/// Deserialises a query string, reporting the failing parameter.
pub fn parse_query<T: DeserializeOwned>(query: &str) -> Result<T, ApiError> {
    let deserializer = serde_urlencoded::Deserializer::new(form_urlencoded::parse(query.as_bytes()));
    serde_path_to_error::deserialize(deserializer).map_err(|err| {
        let path = err.path().to_string();
        let message = err.into_inner().to_string();
        let field = field_name(&path, &message).unwrap_or_else(|| "query".to_owned());
        ApiError::invalid(&field, message)
    })
}

/// Path errors (e.g. an id that is not a UUID) → 400 naming the segment.
pub fn path_error(err: PathError, _req: &HttpRequest) -> actix_web::Error {
    ApiError::field(StatusCode::BAD_REQUEST, "id", format!("not a valid identifier: {err}")).into()
}

/// Errors from actix's own JSON extractor (not used by our handlers, but kept consistent).
pub fn json_error(err: JsonPayloadError, _req: &HttpRequest) -> actix_web::Error {
    ApiError::field(StatusCode::BAD_REQUEST, "body", err.to_string()).into()
}

/// The `If-Match: "<version>"` header, required on every change to a versioned resource.
pub struct IfMatch(pub i32);

impl FromRequest for IfMatch {
    type Error = ApiError;
    type Future = std::future::Ready<Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        std::future::ready(match req.headers().get(header::IF_MATCH) {
            None => Err(ApiError::PreconditionRequired),
            Some(value) => value
                .to_str()
                .ok()
                .map(|v| v.trim().trim_start_matches("W/").trim_matches('"'))
                .and_then(|v| v.parse::<i32>().ok())
                .map(IfMatch)
                .ok_or_else(|| {
                    ApiError::field(
                        StatusCode::BAD_REQUEST,
                        "If-Match",
                        "must be a version in quotes, e.g. \"3\"",
                    )
                }),
        })
    }
}

/// The optional `Idempotency-Key` header (1–200 visible ASCII characters).
pub struct IdempotencyKey(pub Option<String>);

impl FromRequest for IdempotencyKey {
    type Error = ApiError;
    type Future = std::future::Ready<Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        std::future::ready(match req.headers().get("idempotency-key") {
            None => Ok(IdempotencyKey(None)),
            Some(value) => match value.to_str() {
                Ok(v) if !v.trim().is_empty() && v.len() <= 200 && v.bytes().all(|b| b.is_ascii_graphic()) => {
                    Ok(IdempotencyKey(Some(v.to_owned())))
                }
                _ => Err(ApiError::field(
                    StatusCode::BAD_REQUEST,
                    "Idempotency-Key",
                    "must be 1-200 visible ASCII characters",
                )),
            },
        })
    }
}

/// `ETag` value for a version.
pub fn etag(version: i32) -> String {
    format!("\"{version}\"")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Inner {
        phone: String,
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Outer {
        name: String,
        count: u32,
        customer: Option<Inner>,
    }

    fn field_of(body: &str) -> (u16, String) {
        let err = parse_json::<Outer>(body.as_bytes()).unwrap_err();
        let problem = err.problem();
        (problem.status, problem.errors.unwrap().into_keys().next().unwrap())
    }

    #[test]
    fn names_the_offending_field() {
        assert_eq!(field_of(r#"{"count": 1}"#), (422, "name".into()));
        assert_eq!(field_of(r#"{"name": "a", "count": "x"}"#), (422, "count".into()));
        assert_eq!(
            field_of(r#"{"name": "a", "count": 1, "role": "admin"}"#),
            (422, "role".into())
        );
        assert_eq!(
            field_of(r#"{"name": "a", "count": 1, "customer": {}}"#),
            (422, "customer.phone".into())
        );
        assert_eq!(
            field_of(r#"{"name": "a", "count": 1, "customer": {"phone": 5}}"#),
            (422, "customer.phone".into())
        );
        assert_eq!(field_of(r#"{"name": "a", "count": -1}"#), (422, "count".into()));
    }

    #[test]
    fn malformed_json_is_a_bad_request() {
        assert_eq!(field_of(r#"{"name": "a""#), (400, "body".into()));
        assert_eq!(field_of(""), (400, "body".into()));
        assert_eq!(field_of(r#"{"name": "a", "count": 1} trailing"#), (400, "body".into()));
    }
}
