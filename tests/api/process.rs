//! Issue #19, part A: per-project process settings (verification before dispatch, who
//! dispatches, the verification deadline), cancellation of dispatched cases on approval, and
//! routing rules with auto-dispatch — on SQLite and PostgreSQL.

use chrono::{DateTime, Utc};
use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::case_steps::{act, act_ok, new_case, set_process};
use crate::db_tests;
use crate::helpers::TestApp;

db_tests!(
    settings_default_read_write_with_versions_and_scope,
    verify_before_dispatch_and_dispatch_by_each_on_and_off,
    the_verify_deadline_is_the_business_day_or_the_policy_and_the_figure_follows_it,
    cancelling_a_dispatched_case_waits_for_approval_and_the_figures_count_it,
    routing_rules_propose_a_department_and_auto_dispatch,
);

struct World {
    project: String,
    property: String,
    engineering: String,
    agent: (String, String),
    supervisor: (String, String),
}

async fn world(app: &TestApp) -> World {
    let project = app.project("翠湖花园").await;
    let property = app.property(&project, None, "3栋", "2单元", "1201").await;
    let engineering = app.department("工程部", "engineering").await;
    app.user("wang.eng", "handler", Some(&engineering), &[&project]).await;
    let agent = app.user("li.agent", "agent", None, &[&project]).await;
    let supervisor = app.user("zhao.sup", "supervisor", None, &[&project]).await;
    World {
        project,
        property,
        engineering,
        agent,
        supervisor,
    }
}

fn case_of(w: &World, kind: &str) -> Value {
    json!({"kind": kind, "channel": "phone", "property_id": w.property,
           "customer": {"name": "王建国", "phone": "138 0013 8000"}, "title": "楼上漏水", "description": "卫生间渗水"})
}

fn actions(case: &Value) -> Vec<String> {
    case["available_actions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a.as_str().unwrap().to_owned())
        .collect()
}

async fn settings_default_read_write_with_versions_and_scope(app: &TestApp) {
    let w = world(app).await;
    let path = format!("/api/v1/projects/{}/settings", w.project);
    let read = app.get(&path, &w.agent.1).await;
    assert_eq!(read.status, StatusCode::OK, "{}", read.text);
    assert_eq!(read.header("etag").as_deref(), Some("\"0\""));
    assert_eq!(
        (
            &read.body["verify_before_dispatch"],
            &read.body["dispatch_by"],
            &read.body["verify_deadline"]
        ),
        (&json!(true), &json!("supervisor"), &json!("same_day"))
    );
    let off = json!({"verify_before_dispatch": false, "dispatch_by": "agent", "verify_deadline": "hours"});
    // Only administrators (config_manage) change them; If-Match is required and checked.
    app.put(&path, &w.supervisor.1, 0, off.clone())
        .await
        .assert_problem(403, None);
    let no_version = app
        .send(
            reqwest::Method::PUT,
            &path,
            Some(&app.admin_token),
            Some(off.clone()),
            &[],
        )
        .await;
    no_version.assert_problem(428, None);
    app.put(&path, &app.admin_token, 3, off.clone())
        .await
        .assert_problem(412, None);
    app.put(
        &path,
        &app.admin_token,
        0,
        json!({"verify_before_dispatch": false, "dispatch_by": "anyone", "verify_deadline": "hours"}),
    )
    .await
    .assert_problem(422, Some("dispatch_by"));
    let saved = app.put(&path, &app.admin_token, 0, off.clone()).await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.text);
    assert_eq!(saved.header("etag").as_deref(), Some("\"1\""));
    let read = app.get(&path, &w.agent.1).await;
    assert_eq!(
        (read.body["dispatch_by"].as_str(), read.header("etag")),
        (Some("agent"), Some("\"1\"".into()))
    );
    // Someone of another project does not see them.
    let elsewhere = app.project("海景湾").await;
    let (_, outsider) = app.user("chen.agent", "agent", None, &[&elsewhere]).await;
    app.get(&path, &outsider).await.assert_problem(404, None);
    app.get(
        &format!("/api/v1/projects/{}/settings", uuid::Uuid::now_v7()),
        &app.admin_token,
    )
    .await
    .assert_problem(404, None);
}

