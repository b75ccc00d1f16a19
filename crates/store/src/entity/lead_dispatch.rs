use sea_orm::entity::prelude::*;

/// One dispatch (or reassignment) of a lead to a designer: what the caps count.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "lead_dispatches")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub lead_id: Uuid,
    pub designer_id: Uuid,
    pub project_id: Uuid,
    pub dispatched_by: Uuid,
    pub dispatched_at: DateTimeUtc,
    pub forced: bool,
    #[sea_orm(column_type = "Text", nullable)]
    pub force_reason: Option<String>,
    /// The rules a forced dispatch broke, comma-separated in rule order.
    pub overridden: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
