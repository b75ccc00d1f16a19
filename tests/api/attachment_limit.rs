//! The per-case attachment limit holds under concurrent uploads: the store counts them one after
//! the other (the case row is locked while an upload is recorded), so six uploads at once to a
//! case that takes two more record exactly two; the others are refused with 409 `file` and
//! their bytes are not kept.

use futures_util::future::join_all;
use huiyin_api::state::ApiConfig;
use reqwest::StatusCode;
use serde_json::json;

use crate::case_steps::new_case;
use crate::cases::{upload, PNG};
use crate::db_tests_with;
use crate::helpers::TestApp;

fn three_per_case(api: &mut ApiConfig) {
    api.attachments_per_case = 3;
}

db_tests_with!(three_per_case; concurrent_uploads_never_exceed_the_limit);

async fn concurrent_uploads_never_exceed_the_limit(app: &TestApp) {
    let project = app.project("翠湖花园").await;
    let property = app.property(&project, None, "3栋", "2单元", "1201").await;
    let (_, agent) = app.user("li.agent", "agent", None, &[&project]).await;
    let case = new_case(
        app,
        &agent,
        json!({"kind": "repair", "channel": "phone", "severity": "normal", "property_id": property,
               "title": "卫生间漏水", "description": "卫生间天花板渗水。"}),
    )
    .await;
    let id = case["id"].as_str().unwrap();
    let first = upload(app, &agent, id, "first.png", PNG.to_vec()).await;
    assert_eq!(first.status, StatusCode::CREATED, "{}", first.text);

    let names: Vec<String> = (0..6).map(|i| format!("photo-{i}.png")).collect();
    let replies = join_all(names.iter().map(|name| upload(app, &agent, id, name, PNG.to_vec()))).await;
    let created = replies.iter().filter(|r| r.status == StatusCode::CREATED).count();
    assert_eq!(created, 2, "{:#?}", replies.iter().map(|r| &r.text).collect::<Vec<_>>());
    for refused in replies.iter().filter(|r| r.status != StatusCode::CREATED) {
        refused.assert_problem(409, Some("file"));
    }
    let detail = app.get(&format!("/api/v1/cases/{id}"), &agent).await;
    assert_eq!(
        detail.body["attachments"].as_array().unwrap().len(),
        3,
        "{}",
        detail.text
    );
}
