//! Deadlines that act: SLA policies, breaches that escalate once per level, pausing, the
//! manual ladder, scheduled return visits, warnings and notifications — driven by running the
//! worker's rounds directly, on SQLite and PostgreSQL.

use std::time::Duration;

use huiyin::worker::{default_handler, handler_with, Worker};
use huiyin_store::jobs::QueuePolicy;
use huiyin_store::Store;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::case_steps::{act, act_ok, case_now, new_case, timeline_actions};
use crate::db_tests;
use crate::helpers::{Reply, TestApp};

db_tests!(
    a_breach_escalates_exactly_once_per_level,
    a_paused_case_does_not_breach_and_gets_its_time_back,
    manual_escalation_and_manager_only_deescalation,
    major_complaints_start_at_the_area_and_urgent_cases_notify_at_once,
    repairs_schedule_visits_and_resolution_schedules_the_satisfaction_visit,
    warnings_fire_once_per_window_and_are_acknowledged,
    two_workers_checking_one_room_fire_its_warning_once,
    sla_configuration_is_validated_and_versioned,
    notifications_are_private_and_can_be_marked_read,
);

pub struct World {
    pub project: String,
    pub property: String,
    pub engineering: String,
    pub agent: (String, String),
    pub manager: (String, String),
    pub supervisor: (String, String),
}

pub async fn world(app: &TestApp) -> World {
    let project = app.project("翠湖花园").await;
    let property = app.property(&project, None, "3栋", "2单元", "1201").await;
    let engineering = app.department("工程部", "engineering").await;
    let agent = app.user("li.agent", "agent", None, &[&project]).await;
    let manager = app.user("zhao.manager", "manager", None, &[&project]).await;
    let supervisor = app.user("qian.supervisor", "supervisor", None, &[&project]).await;
    // These tests run the SLA policy's clocks: the verification deadline is the policy's window
    // (`verify_deadline: hours`), and agents dispatch unverified complaints as before issue #19.
    crate::case_steps::process_off(app, &project).await;
    World {
        project,
        property,
        engineering,
        agent,
        manager,
        supervisor,
    }
}

/// The world with short SLA durations (seconds; `fast_policy(app, 3600, 7200)`), for tests
/// that drive return visits.
pub async fn fast_world(app: &TestApp) -> World {
    let w = world(app).await;
    fast_policy(app, 3600, 7200).await;
    w
}

/// A handler in the engineering department of the world's project.
pub async fn engineering_handler(app: &TestApp, w: &World) -> (String, String) {
    app.user("wang.eng", "handler", Some(&w.engineering), &[&w.project])
        .await
}

pub fn worker(app: &TestApp) -> Worker {
    let policy = QueuePolicy {
        lease: Duration::from_secs(30),
        backoff_base: Duration::from_millis(0),
        backoff_max: Duration::from_millis(0),
    };
    Worker::new(
        app.store.clone(),
        policy,
        Duration::from_millis(20),
        handler_with(app.store.clone(), Duration::from_secs(2), app.webhook_allowed.clone()),
    )
}

/// Runs worker rounds until one finds nothing to do.
pub async fn drain(worker: &Worker) {
    for _ in 0..50 {
        if worker.run_once().await.expect("worker round") == 0 {
            return;
        }
    }
}

/// A default policy with short durations (seconds) for every kind and severity.
pub async fn fast_policy(app: &TestApp, verify: i64, dispatch: i64) {
    let reply = app
        .post(
            "/api/v1/sla-policies",
            &app.admin_token,
            json!({"durations": {"verify_secs": verify, "dispatch_secs": dispatch, "resolve_secs": 3600,
                   "reply_secs": 3600, "contact_check_secs": 1, "outcome_check_secs": 3600,
                   "satisfaction_visit_secs": 1, "business_hours": false}}),
        )
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);
}

fn complaint(w: &World) -> Value {
    json!({"kind": "complaint", "channel": "phone", "property_id": w.property,
           "customer": {"name": "李女士", "phone": "13900139000"}, "title": "楼上漏水", "description": "卫生间渗水"})
}

async fn notifications(app: &TestApp, token: &str) -> Value {
    let reply = app.get("/api/v1/notifications", token).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text);
    reply.body
}

