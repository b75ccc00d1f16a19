//! `cases.answer_article_id`: the knowledge article an inquiry was answered from when it was
//! closed on the spot, so the statistics can rank articles by the inquiries they closed.
//! No foreign key: SQLite cannot add one to an existing table, and the store checks the
//! article when it is given (published, visible to the case's project).

use sea_orm_migration::prelude::*;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261206_reports_case_answer_article"
    }
}

#[derive(DeriveIden)]
enum Cases {
    Table,
    AnswerArticleId,
}

const INDEX: &str = "ix_cases_answer_article";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Cases::Table)
                    .add_column(ColumnDef::new(Cases::AnswerArticleId).uuid().null())
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name(INDEX)
                    .table(Cases::Table)
                    .col(Cases::AnswerArticleId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(Index::drop().name(INDEX).table(Cases::Table).to_owned())
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Cases::Table)
                    .drop_column(Cases::AnswerArticleId)
                    .to_owned(),
            )
            .await
    }
}
