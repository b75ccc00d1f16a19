//! Home-decoration companies: designers' grades, leads with their dispatches and timeline,
//! construction works with stages, stage visits and the cases they opened.

use sea_orm_migration::prelude::*;

use crate::columns::*;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261206_000500_create_decoration"
    }
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Designers {
    Table,
    UserId,
    Level,
    GroupName,
    TopSigner,
    LastDispatchedAt,
    CreatedAt,
    UpdatedAt,
    Version,
}

#[derive(DeriveIden)]
enum Leads {
    Table,
    Id,
    Number,
    ProjectId,
    Source,
    CustomerId,
    Phone,
    Address,
    FloorAreaM2,
    BudgetFen,
    Size,
    Status,
    StatusBeforeLoss,
    PlannedOn,
    BroughtBy,
    Evidence,
    TransferSlip,
    DuplicateOf,
    AttributionNote,
    DesignerId,
    DispatchedAt,
    Intent,
    LastContactAt,
    FollowUpDueOn,
    LossKind,
    LossReason,
    LossStatement,
    LossReportedBy,
    LossReportedAt,
    LossConfirmedBy,
    LossNote,
    MeasuredAt,
    SignedAt,
    ClosedAt,
    CreatedBy,
    CreatedAt,
    UpdatedAt,
    Version,
}

#[derive(DeriveIden)]
enum LeadDispatches {
    Table,
    Id,
    LeadId,
    DesignerId,
    ProjectId,
    DispatchedBy,
    DispatchedAt,
    Forced,
    ForceReason,
    Overridden,
}

