//! The monthly report's module sections (arrears, visit coverage, leads, works, top knowledge
//! articles) against hand-built data, their CSV/XLSX forms, the breakdown by area with its
//! coverage, and inquiries closed on the spot with a knowledge article.

use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::arrears::{import_ok, today, HEADER};
use crate::case_steps::{act, act_ok, new_case};
use crate::db_tests;
use crate::helpers::TestApp;
use crate::lead_steps::{act_ok as lead_ok, lead, store, Store};
use crate::stewardship::{area, created};

db_tests!(
    the_report_carries_every_module_of_the_callers_scope,
    the_breakdown_by_area_shows_each_areas_coverage,
    inquiries_closed_with_an_article_are_counted,
);

struct World {
    s: Store,
    area: String,
    home: String,
    steward: (String, String),
    manager: (String, String),
    agent: (String, String),
    /// An agent of another project.
    outsider: (String, String),
}

/// One store-project with an area whose name looks like a formula, two households, a steward.
async fn world(app: &TestApp) -> World {
    let s = store(app, &["chief"]).await;
    let steward = app.user("report.steward", "steward", None, &[&s.project]).await;
    let area_id = area(app, &s.project, "=1+1片区", &steward.0).await;
    let home = app.property(&s.project, Some(&area_id), "1栋", "1单元", "101").await;
    app.property(&s.project, Some(&area_id), "1栋", "1单元", "102").await;
    let other = app.project("别的小区").await;
    World {
        manager: app.user("report.manager", "manager", None, &[&s.project]).await,
        agent: app.user("report.agent", "agent", None, &[&s.project]).await,
        outsider: app.user("report.outsider", "agent", None, &[&other]).await,
        area: area_id,
        home,
        steward,
        s,
    }
}

fn month() -> String {
    today().to_string()[..7].to_owned()
}

/// One arrears import, two visits of one household, a target of 30 %.
async fn arrears_and_visits(app: &TestApp, w: &World) {
    let text = format!("{HEADER}\n1栋,1单元,101,物业费,7,1233.40,{}\n", today());
    import_ok(app, &w.s.project, &text).await;
    let plan = app
        .put(
            &format!("/api/v1/areas/{}/visit-plan", w.area),
            &w.s.design_manager.1,
            0,
            json!({"monthly_target": 0.3, "key_tags": []}),
        )
        .await;
    assert_eq!(plan.status, StatusCode::OK, "{}", plan.text);
    for reached in [true, false] {
        created(
            app.post(
                "/api/v1/steward-visits",
                &w.steward.1,
                json!({"property_id": w.home, "purpose": "routine", "reached": reached}),
            )
            .await,
        )
        .await;
    }
}

