//! Spawns the real server on a random port against a fresh database and talks HTTP to it.
//!
//! Every test runs twice, on SQLite and on PostgreSQL (`db_tests!`); each run gets its own
//! database (a temporary SQLite file, or a new PostgreSQL database dropped afterwards).

use std::path::PathBuf;
use std::time::Duration;

use huiyin::{Application, Settings};
use huiyin_api::ApiConfig;
use huiyin_domain::role::Role;
use huiyin_store::org::users::{self, CreateUser};
use huiyin_store::Store;
use reqwest::{Method, StatusCode};
use sea_orm::{ConnectionTrait, Database, Statement};
use serde_json::{json, Value};
use uuid::Uuid;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

pub const ADMIN_PASSWORD: &str = "Secret2026pass";

pub struct TestApp {
    pub base: String,
    pub client: reqwest::Client,
    pub store: Store,
    pub admin_token: String,
    pub data_dir: PathBuf,
    pub database_url: String,
    pg_database: Option<String>,
    /// Internal ranges webhooks may target in this app (the test worker uses them too).
    pub webhook_allowed: Vec<huiyin_domain::network::Network>,
}

pub struct Reply {
    pub status: StatusCode,
    pub headers: reqwest::header::HeaderMap,
    pub body: Value,
    pub text: String,
}

impl Reply {
    pub fn header(&self, name: &str) -> Option<String> {
        self.headers.get(name).and_then(|v| v.to_str().ok()).map(str::to_owned)
    }

    pub fn content_type(&self) -> String {
        self.header("content-type").unwrap_or_default()
    }

    /// Asserts a problem+json answer with `status`, naming `field` in `errors` when given.
    pub fn assert_problem(&self, status: u16, field: Option<&str>) {
        assert_eq!(self.status.as_u16(), status, "body: {}", self.text);
        assert!(
            self.content_type().starts_with("application/problem+json"),
            "content-type {} body {}",
            self.content_type(),
            self.text
        );
        assert_eq!(self.body["status"], status);
        assert!(self.body["title"].is_string() && self.body["type"].is_string() && self.body["detail"].is_string());
        if let Some(field) = field {
            assert!(
                self.body["errors"][field].is_array(),
                "expected errors.{field} in {}",
                self.text
            );
        }
    }

    pub fn id(&self) -> String {
        self.body["id"]
            .as_str()
            .unwrap_or_else(|| panic!("no id in {}", self.text))
            .to_owned()
    }
}

fn pg_admin_url() -> String {
    std::env::var("HUIYIN_TEST_PG_URL").unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into())
}

fn quiet_logs() {
    if std::env::var("TEST_LOG").is_ok() {
        huiyin::telemetry::init();
    }
}

pub async fn spawn_app(backend: Backend) -> TestApp {
    spawn_app_with(backend, |_| {}).await
}

pub async fn spawn_app_with(backend: Backend, adjust: impl FnOnce(&mut ApiConfig)) -> TestApp {
    quiet_logs();
    let data_dir = std::env::temp_dir().join(format!("huiyin-test-{}", Uuid::now_v7().simple()));
    std::fs::create_dir_all(&data_dir).expect("temp dir");
    let (database_url, pg_database) = match backend {
        Backend::Sqlite => (format!("sqlite://{}/huiyin.db?mode=rwc", data_dir.display()), None),
        Backend::Postgres => {
            let name = format!("huiyin_test_{}", Uuid::now_v7().simple());
            let admin = Database::connect(pg_admin_url())
                .await
                .expect("PostgreSQL must be reachable for the tests (HUIYIN_TEST_PG_URL)");
            admin
                .execute(Statement::from_string(
                    admin.get_database_backend(),
                    format!("CREATE DATABASE {name}"),
                ))
                .await
                .expect("create database");
            admin.close().await.ok();
            let base = pg_admin_url();
            let root = base.rsplit_once('/').map(|(root, _)| root.to_owned()).unwrap_or(base);
            (format!("{root}/{name}"), Some(name))
        }
    };
    let mut api = ApiConfig {
        attachments_dir: data_dir.join("attachments"),
        count_statements: true,
        ..ApiConfig::default()
    };
    adjust(&mut api);
    let webhook_allowed = api.webhook_allowed_networks.clone();
    let settings = Settings {
        bind: "127.0.0.1:0".into(),
        database_url: database_url.clone(),
        db_connections: huiyin_store::DEFAULT_CONNECTIONS,
        data_dir: data_dir.clone(),
        jwt_secret: b"test-secret-test-secret-test-secret!".to_vec(),
        cors_origins: vec!["https://console.example.com".into()],
        static_dir: Some(data_dir.join("no-spa")),
        api,
        worker_tick: std::time::Duration::from_millis(50),
        job_lease: std::time::Duration::from_secs(60),
        job_backoff: std::time::Duration::from_millis(0),
        webhook_timeout: std::time::Duration::from_secs(2),
    };
    let app = Application::build(settings).await.expect("application builds");
    let port = app.port();
    let store = app.store.clone();
    tokio::spawn(app.run_until_stopped());
    create_admin(&store).await;
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(30))
        .build()
        .expect("client");
    let mut app = TestApp {
        base: format!("http://127.0.0.1:{port}"),
        client,
        store,
        admin_token: String::new(),
        data_dir,
        database_url,
        pg_database,
        webhook_allowed,
    };
    app.admin_token = app.login("admin", ADMIN_PASSWORD).await;
    app
}