fn count(actions: &[String], name: &str) -> usize {
    actions.iter().filter(|a| *a == name).count()
}

async fn a_breach_escalates_exactly_once_per_level(app: &TestApp) {
    let w = world(app).await;
    // Verify due 2 s after registration, dispatch 6 s: the rounds below wait for a moment
    // measured from the case's own registration time with seconds of margin on each side, so
    // a slow (shared) machine cannot make a deadline pass early or late.
    fast_policy(app, 2, 6).await;
    let case = new_case(app, &w.agent.1, complaint(&w)).await;
    let registered: chrono::DateTime<chrono::Utc> = case["created_at"].as_str().unwrap().parse().unwrap();
    assert_eq!(case["level"], "project");
    assert_eq!(case["deadlines"]["verify"]["breached"], false);
    assert!(case["next_due_at"].is_string());

    // Nothing is due yet: a round changes nothing.
    let first = worker(app);
    first.run_once().await.unwrap();
    assert_eq!(case_now(app, &case).await["level"], "project");

    // Past the verify deadline: on PostgreSQL two workers (two pools, as two instances) sweep
    // together; SQLite has one in-process worker by design, so the second shares its pool.
    sleep_until(registered + chrono::Duration::milliseconds(3000)).await;
    let second_store = if app.database_url.starts_with("postgres") {
        Store::connect(&app.database_url).await.unwrap()
    } else {
        app.store.clone()
    };
    let second = Worker::new(
        second_store.clone(),
        first.policy.clone(),
        Duration::from_millis(20),
        default_handler(second_store, Duration::from_secs(2)),
    );
    let (a, b) = tokio::join!(first.run_once(), second.run_once());
    a.unwrap();
    b.unwrap();
    drain(&first).await;
    let after_verify = case_now(app, &case).await;
    assert_eq!(after_verify["level"], "area", "{after_verify}");
    assert_eq!(after_verify["deadlines"]["verify"]["breached"], true);
    assert_eq!(after_verify["deadlines"]["dispatch"]["breached"], false);
    assert_eq!(after_verify["overdue"], true);
    let actions = timeline_actions(app, &case).await;
    assert_eq!(count(&actions, "escalate"), 1, "{actions:?}");
    assert_eq!(count(&actions, "breach"), 1, "{actions:?}");

    // The overdue queue and filter find it.
    let overdue = app.get("/api/v1/cases?overdue=true", &app.admin_token).await;
    assert!(overdue.text.contains(case["id"].as_str().unwrap()), "{}", overdue.text);
    let escalated = app.get("/api/v1/cases?level=area", &app.admin_token).await;
    assert_eq!(escalated.body["items"].as_array().unwrap().len(), 1);

    // The manager of the project (default project/area contacts) heard of it.
    let note = notifications(app, &w.manager.1).await;
    assert!(
        note["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|n| n["kind"] == "escalated"),
        "{note}"
    );

    // The dispatch deadline passes too: one more level, then the ladder ends.
    sleep_until(registered + chrono::Duration::milliseconds(7000)).await;
    drain(&first).await;
    drain(&second).await;
    let after_dispatch = case_now(app, &case).await;
    assert_eq!(after_dispatch["level"], "company");
    assert_eq!(after_dispatch["deadlines"]["dispatch"]["breached"], true);
    for _ in 0..3 {
        first.run_once().await.unwrap();
    }
    let actions = timeline_actions(app, &case).await;
    assert_eq!(count(&actions, "escalate"), 2, "{actions:?}");
    assert_eq!(count(&actions, "breach"), 2, "{actions:?}");
    assert_eq!(
        case_now(app, &case).await["version"],
        after_dispatch["version"],
        "idle rounds change nothing"
    );

    // Dispatching meets the dispatch deadline; the case is no longer overdue until resolve is due.
    let dispatched = act_ok(
        app,
        &w.agent.1,
        &after_dispatch,
        "dispatch",
        json!({"department_id": w.engineering}),
    )
    .await;
    assert_eq!(dispatched["overdue"], false, "{dispatched}");
    assert_eq!(dispatched["deadlines"]["dispatch"]["met"], true);
    // The worker's escalations reach the statistics (kept in the same transaction).
    let summary = todays_summary(app).await;
    assert_eq!(
        summary.body["escalations"],
        json!({"area": 1, "company": 1}),
        "{}",
        summary.text
    );
}

/// Sleeps until `at` (at once when it has passed).
async fn sleep_until(at: chrono::DateTime<chrono::Utc>) {
    if let Ok(left) = (at - chrono::Utc::now()).to_std() {
        tokio::time::sleep(left).await;
    }
}

async fn a_paused_case_does_not_breach_and_gets_its_time_back(app: &TestApp) {
    let w = world(app).await;
    fast_policy(app, 2, 3600).await;
    let case = new_case(app, &w.agent.1, complaint(&w)).await;
    let verify_due = case["deadlines"]["verify"]["due_at"].as_str().unwrap().to_owned();
    let paused = act_ok(
        app,
        &w.agent.1,
        &case,
        "pause",
        json!({"reason": "业主出差，下周一再联系"}),
    )
    .await;
    assert_eq!(paused["paused"], true);
    assert_eq!(paused["deadlines"]["pause_reason"], "业主出差，下周一再联系");
    assert!(paused["next_due_at"].is_null());
    assert!(paused["available_actions"]
        .as_array()
        .unwrap()
        .contains(&json!("resume")));
    assert!(!paused["available_actions"]
        .as_array()
        .unwrap()
        .contains(&json!("pause")));
    // Pausing twice is refused.
    act(app, &w.agent.1, &paused, "pause", json!({"reason": "again"}))
        .await
        .assert_problem(409, Some("paused"));

    tokio::time::sleep(Duration::from_millis(2300)).await;
    drain(&worker(app)).await;
    let still = case_now(app, &case).await;
    assert_eq!(still["level"], "project", "a paused case does not breach");
    assert_eq!(still["deadlines"]["verify"]["breached"], false);
    assert_eq!(still["overdue"], false);

    let resumed = act_ok(app, &w.agent.1, &still, "resume", json!({"note": "业主已回来"})).await;
    assert_eq!(resumed["paused"], false);
    let new_due = resumed["deadlines"]["verify"]["due_at"].as_str().unwrap();
    let old = chrono::DateTime::parse_from_rfc3339(&verify_due).unwrap();
    let new = chrono::DateTime::parse_from_rfc3339(new_due).unwrap();
    assert!(
        new - old >= chrono::Duration::milliseconds(2200),
        "the pause is given back: {old} → {new}"
    );
    let actions = timeline_actions(app, &case).await;
    assert!(actions.contains(&"pause".to_owned()) && actions.contains(&"resume".to_owned()));
    // Resuming a running clock is refused.
    act(app, &w.agent.1, &resumed, "resume", json!({}))
        .await
        .assert_problem(409, Some("paused"));
    // A handling action on a paused case restarts the clock by itself.
    let paused_again = act_ok(app, &w.agent.1, &resumed, "pause", json!({"reason": "等业主确认时间"})).await;
    let dispatched = act_ok(
        app,
        &w.agent.1,
        &paused_again,
        "dispatch",
        json!({"department_id": w.engineering}),
    )
    .await;
    assert_eq!(dispatched["paused"], false);
    assert!(dispatched["next_due_at"].is_string());
}

async fn manual_escalation_and_manager_only_deescalation(app: &TestApp) {
    let w = world(app).await;
    let case = new_case(app, &w.agent.1, complaint(&w)).await;
    act(app, &w.agent.1, &case, "escalate", json!({"reason": " "}))
        .await
        .assert_problem(422, Some("reason"));
    let up = act_ok(
        app,
        &w.agent.1,
        &case,
        "escalate",
        json!({"reason": "业主多次来电，要求片区经理出面"}),
    )
    .await;
    assert_eq!(up["level"], "area");
    let note = notifications(app, &w.manager.1).await;
    assert!(note["items"]
        .as_array()
        .unwrap()
        .iter()
        .any(|n| n["kind"] == "escalated"));
    // Agents and supervisors cannot lower it; a manager can.
    act(app, &w.agent.1, &up, "deescalate", json!({"reason": "误升级"}))
        .await
        .assert_problem(403, None);
    act(app, &w.supervisor.1, &up, "deescalate", json!({"reason": "误升级"}))
        .await
        .assert_problem(403, None);
    let down = act_ok(
        app,
        &w.manager.1,
        &up,
        "deescalate",
        json!({"reason": "项目已妥善处理"}),
    )
    .await;
    assert_eq!(down["level"], "project");
    assert_eq!(down["peak_level"], "area", "the peak survives de-escalation");
    act(app, &w.manager.1, &down, "deescalate", json!({"reason": "again"}))
        .await
        .assert_problem(409, Some("level"));
    let top = act_ok(app, &w.manager.1, &down, "escalate", json!({"reason": "1"})).await;
    let top = act_ok(app, &w.manager.1, &top, "escalate", json!({"reason": "2"})).await;
    assert_eq!(top["level"], "company");
    assert!(!top["available_actions"]
        .as_array()
        .unwrap()
        .contains(&json!("escalate")));
    act(app, &w.manager.1, &top, "escalate", json!({"reason": "3"}))
        .await
        .assert_problem(409, Some("level"));
    // Configured contacts replace the defaults for their level.
    let special = app.user("sun.head", "supervisor", None, &[&w.project]).await;
    let contact = app
        .post(
            "/api/v1/escalation-contacts",
            &app.admin_token,
            json!({"level": "area", "project_id": w.project, "user_id": special.0}),
        )
        .await;
    assert_eq!(contact.status, StatusCode::CREATED, "{}", contact.text);
    let other = new_case(app, &w.agent.1, complaint(&w)).await;
    act_ok(app, &w.agent.1, &other, "escalate", json!({"reason": "投诉升级"})).await;
    let told = notifications(app, &special.1).await;
    assert_eq!(told["unread"], 1, "{told}");
    let manager_after = notifications(app, &w.manager.1).await;
    assert_eq!(
        manager_after["items"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|n| n["case_id"] == other["id"])
            .count(),
        0,
        "the configured contact replaces the default area contacts"
    );
    // The statistics count cases by the highest level they reached, also after de-escalation.
    let summary = todays_summary(app).await;
    assert_eq!(summary.status, StatusCode::OK, "{}", summary.text);
    assert_eq!(
        summary.body["escalations"],
        json!({"area": 2, "company": 1}),
        "{}",
        summary.text
    );
}

async fn major_complaints_start_at_the_area_and_urgent_cases_notify_at_once(app: &TestApp) {
    let w = world(app).await;
    let mut body = complaint(&w);
    body["severity"] = json!("major");
    let major = new_case(app, &w.agent.1, body).await;
    assert_eq!(major["level"], "area");
    let mut repair = complaint(&w);
    repair["kind"] = json!("repair");
    repair["severity"] = json!("urgent");
    let urgent = new_case(app, &w.agent.1, repair).await;
    assert_eq!(urgent["level"], "project");
    let told = notifications(app, &w.manager.1).await;
    let kinds: Vec<&Value> = told["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["kind"] == "urgent_case")
        .collect();
    assert_eq!(kinds.len(), 2, "{told}");
    // The supervisor is a project-level default contact, not an area one.
    let supervisor = notifications(app, &w.supervisor.1).await;
    assert!(supervisor["items"]
        .as_array()
        .unwrap()
        .iter()
        .any(|n| n["case_id"] == urgent["id"]));
    assert!(!supervisor["items"]
        .as_array()
        .unwrap()
        .iter()
        .any(|n| n["case_id"] == major["id"]));
}

async fn repairs_schedule_visits_and_resolution_schedules_the_satisfaction_visit(app: &TestApp) {
    let w = fast_world(app).await;
    let handler = engineering_handler(app, &w).await;
    let mut body = complaint(&w);
    body["kind"] = json!("repair");
    let case = new_case(app, &w.agent.1, body).await;
    let due = app.get("/api/v1/visits?status=due", &w.agent.1).await;
    assert_eq!(due.status, StatusCode::OK, "{}", due.text);
    let purposes: Vec<&str> = due.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["purpose"].as_str().unwrap())
        .collect();
    assert_eq!(purposes, ["contact_check", "outcome_check"], "{}", due.text);

    // The contact check (1 s in this policy) falls due: overdue, and the registrar is told once.
    tokio::time::sleep(Duration::from_millis(1200)).await;
    drain(&worker(app)).await;
    drain(&worker(app)).await;
    let overdue = app.get("/api/v1/visits?status=overdue", &w.agent.1).await;
    let items = overdue.body["items"].as_array().unwrap();
    assert_eq!(items.len(), 1, "{}", overdue.text);
    assert_eq!(items[0]["purpose"], "contact_check");
    assert_eq!(items[0]["overdue"], true);
    assert_eq!(items[0]["case_number"], case["number"]);
    let told = notifications(app, &w.agent.1).await;
    assert_eq!(
        told["items"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|n| n["kind"] == "visit_due")
            .count(),
        1,
        "{told}"
    );
    let visit_id = items[0]["id"].as_str().unwrap();
    let recorded = app
        .post(
            &format!("/api/v1/visits/{visit_id}/record"),
            &w.agent.1,
            json!({"reached": true, "note": "王师傅已联系业主，约好明早上门"}),
        )
        .await;
    assert_eq!(recorded.status, StatusCode::OK, "{}", recorded.text);
    assert_eq!(recorded.body["status"], "done");
    app.post(
        &format!("/api/v1/visits/{visit_id}/record"),
        &w.agent.1,
        json!({"reached": true}),
    )
    .await
    .assert_problem(409, Some("status"));
    // Handlers may not record return visits; other projects do not see them.
    let outcome_id = app.get("/api/v1/visits?status=due", &w.agent.1).await.body["items"][0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    app.post(
        &format!("/api/v1/visits/{outcome_id}/record"),
        &handler.1,
        json!({"reached": true}),
    )
    .await
    .assert_problem(403, None);
    let elsewhere = app.project("别的项目").await;
    let outsider = app.user("zhou.agent", "agent", None, &[&elsewhere]).await;
    assert_eq!(
        app.get("/api/v1/visits?status=due", &outsider.1).await.body["items"]
            .as_array()
            .unwrap()
            .len(),
        0
    );

    // Resolution schedules the satisfaction visit; the case's visit action completes it.
    let dispatched = act_ok(
        app,
        &w.agent.1,
        &case,
        "dispatch",
        json!({"department_id": w.engineering, "assignee_id": handler.0}),
    )
    .await;
    let handler_told = notifications(app, &handler.1).await;
    assert!(handler_told["items"]
        .as_array()
        .unwrap()
        .iter()
        .any(|n| n["kind"] == "assigned"));
    let resolved = act_ok(app, &handler.1, &dispatched, "resolve", json!({"result": "已更换水管"})).await;
    assert!(resolved["deadlines"]["reply"]["due_at"].is_string());
    let satisfaction = app
        .get("/api/v1/visits?status=due&purpose=satisfaction", &w.agent.1)
        .await;
    assert_eq!(
        satisfaction.body["items"].as_array().unwrap().len(),
        1,
        "{}",
        satisfaction.text
    );
    app.post(
        &format!(
            "/api/v1/visits/{}/record",
            satisfaction.body["items"][0]["id"].as_str().unwrap()
        ),
        &w.agent.1,
        json!({"reached": true}),
    )
    .await
    // A satisfaction visit records a level (or `unreachable`), never a bare `reached`.
    .assert_problem(422, Some("outcome"));
    let replied = act_ok(
        app,
        &w.agent.1,
        &resolved,
        "reply",
        json!({"content": "已修好", "method": "phone"}),
    )
    .await;
    let closed = act_ok(
        app,
        &w.agent.1,
        &replied,
        "visit",
        json!({"reached": true, "satisfaction": "very_satisfied"}),
    )
    .await;
    assert_eq!(closed["status"], "closed");
    let done = app.get("/api/v1/visits?status=done", &w.agent.1).await;
    let done_purposes: Vec<&str> = done.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["purpose"].as_str().unwrap())
        .collect();
    assert!(
        done_purposes.contains(&"satisfaction") && done_purposes.contains(&"contact_check"),
        "{}",
        done.text
    );
    // Closing cancels the outcome check nobody made.
    assert_eq!(
        app.get("/api/v1/visits?status=due", &w.agent.1).await.body["items"]
            .as_array()
            .unwrap()
            .len(),
        0
    );
    // A repair resolved before anyone made the contact check: the check is moot and goes away.
    let mut body = complaint(&w);
    body["kind"] = json!("repair");
    let quick = new_case(app, &w.agent.1, body).await;
    let quick = act_ok(
        app,
        &w.agent.1,
        &quick,
        "dispatch",
        json!({"department_id": w.engineering}),
    )
    .await;
    act_ok(app, &handler.1, &quick, "resolve", json!({"result": "当天修好"})).await;
    let left = app
        .get(
            &format!("/api/v1/visits?status=due&case_id={}", quick["id"].as_str().unwrap()),
            &w.agent.1,
        )
        .await;
    let left: Vec<&str> = left.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["purpose"].as_str().unwrap())
        .collect();
    assert_eq!(left, ["satisfaction", "outcome_check"], "soonest due first");
}

