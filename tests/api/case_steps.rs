//! The steps every case test takes: register a case, perform an action with the version
//! last read as `If-Match`, take it through the loop, read it back, work its return visits.

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

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

/// The case as it is now, read as the administrator (whoever acted last).
pub async fn case_now(app: &TestApp, case: &Value) -> Value {
    let path = format!("/api/v1/cases/{}", case["id"].as_str().unwrap());
    let reply = app.get(&path, &app.admin_token).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text);
    reply.body
}

/// The case's timeline, as the list of its actions in order.
pub async fn timeline_actions(app: &TestApp, case: &Value) -> Vec<String> {
    let path = format!("/api/v1/cases/{}/events", case["id"].as_str().unwrap());
    let reply = app.get(&path, &app.admin_token).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text);
    reply.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap_or_default().to_owned())
        .collect()
}

/// Dispatches the case to a department (nobody in particular), returning the case.
pub async fn dispatch_to(app: &TestApp, token: &str, case: &Value, department: &str) -> Value {
    act_ok(app, token, case, "dispatch", json!({"department_id": department})).await
}

/// The handler resolves the case and the desk replies to the customer by phone: the case
/// then waits for its satisfaction visit.
pub async fn resolve_and_reply(app: &TestApp, handler: &str, desk: &str, case: &Value, result: &str) -> Value {
    let resolved = act_ok(app, handler, case, "resolve", json!({ "result": result })).await;
    act_ok(
        app,
        desk,
        &resolved,
        "reply",
        json!({"content": "已处理", "method": "phone"}),
    )
    .await
}

/// The case's return visits in one worklist state (`due`, `overdue`, `done`).
pub async fn visits_of(app: &TestApp, token: &str, case: &Value, status: &str) -> Vec<Value> {
    let path = format!(
        "/api/v1/visits?status={status}&case_id={}",
        case["id"].as_str().unwrap()
    );
    let reply = app.get(&path, token).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text);
    reply.body["items"].as_array().unwrap().clone()
}

/// The case's pending visit with this purpose (`contact_check`, `outcome_check`, `satisfaction`).
pub async fn visit_of(app: &TestApp, token: &str, case: &Value, purpose: &str) -> Value {
    visits_of(app, token, case, "due")
        .await
        .into_iter()
        .find(|v| v["purpose"] == purpose)
        .unwrap_or_else(|| panic!("no pending {purpose} visit"))
}

/// Records a visit's outcome from the worklist.
pub async fn record_visit(app: &TestApp, token: &str, visit: &Value, body: Value) -> Reply {
    let path = format!("/api/v1/visits/{}/record", visit["id"].as_str().unwrap());
    app.post(&path, token, body).await
}

/// The titles of the caller's notifications of one kind.
pub async fn notification_titles(app: &TestApp, token: &str, kind: &str) -> Vec<String> {
    let reply = app.get("/api/v1/notifications", token).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text);
    reply.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["kind"] == kind)
        .map(|n| n["title"].as_str().unwrap_or_default().to_owned())
        .collect()
}
