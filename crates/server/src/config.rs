//! Configuration from environment variables, with defaults for local use.
//! Every setting is documented in the README.

use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::Context;
use huiyin_api::ApiConfig;
use rand::RngCore;

#[derive(Debug, Clone)]
pub struct Settings {
    pub bind: String,
    pub database_url: String,
    /// Most PostgreSQL connections this process opens for requests and its worker.
    pub db_connections: u32,
    pub data_dir: PathBuf,
    pub jwt_secret: Vec<u8>,
    pub cors_origins: Vec<String>,
    /// A directory holding the built SPA, served at `/` instead of the copy embedded in the binary.
    pub static_dir: Option<PathBuf>,
    pub api: ApiConfig,
    /// How often an idle worker looks for due jobs.
    pub worker_tick: Duration,
    /// How long a claimed job is reserved for its worker before others may take it.
    pub job_lease: Duration,
    /// The first retry delay of a failed job (doubling after each further failure, up to an hour).
    pub job_backoff: Duration,
    /// How long a webhook receiver has to answer.
    pub webhook_timeout: Duration,
}

fn env(name: &str) -> Option<String> {
    std::env::var(name)
        .ok()
        .map(|v| v.trim().to_owned())
        .filter(|v| !v.is_empty())
}

fn env_number<T: std::str::FromStr>(name: &str, default: T) -> anyhow::Result<T> {
    match env(name) {
        None => Ok(default),
        Some(v) => v
            .parse()
            .map_err(|_| anyhow::anyhow!("{name} must be a number, got '{v}'")),
    }
}

/// An on/off setting (`on`/`off`, `true`/`false`, `1`/`0`).
fn env_switch(name: &str, default: bool) -> anyhow::Result<bool> {
    match env(name).map(|v| v.to_ascii_lowercase()) {
        None => Ok(default),
        Some(v) if matches!(v.as_str(), "on" | "true" | "1" | "yes") => Ok(true),
        Some(v) if matches!(v.as_str(), "off" | "false" | "0" | "no") => Ok(false),
        Some(v) => anyhow::bail!("{name} must be on or off, got '{v}'"),
    }
}

