//! Shift handovers (交接班) over HTTP on SQLite and PostgreSQL: the snapshot against a hand-built
//! set of open cases, signing by the next shift only, and the reminder sent once by two workers.

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::arrears::{both_at, second_worker};
use crate::case_steps::{act_ok, new_case};
use crate::db_tests;
use crate::deadlines::{drain, fast_policy, worker};
use crate::helpers::{Reply, TestApp};

db_tests!(
    the_snapshot_carries_what_is_open_in_the_authors_scope,
    the_next_shift_signs_and_the_author_cannot,
    an_unsigned_handover_reminds_the_supervisors_once,
);

struct Desk {
    project: String,
    room: String,
    outgoing: (String, String),
    incoming: (String, String),
    supervisor: (String, String),
    handler: (String, String),
    steward: (String, String),
}

async fn desk(app: &TestApp) -> Desk {
    let project = app.project("翠湖花园").await;
    let room = app.property(&project, None, "3栋", "2单元", "1201").await;
    let engineering = app.department("工程部", "engineering").await;
    Desk {
        outgoing: app.user("li.day", "agent", None, &[&project]).await,
        incoming: app.user("chen.night", "agent", None, &[&project]).await,
        supervisor: app.user("qian.supervisor", "supervisor", None, &[&project]).await,
        handler: app.user("wang.eng", "handler", Some(&engineering), &[&project]).await,
        steward: app.user("zhou.steward", "steward", None, &[&project]).await,
        project,
        room,
    }
}

fn case(kind: &str, property: &str, title: &str, severity: &str) -> Value {
    json!({"kind": kind, "channel": "phone", "property_id": property, "severity": severity,
           "customer": {"name": "李女士", "phone": "13900139000"}, "title": title, "description": "详情"})
}

async fn write(app: &TestApp, token: &str, body: Value) -> Reply {
    app.post("/api/v1/handovers", token, body).await
}

fn numbers(list: &Value) -> Vec<String> {
    let mut out: Vec<String> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["number"].as_str().unwrap().to_owned())
        .collect();
    out.sort();
    out
}

fn sorted(mut v: Vec<&Value>) -> Vec<String> {
    let mut out: Vec<String> = v.drain(..).map(|c| c["number"].as_str().unwrap().to_owned()).collect();
    out.sort();
    out
}

async fn the_snapshot_carries_what_is_open_in_the_authors_scope(app: &TestApp) {
    let d = desk(app).await;
    fast_policy(app, 3600, 3600).await;
    let waiting = new_case(app, &d.outgoing.1, case("complaint", &d.room, "楼道灯不亮", "normal")).await;
    let urgent = new_case(app, &d.outgoing.1, case("complaint", &d.room, "电梯困人", "urgent")).await;
    let paused = new_case(app, &d.outgoing.1, case("complaint", &d.room, "噪音扰民", "normal")).await;
    let engineering = app.department("维修部", "engineering").await;
    // Verified by the agent, dispatched by the supervisor (the default process).
    let paused = act_ok(app, &d.outgoing.1, &paused, "verify", json!({"note": "已核实"})).await;
    let paused = act_ok(
        app,
        &d.supervisor.1,
        &paused,
        "dispatch",
        json!({"department_id": engineering}),
    )
    .await;
    act_ok(app, &d.outgoing.1, &paused, "pause", json!({"reason": "业主出差"})).await;
    let repair = new_case(app, &d.outgoing.1, case("repair", &d.room, "水管漏水", "normal")).await;
    let inquiry = new_case(app, &d.outgoing.1, case("inquiry", &d.room, "停水通知", "normal")).await;
    act_ok(
        app,
        &d.outgoing.1,
        &inquiry,
        "close_on_spot",
        json!({"answer": "已告知"}),
    )
    .await;
    // Three complaints on one room fire a warning; another project's case stays out of scope.
    drain(&worker(app)).await;
    let elsewhere = app.project("别的小区").await;
    let far_room = app.property(&elsewhere, None, "9栋", "1单元", "901").await;
    new_case(
        app,
        &app.admin_token,
        case("complaint", &far_room, "别处的投诉", "urgent"),
    )
    .await;
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;

    let preview = app.get("/api/v1/handovers/snapshot", &d.outgoing.1).await;
    assert_eq!(preview.status, StatusCode::OK, "{}", preview.text);
    let written = write(
        app,
        &d.outgoing.1,
        json!({"shift": "day", "notes": "3 栋电梯已报修", "instructions": "经理：今晚重点盯电梯",
               "suggestions": "夜班加一人", "equipment": "对讲机 2 号电量低"}),
    )
    .await;
    assert_eq!(written.status, StatusCode::CREATED, "{}", written.text);
    let items = &written.body["open_items"];
    let number = |c: &Value| c["number"].as_str().unwrap().to_owned();
    let mut expected_dispatch = vec![number(&waiting), number(&urgent), number(&repair)];
    expected_dispatch.sort();
    assert_eq!(numbers(&items["to_dispatch"]), expected_dispatch, "{items}");
    assert_eq!(numbers(&items["urgent_open"]), vec![number(&urgent)]);
    assert_eq!(numbers(&items["paused"]), vec![number(&paused)]);
    // The repair's contact check (+1 s) and outcome check (+1 h) both fall within the next shift.
    assert_eq!(
        sorted(items["visits_due"].as_array().unwrap().iter().collect()),
        vec![number(&repair), number(&repair)]
    );
    // The open warnings of the project (the room's cluster and the repeat customer), the same
    // as the warnings list shows.
    let open = app
        .get(
            &format!("/api/v1/warnings?status=open&project_id={}", d.project),
            &d.supervisor.1,
        )
        .await;
    let ids = |list: &Value| {
        let mut ids: Vec<String> = list.as_array().unwrap().iter().map(|w| w["id"].to_string()).collect();
        ids.sort();
        ids
    };
    assert!(!ids(&open.body["items"]).is_empty());
    assert_eq!(ids(&items["warnings_open"]), ids(&open.body["items"]), "{items}");
    assert!(!written.text.contains("别处的投诉"));
    assert_eq!(written.body["project_ids"], json!([d.project]));
    assert_eq!(written.body["status"], "pending");
    assert_eq!(written.body["instructions"], "经理：今晚重点盯电梯");
    assert_eq!(preview.body["to_dispatch"], items["to_dispatch"]);

    // Only the service desk writes handovers; projects must be the author's.
    write(app, &d.handler.1, json!({"shift": "day"}))
        .await
        .assert_problem(403, None);
    write(app, &d.steward.1, json!({"shift": "day"}))
        .await
        .assert_problem(403, None);
    write(app, &d.outgoing.1, json!({"shift": "day", "project_ids": [elsewhere]}))
        .await
        .assert_problem(422, Some("project_ids"));
    write(app, &d.outgoing.1, json!({"shift": "noon"}))
        .await
        .assert_problem(422, None);
}

