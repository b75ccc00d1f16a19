use actix_web::{get, post, web, HttpRequest, HttpResponse};
use chrono::{DateTime, Utc};
use huiyin_domain::permission::{self, Permission};
use huiyin_domain::role::Role;
use huiyin_store::auth::{self, RefreshOutcome};
use huiyin_store::org::users::{self, UserRecord};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use crate::auth::{client_ip, refresh_cookie, AuthUser};
use crate::error::{ApiError, ApiResult};
use crate::extract::Json;
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(login)
        .service(refresh)
        .service(logout)
        .service(me)
        .service(change_password);
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LoginRequest {
    /// A staff username, or a resident's phone number in any notation.
    #[schema(example = "admin")]
    pub username: String,
    #[schema(example = "admin123")]
    pub password: String,
    /// Browsers: put the refresh token in an `HttpOnly` cookie for `/api/v1/auth` instead of
    /// the body (`refresh_token` is then `null`); refresh and log out by cookie with the
    /// `X-Requested-With` header.
    #[serde(default)]
    pub cookie: bool,
}

#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RefreshRequest {
    /// The refresh token; omit it to use the browser's refresh cookie.
    #[serde(default)]
    pub refresh_token: Option<String>,
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ChangePassword {
    pub old_password: String,
    pub new_password: String,
}

impl From<ChangePassword> for users::ChangePassword {
    fn from(b: ChangePassword) -> Self {
        users::ChangePassword {
            old_password: b.old_password,
            new_password: b.new_password,
        }
    }
}