/// One lead lost (invalid, confirmed) and one signed whose works had one stage visit.
async fn leads_and_works(app: &TestApp, w: &World) {
    let (cm, dm) = (&w.s.manager.1, &w.s.design_manager.1);
    let designer = &w.s.designers[0];
    let l = lead(app, cm, "13900139801", "80000").await;
    let l = lead_ok(app, cm, &l, "dispatch", json!({"designer_id": designer.0})).await;
    let lose = json!({"kind": "invalid", "reason": "false_data", "customer_statement": "电话空号"});
    let pending = lead_ok(app, cm, &l, "lose", lose).await;
    let lost = lead_ok(
        app,
        dm,
        &pending,
        "lose/confirm",
        json!({"confirm": true, "note": "核实为无效"}),
    )
    .await;
    assert_eq!(lost["status"], "lost");
    let l = lead(app, cm, "13900139802", "80000").await;
    let l = lead_ok(app, cm, &l, "dispatch", json!({"designer_id": designer.0})).await;
    let l = lead_ok(app, &designer.1, &l, "measure", json!({})).await;
    let l = lead_ok(app, &designer.1, &l, "propose", json!({})).await;
    let l = lead_ok(app, &designer.1, &l, "sign", json!({"note": "已签合同"})).await;
    let works = created(
        app.post(
            "/api/v1/works",
            cm,
            json!({"lead_id": l["id"], "contract_signed_on": "2026-12-01", "contract_amount": "86000.00",
                   "designer_id": designer.0, "project_manager_id": w.s.manager.0,
                   "supervisor_id": w.s.design_manager.0, "planned_start": "2026-12-10",
                   "planned_finish": "2027-03-01", "address": "锦绣花园 5栋 1802"}),
        )
        .await,
    )
    .await;
    let post = |token: String, works: Value, path: &'static str, body: Option<Value>| async move {
        let etag = format!("\"{}\"", works["version"].as_i64().unwrap());
        let url = format!("/api/v1/works/{}/{path}", works["id"].as_str().unwrap());
        let reply = app
            .send(reqwest::Method::POST, &url, Some(&token), body, &[("if-match", &etag)])
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{path}: {}", reply.text);
        reply.body
    };
    let works = post(cm.clone(), works, "stages/material_arrival/start", None).await;
    let visit = json!({"stage": "material_arrival", "satisfaction": "satisfied", "inspector_present": true});
    post(w.agent.1.clone(), works, "visits", Some(visit)).await;
}

async fn report(app: &TestApp, token: &str, query: &str) -> Value {
    let reply = app
        .get(&format!("/api/v1/stats/report?month={}{query}", month()), token)
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text);
    reply.body
}

