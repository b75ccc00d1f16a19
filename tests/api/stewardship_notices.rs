//! Public notices (issue 16): drafted by staff, published and withdrawn by supervisors; residents
//! read only the published notices of their own projects and buildings, and their steward's card.

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::db_tests;
use crate::helpers::TestApp;
use crate::stewardship::{area, created};

db_tests!(
    residents_read_only_published_notices_of_their_projects_and_buildings,
    notices_are_drafted_by_staff_and_published_by_supervisors,
);

const PASSWORD: &str = "Home2026pass";

/// A customer on `property` with an activated resident login; returns its token.
async fn resident(app: &TestApp, agent: &str, phone: &str, property: &str) -> String {
    let customer = created(
        app.post(
            "/api/v1/customers",
            agent,
            json!({"name": "业主", "phones": [phone], "properties": [{"property_id": property, "relation": "owner"}]}),
        )
        .await,
    )
    .await;
    let code = created(
        app.post(
            &format!("/api/v1/customers/{}/account", customer["id"].as_str().unwrap()),
            agent,
            json!({}),
        )
        .await,
    )
    .await["activation_code"]
        .as_str()
        .unwrap()
        .to_owned();
    let activated = app
        .send(
            Method::POST,
            "/api/v1/resident/activate",
            None,
            Some(json!({"phone": phone, "code": code, "new_password": PASSWORD})),
            &[],
        )
        .await;
    assert_eq!(activated.status, StatusCode::NO_CONTENT, "{}", activated.text);
    app.login(phone, PASSWORD).await
}

