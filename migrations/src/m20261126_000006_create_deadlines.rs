//! Deadlines that act: per-case due times, breach flags, pause and escalation level; SLA
//! policies; settings (business calendar, warning rules); escalation contacts; scheduled
//! return visits; warnings; notifications; webhooks and their deliveries.

use sea_orm_migration::prelude::*;

use crate::columns::*;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261126_000006_create_deadlines"
    }
}

#[derive(DeriveIden)]
enum Cases {
    Table,
    VerifyDueAt,
    DispatchDueAt,
    ReplyDueAt,
    NextDueAt,
    NextBreachAt,
    VerifyBreached,
    DispatchBreached,
    ResolveBreached,
    ReplyBreached,
    Level,
    PeakLevel,
    PausedAt,
    PauseReason,
    Status,
}

#[derive(DeriveIden)]
enum SlaPolicies {
    Table,
    Id,
    Kind,
    Severity,
    VerifySecs,
    DispatchSecs,
    ResolveSecs,
    ReplySecs,
    ContactCheckSecs,
    OutcomeCheckSecs,
    SatisfactionVisitSecs,
    BusinessHours,
    CreatedAt,
    UpdatedAt,
    Version,
}

#[derive(DeriveIden)]
enum Settings {
    Table,
    Key,
    Value,
    UpdatedAt,
    Version,
}

