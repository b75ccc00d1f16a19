//! Visit outcomes and repeats (issue #19), on SQLite and PostgreSQL: the 24 h / 48 h checks'
//! outcomes, a not-done repair dispatched again, unreachable customers tried again and then
//! closed as unreachable, checks refused before their margin, the clocks from `reported_at`,
//! the second dissatisfied visit raising the level exactly once, the third waiting for a
//! supervisor, repeat repairs (二次报修) and warning rules for repairs.

use chrono::{DateTime, Duration, Utc};
use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::case_steps::{
    act, act_ok, case_now, dispatch_to, new_case, notification_titles, record_visit as record, resolve_and_reply,
    timeline_actions, visit_of, visits_of,
};
use crate::db_tests;
use crate::deadlines::{drain, engineering_handler, fast_world, worker, world, World};
use crate::helpers::TestApp;

db_tests!(
    checks_record_outcomes_and_refuse_early_ones,
    a_repair_not_done_at_48_hours_goes_back_to_the_department,
    unreachable_customers_are_retried_then_closed_as_unreachable,
    checks_run_from_when_the_customer_reported,
    the_second_dissatisfied_visit_escalates_once_and_the_third_waits_for_a_supervisor,
    repeat_repairs_are_flagged_listed_and_counted,
    warning_rules_can_watch_repairs,
);

fn repair(w: &World) -> Value {
    json!({"kind": "repair", "channel": "phone", "property_id": w.property,
           "customer": {"name": "李女士", "phone": "13900139000"}, "title": "水管漏水", "description": "厨房水管滴水"})
}

fn time(v: &Value) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(v.as_str().unwrap_or_else(|| panic!("not a time: {v}")))
        .unwrap()
        .with_timezone(&Utc)
}

/// Saves the project's visit settings (the manager), returning the new version.
async fn visit_settings(app: &TestApp, w: &World, version: i64, body: Value) -> i64 {
    let reply = app
        .put(
            &format!("/api/v1/visit-settings/{}", w.project),
            &w.manager.1,
            version,
            body,
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text);
    reply.header("etag").unwrap().trim_matches('"').parse().unwrap()
}

