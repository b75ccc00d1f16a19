//! Statistics against a hand-computed fixture (October 2026, Beijing time), API keys and the export.

use chrono::Utc;
use huiyin_domain::case::{CaseKind, Channel, Satisfaction, Severity};
use huiyin_store::cases::actions::{ActionInput, CancelCase, CloseOnSpot, DispatchCase, VerifyCase};
use huiyin_store::cases::create::{CreateCase, InlineCustomer};
use huiyin_store::{at_time, Actor};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use uuid::Uuid;

use crate::db_tests;
use crate::helpers::TestApp;
use crate::store_steps::{register_at, reply, resolve, step, t, visit};

db_tests!(
    figures_match_the_hand_computed_fixture,
    api_keys_are_scoped_restricted_and_revocable,
    export_is_incremental_masked_and_audited
);

struct Fixture {
    project: String,
    other_project: String,
    admin: Actor,
    engineering: Uuid,
}

async fn fixture(app: &TestApp) -> Fixture {
    let project = app.project("翠湖花园").await;
    let other_project = app.project("锦绣江南").await;
    // Case G, a complaint, goes out without a verification: these projects do not verify first.
    // The verification deadline stays the business day, which the figures below count by.
    for p in [&project, &other_project] {
        crate::case_steps::set_process(app, p, false, "supervisor", "same_day").await;
    }
    let engineering: Uuid = app.department("工程部", "engineering").await.parse().unwrap();
    let admin_id = app.get("/api/v1/me", &app.admin_token).await.body["id"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    let admin = Actor::load(&app.store.db, admin_id).await.unwrap().unwrap();
    Fixture {
        project,
        other_project,
        admin,
        engineering,
    }
}

async fn create_at(
    app: &TestApp,
    f: &Fixture,
    at: &str,
    kind: CaseKind,
    property: Option<&str>,
    project: &str,
) -> (Uuid, i32) {
    let input = CreateCase {
        kind,
        channel: Channel::Phone,
        category_id: None,
        severity: Severity::Normal,
        customer_id: None,
        customer: Some(InlineCustomer {
            name: "王建国".into(),
            phone: "13800138000".into(),
        }),
        property_id: property.map(|p| p.parse().unwrap()),
        project_id: if property.is_none() {
            Some(project.parse().unwrap())
        } else {
            None
        },
        title: "fixture".into(),
        description: "fixture".into(),
        reported_at: None,
        area_id: None,
        steward_visit_id: None,
    };
    register_at(app, &f.admin, at, input).await
}

fn dispatch(f: &Fixture, due: Option<&str>) -> ActionInput {
    ActionInput::Dispatch(DispatchCase {
        department_id: f.engineering,
        assignee_id: None,
        due_at: due.map(t),
        note: None,
    })
}

/// Builds the October fixture; see README "Statistics" for the definitions checked here.
async fn october(app: &TestApp, f: &Fixture) {
    let b1 = app.property(&f.project, None, "1栋", "1单元", "101").await;
    let b2 = app.property(&f.project, None, "2栋", "1单元", "101").await;
    // A: complaint 10:00 BJ 5 Oct, verified same day, resolved on time, satisfied.
    let mut a = create_at(
        app,
        f,
        "2026-10-05T02:00:00Z",
        CaseKind::Complaint,
        Some(&b1),
        &f.project,
    )
    .await;
    step(
        app,
        &f.admin,
        &mut a,
        "2026-10-05T03:00:00Z",
        ActionInput::Verify(VerifyCase { note: "ok".into() }),
    )
    .await;
    step(
        app,
        &f.admin,
        &mut a,
        "2026-10-05T04:00:00Z",
        dispatch(f, Some("2026-10-06T04:00:00Z")),
    )
    .await;
    step(app, &f.admin, &mut a, "2026-10-05T05:00:00Z", ActionInput::Accept).await;
    step(app, &f.admin, &mut a, "2026-10-05T10:00:00Z", resolve()).await;
    step(app, &f.admin, &mut a, "2026-10-05T11:00:00Z", reply()).await;
    step(
        app,
        &f.admin,
        &mut a,
        "2026-10-06T02:00:00Z",
        visit(Satisfaction::Satisfied),
    )
    .await;
    // B: repair, not verified, dissatisfied → second dispatch → very satisfied.
    let mut b = create_at(app, f, "2026-10-10T01:00:00Z", CaseKind::Repair, Some(&b2), &f.project).await;
    step(
        app,
        &f.admin,
        &mut b,
        "2026-10-10T02:00:00Z",
        dispatch(f, Some("2026-10-10T06:00:00Z")),
    )
    .await;
    step(app, &f.admin, &mut b, "2026-10-10T08:00:00Z", resolve()).await;
    step(app, &f.admin, &mut b, "2026-10-10T09:00:00Z", reply()).await;
    step(
        app,
        &f.admin,
        &mut b,
        "2026-10-11T01:00:00Z",
        visit(Satisfaction::Dissatisfied),
    )
    .await;
    step(app, &f.admin, &mut b, "2026-10-11T05:00:00Z", resolve()).await;
    step(app, &f.admin, &mut b, "2026-10-11T06:00:00Z", reply()).await;
    step(
        app,
        &f.admin,
        &mut b,
        "2026-10-12T01:00:00Z",
        visit(Satisfaction::VerySatisfied),
    )
    .await;
    // C: inquiry at 23:30 Beijing time on 31 October (15:30 UTC) — still October — closed on the spot.
    let mut c = create_at(app, f, "2026-10-31T15:30:00Z", CaseKind::Inquiry, None, &f.project).await;
    step(
        app,
        &f.admin,
        &mut c,
        "2026-10-31T15:35:00Z",
        ActionInput::CloseOnSpot(CloseOnSpot {
            answer: "answered".into(),
            article_id: None,
        }),
    )
    .await;
    // D: 00:30 Beijing time on 1 November — November, not October.
    create_at(app, f, "2026-10-31T16:30:00Z", CaseKind::Complaint, None, &f.project).await;
    // E: 23:59 Beijing on 30 September, cancelled in October.
    let mut e = create_at(app, f, "2026-09-30T15:59:00Z", CaseKind::Complaint, None, &f.project).await;
    step(
        app,
        &f.admin,
        &mut e,
        "2026-10-02T01:00:00Z",
        ActionInput::Cancel(CancelCase {
            reason: huiyin_domain::case::CancelReason::Invalid,
            duplicate_of: None,
            note: None,
        }),
    )
    .await;
    // F: September repair still in hand (open at the end of October).
    let mut fcase = create_at(app, f, "2026-09-20T02:00:00Z", CaseKind::Repair, None, &f.project).await;
    step(
        app,
        &f.admin,
        &mut fcase,
        "2026-09-20T03:00:00Z",
        dispatch(f, Some("2026-09-21T03:00:00Z")),
    )
    .await;
    // G: October complaint dispatched and never resolved: overdue.
    let mut g = create_at(
        app,
        f,
        "2026-10-20T02:00:00Z",
        CaseKind::Complaint,
        Some(&b1),
        &f.project,
    )
    .await;
    step(
        app,
        &f.admin,
        &mut g,
        "2026-10-20T03:00:00Z",
        dispatch(f, Some("2026-10-21T02:00:00Z")),
    )
    .await;
    // G is the customer's second complaint within 30 days (after A): a warning fires in October.
    let fired = at_time(
        t("2026-10-20T02:30:00Z"),
        huiyin_store::warnings::evaluate_for_case(&app.store.db, g.0),
    )
    .await
    .unwrap();
    assert_eq!(fired, 1, "the repeat-customer warning");
    // Another project's case, invisible to a key restricted to the first project.
    create_at(
        app,
        f,
        "2026-10-15T02:00:00Z",
        CaseKind::Complaint,
        None,
        &f.other_project,
    )
    .await;
}

fn ratio(v: &Value) -> (i64, i64) {
    (v["numerator"].as_i64().unwrap(), v["denominator"].as_i64().unwrap())
}

async fn figures_match_the_hand_computed_fixture(app: &TestApp) {
    let f = fixture(app).await;
    october(app, &f).await;
    let token = &app.admin_token;
    let q = format!("from=2026-10-01&to=2026-10-31&project_id={}", f.project);
    let s = app.get(&format!("/api/v1/stats/summary?{q}"), token).await;
    assert_eq!(s.status, StatusCode::OK, "{}", s.text);
    let s = s.body;
    assert_eq!(s["period"]["start"], "2026-09-30T16:00:00Z");
    assert_eq!(
        s["created"], 4,
        "A, B, C (23:30 on the 31st) and G; not D (00:30 on 1 Nov), not E (23:59 on 30 Sep)"
    );
    assert_eq!(s["by_kind"], json!({"complaint": 2, "repair": 1, "inquiry": 1}));
    assert_eq!(s["by_status"], json!({"closed": 3, "dispatched": 1}));
    assert_eq!(
        (
            s["closed"].as_i64(),
            s["cancelled"].as_i64(),
            s["open"].as_i64(),
            s["overdue"].as_i64()
        ),
        (Some(3), Some(0), Some(1), Some(1))
    );
    assert_eq!(ratio(&s["satisfaction"]), (2, 2));
    assert_eq!(
        s["satisfaction_levels"],
        json!({"dissatisfied": 0, "satisfied": 1, "very_dissatisfied": 0, "very_satisfied": 1})
    );
    assert_eq!(ratio(&s["on_time_verify"]), (1, 3));
    assert_eq!(ratio(&s["on_time_resolve"]), (2, 2));
    assert_eq!(ratio(&s["visit_coverage"]), (2, 2));
    assert_eq!(ratio(&s["first_contact_resolution"]), (1, 4));
    assert_eq!(ratio(&s["second_dispatch"]), (1, 3));
    assert_eq!(s["first_contact_resolution"]["rate"], 0.25);
    assert_eq!(s["average_hours_to_dispatch"], 1.33);
    assert_eq!(s["average_hours_to_resolve"], 18.0);
    assert_eq!(s["average_hours_to_close"], 24.03);
    assert_eq!(s["median_hours_to_dispatch"], 1.0);
    assert_eq!(s["median_hours_to_resolve"], 18.0);
    assert_eq!(s["median_hours_to_close"], 24.0);
    assert_eq!(s["closed_in_period"], 3);
    assert_eq!(s["open_at_end"], 2, "F and G; E was cancelled in October");
    // A different time zone moves C (15:30 UTC) out of an October that ends at midnight UTC… no: into it, and D too.
    let utc = app.get(&format!("/api/v1/stats/summary?{q}&tz=UTC"), token).await.body;
    assert_eq!(
        utc["created"], 5,
        "in UTC, D (16:30 UTC on 31 Oct) is October too, E (15:59 UTC 30 Sep) is not"
    );
    // Breakdowns add up to the summary.
    for by in [
        "category",
        "channel",
        "project",
        "area",
        "building",
        "department",
        "assignee",
        "kind",
        "severity",
    ] {
        let b = app.get(&format!("/api/v1/stats/breakdown?by={by}&{q}"), token).await;
        assert_eq!(b.status, StatusCode::OK, "{by}: {}", b.text);
        let groups = b.body["groups"].as_array().unwrap();
        let sum: i64 = groups.iter().map(|g| g["created"].as_i64().unwrap()).sum();
        assert_eq!(sum, 4, "{by}");
        assert_eq!(b.body["total"]["created"], 4);
        assert_eq!(ratio(&b.body["total"]["second_dispatch"]), (1, 3), "{by}");
        assert_eq!(b.body["total"]["average_hours_to_close"], 24.03, "{by}");
    }
    let buildings = app
        .get(&format!("/api/v1/stats/breakdown?by=building&{q}"), token)
        .await
        .body;
    let first = &buildings["groups"][0];
    assert_eq!(
        (first["label"].as_str(), first["created"].as_i64()),
        (Some("翠湖花园 1栋"), Some(2))
    );
    let departments = app
        .get(&format!("/api/v1/stats/breakdown?by=department&{q}"), token)
        .await
        .body;
    assert_eq!(departments["groups"][0]["label"], "工程部");
    // The trend fills gaps with zeros and puts C on 31 October.
    let trend = app
        .get(&format!("/api/v1/stats/trend?interval=day&{q}"), token)
        .await
        .body;
    let points = trend["points"].as_array().unwrap();
    assert_eq!(points.len(), 31);
    let created: Vec<i64> = points.iter().map(|p| p["created"].as_i64().unwrap()).collect();
    assert_eq!(created.iter().sum::<i64>(), 4);
    assert_eq!((created[4], created[9], created[19], created[30]), (1, 1, 1, 1));
    let closed: Vec<i64> = points.iter().map(|p| p["closed_in_bucket"].as_i64().unwrap()).collect();
    assert_eq!(
        (closed[5], closed[11], closed[30], closed.iter().sum::<i64>()),
        (1, 1, 1, 3)
    );
    let weekly = app
        .get(&format!("/api/v1/stats/trend?interval=week&{q}"), token)
        .await
        .body;
    assert_eq!(
        weekly["points"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["created"].as_i64().unwrap())
            .sum::<i64>(),
        4
    );
    // The monthly report, as JSON, CSV and XLSX.
    let report = app
        .get(
            &format!("/api/v1/stats/report?month=2026-10&project_id={}", f.project),
            token,
        )
        .await;
    assert_eq!(report.status, StatusCode::OK, "{}", report.text);
    assert_eq!(report.body["summary"]["created"], 4);
    assert_eq!(report.body["previous_month"]["created"], 2, "E and F");
    assert_eq!(report.body["change"]["created_change"], 1.0);
    assert_eq!(report.body["overdue"].as_array().unwrap().len(), 1);
    assert_eq!(report.body["top_buildings"][0]["created"], 2);
    assert_eq!(report.body["warnings_fired"], 1);
    assert_eq!(report.body["warnings"][0]["rule"], "repeat_customer");
    assert_eq!(report.body["warnings"][0]["fired_at"], "2026-10-20T02:30:00Z");
    let warned = &report.body["warnings"][0];
    let warned_numbers: Vec<&str> = warned["cases"]
        .as_array()
        .unwrap()
        .iter()
        .zip(warned["case_ids"].as_array().unwrap())
        .map(|(case, id)| {
            assert_eq!(&case["id"], id, "{warned}");
            case["number"].as_str().unwrap()
        })
        .collect();
    assert_eq!(warned_numbers.len(), warned["case_ids"].as_array().unwrap().len());
    assert!(warned_numbers.iter().all(|n| n.starts_with("TS-")), "{warned}");
    let september = app
        .get(
            &format!("/api/v1/stats/report?month=2026-09&project_id={}", f.project),
            token,
        )
        .await;
    assert_eq!(september.body["warnings_fired"], 0, "{}", september.text);
    let elsewhere = app
        .get(
            &format!("/api/v1/stats/report?month=2026-10&project_id={}", f.other_project),
            token,
        )
        .await;
    assert_eq!(elsewhere.body["warnings_fired"], 0, "another project's report");
    let csv = app
        .client
        .get(app.url(&format!(
            "/api/v1/stats/report?month=2026-10&format=csv&project_id={}",
            f.project
        )))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    assert_eq!(csv.headers()["content-type"], "text/csv; charset=utf-8");
    assert!(csv.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .contains("huiyin-report-2026-10.csv"));
    let text = csv.text().await.unwrap();
    assert!(text.contains("新增工单,Cases created,4"), "{text}");
    assert!(text.contains("本月预警,Warnings fired,1"), "{text}");
    assert!(text.contains("# 本月预警 Warnings fired"), "{text}");
    assert!(text.contains("repeat_customer"), "{text}");
    assert!(
        text.contains(&warned_numbers.join(" ")),
        "the warning's case numbers: {text}"
    );
    let xlsx = app
        .client
        .get(app.url(&format!("/api/v1/stats/report?month=2026-10&project_id={}", f.project)))
        .bearer_auth(token)
        .header(
            "accept",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        .send()
        .await
        .unwrap();
    assert_eq!(xlsx.status(), StatusCode::OK);
    assert!(
        xlsx.bytes().await.unwrap().starts_with(b"PK"),
        "an XLSX file is a zip archive"
    );
    // Bad input names the field.
    app.get("/api/v1/stats/summary?from=2026-10-31&to=2026-10-01", token)
        .await
        .assert_problem(422, Some("to"));
    app.get(
        "/api/v1/stats/summary?from=2026-10-01&to=2026-10-31&tz=Mars/Base",
        token,
    )
    .await
    .assert_problem(422, Some("tz"));
    app.get("/api/v1/stats/summary?from=yesterday&to=2026-10-31", token)
        .await
        .assert_problem(422, None);
    app.get("/api/v1/stats/breakdown?by=colour&from=2026-10-01&to=2026-10-31", token)
        .await
        .assert_problem(422, None);
    app.get("/api/v1/stats/report?month=2026-13", token)
        .await
        .assert_problem(422, Some("month"));
    // Roles: an agent of the project reads its figures (issue #20); a supervisor of another
    // project sees nothing of this one.
    let (_, agent) = app.user("agent.stats", "agent", None, &[&f.project]).await;
    let agents = app.get(&format!("/api/v1/stats/summary?{q}"), &agent).await;
    assert_eq!(agents.status, StatusCode::OK, "{}", agents.text);
    assert_eq!(
        agents.body,
        app.get(&format!("/api/v1/stats/summary?{q}"), token).await.body
    );
    let (_, supervisor) = app
        .user("supervisor.other", "supervisor", None, &[&f.other_project])
        .await;
    app.get(&format!("/api/v1/stats/summary?{q}"), &supervisor)
        .await
        .assert_problem(404, None);
    let own = app
        .get("/api/v1/stats/summary?from=2026-10-01&to=2026-10-31", &supervisor)
        .await
        .body;
    assert_eq!(own["created"], 1);
}

async fn make_key(app: &TestApp, body: Value) -> (String, String) {
    let reply = app.post("/api/v1/api-keys", &app.admin_token, body).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);
    (reply.id(), reply.body["key"].as_str().unwrap().to_owned())
}

async fn api_keys_are_scoped_restricted_and_revocable(app: &TestApp) {
    let f = fixture(app).await;
    october(app, &f).await;
    let (id, key) = make_key(
        app,
        json!({"name": "BI", "scopes": ["stats:read"], "project_id": f.project}),
    )
    .await;
    assert!(key.starts_with("hy_"));
    let listed = app.get("/api/v1/api-keys", &app.admin_token).await;
    assert!(
        listed.body["items"][0].get("key").is_none(),
        "the secret is shown only once"
    );
    assert_eq!(listed.body["items"][0]["prefix"].as_str().unwrap(), &key[..10]);
    // Bearer and X-API-Key both work; the restriction applies without asking.
    let summary = app
        .get("/api/v1/stats/summary?from=2026-10-01&to=2026-10-31", &key)
        .await;
    assert_eq!(summary.status, StatusCode::OK, "{}", summary.text);
    assert_eq!(summary.body["created"], 4, "the other project's case is not counted");
    let by_header = app
        .send(
            Method::GET,
            "/api/v1/stats/summary?from=2026-10-01&to=2026-10-31",
            None,
            None,
            &[("x-api-key", &key)],
        )
        .await;
    assert_eq!(by_header.body["created"], 4);
    app.get(
        &format!(
            "/api/v1/stats/summary?from=2026-10-01&to=2026-10-31&project_id={}",
            f.other_project
        ),
        &key,
    )
    .await
    .assert_problem(404, None);
    // Outside its scopes: 403.
    app.get("/api/v1/export/cases", &key).await.assert_problem(403, None);
    app.get("/api/v1/cases", &key).await.assert_problem(403, None);
    app.get("/api/v1/me", &key).await.assert_problem(403, None);
    app.get("/api/v1/api-keys", &key).await.assert_problem(403, None);
    // Keys are for admins to manage.
    let (_, manager) = app.user("manager.keys", "manager", None, &[&f.project]).await;
    app.post(
        "/api/v1/api-keys",
        &manager,
        json!({"name": "x", "scopes": ["stats:read"]}),
    )
    .await
    .assert_problem(403, None);
    app.post(
        "/api/v1/api-keys",
        &app.admin_token,
        json!({"name": "x", "scopes": ["stats:write"]}),
    )
    .await
    .assert_problem(422, Some("scopes[0]"));
    app.post("/api/v1/api-keys", &app.admin_token, json!({"name": "x", "scopes": []}))
        .await
        .assert_problem(422, Some("scopes"));
    let used = app.get("/api/v1/api-keys", &app.admin_token).await;
    assert!(used.body["items"][0]["last_used_at"].is_string());
    // Revoked and unknown keys: 401.
    let revoked = app
        .send(
            Method::DELETE,
            &format!("/api/v1/api-keys/{id}"),
            Some(&app.admin_token),
            None,
            &[],
        )
        .await;
    assert_eq!(revoked.status, StatusCode::OK);
    assert!(revoked.body["revoked_at"].is_string());
    app.get("/api/v1/stats/summary?from=2026-10-01&to=2026-10-31", &key)
        .await
        .assert_problem(401, None);
    app.get("/api/v1/stats/summary?from=2026-10-01&to=2026-10-31", "hy_not-a-key")
        .await
        .assert_problem(401, None);
    let (_, expiring) = make_key(app, json!({"name": "soon", "scopes": ["stats:read"], "expires_at": (Utc::now() + chrono::Duration::seconds(1)).to_rfc3339()})).await;
    tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
    app.get("/api/v1/stats/summary?from=2026-10-01&to=2026-10-31", &expiring)
        .await
        .assert_problem(401, None);
}

async fn export_is_incremental_masked_and_audited(app: &TestApp) {
    let f = fixture(app).await;
    october(app, &f).await;
    let (_, key) = make_key(app, json!({"name": "ERP", "scopes": ["cases:read"]})).await;
    let first = app.get("/api/v1/export/cases?limit=5", &key).await;
    assert_eq!(first.status, StatusCode::OK, "{}", first.text);
    let items = first.body["items"].as_array().unwrap();
    assert_eq!(items.len(), 5);
    assert_eq!(items[0]["customer_phone"], "138****8000");
    let second = app
        .get(
            &format!(
                "/api/v1/export/cases?limit=5&cursor={}",
                first.body["next_cursor"].as_str().unwrap()
            ),
            &key,
        )
        .await;
    let mut seen: Vec<String> = items
        .iter()
        .chain(second.body["items"].as_array().unwrap())
        .map(|c| c["id"].as_str().unwrap().to_owned())
        .collect();
    let total = seen.len();
    seen.sort();
    seen.dedup();
    assert_eq!((seen.len(), total), (8, 8), "every case once");
    assert!(second.body["next_cursor"].is_null());
    // Changed since: only what moved after the instant.
    let since = app
        .get("/api/v1/export/cases?updated_since=2026-10-30T00:00:00Z", &key)
        .await;
    assert_eq!(
        since.body["items"].as_array().unwrap().len(),
        2,
        "C (closed 31 Oct) and D"
    );
    app.get("/api/v1/export/cases?limit=1001", &key)
        .await
        .assert_problem(422, Some("limit"));
    let (_, pii_key) = make_key(app, json!({"name": "CRM", "scopes": ["cases:read", "pii:read"]})).await;
    let unmasked = app.get("/api/v1/export/cases?limit=1", &pii_key).await;
    assert_eq!(unmasked.body["items"][0]["customer_phone"], "13800138000");
    let audit = app.get("/api/v1/audit?action=cases.exported", &app.admin_token).await;
    assert_eq!(
        audit.body["items"].as_array().unwrap().len(),
        4,
        "every successful export call, not the refused one: {}",
        audit.text
    );
}
