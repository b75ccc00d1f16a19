//! Fee arrears (欠费催缴) over HTTP on SQLite and PostgreSQL: the import (idempotent, settling,
//! all or nothing, 1,000 rows, CSV, JSON and API keys), exact money, stages announced once by
//! two workers, disputes that open one complaint, the not-contacted warning, scope and the
//! monthly figures.

use std::time::Duration;

use huiyin::worker::{default_handler, Worker};
use huiyin_store::Store;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::case_steps::act_ok;
use crate::db_tests;
use crate::deadlines::worker;
use crate::helpers::{Reply, TestApp};

db_tests!(
    the_import_is_idempotent_and_settles_what_a_later_import_leaves_out,
    bad_rows_are_named_by_line_and_nothing_is_imported,
    a_thousand_rows_import_at_once,
    money_round_trips_exactly,
    stages_are_announced_once_with_two_workers_and_managers_decide_on_letters,
    a_service_dispute_opens_one_complaint_and_shows_it_closing,
    stewards_see_their_areas_residents_their_own_and_handlers_nothing,
    uncontacted_arrears_warn_once_after_the_policy_days,
    integrations_import_with_an_arrears_write_key,
    monthly_figures_per_area_with_the_collection_rate,
);

pub struct World {
    pub project: String,
    pub area_a: String,
    pub area_b: String,
    pub steward_a: (String, String),
    pub steward_b: (String, String),
    pub supervisor: (String, String),
    pub manager: (String, String),
    pub agent: (String, String),
    pub handler: (String, String),
    pub room_101: String,
}

async fn area(app: &TestApp, project: &str, name: &str, steward: &str) -> String {
    app.post(
        "/api/v1/areas",
        &app.admin_token,
        json!({"project_id": project, "name": name, "steward_id": steward}),
    )
    .await
    .id()
}

pub async fn world(app: &TestApp) -> World {
    let project = app.project("翠湖花园").await;
    let steward_a = app.user("zhou.steward", "steward", None, &[&project]).await;
    let steward_b = app.user("wu.steward", "steward", None, &[&project]).await;
    let area_a = area(app, &project, "一片区", &steward_a.0).await;
    let area_b = area(app, &project, "二片区", &steward_b.0).await;
    let room_101 = app.property(&project, Some(&area_a), "1栋", "1单元", "101").await;
    app.property(&project, Some(&area_a), "1栋", "1单元", "102").await;
    app.property(&project, Some(&area_b), "2栋", "1单元", "201").await;
    let engineering = app.department("工程部", "engineering").await;
    World {
        supervisor: app.user("qian.supervisor", "supervisor", None, &[&project]).await,
        manager: app.user("zhao.manager", "manager", None, &[&project]).await,
        agent: app.user("li.agent", "agent", None, &[&project]).await,
        handler: app.user("wang.eng", "handler", Some(&engineering), &[&project]).await,
        project,
        area_a,
        area_b,
        steward_a,
        steward_b,
        room_101,
    }
}

/// Today in Beijing, as the import checks `as_of` against it.
pub fn today() -> chrono::NaiveDate {
    huiyin_domain::time::business_day(chrono::Utc::now())
}

pub fn days_ago(n: u64) -> String {
    (today() - chrono::Days::new(n)).to_string()
}

pub const HEADER: &str = "building,unit,room,fee_item,months,amount,as_of";

pub fn csv(rows: &[String]) -> String {
    format!("{HEADER}\n{}\n", rows.join("\n"))
}

pub async fn import(app: &TestApp, token: &str, project: &str, text: &str) -> Reply {
    app.post_raw(
        &format!("/api/v1/arrears/import?project_id={project}"),
        token,
        "text/csv",
        text.as_bytes().to_vec(),
    )
    .await
}

pub async fn import_ok(app: &TestApp, project: &str, text: &str) -> Value {
    let reply = import(app, &app.admin_token, project, text).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);
    reply.body
}

pub async fn items(app: &TestApp, token: &str, query: &str) -> Vec<Value> {
    let reply = app.get(&format!("/api/v1/arrears?{query}"), token).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text);
    reply.body["items"].as_array().unwrap().clone()
}

fn room(rows: &[Value], name: &str) -> Value {
    rows.iter()
        .find(|r| r["property"]["room"] == name)
        .unwrap_or_else(|| panic!("no arrears for {name} in {rows:?}"))
        .clone()
}

