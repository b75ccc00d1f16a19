use sea_orm::entity::prelude::*;

/// A case linked to a works: opened by a stage visit, or a repair marked paid (out of warranty).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "works_cases")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub case_id: Uuid,
    pub works_id: Uuid,
    /// `visit_issue`, `dissatisfied_visit` or `paid_repair`.
    pub reason: String,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
