//! Holes 1–4 of issue #21: unmasking by search, customers without a property, global webhooks,
//! SSRF through webhook targets.

use huiyin_store::entity::webhook;
use reqwest::{Method, StatusCode};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{json, Value};
use uuid::Uuid;

use super::{audit, customer, key, two_projects};
use crate::case_steps::{act_ok, new_case};
use crate::db_tests;
use crate::deadlines::{drain, worker};
use crate::helpers::TestApp;

db_tests!(
    hole1_a_handler_cannot_unmask_a_phone_by_searching,
    hole2_a_customer_without_property_stays_in_its_project,
    hole3_webhooks_belong_to_a_project,
    hole4_webhooks_never_reach_internal_addresses,
);

async fn items(app: &TestApp, path: &str, token: &str) -> Vec<Value> {
    let reply = app.get(path, token).await;
    assert_eq!(reply.status, StatusCode::OK, "{path}: {}", reply.text);
    reply.body["items"].as_array().unwrap().clone()
}

async fn hole1_a_handler_cannot_unmask_a_phone_by_searching(app: &TestApp) {
    let t = two_projects(app).await;
    customer(
        app,
        &t.agent_a.1,
        json!({"name": "王建国", "phones": ["13409129121"],
               "properties": [{"property_id": t.property_a, "relation": "owner"}]}),
    )
    .await;
    let case = new_case(
        app,
        &t.agent_a.1,
        json!({"kind": "repair", "channel": "phone", "property_id": t.property_a, "customer": {"name": "王建国", "phone": "13409129121"},
               "title": "水管漏水", "description": "厨房"}),
    )
    .await;
    act_ok(
        app,
        &t.agent_a.1,
        &case,
        "dispatch",
        json!({"department_id": t.engineering, "assignee_id": t.handler_a.0}),
    )
    .await;
    let handler = &t.handler_a.1;
    // The handler sees the customer and the case, phone masked.
    let found = items(app, "/api/v1/customers?q=王建国", handler).await;
    assert_eq!(found.len(), 1);
    assert_eq!(found[0]["phones"][0], "134****9121");
    assert_eq!(items(app, "/api/v1/cases?q=水管", handler).await.len(), 1);

    // The attack: hidden digits guessed position by position, with or without wildcards.
    for q in ["1340___9121", "13409%", "1340", "134091", "9129121", "3409129"] {
        let path = format!("/api/v1/customers?q={}", urlencoding(q));
        assert!(items(app, &path, handler).await.is_empty(), "customers?q={q} matched");
        let path = format!("/api/v1/cases?q={}", urlencoding(q));
        assert!(items(app, &path, handler).await.is_empty(), "cases?q={q} matched");
    }
    // The whole number (which the caller then already knows) and rooms still find them.
    assert_eq!(
        items(app, "/api/v1/customers?q=134%200912%209121", handler).await.len(),
        1
    );
    assert_eq!(items(app, "/api/v1/customers?q=1201", handler).await.len(), 1);
    assert_eq!(items(app, "/api/v1/cases?q=13409129121", handler).await.len(), 1);

    // Wildcards are literal for everyone, also for the agent who sees phones.
    assert!(items(app, "/api/v1/customers?q=1340___9121", &t.agent_a.1)
        .await
        .is_empty());
    assert!(items(app, "/api/v1/customers?q=%25", &t.agent_a.1).await.is_empty());
    assert!(items(app, "/api/v1/cases?q=_", &t.agent_a.1).await.is_empty());
    assert_eq!(items(app, "/api/v1/customers?q=0912", &t.agent_a.1).await.len(), 1);

    // The probing searches were audited, the handler's too.
    let entries = audit(app, "customer.searched").await;
    assert!(
        entries
            .iter()
            .any(|e| e["actor_id"] == t.handler_a.0.as_str() && e["detail"]["q"] == "1340___9121"),
        "{entries:?}"
    );
    let entries = audit(app, "case.searched").await;
    assert!(entries.iter().any(|e| e["actor_id"] == t.handler_a.0.as_str()));
}

/// Percent-encodes the characters the tests' queries use.
fn urlencoding(q: &str) -> String {
    q.replace('%', "%25").replace(' ', "%20")
}