async fn checks_record_outcomes_and_refuse_early_ones(app: &TestApp) {
    let w = fast_world(app).await;
    let handler = engineering_handler(app, &w).await;
    // The defaults, then nonsense named, then a zero margin.
    let read = app
        .get(&format!("/api/v1/visit-settings/{}", w.project), &w.agent.1)
        .await;
    assert_eq!(read.status, StatusCode::OK, "{}", read.text);
    assert_eq!(
        (
            &read.body["retry_delay_hours"],
            &read.body["max_tries"],
            &read.body["early_margin_hours"],
            &read.body["repeat_window_days"]
        ),
        (&json!(4), &json!(3), &json!(2), &json!(30))
    );
    let path = format!("/api/v1/visit-settings/{}", w.project);
    app.put(
        &path,
        &w.manager.1,
        0,
        json!({"visits_by": "service_desk", "max_tries": 0}),
    )
    .await
    .assert_problem(422, Some("max_tries"));
    app.put(
        &path,
        &w.manager.1,
        0,
        json!({"visits_by": "service_desk", "early_margin_hours": 25}),
    )
    .await
    .assert_problem(422, Some("early_margin_hours"));
    let v = visit_settings(
        app,
        &w,
        0,
        json!({"visits_by": "service_desk", "early_margin_hours": 0}),
    )
    .await;
    app.put(&path, &w.manager.1, 0, json!({"visits_by": "service_desk"}))
        .await
        .assert_problem(412, None);

    let case = new_case(app, &w.agent.1, repair(&w)).await;
    act_ok(
        app,
        &w.agent.1,
        &case,
        "dispatch",
        json!({"department_id": w.engineering, "assignee_id": handler.0}),
    )
    .await;
    // The outcome check is due in an hour: with no margin it cannot be recorded yet.
    let outcome_check = visit_of(app, &w.agent.1, &case, "outcome_check").await;
    record(app, &w.agent.1, &outcome_check, json!({"outcome": "done"}))
        .await
        .assert_problem(409, Some("due_at"));
    // The contact check (1 s) takes only its own outcomes.
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    let contact = visit_of(app, &w.agent.1, &case, "contact_check").await;
    record(app, &w.agent.1, &contact, json!({"outcome": "done"}))
        .await
        .assert_problem(422, Some("outcome"));
    record(
        app,
        &w.agent.1,
        &contact,
        json!({"outcome": "contacted", "reached": false}),
    )
    .await
    .assert_problem(422, Some("reached"));
    record(app, &w.agent.1, &contact, json!({}))
        .await
        .assert_problem(422, Some("outcome"));
    record(app, &handler.1, &contact, json!({"outcome": "not_contacted"}))
        .await
        .assert_problem(403, None);
    let elsewhere = app.project("别的项目").await;
    let outsider = app.user("zhou.agent", "agent", None, &[&elsewhere]).await;
    record(app, &outsider.1, &contact, json!({"outcome": "not_contacted"}))
        .await
        .assert_problem(404, None);
    let done = record(
        app,
        &w.agent.1,
        &contact,
        json!({"outcome": "not_contacted", "note": "师傅还没打电话"}),
    )
    .await;
    assert_eq!(done.status, StatusCode::OK, "{}", done.text);
    assert_eq!(
        (&done.body["status"], &done.body["outcome"]),
        (&json!("done"), &json!("not_contacted"))
    );
    assert_eq!(done.body["reached"], true);
    // The department (here its assignee) hears that nobody has called the customer.
    let told = notification_titles(app, &handler.1, "check_failed").await;
    assert_eq!(told.len(), 1, "{told:?}");
    record(app, &w.agent.1, &contact, json!({"outcome": "contacted"}))
        .await
        .assert_problem(409, Some("status"));

    // Back to the default margin (2 h): the outcome check due in an hour may be recorded; an
    // old client's `reached: true` means done.
    visit_settings(app, &w, v, json!({"visits_by": "service_desk"})).await;
    let old = record(app, &w.agent.1, &outcome_check, json!({"reached": true})).await;
    assert_eq!(old.status, StatusCode::OK, "{}", old.text);
    assert_eq!(old.body["outcome"], "done");
    assert_eq!(case_now(app, &case).await["dispatch_count"], 1);
}

