//! Area stewardship: visit plans, stewards' household visits, patrol routes with checkpoints,
//! patrols and their results, photos of both, and public notices.

use sea_orm_migration::prelude::*;

use crate::columns::*;
use crate::m20261126_000001_create_organisation::{Areas, Projects, Properties, Users};

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261206_000300_create_stewardship"
    }
}

#[derive(DeriveIden)]
enum VisitPlans {
    Table,
    AreaId,
    TargetBasisPoints,
    KeyTags,
    UpdatedAt,
    Version,
}

#[derive(DeriveIden)]
enum StewardVisits {
    Table,
    Id,
    ProjectId,
    AreaId,
    PropertyId,
    CustomerId,
    StewardId,
    Purpose,
    Reached,
    Opinions,
    VisitedAt,
    Month,
    CaseId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum PatrolRoutes {
    Table,
    Id,
    ProjectId,
    AreaId,
    Name,
    EveryDays,
    LastPatrolledAt,
    MissedThrough,
    CreatedAt,
    UpdatedAt,
    Version,
}

#[derive(DeriveIden)]
enum PatrolCheckpoints {
    Table,
    Id,
    RouteId,
    Position,
    Name,
    Kind,
    PropertyId,
}

#[derive(DeriveIden)]
enum Patrols {
    Table,
    Id,
    RouteId,
    ProjectId,
    AreaId,
    StewardId,
    StartedAt,
    FinishedAt,
    Failed,
    CreatedAt,
}

#[derive(DeriveIden)]
enum PatrolResults {
    Table,
    Id,
    PatrolId,
    CheckpointId,
    Position,
    Ok,
    Note,
    CaseId,
}

#[derive(DeriveIden)]
enum StewardPhotos {
    Table,
    Id,
    VisitId,
    PatrolResultId,
    FileName,
    ContentType,
    SizeBytes,
    StorageKey,
    UploadedBy,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Notices {
    Table,
    Id,
    ProjectId,
    Kind,
    Title,
    Body,
    Buildings,
    Status,
    CreatedBy,
    PublishedAt,
    PublishedBy,
    WithdrawnAt,
    CreatedAt,
    UpdatedAt,
    Version,
}

fn fk<T: IntoIden + 'static, C: IntoIden + 'static, R: IntoIden + 'static, RC: IntoIden + 'static>(
    table: T,
    col: C,
    ref_table: R,
    ref_col: RC,
) -> ForeignKeyCreateStatement {
    ForeignKey::create().from(table, col).to(ref_table, ref_col).to_owned()
}

async fn index(
    manager: &SchemaManager<'_>,
    name: &str,
    table: impl IntoIden + 'static,
    cols: Vec<DynIden>,
) -> Result<(), DbErr> {
    let mut statement = Index::create().name(name).table(table).to_owned();
    for col in cols {
        statement.col(col);
    }
    manager.create_index(statement).await
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(VisitPlans::Table)
                    .col(ColumnDef::new(VisitPlans::AreaId).uuid().not_null().primary_key())
                    .col(integer(VisitPlans::TargetBasisPoints))
                    .col(text(VisitPlans::KeyTags))
                    .col(timestamp(VisitPlans::UpdatedAt))
                    .col(version(VisitPlans::Version))
                    .foreign_key(&mut fk(VisitPlans::Table, VisitPlans::AreaId, Areas::Table, Areas::Id))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(StewardVisits::Table)
                    .col(id(StewardVisits::Id))
                    .col(uuid(StewardVisits::ProjectId))
                    .col(uuid(StewardVisits::AreaId))
                    .col(uuid(StewardVisits::PropertyId))
                    .col(uuid_null(StewardVisits::CustomerId))
                    .col(uuid(StewardVisits::StewardId))
                    .col(string(StewardVisits::Purpose))
                    .col(boolean(StewardVisits::Reached))
                    .col(text_null(StewardVisits::Opinions))
                    .col(timestamp(StewardVisits::VisitedAt))
                    .col(string(StewardVisits::Month))
                    .col(uuid_null(StewardVisits::CaseId).unique_key())
                    .col(timestamp(StewardVisits::CreatedAt))
                    .foreign_key(&mut fk(
                        StewardVisits::Table,
                        StewardVisits::ProjectId,
                        Projects::Table,
                        Projects::Id,
                    ))
                    .foreign_key(&mut fk(
                        StewardVisits::Table,
                        StewardVisits::AreaId,
                        Areas::Table,
                        Areas::Id,
                    ))
                    .foreign_key(&mut fk(
                        StewardVisits::Table,
                        StewardVisits::PropertyId,
                        Properties::Table,
                        Properties::Id,
                    ))
                    .foreign_key(&mut fk(
                        StewardVisits::Table,
                        StewardVisits::StewardId,
                        Users::Table,
                        Users::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "ix_steward_visits_area_month",
            StewardVisits::Table,
            vec![StewardVisits::AreaId.into_iden(), StewardVisits::Month.into_iden()],
        )
        .await?;
        index(
            manager,
            "ix_steward_visits_steward_month",
            StewardVisits::Table,
            vec![StewardVisits::StewardId.into_iden(), StewardVisits::Month.into_iden()],
        )
        .await?;
        manager
            .create_table(
                Table::create()
                    .table(PatrolRoutes::Table)
                    .col(id(PatrolRoutes::Id))
                    .col(uuid(PatrolRoutes::ProjectId))
                    .col(uuid(PatrolRoutes::AreaId))
                    .col(string(PatrolRoutes::Name))
                    .col(integer(PatrolRoutes::EveryDays))
                    .col(timestamp_null(PatrolRoutes::LastPatrolledAt))
                    .col(string_null(PatrolRoutes::MissedThrough))
                    .col(timestamp(PatrolRoutes::CreatedAt))
                    .col(timestamp(PatrolRoutes::UpdatedAt))
                    .col(version(PatrolRoutes::Version))
                    .foreign_key(&mut fk(
                        PatrolRoutes::Table,
                        PatrolRoutes::AreaId,
                        Areas::Table,
                        Areas::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "ix_patrol_routes_area",
            PatrolRoutes::Table,
            vec![PatrolRoutes::AreaId.into_iden()],
        )
        .await?;
        manager
            .create_table(
                Table::create()
                    .table(PatrolCheckpoints::Table)
                    .col(id(PatrolCheckpoints::Id))
                    .col(uuid(PatrolCheckpoints::RouteId))
                    .col(integer(PatrolCheckpoints::Position))
                    .col(string(PatrolCheckpoints::Name))
                    .col(string(PatrolCheckpoints::Kind))
                    .col(uuid_null(PatrolCheckpoints::PropertyId))
                    .foreign_key(&mut fk(
                        PatrolCheckpoints::Table,
                        PatrolCheckpoints::RouteId,
                        PatrolRoutes::Table,
                        PatrolRoutes::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "ix_patrol_checkpoints_route",
            PatrolCheckpoints::Table,
            vec![PatrolCheckpoints::RouteId.into_iden()],
        )
        .await?;
        manager
            .create_table(
                Table::create()
                    .table(Patrols::Table)
                    .col(id(Patrols::Id))
                    .col(uuid(Patrols::RouteId))
                    .col(uuid(Patrols::ProjectId))
                    .col(uuid(Patrols::AreaId))
                    .col(uuid(Patrols::StewardId))
                    .col(timestamp(Patrols::StartedAt))
                    .col(timestamp(Patrols::FinishedAt))
                    .col(integer(Patrols::Failed))
                    .col(timestamp(Patrols::CreatedAt))
                    .foreign_key(&mut fk(
                        Patrols::Table,
                        Patrols::RouteId,
                        PatrolRoutes::Table,
                        PatrolRoutes::Id,
                    ))
                    .foreign_key(&mut fk(Patrols::Table, Patrols::StewardId, Users::Table, Users::Id))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "ix_patrols_route",
            Patrols::Table,
            vec![Patrols::RouteId.into_iden(), Patrols::Id.into_iden()],
        )
        .await?;
        manager
            .create_table(
                Table::create()
                    .table(PatrolResults::Table)
                    .col(id(PatrolResults::Id))
                    .col(uuid(PatrolResults::PatrolId))
                    .col(uuid(PatrolResults::CheckpointId))
                    .col(integer(PatrolResults::Position))
                    .col(boolean(PatrolResults::Ok))
                    .col(text_null(PatrolResults::Note))
                    .col(uuid_null(PatrolResults::CaseId))
                    .foreign_key(&mut fk(
                        PatrolResults::Table,
                        PatrolResults::PatrolId,
                        Patrols::Table,
                        Patrols::Id,
                    ))
                    .foreign_key(&mut fk(
                        PatrolResults::Table,
                        PatrolResults::CheckpointId,
                        PatrolCheckpoints::Table,
                        PatrolCheckpoints::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "ix_patrol_results_patrol",
            PatrolResults::Table,
            vec![PatrolResults::PatrolId.into_iden()],
        )
        .await?;
        manager
            .create_table(
                Table::create()
                    .table(StewardPhotos::Table)
                    .col(id(StewardPhotos::Id))
                    .col(uuid_null(StewardPhotos::VisitId))
                    .col(uuid_null(StewardPhotos::PatrolResultId))
                    .col(string(StewardPhotos::FileName))
                    .col(string(StewardPhotos::ContentType))
                    .col(ColumnDef::new(StewardPhotos::SizeBytes).big_integer().not_null())
                    .col(string(StewardPhotos::StorageKey))
                    .col(uuid_null(StewardPhotos::UploadedBy))
                    .col(timestamp(StewardPhotos::CreatedAt))
                    .foreign_key(&mut fk(
                        StewardPhotos::Table,
                        StewardPhotos::VisitId,
                        StewardVisits::Table,
                        StewardVisits::Id,
                    ))
                    .foreign_key(&mut fk(
                        StewardPhotos::Table,
                        StewardPhotos::PatrolResultId,
                        PatrolResults::Table,
                        PatrolResults::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "ix_steward_photos_visit",
            StewardPhotos::Table,
            vec![StewardPhotos::VisitId.into_iden()],
        )
        .await?;
        index(
            manager,
            "ix_steward_photos_result",
            StewardPhotos::Table,
            vec![StewardPhotos::PatrolResultId.into_iden()],
        )
        .await?;
        manager
            .create_table(
                Table::create()
                    .table(Notices::Table)
                    .col(id(Notices::Id))
                    .col(uuid(Notices::ProjectId))
                    .col(string(Notices::Kind))
                    .col(string(Notices::Title))
                    .col(text(Notices::Body))
                    .col(text(Notices::Buildings))
                    .col(string(Notices::Status))
                    .col(uuid(Notices::CreatedBy))
                    .col(timestamp_null(Notices::PublishedAt))
                    .col(uuid_null(Notices::PublishedBy))
                    .col(timestamp_null(Notices::WithdrawnAt))
                    .col(timestamp(Notices::CreatedAt))
                    .col(timestamp(Notices::UpdatedAt))
                    .col(version(Notices::Version))
                    .foreign_key(&mut fk(
                        Notices::Table,
                        Notices::ProjectId,
                        Projects::Table,
                        Projects::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "ix_notices_project_status",
            Notices::Table,
            vec![Notices::ProjectId.into_iden(), Notices::Status.into_iden()],
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            Notices::Table.into_iden(),
            StewardPhotos::Table.into_iden(),
            PatrolResults::Table.into_iden(),
            Patrols::Table.into_iden(),
            PatrolCheckpoints::Table.into_iden(),
            PatrolRoutes::Table.into_iden(),
            StewardVisits::Table.into_iden(),
            VisitPlans::Table.into_iden(),
        ] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}
