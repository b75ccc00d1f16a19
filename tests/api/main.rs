//! Black-box tests over HTTP; one binary so the build links once.

mod helpers;

mod auth;
mod case_steps;
mod cases;
mod deadlines;
mod jobs;
mod openapi;
mod org;
mod platform;
mod problems;
mod resident;
mod security;
mod stats;
mod stats_rollups;
mod store_steps;
mod webhooks;
