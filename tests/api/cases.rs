use std::collections::HashSet;

use huiyin_store::cases::numbering::Numbers;
use reqwest::{Method, StatusCode};
use sea_orm::ConnectionTrait;
use serde_json::{json, Value};

use crate::case_steps::{act, act_ok, new_case, version};
use crate::db_tests;
use crate::helpers::{Reply, TestApp};

db_tests!(
    full_loop_with_unsatisfied_visit_second_dispatch_and_satisfied_close,
    the_state_machine_refuses_with_409_and_versions_are_enforced,
    concurrent_actions_on_one_case_one_wins,
    create_is_idempotent_with_a_key,
    fifty_concurrent_creates_get_unique_numbers,
    handlers_stewards_and_other_projects_are_scoped,
    attachments_are_sniffed_limited_and_scoped,
    customers_match_by_normalised_phone_and_mask_pii,
    lists_filter_search_sort_and_page_stably,
    close_on_spot_cancel_and_bad_case_input,
);

struct World {
    project: String,
    property: String,
    engineering: String,
    handler: (String, String),
    agent: (String, String),
}

async fn world(app: &TestApp) -> World {
    let project = app.project("翠湖花园").await;
    let area = app
        .post(
            "/api/v1/areas",
            &app.admin_token,
            json!({"project_id": project, "name": "一片区"}),
        )
        .await
        .id();
    let property = app.property(&project, Some(&area), "3栋", "2单元", "1201").await;
    let engineering = app.department("工程部", "engineering").await;
    let handler = app.user("wang.eng", "handler", Some(&engineering), &[&project]).await;
    let agent = app.user("li.agent", "agent", None, &[&project]).await;
    World {
        project,
        property,
        engineering,
        handler,
        agent,
    }
}

fn repair(w: &World) -> Value {
    json!({"kind": "repair", "channel": "phone", "severity": "normal", "property_id": w.property,
           "customer": {"name": "王建国", "phone": "138 0013 8000"},
           "title": "卫生间漏水", "description": "卫生间天花板渗水，已持续两天。"})
}

