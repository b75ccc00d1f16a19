//! The residents' API (issue 7): activation, login by phone, own properties and cases, photos,
//! ratings and withdrawals — and that residents never see anything but their own, public data.

use huiyin_store::residents::account;
use reqwest::{Method, StatusCode};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{json, Value};

use crate::db_tests;
use crate::helpers::{Reply, TestApp};

db_tests!(
    full_loop_activate_login_by_phone_report_rate_and_second_dispatch,
    residents_only_reach_their_own_cases_properties_attachments_and_ratings,
    resident_tokens_are_refused_on_every_staff_endpoint_and_staff_tokens_on_resident_ones,
    reports_only_for_own_properties_with_field_errors,
    internal_timeline_entries_never_reach_a_resident,
    report_is_idempotent_under_retry,
    daily_report_limit_answers_429_with_retry_after,
    activation_codes_are_single_use_expire_and_resist_guessing,
    one_rating_per_resolution_and_withdraw_only_before_dispatch,
);

const PASSWORD: &str = "Home2026pass";
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0\x90wS\xde";

struct World {
    project: String,
    property: String,
    other_property: String,
    engineering: String,
    handler: (String, String),
    agent: (String, String),
}

async fn world(app: &TestApp) -> World {
    let project = app.project("翠湖花园").await;
    let property = app.property(&project, None, "3栋", "2单元", "1201").await;
    let other_property = app.property(&project, None, "5栋", "1单元", "0302").await;
    let engineering = app.department("工程部", "engineering").await;
    let handler = app.user("wang.eng", "handler", Some(&engineering), &[&project]).await;
    let agent = app.user("li.agent", "agent", None, &[&project]).await;
    World {
        project,
        property,
        other_property,
        engineering,
        handler,
        agent,
    }
}

struct Resident {
    user_id: String,
    customer_id: String,
    token: String,
}

async fn customer(app: &TestApp, token: &str, name: &str, phone: &str, property: &str) -> String {
    let reply = app
        .post(
            "/api/v1/customers",
            token,
            json!({"name": name, "phones": [phone], "properties": [{"property_id": property, "relation": "owner"}]}),
        )
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);
    reply.id()
}

async fn issue_code(app: &TestApp, token: &str, customer_id: &str) -> String {
    let reply = app
        .post(&format!("/api/v1/customers/{customer_id}/account"), token, json!({}))
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);
    reply.body["activation_code"].as_str().unwrap().to_owned()
}

async fn activate(app: &TestApp, phone: &str, code: &str, password: &str) -> Reply {
    app.send(
        Method::POST,
        "/api/v1/resident/activate",
        None,
        Some(json!({"phone": phone, "code": code, "new_password": password})),
        &[],
    )
    .await
}

/// A customer on `property` with an activated resident login, logged in.
async fn resident(app: &TestApp, w: &World, name: &str, phone: &str, property: &str) -> Resident {
    let customer_id = customer(app, &w.agent.1, name, phone, property).await;
    let code = issue_code(app, &w.agent.1, &customer_id).await;
    let activated = activate(app, phone, &code, PASSWORD).await;
    assert_eq!(activated.status, StatusCode::NO_CONTENT, "{}", activated.text);
    let login = app.login_reply(phone, PASSWORD).await;
    assert_eq!(login.status, StatusCode::OK, "{}", login.text);
    Resident {
        user_id: login.body["user"]["id"].as_str().unwrap().to_owned(),
        customer_id,
        token: login.body["access_token"].as_str().unwrap().to_owned(),
    }
}

fn repair(property: &str) -> Value {
    json!({"kind": "repair", "property_id": property, "title": "卫生间漏水", "description": "卫生间天花板渗水，已持续两天。"})
}

async fn report(app: &TestApp, token: &str, body: Value) -> Value {
    let reply = app.post("/api/v1/resident/cases", token, body).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);
    reply.body
}

