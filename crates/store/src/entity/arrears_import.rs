use sea_orm::entity::prelude::*;

/// What one arrears import changed.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "arrears_imports")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub project_id: Uuid,
    pub rows: i32,
    pub opened: i32,
    pub updated: i32,
    pub unchanged: i32,
    pub settled: i32,
    pub imported_by: Option<Uuid>,
    pub api_key_id: Option<Uuid>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
