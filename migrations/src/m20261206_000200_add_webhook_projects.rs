//! Webhook subscriptions belong to a project (`project_id`), or to the whole company when it is
//! empty (only administrators and unrestricted keys make those). Existing subscriptions were made
//! by administrators or unrestricted keys, so they stay company-wide.

use sea_orm_migration::prelude::*;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261206_000200_add_webhook_projects"
    }
}

#[derive(DeriveIden)]
enum Webhooks {
    Table,
    ProjectId,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Webhooks::Table)
                    .add_column(ColumnDef::new(Webhooks::ProjectId).uuid().null())
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_webhooks_project_id")
                    .table(Webhooks::Table)
                    .col(Webhooks::ProjectId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name("ix_webhooks_project_id")
                    .table(Webhooks::Table)
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Webhooks::Table)
                    .drop_column(Webhooks::ProjectId)
                    .to_owned(),
            )
            .await
    }
}
