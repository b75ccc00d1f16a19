//! Issue #19, part A: the cancellation of a dispatched case waiting for approval, the reason a
//! case was cancelled (for the `cancel_reason` statistics), and the routing rules that propose a
//! department at registration. A project's process settings live in the `settings` table
//! (`process_settings:<project id>`), like the visit settings. Case columns one per statement
//! (SQLite adds a single column at a time); all nullable, older cases have none.

use sea_orm_migration::prelude::*;

use crate::alter::{add_columns, add_index, drop_columns};

use crate::columns::*;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261207_settings_process"
    }
}

#[derive(DeriveIden)]
enum Cases {
    Table,
    CancelReason,
    CancelRequestedAt,
    CancelRequestedBy,
    CancelRequestReason,
    CancelRequestNote,
    CancelRequestDuplicateOf,
}

#[derive(DeriveIden)]
enum RoutingRules {
    Table,
    Id,
    ProjectId,
    CategoryId,
    Kind,
    Severity,
    DepartmentId,
    AutoDispatch,
    CreatedAt,
    UpdatedAt,
    Version,
}

fn columns() -> Vec<ColumnDef> {
    vec![
        string_null(Cases::CancelReason),
        timestamp_null(Cases::CancelRequestedAt),
        uuid_null(Cases::CancelRequestedBy),
        string_null(Cases::CancelRequestReason),
        text_null(Cases::CancelRequestNote),
        uuid_null(Cases::CancelRequestDuplicateOf),
    ]
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        add_columns(manager, Cases::Table, columns()).await?;
        manager
            .create_table(
                Table::create()
                    .table(RoutingRules::Table)
                    .col(id(RoutingRules::Id))
                    .col(uuid_null(RoutingRules::ProjectId))
                    .col(uuid(RoutingRules::CategoryId))
                    .col(string_null(RoutingRules::Kind))
                    .col(string_null(RoutingRules::Severity))
                    .col(uuid(RoutingRules::DepartmentId))
                    .col(boolean(RoutingRules::AutoDispatch))
                    .col(timestamp(RoutingRules::CreatedAt))
                    .col(timestamp(RoutingRules::UpdatedAt))
                    .col(version(RoutingRules::Version))
                    .to_owned(),
            )
            .await?;
        add_index(
            manager,
            "ix_routing_rules_category",
            RoutingRules::Table,
            [RoutingRules::CategoryId],
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(RoutingRules::Table).to_owned())
            .await?;
        let columns = [
            Cases::CancelRequestDuplicateOf,
            Cases::CancelRequestNote,
            Cases::CancelRequestReason,
            Cases::CancelRequestedBy,
            Cases::CancelRequestedAt,
            Cases::CancelReason,
        ];
        drop_columns(manager, Cases::Table, columns).await
    }
}
