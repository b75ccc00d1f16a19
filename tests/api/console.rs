//! The console per role (issue #20): `/me` carries the effective permissions from the domain's
//! table, agents and supervisors read their own projects' statistics and nobody else's, and a
//! case's `available_actions` are narrowed to what the caller's role may do.

use chrono::{Duration, Utc};
use huiyin_domain::permission::{self, Permission};
use huiyin_domain::role::Role;
use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::db_tests;
use crate::helpers::TestApp;

db_tests!(
    me_lists_the_roles_effective_permissions,
    agents_and_supervisors_read_only_their_projects_statistics,
    case_actions_are_narrowed_to_the_callers_role
);

fn names(value: &Value) -> Vec<String> {
    value
        .as_array()
        .unwrap_or_else(|| panic!("not a list: {value}"))
        .iter()
        .map(|v| v.as_str().unwrap().to_owned())
        .collect()
}

fn table_row(role: Role) -> Vec<String> {
    permission::effective(role)
        .iter()
        .map(|p| p.as_str().to_owned())
        .collect()
}

async fn me_lists_the_roles_effective_permissions(app: &TestApp) {
    let project = app.project("翠湖花园").await;
    let admin = app.get("/api/v1/me", &app.admin_token).await;
    assert_eq!(admin.status, StatusCode::OK, "{}", admin.text);
    assert_eq!(admin.body["role"], "admin");
    assert_eq!(names(&admin.body["permissions"]).len(), Permission::ALL.len());

    for role in [
        Role::Manager,
        Role::Supervisor,
        Role::Agent,
        Role::Steward,
        Role::Handler,
    ] {
        let (_, token) = app.user(&format!("me.{role}"), role.as_str(), None, &[&project]).await;
        let me = app.get("/api/v1/me", &token).await;
        assert_eq!(me.status, StatusCode::OK, "{}", me.text);
        assert_eq!(me.body["username"], format!("me.{role}"));
        assert_eq!(names(&me.body["project_ids"]), vec![project.clone()]);
        assert_eq!(names(&me.body["permissions"]), table_row(role), "{role}");
    }
    // Spot checks against the issue: the agent reads statistics, never handles or audits.
    let agent = table_row(Role::Agent);
    assert!(agent.contains(&"stats_read".to_owned()));
    assert!(agent.contains(&"knowledge_read".to_owned()));
    assert!(!agent.contains(&"case_handle".to_owned()));
    assert!(!agent.contains(&"audit_read".to_owned()));
    assert!(!table_row(Role::Handler).contains(&"stats_read".to_owned()));

    app.get("/api/v1/me", "not-a-token").await.assert_problem(401, None);
}

async fn register(app: &TestApp, token: &str, project: &str, kind: &str, title: &str) -> Value {
    let reply = app
        .post(
            "/api/v1/cases",
            token,
            json!({"kind": kind, "channel": "phone", "project_id": project,
                   "customer": {"name": "王建国", "phone": "13800138000"},
                   "title": title, "description": title}),
        )
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);
    reply.body
}

async fn agents_and_supervisors_read_only_their_projects_statistics(app: &TestApp) {
    let a = app.project("翠湖花园").await;
    let b = app.project("锦绣江南").await;
    for title in ["卫生间漏水", "电梯异响"] {
        register(app, &app.admin_token, &a, "complaint", title).await;
    }
    register(app, &app.admin_token, &b, "repair", "门禁坏了").await;
    let (_, agent_a) = app.user("agent.a", "agent", None, &[&a]).await;
    let (_, supervisor_b) = app.user("supervisor.b", "supervisor", None, &[&b]).await;
    let (_, handler_a) = app.user("handler.a", "handler", None, &[&a]).await;

    // Yesterday to tomorrow (UTC) holds "now" in every time zone's day.
    let today = Utc::now().date_naive();
    let period = format!("from={}&to={}", today - Duration::days(1), today + Duration::days(1));
    let summary = |token: String, extra: String| {
        let period = period.clone();
        async move { app.get(&format!("/api/v1/stats/summary?{period}{extra}"), &token).await }
    };

    let mine = summary(agent_a.clone(), String::new()).await;
    assert_eq!(mine.status, StatusCode::OK, "{}", mine.text);
    assert_eq!(
        mine.body["created"], 2,
        "project A's agent counts only A: {}",
        mine.text
    );
    let theirs = summary(supervisor_b.clone(), String::new()).await;
    assert_eq!(theirs.status, StatusCode::OK, "{}", theirs.text);
    assert_eq!(theirs.body["created"], 1, "{}", theirs.text);
    let everything = summary(app.admin_token.clone(), String::new()).await;
    assert_eq!(everything.body["created"], 3, "{}", everything.text);

    // Asking for the other project by id reveals nothing (404, never B's figures).
    summary(agent_a.clone(), format!("&project_id={b}"))
        .await
        .assert_problem(404, None);
    summary(supervisor_b.clone(), format!("&project_id={a}"))
        .await
        .assert_problem(404, None);

    // The dashboard's live counts and the breakdown by project follow the same scope.
    let current = app.get("/api/v1/stats/current", &agent_a).await;
    assert_eq!(current.status, StatusCode::OK, "{}", current.text);
    assert_eq!(current.body["registered_today"], 2, "{}", current.text);
    let by_project = app
        .get(&format!("/api/v1/stats/breakdown?by=project&{period}"), &agent_a)
        .await;
    assert_eq!(by_project.status, StatusCode::OK, "{}", by_project.text);
    let keys: Vec<String> = by_project.body["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["key"].as_str().unwrap_or_default().to_owned())
        .collect();
    assert_eq!(keys, vec![a.clone()], "{}", by_project.text);

    // Handlers have no statistics permission at all.
    summary(handler_a, String::new()).await.assert_problem(403, None);
}

async fn case_actions_are_narrowed_to_the_callers_role(app: &TestApp) {
    let project = app.project("翠湖花园").await;
    let (_, agent) = app.user("agent.actions", "agent", None, &[&project]).await;
    let (_, steward) = app.user("steward.actions", "steward", None, &[&project]).await;
    let case = register(app, &agent, &project, "inquiry", "物业费怎么交").await;
    let path = format!("/api/v1/cases/{}", case["id"].as_str().unwrap());

    let everything = names(&app.get(&path, &app.admin_token).await.body["available_actions"]);
    assert!(everything.contains(&"close_on_spot".to_owned()), "{everything:?}");
    let agents = names(&case["available_actions"]);
    assert_eq!(agents, names(&app.get(&path, &agent).await.body["available_actions"]));
    let agent_may = table_row(Role::Agent);
    let expected: Vec<String> = everything
        .iter()
        .filter(|a| {
            let action = huiyin_domain::case::CaseAction::parse(a).unwrap();
            agent_may.contains(&action.permission().as_str().to_owned())
        })
        .cloned()
        .collect();
    assert_eq!(agents, expected);
    assert!(agents.contains(&"close_on_spot".to_owned()));
    assert!(!agents.contains(&"reassign".to_owned()));

    // A steward owning no area of the project does not see the case at all.
    app.get(&path, &steward).await.assert_problem(404, None);
}