/// A staff action with the case's current version.
async fn staff(app: &TestApp, token: &str, case_id: &str, action: &str, body: Value) -> Value {
    let current = app.get(&format!("/api/v1/cases/{case_id}"), &app.admin_token).await;
    let etag = format!("\"{}\"", current.body["version"]);
    let reply = app
        .send(
            Method::POST,
            &format!("/api/v1/cases/{case_id}/{action}"),
            Some(token),
            Some(body),
            &[("if-match", &etag)],
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{action}: {}", reply.text);
    reply.body
}

async fn upload(app: &TestApp, path: &str, token: &str, name: &str, bytes: Vec<u8>) -> Reply {
    let part = reqwest::multipart::Part::bytes(bytes)
        .file_name(name.to_owned())
        .mime_str("image/png")
        .unwrap();
    let response = app
        .client
        .post(app.url(path))
        .bearer_auth(token)
        .multipart(reqwest::multipart::Form::new().part("file", part))
        .send()
        .await
        .unwrap();
    TestApp::reply(response).await
}

async fn download(app: &TestApp, url: &str, token: &str) -> (StatusCode, Vec<u8>) {
    let response = app.client.get(app.url(url)).bearer_auth(token).send().await.unwrap();
    let status = response.status();
    (status, response.bytes().await.unwrap().to_vec())
}

fn actions(case: &Value) -> Vec<String> {
    case["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap().to_owned())
        .collect()
}

async fn full_loop_activate_login_by_phone_report_rate_and_second_dispatch(app: &TestApp) {
    let w = world(app).await;
    let agent = &w.agent.1;
    // Staff create the login; the code is shown once, never cached.
    let customer_id = customer(app, agent, "王建国", "138 0013 8000", &w.property).await;
    let issued = app
        .post(&format!("/api/v1/customers/{customer_id}/account"), agent, json!({}))
        .await;
    assert_eq!(issued.status, StatusCode::CREATED, "{}", issued.text);
    assert_eq!(issued.header("cache-control").as_deref(), Some("no-store"));
    assert_eq!(issued.body["phone"], "13800138000");
    let code = issued.body["activation_code"].as_str().unwrap().to_owned();
    assert_eq!(code.len(), 9, "XXXX-XXXX: {code}");
    let expires = chrono::DateTime::parse_from_rfc3339(issued.body["expires_at"].as_str().unwrap()).unwrap();
    let hours = (expires.with_timezone(&chrono::Utc) - chrono::Utc::now()).num_minutes() as f64 / 60.0;
    assert!((71.9..=72.0).contains(&hours), "{hours}");
    // Only the hash is stored.
    let stored = account::Entity::find()
        .filter(account::Column::CustomerId.eq(customer_id.parse::<uuid::Uuid>().unwrap()))
        .one(&app.store.db)
        .await
        .unwrap()
        .unwrap();
    assert!(stored.code_hash.as_deref().unwrap().starts_with("$argon2id$"));
    assert!(!stored.code_hash.as_deref().unwrap().contains(&code.replace('-', "")));
    // Not usable before activation.
    app.login_reply("13800138000", PASSWORD).await.assert_problem(401, None);
    // Activate in one notation (code typed loosely), log in with another.
    let typed = code.to_lowercase().replace('-', " ");
    let activated = activate(app, "+86 138 0013 8000", &typed, PASSWORD).await;
    assert_eq!(activated.status, StatusCode::NO_CONTENT, "{}", activated.text);
    let login = app.login_reply("138-0013-8000", PASSWORD).await;
    assert_eq!(login.status, StatusCode::OK, "{}", login.text);
    assert_eq!(login.body["user"]["role"], "resident");
    assert_eq!(login.body["user"]["customer_id"], customer_id.as_str());
    assert_eq!(login.body["user"]["project_ids"], json!([]));
    let resident_id = login.body["user"]["id"].as_str().unwrap().to_owned();
    // Resident tokens refresh like any other.
    let refreshed = app
        .send(
            Method::POST,
            "/api/v1/auth/refresh",
            None,
            Some(json!({"refresh_token": login.body["refresh_token"]})),
            &[],
        )
        .await;
    assert_eq!(refreshed.status, StatusCode::OK, "{}", refreshed.text);
    let token = refreshed.body["access_token"].as_str().unwrap().to_owned();
    let me = app.get("/api/v1/resident/me", &token).await;
    assert_eq!(
        (me.body["name"].as_str(), me.body["phone"].as_str()),
        (Some("王建国"), Some("13800138000")),
        "{}",
        me.text
    );
    // Properties and categories to report with.
    let properties = app.get("/api/v1/resident/properties", &token).await;
    assert_eq!(properties.status, StatusCode::OK, "{}", properties.text);
    let items = properties.body["items"].as_array().unwrap();
    assert_eq!(items.len(), 1);
    assert_eq!(items[0]["id"], w.property.as_str());
    assert_eq!(items[0]["label"], "3栋 2单元 1201");
    assert_eq!(items[0]["project_name"], "翠湖花园");
    let categories = app.get("/api/v1/resident/categories", &token).await;
    let plumbing = categories.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["code"] == "repair.plumbing_electric")
        .unwrap()["id"]
        .clone();
    // Report a repair with a photo.
    let mut body = repair(&w.property);
    body["category_id"] = plumbing.clone();
    let case = report(app, &token, body).await;
    let id = case["id"].as_str().unwrap().to_owned();
    assert_eq!(case["status"], "registered");
    assert_eq!(case["channel"], "app");
    assert_eq!(case["category"]["id"], plumbing);
    assert!(case["number"].as_str().unwrap().starts_with("BX-"));
    assert_eq!(case["progress"]["zh"], "已受理，等待派单");
    assert_eq!(case["can_withdraw"], true);
    assert_eq!(case["timeline"][0]["action"], "register");
    assert_eq!(case["timeline"][0]["by"], "you");
    let photo = upload(
        app,
        &format!("/api/v1/resident/cases/{id}/attachments"),
        &token,
        "漏水.png",
        PNG.to_vec(),
    )
    .await;
    assert_eq!(photo.status, StatusCode::CREATED, "{}", photo.text);
    let url = photo.body["url"].as_str().unwrap().to_owned();
    assert!(url.starts_with("/api/v1/resident/cases/"), "{url}");
    assert_eq!(download(app, &url, &token).await, (StatusCode::OK, PNG.to_vec()));
    // Staff see it as an app case of this customer, with the photo.
    let seen = app.get(&format!("/api/v1/cases/{id}"), agent).await;
    assert_eq!(seen.body["channel"], "app");
    assert_eq!(seen.body["customer_id"], customer_id.as_str());
    assert_eq!(seen.body["created_by"], resident_id.as_str());
    assert_eq!(seen.body["attachments"].as_array().unwrap().len(), 1);
    // Staff dispatch, handle, resolve, reply.
    staff(
        app,
        agent,
        &id,
        "dispatch",
        json!({"department_id": w.engineering, "assignee_id": w.handler.0}),
    )
    .await;
    let followed = app.get(&format!("/api/v1/resident/cases/{id}"), &token).await;
    assert_eq!(
        followed.body["progress"],
        json!({"zh": "已派单至工程部，处理中", "en": "Sent to the engineering department"})
    );
    assert!(followed.body["due_at"].is_string());
    assert_eq!(followed.body["can_withdraw"], false);
    staff(app, &w.handler.1, &id, "accept", json!({})).await;
    staff(app, &w.handler.1, &id, "resolve", json!({"result": "已更换水管"})).await;
    staff(
        app,
        agent,
        &id,
        "reply",
        json!({"content": "已告知业主维修完成", "method": "phone"}),
    )
    .await;
    let followed = app.get(&format!("/api/v1/resident/cases/{id}"), &token).await;
    assert_eq!(followed.body["status"], "visiting");
    assert_eq!(followed.body["can_rate"], true);
    assert_eq!(followed.body["due_at"], Value::Null);
    assert_eq!(
        actions(&followed.body),
        ["register", "dispatch", "accept", "resolve", "reply"]
    );
    assert_eq!(followed.body["timeline"][3]["note"], "已更换水管");
    // Dissatisfied: the same code path as a staff visit — a second dispatch.
    let rated = app
        .post(
            &format!("/api/v1/resident/cases/{id}/rating"),
            &token,
            json!({"satisfaction": "dissatisfied", "comment": "还在渗水"}),
        )
        .await;
    assert_eq!(rated.status, StatusCode::OK, "{}", rated.text);
    assert_eq!(rated.body["status"], "dispatched");
    assert_eq!(rated.body["progress"]["zh"], "已再次派单至工程部整改");
    assert_eq!(rated.body["satisfaction"], "dissatisfied");
    let staff_view = app.get(&format!("/api/v1/cases/{id}"), agent).await;
    assert_eq!(staff_view.body["status"], "dispatched");
    assert_eq!(staff_view.body["dispatch_count"], 2);
    assert_eq!(staff_view.body["last_satisfaction"], "dissatisfied");
    assert_eq!(staff_view.body["current_work_order"]["sequence"], 2);
    assert_eq!(
        staff_view.body["current_work_order"]["assignee_id"],
        w.handler.0.as_str()
    );
    assert_eq!(staff_view.body["visits"][0]["visitor_id"], resident_id.as_str());
    assert_eq!(staff_view.body["visits"][0]["comment"], "还在渗水");
    // The second fix is resolved; the resident rates before customer service replies: the
    // app's reply and the visit are recorded together and the case closes.
    staff(app, &w.handler.1, &id, "resolve", json!({"result": "重新做了防水"})).await;
    let closed = app
        .post(
            &format!("/api/v1/resident/cases/{id}/rating"),
            &token,
            json!({"satisfaction": "very_satisfied"}),
        )
        .await;
    assert_eq!(closed.status, StatusCode::OK, "{}", closed.text);
    assert_eq!(closed.body["status"], "closed");
    assert_eq!(closed.body["progress"]["en"], "Closed. Thank you for your rating");
    let staff_view = app.get(&format!("/api/v1/cases/{id}"), agent).await;
    assert!(staff_view.body["replied_at"].is_string());
    assert_eq!(staff_view.body["last_satisfaction"], "very_satisfied");
    let events = app.get(&format!("/api/v1/cases/{id}/events"), agent).await;
    let tail: Vec<(String, Value)> = events.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .rev()
        .take(2)
        .map(|e| (e["action"].as_str().unwrap().to_owned(), e["payload"].clone()))
        .collect();
    assert_eq!(tail[0].0, "visit");
    assert_eq!((tail[1].0.as_str(), &tail[1].1["method"]), ("reply", &json!("app")));
}

async fn residents_only_reach_their_own_cases_properties_attachments_and_ratings(app: &TestApp) {
    let w = world(app).await;
    let a = resident(app, &w, "王建国", "13800138000", &w.property).await;
    let b = resident(app, &w, "赵丽", "13900139000", &w.other_property).await;
    let case = report(app, &a.token, repair(&w.property)).await;
    let id = case["id"].as_str().unwrap().to_owned();
    let photo = upload(
        app,
        &format!("/api/v1/resident/cases/{id}/attachments"),
        &a.token,
        "a.png",
        PNG.to_vec(),
    )
    .await;
    let url = photo.body["url"].as_str().unwrap().to_owned();
    staff(
        app,
        &w.agent.1,
        &id,
        "dispatch",
        json!({"department_id": w.engineering}),
    )
    .await;
    staff(app, &app.admin_token, &id, "resolve", json!({"result": "已修好"})).await;
    // B reaches none of A's things: 404, never 403 (existence is not revealed).
    app.get(&format!("/api/v1/resident/cases/{id}"), &b.token)
        .await
        .assert_problem(404, None);
    app.get(&format!("/api/v1/resident/properties/{}", w.property), &b.token)
        .await
        .assert_problem(404, None);
    let (status, _) = download(app, &url, &b.token).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    app.post(
        &format!("/api/v1/resident/cases/{id}/rating"),
        &b.token,
        json!({"satisfaction": "very_dissatisfied"}),
    )
    .await
    .assert_problem(404, None);
    app.post(&format!("/api/v1/resident/cases/{id}/withdraw"), &b.token, json!({}))
        .await
        .assert_problem(404, None);
    upload(
        app,
        &format!("/api/v1/resident/cases/{id}/attachments"),
        &b.token,
        "b.png",
        PNG.to_vec(),
    )
    .await
    .assert_problem(404, None);
    let listed = app.get("/api/v1/resident/cases", &b.token).await;
    assert_eq!(listed.body["items"], json!([]));
    // A's case is untouched and A still reaches all of it.
    let own = app.get(&format!("/api/v1/resident/cases/{id}"), &a.token).await;
    assert_eq!(own.body["status"], "resolved");
    assert_eq!(own.body["can_rate"], true);
    assert_eq!(
        app.get(&format!("/api/v1/resident/properties/{}", w.property), &a.token)
            .await
            .status,
        StatusCode::OK
    );
    app.get(&format!("/api/v1/resident/properties/{}", w.other_property), &a.token)
        .await
        .assert_problem(404, None);
    // A resident sees only the attachments they uploaded, not staff files on their case.
    let staff_file = upload(
        app,
        &format!("/api/v1/cases/{id}/attachments"),
        &w.agent.1,
        "内部工单.png",
        PNG.to_vec(),
    )
    .await;
    assert_eq!(staff_file.status, StatusCode::CREATED, "{}", staff_file.text);
    let staff_file_id = staff_file.id();
    let (status, _) = download(
        app,
        &format!("/api/v1/resident/cases/{id}/attachments/{staff_file_id}"),
        &a.token,
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let own = app.get(&format!("/api/v1/resident/cases/{id}"), &a.token).await;
    assert_eq!(own.body["attachments"].as_array().unwrap().len(), 1);
    // Cases staff registered for the customer by phone are the resident's too.
    let phoned = app
        .post(
            "/api/v1/cases",
            &w.agent.1,
            json!({"kind": "complaint", "channel": "phone", "customer_id": a.customer_id, "property_id": w.property,
                   "title": "噪音", "description": "楼上装修噪音"}),
        )
        .await;
    assert_eq!(phoned.status, StatusCode::CREATED, "{}", phoned.text);
    let listed = app.get("/api/v1/resident/cases", &a.token).await;
    assert_eq!(listed.body["items"].as_array().unwrap().len(), 2);
    assert_eq!(listed.body["items"][0]["id"], phoned.body["id"]);
    let paged = app.get("/api/v1/resident/cases?limit=1", &a.token).await;
    let next = paged.body["next_cursor"].as_str().unwrap();
    let second = app
        .get(&format!("/api/v1/resident/cases?limit=1&cursor={next}"), &a.token)
        .await;
    assert_eq!(second.body["items"][0]["id"], id.as_str());
    assert_eq!(second.body["next_cursor"], Value::Null);
    assert_eq!(b.user_id.len(), 36);
}

async fn resident_tokens_are_refused_on_every_staff_endpoint_and_staff_tokens_on_resident_ones(app: &TestApp) {
    let w = world(app).await;
    let r = resident(app, &w, "王建国", "13800138000", &w.property).await;
    let doc = app
        .send(Method::GET, "/api/v1/openapi.json", None, None, &[])
        .await
        .body;
    let mut staff_ops = 0;
    let mut resident_ops = 0;
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            let Ok(method) = Method::from_bytes(method.to_uppercase().as_bytes()) else {
                continue;
            };
            let bearer = op["security"]
                .as_array()
                .is_some_and(|s| s.iter().any(|r| r.get("bearer").is_some()));
            if !bearer {
                continue;
            }
            let concrete: String = path
                .split('/')
                .map(|segment| {
                    if segment.starts_with('{') {
                        uuid::Uuid::now_v7().to_string()
                    } else {
                        segment.to_owned()
                    }
                })
                .collect::<Vec<_>>()
                .join("/");
            let body = (method != Method::GET).then(|| json!({}));
            let is_resident = op["tags"].as_array().unwrap().iter().any(|t| t == "resident");
            let (token, label) = if is_resident {
                resident_ops += 1;
                (app.admin_token.as_str(), "staff token on a resident endpoint")
            } else {
                staff_ops += 1;
                (r.token.as_str(), "resident token on a staff endpoint")
            };
            let reply = app
                .send(method.clone(), &concrete, Some(token), body, &[("if-match", "\"1\"")])
                .await;
            assert_eq!(
                reply.status,
                StatusCode::FORBIDDEN,
                "{label}: {method} {path}: {}",
                reply.text
            );
            reply.assert_problem(403, None);
        }
    }
    assert!(staff_ops >= 40, "walked only {staff_ops} staff operations");
    assert!(resident_ops >= 10, "walked only {resident_ops} resident operations");
    // Without a token it is 401, with a garbage token too.
    app.send(Method::GET, "/api/v1/resident/cases", None, None, &[])
        .await
        .assert_problem(401, None);
    app.get("/api/v1/resident/cases", "garbage")
        .await
        .assert_problem(401, None);
    // A deactivated resident is logged out at once.
    let current = app.get(&format!("/api/v1/users/{}", r.user_id), &app.admin_token).await;
    assert_eq!(current.status, StatusCode::OK, "{}", current.text);
    let version = current.body["version"].as_i64().unwrap();
    let off = app
        .patch(
            &format!("/api/v1/users/{}", r.user_id),
            &app.admin_token,
            version,
            json!({"active": false}),
        )
        .await;
    assert_eq!(off.status, StatusCode::OK, "{}", off.text);
    app.get("/api/v1/resident/cases", &r.token)
        .await
        .assert_problem(401, None);
    // A new activation code resets the password but does not undo the deactivation.
    let code = issue_code(app, &w.agent.1, &r.customer_id).await;
    assert_eq!(
        activate(app, "13800138000", &code, "Reset2026pass").await.status,
        StatusCode::NO_CONTENT
    );
    app.login_reply("13800138000", "Reset2026pass")
        .await
        .assert_problem(401, None);
}

