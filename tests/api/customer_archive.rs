//! The customer archive's household facts (move-in date, household size, emergency contact)
//! over HTTP on SQLite and PostgreSQL: written, read, cleared, validated field by field, guarded
//! by If-Match and scoped to the caller's projects.

use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::db_tests;
use crate::helpers::TestApp;

db_tests!(
    household_facts_round_trip_and_clear,
    household_facts_are_validated_by_field,
    a_stale_version_is_refused_and_another_project_sees_nothing,
);

struct Archive {
    agent: String,
    handler: String,
    outsider: String,
    property: String,
}

async fn archive(app: &TestApp) -> Archive {
    let project = app.project("翠湖花园").await;
    let other = app.project("滨江一号").await;
    let property = app.property(&project, None, "3栋", "2单元", "1201").await;
    let engineering = app.department("工程部", "engineering").await;
    Archive {
        agent: app.user("li.desk", "agent", None, &[&project]).await.1,
        handler: app.user("wang.eng", "handler", Some(&engineering), &[&project]).await.1,
        outsider: app.user("zhao.desk", "agent", None, &[&other]).await.1,
        property,
    }
}

async fn create(app: &TestApp, a: &Archive, extra: Value) -> Value {
    let mut body = json!({"name": "王建国", "phones": ["13800138000"],
        "properties": [{"property_id": a.property, "relation": "owner"}]});
    for (k, v) in extra.as_object().unwrap() {
        body[k] = v.clone();
    }
    let created = app.post("/api/v1/customers", &a.agent, body).await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
    created.body
}

fn path(customer: &Value) -> String {
    format!("/api/v1/customers/{}", customer["id"].as_str().unwrap())
}

fn version(customer: &Value) -> i64 {
    customer["version"].as_i64().unwrap()
}

async fn household_facts_round_trip_and_clear(app: &TestApp) {
    let a = archive(app).await;
    let created = create(
        app,
        &a,
        json!({"move_in_on": "2019-05-01", "household_size": 4,
               "emergency_contact": {"name": "王小明", "phone": "139 0013 9000"}}),
    )
    .await;
    assert_eq!(created["move_in_on"], "2019-05-01");
    assert_eq!(created["household_size"], 4);
    assert_eq!(
        created["emergency_contact"],
        json!({"name": "王小明", "phone": "13900139000"})
    );
    let read = app.get(&path(&created), &a.agent).await;
    assert_eq!(read.body["household_size"], 4);
    // Without the PII permission the contact's phone is masked like the customer's own.
    let masked = app.get(&path(&created), &a.handler).await;
    assert_eq!(masked.body["emergency_contact"]["phone"], "139****9000");
    // Absent fields stay; null clears; a zero-person household is allowed (vacant).
    let updated = app
        .patch(
            &path(&created),
            &a.agent,
            version(&created),
            json!({"household_size": 0, "emergency_contact": null, "notes": "空置"}),
        )
        .await;
    assert_eq!(updated.status, StatusCode::OK, "{}", updated.text);
    assert_eq!(updated.body["household_size"], 0);
    assert_eq!(updated.body["emergency_contact"], Value::Null);
    assert_eq!(updated.body["move_in_on"], "2019-05-01");
    assert_eq!(updated.body["version"], version(&created) + 1);
    let cleared = app
        .patch(
            &path(&created),
            &a.agent,
            version(&updated.body),
            json!({"move_in_on": null}),
        )
        .await;
    assert_eq!(cleared.status, StatusCode::OK, "{}", cleared.text);
    assert_eq!(cleared.body["move_in_on"], Value::Null);
    assert_eq!(cleared.body["notes"], "空置");
}

async fn household_facts_are_validated_by_field(app: &TestApp) {
    let a = archive(app).await;
    let base = json!({"name": "李女士", "phones": ["13700137000"]});
    let cases = [
        (json!({"household_size": -1}), "household_size"),
        (json!({"household_size": 100}), "household_size"),
        (json!({"household_size": "三"}), "household_size"),
        (json!({"household_size": 2.5}), "household_size"),
        (json!({"move_in_on": "2019-13-01"}), "move_in_on"),
        (json!({"move_in_on": "2099-01-01"}), "move_in_on"),
        (
            json!({"emergency_contact": {"name": "", "phone": "13900139000"}}),
            "emergency_contact.name",
        ),
        (
            json!({"emergency_contact": {"name": "王小明", "phone": "12"}}),
            "emergency_contact.phone",
        ),
        (
            json!({"emergency_contact": {"name": "王小明"}}),
            "emergency_contact.phone",
        ),
    ];
    for (extra, field) in cases {
        let mut body = base.clone();
        for (k, v) in extra.as_object().unwrap() {
            body[k] = v.clone();
        }
        let reply = app.post("/api/v1/customers", &a.agent, body.clone()).await;
        reply.assert_problem(422, Some(field));
    }
    // The same rules on update, and nothing is written.
    let created = create(app, &a, json!({"household_size": 3})).await;
    app.patch(
        &path(&created),
        &a.agent,
        version(&created),
        json!({"household_size": -2}),
    )
    .await
    .assert_problem(422, Some("household_size"));
    let read = app.get(&path(&created), &a.agent).await;
    assert_eq!(read.body["household_size"], 3);
    assert_eq!(read.body["version"], version(&created));
}

async fn a_stale_version_is_refused_and_another_project_sees_nothing(app: &TestApp) {
    let a = archive(app).await;
    let created = create(app, &a, json!({"household_size": 2})).await;
    let first = app
        .patch(
            &path(&created),
            &a.agent,
            version(&created),
            json!({"household_size": 3}),
        )
        .await;
    assert_eq!(first.status, StatusCode::OK, "{}", first.text);
    // A second editor still holding the old version gets 412 and changes nothing.
    app.patch(
        &path(&created),
        &a.agent,
        version(&created),
        json!({"household_size": 5}),
    )
    .await
    .assert_problem(412, None);
    let read = app.get(&path(&created), &a.agent).await;
    assert_eq!(read.body["household_size"], 3);
    assert_eq!(read.headers.get("etag").and_then(|v| v.to_str().ok()), Some("\"2\""));
    // Another project's agent: 404 on read and on update.
    app.get(&path(&created), &a.outsider).await.assert_problem(404, None);
    app.patch(&path(&created), &a.outsider, 2, json!({"household_size": 1}))
        .await
        .assert_problem(404, None);
}
