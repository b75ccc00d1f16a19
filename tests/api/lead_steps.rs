//! Shared set-up for the decoration tests: a store with a customer manager, a design manager
//! and graded designers.

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use uuid::Uuid;

use crate::helpers::{Reply, TestApp};

pub struct Store {
    pub project: String,
    /// (id, token)
    pub manager: (String, String),
    pub design_manager: (String, String),
    pub designers: Vec<(String, String)>,
}

fn unique(prefix: &str) -> String {
    format!("{prefix}{}", &Uuid::now_v7().simple().to_string()[24..])
}

/// Grades a designer (first time: If-Match "0").
pub async fn grade(app: &TestApp, token: &str, designer: &str, level: &str, version: i64) -> Reply {
    app.put(
        &format!("/api/v1/designers/{designer}"),
        token,
        version,
        json!({"level": level, "group": "一组"}),
    )
    .await
}

/// A store with a customer manager, a design manager (supervisor) and designers of `levels`.
pub async fn store(app: &TestApp, levels: &[&str]) -> Store {
    let project = app.project("装饰门店").await;
    let manager = app.user(&unique("cm"), "customer_manager", None, &[&project]).await;
    let design_manager = app.user(&unique("dm"), "supervisor", None, &[&project]).await;
    let mut designers = Vec::new();
    for level in levels {
        let designer = app.user(&unique("ds"), "designer", None, &[&project]).await;
        let graded = grade(app, &design_manager.1, &designer.0, level, 0).await;
        assert_eq!(graded.status, StatusCode::OK, "{}", graded.text);
        designers.push(designer);
    }
    Store {
        project,
        manager,
        design_manager,
        designers,
    }
}

pub fn lead_body(phone: &str, budget: &str) -> Value {
    json!({"source": "walk_in", "customer": {"name": "陈先生", "phone": phone}, "address": "锦绣花园 5栋 1802",
           "floor_area_m2": 118.5, "budget": budget, "brought_by": "前台 李娜", "evidence": "2026-12-06 到店登记"})
}

/// Registers a lead and returns its body.
pub async fn lead(app: &TestApp, token: &str, phone: &str, budget: &str) -> Value {
    let reply = app.post("/api/v1/leads", token, lead_body(phone, budget)).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);
    reply.body
}

pub fn version(body: &Value) -> i64 {
    body["version"].as_i64().expect("version")
}

/// `POST /api/v1/leads/{id}/{action}` with the lead's version.
pub async fn act(app: &TestApp, token: &str, lead: &Value, action: &str, body: Value) -> Reply {
    let etag = format!("\"{}\"", version(lead));
    let path = format!("/api/v1/leads/{}/{action}", lead["id"].as_str().expect("id"));
    app.send(Method::POST, &path, Some(token), Some(body), &[("if-match", &etag)])
        .await
}

pub async fn act_ok(app: &TestApp, token: &str, lead: &Value, action: &str, body: Value) -> Value {
    let reply = act(app, token, lead, action, body).await;
    assert_eq!(reply.status, StatusCode::OK, "{action}: {}", reply.text);
    reply.body
}

pub async fn dispatch(app: &TestApp, token: &str, lead: &Value, designer: &str) -> Reply {
    act(app, token, lead, "dispatch", json!({"designer_id": designer})).await
}
