//! Webhook subscriptions belong to a project (`project_id`), or to the whole company when it is
//! empty (only administrators and unrestricted keys make those). Existing subscriptions were made
//! by administrators or unrestricted keys, so they stay company-wide.

use sea_orm_migration::prelude::*;

use crate::alter::{add_columns, add_index, drop_columns, drop_index};

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

const INDEX: &str = "ix_webhooks_project_id";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let column = ColumnDef::new(Webhooks::ProjectId).uuid().null().to_owned();
        add_columns(manager, Webhooks::Table, [column]).await?;
        add_index(manager, INDEX, Webhooks::Table, [Webhooks::ProjectId]).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        drop_index(manager, INDEX, Webhooks::Table).await?;
        drop_columns(manager, Webhooks::Table, [Webhooks::ProjectId]).await
    }
}
