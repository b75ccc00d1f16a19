//! `cases.answer_article_id`: the knowledge article an inquiry was answered from when it was
//! closed on the spot, so the statistics can rank articles by the inquiries they closed.
//! No foreign key: SQLite cannot add one to an existing table, and the store checks the
//! article when it is given (published, visible to the case's project).

use sea_orm_migration::prelude::*;

use crate::alter::{add_columns, add_index, drop_columns, drop_index};

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
        let column = ColumnDef::new(Cases::AnswerArticleId).uuid().null().to_owned();
        add_columns(manager, Cases::Table, [column]).await?;
        add_index(manager, INDEX, Cases::Table, [Cases::AnswerArticleId]).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        drop_index(manager, INDEX, Cases::Table).await?;
        drop_columns(manager, Cases::Table, [Cases::AnswerArticleId]).await
    }
}
