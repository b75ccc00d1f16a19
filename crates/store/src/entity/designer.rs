use huiyin_domain::decoration::dispatch::DesignerLevel;
use sea_orm::entity::prelude::*;

use crate::wire::Wire;

/// A designer's grade and group; also the row dispatches to the designer lock (`FOR UPDATE`).
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "designers")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub user_id: Uuid,
    #[sea_orm(column_type = "String(StringLen::None)")]
    pub level: Wire<DesignerLevel>,
    pub group_name: String,
    pub top_signer: bool,
    pub last_dispatched_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub version: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
