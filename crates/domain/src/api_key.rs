//! API keys for integrations: what a key may reach.

crate::wire_enum! {
    /// A capability granted to an API key.
    pub enum ApiScope {
        /// Complaint statistics and the monthly report.
        StatsRead => "stats:read",
        /// The incremental case export.
        CasesRead => "cases:read",
        /// Webhook subscriptions.
        WebhooksManage => "webhooks:manage",
        /// Unmasked customer phone numbers in exports.
        PiiRead => "pii:read",
    }
}

/// The visible start of every key, so a leaked key is recognisable in logs and scanners.
pub const KEY_PREFIX: &str = "hy_";

/// Whether a bearer credential looks like an API key rather than a JWT.
pub fn looks_like_key(credential: &str) -> bool {
    credential.starts_with(KEY_PREFIX) && !credential.contains('.')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scopes_use_colon_names() {
        assert_eq!(ApiScope::parse("stats:read"), Some(ApiScope::StatsRead));
        assert_eq!(ApiScope::StatsRead.to_string(), "stats:read");
        assert_eq!(ApiScope::parse("stats_read"), None);
    }

    #[test]
    fn keys_are_told_apart_from_jwts() {
        assert!(looks_like_key("hy_abcdef0123"));
        assert!(!looks_like_key("eyJhbGciOi.x.y"));
        assert!(!looks_like_key("hy_a.b.c"));
    }
}