#[derive(DeriveIden)]
enum LeadEvents {
    Table,
    Id,
    LeadId,
    ActorId,
    Action,
    Channel,
    Note,
    NextOn,
    Payload,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Works {
    Table,
    Id,
    LeadId,
    ProjectId,
    CustomerId,
    PropertyId,
    Address,
    ContractSignedOn,
    ContractAmountFen,
    DesignerId,
    ProjectManagerId,
    SupervisorId,
    InspectorId,
    PlannedStart,
    PlannedFinish,
    Status,
    CompletedOn,
    WarrantyUntil,
    WarrantyCardIssued,
    WarrantyDepositFen,
    CreatedBy,
    CreatedAt,
    UpdatedAt,
    Version,
}

#[derive(DeriveIden)]
enum WorksStages {
    Table,
    Id,
    WorksId,
    Name,
    Position,
    Status,
    StartedAt,
    VisitDueAt,
    VisitedAt,
}

#[derive(DeriveIden)]
enum WorksVisits {
    Table,
    Id,
    WorksId,
    Stage,
    DueAt,
    DoneAt,
    VisitorId,
    Satisfaction,
    InspectorPresent,
    BriefingClear,
    DesignerSatisfaction,
    Issues,
    CaseId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum WorksCases {
    Table,
    CaseId,
    WorksId,
    Reason,
    CreatedAt,
}

fn date<T: IntoIden>(name: T) -> ColumnDef {
    ColumnDef::new(name).date().not_null().to_owned()
}

fn date_null<T: IntoIden>(name: T) -> ColumnDef {
    ColumnDef::new(name).date().null().to_owned()
}

fn big<T: IntoIden>(name: T) -> ColumnDef {
    ColumnDef::new(name).big_integer().not_null().to_owned()
}

fn index(name: &str, table: impl IntoIden + 'static, cols: Vec<DynIden>) -> IndexCreateStatement {
    let mut index = Index::create();
    index.name(name).table(table);
    for col in cols {
        index.col(col);
    }
    index.to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Designers::Table)
                    .col(ColumnDef::new(Designers::UserId).uuid().not_null().primary_key())
                    .col(string(Designers::Level))
                    .col(string(Designers::GroupName))
                    .col(boolean(Designers::TopSigner))
                    .col(timestamp_null(Designers::LastDispatchedAt))
                    .col(timestamp(Designers::CreatedAt))
                    .col(timestamp(Designers::UpdatedAt))
                    .col(version(Designers::Version))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Designers::Table, Designers::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Leads::Table)
                    .col(id(Leads::Id))
                    .col(string(Leads::Number).unique_key())
                    .col(uuid(Leads::ProjectId))
                    .col(string(Leads::Source))
                    .col(uuid(Leads::CustomerId))
                    .col(string(Leads::Phone))
                    .col(text(Leads::Address))
                    .col(ColumnDef::new(Leads::FloorAreaM2).double().null())
                    .col(big(Leads::BudgetFen))
                    .col(string(Leads::Size))
                    .col(string(Leads::Status))
                    .col(string_null(Leads::StatusBeforeLoss))
                    .col(date_null(Leads::PlannedOn))
                    .col(string_null(Leads::BroughtBy))
                    .col(text_null(Leads::Evidence))
                    .col(text_null(Leads::TransferSlip))
                    .col(uuid_null(Leads::DuplicateOf))
                    .col(text_null(Leads::AttributionNote))
                    .col(uuid_null(Leads::DesignerId))
                    .col(timestamp_null(Leads::DispatchedAt))
                    .col(string(Leads::Intent))
                    .col(timestamp(Leads::LastContactAt))
                    .col(date(Leads::FollowUpDueOn))
                    .col(string_null(Leads::LossKind))
                    .col(string_null(Leads::LossReason))
                    .col(text_null(Leads::LossStatement))
                    .col(uuid_null(Leads::LossReportedBy))
                    .col(timestamp_null(Leads::LossReportedAt))
                    .col(uuid_null(Leads::LossConfirmedBy))
                    .col(text_null(Leads::LossNote))
                    .col(timestamp_null(Leads::MeasuredAt))
                    .col(timestamp_null(Leads::SignedAt))
                    .col(timestamp_null(Leads::ClosedAt))
                    .col(uuid(Leads::CreatedBy))
                    .col(timestamp(Leads::CreatedAt))
                    .col(timestamp(Leads::UpdatedAt))
                    .col(version(Leads::Version))
                    .to_owned(),
            )
            .await?;
        for statement in [
            index(
                "ix_leads_project_id",
                Leads::Table,
                vec![Leads::ProjectId.into_iden(), Leads::Id.into_iden()],
            ),
            index(
                "ix_leads_designer_id",
                Leads::Table,
                vec![Leads::DesignerId.into_iden(), Leads::Id.into_iden()],
            ),
            index(
                "ix_leads_phone_created",
                Leads::Table,
                vec![Leads::Phone.into_iden(), Leads::CreatedAt.into_iden()],
            ),
            index(
                "ix_leads_status_due",
                Leads::Table,
                vec![Leads::Status.into_iden(), Leads::FollowUpDueOn.into_iden()],
            ),
        ] {
            manager.create_index(statement).await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(LeadDispatches::Table)
                    .col(id(LeadDispatches::Id))
                    .col(uuid(LeadDispatches::LeadId))
                    .col(uuid(LeadDispatches::DesignerId))
                    .col(uuid(LeadDispatches::ProjectId))
                    .col(uuid(LeadDispatches::DispatchedBy))
                    .col(timestamp(LeadDispatches::DispatchedAt))
                    .col(boolean(LeadDispatches::Forced))
                    .col(text_null(LeadDispatches::ForceReason))
                    .col(string(LeadDispatches::Overridden))
                    .foreign_key(
                        ForeignKey::create()
                            .from(LeadDispatches::Table, LeadDispatches::LeadId)
                            .to(Leads::Table, Leads::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "ix_lead_dispatches_designer_at",
                LeadDispatches::Table,
                vec![
                    LeadDispatches::DesignerId.into_iden(),
                    LeadDispatches::DispatchedAt.into_iden(),
                ],
            ))
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(LeadEvents::Table)
                    .col(id(LeadEvents::Id))
                    .col(uuid(LeadEvents::LeadId))
                    .col(uuid_null(LeadEvents::ActorId))
                    .col(string(LeadEvents::Action))
                    .col(string_null(LeadEvents::Channel))
                    .col(text_null(LeadEvents::Note))
                    .col(date_null(LeadEvents::NextOn))
                    .col(text(LeadEvents::Payload))
                    .col(timestamp(LeadEvents::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(LeadEvents::Table, LeadEvents::LeadId)
                            .to(Leads::Table, Leads::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "ix_lead_events_lead",
                LeadEvents::Table,
                vec![LeadEvents::LeadId.into_iden(), LeadEvents::Id.into_iden()],
            ))
            .await?;
        create_works(manager).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            WorksCases::Table.into_iden(),
            WorksVisits::Table.into_iden(),
            WorksStages::Table.into_iden(),
            Works::Table.into_iden(),
            LeadEvents::Table.into_iden(),
            LeadDispatches::Table.into_iden(),
            Leads::Table.into_iden(),
            Designers::Table.into_iden(),
        ] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}