async fn a_repair_not_done_at_48_hours_goes_back_to_the_department(app: &TestApp) {
    let w = fast_world(app).await;
    let handler = engineering_handler(app, &w).await;
    let case = new_case(app, &w.agent.1, repair(&w)).await;
    let dispatched = dispatch_to(app, &w.agent.1, &case, &w.engineering).await;
    act_ok(app, &handler.1, &dispatched, "accept", json!({})).await;
    let check = visit_of(app, &w.agent.1, &case, "outcome_check").await;
    let recorded = record(
        app,
        &w.agent.1,
        &check,
        json!({"outcome": "not_done", "note": "师傅没来"}),
    )
    .await;
    assert_eq!(recorded.status, StatusCode::OK, "{}", recorded.text);
    assert_eq!(recorded.body["outcome"], "not_done");
    assert_eq!(recorded.body["case_status"], "dispatched");
    let now = case_now(app, &case).await;
    assert_eq!(
        (&now["status"], &now["dispatch_count"]),
        (&json!("dispatched"), &json!(2))
    );
    let orders = now["work_orders"].as_array().unwrap();
    assert_eq!(orders.len(), 2, "{now}");
    assert!(orders.iter().any(|o| o["status"] == "cancelled"));
    assert!(orders.iter().all(|o| o["department_id"] == json!(w.engineering)));
    // The department is told and finds the case in its queue again.
    let told = notification_titles(app, &handler.1, "assigned").await;
    assert!(told.iter().any(|t| t.contains("第 2 次派单")), "{told:?}");
    let queue = app.get("/api/v1/cases?queue=department", &handler.1).await;
    assert_eq!(queue.status, StatusCode::OK, "{}", queue.text);
    assert!(queue.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["id"] == case["id"] && c["dispatch_count"] == 2));
    let actions = timeline_actions(app, &case).await;
    assert!(
        actions.iter().any(|a| a == "visit_check") && actions.iter().any(|a| a == "redispatch"),
        "{actions:?}"
    );

    // Resolved already, but the customer says it is not done: back out, and the satisfaction
    // visit of that resolution is moot.
    let resolved = new_case(app, &w.agent.1, repair(&w)).await;
    let r = dispatch_to(app, &w.agent.1, &resolved, &w.engineering).await;
    act_ok(app, &handler.1, &r, "resolve", json!({"result": "已修好"})).await;
    let purposes = |visits: Vec<Value>| -> Vec<String> {
        visits
            .iter()
            .map(|v| v["purpose"].as_str().unwrap().to_owned())
            .collect()
    };
    assert!(purposes(visits_of(app, &w.agent.1, &resolved, "due").await).contains(&"satisfaction".to_owned()));
    let check = visit_of(app, &w.agent.1, &resolved, "outcome_check").await;
    let recorded = record(app, &w.agent.1, &check, json!({"outcome": "not_done"})).await;
    assert_eq!(recorded.status, StatusCode::OK, "{}", recorded.text);
    let now = case_now(app, &resolved).await;
    assert_eq!(
        (&now["status"], &now["dispatch_count"]),
        (&json!("dispatched"), &json!(2))
    );
    assert!(now["deadlines"]["reply"]["due_at"].is_null(), "{now}");
    assert!(purposes(visits_of(app, &w.agent.1, &resolved, "due").await).is_empty());

    // A repair nobody dispatched yet: the answer is kept, nothing is dispatched by itself.
    let waiting = new_case(app, &w.agent.1, repair(&w)).await;
    let check = visit_of(app, &w.agent.1, &waiting, "outcome_check").await;
    let recorded = record(app, &w.agent.1, &check, json!({"outcome": "not_done"})).await;
    assert_eq!(recorded.status, StatusCode::OK, "{}", recorded.text);
    let now = case_now(app, &waiting).await;
    assert_eq!(
        (&now["status"], &now["dispatch_count"]),
        (&json!("registered"), &json!(0))
    );
}

