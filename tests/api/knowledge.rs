//! The knowledge base and the standard replies (issue #20), on SQLite and PostgreSQL.

use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::db_tests;
use crate::helpers::TestApp;

db_tests!(
    chinese_search_finds_two_character_words_and_ranks_titles_first,
    drafts_and_project_articles_stay_in_scope,
    articles_are_versioned_suggested_and_cited,
    reply_templates_fill_placeholders_from_a_case_in_scope
);

async fn article(app: &TestApp, token: &str, body: Value) -> Value {
    let reply = app.post("/api/v1/knowledge", token, body).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);
    reply.body
}

fn titles(list: &Value) -> Vec<String> {
    list["items"]
        .as_array()
        .unwrap_or_else(|| panic!("no items: {list}"))
        .iter()
        .map(|i| i["title"].as_str().unwrap().to_owned())
        .collect()
}

async fn search(app: &TestApp, token: &str, q: &str) -> Value {
    let url = format!("/api/v1/knowledge?q={}", urlencoding(q));
    let reply = app.get(&url, token).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text);
    reply.body
}

fn urlencoding(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

async fn chinese_search_finds_two_character_words_and_ranks_titles_first(app: &TestApp) {
    let admin = &app.admin_token;
    // The body mentions 漏水 three times, the title none: it must still rank below the title match.
    article(
        app,
        admin,
        json!({"title": "物业费缴纳方式", "status": "published",
               "body": "漏水维修不收物业费。漏水报修请拨打热线。漏水期间可申请减免。"}),
    )
    .await;
    article(
        app,
        admin,
        json!({"title": "卫生间天花板漏水怎么办", "status": "published",
               "body": "先关闭楼上住户的进水阀门，再派工程部查看防水层。", "tags": ["维修"]}),
    )
    .await;
    article(
        app,
        admin,
        json!({"title": "停车位月卡办理", "status": "published", "body": "携带行驶证到客服中心办理。"}),
    )
    .await;

    let found = search(app, admin, "漏水").await;
    assert_eq!(
        titles(&found),
        vec!["卫生间天花板漏水怎么办", "物业费缴纳方式"],
        "{found}"
    );
    let first = &found["items"][0];
    assert!(first["score"].as_i64().unwrap() > found["items"][1]["score"].as_i64().unwrap());

    // Every term must occur; words across the title and the body both count.
    assert_eq!(
        titles(&search(app, admin, "天花板 防水").await),
        vec!["卫生间天花板漏水怎么办"]
    );
    assert_eq!(titles(&search(app, admin, "漏水 月卡").await), Vec::<String>::new());
    // One character, tags, and letters in any width and case.
    assert_eq!(titles(&search(app, admin, "车").await), vec!["停车位月卡办理"]);
    assert_eq!(titles(&search(app, admin, "维修").await).len(), 2);
    // The excerpt shows the body around the match.
    let hit = search(app, admin, "减免").await;
    assert!(hit["items"][0]["excerpt"].as_str().unwrap().contains("减免"), "{hit}");

    // Pages of one follow the ranking without repeating.
    let page1 = app
        .get(&format!("/api/v1/knowledge?q={}&limit=1", urlencoding("漏水")), admin)
        .await
        .body;
    assert_eq!(titles(&page1), vec!["卫生间天花板漏水怎么办"]);
    let cursor = page1["next_cursor"].as_str().expect("a second page");
    let page2 = app
        .get(
            &format!("/api/v1/knowledge?q={}&limit=1&cursor={cursor}", urlencoding("漏水")),
            admin,
        )
        .await
        .body;
    assert_eq!(titles(&page2), vec!["物业费缴纳方式"]);
    assert!(page2["next_cursor"].is_null());

    // Nothing to search for, or a forged cursor: 422 naming the parameter.
    app.get("/api/v1/knowledge?q=%EF%BC%9F", admin)
        .await
        .assert_problem(422, Some("q"));
    app.get("/api/v1/knowledge?q=a&cursor=bm9wZQ", admin)
        .await
        .assert_problem(422, Some("cursor"));
}

async fn drafts_and_project_articles_stay_in_scope(app: &TestApp) {
    let a = app.project("翠湖花园").await;
    let b = app.project("锦绣江南").await;
    let (_, agent_a) = app.user("agent.kb.a", "agent", None, &[&a]).await;
    let (_, agent_b) = app.user("agent.kb.b", "agent", None, &[&b]).await;
    let (_, supervisor_a) = app.user("supervisor.kb.a", "supervisor", None, &[&a]).await;

    let draft = article(app, &supervisor_a, json!({"title": "电梯困人应急流程", "body": "草稿"})).await;
    assert_eq!(draft["status"], "draft");
    let only_a = article(
        app,
        &supervisor_a,
        json!({"title": "翠湖花园门禁卡补办", "body": "到一期客服中心", "project_ids": [a], "status": "published"}),
    )
    .await;

    // Agents never see drafts, and B's agent never sees A's article.
    let draft_path = format!("/api/v1/knowledge/{}", draft["id"].as_str().unwrap());
    app.get(&draft_path, &agent_a).await.assert_problem(404, None);
    assert!(titles(&search(app, &agent_a, "电梯").await).is_empty());
    let a_path = format!("/api/v1/knowledge/{}", only_a["id"].as_str().unwrap());
    assert_eq!(app.get(&a_path, &agent_a).await.status, StatusCode::OK);
    app.get(&a_path, &agent_b).await.assert_problem(404, None);
    assert!(titles(&search(app, &agent_b, "门禁").await).is_empty());
    assert_eq!(titles(&search(app, &agent_a, "门禁").await), vec!["翠湖花园门禁卡补办"]);
    let browse_b = app.get("/api/v1/knowledge", &agent_b).await.body;
    assert!(titles(&browse_b).is_empty(), "{browse_b}");

    // Agents read but do not write; a supervisor cannot limit an article to another's project.
    app.post("/api/v1/knowledge", &agent_a, json!({"title": "x", "body": "y"}))
        .await
        .assert_problem(403, None);
    app.post(
        "/api/v1/knowledge",
        &supervisor_a,
        json!({"title": "x", "body": "y", "project_ids": [b]}),
    )
    .await
    .assert_problem(422, Some("project_ids[0]"));
    app.post("/api/v1/knowledge", &supervisor_a, json!({"title": " ", "body": "y"}))
        .await
        .assert_problem(422, Some("title"));
    app.post(
        "/api/v1/knowledge",
        &supervisor_a,
        json!({"title": "x", "body": "y", "status": "archived"}),
    )
    .await
    .assert_problem(422, None);
}

async fn register(app: &TestApp, token: &str, project: &str, kind: &str) -> Value {
    let reply = app
        .post(
            "/api/v1/cases",
            token,
            json!({"kind": kind, "channel": "phone", "project_id": project,
                   "customer": {"name": "王建国", "phone": "13800138000"},
                   "title": "卫生间漏水", "description": "楼上漏水"}),
        )
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);
    reply.body
}

