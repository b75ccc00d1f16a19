//! The weaker items of issue #21: login throttling that cannot be turned against the victim,
//! `/me/password` throttling, the password policy.

use huiyin_api::ApiConfig;
use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::helpers::{Reply, TestApp};
use crate::{db_tests, db_tests_with};

db_tests_with!(behind_a_proxy;
    failed_logins_lock_only_the_attackers_address,
    a_sprayed_username_backs_off_briefly,
);
db_tests!(password_changes_are_throttled, weak_and_common_passwords_are_refused);

const PASSWORD: &str = "Staff2026pass";

/// The server sits behind a proxy on loopback; a username backs off after 7 failures, 2 s at most.
fn behind_a_proxy(api: &mut ApiConfig) {
    api.trusted_proxies = huiyin_domain::network::parse_list("127.0.0.1/32").expect("range");
    api.login_backoff_free = 7;
    api.login_backoff_cap = std::time::Duration::from_secs(2);
}

async fn login_from(app: &TestApp, address: &str, username: &str, password: &str) -> Reply {
    app.send(
        Method::POST,
        "/api/v1/auth/login",
        None,
        Some(json!({"username": username, "password": password})),
        &[("x-forwarded-for", address)],
    )
    .await
}

async fn failed_logins_lock_only_the_attackers_address(app: &TestApp) {
    app.user("victim", "agent", None, &[]).await;
    for _ in 0..5 {
        let reply = login_from(app, "198.51.100.66", "victim", "wrong-password-1").await;
        assert_eq!(reply.status, StatusCode::UNAUTHORIZED, "{}", reply.text);
    }
    // The attacker's address is locked for that username, even with the right password…
    let locked = login_from(app, "198.51.100.66", "victim", PASSWORD).await;
    locked.assert_problem(429, None);
    assert!(locked.header("retry-after").is_some());
    // …the victim, elsewhere, logs in.
    let victim = login_from(app, "203.0.113.10", "victim", PASSWORD).await;
    assert_eq!(victim.status, StatusCode::OK, "{}", victim.text);
    // A forged X-Forwarded-For in front of the proxy's entry changes nothing: the proxy's
    // right-most entry is the address.
    let forged = login_from(app, "203.0.113.10, 198.51.100.66", "victim", PASSWORD).await;
    forged.assert_problem(429, None);
}

async fn a_sprayed_username_backs_off_briefly(app: &TestApp) {
    app.user("sprayed", "agent", None, &[]).await;
    // Eight addresses, one failure each: no address reaches its own limit.
    for i in 0..8 {
        let reply = login_from(app, &format!("198.51.100.{i}"), "sprayed", "wrong-password-1").await;
        assert_eq!(reply.status, StatusCode::UNAUTHORIZED, "{}", reply.text);
    }
    // The username now backs off for everyone, briefly.
    let slowed = login_from(app, "198.51.100.99", "sprayed", "wrong-password-1").await;
    slowed.assert_problem(429, None);
    let wait: u64 = slowed.header("retry-after").unwrap().parse().unwrap();
    assert!((1..=2).contains(&wait), "{wait}");
    tokio::time::sleep(std::time::Duration::from_millis(2100)).await;
    let owner = login_from(app, "203.0.113.10", "sprayed", PASSWORD).await;
    assert_eq!(owner.status, StatusCode::OK, "{}", owner.text);
}

async fn password_changes_are_throttled(app: &TestApp) {
    let (_, token) = app.user("agent.sun", "agent", None, &[]).await;
    let change = |old: &str| json!({"old_password": old, "new_password": "Cuihu2027garden"});
    for _ in 0..5 {
        app.post("/api/v1/me/password", &token, change("wrong-password-1"))
            .await
            .assert_problem(422, Some("old_password"));
    }
    let limited = app.post("/api/v1/me/password", &token, change(PASSWORD)).await;
    limited.assert_problem(429, None);
    assert!(limited.header("retry-after").is_some());
}

async fn weak_and_common_passwords_are_refused(app: &TestApp) {
    for password in ["password1", "Passw0rd1", "Password123", "1q2w3e4r5t", "Administrator1"] {
        app.post(
            "/api/v1/users",
            &app.admin_token,
            json!({"username": "weak.user", "password": password, "display_name": "x", "role": "agent"}),
        )
        .await
        .assert_problem(422, Some("password"));
    }
    let (_, token) = app.user("agent.qian", "agent", None, &[]).await;
    app.post(
        "/api/v1/me/password",
        &token,
        json!({"old_password": PASSWORD, "new_password": "qwertyuiop123"}),
    )
    .await
    .assert_problem(422, Some("new_password"));
}