async fn hole2_a_customer_without_property_stays_in_its_project(app: &TestApp) {
    let t = two_projects(app).await;
    let caller = customer(app, &t.agent_a.1, json!({"name": "李女士", "phones": ["13900139000"]})).await;
    let path = format!("/api/v1/customers/{caller}");
    // Project A sees its caller; project B does not, by id, in lists or by phone.
    assert_eq!(app.get(&path, &t.agent_a.1).await.status, StatusCode::OK);
    app.get(&path, &t.agent_b.1).await.assert_problem(404, None);
    assert!(items(app, "/api/v1/customers", &t.agent_b.1).await.is_empty());
    assert!(items(app, "/api/v1/customers?q=13900139000", &t.agent_b.1)
        .await
        .is_empty());
    app.patch(&path, &t.agent_b.1, 1, json!({"name": "x"}))
        .await
        .assert_problem(404, None);
    // B cannot issue that customer a resident login.
    app.post(&format!("{path}/account"), &t.agent_b.1, json!({}))
        .await
        .assert_problem(404, None);
    // A multi-project agent says which project a caller without a home belongs to.
    let both = app.user("agent.ab", "agent", None, &[&t.a, &t.b]).await;
    app.post(
        "/api/v1/customers",
        &both.1,
        json!({"name": "赵先生", "phones": ["13700137000"]}),
    )
    .await
    .assert_problem(422, Some("project_id"));
    app.post(
        "/api/v1/customers",
        &t.agent_b.1,
        json!({"name": "赵先生", "phones": ["13700137000"], "project_id": t.a}),
    )
    .await
    .assert_problem(422, Some("project_id"));
    let in_b = customer(
        app,
        &both.1,
        json!({"name": "赵先生", "phones": ["13700137000"], "project_id": t.b}),
    )
    .await;
    assert_eq!(
        app.get(&format!("/api/v1/customers/{in_b}"), &t.agent_b.1).await.status,
        StatusCode::OK
    );
    app.get(&format!("/api/v1/customers/{in_b}"), &t.agent_a.1)
        .await
        .assert_problem(404, None);
}

async fn webhook(app: &TestApp, token: &str, body: Value) -> Value {
    let reply = app.post("/api/v1/webhooks", token, body).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);
    reply.body
}

fn complaint(property: &str) -> Value {
    json!({"kind": "complaint", "channel": "web", "property_id": property, "title": "噪音", "description": "夜间施工"})
}

async fn hole3_webhooks_belong_to_a_project(app: &TestApp) {
    let t = two_projects(app).await;
    // Public literal addresses: nothing is sent in this test (no worker runs).
    let admins = webhook(
        app,
        &app.admin_token,
        json!({"name": "集团", "url": "https://93.184.216.34/all", "events": ["case.created"]}),
    )
    .await;
    assert_eq!(admins["project_id"], Value::Null);
    let admin_hook = admins["id"].as_str().unwrap();
    let (_, b_key) = key(
        app,
        json!({"name": "B集成", "scopes": ["webhooks:manage"], "project_id": t.b}),
    )
    .await;
    // The attack: list, read, re-point, read deliveries of and redeliver the admin's hook.
    let listed = items(app, "/api/v1/webhooks", &b_key).await;
    assert!(listed.is_empty(), "{listed:?}");
    let path = format!("/api/v1/webhooks/{admin_hook}");
    app.get(&path, &b_key).await.assert_problem(404, None);
    app.patch(
        &path,
        &b_key,
        1,
        json!({"url": "https://93.184.216.35/stolen", "secret": "attacker-secret-0001"}),
    )
    .await
    .assert_problem(404, None);
    app.get(&format!("{path}/deliveries"), &b_key)
        .await
        .assert_problem(404, None);
    let fake = Uuid::now_v7();
    app.post(&format!("{path}/deliveries/{fake}/redeliver"), &b_key, json!({}))
        .await
        .assert_problem(404, None);
    app.send(Method::DELETE, &path, Some(&b_key), None, &[])
        .await
        .assert_problem(404, None);
    // Its own subscription belongs to B (it cannot make one for A or a company-wide one).
    app.post(
        "/api/v1/webhooks",
        &b_key,
        json!({"name": "x", "url": "https://93.184.216.34/b", "events": ["case.created"], "project_id": t.a}),
    )
    .await
    .assert_problem(422, Some("project_id"));
    let own = webhook(
        app,
        &b_key,
        json!({"name": "B同步", "url": "https://93.184.216.34/b", "events": ["case.created", "case.status_changed"]}),
    )
    .await;
    assert_eq!(own["project_id"], t.b.as_str());
    let own_hook = own["id"].as_str().unwrap();
    // A's case reaches the company-wide hook, not B's; B's case reaches both.
    new_case(app, &t.agent_a.1, complaint(&t.property_a)).await;
    let deliveries = |hook: &str, token: &str| {
        let path = format!("/api/v1/webhooks/{hook}/deliveries");
        let token = token.to_owned();
        async move { items(app, &path, &token).await }
    };
    assert!(deliveries(own_hook, &b_key).await.is_empty());
    assert_eq!(deliveries(admin_hook, &app.admin_token).await.len(), 1);
    new_case(app, &t.agent_b.1, complaint(&t.property_b)).await;
    let got = deliveries(own_hook, &b_key).await;
    assert_eq!(got.len(), 1);
    assert_eq!(got[0]["payload"]["data"]["project_id"], t.b.as_str());
    assert_eq!(deliveries(admin_hook, &app.admin_token).await.len(), 2);
    // The admin sees both.
    assert_eq!(items(app, "/api/v1/webhooks", &app.admin_token).await.len(), 2);
}

