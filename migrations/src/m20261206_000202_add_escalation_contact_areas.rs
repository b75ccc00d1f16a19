//! Escalation contacts per area: a contact with `area_id` hears of the area's cases (the area's
//! own supervisor at "area level"); project contacts remain the fallback.

use sea_orm_migration::prelude::*;

use crate::alter::{add_columns, drop_columns};

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261206_000202_add_escalation_contact_areas"
    }
}

#[derive(DeriveIden)]
enum EscalationContacts {
    Table,
    AreaId,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let column = ColumnDef::new(EscalationContacts::AreaId).uuid().null().to_owned();
        add_columns(manager, EscalationContacts::Table, [column]).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        drop_columns(manager, EscalationContacts::Table, [EscalationContacts::AreaId]).await
    }
}