async fn full_loop_with_unsatisfied_visit_second_dispatch_and_satisfied_close(app: &TestApp) {
    let w = world(app).await;
    let agent = &w.agent.1;
    let handler = &w.handler.1;
    let case = new_case(app, agent, repair(&w)).await;
    assert_eq!(case["status"], "registered");
    assert_eq!(case["version"], 1);
    assert!(case["number"].as_str().unwrap().starts_with("BX-"), "{case}");
    assert_eq!(case["customer_name"], "王建国");
    assert_eq!(case["customer_phone"], "13800138000");
    assert_eq!(case["property_label"], "3栋 2单元 1201");
    let case = act_ok(app, agent, &case, "verify", json!({"note": "已电话核实"})).await;
    assert_eq!(case["status"], "registered");
    assert!(case["verified_at"].is_string());
    let case = act_ok(
        app,
        agent,
        &case,
        "dispatch",
        json!({"department_id": w.engineering, "assignee_id": w.handler.0, "note": "请今天上门"}),
    )
    .await;
    assert_eq!(
        (case["status"].as_str(), case["dispatch_count"].as_i64()),
        (Some("dispatched"), Some(1))
    );
    assert!(case["due_at"].is_string());
    assert_eq!(case["current_work_order"]["sequence"], 1);
    // The handler sees it in their department's queue and takes it.
    let queue = app.get("/api/v1/cases?queue=department", handler).await;
    assert_eq!(queue.body["items"].as_array().unwrap().len(), 1, "{}", queue.text);
    let case = act_ok(app, handler, &case, "accept", json!({})).await;
    assert_eq!(case["status"], "in_progress");
    let case = act_ok(
        app,
        handler,
        &case,
        "resolve",
        json!({"result": "已更换水管", "charge_amount": 120.5, "materials": "PPR管 2米"}),
    )
    .await;
    assert_eq!(case["status"], "resolved");
    assert_eq!(case["current_work_order"]["charge_amount"], 120.5);
    let case = act_ok(
        app,
        agent,
        &case,
        "reply",
        json!({"content": "已告知业主维修完成", "method": "phone"}),
    )
    .await;
    assert_eq!(case["status"], "visiting");
    let awaiting = app.get("/api/v1/cases?queue=awaiting_visit", agent).await;
    assert_eq!(awaiting.body["items"].as_array().unwrap().len(), 1);
    // Not reached: still visiting, visit recorded.
    let case = act_ok(
        app,
        agent,
        &case,
        "visit",
        json!({"reached": false, "comment": "无人接听"}),
    )
    .await;
    assert_eq!(case["status"], "visiting");
    // Dissatisfied: second dispatch to the same department and person.
    let case = act_ok(
        app,
        agent,
        &case,
        "visit",
        json!({"reached": true, "satisfaction": "dissatisfied", "comment": "还在渗水"}),
    )
    .await;
    assert_eq!(case["status"], "dispatched");
    assert_eq!(case["dispatch_count"], 2);
    assert_eq!(case["last_satisfaction"], "dissatisfied");
    assert_eq!(case["current_work_order"]["sequence"], 2);
    assert_eq!(case["current_work_order"]["assignee_id"], w.handler.0.as_str());
    assert_eq!(case["work_orders"].as_array().unwrap().len(), 2);
    let case = act_ok(app, handler, &case, "accept", json!({})).await;
    let case = act_ok(app, handler, &case, "resolve", json!({"result": "重新做了防水"})).await;
    let case = act_ok(
        app,
        agent,
        &case,
        "reply",
        json!({"content": "二次整改完成", "method": "sms"}),
    )
    .await;
    let case = act_ok(
        app,
        agent,
        &case,
        "visit",
        json!({"reached": true, "satisfaction": "very_satisfied"}),
    )
    .await;
    assert_eq!(case["status"], "closed");
    assert_eq!(case["last_satisfaction"], "very_satisfied");
    assert!(case["closed_at"].is_string());
    assert_eq!(case["visits"].as_array().unwrap().len(), 3);
    assert_eq!(case["available_actions"], json!(["comment"]));
    // The timeline holds every step in order.
    let events = app
        .get(&format!("/api/v1/cases/{}/events", case["id"].as_str().unwrap()), agent)
        .await;
    let actions: Vec<&str> = events.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert_eq!(
        actions,
        [
            "register", "verify", "dispatch", "accept", "resolve", "reply", "visit", "visit", "accept", "resolve",
            "reply", "visit"
        ]
    );
    let second = &events.body["items"][7];
    assert_eq!(
        (second["from_status"].as_str(), second["to_status"].as_str()),
        (Some("visiting"), Some("dispatched"))
    );
    assert_eq!(second["payload"]["second_dispatch"], true);
    assert_eq!(events.body["items"][1]["visibility"], "internal");
    // No endpoint edits or deletes events.
    let event_path = format!("/api/v1/cases/{}/events", case["id"].as_str().unwrap());
    for method in [Method::DELETE, Method::PATCH, Method::PUT] {
        let reply = app
            .send(method, &event_path, Some(&app.admin_token), Some(json!({})), &[])
            .await;
        assert!(
            reply.status == StatusCode::NOT_FOUND || reply.status == StatusCode::METHOD_NOT_ALLOWED,
            "{}",
            reply.status
        );
    }
}

