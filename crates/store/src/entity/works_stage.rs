use huiyin_domain::decoration::works::StageStatus;
use sea_orm::entity::prelude::*;

use crate::wire::Wire;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "works_stages")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub works_id: Uuid,
    pub name: String,
    pub position: i32,
    #[sea_orm(column_type = "String(StringLen::None)")]
    pub status: Wire<StageStatus>,
    pub started_at: Option<DateTimeUtc>,
    pub visit_due_at: Option<DateTimeUtc>,
    pub visited_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
