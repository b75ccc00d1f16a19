//! Authentication: JWT access tokens, the `AuthUser` extractor, login rate limiting.

pub mod jwt;
pub mod rate_limit;
pub mod user;

pub use user::AuthUser;