async fn warnings_fire_once_per_window_and_are_acknowledged(app: &TestApp) {
    let w = world(app).await;
    let rules = app.get("/api/v1/warning-rules", &w.supervisor.1).await;
    assert_eq!(rules.status, StatusCode::OK, "{}", rules.text);
    assert_eq!(rules.header("etag").as_deref(), Some("\"0\""));
    let mut wanted = rules.body.clone();
    wanted["property_cluster"] = json!({"enabled": true, "count": 2, "days": 30});
    wanted["building_cluster"]["enabled"] = json!(false);
    wanted["category_surge"]["enabled"] = json!(false);
    // Supervisors read the rules; administrators change them (company-wide).
    app.put("/api/v1/warning-rules", &w.supervisor.1, 0, wanted.clone())
        .await
        .assert_problem(403, None);
    let saved = app
        .put("/api/v1/warning-rules", &app.admin_token, 0, wanted.clone())
        .await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.text);
    let mut bad = wanted.clone();
    bad["property_cluster"]["count"] = json!(1);
    app.put("/api/v1/warning-rules", &app.admin_token, 1, bad)
        .await
        .assert_problem(422, Some("property_cluster.count"));

    let runner = worker(app);
    new_case(app, &w.agent.1, complaint(&w)).await;
    drain(&runner).await;
    let none = app.get("/api/v1/warnings", &w.supervisor.1).await;
    assert_eq!(none.body["items"].as_array().unwrap().len(), 0, "{}", none.text);
    // The second complaint on the same room by the same customer: a cluster and a repeat.
    new_case(app, &w.agent.1, complaint(&w)).await;
    drain(&runner).await;
    let fired = app.get("/api/v1/warnings?status=open", &w.supervisor.1).await;
    let rules_fired: Vec<&str> = fired.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["rule"].as_str().unwrap())
        .collect();
    assert!(rules_fired.contains(&"property_cluster"), "{}", fired.text);
    assert!(rules_fired.contains(&"repeat_customer"), "{}", fired.text);
    let cluster = fired.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["rule"] == "property_cluster")
        .unwrap()
        .clone();
    assert_eq!(cluster["case_ids"].as_array().unwrap().len(), 2);
    let cases = cluster["cases"].as_array().unwrap();
    assert_eq!(cases.len(), 2, "{cluster}");
    for (case, id) in cases.iter().zip(cluster["case_ids"].as_array().unwrap()) {
        assert_eq!(&case["id"], id, "{cluster}");
        assert!(case["number"].as_str().unwrap().starts_with("TS-"), "{cluster}");
    }
    let told = notifications(app, &w.supervisor.1).await;
    assert!(told["items"].as_array().unwrap().iter().any(|n| n["kind"] == "warning"));

    // A third complaint within the window does not fire the same cluster again.
    new_case(app, &w.agent.1, complaint(&w)).await;
    drain(&runner).await;
    let again = app.get("/api/v1/warnings?rule=property_cluster", &w.supervisor.1).await;
    assert_eq!(again.body["items"].as_array().unwrap().len(), 1, "{}", again.text);

    // Agents cannot see or acknowledge warnings; a supervisor acknowledges once.
    let path = format!("/api/v1/warnings/{}/acknowledge", cluster["id"].as_str().unwrap());
    app.post(&path, &w.agent.1, json!({})).await.assert_problem(403, None);
    let ack = app
        .post(&path, &w.supervisor.1, json!({"note": "已安排工程部排查"}))
        .await;
    assert_eq!(ack.status, StatusCode::OK, "{}", ack.text);
    assert!(ack.body["acknowledged_at"].is_string());
    app.post(&path, &w.supervisor.1, json!({}))
        .await
        .assert_problem(409, None);
    let open = app
        .get("/api/v1/warnings?status=open&rule=property_cluster", &w.supervisor.1)
        .await;
    assert_eq!(open.body["items"].as_array().unwrap().len(), 0);
}

