//! Webhooks: a receiver in the test gets correctly signed deliveries; a failing receiver sees
//! retries with backoff and the delivery log records every attempt; redelivery; validation.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use huiyin_domain::webhook::sign;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

use crate::case_steps::new_case;
use crate::db_tests_with;
use crate::deadlines::{drain, worker, world};
use crate::helpers::allow_loopback_webhooks;
use crate::helpers::TestApp;

db_tests_with!(allow_loopback_webhooks;
    a_receiver_gets_signed_deliveries,
    a_failing_receiver_sees_retries_and_the_log_records_them,
    subscriptions_are_validated_and_admin_only
);

#[derive(Debug, Clone)]
struct Received {
    headers: Vec<(String, String)>,
    body: String,
}

impl Received {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// A minimal HTTP receiver: records each request and answers with the next status from
/// `statuses` (the last one repeats).
async fn receiver(statuses: Vec<u16>) -> (String, Arc<Mutex<Vec<Received>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/hooks/huiyin", listener.local_addr().unwrap());
    let seen = Arc::new(Mutex::new(Vec::new()));
    let log = seen.clone();
    tokio::spawn(async move {
        let mut answered = 0usize;
        while let Ok((mut socket, _)) = listener.accept().await {
            let mut buffer = Vec::new();
            let mut chunk = [0u8; 4096];
            let (head_end, length) = loop {
                let n = socket.read(&mut chunk).await.unwrap_or(0);
                if n == 0 {
                    break (None, 0);
                }
                buffer.extend_from_slice(&chunk[..n]);
                if let Some(pos) = buffer.windows(4).position(|w| w == b"\r\n\r\n") {
                    let head = String::from_utf8_lossy(&buffer[..pos]).to_string();
                    let length = head
                        .lines()
                        .find_map(|l| {
                            l.to_ascii_lowercase()
                                .strip_prefix("content-length:")
                                .map(|v| v.trim().parse::<usize>().unwrap_or(0))
                        })
                        .unwrap_or(0);
                    break (Some(pos + 4), length);
                }
            };
            let Some(start) = head_end else { continue };
            while buffer.len() < start + length {
                let n = socket.read(&mut chunk).await.unwrap_or(0);
                if n == 0 {
                    break;
                }
                buffer.extend_from_slice(&chunk[..n]);
            }
            let head = String::from_utf8_lossy(&buffer[..start]).to_string();
            let headers = head
                .lines()
                .skip(1)
                .filter_map(|l| l.split_once(':'))
                .map(|(k, v)| (k.trim().to_owned(), v.trim().to_owned()))
                .collect();
            let body = String::from_utf8_lossy(&buffer[start..(start + length).min(buffer.len())]).to_string();
            log.lock().unwrap().push(Received { headers, body });
            let status = statuses[answered.min(statuses.len() - 1)];
            answered += 1;
            let reply = format!("HTTP/1.1 {status} X\r\ncontent-length: 2\r\nconnection: close\r\n\r\nok");
            let _ = socket.write_all(reply.as_bytes()).await;
            let _ = socket.shutdown().await;
        }
    });
    (url, seen)
}

fn complaint(property: &str) -> Value {
    json!({"kind": "complaint", "channel": "web", "property_id": property, "title": "噪音扰民", "description": "夜间施工"})
}

async fn deliveries(app: &TestApp, hook: &str) -> Vec<Value> {
    let reply = app
        .get(&format!("/api/v1/webhooks/{hook}/deliveries"), &app.admin_token)
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text);
    reply.body["items"].as_array().unwrap().clone()
}

