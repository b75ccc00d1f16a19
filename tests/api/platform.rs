use reqwest::StatusCode;

use crate::db_tests;
use crate::helpers::TestApp;

db_tests!(
    health_ready_metrics_docs,
    request_ids_and_cors_allow_list,
    the_spa_is_served_with_client_side_routes_and_caching
);

async fn health_ready_metrics_docs(app: &TestApp) {
    let health = app.client.get(app.url("/healthz")).send().await.unwrap();
    assert_eq!(health.status(), StatusCode::OK);
    let ready = app.client.get(app.url("/readyz")).send().await.unwrap();
    assert_eq!(ready.status(), StatusCode::OK);
    app.get("/api/v1/projects", &app.admin_token).await;
    let metrics = app
        .client
        .get(app.url("/metrics"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        metrics.contains("http_requests_total{route=\"/api/v1/projects\",method=\"GET\",status=\"200\"} 1"),
        "{metrics}"
    );
    assert!(metrics.contains("http_request_duration_seconds_bucket{route=\"/api/v1/projects\""));
    let docs = app.client.get(app.url("/docs/")).send().await.unwrap();
    assert_eq!(docs.status(), StatusCode::OK);
    assert!(docs.text().await.unwrap().contains("swagger"));
    let spec: serde_json::Value = app
        .client
        .get(app.url("/api/v1/openapi.json"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(spec["paths"]["/api/v1/auth/login"]["post"].is_object());
    // Readiness follows the database: closed pool → 503 problem.
    app.store.db.clone().close().await.ok();
    let down = TestApp::reply(app.client.get(app.url("/readyz")).send().await.unwrap()).await;
    down.assert_problem(503, None);
    assert_eq!(
        app.client.get(app.url("/healthz")).send().await.unwrap().status(),
        StatusCode::OK
    );
}

async fn request_ids_and_cors_allow_list(app: &TestApp) {
    let reply = app.get("/api/v1/me", &app.admin_token).await;
    assert!(reply.header("x-request-id").is_some_and(|id| id.len() >= 32));
    let allowed = app
        .client
        .request(reqwest::Method::OPTIONS, app.url("/api/v1/me"))
        .header("origin", "https://console.example.com")
        .header("access-control-request-method", "GET")
        .send()
        .await
        .unwrap();
    assert_eq!(
        allowed.headers().get("access-control-allow-origin").unwrap(),
        "https://console.example.com"
    );
    let foreign = app
        .client
        .get(app.url("/api/v1/me"))
        .bearer_auth(&app.admin_token)
        .header("origin", "https://evil.example.com")
        .send()
        .await
        .unwrap();
    assert!(foreign
        .headers()
        .get("access-control-allow-origin")
        .is_none_or(|v| v != "https://evil.example.com"));
}

async fn the_spa_is_served_with_client_side_routes_and_caching(app: &TestApp) {
    let dir = app.data_dir.join("no-spa");
    std::fs::create_dir_all(dir.join("assets")).unwrap();
    std::fs::write(dir.join("index.html"), "<!doctype html><div id=root></div>").unwrap();
    std::fs::write(dir.join("assets/app-1234.js"), "console.log(1)").unwrap();
    let index = app.client.get(app.url("/")).send().await.unwrap();
    assert_eq!(index.status(), StatusCode::OK);
    assert_eq!(index.headers()["cache-control"], "no-cache");
    // A client-side route falls back to index.html.
    let route = app.client.get(app.url("/cases/some-id")).send().await.unwrap();
    assert_eq!(route.status(), StatusCode::OK);
    assert!(route.text().await.unwrap().contains("id=root"));
    let asset = app.client.get(app.url("/assets/app-1234.js")).send().await.unwrap();
    assert_eq!(asset.headers()["cache-control"], "public, max-age=31536000, immutable");
    // The API, docs and metrics are untouched by the fallback; path traversal is refused.
    let api = TestApp::reply(app.client.get(app.url("/api/v2/nothing")).send().await.unwrap()).await;
    api.assert_problem(404, None);
    assert_eq!(
        app.client.get(app.url("/metrics")).send().await.unwrap().headers()["content-type"],
        "text/plain; version=0.0.4"
    );
    let traversal = app.client.get(app.url("/..%2f..%2fetc%2fpasswd")).send().await.unwrap();
    assert!(!traversal.text().await.unwrap().contains("root:"));
}
