//! `Caller`: a staff member (access JWT) or an integration (API key, sent as
//! `Authorization: Bearer hy_…` or `X-API-Key: hy_…`), for the endpoints integrations may use.

use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest};
use huiyin_domain::api_key::ApiScope;
use huiyin_domain::permission::Permission;
use huiyin_store::api_keys::KeyPrincipal;
use huiyin_store::Actor;

use super::principal::{resolved, Principal, Resolved};
use crate::error::{ApiError, ApiResult};

#[derive(Debug, Clone)]
pub enum Caller {
    Staff(Actor),
    Key(KeyPrincipal),
}

impl Caller {
    /// Staff need `permission`; keys need `scope`.
    pub fn require(&self, permission: Permission, scope: ApiScope) -> ApiResult<()> {
        let allowed = match self {
            Caller::Staff(actor) => actor.may(permission),
            Caller::Key(key) => key.has(scope),
        };
        if allowed {
            Ok(())
        } else {
            Err(ApiError::forbidden())
        }
    }

    /// Projects whose data the caller may see; `None` means all.
    pub fn allowed_projects(&self) -> Option<Vec<uuid::Uuid>> {
        match self {
            Caller::Staff(actor) => actor.project_filter().map(<[uuid::Uuid]>::to_vec),
            Caller::Key(key) => key.project_id.map(|p| vec![p]),
        }
    }

    /// Whether unmasked phone numbers may be shown.
    pub fn sees_pii(&self) -> bool {
        match self {
            Caller::Staff(actor) => actor.may(Permission::PiiView),
            Caller::Key(key) => key.has(ApiScope::PiiRead),
        }
    }
}

impl FromRequest for Caller {
    type Error = ApiError;
    type Future = std::future::Ready<Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        std::future::ready(match resolved(req) {
            Resolved::Authenticated(Principal::Staff(actor)) => Ok(Caller::Staff(actor)),
            Resolved::Authenticated(Principal::Key(key)) => Ok(Caller::Key(key)),
            other => Err(other.refusal("a staff access token or an API key")),
        })
    }
}