async fn reports_only_for_own_properties_with_field_errors(app: &TestApp) {
    let w = world(app).await;
    let r = resident(app, &w, "王建国", "13800138000", &w.property).await;
    let with = |key: &str, value: Value| {
        let mut body = repair(&w.property);
        body[key] = value;
        body
    };
    let post = |body: Value| app.post("/api/v1/resident/cases", &r.token, body);
    // A property that exists but is not theirs, and one that does not exist: the same 422.
    let theirs_not = post(with("property_id", json!(w.other_property))).await;
    theirs_not.assert_problem(422, Some("property_id"));
    let missing = post(with("property_id", json!(uuid::Uuid::now_v7()))).await;
    missing.assert_problem(422, Some("property_id"));
    assert_eq!(theirs_not.body, missing.body);
    let mut no_property = repair(&w.property);
    no_property.as_object_mut().unwrap().remove("property_id");
    post(no_property).await.assert_problem(422, Some("property_id"));
    post(with("kind", json!("incident")))
        .await
        .assert_problem(422, Some("kind"));
    post(with("channel", json!("phone")))
        .await
        .assert_problem(422, Some("channel"));
    post(with("customer_id", json!(uuid::Uuid::now_v7())))
        .await
        .assert_problem(422, Some("customer_id"));
    post(with("title", json!("  ")))
        .await
        .assert_problem(422, Some("title"));
    post(with("category_id", json!(uuid::Uuid::now_v7())))
        .await
        .assert_problem(422, Some("category_id"));
    app.post_raw(
        "/api/v1/resident/cases",
        &r.token,
        "application/json",
        b"{\"kind\":".to_vec(),
    )
    .await
    .assert_problem(400, None);
    // Nothing was registered by the failures.
    let listed = app.get("/api/v1/resident/cases", &r.token).await;
    assert_eq!(listed.body["items"], json!([]));
    // Every kind but incident works; the project comes from the property.
    for kind in ["complaint", "inquiry", "suggestion", "praise"] {
        let case = report(app, &r.token, with("kind", json!(kind))).await;
        assert_eq!(case["kind"], kind);
    }
    let staff_list = app.get("/api/v1/cases?channel=app", &w.agent.1).await;
    let items = staff_list.body["items"].as_array().unwrap();
    assert_eq!(items.len(), 4);
    assert!(items.iter().all(|c| c["project_id"] == w.project.as_str()));
}