async fn articles_are_versioned_suggested_and_cited(app: &TestApp) {
    let a = app.project("翠湖花园").await;
    let b = app.project("锦绣江南").await;
    let (_, supervisor) = app.user("supervisor.cite", "supervisor", None, &[&a]).await;
    let (_, agent_b) = app.user("agent.cite.b", "agent", None, &[&b]).await;
    let created = app
        .send(
            reqwest::Method::POST,
            "/api/v1/knowledge",
            Some(&supervisor),
            Some(json!({"title": "卫生间漏水处理", "body": "关闭进水阀"})),
            &[("Idempotency-Key", "kb-1")],
        )
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
    let again = app
        .send(
            reqwest::Method::POST,
            "/api/v1/knowledge",
            Some(&supervisor),
            Some(json!({"title": "卫生间漏水处理", "body": "关闭进水阀"})),
            &[("Idempotency-Key", "kb-1")],
        )
        .await;
    assert_eq!(
        again.body["id"], created.body["id"],
        "a retry returns the first article"
    );
    let path = format!("/api/v1/knowledge/{}", created.id());

    // Publish with If-Match; a stale version is 412.
    let published = app.patch(&path, &supervisor, 1, json!({"status": "published"})).await;
    assert_eq!(published.status, StatusCode::OK, "{}", published.text);
    assert_eq!(published.body["version"], 2);
    assert!(published.body["published_at"].is_string());
    app.patch(&path, &supervisor, 1, json!({"title": "x"}))
        .await
        .assert_problem(412, None);

    // Intake suggests it from a similar title.
    let suggested = app
        .get(
            &format!(
                "/api/v1/knowledge/suggestions?title={}",
                urlencoding("楼上卫生间漏水了")
            ),
            &supervisor,
        )
        .await;
    assert_eq!(suggested.status, StatusCode::OK, "{}", suggested.text);
    assert_eq!(titles(&suggested.body), vec!["卫生间漏水处理"]);

    // Citing it from an inquiry counts in the most-cited list; another project's agent cannot
    // cite it for a case they cannot see, and does not see A's citations.
    let case = register(app, &supervisor, &a, "inquiry").await;
    let cite = format!("{path}/citations");
    let ok = app.post(&cite, &supervisor, json!({"case_id": case["id"]})).await;
    assert_eq!(ok.status, StatusCode::NO_CONTENT, "{}", ok.text);
    assert_eq!(
        app.post(&cite, &supervisor, json!({"case_id": case["id"]}))
            .await
            .status,
        StatusCode::NO_CONTENT
    );
    app.post(&cite, &agent_b, json!({"case_id": case["id"]}))
        .await
        .assert_problem(404, None);
    let today = chrono::Utc::now().date_naive();
    let period = format!(
        "from={}&to={}",
        today - chrono::Duration::days(1),
        today + chrono::Duration::days(1)
    );
    let top = app
        .get(&format!("/api/v1/knowledge/most-cited?{period}"), &supervisor)
        .await
        .body;
    assert_eq!(top["items"][0]["title"], "卫生间漏水处理", "{top}");
    assert_eq!(top["items"][0]["cases"], 1, "{top}");
    let theirs = app
        .get(&format!("/api/v1/knowledge/most-cited?{period}"), &agent_b)
        .await
        .body;
    assert_eq!(theirs["items"], json!([]), "{theirs}");
}