#[derive(DeriveIden)]
enum EscalationContacts {
    Table,
    Id,
    Level,
    ProjectId,
    UserId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum ScheduledVisits {
    Table,
    Id,
    CaseId,
    ProjectId,
    Purpose,
    DueAt,
    Status,
    NotifiedAt,
    DoneAt,
    DoneBy,
    Reached,
    Note,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Warnings {
    Table,
    Id,
    Rule,
    SubjectKey,
    ProjectId,
    Title,
    Detail,
    CaseIds,
    FiredAt,
    AcknowledgedAt,
    AcknowledgedBy,
    AckNote,
}

#[derive(DeriveIden)]
enum Notifications {
    Table,
    Id,
    UserId,
    Kind,
    Title,
    Body,
    CaseId,
    WarningId,
    CreatedAt,
    ReadAt,
}

#[derive(DeriveIden)]
enum Webhooks {
    Table,
    Id,
    Name,
    Url,
    Events,
    Secret,
    Active,
    CreatedAt,
    UpdatedAt,
    Version,
}

#[derive(DeriveIden)]
enum WebhookDeliveries {
    Table,
    Id,
    WebhookId,
    Event,
    Payload,
    Status,
    Attempts,
    ResponseStatus,
    Error,
    CreatedAt,
    UpdatedAt,
    DeliveredAt,
}

fn boolean_false<T: IntoIden>(name: T) -> ColumnDef {
    ColumnDef::new(name).boolean().not_null().default(false).to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite takes one column per ALTER TABLE.
        let case_columns = [
            timestamp_null(Cases::VerifyDueAt),
            timestamp_null(Cases::DispatchDueAt),
            timestamp_null(Cases::ReplyDueAt),
            timestamp_null(Cases::NextDueAt),
            timestamp_null(Cases::NextBreachAt),
            boolean_false(Cases::VerifyBreached),
            boolean_false(Cases::DispatchBreached),
            boolean_false(Cases::ResolveBreached),
            boolean_false(Cases::ReplyBreached),
            ColumnDef::new(Cases::Level)
                .string()
                .not_null()
                .default("project")
                .to_owned(),
            ColumnDef::new(Cases::PeakLevel)
                .string()
                .not_null()
                .default("project")
                .to_owned(),
            timestamp_null(Cases::PausedAt),
            string_null(Cases::PauseReason),
        ];
        for mut column in case_columns {
            manager
                .alter_table(Table::alter().table(Cases::Table).add_column(&mut column).to_owned())
                .await?;
        }
        manager
            .create_index(
                Index::create()
                    .name("ix_cases_next_due_at")
                    .table(Cases::Table)
                    .col(Cases::NextDueAt)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_cases_next_breach_at")
                    .table(Cases::Table)
                    .col(Cases::NextBreachAt)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_cases_level_status")
                    .table(Cases::Table)
                    .col(Cases::Level)
                    .col(Cases::Status)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(SlaPolicies::Table)
                    .col(id(SlaPolicies::Id))
                    .col(string_null(SlaPolicies::Kind))
                    .col(string_null(SlaPolicies::Severity))
                    .col(ColumnDef::new(SlaPolicies::VerifySecs).big_integer().not_null())
                    .col(ColumnDef::new(SlaPolicies::DispatchSecs).big_integer().not_null())
                    .col(ColumnDef::new(SlaPolicies::ResolveSecs).big_integer().not_null())
                    .col(ColumnDef::new(SlaPolicies::ReplySecs).big_integer().not_null())
                    .col(ColumnDef::new(SlaPolicies::ContactCheckSecs).big_integer().not_null())
                    .col(ColumnDef::new(SlaPolicies::OutcomeCheckSecs).big_integer().not_null())
                    .col(
                        ColumnDef::new(SlaPolicies::SatisfactionVisitSecs)
                            .big_integer()
                            .not_null(),
                    )
                    .col(boolean(SlaPolicies::BusinessHours))
                    .col(timestamp(SlaPolicies::CreatedAt))
                    .col(timestamp(SlaPolicies::UpdatedAt))
                    .col(version(SlaPolicies::Version))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Settings::Table)
                    .col(ColumnDef::new(Settings::Key).string().not_null().primary_key())
                    .col(text(Settings::Value))
                    .col(timestamp(Settings::UpdatedAt))
                    .col(version(Settings::Version))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(EscalationContacts::Table)
                    .col(id(EscalationContacts::Id))
                    .col(string(EscalationContacts::Level))
                    .col(uuid_null(EscalationContacts::ProjectId))
                    .col(uuid(EscalationContacts::UserId))
                    .col(timestamp(EscalationContacts::CreatedAt))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(ScheduledVisits::Table)
                    .col(id(ScheduledVisits::Id))
                    .col(uuid(ScheduledVisits::CaseId))
                    .col(uuid(ScheduledVisits::ProjectId))
                    .col(string(ScheduledVisits::Purpose))
                    .col(timestamp(ScheduledVisits::DueAt))
                    .col(string(ScheduledVisits::Status))
                    .col(timestamp_null(ScheduledVisits::NotifiedAt))
                    .col(timestamp_null(ScheduledVisits::DoneAt))
                    .col(uuid_null(ScheduledVisits::DoneBy))
                    .col(ColumnDef::new(ScheduledVisits::Reached).boolean().null())
                    .col(text_null(ScheduledVisits::Note))
                    .col(timestamp(ScheduledVisits::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_scheduled_visits_status_due")
                    .table(ScheduledVisits::Table)
                    .col(ScheduledVisits::Status)
                    .col(ScheduledVisits::DueAt)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_scheduled_visits_case")
                    .table(ScheduledVisits::Table)
                    .col(ScheduledVisits::CaseId)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Warnings::Table)
                    .col(id(Warnings::Id))
                    .col(string(Warnings::Rule))
                    .col(string(Warnings::SubjectKey))
                    .col(uuid_null(Warnings::ProjectId))
                    .col(string(Warnings::Title))
                    .col(text(Warnings::Detail))
                    .col(text(Warnings::CaseIds))
                    .col(timestamp(Warnings::FiredAt))
                    .col(timestamp_null(Warnings::AcknowledgedAt))
                    .col(uuid_null(Warnings::AcknowledgedBy))
                    .col(text_null(Warnings::AckNote))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_warnings_subject")
                    .table(Warnings::Table)
                    .col(Warnings::SubjectKey)
                    .col(Warnings::FiredAt)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Notifications::Table)
                    .col(id(Notifications::Id))
                    .col(uuid(Notifications::UserId))
                    .col(string(Notifications::Kind))
                    .col(string(Notifications::Title))
                    .col(text(Notifications::Body))
                    .col(uuid_null(Notifications::CaseId))
                    .col(uuid_null(Notifications::WarningId))
                    .col(timestamp(Notifications::CreatedAt))
                    .col(timestamp_null(Notifications::ReadAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_notifications_user_created")
                    .table(Notifications::Table)
                    .col(Notifications::UserId)
                    .col(Notifications::CreatedAt)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Webhooks::Table)
                    .col(id(Webhooks::Id))
                    .col(string(Webhooks::Name))
                    .col(text(Webhooks::Url))
                    .col(text(Webhooks::Events))
                    .col(string(Webhooks::Secret))
                    .col(boolean(Webhooks::Active))
                    .col(timestamp(Webhooks::CreatedAt))
                    .col(timestamp(Webhooks::UpdatedAt))
                    .col(version(Webhooks::Version))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(WebhookDeliveries::Table)
                    .col(id(WebhookDeliveries::Id))
                    .col(uuid(WebhookDeliveries::WebhookId))
                    .col(string(WebhookDeliveries::Event))
                    .col(text(WebhookDeliveries::Payload))
                    .col(string(WebhookDeliveries::Status))
                    .col(integer(WebhookDeliveries::Attempts))
                    .col(ColumnDef::new(WebhookDeliveries::ResponseStatus).integer().null())
                    .col(text_null(WebhookDeliveries::Error))
                    .col(timestamp(WebhookDeliveries::CreatedAt))
                    .col(timestamp(WebhookDeliveries::UpdatedAt))
                    .col(timestamp_null(WebhookDeliveries::DeliveredAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_webhook_deliveries_webhook")
                    .table(WebhookDeliveries::Table)
                    .col(WebhookDeliveries::WebhookId)
                    .col(WebhookDeliveries::CreatedAt)
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            WebhookDeliveries::Table.into_iden(),
            Webhooks::Table.into_iden(),
            Notifications::Table.into_iden(),
            Warnings::Table.into_iden(),
            ScheduledVisits::Table.into_iden(),
            EscalationContacts::Table.into_iden(),
            Settings::Table.into_iden(),
            SlaPolicies::Table.into_iden(),
        ] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        for index in [
            "ix_cases_next_due_at",
            "ix_cases_next_breach_at",
            "ix_cases_level_status",
        ] {
            manager
                .drop_index(Index::drop().name(index).table(Cases::Table).to_owned())
                .await?;
        }
        for column in [
            Cases::VerifyDueAt.into_iden(),
            Cases::DispatchDueAt.into_iden(),
            Cases::ReplyDueAt.into_iden(),
            Cases::NextDueAt.into_iden(),
            Cases::NextBreachAt.into_iden(),
            Cases::VerifyBreached.into_iden(),
            Cases::DispatchBreached.into_iden(),
            Cases::ResolveBreached.into_iden(),
            Cases::ReplyBreached.into_iden(),
            Cases::Level.into_iden(),
            Cases::PeakLevel.into_iden(),
            Cases::PausedAt.into_iden(),
            Cases::PauseReason.into_iden(),
        ] {
            manager
                .alter_table(Table::alter().table(Cases::Table).drop_column(column).to_owned())
                .await?;
        }
        Ok(())
    }
}
