//! The steps every case test takes: register a case, perform an action with the version
//! last read as `If-Match`.

use reqwest::{Method, StatusCode};
use serde_json::Value;

use crate::helpers::{Reply, TestApp};

pub fn version(reply: &Reply) -> i64 {
    reply.body["version"]
        .as_i64()
        .unwrap_or_else(|| panic!("no version in {}", reply.text))
}

pub async fn act(app: &TestApp, token: &str, case: &Value, action: &str, body: Value) -> Reply {
    let path = format!("/api/v1/cases/{}/{action}", case["id"].as_str().unwrap());
    let etag = format!("\"{}\"", case["version"]);
    app.send(Method::POST, &path, Some(token), Some(body), &[("if-match", &etag)])
        .await
}

pub async fn act_ok(app: &TestApp, token: &str, case: &Value, action: &str, body: Value) -> Value {
    let reply = act(app, token, case, action, body).await;
    assert_eq!(reply.status, StatusCode::OK, "{action}: {}", reply.text);
    assert_eq!(reply.header("etag"), Some(format!("\"{}\"", version(&reply))));
    reply.body
}

pub async fn new_case(app: &TestApp, token: &str, body: Value) -> Value {
    let reply = app.post("/api/v1/cases", token, body).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);
    reply.body
}

/// Sets a project's process settings (issue #19) as the administrator, whatever they were.
pub async fn set_process(
    app: &TestApp,
    project: &str,
    verify_before_dispatch: bool,
    dispatch_by: &str,
    verify_deadline: &str,
) {
    let path = format!("/api/v1/projects/{project}/settings");
    let current = app.get(&path, &app.admin_token).await;
    assert_eq!(current.status, StatusCode::OK, "{}", current.text);
    let version: i64 = current
        .header("etag")
        .and_then(|e| e.trim_matches('"').parse().ok())
        .unwrap_or_else(|| panic!("no etag on {}", current.text));
    let body = serde_json::json!({"verify_before_dispatch": verify_before_dispatch, "dispatch_by": dispatch_by,
                                  "verify_deadline": verify_deadline});
    let saved = app.put(&path, &app.admin_token, version, body).await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.text);
}

/// The process of the time before issue #19 (agents dispatch unverified complaints; the SLA
/// policy's verify window): for tests about something else that dispatch straight away.
pub async fn process_off(app: &TestApp, project: &str) {
    set_process(app, project, false, "agent", "hours").await;
}
