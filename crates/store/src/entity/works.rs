use huiyin_domain::decoration::works::WorksStatus;
use sea_orm::entity::prelude::*;

use crate::wire::Wire;

/// A construction job (装修工程) and, once completed, its customer archive entry.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "works")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub lead_id: Uuid,
    pub project_id: Uuid,
    pub customer_id: Uuid,
    pub property_id: Option<Uuid>,
    #[sea_orm(column_type = "Text")]
    pub address: String,
    pub contract_signed_on: Date,
    pub contract_amount_fen: i64,
    pub designer_id: Uuid,
    pub project_manager_id: Uuid,
    pub supervisor_id: Uuid,
    pub inspector_id: Option<Uuid>,
    pub planned_start: Date,
    pub planned_finish: Date,
    #[sea_orm(column_type = "String(StringLen::None)")]
    pub status: Wire<WorksStatus>,
    pub completed_on: Option<Date>,
    pub warranty_until: Option<Date>,
    pub warranty_card_issued: bool,
    pub warranty_deposit_fen: Option<i64>,
    pub created_by: Uuid,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub version: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