async fn notifications_of_kind(app: &TestApp, token: &str, kind: &str) -> Vec<Value> {
    let reply = app.get("/api/v1/notifications?limit=200", token).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text);
    reply.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["kind"] == kind)
        .cloned()
        .collect()
}

/// A second worker: on PostgreSQL with a pool of its own (as another instance would have).
pub async fn second_worker(app: &TestApp, first: &Worker) -> Worker {
    let store = if app.database_url.starts_with("postgres") {
        Store::connect(&app.database_url).await.unwrap()
    } else {
        app.store.clone()
    };
    Worker::new(
        store.clone(),
        first.policy.clone(),
        Duration::from_millis(20),
        default_handler(store, Duration::from_secs(2)),
    )
}

/// Both workers run one round together, at `at`.
pub async fn both_at(first: &Worker, second: &Worker, at: chrono::DateTime<chrono::Utc>) {
    let (a, b) = tokio::join!(
        huiyin_store::at_time(at, first.run_once()),
        huiyin_store::at_time(at, second.run_once())
    );
    a.unwrap();
    b.unwrap();
}

async fn the_import_is_idempotent_and_settles_what_a_later_import_leaves_out(app: &TestApp) {
    let w = world(app).await;
    let first = csv(&[
        format!("1栋,1单元,101,物业费,3,528.60,{}", days_ago(5)),
        format!("1栋,1单元,102,物业费,2,352.40,{}", days_ago(5)),
        format!("2栋,1单元,201,物业费,1,176.20,{}", days_ago(5)),
        format!("1栋,1单元,101,停车费,2,300,{}", days_ago(5)),
    ]);
    let summary = import_ok(app, &w.project, &first).await;
    assert_eq!(
        (summary["rows"].clone(), summary["opened"].clone()),
        (json!(4), json!(4)),
        "{summary}"
    );
    let before = items(app, &app.admin_token, "").await;
    assert_eq!(before.len(), 4);

    // The same file again changes nothing: no row, no version.
    let again = import_ok(app, &w.project, &first).await;
    assert_eq!(again["unchanged"], 4, "{again}");
    assert_eq!(again["opened"], 0);
    assert_eq!(again["updated"], 0);
    let after = items(app, &app.admin_token, "").await;
    assert_eq!(before, after);

    // A later import of 物业费 without 102: 102 is paid; 101 owes one month more; 停车费 untouched.
    let later = csv(&[
        format!("1栋,1单元,101,物业费,4,704.80,{}", days_ago(1)),
        format!("2栋,1单元,201,物业费,1,176.20,{}", days_ago(1)),
    ]);
    let summary = import_ok(app, &w.project, &later).await;
    assert_eq!(
        (
            summary["updated"].clone(),
            summary["settled"].clone(),
            summary["opened"].clone()
        ),
        (json!(2), json!(1), json!(0)),
        "{summary}"
    );
    let open = items(app, &app.admin_token, "status=open").await;
    assert_eq!(open.len(), 3);
    let updated = open
        .iter()
        .find(|r| r["property"]["room"] == "101" && r["fee_item"] == "物业费")
        .unwrap();
    assert_eq!(updated["months"], 4);
    assert_eq!(updated["amount"], "704.80");
    assert_eq!(updated["as_of"], days_ago(1));
    let settled = items(app, &app.admin_token, "status=settled").await;
    assert_eq!(settled.len(), 1);
    assert_eq!(settled[0]["property"]["room"], "102");
    assert!(settled[0]["settled_at"].is_string());

    // An older file arriving late changes nothing.
    let stale = import_ok(app, &w.project, &first).await;
    assert_eq!(stale["updated"], 0, "{stale}");
    assert_eq!(stale["settled"], 0);
    assert_eq!(stale["opened"], 0, "a settled arrears is not reopened by older figures");

    // Filters: area, months, fee item.
    assert_eq!(
        items(app, &app.admin_token, &format!("area_id={}", w.area_b))
            .await
            .len(),
        1
    );
    assert_eq!(items(app, &app.admin_token, "min_months=2").await.len(), 2);
    assert_eq!(items(app, &app.admin_token, "fee_item=停车费").await.len(), 1);

    // The same rows as JSON; a 0-month row settles explicitly.
    let reply = app
        .send(
            Method::POST,
            &format!("/api/v1/arrears/import?project_id={}", w.project),
            Some(&app.admin_token),
            Some(
                json!([{"building": "1栋", "unit": "1单元", "room": "101", "fee_item": "停车费",
                         "months": 0, "amount": "0", "as_of": days_ago(0)}]),
            ),
            &[],
        )
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);
    assert_eq!(reply.body["settled"], 1);
    assert_eq!(items(app, &app.admin_token, "").await.len(), 2);
}

