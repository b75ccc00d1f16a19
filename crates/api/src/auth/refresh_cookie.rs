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

/// The staff console's cookie.
pub const NAME: &str = "huiyin_refresh";
/// The residents' app's cookie (both can be logged in in one browser).
pub const RESIDENT_NAME: &str = "huiyin_resident_refresh";

/// The cookie for a login of `resident` or staff.
pub fn name(resident: bool) -> &'static str {
    if resident {
        RESIDENT_NAME
    } else {
        NAME
    }
}
pub const PATH: &str = "/api/v1/auth";
/// The header a cookie-authenticated refresh or logout must carry.
pub const CSRF_HEADER: &str = "x-requested-with";

/// The refresh token from the cookie `wanted`, if the request carries one.
pub fn read(req: &HttpRequest, wanted: &str) -> Option<String> {
    req.headers()
        .get_all(COOKIE)
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == wanted)
        .map(|(_, value)| value.trim().to_owned())
        .filter(|v| !v.is_empty())
}

/// How a refresh token came: in the body, or in the cookie named.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Body,
    Cookie(&'static str),
}

/// The refresh token of a request: the body's, else the cookie's (with the CSRF header, whose
/// value `resident` selects the residents' cookie).
pub fn token(req: &HttpRequest, body: Option<&str>) -> Result<(String, Source), ApiError> {
    if let Some(token) = body.map(str::trim).filter(|t| !t.is_empty()) {
        return Ok((token.to_owned(), Source::Body));
    }
    let resident = req
        .headers()
        .get(CSRF_HEADER)
        .is_some_and(|v| v.as_bytes().eq_ignore_ascii_case(b"resident"));
    let name = name(resident);
    let Some(token) = read(req, name) else {
        return Err(ApiError::Unauthorized(
            "send refresh_token, or the refresh cookie from a browser login".into(),
        ));
    };
    if !req.headers().contains_key(CSRF_HEADER) {
        return Err(ApiError::Forbidden(format!(
            "a refresh by cookie must carry the {CSRF_HEADER} header"
        )));
    }
    Ok((token, Source::Cookie(name)))
}

fn header(name: &str, value: &str, max_age: i64) -> Option<HeaderValue> {
    HeaderValue::from_str(&format!(
        "{name}={value}; Path={PATH}; Max-Age={max_age}; HttpOnly; Secure; SameSite=Strict"
    ))
    .ok()
}

/// Puts `token` in the cookie `name` for `ttl_secs`.
pub fn set(response: &mut HttpResponse, name: &str, token: &str, ttl_secs: u64) {
    if let Some(value) = header(name, token, i64::try_from(ttl_secs).unwrap_or(i64::MAX)) {
        response.headers_mut().append(SET_COOKIE, value);
    }
}

/// Removes the cookie `name`.
pub fn clear(response: &mut HttpResponse, name: &str) {
    if let Some(value) = header(name, "", 0) {
        response.headers_mut().append(SET_COOKIE, value);
    }
}
