//! Area stewardship (issue 16): visits and coverage, patrols, missed-patrol warnings — scoped to
//! the steward's own areas. Notices and the residents' side are in `stewardship_notices`.

use chrono::{Duration, Utc};
use huiyin_domain::steward::month::Month;
use huiyin_store::Store;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::db_tests;
use crate::helpers::{Reply, TestApp};

db_tests!(
    stewards_see_and_record_only_their_own_areas,
    coverage_counts_a_household_once_a_beijing_month,
    a_visit_opinion_becomes_one_linked_case_and_the_steward_hears_of_new_cases,
    a_failed_checkpoint_opens_exactly_one_case_also_when_retried,
    bad_stewardship_input_names_the_field,
    a_missed_route_warns_once_per_period_with_two_workers,
);

pub struct World {
    pub project: String,
    pub area: String,
    pub other_area: String,
    pub homes: Vec<String>,
    pub other_home: String,
    pub steward: (String, String),
    pub other_steward: (String, String),
    pub supervisor: (String, String),
    pub agent: (String, String),
}

pub async fn area(app: &TestApp, project: &str, name: &str, steward: &str) -> String {
    let reply = app
        .post(
            "/api/v1/areas",
            &app.admin_token,
            json!({"project_id": project, "name": name, "steward_id": steward}),
        )
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);
    reply.id()
}

pub async fn world(app: &TestApp) -> World {
    let project = app.project("翠湖花园").await;
    let steward = app.user("wang.steward", "steward", None, &[&project]).await;
    let other_steward = app.user("zhao.steward", "steward", None, &[&project]).await;
    let supervisor = app.user("chen.sup", "supervisor", None, &[&project]).await;
    let agent = app.user("li.agent", "agent", None, &[&project]).await;
    let area_id = area(app, &project, "一片区", &steward.0).await;
    let other_area = area(app, &project, "二片区", &other_steward.0).await;
    let mut homes = Vec::new();
    for room in ["0101", "0102", "0201", "0202"] {
        homes.push(app.property(&project, Some(&area_id), "3", "1", room).await);
    }
    let other_home = app.property(&project, Some(&other_area), "5", "1", "0101").await;
    World {
        project,
        area: area_id,
        other_area,
        homes,
        other_home,
        steward,
        other_steward,
        supervisor,
        agent,
    }
}

pub async fn created(reply: Reply) -> Value {
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);
    reply.body
}

async fn visit(app: &TestApp, token: &str, body: Value) -> Value {
    created(app.post("/api/v1/steward-visits", token, body).await).await
}

async fn route(app: &TestApp, token: &str, area: &str, every_days: u32, checkpoints: Value) -> Value {
    created(
        app.post(
            "/api/v1/patrol-routes",
            token,
            json!({"area_id": area, "name": "日巡", "every_days": every_days, "checkpoints": checkpoints}),
        )
        .await,
    )
    .await
}

fn checkpoints() -> Value {
    json!([{"name": "地下车库", "kind": "public_area"}, {"name": "消防泵房", "kind": "equipment"}])
}

fn ids(list: &Value) -> Vec<String> {
    list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["id"].as_str().unwrap().to_owned())
        .collect()
}

