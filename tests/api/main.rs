//! Black-box tests over HTTP; one binary so the build links once.

mod helpers;

mod auth;
mod org;
mod platform;
mod openapi;
mod problems;
