//! Security headers on every answer: a Content-Security-Policy under which the SPA and
//! Swagger UI work (scripts only from this origin; inline styles allowed because Ant Design and
//! Swagger UI set them at run time), framing refused, MIME sniffing off, no referrer, and HSTS
//! when the server is reached over TLS (`HUIYIN_HSTS`). A handler's own value wins.

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::middleware::Next;
use actix_web::web;

use crate::state::AppState;

/// The policy: everything from this origin; images also as `data:`/`blob:` (icons, previews of
/// attachments); nothing may frame the pages.
pub const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; \
img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; \
base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

const HSTS: &str = "max-age=31536000; includeSubDomains";

/// The headers (name, value) every answer carries.
pub fn headers(hsts: bool) -> Vec<(&'static str, &'static str)> {
    let mut all = vec![
        ("content-security-policy", CSP),
        ("x-content-type-options", "nosniff"),
        ("x-frame-options", "DENY"),
        ("referrer-policy", "no-referrer"),
        ("cross-origin-opener-policy", "same-origin"),
        (
            "permissions-policy",
            "camera=(), microphone=(), geolocation=(), payment=()",
        ),
    ];
    if hsts {
        all.push(("strict-transport-security", HSTS));
    }
    all
}

/// Middleware (use with `actix_web::middleware::from_fn`).
pub async fn add(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let hsts = req.app_data::<web::Data<AppState>>().is_some_and(|s| s.config.hsts);
    let mut response = next.call(req).await?;
    let map = response.headers_mut();
    for (name, value) in headers(hsts) {
        let name = HeaderName::from_static(name);
        if !map.contains_key(&name) {
            map.insert(name, HeaderValue::from_static(value));
        }
    }
    Ok(response)
}
