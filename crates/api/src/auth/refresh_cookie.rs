//! The browser's refresh token lives in an `HttpOnly; Secure; SameSite=Strict` cookie scoped
//! to `/api/v1/auth` (script on the page — an XSS — can neither read nor send it elsewhere); the
//! access token stays in the page's memory. Mobile apps and integrations keep receiving the
//! refresh token in the body.
//!
//! CSRF: the cookie is only sent same-site (`SameSite=Strict`) and only to the auth paths, and
//! a refresh or logout by cookie must also carry `X-Requested-With` — a header a cross-site form
//! cannot set and a cross-origin script cannot send without passing CORS. The worst a forged
//! request could do is log the user out or rotate their token, whose answer it cannot read.

use actix_web::http::header::{HeaderValue, COOKIE, SET_COOKIE};
use actix_web::{HttpRequest, HttpResponse};

use crate::error::ApiError;

pub const NAME: &str = "huiyin_refresh";
pub const PATH: &str = "/api/v1/auth";
/// The header a cookie-authenticated refresh or logout must carry.
pub const CSRF_HEADER: &str = "x-requested-with";

/// The refresh token from the cookie, if the request carries one.
pub fn read(req: &HttpRequest) -> Option<String> {
    req.headers()
        .get_all(COOKIE)
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == NAME)
        .map(|(_, value)| value.trim().to_owned())
        .filter(|v| !v.is_empty())
}

/// The refresh token of a request: the body's, else the cookie's (with the CSRF header).
/// `Ok((token, from_cookie))`.
pub fn token(req: &HttpRequest, body: Option<&str>) -> Result<(String, bool), ApiError> {
    if let Some(token) = body.map(str::trim).filter(|t| !t.is_empty()) {
        return Ok((token.to_owned(), false));
    }
    let Some(token) = read(req) else {
        return Err(ApiError::Unauthorized(
            "send refresh_token, or the refresh cookie from a browser login".into(),
        ));
    };
    if !req.headers().contains_key(CSRF_HEADER) {
        return Err(ApiError::Forbidden(format!(
            "a refresh by cookie must carry the {CSRF_HEADER} header"
        )));
    }
    Ok((token, true))
}

fn header(value: &str, max_age: i64) -> Option<HeaderValue> {
    HeaderValue::from_str(&format!(
        "{NAME}={value}; Path={PATH}; Max-Age={max_age}; HttpOnly; Secure; SameSite=Strict"
    ))
    .ok()
}

/// Puts `token` in the cookie for `ttl_secs`.
pub fn set(response: &mut HttpResponse, token: &str, ttl_secs: u64) {
    if let Some(value) = header(token, i64::try_from(ttl_secs).unwrap_or(i64::MAX)) {
        response.headers_mut().append(SET_COOKIE, value);
    }
}

/// Removes the cookie.
pub fn clear(response: &mut HttpResponse) {
    if let Some(value) = header("", 0) {
        response.headers_mut().append(SET_COOKIE, value);
    }
}