async fn unreachable_customers_are_retried_then_closed_as_unreachable(app: &TestApp) {
    let w = fast_world(app).await;
    let handler = engineering_handler(app, &w).await;
    // Retries an hour apart: inside the 2 h margin, so the test can try again at once.
    visit_settings(app, &w, 0, json!({"visits_by": "service_desk", "retry_delay_hours": 1})).await;

    // The 48 h check: three tries, then closed as unreachable; the case goes on.
    let case = new_case(app, &w.agent.1, repair(&w)).await;
    let mut check = visit_of(app, &w.agent.1, &case, "outcome_check").await;
    for attempt in 1..=3 {
        let before = Utc::now();
        let reply = record(app, &w.agent.1, &check, json!({"outcome": "unreachable"})).await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.text);
        assert_eq!(reply.body["attempts"], attempt);
        assert_eq!(reply.body["outcome"], "unreachable");
        if attempt < 3 {
            assert_eq!(reply.body["status"], "pending");
            let due = time(&reply.body["due_at"]);
            assert!(due >= before + Duration::hours(1) - Duration::seconds(1), "{due}");
            assert!(due <= Utc::now() + Duration::hours(1));
        } else {
            assert_eq!(
                (&reply.body["status"], &reply.body["reached"]),
                (&json!("done"), &json!(false))
            );
        }
        check = reply.body;
    }

    // The satisfaction visit: the case's own visit action and the worklist share the tries.
    let complaint = new_case(
        app,
        &w.agent.1,
        json!({"kind": "complaint", "channel": "phone", "property_id": w.property,
               "customer": {"name": "李女士", "phone": "13900139000"}, "title": "噪音", "description": "夜间施工"}),
    )
    .await;
    let c = dispatch_to(app, &w.agent.1, &complaint, &w.engineering).await;
    let c = resolve_and_reply(app, &handler.1, &w.agent.1, &c, "已协调停工").await;
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    let visit = visit_of(app, &w.agent.1, &complaint, "satisfaction").await;
    record(app, &w.agent.1, &visit, json!({"reached": true}))
        .await
        .assert_problem(422, Some("outcome"));
    record(app, &w.agent.1, &visit, json!({"outcome": "not_done"}))
        .await
        .assert_problem(422, Some("outcome"));
    let first = record(app, &w.agent.1, &visit, json!({"outcome": "unreachable"})).await;
    assert_eq!(first.status, StatusCode::OK, "{}", first.text);
    assert_eq!(
        (&first.body["status"], &first.body["attempts"]),
        (&json!("pending"), &json!(1))
    );
    let c = case_now(app, &c).await;
    let second = act_ok(
        app,
        &w.agent.1,
        &c,
        "visit",
        json!({"reached": false, "comment": "无人接听"}),
    )
    .await;
    assert_eq!(second["status"], "visiting");
    let visit = visit_of(app, &w.agent.1, &complaint, "satisfaction").await;
    assert_eq!(visit["attempts"], 2);
    let last = record(app, &w.agent.1, &visit, json!({"outcome": "unreachable"})).await;
    assert_eq!(last.status, StatusCode::OK, "{}", last.text);
    assert_eq!(
        (&last.body["status"], &last.body["outcome"]),
        (&json!("done"), &json!("unreachable"))
    );
    let closed = case_now(app, &complaint).await;
    assert_eq!(closed["status"], "closed");
    assert!(closed["last_satisfaction"].is_null(), "{closed}");
    // Counted apart in the figures, never as satisfied.
    let today = (Utc::now() + Duration::hours(8)).date_naive();
    let stats = app
        .get(
            &format!("/api/v1/stats/summary?from={today}&to={today}&project_id={}", w.project),
            &w.manager.1,
        )
        .await;
    assert_eq!(stats.status, StatusCode::OK, "{}", stats.text);
    assert_eq!(stats.body["unreachable_visits"], 1, "{}", stats.text);
    assert_eq!(stats.body["satisfaction_levels"]["satisfied"].as_i64().unwrap_or(0), 0);
    assert_eq!(
        stats.body["satisfaction"]["numerator"].as_i64().unwrap_or(0),
        0,
        "{}",
        stats.text
    );
}

async fn checks_run_from_when_the_customer_reported(app: &TestApp) {
    let w = fast_world(app).await;
    let reported = Utc::now() - Duration::hours(2);
    let mut letter = repair(&w);
    letter["channel"] = json!("letter");
    letter["reported_at"] = json!(reported.to_rfc3339());
    let case = new_case(app, &w.agent.1, letter).await;
    let due = visits_of(app, &w.agent.1, &case, "due").await;
    let due_of = |purpose: &str| {
        time(
            &due.iter()
                .find(|v| v["purpose"] == purpose)
                .unwrap_or_else(|| panic!("{purpose}"))["due_at"],
        )
    };
    let reported = time(&case["reported_at"]);
    // PostgreSQL keeps microseconds.
    let close = |a: DateTime<Utc>, b: DateTime<Utc>| (a - b).num_milliseconds().abs() < 1;
    assert!(
        close(due_of("contact_check"), reported + Duration::seconds(1)),
        "{due:?}"
    );
    assert!(
        close(due_of("outcome_check"), reported + Duration::seconds(3600)),
        "{due:?}"
    );
    // Both already past: the letter's checks are overdue now, not an hour from now.
    let overdue = visits_of(app, &w.agent.1, &case, "overdue").await;
    assert_eq!(overdue.len(), 2, "{overdue:?}");
}