/// The administrator every test signs in as (`admin` / [`ADMIN_PASSWORD`]).
pub async fn create_admin(store: &Store) {
    users::create_unchecked(
        &store.db,
        CreateUser {
            username: "admin".into(),
            password: ADMIN_PASSWORD.into(),
            display_name: "管理员".into(),
            role: Role::Admin,
            phone: None,
            department_id: None,
            project_ids: vec![],
        },
    )
    .await
    .expect("admin");
}

impl TestApp {
    /// Another server instance at `base` on `app`'s database, with `app`'s admin token (the
    /// instances share the JWT secret). Its database is `app`'s, dropped by `app.cleanup()`.
    pub fn beside(app: &TestApp, base: String, store: Store) -> TestApp {
        TestApp {
            base,
            client: app.client.clone(),
            store,
            admin_token: app.admin_token.clone(),
            data_dir: app.data_dir.clone(),
            database_url: app.database_url.clone(),
            pg_database: None,
            webhook_allowed: app.webhook_allowed.clone(),
        }
    }

    pub async fn cleanup(self) {
        self.store.db.clone().close().await.ok();
        if let Some(name) = &self.pg_database {
            if let Ok(admin) = Database::connect(pg_admin_url()).await {
                let _ = admin
                    .execute(Statement::from_string(
                        admin.get_database_backend(),
                        format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"),
                    ))
                    .await;
            }
        }
        let _ = std::fs::remove_dir_all(&self.data_dir);
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    pub async fn send(
        &self,
        method: Method,
        path: &str,
        token: Option<&str>,
        body: Option<Value>,
        headers: &[(&str, &str)],
    ) -> Reply {
        let mut request = self.client.request(method, self.url(path));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        if let Some(body) = body {
            request = request.json(&body);
        }
        let response = request.send().await.expect("request sent");
        Self::reply(response).await
    }

    pub async fn reply(response: reqwest::Response) -> Reply {
        let status = response.status();
        let headers = response.headers().clone();
        let text = response.text().await.unwrap_or_default();
        let body = serde_json::from_str(&text).unwrap_or(Value::Null);
        Reply {
            status,
            headers,
            body,
            text,
        }
    }

    pub async fn get(&self, path: &str, token: &str) -> Reply {
        self.send(Method::GET, path, Some(token), None, &[]).await
    }

    pub async fn post(&self, path: &str, token: &str, body: Value) -> Reply {
        self.send(Method::POST, path, Some(token), Some(body), &[]).await
    }

    pub async fn patch(&self, path: &str, token: &str, version: i64, body: Value) -> Reply {
        let etag = format!("\"{version}\"");
        self.send(Method::PATCH, path, Some(token), Some(body), &[("if-match", &etag)])
            .await
    }

    pub async fn put(&self, path: &str, token: &str, version: i64, body: Value) -> Reply {
        let etag = format!("\"{version}\"");
        self.send(Method::PUT, path, Some(token), Some(body), &[("if-match", &etag)])
            .await
    }

    /// Posts raw bytes with a content type.
    pub async fn post_raw(&self, path: &str, token: &str, content_type: &str, body: Vec<u8>) -> Reply {
        let response = self
            .client
            .post(self.url(path))
            .bearer_auth(token)
            .header("content-type", content_type)
            .body(body)
            .send()
            .await
            .expect("request sent");
        Self::reply(response).await
    }

    pub async fn login_reply(&self, username: &str, password: &str) -> Reply {
        self.send(
            Method::POST,
            "/api/v1/auth/login",
            None,
            Some(json!({"username": username, "password": password})),
            &[],
        )
        .await
    }

    pub async fn login(&self, username: &str, password: &str) -> String {
        let reply = self.login_reply(username, password).await;
        assert_eq!(reply.status, StatusCode::OK, "login {username}: {}", reply.text);
        reply.body["access_token"].as_str().expect("access token").to_owned()
    }

    /// Creates a project with a unique code.
    pub async fn project(&self, name: &str) -> String {
        let code = format!("P{}", &Uuid::now_v7().simple().to_string()[20..]);
        let reply = self
            .post(
                "/api/v1/projects",
                &self.admin_token,
                json!({"name": name, "code": code, "address": "深圳市南山区"}),
            )
            .await;
        assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);
        reply.id()
    }