async fn verify_before_dispatch_and_dispatch_by_each_on_and_off(app: &TestApp) {
    let w = world(app).await;
    let dispatch = json!({"department_id": w.engineering});
    // Defaults: a complaint is verified first and dispatched by a supervisor.
    let complaint = new_case(app, &w.agent.1, case_of(&w, "complaint")).await;
    let offered = actions(&complaint);
    assert!(
        offered.contains(&"verify".into()) && !offered.contains(&"dispatch".into()),
        "{offered:?}"
    );
    act(app, &w.agent.1, &complaint, "dispatch", dispatch.clone())
        .await
        .assert_problem(403, None);
    let refused = act(app, &w.supervisor.1, &complaint, "dispatch", dispatch.clone()).await;
    refused.assert_problem(409, Some("verify_before_dispatch"));
    assert!(refused.text.contains("verify_before_dispatch"), "{}", refused.text);
    let seen_by_supervisor = app
        .get(
            &format!("/api/v1/cases/{}", complaint["id"].as_str().unwrap()),
            &w.supervisor.1,
        )
        .await;
    assert!(!actions(&seen_by_supervisor.body).contains(&"dispatch".into()));
    let verified = act_ok(app, &w.agent.1, &complaint, "verify", json!({"note": "已电话核实"})).await;
    assert!(
        !actions(&verified).contains(&"dispatch".into()),
        "the agent still may not dispatch"
    );
    act(app, &w.agent.1, &verified, "dispatch", dispatch.clone())
        .await
        .assert_problem(403, None);
    let for_supervisor = app
        .get(
            &format!("/api/v1/cases/{}", complaint["id"].as_str().unwrap()),
            &w.supervisor.1,
        )
        .await;
    assert!(actions(&for_supervisor.body).contains(&"dispatch".into()));
    let dispatched = act_ok(app, &w.supervisor.1, &verified, "dispatch", dispatch.clone()).await;
    assert_eq!(dispatched["status"], "dispatched");
    // A repair is not governed: the agent dispatches it straight away.
    let repair = new_case(app, &w.agent.1, case_of(&w, "repair")).await;
    assert!(actions(&repair).contains(&"dispatch".into()));
    act_ok(app, &w.agent.1, &repair, "dispatch", dispatch.clone()).await;

    // Agents dispatch, verification still first.
    set_process(app, &w.project, true, "agent", "same_day").await;
    let complaint = new_case(app, &w.agent.1, case_of(&w, "complaint")).await;
    act(app, &w.agent.1, &complaint, "dispatch", dispatch.clone())
        .await
        .assert_problem(409, Some("verify_before_dispatch"));
    let verified = act_ok(app, &w.agent.1, &complaint, "verify", json!({"note": "核实"})).await;
    assert!(actions(&verified).contains(&"dispatch".into()));
    act_ok(app, &w.agent.1, &verified, "dispatch", dispatch.clone()).await;

    // No verification first, supervisors dispatch.
    set_process(app, &w.project, false, "supervisor", "same_day").await;
    let complaint = new_case(app, &w.agent.1, case_of(&w, "complaint")).await;
    act(app, &w.agent.1, &complaint, "dispatch", dispatch.clone())
        .await
        .assert_problem(403, None);
    act_ok(app, &w.supervisor.1, &complaint, "dispatch", dispatch.clone()).await;

    // Both off: the agent dispatches an unverified complaint.
    set_process(app, &w.project, false, "agent", "same_day").await;
    let complaint = new_case(app, &w.agent.1, case_of(&w, "complaint")).await;
    assert!(actions(&complaint).contains(&"dispatch".into()));
    let dispatched = act_ok(app, &w.agent.1, &complaint, "dispatch", dispatch).await;
    assert_eq!(dispatched["dispatch_count"], 1);
}

fn time(v: &Value) -> DateTime<Utc> {
    v.as_str().unwrap_or_else(|| panic!("not a time: {v}")).parse().unwrap()
}

async fn summary_verify(app: &TestApp, token: &str) -> (i64, i64) {
    let today = chrono::Utc::now().date_naive();
    let period = format!(
        "from={}&to={}",
        today - chrono::Duration::days(1),
        today + chrono::Duration::days(1)
    );
    let reply = app.get(&format!("/api/v1/stats/summary?{period}"), token).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text);
    let ratio = &reply.body["on_time_verify"];
    (
        ratio["numerator"].as_i64().unwrap_or_else(|| panic!("{}", reply.text)),
        ratio["denominator"].as_i64().unwrap(),
    )
}