async fn a_receiver_gets_signed_deliveries(app: &TestApp) {
    let w = world(app).await;
    let (url, seen) = receiver(vec![200]).await;
    let created = app
        .post(
            "/api/v1/webhooks",
            &app.admin_token,
            json!({"name": "工单同步", "url": url, "events": ["case.created", "case.status_changed"],
                   "secret": "a-long-shared-secret-2026"}),
        )
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
    assert_eq!(
        created.body["secret"], "a-long-shared-secret-2026",
        "shown once at creation"
    );
    let hook = created.id();
    let listed = app.get("/api/v1/webhooks", &app.admin_token).await;
    assert_ne!(
        listed.body["items"][0]["secret"], "a-long-shared-secret-2026",
        "masked afterwards"
    );

    let case = new_case(app, &w.agent.1, complaint(&w.property)).await;
    drain(&worker(app)).await;
    let got = seen.lock().unwrap().clone();
    assert_eq!(got.len(), 1, "{got:?}");
    let delivery = &got[0];
    let timestamp: i64 = delivery.header("X-Huiyin-Timestamp").unwrap().parse().unwrap();
    assert!((chrono::Utc::now().timestamp() - timestamp).abs() < 60);
    assert_eq!(
        delivery.header("X-Huiyin-Signature").unwrap(),
        sign("a-long-shared-secret-2026", timestamp, delivery.body.as_bytes()),
        "HMAC-SHA256 of \"<timestamp>.<body>\""
    );
    assert_eq!(delivery.header("X-Huiyin-Event"), Some("case.created"));
    assert!(delivery.header("content-type").unwrap().starts_with("application/json"));
    let body: Value = serde_json::from_str(&delivery.body).unwrap();
    assert_eq!(body["event"], "case.created");
    assert_eq!(body["data"]["number"], case["number"]);
    assert_eq!(delivery.header("X-Huiyin-Delivery"), body["id"].as_str());

    let log = deliveries(app, &hook).await;
    assert_eq!(log.len(), 1);
    assert_eq!(log[0]["status"], "succeeded");
    assert_eq!(log[0]["attempts"], 1);
    assert_eq!(log[0]["response_status"], 200);

    // A status change is delivered too; an event not subscribed to is not.
    let etag = format!("\"{}\"", case["version"]);
    let cancelled = app
        .send(
            Method::POST,
            &format!("/api/v1/cases/{}/cancel", case["id"].as_str().unwrap()),
            Some(&w.agent.1),
            Some(json!({"reason": "invalid"})),
            &[("if-match", &etag)],
        )
        .await;
    assert_eq!(cancelled.status, StatusCode::OK, "{}", cancelled.text);
    drain(&worker(app)).await;
    let events: Vec<String> = seen
        .lock()
        .unwrap()
        .iter()
        .map(|r| r.header("X-Huiyin-Event").unwrap_or_default().to_owned())
        .collect();
    assert_eq!(events, ["case.created", "case.status_changed"]);

    // Redelivery sends the same event and data again as a new delivery.
    let first = log[0]["id"].as_str().unwrap();
    let again = app
        .post(
            &format!("/api/v1/webhooks/{hook}/deliveries/{first}/redeliver"),
            &app.admin_token,
            json!({}),
        )
        .await;
    assert_eq!(again.status, StatusCode::ACCEPTED, "{}", again.text);
    drain(&worker(app)).await;
    let got = seen.lock().unwrap().clone();
    assert_eq!(got.len(), 3);
    let redelivered: Value = serde_json::from_str(&got[2].body).unwrap();
    assert_eq!(redelivered["data"], body["data"]);
    assert_eq!(redelivered["redelivery_of"], log[0]["id"]);
    assert_eq!(deliveries(app, &hook).await.len(), 3);
}

