//! Resident logins: staff issue a one-time activation code; the resident activates with it.

use actix_web::http::header::{CacheControl, CacheDirective};
use actix_web::{post, web, HttpRequest, HttpResponse};
use huiyin_domain::permission::Permission;
use huiyin_domain::phone::mask;
use huiyin_store::residents::accounts::{self, Activation};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use super::bodies::{ActivateAccount, IssueAccount};
use super::views::ActivationCodeResponse;
use crate::auth::AuthUser;
use crate::error::{ApiError, ApiResult};
use crate::extract::Json;
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(issue).service(activate);
}

/// Creates the customer's resident login (role `resident`, linked to this customer, no
/// projects) if it does not exist yet, and issues a one-time activation code valid for 72 hours
/// (configurable). The code is in this answer only — it is stored hashed — and replaces any
/// code issued before, so issuing again also serves a resident who lost their code or password
/// (it resets the password; it does not switch on a login an administrator deactivated).
/// Send `{}` to use the customer's first phone number as the login.
#[utoipa::path(
    tag = "customers", operation_id = "issue_resident_account",
    request_body = IssueAccount,
    responses(
        (status = 201, body = ActivationCodeResponse),
        (status = 409, body = crate::error::Problem, content_type = "application/problem+json",
            description = "The phone number is already another account's login")
    ),
    security(("bearer" = []))
)]
#[post("/customers/{id}/account")]
async fn issue(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
    Json(body): Json<IssueAccount>,
) -> ApiResult<HttpResponse> {
    user.require(Permission::CustomerManage)?;
    let ttl = chrono::Duration::from_std(state.config.activation_ttl).unwrap_or(chrono::Duration::hours(72));
    let issued = accounts::issue(&state.store.db, &user, *id, body.into(), ttl).await?;
    let phone = if user.may(Permission::PiiView) {
        issued.phone
    } else {
        mask(&issued.phone)
    };
    Ok(HttpResponse::Created()
        .insert_header(CacheControl(vec![CacheDirective::NoStore]))
        .json(ActivationCodeResponse {
            user_id: issued.user_id,
            phone,
            activation_code: issued.code,
            expires_at: issued.expires_at,
        }))
}

/// Activates a resident login: the phone number customer service registered (any notation),
/// the activation code they gave you, and your new password. Then log in at
/// `POST /api/v1/auth/login` with the phone number as `username`.
///
/// A code works once and until it expires. An unknown phone number and a wrong, used or expired
/// code all get the same 422 (naming `code`); after 5 failures for a number (or 30 attempts from
/// one address) within 5 minutes the answer is 429 with `Retry-After`.
#[utoipa::path(
    tag = "resident", operation_id = "resident_activate",
    request_body = ActivateAccount,
    responses(
        (status = 204, description = "Activated: log in with the phone number and the new password"),
        (status = 422, body = crate::error::Problem, content_type = "application/problem+json",
            description = "`code`: no valid code for this phone number; `phone`: not a phone number; `new_password`: too weak",
            example = json!({"type": "/problems/validation", "title": "Your request is not valid", "status": 422,
                "detail": "code: the phone number and code do not match a valid activation code; ask customer service for a new one",
                "errors": {"code": ["the phone number and code do not match a valid activation code; ask customer service for a new one"]}})),
        (status = 429, body = crate::error::Problem, content_type = "application/problem+json", description = "Too many attempts",
            headers(("Retry-After" = u64, description = "Seconds to wait")))
    )
)]
#[post("/resident/activate")]
async fn activate(
    req: HttpRequest,
    state: web::Data<AppState>,
    Json(body): Json<ActivateAccount>,
) -> ApiResult<HttpResponse> {
    let phone = accounts::login_phone("phone", &body.phone)?;
    if body.new_password.len() > 1024 {
        return Err(ApiError::invalid("new_password", "must be at most 1024 bytes"));
    }
    let ip_key = format!(
        "activate-ip:{}",
        crate::auth::client_ip::key(&req, &state.config.trusted_proxies)
    );
    let phone_key = format!("activate-phone:{phone}");
    let limiter = &state.login_limiter;
    let blocked = limiter
        .blocked_for(&ip_key, state.config.login_attempts_per_ip)
        .max(limiter.blocked_for(&phone_key, state.config.login_failures_per_user));
    if let Some(retry_after_secs) = blocked {
        return Err(ApiError::TooManyRequests { retry_after_secs });
    }
    limiter.hit(&ip_key);
    match accounts::activate(&state.store.db, &phone, &body.code, &body.new_password).await? {
        Activation::Activated { user_id } => {
            limiter.reset(&phone_key);
            tracing::info!(%user_id, "resident login activated");
            Ok(HttpResponse::NoContent().finish())
        }
        Activation::Rejected => {
            limiter.hit(&phone_key);
            Err(ApiError::invalid(
                "code",
                "the phone number and code do not match a valid activation code; ask customer service for a new one",
            ))
        }
    }
}
