use huiyin_domain::case::Satisfaction;
use sea_orm::entity::prelude::*;

use crate::wire::Wire;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "visits")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub case_id: Uuid,
    pub work_order_id: Option<Uuid>,
    pub visitor_id: Option<Uuid>,
    pub reached: bool,
    #[sea_orm(column_type = "String(StringLen::None)", nullable)]
    pub satisfaction: Option<Wire<Satisfaction>>,
    #[sea_orm(column_type = "Text", nullable)]
    pub comment: Option<String>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
