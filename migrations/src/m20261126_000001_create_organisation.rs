//! Organisation and accounts: projects, areas, properties, departments, users, refresh tokens, audit.

use sea_orm_migration::prelude::*;

use crate::columns::*;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261126_000001_create_organisation"
    }
}

#[derive(DeriveIden)]
pub enum Projects {
    Table,
    Id,
    Name,
    Code,
    Address,
    CreatedAt,
    UpdatedAt,
    Version,
}

#[derive(DeriveIden)]
pub enum Departments {
    Table,
    Id,
    Name,
    Kind,
    CreatedAt,
    UpdatedAt,
    Version,
}

#[derive(DeriveIden)]
pub enum Users {
    Table,
    Id,
    Username,
    DisplayName,
    Phone,
    Role,
    DepartmentId,
    CustomerId,
    PasswordHash,
    Active,
    CreatedAt,
    UpdatedAt,
    Version,
}

#[derive(DeriveIden)]
enum UserProjects {
    Table,
    UserId,
    ProjectId,
}

#[derive(DeriveIden)]
pub enum Areas {
    Table,
    Id,
    ProjectId,
    Name,
    Code,
    StewardId,
    CreatedAt,
    UpdatedAt,
    Version,
}

#[derive(DeriveIden)]
pub enum Properties {
    Table,
    Id,
    ProjectId,
    AreaId,
    Building,
    Unit,
    Room,
    CreatedAt,
    UpdatedAt,
    Version,
}

#[derive(DeriveIden)]
enum RefreshTokens {
    Table,
    Id,
    UserId,
    FamilyId,
    TokenHash,
    ExpiresAt,
    UsedAt,
    RevokedAt,
    CreatedAt,
}

#[derive(DeriveIden)]
enum AuditLog {
    Table,
    Id,
    ActorId,
    Action,
    SubjectType,
    SubjectId,
    Detail,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Projects::Table)
                    .col(id(Projects::Id))
                    .col(string(Projects::Name))
                    .col(string(Projects::Code).unique_key())
                    .col(string(Projects::Address))
                    .col(timestamp(Projects::CreatedAt))
                    .col(timestamp(Projects::UpdatedAt))
                    .col(version(Projects::Version))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Departments::Table)
                    .col(id(Departments::Id))
                    .col(string(Departments::Name).unique_key())
                    .col(string(Departments::Kind))
                    .col(timestamp(Departments::CreatedAt))
                    .col(timestamp(Departments::UpdatedAt))
                    .col(version(Departments::Version))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Users::Table)
                    .col(id(Users::Id))
                    .col(string(Users::Username).unique_key())
                    .col(string(Users::DisplayName))
                    .col(string_null(Users::Phone))
                    .col(string(Users::Role))
                    .col(uuid_null(Users::DepartmentId))
                    .col(uuid_null(Users::CustomerId))
                    .col(string(Users::PasswordHash))
                    .col(boolean(Users::Active))
                    .col(timestamp(Users::CreatedAt))
                    .col(timestamp(Users::UpdatedAt))
                    .col(version(Users::Version))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Users::Table, Users::DepartmentId)
                            .to(Departments::Table, Departments::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(UserProjects::Table)
                    .col(uuid(UserProjects::UserId))
                    .col(uuid(UserProjects::ProjectId))
                    .primary_key(Index::create().col(UserProjects::UserId).col(UserProjects::ProjectId))
                    .foreign_key(
                        ForeignKey::create()
                            .from(UserProjects::Table, UserProjects::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(UserProjects::Table, UserProjects::ProjectId)
                            .to(Projects::Table, Projects::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_user_projects_project")
                    .table(UserProjects::Table)
                    .col(UserProjects::ProjectId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Areas::Table)
                    .col(id(Areas::Id))
                    .col(uuid(Areas::ProjectId))
                    .col(string(Areas::Name))
                    .col(string_null(Areas::Code))
                    .col(uuid_null(Areas::StewardId))
                    .col(timestamp(Areas::CreatedAt))
                    .col(timestamp(Areas::UpdatedAt))
                    .col(version(Areas::Version))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Areas::Table, Areas::ProjectId)
                            .to(Projects::Table, Projects::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Areas::Table, Areas::StewardId)
                            .to(Users::Table, Users::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_areas_project_name")
                    .table(Areas::Table)
                    .col(Areas::ProjectId)
                    .col(Areas::Name)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_areas_project_code")
                    .table(Areas::Table)
                    .col(Areas::ProjectId)
                    .col(Areas::Code)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Properties::Table)
                    .col(id(Properties::Id))
                    .col(uuid(Properties::ProjectId))
                    .col(uuid_null(Properties::AreaId))
                    .col(string(Properties::Building))
                    .col(string(Properties::Unit))
                    .col(string(Properties::Room))
                    .col(timestamp(Properties::CreatedAt))
                    .col(timestamp(Properties::UpdatedAt))
                    .col(version(Properties::Version))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Properties::Table, Properties::ProjectId)
                            .to(Projects::Table, Projects::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Properties::Table, Properties::AreaId)
                            .to(Areas::Table, Areas::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_properties_project_room")
                    .table(Properties::Table)
                    .col(Properties::ProjectId)
                    .col(Properties::Building)
                    .col(Properties::Unit)
                    .col(Properties::Room)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_properties_room")
                    .table(Properties::Table)
                    .col(Properties::Room)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(RefreshTokens::Table)
                    .col(id(RefreshTokens::Id))
                    .col(uuid(RefreshTokens::UserId))
                    .col(uuid(RefreshTokens::FamilyId))
                    .col(string(RefreshTokens::TokenHash).unique_key())
                    .col(timestamp(RefreshTokens::ExpiresAt))
                    .col(timestamp_null(RefreshTokens::UsedAt))
                    .col(timestamp_null(RefreshTokens::RevokedAt))
                    .col(timestamp(RefreshTokens::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(RefreshTokens::Table, RefreshTokens::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_refresh_tokens_family")
                    .table(RefreshTokens::Table)
                    .col(RefreshTokens::FamilyId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_refresh_tokens_user")
                    .table(RefreshTokens::Table)
                    .col(RefreshTokens::UserId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(AuditLog::Table)
                    .col(id(AuditLog::Id))
                    .col(uuid_null(AuditLog::ActorId))
                    .col(string(AuditLog::Action))
                    .col(string(AuditLog::SubjectType))
                    .col(uuid_null(AuditLog::SubjectId))
                    .col(text(AuditLog::Detail))
                    .col(timestamp(AuditLog::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_audit_log_created")
                    .table(AuditLog::Table)
                    .col(AuditLog::CreatedAt)
                    .col(AuditLog::Id)
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            AuditLog::Table.into_iden(),
            RefreshTokens::Table.into_iden(),
            Properties::Table.into_iden(),
            Areas::Table.into_iden(),
            UserProjects::Table.into_iden(),
            Users::Table.into_iden(),
            Departments::Table.into_iden(),
            Projects::Table.into_iden(),
        ] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}
