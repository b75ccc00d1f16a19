//! Leads of a decoration company: registration and attribution, the dispatch rules and the race
//! for a designer's last slot, lost leads in two steps, follow-ups and scope.

use futures_util::future::join_all;
use reqwest::StatusCode;
use serde_json::json;

use crate::db_tests;
use crate::helpers::TestApp;
use crate::lead_steps::{act, act_ok, dispatch, lead, lead_body, store};

db_tests!(
    registration_sizes_numbers_and_flags_a_second_lead_for_the_phone,
    bad_lead_input_names_the_field,
    dispatch_follows_size_level_and_caps_and_only_managers_force,
    two_dispatchers_racing_for_the_last_slot_do_not_both_win,
    lost_leads_take_the_right_kind_and_two_steps,
    designers_see_only_their_own_leads_and_stores_only_theirs,
    follow_ups_set_the_cadence_and_overdue_leads_queue,
);

async fn registration_sizes_numbers_and_flags_a_second_lead_for_the_phone(app: &TestApp) {
    let s = store(app, &[]).await;
    let cm = &s.manager.1;
    let first = lead(app, cm, "139 0013 9001", "45000.00").await;
    assert!(first["number"].as_str().unwrap().starts_with("XS-"), "{first}");
    assert_eq!(first["number"].as_str().unwrap().len(), "XS-20261206-0001".len());
    assert_eq!(first["status"], "new");
    assert_eq!(first["size"], "medium");
    assert_eq!(first["budget"], "45000.00");
    assert_eq!(first["customer"]["phone"], "13900139001");
    assert!(first["duplicate_of"].is_null());
    for (budget, size) in [
        ("29999.99", "small"),
        ("30000", "medium"),
        ("50000.00", "medium"),
        ("50000.01", "large"),
    ] {
        let other = lead(app, cm, "139 0013 9009", budget).await;
        assert_eq!(other["size"], size, "{budget}");
    }
    // The same phone in another notation within 90 days: flagged with the first one's attribution.
    let mut body = lead_body("+86 139-0013-9001", "12000");
    body["brought_by"] = json!("设计师 王强");
    let second = app.post("/api/v1/leads", cm, body).await;
    assert_eq!(second.status, StatusCode::CREATED, "{}", second.text);
    assert_eq!(second.body["duplicate_of"]["id"], first["id"]);
    assert_eq!(second.body["duplicate_of"]["brought_by"], "前台 李娜");
    assert_eq!(second.body["customer"]["id"], first["customer"]["id"]);
    // The customer manager decides the dispute; it is recorded.
    let decided = act_ok(
        app,
        cm,
        &second.body,
        "attribution",
        json!({"brought_by": "前台 李娜", "note": "客户确认最先由前台接待"}),
    )
    .await;
    assert_eq!(decided["brought_by"], "前台 李娜");
    assert_eq!(decided["attribution_note"], "客户确认最先由前台接待");
    let events = app.get(&format!("/api/v1/leads/{}/events", second.id()), cm).await;
    let actions: Vec<_> = events
        .body
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].clone())
        .collect();
    assert_eq!(actions, [json!("register"), json!("attribution")]);
    // Marketing leads arrive with a transfer slip.
    let mut marketing = lead_body("13900139003", "20000");
    marketing["source"] = json!("marketing");
    app.post("/api/v1/leads", cm, marketing.clone())
        .await
        .assert_problem(422, Some("transfer_slip"));
    marketing["transfer_slip"] = json!({"number": "CD-1", "marketing_manager": "赵经理", "store_manager": "钱店长"});
    let ok = app.post("/api/v1/leads", cm, marketing).await;
    assert_eq!(ok.status, StatusCode::CREATED, "{}", ok.text);
    assert_eq!(ok.body["transfer_slip"]["number"], "CD-1");
    // Idempotent creates.
    let key = [("idempotency-key", "lead-key-1")];
    let a = app
        .send(
            reqwest::Method::POST,
            "/api/v1/leads",
            Some(cm),
            Some(lead_body("13900139004", "100")),
            &key,
        )
        .await;
    let b = app
        .send(
            reqwest::Method::POST,
            "/api/v1/leads",
            Some(cm),
            Some(lead_body("13900139004", "100")),
            &key,
        )
        .await;
    assert_eq!(a.status, StatusCode::CREATED);
    assert_eq!(a.body["id"], b.body["id"]);
}

