use huiyin_domain::handover::{HandoverStatus, Shift};
use sea_orm::entity::prelude::*;

use crate::wire::Wire;

/// A shift handover (交接班记录).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "handovers")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub author_id: Uuid,
    /// `huiyin_domain::handover::Shift`.
    #[sea_orm(column_type = "String(StringLen::None)")]
    pub shift: Wire<Shift>,
    #[sea_orm(column_type = "Text", nullable)]
    pub notes: Option<String>,
    #[sea_orm(column_type = "Text", nullable)]
    pub instructions: Option<String>,
    #[sea_orm(column_type = "Text", nullable)]
    pub suggestions: Option<String>,
    #[sea_orm(column_type = "Text", nullable)]
    pub equipment: Option<String>,
    /// JSON: the open items when it was written.
    #[sea_orm(column_type = "Text")]
    pub snapshot: String,
    /// `huiyin_domain::handover::HandoverStatus`.
    #[sea_orm(column_type = "String(StringLen::None)")]
    pub status: Wire<HandoverStatus>,
    pub accepted_by: Option<Uuid>,
    pub accepted_at: Option<DateTimeUtc>,
    #[sea_orm(column_type = "Text", nullable)]
    pub accept_note: Option<String>,
    pub reminded_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub version: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