async fn stewards_see_and_record_only_their_own_areas(app: &TestApp) {
    let w = world(app).await;
    let mine = &w.steward.1;
    let theirs = &w.other_steward.1;
    let v = visit(
        app,
        mine,
        json!({"property_id": w.homes[0], "purpose": "routine", "reached": true}),
    )
    .await;
    assert_eq!(v["area_id"], w.area.as_str());
    assert_eq!(v["steward_id"], w.steward.0.as_str());
    let vid = v["id"].as_str().unwrap();

    // Not in another steward's area, neither recording nor reading.
    app.post(
        "/api/v1/steward-visits",
        mine,
        json!({"property_id": w.other_home, "purpose": "routine", "reached": true}),
    )
    .await
    .assert_problem(422, Some("property_id"));
    app.get(&format!("/api/v1/steward-visits/{vid}"), theirs)
        .await
        .assert_problem(404, None);
    app.get(&format!("/api/v1/steward-visits?area_id={}", w.area), theirs)
        .await
        .assert_problem(404, None);
    app.get(&format!("/api/v1/areas/{}/coverage", w.area), theirs)
        .await
        .assert_problem(404, None);
    app.get(&format!("/api/v1/areas/{}/worklist", w.area), theirs)
        .await
        .assert_problem(404, None);
    assert!(ids(&app.get("/api/v1/steward-visits", theirs).await.body).is_empty());
    assert_eq!(
        ids(&app.get("/api/v1/steward-visits", mine).await.body),
        vec![vid.to_owned()]
    );

    let r = route(app, mine, &w.area, 1, checkpoints()).await;
    let rid = r["id"].as_str().unwrap();
    app.post(
        "/api/v1/patrol-routes",
        theirs,
        json!({"area_id": w.area, "name": "x", "every_days": 1, "checkpoints": checkpoints()}),
    )
    .await
    .assert_problem(422, Some("area_id"));
    app.get(&format!("/api/v1/patrol-routes/{rid}"), theirs)
        .await
        .assert_problem(404, None);
    app.get(&format!("/api/v1/patrols?route_id={rid}"), theirs)
        .await
        .assert_problem(404, None);
    let results: Vec<Value> = r["checkpoints"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| json!({"checkpoint_id": c["id"], "ok": true}))
        .collect();
    app.post("/api/v1/patrols", theirs, json!({"route_id": rid, "results": results}))
        .await
        .assert_problem(422, Some("route_id"));
    let p = created(
        app.post("/api/v1/patrols", mine, json!({"route_id": rid, "results": results}))
            .await,
    )
    .await;
    app.get(&format!("/api/v1/patrols/{}", p["id"].as_str().unwrap()), theirs)
        .await
        .assert_problem(404, None);
    assert!(ids(&app.get("/api/v1/patrol-routes", theirs).await.body).is_empty());

    // The supervisor of the project sees both areas; an agent has no stewardship work.
    assert_eq!(
        ids(&app.get("/api/v1/steward-visits", &w.supervisor.1).await.body).len(),
        1
    );
    assert_eq!(
        ids(&app.get("/api/v1/patrol-routes", &w.supervisor.1).await.body).len(),
        1
    );
    app.get("/api/v1/steward-visits", &w.agent.1)
        .await
        .assert_problem(403, None);
    // Another project's supervisor sees nothing of it.
    let elsewhere = app.project("别的小区").await;
    let (_, outsider) = app.user("qian.sup", "supervisor", None, &[&elsewhere]).await;
    app.get(&format!("/api/v1/steward-visits/{vid}"), &outsider)
        .await
        .assert_problem(404, None);
    app.get(&format!("/api/v1/areas/{}/coverage", w.area), &outsider)
        .await
        .assert_problem(404, None);
    let _ = w.other_area;
}