async fn bad_lead_input_names_the_field(app: &TestApp) {
    let s = store(app, &[]).await;
    let cm = &s.manager.1;
    app.post("/api/v1/leads", cm, lead_body("13900139001", "-5"))
        .await
        .assert_problem(422, Some("budget"));
    app.post("/api/v1/leads", cm, lead_body("13900139001", "12.345"))
        .await
        .assert_problem(422, Some("budget"));
    let mut unknown = lead_body("13900139001", "100");
    unknown["source"] = json!("billboard");
    app.post("/api/v1/leads", cm, unknown)
        .await
        .assert_problem(422, Some("source"));
    app.post("/api/v1/leads", cm, lead_body("12345", "100"))
        .await
        .assert_problem(422, Some("customer.phone"));
    let mut area = lead_body("13900139001", "100");
    area["floor_area_m2"] = json!(-3);
    app.post("/api/v1/leads", cm, area)
        .await
        .assert_problem(422, Some("floor_area_m2"));
    // An admin belongs to no store: the project must be named.
    app.post("/api/v1/leads", &app.admin_token, lead_body("13900139001", "100"))
        .await
        .assert_problem(422, Some("project_id"));
    // Designers do not register leads.
    let designer = app.user("ds_plain", "designer", None, &[&s.project]).await;
    let refused = app
        .post("/api/v1/leads", &designer.1, lead_body("13900139001", "100"))
        .await;
    refused.assert_problem(403, None);
}

async fn dispatch_follows_size_level_and_caps_and_only_managers_force(app: &TestApp) {
    let s = store(app, &["designer", "assistant", "director", "chief"]).await;
    let cm = &s.manager.1;
    let (a, b, director) = (&s.designers[0].0, &s.designers[1].0, &s.designers[2].0);
    // A small order to a director: the level rule.
    let small = lead(app, cm, "13900139101", "20000").await;
    let refused = dispatch(app, cm, &small, director).await;
    refused.assert_problem(409, Some("level"));
    let eligible = app
        .get(
            &format!("/api/v1/leads/{}/eligible-designers", small["id"].as_str().unwrap()),
            cm,
        )
        .await;
    assert_eq!(eligible.status, StatusCode::OK, "{}", eligible.text);
    let ids: Vec<_> = eligible.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].clone())
        .collect();
    assert_eq!(ids.len(), 2, "only small-order grades: {}", eligible.text);
    assert!(ids.contains(&json!(a)) && ids.contains(&json!(b)));
    // Two to A today: the third hits the daily cap (and, off-season, the in-hand cap).
    for phone in ["13900139102", "13900139103"] {
        let l = lead(app, cm, phone, "10000").await;
        let ok = dispatch(app, cm, &l, a).await;
        assert_eq!(ok.status, StatusCode::OK, "{}", ok.text);
        assert_eq!(ok.body["status"], "dispatched");
        assert_eq!(ok.body["designer"]["id"], json!(a));
    }
    let third = dispatch(app, cm, &small, a).await;
    third.assert_problem(409, Some("daily_cap"));
    assert!(third.body["errors"]["in_hand_cap"].is_array(), "{}", third.text);
    assert!(third.body["errors"]["level"].is_null());
    let detail = third.body["detail"].as_str().unwrap();
    assert!(
        detail.find("daily_cap").unwrap() < detail.find("in_hand_cap").unwrap(),
        "{detail}"
    );
    // The dialog shows A over the cap, after B who is eligible.
    let eligible = app
        .get(
            &format!("/api/v1/leads/{}/eligible-designers", small["id"].as_str().unwrap()),
            cm,
        )
        .await;
    let items = eligible.body["items"].as_array().unwrap();
    assert_eq!(items[0]["id"], json!(b));
    assert_eq!(items[0]["eligible"], true);
    assert_eq!(items[1]["id"], json!(a));
    assert_eq!(items[1]["eligible"], false);
    assert_eq!(items[1]["today"], 2);
    assert_eq!(items[1]["this_week"], 2);
    assert_eq!(items[1]["in_hand"], 2);
    assert_eq!(items[1]["reason"], "daily_cap");
    assert_eq!(items[1]["reasons"], json!(["daily_cap", "in_hand_cap"]));
    // The customer manager may not force; the design manager may, and it is recorded.
    let force = json!({"designer_id": a, "force": {"reason": "客户指定该设计师"}});
    act(app, cm, &small, "dispatch", force.clone())
        .await
        .assert_problem(403, None);
    let forced = act_ok(app, &s.design_manager.1, &small, "dispatch", force).await;
    assert_eq!(forced["designer"]["id"], json!(a));
    let events = app
        .get(&format!("/api/v1/leads/{}/events", small["id"].as_str().unwrap()), cm)
        .await;
    let last = events.body.as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["action"], "dispatch");
    assert_eq!(last["payload"]["forced"], true);
    assert_eq!(last["payload"]["overridden"], json!(["daily_cap", "in_hand_cap"]));
    assert_eq!(last["payload"]["force_reason"], "客户指定该设计师");
    // A dispatched lead cannot be dispatched again (409), only reassigned.
    dispatch(app, cm, &forced, b).await.assert_problem(409, Some("status"));
    let moved = act_ok(app, cm, &forced, "reassign", json!({"designer_id": b})).await;
    assert_eq!(moved["designer"]["id"], json!(b));
    // Stale versions are refused.
    act(app, cm, &forced, "reassign", json!({"designer_id": a}))
        .await
        .assert_problem(412, None);
    // In the peak season the in-hand cap is 4, so only the daily cap remains for A.
    let settings = app.get("/api/v1/decoration/settings", &app.admin_token).await;
    let mut body = settings.body.clone();
    body["season"] = json!("peak");
    let saved = app.put("/api/v1/decoration/settings", &app.admin_token, 0, body).await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.text);
    let medium = lead(app, cm, "13900139104", "40000").await;
    let refusal = act(app, cm, &medium, "dispatch", json!({"designer_id": a})).await;
    refusal.assert_problem(409, Some("level"));
    assert!(refusal.body["errors"]["in_hand_cap"].is_null(), "{}", refusal.text);
    let ok = dispatch(app, cm, &medium, director).await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.text);
}

