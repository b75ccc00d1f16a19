//! Shared application state, added at start-up (building the OpenAPI document needs none of it).

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use huiyin_store::Store;

use crate::auth::jwt::JwtKeys;
use crate::auth::rate_limit::{Backoff, RateLimiter};
use crate::metrics::Metrics;

#[derive(Debug, Clone)]
pub struct ApiConfig {
    pub access_ttl: Duration,
    pub refresh_ttl: Duration,
    /// Failed logins allowed per username within `login_window`.
    pub login_failures_per_user: u32,
    /// Login attempts allowed per client address within `login_window`.
    pub login_attempts_per_ip: u32,
    pub login_window: Duration,
    /// Where case attachments are stored.
    pub attachments_dir: PathBuf,
    /// Largest attachment accepted, in bytes.
    pub attachment_limit: usize,
    /// Attachments one case may carry (`HUIYIN_ATTACHMENTS_PER_CASE`, default 50).
    pub attachments_per_case: usize,
    /// How long a resident's activation code stays valid.
    pub activation_ttl: Duration,
    /// New cases a resident may report per business day through the app.
    pub resident_daily_case_limit: u32,
    /// Internal address ranges webhooks may nevertheless target (on-premises integrations;
    /// `HUIYIN_WEBHOOK_ALLOWED_NETWORKS`). Empty: only public addresses.
    pub webhook_allowed_networks: Vec<huiyin_domain::network::Network>,
    /// Proxies whose `X-Forwarded-For` is believed for the client's address
    /// (`HUIYIN_TRUSTED_PROXIES`). Empty: the TCP peer is the client.
    pub trusted_proxies: Vec<huiyin_domain::network::Network>,
    /// Failed logins of one username (from any address) before it backs off (1 s, 2 s, 4 s …).
    pub login_backoff_free: u32,
    /// The longest a username backs off after a failure.
    pub login_backoff_cap: Duration,
    /// Wrong current passwords allowed per user within `login_window` on `/me/password`.
    pub password_change_attempts: u32,
    /// When set, `/metrics` wants `Authorization: Bearer <token>` (`HUIYIN_METRICS_TOKEN`).
    pub metrics_token: Option<String>,
    /// Whether Swagger UI is served at `/docs` (`HUIYIN_DOCS=off` hides it; the OpenAPI
    /// document stays at `/api/v1/openapi.json`).
    pub docs_enabled: bool,
    /// Whether answers carry `Strict-Transport-Security` (`HUIYIN_HSTS`: on when served over
    /// TLS, directly or behind a TLS-terminating proxy).
    pub hsts: bool,
    /// Answer every `/api/v1` request with `x-statement-count`: the SQL statements it issued
    /// (`huiyin_store::statements`; for the statement-count tests, off in production).
    pub count_statements: bool,
}

impl Default for ApiConfig {
    fn default() -> Self {
        ApiConfig {
            access_ttl: Duration::from_secs(15 * 60),
            refresh_ttl: Duration::from_secs(30 * 24 * 3600),
            login_failures_per_user: 5,
            login_attempts_per_ip: 30,
            login_window: Duration::from_secs(5 * 60),
            attachments_dir: PathBuf::from("./data/attachments"),
            attachment_limit: 10 * 1024 * 1024,
            attachments_per_case: huiyin_domain::attachment::DEFAULT_PER_CASE,
            activation_ttl: Duration::from_secs(72 * 3600),
            resident_daily_case_limit: 10,
            webhook_allowed_networks: Vec::new(),
            trusted_proxies: Vec::new(),
            login_backoff_free: 20,
            login_backoff_cap: Duration::from_secs(60),
            password_change_attempts: 5,
            metrics_token: None,
            docs_enabled: true,
            hsts: false,
            count_statements: false,
        }
    }
}

#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    pub config: Arc<ApiConfig>,
    pub jwt: Arc<JwtKeys>,
    pub login_limiter: Arc<RateLimiter>,
    /// The slower per-username back-off across addresses.
    pub login_backoff: Arc<Backoff>,
    pub metrics: Arc<Metrics>,
}

impl AppState {
    pub fn new(store: Store, config: ApiConfig, jwt_secret: &[u8]) -> Self {
        let limiter = RateLimiter::new(config.login_window);
        AppState {
            store,
            jwt: Arc::new(JwtKeys::new(jwt_secret)),
            login_limiter: Arc::new(limiter),
            login_backoff: Arc::new(Backoff::new(
                config.login_backoff_free,
                config.login_backoff_cap,
                Duration::from_secs(3600),
            )),
            config: Arc::new(config),
            metrics: Arc::new(Metrics::default()),
        }
    }
}