async fn the_report_carries_every_module_of_the_callers_scope(app: &TestApp) {
    let w = world(app).await;
    arrears_and_visits(app, &w).await;
    leads_and_works(app, &w).await;
    let r = report(app, &w.manager.1, &format!("&project_id={}", w.s.project)).await;
    let area = &r["arrears"]["areas"][0];
    assert_eq!(area["area_id"], w.area.as_str(), "{r}");
    assert_eq!(
        (area["households"].as_u64(), area["amount"].as_str()),
        (Some(1), Some("1233.40"))
    );
    assert_eq!(r["arrears"]["total"]["amount"], "1233.40");
    let coverage = r["coverage"].as_array().unwrap();
    assert_eq!(coverage.len(), 1, "{r}");
    assert_eq!(coverage[0]["area_id"], w.area.as_str());
    assert_eq!(
        (coverage[0]["households"].as_u64(), coverage[0]["visited"].as_u64()),
        (Some(2), Some(1)),
        "two visits of one household count once"
    );
    assert_eq!(
        (coverage[0]["coverage"].as_f64(), coverage[0]["target"].as_f64()),
        (Some(0.5), Some(0.3))
    );
    assert_eq!(r["leads"]["total"]["leads"], 2, "{}", r["leads"]);
    assert_eq!(r["leads"]["total"]["lost_invalid"], 1);
    assert_eq!(r["leads"]["losses"][0]["kind"], "invalid");
    assert_eq!(r["leads"]["losses"][0]["reason"], "false_data");
    assert_eq!(r["works"]["visits"], 1, "{}", r["works"]);
    assert_eq!(r["works"]["inspector_presence_rate"], 1.0);
    assert_eq!(r["works"]["stages"]["material_arrival"]["satisfied"], 1);
    assert!(r["summary"].is_object() && r["top_articles"].is_array());

    // The agent may not read leads: that section is null; works and arrears they may read.
    let theirs = report(app, &w.agent.1, "").await;
    assert!(theirs["leads"].is_null(), "{}", theirs["leads"]);
    assert_eq!(theirs["works"]["visits"], 1);
    assert_eq!(theirs["arrears"]["total"]["households"], 1);

    // An integration key of the project: arrears, coverage and articles, no leads or works.
    let key = app
        .post(
            "/api/v1/api-keys",
            &app.admin_token,
            json!({"name": "BI", "scopes": ["stats:read"], "project_id": w.s.project}),
        )
        .await;
    assert_eq!(key.status, StatusCode::CREATED, "{}", key.text);
    let by_key = report(app, key.body["key"].as_str().unwrap(), "").await;
    assert_eq!(by_key["arrears"]["total"]["households"], 1, "{by_key}");
    assert_eq!(by_key["coverage"][0]["visited"], 1);
    assert!(by_key["leads"].is_null() && by_key["works"].is_null());

    // Another project's agent sees nothing of this project, and 404 when naming it.
    let outside = report(app, &w.outsider.1, "").await;
    assert_eq!(outside["arrears"]["areas"], json!([]), "{outside}");
    assert_eq!(outside["arrears"]["total"]["households"], 0);
    assert_eq!(outside["coverage"], json!([]));
    assert_eq!(outside["works"]["visits"], 0);
    assert_eq!(outside["top_articles"], json!([]));
    app.get(
        &format!("/api/v1/stats/report?month={}&project_id={}", month(), w.s.project),
        &w.outsider.1,
    )
    .await
    .assert_problem(404, None);

    // CSV blocks and XLSX sheets; the formula-like area name is neutralised.
    let csv = app
        .get(
            &format!(
                "/api/v1/stats/report?month={}&format=csv&project_id={}",
                month(),
                w.s.project
            ),
            &w.manager.1,
        )
        .await;
    assert_eq!(csv.status, StatusCode::OK);
    for block in [
        "# 欠费 Arrears",
        "# 走访覆盖 Visit coverage",
        "# 客户资源 Leads",
        "# 工程回访 Works visits",
    ] {
        assert!(csv.text.contains(block), "{block} missing:\n{}", csv.text);
    }
    assert!(csv.text.contains("'=1+1片区,1,1233.40"), "{}", csv.text);
    assert!(!csv.text.contains("\n=1+1"), "{}", csv.text);
    let xlsx = app
        .get(
            &format!("/api/v1/stats/report?month={}&format=xlsx", month()),
            &w.manager.1,
        )
        .await;
    assert_eq!(xlsx.status, StatusCode::OK);
    assert!(xlsx.content_type().contains("spreadsheetml"));
    // The agent's CSV has no leads block.
    let agent_csv = app
        .get(
            &format!("/api/v1/stats/report?month={}&format=csv", month()),
            &w.agent.1,
        )
        .await;
    assert!(!agent_csv.text.contains("# 客户资源 Leads"), "{}", agent_csv.text);
    assert!(agent_csv.text.contains("# 工程回访 Works visits"));
}

async fn the_breakdown_by_area_shows_each_areas_coverage(app: &TestApp) {
    let w = world(app).await;
    arrears_and_visits(app, &w).await;
    new_case(
        app,
        &w.agent.1,
        json!({"kind": "repair", "channel": "phone", "property_id": w.home,
               "customer": {"name": "王建国", "phone": "13800138000"},
               "title": "水管漏水", "description": "厨房水管漏水"}),
    )
    .await;
    let first = format!("{}-01", month());
    let query = format!("by=area&from={first}&to={}", today());
    let reply = app.get(&format!("/api/v1/stats/breakdown?{query}"), &w.manager.1).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text);
    let groups = reply.body["groups"].as_array().unwrap();
    let mine = groups
        .iter()
        .find(|g| g["key"] == w.area.as_str())
        .expect("the area's group");
    assert_eq!(mine["created"], 1, "{mine}");
    assert_eq!(mine["label"], "=1+1片区");
    assert_eq!(mine["household_coverage"]["coverage"], 0.5, "{mine}");
    assert_eq!(mine["household_coverage"]["target"], 0.3);
    assert_eq!(mine["household_coverage"]["month"], month());
    assert!(
        mine["visit_coverage"]["denominator"].is_number(),
        "the return-visit ratio stays: {mine}"
    );
    // Other dimensions carry no coverage; another project's agent sees no group of this area.
    let by_kind = app
        .get(
            &format!("/api/v1/stats/breakdown?by=kind&from={first}&to={}", today()),
            &w.manager.1,
        )
        .await;
    assert!(
        by_kind.body["groups"][0]["household_coverage"].is_null(),
        "{}",
        by_kind.text
    );
    let outside = app
        .get(&format!("/api/v1/stats/breakdown?{query}"), &w.outsider.1)
        .await;
    assert_eq!(outside.body["groups"], json!([]), "{}", outside.text);
}

