//! Fee arrears (欠费催缴): one row per property and fee item while owed, the contact log, the
//! month's receivable/received per property for the collection rate, and a log of imports.

use sea_orm_migration::prelude::*;

use crate::columns::*;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261206_000400_create_arrears"
    }
}

#[derive(DeriveIden)]
enum Arrears {
    Table,
    Id,
    ProjectId,
    PropertyId,
    AreaId,
    FeeItem,
    Months,
    AmountFen,
    AsOf,
    Stage,
    NotifiedStage,
    Status,
    ImportedAt,
    ContactDueAt,
    WarnedAt,
    LastContactAt,
    LastContactId,
    ContactsCount,
    CaseId,
    LegalDecision,
    LegalReason,
    LegalDecidedBy,
    LegalDecidedAt,
    SettledAt,
    SettledAsOf,
    CreatedAt,
    UpdatedAt,
    Version,
}

#[derive(DeriveIden)]
enum ArrearsContacts {
    Table,
    Id,
    ArrearsId,
    Method,
    Result,
    Reason,
    Note,
    PromisedOn,
    CaseId,
    CreatedBy,
    CreatedAt,
}

#[derive(DeriveIden)]
enum ArrearsCollections {
    Table,
    Id,
    ProjectId,
    PropertyId,
    AreaId,
    FeeItem,
    Month,
    ReceivableFen,
    ReceivedFen,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum ArrearsImports {
    Table,
    Id,
    ProjectId,
    Rows,
    Opened,
    Updated,
    Unchanged,
    Settled,
    ImportedBy,
    ApiKeyId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Projects {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Properties {
    Table,
    Id,
}

fn big<T: IntoIden>(name: T) -> ColumnDef {
    ColumnDef::new(name).big_integer().not_null().to_owned()
}

async fn index(manager: &SchemaManager<'_>, name: &str, cols: Vec<Arrears>) -> Result<(), DbErr> {
    let mut index = Index::create().name(name).table(Arrears::Table).to_owned();
    for col in cols {
        index.col(col);
    }
    manager.create_index(index).await
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Arrears::Table)
                    .col(id(Arrears::Id))
                    .col(uuid(Arrears::ProjectId))
                    .col(uuid(Arrears::PropertyId))
                    .col(uuid_null(Arrears::AreaId))
                    .col(string(Arrears::FeeItem))
                    .col(integer(Arrears::Months))
                    .col(big(Arrears::AmountFen))
                    .col(ColumnDef::new(Arrears::AsOf).date().not_null())
                    .col(string(Arrears::Stage))
                    .col(string(Arrears::NotifiedStage))
                    .col(string(Arrears::Status))
                    .col(timestamp(Arrears::ImportedAt))
                    .col(timestamp(Arrears::ContactDueAt))
                    .col(timestamp_null(Arrears::WarnedAt))
                    .col(timestamp_null(Arrears::LastContactAt))
                    .col(uuid_null(Arrears::LastContactId))
                    .col(integer(Arrears::ContactsCount))
                    .col(uuid_null(Arrears::CaseId))
                    .col(string_null(Arrears::LegalDecision))
                    .col(text_null(Arrears::LegalReason))
                    .col(uuid_null(Arrears::LegalDecidedBy))
                    .col(timestamp_null(Arrears::LegalDecidedAt))
                    .col(timestamp_null(Arrears::SettledAt))
                    .col(ColumnDef::new(Arrears::SettledAsOf).date().null())
                    .col(timestamp(Arrears::CreatedAt))
                    .col(timestamp(Arrears::UpdatedAt))
                    .col(version(Arrears::Version))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Arrears::Table, Arrears::ProjectId)
                            .to(Projects::Table, Projects::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Arrears::Table, Arrears::PropertyId)
                            .to(Properties::Table, Properties::Id),
                    )
                    .to_owned(),
            )
            .await?;
        use Arrears as A;
        index(
            manager,
            "ix_arrears_project_status",
            vec![A::ProjectId, A::Status, A::Id],
        )
        .await?;
        index(
            manager,
            "ix_arrears_property_fee",
            vec![A::PropertyId, A::FeeItem, A::Status],
        )
        .await?;
        index(manager, "ix_arrears_status_due", vec![A::Status, A::ContactDueAt]).await?;
        index(manager, "ix_arrears_area", vec![A::AreaId, A::Status]).await?;

        manager
            .create_table(
                Table::create()
                    .table(ArrearsContacts::Table)
                    .col(id(ArrearsContacts::Id))
                    .col(uuid(ArrearsContacts::ArrearsId))
                    .col(string(ArrearsContacts::Method))
                    .col(string(ArrearsContacts::Result))
                    .col(string_null(ArrearsContacts::Reason))
                    .col(text_null(ArrearsContacts::Note))
                    .col(ColumnDef::new(ArrearsContacts::PromisedOn).date().null())
                    .col(uuid_null(ArrearsContacts::CaseId))
                    .col(uuid(ArrearsContacts::CreatedBy))
                    .col(timestamp(ArrearsContacts::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(ArrearsContacts::Table, ArrearsContacts::ArrearsId)
                            .to(Arrears::Table, Arrears::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_arrears_contacts_arrears")
                    .table(ArrearsContacts::Table)
                    .col(ArrearsContacts::ArrearsId)
                    .col(ArrearsContacts::Id)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_arrears_contacts_created")
                    .table(ArrearsContacts::Table)
                    .col(ArrearsContacts::CreatedAt)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(ArrearsCollections::Table)
                    .col(id(ArrearsCollections::Id))
                    .col(uuid(ArrearsCollections::ProjectId))
                    .col(uuid(ArrearsCollections::PropertyId))
                    .col(uuid_null(ArrearsCollections::AreaId))
                    .col(string(ArrearsCollections::FeeItem))
                    .col(string(ArrearsCollections::Month))
                    .col(big(ArrearsCollections::ReceivableFen))
                    .col(big(ArrearsCollections::ReceivedFen))
                    .col(timestamp(ArrearsCollections::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_arrears_collections_property_fee_month")
                    .table(ArrearsCollections::Table)
                    .col(ArrearsCollections::PropertyId)
                    .col(ArrearsCollections::FeeItem)
                    .col(ArrearsCollections::Month)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_arrears_collections_project_month")
                    .table(ArrearsCollections::Table)
                    .col(ArrearsCollections::ProjectId)
                    .col(ArrearsCollections::Month)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(ArrearsImports::Table)
                    .col(id(ArrearsImports::Id))
                    .col(uuid(ArrearsImports::ProjectId))
                    .col(integer(ArrearsImports::Rows))
                    .col(integer(ArrearsImports::Opened))
                    .col(integer(ArrearsImports::Updated))
                    .col(integer(ArrearsImports::Unchanged))
                    .col(integer(ArrearsImports::Settled))
                    .col(uuid_null(ArrearsImports::ImportedBy))
                    .col(uuid_null(ArrearsImports::ApiKeyId))
                    .col(timestamp(ArrearsImports::CreatedAt))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            ArrearsImports::Table.into_iden(),
            ArrearsCollections::Table.into_iden(),
            ArrearsContacts::Table.into_iden(),
            Arrears::Table.into_iden(),
        ] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}
