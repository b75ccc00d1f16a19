//! Cross-cutting HTTP concerns: metrics, request ids and security headers.

pub mod metrics;
pub mod request_id;
pub mod security_headers;
pub mod statements;
