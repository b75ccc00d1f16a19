//! Platform hardening of issue #21: security headers on every answer, `/metrics` labels and
//! its optional bearer, Swagger UI switched off in production.

use huiyin_api::ApiConfig;
use reqwest::{Method, StatusCode};

use crate::helpers::TestApp;
use crate::{db_tests, db_tests_with};

db_tests!(
    every_answer_carries_security_headers,
    invented_methods_do_not_grow_metrics
);
db_tests_with!(hardened; production_switches_guard_metrics_docs_and_transport);

fn hardened(api: &mut ApiConfig) {
    api.metrics_token = Some("metrics-token-0123456789".into());
    api.docs_enabled = false;
    api.hsts = true;
}

async fn every_answer_carries_security_headers(app: &TestApp) {
    for (method, path, token) in [
        (Method::GET, "/healthz", None),
        (Method::GET, "/api/v1/me", Some(app.admin_token.as_str())),
        (Method::GET, "/api/v1/cases/not-a-uuid", Some(app.admin_token.as_str())),
        (Method::GET, "/api/v1/nothing-here", None),
        (Method::GET, "/docs/", None),
        (Method::GET, "/some/client/route", None),
    ] {
        let reply = app.send(method, path, token, None, &[]).await;
        let csp = reply.header("content-security-policy").unwrap_or_default();
        assert!(csp.contains("default-src 'self'"), "{path}: {csp}");
        assert!(csp.contains("frame-ancestors 'none'"), "{path}: {csp}");
        assert!(
            csp.contains("script-src 'self'") && !csp.contains("unsafe-eval"),
            "{path}: {csp}"
        );
        assert_eq!(
            reply.header("x-content-type-options").as_deref(),
            Some("nosniff"),
            "{path}"
        );
        assert_eq!(reply.header("x-frame-options").as_deref(), Some("DENY"), "{path}");
        assert_eq!(
            reply.header("referrer-policy").as_deref(),
            Some("no-referrer"),
            "{path}"
        );
        assert_eq!(
            reply.header("strict-transport-security"),
            None,
            "{path}: no TLS, no HSTS"
        );
    }
    // Swagger UI is served by default.
    assert_eq!(
        app.send(Method::GET, "/docs/", None, None, &[]).await.status,
        StatusCode::OK
    );
}

async fn invented_methods_do_not_grow_metrics(app: &TestApp) {
    for name in ["FOO", "BAR", "BAZQUX"] {
        let method = Method::from_bytes(name.as_bytes()).unwrap();
        app.send(method, "/healthz", None, None, &[]).await;
    }
    let metrics = app.send(Method::GET, "/metrics", None, None, &[]).await;
    assert_eq!(metrics.status, StatusCode::OK);
    assert!(metrics.text.contains("method=\"other\""), "{}", metrics.text);
    for name in ["FOO", "BAR", "BAZQUX"] {
        assert!(!metrics.text.contains(name), "{name} got its own series");
    }
}

async fn production_switches_guard_metrics_docs_and_transport(app: &TestApp) {
    app.send(Method::GET, "/metrics", None, None, &[])
        .await
        .assert_problem(401, None);
    app.send(Method::GET, "/metrics", Some("wrong-token"), None, &[])
        .await
        .assert_problem(401, None);
    let ok = app
        .send(Method::GET, "/metrics", Some("metrics-token-0123456789"), None, &[])
        .await;
    assert_eq!(ok.status, StatusCode::OK);
    assert!(ok.text.contains("http_requests_total"));
    let docs = app.send(Method::GET, "/docs/", None, None, &[]).await;
    assert_eq!(docs.status, StatusCode::NOT_FOUND);
    let spec = app.send(Method::GET, "/api/v1/openapi.json", None, None, &[]).await;
    assert_eq!(spec.status, StatusCode::OK, "the contract stays published");
    let hsts = spec.header("strict-transport-security").unwrap_or_default();
    assert!(hsts.starts_with("max-age="), "{hsts}");
}
