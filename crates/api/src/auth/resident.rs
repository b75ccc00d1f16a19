//! `ResidentUser`: a resident (业主) authenticated by a Bearer access token with the resident
//! audience, loaded fresh from the database on each request. Staff tokens are refused with 403:
//! the caller is authenticated, just not as a resident.

use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest};
use huiyin_store::Actor;
use uuid::Uuid;

use super::principal::{resolved, Principal, Resolved};
use crate::error::ApiError;

/// A resident login linked to a customer. Its data scope is that customer's own cases.
#[derive(Debug, Clone)]
pub struct ResidentUser {
    actor: Actor,
    customer_id: Uuid,
}

impl ResidentUser {
    /// The customer (业主档案) this login belongs to.
    pub fn customer_id(&self) -> Uuid {
        self.customer_id
    }

    pub fn actor(&self) -> &Actor {
        &self.actor
    }
}

impl std::ops::Deref for ResidentUser {
    type Target = Actor;
    fn deref(&self) -> &Actor {
        &self.actor
    }
}

impl FromRequest for ResidentUser {
    type Error = ApiError;
    type Future = std::future::Ready<Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        std::future::ready(match resolved(req) {
            // The token's audience says resident; the database must agree (role and link).
            Resolved::Authenticated(Principal::Resident(actor)) => match actor.customer_id {
                Some(customer_id) => Ok(ResidentUser { actor, customer_id }),
                None => Err(ApiError::Forbidden("this login is not linked to a customer".into())),
            },
            other => Err(other.refusal("a resident access token")),
        })
    }
}
