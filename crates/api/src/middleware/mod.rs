//! Cross-cutting HTTP concerns: metrics and request ids.

pub mod metrics;
pub mod request_id;
pub mod statements;
