//! Huiyin's schema, in sea-query's portable DSL so one set of migrations
//! serves SQLite and PostgreSQL. Files are named `mYYYYMMDD_HHMMSS_verb_noun`.

pub use sea_orm_migration::prelude::*;

mod alter;
mod columns;
mod m20261126_000001_create_organisation;
mod m20261126_000002_create_cases;
mod m20261126_000003_create_resident_accounts;
mod m20261126_000004_create_api_keys;
mod m20261126_000005_create_jobs;
mod m20261126_000006_create_deadlines;
mod m20261126_000010_create_stats_rollups;
mod m20261126_000020_create_case_queue_index;
mod m20261126_000030_create_median_histograms;
mod m20261206_000100_create_stats_deltas;
mod m20261206_000200_add_webhook_projects;
mod m20261206_000201_create_customer_projects;
mod m20261206_000202_add_escalation_contact_areas;
mod m20261206_000203_add_user_token_versions;
mod m20261206_000300_create_stewardship;
mod m20261206_000400_create_arrears;
mod m20261206_000401_create_handovers;
mod m20261206_000500_create_decoration;
mod m20261206_000600_create_knowledge;
mod m20261206_desk_customer_archive;
mod m20261206_reports_case_answer_article;
mod m20261206_scope_visit_assignees;
mod m20261207_link_case_parents;
mod m20261207_queue_and_loop_indexes;
mod m20261207_settings_process;
mod m20261207_visits_outcomes;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261126_000001_create_organisation::Migration),
            Box::new(m20261126_000002_create_cases::Migration),
            Box::new(m20261126_000003_create_resident_accounts::Migration),
            Box::new(m20261126_000004_create_api_keys::Migration),
            Box::new(m20261126_000005_create_jobs::Migration),
            Box::new(m20261126_000006_create_deadlines::Migration),
            Box::new(m20261126_000010_create_stats_rollups::Migration),
            Box::new(m20261126_000020_create_case_queue_index::Migration),
            Box::new(m20261126_000030_create_median_histograms::Migration),
            Box::new(m20261206_000100_create_stats_deltas::Migration),
            Box::new(m20261206_000300_create_stewardship::Migration),
            Box::new(m20261206_000200_add_webhook_projects::Migration),
            Box::new(m20261206_000201_create_customer_projects::Migration),
            Box::new(m20261206_000202_add_escalation_contact_areas::Migration),
            Box::new(m20261206_000203_add_user_token_versions::Migration),
            Box::new(m20261206_000400_create_arrears::Migration),
            Box::new(m20261206_000401_create_handovers::Migration),
            Box::new(m20261206_000600_create_knowledge::Migration),
            Box::new(m20261206_000500_create_decoration::Migration),
            Box::new(m20261206_scope_visit_assignees::Migration),
            Box::new(m20261206_reports_case_answer_article::Migration),
            Box::new(m20261206_desk_customer_archive::Migration),
            Box::new(m20261207_link_case_parents::Migration),
            Box::new(m20261207_settings_process::Migration),
            Box::new(m20261207_visits_outcomes::Migration),
            Box::new(m20261207_queue_and_loop_indexes::Migration),
        ]
    }
}
