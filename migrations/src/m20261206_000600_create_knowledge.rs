//! The knowledge base (articles, their categories, projects and search terms, and which cases
//! cited them) and the standard reply templates.

use sea_orm_migration::prelude::*;

use crate::columns::*;
use crate::m20261126_000001_create_organisation::{Projects, Users};

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261206_000600_create_knowledge"
    }
}

#[derive(DeriveIden)]
enum KnowledgeArticles {
    Table,
    Id,
    Title,
    Body,
    Status,
    Tags,
    CreatedBy,
    UpdatedBy,
    PublishedAt,
    CreatedAt,
    UpdatedAt,
    Version,
}

#[derive(DeriveIden)]
enum KnowledgeArticleCategories {
    Table,
    ArticleId,
    CategoryId,
}

#[derive(DeriveIden)]
enum KnowledgeArticleProjects {
    Table,
    ArticleId,
    ProjectId,
}

#[derive(DeriveIden)]
enum KnowledgeTerms {
    Table,
    Term,
    ArticleId,
    Field,
    Hits,
}

#[derive(DeriveIden)]
enum KnowledgeCitations {
    Table,
    ArticleId,
    CaseId,
    CitedBy,
    CreatedAt,
}

#[derive(DeriveIden)]
enum ReplyTemplates {
    Table,
    Id,
    Name,
    Body,
    Uses,
    CreatedBy,
    CreatedAt,
    UpdatedAt,
    Version,
}

#[derive(DeriveIden)]
enum Categories {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Cases {
    Table,
    Id,
}

fn cascade_to_article<T: IntoIden + 'static>(table: T, column: T) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(table, column)
        .to(KnowledgeArticles::Table, KnowledgeArticles::Id)
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

fn index(name: &str, table: impl IntoIden + 'static, cols: &[&'static str]) -> IndexCreateStatement {
    let mut i = Index::create();
    i.name(name).table(table);
    for c in cols {
        i.col(Alias::new(*c));
    }
    i.to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(KnowledgeArticles::Table)
                    .col(id(KnowledgeArticles::Id))
                    .col(string(KnowledgeArticles::Title))
                    .col(text(KnowledgeArticles::Body))
                    .col(string(KnowledgeArticles::Status))
                    .col(text(KnowledgeArticles::Tags))
                    .col(uuid(KnowledgeArticles::CreatedBy))
                    .col(uuid_null(KnowledgeArticles::UpdatedBy))
                    .col(timestamp_null(KnowledgeArticles::PublishedAt))
                    .col(timestamp(KnowledgeArticles::CreatedAt))
                    .col(timestamp(KnowledgeArticles::UpdatedAt))
                    .col(version(KnowledgeArticles::Version))
                    .foreign_key(
                        ForeignKey::create()
                            .from(KnowledgeArticles::Table, KnowledgeArticles::CreatedBy)
                            .to(Users::Table, Users::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "ix_knowledge_articles_updated",
                KnowledgeArticles::Table,
                &["updated_at", "id"],
            ))
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(KnowledgeArticleCategories::Table)
                    .col(uuid(KnowledgeArticleCategories::ArticleId))
                    .col(uuid(KnowledgeArticleCategories::CategoryId))
                    .primary_key(
                        Index::create()
                            .col(KnowledgeArticleCategories::ArticleId)
                            .col(KnowledgeArticleCategories::CategoryId),
                    )
                    .foreign_key(&mut cascade_to_article(
                        KnowledgeArticleCategories::Table,
                        KnowledgeArticleCategories::ArticleId,
                    ))
                    .foreign_key(
                        ForeignKey::create()
                            .from(
                                KnowledgeArticleCategories::Table,
                                KnowledgeArticleCategories::CategoryId,
                            )
                            .to(Categories::Table, Categories::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "ix_knowledge_article_categories_category",
                KnowledgeArticleCategories::Table,
                &["category_id"],
            ))
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(KnowledgeArticleProjects::Table)
                    .col(uuid(KnowledgeArticleProjects::ArticleId))
                    .col(uuid(KnowledgeArticleProjects::ProjectId))
                    .primary_key(
                        Index::create()
                            .col(KnowledgeArticleProjects::ArticleId)
                            .col(KnowledgeArticleProjects::ProjectId),
                    )
                    .foreign_key(&mut cascade_to_article(
                        KnowledgeArticleProjects::Table,
                        KnowledgeArticleProjects::ArticleId,
                    ))
                    .foreign_key(
                        ForeignKey::create()
                            .from(KnowledgeArticleProjects::Table, KnowledgeArticleProjects::ProjectId)
                            .to(Projects::Table, Projects::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(KnowledgeTerms::Table)
                    .col(string(KnowledgeTerms::Term))
                    .col(uuid(KnowledgeTerms::ArticleId))
                    .col(string(KnowledgeTerms::Field))
                    .col(integer(KnowledgeTerms::Hits))
                    .primary_key(
                        Index::create()
                            .col(KnowledgeTerms::Term)
                            .col(KnowledgeTerms::ArticleId)
                            .col(KnowledgeTerms::Field),
                    )
                    .foreign_key(&mut cascade_to_article(
                        KnowledgeTerms::Table,
                        KnowledgeTerms::ArticleId,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "ix_knowledge_terms_article",
                KnowledgeTerms::Table,
                &["article_id"],
            ))
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(KnowledgeCitations::Table)
                    .col(uuid(KnowledgeCitations::ArticleId))
                    .col(uuid(KnowledgeCitations::CaseId))
                    .col(uuid(KnowledgeCitations::CitedBy))
                    .col(timestamp(KnowledgeCitations::CreatedAt))
                    .primary_key(
                        Index::create()
                            .col(KnowledgeCitations::ArticleId)
                            .col(KnowledgeCitations::CaseId),
                    )
                    .foreign_key(&mut cascade_to_article(
                        KnowledgeCitations::Table,
                        KnowledgeCitations::ArticleId,
                    ))
                    .foreign_key(
                        ForeignKey::create()
                            .from(KnowledgeCitations::Table, KnowledgeCitations::CaseId)
                            .to(Cases::Table, Cases::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "ix_knowledge_citations_created",
                KnowledgeCitations::Table,
                &["created_at"],
            ))
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ReplyTemplates::Table)
                    .col(id(ReplyTemplates::Id))
                    .col(string(ReplyTemplates::Name))
                    .col(text(ReplyTemplates::Body))
                    .col(text(ReplyTemplates::Uses))
                    .col(uuid(ReplyTemplates::CreatedBy))
                    .col(timestamp(ReplyTemplates::CreatedAt))
                    .col(timestamp(ReplyTemplates::UpdatedAt))
                    .col(version(ReplyTemplates::Version))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                index("ux_reply_templates_name", ReplyTemplates::Table, &["name"])
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            KnowledgeCitations::Table.into_iden(),
            KnowledgeTerms::Table.into_iden(),
            KnowledgeArticleProjects::Table.into_iden(),
            KnowledgeArticleCategories::Table.into_iden(),
            KnowledgeArticles::Table.into_iden(),
            ReplyTemplates::Table.into_iden(),
        ] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}