async fn internal_timeline_entries_never_reach_a_resident(app: &TestApp) {
    let w = world(app).await;
    let r = resident(app, &w, "王建国", "13800138000", &w.property).await;
    // A staff member with a phone number of their own.
    let created = app
        .post(
            "/api/v1/users",
            &app.admin_token,
            json!({"username": "zhou.supervisor", "password": "Staff2026pass", "display_name": "周主管",
                   "role": "supervisor", "phone": "13711112222", "project_ids": [w.project]}),
        )
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
    let supervisor_id = created.id();
    let supervisor = app.login("zhou.supervisor", "Staff2026pass").await;
    let case = report(app, &r.token, repair(&w.property)).await;
    let id = case["id"].as_str().unwrap().to_owned();
    let markers = [
        "INTERNAL-COMMENT-5c1e9b",
        "VERIFY-NOTE-83a2f0",
        "DISPATCH-INSTRUCTION-4d7e21",
        "REASSIGN-NOTE-9b0c3a",
    ];
    staff(
        app,
        &supervisor,
        &id,
        "comment",
        json!({"body": format!("{} 业主脾气大，联系周主管 13711112222", markers[0]), "visibility": "internal"}),
    )
    .await;
    staff(app, &supervisor, &id, "verify", json!({"note": markers[1]})).await;
    staff(
        app,
        &supervisor,
        &id,
        "dispatch",
        json!({"department_id": w.engineering, "assignee_id": w.handler.0, "note": markers[2]}),
    )
    .await;
    staff(
        app,
        &supervisor,
        &id,
        "reassign",
        json!({"department_id": w.engineering, "note": markers[3]}),
    )
    .await;
    staff(
        app,
        &supervisor,
        &id,
        "comment",
        json!({"body": "师傅明天上午上门", "visibility": "public"}),
    )
    .await;
    // The staff timeline holds every marker…
    let staff_events = app.get(&format!("/api/v1/cases/{id}/events"), &supervisor).await;
    for marker in markers {
        assert!(staff_events.text.contains(marker), "{marker}");
    }
    // …and no resident answer carries any of them, nor staff ids, names or phones.
    let mut bodies = vec![
        app.get(&format!("/api/v1/resident/cases/{id}"), &r.token).await,
        app.get("/api/v1/resident/cases", &r.token).await,
        app.get("/api/v1/resident/me", &r.token).await,
        app.get("/api/v1/resident/properties", &r.token).await,
    ];
    staff(app, &w.handler.1, &id, "resolve", json!({"result": "已修好"})).await;
    bodies.push(
        app.post(
            &format!("/api/v1/resident/cases/{id}/rating"),
            &r.token,
            json!({"satisfaction": "satisfied"}),
        )
        .await,
    );
    bodies.push(report_reply(app, &r.token, &w.property).await);
    let forbidden = [
        markers[0],
        markers[1],
        markers[2],
        markers[3],
        "13711112222",
        "周主管",
        "zhou.supervisor",
        "wang.eng",
        supervisor_id.as_str(),
        w.handler.0.as_str(),
        w.agent.0.as_str(),
        "internal",
        "audit",
        "payload",
        "assignee",
    ];
    for reply in &bodies {
        assert!(reply.status.is_success(), "{}", reply.text);
        for word in forbidden {
            assert!(!reply.text.contains(word), "{word} leaked into {}", reply.text);
        }
    }
    let detail = &bodies[0].body;
    assert_eq!(actions(detail), ["register", "dispatch", "comment"]);
    assert_eq!(detail["timeline"][2]["note"], "师傅明天上午上门");
    assert_eq!(detail["timeline"][2]["by"], "service_centre");
    assert_eq!(detail["timeline"][1]["note"], Value::Null);
}

