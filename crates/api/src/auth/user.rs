//! `AuthUser`: a staff member authenticated by a Bearer access token, loaded fresh from the
//! database on each request so that deactivation and role changes take effect at once.

use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest};
use huiyin_domain::permission::Permission;
use huiyin_store::Actor;

use super::principal::{resolved, Principal, Resolved};
use crate::error::{ApiError, ApiResult};

pub use super::principal::bearer_token;

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

impl FromRequest for AuthUser {
    type Error = ApiError;
    type Future = std::future::Ready<Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        std::future::ready(match resolved(req) {
            Resolved::Authenticated(Principal::Staff(actor)) => Ok(AuthUser(actor)),
            other => Err(other.refusal("a staff access token")),
        })
    }
}
