//! The customer archive's household facts: the move-in date, the household size and one
//! emergency contact (name and phone as two columns). All nullable: older records have none.
//! One column per statement, because SQLite's `ALTER TABLE` adds a single column at a time.

use sea_orm_migration::prelude::*;

use crate::alter::{add_columns, drop_columns};

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261206_desk_customer_archive"
    }
}

#[derive(DeriveIden)]
enum Customers {
    Table,
    MoveInOn,
    HouseholdSize,
    EmergencyContactName,
    EmergencyContactPhone,
}

fn columns() -> Vec<ColumnDef> {
    vec![
        ColumnDef::new(Customers::MoveInOn).date().null().to_owned(),
        ColumnDef::new(Customers::HouseholdSize).integer().null().to_owned(),
        ColumnDef::new(Customers::EmergencyContactName)
            .string()
            .null()
            .to_owned(),
        ColumnDef::new(Customers::EmergencyContactPhone)
            .string()
            .null()
            .to_owned(),
    ]
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        add_columns(manager, Customers::Table, columns()).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let columns = [
            Customers::EmergencyContactPhone,
            Customers::EmergencyContactName,
            Customers::HouseholdSize,
            Customers::MoveInOn,
        ];
        drop_columns(manager, Customers::Table, columns).await
    }
}