async fn report_reply(app: &TestApp, token: &str, property: &str) -> Reply {
    app.post("/api/v1/resident/cases", token, repair(property)).await
}

async fn report_is_idempotent_under_retry(app: &TestApp) {
    let w = world(app).await;
    let r = resident(app, &w, "王建国", "13800138000", &w.property).await;
    let post = |body: Value, key: &'static str| {
        let token = r.token.clone();
        async move {
            app.send(
                Method::POST,
                "/api/v1/resident/cases",
                Some(&token),
                Some(body),
                &[("idempotency-key", key)],
            )
            .await
        }
    };
    let first = post(repair(&w.property), "app-7d3c").await;
    assert_eq!(first.status, StatusCode::CREATED, "{}", first.text);
    let again = post(repair(&w.property), "app-7d3c").await;
    assert_eq!(again.status, StatusCode::CREATED);
    assert_eq!(again.body, first.body, "a retry returns the same case");
    // Concurrent retries (a flaky network sending the same request three times at once).
    let replies = futures_util::future::join_all((0..3).map(|_| post(repair(&w.property), "app-9e1f"))).await;
    let ids: std::collections::HashSet<String> = replies
        .iter()
        .map(|reply| {
            assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);
            reply.id()
        })
        .collect();
    assert_eq!(ids.len(), 1, "{ids:?}");
    // The same key with another body is refused, not replayed.
    let mut changed = repair(&w.property);
    changed["title"] = json!("厨房漏水");
    post(changed, "app-7d3c")
        .await
        .assert_problem(422, Some("Idempotency-Key"));
    let listed = app.get("/api/v1/resident/cases", &r.token).await;
    assert_eq!(listed.body["items"].as_array().unwrap().len(), 2);
    // Keys belong to the endpoint: the report's key on a withdrawal is a different request.
    let withdraw = app
        .send(
            Method::POST,
            &format!("/api/v1/resident/cases/{}/withdraw", first.id()),
            Some(&r.token),
            Some(json!({})),
            &[("idempotency-key", "app-7d3c")],
        )
        .await;
    withdraw.assert_problem(422, Some("Idempotency-Key"));
}