async fn two_dispatchers_racing_for_the_last_slot_do_not_both_win(app: &TestApp) {
    let s = store(app, &["designer"]).await;
    let cm = &s.manager.1;
    let designer = &s.designers[0].0;
    // One lead already: one slot left today (and in hand, off-season).
    let first = lead(app, cm, "13900139201", "10000").await;
    assert_eq!(dispatch(app, cm, &first, designer).await.status, StatusCode::OK);
    let second_manager = app.user("cm_second", "customer_manager", None, &[&s.project]).await;
    let mut racers = Vec::new();
    for (i, token) in [cm, &second_manager.1, cm, &second_manager.1].into_iter().enumerate() {
        racers.push((lead(app, cm, &format!("1390013930{i}"), "10000").await, token.clone()));
    }
    let replies = join_all(racers.iter().map(|(l, token)| dispatch(app, token, l, designer))).await;
    let won = replies.iter().filter(|r| r.status == StatusCode::OK).count();
    let refused = replies.iter().filter(|r| r.status == StatusCode::CONFLICT).count();
    assert_eq!(
        (won, refused),
        (1, 3),
        "{:?}",
        replies.iter().map(|r| &r.text).collect::<Vec<_>>()
    );
    let eligible = app
        .get(
            &format!(
                "/api/v1/leads/{}/eligible-designers",
                racers[0].0["id"].as_str().unwrap()
            ),
            cm,
        )
        .await;
    assert_eq!(eligible.body["items"][0]["today"], 2, "{}", eligible.text);
}

