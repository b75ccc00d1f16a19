use huiyin_domain::knowledge::ArticleStatus;
use sea_orm::entity::prelude::*;

use crate::wire::Wire;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "knowledge_articles")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub title: String,
    /// Markdown.
    pub body: String,
    /// `draft` or `published` (`huiyin_domain::knowledge::ArticleStatus`).
    #[sea_orm(column_type = "String(StringLen::None)")]
    pub status: Wire<ArticleStatus>,
    /// JSON array of strings.
    pub tags: String,
    pub created_by: Uuid,
    pub updated_by: Option<Uuid>,
    pub published_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub version: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
