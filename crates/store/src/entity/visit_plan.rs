use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "visit_plans")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub area_id: Uuid,
    /// The monthly coverage target in basis points of the area's households (3000 = 30 %).
    pub target_basis_points: i32,
    /// JSON array of customer tags that make a key customer.
    #[sea_orm(column_type = "Text")]
    pub key_tags: String,
    pub updated_at: DateTimeUtc,
    pub version: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