/// Two complaints on one room checked at the same moment by two workers (two pools on
/// PostgreSQL, as two instances): each check sees the cluster, but it fires once.
async fn two_workers_checking_one_room_fire_its_warning_once(app: &TestApp) {
    let w = world(app).await;
    let mut rules = app.get("/api/v1/warning-rules", &w.supervisor.1).await.body;
    rules["property_cluster"] = json!({"enabled": true, "count": 2, "days": 30});
    let saved = app.put("/api/v1/warning-rules", &app.admin_token, 0, rules).await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.text);
    let first = new_case(app, &w.agent.1, complaint(&w)).await;
    let second = new_case(app, &w.agent.1, complaint(&w)).await;
    let other_store = if app.database_url.starts_with("postgres") {
        Store::connect(&app.database_url).await.unwrap()
    } else {
        app.store.clone()
    };
    let id = |case: &Value| case["id"].as_str().unwrap().parse().unwrap();
    let (a, b) = tokio::join!(
        huiyin_store::warnings::evaluate_for_case(&app.store.db, id(&first)),
        huiyin_store::warnings::evaluate_for_case(&other_store.db, id(&second)),
    );
    let fired = a.unwrap() + b.unwrap();
    let listed = app.get("/api/v1/warnings?rule=property_cluster", &w.supervisor.1).await;
    assert_eq!(listed.body["items"].as_array().unwrap().len(), 1, "{}", listed.text);
    let repeats = app.get("/api/v1/warnings?rule=repeat_customer", &w.supervisor.1).await;
    let repeat_count = repeats.body["items"].as_array().unwrap().len();
    assert!(repeat_count <= 1, "{}", repeats.text);
    assert_eq!(fired, 1 + repeat_count, "each firing counted once");
}

