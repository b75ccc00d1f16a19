//! `users.token_version`: every access token carries the version it was issued under, and the
//! per-request user lookup compares it, so logout, a password change, deactivation and a
//! detected refresh-token reuse end the user's access tokens at once instead of when they expire.

use sea_orm_migration::prelude::*;

use crate::alter::{add_columns, drop_columns};

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261206_000203_add_user_token_versions"
    }
}

#[derive(DeriveIden)]
enum Users {
    Table,
    TokenVersion,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let column = ColumnDef::new(Users::TokenVersion)
            .integer()
            .not_null()
            .default(0)
            .to_owned();
        add_columns(manager, Users::Table, [column]).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        drop_columns(manager, Users::Table, [Users::TokenVersion]).await
    }
}