async fn the_state_machine_refuses_with_409_and_versions_are_enforced(app: &TestApp) {
    let w = world(app).await;
    let case = new_case(app, &w.agent.1, repair(&w)).await;
    let refused = act(
        app,
        &w.agent.1,
        &case,
        "reply",
        json!({"content": "x", "method": "phone"}),
    )
    .await;
    refused.assert_problem(409, None);
    assert_eq!(refused.body["current_status"], "registered");
    // Missing If-Match → 428; stale → 412 with the current version.
    let path = format!("/api/v1/cases/{}/verify", case["id"].as_str().unwrap());
    app.post(&path, &w.agent.1, json!({"note": "x"}))
        .await
        .assert_problem(428, None);
    let verified = act_ok(app, &w.agent.1, &case, "verify", json!({"note": "核实"})).await;
    let stale = act(app, &w.agent.1, &case, "verify", json!({"note": "again"})).await;
    stale.assert_problem(412, None);
    assert_eq!(stale.body["current_version"], verified["version"]);
    // Role: an agent cannot accept or resolve; a handler cannot dispatch.
    act(app, &w.agent.1, &verified, "accept", json!({}))
        .await
        .assert_problem(403, None);
    let dispatched = act_ok(
        app,
        &w.agent.1,
        &verified,
        "dispatch",
        json!({"department_id": w.engineering}),
    )
    .await;
    act(
        app,
        &w.handler.1,
        &dispatched,
        "reassign",
        json!({"department_id": w.engineering}),
    )
    .await
    .assert_problem(403, None);
    // Validation: a visit that reached the customer needs a satisfaction; assignees must belong to the department.
    act(
        app,
        &w.agent.1,
        &dispatched,
        "dispatch",
        json!({"department_id": w.engineering}),
    )
    .await
    .assert_problem(409, None);
    let other_dept = app.department("秩序部", "security").await;
    let reassign = act(
        app,
        &app.admin_token,
        &dispatched,
        "reassign",
        json!({"department_id": other_dept, "assignee_id": w.handler.0}),
    )
    .await;
    reassign.assert_problem(422, Some("assignee_id"));
    act(
        app,
        &app.admin_token,
        &dispatched,
        "resolve",
        json!({"result": "x", "charge_amount": -3}),
    )
    .await
    .assert_problem(422, Some("charge_amount"));
    act(app, &app.admin_token, &dispatched, "resolve", json!({"result": ""}))
        .await
        .assert_problem(422, Some("result"));
}

async fn concurrent_actions_on_one_case_one_wins(app: &TestApp) {
    let w = world(app).await;
    let case = new_case(app, &w.agent.1, repair(&w)).await;
    let first = act(
        app,
        &w.agent.1,
        &case,
        "dispatch",
        json!({"department_id": w.engineering}),
    );
    let second = act(app, &app.admin_token, &case, "cancel", json!({"reason": "invalid"}));
    let (a, b) = tokio::join!(first, second);
    let mut statuses = [a.status.as_u16(), b.status.as_u16()];
    statuses.sort();
    assert_eq!(statuses, [200, 412], "{} / {}", a.text, b.text);
    let current = app
        .get(
            &format!("/api/v1/cases/{}", case["id"].as_str().unwrap()),
            &app.admin_token,
        )
        .await;
    assert_eq!(current.body["version"], 2);
}

async fn create_is_idempotent_with_a_key(app: &TestApp) {
    let w = world(app).await;
    let body = repair(&w);
    let post = |body: Value, key: &'static str| {
        let token = w.agent.1.clone();
        async move {
            app.send(
                Method::POST,
                "/api/v1/cases",
                Some(&token),
                Some(body),
                &[("idempotency-key", key)],
            )
            .await
        }
    };
    let first = post(body.clone(), "retry-1").await;
    assert_eq!(first.status, StatusCode::CREATED);
    let again = post(body.clone(), "retry-1").await;
    assert_eq!(again.status, StatusCode::CREATED);
    assert_eq!(again.body, first.body, "a retry returns the same case");
    let mut changed = body.clone();
    changed["title"] = json!("别的标题");
    post(changed, "retry-1")
        .await
        .assert_problem(422, Some("Idempotency-Key"));
    let other = post(body, "retry-2").await;
    assert_ne!(other.body["id"], first.body["id"]);
    let listed = app.get("/api/v1/cases", &app.admin_token).await;
    assert_eq!(listed.body["items"].as_array().unwrap().len(), 2);
}