/// A user account as the API shows it (never the password hash).
#[derive(Debug, Serialize, ToSchema)]
pub struct UserResponse {
    pub id: Uuid,
    pub username: String,
    pub display_name: String,
    pub phone: Option<String>,
    pub role: Role,
    pub department_id: Option<Uuid>,
    pub customer_id: Option<Uuid>,
    pub project_ids: Vec<Uuid>,
    pub active: bool,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl UserResponse {
    pub fn new(user: UserRecord, project_ids: Vec<Uuid>) -> Self {
        UserResponse {
            id: user.id,
            username: user.username,
            display_name: user.display_name,
            phone: user.phone,
            role: user.role,
            department_id: user.department_id,
            customer_id: user.customer_id,
            project_ids,
            active: user.active,
            version: user.version,
            created_at: user.created_at,
            updated_at: user.updated_at,
        }
    }
}

impl From<users::UserWithProjects> for UserResponse {
    fn from(u: users::UserWithProjects) -> Self {
        UserResponse::new(u.user, u.project_ids)
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TokenResponse {
    /// Short-lived JWT for `Authorization: Bearer`.
    pub access_token: String,
    /// Single-use token for `POST /api/v1/auth/refresh`; each use returns a new one. `null`
    /// when it was put in the refresh cookie instead.
    pub refresh_token: Option<String>,
    #[schema(example = "Bearer")]
    pub token_type: String,
    /// Seconds until the access token expires.
    #[schema(example = 900)]
    pub expires_in: u64,
    pub user: UserResponse,
}

async fn tokens_for(state: &AppState, user: UserRecord, refresh_token: String) -> ApiResult<TokenResponse> {
    let role = user.role;
    let version = auth::token_version(&state.store.db, user.id).await?;
    let access_token = state
        .jwt
        .issue_versioned(user.id, role, version, state.config.access_ttl)
        .map_err(|e| ApiError::Internal(Box::new(e)))?;
    let project_ids = huiyin_store::actor::project_ids_of(&state.store.db, user.id).await?;
    Ok(TokenResponse {
        access_token,
        refresh_token: Some(refresh_token),
        token_type: "Bearer".into(),
        expires_in: state.config.access_ttl.as_secs(),
        user: UserResponse::new(user, project_ids),
    })
}

fn refresh_ttl(state: &AppState) -> chrono::Duration {
    chrono::Duration::from_std(state.config.refresh_ttl).unwrap_or(chrono::Duration::days(30))
}

/// Logs in with username and password — residents use their phone number, in any notation
/// (`138 0013 8000`, `+86 13800138000`…), as the username. Unknown users and wrong passwords get the same answer;
/// repeated failures are rate limited per username and per client address (429 with `Retry-After`).
#[utoipa::path(
    tag = "auth",
    request_body = LoginRequest,
    responses(
        (status = 200, body = TokenResponse),
        (status = 401, body = crate::error::Problem, content_type = "application/problem+json", description = "Wrong username or password"),
        (status = 429, body = crate::error::Problem, content_type = "application/problem+json", description = "Too many attempts",
            headers(("Retry-After" = u64, description = "Seconds to wait")))
    )
)]
#[post("/auth/login")]
async fn login(
    req: HttpRequest,
    state: web::Data<AppState>,
    Json(body): Json<LoginRequest>,
) -> ApiResult<HttpResponse> {
    let username = body.username.trim().to_lowercase();
    if username.is_empty() {
        return Err(ApiError::invalid("username", "must not be empty"));
    }
    if body.password.is_empty() || body.password.len() > 1024 {
        return Err(ApiError::invalid("password", "must be 1-1024 bytes"));
    }
    // Residents log in with their phone number in any notation; failures are counted per
    // canonical number whether or not it is a login, so the counter reveals nothing.
    let login = huiyin_store::residents::accounts::login_name(&state.store.db, &username).await?;
    let username = login.username;
    // Failures lock a username only for the address they came from (nobody can lock another
    // person out from elsewhere); across addresses the username backs off slowly instead.
    let ip = client_ip::key(&req, &state.config.trusted_proxies);
    let ip_key = format!("ip:{ip}");
    let pair_key = format!("user-ip:{}|{ip}", login.throttle_key);
    let user_key = format!("user:{}", login.throttle_key);
    let limiter = &state.login_limiter;
    let blocked = limiter
        .blocked_for(&ip_key, state.config.login_attempts_per_ip)
        .max(limiter.blocked_for(&pair_key, state.config.login_failures_per_user))
        .max(state.login_backoff.blocked_for(&user_key));
    if let Some(retry_after_secs) = blocked {
        return Err(ApiError::TooManyRequests { retry_after_secs });
    }
    limiter.hit(&ip_key);
    let Some(user) = auth::authenticate(&state.store.db, &username, &body.password).await? else {
        limiter.hit(&pair_key);
        state.login_backoff.fail(&user_key);
        return Err(ApiError::Unauthorized("wrong username or password".into()));
    };
    limiter.reset(&pair_key);
    state.login_backoff.reset(&user_key);
    let refresh_token = auth::issue_refresh_token(&state.store.db, user.id, None, refresh_ttl(&state)).await?;
    answer_tokens(&state, tokens_for(&state, user, refresh_token).await?, body.cookie)
}

/// The token answer; in cookie mode the refresh token goes into the cookie (the residents'
/// or the staff one, by the user's role), not the body.
fn answer_tokens(state: &AppState, mut tokens: TokenResponse, cookie: bool) -> ApiResult<HttpResponse> {
    if !cookie {
        return Ok(HttpResponse::Ok().json(tokens));
    }
    let name = refresh_cookie::name(tokens.user.role == Role::Resident);
    let refresh_token = tokens.refresh_token.take().unwrap_or_default();
    let mut response = HttpResponse::Ok().json(tokens);
    refresh_cookie::set(&mut response, name, &refresh_token, state.config.refresh_ttl.as_secs());
    Ok(response)
}

/// Exchanges a refresh token (body, or the browser's cookie with `X-Requested-With`) for new
/// tokens. The old refresh token stops working; presenting an already-used one revokes every
/// token of that login (reuse detection).
#[utoipa::path(
    tag = "auth",
    request_body = RefreshRequest,
    responses(
        (status = 200, body = TokenResponse),
        (status = 401, body = crate::error::Problem, content_type = "application/problem+json")
    )
)]
#[post("/auth/refresh")]
async fn refresh(
    req: HttpRequest,
    state: web::Data<AppState>,
    body: Option<Json<RefreshRequest>>,
) -> ApiResult<HttpResponse> {
    let body = body.map(|b| b.0).unwrap_or_default();
    let (token, source) = refresh_cookie::token(&req, body.refresh_token.as_deref())?;
    let cookie = source != refresh_cookie::Source::Body;
    match auth::rotate_refresh_token(&state.store.db, &token, refresh_ttl(&state)).await? {
        RefreshOutcome::Rotated { user, refresh_token } => {
            answer_tokens(&state, tokens_for(&state, *user, refresh_token).await?, cookie)
        }
        RefreshOutcome::Invalid => Err(ApiError::Unauthorized(
            "the refresh token is not valid; log in again".into(),
        )),
        RefreshOutcome::Reused => {
            tracing::warn!("refresh token reuse detected; token family revoked");
            Err(ApiError::Unauthorized(
                "this refresh token was already used; every session of this login has been ended".into(),
            ))
        }
    }
}

