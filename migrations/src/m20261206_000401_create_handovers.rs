//! Shift handovers (交接班): what one shift leaves to the next, with the snapshot of open work
//! taken when it was written, and the projects it covers.

use sea_orm_migration::prelude::*;

use crate::columns::*;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261206_000401_create_handovers"
    }
}

#[derive(DeriveIden)]
enum Handovers {
    Table,
    Id,
    AuthorId,
    Shift,
    Notes,
    Instructions,
    Suggestions,
    Equipment,
    Snapshot,
    Status,
    AcceptedBy,
    AcceptedAt,
    AcceptNote,
    RemindedAt,
    CreatedAt,
    UpdatedAt,
    Version,
}

#[derive(DeriveIden)]
enum HandoverProjects {
    Table,
    HandoverId,
    ProjectId,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Projects {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Handovers::Table)
                    .col(id(Handovers::Id))
                    .col(uuid(Handovers::AuthorId))
                    .col(string(Handovers::Shift))
                    .col(text_null(Handovers::Notes))
                    .col(text_null(Handovers::Instructions))
                    .col(text_null(Handovers::Suggestions))
                    .col(text_null(Handovers::Equipment))
                    .col(text(Handovers::Snapshot))
                    .col(string(Handovers::Status))
                    .col(uuid_null(Handovers::AcceptedBy))
                    .col(timestamp_null(Handovers::AcceptedAt))
                    .col(text_null(Handovers::AcceptNote))
                    .col(timestamp_null(Handovers::RemindedAt))
                    .col(timestamp(Handovers::CreatedAt))
                    .col(timestamp(Handovers::UpdatedAt))
                    .col(version(Handovers::Version))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Handovers::Table, Handovers::AuthorId)
                            .to(Users::Table, Users::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_handovers_status_created")
                    .table(Handovers::Table)
                    .col(Handovers::Status)
                    .col(Handovers::CreatedAt)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(HandoverProjects::Table)
                    .col(uuid(HandoverProjects::HandoverId))
                    .col(uuid(HandoverProjects::ProjectId))
                    .primary_key(
                        Index::create()
                            .col(HandoverProjects::HandoverId)
                            .col(HandoverProjects::ProjectId),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(HandoverProjects::Table, HandoverProjects::HandoverId)
                            .to(Handovers::Table, Handovers::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(HandoverProjects::Table, HandoverProjects::ProjectId)
                            .to(Projects::Table, Projects::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_handover_projects_project")
                    .table(HandoverProjects::Table)
                    .col(HandoverProjects::ProjectId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(HandoverProjects::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(Handovers::Table).to_owned())
            .await
    }
}