async fn reply_templates_fill_placeholders_from_a_case_in_scope(app: &TestApp) {
    let a = app.project("翠湖花园").await;
    let b = app.project("锦绣江南").await;
    let (_, supervisor) = app.user("supervisor.tpl", "supervisor", None, &[&a]).await;
    let (_, agent_a) = app.user("agent.tpl.a", "agent", None, &[&a]).await;
    let (_, agent_b) = app.user("agent.tpl.b", "agent", None, &[&b]).await;

    let body = "{customer_name}您好，您反映的问题（{case_number}）将于{due_at}前处理完毕。";
    let created = app
        .post(
            "/api/v1/reply-templates",
            &supervisor,
            json!({"name": "受理答复", "body": body, "uses": ["reply", "comment"]}),
        )
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
    assert_eq!(
        created.body["placeholders"],
        json!(["customer_name", "case_number", "due_at"])
    );
    // Unknown placeholders, duplicate names and agents writing are refused.
    app.post(
        "/api/v1/reply-templates",
        &supervisor,
        json!({"name": "坏", "body": "{phone}"}),
    )
    .await
    .assert_problem(422, Some("body"));
    app.post(
        "/api/v1/reply-templates",
        &supervisor,
        json!({"name": "受理答复", "body": "x"}),
    )
    .await
    .assert_problem(409, None);
    app.post("/api/v1/reply-templates", &agent_a, json!({"name": "x", "body": "x"}))
        .await
        .assert_problem(403, None);
    app.post(
        "/api/v1/reply-templates",
        &supervisor,
        json!({"name": "回访问候", "body": "您好", "uses": ["visit"]}),
    )
    .await;

    let for_visits = app.get("/api/v1/reply-templates?use=visit", &agent_a).await.body;
    let names: Vec<&str> = for_visits["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, vec!["回访问候"]);

    let case = register(app, &agent_a, &a, "complaint").await;
    let render = format!("/api/v1/reply-templates/{}/render", created.id());
    let filled = app.post(&render, &agent_a, json!({"case_id": case["id"]})).await;
    assert_eq!(filled.status, StatusCode::OK, "{}", filled.text);
    let text = filled.body["text"].as_str().unwrap();
    let number = case["number"].as_str().unwrap();
    assert!(
        text.starts_with(&format!("王建国您好，您反映的问题（{number}）将于")),
        "{text}"
    );
    assert!(!text.contains('{'), "{text}");
    // Another project's agent cannot fill it from this case.
    app.post(&render, &agent_b, json!({"case_id": case["id"]}))
        .await
        .assert_problem(404, None);

    // Rename with If-Match, then delete.
    let path = format!("/api/v1/reply-templates/{}", created.id());
    let renamed = app
        .patch(&path, &supervisor, 1, json!({"name": "受理答复（新）"}))
        .await;
    assert_eq!(renamed.status, StatusCode::OK, "{}", renamed.text);
    app.patch(&path, &supervisor, 1, json!({"name": "x"}))
        .await
        .assert_problem(412, None);
    let deleted = app
        .send(reqwest::Method::DELETE, &path, Some(&supervisor), None, &[])
        .await;
    assert_eq!(deleted.status, StatusCode::NO_CONTENT);
    app.get(&path, &agent_a).await.assert_problem(404, None);
}