async fn notice(app: &TestApp, token: &str, project: &str, title: &str, buildings: Value) -> String {
    created(
        app.post(
            "/api/v1/notices",
            token,
            json!({"project_id": project, "kind": "notice", "title": title, "body": "内容", "buildings": buildings}),
        )
        .await,
    )
    .await["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

async fn act(app: &TestApp, token: &str, id: &str, action: &str) -> StatusCode {
    app.post(&format!("/api/v1/notices/{id}/{action}"), token, json!({}))
        .await
        .status
}

fn titles(list: &Value) -> Vec<String> {
    list["items"]
        .as_array()
        .unwrap_or_else(|| panic!("{list}"))
        .iter()
        .map(|n| n["title"].as_str().unwrap().to_owned())
        .collect()
}

async fn residents_read_only_published_notices_of_their_projects_and_buildings(app: &TestApp) {
    let project = app.project("翠湖花园").await;
    let other_project = app.project("碧水湾").await;
    let reply = app
        .post(
            "/api/v1/users",
            &app.admin_token,
            json!({"username": "wang.steward", "password": "Staff2026pass", "display_name": "王管家", "role": "steward",
                   "phone": "13800138000", "project_ids": [project]}),
        )
        .await;
    let steward_id = created(reply).await["id"].as_str().unwrap().to_owned();
    let (_, sup) = app
        .user("chen.sup", "supervisor", None, &[&project, &other_project])
        .await;
    let (_, agent) = app.user("li.agent", "agent", None, &[&project, &other_project]).await;
    let area_id = area(app, &project, "一片区", &steward_id).await;
    let home = app.property(&project, Some(&area_id), "3", "1", "0101").await;
    let resident_token = resident(app, &agent, "13900139000", &home).await;

    let all = notice(app, &sup, &project, "全小区停电通知", json!([])).await;
    let mine = notice(app, &sup, &project, "3 栋电梯检修", json!(["3"])).await;
    let theirs = notice(app, &sup, &project, "5 栋外墙清洗", json!(["5"])).await;
    let draft = notice(app, &sup, &project, "草稿", json!([])).await;
    let withdrawn = notice(app, &sup, &project, "已撤回", json!([])).await;
    let elsewhere = notice(app, &sup, &other_project, "碧水湾公告", json!([])).await;
    for id in [&all, &mine, &theirs, &withdrawn, &elsewhere] {
        assert_eq!(act(app, &sup, id, "publish").await, StatusCode::OK);
    }
    assert_eq!(act(app, &sup, &withdrawn, "withdraw").await, StatusCode::OK);
    let _ = draft;

    let seen = app.get("/api/v1/resident/notices", &resident_token).await;
    assert_eq!(seen.status, StatusCode::OK, "{}", seen.text);
    assert_eq!(
        titles(&seen.body),
        vec!["3 栋电梯检修", "全小区停电通知"],
        "newest published first"
    );
    assert!(seen.body["items"][0].get("created_by").is_none(), "{}", seen.text);
    // Pages follow on without repeating.
    let first = app.get("/api/v1/resident/notices?limit=1", &resident_token).await.body;
    assert_eq!(titles(&first), vec!["3 栋电梯检修"]);
    let next = app
        .get(
            &format!(
                "/api/v1/resident/notices?limit=1&cursor={}",
                first["next_cursor"].as_str().unwrap()
            ),
            &resident_token,
        )
        .await
        .body;
    assert_eq!(titles(&next), vec!["全小区停电通知"]);
    assert!(next["next_cursor"].is_null());
    // Staff tokens are refused on the residents' endpoint, resident tokens on staff ones.
    app.get("/api/v1/resident/notices", &sup)
        .await
        .assert_problem(403, None);
    app.get("/api/v1/notices", &resident_token)
        .await
        .assert_problem(403, None);

    // The steward's card: name and work phone, nothing else.
    let card = app.get("/api/v1/resident/steward", &resident_token).await;
    assert_eq!(card.status, StatusCode::OK, "{}", card.text);
    let item = &card.body["items"][0];
    assert_eq!(item["property_id"], home.as_str());
    assert_eq!(item["area"]["name"], "一片区");
    assert_eq!(item["steward"], json!({"name": "王管家", "phone": "13800138000"}));
}

async fn notices_are_drafted_by_staff_and_published_by_supervisors(app: &TestApp) {
    let project = app.project("翠湖花园").await;
    let (_, steward) = app.user("wang.steward", "steward", None, &[&project]).await;
    let (_, sup) = app.user("chen.sup", "supervisor", None, &[&project]).await;
    let (_, handler) = app.user("zhou.eng", "handler", None, &[&project]).await;
    let elsewhere = app.project("别处").await;
    let (_, outsider) = app.user("qian.sup", "supervisor", None, &[&elsewhere]).await;
    let id = notice(app, &steward, &project, "服务承诺", json!([])).await;
    assert_eq!(act(app, &steward, &id, "publish").await, StatusCode::FORBIDDEN);
    app.get("/api/v1/notices", &handler).await.assert_problem(403, None);
    app.get(&format!("/api/v1/notices/{id}"), &outsider)
        .await
        .assert_problem(404, None);
    // Drafts are edited with If-Match; published ones are not edited at all.
    let edited = app
        .patch(
            &format!("/api/v1/notices/{id}"),
            &steward,
            1,
            json!({"title": "服务承诺（2027 版）"}),
        )
        .await;
    assert_eq!(edited.status, StatusCode::OK, "{}", edited.text);
    app.patch(&format!("/api/v1/notices/{id}"), &steward, 1, json!({"title": "x"}))
        .await
        .assert_problem(412, None);
    assert_eq!(act(app, &sup, &id, "publish").await, StatusCode::OK);
    assert_eq!(act(app, &sup, &id, "publish").await, StatusCode::CONFLICT);
    app.patch(&format!("/api/v1/notices/{id}"), &steward, 3, json!({"title": "y"}))
        .await
        .assert_problem(409, None);
    assert_eq!(act(app, &sup, &id, "withdraw").await, StatusCode::OK);
    assert_eq!(act(app, &sup, &id, "withdraw").await, StatusCode::CONFLICT);
    let listed = app
        .get(&format!("/api/v1/notices?project_id={project}&status=withdrawn"), &sup)
        .await
        .body;
    assert_eq!(titles(&listed), vec!["服务承诺（2027 版）"]);
    assert!(titles(&app.get("/api/v1/notices", &outsider).await.body).is_empty());
    // Bad input names the field.
    for (body, field) in [
        (
            json!({"project_id": project, "kind": "notice", "title": " ", "body": "b"}),
            "title",
        ),
        (
            json!({"project_id": elsewhere, "kind": "notice", "title": "t", "body": "b"}),
            "project_id",
        ),
        (
            json!({"project_id": project, "kind": "notice", "title": "t", "body": "b", "buildings": [""]}),
            "buildings[0]",
        ),
    ] {
        app.post("/api/v1/notices", &steward, body)
            .await
            .assert_problem(422, Some(field));
    }
}
