//! The statistics roll-ups stay exact while cases change: after registrations, actions long
//! after creation, a second dispatch, reassignment, cancellation, closing on the spot and a
//! property moving to another building, every figure served from the roll-ups equals the same
//! figure computed from the cases table — and equals it again after a rebuild from scratch.

use chrono::{DateTime, NaiveDate, Utc};
use huiyin_domain::case::{CancelReason, CaseKind, Channel, Satisfaction, Severity};
use huiyin_domain::stats::{parse_tz, Period};
use huiyin_domain::time::{business_day, business_day_start};
use huiyin_store::cases::actions::{ActionInput, CancelCase, CloseOnSpot, DispatchCase, ReassignCase, VerifyCase};
use huiyin_store::cases::create::{self, CreateCase};
use huiyin_store::cases::pipeline;
use huiyin_store::stats::breakdown::{breakdown, Dimension};
use huiyin_store::stats::report::monthly;
use huiyin_store::stats::rollup;
use huiyin_store::stats::summary::summary;
use huiyin_store::stats::trend::{trend, TrendInterval};
use huiyin_store::stats::StatsFilter;
use huiyin_store::{at_time, Actor};
use reqwest::StatusCode;
use sea_orm::TransactionTrait;
use serde_json::json;
use uuid::Uuid;

use crate::db_tests;
use crate::helpers::TestApp;
use crate::store_steps::{register_at, reply, resolve, step, t, visit};

db_tests!(
    rollups_equal_a_scan_of_the_cases_as_cases_change,
    current_counts_follow_the_case_load
);

struct World {
    admin: Actor,
    engineering: Uuid,
    security: Uuid,
    project: String,
    properties: Vec<String>,
}

async fn create_at(app: &TestApp, w: &World, at: &str, kind: CaseKind, i: usize) -> (Uuid, i32) {
    let channels = [Channel::Phone, Channel::Wechat, Channel::App];
    let input = CreateCase {
        kind,
        channel: channels[i % channels.len()],
        category_id: None,
        severity: if i.is_multiple_of(4) {
            Severity::Urgent
        } else {
            Severity::Normal
        },
        customer_id: None,
        customer: None,
        property_id: (i % 5 != 4).then(|| w.properties[i % w.properties.len()].parse().unwrap()),
        project_id: (i % 5 == 4).then(|| w.project.parse().unwrap()),
        title: format!("case {i}"),
        description: "rollup check".into(),
        reported_at: None,
        area_id: None,
        steward_visit_id: None,
    };
    register_at(app, &w.admin, at, input).await
}

fn dispatch(department: Uuid, due: &str) -> ActionInput {
    ActionInput::Dispatch(DispatchCase {
        department_id: department,
        assignee_id: None,
        due_at: Some(t(due)),
        note: None,
    })
}

fn filter(from: &str, to: &str, scan: bool) -> StatsFilter {
    let tz = parse_tz(None).unwrap();
    let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    StatsFilter {
        period: Period::new(day(from), day(to), tz).unwrap(),
        allowed_projects: None,
        project_id: None,
        area_id: None,
        kind: None,
        scan,
    }
}

/// Every statistics call, once from the roll-ups and once from a scan of the cases.
async fn assert_rollups_match_scan(app: &TestApp, w: &World, area: Uuid, moment: &str) {
    let db = &app.store.db;
    let periods = [
        ("2026-10-01", "2026-10-31"),
        ("2026-09-01", "2026-11-30"),
        ("2026-09-17", "2026-11-03"),
        ("2026-10-05", "2026-10-12"),
        ("2025-12-01", "2026-11-30"),
    ];
    for (from, to) in periods {
        for narrow in 0..4 {
            let adjust = |mut f: StatsFilter| {
                match narrow {
                    1 => f.project_id = Some(w.project.parse().unwrap()),
                    2 => f.area_id = Some(area),
                    3 => f.kind = Some(CaseKind::Repair),
                    _ => {}
                }
                f
            };
            let fast = adjust(filter(from, to, false));
            let scan = adjust(filter(from, to, true));
            let what = format!("{moment}: {from}..{to} narrow {narrow}");
            assert_eq!(
                summary(db, &fast).await.unwrap(),
                summary(db, &scan).await.unwrap(),
                "summary {what}"
            );
            for by in [
                Dimension::Category,
                Dimension::Channel,
                Dimension::Project,
                Dimension::Area,
                Dimension::Building,
                Dimension::Department,
                Dimension::Assignee,
                Dimension::Kind,
                Dimension::Severity,
            ] {
                assert_eq!(
                    breakdown(db, &fast, by).await.unwrap(),
                    breakdown(db, &scan, by).await.unwrap(),
                    "breakdown {by:?} {what}"
                );
            }
            for interval in [TrendInterval::Day, TrendInterval::Week, TrendInterval::Month] {
                assert_eq!(
                    trend(db, &fast, interval).await.unwrap(),
                    trend(db, &scan, interval).await.unwrap(),
                    "trend {interval:?} {what}"
                );
            }
        }
    }
    let month = |scan| StatsFilter {
        period: Period::month("2026-10", parse_tz(None).unwrap()).unwrap(),
        ..filter("2026-10-01", "2026-10-31", scan)
    };
    assert_eq!(
        monthly(db, "2026-10", &month(false)).await.unwrap(),
        monthly(db, "2026-10", &month(true)).await.unwrap(),
        "report {moment}"
    );
    let created = summary(db, &filter("2026-09-01", "2026-11-30", false))
        .await
        .unwrap()
        .figures
        .created;
    assert!(created > 0, "the periods hold cases");
}