async fn daily_report_limit_answers_429_with_retry_after(app: &TestApp) {
    let w = world(app).await;
    let r = resident(app, &w, "王建国", "13800138000", &w.property).await;
    let first = app
        .send(
            Method::POST,
            "/api/v1/resident/cases",
            Some(&r.token),
            Some(repair(&w.property)),
            &[("idempotency-key", "first-of-the-day")],
        )
        .await;
    assert_eq!(first.status, StatusCode::CREATED, "{}", first.text);
    for _ in 1..10 {
        report(app, &r.token, repair(&w.property)).await;
    }
    let limited = app.post("/api/v1/resident/cases", &r.token, repair(&w.property)).await;
    limited.assert_problem(429, None);
    let retry_after: u64 = limited.header("retry-after").unwrap().parse().unwrap();
    assert!((1..=86_400).contains(&retry_after), "{retry_after}");
    // A retry of a report that went through still gets its answer…
    let replay = app
        .send(
            Method::POST,
            "/api/v1/resident/cases",
            Some(&r.token),
            Some(repair(&w.property)),
            &[("idempotency-key", "first-of-the-day")],
        )
        .await;
    assert_eq!(replay.status, StatusCode::CREATED);
    assert_eq!(replay.body, first.body);
    // …a new key is still limited (the refusal was not remembered as that key's answer)…
    app.send(
        Method::POST,
        "/api/v1/resident/cases",
        Some(&r.token),
        Some(repair(&w.property)),
        &[("idempotency-key", "eleventh")],
    )
    .await
    .assert_problem(429, None);
    let listed = app.get("/api/v1/resident/cases", &r.token).await;
    assert_eq!(listed.body["items"].as_array().unwrap().len(), 10);
    // …and staff are not limited for this customer.
    let phoned = app
        .post(
            "/api/v1/cases",
            &w.agent.1,
            json!({"kind": "repair", "channel": "phone", "customer_id": r.customer_id, "property_id": w.property,
                   "title": "又漏了", "description": ""}),
        )
        .await;
    assert_eq!(phoned.status, StatusCode::CREATED, "{}", phoned.text);
}

