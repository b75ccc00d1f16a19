use huiyin_domain::decoration::lead::{Intent, LeadSource, LeadStatus, LossKind, LossReason, OrderSize};
use sea_orm::entity::prelude::*;

use crate::wire::Wire;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "leads")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub number: String,
    pub project_id: Uuid,
    #[sea_orm(column_type = "String(StringLen::None)")]
    pub source: Wire<LeadSource>,
    pub customer_id: Uuid,
    pub phone: String,
    #[sea_orm(column_type = "Text")]
    pub address: String,
    #[sea_orm(column_type = "Double", nullable)]
    pub floor_area_m2: Option<f64>,
    pub budget_fen: i64,
    #[sea_orm(column_type = "String(StringLen::None)")]
    pub size: Wire<OrderSize>,
    #[sea_orm(column_type = "String(StringLen::None)")]
    pub status: Wire<LeadStatus>,
    #[sea_orm(column_type = "String(StringLen::None)", nullable)]
    pub status_before_loss: Option<Wire<LeadStatus>>,
    pub planned_on: Option<Date>,
    pub brought_by: Option<String>,
    #[sea_orm(column_type = "Text", nullable)]
    pub evidence: Option<String>,
    /// JSON of the transfer slip (传递单) for marketing leads.
    #[sea_orm(column_type = "Text", nullable)]
    pub transfer_slip: Option<String>,
    pub duplicate_of: Option<Uuid>,
    #[sea_orm(column_type = "Text", nullable)]
    pub attribution_note: Option<String>,
    pub designer_id: Option<Uuid>,
    pub dispatched_at: Option<DateTimeUtc>,
    #[sea_orm(column_type = "String(StringLen::None)")]
    pub intent: Wire<Intent>,
    pub last_contact_at: DateTimeUtc,
    pub follow_up_due_on: Date,
    #[sea_orm(column_type = "String(StringLen::None)", nullable)]
    pub loss_kind: Option<Wire<LossKind>>,
    #[sea_orm(column_type = "String(StringLen::None)", nullable)]
    pub loss_reason: Option<Wire<LossReason>>,
    #[sea_orm(column_type = "Text", nullable)]
    pub loss_statement: Option<String>,
    pub loss_reported_by: Option<Uuid>,
    pub loss_reported_at: Option<DateTimeUtc>,
    pub loss_confirmed_by: Option<Uuid>,
    #[sea_orm(column_type = "Text", nullable)]
    pub loss_note: Option<String>,
    pub measured_at: Option<DateTimeUtc>,
    pub signed_at: Option<DateTimeUtc>,
    pub closed_at: Option<DateTimeUtc>,
    pub created_by: Uuid,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub version: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