async fn the_second_dissatisfied_visit_escalates_once_and_the_third_waits_for_a_supervisor(app: &TestApp) {
    let w = fast_world(app).await;
    let handler = engineering_handler(app, &w).await;
    let case = new_case(
        app,
        &w.agent.1,
        json!({"kind": "complaint", "channel": "phone", "property_id": w.property,
               "customer": {"name": "李女士", "phone": "13900139000"}, "title": "保洁不到位", "description": "楼道脏"}),
    )
    .await;
    let round = |c: Value| {
        let (h, a) = (handler.1.clone(), w.agent.1.clone());
        async move { resolve_and_reply(app, &h, &a, &c, "已清扫").await }
    };
    let c = dispatch_to(app, &w.agent.1, &case, &w.engineering).await;
    let c = round(c).await;
    let dissatisfied = json!({"reached": true, "satisfaction": "dissatisfied"});
    let c = act_ok(app, &w.agent.1, &c, "visit", dissatisfied.clone()).await;
    assert_eq!(
        (&c["status"], &c["level"], &c["dissatisfied_visits"]),
        (&json!("dispatched"), &json!("project"), &json!(1))
    );
    let c = round(c).await;
    // Two desks record the second dissatisfied visit at the same moment: one wins, the level
    // goes up exactly once.
    let (a, b) = tokio::join!(
        act(app, &w.agent.1, &c, "visit", dissatisfied.clone()),
        act(app, &w.supervisor.1, &c, "visit", dissatisfied.clone()),
    );
    let wins = [&a, &b].iter().filter(|r| r.status == StatusCode::OK).count();
    assert_eq!(wins, 1, "{} / {}", a.text, b.text);
    for r in [&a, &b] {
        assert!(
            [StatusCode::OK, StatusCode::PRECONDITION_FAILED, StatusCode::CONFLICT].contains(&r.status),
            "{}",
            r.text
        );
    }
    let c = case_now(app, &case).await;
    assert_eq!((&c["status"], &c["dispatch_count"]), (&json!("dispatched"), &json!(3)));
    assert_eq!((&c["level"], &c["dissatisfied_visits"]), (&json!("area"), &json!(2)));
    let escalated = notification_titles(app, &w.manager.1, "escalated").await;
    assert_eq!(escalated.len(), 1, "{escalated:?}");
    // The third: no new work order; a supervisor decides.
    let c = round(c).await;
    let c = act_ok(
        app,
        &w.agent.1,
        &c,
        "visit",
        json!({"reached": true, "satisfaction": "very_dissatisfied"}),
    )
    .await;
    assert_eq!(
        (&c["status"], &c["dispatch_count"], &c["level"]),
        (&json!("review"), &json!(3), &json!("area"))
    );
    // The desk is not offered the dispatch; the supervisor is.
    assert!(
        !c["available_actions"].as_array().unwrap().contains(&json!("dispatch")),
        "{c}"
    );
    let seen = app
        .get(
            &format!("/api/v1/cases/{}", case["id"].as_str().unwrap()),
            &w.supervisor.1,
        )
        .await;
    assert!(seen.body["available_actions"]
        .as_array()
        .unwrap()
        .contains(&json!("dispatch")));
    let told = notification_titles(app, &w.supervisor.1, "review").await;
    assert_eq!(told.len(), 1, "{told:?}");
    act(app, &handler.1, &c, "resolve", json!({"result": "x"}))
        .await
        .assert_problem(409, None);
    act(app, &w.agent.1, &c, "dispatch", json!({"department_id": w.engineering}))
        .await
        .assert_problem(403, None);
    let again = act_ok(
        app,
        &w.supervisor.1,
        &c,
        "dispatch",
        json!({"department_id": w.engineering, "note": "主管督办"}),
    )
    .await;
    assert_eq!(
        (&again["status"], &again["dispatch_count"]),
        (&json!("dispatched"), &json!(4))
    );
}