async fn hole4_webhooks_never_reach_internal_addresses(app: &TestApp) {
    let t = two_projects(app).await;
    for url in [
        "http://127.0.0.1:9000/x",
        "http://[::1]:9000/x",
        "http://0x7f000001/x",
        "http://2130706433/x",
        "http://169.254.169.254/latest/meta-data/",
        "http://10.0.0.1/x",
        "http://192.168.1.10/x",
        "http://[fd00::1]/x",
        "http://metadata.google.internal/computeMetadata/v1/",
        "http://localhost:8080/x",
    ] {
        app.post(
            "/api/v1/webhooks",
            &app.admin_token,
            json!({"name": "scan", "url": url, "events": ["case.created"]}),
        )
        .await
        .assert_problem(422, Some("url"));
    }
    let hook = webhook(
        app,
        &app.admin_token,
        json!({"name": "ok", "url": "https://93.184.216.34/h", "events": ["case.created"]}),
    )
    .await;
    let id = hook["id"].as_str().unwrap();
    app.patch(
        &format!("/api/v1/webhooks/{id}"),
        &app.admin_token,
        1,
        json!({"url": "http://169.254.169.254/"}),
    )
    .await
    .assert_problem(422, Some("url"));

    // A stored target that now points inside (DNS changed, or saved before this check): a
    // listener on loopback must never be contacted, and the log tells nothing of it.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let contacted = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let flag = contacted.clone();
    tokio::spawn(async move {
        while listener.accept().await.is_ok() {
            flag.store(true, std::sync::atomic::Ordering::SeqCst);
        }
    });
    for target in [
        format!("http://127.0.0.1:{port}/x"),
        format!("http://localhost:{port}/x"),
    ] {
        webhook::Entity::update_many()
            .col_expr(webhook::Column::Url, Expr::value(target.clone()))
            .filter(webhook::Column::Id.eq(Uuid::parse_str(id).unwrap()))
            .exec(&app.store.db)
            .await
            .unwrap();
        new_case(app, &t.agent_a.1, complaint(&t.property_a)).await;
        drain(&worker(app)).await;
        let log = items(app, &format!("/api/v1/webhooks/{id}/deliveries"), &app.admin_token).await;
        let last = &log[0];
        assert_eq!(last["error"], "refused: private address", "{target}: {last}");
        assert_eq!(last["response_status"], Value::Null);
        assert_ne!(last["status"], "succeeded");
        // Redelivery on demand is refused the same way.
        let delivery = last["id"].as_str().unwrap();
        let again = app
            .post(
                &format!("/api/v1/webhooks/{id}/deliveries/{delivery}/redeliver"),
                &app.admin_token,
                json!({}),
            )
            .await;
        assert_eq!(again.status, StatusCode::ACCEPTED, "{}", again.text);
        drain(&worker(app)).await;
        let log = items(app, &format!("/api/v1/webhooks/{id}/deliveries"), &app.admin_token).await;
        assert_eq!(log[0]["error"], "refused: private address");
    }
    assert!(
        !contacted.load(std::sync::atomic::Ordering::SeqCst),
        "an internal address was contacted"
    );
}
