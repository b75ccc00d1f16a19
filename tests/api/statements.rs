//! Statement counts of the hot paths (issue #14): a count, not a timing, so it holds on any
//! machine. Each request's statements — authentication, BEGIN and COMMIT included — come back
//! in `x-statement-count` (`ApiConfig::count_statements`, on in the tests).

use serde_json::{json, Value};

use crate::db_tests;
use crate::helpers::{Reply, TestApp};

db_tests!(hot_paths_stay_within_their_statement_budgets);

fn count(reply: &Reply) -> u32 {
    reply
        .header("x-statement-count")
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("no x-statement-count on {}", reply.text))
}

async fn hot_paths_stay_within_their_statement_budgets(app: &TestApp) {
    let project = app.project("翠湖花园").await;
    let property = app.property(&project, None, "3栋", "2单元", "1201").await;
    let engineering = app.department("工程部", "engineering").await;
    let (_, agent) = app.user("li.agent", "agent", None, &[&project]).await;
    let complaint = |customer: Value| {
        json!({"kind": "complaint", "channel": "phone", "severity": "normal", "property_id": property,
               "customer": customer, "title": "噪音扰民", "description": "楼上夜间装修。"})
    };
    // The caller becomes known with their first case.
    let first = app
        .post(
            "/api/v1/cases",
            &agent,
            complaint(json!({"name": "王建国", "phone": "138 0013 8000"})),
        )
        .await;
    assert_eq!(first.status.as_u16(), 201, "{}", first.text);
    let created = app
        .post(
            "/api/v1/cases",
            &agent,
            complaint(json!({"name": "王建国", "phone": "13800138000"})),
        )
        .await;
    assert_eq!(created.status.as_u16(), 201, "{}", created.text);
    eprintln!("create known caller: {}", count(&created));
    let id = created.id();
    let dispatched = app
        .send(
            reqwest::Method::POST,
            &format!("/api/v1/cases/{id}/dispatch"),
            Some(&agent),
            Some(json!({"department_id": engineering})),
            &[("if-match", "\"1\"")],
        )
        .await;
    assert_eq!(dispatched.status.as_u16(), 200, "{}", dispatched.text);
    eprintln!("first dispatch: {}", count(&dispatched));
    let detail = app.get(&format!("/api/v1/cases/{id}"), &agent).await;
    assert_eq!(detail.status.as_u16(), 200, "{}", detail.text);
    eprintln!("detail: {}", count(&detail));
}