async fn lost_leads_take_the_right_kind_and_two_steps(app: &TestApp) {
    let s = store(app, &["designer"]).await;
    let (cm, dm) = (&s.manager.1, &s.design_manager.1);
    let designer = &s.designers[0];
    let l = lead(app, cm, "13900139401", "10000").await;
    let l = act_ok(app, cm, &l, "dispatch", json!({"designer_id": designer.0})).await;
    let lose =
        |kind: &str, reason: &str| json!({"kind": kind, "reason": reason, "customer_statement": "客户说已找了别家"});
    // Before measuring only `invalid`.
    act(app, cm, &l, "lose", lose("failed_signing", "price"))
        .await
        .assert_problem(409, Some("status"));
    act(app, cm, &l, "lose", lose("invalid", "price"))
        .await
        .assert_problem(422, Some("reason"));
    act(
        app,
        cm,
        &l,
        "lose",
        json!({"kind": "gone", "reason": "price", "customer_statement": "x"}),
    )
    .await
    .assert_problem(422, Some("kind"));
    // The designer measures (their own lead), then `invalid` is refused and failed signing taken.
    let l = act_ok(app, &designer.1, &l, "measure", json!({"note": "已量房"})).await;
    assert_eq!(l["status"], "measured");
    act(app, cm, &l, "lose", lose("invalid", "false_data"))
        .await
        .assert_problem(409, Some("status"));
    let pending = act_ok(app, cm, &l, "lose", lose("failed_signing", "competition")).await;
    assert_eq!(pending["status"], "lost_pending");
    assert_eq!(pending["status_before_loss"], "measured");
    assert_eq!(pending["loss"]["kind"], "failed_signing");
    assert_eq!(pending["loss"]["customer_statement"], "客户说已找了别家");
    // The confirmation queue; customer managers and designers cannot confirm.
    let queue = app.get("/api/v1/leads?status=lost_pending", dm).await;
    assert_eq!(queue.body["items"].as_array().unwrap().len(), 1, "{}", queue.text);
    let confirm = json!({"confirm": true, "note": "二次回访确认已与别家签约"});
    act(app, cm, &pending, "lose/confirm", confirm.clone())
        .await
        .assert_problem(403, None);
    act(app, &designer.1, &pending, "lose/confirm", confirm.clone())
        .await
        .assert_problem(403, None);
    // Not confirmed: back to measured. Reported again and confirmed: lost.
    let back = act_ok(
        app,
        dm,
        &pending,
        "lose/confirm",
        json!({"confirm": false, "note": "客户仍在比较"}),
    )
    .await;
    assert_eq!(back["status"], "measured");
    assert!(back["loss"].is_null());
    let pending = act_ok(app, cm, &back, "lose", lose("failed_signing", "price")).await;
    let lost = act_ok(app, dm, &pending, "lose/confirm", confirm.clone()).await;
    assert_eq!(lost["status"], "lost");
    assert_eq!(lost["loss"]["reason"], "price");
    assert!(lost["closed_at"].is_string());
    act(app, dm, &lost, "lose/confirm", confirm)
        .await
        .assert_problem(409, Some("status"));
    act(app, cm, &lost, "follow-up", json!({"channel": "phone", "note": "x"}))
        .await
        .assert_problem(409, Some("status"));
    // An invalid lead before measuring; the design manager reporting cannot confirm their own.
    let other = lead(app, cm, "13900139402", "10000").await;
    let reported = act_ok(app, dm, &other, "lose", lose("invalid", "not_decorating")).await;
    act(
        app,
        dm,
        &reported,
        "lose/confirm",
        json!({"confirm": true, "note": "ok"}),
    )
    .await
    .assert_problem(403, None);
}

async fn designers_see_only_their_own_leads_and_stores_only_theirs(app: &TestApp) {
    let s = store(app, &["designer", "designer"]).await;
    let cm = &s.manager.1;
    let (mine, theirs) = (&s.designers[0], &s.designers[1]);
    let l = lead(app, cm, "13900139501", "10000").await;
    let l = act_ok(app, cm, &l, "dispatch", json!({"designer_id": mine.0})).await;
    let id = l["id"].as_str().unwrap();
    let own = app.get(&format!("/api/v1/leads/{id}"), &mine.1).await;
    assert_eq!(own.status, StatusCode::OK);
    assert_eq!(
        own.body["customer"]["phone"], "13900139501",
        "the lead's designer calls the customer"
    );
    app.get(&format!("/api/v1/leads/{id}"), &theirs.1)
        .await
        .assert_problem(404, None);
    act(app, &theirs.1, &l, "measure", json!({}))
        .await
        .assert_problem(404, None);
    let undispatched = lead(app, cm, "13900139502", "10000").await;
    app.get(
        &format!("/api/v1/leads/{}", undispatched["id"].as_str().unwrap()),
        &mine.1,
    )
    .await
    .assert_problem(404, None);
    let list = app.get("/api/v1/leads", &mine.1).await;
    let ids: Vec<_> = list.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["id"].clone())
        .collect();
    assert_eq!(ids, [json!(id)]);
    assert!(app.get("/api/v1/leads", &theirs.1).await.body["items"]
        .as_array()
        .unwrap()
        .is_empty());
    // Designers neither dispatch nor see the dialog.
    app.get(&format!("/api/v1/leads/{id}/eligible-designers"), &mine.1)
        .await
        .assert_problem(403, None);
    // Another store's customer manager sees none of it.
    let elsewhere = app.project("另一门店").await;
    let stranger = app.user("cm_elsewhere", "customer_manager", None, &[&elsewhere]).await;
    app.get(&format!("/api/v1/leads/{id}"), &stranger.1)
        .await
        .assert_problem(404, None);
    assert!(app.get("/api/v1/leads", &stranger.1).await.body["items"]
        .as_array()
        .unwrap()
        .is_empty());
    // …nor dispatches to this store's designers.
    let own_lead = lead(app, &stranger.1, "13900139503", "10000").await;
    dispatch(app, &stranger.1, &own_lead, &mine.0)
        .await
        .assert_problem(422, Some("designer_id"));
    // The customer manager sees the store's leads, the phone in full.
    let board = app.get("/api/v1/leads?status=new", cm).await;
    assert_eq!(board.body["items"].as_array().unwrap().len(), 1, "{}", board.text);
    // Agents and handlers have no lead screens.
    let agent = app.user("agent_deco", "agent", None, &[&s.project]).await;
    app.get("/api/v1/leads", &agent.1).await.assert_problem(403, None);
}

