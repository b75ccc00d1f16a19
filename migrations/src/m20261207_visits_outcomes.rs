//! Visit outcomes and repeats (issue #19): a scheduled visit records its `outcome` and how many
//! `attempts` were made to reach the customer; a case counts its dissatisfied satisfaction
//! visits (`dissatisfied_visits`, filled from the recorded visits) and names the repair it
//! repeats (`repeat_of`, 二次报修, with its number: numbers never change, and lists show it). No foreign key on `repeat_of`: SQLite cannot add one to an
//! existing table, and the store sets it only at registration from a case it found.

use sea_orm_migration::prelude::*;

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
        // One column per statement: SQLite alters one thing at a time.
        let columns = [
            (
                ScheduledVisits::Table.into_iden(),
                ColumnDef::new(ScheduledVisits::Outcome)
                    .string_len(32)
                    .null()
                    .to_owned(),
            ),
            (
                ScheduledVisits::Table.into_iden(),
                ColumnDef::new(ScheduledVisits::Attempts)
                    .integer()
                    .not_null()
                    .default(0)
                    .to_owned(),
            ),
            (
                Cases::Table.into_iden(),
                ColumnDef::new(Cases::DissatisfiedVisits)
                    .integer()
                    .not_null()
                    .default(0)
                    .to_owned(),
            ),
            (
                Cases::Table.into_iden(),
                ColumnDef::new(Cases::RepeatOf).uuid().null().to_owned(),
            ),
            (
                Cases::Table.into_iden(),
                ColumnDef::new(Cases::RepeatOfNumber).string_len(32).null().to_owned(),
            ),
        ];
        for (table, mut column) in columns {
            manager
                .alter_table(Table::alter().table(table).add_column(&mut column).to_owned())
                .await?;
        }
        manager
            .get_connection()
            .execute_unprepared(
                "UPDATE cases SET dissatisfied_visits = (SELECT COUNT(*) FROM visits v WHERE v.case_id = cases.id \
                 AND v.satisfaction IN ('dissatisfied', 'very_dissatisfied'))",
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name(INDEX)
                    .table(Cases::Table)
                    .col(Cases::PropertyId)
                    .col(Cases::CategoryId)
                    .col(Cases::ClosedAt)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(Index::drop().name(INDEX).table(Cases::Table).to_owned())
            .await?;
        let columns = [
            (ScheduledVisits::Table.into_iden(), ScheduledVisits::Outcome.into_iden()),
            (
                ScheduledVisits::Table.into_iden(),
                ScheduledVisits::Attempts.into_iden(),
            ),
            (Cases::Table.into_iden(), Cases::DissatisfiedVisits.into_iden()),
            (Cases::Table.into_iden(), Cases::RepeatOf.into_iden()),
            (Cases::Table.into_iden(), Cases::RepeatOfNumber.into_iden()),
        ];
        for (table, column) in columns {
            manager
                .alter_table(Table::alter().table(table).drop_column(column).to_owned())
                .await?;
        }
        Ok(())
    }
}
