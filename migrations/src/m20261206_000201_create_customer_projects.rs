//! Which projects a customer belongs to beyond their properties: the projects they were
//! registered in and the projects of their cases. A customer is visible to a project's staff only
//! through a property in the project or a row here — no longer to every project when they have
//! no property.
//!
//! A phone number is no longer unique across the company: a caller of project B whose number is
//! already on a project-A record gets a record of their own in B (B's staff must not be handed
//! A's record). The store keeps a number unique among the customers one user can see.

use sea_orm_migration::prelude::*;

use crate::columns::uuid;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261206_000201_create_customer_projects"
    }
}

#[derive(DeriveIden)]
enum CustomerProjects {
    Table,
    CustomerId,
    ProjectId,
}

#[derive(DeriveIden)]
enum Customers {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Projects {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Cases {
    Table,
    CustomerId,
    ProjectId,
}

#[derive(DeriveIden)]
enum CustomerPhones {
    Table,
    Phone,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(CustomerProjects::Table)
                    .col(uuid(CustomerProjects::CustomerId))
                    .col(uuid(CustomerProjects::ProjectId))
                    .primary_key(
                        Index::create()
                            .col(CustomerProjects::CustomerId)
                            .col(CustomerProjects::ProjectId),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(CustomerProjects::Table, CustomerProjects::CustomerId)
                            .to(Customers::Table, Customers::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(CustomerProjects::Table, CustomerProjects::ProjectId)
                            .to(Projects::Table, Projects::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_customer_projects_project_id")
                    .table(CustomerProjects::Table)
                    .col(CustomerProjects::ProjectId)
                    .col(CustomerProjects::CustomerId)
                    .to_owned(),
            )
            .await?;
        // Customers already belong to the projects of their cases.
        let backfill = Query::insert()
            .into_table(CustomerProjects::Table)
            .columns([CustomerProjects::CustomerId, CustomerProjects::ProjectId])
            .select_from(
                Query::select()
                    .distinct()
                    .columns([Cases::CustomerId, Cases::ProjectId])
                    .from(Cases::Table)
                    .and_where(Expr::col(Cases::CustomerId).is_not_null())
                    .to_owned(),
            )
            .map_err(|e| DbErr::Migration(e.to_string()))?
            .to_owned();
        manager.exec_stmt(backfill).await?;
        manager
            .drop_index(
                Index::drop()
                    .name("ux_customer_phones_phone")
                    .table(CustomerPhones::Table)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_customer_phones_phone")
                    .table(CustomerPhones::Table)
                    .col(CustomerPhones::Phone)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name("ix_customer_phones_phone")
                    .table(CustomerPhones::Table)
                    .to_owned(),
            )
            .await?;
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
            .drop_table(Table::drop().table(CustomerProjects::Table).to_owned())
            .await
    }
}
