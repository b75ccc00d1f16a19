use huiyin_domain::knowledge::Field;
use sea_orm::entity::prelude::*;

use crate::wire::Wire;

/// One search term of an article (`huiyin_domain::knowledge::terms`) and how often it occurs
/// in one field (`title`, `tags` or `body`).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "knowledge_terms")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub term: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub article_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    #[sea_orm(column_type = "String(StringLen::None)")]
    pub field: Wire<Field>,
    pub hits: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