async fn article(app: &TestApp, token: &str, body: Value) -> String {
    let reply = app.post("/api/v1/knowledge", token, body).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);
    reply.id()
}

async fn inquiries_closed_with_an_article_are_counted(app: &TestApp) {
    let w = world(app).await;
    let sup = &w.s.design_manager.1;
    let other = app.project("锦绣江南").await;
    let published = article(
        app,
        sup,
        json!({"title": "停车月卡办理", "body": "带行驶证到物业中心", "status": "published"}),
    )
    .await;
    let draft = article(app, sup, json!({"title": "草稿", "body": "未发布", "status": "draft"})).await;
    let elsewhere = article(
        app,
        &app.admin_token,
        json!({"title": "别的小区停车", "body": "x", "status": "published", "project_ids": [other]}),
    )
    .await;
    let inquiry = || {
        json!({"kind": "inquiry", "channel": "phone", "project_id": w.s.project,
               "title": "停车月卡", "description": "如何办理"})
    };
    let case = new_case(app, &w.agent.1, inquiry()).await;
    for bad in [
        draft.as_str(),
        elsewhere.as_str(),
        "01890000-0000-7000-8000-000000000000",
    ] {
        act(
            app,
            &w.agent.1,
            &case,
            "close_on_spot",
            json!({"answer": "已解答", "article_id": bad}),
        )
        .await
        .assert_problem(422, Some("article_id"));
    }
    let closed = act_ok(
        app,
        &w.agent.1,
        &case,
        "close_on_spot",
        json!({"answer": "已解答", "article_id": published}),
    )
    .await;
    assert_eq!(closed["status"], "closed");
    // Without an article it still closes, and counts for no article.
    let plain = new_case(app, &w.agent.1, inquiry()).await;
    act_ok(app, &w.agent.1, &plain, "close_on_spot", json!({"answer": "已解答"})).await;

    let stats = app
        .get(&format!("/api/v1/stats/knowledge?month={}", month()), &w.agent.1)
        .await;
    assert_eq!(stats.status, StatusCode::OK, "{}", stats.text);
    assert_eq!(stats.body["items"].as_array().unwrap().len(), 1, "{}", stats.text);
    assert_eq!(stats.body["items"][0]["article_id"], published.as_str());
    assert_eq!(stats.body["items"][0]["title"], "停车月卡办理");
    assert_eq!(stats.body["items"][0]["inquiries"], 1);
    let r = report(app, &w.manager.1, "").await;
    assert_eq!(r["top_articles"][0]["inquiries"], 1, "{}", r["top_articles"]);
    // The timeline names the article.
    let timeline = app
        .get(
            &format!("/api/v1/cases/{}/events", case["id"].as_str().unwrap()),
            &w.agent.1,
        )
        .await;
    assert!(timeline.text.contains(&published), "{}", timeline.text);
    // Another project's agent: nothing, and 404 naming this project.
    let outside = app
        .get(&format!("/api/v1/stats/knowledge?month={}", month()), &w.outsider.1)
        .await;
    assert_eq!(outside.body["items"], json!([]), "{}", outside.text);
    app.get(
        &format!("/api/v1/stats/knowledge?month={}&project_id={}", month(), w.s.project),
        &w.outsider.1,
    )
    .await
    .assert_problem(404, None);
    app.get("/api/v1/stats/knowledge?month=2026-13", &w.agent.1)
        .await
        .assert_problem(422, Some("month"));
}
