//! Visit outcomes and repeats (issue #19): a scheduled visit records its `outcome` and how many
//! `attempts` were made to reach the customer; a case counts its dissatisfied satisfaction
//! visits (`dissatisfied_visits`, filled from the recorded visits) and names the repair it
//! repeats (`repeat_of`, 二次报修, with its number: numbers never change, and lists show it). No foreign key on `repeat_of`: SQLite cannot add one to an
//! existing table, and the store sets it only at registration from a case it found.

use sea_orm_migration::prelude::*;

use crate::alter::{add_columns, add_index, drop_columns, drop_index};

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261207_visits_outcomes"
    }
}

#[derive(DeriveIden)]
enum ScheduledVisits {
    Table,
    Outcome,
    Attempts,
}

#[derive(DeriveIden)]
enum Cases {
    Table,
    DissatisfiedVisits,
    RepeatOf,
    RepeatOfNumber,
    PropertyId,
    CategoryId,
    ClosedAt,
}

const INDEX: &str = "ix_cases_repeat_lookup";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let visit_columns = [
            ColumnDef::new(ScheduledVisits::Outcome)
                .string_len(32)
                .null()
                .to_owned(),
            ColumnDef::new(ScheduledVisits::Attempts)
                .integer()
                .not_null()
                .default(0)
                .to_owned(),
        ];
        add_columns(manager, ScheduledVisits::Table, visit_columns).await?;
        let case_columns = [
            ColumnDef::new(Cases::DissatisfiedVisits)
                .integer()
                .not_null()
                .default(0)
                .to_owned(),
            ColumnDef::new(Cases::RepeatOf).uuid().null().to_owned(),
            ColumnDef::new(Cases::RepeatOfNumber).string_len(32).null().to_owned(),
        ];
        add_columns(manager, Cases::Table, case_columns).await?;
        manager
            .get_connection()
            .execute_unprepared(
                "UPDATE cases SET dissatisfied_visits = (SELECT COUNT(*) FROM visits v WHERE v.case_id = cases.id \
                 AND v.satisfaction IN ('dissatisfied', 'very_dissatisfied'))",
            )
            .await?;
        let key = [Cases::PropertyId, Cases::CategoryId, Cases::ClosedAt];
        add_index(manager, INDEX, Cases::Table, key).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        drop_index(manager, INDEX, Cases::Table).await?;
        let visit_columns = [ScheduledVisits::Outcome, ScheduledVisits::Attempts];
        drop_columns(manager, ScheduledVisits::Table, visit_columns).await?;
        let case_columns = [Cases::DissatisfiedVisits, Cases::RepeatOf, Cases::RepeatOfNumber];
        drop_columns(manager, Cases::Table, case_columns).await
    }
}
