use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::db_tests;
use crate::helpers::{TestApp, ADMIN_PASSWORD};

db_tests!(
    login_succeeds_and_me_answers,
    unknown_user_and_wrong_password_look_the_same,
    expired_tampered_and_alg_none_tokens_are_rejected,
    refresh_rotates_and_reuse_revokes_the_family,
    logout_ends_the_login,
    deactivation_revokes_access_at_once,
    password_change_checks_old_and_strength,
    login_is_rate_limited_per_username,
);

async fn login_succeeds_and_me_answers(app: &TestApp) {
    let reply = app.login_reply("admin", ADMIN_PASSWORD).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.body["token_type"], "Bearer");
    assert_eq!(reply.body["expires_in"], 900);
    assert!(reply.body["refresh_token"].as_str().is_some_and(|t| t.len() >= 40));
    assert_eq!(reply.body["user"]["role"], "admin");
    assert!(reply.body["user"].get("password_hash").is_none());
    let me = app.get("/api/v1/me", &app.admin_token).await;
    assert_eq!(me.status, StatusCode::OK);
    assert_eq!(me.body["username"], "admin");
    // Usernames are case-insensitive at login.
    assert_eq!(app.login_reply("ADMIN", ADMIN_PASSWORD).await.status, StatusCode::OK);
}

async fn unknown_user_and_wrong_password_look_the_same(app: &TestApp) {
    let wrong = app.login_reply("admin", "wrong-password-1").await;
    let unknown = app.login_reply("nobody", "wrong-password-1").await;
    wrong.assert_problem(401, None);
    unknown.assert_problem(401, None);
    assert_eq!(wrong.body, unknown.body);
    let missing = app
        .send(
            Method::POST,
            "/api/v1/auth/login",
            None,
            Some(json!({"username": "admin"})),
            &[],
        )
        .await;
    missing.assert_problem(422, Some("password"));
}

fn forge(token: &str, edit: impl FnOnce(&mut serde_json::Value)) -> String {
    let parts: Vec<&str> = token.split('.').collect();
    let mut claims: serde_json::Value = serde_json::from_slice(&URL_SAFE_NO_PAD.decode(parts[1]).unwrap()).unwrap();
    edit(&mut claims);
    format!(
        "{}.{}.{}",
        parts[0],
        URL_SAFE_NO_PAD.encode(claims.to_string()),
        parts[2]
    )
}

