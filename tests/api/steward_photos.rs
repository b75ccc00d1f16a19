//! Photos of steward visits are listed where the visit is shown, within the steward's areas
//! only (issue 16), on SQLite and PostgreSQL.

use reqwest::StatusCode;
use serde_json::json;

use crate::db_tests;
use crate::helpers::{Reply, TestApp};
use crate::stewardship::{created, world};

db_tests!(
    visit_photos_are_listed_within_the_area_only,
    patrol_result_photos_are_listed_within_the_area_only,
);

const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0\x90wS\xde";

async fn upload(app: &TestApp, token: &str, path: &str) -> Reply {
    let part = reqwest::multipart::Part::bytes(PNG.to_vec())
        .file_name("走访.png")
        .mime_str("image/png")
        .unwrap();
    let form = reqwest::multipart::Form::new().part("file", part);
    let response = app
        .client
        .post(app.url(path))
        .bearer_auth(token)
        .multipart(form)
        .send()
        .await
        .unwrap();
    TestApp::reply(response).await
}

async fn visit_photos_are_listed_within_the_area_only(app: &TestApp) {
    let w = world(app).await;
    let visit = created(
        app.post(
            "/api/v1/steward-visits",
            &w.steward.1,
            json!({"property_id": w.homes[0], "purpose": "routine", "reached": true}),
        )
        .await,
    )
    .await;
    let photos = format!("/api/v1/steward-visits/{}/photos", visit["id"].as_str().unwrap());
    let empty = app.get(&photos, &w.steward.1).await;
    assert_eq!(empty.status, StatusCode::OK, "{}", empty.text);
    assert_eq!(empty.body["items"], json!([]));
    let photo = created(upload(app, &w.steward.1, &photos).await).await;
    let listed = app.get(&photos, &w.steward.1).await;
    assert_eq!(listed.body["items"].as_array().unwrap().len(), 1, "{}", listed.text);
    assert_eq!(listed.body["items"][0]["id"], photo["id"]);
    assert_eq!(listed.body["items"][0]["content_type"], "image/png");
    // Another area's steward: 404, like the visit itself.
    app.get(&photos, &w.other_steward.1).await.assert_problem(404, None);
    let unknown = format!("/api/v1/steward-visits/{}/photos", uuid::Uuid::now_v7());
    app.get(&unknown, &w.steward.1).await.assert_problem(404, None);
}

async fn patrol_result_photos_are_listed_within_the_area_only(app: &TestApp) {
    let w = world(app).await;
    let route = created(
        app.post(
            "/api/v1/patrol-routes",
            &w.steward.1,
            json!({"area_id": w.area, "name": "日巡", "every_days": 1,
                   "checkpoints": [{"name": "地下车库", "kind": "public_area"}]}),
        )
        .await,
    )
    .await;
    let checkpoint = route["checkpoints"][0]["id"].as_str().unwrap();
    let patrol = created(
        app.post(
            "/api/v1/patrols",
            &w.steward.1,
            json!({"route_id": route["id"], "results": [{"checkpoint_id": checkpoint, "ok": true}]}),
        )
        .await,
    )
    .await;
    let result = patrol["results"][0]["id"].as_str().unwrap();
    let photos = format!(
        "/api/v1/patrols/{}/results/{result}/photos",
        patrol["id"].as_str().unwrap()
    );
    created(upload(app, &w.steward.1, &photos).await).await;
    let listed = app.get(&photos, &w.steward.1).await;
    assert_eq!(listed.status, StatusCode::OK, "{}", listed.text);
    assert_eq!(listed.body["items"].as_array().unwrap().len(), 1, "{}", listed.text);
    app.get(&photos, &w.other_steward.1).await.assert_problem(404, None);
    // A result id of another patrol: 404.
    let wrong = format!("/api/v1/patrols/{}/results/{}/photos", uuid::Uuid::now_v7(), result);
    app.get(&wrong, &w.steward.1).await.assert_problem(404, None);
}