async fn the_verify_deadline_is_the_business_day_or_the_policy_and_the_figure_follows_it(app: &TestApp) {
    let w = world(app).await;
    // A policy of one second, so that the policy's window and the business day differ.
    crate::deadlines::fast_policy(app, 1, 3600).await;
    let same_day = new_case(app, &w.agent.1, case_of(&w, "complaint")).await;
    let created = time(&same_day["created_at"]);
    let calendar = huiyin_domain::calendar::Calendar::office_hours();
    assert_eq!(
        time(&same_day["deadlines"]["verify"]["due_at"]),
        calendar.end_of_business_day(created),
        "same_day: the end of the Beijing business day (the next one's after hours)"
    );
    set_process(app, &w.project, true, "supervisor", "hours").await;
    let hours = new_case(app, &w.agent.1, case_of(&w, "complaint")).await;
    let due = time(&hours["deadlines"]["verify"]["due_at"]);
    assert_eq!(
        due - time(&hours["created_at"]),
        chrono::Duration::seconds(1),
        "hours: the policy's window"
    );
    tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
    // Both verified now: on time by the business day, late by the one-second policy.
    act_ok(app, &w.agent.1, &same_day, "verify", json!({"note": "核实"})).await;
    let late = act_ok(app, &w.agent.1, &hours, "verify", json!({"note": "核实"})).await;
    assert!(time(&late["verified_at"]) > due);
    assert_eq!(
        summary_verify(app, &w.supervisor.1).await,
        (1, 2),
        "the figure counts by the deadline"
    );
}

async fn cancelling_a_dispatched_case_waits_for_approval_and_the_figures_count_it(app: &TestApp) {
    let w = world(app).await;
    let (agent, supervisor) = (&w.agent.1, &w.supervisor.1);
    let dispatch = json!({"department_id": w.engineering});
    let repair = new_case(app, agent, case_of(&w, "repair")).await;
    let repair = act_ok(app, agent, &repair, "dispatch", dispatch.clone()).await;
    let resolve_due = repair["deadlines"]["resolve"]["due_at"].clone();
    // An agent's cancel becomes a request, with a reason and a note.
    act(app, agent, &repair, "cancel", json!({"reason": "withdrawn"}))
        .await
        .assert_problem(422, Some("note"));
    act(app, agent, &repair, "cancel", json!({"note": "业主撤回"}))
        .await
        .assert_problem(422, Some("reason"));
    let requested = act_ok(
        app,
        agent,
        &repair,
        "cancel",
        json!({"reason": "withdrawn", "note": "业主已自行修好"}),
    )
    .await;
    assert_eq!(requested["status"], "dispatched");
    assert_eq!(requested["cancel_request"]["reason"], "withdrawn");
    assert_eq!(requested["cancel_request"]["requested_by"], w.agent.0.as_str());
    assert_eq!(
        requested["deadlines"]["resolve"]["due_at"], resolve_due,
        "the deadlines stay"
    );
    assert_eq!(
        requested["current_work_order"]["status"], "open",
        "the work order stays"
    );
    assert!(!actions(&requested).contains(&"cancel".into()), "one request at a time");
    act(
        app,
        agent,
        &requested,
        "cancel",
        json!({"reason": "invalid", "note": "再次"}),
    )
    .await
    .assert_problem(409, Some("cancel_request"));
    act(app, agent, &requested, "cancel/approve", json!({}))
        .await
        .assert_problem(403, None);
    let path = format!("/api/v1/cases/{}", repair["id"].as_str().unwrap());
    let seen = app.get(&path, supervisor).await.body;
    assert!(actions(&seen).contains(&"cancel_approve".into()) && actions(&seen).contains(&"cancel_reject".into()));
    // Rejected: the case goes on.
    let rejected = act_ok(app, supervisor, &seen, "cancel/reject", json!({"note": "继续维修"})).await;
    assert_eq!(
        (rejected["status"].as_str(), &rejected["cancel_request"]),
        (Some("dispatched"), &Value::Null)
    );
    act(app, supervisor, &rejected, "cancel/approve", json!({}))
        .await
        .assert_problem(409, Some("cancel_request"));
    // Requested again and approved: cancelled with the requested reason, the order withdrawn.
    let requested = act_ok(
        app,
        agent,
        &rejected,
        "cancel",
        json!({"reason": "withdrawn", "note": "业主坚持撤回"}),
    )
    .await;
    let approved = act_ok(app, supervisor, &requested, "cancel/approve", json!({"note": "同意"})).await;
    assert_eq!(
        (approved["status"].as_str(), approved["cancel_reason"].as_str()),
        (Some("cancelled"), Some("withdrawn"))
    );
    assert_eq!(approved["work_orders"][0]["status"], "cancelled");
    let timeline = app.get(&format!("{path}/events"), supervisor).await;
    let names: Vec<&str> = timeline.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "register",
            "dispatch",
            "cancel_request",
            "cancel_reject",
            "cancel_request",
            "cancel_approve"
        ]
    );
    // A supervisor cancels a dispatched case directly; a registered case anyone cancels.
    let other = new_case(app, agent, case_of(&w, "repair")).await;
    let other = act_ok(app, agent, &other, "dispatch", dispatch).await;
    let direct = act_ok(app, supervisor, &other, "cancel", json!({"reason": "invalid"})).await;
    assert_eq!(
        (direct["status"].as_str(), direct["cancel_reason"].as_str()),
        (Some("cancelled"), Some("invalid"))
    );
    let third = new_case(app, agent, case_of(&w, "inquiry")).await;
    act_ok(app, agent, &third, "cancel", json!({"reason": "invalid"})).await;
    // The figures show them: cancelled by reason.
    let today = chrono::Utc::now().date_naive();
    let period = format!(
        "from={}&to={}",
        today - chrono::Duration::days(1),
        today + chrono::Duration::days(1)
    );
    let by_reason = app
        .get(
            &format!("/api/v1/stats/breakdown?by=cancel_reason&{period}"),
            supervisor,
        )
        .await;
    assert_eq!(by_reason.status, StatusCode::OK, "{}", by_reason.text);
    let cancelled = |key: &str| {
        by_reason.body["groups"]
            .as_array()
            .unwrap()
            .iter()
            .find(|g| g["key"] == key)
            .map(|g| g["cancelled"].as_i64().unwrap())
    };
    assert_eq!(
        (cancelled("withdrawn"), cancelled("invalid")),
        (Some(1), Some(2)),
        "{}",
        by_reason.text
    );
    assert_eq!(by_reason.body["total"]["cancelled"], 3);
}