async fn bad_rows_are_named_by_line_and_nothing_is_imported(app: &TestApp) {
    let w = world(app).await;
    let text = csv(&[
        format!("1栋,1单元,101,物业费,3,528.60,{}", days_ago(1)),
        format!("1栋,1单元,102,物业费,3,-20.00,{}", days_ago(1)),
        format!("2栋,1单元,201,物业费,6.5,100,{}", days_ago(1)),
        format!("9栋,1单元,901,物业费,1,100,{}", days_ago(1)),
        format!("1栋,1单元,101,物业费,3,1.005,{}", days_ago(1)),
    ]);
    let reply = import(app, &app.admin_token, &w.project, &text).await;
    reply.assert_problem(422, Some("line 3"));
    for line in ["line 4", "line 5", "line 6"] {
        assert!(reply.body["errors"][line].is_array(), "{line}: {}", reply.text);
    }
    assert!(reply.text.contains("negative"), "{}", reply.text);
    assert!(reply.text.contains("whole number"), "{}", reply.text);
    assert!(reply.text.contains("no property 9栋"), "{}", reply.text);
    assert!(
        items(app, &app.admin_token, "").await.is_empty(),
        "nothing half-imported"
    );

    // An unknown column is named on the header line.
    let reply = import(
        app,
        &app.admin_token,
        &w.project,
        &format!(
            "building,unit,room,fee,months,amount,as_of\n1栋,1单元,101,物业费,3,1,{}\n",
            days_ago(1)
        ),
    )
    .await;
    reply.assert_problem(422, Some("line 1"));
    assert!(reply.text.contains("unknown column 'fee'"), "{}", reply.text);

    // JSON: a float amount and a fractional month are refused by row.
    let reply = app
        .send(
            Method::POST,
            &format!("/api/v1/arrears/import?project_id={}", w.project),
            Some(&app.admin_token),
            Some(json!({"rows": [
                {"building": "1栋", "unit": "1单元", "room": "101", "fee_item": "物业费", "months": 3, "amount": 528.6, "as_of": days_ago(1)},
                {"building": "1栋", "unit": "1单元", "room": "102", "fee_item": "物业费", "months": 2.5, "amount": "1", "as_of": days_ago(1)},
            ]})),
            &[],
        )
        .await;
    reply.assert_problem(422, Some("row 1"));
    assert!(reply.body["errors"]["row 2"].is_array(), "{}", reply.text);

    // Other content types, a missing project and another's project.
    let reply = app
        .post_raw(
            &format!("/api/v1/arrears/import?project_id={}", w.project),
            &app.admin_token,
            "application/xml",
            b"<x/>".to_vec(),
        )
        .await;
    reply.assert_problem(415, None);
    let other = app.project("别的小区").await;
    let reply = import(app, &w.supervisor.1, &other, &text).await;
    reply.assert_problem(422, Some("project_id"));
    assert!(items(app, &app.admin_token, "").await.is_empty());
}

async fn a_thousand_rows_import_at_once(app: &TestApp) {
    let project = app.project("大型社区").await;
    let rooms: Vec<String> = (0..1000)
        .map(|i| format!("{}栋,1单元,{}", i / 100 + 1, 1000 + i))
        .collect();
    let reply = app
        .post_raw(
            &format!("/api/v1/properties/import?project_id={project}"),
            &app.admin_token,
            "text/csv",
            rooms.join("\n").into_bytes(),
        )
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);
    let as_of = days_ago(2);
    let rows: Vec<String> = rooms
        .iter()
        .enumerate()
        .map(|(i, r)| format!("{r},物业费,{},{}.{:02},{as_of}", i % 14 + 1, 100 + i, i % 100))
        .collect();
    let started = std::time::Instant::now();
    let summary = import_ok(app, &project, &csv(&rows)).await;
    assert_eq!(summary["opened"], 1000, "{summary}");
    assert!(
        started.elapsed() < Duration::from_secs(60),
        "took {:?}",
        started.elapsed()
    );
    let again = import_ok(app, &project, &csv(&rows)).await;
    assert_eq!(again["unchanged"], 1000, "{again}");
    assert_eq!(count_all(app, &format!("project_id={project}")).await, 1000);
    // Months run 1..=14: 12, 13 and 14 are at the legal stage.
    let legal = (0..1000).filter(|i| i % 14 + 1 >= 12).count();
    assert_eq!(
        count_all(app, &format!("project_id={project}&stage=legal")).await,
        legal
    );
}