async fn repeat_repairs_are_flagged_listed_and_counted(app: &TestApp) {
    let w = fast_world(app).await;
    let handler = engineering_handler(app, &w).await;
    let categories = app.get("/api/v1/categories", &w.agent.1).await;
    let ids: Vec<String> = categories.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["active"] == true)
        .map(|c| c["id"].as_str().unwrap().to_owned())
        .collect();
    assert!(ids.len() >= 2, "{}", categories.text);
    let with_category = |id: &str| {
        let mut body = repair(&w);
        body["category_id"] = json!(id);
        body
    };
    let first = new_case(app, &w.agent.1, with_category(&ids[0])).await;
    assert!(first["repeat_of"].is_null());
    // Still open: a second report of the same leak is not a repeat repair.
    let open_again = new_case(app, &w.agent.1, with_category(&ids[0])).await;
    assert!(open_again["repeat_of"].is_null(), "{open_again}");
    let c = dispatch_to(app, &w.agent.1, &first, &w.engineering).await;
    let c = resolve_and_reply(app, &handler.1, &w.agent.1, &c, "已修好").await;
    let c = act_ok(
        app,
        &w.agent.1,
        &c,
        "visit",
        json!({"reached": true, "satisfaction": "satisfied"}),
    )
    .await;
    assert_eq!(c["status"], "closed");

    let repeat = new_case(app, &w.agent.1, with_category(&ids[0])).await;
    assert_eq!(
        repeat["repeat_of"],
        json!({"id": first["id"], "number": first["number"]}),
        "{repeat}"
    );
    let other = new_case(app, &w.agent.1, with_category(&ids[1])).await;
    assert!(other["repeat_of"].is_null());
    let list = app.get("/api/v1/cases?kind=repair", &w.agent.1).await;
    assert_eq!(list.status, StatusCode::OK, "{}", list.text);
    let listed = list.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == repeat["id"])
        .unwrap()
        .clone();
    assert_eq!(listed["repeat_of"]["number"], first["number"]);
    let today = (Utc::now() + Duration::hours(8)).date_naive();
    let stats = app
        .get(
            &format!("/api/v1/stats/summary?from={today}&to={today}&project_id={}", w.project),
            &w.manager.1,
        )
        .await;
    assert_eq!(stats.status, StatusCode::OK, "{}", stats.text);
    assert_eq!(stats.body["repeat_repairs"], 1, "{}", stats.text);
}

async fn warning_rules_can_watch_repairs(app: &TestApp) {
    let w = world(app).await;
    let rules = app.get("/api/v1/warning-rules", &w.supervisor.1).await;
    assert_eq!(rules.status, StatusCode::OK, "{}", rules.text);
    assert_eq!(rules.body["property_cluster"]["kind"], "complaint", "{}", rules.text);
    let mut wanted = rules.body.clone();
    wanted["property_cluster"] = json!({"enabled": true, "count": 2, "days": 30, "kind": "repair"});
    wanted["building_cluster"]["enabled"] = json!(false);
    wanted["category_surge"]["enabled"] = json!(false);
    wanted["repeat_customer"]["enabled"] = json!(false);
    let mut bad = wanted.clone();
    bad["property_cluster"]["kind"] = json!("inquiry");
    app.put("/api/v1/warning-rules", &app.admin_token, 0, bad)
        .await
        .assert_problem(422, None);
    let saved = app.put("/api/v1/warning-rules", &app.admin_token, 0, wanted).await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.text);
    let runner = worker(app);
    // Two complaints on the room: the rule watches repairs now, nothing fires.
    for _ in 0..2 {
        let mut body = repair(&w);
        body["kind"] = json!("complaint");
        new_case(app, &w.agent.1, body).await;
    }
    drain(&runner).await;
    let none = app.get("/api/v1/warnings", &w.supervisor.1).await;
    assert_eq!(none.body["items"].as_array().unwrap().len(), 0, "{}", none.text);
    // Two repairs: the cluster fires, counting repairs.
    new_case(app, &w.agent.1, repair(&w)).await;
    new_case(app, &w.agent.1, repair(&w)).await;
    drain(&runner).await;
    let fired = app.get("/api/v1/warnings", &w.supervisor.1).await;
    let items = fired.body["items"].as_array().unwrap();
    assert_eq!(items.len(), 1, "{}", fired.text);
    assert_eq!(items[0]["rule"], "property_cluster");
    assert!(items[0]["title"].as_str().unwrap().contains("报修"), "{}", fired.text);
    assert_eq!(items[0]["case_ids"].as_array().unwrap().len(), 2);
}
