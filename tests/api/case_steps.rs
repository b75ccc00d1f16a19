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
