//! The area owns its cases (issue 16): with `visits_by: steward` a repair's return visits go to
//! the area's steward, who records them, replies and visits; stewards raise their own areas'
//! cases to area level and no further.

use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::case_steps::{act, act_ok, new_case};
use crate::db_tests;
use crate::helpers::{Reply, TestApp};
use crate::stewardship::world;

db_tests!(
    with_visits_by_steward_the_area_steward_takes_and_records_the_visits,
    stewards_escalate_their_own_areas_cases_to_area_level_only,
);

fn repair(home: &str) -> Value {
    json!({"kind": "repair", "channel": "phone", "property_id": home,
           "customer": {"name": "王建国", "phone": "13800138000"}, "title": "厨房漏水", "description": "水管破裂"})
}

fn items(reply: &Reply) -> Vec<Value> {
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text);
    reply.body["items"].as_array().unwrap().clone()
}

async fn with_visits_by_steward_the_area_steward_takes_and_records_the_visits(app: &TestApp) {
    let w = world(app).await;
    let engineering = app.department("工程部", "engineering").await;
    let handler = app.user("wang.eng", "handler", Some(&engineering), &[&w.project]).await;
    let path = format!("/api/v1/visit-settings/{}", w.project);
    let default = app.get(&path, &w.agent.1).await;
    assert_eq!(default.status, StatusCode::OK, "{}", default.text);
    assert_eq!(default.body["visits_by"], "service_desk");
    assert_eq!(default.header("etag").as_deref(), Some("\"0\""));
    app.put(&path, &w.agent.1, 0, json!({"visits_by": "steward"}))
        .await
        .assert_problem(403, None);
    app.put(&path, &app.admin_token, 0, json!({"visits_by": "somebody"}))
        .await
        .assert_problem(422, None);
    // The checks fall due in 24 h; a margin that wide lets this test record one now.
    let saved = app
        .put(
            &path,
            &app.admin_token,
            0,
            json!({"visits_by": "steward", "early_margin_hours": 24}),
        )
        .await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.text);
    assert_eq!(saved.body["visits_by"], "steward");

    let case = new_case(app, &w.agent.1, repair(&w.homes[0])).await;
    let queue = format!("/api/v1/visits?assignee_id={}", w.steward.0);
    let mine = items(&app.get(&queue, &w.steward.1).await);
    assert_eq!(mine.len(), 2, "the contact and outcome checks are the steward's");
    assert!(mine
        .iter()
        .all(|v| v["assignee_id"] == w.steward.0.as_str() && v["case_id"] == case["id"]));
    // The other area's steward neither sees nor records them.
    assert!(items(&app.get("/api/v1/visits", &w.other_steward.1).await).is_empty());
    let record = format!("/api/v1/visits/{}/record", mine[0]["id"].as_str().unwrap());
    app.post(&record, &w.other_steward.1, json!({"reached": true}))
        .await
        .assert_problem(404, None);
    let recorded = app
        .post(&record, &w.steward.1, json!({"reached": true, "note": "师傅已上门"}))
        .await;
    assert_eq!(recorded.status, StatusCode::OK, "{}", recorded.text);
    assert_eq!(recorded.body["done_by"], w.steward.0.as_str());

    // Resolved: the satisfaction visit is the steward's too; they reply and record it.
    let case = act_ok(
        app,
        &w.agent.1,
        &case,
        "dispatch",
        json!({"department_id": engineering}),
    )
    .await;
    let case = act_ok(app, &handler.1, &case, "resolve", json!({"result": "更换水管"})).await;
    let satisfaction = items(&app.get(&format!("{queue}&purpose=satisfaction"), &w.steward.1).await);
    assert_eq!(satisfaction.len(), 1, "{satisfaction:?}");
    let case = act_ok(
        app,
        &w.steward.1,
        &case,
        "reply",
        json!({"content": "已修好，请您查看", "method": "in_person"}),
    )
    .await;
    let closed = act_ok(
        app,
        &w.steward.1,
        &case,
        "visit",
        json!({"reached": true, "satisfaction": "very_satisfied"}),
    )
    .await;
    assert_eq!(closed["status"], "closed");
    let done = items(&app.get(&format!("{queue}&status=done"), &w.steward.1).await);
    assert_eq!(done.len(), 2, "the contact check and the satisfaction visit: {done:?}");

    // A complaint's visit stays with the service desk.
    let mut complaint = repair(&w.homes[1]);
    complaint["kind"] = json!("complaint");
    let complaint = new_case(app, &w.agent.1, complaint).await;
    // Verified by the desk, dispatched by the head of the desk (the default process).
    let complaint = act_ok(app, &w.agent.1, &complaint, "verify", json!({"note": "已核实"})).await;
    let complaint = act_ok(
        app,
        &app.admin_token,
        &complaint,
        "dispatch",
        json!({"department_id": engineering}),
    )
    .await;
    act_ok(app, &handler.1, &complaint, "resolve", json!({"result": "已处理"})).await;
    let desk = items(
        &app.get(
            &format!("/api/v1/visits?case_id={}", complaint["id"].as_str().unwrap()),
            &w.agent.1,
        )
        .await,
    );
    assert_eq!(desk.len(), 1);
    assert!(desk[0]["assignee_id"].is_null(), "{desk:?}");
}

async fn stewards_escalate_their_own_areas_cases_to_area_level_only(app: &TestApp) {
    let w = world(app).await;
    let case = new_case(app, &w.agent.1, repair(&w.homes[0])).await;
    let id = case["id"].as_str().unwrap();
    let seen = app.get(&format!("/api/v1/cases/{id}"), &w.steward.1).await;
    assert_eq!(seen.status, StatusCode::OK, "{}", seen.text);
    assert!(
        seen.body["available_actions"]
            .as_array()
            .unwrap()
            .contains(&json!("escalate")),
        "{}",
        seen.text
    );
    // Another area's steward: not their case.
    act(
        app,
        &w.other_steward.1,
        &case,
        "escalate",
        json!({"reason": "业主情绪激动"}),
    )
    .await
    .assert_problem(404, None);
    let raised = act_ok(app, &w.steward.1, &case, "escalate", json!({"reason": "业主情绪激动"})).await;
    assert_eq!(raised["level"], "area");
    assert!(!raised["available_actions"]
        .as_array()
        .unwrap()
        .contains(&json!("escalate")));
    // Company level is beyond a steward.
    act(app, &w.steward.1, &raised, "escalate", json!({"reason": "再升级"}))
        .await
        .assert_problem(403, None);
    let company = act_ok(app, &w.supervisor.1, &raised, "escalate", json!({"reason": "重大"})).await;
    assert_eq!(company["level"], "company");
}