async fn routing_rules_propose_a_department_and_auto_dispatch(app: &TestApp) {
    let w = world(app).await;
    let categories = app.get("/api/v1/categories", &w.agent.1).await;
    let category = categories.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["code"] == "complaint.major")
        .unwrap_or_else(|| panic!("{}", categories.text))["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let cleaning = app.department("保洁部", "cleaning").await;
    let global = json!({"category_id": category, "department_id": cleaning});
    app.post("/api/v1/routing-rules", &w.supervisor.1, global.clone())
        .await
        .assert_problem(403, None);
    let global = app.post("/api/v1/routing-rules", &app.admin_token, global).await;
    assert_eq!(global.status, StatusCode::CREATED, "{}", global.text);
    app.post(
        "/api/v1/routing-rules",
        &app.admin_token,
        json!({"category_id": category, "department_id": cleaning}),
    )
    .await
    .assert_problem(409, Some("category_id"));
    app.post(
        "/api/v1/routing-rules",
        &app.admin_token,
        json!({"category_id": category, "department_id": uuid::Uuid::now_v7()}),
    )
    .await
    .assert_problem(422, Some("department_id"));
    let project_rule = app
        .post(
            "/api/v1/routing-rules",
            &app.admin_token,
            json!({"project_id": w.project, "category_id": category, "kind": "repair",
                   "department_id": w.engineering, "auto_dispatch": true}),
        )
        .await;
    assert_eq!(project_rule.status, StatusCode::CREATED, "{}", project_rule.text);
    let complaint_rule = app
        .post(
            "/api/v1/routing-rules",
            &app.admin_token,
            json!({"project_id": w.project, "category_id": category, "kind": "complaint",
                   "department_id": w.engineering, "auto_dispatch": true}),
        )
        .await;
    assert_eq!(complaint_rule.status, StatusCode::CREATED, "{}", complaint_rule.text);
    // The proposal: the project's rule for its kind, else the company-wide one.
    let propose = |kind: &str| {
        format!(
            "/api/v1/routing-rules/match?project_id={}&category_id={category}&kind={kind}&severity=normal",
            w.project
        )
    };
    let repair_match = app.get(&propose("repair"), &w.agent.1).await;
    assert_eq!(repair_match.status, StatusCode::OK, "{}", repair_match.text);
    assert_eq!(repair_match.body["rule"]["id"], project_rule.body["id"]);
    assert_eq!(repair_match.body["department_id"], w.engineering.as_str());
    assert_eq!(repair_match.body["dispatches_at_registration"], true);
    let inquiry_match = app.get(&propose("inquiry"), &w.agent.1).await;
    assert_eq!(inquiry_match.body["department_id"], cleaning.as_str());
    assert_eq!(inquiry_match.body["dispatches_at_registration"], false);
    let complaint_match = app.get(&propose("complaint"), &w.agent.1).await;
    assert_eq!(
        (
            &complaint_match.body["rule"]["id"],
            &complaint_match.body["dispatches_at_registration"]
        ),
        (&complaint_rule.body["id"], &json!(false)),
        "complaints are verified first in this project"
    );
    // Scope: another project's staff see the company-wide rule, not this project's.
    let elsewhere = app.project("海景湾").await;
    let (_, outsider) = app.user("chen.agent", "agent", None, &[&elsewhere]).await;
    let theirs = app.get("/api/v1/routing-rules", &outsider).await;
    assert_eq!(theirs.body["items"].as_array().unwrap().len(), 1, "{}", theirs.text);
    app.get(
        &format!("/api/v1/routing-rules/{}", project_rule.body["id"].as_str().unwrap()),
        &outsider,
    )
    .await
    .assert_problem(404, None);
    app.get(&propose("repair"), &outsider).await.assert_problem(404, None);

    // A repair of the category is dispatched at registration by the system.
    let mut repair = case_of(&w, "repair");
    repair["category_id"] = json!(category);
    let registered = new_case(app, &w.agent.1, repair).await;
    assert_eq!(registered["status"], "dispatched", "{registered}");
    assert_eq!(
        (
            registered["department_id"].as_str(),
            registered["dispatch_count"].as_i64()
        ),
        (Some(w.engineering.as_str()), Some(1))
    );
    assert_eq!(registered["work_orders"].as_array().unwrap().len(), 1);
    let events = app
        .get(
            &format!("/api/v1/cases/{}/events", registered["id"].as_str().unwrap()),
            &w.agent.1,
        )
        .await;
    let dispatch = events.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["action"] == "dispatch")
        .unwrap_or_else(|| panic!("{}", events.text))
        .clone();
    assert_eq!(dispatch["actor_id"], Value::Null, "the system dispatched it");
    // A complaint waits for verification while the project verifies first; with that off it goes too.
    let mut complaint = case_of(&w, "complaint");
    complaint["category_id"] = json!(category);
    let waiting = new_case(app, &w.agent.1, complaint.clone()).await;
    assert_eq!(waiting["status"], "registered");
    set_process(app, &w.project, false, "supervisor", "same_day").await;
    let sent = new_case(app, &w.agent.1, complaint).await;
    assert_eq!(sent["status"], "dispatched", "{sent}");
    // Rules change with their version; deleting one falls back to the next most specific.
    let path = format!("/api/v1/routing-rules/{}", project_rule.body["id"].as_str().unwrap());
    let changed = app
        .put(
            &path,
            &app.admin_token,
            1,
            json!({"project_id": w.project, "category_id": category, "kind": "repair",
                   "department_id": w.engineering, "auto_dispatch": false}),
        )
        .await;
    assert_eq!(
        (changed.status, changed.body["version"].as_i64()),
        (StatusCode::OK, Some(2)),
        "{}",
        changed.text
    );
    app.put(
        &path,
        &app.admin_token,
        1,
        json!({"project_id": w.project, "category_id": category, "kind": "repair", "department_id": w.engineering}),
    )
    .await
    .assert_problem(412, None);
    let deleted = app
        .send(reqwest::Method::DELETE, &path, Some(&app.admin_token), None, &[])
        .await;
    assert_eq!(deleted.status, StatusCode::NO_CONTENT, "{}", deleted.text);
    let fallback = app.get(&propose("repair"), &w.agent.1).await;
    assert_eq!(fallback.body["department_id"], cleaning.as_str());
}