/// Ends the login the refresh token (body or cookie) belongs to, and the user's access tokens.
#[utoipa::path(tag = "auth", request_body(content = RefreshRequest, description = "Omit the body to log out by cookie"), responses((status = 204, description = "Logged out"), (status = 401, body = crate::error::Problem, content_type = "application/problem+json", description = "No valid refresh token or cookie")))]
#[post("/auth/logout")]
async fn logout(
    req: HttpRequest,
    state: web::Data<AppState>,
    body: Option<Json<RefreshRequest>>,
) -> ApiResult<HttpResponse> {
    let body = body.map(|b| b.0).unwrap_or_default();
    let (token, source) = refresh_cookie::token(&req, body.refresh_token.as_deref())?;
    auth::logout(&state.store.db, &token).await?;
    let mut response = HttpResponse::NoContent().finish();
    if let refresh_cookie::Source::Cookie(name) = source {
        refresh_cookie::clear(&mut response, name);
    }
    Ok(response)
}

/// The current user with the permissions their role holds.
#[derive(Debug, Serialize, ToSchema)]
pub struct MeResponse {
    #[serde(flatten)]
    pub user: UserResponse,
    /// The caller's effective permissions, from the server's permission table: the console shows
    /// only the menus, cards and buttons these allow (the server still checks every request).
    pub permissions: Vec<Permission>,
}

/// The current user and their effective permissions.
#[utoipa::path(tag = "auth", responses((status = 200, body = MeResponse)), security(("bearer" = [])))]
#[get("/me")]
async fn me(state: web::Data<AppState>, user: AuthUser) -> ApiResult<HttpResponse> {
    let found = users::get(&state.store.db, &user, user.user_id).await?;
    let permissions = permission::effective(user.role);
    Ok(HttpResponse::Ok().json(MeResponse {
        user: UserResponse::from(found),
        permissions,
    }))
}

/// Changes the current user's password (old + new, minimum strength); other sessions are logged
/// out. Wrong current passwords are limited per user (429 with `Retry-After`).
#[utoipa::path(tag = "auth", request_body = ChangePassword, responses((status = 204, description = "Password changed"),
    (status = 429, body = crate::error::Problem, content_type = "application/problem+json", description = "Too many wrong current passwords",
        headers(("Retry-After" = u64, description = "Seconds to wait")))), security(("bearer" = [])))]
#[post("/me/password")]
async fn change_password(
    state: web::Data<AppState>,
    user: AuthUser,
    Json(body): Json<ChangePassword>,
) -> ApiResult<HttpResponse> {
    let key = format!("password:{}", user.user_id);
    let limiter = &state.login_limiter;
    if let Some(retry_after_secs) = limiter.blocked_for(&key, state.config.password_change_attempts) {
        return Err(ApiError::TooManyRequests { retry_after_secs });
    }
    match users::change_password(&state.store.db, &user, body.into()).await {
        Err(huiyin_store::StoreError::Invalid { field, message }) if field == "old_password" => {
            limiter.hit(&key);
            Err(huiyin_store::StoreError::Invalid { field, message }.into())
        }
        Err(other) => Err(other.into()),
        Ok(()) => {
            limiter.reset(&key);
            Ok(HttpResponse::NoContent().finish())
        }
    }
}