    pub async fn department(&self, name: &str, kind: &str) -> String {
        let reply = self
            .post(
                "/api/v1/departments",
                &self.admin_token,
                json!({"name": name, "kind": kind}),
            )
            .await;
        assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);
        reply.id()
    }

    /// Creates a staff user and returns (id, access token).
    pub async fn user(
        &self,
        username: &str,
        role: &str,
        department_id: Option<&str>,
        project_ids: &[&str],
    ) -> (String, String) {
        let password = "Staff2026pass";
        let reply = self
            .post(
                "/api/v1/users",
                &self.admin_token,
                json!({"username": username, "password": password, "display_name": username, "role": role,
                       "department_id": department_id, "project_ids": project_ids}),
            )
            .await;
        assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);
        (reply.id(), self.login(username, password).await)
    }

    pub async fn property(
        &self,
        project_id: &str,
        area_id: Option<&str>,
        building: &str,
        unit: &str,
        room: &str,
    ) -> String {
        let reply = self
            .post(
                "/api/v1/properties",
                &self.admin_token,
                json!({"project_id": project_id, "area_id": area_id, "building": building, "unit": unit, "room": room}),
            )
            .await;
        assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);
        reply.id()
    }
}

/// Lets webhooks target the loopback receivers the tests start.
pub fn allow_loopback_webhooks(api: &mut ApiConfig) {
    api.webhook_allowed_networks = huiyin_domain::network::parse_list("127.0.0.0/8").expect("range");
}

/// Like `db_tests!`, with the server's configuration adjusted by `$adjust(&mut ApiConfig)`.
#[macro_export]
macro_rules! db_tests_with {
    ($adjust:ident; $($name:ident),+ $(,)?) => {
        $(
            mod $name {
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn sqlite() {
                    let app = $crate::helpers::spawn_app_with($crate::helpers::Backend::Sqlite, super::$adjust).await;
                    super::$name(&app).await;
                    app.cleanup().await;
                }

                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn postgres() {
                    let app = $crate::helpers::spawn_app_with($crate::helpers::Backend::Postgres, super::$adjust).await;
                    super::$name(&app).await;
                    app.cleanup().await;
                }
            }
        )+
    };
}

/// Declares each async test function `f(app: TestApp)` twice: `f::sqlite` and `f::postgres`.
#[macro_export]
macro_rules! db_tests {
    ($($name:ident),+ $(,)?) => {
        $(
            mod $name {
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn sqlite() {
                    let app = $crate::helpers::spawn_app($crate::helpers::Backend::Sqlite).await;
                    super::$name(&app).await;
                    app.cleanup().await;
                }

                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn postgres() {
                    let app = $crate::helpers::spawn_app($crate::helpers::Backend::Postgres).await;
                    super::$name(&app).await;
                    app.cleanup().await;
                }
            }
        )+
    };
}