async fn follow_ups_set_the_cadence_and_overdue_leads_queue(app: &TestApp) {
    let s = store(app, &[]).await;
    let cm = &s.manager.1;
    let l = lead(app, cm, "13900139601", "10000").await;
    assert_eq!(l["intent"], "intent");
    assert_eq!(l["overdue"], false);
    act(
        app,
        cm,
        &l,
        "follow-up",
        json!({"channel": "phone", "note": "x", "next_on": "2020-01-01"}),
    )
    .await
    .assert_problem(422, Some("next_on"));
    act(app, cm, &l, "follow-up", json!({"channel": "fax", "note": "x"}))
        .await
        .assert_problem(422, Some("channel"));
    let followed = act_ok(
        app,
        cm,
        &l,
        "follow-up",
        json!({"channel": "phone", "note": "客户已到店", "intent": "visited"}),
    )
    .await;
    assert_eq!(followed["intent"], "visited");
    let last = chrono::DateTime::parse_from_rfc3339(followed["last_contact_at"].as_str().unwrap()).unwrap();
    let today = huiyin_domain::time::business_day(last.with_timezone(&chrono::Utc));
    assert_eq!(
        followed["follow_up_due_on"],
        json!((today + chrono::Duration::days(1)).to_string())
    );
    // Put the due day in the past: the lead is overdue and queues for the customer manager.
    use huiyin_store::entity::lead;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let id: uuid::Uuid = followed["id"].as_str().unwrap().parse().unwrap();
    lead::Entity::update_many()
        .col_expr(
            lead::Column::FollowUpDueOn,
            sea_orm::sea_query::Expr::value(chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()),
        )
        .filter(lead::Column::Id.eq(id))
        .exec(&app.store.db)
        .await
        .unwrap();
    let queue = app.get("/api/v1/leads?overdue=true", cm).await;
    let items = queue.body["items"].as_array().unwrap();
    assert_eq!(items.len(), 1, "{}", queue.text);
    assert_eq!(items[0]["overdue"], true);
}

mod warnings {
    use super::*;

    db_tests!(an_overdue_lead_raises_the_follow_up_warning_once);

    async fn an_overdue_lead_raises_the_follow_up_warning_once(app: &TestApp) {
        use huiyin_store::entity::lead as lead_entity;
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
        let s = store(app, &[]).await;
        let l = lead(app, &s.manager.1, "13900139701", "10000").await;
        let id: uuid::Uuid = l["id"].as_str().unwrap().parse().unwrap();
        lead_entity::Entity::update_many()
            .col_expr(
                lead_entity::Column::FollowUpDueOn,
                sea_orm::sea_query::Expr::value(chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()),
            )
            .filter(lead_entity::Column::Id.eq(id))
            .exec(&app.store.db)
            .await
            .unwrap();
        // The worker's sweep raises it once, however often it runs.
        let worker = crate::deadlines::worker(app);
        crate::deadlines::drain(&worker).await;
        assert_eq!(
            huiyin_store::leads::overdue::sweep(&app.store.db, chrono::Utc::now(), 200)
                .await
                .unwrap(),
            0
        );
        let list = app.get("/api/v1/warnings", &s.design_manager.1).await;
        let found: Vec<_> = list.body["items"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|w| w["rule"] == "lead_follow_up_missed")
            .cloned()
            .collect();
        assert_eq!(found.len(), 1, "{}", list.text);
        assert!(found[0]["title"]
            .as_str()
            .unwrap()
            .contains(l["number"].as_str().unwrap()));
        // The customer manager who registered it is told.
        let notes = app.get("/api/v1/notifications", &s.manager.1).await;
        assert!(notes.text.contains("回访逾期"), "{}", notes.text);
    }
}
