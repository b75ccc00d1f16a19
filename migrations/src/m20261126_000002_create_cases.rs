//! Customers, categories, cases with their timeline, work orders, visits, attachments,
//! per-day case number sequences and idempotency records.

use sea_orm_migration::prelude::*;

use crate::columns::*;
use crate::m20261126_000001_create_organisation::{Areas, Departments, Projects, Properties, Users};

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261126_000002_create_cases"
    }
}

#[derive(DeriveIden)]
enum Customers {
    Table,
    Id,
    Name,
    Tags,
    Notes,
    SearchText,
    CreatedAt,
    UpdatedAt,
    Version,
}

#[derive(DeriveIden)]
enum CustomerPhones {
    Table,
    CustomerId,
    Phone,
    Position,
}

#[derive(DeriveIden)]
enum CustomerProperties {
    Table,
    CustomerId,
    PropertyId,
    Relation,
}

#[derive(DeriveIden)]
enum Categories {
    Table,
    Id,
    ParentId,
    Code,
    Name,
    NameEn,
    Position,
    Active,
    CreatedAt,
    UpdatedAt,
    Version,
}

#[derive(DeriveIden)]
enum Cases {
    Table,
    Id,
    Number,
    Kind,
    Channel,
    CategoryId,
    Severity,
    Status,
    ProjectId,
    AreaId,
    PropertyId,
    CustomerId,
    Title,
    Description,
    SearchText,
    ReportedAt,
    CreatedBy,
    DepartmentId,
    AssigneeId,
    CurrentWorkOrderId,
    DispatchCount,
    DueAt,
    VerifiedAt,
    FirstDispatchedAt,
    ResolvedAt,
    RepliedAt,
    ClosedAt,
    CancelledAt,
    ClosedOnSpot,
    LastSatisfaction,
    DuplicateOf,
    CreatedAt,
    UpdatedAt,
    Version,
}

#[derive(DeriveIden)]
enum CaseEvents {
    Table,
    Id,
    CaseId,
    ActorId,
    Action,
    FromStatus,
    ToStatus,
    Note,
    Payload,
    Visibility,
    CreatedAt,
}

#[derive(DeriveIden)]
enum WorkOrders {
    Table,
    Id,
    CaseId,
    Sequence,
    DepartmentId,
    AssigneeId,
    Status,
    Note,
    DueAt,
    DispatchedBy,
    DispatchedAt,
    AcceptedAt,
    CompletedAt,
    Result,
    ChargeCents,
    Materials,
}

