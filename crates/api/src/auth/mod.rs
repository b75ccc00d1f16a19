//! Authentication: JWT access tokens, the `AuthUser` extractor, login rate limiting.

pub mod caller;
pub mod client_ip;
pub mod jwt;
pub mod principal;
pub mod rate_limit;
pub mod refresh_cookie;
pub mod resident;
pub mod user;

pub use user::AuthUser;
