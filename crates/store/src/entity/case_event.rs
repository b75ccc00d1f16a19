use huiyin_domain::case::{CaseStatus, Visibility};
use sea_orm::entity::prelude::*;

use crate::wire::Wire;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "case_events")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub case_id: Uuid,
    pub actor_id: Option<Uuid>,
    pub action: String,
    #[sea_orm(column_type = "String(StringLen::None)", nullable)]
    pub from_status: Option<Wire<CaseStatus>>,
    #[sea_orm(column_type = "String(StringLen::None)", nullable)]
    pub to_status: Option<Wire<CaseStatus>>,
    #[sea_orm(column_type = "Text", nullable)]
    pub note: Option<String>,
    /// JSON object with the action-specific facts.
    #[sea_orm(column_type = "Text")]
    pub payload: String,
    #[sea_orm(column_type = "String(StringLen::None)")]
    pub visibility: Wire<Visibility>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