/// Every arrears matching `query`, following the cursor pages.
async fn count_all(app: &TestApp, query: &str) -> usize {
    let mut seen = 0;
    let mut cursor = String::new();
    loop {
        let reply = app
            .get(&format!("/api/v1/arrears?{query}&limit=200{cursor}"), &app.admin_token)
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.text);
        seen += reply.body["items"].as_array().unwrap().len();
        match reply.body["next_cursor"].as_str() {
            Some(next) => cursor = format!("&cursor={next}"),
            None => return seen,
        }
    }
}

async fn money_round_trips_exactly(app: &TestApp) {
    let w = world(app).await;
    let as_of = today().to_string();
    import_ok(
        app,
        &w.project,
        &csv(&[
            format!("1栋,1单元,101,物业费,1,0.10,{as_of}"),
            format!("1栋,1单元,102,物业费,1,0.2,{as_of}"),
        ]),
    )
    .await;
    let rows = items(app, &app.admin_token, "").await;
    assert_eq!(room(&rows, "101")["amount"], "0.10");
    assert_eq!(room(&rows, "102")["amount"], "0.20");
    let month = &as_of[..7];
    let stats = app
        .get(
            &format!("/api/v1/stats/arrears?month={month}&project_id={}", w.project),
            &app.admin_token,
        )
        .await;
    assert_eq!(stats.status, StatusCode::OK, "{}", stats.text);
    assert_eq!(stats.body["total"]["amount"], "0.30", "{}", stats.text);
}

