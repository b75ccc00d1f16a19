//! Statement counts of the hot paths (issue #14): a count, not a timing, so it holds on any
//! machine. Each request's statements — authentication, BEGIN and COMMIT included — come back
//! in `x-statement-count` (`ApiConfig::count_statements`, on in the tests).
//!
//! The ceilings are what the code does now, so that a change adding a round trip fails here.
//! Issue #14's targets (create 6, first dispatch 8, detail 4: [`TARGET`]) are met; what each
//! path's statements are is listed in `docs/performance.md`. Lower a ceiling whenever a change
//! gets below it.

use serde_json::{json, Value};

use crate::db_tests;
use crate::helpers::{Reply, TestApp};

db_tests!(hot_paths_stay_within_their_statement_budgets);

/// Issue #14's targets: (create of a known caller's complaint, first dispatch, detail GET).
pub const TARGET: (u32, u32, u32) = (6, 8, 4);
/// What the code issues now: issue #14's targets on both databases, the detail GET one below
/// its target. PostgreSQL takes case numbers on a pool of its own, SQLite in the registering
/// transaction; each runs a change's writes in one round trip (`cases::batch`).
const POSTGRES: (u32, u32, u32) = (6, 8, 3);
const SQLITE: (u32, u32, u32) = (6, 8, 3);

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
    // Issue #19's default process: the agent verifies, the supervisor dispatches a complaint.
    let (_, supervisor) = app.user("zhao.sup", "supervisor", None, &[&project]).await;
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
    let budget = if app.store.backend() == sea_orm::DatabaseBackend::Postgres {
        POSTGRES
    } else {
        SQLITE
    };
    assert!(budget.0 <= TARGET.0 && budget.1 <= TARGET.1 && budget.2 <= TARGET.2);
    let n = count(&created);
    eprintln!("{:?}: create {n}", app.store.backend());
    assert!(
        n <= budget.0,
        "create of a known caller's complaint: {n} statements, budget {}",
        budget.0
    );
    let id = created.id();
    let verified = app
        .send(
            reqwest::Method::POST,
            &format!("/api/v1/cases/{id}/verify"),
            Some(&agent),
            Some(json!({"note": "已电话核实"})),
            &[("if-match", "\"1\"")],
        )
        .await;
    assert_eq!(verified.status.as_u16(), 200, "{}", verified.text);
    // The supervisor's first request (their login cached like the agent's).
    let warm = app.get(&format!("/api/v1/cases/{id}"), &supervisor).await;
    assert_eq!(warm.status.as_u16(), 200, "{}", warm.text);
    let dispatched = app
        .send(
            reqwest::Method::POST,
            &format!("/api/v1/cases/{id}/dispatch"),
            Some(&supervisor),
            Some(json!({"department_id": engineering})),
            &[("if-match", "\"2\"")],
        )
        .await;
    assert_eq!(dispatched.status.as_u16(), 200, "{}", dispatched.text);
    let n = count(&dispatched);
    eprintln!("{:?}: first dispatch {n}", app.store.backend());
    assert!(n <= budget.1, "first dispatch: {n} statements, budget {}", budget.1);
    let detail = app.get(&format!("/api/v1/cases/{id}"), &agent).await;
    assert_eq!(detail.status.as_u16(), 200, "{}", detail.text);
    let n = count(&detail);
    eprintln!("{:?}: detail {n}", app.store.backend());
    assert!(n <= budget.2, "case detail: {n} statements, budget {}", budget.2);
    // The answer is counted as well: nothing is read twice.
    assert_eq!(detail.body["version"], 3);
}
