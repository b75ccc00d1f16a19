//! API keys for integrations (stored hashed, scoped, optionally restricted to one project).

use sea_orm_migration::prelude::*;

use crate::columns::*;
use crate::m20261126_000001_create_organisation::Projects;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261126_000004_create_api_keys"
    }
}

#[derive(DeriveIden)]
enum ApiKeys {
    Table,
    Id,
    Name,
    Prefix,
    KeyHash,
    Scopes,
    ProjectId,
    ExpiresAt,
    RevokedAt,
    LastUsedAt,
    CreatedBy,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(ApiKeys::Table)
                    .col(id(ApiKeys::Id))
                    .col(string(ApiKeys::Name))
                    .col(string(ApiKeys::Prefix))
                    .col(string(ApiKeys::KeyHash).unique_key())
                    .col(text(ApiKeys::Scopes))
                    .col(uuid_null(ApiKeys::ProjectId))
                    .col(timestamp_null(ApiKeys::ExpiresAt))
                    .col(timestamp_null(ApiKeys::RevokedAt))
                    .col(timestamp_null(ApiKeys::LastUsedAt))
                    .col(uuid_null(ApiKeys::CreatedBy))
                    .col(timestamp(ApiKeys::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(ApiKeys::Table, ApiKeys::ProjectId)
                            .to(Projects::Table, Projects::Id),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(ApiKeys::Table).to_owned()).await
    }
}
