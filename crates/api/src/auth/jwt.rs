//! Access tokens: HS256 only (the algorithm is pinned, so `alg: none` or RS/HS confusion
//! is rejected), with `iss`, `aud`, `exp`, `nbf`, `sub` and `role` all required. Staff,
//! resident and integration tokens carry different audiences and are not interchangeable.

use std::time::Duration;

use huiyin_domain::role::Role;
use jsonwebtoken::{decode, encode, Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

pub const ISSUER: &str = "huiyin";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    Staff,
    Resident,
    Integration,
}

impl Audience {
    pub fn as_str(self) -> &'static str {
        match self {
            Audience::Staff => "huiyin-staff",
            Audience::Resident => "huiyin-resident",
            Audience::Integration => "huiyin-integration",
        }
    }

    pub fn for_role(role: Role) -> Self {
        if role == Role::Resident {
            Audience::Resident
        } else {
            Audience::Staff
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Claims {
    pub iss: String,
    pub aud: String,
    pub sub: Uuid,
    pub role: Role,
    pub iat: i64,
    pub nbf: i64,
    pub exp: i64,
    /// The user's token version at issue; a later logout or password change raises it.
    #[serde(default)]
    pub ver: i32,
}

pub struct JwtKeys {
    encoding: EncodingKey,
    decoding: DecodingKey,
}

impl std::fmt::Debug for JwtKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("JwtKeys(..)")
    }
}

impl JwtKeys {
    pub fn new(secret: &[u8]) -> Self {
        JwtKeys {
            encoding: EncodingKey::from_secret(secret),
            decoding: DecodingKey::from_secret(secret),
        }
    }

    pub fn issue(&self, user_id: Uuid, role: Role, ttl: Duration) -> Result<String, jsonwebtoken::errors::Error> {
        self.issue_versioned(user_id, role, 0, ttl)
    }

    /// An access token under the user's current token version.
    pub fn issue_versioned(
        &self,
        user_id: Uuid,
        role: Role,
        version: i32,
        ttl: Duration,
    ) -> Result<String, jsonwebtoken::errors::Error> {
        let now = chrono::Utc::now().timestamp();
        let claims = Claims {
            iss: ISSUER.to_owned(),
            aud: Audience::for_role(role).as_str().to_owned(),
            sub: user_id,
            role,
            iat: now,
            nbf: now,
            exp: now + ttl.as_secs() as i64,
            ver: version,
        };
        encode(&Header::new(Algorithm::HS256), &claims, &self.encoding)
    }

    /// Verifies signature, algorithm, issuer, audience and time claims.
    pub fn verify(&self, token: &str, audience: Audience) -> Result<Claims, jsonwebtoken::errors::Error> {
        let mut validation = Validation::new(Algorithm::HS256);
        validation.set_issuer(&[ISSUER]);
        validation.set_audience(&[audience.as_str()]);
        validation.set_required_spec_claims(&["exp", "nbf", "iss", "aud", "sub"]);
        validation.validate_nbf = true;
        validation.leeway = 5;
        decode::<Claims>(token, &self.decoding, &validation).map(|data| data.claims)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;
    use base64::Engine;

    #[test]
    fn round_trip_and_audience_separation() {
        let keys = JwtKeys::new(b"0123456789abcdef0123456789abcdef");
        let id = Uuid::now_v7();
        let staff = keys.issue(id, Role::Agent, Duration::from_secs(60)).unwrap();
        assert_eq!(keys.verify(&staff, Audience::Staff).unwrap().sub, id);
        assert!(keys.verify(&staff, Audience::Resident).is_err());
        let resident = keys.issue(id, Role::Resident, Duration::from_secs(60)).unwrap();
        assert!(keys.verify(&resident, Audience::Staff).is_err());
        assert!(keys.verify(&resident, Audience::Resident).is_ok());
    }

    #[test]
    fn rejects_other_keys_tampering_and_alg_none() {
        let keys = JwtKeys::new(b"0123456789abcdef0123456789abcdef");
        let other = JwtKeys::new(b"another-secret-another-secret-00");
        let token = keys
            .issue(Uuid::now_v7(), Role::Admin, Duration::from_secs(60))
            .unwrap();
        assert!(other.verify(&token, Audience::Staff).is_err());
        let parts: Vec<&str> = token.split('.').collect();
        let none_header = URL_SAFE_NO_PAD.encode(br#"{"alg":"none","typ":"JWT"}"#);
        assert!(keys
            .verify(&format!("{none_header}.{}.", parts[1]), Audience::Staff)
            .is_err());
        let mut payload: serde_json::Value =
            serde_json::from_slice(&URL_SAFE_NO_PAD.decode(parts[1]).unwrap()).unwrap();
        payload["role"] = "admin".into();
        payload["sub"] = Uuid::now_v7().to_string().into();
        let forged = URL_SAFE_NO_PAD.encode(payload.to_string());
        assert!(keys
            .verify(&format!("{}.{forged}.{}", parts[0], parts[2]), Audience::Staff)
            .is_err());
    }

    #[test]
    fn rejects_expired_tokens() {
        let keys = JwtKeys::new(b"0123456789abcdef0123456789abcdef");
        let now = chrono::Utc::now().timestamp();
        let claims = Claims {
            iss: ISSUER.into(),
            aud: Audience::Staff.as_str().into(),
            sub: Uuid::now_v7(),
            role: Role::Agent,
            iat: now - 100,
            nbf: now - 100,
            exp: now - 60,
            ver: 0,
        };
        let token = encode(
            &Header::new(Algorithm::HS256),
            &claims,
            &EncodingKey::from_secret(b"0123456789abcdef0123456789abcdef"),
        )
        .unwrap();
        assert!(keys.verify(&token, Audience::Staff).is_err());
    }
}
