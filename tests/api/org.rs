use reqwest::StatusCode;
use serde_json::json;

use crate::db_tests;
use crate::helpers::TestApp;

db_tests!(
    each_role_is_allowed_or_denied_on_the_organisation,
    staff_of_another_project_get_404,
    managers_cannot_create_admins,
    lists_page_with_cursors,
    updates_need_the_current_version,
    csv_import_is_all_or_nothing_with_line_numbers,
    uniqueness_conflicts_are_409,
);

async fn each_role_is_allowed_or_denied_on_the_organisation(app: &TestApp) {
    let project = app.project("翠湖花园").await;
    for role in ["manager", "supervisor", "agent", "steward", "handler"] {
        let (_, token) = app.user(&format!("{role}.one"), role, None, &[&project]).await;
        // Every staff role reads the organisation…
        for path in [
            "/api/v1/projects",
            "/api/v1/areas",
            "/api/v1/properties",
            "/api/v1/departments",
            "/api/v1/users",
        ] {
            let reply = app.get(path, &token).await;
            assert_eq!(reply.status, StatusCode::OK, "{role} GET {path}: {}", reply.text);
        }
        // …only admins and managers change it.
        let may_manage = role == "manager";
        let attempts = [
            (
                "/api/v1/projects",
                json!({"name": "X", "code": format!("X-{role}"), "address": "Y"}),
            ),
            (
                "/api/v1/departments",
                json!({"name": format!("部门-{role}"), "kind": "engineering"}),
            ),
            (
                "/api/v1/properties",
                json!({"project_id": project, "building": "9栋", "unit": "1单元", "room": format!("9{}", role.len())}),
            ),
            (
                "/api/v1/areas",
                json!({"project_id": project, "name": format!("片区-{role}")}),
            ),
            (
                "/api/v1/users",
                json!({"username": format!("new.{role}"), "password": "Passw0rd2026", "display_name": "x", "role": "agent", "project_ids": [project]}),
            ),
        ];
        for (path, body) in attempts {
            let reply = app.post(path, &token, body).await;
            if may_manage {
                assert_eq!(reply.status, StatusCode::CREATED, "{role} POST {path}: {}", reply.text);
            } else {
                reply.assert_problem(403, None);
            }
        }
    }
}

async fn staff_of_another_project_get_404(app: &TestApp) {
    let a = app.project("项目A").await;
    let b = app.project("项目B").await;
    let property_b = app.property(&b, None, "1栋", "1单元", "101").await;
    let (_, agent_a) = app.user("agent.a", "agent", None, &[&a]).await;
    app.get(&format!("/api/v1/properties/{property_b}"), &agent_a)
        .await
        .assert_problem(404, None);
    app.get(&format!("/api/v1/projects/{b}"), &agent_a)
        .await
        .assert_problem(404, None);
    let listed = app.get("/api/v1/projects", &agent_a).await;
    let ids: Vec<_> = listed.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(ids, vec![a.clone()]);
    let props = app.get(&format!("/api/v1/properties?project_id={b}"), &agent_a).await;
    assert_eq!(props.body["items"].as_array().unwrap().len(), 0);
    // A manager of A cannot place a property in B either (B is invisible to them).
    let (_, manager_a) = app.user("manager.a", "manager", None, &[&a]).await;
    app.post(
        "/api/v1/properties",
        &manager_a,
        json!({"project_id": b, "building": "1栋", "unit": "1单元", "room": "102"}),
    )
    .await
    .assert_problem(422, Some("project_id"));
}

async fn managers_cannot_create_admins(app: &TestApp) {
    let project = app.project("项目").await;
    let (_, manager) = app.user("manager.m", "manager", None, &[&project]).await;
    let reply = app
        .post("/api/v1/users", &manager, json!({"username": "evil", "password": "Passw0rd2026", "display_name": "x", "role": "admin", "project_ids": [project]}))
        .await;
    reply.assert_problem(403, None);
    let bad_role = app
        .post(
            "/api/v1/users",
            &app.admin_token,
            json!({"username": "x1", "password": "Passw0rd2026", "display_name": "x", "role": "root"}),
        )
        .await;
    bad_role.assert_problem(422, Some("role"));
}

async fn lists_page_with_cursors(app: &TestApp) {
    let project = app.project("分页").await;
    for room in 101..=105 {
        app.property(&project, None, "1栋", "1单元", &room.to_string()).await;
    }
    let mut seen = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let path = match &cursor {
            Some(c) => format!("/api/v1/properties?project_id={project}&limit=2&cursor={c}"),
            None => format!("/api/v1/properties?project_id={project}&limit=2"),
        };
        let page = app.get(&path, &app.admin_token).await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.text);
        for item in page.body["items"].as_array().unwrap() {
            seen.push(item["room"].as_str().unwrap().to_owned());
        }
        match page.body["next_cursor"].as_str() {
            Some(next) => cursor = Some(next.to_owned()),
            None => break,
        }
    }
    assert_eq!(seen, ["101", "102", "103", "104", "105"]);
    app.get("/api/v1/properties?limit=0", &app.admin_token)
        .await
        .assert_problem(422, Some("limit"));
    app.get("/api/v1/properties?limit=abc", &app.admin_token)
        .await
        .assert_problem(422, None);
    app.get("/api/v1/properties?cursor=%21%21", &app.admin_token)
        .await
        .assert_problem(422, Some("cursor"));
}

