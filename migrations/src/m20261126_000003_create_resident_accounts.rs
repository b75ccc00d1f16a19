//! Resident logins for the mobile app: one account per customer, linked to a `resident` user,
//! with the one-time activation code (stored only as an argon2 hash) staff hand out.

use sea_orm_migration::prelude::*;

use crate::columns::*;
use crate::m20261126_000001_create_organisation::Users;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261126_000003_create_resident_accounts"
    }
}

#[derive(DeriveIden)]
enum ResidentAccounts {
    Table,
    /// The `resident` user this account logs in as (also the primary key).
    UserId,
    CustomerId,
    /// The canonical login phone number (also the user's username).
    Phone,
    /// argon2 hash of the pending activation code; NULL once used or when none was issued.
    CodeHash,
    CodeExpiresAt,
    CodeIssuedAt,
    CodeIssuedBy,
    /// First successful activation.
    ActivatedAt,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Customers {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(ResidentAccounts::Table)
                    .col(id(ResidentAccounts::UserId))
                    .col(uuid(ResidentAccounts::CustomerId))
                    .col(string(ResidentAccounts::Phone))
                    .col(string_null(ResidentAccounts::CodeHash))
                    .col(timestamp_null(ResidentAccounts::CodeExpiresAt))
                    .col(timestamp_null(ResidentAccounts::CodeIssuedAt))
                    .col(uuid_null(ResidentAccounts::CodeIssuedBy))
                    .col(timestamp_null(ResidentAccounts::ActivatedAt))
                    .col(timestamp(ResidentAccounts::CreatedAt))
                    .col(timestamp(ResidentAccounts::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(ResidentAccounts::Table, ResidentAccounts::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(ResidentAccounts::Table, ResidentAccounts::CustomerId)
                            .to(Customers::Table, Customers::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        // One login per customer, and one customer per login phone.
        for (name, column) in [
            ("ux_resident_accounts_customer", ResidentAccounts::CustomerId),
            ("ux_resident_accounts_phone", ResidentAccounts::Phone),
        ] {
            manager
                .create_index(
                    Index::create()
                        .name(name)
                        .table(ResidentAccounts::Table)
                        .col(column)
                        .unique()
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(ResidentAccounts::Table).to_owned())
            .await
    }
}