impl Settings {
    /// Reads the environment; creates the data directory and, if needed, the JWT secret file.
    pub fn from_env() -> anyhow::Result<Self> {
        let data_dir = PathBuf::from(env("HUIYIN_DATA_DIR").unwrap_or_else(|| "./data".into()));
        std::fs::create_dir_all(&data_dir)
            .with_context(|| format!("cannot create data directory {}", data_dir.display()))?;
        let database_url =
            env("DATABASE_URL").unwrap_or_else(|| format!("sqlite://{}/huiyin.db?mode=rwc", data_dir.display()));
        if let Some(dir) = sqlite_dir(&database_url).filter(|dir| dir.is_dir()) {
            ensure_writable(&dir)?;
        }
        let jwt_secret = match env("HUIYIN_JWT_SECRET") {
            Some(secret) if secret.len() >= 32 => secret.into_bytes(),
            Some(_) => anyhow::bail!("HUIYIN_JWT_SECRET must be at least 32 characters"),
            None => load_or_create_secret(&data_dir.join("jwt-secret"))?,
        };
        let cors_origins = env("HUIYIN_CORS_ORIGINS")
            .map(|v| {
                v.split(',')
                    .map(|o| o.trim().to_owned())
                    .filter(|o| !o.is_empty())
                    .collect()
            })
            .unwrap_or_default();
        let defaults = ApiConfig::default();
        let api = ApiConfig {
            access_ttl: Duration::from_secs(env_number("HUIYIN_ACCESS_TTL_SECS", defaults.access_ttl.as_secs())?),
            refresh_ttl: Duration::from_secs(env_number("HUIYIN_REFRESH_TTL_SECS", defaults.refresh_ttl.as_secs())?),
            login_failures_per_user: env_number("HUIYIN_LOGIN_FAILURES_PER_USER", defaults.login_failures_per_user)?,
            login_attempts_per_ip: env_number("HUIYIN_LOGIN_ATTEMPTS_PER_IP", defaults.login_attempts_per_ip)?,
            login_window: Duration::from_secs(env_number("HUIYIN_LOGIN_WINDOW_SECS", defaults.login_window.as_secs())?),
            attachments_dir: env("HUIYIN_ATTACHMENTS_DIR")
                .map(PathBuf::from)
                .unwrap_or_else(|| data_dir.join("attachments")),
            attachment_limit: env_number("HUIYIN_ATTACHMENT_LIMIT_MB", 10usize)? * 1024 * 1024,
            attachments_per_case: env_number("HUIYIN_ATTACHMENTS_PER_CASE", defaults.attachments_per_case)?,
            activation_ttl: Duration::from_secs(
                env_number("HUIYIN_ACTIVATION_TTL_HOURS", defaults.activation_ttl.as_secs() / 3600)? * 3600,
            ),
            resident_daily_case_limit: env_number("HUIYIN_RESIDENT_DAILY_CASES", defaults.resident_daily_case_limit)?,
            webhook_allowed_networks: huiyin_domain::network::parse_list(
                &env("HUIYIN_WEBHOOK_ALLOWED_NETWORKS").unwrap_or_default(),
            )
            .map_err(|e| anyhow::anyhow!("HUIYIN_WEBHOOK_ALLOWED_NETWORKS: {e}"))?,
            trusted_proxies: huiyin_domain::network::parse_list(&env("HUIYIN_TRUSTED_PROXIES").unwrap_or_default())
                .map_err(|e| anyhow::anyhow!("HUIYIN_TRUSTED_PROXIES: {e}"))?,
            login_backoff_free: env_number("HUIYIN_LOGIN_BACKOFF_FREE", defaults.login_backoff_free)?,
            login_backoff_cap: Duration::from_secs(env_number(
                "HUIYIN_LOGIN_BACKOFF_CAP_SECS",
                defaults.login_backoff_cap.as_secs(),
            )?),
            password_change_attempts: env_number("HUIYIN_PASSWORD_CHANGE_ATTEMPTS", defaults.password_change_attempts)?,
            metrics_token: env("HUIYIN_METRICS_TOKEN"),
            docs_enabled: env_switch("HUIYIN_DOCS", defaults.docs_enabled)?,
            hsts: env_switch("HUIYIN_HSTS", defaults.hsts)?,
            count_statements: false,
        };
        Ok(Settings {
            bind: env("HUIYIN_BIND").unwrap_or_else(|| "127.0.0.1:8080".into()),
            database_url,
            db_connections: env_number("HUIYIN_DB_CONNECTIONS", huiyin_store::DEFAULT_CONNECTIONS)?,
            data_dir,
            jwt_secret,
            cors_origins,
            static_dir: env("HUIYIN_STATIC_DIR").map(PathBuf::from),
            api,
            worker_tick: Duration::from_millis(env_number("HUIYIN_WORKER_TICK_MS", 1000u64)?),
            job_lease: Duration::from_secs(env_number("HUIYIN_JOB_LEASE_SECS", 60u64)?),
            job_backoff: Duration::from_millis(env_number("HUIYIN_JOB_BACKOFF_MS", 5000u64)?),
            webhook_timeout: Duration::from_secs(env_number("HUIYIN_WEBHOOK_TIMEOUT_SECS", 10u64)?),
        })
    }
}

/// The directory of a `sqlite://` database file (`None` for other databases and in-memory SQLite).
fn sqlite_dir(database_url: &str) -> Option<PathBuf> {
    let path = database_url
        .strip_prefix("sqlite://")
        .or_else(|| database_url.strip_prefix("sqlite:"))?;
    let path = path.split('?').next().unwrap_or(path);
    if path.is_empty() || path == ":memory:" {
        return None;
    }
    let parent = Path::new(path).parent()?;
    Some(if parent.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        parent.to_owned()
    })
}

/// SQLite writes its journal beside the database file: a read-only directory would otherwise
/// surface later as an obscure "readonly database" on the first write, so fail at start-up instead.
fn ensure_writable(dir: &Path) -> anyhow::Result<()> {
    let probe = dir.join(format!(".huiyin-write-test-{}", std::process::id()));
    std::fs::write(&probe, b"")
        .and_then(|()| std::fs::remove_file(&probe))
        .with_context(|| {
            format!(
                "the database directory {} is not writable (SQLite keeps its database and journal there)",
                dir.display()
            )
        })
}

/// The signing secret survives restarts (so sessions do too) without anyone having to set one.
fn load_or_create_secret(path: &Path) -> anyhow::Result<Vec<u8>> {
    if let Ok(existing) = std::fs::read_to_string(path) {
        let existing = existing.trim();
        if existing.len() >= 32 {
            return Ok(existing.as_bytes().to_vec());
        }
    }
    let mut bytes = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut bytes);
    let secret = hex::encode(bytes);
    write_private(path, &secret).with_context(|| format!("cannot write JWT secret to {}", path.display()))?;
    Ok(secret.into_bytes())
}

#[cfg(unix)]
fn write_private(path: &Path, contents: &str) -> std::io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(path)?;
    file.write_all(contents.as_bytes())
}

#[cfg(not(unix))]
fn write_private(path: &Path, contents: &str) -> std::io::Result<()> {
    std::fs::write(path, contents)
}