async fn coverage_counts_a_household_once_a_beijing_month(app: &TestApp) {
    let w = world(app).await;
    let (mine, sup) = (&w.steward.1, &w.supervisor.1);
    let plan = app
        .put(
            &format!("/api/v1/areas/{}/visit-plan", w.area),
            sup,
            0,
            json!({"monthly_target": 0.5, "key_tags": ["VIP"]}),
        )
        .await;
    assert_eq!(plan.status, StatusCode::OK, "{}", plan.text);
    assert_eq!(plan.body["version"], 1);
    // A VIP customer lives in the third household.
    let vip = created(
        app.post(
            "/api/v1/customers",
            &w.agent.1,
            json!({"name": "周先生", "phones": ["13900139001"], "tags": ["VIP"],
                   "properties": [{"property_id": w.homes[2], "relation": "owner"}]}),
        )
        .await,
    )
    .await;
    // The last full Beijing month, and its first instant in UTC (16:00 the day before).
    let this_month = Month::of(Utc::now());
    let (this_start, _) = this_month.bounds().unwrap();
    let month = Month::of(this_start - Duration::days(1));
    let (start, _) = month.bounds().unwrap();
    let at = |d: Duration| (start + d).to_rfc3339();
    let v1 = visit(app, mine, json!({"property_id": w.homes[0], "purpose": "routine", "reached": true, "visited_at": at(Duration::minutes(30))})).await;
    assert_eq!(v1["month"], month.to_string());
    visit(app, mine, json!({"property_id": w.homes[0], "purpose": "follow_up", "reached": false, "visited_at": at(Duration::days(5))})).await;
    let before = visit(app, mine, json!({"property_id": w.homes[1], "purpose": "routine", "reached": true, "visited_at": at(-Duration::minutes(30))})).await;
    assert_ne!(
        before["month"],
        month.to_string(),
        "30 minutes before the month's Beijing midnight"
    );
    visit(app, mine, json!({"property_id": w.homes[2], "customer_id": vip["id"], "purpose": "key_customer", "reached": false, "visited_at": at(Duration::hours(1))})).await;
    visit(
        app,
        sup,
        json!({"property_id": w.homes[3], "purpose": "routine", "reached": true, "visited_at": at(Duration::days(2))}),
    )
    .await;

    let c = app
        .get(&format!("/api/v1/areas/{}/coverage?month={month}", w.area), mine)
        .await;
    assert_eq!(c.status, StatusCode::OK, "{}", c.text);
    let c = c.body;
    assert_eq!(
        (c["households"].as_u64(), c["visited"].as_u64(), c["reached"].as_u64()),
        (Some(4), Some(3), Some(2)),
        "{c}"
    );
    assert_eq!(c["coverage"], 0.75);
    assert_eq!(c["target"], 0.5);
    assert_eq!(c["target_met"], true);
    assert_eq!(c["key_customers"], json!({"total": 1, "visited": 1}));
    let by: Vec<(String, u64, u64)> = c["by_steward"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["steward_id"].as_str().unwrap().to_owned(),
                s["visits"].as_u64().unwrap(),
                s["households"].as_u64().unwrap(),
            )
        })
        .collect();
    assert!(by.contains(&(w.steward.0.clone(), 3, 2)), "{by:?}");
    assert!(by.contains(&(w.supervisor.0.clone(), 1, 1)), "{by:?}");

    // The month before holds only the visit half an hour before the edge.
    let prev = app
        .get(
            &format!(
                "/api/v1/areas/{}/coverage?month={}",
                w.area,
                before["month"].as_str().unwrap()
            ),
            mine,
        )
        .await
        .body;
    assert_eq!(
        (prev["visited"].as_u64(), prev["coverage"].as_f64()),
        (Some(1), Some(0.25)),
        "{prev}"
    );
    assert_eq!(prev["key_customers"]["visited"], 0);
    assert_eq!(prev["target_met"], false);
    let listed = app
        .get(&format!("/api/v1/steward-visits?area_id={}&month={month}", w.area), sup)
        .await;
    assert_eq!(ids(&listed.body).len(), 4, "{}", listed.text);

    // The statistics list every area's coverage for the month (stewards do not read statistics).
    let stats = app
        .get(
            &format!("/api/v1/stats/coverage?month={month}&project_id={}", w.project),
            sup,
        )
        .await;
    assert_eq!(stats.status, StatusCode::OK, "{}", stats.text);
    let mine_row = stats.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["area_id"] == w.area.as_str())
        .cloned()
        .unwrap();
    assert_eq!(
        (mine_row["visited"].as_u64(), mine_row["households"].as_u64()),
        (Some(3), Some(4))
    );
    // Read for all areas at once, the row says what the area's own view says, key customers too.
    for field in ["reached", "coverage", "target", "target_met", "key_customers"] {
        assert_eq!(mine_row[field], c[field], "{field}: {mine_row} against {c}");
    }
    assert_eq!(stats.body["items"].as_array().unwrap().len(), 2);
    app.get("/api/v1/stats/coverage", mine).await.assert_problem(403, None);
    app.get("/api/v1/stats/coverage?month=2026-1", sup)
        .await
        .assert_problem(422, Some("month"));

    // The worklist: in that month only the second household was left; this month everyone,
    // the key customer's household first, with its open cases.
    let left = app
        .get(&format!("/api/v1/areas/{}/worklist?month={month}", w.area), mine)
        .await
        .body;
    let homes: Vec<&str> = left["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["property_id"].as_str().unwrap())
        .collect();
    assert_eq!(homes, vec![w.homes[1].as_str()]);
    created(
        app.post(
            "/api/v1/cases",
            &w.agent.1,
            json!({"kind": "repair", "channel": "phone", "property_id": w.homes[2], "title": "漏水", "description": "卫生间"}),
        )
        .await,
    )
    .await;
    let now = app
        .get(&format!("/api/v1/areas/{}/worklist?month={this_month}", w.area), mine)
        .await
        .body;
    let first = &now["items"][0];
    assert_eq!(now["items"].as_array().unwrap().len(), 4, "{now}");
    assert_eq!(first["property_id"], w.homes[2].as_str());
    assert_eq!(first["key_customer"], true);
    assert_eq!(first["customers"][0]["name"], "周先生");
    assert_eq!(first["open_cases"].as_array().unwrap().len(), 1);

    // The plan is versioned.
    app.put(
        &format!("/api/v1/areas/{}/visit-plan", w.area),
        sup,
        0,
        json!({"monthly_target": 0.4}),
    )
    .await
    .assert_problem(412, None);
    app.put(
        &format!("/api/v1/areas/{}/visit-plan", w.area),
        mine,
        1,
        json!({"monthly_target": 0.4}),
    )
    .await
    .assert_problem(403, None);
}