async fn set_code_expiry(app: &TestApp, customer_id: &str, at: chrono::DateTime<chrono::Utc>) {
    account::Entity::update_many()
        .col_expr(account::Column::CodeExpiresAt, Expr::value(at))
        .filter(account::Column::CustomerId.eq(customer_id.parse::<uuid::Uuid>().unwrap()))
        .exec(&app.store.db)
        .await
        .unwrap();
}

async fn activation_codes_are_single_use_expire_and_resist_guessing(app: &TestApp) {
    let w = world(app).await;
    let customer_id = customer(app, &w.agent.1, "王建国", "13800138000", &w.property).await;
    let code = issue_code(app, &w.agent.1, &customer_id).await;
    // A wrong code and an unknown phone get the very same answer.
    let wrong = activate(app, "13800138000", "AAAA-AAAA", PASSWORD).await;
    wrong.assert_problem(422, Some("code"));
    let unknown = activate(app, "13600136000", &code, PASSWORD).await;
    assert_eq!((unknown.status, &unknown.body), (wrong.status, &wrong.body));
    activate(app, "not a phone", &code, PASSWORD)
        .await
        .assert_problem(422, Some("phone"));
    // A weak password is refused before the code is spent.
    activate(app, "13800138000", &code, "short")
        .await
        .assert_problem(422, Some("new_password"));
    activate(app, "13800138000", &code, "x13800138000y")
        .await
        .assert_problem(422, Some("new_password"));
    assert_eq!(
        activate(app, "13800138000", &code, PASSWORD).await.status,
        StatusCode::NO_CONTENT
    );
    // Single use: the same code again looks like any wrong code.
    let reused = activate(app, "13800138000", &code, "Another2026pw").await;
    assert_eq!((reused.status, &reused.body), (wrong.status, &wrong.body));
    assert_eq!(app.login_reply("13800138000", PASSWORD).await.status, StatusCode::OK);
    // Issuing again resets the password: the new code works once, the old password stops.
    let second = issue_code(app, &w.agent.1, &customer_id).await;
    assert_ne!(second, code);
    assert_eq!(
        activate(app, "138 0013 8000", &second, "Another2026pw").await.status,
        StatusCode::NO_CONTENT
    );
    app.login_reply("13800138000", PASSWORD).await.assert_problem(401, None);
    assert_eq!(
        app.login_reply("13800138000", "Another2026pw").await.status,
        StatusCode::OK
    );
    // Expired codes are refused like wrong ones.
    let third = issue_code(app, &w.agent.1, &customer_id).await;
    set_code_expiry(app, &customer_id, chrono::Utc::now() - chrono::Duration::minutes(1)).await;
    let expired = activate(app, "13800138000", &third, "Third2026pass").await;
    assert_eq!((expired.status, &expired.body), (wrong.status, &wrong.body));
    // Guessing: after 5 failures for a number even the right code is rate limited.
    let other = customer(app, &w.agent.1, "赵丽", "13900139000", &w.other_property).await;
    let right = issue_code(app, &w.agent.1, &other).await;
    for guess in ["0000-0000", "1111-1111", "2222-2222", "3333-3333", "4444-4444"] {
        activate(app, "+86 139 0013 9000", guess, PASSWORD)
            .await
            .assert_problem(422, Some("code"));
    }
    let blocked = activate(app, "13900139000", &right, PASSWORD).await;
    blocked.assert_problem(429, None);
    assert!(blocked.header("retry-after").is_some());
    // The same for a number without a login: nothing tells them apart.
    for _ in 0..5 {
        activate(app, "13500135000", "5555-5555", PASSWORD)
            .await
            .assert_problem(422, Some("code"));
    }
    activate(app, "13500135000", "5555-5555", PASSWORD)
        .await
        .assert_problem(429, None);
    // Failed logins are counted per canonical number whether or not it is a login, so the
    // counter does not tell which numbers are residents'.
    for (spaced, plain) in [
        ("+86 138 0013 8000", "13800138000"),
        ("+86 137 0013 7000", "13700137000"),
    ] {
        for _ in 0..5 {
            app.login_reply(spaced, "Wrong2026pass").await.assert_problem(401, None);
        }
        app.login_reply(plain, "Wrong2026pass").await.assert_problem(429, None);
    }
    // Issuing codes is staff work with the customer permission, and audited.
    let (_, handler) = (&w.handler.0, &w.handler.1);
    app.post(&format!("/api/v1/customers/{customer_id}/account"), handler, json!({}))
        .await
        .assert_problem(403, None);
    let audit = app
        .get(
            &format!("/api/v1/audit?action=resident.activation_issued&subject_id={customer_id}"),
            &app.admin_token,
        )
        .await;
    assert_eq!(audit.body["items"].as_array().unwrap().len(), 3, "{}", audit.text);
    // Only the customer's own numbers can be the login.
    app.post(
        &format!("/api/v1/customers/{customer_id}/account"),
        &w.agent.1,
        json!({"phone": "13900139000"}),
    )
    .await
    .assert_problem(422, Some("phone"));
}

