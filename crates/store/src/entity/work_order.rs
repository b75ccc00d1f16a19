use huiyin_domain::case::WorkOrderStatus;
use sea_orm::entity::prelude::*;

use crate::wire::Wire;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "work_orders")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub case_id: Uuid,
    pub sequence: i32,
    pub department_id: Uuid,
    pub assignee_id: Option<Uuid>,
    #[sea_orm(column_type = "String(StringLen::None)")]
    pub status: Wire<WorkOrderStatus>,
    #[sea_orm(column_type = "Text", nullable)]
    pub note: Option<String>,
    pub due_at: Option<DateTimeUtc>,
    pub dispatched_by: Option<Uuid>,
    pub dispatched_at: DateTimeUtc,
    pub accepted_at: Option<DateTimeUtc>,
    pub completed_at: Option<DateTimeUtc>,
    #[sea_orm(column_type = "Text", nullable)]
    pub result: Option<String>,
    pub charge_cents: Option<i64>,
    #[sea_orm(column_type = "Text", nullable)]
    pub materials: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
