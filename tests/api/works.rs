//! Works (装修工程): opened from signed leads, stage visits scheduled and escalated, completion
//! and warranty, paid repairs out of warranty, scope and bad input.

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::db_tests;
use crate::helpers::{Reply, TestApp};
use crate::lead_steps::{act_ok, lead, store, Store};

db_tests!(
    stage_visits_are_scheduled_escalated_and_completion_starts_the_warranty,
    repairs_on_works_out_of_warranty_are_marked_paid,
    works_are_scoped_and_bad_input_names_the_field,
);

/// A signed lead of the store, and the works opened for it.
async fn signed_works(app: &TestApp, s: &Store, phone: &str) -> Value {
    let cm = &s.manager.1;
    let designer = &s.designers[0];
    let l = lead(app, cm, phone, "80000").await;
    let l = act_ok(app, cm, &l, "dispatch", json!({"designer_id": designer.0})).await;
    let l = act_ok(app, &designer.1, &l, "measure", json!({})).await;
    let l = act_ok(app, &designer.1, &l, "propose", json!({})).await;
    let l = act_ok(app, &designer.1, &l, "sign", json!({"note": "已签合同"})).await;
    assert_eq!(l["status"], "signed");
    let reply = app.post("/api/v1/works", cm, works_body(s, &l)).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);
    reply.body
}

fn works_body(s: &Store, lead: &Value) -> Value {
    json!({"lead_id": lead["id"], "contract_signed_on": "2026-12-01", "contract_amount": "86000.00",
           "designer_id": s.designers[0].0, "project_manager_id": s.manager.0, "supervisor_id": s.design_manager.0,
           "planned_start": "2026-12-10", "planned_finish": "2027-03-01", "address": "锦绣花园 5栋 1802"})
}

async fn post_v(app: &TestApp, token: &str, works: &Value, path: &str, body: Option<Value>) -> Reply {
    let etag = format!("\"{}\"", works["version"].as_i64().unwrap());
    let url = format!("/api/v1/works/{}/{path}", works["id"].as_str().unwrap());
    app.send(Method::POST, &url, Some(token), body, &[("if-match", &etag)])
        .await
}

async fn ok(reply: Reply) -> Value {
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text);
    reply.body
}

fn visit(stage: &str, satisfaction: &str) -> Value {
    json!({"stage": stage, "satisfaction": satisfaction, "inspector_present": true, "briefing_clear": true})
}