async fn fifty_concurrent_creates_get_unique_numbers(app: &TestApp) {
    let w = world(app).await;
    let body = json!({"kind": "complaint", "channel": "phone", "project_id": w.project, "title": "噪音", "description": "夜间施工"});
    // A registration refused by its checks takes no number (on PostgreSQL the number comes from
    // a transaction of its own, taken after every check).
    let mut refused = body.clone();
    refused["property_id"] = json!(uuid::Uuid::new_v4());
    app.post("/api/v1/cases", &w.agent.1, refused)
        .await
        .assert_problem(422, Some("property_id"));
    let replies =
        futures_util::future::join_all((0..50).map(|_| app.post("/api/v1/cases", &w.agent.1, body.clone()))).await;
    let mut numbers = HashSet::new();
    for reply in &replies {
        assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);
        numbers.insert(reply.body["number"].as_str().unwrap().to_owned());
    }
    assert_eq!(numbers.len(), 50);
    let mut sequences: Vec<u32> = numbers
        .iter()
        .map(|n| n.rsplit('-').next().unwrap().parse().unwrap())
        .collect();
    sequences.sort();
    assert_eq!(sequences, (1..=50).collect::<Vec<_>>());
    let today = chrono::Utc::now()
        .with_timezone(&chrono::FixedOffset::east_opt(8 * 3600).unwrap())
        .format("%Y%m%d")
        .to_string();
    assert!(
        numbers.iter().all(|n| n.starts_with(&format!("TS-{today}-"))),
        "{numbers:?}"
    );
    // On PostgreSQL the numbers come from a pool of their own whose sessions do not wait for the
    // disk (safe: the case carrying the number commits synchronously), while requests still do.
    let setting =
        |row: Option<sea_orm::QueryResult>| -> String { row.unwrap().try_get("", "synchronous_commit").unwrap() };
    let show = || sea_orm::Statement::from_string(sea_orm::DatabaseBackend::Postgres, "SHOW synchronous_commit");
    match app.store.numbers() {
        Numbers::Separate(pool) => {
            assert_eq!(setting(pool.query_one(show()).await.unwrap()), "off");
            assert_eq!(setting(app.store.db.query_one(show()).await.unwrap()), "on");
        }
        Numbers::InTransaction => assert!(
            app.database_url.starts_with("sqlite"),
            "SQLite numbers in the transaction"
        ),
    }
}