async fn expired_tampered_and_alg_none_tokens_are_rejected(app: &TestApp) {
    let (_, agent) = app.user("agent.li", "agent", None, &[]).await;
    // Tampered payload (role raised to admin) with the original signature.
    let tampered = forge(&agent, |c| c["role"] = json!("admin"));
    app.get("/api/v1/users", &tampered).await.assert_problem(401, None);
    // alg: none with no signature.
    let parts: Vec<&str> = agent.split('.').collect();
    let none = format!(
        "{}.{}.",
        URL_SAFE_NO_PAD.encode(br#"{"alg":"none","typ":"JWT"}"#),
        parts[1]
    );
    app.get("/api/v1/me", &none).await.assert_problem(401, None);
    // Expired: signed correctly with the server's secret, but in the past.
    let now = chrono::Utc::now().timestamp();
    let claims = json!({"iss": "huiyin", "aud": "huiyin-staff", "sub": uuid::Uuid::now_v7(), "role": "admin", "iat": now - 3600, "nbf": now - 3600, "exp": now - 1800});
    let expired = jsonwebtoken::encode(
        &jsonwebtoken::Header::new(jsonwebtoken::Algorithm::HS256),
        &claims,
        &jsonwebtoken::EncodingKey::from_secret(b"test-secret-test-secret-test-secret!"),
    )
    .unwrap();
    let reply = app.get("/api/v1/me", &expired).await;
    reply.assert_problem(401, None);
    assert!(reply.body["detail"].as_str().unwrap().contains("expired"));
    // Wrong audience (an integration token) is not a staff token.
    let other_aud = forge(&agent, |c| c["aud"] = json!("huiyin-integration"));
    app.get("/api/v1/me", &other_aud).await.assert_problem(401, None);
    // No token, garbage token.
    app.send(Method::GET, "/api/v1/me", None, None, &[])
        .await
        .assert_problem(401, None);
    app.get("/api/v1/me", "garbage").await.assert_problem(401, None);
}

async fn refresh_rotates_and_reuse_revokes_the_family(app: &TestApp) {
    let login = app.login_reply("admin", ADMIN_PASSWORD).await;
    let first = login.body["refresh_token"].as_str().unwrap().to_owned();
    let refresh = |token: String| async move {
        app.send(
            Method::POST,
            "/api/v1/auth/refresh",
            None,
            Some(json!({"refresh_token": token})),
            &[],
        )
        .await
    };
    let rotated = refresh(first.clone()).await;
    assert_eq!(rotated.status, StatusCode::OK, "{}", rotated.text);
    let second = rotated.body["refresh_token"].as_str().unwrap().to_owned();
    assert_ne!(first, second);
    assert_eq!(
        app.get("/api/v1/me", rotated.body["access_token"].as_str().unwrap())
            .await
            .status,
        StatusCode::OK
    );
    // Replaying the spent token is detected and ends the whole login, including the new token.
    refresh(first).await.assert_problem(401, None);
    refresh(second).await.assert_problem(401, None);
    // Another login is unaffected.
    let other = app.login_reply("admin", ADMIN_PASSWORD).await.body["refresh_token"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(refresh(other).await.status, StatusCode::OK);
    refresh("not-a-token".into()).await.assert_problem(401, None);
}

async fn logout_ends_the_login(app: &TestApp) {
    let login = app.login_reply("admin", ADMIN_PASSWORD).await;
    let token = login.body["refresh_token"].as_str().unwrap().to_owned();
    let out = app
        .send(
            Method::POST,
            "/api/v1/auth/logout",
            None,
            Some(json!({"refresh_token": token})),
            &[],
        )
        .await;
    assert_eq!(out.status, StatusCode::NO_CONTENT);
    app.send(
        Method::POST,
        "/api/v1/auth/refresh",
        None,
        Some(json!({"refresh_token": token})),
        &[],
    )
    .await
    .assert_problem(401, None);
}

async fn deactivation_revokes_access_at_once(app: &TestApp) {
    let (id, token) = app.user("agent.wang", "agent", None, &[]).await;
    let refresh = app.login_reply("agent.wang", "Staff2026pass").await.body["refresh_token"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(app.get("/api/v1/me", &token).await.status, StatusCode::OK);
    let reply = app
        .patch(
            &format!("/api/v1/users/{id}"),
            &app.admin_token,
            1,
            json!({"active": false}),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text);
    assert_eq!(reply.body["active"], false);
    app.get("/api/v1/me", &token).await.assert_problem(401, None);
    app.send(
        Method::POST,
        "/api/v1/auth/refresh",
        None,
        Some(json!({"refresh_token": refresh})),
        &[],
    )
    .await
    .assert_problem(401, None);
    app.login_reply("agent.wang", "Staff2026pass")
        .await
        .assert_problem(401, None);
}

async fn password_change_checks_old_and_strength(app: &TestApp) {
    let (_, token) = app.user("agent.zhao", "agent", None, &[]).await;
    app.post(
        "/api/v1/me/password",
        &token,
        json!({"old_password": "nope-nope-1", "new_password": "NewPass2026"}),
    )
    .await
    .assert_problem(422, Some("old_password"));
    app.post(
        "/api/v1/me/password",
        &token,
        json!({"old_password": "Staff2026pass", "new_password": "short"}),
    )
    .await
    .assert_problem(422, Some("new_password"));
    let ok = app
        .post(
            "/api/v1/me/password",
            &token,
            json!({"old_password": "Staff2026pass", "new_password": "NewPass2026"}),
        )
        .await;
    assert_eq!(ok.status, StatusCode::NO_CONTENT, "{}", ok.text);
    app.login_reply("agent.zhao", "Staff2026pass")
        .await
        .assert_problem(401, None);
    assert_eq!(
        app.login_reply("agent.zhao", "NewPass2026").await.status,
        StatusCode::OK
    );
}

async fn login_is_rate_limited_per_username(app: &TestApp) {
    for _ in 0..5 {
        app.login_reply("admin", "wrong-password-1")
            .await
            .assert_problem(401, None);
    }
    // Even the right password is refused while the username is locked out.
    let limited = app.login_reply("admin", ADMIN_PASSWORD).await;
    limited.assert_problem(429, None);
    let retry_after: u64 = limited.header("retry-after").expect("Retry-After").parse().unwrap();
    assert!(retry_after > 0 && retry_after <= 300);
    // Another username from the same address is still allowed.
    app.user("agent.sun", "agent", None, &[]).await;
}
