use sea_orm::entity::prelude::*;

/// A month's receivable and received for one property and fee item (for the collection rate).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "arrears_collections")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub project_id: Uuid,
    pub property_id: Uuid,
    pub area_id: Option<Uuid>,
    pub fee_item: String,
    /// `YYYY-MM`.
    pub month: String,
    pub receivable_fen: i64,
    pub received_fen: i64,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
