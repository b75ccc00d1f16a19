//! Statistics roll-ups (issue 5): one row of contributions per case (`stats_case_facts`), the
//! per-day and per-month sums they add up to (`stats_rollups`), and a partial index on the unfinished
//! cases for the figures that depend on "now" (open cases past their due time, the dashboard). The tables are written in the
//! same transaction as every case change (`huiyin_store::stats::rollup::refresh`) and can be
//! rebuilt from the cases at any time (`huiyin stats-rebuild`).

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DatabaseBackend;

use crate::columns::*;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261126_000010_create_stats_rollups"
    }
}

#[derive(DeriveIden)]
enum StatsRollups {
    Table,
    Grain,
    Day,
    Dim,
    Dkey,
    ProjectId,
    AreaId,
    Kind,
}

#[derive(DeriveIden)]
enum StatsCaseFacts {
    Table,
    CaseId,
    CreatedAt,
    ProjectId,
    AreaId,
    Kind,
    DSecs,
    RSecs,
    CSecs,
    Facts,
}

/// The summed columns of `stats_rollups`, all 64-bit integers (durations in microseconds, so
/// adding and subtracting them stays exact).
const SUM_COLUMNS: [&str; 23] = [
    "created",
    "closed",
    "cancelled",
    "closed_on_spot",
    "dispatched",
    "second_dispatched",
    "verify_due",
    "verify_on_time",
    "resolve_due",
    "resolve_on_time",
    "visit_due",
    "s_very_dissatisfied",
    "s_dissatisfied",
    "s_satisfied",
    "s_very_satisfied",
    "dispatch_us",
    "resolve_us",
    "resolved",
    "close_us",
    "closed_in",
    "ended",
    "escalated_area",
    "escalated_company",
];

fn double_null<T: IntoIden>(name: T) -> ColumnDef {
    ColumnDef::new(name).double().null().to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let mut rollups = Table::create();
        rollups
            .table(StatsRollups::Table)
            .col(string(StatsRollups::Grain))
            .col(integer(StatsRollups::Day))
            .col(string(StatsRollups::Dim))
            .col(string(StatsRollups::Dkey))
            .col(uuid(StatsRollups::ProjectId))
            .col(uuid(StatsRollups::AreaId))
            .col(string(StatsRollups::Kind));
        for column in SUM_COLUMNS {
            rollups.col(
                ColumnDef::new(Alias::new(column))
                    .big_integer()
                    .not_null()
                    .default(0)
                    .to_owned(),
            );
        }
        rollups.primary_key(
            Index::create()
                .name("pk_stats_rollups")
                .col(StatsRollups::Grain)
                .col(StatsRollups::Dim)
                .col(StatsRollups::Day)
                .col(StatsRollups::ProjectId)
                .col(StatsRollups::AreaId)
                .col(StatsRollups::Kind)
                .col(StatsRollups::Dkey),
        );
        manager.create_table(rollups.to_owned()).await?;
        manager
            .create_table(
                Table::create()
                    .table(StatsCaseFacts::Table)
                    .col(id(StatsCaseFacts::CaseId))
                    .col(timestamp(StatsCaseFacts::CreatedAt))
                    .col(uuid(StatsCaseFacts::ProjectId))
                    .col(uuid_null(StatsCaseFacts::AreaId))
                    .col(string(StatsCaseFacts::Kind))
                    .col(double_null(StatsCaseFacts::DSecs))
                    .col(double_null(StatsCaseFacts::RSecs))
                    .col(double_null(StatsCaseFacts::CSecs))
                    .col(text(StatsCaseFacts::Facts))
                    .to_owned(),
            )
            .await?;
        let db = manager.get_connection();
        // The medians read the cohort's durations from this index alone (an index-only scan on
        // PostgreSQL); SQLite has no INCLUDE, so there the columns are part of the key.
        let (facts_index, open_index) = match manager.get_database_backend() {
            DatabaseBackend::Postgres => (
                "CREATE INDEX ix_stats_case_facts_cohort ON stats_case_facts (created_at) \
                 INCLUDE (project_id, area_id, kind, d_secs, r_secs, c_secs)",
                "CREATE INDEX ix_cases_unfinished ON cases (created_at) \
                 INCLUDE (project_id, area_id, kind, status, due_at) WHERE status IN \
                 ('registered', 'dispatched', 'in_progress', 'resolved', 'visiting')",
            ),
            _ => (
                "CREATE INDEX ix_stats_case_facts_cohort ON stats_case_facts \
                 (created_at, project_id, area_id, kind, d_secs, r_secs, c_secs)",
                "CREATE INDEX ix_cases_unfinished ON cases (created_at, project_id, area_id, kind, status, due_at) \
                 WHERE status IN ('registered', 'dispatched', 'in_progress', 'resolved', 'visiting')",
            ),
        };
        db.execute_unprepared(facts_index).await?;
        db.execute_unprepared(open_index).await?;
        if manager.get_database_backend() == DatabaseBackend::Postgres {
            // Grain and dimension are far from independent (month rows are mostly breakdown rows);
            // without this the planner overestimates `grain = 'm' AND dim = ''` and scans the table.
            db.execute_unprepared("CREATE STATISTICS stats_rollups_grain_dim (mcv) ON grain, dim FROM stats_rollups")
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .get_connection()
            .execute_unprepared("DROP INDEX IF EXISTS ix_cases_unfinished")
            .await?;
        manager
            .drop_table(Table::drop().table(StatsCaseFacts::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(StatsRollups::Table).to_owned())
            .await
    }
}
