//! Who is calling: resolved once per request by a middleware, *before* any extractor runs.
//!
//! actix-web polls a handler's extractors together and answers with whichever fails first; if
//! authentication were an async extractor, a malformed body could be answered (422) before an
//! unauthenticated caller is (401). Resolving the caller up front and making the auth extractors
//! synchronous guarantees that authentication and authorisation always answer first.

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;
use actix_web::{web, HttpMessage, HttpRequest};
use huiyin_domain::api_key::looks_like_key;
use huiyin_store::api_keys::{self, KeyPrincipal};
use huiyin_store::{Actor, StoreError};

use super::jwt::Audience;
use crate::error::ApiError;
use crate::state::AppState;

#[derive(Debug, Clone)]
pub enum Principal {
    Staff(Actor),
    Resident(Actor),
    Key(KeyPrincipal),
}

/// The outcome of authenticating a request.
#[derive(Debug, Clone)]
pub enum Resolved {
    /// No credential was sent.
    Anonymous,
    Authenticated(Principal),
    /// A credential was sent and is not valid; the message says why.
    Rejected(String),
    /// The database could not be asked.
    Unavailable,
}

impl Resolved {
    /// The error for a caller who is not the principal an endpoint wants.
    pub fn refusal(&self, wanted: &str) -> ApiError {
        match self {
            Resolved::Anonymous => ApiError::Unauthorized(format!("send {wanted} as Authorization: Bearer <token>")),
            Resolved::Rejected(message) => ApiError::Unauthorized(message.clone()),
            Resolved::Unavailable => ApiError::Unavailable(None),
            Resolved::Authenticated(Principal::Staff(_)) => {
                ApiError::Forbidden("staff accounts cannot use this endpoint".into())
            }
            Resolved::Authenticated(Principal::Resident(_)) => {
                ApiError::Forbidden("residents cannot use this endpoint".into())
            }
            Resolved::Authenticated(Principal::Key(_)) => {
                ApiError::Forbidden("API keys cannot use this endpoint".into())
            }
        }
    }
}

pub fn bearer_token(req: &HttpRequest) -> Option<String> {
    let value = req
        .headers()
        .get(actix_web::http::header::AUTHORIZATION)?
        .to_str()
        .ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| token.trim().to_owned())
        .filter(|t| !t.is_empty())
}

/// An API key presented as `X-API-Key` or as a bearer credential.
pub fn presented_key(req: &HttpRequest) -> Option<String> {
    if let Some(value) = req.headers().get("x-api-key").and_then(|v| v.to_str().ok()) {
        return Some(value.trim().to_owned());
    }
    bearer_token(req).filter(|t| looks_like_key(t))
}

fn from_store(err: StoreError) -> Resolved {
    match err {
        StoreError::Unavailable(_) => Resolved::Unavailable,
        other => {
            tracing::error!(error = %other, "authentication lookup failed");
            Resolved::Unavailable
        }
    }
}

async fn resolve(req: &HttpRequest) -> Resolved {
    let Some(state) = req.app_data::<web::Data<AppState>>() else {
        return Resolved::Unavailable;
    };
    if let Some(raw) = presented_key(req) {
        return match api_keys::authenticate(&state.store.db, &raw).await {
            Ok(Some(key)) => Resolved::Authenticated(Principal::Key(key)),
            Ok(None) => Resolved::Rejected("the API key is not valid (unknown, expired or revoked)".into()),
            Err(e) => from_store(e),
        };
    }
    let Some(token) = bearer_token(req) else {
        return Resolved::Anonymous;
    };
    let (claims, audience) = match state.jwt.verify(&token, Audience::Staff) {
        Ok(claims) => (claims, Audience::Staff),
        Err(staff_error) => match state.jwt.verify(&token, Audience::Resident) {
            Ok(claims) => (claims, Audience::Resident),
            Err(_) => {
                return Resolved::Rejected(match staff_error.kind() {
                    jsonwebtoken::errors::ErrorKind::ExpiredSignature => {
                        "the access token has expired; refresh it".into()
                    }
                    jsonwebtoken::errors::ErrorKind::InvalidAudience => {
                        "this token is not valid for this endpoint".into()
                    }
                    _ => "the access token is not valid".into(),
                });
            }
        },
    };
    // From the per-process user cache (`huiyin_store::cache`): deactivation and a raised token
    // version (logout, password change) drop it at once.
    match huiyin_store::cache::actor_with_version(&state.store.db, claims.sub).await {
        Ok(Some((_, version))) if version != claims.ver => {
            Resolved::Rejected("the access token was revoked (logged out or password changed); log in again".into())
        }
        Ok(Some((actor, _))) if audience == Audience::Resident && actor.role == huiyin_domain::role::Role::Resident => {
            Resolved::Authenticated(Principal::Resident(actor))
        }
        Ok(Some((actor, _))) if audience == Audience::Staff && actor.role.is_staff() => {
            Resolved::Authenticated(Principal::Staff(actor))
        }
        Ok(_) => Resolved::Rejected("the account is not active".into()),
        Err(e) => from_store(e),
    }
}

/// Middleware (on `/api/v1`): authenticates the caller and leaves the outcome in the request.
pub async fn authenticate(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let resolved = resolve(req.request()).await;
    req.extensions_mut().insert(resolved);
    next.call(req).await
}

/// The outcome the middleware left (`Unavailable` if it did not run, which is a wiring bug).
pub fn resolved(req: &HttpRequest) -> Resolved {
    req.extensions()
        .get::<Resolved>()
        .cloned()
        .unwrap_or(Resolved::Unavailable)
}