async fn sla_configuration_is_validated_and_versioned(app: &TestApp) {
    let w = world(app).await;
    let durations = json!({"verify_secs": 3600, "dispatch_secs": 7200, "resolve_secs": 86400, "reply_secs": 3600,
        "contact_check_secs": 86400, "outcome_check_secs": 172800, "satisfaction_visit_secs": 86400, "business_hours": true});
    let created = app
        .post(
            "/api/v1/sla-policies",
            &app.admin_token,
            json!({"kind": "repair", "severity": "urgent", "durations": durations}),
        )
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
    app.post(
        "/api/v1/sla-policies",
        &app.admin_token,
        json!({"kind": "repair", "severity": "urgent", "durations": durations}),
    )
    .await
    .assert_problem(409, Some("kind"));
    let mut zero = durations.clone();
    zero["verify_secs"] = json!(0);
    app.post("/api/v1/sla-policies", &app.admin_token, json!({"durations": zero}))
        .await
        .assert_problem(422, Some("durations.verify_secs"));
    app.post("/api/v1/sla-policies", &w.agent.1, json!({"durations": durations}))
        .await
        .assert_problem(403, None);
    let id = created.id();
    let path = format!("/api/v1/sla-policies/{id}");
    let mut longer = durations.clone();
    longer["resolve_secs"] = json!(172800);
    let stale = app
        .put(
            &path,
            &app.admin_token,
            7,
            json!({"kind": "repair", "severity": "urgent", "durations": longer}),
        )
        .await;
    stale.assert_problem(412, None);
    let updated = app
        .put(
            &path,
            &app.admin_token,
            1,
            json!({"kind": "repair", "severity": "urgent", "durations": longer}),
        )
        .await;
    assert_eq!(updated.status, StatusCode::OK, "{}", updated.text);
    assert_eq!(updated.body["durations"]["resolve_secs"], 172800);
    assert_eq!(updated.body["version"], 2);

    // The business calendar: validated, versioned, and used by business-hours policies.
    let calendar = app.get("/api/v1/sla-calendar", &w.agent.1).await;
    assert_eq!(calendar.status, StatusCode::OK);
    assert_eq!(calendar.body["working_weekdays"], json!([1, 2, 3, 4, 5]));
    let mut holidays = calendar.body.clone();
    holidays["holidays"] = json!(["2026-10-01", "2026-10-02"]);
    holidays["make_up_days"] = json!(["2026-10-01"]);
    app.put("/api/v1/sla-calendar", &app.admin_token, 0, holidays.clone())
        .await
        .assert_problem(422, Some("make_up_days"));
    holidays["make_up_days"] = json!(["2026-09-27"]);
    holidays["day_end"] = json!("08:00");
    app.put("/api/v1/sla-calendar", &app.admin_token, 0, holidays.clone())
        .await
        .assert_problem(422, Some("day_end"));
    holidays["day_end"] = json!("18:00");
    let saved = app
        .put("/api/v1/sla-calendar", &app.admin_token, 0, holidays.clone())
        .await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.text);
    assert_eq!(saved.header("etag").as_deref(), Some("\"1\""));
    app.put("/api/v1/sla-calendar", &app.admin_token, 0, holidays)
        .await
        .assert_problem(412, None);

    // An urgent repair now gets business-hours deadlines: verify is due within working time.
    let mut body = complaint(&w);
    body["kind"] = json!("repair");
    body["severity"] = json!("urgent");
    let case = new_case(app, &w.agent.1, body).await;
    let due = chrono::DateTime::parse_from_rfc3339(case["deadlines"]["verify"]["due_at"].as_str().unwrap())
        .unwrap()
        .with_timezone(&chrono_tz::Asia::Shanghai);
    let local = due.time();
    assert!(
        local >= chrono::NaiveTime::from_hms_opt(9, 0, 0).unwrap()
            && local <= chrono::NaiveTime::from_hms_opt(18, 0, 0).unwrap(),
        "due {due} falls in working hours"
    );

    let listed = app.get("/api/v1/sla-policies", &w.agent.1).await;
    assert_eq!(listed.body["items"].as_array().unwrap().len(), 1);
    let deleted = app.send(Method::DELETE, &path, Some(&app.admin_token), None, &[]).await;
    assert_eq!(deleted.status, StatusCode::NO_CONTENT);
    app.send(Method::DELETE, &path, Some(&app.admin_token), None, &[])
        .await
        .assert_problem(404, None);
}

