use huiyin_domain::arrears::{ArrearsStatus, LegalDecision, Stage};
use sea_orm::entity::prelude::*;

use crate::wire::Wire;

/// One property's arrears on one fee item while owed (`status` open), kept once settled.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "arrears")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub project_id: Uuid,
    pub property_id: Uuid,
    pub area_id: Option<Uuid>,
    pub fee_item: String,
    pub months: i32,
    pub amount_fen: i64,
    pub as_of: Date,
    /// `huiyin_domain::arrears::Stage`.
    #[sea_orm(column_type = "String(StringLen::None)")]
    pub stage: Wire<Stage>,
    /// The highest stage already announced to its people.
    #[sea_orm(column_type = "String(StringLen::None)")]
    pub notified_stage: Wire<Stage>,
    /// `huiyin_domain::arrears::ArrearsStatus`.
    #[sea_orm(column_type = "String(StringLen::None)")]
    pub status: Wire<ArrearsStatus>,
    /// When the current `as_of` arrived (the contact window runs from here).
    pub imported_at: DateTimeUtc,
    pub contact_due_at: DateTimeUtc,
    /// When the not-contacted warning covered the current `as_of`.
    pub warned_at: Option<DateTimeUtc>,
    pub last_contact_at: Option<DateTimeUtc>,
    pub last_contact_id: Option<Uuid>,
    pub contacts_count: i32,
    /// The complaint a service dispute opened or linked.
    pub case_id: Option<Uuid>,
    #[sea_orm(column_type = "String(StringLen::None)", nullable)]
    pub legal_decision: Option<Wire<LegalDecision>>,
    #[sea_orm(column_type = "Text", nullable)]
    pub legal_reason: Option<String>,
    pub legal_decided_by: Option<Uuid>,
    pub legal_decided_at: Option<DateTimeUtc>,
    pub settled_at: Option<DateTimeUtc>,
    /// The `as_of` of the import that settled it (older figures arriving later do not reopen it).
    pub settled_as_of: Option<Date>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub version: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
