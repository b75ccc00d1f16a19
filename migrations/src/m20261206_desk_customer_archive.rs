//! The customer archive's household facts: the move-in date, the household size and one
//! emergency contact (name and phone as two columns). All nullable: older records have none.
//! One column per statement, because SQLite's `ALTER TABLE` adds a single column at a time.

use sea_orm_migration::prelude::*;

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
        for mut column in columns() {
            manager
                .alter_table(
                    Table::alter()
                        .table(Customers::Table)
                        .add_column(&mut column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in [
            Customers::EmergencyContactPhone,
            Customers::EmergencyContactName,
            Customers::HouseholdSize,
            Customers::MoveInOn,
        ] {
            manager
                .alter_table(Table::alter().table(Customers::Table).drop_column(column).to_owned())
                .await?;
        }
        Ok(())
    }
}
