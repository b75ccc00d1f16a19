//! The browser session of issue #21: the refresh token in an `HttpOnly; Secure;
//! SameSite=Strict` cookie for `/api/v1/auth`, refresh and logout by cookie guarded against
//! CSRF, and access tokens ended by logout (not 15 minutes later).

use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::db_tests;
use crate::helpers::{Reply, TestApp, ADMIN_PASSWORD};

db_tests!(
    the_browser_keeps_its_refresh_token_in_a_strict_cookie,
    logout_ends_access_tokens_at_once
);

fn cookie_of(reply: &Reply) -> String {
    let set = reply
        .header("set-cookie")
        .unwrap_or_else(|| panic!("no cookie: {}", reply.text));
    for attribute in ["HttpOnly", "Secure", "SameSite=Strict", "Path=/api/v1/auth"] {
        assert!(set.contains(attribute), "{attribute} missing in {set}");
    }
    set.split(';').next().unwrap().to_owned()
}

async fn post_with_cookie(app: &TestApp, path: &str, cookie: &str, csrf: bool) -> Reply {
    let mut headers = vec![("cookie", cookie)];
    if csrf {
        headers.push(("x-requested-with", "huiyin"));
    }
    app.send(Method::POST, path, None, Some(json!({})), &headers).await
}

async fn the_browser_keeps_its_refresh_token_in_a_strict_cookie(app: &TestApp) {
    let login = app
        .send(
            Method::POST,
            "/api/v1/auth/login",
            None,
            Some(json!({"username": "admin", "password": ADMIN_PASSWORD, "cookie": true})),
            &[],
        )
        .await;
    assert_eq!(login.status, StatusCode::OK, "{}", login.text);
    assert!(login.body["refresh_token"].is_null(), "not in the body: {}", login.text);
    assert!(login.body["access_token"].is_string());
    let cookie = cookie_of(&login);
    // Without the CSRF header the cookie is not accepted.
    post_with_cookie(app, "/api/v1/auth/refresh", &cookie, false)
        .await
        .assert_problem(403, None);
    let rotated = post_with_cookie(app, "/api/v1/auth/refresh", &cookie, true).await;
    assert_eq!(rotated.status, StatusCode::OK, "{}", rotated.text);
    assert!(rotated.body["refresh_token"].is_null());
    let next = cookie_of(&rotated);
    assert_ne!(next, cookie, "rotated");
    // The spent cookie is reuse: the family is revoked, the fresh one too.
    post_with_cookie(app, "/api/v1/auth/refresh", &cookie, true)
        .await
        .assert_problem(401, None);
    post_with_cookie(app, "/api/v1/auth/refresh", &next, true)
        .await
        .assert_problem(401, None);
    // Logout by cookie clears it.
    let again = app
        .send(
            Method::POST,
            "/api/v1/auth/login",
            None,
            Some(json!({"username": "admin", "password": ADMIN_PASSWORD, "cookie": true})),
            &[],
        )
        .await;
    let cookie = cookie_of(&again);
    let out = post_with_cookie(app, "/api/v1/auth/logout", &cookie, true).await;
    assert_eq!(out.status, StatusCode::NO_CONTENT, "{}", out.text);
    assert!(out.header("set-cookie").unwrap_or_default().contains("Max-Age=0"));
    post_with_cookie(app, "/api/v1/auth/refresh", &cookie, true)
        .await
        .assert_problem(401, None);
    // Mobile apps and integrations still get the token in the body.
    let plain = app.login_reply("admin", ADMIN_PASSWORD).await;
    assert!(plain.body["refresh_token"].is_string());
    assert_eq!(plain.header("set-cookie"), None);
}

async fn logout_ends_access_tokens_at_once(app: &TestApp) {
    let login = app.login_reply("admin", ADMIN_PASSWORD).await;
    let access = login.body["access_token"].as_str().unwrap().to_owned();
    let refresh = login.body["refresh_token"].as_str().unwrap().to_owned();
    assert_eq!(app.get("/api/v1/me", &access).await.status, StatusCode::OK);
    let out = app
        .send(
            Method::POST,
            "/api/v1/auth/logout",
            None,
            Some(json!({"refresh_token": refresh})),
            &[],
        )
        .await;
    assert_eq!(out.status, StatusCode::NO_CONTENT);
    app.get("/api/v1/me", &access).await.assert_problem(401, None);
    // A new login works (with a token of the new version).
    let fresh = app.login("admin", ADMIN_PASSWORD).await;
    assert_eq!(app.get("/api/v1/me", &fresh).await.status, StatusCode::OK);
}
