//! Webhooks: the events integrations may subscribe to, how deliveries are signed, and which
//! target URLs are acceptable.

use hmac::{Hmac, Mac};
use sha2::Sha256;

crate::wire_enum! {
    /// What a webhook subscription can be told about.
    pub enum WebhookEvent {
        CaseCreated => "case.created",
        CaseStatusChanged => "case.status_changed",
        CaseEscalated => "case.escalated",
        VisitRecorded => "visit.recorded",
        WarningFired => "warning.fired",
    }
}

crate::wire_enum! {
    /// Where one delivery of an event to a subscription stands.
    pub enum DeliveryStatus {
        Pending => "pending",
        Succeeded => "succeeded",
        /// Failed, and tried again later (with backoff).
        Retrying => "retrying",
        /// Given up after the last attempt.
        Failed => "failed",
    }
}

/// Header carrying the Unix time (seconds) the delivery was signed at.
pub const TIMESTAMP_HEADER: &str = "X-Huiyin-Timestamp";
/// Header carrying `sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">`.
pub const SIGNATURE_HEADER: &str = "X-Huiyin-Signature";
pub const EVENT_HEADER: &str = "X-Huiyin-Event";
pub const DELIVERY_HEADER: &str = "X-Huiyin-Delivery";

/// The signature a receiver recomputes: HMAC-SHA256 over `"{timestamp}.{body}"` with the
/// subscription's secret. Binding the timestamp lets receivers reject replays of old bodies.
pub fn sign(secret: &str, timestamp: i64, body: &[u8]) -> String {
    // HMAC accepts keys of any length, so this cannot fail.
    let mut mac = match Hmac::<Sha256>::new_from_slice(secret.as_bytes()) {
        Ok(mac) => mac,
        Err(_) => return String::new(),
    };
    mac.update(timestamp.to_string().as_bytes());
    mac.update(b".");
    mac.update(body);
    format!("sha256={}", hex::encode(mac.finalize().into_bytes()))
}

/// Checks a subscription URL: absolute http(s) with a host, no credentials, at most 2,000 chars.
pub fn check_url(url: &str) -> Result<(), &'static str> {
    if url.len() > 2000 {
        return Err("must be at most 2,000 characters");
    }
    let rest = if let Some(rest) = url.strip_prefix("https://") {
        rest
    } else if let Some(rest) = url.strip_prefix("http://") {
        rest
    } else {
        return Err("must be an http:// or https:// URL");
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if authority.contains('@') {
        return Err("must not carry credentials");
    }
    let host = authority.rsplit_once(':').map_or(authority, |(h, _)| h);
    if host.is_empty() || url.chars().any(char::is_whitespace) {
        return Err("must name a host");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signatures_match_a_known_vector() {
        // printf '1700000000.{"a":1}' | openssl dgst -sha256 -hmac 's3cret'
        assert_eq!(
            sign("s3cret", 1_700_000_000, br#"{"a":1}"#),
            "sha256=1698a50bc74d1ff1db85c4e0a5297c2ad9fdba245d5737cdb789e4cc6e098940"
        );
    }

    #[test]
    fn signatures_depend_on_secret_timestamp_and_body() {
        let base = sign("k", 1, b"body");
        assert!(base.starts_with("sha256=") && base.len() == 7 + 64);
        assert_ne!(base, sign("k2", 1, b"body"));
        assert_ne!(base, sign("k", 2, b"body"));
        assert_ne!(base, sign("k", 1, b"body!"));
        assert_eq!(base, sign("k", 1, b"body"));
    }

    #[test]
    fn only_plain_http_urls_are_accepted() {
        assert!(check_url("https://hooks.example.com/huiyin").is_ok());
        assert!(check_url("http://127.0.0.1:9000/x?y=1").is_ok());
        assert!(check_url("ftp://example.com").is_err());
        assert!(check_url("file:///etc/passwd").is_err());
        assert!(check_url("javascript:alert(1)").is_err());
        assert!(check_url("https://").is_err());
        assert!(check_url("https://user:pw@example.com/").is_err());
        assert!(check_url("https://exa mple.com/").is_err());
        assert!(check_url(&format!("https://example.com/{}", "a".repeat(2000))).is_err());
    }

    #[test]
    fn event_names_are_dotted() {
        assert_eq!(WebhookEvent::CaseEscalated.as_str(), "case.escalated");
        assert_eq!(WebhookEvent::parse("warning.fired"), Some(WebhookEvent::WarningFired));
        assert_eq!(WebhookEvent::parse("case.deleted"), None);
    }
}
