//! Every class of bad input answers problem+json naming the field — never a 500, never HTML.

use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::db_tests;
use crate::helpers::TestApp;

db_tests!(bad_input_gets_problem_json, unknown_routes_and_ids_get_problem_json);

async fn bad_input_gets_problem_json(app: &TestApp) {
    let token = app.admin_token.clone();
    let raw = |body: &'static str, content_type: &'static str| {
        let request = app
            .client
            .post(app.url("/api/v1/projects"))
            .bearer_auth(&token)
            .header("content-type", content_type)
            .body(body);
        async move { TestApp::reply(request.send().await.unwrap()).await }
    };
    raw("{\"name\": ", "application/json")
        .await
        .assert_problem(400, Some("body"));
    raw("", "application/json").await.assert_problem(400, Some("body"));
    raw("name=x", "application/x-www-form-urlencoded")
        .await
        .assert_problem(415, None);
    // Wrong types, missing fields, unknown fields (no mass assignment), unknown enum values.
    app.post(
        "/api/v1/projects",
        &token,
        json!({"name": 5, "code": "C", "address": "A"}),
    )
    .await
    .assert_problem(422, Some("name"));
    app.post("/api/v1/projects", &token, json!({"name": "N", "address": "A"}))
        .await
        .assert_problem(422, Some("code"));
    app.post(
        "/api/v1/projects",
        &token,
        json!({"name": "N", "code": "C", "address": "A", "id": "x"}),
    )
    .await
    .assert_problem(422, Some("id"));
    app.post(
        "/api/v1/projects",
        &token,
        json!({"name": "  ", "code": "C", "address": "A"}),
    )
    .await
    .assert_problem(422, Some("name"));
    app.post(
        "/api/v1/departments",
        &token,
        json!({"name": "N", "kind": "k", "version": 7}),
    )
    .await
    .assert_problem(422, Some("version"));
    app.post(
        "/api/v1/users",
        &token,
        json!({"username": "user1", "password": "Passw0rd2026", "display_name": "x", "role": "superuser"}),
    )
    .await
    .assert_problem(422, Some("role"));
    app.post("/api/v1/users", &token, json!({"username": "user2", "password": "Passw0rd2026", "display_name": "x", "role": "agent", "phone": "12345"}))
        .await
        .assert_problem(422, Some("phone"));
    app.post("/api/v1/users", &token, json!({"username": "user3", "password": "Passw0rd2026", "display_name": "x", "role": "agent", "project_ids": ["nope"]}))
        .await
        .assert_problem(422, Some("project_ids[0]"));
    // Oversized body.
    let huge = format!(
        "{{\"name\": \"{}\", \"code\": \"C\", \"address\": \"A\"}}",
        "x".repeat(400 * 1024)
    );
    let reply = TestApp::reply(
        app.client
            .post(app.url("/api/v1/projects"))
            .bearer_auth(&token)
            .header("content-type", "application/json")
            .body(huge)
            .send()
            .await
            .unwrap(),
    )
    .await;
    reply.assert_problem(413, None);
    // Over-long strings are validation errors, not database errors.
    app.post(
        "/api/v1/projects",
        &token,
        json!({"name": "n".repeat(101), "code": "C", "address": "A"}),
    )
    .await
    .assert_problem(422, Some("name"));
    // Query strings name the parameter too: mistyped values, unknown enum values, unknown and
    // missing parameters.
    for (path, field) in [
        ("/api/v1/cases?area_id=nope", "area_id"),
        ("/api/v1/cases?limit=many", "limit"),
        ("/api/v1/cases?kind=lost", "kind"),
        ("/api/v1/cases?colour=red", "colour"),
        ("/api/v1/stats/summary?from=yesterday", "from"),
        ("/api/v1/stats/report?month=2026-10&format=pdf", "format"),
        ("/api/v1/stats/report", "month"),
    ] {
        let reply = app.get(path, &token).await;
        reply.assert_problem(422, Some(field));
        assert!(
            reply.body["detail"].as_str().is_some_and(|d| !d.is_empty()),
            "{path}: {}",
            reply.body
        );
    }
}

async fn unknown_routes_and_ids_get_problem_json(app: &TestApp) {
    let token = app.admin_token.clone();
    app.get("/api/v1/no-such-thing", &token).await.assert_problem(404, None);
    app.get("/api/v1/projects/not-a-uuid", &token)
        .await
        .assert_problem(400, Some("id"));
    app.get(&format!("/api/v1/projects/{}", uuid::Uuid::now_v7()), &token)
        .await
        .assert_problem(404, None);
    let reply = app
        .send(Method::DELETE, "/api/v1/projects", Some(&token), None, &[])
        .await;
    assert!(reply.status.is_client_error());
    assert!(
        reply.content_type().starts_with("application/problem+json"),
        "{}",
        reply.content_type()
    );
    assert_ne!(reply.status, StatusCode::INTERNAL_SERVER_ERROR);
}