async fn one_rating_per_resolution_and_withdraw_only_before_dispatch(app: &TestApp) {
    let w = world(app).await;
    let r = resident(app, &w, "王建国", "13800138000", &w.property).await;
    // Withdraw while registered.
    let first = report(app, &r.token, repair(&w.property)).await;
    let first_id = first["id"].as_str().unwrap().to_owned();
    let withdrawn = app
        .post(
            &format!("/api/v1/resident/cases/{first_id}/withdraw"),
            &r.token,
            json!({"note": "已自行修好"}),
        )
        .await;
    assert_eq!(withdrawn.status, StatusCode::OK, "{}", withdrawn.text);
    assert_eq!(withdrawn.body["status"], "cancelled");
    assert_eq!(withdrawn.body["progress"]["en"], "You withdrew this report");
    let again = app
        .post(
            &format!("/api/v1/resident/cases/{first_id}/withdraw"),
            &r.token,
            json!({}),
        )
        .await;
    again.assert_problem(409, None);
    assert_eq!(again.body["current_status"], "cancelled");
    let staff_view = app.get(&format!("/api/v1/cases/{first_id}"), &w.agent.1).await;
    assert_eq!(staff_view.body["status"], "cancelled");
    // Not once dispatched; no rating before a resolution.
    let second = report(app, &r.token, repair(&w.property)).await;
    let id = second["id"].as_str().unwrap().to_owned();
    staff(
        app,
        &w.agent.1,
        &id,
        "dispatch",
        json!({"department_id": w.engineering}),
    )
    .await;
    let refused = app
        .post(&format!("/api/v1/resident/cases/{id}/withdraw"), &r.token, json!({}))
        .await;
    refused.assert_problem(409, None);
    assert_eq!(refused.body["current_status"], "dispatched");
    assert!(
        refused.body["detail"].as_str().unwrap().contains("customer service"),
        "{}",
        refused.text
    );
    let early = app
        .post(
            &format!("/api/v1/resident/cases/{id}/rating"),
            &r.token,
            json!({"satisfaction": "satisfied"}),
        )
        .await;
    early.assert_problem(409, None);
    app.post(
        &format!("/api/v1/resident/cases/{id}/rating"),
        &r.token,
        json!({"satisfaction": "great"}),
    )
    .await
    .assert_problem(422, Some("satisfaction"));
    // Resolved: a rating with a key; its retry replays, a new rating is 409.
    staff(app, &w.handler.1, &id, "resolve", json!({"result": "已修好"})).await;
    let rate = |key: &'static str| {
        let token = r.token.clone();
        let path = format!("/api/v1/resident/cases/{id}/rating");
        async move {
            app.send(
                Method::POST,
                &path,
                Some(&token),
                Some(json!({"satisfaction": "very_dissatisfied", "comment": "没修好"})),
                &[("idempotency-key", key)],
            )
            .await
        }
    };
    let rated = rate("rate-1").await;
    assert_eq!(rated.status, StatusCode::OK, "{}", rated.text);
    assert_eq!(rated.body["status"], "dispatched");
    let replay = rate("rate-1").await;
    assert_eq!((replay.status, &replay.body), (rated.status, &rated.body));
    rate("rate-2").await.assert_problem(409, None);
    let staff_view = app.get(&format!("/api/v1/cases/{id}"), &w.agent.1).await;
    assert_eq!(staff_view.body["dispatch_count"], 2);
    assert_eq!(staff_view.body["visits"].as_array().unwrap().len(), 1);
    // A staff-recorded visit counts as the rating of that resolution too.
    staff(app, &w.handler.1, &id, "resolve", json!({"result": "二次整改完成"})).await;
    staff(
        app,
        &w.agent.1,
        &id,
        "reply",
        json!({"content": "已告知", "method": "phone"}),
    )
    .await;
    staff(
        app,
        &w.agent.1,
        &id,
        "visit",
        json!({"reached": true, "satisfaction": "satisfied"}),
    )
    .await;
    app.post(
        &format!("/api/v1/resident/cases/{id}/rating"),
        &r.token,
        json!({"satisfaction": "satisfied"}),
    )
    .await
    .assert_problem(409, None);
    let done = app.get(&format!("/api/v1/resident/cases/{id}"), &r.token).await;
    assert_eq!(done.body["status"], "closed");
    assert_eq!(done.body["can_rate"], false);
}
