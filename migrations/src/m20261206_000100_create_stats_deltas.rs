//! Statistics off the hot rows (issue #14): a case's transaction no longer adds to the shared
//! `stats_rollups` rows (every registration of a project, day and kind queued on the same row
//! locks); it appends what it changes to `stats_deltas`, one row per roll-up row it touches, with
//! the roll-up's key and the signed amounts. The worker folds the deltas into `stats_rollups` in
//! batches and deletes them in the same transaction (`huiyin_store::stats::fold`); readers add the
//! deltas not folded yet, so every answer stays exact while the fold is behind.

use sea_orm_migration::prelude::*;

use crate::columns::*;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261206_000100_create_stats_deltas"
    }
}

#[derive(DeriveIden)]
enum StatsDeltas {
    Table,
    Id,
    Grain,
    Day,
    Dim,
    Dkey,
    ProjectId,
    AreaId,
    Kind,
}

/// The summed columns, as in `stats_rollups`.
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

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let mut deltas = Table::create();
        deltas
            .table(StatsDeltas::Table)
            .col(id(StatsDeltas::Id))
            .col(string(StatsDeltas::Grain))
            .col(integer(StatsDeltas::Day))
            .col(string(StatsDeltas::Dim))
            .col(string(StatsDeltas::Dkey))
            .col(uuid(StatsDeltas::ProjectId))
            .col(uuid(StatsDeltas::AreaId))
            .col(string(StatsDeltas::Kind));
        for column in SUM_COLUMNS {
            deltas.col(
                ColumnDef::new(Alias::new(column))
                    .big_integer()
                    .not_null()
                    .default(0)
                    .to_owned(),
            );
        }
        manager.create_table(deltas.to_owned()).await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_stats_deltas_key")
                    .table(StatsDeltas::Table)
                    .col(StatsDeltas::Grain)
                    .col(StatsDeltas::Dim)
                    .col(StatsDeltas::Day)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(StatsDeltas::Table).to_owned())
            .await
    }
}