async fn handlers_stewards_and_other_projects_are_scoped(app: &TestApp) {
    let w = world(app).await;
    let case = new_case(app, &w.agent.1, repair(&w)).await;
    let id = case["id"].as_str().unwrap().to_owned();
    // Before dispatch the handler's department has nothing to do with it.
    app.get(&format!("/api/v1/cases/{id}"), &w.handler.1)
        .await
        .assert_problem(404, None);
    act_ok(
        app,
        &w.agent.1,
        &case,
        "dispatch",
        json!({"department_id": w.engineering}),
    )
    .await;
    let seen = app.get(&format!("/api/v1/cases/{id}"), &w.handler.1).await;
    assert_eq!(seen.status, StatusCode::OK);
    assert_eq!(seen.body["customer_phone"], "138****8000", "handlers see masked phones");
    // Another department's handler does not see it.
    let security = app.department("秩序部", "security").await;
    let (_, guard) = app.user("liu.guard", "handler", Some(&security), &[&w.project]).await;
    app.get(&format!("/api/v1/cases/{id}"), &guard)
        .await
        .assert_problem(404, None);
    assert_eq!(
        app.get("/api/v1/cases", &guard).await.body["items"]
            .as_array()
            .unwrap()
            .len(),
        0
    );
    // Staff of another project get 404; a steward sees only their own area.
    let other = app.project("锦绣江南").await;
    let (_, outsider) = app.user("agent.other", "agent", None, &[&other]).await;
    app.get(&format!("/api/v1/cases/{id}"), &outsider)
        .await
        .assert_problem(404, None);
    let (steward_id, steward) = app.user("zhang.steward", "steward", None, &[&w.project]).await;
    app.get(&format!("/api/v1/cases/{id}"), &steward)
        .await
        .assert_problem(404, None);
    let area_id = app
        .get(&format!("/api/v1/properties/{}", w.property), &app.admin_token)
        .await
        .body["area_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let area = app.get(&format!("/api/v1/areas/{area_id}"), &app.admin_token).await;
    assert_eq!(
        app.patch(
            &format!("/api/v1/areas/{area_id}"),
            &app.admin_token,
            version(&area),
            json!({"steward_id": steward_id})
        )
        .await
        .status,
        StatusCode::OK
    );
    assert_eq!(
        app.get(&format!("/api/v1/cases/{id}"), &steward).await.status,
        StatusCode::OK
    );
    // The agent's unmasked view was audited.
    let audit = app
        .get("/api/v1/audit?action=customer.phone_viewed", &app.admin_token)
        .await;
    assert!(!audit.body["items"].as_array().unwrap().is_empty(), "{}", audit.text);
    app.get("/api/v1/audit", &w.agent.1).await.assert_problem(403, None);
}

pub(crate) const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0\x90wS\xde";

pub(crate) async fn upload(app: &TestApp, token: &str, case_id: &str, name: &str, bytes: Vec<u8>) -> Reply {
    let part = reqwest::multipart::Part::bytes(bytes)
        .file_name(name.to_owned())
        .mime_str("image/jpeg")
        .unwrap();
    let form = reqwest::multipart::Form::new().part("file", part);
    let response = app
        .client
        .post(app.url(&format!("/api/v1/cases/{case_id}/attachments")))
        .bearer_auth(token)
        .multipart(form)
        .send()
        .await
        .unwrap();
    TestApp::reply(response).await
}

async fn attachments_are_sniffed_limited_and_scoped(app: &TestApp) {
    let w = world(app).await;
    let case = new_case(app, &w.agent.1, repair(&w)).await;
    let id = case["id"].as_str().unwrap();
    let ok = upload(app, &w.agent.1, id, "漏水照片.png", PNG.to_vec()).await;
    assert_eq!(ok.status, StatusCode::CREATED, "{}", ok.text);
    assert_eq!(
        ok.body["content_type"], "image/png",
        "type comes from the bytes, not the declared image/jpeg"
    );
    let url = ok.body["url"].as_str().unwrap().to_owned();
    let download = app
        .client
        .get(app.url(&url))
        .bearer_auth(&w.agent.1)
        .send()
        .await
        .unwrap();
    assert_eq!(download.status(), StatusCode::OK);
    assert_eq!(download.headers()["content-type"], "image/png");
    assert_eq!(download.bytes().await.unwrap().as_ref(), PNG);
    // A script renamed to .jpg, an empty file, an oversized file.
    upload(app, &w.agent.1, id, "photo.jpg", b"<script>alert(1)</script>".to_vec())
        .await
        .assert_problem(415, None);
    upload(app, &w.agent.1, id, "empty.png", vec![])
        .await
        .assert_problem(422, Some("file"));
    let mut huge = PNG.to_vec();
    huge.resize(11 * 1024 * 1024, 0);
    let too_big = upload(app, &w.agent.1, id, "huge.png", huge).await;
    too_big.assert_problem(413, None);
    // Only those who see the case see its attachments.
    let other = app.project("锦绣江南").await;
    let (_, outsider) = app.user("agent.other", "agent", None, &[&other]).await;
    let denied = TestApp::reply(
        app.client
            .get(app.url(&url))
            .bearer_auth(&outsider)
            .send()
            .await
            .unwrap(),
    )
    .await;
    denied.assert_problem(404, None);
    upload(app, &outsider, id, "x.png", PNG.to_vec())
        .await
        .assert_problem(404, None);
    let detail = app.get(&format!("/api/v1/cases/{id}"), &w.agent.1).await;
    assert_eq!(detail.body["attachments"].as_array().unwrap().len(), 1);
}

async fn customers_match_by_normalised_phone_and_mask_pii(app: &TestApp) {
    let w = world(app).await;
    let created = app
        .post(
            "/api/v1/customers",
            &w.agent.1,
            json!({"name": "李秀英", "phones": ["138 0013 8000", "0755-8888 6666"],
              "properties": [{"property_id": w.property, "relation": "tenant"}], "tags": ["VIP"], "notes": "行动不便"}),
        )
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
    assert_eq!(created.body["phones"], json!(["13800138000", "075588886666"]));
    let customer_id = created.id();
    // The same number in another notation belongs to the same person.
    app.post(
        "/api/v1/customers",
        &w.agent.1,
        json!({"name": "别人", "phones": ["+86 13800138000"]}),
    )
    .await
    .assert_problem(409, Some("phones"));
    app.post(
        "/api/v1/customers",
        &w.agent.1,
        json!({"name": "坏号码", "phones": ["12345"]}),
    )
    .await
    .assert_problem(422, Some("phones[0]"));
    for q in ["+86 138 0013 8000", "13800138000", "李秀", "1201", "3栋 2单元 1201"] {
        let found = app
            .get(&format!("/api/v1/customers?q={}", urlencode(q)), &w.agent.1)
            .await;
        let ids: Vec<&str> = found.body["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["id"].as_str().unwrap())
            .collect();
        assert_eq!(ids, [customer_id.as_str()], "q={q}: {}", found.text);
    }
    // A case with an inline customer of the same number is matched, not duplicated.
    let case = new_case(app, &w.agent.1, repair(&w)).await;
    assert_eq!(case["customer_id"], customer_id.as_str());
    let detail = app.get(&format!("/api/v1/customers/{customer_id}"), &w.agent.1).await;
    assert_eq!(detail.body["recent_cases"].as_array().unwrap().len(), 1);
    assert_eq!(detail.body["properties"][0]["label"], "3栋 2单元 1201");
    // Handlers see masked phones; unmasked views are audited.
    let masked = app.get(&format!("/api/v1/customers/{customer_id}"), &w.handler.1).await;
    assert_eq!(masked.body["phones"], json!(["138****8000", "075*****6666"]));
    assert_eq!(masked.body["phones_masked"], true);
    let audit = app
        .get(&format!("/api/v1/audit?subject_id={customer_id}"), &app.admin_token)
        .await;
    let entries = audit.body["items"].as_array().unwrap();
    assert!(
        entries
            .iter()
            .any(|e| e["action"] == "customer.viewed" && e["actor_id"] == w.agent.0.as_str()),
        "{}",
        audit.text
    );
    // Updates need the version.
    let updated = app
        .patch(
            &format!("/api/v1/customers/{customer_id}"),
            &w.agent.1,
            version(&detail),
            json!({"tags": ["VIP", "investor"]}),
        )
        .await;
    assert_eq!(updated.status, StatusCode::OK, "{}", updated.text);
    assert_eq!(updated.body["tags"], json!(["VIP", "investor"]));
}

fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

async fn lists_filter_search_sort_and_page_stably(app: &TestApp) {
    let w = world(app).await;
    // About lists, not the process: the agent dispatches the complaints straight away here.
    crate::case_steps::process_off(app, &w.project).await;
    let agent = &w.agent.1;
    let mut ids = Vec::new();
    for i in 0..7 {
        let kind = if i % 2 == 0 { "repair" } else { "complaint" };
        let case = new_case(app, agent, json!({"kind": kind, "channel": "app", "project_id": w.project, "title": format!("电梯故障 {i}"), "description": "电梯停在三楼不动"})).await;
        ids.push(case["id"].as_str().unwrap().to_owned());
    }
    let first = app.get("/api/v1/cases?limit=3", agent).await;
    let page1: Vec<String> = first.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        page1,
        ids.iter().rev().take(3).cloned().collect::<Vec<_>>(),
        "newest first"
    );
    // New cases arriving between pages neither repeat nor push anything out.
    new_case(
        app,
        agent,
        json!({"kind": "inquiry", "channel": "phone", "project_id": w.project, "title": "新来的", "description": ""}),
    )
    .await;
    let cursor = first.body["next_cursor"].as_str().unwrap();
    let second = app.get(&format!("/api/v1/cases?limit=3&cursor={cursor}"), agent).await;
    let page2: Vec<String> = second.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(page2, ids.iter().rev().skip(3).take(3).cloned().collect::<Vec<_>>());
    // Filters and Chinese search.
    let repairs = app.get("/api/v1/cases?kind=repair", agent).await;
    assert_eq!(repairs.body["items"].as_array().unwrap().len(), 4);
    let found = app.get(&format!("/api/v1/cases?q={}", urlencode("三楼")), agent).await;
    assert_eq!(found.body["items"].as_array().unwrap().len(), 7);
    let several = app.get("/api/v1/cases?status=registered,closed", agent).await;
    assert_eq!(several.body["items"].as_array().unwrap().len(), 8);
    app.get("/api/v1/cases?status=bogus", agent)
        .await
        .assert_problem(422, Some("status"));
    app.get("/api/v1/cases?kind=bogus", agent)
        .await
        .assert_problem(422, None);
    // Due-time sort: dispatched cases first by due time, undispatched last.
    let case = app.get(&format!("/api/v1/cases/{}", ids[0]), agent).await.body;
    let soon = (chrono::Utc::now() + chrono::Duration::hours(2)).to_rfc3339();
    act_ok(
        app,
        agent,
        &case,
        "dispatch",
        json!({"department_id": w.engineering, "due_at": soon}),
    )
    .await;
    let case = app.get(&format!("/api/v1/cases/{}", ids[1]), agent).await.body;
    act_ok(app, agent, &case, "dispatch", json!({"department_id": w.engineering, "due_at": (chrono::Utc::now() + chrono::Duration::hours(1)).to_rfc3339()})).await;
    let by_due = app.get("/api/v1/cases?sort=due&limit=2", agent).await;
    let order: Vec<&str> = by_due.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(order, [ids[1].as_str(), ids[0].as_str()]);
    let rest = app
        .get(
            &format!(
                "/api/v1/cases?sort=due&limit=50&cursor={}",
                by_due.body["next_cursor"].as_str().unwrap()
            ),
            agent,
        )
        .await;
    assert_eq!(rest.body["items"].as_array().unwrap().len(), 6);
    assert!(rest.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .all(|c| c["due_at"].is_null()));
    let unassigned = app.get("/api/v1/cases?queue=unassigned", agent).await;
    assert_eq!(
        unassigned.body["items"].as_array().unwrap().len(),
        8,
        "registered ones and dispatched-to-nobody ones"
    );
    let overdue = app.get("/api/v1/cases?overdue=true", agent).await;
    assert_eq!(overdue.body["items"].as_array().unwrap().len(), 0);
}

async fn close_on_spot_cancel_and_bad_case_input(app: &TestApp) {
    let w = world(app).await;
    let agent = &w.agent.1;
    let inquiry = new_case(app, agent, json!({"kind": "inquiry", "channel": "walk_in", "project_id": w.project, "title": "停车月卡", "description": "如何办理"})).await;
    let closed = act_ok(app, agent, &inquiry, "close_on_spot", json!({"answer": "已解答"})).await;
    assert_eq!(closed["status"], "closed");
    let complaint = new_case(app, agent, repair(&w)).await;
    act(app, agent, &complaint, "close_on_spot", json!({"answer": "x"}))
        .await
        .assert_problem(409, None);
    act(app, agent, &complaint, "cancel", json!({"reason": "duplicate"}))
        .await
        .assert_problem(422, Some("duplicate_of"));
    let cancelled = act_ok(
        app,
        agent,
        &complaint,
        "cancel",
        json!({"reason": "duplicate", "duplicate_of": inquiry["id"]}),
    )
    .await;
    assert_eq!(
        (cancelled["status"].as_str(), cancelled["duplicate_of"].as_str()),
        (Some("cancelled"), inquiry["id"].as_str())
    );
    // Bad input names the field.
    let base =
        json!({"kind": "complaint", "channel": "phone", "project_id": w.project, "title": "t", "description": "d"});
    let with = |key: &str, value: Value| {
        let mut body = base.clone();
        body[key] = value;
        body
    };
    app.post("/api/v1/cases", agent, with("kind", json!("ticket")))
        .await
        .assert_problem(422, Some("kind"));
    app.post("/api/v1/cases", agent, with("channel", json!("pigeon")))
        .await
        .assert_problem(422, Some("channel"));
    app.post(
        "/api/v1/cases",
        agent,
        with("customer", json!({"name": "x", "phone": "12"})),
    )
    .await
    .assert_problem(422, Some("customer.phone"));
    app.post("/api/v1/cases", agent, with("status", json!("closed")))
        .await
        .assert_problem(422, Some("status"));
    app.post("/api/v1/cases", agent, with("title", json!("")))
        .await
        .assert_problem(422, Some("title"));
    app.post(
        "/api/v1/cases",
        agent,
        with("reported_at", json!("2999-01-01T00:00:00Z")),
    )
    .await
    .assert_problem(422, Some("reported_at"));
    app.post("/api/v1/cases", agent, with("reported_at", json!("yesterday")))
        .await
        .assert_problem(422, Some("reported_at"));
    app.post("/api/v1/cases", agent, with("property_id", json!(uuid::Uuid::now_v7())))
        .await
        .assert_problem(422, Some("property_id"));
    app.post("/api/v1/cases", agent, with("category_id", json!(uuid::Uuid::now_v7())))
        .await
        .assert_problem(422, Some("category_id"));
    let mut no_project = base.clone();
    no_project.as_object_mut().unwrap().remove("project_id");
    app.post("/api/v1/cases", agent, no_project)
        .await
        .assert_problem(422, Some("project_id"));
    let (_, handler) = (&w.handler.0, &w.handler.1);
    app.post("/api/v1/cases", handler, base).await.assert_problem(403, None);
    let categories = app.get("/api/v1/categories", agent).await;
    assert!(categories.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["code"] == "complaint.major"));
}
