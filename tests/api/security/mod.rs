//! Issue #21: each hole found by an attacker with a second project's staff and a
//! project-restricted API key, reproduced and shown to fail; then the weaker items.
//! `docs/security.md` maps the OWASP API Security Top 10 (2023) to these tests.

mod holes;
mod holes_scope;
mod platform;
mod scope;
mod session;
mod weaker;

use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::helpers::TestApp;

/// Two projects with their own people; A has a property in an area.
pub struct Two {
    pub a: String,
    pub b: String,
    pub area_a: String,
    pub property_a: String,
    pub property_b: String,
    pub engineering: String,
    pub agent_a: (String, String),
    pub agent_b: (String, String),
    pub manager_a: (String, String),
    pub manager_b: (String, String),
    pub handler_a: (String, String),
}

pub async fn two_projects(app: &TestApp) -> Two {
    let a = app.project("翠湖花园").await;
    let b = app.project("锦绣江南").await;
    let area = app
        .post(
            "/api/v1/areas",
            &app.admin_token,
            json!({"project_id": a, "name": "东区", "code": "E1"}),
        )
        .await;
    assert_eq!(area.status, StatusCode::CREATED, "{}", area.text);
    let area_a = area.id();
    let property_a = app.property(&a, Some(&area_a), "3栋", "2单元", "1201").await;
    let property_b = app.property(&b, None, "1栋", "1单元", "101").await;
    let engineering = app.department("工程部", "engineering").await;
    Two {
        agent_a: app.user("agent.a", "agent", None, &[&a]).await,
        agent_b: app.user("agent.b", "agent", None, &[&b]).await,
        manager_a: app.user("manager.a", "manager", None, &[&a]).await,
        manager_b: app.user("manager.b", "manager", None, &[&b]).await,
        handler_a: app.user("handler.a", "handler", Some(&engineering), &[&a]).await,
        a,
        b,
        area_a,
        property_a,
        property_b,
        engineering,
    }
}

/// Creates a customer and returns their id.
pub async fn customer(app: &TestApp, token: &str, body: Value) -> String {
    let reply = app.post("/api/v1/customers", token, body).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);
    reply.id()
}

/// An API key (id, secret) made by the admin.
pub async fn key(app: &TestApp, body: Value) -> (String, String) {
    let reply = app.post("/api/v1/api-keys", &app.admin_token, body).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);
    (reply.id(), reply.body["key"].as_str().unwrap().to_owned())
}

/// The audit entries with `action`, newest first.
pub async fn audit(app: &TestApp, action: &str) -> Vec<Value> {
    let reply = app
        .get(&format!("/api/v1/audit?action={action}"), &app.admin_token)
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text);
    reply.body["items"].as_array().unwrap().clone()
}
