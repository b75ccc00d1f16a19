//! `AuthUser`: a staff member authenticated by a Bearer access token, loaded fresh from the
//! database on each request so that deactivation and role changes take effect at once.

use std::future::Future;
use std::pin::Pin;

use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{web, FromRequest, HttpRequest};
use huiyin_domain::permission::Permission;
use huiyin_store::Actor;

use super::jwt::Audience;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;

#[derive(Debug, Clone)]
pub struct AuthUser(pub Actor);

impl std::ops::Deref for AuthUser {
    type Target = Actor;
    fn deref(&self) -> &Actor {
        &self.0
    }
}

impl AuthUser {
    /// 403 unless the user's role grants `permission`.
    pub fn require(&self, permission: Permission) -> ApiResult<()> {
        if self.0.may(permission) {
            Ok(())
        } else {
            Err(ApiError::forbidden())
        }
    }
}

pub fn bearer_token(req: &HttpRequest) -> Option<String> {
    let value = req.headers().get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| token.trim().to_owned())
        .filter(|t| !t.is_empty())
}

/// Authenticates the request for `audience` and loads the acting user.
pub async fn authenticate(req: &HttpRequest, audience: Audience) -> ApiResult<Actor> {
    let state = req
        .app_data::<web::Data<AppState>>()
        .ok_or_else(|| ApiError::Internal("application state missing".into()))?;
    let token = bearer_token(req)
        .ok_or_else(|| ApiError::Unauthorized("send an access token as Authorization: Bearer <token>".into()))?;
    let claims = state.jwt.verify(&token, audience).map_err(|e| {
        ApiError::Unauthorized(match e.kind() {
            jsonwebtoken::errors::ErrorKind::ExpiredSignature => "the access token has expired; refresh it".into(),
            jsonwebtoken::errors::ErrorKind::InvalidAudience => "this token is not valid for this endpoint".into(),
            _ => "the access token is not valid".into(),
        })
    })?;
    let actor = Actor::load(&state.store.db, claims.sub)
        .await?
        .ok_or_else(|| ApiError::Unauthorized("the account is not active".into()))?;
    Ok(actor)
}

impl FromRequest for AuthUser {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, ApiError>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move {
            // A resident token on a staff endpoint is authenticated but not allowed: 403, not 401.
            match authenticate(&req, Audience::Staff).await {
                Ok(actor) => Ok(AuthUser(actor)),
                Err(ApiError::Unauthorized(message)) => {
                    if authenticate(&req, Audience::Resident).await.is_ok() {
                        Err(ApiError::Forbidden("residents cannot use staff endpoints".into()))
                    } else {
                        Err(ApiError::Unauthorized(message))
                    }
                }
                Err(other) => Err(other),
            }
        })
    }
}
