//! A scheduled return visit may be assigned to one person: the area's steward when the
//! project's return visits are made by stewards (`visits_by: steward`). Without an assignee the
//! service desk takes it, as before.

use sea_orm_migration::prelude::*;

use crate::alter::{add_columns, drop_columns};

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261206_scope_visit_assignees"
    }
}

#[derive(DeriveIden)]
enum ScheduledVisits {
    Table,
    AssigneeId,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let column = ColumnDef::new(ScheduledVisits::AssigneeId).uuid().null().to_owned();
        add_columns(manager, ScheduledVisits::Table, [column]).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        drop_columns(manager, ScheduledVisits::Table, [ScheduledVisits::AssigneeId]).await
    }
}