async fn updates_need_the_current_version(app: &TestApp) {
    let project = app.project("版本").await;
    let path = format!("/api/v1/projects/{project}");
    let missing = app
        .send(
            reqwest::Method::PATCH,
            &path,
            Some(&app.admin_token),
            Some(json!({"name": "新名"})),
            &[],
        )
        .await;
    missing.assert_problem(428, None);
    let ok = app.patch(&path, &app.admin_token, 1, json!({"name": "新名"})).await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.text);
    assert_eq!(ok.body["version"], 2);
    assert_eq!(ok.header("etag").as_deref(), Some("\"2\""));
    let stale = app.patch(&path, &app.admin_token, 1, json!({"name": "另一个"})).await;
    stale.assert_problem(412, None);
    assert_eq!(stale.body["current_version"], 2);
    let bad = app
        .send(
            reqwest::Method::PATCH,
            &path,
            Some(&app.admin_token),
            Some(json!({"name": "x"})),
            &[("if-match", "abc")],
        )
        .await;
    bad.assert_problem(400, Some("If-Match"));
}

async fn csv_import_is_all_or_nothing_with_line_numbers(app: &TestApp) {
    let project = app.project("导入").await;
    let area = app
        .post(
            "/api/v1/areas",
            &app.admin_token,
            json!({"project_id": project, "name": "一片区", "code": "A1"}),
        )
        .await
        .id();
    let import = |csv: &str| {
        let path = format!("/api/v1/properties/import?project_id={project}");
        let csv = csv.as_bytes().to_vec();
        async move { app.post_raw(&path, &app.admin_token, "text/csv", csv).await }
    };
    let bad =
        import("building,unit,room,area_code\n1栋,1单元,101,A1\n1栋,1单元\n1栋,1单元,103,ZZ\n1栋,1单元,101\n").await;
    bad.assert_problem(422, Some("line 3"));
    assert!(bad.body["errors"]["line 4"].is_array(), "{}", bad.text);
    assert!(bad.body["errors"]["line 5"].is_array(), "{}", bad.text);
    let none = app
        .get(&format!("/api/v1/properties?project_id={project}"), &app.admin_token)
        .await;
    assert_eq!(none.body["items"].as_array().unwrap().len(), 0, "nothing half-imported");
    let rows: String = (1..=300)
        .map(|i| format!("2栋,{}单元,{}\n", i % 3 + 1, 1000 + i))
        .collect();
    let ok = import(&format!("1栋,1单元,101,A1\n{rows}")).await;
    assert_eq!(ok.status, StatusCode::CREATED, "{}", ok.text);
    assert_eq!(ok.body["created"], 301);
    let in_area = app
        .get(&format!("/api/v1/properties?area_id={area}"), &app.admin_token)
        .await;
    assert_eq!(in_area.body["items"].as_array().unwrap().len(), 1);
    let again = import("1栋,1单元,101\n").await;
    again.assert_problem(422, Some("line 1"));
    let wrong_type = app
        .post_raw(
            &format!("/api/v1/properties/import?project_id={project}"),
            &app.admin_token,
            "application/pdf",
            b"%PDF".to_vec(),
        )
        .await;
    wrong_type.assert_problem(415, None);
}

async fn uniqueness_conflicts_are_409(app: &TestApp) {
    let reply = app
        .post(
            "/api/v1/projects",
            &app.admin_token,
            json!({"name": "A", "code": "SAME", "address": "x"}),
        )
        .await;
    assert_eq!(reply.status, StatusCode::CREATED);
    app.post(
        "/api/v1/projects",
        &app.admin_token,
        json!({"name": "B", "code": "SAME", "address": "y"}),
    )
    .await
    .assert_problem(409, Some("code"));
    let project = reply.id();
    app.property(&project, None, "1栋", "1单元", "101").await;
    app.post(
        "/api/v1/properties",
        &app.admin_token,
        json!({"project_id": project, "building": "1栋", "unit": "1单元", "room": "101"}),
    )
    .await
    .assert_problem(409, Some("room"));
    app.post(
        "/api/v1/users",
        &app.admin_token,
        json!({"username": "admin", "password": "Passw0rd2026", "display_name": "x", "role": "agent"}),
    )
    .await
    .assert_problem(409, Some("username"));
}

mod resident_roles {
    use reqwest::StatusCode;
    use serde_json::json;

    use crate::db_tests;
    use crate::helpers::TestApp;

    db_tests!(staff_accounts_cannot_be_made_residents);

    async fn staff_accounts_cannot_be_made_residents(app: &TestApp) {
        let created = app
            .post("/api/v1/users", &app.admin_token, json!({"username": "fake.resident", "password": "Passw0rd2026", "display_name": "x", "role": "resident"}))
            .await;
        created.assert_problem(422, Some("role"));
        let (id, _) = app.user("real.agent", "agent", None, &[]).await;
        let reply = app
            .patch(
                &format!("/api/v1/users/{id}"),
                &app.admin_token,
                1,
                json!({"role": "resident"}),
            )
            .await;
        reply.assert_problem(422, Some("role"));
        let unchanged = app
            .patch(
                &format!("/api/v1/users/{id}"),
                &app.admin_token,
                1,
                json!({"role": "agent", "display_name": "李"}),
            )
            .await;
        assert_eq!(unchanged.status, StatusCode::OK, "{}", unchanged.text);
    }
}
