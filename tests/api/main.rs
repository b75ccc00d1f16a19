//! Black-box tests over HTTP; one binary so the build links once.

mod helpers;

mod arrears;
mod auth;
mod case_steps;
mod cases;
mod config_cache;
mod console;
mod customer_archive;
mod deadlines;
mod handovers;
mod jobs;
mod knowledge;
mod lead_steps;
mod leads;
mod link;
mod openapi;
mod org;
mod platform;
mod problems;
mod report_sections;
mod resident;
mod security;
mod statements;
mod stats;
mod stats_fold;
mod stats_rollups;
mod steward_photos;
mod stewardship;
mod stewardship_cases;
mod stewardship_notices;
mod store_steps;
mod webhooks;
mod works;
