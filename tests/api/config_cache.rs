//! Configuration read from memory (issue #14): two server instances on one database, each with
//! its own cache. A change made through instance A is used by instance B within a second
//! (PostgreSQL: LISTEN/NOTIFY; SQLite: in process), and a user deactivated through A is refused
//! by B within a second although B had the user cached.

use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use huiyin::{Application, Settings};
use huiyin_api::ApiConfig;
use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::db_tests;
use crate::helpers::TestApp;

db_tests!(a_change_through_one_instance_reaches_the_other_within_a_second);

/// A second server on the same database (with its own store, cache and worker).
async fn second_instance(app: &TestApp) -> TestApp {
    let settings = Settings {
        bind: "127.0.0.1:0".into(),
        database_url: app.database_url.clone(),
        db_connections: 4,
        data_dir: app.data_dir.clone(),
        jwt_secret: b"test-secret-test-secret-test-secret!".to_vec(),
        cors_origins: vec![],
        static_dir: Some(app.data_dir.join("no-spa")),
        api: ApiConfig {
            attachments_dir: app.data_dir.join("attachments"),
            count_statements: true,
            ..ApiConfig::default()
        },
        worker_tick: Duration::from_millis(50),
        job_lease: Duration::from_secs(60),
        job_backoff: Duration::from_millis(0),
        webhook_timeout: Duration::from_secs(2),
    };
    let other = Application::build(settings).await.expect("second instance builds");
    let base = format!("http://127.0.0.1:{}", other.port());
    let store = other.store.clone();
    tokio::spawn(other.run_until_stopped());
    TestApp::beside(app, base, store)
}

fn verify_window(case: &Value) -> i64 {
    let at = |v: &Value| v.as_str().unwrap().parse::<DateTime<Utc>>().unwrap();
    (at(&case["deadlines"]["verify"]["due_at"]) - at(&case["created_at"])).num_seconds()
}

async fn complaint(app: &TestApp, token: &str, project: &str) -> Value {
    let reply = app
        .post(
            "/api/v1/cases",
            token,
            json!({"kind": "complaint", "channel": "phone", "project_id": project,
                   "title": "噪音", "description": "夜间施工"}),
        )
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);
    reply.body
}

async fn a_change_through_one_instance_reaches_the_other_within_a_second(a: &TestApp) {
    let b = second_instance(a).await;
    let project = a.project("翠湖花园").await;
    // The verification deadline follows the SLA policy here (`verify_deadline: hours`).
    crate::case_steps::set_process(a, &project, true, "supervisor", "hours").await;
    let durations = |verify: i64| {
        json!({"verify_secs": verify, "dispatch_secs": 7200, "resolve_secs": 86400, "reply_secs": 3600,
               "contact_check_secs": 86400, "outcome_check_secs": 172800, "satisfaction_visit_secs": 86400,
               "business_hours": false})
    };
    let policy = a
        .post(
            "/api/v1/sla-policies",
            &a.admin_token,
            json!({"kind": "complaint", "severity": "normal", "durations": durations(3600)}),
        )
        .await;
    assert_eq!(policy.status, StatusCode::CREATED, "{}", policy.text);
    // B reads the policy (and keeps it).
    assert_eq!(verify_window(&complaint(&b, &b.admin_token, &project).await), 3600);
    assert_eq!(verify_window(&complaint(&b, &b.admin_token, &project).await), 3600);
    let changed = a
        .put(
            &format!("/api/v1/sla-policies/{}", policy.id()),
            &a.admin_token,
            1,
            json!({"kind": "complaint", "severity": "normal", "durations": durations(5400)}),
        )
        .await;
    assert_eq!(changed.status, StatusCode::OK, "{}", changed.text);
    let started = Instant::now();
    loop {
        let window = verify_window(&complaint(&b, &b.admin_token, &project).await);
        if window == 5400 {
            break;
        }
        assert_eq!(window, 3600);
        assert!(
            started.elapsed() < Duration::from_secs(1),
            "B still used the old policy after 1 s"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }

    // A user B has cached, deactivated through A.
    let (id, token) = a.user("agent.zhao", "agent", None, &[&project]).await;
    assert_eq!(b.get("/api/v1/me", &token).await.status, StatusCode::OK);
    assert_eq!(b.get("/api/v1/me", &token).await.status, StatusCode::OK);
    let reply = a
        .patch(
            &format!("/api/v1/users/{id}"),
            &a.admin_token,
            1,
            json!({"active": false}),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text);
    let started = Instant::now();
    loop {
        let me = b.get("/api/v1/me", &token).await;
        if me.status == StatusCode::UNAUTHORIZED {
            break;
        }
        assert_eq!(me.status, StatusCode::OK, "{}", me.text);
        assert!(
            started.elapsed() < Duration::from_secs(1),
            "B still let the user in after 1 s"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    b.store.db.clone().close().await.ok();
}