async fn a_failing_receiver_sees_retries_and_the_log_records_them(app: &TestApp) {
    let w = world(app).await;
    // Fails twice, then accepts.
    let (url, seen) = receiver(vec![500, 503, 204]).await;
    let created = app
        .post(
            "/api/v1/webhooks",
            &app.admin_token,
            json!({"name": "flaky", "url": url, "events": ["case.created"]}),
        )
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
    assert!(
        created.body["secret"].as_str().unwrap().starts_with("whsec_"),
        "generated"
    );
    let hook = created.id();
    new_case(app, &w.agent.1, complaint(&w.property)).await;
    let runner = worker(app);
    runner.run_once().await.unwrap();
    let log = deliveries(app, &hook).await;
    assert_eq!(log[0]["status"], "retrying");
    assert_eq!(log[0]["response_status"], 500);
    assert!(log[0]["error"].as_str().unwrap().contains("500"));
    for _ in 0..10 {
        runner.run_once().await.unwrap();
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let got = seen.lock().unwrap().clone();
    assert_eq!(got.len(), 3, "two failures and one success");
    assert_eq!(got[0].body, got[2].body, "every retry carries the same body");
    let log = deliveries(app, &hook).await;
    assert_eq!(log[0]["status"], "succeeded");
    assert_eq!(log[0]["attempts"], 3);
    assert_eq!(log[0]["response_status"], 204);

    // A receiver that is down for good: the delivery ends failed after its attempts.
    let gone = app
        .post(
            "/api/v1/webhooks",
            &app.admin_token,
            json!({"name": "gone", "url": "http://127.0.0.1:9/nothing-listens", "events": ["case.created"]}),
        )
        .await;
    let gone_id = gone.id();
    new_case(app, &w.agent.1, complaint(&w.property)).await;
    for _ in 0..20 {
        runner.run_once().await.unwrap();
    }
    let log = deliveries(app, &gone_id).await;
    assert_eq!(log[0]["status"], "failed", "{log:?}");
    assert_eq!(log[0]["attempts"], huiyin_store::webhooks::MAX_ATTEMPTS);
    assert!(log[0]["response_status"].is_null());
    let dead = app.get("/api/v1/jobs?status=dead", &app.admin_token).await;
    assert_eq!(dead.body["items"].as_array().unwrap().len(), 1, "{}", dead.text);
}

async fn subscriptions_are_validated_and_admin_only(app: &TestApp) {
    let w = world(app).await;
    for (url, field) in [("ftp://example.com/x", "url"), ("https://user:pw@example.com/", "url")] {
        app.post(
            "/api/v1/webhooks",
            &app.admin_token,
            json!({"name": "x", "url": url, "events": ["case.created"]}),
        )
        .await
        .assert_problem(422, Some(field));
    }
    app.post(
        "/api/v1/webhooks",
        &app.admin_token,
        json!({"name": "x", "url": "https://example.com/", "events": []}),
    )
    .await
    .assert_problem(422, Some("events"));
    app.post(
        "/api/v1/webhooks",
        &app.admin_token,
        json!({"name": "x", "url": "https://example.com/", "events": ["case.deleted"]}),
    )
    .await
    .assert_problem(422, None);
    app.post(
        "/api/v1/webhooks",
        &app.admin_token,
        json!({"name": "x", "url": "https://example.com/", "events": ["case.created"], "secret": "short"}),
    )
    .await
    .assert_problem(422, Some("secret"));
    app.post(
        "/api/v1/webhooks",
        &w.manager.1,
        json!({"name": "x", "url": "https://example.com/", "events": ["case.created"]}),
    )
    .await
    .assert_problem(403, None);

    // An API key with webhooks:manage may manage subscriptions; one without may not.
    let key = app
        .post(
            "/api/v1/api-keys",
            &app.admin_token,
            json!({"name": "crm", "scopes": ["webhooks:manage"]}),
        )
        .await;
    assert_eq!(key.status, StatusCode::CREATED, "{}", key.text);
    let key = key.body["key"].as_str().unwrap().to_owned();
    let made = app
        .send(
            Method::POST,
            "/api/v1/webhooks",
            None,
            Some(json!({"name": "crm", "url": "https://crm.example.com/h", "events": ["warning.fired"]})),
            &[("x-api-key", &key)],
        )
        .await;
    assert_eq!(made.status, StatusCode::CREATED, "{}", made.text);
    let stats_key = app
        .post(
            "/api/v1/api-keys",
            &app.admin_token,
            json!({"name": "bi", "scopes": ["stats:read"]}),
        )
        .await
        .body["key"]
        .as_str()
        .unwrap()
        .to_owned();
    app.send(
        Method::GET,
        "/api/v1/webhooks",
        None,
        None,
        &[("x-api-key", &stats_key)],
    )
    .await
    .assert_problem(403, None);

    // Edits are versioned; deactivating stops deliveries.
    let id = made.id();
    let path = format!("/api/v1/webhooks/{id}");
    app.patch(&path, &app.admin_token, 9, json!({"active": false}))
        .await
        .assert_problem(412, None);
    let off = app.patch(&path, &app.admin_token, 1, json!({"active": false})).await;
    assert_eq!(off.status, StatusCode::OK, "{}", off.text);
    assert_eq!(off.body["active"], false);
    let removed = app.send(Method::DELETE, &path, Some(&app.admin_token), None, &[]).await;
    assert_eq!(removed.status, StatusCode::NO_CONTENT);
    app.get(&format!("{path}/deliveries"), &app.admin_token)
        .await
        .assert_problem(404, None);
}
