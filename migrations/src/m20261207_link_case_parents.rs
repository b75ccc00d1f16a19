//! `cases.parent_id` and `cases.child_count`: one incident, many callers (issue 19, "Linking").
//! A case linked to an incident case follows its dispatch, acceptance, resolution and reply.
//! `child_count` lets a case without children skip the lookup of its children on every action
//! (they must not pay for the feature). No foreign key: SQLite cannot add one to an existing
//! table; the store checks the parent when linking.

use sea_orm_migration::prelude::*;

use crate::alter::{add_columns, add_index, drop_columns, drop_index};

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
        let columns = [
            ColumnDef::new(Cases::ParentId).uuid().null().to_owned(),
            ColumnDef::new(Cases::ChildCount)
                .integer()
                .not_null()
                .default(0)
                .to_owned(),
        ];
        add_columns(manager, Cases::Table, columns).await?;
        add_index(manager, INDEX, Cases::Table, [Cases::ParentId]).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        drop_index(manager, INDEX, Cases::Table).await?;
        drop_columns(manager, Cases::Table, [Cases::ChildCount, Cases::ParentId]).await
    }
}