async fn notifications(app: &TestApp, token: &str) -> Vec<Value> {
    let reply = app.get("/api/v1/notifications", token).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text);
    reply.body["items"].as_array().unwrap().clone()
}

async fn a_visit_opinion_becomes_one_linked_case_and_the_steward_hears_of_new_cases(app: &TestApp) {
    let w = world(app).await;
    let mine = &w.steward.1;
    let v = visit(
        app,
        mine,
        json!({"property_id": w.homes[1], "purpose": "routine", "reached": true, "opinions": "楼道灯坏了两周"}),
    )
    .await;
    let vid = v["id"].as_str().unwrap();
    let body = |channel: &str| {
        json!({"kind": "complaint", "channel": channel, "property_id": w.homes[1], "title": "楼道灯不亮",
               "description": "走访时业主反映", "steward_visit_id": vid})
    };
    app.post("/api/v1/cases", mine, body("phone"))
        .await
        .assert_problem(422, Some("channel"));
    app.post("/api/v1/cases", &w.other_steward.1, body("steward_visit"))
        .await
        .assert_problem(422, Some("steward_visit_id"));
    let case = created(app.post("/api/v1/cases", mine, body("steward_visit")).await).await;
    let case_id = case["id"].as_str().unwrap();
    assert_eq!(case["channel"], "steward_visit");
    // The visit names the case; the case's timeline names the visit.
    let linked = app.get(&format!("/api/v1/steward-visits/{vid}"), mine).await.body;
    assert_eq!(linked["case_id"], case_id);
    let events = app.get(&format!("/api/v1/cases/{case_id}/events"), mine).await.body;
    let link = events["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["action"] == "steward_visit")
        .unwrap_or_else(|| panic!("no steward_visit event in {events}"))
        .clone();
    assert!(link.to_string().contains(vid), "{link}");
    // One case per visit.
    app.post("/api/v1/cases", mine, body("steward_visit"))
        .await
        .assert_problem(409, None);
    let cases = app.get("/api/v1/cases?channel=steward_visit", &app.admin_token).await;
    if cases.status == StatusCode::OK {
        assert_eq!(ids(&cases.body).len(), 1, "{}", cases.text);
    }
    // The steward hears of a case an agent registers in the area, not of their own.
    assert!(notifications(app, mine).await.iter().all(|n| n["kind"] != "area_case"));
    let other = created(
        app.post(
            "/api/v1/cases",
            &w.agent.1,
            json!({"kind": "repair", "channel": "phone", "property_id": w.homes[0], "title": "水管", "description": "漏水"}),
        )
        .await,
    )
    .await;
    let heard = notifications(app, mine).await;
    let note = heard
        .iter()
        .find(|n| n["kind"] == "area_case")
        .unwrap_or_else(|| panic!("{heard:?}"));
    assert_eq!(note["case_id"], other["id"]);
    assert!(notifications(app, &w.other_steward.1)
        .await
        .iter()
        .all(|n| n["kind"] != "area_case"));
}

async fn patrol_once(app: &TestApp, token: &str, key: &str, body: &Value) -> Reply {
    app.send(
        Method::POST,
        "/api/v1/patrols",
        Some(token),
        Some(body.clone()),
        &[("idempotency-key", key)],
    )
    .await
}

async fn a_failed_checkpoint_opens_exactly_one_case_also_when_retried(app: &TestApp) {
    let w = world(app).await;
    let mine = &w.steward.1;
    let r = route(
        app,
        mine,
        &w.area,
        1,
        json!([{"name": "地下车库", "kind": "public_area"},
               {"name": "3-1-0202 空置房", "kind": "vacant_house", "property_id": w.homes[3]},
               {"name": "消防泵房", "kind": "equipment"}]),
    )
    .await;
    assert_eq!(r["due"], false);
    let cps: Vec<String> = r["checkpoints"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap().to_owned())
        .collect();
    let body = json!({"route_id": r["id"], "results": [
        {"checkpoint_id": cps[0], "ok": false, "note": "车库积水约 10 厘米"},
        {"checkpoint_id": cps[1], "ok": true},
        {"checkpoint_id": cps[2], "ok": true}]});
    let (a, b) = tokio::join!(
        patrol_once(app, mine, "patrol-1", &body),
        patrol_once(app, mine, "patrol-1", &body)
    );
    let first = created(a).await;
    let again = created(b).await;
    assert_eq!(first["id"], again["id"]);
    let retry = created(patrol_once(app, mine, "patrol-1", &body).await).await;
    assert_eq!(retry, first);
    assert_eq!(first["failed"], 1);
    let case_id = first["results"][0]["case_id"]
        .as_str()
        .expect("the failed checkpoint's case")
        .to_owned();
    assert!(first["results"][1]["case_id"].is_null());
    let patrols = app
        .get(&format!("/api/v1/patrols?route_id={}", r["id"].as_str().unwrap()), mine)
        .await;
    assert_eq!(ids(&patrols.body).len(), 1, "{}", patrols.text);

    // Exactly one incident case, of the area (a public area has no property), visible to its steward.
    let all = app.get("/api/v1/cases?kind=incident", &app.admin_token).await;
    assert_eq!(ids(&all.body), vec![case_id.clone()], "{}", all.text);
    let case = app.get(&format!("/api/v1/cases/{case_id}"), mine).await;
    assert_eq!(case.status, StatusCode::OK, "{}", case.text);
    assert_eq!(case.body["channel"], "patrol");
    assert_eq!(case.body["kind"], "incident");
    assert!(case.text.contains("车库积水"), "{}", case.text);
    app.get(&format!("/api/v1/cases/{case_id}"), &w.other_steward.1)
        .await
        .assert_problem(404, None);
    let after = app
        .get(&format!("/api/v1/patrol-routes/{}", r["id"].as_str().unwrap()), mine)
        .await
        .body;
    assert!(after["last_patrolled_at"].is_string(), "{after}");

    // A failed checkpoint with a property opens its case about that property.
    let body = json!({"route_id": r["id"], "results": [
        {"checkpoint_id": cps[0], "ok": true}, {"checkpoint_id": cps[1], "ok": false, "note": "窗户未关"},
        {"checkpoint_id": cps[2], "ok": true}]});
    let second = created(patrol_once(app, mine, "patrol-2", &body).await).await;
    let case = app
        .get(
            &format!("/api/v1/cases/{}", second["results"][1]["case_id"].as_str().unwrap()),
            mine,
        )
        .await;
    assert!(case.text.contains(w.homes[3].as_str()), "{}", case.text);
}

async fn bad_stewardship_input_names_the_field(app: &TestApp) {
    let w = world(app).await;
    let mine = &w.steward.1;
    let sup = &w.supervisor.1;
    let plan = format!("/api/v1/areas/{}/visit-plan", w.area);
    for target in [1.5, -0.1] {
        app.put(&plan, sup, 0, json!({"monthly_target": target}))
            .await
            .assert_problem(422, Some("monthly_target"));
    }
    app.put(&plan, sup, 0, json!({"monthly_target": 0.3, "key_tags": [" "]}))
        .await
        .assert_problem(422, Some("key_tags[0]"));
    let r = route(app, mine, &w.area, 7, checkpoints()).await;
    let other = route(app, &w.other_steward.1, &w.other_area, 7, checkpoints()).await;
    let cp = |route: &Value, i: usize| route["checkpoints"][i]["id"].clone();
    let patrol = |results: Value| json!({"route_id": r["id"], "results": results});
    app.post(
        "/api/v1/patrols",
        mine,
        patrol(json!([{"checkpoint_id": uuid::Uuid::now_v7(), "ok": true}])),
    )
    .await
    .assert_problem(422, Some("results[0].checkpoint_id"));
    app.post(
        "/api/v1/patrols",
        mine,
        patrol(json!([{"checkpoint_id": cp(&r, 0), "ok": true}, {"checkpoint_id": cp(&other, 0), "ok": true}])),
    )
    .await
    .assert_problem(422, Some("results[1].checkpoint_id"));
    app.post(
        "/api/v1/patrols",
        mine,
        patrol(json!([{"checkpoint_id": cp(&r, 0), "ok": true}, {"checkpoint_id": cp(&r, 0), "ok": true}])),
    )
    .await
    .assert_problem(422, Some("results[1].checkpoint_id"));
    app.post(
        "/api/v1/patrols",
        mine,
        patrol(json!([{"checkpoint_id": cp(&r, 0), "ok": true}])),
    )
    .await
    .assert_problem(422, Some("results"));
    app.post(
        "/api/v1/patrols",
        mine,
        json!({"route_id": uuid::Uuid::now_v7(), "results": []}),
    )
    .await
    .assert_problem(422, Some("route_id"));
    let route_body = |every: i64, points: Value| json!({"area_id": w.area, "name": "周巡", "every_days": every, "checkpoints": points});
    app.post("/api/v1/patrol-routes", mine, route_body(0, checkpoints()))
        .await
        .assert_problem(422, Some("every_days"));
    app.post("/api/v1/patrol-routes", mine, route_body(7, json!([])))
        .await
        .assert_problem(422, Some("checkpoints"));
    app.post(
        "/api/v1/patrol-routes",
        mine,
        route_body(
            7,
            json!([{"name": "商铺", "kind": "shop", "property_id": uuid::Uuid::now_v7()}]),
        ),
    )
    .await
    .assert_problem(422, Some("checkpoints[0].property_id"));
    app.post(
        "/api/v1/patrol-routes",
        mine,
        route_body(7, json!([{"name": "x", "kind": "garage"}])),
    )
    .await
    .assert_problem(422, None);
    app.post(
        "/api/v1/steward-visits",
        mine,
        json!({"property_id": w.homes[0], "purpose": "gossip", "reached": true}),
    )
    .await
    .assert_problem(422, None);
    let future = (Utc::now() + Duration::days(1)).to_rfc3339();
    app.post(
        "/api/v1/steward-visits",
        mine,
        json!({"property_id": w.homes[0], "purpose": "routine", "reached": true, "visited_at": future}),
    )
    .await
    .assert_problem(422, Some("visited_at"));
    app.post(
        "/api/v1/steward-visits",
        mine,
        json!({"property_id": w.homes[0], "customer_id": uuid::Uuid::now_v7(), "purpose": "routine", "reached": true}),
    )
    .await
    .assert_problem(422, Some("customer_id"));
    app.get(&format!("/api/v1/areas/{}/coverage?month=2026-13", w.area), mine)
        .await
        .assert_problem(422, Some("month"));
    app.get("/api/v1/steward-visits?month=12-2026", mine)
        .await
        .assert_problem(422, Some("month"));
}

async fn a_missed_route_warns_once_per_period_with_two_workers(app: &TestApp) {
    let w = world(app).await;
    let r = route(app, &w.steward.1, &w.area, 1, checkpoints()).await;
    let second = if app.database_url.starts_with("postgres") {
        Store::connect(&app.database_url).await.unwrap()
    } else {
        app.store.clone()
    };
    use huiyin_store::stewardship::missed::sweep;
    // Nothing is missed on the day the route starts or the next.
    assert_eq!(sweep(&app.store.db, Utc::now() + Duration::hours(1)).await.unwrap(), 0);
    // Noon in Beijing three days on, so that an hour later is still the same period (a period is
    // a Beijing day: `now + 3 days` run between 15:00 and 16:00 UTC crossed midnight).
    let day = (Utc::now() + Duration::days(3))
        .with_timezone(&chrono_tz::Asia::Shanghai)
        .date_naive();
    let later = day.and_hms_opt(4, 0, 0).unwrap().and_utc();
    let (a, b) = tokio::join!(sweep(&app.store.db, later), sweep(&second.db, later));
    assert_eq!(a.unwrap() + b.unwrap(), 1);
    assert_eq!(
        sweep(&app.store.db, later + Duration::hours(1)).await.unwrap(),
        0,
        "same period"
    );
    let warned = app.get("/api/v1/warnings?rule=patrol_missed", &w.supervisor.1).await;
    assert_eq!(ids(&warned.body).len(), 1, "{}", warned.text);
    assert_eq!(warned.body["items"][0]["project_id"], w.project.as_str());
    for token in [&w.steward.1, &w.supervisor.1] {
        let heard = notifications(app, token).await;
        assert_eq!(heard.iter().filter(|n| n["kind"] == "warning").count(), 1, "{heard:?}");
    }
    assert!(notifications(app, &w.other_steward.1).await.is_empty());
    // Another day without a patrol is another missed period; a patrol stops the warnings.
    let (a, b) = tokio::join!(
        sweep(&app.store.db, later + Duration::days(1)),
        sweep(&second.db, later + Duration::days(1))
    );
    assert_eq!(a.unwrap() + b.unwrap(), 1);
    let results: Vec<Value> = r["checkpoints"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| json!({"checkpoint_id": c["id"], "ok": true}))
        .collect();
    created(
        app.post(
            "/api/v1/patrols",
            &w.steward.1,
            json!({"route_id": r["id"], "results": results}),
        )
        .await,
    )
    .await;
    assert_eq!(sweep(&app.store.db, Utc::now() + Duration::hours(1)).await.unwrap(), 0);
    let warned = app.get("/api/v1/warnings?rule=patrol_missed", &w.supervisor.1).await;
    assert_eq!(ids(&warned.body).len(), 2, "{}", warned.text);
}