async fn stage_visits_are_scheduled_escalated_and_completion_starts_the_warranty(app: &TestApp) {
    let s = store(app, &["chief"]).await;
    let agent = app.user("agent_works", "agent", None, &[&s.project]).await;
    let w = signed_works(app, &s, "13900139701").await;
    let stages: Vec<_> = w["stages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].clone())
        .collect();
    assert_eq!(
        stages,
        [
            json!("material_arrival"),
            json!("mid_construction"),
            json!("completion")
        ]
    );
    assert_eq!(w["status"], "planned");
    assert_eq!(w["contract_amount"], "86000.00");
    // A second works for the same lead is refused.
    let lead_id = w["lead_id"].clone();
    let again = app
        .post("/api/v1/works", &s.manager.1, works_body(&s, &json!({"id": lead_id})))
        .await;
    again.assert_problem(409, Some("lead_id"));
    // Visiting a stage that has not started: 409.
    post_v(
        app,
        &agent.1,
        &w,
        "visits",
        Some(visit("material_arrival", "satisfied")),
    )
    .await
    .assert_problem(409, Some("stage"));
    let w = ok(post_v(app, &s.manager.1, &w, "stages/material_arrival/start", None).await).await;
    assert_eq!(w["status"], "under_construction");
    assert_eq!(w["stages"][0]["status"], "started");
    assert!(w["stages"][0]["visit_due_at"].is_string());
    let scheduled: Vec<_> = w["visits"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|v| v["done_at"].is_null())
        .collect();
    assert_eq!(scheduled.len(), 1);
    assert_eq!(scheduled[0]["stage"], "material_arrival");
    post_v(app, &s.manager.1, &w, "stages/material_arrival/start", None)
        .await
        .assert_problem(409, Some("stage"));
    // A satisfied visit with a designer issue: one designer complaint linked to the works.
    let mut body = visit("material_arrival", "satisfied");
    body["issues"] = json!([{"kind": "designer", "description": "设计师交底不清楚，插座位置未说明"}]);
    let w = ok(post_v(app, &agent.1, &w, "visits", Some(body)).await).await;
    assert_eq!(w["stages"][0]["status"], "visited");
    let done = w["visits"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["stage"] == "material_arrival")
        .unwrap()
        .clone();
    assert_eq!(done["satisfaction"], "satisfied");
    assert_eq!(done["inspector_present"], true);
    assert_eq!(w["cases"].as_array().unwrap().len(), 1);
    assert_eq!(w["cases"][0]["reason"], "visit_issue");
    let case = app
        .get(
            &format!("/api/v1/cases/{}", w["cases"][0]["case_id"].as_str().unwrap()),
            &agent.1,
        )
        .await;
    assert_eq!(case.status, StatusCode::OK, "{}", case.text);
    assert_eq!(case.body["kind"], "complaint");
    assert!(case.text.contains("设计师投诉"), "{}", case.text);
    // A dissatisfied mid-construction visit escalates: a major engineering complaint.
    let w = ok(post_v(app, &s.manager.1, &w, "stages/mid_construction/start", None).await).await;
    let w = ok(post_v(
        app,
        &agent.1,
        &w,
        "visits",
        Some(visit("mid_construction", "dissatisfied")),
    )
    .await)
    .await;
    let escalated = w["cases"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["reason"] == "dissatisfied_visit")
        .unwrap()
        .clone();
    let case = app
        .get(
            &format!("/api/v1/cases/{}", escalated["case_id"].as_str().unwrap()),
            &agent.1,
        )
        .await;
    assert_eq!(case.body["severity"], "major", "{}", case.text);
    assert!(case.text.contains("工程质量投诉"), "{}", case.text);
    // Completion: the warranty runs two years, six aftercare visits are scheduled.
    let w = ok(post_v(app, &s.manager.1, &w, "stages/completion/start", None).await).await;
    let mut body = visit("completion", "very_satisfied");
    body["designer_satisfaction"] = json!("satisfied");
    let w = ok(post_v(app, &agent.1, &w, "visits", Some(body)).await).await;
    assert_eq!(w["status"], "completed");
    let completed: chrono::NaiveDate = w["completed_on"].as_str().unwrap().parse().unwrap();
    let until: chrono::NaiveDate = w["warranty_until"].as_str().unwrap().parse().unwrap();
    assert_eq!(until, completed.checked_add_months(chrono::Months::new(24)).unwrap());
    let aftercare = w["visits"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|v| v["stage"] == "aftercare")
        .count();
    assert_eq!(aftercare, 6);
    let w = ok(post_v(app, &agent.1, &w, "visits", Some(visit("aftercare", "satisfied"))).await).await;
    let open_aftercare = w["visits"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|v| v["stage"] == "aftercare" && v["done_at"].is_null())
        .count();
    assert_eq!(open_aftercare, 5);
    // The archive: warranty card and deposit.
    let w = ok(post_v(
        app,
        &s.manager.1,
        &w,
        "archive",
        Some(json!({"warranty_card_issued": true, "warranty_deposit": "2580.00"})),
    )
    .await)
    .await;
    assert_eq!(w["warranty_card_issued"], true);
    assert_eq!(w["warranty_deposit"], "2580.00");
}

async fn repairs_on_works_out_of_warranty_are_marked_paid(app: &TestApp) {
    let s = store(app, &["chief"]).await;
    let agent = app.user("agent_paid", "agent", None, &[&s.project]).await;
    let w = signed_works(app, &s, "13900139801").await;
    let w = ok(post_v(app, &s.manager.1, &w, "stages/completion/start", None).await).await;
    let w = ok(post_v(app, &agent.1, &w, "visits", Some(visit("completion", "satisfied"))).await).await;
    let repair = |title: &str| {
        json!({"kind": "repair", "channel": "phone", "customer_id": w["customer_id"], "project_id": s.project,
               "title": title, "description": "卫生间漏水"})
    };
    // Within warranty: an ordinary repair.
    let free = app.post("/api/v1/cases", &agent.1, repair("保修期内报修")).await;
    assert_eq!(free.status, StatusCode::CREATED, "{}", free.text);
    let events = app.get(&format!("/api/v1/cases/{}/events", free.id()), &agent.1).await;
    assert!(!events.text.contains("marked_paid"), "{}", events.text);
    let lookup = app
        .get(
            &format!(
                "/api/v1/works/warranty?customer_id={}",
                w["customer_id"].as_str().unwrap()
            ),
            &agent.1,
        )
        .await;
    assert_eq!(lookup.body["out_of_warranty"], false, "{}", lookup.text);
    // The warranty ran out: the next repair is marked paid before dispatch.
    use huiyin_store::entity::works;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let id: uuid::Uuid = w["id"].as_str().unwrap().parse().unwrap();
    works::Entity::update_many()
        .col_expr(
            works::Column::WarrantyUntil,
            sea_orm::sea_query::Expr::value(chrono::NaiveDate::from_ymd_opt(2025, 1, 1).unwrap()),
        )
        .filter(works::Column::Id.eq(id))
        .exec(&app.store.db)
        .await
        .unwrap();
    let lookup = app
        .get(
            &format!(
                "/api/v1/works/warranty?customer_id={}",
                w["customer_id"].as_str().unwrap()
            ),
            &agent.1,
        )
        .await;
    assert_eq!(lookup.body["out_of_warranty"], true, "{}", lookup.text);
    let paid = app.post("/api/v1/cases", &agent.1, repair("过保报修")).await;
    assert_eq!(paid.status, StatusCode::CREATED, "{}", paid.text);
    assert_eq!(paid.body["status"], "registered");
    let events = app.get(&format!("/api/v1/cases/{}/events", paid.id()), &agent.1).await;
    let marked = events.body["items"]
        .as_array()
        .or(events.body.as_array())
        .unwrap()
        .iter()
        .find(|e| e["action"] == "marked_paid")
        .cloned()
        .unwrap_or_else(|| panic!("no marked_paid in {}", events.text));
    assert_eq!(marked["payload"]["paid"], true);
    let w = app.get(&format!("/api/v1/works/{id}"), &agent.1).await;
    assert!(w.body["cases"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["reason"] == "paid_repair" && c["case_id"] == json!(paid.id())));
    // Complaints are never marked paid.
    let mut complaint = repair("投诉");
    complaint["kind"] = json!("complaint");
    let c = app.post("/api/v1/cases", &agent.1, complaint).await;
    let events = app.get(&format!("/api/v1/cases/{}/events", c.id()), &agent.1).await;
    assert!(!events.text.contains("marked_paid"));
}

async fn works_are_scoped_and_bad_input_names_the_field(app: &TestApp) {
    let s = store(app, &["chief", "chief"]).await;
    let cm = &s.manager.1;
    let w = signed_works(app, &s, "13900139901").await;
    let id = w["id"].as_str().unwrap();
    // The works' designer sees it; another designer and another store do not.
    assert_eq!(
        app.get(&format!("/api/v1/works/{id}"), &s.designers[0].1).await.status,
        StatusCode::OK
    );
    app.get(&format!("/api/v1/works/{id}"), &s.designers[1].1)
        .await
        .assert_problem(404, None);
    assert!(app.get("/api/v1/works", &s.designers[1].1).await.body["items"]
        .as_array()
        .unwrap()
        .is_empty());
    let elsewhere = app.project("别的门店").await;
    let stranger = app
        .user("cm_w_elsewhere", "customer_manager", None, &[&elsewhere])
        .await;
    app.get(&format!("/api/v1/works/{id}"), &stranger.1)
        .await
        .assert_problem(404, None);
    // Designers do not record visits.
    post_v(
        app,
        &s.designers[0].1,
        &w,
        "visits",
        Some(visit("material_arrival", "satisfied")),
    )
    .await
    .assert_problem(403, None);
    // A stage of another works (or none) → 422 stage.
    post_v(app, cm, &w, "stages/carpentry/start", None)
        .await
        .assert_problem(422, Some("stage"));
    post_v(app, cm, &w, "visits", Some(visit("painting", "satisfied")))
        .await
        .assert_problem(422, Some("stage"));
    // Unsigned leads, bad amounts, bad dates, unknown satisfaction.
    let unsigned = lead(app, cm, "13900139902", "10000").await;
    app.post("/api/v1/works", cm, works_body(&s, &unsigned))
        .await
        .assert_problem(409, Some("lead_id"));
    let mut body = works_body(&s, &unsigned);
    body["contract_amount"] = json!("-1");
    app.post("/api/v1/works", cm, body)
        .await
        .assert_problem(422, Some("contract_amount"));
    let mut body = works_body(&s, &w);
    body["lead_id"] = w["lead_id"].clone();
    body["planned_finish"] = json!("2026-01-01");
    app.post("/api/v1/works", cm, body)
        .await
        .assert_problem(422, Some("planned_finish"));
    let mut v = visit("material_arrival", "meh");
    v["stage"] = json!("material_arrival");
    post_v(app, cm, &w, "visits", Some(v))
        .await
        .assert_problem(422, Some("satisfaction"));
    app.get("/api/v1/works/warranty", cm)
        .await
        .assert_problem(422, Some("property_id"));
}

mod statistics {
    use super::*;

    db_tests!(monthly_lead_and_works_figures);

    async fn monthly_lead_and_works_figures(app: &TestApp) {
        let s = store(app, &["chief", "chief"]).await;
        let agent = app.user("agent_stats", "agent", None, &[&s.project]).await;
        let w = signed_works(app, &s, "13900138001").await;
        let w = ok(post_v(app, &s.manager.1, &w, "stages/material_arrival/start", None).await).await;
        let mut v = visit("material_arrival", "satisfied");
        v["inspector_present"] = json!(false);
        let w = ok(post_v(app, &agent.1, &w, "visits", Some(v)).await).await;
        let w = ok(post_v(app, &s.manager.1, &w, "stages/completion/start", None).await).await;
        let mut v = visit("completion", "very_satisfied");
        v["designer_satisfaction"] = json!("dissatisfied");
        ok(post_v(app, &agent.1, &w, "visits", Some(v)).await).await;
        // A lost lead, confirmed.
        let l = lead(app, &s.manager.1, "13900138002", "60000").await;
        let l = act_ok(
            app,
            &s.manager.1,
            &l,
            "lose",
            json!({"kind": "invalid", "reason": "budget_too_low", "customer_statement": "预算不够"}),
        )
        .await;
        act_ok(
            app,
            &s.design_manager.1,
            &l,
            "lose/confirm",
            json!({"confirm": true, "note": "确认"}),
        )
        .await;
        let month = huiyin_domain::time::business_day(chrono::Utc::now())
            .format("%Y-%m")
            .to_string();
        let leads = app
            .get(&format!("/api/v1/stats/leads?month={month}"), &s.design_manager.1)
            .await;
        assert_eq!(leads.status, StatusCode::OK, "{}", leads.text);
        let total = &leads.body["total"];
        assert_eq!(
            (
                total["leads"].as_i64(),
                total["signed"].as_i64(),
                total["lost_invalid"].as_i64()
            ),
            (Some(2), Some(1), Some(1))
        );
        assert_eq!(total["conversion_rate"], 0.5);
        assert_eq!(leads.body["losses"][0]["reason"], "budget_too_low");
        let fairness = &leads.body["fairness"];
        assert_eq!(
            (
                fairness["designers"].as_i64(),
                fairness["dispatches"].as_i64(),
                fairness["spread"].as_i64()
            ),
            (Some(2), Some(1), Some(1))
        );
        let large = leads.body["by_size"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["size"] == "large")
            .unwrap()
            .clone();
        assert_eq!(large["leads"], 2);
        let works = app
            .get(&format!("/api/v1/stats/works?month={month}"), &s.design_manager.1)
            .await;
        assert_eq!(works.status, StatusCode::OK, "{}", works.text);
        assert_eq!(works.body["visits"], 2);
        assert_eq!(works.body["inspector_presence_rate"], 0.5);
        assert_eq!(works.body["stages"]["completion"]["very_satisfied"], 1);
        assert_eq!(works.body["designer"]["dissatisfied"], 1);
        // Customer managers and designers have no statistics; bad months name the field.
        app.get(&format!("/api/v1/stats/leads?month={month}"), &s.manager.1)
            .await
            .assert_problem(403, None);
        // An agent reads statistics and works but not the sales pipeline: no lead figures, as
        // the monthly report's leads section is null for them.
        app.get(&format!("/api/v1/stats/leads?month={month}"), &agent.1)
            .await
            .assert_problem(403, None);
        let agent_works = app.get(&format!("/api/v1/stats/works?month={month}"), &agent.1).await;
        assert_eq!(agent_works.status, StatusCode::OK, "{}", agent_works.text);
        assert_eq!(agent_works.body["visits"], 2);
        app.get("/api/v1/stats/works?month=2026-13", &s.design_manager.1)
            .await
            .assert_problem(422, Some("month"));
    }
}