async fn stages_are_announced_once_with_two_workers_and_managers_decide_on_letters(app: &TestApp) {
    let w = world(app).await;
    import_ok(
        app,
        &w.project,
        &csv(&[
            format!("1栋,1单元,101,物业费,5,880.00,{}", days_ago(3)),
            format!("1栋,1单元,102,物业费,6,1056.00,{}", days_ago(3)),
            format!("2栋,1单元,201,物业费,12,2112.00,{}", days_ago(3)),
        ]),
    )
    .await;
    let rows = items(app, &app.admin_token, "").await;
    assert_eq!(room(&rows, "101")["stage"], "steward");
    assert_eq!(room(&rows, "102")["stage"], "supervisor");
    assert_eq!(room(&rows, "201")["stage"], "legal");

    let first = worker(app);
    let second = second_worker(app, &first).await;
    for _ in 0..3 {
        both_at(&first, &second, chrono::Utc::now()).await;
    }
    // The supervisor hears of 102 (supervisor) and 201 (legal); the manager of 201 only.
    assert_eq!(
        notifications_of_kind(app, &w.supervisor.1, "arrears_stage").await.len(),
        2
    );
    assert_eq!(notifications_of_kind(app, &w.manager.1, "arrears_stage").await.len(), 1);
    assert!(notifications_of_kind(app, &w.steward_a.1, "arrears_stage")
        .await
        .is_empty());

    // A month later 101 passes 6 months: one more announcement, still once.
    import_ok(
        app,
        &w.project,
        &csv(&[
            format!("1栋,1单元,101,物业费,6,1056.00,{}", days_ago(0)),
            format!("1栋,1单元,102,物业费,6,1056.00,{}", days_ago(0)),
            format!("2栋,1单元,201,物业费,12,2112.00,{}", days_ago(0)),
        ]),
    )
    .await;
    for _ in 0..3 {
        both_at(&first, &second, chrono::Utc::now()).await;
    }
    assert_eq!(
        notifications_of_kind(app, &w.supervisor.1, "arrears_stage").await.len(),
        3
    );
    assert_eq!(notifications_of_kind(app, &w.manager.1, "arrears_stage").await.len(), 1);

    // The legal decision: managers only, at the legal stage only, with the version read.
    let rows = items(app, &app.admin_token, "").await;
    let legal = room(&rows, "201");
    let supervisor_stage = room(&rows, "102");
    let decide = |token: &str, row: &Value, version: i64| {
        let path = format!("/api/v1/arrears/{}/legal-decision", row["id"].as_str().unwrap());
        let etag = format!("\"{version}\"");
        let token = token.to_owned();
        async move {
            app.send(
                Method::POST,
                &path,
                Some(&token),
                Some(json!({"decision": "send_letter", "reason": "欠费满一年，多次催缴无果"})),
                &[("if-match", &etag)],
            )
            .await
        }
    };
    let version = legal["version"].as_i64().unwrap();
    decide(&w.supervisor.1, &legal, version).await.assert_problem(403, None);
    decide(
        &w.manager.1,
        &supervisor_stage,
        supervisor_stage["version"].as_i64().unwrap(),
    )
    .await
    .assert_problem(409, Some("stage"));
    decide(&w.manager.1, &legal, version - 1)
        .await
        .assert_problem(412, None);
    let decided = decide(&w.manager.1, &legal, version).await;
    assert_eq!(decided.status, StatusCode::OK, "{}", decided.text);
    assert_eq!(decided.body["legal"]["decision"], "send_letter");
    assert_eq!(decided.body["legal"]["decided_by"], w.manager.0.as_str());
    assert_eq!(decided.header("etag"), Some(format!("\"{}\"", version + 1)));

    // Thresholds are per project: at 4 and 5 months, 101 (6 months) is at the legal stage.
    let policy = app
        .put(
            &format!("/api/v1/arrears-policies/{}", w.project),
            &w.manager.1,
            0,
            json!({"supervisor_months": 4, "legal_months": 5, "contact_days": 30}),
        )
        .await;
    assert_eq!(policy.status, StatusCode::OK, "{}", policy.text);
    let rows = items(app, &app.admin_token, "").await;
    assert_eq!(room(&rows, "101")["stage"], "legal");
    let bad = app
        .put(
            &format!("/api/v1/arrears-policies/{}", w.project),
            &w.manager.1,
            1,
            json!({"supervisor_months": 6, "legal_months": 6, "contact_days": 30}),
        )
        .await;
    bad.assert_problem(422, Some("legal_months"));
}

async fn contact(app: &TestApp, token: &str, arrears: &Value, body: Value) -> Reply {
    app.post(
        &format!("/api/v1/arrears/{}/contacts", arrears["id"].as_str().unwrap()),
        token,
        body,
    )
    .await
}

