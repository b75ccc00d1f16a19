//! The weaker items of issue #21 left from the first pass: return visits scoped like their
//! cases, work orders and their notices kept within the case's project, attachments limited
//! per case and refused on finished cases, company-wide configuration for administrators and
//! the audit log filtered for a project's manager.

use reqwest::StatusCode;
use serde_json::{json, Value};

use super::{two_projects, Two};
use crate::case_steps::{act, act_ok, new_case};
use crate::db_tests;
use crate::helpers::{Reply, TestApp};

db_tests!(
    visits_are_seen_and_recorded_only_by_those_who_see_the_case,
    work_orders_stay_within_the_case_project,
    attachments_are_limited_per_case_and_refused_on_finished_cases,
    company_configuration_is_changed_by_administrators_only,
    a_managers_audit_log_holds_only_their_projects_people,
);

fn repair(t: &Two) -> Value {
    json!({"kind": "repair", "channel": "phone", "property_id": t.property_a,
           "customer": {"name": "王建国", "phone": "13800138000"}, "title": "厨房漏水", "description": "水管破裂"})
}

fn items(reply: &Reply) -> Vec<Value> {
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text);
    reply.body["items"].as_array().unwrap().clone()
}

async fn visits_are_seen_and_recorded_only_by_those_who_see_the_case(app: &TestApp) {
    let t = two_projects(app).await;
    let handler_b = app.user("handler.b", "handler", Some(&t.engineering), &[&t.b]).await;
    // The checks fall due in 24 h; a margin that wide lets this test record one now.
    let settings = app
        .put(
            &format!("/api/v1/visit-settings/{}", t.a),
            &app.admin_token,
            0,
            json!({"visits_by": "service_desk", "early_margin_hours": 24}),
        )
        .await;
    assert_eq!(settings.status, StatusCode::OK, "{}", settings.text);
    let case = new_case(app, &t.agent_a.1, repair(&t)).await;
    let case_path = format!("/api/v1/visits?case_id={}", case["id"].as_str().unwrap());
    let due = items(&app.get(&case_path, &t.agent_a.1).await);
    assert_eq!(due.len(), 2, "a repair's contact and outcome checks");
    let visit = due[0]["id"].as_str().unwrap().to_owned();

    // Another project's agent and handler see none of them and cannot record one.
    assert!(items(&app.get("/api/v1/visits", &t.agent_b.1).await).is_empty());
    assert!(items(&app.get("/api/v1/visits", &handler_b.1).await).is_empty());
    let record = format!("/api/v1/visits/{visit}/record");
    app.post(&record, &t.agent_b.1, json!({"reached": true}))
        .await
        .assert_problem(404, None);
    // A handler of the case's own project sees them only once the case is their department's.
    assert!(items(&app.get("/api/v1/visits", &t.handler_a.1).await).is_empty());
    act_ok(
        app,
        &t.agent_a.1,
        &case,
        "dispatch",
        json!({"department_id": t.engineering}),
    )
    .await;
    assert_eq!(items(&app.get("/api/v1/visits", &t.handler_a.1).await).len(), 2);
    assert!(items(&app.get("/api/v1/visits", &handler_b.1).await).is_empty());
    let done = app
        .post(&record, &t.agent_a.1, json!({"reached": true, "note": "师傅已联系"}))
        .await;
    assert_eq!(done.status, StatusCode::OK, "{}", done.text);
}

async fn notifications_of(app: &TestApp, token: &str, kind: &str) -> Vec<Value> {
    let reply = app.get("/api/v1/notifications", token).await;
    items(&reply).into_iter().filter(|n| n["kind"] == kind).collect()
}

async fn work_orders_stay_within_the_case_project(app: &TestApp) {
    let t = two_projects(app).await;
    let handler_b = app.user("handler.b", "handler", Some(&t.engineering), &[&t.b]).await;
    let cleaning = app.department("保洁部", "cleaning").await;
    app.user("cleaner.b", "handler", Some(&cleaning), &[&t.b]).await;
    let case = new_case(app, &t.agent_a.1, repair(&t)).await;

    // A department whose handlers all work in project B does not take a project-A work order.
    act(app, &t.agent_a.1, &case, "dispatch", json!({"department_id": cleaning}))
        .await
        .assert_problem(422, Some("department_id"));
    // Nor does project B's handler, named as the assignee.
    act(
        app,
        &t.agent_a.1,
        &case,
        "dispatch",
        json!({"department_id": t.engineering, "assignee_id": handler_b.0}),
    )
    .await
    .assert_problem(422, Some("assignee_id"));
    // Sent to the department: only its project-A handler hears of it.
    act_ok(
        app,
        &t.agent_a.1,
        &case,
        "dispatch",
        json!({"department_id": t.engineering}),
    )
    .await;
    let told = notifications_of(app, &t.handler_a.1, "assigned").await;
    assert_eq!(told.len(), 1, "{told:?}");
    assert_eq!(told[0]["case_id"], case["id"]);
    assert!(notifications_of(app, &handler_b.1, "assigned").await.is_empty());
}

const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0\x90wS\xde";

async fn upload(app: &TestApp, token: &str, case: &Value) -> Reply {
    let part = reqwest::multipart::Part::bytes(PNG.to_vec())
        .file_name("照片.png")
        .mime_str("image/png")
        .unwrap();
    let response = app
        .client
        .post(app.url(&format!("/api/v1/cases/{}/attachments", case["id"].as_str().unwrap())))
        .bearer_auth(token)
        .multipart(reqwest::multipart::Form::new().part("file", part))
        .send()
        .await
        .unwrap();
    TestApp::reply(response).await
}