async fn accept(app: &TestApp, token: &str, handover: &Value, version: i64) -> Reply {
    let etag = format!("\"{version}\"");
    app.send(
        Method::POST,
        &format!("/api/v1/handovers/{}/accept", handover["id"].as_str().unwrap()),
        Some(token),
        Some(json!({"note": "已阅，电梯继续跟进"})),
        &[("if-match", &etag)],
    )
    .await
}

async fn the_next_shift_signs_and_the_author_cannot(app: &TestApp) {
    let d = desk(app).await;
    let written = write(app, &d.outgoing.1, json!({"shift": "night", "notes": "无异常"})).await;
    assert_eq!(written.status, StatusCode::CREATED, "{}", written.text);
    let handover = written.body;
    let pending = app.get("/api/v1/handovers?status=pending", &d.incoming.1).await;
    assert_eq!(pending.body["items"].as_array().unwrap().len(), 1, "{}", pending.text);

    accept(app, &d.outgoing.1, &handover, 1)
        .await
        .assert_problem(409, Some("author_id"));
    accept(app, &d.incoming.1, &handover, 7).await.assert_problem(412, None);
    accept(app, &d.handler.1, &handover, 1).await.assert_problem(403, None);
    let signed = accept(app, &d.incoming.1, &handover, 1).await;
    assert_eq!(signed.status, StatusCode::OK, "{}", signed.text);
    assert_eq!(signed.body["status"], "accepted");
    assert_eq!(signed.body["accepted_by"], d.incoming.0.as_str());
    assert_eq!(signed.body["accept_note"], "已阅，电梯继续跟进");
    accept(app, &d.supervisor.1, &signed.body, 2)
        .await
        .assert_problem(409, Some("status"));

    let pending = app.get("/api/v1/handovers?status=pending", &d.incoming.1).await;
    assert!(pending.body["items"].as_array().unwrap().is_empty());
    let accepted = app
        .get(
            &format!("/api/v1/handovers?status=accepted&project_id={}", d.project),
            &d.supervisor.1,
        )
        .await;
    assert_eq!(accepted.body["items"].as_array().unwrap().len(), 1);
    // Another project's desk sees none of it.
    let elsewhere = app.project("别的小区").await;
    let outsider = app.user("sun.agent", "agent", None, &[&elsewhere]).await;
    assert!(app.get("/api/v1/handovers", &outsider.1).await.body["items"]
        .as_array()
        .unwrap()
        .is_empty());
    app.get(
        &format!("/api/v1/handovers/{}", handover["id"].as_str().unwrap()),
        &outsider.1,
    )
    .await
    .assert_problem(404, None);
}

async fn an_unsigned_handover_reminds_the_supervisors_once(app: &TestApp) {
    let d = desk(app).await;
    let waiting = write(app, &d.outgoing.1, json!({"shift": "day"})).await.body;
    let signed = write(app, &d.outgoing.1, json!({"shift": "day", "notes": "第二份"}))
        .await
        .body;
    assert_eq!(accept(app, &d.incoming.1, &signed, 1).await.status, StatusCode::OK);

    let first = worker(app);
    let second = second_worker(app, &first).await;
    let reminders = |token: String| async move {
        app.get("/api/v1/notifications?limit=200", &token).await.body["items"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|n| n["kind"] == "handover_pending")
            .count()
    };
    both_at(&first, &second, chrono::Utc::now() + chrono::Duration::minutes(29)).await;
    assert_eq!(reminders(d.supervisor.1.clone()).await, 0);
    for _ in 0..3 {
        both_at(&first, &second, chrono::Utc::now() + chrono::Duration::minutes(31)).await;
    }
    assert_eq!(reminders(d.supervisor.1.clone()).await, 1);
    assert_eq!(reminders(d.incoming.1.clone()).await, 0);
    let shown = app
        .get(
            &format!("/api/v1/handovers/{}", waiting["id"].as_str().unwrap()),
            &d.incoming.1,
        )
        .await;
    assert!(shown.body["reminded_at"].is_string(), "{}", shown.text);

    // The reminder time is a setting.
    let settings = app.get("/api/v1/handover-settings", &d.supervisor.1).await;
    assert_eq!(settings.body["reminder_minutes"], 30);
    let saved = app
        .put(
            "/api/v1/handover-settings",
            &app.admin_token,
            0,
            json!({"reminder_minutes": 45}),
        )
        .await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.text);
    app.put(
        "/api/v1/handover-settings",
        &app.admin_token,
        1,
        json!({"reminder_minutes": 0}),
    )
    .await
    .assert_problem(422, Some("reminder_minutes"));
}
