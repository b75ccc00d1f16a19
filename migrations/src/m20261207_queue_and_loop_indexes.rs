//! Partial indexes found by `make bench-load` at 1,000,000 cases (docs/performance.md, run of
//! 2026-12-07):
//!
//! - `ix_cases_visit_queue`: the "to visit" console queue (resolved and visiting cases, soonest
//!   deadline first). Those cases have no next deadline, so without it PostgreSQL walked
//!   `ix_cases_next_due_at` through every case to find them last (549 ms p99 at one client).
//!   The predicate is spelled like the queue's inlined status filter (`cases::query`).
//! - `ix_cases_repeats` and `ix_visits_unreachable`: the summary's repeat repairs and
//!   unreachable satisfaction visits are rare; each count now starts from the few rows that are
//!   one instead of scanning the period's cases (a month's summary spent 250 ms there).
//!
//! Same SQL on SQLite and PostgreSQL.

use sea_orm_migration::prelude::*;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261207_queue_and_loop_indexes"
    }
}

const INDEXES: [(&str, &str); 3] = [
    (
        "ix_cases_visit_queue",
        "ON cases (next_due_at, id) WHERE status IN ('resolved', 'visiting')",
    ),
    ("ix_cases_repeats", "ON cases (created_at) WHERE repeat_of IS NOT NULL"),
    (
        "ix_visits_unreachable",
        "ON scheduled_visits (case_id) WHERE purpose = 'satisfaction' AND status = 'done' AND outcome = 'unreachable'",
    ),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        for (name, definition) in INDEXES {
            db.execute_unprepared(&format!("CREATE INDEX {name} {definition}"))
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        for (name, _) in INDEXES {
            db.execute_unprepared(&format!("DROP INDEX IF EXISTS {name}")).await?;
        }
        Ok(())
    }
}
