//! API keys for integrations: what a key may reach.

/// A capability granted to an API key. (Written out rather than with `wire_enum!` because the
/// wire names contain a colon, which the OpenAPI derive only picks up from plain string literals.)
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum ApiScope {
    /// Complaint statistics and the monthly report.
    #[serde(rename = "stats:read")]
    StatsRead,
    /// The incremental case export.
    #[serde(rename = "cases:read")]
    CasesRead,
    /// Webhook subscriptions.
    #[serde(rename = "webhooks:manage")]
    WebhooksManage,
    /// Unmasked customer phone numbers in exports.
    #[serde(rename = "pii:read")]
    PiiRead,
    /// Push fee arrears from the billing system (`POST /api/v1/arrears/import`).
    #[serde(rename = "arrears:write")]
    ArrearsWrite,
}

impl ApiScope {
    pub const ALL: &'static [ApiScope] = &[
        ApiScope::StatsRead,
        ApiScope::CasesRead,
        ApiScope::WebhooksManage,
        ApiScope::PiiRead,
        ApiScope::ArrearsWrite,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ApiScope::StatsRead => "stats:read",
            ApiScope::CasesRead => "cases:read",
            ApiScope::WebhooksManage => "webhooks:manage",
            ApiScope::PiiRead => "pii:read",
            ApiScope::ArrearsWrite => "arrears:write",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|s| s.as_str() == value)
    }
}

impl std::fmt::Display for ApiScope {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
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
        for scope in ApiScope::ALL {
            assert_eq!(
                serde_json::to_value(scope).ok(),
                Some(serde_json::Value::String(scope.as_str().to_owned()))
            );
        }
    }

    #[test]
    fn keys_are_told_apart_from_jwts() {
        assert!(looks_like_key("hy_abcdef0123"));
        assert!(!looks_like_key("eyJhbGciOi.x.y"));
        assert!(!looks_like_key("hy_a.b.c"));
    }
}
