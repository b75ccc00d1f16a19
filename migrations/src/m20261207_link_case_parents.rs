//! `cases.parent_id` and `cases.child_count`: one incident, many callers (issue 19, "Linking").
//! A case linked to an incident case follows its dispatch, acceptance, resolution and reply.
//! `child_count` lets a case without children skip the lookup of its children on every action
//! (they must not pay for the feature). No foreign key: SQLite cannot add one to an existing
//! table; the store checks the parent when linking.

use sea_orm_migration::prelude::*;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261207_link_case_parents"
    }
}

#[derive(DeriveIden)]
enum Cases {
    Table,
    ParentId,
    ChildCount,
}

const INDEX: &str = "ix_cases_parent";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Cases::Table)
                    .add_column(ColumnDef::new(Cases::ParentId).uuid().null())
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Cases::Table)
                    .add_column(ColumnDef::new(Cases::ChildCount).integer().not_null().default(0))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name(INDEX)
                    .table(Cases::Table)
                    .col(Cases::ParentId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(Index::drop().name(INDEX).table(Cases::Table).to_owned())
            .await?;
        for column in [Cases::ChildCount, Cases::ParentId] {
            manager
                .alter_table(Table::alter().table(Cases::Table).drop_column(column).to_owned())
                .await?;
        }
        Ok(())
    }
}