async fn a_service_dispute_opens_one_complaint_and_shows_it_closing(app: &TestApp) {
    let w = world(app).await;
    import_ok(
        app,
        &w.project,
        &csv(&[format!("1栋,1单元,101,物业费,4,704.80,{}", days_ago(2))]),
    )
    .await;
    let arrears = items(app, &w.steward_a.1, "").await.remove(0);
    assert!(arrears["open_case"].is_null());

    let promised = contact(
        app,
        &w.steward_a.1,
        &arrears,
        json!({"method": "phone", "result": "promised", "promised_on": days_ago(0)}),
    )
    .await;
    assert_eq!(promised.status, StatusCode::CREATED, "{}", promised.text);
    assert!(promised.body["arrears"]["open_case"].is_null());
    assert_eq!(promised.body["arrears"]["last_contact"]["result"], "promised");

    let disputed = json!({"method": "visit", "result": "disputed", "reason": "service_dispute",
                          "note": "楼上漏水没修好，修好再交"});
    let first = contact(app, &w.steward_a.1, &arrears, disputed.clone()).await;
    assert_eq!(first.status, StatusCode::CREATED, "{}", first.text);
    let case = first.body["arrears"]["open_case"].clone();
    assert!(case["number"].as_str().unwrap().starts_with("TS-"), "{case}");
    assert_eq!(case["open"], true);
    assert_eq!(first.body["contact"]["case_id"], case["id"]);

    // A second dispute links the same complaint: one case for the property.
    let second = contact(app, &w.steward_a.1, &arrears, disputed).await;
    assert_eq!(second.body["arrears"]["open_case"]["id"], case["id"], "{}", second.text);
    let complaints = app
        .get(
            &format!("/api/v1/cases?kind=complaint&property_id={}", w.room_101),
            &app.admin_token,
        )
        .await;
    assert_eq!(
        complaints.body["items"].as_array().unwrap().len(),
        1,
        "{}",
        complaints.text
    );
    let registered = app
        .get(
            &format!("/api/v1/cases/{}", case["id"].as_str().unwrap()),
            &app.admin_token,
        )
        .await;
    assert_eq!(registered.body["kind"], "complaint");
    assert!(registered.body["title"].as_str().unwrap().contains("欠费争议"));

    // The contact log, newest first; bad contacts name their field.
    let log = app
        .get(
            &format!("/api/v1/arrears/{}/contacts", arrears["id"].as_str().unwrap()),
            &w.steward_a.1,
        )
        .await;
    assert_eq!(log.body["items"].as_array().unwrap().len(), 3, "{}", log.text);
    assert_eq!(log.body["items"][0]["result"], "disputed");
    contact(
        app,
        &w.steward_a.1,
        &arrears,
        json!({"method": "phone", "result": "disputed"}),
    )
    .await
    .assert_problem(422, Some("reason"));
    contact(
        app,
        &w.steward_a.1,
        &arrears,
        json!({"method": "fax", "result": "paid"}),
    )
    .await
    .assert_problem(422, None);
    contact(
        app,
        &w.steward_a.1,
        &arrears,
        json!({"method": "phone", "result": "paid", "promised_on": days_ago(0)}),
    )
    .await
    .assert_problem(422, Some("promised_on"));

    // Closing the complaint is visible on the arrears.
    let case_now = registered.body.clone();
    act_ok(app, &w.agent.1, &case_now, "cancel", json!({"reason": "invalid"})).await;
    let shown = app
        .get(
            &format!("/api/v1/arrears/{}", arrears["id"].as_str().unwrap()),
            &w.steward_a.1,
        )
        .await;
    assert_eq!(shown.body["open_case"]["status"], "cancelled", "{}", shown.text);
    assert_eq!(shown.body["open_case"]["open"], false);
}

async fn resident_token(app: &TestApp, agent: &str, property: &str, phone: &str) -> String {
    let customer = app
        .post(
            "/api/v1/customers",
            agent,
            json!({"name": "王建国", "phones": [phone], "properties": [{"property_id": property, "relation": "owner"}]}),
        )
        .await
        .id();
    let code = app
        .post(&format!("/api/v1/customers/{customer}/account"), agent, json!({}))
        .await
        .body["activation_code"]
        .as_str()
        .unwrap()
        .to_owned();
    let activated = app
        .send(
            Method::POST,
            "/api/v1/resident/activate",
            None,
            Some(json!({"phone": phone, "code": code, "new_password": "Home2026pass"})),
            &[],
        )
        .await;
    assert_eq!(activated.status, StatusCode::NO_CONTENT, "{}", activated.text);
    app.login(phone, "Home2026pass").await
}