async fn create_works(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    manager
        .create_table(
            Table::create()
                .table(Works::Table)
                .col(id(Works::Id))
                .col(uuid(Works::LeadId).unique_key())
                .col(uuid(Works::ProjectId))
                .col(uuid(Works::CustomerId))
                .col(uuid_null(Works::PropertyId))
                .col(text(Works::Address))
                .col(date(Works::ContractSignedOn))
                .col(big(Works::ContractAmountFen))
                .col(uuid(Works::DesignerId))
                .col(uuid(Works::ProjectManagerId))
                .col(uuid(Works::SupervisorId))
                .col(uuid_null(Works::InspectorId))
                .col(date(Works::PlannedStart))
                .col(date(Works::PlannedFinish))
                .col(string(Works::Status))
                .col(date_null(Works::CompletedOn))
                .col(date_null(Works::WarrantyUntil))
                .col(boolean(Works::WarrantyCardIssued))
                .col(ColumnDef::new(Works::WarrantyDepositFen).big_integer().null())
                .col(uuid(Works::CreatedBy))
                .col(timestamp(Works::CreatedAt))
                .col(timestamp(Works::UpdatedAt))
                .col(version(Works::Version))
                .foreign_key(
                    ForeignKey::create()
                        .from(Works::Table, Works::LeadId)
                        .to(Leads::Table, Leads::Id),
                )
                .to_owned(),
        )
        .await?;
    for statement in [
        index(
            "ix_works_project",
            Works::Table,
            vec![Works::ProjectId.into_iden(), Works::Id.into_iden()],
        ),
        index(
            "ix_works_designer",
            Works::Table,
            vec![Works::DesignerId.into_iden(), Works::Id.into_iden()],
        ),
        index("ix_works_customer", Works::Table, vec![Works::CustomerId.into_iden()]),
        index("ix_works_property", Works::Table, vec![Works::PropertyId.into_iden()]),
    ] {
        manager.create_index(statement).await?;
    }
    manager
        .create_table(
            Table::create()
                .table(WorksStages::Table)
                .col(id(WorksStages::Id))
                .col(uuid(WorksStages::WorksId))
                .col(string(WorksStages::Name))
                .col(integer(WorksStages::Position))
                .col(string(WorksStages::Status))
                .col(timestamp_null(WorksStages::StartedAt))
                .col(timestamp_null(WorksStages::VisitDueAt))
                .col(timestamp_null(WorksStages::VisitedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(WorksStages::Table, WorksStages::WorksId)
                        .to(Works::Table, Works::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
    manager
        .create_index(
            Index::create()
                .name("ux_works_stages_name")
                .table(WorksStages::Table)
                .col(WorksStages::WorksId)
                .col(WorksStages::Name)
                .unique()
                .to_owned(),
        )
        .await?;
    manager
        .create_table(
            Table::create()
                .table(WorksVisits::Table)
                .col(id(WorksVisits::Id))
                .col(uuid(WorksVisits::WorksId))
                .col(string(WorksVisits::Stage))
                .col(timestamp(WorksVisits::DueAt))
                .col(timestamp_null(WorksVisits::DoneAt))
                .col(uuid_null(WorksVisits::VisitorId))
                .col(string_null(WorksVisits::Satisfaction))
                .col(ColumnDef::new(WorksVisits::InspectorPresent).boolean().null())
                .col(ColumnDef::new(WorksVisits::BriefingClear).boolean().null())
                .col(string_null(WorksVisits::DesignerSatisfaction))
                .col(text_null(WorksVisits::Issues))
                .col(uuid_null(WorksVisits::CaseId))
                .col(timestamp(WorksVisits::CreatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(WorksVisits::Table, WorksVisits::WorksId)
                        .to(Works::Table, Works::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
    manager
        .create_index(index(
            "ix_works_visits_works_due",
            WorksVisits::Table,
            vec![WorksVisits::WorksId.into_iden(), WorksVisits::DueAt.into_iden()],
        ))
        .await?;
    manager
        .create_table(
            Table::create()
                .table(WorksCases::Table)
                .col(ColumnDef::new(WorksCases::CaseId).uuid().not_null().primary_key())
                .col(uuid(WorksCases::WorksId))
                .col(string(WorksCases::Reason))
                .col(timestamp(WorksCases::CreatedAt))
                .to_owned(),
        )
        .await?;
    manager
        .create_index(index(
            "ix_works_cases_works",
            WorksCases::Table,
            vec![WorksCases::WorksId.into_iden()],
        ))
        .await
}