async fn notifications_are_private_and_can_be_marked_read(app: &TestApp) {
    let w = world(app).await;
    let mut body = complaint(&w);
    body["severity"] = json!("urgent");
    new_case(app, &w.agent.1, body.clone()).await;
    new_case(app, &w.agent.1, body).await;
    let mine = notifications(app, &w.manager.1).await;
    assert_eq!(mine["unread"], 2, "{mine}");
    let first = mine["items"][0]["id"].as_str().unwrap().to_owned();
    // Someone else's notification is not found.
    app.post(&format!("/api/v1/notifications/{first}/read"), &w.agent.1, json!({}))
        .await
        .assert_problem(404, None);
    let read = app
        .post(&format!("/api/v1/notifications/{first}/read"), &w.manager.1, json!({}))
        .await;
    assert_eq!(read.status, StatusCode::OK, "{}", read.text);
    assert!(read.body["read_at"].is_string());
    assert_eq!(notifications(app, &w.manager.1).await["unread"], 1);
    let unread = app.get("/api/v1/notifications?unread=true", &w.manager.1).await;
    assert_eq!(unread.body["items"].as_array().unwrap().len(), 1);
    let all = app
        .post("/api/v1/notifications/read-all", &w.manager.1, json!({}))
        .await;
    assert_eq!(all.body["marked"], 1, "{}", all.text);
    assert_eq!(notifications(app, &w.manager.1).await["unread"], 0);
}

/// The statistics summary of today (Beijing time), as the admin sees it.
async fn todays_summary(app: &TestApp) -> Reply {
    let today = chrono::Utc::now()
        .with_timezone(&chrono_tz::Asia::Shanghai)
        .format("%Y-%m-%d")
        .to_string();
    app.get(
        &format!("/api/v1/stats/summary?from={today}&to={today}"),
        &app.admin_token,
    )
    .await
}