async fn stewards_see_their_areas_residents_their_own_and_handlers_nothing(app: &TestApp) {
    let w = world(app).await;
    import_ok(
        app,
        &w.project,
        &csv(&[
            format!("1栋,1单元,101,物业费,2,352.40,{}", days_ago(2)),
            format!("1栋,1单元,102,物业费,2,352.40,{}", days_ago(2)),
            format!("2栋,1单元,201,物业费,3,528.60,{}", days_ago(2)),
        ]),
    )
    .await;
    let mine = items(app, &w.steward_a.1, "").await;
    assert_eq!(mine.len(), 2);
    assert!(mine.iter().all(|r| r["owner_id"] == w.steward_a.0.as_str()));
    let theirs = items(app, &w.steward_b.1, "").await;
    assert_eq!(theirs.len(), 1);
    let b_id = theirs[0]["id"].as_str().unwrap();
    app.get(&format!("/api/v1/arrears/{b_id}"), &w.steward_a.1)
        .await
        .assert_problem(404, None);
    contact(
        app,
        &w.steward_a.1,
        &theirs[0],
        json!({"method": "phone", "result": "unreachable"}),
    )
    .await
    .assert_problem(404, None);
    app.get(&format!("/api/v1/arrears/{b_id}/contacts"), &w.steward_a.1)
        .await
        .assert_problem(404, None);
    assert!(items(app, &w.steward_a.1, &format!("area_id={}", w.area_b))
        .await
        .is_empty());

    // Handlers see no arrears; agents read but do not record contacts; nobody else's project.
    app.get("/api/v1/arrears", &w.handler.1).await.assert_problem(403, None);
    assert_eq!(items(app, &w.agent.1, "").await.len(), 3);
    contact(
        app,
        &w.agent.1,
        &mine[0],
        json!({"method": "phone", "result": "unreachable"}),
    )
    .await
    .assert_problem(403, None);
    let outsider_project = app.project("别的小区").await;
    let outsider = app
        .user("sun.supervisor", "supervisor", None, &[&outsider_project])
        .await;
    assert!(items(app, &outsider.1, "").await.is_empty());
    app.get(&format!("/api/v1/arrears/{b_id}"), &outsider.1)
        .await
        .assert_problem(404, None);
    import(app, &w.steward_a.1, &w.project, &csv(&[]))
        .await
        .assert_problem(403, None);

    // A resident sees their own open items, without the contact log.
    contact(
        app,
        &w.steward_a.1,
        &mine[0],
        json!({"method": "phone", "result": "refused", "reason": "refuses", "note": "内部备注"}),
    )
    .await;
    let resident = resident_token(app, &w.agent.1, &w.room_101, "13800138000").await;
    let own = app.get("/api/v1/resident/arrears", &resident).await;
    assert_eq!(own.status, StatusCode::OK, "{}", own.text);
    let own_items = own.body["items"].as_array().unwrap();
    assert_eq!(own_items.len(), 1, "{}", own.text);
    assert_eq!(own_items[0]["room"], "101");
    assert_eq!(own_items[0]["amount"], "352.40");
    assert!(
        !own.text.contains("内部备注") && !own.text.contains("last_contact"),
        "{}",
        own.text
    );
    app.get("/api/v1/arrears", &resident).await.assert_problem(403, None);
    app.get("/api/v1/resident/arrears", &w.agent.1)
        .await
        .assert_problem(403, None);
}

async fn uncontacted_arrears_warn_once_after_the_policy_days(app: &TestApp) {
    let w = world(app).await;
    import_ok(
        app,
        &w.project,
        &csv(&[
            format!("1栋,1单元,101,物业费,2,352.40,{}", days_ago(1)),
            format!("1栋,1单元,102,物业费,2,352.40,{}", days_ago(1)),
            format!("2栋,1单元,201,物业费,2,352.40,{}", days_ago(1)),
        ]),
    )
    .await;
    let rows = items(app, &w.steward_a.1, "").await;
    let contacted = contact(
        app,
        &w.steward_a.1,
        &room(&rows, "101"),
        json!({"method": "phone", "result": "promised"}),
    )
    .await;
    assert_eq!(contacted.status, StatusCode::CREATED, "{}", contacted.text);

    let first = worker(app);
    let second = second_worker(app, &first).await;
    // Within the 30 days nothing fires.
    both_at(&first, &second, chrono::Utc::now() + chrono::Duration::days(29)).await;
    let warnings = |token: String| async move {
        app.get("/api/v1/warnings?rule=arrears_not_contacted", &token)
            .await
            .body["items"]
            .as_array()
            .unwrap()
            .clone()
    };
    assert!(warnings(w.supervisor.1.clone()).await.is_empty());
    let later = chrono::Utc::now() + chrono::Duration::days(31);
    for _ in 0..3 {
        both_at(&first, &second, later).await;
    }
    let fired = warnings(w.supervisor.1.clone()).await;
    assert_eq!(fired.len(), 2, "one per area: {fired:?}");
    let area_a = fired
        .iter()
        .find(|f| f["title"].as_str().unwrap().contains("一片区"))
        .unwrap();
    assert!(area_a["title"].as_str().unwrap().contains("1 户"), "{area_a}");
    assert!(area_a["detail"].as_str().unwrap().contains("1栋-1单元-102"), "{area_a}");
    assert_eq!(notifications_of_kind(app, &w.steward_a.1, "warning").await.len(), 1);
    assert_eq!(notifications_of_kind(app, &w.steward_b.1, "warning").await.len(), 1);
    assert_eq!(notifications_of_kind(app, &w.supervisor.1, "warning").await.len(), 2);
}