async fn attachments_are_limited_per_case_and_refused_on_finished_cases(app: &TestApp) {
    let t = two_projects(app).await;
    let case = new_case(app, &t.agent_a.1, repair(&t)).await;
    for n in 0..50 {
        let saved = upload(app, &t.agent_a.1, &case).await;
        assert_eq!(saved.status, StatusCode::CREATED, "attachment {n}: {}", saved.text);
    }
    upload(app, &t.agent_a.1, &case).await.assert_problem(409, Some("file"));
    let detail = app
        .get(&format!("/api/v1/cases/{}", case["id"].as_str().unwrap()), &t.agent_a.1)
        .await;
    assert_eq!(
        detail.body["attachments"].as_array().unwrap().len(),
        50,
        "{}",
        detail.text
    );

    // Closed on the spot: the record is final.
    let inquiry = new_case(
        app,
        &t.agent_a.1,
        json!({"kind": "inquiry", "channel": "phone", "property_id": t.property_a,
               "customer": {"name": "王建国", "phone": "13800138000"}, "title": "停水时间", "description": "问停水"}),
    )
    .await;
    let closed = act_ok(
        app,
        &t.agent_a.1,
        &inquiry,
        "close_on_spot",
        json!({"answer": "明早九点恢复供水"}),
    )
    .await;
    assert_eq!(closed["status"], "closed");
    upload(app, &t.agent_a.1, &closed)
        .await
        .assert_problem(409, Some("status"));
}

async fn company_configuration_is_changed_by_administrators_only(app: &TestApp) {
    let t = two_projects(app).await;
    let manager = &t.manager_a.1;
    let durations = json!({"verify_secs": 3600, "dispatch_secs": 7200, "resolve_secs": 86400, "reply_secs": 3600,
        "contact_check_secs": 86400, "outcome_check_secs": 172800, "satisfaction_visit_secs": 86400, "business_hours": false});
    let policy = json!({"kind": "repair", "severity": "urgent", "durations": durations});
    app.post("/api/v1/sla-policies", manager, policy.clone())
        .await
        .assert_problem(403, None);
    let created = app.post("/api/v1/sla-policies", &app.admin_token, policy.clone()).await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
    let path = format!("/api/v1/sla-policies/{}", created.id());
    app.put(&path, manager, 1, policy.clone())
        .await
        .assert_problem(403, None);
    let updated = app.put(&path, &app.admin_token, 1, policy).await;
    assert_eq!(updated.status, StatusCode::OK, "{}", updated.text);

    let rules = app.get("/api/v1/warning-rules", manager).await;
    assert_eq!(rules.status, StatusCode::OK, "{}", rules.text);
    app.put("/api/v1/warning-rules", manager, 0, rules.body.clone())
        .await
        .assert_problem(403, None);
    let saved = app.put("/api/v1/warning-rules", &app.admin_token, 0, rules.body).await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.text);

    let calendar = app.get("/api/v1/sla-calendar", manager).await;
    app.put("/api/v1/sla-calendar", manager, 0, calendar.body.clone())
        .await
        .assert_problem(403, None);
    let saved = app
        .put("/api/v1/sla-calendar", &app.admin_token, 0, calendar.body)
        .await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.text);

    let category = json!({"code": "complaint.pets", "name": "噪音投诉", "name_en": "Noise"});
    app.post("/api/v1/categories", manager, category.clone())
        .await
        .assert_problem(403, None);
    let made = app.post("/api/v1/categories", &app.admin_token, category).await;
    assert_eq!(made.status, StatusCode::CREATED, "{}", made.text);
    app.patch(
        &format!("/api/v1/categories/{}", made.id()),
        manager,
        1,
        json!({"name": "噪声"}),
    )
    .await
    .assert_problem(403, None);
    // The manager still keeps their own project's escalation contacts.
    let contact = app
        .post(
            "/api/v1/escalation-contacts",
            manager,
            json!({"level": "project", "project_id": t.a, "user_id": t.manager_a.0}),
        )
        .await;
    assert_eq!(contact.status, StatusCode::CREATED, "{}", contact.text);
}

async fn a_managers_audit_log_holds_only_their_projects_people(app: &TestApp) {
    let t = two_projects(app).await;
    // Each project's agent registers a case: the unmasked phone in the answer is audited.
    new_case(app, &t.agent_a.1, repair(&t)).await;
    new_case(
        app,
        &t.agent_b.1,
        json!({"kind": "repair", "channel": "phone", "property_id": t.property_b,
               "customer": {"name": "李梅", "phone": "13900139000"}, "title": "门锁坏了", "description": "换锁"}),
    )
    .await;
    let actors = |reply: Reply| -> Vec<String> {
        items(&reply)
            .iter()
            .map(|e| e["actor_id"].as_str().unwrap_or_default().to_owned())
            .collect()
    };
    let all = actors(app.get("/api/v1/audit", &app.admin_token).await);
    assert!(all.contains(&t.agent_a.0) && all.contains(&t.agent_b.0), "{all:?}");
    let for_a = actors(app.get("/api/v1/audit", &t.manager_a.1).await);
    assert!(for_a.contains(&t.agent_a.0), "{for_a:?}");
    assert!(!for_a.contains(&t.agent_b.0), "{for_a:?}");
    let by_b = app
        .get(&format!("/api/v1/audit?actor_id={}", t.agent_b.0), &t.manager_a.1)
        .await;
    assert!(items(&by_b).is_empty(), "{}", by_b.text);
}