async fn rollups_equal_a_scan_of_the_cases_as_cases_change(app: &TestApp) {
    let project = app.project("翠湖花园").await;
    // About the roll-ups, not the process: complaints go out without a verification here.
    crate::case_steps::set_process(app, &project, false, "supervisor", "same_day").await;
    let area_reply = app
        .post(
            "/api/v1/areas",
            &app.admin_token,
            json!({"project_id": project, "name": "一片区"}),
        )
        .await;
    assert_eq!(area_reply.status, StatusCode::CREATED, "{}", area_reply.text);
    let area = area_reply.id();
    let engineering: Uuid = app.department("工程部", "engineering").await.parse().unwrap();
    let security: Uuid = app.department("秩序部", "security").await.parse().unwrap();
    let properties = vec![
        app.property(&project, Some(&area), "1栋", "1单元", "101").await,
        app.property(&project, None, "2栋", "1单元", "101").await,
        app.property(&project, Some(&area), "3栋", "2单元", "202").await,
    ];
    let admin_id = app.get("/api/v1/me", &app.admin_token).await.body["id"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    let w = World {
        admin: Actor::load(&app.store.db, admin_id).await.unwrap().unwrap(),
        engineering,
        security,
        project,
        properties,
    };
    let area: Uuid = area.parse().unwrap();

    // Registrations spread over September to November, including both sides of Beijing midnight.
    let times = [
        "2026-09-16T15:59:00Z",
        "2026-09-16T16:01:00Z",
        "2026-09-30T15:30:00Z",
        "2026-09-30T16:30:00Z",
        "2026-10-05T02:00:00Z",
        "2026-10-10T01:00:00Z",
        "2026-10-20T08:00:00Z",
        "2026-10-31T15:30:00Z",
        "2026-10-31T16:30:00Z",
        "2026-11-02T03:00:00Z",
    ];
    let kinds = [
        CaseKind::Repair,
        CaseKind::Complaint,
        CaseKind::Repair,
        CaseKind::Inquiry,
    ];
    let mut cases = Vec::new();
    for (i, at) in times.iter().enumerate() {
        cases.push(create_at(app, &w, at, kinds[i % kinds.len()], i).await);
    }
    assert_rollups_match_scan(app, &w, area, "after registration").await;

    // Actions long after creation, a second dispatch, a reassignment, a cancellation.
    let e = w.engineering;
    let mut c0 = cases[0];
    step(
        app,
        &w.admin,
        &mut c0,
        "2026-09-17T01:00:00Z",
        ActionInput::Verify(VerifyCase { note: "ok".into() }),
    )
    .await;
    step(
        app,
        &w.admin,
        &mut c0,
        "2026-09-17T02:00:00Z",
        dispatch(e, "2026-09-18T02:00:00Z"),
    )
    .await;
    step(app, &w.admin, &mut c0, "2026-09-17T03:00:00Z", ActionInput::Accept).await;
    step(app, &w.admin, &mut c0, "2026-10-02T03:00:00Z", resolve()).await;
    step(app, &w.admin, &mut c0, "2026-10-02T04:00:00Z", reply()).await;
    step(
        app,
        &w.admin,
        &mut c0,
        "2026-10-03T04:00:00Z",
        visit(Satisfaction::Dissatisfied),
    )
    .await;
    step(app, &w.admin, &mut c0, "2026-10-03T05:00:00Z", ActionInput::Accept).await;
    step(app, &w.admin, &mut c0, "2026-10-04T05:00:00Z", resolve()).await;
    step(app, &w.admin, &mut c0, "2026-10-04T06:00:00Z", reply()).await;
    step(
        app,
        &w.admin,
        &mut c0,
        "2026-11-01T06:00:00Z",
        visit(Satisfaction::VerySatisfied),
    )
    .await;

    let mut c1 = cases[1];
    step(
        app,
        &w.admin,
        &mut c1,
        "2026-09-16T17:00:00Z",
        dispatch(e, "2026-09-16T20:00:00Z"),
    )
    .await;
    step(
        app,
        &w.admin,
        &mut c1,
        "2026-09-17T00:00:00Z",
        ActionInput::Reassign(ReassignCase {
            department_id: Some(w.security),
            assignee_id: None,
            note: None,
        }),
    )
    .await;

    let mut c2 = cases[2];
    step(
        app,
        &w.admin,
        &mut c2,
        "2026-10-01T01:00:00Z",
        ActionInput::Cancel(CancelCase {
            reason: CancelReason::Invalid,
            duplicate_of: None,
            note: None,
        }),
    )
    .await;

    let mut c3 = cases[3];
    step(
        app,
        &w.admin,
        &mut c3,
        "2026-09-30T16:40:00Z",
        ActionInput::CloseOnSpot(CloseOnSpot {
            answer: "answered".into(),
            article_id: None,
        }),
    )
    .await;

    let mut c5 = cases[5];
    step(
        app,
        &w.admin,
        &mut c5,
        "2026-10-10T02:00:00Z",
        dispatch(e, "2026-10-10T06:00:00Z"),
    )
    .await;
    step(app, &w.admin, &mut c5, "2026-10-10T08:00:00Z", resolve()).await;
    step(app, &w.admin, &mut c5, "2026-10-10T09:00:00Z", reply()).await;

    let mut c6 = cases[6];
    step(
        app,
        &w.admin,
        &mut c6,
        "2026-10-20T09:00:00Z",
        dispatch(e, "2026-10-21T09:00:00Z"),
    )
    .await;
    step(
        app,
        &w.admin,
        &mut c6,
        "2026-10-22T09:00:00Z",
        ActionInput::Cancel(CancelCase {
            reason: CancelReason::Withdrawn,
            duplicate_of: None,
            note: None,
        }),
    )
    .await;

    let mut c7 = cases[7];
    step(
        app,
        &w.admin,
        &mut c7,
        "2026-10-31T15:37:00Z",
        ActionInput::CloseOnSpot(CloseOnSpot {
            answer: "answered".into(),
            article_id: None,
        }),
    )
    .await;
    assert_rollups_match_scan(app, &w, area, "after the actions").await;

    // A property moves to another building: its cases move with it in the building breakdown.
    let property = &w.properties[0];
    let current = app
        .get(&format!("/api/v1/properties/{property}"), &app.admin_token)
        .await;
    let version = current.body["version"].as_i64().unwrap();
    let moved = app
        .patch(
            &format!("/api/v1/properties/{property}"),
            &app.admin_token,
            version,
            json!({"building": "9栋"}),
        )
        .await;
    assert_eq!(moved.status, StatusCode::OK, "{}", moved.text);
    assert_rollups_match_scan(app, &w, area, "after the building changed").await;

    // A rebuild from scratch gives the same roll-ups as the incremental upkeep.
    let before = summary(&app.store.db, &filter("2025-12-01", "2026-11-30", false))
        .await
        .unwrap();
    rollup::rebuild_all(&app.store.db).await.unwrap();
    let after = summary(&app.store.db, &filter("2025-12-01", "2026-11-30", false))
        .await
        .unwrap();
    assert_eq!(before, after);
    assert_rollups_match_scan(app, &w, area, "after a rebuild").await;

    // An average exactly on a half hundredth of an hour (resolved 33 h 0 min 18 s after
    // registration = 33.005 h) is the same figure from the roll-ups and from a scan: 33.01.
    let mut half = create_at(app, &w, "2025-06-02T01:00:00Z", CaseKind::Repair, 0).await;
    step(
        app,
        &w.admin,
        &mut half,
        "2025-06-02T02:00:00Z",
        dispatch(w.engineering, "2025-06-09T00:00:00Z"),
    )
    .await;
    step(app, &w.admin, &mut half, "2025-06-03T10:00:18Z", resolve()).await;
    for scan in [false, true] {
        let june = summary(&app.store.db, &filter("2025-06-01", "2025-06-30", scan))
            .await
            .unwrap();
        assert_eq!(
            june.figures.average_hours_to_resolve,
            Some(33.01),
            "scan {scan}: {june:?}"
        );
    }
}

async fn create_now(app: &TestApp, w: &World, at: DateTime<Utc>, kind: CaseKind, project: &str) -> (Uuid, i32) {
    let input = CreateCase {
        kind,
        channel: Channel::Phone,
        category_id: None,
        severity: Severity::Normal,
        customer_id: None,
        customer: None,
        property_id: None,
        project_id: Some(project.parse().unwrap()),
        title: "dashboard".into(),
        description: "dashboard".into(),
        reported_at: None,
        area_id: None,
        steward_visit_id: None,
    };
    let created = at_time(at, async {
        let txn = app.store.db.begin().await.unwrap();
        let c = create::create(&txn, &w.admin, input).await.unwrap();
        txn.commit().await.unwrap();
        c
    })
    .await;
    (created.id, created.version)
}

async fn step_at(app: &TestApp, w: &World, case: &mut (Uuid, i32), at: DateTime<Utc>, input: ActionInput) {
    let saved = at_time(at, pipeline::perform(&app.store.db, &w.admin, case.0, case.1, input))
        .await
        .unwrap();
    case.1 = saved.version;
}

async fn current_counts_follow_the_case_load(app: &TestApp) {
    let project = app.project("翠湖花园").await;
    // About the roll-ups, not the process: complaints go out without a verification here.
    crate::case_steps::set_process(app, &project, false, "supervisor", "same_day").await;
    let other = app.project("锦绣江南").await;
    crate::case_steps::set_process(app, &other, false, "supervisor", "same_day").await;
    let engineering: Uuid = app.department("工程部", "engineering").await.parse().unwrap();
    let admin_id = app.get("/api/v1/me", &app.admin_token).await.body["id"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    let w = World {
        admin: Actor::load(&app.store.db, admin_id).await.unwrap().unwrap(),
        engineering,
        security: engineering,
        project: project.clone(),
        properties: vec![],
    };
    // Moments earlier today (Beijing business day), in order.
    let now = Utc::now();
    let today_start = business_day_start(business_day(now));
    let p = |k: i32| today_start + (now - today_start) * k / 10;
    let e = w.engineering;
    // Registered, not dispatched.
    create_now(app, &w, p(1), CaseKind::Repair, &project).await;
    // Dispatched with a due time already past: overdue.
    let mut b = create_now(app, &w, p(2), CaseKind::Repair, &project).await;
    step_at(
        app,
        &w,
        &mut b,
        p(3),
        ActionInput::Dispatch(DispatchCase {
            department_id: e,
            assignee_id: None,
            due_at: Some(p(4)),
            note: None,
        }),
    )
    .await;
    // Closed on the spot: registered today but not open.
    let mut c = create_now(app, &w, p(5), CaseKind::Inquiry, &project).await;
    step_at(
        app,
        &w,
        &mut c,
        p(6),
        ActionInput::CloseOnSpot(CloseOnSpot {
            answer: "answered".into(),
            article_id: None,
        }),
    )
    .await;
    // Registered yesterday, now waiting for its return visit.
    let yesterday = today_start - chrono::Duration::hours(3);
    let mut d = create_now(app, &w, yesterday, CaseKind::Complaint, &project).await;
    step_at(
        app,
        &w,
        &mut d,
        yesterday + chrono::Duration::minutes(10),
        ActionInput::Dispatch(DispatchCase {
            department_id: e,
            assignee_id: None,
            due_at: Some(now + chrono::Duration::days(2)),
            note: None,
        }),
    )
    .await;
    step_at(app, &w, &mut d, yesterday + chrono::Duration::minutes(20), resolve()).await;
    step_at(app, &w, &mut d, yesterday + chrono::Duration::minutes(30), reply()).await;
    // Another project's new case.
    create_now(app, &w, p(7), CaseKind::Repair, &other).await;

    let counts = |v: &serde_json::Value| {
        [
            v["open"].as_i64().unwrap(),
            v["registered_today"].as_i64().unwrap(),
            v["unassigned"].as_i64().unwrap(),
            v["overdue"].as_i64().unwrap(),
            v["awaiting_visit"].as_i64().unwrap(),
        ]
    };
    let all = app.get("/api/v1/stats/current", &app.admin_token).await;
    assert_eq!(all.status, StatusCode::OK, "{}", all.text);
    assert_eq!(counts(&all.body), [4, 4, 2, 1, 1]);
    let one = app
        .get(&format!("/api/v1/stats/current?project_id={project}"), &app.admin_token)
        .await;
    assert_eq!(counts(&one.body), [3, 3, 1, 1, 1]);

    // A manager of the other project sees only that project, and nothing of the first.
    let (_, manager) = app.user("other_manager", "manager", None, &[&other]).await;
    let scoped = app.get("/api/v1/stats/current", &manager).await;
    assert_eq!(scoped.status, StatusCode::OK, "{}", scoped.text);
    assert_eq!(counts(&scoped.body), [1, 1, 1, 0, 0]);
    app.get(&format!("/api/v1/stats/current?project_id={project}"), &manager)
        .await
        .assert_problem(404, None);
    // Agents read their own projects' figures (issue #20), never another project's.
    let (_, agent) = app.user("agent_x", "agent", None, &[&project]).await;
    let own = app.get("/api/v1/stats/current", &agent).await;
    assert_eq!(own.status, StatusCode::OK, "{}", own.text);
    assert_eq!(counts(&own.body), [3, 3, 1, 1, 1]);
    app.get(&format!("/api/v1/stats/current?project_id={other}"), &agent)
        .await
        .assert_problem(404, None);
}