async fn integrations_import_with_an_arrears_write_key(app: &TestApp) {
    let w = world(app).await;
    let make = |scopes: Value, project: Option<&str>| {
        let body = json!({"name": "收费系统", "scopes": scopes, "project_id": project});
        async move {
            let reply = app.post("/api/v1/api-keys", &app.admin_token, body).await;
            assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);
            reply.body["key"].as_str().unwrap().to_owned()
        }
    };
    let key = make(json!(["arrears:write"]), Some(&w.project)).await;
    let text = csv(&[format!("1栋,1单元,101,物业费,2,352.40,{}", days_ago(1))]);
    let pushed = app
        .client
        .post(app.url(&format!("/api/v1/arrears/import?project_id={}", w.project)))
        .header("x-api-key", &key)
        .header("content-type", "text/csv")
        .body(text.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(pushed.status(), StatusCode::CREATED);
    assert_eq!(items(app, &app.admin_token, "").await.len(), 1);
    // The key reaches nothing else, nor another project; a stats key cannot import.
    app.get("/api/v1/arrears", &key).await.assert_problem(403, None);
    let other = app.project("别的小区").await;
    import(app, &key, &other, &text)
        .await
        .assert_problem(422, Some("project_id"));
    let stats_key = make(json!(["stats:read"]), None).await;
    import(app, &stats_key, &w.project, &text)
        .await
        .assert_problem(403, None);
}

async fn monthly_figures_per_area_with_the_collection_rate(app: &TestApp) {
    let w = world(app).await;
    let as_of = today().to_string();
    let month = &as_of[..7];
    let text = format!(
        "{HEADER},receivable,received\n\
         1栋,1单元,101,物业费,7,1233.40,{as_of},176.20,0\n\
         1栋,1单元,102,物业费,0,0,{as_of},176.20,176.20\n\
         2栋,1单元,201,物业费,1,176.20,{as_of},176.20,0\n"
    );
    let summary = import_ok(app, &w.project, &text).await;
    assert_eq!(summary["opened"], 2, "{summary}");
    let rows = items(app, &w.steward_a.1, "").await;
    contact(
        app,
        &w.steward_a.1,
        &room(&rows, "101"),
        json!({"method": "visit", "result": "refused", "reason": "hardship"}),
    )
    .await;
    let reply = app
        .get(
            &format!("/api/v1/stats/arrears?month={month}&project_id={}", w.project),
            &w.supervisor.1,
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text);
    let areas = reply.body["areas"].as_array().unwrap();
    let a = areas.iter().find(|x| x["area_id"] == w.area_a.as_str()).unwrap();
    assert_eq!(a["households"], 1, "{a}");
    assert_eq!(a["amount"], "1233.40");
    assert_eq!(a["by_stage"]["supervisor"], 1);
    assert_eq!(a["contacts"], 1);
    assert_eq!(a["by_reason"]["hardship"], 1);
    assert_eq!(a["receivable"], "352.40");
    assert_eq!(a["received"], "176.20");
    assert_eq!(a["collection_rate"], 0.5);
    let total = &reply.body["total"];
    assert_eq!(total["households"], 2);
    assert_eq!(total["amount"], "1409.60");
    assert_eq!(total["collection_rate"], 0.3333);
    // The monthly report carries the same figures.
    let report = app
        .get(
            &format!("/api/v1/stats/report?month={month}&project_id={}", w.project),
            &w.supervisor.1,
        )
        .await;
    assert_eq!(report.status, StatusCode::OK, "{}", report.text);
    assert_eq!(report.body["arrears"]["total"]["amount"], "1409.60", "{}", report.text);
    assert!(report.body["summary"].is_object());
    app.get("/api/v1/stats/arrears?month=2026-13", &w.supervisor.1)
        .await
        .assert_problem(422, Some("month"));
    app.get(&format!("/api/v1/stats/arrears?month={month}"), &w.steward_a.1)
        .await
        .assert_problem(403, None);
    let other = app.project("别的小区").await;
    app.get(
        &format!("/api/v1/stats/arrears?month={month}&project_id={other}"),
        &w.supervisor.1,
    )
    .await
    .assert_problem(404, None);
}
