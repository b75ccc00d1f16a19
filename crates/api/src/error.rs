//! One error type for every handler, rendered as RFC 9457 `application/problem+json`.
//!
//! 5xx bodies stay generic; the cause chain goes to the log with the request's span.

use std::collections::BTreeMap;

use actix_web::http::header::{self, HeaderValue};
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, ResponseError};
use huiyin_domain::case::TransitionError;
use huiyin_store::StoreError;
use serde::Serialize;
use utoipa::ToSchema;

pub type ApiResult<T> = Result<T, ApiError>;

/// Field name → messages, for validation problems.
pub type FieldErrors = BTreeMap<String, Vec<String>>;

/// An RFC 9457 problem document.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Problem {
    /// A URI reference naming the problem type; stable, e.g. `/problems/validation`.
    #[serde(rename = "type")]
    #[schema(example = "/problems/validation")]
    pub problem_type: String,
    #[schema(example = "Your request is not valid")]
    pub title: String,
    #[schema(example = 422)]
    pub status: u16,
    #[schema(example = "phones[0]: a mainland mobile number has 11 digits starting with 13-19")]
    pub detail: String,
    /// Per-field messages (validation problems only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub errors: Option<FieldErrors>,
    /// The case's current status, when a state transition was refused.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub current_status: Option<String>,
    /// The resource's current version, when `If-Match` was stale.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub current_version: Option<i32>,
}

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("{detail}")]
    BadRequest { detail: String, errors: FieldErrors },
    #[error("{0}")]
    Unauthorized(String),
    #[error("{0}")]
    Forbidden(String),
    #[error("not found")]
    NotFound,
    #[error("{detail}")]
    Conflict { detail: String, errors: FieldErrors },
    #[error("{detail}")]
    InvalidTransition { detail: String, current_status: String },
    #[error("stale version")]
    PreconditionFailed { current_version: i32 },
    #[error("{0}")]
    PayloadTooLarge(String),
    #[error("{0}")]
    UnsupportedMediaType(String),
    #[error("{detail}")]
    Unprocessable { detail: String, errors: FieldErrors },
    #[error("If-Match header required")]
    PreconditionRequired,
    #[error("too many requests")]
    TooManyRequests { retry_after_secs: u64 },
    #[error("service unavailable")]
    Unavailable(#[source] Option<Box<dyn std::error::Error + Send + Sync>>),
    #[error("internal error")]
    Internal(#[source] Box<dyn std::error::Error + Send + Sync>),
}

impl ApiError {
    pub fn field(status: StatusCode, field: &str, message: impl Into<String>) -> Self {
        let message = message.into();
        let detail = format!("{field}: {message}");
        let errors = FieldErrors::from([(field.to_owned(), vec![message])]);
        if status == StatusCode::BAD_REQUEST {
            ApiError::BadRequest { detail, errors }
        } else {
            ApiError::Unprocessable { detail, errors }
        }
    }

    pub fn invalid(field: &str, message: impl Into<String>) -> Self {
        Self::field(StatusCode::UNPROCESSABLE_ENTITY, field, message)
    }

    pub fn forbidden() -> Self {
        ApiError::Forbidden("you do not have permission to do this".into())
    }

    fn code(&self) -> (&'static str, &'static str) {
        match self {
            ApiError::BadRequest { .. } => ("bad_request", "Your request could not be read"),
            ApiError::Unauthorized(_) => ("unauthorized", "Authentication required"),
            ApiError::Forbidden(_) => ("forbidden", "Not allowed"),
            ApiError::NotFound => ("not_found", "Not found"),
            ApiError::Conflict { .. } => ("conflict", "Conflict with existing data"),
            ApiError::InvalidTransition { .. } => ("invalid_transition", "Action not allowed in the current status"),
            ApiError::PreconditionFailed { .. } => ("stale_version", "Someone else changed this resource"),
            ApiError::PayloadTooLarge(_) => ("payload_too_large", "Request body too large"),
            ApiError::UnsupportedMediaType(_) => ("unsupported_media_type", "Unsupported content type"),
            ApiError::Unprocessable { .. } => ("validation", "Your request is not valid"),
            ApiError::PreconditionRequired => ("precondition_required", "If-Match header required"),
            ApiError::TooManyRequests { .. } => ("rate_limited", "Too many requests"),
            ApiError::Unavailable(_) => ("unavailable", "Service temporarily unavailable"),
            ApiError::Internal(_) => ("internal", "Internal server error"),
        }
    }

    pub fn problem(&self) -> Problem {
        let (code, title) = self.code();
        let status = self.status_code().as_u16();
        let detail = match self {
            ApiError::NotFound => "the resource does not exist or is not visible to you".to_owned(),
            ApiError::PreconditionFailed { current_version } => {
                format!("the resource is now at version {current_version}; reload it and apply your change again")
            }
            ApiError::PreconditionRequired => "send If-Match: \"<version>\" with the version you last read".to_owned(),
            ApiError::TooManyRequests { retry_after_secs } => format!("try again in {retry_after_secs} seconds"),
            ApiError::Unavailable(_) => "the database is unavailable; retry shortly".to_owned(),
            ApiError::Internal(_) => "something went wrong on our side; it has been logged".to_owned(),
            other => other.to_string(),
        };
        let errors = match self {
            ApiError::BadRequest { errors, .. }
            | ApiError::Conflict { errors, .. }
            | ApiError::Unprocessable { errors, .. }
                if !errors.is_empty() =>
            {
                Some(errors.clone())
            }
            _ => None,
        };
        Problem {
            problem_type: format!("/problems/{code}"),
            title: title.to_owned(),
            status,
            detail,
            errors,
            current_status: match self {
                ApiError::InvalidTransition { current_status, .. } => Some(current_status.clone()),
                _ => None,
            },
            current_version: match self {
                ApiError::PreconditionFailed { current_version } => Some(*current_version),
                _ => None,
            },
        }
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        match self {
            ApiError::BadRequest { .. } => StatusCode::BAD_REQUEST,
            ApiError::Unauthorized(_) => StatusCode::UNAUTHORIZED,
            ApiError::Forbidden(_) => StatusCode::FORBIDDEN,
            ApiError::NotFound => StatusCode::NOT_FOUND,
            ApiError::Conflict { .. } | ApiError::InvalidTransition { .. } => StatusCode::CONFLICT,
            ApiError::PreconditionFailed { .. } => StatusCode::PRECONDITION_FAILED,
            ApiError::PayloadTooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::UnsupportedMediaType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ApiError::Unprocessable { .. } => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::PreconditionRequired => StatusCode::PRECONDITION_REQUIRED,
            ApiError::TooManyRequests { .. } => StatusCode::TOO_MANY_REQUESTS,
            ApiError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        match self {
            ApiError::Internal(cause) => tracing::error!(error = %cause, cause = ?cause, "request failed"),
            ApiError::Unavailable(cause) => tracing::warn!(cause = ?cause, "database unavailable"),
            _ => {}
        }
        let mut response = HttpResponse::build(self.status_code());
        response.insert_header((
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/problem+json"),
        ));
        match self {
            ApiError::TooManyRequests { retry_after_secs } => {
                response.insert_header((header::RETRY_AFTER, retry_after_secs.to_string()));
            }
            ApiError::Unauthorized(_) => {
                response.insert_header((header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer")));
            }
            ApiError::Unavailable(_) => {
                response.insert_header((header::RETRY_AFTER, "5"));
            }
            _ => {}
        }
        response.body(serde_json::to_string(&self.problem()).unwrap_or_default())
    }
}

impl From<StoreError> for ApiError {
    fn from(err: StoreError) -> Self {
        match err {
            StoreError::NotFound => ApiError::NotFound,
            StoreError::Stale { current } => ApiError::PreconditionFailed {
                current_version: current,
            },
            StoreError::Conflict { field, message } => ApiError::Conflict {
                detail: format!("{field}: {message}"),
                errors: FieldErrors::from([(field, vec![message])]),
            },
            StoreError::Invalid { field, message } => ApiError::invalid(&field, message),
            StoreError::InvalidMany(list) => {
                let mut errors = FieldErrors::new();
                for (field, message) in &list {
                    errors.entry(field.clone()).or_default().push(message.clone());
                }
                let detail = list
                    .iter()
                    .take(5)
                    .map(|(f, m)| format!("{f}: {m}"))
                    .collect::<Vec<_>>()
                    .join("; ");
                ApiError::Unprocessable { detail, errors }
            }
            StoreError::Forbidden(message) => ApiError::Forbidden(message),
            StoreError::Transition(e) => transition_error(e),
            StoreError::IdempotencyMismatch => {
                ApiError::invalid("Idempotency-Key", StoreError::IdempotencyMismatch.to_string())
            }
            StoreError::Unavailable(e) => ApiError::Unavailable(Some(Box::new(e))),
            StoreError::Db(e) => ApiError::Internal(Box::new(e)),
            // Only database failures carry a context: the log line keeps it (`doing: cause`).
            StoreError::During { .. } if matches!(err.innermost(), StoreError::Unavailable(_)) => {
                ApiError::Unavailable(Some(Box::new(err)))
            }
            StoreError::During { .. } => ApiError::Internal(Box::new(err)),
        }
    }
}

fn transition_error(e: TransitionError) -> ApiError {
    match e {
        TransitionError::NotAllowed { status, .. } => ApiError::InvalidTransition {
            detail: e.to_string(),
            current_status: status.as_str().to_owned(),
        },
        TransitionError::KindCannotCloseOnSpot { .. } => ApiError::InvalidTransition {
            detail: e.to_string(),
            current_status: "registered".to_owned(),
        },
        TransitionError::SatisfactionRequired | TransitionError::SatisfactionWithoutContact => {
            ApiError::invalid("satisfaction", e.to_string())
        }
        TransitionError::AlreadyPaused | TransitionError::NotPaused => conflict("paused", e.to_string()),
        TransitionError::Level(_) => conflict("level", e.to_string()),
    }
}

fn conflict(field: &str, message: String) -> ApiError {
    ApiError::Conflict {
        detail: message.clone(),
        errors: FieldErrors::from([(field.to_owned(), vec![message])]),
    }
}

/// A 404 problem for unknown API routes.
pub async fn not_found() -> HttpResponse {
    ApiError::NotFound.error_response()
}