#[derive(DeriveIden)]
enum Visits {
    Table,
    Id,
    CaseId,
    WorkOrderId,
    VisitorId,
    Reached,
    Satisfaction,
    Comment,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Attachments {
    Table,
    Id,
    CaseId,
    FileName,
    ContentType,
    SizeBytes,
    StorageKey,
    UploadedBy,
    CreatedAt,
}

#[derive(DeriveIden)]
enum CaseNumberSequences {
    Table,
    Prefix,
    Day,
    Last,
}

#[derive(DeriveIden)]
enum IdempotencyKeys {
    Table,
    OwnerId,
    Key,
    RequestHash,
    ResponseStatus,
    ResponseBody,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Customers::Table)
                    .col(id(Customers::Id))
                    .col(string(Customers::Name))
                    .col(text(Customers::Tags))
                    .col(text(Customers::Notes))
                    .col(text(Customers::SearchText))
                    .col(timestamp(Customers::CreatedAt))
                    .col(timestamp(Customers::UpdatedAt))
                    .col(version(Customers::Version))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_customers_name")
                    .table(Customers::Table)
                    .col(Customers::Name)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(CustomerPhones::Table)
                    .col(uuid(CustomerPhones::CustomerId))
                    .col(string(CustomerPhones::Phone))
                    .col(integer(CustomerPhones::Position))
                    .primary_key(
                        Index::create()
                            .col(CustomerPhones::CustomerId)
                            .col(CustomerPhones::Phone),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(CustomerPhones::Table, CustomerPhones::CustomerId)
                            .to(Customers::Table, Customers::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        // One phone number belongs to one customer: that is what makes phone lookup answer "who is calling".
        manager
            .create_index(
                Index::create()
                    .name("ux_customer_phones_phone")
                    .table(CustomerPhones::Table)
                    .col(CustomerPhones::Phone)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(CustomerProperties::Table)
                    .col(uuid(CustomerProperties::CustomerId))
                    .col(uuid(CustomerProperties::PropertyId))
                    .col(string(CustomerProperties::Relation))
                    .primary_key(
                        Index::create()
                            .col(CustomerProperties::CustomerId)
                            .col(CustomerProperties::PropertyId),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(CustomerProperties::Table, CustomerProperties::CustomerId)
                            .to(Customers::Table, Customers::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(CustomerProperties::Table, CustomerProperties::PropertyId)
                            .to(Properties::Table, Properties::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_customer_properties_property")
                    .table(CustomerProperties::Table)
                    .col(CustomerProperties::PropertyId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Categories::Table)
                    .col(id(Categories::Id))
                    .col(uuid_null(Categories::ParentId))
                    .col(string(Categories::Code).unique_key())
                    .col(string(Categories::Name))
                    .col(string(Categories::NameEn))
                    .col(integer(Categories::Position))
                    .col(boolean(Categories::Active))
                    .col(timestamp(Categories::CreatedAt))
                    .col(timestamp(Categories::UpdatedAt))
                    .col(version(Categories::Version))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Categories::Table, Categories::ParentId)
                            .to(Categories::Table, Categories::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Cases::Table)
                    .col(id(Cases::Id))
                    .col(string(Cases::Number).unique_key())
                    .col(string(Cases::Kind))
                    .col(string(Cases::Channel))
                    .col(uuid_null(Cases::CategoryId))
                    .col(string(Cases::Severity))
                    .col(string(Cases::Status))
                    .col(uuid(Cases::ProjectId))
                    .col(uuid_null(Cases::AreaId))
                    .col(uuid_null(Cases::PropertyId))
                    .col(uuid_null(Cases::CustomerId))
                    .col(string(Cases::Title))
                    .col(text(Cases::Description))
                    .col(text(Cases::SearchText))
                    .col(timestamp(Cases::ReportedAt))
                    .col(uuid_null(Cases::CreatedBy))
                    .col(uuid_null(Cases::DepartmentId))
                    .col(uuid_null(Cases::AssigneeId))
                    .col(uuid_null(Cases::CurrentWorkOrderId))
                    .col(integer(Cases::DispatchCount))
                    .col(timestamp_null(Cases::DueAt))
                    .col(timestamp_null(Cases::VerifiedAt))
                    .col(timestamp_null(Cases::FirstDispatchedAt))
                    .col(timestamp_null(Cases::ResolvedAt))
                    .col(timestamp_null(Cases::RepliedAt))
                    .col(timestamp_null(Cases::ClosedAt))
                    .col(timestamp_null(Cases::CancelledAt))
                    .col(ColumnDef::new(Cases::ClosedOnSpot).boolean().not_null().default(false))
                    .col(string_null(Cases::LastSatisfaction))
                    .col(uuid_null(Cases::DuplicateOf))
                    .col(timestamp(Cases::CreatedAt))
                    .col(timestamp(Cases::UpdatedAt))
                    .col(version(Cases::Version))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Cases::Table, Cases::ProjectId)
                            .to(Projects::Table, Projects::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Cases::Table, Cases::AreaId)
                            .to(Areas::Table, Areas::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Cases::Table, Cases::PropertyId)
                            .to(Properties::Table, Properties::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Cases::Table, Cases::CustomerId)
                            .to(Customers::Table, Customers::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Cases::Table, Cases::CategoryId)
                            .to(Categories::Table, Categories::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Cases::Table, Cases::DepartmentId)
                            .to(Departments::Table, Departments::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Cases::Table, Cases::AssigneeId)
                            .to(Users::Table, Users::Id),
                    )
                    .to_owned(),
            )
            .await?;
        for (name, cols) in [
            ("ix_cases_created", vec![Cases::CreatedAt, Cases::Id]),
            (
                "ix_cases_project_created",
                vec![Cases::ProjectId, Cases::CreatedAt, Cases::Id],
            ),
            ("ix_cases_status_due", vec![Cases::Status, Cases::DueAt, Cases::Id]),
            (
                "ix_cases_department_status",
                vec![Cases::DepartmentId, Cases::Status, Cases::DueAt],
            ),
            ("ix_cases_assignee_status", vec![Cases::AssigneeId, Cases::Status]),
            ("ix_cases_customer", vec![Cases::CustomerId, Cases::CreatedAt]),
            ("ix_cases_property", vec![Cases::PropertyId, Cases::CreatedAt]),
            ("ix_cases_area", vec![Cases::AreaId, Cases::CreatedAt]),
            ("ix_cases_closed", vec![Cases::ClosedAt]),
            ("ix_cases_updated", vec![Cases::UpdatedAt, Cases::Id]),
        ] {
            let mut index = Index::create().name(name).table(Cases::Table).to_owned();
            for col in cols {
                index.col(col);
            }
            manager.create_index(index).await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(CaseEvents::Table)
                    .col(id(CaseEvents::Id))
                    .col(uuid(CaseEvents::CaseId))
                    .col(uuid_null(CaseEvents::ActorId))
                    .col(string(CaseEvents::Action))
                    .col(string_null(CaseEvents::FromStatus))
                    .col(string_null(CaseEvents::ToStatus))
                    .col(text_null(CaseEvents::Note))
                    .col(text(CaseEvents::Payload))
                    .col(string(CaseEvents::Visibility))
                    .col(timestamp(CaseEvents::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(CaseEvents::Table, CaseEvents::CaseId)
                            .to(Cases::Table, Cases::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_case_events_case")
                    .table(CaseEvents::Table)
                    .col(CaseEvents::CaseId)
                    .col(CaseEvents::Id)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(WorkOrders::Table)
                    .col(id(WorkOrders::Id))
                    .col(uuid(WorkOrders::CaseId))
                    .col(integer(WorkOrders::Sequence))
                    .col(uuid(WorkOrders::DepartmentId))
                    .col(uuid_null(WorkOrders::AssigneeId))
                    .col(string(WorkOrders::Status))
                    .col(text_null(WorkOrders::Note))
                    .col(timestamp_null(WorkOrders::DueAt))
                    .col(uuid_null(WorkOrders::DispatchedBy))
                    .col(timestamp(WorkOrders::DispatchedAt))
                    .col(timestamp_null(WorkOrders::AcceptedAt))
                    .col(timestamp_null(WorkOrders::CompletedAt))
                    .col(text_null(WorkOrders::Result))
                    .col(big_integer_null(WorkOrders::ChargeCents))
                    .col(text_null(WorkOrders::Materials))
                    .foreign_key(
                        ForeignKey::create()
                            .from(WorkOrders::Table, WorkOrders::CaseId)
                            .to(Cases::Table, Cases::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(WorkOrders::Table, WorkOrders::DepartmentId)
                            .to(Departments::Table, Departments::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_work_orders_case_seq")
                    .table(WorkOrders::Table)
                    .col(WorkOrders::CaseId)
                    .col(WorkOrders::Sequence)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Visits::Table)
                    .col(id(Visits::Id))
                    .col(uuid(Visits::CaseId))
                    .col(uuid_null(Visits::WorkOrderId))
                    .col(uuid_null(Visits::VisitorId))
                    .col(boolean(Visits::Reached))
                    .col(string_null(Visits::Satisfaction))
                    .col(text_null(Visits::Comment))
                    .col(timestamp(Visits::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Visits::Table, Visits::CaseId)
                            .to(Cases::Table, Cases::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_visits_case")
                    .table(Visits::Table)
                    .col(Visits::CaseId)
                    .col(Visits::CreatedAt)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Attachments::Table)
                    .col(id(Attachments::Id))
                    .col(uuid(Attachments::CaseId))
                    .col(string(Attachments::FileName))
                    .col(string(Attachments::ContentType))
                    .col(ColumnDef::new(Attachments::SizeBytes).big_integer().not_null())
                    .col(string(Attachments::StorageKey))
                    .col(uuid_null(Attachments::UploadedBy))
                    .col(timestamp(Attachments::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Attachments::Table, Attachments::CaseId)
                            .to(Cases::Table, Cases::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_attachments_case")
                    .table(Attachments::Table)
                    .col(Attachments::CaseId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(CaseNumberSequences::Table)
                    .col(string(CaseNumberSequences::Prefix))
                    .col(string(CaseNumberSequences::Day))
                    .col(integer(CaseNumberSequences::Last))
                    .primary_key(
                        Index::create()
                            .col(CaseNumberSequences::Prefix)
                            .col(CaseNumberSequences::Day),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(IdempotencyKeys::Table)
                    .col(uuid(IdempotencyKeys::OwnerId))
                    .col(string(IdempotencyKeys::Key))
                    .col(string(IdempotencyKeys::RequestHash))
                    .col(integer(IdempotencyKeys::ResponseStatus))
                    .col(text(IdempotencyKeys::ResponseBody))
                    .col(timestamp(IdempotencyKeys::CreatedAt))
                    .primary_key(Index::create().col(IdempotencyKeys::OwnerId).col(IdempotencyKeys::Key))
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            IdempotencyKeys::Table.into_iden(),
            CaseNumberSequences::Table.into_iden(),
            Attachments::Table.into_iden(),
            Visits::Table.into_iden(),
            WorkOrders::Table.into_iden(),
            CaseEvents::Table.into_iden(),
            Cases::Table.into_iden(),
            Categories::Table.into_iden(),
            CustomerProperties::Table.into_iden(),
            CustomerPhones::Table.into_iden(),
            Customers::Table.into_iden(),
        ] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}
